/*
 * minutes.h — the read side of the journal (DESIGN §2, §4 screen 6): what
 * the Minutes screen shows, a page at a time. The journal is written only
 * by journal.c (one row per committed command) and is append-only, so seq
 * only grows and a row once seen never changes or disappears.
 *
 * Every read is keyset paging on seq within the session, optionally
 * narrowed to one agenda item, one delegation and/or one event type, and
 * each filter is served by its index (journal_by_session, journal_by_item,
 * journal_by_delegation, journal_by_event): a page costs the same on a
 * journal of 100 rows and of 1,000,000. Nothing here counts rows.
 *
 * struct minutes_view is the window the screen shows: a page of at most
 * `height` rows with a selection. Moving by one row inside the page reads
 * nothing; leaving it, PgUp/PgDn, Home and End read the next rows by key.
 */
#ifndef RAPPORTEUR_MINUTES_H
#define RAPPORTEUR_MINUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct cmd_ctx;
struct db;

#define MINUTES_DETAIL_MAX 511 /* bytes kept of a detail (cut on a character) */
#define MINUTES_CODE_MAX 31    /* event types and delegation codes */

/* What the journal is narrowed to; zero/"" fields do not filter. */
struct minutes_filter {
	long long item;                        /* agenda item number */
	char delegation[MINUTES_CODE_MAX + 1]; /* code as stored (upper case) */
	char event[MINUTES_CODE_MAX + 1];      /* event type (command name) */
};

/* One journal entry. */
struct minutes_row {
	long long seq;
	time_t time;                           /* 0 when the stored text is not a time */
	long long item;                        /* 0 when none */
	char event[MINUTES_CODE_MAX + 1];
	char delegation[MINUTES_CODE_MAX + 1];
	char actor[64];
	char detail[MINUTES_DETAIL_MAX + 1];
	bool cut;                              /* detail may be cut: minutes_detail_full */
};

/* A row of the page of struct minutes_view: a minutes_row whose actor and
 * detail are strings of their length, owned by the view. */
struct minutes_line {
	long long seq;
	time_t time;
	long long item;
	char event[MINUTES_CODE_MAX + 1];
	char delegation[MINUTES_CODE_MAX + 1];
	char *actor, *detail;
	bool cut;
};

/*
 * At most `limit` entries of `session` matching f (NULL: all) with
 * seq > after_seq (minutes_after) or seq < before_seq (minutes_before:
 * the ones just before, LLONG_MAX for the newest), always into rows[] in
 * ascending seq; *n receives the count. DB_OK or a db status < 0.
 */
int minutes_after(struct db *db, long long session, const struct minutes_filter *f,
		  long long after_seq, struct minutes_row *rows, size_t limit, size_t *n);
int minutes_before(struct db *db, long long session, const struct minutes_filter *f,
		   long long before_seq, struct minutes_row *rows, size_t limit, size_t *n);

/* The event type following `after` ("" for the first) in alphabetical
 * order among those present in the session's journal: 1 found (into out),
 * 0 none, < 0 db status. One index lookup per call, so cycling through the
 * types never reads the whole journal. */
int minutes_next_event(struct db *db, long long session, const char *after, char *out,
		       size_t size);

/*
 * The journal's event (minutes_render.h) as columns of a query: its code
 * then EVENT_ARGS_MAX arguments, NULL past the last. minutes_detail()
 * renders the row's text from them, starting at column `col` (the code),
 * or copies `stored` (the detail column) when the row has no code or one
 * this program does not know. dbq is the statement stepped on the row.
 */
#define MINUTES_ARGS_COLS                                                               \
	"json_extract(args, '$[0]'), json_extract(args, '$[1]'), json_extract(args, '$[2]'),"   \
	" json_extract(args, '$[3]'), json_extract(args, '$[4]'), json_extract(args, '$[5]')," \
	" json_extract(args, '$[6]'), json_extract(args, '$[7]'), json_extract(args, '$[8]')," \
	" json_extract(args, '$[9]'), json_extract(args, '$[10]')"
