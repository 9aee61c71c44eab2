/*
 * test_db.c — cmocka tests of the storage layer (src/db.c, src/schema.c):
 * a new file is migrated to DB_SCHEMA_VERSION, private (mode 0600 whatever
 * the umask), in WAL mode with foreign keys on; the journal refuses UPDATE
 * and DELETE; a database made by a newer program and a file that is not a
 * database are refused with a clear message naming the file; the R5
 * triggers refuse an observer as author, co-sponsor, reserver, objector,
 * position holder or proposer even through direct SQL; a read-only
 * connection refuses writes; parameters are bound, never spliced.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agenda.h"
#include "db.h"
#include "floor.h"
#include "followup.h"
#include "i18n.h"
#include "journal.h"
#include "rules.h"
#include "session.h"
#include "themes.h"
#include "util.h"
#include "testdb.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct fx {
	char path[256];
	struct db *db;
};

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	static int serial;

	i18n_init("en");
	str_printf(f->path, sizeof f->path, "test_db_%d_%d.db", (int)getpid(), serial++);
	testdb_unlink(f->path);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(&f->db);
	testdb_unlink(f->path);
	free(f);
	return 0;
}

/* Open (creating) f->path; fails the test on error. */
static void open_new(struct fx *f)
{
	char err[512] = "";

	if (db_open(f->path, DB_OPEN_CREATE, &f->db, err, sizeof err) != DB_OK)
		fail_msg("db_open: %s", err);
}

/* A process with one member state (id 1) and one observer (id 2), and a
 * session (id 1), inserted by plain SQL. */
static void seed(struct fx *f)
{
	assert_int_equal(db_exec(f->db,
		"INSERT INTO level (code, rank, label_fr, label_en) VALUES"
		" ('director', 60, 'Directeur', 'Director');"
		"INSERT INTO category (code, core, label_fr, label_en) VALUES"
		" ('interior', 1, 'Intérieur', 'Interior');"
		"INSERT INTO process (id, code, name_fr, name_en) VALUES (1, 'P', 'P', 'P');"
		"INSERT INTO delegation (id, process_id, code, type, name_fr) VALUES"
		" (1, 1, 'MUS', 'member', 'Maurice'), (2, 1, 'IOM', 'observer_org', 'OIM'),"
		" (3, 1, 'ZAF', 'observer_state', 'Afrique du Sud');"
		"INSERT INTO session (id, process_id, title, start_date, created_at) VALUES"
		" (1, 1, 'S', '2026-11-23', 'now');"), DB_OK);
}

static void test_new_file_is_migrated_private_wal_fk(void **state)
{
	struct fx *f = *state;
	struct stat st;
	mode_t old = umask(0);
	char *mode;

	open_new(f);
	umask(old);
	assert_int_equal(db_user_version(f->db), DB_SCHEMA_VERSION);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	mode = db_text(f->db, "PRAGMA journal_mode", "");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(db_int(f->db, -1, "PRAGMA foreign_keys", ""), 1);
	/* Every table of the schema is there. */
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				" AND name IN ('level','category','process','theme','delegation',"
				"'session','delegate','agenda_item','intervention','proposal',"
				"'recommendation','rec_version','journal','next_theme','draft')", ""),
			 15);
	assert_true(db_integrity_ok(f->db));
	/* Reopening does not migrate twice. */
	db_close(&f->db);
	open_new(f);
	assert_int_equal(db_user_version(f->db), DB_SCHEMA_VERSION);
}

static void test_foreign_keys_enforced(void **state)
{
	struct fx *f = *state;

	open_new(f);
	seed(f);
	/* A delegate of a session and a level that do not exist. */
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name, level,"
				       " category) VALUES (99, 1, 'X', 'director', 'interior')", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name, level,"
				       " category) VALUES (1, 1, 'X', 'emperor', 'interior')", ""),
			 DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "FOREIGN KEY"));
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name, level,"
				       " category) VALUES (1, 1, 'X', 'director', 'interior')", ""),
			 DB_OK);
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM delegate", ""), 1);
}

