/*
 * session.h — sessions (meetings) of a process (DESIGN R2): what screens
 * and the exporter read about one session, and the helpers the session
 * commands share with the theme and attendance commands, and the command
 * handlers (session new/open/close/reopen, set, theme+, theme-)
 * implemented in session.c, and the carry-over (session_carry.c).
 */
#ifndef RAPPORTEUR_SESSION_H
#define RAPPORTEUR_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "edit_field.h"

struct cmd_ctx;
struct db;

/* One session as stored, with its process and minimum level labels in
 * the interface language. Text fields are truncated at a character
 * boundary to fit; absent values are "". */
struct session_info {
	long long id;
	long long process_id;
	char process_code[32];
	char title[320];
	char level[16];            /* expert, senior, ministerial */
	char start_date[16], end_date[16];   /* YYYY-MM-DD or "" */
	char venue[208], host[32], chair[208];
	char min_level[32];        /* level code */
	char min_level_label[96];
	int min_rank;
	char rule[16];             /* consensus, majority */
	int workshop_places, next_places;
	char status[16];           /* planned, open, closed */
};

/* The code lists of a session as stored (the schema's CHECKs allow
 * exactly these; test_db checks it), NULL-terminated. */
extern const char *const session_levels[];      /* expert senior ministerial */
extern const char *const session_rules[];       /* consensus majority */
extern const char *const session_statuses[];    /* planned open closed */

/* Read session id into *out. Returns 0, 1 when there is no such session
 * (out cleared), or < 0 (db status). */
int session_get(struct db *db, long long id, struct session_info *out);

/* True when s is a real calendar date written YYYY-MM-DD. */
bool session_date_valid(const char *s);

/* Create a free theme (source 'free', code 'free-SESSION-N' with the first
 * unused N) titled `title`, inside the caller's transaction. Returns its
 * id, or 0 on a database error. */
long long session_free_theme(struct db *db, long long session, const char *title);

/* For handlers: refuse (filling ctx->msg, returning -1) a text that is
 * not one clean UTF-8 line of at most max bytes, or that is blank when
 * required; `what` names the argument. 0 when acceptable. */
int session_check_text(struct cmd_ctx *c, const char *what, const char *s, size_t max,
		       bool required);

/* Append " (check: 3/5 OK)" — the R4 count of the session — to c's
 * answer, nothing when the check cannot be read. Returns 0. */
int session_check_answer(struct cmd_ctx *c);

/* session new … --from ID (session_carry.c): carry the roster, the
 * agenda template and the settings of session `from` into the new
 * session `to` (same process).
 * Returns 0 with the counts, or a db status < 0; 1 when `from` is not a
 * session of the same process. */
int session_carry_over(struct db *db, long long from, long long to, int *delegates,
		       int *items);

/* Command handlers (session.c). */
int cmd_session_new(struct cmd_ctx *);   /* session new "TITLE" LEVEL DATE */
int cmd_session_open(struct cmd_ctx *);  /* session open ID */
int cmd_session_close(struct cmd_ctx *); /* session close */
int cmd_session_reopen(struct cmd_ctx *); /* session reopen */
int cmd_session_set(struct cmd_ctx *);   /* set KEY VALUE (venue, min_level, rule, …) */
/* The settings set changes (edit_field.h): the parser and the minutes. */
extern const struct edit_fields session_settings;
int cmd_theme_add(struct cmd_ctx *);     /* theme+ CODE|"TITLE": a session theme */
int cmd_theme_del(struct cmd_ctx *);     /* theme- CODE */

#endif
