/*
 * test_import.c — cmocka tests of the importers: the fixtures loader
 * (src/import_fixtures.c) and the participants import (src/import.c over
 * src/import_csv.c). Each test gets a fresh database holding the fixtures
 * and one open session; CSV inputs are written byte by byte by the test,
 * so the hostile ones (invalid UTF-8, NUL, escape sequences, a 10 MB
 * field, unbalanced quotes) are exact and no large file is committed.
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
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "import.h"
#include "import_csv.h"
#include "util.h"

struct t {
	struct db *db;
	long long session;
	char dir[512];
	char csv[600];
};

static const char *fixtures_dir(void)
{
	const char *d = getenv("RAPPORTEUR_FIXTURES");
	return d && *d ? d : "fixtures";
}

static void make_dir(char *out, size_t size)
{
	const char *base = getenv("TEST_TMP");
	static int n;

	str_printf(out, size, "%s/imp.%ld.%d", base && *base ? base : "/tmp", (long)getpid(), ++n);
	assert_int_equal(mkdir(out, 0700), 0);
}

static int setup(void **state)
{
	struct t *t = xcalloc(1, sizeof *t);
	char path[600], err[512];

	make_dir(t->dir, sizeof t->dir);
	str_printf(path, sizeof path, "%s/t.db", t->dir);
	str_printf(t->csv, sizeof t->csv, "%s/in.csv", t->dir);
	if (db_open(path, DB_OPEN_CREATE, &t->db, err, sizeof err) != DB_OK)
		fail_msg("db_open: %s", err);
	assert_int_equal(db_begin(t->db), DB_OK);
	if (import_fixtures(t->db, fixtures_dir(), err, sizeof err) != 0)
		fail_msg("import_fixtures: %s", err);
	assert_int_equal(db_commit(t->db), DB_OK);
	assert_int_equal(db_run(t->db, "INSERT INTO session (process_id, title, start_date,"
				" created_at, status) VALUES ((SELECT id FROM process WHERE code ="
				" 'DIMOI'), 'Test', '2026-11-23', '2026-11-23T08:00:00+04:00', 'open')",
				""), DB_OK);
	t->session = db_last_id(t->db);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct t *t = *state;

	db_close(&t->db);
	free(t);
	return 0;
}

static void write_bytes(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* Write a NUL-free CSV text. */
static void write_csv(struct t *t, const char *s)
{
	write_bytes(t->csv, s, strlen(s));
}

static long long count(struct t *t, const char *sql)
{
	return db_int(t->db, -1, sql, "");
}

static const struct import_row *row_at(const struct import_result *r, int line)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->rows[i].line == line)
			return &r->rows[i];
	fail_msg("no row for line %d", line);
	return NULL;
}

static char *field_of(struct t *t, const char *name, const char *sql)
{
	return db_text(t->db, sql, "t", name);
}

#define HDR "delegation,name,function,level,entity,entity_category,head,email\n"

/* ---- fixtures ---- */

static void test_fixtures_loaded(void **state)
{
	struct t *t = *state;
	char err[512];

	assert_int_equal(count(t, "SELECT count(*) FROM level"), 10);
	assert_int_equal(count(t, "SELECT count(*) FROM category WHERE core = 1"), 4);
	assert_int_equal(count(t, "SELECT count(*) FROM delegation WHERE type = 'member'"), 5);
	assert_int_equal(count(t, "SELECT count(*) FROM theme WHERE source = 'midiocc'"), 12);
	assert_true(count(t, "SELECT count(*) FROM theme WHERE source = 'idm'") > 40);
	assert_int_equal(count(t, "SELECT rank > (SELECT rank FROM level WHERE code ="
			       " 'director_general') FROM level WHERE code = 'ambassador'"), 1);
	/* Loading again updates in place. */
	assert_int_equal(db_begin(t->db), DB_OK);
	assert_int_equal(import_fixtures(t->db, fixtures_dir(), err, sizeof err), 0);
	assert_int_equal(db_commit(t->db), DB_OK);
	assert_int_equal(count(t, "SELECT count(*) FROM level"), 10);
	assert_int_equal(count(t, "SELECT count(*) FROM theme_category WHERE theme_id ="
			       " (SELECT id FROM theme WHERE code = 'midiocc_health')"), 1);
}

