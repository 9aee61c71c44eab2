/*
 * themes.h — the theme choice of a session (R6): read access to the theme
 * catalogue and to the proposals of a session, for the Themes screen and
 * the export (themes_read.c), and the handlers of the commands (propose,
 * position, select, reject, merge: themes.c).
 *
 * Every function returns 0 on success and -1 on a database error (the
 * reason is db_errmsg()). Lists are malloc'd arrays the caller frees with
 * the matching *_free function; strings inside are owned by the rows.
 * Lists that can grow are read a page at a time (keyset paging): pass the
 * last key seen (0 for the first page) and the page size.
 */
#ifndef RAPPORTEUR_THEMES_H
#define RAPPORTEUR_THEMES_H

#define THEME_TITLE_MAX 500     /* bytes of a proposal's title; propose and merge refuse longer */

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

struct cmd_ctx;
struct db;

/*
 * SQL: the title of the catalogue theme T (a table alias) in the language
 * L (a bound parameter, "fr", "en" or "es"), chosen as i18n_pick chooses
 * labels: Spanish where the catalogue has it, else English, else French.
 * PROPOSAL_TITLE_SQL: a proposal P's title in that language when it is
 * a title of its catalogue theme T (in any language), else as typed (a
 * free title, a merged proposal's title, which keeps its theme).
 */
#define THEME_TITLE_SQL(T, L)                                                     \
	"(CASE WHEN " L " = 'es' AND " T ".title_es <> '' THEN " T ".title_es"    \
	" WHEN " L " = 'fr' OR " T ".title_en = '' THEN " T ".title_fr"           \
	" ELSE " T ".title_en END)"
#define PROPOSAL_TITLE_SQL(P, T, L)                                               \
	"(CASE WHEN " P ".title IN (" T ".title_fr, " T ".title_en,"              \
	" NULLIF(" T ".title_es, '')) THEN " THEME_TITLE_SQL(T, L)                \
	" ELSE " P ".title END)"

/* ---- The catalogue ---- */

struct theme_entry {
	long long id;
	char *code;
	char *source;      /* midiocc, idm, free */
	int year;          /* 0 when none */
	char *kind;        /* axis, overarching, workshop, free */
	char *title_fr, *title_en;
};

/* Themes with id > after_id, in id order (the fixtures' order), at most
 * limit rows. source: NULL or "" for every source. text: NULL or "" for no
 * filter, else a substring of the code or of either title (LIKE, ASCII
 * case-insensitive; % and _ in text are taken literally). */
int themes_catalogue(struct db *db, const char *source, const char *text, long long after_id,
		     size_t limit, struct theme_entry **rows, size_t *n);
void themes_catalogue_free(struct theme_entry **rows, size_t n);

/* The entity categories the fixtures link to a theme (R4 competence). */
struct theme_category {
	char *code;
	char *label_fr, *label_en;
};
int themes_categories(struct db *db, long long theme_id, struct theme_category **rows, size_t *n);
void themes_categories_free(struct theme_category **rows, size_t n);

/* ---- Proposals ---- */

/* The code lists of a proposal as stored (the schema's CHECKs allow
 * exactly these), NULL-terminated. */
extern const char *const themes_targets[];           /* workshop next */
extern const char *const themes_proposer_kinds[];    /* secretariat ctp member */
extern const char *const themes_proposal_statuses[]; /* open selected rejected merged */

struct proposal_info {
	long long id;
	long long num;              /* P1, P2, … within the session */
	char target[12];            /* workshop, next */
	long long theme_id;         /* 0 for a free title */
	char *theme_code;           /* "" for a free title */
	char *title;                /* in the reader's language (PROPOSAL_TITLE_SQL) */
	char *title_stored;         /* as stored: the same in every language */
	char proposer_kind[16];     /* secretariat, ctp, member */
	char proposer[32];          /* delegation code, or "secretariat" / "ctp" */
	char status[12];            /* open, selected, rejected, merged */
	long long merged_into;      /* number of the proposal it was merged into, or 0 */
	char *origins;              /* "P1; P3" for a merged proposal, else "" */
	char created_at[32];
	/* Positions of the member states present now, under the session's
	 * decision rule: counts, whether it may be selected, and the names of
	 * the present objectors joined by ", " ("" when none). */
	struct r6_outcome outcome;
	char *objectors;
};

