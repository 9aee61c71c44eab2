/*
 * ui.c — the terminal interface's loop and layout (DESIGN §3, §4).
 *
 * One loop: paint what is dirty (wnoutrefresh of the changed windows, one
 * doupdate), read a key with a one-second timeout, KEY_RESIZE → relayout,
 * otherwise the current screen's handle() and then the global keymap of
 * the command table (help, quit, :, /, Tab, 1–6). The timeout does the
 * idle work: another instance's writes (PRAGMA data_version) and the
 * title-bar clock, which shows minutes so that an idle screen sends
 * nothing between two minutes.
 *
 * Signals: SIGHUP (the SSH link dropped), SIGTERM and SIGINT only set a
 * flag (async-signal-safe); the loop sees it, runs the exit hooks and the
 * screens' close(), and leaves curses. die() restores the terminal through
 * die_hook. Resizing is seen only as KEY_RESIZE (ncurses' own handler).
 */
#include "ui.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "i18n.h"
#include "keys.h"
#include "recs.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

struct ui ui;
volatile sig_atomic_t ui_stop_signal;

static const struct screen_ops *const tab_ops[SCR_COUNT] = {
#define SCREEN_OPS(ID, name) [SCR_##ID] = &name##_screen_ops,
	SCREEN_LIST(SCREEN_OPS)
#undef SCREEN_OPS
};

static void on_signal(int sig)
{
	ui_stop_signal = sig;
}

static void restore_terminal(void)
{
	ui_out_stop(); /* stdout back on the terminal first */
	if (!isendwin())
		endwin();
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: the key read returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

struct screen *ui_current(void)
{
	return ui.help_open ? &ui.help : &ui.screens[ui.cur];
}

int ui_current_tab(void)
{
	return ui.cur;
}

const char *ui_tab_name(int id)
{
	return id >= 0 && id < SCR_COUNT ? tab_ops[id]->name : "";
}

/* ---- messages and commands ---- */

static void set_message(bool err, const char *fmt, va_list ap)
{
	char buf[sizeof ui.msg_text + 8];

	/* Through str_copy: a long answer is cut between characters. */
	vsnprintf(buf, sizeof buf, fmt, ap);
	str_copy(ui.msg_text, buf, sizeof ui.msg_text);
	str_copy(ui.msg_last, ui.msg_text, sizeof ui.msg_last);
	ui.msg_err = err;
	ui.msg_dirty = true;
}

void ui_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(false, fmt, ap);
	va_end(ap);
}

void ui_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(true, fmt, ap);
	va_end(ap);
}

int ui_exec(struct app *app, const char *line)
{
	char out[1024];

	return ui_exec_answer(app, line, out, sizeof out);
}

/* Run line; the message line shows its answer in the interface language
 * (said), the protocol's form goes to out. */
static int exec_both(struct app *app, const char *line, char *out, size_t size, char *said,
		     size_t saidsize)
{
	int rc = command_exec_said(app, line, out, size, said, saidsize);

	if (rc == 0) {
		ui_message("%s", said);
		ui.reload_pending = true;
	} else {
		ui_error("%s", said);
	}
	return rc == 0 ? 0 : app->last_unstored ? 2 : 1;
}

int ui_exec_answer(struct app *app, const char *line, char *out, size_t size)
{
	char proto[1024];

	return exec_both(app, line, proto, sizeof proto, out, size);
}

int ui_exec_protocol(struct app *app, const char *line, char *out, size_t size)
{
	char said[1024];

	return exec_both(app, line, out, size, said, sizeof said);
}

int ui_execf(struct app *app, const char *fmt, ...)
{
	va_list ap, again;
	char *line;
	int n, rc;

	/* As long as it needs: a fixed buffer cut a long summary mid-quote
	 * ("unbalanced quote" for 3,000 bytes under a 4,000-byte limit). */
	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	line = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(line, (size_t)(n < 0 ? 0 : n) + 1, fmt, again);
	va_end(again);
	rc = ui_exec(app, line);
	free(line);
	return rc;
}

