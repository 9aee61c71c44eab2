/*
 * test_attendance.c — cmocka tests of the R4 check on a real SQLite file
 * (attendance_check, attendance_check_delegation, attendance_check_summary),
 * of the attendance commands run through command_exec (presence times,
 * head of delegation, refusals that change nothing) and of the Attendance
 * screen's reads (grouping, keyset paging, pick lists).
 *
 * Each test gets a fresh database: db_open + import_fixtures (the real
 * fixtures: levels, categories, the DiMOI process and its delegations,
 * the theme catalogue and its category links) and one open session of
 * DiMOI with no delegate; each test adds the delegates it needs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "attendance.h"
#include "fold.h"
#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "rules.h"
#include "undo.h"
#include "util.h"
#include "testdb.h"

struct fx {
	struct app app;
	struct db *db;
	char path[256];
	long long session;
};

static const char *fixtures_dir(void)
{
	static char buf[1024];
	const char *e = getenv("RAPPORTEUR_FIXTURES"), *top = getenv("RAPPORTEUR_TOP");

	if (e && *e)
		return e;
	if (top && *top) {
		str_printf(buf, sizeof buf, "%s/fixtures", top);
		return buf;
	}
	return "fixtures";
}

static int setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	char err[1024];
	static int serial;

	i18n_init("en");
	clock_set(time_parse("2026-11-23T09:00:00+04:00"));
	str_printf(f->path, sizeof f->path, "test_attendance_%d_%d.db", (int)getpid(), serial++);
	unlink(f->path);
	assert_int_equal(db_open(f->path, DB_OPEN_CREATE, &f->db, err, sizeof err), DB_OK);
	assert_int_equal(db_begin(f->db), DB_OK);
	if (import_fixtures(f->db, fixtures_dir(), err, sizeof err) != 0)
		fail_msg("fixtures: %s", err);
	assert_int_equal(db_commit(f->db), DB_OK);
	assert_int_equal(db_run(f->db, "INSERT INTO session (process_id, title, start_date, status,"
				       " created_at) SELECT id, 'Test', '2026-11-23', 'open', 'x'"
				       " FROM process WHERE code = 'DIMOI'", ""), DB_OK);
	f->session = db_last_id(f->db);
	f->app.db = f->db;
	f->app.session = f->session;
	f->app.process = db_int(f->db, 0, "SELECT process_id FROM session WHERE id = ?", "i",
				f->session);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(&f->db);
	undo_free(&f->app.undo);   /* this instance's undo history (app_close does it) */
	testdb_unlink(f->path);
	clock_set(0);
	free(f);
	return 0;
}

/* Register a delegate directly (no command), present or not, head or not. */
static void add(struct fx *f, const char *code, const char *name, const char *level,
		const char *category, bool present, bool head)
{
	assert_int_equal(db_run(f->db, "INSERT INTO delegate (session_id, delegation_id, name, level,"
				       " category, present, head) SELECT ?, id, ?, ?, ?, ?, ?"
				       " FROM delegation WHERE code = ?", "itttiit", f->session,
				name, level, category, (long long)present, (long long)head, code),
			 DB_OK);
	assert_int_equal(db_changes(f->db), 1);
}

static void add_theme(struct fx *f, const char *theme)
{
	assert_int_equal(db_run(f->db, "INSERT INTO session_theme (session_id, theme_id)"
				       " SELECT ?, id FROM theme WHERE code = ?", "it",
				f->session, theme), DB_OK);
	assert_int_equal(db_changes(f->db), 1);
}

static void set_min(struct fx *f, const char *level)
{
	assert_int_equal(db_run(f->db, "UPDATE session SET min_level = ? WHERE id = ?", "ti", level,
				f->session), DB_OK);
}

/* The check row of one member state (fails the test when absent). */
static struct check_row row_of(struct fx *f, const char *code)
{
	struct check_row *rows, r;
	size_t n;

	assert_int_equal(attendance_check(f->db, f->session, &rows, &n), 0);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].code, code) == 0) {
			r = rows[i];
			free(rows);
			return r;
		}
	}
	free(rows);
	fail_msg("no check row for %s", code);
	return r;
}

static int run(struct fx *f, const char *line, char *out, size_t size)
{
	return command_exec(&f->app, line, out, size);
}

