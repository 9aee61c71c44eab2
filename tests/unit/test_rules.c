/*
 * test_rules.c — cmocka unit tests of src/rules.c: the R2–R8 domain rules on
 * plain structs. Every branch of rules.c is reached; each test asserts the
 * exact values a rule must give, so a wrong rule fails here. The ranks and
 * category codes below mimic the fixtures (larger rank = more senior).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "rules.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Ranks as in the fixtures' level scale. */
enum { RK_OFFICER = 1, RK_DEPUTY = 2, RK_DIRECTOR = 3, RK_SECGEN = 4, RK_MINISTER = 5 };

static const char *const core[] = { "interior", "foreign", "cooperation", "labour" };

/* ---- R3 delegation types ---- */

static void test_deleg_type_codes(void **state)
{
	(void)state;
	assert_int_equal(rules_deleg_type("member"), DT_MEMBER);
	assert_int_equal(rules_deleg_type("observer_state"), DT_OBSERVER_STATE);
	assert_int_equal(rules_deleg_type("observer_org"), DT_OBSERVER_ORG);
	assert_int_equal(rules_deleg_type("observer"), DT_INVALID);
	assert_int_equal(rules_deleg_type("Member"), DT_INVALID);
	assert_int_equal(rules_deleg_type(""), DT_INVALID);
	assert_int_equal(rules_deleg_type(NULL), DT_INVALID);
	assert_string_equal(rules_deleg_type_code(DT_MEMBER), "member");
	assert_string_equal(rules_deleg_type_code(DT_OBSERVER_STATE), "observer_state");
	assert_string_equal(rules_deleg_type_code(DT_OBSERVER_ORG), "observer_org");
	assert_string_equal(rules_deleg_type_code(DT_INVALID), "?");
	assert_string_equal(rules_deleg_type_code((enum deleg_type)42), "?");
	assert_string_equal(rules_deleg_type_code((enum deleg_type)-1), "?");
}

/* ---- R4 delegation-level check ---- */

static struct r4_outcome check(const struct r4_delegate *d, size_t n)
{
	return rules_check_r4(d, n, RK_DIRECTOR, core, N(core));
}

static void test_r4_no_delegates(void **state)
{
	(void)state;
	struct r4_outcome o = rules_check_r4(NULL, 0, RK_DIRECTOR, core, N(core));
	assert_int_equal(o.result, R4_ABSENT);
	assert_true(o.no_head);
	assert_false(o.many_heads);
	assert_int_equal(o.n_delegates, 0);
	assert_int_equal(o.n_present, 0);
	assert_int_equal(o.best_rank, -1);
	assert_int_equal(o.best_competent_rank, -1);
}

static void test_r4_all_absent(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Ministre", RK_MINISTER, "interior", false, true },
		{ "Directeur", RK_DIRECTOR, "foreign", false, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_ABSENT);
	assert_false(o.no_head);          /* an absent head still counts */
	assert_false(o.many_heads);
	assert_int_equal(o.n_delegates, 2);
	assert_int_equal(o.n_present, 0);
	assert_int_equal(o.best_rank, -1);
	assert_int_equal(o.best_competent_rank, -1);
}

static void test_r4_ok_rank_exactly_min(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Directeur", RK_DIRECTOR, "interior", true, true },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_OK);
	assert_false(o.no_head);
	assert_false(o.many_heads);
	assert_int_equal(o.n_delegates, 1);
	assert_int_equal(o.n_present, 1);
	assert_int_equal(o.best_rank, RK_DIRECTOR);
	assert_int_equal(o.best_competent_rank, RK_DIRECTOR);
}

static void test_r4_level_one_below_min(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Adjoint", RK_DEPUTY, "interior", true, true },
		{ "Chargé", RK_OFFICER, "culture", true, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_LEVEL);
	assert_int_equal(o.n_present, 2);
	assert_int_equal(o.best_rank, RK_DEPUTY);
	assert_int_equal(o.best_competent_rank, RK_DEPUTY);
}

static void test_r4_entity_at_level_not_competent(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Ambassadeur", RK_MINISTER, "culture", true, true },
		{ "Sans entité", RK_SECGEN, NULL, true, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_ENTITY);
	assert_int_equal(o.best_rank, RK_MINISTER);
	assert_int_equal(o.best_competent_rank, -1);
}

