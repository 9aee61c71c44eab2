/*
 * attendance_form.h — the delegate form of the Attendance screen: a sub-
 * view, called by the dispatcher (attendance.c) only; it calls the base
 * (attendance_screen.h) only.
 */
#ifndef RAPPORTEUR_ATTENDANCE_FORM_H
#define RAPPORTEUR_ATTENDANCE_FORM_H

#include "attendance_screen.h"

/* Open the form (the dispatcher has ended any other mode). */
void att_form_add(struct att *a, int d);
void att_form_edit(struct att *a, int d, const struct att_delegate *p);
void att_form_draw(struct att *a, WINDOW *w);
unsigned att_form_handle(struct att *a, int key);
void att_form_free(struct att *a);

#endif
