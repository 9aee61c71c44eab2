/*
 * test_themes.c — cmocka tests of src/themes.c (R6) on a real SQLite file:
 * the fixtures loaded as `init` does (DiMOI: COM FRA MDG MUS SYC members,
 * ZAF an observer state, IOM an observer organisation), one open session
 * whose delegates are inserted directly, commands run through
 * command_exec(). Covers the answers of propose (catalogue code, French
 * and English titles, free titles, proposers), the consensus through
 * select (absent member states do not block, an objection blocks, leaving
 * the room lifts the block, nobody supporting, several objectors, the
 * majority rule), the places per target, the next-theme row, merge
 * (origins, merged_into, positions not carried), positions (none deletes,
 * closed proposals), R5 for observers (message and trigger), that
 * refusals change nothing, and the read access of themes.h.
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
#include "themes.h"
#include "util.h"
#include "testdb.h"

static int setup(void **state)
{
	struct testdb *f = xcalloc(1, sizeof *f);

	testdb_open(f, "themes");
	testdb_add_session(f);
	testdb_add_delegate(f, "COM", "Fatima Said Abdallah");
	testdb_add_delegate(f, "FRA", "Claire Payet");
	testdb_add_delegate(f, "MDG", "Haingo Rakotomalala");
	testdb_add_delegate(f, "MDG", "Tiana Randriamanana");
	testdb_add_delegate(f, "MUS", "Priya Ramdin");
	testdb_add_delegate(f, "SYC", "Bernard Morel");
	testdb_add_delegate(f, "IOM", "Sofia Marchetti");
	testdb_add_delegate(f, "ZAF", "Lerato Dlamini");
	clock_set(1795406400); /* 2026-11-23T08:00:00+04:00 */
	*state = f;
	return 0;
}

/* Everything a refused theme command could have touched, as one text. */
static char *snapshot(struct testdb *f)
{
	return db_text(f->app.db,
		       "SELECT (SELECT count(*) FROM journal) || '|' || ifnull((SELECT group_concat("
		       "num || ',' || target || ',' || ifnull(theme_id, '-') || ',' || title || ','"
		       " || proposer_kind || ',' || ifnull(proposer_id, '-') || ',' || status || ','"
		       " || ifnull(merged_into, '-') || ',' || origins, ';') FROM (SELECT * FROM"
		       " proposal ORDER BY id)), '') || '|' || ifnull((SELECT group_concat("
		       "proposal_id || ',' || delegation_id || ',' || stance, ';') FROM (SELECT *"
		       " FROM position ORDER BY 1, 2)), '') || '|' || ifnull((SELECT group_concat("
		       "from_session || ',' || ifnull(theme_id, '-') || ',' || title, ';') FROM"
		       " next_theme), '')", "");
}

static void refused(struct testdb *f, const char *line, const char *want)
{
	testdb_refused(f, snapshot, line, want);
}

static long long qint(struct testdb *f, const char *sql, long long num)
{
	return db_int(f->app.db, -1, sql, "ii", f->app.session, num);
}

static char *qtext(struct testdb *f, const char *sql, long long num)
{
	return db_text(f->app.db, sql, "ii", f->app.session, num);
}

static void text_is(char *got, const char *want)
{
	if (!got || strcmp(got, want) != 0)
		fail_msg("got %s, want %s", got ? got : "(null)", want);
	free(got);
}

/* ---- propose ---- */

