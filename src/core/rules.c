/*
 * rules.c — the domain rules of DESIGN §1 (R2, R3, R4, R5, R6, R7, R8) as
 * pure functions on the plain structs of rules.h. Nothing here touches the
 * screen or the database: the commands layer loads what a rule needs and
 * asks. Every text code accepted here is the code stored by schema.c, so a
 * code read back from the database always maps to a valid enum value.
 *
 * Unknown or NULL codes map to the "invalid" value of each enum (DT_INVALID,
 * ST_NONE, RS_INVALID, IS_INVALID); invalid enum values map to "?".
 */
#include "rules.h"

#include <assert.h>
#include <string.h>

/* Index of `code` in names[0..n), or -1 when absent or NULL. */
static int rules_find_code(const char *const *names, size_t n, const char *code)
{
	if (code == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], code) == 0)
			return (int)i;
	return -1;
}

/* names[v], or "?" when v is outside [0, n). */
static const char *rules_name_of(const char *const *names, size_t n, int v)
{
	if (v < 0 || (size_t)v >= n)
		return "?";
	return names[v];
}

#define RULES_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- R3 delegation types ---- */

static const char *const deleg_type_names[] = {
	[DT_MEMBER] = "member",
	[DT_OBSERVER_STATE] = "observer_state",
	[DT_OBSERVER_ORG] = "observer_org",
};

/* The type whose code is `code`; DT_INVALID for anything else. */
enum deleg_type rules_deleg_type(const char *code)
{
	int i = rules_find_code(deleg_type_names, RULES_COUNT(deleg_type_names), code);
	return i < 0 ? DT_INVALID : (enum deleg_type)i;
}

/* The stored code of `t`; "?" for DT_INVALID or an out-of-range value. */
const char *rules_deleg_type_code(enum deleg_type t)
{
	return rules_name_of(deleg_type_names, RULES_COUNT(deleg_type_names), (int)t);
}

/* ---- R4 delegation-level check ---- */

/* True when `category` is one of competent[0..n). NULL is never competent;
 * NULL entries of the list are skipped. */
