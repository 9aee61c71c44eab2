/*
 * test_recs.c — cmocka tests of src/recs.c, src/recs_read.c and
 * src/recs_diff.c (R5, R7) on a real SQLite file: the fixtures loaded as
 * `init` does, one open session whose delegates are inserted directly,
 * commands run through command_exec(). Covers the answers of rec+,
 * version numbering and the "no change" refusal of amend, the status
 * workflow (adopt through status goes through the same checks), objections
 * blocking adoption while reservations do not, absent objectors, R5 for
 * observers (message and triggers), rec=, that refusals change nothing,
 * the read access of recs.h, the drafts, and the word diff (insert,
 * delete, replace, accents, white space, empty texts, the fallback).
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
#include "recs.h"
#include "util.h"
#include "testdb.h"

static int setup(void **state)
{
	struct testdb *f = xcalloc(1, sizeof *f);

	testdb_open(f, "recs");
	testdb_add_session(f);
	testdb_add_delegate(f, "COM", "Fatima Said Abdallah");
	testdb_add_delegate(f, "FRA", "Claire Payet");
	testdb_add_delegate(f, "MDG", "Haingo Rakotomalala");
	testdb_add_delegate(f, "MUS", "Priya Ramdin");
	testdb_add_delegate(f, "SYC", "Bernard Morel");
	testdb_add_delegate(f, "IOM", "Sofia Marchetti");
	assert_int_equal(db_run(f->app.db, "INSERT INTO agenda_item (session_id, num, pos, title,"
				" kind, status) VALUES (?1, 1, 1, 'Ouverture', 'opening', 'done'),"
				" (?1, 2, 2, 'Rédaction', 'drafting', 'in_progress')", "i",
				f->app.session), DB_OK);
	clock_set(1795406400); /* 2026-11-23T08:00:00+04:00 */
	*state = f;
	return 0;
}

/* Everything a refused recommendation command could have touched. */
static char *snapshot(struct testdb *f)
{
	return db_text(f->app.db,
		       "SELECT (SELECT count(*) FROM journal) || '|' || ifnull((SELECT group_concat("
		       "num || ',' || title || ',' || ifnull(theme_id, '-') || ',' || ifnull(item_id,"
		       " '-') || ',' || author_id || ',' || status || ',' || ifnull(adopted_at, '-')"
		       " || ',' || ifnull(submitted_at, '-'), ';') FROM (SELECT * FROM recommendation"
		       " ORDER BY id)), '') || '|' || (SELECT count(*) || ',' || ifnull(sum(length("
		       "text_fr)), 0) FROM rec_version) || '|' || (SELECT count(*) FROM rec_cosponsor)"
		       " || '|' || ifnull((SELECT group_concat(delegation_id || reason) FROM"
		       " rec_reservation), '') || '|' || ifnull((SELECT group_concat(delegation_id ||"
		       " reason) FROM rec_objection), '')", "");
}

static void refused(struct testdb *f, const char *line, const char *want)
{
	testdb_refused(f, snapshot, line, want);
}

static void text_is(char *got, const char *want)
{
	if (!got || strcmp(got, want) != 0)
		fail_msg("got %s, want %s", got ? got : "(null)", want);
	free(got);
}

static char *rec_text(struct testdb *f, const char *sql, long long num)
{
	return db_text(f->app.db, sql, "ii", f->app.session, num);
}

/* ---- rec+, amend ---- */