static void test_journal_append_only(void **state)
{
	struct fx *f = *state;
	struct journal_entry e = { .session = 1, .event = "note", .delegation = "MUS",
				   .command = "note \"x\"", .detail = "x" };

	open_new(f);
	seed(f);
	assert_int_equal(journal_add(f->db, &e), DB_OK);
	assert_int_equal(journal_add(f->db, &e), DB_OK);
	assert_int_equal(db_run(f->db, "UPDATE journal SET detail = 'forged'", ""), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "JOURNAL_APPEND_ONLY"));
	assert_int_equal(db_run(f->db, "DELETE FROM journal WHERE seq = 1", ""), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "JOURNAL_APPEND_ONLY"));
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM journal WHERE detail = 'x'", ""), 2);
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM journal WHERE actor != ''", ""), 2);
}

static void test_newer_schema_refused(void **state)
{
	struct fx *f = *state;
	char err[512] = "", want[64];

	open_new(f);
	str_printf(want, sizeof want, "PRAGMA user_version = %d", DB_SCHEMA_VERSION + 1);
	assert_int_equal(db_exec(f->db, want), DB_OK);
	db_close(&f->db);
	assert_int_equal(db_open(f->path, 0, &f->db, err, sizeof err), DB_TOO_NEW);
	assert_null(f->db);
	assert_non_null(strstr(err, f->path));
	assert_non_null(strstr(err, "newer"));
}

static void test_not_a_database_refused(void **state)
{
	struct fx *f = *state;
	char err[512] = "";
	static const char junk[] = "this is a participants list, not a database\n"
				   "delegation,name\nMUS,Priya Ramdin\n"
				   "................................................................"
				   "................................................................";
	int fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	struct stat before, after;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, junk, sizeof junk - 1), (ssize_t)(sizeof junk - 1));
	close(fd);
	assert_int_equal(stat(f->path, &before), 0);
	assert_true(db_open(f->path, 0, &f->db, err, sizeof err) < 0);
	assert_null(f->db);
	assert_non_null(strstr(err, f->path));
	assert_non_null(strstr(err, "not a rapporteur database"));
	/* The file is left as it was. */
	assert_int_equal(stat(f->path, &after), 0);
	assert_int_equal(after.st_size, before.st_size);
}

static void test_missing_file_without_create(void **state)
{
	struct fx *f = *state;
	char err[512] = "";

	assert_true(db_open(f->path, 0, &f->db, err, sizeof err) < 0);
	assert_non_null(strstr(err, "no such database"));
	assert_int_equal(access(f->path, F_OK), -1);
}

static void test_r5_triggers_refuse_observers(void **state)
{
	struct fx *f = *state;

	open_new(f);
	seed(f);
	/* An observer organisation or state never authors a recommendation. */
	assert_int_equal(db_run(f->db, "INSERT INTO recommendation (session_id, num, title,"
				       " author_id, created_at) VALUES (1, 1, 'T', ?, 'now')", "i",
				2LL), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "R5_OBSERVER"));
	assert_int_equal(db_run(f->db, "INSERT INTO recommendation (session_id, num, title,"
				       " author_id, created_at) VALUES (1, 1, 'T', ?, 'now')", "i",
				3LL), DB_CONSTRAINT);
	assert_int_equal(db_int(f->db, -1, "SELECT count(*) FROM recommendation", ""), 0);
	/* A member state does; then no observer may join in any role. */
	assert_int_equal(db_run(f->db, "INSERT INTO recommendation (id, session_id, num, title,"
				       " author_id, created_at) VALUES (1, 1, 1, 'T', 1, 'now')", ""),
			 DB_OK);
	assert_int_equal(db_run(f->db, "UPDATE recommendation SET author_id = 2 WHERE id = 1", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO rec_version (rec_id, version, text_fr,"
				       " delegation_id, actor, at) VALUES (1, 1, 't', 2, 'u', 'now')",
				""), DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO rec_cosponsor (rec_id, delegation_id)"
				       " VALUES (1, 2)", ""), DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO rec_reservation (rec_id, delegation_id, at)"
				       " VALUES (1, 3, 'now')", ""), DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO rec_objection (rec_id, delegation_id, at)"
				       " VALUES (1, 2, 'now')", ""), DB_CONSTRAINT);
	assert_int_equal(db_run(f->db, "INSERT INTO proposal (session_id, num, target, title,"
				       " proposer_kind, proposer_id, created_at)"
				       " VALUES (1, 1, 'next', 'T', 'member', 2, 'now')", ""),
			 DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "R5_OBSERVER"));
	assert_int_equal(db_run(f->db, "INSERT INTO rec_cosponsor (rec_id, delegation_id)"
				       " VALUES (1, 1)", ""), DB_OK);
	/* Turning the member author into an observer is refused too. */
	assert_int_equal(db_run(f->db, "UPDATE delegation SET type = 'observer_org' WHERE id = 1",
				""), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->db), "R5_OBSERVER"));
	assert_int_equal(db_int(f->db, -1, "SELECT author_id FROM recommendation WHERE id = 1", ""),
			 1);
	assert_int_equal(db_int(f->db, -1, "SELECT count(*) FROM rec_cosponsor", ""), 1);
}

