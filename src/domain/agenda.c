/*
 * agenda.c — the agenda of a session (DESIGN R8): the commands item+,
 * item=, start, end, skip and move. What screens and the export read is in
 * agenda_read.c.
 *
 * An item keeps its number (num) for life; its place is pos, kept compact
 * (1..n) so that keyset paging on pos is exact. Status steps are those of
 * rules_item_transition(); at most one item is in progress (starting one
 * ends the other; the schema's partial unique index is the last guard).
 * While someone has the floor, no item is ended (start/end refuse), so no
 * intervention is left without its summary.
 */
#include "agenda.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "floor.h"
#include "i18n.h"
#include "util.h"

/* ---- helpers of the commands ---- */

/* Load item `num` into row; -1 with the reason in msg. */
static int item_load(struct cmd_ctx *c, long long num, struct agenda_row *row)
{
	int rc = agenda_get(c->db, c->session, num, row);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return cmd_err(c, _("no item %lld on the agenda"), num);
	return 0;
}

/* Refuse while someone has the floor (an item must not end with an
 * intervention left open). */
static int floor_must_be_free(struct cmd_ctx *c)
{
	struct floor_speaker sp;
	int rc = floor_current(c->db, c->session, &sp);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc > 0)
		return cmd_err(c, _("%s has the floor; yield first"), sp.who.code);
	return 0;
}

/* The reason why item `r` cannot go to `to` (rules_item_transition said no). */
static int refuse_step(struct cmd_ctx *c, const struct agenda_row *r, enum item_status to)
{
	long long num = r->num;

	switch (r->status) {
	case IS_DONE:
		return cmd_err(c, _("item %lld is done"), num);
	case IS_SKIPPED:
		if (to == IS_SKIPPED)
			return cmd_err(c, _("item %lld is already skipped"), num);
		return cmd_err(c, _("item %lld was skipped; restore it first (item= %lld status pending)"),
			       num, num);
	case IS_IN_PROGRESS:
		if (to == IS_IN_PROGRESS)
			return cmd_err(c, _("item %lld is already in progress"), num);
		return cmd_err(c, _("item %lld is in progress; end it first"), num);
	case IS_PENDING:
		return cmd_err(c, _("item %lld has not started"), num);
	default:
		return cmd_err(c, _("item %lld has an unknown status"), num);
	}
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* Planned minutes: 0 to 1440. */
static int parse_minutes(struct cmd_ctx *c, const char *s, long long *out)
{
	long long v = all_digits(s) && strlen(s) <= 4 ? strtoll(s, NULL, 10) : -1;

	if (v < 0 || v > 1440)
		return cmd_err(c, _("minutes: a number from 0 to 1440 is required, not %s"), s);
	*out = v;
	return 0;
}

/* The venue's zone of the session (malloc'd), or NULL: the local one. */
static char *venue_tz(struct cmd_ctx *c)
{
	return db_text(c->db, "SELECT tz FROM session WHERE id = ?", "i", c->session);
}

/* A planned start: HH:MM on the session's first day, or an ISO 8601 date
 * and time, a wall-clock time of the venue (the session's tz, else of this
 * machine) unless it names its offset. Written to iso as ISO 8601 with the
 * venue's offset. */
static int parse_planned(struct cmd_ctx *c, const char *s, char *iso, size_t size)
{
	char *tz = venue_tz(c);
	time_t t = -1;

	if (strlen(s) == 5 && s[2] == ':') {
		char *date = db_text(c->db, "SELECT substr(start_date, 1, 10) FROM session WHERE id = ?",
				     "i", c->session);
		char buf[48];

		str_printf(buf, sizeof buf, "%sT%s", date ? date : "", s);
		free(date);
		t = time_parse_in(buf, tz);
	} else if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		t = time_parse_in(s, tz);
	}
	if (t >= 0)
		time_iso_in(t, tz, iso, size);
	free(tz);
	if (t < 0)
		return cmd_err(c, _("not a time: %s (HH:MM or YYYY-MM-DDTHH:MM)"), s);
	return 0;
}