static void test_rec_add(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "rec+ MUS \"Santé aux frontières\" \"Renforcer la surveillance sanitaire.\"",
	          "ok recommendation 1");
	text_is(rec_text(f, "SELECT r.title || '|' || r.status || '|' || a.code || '|' || i.num"
			    " || '|' || v.version || '|' || v.text_fr || '|' || d.code || '|'"
			    " || r.created_at FROM recommendation r JOIN delegation a ON a.id ="
			    " r.author_id JOIN agenda_item i ON i.id = r.item_id JOIN rec_version v"
			    " ON v.rec_id = r.id JOIN delegation d ON d.id = v.delegation_id"
			    " WHERE r.session_id = ? AND r.num = ?", 1),
		"Santé aux frontières|draft|MUS|2|1|Renforcer la surveillance sanitaire.|MUS|"
		"2026-11-23T08:00:00+04:00");
	testdb_is(f, "rec+ com \"Titre\" \"Texte\"", "ok recommendation 2");
	text_is(rec_text(f, "SELECT event || '|' || delegation || '|' || item FROM journal"
			    " WHERE session_id = ? ORDER BY seq DESC LIMIT ?", 1), "rec+|COM|2");
	refused(f, "rec+ IOM \"Titre\" \"Texte\"",
		"error: refused: IOM is an observer: drafting is the exclusive competence of member "
		"states (R5)");
	refused(f, "rec+ KEN \"Titre\" \"Texte\"",
		"error: refused: KEN is an observer: drafting is the exclusive competence of member "
		"states (R5)");
	refused(f, "rec+ XXX \"Titre\" \"Texte\"", "error: unknown delegation XXX");
	refused(f, "rec+ MUS \"\" \"Texte\"", "error: the title is empty");
	refused(f, "rec+ MUS \"Titre\" \"\"", "error: the text is empty");
}

static void test_amend_versions(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "rec+ MUS \"T\" \"Premier texte.\"", "ok recommendation 1");
	testdb_is(f, "amend 1 MDG \"Deuxième texte.\"", "ok R1 version 2");
	testdb_is(f, "amend R1 COM \"Deuxième texte.\" \"Second text.\"", "ok R1 version 3");
	/* Without an English text, the previous one is kept. */
	testdb_is(f, "amend 1 FRA \"Troisième texte.\"", "ok R1 version 4");
	text_is(rec_text(f, "SELECT group_concat(v.version || ':' || d.code || ':' || v.text_fr ||"
			    " ':' || v.text_en, '|') FROM (SELECT * FROM rec_version ORDER BY version) v"
			    " JOIN delegation d ON d.id = v.delegation_id JOIN recommendation r ON r.id ="
			    " v.rec_id WHERE r.session_id = ? AND r.num = ?", 1),
		"1:MUS:Premier texte.:|2:MDG:Deuxième texte.:|3:COM:Deuxième texte.:Second text.|"
		"4:FRA:Troisième texte.:Second text.");
	refused(f, "amend 1 SYC \"Troisième texte.\"", "error: no change: version 4 of R1 has this text");
	refused(f, "amend 1 SYC \"Troisième texte.\" \"Second text.\"",
		"error: no change: version 4 of R1 has this text");
	refused(f, "amend 1 UNHCR \"Autre.\"",
		"error: refused: UNHCR is an observer: drafting is the exclusive competence of member "
		"states (R5)");
	refused(f, "amend 2 MUS \"Autre.\"", "error: no recommendation R2 in this session");
	refused(f, "amend 1 MUS \"\"", "error: the text is empty");
	text_is(rec_text(f, "SELECT before || '>' || after FROM journal WHERE session_id = ? AND"
			    " event = 'amend' ORDER BY seq DESC LIMIT ?", 1),
		"Deuxième texte.>Troisième texte.");
	testdb_is(f, "adopt 1", "ok R1 adopted");
	refused(f, "amend 1 MUS \"Après adoption.\"",
		"error: refused: R1 is adopted: its text can no longer change");
}

/* ---- workflow ---- */

