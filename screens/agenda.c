/*
 * agenda.c — the Agenda screen (DESIGN §4.1, R8): the items of the session
 * in order with kind, planned start and minutes, actual start and end,
 * status and overrun (`+12'`, bold and reverse so that it reads in
 * monochrome); keys add (a), edit (e), reorder (K/J → move), start (s,
 * asking first when another item runs), end (E), skip (x) and re-time the
 * items that follow (R → retime), which the message line offers after a
 * move or an end past the planned minutes.
 *
 * Reads go through agenda.h only, one page at a time: the list index of
 * an item is its pos - 1 (agenda.c keeps pos compact) plus the day headers
 * above it (a meeting of several days: "Tuesday 24 November 2026" where
 * the day changes; the selection steps over them), so the visible
 * page is agenda_list(after_pos) — keyset paging with no count scan.
 * Moving the selection repaints two rows (the list widget); a minute tick
 * re-reads the page so the running item's times follow the clock.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda.h"
#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "screen.h"
#include "util.h"
#include "widgets.h"

/* A row of the page: what the screen uses of an agenda_row, its texts as
 * strings of their length (a page of 165 rows of 700 bytes at 200x60
 * before, most of them never filled). */
struct item {
	long long id;
	int num, pos, planned_minutes;
	enum item_status status;
	time_t planned_start, actual_start, actual_end;
	long overrun;
	char kind[16];
	char *title, *moderator;
};

struct agenda {
	struct app *app;
	struct list list;
	struct item *page;         /* rows [page_top, page_top + page_n) */
	size_t page_cap, page_n, page_want;
	int page_top;
	bool page_valid;
	struct item scratch;       /* a row outside the page (search) */
	bool scratch_ok;
	/* A meeting of several days: a header row where the day changes
	 * (agenda_days), so list index = pos - 1 + the headers above. */
	struct agenda_day *days;
	size_t ndays;
	int items;
	int want_pos;              /* select this item at the next open (0: keep) */
	long minute;
	char text[AGENDA_TITLE_MAX + 64];
};

/* Column layout (cells), after the list's marker column. */
enum { C_NUM = 3, C_START = 5, C_MIN = 4, C_ACTUAL = 11, C_STATUS = 8, C_OVER = 5, C_KIND = 10 };

static const char *status_label(enum item_status s)
{
	switch (s) {
	case IS_PENDING:
		return _("pending");
	case IS_IN_PROGRESS:
		return _("running");
	case IS_DONE:
		return _("done");
	case IS_SKIPPED:
		return _("skipped");
	default:
		return "?";
	}
}

/* The list index of day header j. */
static int day_index(const struct agenda *a, size_t j)
{
	return a->days[j].pos - 1 + (int)j;
}

/* What list index i shows: day header j (returns j), or the item at *pos
 * (returns -1). */
static int index_at(const struct agenda *a, int i, int *pos)
{
	size_t j;

	for (j = 0; j < a->ndays && day_index(a, j) <= i; j++)
		if (day_index(a, j) == i)
			return (int)j;
	*pos = i - (int)j + 1;
	return -1;
}

/* The list index of the item at pos. */
static int pos_index(const struct agenda *a, int pos)
{
	size_t j = 0;

	while (j < a->ndays && a->days[j].pos <= pos)
		j++;
	return pos - 1 + (int)j;
}

/* The item shown at index i, or the first item of the day header there. */
static int pos_near(const struct agenda *a, int i)
{
	int pos = 1, j = index_at(a, i, &pos);

	return j >= 0 ? a->days[j].pos : pos;
}

static void item_set(struct item *it, const struct agenda_row *r)
{
	it->id = r->id;
	it->num = r->num;
	it->pos = r->pos;
	it->planned_minutes = r->planned_minutes;
	it->status = r->status;
	it->planned_start = r->planned_start;
	it->actual_start = r->actual_start;
	it->actual_end = r->actual_end;
	it->overrun = r->overrun;
	str_copy(it->kind, r->kind, sizeof it->kind);
	it->title = xstrdup(r->title);
	it->moderator = xstrdup(r->moderator);
}

