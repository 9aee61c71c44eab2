/*
 * agenda.h — the agenda of a session (DESIGN R8): what the Agenda screen,
 * the title bar and the benchmarks read (agenda_read.c), and the handlers
 * of the commands that change it (item+, item=, start, end, skip, move:
 * agenda.c).
 *
 * Items keep their number (num) for life; their order is pos, kept
 * compact (1..n) by every command, so keyset paging on pos is exact.
 * Every read here is one indexed query (see agenda_query_sql()).
 */
#ifndef RAPPORTEUR_AGENDA_H
#define RAPPORTEUR_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "edit_field.h"
#include "rules.h"

struct cmd_ctx;
struct db;

#define AGENDA_TITLE_MAX 500    /* bytes; item+ and item= refuse longer */
#define AGENDA_MODERATOR_MAX 120

/* The kinds of item (R8), as stored, NULL-terminated (agenda_kind_count
 * of them); agenda_kind_label() translates. */
extern const char *const agenda_kinds[];
extern const size_t agenda_kind_count;
bool agenda_kind_valid(const char *code);
const char *agenda_kind_label(const char *code);   /* "?" when unknown */

/* One row of the agenda. Times are Unix seconds, 0 when not set. */
struct agenda_row {
	long long id;
	int num;                     /* stable number: "item 3" */
	int pos;                     /* order, 1..n */
	char title[AGENDA_TITLE_MAX + 1];
	char kind[16];
	char moderator[AGENDA_MODERATOR_MAX + 1];
	enum item_status status;
	time_t planned_start;
	int planned_minutes;
	time_t actual_start, actual_end;
	long overrun;                /* minutes over plan; a running item
					counts up to clock_now() */
};

/* The item in progress, for the title bar (read on every data_version
 * change: one lookup in a partial index). */
struct agenda_current {
	long long id;
	int num;
	char title[AGENDA_TITLE_MAX + 1];
	time_t started;
	int planned_minutes;
};

struct agenda_counts {
	int total, pending, in_progress, done, skipped;
};

/*
 * The agenda of `session` in pos order: at most `limit` rows with
 * pos > after_pos (0 for the first page) into rows[]; *n receives the
 * count (the screen scrolls up by reading from a lower after_pos).
 * Return DB_OK or a db status < 0.
 */
int agenda_list(struct db *db, long long session, int after_pos, struct agenda_row *rows,
		size_t limit, size_t *n);
/* The same rows handed one at a time to fn (a row of the reader's, valid
 * during the call; fn reads nothing from db): a screen keeps what it
 * shows of each, not AGENDA_TITLE_MAX bytes a row. DB_OK or < 0. */
int agenda_list_each(struct db *db, long long session, int after_pos, size_t limit,
		     void (*fn)(const struct agenda_row *r, void *ud), void *ud);
/* Item number `num` of the session: 1 found, 0 none, < 0 db status. */
int agenda_get(struct db *db, long long session, long long num, struct agenda_row *row);
/* The item in progress: 1 found, 0 none, < 0 db status. */
int agenda_current(struct db *db, long long session, struct agenda_current *cur);
/* Number of the item in progress, 0 when none (or on a database error). */
long long agenda_item_in_progress(struct db *db, long long session);
int agenda_counts(struct db *db, long long session, struct agenda_counts *c);

/* Where the day changes in the agenda of a meeting of several days: the
 * first item (pos) of the new day and its planned start. An item without
 * a planned start belongs to the day before it. */
struct agenda_day {
	int pos;
	time_t when;
};

/* The changes of day along the agenda in pos order, each time the
 * (local) day of the planned starts changes: *days malloc'd (free()), *n
 * of them; none when the agenda holds one day. DB_OK or a db status < 0. */
int agenda_days(struct db *db, long long session, struct agenda_day **days, size_t *n);

/* The SQL text of the i-th read query (NULL past the end), so that tests
 * and benchmarks can check with EXPLAIN QUERY PLAN that each one uses an
 * index. Parameters are all integers. */
const char *agenda_query_sql(size_t i);

/* Command handlers (agenda.c). */
int cmd_item_add(struct cmd_ctx *);      /* item+ "TITLE" [KIND] [MINUTES] [HH:MM] */
int cmd_item_edit(struct cmd_ctx *);     /* item= N FIELD VALUE */
/* The fields item= changes (edit_field.h): the parser and the minutes. */
extern const struct edit_fields agenda_item_fields;
int cmd_start(struct cmd_ctx *);         /* start N */
int cmd_end(struct cmd_ctx *);           /* end */
int cmd_skip(struct cmd_ctx *);          /* skip N */
int cmd_move(struct cmd_ctx *);          /* move N M */
int cmd_retime(struct cmd_ctx *);        /* retime [N] (agenda_retime.c) */

#endif
