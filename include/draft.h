/*
 * draft.h — drafts of text being typed (draft.c), outside the journal.
 */
#ifndef RAPPORTEUR_DRAFT_H
#define RAPPORTEUR_DRAFT_H

#include <stddef.h>

struct db;

/*
 * The editor saves what is being typed about every second, so that a
 * crash or a dropped connection loses at most a second of typing. A draft
 * is keyed by kind ("rec", "amend", "summary", "note"), session and ref
 * (e.g. the recommendation number, 0 when none). It is not a record: it is
 * not journaled. Each save is its own small transaction when none is open
 * (inside an open one it simply joins it). Returns 0 or a db status < 0.
 */
int recs_draft_save(struct db *db, const char *kind, long long session, long long ref,
		    const char *text);
/* The saved draft (malloc'd), or NULL when there is none. */
char *recs_draft_load(struct db *db, const char *kind, long long session, long long ref);
int recs_draft_clear(struct db *db, const char *kind, long long session, long long ref);

/* A draft of a recommendation's text: kind "rec" (a new one, ref 0) or
 * "amend" (ref = the recommendation's number). */
struct rec_draft_info {
	char kind[16];
	long long ref;
	char saved_at[32];        /* ISO 8601 */
	char *text;
};
/* The session's drafts of kinds "rec" and "amend", newest first. */
int recs_drafts(struct db *db, long long session, struct rec_draft_info **rows, size_t *n);
void recs_drafts_free(struct rec_draft_info **rows, size_t n);

#endif
