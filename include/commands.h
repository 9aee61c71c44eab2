/*
 * commands.h — every action is a named command (DESIGN §3).
 *
 * One table (commands.c) lists each command once: name, arguments, help
 * text, default keys, the screens where it applies, and its handler. The
 * `:` command line, `rapporteur run`, the CLI, the key hints and the help
 * screen all come from that table.
 *
 * command_exec() runs one command line as one transaction: BEGIN
 * IMMEDIATE, the handler, one journal row, COMMIT. On any error the
 * transaction is rolled back, so a refused command changes nothing. The
 * answer is one line: "ok …" or "error: …".
 */
#ifndef RAPPORTEUR_COMMANDS_H
#define RAPPORTEUR_COMMANDS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct app;
struct db;

/* Screens a command applies to (bitmask), for key hints and help. */
enum screen_id {
	SCR_AGENDA = 0, SCR_FLOOR, SCR_ATTENDANCE, SCR_THEMES, SCR_RECS, SCR_MINUTES,
	SCR_COUNT
};
#define ON(s) (1u << (s))
#define ON_ALL ((1u << SCR_COUNT) - 1)

enum command_flags {
	CMD_WRITE = 1,        /* changes the database: refused when read-only */
	CMD_SESSION = 2,      /* needs a current session */
	CMD_OPEN_SESSION = 4, /* refused while the session is closed */
	CMD_UI = 8,           /* a screen action with no handler (help, quit…) */
	CMD_NO_JOURNAL = 16,  /* a write that is not journaled (drafts) */
	CMD_LOCAL = 32,       /* with CMD_UI: a key of one screen (help and hints list
			       * it with that screen's commands; no global meaning) */
};

struct cmd_ctx {
	struct app *app;
	struct db *db;
	long long session;        /* current session (0 if none) */
	int argc;                 /* argv[0] is the command name */
	char **argv;
	const char *line;         /* the command line as typed */
	/* Filled by the handler: */
	char msg[512];            /* text after "ok " or the error reason */
	long long item;           /* agenda item number concerned (journal) */
	char delegation[32];      /* delegation code concerned (journal) */
	char event[32];           /* journal event type; defaults to the command name */
	char detail[512];         /* one line for the minutes; defaults to msg */
	char *before, *after;     /* malloc'd state descriptions, or NULL */
	long long new_session;    /* set by session new/open to switch */
	bool unchanged;           /* nothing was written (a dry run): no journal row */
};

/* A handler returns 0 with ctx->msg holding the answer after "ok ", or
 * -1 with ctx->msg holding the reason (already translated). */
typedef int (*cmd_fn)(struct cmd_ctx *ctx);

struct command_def {
	const char *name;
	const char *args;     /* usage, e.g. "CODE [\"NAME\"]" */
	const char *help;     /* N_("…"), translated when shown */
	int min_args, max_args;
	unsigned flags;       /* enum command_flags */
	const char *keys;     /* default keys as shown in hints, e.g. "s" */
	unsigned screens;     /* ON(SCR_…) mask */
	cmd_fn run;           /* NULL for CMD_UI entries */
};

extern const struct command_def command_table[];
extern const size_t command_count;

/* Look a command up by name (or French alias). NULL if unknown. */
const struct command_def *command_find(const char *name);

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

/* Run a script of commands, one per line, writing each answer to `answers`
 * as "LINE: ok …"/"LINE: error: …". Stops at the first error unless
 * keep_going. Returns 0 if every command succeeded, 1 otherwise. */
int command_run_script(struct app *app, FILE *in, const char *name, bool keep_going,
		       FILE *answers);
/* Set (to the signal number) by `run`'s SIGHUP/SIGTERM handler:
 * command_run_script finishes the command under way, then stops before
 * the next line (the interrupted read of a terminal or pipe ends too). */
extern volatile sig_atomic_t command_stop_signal;

