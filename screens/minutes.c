/*
 * minutes.c — the Minutes screen (DESIGN §2, §4 screen 6): the journal of
 * the session, one row per entry (time, item, event, delegation, actor,
 * detail), newest last, opening on the newest entry; filters by agenda
 * item (i), delegation (d, Tab completes) and event type (e cycles through
 * the types present), c clears them; x exports the CSV minutes and r
 * writes the meeting report, each with the progress on the message line.
 *
 * Reads go through minutes.h only, a page at a time (struct minutes_view):
 * the list widget holds just the page (its index is the page index, top
 * always 0), so a move inside the page repaints two rows and reads
 * nothing; a move past its edge reads one row and scrolls what is painted
 * (two rows repainted); PgUp/PgDn, Home and End read a page by key.
 * Nothing counts the journal, so the screen costs the same on 100 rows and
 * on 1,000,000. Filters combine; each alone is one index range (minutes.h).
 *
 * Reloads (after a command, or when another instance wrote: the shell's
 * data_version check) reopen the page around the selected entry; when the
 * newest entry was selected, the view follows the new ones.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "export.h"
#include "report.h"
#include "i18n.h"
#include "keys.h"
#include "minutes.h"
#include "screen.h"
#include "util.h"
#include "widgets.h"

#define SEARCH_CHUNK 256

struct minutes_screen {
	struct app *app;
	struct minutes_view v;
	struct list list;     /* the page: count v.n, top 0 */
	bool stale;           /* open() or a resize asked for a reload */
	bool loaded;          /* v holds a page of v.session */
	bool header_dirty;    /* the filter line changed */
	int scroll;           /* rows the page moved by one key (±1), for draw */
	char text[MINUTES_DETAIL_MAX + 256];
};

/* Column widths (cells), after the list's marker column. */
enum { C_TIME = 5, C_ITEM = 3, C_EVENT = 11, C_DELEG = 6, C_ACTOR = 8 };

/* ---- the page and the list ---- */

static void sync_list(struct minutes_screen *m, bool page_changed)
{
	m->list.count = m->v.n;
	m->list.sel = m->v.sel;
	m->list.top = 0;
	if (page_changed)
		list_invalidate(&m->list);
}

static void report(int rc)
{
	if (rc < 0)
		ui_error("%s", _("cannot read the journal"));
}

static bool filtered(const struct minutes_filter *f)
{
	return f->item > 0 || f->delegation[0] || f->event[0];
}

/* Bring the page up to date after open() or a resize: one page read. */
static void refresh_page(struct minutes_screen *m)
{
	int rc = 0;

	if (!m->stale || m->list.height <= 0)
		return;
	m->stale = false;
	minutes_view_resize(&m->v, m->list.height);
	if (!m->app->session) {
		m->v.n = 0;
		m->v.sel = -1;
		m->loaded = false;
	} else if (!m->loaded || m->v.session != m->app->session) {
		/* First look at this session: its newest entries, no filter. */
		memset(&m->v.filter, 0, sizeof m->v.filter);
		m->v.session = m->app->session;
		rc = minutes_view_end(&m->v);
		m->loaded = true;
		m->header_dirty = true;
	} else {
		rc = minutes_view_reload(&m->v);
	}
	report(rc);
	sync_list(m, true);
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct minutes_screen *m = ud;
	const struct minutes_line *r;
	attr_t normal = ui_attr(ROLE_NORMAL);
	char buf[32];
	int cx = x;

	if (i < 0 || i >= m->v.n)
		return;
	r = &m->v.rows[i];
	/* Plain rows (no attribute changes): a cursor move stays cheap. */
	if (r->time)
		widget_text(w, y, cx, C_TIME, time_hm(r->time, buf, sizeof buf), normal, false);
	cx += C_TIME + 1;
	if (r->item > 0) {
		str_printf(buf, sizeof buf, "%lld", r->item);
		widget_text_right(w, y, cx, C_ITEM, buf, normal);
	}
	cx += C_ITEM + 1;
	widget_text_fit(w, y, cx, C_EVENT, r->event, normal);
	cx += C_EVENT + 1;
	widget_text_fit(w, y, cx, C_DELEG, r->delegation, normal);
	cx += C_DELEG + 1;
	widget_text_fit(w, y, cx, C_ACTOR, r->actor, normal);
	cx += C_ACTOR + 1;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, r->detail, normal);
}

