/*
 * attendance_rows.h — the list rows and the detail line of the Attendance
 * screen: a sub-view, called by the dispatcher (attendance.c) only; it
 * calls the base (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_ROWS_H
#define RAPPORTEUR_ATTENDANCE_ROWS_H

#include "attendance_screen.h"

void att_draw_row(void *ud, WINDOW *w, int y, int x, int width, int index);
void att_draw_heading(struct att *a, WINDOW *w);
void att_draw_detail(struct att *a, WINDOW *w);

#endif
