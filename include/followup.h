/*
 * followup.h — the process across meetings (DESIGN §8): the follow-up of
 * recommendations adopted in earlier sessions (per member state, an
 * implementation status), the CTP's reviews, and the actions of the plan
 * of action, numbered within the process and carried from session to
 * session until done or dropped.
 *
 * A recommendation of any session of the process is named S<session>/R<n>
 * (S4/R3); R<n> or <n> alone is one of the current session. The commands
 * (follow, review, action+, action) are implemented in followup.c; the
 * reads behind screen 7 and the export in followup_read.c.
 */
#ifndef RAPPORTEUR_FOLLOWUP_H
#define RAPPORTEUR_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>

struct cmd_ctx;
struct db;

/* Implementation statuses, in the order of the grid's keys. */
extern const char *const followup_statuses[];   /* NULL-terminated */
extern const size_t followup_status_count;
bool followup_status_valid(const char *code);
const char *followup_status_label(const char *code);  /* translated */
char followup_status_mark(const char *code);           /* one letter for the grid */

/* Action owners other than a delegation code. */
bool followup_owner_generic(const char *owner);        /* secretariat, ctp, chair */
extern const char *const action_states[];              /* open, done, dropped; NULL-terminated */
const char *action_state_label(const char *code);      /* translated */

/* Resolve "S4/R3", "R3" or "3" (current session) within the process of
 * `session`. Returns the recommendation's id, 0 when there is none (msg
 * filled), -1 on a malformed reference (msg filled). num_out and
 * session_out may be NULL. */
long long followup_rec_ref(struct db *db, long long session, const char *ref,
			   long long *session_out, long long *num_out, char *msg, size_t msgsize);

/* ---- reads (followup_read.c) ---- */

/* A recommendation that can be followed (adopted or submitted) in a
 * session of the process up to the current one. */
struct fu_rec {
	long long id, session, num;
	char ref[32];            /* S4/R3 */
	char *title;
	char status[12];         /* adopted, submitted */
	char *theme;             /* theme code or "" */
	char overall[16];        /* derived from the member states' statuses */
};

/* What the grid shows of them: session 0 = every session, overall NULL
 * = every overall state, theme NULL = every theme ("" = no theme). */
struct fu_filter {
	long long session;
	const char *overall;
	const char *theme;       /* a theme code */
};

/* The recommendations that can be followed, in (session, num) order,
 * from the offset-th, at most limit, that the filter keeps (NULL: all).
 * followup_recs_count counts them with the same filter. */
int followup_recs(struct db *db, long long session, const struct fu_filter *flt,
		  long long offset, size_t limit, struct fu_rec **rows, size_t *n);
int followup_recs_count(struct db *db, long long session, const struct fu_filter *flt);
/* The theme codes of the recommendations that can be followed, sorted,
 * "" last for those without a theme (malloc'd array of n). */
int followup_themes(struct db *db, long long session, char (**codes)[32], size_t *n);
/* The grid row of one recommendation: marks[i] is the mark of the status
 * of member state codes[i] ('.' when never reported). */
int followup_row_marks(struct db *db, long long rec, char (*codes)[16], size_t n, char *marks);
void followup_recs_free(struct fu_rec **rows, size_t n);

/* The member states of the session's process, code order: codes[n]. */
int followup_members(struct db *db, long long session, char (**codes)[16], size_t *n);

/* One cell: the latest status of rec for the member state. */
struct fu_cell {
	char status[16];         /* no_report when never reported */
	char *note;
	char reported_at[32];
	char *reported_by;
	long long in_session;    /* session in which it was reported, 0 if none */
};
int followup_cell(struct db *db, long long rec, const char *code, struct fu_cell *out);
void followup_cell_free(struct fu_cell *c);

/* The history of one cell, newest first: lines "DATE STATUS by WHO: NOTE". */
int followup_history(struct db *db, long long rec, const char *code, size_t limit,
		     char ***lines, size_t *n);
void followup_lines_free(char ***lines, size_t n);

/* Overall state of a recommendation from its cells. */
const char *followup_overall(struct db *db, long long session, long long rec);

struct action_row {
	long long num;
	char owner[32];
	char *text;
	char due[16];            /* YYYY-MM-DD or "" */
	char state[12];          /* open, done, dropped */
	long long opened_in, closed_in;
	char *note;
	bool overdue;            /* open and due before the session's date */
};
/* Actions of the process opened up to the session, in number order from
 * the offset-th, at most limit; open_only lists only the open ones. */
int followup_actions(struct db *db, long long session, bool open_only, long long offset,
		     size_t limit, struct action_row **rows, size_t *n);
int followup_actions_count(struct db *db, long long session, bool open_only);

/* What the report's follow-up section has to say of session `session`:
 * whether a member state reported at it, and whether an action of the
 * process was open at some point during it. */
bool followup_reported_at(struct db *db, long long session);
bool followup_actions_during(struct db *db, long long session);
void followup_actions_free(struct action_row **rows, size_t n);

/* History of representation: for a member state and a session, the R4
 * result and the level of the head of delegation. */
struct repr_cell {
	char r4[8];              /* OK, ABSENT, LEVEL, ENTITY, or "" (no delegate) */
	char head_level[96];     /* level of the head (interface language), or "" */
};
/* Sessions of the process up to the current one, newest first, skipping
 * the first `offset`. */
int followup_sessions(struct db *db, long long session, long long offset, size_t limit,
		      long long **ids, char (**labels)[64], size_t *n);
int followup_sessions_count(struct db *db, long long session);
int followup_repr(struct db *db, long long session, const char *code, struct repr_cell *out);

/* ---- for the meeting report: what this session did across meetings ---- */

/* Reports made at `session`, in (recommendation, state, time) order, from
 * the offset-th, at most limit: "S1/R3", state code, status code, note. */
struct fu_report {
	char ref[32];
	char code[16];
	char status[16];
	char *note;
};
int followup_reports_at(struct db *db, long long session, long long offset, size_t limit,
			struct fu_report **rows, size_t *n);
void followup_reports_free(struct fu_report **rows, size_t n);
/* The actions as they stood at `session`: opened at or before it and not
 * closed before it (state "open" unless closed at this very session). */
int followup_actions_at(struct db *db, long long session, long long offset, size_t limit,
			struct action_row **rows, size_t *n);

/* ---- command handlers (followup.c) ---- */
int cmd_follow(struct cmd_ctx *);       /* follow REC CODE STATUS ["NOTE"] */
int cmd_review(struct cmd_ctx *);       /* review REC "CONCLUSION" */
int cmd_action_add(struct cmd_ctx *);   /* action+ OWNER "TEXT" [DUE] */
int cmd_action_set(struct cmd_ctx *);   /* action N open|done|dropped ["NOTE"] */

#endif
