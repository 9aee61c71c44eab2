/*
 * minutes_render.c — the text of a journal event in the reader's language
 * (see minutes_render.h): one renderer per event code, listed once in
 * `renderers`. Each uses the message id the command used to write before
 * the codes, so the French catalogue serves both.
 */
#include "minutes_render.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "attendance.h"
#include "db.h"
#include "floor.h"
#include "followup.h"
#include "i18n.h"
#include "recs.h"
#include "rules.h"
#include "session.h"
#include "util.h"

struct rd {
	struct db *db;
	const struct event *e;
	char *out;
	size_t size;
};

/* Argument i as text ("" when missing) or as a number (0). */
static const char *S(const struct rd *r, int i)
{
	return i < r->e->n && r->e->arg[i] ? r->e->arg[i] : "";
}

static long long N(const struct rd *r, int i)
{
	return strtoll(S(r, i), NULL, 10);
}

/* "—" for an empty value. */
static const char *D(const struct rd *r, int i)
{
	return *S(r, i) ? S(r, i) : "—";
}

#define P(...) str_printf(r->out, r->size, __VA_ARGS__)

static const char *target_label(const char *target)
{
	return strcmp(target, "next") == 0 ? _("the next meeting's theme") : _("the workshops");
}

/* The label of a level or category code in the current language (malloc'd),
 * or a copy of the code. */
static char *level_label(struct db *db, const char *code)
{
	char *s = db ? db_text(db, "SELECT CASE WHEN ?1 = 'es' AND label_es <> '' THEN label_es"
				   " WHEN ?1 = 'fr' OR label_en = '' THEN label_fr"
				   " ELSE label_en END FROM level WHERE code = ?2", "tt", i18n_lang(),
			       code) : NULL;
	return s ? s : xstrdup(code);
}

static char *category_label(struct db *db, const char *code)
{
	char *s = db ? db_text(db, "SELECT CASE WHEN ?1 = 'es' AND label_es <> '' THEN label_es"
				   " WHEN ?1 = 'fr' OR label_en = '' THEN label_fr"
				   " ELSE label_en END FROM category WHERE code = ?2", "tt",
			       i18n_lang(), code) : NULL;
	return s ? s : xstrdup(code);
}

/* The title of theme `code` in the current language, or `title` as stored. */
static char *theme_title(struct db *db, const char *code, const char *title)
{
	char *s = db && *code ? db_text(db, "SELECT CASE WHEN ?1 = 'es' AND title_es <> ''"
					    " THEN title_es WHEN ?1 = 'fr' OR title_en = '' THEN"
					    " title_fr ELSE title_en END FROM theme WHERE code = ?2",
					"tt", i18n_lang(), code) : NULL;
	return s ? s : xstrdup(title);
}

/* "CODE (speaker)" or "CODE". */
static const char *who(const struct rd *r, int code, int speaker, char *buf, size_t size)
{
	if (*S(r, speaker))
		str_printf(buf, size, "%s (%s)", S(r, code), S(r, speaker));
	else
		str_copy(buf, S(r, code), size);
	return buf;
}

/* ---- sessions ---- */

static void r_note(struct rd *r)
{
	P("%s", S(r, 0));
}

/* args: id, title, level, date, then (0 and "" when none) the session
 * whose meeting chose its theme and that theme, then (0 when none) the
 * session it was carried over from, with its delegates and items. */
static void r_session_new(struct rd *r)
{
	size_t len;

	if (*S(r, 5))
		P(_("session %lld opened: %s (%s, %s); theme chosen at session %lld: %s"), N(r, 0),
		  S(r, 1), S(r, 2), S(r, 3), N(r, 4), S(r, 5));
	else
		P(_("session %lld opened: %s (%s, %s)"), N(r, 0), S(r, 1), S(r, 2), S(r, 3));
	len = strlen(r->out);
	if (N(r, 6) > 0)
		str_printf(r->out + len, r->size - len,
			   _("; carried over from session %lld: %d delegates, %d agenda items"),
			   N(r, 6), (int)N(r, 7), (int)N(r, 8));
}