/* A competent delegate below the level and a senior one from elsewhere:
 * nobody is both, so ENTITY (someone is at the level). */
static void test_r4_entity_split_level_and_competence(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Directeur culture", RK_DIRECTOR, "culture", true, true },
		{ "Adjoint intérieur", RK_DEPUTY, "interior", true, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_ENTITY);
	assert_int_equal(o.best_rank, RK_DIRECTOR);
	assert_int_equal(o.best_competent_rank, RK_DEPUTY);
}

/* The competent delegate need not be the most senior one. */
static void test_r4_ok_not_best_rank(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Ministre culture", RK_MINISTER, "culture", true, false },
		{ "SG travail", RK_SECGEN, "labour", true, true },
		{ "Chargé AE", RK_OFFICER, "foreign", true, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_OK);
	assert_int_equal(o.n_present, 3);
	assert_int_equal(o.best_rank, RK_MINISTER);
	assert_int_equal(o.best_competent_rank, RK_SECGEN);
}

/* An absent qualified delegate does not make the delegation OK. */
static void test_r4_absent_qualified_ignored(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Ministre", RK_MINISTER, "interior", false, true },
		{ "Chargé", RK_OFFICER, "interior", true, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_LEVEL);
	assert_int_equal(o.n_delegates, 2);
	assert_int_equal(o.n_present, 1);
	assert_int_equal(o.best_rank, RK_OFFICER);
	assert_int_equal(o.best_competent_rank, RK_OFFICER);
	assert_false(o.no_head);
}

/* The check is live: the same array gives another result once a delegate
 * arrives or leaves. */
static void test_r4_presence_flip(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "Chargé", RK_OFFICER, "interior", true, false },
		{ "Directeur", RK_DIRECTOR, "foreign", false, true },
	};
	assert_int_equal(check(d, N(d)).result, R4_LEVEL);
	d[1].present = true;
	struct r4_outcome o = check(d, N(d));
	assert_int_equal(o.result, R4_OK);
	assert_int_equal(o.n_present, 2);
	assert_int_equal(o.best_rank, RK_DIRECTOR);
	d[0].present = false;
	d[1].present = false;
	o = check(d, N(d));
	assert_int_equal(o.result, R4_ABSENT);
	assert_int_equal(o.best_rank, -1);
	d[1].present = true;
	assert_int_equal(check(d, N(d)).result, R4_OK);
}

static void test_r4_heads(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "A", RK_DIRECTOR, "interior", true, false },
		{ "B", RK_DIRECTOR, "foreign", true, false },
		{ "C", RK_OFFICER, "labour", false, false },
	};
	struct r4_outcome o = check(d, N(d));
	assert_true(o.no_head);
	assert_false(o.many_heads);
	assert_int_equal(o.result, R4_OK);    /* NO_HEAD is a warning only */

	d[2].head = true;                     /* absent head */
	o = check(d, N(d));
	assert_false(o.no_head);
	assert_false(o.many_heads);

	d[0].head = true;                     /* two heads */
	o = check(d, N(d));
	assert_false(o.no_head);
	assert_true(o.many_heads);

	d[1].head = true;                     /* three heads */
	o = check(d, N(d));
	assert_false(o.no_head);
	assert_true(o.many_heads);
}

/* Health is competent only when the theme links it. */
static void test_r4_theme_linked_category(void **state)
{
	(void)state;
	static const char *const linked[] = { "health" };
	const char *comp[8];
	struct r4_delegate d[] = {
		{ "DG santé", RK_SECGEN, "health", true, true },
	};
	assert_int_equal(check(d, N(d)).result, R4_ENTITY);
	size_t n = rules_competent_union(core, N(core), linked, N(linked), comp, N(comp));
	assert_int_equal(n, 5);
	struct r4_outcome o = rules_check_r4(d, N(d), RK_DIRECTOR, comp, n);
	assert_int_equal(o.result, R4_OK);
	assert_int_equal(o.best_competent_rank, RK_SECGEN);
}

/* Exact compare; NULL categories and NULL list entries never match; an
 * empty competent list makes everyone at the level ENTITY. */
