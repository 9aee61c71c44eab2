/*
 * followup_read.c — what screen 7 (Follow-up) and the export read about
 * the process across meetings: the recommendations that can be followed
 * (adopted or submitted, in a session of the process up to the current
 * one), each member state's latest report and its history, the actions,
 * and the history of representation (each session's R4 result and the
 * level of the head of delegation).
 *
 * Lists are keyset-paged on indexed columns: a page reads only what is
 * visible, whatever the size of the archive.
 */
#include "followup.h"

#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* ---- recommendations ---- */

#define FOLLOWED_FROM                                                                 \
	" FROM session cur"                                                          \
	" JOIN session s ON s.process_id = cur.process_id AND s.id <= cur.id"         \
	" JOIN recommendation r ON r.session_id = s.id"                               \
	"  AND r.status IN ('adopted','submitted')"                                   \
	" JOIN followup_overall o ON o.rec_id = r.id"                                 \
	" LEFT JOIN theme t ON t.id = r.theme_id"                                     \
	" WHERE cur.id = ?1 AND (?2 = 0 OR r.session_id = ?2)"                        \
	"  AND (?3 IS NULL OR o.overall = ?3)"                                        \
	"  AND (?4 IS NULL OR coalesce(t.code, '') = ?4)"

static const struct fu_filter no_filter;

int followup_recs_count(struct db *db, long long session, const struct fu_filter *flt)
{
	if (!flt)
		flt = &no_filter;
	return (int)db_int(db, 0, "SELECT count(*)" FOLLOWED_FROM, "iitt", session, flt->session,
			   flt->overall, flt->theme);
}

int followup_themes(struct db *db, long long session, char (**codes)[32], size_t *n)
{
	struct dbq *q = db_query(db, "SELECT DISTINCT coalesce(t.code, '')" FOLLOWED_FROM
				     " ORDER BY coalesce(t.code, '') = '', 1",
				 "iitt", session, (long long)0, (const char *)NULL,
				 (const char *)NULL);
	size_t cap = 8;
	int rc;

	*n = 0;
	*codes = NULL;
	if (!q)
		return -1;
	*codes = xcalloc(cap, sizeof **codes);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap)
			*codes = xrealloc(*codes, (cap *= 2) * sizeof **codes);
		dbq_copy(q, 0, (*codes)[(*n)++], sizeof **codes);
	}
	dbq_reset(q);
	return rc == DB_DONE ? 0 : -1;
}

int followup_recs(struct db *db, long long session, const struct fu_filter *flt,
		  long long offset, size_t limit, struct fu_rec **rows, size_t *n)
{
	struct dbq *q;
	int rc = DB_DONE;

	if (!flt)
		flt = &no_filter;
	q = db_query(db, "SELECT r.id, r.session_id, r.num, r.title, r.status,"
			 " coalesce(t.code, ''), o.overall"
			 FOLLOWED_FROM " ORDER BY r.session_id, r.num LIMIT ?6 OFFSET ?5",
		     "iittii", session, flt->session, flt->overall, flt->theme, offset,
		     (long long)limit);
	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct fu_rec *r = &(*rows)[(*n)++];

		r->id = dbq_int(q, 0);
		r->session = dbq_int(q, 1);
		r->num = dbq_int(q, 2);
		str_printf(r->ref, sizeof r->ref, "S%lld/R%lld", r->session, r->num);
		r->title = dbq_dup(q, 3);
		dbq_copy(q, 4, r->status, sizeof r->status);
		r->theme = dbq_dup(q, 5);
		dbq_copy(q, 6, r->overall, sizeof r->overall);
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		followup_recs_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void followup_recs_free(struct fu_rec **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		free((*rows)[i].title);
		free((*rows)[i].theme);
	}
	free(*rows);
	*rows = NULL;
}

