/*
 * recs_edit.h — the text editor and its drafts: a sub-view of the
 * Recommendations screen, called by the dispatcher (recs.c) only; it calls
 * the base (recs_screen.h) only.
 */
#ifndef RAPPORTEUR_RECS_EDIT_H
#define RAPPORTEUR_RECS_EDIT_H

#include "recs_screen.h"

/* Open the editor on a new recommendation (ask author and title) or on
 * the text of r->num (amend); resumes a saved draft. */
void recs_edit_new(struct recs *r);
void recs_edit_amend(struct recs *r);
unsigned recs_edit_handle(struct recs *r, int key);
void recs_edit_draw(struct recs *r, WINDOW *w);
void recs_edit_layout(struct recs *r);
/* Save the draft now if the text changed since the last save. */
int recs_edit_save_draft(struct recs *r); /* 0, or -1 when the database refused it */
unsigned recs_edit_tick(struct recs *r);
/* The data was read again while editing (another instance wrote). */
void recs_edit_reloaded(struct recs *r);
void recs_edit_close(struct recs *r, bool keep_draft);
/* Drafts: look for them at the first opening; the offer line; its keys. */
void recs_offers_check(struct recs *r);
const char *recs_offer_text(struct recs *r, char *buf, size_t size);
unsigned recs_offer_handle(struct recs *r, int key);
void recs_offers_free(struct recs *r);

#endif