/* The text searched: what the row shows. */
static const char *entry_text(struct minutes_screen *m, const struct minutes_line *r)
{
	char hm[8] = "", item[24] = "";

	if (r->time)
		time_hm(r->time, hm, sizeof hm);
	if (r->item > 0)
		str_printf(item, sizeof item, "%lld", r->item);
	str_printf(m->text, sizeof m->text, "%s %s %s %s %s %s", hm, item, r->event, r->delegation,
		   r->actor, r->detail);
	return m->text;
}

static const char *row_text(void *ud, int i)
{
	struct minutes_screen *m = ud;

	return i >= 0 && i < m->v.n ? entry_text(m, &m->v.rows[i]) : "";
}

/* ---- open, layout, draw ---- */

static int minutes_open(struct screen *s, struct app *app)
{
	struct minutes_screen *m = s->data;

	if (!m) {
		m = s->data = xcalloc(1, sizeof *m);
		m->app = app;
		minutes_view_init(&m->v, app->db, app->session);
		list_init(&m->list, draw_row, row_text, m);
	}
	/* One page read (none before the first layout). */
	m->v.db = app->db;
	m->stale = true;
	refresh_page(m);
	return 0;
}

static void minutes_layout(struct screen *s, int rows, int cols)
{
	struct minutes_screen *m = s->data;

	if (!m)
		return;
	list_place(&m->list, 2, 0, rows - 2, cols);
	if (m->list.height != m->v.height)
		m->stale = true;
	refresh_page(m);
}

/* "item 3 · delegation MUS · event note", or "" when nothing is filtered. */
static void filter_text(const struct minutes_filter *f, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	if (f->item > 0)
		k += (size_t)str_printf(buf + k, size - k, _("item %lld"), f->item);
	if (f->delegation[0])
		k += (size_t)str_printf(buf + k, size - k, "%s", k ? " · " : "");
	if (f->delegation[0])
		k += (size_t)str_printf(buf + k, size - k, _("delegation %s"), f->delegation);
	if (f->event[0])
		k += (size_t)str_printf(buf + k, size - k, "%s", k ? " · " : "");
	if (f->event[0])
		str_printf(buf + k, size - k, _("event %s"), f->event);
}

static void draw_header(struct minutes_screen *m, WINDOW *w, int cols)
{
	const char *legend = _("i item  d delegation  e event  c clear");
	attr_t h = ui_attr(ROLE_HEADER);
	char filter[160], line[256];
	int x = 1, used;

	filter_text(&m->v.filter, filter, sizeof filter);
	if (filter[0])
		str_printf(line, sizeof line, _("Filter: %s"), filter);
	else
		str_copy(line, _("All entries of the session"), sizeof line);
	widget_blank(w, 0, 0, cols, ui_attr(ROLE_NORMAL));
	used = widget_text(w, 0, 1, cols - 2, line, ui_attr(filter[0] ? ROLE_MARK : ROLE_NORMAL),
			   false);
	if (1 + used + 3 + widget_text_width(legend) + 1 <= cols)
		widget_text_right(w, 0, 1, cols - 2, legend, ui_attr(ROLE_DIM));

	widget_blank(w, 1, 0, cols, h);
	widget_text(w, 1, x, C_TIME, _("Time"), h, false);
	x += C_TIME + 1;
	widget_text_right(w, 1, x, C_ITEM, _("No"), h);
	x += C_ITEM + 1;
	widget_text(w, 1, x, C_EVENT, _("Event"), h, false);
	x += C_EVENT + 1;
	widget_text_fit(w, 1, x, C_DELEG, _("Deleg."), h);
	x += C_DELEG + 1;
	widget_text(w, 1, x, C_ACTOR, _("Actor"), h, false);
	x += C_ACTOR + 1;
	widget_text(w, 1, x, cols - x, _("Detail"), h, false);
}

static void minutes_draw(struct screen *s, WINDOW *w)
{
	struct minutes_screen *m = s->data;
	const char *empty;
	bool full;

	if (!m)
		return;
	refresh_page(m);
	if (s->full || m->header_dirty) {
		draw_header(m, w, s->cols);
		m->header_dirty = false;
	}
	if (s->full)
		list_invalidate(&m->list);
	if (m->scroll && !m->list.full) {
		/* The page moved by one row: move what is painted and paint
		 * only the row that came in and the old selection. */
		scrollok(w, TRUE);
		wsetscrreg(w, m->list.y, m->list.y + m->list.height - 1);
		wscrl(w, m->scroll);
		wsetscrreg(w, 0, s->rows - 1);
		scrollok(w, FALSE);
	}
	m->scroll = 0;
	full = m->list.full;
	list_draw(&m->list, w);
	if (!full || m->list.count > 0)
		return;
	if (!m->app->session)
		empty = _("No session: create one with :session new");
	else if (filtered(&m->v.filter))
		empty = _("No entry matches the filter (c clears it).");
	else
		empty = _("The journal of this session is empty.");
	widget_text(w, 3, 2, s->cols - 4, empty, ui_attr(ROLE_DIM), false);
}

