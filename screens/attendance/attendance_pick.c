/*
 * attendance_pick.c — the pick lists of the Attendance screen: m chooses
 * the session's minimum level among the levels of the fixtures (→ `set
 * min_level CODE`), t adds a theme of the catalogue to the session or
 * removes one of its themes (→ `theme+ CODE` / `theme- CODE`, the
 * session's themes first, ticked). Both are commands, so journaled; the
 * R4 grid above follows at once (the minimum level and the themes decide
 * LEVEL and ENTITY).
 *
 * Typing filters the list (a part of the code or of the label, ASCII case
 * ignored), Up/Down/PgUp/PgDn/Home/End move, Enter chooses, Esc cancels.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "themes.h"
#include "util.h"

#include "attendance_pick.h"

enum pick_kind { PK_MIN_LEVEL, PK_THEMES };

struct pick_item {
	char code[64];
	char label[256];
	bool on;                /* the current minimum level, a session theme */
};

struct att_pick {
	enum pick_kind kind;
	struct pick_item *items;
	size_t n, cap;
	int *shown;             /* indices of the items the filter keeps */
	int n_shown;
	struct lineedit filter;
	struct list list;
};

static void item_add(struct att_pick *p, const char *code, const char *label, bool on)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 32;
		p->items = xrealloc(p->items, p->cap * sizeof *p->items);
	}
	str_copy(p->items[p->n].code, code, sizeof p->items[p->n].code);
	str_copy(p->items[p->n].label, label, sizeof p->items[p->n].label);
	p->items[p->n].on = on;
	p->n++;
}

static void refilter(struct att_pick *p)
{
	char *needle = lineedit_text(&p->filter);

	p->n_shown = 0;
	for (size_t i = 0; i < p->n; i++)
		if (!*needle || widget_match(p->items[i].code, needle) ||
		    widget_match(p->items[i].label, needle))
			p->shown[p->n_shown++] = (int)i;
	free(needle);
	list_set_count(&p->list, p->n_shown);
	list_invalidate(&p->list);
}

static void draw_item(void *ud, WINDOW *w, int y, int x, int width, int index)
{
	struct att_pick *p = ud;
	const struct pick_item *it = &p->items[p->shown[index]];
	char line[400];

	if (p->kind == PK_MIN_LEVEL)
		str_printf(line, sizeof line, "%s %s (%s)", it->on ? "(*)" : "( )", it->label, it->code);
	else
		str_printf(line, sizeof line, "%s %s  %s", it->on ? "[x]" : "[ ]", it->code, it->label);
	widget_text_fit(w, y, x, width, line, ui_attr(it->on ? ROLE_RUNNING : ROLE_NORMAL));
}

static struct att_pick *pick_new(struct att *a, enum pick_kind kind)
{
	struct att_pick *p = xcalloc(1, sizeof *p);

	p->kind = kind;
	lineedit_init(&p->filter, "");
	list_init(&p->list, draw_item, NULL, p);
	a->pick = p;
	return p;
}

/* Show p: place its list, select its first ticked item. */
static void pick_show(struct att *a, struct att_pick *p)
{
	p->shown = xcalloc(p->n + 1, sizeof *p->shown);
	list_place(&p->list, a->head_y + 2, 0, a->rows - a->head_y - 2, a->cols);
	refilter(p);
	for (int i = 0; i < p->n_shown; i++)
		if (p->items[p->shown[i]].on) {
			list_select(&p->list, i);
			break;
		}
	a->mode = AM_PICK;
	a->repaint = true;
}

void att_pick_min_level(struct att *a)
{
	struct att_choice *lv = NULL;
	size_t n = 0;
	struct att_pick *p;

	if (!a->app->session) {
		ui_error("%s", _("no session"));
		return;
	}
	if (attendance_levels(a->app->db, &lv, &n) != 0) {
		ui_error("%s", _("cannot read the levels"));
		return;
	}
	p = pick_new(a, PK_MIN_LEVEL);
	for (size_t i = 0; i < n; i++)
		item_add(p, lv[i].code, lv[i].label, !strcmp(lv[i].code, a->si.min_level));
	free(lv);
	pick_show(a, p);
}

