/*
 * recs.c — the Recommendations screen (DESIGN §4.5, R5, R7): the list of
 * the session's recommendations (number, status, author, co-sponsors,
 * theme, agenda item, title) with filters by status (f) and theme (F);
 * the detail of one (Enter: its latest text, French and English, who
 * proposed it, objections — those of member states present block
 * adoption — and reservations, listed with the adopted text); the
 * workflow keys of the command table (a rec+, e amend, c cosponsor,
 * r reserve, o object, O unobject, t status, A adopt, = rec=); the
 * history (v, recs_history.c) and the editor (recs_edit.c).
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
#include "recs_screen.h"
#include "rules.h"
#include "util.h"

static const char *const status_codes[] = { "draft",     "discussion", "adopted",
					    "withdrawn", "deferred",   "submitted" };

const char *recs_status_label(const char *code)
{
	switch (rules_rec_status(code)) {
	case RS_DRAFT:
		return _("draft");
	case RS_DISCUSSION:
		return _("discussion");
	case RS_ADOPTED:
		return _("adopted");
	case RS_WITHDRAWN:
		return _("withdrawn");
	case RS_DEFERRED:
		return _("deferred");
	case RS_SUBMITTED:
		return _("submitted");
	default:
		return code;
	}
}

static enum ui_role status_role(const char *code)
{
	switch (rules_rec_status(code)) {
	case RS_ADOPTED:
	case RS_SUBMITTED:
		return ROLE_GOOD;
	case RS_DISCUSSION:
		return ROLE_RUNNING;
	case RS_WITHDRAWN:
	case RS_DEFERRED:
		return ROLE_SKIPPED;
	default:
		return ROLE_NORMAL;
	}
}

char *recs_quote(const char *s)
{
	size_t n = s ? strlen(s) : 0, k = 0;
	char *out = xmalloc(2 * n + 3);

	out[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			out[k++] = '\\';
			out[k++] = s[i];
		} else if (s[i] == '\n') {
			out[k++] = '\\';
			out[k++] = 'n';
		} else if (s[i] != '\r') {
			out[k++] = s[i];
		}
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

/* ---- member states (R5 pick lists) ---- */

char **recs_member_codes(struct recs *r, size_t *n)
{
	struct att_delegation *rows = NULL;
	size_t got = 0, cap = 16;
	char **codes = xcalloc(cap + 1, sizeof *codes);

	*n = 0;
	/* Members come first (the list is grouped by type): one page. */
	if (r->app->session &&
	    attendance_delegations(r->app->db, r->app->session, NULL, 200, &rows, &got) == 0) {
		for (size_t i = 0; i < got && rows[i].type == DT_MEMBER; i++) {
			if (*n == cap) {
				cap *= 2;
				codes = xrealloc(codes, (cap + 1) * sizeof *codes);
			}
			codes[(*n)++] = xstrdup(rows[i].code);
			codes[*n] = NULL;
		}
	}
	free(rows);
	return codes;
}

char *recs_pick_member(struct recs *r, const char *label, const char *dflt)
{
	size_t n;
	char **codes = recs_member_codes(r, &n), *out = NULL;
	int d = -1;

	if (n == 0) {
		ui_error("%s", _("no member state in this process"));
	} else if (n <= 9) {
		for (size_t i = 0; i < n; i++)
			if (dflt && !strcmp(codes[i], dflt))
				d = (int)i;
		d = ui_choose(label, (const char *const *)codes, (int)n, d);
		if (d >= 0)
			out = xstrdup(codes[d]);
	} else {
		struct ui_prompt_opts o = { .initial = dflt, .complete = COMPLETE_LIST,
					    .choices = (const char *const *)codes };

		out = ui_prompt(label, &o);
		if (out && !*out)
			xfree(&out);
	}
	recs_codes_free(&codes, n);
	return out;
}

/* ---- the list ---- */

enum { C_NUM = 4, C_STATUS = 11, C_AUTHOR = 4, C_COSP = 11, C_THEME = 12, C_ITEM = 3 };

