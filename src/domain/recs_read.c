/*
 * recs_read.c — read access to the recommendations of a session for the
 * Recommendations screen and the export (recs.h): the list with filters
 * and keyset paging, one recommendation with its latest text, its
 * versions, objections and reservations; the numbers of the filtered list
 * and the theme codes in use (for the theme filter). The commands are in
 * recs.c, the drafts of text being typed in draft.c.
 *
 * Queries go through the indexes of schema.c: recommendation (session_id,
 * num) and (session_id, status, num), rec_version (rec_id, version), the
 * primary keys of rec_cosponsor, rec_objection and rec_reservation.
 */
#include "recs.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "util.h"

/* The id of recommendation num of the session, 0 when none. */
static long long rec_id_of(struct db *db, long long session, long long num)
{
	return db_int(db, 0, "SELECT id FROM recommendation WHERE session_id = ? AND num = ?", "ii",
		      session, num);
}

int recs_list(struct db *db, long long session, const char *status, const char *theme,
	      long long after_num, size_t limit, struct rec_row **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT r.id, r.num, r.title, r.status, a.code,"
		" (SELECT group_concat(code, '; ') FROM (SELECT d.code FROM rec_cosponsor c"
		"   JOIN delegation d ON d.id = c.delegation_id WHERE c.rec_id = r.id ORDER BY d.code)),"
		" t.code, i.num, (SELECT count(*) FROM rec_version v WHERE v.rec_id = r.id),"
		" (SELECT count(*) FROM rec_reservation v WHERE v.rec_id = r.id)"
		" FROM recommendation r JOIN delegation a ON a.id = r.author_id"
		" LEFT JOIN theme t ON t.id = r.theme_id LEFT JOIN agenda_item i ON i.id = r.item_id"
		" WHERE r.session_id = ?1 AND r.num > ?2 AND (?3 IS NULL OR r.status = ?3)"
		" AND (?4 IS NULL OR r.theme_id = (SELECT id FROM theme WHERE code = ?4))"
		" ORDER BY r.num LIMIT ?5",
		"iitti", session, after_num, str_empty(status) ? NULL : status,
		str_empty(theme) ? NULL : theme, (long long)limit);
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct rec_row *r = &(*rows)[(*n)++];

		r->id = dbq_int(q, 0);
		r->num = dbq_int(q, 1);
		r->title = xstrdup(dbq_text(q, 2));
		dbq_copy(q, 3, r->status, sizeof r->status);
		dbq_copy(q, 4, r->author, sizeof r->author);
		r->cosponsors = dbq_dup(q, 5);
		r->theme = dbq_dup(q, 6);
		r->item = dbq_int(q, 7);
		r->versions = (int)dbq_int(q, 8);
		r->reservations = (int)dbq_int(q, 9);
	}
	dbq_reset(q);
	if (*n < limit) /* the rows read, not `limit` of them */
		*rows = xrealloc(*rows, (*n ? *n : 1) * sizeof **rows);
	if (rc != DB_DONE && rc != DB_ROW) {
		recs_list_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void recs_list_free(struct rec_row **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		free((*rows)[i].title);
		free((*rows)[i].cosponsors);
		free((*rows)[i].theme);
	}
	free(*rows);
	*rows = NULL;
}

/* The latest version of d->id into d. */
static int detail_latest(struct db *db, struct rec_detail *d)
{
	struct dbq *q = db_query(db,
		"SELECT v.version, v.text_fr, v.text_en, d.code, v.at FROM rec_version v"
		" JOIN delegation d ON d.id = v.delegation_id WHERE v.rec_id = ?"
		" ORDER BY v.version DESC LIMIT 1", "i", d->id);
	int rc;

	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		d->version = (int)dbq_int(q, 0);
		d->text_fr = dbq_dup(q, 1);
		d->text_en = dbq_dup(q, 2);
		dbq_copy(q, 3, d->version_by, sizeof d->version_by);
		dbq_copy(q, 4, d->version_at, sizeof d->version_at);
	}
	dbq_reset(q);
	if (rc == DB_DONE) {
		d->text_fr = xstrdup("");
		d->text_en = xstrdup("");
	}
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int recs_get(struct db *db, long long session, long long num, struct rec_detail *d)
{
	struct dbq *q = db_query(db,
		"SELECT r.id, r.num, r.title, r.status, a.code, a.name_fr, a.name_en,"
		" (SELECT group_concat(code, '; ') FROM (SELECT d.code FROM rec_cosponsor c"
		"   JOIN delegation d ON d.id = c.delegation_id WHERE c.rec_id = r.id ORDER BY d.code)),"
		" t.code, t.title_fr, t.title_en, i.num, i.title, r.created_at, r.adopted_at,"
		" r.submitted_at,"
		" (SELECT count(*) FROM rec_objection o WHERE o.rec_id = r.id),"
		" (SELECT count(*) FROM rec_objection o JOIN delegation od ON od.id = o.delegation_id"
		"   WHERE o.rec_id = r.id AND EXISTS (SELECT 1 FROM member_present mp"
		"   WHERE mp.session_id = r.session_id AND mp.delegation_id = od.id)),"
		" (SELECT count(*) FROM rec_reservation v WHERE v.rec_id = r.id)"
		" FROM recommendation r JOIN delegation a ON a.id = r.author_id"
		" LEFT JOIN theme t ON t.id = r.theme_id LEFT JOIN agenda_item i ON i.id = r.item_id"
		" WHERE r.session_id = ? AND r.num = ?", "ii", session, num);
	int rc;

	memset(d, 0, sizeof *d);
	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		d->id = dbq_int(q, 0);
		d->num = dbq_int(q, 1);
		d->title = xstrdup(dbq_text(q, 2));
		dbq_copy(q, 3, d->status, sizeof d->status);
		dbq_copy(q, 4, d->author, sizeof d->author);
		d->author_name = xstrdup(i18n_pick(dbq_text(q, 5), dbq_text(q, 6)));
		d->cosponsors = dbq_dup(q, 7);
		d->theme = dbq_dup(q, 8);
		d->theme_title = xstrdup(dbq_is_null(q, 8) ? "" : i18n_pick(dbq_text(q, 9),
									      dbq_text(q, 10)));
		d->item = dbq_int(q, 11);
		d->item_title = dbq_dup(q, 12);
		dbq_copy(q, 13, d->created_at, sizeof d->created_at);
		dbq_copy(q, 14, d->adopted_at, sizeof d->adopted_at);
		dbq_copy(q, 15, d->submitted_at, sizeof d->submitted_at);
		d->objections = (int)dbq_int(q, 16);
		d->objections_present = (int)dbq_int(q, 17);
		d->reservations = (int)dbq_int(q, 18);
	}
	dbq_reset(q);
	if (rc == DB_DONE)
		return 1;
	if (rc != DB_ROW || detail_latest(db, d) != 0) {
		recs_detail_clear(d);
		return -1;
	}
	return 0;
}