/* Each refusal carries its code (db_error_code), named once in db.c, so
 * that cmd_db_err switches on it instead of searching the message. */
static void test_error_codes(void **state)
{
	struct fx *f = *state;
	struct journal_entry e = { .session = 1, .event = "note", .command = "note", .detail = "x" };
	char err[512] = "";

	open_new(f);
	seed(f);
	assert_int_equal(db_error_code(f->db), DBE_NONE);
	assert_int_equal(db_run(f->db, "INSERT INTO recommendation (session_id, num, title,"
				       " author_id, created_at) VALUES (1, 1, 'T', 2, 'now')", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_R5_OBSERVER);
	assert_int_equal(journal_add(f->db, &e), DB_OK);
	assert_int_equal(db_run(f->db, "DELETE FROM journal", ""), DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_JOURNAL_APPEND_ONLY);
	assert_int_equal(db_run(f->db, "INSERT OR REPLACE INTO delegation (id, process_id, code,"
				       " type, name_fr) VALUES (2, 1, 'IOM', 'member', 'OIM')", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_DELEGATION_REPLACE);
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name,"
				       " level, category) VALUES (1, 1, 'X', 'director', 'interior')",
				""), DB_OK);
	assert_int_equal(db_run(f->db, "DELETE FROM delegation WHERE id = 1", ""), DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_DELEGATION_IN_USE);
	assert_int_equal(db_run(f->db, "UPDATE delegation SET id = 9 WHERE id = 1", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_DELEGATION_IN_USE);
	assert_int_equal(db_exec(f->db, "INSERT INTO recommendation (id, session_id, num, title,"
				 " author_id, created_at) VALUES (1, 1, 1, 'T', 1, 'now');"
				 "INSERT INTO rec_version (rec_id, version, text_fr, delegation_id,"
				 " actor, at) VALUES (1, 1, 'texte', 1, 'u', 'now');"), DB_OK);
	assert_int_equal(db_run(f->db, "INSERT OR REPLACE INTO rec_version (rec_id, version,"
				       " text_fr, delegation_id, actor, at)"
				       " VALUES (1, 1, 'autre', 1, 'u', 'now')", ""), DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_VERSION_KEPT);
	assert_int_equal(db_run(f->db, "INSERT INTO followup (rec_id, delegation_id, status,"
				       " reported_at, reported_by, session_id)"
				       " VALUES (1, 1, 'in_progress', 'now', 'u', 1)", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_FOLLOWUP_NOT_ADOPTED);
	/* The code of the error that caused a rollback survives it. */
	assert_int_equal(db_begin(f->db), DB_OK);
	assert_int_equal(db_run(f->db, "INSERT INTO process (id, code, name_fr, name_en)"
				       " VALUES (1, 'Q', 'Q', 'Q')", ""), DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_UNIQUE);
	db_rollback(f->db);
	assert_int_equal(db_error_code(f->db), DBE_UNIQUE);
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name, level,"
				       " category) VALUES (99, 1, 'X', 'director', 'interior')", ""),
			 DB_CONSTRAINT);
	assert_int_equal(db_error_code(f->db), DBE_CONSTRAINT);
	assert_int_equal(db_run(f->db, "SELECT * FROM no_such_table", ""), DB_ERROR);
	assert_int_equal(db_error_code(f->db), DBE_OTHER);
	db_close(&f->db);
	assert_int_equal(db_open(f->path, DB_OPEN_READONLY, &f->db, err, sizeof err), DB_OK);
	assert_int_equal(db_run(f->db, "INSERT INTO process (code, name_fr, name_en)"
				       " VALUES ('Q', 'Q', 'Q')", ""), DB_READONLY);
	assert_int_equal(db_error_code(f->db), DBE_READONLY);
}