static long long count(struct fx *f, const char *sql)
{
	return db_int(f->db, -1, sql, "");
}

/* ---- the five outcomes ---- */

static void test_rows_are_member_states_in_code_order(void **state)
{
	struct fx *f = *state;
	struct check_row *rows;
	size_t n;

	add(f, "IOM", "Observer", "minister", "interior", true, true);
	assert_int_equal(attendance_check(f->db, f->session, &rows, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(rows[0].code, "COM");
	assert_string_equal(rows[1].code, "FRA");
	assert_string_equal(rows[2].code, "MDG");
	assert_string_equal(rows[3].code, "MUS");
	assert_string_equal(rows[4].code, "SYC");
	assert_string_equal(rows[3].name, "Mauritius");
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rows[i].r4.result, R4_ABSENT);
	free(rows);
}

static void test_ok(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	add(f, "FRA", "A", "director_general", "interior", true, false);
	add(f, "FRA", "B", "officer", "health", true, true);
	r = row_of(f, "FRA");
	assert_int_equal(r.r4.result, R4_OK);
	assert_false(r.r4.no_head);
	assert_int_equal(r.r4.n_delegates, 2);
	assert_int_equal(r.r4.n_present, 2);
	assert_string_equal(r.detail, "France / Réunion: OK (Director General, Interior)");
}

static void test_ok_no_head(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	add(f, "FRA", "A", "director_general", "interior", true, false);
	r = row_of(f, "FRA");
	assert_int_equal(r.r4.result, R4_OK);
	assert_true(r.r4.no_head);
	assert_string_equal(r.detail, "France / Réunion: OK (Director General, Interior);"
				      " no head of delegation designated");
}

static void test_absent(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	r = row_of(f, "COM");
	assert_int_equal(r.r4.result, R4_ABSENT);
	assert_string_equal(r.detail, "Comoros: no delegate registered;"
				      " no head of delegation designated");
	add(f, "COM", "A", "minister", "interior", false, true);
	r = row_of(f, "COM");
	assert_int_equal(r.r4.result, R4_ABSENT);
	assert_false(r.r4.no_head);
	assert_string_equal(r.detail, "Comoros: no delegate present");
}

static void test_level(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	add(f, "MDG", "A", "deputy_director", "interior", true, true);
	add(f, "MDG", "B", "officer", "foreign_affairs", true, false);
	add(f, "MDG", "C", "minister", "interior", false, false);   /* absent */
	r = row_of(f, "MDG");
	assert_int_equal(r.r4.result, R4_LEVEL);
	assert_string_equal(r.detail, "Madagascar: present delegates are Deputy Director or below;"
				      " Director required");
}

static void test_entity(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	add(f, "SYC", "A", "director", "tourism", true, true);
	add(f, "SYC", "B", "officer", "interior", true, false);
	r = row_of(f, "SYC");
	assert_int_equal(r.r4.result, R4_ENTITY);
	assert_non_null(strstr(r.detail, "Seychelles: Director present, but from Tourism,"
					 " not a competent entity (Interior, Foreign Affairs"));
	assert_null(strstr(r.detail, "Health"));
}

/* ---- competence follows the session's themes ---- */

static void test_theme_makes_category_competent(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	add(f, "SYC", "A", "director", "tourism", true, true);
	add(f, "MUS", "B", "director", "health", true, true);
	assert_int_equal(row_of(f, "SYC").r4.result, R4_ENTITY);
	assert_int_equal(row_of(f, "MUS").r4.result, R4_ENTITY);
	add_theme(f, "midiocc_health");            /* links health */
	assert_int_equal(row_of(f, "SYC").r4.result, R4_ENTITY);
	r = row_of(f, "MUS");
	assert_int_equal(r.r4.result, R4_OK);
	assert_string_equal(r.detail, "Mauritius: OK (Director, Health)");
	/* The ENTITY explanation now lists health among the competent ones. */
	assert_non_null(strstr(row_of(f, "SYC").detail, "Health"));
	add_theme(f, "midiocc_trade_tourism");     /* links trade and tourism */
	assert_int_equal(row_of(f, "SYC").r4.result, R4_OK);
	assert_int_equal(db_run(f->db, "DELETE FROM session_theme WHERE session_id = ?", "i",
				f->session), DB_OK);
	assert_int_equal(row_of(f, "SYC").r4.result, R4_ENTITY);
	assert_int_equal(row_of(f, "MUS").r4.result, R4_ENTITY);
}

/* A long list of competent categories is cut with "…" inside the line. */
static void test_entity_detail_fits(void **state)
{
	struct fx *f = *state;
	const char *themes[] = { "midiocc_health", "midiocc_maritime", "midiocc_data",
				 "midiocc_trafficking", "midiocc_diaspora", "midiocc_climate" };
	struct check_row r;
	size_t len;

	add(f, "SYC", "A", "director", "tourism", true, false);
	for (size_t i = 0; i < ARRAY_SIZE(themes); i++)
		add_theme(f, themes[i]);
	r = row_of(f, "SYC");
	assert_int_equal(r.r4.result, R4_ENTITY);
	len = strlen(r.detail);
	assert_true(len < sizeof r.detail);
	assert_true(utf8_valid(r.detail, len));
	assert_non_null(strstr(r.detail, "…)"));
	assert_non_null(strstr(r.detail, "; no head of delegation designated"));
}

static void test_min_level_change(void **state)
{
	struct fx *f = *state;

	add(f, "COM", "A", "director", "interior", true, true);
	add(f, "COM", "B", "deputy_director", "labour", true, false);
	assert_int_equal(row_of(f, "COM").r4.result, R4_OK);
	set_min(f, "director_general");
	assert_int_equal(row_of(f, "COM").r4.result, R4_LEVEL);
	assert_non_null(strstr(row_of(f, "COM").detail, "Director or below; Director General required"));
	set_min(f, "deputy_director");
	assert_int_equal(row_of(f, "COM").r4.result, R4_OK);
	assert_string_equal(row_of(f, "COM").detail, "Comoros: OK (Director, Interior)");
}

static void test_summary_and_one_delegation(void **state)
{
	struct fx *f = *state;
	struct check_row r;
	int ok = -1, total = -1;
	long long mdg = db_int(f->db, 0, "SELECT id FROM delegation WHERE code = 'MDG'", "");
	long long iom = db_int(f->db, 0, "SELECT id FROM delegation WHERE code = 'IOM'", "");

	add(f, "COM", "A", "director", "interior", true, true);
	add(f, "MUS", "B", "minister", "foreign_affairs", true, true);
	add(f, "MDG", "C", "officer", "interior", true, true);
	assert_int_equal(attendance_check_summary(f->db, f->session, &ok, &total), 0);
	assert_int_equal(ok, 2);
	assert_int_equal(total, 5);
	assert_int_equal(attendance_check_delegation(f->db, f->session, mdg, &r), 0);
	assert_string_equal(r.code, "MDG");
	assert_int_equal(r.r4.result, R4_LEVEL);
	assert_non_null(strstr(r.detail, "Officer or below"));
	assert_int_equal(attendance_check_delegation(f->db, f->session, iom, &r), 0);
	assert_int_equal(r.r4.result, R4_ABSENT);
	assert_int_equal(attendance_check_delegation(f->db, f->session, 999999, &r), 1);
	assert_true(attendance_check(f->db, 999999, &(struct check_row *){ NULL }, &(size_t){ 0 }) < 0);
}

static void test_french_labels(void **state)
{
	struct fx *f = *state;
	struct check_row r;

	i18n_init("fr");
	add(f, "MDG", "A", "deputy_director", "interior", true, true);
	r = row_of(f, "MDG");
	i18n_init("en");
	assert_non_null(strstr(r.detail, "Madagascar"));
	assert_non_null(strstr(r.detail, "Directeur adjoint"));
	assert_non_null(strstr(r.detail, "Directeur"));
}

/* ---- presence through the commands ---- */

static void test_presence_times(void **state)
{
	struct fx *f = *state;
	char out[1024];
	char *arrived, *left;

	assert_int_equal(run(f, "delegate+ MUS \"Priya Ramdin\" permanent_secretary foreign_affairs"
				" \"Secrétaire permanente\" head", out, sizeof out), 0);
	assert_string_equal(out, "ok delegate MUS \"Priya Ramdin\"");
	assert_int_equal(row_of(f, "MUS").r4.result, R4_ABSENT);

	clock_set(time_parse("2026-11-23T09:05:00+04:00"));
	assert_int_equal(run(f, "present+ MUS \"priya ramdin\"", out, sizeof out), 0);
	assert_string_equal(out, "ok MUS \"Priya Ramdin\" present (1 of 1 delegate present)");
	assert_int_equal(row_of(f, "MUS").r4.result, R4_OK);
	arrived = db_text(f->db, "SELECT arrived FROM delegate WHERE name = 'Priya Ramdin'", "");
	assert_string_equal(arrived, time_iso(clock_now(), out, sizeof out));

	clock_set(time_parse("2026-11-23T10:00:00+04:00"));
	assert_int_equal(run(f, "present- MUS \"Priya Ramdin\"", out, sizeof out), 0);
	assert_int_equal(row_of(f, "MUS").r4.result, R4_ABSENT);
	left = db_text(f->db, "SELECT left_at FROM delegate WHERE name = 'Priya Ramdin'", "");
	assert_string_equal(left, time_iso(clock_now(), out, sizeof out));
	assert_int_equal(time_parse(left), time_parse("2026-11-23T10:00:00+04:00"));
	free(left);

	clock_set(time_parse("2026-11-23T11:00:00+04:00"));
	assert_int_equal(run(f, "present+ MUS", out, sizeof out), 0);
	assert_string_equal(out, "ok MUS present (1 delegate)");
	/* The first arrival stays; the departure is cleared on return. */
	left = db_text(f->db, "SELECT arrived FROM delegate WHERE name = 'Priya Ramdin'", "");
	assert_string_equal(left, arrived);
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE left_at IS NOT NULL"), 0);
	free(left);
	free(arrived);
	/* Each successful command wrote exactly one journal row. */
	assert_int_equal(count(f, "SELECT count(*) FROM journal"), 4);
	assert_int_equal(count(f, "SELECT count(*) FROM journal WHERE delegation = 'MUS'"), 4);
}

static void test_presence_refusals_change_nothing(void **state)
{
	struct fx *f = *state;
	char out[1024];
	long long journal;

	assert_int_equal(run(f, "present+ MUS", out, sizeof out), 1);
	assert_string_equal(out, "error: MUS has no delegate in this session (delegate+ first)");
	assert_int_equal(run(f, "delegate+ MUS \"A\" director interior", out, sizeof out), 0);
	assert_int_equal(run(f, "present+ MUS A", out, sizeof out), 0);
	journal = count(f, "SELECT count(*) FROM journal");
	assert_int_equal(run(f, "present+ MUS A", out, sizeof out), 1);
	assert_string_equal(out, "error: MUS \"A\" is already present");
	assert_int_equal(run(f, "present+ MUS", out, sizeof out), 1);
	assert_int_equal(run(f, "present+ MUS Nobody", out, sizeof out), 1);
	assert_string_equal(out, "error: MUS has no delegate named \"Nobody\"");
	assert_int_equal(run(f, "present+ XYZ", out, sizeof out), 1);
	assert_string_equal(out, "error: unknown delegation XYZ");
	assert_int_equal(count(f, "SELECT count(*) FROM journal"), journal);
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE present = 1"), 1);
}

static void test_head_moves(void **state)
{
	struct fx *f = *state;
	char out[1024];

	assert_int_equal(run(f, "delegate+ COM A director interior head", out, sizeof out), 0);
	assert_int_equal(run(f, "delegate+ COM B director interior \"Directeur\" head", out,
			     sizeof out), 0);
	assert_string_equal(out, "ok delegate COM \"B\" (head of delegation instead of A)");
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE head = 1"), 1);
	assert_int_equal(count(f, "SELECT head FROM delegate WHERE name = 'B'"), 1);
	assert_int_equal(run(f, "delegate= COM A head yes", out, sizeof out), 0);
	assert_int_equal(count(f, "SELECT head FROM delegate WHERE name = 'A'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE head = 1"), 1);
	assert_int_equal(run(f, "delegate= COM A head no", out, sizeof out), 0);
	assert_true(row_of(f, "COM").r4.no_head);
}

static void test_delegate_labels_and_edit(void **state)
{
	struct fx *f = *state;
	char out[1024];
	long long journal;

	/* Levels and categories by code or label, ASCII case-insensitive. */
	assert_int_equal(run(f, "delegate+ SYC \"X Y\" \"directeur général\" Intérieur", out,
			     sizeof out), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE level = 'director_general'"
				  " AND category = 'interior' AND function = ''"), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Y\" level \"Deputy Director\"", out, sizeof out), 0);
	assert_string_equal(out, "ok SYC \"X Y\" level deputy_director");
	assert_int_equal(run(f, "delegate= SYC \"X Y\" entity \"Département de l'Immigration\"", out,
			     sizeof out), 0);
	assert_int_equal(run(f, "delegate= SYC \"X Y\" email x@example.sc", out, sizeof out), 0);
	assert_int_equal(run(f, "delegate= SYC \"X Y\" name \"X Z\"", out, sizeof out), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM delegate WHERE name = 'X Z'"
				  " AND email = 'x@example.sc' AND level = 'deputy_director'"), 1);
	journal = count(f, "SELECT count(*) FROM journal");
	assert_int_equal(run(f, "delegate= SYC \"X Z\" level boss", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Z\" category nowhere", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Z\" email \"not an address\"", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Z\" head maybe", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Z\" colour red", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate= SYC \"X Z\" name \"\"", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate+ SYC \"X Z\" director interior", out, sizeof out), 1);
	assert_string_equal(out, "error: SYC already has a delegate named \"X Z\"");
	assert_int_equal(run(f, "delegate+ SYC \"\" director interior", out, sizeof out), 1);
	assert_int_equal(run(f, "delegate+ SYC \"Q\" director interior \"F\" boss", out, sizeof out), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM journal"), journal);
	assert_int_equal(run(f, "delegate- SYC \"x z\"", out, sizeof out), 0);
	assert_string_equal(out, "ok delegate SYC \"X Z\" removed");
	assert_int_equal(count(f, "SELECT count(*) FROM delegate"), 0);
}

