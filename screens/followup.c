/*
 * followup.c — screen 7, Follow-up (Suivi; DESIGN §8): the process across
 * meetings, in three views switched with `v`:
 *
 *  - Recommendations × member states: each cell the latest status a member
 *    state reported (a letter, so it reads in monochrome: 0 not started,
 *    P in progress, I implemented, X not applicable, . no report), the
 *    overall state per recommendation, the detail of the selected cell
 *    (note, date, reporter, history) under the grid. Left/Right move
 *    between states (the grid shifts when the cursor leaves it); the keys
 *    0 p i x . set the cell's status the way the Themes grid sets a
 *    position (`follow REC CODE STATUS`), `N` with a note, `r` records the
 *    CTP's review; `f` cycles the overall-state filter, `s` the session,
 *    `t` the theme.
 *  - Actions: number, owner, due date (overdue marked `!`), state, text;
 *    `a` opens one, `d` done, `o` reopen, `X` dropped.
 *  - Representation: member states × sessions (newest first), each cell
 *    the session's R4 result and the level of the head of delegation —
 *    who each state has sent, over the years.
 *
 * Only what is visible is read: the lists page with LIMIT/OFFSET on
 * indexed orders, the grid reads the cells of the visible rows only.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "followup.h"
#include "i18n.h"
#include "keys.h"
#include "screen.h"
#include "util.h"
#include "widgets.h"

enum fu_view { V_GRID = 0, V_ACTIONS, V_REPR, V_COUNT };
enum { DETAIL_ROWS = 3, C_REF = 8, C_OVERALL = 2, C_CELL = 4, C_TITLE_MIN = 12, C_REPR = 16 };

struct fu {
	struct app *app;
	enum fu_view view;
	struct list list;
	/* member states (columns of the grid, rows of the representation) */
	char (*members)[16];
	size_t nmem;
	int col, col0, ncols;          /* selected column, first visible, visible */
	/* grid page */
	struct fu_rec *recs;
	char *marks;                    /* page_n × nmem */
	size_t page_n;
	int page_top;
	bool page_valid;
	int filter_overall;             /* 0 = all, else index + 1 in followup_statuses */
	long long filter_session;       /* 0 = all */
	bool theme_filtered;            /* filter_theme applies ("" = no theme) */
	char filter_theme[32];
	/* actions page */
	struct action_row *acts;
	/* representation: sessions as columns */
	long long *sess;
	char (*slabels)[64];
	size_t nsess;
	struct repr_cell *repr;         /* page_n × nsess */
	bool header_dirty;              /* the columns shifted: repaint the header */
	/* The detail lines follow the selection at the next idle tick, not in
	 * the same write as the move: a move costs its two rows (DESIGN §7). */
	int detail_sel, detail_col;     /* what the detail lines show now */
	bool detail_due;
	char text[256];
};

static const char *overall_filter(const struct fu *f)
{
	return f->filter_overall ? followup_statuses[f->filter_overall - 1] : NULL;
}

static struct fu_filter grid_filter(const struct fu *f)
{
	return (struct fu_filter){ .session = f->filter_session, .overall = overall_filter(f),
				   .theme = f->theme_filtered ? f->filter_theme : NULL };
}

static void free_page(struct fu *f)
{
	followup_recs_free(&f->recs, f->view == V_GRID ? f->page_n : 0);
	followup_actions_free(&f->acts, f->view == V_ACTIONS ? f->page_n : 0);
	free(f->marks);
	free(f->repr);
	f->marks = NULL;
	f->repr = NULL;
	f->recs = NULL;
	f->acts = NULL;
	f->page_n = 0;
	f->page_valid = false;
}

/* Visible columns of the grid (member states) or of the representation
 * (sessions) for the body width. */
static int visible_cols(const struct fu *f)
{
	int room = f->list.width - 1 - C_REF - 1 - C_OVERALL - 1 - C_TITLE_MIN;
	int n = f->view == V_REPR ? (int)f->nsess : (int)f->nmem;
	int w = f->view == V_REPR ? C_REPR + 1 : C_CELL;
	int fit = room > 0 ? room / w : 1;

	if (f->view == V_REPR)
		fit = (f->list.width - 1 - 6) / w;
	if (fit < 1)
		fit = 1;
	return fit < n ? fit : n;
}