int followup_row_marks(struct db *db, long long rec, char (*codes)[16], size_t n, char *marks)
{
	struct dbq *q = db_query(db, "SELECT d.code, f.status FROM followup f"
				     " JOIN delegation d ON d.id = f.delegation_id"
				     " WHERE f.rec_id = ?", "i", rec);
	int rc;

	memset(marks, '.', n);
	if (!q)
		return -1;
	while ((rc = dbq_step(q)) == DB_ROW) {
		const char *code = dbq_text(q, 0);

		for (size_t i = 0; i < n; i++)
			if (strcmp(codes[i], code) == 0) {
				marks[i] = followup_status_mark(dbq_text(q, 1));
				break;
			}
	}
	dbq_reset(q);
	return rc == DB_DONE ? 0 : -1;
}

int followup_members(struct db *db, long long session, char (**codes)[16], size_t *n)
{
	struct dbq *q = db_query(db, "SELECT d.code FROM session s JOIN delegation d"
				     " ON d.process_id = s.process_id AND d.type = 'member'"
				     " WHERE s.id = ? ORDER BY d.code", "i", session);
	size_t cap = 16;
	int rc = DB_DONE;

	*codes = NULL;
	*n = 0;
	if (!q)
		return -1;
	*codes = xcalloc(cap, sizeof **codes);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap *= 2;
			*codes = xrealloc(*codes, cap * sizeof **codes);
		}
		dbq_copy(q, 0, (*codes)[(*n)++], sizeof **codes);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(*codes);
		*codes = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* ---- cells ---- */

int followup_cell(struct db *db, long long rec, const char *code, struct fu_cell *out)
{
	struct dbq *q = db_query(db,
		"SELECT f.status, f.note, f.reported_at, f.reported_by, f.session_id"
		" FROM recommendation r JOIN session s ON s.id = r.session_id"
		" JOIN delegation d ON d.process_id = s.process_id AND d.code = ?2"
		" JOIN followup f ON f.rec_id = r.id AND f.delegation_id = d.id"
		" WHERE r.id = ?1", "it", rec, code);
	int rc;

	memset(out, 0, sizeof *out);
	str_copy(out->status, "no_report", sizeof out->status);
	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		dbq_copy(q, 0, out->status, sizeof out->status);
		out->note = dbq_dup(q, 1);
		dbq_copy(q, 2, out->reported_at, sizeof out->reported_at);
		out->reported_by = dbq_dup(q, 3);
		out->in_session = dbq_int(q, 4);
	}
	dbq_reset(q);
	if (!out->note)
		out->note = xstrdup("");
	if (!out->reported_by)
		out->reported_by = xstrdup("");
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

void followup_cell_free(struct fu_cell *c)
{
	free(c->note);
	free(c->reported_by);
	c->note = c->reported_by = NULL;
}