static void copy_fixture(const char *from_dir, const char *to_dir, const char *name)
{
	char a[600], b[600], buf[65536];
	FILE *in, *out;
	size_t n;

	str_printf(a, sizeof a, "%s/%s", from_dir, name);
	str_printf(b, sizeof b, "%s/%s", to_dir, name);
	in = fopen(a, "rb");
	out = fopen(b, "wb");
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
}

static void fixture_error(struct t *t, const char *file, const char *content, const char *want)
{
	static const char *const names[] = { "levels.csv", "categories.csv", "process.csv",
					     "delegations.csv", "themes.csv",
					     "theme_categories.csv" };
	char dir[600], path[700], err[512];

	str_printf(dir, sizeof dir, "%s/fx", t->dir);
	mkdir(dir, 0700);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		copy_fixture(fixtures_dir(), dir, names[i]);
	str_printf(path, sizeof path, "%s/%s", dir, file);
	write_bytes(path, content, strlen(content));
	assert_int_equal(db_begin(t->db), DB_OK);
	assert_int_equal(import_fixtures(t->db, dir, err, sizeof err), -1);
	db_rollback(t->db);
	str_printf(path, sizeof path, "%s/%s", dir, want);
	if (!strstr(err, path))
		fail_msg("got \"%s\", want it to contain \"%s\"", err, path);
}

static void test_fixtures_errors(void **state)
{
	struct t *t = *state;

	fixture_error(t, "levels.csv", "code,rank,label_fr,label_en\na,1,A,A\nb,2,B,B\n"
		      "c,x,C,C\n", "levels.csv: row 4: rank: not a number");
	fixture_error(t, "levels.csv", "code,label_fr,label_en\na,A,A\n",
		      "levels.csv: row 1: rank: missing column");
	fixture_error(t, "theme_categories.csv", "theme,category\nmidiocc_health,nowhere\n",
		      "theme_categories.csv: row 2: category: unknown category \"nowhere\"");
	fixture_error(t, "delegations.csv", "process,code,type,name_fr,name_en\n"
		      "DIMOI,XXX,friend,X,X\n", "delegations.csv: row 2: type: unknown type");
	fixture_error(t, "themes.csv", "code,source,year,kind,title_fr,title_en\n"
		      "t1,free,20x6,axis,T,T\n", "themes.csv: row 2: year: not a number");
	fixture_error(t, "categories.csv", "code,core,label_fr,label_en\n"
		      "bad\x01code,0,X,X\n", "categories.csv: row 2: code: invalid UTF-8");
}

/* ---- participants: good files ---- */

static const char good[] =
	"name,delegation,level,entity_category,head,function,badge,email\n"
	"Jean Dupont,MUS,Directeur,Intérieur,oui,\"Directeur, Immigration\",B12,jd@example.mu\n"
	"\n"
	"Marie Rabe,mdg,deputy director,Foreign Affairs,no,,B13,\n"
	"Ali Said,COM,permanent_secretary,labour,yes,Secrétaire permanent,,\n";

static void test_good_file(void **state)
{
	struct t *t = *state;
	struct import_result r;
	char *v;

	write_csv(t, good);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.n_new, 3);
	assert_int_equal(r.n_error, 0);
	assert_int_equal(row_at(&r, 2)->status, IMP_NEW);
	assert_string_equal(row_at(&r, 2)->delegation, "MUS");
	assert_string_equal(row_at(&r, 2)->name, "Jean Dupont");
	assert_int_equal(row_at(&r, 4)->status, IMP_NEW);   /* blank line 3 skipped */
	assert_int_equal(row_at(&r, 5)->status, IMP_NEW);
	assert_non_null(strstr(r.warnings, "\"badge\""));
	v = field_of(t, "Jean Dupont", "SELECT level || '|' || category || '|' || head || '|' ||"
		     " function || '|' || email FROM delegate WHERE name = ?");
	assert_string_equal(v, "director|interior|1|Directeur, Immigration|jd@example.mu");
	free(v);
	v = field_of(t, "Marie Rabe", "SELECT level || '|' || category || '|' || head FROM"
		     " delegate WHERE name = ?");
	assert_string_equal(v, "deputy_director|foreign_affairs|0");
	free(v);
	import_result_free(&r);
	/* One journal row for the import. */
	assert_int_equal(count(t, "SELECT count(*) FROM journal WHERE event = 'import'"), 1);
}