static void load_page(struct recs *r)
{
	size_t want = r->list.height > 0 ? (size_t)r->list.height : 1;
	long long after = r->list.top > 0 && (size_t)r->list.top <= r->n_nums
				  ? r->nums[r->list.top - 1] : 0;

	recs_list_free(&r->page, r->page_n);
	r->page_n = 0;
	r->page_top = r->list.top;
	if (r->app->session)
		recs_list(r->app->db, r->app->session,
			  r->status_filter ? status_codes[r->status_filter - 1] : NULL,
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
			ui_attr(status_role(row->status)));
	cx += C_STATUS + 1;
	widget_text(w, y, cx, C_AUTHOR, row->author, normal, false);
	cx += C_AUTHOR + 1;
	widget_text_fit(w, y, cx, C_COSP, row->cosponsors, normal);
	cx += C_COSP + 1;
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
		      r->status_filter ? status_codes[r->status_filter - 1] : NULL,
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

/* The last row: a recovered draft's offer, else the local keys. */
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
			   r->status_filter ? recs_status_label(status_codes[r->status_filter - 1])
					    : _("all"));
		str_printf(ft, sizeof ft, _("theme: %s"), r->theme_filter[0] ? r->theme_filter
									: _("all"));
		pairs[k++] = "Enter";
		pairs[k++] = _("open");
		pairs[k++] = "f";
		pairs[k++] = fs;
		pairs[k++] = "F";
		pairs[k++] = ft;
		pairs[k++] = "v";
		pairs[k++] = _("versions");
	} else {
		pairs[k++] = "Esc";
		pairs[k++] = _("list");
		pairs[k++] = "v";
		pairs[k++] = _("versions and diff");
		pairs[k++] = "↑↓";
		pairs[k++] = _("scroll");
	}
	pairs[k] = pairs[k + 1] = NULL;
	draw_keys(w, r->rows - 1, r->cols, pairs);
}

/* ---- the detail ---- */

static void detail_party_lines(struct recs *r, const char *heading, struct rec_party *p, size_t n,
			       bool objections)
{
	int width = r->cols;

	if (!n)
		return;
	tv_line(&r->detail);
	tv_span(&r->detail, heading, ui_attr(ROLE_HEADER));
	for (size_t i = 0; i < n; i++) {
		char *line;

		if (objections)
			line = xasprintf("  %s %s (%s)%s%s", p[i].code, p[i].name,
					 p[i].present ? _("present: blocks adoption")
						      : _("absent: does not block"),
					 p[i].reason[0] ? ": " : "", p[i].reason);
		else
			line = xasprintf("  %s %s%s%s", p[i].code, p[i].name, p[i].reason[0] ? ": " : "",
					 p[i].reason);
		tv_wrap(&r->detail, line,
			objections && p[i].present ? ui_attr(ROLE_BAD) : ui_attr(ROLE_NORMAL),
			width, 0);
		free(line);
	}
}

static void detail_build(struct recs *r)
{
	struct rec_detail *d = &r->det;
	struct rec_party *objs = NULL, *ress = NULL;
	size_t n_objs = 0, n_ress = 0, keep = r->detail.scroll;
	attr_t norm = ui_attr(ROLE_NORMAL), head = ui_attr(ROLE_HEADER);
	char *s, t1[8], t2[8];

	tv_clear(&r->detail);
	r->detail.scroll = 0;
	if (!r->det_valid) {
		tv_line(&r->detail);
		tv_span(&r->detail, _("This recommendation no longer exists."), ui_attr(ROLE_DIM));
		return;
	}
	s = xasprintf("R%lld  %s", d->num, d->title);
	tv_wrap(&r->detail, s, ui_attr(ROLE_RUNNING), r->cols, 0);
	free(s);
	tv_line(&r->detail);
	tv_span(&r->detail, _("Status: "), norm);
	tv_span(&r->detail, recs_status_label(d->status), ui_attr(status_role(d->status)) | A_BOLD);
	s = xasprintf(_("   Author: %s %s   Version %d (%s, %s)"), d->author, d->author_name,
		      d->version, d->version_by,
		      time_hm(time_parse(d->version_at), t1, sizeof t1));
	tv_span(&r->detail, s, norm);
	free(s);
	s = xasprintf(_("Co-sponsors: %s"), d->cosponsors[0] ? d->cosponsors : "—");
	tv_wrap(&r->detail, s, norm, r->cols, 0);
	free(s);
	s = xasprintf(_("Theme: %s%s%s"), d->theme[0] ? d->theme : "—",
		      d->theme_title[0] ? " — " : "", d->theme_title);
	tv_wrap(&r->detail, s, norm, r->cols, 0);
	free(s);
	if (d->item)
		s = xasprintf(_("Agenda item: %lld %s"), d->item, d->item_title);
	else
		s = xasprintf(_("Agenda item: %s"), "—");
	tv_wrap(&r->detail, s, norm, r->cols, 0);
	free(s);
	if (d->adopted_at[0]) {
		s = d->submitted_at[0]
			    ? xasprintf(_("Adopted at %s, submitted at %s"),
					time_hm(time_parse(d->adopted_at), t1, sizeof t1),
					time_hm(time_parse(d->submitted_at), t2, sizeof t2))
			    : xasprintf(_("Adopted at %s"),
					time_hm(time_parse(d->adopted_at), t1, sizeof t1));
		tv_wrap(&r->detail, s, ui_attr(ROLE_GOOD), r->cols, 0);
		free(s);
	}
	recs_objections(r->app->db, r->app->session, d->num, &objs, &n_objs);
	recs_reservations(r->app->db, r->app->session, d->num, &ress, &n_ress);
	detail_party_lines(r, _("Objections:"), objs, n_objs, true);
	detail_party_lines(r, _("Reservations:"), ress, n_ress, false);
	recs_parties_free(&objs, n_objs);
	recs_parties_free(&ress, n_ress);
	tv_line(&r->detail);
	tv_line(&r->detail);
	tv_span(&r->detail, _("Text (French)"), head);
	tv_wrap(&r->detail, d->text_fr, norm, r->cols, 2);
	if (d->text_en && d->text_en[0]) {
		tv_line(&r->detail);
		tv_line(&r->detail);
		tv_span(&r->detail, _("Text (English)"), head);
		tv_wrap(&r->detail, d->text_en, norm, r->cols, 2);
	}
	r->detail.scroll = keep < r->detail.n ? keep : 0;
}

