/*
 * minutes_read.c — the read side of the journal for the Minutes screen (see
 * minutes.h): keyset pages on seq within a session, narrowed by item,
 * delegation and event type, and the window (page + selection) the screen
 * moves over. Also the `note` command (a free line of the minutes).
 *
 * Each combination of filters has its own literal statement (eight, in
 * each direction, chosen by prepare_page()), because one statement with optional filters
 * ("?4 IS NULL OR item = ?4") cannot use an index: the filter picks the
 * text and every text is a range of one index (EXPLAIN QUERY PLAN is
 * checked by the unit tests). With two filters or more SQLite walks the
 * index of one and checks the others on the row: still in seq order, no
 * sort, no scan of the table.
 */
#include "minutes.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "minutes_render.h"
#include "util.h"

/* The actor shown is the person (--as) when there is one, else the OS user. */
#define COLS "SELECT seq, time, item, event, delegation," \
	     " CASE WHEN person <> '' THEN person ELSE actor END, detail, " MINUTES_ARGS_COLS \
	     " FROM journal WHERE session_id = ?1"
#define F_I " AND item = ?4"
#define F_D " AND delegation = ?5"
#define F_E " AND event = ?6"
#define AFTER " AND seq > ?2 ORDER BY seq LIMIT ?3"
#define BEFORE " AND seq < ?2 ORDER BY seq DESC LIMIT ?3"

/* One statement per combination of filters and direction, each a
 * literal (the statement cache keys on the text's address). Index: the
 * filter bits (1 item, 2 delegation, 4 event), + 8 for before. */
static const char sql_a0[] = COLS AFTER;
static const char sql_a1[] = COLS F_I AFTER;
static const char sql_a2[] = COLS F_D AFTER;
static const char sql_a3[] = COLS F_I F_D AFTER;
static const char sql_a4[] = COLS F_E AFTER;
static const char sql_a5[] = COLS F_I F_E AFTER;
static const char sql_a6[] = COLS F_D F_E AFTER;
static const char sql_a7[] = COLS F_I F_D F_E AFTER;
static const char sql_b0[] = COLS BEFORE;
static const char sql_b1[] = COLS F_I BEFORE;
static const char sql_b2[] = COLS F_D BEFORE;
static const char sql_b3[] = COLS F_I F_D BEFORE;
static const char sql_b4[] = COLS F_E BEFORE;
static const char sql_b5[] = COLS F_I F_E BEFORE;
static const char sql_b6[] = COLS F_D F_E BEFORE;
static const char sql_b7[] = COLS F_I F_D F_E BEFORE;
static const char sql_next_event[] =
	"SELECT event FROM journal WHERE session_id = ?1 AND event > ?2 ORDER BY event LIMIT 1";

static const char *const queries[] = {
	sql_a0, sql_a1, sql_a2, sql_a3, sql_a4, sql_a5, sql_a6, sql_a7,
	sql_b0, sql_b1, sql_b2, sql_b3, sql_b4, sql_b5, sql_b6, sql_b7,
	sql_next_event,
};

const char *minutes_query_sql(size_t i)
{
	return i < ARRAY_SIZE(queries) ? queries[i] : NULL;
}

static struct dbq *prepare_page(struct db *db, unsigned which)
{
	switch (which) {
	case 0:
		return db_prepare(db, sql_a0);
	case 1:
		return db_prepare(db, sql_a1);
	case 2:
		return db_prepare(db, sql_a2);
	case 3:
		return db_prepare(db, sql_a3);
	case 4:
		return db_prepare(db, sql_a4);
	case 5:
		return db_prepare(db, sql_a5);
	case 6:
		return db_prepare(db, sql_a6);
	case 7:
		return db_prepare(db, sql_a7);
	case 8:
		return db_prepare(db, sql_b0);
	case 9:
		return db_prepare(db, sql_b1);
	case 10:
		return db_prepare(db, sql_b2);
	case 11:
		return db_prepare(db, sql_b3);
	case 12:
		return db_prepare(db, sql_b4);
	case 13:
		return db_prepare(db, sql_b5);
	case 14:
		return db_prepare(db, sql_b6);
	case 15:
		return db_prepare(db, sql_b7);
	default:
		return NULL;
	}
}

