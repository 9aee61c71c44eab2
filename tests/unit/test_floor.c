/*
 * test_floor.c — cmocka tests of src/floor.c (DESIGN R9) on a real SQLite
 * file: fixtures loaded as `init` does, one open session with a few
 * delegates inserted directly, commands run through command_exec(). The
 * clock is fixed with clock_set(), so speaking times are exact. Covers the
 * order of the list (points of order in front), duplicates, withdraw and
 * move, floor/yield and the intervention log, observers speaking, the
 * guards (no item in progress, someone already has the floor, end while
 * someone speaks), keyset paging of the log, the query plans, and that
 * refusals change nothing.
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

#include "agenda.h"
#include "app.h"
#include "commands.h"
#include "db.h"
#include "floor.h"
#include "util.h"
#include "testdb.h"

/* 2026-11-23T08:00:00+04:00 */
#define T0 ((time_t)1795406400)
#define MIN 60

static int setup(void **state)
{
	struct testdb *f = xcalloc(1, sizeof *f);

	testdb_open(f, "floor");
	testdb_add_session(f);
	testdb_add_delegate(f, "MUS", "Priya Ramdin");
	testdb_add_delegate(f, "MUS", "Jean-Claude Lagesse");
	testdb_add_delegate(f, "IOM", "Sofia Marchetti");
	clock_set(T0);
	*state = f;
	return 0;
}

/* Everything a refused floor command could have touched, as one text. */
static char *snapshot(struct testdb *f)
{
	return db_text(f->app.db,
		       "SELECT (SELECT count(*) FROM journal) || '|' || (SELECT group_concat("
		       "id || ',' || item_id || ',' || delegation_id || ',' || speaker || ','"
		       " || speech_type || ',' || pos, ';') FROM (SELECT * FROM speaker_request"
		       " ORDER BY id)) || '|' || (SELECT group_concat(id || ',' || seq || ','"
		       " || start || ',' || ifnull(end, '-') || ',' || summary, ';') FROM"
		       " (SELECT * FROM intervention ORDER BY id)) || '|' || (SELECT"
		       " group_concat(status || ifnull(actual_end, '-'), ';') FROM agenda_item)",
		       "");
}

static void refused(struct testdb *f, const char *line, const char *want)
{
	testdb_refused(f, snapshot, line, want);
}

/* The list of speakers as "CODE:type CODE:type …". */
static void queue_is(struct testdb *f, const char *want)
{
	struct floor_request rows[16];
	char got[512] = "";
	size_t n, len = 0;

	assert_int_equal(floor_queue(f->app.db, f->app.session, rows, 16, &n), DB_OK);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rows[i].pos, (int)i + 1);
		len += (size_t)str_printf(got + len, sizeof got - len, "%s%s:%s", i ? " " : "",
					  rows[i].who.code, rows[i].who.type);
	}
	if (strcmp(got, want) != 0)
		fail_msg("queue\n  got:  %s\n  want: %s", got, want);
}

static void start_item(struct testdb *f)
{
	testdb_exec(f, "item+ \"Déclarations\" statements 90 08:00");
	testdb_exec(f, "item+ \"Session thématique\" thematic 60");
	testdb_exec(f, "start 1");
}

/* ---- tests ---- */

