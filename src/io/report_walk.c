/*
 * report_walk.c — the first parts of the report (report_parts.h):
 * participation (delegations by type, their delegates, the R4 check),
 * the agenda (planned against actual, with its chart) and the
 * proceedings item by item (interventions and notes). Each list is read a
 * page at a time through the domain modules' read functions.
 */
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "attendance.h"
#include "db.h"
#include "floor.h"
#include "i18n.h"
#include "minutes.h"
#include "report_parts.h"
#include "util.h"

#define PAGE 64

/* ---- participation ---- */

static void delegate_row(struct rp *r, const struct att_delegation *d,
			 const struct att_delegate *g)
{
	char arrived[32], left[32];
	const char *cells[8] = {
		g->name, d->name, g->function, g->level_label, g->entity,
		g->head ? _("head of delegation") : "",
		rp_when(r, time_parse(g->arrived), arrived, sizeof arrived),
		rp_when(r, time_parse(g->left_at), left, sizeof left),
	};

	if (!g->present && !g->arrived[0])
		cells[6] = _("absent");
	rp_hash(r, d->code);
	rp_hash(r, g->name);
	rp_hash(r, g->function);
	rp_hash(r, g->level);
	rp_hash(r, g->entity);
	rp_hash(r, g->category);
	rp_hash_int(r, g->head * 2 + g->present);
	rp_hash(r, g->arrived);
	rp_hash(r, g->left_at);
	r->o->ops->row(r->o->w, cells);
	rp_row_done(r, "participation");
}

static void delegates_of(struct rp *r, const struct att_delegation *d)
{
	struct att_delegate *rows = NULL;
	char after[sizeof rows->name] = "";
	size_t n;

	do {
		if (rp_fail(r, attendance_delegates_seek(r->db, r->session, d->id, after,
							 ATT_SEEK_AFTER, PAGE, &rows, &n)) < 0)
			return;
		for (size_t i = 0; i < n; i++)
			delegate_row(r, d, &rows[i]);
		if (n)
			str_copy(after, rows[n - 1].name, sizeof after);
		free(rows);
		rows = NULL;
	} while (n == PAGE);
}