static void load_page(struct fu *f)
{
	int h = f->list.height > 0 ? f->list.height : 1;
	long long s = f->app->session;

	free_page(f);
	f->page_top = f->list.top;
	if (!s)
		goto done;
	if (f->view == V_GRID) {
		struct fu_filter flt = grid_filter(f);

		followup_recs(f->app->db, s, &flt, f->page_top, (size_t)h, &f->recs, &f->page_n);
		f->marks = xcalloc(f->page_n * (f->nmem ? f->nmem : 1) + 1, 1);
		for (size_t i = 0; i < f->page_n; i++)
			followup_row_marks(f->app->db, f->recs[i].id, f->members, f->nmem,
					   f->marks + i * f->nmem);
	} else if (f->view == V_ACTIONS) {
		followup_actions(f->app->db, s, false, f->page_top, (size_t)h, &f->acts, &f->page_n);
	} else {
		size_t n = f->nmem - (size_t)f->page_top < (size_t)h ? f->nmem - (size_t)f->page_top
								       : (size_t)h;
		int nc = visible_cols(f);

		f->page_n = f->page_top < (int)f->nmem ? n : 0;
		f->repr = xcalloc(f->page_n * (size_t)(nc ? nc : 1) + 1, sizeof *f->repr);
		for (size_t i = 0; i < f->page_n; i++)
			for (int c = 0; c < nc && f->col0 + c < (int)f->nsess; c++)
				followup_repr(f->app->db, f->sess[f->col0 + c],
					      f->members[f->page_top + (int)i],
					      &f->repr[i * (size_t)nc + (size_t)c]);
	}
done:
	f->page_valid = true;
}

static bool page_covers(const struct fu *f)
{
	int end = f->list.top + f->list.height;

	if (end > f->list.count)
		end = f->list.count;
	return f->page_valid && f->list.top >= f->page_top && end <= f->page_top + (int)f->page_n;
}

/* ---- rows ---- */

static void draw_grid_row(struct fu *f, WINDOW *w, int y, int x, int width, int i)
{
	const struct fu_rec *r = &f->recs[i - f->page_top];
	const char *m = f->marks + (size_t)(i - f->page_top) * f->nmem;
	attr_t normal = ui_attr(ROLE_NORMAL);
	int cx = x, title_w;
	char cell[8];

	widget_text(w, y, cx, C_REF, r->ref, normal, false);
	cx += C_REF + 1;
	cell[0] = followup_status_mark(r->overall);
	cell[1] = '\0';
	widget_text(w, y, cx, C_OVERALL, cell, ui_attr(cell[0] == 'I' ? ROLE_GOOD : ROLE_NORMAL),
		    false);
	cx += C_OVERALL + 1;
	for (int c = 0; c < f->ncols && f->col0 + c < (int)f->nmem; c++) {
		bool here = i == f->list.sel && f->col0 + c == f->col;

		/* the selected cell in brackets: readable without colour */
		str_printf(cell, sizeof cell, here ? "[%c]" : " %c ", m[f->col0 + c]);
		widget_text(w, y, cx, C_CELL, cell, normal, false);
		cx += C_CELL;
	}
	title_w = x + width - cx - 1;
	if (title_w > 0)
		widget_text_fit(w, y, cx + 1, title_w, r->title, normal);
}

static void draw_action_row(struct fu *f, WINDOW *w, int y, int x, int width, int i)
{
	const struct action_row *r = &f->acts[i - f->page_top];
	attr_t normal = ui_attr(ROLE_NORMAL);
	char buf[64];
	int cx = x;

	str_printf(buf, sizeof buf, "A%lld", r->num);
	widget_text(w, y, cx, 5, buf, normal, false);
	cx += 6;
	widget_text_fit(w, y, cx, 11, r->owner, normal);
	cx += 12;
	str_printf(buf, sizeof buf, "%s%s", r->due, r->overdue ? "!" : "");
	widget_text(w, y, cx, 11, buf, normal, false);   /* "!" marks it, no colour */
	cx += 12;
	widget_text_fit(w, y, cx, 8, action_state_label(r->state), normal);
	cx += 9;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, r->text, normal);
}