static bool looks_like_time(const char *s)
{
	return strchr(s, ':') || (strlen(s) >= 10 && s[4] == '-');
}

static int check_title(struct cmd_ctx *c, const char *t)
{
	if (str_empty(t))
		return cmd_err(c, "%s", _("the title is empty"));
	if (strlen(t) > AGENDA_TITLE_MAX)
		return cmd_err(c, _("the title is too long (%d bytes at most)"), AGENDA_TITLE_MAX);
	return 0;
}

/* ---- commands ---- */

/* item+ "TITLE" [KIND] [MINUTES] [HH:MM]: the optional words are told
 * apart by their shape (a number, a time, a kind), in any order. */
int cmd_item_add(struct cmd_ctx *c)
{
	const char *title = c->argv[1], *kind = "other";
	long long minutes = 0, num, pos;
	bool have_kind = false, have_min = false, have_start = false;
	char start[40] = "";
	struct dbq *q;

	if (check_title(c, title))
		return -1;
	for (int i = 2; i < c->argc; i++) {
		const char *a = c->argv[i];

		if (all_digits(a) && !have_min) {
			if (parse_minutes(c, a, &minutes))
				return -1;
			have_min = true;
		} else if (looks_like_time(a) && !have_start) {
			if (parse_planned(c, a, start, sizeof start))
				return -1;
			have_start = true;
		} else if (agenda_kind_valid(a) && !have_kind) {
			kind = a;
			have_kind = true;
		} else if (!all_digits(a) && !looks_like_time(a) && !agenda_kind_valid(a)) {
			return cmd_err(c, _("unknown kind %s (opening, agenda, statements, thematic, "
					    "testimony, working_group, drafting, adoption, "
					    "next_meeting, closing, other)"), a);
		} else {
			return cmd_err(c, _("usage: %s"), "item+ \"TITLE\" [KIND] [MINUTES] [HH:MM]");
		}
	}
	/* Without a time, the item follows the last one's planned end. */
	q = db_query(c->db,
		     "SELECT planned_start, planned_minutes FROM agenda_item WHERE session_id = ?"
		     " ORDER BY pos DESC LIMIT 1", "i", c->session);
	if (!q)
		return cmd_db_err(c);
	if (dbq_step(q) == DB_ROW && !have_start && !dbq_is_null(q, 0)) {
		time_t t = time_parse(dbq_text(q, 0));
		char *tz = venue_tz(c);

		if (t >= 0)
			time_iso_in(t + 60 * dbq_int(q, 1), tz, start, sizeof start);
		free(tz);
	}
	dbq_reset(q);
	num = db_int(c->db, 1, "SELECT max(num) + 1 FROM agenda_item WHERE session_id = ?", "i",
		     c->session);
	pos = db_int(c->db, 1, "SELECT max(pos) + 1 FROM agenda_item WHERE session_id = ?", "i",
		     c->session);
	if (db_run(c->db, "INSERT INTO agenda_item (session_id, num, pos, title, kind,"
		   " planned_start, planned_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)", "iiittti",
		   c->session, num, pos, title, kind, start[0] ? start : NULL, minutes) != DB_OK)
		return cmd_db_err(c);
	c->item = num;
	c->after = xstrdup("pending");
	cmd_event(c, "item.added", "is", num, title);
	return cmd_ok(c, ANS_ITEM_ADDED, num);
}

/* The value of `field` of row r as text (journal before/after). */
static char *field_text(const struct agenda_row *r, const char *field)
{
	char buf[40];

	if (strcmp(field, "title") == 0)
		return xstrdup(r->title);
	if (strcmp(field, "kind") == 0)
		return xstrdup(r->kind);
	if (strcmp(field, "moderator") == 0)
		return xstrdup(r->moderator);
	if (strcmp(field, "minutes") == 0)
		return xasprintf("%d", r->planned_minutes);
	if (strcmp(field, "status") == 0)
		return xstrdup(rules_item_status_code(r->status));
	return xstrdup(r->planned_start ? time_iso(r->planned_start, buf, sizeof buf) : "");
}