static void r_session_opened(struct rd *r)
{
	P(_("session %lld opened: %s"), N(r, 0), S(r, 1));
}

static void r_session_switched(struct rd *r)
{
	P(_("switched to session %lld: %s"), N(r, 0), S(r, 1));
}

static void r_session_closed(struct rd *r)
{
	P(_("session %lld closed"), N(r, 0));
}

static void r_session_reopened(struct rd *r)
{
	P(_("session %lld reopened"), N(r, 0));
}

static void r_session_reopened_approved(struct rd *r)
{
	P(_("session %lld reopened after approval"), N(r, 0));
}

static void r_report_circulated(struct rd *r)
{
	P(_("report version %d circulated (%.12s)"), (int)N(r, 0), S(r, 1));
}

static void r_report_approved(struct rd *r)
{
	P(_("report version %d approved"), (int)N(r, 0));
}

static void r_session_set(struct rd *r)
{
	P(_("%s: %s → %s"), edit_field_label(session_settings, S(r, 0)), D(r, 1), D(r, 2));
}

static void r_theme_added(struct rd *r)
{
	char *t = theme_title(r->db, S(r, 0), S(r, 1));

	P(_("theme added: %s (%s)"), t, S(r, 0));
	free(t);
}

static void r_theme_removed(struct rd *r)
{
	char *t = theme_title(r->db, S(r, 0), S(r, 1));

	P(_("theme removed: %s (%s)"), t, S(r, 0));
	free(t);
}

/* ---- attendance ---- */

static void r_delegation_added(struct rd *r)
{
	P(_("delegation %s registered: %s (%s)"), S(r, 0), S(r, 1),
	  attendance_type_label(S(r, 2)));
}

/* args: code, name, level, category, head, then (older rows have none)
 * function, entity, e-mail: each given one is named by its field label. */
static void r_delegate_added(struct rd *r)
{
	static const char *const more[] = { "function", "entity", "email" };
	char *l = level_label(r->db, S(r, 2)), *c = category_label(r->db, S(r, 3));

	P(_("%s: %s registered (%s, %s)%s"), S(r, 0), S(r, 1), l, c,
	  N(r, 4) ? _(", head of delegation") : "");
	for (int i = 0; i < 3; i++) {
		size_t len = strlen(r->out);

		if (*S(r, 5 + i))
			str_printf(r->out + len, r->size - len, _("; %s: %s"),
				   edit_field_label(attendance_delegate_fields, more[i]), S(r, 5 + i));
	}
	free(l);
	free(c);
}

static void r_delegate_removed(struct rd *r)
{
	P(_("%s: %s removed"), S(r, 0), S(r, 1));
}

static void r_delegate_changed(struct rd *r)
{
	P(_("%s: %s: %s %s → %s"), S(r, 0), S(r, 1),
	  edit_field_label(attendance_delegate_fields, S(r, 2)), D(r, 3), D(r, 4));
}

/* args: code, names, R4 before, R4 after (equal or empty: no change). */
static void presence(struct rd *r, const char *fmt)
{
	char change[64] = "";

	if (*S(r, 2) && *S(r, 3) && strcmp(S(r, 2), S(r, 3)) != 0)
		str_printf(change, sizeof change, _(" (check: %s → %s)"), S(r, 2), S(r, 3));
	P(fmt, S(r, 0), S(r, 1), change);
}

static void r_present_arrived(struct rd *r)
{
	presence(r, _("%s: %s arrived%s"));
}

static void r_present_left(struct rd *r)
{
	presence(r, _("%s: %s left%s"));
}

/* args: file, new, updated, unchanged, errors. */
static void r_import(struct rd *r)
{
	char sum[256];

	str_printf(sum, sizeof sum, ngettext("%d new, %d updated, %d unchanged, %d error",
					     "%d new, %d updated, %d unchanged, %d errors",
					     (unsigned long)N(r, 4)),
		   (int)N(r, 1), (int)N(r, 2), (int)N(r, 3), (int)N(r, 4));
	P(_("participants imported from %s: %s"), S(r, 0), sum);
}

/* ---- agenda ---- */

static void r_item_added(struct rd *r)
{
	P(_("agenda item %lld added: %s"), N(r, 0), S(r, 1));
}

