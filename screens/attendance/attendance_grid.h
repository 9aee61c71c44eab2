/*
 * attendance_grid.h — the R4 lines of the Attendance screen: a sub-view,
 * called by the dispatcher (attendance.c) only; it calls the base
 * (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_GRID_H
#define RAPPORTEUR_ATTENDANCE_GRID_H

#include "attendance_screen.h"

void att_grid_layout(struct att *a);
/* The summary and the grid; only full (the data or the layout changed)
 * or when the grid's focus, selection or first row changed. */
void att_grid_draw(struct att *a, WINDOW *w, bool full);
unsigned att_grid_handle(struct att *a, const struct key_event *ev);
/* ! — the next member state after check row `from` (-1: from the start),
 * wrapping, whose R4 result is not OK: the grid's cursor moves to it and
 * its delegation is selected in the list. */
unsigned att_grid_next_bad(struct att *a, int from);

#endif
