/*
 * floor.c — the Floor screen (DESIGN §4.2, R9): for the item in progress,
 * who has the floor and for how long (minutes, following the clock), the
 * list of speakers, and the log of interventions with their summaries.
 *
 * Keys: a request (q+: delegation code with completion, optional speaker,
 * type of speech by digit), d withdraw (q-), K/J reorder (qmove), Enter
 * give the floor (to the selected request when the list has the focus,
 * else the next in line), y yield with the summary typed on the message
 * line (saved as a draft every second), E end the item. Left/Right (h/l)
 * move the focus between the speakers and the log.
 *
 * Reads through floor.h only: the list of speakers is short (one query);
 * the log is read a page at a time by keyset (seq within the item, so the
 * list index is seq - 1). Members and observers may both speak.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agenda.h"
#include "app.h"
#include "floor.h"
#include "fold.h"
#include "i18n.h"
#include "keys.h"
#include "recs.h"
#include "screen.h"
#include "util.h"
#include "widgets.h"

#define QUEUE_MAX 200

/* A row of the log's page: what the list shows of a floor_entry, the
 * summary a string of its length (Enter and / read the entry whole). */
struct log_row {
	int seq;
	time_t start, end;
	char code[16], type[16];
	char *summary;
};

struct floor_screen {
	struct app *app;
	struct agenda_current item;   /* item.num == 0: none in progress */
	struct floor_speaker speaker; /* speaker.id == 0: the floor is free */
	struct floor_request *queue;
	size_t queue_n, queue_cap;
	struct list ql, ll;           /* speakers, log */
	bool log_focus;
	struct log_row *page;         /* log rows [page_top, page_top + page_n) */
	size_t page_cap, page_n, page_want;
	int page_top;
	bool page_valid;
	int log_item;                 /* item whose log the list shows */
	long long keep_request;       /* hidden: the request selected */
	int rows, cols;
	bool chrome_dirty;            /* status lines and headings to repaint */
	int ql_top_shown;             /* the speakers' top when their heading was drawn */
	long minute;
	char text[FLOOR_SUMMARY_MAX + 200];
};

static const char *deleg_kind(const char *type)
{
	return !strcmp(type, "member") ? _("member") : _("observer");
}

/* Whole minutes between two times, counted on minute boundaries so the
 * figure changes together with the title-bar clock. */
static long minutes_between(time_t from, time_t to)
{
	long m = (long)(to / 60 - from / 60);

	return m < 0 ? 0 : m;
}

/* ---- the log page ---- */

/* The visible log rows with a page of margin on each side (keyset: the
 * list index is seq - 1), so scrolling reads once per page crossed. */
static void page_free(struct floor_screen *f)
{
	for (size_t i = 0; i < f->page_n; i++)
		free(f->page[i].summary);
	f->page_n = 0;
	f->page_valid = false;
}

/* floor_log_each: the next row of the page, in an array grown to the rows
 * read (at most page_want). */
static void page_add(const struct floor_entry *e, void *ud)
{
	struct floor_screen *f = ud;
	struct log_row *r;

	if (f->page_n == f->page_cap) {
		f->page_cap = f->page_cap ? 2 * f->page_cap : 16;
		if (f->page_cap > f->page_want)
			f->page_cap = f->page_want;
		f->page = xrealloc(f->page, f->page_cap * sizeof *f->page);
	}
	r = &f->page[f->page_n++];
	r->seq = e->seq;
	r->start = e->start;
	r->end = e->end;
	str_copy(r->code, e->who.code, sizeof r->code);
	str_copy(r->type, e->who.type, sizeof r->type);
	r->summary = xstrdup(e->summary);
}

static void load_page(struct floor_screen *f)
{
	int h = f->ll.height > 0 ? f->ll.height : 1;
	struct floor_cursor after;

	page_free(f);
	f->page_want = 3 * (size_t)h;
	f->page_top = f->ll.top > h ? f->ll.top - h : 0;
	after.item_id = f->item.id;
	after.seq = f->page_top;
	if (f->item.num)
		floor_log_each(f->app->db, f->app->session, f->item.num, &after, f->page_want,
			       page_add, f);
	if (f->page_n && f->page_n < f->page_cap) { /* what was read, no more */
		f->page = xrealloc(f->page, f->page_n * sizeof *f->page);
		f->page_cap = f->page_n;
	}
	f->page_valid = true;
}

