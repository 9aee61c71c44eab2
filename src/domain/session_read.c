/*
 * session_read.c — what screens, the export and the commands' answers read
 * of a session (session.h): one session with its labels, and the R4 count
 * that answers end with. The commands are in session.c.
 */
#include "session.h"

#include <string.h>

#include "attendance.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

int session_get(struct db *db, long long id, struct session_info *out)
{
	struct dbq *q = db_query(db,
		"SELECT s.id, s.process_id, p.code, s.title, s.level, s.start_date,"
		" s.end_date, s.venue, s.host, s.chair, s.min_level, l.label_fr, l.label_en,"
		" l.rank, s.decision_rule, s.workshop_places, s.next_places, s.status"
		" FROM session s JOIN process p ON p.id = s.process_id"
		" LEFT JOIN level l ON l.code = s.min_level WHERE s.id = ?", "i", id);
	int rc;

	memset(out, 0, sizeof *out);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		out->id = dbq_int(q, 0);
		out->process_id = dbq_int(q, 1);
		str_copy(out->process_code, dbq_text(q, 2), sizeof out->process_code);
		str_copy(out->title, dbq_text(q, 3), sizeof out->title);
		str_copy(out->level, dbq_text(q, 4), sizeof out->level);
		str_copy(out->start_date, dbq_text(q, 5), sizeof out->start_date);
		if (!dbq_is_null(q, 6))
			str_copy(out->end_date, dbq_text(q, 6), sizeof out->end_date);
		if (!dbq_is_null(q, 7))
			str_copy(out->venue, dbq_text(q, 7), sizeof out->venue);
		if (!dbq_is_null(q, 8))
			str_copy(out->host, dbq_text(q, 8), sizeof out->host);
		if (!dbq_is_null(q, 9))
			str_copy(out->chair, dbq_text(q, 9), sizeof out->chair);
		str_copy(out->min_level, dbq_text(q, 10), sizeof out->min_level);
		str_copy(out->min_level_label, i18n_pick(dbq_text(q, 11), dbq_text(q, 12)),
			 sizeof out->min_level_label);
		out->min_rank = (int)dbq_int(q, 13);
		str_copy(out->rule, dbq_text(q, 14), sizeof out->rule);
		out->workshop_places = (int)dbq_int(q, 15);
		out->next_places = (int)dbq_int(q, 16);
		str_copy(out->status, dbq_text(q, 17), sizeof out->status);
		rc = 0;
	} else {
		rc = rc == DB_DONE ? 1 : rc;
	}
	dbq_reset(q);
	return rc;
}
