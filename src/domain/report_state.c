/*
 * report_state.c — the lifecycle of a session's report (issue 13, DESIGN
 * §8): `minutes circulate` freezes a numbered version (number, time,
 * fingerprint of the record, last journal row), `minutes approve` makes
 * it final; an approved session refuses every change (command_exec asks
 * report_session_locked) until `session reopen` (report_session_unlock).
 * Also the `report FILE` command.
 *
 * Choices: approval is refused when the record changed since the version
 * was circulated (its fingerprint differs): what the member states
 * approve is exactly what they received. A session may be circulated and
 * approved open or closed; approving does not close it.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

int report_state_get(struct db *db, long long session, struct report_state *st)
{
	struct dbq *q = db_query(db,
		"SELECT version, circulated_at, fingerprint, journal_seq, approved_at,"
		" reopened_at FROM report_version WHERE session_id = ?"
		" ORDER BY version DESC LIMIT 2", "i", session);
	int rc;

	memset(st, 0, sizeof *st);
	if (!q)
		return DB_ERROR;
	if ((rc = dbq_step(q)) == DB_ROW) {
		st->version = (int)dbq_int(q, 0);
		str_copy(st->circulated_at, dbq_text(q, 1), sizeof st->circulated_at);
		str_copy(st->fingerprint, dbq_text(q, 2), sizeof st->fingerprint);
		st->journal_seq = dbq_int(q, 3);
		st->approved = !dbq_is_null(q, 4);
		if (st->approved)
			str_copy(st->approved_at, dbq_text(q, 4), sizeof st->approved_at);
		st->locked = st->approved && dbq_is_null(q, 5);
		if ((rc = dbq_step(q)) == DB_ROW)
			st->prev_journal_seq = dbq_int(q, 3);
	}
	dbq_reset(q);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

bool report_session_locked(struct db *db, long long session)
{
	return db_int(db, 0,
		      "SELECT 1 FROM report_version WHERE session_id = ? AND approved_at IS NOT NULL"
		      " AND reopened_at IS NULL", "i", session) == 1;
}

int report_session_unlock(struct db *db, long long session, const char *now)
{
	if (!report_session_locked(db, session))
		return 0;
	if (db_run(db, "UPDATE report_version SET reopened_at = ? WHERE session_id = ?"
		   " AND approved_at IS NOT NULL AND reopened_at IS NULL", "ti", now, session) != DB_OK)
		return db_errstatus(db) < 0 ? db_errstatus(db) : DB_ERROR;
	return 1;
}

static int circulate(struct cmd_ctx *c, const struct report_state *st)
{
	char fp[65], now[32];
	long long seq;

	if (st->locked)
		return cmd_err(c, _("version %d is approved; reopen the session first (session reopen)"),
			       st->version);
	if (report_fingerprint(c->db, c->session, fp) != 0)
		return cmd_db_err(c);
	if (st->version > 0 && !st->approved && str_eq(fp, st->fingerprint))
		return cmd_err(c, _("nothing changed since version %d was circulated"), st->version);
	seq = db_int(c->db, 0, "SELECT max(seq) FROM journal WHERE session_id = ?", "i", c->session);
	if (db_run(c->db, "INSERT INTO report_version (session_id, version, circulated_at,"
		   " fingerprint, journal_seq, actor) VALUES (?, ?, ?, ?, ?, ?)", "iittit",
		   c->session, (long long)st->version + 1, cmd_now(now, sizeof now), fp, seq,
		   os_user()) != DB_OK)
		return cmd_db_err(c);
	c->before = st->version ? xasprintf("version=%d", st->version) : xstrdup("version=none");
	c->after = xasprintf("version=%d fingerprint=%s", st->version + 1, fp);
	str_copy(c->event, "minutes_circulate", sizeof c->event);
	cmd_event(c, "report.circulated", "is", (long long)st->version + 1, fp);
	return cmd_ok(c, ANS_CIRCULATED, st->version + 1, fp);
}

static int approve(struct cmd_ctx *c, const struct report_state *st)
{
	char fp[65], now[32];

	if (st->version == 0)
		return cmd_err(c, "%s", _("no version to approve: circulate one first (minutes circulate)"));
	if (st->locked)
		return cmd_err(c, _("version %d is already approved"), st->version);
	if (st->approved)
		return cmd_err(c, _("version %d was approved, then reopened: circulate a new version"),
			       st->version);
	if (report_fingerprint(c->db, c->session, fp) != 0)
		return cmd_db_err(c);
	if (!str_eq(fp, st->fingerprint))
		return cmd_err(c, _("the record changed since version %d was circulated: circulate "
				    "a new version first"), st->version);
	if (db_run(c->db, "UPDATE report_version SET approved_at = ? WHERE session_id = ?"
		   " AND version = ?", "tii", cmd_now(now, sizeof now), c->session,
		   (long long)st->version) != DB_OK)
		return cmd_db_err(c);
	c->before = xasprintf("version=%d circulated", st->version);
	c->after = xasprintf("version=%d approved", st->version);
	str_copy(c->event, "minutes_approve", sizeof c->event);
	cmd_event(c, "report.approved", "i", (long long)st->version);
	return cmd_ok(c, ANS_APPROVED,
		      st->version);
}

int cmd_minutes_circulate(struct cmd_ctx *c)
{
	struct report_state st;

	if (report_state_get(c->db, c->session, &st) != 0)
		return cmd_db_err(c);
	return circulate(c, &st);
}

int cmd_minutes_approve(struct cmd_ctx *c)
{
	struct report_state st;

	if (report_state_get(c->db, c->session, &st) != 0)
		return cmd_db_err(c);
	return approve(c, &st);
}
