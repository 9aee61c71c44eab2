/*
 * followup.c — the commands of the process across meetings (DESIGN §8):
 * follow, review, action+ and action, and the carry-over of a session's
 * roster, agenda and settings into the next one (session new … --from).
 *
 * The follow-up of a recommendation is kept per member state: the latest
 * report in followup (one row per recommendation and state) and every
 * report in followup_history. Only member states report implementation
 * (R5 by analogy: the storage refuses an observer, trigger R5_OBSERVER),
 * and only a recommendation that was adopted (or then submitted) can be
 * followed (trigger FOLLOWUP_NOT_ADOPTED). Actions are numbered within
 * the process and carried from session to session until done or dropped.
 *
 * Every handler runs inside command_exec's transaction: an error return
 * rolls everything back, so a refused command changes nothing.
 */
#include "followup.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "session.h"
#include "util.h"

#define NOTE_MAX 2000   /* bytes of a follow-up note or a review */
#define ACTION_MAX 2000 /* bytes of an action's text */

const char *const followup_statuses[] = {
	"not_started", "in_progress", "implemented", "not_applicable", "no_report", NULL,
};
const size_t followup_status_count = ARRAY_SIZE(followup_statuses) - 1;

const char *const action_states[] = { "open", "done", "dropped", NULL };

bool followup_status_valid(const char *code)
{
	for (size_t i = 0; code && i < followup_status_count; i++)
		if (strcmp(followup_statuses[i], code) == 0)
			return true;
	return false;
}

const char *followup_status_label(const char *code)
{
	static const char *const labels[] = {
		N_("not started"), N_("in progress"), N_("implemented"), N_("not applicable"),
		N_("no report"),
	};

	for (size_t i = 0; code && i < followup_status_count; i++)
		if (strcmp(followup_statuses[i], code) == 0)
			return _(labels[i]);
	return "?";
}

char followup_status_mark(const char *code)
{
	/* not started, in Progress, Implemented, not applicable (X), none:
	 * letters, so that the grid reads in monochrome. */
	static const char marks[] = "0PIX.";

	for (size_t i = 0; code && i < followup_status_count; i++)
		if (strcmp(followup_statuses[i], code) == 0)
			return marks[i];
	return '?';
}

const char *action_state_label(const char *code)
{
	if (str_eq(code, "open"))
		return _("to do");
	if (str_eq(code, "done"))
		return _("done");
	if (str_eq(code, "dropped"))
		return _("dropped");
	return code;
}

bool followup_owner_generic(const char *owner)
{
	return str_eq(owner, "secretariat") || str_eq(owner, "ctp") || str_eq(owner, "chair");
}

/* ---- S4/R3 ---- */

static bool parse_num(const char *s, long long *out)
{
	char *end;
	long long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	v = strtoll(s, &end, 10);
	if (*end || v <= 0 || v > 1000000000)
		return false;
	*out = v;
	return true;
}

long long followup_rec_ref(struct db *db, long long session, const char *ref,
			   long long *session_out, long long *num_out, char *msg, size_t msgsize)
{
	long long sess = session, num = 0, id;
	const char *slash = ref ? strchr(ref, '/') : NULL;
	char head[24];

	if (!ref || !*ref)
		goto bad;
	if (slash) {
		if ((ref[0] != 'S' && ref[0] != 's') || (size_t)(slash - ref) >= sizeof head)
			goto bad;
		memcpy(head, ref + 1, (size_t)(slash - ref - 1));
		head[slash - ref - 1] = '\0';
		if (!parse_num(head, &sess))
			goto bad;
		ref = slash + 1;
	}
	if (*ref == 'R' || *ref == 'r')
		ref++;
	if (!parse_num(ref, &num))
		goto bad;
	id = db_int(db, 0, "SELECT r.id FROM recommendation r JOIN session s ON s.id = r.session_id"
			   " JOIN session cur ON cur.process_id = s.process_id"
			   " WHERE cur.id = ? AND r.session_id = ? AND r.num = ?",
		    "iii", session, sess, num);
	if (session_out)
		*session_out = sess;
	if (num_out)
		*num_out = num;
	if (!id)
		str_printf(msg, msgsize, _("no recommendation S%lld/R%lld in this process"), sess,
			   num);
	return id;
bad:
	str_printf(msg, msgsize, _("recommendation: expected S<session>/R<number> or R<number>,"
				   " not %s"), ref ? ref : "");
	return -1;
}