static unsigned filter_bits(const struct minutes_filter *f)
{
	if (!f)
		return 0;
	return (f->item > 0 ? 1u : 0u) | (f->delegation[0] ? 2u : 0u) | (f->event[0] ? 4u : 0u);
}

void minutes_detail(struct db *db, struct dbq *q, int col, const char *stored, char *out,
		    size_t size)
{
	struct event e = { .code = dbq_text(q, col) };

	if (e.code) {
		for (int i = 0; i < EVENT_ARGS_MAX && !dbq_is_null(q, col + 1 + i); i++)
			e.arg[e.n++] = dbq_text(q, col + 1 + i);
		if (minutes_render(db, &e, out, size))
			return;
	}
	str_copy(out, stored ? stored : "", size);
}

static void read_row(struct db *db, struct dbq *q, struct minutes_row *r)
{
	const char *t = dbq_text(q, 1);
	time_t when = t ? time_parse(t) : -1;

	r->seq = dbq_int(q, 0);
	r->time = when < 0 ? 0 : when;
	r->item = dbq_is_null(q, 2) ? 0 : dbq_int(q, 2);
	str_copy(r->event, dbq_text(q, 3) ? dbq_text(q, 3) : "", sizeof r->event);
	str_copy(r->delegation, dbq_text(q, 4) ? dbq_text(q, 4) : "", sizeof r->delegation);
	str_copy(r->actor, dbq_text(q, 5) ? dbq_text(q, 5) : "", sizeof r->actor);
	minutes_detail(db, q, 7, dbq_text(q, 6), r->detail, sizeof r->detail);
	/* Cut on a character boundary: up to 3 bytes short of full. */
	r->cut = strlen(r->detail) + 4 > sizeof r->detail;
}

/* Run one page query: rows arrive in the statement's order, each handed
 * to fn (a row of the reader's, valid during the call). */