static void item_clear(struct item *it)
{
	free(it->title);
	free(it->moderator);
	it->title = it->moderator = NULL;
}

/* The item whole, for an action: its prompts may reload the page. */
static void item_full(const struct item *it, struct agenda_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = it->id;
	r->num = it->num;
	r->pos = it->pos;
	r->planned_minutes = it->planned_minutes;
	r->status = it->status;
	r->planned_start = it->planned_start;
	r->actual_start = it->actual_start;
	r->actual_end = it->actual_end;
	r->overrun = it->overrun;
	str_copy(r->kind, it->kind, sizeof r->kind);
	str_copy(r->title, it->title, sizeof r->title);
	str_copy(r->moderator, it->moderator, sizeof r->moderator);
}

static void page_free(struct agenda *a)
{
	for (size_t k = 0; k < a->page_n; k++)
		item_clear(&a->page[k]);
	a->page_n = 0;
	a->page_valid = false;
}

/* agenda_list_each: the next row of the page, in an array grown to the
 * rows read (at most page_want). */
static void page_add(const struct agenda_row *r, void *ud)
{
	struct agenda *a = ud;

	if (a->page_n == a->page_cap) {
		a->page_cap = a->page_cap ? 2 * a->page_cap : 16;
		if (a->page_cap > a->page_want)
			a->page_cap = a->page_want;
		a->page = xrealloc(a->page, a->page_cap * sizeof *a->page);
	}
	item_set(&a->page[a->page_n++], r);
}

static void scratch_set(const struct agenda_row *r, void *ud)
{
	struct agenda *a = ud;

	item_set(&a->scratch, r);
	a->scratch_ok = true;
}

/* Read the visible rows with a page of margin on each side, so that a
 * scroll of a row or a page is served from memory (one indexed query per
 * page crossed, not per key). page_top is a pos: page[k] is pos
 * page_top + 1 + k. */
static void load_page(struct agenda *a)
{
	int h = a->list.height > 0 ? a->list.height : 1;
	int first = pos_near(a, a->list.top);

	page_free(a);
	a->page_want = 3 * (size_t)h;
	a->page_top = first - 1 > h ? first - 1 - h : 0;
	if (a->app->session)
		agenda_list_each(a->app->db, a->app->session, a->page_top, a->page_want, page_add, a);
	if (a->page_n && a->page_n < a->page_cap) { /* what was read, no more */
		a->page = xrealloc(a->page, a->page_n * sizeof *a->page);
		a->page_cap = a->page_n;
	}
	a->page_valid = true;
}

/* The loaded rows cover what the list shows. */
static bool page_covers(const struct agenda *a)
{
	int end = a->list.top + a->list.height;

	if (end > a->list.count)
		end = a->list.count;
	if (end <= a->list.top)
		return a->page_valid;
	return a->page_valid && pos_near(a, a->list.top) > a->page_top &&
	       pos_near(a, end - 1) <= a->page_top + (int)a->page_n;
}

/* The row at list index i, or NULL (a day header, or none). */
static const struct item *row_at(struct agenda *a, int i)
{
	int pos = 0;

	if (i < 0 || index_at(a, i, &pos) >= 0)
		return NULL;
	if (a->page_valid && pos > a->page_top && pos <= a->page_top + (int)a->page_n)
		return &a->page[pos - a->page_top - 1];
	item_clear(&a->scratch);
	a->scratch_ok = false;
	if (!a->app->session ||
	    agenda_list_each(a->app->db, a->app->session, pos - 1, 1, scratch_set, a) != 0 ||
	    !a->scratch_ok)
		return NULL;
	return &a->scratch;
}

static const char *const weekdays[] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"),
};
static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

