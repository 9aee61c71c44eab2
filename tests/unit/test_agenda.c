/*
 * test_agenda.c — cmocka tests of src/agenda.c (DESIGN R8) on a real
 * SQLite file: the fixtures are loaded as `init` does, one open session
 * is inserted directly, and the commands run through command_exec() as
 * the CLI and the screens run them. The clock is fixed with clock_set(),
 * so every time below is exact. Covers numbering and planned times, start
 * ending the item in progress, end/skip/restore, move, overrun, keyset
 * paging, the query plans (no full scan), and that refusals change nothing.
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
#include "util.h"
#include "testdb.h"

/* 2026-11-23T08:00:00+04:00 */
#define T0 ((time_t)1795406400)
#define MIN 60

static int setup(void **state)
{
	struct testdb *f = xcalloc(1, sizeof *f);

	testdb_open(f, "agenda");
	testdb_add_session(f);
	clock_set(T0);
	*state = f;
	return 0;
}

/* Everything a refused agenda command could have touched, as one text. */
static char *snapshot(struct testdb *f)
{
	return db_text(f->app.db,
		       "SELECT (SELECT count(*) FROM journal) || '|' || (SELECT group_concat("
		       "num || ',' || pos || ',' || status || ',' || title || ',' || kind || ','"
		       " || planned_minutes || ',' || ifnull(planned_start, '-') || ',' ||"
		       " ifnull(actual_start, '-') || ',' || ifnull(actual_end, '-') || ',' ||"
		       " moderator, ';') FROM (SELECT * FROM agenda_item ORDER BY id))", "");
}

static void refused(struct testdb *f, const char *line, const char *want)
{
	char *before = snapshot(f), *after;

	testdb_is(f, line, want);
	after = snapshot(f);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static char *item_text(struct testdb *f, long long num)
{
	return db_text(f->app.db, "SELECT status || ' ' || ifnull(actual_start, '-') || ' ' ||"
		       " ifnull(actual_end, '-') FROM agenda_item WHERE session_id = ? AND num = ?",
		       "ii", f->app.session, num);
}

static void item_state_is(struct testdb *f, long long num, const char *want)
{
	char *s = item_text(f, num);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

/* ---- tests ---- */

static void test_numbering_and_planned_times(void **state)
{
	struct testdb *f = *state;
	struct agenda_row r;

	testdb_is(f, "item+ \"Cérémonie d'ouverture\" opening 45 08:30", "ok item 1");
	testdb_is(f, "item+ \"Ordre du jour\" agenda 15", "ok item 2");
	/* Optional words in any order, told apart by their shape. */
	testdb_is(f, "item+ \"Déclarations\" 90 statements", "ok item 3");
	testdb_is(f, "item+ \"Jour 2\" 2026-11-24T09:00 other 60", "ok item 4");
	testdb_is(f, "item+ Divers", "ok item 5");

	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_string_equal(r.title, "Cérémonie d'ouverture");
	assert_string_equal(r.kind, "opening");
	assert_int_equal(r.planned_minutes, 45);
	assert_int_equal(r.planned_start, T0 + 30 * MIN);
	assert_int_equal(r.status, IS_PENDING);
	assert_int_equal(r.pos, 1);
	/* Without a time, an item follows the previous item's planned end. */
	assert_int_equal(agenda_get(f->app.db, f->app.session, 2, &r), 1);
	assert_int_equal(r.planned_start, T0 + 75 * MIN);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 3, &r), 1);
	assert_string_equal(r.kind, "statements");
	assert_int_equal(r.planned_start, T0 + 90 * MIN);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 4, &r), 1);
	assert_int_equal(r.planned_start, T0 + 25 * 3600);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 5, &r), 1);
	assert_string_equal(r.kind, "other");
	assert_int_equal(r.planned_minutes, 0);
	assert_int_equal(r.planned_start, T0 + 26 * 3600);
	assert_int_equal(r.pos, 5);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 6, &r), 0);

	/* The stored text is ISO 8601 with the offset. */
	char *s = db_text(f->app.db, "SELECT planned_start FROM agenda_item WHERE num = 2", "");
	assert_string_equal(s, "2026-11-23T09:15:00+04:00");
	free(s);

	/* The journal names the item and its state. */
	s = db_text(f->app.db, "SELECT event || ' ' || item || ' ' || after || ' ' || detail"
		    " FROM journal ORDER BY seq DESC LIMIT 1", "");
	assert_string_equal(s, "item+ 5 pending agenda item 5 added: Divers");
	free(s);

	/* A number is max+1 even after a move (never reused, never shifted). */
	testdb_exec(f, "move 5 1");
	testdb_is(f, "item+ Suite", "ok item 6");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 6, &r), 1);
	assert_int_equal(r.pos, 6);
}

