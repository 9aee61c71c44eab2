/*
 * testdb.h — the fixture shared by the unit tests that run commands on a
 * real SQLite file: a temporary database under $TEST_TMP (or /tmp) opened
 * with DB_OPEN_CREATE, the fixtures loaded as `init` loads them
 * (app_init_db: $RAPPORTEUR_FIXTURES, else the checkout's or the installed
 * fixtures/), one open session inserted directly, delegates inserted
 * directly, and commands run through command_exec() as the CLI and the
 * screens run them (testdb_is, testdb_exec, testdb_cmds, testdb_refused),
 * then testdb_close / testdb_teardown. Tests that open their database
 * otherwise on purpose (no fixtures, or import_fixtures without an app)
 * still remove it with testdb_unlink.
 *
 * Header only: every tests/unit/test_*.c is its own program, so each one
 * that includes this file gets its own copy. The functions are
 * `static inline` so that a test program that does not use one of them
 * compiles without an unused-function warning. Include it after
 * <cmocka.h> (it uses assert_int_equal and fail_msg).
 */
#ifndef TESTDB_H
#define TESTDB_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "util.h"

/* One test's database: the app the commands run in, the file, the answer
 * of the last command. */
struct testdb {
	struct app app;
	char path[512];
	char out[1024];
};

/*
 * Create "$TEST_TMP/NAME-PID.db" (TEST_TMP unset or empty: /tmp), removing
 * any leftover file of that name, open it with DB_OPEN_CREATE and load the
 * fixtures with app_init_db(). Fails the test on any error. The session is
 * not set: see testdb_add_session().
 */
static inline void testdb_open(struct testdb *t, const char *name)
{
	const char *tmp = getenv("TEST_TMP");
	char err[1024];

	str_printf(t->path, sizeof t->path, "%s/%s-%ld.db", tmp && *tmp ? tmp : "/tmp", name,
		   (long)getpid());
	unlink(t->path);
	assert_int_equal(db_open(t->path, DB_OPEN_CREATE, &t->app.db, err, sizeof err), DB_OK);
	t->app.db_path = xstrdup(t->path);
	if (app_init_db(&t->app, false, err, sizeof err) != 0)
		fail_msg("fixtures: %s", err);
}

/*
 * Insert one open session 'Test' (2026-11-23) of the first process and make
 * it, and that process, the app's current ones.
 */
static inline void testdb_add_session(struct testdb *t)
{
	assert_int_equal(db_run(t->app.db, "INSERT INTO session (process_id, title, start_date,"
				" status, created_at) VALUES ((SELECT min(id) FROM process),"
				" 'Test', '2026-11-23', 'open', '2026-11-01T00:00:00+04:00')", ""),
			 DB_OK);
	t->app.session = db_last_id(t->app.db);
	t->app.process = db_int(t->app.db, 0, "SELECT min(id) FROM process", "");
}

/* Register a present director (category interior) of delegation CODE in the
 * current session, without a command. */
static inline void testdb_add_delegate(struct testdb *t, const char *code, const char *name)
{
	assert_int_equal(db_run(t->app.db, "INSERT INTO delegate (session_id, delegation_id, name,"
				" level, category, present) VALUES (?, (SELECT id FROM delegation"
				" WHERE code = ?), ?, 'director', 'interior', 1)", "itt",
				t->app.session, code, name), DB_OK);
}

/* Mark every delegate of delegation CODE present (1) or absent (0). */
static inline void testdb_set_present(struct testdb *t, const char *code, int present)
{
	assert_int_equal(db_run(t->app.db, "UPDATE delegate SET present = ? WHERE session_id = ?"
				" AND delegation_id = (SELECT id FROM delegation WHERE code = ?)",
				"iit", (long long)present, t->app.session, code), DB_OK);
}

/* Remove the database file PATH and the -wal and -shm beside it, if any. */
static inline void testdb_unlink(const char *path)
{
	char p[600];

	unlink(path);
	str_printf(p, sizeof p, "%s-wal", path);
	unlink(p);
	str_printf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* Close the database and remove its file and the -wal and -shm beside it. */
static inline void testdb_close(struct testdb *t)
{
	app_close(&t->app);
	testdb_unlink(t->path);
}

/*
 * cmocka teardown for a state that is a malloc'd struct testdb: the clock
 * back to the real time (clock_set(0)), testdb_close(), free.
 */
static inline int testdb_teardown(void **state)
{
	struct testdb *t = *state;

	clock_set(0);
	testdb_close(t);
	free(t);
	return 0;
}

/* Run LINE and check its answer is exactly WANT (ok or not). */
static inline void testdb_is(struct testdb *t, const char *line, const char *want)
{
	command_exec(&t->app, line, t->out, sizeof t->out);
	if (strcmp(t->out, want) != 0)
		fail_msg("%s\n  got:  %s\n  want: %s", line, t->out, want);
}

/* Run LINE, fail the test unless it succeeds; return its answer (t->out). */
static inline const char *testdb_exec(struct testdb *t, const char *line)
{
	if (command_exec(&t->app, line, t->out, sizeof t->out) != 0)
		fail_msg("%s: %s", line, t->out);
	return t->out;
}

/* Run every line of the NULL-terminated LINES with testdb_exec(). */
static inline void testdb_cmds(struct testdb *t, const char *const *lines)
{
	for (; *lines; lines++)
		testdb_exec(t, *lines);
}

/*
 * Run LINE, check its answer is exactly WANT, and that SNAPSHOT (a text of
 * everything the command could have touched, malloc'd; NULL counts as "")
 * is the same after as before: a refused command changes nothing.
 */
static inline void testdb_refused(struct testdb *t, char *(*snapshot)(struct testdb *),
				  const char *line, const char *want)
{
	char *before = snapshot(t), *after;

	testdb_is(t, line, want);
	after = snapshot(t);
	if (strcmp(before ? before : "", after ? after : "") != 0)
		fail_msg("%s changed the database:\n  %s\n  %s", line, before, after);
	free(before);
	free(after);
}

/*
 * Assert that every query of a module's list (query(0), query(1), … until
 * NULL) is answered from an index: no SCAN of a table, no automatic index,
 * and an index or primary key used (EXPLAIN QUERY PLAN). sql[cap] holds the
 * EXPLAIN texts and must outlive the connection (the statement cache keys
 * on the pointer). With bind_session, parameter 1 is the session id.
 * Returns the number of queries checked.
 */
static inline size_t testdb_assert_indexed(struct testdb *t, const char *(*query)(size_t),
					   char (*sql)[2048], size_t cap, int bind_session)
{
	size_t i;

	for (i = 0; query(i); i++) {
		struct dbq *q;
		int used_index = 0, rc;

		assert_true(i < cap);
		str_printf(sql[i], sizeof sql[i], "EXPLAIN QUERY PLAN %s", query(i));
		q = db_prepare(t->app.db, sql[i]);
		assert_non_null(q);
		if (bind_session)
			dbq_bind_int(q, 1, t->app.session);
		while ((rc = dbq_step(q)) == DB_ROW) {
			const char *d = dbq_text(q, 3);

			if (strncmp(d, "SCAN", 4) == 0 || strstr(d, "AUTOMATIC"))
				fail_msg("query %zu does a full scan: %s\n  %s", i, d, query(i));
			if (strstr(d, "USING INDEX") || strstr(d, "USING COVERING INDEX") ||
			    strstr(d, "PRIMARY KEY"))
				used_index = 1;
		}
		assert_int_equal(rc, DB_DONE);
		if (!used_index)
			fail_msg("query %zu uses no index: %s", i, query(i));
	}
	return i;
}

#endif /* TESTDB_H */
