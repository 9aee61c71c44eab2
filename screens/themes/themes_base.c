/*
 * themes_base.c — the base of the Themes screen: its state's loading
 * (the counts of the target, the visible pages and grid, the categories
 * of a theme), the selection, and the geometry of both views — what the
 * sub-views (themes_act.c keys and actions, themes_draw.c painting)
 * share, so that neither calls back into the dispatcher (themes.c).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "screen.h"
#include "themes.h"
#include "themes_screen.h"
#include "util.h"
#include "widgets.h"

static const char *const target_codes[2] = { "workshop", "next" };

const char *themes_target_code(const struct themes_screen *t)
{
	return target_codes[t->target];
}

/* ---- loading ---- */

static void free_grid(struct themes_screen *t)
{
	if (t->grid_borrowed) {
		free(t->grid.proposals);
		free(t->grid.cells);
		memset(&t->grid, 0, sizeof t->grid);
	} else {
		themes_grid_free(&t->grid);
	}
	t->grid_borrowed = false;
	themes_proposals_free(&t->gprops, t->gprops_n);
	t->gprops_n = 0;
	t->grid_valid = false;
}

/* The page goes, and what was read from it (gall, and grid borrowing
 * its members). */
static void free_page(struct themes_screen *t)
{
	free_grid(t);
	themes_grid_free(&t->gall);
	t->gall_valid = false;
	themes_proposals_free(&t->page, t->page_n);
	t->page_n = 0;
	t->page_valid = false;
}

/* grid = columns [left, left + n) of gall, members borrowed. */
static void grid_window(struct themes_screen *t, int left, int n)
{
	const struct theme_grid *a = &t->gall;
	struct theme_grid *g = &t->grid;

	g->n_members = a->n_members;
	g->n_proposals = (size_t)n;
	g->members = a->members;
	g->proposals = xcalloc((size_t)n ? (size_t)n : 1, sizeof *g->proposals);
	g->cells = xcalloc(a->n_members * (size_t)n + 1, sizeof *g->cells);
	memcpy(g->proposals, a->proposals + left, (size_t)n * sizeof *g->proposals);
	for (size_t m = 0; m < a->n_members; m++)
		memcpy(g->cells + m * (size_t)n, a->cells + m * a->n_proposals + (size_t)left,
		       (size_t)n * sizeof *g->cells);
	t->grid_borrowed = true;
}

static void free_cpage(struct themes_screen *t)
{
	themes_catalogue_free(&t->cpage, t->cpage_n);
	t->cpage_n = 0;
	t->cpage_valid = false;
}

void themes_load_cats(struct themes_screen *t, long long theme_id)
{
	if (theme_id == t->cats_theme)
		return;
	themes_categories_free(&t->cats, t->ncats);
	t->ncats = 0;
	t->cats_theme = theme_id;
	if (theme_id > 0 && themes_categories(t->app->db, theme_id, &t->cats, &t->ncats) != 0)
		ui_error("%s", _("cannot read the categories of the theme"));
}

/* Read what the current view shows: the counts of the target, and for
 * the catalogue its size and the session's themes. Pages are read when
 * drawn. */
void themes_reload(struct themes_screen *t)
{
	struct app *app = t->app;
	size_t ncat = 0;

	free_page(t);
	free_cpage(t);
	xfree(&t->session_themes);
	memset(&t->info, 0, sizeof t->info);
	if (app->session) {
		if (themes_view_target(app->db, app->session, themes_target_code(t), &t->info) != 0)
			ui_error("%s", _("cannot read the proposals"));
		if (t->view == TV_CATALOGUE &&
		    (themes_view_catalogue_count(app->db, &ncat) != 0 ||
		     themes_view_session_themes(app->db, app->session, &t->session_themes) != 0))
			ui_error("%s", _("cannot read the catalogue"));
	}
	list_set_count(&t->pl, t->info.shown);
	if (t->select_last)
		list_select(&t->pl, t->info.shown - 1);
	else
		list_select(&t->pl, t->psel[t->target]);
	t->select_last = false;
	t->psel[t->target] = t->pl.sel;
	list_set_count(&t->cl, (int)ncat);
	list_invalidate(&t->pl);
	list_invalidate(&t->cl);
	t->need_full = true;
}

/* The proposals of the list: every one at once when they are not too
 * many (then a step, or a scroll of the list, reads nothing), else the
 * list's page. */
static void load_page(struct themes_screen *t, int shown)
{
	size_t want = t->pl.height > 0 ? (size_t)t->pl.height : 1;

	if (t->page_valid && (shown <= TP_ALL || t->page_top == t->pl.top))
		return;
	free_page(t);
	t->page_top = shown > TP_ALL ? t->pl.top : 0;
	if (shown <= TP_ALL)
		want = shown > 0 ? (size_t)shown : 1;
	if (themes_view_proposals(t->app->db, t->app->session, themes_target_code(t),
				  (size_t)t->page_top, want, &t->page, &t->page_n) != 0)
		ui_error("%s", _("cannot read the proposals"));
	t->page_valid = true;
}

/* The grid's columns [gleft, gleft + gcols): a window of gall when the
 * page holds every proposal (gall read the first time only), else read. */