static void test_queue_order_point_of_order(void **state)
{
	struct testdb *f = *state;

	start_item(f);
	testdb_is(f, "q+ COM reply", "ok COM in line, position 1");
	testdb_is(f, "q+ MUS", "ok MUS in line, position 2");
	testdb_is(f, "q+ IOM", "ok IOM in line, position 3");
	/* A point of order jumps the list (replies included), behind the
	 * points of order already waiting. */
	testdb_is(f, "q+ SYC point_of_order", "ok SYC in line, position 1");
	testdb_is(f, "q+ FRA point_of_order", "ok FRA in line, position 2");
	queue_is(f, "SYC:point_of_order FRA:point_of_order COM:reply MUS:statement IOM:statement");
	/* Same delegation, another type: allowed; same type: refused. */
	testdb_is(f, "q+ MUS reply", "ok MUS in line, position 6");
	refused(f, "q+ MUS", "error: MUS is already on the list of speakers (statement, position 4)");
	refused(f, "q+ mus statement",
		"error: MUS is already on the list of speakers (statement, position 4)");
	/* q- withdraws the delegation's first request and closes the gap. */
	testdb_is(f, "q- MUS", "ok MUS withdrawn from the list of speakers");
	queue_is(f, "SYC:point_of_order FRA:point_of_order COM:reply IOM:statement MUS:reply");
	testdb_is(f, "qmove IOM 1", "ok IOM moved to position 1");
	queue_is(f, "IOM:statement SYC:point_of_order FRA:point_of_order COM:reply MUS:reply");
	testdb_is(f, "qmove IOM 5", "ok IOM moved to position 5");
	queue_is(f, "SYC:point_of_order FRA:point_of_order COM:reply MUS:reply IOM:statement");
	testdb_is(f, "qmove COM 2", "ok COM moved to position 2");
	queue_is(f, "SYC:point_of_order COM:reply FRA:point_of_order MUS:reply IOM:statement");
	refused(f, "qmove COM 6", "error: position 6: the list has 5 speakers");
	refused(f, "qmove ZAF 1", "error: ZAF is not on the list of speakers");
	refused(f, "q- ZAF", "error: ZAF is not on the list of speakers");
	refused(f, "q- XXX", "error: unknown delegation XXX");

	/* The request names the person by the stored spelling; the journal
	 * names item and delegation. */
	testdb_is(f, "q+ MUS \"priya ramdin\" question", "ok MUS in line, position 6");
	struct floor_request rows[8];
	size_t n;
	assert_int_equal(floor_queue(f->app.db, f->app.session, rows, 8, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[5].who.speaker, "Priya Ramdin");
	assert_string_equal(rows[5].who.delegation_type, "member");
	assert_int_equal(rows[5].requested, T0);
	char *s = db_text(f->app.db, "SELECT item || '|' || event || '|' || delegation || '|' ||"
			  " detail FROM journal ORDER BY seq DESC LIMIT 1", "");
	assert_string_equal(s, "1|q+|MUS|MUS (Priya Ramdin) asks for the floor (question)");
	free(s);
	refused(f, "q+ MUS \"Nobody\"", "error: no delegate \"Nobody\" in MUS (register with delegate+)");
	refused(f, "q+ MUS \"Priya Ramdin\" speech",
		"error: unknown type of speech speech (statement, reply, point_of_order, question)");
	/* The cap bounds what is read. */
	assert_int_equal(floor_queue(f->app.db, f->app.session, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
}

static void test_floor_and_yield(void **state)
{
	struct testdb *f = *state;
	struct floor_speaker sp;
	struct floor_entry log[8] = { 0 };
	struct floor_counts c;
	size_t n;

	start_item(f);
	testdb_exec(f, "q+ MUS \"Priya Ramdin\"");
	testdb_exec(f, "q+ IOM");
	clock_set(T0 + 5 * MIN);
	assert_int_equal(floor_current(f->app.db, f->app.session, &sp), 0);
	testdb_is(f, "floor", "ok MUS has the floor");
	assert_int_equal(floor_current(f->app.db, f->app.session, &sp), 1);
	assert_string_equal(sp.who.code, "MUS");
	assert_string_equal(sp.who.speaker, "Priya Ramdin");
	assert_string_equal(sp.who.type, "statement");
	assert_int_equal(sp.item_num, 1);
	assert_int_equal(sp.seq, 1);
	assert_int_equal(sp.start, T0 + 5 * MIN);
	queue_is(f, "IOM:statement");

	/* Nothing moves while someone has the floor. */
	refused(f, "floor", "error: MUS has the floor; yield first");
	refused(f, "floor IOM", "error: MUS has the floor; yield first");
	refused(f, "end", "error: MUS has the floor; yield first");
	refused(f, "start 2", "error: MUS has the floor; yield first");

	clock_set(T0 + 9 * MIN + 30);
	testdb_is(f, "yield \"Maurice soutient le renforcement de la veille sanitaire aux frontières.\"",
	          "ok MUS spoke 4 min");
	assert_int_equal(floor_current(f->app.db, f->app.session, &sp), 0);
	refused(f, "yield", "error: nobody has the floor");
	char *s = db_text(f->app.db, "SELECT item || '|' || delegation || '|' || detail FROM journal"
			  " WHERE event = 'yield'", "");
	assert_string_equal(s, "1|MUS|MUS (Priya Ramdin): Maurice soutient le renforcement de la "
			       "veille sanitaire aux frontières.");
	free(s);

	/* An observer speaks (R9), from its request. */
	testdb_is(f, "floor IOM", "ok IOM has the floor");
	queue_is(f, "");
	clock_set(T0 + 10 * MIN);
	testdb_is(f, "yield", "ok IOM spoke 30 s");
	/* Called directly, without a request. */
	refused(f, "floor", "error: the list of speakers is empty");
	testdb_is(f, "floor SYC", "ok SYC has the floor");
	clock_set(T0 + 12 * MIN);
	testdb_is(f, "yield \"Question sur le calendrier\"", "ok SYC spoke 2 min");

	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 1, NULL, log, 8, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(log[0].seq, 1);
	assert_string_equal(log[0].who.code, "MUS");
	assert_int_equal(log[0].seconds, 270);
	assert_int_equal(log[0].start, T0 + 5 * MIN);
	assert_int_equal(log[0].end, T0 + 9 * MIN + 30);
	assert_string_equal(log[0].summary,
			    "Maurice soutient le renforcement de la veille sanitaire aux frontières.");
	assert_int_equal(log[1].seq, 2);
	assert_string_equal(log[1].who.code, "IOM");
	assert_string_equal(log[1].who.delegation_type, "observer_org");
	assert_int_equal(log[1].seconds, 30);
	assert_string_equal(log[1].summary, "");
	assert_int_equal(log[2].seq, 3);
	assert_string_equal(log[2].who.code, "SYC");
	assert_string_equal(log[2].who.speaker, "");
	assert_int_equal(log[2].seconds, 120);

	/* A running intervention counts up to now. */
	testdb_exec(f, "floor FRA");
	clock_set(T0 + 13 * MIN);
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 1, &(struct floor_cursor){ 0, 3 }, log,
				   1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(log[0].seq, 4);
	assert_int_equal(log[0].end, 0);
	assert_int_equal(log[0].seconds, 60);
	testdb_exec(f, "q+ COM");
	assert_int_equal(floor_counts(f->app.db, f->app.session, &c), DB_OK);
	assert_int_equal(c.waiting, 1);
	assert_int_equal(c.item_interventions, 4);
	assert_int_equal(c.item_seconds, 270 + 30 + 120);
	assert_int_equal(c.session_interventions, 4);
	testdb_exec(f, "yield");
	/* Ending the item is possible once the floor is free. */
	testdb_is(f, "end", "ok item 1 ended after 13 min");
	assert_int_equal(floor_counts(f->app.db, f->app.session, &c), DB_OK);
	assert_int_equal(c.waiting, 0);
	assert_int_equal(c.session_interventions, 4);
	floor_entries_free(log, ARRAY_SIZE(log));
}

static void test_needs_item_in_progress(void **state)
{
	struct testdb *f = *state;

	testdb_exec(f, "item+ A");
	refused(f, "q+ MUS", "error: no item in progress");
	refused(f, "floor MUS", "error: no item in progress");
	refused(f, "floor", "error: no item in progress");
	refused(f, "q- MUS", "error: no item in progress");
	refused(f, "qmove MUS 1", "error: no item in progress");
	refused(f, "yield", "error: nobody has the floor");
	struct floor_request rows[4];
	size_t n = 99;
	assert_int_equal(floor_queue(f->app.db, f->app.session, rows, 4, &n), DB_OK);
	assert_int_equal(n, 0);
	testdb_exec(f, "start 1");
	refused(f, "q+ XYZ", "error: unknown delegation XYZ");
	refused(f, "floor XYZ", "error: unknown delegation XYZ");
	char big[FLOOR_SUMMARY_MAX + 32];
	testdb_exec(f, "floor MUS");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "yield ", 6);
	refused(f, big, "error: the summary is too long (4000 bytes at most)");
}

/* Each item has its own list and its own seq; the session log pages by
 * (item, seq) both ways. */
static void test_log_paging(void **state)
{
	struct testdb *f = *state;
	struct floor_entry log[4] = { 0 };
	struct floor_cursor cur = { 0, 0 };
	size_t n, total = 0;
	int last_item = 0, last_seq = 0;

	start_item(f);
	for (int i = 0; i < 5; i++) {
		testdb_exec(f, "floor MUS");
		clock_set(T0 + (i + 1) * MIN);
		testdb_exec(f, "yield \"un\"");
	}
	testdb_exec(f, "q+ COM");
	testdb_exec(f, "start 2");
	queue_is(f, "");
	for (int i = 0; i < 4; i++) {
		testdb_exec(f, "floor IOM");
		testdb_exec(f, "yield \"deux\"");
	}
	for (;;) {
		floor_entries_free(log, ARRAY_SIZE(log));
		assert_int_equal(floor_log(f->app.db, f->app.session, 0, &cur, log, 4, &n), DB_OK);
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			assert_true(log[i].item_num > last_item ||
				    (log[i].item_num == last_item && log[i].seq == last_seq + 1));
			if (log[i].item_num != last_item)
				assert_int_equal(log[i].seq, 1);
			last_item = log[i].item_num;
			last_seq = log[i].seq;
		}
		total += n;
		cur.item_id = log[n - 1].item_id;
		cur.seq = log[n - 1].seq;
	}
	assert_int_equal(total, 9);
	assert_int_equal(last_item, 2);
	assert_int_equal(last_seq, 4);
	/* From a cursor inside item 1: the rest of item 1, then item 2. */
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 0, NULL, log, 1, &n), DB_OK);
	cur.item_id = log[0].item_id;
	cur.seq = log[0].seq;
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 0, &cur, log, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(log[0].item_num, 1);
	assert_int_equal(log[0].seq, 2);
	assert_int_equal(log[3].seq, 5);
	assert_string_equal(log[3].summary, "un");
	cur.item_id = log[3].item_id;
	cur.seq = log[3].seq;
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 0, &cur, log, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(log[0].item_num, 2);
	assert_int_equal(log[0].seq, 1);
	assert_int_equal(log[3].seq, 4);
	/* One item's log. */
	cur.item_id = 0;
	cur.seq = 3;
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 1, &cur, log, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(log[0].seq, 4);
	assert_int_equal(log[1].seq, 5);
	assert_int_equal(log[1].seconds, 60);
	floor_entries_free(log, ARRAY_SIZE(log));
	assert_int_equal(floor_log(f->app.db, f->app.session, 9, NULL, log, 4, &n), DB_OK);
	assert_int_equal(n, 0);
	floor_entries_free(log, ARRAY_SIZE(log));
}

/* A page of the log (the Floor screen keeps three screens of rows) takes
 * the length of its summaries, not 4 KB a row: at 200x60, 168 rows. */
static void test_log_row_small(void **state)
{
	(void)state;
	assert_true(168 * sizeof(struct floor_entry) < 64 * 1024);
}

static void test_query_plans(void **state)
{
	struct testdb *f = *state;
	static char sql[16][2048]; /* static: the statement cache keys on the pointer */
	size_t i;

	i = testdb_assert_indexed(f, floor_query_sql, sql, 16, 0);
	assert_int_equal(i, 6);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, testdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_queue_order_point_of_order),
		T(test_floor_and_yield),
		T(test_needs_item_in_progress),
		T(test_log_paging),
		T(test_log_row_small),
		T(test_query_plans),
	};

	setenv("TZ", "<+04>-4", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