/* One proposal by number; 1 when there is none (out is cleared). */
int themes_proposal_get(struct db *db, long long session, long long num,
			struct proposal_info *out);
void themes_proposal_clear(struct proposal_info *p);
void themes_proposals_free(struct proposal_info **rows, size_t n);

/* The outcome of a proposal now: the positions of the member states
 * present, under the session's decision rule; with objectors not NULL,
 * also the names of the present objectors joined by ", " (malloc'd). */
int themes_outcome(struct db *db, long long session, long long proposal_id, struct r6_outcome *o,
		   char **objectors);

/* ---- The grid: member state × proposal ---- */

struct grid_member {
	long long id;
	char code[32];
	char *name;                 /* in the interface language */
	bool present;               /* a delegate present in this session */
};

struct theme_grid {
	size_t n_members, n_proposals;
	struct grid_member *members;   /* the process's member states, by code */
	long long *proposals;          /* proposal numbers, in order */
	enum stance *cells;            /* cells[m * n_proposals + p] */
};

void themes_grid_free(struct theme_grid *g);

/* ---- What the Themes screen pages through ----
 * Paged reads addressed by list index. The catalogue here is the fixtures'
 * themes only (source <> 'free'); the proposals of a target here are those
 * still shown (status <> 'merged'). Return 0, or -1 on a database error;
 * the *_find functions return 1 when nothing matches. */

/* Themes of the catalogue, and rows [offset, offset + limit) of it in id
 * order (free with themes_catalogue_free). */
int themes_view_catalogue_count(struct db *db, size_t *n);
int themes_view_catalogue_page(struct db *db, size_t offset, size_t limit,
			       struct theme_entry **rows, size_t *n);
/* The first catalogue theme with id > after_id whose code or either title
 * contains text (ASCII case-insensitive): its list index and id. */
int themes_view_catalogue_find(struct db *db, const char *text, long long after_id,
			       size_t *index, long long *id);

/* One target of a session: places to fill (workshop_places/next_places),
 * the session's decision rule, proposals shown and selected. */
struct theme_view_target {
	int places;
	enum decision_rule rule;
	int shown, selected;
};
int themes_view_target(struct db *db, long long session, const char *target,
		       struct theme_view_target *t);

/* Proposals shown of a target, rows [offset, offset + limit) in number
 * order, with their outcome (free with themes_proposals_free). */
int themes_view_proposals(struct db *db, long long session, const char *target, size_t offset,
			  size_t limit, struct proposal_info **rows, size_t *n);
/* The first proposal shown of a target with num > after_num whose title,
 * theme code, proposer or origins contain text: its list index. */
int themes_view_proposal_find(struct db *db, long long session, const char *target,
			      const char *text, long long after_num, size_t *index);

/* Every member state of the session's process (code order, presence now)
 * and their positions on props[0..np) (g->proposals are their numbers).
 * Free with themes_grid_free. */
int themes_view_grid(struct db *db, long long session, const struct proposal_info *props,
		     size_t np, struct theme_grid *g);

/* The themes of the session joined by "; " in the interface language
 * (malloc'd, "" when none). */
int themes_view_session_themes(struct db *db, long long session, char **text);

/* Command handlers (themes.c). */
int cmd_propose(struct cmd_ctx *);       /* propose TARGET "THEME" [CODE|ctp] */
int cmd_position(struct cmd_ctx *);      /* position P CODE support|object|abstain|none */
int cmd_select(struct cmd_ctx *);        /* select P */
int cmd_reject(struct cmd_ctx *);        /* reject P */
int cmd_merge(struct cmd_ctx *);         /* merge P Q ["TITLE"] */

#endif
