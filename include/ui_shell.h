/*
 * ui_shell.h — shared state of the shell files (src/ui.c the loop and
 * layout, ui_bars.c the title/tabs/message/hint bars, ui_color.c the
 * colour roles, ui_prompt.c the prompts and the command line, ui_test.c
 * the scripted-test harness). Screens include screen.h, not this.
 */
#ifndef RAPPORTEUR_UI_SHELL_H
#define RAPPORTEUR_UI_SHELL_H

#include <signal.h>

#include "screen.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
/* A part a screen deferred (struct screen.deferred) is drawn once no key
 * came for this long: after the keys of a quick run of moves, not between
 * them, and soon enough to read as part of the move. */
#define UI_DEFER_MS 250

struct ui {
	struct app *app;
	struct screen screens[SCR_COUNT];
	struct screen help;
	int cur;                  /* current tab, enum screen_id */
	bool help_open;           /* the help screen covers the body */
	bool view_open;           /* a whole text covers the body (ui_view.c) */
	WINDOW *title, *tabs, *body, *msg, *hints;
	int rows, cols;
	bool too_small;
	bool test;                /* driven by RAPPORTEUR_TEST_SCRIPT */
	bool colour;              /* colours in use */
	bool low_bw;
	/* What must be painted at the next ui_paint(). */
	bool title_dirty, tabs_dirty, msg_dirty, hints_dirty, body_dirty, body_full;
	/* Message line. */
	char msg_text[1024];
	bool msg_err;
	char msg_last[1024];      /* the last message, kept for ui_view (key w) */
	/* The hint bar can be replaced for a while (prompt help, completions). */
	char hint_override[512];
	/* Title bar data, refreshed on reload and on the minute. */
	char title_text[512];
	long minute;              /* clock_now() / 60 of the last title */
	long long data_version;
	bool reload_pending;      /* a command succeeded: reopen the screens */
	bool prompting;           /* a prompt owns the message line */
	/* Counters the screen tests read (@stats, tests/ui/README.md). */
	unsigned long n_opens;    /* screen open() calls */
	unsigned long n_r4_checks;/* R4 evaluations of the whole session */
};

extern struct ui ui;
extern volatile sig_atomic_t ui_stop_signal; /* SIGHUP/SIGTERM received */

struct screen *ui_current(void);
/* ui_view.c: the whole-text view over the body. */
void ui_view_draw(WINDOW *w);
unsigned ui_view_handle(int key);
/* Paint what is dirty: wnoutrefresh of the changed windows, one doupdate. */
void ui_paint(void);
/* Recompute the layout after a size change (KEY_RESIZE). */
void ui_relayout(void);
void ui_drop_windows(void); /* before resizeterm(): the windows live in newscr */
/* Mark every screen for reload (the data changed) and reopen the current. */
void ui_reload_all(void);
/* Idle work (once a second): another instance's writes, the minute. */
void ui_tick(void);
/* Draw what the current screen deferred (struct screen.deferred), now: the
 * test harness does before each key, as if the keys had paused. */
void ui_settle(void);

/* ui_r4.c: forget the shared R4 check (the data changed). */
void ui_r4_forget(void);

/* ui_bars.c */
void ui_bars_refresh_title(void);     /* recompute title text (data or minute) */
void ui_bars_draw_title(void);
void ui_bars_draw_tabs(void);
void ui_bars_draw_msg(void);
void ui_bars_draw_hints(void);
/* A command's label in the hint bar, in the interface language (ui_hints.c);
 * whether its name is listed for translation there. */
const char *ui_hint_label(const struct command_def *d);
bool ui_hint_listed(const char *name);
void ui_bars_draw_too_small(void);
/* The hint bar differs from the one last drawn (and is now taken as
 * drawn); ui_bars_forget_hints: the next call says it does (new window). */
bool ui_bars_hints_changed(void);
void ui_bars_forget_hints(void);

/* ui_out.c: each update in one write(2) to the terminal. */
void ui_out_start(void);
void ui_out_stop(void);
void ui_out_update(void);             /* doupdate(), captured and sent at once */
/* ui_shift.c: the moves asked by ui_shift_cells, sent just before
 * doupdate() (ui_out_update) and applied to curscr. */
void ui_shift_flush(void);
/* Run fn(arg) inside the next update's capture, just before doupdate():
 * terminal output curses does not produce (it must keep curscr true). */
void ui_out_before(void (*fn)(void *arg), void *arg);
/* Where the last update left the terminal's cursor; false when unknown. */
bool ui_out_cursor(int *y, int *x);
/* ui_out_shorten.c: an update's n bytes, parsed once, without what
 * changes nothing on the terminal and with its cursor moves, scrolls and
 * attribute changes in their shortest forms; returns the new length.
 * What the terminal takes (its terminfo entry and tty mode, ui_out.c): */
struct out_motion {
	bool on;            /* rewrite moves and attributes: ANSI cursor addresses */
	bool lf;            /* a line feed moves down only (no ONLCR) */
	bool vpa, hpa;      /* ESC[rd, ESC[cG */
	bool cuu, cud, cuf, cub; /* ESC[nA, ESC[nB, ESC[nC, ESC[nD */
	bool ri, bs;        /* ESC M (up, at no top margin), backspace */
	bool sgr_off;       /* SGR 22, 24, 27, 39, 49… turn one thing off */
};
struct out_term {
	int rows, cols;     /* the screen's size */
	bool idl;           /* ANSI delete/insert line (ui_out_term_idl) */
	struct out_motion m;
	bool g0_ascii;      /* G0 known to be ASCII (across updates) */
	bool sgr_normal;    /* attributes known to be all off (across updates) */
};
size_t ui_out_shorten(char *buf, size_t n, struct out_term *t);
void ui_out_shorten_free(void); /* its buffers */
bool ui_out_term_idl(void);

/* ui_color.c */
void ui_color_init(bool want_colour, bool low_bw);

/* ui_prompt.c */
/* Draw the active prompt on the message line (cursor left in place). */
void ui_prompt_draw(void);
/* The `:` command line: prompt with history and completion, then run.
 * initial pre-fills it (a bound command the screen left to the shell). */
void ui_command_line(struct app *app, const char *initial);
/* The `/` search prompt on the current screen. */
void ui_search(void);
void ui_prompt_free_history(void);

/* ui_test.c — the harness (tests/ui/README.md). */
bool uitest_start(void);              /* newterm on /dev/null when scripted */
int uitest_next_key(void);            /* K_NONE at the end of the script */
void uitest_finish(void);             /* the final dump (RAPPORTEUR_TEST_DUMP) */
void uitest_end(void);                /* after endwin: free the test terminal */
/* Write the in-memory screen to path (one line per row, trailing blanks
 * trimmed; with attrs a second line of markers per row). */
int uitest_dump(const char *path, bool attrs);

#endif