void recs_load_detail(struct recs *r)
{
	if (r->det_valid)
		recs_detail_clear(&r->det);
	r->det_valid = r->num > 0 && r->app->session &&
		       recs_get(r->app->db, r->app->session, r->num, &r->det) == 0;
	if (!r->det_valid)
		memset(&r->det, 0, sizeof r->det);
	detail_build(r);
}

/* ---- actions ---- */

static void act_cosponsor(struct recs *r, long long num)
{
	char label[128], *code;

	str_printf(label, sizeof label, _("Co-sponsor of R%lld (member states):"), num);
	if ((code = recs_pick_member(r, label, NULL)))
		ui_execf(r->app, "cosponsor %lld %s", num, code);
	free(code);
}

/* reserve or object: a member state and a reason. */
static void act_party(struct recs *r, long long num, bool objection)
{
	char label[160], *code, *reason = NULL, *q, *line;

	str_printf(label, sizeof label,
		   objection ? _("Objection to R%lld by (member states):")
			     : _("Reservation on R%lld by (member states):"),
		   num);
	if (!(code = recs_pick_member(r, label, NULL)))
		return;
	str_printf(label, sizeof label, objection ? _("Reason of %s (may be empty):")
						  : _("Reservation of %s (its wording):"),
		   code);
	if ((reason = ui_prompt(label, NULL))) {
		q = recs_quote(reason);
		line = xasprintf("%s %lld %s %s", objection ? "object" : "reserve", num, code, q);
		ui_exec(r->app, line);
		free(line);
		free(q);
	}
	free(reason);
	free(code);
}

static void act_unobject(struct recs *r, long long num)
{
	struct rec_party *objs = NULL;
	size_t n = 0;
	const char *labels[9];
	int k = 0;

	recs_objections(r->app->db, r->app->session, num, &objs, &n);
	if (n == 0) {
		ui_error(_("no objection to R%lld"), num);
	} else if (n == 1) {
		ui_execf(r->app, "unobject %lld %s", num, objs[0].code);
	} else {
		for (size_t i = 0; i < n && i < 9; i++)
			labels[i] = objs[i].code;
		k = ui_choose(_("Withdraw the objection of:"), labels, n < 9 ? (int)n : 9, -1);
		if (k >= 0)
			ui_execf(r->app, "unobject %lld %s", num, objs[k].code);
	}
	recs_parties_free(&objs, n);
}

static void act_status(struct recs *r, const struct rec_row *row)
{
	enum rec_status from = rules_rec_status(row->status);
	const char *labels[6];
	int to[6], n = 0, k;

	for (int s = RS_DRAFT; s <= RS_SUBMITTED; s++)
		if (s != (int)from && (rules_rec_transition(from, (enum rec_status)s) ||
				       (s == RS_ADOPTED && rules_rec_may_adopt(from, 0)))) {
			to[n] = s;
			labels[n++] = recs_status_label(status_codes[s]);
		}
	if (n == 0) {
		ui_error(_("R%lld is %s: its status no longer changes"), row->num,
			 recs_status_label(row->status));
		return;
	}
	k = ui_choose(_("New status:"), labels, n, -1);
	if (k >= 0)
		ui_execf(r->app, "status %lld %s", row->num, status_codes[to[k]]);
}