/* Intervention i of the log whole (free with floor_entries_free and
 * free), or NULL. */
static struct floor_entry *entry_whole(struct floor_screen *f, int i)
{
	struct floor_cursor after = { f->item.id, i };
	struct floor_entry *e = xmalloc(sizeof *e);
	size_t n = 0;

	if (f->item.num &&
	    floor_log(f->app->db, f->app->session, f->item.num, &after, e, 1, &n) == 0 && n == 1)
		return e;
	floor_entries_free(e, n);
	free(e);
	return NULL;
}

static bool page_covers(const struct floor_screen *f)
{
	int end = f->ll.top + f->ll.height;

	if (end > f->ll.count)
		end = f->ll.count;
	return f->page_valid && f->ll.top >= f->page_top && end <= f->page_top + (int)f->page_n;
}

static const struct log_row *log_at(struct floor_screen *f, int i)
{
	if (!page_covers(f))
		load_page(f);
	if (i >= f->page_top && i < f->page_top + (int)f->page_n)
		return &f->page[i - f->page_top];
	return NULL;
}

/* ---- drawing ---- */

static void draw_request(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct floor_screen *f = ud;
	const struct floor_request *r = &f->queue[i];
	bool poo = !strcmp(r->who.type, "point_of_order");
	char buf[32], hm[8];
	int cx = x;

	str_printf(buf, sizeof buf, "%2d", r->pos);
	widget_text(w, y, cx, 3, buf, ui_attr(ROLE_NORMAL), false);
	cx += 4;
	/* Plain rows (one attribute change at most): cheap cursor moves. */
	widget_text(w, y, cx, 7, r->who.code, ui_attr(ROLE_NORMAL), false);
	cx += 8;
	widget_text_fit(w, y, cx, 9, deleg_kind(r->who.delegation_type), ui_attr(ROLE_NORMAL));
	cx += 10;
	widget_text_fit(w, y, cx, 15, poo ? _("! point of order") : floor_speech_label(r->who.type),
			ui_attr(poo ? ROLE_MARK : ROLE_NORMAL));
	cx += 16;
	widget_text(w, y, cx, 5, time_hm(r->requested, hm, sizeof hm), ui_attr(ROLE_NORMAL), false);
	cx += 6;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx,
				r->who.speaker[0] ? r->who.speaker : r->who.delegation,
				ui_attr(ROLE_NORMAL));
}

static void draw_entry(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct floor_screen *f = ud;
	const struct log_row *e = log_at(f, i);
	char buf[32], t1[8], t2[8];
	int cx = x;

	if (!e)
		return;
	str_printf(buf, sizeof buf, "%2d", e->seq);
	widget_text(w, y, cx, 3, buf, ui_attr(ROLE_NORMAL), false);
	cx += 4;
	str_printf(buf, sizeof buf, "%s-%s", time_hm(e->start, t1, sizeof t1),
		   e->end ? time_hm(e->end, t2, sizeof t2) : "");
	widget_text(w, y, cx, 11, buf, ui_attr(ROLE_NORMAL), false);
	cx += 12;
	str_printf(buf, sizeof buf, "%ld'",
		   minutes_between(e->start, e->end ? e->end : clock_now()));
	widget_text_right(w, y, cx, 4, buf, ui_attr(ROLE_NORMAL));
	cx += 5;
	widget_text(w, y, cx, 7, e->code, ui_attr(ROLE_NORMAL), false);
	cx += 8;
	widget_text_fit(w, y, cx, 10, floor_speech_label(e->type),
			ui_attr(!strcmp(e->type, "point_of_order") && e->end ? ROLE_MARK
										 : ROLE_NORMAL));
	cx += 11;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx,
				e->end ? e->summary : _("(speaking)"),
				ui_attr(e->end ? ROLE_NORMAL : ROLE_RUNNING));
}