/* One table per type of delegation, its delegations in code order. */
static void roll_call(struct rp *r)
{
	static const char *const titles[] = { N_("Member states"), N_("Observer states"),
					      N_("Observer organisations") };
	const char *head[8] = { _("Name"), _("Delegation"), _("Function"), _("Level"),
				_("Entity"), _("Head"), _("Arrival"), _("Departure") };
	struct att_delegation_key key = { DT_MEMBER, "" };
	struct att_delegation *rows = NULL;
	bool first = true;
	int open = -1;
	size_t n;

	do {
		if (rp_fail(r, attendance_delegations(r->db, r->session, first ? NULL : &key,
						      PAGE, &rows, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++) {
			if (!rows[i].n_delegates)
				continue;
			if ((int)rows[i].type != open) {
				if (open >= 0)
					r->o->ops->table_end(r->o->w);
				open = (int)rows[i].type;
				r->o->ops->para(r->o->w, RP_TEXT, _(titles[open % 3]));
				r->o->ops->table(r->o->w, RT_ROLL, 8, head);
			}
			delegates_of(r, &rows[i]);
		}
		if (n) {
			key.type = rows[n - 1].type;
			str_copy(key.code, rows[n - 1].code, sizeof key.code);
		}
		first = false;
		free(rows);
		rows = NULL;
	} while (n == PAGE);
	if (open >= 0)
		r->o->ops->table_end(r->o->w);
}

static void check_table(struct rp *r)
{
	const char *head[3] = { _("Member state"), _("Result"), _("Explanation") };
	struct check_row *rows = NULL;
	size_t n = 0;

	r->o->ops->section(r->o->w, 2, "check", _("Delegation-level check (R4)"));
	if (rp_fail(r, attendance_check(r->db, r->session, &rows, &n)) == 0 && n &&
	    !rows[0].applied) {
		/* set r4 off (IDM): no verdict per state, one line. */
		r->o->ops->para(r->o->w, RP_SMALL,
				_("The delegation-level check (R4) does not apply to this session."));
	} else if (r->status == 0) {
		r->o->ops->table(r->o->w, RT_PLAIN, 3, head);
		for (size_t i = 0; i < n; i++) {
			char res[32];
			const char *cells[3] = { rows[i].name, res, rows[i].detail };

			str_printf(res, sizeof res, "%s%s", rules_r4_code(rows[i].r4.result),
				   rows[i].r4.no_head ? " NO_HEAD" : "");
			r->o->ops->row(r->o->w, cells);
		}
		r->o->ops->table_end(r->o->w);
	}
	free(rows);
	r->o->ops->section_end(r->o->w);
}

void rp_participation(struct rp *r)
{
	r->o->ops->section(r->o->w, 1, "participation", _("Participation"));
	roll_call(r);
	check_table(r);
	r->o->ops->section_end(r->o->w);
}

/* ---- agenda ---- */

static const char *item_status_label(enum item_status s)
{
	static const char *const l[] = { N_("pending"), N_("in progress"), N_("done"),
					  N_("skipped"), "?" };

	return _(l[s <= IS_INVALID ? s : IS_INVALID]);
}

struct bars {
	struct report_bar *b;
	char **labels;
	size_t n, cap;
};

static void agenda_row(struct rp *r, const struct agenda_row *a, struct bars *ch)
{
	char num[16], planned[64], actual[64], over[32] = "", t0[32], t1[32], d[32];
	const char *cells[6] = { num, a->title, planned, actual, over, item_status_label(a->status) };
	long span = a->actual_end && a->actual_start ? (long)(a->actual_end - a->actual_start) : 0;

	str_printf(num, sizeof num, "%d", a->num);
	str_printf(planned, sizeof planned, "%s (%s)", rp_when(r, a->planned_start, t0, sizeof t0),
		   rp_minutes(a->planned_minutes * 60L, d, sizeof d));
	actual[0] = '\0';
	if (a->actual_start && a->actual_end)
		str_printf(actual, sizeof actual, "%s–%s (%s)",
			   rp_when(r, a->actual_start, t0, sizeof t0),
			   rp_when(r, a->actual_end, t1, sizeof t1), rp_minutes(span, d, sizeof d));
	else if (a->actual_start)
		str_printf(actual, sizeof actual, _("from %s"),
			   rp_when(r, a->actual_start, t0, sizeof t0));
	if (span && a->planned_minutes && span > a->planned_minutes * 60L + 59)
		str_printf(over, sizeof over, "+%s", rp_minutes(span - a->planned_minutes * 60L, d,
								  sizeof d));
	rp_hash_int(r, a->num);
	rp_hash(r, a->title);
	rp_hash(r, a->kind);
	rp_hash_int(r, a->status);
	rp_hash_int(r, (long long)a->planned_start);
	rp_hash_int(r, a->planned_minutes);
	rp_hash_int(r, (long long)a->actual_start);
	rp_hash_int(r, (long long)a->actual_end);
	rp_hash(r, a->moderator);
	r->o->ops->row(r->o->w, cells);
	rp_row_done(r, "agenda");
	if (ch->n == ch->cap) {
		ch->cap = ch->cap ? ch->cap * 2 : 16;
		ch->b = xrealloc(ch->b, ch->cap * sizeof *ch->b);
		ch->labels = xrealloc(ch->labels, ch->cap * sizeof *ch->labels);
	}
	ch->labels[ch->n] = xasprintf("%d. %.28s%s", a->num, a->title, strlen(a->title) > 28 ? "…" : "");
	ch->b[ch->n] = (struct report_bar){
		.label = ch->labels[ch->n],
		.a0 = (double)a->planned_start, .a1 = (double)(a->planned_start + a->planned_minutes * 60L),
		.b0 = (double)a->actual_start, .b1 = (double)(a->actual_end ? a->actual_end : a->actual_start),
		.value = "",
	};
	ch->n++;
	if (!a->planned_start)
		ch->b[ch->n - 1].a1 = 0;
}

static void agenda_chart(struct rp *r, struct bars *ch)
{
	struct report_chart c = {
		.name = "agenda", .title = _("Agenda: planned and actual times"),
		.a_label = _("planned"), .b_label = _("actual"), .bars = ch->b, .n = ch->n,
	};

	if (ch->n)
		r->o->ops->chart(r->o->w, &c);
	for (size_t i = 0; i < ch->n; i++)
		free(ch->labels[i]);
	free(ch->labels);
	free(ch->b);
}

void rp_agenda(struct rp *r)
{
	const char *head[6] = { _("No."), _("Item"), _("Planned"), _("Actual"), _("Overrun"),
				_("Status") };
	struct agenda_row *rows = xcalloc(PAGE, sizeof *rows);
	struct bars ch = { 0 };
	int after = 0;
	size_t n;

	r->o->ops->section(r->o->w, 1, "agenda", _("Agenda"));
	r->o->ops->table(r->o->w, RT_PLAIN, 6, head);
	do {
		if (rp_fail(r, agenda_list(r->db, r->session, after, rows, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++)
			agenda_row(r, &rows[i], &ch);
		if (n)
			after = rows[n - 1].pos;
	} while (n == PAGE);
	r->o->ops->table_end(r->o->w);
	agenda_chart(r, &ch);
	r->o->ops->section_end(r->o->w);
	free(rows);
}

/* ---- proceedings ---- */

static void count_speaker(struct rp *r, const struct floor_entry *e)
{
	size_t i;

	for (i = 0; i < r->nspk && !str_eq(r->spk[i].code, e->who.code); i++)
		;
	if (i == r->nspk) {
		if (r->nspk == r->capspk) {
			r->capspk = r->capspk ? r->capspk * 2 : 16;
			r->spk = xrealloc(r->spk, r->capspk * sizeof *r->spk);
		}
		memset(&r->spk[i], 0, sizeof r->spk[i]);
		str_copy(r->spk[i].code, e->who.code, sizeof r->spk[i].code);
		str_copy(r->spk[i].name, e->who.delegation, sizeof r->spk[i].name);
		r->nspk++;
	}
	r->spk[i].count++;
	if (e->end)
		r->spk[i].seconds += (long)(e->end - e->start);
}

static void speech(struct rp *r, const struct floor_entry *e)
{
	char head[512], t0[32], t1[32], d[32], i0[32], i1[32], who[300];
	struct report_speech s = {
		.code = e->who.code, .delegation = e->who.delegation, .speaker = e->who.speaker,
		.type = e->who.type, .type_label = floor_speech_label(e->who.type),
		.start = rp_iso(e->start, i0, sizeof i0), .end = rp_iso(e->end, i1, sizeof i1),
		.heading = head, .summary = e->summary,
	};

	if (e->who.speaker[0])
		str_printf(who, sizeof who, "%s (%s)", e->who.delegation, e->who.speaker);
	else
		str_copy(who, e->who.delegation, sizeof who);
	if (e->end)
		str_printf(head, sizeof head, "%s — %s, %s–%s (%s)", who, s.type_label,
			   rp_when(r, e->start, t0, sizeof t0), rp_when(r, e->end, t1, sizeof t1),
			   rp_minutes((long)(e->end - e->start), d, sizeof d));
	else
		str_printf(head, sizeof head, "%s — %s, %s", who, s.type_label,
			   rp_when(r, e->start, t0, sizeof t0));
	rp_hash_int(r, e->item_num);
	rp_hash_int(r, e->seq);
	rp_hash(r, e->who.code);
	rp_hash(r, e->who.speaker);
	rp_hash(r, e->who.type);
	rp_hash_int(r, (long long)e->start);
	rp_hash_int(r, (long long)e->end);
	rp_hash(r, e->summary);
	r->o->ops->speech(r->o->w, &s);
	rp_row_done(r, "proceedings");
	count_speaker(r, e);
}

static void interventions(struct rp *r, int num, struct floor_entry *rows)
{
	struct floor_cursor after = { 0, 0 };
	size_t n;

	do {
		if (rp_fail(r, floor_log(r->db, r->session, num, &after, rows, PAGE, &n)) < 0) {
			floor_entries_free(rows, n);
			return;
		}
		for (size_t i = 0; i < n; i++)
			speech(r, &rows[i]);
		if (n)
			after = (struct floor_cursor){ rows[n - 1].item_id, rows[n - 1].seq };
		floor_entries_free(rows, n);
	} while (n == PAGE);
}

void rp_loose_head(struct rp *r)
{
	if (!r->loose_open)
		r->o->ops->section(r->o->w, 2, "notes", _("Other notes"));
	r->loose_open = true;
}

/* The notes of one item (item 0: those filed under no item). */
static int notes(struct rp *r, long long item, bool emit_head)
{
	struct minutes_filter f = { .item = item, .event = "note" };
	struct minutes_row *rows = xcalloc(PAGE, sizeof *rows);
	long long after = 0;
	int count = 0;
	size_t n;

	do {
		if (rp_fail(r, minutes_after(r->db, r->session, &f, after, rows, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++) {
			if (item == 0 && rows[i].item != 0)
				continue;
			if (emit_head)
				rp_loose_head(r);
			char *owned;
			const char *text = minutes_row_text(r->db, &rows[i], &owned);

			count++;
			rp_hash_int(r, rows[i].item);
			rp_hash(r, text);
			r->o->ops->para(r->o->w, RP_NOTE, text);
			free(owned);
			rp_row_done(r, "proceedings");
		}
		if (n)
			after = rows[n - 1].seq;
	} while (n == PAGE);
	free(rows);
	return count;
}

void rp_item(struct rp *r, const struct agenda_row *item, const char *prefix)
{
	struct floor_entry *log = xcalloc(PAGE, sizeof *log);
	char name[48], title[AGENDA_TITLE_MAX + 16];

	str_printf(name, sizeof name, "%s-%d", prefix, item->num);
	str_printf(title, sizeof title, "%d. %s", item->num, item->title);
	r->o->ops->section(r->o->w, 2, name, title);
	if (item->status == IS_SKIPPED)
		r->o->ops->para(r->o->w, RP_SMALL, _("This item was skipped."));
	interventions(r, item->num, log);
	notes(r, item->num, false);
	if (!r->workshop)
		rp_kind_notes(r, item->num);
	r->o->ops->section_end(r->o->w);
	free(log);
}

/* In a workshop report the "Voix de migrants" items are reported in their
 * own part (report_workshop.c): here a line points to it. */
static void pointer(struct rp *r, const struct agenda_row *item)
{
	char name[32], title[AGENDA_TITLE_MAX + 16];

	str_printf(name, sizeof name, "item-%d", item->num);
	str_printf(title, sizeof title, "%d. %s", item->num, item->title);
	r->o->ops->section(r->o->w, 2, name, title);
	r->o->ops->para(r->o->w, RP_SMALL, _("Reported above, under \"Migrants' voices\"."));
	r->o->ops->section_end(r->o->w);
}

void rp_proceedings(struct rp *r)
{
	struct agenda_row *items = xcalloc(PAGE, sizeof *items);
	int after = 0;
	size_t n;

	r->o->ops->section(r->o->w, 1, "proceedings", _("Proceedings"));
	do {
		if (rp_fail(r, agenda_list(r->db, r->session, after, items, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++) {
			if (r->workshop && str_eq(items[i].kind, "testimony"))
				pointer(r, &items[i]);
			else
				rp_item(r, &items[i], "item");
		}
		if (n)
			after = items[n - 1].pos;
	} while (n == PAGE);
	/* The notes filed under no item, free ones then (a meeting report)
	 * those of a kind, under one heading opened by the first. */
	notes(r, 0, true);
	if (!r->workshop)
		rp_kind_notes(r, 0);
	if (r->loose_open)
		r->o->ops->section_end(r->o->w);
	r->o->ops->section_end(r->o->w);
	free(items);
}