void att_pick_themes(struct att *a)
{
	struct theme_entry *rows = NULL;
	struct att_pick *p;
	long long after = 0;
	size_t n = 0;

	if (!a->app->session) {
		ui_error("%s", _("no session"));
		return;
	}
	p = pick_new(a, PK_THEMES);
	/* The session's themes first (ticked: Enter removes), then the rest
	 * of the catalogue in its order. */
	for (size_t i = 0; i < a->n_themes; i++)
		item_add(p, a->themes[i].code, a->themes[i].label, true);
	for (;;) {
		if (themes_catalogue(a->app->db, NULL, NULL, after, 100, &rows, &n) != 0) {
			ui_error("%s", _("cannot read the theme catalogue"));
			break;
		}
		for (size_t i = 0; i < n; i++) {
			bool on = false;

			for (size_t k = 0; k < a->n_themes && !on; k++)
				on = !strcmp(a->themes[k].code, rows[i].code);
			if (!on && strcmp(rows[i].source, "free"))
				item_add(p, rows[i].code, i18n_pick(rows[i].title_fr, rows[i].title_en),
					 false);
		}
		after = n ? rows[n - 1].id : after;
		themes_catalogue_free(&rows, n);
		if (n < 100)
			break;
	}
	pick_show(a, p);
}

void att_pick_free(struct att *a)
{
	struct att_pick *p = a->pick;

	if (!p)
		return;
	lineedit_free(&p->filter);
	free(p->items);
	free(p->shown);
	free(p);
	a->pick = NULL;
}

/* Close the pick list: back to the list. */
static void pick_end(struct att *a)
{
	att_pick_free(a);
	att_mode_list(a);
}

static void choose(struct att *a)
{
	struct att_pick *p = a->pick;
	enum pick_kind kind = p->kind;
	struct pick_item it;
	char *q;

	if (p->list.sel < 0 || p->list.sel >= p->n_shown) {
		ui_error("%s", _("nothing matches: Esc cancels"));
		return;
	}
	it = p->items[p->shown[p->list.sel]];
	pick_end(a); /* frees p; it is a copy */
	q = ui_quote(it.code);
	if (kind == PK_MIN_LEVEL && it.on)
		ui_message(_("the minimum level is already %s"), it.label);
	else if (kind == PK_MIN_LEVEL)
		att_exec(a, true, "set min_level %s", q);
	else
		att_exec(a, true, "%s %s", it.on ? "theme-" : "theme+", q);
	free(q);
}

unsigned att_pick_handle(struct att *a, int key)
{
	struct att_pick *p = a->pick;

	if (key == K_ESC) {
		ui_message("%s", _("cancelled: nothing changed"));
		pick_end(a);
		return H_DONE | H_REDRAW;
	}
	if (key == K_ENTER) {
		choose(a);
		return H_DONE | H_REDRAW;
	}
	if (key == K_UP || key == K_DOWN || key == K_PGUP || key == K_PGDN || key == K_HOME ||
	    key == K_END) {
		list_handle(&p->list, key);
		return H_DONE | H_REDRAW;
	}
	if (lineedit_handle(&p->filter, key)) {
		refilter(p);
		list_select(&p->list, 0);
		return H_DONE | H_REDRAW;
	}
	return H_DONE;
}

void att_pick_draw(struct att *a, WINDOW *w, bool full)
{
	struct att_pick *p = a->pick;
	int y0 = a->head_y, x;
	const char *title = p->kind == PK_MIN_LEVEL
		? _(" Minimum level of the session (R4): Enter chooses, Esc cancels")
		: _(" Themes of the session: Enter adds or removes ([x]), Esc cancels");

	widget_blank(w, y0, 0, a->cols, ui_attr(ROLE_HEADER));
	widget_text_fit(w, y0, 0, a->cols, title, ui_attr(ROLE_HEADER));
	widget_blank(w, y0 + 1, 0, a->cols, ui_attr(ROLE_NORMAL));
	x = widget_text(w, y0 + 1, 1, a->cols - 2, _("Filter:"), ui_attr(ROLE_DIM), false) + 2;
	lineedit_draw(&p->filter, w, y0 + 1, x, a->cols - x - 1, ui_attr(ROLE_NORMAL) | A_UNDERLINE);
	if (full)
		list_invalidate(&p->list);
	list_draw(&p->list, w);
}
