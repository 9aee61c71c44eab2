/*
 * report_walk2.c — the last parts of the report (report_parts.h): themes
 * (proposals per target, member-state positions, decisions), conclusions
 * and recommendations (the adopted ones in full, the others with their
 * status, speaking time per delegation as a chart), the next meeting, and
 * the annex (corrections since the previous version, the fingerprint).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "minutes.h"
#include "recs.h"
#include "report_parts.h"
#include "themes.h"
#include "util.h"

#define PAGE 64

/* ---- themes ---- */

static const char *decision_label(const char *status)
{
	if (str_eq(status, "selected"))
		return _("selected");
	if (str_eq(status, "rejected"))
		return _("rejected");
	if (str_eq(status, "merged"))
		return _("merged");
	return _("open");
}

static const char *stance_label(enum stance s)
{
	static const char *const l[] = { "", N_("support"), N_("object"), N_("abstain") };

	return s > ST_NONE && s <= ST_ABSTAIN ? _(l[s]) : "";
}

/* "COM: support; MUS: object" from the grid column of proposal num; the
 * codes go into the fingerprint. */
static void positions(struct rp *r, const struct theme_grid *g, long long num, char *buf,
		      size_t size)
{
	size_t p, used = 0;

	buf[0] = '\0';
	for (p = 0; p < g->n_proposals && g->proposals[p] != num; p++)
		;
	for (size_t m = 0; p < g->n_proposals && m < g->n_members && used + 1 < size; m++) {
		enum stance s = g->cells[m * g->n_proposals + p];

		if (s == ST_NONE)
			continue;
		rp_hash(r, g->members[m].code);
		rp_hash(r, rules_stance_code(s));
		used += (size_t)str_printf(buf + used, size - used, "%s%s: %s", used ? "; " : "",
					   g->members[m].code, stance_label(s));
	}
}

static void proposal_row(struct rp *r, const struct proposal_info *p, const struct theme_grid *g)
{
	char num[16], sup[16], obj[16], abs[16], dec[64], pos[1024];
	const char *cells[7] = { num, p->title, p->proposer, sup, obj, dec, pos };

	str_printf(num, sizeof num, "P%lld", p->num);
	str_printf(sup, sizeof sup, "%d", p->outcome.support);
	str_printf(obj, sizeof obj, "%d", p->outcome.object);
	str_printf(abs, sizeof abs, "%d", p->outcome.abstain);
	if (p->merged_into)
		str_printf(dec, sizeof dec, _("merged into P%lld"), p->merged_into);
	else
		str_copy(dec, decision_label(p->status), sizeof dec);
	positions(r, g, p->num, pos, sizeof pos);
	rp_hash(r, p->target);
	rp_hash_int(r, p->num);
	rp_hash(r, p->title_stored); /* the same in every language */
	rp_hash(r, p->proposer);
	rp_hash(r, p->status);
	rp_hash_int(r, p->merged_into);
	r->o->ops->row(r->o->w, cells);
	rp_row_done(r, "themes");
	if (str_eq(p->target, "next") && str_eq(p->status, "selected")) {
		size_t used = strlen(r->next_theme);

		str_printf(r->next_theme + used, sizeof r->next_theme - used, "%s%s",
			   used ? "; " : "", p->title);
	}
}

/* Emit a batch of proposals of one target with their positions. */
static void proposal_batch(struct rp *r, struct proposal_info *p, size_t n)
{
	struct theme_grid g = { 0 };

	if (!n)
		return;
	if (themes_view_grid(r->db, r->session, p, n, &g) != 0) {
		rp_fail(r, DB_ERROR);
		return;
	}
	for (size_t i = 0; i < n; i++)
		proposal_row(r, &p[i], &g);
	themes_grid_free(&g);
}

/* Every proposal of target t, merged ones included, in number order: read
 * by number (P1, P2, … are numbered within the session), a batch at a time. */