/* Resolve argv[i] as a recommendation that may be followed. */
static long long followed_rec(struct cmd_ctx *c, int i, char *ref, size_t refsize)
{
	long long sess, num, id;
	char *status;

	id = followup_rec_ref(c->db, c->session, c->argv[i], &sess, &num, c->msg, sizeof c->msg);
	if (id <= 0)
		return 0;
	str_printf(ref, refsize, "S%lld/R%lld", sess, num);
	status = db_text(c->db, "SELECT status FROM recommendation WHERE id = ?", "i", id);
	if (!status || !(str_eq(status, "adopted") || str_eq(status, "submitted"))) {
		cmd_err(c, _("%s was never adopted (it is %s): only adopted recommendations "
			     "are followed"), ref, status ? status : "?");
		free(status);
		return 0;
	}
	free(status);
	return id;
}

static int check_note(struct cmd_ctx *c, const char *what, const char *s, size_t max)
{
	return session_check_text(c, what, s, max, false);
}

/* ---- follow REC CODE STATUS ["NOTE"] ---- */

int cmd_follow(struct cmd_ctx *c)
{
	const char *status = c->argv[3], *note = c->argc > 4 ? c->argv[4] : "";
	char ref[48], now[32], *before;
	long long rec, deleg;

	rec = followed_rec(c, 1, ref, sizeof ref);
	if (!rec)
		return -1;
	deleg = cmd_delegation_may(c, c->argv[2], ROLE_FOLLOW,
				   _("%s is an observer: only member states report the "
				     "implementation of recommendations (R5)"));
	if (!deleg)
		return -1;
	if (!followup_status_valid(status))
		return cmd_err(c, _("status: expected not_started, in_progress, implemented, "
				    "not_applicable or no_report, not %s"), status);
	if (check_note(c, _("note"), note, NOTE_MAX) != 0)
		return -1;
	before = db_text(c->db, "SELECT status FROM followup WHERE rec_id = ? AND"
				" delegation_id = ?", "ii", rec, deleg);
	cmd_now(now, sizeof now);
	if (db_run(c->db, "INSERT INTO followup (rec_id, delegation_id, status, note, reported_at,"
			  " reported_by, session_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
			  " ON CONFLICT (rec_id, delegation_id) DO UPDATE SET status = ?3,"
			  " note = ?4, reported_at = ?5, reported_by = ?6, session_id = ?7",
		   "iitttti", rec, deleg, status, note, now, os_user(), c->session) != DB_OK ||
	    db_run(c->db, "INSERT INTO followup_history (rec_id, delegation_id, status, note,"
			  " reported_at, reported_by, session_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
		   "iitttti", rec, deleg, status, note, now, os_user(), c->session) != DB_OK) {
		free(before);
		return cmd_db_err(c);
	}
	c->before = xasprintf("status=%s", before ? before : "no_report");
	c->after = xasprintf("status=%s%s%s", status, *note ? "; note=" : "", note);
	free(before);
	str_copy(c->event, "follow", sizeof c->event);
	cmd_event(c, "followup.reported", "ssss", ref, c->delegation, status, note);
	cmd_ok(c, ANS_FOLLOW, ref, c->delegation, status);
	return cmd_said(c, ANS_FOLLOW_SAID, ref, c->delegation, followup_status_label(status));
}

/* ---- review REC "CONCLUSION" ---- */

int cmd_review(struct cmd_ctx *c)
{
	char ref[48], now[32];
	long long rec;

	rec = followed_rec(c, 1, ref, sizeof ref);
	if (!rec)
		return -1;
	if (str_empty(c->argv[2]))
		return cmd_err(c, "%s", _("review: the conclusion is empty"));
	if (check_note(c, _("conclusion"), c->argv[2], NOTE_MAX) != 0)
		return -1;
	if (db_run(c->db, "INSERT INTO rec_review (rec_id, session_id, conclusion, at, actor)"
			  " VALUES (?, ?, ?, ?, ?)", "iittt", rec, c->session, c->argv[2],
		   cmd_now(now, sizeof now), os_user()) != DB_OK)
		return cmd_db_err(c);
	c->after = xasprintf("review=%s", c->argv[2]);
	str_copy(c->event, "review", sizeof c->event);
	cmd_event(c, "followup.reviewed", "ss", ref, c->argv[2]);
	return cmd_ok(c, ANS_REVIEW, ref);
}