static void test_item_edit(void **state)
{
	struct testdb *f = *state;
	struct agenda_row r;

	testdb_exec(f, "item+ Ouverture opening 45 08:30");
	testdb_is(f, "item= 1 title \"Séance d'ouverture\"", "ok item 1 title changed");
	testdb_is(f, "item= 1 kind closing", "ok item 1 kind changed");
	testdb_is(f, "item= 1 minutes 60", "ok item 1 minutes changed");
	testdb_is(f, "item= 1 start 09:00", "ok item 1 start changed");
	testdb_is(f, "item= 1 moderator \"Maurice (présidence)\"", "ok item 1 moderator changed");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_string_equal(r.title, "Séance d'ouverture");
	assert_string_equal(r.kind, "closing");
	assert_int_equal(r.planned_minutes, 60);
	assert_int_equal(r.planned_start, T0 + 60 * MIN);
	assert_string_equal(r.moderator, "Maurice (présidence)");
	char *s = db_text(f->app.db, "SELECT before || ' -> ' || after FROM journal"
			  " WHERE event = 'item=' ORDER BY seq DESC LIMIT 1", "");
	assert_string_equal(s, " -> Maurice (présidence)");
	free(s);
	testdb_is(f, "item= 1 start -", "ok item 1 start changed");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_int_equal(r.planned_start, 0);
}

static void test_start_ends_previous(void **state)
{
	struct testdb *f = *state;
	struct agenda_current cur;

	testdb_exec(f, "item+ Ouverture opening 45 08:30");
	testdb_exec(f, "item+ \"Ordre du jour\" agenda 15");
	testdb_exec(f, "item+ Déclarations statements 90");
	assert_int_equal(agenda_current(f->app.db, f->app.session, &cur), 0);

	clock_set(T0 + 32 * MIN);
	testdb_is(f, "start 1", "ok item 1 started");
	item_state_is(f, 1, "in_progress 2026-11-23T08:32:00+04:00 -");
	assert_int_equal(agenda_current(f->app.db, f->app.session, &cur), 1);
	assert_int_equal(cur.num, 1);
	assert_string_equal(cur.title, "Ouverture");
	assert_int_equal(cur.started, T0 + 32 * MIN);
	assert_int_equal(cur.planned_minutes, 45);

	clock_set(T0 + 80 * MIN);
	testdb_is(f, "start 2", "ok item 2 started (item 1 ended)");
	item_state_is(f, 1, "done 2026-11-23T08:32:00+04:00 2026-11-23T09:20:00+04:00");
	item_state_is(f, 2, "in_progress 2026-11-23T09:20:00+04:00 -");
	item_state_is(f, 3, "pending - -");
	assert_int_equal(db_int(f->app.db, -1, "SELECT count(*) FROM agenda_item"
				" WHERE status = 'in_progress'", ""), 1);
	char *s = db_text(f->app.db, "SELECT item || '|' || before || '|' || after FROM journal"
			  " WHERE event = 'start' ORDER BY seq DESC LIMIT 1", "");
	assert_string_equal(s, "2|item 1 in_progress; item 2 pending|item 1 done; item 2 in_progress");
	free(s);
	assert_int_equal(agenda_current(f->app.db, f->app.session, &cur), 1);
	assert_int_equal(cur.num, 2);
}