/* The codes that table.column's CHECK (column IN ('a','b',…)) allows, as
 * they stand in the migrated schema (sqlite_master), sorted and joined by
 * spaces (malloc'd). */
static char *check_codes(struct db *db, const char *table, const char *column)
{
	char *sql = db_text(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
			    "t", table);
	char key[64], *codes[32], out[1024] = "";
	const char *p;
	size_t n = 0;

	assert_non_null(sql);
	str_printf(key, sizeof key, "CHECK (%s IN (", column);
	p = strstr(sql, key);
	if (!p)
		fail_msg("no CHECK (%s IN (…)) in table %s", column, table);
	for (p += strlen(key); *p && *p != ')'; p++) {
		const char *end;

		if (*p != '\'')
			continue;
		end = strchr(p + 1, '\'');
		assert_non_null(end);
		assert_true(n < ARRAY_SIZE(codes));
		codes[n] = xmalloc((size_t)(end - p));
		memcpy(codes[n], p + 1, (size_t)(end - p - 1));
		codes[n++][end - p - 1] = '\0';
		p = end;
	}
	free(sql);
	qsort(codes, n, sizeof *codes, cmp_str);
	for (size_t i = 0; i < n; i++) {
		str_printf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "", codes[i]);
		free(codes[i]);
	}
	return xstrdup(out);
}

/* The same for a list of the program, NULL-terminated or of n codes. */
static char *program_codes(const char *const *list, size_t n)
{
	const char *codes[32];
	char out[1024] = "";
	size_t k = 0;

	for (size_t i = 0; i < n && list[i]; i++)
		codes[k++] = list[i];
	qsort(codes, k, sizeof *codes, cmp_str);
	for (size_t i = 0; i < k; i++)
		str_printf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "", codes[i]);
	return xstrdup(out);
}

static void codes_agree(struct db *db, const char *table, const char *column,
			const char *const *list, size_t n)
{
	char *schema = check_codes(db, table, column), *program = program_codes(list, n);

	if (strcmp(schema, program) != 0)
		fail_msg("%s.%s: the schema allows \"%s\", the program knows \"%s\"", table, column,
			 schema, program);
	free(schema);
	free(program);
}

/* Each code list is stated in the program once (rules.c, agenda_kinds,
 * floor_speech_types, followup_statuses…) and the schema's CHECK
 * constraints allow exactly those codes. */
static void test_check_lists_agree_with_the_program(void **state)
{
	struct fx *f = *state;
	const char *dt[DT_INVALID], *st[ST_ABSTAIN], *rs[RS_INVALID], *is[IS_INVALID];

	open_new(f);
	for (int i = 0; i < DT_INVALID; i++)
		dt[i] = rules_deleg_type_code((enum deleg_type)i);
	for (int i = ST_SUPPORT; i <= ST_ABSTAIN; i++)   /* "none" is no row */
		st[i - ST_SUPPORT] = rules_stance_code((enum stance)i);
	for (int i = 0; i < RS_INVALID; i++)
		rs[i] = rules_rec_status_code((enum rec_status)i);
	for (int i = 0; i < IS_INVALID; i++)
		is[i] = rules_item_status_code((enum item_status)i);
	codes_agree(f->db, "delegation", "type", dt, ARRAY_SIZE(dt));
	codes_agree(f->db, "position", "stance", st, ARRAY_SIZE(st));
	codes_agree(f->db, "recommendation", "status", rs, ARRAY_SIZE(rs));
	codes_agree(f->db, "agenda_item", "status", is, ARRAY_SIZE(is));
	codes_agree(f->db, "agenda_item", "kind", agenda_kinds, agenda_kind_count);
	codes_agree(f->db, "speaker_request", "speech_type", floor_speech_types,
		    floor_speech_type_count);
	codes_agree(f->db, "intervention", "speech_type", floor_speech_types,
		    floor_speech_type_count);
	codes_agree(f->db, "followup", "status", followup_statuses, 32);
	codes_agree(f->db, "action", "state", action_states, 32);
	codes_agree(f->db, "session", "level", session_levels, 32);
	codes_agree(f->db, "session", "decision_rule", session_rules, 32);
	codes_agree(f->db, "session", "status", session_statuses, 32);
	codes_agree(f->db, "proposal", "target", themes_targets, 32);
	codes_agree(f->db, "proposal", "proposer_kind", themes_proposer_kinds, 32);
	codes_agree(f->db, "proposal", "status", themes_proposal_statuses, 32);
}

