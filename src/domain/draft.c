/*
 * draft.c — the drafts of text being typed (draft.h): what the editor saves
 * about every second (a new recommendation, an amendment, a summary, a
 * note), read back to offer recovery, and cleared when the command that
 * uses the text succeeds. A draft is not a record: it is not journaled.
 *
 * Queries use the primary key of draft (kind, session_id, ref).
 */
#include "draft.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

typedef int draft_stmt_fn(struct db *, const char *, long long, long long, const char *);

/* Run one draft statement in its own transaction unless one is open. */
static int draft_write(struct db *db, draft_stmt_fn *stmt, const char *kind, long long session,
		       long long ref, const char *text)
{
	bool own = !db_in_transaction(db);
	int rc;

	if (own && (rc = db_begin(db)) != DB_OK)
		return rc;
	rc = stmt(db, kind, session, ref, text);
	if (own) {
		if (rc == DB_OK)
			rc = db_commit(db);
		if (rc != DB_OK)
			db_rollback(db);
	}
	return rc;
}

static int draft_upsert(struct db *db, const char *kind, long long session, long long ref,
			const char *text)
{
	char now[32];

	return db_run(db, "INSERT INTO draft (kind, session_id, ref, text, saved_at)"
			  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, session_id, ref)"
			  " DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
		      "tiitt", kind, session, ref, text ? text : "",
		      time_iso(clock_now(), now, sizeof now));
}

static int draft_delete(struct db *db, const char *kind, long long session, long long ref,
			const char *text)
{
	(void)text;
	return db_run(db, "DELETE FROM draft WHERE kind = ? AND session_id = ? AND ref = ?", "tii",
		      kind, session, ref);
}

int recs_draft_save(struct db *db, const char *kind, long long session, long long ref,
		    const char *text)
{
	return draft_write(db, draft_upsert, kind, session, ref, text);
}

char *recs_draft_load(struct db *db, const char *kind, long long session, long long ref)
{
	return db_text(db, "SELECT text FROM draft WHERE kind = ? AND session_id = ? AND ref = ?",
		       "tii", kind, session, ref);
}

int recs_draft_clear(struct db *db, const char *kind, long long session, long long ref)
{
	return draft_write(db, draft_delete, kind, session, ref, NULL);
}

int recs_drafts(struct db *db, long long session, struct rec_draft_info **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT kind, ref, saved_at, text FROM draft WHERE kind IN ('rec', 'amend')"
		" AND session_id = ? ORDER BY saved_at DESC, kind, ref", "i", session);
	size_t cap = 4;
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(cap, sizeof **rows);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct rec_draft_info *d;

		if (*n == cap) {
			cap *= 2;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		d = &(*rows)[(*n)++];
		memset(d, 0, sizeof *d);
		str_copy(d->kind, dbq_text(q, 0), sizeof d->kind);
		d->ref = dbq_int(q, 1);
		str_copy(d->saved_at, dbq_text(q, 2), sizeof d->saved_at);
		d->text = xstrdup(dbq_text(q, 3));
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		recs_drafts_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void recs_drafts_free(struct rec_draft_info **rows, size_t n)
{
	if (!rows || !*rows)
		return;
	for (size_t i = 0; i < n; i++)
		free((*rows)[i].text);
	free(*rows);
	*rows = NULL;
}
