/*
 * agenda_read.c — what the Agenda screen, the title bar and the export read
 * of a session's agenda (agenda.h): the kinds of item with their labels,
 * pages of items in pos order (keyset paging on pos), one item, the item in
 * progress, the counts and the days of a meeting of several days. The
 * commands are in agenda.c.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "util.h"

const char *const agenda_kinds[] = {
	"opening", "agenda", "statements", "thematic", "testimony", "working_group",
	"drafting", "adoption", "next_meeting", "closing", "other", NULL,
};
const size_t agenda_kind_count = ARRAY_SIZE(agenda_kinds) - 1;

bool agenda_kind_valid(const char *code)
{
	for (size_t i = 0; code && i < agenda_kind_count; i++)
		if (strcmp(agenda_kinds[i], code) == 0)
			return true;
	return false;
}

const char *agenda_kind_label(const char *code)
{
	static const char *const labels[] = {
		N_("opening"), N_("adoption of the agenda"), N_("statements"),
		N_("thematic session"), N_("testimony"), N_("working group"), N_("drafting"),
		N_("adoption of conclusions"), N_("next meeting"), N_("closing"), N_("other"),
	};

	for (size_t i = 0; code && i < agenda_kind_count; i++)
		if (strcmp(agenda_kinds[i], code) == 0)
			return _(labels[i]);
	return "?";
}

/* ---- reads ---- */

#define ROW_COLS                                                                      \
	"SELECT id, num, pos, title, kind, moderator, status, planned_start,"         \
	" planned_minutes, actual_start, actual_end FROM agenda_item"

static const char sql_list[] = ROW_COLS " WHERE session_id = ? AND pos > ? ORDER BY pos LIMIT ?";
static const char sql_get[] = ROW_COLS " WHERE session_id = ? AND num = ?";
static const char sql_current[] =
	"SELECT id, num, title, actual_start, planned_minutes FROM agenda_item"
	" WHERE session_id = ? AND status = 'in_progress'";
static const char sql_counts[] =
	"SELECT count(*), total(status = 'pending'), total(status = 'in_progress'),"
	" total(status = 'done'), total(status = 'skipped') FROM agenda_item WHERE session_id = ?";

static const char sql_days[] =
	"SELECT pos, planned_start FROM agenda_item WHERE session_id = ? ORDER BY pos";

static const char *const read_queries[] = { sql_list, sql_get, sql_current, sql_counts,
					    sql_days };

const char *agenda_query_sql(size_t i)
{
	return i < ARRAY_SIZE(read_queries) ? read_queries[i] : NULL;
}

/* A stored ISO 8601 time as Unix seconds; 0 for NULL or unreadable. */
static time_t stored_time(struct dbq *q, int col)
{
	const char *s = dbq_text(q, col);
	time_t t = s ? time_parse(s) : -1;

	return t < 0 ? 0 : t;
}

static void row_fill(struct dbq *q, struct agenda_row *r, time_t now)
{
	const char *s;

	memset(r, 0, sizeof *r);
	r->id = dbq_int(q, 0);
	r->num = (int)dbq_int(q, 1);
	r->pos = (int)dbq_int(q, 2);
	str_copy(r->title, dbq_text(q, 3), sizeof r->title);
	str_copy(r->kind, dbq_text(q, 4), sizeof r->kind);
	str_copy(r->moderator, (s = dbq_text(q, 5)) ? s : "", sizeof r->moderator);
	r->status = rules_item_status(dbq_text(q, 6));
	r->planned_start = stored_time(q, 7);
	r->planned_minutes = (int)dbq_int(q, 8);
	r->actual_start = stored_time(q, 9);
	r->actual_end = stored_time(q, 10);
	if (r->status == IS_IN_PROGRESS)
		r->overrun = rules_item_overrun(r->planned_minutes, r->actual_start, now);
	else if (r->status == IS_DONE)
		r->overrun = rules_item_overrun(r->planned_minutes, r->actual_start, r->actual_end);
}

