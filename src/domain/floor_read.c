/*
 * floor_read.c — what the Floor screen and the export read of the list of
 * speakers and the interventions (floor.h): the speech types with their
 * labels, the waiting requests of the item in progress, the speaker who has
 * the floor, pages of the interventions (of an item or of the session) and
 * the counts. The commands are in floor.c.
 */
#include "floor.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "util.h"

const char *const floor_speech_types[] = { "statement", "reply", "point_of_order", "question",
					    NULL };
const size_t floor_speech_type_count = ARRAY_SIZE(floor_speech_types) - 1;

bool floor_speech_type_valid(const char *code)
{
	for (size_t i = 0; code && i < floor_speech_type_count; i++)
		if (strcmp(floor_speech_types[i], code) == 0)
			return true;
	return false;
}

const char *floor_speech_label(const char *code)
{
	static const char *const labels[] = { N_("statement"), N_("reply"), N_("point of order"),
					      N_("question") };

	for (size_t i = 0; code && i < floor_speech_type_count; i++)
		if (strcmp(floor_speech_types[i], code) == 0)
			return _(labels[i]);
	return "?";
}

/* ---- reads ---- */

/* Columns 0-5 of every read: who speaks. */
#define WHO_COLS "d.code, d.type, d.name_fr, d.name_en, x.speaker, x.speech_type"
#define LOG_COLS "SELECT " WHO_COLS ", x.id, x.item_id, a.num, x.seq, x.start, x.end, x.summary"

static const char sql_queue[] =
	"SELECT " WHO_COLS ", x.id, x.pos, x.requested_at"
	" FROM agenda_item a JOIN speaker_request x ON x.item_id = a.id"
	" JOIN delegation d ON d.id = x.delegation_id"
	" WHERE a.session_id = ? AND a.status = 'in_progress' ORDER BY x.pos LIMIT ?";
static const char sql_current[] =
	"SELECT " WHO_COLS ", x.id, a.num, x.seq, x.start"
	" FROM intervention x JOIN agenda_item a ON a.id = x.item_id"
	" JOIN delegation d ON d.id = x.delegation_id"
	" WHERE x.session_id = ? AND x.end IS NULL";
static const char sql_log_item[] =
	LOG_COLS " FROM agenda_item a JOIN intervention x ON x.item_id = a.id"
	" JOIN delegation d ON d.id = x.delegation_id"
	" WHERE a.session_id = ? AND a.num = ? AND x.seq > ? ORDER BY x.seq LIMIT ?";
static const char sql_log_session[] =
	LOG_COLS " FROM intervention x JOIN agenda_item a ON a.id = x.item_id"
	" JOIN delegation d ON d.id = x.delegation_id"
	" WHERE x.session_id = ? AND (x.item_id, x.seq) > (?, ?)"
	" ORDER BY x.item_id, x.seq LIMIT ?";
static const char sql_count_item[] =
	"SELECT (SELECT count(*) FROM speaker_request WHERE item_id = a.id),"
	" (SELECT count(*) FROM intervention WHERE item_id = a.id),"
	" (SELECT total(strftime('%s', end) - strftime('%s', start)) FROM intervention"
	"  WHERE item_id = a.id AND end IS NOT NULL)"
	" FROM agenda_item a WHERE a.session_id = ? AND a.status = 'in_progress'";
static const char sql_count_session[] = "SELECT count(*) FROM intervention WHERE session_id = ?";

static const char *const read_queries[] = {
	sql_queue, sql_current, sql_log_item, sql_log_session, sql_count_item, sql_count_session,
};

const char *floor_query_sql(size_t i)
{
	return i < ARRAY_SIZE(read_queries) ? read_queries[i] : NULL;
}

static time_t stored_time(struct dbq *q, int col)
{
	const char *s = dbq_text(q, col);
	time_t t = s ? time_parse(s) : -1;

	return t < 0 ? 0 : t;
}

static void who_fill(struct dbq *q, struct floor_who *w)
{
	const char *s;

	str_copy(w->code, dbq_text(q, 0), sizeof w->code);
	str_copy(w->delegation_type, dbq_text(q, 1), sizeof w->delegation_type);
	str_copy(w->delegation, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)), sizeof w->delegation);
	str_copy(w->speaker, (s = dbq_text(q, 4)) ? s : "", sizeof w->speaker);
	str_copy(w->type, dbq_text(q, 5), sizeof w->type);
}

int floor_queue(struct db *db, long long session, struct floor_request *rows, size_t cap,
		size_t *n)
{
	struct dbq *q = db_query(db, sql_queue, "ii", session, (long long)cap);
	size_t k = 0;
	int rc = DB_DONE;

	*n = 0;
	if (!q)
		return db_errstatus(db);
	while (k < cap && (rc = dbq_step(q)) == DB_ROW) {
		struct floor_request *r = &rows[k++];

		memset(r, 0, sizeof *r);
		who_fill(q, &r->who);
		r->id = dbq_int(q, 6);
		r->pos = (int)dbq_int(q, 7);
		r->requested = stored_time(q, 8);
	}
	dbq_reset(q);
	*n = k;
	return rc < 0 ? rc : DB_OK;
}

