/*
 * db.h — the storage layer. db.c is the only file that includes sqlite3.h;
 * every other module speaks to SQLite through this small interface:
 * open/migrate, transactions, and cached prepared statements with bound
 * parameters (no SQL is ever built from data).
 *
 * Statements are cached per connection by their SQL text pointer, so pass
 * string literals. A statement returned by db_prepare() is reset and its
 * bindings cleared; it stays valid until the connection is closed.
 */
#ifndef RAPPORTEUR_DB_H
#define RAPPORTEUR_DB_H

#include <stdbool.h>
#include <stddef.h>

struct db;
struct dbq;

enum db_status {
	DB_OK = 0,
	DB_ROW = 100,       /* dbq_step: a row is ready */
	DB_DONE = 101,      /* dbq_step: no more rows */
	DB_ERROR = -1,      /* generic error, see db_errmsg() */
	DB_CONSTRAINT = -2, /* a constraint or trigger refused the change */
	DB_BUSY = -3,       /* locked by another writer beyond busy_timeout */
	DB_READONLY = -4,   /* the file or the connection is read-only */
	DB_FULL = -5,       /* disk full */
	DB_CORRUPT = -6,    /* not a database or damaged */
	DB_TOO_NEW = -7,    /* schema newer than this program */
};

/* What the last error means, named once (db.c) so callers switch on a
 * code and never search the message: SQLite's classes, and the names that
 * the schema's triggers RAISE. */
enum db_error {
	DBE_NONE = 0,
	DBE_OTHER,              /* any other error: see db_errmsg() */
	DBE_BUSY,
	DBE_FULL,
	DBE_READONLY,
	DBE_CORRUPT,
	DBE_CONSTRAINT,         /* a CHECK, NOT NULL, foreign key… refused the change */
	DBE_UNIQUE,             /* a UNIQUE or PRIMARY KEY constraint */
	DBE_R5_OBSERVER,        /* trigger: an observer may not draft (R5) */
	DBE_JOURNAL_APPEND_ONLY, /* trigger: the journal is append-only */
	DBE_DELEGATION_IN_USE,  /* trigger: a delegation the record refers to stays */
	DBE_DELEGATION_REPLACE, /* trigger: a delegation is never replaced (REPLACE) */
	DBE_VERSION_KEPT,       /* trigger: a version of a text is never replaced */
	DBE_FOLLOWUP_NOT_ADOPTED, /* trigger: only adopted recommendations are followed up */
};

enum db_open_flags {
	DB_OPEN_READONLY = 1,   /* SQLITE_OPEN_READONLY; every write fails */
	DB_OPEN_CREATE = 2,     /* create the file (mode 0600) if missing */
	DB_OPEN_NO_MIGRATE = 4, /* do not run migrations (tests) */
	DB_OPEN_SYNC_FULL = 8,  /* synchronous=FULL: a commit survives a power cut */
	DB_OPEN_SCREEN = 16,    /* the screen: a small page cache (DB_SCREEN_CACHE_KB) */
};

/* The screen reads a page of rows at a time: its page cache holds the
 * pages of the screen shown, not the 2 MB SQLite keeps by default. */
#define DB_SCREEN_CACHE_KB 64

/* Current schema version (PRAGMA user_version after migration): the
 * number of migrations in schema.c, so appending one is all it takes. */
extern const int schema_migration_count;
#define DB_SCHEMA_VERSION schema_migration_count

/* Open path, set foreign_keys=ON, WAL, busy_timeout, synchronous=NORMAL in
 * WAL (FULL when RAPPORTEUR_SYNC_FULL is set), and migrate to
 * DB_SCHEMA_VERSION. On failure returns a status and writes a one-line
 * reason naming the file to err. */
int db_open(const char *path, unsigned flags, struct db **out, char *err, size_t errlen);
void db_close(struct db **db);
bool db_is_readonly(const struct db *db);
const char *db_path(const struct db *db);
int db_user_version(struct db *db);
/* Bytes SQLite holds now (every connection of the process). */
long long db_memory_used(void);

/* Transactions: BEGIN IMMEDIATE (so a writer waits on busy_timeout up
 * front rather than failing at COMMIT), COMMIT, ROLLBACK. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
bool db_in_transaction(struct db *db);

/* PRAGMA data_version: changes when another connection commits. */
long long db_data_version(struct db *db);

/* Last error of this connection, one line, its status class and what it
 * means (enum db_error). */
const char *db_errmsg(struct db *db);
int db_errstatus(struct db *db);
enum db_error db_error_code(struct db *db);

/* Run static SQL (no parameters, may hold several statements). */
int db_exec(struct db *db, const char *sql);