static void test_propose_answers(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "propose workshop midiocc_health", "ok proposal 1");
	text_is(qtext(f, "SELECT title || '|' || proposer_kind || '|' || (SELECT code FROM theme"
			 " WHERE id = theme_id) FROM proposal WHERE session_id = ? AND num = ?", 1),
		"Migration et santé|secretariat|midiocc_health");
	/* The same theme by its English title is a duplicate on that target. */
	refused(f, "propose workshop \"Migration and health\"", "error: already proposed as P1");
	/* … but not on the other target; the English title finds the theme. */
	testdb_is(f, "propose next \"Migration and health\" MUS", "ok proposal 2");
	text_is(qtext(f, "SELECT title || '|' || proposer_kind || '|' || (SELECT code FROM"
			 " delegation WHERE id = proposer_id) || '|' || (SELECT code FROM theme WHERE"
			 " id = theme_id) FROM proposal WHERE session_id = ? AND num = ?", 2),
		"Migration and health|member|MUS|midiocc_health");
	testdb_is(f, "propose workshop \"Santé et migration\" ctp", "ok proposal 3");
	text_is(qtext(f, "SELECT proposer_kind || '|' || (SELECT code FROM theme WHERE id = theme_id)"
			 " FROM proposal WHERE session_id = ? AND num = ?", 3), "ctp|idm2004_1");
	testdb_is(f, "propose workshop \"Économie bleue et mobilité\" secretariat", "ok proposal 4");
	assert_int_equal(qint(f, "SELECT theme_id IS NULL FROM proposal WHERE session_id = ?"
				 " AND num = ?", 4), 1);
	/* Codes are case-insensitive, the answer names the canonical code. */
	testdb_is(f, "propose next \"Autre thème\" mdg", "ok proposal 5");
	assert_int_equal(qint(f, "SELECT count(*) FROM journal WHERE session_id = ? AND event ="
				 " 'propose' AND delegation = 'MDG' AND ? > 0", 1), 1);
	refused(f, "propose plenary midiocc_health", "error: unknown target plenary (workshop or next)");
	refused(f, "propose workshop \"\"", "error: a theme code or title is required");
	refused(f, "propose workshop \"Autre\" XYZ", "error: unknown delegation XYZ");
}

static void test_propose_observer_refused(void **state)
{
	struct testdb *f = *state;

	refused(f, "propose workshop midiocc_climate IOM",
		"error: IOM is an observer: only member states propose themes (R6)");
	refused(f, "propose next \"Un thème\" UNHCR",
		"error: UNHCR is an observer: only member states propose themes (R6)");
	refused(f, "propose next \"Un thème\" ZAF",
		"error: ZAF is an observer: only member states propose themes (R6)");
	/* The trigger refuses it on any other path. */
	assert_int_equal(db_run(f->app.db, "INSERT INTO proposal (session_id, num, target, title,"
				" proposer_kind, proposer_id, created_at) VALUES (?, 9, 'next', 'x',"
				" 'member', (SELECT id FROM delegation WHERE code = 'IOM'), 'now')", "i",
				f->app.session), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->app.db), "R5_OBSERVER"));
	assert_int_equal(qint(f, "SELECT count(*) FROM proposal WHERE session_id = ? AND ? > 0", 1), 0);
}

/* ---- consensus through select ---- */

static void test_select_consensus(void **state)
{
	struct testdb *f = *state;
	static const char *const setup_cmds[] = {
		"propose workshop midiocc_health", "propose workshop midiocc_climate",
		"position 1 MUS support", "position 1 MDG object", NULL,
	};

	testdb_cmds(f, setup_cmds);
	refused(f, "select 1", "error: refused: Madagascar objects");
	/* One Malagasy delegate leaving is not enough … */
	assert_int_equal(db_run(f->app.db, "UPDATE delegate SET present = 0 WHERE name ="
				" 'Haingo Rakotomalala'", ""), DB_OK);
	refused(f, "select P1", "error: refused: Madagascar objects");
	/* … the whole delegation leaving the room lifts its block. */
	testdb_set_present(f, "MDG", 0);
	testdb_is(f, "select P1", "ok P1 selected");
	assert_int_equal(qint(f, "SELECT status = 'selected' FROM proposal WHERE session_id = ?"
				 " AND num = ?", 1), 1);
	refused(f, "select 1", "error: P1 is no longer open (selected)");
	refused(f, "propose workshop midiocc_health", "error: already proposed as P1");
	/* Nobody supports P2; abstentions are not support. */
	refused(f, "select 2", "error: refused: no member state supports it yet");
	testdb_is(f, "position 2 COM abstain", "ok P2 COM abstain");
	refused(f, "select 2", "error: refused: no member state supports it yet");
	/* Two present objectors are both named. */
	testdb_set_present(f, "MDG", 1);
	testdb_cmds(f, (const char *const[]){
		"position 2 SYC support", "position 2 COM object", "position 2 MDG object", NULL });
	refused(f, "select 2", "error: refused: Comoros, Madagascar object");
	refused(f, "select 7", "error: no proposal P7 in this session");
}