static const char *request_text(void *ud, int i)
{
	struct floor_screen *f = ud;
	const struct floor_request *r = &f->queue[i];

	str_printf(f->text, sizeof f->text, "%s %s %s %s", r->who.code, r->who.delegation,
		   r->who.speaker, floor_speech_label(r->who.type));
	return f->text;
}

static const char *entry_text(void *ud, int i)
{
	struct floor_screen *f = ud;
	struct floor_entry *e = entry_whole(f, i);

	f->text[0] = '\0';
	if (e) {
		str_printf(f->text, sizeof f->text, "%s %s %s %s", e->who.code, e->who.delegation,
			   e->who.speaker, e->summary);
		floor_entries_free(e, 1);
		free(e);
	}
	return f->text;
}

/* ---- open / layout ---- */

/* The list of speakers, in an array of the requests waiting (counted just
 * before), not of QUEUE_MAX (66 KB). */
static void load_queue(struct floor_screen *f, int waiting)
{
	size_t want = waiting < 1 ? 1 : waiting > QUEUE_MAX ? QUEUE_MAX : (size_t)waiting;

	if (want != f->queue_cap) {
		f->queue = xrealloc(f->queue, want * sizeof *f->queue);
		f->queue_cap = want;
	}
	floor_queue(f->app->db, f->app->session, f->queue, want, &f->queue_n);
}

static int floor_open(struct screen *s, struct app *app)
{
	struct floor_screen *f = s->data;
	struct floor_counts c;
	long long keep;
	int old_item;

	if (!f) {
		f = s->data = xcalloc(1, sizeof *f);
		f->app = app;
		list_init(&f->ql, draw_request, request_text, f);
		list_init(&f->ll, draw_entry, entry_text, f);
		f->ql.cells_kept = f->ll.cells_kept = true; /* changes reload */
	}
	/* The cursor stays on the request, not on its row number: another
	 * instance's point of order jumps the queue (issue 12). */
	keep = f->ql.sel >= 0 && f->ql.sel < (int)f->queue_n ? f->queue[f->ql.sel].id
							       : f->keep_request;
	f->keep_request = 0;
	old_item = f->item.num;
	f->minute = (long)(clock_now() / 60);
	f->queue_n = 0;
	memset(&f->speaker, 0, sizeof f->speaker);
	memset(&c, 0, sizeof c);
	if (!app->session || agenda_current(app->db, app->session, &f->item) != 1)
		memset(&f->item, 0, sizeof f->item);
	if (f->item.num) {
		floor_counts(app->db, app->session, &c);
		load_queue(f, c.waiting);
		floor_current(app->db, app->session, &f->speaker);
	}
	list_set_count(&f->ql, (int)f->queue_n);
	for (size_t i = 0; keep && i < f->queue_n; i++)
		if (f->queue[i].id == keep && (int)i != f->ql.sel)
			list_select(&f->ql, (int)i);
	list_set_count(&f->ll, c.item_interventions);
	if (f->item.num != old_item || f->log_item != f->item.num)
		list_select(&f->ll, c.item_interventions - 1); /* newest last, in view */
	f->log_item = f->item.num;
	f->chrome_dirty = true;
	f->ql.focused = !f->log_focus;
	f->ll.focused = f->log_focus;
	list_invalidate(&f->ql);
	list_invalidate(&f->ll);
	f->page_valid = false;
	return 0;
}

/* Rows: 0 item, 1 floor, 2 speakers heading, queue, log heading, log. */
static int queue_height(int rows)
{
	int h = (rows - 5) / 3;

	return h < 3 ? 3 : h;
}

static void floor_layout(struct screen *s, int rows, int cols)
{
	struct floor_screen *f = s->data;
	int qh = queue_height(rows);

	if (!f)
		return;
	f->rows = rows;
	f->cols = cols;
	list_place(&f->ql, 3, 0, qh, cols);
	list_place(&f->ll, 4 + qh, 0, rows - 4 - qh, cols);
	f->page_valid = false;
}