static void test_end_skip_transitions(void **state)
{
	struct testdb *f = *state;

	testdb_exec(f, "item+ A opening 45 08:30");
	testdb_exec(f, "item+ B agenda 15");
	testdb_exec(f, "item+ C statements 90");
	refused(f, "end", "error: no item in progress");
	testdb_is(f, "skip 3", "ok item 3 skipped");
	item_state_is(f, 3, "skipped - -");
	refused(f, "skip 3", "error: item 3 is already skipped");
	refused(f, "start 3",
		"error: item 3 was skipped; restore it first (item= 3 status pending)");
	testdb_is(f, "item= 3 status pending", "ok item 3 status changed");
	item_state_is(f, 3, "pending - -");

	clock_set(T0 + 30 * MIN);
	testdb_exec(f, "start 1");
	refused(f, "start 1", "error: item 1 is already in progress");
	refused(f, "skip 1", "error: item 1 is in progress; end it first");
	refused(f, "item= 1 status skipped", "error: item 1 is in progress; end it first");
	refused(f, "item= 1 status done", "error: use start 1 or end to change whether an item runs");
	clock_set(T0 + 70 * MIN);
	testdb_is(f, "end", "ok item 1 ended after 40 min");
	item_state_is(f, 1, "done 2026-11-23T08:30:00+04:00 2026-11-23T09:10:00+04:00");
	refused(f, "end", "error: no item in progress");
	refused(f, "start 1", "error: item 1 is done");
	refused(f, "skip 1", "error: item 1 is done");
	char *s = db_text(f->app.db, "SELECT item || '|' || before || '|' || after || '|' || detail"
			  " FROM journal WHERE event = 'end'", "");
	assert_string_equal(s, "1|in_progress|done|item 1 ended after 40 min: A");
	free(s);
	/* Nothing was recorded on it: a correction puts it back (issue 11). */
	testdb_is(f, "item= 1 status pending", "ok item 1 status changed");
	item_state_is(f, 1, "pending - -");
}

static long long pos_of(struct testdb *f, long long num)
{
	return db_int(f->app.db, -1, "SELECT pos FROM agenda_item WHERE session_id = ? AND num = ?",
		      "ii", f->app.session, num);
}

static void order_is(struct testdb *f, const char *want)
{
	char *s = db_text(f->app.db, "SELECT group_concat(num, ' ') FROM (SELECT num FROM"
			  " agenda_item WHERE session_id = ? ORDER BY pos)", "i", f->app.session);

	assert_string_equal(s, want);
	free(s);
}

static void test_move_renumbers(void **state)
{
	struct testdb *f = *state;

	for (int i = 0; i < 5; i++)
		testdb_exec(f, "item+ X");
	testdb_is(f, "move 5 1", "ok item 5 moved to position 1");
	order_is(f, "5 1 2 3 4");
	testdb_is(f, "move 5 5", "ok item 5 moved to position 5");
	order_is(f, "1 2 3 4 5");
	testdb_is(f, "move 2 4", "ok item 2 moved to position 4");
	order_is(f, "1 3 4 2 5");
	testdb_is(f, "move 4 2", "ok item 4 moved to position 2");
	order_is(f, "1 4 3 2 5");
	/* Positions stay compact 1..n. */
	for (long long n = 1; n <= 5; n++)
		assert_true(pos_of(f, n) >= 1 && pos_of(f, n) <= 5);
	assert_int_equal(db_int(f->app.db, 0, "SELECT sum(pos) FROM agenda_item", ""), 15);
	char *s = db_text(f->app.db, "SELECT before || '|' || after FROM journal"
			  " WHERE event = 'move' ORDER BY seq DESC LIMIT 1", "");
	assert_string_equal(s, "position 3|position 2");
	free(s);
	refused(f, "move 4 6", "error: position 6: the agenda has 5 items");
	refused(f, "move 4 0", "error: position: not a number: 0");
	refused(f, "move 9 1", "error: no item 9 on the agenda");
	order_is(f, "1 4 3 2 5");

	/* Even a gapped order (another writer) comes out compact. */
	assert_int_equal(db_run(f->app.db, "UPDATE agenda_item SET pos = pos * 10", ""), DB_OK);
	testdb_exec(f, "move 1 3");
	order_is(f, "4 3 1 2 5");
	assert_int_equal(db_int(f->app.db, 0, "SELECT max(pos) FROM agenda_item", ""), 5);
}