static void test_status_transitions(void **state)
{
	struct testdb *f = *state;

	testdb_cmds(f, (const char *const[]){
		"rec+ MUS \"A\" \"a\"", "rec+ MUS \"B\" \"b\"", "rec+ MUS \"C\" \"c\"", NULL });
	testdb_is(f, "status 1 discussion", "ok R1 discussion");
	refused(f, "status 1 discussion", "error: R1 is already discussion");
	refused(f, "status 1 submitted", "error: refused: R1 cannot go from discussion to submitted");
	refused(f, "status 1 draft", "error: refused: R1 cannot go from discussion to draft");
	refused(f, "status 1 approved",
		"error: unknown status approved (draft, discussion, adopted, withdrawn, deferred, "
		"submitted)");
	testdb_is(f, "status 1 deferred", "ok R1 deferred");
	refused(f, "adopt 1", "error: refused: R1 is deferred: only a draft or a recommendation under "
			      "discussion can be adopted");
	testdb_is(f, "status 1 discussion", "ok R1 discussion");
	/* status N adopted goes through adoption's checks. */
	testdb_is(f, "object 1 SYC \"trop vague\"", "ok R1 objection SYC");
	refused(f, "status 1 adopted", "error: refused: Seychelles objects (trop vague)");
	testdb_is(f, "unobject 1 SYC", "ok R1 objection SYC withdrawn");
	testdb_is(f, "status 1 adopted", "ok R1 adopted");
	text_is(rec_text(f, "SELECT status || '|' || adopted_at || '|' || ifnull(submitted_at, '-')"
			    " FROM recommendation WHERE session_id = ? AND num = ?", 1),
		"adopted|2026-11-23T08:00:00+04:00|-");
	refused(f, "adopt 1", "error: refused: R1 is adopted: only a draft or a recommendation under "
			      "discussion can be adopted");
	refused(f, "status 1 withdrawn", "error: refused: R1 cannot go from adopted to withdrawn");
	clock_set(1795406400 + 3600);
	testdb_is(f, "status 1 submitted", "ok R1 submitted");
	text_is(rec_text(f, "SELECT status || '|' || submitted_at FROM recommendation WHERE"
			    " session_id = ? AND num = ?", 1), "submitted|2026-11-23T09:00:00+04:00");
	refused(f, "status 1 adopted", "error: refused: R1 is submitted: only a draft or a "
				       "recommendation under discussion can be adopted");
	/* Draft straight to adoption, and withdrawal is final. */
	testdb_is(f, "adopt 2", "ok R2 adopted");
	testdb_is(f, "status 3 withdrawn", "ok R3 withdrawn");
	refused(f, "status 3 discussion", "error: refused: R3 cannot go from withdrawn to discussion");
	refused(f, "object 3 MDG", "error: refused: R3 is withdrawn: objections are closed");
	refused(f, "reserve 3 MDG \"x\"", "error: refused: R3 is withdrawn: reservations are closed");
	refused(f, "cosponsor 3 MDG", "error: refused: R3 is withdrawn: its co-sponsors can no longer change");
}

static void test_objections_and_reservations(void **state)
{
	struct testdb *f = *state;
	struct rec_party *p;
	size_t n;

	testdb_is(f, "rec+ MUS \"Santé\" \"Texte.\"", "ok recommendation 1");
	testdb_is(f, "reserve 1 MDG \"sur le financement\"", "ok R1 reservation MDG");
	testdb_is(f, "object 1 COM \"formulation\"", "ok R1 objection COM");
	testdb_is(f, "object 1 SYC", "ok R1 objection SYC");
	refused(f, "object 1 SYC", "error: no change: SYC already objects to R1");
	refused(f, "adopt 1", "error: refused: Comoros objects (formulation); Seychelles objects");
	/* A delegation that left the room no longer blocks. */
	testdb_set_present(f, "COM", 0);
	refused(f, "adopt 1", "error: refused: Seychelles objects");
	refused(f, "unobject 1 MUS", "error: MUS has no objection to R1");
	testdb_is(f, "unobject 1 SYC", "ok R1 objection SYC withdrawn");
	/* The reservation does not block; the absent objector's objection stays recorded. */
	testdb_is(f, "adopt 1", "ok R1 adopted");
	text_is(rec_text(f, "SELECT detail FROM journal WHERE session_id = ? AND event = 'adopt'"
			    " ORDER BY seq DESC LIMIT ?", 1), "R1 adopted: Santé (reservations: MDG)");
	assert_int_equal(recs_objections(f->app.db, f->app.session, 1, &p, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].code, "COM");
	assert_string_equal(p[0].name, "Comoros");
	assert_string_equal(p[0].reason, "formulation");
	assert_false(p[0].present);
	recs_parties_free(&p, n);
	assert_null(p);
	/* A reservation may still come once adopted; observers never. */
	testdb_is(f, "reserve 1 FRA", "ok R1 reservation FRA");
	testdb_is(f, "reserve 1 MDG \"sur le calendrier\"", "ok R1 reservation MDG");
	refused(f, "reserve 1 MDG \"sur le calendrier\"",
		"error: no change: MDG already has this reservation on R1");
	refused(f, "reserve 1 WHO \"x\"",
		"error: refused: WHO is an observer: drafting is the exclusive competence of member "
		"states (R5)");
	refused(f, "object 1 MDG", "error: refused: R1 is adopted: objections are closed");
	assert_int_equal(recs_reservations(f->app.db, f->app.session, 1, &p, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].code, "FRA");
	assert_string_equal(p[0].reason, "");
	assert_string_equal(p[1].code, "MDG");
	assert_string_equal(p[1].reason, "sur le calendrier");
	assert_true(p[1].present);
	recs_parties_free(&p, n);
	assert_int_equal(recs_reservations(f->app.db, f->app.session, 9, &p, &n), 1);
}

