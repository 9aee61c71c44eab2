/*
 * screen.h — the screen interface of the terminal interface (DESIGN §3,
 * §4) and the services the shell (src/ui*.c) offers to screens.
 *
 * A screen is a struct screen_ops filled in at the end of its file in
 * screens/ (tig's view_ops). The shell owns the loop, the title bar, the
 * tabs, the message line and the hint bar; a screen owns the body window
 * between the tabs and the message line.
 *
 * Contract of a screen:
 *  - open(s, app)   load what is visible (through the read APIs of the
 *                   domain modules: agenda.h, floor.h, attendance.h, …;
 *                   never SQL, never db.h). Called when the screen is first
 *                   shown and again whenever the data may have changed
 *                   (after a command, or another instance wrote the file).
 *                   It must be idempotent: free what the last call loaded.
 *                   s->data is the screen's own state (NULL at first).
 *                   Returns 0, or -1 with ui_error() called.
 *  - layout(s, rows, cols)  the body window is now rows × cols (≥ 20 × 80).
 *  - draw(s, win)   paint the body into win. Never call refresh/wrefresh/
 *                   doupdate: the shell calls wnoutrefresh + one doupdate.
 *                   Called only when the shell marked the screen dirty or
 *                   when the screen's own handle() returned H_REDRAW; to
 *                   keep a cursor move cheap, repaint only the rows that
 *                   changed (the list widget of widgets.h does).
 *  - handle(s, app, ev)  a key → bits of enum handled. ev->key is the key
 *                   (keys.h codes: for lists, forms, typed text); ev->cmd
 *                   is the command the shell resolved it to on this screen
 *                   from the table's keys (CMD_START…, the screen's local
 *                   rows CMD_GRID…, CMD_NONE): a screen switches on the
 *                   id, never compares command names or bound keys.
 *                   H_IGNORED lets the shell's global keymap take the key
 *                   (help, quit, :, /, Tab, 1–6). Changes go through
 *                   ui_exec("start 3") → command_exec(): the shell shows
 *                   the answer on the message line and reloads screens.
 *  - close(s)       free s->data (at exit, including SIGHUP/SIGTERM: save a
 *                   draft here if the screen holds typed text).
 *  - search(s, needle, next)  optional: select the next row matching
 *                   needle (case-insensitive); false when none.
 *  - tick(s, app)   optional: called about once a second while idle;
 *                   return H_REDRAW only when something visible changed
 *                   (an idle screen must send nothing).
 *  - hide(s)        optional: the screen is left for another tab. Free the
 *                   rows of its page, keep only what restores the view
 *                   exactly (selection, top row, ids, search and filters,
 *                   a mode's state); the shell calls open() again when it
 *                   is shown, so what another instance changed meanwhile
 *                   shows (issue 16: the memory holds the rows of the
 *                   screen shown, not of every screen visited).
 *  - held(s)        optional: the bytes of rows the screen holds now
 *                   (its page), for the tests' @stats.
 *
 * To add a screen: write screens/NAME.c ending with
 *     const struct screen_ops NAME_screen_ops = { .name = N_("Name"), … };
 * add X(ID, NAME) to SCREEN_LIST (screen_list.h: it makes SCR_ID, which
 * orders the tabs), give its commands keys and A(ID) in command_list.h
 * (a key of the screen alone is a row with flag L) so that the hint bar
 * and help list them, and write tests/ui/NAME.sh (tests/ui/README.md).
 */
#ifndef RAPPORTEUR_SCREEN_H
#define RAPPORTEUR_SCREEN_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "commands.h"
#include "keys.h"

struct app;
struct check_row;

/* What handle() did with a key (htop's HandlerResult). */
enum handled {
	H_IGNORED = 0, /* not mine: the shell's global keymap may take it */
	H_DONE = 1,    /* consumed */
	H_REDRAW = 2,  /* draw() the body again (only what changed) */
	H_RELOAD = 4,  /* open() again: the data changed */
	H_QUIT = 8,    /* leave the program */
};

struct screen {
	const struct screen_ops *ops;
	int id;        /* enum screen_id, SCR_COUNT for help */
	void *data;    /* the screen's state, owned by open/close */
	int rows, cols;/* size of the body window */
	bool loaded;   /* open() has run since the data last changed */
	bool full;     /* set by the shell before draw(): the body window was
			* cleared (screen switch, resize, reload), paint everything */
	bool deferred; /* set by draw(): a part was left for when the keys stop
			* (a detail line after a move, so that the move's write
			* stays small); the shell draws again once the keys pause
			* (UI_DEFER_MS), and the test harness before each key */
};

struct screen_ops {
	const char *name; /* tab label, N_("Agenda") */
	int (*open)(struct screen *s, struct app *app);
	void (*layout)(struct screen *s, int rows, int cols);
	void (*draw)(struct screen *s, WINDOW *win);
	unsigned (*handle)(struct screen *s, struct app *app, const struct key_event *ev);
	void (*close)(struct screen *s);
	bool (*search)(struct screen *s, const char *needle, bool next);
	unsigned (*tick)(struct screen *s, struct app *app);
	void (*hide)(struct screen *s);
	size_t (*held)(const struct screen *s);
};