static void draw_status(struct floor_screen *f, WINDOW *w)
{
	char line[FLOOR_NAME_MAX * 2 + 128], hm[8];
	time_t now = clock_now();

	if (!f->item.num) {
		widget_text(w, 0, 0, f->cols, _(" No item in progress: start one on the Agenda (1, s)."),
			    ui_attr(ROLE_HEADER), true);
		widget_blank(w, 1, 0, f->cols, ui_attr(ROLE_NORMAL));
		return;
	}
	str_printf(line, sizeof line, _(" Item %d: %s"), f->item.num, f->item.title);
	widget_blank(w, 0, 0, f->cols, ui_attr(ROLE_HEADER));
	widget_text_fit(w, 0, 0, f->cols, line, ui_attr(ROLE_HEADER));
	if (f->speaker.id) {
		const struct floor_who *who = &f->speaker.who;

		str_printf(line, sizeof line, _(" Floor: %s %s (%s), since %s, %ld min"), who->code,
			   who->speaker[0] ? who->speaker : who->delegation,
			   floor_speech_label(who->type), time_hm(f->speaker.start, hm, sizeof hm),
			   minutes_between(f->speaker.start, now));
		widget_blank(w, 1, 0, f->cols, ui_attr(ROLE_RUNNING));
		widget_text_fit(w, 1, 0, f->cols, line, ui_attr(ROLE_RUNNING));
	} else {
		bool gives = role_allows(&f->app->role, command_by_id(CMD_FLOOR));

		widget_text(w, 1, 0, f->cols,
			    gives ? _(" Floor: free (Enter gives it to the next speaker)") : _(" Floor: free"),
			    ui_attr(ROLE_NORMAL), true);
	}
}

/* A delegation's own place in the list of speakers (--role delegation:CODE):
 * "position 2 of 4", or how to ask for the floor. */
static void own_place(const struct floor_screen *f, char *out, size_t size)
{
	const struct role *r = &f->app->role;

	out[0] = '\0';
	if (r->kind != RK_DELEGATION)
		return;
	if (f->speaker.id && !strcmp(f->speaker.who.code, r->code)) {
		str_printf(out, size, _(" — %s: you have the floor"), r->code);
		return;
	}
	for (size_t i = 0; i < f->queue_n; i++)
		if (!strcmp(f->queue[i].who.code, r->code)) {
			str_printf(out, size, _(" — %s: position %d of %d (%s; d withdraws)"), r->code,
				   f->queue[i].pos, (int)f->queue_n,
				   floor_speech_label(f->queue[i].who.type));
			return;
		}
	str_printf(out, size, _(" — %s: not on the list (a requests the floor)"), r->code);
}

/* The speakers' heading: their count, the delegation's own place, and at
 * the right what the list hides above and below when it is longer than
 * its rows ("↑ 2 more  ↓ 3 more"). Repainted when the list scrolls. */
static void draw_speakers_heading(struct floor_screen *f, WINDOW *w)
{
	char line[256], mine[160], hidden[96] = "";
	int above = f->ql.top, below = f->ql.count - f->ql.top - f->ql.height, x;

	own_place(f, mine, sizeof mine);
	str_printf(line, sizeof line, _("Speakers (%d)"), f->ql.count);
	str_copy(line + strlen(line), mine, sizeof line - strlen(line));
	if (above > 0)
		str_printf(hidden, sizeof hidden, _("↑ %d more"), above);
	if (below > 0) {
		size_t k = strlen(hidden);

		k += (size_t)str_printf(hidden + k, sizeof hidden - k, "%s", k ? "  " : "");
		str_printf(hidden + k, sizeof hidden - k, _("↓ %d more"), below);
	}
	widget_blank(w, 2, 0, f->cols, ui_attr(ROLE_NORMAL));
	x = hidden[0] ? f->cols - 1 - widget_text_width(hidden) : f->cols;
	widget_text(w, 2, 1, x - 2, line, ui_attr(f->log_focus ? ROLE_DIM : ROLE_HEADER), false);
	if (hidden[0])
		widget_text(w, 2, x, f->cols - x, hidden, ui_attr(ROLE_MARK), false);
	f->ql_top_shown = f->ql.top;
}