int followup_history(struct db *db, long long rec, const char *code, size_t limit,
		     char ***lines, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT h.reported_at, h.status, h.reported_by, h.note, h.session_id"
		" FROM recommendation r JOIN session s ON s.id = r.session_id"
		" JOIN delegation d ON d.process_id = s.process_id AND d.code = ?2"
		" JOIN followup_history h ON h.rec_id = r.id AND h.delegation_id = d.id"
		" WHERE r.id = ?1 ORDER BY h.id DESC LIMIT ?3", "iti", rec, code,
		(long long)limit);
	int rc = DB_DONE;

	*lines = NULL;
	*n = 0;
	if (!q)
		return -1;
	*lines = xcalloc(limit ? limit : 1, sizeof **lines);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		const char *note = dbq_is_null(q, 3) ? "" : dbq_text(q, 3);

		(*lines)[(*n)++] = xasprintf("%.16s S%lld %s — %s%s%s",
					     dbq_text(q, 0), dbq_int(q, 4),
					     followup_status_label(dbq_text(q, 1)), dbq_text(q, 2),
					     *note ? ": " : "", note);
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		followup_lines_free(lines, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void followup_lines_free(char ***lines, size_t n)
{
	for (size_t i = 0; *lines && i < n; i++)
		free((*lines)[i]);
	free(*lines);
	*lines = NULL;
}

const char *followup_overall(struct db *db, long long session, long long rec)
{
	static char buf[16];
	char *s = db_text(db, "SELECT o.overall FROM followup_overall o JOIN recommendation r"
			      " ON r.id = o.rec_id JOIN session a ON a.id = r.session_id"
			      " JOIN session b ON b.process_id = a.process_id"
			      " WHERE o.rec_id = ? AND b.id = ?", "ii", rec, session);

	str_copy(buf, s ? s : "no_report", sizeof buf);
	free(s);
	return buf;
}

/* ---- actions ---- */

/* The rows of an action query (columns: num, owner, text, due, state,
 * opened_in, closed_in, note, overdue), at most limit. */
static int actions_read(struct dbq *q, size_t limit, struct action_row **rows, size_t *n)
{
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct action_row *r = &(*rows)[(*n)++];

		r->num = dbq_int(q, 0);
		dbq_copy(q, 1, r->owner, sizeof r->owner);
		r->text = dbq_dup(q, 2);
		dbq_copy(q, 3, r->due, sizeof r->due);
		dbq_copy(q, 4, r->state, sizeof r->state);
		r->opened_in = dbq_int(q, 5);
		r->closed_in = dbq_int(q, 6);
		r->note = dbq_dup(q, 7);
		r->overdue = dbq_int(q, 8) != 0;
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		followup_actions_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

int followup_actions(struct db *db, long long session, bool open_only, long long after,
		     size_t limit, struct action_row **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT a.num, a.owner, a.text, coalesce(a.due, ''), a.state, a.opened_in,"
		" coalesce(a.closed_in, 0), a.note,"
		" a.state = 'open' AND a.due IS NOT NULL AND a.due < s.start_date"
		" FROM session s JOIN action a ON a.process_id = s.process_id"
		"  AND a.opened_in <= s.id"
		" WHERE s.id = ?1 AND (?2 = 0 OR a.state = 'open')"
		" ORDER BY a.num LIMIT ?4 OFFSET ?3",
		"iiii", session, (long long)open_only, after, (long long)limit);
	return actions_read(q, limit, rows, n);
}

int followup_actions_count(struct db *db, long long session, bool open_only)
{
	return (int)db_int(db, 0, "SELECT count(*) FROM session s JOIN action a"
				  " ON a.process_id = s.process_id AND a.opened_in <= s.id"
				  " WHERE s.id = ?1 AND (?2 = 0 OR a.state = 'open')", "ii", session,
			   (long long)open_only);
}

void followup_actions_free(struct action_row **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		free((*rows)[i].text);
		free((*rows)[i].note);
	}
	free(*rows);
	*rows = NULL;
}

/* ---- history of representation ---- */

bool followup_reported_at(struct db *db, long long session)
{
	return db_int(db, 0, "SELECT 1 FROM followup_history WHERE session_id = ? LIMIT 1", "i",
		      session) != 0;
}

bool followup_actions_during(struct db *db, long long session)
{
	return db_int(db, 0, "SELECT 1 FROM session s JOIN action a"
			     " ON a.process_id = s.process_id AND a.opened_in <= s.id"
			     " AND (a.closed_in IS NULL OR a.closed_in >= s.id)"
			     " WHERE s.id = ? LIMIT 1", "i", session) != 0;
}

int followup_sessions_count(struct db *db, long long session)
{
	return (int)db_int(db, 0, "SELECT count(*) FROM session cur JOIN session s"
				  " ON s.process_id = cur.process_id AND s.id <= cur.id"
				  " WHERE cur.id = ?", "i", session);
}

