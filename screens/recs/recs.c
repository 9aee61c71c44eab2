/*
 * recs.c — the Recommendations screen (DESIGN §4.5, R5, R7): the list of
 * the session's recommendations (number, status, author, co-sponsors,
 * theme, agenda item, title) with filters by status (f) and theme (F);
 * the detail of one (Enter: its latest text, French and English, who
 * proposed it, objections — those of member states present block
 * adoption — and reservations, listed with the adopted text); the
 * workflow keys of the command table (a rec+, e amend, c cosponsor,
 * r reserve, o object, O unobject, t status, A adopt, = rec=, in
 * recs_detail.c with the detail view); the history (v, recs_history.c) and
 * the editor (recs_edit.c).
 *
 * R5 on this screen: every pick list of a delegation (author, co-sponsor,
 * proposer of an amendment, reservation, objection) offers member states
 * only; a code typed on the command line for an observer is refused by
 * the command with the reason, and by the database.
 *
 * Reads go through recs.h only. The list maps a row to a number (one
 * indexed query of integers, recs_nums) and reads only the visible page
 * (recs_list from the number before it), so moving the selection repaints
 * two rows.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance.h"
#include "i18n.h"
#include "keys.h"
#include "recs_detail.h"
#include "recs_edit.h"
#include "recs_history.h"
#include "recs_screen.h"
#include "rules.h"
#include "util.h"

/* ---- the list ---- */

enum { C_NUM = 4, C_STATUS = 11, C_AUTHOR = 4, C_COSP = 11, C_RES = 3, C_THEME = 12, C_ITEM = 3 };

/* Read the visible rows with a page of margin on each side (as the
 * Agenda does), so that a scroll of a row at the page's edge is served
 * from memory: one query per page crossed, not per key (issue 16). */
static void load_page(struct recs *r)
{
	int h = r->list.height > 0 ? r->list.height : 1;
	size_t want = 3 * (size_t)h;
	int first = r->list.top > h ? r->list.top - h : 0;
	long long after = first > 0 && (size_t)first <= r->n_nums ? r->nums[first - 1] : 0;

	recs_list_free(&r->page, r->page_n);
	r->page_n = 0;
	r->page_top = first;
	if (r->app->session)
		recs_list(r->app->db, r->app->session,
			  r->status_filter ? recs_status_codes[r->status_filter - 1] : NULL,
			  r->theme_filter[0] ? r->theme_filter : NULL, after, want, &r->page,
			  &r->page_n);
	r->page_valid = true;
}

static void scratch_clear(struct recs *r)
{
	if (r->scratch_valid) {
		free(r->scratch.title);
		free(r->scratch.cosponsors);
		free(r->scratch.theme);
		r->scratch_valid = false;
	}
}

/* The loaded rows cover what the list shows. */
static bool page_covers(const struct recs *r)
{
	int end = r->list.top + r->list.height;

	if (end > (int)r->n_nums)
		end = (int)r->n_nums;
	return r->page_valid && r->list.top >= r->page_top &&
	       (end <= r->list.top || end <= r->page_top + (int)r->page_n);
}

/* The row at list index i, or NULL. */
static const struct rec_row *row_at(struct recs *r, int i)
{
	struct rec_row *one = NULL;
	size_t n = 0;

	if (i < 0 || (size_t)i >= r->n_nums)
		return NULL;
	if (r->page_valid && i >= r->page_top && i < r->page_top + (int)r->page_n)
		return &r->page[i - r->page_top];
	scratch_clear(r);
	if (recs_list(r->app->db, r->app->session, NULL, NULL, r->nums[i] - 1, 1, &one, &n) != 0 ||
	    n != 1) {
		recs_list_free(&one, n);
		return NULL;
	}
	r->scratch = one[0];
	r->scratch_valid = true;
	free(one);
	return &r->scratch;
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct recs *r = ud;
	const struct rec_row *row = row_at(r, i);
	attr_t normal = ui_attr(ROLE_NORMAL);
	char buf[32];
	int cx = x;

	if (!row)
		return;
	str_printf(buf, sizeof buf, "R%lld", row->num);
	widget_text_right(w, y, cx, C_NUM, buf, normal);
	cx += C_NUM + 1;
	widget_text_fit(w, y, cx, C_STATUS, recs_status_label(row->status),
			ui_attr(recs_status_role(row->status)));
	cx += C_STATUS + 1;
	widget_text(w, y, cx, C_AUTHOR, row->author, normal, false);
	cx += C_AUTHOR + 1;
	widget_text_fit(w, y, cx, C_COSP, row->cosponsors, normal);
	cx += C_COSP + 1;
	if (row->reservations) { /* how many; the detail names them */
		str_printf(buf, sizeof buf, "%d", row->reservations);
		widget_text_right(w, y, cx, C_RES, buf, normal);
	}
	cx += C_RES + 1;
	widget_text_fit(w, y, cx, C_THEME, row->theme, ui_attr(ROLE_DIM));
	cx += C_THEME + 1;
	if (row->item) {
		str_printf(buf, sizeof buf, "%lld", row->item);
		widget_text_right(w, y, cx, C_ITEM, buf, normal);
	}
	cx += C_ITEM + 1;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, row->title, normal);
}