int floor_current(struct db *db, long long session, struct floor_speaker *sp)
{
	struct dbq *q = db_query(db, sql_current, "i", session);
	int rc;

	memset(sp, 0, sizeof *sp);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		who_fill(q, &sp->who);
		sp->id = dbq_int(q, 6);
		sp->item_num = (int)dbq_int(q, 7);
		sp->seq = (int)dbq_int(q, 8);
		sp->start = stored_time(q, 9);
	}
	dbq_reset(q);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : rc;
}

/* The log row q is on; its summary is q's text (valid until q steps). */
static void entry_fill(struct dbq *q, struct floor_entry *e, time_t now)
{
	const char *s = dbq_text(q, 12);

	memset(e, 0, sizeof *e);
	who_fill(q, &e->who);
	e->id = dbq_int(q, 6);
	e->item_id = dbq_int(q, 7);
	e->item_num = (int)dbq_int(q, 8);
	e->seq = (int)dbq_int(q, 9);
	e->start = stored_time(q, 10);
	e->end = stored_time(q, 11);
	e->seconds = (long)((e->end ? e->end : now) - e->start);
	if (e->seconds < 0 || !e->start)
		e->seconds = 0;
	e->summary = (char *)(s ? s : "");
}

/* Read up to `limit` log rows of q. */
static int log_read(struct dbq *q, struct floor_entry *rows, size_t limit, size_t *n)
{
	time_t now = clock_now();
	size_t k = 0;
	int rc = DB_DONE;

	while (k < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct floor_entry *e = &rows[k++];

		entry_fill(q, e, now);
		e->summary = xstrdup(e->summary);
	}
	dbq_reset(q);
	*n = k;
	return rc < 0 ? rc : DB_OK;
}

void floor_entries_free(struct floor_entry *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xfree(&rows[i].summary);
}

static struct dbq *log_query(struct db *db, long long session, long long item_num,
			     const struct floor_cursor *after, size_t limit)
{
	struct floor_cursor zero = { 0, 0 };

	if (!after)
		after = &zero;
	if (item_num)
		return db_query(db, sql_log_item, "iiii", session, item_num, after->seq,
				(long long)limit);
	return db_query(db, sql_log_session, "iiii", session, after->item_id, after->seq,
			(long long)limit);
}

int floor_log(struct db *db, long long session, long long item_num,
	      const struct floor_cursor *after, struct floor_entry *rows, size_t limit,
	      size_t *n)
{
	struct dbq *q = log_query(db, session, item_num, after, limit);

	*n = 0;
	return q ? log_read(q, rows, limit, n) : db_errstatus(db);
}

int floor_log_each(struct db *db, long long session, long long item_num,
		   const struct floor_cursor *after, size_t limit,
		   void (*fn)(const struct floor_entry *e, void *ud), void *ud)
{
	struct dbq *q = log_query(db, session, item_num, after, limit);
	struct floor_entry e;
	time_t now = clock_now();
	size_t k = 0;
	int rc = DB_DONE;

	if (!q)
		return db_errstatus(db);
	while (k++ < limit && (rc = dbq_step(q)) == DB_ROW) {
		entry_fill(q, &e, now);
		fn(&e, ud);
	}
	dbq_reset(q);
	return rc < 0 ? rc : DB_OK;
}

int floor_counts(struct db *db, long long session, struct floor_counts *c)
{
	struct dbq *q = db_query(db, sql_count_item, "i", session);
	int rc;

	memset(c, 0, sizeof *c);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		c->waiting = (int)dbq_int(q, 0);
		c->item_interventions = (int)dbq_int(q, 1);
		c->item_seconds = (long)dbq_int(q, 2);
	}
	dbq_reset(q);
	if (rc < 0)
		return rc;
	q = db_query(db, sql_count_session, "i", session);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW)
		c->session_interventions = (int)dbq_int(q, 0);
	dbq_reset(q);
	return rc < 0 ? rc : DB_OK;
}

/* The delegation by its code in the session's process, then its
 * delegates by name (delegate_by_delegation). */
static const char sql_deleg_of_code[] =
	"SELECT g.id FROM delegation g JOIN session s ON s.process_id = g.process_id"
	" WHERE s.id = ? AND g.code = ? COLLATE NOCASE";
static const char sql_delegates_of[] =
	"SELECT name, present FROM delegate WHERE session_id = ? AND delegation_id = ?"
	" ORDER BY name";

int floor_delegates(struct db *db, long long session, const char *code,
		    struct floor_name **rows, size_t *n)
{
	long long did = db_int(db, 0, sql_deleg_of_code, "it", session, code ? code : "");
	size_t cap = 0;
	struct dbq *q;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!did)
		return db_errstatus(db) ? db_errstatus(db) : 1;
	if (!(q = db_query(db, sql_delegates_of, "ii", session, did)))
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		str_copy((*rows)[*n].name, dbq_text(q, 0), sizeof (*rows)[*n].name);
		(*rows)[(*n)++].present = dbq_int(q, 1) != 0;
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc < 0 ? rc : DB_ERROR;
	}
	return 0;
}