static void test_select_absent_do_not_block(void **state)
{
	struct testdb *f = *state;

	/* An absent member state's objection counts for nothing. */
	testdb_set_present(f, "SYC", 0);
	testdb_cmds(f, (const char *const[]){
		"propose next midiocc_data", "position 1 SYC object", "position 1 FRA support",
		NULL });
	testdb_is(f, "select 1", "ok P1 selected");
}

static void test_select_majority(void **state)
{
	struct testdb *f = *state;

	assert_int_equal(db_run(f->app.db, "UPDATE session SET decision_rule = 'majority',"
				" workshop_places = 3 WHERE id = ?", "i", f->app.session), DB_OK);
	testdb_cmds(f, (const char *const[]){
		"propose workshop midiocc_health", "position 1 COM support",
		"position 1 MUS support", "position 1 MDG object", NULL });
	refused(f, "select 1", "error: refused: no majority (2 of 5 member states present support it)");
	testdb_is(f, "position 1 FRA support", "ok P1 FRA support");
	/* 3 of 5 despite an objection: the majority rule does not need consensus. */
	testdb_is(f, "select 1", "ok P1 selected");
	/* 2 of 4 present is a tie: not a majority. */
	testdb_set_present(f, "SYC", 0);
	testdb_cmds(f, (const char *const[]){
		"propose workshop midiocc_climate", "position 2 COM support",
		"position 2 MUS support", NULL });
	refused(f, "select 2", "error: refused: no majority (2 of 4 member states present support it)");
}

static void test_places(void **state)
{
	struct testdb *f = *state;

	testdb_cmds(f, (const char *const[]){
		"propose workshop midiocc_health", "propose workshop midiocc_climate",
		"propose workshop midiocc_data", "position 1 MUS support", "position 2 MUS support",
		"position 3 MUS support", "select 1", "select 2", NULL });
	refused(f, "select 3", "error: refused: the places for the workshops are filled (2 of 2)");
	/* Another target has its own places. */
	testdb_cmds(f, (const char *const[]){
		"propose next midiocc_borders", "propose next midiocc_sids",
		"position 4 COM support", "position 5 COM support", NULL });
	testdb_is(f, "select 4", "ok P4 selected");
	refused(f, "select 5", "error: refused: the places for the next meeting's theme are filled (1 of 1)");
}

static void test_next_theme_row(void **state)
{
	struct testdb *f = *state;

	assert_int_equal(db_run(f->app.db, "UPDATE session SET next_places = 2 WHERE id = ?", "i",
				f->app.session), DB_OK);
	testdb_cmds(f, (const char *const[]){
		"propose next midiocc_borders", "propose next \"Thème libre\"",
		"propose workshop midiocc_data", "position 1 MUS support", "position 2 MUS support",
		"position 3 MUS support", NULL });
	testdb_is(f, "select 3", "ok P3 selected");
	assert_int_equal(qint(f, "SELECT count(*) FROM next_theme WHERE ? > 0 AND ? > 0", 1), 0);
	testdb_is(f, "select 1", "ok P1 selected");
	text_is(qtext(f, "SELECT process_id || '|' || (SELECT code FROM theme WHERE id = theme_id)"
			 " || '|' || title || '|' || ifnull(used_by, 'NULL') FROM next_theme"
			 " WHERE from_session = ? AND ? > 0", 1),
		"1|midiocc_borders|Gestion intégrée des frontières|NULL");
	/* A second selection for the next meeting replaces the row. */
	assert_int_equal(db_run(f->app.db, "UPDATE next_theme SET used_by = ?", "i", f->app.session),
			 DB_OK);
	testdb_is(f, "select 2", "ok P2 selected");
	text_is(qtext(f, "SELECT count(*) || '|' || ifnull(max(theme_id), 'NULL') || '|' || max(title)"
			 " || '|' || ifnull(max(used_by), 'NULL') FROM next_theme WHERE from_session = ?"
			 " AND ? > 0", 1), "1|NULL|Thème libre|NULL");
}