static void test_bom_crlf(void **state)
{
	struct t *t = *state;
	struct import_result r;
	const char s[] = "\xEF\xBB\xBF" "delegation,name,level\r\n"
			 "MUS,\"Anne\r\nMarie\",officer\r\n"
			 "\r\n"
			 "SYC,Paul Hoareau,Officer\r\n";

	write_csv(t, s);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_string_equal(r.warnings, "");
	assert_int_equal(r.n, 2);
	/* The quoted line break is refused in a name; the next row keeps its line. */
	assert_int_equal(row_at(&r, 2)->status, IMP_ERROR);
	assert_non_null(strstr(row_at(&r, 2)->reason, "name: line break"));
	assert_int_equal(row_at(&r, 5)->status, IMP_NEW);
	assert_string_equal(row_at(&r, 5)->delegation, "SYC");
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'Paul Hoareau'"
			       " AND level = 'officer'"), 1);
	import_result_free(&r);
}

static void test_labels_fr_en(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR
		  "MUS,A,,Secrétaire permanent,,Affaires étrangères,,\n"
		  "MUS,B,,PERMANENT SECRETARY,,FOREIGN AFFAIRS,,\n"
		  "MUS,C,,director_general,,Santé,,\n"
		  "MUS,D,,Directeur Général,,santé,,\n"
		  "MUS,E,,Secretaire permanent,,,,\n"
		  "MUS,F,,DIRECTEUR GÉNÉRAL,,,,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n_new, 4);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE level ="
			       " 'permanent_secretary' AND category = 'foreign_affairs'"), 2);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'C' AND category ="
			       " 'health'"), 1);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'D' AND level ="
			       " 'director_general' AND category = 'health'"), 1);
	/* Accents are exact: e is not é, É is not é. */
	assert_int_equal(row_at(&r, 6)->status, IMP_ERROR);
	assert_string_equal(row_at(&r, 6)->reason, "level: unknown level \"Secretaire permanent\"");
	assert_int_equal(row_at(&r, 7)->status, IMP_ERROR);
	assert_string_equal(row_at(&r, 7)->reason, "level: unknown level \"DIRECTEUR GÉNÉRAL\"");
	import_result_free(&r);
}

static void test_updated_unchanged(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR "MUS,Jean Dupont,Directeur,director,MAE,interior,yes,\n"
		  "SYC,Paul,Agent,officer,,interior,no,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n_new, 2);
	import_result_free(&r);
	write_csv(t, HDR "MUS,Jean Dupont,Directeur général,director_general,MAE,interior,yes,\n"
		  "SYC,Paul,Agent,officer,,interior,no,\n"
		  "COM,Nouveau,,,,,,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(row_at(&r, 2)->status, IMP_UPDATED);
	assert_int_equal(row_at(&r, 3)->status, IMP_UNCHANGED);
	assert_int_equal(row_at(&r, 4)->status, IMP_NEW);
	assert_int_equal(r.n_updated, 1);
	assert_int_equal(r.n_unchanged, 1);
	assert_int_equal(r.n_new, 1);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'Jean Dupont' AND"
			       " level = 'director_general'"), 1);
	/* Empty level and category: the lowest level and "other". */
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'Nouveau' AND level"
			       " = 'other' AND category = 'other'"), 1);
	/* A file without a level column keeps the stored level. */
	write_csv(t, "delegation,name,email\nMUS,Jean Dupont,jd@example.mu\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n_updated, 1);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'Jean Dupont' AND"
			       " level = 'director_general' AND email = 'jd@example.mu'"), 1);
}

static void test_duplicate_in_file(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR "MUS,Jean,,director,,interior,,\nMUS,Jean,,director,,interior,,\n"
		  "MUS,Jean,,officer,,interior,,\n");
	for (int dry = 1; dry >= 0; dry--) {
		assert_int_equal(import_participants(t->db, t->session, t->csv, dry, &r), 0);
		assert_int_equal(row_at(&r, 2)->status, IMP_NEW);
		assert_int_equal(row_at(&r, 3)->status, IMP_UNCHANGED);
		assert_int_equal(row_at(&r, 4)->status, IMP_UPDATED);
		import_result_free(&r);
	}
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 1);
}