static void test_level_category_codes(void **state)
{
	struct fx *f = *state;
	char *s;

	assert_string_equal((s = attendance_level_code(f->db, "DIRECTOR")), "director");
	free(s);
	assert_string_equal((s = attendance_level_code(f->db, "secrétaire permanent")),
			    "permanent_secretary");
	free(s);
	assert_string_equal((s = attendance_category_code(f->db, "Foreign Affairs")),
			    "foreign_affairs");
	free(s);
	assert_null(attendance_level_code(f->db, "emperor"));
	assert_null(attendance_category_code(f->db, ""));
}

/* ---- reads for the Attendance screen ---- */

static void test_delegations_paged(void **state)
{
	struct fx *f = *state;
	struct att_delegation *rows, *all = NULL;
	struct att_delegation_key key;
	size_t n, total = 0, pages = 0;
	long long expected = count(f, "SELECT count(*) FROM delegation");

	add(f, "MUS", "A", "director", "interior", true, true);
	add(f, "MUS", "B", "officer", "interior", false, false);
	/* Page by 4 through every delegation: each page continues the last. */
	assert_int_equal(attendance_delegations(f->db, f->session, NULL, 4, &rows, &n), 0);
	while (n > 0) {
		all = xrealloc(all, (total + n) * sizeof *all);
		memcpy(all + total, rows, n * sizeof *rows);
		total += n;
		pages++;
		key.type = rows[n - 1].type;
		str_copy(key.code, rows[n - 1].code, sizeof key.code);
		free(rows);
		assert_true(n <= 4);
		assert_int_equal(attendance_delegations(f->db, f->session, &key, 4, &rows, &n), 0);
	}
	free(rows);
	assert_int_equal((long long)total, expected);
	assert_true(pages >= 2);
	/* Grouped by type in the order member, observer state, organisation. */
	for (size_t i = 1; i < total; i++) {
		assert_true(all[i - 1].type <= all[i].type);
		if (all[i - 1].type == all[i].type)
			assert_true(strcmp(all[i - 1].code, all[i].code) < 0);
	}
	assert_int_equal(all[0].type, DT_MEMBER);
	assert_string_equal(all[0].code, "COM");
	assert_int_equal(all[total - 1].type, DT_OBSERVER_ORG);
	for (size_t i = 0; i < total; i++) {
		if (strcmp(all[i].code, "MUS") == 0) {
			assert_int_equal(all[i].n_delegates, 2);
			assert_int_equal(all[i].n_present, 1);
			assert_string_equal(all[i].name, "Mauritius");
		} else {
			assert_int_equal(all[i].n_delegates, 0);
		}
	}
	/* A page of everything (limit 0) matches the paged walk. */
	assert_int_equal(attendance_delegations(f->db, f->session, NULL, 0, &rows, &n), 0);
	assert_int_equal(n, total);
	free(rows);
	free(all);
}