/* "Monday 23 November 2026" in the interface language (local time). */
static char *day_label(time_t t, char *buf, size_t size)
{
	struct tm tm;

	buf[0] = '\0';
	if (t > 0 && localtime_r(&t, &tm))
		/* TRANSLATORS: weekday, day of the month, month, year. */
		str_printf(buf, size, _("%s %d %s %d"), _(weekdays[tm.tm_wday]), tm.tm_mday,
			   _(months[tm.tm_mon]), tm.tm_year + 1900);
	return buf;
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct agenda *a = ud;
	const struct item *r = row_at(a, i);
	char buf[64], t1[8], t2[8];
	attr_t normal = ui_attr(ROLE_NORMAL);
	int cx = x;

	if (!r) {
		int pos, j = index_at(a, i, &pos);

		if (j >= 0)
			widget_text(w, y, x, width, day_label(a->days[j].when, buf, sizeof buf),
				    ui_attr(ROLE_HEADER), false);
		return;
	}
	str_printf(buf, sizeof buf, "%*d", C_NUM - 1, r->num);
	widget_text(w, y, cx, C_NUM, buf, normal, false);
	cx += C_NUM + 1;
	if (r->planned_start)
		widget_text(w, y, cx, C_START, time_hm(r->planned_start, t1, sizeof t1), normal, false);
	cx += C_START + 1;
	if (r->planned_minutes > 0) {
		str_printf(buf, sizeof buf, "%d'", r->planned_minutes);
		widget_text_right(w, y, cx, C_MIN, buf, normal);
	}
	cx += C_MIN + 1;
	if (r->actual_start) {
		str_printf(buf, sizeof buf, "%s-%s", time_hm(r->actual_start, t1, sizeof t1),
			   r->actual_end ? time_hm(r->actual_end, t2, sizeof t2) : "");
		widget_text(w, y, cx, C_ACTUAL, buf, normal, false);
	}
	cx += C_ACTUAL + 1;
	/* Rows are plain text but for the overrun mark: every attribute
	 * change costs escape bytes on each cursor move across the row (the
	 * status reads as a word; the running item is also in the title bar). */
	widget_text(w, y, cx, C_STATUS, status_label(r->status), normal, false);
	cx += C_STATUS + 1;
	if (r->overrun > 0) {
		str_printf(buf, sizeof buf, "+%ld'", r->overrun);
		widget_text(w, y, cx, C_OVER, buf, ui_attr(ROLE_OVERRUN), false);
	}
	cx += C_OVER + 1;
	widget_text_fit(w, y, cx, C_KIND, agenda_kind_label(r->kind), normal);
	cx += C_KIND + 1;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, r->title, normal);
}

static const char *row_text(void *ud, int i)
{
	struct agenda *a = ud;
	const struct item *r = row_at(a, i);

	if (!r)
		return "";
	str_printf(a->text, sizeof a->text, "%d %s %s %s", r->num, r->title,
		   agenda_kind_label(r->kind), status_label(r->status));
	return a->text;
}

static int agenda_open(struct screen *s, struct app *app)
{
	struct agenda *a = s->data;
	struct agenda_counts c = { 0 };
	int keep;

	if (!a) {
		a = s->data = xcalloc(1, sizeof *a);
		a->app = app;
		list_init(&a->list, draw_row, row_text, a);
		a->list.cells_kept = true; /* every change reloads: list_invalidate */
	}
	/* The selected item stays selected when the day headers change. */
	keep = a->want_pos ? a->want_pos : a->list.sel >= 0 ? pos_near(a, a->list.sel) : 1;
	a->want_pos = 0;
	a->minute = (long)(clock_now() / 60);
	free(a->days);
	a->days = NULL;
	a->ndays = 0;
	if (app->session && (agenda_counts(app->db, app->session, &c) != 0 ||
			     agenda_days(app->db, app->session, &a->days, &a->ndays) != 0))
		ui_error("%s", _("cannot read the agenda"));
	a->items = c.total;
	list_set_count(&a->list, c.total + (int)a->ndays);
	if (keep > 0 && c.total > 0)
		list_select(&a->list, pos_index(a, keep > c.total ? c.total : keep));
	list_invalidate(&a->list);
	a->page_valid = false;
	return 0;
}

