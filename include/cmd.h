/*
 * cmd.h — the bottom of the command layer: what a command handler needs
 * (its context, the answer, argument parsing, the delegation lookup, the
 * clock). Domain handlers include this, never commands.h (the table and
 * command_exec sit above the domain).
 *
 * A handler returns 0 with its answer set by cmd_ok (the answers are
 * listed once, in answers.h), or -1 with ctx->msg holding the reason
 * (already translated).
 */
#ifndef RAPPORTEUR_CMD_H
#define RAPPORTEUR_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "rules.h"

struct app;
struct db;

struct cmd_ctx {
	struct app *app;
	struct db *db;
	long long session;        /* current session (0 if none) */
	int argc;                 /* argv[0] is the command name */
	char **argv;
	const char *line;         /* the command line as typed */
	/* Filled by the handler: */
	char msg[512];            /* text after "ok " (the protocol form, English)
				   * or the error reason (translated) */
	char said[512];           /* the answer in the interface language, "" if none */
	long long item;           /* agenda item number concerned (journal) */
	char delegation[32];      /* delegation code concerned (journal) */
	char event[32];           /* journal event type; defaults to the command name */
	char detail[512];         /* one line for the minutes; defaults to msg */
	char *before, *after;     /* malloc'd state descriptions, or NULL */
	char *args;               /* malloc'd JSON event (cmd_event), or NULL */
	long long new_session;    /* set by session new/open to switch */
	bool unchanged;           /* nothing was written (a dry run): no journal row */
	bool unstored;            /* refused because the database could not write
				   * (busy past the timeout, disk full): cmd_db_err */
	/* Undo (undo.h): */
	long long journal_seq;    /* the journal row written (set by command_exec) */
	long long reverts;        /* undo/redo: the journal row reverted */
	int undo_step;            /* enum undo_step */
	bool changed;             /* the command changed rows of the record */
};

typedef int (*cmd_fn)(struct cmd_ctx *ctx);

/*
 * The answer after "ok ", in two forms from one format of answers.h
 * (ANS_…, an English message id, never translated by the caller): msg
 * gets it as it is — the protocol form `run` prints, the same in every
 * language — and said gets it translated (gettext), the form the TUI and
 * `follow` show. cmd_okn chooses between a singular and a plural format
 * by n (ngettext for said, the English rule for msg) from a plural
 * answer ANS_…(n). cmd_ok_add and cmd_okn_add append to both forms (a
 * suffix); cmd_said replaces the translated form alone with its format
 * translated (labels where the protocol names codes). All return 0.
 */
int cmd_ok(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cmd_ok_plural(struct cmd_ctx *c, bool add, const char *one, const char *many,
		  unsigned long n, ...) __attribute__((format(printf, 3, 6), format(printf, 4, 6)));
#define cmd_okn(c, ans, n, ...) \
	cmd_ok_plural((c), false, ans(1), ans(2), (unsigned long)(n), __VA_ARGS__)
#define cmd_okn_add(c, ans, n, ...) \
	cmd_ok_plural((c), true, ans(1), ans(2), (unsigned long)(n), __VA_ARGS__)
int cmd_ok_add(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cmd_said(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cmd_err(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Turn the db's last error into a translated reason (R5_OBSERVER, busy,
 * full disk, read-only…); returns -1. */
int cmd_db_err(struct cmd_ctx *c);
/* Parse a positive integer argument; on error fills msg and returns -1. */
int cmd_arg_num(struct cmd_ctx *c, int i, const char *what, long long *out);
/* Resolve a delegation code in the session's process. Returns its id or
 * 0 with msg filled ("unknown delegation XYZ"). type_out may be NULL and
 * receives "member", "observer_state" or "observer_org". */
long long cmd_delegation(struct cmd_ctx *c, const char *code, char *type_out, size_t typesize);
/* Resolve a delegation code as cmd_delegation() does, then ask the rules
 * (rules_may: R5, R6) whether its type may act in `role`. Returns its id,
 * or 0 with msg filled: unknown, or refused (refusal_fmt, a format taking
 * the delegation code). */
long long cmd_delegation_may(struct cmd_ctx *c, const char *code, enum draft_role role,
			     const char *refusal_fmt);
/*
 * What the journal row says, as an event code and its arguments
 * (minutes_render.h): rendered in the reader's language when the minutes
 * are read, and now into detail for rows read without a renderer. types
 * holds one letter per argument: 's' const char * (NULL as ""), 'i' long
 * long (a JSON number). At most EVENT_ARGS_MAX arguments.
 */
void cmd_event(struct cmd_ctx *c, const char *code, const char *types, ...);
/* Current time as ISO 8601 (clock_now()). buf of 32 bytes. */
char *cmd_now(char *buf, size_t size);

int cmd_clock(struct cmd_ctx *);            /* clock TIME|now */

#endif
