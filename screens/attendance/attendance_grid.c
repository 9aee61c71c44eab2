/*
 * attendance_grid.c — the R4 lines of the Attendance screen, always in
 * view above the list (DESIGN R4): the count of member states validly
 * represented and the session's minimum level (m changes it), the
 * session's themes (t adds or removes one), and the grid — one cell per
 * member state reading OK, ABSENT, LEVEL or ENTITY, with "!" when no head
 * of delegation is designated. Failures are red and bold, OK green, "!"
 * yellow (underlined in monochrome), so the grid reads without colour.
 *
 * c moves the focus into the grid: arrows (or h j k l) move between
 * cells, PgUp/PgDn by a page of the grid, the detail line explains the
 * selected state's result, Enter goes to its delegation in the list, Esc
 * or c goes back; ! (grid or list) jumps to the next state not OK. When
 * the grid cannot show every member state (175 at IDM), the first line
 * counts the states per result instead of OK/total. The grid is redrawn
 * on every draw (a few rows): curses sends only the cells that changed,
 * so a presence toggle costs the changed cell, not the grid.
 */
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "util.h"

#include "attendance_grid.h"

/* Cells: "CODE RESULT!" padded to the widest code, two blanks between. */
void att_grid_layout(struct att *a)
{
	int code_w = 3, n = (int)a->n_checks, rows;

	for (size_t i = 0; i < a->n_checks; i++) {
		int wd = widget_text_width(a->checks[i].code);

		if (wd > code_w)
			code_w = wd;
	}
	a->code_w = code_w;
	a->cell_w = code_w + 1 + 6 + 1 + 2;
	a->per_row = (a->cols - 1) / a->cell_w;
	if (a->per_row < 1)
		a->per_row = 1;
	rows = n ? (n + a->per_row - 1) / a->per_row : 1;
	a->grid_h = rows < ATT_GRID_MAX_ROWS ? rows : ATT_GRID_MAX_ROWS;
	a->grid_y = 2;
	if (a->grid_top > rows - a->grid_h)
		a->grid_top = 0;
}

static void draw_summary(struct att *a, WINDOW *w)
{
	char left[256], right[256], themes[512];
	attr_t h = ui_attr(ROLE_HEADER);
	int rw;
	size_t len = 0;

	if (a->r4_off)
		str_printf(left, sizeof left, "%s", _(" R4: not applied in this session (set r4 on)"));
	else if ((int)a->n_checks > a->grid_h * a->per_row)
		str_printf(left, sizeof left, _(" R4: OK %d, ABSENT %d, LEVEL %d, ENTITY %d (! next)"),
			   a->n_res[R4_OK], a->n_res[R4_ABSENT], a->n_res[R4_LEVEL],
			   a->n_res[R4_ENTITY]);
	else if (a->n_checks)
		str_printf(left, sizeof left, _(" R4: %d/%d member states validly represented"), a->n_ok,
			   (int)a->n_checks);
	else
		str_printf(left, sizeof left, "%s", _(" R4: no member state in this process"));
	str_printf(right, sizeof right, _("minimum level (m): %s "),
		   a->si.min_level_label[0] ? a->si.min_level_label : "-");
	rw = widget_text_width(right);
	widget_blank(w, 0, 0, a->cols, h);
	widget_text_fit(w, 0, 0, a->cols - rw - 1, left, h);
	widget_text_right(w, 0, a->cols - rw, rw, right, h);

	themes[0] = '\0';
	for (size_t i = 0; i < a->n_themes && len + 4 < sizeof themes; i++)
		len += (size_t)str_printf(themes + len, sizeof themes - len, "%s%s (%s)",
					  i ? "; " : "", a->themes[i].code, a->themes[i].label);
	str_printf(a->text, sizeof a->text, _(" Themes (t): %s"), a->n_themes ? themes : _("none"));
	widget_blank(w, 1, 0, a->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, 1, 0, a->cols, a->text, ui_attr(ROLE_DIM));
}