static void test_cosponsor(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "rec+ MUS \"T\" \"x\"", "ok recommendation 1");
	testdb_is(f, "cosponsor 1 MDG", "ok R1 cosponsor MDG");
	testdb_is(f, "cosponsor 1 FRA", "ok R1 cosponsor FRA");
	refused(f, "cosponsor 1 MDG", "error: MDG already co-sponsors R1");
	refused(f, "cosponsor 1 MUS", "error: MUS is the author of R1");
	refused(f, "cosponsor 1 SADC",
		"error: refused: SADC is an observer: drafting is the exclusive competence of member "
		"states (R5)");
	/* The triggers hold on any other path. */
	assert_int_equal(db_run(f->app.db, "INSERT INTO rec_cosponsor SELECT id, (SELECT id FROM"
				" delegation WHERE code = 'IOM') FROM recommendation", ""), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->app.db), "R5_OBSERVER"));
	assert_int_equal(db_run(f->app.db, "UPDATE recommendation SET author_id = (SELECT id FROM"
				" delegation WHERE code = 'ZAF')", ""), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->app.db), "R5_OBSERVER"));
}

static void test_rec_set(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "rec+ MUS \"T\" \"x\"", "ok recommendation 1");
	testdb_is(f, "rec= 1 theme midiocc_health", "ok R1 theme midiocc_health");
	testdb_is(f, "rec= 1 item 1", "ok R1 item 1");
	testdb_is(f, "rec= 1 title \"Nouveau titre\"", "ok R1 title Nouveau titre");
	text_is(rec_text(f, "SELECT t.code || '|' || i.num || '|' || r.title FROM recommendation r"
			    " JOIN theme t ON t.id = r.theme_id JOIN agenda_item i ON i.id = r.item_id"
			    " WHERE r.session_id = ? AND r.num = ?", 1), "midiocc_health|1|Nouveau titre");
	refused(f, "rec= 1 theme nowhere", "error: unknown theme nowhere");
	refused(f, "rec= 1 item 7", "error: no agenda item 7 in this session");
	refused(f, "rec= 1 colour red", "error: unknown field colour (theme, item or title)");
	refused(f, "rec= 1 title \"Nouveau titre\"", "error: no change");
	testdb_is(f, "rec= 1 theme -", "ok R1 theme -");
	testdb_is(f, "rec= 1 item -", "ok R1 item -");
	text_is(rec_text(f, "SELECT ifnull(theme_id, 'NULL') || ifnull(item_id, 'NULL') FROM"
			    " recommendation WHERE session_id = ? AND num = ?", 1), "NULLNULL");
}

/* ---- read access ---- */

