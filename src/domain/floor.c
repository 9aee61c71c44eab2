/*
 * floor.c — the list of speakers and the interventions (DESIGN R9): the
 * commands q+, q-, qmove, floor and yield. What screens and the export
 * read is in floor_read.c.
 *
 * The list belongs to the item in progress: a request waits at pos 1..n
 * (kept compact by every command; a point of order goes in front, after
 * the points of order already waiting). `floor` turns the first request,
 * or a delegation's own, or a delegation called directly, into an open
 * intervention (seq 1, 2, … within the item); `yield` closes it with its
 * summary. Only one intervention is open per session (a partial unique
 * index in the schema is the last guard).
 */
#include "floor.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* ---- helpers of the commands ---- */

/* The item in progress: its id into *item_id and its number into
 * c->item (for the journal); -1 with the reason when there is none. */
static int current_item(struct cmd_ctx *c, long long *item_id)
{
	struct dbq *q = db_query(c->db, "SELECT id, num FROM agenda_item WHERE session_id = ?"
				 " AND status = 'in_progress'", "i", c->session);
	int rc;

	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		*item_id = dbq_int(q, 0);
		c->item = dbq_int(q, 1);
	}
	dbq_reset(q);
	if (rc < 0)
		return cmd_db_err(c);
	if (rc != DB_ROW)
		return cmd_err(c, "%s", _("no item in progress"));
	return 0;
}

/* The stored spelling of delegate `name` of delegation `did` in the
 * session, into out; -1 with the reason when not registered. */
static int speaker_name(struct cmd_ctx *c, long long did, const char *name, char *out,
			size_t size)
{
	char *s = db_text(c->db, "SELECT name FROM delegate WHERE session_id = ? AND"
			  " delegation_id = ? AND name = ? COLLATE NOCASE", "iit", c->session,
			  did, name);

	if (!s)
		return cmd_err(c, _("no delegate \"%s\" in %s (register with delegate+)"), name,
			       c->delegation);
	str_copy(out, s, size);
	free(s);
	return 0;
}

/* The first waiting request of delegation did (0: anyone) for the item:
 * 1 found (id, pos, delegation, speaker, type filled), 0 none, -1 error. */
struct request {
	long long id, pos, delegation_id;
	char code[16], speaker[FLOOR_NAME_MAX + 1], type[16];
};

static int request_first(struct cmd_ctx *c, long long item_id, long long did, struct request *r)
{
	struct dbq *q = db_query(c->db,
				 "SELECT x.id, x.pos, x.delegation_id, d.code, x.speaker, x.speech_type"
				 " FROM speaker_request x JOIN delegation d ON d.id = x.delegation_id"
				 " WHERE x.item_id = ? AND (? = 0 OR x.delegation_id = ?)"
				 " ORDER BY x.pos LIMIT 1", "iii", item_id, did, did);
	int rc;

	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		r->id = dbq_int(q, 0);
		r->pos = dbq_int(q, 1);
		r->delegation_id = dbq_int(q, 2);
		str_copy(r->code, dbq_text(q, 3), sizeof r->code);
		str_copy(r->speaker, dbq_text(q, 4), sizeof r->speaker);
		str_copy(r->type, dbq_text(q, 5), sizeof r->type);
	}
	dbq_reset(q);
	if (rc < 0)
		return cmd_db_err(c);
	return rc == DB_ROW;
}