static void draw_cell(struct att *a, WINDOW *w, int y, int x, int i)
{
	const struct check_row *c = &a->checks[i];
	bool sel = a->grid_focus && i == a->grid_sel;
	attr_t extra = sel ? A_REVERSE : 0;
	int cx = x;

	cx += widget_text(w, y, cx, a->code_w, c->code, ui_attr(ROLE_NORMAL) | extra, false);
	while (cx < x + a->code_w + 1)
		cx += widget_text(w, y, cx, 1, " ", ui_attr(ROLE_NORMAL) | extra, false);
	cx += widget_text(w, y, cx, 6, att_r4_word(c), ui_attr(att_r4_role(c)) | extra, false);
	if (c->r4.no_head)
		widget_text(w, y, cx, 1, "!", ui_attr(ROLE_WARN) | extra, false);
}

void att_grid_draw(struct att *a, WINDOW *w, bool full)
{
	int n = (int)a->n_checks;
	int now[3] = { a->grid_focus, a->grid_sel, a->grid_top };

	/* A move in the list changes neither: 50,000 instructions a key. */
	if (!full && memcmp(now, a->grid_drawn, sizeof now) == 0)
		return;
	memcpy(a->grid_drawn, now, sizeof now);
	draw_summary(a, w);
	for (int r = 0; r < a->grid_h; r++) {
		int y = a->grid_y + r;

		widget_blank(w, y, 0, a->cols, ui_attr(ROLE_NORMAL));
		for (int k = 0; k < a->per_row; k++) {
			int i = (a->grid_top + r) * a->per_row + k;

			if (i >= n)
				break;
			draw_cell(a, w, y, 1 + k * a->cell_w, i);
		}
	}
	/* More member states than rows: say so in the last cell's place. */
	if (n > (a->grid_top + a->grid_h) * a->per_row) {
		char more[32];

		str_printf(more, sizeof more, "+%d", n - (a->grid_top + a->grid_h) * a->per_row);
		widget_text_right(w, a->grid_y + a->grid_h - 1, a->cols - 6, 5, more, ui_attr(ROLE_DIM));
	}
}

static void grid_move(struct att *a, int to)
{
	int n = (int)a->n_checks, row;

	if (to < 0)
		to = 0;
	if (to >= n)
		to = n - 1;
	a->grid_sel = to;
	row = to / a->per_row;
	if (row < a->grid_top)
		a->grid_top = row;
	if (row >= a->grid_top + a->grid_h)
		a->grid_top = row - a->grid_h + 1;
}

static void grid_leave(struct att *a)
{
	a->grid_focus = false;
	a->list.focused = true;
	a->list.drawn_sel = -2; /* the bar comes back */
}

unsigned att_grid_next_bad(struct att *a, int from)
{
	int n = (int)a->n_checks;

	for (int k = 1; k <= n; k++) {
		int i = ((from < 0 ? -1 : from) + k) % n;

		if (a->checks[i].r4.result != R4_OK) {
			grid_move(a, i);
			att_select(a, a->checks[i].delegation_id, NULL);
			return H_DONE | H_REDRAW;
		}
	}
	ui_message("%s", n ? _("every member state is OK") : _("no member state in this process"));
	return H_DONE;
}

unsigned att_grid_handle(struct att *a, const struct key_event *ev)
{
	int n = (int)a->n_checks, key = ev->key;

	if (n == 0 || key == K_ESC || ev->cmd == CMD_GRID) {
		grid_leave(a);
		return H_DONE | H_REDRAW;
	}
	if (ev->cmd == CMD_NEXT_NOT_OK)
		return att_grid_next_bad(a, a->grid_sel);
	if (key == K_ENTER) {
		grid_leave(a);
		att_select(a, a->checks[a->grid_sel].delegation_id, NULL);
		return H_DONE | H_REDRAW;
	}
	switch (keys_nav(key)) {
	case NAV_LEFT:
		grid_move(a, a->grid_sel - 1);
		break;
	case NAV_RIGHT:
		grid_move(a, a->grid_sel + 1);
		break;
	case NAV_UP:
		grid_move(a, a->grid_sel - a->per_row);
		break;
	case NAV_DOWN:
		grid_move(a, a->grid_sel + a->per_row);
		break;
	case NAV_PGUP:
		grid_move(a, a->grid_sel - a->per_row * a->grid_h);
		break;
	case NAV_PGDN:
		grid_move(a, a->grid_sel + a->per_row * a->grid_h);
		break;
	case NAV_HOME:
		grid_move(a, 0);
		break;
	case NAV_END:
		grid_move(a, n - 1);
		break;
	default:
		/* Any other key leaves the grid and works as in the list. */
		grid_leave(a);
		return H_IGNORED;
	}
	return H_DONE | H_REDRAW;
}