static void draw_headings(struct floor_screen *f, WINDOW *w)
{
	char line[256];

	draw_speakers_heading(f, w);
	if (f->item.num)
		str_printf(line, sizeof line, _("Interventions on item %d (%d)"), f->item.num,
			   f->ll.count);
	else
		str_copy(line, _("Interventions: no item in progress"), sizeof line);
	widget_blank(w, f->ll.y - 1, 0, f->cols, ui_attr(ROLE_NORMAL));
	widget_text(w, f->ll.y - 1, 1, f->cols - 1, line,
		    ui_attr(f->log_focus ? ROLE_HEADER : ROLE_DIM), false);
}

static void floor_draw(struct screen *s, WINDOW *w)
{
	struct floor_screen *f = s->data;

	if (!f)
		return;
	if (s->full) {
		list_invalidate(&f->ql);
		list_invalidate(&f->ll);
	}
	/* The status lines and headings change on reload, tick and focus
	 * switch only: a cursor move repaints just its two rows. */
	if (s->full || f->chrome_dirty) {
		draw_status(f, w);
		draw_headings(f, w);
		f->chrome_dirty = false;
	} else if (f->ql.top != f->ql_top_shown) {
		draw_speakers_heading(f, w); /* the list scrolled: what it hides */
	}
	list_draw(&f->ql, w);
	list_draw(&f->ll, w);
}

/* ---- actions ---- */

/* The registered spelling of name among the delegates, compared folded
 * (case and accents do not matter), or NULL. */
static const char *registered(const struct floor_name *names, size_t n, const char *name)
{
	char *want = fold_dup(name);
	const char *found = NULL;

	for (size_t i = 0; i < n && !found; i++) {
		char *have = fold_dup(names[i].name);

		if (!strcmp(have, want))
			found = names[i].name;
		free(have);
	}
	free(want);
	return found;
}

struct speaker_check {
	const struct floor_name *names;
	size_t n;
	const char *code;
	char why[FLOOR_NAME_MAX + 128];
};

/* Enter in the speaker prompt: nobody, or one of the delegates. */
static const char *check_speaker(const char *text, void *ud)
{
	struct speaker_check *k = ud;

	if (!*text || registered(k->names, k->n, text))
		return NULL;
	str_printf(k->why, sizeof k->why,
		   _("\"%s\" is not a delegate of %s (Tab lists those present)"), text, k->code);
	return k->why;
}

/* The speaker for a request of delegation code: one of its delegates,
 * Tab completing among those present; "" for the delegation itself. A
 * name that is none of them is refused in one line on the hint bar and
 * the prompt stays open (the keys typed after it cannot give the floor).
 * An unknown code is left to q+ to refuse. Returns a malloc'd name (its
 * registered spelling), or NULL (Esc). */
static char *ask_speaker(struct floor_screen *f, const char *code)
{
	struct speaker_check k = { .code = code };
	struct ui_prompt_opts o = { .complete = COMPLETE_NAME, .check = check_speaker, .ud = &k };
	struct floor_name *names = NULL;
	const char **present, *known;
	char label[96], *name;
	size_t n = 0, m = 0;

	if (floor_delegates(f->app->db, f->app->session, code, &names, &n) != 0)
		o = (struct ui_prompt_opts){ 0 }; /* q+ will say what is wrong */
	present = xcalloc(n + 1, sizeof *present);
	for (size_t i = 0; i < n; i++)
		if (names[i].present)
			present[m++] = names[i].name;
	o.choices = present;
	k.names = names;
	k.n = n;
	str_printf(label, sizeof label, _("Speaker of %s (empty: the delegation):"), code);
	name = ui_prompt(label, &o);
	if (name && *name && (known = registered(names, n, name)) != NULL) {
		char *keep = xstrdup(known);

		free(name);
		name = keep;
	}
	free(present);
	free(names);
	return name;
}

