/*
 * attendance_pick.h — the pick lists of the Attendance screen: a sub-view,
 * called by the dispatcher (attendance.c) only; it calls the base
 * (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_PICK_H
#define RAPPORTEUR_ATTENDANCE_PICK_H

#include "attendance_screen.h"

/* Open a pick list (the dispatcher has ended any other mode). */
void att_pick_min_level(struct att *a);
void att_pick_themes(struct att *a);
void att_pick_draw(struct att *a, WINDOW *w, bool full);
unsigned att_pick_handle(struct att *a, int key);
void att_pick_free(struct att *a);

#endif