/* ---- reject, merge, position ---- */

static void test_reject(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "propose workshop midiocc_health", "ok proposal 1");
	testdb_is(f, "reject 1", "ok P1 rejected");
	refused(f, "reject 1", "error: P1 is no longer open (rejected)");
	refused(f, "position 1 MUS support", "error: P1 is no longer open (rejected)");
	refused(f, "select 1", "error: P1 is no longer open (rejected)");
	/* A rejected theme may be proposed again. */
	testdb_is(f, "propose workshop midiocc_health", "ok proposal 2");
}

static void test_merge(void **state)
{
	struct testdb *f = *state;

	testdb_cmds(f, (const char *const[]){
		"propose workshop midiocc_health", "propose workshop \"Voix de migrants\"",
		"propose next midiocc_data", "position 1 MUS support", "position 2 COM object",
		NULL });
	refused(f, "merge 1 3", "error: P1 and P3 have different targets (workshop, next)");
	refused(f, "merge 1 1", "error: cannot merge P1 with itself");
	refused(f, "merge 1 9", "error: no proposal P9 in this session");
	refused(f, "merge 1 2 \"\"", "error: the title of the merged proposal is empty");
	testdb_is(f, "merge 1 2", "ok proposal 4");
	/* The catalogue theme of P1 (and so its R4 categories) is kept. */
	text_is(qtext(f, "SELECT target || '|' || title || '|' || origins || '|' || status || '|'"
			 " || ifnull((SELECT code FROM theme WHERE id = theme_id), 'NULL') || '|'"
			 " || proposer_kind FROM proposal WHERE session_id = ? AND num = ?", 4),
		"workshop|Migration et santé + Voix de migrants|P1; P2|open|midiocc_health|secretariat");
	text_is(qtext(f, "SELECT group_concat(p.num || ':' || p.status || ':' || m.num, ' ') FROM"
			 " proposal p JOIN proposal m ON m.id = p.merged_into WHERE p.session_id = ?"
			 " AND ? > 0", 1), "1:merged:4 2:merged:4");
	/* Positions stated on one proposal only are not carried over. */
	assert_int_equal(qint(f, "SELECT count(*) FROM position WHERE proposal_id = (SELECT id FROM"
				 " proposal WHERE session_id = ? AND num = ?)", 4), 0);
	assert_int_equal(qint(f, "SELECT count(*) FROM position JOIN proposal p ON p.id ="
				 " proposal_id WHERE p.session_id = ? AND p.num < ?", 3), 2);
	refused(f, "merge 1 4", "error: P1 is no longer open (merged)");
	refused(f, "position 1 MUS abstain", "error: P1 is no longer open (merged)");
	/* A merged proposal merges again, under a title of the meeting's choice. */
	testdb_is(f, "propose workshop midiocc_climate", "ok proposal 5");
	testdb_is(f, "merge P4 P5 \"Santé, climat et voix de migrants\"", "ok proposal 6");
	text_is(qtext(f, "SELECT title || '|' || origins FROM proposal WHERE session_id = ?"
			 " AND num = ?", 6), "Santé, climat et voix de migrants|P4; P5");
	testdb_cmds(f, (const char *const[]){ "position 6 MUS support", NULL });
	testdb_is(f, "select 6", "ok P6 selected");
}

