/*
 * attendance.h — delegations, delegates, presence and the R4 check
 * (DESIGN R3, R4): what screens and the exporter read (attendance_read.c,
 * the R4 check in attendance_check.c) and the command handlers
 * (attendance.c).
 */
#ifndef RAPPORTEUR_ATTENDANCE_H
#define RAPPORTEUR_ATTENDANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "edit_field.h"
#include "rules.h"

struct cmd_ctx;
struct db;

/* One member state's R4 result, with a one-line explanation in the
 * interface language ("Madagascar: present delegates are Deputy Director
 * or below; Director required"). */
struct check_row {
	long long delegation_id;
	char code[16];
	char name[128];
	struct r4_outcome r4;
	bool applied;            /* false: the session does not apply R4 (set r4 off) */
	char detail[256];
};

/* The R4 check of every member state of the session's process, in code
 * order. *rows is malloc'd (free()). Returns 0 or < 0 (db status). */
int attendance_check(struct db *db, long long session, struct check_row **rows, size_t *n);
/* The R4 check of one delegation of the session's process (a screen
 * refreshes one row after a toggle). 0, 1 when the delegation is not in
 * the process (out cleared), or < 0. */
int attendance_check_delegation(struct db *db, long long session, long long delegation_id,
				struct check_row *out);
/* "4/5" style counts: OK member states and all member states (0/0 when
 * the session does not apply R4). */
int attendance_check_summary(struct db *db, long long session, int *ok, int *total);
/* The result word of a row: OK, ABSENT, LEVEL, ENTITY, or NOT_APPLIED when
 * the session does not apply R4 (check, check.csv). */
const char *attendance_result_code(const struct check_row *c);

/* ---- Codes named by people ---- */

/* A delegation's type (member, observer_state, observer_org) in the
 * current language: "member state", …; an unknown code as it is. */
const char *attendance_type_label(const char *type);

/* A level or an entity category named by its code or its French or
 * English label (ASCII case-insensitive, accents exact). Malloc'd code,
 * or NULL when unknown. */
char *attendance_level_code(struct db *db, const char *s);
char *attendance_category_code(struct db *db, const char *s);

/* ---- Read access for the Attendance screen ----
 *
 * Plain structs, fixed-size text (truncated at a character boundary),
 * freed with free(). Lists that can grow are read a page at a time
 * (keyset paging): pass the key of the last row seen (NULL for the first
 * page) and the page size; a page shorter than limit is the last one.
 * Each page costs one indexed range query per delegation type, plus two
 * indexed counts per delegation. Every function returns 0 or < 0 (a db
 * status; the reason is db_errmsg()). */

struct att_delegation {
	long long id;
	enum deleg_type type;
	char code[16];
	char name[128];          /* in the interface language */
	int n_delegates;         /* registered for the session */
	int n_present;
};

/* Where a page of delegations starts: after this type and code. */
struct att_delegation_key {
	enum deleg_type type;
	char code[16];
};

/* The delegations of the session's process, grouped by type (member
 * states, observer states, observer organisations), then by code. */
int attendance_delegations(struct db *db, long long session,
			   const struct att_delegation_key *after, size_t limit,
			   struct att_delegation **rows, size_t *n);

struct att_delegate {
	long long id;
	char name[208];
	char function[320];
	char level[32], level_label[96];     /* code, label in the interface language */
	int level_rank;
	char entity[208];
	char category[32], category_label[96];
	char email[128];
	bool head, present;
	char arrived[32], left_at[32];       /* ISO 8601, or "" */
};

/* A choice of a pick list: a level (highest rank first) or an entity
 * category (the core ones of R4 first, then the others, in fixture
 * order). */
struct att_choice {
	char code[32];
	char label[128];         /* in the interface language */
	int rank;                /* levels: larger = more senior; categories: 0 */
	bool core;               /* categories: one of the R4 core categories */
};
int attendance_levels(struct db *db, struct att_choice **rows, size_t *n);
int attendance_categories(struct db *db, struct att_choice **rows, size_t *n);

/* ---- Pages in both directions, the position of a delegate, the
 * screen's search, and the themes of a session as a pick list ---- */

enum att_seek {
	ATT_SEEK_AFTER,  /* names > key (key NULL: from the first) */
	ATT_SEEK_FROM,   /* names >= key (key NULL: from the first) */
	ATT_SEEK_BEFORE, /* the last `limit` names < key (key NULL: the last
			  * ones), returned in ascending order all the same */
};
/* A page of the delegates of one delegation in the session, by name (byte
 * order), around key: one indexed range query (delegate_by_delegation). */
int attendance_delegates_seek(struct db *db, long long session, long long delegation_id,
			      const char *key, enum att_seek seek, size_t limit,
			      struct att_delegate **rows, size_t *n);
/* How many delegates of the delegation sort before name (its list
 * position when it exists): an indexed count. */
int attendance_delegate_pos(struct db *db, long long session, long long delegation_id,
			    const char *name, int *pos);

/* A row of the screen's tree: a delegation (delegate false) or one of its
 * delegates, in the screen's order (type, code, the delegation before its
 * delegates, names in byte order). */
struct att_hit {
	enum deleg_type type;
	long long delegation_id;
	char code[16];
	bool delegate;
	char name[208];          /* the delegate's name, "" for a delegation */
	int rank;                /* how it matched (enum fold_match): FOLD_WORD,
				  * FOLD_INSIDE; 0 for a row that is no match */
};
/* The screen's search (/, then n and N): rows whose delegation code or
 * name (French, English, Spanish) or delegate name holds needle, case
 * and accents ignored (fold.h). The matches form a ring: those where
 * needle starts a word, in the screen's order, then those where it is
 * only inside a word, then round again.
 * From a row that is no match (from->rank 0) or from NULL (before the
 * first row): a new search, the first row after it (back: before it)
 * among the word starts, wrapping; only when no word starts, among the
 * others. From a match (from->rank > 0): the next (back: previous) match
 * of the ring. 0 found (*hit), 1 none, < 0 a db status. */
int attendance_search(struct db *db, long long session, const char *needle,
		      const struct att_hit *from, bool back, struct att_hit *hit);

/* The themes of the session (code, title in the interface language), in
 * catalogue order. */
int attendance_session_themes(struct db *db, long long session, struct att_choice **rows,
			      size_t *n);
/* ---- end of the Attendance screen's addition ---- */

/* Command handlers (attendance.c). */
int cmd_delegation_add(struct cmd_ctx *); /* delegation+ CODE TYPE "NAME" */
/* delegate+ CODE "NAME" LEVEL CATEGORY ["FUNCTION"] [head] */
int cmd_delegate_add(struct cmd_ctx *);
int cmd_delegate_del(struct cmd_ctx *);  /* delegate- CODE "NAME" */
int cmd_delegate_edit(struct cmd_ctx *); /* delegate= CODE "NAME" FIELD VALUE */
/* The fields delegate= changes (edit_field.h): the parser and the minutes. */
extern const struct edit_fields attendance_delegate_fields;
int cmd_present_add(struct cmd_ctx *);   /* present+ CODE ["NAME"] */
int cmd_present_del(struct cmd_ctx *);   /* present- CODE ["NAME"] */
int cmd_check(struct cmd_ctx *);         /* check */

#endif
