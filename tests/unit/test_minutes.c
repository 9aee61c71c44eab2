/*
 * test_minutes.c — cmocka tests of src/minutes.c, the read side of the
 * journal for the Minutes screen, on a real SQLite file: a generated
 * journal of 5,000 entries in the session under test, interleaved with
 * 1,000 of another session (which must never show). Covers every query
 * plan (an index range, no scan, no sort), keyset pages in both directions
 * with and without filters (no duplicate, no gap), the view's row, page,
 * Home/End moves, following new entries, anchoring on the selection when
 * the journal or the filter changes, resizing, and the event-type cycle.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "db.h"
#include "minutes.h"
#include "util.h"
#include "testdb.h"

#define ROWS 6000      /* generated entries; every sixth is in session B */
#define H 18           /* page height of the views */

static const char *const codes[] = { "MUS", "COM", "", "MDG", "IOM", "SYC", "FRA" };
static const char *const events[] = { "note", "present+", "start", "floor", "yield", "q+",
				      "end", "amend", "position" };

struct fx {
	struct testdb t;
	long long a, b;        /* the session under test, another one */
	long long *want;       /* expected seqs of a filter */
	size_t nwant;
};

static long long new_session(struct fx *f, const char *title)
{
	assert_int_equal(db_run(f->t.app.db, "INSERT INTO session (process_id, title, start_date,"
				" status, created_at) VALUES ((SELECT min(id) FROM process), ?,"
				" '2026-11-23', 'open', '2026-11-01T00:00:00+04:00')", "t", title),
			 DB_OK);
	return db_last_id(f->t.app.db);
}

/* One journal row as journal.c writes it (item 0 -> NULL). */
static void add_entry(struct fx *f, long long session, long long item, const char *event,
		      const char *code, const char *detail, long second)
{
	char when[32];
	int rc;

	time_iso((time_t)1795406400 + second, when, sizeof when);
	if (item)
		rc = db_run(f->t.app.db, "INSERT INTO journal (time, session_id, item, event,"
			    " delegation, actor, command, detail) VALUES (?,?,?,?,?,'tester',"
			    " 'generated',?)", "tiittt", when, session, item, event, code, detail);
	else
		rc = db_run(f->t.app.db, "INSERT INTO journal (time, session_id, item, event,"
			    " delegation, actor, command, detail) VALUES (?,?,NULL,?,?,'tester',"
			    " 'generated',?)", "tittt", when, session, event, code, detail);
	assert_int_equal(rc, DB_OK);
}

