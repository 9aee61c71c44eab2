/*
 * attendance.c — the Attendance screen (DESIGN §4.3, R3, R4): who is in
 * the room. The delegations of the process grouped as member states,
 * observer states and observer organisations; Enter or Right expands one
 * to its delegates (presence with arrival and departure, head mark, name,
 * level, category; function and entity on the detail line), Left
 * collapses. Space toggles the presence of a delegate, or of a whole
 * delegation on its row (present+ / present-). a adds and e edits a
 * delegate through a form, D removes one (asking first), i imports a
 * participants CSV after a preview, m sets the minimum level, t adds or
 * removes a theme, c moves into the R4 grid (attendance_grid.c), which
 * stays in view above the list and follows every change at once.
 *
 * Reads go through attendance.h only; the list model and its keyset
 * pages are in attendance_tree.c, the rows are drawn by attendance_rows.c.
 * Moving the selection repaints two rows and the detail line; a command
 * reloads the screen, and curses sends only the cells that changed (the
 * row, its delegation's count, the grid cell, the summary).
 *
 * The fastest check-in: / and a few letters of the name, Enter (the
 * search expands the delegation and selects the delegate; n and N the
 * next and previous match: attendance_search.c), Space.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "util.h"

#include "attendance_form.h"
#include "attendance_grid.h"
#include "attendance_import.h"
#include "attendance_pick.h"
#include "attendance_rows.h"
#include "attendance_screen.h"

/* Free whatever form, pick list or preview is open: back to the list. */
static void mode_end(struct att *a)
{
	att_form_free(a);
	att_pick_free(a);
	att_import_free(a);
	att_mode_list(a);
}

static void att_draw(struct screen *s, WINDOW *w)
{
	struct att *a = s->data;
	bool full;

	if (!a)
		return;
	full = s->full || a->repaint;
	a->repaint = false;
	att_grid_draw(a, w, full);
	switch (a->mode) {
	case AM_FORM:
		att_form_draw(a, w);
		return;
	case AM_PICK:
		att_pick_draw(a, w, full);
		return;
	case AM_IMPORT:
		att_import_draw(a, w, full);
		return;
	case AM_LIST:
		break;
	}
	if (full) {
		att_draw_heading(a, w);
		list_invalidate(&a->list);
	}
	if (!a->page_valid || a->page_top != a->list.top)
		att_load_page(a);
	list_draw(&a->list, w);
	if (full && a->list.count == 0)
		widget_text(w, a->list.y + 1, 2, a->cols - 4,
			    a->app->session ? _("No delegation in this process.")
					    : _("No session: create one with :session new"),
			    ui_attr(ROLE_DIM), false);
	/* A move sends the two rows only (the bar or the markers); the
	 * detail line follows when the keys pause (s->deferred), so that a
	 * run of moves does not send a detail line per row; under
	 * --low-bandwidth at the idle tick (att_tick). */
	if (a->moved && !full) {
		a->detail_stale = true;
	} else {
		att_draw_detail(a, w);
		a->detail_stale = false;
	}
	a->moved = false;
	s->deferred = a->detail_stale && !ui_low_bandwidth(); /* else: att_tick */
}

static unsigned att_tick(struct screen *s, struct app *app)
{
	struct att *a = s->data;

	(void)app;
	return a && a->detail_stale && a->mode == AM_LIST ? H_REDRAW : H_IGNORED;
}

/* ---- open / layout ---- */

static int load_delegations(struct att *a)
{
	struct att_delegation_key key;
	struct att_delegation *rows;
	size_t n, cap = 0;

	free(a->delegs);
	a->delegs = NULL;
	a->n_delegs = 0;
	for (;;) {
		if (attendance_delegations(a->app->db, a->app->session, a->n_delegs ? &key : NULL, 100,
					   &rows, &n) != 0)
			return -1;
		if (a->n_delegs + n > cap) {
			cap = a->n_delegs + n + 16;
			a->delegs = xrealloc(a->delegs, cap * sizeof *a->delegs);
		}
		if (n)
			memcpy(a->delegs + a->n_delegs, rows, n * sizeof *rows);
		a->n_delegs += n;
		free(rows);
		if (n < 100)
			return 0;
		key.type = a->delegs[a->n_delegs - 1].type;
		str_copy(key.code, a->delegs[a->n_delegs - 1].code, sizeof key.code);
	}
}

