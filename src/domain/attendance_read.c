/*
 * attendance_read.c — what the Attendance screen and the export read
 * (attendance.h): the delegations of a session's process grouped by type
 * with their counts, pages of the delegates of one delegation in either
 * direction from a name, the position of a delegate in its delegation,
 * the screen's search over delegations and delegates, the pick lists of
 * levels and categories, and the themes of a session as a pick list. The
 * commands are in attendance.c, the R4 check in attendance_check.c.
 *
 * Keyset paging throughout: each page is an indexed range query
 * (delegation_type, delegate_by_delegation (session_id, delegation_id,
 * name)) starting from the key shown, so a screen reads only the rows it
 * paints, scrolling up or jumping to the end included; a position is an
 * indexed count. The search scans the session's delegates (a few hundred
 * rows): it runs once per `/`, never while scrolling.
 */
#include "attendance.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

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

/* The columns every delegate page selects, in the order row_fill reads. */
#define DELEGATE_COLUMNS                                                               \
	"SELECT d.id, d.name, d.function, d.level, l.label_fr, l.label_en, l.rank,"    \
	" d.entity, d.category, c.label_fr, c.label_en, d.email, d.head, d.present,"   \
	" d.arrived, d.left_at FROM delegate d JOIN level l ON l.code = d.level"       \
	" JOIN category c ON c.code = d.category"                                      \
	" WHERE d.session_id = ?1 AND d.delegation_id = ?2"

static void row_fill(struct dbq *q, struct att_delegate *r)
{
	memset(r, 0, sizeof *r);
	r->id = dbq_int(q, 0);
	str_copy(r->name, dbq_text(q, 1), sizeof r->name);
	str_copy(r->function, dbq_text(q, 2), sizeof r->function);
	str_copy(r->level, dbq_text(q, 3), sizeof r->level);
	str_copy(r->level_label, i18n_pick(dbq_text(q, 4), dbq_text(q, 5)), sizeof r->level_label);
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

int attendance_delegates_seek(struct db *db, long long session, long long delegation_id,
			      const char *key, enum att_seek seek, size_t limit,
			      struct att_delegate **rows, size_t *n)
{
	long long lim = limit ? (long long)limit : -1;
	struct att_delegate *v;
	struct dbq *q;
	size_t count = 0, cap = limit ? limit : 16;
	int rc;

	*rows = NULL;
	*n = 0;
	switch (seek) {
	case ATT_SEEK_AFTER:
		q = db_query(db, DELEGATE_COLUMNS " AND d.name > ?3 ORDER BY d.name LIMIT ?4", "iiti",
			     session, delegation_id, key ? key : "", lim);
		break;
	case ATT_SEEK_FROM:
		q = db_query(db, DELEGATE_COLUMNS " AND d.name >= ?3 ORDER BY d.name LIMIT ?4", "iiti",
			     session, delegation_id, key ? key : "", lim);
		break;
	default:
		if (key)
			q = db_query(db, DELEGATE_COLUMNS " AND d.name < ?3 ORDER BY d.name DESC"
					 " LIMIT ?4", "iiti", session, delegation_id, key, lim);
		else
			q = db_query(db, DELEGATE_COLUMNS " ORDER BY d.name DESC LIMIT ?3", "iii",
				     session, delegation_id, lim);
		break;
	}
	if (!q)
		return db_errstatus(db);
	v = xcalloc(cap, sizeof *v);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (count == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		row_fill(q, &v[count++]);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(v);
		return rc;
	}
	if (seek == ATT_SEEK_BEFORE) {
		for (size_t i = 0; i < count / 2; i++) {
			struct att_delegate t = v[i];

			v[i] = v[count - 1 - i];
			v[count - 1 - i] = t;
		}
	}
	*rows = v;
	*n = count;
	return 0;
}

int attendance_delegate_pos(struct db *db, long long session, long long delegation_id,
			    const char *name, int *pos)
{
	long long c = db_int(db, -1, "SELECT count(*) FROM delegate WHERE session_id = ?"
				     " AND delegation_id = ? AND name < ?", "iit",
			     session, delegation_id, name ? name : "");

	*pos = 0;
	if (c < 0)
		return db_errstatus(db) ? db_errstatus(db) : DB_ERROR;
	*pos = (int)c;
	return 0;
}

/* The next match strictly after (t, code, k, name), in the screen's order. */
static int search_from(struct db *db, long long session, long long process, const char *needle,
		       int t, const char *code, int k, const char *name, struct att_hit *hit)
{
	struct dbq *q = db_query(db,
		"SELECT t, code, k, name, id FROM ("
		" SELECT CASE g.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END"
		"  AS t, g.code AS code, 0 AS k, '' AS name, g.id AS id FROM delegation g"
		"  WHERE g.process_id = ?1 AND (instr(lower(g.code), lower(?2)) > 0"
		"  OR instr(lower(g.name_fr), lower(?2)) > 0 OR instr(lower(g.name_en), lower(?2)) > 0)"
		" UNION ALL"
		" SELECT CASE g.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END,"
		"  g.code, 1, d.name, g.id FROM delegate d JOIN delegation g ON g.id = d.delegation_id"
		"  WHERE d.session_id = ?3 AND g.process_id = ?1 AND instr(lower(d.name), lower(?2)) > 0)"
		" WHERE (t, code, k, name) > (?4, ?5, ?6, ?7) ORDER BY t, code, k, name LIMIT 1",
		"itiitit", process, needle, session, (long long)t, code, (long long)k, name);
	int rc;

	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		memset(hit, 0, sizeof *hit);
		hit->type = (enum deleg_type)dbq_int(q, 0);
		str_copy(hit->code, dbq_text(q, 1), sizeof hit->code);
		hit->delegate = dbq_int(q, 2) != 0;
		str_copy(hit->name, dbq_text(q, 3), sizeof hit->name);
		hit->delegation_id = dbq_int(q, 4);
	}
	dbq_reset(q);
	if (rc == DB_ROW)
		return 0;
	return rc == DB_DONE ? 1 : rc;
}

int attendance_search(struct db *db, long long session, const char *needle,
		      const struct att_hit *after, struct att_hit *hit)
{
	long long process = db_int(db, 0, "SELECT process_id FROM session WHERE id = ?", "i", session);
	int rc;

	if (!process)
		return db_errstatus(db) ? db_errstatus(db) : DB_ERROR;
	if (!needle || !*needle)
		return 1;
	if (after) {
		rc = search_from(db, session, process, needle, (int)after->type, after->code,
				 after->delegate ? 1 : 0, after->name, hit);
		if (rc != 1)
			return rc;
	}
	return search_from(db, session, process, needle, -1, "", 0, "", hit);
}

int attendance_session_themes(struct db *db, long long session, struct att_choice **rows,
			      size_t *n)
{
	struct dbq *q = db_query(db, "SELECT t.code, t.title_fr, t.title_en FROM session_theme st"
				     " JOIN theme t ON t.id = st.theme_id WHERE st.session_id = ?"
				     " ORDER BY t.id", "i", session);
	struct att_choice *v = NULL;
	size_t count = 0, cap = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[count], 0, sizeof v[count]);
		str_copy(v[count].code, dbq_text(q, 0), sizeof v[count].code);
		str_copy(v[count].label, i18n_pick(dbq_text(q, 1), dbq_text(q, 2)),
			 sizeof v[count].label);
		count++;
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