static void act_set(struct recs *r, const struct rec_row *row)
{
	static const char *const fields[] = { "title", "theme", "item" };
	const char *labels[] = { _("title"), _("theme"), _("agenda item") };
	struct ui_prompt_opts o = { 0 };
	char label[128], cur[32], *v, *q, *line;
	int f = ui_choose(_("Change:"), labels, 3, 0);

	if (f < 0)
		return;
	if (f == 0) {
		o.initial = row->title;
	} else if (f == 1) {
		o.initial = row->theme[0] ? row->theme : NULL;
	} else if (row->item) {
		str_printf(cur, sizeof cur, "%lld", row->item);
		o.initial = cur;
	}
	str_printf(label, sizeof label, f == 0 ? _("R%lld, title:") : f == 1
		   ? _("R%lld, theme code (- for none):") : _("R%lld, agenda item (- for none):"),
		   row->num);
	if (!(v = ui_prompt(label, &o)))
		return;
	q = recs_quote(*v ? v : "-");
	line = xasprintf("rec= %lld %s %s", row->num, fields[f], q);
	ui_exec(r->app, line);
	free(line);
	free(q);
	free(v);
}

/* A command key on recommendation row (NULL: none selected). */
static unsigned command_key(struct recs *r, int key, const struct rec_row *row)
{
	const struct command_def *d = ui_key_command(SCR_RECS, key, NULL);
	struct rec_row copy;

	if (!d || (d->flags & CMD_UI))
		return H_IGNORED; /* help, quit, :, / … are the shell's */
	if (!strcmp(d->name, "rec+")) {
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
	copy.cosponsors = NULL;
	if (!strcmp(d->name, "amend")) {
		r->num = copy.num;
		recs_edit_amend(r);
	} else if (!strcmp(d->name, "cosponsor")) {
		act_cosponsor(r, copy.num);
	} else if (!strcmp(d->name, "reserve")) {
		act_party(r, copy.num, false);
	} else if (!strcmp(d->name, "object")) {
		act_party(r, copy.num, true);
	} else if (!strcmp(d->name, "unobject")) {
		act_unobject(r, copy.num);
	} else if (!strcmp(d->name, "status")) {
		act_status(r, &copy);
	} else if (!strcmp(d->name, "adopt")) {
		ui_execf(r->app, "adopt %lld", copy.num);
	} else if (!strcmp(d->name, "rec=")) {
		act_set(r, &copy);
	}
	free(copy.title);
	free(copy.theme);
	return H_DONE | H_REDRAW;
}

/* The row of the detail's recommendation, for command_key. */
static const struct rec_row *detail_row(struct recs *r, struct rec_row *tmp)
{
	if (!r->det_valid)
		return NULL;
	memset(tmp, 0, sizeof *tmp);
	tmp->num = r->det.num;
	tmp->title = r->det.title;
	str_copy(tmp->status, r->det.status, sizeof tmp->status);
	str_copy(tmp->author, r->det.author, sizeof tmp->author);
	tmp->theme = r->det.theme;
	tmp->item = r->det.item;
	return tmp;
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
	if (r->mode != RM_LIST)
		detail_build(r);
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
		if (!r->page_valid || r->page_top != r->list.top)
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
			tv_draw(&r->detail, w, 0, r->rows - 1, r->cols);
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

static unsigned list_key(struct recs *r, int key)
{
	unsigned res;
	const struct rec_row *row;

	if ((res = list_handle(&r->list, key)) != H_IGNORED)
		return res;
	row = row_at(r, r->list.sel);
	switch (key) {
	case K_ENTER:
		if (!row)
			return H_DONE;
		r->num = row->num;
		r->mode = RM_DETAIL;
		recs_load_detail(r);
		r->full = true;
		return H_DONE | H_REDRAW;
	case 'f':
	case 'F':
		if (key == 'f')
			r->status_filter = (r->status_filter + 1) % (int)(ARRAY_SIZE(status_codes) + 1);
		else
			cycle_theme(r);
		load_list(r);
		list_select(&r->list, 0);
		r->full = true;
		return H_DONE | H_REDRAW;
	case 'v':
		if (!row)
			return H_DONE;
		r->num = row->num;
		recs_history_open(r);
		return H_DONE | H_REDRAW;
	default:
		return command_key(r, key, row);
	}
}

static unsigned detail_key(struct recs *r, int key)
{
	struct rec_row tmp;
	unsigned res;

	if (key == K_ESC || key == K_BS || keys_nav(key) == NAV_LEFT) {
		r->mode = RM_LIST;
		r->full = true;
		return H_DONE | H_REDRAW;
	}
	if (key == 'v') {
		recs_history_open(r);
		return H_DONE | H_REDRAW;
	}
	if ((res = tv_handle(&r->detail, key, r->rows - 1)) != H_IGNORED) {
		if (res & H_REDRAW)
			r->full = true;
		return res;
	}
	return command_key(r, key, detail_row(r, &tmp));
}

static unsigned recs_handle(struct screen *s, struct app *app, int key)
{
	struct recs *r = s->data;
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
		return list_key(r, key);
	case RM_DETAIL:
		return detail_key(r, key);
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
};