char *ui_quote(const char *s)
{
	size_t n = s ? strlen(s) : 0, k = 0;
	char *out = xmalloc(2 * n + 3);

	out[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\')
			out[k++] = '\\';
		out[k++] = s[i];
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

/* ---- screens ---- */

static void screen_ensure_open(struct screen *s)
{
	if (s->loaded)
		return;
	s->loaded = true;
	ui.n_opens++;
	if (s->ops->open && s->ops->open(s, ui.app) != 0 && !ui.msg_text[0])
		ui_error("%s", _("could not load this screen"));
	if (s->ops->layout && !ui.too_small)
		s->ops->layout(s, s->rows, s->cols);
	ui.body_dirty = ui.body_full = true;
}

void ui_reload_all(void)
{
	for (int i = 0; i < SCR_COUNT; i++)
		ui.screens[i].loaded = false;
	ui.help.loaded = false;
	ui.reload_pending = false;
	ui_r4_forget();
	screen_ensure_open(ui_current());
	ui_bars_refresh_title();
	ui.body_dirty = ui.body_full = true;
	ui.hints_dirty = true;
}

/* A tab left gives back the rows of its page (screen_ops.hide) and is
 * opened again when shown: the rows held are those of the screen shown,
 * like the prepared statements (app_screen_left). */
static void screen_leave(struct screen *s)
{
	if (!s->ops->hide)
		return;
	s->ops->hide(s);
	s->loaded = false;
}

static void switch_to(int id)
{
	if (id < 0 || id >= SCR_COUNT || (id == ui.cur && !ui.help_open))
		return;
	ui.help_open = false;
	ui_view_close();
	app_screen_left(ui.app);
	if (id != ui.cur)
		screen_leave(&ui.screens[ui.cur]);
	ui.cur = id;
	screen_ensure_open(ui_current());
	ui.body_dirty = ui.body_full = true;
	ui.tabs_dirty = ui.hints_dirty = true;
}

static void help_toggle(bool open)
{
	ui.help_open = open;
	if (open) {
		ui.help.loaded = false;
		screen_ensure_open(&ui.help);
	}
	ui.body_dirty = ui.body_full = true;
	ui.hints_dirty = true;
}

/* ---- layout and paint ---- */

static void del(WINDOW **w)
{
	if (*w)
		delwin(*w);
	*w = NULL;
}

/* The bars and the body are windows inside curses' own next screen
 * (newscr): they hold no cells of their own, so the program keeps two
 * screens of cells, not three (336 KB fewer at 200x60; DESIGN §7's 6 MB).
 * What a window changed is marked in newscr by publish() before the
 * update, as wnoutrefresh() would have marked it by copying. */
static WINDOW *mkwin(int h, int w, int y, int x)
{
	WINDOW *win = derwin(newscr, h, w, y, x);

	if (!win)
		die("%s", _("cannot create a curses window"));
	leaveok(win, TRUE);
	scrollok(win, FALSE);
	idlok(win, FALSE);
	return win;
}

static void publish(WINDOW *win)
{
	wsyncup(win);
	wnoutrefresh(win);
}

/* Before curses resizes its screens (keys_input.c, ui_test.c): windows
 * inside newscr cannot outlive its size; ui_relayout() makes them again. */
void ui_drop_windows(void)
{
	del(&ui.title);
	del(&ui.tabs);
	del(&ui.body);
	del(&ui.msg);
	del(&ui.hints);
}

void ui_relayout(void)
{
	bool was_small = ui.too_small;

	ui.rows = LINES;
	ui.cols = COLS;
	ui.too_small = ui.rows < UI_MIN_ROWS || ui.cols < UI_MIN_COLS;
	ui_drop_windows();
	ui_bars_forget_hints(); /* a new window may come back at the same address */
	ui.title_dirty = ui.tabs_dirty = ui.msg_dirty = ui.hints_dirty = true;
	ui.body_dirty = ui.body_full = true;
	if (ui.too_small) {
		wresize(stdscr, ui.rows, ui.cols); /* the notice's window */
		return;
	}
	if (was_small) {
		/* The notice was drawn on stdscr: forget it. */
		werase(stdscr);
		wnoutrefresh(stdscr);
	}
	/* stdscr holds only that notice: one cell otherwise, not a screen's
	 * worth of cells (336 KB at 200×60; DESIGN §7's 6 MB). */
	wresize(stdscr, 1, 1);
	ui.title = mkwin(1, ui.cols, 0, 0);
	ui.tabs = mkwin(1, ui.cols, 1, 0);
	ui.body = mkwin(ui.rows - 4, ui.cols, 2, 0);
	ui.msg = mkwin(1, ui.cols, ui.rows - 2, 0);
	ui.hints = mkwin(1, ui.cols, ui.rows - 1, 0);
	for (int i = 0; i <= SCR_COUNT; i++) {
		struct screen *s = i < SCR_COUNT ? &ui.screens[i] : &ui.help;

		s->rows = ui.rows - 4;
		s->cols = ui.cols;
		if (s->loaded && s->ops->layout)
			s->ops->layout(s, s->rows, s->cols);
	}
}

void ui_paint(void)
{
	bool any = false;

	if (ui.too_small) {
		if (ui.title_dirty || ui.body_dirty || ui.msg_dirty) {
			ui_bars_draw_too_small();
			wnoutrefresh(stdscr);
			ui_out_update();
		}
		ui.title_dirty = ui.tabs_dirty = ui.msg_dirty = ui.hints_dirty = false;
		ui.body_dirty = false;
		return;
	}
	if (ui.title_dirty) {
		ui_bars_draw_title();
		publish(ui.title);
		any = true;
	}
	if (ui.tabs_dirty) {
		ui_bars_draw_tabs();
		publish(ui.tabs);
		any = true;
	}
	if (ui.body_dirty && ui.view_open) {
		ui_view_draw(ui.body);
		publish(ui.body);
		any = true;
	} else if (ui.body_dirty) {
		struct screen *s = ui_current();

		if (ui.body_full) {
			werase(ui.body);
			s->full = true;
		}
		if (s->ops->draw)
			s->ops->draw(s, ui.body);
		s->full = false;
		publish(ui.body);
		any = true;
	}
	if (ui.hints_dirty && ui_bars_hints_changed()) {
		ui_bars_draw_hints();
		publish(ui.hints);
		any = true;
	}
	if (ui.msg_dirty || ui.prompting) {
		ui_bars_draw_msg();
		leaveok(ui.msg, !ui.prompting);
		publish(ui.msg); /* last: the prompt's cursor stays here */
		any = any || ui.msg_dirty;
	}
	/* A screen that shows a cursor (the editor) gets it back after the
	 * bars were painted. */
	if (any && !ui.prompting && !is_leaveok(ui.body))
		publish(ui.body);
	ui.title_dirty = ui.tabs_dirty = ui.msg_dirty = ui.hints_dirty = false;
	ui.body_dirty = ui.body_full = false;
	if (any)
		ui_out_update();
}

/* ---- idle work ---- */

void ui_tick(void)
{
	long long v = app_data_version(ui.app);
	struct screen *s = ui_current();

	if (v != ui.data_version) {
		/* Another instance wrote. During a prompt a screen's handle() may
		 * be paused under it, holding rows of its page: the reload waits
		 * until the key is done (dispatch). */
		ui.data_version = v;
		if (ui.prompting)
			ui.reload_pending = true;
		else
			ui_reload_all();
	} else if ((long)(clock_now() / 60) != ui.minute) {
		/* The clock and the elapsed minutes: once a minute, not a query
		 * per second. Marks the title dirty only if its text changed. */
		ui_bars_refresh_title();
	}
	if (s->ops->tick && (s->ops->tick(s, ui.app) & H_REDRAW))
		ui.body_dirty = true;
	if (s->deferred)
		ui.body_dirty = true;
}

void ui_settle(void)
{
	struct screen *s = ui_current();

	if (!s->deferred || ui.prompting || ui.too_small || ui.view_open)
		return;
	ui.body_dirty = true;
	ui_paint();
}

/* ---- keys ---- */

/* A command bound on this screen that the screen left to the shell: one
 * quoted text argument (note "TEXT") is asked for; anything else opens
 * the command line pre-filled with the command's name. */
static int save_text_draft(const char *text, void *ud)
{
	const struct command_def *c = ud;

	return ui_draft_save(ui.app, c->name, 0, text);
}

/* Where drafts go when the database refuses them at a signal. */
static char *unsaved_path;
static int unsaved_count;

static void draft_to_file(struct app *app, const char *kind, long long ref, const char *text)
{
	char *dir = app->backup_dir ? xstrdup(app->backup_dir) : xstrdup("."), *slash, now[32];
	int fd;

	if ((slash = strrchr(dir, '/')) && slash != dir)
		*slash = '\0'; /* the data folder, beside backups/ */
	free(unsaved_path);
	unsaved_path = xasprintf("%s/unsaved-drafts.txt", dir);
	free(dir);
	fd = open(unsaved_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	{
		char *entry = xasprintf("--- %s %s session %lld ref %lld\n%s\n",
					time_iso(clock_now(), now, sizeof now), kind, app->session, ref,
					text);
		ssize_t w = write(fd, entry, strlen(entry));

		if (w == (ssize_t)strlen(entry))
			unsaved_count++;
		free(entry);
	}
	fsync(fd);
	close(fd);
}

int ui_draft_save(struct app *app, const char *kind, long long ref, const char *text)
{
	if (recs_draft_save(app->db, kind, app->session, ref, text) == 0)
		return 0;
	if (ui_stop_signal)
		draft_to_file(app, kind, ref, text);
	return -1;
}

/* A command whose one required argument is a quoted text, after optional
 * words: note "TEXT" (its kind, note key "TEXT", is typed on the : line). */
static bool asks_text(const struct command_def *c)
{
	size_t n = c->args ? strlen(c->args) : 0;

	return c->min_args == 1 && n > 1 && c->args[n - 1] == '"' &&
	       (c->args[0] == '"' || c->args[0] == '[');
}

/* NAME "TEXT" for the text asked by bound_command. */
static char *text_command(const struct ui_ask *ask, void *ud)
{
	const struct command_def *c = ud;
	char *q = ui_quote(ask->answer), *line = xasprintf("%s %s", c->name, q);

	free(q);
	return line;
}

/* The text typed is kept as a draft of kind c->name ("note", recs.h)
 * about every second and when a signal or Esc ends the prompt; the key
 * offers it again; the command done, it is cleared (not stored: the
 * prompt again, ui_ask_run). */
static void bound_command(const struct command_def *c)
{
	char initial[64];

	if (asks_text(c)) {
		bool drafts = ui.app->session && !ui.app->read_only;
		char label[256], *draft = NULL;
		struct ui_ask ask = { .label = label, .opts = { .idle = drafts ? save_text_draft : NULL,
					       .ud = (void *)c }, .required = true };
		int rc;

		if (drafts)
			ask.opts.initial = draft = recs_draft_load(ui.app->db, c->name, ui.app->session, 0);
		str_printf(label, sizeof label, "%s:", _(c->help));
		rc = ui_ask_run(ui.app, &ask, 1, text_command, (void *)c);
		free(draft);
		if (ask.answer && drafts && (!*ask.answer || rc == 0))
			recs_draft_clear(ui.app->db, c->name, ui.app->session, 0);
		ui_ask_free(&ask, 1);
		return;
	}
	if (c->max_args == 0) {
		/* Nothing to ask (undo, redo): the key runs it. */
		ui_exec(ui.app, c->name);
		return;
	}
	str_printf(initial, sizeof initial, "%s ", c->name);
	ui_command_line(ui.app, initial);
}

/* The shell's keys: help, quit, :, /, Tab, 1–6 (the table's rows of
 * every screen), S-Tab, and a command of the screen that the screen left
 * alone (note). */
static unsigned global_key(const struct key_event *ev)
{
	const struct command_def *c = command_by_id(ev->cmd);

	if (keys_nav(ev->key) == NAV_PREV_SCREEN) {
		switch_to((ui.cur + SCR_COUNT - 1) % SCR_COUNT);
		return H_DONE;
	}
	if (ui.help_open && (ev->key == K_ESC || ev->cmd == CMD_QUIT || ev->cmd == CMD_HELP)) {
		help_toggle(false);
		return H_DONE;
	}
	switch (ev->cmd) {
	case CMD_HELP:
		help_toggle(true);
		return H_DONE;
	case CMD_QUIT:
		return H_QUIT;
	case CMD_COMMAND:
		ui_command_line(ui.app, NULL);
		return H_DONE;
	case CMD_SEARCH:
		ui_search();
		return H_DONE;
	case CMD_MESSAGE:
		if (ui.msg_last[0])
			ui_view_text(_("Last answer"), ui.msg_last);
		return H_DONE;
	case CMD_NEXT_SCREEN:
		switch_to((ui.cur + 1) % SCR_COUNT);
		return H_DONE;
	case CMD_SCREEN:
		switch_to(ev->which);
		return H_DONE;
	default:
		break;
	}
	/* A command bound on this screen that the screen left alone (note
	 * "n"): asked for here. */
	if (c && !(c->flags & CMD_UI) && !ui.help_open) {
		bound_command(c);
		return H_DONE;
	}
	return ev->key == K_ESC ? H_DONE : H_IGNORED;
}


/* One key: the screen first, then the global keymap. */
static unsigned dispatch(int key)
{
	struct screen *s = ui_current();
	/* The key's command on the tab shown (also under help), once. */
	struct key_event ev = keys_resolve(ui.cur, key);
	unsigned r = H_IGNORED;

	if (ui.msg_text[0]) {
		ui.msg_text[0] = '\0';
		ui.msg_dirty = true;
	}
	if (ui.too_small)
		return key == 'q' ? H_QUIT : H_DONE;
	if (ui.view_open)
		return ui_view_handle(key);
	if (s->ops->handle)
		r = s->ops->handle(s, ui.app, &ev);
	if (r == H_IGNORED)
		r = global_key(&ev);
	if (r & H_REDRAW)
		ui.body_dirty = true;
	if ((r & H_RELOAD) || ui.reload_pending)
		ui_reload_all();
	return r;
}

/* ---- start and stop ---- */

static int start_curses(void)
{
	if (!uitest_start()) {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "rapporteur: %s\n",
				_("the screen needs a terminal (use `rapporteur run` for scripts)"));
			return -1;
		}
		if (!initscr()) {
			fprintf(stderr, "rapporteur: %s\n", _("cannot start the terminal"));
			return -1;
		}
	}
	die_hook = restore_terminal;
	if (!ui.test)
		ui_out_start();
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	leaveok(stdscr, TRUE);
	/* Keys are read by keys_input.c, not wgetch; no typeahead polls in
	 * doupdate (two system calls per update for nothing). */
	typeahead(-1);
	if (!ui.test)
		keys_input_start();
	return 0;
}

static void stop_curses(void)
{
	del(&ui.title);
	del(&ui.tabs);
	del(&ui.body);
	del(&ui.msg);
	del(&ui.hints);
	ui_out_stop();
	endwin();
	die_hook = NULL;
	if (ui.test)
		uitest_end();
}

int ui_main(struct app *app)
{
	int key;

	/* Each key names one command per screen: tests/unit/test_hints.c. */
	memset(&ui, 0, sizeof ui);
	ui.app = app;
	ui.low_bw = app->low_bw;
	if (start_curses() != 0)
		return 2;
	ui_color_init(!app->no_color, app->low_bw);
	install_signals();
	for (int i = 0; i < SCR_COUNT; i++) {
		ui.screens[i].ops = tab_ops[i];
		ui.screens[i].id = i;
	}
	ui.help.ops = &help_screen_ops;
	ui.help.id = SCR_COUNT;
	ui.cur = SCR_AGENDA;
	ui.data_version = app_data_version(app);
	ui_relayout();
	ui_bars_refresh_title();
	screen_ensure_open(ui_current());
	for (;;) {
		ui_paint();
		key = keys_get(ui_current()->deferred ? UI_DEFER_MS : 1000);
		if (key == K_NONE)
			break;
		if (key == K_TICK) {
			ui_tick();
			continue;
		}
		if (key == K_RESIZE) {
			ui_relayout();
			continue;
		}
		if (dispatch(key) & H_QUIT)
			break;
	}
	ui_paint();
	if (ui.test)
		uitest_finish();
	for (int i = 0; i <= SCR_COUNT; i++) {
		struct screen *s = i < SCR_COUNT ? &ui.screens[i] : &ui.help;

		if (s->ops && s->ops->close)
			s->ops->close(s);
	}
	ui_view_close();
	ui_prompt_free_history();
	stop_curses();
	if (unsaved_count)
		fprintf(stderr, ngettext("rapporteur: %d draft could not be stored in the database; "
					 "its text is kept in %s\n",
					 "rapporteur: %d drafts could not be stored in the database; "
					 "their text is kept in %s\n", (unsigned long)unsaved_count),
			unsaved_count, unsaved_path);
	xfree(&unsaved_path);
	return 0;
}