static void test_r4_category_compare(void **state)
{
	(void)state;
	static const char *const with_null[] = { NULL, "interior" };
	char copy[] = "interior";          /* equal text, other pointer */
	struct r4_delegate d[] = {
		{ "X", RK_DIRECTOR, "Interior", true, true },
	};
	assert_int_equal(check(d, N(d)).result, R4_ENTITY);
	d[0].category = "interior ";
	assert_int_equal(check(d, N(d)).result, R4_ENTITY);
	d[0].category = copy;
	assert_int_equal(check(d, N(d)).result, R4_OK);
	assert_int_equal(rules_check_r4(d, N(d), RK_DIRECTOR, with_null, 2).result, R4_OK);
	assert_int_equal(rules_check_r4(d, N(d), RK_DIRECTOR, NULL, 0).result, R4_ENTITY);
	d[0].category = NULL;
	struct r4_outcome o = rules_check_r4(d, N(d), RK_DIRECTOR, with_null, 2);
	assert_int_equal(o.result, R4_ENTITY);
	assert_int_equal(o.best_competent_rank, -1);
}

/* The minimum level is a session setting. */
static void test_r4_min_rank_setting(void **state)
{
	(void)state;
	struct r4_delegate d[] = {
		{ "SG", RK_SECGEN, "interior", true, true },
	};
	assert_int_equal(rules_check_r4(d, 1, RK_MINISTER, core, N(core)).result, R4_LEVEL);
	assert_int_equal(rules_check_r4(d, 1, RK_SECGEN, core, N(core)).result, R4_OK);
	assert_int_equal(rules_check_r4(d, 1, RK_OFFICER, core, N(core)).result, R4_OK);
}

static void test_r4_codes(void **state)
{
	(void)state;
	assert_string_equal(rules_r4_code(R4_OK), "OK");
	assert_string_equal(rules_r4_code(R4_ABSENT), "ABSENT");
	assert_string_equal(rules_r4_code(R4_LEVEL), "LEVEL");
	assert_string_equal(rules_r4_code(R4_ENTITY), "ENTITY");
	assert_string_equal(rules_r4_code((enum r4_result)4), "?");
	assert_string_equal(rules_r4_code((enum r4_result)-1), "?");
}

/* ---- competent categories ---- */

static void test_union_no_linked(void **state)
{
	(void)state;
	const char *out[8] = { 0 };
	size_t n = rules_competent_union(core, N(core), NULL, 0, out, N(out));
	assert_int_equal(n, N(core));
	for (size_t i = 0; i < N(core); i++)
		assert_string_equal(out[i], core[i]);
	assert_null(out[n]);
}

static void test_union_order_and_duplicates(void **state)
{
	(void)state;
	char interior[] = "interior";      /* duplicate by text, not pointer */
	const char *const linked[] = { "health", interior, "environment", "health", NULL };
	const char *out[16] = { 0 };
	size_t n = rules_competent_union(core, N(core), linked, N(linked), out, N(out));
	assert_int_equal(n, 6);
	assert_string_equal(out[0], "interior");
	assert_string_equal(out[1], "foreign");
	assert_string_equal(out[2], "cooperation");
	assert_string_equal(out[3], "labour");
	assert_string_equal(out[4], "health");
	assert_string_equal(out[5], "environment");
	assert_ptr_equal(out[0], core[0]);  /* the core entry wins */
	assert_null(out[6]);
}

static void test_union_duplicates_in_core(void **state)
{
	(void)state;
	const char *const c[] = { "interior", NULL, "foreign", "interior" };
	const char *out[8] = { 0 };
	size_t n = rules_competent_union(c, N(c), NULL, 0, out, N(out));
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "interior");
	assert_string_equal(out[1], "foreign");
}

static void test_union_cap(void **state)
{
	(void)state;
	const char *const linked[] = { "health", "environment" };
	const char *out[8] = { 0 };
	size_t n = rules_competent_union(core, N(core), linked, N(linked), out, 3);
	assert_int_equal(n, 3);
	assert_string_equal(out[2], "cooperation");
	assert_null(out[3]);               /* nothing written past cap */
	n = rules_competent_union(core, N(core), linked, N(linked), out, 5);
	assert_int_equal(n, 5);
	assert_string_equal(out[4], "health");
	assert_null(out[5]);
	assert_int_equal(rules_competent_union(core, N(core), linked, N(linked), NULL, 0), 0);
	assert_int_equal(rules_competent_union(NULL, 0, NULL, 0, out, N(out)), 0);
	n = rules_competent_union(NULL, 0, linked, N(linked), out, N(out));
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "health");
}