/* The R4 check (the shell's, shared with the title bar): a copy. */
static int load_checks(struct att *a)
{
	const struct check_row *rows;
	size_t n;

	if (ui_r4_check(&rows, &n) != 0)
		return -1;
	a->checks = n ? xmalloc(n * sizeof *rows) : NULL;
	if (n)
		memcpy(a->checks, rows, n * sizeof *rows);
	a->n_checks = n;
	return 0;
}

/* A reload (another instance's change) keeps the cursor on the person or
 * the delegation it was on, not on its row number: delegates added above
 * would otherwise put Space on someone else (issue 12). */
static void keep_person(struct att *a)
{
	const struct att_row *r;

	if (a->want || !a->n_delegs || !(r = att_row_at(a, a->list.sel)) || r->kind == AK_GROUP ||
	    r->d < 0 || (size_t)r->d >= a->n_delegs)
		return;
	a->want = true;
	a->want_deleg = a->delegs[r->d].id;
	a->want_name[0] = '\0';
	if (r->kind == AK_PERSON && r->loaded)
		str_copy(a->want_name, r->p->name, sizeof a->want_name);
}

static int att_open(struct screen *s, struct app *app)
{
	struct att *a = s->data;
	int rc = 0;

	if (!a) {
		a = s->data = xcalloc(1, sizeof *a);
		a->app = app;
		list_init(&a->list, att_draw_row, NULL, a);
		a->list.cells_kept = true; /* changes and other modes repaint all */
	} else {
		keep_person(a);
	}
	free(a->checks);
	free(a->themes);
	a->checks = NULL;
	a->themes = NULL;
	a->n_checks = a->n_themes = 0;
	a->n_ok = 0;
	memset(&a->si, 0, sizeof a->si);
	if (app->session) {
		if (session_get(app->db, app->session, &a->si) < 0 || load_delegations(a) != 0 ||
		    load_checks(a) != 0 ||
		    attendance_session_themes(app->db, app->session, &a->themes, &a->n_themes) != 0) {
			ui_error("%s", _("cannot read the attendance"));
			rc = -1;
		}
	} else {
		a->n_delegs = 0;
	}
	/* R4 off (set r4 off): presence per delegation, no verdict anywhere. */
	a->r4_off = a->n_checks && !a->checks[0].applied;
	if (a->r4_off) {
		free(a->checks);
		a->checks = NULL;
		a->n_checks = 0;
	}
	memset(a->n_res, 0, sizeof a->n_res);
	for (size_t i = 0; i < a->n_checks; i++) {
		a->n_ok += a->checks[i].r4.result == R4_OK;
		if ((unsigned)a->checks[i].r4.result < ARRAY_SIZE(a->n_res))
			a->n_res[a->checks[i].r4.result]++;
	}
	att_exp_recheck(a);
	att_tree_index(a);
	if (a->want) {
		a->want = false;
		att_select(a, a->want_deleg, a->want_name[0] ? a->want_name : NULL);
	}
	att_skip_group(a, 1);
	if (a->grid_sel >= (int)a->n_checks)
		a->grid_sel = a->n_checks ? (int)a->n_checks - 1 : 0;
	a->page_valid = false;
	a->repaint = true;
	list_invalidate(&a->list);
	return rc;
}

static void att_layout(struct screen *s, int rows, int cols)
{
	struct att *a = s->data;

	if (!a)
		return;
	a->rows = rows;
	a->cols = cols;
	att_grid_layout(a);
	a->head_y = a->grid_y + a->grid_h;
	a->detail_y = rows - 1;
	list_place(&a->list, a->head_y + 1, 0, a->detail_y - a->head_y - 1, cols);
	a->page_valid = false;
	a->repaint = true;
}

