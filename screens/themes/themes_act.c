/*
 * themes_act.c — the keys and actions of the Themes screen (a sub-view:
 * the state and its loading are the base's, themes_base.c): moving the grid's
 * cursor, the position keys, propose (a free title or code, or the
 * catalogue's selected theme; the proposer asked with completion), select,
 * reject (asked first), merge (mark, then merge with another). Every
 * change is one command through ui_exec(), so it is journaled, and a
 * refusal (an observer, an objection, the places filled) shows its reason
 * on the message line and changes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "screen.h"
#include "themes.h"
#include "themes_act.h"
#include "util.h"
#include "widgets.h"

/* ---- actions ---- */

/* Choices for the proposer prompt: secretariat, ctp, the member codes
 * (pointing into g). */
static const char **proposer_choices(struct themes_screen *t, struct theme_grid *g)
{
	const char **choices;
	size_t k = 0;

	if (themes_view_grid(t->app->db, t->app->session, NULL, 0, g) != 0)
		memset(g, 0, sizeof *g);
	choices = xcalloc(g->n_members + 3, sizeof *choices);
	choices[k++] = "secretariat";
	choices[k++] = "ctp";
	for (size_t i = 0; i < g->n_members; i++)
		choices[k++] = g->members[i].code;
	choices[k] = NULL;
	return choices;
}

struct proposing {
	struct themes_screen *t;
	const char *theme; /* the catalogue's code, or NULL: the first answer */
};

/* propose TARGET THEME [PROPOSER] of the answers (the title, if asked,
 * then the proposer). */
static char *propose_line(const struct ui_ask *ask, void *ud)
{
	const struct proposing *p = ud;
	const char *who = ask[p->theme ? 0 : 1].answer;
	char *q = ui_quote(p->theme ? p->theme : ask[0].answer), *line;

	if (!*who || str_ieq(who, "secretariat"))
		line = xasprintf("propose %s %s", themes_target_code(p->t), q);
	else
		line = xasprintf("propose %s %s %s", themes_target_code(p->t), q, who);
	free(q);
	return line;
}

/* Propose theme (a catalogue code), or a free title asked first (NULL);
 * then the proposer, asked with completion. */
static void propose(struct themes_screen *t, const char *theme)
{
	struct theme_grid g;
	const char **choices = proposer_choices(t, &g);
	struct ui_ask ask[] = {
		{ .label = t->target ? _("Theme of the next meeting (code or free title):")
			    : _("Workshop theme (code or free title):"),
		  .opts = { .draft = "title" }, .required = true }, /* kept if the link drops */
		{ .label = _("Proposed by (secretariat, ctp or a member state; Tab completes):"),
		  .opts = { .initial = "secretariat", .complete = COMPLETE_LIST, .choices = choices } },
	};
	struct proposing p = { t, theme };
	struct ui_ask *first = theme ? ask + 1 : ask;
	int n = theme ? 1 : 2;

	if (ui_ask_run(t->app, first, n, propose_line, &p) == 0) {
		t->select_last = true;
		t->view = TV_PROPOSALS;
	}
	ui_ask_free(first, n);
	free(choices);
	themes_grid_free(&g);
}

static void set_position(struct themes_screen *t, enum stance st)
{
	const struct proposal_info *p = themes_sel_prop(t);
	enum stance *cell = themes_cursor_cell(t);
	const struct grid_member *m;

	if (!p || !cell) {
		ui_error("%s", p ? _("no member state in this process")
				 : _("no proposal: a proposes one, c opens the catalogue"));
		return;
	}
	m = &t->grid.members[t->member];
	if (*cell == st) {
		ui_message(_("P%lld: %s already has that position"), p->num, m->code);
		return;
	}
	ui_execf(t->app, "position %lld %s %s", p->num, m->code,
		 st == ST_NONE ? "none" : rules_stance_code(st));
}

static void reject(struct themes_screen *t, long long num)
{
	char question[128];

	str_printf(question, sizeof question, _("Reject P%lld?"), num);
	if (ui_confirm(question))
		ui_execf(t->app, "reject %lld", num);
}

struct merging {
	long long first, second;
};

/* merge P Q ["TITLE"] (an empty title: the command makes one). */
static char *merge_line(const struct ui_ask *ask, void *ud)
{
	const struct merging *m = ud;
	char *q = ui_quote(ask->answer);
	char *line = xasprintf("merge %lld %lld%s%s", m->first, m->second, *ask->answer ? " " : "",
			       *ask->answer ? q : "");

	free(q);
	return line;
}