/* Read up to `limit` rows of q into rows (reversed when desc). */
static int rows_read(struct dbq *q, struct agenda_row *rows, size_t limit, size_t *n)
{
	time_t now = clock_now();
	size_t k = 0;
	int rc = DB_DONE;

	while (k < limit && (rc = dbq_step(q)) == DB_ROW)
		row_fill(q, &rows[k++], now);
	dbq_reset(q);
	*n = k;
	if (k < limit && rc < 0)
		return rc;
	return DB_OK;
}

int agenda_list(struct db *db, long long session, int after_pos, struct agenda_row *rows,
		size_t limit, size_t *n)
{
	struct dbq *q = db_query(db, sql_list, "iii", session, (long long)after_pos,
				 (long long)limit);

	*n = 0;
	return q ? rows_read(q, rows, limit, n) : db_errstatus(db);
}

int agenda_list_each(struct db *db, long long session, int after_pos, size_t limit,
		     void (*fn)(const struct agenda_row *r, void *ud), void *ud)
{
	struct dbq *q = db_query(db, sql_list, "iii", session, (long long)after_pos,
				 (long long)limit);
	struct agenda_row r;
	time_t now = clock_now();
	size_t k = 0;
	int rc = DB_DONE;

	if (!q)
		return db_errstatus(db);
	while (k++ < limit && (rc = dbq_step(q)) == DB_ROW) {
		row_fill(q, &r, now);
		fn(&r, ud);
	}
	dbq_reset(q);
	return rc < 0 ? rc : DB_OK;
}

int agenda_get(struct db *db, long long session, long long num, struct agenda_row *row)
{
	struct dbq *q = db_query(db, sql_get, "ii", session, num);
	size_t n;
	int rc;

	if (!q)
		return db_errstatus(db);
	rc = rows_read(q, row, 1, &n);
	return rc < 0 ? rc : (int)n;
}

int agenda_current(struct db *db, long long session, struct agenda_current *cur)
{
	struct dbq *q = db_query(db, sql_current, "i", session);
	int rc;

	memset(cur, 0, sizeof *cur);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		cur->id = dbq_int(q, 0);
		cur->num = (int)dbq_int(q, 1);
		str_copy(cur->title, dbq_text(q, 2), sizeof cur->title);
		cur->started = stored_time(q, 3);
		cur->planned_minutes = (int)dbq_int(q, 4);
	}
	dbq_reset(q);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : rc;
}

long long agenda_item_in_progress(struct db *db, long long session)
{
	struct agenda_current cur;

	return agenda_current(db, session, &cur) == 1 ? cur.num : 0;
}

int agenda_counts(struct db *db, long long session, struct agenda_counts *c)
{
	struct dbq *q = db_query(db, sql_counts, "i", session);
	int rc;

	memset(c, 0, sizeof *c);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		c->total = (int)dbq_int(q, 0);
		c->pending = (int)dbq_int(q, 1);
		c->in_progress = (int)dbq_int(q, 2);
		c->done = (int)dbq_int(q, 3);
		c->skipped = (int)dbq_int(q, 4);
	}
	dbq_reset(q);
	return rc == DB_ROW ? DB_OK : rc;
}

/* The local calendar day of t as one number (year * 1000 + day of year). */
static long day_of(time_t t)
{
	struct tm tm;

	return localtime_r(&t, &tm) ? (long)(tm.tm_year + 1900) * 1000 + tm.tm_yday : 0;
}

int agenda_days(struct db *db, long long session, struct agenda_day **days, size_t *n)
{
	struct dbq *q = db_query(db, sql_days, "i", session);
	struct agenda_day *v = NULL;
	size_t k = 0, cap = 0;
	long last = -1;
	int rc;

	*days = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		time_t t = stored_time(q, 1);
		long d = t ? day_of(t) : last;

		if (d == last || d < 0)
			continue; /* same day, or no time yet: the day before it */
		if (last >= 0) { /* a change of day (the first day is not one) */
			if (k == cap)
				v = xrealloc(v, (cap = cap ? 2 * cap : 8) * sizeof *v);
			v[k].pos = (int)dbq_int(q, 0);
			v[k++].when = t;
		}
		last = d;
	}
	dbq_reset(q);
	if (rc < 0) {
		free(v);
		return rc;
	}
	*days = v;
	*n = k;
	return DB_OK;
}