/* ---- movement and filters ---- */

/* The redraw a view change needs (rc: enum minutes_moved or < 0). */
static unsigned moved(struct minutes_screen *m, int rc)
{
	report(rc);
	if (rc < 0) {
		sync_list(m, true);
		return H_DONE | H_REDRAW;
	}
	if (rc == MINUTES_STILL)
		return H_DONE;
	sync_list(m, rc == MINUTES_PAGE);
	return H_DONE | H_REDRAW;
}

/* Home and End: a new page, unless it is the one shown. */
static unsigned jump(struct minutes_screen *m, bool end)
{
	long long first = m->v.n ? m->v.rows[0].seq : 0, last = m->v.n ? m->v.rows[m->v.n - 1].seq : 0;
	int n = m->v.n, sel = m->v.sel;
	int rc = end ? minutes_view_end(&m->v) : minutes_view_home(&m->v);

	if (rc < 0)
		return moved(m, rc);
	if (m->v.n == n && (!n || (m->v.rows[0].seq == first && m->v.rows[n - 1].seq == last)))
		return moved(m, m->v.sel == sel ? MINUTES_STILL : MINUTES_SEL);
	return moved(m, MINUTES_PAGE);
}

/* Up or Down: at the edge of the page, the page scrolls by one row. */
static unsigned step(struct minutes_screen *m, int delta)
{
	int n0 = m->v.n;
	long long first = n0 ? m->v.rows[0].seq : 0, last = n0 ? m->v.rows[n0 - 1].seq : 0;
	int rc = minutes_view_move(&m->v, delta);
	const struct minutes_view *v = &m->v;

	if (rc != MINUTES_PAGE || m->list.full)
		return moved(m, rc);
	if (delta > 0 && v->n == n0 && n0 >= 2 && v->rows[n0 - 2].seq == last)
		m->scroll = 1;
	else if (delta < 0 && v->n >= 2 && v->rows[1].seq == first)
		m->scroll = -1;
	else
		return moved(m, rc);
	/* What is painted moves with the scroll: the old selection is then
	 * one row further, the list repaints it and the new one. */
	sync_list(m, false);
	m->list.drawn_sel = v->sel - m->scroll;
	return H_DONE | H_REDRAW;
}

static unsigned navigate(struct minutes_screen *m, int key)
{
	int h = m->list.height > 1 ? m->list.height : 1;

	switch (keys_nav(key)) {
	case NAV_UP:
		return step(m, -1);
	case NAV_DOWN:
		return step(m, 1);
	case NAV_PGUP:
		return moved(m, minutes_view_move(&m->v, -h));
	case NAV_PGDN:
		return moved(m, minutes_view_move(&m->v, h));
	case NAV_HOME:
		return jump(m, false);
	case NAV_END:
		return jump(m, true);
	default:
		return H_IGNORED;
	}
}

/* A new filter: the same place in the journal (or the newest entry when
 * the view followed it). */
static unsigned apply_filter(struct minutes_screen *m, const struct minutes_filter *f)
{
	m->v.filter = *f;
	m->header_dirty = true;
	report(minutes_view_reload(&m->v));
	sync_list(m, true);
	return H_DONE | H_REDRAW;
}

static unsigned filter_item(struct minutes_screen *m)
{
	struct minutes_filter f = m->v.filter;
	struct ui_prompt_opts o = { 0 };
	char cur[24] = "", *text, *end;
	long long num = 0;

	if (f.item > 0)
		str_printf(cur, sizeof cur, "%lld", f.item);
	o.initial = cur;
	if (!(text = ui_prompt(_("Agenda item number (empty: every item):"), &o)))
		return H_DONE;
	if (*text) {
		num = strtoll(text, &end, 10);
		if (*end || num <= 0 || num > 1000000000) {
			ui_error(_("not an item number: %s"), text);
			free(text);
			return H_DONE;
		}
	}
	free(text);
	f.item = num;
	return apply_filter(m, &f);
}

