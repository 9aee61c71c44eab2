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
 * indexed count. The search reads every delegation and delegate of the
 * session once per `/`, n or N (a few hundred rows; 817 at IDM size) and
 * matches them in C (fold.c: case and accents ignored); never while
 * scrolling.
 */
#include "attendance.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fold.h"
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

/* Every row of the screen's tree (delegations of the process, delegates
 * of the session) in the screen's order, with the names a search looks
 * at: code and names (French, English, Spanish) of a delegation, the
 * name of a delegate. */
static const char sql_search_rows[] =
	"SELECT t, code, k, name, id, n1, n2, n3 FROM ("
	" SELECT CASE g.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END"
	"  AS t, g.code AS code, 0 AS k, '' AS name, g.id AS id, g.name_fr AS n1,"
	"  g.name_en AS n2, g.name_es AS n3 FROM delegation g WHERE g.process_id = ?1"
	" UNION ALL"
	" SELECT CASE g.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END,"
	"  g.code, 1, d.name, g.id, '', '', '' FROM delegate d"
	"  JOIN delegation g ON g.id = d.delegation_id"
	"  WHERE d.session_id = ?2 AND g.process_id = ?1)"
	" ORDER BY t, code, k, name";

/* The screen's order of two rows. */
static int hit_cmp(const struct att_hit *x, const struct att_hit *y)
{
	int c;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if ((c = strcmp(x->code, y->code)) != 0)
		return c;
	if (x->delegate != y->delegate)
		return x->delegate ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* What a search keeps of the rows of each rank (FOLD_WORD, FOLD_INSIDE):
 * the first and last of the list, the first after and the last before
 * the row it starts from. */
struct search_state {
	struct att_hit first[3], last[3], next[3], prev[3];
	bool has_first[3], has_next[3], has_prev[3];
};

static void search_see(struct search_state *st, const struct att_hit *row,
		       const struct att_hit *from)
{
	int r = row->rank, c = from ? hit_cmp(row, from) : 1;

	if (!st->has_first[r])
		st->first[r] = *row, st->has_first[r] = true;
	st->last[r] = *row;
	if (c > 0 && !st->has_next[r])
		st->next[r] = *row, st->has_next[r] = true;
	if (c < 0)
		st->prev[r] = *row, st->has_prev[r] = true;
}

/* The answer (see attendance.h) from what the rows left in st. */
static int search_pick(const struct search_state *st, const struct att_hit *from, bool back,
		       struct att_hit *hit)
{
	int r = from && from->rank >= FOLD_INSIDE && from->rank <= FOLD_WORD ? from->rank : 0;
	int other = r == FOLD_WORD ? FOLD_INSIDE : FOLD_WORD;

	if (r == 0) { /* a new search: the word starts first, each tier wrapping */
		for (int t = FOLD_WORD; t >= FOLD_INSIDE; t--) {
			if (!st->has_first[t])
				continue;
			if (back)
				*hit = st->has_prev[t] ? st->prev[t] : st->last[t];
			else
				*hit = st->has_next[t] ? st->next[t] : st->first[t];
			return 0;
		}
		return 1;
	}
	/* From a match: on within its tier, then into the other one. */
	if (back ? st->has_prev[r] : st->has_next[r])
		*hit = back ? st->prev[r] : st->next[r];
	else if (st->has_first[other])
		*hit = back ? st->last[other] : st->first[other];
	else if (st->has_first[r])
		*hit = back ? st->last[r] : st->first[r];
	else
		return 1;
	return 0;
}

/* The rank of a row of the query q against the folded needle. */
static int row_rank(struct dbq *q, const char *folded, struct att_hit *row)
{
	int rank = FOLD_NONE;

	memset(row, 0, sizeof *row);
	row->type = (enum deleg_type)dbq_int(q, 0);
	str_copy(row->code, dbq_text(q, 1), sizeof row->code);
	row->delegate = dbq_int(q, 2) != 0;
	str_copy(row->name, dbq_text(q, 3), sizeof row->name);
	row->delegation_id = dbq_int(q, 4);
	if (row->delegate) {
		rank = fold_match_folded(row->name, folded);
	} else {
		rank = fold_match_folded(row->code, folded);
		for (int c = 5; c <= 7 && rank != FOLD_WORD; c++) {
			int m = fold_match_folded(dbq_text(q, c), folded);

			rank = m > rank ? m : rank;
		}
	}
	return row->rank = rank;
}

int attendance_search(struct db *db, long long session, const char *needle,
		      const struct att_hit *from, bool back, struct att_hit *hit)
{
	long long process = db_int(db, 0, "SELECT process_id FROM session WHERE id = ?", "i", session);
	struct search_state *st;
	struct att_hit row;
	struct dbq *q;
	char *folded;
	int rc;

	if (!process)
		return db_errstatus(db) ? db_errstatus(db) : DB_ERROR;
	folded = fold_dup(needle);
	if (!*folded) {
		free(folded);
		return 1;
	}
	if (!(q = db_query(db, sql_search_rows, "ii", process, session))) {
		free(folded);
		return db_errstatus(db) ? db_errstatus(db) : DB_ERROR;
	}
	st = xcalloc(1, sizeof *st);
	while ((rc = dbq_step(q)) == DB_ROW)
		if (row_rank(q, folded, &row) != FOLD_NONE)
			search_see(st, &row, from);
	dbq_reset(q);
	free(folded);
	rc = rc == DB_DONE ? search_pick(st, from, back, hit) : rc;
	free(st);
	return rc;
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

/* In the minutes (minutes_render.c) as in the answers of delegation+:
 * read while a screen is browsed, so here rather than in attendance.c. */
const char *attendance_type_label(const char *type)
{
	switch (rules_deleg_type(type)) {
	case DT_MEMBER: return _("member state");
	case DT_OBSERVER_STATE: return _("observer state");
	case DT_OBSERVER_ORG: return _("observer organisation");
	default: return type;
	}
}
