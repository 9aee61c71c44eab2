/*
 * report_workshop.c — the parts of an IDM workshop report (issue 17; the
 * "Red Book" series, seeds/002), for a process whose fixtures say
 * `report=workshop`: key messages first, then lessons learned, examples
 * of good practice, the "Voix de migrants" session(s), and the
 * satisfaction questionnaire when one was recorded — each collected from
 * the notes typed during the workshop with their kind (`note key|lesson|
 * practice|satisfaction "TEXT"`), in the order they were typed. The
 * usual proceedings follow (report_walk.c), where a testimony item only
 * points back here.
 *
 * In a meeting report (DiMOI) the same notes stay in the proceedings
 * under their item, introduced by their kind (rp_kind_notes).
 */
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "db.h"
#include "floor.h"
#include "i18n.h"
#include "minutes.h"
#include "report_parts.h"
#include "util.h"

#define PAGE 64

/* The kinds of note of a workshop report, in the report's order. */
static const struct {
	const char *event, *name, *title, *lead;
} kinds[] = {
	{ "key", "key-messages", N_("Key messages"), N_("Key message: %s") },
	{ "lesson", "lessons-learned", N_("Lessons learned"), N_("Lesson learned: %s") },
	{ "practice", "good-practices", N_("Examples of good practice"),
	  N_("Example of good practice: %s") },
	{ "satisfaction", "satisfaction", N_("Satisfaction questionnaire"),
	  N_("Satisfaction questionnaire: %s") },
};

/* Feed the notes of kind k (of item `item`, or of every item when item is
 * -1) to emit, in journal order. Returns how many. */
static int each_note(struct rp *r, size_t k, long long item,
		     void (*emit)(struct rp *, size_t, int, const struct minutes_row *, const char *))
{
	struct minutes_filter f = { .item = item > 0 ? item : 0 };
	struct minutes_row *rows = xcalloc(PAGE, sizeof *rows);
	long long after = 0;
	int count = 0;
	size_t n;

	str_copy(f.event, kinds[k].event, sizeof f.event);
	do {
		if (rp_fail(r, minutes_after(r->db, r->session, &f, after, rows, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++) {
			if (item == 0 && rows[i].item != 0)
				continue;
			char *owned;
			const char *text = minutes_row_text(r->db, &rows[i], &owned);

			rp_hash(r, kinds[k].event);
			rp_hash_int(r, rows[i].item);
			rp_hash(r, text);
			emit(r, k, ++count, &rows[i], text);
			free(owned);
			rp_row_done(r, kinds[k].name);
		}
		if (n)
			after = rows[n - 1].seq;
	} while (n == PAGE);
	free(rows);
	return count;
}

/* ---- the meeting report: under their item, introduced by their kind ---- */

static void kind_note(struct rp *r, size_t k, int count, const struct minutes_row *m,
		      const char *text)
{
	char *t = xasprintf(_(kinds[k].lead), text);

	(void)count;
	if (m->item == 0)
		rp_loose_head(r);
	r->o->ops->para(r->o->w, RP_NOTE, t);
	free(t);
}

int rp_kind_notes(struct rp *r, long long item)
{
	int count = 0;

	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++)
		count += each_note(r, k, item, kind_note);
	return count;
}

/* ---- the workshop report ---- */

static void numbered(struct rp *r, size_t k, int count, const struct minutes_row *m,
		     const char *text)
{
	char *t = xasprintf("%d. %s", count, text);

	(void)k, (void)m;
	r->o->ops->para(r->o->w, RP_TEXT, t);
	free(t);
}

static void plain(struct rp *r, size_t k, int count, const struct minutes_row *m,
		  const char *text)
{
	(void)k, (void)count, (void)m;
	r->o->ops->para(r->o->w, RP_TEXT, text);
}

static bool any_note(struct rp *r, size_t k)
{
	struct minutes_filter f = { 0 };
	struct minutes_row row;
	size_t n = 0;

	str_copy(f.event, kinds[k].event, sizeof f.event);
	rp_fail(r, minutes_after(r->db, r->session, &f, 0, &row, 1, &n));
	return n > 0;
}

/* The testimony items ("Voix de migrants"): each with its interventions
 * and notes, as in the proceedings. */
static void migrant_voices(struct rp *r)
{
	struct agenda_row *items = xcalloc(PAGE, sizeof *items);
	int after = 0, found = 0;
	size_t n;

	r->o->ops->section(r->o->w, 1, "migrant-voices", _("Migrants' voices"));
	do {
		if (rp_fail(r, agenda_list(r->db, r->session, after, items, PAGE, &n)) < 0)
			break;
		for (size_t i = 0; i < n; i++)
			if (str_eq(items[i].kind, "testimony")) {
				rp_item(r, &items[i], "voices-item");
				found++;
			}
		if (n)
			after = items[n - 1].pos;
	} while (n == PAGE);
	if (!found)
		r->o->ops->para(r->o->w, RP_SMALL, _("The agenda held no \"Migrants' voices\" session"
						     " (an item of kind testimony)."));
	r->o->ops->section_end(r->o->w);
	free(items);
}

void rp_workshop(struct rp *r)
{
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		bool survey = str_eq(kinds[k].event, "satisfaction");

		if (survey)
			migrant_voices(r);
		if (survey && !any_note(r, k))
			continue;
		r->o->ops->section(r->o->w, 1, kinds[k].name, _(kinds[k].title));
		if (!each_note(r, k, -1, survey ? plain : numbered))
			r->o->ops->para(r->o->w, RP_SMALL, _("Nothing was recorded."));
		r->o->ops->section_end(r->o->w);
	}
}