static void agenda_layout(struct screen *s, int rows, int cols)
{
	struct agenda *a = s->data;

	if (a) {
		list_place(&a->list, 1, 0, rows - 1, cols);
		a->page_valid = false;
	}
}

static void draw_header(WINDOW *w, int cols)
{
	attr_t h = ui_attr(ROLE_HEADER);
	int x = 1;

	widget_blank(w, 0, 0, cols, h);
	widget_text_right(w, 0, x, C_NUM - 1, _("No"), h);
	x += C_NUM + 1;
	widget_text(w, 0, x, C_START, _("Start"), h, false);
	x += C_START + 1;
	widget_text_right(w, 0, x, C_MIN, _("Min"), h);
	x += C_MIN + 1;
	widget_text(w, 0, x, C_ACTUAL, _("Actual"), h, false);
	x += C_ACTUAL + 1;
	widget_text(w, 0, x, C_STATUS, _("Status"), h, false);
	x += C_STATUS + 1;
	widget_text(w, 0, x, C_OVER, _("Over"), h, false);
	x += C_OVER + 1;
	widget_text(w, 0, x, C_KIND, _("Kind"), h, false);
	x += C_KIND + 1;
	widget_text(w, 0, x, cols - x, _("Title"), h, false);
}

static void agenda_draw(struct screen *s, WINDOW *w)
{
	struct agenda *a = s->data;

	if (!a)
		return;
	if (s->full) {
		list_invalidate(&a->list);
		draw_header(w, s->cols);
	}
	if (!page_covers(a))
		load_page(a);
	list_draw(&a->list, w);
	if (s->full && a->list.count == 0)
		widget_text(w, 2, 2, s->cols - 4,
			    a->app->session ? _("The agenda is empty: a adds an item.")
					    : _("No session: create one with :session new"),
			    ui_attr(ROLE_DIM), false);
}

/* ---- actions ---- */

/* item+ "TITLE" "KIND" MINUTES START of the answers of add_item. */
static char *item_line(const struct ui_ask *ask, void *ud)
{
	char *qt = ui_quote(ask[0].answer), *qk = ui_quote(*ask[1].answer ? ask[1].answer : "other");
	char *line = xasprintf("item+ %s %s %s %s", qt, qk, ask[2].answer, ask[3].answer);

	(void)ud;
	free(qt);
	free(qk);
	return line;
}

static void add_item(struct agenda *a)
{
	struct ui_ask ask[] = {
		{ .label = _("Title:"), .opts = { .draft = "title" }, .required = true }, /* kept if the link drops */
		{ .label = _("Kind (Tab completes):"), .opts = { .initial = "other", .complete = COMPLETE_LIST,
						.choices = (const char *const *)agenda_kinds } },
		{ .label = _("Planned minutes:"), .opts = { 0 } },
		{ .label = _("Planned start HH:MM (empty: after the last item):"), .opts = { 0 } },
	};

	if (ui_ask_run(a->app, ask, 4, item_line, NULL) == 0)
		a->want_pos = a->items + 1; /* the new last item */
	ui_ask_free(ask, 4);
}

struct item_field {
	int num;
	const char *field;
	bool start; /* empty: no planned start ("-") */
};

static char *item_set_line(const struct ui_ask *ask, void *ud)
{
	const struct item_field *e = ud;
	char *q = ui_quote(*ask->answer || !e->start ? ask->answer : "-");
	char *line = xasprintf("item= %d %s %s", e->num, e->field, q);

	free(q);
	return line;
}

