/*
 * ui_bars.c — the fixed parts of the screen: the title bar (process,
 * session, item in progress with elapsed/planned minutes, R4 summary,
 * HH:MM clock), the tabs, the message line, the hint bar generated from
 * the command table, and the "terminal too small" notice.
 *
 * The title text is recomputed on reload and on the tick, and marked dirty
 * only when it changed, so an idle screen sends nothing until the minute
 * changes. Elapsed minutes count minute boundaries (start and now both
 * truncated to the minute) so that they change together with the clock.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda.h"
#include "app.h"
#include "attendance.h"
#include "commands.h"
#include "i18n.h"
#include "keys.h"
#include "session.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

static char title_left[384], title_right[256];
static char title_mark[64]; /* " [closed]": never cut, the title gives way */

/* "3 Déclarations liminaires… 12'/90'" for the item in progress, or "".
 * Minutes count minute boundaries, so they change with the clock. */
static void title_item(char *buf, size_t size, time_t now)
{
	struct agenda_current cur;
	char short_title[64];
	long elapsed;

	buf[0] = '\0';
	if (!ui.app->session || agenda_current(ui.app->db, ui.app->session, &cur) != 1)
		return;
	elapsed = cur.started ? (long)(now / 60 - cur.started / 60) : 0;
	if (elapsed < 0)
		elapsed = 0;
	str_copy(short_title, cur.title, sizeof short_title);
	if (widget_text_width(short_title) > 24) {
		/* Cut at 23 cells (on a character boundary) and add an ellipsis. */
		size_t i = 0;
		int cells = 0;

		while (short_title[i] && cells < 23) {
			unsigned cp;
			bool bad;
			int used = widget_utf8_decode(short_title + i, strlen(short_title + i), &cp, &bad);
			char one[8] = "";

			memcpy(one, short_title + i, (size_t)used);
			cells += widget_text_width(one);
			i += (size_t)used;
		}
		str_copy(short_title + i, "…", sizeof short_title - i);
	}
	if (cur.planned_minutes > 0)
		str_printf(buf, size, "%d %s %ld'/%d'", cur.num, short_title, elapsed,
			   cur.planned_minutes);
	else
		str_printf(buf, size, "%d %s %ld'", cur.num, short_title, elapsed);
}

void ui_bars_refresh_title(void)
{
	struct session_info si;
	char item[160], hm[8];
	char left[sizeof title_left], right[sizeof title_right], r4[32] = "";
	const char *mark, *closed;
	const struct check_row *checks;
	size_t total = 0;
	int ok = 0;
	time_t now = clock_now();

	memset(&si, 0, sizeof si);
	if (!ui.app->session || session_get(ui.app->db, ui.app->session, &si) != 0)
		str_copy(si.title, _("no session"), sizeof si.title);
	str_printf(left, sizeof left, " %s%s%s", si.process_code, si.process_code[0] ? ": " : "",
		   si.title);
	closed = strcmp(si.status, "closed") == 0 ? _(" [closed]") : "";
	title_item(item, sizeof item, now);
	/* No R4 summary when the session does not apply R4 (set r4 off). */
	if (ui_r4_check(&checks, &total) == 0 && total > 0 && checks[0].applied) {
		for (size_t i = 0; i < total; i++)
			ok += checks[i].r4.result == R4_OK;
		str_printf(r4, sizeof r4, _("R4 %d/%d"), ok, (int)total);
	}
	/* Who this terminal is, when it is not the rapporteur's (role.h). */
	mark = ui.app->read_only                        ? _("read-only")
	       : ui.app->role.kind == RK_DELEGATION ? ui.app->role.code
	       : ui.app->role.kind == RK_CHAIR      ? _("chair")
						     : "";
	str_printf(right, sizeof right, " %s%s%s%s%s%s%s ", mark, mark[0] ? "  " : "", item,
		   item[0] ? "  " : "", r4, r4[0] ? "  " : "", time_hm(now, hm, sizeof hm));
	ui.minute = (long)(now / 60);
	if (strcmp(left, title_left) || strcmp(right, title_right) || strcmp(closed, title_mark)) {
		str_copy(title_left, left, sizeof title_left);
		str_copy(title_mark, closed, sizeof title_mark);
		str_copy(title_right, right, sizeof title_right);
		ui.title_dirty = true;
	}
}

void ui_bars_draw_title(void)
{
	attr_t a = ui_attr(ROLE_TITLE);
	int rw = widget_text_width(title_right), mw = widget_text_width(title_mark), used;

	if (rw > ui.cols - 10)
		rw = ui.cols - 10;
	if (mw > ui.cols - rw - 2)
		mw = 0;
	/* The title is cut with "…" so that the closed mark stays whole. */
	used = widget_text_fit(ui.title, 0, 0, ui.cols - rw - mw, title_left, a);
	widget_text(ui.title, 0, used, ui.cols - rw - used, mw ? title_mark : "", a, true);
	widget_text(ui.title, 0, ui.cols - rw, rw, title_right, a, true);
}