static unsigned filter_delegation(struct minutes_screen *m)
{
	struct minutes_filter f = m->v.filter;
	struct ui_prompt_opts o = { .initial = f.delegation, .complete = COMPLETE_DELEGATION };
	char *text = ui_prompt(_("Delegation code (Tab completes; empty: every delegation):"), &o);

	if (!text)
		return H_DONE;
	/* Codes are stored upper case (ISO 3166, acronyms). */
	for (char *p = text; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	if (strlen(text) > MINUTES_CODE_MAX || strchr(text, ' ')) {
		ui_error(_("not a delegation code: %s"), text);
		free(text);
		return H_DONE;
	}
	str_copy(f.delegation, text, sizeof f.delegation);
	free(text);
	return apply_filter(m, &f);
}

/* e: the next event type present in the session's journal; after the
 * last, every type again. */
static unsigned filter_event(struct minutes_screen *m)
{
	struct minutes_filter f = m->v.filter;
	char next[MINUTES_CODE_MAX + 1];
	int rc = minutes_next_event(m->app->db, m->v.session, f.event, next, sizeof next);

	if (rc < 0) {
		report(rc);
		return H_DONE;
	}
	str_copy(f.event, rc == 1 ? next : "", sizeof f.event);
	return apply_filter(m, &f);
}

/* ---- export ---- */

struct progress {
	const char *file;
	long long done, rows; /* rows of the finished files, of the current one */
};

static void export_progress(void *ud, const char *file, long long rows)
{
	struct progress *p = ud;

	if (!p->file || strcmp(p->file, file) != 0) {
		p->done += p->rows;
		p->file = file;
	}
	p->rows = rows;
	ui_progress(_("exporting… %s: %lld rows"), file, rows);
}

static void export_minutes(struct minutes_screen *m)
{
	struct ui_prompt_opts o = { 0 };
	struct progress p = { 0 };
	char def[64], question[1200], err[512];
	struct stat st;
	unsigned flags = 0;
	char *dir;

	if (!m->app->session) {
		ui_error("%s", _("no current session (create one with session new)"));
		return;
	}
	str_printf(def, sizeof def, "minutes-session-%lld", m->app->session);
	o.initial = def;
	dir = ui_prompt(_("Export the minutes to the folder:"), &o);
	if (!dir || !*dir) {
		free(dir);
		return;
	}
	if (stat(dir, &st) == 0) {
		str_printf(question, sizeof question, _("%s exists: replace?"), dir);
		if (!ui_confirm(question)) {
			ui_message("%s", _("export cancelled"));
			free(dir);
			return;
		}
		flags |= EXPORT_FORCE;
	}
	ui_progress(_("exporting to %s…"), dir);
	if (export_session(m->app->db, m->app->session, dir, flags, export_progress, &p, err,
			   sizeof err) != 0)
		ui_error(_("error: %s"), err);
	else
		ui_message(_("ok exported to %s (%lld rows)"), dir, p.done + p.rows);
	free(dir);
}

/* ---- the meeting report ---- */

static void report_progress(void *ud, const char *part, long long rows)
{
	(void)ud;
	ui_progress(_("writing the report… %s: %lld rows"), part, rows);
}

/* r: the report of the session into a file (HTML unless the name says
 * .odt or .xml), with the progress on the message line. */
static void report_minutes(struct minutes_screen *m)
{
	struct ui_prompt_opts o = { 0 };
	char def[64], question[1200], err[1200], fp[65];
	enum report_format f;
	struct stat st;
	unsigned flags = 0;
	char *file;

	if (!m->app->session) {
		ui_error("%s", _("no current session (create one with session new)"));
		return;
	}
	str_printf(def, sizeof def, "report-session-%lld.html", m->app->session);
	o.initial = def;
	file = ui_prompt(_("Write the report to the file (.html, .odt, .xml):"), &o);
	if (!file || !*file) {
		free(file);
		return;
	}
	if (report_format_of_path(file, &f) != 0) {
		ui_error(_("error: %s: the extension names no format; add --format html|odt|akn"),
			 file);
		free(file);
		return;
	}
	if (stat(file, &st) == 0) {
		str_printf(question, sizeof question, _("%s exists: replace?"), file);
		if (!ui_confirm(question)) {
			ui_message("%s", _("report cancelled"));
			free(file);
			return;
		}
		flags |= REPORT_FORCE;
	}
	ui_progress(_("writing the report to %s…"), file);
	if (report_render(m->app->db, m->app->session, file, f, flags, report_progress, NULL, fp,
			  err, sizeof err) != 0)
		ui_error(_("error: %s"), err);
	else
		ui_message(_("ok report written to %s (fingerprint %.12s)"), file, fp);
	free(file);
}

/* ---- keys, search, close ---- */

/* Enter: the selected entry whole, over the screen. */
static void show_entry(struct minutes_screen *m)
{
	const struct minutes_line *r = minutes_view_selected(&m->v);
	char title[64], *text;

	if (!r)
		return;
	text = minutes_entry_text(m->app->db, r->seq);
	if (!text) {
		ui_error("%s", _("cannot read the journal"));
		return;
	}
	str_printf(title, sizeof title, _("Journal entry %lld"), r->seq);
	ui_view_text(title, text);
	free(text);
}

static unsigned minutes_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct minutes_screen *m = s->data;
	struct minutes_filter none;
	unsigned r;

	(void)app;
	if (!m)
		return H_IGNORED;
	refresh_page(m);
	if ((r = navigate(m, ev->key)) != H_IGNORED)
		return r;
	if (ev->cmd == CMD_EXPORT) {
		export_minutes(m);
		return H_DONE;
	}
	if (ev->cmd == CMD_REPORT) {
		report_minutes(m);
		return H_DONE;
	}
	if (!m->app->session)
		return H_IGNORED;
	switch (ev->cmd) {
	case CMD_FILTER_ITEM:
		return filter_item(m);
	case CMD_FILTER_DELEGATION:
		return filter_delegation(m);
	case CMD_FILTER_EVENT:
		return filter_event(m);
	case CMD_FILTER_CLEAR:
		memset(&none, 0, sizeof none);
		return apply_filter(m, &none);
	case CMD_SHOW:
		show_entry(m);
		return H_DONE;
	default:
		return H_IGNORED; /* note: the shell's command line */
	}
}