static void test_position(void **state)
{
	struct testdb *f = *state;

	testdb_is(f, "propose workshop midiocc_health", "ok proposal 1");
	testdb_is(f, "position 1 MUS support", "ok P1 MUS support");
	testdb_is(f, "position P1 mus object", "ok P1 MUS object");
	assert_int_equal(qint(f, "SELECT count(*) FROM position WHERE proposal_id = (SELECT id FROM"
				 " proposal WHERE session_id = ? AND num = ?) AND stance = 'object'", 1), 1);
	text_is(qtext(f, "SELECT before || '>' || after FROM journal WHERE session_id = ? AND"
			 " event = 'position' AND ? > 0 ORDER BY seq DESC LIMIT 1", 1),
		"P1 MUS support>P1 MUS object");
	testdb_is(f, "position 1 MUS none", "ok P1 MUS none");
	assert_int_equal(qint(f, "SELECT count(*) FROM position JOIN proposal p ON p.id ="
				 " proposal_id WHERE p.session_id = ? AND p.num = ?", 1), 0);
	refused(f, "position 1 MUS none", "error: MUS has stated no position on P1");
	refused(f, "position 1 MUS maybe",
		"error: unknown position maybe (support, object, abstain or none)");
	refused(f, "position 1 IOM support",
		"error: IOM is an observer: only member states state positions (R6)");
	refused(f, "position 1 KEN object",
		"error: KEN is an observer: only member states state positions (R6)");
	refused(f, "position 2 MUS support", "error: no proposal P2 in this session");
	refused(f, "position x MUS support", "error: proposal: not a number: x");
	/* The trigger refuses an observer's position on any other path. */
	assert_int_equal(db_run(f->app.db, "INSERT INTO position (proposal_id, delegation_id, stance,"
				" at) SELECT id, (SELECT id FROM delegation WHERE code = 'UNHCR'),"
				" 'support', 'now' FROM proposal WHERE session_id = ?", "i",
				f->app.session), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(f->app.db), "R5_OBSERVER"));
}

/* ---- read access ---- */