static void draw_repr_row(struct fu *f, WINDOW *w, int y, int x, int width, int i)
{
	int nc = visible_cols(f), cx = x + 6;
	attr_t normal = ui_attr(ROLE_NORMAL);
	char buf[32];

	widget_text(w, y, x, 5, f->members[i], normal, false);
	(void)buf;
	for (int c = 0; c < nc && f->col0 + c < (int)f->nsess && cx + C_REPR <= x + width; c++) {
		const struct repr_cell *rc = &f->repr[(size_t)(i - f->page_top) * (size_t)nc +
						      (size_t)c];

		/* "OK    Director" — the result, then the head's level */
		str_printf(buf, sizeof buf, "%-6s", rc->r4[0] ? rc->r4 : "-");
		/* plain text: an attribute change per cell costs escape bytes on
		 * every move, and the words read without colour */
		widget_text(w, y, cx, 6, buf, normal, false);
		widget_text_fit(w, y, cx + 6, C_REPR - 6, rc->head_level, normal);
		cx += C_REPR + 1;
	}
}

/* Row i is in the loaded page. */
static bool in_page(const struct fu *f, int i)
{
	return f->page_valid && i >= f->page_top && i < f->page_top + (int)f->page_n;
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct fu *f = ud;

	if (!in_page(f, i))
		return;
	if (f->view == V_GRID)
		draw_grid_row(f, w, y, x, width, i);
	else if (f->view == V_ACTIONS)
		draw_action_row(f, w, y, x, width, i);
	else
		draw_repr_row(f, w, y, x, width, i);
}

static const char *row_text(void *ud, int i)
{
	struct fu *f = ud;

	f->text[0] = '\0';
	if (f->view == V_GRID && in_page(f, i))
		str_printf(f->text, sizeof f->text, "%s %s", f->recs[i - f->page_top].ref,
			   f->recs[i - f->page_top].title);
	else if (f->view == V_ACTIONS && in_page(f, i))
		str_printf(f->text, sizeof f->text, "A%lld %s %s", f->acts[i - f->page_top].num,
			   f->acts[i - f->page_top].owner, f->acts[i - f->page_top].text);
	else if (f->view == V_REPR && i >= 0 && i < (int)f->nmem)
		str_copy(f->text, f->members[i], sizeof f->text);
	return f->text;
}

/* ---- open / layout / draw ---- */

static int count_rows(struct fu *f)
{
	long long s = f->app->session;

	if (!s)
		return 0;
	switch (f->view) {
	case V_GRID:
	{
		struct fu_filter flt = grid_filter(f);

		return followup_recs_count(f->app->db, s, &flt);
	}
	case V_ACTIONS:
		return followup_actions_count(f->app->db, s, false);
	default:
		return (int)f->nmem;
	}
}

static int fu_open(struct screen *s, struct app *app)
{
	struct fu *f = s->data;

	if (!f) {
		f = s->data = xcalloc(1, sizeof *f);
		f->app = app;
		list_init(&f->list, draw_row, row_text, f);
	}
	free_page(f);
	free(f->members);
	free(f->sess);
	free(f->slabels);
	f->members = NULL;
	f->sess = NULL;
	f->slabels = NULL;
	f->nmem = f->nsess = 0;
	if (app->session) {
		followup_members(app->db, app->session, &f->members, &f->nmem);
		followup_sessions(app->db, app->session, 0, 64, &f->sess, &f->slabels, &f->nsess);
	}
	if (f->col >= (int)f->nmem)
		f->col = f->nmem ? (int)f->nmem - 1 : 0;
	list_set_count(&f->list, count_rows(f));
	list_invalidate(&f->list);
	f->detail_due = true;
	return 0;
}