static void target(struct rp *r, const char *t, const char *title)
{
	const char *head[7] = { _("No."), _("Theme"), _("Proposed by"), _("Support"),
				_("Object"), _("Decision"), _("Positions") };
	struct proposal_info *batch = xcalloc(PAGE, sizeof *batch);
	size_t n = 0, total = 0;
	int rc = 0;

	r->o->ops->section(r->o->w, 2, t, title);
	r->o->ops->table(r->o->w, RT_PLAIN, 7, head);
	for (long long num = 1; rc == 0; num++) {
		rc = themes_proposal_get(r->db, r->session, num, &batch[n]);
		if (rc == 0 && !str_eq(batch[n].target, t))
			themes_proposal_clear(&batch[n]);
		else if (rc == 0 && ++n == PAGE) {
			proposal_batch(r, batch, n);
			for (size_t i = 0; i < n; i++)
				themes_proposal_clear(&batch[i]);
			total += n;
			n = 0;
		}
	}
	if (rc < 0)
		rp_fail(r, DB_ERROR);
	proposal_batch(r, batch, n);
	for (size_t i = 0; i < n; i++)
		themes_proposal_clear(&batch[i]);
	r->o->ops->table_end(r->o->w);
	if (!total && !n)
		r->o->ops->para(r->o->w, RP_SMALL, _("No proposal."));
	r->o->ops->section_end(r->o->w);
	free(batch);
}

void rp_themes(struct rp *r)
{
	r->o->ops->section(r->o->w, 1, "themes", _("Themes"));
	target(r, "workshop", _("Themes of this meeting's workshops"));
	target(r, "next", _("Theme of the next meeting"));
	r->o->ops->section_end(r->o->w);
}

/* ---- recommendations ---- */

static const char *rec_status_label(const char *code)
{
	static const char *const codes[] = { "draft", "discussion", "adopted", "withdrawn",
					      "deferred", "submitted" };
	static const char *const l[] = { N_("draft"), N_("under discussion"), N_("adopted"),
					  N_("withdrawn"), N_("deferred"), N_("submitted") };

	for (size_t i = 0; i < ARRAY_SIZE(codes); i++)
		if (str_eq(code, codes[i]))
			return _(l[i]);
	return code;
}

static void reservations(struct rp *r, long long num)
{
	struct rec_party *rows = NULL;
	size_t n = 0;

	if (recs_reservations(r->db, r->session, num, &rows, &n) < 0) {
		rp_fail(r, DB_ERROR);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *t = rows[i].reason[0] ?
			xasprintf(_("Reservation of %s: %s"), rows[i].name, rows[i].reason) :
			xasprintf(_("Reservation of %s."), rows[i].name);

		rp_hash(r, rows[i].code);
		rp_hash(r, rows[i].reason);
		r->o->ops->para(r->o->w, RP_NOTE, t);
		free(t);
	}
	recs_parties_free(&rows, n);
}

static void adopted(struct rp *r, const struct rec_detail *d)
{
	char name[32], title[600], when[64], line[1200];

	str_printf(name, sizeof name, "rec-%lld", d->num);
	str_printf(title, sizeof title, "R%lld — %s", d->num, d->title);
	str_copy(when, d->adopted_at, 11);
	rp_date(when, when, sizeof when);
	str_printf(line, sizeof line, _("Author: %s. Co-sponsors: %s. Version %d, adopted on %s."),
		   d->author_name, d->cosponsors[0] ? d->cosponsors : _("none"), d->version, when);
	rp_hash_int(r, d->num);
	rp_hash(r, d->title);
	rp_hash(r, d->status);
	rp_hash(r, d->author);
	rp_hash(r, d->cosponsors);
	rp_hash_int(r, d->version);
	rp_hash(r, d->adopted_at);
	rp_hash(r, d->text_fr);
	rp_hash(r, d->text_en);
	r->o->ops->section(r->o->w, 3, name, title);
	r->o->ops->para(r->o->w, RP_SMALL, line);
	r->o->ops->para(r->o->w, RP_QUOTE, d->text_fr);
	if (d->text_en[0]) {
		r->o->ops->para(r->o->w, RP_SMALL, _("English text:"));
		r->o->ops->para(r->o->w, RP_QUOTE, d->text_en);
	}
	reservations(r, d->num);
	r->o->ops->section_end(r->o->w);
	rp_row_done(r, "recommendations");
}