static void test_overrun(void **state)
{
	struct testdb *f = *state;
	struct agenda_row r;

	testdb_exec(f, "item+ A thematic 30 08:00");
	testdb_exec(f, "item+ B thematic 30");
	testdb_exec(f, "item+ C thematic 0");
	testdb_exec(f, "start 1");
	clock_set(T0 + 29 * MIN);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_int_equal(r.overrun, 0);
	/* A running item counts up to now. */
	clock_set(T0 + 45 * MIN + 59);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_int_equal(r.overrun, 15);
	testdb_is(f, "end", "ok item 1 ended after 45 min (15 over)");
	clock_set(T0 + 5 * 3600);
	assert_int_equal(agenda_get(f->app.db, f->app.session, 1, &r), 1);
	assert_int_equal(r.status, IS_DONE);
	assert_int_equal(r.overrun, 15);
	assert_int_equal(r.actual_end, T0 + 45 * MIN + 59);

	testdb_exec(f, "start 2");
	clock_set(T0 + 5 * 3600 + 20 * MIN);
	testdb_is(f, "end", "ok item 2 ended after 20 min");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 2, &r), 1);
	assert_int_equal(r.overrun, 0);
	/* Nothing planned: never overrun. */
	testdb_exec(f, "start 3");
	clock_set(T0 + 9 * 3600);
	testdb_is(f, "end", "ok item 3 ended after 220 min");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 3, &r), 1);
	assert_int_equal(r.overrun, 0);
	/* Pending items have no overrun. */
	testdb_exec(f, "item+ D thematic 1");
	assert_int_equal(agenda_get(f->app.db, f->app.session, 4, &r), 1);
	assert_int_equal(r.overrun, 0);
}