static void fu_layout(struct screen *s, int rows, int cols)
{
	struct fu *f = s->data;

	if (!f)
		return;
	list_place(&f->list, 1, 0, rows - 1 - DETAIL_ROWS, cols);
	f->ncols = visible_cols(f);
	f->page_valid = false;
}

static void draw_header(struct fu *f, WINDOW *w, int cols)
{
	attr_t h = ui_attr(ROLE_HEADER);
	char buf[160];
	int x = 1;

	widget_blank(w, 0, 0, cols, h);
	if (f->view == V_GRID) {
		widget_text(w, 0, x, C_REF, _("Rec."), h, false);
		x += C_REF + 1;
		widget_text(w, 0, x, C_OVERALL, "=", h, false);
		x += C_OVERALL + 1;
		for (int c = 0; c < f->ncols && f->col0 + c < (int)f->nmem; c++) {
			str_printf(buf, sizeof buf, "%.3s", f->members[f->col0 + c]);
			widget_text(w, 0, x, C_CELL, buf, h, false);
			x += C_CELL;
		}
		str_printf(buf, sizeof buf, "%s%s", f->col0 + f->ncols < (int)f->nmem ? "> " : "",
			   _("Title"));
		widget_text(w, 0, x + 1, cols - x - 1, buf, h, false);
	} else if (f->view == V_ACTIONS) {
		widget_text(w, 0, x, cols - x, _("No    Owner       Due         State    Action"), h,
			    false);
	} else {
		widget_text(w, 0, x, 5, _("State"), h, false);
		x += 6;
		for (int c = 0; c < visible_cols(f) && f->col0 + c < (int)f->nsess; c++) {
			widget_text(w, 0, x, C_REPR, f->slabels[f->col0 + c], h, false);
			x += C_REPR + 1;
		}
	}
}

/* The lines under the list: what the selected row or cell holds. */
static void draw_detail(struct fu *f, WINDOW *w, int y, int cols)
{
	attr_t n = ui_attr(ROLE_NORMAL), d = ui_attr(ROLE_DIM);
	int i = f->list.sel;
	char buf[512];

	for (int k = 0; k < DETAIL_ROWS; k++)
		widget_blank(w, y + k, 0, cols, n);
	if (i < 0)
		return;
	if (f->view == V_GRID && in_page(f, i) && f->col < (int)f->nmem) {
		const struct fu_rec *r = &f->recs[i - f->page_top];
		struct fu_cell c;
		char **hist = NULL;
		size_t nh = 0;

		followup_cell(f->app->db, r->id, f->members[f->col], &c);
		str_printf(buf, sizeof buf, "%s %s: %s%s%s", r->ref, f->members[f->col],
			   followup_status_label(c.status), *c.note ? " — " : "", c.note);
		widget_text_fit(w, y, 1, cols - 2, buf, n);
		if (c.reported_at[0])
			str_printf(buf, sizeof buf, _("reported %.16s by %s at session %lld; overall: %s"),
				   c.reported_at, c.reported_by, c.in_session,
				   followup_status_label(r->overall));
		else
			str_printf(buf, sizeof buf, _("never reported; overall: %s"),
				   followup_status_label(r->overall));
		widget_text_fit(w, y + 1, 1, cols - 2, buf, d);
		followup_history(f->app->db, r->id, f->members[f->col], 2, &hist, &nh);
		if (nh > 1)
			widget_text_fit(w, y + 2, 1, cols - 2, hist[1], d);
		else
			widget_text_fit(w, y + 2, 1, cols - 2, r->title, d);
		followup_lines_free(&hist, nh);
		followup_cell_free(&c);
	} else if (f->view == V_ACTIONS && in_page(f, i)) {
		const struct action_row *a = &f->acts[i - f->page_top];

		str_printf(buf, sizeof buf, "A%lld %s: %s", a->num, a->owner, a->text);
		widget_text_fit(w, y, 1, cols - 2, buf, n);
		if (a->closed_in)
			str_printf(buf, sizeof buf, _("opened at session %lld, closed at session %lld"),
				   a->opened_in, a->closed_in);
		else
			str_printf(buf, sizeof buf, _("opened at session %lld%s"), a->opened_in,
				   a->overdue ? _(" — overdue") : "");
		widget_text_fit(w, y + 1, 1, cols - 2, buf, d);
		widget_text_fit(w, y + 2, 1, cols - 2, a->note, d);
	} else if (f->view == V_REPR && i < (int)f->nmem) {
		str_printf(buf, sizeof buf, _("%s: R4 result and level of the head of delegation "
					      "at each session, newest first"), f->members[i]);
		widget_text_fit(w, y, 1, cols - 2, buf, d);
	}
}