static void test_delegates_paged(void **state)
{
	struct fx *f = *state;
	struct att_delegate *rows;
	size_t n;
	long long fra = db_int(f->db, 0, "SELECT id FROM delegation WHERE code = 'FRA'", "");

	add(f, "FRA", "Claire", "director", "interior", true, false);
	add(f, "FRA", "Anne", "officer", "health", false, true);
	add(f, "FRA", "Bruno", "ambassador", "foreign_affairs", true, false);
	add(f, "MUS", "Zed", "director", "interior", true, false);
	assert_int_equal(attendance_delegates_seek(f->db, f->session, fra, NULL, ATT_SEEK_AFTER, 2, &rows,
						   &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].name, "Anne");
	assert_string_equal(rows[0].level, "officer");
	assert_string_equal(rows[0].level_label, "Officer");
	assert_string_equal(rows[0].category_label, "Health");
	assert_true(rows[0].head);
	assert_false(rows[0].present);
	assert_string_equal(rows[1].name, "Bruno");
	assert_int_equal(rows[1].level_rank, 75);
	free(rows);
	assert_int_equal(attendance_delegates_seek(f->db, f->session, fra, "Bruno", ATT_SEEK_AFTER, 2,
						   &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].name, "Claire");
	assert_true(rows[0].present);
	free(rows);
	assert_int_equal(attendance_delegates_seek(f->db, f->session, fra, "Claire", ATT_SEEK_AFTER, 2,
						   &rows, &n), 0);
	assert_int_equal(n, 0);
	free(rows);
}

