/*
 * session_carry.c — `session new … --from ID` (issue 14): a new session of
 * the same process starts from an earlier one — the roster (delegates
 * without presence), the agenda as a template (items, kinds, planned
 * durations and times of day moved to the new first day, no actual
 * times) and the settings. The open follow-up needs no copy: it is read
 * across the process (followup_read.c).
 */
#include "session.h"

#include "db.h"

int session_carry_over(struct db *db, long long from, long long to, int *delegates, int *items)
{
	long long same = db_int(db, 0, "SELECT 1 FROM session a JOIN session b"
				       " ON a.process_id = b.process_id WHERE a.id = ? AND b.id = ?",
				"ii", from, to);
	int rc;

	*delegates = *items = 0;
	if (!same)
		return 1;
	/* The roster, without presence. */
	rc = db_run(db, "INSERT INTO delegate (session_id, delegation_id, name, function, level,"
			" entity, category, head, email) SELECT ?, delegation_id, name, function,"
			" level, entity, category, head, email FROM delegate WHERE session_id = ?"
			" ORDER BY id", "ii", to, from);
	if (rc != DB_OK)
		return rc;
	*delegates = db_changes(db);
	/* The agenda as a template: same items, kinds, durations and times of
	 * day, moved to the new session's first day; no actual times. */
	rc = db_run(db, "INSERT INTO agenda_item (session_id, num, pos, title, kind,"
			" planned_start, planned_minutes, moderator)"
			" SELECT ?1, a.num, a.pos, a.title, a.kind,"
			"  CASE WHEN a.planned_start IS NULL THEN NULL ELSE"
			"   date(substr(a.planned_start, 1, 10), printf('%+d days', CAST(round("
			"    julianday(t.start_date) - julianday(f.start_date)) AS INTEGER)))"
			"   || substr(a.planned_start, 11) END,"
			"  a.planned_minutes, a.moderator"
			" FROM agenda_item a JOIN session f ON f.id = a.session_id"
			" JOIN session t ON t.id = ?1 WHERE a.session_id = ?2 ORDER BY a.pos",
		    "ii", to, from);
	if (rc != DB_OK)
		return rc;
	*items = db_changes(db);
	/* The settings. */
	return db_run(db, "UPDATE session SET (min_level, decision_rule, workshop_places,"
			  " next_places) = (SELECT min_level, decision_rule, workshop_places,"
			  " next_places FROM session WHERE id = ?) WHERE id = ?", "ii", from, to);
}