static void fu_draw(struct screen *s, WINDOW *w)
{
	struct fu *f = s->data;

	if (!f)
		return;
	if (s->full || f->header_dirty) {
		list_invalidate(&f->list);
		draw_header(f, w, s->cols);
		f->header_dirty = false;
	}
	if (!page_covers(f))
		load_page(f);
	list_draw(&f->list, w);
	if (s->full || f->detail_due) {
		draw_detail(f, w, s->rows - DETAIL_ROWS, s->cols);
		f->detail_sel = f->list.sel;
		f->detail_col = f->col;
		f->detail_due = false;
	}
	if (s->full && f->list.count == 0)
		widget_text(w, 2, 2, s->cols - 4,
			    !f->app->session ? _("No session: create one with :session new")
			    : f->view == V_GRID ? _("No adopted recommendation to follow yet.")
			    : f->view == V_ACTIONS ? _("No action yet: a opens one.")
			    : _("No member state."),
			    ui_attr(ROLE_DIM), false);
}

/* ---- actions ---- */

/* The command head (ud) and the text answered, quoted. */
static char *text_after(const struct ui_ask *ask, void *ud)
{
	char *q = ui_quote(ask->answer), *line = xasprintf("%s %s", (const char *)ud, q);

	free(q);
	return line;
}

/* `follow REC CODE STATUS` on the selected cell; with_note asks for a
 * note first (status NULL: keep the cell's status, or in progress). */
static void set_status(struct fu *f, const char *status, bool with_note)
{
	const struct fu_rec *r;
	char keep[16];

	if (f->view != V_GRID || !in_page(f, f->list.sel) || f->col >= (int)f->nmem) {
		ui_error("%s", _("no cell selected"));
		return;
	}
	r = &f->recs[f->list.sel - f->page_top];
	if (!status) {
		struct fu_cell c;

		followup_cell(f->app->db, r->id, f->members[f->col], &c);
		str_copy(keep, str_eq(c.status, "no_report") ? "in_progress" : c.status,
			 sizeof keep);
		followup_cell_free(&c);
		status = keep;
	}
	if (with_note) {
		char label[96], *head;
		struct ui_ask ask = { .label = label, .opts = { 0 } };

		/* ref, code and status are copied: the prompt may reload the page. */
		head = xasprintf("follow %s %s %s", r->ref, f->members[f->col], status);
		str_printf(label, sizeof label, _("%s %s, note:"), r->ref, f->members[f->col]);
		ui_ask_run(f->app, &ask, 1, text_after, head);
		ui_ask_free(&ask, 1);
		free(head);
	} else {
		ui_execf(f->app, "follow %s %s %s", r->ref, f->members[f->col], status);
	}
}

static void move_col(struct fu *f, int delta)
{
	int n = f->view == V_REPR ? (int)f->nsess : (int)f->nmem;
	int to = f->col + delta;

	if (f->view == V_REPR) {
		/* the representation pages over sessions */
		int nc = visible_cols(f);

		to = f->col0 + delta * nc;
		if (to < 0 || to >= n)
			return;
		f->col0 = to;
		f->page_valid = false;
		f->header_dirty = true;
		return;
	}
	if (to < 0 || to >= n)
		return;
	f->col = to;
	if (f->col < f->col0 || f->col >= f->col0 + f->ncols) {
		f->col0 = f->col < f->col0 ? f->col : f->col - f->ncols + 1;
		f->page_valid = false;
		f->header_dirty = true;
	}
}