static const char *row_text(void *ud, int i)
{
	struct recs *r = ud;
	const struct rec_row *row = row_at(r, i);

	if (!row)
		return "";
	str_printf(r->rowbuf, sizeof r->rowbuf, "R%lld %s %s %s %s %s", row->num, row->title,
		   row->status, row->author, row->cosponsors, row->theme);
	return r->rowbuf;
}

static void load_list(struct recs *r)
{
	free(r->nums);
	r->nums = NULL;
	r->n_nums = 0;
	if (r->app->session &&
	    recs_nums(r->app->db, r->app->session,
		      r->status_filter ? recs_status_codes[r->status_filter - 1] : NULL,
		      r->theme_filter[0] ? r->theme_filter : NULL, &r->nums, &r->n_nums) != 0)
		ui_error("%s", _("cannot read the recommendations"));
	list_set_count(&r->list, (int)r->n_nums);
	list_invalidate(&r->list);
	r->page_valid = false;
}

static void draw_header(WINDOW *w, int cols)
{
	attr_t h = ui_attr(ROLE_HEADER);
	int x = 1;

	widget_blank(w, 0, 0, cols, h);
	widget_text_right(w, 0, x, C_NUM, _("No"), h);
	x += C_NUM + 1;
	widget_text(w, 0, x, C_STATUS, _("Status"), h, false);
	x += C_STATUS + 1;
	widget_text(w, 0, x, C_AUTHOR, _("By"), h, false);
	x += C_AUTHOR + 1;
	widget_text(w, 0, x, C_COSP, _("Co-sponsors"), h, false);
	x += C_COSP + 1;
	/* TRANSLATORS: the column of the number of reservations, 3 columns. */
	widget_text_right(w, 0, x, C_RES, _("Res"), h);
	x += C_RES + 1;
	widget_text(w, 0, x, C_THEME, _("Theme"), h, false);
	x += C_THEME + 1;
	widget_text_right(w, 0, x, C_ITEM, _("It"), h);
	x += C_ITEM + 1;
	widget_text(w, 0, x, cols - x, _("Title"), h, false);
}

/* A line of local keys ("Enter open  f status: all …") on row y. */
static void draw_keys(WINDOW *w, int y, int cols, const char *const *pairs)
{
	int x = 0;

	widget_blank(w, y, 0, cols, ui_attr(ROLE_NORMAL));
	for (int i = 0; pairs[i] && pairs[i + 1] && x < cols; i += 2) {
		x += widget_text(w, y, x, cols - x, pairs[i], ui_attr(ROLE_HINT_KEY), false);
		x += widget_text(w, y, x, cols - x, " ", ui_attr(ROLE_DIM), false);
		x += widget_text(w, y, x, cols - x, pairs[i + 1], ui_attr(ROLE_DIM), false);
		x += widget_text(w, y, x, cols - x, "  ", ui_attr(ROLE_DIM), false);
	}
}

/* The keys of command cmd as the table binds them. */
static const char *keys_of(enum cmd_id cmd)
{
	return command_by_id(cmd)->keys;
}

/* The last row: a recovered draft's offer, else the local keys (from the
 * table's rows of this screen). */
static void draw_bottom(struct recs *r, WINDOW *w)
{
	char offer[256], fs[96], ft[96];
	const char *pairs[12];
	int k = 0;

	if (recs_offer_text(r, offer, sizeof offer)) {
		widget_text(w, r->rows - 1, 0, r->cols, offer, ui_attr(ROLE_MARK) | A_REVERSE, true);
		return;
	}
	if (r->mode == RM_LIST) {
		str_printf(fs, sizeof fs, _("status: %s"),
			   r->status_filter ? recs_status_label(recs_status_codes[r->status_filter - 1])
					    : _("all"));
		str_printf(ft, sizeof ft, _("theme: %s"), r->theme_filter[0] ? r->theme_filter
									: _("all"));
		pairs[k++] = keys_of(CMD_OPEN);
		pairs[k++] = _("open");
		pairs[k++] = keys_of(CMD_FILTER_STATUS);
		pairs[k++] = fs;
		pairs[k++] = keys_of(CMD_FILTER_THEME);
		pairs[k++] = ft;
		pairs[k++] = keys_of(CMD_VERSIONS);
		pairs[k++] = _("versions");
	} else {
		pairs[k++] = "Esc";
		pairs[k++] = _("list");
		pairs[k++] = keys_of(CMD_VERSIONS);
		pairs[k++] = _("versions and diff");
		pairs[k++] = "↑↓";
		pairs[k++] = _("scroll");
	}
	pairs[k] = pairs[k + 1] = NULL;
	draw_keys(w, r->rows - 1, r->cols, pairs);
}