static void r_item_changed(struct rd *r)
{
	P(_("agenda item %lld: %s changed to \"%s\""), N(r, 0),
	  edit_field_label(agenda_item_fields, S(r, 1)), S(r, 2));
}

static void r_item_started(struct rd *r)
{
	P(_("item %lld started: %s"), N(r, 0), S(r, 1));
}

static void r_item_switched(struct rd *r)
{
	P(_("item %d ended; item %lld started: %s"), (int)N(r, 0), N(r, 1), S(r, 2));
}

static void r_item_ended(struct rd *r)
{
	P(_("item %d ended after %ld min: %s"), (int)N(r, 0), (long)N(r, 1), S(r, 2));
}

static void r_item_skipped(struct rd *r)
{
	P(_("item %lld skipped: %s"), N(r, 0), S(r, 1));
}

static void r_item_moved(struct rd *r)
{
	P(_("item %lld moved to position %lld: %s"), N(r, 0), N(r, 1), S(r, 2));
}

static void r_item_retimed(struct rd *r)
{
	if (N(r, 1))
		P(ngettext("%lld item re-timed after item %lld", "%lld items re-timed after item %lld",
			   (unsigned long)N(r, 0)), N(r, 0), N(r, 1));
	else
		P(ngettext("%lld item re-timed", "%lld items re-timed", (unsigned long)N(r, 0)),
		  N(r, 0));
}

/* ---- floor ---- */

static void r_floor_asked(struct rd *r)
{
	char w[300];

	P(_("%s asks for the floor (%s)"), who(r, 0, 1, w, sizeof w), floor_speech_label(S(r, 2)));
}

static void r_floor_withdrawn(struct rd *r)
{
	P(_("%s withdraws its request for the floor"), S(r, 0));
}

static void r_floor_moved(struct rd *r)
{
	P(_("%s moved to position %lld"), S(r, 0), N(r, 1));
}

static void r_floor_given(struct rd *r)
{
	char w[300];

	P(_("%s has the floor (%s)"), who(r, 0, 1, w, sizeof w), floor_speech_label(S(r, 2)));
}

/* args: code, speaker, speech type, summary. */
static void r_floor_spoke(struct rd *r)
{
	char w[300];

	who(r, 0, 1, w, sizeof w);
	if (*S(r, 3))
		P("%s: %s", w, S(r, 3));
	else
		P(_("%s spoke (%s)"), w, floor_speech_label(S(r, 2)));
}

/* ---- themes ---- */

static const char *proposer(const char *by)
{
	if (strcmp(by, "secretariat") == 0)
		return _("the secretariat");
	if (strcmp(by, "ctp") == 0)
		return _("the steering committee (CTP)");
	return by;
}

/* A proposal's title as the journal stored it: a title of the catalogue
 * (in either language) comes back in the reader's language (malloc'd);
 * a free title as typed. */
static char *proposal_title(struct db *db, const char *title)
{
	char *code = db && *title ? db_text(db, "SELECT code FROM theme WHERE title_fr = ?1"
						" OR (title_en <> '' AND title_en = ?1)"
						" OR (title_es <> '' AND title_es = ?1)"
						" ORDER BY id LIMIT 1", "t", title) : NULL;
	char *s = theme_title(db, code ? code : "", title);

	free(code);
	return s;
}

/* A member state's position in the reader's language. */
static const char *stance_label(const char *code)
{
	switch (rules_stance(code)) {
	case ST_SUPPORT: return _("support");
	case ST_OBJECT: return _("object");
	case ST_ABSTAIN: return _("abstain");
	case ST_NONE:
	default: return str_eq(code, "none") ? _("none") : code;
	}
}

static void r_theme_proposed(struct rd *r)
{
	char *t = proposal_title(r->db, S(r, 2));

	P(_("P%lld for %s: %s (proposed by %s)"), N(r, 0), target_label(S(r, 1)), t,
	  proposer(S(r, 3)));
	free(t);
}

static void r_theme_position(struct rd *r)
{
	char *t = proposal_title(r->db, S(r, 1));

	P(_("P%lld (%s): position of %s: %s"), N(r, 0), t, S(r, 2), stance_label(S(r, 3)));
	free(t);
}

