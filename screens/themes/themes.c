/*
 * themes.c — the Themes screen (DESIGN §4.4, R6): how a meeting chooses
 * the topics of its workshops and the theme of its next meeting. Two
 * views: the proposals of one target (`workshop` or `next`, t switches)
 * with the member state × proposal grid of positions and the decision of
 * each proposal under the session's rule; and the catalogue of the
 * fixtures (c opens it) with the entity categories each theme brings into
 * the R4 check. The keys and actions are in themes_act.c, the painting
 * in themes_draw.c.
 *
 * Keys of the proposals view: Up/Down (j/k, PgUp/PgDn, Home/End) move
 * across member states, Left/Right (h/l) across proposals; + support,
 * - object, 0 abstain, . or Backspace none (position); s select (refused
 * with its reason while a present member state objects), x reject (asks
 * first), m marks a proposal and m on another merges the two (a title is
 * asked, the default joining both), a proposes a free title or a code.
 * In the catalogue: a or Enter proposes the selected theme for the
 * current target. / searches the proposals of the target, then the
 * catalogue; in the catalogue, the catalogue. Every change is a command
 * (ui_exec), so it is journaled and the grid only lists member states
 * (observers are refused by the command with its reason).
 *
 * Reads go through themes.h only, a page at a time (themes_view.c): the
 * visible proposals with their outcome, the cells of the visible
 * proposal columns, the visible catalogue rows.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
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

static void free_page(struct themes_screen *t)
{
	themes_proposals_free(&t->page, t->page_n);
	t->page_n = 0;
	t->page_valid = false;
}

static void free_grid(struct themes_screen *t)
{
	themes_grid_free(&t->grid);
	themes_proposals_free(&t->gprops, t->gprops_n);
	t->gprops_n = 0;
	t->grid_valid = false;
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
	free_grid(t);
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
	if (!t->page_valid || t->page_top != t->pl.top) {
		size_t want = t->pl.height > 0 ? (size_t)t->pl.height : 1;

		free_page(t);
		t->page_top = t->pl.top;
		if (themes_view_proposals(app->db, app->session, themes_target_code(t),
					  (size_t)t->pl.top, want, &t->page, &t->page_n) != 0)
			ui_error("%s", _("cannot read the proposals"));
		t->page_valid = true;
	}
	if (!t->grid_valid || t->grid_left_loaded != t->gleft) {
		int ncols = shown - t->gleft < t->gcols ? shown - t->gleft : t->gcols;
		const struct proposal_info *props = NULL;

		free_grid(t);
		if (ncols < 0)
			ncols = 0;
		if (ncols == 0) {
			props = NULL;
		} else if (t->gleft >= t->page_top &&
			   t->gleft + ncols <= t->page_top + (int)t->page_n) {
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
	if (t->area > 0 && t->member >= t->mtop + t->area)
		t->mtop = t->member - t->area + 1;
	if (t->mtop > (int)t->grid.n_members - t->area)
		t->mtop = (int)t->grid.n_members - t->area;
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

/* ---- screen operations ---- */

static int themes_open(struct screen *s, struct app *app)
{
	struct themes_screen *t = s->data;

	if (!t) {
		t = s->data = xcalloc(1, sizeof *t);
		t->app = app;
		t->cats_theme = -1;
		t->drawn_member = t->drawn_col = -1;
		list_init(&t->pl, themes_prop_row, NULL, t);
		t->pl.focused = false; /* the row draws its own mark */
		list_init(&t->cl, themes_theme_row, NULL, t);
	}
	themes_reload(t);
	return 0;
}

static void themes_layout(struct screen *s, int rows, int cols)
{
	struct themes_screen *t = s->data;

	if (!t)
		return;
	t->rows = rows;
	t->cols = cols;
	themes_layout_props(t);
	themes_place_catalogue(t);
	t->page_valid = t->cpage_valid = t->grid_valid = false;
}