/* The width of each tab label so that all of them fit in cols with one
 * space between them: the widest labels are cut first (each keeps at
 * least its number and two characters), the current one last. */
static void fit_tabs(const int *want, int *width, int n, int cols)
{
	int total = n - 1;

	for (int i = 0; i < n; i++) {
		width[i] = want[i];
		total += want[i];
	}
	while (total > cols) {
		int widest = -1;

		for (int i = 0; i < n; i++)
			if (width[i] > 4 && (widest < 0 || width[i] > width[widest] ||
					     (width[i] == width[widest] && widest == ui.cur)))
				widest = i;
		if (widest < 0)
			break;
		width[widest]--;
		total--;
	}
}

void ui_bars_draw_tabs(void)
{
	char label[SCR_COUNT][64];
	int want[SCR_COUNT], width[SCR_COUNT], total = 0, x = 0;
	bool pad;

	for (int i = 0; i < SCR_COUNT; i++) {
		str_printf(label[i], sizeof label[i], "%d %s", i + 1, _(ui.screens[i].ops->name));
		want[i] = widget_text_width(label[i]);
		total += want[i];
	}
	/* " 1 Agenda " with a space around each label when it fits, else one
	 * space between labels, else the longest labels cut ("5 Recomman…"). */
	pad = total + 2 * SCR_COUNT <= ui.cols;
	fit_tabs(want, width, SCR_COUNT, ui.cols);
	widget_blank(ui.tabs, 0, 0, ui.cols, ui_attr(ROLE_TAB));
	for (int i = 0; i < SCR_COUNT && x < ui.cols; i++) {
		attr_t a = ui_attr(i == ui.cur && !ui.help_open ? ROLE_TAB_ACTIVE : ROLE_TAB);
		char text[80];

		if (pad) {
			str_printf(text, sizeof text, " %s ", label[i]);
			x += widget_text(ui.tabs, 0, x, ui.cols - x, text, a, false);
		} else {
			x += widget_text_fit(ui.tabs, 0, x, width[i] < ui.cols - x ? width[i]
						: ui.cols - x, label[i], a);
			x++;
		}
	}
}

void ui_bars_draw_msg(void)
{
	if (ui.prompting) {
		ui_prompt_draw();
		return;
	}
	attr_t a = ui_attr(ui.msg_err ? ROLE_MSG_ERR : ROLE_MSG_OK);
	const char *more = _("… w: all");
	int mw = widget_text_width(more), used;

	if (widget_text_width(ui.msg_text) <= ui.cols || ui.cols <= 2 * mw) {
		widget_text(ui.msg, 0, 0, ui.cols, ui.msg_text, a, true);
		return;
	}
	/* Too long for the line: cut, and say which key shows it whole. */
	used = widget_text(ui.msg, 0, 0, ui.cols - mw, ui.msg_text, a, false);
	widget_text(ui.msg, 0, used, ui.cols - used, more, a | A_BOLD, true);
}

/* "K/J" for "K J": the keys of an entry as shown in hints. */
static void hint_keys(const char *keys, char *buf, size_t size)
{
	size_t n = 0;

	for (const char *p = keys; *p && n + 1 < size; p++)
		buf[n++] = *p == ' ' ? '/' : *p;
	buf[n] = '\0';
}

/* How far the hints may reach: the screen's width, less the room kept for
 * the help key until it is drawn (ui_bars_draw_hints). */
static int hint_limit, hint_end;

static int hint_width(const char *keys, const char *label)
{
	char k[32];

	hint_keys(keys, k, sizeof k);
	return widget_text_width(k) + widget_text_width(label) + 2;
}

static int hint_add(int x, const char *keys, const char *label)
{
	char k[32];

	hint_keys(keys, k, sizeof k);
	if (x + hint_width(keys, label) > (hint_limit ? hint_limit : ui.cols))
		return -1;
	x += widget_text(ui.hints, 0, x, ui.cols - x, k, ui_attr(ROLE_HINT_KEY), false);
	x += widget_text(ui.hints, 0, x, ui.cols - x, " ", ui_attr(ROLE_HINT), false);
	x += widget_text(ui.hints, 0, x, ui.cols - x, label, ui_attr(ROLE_HINT), false);
	x += widget_text(ui.hints, 0, x, ui.cols - x, " ", ui_attr(ROLE_HINT), false);
	return x;
}

/* What the hint bar was last drawn from: a reload (after every command)
 * or a switch back to the same kind of bar does not draw it again. */
static struct {
	WINDOW *win;
	int tab, cols;
	bool help, view, low_bw, read_only;
	char override[sizeof ui.hint_override];
} hints_drawn;

