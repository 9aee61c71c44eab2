/*
 * themes.c — the Themes screen (DESIGN §4.4, R6): how a meeting chooses
 * the topics of its workshops and the theme of its next meeting. Two
 * views: the proposals of one target (`workshop` or `next`, t switches)
 * with the member state × proposal grid of positions and the decision of
 * each proposal under the session's rule; and the catalogue of the
 * fixtures (c opens it) with the entity categories each theme brings into
 * the R4 check. This file is the dispatcher: the keys and actions are in
 * themes_act.c, the painting in themes_draw.c, the loading and the
 * selection in themes_base.c.
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
#include "themes_act.h"
#include "themes_draw.h"
#include "themes_screen.h"
#include "util.h"
#include "widgets.h"

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
	/* --low-bandwidth keeps it for the idle tick (themes_tick). */
	s->deferred = t->detail_stale && !ui_low_bandwidth();
}

static void themes_close(struct screen *s)
{
	struct themes_screen *t = s->data;

	if (!t)
		return;
	themes_free_data(t);
	free(t);
	s->data = NULL;
}

static unsigned themes_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct themes_screen *t = s->data;
	const struct command_def *d = command_by_id(ev->cmd);
	unsigned r;

	if (!t)
		return H_IGNORED;
	if (!app->session) {
		/* The screen's keys say why they do nothing; the shell's work. */
		if (!d || (d->flags & (CMD_UI | CMD_LOCAL)) == CMD_UI)
			return H_IGNORED;
		ui_error("%s", _("No session: create one with :session new"));
		return H_DONE;
	}
	if (ev->cmd == CMD_TARGET) {
		t->psel[t->target] = t->pl.sel;
		t->target = !t->target;
		themes_reload(t);
		return H_DONE | H_REDRAW;
	}
	if (ev->cmd == CMD_CATALOGUE) {
		themes_enter_view(t, t->view == TV_CATALOGUE ? TV_PROPOSALS : TV_CATALOGUE);
		return H_DONE | H_REDRAW;
	}
	if (ev->cmd == CMD_SHOW && t->view == TV_PROPOSALS)
		return themes_show_proposal(t);
	r = t->view == TV_CATALOGUE ? themes_catalogue_key(t, ev) : themes_proposals_key(t, ev);
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
