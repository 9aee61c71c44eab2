/*
 * minutes_entry.c — one journal entry in full, for the Minutes screen's
 * Enter (the list cuts each entry to one line): its text rendered in the
 * reader's language without the list's length limit, and what the record
 * keeps beside it (the command as typed, the state before and after).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "minutes.h"
#include "util.h"

#define ENTRY_TEXT_MAX 16384

char *minutes_entry_text(struct db *db, long long seq)
{
	struct dbq *q = db_query(db, "SELECT time, ifnull(item, 0), event, delegation, actor,"
				 " command, ifnull(before, ''), ifnull(after, ''), detail, "
				 MINUTES_ARGS_COLS " FROM journal WHERE seq = ?", "i", seq);
	char *detail, *out = NULL;

	if (!q)
		return NULL;
	if (dbq_step(q) == DB_ROW) {
		char item[32] = "";

		detail = xmalloc(ENTRY_TEXT_MAX);
		minutes_detail(db, q, 9, dbq_text(q, 8), detail, ENTRY_TEXT_MAX);
		if (dbq_int(q, 1) > 0)
			str_printf(item, sizeof item, _("item %lld"), dbq_int(q, 1));
		out = xasprintf("%s  %s  %s  %s  %s\n\n%s\n\n%s %s\n%s %s\n%s %s", dbq_text(q, 0), item,
				dbq_text(q, 2), dbq_text(q, 3), dbq_text(q, 4), detail,
				_("Command:"), dbq_text(q, 5), _("Before:"), dbq_text(q, 6),
				_("After:"), dbq_text(q, 7));
		free(detail);
	}
	dbq_reset(q);
	return out;
}

char *minutes_detail_full(struct db *db, long long seq)
{
	struct dbq *q = db_query(db, "SELECT detail, " MINUTES_ARGS_COLS
				 " FROM journal WHERE seq = ?", "i", seq);
	char *out = NULL;

	if (!q)
		return NULL;
	if (dbq_step(q) == DB_ROW) {
		out = xmalloc(ENTRY_TEXT_MAX);
		minutes_detail(db, q, 1, dbq_text(q, 0), out, ENTRY_TEXT_MAX);
	}
	dbq_reset(q);
	return out;
}

const char *minutes_row_text(struct db *db, const struct minutes_row *row, char **owned)
{
	*owned = row->cut ? minutes_detail_full(db, row->seq) : NULL;
	return *owned ? *owned : row->detail;
}