static void edit_item(struct agenda *a, const struct agenda_row *r)
{
	static const char *const fields[] = { "title", "kind", "minutes", "start", "moderator" };
	const char *labels[] = { _("title"), _("kind"), _("minutes"), _("start"), _("moderator") };
	struct ui_prompt_opts o = { 0 };
	struct ui_ask ask = { 0 };
	struct item_field e;
	char cur[AGENDA_TITLE_MAX + 1], label[128];
	int f = ui_choose(_("Change:"), labels, 5, 0);

	if (f < 0)
		return;
	switch (f) {
	case 0:
		str_copy(cur, r->title, sizeof cur);
		break;
	case 1:
		str_copy(cur, r->kind, sizeof cur);
		o.complete = COMPLETE_LIST;
		o.choices = (const char *const *)agenda_kinds;
		break;
	case 2:
		str_printf(cur, sizeof cur, "%d", r->planned_minutes);
		break;
	case 3:
		if (r->planned_start)
			time_hm(r->planned_start, cur, sizeof cur);
		else
			cur[0] = '\0';
		break;
	default:
		str_copy(cur, r->moderator, sizeof cur);
	}
	o.initial = cur;
	str_printf(label, sizeof label, _("Item %d, %s:"), r->num, labels[f]);
	ask.label = label;
	ask.opts = o;
	e.num = r->num;
	e.field = fields[f];
	e.start = f == 3;
	ui_ask_run(a->app, &ask, 1, item_set_line, &e);
	ui_ask_free(&ask, 1);
}

static char *session_line(const struct ui_ask *ask, void *ud)
{
	char *qt = ui_quote(ask[0].answer);
	char *line = xasprintf("session new %s %s %s --from %lld", qt, ask[1].answer,
			       ask[2].answer, *(const long long *)ud);

	free(qt);
	return line;
}

/* N: the next meeting, with this one's delegates (none present), agenda
 * template and settings (`session new … --from`). */
static void new_session(struct agenda *a)
{
	static const char *const levels[] = { "expert", "senior", "ministerial", NULL };
	struct ui_ask ask[] = {
		{ .label = _("New session, title:"), .opts = { 0 }, .required = true },
		{ .label = _("Level (Tab completes):"), .opts = { .initial = "senior", .complete = COMPLETE_LIST,
						 .choices = levels }, .required = true },
		{ .label = _("Start date YYYY-MM-DD:"), .opts = { 0 }, .required = true },
	};
	long long from = a->app->session;

	if (!from) {
		ui_error("%s", _("no session to carry over: create one with :session new"));
		return;
	}
	ui_ask_run(a->app, ask, 3, session_line, &from);
	ui_ask_free(ask, 3);
}

static void start_item(struct agenda *a, const struct agenda_row *r)
{
	struct agenda_current cur;
	char question[256];

	/* No question when the answer would be refused anyway (read-only). */
	if (!a->app->read_only && agenda_current(a->app->db, a->app->session, &cur) == 1 &&
	    cur.num != r->num) {
		str_printf(question, sizeof question, _("End item %d and start item %d?"), cur.num,
			   r->num);
		if (!ui_confirm(question))
			return;
	}
	ui_execf(a->app, "start %d", r->num);
}

/* Run line; when it is accepted, its answer offers R (retime): the
 * planned times after a move or an overrun no longer follow. */
static int exec_offering_retime(struct agenda *a, const char *line, bool offer)
{
	char out[512];
	int rc = ui_exec_answer(a->app, line, out, sizeof out);

	if (rc == 0 && offer)
		ui_message(_("%s — R: re-time the following items"), out);
	return rc;
}

static void move_item(struct agenda *a, const struct agenda_row *r, int delta)
{
	int to = r->pos + delta;
	char line[64];

	if (to < 1 || to > a->items)
		return;
	str_printf(line, sizeof line, "move %d %d", r->num, to);
	if (exec_offering_retime(a, line, true) == 0)
		a->want_pos = to;
}

