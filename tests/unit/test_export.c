/*
 * test_export.c — cmocka tests of the CSV minutes (src/export.c,
 * export_csv.c, export_dir.c): a session is filled row by row with SQL
 * (delegates, agenda, interventions, proposals and positions,
 * recommendations with versions, co-sponsors and reservations, journal),
 * exported, and every file is compared byte for byte with what DESIGN §6
 * asks: exact headers, CRLF, quoting of commas, quotes and line breaks,
 * formula neutralisation, ISO 8601 times with offset, whole durations,
 * joined lists, BOM only when asked, and the folder rules (atomic rename,
 * refusal of an existing folder without force, never deleting foreign
 * files). The catalogue's theme titles are in the language of the export:
 * English here (i18n's default).
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
#include <time.h>
#include <unistd.h>

#include "attendance.h"
#include "db.h"
#include "export.h"
#include "import.h"
#include "journal.h"
#include "util.h"

struct t {
	struct db *db;
	long long session;
	char dir[512];
	char out[600];
};

static const char *fixtures_dir(void)
{
	const char *d = getenv("RAPPORTEUR_FIXTURES");
	return d && *d ? d : "fixtures";
}

static long long id_of(struct t *t, const char *sql, const char *code)
{
	long long id = db_int(t->db, 0, sql, "t", code);

	if (!id)
		fail_msg("no id for %s", code);
	return id;
}

#define DELEG(code) id_of(t, "SELECT id FROM delegation WHERE code = ?", code)
#define THEME(code) id_of(t, "SELECT id FROM theme WHERE code = ?", code)

static void delegate(struct t *t, const char *code, const char *name, const char *function,
		     const char *level, const char *entity, int head, int present,
		     const char *arrived, const char *left)
{
	if (db_run(t->db, "INSERT INTO delegate (session_id, delegation_id, name, function, level,"
		   " entity, category, head, present, arrived, left_at)"
		   " VALUES (?, ?, ?, ?, ?, ?, 'interior', ?, ?, ?, ?)", "iittttiitt", t->session,
		   DELEG(code), name, function, level, entity, (long long)head, (long long)present,
		   arrived, left) != DB_OK)
		fail_msg("delegate %s: %s", name, db_errmsg(t->db));
}

static void fill(struct t *t)
{
	long long mus = DELEG("MUS"), item, rec, prop;
	struct journal_entry e = { .session = t->session, .item = 1, .event = "note",
				   .delegation = "MUS", .command = "note", .detail = "=HYPERLINK(\"x\")" };

	assert_int_equal(db_run(t->db, "INSERT INTO session_theme VALUES (?, ?), (?, ?)", "iiii",
				t->session, THEME("midiocc_health"), t->session, THEME("midiocc_data")),
			 DB_OK);
	delegate(t, "MUS", "Jean Dupont", "Directeur, Immigration", "director", "MAE", 1, 1,
		 "2026-11-23T09:00:00+04:00", "2026-11-23T12:00:00+04:00");
	delegate(t, "MUS", "=1+1", "", "director", "", 0, 1, "2026-11-23T09:05:00", NULL);
	delegate(t, "MUS", "Line1\nLine2", "", "officer", "", 0, 0, NULL, NULL);
	delegate(t, "COM", "@at", "", "officer", "", 0, 0, NULL, NULL);
	delegate(t, "FRA", "\tTab", "", "officer", "", 0, 0, NULL, NULL);
	delegate(t, "SYC", "-minus", "", "officer", "", 0, 0, NULL, NULL);
	delegate(t, "IOM", "+Plus", "", "other", "", 1, 1, "2026-11-23T09:10:00+04:00", NULL);

	assert_int_equal(db_run(t->db, "INSERT INTO agenda_item (session_id, num, pos, title, kind,"
				" planned_start, planned_minutes, status, actual_start, actual_end,"
				" moderator) VALUES (?, 1, 1, 'Ouverture, \"officielle\"', 'opening',"
				" '09:30', 45, 'done', '2026-11-23T09:30:00+04:00',"
				" '2026-11-23T10:15:40+04:00', 'Priya Ramdin'), (?, 2, 2, 'Pause',"
				" 'other', NULL, 0, 'pending', NULL, NULL, '')", "ii",
				t->session, t->session), DB_OK);
	item = db_int(t->db, 0, "SELECT id FROM agenda_item WHERE num = 1", "");
	assert_int_equal(db_run(t->db, "INSERT INTO intervention (session_id, item_id, seq,"
				" delegation_id, speaker, speech_type, start, end, summary) VALUES"
				" (?, ?, 1, ?, 'Jean Dupont', 'statement', '2026-11-23T09:40:00+04:00',"
				" '2026-11-23T09:43:05+04:00', 'Multi\nline, \"quoted\"'),"
				" (?, ?, 2, ?, '', 'question', '2026-11-23T09:44:00+04:00', NULL, '')",
				"iiiiii", t->session, item, mus, t->session, item, DELEG("IOM")), DB_OK);

	assert_int_equal(db_run(t->db, "INSERT INTO proposal (session_id, num, target, theme_id,"
				" title, proposer_kind, proposer_id, status, created_at) VALUES"
				" (?, 1, 'workshop', ?, 'Migration et santé', 'member', ?, 'open',"
				" '2026-11-23T10:00:00+04:00'), (?, 2, 'next', NULL, '-Libre', "
				" 'secretariat', NULL, 'selected', '2026-11-23T10:00:00+04:00')",
				"iiii", t->session, THEME("midiocc_health"), mus, t->session), DB_OK);
	prop = db_int(t->db, 0, "SELECT id FROM proposal WHERE num = 1", "");
	assert_int_equal(db_run(t->db, "INSERT INTO position (proposal_id, delegation_id, stance, at)"
				" VALUES (?1, ?2, 'support', 'x'), (?1, ?3, 'object', 'x'),"
				" (?1, ?4, 'abstain', 'x'), (?1, ?5, 'support', 'x')", "iiiii", prop,
				DELEG("COM"), mus, DELEG("SYC"), DELEG("MDG")), DB_OK);

	assert_int_equal(db_run(t->db, "INSERT INTO recommendation (session_id, num, title,"
				" theme_id, item_id, author_id, status, adopted_at, created_at) VALUES"
				" (?, 1, 'Santé des migrants', ?, ?, ?, 'adopted',"
				" '2026-11-23T10:10:00+04:00', '2026-11-23T10:00:00+04:00'),"
				" (?, 2, 'Sans version', NULL, NULL, ?, 'draft', NULL, 'x')", "iiiiii",
				t->session, THEME("midiocc_health"), item, mus, t->session, mus), DB_OK);
	rec = db_int(t->db, 0, "SELECT id FROM recommendation WHERE num = 1", "");
	assert_int_equal(db_run(t->db, "INSERT INTO rec_version (rec_id, version, text_fr, text_en,"
				" delegation_id, actor, at) VALUES (?1, 1, 'Texte initial', '', ?2, 'u',"
				" 'x'), (?1, 2, 'Texte final, adopté', 'Final text', ?2, 'u', 'x')",
				"ii", rec, mus), DB_OK);
	assert_int_equal(db_run(t->db, "INSERT INTO rec_cosponsor VALUES (?1, ?2), (?1, ?3)", "iii",
				rec, DELEG("SYC"), DELEG("COM")), DB_OK);
	assert_int_equal(db_run(t->db, "INSERT INTO rec_reservation VALUES (?1, ?2, 'réserve sur"
				" le financement', 'x'), (?1, ?3, '', 'x')", "iii", rec, DELEG("COM"),
				DELEG("FRA")), DB_OK);
	assert_int_equal(journal_add(t->db, &e), DB_OK);
}

static int setup(void **state)
{
	struct t *t = xcalloc(1, sizeof *t);
	const char *base = getenv("TEST_TMP");
	static int n;
	char path[700], err[512];

	setenv("TZ", "<+04>-4", 1);
	tzset();
	clock_set(1795413600);   /* 2026-11-23T10:00:00+04:00 */
	str_printf(t->dir, sizeof t->dir, "%s/exp.%ld.%d", base && *base ? base : "/tmp",
		   (long)getpid(), ++n);
	assert_int_equal(mkdir(t->dir, 0700), 0);
	str_printf(t->out, sizeof t->out, "%s/minutes", t->dir);
	str_printf(path, sizeof path, "%s/t.db", t->dir);
	if (db_open(path, DB_OPEN_CREATE, &t->db, err, sizeof err) != DB_OK)
		fail_msg("db_open: %s", err);
	assert_int_equal(db_begin(t->db), DB_OK);
	if (import_fixtures(t->db, fixtures_dir(), err, sizeof err) != 0)
		fail_msg("import_fixtures: %s", err);
	assert_int_equal(db_run(t->db, "INSERT INTO session (process_id, title, start_date, end_date,"
				" venue, host, chair, created_at, status) VALUES ((SELECT id FROM"
				" process WHERE code = 'DIMOI'), 'Réunion, \"spéciale\"', '2026-11-23',"
				" '2026-11-24', 'Port-Louis, Maurice', 'MUS', 'MUS', 'x', 'open')", ""),
			 DB_OK);
	t->session = db_last_id(t->db);
	fill(t);
	assert_int_equal(db_commit(t->db), DB_OK);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	struct t *t = *state;

	db_close(&t->db);
	clock_set(0);
	free(t);
	return 0;
}