static void load_grid(struct themes_screen *t, int shown)
{
	struct app *app = t->app;
	int ncols = shown - t->gleft < t->gcols ? shown - t->gleft : t->gcols;
	const struct proposal_info *props = NULL;

	if (ncols < 0)
		ncols = 0;
	if (ncols > 0 && t->page_top == 0 && (int)t->page_n == shown && shown <= TP_ALL) {
		if (!t->gall_valid &&
		    themes_view_grid(app->db, app->session, t->page, t->page_n, &t->gall) != 0)
			ui_error("%s", _("cannot read the positions"));
		t->gall_valid = true;
		if (t->gall.n_proposals == (size_t)shown) {
			grid_window(t, t->gleft, ncols);
			return;
		}
	}
	if (ncols == 0) {
		props = NULL;
	} else if (t->gleft >= t->page_top && t->gleft + ncols <= t->page_top + (int)t->page_n) {
		props = t->page + (t->gleft - t->page_top);
	} else if (themes_view_proposals(app->db, app->session, themes_target_code(t),
					 (size_t)t->gleft, (size_t)ncols, &t->gprops,
					 &t->gprops_n) == 0) {
		props = t->gprops;
		ncols = (int)t->gprops_n;
	} else {
		ncols = 0;
	}
	if (themes_view_grid(app->db, app->session, props, (size_t)ncols, &t->grid) != 0)
		ui_error("%s", _("cannot read the positions"));
}

void themes_load_visible(struct themes_screen *t)
{
	struct app *app = t->app;
	int sel = t->pl.sel, shown = t->info.shown;

	if (!app->session)
		return;
	if (t->view == TV_CATALOGUE) {
		size_t want = t->cl.height > 0 ? (size_t)t->cl.height : 1;

		if (t->cpage_valid && t->cpage_top == t->cl.top)
			return;
		free_cpage(t);
		t->cpage_top = t->cl.top;
		if (themes_view_catalogue_page(app->db, (size_t)t->cl.top, want, &t->cpage,
					       &t->cpage_n) != 0)
			ui_error("%s", _("cannot read the catalogue"));
		t->cpage_valid = true;
		return;
	}
	themes_layout_props(t);
	/* The grid's columns follow the selected proposal. */
	if (sel >= 0 && sel < t->gleft)
		t->gleft = sel;
	if (sel >= t->gleft + t->gcols)
		t->gleft = sel - t->gcols + 1;
	if (t->gleft > shown - t->gcols)
		t->gleft = shown - t->gcols;
	if (t->gleft < 0)
		t->gleft = 0;
	load_page(t, shown);
	if (!t->grid_valid || t->grid_left_loaded != t->gleft) {
		free_grid(t);
		load_grid(t, shown);
		t->grid_valid = true;
		t->grid_left_loaded = t->gleft;
	}
	/* The grid's rows follow the cursor. */
	if (t->member >= (int)t->grid.n_members)
		t->member = (int)t->grid.n_members - 1;
	if (t->member < 0)
		t->member = 0;
	if (t->member < t->mtop)
		t->mtop = t->member;
	if (themes_grid_rows(t) > 0 && t->member >= t->mtop + themes_grid_rows(t))
		t->mtop = t->member - themes_grid_rows(t) + 1;
	if (t->mtop > (int)t->grid.n_members - themes_grid_rows(t))
		t->mtop = (int)t->grid.n_members - themes_grid_rows(t);
	if (t->mtop < 0)
		t->mtop = 0;
}

const struct proposal_info *themes_sel_prop(struct themes_screen *t)
{
	int i = t->pl.sel;

	if (!t->page_valid || i < t->page_top || i >= t->page_top + (int)t->page_n)
		return NULL;
	return &t->page[i - t->page_top];
}

const struct theme_entry *themes_sel_theme(struct themes_screen *t)
{
	int i = t->cl.sel;

	if (!t->cpage_valid || i < t->cpage_top || i >= t->cpage_top + (int)t->cpage_n)
		return NULL;
	return &t->cpage[i - t->cpage_top];
}

/* The selected proposal's stance cell for the cursor member, or NULL. */
enum stance *themes_cursor_cell(struct themes_screen *t)
{
	int col = t->pl.sel - t->gleft;

	if (!t->grid_valid || t->grid.n_members == 0 || col < 0 ||
	    col >= (int)t->grid.n_proposals || t->member >= (int)t->grid.n_members)
		return NULL;
	return &t->grid.cells[(size_t)t->member * t->grid.n_proposals + (size_t)col];
}

void themes_free_data(struct themes_screen *t)
{
	free_page(t);
	free_cpage(t);
	themes_categories_free(&t->cats, t->ncats);
	t->ncats = 0;
	t->cats_theme = -1;
	xfree(&t->session_themes);
}

void themes_enter_view(struct themes_screen *t, enum themes_view v)
{
	t->view = v;
	themes_reload(t);
}

/* ---- geometry ---- */

void themes_layout_props(struct themes_screen *t)
{
	int gmax = (t->cols - TG_CODE - 1 - TG_LIST_MIN) / TG_COL;
	int gcols = t->info.shown, lx, lw;

	if (gmax < 1)
		gmax = 1;
	if (gcols > gmax)
		gcols = gmax;
	if (gcols < 1)
		gcols = 1;
	t->gcols = gcols;
	t->gw = TG_CODE + gcols * TG_COL;
	if (t->gw < TG_MIN_W)
		t->gw = TG_MIN_W;
	t->area = t->rows - 2 - TD_LINES;
	if (t->area < 1)
		t->area = 1;
	lx = t->gw + 1;
	lw = t->cols - lx;
	if (t->pl.y != 2 || t->pl.x != lx || t->pl.height != t->area || t->pl.width != lw)
		list_place(&t->pl, 2, lx, t->area, lw);
}

void themes_place_catalogue(struct themes_screen *t)
{
	int h = t->rows - 2 - TD_LINES;

	if (h < 1)
		h = 1;
	if (t->cl.y != 2 || t->cl.height != h || t->cl.width != t->cols)
		list_place(&t->cl, 2, 0, h, t->cols);
}