static void keep_other(struct rp *r, const struct rec_row *x)
{
	struct rp_other *o;

	if (r->noth == r->capoth) {
		r->capoth = r->capoth ? r->capoth * 2 : 16;
		r->oth = xrealloc(r->oth, r->capoth * sizeof *r->oth);
	}
	o = &r->oth[r->noth++];
	o->num = x->num;
	o->title = xstrdup(x->title);
	str_copy(o->author, x->author, sizeof o->author);
	str_copy(o->status, x->status, sizeof o->status);
	rp_hash_int(r, x->num);
	rp_hash(r, x->title);
	rp_hash(r, x->status);
	rp_hash(r, x->author);
	rp_row_done(r, "recommendations");
}

static void one_rec(struct rp *r, const struct rec_row *x)
{
	struct rec_detail d;

	if (!str_eq(x->status, "adopted") && !str_eq(x->status, "submitted")) {
		keep_other(r, x);
		return;
	}
	if (recs_get(r->db, r->session, x->num, &d) != 0) {
		rp_fail(r, DB_ERROR);
		return;
	}
	adopted(r, &d);
	recs_detail_clear(&d);
}

static void others(struct rp *r)
{
	const char *head[4] = { _("No."), _("Title"), _("Author"), _("Status") };

	r->o->ops->section(r->o->w, 2, "other-recommendations", _("Other recommendations"));
	if (!r->noth)
		r->o->ops->para(r->o->w, RP_SMALL, _("None."));
	else
		r->o->ops->table(r->o->w, RT_PLAIN, 4, head);
	for (size_t i = 0; i < r->noth; i++) {
		char num[16];
		const char *cells[4] = { num, r->oth[i].title, r->oth[i].author,
					 rec_status_label(r->oth[i].status) };

		str_printf(num, sizeof num, "R%lld", r->oth[i].num);
		r->o->ops->row(r->o->w, cells);
	}
	if (r->noth)
		r->o->ops->table_end(r->o->w);
	r->o->ops->section_end(r->o->w);
}

static void speaking_chart(struct rp *r)
{
	struct report_bar *b = xcalloc(r->nspk ? r->nspk : 1, sizeof *b);
	char (*val)[48] = xcalloc(r->nspk ? r->nspk : 1, sizeof *val);
	struct report_chart c = {
		.name = "speaking", .title = _("Speaking time per delegation"),
		.b_label = _("speaking time"), .bars = b, .n = r->nspk,
	};

	r->o->ops->section(r->o->w, 2, "speaking-time", c.title);
	for (size_t i = 0; i < r->nspk; i++) {
		char d[32];

		str_printf(val[i], sizeof val[i], "%s (%d)",
			   rp_minutes(r->spk[i].seconds, d, sizeof d), r->spk[i].count);
		b[i] = (struct report_bar){ .label = r->spk[i].name, .b1 = (double)r->spk[i].seconds,
					    .value = val[i] };
	}
	if (r->nspk)
		r->o->ops->chart(r->o->w, &c);
	else
		r->o->ops->para(r->o->w, RP_SMALL, _("No intervention was recorded."));
	r->o->ops->section_end(r->o->w);
	free(b);
	free(val);
}

void rp_recommendations(struct rp *r)
{
	struct rec_row *rows = NULL;
	long long after = 0;
	size_t n;

	r->o->ops->section(r->o->w, 1, "recommendations", _("Conclusions and recommendations"));
	r->o->ops->section(r->o->w, 2, "adopted", _("Adopted recommendations"));
	do {
		if (recs_list(r->db, r->session, NULL, NULL, after, PAGE, &rows, &n) != 0) {
			rp_fail(r, DB_ERROR);
			break;
		}
		for (size_t i = 0; i < n; i++)
			one_rec(r, &rows[i]);
		if (n)
			after = rows[n - 1].num;
		recs_list_free(&rows, n);
	} while (n == PAGE);
	r->o->ops->section_end(r->o->w);
	others(r);
	speaking_chart(r);
	r->o->ops->section_end(r->o->w);
}