/* Prepared statements. */
struct dbq *db_prepare(struct db *db, const char *sql);   /* NULL on error */
/* Finalize the prepared statements not used since the previous call, so
 * that the statements kept are those of the last two screens shown (a
 * screen's statements are prepared again when it comes back). */
void db_release_statements(struct db *db);
size_t db_statement_count(const struct db *db); /* statements kept prepared */
void dbq_bind_int(struct dbq *q, int idx, long long v);   /* idx from 1 */
void dbq_bind_text(struct dbq *q, int idx, const char *s); /* NULL -> NULL */
void dbq_bind_null(struct dbq *q, int idx);
int dbq_step(struct dbq *q);                 /* DB_ROW, DB_DONE or < 0 */
long long dbq_int(struct dbq *q, int col);   /* from 0 */
const char *dbq_text(struct dbq *q, int col);/* NULL for SQL NULL; valid until next step */
bool dbq_is_null(struct dbq *q, int col);
char *dbq_dup(struct dbq *q, int col);       /* malloc'd copy, "" for SQL NULL */
void dbq_copy(struct dbq *q, int col, char *dst, size_t size); /* "" for NULL; truncated */
void dbq_reset(struct dbq *q);

/*
 * Shortcuts with parameters described by a type string, one letter per
 * parameter: 'i' long long, 't' const char * (NULL binds NULL), 'n' NULL.
 *   db_run(db, "UPDATE x SET a=? WHERE id=?", "ti", "v", 3LL);
 * db_run executes a statement that returns no row; returns DB_OK or < 0.
 * db_int returns the first column of the first row, or dflt when no row.
 * db_text returns a malloc'd copy (NULL when no row or NULL).
 */
int db_run(struct db *db, const char *sql, const char *types, ...);
long long db_int(struct db *db, long long dflt, const char *sql, const char *types, ...);
char *db_text(struct db *db, const char *sql, const char *types, ...);
/* Prepare and bind in one call (for loops over rows). NULL on error. */
struct dbq *db_query(struct db *db, const char *sql, const char *types, ...);

long long db_last_id(struct db *db);
int db_changes(struct db *db);

/* Blobs (the changesets of undo). */
void dbq_bind_blob(struct dbq *q, int idx, const void *p, int n);
const void *dbq_blob(struct dbq *q, int col, int *n);

/*
 * Change capture, for undo (SQLite's session extension): between
 * db_capture_begin and db_capture_end, every row that a statement of this
 * connection inserts, updates or deletes in the record (all tables but the
 * journal, its change sets and the drafts) is kept with its old and new
 * values, including rows that foreign-key actions touch.
 * db_capture_end hands back the change set (malloc'd, *n = 0 and *out =
 * NULL when nothing changed); db_capture_count counts the rows captured so
 * far; db_capture_cancel drops them.
 */
int db_capture_begin(struct db *db);
int db_capture_end(struct db *db, void **out, int *n);
int db_capture_count(struct db *db);
void db_capture_cancel(struct db *db);
/* The number of rows a change set touches. */
int db_changeset_count(const void *p, int n);
/* Apply the inverse of change set p inside the caller's transaction.
 * Every row must still hold what the change set left there (a row the
 * inverse deletes may already be gone); otherwise nothing is applied and
 * DB_CONSTRAINT is returned with the table at fault in table. */
int db_changeset_revert(struct db *db, const void *p, int n, char *table, size_t tablesize);

/* PRAGMA integrity_check == "ok". */
bool db_integrity_ok(struct db *db);

/* ---- The whole file (db_copy.c) ---- */

/* PRAGMA quick_check, stopped after budget_ms: DB_OK, DB_CORRUPT with the
 * first problem in msg, DB_BUSY when it did not finish in time (not
 * checked), or another status. */
int db_quick_check(struct db *db, int budget_ms, char *msg, size_t msglen);
/* A consistent copy of the open database into the file out (0600), with
 * SQLite's online backup API: other connections may write meanwhile. out
 * is written beside (out.tmp.PID) and renamed: whole or absent. */
int db_backup_file(struct db *db, const char *out, char *err, size_t errlen);
/* Replace the content of the open database by the backup `from` (same
 * schema version, passing quick_check), through the backup API. */
int db_restore_file(struct db *db, const char *from, char *err, size_t errlen);
/* Copy what can be read of the (damaged) database `from` into a new
 * database out, table by table, then 256 rows, then row by row. */
struct db_recover_stats {
	long long rows;     /* rows copied */
	long long lost;     /* rows found but unreadable */
	int tables;         /* tables copied */
	int damaged;        /* tables that could not be read whole */
};
int db_recover_file(const char *from, const char *out, struct db_recover_stats *st, char *err,
		    size_t errlen);

#endif
