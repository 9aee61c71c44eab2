/*
 * recs_detail.h — the detail of one recommendation and the workflow
 * actions: a sub-view of the Recommendations screen, called by the
 * dispatcher (recs.c) only; it calls the base (recs_screen.h) only.
 */
#ifndef RAPPORTEUR_RECS_DETAIL_H
#define RAPPORTEUR_RECS_DETAIL_H

#include "recs_screen.h"

/* Paint the detail (laid out again when stale). */
void recs_detail_draw(struct recs *r, WINDOW *w);
/* Keys of the detail view: scroll, Esc back to the list. */
unsigned recs_detail_key(struct recs *r, int key);
/* The detail's recommendation as a row (in tmp), or NULL. */
const struct rec_row *recs_detail_row(struct recs *r, struct rec_row *tmp);
/* The workflow action of command cmd on row (CMD_COSPONSOR, _RESERVE,
 * _OBJECT, _UNOBJECT, _STATUS, _ADOPT, _REC_SET; others do nothing), with
 * its pick lists and prompts; row is the caller's copy. */
void recs_detail_act(struct recs *r, enum cmd_id cmd, const struct rec_row *row);

#endif