/* ---- R5 ---- */

static void test_r5_may(void **state)
{
	(void)state;
	for (int r = ROLE_AUTHOR; r <= ROLE_SPEAK; r++) {
		enum draft_role role = (enum draft_role)r;
		assert_true(rules_may(DT_MEMBER, role));
		assert_int_equal(rules_may(DT_OBSERVER_STATE, role), role == ROLE_SPEAK);
		assert_int_equal(rules_may(DT_OBSERVER_ORG, role), role == ROLE_SPEAK);
		assert_false(rules_may(DT_INVALID, role));
		assert_false(rules_may((enum deleg_type)17, role));
	}
	assert_false(rules_may(DT_OBSERVER_ORG, ROLE_AUTHOR));
	assert_false(rules_may(DT_OBSERVER_STATE, ROLE_POSITION));
	assert_false(rules_may(DT_MEMBER, (enum draft_role)(ROLE_SPEAK + 1)));
	assert_false(rules_may(DT_OBSERVER_ORG, (enum draft_role)-1));
}

/* ---- R6 ---- */

static void test_r6_stance_codes(void **state)
{
	(void)state;
	assert_int_equal(rules_stance("none"), ST_NONE);
	assert_int_equal(rules_stance("support"), ST_SUPPORT);
	assert_int_equal(rules_stance("object"), ST_OBJECT);
	assert_int_equal(rules_stance("abstain"), ST_ABSTAIN);
	assert_int_equal(rules_stance("veto"), ST_NONE);
	assert_int_equal(rules_stance(NULL), ST_NONE);
	assert_string_equal(rules_stance_code(ST_NONE), "none");
	assert_string_equal(rules_stance_code(ST_SUPPORT), "support");
	assert_string_equal(rules_stance_code(ST_OBJECT), "object");
	assert_string_equal(rules_stance_code(ST_ABSTAIN), "abstain");
	assert_string_equal(rules_stance_code((enum stance)4), "?");
}

static void test_r6_consensus_reached(void **state)
{
	(void)state;
	const struct member_position p[] = {
		{ true, ST_SUPPORT }, { true, ST_ABSTAIN }, { true, ST_NONE },
		{ true, ST_SUPPORT }, { false, ST_NONE },
	};
	struct r6_outcome o = rules_consensus(p, N(p), RULE_CONSENSUS);
	assert_true(o.reached);
	assert_int_equal(o.present, 4);
	assert_int_equal(o.support, 2);
	assert_int_equal(o.object, 0);
	assert_int_equal(o.abstain, 1);
	assert_int_equal(o.none, 1);
	assert_int_equal(o.blocking, 0);
}

static void test_r6_objection_blocks(void **state)
{
	(void)state;
	const struct member_position p[] = {
		{ true, ST_SUPPORT }, { true, ST_SUPPORT }, { true, ST_SUPPORT },
		{ true, ST_SUPPORT }, { true, ST_OBJECT },
	};
	struct r6_outcome o = rules_consensus(p, N(p), RULE_CONSENSUS);
	assert_false(o.reached);
	assert_int_equal(o.blocking, 1);
	assert_int_equal(o.object, 1);
	assert_int_equal(o.support, 4);
	assert_int_equal(o.present, 5);
}

static void test_r6_absent_objector_ignored(void **state)
{
	(void)state;
	struct member_position p[] = {
		{ true, ST_SUPPORT }, { false, ST_OBJECT }, { false, ST_SUPPORT },
	};
	struct r6_outcome o = rules_consensus(p, N(p), RULE_CONSENSUS);
	assert_true(o.reached);
	assert_int_equal(o.present, 1);
	assert_int_equal(o.support, 1);
	assert_int_equal(o.object, 0);
	assert_int_equal(o.blocking, 0);
	p[1].present = true;               /* the objector arrives */
	o = rules_consensus(p, N(p), RULE_CONSENSUS);
	assert_false(o.reached);
	assert_int_equal(o.blocking, 1);
	assert_int_equal(o.present, 2);
}