/* ---- action+ OWNER "TEXT" [DUE] ---- */

static int action_owner(struct cmd_ctx *c, const char *owner, char *out, size_t size)
{
	if (followup_owner_generic(owner)) {
		str_copy(out, owner, size);
		return 0;
	}
	if (!cmd_delegation(c, owner, NULL, 0)) {
		cmd_err(c, _("owner: expected a delegation code, secretariat, ctp or chair, not %s"),
			owner);
		return -1;
	}
	str_copy(out, c->delegation, size);
	return 0;
}

int cmd_action_add(struct cmd_ctx *c)
{
	const char *due = c->argc > 3 ? c->argv[3] : NULL;
	char owner[32], now[32];
	long long process, num;

	if (action_owner(c, c->argv[1], owner, sizeof owner) != 0)
		return -1;
	if (str_empty(c->argv[2]))
		return cmd_err(c, "%s", _("action: the text is empty"));
	if (session_check_text(c, _("text"), c->argv[2], ACTION_MAX, true) != 0)
		return -1;
	if (due && !session_date_valid(due))
		return cmd_err(c, _("due: expected a date YYYY-MM-DD, not %s"), due);
	process = db_int(c->db, 0, "SELECT process_id FROM session WHERE id = ?", "i", c->session);
	num = db_int(c->db, 0, "SELECT coalesce(max(num), 0) + 1 FROM action WHERE process_id = ?",
		     "i", process);
	if (db_run(c->db, "INSERT INTO action (process_id, num, owner, text, due, opened_in,"
			  " opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "iitttit", process, num, owner,
		   c->argv[2], due, c->session, cmd_now(now, sizeof now)) != DB_OK)
		return cmd_db_err(c);
	if (!followup_owner_generic(owner))
		str_copy(c->delegation, owner, sizeof c->delegation);
	else
		c->delegation[0] = '\0';
	c->after = xasprintf("owner=%s; due=%s; state=open; text=%s", owner, due ? due : "",
			     c->argv[2]);
	str_copy(c->event, "action_new", sizeof c->event);
	cmd_event(c, "action.opened", "isss", num, owner, c->argv[2], due ? due : "");
	return cmd_ok(c, ANS_ACTION_ADDED, num);
}

/* ---- action N open|done|dropped ["NOTE"] ---- */

int cmd_action_set(struct cmd_ctx *c)
{
	const char *state = c->argv[2], *note = c->argc > 3 ? c->argv[3] : NULL;
	long long num, process;
	char *before;

	if (cmd_arg_num(c, 1, _("action"), &num) != 0)
		return -1;
	if (!str_in(action_states, state))
		return cmd_err(c, _("state: expected open, done or dropped, not %s"), state);
	if (note && check_note(c, _("note"), note, NOTE_MAX) != 0)
		return -1;
	process = db_int(c->db, 0, "SELECT process_id FROM session WHERE id = ?", "i", c->session);
	before = db_text(c->db, "SELECT state FROM action WHERE process_id = ? AND num = ?"
				" AND opened_in <= ?", "iii", process, num, c->session);
	if (!before)
		return cmd_err(c, _("no action A%lld in this process"), num);
	if (str_eq(before, state)) {
		cmd_err(c, _("action A%lld is already %s"), num, before);
		free(before);
		return -1;
	}
	if (db_run(c->db, "UPDATE action SET state = ?1, closed_in = CASE ?1 WHEN 'open'"
			  " THEN NULL ELSE ?2 END, note = coalesce(?3, note)"
			  " WHERE process_id = ?4 AND num = ?5",
		   "titii", state, c->session, note, process, num) != DB_OK) {
		free(before);
		return cmd_db_err(c);
	}
	c->before = xasprintf("state=%s", before);
	c->after = xasprintf("state=%s%s%s", state, note ? "; note=" : "", note ? note : "");
	free(before);
	str_copy(c->event, "action", sizeof c->event);
	cmd_event(c, "action.changed", "iss", num, state, note ? note : "");
	cmd_ok(c, ANS_ACTION, num, state);
	return cmd_said(c, ANS_ACTION_SAID, num, action_state_label(state));
}