static void test_list_and_get(void **state)
{
	struct testdb *f = *state;
	struct rec_row *r;
	struct rec_detail d;
	struct rec_version_info *v;
	char *fr, *en;
	size_t n;

	testdb_cmds(f, (const char *const[]){
		"rec+ MUS \"Un\" \"texte un\"", "rec+ MDG \"Deux\" \"texte deux\"",
		"rec+ COM \"Trois\" \"texte trois\"", "cosponsor 1 SYC", "cosponsor 1 COM",
		"rec= 1 theme midiocc_health", "rec= 3 theme midiocc_health",
		"amend 1 FRA \"texte un, amendé\" \"text one\"", "adopt 2", "object 3 MDG", NULL });
	assert_int_equal(recs_list(f->app.db, f->app.session, NULL, NULL, 0, 10, &r, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].num, 1);
	assert_string_equal(r[0].title, "Un");
	assert_string_equal(r[0].status, "draft");
	assert_string_equal(r[0].author, "MUS");
	assert_string_equal(r[0].cosponsors, "COM; SYC");
	assert_string_equal(r[0].theme, "midiocc_health");
	assert_int_equal(r[0].item, 2);
	assert_int_equal(r[0].versions, 2);
	assert_string_equal(r[1].cosponsors, "");
	assert_string_equal(r[1].theme, "");
	recs_list_free(&r, n);
	assert_int_equal(recs_list(f->app.db, f->app.session, "adopted", NULL, 0, 10, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].num, 2);
	recs_list_free(&r, n);
	assert_int_equal(recs_list(f->app.db, f->app.session, NULL, "midiocc_health", 1, 10, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].num, 3);
	recs_list_free(&r, n);
	assert_int_equal(recs_list(f->app.db, f->app.session, NULL, NULL, 1, 1, &r, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].num, 2);
	recs_list_free(&r, n);

	assert_int_equal(recs_get(f->app.db, f->app.session, 1, &d), 0);
	assert_string_equal(d.author_name, "Mauritius");
	assert_string_equal(d.theme_title, "Migration and health");
	assert_string_equal(d.item_title, "Rédaction");
	assert_int_equal(d.version, 2);
	assert_string_equal(d.text_fr, "texte un, amendé");
	assert_string_equal(d.text_en, "text one");
	assert_string_equal(d.version_by, "FRA");
	assert_string_equal(d.adopted_at, "");
	recs_detail_clear(&d);
	assert_int_equal(recs_get(f->app.db, f->app.session, 3, &d), 0);
	assert_int_equal(d.objections, 1);
	assert_int_equal(d.objections_present, 1);
	recs_detail_clear(&d);
	testdb_set_present(f, "MDG", 0);
	assert_int_equal(recs_get(f->app.db, f->app.session, 3, &d), 0);
	assert_int_equal(d.objections, 1);
	assert_int_equal(d.objections_present, 0);
	recs_detail_clear(&d);
	assert_int_equal(recs_get(f->app.db, f->app.session, 4, &d), 1);

	assert_int_equal(recs_versions(f->app.db, f->app.session, 1, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].version, 1);
	assert_string_equal(v[0].delegation, "MUS");
	assert_int_equal(v[1].len_fr, strlen("texte un, amendé"));
	assert_int_equal(v[1].len_en, 8);
	recs_versions_free(&v, n);
	assert_int_equal(recs_versions(f->app.db, f->app.session, 9, &v, &n), 1);
	assert_int_equal(recs_version_text(f->app.db, f->app.session, 1, 1, &fr, &en), 0);
	assert_string_equal(fr, "texte un");
	assert_string_equal(en, "");
	free(fr);
	free(en);
	assert_int_equal(recs_version_text(f->app.db, f->app.session, 1, 3, &fr, &en), 1);
	assert_null(fr);
}

/* ---- drafts ---- */