/* E: end the item in progress; past its planned minutes, offer R. */
static void end_item(struct agenda *a)
{
	struct agenda_current cur;
	bool over = agenda_current(a->app->db, a->app->session, &cur) == 1 &&
		    rules_item_overrun(cur.planned_minutes, cur.started, clock_now()) > 0;

	exec_offering_retime(a, "end", over);
}

/* A move that lands on a day header goes one row further the same way
 * (down from the top). */
static void step_over_header(struct agenda *a, int old)
{
	int pos, i = a->list.sel;

	if (i < 0 || index_at(a, i, &pos) < 0)
		return;
	list_select(&a->list, i < old && i > 0 ? i - 1 : i + 1);
}

static unsigned agenda_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct agenda *a = s->data;
	const struct item *sel;
	struct agenda_row r;
	unsigned res;
	int old;

	(void)app;
	if (!a)
		return H_IGNORED;
	old = a->list.sel;
	if ((res = list_handle(&a->list, ev->key)) != H_IGNORED) {
		step_over_header(a, old);
		return res;
	}
	switch (ev->cmd) {
	case CMD_ITEM_ADD:
		add_item(a);
		return H_DONE;
	case CMD_NEW_SESSION:
		new_session(a);
		return H_DONE;
	case CMD_END:
		end_item(a);
		return H_DONE;
	case CMD_RETIME:
		ui_exec(a->app, "retime");
		return H_DONE;
	case CMD_ITEM_EDIT:
	case CMD_START:
	case CMD_SKIP:
	case CMD_MOVE:
		break; /* on the selected item */
	default:
		return H_IGNORED;
	}
	if (!(sel = row_at(a, a->list.sel))) {
		ui_error("%s", _("no item selected"));
		return H_DONE;
	}
	item_full(sel, &r); /* prompts may reload the page under us */
	if (ev->cmd == CMD_ITEM_EDIT)
		edit_item(a, &r);
	else if (ev->cmd == CMD_START)
		start_item(a, &r);
	else if (ev->cmd == CMD_SKIP)
		ui_execf(a->app, "skip %d", r.num);
	else
		move_item(a, &r, ev->which == 0 ? -1 : 1);
	return H_DONE;
}

static bool agenda_search(struct screen *s, const char *needle, bool next)
{
	struct agenda *a = s->data;

	return a && list_search(&a->list, needle, next);
}

/* Once a minute: the running item's times and overrun follow the clock. */
static unsigned agenda_tick(struct screen *s, struct app *app)
{
	struct agenda *a = s->data;
	long minute = (long)(clock_now() / 60);

	(void)app;
	if (!a || minute == a->minute)
		return H_IGNORED;
	a->minute = minute;
	a->page_valid = false;
	list_invalidate(&a->list);
	return H_REDRAW;
}

/* Left for another tab: the page goes (open() and draw() read it again;
 * the list keeps the selection and the scroll). */
static void agenda_hide(struct screen *s)
{
	struct agenda *a = s->data;

	if (!a)
		return;
	page_free(a);
	free(a->page);
	a->page = NULL;
	a->page_cap = 0;
}

static size_t agenda_held(const struct screen *s)
{
	const struct agenda *a = s->data;
	size_t sum = a->page_cap * sizeof *a->page;

	for (size_t k = 0; k < a->page_n; k++)
		sum += strlen(a->page[k].title) + strlen(a->page[k].moderator) + 2;
	return sum;
}

static void agenda_close(struct screen *s)
{
	struct agenda *a = s->data;

	if (!a)
		return;
	agenda_hide(s); /* the page */
	item_clear(&a->scratch);
	free(a->days);
	free(a);
	s->data = NULL;
}

const struct screen_ops agenda_screen_ops = {
	.name = N_("Agenda"),
	.open = agenda_open,
	.layout = agenda_layout,
	.draw = agenda_draw,
	.handle = agenda_handle,
	.close = agenda_close,
	.search = agenda_search,
	.tick = agenda_tick,
	.hide = agenda_hide,
	.held = agenda_held,
};