static void request_floor(struct floor_screen *f)
{
	struct ui_prompt_opts co = { .complete = COMPLETE_DELEGATION };
	const char *labels[] = { floor_speech_label("statement"), floor_speech_label("reply"),
				 floor_speech_label("point_of_order"),
				 floor_speech_label("question") };
	char *code = NULL, *name = NULL, *qc = NULL, *qn = NULL;
	int t;

	/* A delegation asks for itself: no code, no speaker to type. */
	if (f->app->role.kind == RK_DELEGATION) {
		code = xstrdup(f->app->role.code);
		name = xstrdup("");
	} else if (!(code = ui_prompt(_("Delegation (Tab completes):"), &co)) || !*code ||
		   !(name = ask_speaker(f, code))) {
		goto out;
	}
	if ((t = ui_choose(_("Type:"), labels, 4, 0)) < 0)
		goto out;
	qc = ui_quote(code);
	if (*name) {
		qn = ui_quote(name);
		ui_execf(f->app, "q+ %s %s %s", qc, qn, floor_speech_types[t]);
	} else {
		ui_execf(f->app, "q+ %s %s", qc, floor_speech_types[t]);
	}
out:
	free(code);
	free(name);
	free(qc);
	free(qn);
}

struct draft_ref {
	struct app *app;
	long long ref;
};

static int save_draft(const char *text, void *ud)
{
	struct draft_ref *d = ud;

	return d->app->read_only ? 0 : ui_draft_save(d->app, "summary", d->ref, text);
}

static char *yield_line(const struct ui_ask *ask, void *ud)
{
	char *q = ui_quote(ask->answer), *line = xasprintf("yield %s", q);

	(void)ud;
	free(q);
	return line;
}

static void yield_floor(struct floor_screen *f)
{
	struct draft_ref d = { f->app, f->speaker.id };
	char label[128], *draft;
	struct ui_ask ask = { .label = label, .opts = { .idle = save_draft, .ud = &d } };

	if (!f->speaker.id) {
		ui_exec(f->app, "yield"); /* the command explains: nobody has the floor */
		return;
	}
	ask.opts.initial = draft = recs_draft_load(f->app->db, "summary", f->app->session, d.ref);
	str_printf(label, sizeof label, _("Summary (%s):"), f->speaker.who.code);
	/* Not stored (busy, disk full): the prompt again, holding it. */
	if (ui_ask_run(f->app, &ask, 1, yield_line, NULL) == 0 && !f->app->read_only)
		recs_draft_clear(f->app->db, "summary", f->app->session, d.ref);
	free(draft);
	ui_ask_free(&ask, 1);
}

static void give_floor(struct floor_screen *f)
{
	if (!f->log_focus && f->ql.sel > 0 && f->ql.sel < (int)f->queue_n)
		ui_execf(f->app, "floor %s", f->queue[f->ql.sel].who.code);
	else
		ui_exec(f->app, "floor");
}

static void move_request(struct floor_screen *f, int delta)
{
	const struct floor_request *r;
	int to;

	if (f->ql.sel < 0 || f->ql.sel >= (int)f->queue_n)
		return;
	r = &f->queue[f->ql.sel];
	to = r->pos + delta;
	if (to < 1 || to > (int)f->queue_n)
		return;
	if (ui_execf(f->app, "qmove %s %d", r->who.code, to) == 0)
		f->ql.sel = to - 1;
}

static unsigned switch_focus(struct floor_screen *f, bool to_log)
{
	if (f->log_focus == to_log)
		return H_DONE;
	f->log_focus = to_log;
	f->chrome_dirty = true;
	f->ql.focused = !to_log;
	f->ll.focused = to_log;
	/* Only the two bars and the headings change. */
	f->ql.drawn_sel = f->ll.drawn_sel = -2;
	return H_DONE | H_REDRAW;
}

/* The selected intervention of the log, whole: who, when, the summary. */
static void show_entry(struct floor_screen *f)
{
	struct floor_entry *e = entry_whole(f, f->ll.sel);
	char title[96], t1[8], t2[8], *text;

	if (!e)
		return;
	str_printf(title, sizeof title, _("Intervention %d.%d"), e->item_num, e->seq);
	text = xasprintf("%s %s%s%s\n%s  %s-%s (%ld')\n\n%s", e->who.code, e->who.delegation,
			 e->who.speaker[0] ? " — " : "", e->who.speaker,
			 floor_speech_label(e->who.type), time_hm(e->start, t1, sizeof t1),
			 e->end ? time_hm(e->end, t2, sizeof t2) : "",
			 minutes_between(e->start, e->end ? e->end : clock_now()),
			 e->end ? e->summary : _("(speaking)"));
	ui_view_text(title, text);
	free(text);
	floor_entries_free(e, 1);
	free(e);
}