static void test_drafts(void **state)
{
	struct testdb *f = *state;
	long long journal = db_int(f->app.db, 0, "SELECT count(*) FROM journal", "");
	char *t;

	assert_null(recs_draft_load(f->app.db, "amend", f->app.session, 1));
	assert_false(db_in_transaction(f->app.db));
	assert_int_equal(recs_draft_save(f->app.db, "amend", f->app.session, 1, "Renforcer l"), DB_OK);
	assert_false(db_in_transaction(f->app.db));
	assert_int_equal(recs_draft_save(f->app.db, "amend", f->app.session, 1, "Renforcer la coopé"),
			 DB_OK);
	assert_int_equal(recs_draft_save(f->app.db, "rec", f->app.session, 0, "Autre"), DB_OK);
	t = recs_draft_load(f->app.db, "amend", f->app.session, 1);
	assert_string_equal(t, "Renforcer la coopé");
	free(t);
	/* Inside an open transaction the save joins it. */
	assert_int_equal(db_begin(f->app.db), DB_OK);
	assert_int_equal(recs_draft_save(f->app.db, "amend", f->app.session, 1, "annulé"), DB_OK);
	assert_true(db_in_transaction(f->app.db));
	db_rollback(f->app.db);
	t = recs_draft_load(f->app.db, "amend", f->app.session, 1);
	assert_string_equal(t, "Renforcer la coopé");
	free(t);
	assert_int_equal(recs_draft_clear(f->app.db, "amend", f->app.session, 1), DB_OK);
	assert_null(recs_draft_load(f->app.db, "amend", f->app.session, 1));
	t = recs_draft_load(f->app.db, "rec", f->app.session, 0);
	assert_string_equal(t, "Autre");
	free(t);
	assert_int_equal(db_int(f->app.db, 0, "SELECT count(*) FROM journal", ""), journal);
}

/* ---- word diff ---- */

/* The diff of a and b as "=run|-run|+run|…", after checking that the runs
 * rebuild both texts and that no two neighbours have the same kind. */
static char *diff_str(const char *a, const char *b, int want_rc)
{
	static const char mark[] = { '=', '-', '+' };
	struct diff_op *ops;
	size_t n, len = 1;
	char *s, *ra, *rb;
	size_t la = 0, lb = 0;

	assert_int_equal(recs_diff_words(a, b, &ops, &n), want_rc);
	for (size_t i = 0; i < n; i++)
		len += ops[i].len + 2;
	s = xcalloc(len, 1);
	ra = xcalloc(strlen(a) + 1, 1);
	rb = xcalloc(strlen(b) + 1, 1);
	for (size_t i = 0; i < n; i++) {
		assert_true(ops[i].len > 0);
		/* Neighbours differ in kind; a delete comes before its insert. */
		if (i)
			assert_true(ops[i].kind != ops[i - 1].kind &&
				    !(ops[i - 1].kind == DIFF_INSERT && ops[i].kind == DIFF_DELETE));
		if (ops[i].kind != DIFF_INSERT) {
			assert_true(la + ops[i].len <= strlen(a));
			memcpy(ra + la, ops[i].text, ops[i].len);
			la += ops[i].len;
		}
		if (ops[i].kind != DIFF_DELETE) {
			assert_true(lb + ops[i].len <= strlen(b));
			memcpy(rb + lb, ops[i].text, ops[i].len);
			lb += ops[i].len;
		}
		if (i)
			strcat(s, "|");
		strncat(s, &mark[ops[i].kind], 1);
		strncat(s, ops[i].text, ops[i].len);
	}
	assert_string_equal(ra, a);
	assert_string_equal(rb, b);
	free(ra);
	free(rb);
	free(ops);
	return s;
}

static void diff_is(const char *a, const char *b, const char *want)
{
	char *got = diff_str(a, b, 0);

	if (strcmp(got, want) != 0)
		fail_msg("diff of \"%s\" and \"%s\"\n  got:  %s\n  want: %s", a, b, got, want);
	free(got);
}