/* ---- actions ---- */

static unsigned expand(struct att *a, int d, bool open)
{
	if (d < 0 || open == (a->exp_of[d] >= 0))
		return H_DONE;
	if (open && a->delegs[d].n_delegates == 0) {
		ui_message(_("%s has no delegate in this session: a adds one"), a->delegs[d].code);
		return H_DONE;
	}
	if (open)
		att_exp_add(a, a->delegs[d].id);
	else
		att_exp_remove(a, a->delegs[d].id);
	att_tree_index(a);
	list_select(&a->list, a->start[d]);
	list_invalidate(&a->list);
	return H_DONE | H_REDRAW;
}

/* Space: one delegate, or a whole delegation (all present → all absent). */
static void toggle(struct att *a, const struct att_row *r)
{
	const struct att_delegation *g = &a->delegs[r->d];
	char *q;

	if (r->kind == AK_PERSON) {
		if (!r->loaded)
			return;
		q = ui_quote(r->p->name);
		att_exec(a, true, "%s %s %s", r->p->present ? "present-" : "present+", g->code, q);
		free(q);
	} else if (g->n_delegates == 0) {
		ui_error(_("%s has no delegate in this session: a adds one"), g->code);
	} else {
		att_exec(a, true, "%s %s", g->n_present == g->n_delegates ? "present-" : "present+",
			 g->code);
	}
}

static void remove_person(struct att *a, const struct att_row *r)
{
	char question[512], code[16], *q;

	str_copy(code, a->delegs[r->d].code, sizeof code);
	str_printf(question, sizeof question, _("Remove %s \"%s\" from this session?"), code,
		   r->p->name);
	q = ui_quote(r->p->name);
	if (ui_confirm(question))
		att_exec(a, false, "delegate- %s %s", code, q);
	free(q);
}

/* c: the focus goes into the R4 grid, on delegation d's cell (d >= 0). */
static unsigned enter_grid(struct att *a, int d)
{
	if (!a->n_checks) {
		ui_error("%s", _("no member state in this process"));
		return H_DONE;
	}
	a->grid_focus = true;
	a->list.focused = false;
	a->list.drawn_sel = -2; /* the bar goes: repaint that row */
	for (size_t i = 0; d >= 0 && i < a->n_checks; i++)
		if (a->checks[i].delegation_id == a->delegs[d].id)
			a->grid_sel = (int)i;
	return H_DONE | H_REDRAW;
}

/* A command of this screen on the selected row (cmd: CMD_DELEGATE_ADD,
 * _EDIT, _DEL, CMD_PRESENT_ADD or _DEL). */
static unsigned on_row(struct att *a, enum cmd_id cmd)
{
	const struct att_row *sel;
	struct att_delegate person;
	struct att_row r;

	sel = att_row_at(a, a->list.sel);
	if (!sel || sel->kind == AK_GROUP) {
		ui_error("%s", a->n_delegs ? _("select a delegation or a delegate")
					   : _("no delegation in this process"));
		return H_DONE;
	}
	r = *sel; /* a copy: the form and questions outlive the page's rows */
	if (r.p) {
		person = *r.p;
		r.p = &person;
	}
	if (cmd == CMD_DELEGATE_ADD) {
		att_form_add(a, r.d);
		return H_DONE | H_REDRAW;
	}
	if (cmd == CMD_PRESENT_ADD || cmd == CMD_PRESENT_DEL) {
		toggle(a, &r);
		return H_DONE;
	}
	if (r.kind != AK_PERSON || !r.loaded) {
		ui_error("%s", _("select a delegate (Enter shows the delegates of a delegation)"));
		return H_DONE;
	}
	if (cmd == CMD_DELEGATE_EDIT)
		att_form_edit(a, r.d, r.p);
	else
		remove_person(a, &r);
	return H_DONE | H_REDRAW;
}

