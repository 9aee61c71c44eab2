/*
 * rules.h — the domain rules of DESIGN §1 on plain structs. No curses, no
 * SQLite: the commands load what the rules need and ask them. Unit-tested
 * alone (tests/unit/test_rules.c).
 */
#ifndef RAPPORTEUR_RULES_H
#define RAPPORTEUR_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Delegation types (R3). */
enum deleg_type { DT_MEMBER = 0, DT_OBSERVER_STATE, DT_OBSERVER_ORG, DT_INVALID };
enum deleg_type rules_deleg_type(const char *code);   /* "member", … */
const char *rules_deleg_type_code(enum deleg_type t);

/* ---- R4 delegation-level check ---- */
enum r4_result { R4_OK = 0, R4_ABSENT, R4_LEVEL, R4_ENTITY };

struct r4_delegate {
	const char *name;
	int level_rank;         /* larger = more senior (fixtures) */
	const char *category;   /* entity category code */
	bool present;
	bool head;
};

struct r4_outcome {
	enum r4_result result;
	bool no_head;           /* no head of delegation designated */
	bool many_heads;        /* more than one head designated */
	int n_delegates, n_present;
	int best_rank;          /* highest rank among present delegates, -1 if none */
	int best_competent_rank;/* highest rank among present competent ones, -1 */
};

/* competent: the codes of competent categories (core ∪ theme-linked). */
struct r4_outcome rules_check_r4(const struct r4_delegate *d, size_t n, int min_rank,
				 const char *const *competent, size_t ncompetent);
const char *rules_r4_code(enum r4_result r);          /* "OK", "ABSENT", … */

/* Competent categories: union of core and theme-linked codes, without
 * duplicates, into out[cap]; returns the count (at most cap). */
size_t rules_competent_union(const char *const *core, size_t ncore,
			     const char *const *linked, size_t nlinked,
			     const char **out, size_t cap);

/* ---- R5 observers do not draft ---- */
enum draft_role { ROLE_AUTHOR, ROLE_COSPONSOR, ROLE_AMEND, ROLE_RESERVE, ROLE_OBJECT,
		  ROLE_POSITION, ROLE_PROPOSE, ROLE_FOLLOW, ROLE_SPEAK };
/* ROLE_FOLLOW: report the implementation of a recommendation (member
 * states only, like drafting). */
bool rules_may(enum deleg_type t, enum draft_role role);

/* ---- R6 theme choice ---- */
enum stance { ST_NONE = 0, ST_SUPPORT, ST_OBJECT, ST_ABSTAIN };
enum stance rules_stance(const char *code);            /* "support", … */
const char *rules_stance_code(enum stance s);
enum decision_rule { RULE_CONSENSUS = 0, RULE_MAJORITY };

struct member_position {
	bool present;           /* member state present (R4 not ABSENT) */
	enum stance stance;
};

struct r6_outcome {
	int support, object, abstain, none;   /* among present members */
	int present;
	bool reached;           /* the proposal may be selected */
	int blocking;           /* present members objecting */
};
struct r6_outcome rules_consensus(const struct member_position *p, size_t n,
				  enum decision_rule rule);

/* ---- R7 recommendation workflow ---- */
enum rec_status { RS_DRAFT = 0, RS_DISCUSSION, RS_ADOPTED, RS_WITHDRAWN, RS_DEFERRED,
		  RS_SUBMITTED, RS_INVALID };
enum rec_status rules_rec_status(const char *code);
const char *rules_rec_status_code(enum rec_status s);
bool rules_rec_transition(enum rec_status from, enum rec_status to);
/* Adoption: allowed from draft or discussion and only when no present
 * member state objects. */
bool rules_rec_may_adopt(enum rec_status from, int present_objections);
/* Text may change (amend) only in draft or discussion. */
bool rules_rec_editable(enum rec_status s);

/* ---- R8 agenda ---- */
enum item_status { IS_PENDING = 0, IS_IN_PROGRESS, IS_DONE, IS_SKIPPED, IS_INVALID };
enum item_status rules_item_status(const char *code);
const char *rules_item_status_code(enum item_status s);
bool rules_item_transition(enum item_status from, enum item_status to);
/* Overrun in whole minutes (> 0) of an item that started at `start` and
 * ended (or now) at `end`, against planned minutes; 0 when not overrun or
 * when nothing was planned. */
long rules_item_overrun(long planned_minutes, long long start, long long end);

/* ---- R2 session status ---- */
bool rules_session_transition(const char *from, const char *to);

#endif