static void test_diff_words(void **state)
{
	(void)state;
	/* Equal, insert, delete, replace. */
	diff_is("la santé des migrants", "la santé des migrants", "=la santé des migrants");
	diff_is("la santé des migrants", "la santé de tous les migrants",
		"=la santé |-des|+de tous les|= migrants");
	diff_is("renforcer la coopération régionale", "renforcer la coopération",
		"=renforcer la coopération|- régionale");
	diff_is("renforcer la coopération", "renforcer la coopération régionale",
		"=renforcer la coopération|+ régionale");
	diff_is("Les États membres", "Tous les États membres", "-Les|+Tous les|= États membres");
	diff_is("un deux trois", "quatre cinq six", "-un deux trois|+quatre cinq six");
	/* Accents: words differing by one accented character are one change,
	 * and no UTF-8 sequence is split. */
	diff_is("élaborer une stratégie", "élaborer une stratègie",
		"=élaborer une |-stratégie|+stratègie");
	diff_is("« Voix de migrants »", "« Voix des migrants »", "=« Voix |-de|+des|= migrants »");
	/* White space is kept exactly: a changed gap is a change. */
	diff_is("a  b", "a b", "=a|- |= b");
	diff_is("a b", "a\tb", "=a|- |+\t|=b");
	diff_is("ligne un\nligne deux", "ligne un\nligne trois\n",
		"=ligne un\nligne |-deux|+trois\n");
	diff_is("  début", "début", "-  |=début");
	/* Moves show as a delete and an insert around the common words. */
	diff_is("A B C D", "B C D A", "-A |=B C D|+ A");
	/* Empty texts. */
	diff_is("", "", "");
	diff_is("", "nouveau texte", "+nouveau texte");
	diff_is("ancien texte", "", "-ancien texte");
	{
		struct diff_op *ops;
		size_t n;

		assert_int_equal(recs_diff_words(NULL, NULL, &ops, &n), 0);
		assert_int_equal(n, 0);
		free(ops);
	}
}

/* Above RECS_DIFF_MAX_WORDS changed words the middle is one replacement,
 * between the common head and tail. */
static void test_diff_fallback(void **state)
{
	size_t words = RECS_DIFF_MAX_WORDS + 10, cap = words * 8 + 64;
	char *a = xcalloc(cap, 1), *b = xcalloc(cap, 1), *got, *want;
	size_t la = 0, lb = 0;

	(void)state;
	la += (size_t)str_printf(a + la, cap - la, "Début ");
	lb += (size_t)str_printf(b + lb, cap - lb, "Début ");
	for (size_t i = 0; i < words; i++) {
		la += (size_t)str_printf(a + la, cap - la, "a%zu ", i % 100);
		lb += (size_t)str_printf(b + lb, cap - lb, "b%zu ", i % 100);
	}
	str_printf(a + la, cap - la, "fin.");
	str_printf(b + lb, cap - lb, "fin.");
	got = diff_str(a, b, 1);
	/* The space before "fin." is common to both and stays outside. */
	want = xasprintf("=Début |-%.*s|+%.*s|= fin.", (int)(la - 8), a + 7, (int)(lb - 8), b + 7);
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* Just under the bound, the same texts get a word diff. */
	a[0] = b[0] = '\0';
	la = lb = 0;
	for (size_t i = 0; i < RECS_DIFF_MAX_WORDS; i++) {
		la += (size_t)str_printf(a + la, cap - la, "%s%zu", i ? " " : "", i);
		lb += (size_t)str_printf(b + lb, cap - lb, i % 7 ? "%s%zu" : "%sx%zu", i ? " " : "", i);
	}
	got = diff_str(a, b, 0);
	assert_non_null(strstr(got, "|-7|+x7|= 8 9 10 11 12 13 |-14|+x14|= 15 "));
	free(got);
	free(a);
	free(b);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, testdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_rec_add),
		T(test_amend_versions),
		T(test_status_transitions),
		T(test_objections_and_reservations),
		T(test_cosponsor),
		T(test_rec_set),
		T(test_list_and_get),
		T(test_drafts),
		cmocka_unit_test(test_diff_words),
		cmocka_unit_test(test_diff_fallback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