/* The ops of every tab of SCREEN_LIST (screen_list.h), and help. */
#define SCREEN_DECLARE(ID, name) extern const struct screen_ops name##_screen_ops;
SCREEN_LIST(SCREEN_DECLARE)
#undef SCREEN_DECLARE
extern const struct screen_ops help_screen_ops; /* not a tab: ? and F1 */

/* ---- colour roles (ncdu style: one table, colour and monochrome) ---- */
enum ui_role {
	ROLE_NORMAL = 0,
	ROLE_TITLE,       /* title bar */
	ROLE_TAB,         /* a tab */
	ROLE_TAB_ACTIVE,  /* the current tab */
	ROLE_SELECTED,    /* the selection bar */
	ROLE_HEADER,      /* column headings */
	ROLE_HINT,        /* hint bar text */
	ROLE_HINT_KEY,    /* a key in the hint bar */
	ROLE_MSG_OK,      /* message line: ok */
	ROLE_MSG_ERR,     /* message line: error */
	ROLE_RUNNING,     /* item in progress, speaker holding the floor */
	ROLE_DONE,        /* finished item */
	ROLE_SKIPPED,     /* skipped item */
	ROLE_OVERRUN,     /* over the planned time */
	ROLE_GOOD,        /* R4 OK, consensus reached, adopted */
	ROLE_BAD,         /* R4 failure, objection, refused */
	ROLE_WARN,        /* warnings (NO_HEAD, …) */
	ROLE_DIM,         /* secondary text */
	ROLE_MARK,        /* markers, point of order */
	ROLE_COUNT
};

/* The curses attribute (colour pair included) of a role, honouring
 * --no-color, NO_COLOR, --low-bandwidth and terminals without colour. */
attr_t ui_attr(enum ui_role role);
/* --low-bandwidth: a '>' marker instead of a bar, no colour, short hints. */
bool ui_low_bandwidth(void);

/* ---- services to screens ---- */

/* The cells [x, x + width) of row y of w now show what was n columns to
 * their right (n > 0; n < 0: to their left): the caller has drawn the run
 * so. Asks the terminal to move the cells already there (delete and
 * insert character, ui_shift.c) so that the next update sends only the
 * cells that came into view; nothing else on the row moves. */
void ui_shift_cells(WINDOW *w, int y, int x, int width, int n);

/* The message line (translated text; one line, control characters are
 * shown escaped). Cleared by the next key. */
void ui_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ui_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* --- added by the Minutes screen (src/ui_progress.c) --- */
/* Like ui_message, but painted at once (with whatever else is dirty), for
 * progress during long work inside one key, such as an export. */
void ui_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* During long work inside one key (a large import preview): the key typed
 * meanwhile, without waiting — K_ESC (stop asked), K_NONE (the program
 * must stop: a signal, the terminal gone, the test script ended) or
 * K_TICK when nothing was typed. A size change is applied at once; other
 * keys are dropped (src/ui_progress.c). */
int ui_poll_key(void);
/* --- end of the Minutes screen's addition --- */
/* --- added by the Recommendations screen (src/ui_hints.c) --- */
/* Replace the hint bar with text (translated) while a screen is in a mode
 * of its own, such as a text editor; NULL or "" restores the hints
 * generated from the command table. A prompt's hints replace it and clear
 * it when the prompt ends: set it again after a prompt. */
void ui_hint_override(const char *text);
/* --- end of the Recommendations screen's addition --- */

/* Keep text being typed as a draft (recs_draft_save). When the database
 * refuses it (a lock held too long, a full disk), returns -1; if the
 * program is stopping (a signal), the text is first appended to
 * unsaved-drafts.txt in the data folder (0600) and named on stderr at exit,
 * so it is never lost without a word. */
int ui_draft_save(struct app *app, const char *kind, long long ref, const char *text);

/* Run one command line through command_exec() and show its answer on the
 * message line. On success every screen is marked for reload. Returns 0
 * (ok), 1 (refused: nothing changed) or 2 (not stored: the database could
 * not write — another writer held it past the busy timeout, the disk is
 * full —, nothing changed: a prompt keeps what was typed, issue 12). */
/* Show a whole text over the body (a summary, a journal entry), wrapped
 * to the width; the movement keys scroll it, Esc, Enter or q close it.
 * The text is copied. */
void ui_view_text(const char *title, const char *text);
void ui_view_close(void);

int ui_exec(struct app *app, const char *line);
/* ui_exec that also hands back the answer line as the message line shows
 * it, in the interface language. */
int ui_exec_answer(struct app *app, const char *line, char *out, size_t size);
/* ui_exec that hands back the answer line as the protocol says it ("ok
 * recommendation 3" in every language: answers.h), for a screen that
 * needs what the command created. */