/* The whole file, malloc'd. */
static char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[800];
	FILE *f;
	char *buf;
	long n;

	str_printf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static void expect_file(const char *dir, const char *name, const char *want)
{
	char *got = slurp(dir, name, NULL);

	if (strcmp(got, want) != 0)
		fail_msg("%s:\n--- got ---\n%s\n--- want ---\n%s", name, got, want);
	free(got);
}

static void do_export(struct t *t, unsigned flags)
{
	char err[512];

	if (export_session(t->db, t->session, t->out, flags, NULL, NULL, err, sizeof err) != 0)
		fail_msg("export: %s", err);
}

static const char *const headers[][2] = {
	{ "session.csv", "process,title,level,start_date,end_date,venue,host,chair,themes,"
			 "min_level,status,exported_at\r\n" },
	{ "agenda.csv", "item,title,kind,status,planned_start,planned_minutes,actual_start,"
			"actual_end,actual_minutes,moderator\r\n" },
	{ "attendance.csv", "delegation,delegation_type,name,function,level,entity,"
			    "entity_category,head,present,arrived,left\r\n" },
	{ "check.csv", "member_state,result,no_head,detail\r\n" },
	{ "interventions.csv", "item,seq,delegation,delegation_type,speaker,speech_type,start,"
			       "end,seconds,summary\r\n" },
	{ "themes.csv", "target,proposal,theme,proposed_by,support,object,abstain,decision,"
			"positions\r\n" },
	{ "recommendations.csv", "number,title,theme,item,author,cosponsors,status,version,"
				 "adopted_at,reservations,text_fr,text_en\r\n" },
	{ "minutes.csv", "seq,time,item,event,delegation,actor,detail\r\n" },
	{ "followup.csv", "recommendation,session,member_state,status,note,reported_at,"
			  "reported_by\r\n" },
	{ "actions.csv", "action,owner,text,due,state,opened_in,closed_in,note\r\n" },
};