void recs_detail_clear(struct rec_detail *d)
{
	free(d->title);
	free(d->author_name);
	free(d->cosponsors);
	free(d->theme);
	free(d->theme_title);
	free(d->item_title);
	free(d->text_fr);
	free(d->text_en);
	memset(d, 0, sizeof *d);
}

int recs_versions(struct db *db, long long session, long long num, struct rec_version_info **rows,
		  size_t *n)
{
	long long id = rec_id_of(db, session, num);
	struct dbq *q;
	size_t cap = 4;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!id)
		return 1;
	q = db_query(db, "SELECT v.version, d.code, v.actor, v.at, length(CAST(v.text_fr AS BLOB)),"
			 " length(CAST(v.text_en AS BLOB)) FROM rec_version v"
			 " JOIN delegation d ON d.id = v.delegation_id WHERE v.rec_id = ?"
			 " ORDER BY v.version", "i", id);
	if (!q)
		return -1;
	*rows = xcalloc(cap, sizeof **rows);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct rec_version_info *v;

		if (*n == cap) {
			cap *= 2;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		v = &(*rows)[(*n)++];
		v->version = (int)dbq_int(q, 0);
		dbq_copy(q, 1, v->delegation, sizeof v->delegation);
		v->actor = dbq_dup(q, 2);
		dbq_copy(q, 3, v->at, sizeof v->at);
		v->len_fr = (size_t)dbq_int(q, 4);
		v->len_en = (size_t)dbq_int(q, 5);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		recs_versions_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void recs_versions_free(struct rec_version_info **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++)
		free((*rows)[i].actor);
	free(*rows);
	*rows = NULL;
}

int recs_version_text(struct db *db, long long session, long long num, int version, char **fr,
		      char **en)
{
	struct dbq *q = db_query(db,
		"SELECT v.text_fr, v.text_en FROM rec_version v JOIN recommendation r ON r.id = v.rec_id"
		" WHERE r.session_id = ? AND r.num = ? AND v.version = ?",
		"iii", session, num, (long long)version);
	int rc;

	*fr = *en = NULL;
	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		*fr = dbq_dup(q, 0);
		*en = dbq_dup(q, 1);
	}
	dbq_reset(q);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? 1 : -1;
}

/* The objections or the reservations of a recommendation: rows of
 * TABLE (rec_objection or rec_reservation), with whether the delegation's
 * member state is present now; ?1 the session, ?2 the recommendation. */
#define PARTIES_SQL(table)                                                    \
	"SELECT d.code, d.name_fr, d.name_en, x.reason, x.at,"                \
	" EXISTS (SELECT 1 FROM member_present mp WHERE mp.session_id = ?1"   \
	"  AND mp.delegation_id = d.id)"                                      \
	" FROM " table " x JOIN delegation d ON d.id = x.delegation_id"       \
	" WHERE x.rec_id = ?2 ORDER BY d.code"

/* The rows of sql (PARTIES_SQL) for recommendation num into *rows: 0, 1
 * when there is no such recommendation, -1 on a database error. */
static int parties_read(struct db *db, long long session, long long num, const char *sql,
			struct rec_party **rows, size_t *n)
{
	long long id = rec_id_of(db, session, num);
	struct dbq *q;
	size_t cap = 4;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!id)
		return 1;
	if (!(q = db_query(db, sql, "ii", session, id)))
		return -1;
	*rows = xcalloc(cap, sizeof **rows);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct rec_party *p;

		if (*n == cap) {
			cap *= 2;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		p = &(*rows)[(*n)++];
		dbq_copy(q, 0, p->code, sizeof p->code);
		p->name = xstrdup(i18n_pick(dbq_text(q, 1), dbq_text(q, 2)));
		p->reason = dbq_dup(q, 3);
		dbq_copy(q, 4, p->at, sizeof p->at);
		p->present = dbq_int(q, 5) != 0;
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		recs_parties_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

int recs_objections(struct db *db, long long session, long long num, struct rec_party **rows,
		    size_t *n)
{
	return parties_read(db, session, num, PARTIES_SQL("rec_objection"), rows, n);
}

int recs_reservations(struct db *db, long long session, long long num, struct rec_party **rows,
		      size_t *n)
{
	return parties_read(db, session, num, PARTIES_SQL("rec_reservation"), rows, n);
}

void recs_parties_free(struct rec_party **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		free((*rows)[i].name);
		free((*rows)[i].reason);
	}
	free(*rows);
	*rows = NULL;
}

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