/* Remove request r from the list and close the gap. */
static int request_remove(struct cmd_ctx *c, long long item_id, const struct request *r)
{
	if (db_run(c->db, "DELETE FROM speaker_request WHERE id = ?", "i", r->id) != DB_OK ||
	    db_run(c->db, "UPDATE speaker_request SET pos = pos - 1 WHERE item_id = ? AND pos > ?",
		   "ii", item_id, r->pos) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

/* ---- commands ---- */

/* q+ CODE ["NAME"] [TYPE]: a request at the end of the list, or for a
 * point of order in front (after the points of order already waiting).
 * A delegation may not wait twice with the same type of speech. */
int cmd_queue_add(struct cmd_ctx *c)
{
	const char *name = NULL, *type = "statement";
	char dtype[20], speaker[FLOOR_NAME_MAX + 1] = "", who[FLOOR_NAME_MAX + 40];
	long long item_id, did, pos, dup;

	if (c->argc == 3 && floor_speech_type_valid(c->argv[2]))
		type = c->argv[2];
	else if (c->argc >= 3)
		name = c->argv[2];
	if (c->argc == 4)
		type = c->argv[3];
	if (!floor_speech_type_valid(type))
		return cmd_err(c, _("unknown type of speech %s (statement, reply, point_of_order, "
				    "question)"), type);
	if (current_item(c, &item_id))
		return -1;
	if (!(did = cmd_delegation(c, c->argv[1], dtype, sizeof dtype)))
		return -1;
	if (!rules_may(rules_deleg_type(dtype), ROLE_SPEAK))
		return cmd_err(c, _("%s may not take the floor"), c->delegation);
	if (name && speaker_name(c, did, name, speaker, sizeof speaker))
		return -1;
	dup = db_int(c->db, 0, "SELECT pos FROM speaker_request WHERE item_id = ? AND"
		     " delegation_id = ? AND speech_type = ?", "iit", item_id, did, type);
	if (dup)
		return cmd_err(c, _("%s is already on the list of speakers (%s, position %lld)"),
			       c->delegation, floor_speech_label(type), dup);
	pos = db_int(c->db, 1, "SELECT max(pos) + 1 FROM speaker_request WHERE item_id = ?", "i",
		     item_id);
	if (strcmp(type, "point_of_order") == 0) {
		pos = db_int(c->db, pos, "SELECT min(pos) FROM speaker_request WHERE item_id = ?"
			     " AND speech_type <> 'point_of_order'", "i", item_id);
		if (db_run(c->db, "UPDATE speaker_request SET pos = pos + 1 WHERE item_id = ?"
			   " AND pos >= ?", "ii", item_id, pos) != DB_OK)
			return cmd_db_err(c);
	}
	if (db_run(c->db, "INSERT INTO speaker_request (session_id, item_id, delegation_id,"
		   " speaker, speech_type, pos, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		   "iiittit", c->session, item_id, did, speaker, type, pos,
		   cmd_now(who, sizeof who)) != DB_OK)
		return cmd_db_err(c);
	cmd_event(c, "floor.asked", "sss", c->delegation, speaker, type);
	return cmd_ok(c, ANS_FLOOR_ASKED, c->delegation, pos);
}

/* q- CODE: withdraw the delegation's first waiting request. */
int cmd_queue_del(struct cmd_ctx *c)
{
	struct request r;
	long long item_id, did;
	int rc;

	if (current_item(c, &item_id) || !(did = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if ((rc = request_first(c, item_id, did, &r)) < 0)
		return -1;
	if (rc == 0)
		return cmd_err(c, _("%s is not on the list of speakers"), c->delegation);
	if (request_remove(c, item_id, &r))
		return -1;
	c->before = xasprintf("position %lld", r.pos);
	cmd_event(c, "floor.withdrawn", "s", c->delegation);
	return cmd_ok(c, ANS_FLOOR_WITHDRAWN, c->delegation);
}

/* qmove CODE POS: the delegation's first request goes to place POS. */
int cmd_queue_move(struct cmd_ctx *c)
{
	struct request r;
	long long item_id, did, to, n;
	int rc;

	if (cmd_arg_num(c, 2, _("position"), &to) || current_item(c, &item_id) ||
	    !(did = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if ((rc = request_first(c, item_id, did, &r)) < 0)
		return -1;
	if (rc == 0)
		return cmd_err(c, _("%s is not on the list of speakers"), c->delegation);
	n = db_int(c->db, 0, "SELECT count(*) FROM speaker_request WHERE item_id = ?", "i", item_id);
	if (to > n)
		return cmd_err(c, ngettext("position %lld: the list has %lld speaker",
					  "position %lld: the list has %lld speakers", (unsigned long)n),
			       to, n);
	if ((to < r.pos && db_run(c->db, "UPDATE speaker_request SET pos = pos + 1 WHERE"
				  " item_id = ? AND pos >= ? AND pos < ?", "iii", item_id, to,
				  r.pos) != DB_OK) ||
	    (to > r.pos && db_run(c->db, "UPDATE speaker_request SET pos = pos - 1 WHERE"
				  " item_id = ? AND pos > ? AND pos <= ?", "iii", item_id, r.pos,
				  to) != DB_OK) ||
	    db_run(c->db, "UPDATE speaker_request SET pos = ? WHERE id = ?", "ii", to, r.id) != DB_OK)
		return cmd_db_err(c);
	c->before = xasprintf("position %lld", r.pos);
	c->after = xasprintf("position %lld", to);
	cmd_event(c, "floor.moved", "si", c->delegation, to);
	return cmd_ok(c, ANS_FLOOR_MOVED, c->delegation, to);
}

/* floor [CODE]: open an intervention for the next in line, or for CODE
 * (its request if it has one, else called directly). */
/* While someone has the floor, only a point of order first in line takes
 * it (floor with no code): the speaker's intervention ends now and they
 * wait again, name and type of speech kept, after the points of order,
 * so that the next floor gives it back to them. 1 interrupted (resumes
 * names them), 0 the floor was free, -1 refused. */
static int floor_interrupt(struct cmd_ctx *c, long long item_id, char *resumes, size_t size)
{
	struct floor_speaker sp;
	struct request r;
	char now[40];
	long long did, pos;
	int rc = floor_current(c->db, c->session, &sp);

	if (rc <= 0)
		return rc < 0 ? cmd_db_err(c) : 0;
	if (c->argc == 2 || request_first(c, item_id, 0, &r) != 1 ||
	    strcmp(r.type, "point_of_order") != 0)
		return cmd_err(c, _("%s has the floor; yield first"), sp.who.code);
	did = db_int(c->db, 0, "SELECT delegation_id FROM intervention WHERE id = ?", "i", sp.id);
	pos = db_int(c->db, 1, "SELECT max(pos) + 1 FROM speaker_request WHERE item_id = ?", "i",
		     item_id);
	pos = db_int(c->db, pos, "SELECT min(pos) FROM speaker_request WHERE item_id = ?"
		     " AND speech_type <> 'point_of_order'", "i", item_id);
	cmd_now(now, sizeof now);
	if (db_run(c->db, "UPDATE intervention SET end = ? WHERE id = ?", "ti", now, sp.id) != DB_OK ||
	    db_run(c->db, "UPDATE speaker_request SET pos = pos + 1 WHERE item_id = ? AND pos >= ?",
		   "ii", item_id, pos) != DB_OK ||
	    db_run(c->db, "INSERT INTO speaker_request (session_id, item_id, delegation_id, speaker,"
		   " speech_type, pos, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "iiittit",
		   c->session, item_id, did, sp.who.speaker, sp.who.type, pos, now) != DB_OK)
		return cmd_db_err(c);
	str_copy(resumes, sp.who.code, size);
	return 1;
}

int cmd_floor(struct cmd_ctx *c)
{
	char resumes[16] = "";
	int interrupted;
	struct request r;
	long long item_id, did = 0, seq;
	char now[40];
	int rc;

	if (current_item(c, &item_id) || (interrupted = floor_interrupt(c, item_id, resumes,
									 sizeof resumes)) < 0)
		return -1;
	if (c->argc == 2 && !(did = cmd_delegation(c, c->argv[1], NULL, 0)))
		return -1;
	if ((rc = request_first(c, item_id, did, &r)) < 0)
		return -1;
	if (rc == 0 && !did)
		return cmd_err(c, "%s", _("the list of speakers is empty"));
	if (rc == 0) {
		memset(&r, 0, sizeof r);
		r.delegation_id = did;
		str_copy(r.code, c->delegation, sizeof r.code);
		str_copy(r.type, "statement", sizeof r.type);
	} else if (request_remove(c, item_id, &r)) {
		return -1;
	}
	seq = db_int(c->db, 1, "SELECT max(seq) + 1 FROM intervention WHERE item_id = ?", "i",
		     item_id);
	if (db_run(c->db, "INSERT INTO intervention (session_id, item_id, seq, delegation_id,"
		   " speaker, speech_type, start) VALUES (?, ?, ?, ?, ?, ?, ?)", "iiiittt",
		   c->session, item_id, seq, r.delegation_id, r.speaker, r.type,
		   cmd_now(now, sizeof now)) != DB_OK)
		return cmd_db_err(c);
	str_copy(c->delegation, r.code, sizeof c->delegation);
	if (interrupted) {
		cmd_event(c, "floor.interrupted", "sss", r.code, r.speaker, resumes);
		return cmd_ok(c, ANS_FLOOR_ORDER, r.code,
			      resumes);
	}
	cmd_event(c, "floor.given", "sss", r.code, r.speaker, r.type);
	return cmd_ok(c, ANS_FLOOR_GIVEN, r.code);
}

/* yield ["SUMMARY"]: close the open intervention with its summary. */
int cmd_yield(struct cmd_ctx *c)
{
	struct floor_speaker sp;
	const char *summary = c->argc == 2 ? c->argv[1] : "";
	char now[40];
	time_t t = clock_now();
	long secs;
	int rc;

	if (strlen(summary) > FLOOR_SUMMARY_MAX)
		return cmd_err(c, _("the summary is too long (%d bytes at most)"), FLOOR_SUMMARY_MAX);
	if ((rc = floor_current(c->db, c->session, &sp)) < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return cmd_err(c, "%s", _("nobody has the floor"));
	if (sp.start && t < sp.start) {
		char hm_end[8], hm_start[8];

		return cmd_err(c, _("refused: the end (%s) would be before the start of the "
				    "intervention (%s)"), time_hm(t, hm_end, sizeof hm_end),
			       time_hm(sp.start, hm_start, sizeof hm_start));
	}
	if (db_run(c->db, "UPDATE intervention SET end = ?, summary = ? WHERE id = ?", "tti",
		   time_iso(t, now, sizeof now), summary, sp.id) != DB_OK)
		return cmd_db_err(c);
	secs = sp.start && t > sp.start ? (long)(t - sp.start) : 0;
	c->item = sp.item_num;
	str_copy(c->delegation, sp.who.code, sizeof c->delegation);
	cmd_event(c, "floor.spoke", "ssss", sp.who.code, sp.who.speaker, sp.who.type, summary);
	if (secs < 60)
		return cmd_ok(c, ANS_SPOKE_S, sp.who.code, secs);
	return cmd_ok(c, ANS_SPOKE_MIN, sp.who.code, secs / 60);
}