static void test_paging_and_counts(void **state)
{
	struct testdb *f = *state;
	struct agenda_row rows[10];
	struct agenda_counts c;
	size_t n;

	for (int i = 1; i <= 25; i++) {
		char line[64];
		str_printf(line, sizeof line, "item+ \"Point %d\" other 10", i);
		testdb_exec(f, line);
	}
	assert_int_equal(agenda_list(f->app.db, f->app.session, 0, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].num, 1);
	assert_int_equal(rows[9].num, 10);
	assert_string_equal(rows[9].title, "Point 10");
	assert_int_equal(agenda_list(f->app.db, f->app.session, rows[9].pos, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].num, 11);
	assert_int_equal(agenda_list(f->app.db, f->app.session, rows[9].pos, rows, 10, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_int_equal(rows[4].num, 25);
	assert_int_equal(agenda_list(f->app.db, f->app.session, 25, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);
	/* The last page, and a short one at the top, as the screen reads them
	 * when it scrolls (from a lower after_pos). */
	assert_int_equal(agenda_list(f->app.db, f->app.session, 15, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].num, 16);
	assert_int_equal(rows[9].num, 25);
	assert_int_equal(agenda_list(f->app.db, f->app.session, 0, rows, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].pos, 1);
	assert_int_equal(rows[2].pos, 3);
	/* Another session's items never show. */
	assert_int_equal(agenda_list(f->app.db, f->app.session + 1, 0, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);

	testdb_exec(f, "skip 3");
	testdb_exec(f, "start 1");
	testdb_exec(f, "start 2");
	assert_int_equal(agenda_counts(f->app.db, f->app.session, &c), DB_OK);
	assert_int_equal(c.total, 25);
	assert_int_equal(c.done, 1);
	assert_int_equal(c.in_progress, 1);
	assert_int_equal(c.skipped, 1);
	assert_int_equal(c.pending, 22);
}

/* Every read query is answered from an index: no SCAN of a table and no
 * automatic index (EXPLAIN QUERY PLAN). */
static void test_query_plans(void **state)
{
	struct testdb *f = *state;
	static char sql[16][2048]; /* static: the statement cache keys on the pointer */
	size_t i;

	i = testdb_assert_indexed(f, agenda_query_sql, sql, 16, 1);
	assert_int_equal(i, 5);
	/* The item in progress comes from the partial index. */
	str_printf(sql[15], sizeof sql[15], "EXPLAIN QUERY PLAN %s", agenda_query_sql(2));
	struct dbq *q = db_prepare(f->app.db, sql[15]);
	assert_non_null(q);
	assert_int_equal(dbq_step(q), DB_ROW);
	assert_non_null(strstr(dbq_text(q, 3), "USING INDEX agenda_one_in_progress"));
	dbq_reset(q);
}

static void test_refusals_change_nothing(void **state)
{
	struct testdb *f = *state;
	char big[AGENDA_TITLE_MAX + 32];

	testdb_exec(f, "item+ A opening 45 08:30");
	testdb_exec(f, "item+ B agenda 15");
	refused(f, "item+ \"\"", "error: the title is empty");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "item+ ", 6);
	refused(f, big, "error: the title is too long (500 bytes at most)");
	refused(f, "item+ X bogus",
		"error: unknown kind bogus (opening, agenda, statements, thematic, testimony, "
		"working_group, drafting, adoption, next_meeting, closing, other)");
	refused(f, "item+ X 2000", "error: minutes: a number from 0 to 1440 is required, not 2000");
	refused(f, "item+ X 25:99", "error: not a time: 25:99 (HH:MM or YYYY-MM-DDTHH:MM)");
	refused(f, "item+ X 10 20", "error: usage: item+ \"TITLE\" [KIND] [MINUTES] [HH:MM]");
	refused(f, "item+ X opening closing",
		"error: usage: item+ \"TITLE\" [KIND] [MINUTES] [HH:MM]");
	refused(f, "item= 1 colour red",
		"error: unknown field colour (title, kind, minutes, start, moderator, status)");
	refused(f, "item= 1 kind nope",
		"error: unknown kind nope (opening, agenda, statements, thematic, testimony, "
		"working_group, drafting, adoption, next_meeting, closing, other)");
	refused(f, "item= 1 minutes -5", "error: minutes: a number from 0 to 1440 is required, not -5");
	refused(f, "item= 1 status open", "error: unknown status open (pending, skipped)");
	refused(f, "item= 7 title Y", "error: no item 7 on the agenda");
	refused(f, "start 7", "error: no item 7 on the agenda");
	refused(f, "start x", "error: item: not a number: x");
	refused(f, "skip 0", "error: item: not a number: 0");
	refused(f, "move 1", "error: usage: move N M");
	/* A closed session is read-only for the agenda. */
	assert_int_equal(db_run(f->app.db, "UPDATE session SET status = 'closed'", ""), DB_OK);
	refused(f, "start 1", "error: the session is closed; reopen it first (session reopen)");
	refused(f, "item+ Z", "error: the session is closed; reopen it first (session reopen)");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, testdb_teardown)

/* The journal row of a command marked CMD_AT_ITEM is filed under the item
 * in progress (by command_exec, for every such command), the others not. */
static void test_journal_item_in_progress(void **state)
{
	struct testdb *f = *state;
	static const char *const lines[] = {
		"item+ \"A\"", "item+ \"B\"", "start 2", "note \"n\"", "set venue \"Paris\"",
		"propose next \"Theme\" MUS", "position 1 MUS support",
		"rec+ MUS \"T\" \"X\"", "present- MUS", "end", "note \"after\"", NULL,
	};
	char *got;

	testdb_add_delegate(f, "MUS", "Ana");
	testdb_cmds(f, lines);
	got = db_text(f->app.db, "SELECT group_concat(event || ':' || ifnull(item, '-'), ' ')"
				 " FROM (SELECT * FROM journal WHERE seq > 3 ORDER BY seq)", "");
	assert_string_equal(got, "note:2 set:- propose:2 position:2 rec+:2 present-:2 end:2"
				 " note:-");
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_numbering_and_planned_times),
		T(test_item_edit),
		T(test_start_ends_previous),
		T(test_end_skip_transitions),
		T(test_move_renumbers),
		T(test_overrun),
		T(test_paging_and_counts),
		T(test_query_plans),
		T(test_refusals_change_nothing),
		T(test_journal_item_in_progress),
	};

	setenv("TZ", "<+04>-4", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