static void test_r6_consensus_needs_support(void **state)
{
	(void)state;
	const struct member_position p[] = {
		{ true, ST_ABSTAIN }, { true, ST_NONE }, { false, ST_SUPPORT },
		{ true, (enum stance)9 },     /* unknown stance: no position */
	};
	struct r6_outcome o = rules_consensus(p, N(p), RULE_CONSENSUS);
	assert_false(o.reached);
	assert_int_equal(o.present, 3);
	assert_int_equal(o.support, 0);
	assert_int_equal(o.abstain, 1);
	assert_int_equal(o.none, 2);

	o = rules_consensus(NULL, 0, RULE_CONSENSUS);
	assert_false(o.reached);
	assert_int_equal(o.present, 0);
	assert_int_equal(o.none, 0);
	assert_int_equal(o.blocking, 0);
	o = rules_consensus(NULL, 0, RULE_MAJORITY);
	assert_false(o.reached);
}

static void test_r6_majority(void **state)
{
	(void)state;
	struct member_position p[] = {
		{ true, ST_SUPPORT }, { true, ST_SUPPORT }, { true, ST_OBJECT },
		{ true, ST_ABSTAIN }, { false, ST_OBJECT },
	};
	/* 2 of 4 present: a tie does not carry. */
	struct r6_outcome o = rules_consensus(p, N(p), RULE_MAJORITY);
	assert_false(o.reached);
	assert_int_equal(o.present, 4);
	assert_int_equal(o.blocking, 1);
	/* The abstainer leaves: 2 of 3 carry despite an objection. */
	p[3].present = false;
	o = rules_consensus(p, N(p), RULE_MAJORITY);
	assert_true(o.reached);
	assert_int_equal(o.present, 3);
	assert_int_equal(o.blocking, 1);
	/* Same positions under consensus: blocked. */
	assert_false(rules_consensus(p, N(p), RULE_CONSENSUS).reached);
	/* 1 of 2: tie again. */
	p[0].present = false;
	assert_false(rules_consensus(p, N(p), RULE_MAJORITY).reached);
	/* 1 of 1. */
	p[2].present = false;
	assert_true(rules_consensus(p, N(p), RULE_MAJORITY).reached);
}

static void test_r6_unknown_rule(void **state)
{
	(void)state;
	const struct member_position p[] = { { true, ST_SUPPORT }, { true, ST_SUPPORT } };
	struct r6_outcome o = rules_consensus(p, N(p), (enum decision_rule)7);
	assert_false(o.reached);
	assert_int_equal(o.support, 2);
}

/* ---- R7 ---- */

static void test_r7_codes(void **state)
{
	(void)state;
	static const char *const codes[] = { "draft", "discussion", "adopted", "withdrawn",
					     "deferred", "submitted" };
	for (int s = RS_DRAFT; s < RS_INVALID; s++) {
		assert_int_equal(rules_rec_status(codes[s]), s);
		assert_string_equal(rules_rec_status_code((enum rec_status)s), codes[s]);
	}
	assert_int_equal(rules_rec_status("under discussion"), RS_INVALID);
	assert_int_equal(rules_rec_status(""), RS_INVALID);
	assert_int_equal(rules_rec_status(NULL), RS_INVALID);
	assert_string_equal(rules_rec_status_code(RS_INVALID), "?");
	assert_string_equal(rules_rec_status_code((enum rec_status)-3), "?");
}