/* m: mark the selected proposal, or merge the marked one with it. */
static void merge(struct themes_screen *t, const struct proposal_info *p)
{
	struct proposal_info marked;
	struct ui_ask ask = { .label = _("Title of the merged proposal:"), .opts = { 0 } };
	struct merging m = { t->mark, p->num };
	char *initial;

	if (!m.first || t->mark_target != t->target) {
		t->mark = p->num;
		t->mark_target = t->target;
		ui_message(_("P%lld marked: m on another proposal merges the two (Esc cancels)"),
			   p->num);
		return;
	}
	if (m.first == p->num) {
		t->mark = 0;
		ui_message("%s", _("mark removed"));
		return;
	}
	if (themes_proposal_get(t->app->db, t->app->session, m.first, &marked) != 0) {
		t->mark = 0;
		ui_error(_("P%lld is gone"), m.first);
		return;
	}
	ask.opts.initial = initial = xasprintf("%s + %s", marked.title, p->title);
	themes_proposal_clear(&marked);
	if (ui_ask_run(t->app, &ask, 1, merge_line, &m) == 0) {
		t->mark = 0;
		t->select_last = true;
	}
	free(initial);
	ui_ask_free(&ask, 1);
}

static unsigned move_member(struct themes_screen *t, int m)
{
	int n = (int)t->grid.n_members;

	if (m >= n)
		m = n - 1;
	if (m < 0)
		m = 0;
	if (m == t->member)
		return H_DONE;
	t->member = m;
	return H_DONE | H_REDRAW;
}

static unsigned move_prop(struct themes_screen *t, int i)
{
	int old = t->pl.sel;

	list_select(&t->pl, i);
	return t->pl.sel == old ? H_DONE : H_DONE | H_REDRAW;
}

unsigned themes_proposals_key(struct themes_screen *t, const struct key_event *ev)
{
	static const enum stance keyed[] = { ST_SUPPORT, ST_OBJECT, ST_ABSTAIN, ST_NONE };
	const struct proposal_info *p;
	int key = ev->key;

	switch (keys_nav(key)) {
	case NAV_UP:
		return move_member(t, t->member - 1);
	case NAV_DOWN:
		return move_member(t, t->member + 1);
	case NAV_PGUP:
		return move_member(t, t->member - (themes_grid_rows(t) > 1 ? themes_grid_rows(t) : 1));
	case NAV_PGDN:
		return move_member(t, t->member + (themes_grid_rows(t) > 1 ? themes_grid_rows(t) : 1));
	case NAV_HOME:
		return move_member(t, 0);
	case NAV_END:
		return move_member(t, (int)t->grid.n_members - 1);
	case NAV_LEFT:
		return move_prop(t, t->pl.sel - 1);
	case NAV_RIGHT:
		return move_prop(t, t->pl.sel + 1);
	default:
		break;
	}
	if (key == K_ESC && t->mark) {
		t->mark = 0;
		ui_message("%s", _("mark removed"));
		t->need_full = true;
		return H_DONE | H_REDRAW;
	}
	if (key == K_BS) {
		set_position(t, ST_NONE);
		return H_DONE;
	}
	switch (ev->cmd) {
	case CMD_PROPOSE:
		propose(t, NULL);
		return H_DONE;
	case CMD_POSITION:
		set_position(t, ev->which >= 0 && ev->which < 4 ? keyed[ev->which] : ST_NONE);
		return H_DONE;
	case CMD_SELECT:
	case CMD_REJECT:
	case CMD_MERGE:
		break; /* on the selected proposal */
	default:
		return H_IGNORED;
	}
	if (!(p = themes_sel_prop(t))) {
		ui_error("%s", _("no proposal: a proposes one, c opens the catalogue"));
		return H_DONE;
	}
	if (ev->cmd == CMD_SELECT) {
		ui_execf(t->app, "select %lld", p->num);
	} else if (ev->cmd == CMD_REJECT) {
		reject(t, p->num);
	} else {
		struct proposal_info copy = { 0 };

		copy.num = p->num;
		copy.title = xstrdup(p->title);
		merge(t, &copy);
		free(copy.title);
		t->need_full = true; /* the mark shows in the list */
		return H_DONE | H_REDRAW;
	}
	return H_DONE;
}

unsigned themes_catalogue_key(struct themes_screen *t, const struct key_event *ev)
{
	const struct command_def *d = command_by_id(ev->cmd);
	const struct theme_entry *e;
	unsigned r;

	if (ev->key == K_ESC) {
		themes_enter_view(t, TV_PROPOSALS);
		return H_DONE | H_REDRAW;
	}
	if ((r = list_handle(&t->cl, ev->key)) != H_IGNORED)
		return r;
	if (d && (d->flags & CMD_UI) && ev->cmd != CMD_SHOW)
		return H_IGNORED; /* Enter (show elsewhere) proposes here */
	if (ev->key != K_ENTER && ev->cmd != CMD_PROPOSE) {
		if (!d || ev->cmd == CMD_NOTE)
			return H_IGNORED;
		ui_message("%s", _("c returns to the proposals and their positions"));
		return H_DONE;
	}
	e = themes_sel_theme(t);
	if (e) {
		char *code = xstrdup(e->code);

		propose(t, code);
		free(code);
	}
	return H_DONE;
}
