/*
 * recs_view.c — reads the Recommendations screen needs beyond recs_read.c
 * (declared at the end of recs.h): the numbers of the filtered list, the
 * theme codes in use (for the theme filter), and the drafts of texts
 * being typed with the time they were saved (for the recovery offer).
 *
 * Queries use the indexes of schema.c: recommendation (session_id, num)
 * and (session_id, status, num), and the primary key of draft.
 */
#include "recs.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "util.h"

int recs_nums(struct db *db, long long session, const char *status, const char *theme,
	      long long **nums, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT r.num FROM recommendation r WHERE r.session_id = ?1"
		" AND (?2 IS NULL OR r.status = ?2)"
		" AND (?3 IS NULL OR r.theme_id = (SELECT id FROM theme WHERE code = ?3))"
		" ORDER BY r.num",
		"itt", session, str_empty(status) ? NULL : status, str_empty(theme) ? NULL : theme);
	size_t cap = 16;
	int rc = DB_DONE;

	*nums = NULL;
	*n = 0;
	if (!q)
		return -1;
	*nums = xmalloc(cap * sizeof **nums);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap *= 2;
			*nums = xrealloc(*nums, cap * sizeof **nums);
		}
		(*nums)[(*n)++] = dbq_int(q, 0);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(*nums);
		*nums = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int recs_theme_codes(struct db *db, long long session, char ***codes, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT DISTINCT t.code FROM recommendation r JOIN theme t ON t.id = r.theme_id"
		" WHERE r.session_id = ? ORDER BY t.code", "i", session);
	size_t cap = 8;
	int rc = DB_DONE;

	*codes = NULL;
	*n = 0;
	if (!q)
		return -1;
	*codes = xcalloc(cap + 1, sizeof **codes);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap *= 2;
			*codes = xrealloc(*codes, (cap + 1) * sizeof **codes);
		}
		(*codes)[(*n)++] = xstrdup(dbq_text(q, 0));
		(*codes)[*n] = NULL;
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		recs_codes_free(codes, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void recs_codes_free(char ***codes, size_t n)
{
	if (!codes || !*codes)
		return;
	for (size_t i = 0; i < n; i++)
		free((*codes)[i]);
	free(*codes);
	*codes = NULL;
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
