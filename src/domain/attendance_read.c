/*
 * attendance_read.c — what the Attendance screen reads (attendance.h):
 * the delegations of a session's process grouped by type with their
 * counts, the delegates of one delegation, and the pick lists of levels
 * and categories. Keyset paging throughout: each page is an indexed range
 * query (delegation_type, delegate_by_delegation) starting after the last
 * key shown, so a screen reads only the rows it paints.
 */
#include "attendance.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* SQLite's LIMIT for a page size: 0 means no limit. */
static long long sql_limit(size_t limit)
{
	return limit ? (long long)limit : -1;
}

static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? 2 * *cap : 16;
	return xrealloc(v, *cap * size);
}

int attendance_delegations(struct db *db, long long session,
			   const struct att_delegation_key *after, size_t limit,
			   struct att_delegation **rows, size_t *n)
{
	struct att_delegation *v = NULL;
	size_t count = 0, cap = 0;
	long long process;
	int rc = 0;
	enum deleg_type t = after ? after->type : DT_MEMBER;
	const char *from = after ? after->code : "";

	*rows = NULL;
	*n = 0;
	process = db_int(db, 0, "SELECT process_id FROM session WHERE id = ?", "i", session);
	if (!process)
		return db_errstatus(db) ? db_errstatus(db) : DB_ERROR;
	for (; t < DT_INVALID && (!limit || count < limit); t++, from = "") {
		struct dbq *q = db_query(db,
			"SELECT g.id, g.code, g.name_fr, g.name_en,"
			" (SELECT count(*) FROM delegate d WHERE d.session_id = ?1"
			"   AND d.delegation_id = g.id),"
			" (SELECT count(*) FROM delegate d WHERE d.session_id = ?1"
			"   AND d.delegation_id = g.id AND d.present = 1)"
			" FROM delegation g WHERE g.process_id = ?2 AND g.type = ?3 AND g.code > ?4"
			" ORDER BY g.code LIMIT ?5", "iitti", session, process,
			rules_deleg_type_code(t), from,
			limit ? (long long)(limit - count) : -1LL);

		if (!q) {
			rc = db_errstatus(db);
			break;
		}
		while ((rc = dbq_step(q)) == DB_ROW) {
			struct att_delegation *r;

			v = grow(v, count, &cap, sizeof *v);
			r = &v[count++];
			memset(r, 0, sizeof *r);
			r->id = dbq_int(q, 0);
			r->type = t;
			str_copy(r->code, dbq_text(q, 1), sizeof r->code);
			str_copy(r->name, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)), sizeof r->name);
			r->n_delegates = (int)dbq_int(q, 4);
			r->n_present = (int)dbq_int(q, 5);
		}
		dbq_reset(q);
		if (rc != DB_DONE)
			break;
		rc = 0;
	}
	if (rc != 0) {
		free(v);
		return rc;
	}
	*rows = v;
	*n = count;
	return 0;
}

int attendance_delegates(struct db *db, long long session, long long delegation_id,
			 const char *after_name, size_t limit, struct att_delegate **rows,
			 size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT d.id, d.name, d.function, d.level, l.label_fr, l.label_en, l.rank,"
		" d.entity, d.category, c.label_fr, c.label_en, d.email, d.head, d.present,"
		" d.arrived, d.left_at FROM delegate d JOIN level l ON l.code = d.level"
		" JOIN category c ON c.code = d.category"
		" WHERE d.session_id = ? AND d.delegation_id = ? AND d.name > ?"
		" ORDER BY d.name LIMIT ?", "iiti", session, delegation_id,
		after_name ? after_name : "", sql_limit(limit));
	struct att_delegate *v = NULL;
	size_t count = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct att_delegate *r;

		v = grow(v, count, &cap, sizeof *v);
		r = &v[count++];
		memset(r, 0, sizeof *r);
		r->id = dbq_int(q, 0);
		str_copy(r->name, dbq_text(q, 1), sizeof r->name);
		str_copy(r->function, dbq_text(q, 2), sizeof r->function);
		str_copy(r->level, dbq_text(q, 3), sizeof r->level);
		str_copy(r->level_label, i18n_pick(dbq_text(q, 4), dbq_text(q, 5)),
			 sizeof r->level_label);
		r->level_rank = (int)dbq_int(q, 6);
		str_copy(r->entity, dbq_text(q, 7), sizeof r->entity);
		str_copy(r->category, dbq_text(q, 8), sizeof r->category);
		str_copy(r->category_label, i18n_pick(dbq_text(q, 9), dbq_text(q, 10)),
			 sizeof r->category_label);
		str_copy(r->email, dbq_text(q, 11), sizeof r->email);
		r->head = dbq_int(q, 12) != 0;
		r->present = dbq_int(q, 13) != 0;
		if (!dbq_is_null(q, 14))
			str_copy(r->arrived, dbq_text(q, 14), sizeof r->arrived);
		if (!dbq_is_null(q, 15))
			str_copy(r->left_at, dbq_text(q, 15), sizeof r->left_at);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(v);
		return rc;
	}
	*rows = v;
	*n = count;
	return 0;
}

/* Rows (code, label_fr, label_en, number) of q as choices; the number is
 * the rank of a level or the core flag of a category. */
static int choices_read(struct db *db, struct dbq *q, bool is_level, struct att_choice **rows,
			size_t *n)
{
	struct att_choice *v = NULL;
	size_t count = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct att_choice *r;

		v = grow(v, count, &cap, sizeof *v);
		r = &v[count++];
		memset(r, 0, sizeof *r);
		str_copy(r->code, dbq_text(q, 0), sizeof r->code);
		str_copy(r->label, i18n_pick(dbq_text(q, 1), dbq_text(q, 2)), sizeof r->label);
		if (is_level)
			r->rank = (int)dbq_int(q, 3);
		else
			r->core = dbq_int(q, 3) != 0;
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(v);
		return rc;
	}
	*rows = v;
	*n = count;
	return 0;
}

int attendance_levels(struct db *db, struct att_choice **rows, size_t *n)
{
	return choices_read(db, db_query(db, "SELECT code, label_fr, label_en, rank FROM level"
					     " ORDER BY rank DESC", ""), true, rows, n);
}

int attendance_categories(struct db *db, struct att_choice **rows, size_t *n)
{
	return choices_read(db, db_query(db, "SELECT code, label_fr, label_en, core FROM category"
					     " ORDER BY core DESC, rowid", ""), false, rows, n);
}