static bool rules_is_competent(const char *category, const char *const *competent, size_t n)
{
	if (category == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if (competent[i] != NULL && strcmp(competent[i], category) == 0)
			return true;
	return false;
}

/* One pass over d[0..n): counts the present delegates and the best ranks
 * into *o, sets *at_level when a present delegate reaches min_rank and *ok
 * when one of those is also competent. Returns the number of heads, present
 * or not. */
static int rules_r4_scan(const struct r4_delegate *d, size_t n, int min_rank,
			 const char *const *competent, size_t ncompetent,
			 struct r4_outcome *o, bool *at_level, bool *ok)
{
	int heads = 0;

	for (size_t i = 0; i < n; i++) {
		if (d[i].head)
			heads++;
		if (!d[i].present)
			continue;
		o->n_present++;
		if (d[i].level_rank > o->best_rank)
			o->best_rank = d[i].level_rank;
		bool comp = rules_is_competent(d[i].category, competent, ncompetent);
		if (comp && d[i].level_rank > o->best_competent_rank)
			o->best_competent_rank = d[i].level_rank;
		if (d[i].level_rank >= min_rank) {
			*at_level = true;
			if (comp)
				*ok = true;
		}
	}
	return heads;
}

/*
 * The R4 check of one member state's delegation d[0..n) against the
 * session's minimum rank and its competent categories. Exactly one result:
 * ABSENT (nobody present, n == 0 included), OK (a present delegate at or
 * above min_rank from a competent category), LEVEL (nobody present at that
 * level), else ENTITY. Head flags count over all delegates, present or not.
 * best_competent_rank is the best rank of present competent delegates,
 * whatever their level.
 */
struct r4_outcome rules_check_r4(const struct r4_delegate *d, size_t n, int min_rank,
				 const char *const *competent, size_t ncompetent)
{
	struct r4_outcome o = { .result = R4_ABSENT, .best_rank = -1,
				.best_competent_rank = -1 };
	bool at_level = false, ok = false;

	assert(d != NULL || n == 0);
	assert(competent != NULL || ncompetent == 0);
	o.n_delegates = (int)n;
	int heads = rules_r4_scan(d, n, min_rank, competent, ncompetent, &o, &at_level, &ok);
	o.no_head = heads == 0;
	o.many_heads = heads > 1;
	if (o.n_present == 0)
		o.result = R4_ABSENT;
	else if (ok)
		o.result = R4_OK;
	else if (!at_level)
		o.result = R4_LEVEL;
	else
		o.result = R4_ENTITY;
	return o;
}

static const char *const r4_names[] = {
	[R4_OK] = "OK",
	[R4_ABSENT] = "ABSENT",
	[R4_LEVEL] = "LEVEL",
	[R4_ENTITY] = "ENTITY",
};

/* The code of an R4 result as shown in the minutes; "?" when invalid. */
const char *rules_r4_code(enum r4_result r)
{
	return rules_name_of(r4_names, RULES_COUNT(r4_names), (int)r);
}

/* Appends `code` to out[*n] unless it is NULL, already there, or out is
 * full. */
static void rules_add_unique(const char *code, const char **out, size_t *n, size_t cap)
{
	if (code == NULL || *n >= cap)
		return;
	for (size_t i = 0; i < *n; i++)
		if (strcmp(out[i], code) == 0)
			return;
	out[(*n)++] = code;
}

/*
 * Competent categories: core ∪ linked into out[0..cap), core codes first in
 * their order, then the linked ones not yet seen; duplicates (also within
 * one list) and NULL entries are dropped. The strings are not copied.
 * Returns the count, at most cap.
 */
size_t rules_competent_union(const char *const *core, size_t ncore,
			     const char *const *linked, size_t nlinked,
			     const char **out, size_t cap)
{
	size_t n = 0;

	assert(core != NULL || ncore == 0);
	assert(linked != NULL || nlinked == 0);
	assert(out != NULL || cap == 0);
	for (size_t i = 0; i < ncore; i++)
		rules_add_unique(core[i], out, &n, cap);
	for (size_t i = 0; i < nlinked; i++)
		rules_add_unique(linked[i], out, &n, cap);
	return n;
}

/* ---- R5 observers do not draft ---- */

/* May a delegation of type t act in `role`? Members may do anything;
 * observers (states or organisations) may only take the floor; an unknown
 * type or role may do nothing. */
bool rules_may(enum deleg_type t, enum draft_role role)
{
	if ((int)role < (int)ROLE_AUTHOR || (int)role > (int)ROLE_SPEAK)
		return false;
	switch (t) {
	case DT_MEMBER:
		return true;
	case DT_OBSERVER_STATE:
	case DT_OBSERVER_ORG:
		return role == ROLE_SPEAK;
	case DT_INVALID:
	default:
		return false;
	}
}

/* ---- R6 theme choice ---- */

static const char *const stance_names[] = {
	[ST_NONE] = "none",
	[ST_SUPPORT] = "support",
	[ST_OBJECT] = "object",
	[ST_ABSTAIN] = "abstain",
};

/* The stance whose code is `code`; ST_NONE for "none", unknown or NULL. */
enum stance rules_stance(const char *code)
{
	int i = rules_find_code(stance_names, RULES_COUNT(stance_names), code);
	return i < 0 ? ST_NONE : (enum stance)i;
}

/* The stored code of `s` ("none" for ST_NONE); "?" when out of range. */
const char *rules_stance_code(enum stance s)
{
	return rules_name_of(stance_names, RULES_COUNT(stance_names), (int)s);
}

/* Adds one present member's stance to the tallies of *o; an out-of-range
 * stance counts as no position. */
static void rules_tally(struct r6_outcome *o, enum stance s)
{
	o->present++;
	switch (s) {
	case ST_SUPPORT:
		o->support++;
		break;
	case ST_OBJECT:
		o->object++;
		break;
	case ST_ABSTAIN:
		o->abstain++;
		break;
	case ST_NONE:
	default:
		o->none++;
		break;
	}
}

/*
 * Tallies the positions p[0..n) of the member states on one proposal.
 * Absent members count nowhere. Consensus: reached when no present member
 * objects and at least one supports. Majority: reached when supporters are
 * more than half of the present members (a tie is not reached). An unknown
 * rule never reaches. blocking is the number of present objectors.
 */
struct r6_outcome rules_consensus(const struct member_position *p, size_t n,
				  enum decision_rule rule)
{
	struct r6_outcome o = { 0 };

	assert(p != NULL || n == 0);
	for (size_t i = 0; i < n; i++)
		if (p[i].present)
			rules_tally(&o, p[i].stance);
	o.blocking = o.object;
	switch (rule) {
	case RULE_CONSENSUS:
		o.reached = o.object == 0 && o.support >= 1;
		break;
	case RULE_MAJORITY:
		o.reached = o.support * 2 > o.present;
		break;
	default:
		o.reached = false;
		break;
	}
	return o;
}

/* ---- R7 recommendation workflow ---- */

static const char *const rec_status_names[] = {
	[RS_DRAFT] = "draft",
	[RS_DISCUSSION] = "discussion",
	[RS_ADOPTED] = "adopted",
	[RS_WITHDRAWN] = "withdrawn",
	[RS_DEFERRED] = "deferred",
	[RS_SUBMITTED] = "submitted",
};

/* The status whose code is `code`; RS_INVALID for anything else. */
enum rec_status rules_rec_status(const char *code)
{
	int i = rules_find_code(rec_status_names, RULES_COUNT(rec_status_names), code);
	return i < 0 ? RS_INVALID : (enum rec_status)i;
}

/* The stored code of `s`; "?" for RS_INVALID or out of range. */
const char *rules_rec_status_code(enum rec_status s)
{
	return rules_name_of(rec_status_names, RULES_COUNT(rec_status_names), (int)s);
}

/* Is from → to one of the workflow's steps? draft → discussion | adopted |
 * withdrawn | deferred; discussion → adopted | withdrawn | deferred;
 * deferred → discussion; adopted → submitted. Staying put is no step. */
bool rules_rec_transition(enum rec_status from, enum rec_status to)
{
	switch (from) {
	case RS_DRAFT:
		return to == RS_DISCUSSION || to == RS_ADOPTED || to == RS_WITHDRAWN ||
		       to == RS_DEFERRED;
	case RS_DISCUSSION:
		return to == RS_ADOPTED || to == RS_WITHDRAWN || to == RS_DEFERRED;
	case RS_DEFERRED:
		return to == RS_DISCUSSION;
	case RS_ADOPTED:
		return to == RS_SUBMITTED;
	default:
		return false;
	}
}

/* Adoption needs a status from which adoption is a step (draft or
 * discussion) and no objection among the present member states. */
bool rules_rec_may_adopt(enum rec_status from, int present_objections)
{
	return (from == RS_DRAFT || from == RS_DISCUSSION) && present_objections == 0;
}

/* The text may be amended only before a decision: draft or discussion. */
bool rules_rec_editable(enum rec_status s)
{
	return s == RS_DRAFT || s == RS_DISCUSSION;
}

/* ---- R8 agenda ---- */

static const char *const item_status_names[] = {
	[IS_PENDING] = "pending",
	[IS_IN_PROGRESS] = "in_progress",
	[IS_DONE] = "done",
	[IS_SKIPPED] = "skipped",
};

/* The status whose code is `code`; IS_INVALID for anything else. */
enum item_status rules_item_status(const char *code)
{
	int i = rules_find_code(item_status_names, RULES_COUNT(item_status_names), code);
	return i < 0 ? IS_INVALID : (enum item_status)i;
}

/* The stored code of `s`; "?" for IS_INVALID or out of range. */
const char *rules_item_status_code(enum item_status s)
{
	return rules_name_of(item_status_names, RULES_COUNT(item_status_names), (int)s);
}

/* Is from → to a step of an agenda item? pending → in_progress | skipped;
 * in_progress → done; skipped → pending (un-skip). A done item is final. */
bool rules_item_transition(enum item_status from, enum item_status to)
{
	switch (from) {
	case IS_PENDING:
		return to == IS_IN_PROGRESS || to == IS_SKIPPED;
	case IS_IN_PROGRESS:
		return to == IS_DONE;
	case IS_SKIPPED:
		return to == IS_PENDING;
	default:
		return false;
	}
}

/* Whole minutes by which an item that ran from `start` to `end` (Unix
 * seconds) exceeds `planned_minutes`; 0 when within plan, when nothing was
 * planned (<= 0), when it never started (start <= 0) or when end < start. */
long rules_item_overrun(long planned_minutes, long long start, long long end)
{
	if (start <= 0 || planned_minutes <= 0 || end < start)
		return 0;
	long long elapsed = (end - start) / 60;
	if (elapsed <= planned_minutes)
		return 0;
	return (long)(elapsed - planned_minutes);
}

/* ---- R2 session status ---- */

/* Is from → to a step of a session's status (codes planned, open, closed)?
 * planned → open, open → closed, closed → open (reopening). NULL or unknown
 * codes are never a step. */
bool rules_session_transition(const char *from, const char *to)
{
	static const struct { const char *from, *to; } steps[] = {
		{ "planned", "open" },
		{ "open", "closed" },
		{ "closed", "open" },
	};

	if (from == NULL || to == NULL)
		return false;
	for (size_t i = 0; i < RULES_COUNT(steps); i++)
		if (strcmp(steps[i].from, from) == 0 && strcmp(steps[i].to, to) == 0)
			return true;
	return false;
}