/* ---- screen operations ---- */

static int recs_open(struct screen *s, struct app *app)
{
	struct recs *r = s->data;

	if (!r) {
		r = s->data = xcalloc(1, sizeof *r);
		r->app = app;
		r->rows = s->rows;
		r->cols = s->cols;
		list_init(&r->list, draw_row, row_text, r);
		r->list.cells_kept = true; /* changes and other modes repaint all */
	}
	load_list(r);
	if (!r->offers_checked)
		recs_offers_check(r);
	if (r->mode != RM_LIST)
		recs_load_detail(r);
	if (r->mode == RM_EDIT)
		recs_edit_reloaded(r);
	if (r->mode == RM_HISTORY || r->mode == RM_DIFF)
		recs_history_load(r);
	r->full = true;
	return 0;
}

static void recs_layout(struct screen *s, int rows, int cols)
{
	struct recs *r = s->data;

	if (!r)
		return;
	r->rows = rows;
	r->cols = cols;
	list_place(&r->list, 1, 0, rows - 2, cols);
	r->page_valid = false;
	r->detail_stale = true;
	recs_edit_layout(r);
	recs_history_layout(r);
	r->full = true;
}

static void recs_draw(struct screen *s, WINDOW *w)
{
	struct recs *r = s->data;

	if (!r)
		return;
	if (s->full)
		r->full = true;
	leaveok(w, r->mode != RM_EDIT);
	switch (r->mode) {
	case RM_LIST:
		if (r->full) {
			list_invalidate(&r->list);
			draw_header(w, r->cols);
			draw_bottom(r, w);
		}
		if (!page_covers(r))
			load_page(r);
		list_draw(&r->list, w);
		if (r->full && r->list.count == 0)
			widget_text(w, 2, 2, r->cols - 4,
				    !r->app->session ? _("No session: create one with :session new")
				    : r->status_filter || r->theme_filter[0]
					    ? _("No recommendation matches the filters (f, F).")
					    : _("No recommendation yet: a drafts one (member states only)."),
				    ui_attr(ROLE_DIM), false);
		break;
	case RM_DETAIL:
		if (r->full) {
			recs_detail_draw(r, w);
			draw_bottom(r, w);
		}
		break;
	case RM_EDIT:
		recs_edit_draw(r, w);
		break;
	case RM_HISTORY:
	case RM_DIFF:
		recs_history_draw(r, w);
		break;
	}
	r->full = false;
}

static void cycle_theme(struct recs *r)
{
	char **codes = NULL;
	size_t n = 0, i = 0;

	recs_theme_codes(r->app->db, r->app->session, &codes, &n);
	if (r->theme_filter[0])
		while (i < n && strcmp(codes[i], r->theme_filter))
			i++;
	else
		i = (size_t)-1;
	i++; /* the next code, or back to all */
	str_copy(r->theme_filter, i < n ? codes[i] : "", sizeof r->theme_filter);
	recs_codes_free(&codes, n);
	if (n == 0)
		ui_message("%s", _("no recommendation has a theme yet (= sets one)"));
}

/* A command of this screen on recommendation row (NULL when none is
 * selected): rec+ and amend open the editor, the others are the detail
 * view's workflow actions, with their pick lists and prompts. Any other
 * command (help, quit, :, note…) is the shell's. */
static unsigned command_key(struct recs *r, enum cmd_id cmd, const struct rec_row *row)
{
	struct rec_row copy;

	switch (cmd) {
	case CMD_REC_ADD:
	case CMD_AMEND:
	case CMD_COSPONSOR:
	case CMD_RESERVE:
	case CMD_OBJECT:
	case CMD_UNOBJECT:
	case CMD_STATUS:
	case CMD_ADOPT:
	case CMD_REC_SET:
		break;
	default:
		return H_IGNORED;
	}
	if (cmd == CMD_REC_ADD) {
		recs_edit_new(r);
		return H_DONE | H_REDRAW;
	}
	if (!row) {
		ui_error("%s", _("no recommendation selected"));
		return H_DONE;
	}
	copy = *row; /* prompts may reload the page under us */
	copy.title = xstrdup(row->title);
	copy.theme = xstrdup(row->theme);
	copy.cosponsors = xstrdup(row->cosponsors ? row->cosponsors : "");
	if (cmd == CMD_AMEND) {
		r->num = copy.num;
		recs_edit_amend(r);
	} else {
		recs_detail_act(r, cmd, &copy);
	}
	free(copy.title);
	free(copy.theme);
	free(copy.cosponsors);
	return H_DONE | H_REDRAW;
}