bool ui_bars_hints_changed(void)
{
	bool same = hints_drawn.win == ui.hints && hints_drawn.tab == ui.cur &&
		    hints_drawn.cols == ui.cols && hints_drawn.help == ui.help_open &&
		    hints_drawn.view == ui.view_open && hints_drawn.low_bw == ui.low_bw &&
		    hints_drawn.read_only == ui.app->read_only &&
		    !strcmp(hints_drawn.override, ui.hint_override);

	if (same)
		return false;
	hints_drawn.win = ui.hints;
	hints_drawn.tab = ui.cur;
	hints_drawn.cols = ui.cols;
	hints_drawn.help = ui.help_open;
	hints_drawn.view = ui.view_open;
	hints_drawn.low_bw = ui.low_bw;
	hints_drawn.read_only = ui.app->read_only;
	str_copy(hints_drawn.override, ui.hint_override, sizeof hints_drawn.override);
	return true;
}

void ui_bars_forget_hints(void)
{
	hints_drawn.win = NULL;
}

/* One pass of the hint bar (0: the screen's commands, 1: the global ones,
 * 2: the screen's local keys); x is where the next hint goes, -1 once one
 * did not fit: only the help key is drawn after that ("? aide"), in the
 * room kept for it. */
static int hints_pass(int x, int tab, int pass)
{
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];
		int kind = !(d->flags & CMD_UI) ? 0 : (d->flags & CMD_LOCAL) ? 2 : 1;
		bool global = kind == 1;

		/* undo is a global key: shown after help, quit and the
		 * command line when there is room; redo only in help. */
		if (d->id == CMD_REDO || d->id == CMD_MESSAGE)
			continue; /* in help; the message line says "w" when cut */
		if (d->id == CMD_UNDO)
			kind = 1;

		if (!d->keys || !(d->screens & ON(tab)) || kind != pass)
			continue;
		if (!global && (d->flags & CMD_WRITE) && ui.app->read_only)
			continue;
		if (!role_allows(&ui.app->role, d))
			continue; /* keys the role may not use are not offered */
		if (d->id == CMD_NEXT_SCREEN || d->id == CMD_SCREEN || d->id == CMD_SEARCH)
			continue; /* obvious, and the bar is short */
		/* Two commands on one key (present+/present-): show it once. */
		if (i > 0 && command_table[i - 1].keys && (command_table[i - 1].screens & ON(tab)) &&
		    !strcmp(command_table[i - 1].keys, d->keys))
			continue;
		if (d->id == CMD_HELP && x < 0) {
			/* The bar is full: its first key in the room kept. */
			hint_limit = ui.cols;
			hint_add(hint_end, "?", ui_hint_label(d));
		} else if (d->id == CMD_HELP) {
			hint_limit = ui.cols;
			x = hint_add(x, d->keys, ui_hint_label(d));
		} else if (x >= 0) {
			int nx = hint_add(x, d->keys, ui_hint_label(d));

			if (nx < 0)
				hint_end = x;
			x = nx;
		}
	}
	return x;
}

void ui_bars_draw_hints(void)
{
	const struct command_def *help;
	int x = 0, tab = ui.cur;

	widget_blank(ui.hints, 0, 0, ui.cols, ui_attr(ROLE_HINT));
	if (ui.hint_override[0]) {
		widget_text(ui.hints, 0, 0, ui.cols, ui.hint_override, ui_attr(ROLE_HINT), true);
		return;
	}
	if (ui.help_open) {
		hint_add(0, "Esc", _("close help"));
		return;
	}
	if (ui.view_open) {
		x = hint_add(0, "Esc", _("close"));
		hint_add(x, "↑↓ PgUp PgDn", _("scroll"));
		return;
	}
	if (ui.low_bw) {
		hint_add(0, "?", _("help"));
		return;
	}
	/* The current screen's commands first, then the global ones, then
	 * the screen's local keys while there is room (help lists them all).
	 * Room for the help key is kept until it is drawn: when a screen's
	 * own commands fill the bar, the last of them gives way to it. */
	help = command_by_id(CMD_HELP);
	hint_limit = ui.cols - hint_width("?", ui_hint_label(help));
	for (int pass = 0; pass < 3; pass++)
		x = hints_pass(x, tab, pass);
	hint_limit = 0;
}

void ui_bars_draw_too_small(void)
{
	char line1[128], line2[128];
	int w1, w2, y;

	str_printf(line1, sizeof line1, _("Terminal too small (%dx%d)"), COLS, LINES);
	str_printf(line2, sizeof line2, _("%dx%d needed; q quits"), UI_MIN_COLS, UI_MIN_ROWS);
	werase(stdscr);
	w1 = widget_text_width(line1);
	w2 = widget_text_width(line2);
	y = LINES / 2 - 1;
	if (y < 0)
		y = 0;
	widget_text(stdscr, y, w1 < COLS ? (COLS - w1) / 2 : 0, COLS, line1, A_BOLD, false);
	if (y + 1 < LINES)
		widget_text(stdscr, y + 1, w2 < COLS ? (COLS - w2) / 2 : 0, COLS, line2, 0, false);
}