static unsigned floor_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct floor_screen *f = s->data;
	unsigned r;

	if (!f)
		return H_IGNORED;
	switch (keys_nav(ev->key)) {
	case NAV_LEFT:
		return switch_focus(f, false);
	case NAV_RIGHT:
		return switch_focus(f, true);
	default:
		break;
	}
	if ((r = list_handle(f->log_focus ? &f->ll : &f->ql, ev->key)) != H_IGNORED)
		return r;
	switch (ev->cmd) {
	case CMD_QUEUE_ADD:
		request_floor(f);
		break;
	case CMD_QUEUE_DEL:
		if (app->role.kind == RK_DELEGATION)
			ui_execf(f->app, "q- %s", app->role.code); /* its own request */
		else if (f->ql.sel >= 0 && f->ql.sel < (int)f->queue_n)
			ui_execf(f->app, "q- %s", f->queue[f->ql.sel].who.code);
		else
			ui_error("%s", _("no request selected"));
		break;
	case CMD_QUEUE_MOVE:
		move_request(f, ev->which == 0 ? -1 : 1);
		break;
	case CMD_FLOOR:
		if (f->log_focus && log_at(f, f->ll.sel))
			show_entry(f); /* Enter on the log: the intervention whole */
		else
			give_floor(f);
		break;
	case CMD_YIELD:
		yield_floor(f);
		break;
	case CMD_END:
		ui_exec(f->app, "end");
		break;
	default:
		return H_IGNORED;
	}
	return H_DONE;
}

static bool floor_search(struct screen *s, const char *needle, bool next)
{
	struct floor_screen *f = s->data;

	return f && list_search(f->log_focus ? &f->ll : &f->ql, needle, next);
}

/* Once a minute: the speaking times follow the clock. */
static unsigned floor_tick(struct screen *s, struct app *app)
{
	struct floor_screen *f = s->data;
	long minute = (long)(clock_now() / 60);

	(void)app;
	if (!f || minute == f->minute || !f->item.num)
		return H_IGNORED;
	f->minute = minute;
	f->page_valid = false;
	f->chrome_dirty = true;
	list_invalidate(&f->ll);
	return H_REDRAW;
}

/* Left for another tab: the log page and the list of speakers go (open()
 * and draw() read them again); the request selected is kept by its id. */
static void floor_hide(struct screen *s)
{
	struct floor_screen *f = s->data;

	if (!f)
		return;
	if (f->ql.sel >= 0 && f->ql.sel < (int)f->queue_n)
		f->keep_request = f->queue[f->ql.sel].id;
	free(f->queue);
	f->queue = NULL;
	f->queue_n = f->queue_cap = 0;
	page_free(f);
	free(f->page);
	f->page = NULL;
	f->page_cap = 0;
}

static size_t floor_held(const struct screen *s)
{
	const struct floor_screen *f = s->data;
	size_t sum = f->queue_cap * sizeof *f->queue + f->page_cap * sizeof *f->page;

	for (size_t i = 0; i < f->page_n; i++)
		sum += strlen(f->page[i].summary) + 1;
	return sum;
}

static void floor_close(struct screen *s)
{
	struct floor_screen *f = s->data;

	if (!f)
		return;
	free(f->queue);
	page_free(f);
	free(f->page);
	free(f);
	s->data = NULL;
}

const struct screen_ops floor_screen_ops = {
	.name = N_("Floor"),
	.open = floor_open,
	.layout = floor_layout,
	.draw = floor_draw,
	.handle = floor_handle,
	.close = floor_close,
	.search = floor_search,
	.tick = floor_tick,
	.hide = floor_hide,
	.held = floor_held,
};