static void generate(struct fx *f)
{
	char detail[64];

	assert_int_equal(db_begin(f->t.app.db), DB_OK);
	for (long i = 0; i < ROWS; i++) {
		long long item = i % 11 == 0 ? 0 : (i / 50) % 12 + 1;

		str_printf(detail, sizeof detail, "entry %ld", i);
		add_entry(f, i % 6 == 5 ? f->b : f->a, item, events[(i * 7) % 9], codes[i % 7],
			  detail, i);
	}
	assert_int_equal(db_commit(f->t.app.db), DB_OK);
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	testdb_open(&f->t, "minutes");
	f->a = new_session(f, "A");
	f->b = new_session(f, "B");
	f->t.app.session = f->a;
	generate(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	testdb_close(&f->t);
	free(f->want);
	free(f);
	return 0;
}

static struct minutes_filter filter(long long item, const char *code, const char *event)
{
	struct minutes_filter m;

	memset(&m, 0, sizeof m);
	m.item = item;
	str_copy(m.delegation, code ? code : "", sizeof m.delegation);
	str_copy(m.event, event ? event : "", sizeof m.event);
	return m;
}

/* The expected seqs of a filter, by one plain query written differently
 * from minutes.c (optional filters, no paging). */
static void expect(struct fx *f, const struct minutes_filter *m)
{
	struct dbq *q = db_query(f->t.app.db,
				 "SELECT seq FROM journal WHERE session_id = ?1"
				 " AND (?2 = 0 OR item = ?2) AND (?3 = '' OR delegation = ?3)"
				 " AND (?4 = '' OR event = ?4) ORDER BY seq",
				 "iitt", f->a, m->item, m->delegation, m->event);

	assert_non_null(q);
	free(f->want);
	f->want = xmalloc(ROWS * sizeof *f->want);
	f->nwant = 0;
	while (dbq_step(q) == DB_ROW)
		f->want[f->nwant++] = dbq_int(q, 0);
	dbq_reset(q);
}

/* Position of seq in the expected list, or -1. */
static long where(struct fx *f, long long seq)
{
	for (size_t i = 0; i < f->nwant; i++)
		if (f->want[i] == seq)
			return (long)i;
	return -1;
}

/* The page is a run of consecutive expected entries, in order. Returns
 * the position of its first row. */
static long page_is_window(struct fx *f, const struct minutes_view *v)
{
	long first;

	if (v->n == 0)
		return -1;
	first = where(f, v->rows[0].seq);
	assert_true(first >= 0);
	for (int i = 0; i < v->n; i++) {
		assert_true((size_t)first + (size_t)i < f->nwant);
		assert_true(v->rows[i].seq == f->want[first + i]);
	}
	assert_true(v->sel >= 0 && v->sel < v->n);
	return first;
}

static const struct minutes_filter *some_filters(size_t i)
{
	static struct minutes_filter list[10];

	list[0] = filter(0, NULL, NULL);
	list[1] = filter(3, NULL, NULL);
	list[2] = filter(0, "MUS", NULL);
	list[3] = filter(0, NULL, "note");
	list[4] = filter(0, "", NULL); /* "" is no filter */
	list[5] = filter(5, "COM", NULL);
	list[6] = filter(7, NULL, "yield");
	list[7] = filter(0, "IOM", "start");
	list[8] = filter(2, "MDG", "floor");
	list[9] = filter(0, "ZZZ", NULL); /* matches nothing */
	return i < ARRAY_SIZE(list) ? &list[i] : NULL;
}

/* ---- the queries ---- */

static void test_query_plans(void **state)
{
	struct fx *f = *state;
	static char sql[32][1024]; /* static: the statement cache keys on the pointer */
	/* The index a single filter must use (i and i + 8 for before). */
	static const char *const index_of[8] = { "journal_by_session", "journal_by_item",
						 "journal_by_delegation", NULL,
						 "journal_by_event", NULL, NULL, NULL };
	size_t i;

	for (i = 0; minutes_query_sql(i); i++) {
		const char *want = i < 16 ? index_of[i % 8] : "journal_by_event";
		struct dbq *q;
		int used_index = 0, rc;

		assert_true(i < 32);
		str_printf(sql[i], sizeof sql[i], "EXPLAIN QUERY PLAN %s", minutes_query_sql(i));
		q = db_prepare(f->t.app.db, sql[i]);
		assert_non_null(q);
		while ((rc = dbq_step(q)) == DB_ROW) {
			const char *d = dbq_text(q, 3);

			if (strncmp(d, "SCAN", 4) == 0 || strstr(d, "AUTOMATIC") || strstr(d, "TEMP B-TREE"))
				fail_msg("query %zu scans or sorts: %s\n  %s", i, d, minutes_query_sql(i));
			if (strncmp(d, "SEARCH journal USING ", 21) == 0 && strstr(d, "INDEX journal_by_") &&
			    strstr(d, "session_id=?"))
				used_index = 1;
			if (want && !strstr(d, want))
				fail_msg("query %zu does not use %s: %s", i, want, d);
		}
		assert_int_equal(rc, DB_DONE);
		if (!used_index)
			fail_msg("query %zu uses no journal index: %s", i, minutes_query_sql(i));
	}
	assert_int_equal(i, 17);
}

/* Pages read by key in both directions tile the expected entries. */
static void test_pages_tile(void **state)
{
	struct fx *f = *state;
	const struct minutes_filter *m;
	struct minutes_row rows[64];
	static const size_t limits[] = { 1, 7, 18, 64 };

	for (size_t k = 0; (m = some_filters(k)); k++) {
		expect(f, m);
		assert_true(k == 9 ? f->nwant == 0 : f->nwant > 5);
		for (size_t l = 0; l < ARRAY_SIZE(limits); l++) {
			size_t got, at = 0, n;
			long long seq = 0;

			/* Forward from the start. */
			do {
				assert_int_equal(minutes_after(f->t.app.db, f->a, m, seq, rows,
							       limits[l], &n), DB_OK);
				assert_true(n <= limits[l]);
				for (size_t i = 0; i < n; i++) {
					assert_true(at < f->nwant);
					assert_true(rows[i].seq == f->want[at]);
					at++;
				}
				if (n)
					seq = rows[n - 1].seq;
			} while (n == limits[l]);
			assert_int_equal(at, f->nwant);
			/* Backward from the end: ascending within each page. */
			got = 0;
			seq = LLONG_MAX;
			do {
				assert_int_equal(minutes_before(f->t.app.db, f->a, m, seq, rows,
								limits[l], &n), DB_OK);
				for (size_t i = 0; i < n; i++)
					assert_true(rows[i].seq == f->want[f->nwant - got - n + i]);
				got += n;
				if (n)
					seq = rows[0].seq;
			} while (n == limits[l]);
			assert_int_equal(got, f->nwant);
		}
	}
}

/* The fields of a row are those stored; NULL item reads 0. */
static void test_row_fields(void **state)
{
	struct fx *f = *state;
	struct minutes_filter m = filter(0, NULL, NULL);
	struct minutes_row r;
	char big[2000];
	size_t n;

	/* Entry 0 of the generator: no item, MUS, note, "entry 0". */
	assert_int_equal(minutes_after(f->t.app.db, f->a, &m, 0, &r, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r.item, 0);
	assert_string_equal(r.event, "note");
	assert_string_equal(r.delegation, "MUS");
	assert_string_equal(r.actor, "tester");
	assert_string_equal(r.detail, "entry 0");
	assert_int_equal((long long)r.time, 1795406400LL);
	/* A long detail is cut on a character; control characters are kept
	 * (the screen escapes them). */
	memset(big, 'x', sizeof big);
	memcpy(big + MINUTES_DETAIL_MAX - 1, "é", 2);
	big[sizeof big - 1] = '\0';
	memcpy(big, "\x1b[2J", 4);
	add_entry(f, f->a, 4, "note", "SYC", big, 9000);
	assert_int_equal(minutes_before(f->t.app.db, f->a, &m, LLONG_MAX, &r, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r.item, 4);
	assert_int_equal(strlen(r.detail), MINUTES_DETAIL_MAX - 1);
	assert_int_equal(memcmp(r.detail, "\x1b[2J", 4), 0);
	/* Session B's entries never show in A, and the other way round. */
	expect(f, &m);
	assert_int_equal(f->nwant, ROWS - ROWS / 6 + 1);
	assert_int_equal(minutes_after(f->t.app.db, f->b, &m, 0, &r, 1, &n), DB_OK);
	assert_string_equal(r.detail, "entry 5");
}

static void test_next_event(void **state)
{
	struct fx *f = *state;
	const char *sorted[] = { "amend", "end", "floor", "note", "position", "present+", "q+",
				 "start", "yield" };
	char ev[MINUTES_CODE_MAX + 1] = "";

	for (size_t i = 0; i < ARRAY_SIZE(sorted); i++) {
		char next[MINUTES_CODE_MAX + 1];

		assert_int_equal(minutes_next_event(f->t.app.db, f->a, ev, next, sizeof next), 1);
		assert_string_equal(next, sorted[i]);
		str_copy(ev, next, sizeof ev);
	}
	assert_int_equal(minutes_next_event(f->t.app.db, f->a, ev, ev, sizeof ev), 0);
	/* A session with an empty journal has no event type. */
	assert_int_equal(minutes_next_event(f->t.app.db, new_session(f, "C"), "", ev, sizeof ev),
			 0);
}

/* ---- the view ---- */

/* Down, row by row, from Home to the newest entry, then Up back: every
 * entry is selected once, in order, the page always full and contiguous. */
static void walk_rows(struct fx *f, const struct minutes_filter *m)
{
	struct minutes_view v;
	long expect_n;
	size_t at = 0;
	int rc;

	expect(f, m);
	expect_n = f->nwant < H ? (long)f->nwant : H;
	minutes_view_init(&v, f->t.app.db, f->a);
	v.filter = *m;
	minutes_view_resize(&v, H);
	assert_int_equal(minutes_view_home(&v), DB_OK);
	if (f->nwant == 0) {
		assert_int_equal(v.n, 0);
		assert_null(minutes_view_selected(&v));
		assert_int_equal(minutes_view_move(&v, 1), MINUTES_STILL);
		minutes_view_free(&v);
		return;
	}
	for (;;) {
		assert_int_equal(v.n, expect_n);
		page_is_window(f, &v);
		assert_true(minutes_view_selected(&v)->seq == f->want[at]);
		rc = minutes_view_move(&v, 1);
		if (rc == MINUTES_STILL)
			break;
		assert_true(rc == MINUTES_SEL || rc == MINUTES_PAGE);
		/* Inside the page nothing is read: the page stays. */
		at++;
	}
	assert_int_equal(at, f->nwant - 1);
	assert_true(minutes_view_following(&v));
	for (;;) {
		rc = minutes_view_move(&v, -1);
		if (rc == MINUTES_STILL)
			break;
		at--;
		assert_int_equal(v.n, expect_n);
		page_is_window(f, &v);
		assert_true(minutes_view_selected(&v)->seq == f->want[at]);
	}
	assert_int_equal(at, 0);
	assert_int_equal(v.sel, 0);
	minutes_view_free(&v);
}

static void test_view_rows(void **state)
{
	struct fx *f = *state;
	const struct minutes_filter *m;

	for (size_t k = 0; (m = some_filters(k)); k++)
		walk_rows(f, m);
}

/* PgDn from Home to the end and PgUp back: consecutive pages follow each
 * other with no gap (the last one stays full), the selection keeps its
 * row on the screen while whole pages turn, every entry is shown. */
static void walk_pages(struct fx *f, const struct minutes_filter *m)
{
	struct minutes_view v;
	long first, prev;
	size_t shown = 0;
	int rc, sel;

	expect(f, m);
	minutes_view_init(&v, f->t.app.db, f->a);
	v.filter = *m;
	minutes_view_resize(&v, H);
	assert_int_equal(minutes_view_home(&v), DB_OK);
	if (f->nwant > H + 3)
		assert_int_equal(minutes_view_move(&v, 3), MINUTES_PAGE); /* a page move reads */
	/* Home again, then 3 rows down: the selection at index 3. */
	assert_int_equal(minutes_view_home(&v), DB_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(minutes_view_move(&v, 1), MINUTES_SEL);
	prev = page_is_window(f, &v);
	shown = (size_t)v.n;
	for (;;) {
		sel = v.sel;
		rc = minutes_view_move(&v, H);
		if (rc == MINUTES_STILL)
			break;
		first = page_is_window(f, &v);
		if (first == prev) {
			/* Everything fits: the selection goes to the newest. */
			assert_int_equal(rc, MINUTES_SEL);
			assert_int_equal(v.sel, v.n - 1);
		} else if (first == prev + H) {
			assert_int_equal(v.sel, sel);  /* a whole page turned */
			shown += (size_t)v.n;
		} else {
			/* The last page: full, ending at the newest entry. */
			assert_true(first > prev && first < prev + H);
			assert_int_equal((size_t)first + (size_t)v.n, f->nwant);
			shown += (size_t)(first + v.n - prev - H);
			if (rc == MINUTES_SEL)
				assert_int_equal(v.sel, v.n - 1);
		}
		prev = first;
	}
	assert_int_equal(shown, f->nwant);
	assert_int_equal(v.sel, v.n - 1);
	assert_true(minutes_view_following(&v));
	/* PgUp back to the first entry. */
	for (;;) {
		rc = minutes_view_move(&v, -H);
		if (rc == MINUTES_STILL)
			break;
		first = page_is_window(f, &v);
		if (first == prev) {
			/* The first page already: the selection goes to the oldest. */
			assert_int_equal(rc, MINUTES_SEL);
			assert_int_equal(first, 0);
			assert_int_equal(v.sel, 0);
		} else {
			assert_int_equal(rc, MINUTES_PAGE);
			assert_true(first == prev - H || (first == 0 && first > prev - H));
		}
		if (v.n > 1)
			assert_false(minutes_view_following(&v));
		prev = first;
	}
	assert_int_equal(prev, 0);
	assert_int_equal(v.sel, 0);
	/* End: the newest page, the newest entry selected. */
	assert_int_equal(minutes_view_end(&v), DB_OK);
	first = page_is_window(f, &v);
	assert_int_equal((size_t)first + (size_t)v.n, f->nwant);
	assert_int_equal(v.sel, v.n - 1);
	minutes_view_free(&v);
}

static void test_view_pages(void **state)
{
	struct fx *f = *state;
	const struct minutes_filter *m;

	for (size_t k = 0; (m = some_filters(k)); k++)
		if (k != 9)
			walk_pages(f, m);
}

/* New entries (another instance, a command): followed at the end, else
 * the selected entry stays where it was. */
static void test_view_follow_and_anchor(void **state)
{
	struct fx *f = *state;
	struct minutes_view v;
	long long newest, seq;

	minutes_view_init(&v, f->t.app.db, f->a);
	minutes_view_resize(&v, H);
	assert_int_equal(minutes_view_end(&v), DB_OK);
	assert_true(minutes_view_following(&v));
	add_entry(f, f->a, 0, "note", "", "new one", 7000);
	newest = db_last_id(f->t.app.db);
	add_entry(f, f->b, 0, "note", "", "elsewhere", 7001);
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	assert_true(minutes_view_selected(&v)->seq == newest);
	assert_string_equal(minutes_view_selected(&v)->detail, "new one");
	assert_int_equal(v.n, H);
	/* Five up: no longer following; new entries do not move the view. */
	for (int i = 0; i < 5; i++)
		assert_int_equal(minutes_view_move(&v, -1), MINUTES_SEL);
	assert_false(minutes_view_following(&v));
	seq = minutes_view_selected(&v)->seq;
	add_entry(f, f->a, 0, "note", "", "newer", 7002);
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	assert_true(minutes_view_selected(&v)->seq == seq);
	assert_int_equal(v.sel, H - 6);
	assert_false(v.at_end);
	/* Down to the old end: the view knows a newer entry exists… */
	for (int i = 0; i < 5; i++)
		minutes_view_move(&v, 1);
	assert_true(minutes_view_selected(&v)->seq == newest);
	assert_false(minutes_view_following(&v));
	/* …and one more Down reaches it. */
	assert_int_equal(minutes_view_move(&v, 1), MINUTES_PAGE);
	assert_string_equal(minutes_view_selected(&v)->detail, "newer");
	assert_true(minutes_view_following(&v));
	assert_int_equal(minutes_view_move(&v, 1), MINUTES_STILL);

	/* A filter applied away from the end keeps the place in the journal:
	 * the nearest matching entry at or before the selected one. */
	assert_int_equal(minutes_view_home(&v), DB_OK);
	for (int i = 0; i < 10; i++)
		minutes_view_move(&v, 1);
	seq = minutes_view_selected(&v)->seq;
	v.filter = filter(0, "MUS", NULL);
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	expect(f, &v.filter);
	page_is_window(f, &v);
	assert_true(minutes_view_selected(&v)->seq <= seq);
	assert_string_equal(minutes_view_selected(&v)->delegation, "MUS");
	assert_true(where(f, minutes_view_selected(&v)->seq) + 1 == (long)f->nwant ||
		    f->want[where(f, minutes_view_selected(&v)->seq) + 1] > seq);
	/* At the end, a filter keeps following. */
	assert_int_equal(minutes_view_end(&v), DB_OK);
	v.filter = filter(0, NULL, "note");
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	assert_string_equal(minutes_view_selected(&v)->detail, "newer");
	minutes_view_free(&v);
}

/* Anchoring near both ends keeps the page full; a resize keeps the
 * selected entry. */
static void test_view_anchor_and_resize(void **state)
{
	struct fx *f = *state;
	struct minutes_filter none = filter(0, NULL, NULL);
	struct minutes_view v;
	long first;

	expect(f, &none);
	minutes_view_init(&v, f->t.app.db, f->a);
	minutes_view_resize(&v, H);
	/* Entry 2 asked at index 10: only two rows above it exist. */
	assert_int_equal(minutes_view_anchor(&v, f->want[2], 10), DB_OK);
	assert_int_equal(page_is_window(f, &v), 0);
	assert_int_equal(v.n, H);
	assert_int_equal(v.sel, 2);
	/* The third newest asked at index 3: the page ends at the newest. */
	assert_int_equal(minutes_view_anchor(&v, f->want[f->nwant - 3], 3), DB_OK);
	first = page_is_window(f, &v);
	assert_int_equal((size_t)first + H, f->nwant);
	assert_int_equal(v.sel, H - 3);
	assert_true(v.at_end);
	/* In the middle, at the index asked. */
	assert_int_equal(minutes_view_anchor(&v, f->want[2000], 7), DB_OK);
	assert_int_equal(page_is_window(f, &v), 2000 - 7);
	assert_int_equal(v.sel, 7);
	assert_false(v.at_end);
	/* Smaller: the selected entry stays, on the last row at most. */
	minutes_view_resize(&v, 5);
	assert_int_equal(minutes_view_anchor(&v, minutes_view_selected(&v)->seq, v.sel), DB_OK);
	assert_int_equal(v.n, 5);
	assert_int_equal(v.sel, 4);
	assert_true(minutes_view_selected(&v)->seq == f->want[2000]);
	/* Larger again: more rows below. */
	minutes_view_resize(&v, 40);
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	assert_int_equal(v.n, 40);
	assert_int_equal(v.sel, 4);
	assert_int_equal(page_is_window(f, &v), 1996);
	/* A seq before every entry: the first page. */
	assert_int_equal(minutes_view_anchor(&v, 0, 5), DB_OK);
	assert_int_equal(page_is_window(f, &v), 0);
	assert_int_equal(v.sel, 0);
	minutes_view_free(&v);
}

/* A session whose journal is short or empty. */
static void test_view_short(void **state)
{
	struct fx *f = *state;
	struct minutes_view v;
	long long c = new_session(f, "C");

	minutes_view_init(&v, f->t.app.db, c);
	minutes_view_resize(&v, H);
	assert_int_equal(minutes_view_end(&v), DB_OK);
	assert_int_equal(v.n, 0);
	assert_true(minutes_view_following(&v));
	assert_int_equal(minutes_view_move(&v, -H), MINUTES_STILL);
	add_entry(f, c, 1, "start", "", "first", 1);
	add_entry(f, c, 1, "note", "MUS", "second", 2);
	assert_int_equal(minutes_view_reload(&v), DB_OK);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.sel, 1);
	assert_int_equal(minutes_view_move(&v, -H), MINUTES_SEL);
	assert_int_equal(v.sel, 0);
	assert_int_equal(minutes_view_move(&v, -1), MINUTES_STILL);
	assert_int_equal(minutes_view_move(&v, H), MINUTES_SEL);
	assert_int_equal(v.sel, 1);
	assert_int_equal(minutes_view_move(&v, H), MINUTES_STILL);
	minutes_view_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_query_plans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pages_tile, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_follow_and_anchor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_anchor_and_resize, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_short, setup, teardown),
	};

	setenv("TZ", "<+04>-4", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