/* member_present: one row per member state with a delegate present in
 * the session; observers and absent member states are not in it. */
static void test_member_present_view(void **state)
{
	struct fx *f = *state;
	const char *q = "SELECT ifnull(group_concat(delegation_id, ','), '') FROM"
			" (SELECT delegation_id FROM member_present WHERE session_id = 1"
			"  ORDER BY delegation_id)";
	char *got;

	open_new(f);
	seed(f);
	assert_int_equal(db_exec(f->db,
		"INSERT INTO delegate (session_id, delegation_id, name, level, category, present)"
		" VALUES (1, 1, 'A', 'director', 'interior', 0), (1, 2, 'B', 'director', 'interior', 1),"
		" (1, 3, 'C', 'director', 'interior', 1);"), DB_OK);
	got = db_text(f->db, q, "");
	assert_string_equal(got, "");
	free(got);
	assert_int_equal(db_exec(f->db,
		"INSERT INTO delegate (session_id, delegation_id, name, level, category, present)"
		" VALUES (1, 1, 'D', 'director', 'interior', 1), (1, 1, 'E', 'director', 'interior', 1);"),
		DB_OK);
	got = db_text(f->db, q, "");
	assert_string_equal(got, "1");
	free(got);
}

static void test_one_item_in_progress(void **state)
{
	struct fx *f = *state;

	open_new(f);
	seed(f);
	assert_int_equal(db_run(f->db, "INSERT INTO agenda_item (session_id, num, pos, title, status)"
				       " VALUES (1, 1, 1, 'A', 'in_progress')", ""), DB_OK);
	assert_int_equal(db_run(f->db, "INSERT INTO agenda_item (session_id, num, pos, title, status)"
				       " VALUES (1, 2, 2, 'B', 'in_progress')", ""), DB_CONSTRAINT);
}

static void test_read_only_refuses_writes(void **state)
{
	struct fx *f = *state;
	char err[512] = "";

	open_new(f);
	seed(f);
	db_close(&f->db);
	assert_int_equal(db_open(f->path, DB_OPEN_READONLY, &f->db, err, sizeof err), DB_OK);
	assert_true(db_is_readonly(f->db));
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM delegation", ""), 3);
	assert_int_equal(db_run(f->db, "INSERT INTO process (code, name_fr, name_en)"
				       " VALUES ('Q', 'Q', 'Q')", ""), DB_READONLY);
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM process", ""), 1);
}

static void test_transactions_and_bound_text(void **state)
{
	struct fx *f = *state;
	const char *evil = "x'); DROP TABLE process; --";
	char *back;

	open_new(f);
	seed(f);
	assert_int_equal(db_begin(f->db), DB_OK);
	assert_true(db_in_transaction(f->db));
	assert_int_equal(db_run(f->db, "UPDATE process SET chair = ? WHERE id = 1", "t", evil), DB_OK);
	db_rollback(f->db);
	assert_false(db_in_transaction(f->db));
	assert_null(db_text(f->db, "SELECT chair FROM process WHERE id = 1", ""));
	assert_int_equal(db_run(f->db, "UPDATE process SET chair = ? WHERE id = 1", "t", evil), DB_OK);
	back = db_text(f->db, "SELECT chair FROM process WHERE id = 1", "");
	assert_string_equal(back, evil);
	free(back);
	assert_int_equal(db_int(f->db, 0, "SELECT count(*) FROM process", ""), 1);
}

