/*
 * recs_detail.c — the detail of one recommendation on the Recommendations
 * screen (its latest text in French and English, who proposed it, the
 * objections — those of member states present block adoption — and the
 * reservations, listed with the adopted text), and the actions of the
 * command table's keys on a recommendation, with the pick lists of member
 * states (R5: author, co-sponsor, proposer of an amendment, reservation,
 * objection are member states; an observer can only be typed on the
 * command line, where the command refuses it).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance.h"
#include "i18n.h"
#include "keys.h"
#include "recs_detail.h"
#include "rules.h"
#include "util.h"

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

static void recs_detail_build(struct recs *r)
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
	tv_span(&r->detail, recs_status_label(d->status), ui_attr(recs_status_role(d->status)) | A_BOLD);
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

/* ---- actions ---- */

/* Neither the author nor the co-sponsors already there are offered. */
static void act_cosponsor(struct recs *r, const struct rec_row *row)
{
	char label[128], *code, *except;

	str_printf(label, sizeof label, _("Co-sponsor of R%lld (member states):"), row->num);
	except = xasprintf("%s; %s", row->author, row->cosponsors ? row->cosponsors : "");
	if ((code = recs_pick_member_except(r, label, except)))
		ui_execf(r->app, "cosponsor %lld %s", row->num, code);
	free(except);
	free(code);
}

struct party_ref {
	long long num;
	const char *code;
	bool objection;
};

static char *party_line(const struct ui_ask *ask, void *ud)
{
	const struct party_ref *p = ud;
	char *q = recs_quote(ask->answer);
	char *line = xasprintf("%s %lld %s %s", p->objection ? "object" : "reserve", p->num,
			       p->code, q);

	free(q);
	return line;
}

/* The wording (or reason) last cancelled with Esc: offered again when the
 * prompt opens for the same recommendation — Esc is meant, but a slip is
 * common. */
static struct {
	long long session, num;
	bool objection;
	char *text;
} cancelled;

/* After the prompt of act_party: keep what Esc cancelled (kept), or
 * forget the cancelled text once the command is done. */
static void remember_cancelled(struct recs *r, long long num, bool objection, char *kept,
			       bool done)
{
	if (kept) {
		free(cancelled.text);
		cancelled.session = r->app->session;
		cancelled.num = num;
		cancelled.objection = objection;
		cancelled.text = kept;
	} else if (done && cancelled.text && cancelled.session == r->app->session &&
		   cancelled.num == num && cancelled.objection == objection) {
		xfree(&cancelled.text);
	}
}

/* reserve or object: a member state and a reason. */
static void act_party(struct recs *r, long long num, bool objection)
{
	char label[160], *code, *kept = NULL;
	int rc;

	str_printf(label, sizeof label,
		   objection ? _("Objection to R%lld by (member states):")
			     : _("Reservation on R%lld by (member states):"),
		   num);
	if (!(code = recs_pick_member(r, label, NULL)))
		return;
	/* The wording is drafted: a dropped link does not lose it; a wording
	 * the database could not store (busy, disk full) comes back. */
	struct party_ref p = { num, code, objection };
	struct ui_ask ask = { .label = label, .opts = { .draft = "reason", .cancelled = &kept } };

	if (cancelled.text && cancelled.session == r->app->session && cancelled.num == num &&
	    cancelled.objection == objection)
		ask.opts.initial = cancelled.text;
	str_printf(label, sizeof label, objection ? _("Reason of %s (may be empty):")
						  : _("Reservation of %s (its wording):"),
		   code);
	rc = ui_ask_run(r->app, &ask, 1, party_line, &p);
	remember_cancelled(r, num, objection, kept, rc == 0);
	ui_ask_free(&ask, 1);
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
			labels[n++] = recs_status_label(recs_status_codes[s]);
		}
	if (n == 0) {
		ui_error(_("R%lld is %s: its status no longer changes"), row->num,
			 recs_status_label(row->status));
		return;
	}
	k = ui_choose(_("New status:"), labels, n, -1);
	if (k >= 0)
		ui_execf(r->app, "status %lld %s", row->num, recs_status_codes[to[k]]);
}

struct rec_field {
	long long num;
	const char *field;
};

/* rec= N FIELD VALUE (empty: - for none). */
static char *rec_set_line(const struct ui_ask *ask, void *ud)
{
	const struct rec_field *e = ud;
	char *q = recs_quote(*ask->answer ? ask->answer : "-");
	char *line = xasprintf("rec= %lld %s %s", e->num, e->field, q);

	free(q);
	return line;
}

static void act_set(struct recs *r, const struct rec_row *row)
{
	static const char *const fields[] = { "title", "theme", "item" };
	const char *labels[] = { _("title"), _("theme"), _("agenda item") };
	struct ui_prompt_opts o = { 0 };
	struct ui_ask ask = { 0 };
	struct rec_field e;
	char label[128], cur[32];
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
	ask.label = label;
	ask.opts = o;
	e.num = row->num;
	e.field = fields[f];
	ui_ask_run(r->app, &ask, 1, rec_set_line, &e);
	ui_ask_free(&ask, 1);
}

/* The action of command cmd on a copy of row (the dispatcher handles
 * rec+ and amend, which open the editor). */
void recs_detail_act(struct recs *r, enum cmd_id cmd, const struct rec_row *row)
{
	switch (cmd) {
	case CMD_COSPONSOR:
		act_cosponsor(r, row);
		break;
	case CMD_RESERVE:
	case CMD_OBJECT:
		act_party(r, row->num, cmd == CMD_OBJECT);
		break;
	case CMD_UNOBJECT:
		act_unobject(r, row->num);
		break;
	case CMD_STATUS:
		act_status(r, row);
		break;
	case CMD_ADOPT:
		ui_execf(r->app, "adopt %lld", row->num);
		break;
	case CMD_REC_SET:
		act_set(r, row);
		break;
	default:
		break;
	}
}

const struct rec_row *recs_detail_row(struct recs *r, struct rec_row *tmp)
{
	if (!r->det_valid)
		return NULL;
	memset(tmp, 0, sizeof *tmp);
	tmp->num = r->det.num;
	tmp->title = r->det.title;
	str_copy(tmp->status, r->det.status, sizeof tmp->status);
	str_copy(tmp->author, r->det.author, sizeof tmp->author);
	tmp->cosponsors = r->det.cosponsors;
	tmp->theme = r->det.theme;
	tmp->item = r->det.item;
	return tmp;
}

static void ensure_built(struct recs *r)
{
	if (r->detail_stale) {
		recs_detail_build(r);
		r->detail_stale = false;
	}
}

void recs_detail_draw(struct recs *r, WINDOW *w)
{
	ensure_built(r);
	tv_draw(&r->detail, w, 0, r->rows - 1, r->cols);
}

unsigned recs_detail_key(struct recs *r, int key)
{
	unsigned res;

	if (key == K_ESC || key == K_BS || keys_nav(key) == NAV_LEFT) {
		/* Back on the list, the row of the recommendation just shown
		 * (one just drafted too): what the keys act on next. */
		for (size_t i = 0; i < r->n_nums; i++)
			if (r->nums[i] == r->num)
				list_select(&r->list, (int)i);
		r->mode = RM_LIST;
		r->full = true;
		return H_DONE | H_REDRAW;
	}
	ensure_built(r);
	if ((res = tv_handle(&r->detail, key, r->rows - 1)) != H_IGNORED) {
		if (res & H_REDRAW)
			r->full = true;
		return res;
	}
	return H_IGNORED;
}