/* The whole matrix, RS_INVALID included: exactly the listed steps. */
static void test_r7_transitions(void **state)
{
	(void)state;
	static const bool allowed[RS_INVALID + 1][RS_INVALID + 1] = {
		[RS_DRAFT] = { [RS_DISCUSSION] = true, [RS_ADOPTED] = true,
			       [RS_WITHDRAWN] = true, [RS_DEFERRED] = true },
		[RS_DISCUSSION] = { [RS_ADOPTED] = true, [RS_WITHDRAWN] = true,
				    [RS_DEFERRED] = true },
		[RS_DEFERRED] = { [RS_DISCUSSION] = true },
		[RS_ADOPTED] = { [RS_SUBMITTED] = true },
	};
	int n = 0;
	for (int f = 0; f <= RS_INVALID; f++)
		for (int t = 0; t <= RS_INVALID; t++) {
			bool got = rules_rec_transition((enum rec_status)f, (enum rec_status)t);
			assert_int_equal(got, allowed[f][t]);
			n += got;
		}
	assert_int_equal(n, 9);
	assert_false(rules_rec_transition(RS_DRAFT, RS_DRAFT));
	assert_false(rules_rec_transition(RS_DRAFT, RS_SUBMITTED));
	assert_false(rules_rec_transition(RS_ADOPTED, RS_DISCUSSION));
	assert_false(rules_rec_transition(RS_WITHDRAWN, RS_DISCUSSION));
	assert_false(rules_rec_transition(RS_SUBMITTED, RS_ADOPTED));
	assert_false(rules_rec_transition(RS_DEFERRED, RS_ADOPTED));
}

static void test_r7_may_adopt(void **state)
{
	(void)state;
	assert_true(rules_rec_may_adopt(RS_DRAFT, 0));
	assert_true(rules_rec_may_adopt(RS_DISCUSSION, 0));
	assert_false(rules_rec_may_adopt(RS_DRAFT, 1));
	assert_false(rules_rec_may_adopt(RS_DISCUSSION, 3));
	assert_false(rules_rec_may_adopt(RS_DISCUSSION, -1));
	assert_false(rules_rec_may_adopt(RS_DEFERRED, 0));
	assert_false(rules_rec_may_adopt(RS_ADOPTED, 0));
	assert_false(rules_rec_may_adopt(RS_WITHDRAWN, 0));
	assert_false(rules_rec_may_adopt(RS_SUBMITTED, 0));
	assert_false(rules_rec_may_adopt(RS_INVALID, 0));
}

static void test_r7_editable(void **state)
{
	(void)state;
	assert_true(rules_rec_editable(RS_DRAFT));
	assert_true(rules_rec_editable(RS_DISCUSSION));
	assert_false(rules_rec_editable(RS_ADOPTED));
	assert_false(rules_rec_editable(RS_WITHDRAWN));
	assert_false(rules_rec_editable(RS_DEFERRED));
	assert_false(rules_rec_editable(RS_SUBMITTED));
	assert_false(rules_rec_editable(RS_INVALID));
}

/* ---- R8 ---- */

static void test_r8_codes(void **state)
{
	(void)state;
	static const char *const codes[] = { "pending", "in_progress", "done", "skipped" };
	for (int s = IS_PENDING; s < IS_INVALID; s++) {
		assert_int_equal(rules_item_status(codes[s]), s);
		assert_string_equal(rules_item_status_code((enum item_status)s), codes[s]);
	}
	assert_int_equal(rules_item_status("in progress"), IS_INVALID);
	assert_int_equal(rules_item_status(NULL), IS_INVALID);
	assert_string_equal(rules_item_status_code(IS_INVALID), "?");
	assert_string_equal(rules_item_status_code((enum item_status)99), "?");
}

static void test_r8_transitions(void **state)
{
	(void)state;
	static const bool allowed[IS_INVALID + 1][IS_INVALID + 1] = {
		[IS_PENDING] = { [IS_IN_PROGRESS] = true, [IS_SKIPPED] = true },
		[IS_IN_PROGRESS] = { [IS_DONE] = true },
		[IS_SKIPPED] = { [IS_PENDING] = true },
	};
	int n = 0;
	for (int f = 0; f <= IS_INVALID; f++)
		for (int t = 0; t <= IS_INVALID; t++) {
			bool got = rules_item_transition((enum item_status)f, (enum item_status)t);
			assert_int_equal(got, allowed[f][t]);
			n += got;
		}
	assert_int_equal(n, 4);
	assert_false(rules_item_transition(IS_IN_PROGRESS, IS_SKIPPED));
	assert_false(rules_item_transition(IS_DONE, IS_IN_PROGRESS));
	assert_false(rules_item_transition(IS_PENDING, IS_DONE));
	assert_false(rules_item_transition(IS_PENDING, IS_PENDING));
}