int ui_exec_protocol(struct app *app, const char *line, char *out, size_t size);
int ui_execf(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s quoted for a command line ("…" with \" and \\), malloc'd. */
char *ui_quote(const char *s);

/* What Tab completes in a prompt. COMPLETE_NAME: the whole text is one
 * of choices (people's names): Tab offers those where what was typed
 * starts a word, case and accents ignored (fold.h), all of them when
 * nothing was typed; one is put in whole, several are listed on the hint
 * bar and Tab again goes through them. */
enum ui_complete { COMPLETE_NONE = 0, COMPLETE_COMMAND, COMPLETE_DELEGATION, COMPLETE_LIST,
		   COMPLETE_NAME };

struct ui_prompt_opts {
	const char *initial;          /* text to start from, or NULL */
	enum ui_complete complete;    /* what Tab completes */
	const char *const *choices;   /* for COMPLETE_LIST, _NAME: NULL-terminated */
	bool history;                 /* Up/Down walk the command history */
	/* Called about once a second while the prompt is open with the text
	 * typed so far (a draft saver); may be NULL.
	 * Returns 0, or -1 when the draft could not be stored: the prompt then
	 * says so and does not close on the first Esc (issue 12). */
	int (*idle)(const char *text, void *ud);
	void *ud;
	/* Called with the text on Enter (may be NULL): NULL accepts it, else
	 * the reason it is refused (translated, one line), shown on the hint
	 * bar while the prompt stays open with the text. */
	const char *(*check)(const char *text, void *ud);
	/* A draft kind ("cmdline", "reason", "title"): without idle, the text
	 * is kept as that draft while typed, so a dropped link or a signal
	 * does not lose it; offered again when the prompt next opens empty;
	 * cleared by Enter or Esc. */
	const char *draft;
	/* The initial text is stored nowhere yet (a command made of it could
	 * not be stored: ui_exec returned 2): kept as the draft at the first
	 * idle second, like text typed. */
	bool unsaved;
	/* Shown on the hint bar when the prompt opens instead of its keys
	 * (why it opened again: ui_ask_run), or NULL. */
	const char *why;
	/* Where Esc leaves the text it cancelled (malloc'd; NULL when none),
	 * for the caller to offer it again: a slip is not a loss. (A prompt
	 * with history keeps it there: Up brings it back.) */
	char **cancelled;
};

/* A one-line editor on the message line, modal: returns the malloc'd UTF-8
 * text on Enter, NULL on Esc (or when the program is asked to quit). Only
 * the changed cells are sent per typed character. */
char *ui_prompt(const char *label, const struct ui_prompt_opts *opts);

/* One prompt of a command asked in turn (ui_ask_run): a title, then its
 * kind, … answer is the text given (malloc'd), freed by ui_ask_free. */
struct ui_ask {
	const char *label;
	struct ui_prompt_opts opts;   /* opts.initial: the text offered first */
	bool required;                /* an empty answer ends it, nothing run */
	char *answer;
};

/* Every free-text prompt that ends in a command goes through here, so
 * nothing typed is lost (issue 12): ask the n prompts in turn, then run
 * the command line that line() makes of the answers (malloc'd; NULL runs
 * nothing). When the database cannot store it (another writer past the
 * busy timeout, a full disk: ui_exec's 2), the prompts open again, each
 * holding its answer and the reason on the hint bar: Enter tries again
 * (a prompt with a draft kind or idle saver keeps the text as its draft
 * as soon as the database takes it). Returns 0 (done), 1 (refused: the
 * prompts close, as for any refusal) or -1 (Esc, an empty required
 * answer, or line() gave NULL). The answers stay in asks[] until
 * ui_ask_free(). */
int ui_ask_run(struct app *app, struct ui_ask *asks, int n,
	       char *(*line)(const struct ui_ask *asks, void *ud), void *ud);
void ui_ask_free(struct ui_ask *asks, int n);
/* A yes/no question on the message line: true for y (or the French o). */
bool ui_confirm(const char *question);
/* Choose one of n labels (translated) by its digit 1–9 or Enter for dflt;
 * returns the index, or -1 on Esc. */
int ui_choose(const char *label, const char *const *labels, int n, int dflt);

/* The R4 check of every member state of the current session (attendance.h),
 * evaluated at most once per change of the data and shared by the title
 * bar and the screens; owned by the shell, valid until the next reload.
 * Returns 0, or -1 when it cannot be read (then *n is 0). */
int ui_r4_check(const struct check_row **rows, size_t *n);

/* The tab shown (enum screen_id), also while help covers it. */
int ui_current_tab(void);
/* The untranslated name of tab id (its ops->name). */
const char *ui_tab_name(int id);

/* The delegation codes of the current process (for completion), sorted,
 * NULL-terminated, owned by the shell (valid until the next call). */
const char *const *ui_delegation_codes(struct app *app);

#endif