/* Helpers for handlers. */
int cmd_ok(struct cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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
/* Current time as ISO 8601 (clock_now()). buf of 32 bytes. */
char *cmd_now(char *buf, size_t size);

/*
 * Handlers, one per command, implemented in the domain modules:
 * session.c, attendance.c, agenda.c, floor.c, themes.c, recs.c, and
 * commands.c for the generic ones.
 */
int cmd_session_new(struct cmd_ctx *);      /* session new "TITLE" LEVEL DATE */
int cmd_session_open(struct cmd_ctx *);     /* session open ID */
int cmd_session_close(struct cmd_ctx *);    /* session close */
int cmd_session_reopen(struct cmd_ctx *);   /* session reopen */
int cmd_session_set(struct cmd_ctx *);      /* set KEY VALUE (venue, min_level, rule, …) */
int cmd_theme_add(struct cmd_ctx *);        /* theme+ CODE|"TITLE": a session theme */
int cmd_theme_del(struct cmd_ctx *);        /* theme- CODE */
int cmd_delegation_add(struct cmd_ctx *);   /* delegation+ CODE TYPE "NAME" */
int cmd_delegate_add(struct cmd_ctx *);     /* delegate+ CODE "NAME" LEVEL CATEGORY ["FUNCTION"] [head] */
int cmd_delegate_del(struct cmd_ctx *);     /* delegate- CODE "NAME" */
int cmd_delegate_edit(struct cmd_ctx *);    /* delegate= CODE "NAME" FIELD VALUE */
int cmd_present_add(struct cmd_ctx *);      /* present+ CODE ["NAME"] */
int cmd_present_del(struct cmd_ctx *);      /* present- CODE ["NAME"] */
int cmd_check(struct cmd_ctx *);            /* check */
int cmd_item_add(struct cmd_ctx *);         /* item+ "TITLE" [KIND] [MINUTES] [HH:MM] */
int cmd_item_edit(struct cmd_ctx *);        /* item= N FIELD VALUE */
int cmd_start(struct cmd_ctx *);            /* start N */
int cmd_end(struct cmd_ctx *);              /* end */
int cmd_skip(struct cmd_ctx *);             /* skip N */
int cmd_move(struct cmd_ctx *);             /* move N M */
int cmd_queue_add(struct cmd_ctx *);        /* q+ CODE ["NAME"] [TYPE] */
int cmd_queue_del(struct cmd_ctx *);        /* q- CODE */
int cmd_queue_move(struct cmd_ctx *);       /* qmove CODE POS */
int cmd_floor(struct cmd_ctx *);            /* floor [CODE] */
int cmd_yield(struct cmd_ctx *);            /* yield "SUMMARY" */
int cmd_propose(struct cmd_ctx *);          /* propose TARGET "THEME" [CODE|ctp] */
int cmd_position(struct cmd_ctx *);         /* position P CODE support|object|abstain|none */
int cmd_select(struct cmd_ctx *);           /* select P */
int cmd_reject(struct cmd_ctx *);           /* reject P */
int cmd_merge(struct cmd_ctx *);            /* merge P Q ["TITLE"] */
int cmd_rec_add(struct cmd_ctx *);          /* rec+ CODE "TITLE" "TEXT" */
int cmd_amend(struct cmd_ctx *);            /* amend N CODE "TEXT" ["TEXT_EN"] */
int cmd_cosponsor(struct cmd_ctx *);        /* cosponsor N CODE */
int cmd_reserve(struct cmd_ctx *);          /* reserve N CODE "REASON" */
int cmd_object(struct cmd_ctx *);           /* object N CODE ["REASON"] */
int cmd_unobject(struct cmd_ctx *);         /* unobject N CODE */
int cmd_status(struct cmd_ctx *);           /* status N STATUS */
int cmd_adopt(struct cmd_ctx *);            /* adopt N */
int cmd_rec_set(struct cmd_ctx *);          /* rec= N theme|item|title VALUE */
int cmd_note(struct cmd_ctx *);             /* note "TEXT" */
int cmd_export(struct cmd_ctx *);           /* export DIR [--force] [--bom] */
int cmd_import(struct cmd_ctx *);           /* import FILE [--dry-run] (participants) */
int cmd_clock(struct cmd_ctx *);            /* clock TIME|now */

#endif