static void test_headers_exact(void **state)
{
	struct t *t = *state;

	do_export(t, 0);
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		char *s = slurp(t->out, headers[i][0], NULL);

		if (strncmp(s, headers[i][1], strlen(headers[i][1])) != 0)
			fail_msg("%s: header is \"%.80s\"", headers[i][0], s);
		free(s);
	}
}

static void test_session_and_agenda(void **state)
{
	struct t *t = *state;

	do_export(t, 0);
	expect_file(t->out, "session.csv", "process,title,level,start_date,end_date,venue,host,"
		    "chair,themes,min_level,status,exported_at\r\n"
		    "DIMOI,\"Réunion, \"\"spéciale\"\"\",senior,2026-11-23,2026-11-24,"
		    "\"Port-Louis, Maurice\",MUS,MUS,\"Collection, analysis and sharing of migration"
		    " data; Migration and health\",director,open,"
		    "2026-11-23T10:00:00+04:00\r\n");
	expect_file(t->out, "agenda.csv", "item,title,kind,status,planned_start,planned_minutes,"
		    "actual_start,actual_end,actual_minutes,moderator\r\n"
		    "1,\"Ouverture, \"\"officielle\"\"\",opening,done,2026-11-23T09:30:00+04:00,45,"
		    "2026-11-23T09:30:00+04:00,2026-11-23T10:15:40+04:00,46,Priya Ramdin\r\n"
		    "2,Pause,other,pending,,0,,,,\r\n");
}