static void r_theme_selected(struct rd *r)
{
	char *t = proposal_title(r->db, S(r, 2));

	P(ngettext("P%lld selected for %s: %s (%d support, %d abstain, of %d member state present)",
		   "P%lld selected for %s: %s (%d support, %d abstain, of %d member states present)",
		   (unsigned long)N(r, 5)),
	  N(r, 0), target_label(S(r, 1)), t, (int)N(r, 3), (int)N(r, 4), (int)N(r, 5));
	free(t);
}

static void r_theme_rejected(struct rd *r)
{
	char *t = proposal_title(r->db, S(r, 1));

	P(_("P%lld rejected: %s"), N(r, 0), t);
	free(t);
}

/* Since merges keep the positions both proposals agree on, a fifth
 * argument counts them; older rows have four. */
static void r_theme_merged(struct rd *r)
{
	if (r->e->n < 5) {
		P(_("P%lld and P%lld merged into P%lld: %s"), N(r, 0), N(r, 1), N(r, 2), S(r, 3));
		return;
	}
	P(ngettext("P%lld and P%lld merged into P%lld: %s (%d position kept)",
		   "P%lld and P%lld merged into P%lld: %s (%d positions kept)", (unsigned long)N(r, 4)),
	  N(r, 0), N(r, 1), N(r, 2), S(r, 3), (int)N(r, 4));
}

static void r_floor_interrupted(struct rd *r)
{
	P(_("%s has the floor on a point of order (%s will resume)"), S(r, 0), S(r, 2));
}

/* ---- corrections ---- */

static void r_intervention_changed(struct rd *r)
{
	P(_("intervention %lld.%lld (%s): %s changed to \"%s\""), N(r, 0), N(r, 1), S(r, 2),
	  edit_field_label(floor_intervention_fields, S(r, 3)), S(r, 4));
}

static void r_undo(struct rd *r)
{
	P(_("undo of: %s"), S(r, 0));
}

static void r_redo(struct rd *r)
{
	P(_("redo of: %s"), S(r, 0));
}

/* ---- recommendations ---- */

static void r_rec_drafted(struct rd *r)
{
	P(_("R%lld drafted by %s: %s"), N(r, 0), S(r, 1), S(r, 2));
}

static void r_rec_amended(struct rd *r)
{
	P(_("R%lld amended by %s (version %lld)"), N(r, 0), S(r, 1), N(r, 2));
}

static void r_rec_cosponsored(struct rd *r)
{
	P(_("R%lld co-sponsored by %s"), N(r, 0), S(r, 1));
}

static void r_rec_reserved(struct rd *r)
{
	P(_("R%lld: reservation of %s: %s"), N(r, 0), S(r, 1), S(r, 2));
}

static void r_rec_objected(struct rd *r)
{
	P(_("R%lld: %s objects: %s"), N(r, 0), S(r, 1), S(r, 2));
}

static void r_rec_unobjected(struct rd *r)
{
	P(_("R%lld: %s withdraws its objection"), N(r, 0), S(r, 1));
}

static void r_rec_adopted(struct rd *r)
{
	if (*S(r, 2))
		P(_("R%lld adopted: %s (reservations: %s)"), N(r, 0), S(r, 1), S(r, 2));
	else
		P(_("R%lld adopted: %s"), N(r, 0), S(r, 1));
}

static void r_rec_status(struct rd *r)
{
	P(_("R%lld: %s → %s"), N(r, 0), recs_status_text(S(r, 1)), recs_status_text(S(r, 2)));
}

static void r_rec_set(struct rd *r)
{
	P(_("R%lld: %s set to %s"), N(r, 0), edit_field_label(recs_set_fields, S(r, 1)), S(r, 2));
}

/* ---- across meetings (followup.c) ---- */

/* args: S1/R3, member state, status code, note */
static void r_followup_reported(struct rd *r)
{
	P(_("follow-up of %s by %s: %s%s%s"), S(r, 0), S(r, 1), followup_status_label(S(r, 2)),
	  *S(r, 3) ? " — " : "", S(r, 3));
}

