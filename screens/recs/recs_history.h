/*
 * recs_history.h — the versions and the word diff: a sub-view of the
 * Recommendations screen, called by the dispatcher (recs.c) only; it calls
 * the base (recs_screen.h) only.
 */
#ifndef RAPPORTEUR_RECS_HISTORY_H
#define RAPPORTEUR_RECS_HISTORY_H

#include "recs_screen.h"

void recs_history_open(struct recs *r);
void recs_history_load(struct recs *r);
void recs_history_layout(struct recs *r);
void recs_history_draw(struct recs *r, WINDOW *w);
unsigned recs_history_handle(struct recs *r, int key);
void recs_history_free(struct recs *r);

#endif