static void test_r8_overrun(void **state)
{
	(void)state;
	const long long t0 = 1717228800;   /* 2024-06-01 08:00 UTC */
	assert_int_equal(rules_item_overrun(30, t0, t0), 0);
	assert_int_equal(rules_item_overrun(30, t0, t0 + 30 * 60), 0);
	assert_int_equal(rules_item_overrun(30, t0, t0 + 31 * 60 - 1), 0);
	assert_int_equal(rules_item_overrun(30, t0, t0 + 31 * 60), 1);
	assert_int_equal(rules_item_overrun(30, t0, t0 + 31 * 60 + 59), 1);
	assert_int_equal(rules_item_overrun(30, t0, t0 + 45 * 60 + 30), 15);
	assert_int_equal(rules_item_overrun(1, t0, t0 + 3 * 3600), 179);
	assert_int_equal(rules_item_overrun(0, t0, t0 + 3 * 3600), 0);
	assert_int_equal(rules_item_overrun(-5, t0, t0 + 3 * 3600), 0);
	assert_int_equal(rules_item_overrun(30, 0, t0), 0);
	assert_int_equal(rules_item_overrun(30, -1, t0), 0);
	assert_int_equal(rules_item_overrun(30, t0, t0 - 3600), 0);
	assert_int_equal(rules_item_overrun(30, 1, 1 + 32 * 60), 2);
}

/* ---- R2 ---- */

static void test_r2_session_transition(void **state)
{
	(void)state;
	assert_true(rules_session_transition("planned", "open"));
	assert_true(rules_session_transition("open", "closed"));
	assert_true(rules_session_transition("closed", "open"));
	assert_false(rules_session_transition("planned", "closed"));
	assert_false(rules_session_transition("open", "planned"));
	assert_false(rules_session_transition("closed", "planned"));
	assert_false(rules_session_transition("open", "open"));
	assert_false(rules_session_transition("closed", "closed"));
	assert_false(rules_session_transition("planned", "planned"));
	assert_false(rules_session_transition("Planned", "open"));
	assert_false(rules_session_transition("open", "close"));
	assert_false(rules_session_transition(NULL, "open"));
	assert_false(rules_session_transition("closed", NULL));
	assert_false(rules_session_transition(NULL, NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deleg_type_codes),
		cmocka_unit_test(test_r4_no_delegates),
		cmocka_unit_test(test_r4_all_absent),
		cmocka_unit_test(test_r4_ok_rank_exactly_min),
		cmocka_unit_test(test_r4_level_one_below_min),
		cmocka_unit_test(test_r4_entity_at_level_not_competent),
		cmocka_unit_test(test_r4_entity_split_level_and_competence),
		cmocka_unit_test(test_r4_ok_not_best_rank),
		cmocka_unit_test(test_r4_absent_qualified_ignored),
		cmocka_unit_test(test_r4_presence_flip),
		cmocka_unit_test(test_r4_heads),
		cmocka_unit_test(test_r4_theme_linked_category),
		cmocka_unit_test(test_r4_category_compare),
		cmocka_unit_test(test_r4_min_rank_setting),
		cmocka_unit_test(test_r4_codes),
		cmocka_unit_test(test_union_no_linked),
		cmocka_unit_test(test_union_order_and_duplicates),
		cmocka_unit_test(test_union_duplicates_in_core),
		cmocka_unit_test(test_union_cap),
		cmocka_unit_test(test_r5_may),
		cmocka_unit_test(test_r6_stance_codes),
		cmocka_unit_test(test_r6_consensus_reached),
		cmocka_unit_test(test_r6_objection_blocks),
		cmocka_unit_test(test_r6_absent_objector_ignored),
		cmocka_unit_test(test_r6_consensus_needs_support),
		cmocka_unit_test(test_r6_majority),
		cmocka_unit_test(test_r6_unknown_rule),
		cmocka_unit_test(test_r7_codes),
		cmocka_unit_test(test_r7_transitions),
		cmocka_unit_test(test_r7_may_adopt),
		cmocka_unit_test(test_r7_editable),
		cmocka_unit_test(test_r8_codes),
		cmocka_unit_test(test_r8_transitions),
		cmocka_unit_test(test_r8_overrun),
		cmocka_unit_test(test_r2_session_transition),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