static void test_attendance_formulas(void **state)
{
	struct t *t = *state;

	do_export(t, 0);
	expect_file(t->out, "attendance.csv", "delegation,delegation_type,name,function,level,"
		    "entity,entity_category,head,present,arrived,left\r\n"
		    "COM,member,'@at,,officer,,interior,no,no,,\r\n"
		    "FRA,member,'\tTab,,officer,,interior,no,no,,\r\n"
		    "MUS,member,'=1+1,,director,,interior,no,yes,2026-11-23T09:05:00+04:00,\r\n"
		    "MUS,member,Jean Dupont,\"Directeur, Immigration\",director,MAE,interior,yes,"
		    "yes,2026-11-23T09:00:00+04:00,2026-11-23T12:00:00+04:00\r\n"
		    "MUS,member,\"Line1\nLine2\",,officer,,interior,no,no,,\r\n"
		    "SYC,member,'-minus,,officer,,interior,no,no,,\r\n"
		    "IOM,observer_org,'+Plus,,other,,interior,yes,yes,2026-11-23T09:10:00+04:00,"
		    "\r\n");
}

static void test_interventions_themes(void **state)
{
	struct t *t = *state;

	do_export(t, 0);
	expect_file(t->out, "interventions.csv", "item,seq,delegation,delegation_type,speaker,"
		    "speech_type,start,end,seconds,summary\r\n"
		    "1,1,MUS,member,Jean Dupont,statement,2026-11-23T09:40:00+04:00,"
		    "2026-11-23T09:43:05+04:00,185,\"Multi\nline, \"\"quoted\"\"\"\r\n"
		    "1,2,IOM,observer_org,,question,2026-11-23T09:44:00+04:00,,,\r\n");
	expect_file(t->out, "themes.csv", "target,proposal,theme,proposed_by,support,object,"
		    "abstain,decision,positions\r\n"
		    "workshop,1,Migration and health,MUS,2,1,1,open,"
		    "COM: support; MDG: support; MUS: object; SYC: abstain\r\n"
		    "next,2,'-Libre,secretariat,0,0,0,selected,\r\n");
}

static void test_recommendations_minutes(void **state)
{
	struct t *t = *state;
	char *s;

	do_export(t, 0);
	expect_file(t->out, "recommendations.csv", "number,title,theme,item,author,cosponsors,"
		    "status,version,adopted_at,reservations,text_fr,text_en\r\n"
		    "1,Santé des migrants,Migration and health,1,MUS,COM; SYC,adopted,2,"
		    "2026-11-23T10:10:00+04:00,COM: réserve sur le financement; FRA,"
		    "\"Texte final, adopté\",Final text\r\n"
		    "2,Sans version,,,MUS,,draft,,,,,\r\n");
	s = slurp(t->out, "minutes.csv", NULL);
	assert_non_null(strstr(s, ",2026-11-23T10:00:00+04:00,1,note,MUS,"));
	assert_non_null(strstr(s, ",\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
	free(s);
}

static void test_check_rows(void **state)
{
	struct t *t = *state;
	struct check_row *rows = NULL;
	size_t n = 0, lines = 0;
	char *s, *p;

	do_export(t, 0);
	assert_int_equal(attendance_check(t->db, t->session, &rows, &n), 0);
	s = slurp(t->out, "check.csv", NULL);
	for (p = s; (p = strstr(p, "\r\n")); p += 2)
		lines++;
	assert_int_equal(lines, n + 1);
	for (size_t i = 0; i < n; i++) {
		char want[64];

		str_printf(want, sizeof want, "\r\n%s,", rows[i].code);
		assert_non_null(strstr(s, want));
	}
	free(rows);
	free(s);
}

static void test_bom(void **state)
{
	struct t *t = *state;

	do_export(t, 0);
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		char *s = slurp(t->out, headers[i][0], NULL);
		assert_memory_not_equal(s, "\xEF\xBB\xBF", 3);
		free(s);
	}
	do_export(t, EXPORT_FORCE | EXPORT_BOM);
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		char *s = slurp(t->out, headers[i][0], NULL);
		assert_memory_equal(s, "\xEF\xBB\xBF", 3);
		assert_memory_equal(s + 3, headers[i][1], strlen(headers[i][1]));
		free(s);
	}
}