static char *action_line(const struct ui_ask *ask, void *ud)
{
	char *qt = ui_quote(ask[1].answer);
	char *line = xasprintf("action+ %s %s %s", ask[0].answer, qt, ask[2].answer);

	(void)ud;
	free(qt);
	return line;
}

static void add_action(struct fu *f)
{
	struct ui_ask ask[] = {
		{ .label = _("Owner (delegation, secretariat, ctp, chair):"),
		  .opts = { .complete = COMPLETE_DELEGATION }, .required = true },
		{ .label = _("Action:"), .opts = { 0 }, .required = true },
		{ .label = _("Due YYYY-MM-DD (empty: none):"), .opts = { 0 } },
	};

	if (ui_ask_run(f->app, ask, 3, action_line, NULL) == 0)
		f->list.sel = f->list.count; /* the new last action */
	ui_ask_free(ask, 3);
}

static void set_action(struct fu *f, const char *state)
{
	if (f->view != V_ACTIONS || !in_page(f, f->list.sel)) {
		ui_error("%s", _("no action selected"));
		return;
	}
	ui_execf(f->app, "action %lld %s", f->acts[f->list.sel - f->page_top].num, state);
}

static void review(struct fu *f)
{
	char label[96], head[64];
	struct ui_ask ask = { .label = label, .opts = { 0 } };

	if (f->view != V_GRID || !in_page(f, f->list.sel)) {
		ui_error("%s", _("no recommendation selected"));
		return;
	}
	str_printf(head, sizeof head, "review %s", f->recs[f->list.sel - f->page_top].ref);
	str_printf(label, sizeof label, _("Review of %s by the CTP:"),
		   f->recs[f->list.sel - f->page_top].ref);
	ui_ask_run(f->app, &ask, 1, text_after, head);
	ui_ask_free(&ask, 1);
}

/* all → the first theme of the followed recommendations → … → no theme
 * → all. */
static void cycle_theme(struct fu *f)
{
	char (*codes)[32] = NULL;
	size_t n = 0, i = 0;

	followup_themes(f->app->db, f->app->session, &codes, &n);
	if (f->theme_filtered)
		while (i < n && strcmp(codes[i], f->filter_theme) != 0)
			i++;
	else
		i = (size_t)-1;
	f->theme_filtered = i + 1 < n;
	str_copy(f->filter_theme, f->theme_filtered ? codes[i + 1] : "", sizeof f->filter_theme);
	free(codes);
}

/* Add ", piece" (or "piece" first) to the text in buf. */
static void add_part(char *buf, size_t size, const char *piece)
{
	size_t len = strlen(buf);

	str_printf(buf + len, size - len, "%s%s", len ? ", " : "", piece);
}

/* "filter: in progress, S2 2027, theme MIG-3" on the message line. */
static void say_filter(const struct fu *f)
{
	char parts[256] = "", theme[64];

	if (f->filter_overall)
		add_part(parts, sizeof parts, followup_status_label(overall_filter(f)));
	if (f->filter_session)
		add_part(parts, sizeof parts, f->slabels[0]);
	if (f->theme_filtered) {
		if (f->filter_theme[0])
			str_printf(theme, sizeof theme, _("theme %s"), f->filter_theme);
		else
			str_copy(theme, _("no theme"), sizeof theme);
		add_part(parts, sizeof parts, theme);
	}
	if (parts[0])
		ui_message(_("filter: %s"), parts);
	else
		ui_message("%s", _("filter: all"));
}

/* Cycle a filter of the grid: the overall state, the session or the
 * theme. */