static void test_dry_run_writes_nothing(void **state)
{
	struct t *t = *state;
	struct import_result r;
	long long j0 = count(t, "SELECT count(*) FROM journal");

	write_csv(t, good);
	assert_int_equal(import_participants(t->db, t->session, t->csv, true, &r), 0);
	assert_int_equal(r.n_new, 3);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 0);
	assert_int_equal(count(t, "SELECT count(*) FROM journal"), j0);
	assert_false(db_in_transaction(t->db));
	/* Inside a caller's transaction: joined, no journal of its own. */
	assert_int_equal(db_begin(t->db), DB_OK);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_true(db_in_transaction(t->db));
	db_rollback(t->db);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 0);
	assert_int_equal(count(t, "SELECT count(*) FROM journal"), j0);
}

/* ---- participants: refused files ---- */

static void test_missing_required_column(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, "delegation,nom,level\nMUS,Jean,director\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), -1);
	assert_non_null(strstr(r.file_error, "missing required column \"name\""));
	import_result_free(&r);
	write_csv(t, "name,level\nJean,director\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), -1);
	assert_non_null(strstr(r.file_error, "\"delegation\""));
	import_result_free(&r);
	write_csv(t, "");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), -1);
	import_result_free(&r);
	assert_int_equal(import_participants(t->db, t->session, "/nonexistent/x.csv", false, &r), -1);
	assert_non_null(strstr(r.file_error, "/nonexistent/x.csv"));
	import_result_free(&r);
	assert_int_equal(import_participants(t->db, 999, t->csv, false, &r), -1);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 0);
	assert_int_equal(count(t, "SELECT count(*) FROM journal"), 0);
}

static void test_closed_session(void **state)
{
	struct t *t = *state;
	struct import_result r;

	db_run(t->db, "UPDATE session SET status = 'closed'", "");
	write_csv(t, good);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), -1);
	assert_non_null(strstr(r.file_error, "closed"));
	import_result_free(&r);
	assert_int_equal(import_participants(t->db, t->session, t->csv, true, &r), 0);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 0);
}

/* ---- participants: hostile rows ---- */

static bool printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return false;
	return true;
}

static void expect_row_error(struct t *t, const char *bytes, size_t n, int line,
			     const char *reason_part)
{
	struct import_result r;
	const struct import_row *row;

	write_bytes(t->csv, bytes, n);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	row = row_at(&r, line);
	assert_int_equal(row->status, IMP_ERROR);
	if (!strstr(row->reason, reason_part))
		fail_msg("line %d: reason \"%s\" lacks \"%s\"", line, row->reason, reason_part);
	for (size_t i = 0; i < r.n; i++) {
		assert_true(printable(r.rows[i].name));
		assert_true(printable(r.rows[i].delegation));
		assert_true(printable(r.rows[i].reason));
	}
	/* The good row after it is imported. */
	assert_int_equal(r.rows[r.n - 1].status, IMP_NEW);
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE name = 'Good Row'"), 1);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 1);
	db_run(t->db, "DELETE FROM delegate", "");
}

#define BYTES(s) s, sizeof(s) - 1
#define GOOD "MUS,Good Row,,officer,,interior,,\n"

static void test_invalid_utf8(void **state)
{
	expect_row_error(*state, BYTES(HDR "MUS,Jos\xE9 Bad,,officer,,interior,,\n" GOOD), 2,
			 "name: invalid UTF-8");
	expect_row_error(*state, BYTES(HDR "MUS,Over\xC0\xAFlong,,officer,,interior,,\n" GOOD), 2,
			 "name: invalid UTF-8");
}

static void test_nul_byte(void **state)
{
	expect_row_error(*state, BYTES(HDR "MUS,Nul,Dir\0ecteur,officer,,interior,,\n" GOOD), 2,
			 "function: contains a NUL byte");
}