/* The ten files are there and nothing else that we know of: the
 * temporary and old folders beside it are gone. (No <dirent.h> here: its
 * DT_UNKNOWN clashes with rules.h's.) */
static void expect_clean_export(const char *out)
{
	char path[800];

	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		str_printf(path, sizeof path, "%s/%s", out, headers[i][0]);
		assert_int_equal(access(path, F_OK), 0);
	}
	str_printf(path, sizeof path, "%s/notes.txt", out);
	assert_int_equal(access(path, F_OK), -1);
	str_printf(path, sizeof path, "%s.tmp.%ld", out, (long)getpid());
	assert_int_equal(access(path, F_OK), -1);
	str_printf(path, sizeof path, "%s.old.%ld", out, (long)getpid());
	assert_int_equal(access(path, F_OK), -1);
}

static void put_file(const char *dir, const char *name, const char *content)
{
	char path[800];
	FILE *f;

	str_printf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	fputs(content, f);
	fclose(f);
}

static void test_existing_folder(void **state)
{
	struct t *t = *state;
	char err[512], *s, slash[700];

	do_export(t, 0);
	put_file(t->out, "session.csv", "sentinel");
	/* Refused without force, and nothing is touched. */
	assert_int_equal(export_session(t->db, t->session, t->out, 0, NULL, NULL, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "already exists"));
	expect_file(t->out, "session.csv", "sentinel");
	/* Replaced with force. */
	do_export(t, EXPORT_FORCE);
	s = slurp(t->out, "session.csv", NULL);
	assert_non_null(strstr(s, "process,"));
	free(s);
	expect_clean_export(t->out);
	/* A folder with other files is never replaced. */
	put_file(t->out, "notes.txt", "mine");
	assert_int_equal(export_session(t->db, t->session, t->out, EXPORT_FORCE, NULL, NULL, err,
					sizeof err), -1);
	assert_non_null(strstr(err, "not part of an export"));
	expect_file(t->out, "notes.txt", "mine");
	/* Trailing slash, and no temporary folder left beside it. */
	str_printf(slash, sizeof slash, "%s/notes.txt", t->out);
	assert_int_equal(remove(slash), 0);
	str_printf(slash, sizeof slash, "%s/", t->out);
	assert_int_equal(export_session(t->db, t->session, slash, EXPORT_FORCE, NULL, NULL, err,
					sizeof err), 0);
	expect_clean_export(t->out);
}

static void test_errors(void **state)
{
	struct t *t = *state;
	char err[512], path[700];

	str_printf(path, sizeof path, "%s/no/such/folder", t->dir);
	assert_int_equal(export_session(t->db, t->session, path, 0, NULL, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, path));
	str_printf(path, sizeof path, "%s/t.db", t->dir);
	assert_int_equal(export_session(t->db, t->session, path, EXPORT_FORCE, NULL, NULL, err,
					sizeof err), -1);
	assert_non_null(strstr(err, "not a folder"));
	assert_int_equal(export_session(t->db, 999, t->out, 0, NULL, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "no session 999"));
	assert_int_equal(access(t->out, F_OK), -1);
}

static long long progress_rows;
static void progress(void *ud, const char *file, long long rows)
{
	(void)ud;
	if (strcmp(file, "attendance.csv") == 0)
		progress_rows = rows;
}

static void test_progress(void **state)
{
	struct t *t = *state;
	char err[512];

	assert_int_equal(export_session(t->db, t->session, t->out, 0, progress, NULL, err,
					sizeof err), 0);
	assert_int_equal(progress_rows, 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_headers_exact),
		T(test_session_and_agenda),
		T(test_attendance_formulas),
		T(test_interventions_themes),
		T(test_recommendations_minutes),
		T(test_check_rows),
		T(test_bom),
		T(test_existing_folder),
		T(test_errors),
		T(test_progress),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