/* args: S1/R3, conclusion */
static void r_followup_reviewed(struct rd *r)
{
	P(_("review of %s: %s"), S(r, 0), S(r, 1));
}

/* args: number, owner, text, due date ("" when none) */
static void r_action_opened(struct rd *r)
{
	P(_("action A%lld for %s: %s"), N(r, 0), S(r, 1), S(r, 2));
	if (*S(r, 3)) {
		size_t len = strlen(r->out);

		str_printf(r->out + len, r->size - len, _(" (due %s)"), S(r, 3));
	}
}

/* args: number, state (open, done, dropped), note */
static void r_action_changed(struct rd *r)
{
	const char *state = str_eq(S(r, 1), "open") ? _("reopened") : action_state_label(S(r, 1));

	if (*S(r, 2))
		P(_("action A%lld %s: %s"), N(r, 0), state, S(r, 2));
	else
		P(_("action A%lld %s"), N(r, 0), state);
}

#undef P

static const struct {
	const char *code;
	void (*render)(struct rd *);
} renderers[] = {
	{ "note", r_note },
	{ "session.new", r_session_new },
	{ "session.opened", r_session_opened },
	{ "session.switched", r_session_switched },
	{ "session.closed", r_session_closed },
	{ "session.reopened", r_session_reopened },
	{ "session.reopened_approved", r_session_reopened_approved },
	{ "report.circulated", r_report_circulated },
	{ "report.approved", r_report_approved },
	{ "session.set", r_session_set },
	{ "session.theme_added", r_theme_added },
	{ "session.theme_removed", r_theme_removed },
	{ "delegation.added", r_delegation_added },
	{ "delegate.added", r_delegate_added },
	{ "delegate.removed", r_delegate_removed },
	{ "delegate.changed", r_delegate_changed },
	{ "present.arrived", r_present_arrived },
	{ "present.left", r_present_left },
	{ "import", r_import },
	{ "item.added", r_item_added },
	{ "item.changed", r_item_changed },
	{ "item.started", r_item_started },
	{ "item.switched", r_item_switched },
	{ "item.ended", r_item_ended },
	{ "item.skipped", r_item_skipped },
	{ "item.moved", r_item_moved },
	{ "item.retimed", r_item_retimed },
	{ "floor.asked", r_floor_asked },
	{ "floor.withdrawn", r_floor_withdrawn },
	{ "floor.moved", r_floor_moved },
	{ "floor.given", r_floor_given },
	{ "floor.spoke", r_floor_spoke },
	{ "theme.proposed", r_theme_proposed },
	{ "theme.position", r_theme_position },
	{ "theme.selected", r_theme_selected },
	{ "theme.rejected", r_theme_rejected },
	{ "theme.merged", r_theme_merged },
	{ "rec.drafted", r_rec_drafted },
	{ "rec.amended", r_rec_amended },
	{ "rec.cosponsored", r_rec_cosponsored },
	{ "rec.reserved", r_rec_reserved },
	{ "rec.objected", r_rec_objected },
	{ "rec.unobjected", r_rec_unobjected },
	{ "rec.adopted", r_rec_adopted },
	{ "rec.status", r_rec_status },
	{ "rec.set", r_rec_set },
	{ "followup.reported", r_followup_reported },
	{ "followup.reviewed", r_followup_reviewed },
	{ "action.opened", r_action_opened },
	{ "action.changed", r_action_changed },
	{ "intervention.changed", r_intervention_changed },
	{ "floor.interrupted", r_floor_interrupted },
	{ "undo", r_undo },
	{ "redo", r_redo },
};

const char *minutes_event_code(size_t i)
{
	return i < ARRAY_SIZE(renderers) ? renderers[i].code : NULL;
}

bool minutes_render(struct db *db, const struct event *e, char *out, size_t size)
{
	struct rd r = { .db = db, .e = e, .out = out, .size = size };

	assert(size > 0);
	out[0] = '\0';
	if (!e->code)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(renderers); i++)
		if (strcmp(renderers[i].code, e->code) == 0) {
			renderers[i].render(&r);
			return true;
		}
	return false;
}