static void cycle_filter(struct fu *f, enum cmd_id which)
{
	if (which == CMD_FU_FILTER_SESSION) {
		/* all → newest session → … → oldest → all */
		size_t i = 0;

		while (i < f->nsess && f->sess[i] != f->filter_session)
			i++;
		f->filter_session = f->filter_session == 0 ? (f->nsess ? f->sess[0] : 0)
				    : i + 1 < f->nsess ? f->sess[i + 1] : 0;
	} else if (which == CMD_FU_FILTER_THEME) {
		cycle_theme(f);
	} else {
		f->filter_overall = (f->filter_overall + 1) % (int)(followup_status_count + 1);
	}
	list_select(&f->list, 0);
	list_set_count(&f->list, count_rows(f));
	f->page_valid = false;
	say_filter(f);
}

static void next_view(struct fu *f)
{
	static const char *const names[] = {
		N_("recommendations × member states"), N_("actions"),
		N_("representation: member states × sessions"),
	};

	free_page(f);
	f->view = (enum fu_view)((f->view + 1) % V_COUNT);
	f->col0 = 0;
	f->ncols = visible_cols(f);
	list_select(&f->list, 0);
	list_set_count(&f->list, count_rows(f));
	ui_message(_("view: %s"), _(names[f->view]));
}

static unsigned fu_command(struct fu *f, enum cmd_id id);

static unsigned fu_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct fu *f = s->data;
	unsigned res;

	(void)app;
	if (!f)
		return H_IGNORED;
	if (ev->key == K_LEFT || ev->key == K_RIGHT) {
		move_col(f, ev->key == K_LEFT ? -1 : 1);
		list_invalidate(&f->list); /* the bracketed cell moves */
		return H_DONE | H_REDRAW;
	}
	if ((res = list_handle(&f->list, ev->key)) != H_IGNORED)
		return res;
	return fu_command(f, ev->cmd);
}

static unsigned fu_command(struct fu *f, enum cmd_id id)
{
	switch (id) {
	case CMD_FU_VIEW:
		next_view(f);
		return H_RELOAD;
	case CMD_FU_NOT_STARTED:
		set_status(f, "not_started", false);
		break;
	case CMD_FU_IN_PROGRESS:
		set_status(f, "in_progress", false);
		break;
	case CMD_FU_IMPLEMENTED:
		set_status(f, "implemented", false);
		break;
	case CMD_FU_NOT_APPLICABLE:
		set_status(f, "not_applicable", false);
		break;
	case CMD_FU_NO_REPORT:
		set_status(f, "no_report", false);
		break;
	case CMD_FU_NOTE:
		set_status(f, NULL, true);
		break;
	case CMD_REVIEW:
		review(f);
		break;
	case CMD_FU_FILTER_STATE:
	case CMD_FU_FILTER_SESSION:
	case CMD_FU_FILTER_THEME:
		cycle_filter(f, id);
		return H_RELOAD;
	case CMD_ACTION_ADD:
		add_action(f);
		break;
	case CMD_FU_DONE:
		set_action(f, "done");
		break;
	case CMD_FU_REOPEN:
		set_action(f, "open");
		break;
	case CMD_FU_DROP:
		set_action(f, "dropped");
		break;
	default:
		return H_IGNORED;
	}
	return H_DONE;
}

static void fu_close(struct screen *s)
{
	struct fu *f = s->data;

	if (!f)
		return;
	free_page(f);
	free(f->members);
	free(f->sess);
	free(f->slabels);
	free(f);
	s->data = NULL;
}

static bool fu_search(struct screen *s, const char *needle, bool next)
{
	struct fu *f = s->data;

	return f && list_search(&f->list, needle, next);
}

/* About once a second while idle: bring the detail lines to the selection
 * the keys moved to. */
static unsigned fu_tick(struct screen *s, struct app *app)
{
	struct fu *f = s->data;

	(void)app;
	if (!f || (f->detail_sel == f->list.sel && f->detail_col == f->col))
		return H_IGNORED;
	f->detail_due = true;
	return H_REDRAW;
}

const struct screen_ops followup_screen_ops = {
	.name = N_("Follow-up"),
	.open = fu_open,
	.layout = fu_layout,
	.draw = fu_draw,
	.handle = fu_handle,
	.close = fu_close,
	.search = fu_search,
	.tick = fu_tick,
};