int followup_sessions(struct db *db, long long session, long long offset, size_t limit,
		      long long **ids, char (**labels)[64], size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT s.id, s.start_date FROM session cur JOIN session s"
		" ON s.process_id = cur.process_id AND s.id <= cur.id"
		" WHERE cur.id = ?1 ORDER BY s.id DESC LIMIT ?3 OFFSET ?2",
		"iii", session, offset, (long long)limit);
	int rc = DB_DONE;

	*ids = NULL;
	*labels = NULL;
	*n = 0;
	if (!q)
		return -1;
	*ids = xcalloc(limit ? limit : 1, sizeof **ids);
	*labels = xcalloc(limit ? limit : 1, sizeof **labels);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		(*ids)[*n] = dbq_int(q, 0);
		str_printf((*labels)[*n], sizeof **labels, "S%lld %.4s", dbq_int(q, 0),
			   dbq_text(q, 1));
		(*n)++;
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		free(*ids);
		free(*labels);
		*ids = NULL;
		*labels = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int followup_repr(struct db *db, long long session, const char *code, struct repr_cell *out)
{
	long long deleg = db_int(db, 0, "SELECT d.id FROM session s JOIN delegation d"
					" ON d.process_id = s.process_id WHERE s.id = ? AND d.code = ?",
				 "it", session, code);
	struct check_row row;
	char *head;
	int rc;

	memset(out, 0, sizeof *out);
	if (!deleg)
		return 1;
	if (!db_int(db, 0, "SELECT 1 FROM delegate WHERE session_id = ? AND delegation_id = ?"
			   " LIMIT 1", "ii", session, deleg))
		return 0;   /* sent nobody that session: left blank */
	rc = attendance_check_delegation(db, session, deleg, &row);
	if (rc < 0)
		return -1;
	if (rc == 0)
		str_copy(out->r4, rules_r4_code(row.r4.result), sizeof out->r4);
	head = db_text(db, "SELECT CASE WHEN ?3 = 'fr' OR l.label_en = '' THEN l.label_fr"
			   " ELSE l.label_en END FROM delegate g JOIN level l ON l.code = g.level"
			   " WHERE g.session_id = ?1 AND g.delegation_id = ?2 AND g.head = 1"
			   " ORDER BY g.id LIMIT 1", "iit", session, deleg, i18n_lang());
	str_copy(out->head_level, head ? head : "", sizeof out->head_level);
	free(head);
	return 0;
}

/* ---- for the meeting report ---- */

int followup_reports_at(struct db *db, long long session, long long offset, size_t limit,
			struct fu_report **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT 'S' || r.session_id || '/R' || r.num, d.code, h.status, h.note"
		" FROM followup_history h JOIN recommendation r ON r.id = h.rec_id"
		" JOIN delegation d ON d.id = h.delegation_id WHERE h.session_id = ?1"
		" ORDER BY r.session_id, r.num, d.code, h.id LIMIT ?3 OFFSET ?2",
		"iii", session, offset, (long long)limit);
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct fu_report *x = &(*rows)[(*n)++];

		dbq_copy(q, 0, x->ref, sizeof x->ref);
		dbq_copy(q, 1, x->code, sizeof x->code);
		dbq_copy(q, 2, x->status, sizeof x->status);
		x->note = dbq_dup(q, 3);
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		followup_reports_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void followup_reports_free(struct fu_report **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++)
		free((*rows)[i].note);
	free(*rows);
	*rows = NULL;
}

int followup_actions_at(struct db *db, long long session, long long offset, size_t limit,
			struct action_row **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT a.num, a.owner, a.text, coalesce(a.due, ''),"
		" CASE WHEN a.closed_in = s.id THEN a.state ELSE 'open' END, a.opened_in,"
		" coalesce(a.closed_in, 0), CASE WHEN a.closed_in = s.id THEN a.note ELSE '' END,"
		" a.due IS NOT NULL AND a.due < s.start_date AND coalesce(a.closed_in, 0) <> s.id"
		" FROM session s JOIN action a ON a.process_id = s.process_id"
		"  AND a.opened_in <= s.id AND (a.closed_in IS NULL OR a.closed_in >= s.id)"
		" WHERE s.id = ?1 ORDER BY a.num LIMIT ?3 OFFSET ?2",
		"iii", session, offset, (long long)limit);
	return actions_read(q, limit, rows, n);
}