static void test_catalogue(void **state)
{
	struct testdb *f = *state;
	struct theme_entry *t;
	struct theme_category *c;
	size_t n, total = 0;
	long long last = 0;

	/* Every theme, read in pages of 10 without repetition. */
	do {
		assert_int_equal(themes_catalogue(f->app.db, NULL, NULL, last, 10, &t, &n), 0);
		for (size_t i = 0; i < n; i++)
			assert_true(t[i].id > last && (i == 0 || t[i].id > t[i - 1].id));
		if (n)
			last = t[n - 1].id;
		total += n;
		themes_catalogue_free(&t, n);
		assert_null(t);
	} while (n == 10);
	assert_int_equal(total, db_int(f->app.db, 0, "SELECT count(*) FROM theme", ""));
	/* By source and text, in either language, case-insensitive. */
	assert_int_equal(themes_catalogue(f->app.db, "midiocc", "HEALTH", 0, 50, &t, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(t[0].code, "midiocc_health");
	assert_string_equal(t[0].title_fr, "Migration et santé");
	assert_int_equal(t[0].year, 0);
	themes_catalogue_free(&t, n);
	assert_int_equal(themes_catalogue(f->app.db, "idm", "santé", 0, 50, &t, &n), 0);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(t[i].source, "idm");
		assert_true(t[i].year >= 2001);
	}
	themes_catalogue_free(&t, n);
	/* LIKE wildcards in the text are literal. */
	assert_int_equal(themes_catalogue(f->app.db, NULL, "%", 0, 50, &t, &n), 0);
	assert_int_equal(n, 0);
	themes_catalogue_free(&t, n);
	assert_int_equal(themes_catalogue(f->app.db, NULL, "midiocc_", 0, 50, &t, &n), 0);
	assert_int_equal(n, db_int(f->app.db, 0, "SELECT count(*) FROM theme WHERE source = 'midiocc'", ""));
	themes_catalogue_free(&t, n);
	/* Categories linked to a theme. */
	assert_int_equal(themes_categories(f->app.db, db_int(f->app.db, 0, "SELECT id FROM theme WHERE"
				" code = 'midiocc_borders'", ""), &c, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].code, "interior");
	assert_string_equal(c[1].code, "security");
	themes_categories_free(&c, n);
}

static void test_proposals_and_grid(void **state)
{
	struct testdb *f = *state;
	struct proposal_info *p, one;
	struct theme_grid g;
	size_t n;

	testdb_set_present(f, "SYC", 0);
	testdb_cmds(f, (const char *const[]){
		"propose workshop midiocc_health MUS", "propose next midiocc_data ctp",
		"propose workshop \"Voix de migrants\"", "position 1 MUS support",
		"position 1 COM support", "position 1 FRA abstain", "position 1 SYC object",
		"position 3 MDG object", "position 3 COM object", "position 3 MUS support", NULL });
	assert_int_equal(themes_view_proposals(f->app.db, f->app.session, "workshop", 0, 10, &p, &n),
			 0);
	assert_int_equal(n, 2);
	assert_int_equal(p[0].num, 1);
	assert_string_equal(p[0].proposer, "MUS");
	assert_string_equal(p[0].theme_code, "midiocc_health");
	/* SYC is absent: its objection is not counted. */
	assert_int_equal(p[0].outcome.support, 2);
	assert_int_equal(p[0].outcome.abstain, 1);
	assert_int_equal(p[0].outcome.object, 0);
	assert_int_equal(p[0].outcome.present, 4);
	assert_true(p[0].outcome.reached);
	assert_string_equal(p[0].objectors, "");
	assert_int_equal(p[1].num, 3);
	assert_string_equal(p[1].proposer, "secretariat");
	assert_string_equal(p[1].theme_code, "");
	assert_false(p[1].outcome.reached);
	assert_int_equal(p[1].outcome.blocking, 2);
	assert_string_equal(p[1].objectors, "Comoros, Madagascar");
	themes_proposals_free(&p, n);
	/* Paging by list index: the second row of the workshops, one at a
	 * time; the other target has its own list. */
	assert_int_equal(themes_view_proposals(f->app.db, f->app.session, "workshop", 1, 1, &p, &n),
			 0);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].num, 3);
	themes_proposals_free(&p, n);
	assert_int_equal(themes_view_proposals(f->app.db, f->app.session, "next", 0, 1, &p, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].num, 2);
	assert_string_equal(p[0].proposer, "ctp");
	assert_string_equal(p[0].target, "next");
	themes_proposals_free(&p, n);
	assert_int_equal(themes_proposal_get(f->app.db, f->app.session, 9, &one), 1);
	testdb_is(f, "merge 1 3", "ok proposal 4");
	assert_int_equal(themes_proposal_get(f->app.db, f->app.session, 1, &one), 0);
	assert_string_equal(one.status, "merged");
	assert_int_equal(one.merged_into, 4);
	themes_proposal_clear(&one);
	assert_int_equal(themes_proposal_get(f->app.db, f->app.session, 4, &one), 0);
	assert_string_equal(one.origins, "P1; P3");
	assert_int_equal(one.outcome.present, 4);
	/* MUS supported both P1 and P3: the merge keeps that position. */
	assert_int_equal(one.outcome.support, 1);
	assert_int_equal(one.outcome.none, 3);
	themes_proposal_clear(&one);

	testdb_is(f, "position 4 MDG support", "ok P4 MDG support");
	/* The grid of the proposals shown, as the screen reads it. */
	assert_int_equal(themes_view_proposals(f->app.db, f->app.session, "workshop", 0, 10, &p, &n),
			 0);
	assert_int_equal(themes_view_grid(f->app.db, f->app.session, p, n, &g), 0);
	themes_proposals_free(&p, n);
	assert_int_equal(g.n_members, 5);
	assert_int_equal(g.n_proposals, 1);           /* P1 and P3 are merged */
	assert_int_equal(g.proposals[0], 4);
	assert_string_equal(g.members[2].code, "MDG");
	assert_string_equal(g.members[2].name, "Madagascar");
	assert_true(g.members[2].present);
	assert_false(g.members[4].present);           /* SYC */
	assert_int_equal(g.cells[2 * g.n_proposals + 0], ST_SUPPORT);
	assert_int_equal(g.cells[0 * g.n_proposals + 0], ST_NONE);
	themes_grid_free(&g);
	assert_int_equal(themes_view_proposals(f->app.db, f->app.session, "next", 0, 10, &p, &n), 0);
	assert_int_equal(themes_view_grid(f->app.db, f->app.session, p, n, &g), 0);
	themes_proposals_free(&p, n);
	assert_int_equal(g.n_proposals, 1);
	assert_int_equal(g.proposals[0], 2);
	themes_grid_free(&g);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, testdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_propose_answers),
		T(test_propose_observer_refused),
		T(test_select_consensus),
		T(test_select_absent_do_not_block),
		T(test_select_majority),
		T(test_places),
		T(test_next_theme_row),
		T(test_reject),
		T(test_merge),
		T(test_position),
		T(test_catalogue),
		T(test_proposals_and_grid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
