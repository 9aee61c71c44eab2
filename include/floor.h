/*
 * floor.h — the list of speakers and the log of interventions of the item
 * in progress (DESIGN R9): what the Floor screen and the title bar read
 * (floor_read.c), and the handlers of the commands (q+, q-, qmove, floor,
 * yield: floor.c).
 *
 * A request waits in the list of its item (pos 1..n, points of order in
 * front); `floor` turns a request (or a delegation called directly) into
 * an open intervention; `yield` closes it with its summary. Members and
 * observers may both speak (R9). Every read is one indexed query (see
 * floor_query_sql()).
 */
#ifndef RAPPORTEUR_FLOOR_H
#define RAPPORTEUR_FLOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "edit_field.h"

struct cmd_ctx;
struct db;

#define FLOOR_SUMMARY_MAX 4000   /* bytes; yield refuses longer */
#define FLOOR_NAME_MAX 127

/* Speech types as stored, NULL-terminated (floor_speech_type_count of
 * them); floor_speech_label() translates. */
extern const char *const floor_speech_types[];
extern const size_t floor_speech_type_count;
bool floor_speech_type_valid(const char *code);
const char *floor_speech_label(const char *code);   /* "?" when unknown */

/* Who: a delegation and, when named, a person. */
struct floor_who {
	char code[16];
	char delegation_type[16];    /* member, observer_state, observer_org */
	char delegation[FLOOR_NAME_MAX + 1];   /* name in the interface language */
	char speaker[FLOOR_NAME_MAX + 1];      /* "" when not named */
	char type[16];               /* speech type code */
};

/* A waiting request in the list of speakers. */
struct floor_request {
	long long id;
	int pos;                     /* 1..n */
	struct floor_who who;
	time_t requested;
};

/* The open intervention (someone has the floor). */
struct floor_speaker {
	long long id;
	int item_num;
	int seq;
	struct floor_who who;
	time_t start;
};

/* One intervention of the log; end is 0 while it runs. */
struct floor_entry {
	long long id;
	long long item_id;
	int item_num;
	int seq;                     /* 1, 2, … within the item */
	struct floor_who who;
	time_t start, end;
	long seconds;                /* end - start, or up to clock_now() */
	char *summary;               /* malloc'd (floor_entries_free) */
};

/* Keyset position in a log: (item_id, seq) of the last row seen;
 * {0, 0} is before the first, {LLONG_MAX, LLONG_MAX} after the last. */
struct floor_cursor {
	long long item_id, seq;
};

struct floor_counts {
	int waiting;                 /* requests for the item in progress */
	int item_interventions;      /* interventions of the item in progress */
	long item_seconds;           /* their speaking time (closed ones) */
	int session_interventions;
};

/* The list of speakers of the item in progress, in order: at most cap
 * rows; *n the count. DB_OK (with *n = 0 when no item is in progress) or
 * a db status < 0. */
int floor_queue(struct db *db, long long session, struct floor_request *rows, size_t cap,
		size_t *n);
/* The current speaker: 1 someone has the floor, 0 nobody, < 0 status. */
int floor_current(struct db *db, long long session, struct floor_speaker *sp);
/*
 * The log of interventions, oldest first: of item number item_num, or of
 * the whole session when item_num is 0 (ordered by item then seq). At most
 * `limit` rows after `after` (NULL: from the first). Each row's summary is
 * malloc'd: floor_entries_free(rows, *n) before the rows are read again
 * (a page of rows takes the length of its summaries, not 4 KB a row).
 */
int floor_log(struct db *db, long long session, long long item_num,
	      const struct floor_cursor *after, struct floor_entry *rows, size_t limit,
	      size_t *n);
void floor_entries_free(struct floor_entry *rows, size_t n);
/* The same rows handed one at a time to fn (the reader's row and summary,
 * valid during the call; fn reads nothing from db): a screen keeps what
 * it shows of each. DB_OK or < 0. */
int floor_log_each(struct db *db, long long session, long long item_num,
		   const struct floor_cursor *after, size_t limit,
		   void (*fn)(const struct floor_entry *e, void *ud), void *ud);
int floor_counts(struct db *db, long long session, struct floor_counts *c);

/* A delegate of a delegation, as the Floor screen offers speakers. */
struct floor_name {
	char name[FLOOR_NAME_MAX + 1];
	bool present;
};
/* The delegates of the delegation with code (any case) in the session,
 * by name: *rows malloc'd (free()), *n of them. 0, 1 no such delegation,
 * < 0 a db status. */
int floor_delegates(struct db *db, long long session, const char *code,
		    struct floor_name **rows, size_t *n);

/* The SQL text of the i-th read query (NULL past the end), for EXPLAIN
 * QUERY PLAN checks in tests and benchmarks. */
const char *floor_query_sql(size_t i);

/* Command handlers (floor.c). */
int cmd_queue_add(struct cmd_ctx *);     /* q+ CODE ["NAME"] [TYPE] */
int cmd_queue_del(struct cmd_ctx *);     /* q- CODE */
int cmd_queue_move(struct cmd_ctx *);    /* qmove CODE POS */
int cmd_floor(struct cmd_ctx *);         /* floor [CODE] */
int cmd_yield(struct cmd_ctx *);         /* yield "SUMMARY" */
/* intervention= ITEM SEQ FIELD VALUE (floor_edit.c) */
int cmd_intervention_edit(struct cmd_ctx *);
/* The fields intervention= changes (edit_field.h): the parser and the minutes. */
extern const struct edit_fields floor_intervention_fields;

#endif