/* How many things were recorded on item r: interventions, requests to
 * speak, notes of the minutes filed under it. */
static long long item_records(struct cmd_ctx *c, const struct agenda_row *r)
{
	return db_int(c->db, -1,
		      "SELECT (SELECT count(*) FROM intervention WHERE item_id = ?1)"
		      " + (SELECT count(*) FROM speaker_request WHERE item_id = ?1)"
		      " + (SELECT count(*) FROM journal WHERE session_id = ?2 AND event = 'note'"
		      " AND item = ?3)", "iii", r->id, c->session, (long long)r->num);
}

/* item= N status pending|skipped. An item started or ended by mistake
 * goes back to pending (its actual times cleared) while nothing was
 * recorded on it; otherwise the steps of rules_item_transition(). */
static int item_set_status(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	enum item_status to = rules_item_status(v);
	long long n;

	if (to == IS_IN_PROGRESS || to == IS_DONE)
		return cmd_err(c, _("use start %lld or end to change whether an item runs"),
			       (long long)r->num);
	if (to != IS_PENDING && to != IS_SKIPPED)
		return cmd_err(c, _("unknown status %s (pending, skipped)"), v);
	if (to == IS_PENDING && (r->status == IS_IN_PROGRESS || r->status == IS_DONE)) {
		if ((n = item_records(c, r)) != 0)
			return n < 0 ? cmd_db_err(c) :
			       cmd_err(c, _("item %d cannot go back to pending: %lld "
					    "interventions, requests to speak or notes are "
					    "recorded on it"), r->num, n);
		if (db_run(c->db, "UPDATE agenda_item SET status = 'pending', actual_start = NULL,"
			   " actual_end = NULL WHERE id = ?", "i", r->id) != DB_OK)
			return cmd_db_err(c);
		return 0;
	}
	if (!rules_item_transition(r->status, to))
		return refuse_step(c, r, to);
	if (db_run(c->db, "UPDATE agenda_item SET status = ? WHERE id = ?", "ti", v, r->id) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

/* 0 when the UPDATE of a field stored, else the reason (-1). */
static int item_stored(struct cmd_ctx *c, int dbrc)
{
	return dbrc == DB_OK ? 0 : cmd_db_err(c);
}

static int item_set_title(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	if (check_title(c, v))
		return -1;
	return item_stored(c, db_run(c->db, "UPDATE agenda_item SET title = ? WHERE id = ?", "ti",
				     v, r->id));
}

static int item_set_kind(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	if (!agenda_kind_valid(v))
		return cmd_err(c, _("unknown kind %s (opening, agenda, statements, thematic, "
				    "testimony, working_group, drafting, adoption, "
				    "next_meeting, closing, other)"), v);
	return item_stored(c, db_run(c->db, "UPDATE agenda_item SET kind = ? WHERE id = ?", "ti",
				     v, r->id));
}

static int item_set_minutes(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	long long minutes;

	if (parse_minutes(c, v, &minutes))
		return -1;
	return item_stored(c, db_run(c->db, "UPDATE agenda_item SET planned_minutes = ?"
				     " WHERE id = ?", "ii", minutes, r->id));
}

/* start: HH:MM, ISO, or - to clear. */
static int item_set_start(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	char start[40];

	if (strcmp(v, "-") != 0 && parse_planned(c, v, start, sizeof start))
		return -1;
	return item_stored(c, db_run(c->db, "UPDATE agenda_item SET planned_start = ?"
				     " WHERE id = ?", "ti", strcmp(v, "-") ? start : NULL, r->id));
}

static int item_set_moderator(struct cmd_ctx *c, const struct agenda_row *r, const char *v)
{
	if (strlen(v) > AGENDA_MODERATOR_MAX)
		return cmd_err(c, _("the moderator is too long (%d bytes at most)"),
			       AGENDA_MODERATOR_MAX);
	return item_stored(c, db_run(c->db, "UPDATE agenda_item SET moderator = ? WHERE id = ?",
				     "ti", v, r->id));
}

/* The fields item= changes, each with the function that checks and
 * stores the typed value (0, or -1 with the reason). */
static const struct item_field {
	struct edit_field f;
	int (*set)(struct cmd_ctx *c, const struct agenda_row *r, const char *v);
} item_fields[] = {
	{ { "title", N_("title") }, item_set_title },
	{ { "kind", N_("kind") }, item_set_kind },
	{ { "minutes", N_("planned minutes") }, item_set_minutes },
	{ { "start", N_("start") }, item_set_start },
	{ { "moderator", N_("moderator") }, item_set_moderator },
	{ { "status", N_("status") }, item_set_status },
	{ { NULL, NULL }, NULL },
};
const struct edit_fields agenda_item_fields = { item_fields, sizeof item_fields[0] };

/* item= N FIELD VALUE: one of item_fields (status: pending <-> skipped;
 * back to pending from in progress or done when nothing was recorded:
 * item_set_status). */
int cmd_item_edit(struct cmd_ctx *c)
{
	const char *field = c->argv[2], *v = c->argv[3];
	const struct item_field *f;
	struct agenda_row r;
	long long num;

	if (cmd_arg_num(c, 1, _("item"), &num) || item_load(c, num, &r))
		return -1;
	if (!(f = (const struct item_field *)edit_field_find(agenda_item_fields, field)))
		return cmd_err(c, _("unknown field %s (title, kind, minutes, start, moderator, status)"),
			       field);
	if (f->set(c, &r, v))
		return -1;
	c->item = num;
	c->before = field_text(&r, field);
	if (item_load(c, num, &r))
		return -1;
	c->after = field_text(&r, field);
	cmd_event(c, "item.changed", "iss", num, field, c->after);
	return cmd_ok(c, ANS_ITEM_CHANGED, num, field);
}

/* start N: pending -> in progress now; the item in progress, if any, is
 * ended first (done at the same moment). */
int cmd_start(struct cmd_ctx *c)
{
	struct agenda_row r;
	struct agenda_current cur;
	long long num;
	char now[40];
	int rc;

	if (cmd_arg_num(c, 1, _("item"), &num) || item_load(c, num, &r))
		return -1;
	if (!rules_item_transition(r.status, IS_IN_PROGRESS))
		return refuse_step(c, &r, IS_IN_PROGRESS);
	if ((rc = agenda_current(c->db, c->session, &cur)) < 0)
		return cmd_db_err(c);
	if (rc > 0 && floor_must_be_free(c))
		return -1;
	cmd_now(now, sizeof now);
	if (rc > 0 && db_run(c->db, "UPDATE agenda_item SET status = 'done', actual_end = ?"
			     " WHERE id = ?", "ti", now, cur.id) != DB_OK)
		return cmd_db_err(c);
	if (db_run(c->db, "UPDATE agenda_item SET status = 'in_progress', actual_start = ?,"
		   " actual_end = NULL WHERE id = ?", "ti", now, r.id) != DB_OK)
		return cmd_db_err(c);
	c->item = num;
	if (rc > 0) {
		c->before = xasprintf("item %d in_progress; item %lld pending", cur.num, num);
		c->after = xasprintf("item %d done; item %lld in_progress", cur.num, num);
		cmd_event(c, "item.switched", "iis", (long long)cur.num, num, r.title);
		return cmd_ok(c, ANS_ITEM_SWITCHED, num, cur.num);
	}
	c->before = xstrdup("pending");
	c->after = xstrdup("in_progress");
	cmd_event(c, "item.started", "is", num, r.title);
	return cmd_ok(c, ANS_ITEM_STARTED, num);
}

/* end: the item in progress -> done now. Refused while someone has the
 * floor, so that no intervention loses its summary. */
int cmd_end(struct cmd_ctx *c)
{
	struct agenda_current cur;
	char now[40];
	long minutes, over;
	time_t t;
	int rc = agenda_current(c->db, c->session, &cur);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return cmd_err(c, "%s", _("no item in progress"));
	if (floor_must_be_free(c))
		return -1;
	t = clock_now();
	if (cur.started && t < cur.started) {
		char hm_end[8], hm_start[8];

		/* A clock set back (clock 09:00 after a start at 13:30). */
		return cmd_err(c, _("refused: the end (%s) would be before the start of item %d (%s)"),
			       time_hm(t, hm_end, sizeof hm_end), cur.num,
			       time_hm(cur.started, hm_start, sizeof hm_start));
	}
	time_iso(t, now, sizeof now);
	if (db_run(c->db, "UPDATE agenda_item SET status = 'done', actual_end = ? WHERE id = ?",
		   "ti", now, cur.id) != DB_OK)
		return cmd_db_err(c);
	minutes = cur.started && t > cur.started ? (long)((t - cur.started) / 60) : 0;
	over = rules_item_overrun(cur.planned_minutes, cur.started, t);
	c->item = cur.num;
	c->before = xstrdup("in_progress");
	c->after = xstrdup("done");
	cmd_event(c, "item.ended", "iis", (long long)cur.num, (long long)minutes, cur.title);
	if (over > 0)
		return cmd_ok(c, ANS_ITEM_ENDED_OVER, cur.num, minutes, over);
	return cmd_ok(c, ANS_ITEM_ENDED, cur.num, minutes);
}

/* skip N: pending -> skipped. */
int cmd_skip(struct cmd_ctx *c)
{
	struct agenda_row r;
	long long num;

	if (cmd_arg_num(c, 1, _("item"), &num) || item_load(c, num, &r))
		return -1;
	if (!rules_item_transition(r.status, IS_SKIPPED))
		return refuse_step(c, &r, IS_SKIPPED);
	if (db_run(c->db, "UPDATE agenda_item SET status = 'skipped' WHERE id = ?", "i", r.id) !=
	    DB_OK)
		return cmd_db_err(c);
	c->item = num;
	c->before = xstrdup("pending");
	c->after = xstrdup("skipped");
	cmd_event(c, "item.skipped", "is", num, r.title);
	return cmd_ok(c, ANS_ITEM_SKIPPED, num);
}

/* move N M: item N goes to place M (1-based) and the others close up;
 * numbers do not change. Every pos is rewritten 1..n, so the order stays
 * compact whatever it was. */
int cmd_move(struct cmd_ctx *c)
{
	struct agenda_row r;
	long long num, to, *ids = NULL;
	size_t n = 0, cap = 0, k = 0;
	struct dbq *q;
	int rc;

	if (cmd_arg_num(c, 1, _("item"), &num) || cmd_arg_num(c, 2, _("position"), &to) ||
	    item_load(c, num, &r))
		return -1;
	q = db_query(c->db, "SELECT id FROM agenda_item WHERE session_id = ? ORDER BY pos, num",
		     "i", c->session);
	if (!q)
		return cmd_db_err(c);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (dbq_int(q, 0) == r.id)
			continue;
		if (n == cap)
			ids = xrealloc(ids, (cap = cap ? 2 * cap : 32) * sizeof *ids);
		ids[n++] = dbq_int(q, 0);
	}
	dbq_reset(q);
	if (rc < 0) {
		free(ids);
		return cmd_db_err(c);
	}
	if (to > (long long)n + 1) {
		free(ids);
		return cmd_err(c, ngettext("position %lld: the agenda has %zu item",
					  "position %lld: the agenda has %zu items",
					  (unsigned long)(n + 1)), to, n + 1);
	}
	for (long long p = 1; p <= (long long)n + 1; p++) {
		long long id = p == to ? r.id : ids[k++];

		if (db_run(c->db, "UPDATE agenda_item SET pos = ? WHERE id = ? AND pos IS NOT ?",
			   "iii", p, id, p) != DB_OK) {
			free(ids);
			return cmd_db_err(c);
		}
	}
	free(ids);
	c->item = num;
	c->before = xasprintf("position %d", r.pos);
	c->after = xasprintf("position %lld", to);
	cmd_event(c, "item.moved", "iis", num, to, r.title);
	return cmd_ok(c, ANS_ITEM_MOVED, num, to);
}