static int page_query(struct db *db, bool before, long long session,
		      const struct minutes_filter *f, long long seq, size_t limit,
		      void (*fn)(const struct minutes_row *r, void *ud), void *ud)
{
	unsigned bits = filter_bits(f);
	struct minutes_row r;
	struct dbq *q;
	size_t k = 0;
	int rc = DB_DONE;

	if (limit == 0)
		return DB_OK;
	if (!(q = prepare_page(db, bits + (before ? 8 : 0))))
		return db_errstatus(db);
	dbq_bind_int(q, 1, session);
	dbq_bind_int(q, 2, seq);
	dbq_bind_int(q, 3, (long long)limit);
	/* Only the parameters the statement names (binding another would
	 * be out of its range). */
	if (bits & 1)
		dbq_bind_int(q, 4, f->item);
	if (bits & 2)
		dbq_bind_text(q, 5, f->delegation);
	if (bits & 4)
		dbq_bind_text(q, 6, f->event);
	while (k++ < limit && (rc = dbq_step(q)) == DB_ROW) {
		read_row(db, q, &r);
		fn(&r, ud);
	}
	dbq_reset(q);
	return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

struct row_sink {
	struct minutes_row *rows;
	size_t *n;
};

static void to_rows(const struct minutes_row *r, void *ud)
{
	struct row_sink *k = ud;

	k->rows[(*k->n)++] = *r;
}

int minutes_after(struct db *db, long long session, const struct minutes_filter *f,
		  long long after_seq, struct minutes_row *rows, size_t limit, size_t *n)
{
	struct row_sink k = { rows, n };

	*n = 0;
	return page_query(db, false, session, f, after_seq, limit, to_rows, &k);
}

int minutes_before(struct db *db, long long session, const struct minutes_filter *f,
		   long long before_seq, struct minutes_row *rows, size_t limit, size_t *n)
{
	struct row_sink k = { rows, n };
	int rc;

	*n = 0;
	rc = page_query(db, true, session, f, before_seq, limit, to_rows, &k);

	/* Newest first from the index; the caller wants ascending seq. */
	for (size_t i = 0, j = *n ? *n - 1 : 0; i < j; i++, j--) {
		struct minutes_row t = rows[i];

		rows[i] = rows[j];
		rows[j] = t;
	}
	return rc;
}

int minutes_next_event(struct db *db, long long session, const char *after, char *out,
		       size_t size)
{
	struct dbq *q = db_query(db, sql_next_event, "it", session, after ? after : "");
	int rc, found = 0;

	if (!q)
		return db_errstatus(db);
	if ((rc = dbq_step(q)) == DB_ROW) {
		str_copy(out, dbq_text(q, 0) ? dbq_text(q, 0) : "", size);
		found = 1;
	}
	dbq_reset(q);
	return rc == DB_ROW || rc == DB_DONE ? found : rc;
}

/* ---- the view ---- */

/* The view's rows are minutes_line: the actor and detail as strings of
 * their length (a page of 112 rows of 660 bytes at 200x60 before). A
 * line in rows[0, n) or tmp[0, tmp_n) owns its strings; moving it from
 * tmp to rows moves them. */
static void line_set(struct minutes_line *l, const struct minutes_row *r)
{
	l->seq = r->seq;
	l->time = r->time;
	l->item = r->item;
	str_copy(l->event, r->event, sizeof l->event);
	str_copy(l->delegation, r->delegation, sizeof l->delegation);
	l->actor = xstrdup(r->actor);
	l->detail = xstrdup(r->detail);
	l->cut = r->cut;
}

static void lines_free(struct minutes_line *l, int n)
{
	for (int i = 0; i < n; i++) {
		free(l[i].actor);
		free(l[i].detail);
	}
}

struct line_sink {
	struct minutes_line *lines;
	size_t n;
};

static void to_lines(const struct minutes_row *r, void *ud)
{
	struct line_sink *k = ud;

	line_set(&k->lines[k->n++], r);
}

/* Up to limit lines after seq (or just before it, when before: then put
 * in ascending seq) into lines; *n of them, owned by the caller. */
static int lines_read(struct minutes_view *v, bool before, long long seq,
		      struct minutes_line *lines, size_t limit, size_t *n)
{
	struct line_sink k = { lines, 0 };
	int rc = page_query(v->db, before, v->session, &v->filter, seq, limit, to_lines, &k);

	*n = k.n;
	for (size_t i = 0, j = k.n ? k.n - 1 : 0; before && i < j; i++, j--) {
		struct minutes_line t = lines[i];

		lines[i] = lines[j];
		lines[j] = t;
	}
	return rc;
}

void minutes_view_init(struct minutes_view *v, struct db *db, long long session)
{
	memset(v, 0, sizeof *v);
	v->db = db;
	v->session = session;
	v->height = 1;
	v->sel = -1;
}

/* The page's lines go (their place is the caller's business). */
static void rows_drop(struct minutes_view *v)
{
	lines_free(v->rows, v->n);
	v->n = 0;
}

void minutes_view_free(struct minutes_view *v)
{
	rows_drop(v);
	lines_free(v->tmp, v->tmp_n);
	free(v->rows);
	free(v->tmp);
	v->rows = v->tmp = NULL;
	v->cap = v->tmp_cap = v->tmp_n = 0;
	v->sel = -1;
	v->shed = false;
}

/* The page holds up to two pages plus a look-ahead row while merging. */
static void reserve(struct minutes_view *v)
{
	int need = 2 * v->height + 2;

	if (need > v->cap) {
		v->rows = xrealloc(v->rows, (size_t)need * sizeof *v->rows);
		v->cap = need;
	}
}

/* tmp for n lines fetched (one more for a one-row scroll, a page for a
 * page move), held until the call ends (tmp_drop). */
static struct minutes_line *tmp_for(struct minutes_view *v, size_t n)
{
	lines_free(v->tmp, v->tmp_n);
	v->tmp_n = 0;
	if (n > (size_t)v->tmp_cap) {
		v->tmp = xrealloc(v->tmp, n * sizeof *v->tmp);
		v->tmp_cap = (int)n;
	}
	return v->tmp;
}

static int tmp_drop(struct minutes_view *v, int rc)
{
	lines_free(v->tmp, v->tmp_n);
	free(v->tmp);
	v->tmp = NULL;
	v->tmp_cap = v->tmp_n = 0;
	return rc;
}

/* Lines [0, got) of tmp now belong to rows. */
static void tmp_moved(struct minutes_view *v)
{
	v->tmp_n = 0;
}

void minutes_view_resize(struct minutes_view *v, int height)
{
	v->height = height > 0 ? height : 1;
	reserve(v);
}

static int fail(struct minutes_view *v, int rc)
{
	rows_drop(v);
	v->sel = -1;
	v->at_end = true;
	v->status = rc;
	return rc;
}

/* Up to `want` lines after seq into tmp, with one more asked to learn
 * whether the end was reached (*more). */
static int fetch_after(struct minutes_view *v, long long seq, int want, size_t *got, bool *more)
{
	int rc = lines_read(v, false, seq, tmp_for(v, (size_t)want + 1), (size_t)want + 1, got);

	v->tmp_n = (int)*got;
	*more = *got > (size_t)want;
	if (*more) {
		lines_free(v->tmp + want, 1);
		v->tmp_n = want;
		*got = (size_t)want;
	}
	return rc;
}

/* Up to want lines just before seq into tmp, in ascending seq. */
static int fetch_before(struct minutes_view *v, long long seq, size_t want, size_t *got)
{
	int rc = lines_read(v, true, seq, tmp_for(v, want), want, got);

	v->tmp_n = (int)*got;
	return rc;
}

int minutes_view_end(struct minutes_view *v)
{
	size_t got = 0;
	int rc;

	reserve(v);
	rows_drop(v);
	rc = lines_read(v, true, LLONG_MAX, v->rows, (size_t)v->height, &got);
	v->n = (int)got;
	if (rc != DB_OK)
		return fail(v, rc);
	v->sel = v->n - 1;
	v->at_end = true;
	v->status = DB_OK;
	return DB_OK;
}

static int view_home(struct minutes_view *v)
{
	size_t got = 0;
	bool more;
	int rc;

	reserve(v);
	if ((rc = fetch_after(v, 0, v->height, &got, &more)) != DB_OK)
		return fail(v, rc);
	rows_drop(v);
	memcpy(v->rows, v->tmp, got * sizeof *v->rows);
	tmp_moved(v);
	v->n = (int)got;
	v->sel = v->n > 0 ? 0 : -1;
	v->at_end = !more;
	v->status = DB_OK;
	return DB_OK;
}

/* Down by delta > 0 rows past what the page holds: read delta rows after
 * the last, append, keep the last `height` rows of the two. */
static int move_down(struct minutes_view *v, int delta)
{
	size_t got = 0;
	bool more;
	int total, target, start, rc;

	if (v->at_end) {
		target = v->sel + delta < v->n ? v->sel + delta : v->n - 1;
		if (target == v->sel)
			return MINUTES_STILL;
		v->sel = target;
		return MINUTES_SEL;
	}
	if ((rc = fetch_after(v, v->rows[v->n - 1].seq, delta, &got, &more)) != DB_OK)
		return fail(v, rc);
	v->at_end = !more;
	memcpy(v->rows + v->n, v->tmp, got * sizeof *v->rows);
	tmp_moved(v);
	total = v->n + (int)got;
	target = v->sel + delta < total ? v->sel + delta : total - 1;
	start = total > v->height ? total - v->height : 0;
	if (start > 0) {
		lines_free(v->rows, start);
		memmove(v->rows, v->rows + start, (size_t)(total - start) * sizeof *v->rows);
	}
	v->n = total - start;
	if (got == 0 && target == v->sel)
		return MINUTES_STILL;
	v->sel = target - start;
	return got > 0 ? MINUTES_PAGE : MINUTES_SEL;
}

/* Up by delta > 0 rows before the page: read delta rows before the first,
 * prepend, keep the first `height` rows of the two. */
static int move_up(struct minutes_view *v, int delta)
{
	size_t got = 0;
	int total, target, rc;

	rc = fetch_before(v, v->rows[0].seq, (size_t)delta, &got);
	if (rc != DB_OK)
		return fail(v, rc);
	if (got == 0) {
		if (v->sel == 0)
			return MINUTES_STILL;
		v->sel = v->sel > delta ? v->sel - delta : 0;
		return MINUTES_SEL;
	}
	memmove(v->rows + got, v->rows, (size_t)v->n * sizeof *v->rows);
	memcpy(v->rows, v->tmp, got * sizeof *v->rows);
	tmp_moved(v);
	total = v->n + (int)got;
	target = v->sel + (int)got - delta;
	if (target < 0)
		target = 0;
	if (total > v->height) {
		lines_free(v->rows + v->height, total - v->height);
		total = v->height;
		v->at_end = false; /* rows fell off the bottom */
	}
	v->n = total;
	v->sel = target;
	return MINUTES_PAGE;
}

static int view_move(struct minutes_view *v, int delta)
{
	int target = v->sel + delta;

	if (v->n == 0 || delta == 0)
		return MINUTES_STILL;
	/* The buffers hold two pages: a move is at most one page. */
	if (delta > v->height)
		delta = v->height;
	if (delta < -v->height)
		delta = -v->height;
	target = v->sel + delta;
	v->status = DB_OK;
	/* One row inside the page: nothing to read. */
	if ((delta == 1 || delta == -1) && target >= 0 && target < v->n) {
		v->sel = target;
		return MINUTES_SEL;
	}
	return delta > 0 ? move_down(v, delta) : move_up(v, -delta);
}

static int view_anchor(struct minutes_view *v, long long seq, int pos)
{
	size_t k1 = 0, k2 = 0, k3 = 0;
	bool more;
	int rc;

	reserve(v);
	rows_drop(v);
	if (pos < 0)
		pos = 0;
	if (pos >= v->height)
		pos = v->height - 1;
	/* The anchor and the rows above it… */
	rc = lines_read(v, true, seq < LLONG_MAX ? seq + 1 : seq, v->rows, (size_t)pos + 1, &k1);
	v->n = (int)k1;
	if (rc != DB_OK)
		return fail(v, rc);
	if (k1 == 0)
		return view_home(v);
	/* …the rows below, with a look-ahead for the end… */
	rc = fetch_after(v, v->rows[k1 - 1].seq, v->height - (int)k1, &k2, &more);
	if (rc != DB_OK)
		return fail(v, rc);
	memcpy(v->rows + k1, v->tmp, k2 * sizeof *v->rows);
	tmp_moved(v);
	v->n = (int)(k1 + k2);
	/* …and, near the end, more rows above so the page stays full. */
	if ((int)(k1 + k2) < v->height && k1 == (size_t)pos + 1) {
		rc = fetch_before(v, v->rows[0].seq, (size_t)v->height - k1 - k2, &k3);
		if (rc != DB_OK)
			return fail(v, rc);
		memmove(v->rows + k3, v->rows, (k1 + k2) * sizeof *v->rows);
		memcpy(v->rows, v->tmp, k3 * sizeof *v->rows);
		tmp_moved(v);
	}
	v->n = (int)(k1 + k2 + k3);
	v->sel = (int)(k3 + k1 - 1);
	v->at_end = !more;
	v->status = DB_OK;
	return DB_OK;
}

int minutes_view_home(struct minutes_view *v)
{
	return tmp_drop(v, view_home(v));
}

int minutes_view_move(struct minutes_view *v, int delta)
{
	return tmp_drop(v, view_move(v, delta));
}

int minutes_view_anchor(struct minutes_view *v, long long seq, int pos)
{
	return tmp_drop(v, view_anchor(v, seq, pos));
}

bool minutes_view_following(const struct minutes_view *v)
{
	return v->n == 0 || (v->at_end && v->sel == v->n - 1);
}

void minutes_view_shed(struct minutes_view *v)
{
	if (!v->shed) {
		v->shed_seq = minutes_view_following(v) ? 0 : v->rows[v->sel].seq;
		v->shed_pos = v->sel;
		v->shed = true;
	}
	rows_drop(v);
	free(v->rows);
	free(v->tmp);
	v->rows = v->tmp = NULL;
	v->cap = v->tmp_cap = v->tmp_n = 0;
	v->sel = -1;
}

int minutes_view_reload(struct minutes_view *v)
{
	if (v->shed) {
		v->shed = false;
		if (v->shed_seq)
			return minutes_view_anchor(v, v->shed_seq, v->shed_pos);
		return minutes_view_end(v);
	}
	if (minutes_view_following(v))
		return minutes_view_end(v);
	return minutes_view_anchor(v, v->rows[v->sel].seq, v->sel);
}

const struct minutes_line *minutes_view_selected(const struct minutes_view *v)
{
	return v->sel >= 0 && v->sel < v->n ? &v->rows[v->sel] : NULL;
}
