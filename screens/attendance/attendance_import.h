/*
 * attendance_import.h — the import preview of the Attendance screen: a
 * sub-view, called by the dispatcher (attendance.c) only; it calls the
 * base (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_IMPORT_H
#define RAPPORTEUR_ATTENDANCE_IMPORT_H

#include "attendance_screen.h"

/* Ask for a file and preview it (the dispatcher has ended any other mode). */
void att_import_start(struct att *a);
void att_import_draw(struct att *a, WINDOW *w, bool full);
unsigned att_import_handle(struct att *a, const struct key_event *ev);
void att_import_free(struct att *a);

#endif