static void test_pick_lists(void **state)
{
	struct fx *f = *state;
	struct att_choice *rows;
	size_t n;

	assert_int_equal(attendance_levels(f->db, &rows, &n), 0);
	assert_int_equal((long long)n, count(f, "SELECT count(*) FROM level"));
	assert_string_equal(rows[0].code, "minister");
	assert_string_equal(rows[0].label, "Minister");
	for (size_t i = 1; i < n; i++)
		assert_true(rows[i - 1].rank > rows[i].rank);
	free(rows);
	assert_int_equal(attendance_categories(f->db, &rows, &n), 0);
	assert_int_equal((long long)n, count(f, "SELECT count(*) FROM category"));
	assert_string_equal(rows[0].code, "interior");
	assert_true(rows[0].core);
	for (size_t i = 1; i < n; i++)
		assert_true(rows[i - 1].core >= rows[i].core);
	assert_false(rows[n - 1].core);
	free(rows);
}

/* The search (issue 11): case and accents ignored, the ring of matches
 * — word starts in the screen's order (member states by code, then
 * observers), then the names holding the needle inside — from the
 * selection (a new search) or from a match (n, N). */
static void expect_hit(struct fx *f, const char *needle, const struct att_hit *from, bool back,
		       const char *name, int rank)
{
	struct att_hit hit;

	assert_int_equal(attendance_search(f->db, f->session, needle, from, back, &hit), 0);
	assert_string_equal(hit.name, name);
	assert_true(hit.delegate);
	assert_int_equal(hit.rank, rank);
}