static unsigned list_key(struct recs *r, const struct key_event *ev)
{
	unsigned res;
	const struct rec_row *row;

	if ((res = list_handle(&r->list, ev->key)) != H_IGNORED)
		return res;
	row = row_at(r, r->list.sel);
	switch (ev->cmd) {
	case CMD_OPEN:
		if (!row)
			return H_DONE;
		r->num = row->num;
		r->mode = RM_DETAIL;
		recs_load_detail(r);
		r->full = true;
		return H_DONE | H_REDRAW;
	case CMD_FILTER_STATUS:
	case CMD_FILTER_THEME:
		if (ev->cmd == CMD_FILTER_STATUS)
			r->status_filter = (r->status_filter + 1) % (int)(ARRAY_SIZE(recs_status_codes) + 1);
		else
			cycle_theme(r);
		load_list(r);
		list_select(&r->list, 0);
		r->full = true;
		return H_DONE | H_REDRAW;
	case CMD_VERSIONS:
		if (!row)
			return H_DONE;
		r->num = row->num;
		recs_history_open(r);
		return H_DONE | H_REDRAW;
	default:
		return command_key(r, ev->cmd, row);
	}
}

static unsigned recs_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct recs *r = s->data;
	int key = ev->key;
	unsigned res;

	(void)app;
	if (!r)
		return H_IGNORED;
	if (r->mode == RM_EDIT)
		return recs_edit_handle(r, key);
	if ((res = recs_offer_handle(r, key)) != H_IGNORED)
		return res;
	switch (r->mode) {
	case RM_LIST:
		return list_key(r, ev);
	case RM_DETAIL: {
		struct rec_row tmp;

		if (ev->cmd == CMD_VERSIONS) {
			recs_history_open(r);
			return H_DONE | H_REDRAW;
		}
		if ((res = recs_detail_key(r, key)) != H_IGNORED)
			return res;
		return command_key(r, ev->cmd, recs_detail_row(r, &tmp));
	}
	default:
		return recs_history_handle(r, key);
	}
}

static bool recs_search(struct screen *s, const char *needle, bool next)
{
	struct recs *r = s->data;

	if (!r || r->mode != RM_LIST)
		return false;
	return list_search(&r->list, needle, next);
}

static unsigned recs_tick(struct screen *s, struct app *app)
{
	struct recs *r = s->data;

	(void)app;
	return r && r->mode == RM_EDIT ? recs_edit_tick(r) : H_IGNORED;
}

/* Left for another tab: the page of the list goes (open() and draw()
 * read it again; the selection, the filters and a mode stay). */
static void recs_hide(struct screen *s)
{
	struct recs *r = s->data;

	if (!r)
		return;
	recs_list_free(&r->page, r->page_n);
	r->page_n = 0;
	r->page_valid = false;
	scratch_clear(r);
}

static size_t recs_held(const struct screen *s)
{
	const struct recs *r = s->data;
	size_t sum = r->page_n * sizeof *r->page;

	for (size_t i = 0; i < r->page_n; i++)
		sum += strlen(r->page[i].title) + strlen(r->page[i].cosponsors) +
		       strlen(r->page[i].theme) + 3;
	return sum;
}

static void recs_close(struct screen *s)
{
	struct recs *r = s->data;

	if (!r)
		return;
	/* At exit, SIGHUP or SIGTERM included: what was typed is kept. */
	recs_edit_close(r, true);
	recs_offers_free(r);
	recs_history_free(r);
	recs_list_free(&r->page, r->page_n);
	scratch_clear(r);
	if (r->det_valid)
		recs_detail_clear(&r->det);
	tv_clear(&r->detail);
	free(r->nums);
	free(r);
	s->data = NULL;
}

const struct screen_ops recs_screen_ops = {
	.name = N_("Recommendations"),
	.open = recs_open,
	.layout = recs_layout,
	.draw = recs_draw,
	.handle = recs_handle,
	.close = recs_close,
	.search = recs_search,
	.tick = recs_tick,
	.hide = recs_hide,
	.held = recs_held,
};