struct dbq;
void minutes_detail(struct db *db, struct dbq *q, int col, const char *stored, char *out,
		    size_t size);

/* Entry seq in full, for reading it whole (minutes_entry.c): time, item,
 * event, delegation, actor, the text in the reader's language, then the
 * command as typed and the state before and after. Malloc'd; NULL when
 * there is no such entry or on a db error. */
char *minutes_entry_text(struct db *db, long long seq);
/* The detail of entry seq rendered in the reader's language without the
 * list's limit (malloc'd; NULL when there is no such entry): for what
 * reads a row whose detail is cut (row.cut), the report and follow. */
char *minutes_detail_full(struct db *db, long long seq);
/* row's detail whole: row->detail, or when it is cut the full text into
 * *owned (free it). */
const char *minutes_row_text(struct db *db, const struct minutes_row *row, char **owned);

/* The SQL text of the i-th read query (NULL past the end), for EXPLAIN
 * QUERY PLAN checks. Parameters: ?1 session, ?2 seq, ?3 limit, ?4 item,
 * ?5 delegation, ?6 event (a query binds only those it names). */
const char *minutes_query_sql(size_t i);

/* ---- the window the screen shows ---- */

struct minutes_view {
	struct db *db;
	long long session;
	struct minutes_filter filter;
	int height;               /* rows of a page, ≥ 1 (minutes_view_resize) */
	struct minutes_line *rows;/* the page: rows[0..n) in ascending seq */
	int n;
	int sel;                  /* selected index, -1 when the page is empty */
	bool at_end;              /* rows[n-1] is the newest matching entry */
	int status;               /* last db status (DB_OK or < 0) */
	struct minutes_line *tmp; /* private: rows fetched before merging,
				   * held during one call only */
	int cap, tmp_cap, tmp_n;
	/* private: minutes_view_shed kept the place of the page here */
	bool shed;
	long long shed_seq;       /* the entry selected, 0: following the end */
	int shed_pos;
};

/* What a movement changed. */
enum minutes_moved {
	MINUTES_STILL = 0, /* nothing (at an edge) */
	MINUTES_SEL = 1,   /* the selection moved inside the same page */
	MINUTES_PAGE = 2,  /* the page changed: repaint every row */
};

void minutes_view_init(struct minutes_view *v, struct db *db, long long session);
void minutes_view_free(struct minutes_view *v);
/* A new page height (clamped to ≥ 1). Reads nothing: call
 * minutes_view_reload() (or anchor/end/home) after it. */
void minutes_view_resize(struct minutes_view *v, int height);

/* The last page with its newest entry selected (the view then follows
 * new entries), or the first page with its oldest entry selected. Return
 * DB_OK or a db status < 0 (the page is then empty). */
int minutes_view_end(struct minutes_view *v);
int minutes_view_home(struct minutes_view *v);
/* Move the selection by delta rows (±1 a row, ±height a page), reading by
 * key only when the selection leaves the page or for a page move, and
 * keeping the page full. Returns an enum minutes_moved, or < 0. */
int minutes_view_move(struct minutes_view *v, int delta);
/* Show entry `seq` (or the nearest matching one before it) at index pos
 * of the page, filling the page from both sides. */
int minutes_view_anchor(struct minutes_view *v, long long seq, int pos);
/* After the journal or the filter changed: the last page when the view
 * follows the newest entry (or is empty), else the same selected entry at
 * the same place. */
int minutes_view_reload(struct minutes_view *v);
/* Free the page but keep its place (the selected entry, where it was on
 * the page, or that the view followed the newest): the next
 * minutes_view_reload() reads it back there (a screen left, issue 16). */
void minutes_view_shed(struct minutes_view *v);
/* The selected entry is the newest: new entries will be followed. */
bool minutes_view_following(const struct minutes_view *v);
/* The selected entry, or NULL. */
const struct minutes_line *minutes_view_selected(const struct minutes_view *v);

/* note "TEXT": a free line of the minutes (the journal row is the note). */
int cmd_note(struct cmd_ctx *);

#endif