static void test_escape_sequence(void **state)
{
	struct t *t = *state;
	struct import_result r;

	expect_row_error(t, BYTES(HDR "MUS,\x1b[2J\x1b]0;pwned\x07,,officer,,interior,,\n" GOOD), 2,
			 "name: invalid UTF-8 or a control character");
	expect_row_error(t, BYTES(HDR "MUS,C1 \xC2\x9B" "31m,,officer,,interior,,\n" GOOD), 2,
			 "name:");
	/* The display copy of an escape in the delegation code has no ESC left. */
	write_csv(t, HDR "\x1b[31mMUS,X,,officer,,interior,,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_string_equal(r.rows[0].delegation, "?[31mMUS");
	import_result_free(&r);
}

static void test_huge_field(void **state)
{
	struct t *t = *state;
	size_t big = 10u << 20, hl = strlen(HDR);
	char *s = xmalloc(hl + big + 100);
	size_t n = 0;

	memcpy(s, HDR, hl);
	n = hl;
	memcpy(s + n, "MUS,Big,", 8);
	n += 8;
	memset(s + n, 'x', big);
	n += big;
	memcpy(s + n, ",officer,,interior,,\n" GOOD, strlen(",officer,,interior,,\n" GOOD));
	n += strlen(",officer,,interior,,\n" GOOD);
	expect_row_error(t, s, n, 2, "function: longer than 1000 bytes");
	free(s);
	/* 1000 bytes exactly is fine; 1001 is not. */
	{
		char line[1200];
		struct import_result r;

		memset(line, 'y', 1001);
		line[1001] = '\0';
		str_printf(s = xmalloc(3000), 3000, HDR "MUS,A,%.1000s,,,,,\nMUS,B,%s,,,,,\n", line, line);
		write_csv(t, s);
		free(s);
		assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
		assert_int_equal(row_at(&r, 2)->status, IMP_NEW);
		assert_int_equal(row_at(&r, 3)->status, IMP_ERROR);
		import_result_free(&r);
	}
}

static void test_unbalanced_quote_at_end(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR GOOD "MUS,\"Never closed,,officer\nSYC,Lost,,,,,,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(row_at(&r, 2)->status, IMP_NEW);
	assert_int_equal(row_at(&r, 3)->status, IMP_ERROR);
	assert_non_null(strstr(row_at(&r, 3)->reason, "unbalanced quote"));
	import_result_free(&r);
	assert_int_equal(count(t, "SELECT count(*) FROM delegate"), 1);
}

static void test_misplaced_quote_recovers(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR "MUS,Jean \"JJ\" Dupont,,officer,,interior,,\n"
		  "MUS,\"Closed\"then text,,officer,,interior,,\n" GOOD);
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_int_equal(r.n, 3);
	assert_int_equal(row_at(&r, 2)->status, IMP_ERROR);
	assert_non_null(strstr(row_at(&r, 2)->reason, "misplaced quote"));
	assert_int_equal(row_at(&r, 3)->status, IMP_ERROR);
	assert_int_equal(row_at(&r, 4)->status, IMP_NEW);
	import_result_free(&r);
}

static void test_row_errors(void **state)
{
	struct t *t = *state;
	struct import_result r;

	write_csv(t, HDR "XYZ,Who,,,,,,\n"
		  "MUS,Chef,,chef,,,,\n"
		  "MUS,Cat,,,,astrology,,\n"
		  "MUS,Head,,,,,maybe,\n"
		  "MUS,Mail,,,,,,not-an-address\n"
		  "MUS,Wide,,,,,,,extra\n"
		  ",NoCode,,,,,,\n"
		  "MUS,,,,,,,\n"
		  "MUS,Short\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, false, &r), 0);
	assert_string_equal(row_at(&r, 2)->reason, "delegation: unknown delegation \"XYZ\"");
	assert_string_equal(row_at(&r, 3)->reason, "level: unknown level \"chef\"");
	assert_string_equal(row_at(&r, 4)->reason, "entity_category: unknown category \"astrology\"");
	assert_non_null(strstr(row_at(&r, 5)->reason, "head:"));
	assert_non_null(strstr(row_at(&r, 6)->reason, "email:"));
	assert_non_null(strstr(row_at(&r, 7)->reason, "9 fields"));
	assert_string_equal(row_at(&r, 8)->reason, "delegation: empty");
	assert_string_equal(row_at(&r, 9)->reason, "name: empty");
	assert_int_equal(row_at(&r, 10)->status, IMP_NEW);   /* missing cells are empty */
	assert_int_equal(r.n_error, 8);
	import_result_free(&r);
}

static void test_printable_helper(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(import_printable(buf, sizeof buf, "a\x1b[b", 4), "a?[b");
	assert_string_equal(import_printable(buf, sizeof buf, "\xC3\xA9t\xC3", 4), "\xC3\xA9t?");
	assert_string_equal(import_printable(buf, 4, "\xC3\xA9\xC3\xA9", 4), "\xC3\xA9");
	assert_string_equal(import_printable(buf, sizeof buf, "\xC2\x9B", 2), "?"); /* one C1 control, one ? */
}

static void test_summary_and_print(void **state)
{
	struct t *t = *state;
	struct import_result r;
	char buf[4096], sum[128];
	FILE *f;

	write_csv(t, HDR GOOD "MUS,Chef,,chef,,,,\n");
	assert_int_equal(import_participants(t->db, t->session, t->csv, true, &r), 0);
	assert_string_equal(import_summary(sum, sizeof sum, &r),
			    "1 new, 0 updated, 0 unchanged, 1 error");
	f = fmemopen(buf, sizeof buf, "w");
	import_print(f, NULL, &r);
	fclose(f);
	assert_string_equal(buf, "line 2: new MUS \"Good Row\"\n"
				 "line 3: error: level: unknown level \"chef\"\n");
	f = fmemopen(buf, sizeof buf, "w");
	import_print(f, "p.csv", &r);
	fclose(f);
	assert_string_equal(buf, "p.csv:2: new MUS \"Good Row\"\n"
				 "p.csv:3: error: level: unknown level \"chef\"\n");
	import_result_free(&r);
}

/* A small fuzz: files made of CSV tokens and random bytes never crash the
 * reader, every row is counted once, and what is kept for display is
 * printable. Deterministic (fixed seed), so a failure reproduces. */
static void test_random_files(void **state)
{
	struct t *t = *state;
	static const char *const tokens[] = {
		",", "\"", "\"\"", "\n", "\r\n", "\r", "MUS", "SYC", "IOM", "director", "Directeur",
		"oui", "no", "\xEF\xBB\xBF", "\x1b[2J", "\xC3\xA9", "\xE9", "\xC2\x9B", " ", "\t", "=1+1",
		"Jean Dupont", "health", "Santé",
	};
	unsigned seed = 12345;
	char *buf = xmalloc(70000);

	for (int file = 0; file < 300; file++) {
		struct import_result r;
		size_t n = 0, target;
		int rc;

		n = (size_t)str_printf(buf, 70000, "%s", file % 3 ? HDR : "name,delegation,level\n");
		seed = seed * 1103515245u + 12345u;
		target = n + (seed >> 8) % (file % 50 == 0 ? 65000 : 600);
		while (n < target) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 5 == 0) {
				buf[n++] = (char)(seed >> 8);
			} else {
				const char *tok = tokens[(seed >> 16) % (sizeof tokens / sizeof tokens[0])];
				size_t len = strlen(tok);

				if (n + len >= 70000)
					break;
				memcpy(buf + n, tok, len);
				n += len;
			}
		}
		write_bytes(t->csv, buf, n);
		rc = import_participants(t->db, t->session, t->csv, file % 2 == 0, &r);
		assert_true(rc == 0 || rc == -1);
		if (rc == 0)
			assert_int_equal((size_t)(r.n_new + r.n_updated + r.n_unchanged + r.n_error), r.n);
		for (size_t i = 0; i < r.n; i++) {
			assert_true(printable(r.rows[i].name));
			assert_true(printable(r.rows[i].delegation));
			assert_true(printable(r.rows[i].reason));
		}
		assert_true(printable(r.warnings));
		assert_true(printable(r.file_error));
		import_result_free(&r);
	}
	free(buf);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(count(t, "SELECT count(*) FROM delegate WHERE instr(name, char(27)) > 0"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_fixtures_loaded),
		T(test_fixtures_errors),
		T(test_good_file),
		T(test_bom_crlf),
		T(test_labels_fr_en),
		T(test_updated_unchanged),
		T(test_duplicate_in_file),
		T(test_dry_run_writes_nothing),
		T(test_missing_required_column),
		T(test_closed_session),
		T(test_invalid_utf8),
		T(test_nul_byte),
		T(test_escape_sequence),
		T(test_huge_field),
		T(test_unbalanced_quote_at_end),
		T(test_misplaced_quote_recovers),
		T(test_row_errors),
		T(test_printable_helper),
		T(test_summary_and_print),
		T(test_random_files),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
