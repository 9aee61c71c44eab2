/*
 * test_app.c — the application's start-up: which session app_open picks
 * (the one asked for, else the most recent open one, else the most recent)
 * and that the pick reads the end of an index, so that start-up does not
 * grow with the number of sessions (no scan, no sort: issue 16).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "util.h"
#include "testdb.h"

static void add(struct testdb *t, const char *status)
{
	assert_int_equal(db_run(t->app.db, "INSERT INTO session (process_id, title, start_date,"
				" status, created_at) VALUES ((SELECT min(id) FROM process), 'S',"
				" '2026-11-23', ?, '2026-11-01T00:00:00+04:00')", "t", status),
			 DB_OK);
}

/* Close the test database and open it again with app_open. */
static long long reopen(struct testdb *t, long long want)
{
	char err[512];
	struct app a = { 0 };
	long long s;

	a.db_path = xstrdup(t->path);
	assert_int_equal(app_open(&a, want, err, sizeof err), 0);
	s = a.session;
	app_close(&a);   /* frees what app_open made (db, paths) */
	return s;
}

static void test_pick(void **state)
{
	struct testdb t = { 0 };

	(void)state;
	testdb_open(&t, "app");
	add(&t, "closed");           /* 1 */
	assert_int_equal(reopen(&t, 0), 1);   /* none open: the most recent */
	add(&t, "open");             /* 2 */
	add(&t, "closed");           /* 3 */
	add(&t, "planned");          /* 4 */
	assert_int_equal(reopen(&t, 0), 2);   /* the most recent open one */
	add(&t, "open");             /* 5 */
	assert_int_equal(reopen(&t, 0), 5);
	assert_int_equal(reopen(&t, 3), 3);   /* the one asked for */
	testdb_close(&t);
}

static void test_pick_indexed(void **state)
{
	struct testdb t = { 0 };
	char sql[4][2048];
	struct dbq *q;
	int rc, rows = 0;

	(void)state;
	testdb_open(&t, "app-plan");
	assert_int_equal(testdb_assert_indexed(&t, app_query_sql, sql, 4, 0), 2);
	/* No temporary B-tree: nothing is sorted. */
	for (int i = 0; i < 2; i++) {
		q = db_prepare(t.app.db, sql[i]);
		assert_non_null(q);
		while ((rc = dbq_step(q)) == DB_ROW) {
			assert_null(strstr(dbq_text(q, 3), "TEMP B-TREE"));
			rows++;
		}
		assert_int_equal(rc, DB_DONE);
		dbq_reset(q);
	}
	assert_true(rows >= 2);
	testdb_close(&t);
}

/* The screen's database runs with synchronous=FULL (one fsync per action:
 * a power cut loses nothing shown as done), the other commands with
 * NORMAL unless RAPPORTEUR_SYNC_FULL (issue 12, item 14). */
static long long sync_mode(struct testdb *t, bool full)
{
	char err[512];
	struct app a = { 0 };
	long long mode;

	a.db_path = xstrdup(t->path);
	a.sync_full = full;
	assert_int_equal(app_open(&a, 0, err, sizeof err), 0);
	mode = db_int(a.db, -1, "PRAGMA synchronous", "");
	app_close(&a);
	return mode;
}

static void test_sync(void **state)
{
	struct testdb t = { 0 };

	(void)state;
	testdb_open(&t, "app-sync");
	unsetenv("RAPPORTEUR_SYNC_FULL");
	assert_int_equal(sync_mode(&t, true), 2);   /* FULL */
	assert_int_equal(sync_mode(&t, false), 1);  /* NORMAL */
	setenv("RAPPORTEUR_SYNC_FULL", "1", 1);
	assert_int_equal(sync_mode(&t, false), 2);
	unsetenv("RAPPORTEUR_SYNC_FULL");
	testdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_pick_indexed),
		cmocka_unit_test(test_sync),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
