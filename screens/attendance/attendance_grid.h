/*
 * attendance_grid.h — the R4 lines of the Attendance screen: a sub-view,
 * called by the dispatcher (attendance.c) only; it calls the base
 * (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_GRID_H
#define RAPPORTEUR_ATTENDANCE_GRID_H

#include "attendance_screen.h"

void att_grid_layout(struct att *a);
void att_grid_draw(struct att *a, WINDOW *w);
unsigned att_grid_handle(struct att *a, const struct key_event *ev);

#endif
