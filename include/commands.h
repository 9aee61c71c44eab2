/*
 * commands.h — every action is a named command (DESIGN §3); the top of
 * the command layer.
 *
 * One list (command_list.h) names each command once and generates both
 * `enum cmd_id` and command_table[]: name, arguments, help text, default
 * keys, the screens where it applies, and its handler. The `:` command
 * line, `rapporteur run`, the CLI, the key hints and the help screen all
 * come from that table; screens refer to commands by id (CMD_START…), so
 * the compiler checks that a key names a real command.
 *
 * command_exec() runs one command line as one transaction: BEGIN
 * IMMEDIATE, the handler, one journal row, COMMIT. On any error the
 * transaction is rolled back, so a refused command changes nothing. The
 * answer is one line: "ok …" or "error: …". What handlers need (struct
 * cmd_ctx, cmd_ok, cmd_err…) is in cmd.h, below the domain.
 */
#ifndef RAPPORTEUR_COMMANDS_H
#define RAPPORTEUR_COMMANDS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cmd.h"
#include "screen_list.h"

struct app;

/* Screens a command applies to (bitmask of enum screen_id, screen_list.h),
 * for key hints and help. */
#define ON(s) (1u << (s))
#define ON_ALL ((1u << SCR_COUNT) - 1)

enum command_flags {
	CMD_WRITE = 1,        /* changes the database: refused when read-only */
	CMD_NEEDS_SESSION = 2, /* needs a current session */
	CMD_OPEN_SESSION = 4, /* refused while the session is closed */
	CMD_UI = 8,           /* a screen action with no handler (help, quit…) */
	CMD_LOCAL = 32,       /* with CMD_UI: a key of one screen (help and hints list
			       * it with that screen's commands; no global meaning) */
	CMD_GROUP = 64,       /* a first word whose rows are "word sub" (session):
			       * alone or with an unknown sub-word it answers its usage */
	CMD_SUB = 128,        /* a "word sub" row: help and completion show its group */
	CMD_AT_ITEM = 256,    /* journaled under the agenda item in progress (if any) */
	CMD_DRY_RUN = 512,    /* with --dry-run among its words it only reads: no write
			       * transaction (no write lock), no journal row, allowed
			       * read-only; still refused where the real one would be */
};

/* One id per row of command_list.h: CMD_HELP, CMD_START, CMD_PRESENT_ADD… */
enum cmd_id {
	CMD_NONE = -1,
#define CMD(id, ...) CMD_##id,
#include "command_list.h"
#undef CMD
	CMD_COUNT
};

struct command_def {
	enum cmd_id id;
	const char *name;
	const char *args;     /* usage, e.g. "CODE [\"NAME\"]" */
	const char *help;     /* N_("…"), translated when shown; NULL for CMD_SUB */
	int min_args, max_args; /* after the name (after "word sub" for CMD_SUB) */
	unsigned flags;       /* enum command_flags */
	const char *keys;     /* default keys as shown in hints, e.g. "s" */
	unsigned screens;     /* ON(SCR_…) mask */
	cmd_fn run;           /* NULL for CMD_UI and CMD_GROUP entries */
};

extern const struct command_def command_table[];
extern const size_t command_count;

/* Look a command up by name (or French alias). NULL if unknown. */
const struct command_def *command_find(const char *name);
/* The row of a command id (CMD_NONE or out of range: NULL). */
const struct command_def *command_by_id(enum cmd_id id);

/* Split a command line into words; "…" quotes, \" and \\ escape inside
 * quotes, and \n inside quotes is a line end (multi-line texts). Returns
 * 0, or -1 with a reason in err (unbalanced quote, invalid UTF-8, control
 * character). *argv is malloc'd (free with
 * command_free_argv). A '#' at the start of a word outside quotes starts
 * a comment. */
int command_split(const char *line, int *argc, char ***argv, char *err, size_t errlen);
void command_free_argv(int argc, char ***argv);

/* Run one command line. Writes "ok …" or "error: …" (one line, no newline)
 * to out. Returns 0 on ok, 1 on a refused command. A blank or comment line
 * gives 0 and an empty out. */
int command_exec(struct app *app, const char *line, char *out, size_t outsize);
/* The same, writing the answer twice: to out as the protocol says it
 * (what command_exec writes and `run` prints: an "ok" answer the same in
 * every language, answers.h) and to said in the interface language (what
 * the TUI's message line and `follow` show). An error's reason is in the
 * interface language in both. */
int command_exec_said(struct app *app, const char *line, char *out, size_t outsize, char *said,
		      size_t saidsize);

/* Run a script of commands, one per line, writing each answer to `answers`
 * as "LINE: ok …"/"LINE: error: …". Stops at the first error unless
 * keep_going. Returns 0 if every command succeeded, 1 otherwise. */
int command_run_script(struct app *app, FILE *in, const char *name, bool keep_going,
		       FILE *answers);
/* Set (to the signal number) by `run`'s SIGHUP/SIGTERM handler:
 * command_run_script finishes the command under way, then stops before
 * the next line (the interrupted read of a terminal or pipe ends too). */
extern volatile sig_atomic_t command_stop_signal;

#endif