/* ---- next meeting, annex ---- */

void rp_next_meeting(struct rp *r)
{
	char *t;

	r->o->ops->section(r->o->w, 1, "next-meeting", _("Next meeting"));
	if (r->next_theme[0])
		t = xasprintf(_("Theme chosen for the next meeting: %s."), r->next_theme);
	else
		t = xstrdup(_("No theme was chosen for the next meeting."));
	r->o->ops->para(r->o->w, RP_TEXT, t);
	free(t);
	r->o->ops->section_end(r->o->w);
}

static bool lifecycle_event(const char *e)
{
	return str_eq(e, "minutes_circulate") || str_eq(e, "minutes_approve") ||
	       str_eq(e, "session_open") || str_eq(e, "session_close") ||
	       str_eq(e, "session_reopen");
}

/* One correction: when, what (in the reader's language), and the state
 * before and after it as the journal keeps them. */
static void correction_row(struct rp *r, const struct minutes_row *m)
{
	char t[32], *owned;
	char *before = db_text(r->db, "SELECT before FROM journal WHERE seq = ?", "i", m->seq);
	char *after = db_text(r->db, "SELECT after FROM journal WHERE seq = ?", "i", m->seq);
	const char *cells[4] = { rp_when(r, m->time, t, sizeof t),
				 minutes_row_text(r->db, m, &owned), before ? before : "",
				 after ? after : "" };

	r->o->ops->row(r->o->w, cells);
	free(owned);
	free(before);
	free(after);
}

/* The journal rows in (from, to] that changed the record. */
static void corrections(struct rp *r, long long from, long long to)
{
	const char *head[4] = { _("Time"), _("Correction"), _("Before"), _("After") };
	struct minutes_row *rows = xcalloc(PAGE, sizeof *rows);
	size_t n, count = 0;

	do {
		if (rp_fail(r, minutes_after(r->db, r->session, NULL, from, rows, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n && (!to || rows[i].seq <= to); i++) {
			if (lifecycle_event(rows[i].event))
				continue;
			if (!count++)
				r->o->ops->table(r->o->w, RT_PLAIN, 4, head);
			correction_row(r, &rows[i]);
		}
		if (n)
			from = rows[n - 1].seq;
	} while (n == PAGE && (!to || from < to));
	if (count)
		r->o->ops->table_end(r->o->w);
	else
		r->o->ops->para(r->o->w, RP_SMALL, _("None."));
	free(rows);
}

void rp_annex(struct rp *r, const char *fp)
{
	char title[128];

	r->o->ops->section(r->o->w, 1, "annex", _("Annex"));
	if (r->st.version > 0 && (r->changed || r->st.version > 1)) {
		int since = r->changed ? r->st.version : r->st.version - 1;

		str_printf(title, sizeof title, _("Corrections since version %d"), since);
		r->o->ops->section(r->o->w, 2, "corrections", title);
		if (r->changed)
			corrections(r, r->st.journal_seq, 0);
		else
			corrections(r, r->st.prev_journal_seq, r->st.journal_seq);
		r->o->ops->section_end(r->o->w);
	}
	r->o->ops->section(r->o->w, 2, "fingerprint", _("Fingerprint of the record"));
	r->o->ops->para(r->o->w, RP_SMALL,
			_("SHA-256 of the rows this report was built from. Two copies of the "
			  "report come from the same record when they show the same fingerprint."));
	r->o->ops->para(r->o->w, RP_TEXT, fp);
	r->o->ops->section_end(r->o->w);
	r->o->ops->section_end(r->o->w);
}