static void themes_draw(struct screen *s, WINDOW *w)
{
	struct themes_screen *t = s->data;
	bool full;

	if (!t)
		return;
	full = s->full || t->need_full;
	if (t->need_full && !s->full)
		werase(w);
	t->need_full = false;
	if (!t->app->session) {
		if (full)
			widget_text(w, 1, 2, s->cols - 4, _("No session: create one with :session new"),
				    ui_attr(ROLE_DIM), false);
		return;
	}
	themes_load_visible(t);
	if (t->view == TV_CATALOGUE)
		themes_draw_catalogue(t, w, full);
	else
		themes_draw_proposals(t, w, full);
}

static void themes_close(struct screen *s)
{
	struct themes_screen *t = s->data;

	if (!t)
		return;
	free_page(t);
	free_grid(t);
	free_cpage(t);
	themes_categories_free(&t->cats, t->ncats);
	free(t->session_themes);
	free(t);
	s->data = NULL;
}

void themes_enter_view(struct themes_screen *t, enum themes_view v)
{
	t->view = v;
	themes_reload(t);
}

static unsigned themes_handle(struct screen *s, struct app *app, int key)
{
	struct themes_screen *t = s->data;
	unsigned r;

	if (!t)
		return H_IGNORED;
	if (!app->session) {
		const struct command_def *d = ui_key_command(SCR_THEMES, key, NULL);

		if (key != 't' && key != 'c' && (!d || (d->flags & CMD_UI)))
			return H_IGNORED;
		ui_error("%s", _("No session: create one with :session new"));
		return H_DONE;
	}
	if (key == 't') {
		t->psel[t->target] = t->pl.sel;
		t->target = !t->target;
		themes_reload(t);
		return H_DONE | H_REDRAW;
	}
	if (key == 'c') {
		themes_enter_view(t, t->view == TV_CATALOGUE ? TV_PROPOSALS : TV_CATALOGUE);
		return H_DONE | H_REDRAW;
	}
	r = t->view == TV_CATALOGUE ? themes_catalogue_key(t, key) : themes_proposals_key(t, key);
	t->psel[t->target] = t->pl.sel;
	return r;
}

/* The idle tick: under --low-bandwidth, the detail of the selection
 * (left behind while keys came) is painted now. */
static unsigned themes_tick(struct screen *s, struct app *app)
{
	struct themes_screen *t = s->data;

	(void)app;
	return t && t->detail_stale ? H_REDRAW : H_IGNORED;
}

/* / : the next proposal of the target matching needle, else the first
 * catalogue theme matching it (the view switches to the catalogue); in
 * the catalogue, the next theme matching it. Both wrap around. */
static bool themes_search(struct screen *s, const char *needle, bool next)
{
	struct themes_screen *t = s->data;
	struct app *app;
	size_t idx = 0;
	long long id = 0, after = 0;
	int rc;

	if (!t || !t->app->session)
		return false;
	app = t->app;
	themes_load_visible(t);
	if (t->view == TV_PROPOSALS) {
		const struct proposal_info *p = themes_sel_prop(t);

		after = next && p ? p->num : 0;
		rc = themes_view_proposal_find(app->db, app->session, themes_target_code(t), needle,
					       after, &idx);
		if (rc == 1 && after)
			rc = themes_view_proposal_find(app->db, app->session,
						       themes_target_code(t), needle, 0, &idx);
		if (rc == 0) {
			list_select(&t->pl, (int)idx);
			t->psel[t->target] = t->pl.sel;
			return true;
		}
		if (themes_view_catalogue_find(app->db, needle, 0, &idx, &id) != 0)
			return false;
		themes_enter_view(t, TV_CATALOGUE);
		list_select(&t->cl, (int)idx);
		return true;
	}
	if (next && themes_sel_theme(t))
		after = themes_sel_theme(t)->id;
	rc = themes_view_catalogue_find(app->db, needle, after, &idx, &id);
	if (rc == 1 && after)
		rc = themes_view_catalogue_find(app->db, needle, 0, &idx, &id);
	if (rc != 0)
		return false;
	list_select(&t->cl, (int)idx);
	return true;
}

const struct screen_ops themes_screen_ops = {
	.name = N_("Themes"),
	.open = themes_open,
	.layout = themes_layout,
	.draw = themes_draw,
	.handle = themes_handle,
	.close = themes_close,
	.search = themes_search,
	.tick = themes_tick,
};