/* The first entry matching needle with seq in (after, upto), or 0. Reads
 * the filtered journal by key, a chunk at a time. */
static long long find(struct minutes_screen *m, struct minutes_row *buf, long long after,
		      long long upto, const char *needle)
{
	size_t n;

	do {
		if (minutes_after(m->app->db, m->v.session, &m->v.filter, after, buf, SEARCH_CHUNK,
				  &n) < 0)
			return 0;
		for (size_t i = 0; i < n; i++) {
			struct minutes_line l = { .seq = buf[i].seq, .time = buf[i].time,
						  .item = buf[i].item, .actor = buf[i].actor,
						  .detail = buf[i].detail };

			if (buf[i].seq >= upto)
				return 0;
			str_copy(l.event, buf[i].event, sizeof l.event);
			str_copy(l.delegation, buf[i].delegation, sizeof l.delegation);
			if (widget_match(entry_text(m, &l), needle))
				return buf[i].seq;
		}
		if (n)
			after = buf[n - 1].seq;
	} while (n == SEARCH_CHUNK);
	return 0;
}

/* / and n: the next matching entry after the selection (from it when
 * !next), wrapping to the oldest. */
static bool minutes_search(struct screen *s, const char *needle, bool next)
{
	struct minutes_screen *m = s->data;
	const struct minutes_line *cur;
	struct minutes_row *buf;
	long long from, seq;

	if (!m || !m->loaded || !needle || !*needle)
		return false;
	refresh_page(m);
	cur = minutes_view_selected(&m->v);
	if (!cur)
		return false;
	from = cur->seq - (next ? 0 : 1);
	buf = xmalloc(SEARCH_CHUNK * sizeof *buf);
	seq = find(m, buf, from, LLONG_MAX, needle);
	if (!seq)
		seq = find(m, buf, 0, from + 1, needle);
	free(buf);
	if (!seq)
		return false;
	for (int i = 0; i < m->v.n; i++)
		if (m->v.rows[i].seq == seq) {
			m->v.sel = i;
			sync_list(m, false);
			return true;
		}
	report(minutes_view_anchor(&m->v, seq, m->v.sel));
	sync_list(m, true);
	return true;
}

/* Left for another tab: the page goes, its place stays (the view's
 * minutes_view_shed; the filters too); open() reads it back there. */
static void minutes_hide(struct screen *s)
{
	struct minutes_screen *m = s->data;

	if (m && m->loaded)
		minutes_view_shed(&m->v);
}

static size_t minutes_held(const struct screen *s)
{
	const struct minutes_screen *m = s->data;

	size_t sum = (size_t)(m->v.cap + m->v.tmp_cap) * sizeof *m->v.rows;

	for (int i = 0; i < m->v.n; i++)
		sum += strlen(m->v.rows[i].actor) + strlen(m->v.rows[i].detail) + 2;
	return sum;
}

static void minutes_close(struct screen *s)
{
	struct minutes_screen *m = s->data;

	if (!m)
		return;
	minutes_view_free(&m->v);
	free(m);
	s->data = NULL;
}

const struct screen_ops minutes_screen_ops = {
	.name = N_("Minutes"),
	.open = minutes_open,
	.layout = minutes_layout,
	.draw = minutes_draw,
	.handle = minutes_handle,
	.close = minutes_close,
	.search = minutes_search,
	.hide = minutes_hide,
	.held = minutes_held,
};