/* The check row of delegation d of the list, or -1. */
static int check_index(const struct att *a, int d)
{
	for (size_t i = 0; d >= 0 && i < a->n_checks; i++)
		if (a->checks[i].delegation_id == a->delegs[d].id)
			return (int)i;
	return -1;
}

static unsigned att_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	int key = ev->key;
	struct att *a = s->data;
	const struct att_row *sel;
	enum att_kind kind = AK_GROUP;
	int d = -1, old;
	unsigned res;

	(void)app;
	if (!a)
		return H_IGNORED;
	switch (a->mode) {
	case AM_FORM:
		return att_form_handle(a, key);
	case AM_PICK:
		return att_pick_handle(a, key);
	case AM_IMPORT:
		return att_import_handle(a, ev);
	case AM_LIST:
		break;
	}
	if (a->searching && (res = att_search_key(a, key)) != H_IGNORED)
		return res;
	if (a->grid_focus && (res = att_grid_handle(a, ev)) != H_IGNORED)
		return res;
	if ((sel = att_row_at(a, a->list.sel)) != NULL) {
		kind = sel->kind;
		d = sel->d;
	}
	if (key == K_ENTER && kind == AK_DELEG)
		return expand(a, d, a->exp_of[d] < 0);
	switch (keys_nav(key)) {
	case NAV_RIGHT:
		return kind == AK_DELEG ? expand(a, d, true) : H_DONE;
	case NAV_LEFT:
		return kind == AK_GROUP ? H_DONE : expand(a, d, false);
	default:
		break;
	}
	old = a->list.sel;
	if ((res = list_handle(&a->list, key)) != H_IGNORED) {
		att_skip_group(a, a->list.sel >= old ? 1 : -1);
		a->moved = (res & H_REDRAW) != 0;
		return res;
	}
	switch (ev->cmd) {
	case CMD_GRID:
		return enter_grid(a, kind != AK_GROUP ? d : -1);
	case CMD_MIN_LEVEL:
		att_pick_min_level(a);
		return H_DONE | H_REDRAW;
	case CMD_THEMES:
		att_pick_themes(a);
		return H_DONE | H_REDRAW;
	case CMD_IMPORT:
		att_import_start(a);
		return H_DONE | H_REDRAW;
	case CMD_DELEGATE_ADD:
	case CMD_DELEGATE_EDIT:
	case CMD_DELEGATE_DEL:
	case CMD_PRESENT_ADD:
	case CMD_PRESENT_DEL:
		return on_row(a, ev->cmd);
	case CMD_NEXT_NOT_OK:
		return att_grid_next_bad(a, check_index(a, d));
	default:
		return H_IGNORED;
	}
}

/* Left for another tab: the page goes; the delegate under the cursor is
 * kept (keep_person) for open() to select again, the expanded delegations
 * and their keys stay. */
static void att_hide(struct screen *s)
{
	struct att *a = s->data;

	if (!a)
		return;
	keep_person(a);
	free(a->page);
	free(a->people);
	a->page = NULL;
	a->people = NULL;
	a->page_cap = a->page_n = a->people_cap = 0;
	a->page_valid = false;
}

static size_t att_held(const struct screen *s)
{
	const struct att *a = s->data;

	return (size_t)a->page_cap * sizeof *a->page +
	       (size_t)a->people_cap * sizeof *a->people;
}

static void att_close(struct screen *s)
{
	struct att *a = s->data;

	if (!a)
		return;
	mode_end(a);
	for (size_t i = 0; i < a->n_exp; i++)
		free(a->exp[i].names);
	free(a->exp);
	free(a->delegs);
	free(a->start);
	free(a->exp_of);
	free(a->page);
	free(a->people);
	free(a->checks);
	free(a->themes);
	free(a);
	s->data = NULL;
}

const struct screen_ops attendance_screen_ops = {
	.name = N_("Attendance"),
	.open = att_open,
	.layout = att_layout,
	.draw = att_draw,
	.handle = att_handle,
	.close = att_close,
	.search = att_search,
	.tick = att_tick,
	.hide = att_hide,
	.held = att_held,
};
