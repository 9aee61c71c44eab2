/*
 * journal.c — append one row to the journal inside the caller's
 * transaction. The table's triggers refuse UPDATE and DELETE, so what is
 * written here stays (DESIGN §2).
 */
#include "journal.h"

#include "db.h"
#include "util.h"

int journal_add(struct db *db, const struct journal_entry *e)
{
	char now[32];
	struct dbq *q;
	int rc;

	q = db_prepare(db, "INSERT INTO journal (time, session_id, item, event, delegation, actor,"
			   " command, detail, before, after, args, person, role)"
			   " VALUES (?,?,?,?,?,?,?,?,?,?,json(?),?,?)");
	if (!q)
		return db_errstatus(db);
	time_iso(clock_now(), now, sizeof now);
	dbq_bind_text(q, 1, now);
	if (e->session)
		dbq_bind_int(q, 2, e->session);
	if (e->item)
		dbq_bind_int(q, 3, e->item);
	dbq_bind_text(q, 4, e->event);
	dbq_bind_text(q, 5, e->delegation ? e->delegation : "");
	dbq_bind_text(q, 6, os_user());
	dbq_bind_text(q, 7, e->command ? e->command : "");
	dbq_bind_text(q, 8, e->detail ? e->detail : "");
	dbq_bind_text(q, 9, e->before);
	dbq_bind_text(q, 10, e->after);
	dbq_bind_text(q, 11, e->args);
	dbq_bind_text(q, 12, e->person ? e->person : "");
	dbq_bind_text(q, 13, e->role ? e->role : "");
	rc = dbq_step(q);
	dbq_reset(q);
	return rc == DB_DONE ? DB_OK : rc;
}