/* The screen's connection keeps a small page cache, also after the
 * start-up check; other connections keep SQLite's default. */
static void test_screen_page_cache(void **state)
{
	struct fx *f = *state;
	char err[512] = "", msg[256];

	open_new(f);
	assert_int_equal(db_int(f->db, 0, "PRAGMA cache_size", ""), -2000);
	db_close(&f->db);
	assert_int_equal(db_open(f->path, DB_OPEN_SCREEN, &f->db, err, sizeof err), DB_OK);
	assert_int_equal(db_int(f->db, 0, "PRAGMA cache_size", ""), -DB_SCREEN_CACHE_KB);
	assert_int_equal(db_quick_check(f->db, 2000, msg, sizeof msg), DB_OK);
	assert_int_equal(db_int(f->db, 0, "PRAGMA cache_size", ""), -DB_SCREEN_CACHE_KB);
}

/* A page cache takes its pages as it reads them: the temporary table of
 * count(DISTINCT …) (one page) does not reserve SQLite's 20 pages (87 KB):
 * 21 KB here, 99 KB with SQLite's default. */
static void test_page_cache_no_block_up_front(void **state)
{
	struct fx *f = *state;
	struct dbq *q;
	long long before, during;

	open_new(f);
	q = db_query(f->db, "SELECT count(DISTINCT value) FROM json_each('[3,1,3,2]')", "");
	assert_non_null(q);
	before = db_memory_used();
	assert_int_equal(dbq_step(q), DB_ROW);
	during = db_memory_used();
	dbq_reset(q);
	assert_in_range(during - before, 0, 50000);
}

/* Leaving a screen finalizes the statements not used since the screen
 * before; those used meanwhile stay prepared, and a statement finalized
 * is prepared again when asked for. */
static void test_release_statements(void **state)
{
	static const char *const sql[] = {
		"SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4", "SELECT 5", "SELECT 6",
	};
	struct fx *f = *state;
	size_t n0;

	open_new(f);
	n0 = db_statement_count(f->db);
	for (size_t i = 0; i < ARRAY_SIZE(sql); i++)
		assert_int_equal(db_int(f->db, 0, sql[i], ""), (int)i + 1);
	assert_int_equal(db_statement_count(f->db), n0 + 6);
	db_release_statements(f->db);   /* all were used: all kept */
	assert_int_equal(db_statement_count(f->db), n0 + 6);
	for (size_t i = 0; i < ARRAY_SIZE(sql); i += 2)
		assert_int_equal(db_int(f->db, 0, sql[i], ""), (int)i + 1);
	db_release_statements(f->db);   /* 2, 4, 6 unused since: finalized */
	assert_int_equal(db_statement_count(f->db), n0 + 3);
	for (size_t i = 0; i < ARRAY_SIZE(sql); i += 2)   /* found, not prepared again */
		assert_int_equal(db_int(f->db, 0, sql[i], ""), (int)i + 1);
	assert_int_equal(db_statement_count(f->db), n0 + 3);
	assert_int_equal(db_int(f->db, 0, sql[1], ""), 2);
	assert_int_equal(db_statement_count(f->db), n0 + 4);
	db_release_statements(f->db);
	db_release_statements(f->db);   /* nothing used since the last call */
	assert_int_equal(db_statement_count(f->db), n0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_new_file_is_migrated_private_wal_fk),
		T(test_foreign_keys_enforced),
		T(test_error_codes),
		T(test_check_lists_agree_with_the_program),
		T(test_member_present_view),
		T(test_journal_append_only),
		T(test_newer_schema_refused),
		T(test_not_a_database_refused),
		T(test_missing_file_without_create),
		T(test_r5_triggers_refuse_observers),
		T(test_one_item_in_progress),
		T(test_read_only_refuses_writes),
		T(test_transactions_and_bound_text),
		T(test_screen_page_cache),
		T(test_page_cache_no_block_up_front),
		T(test_release_statements),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