static struct att_hit at(const char *code, enum deleg_type type, const char *name, int rank)
{
	struct att_hit h;

	memset(&h, 0, sizeof h);
	str_copy(h.code, code, sizeof h.code);
	h.type = type;
	h.delegate = name != NULL;
	str_copy(h.name, name ? name : "", sizeof h.name);
	h.rank = rank;
	return h;
}

static void test_search_ring(void **state)
{
	struct fx *f = *state;
	struct att_hit h, none;

	add(f, "COM", "Aquila Bex", "director", "interior", true, false);      /* inside */
	add(f, "MDG", "Quinn Adams", "director", "interior", true, false);     /* word */
	add(f, "MUS", "Tranquille Yé", "director", "interior", true, false);   /* inside */
	add(f, "SYC", "Joël Quirin-Esparon", "officer", "interior", true, false); /* word */
	/* A new search from the top: the first word start, not Aquila above. */
	expect_hit(f, "QUI", NULL, false, "Quinn Adams", FOLD_WORD);
	/* From the selection on COM's row (no match): the same. */
	h = at("COM", DT_MEMBER, NULL, 0);
	expect_hit(f, "qui", &h, false, "Quinn Adams", FOLD_WORD);
	/* From MUS's row: on to SYC's, then round to MDG's (word starts only). */
	h = at("MUS", DT_MEMBER, NULL, 0);
	expect_hit(f, "qui", &h, false, "Joël Quirin-Esparon", FOLD_WORD);
	h = at("SYC", DT_MEMBER, "Joël Quirin-Esparon", 0);
	expect_hit(f, "qui", &h, false, "Quinn Adams", FOLD_WORD);
	/* n from the last word start: into the inside matches, in order. */
	h = at("SYC", DT_MEMBER, "Joël Quirin-Esparon", FOLD_WORD);
	expect_hit(f, "qui", &h, false, "Aquila Bex", FOLD_INSIDE);
	h = at("COM", DT_MEMBER, "Aquila Bex", FOLD_INSIDE);
	expect_hit(f, "qui", &h, false, "Tranquille Yé", FOLD_INSIDE);
	/* n from the last inside match: round to the first word start. */
	h = at("MUS", DT_MEMBER, "Tranquille Yé", FOLD_INSIDE);
	expect_hit(f, "qui", &h, false, "Quinn Adams", FOLD_WORD);
	/* N: the other way round. */
	h = at("MDG", DT_MEMBER, "Quinn Adams", FOLD_WORD);
	expect_hit(f, "qui", &h, true, "Tranquille Yé", FOLD_INSIDE);
	h = at("COM", DT_MEMBER, "Aquila Bex", FOLD_INSIDE);
	expect_hit(f, "qui", &h, true, "Joël Quirin-Esparon", FOLD_WORD);
	/* A new search backwards from the top: the last word start. */
	expect_hit(f, "qui", NULL, true, "Joël Quirin-Esparon", FOLD_WORD);
	/* Accents and hyphens: "esparon" starts a word of Quirin-Esparon. */
	expect_hit(f, "ÉSPARON", NULL, false, "Joël Quirin-Esparon", FOLD_WORD);
	expect_hit(f, "ye", NULL, false, "Tranquille Yé", FOLD_WORD);
	/* Only inside matches: found all the same. */
	expect_hit(f, "quil", NULL, false, "Aquila Bex", FOLD_INSIDE);
	/* A delegation by its name, in any of its languages. */
	assert_int_equal(attendance_search(f->db, f->session, "maurice", NULL, false, &none), 0);
	assert_false(none.delegate);
	assert_string_equal(none.code, "MUS");
	assert_int_equal(attendance_search(f->db, f->session, "mauritius", NULL, false, &none), 0);
	assert_string_equal(none.code, "MUS");
	/* Nothing: 1; an empty or blank needle: 1. */
	assert_int_equal(attendance_search(f->db, f->session, "zzz", NULL, false, &none), 1);
	assert_int_equal(attendance_search(f->db, f->session, " - ", NULL, false, &none), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_rows_are_member_states_in_code_order),
		T(test_ok),
		T(test_ok_no_head),
		T(test_absent),
		T(test_level),
		T(test_entity),
		T(test_theme_makes_category_competent),
		T(test_entity_detail_fits),
		T(test_min_level_change),
		T(test_summary_and_one_delegation),
		T(test_french_labels),
		T(test_presence_times),
		T(test_presence_refusals_change_nothing),
		T(test_head_moves),
		T(test_delegate_labels_and_edit),
		T(test_level_category_codes),
		T(test_delegations_paged),
		T(test_delegates_paged),
		T(test_pick_lists),
		T(test_search_ring),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
