/*
 * db.c — with db_copy.c, the only file that includes sqlite3.h. Opens the database with
 * the settings DESIGN §7 asks for (foreign keys, WAL, busy timeout, file
 * mode 0600), applies the migrations of schema.c, wraps transactions and
 * keeps a cache of prepared statements keyed by their SQL text pointer.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
/* The session extension (change sets, for undo): Debian's libsqlite3 is
 * built with it; these make sqlite3.h declare it. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_impl.h"
#include "i18n.h"
#include "schema.h"
#include "util.h"

static int status_of(int rc)
{
	switch (rc & 0xFF) {
	case SQLITE_OK: return DB_OK;
	case SQLITE_ROW: return DB_ROW;
	case SQLITE_DONE: return DB_DONE;
	case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return DB_BUSY;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM: return DB_READONLY;
	case SQLITE_FULL: return DB_FULL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: return DB_CORRUPT;
	default: return DB_ERROR;
	}
}

/* The names the schema's triggers RAISE (schema.c), as codes. */
static const struct {
	const char *name;
	enum db_error code;
} raised[] = {
	{ "R5_OBSERVER", DBE_R5_OBSERVER },
	{ "JOURNAL_APPEND_ONLY", DBE_JOURNAL_APPEND_ONLY },
	{ "DELEGATION_IN_USE", DBE_DELEGATION_IN_USE },
	{ "DELEGATION_REPLACE", DBE_DELEGATION_REPLACE },
	{ "VERSION_KEPT", DBE_VERSION_KEPT },
	{ "FOLLOWUP_NOT_ADOPTED", DBE_FOLLOWUP_NOT_ADOPTED },
};

/* What an error of status class `status` means; rc is SQLite's extended
 * code (0 when unknown). */
static enum db_error code_of(int status, int rc, const char *msg)
{
	switch (status) {
	case DB_BUSY: return DBE_BUSY;
	case DB_FULL: return DBE_FULL;
	case DB_READONLY: return DBE_READONLY;
	case DB_CORRUPT: return DBE_CORRUPT;
	case DB_CONSTRAINT: break;
	default: return DBE_OTHER;
	}
	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
		return DBE_UNIQUE;
	for (size_t i = 0; i < ARRAY_SIZE(raised); i++)
		if (strcmp(msg, raised[i].name) == 0)
			return raised[i].code;
	return DBE_CONSTRAINT;
}

/* Record the connection's error; returns its status class. A write that
 * the file size limit (EFBIG) or a full file system (ENOSPC) stopped is
 * reported by SQLite as an I/O error: it is a full disk to the user. */
int db_fail(struct db *db, int rc)
{
	int sys = errno; /* SQLite does not always keep it (sqlite3_system_errno) */

	db->status = status_of(rc);
	if ((rc & 0xFF) == SQLITE_IOERR && db->h) {
		if (sqlite3_system_errno(db->h) == EFBIG || sqlite3_system_errno(db->h) == ENOSPC ||
		    sys == EFBIG || sys == ENOSPC)
			db->status = DB_FULL;
	}
	str_copy(db->err, db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc), sizeof db->err);
	db->code = code_of(db->status, db->h ? sqlite3_extended_errcode(db->h) : rc, db->err);
	return db->status;
}

const char *db_errmsg(struct db *db)
{
	return db->err[0] ? db->err : "no error";
}

int db_errstatus(struct db *db)
{
	return db->status;
}

enum db_error db_error_code(struct db *db)
{
	return db->code;
}

/* Create the file with mode 0600 before SQLite opens it, so that it is
 * never readable by others, whatever the umask. */
static int create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0)
		return errno == EEXIST ? 0 : -1;
	close(fd);
	return 0;
}

static int migrate(struct db *db, char *err, size_t errlen)
{
	int v = db_user_version(db);

	if (v < 0) {
		str_printf(err, errlen, _("%s: not a rapporteur database (%s)"), db->path,
			   db_errmsg(db));
		return db->status ? db->status : DB_CORRUPT;
	}
	if (v > DB_SCHEMA_VERSION) {
		str_printf(err, errlen,
			   _("%s: made by a newer rapporteur (schema %d, this program knows %d)"),
			   db->path, v, DB_SCHEMA_VERSION);
		return DB_TOO_NEW;
	}
	if (v == DB_SCHEMA_VERSION)
		return DB_OK;
	if (db->readonly) {
		str_printf(err, errlen, _("%s: needs an upgrade; open it once without --read-only"),
			   db->path);
		return DB_READONLY;
	}
	if (db_begin(db) != DB_OK)
		goto failed;
	for (int i = v; i < schema_migration_count && i < DB_SCHEMA_VERSION; i++) {
		char pragma[64];

		if (db_exec(db, schema_migrations[i]) != DB_OK)
			goto rollback;
		str_printf(pragma, sizeof pragma, "PRAGMA user_version = %d", i + 1);
		if (db_exec(db, pragma) != DB_OK)
			goto rollback;
	}
	if (db_commit(db) == DB_OK)
		return DB_OK;
rollback:
	db_rollback(db);
failed:
	str_printf(err, errlen, _("%s: cannot prepare the database: %s"), db->path, db_errmsg(db));
	return db->status ? db->status : DB_ERROR;
}

/* SQLite's settings for the whole process, before its first connection:
 * no block of 20 pages reserved up front by each page cache (87 KB for
 * the one page of a small temporary table of a sort): pages are
 * allocated as they are read. */
static void configure_sqlite(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
}

long long db_memory_used(void)
{
	return (long long)sqlite3_memory_used();
}

/* The page cache the connection keeps (db_quick_check sets its own for
 * the time of the check, then this one again). */
void db_apply_cache_size(struct db *db)
{
	char pragma[48];

	str_printf(pragma, sizeof pragma, "PRAGMA cache_size = %d",
		   db->cache_kb ? -db->cache_kb : -2000 /* SQLite's default */);
	db_exec(db, pragma);
}

int db_open(const char *path, unsigned flags, struct db **out, char *err, size_t errlen)
{
	struct db *db = xcalloc(1, sizeof *db);
	int oflags, rc;
	struct stat st;

	*out = NULL;
	db->path = xstrdup(path);
	db->readonly = flags & DB_OPEN_READONLY;
	/* A device, a FIFO or a folder is no database: SQLite would write its
	 * journal beside it (/dev/null-journal as root). */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		str_printf(err, errlen, _("%s: not a regular file"), path);
		rc = DB_ERROR;
		goto out;
	}
	if (!db->readonly && stat(path, &st) != 0) {
		if (!(flags & DB_OPEN_CREATE)) {
			str_printf(err, errlen, _("%s: no such database"), path);
			rc = DB_ERROR;
			goto out;
		}
		if (create_private(path) != 0) {
			str_printf(err, errlen, _("%s: cannot create: %s"), path, strerror(errno));
			rc = DB_READONLY;
			goto out;
		}
	} else if (db->readonly && stat(path, &st) != 0) {
		str_printf(err, errlen, _("%s: no such database"), path);
		rc = DB_ERROR;
		goto out;
	}
	configure_sqlite();
	oflags = (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		 SQLITE_OPEN_NOMUTEX;
	rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc);
		str_printf(err, errlen, _("%s: cannot open: %s"), path, db_errmsg(db));
		rc = db->status;
		goto out;
	}
	sqlite3_extended_result_codes(db->h, 0);
	sqlite3_busy_timeout(db->h, 5000);
	/* The first statement reads the header: a non-database fails here. */
	if (db_exec(db, "PRAGMA foreign_keys = ON") != DB_OK || db_user_version(db) < 0) {
		if (db->status == DB_READONLY)
			str_printf(err, errlen,
				   _("%s: cannot open: the file or its folder is write-protected "
				     "(%s)"), path, db_errmsg(db));
		else if (db->status == DB_BUSY)
			str_printf(err, errlen, _("%s: locked by another program (%s)"), path,
				   db_errmsg(db));
		else
			str_printf(err, errlen, _("%s: not a rapporteur database (%s)"), path,
				   db_errmsg(db));
		rc = db->status ? db->status : DB_CORRUPT;
		goto out;
	}
	/* SQLite quietly opens a write-protected file read-only: say so now
	 * rather than refuse every command later. */
	if (!db->readonly && sqlite3_db_readonly(db->h, "main") == 1) {
		str_printf(err, errlen, _("%s: the file is write-protected (use --read-only to read it)"),
			   path);
		rc = DB_READONLY;
		goto out;
	}
	if (!db->readonly) {
		if (db_exec(db, "PRAGMA journal_mode = WAL") != DB_OK) {
			/* It reads the schema: a damaged page there fails here. */
			if (db->status == DB_CORRUPT)
				str_printf(err, errlen, "%s: %s", path,
					   _("the database file is damaged"));
			else
				str_printf(err, errlen, _("%s: cannot open: %s"), path,
					   db_errmsg(db));
			rc = db->status;
			goto out;
		}
		db_exec(db, (flags & DB_OPEN_SYNC_FULL) || getenv("RAPPORTEUR_SYNC_FULL")
				    ? "PRAGMA synchronous = FULL"
				    : "PRAGMA synchronous = NORMAL");
	}
	if (flags & DB_OPEN_SCREEN) {
		db->cache_kb = DB_SCREEN_CACHE_KB;
		db_apply_cache_size(db);
	}
	if (!(flags & DB_OPEN_NO_MIGRATE) && (rc = migrate(db, err, errlen)) != DB_OK)
		goto out;
	*out = db;
	return DB_OK;
out:
	db_close(&db);
	return rc < 0 ? rc : DB_ERROR;
}

void db_close(struct db **pdb)
{
	struct db *db = pdb ? *pdb : NULL;

	if (!db)
		return;
	db_capture_cancel(db);
	for (int i = 0; i < CACHE_SIZE; i++)
		if (db->cache[i].stmt)
			sqlite3_finalize(db->cache[i].stmt);
	if (db->h)
		sqlite3_close(db->h);
	free(db->path);
	free(db);
	*pdb = NULL;
}

bool db_is_readonly(const struct db *db)
{
	return db->readonly;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

int db_user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1, rc;

	rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc);
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	else
		db_fail(db, rc);
	sqlite3_finalize(st);
	return v;
}

int db_exec(struct db *db, const char *sql)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? DB_OK : db_fail(db, rc);
}

int db_begin(struct db *db)
{
	return db_exec(db, "BEGIN IMMEDIATE");
}

int db_commit(struct db *db)
{
	return db_exec(db, "COMMIT");
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h)) {
		char keep[sizeof db->err];
		int status = db->status;
		enum db_error code = db->code;

		/* Keep the error that caused the rollback. */
		memcpy(keep, db->err, sizeof keep);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		memcpy(db->err, keep, sizeof keep);
		db->status = status;
		db->code = code;
	}
}

bool db_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(db->h);
}

long long db_data_version(struct db *db)
{
	struct dbq *q = db_prepare(db, "PRAGMA data_version");
	long long v = -1;

	if (q && dbq_step(q) == DB_ROW)
		v = dbq_int(q, 0);
	if (q)
		dbq_reset(q);
	return v;
}

/* The struct db behind the statements last prepared, to record errors
 * met by dbq_step (checked against the statement's own handle). */
static struct db *owner;

struct dbq *db_prepare(struct db *db, const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 3) & (CACHE_SIZE - 1);
	sqlite3_stmt *st;
	int rc;

	owner = db;
	for (size_t i = 0; i < CACHE_SIZE; i++) {
		struct cache_slot *s = &db->cache[(h + i) & (CACHE_SIZE - 1)];

		if (s->sql == sql) {
			sqlite3_reset(s->stmt);
			sqlite3_clear_bindings(s->stmt);
			s->gen = db->gen;
			return (struct dbq *)s->stmt;
		}
		if (!s->sql) {
			rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
			if (rc != SQLITE_OK) {
				db_fail(db, rc);
				return NULL;
			}
			s->sql = sql;
			s->stmt = st;
			s->gen = db->gen;
			return (struct dbq *)st;
		}
	}
	die("statement cache full");
}

/* Put a kept statement back in the cache (db_release_statements). */
static void cache_put(struct db *db, struct cache_slot slot)
{
	size_t h = ((size_t)(uintptr_t)slot.sql >> 3) & (CACHE_SIZE - 1);

	while (db->cache[h].sql)
		h = (h + 1) & (CACHE_SIZE - 1);
	db->cache[h] = slot;
}

void db_release_statements(struct db *db)
{
	struct cache_slot *keep = xmalloc(db_statement_count(db) * sizeof *keep + 1);
	size_t n = 0;

	for (size_t i = 0; i < CACHE_SIZE; i++) {
		struct cache_slot *s = &db->cache[i];

		if (!s->sql)
			continue;
		if (s->gen == db->gen || sqlite3_stmt_busy(s->stmt))
			keep[n++] = *s;
		else
			sqlite3_finalize(s->stmt);
		s->sql = NULL;
		s->stmt = NULL;
	}
	/* The slots emptied would cut the probe sequences: put back. */
	for (size_t i = 0; i < n; i++)
		cache_put(db, keep[i]);
	free(keep);
	db->gen++;
}

size_t db_statement_count(const struct db *db)
{
	size_t n = 0;

	for (size_t i = 0; i < CACHE_SIZE; i++)
		n += db->cache[i].sql != NULL;
	return n;
}

#define ST(q) ((sqlite3_stmt *)(q))

void dbq_bind_int(struct dbq *q, int idx, long long v)
{
	sqlite3_bind_int64(ST(q), idx, v);
}

void dbq_bind_text(struct dbq *q, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(ST(q), idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ST(q), idx);
}

void dbq_bind_null(struct dbq *q, int idx)
{
	sqlite3_bind_null(ST(q), idx);
}

int dbq_step(struct dbq *q)
{
	int rc = sqlite3_step(ST(q));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	sqlite3_reset(ST(q));
	if (owner && owner->h == sqlite3_db_handle(ST(q)))
		return db_fail(owner, rc);
	return status_of(rc);
}

long long dbq_int(struct dbq *q, int col)
{
	return sqlite3_column_int64(ST(q), col);
}

const char *dbq_text(struct dbq *q, int col)
{
	return (const char *)sqlite3_column_text(ST(q), col);
}

bool dbq_is_null(struct dbq *q, int col)
{
	return sqlite3_column_type(ST(q), col) == SQLITE_NULL;
}

char *dbq_dup(struct dbq *q, int col)
{
	const char *s = dbq_text(q, col);

	return xstrdup(s ? s : "");
}

void dbq_copy(struct dbq *q, int col, char *dst, size_t size)
{
	const char *s = dbq_text(q, col);

	str_copy(dst, s ? s : "", size);
}

void dbq_reset(struct dbq *q)
{
	sqlite3_reset(ST(q));
}

static void bind_va(struct dbq *q, const char *types, va_list ap)
{
	for (int i = 0; types && types[i]; i++) {
		switch (types[i]) {
		case 'i': dbq_bind_int(q, i + 1, va_arg(ap, long long)); break;
		case 't': dbq_bind_text(q, i + 1, va_arg(ap, const char *)); break;
		case 'n': dbq_bind_null(q, i + 1); break;
		default: die("db: bad parameter type '%c'", types[i]);
		}
	}
}

struct dbq *db_query(struct db *db, const char *sql, const char *types, ...)
{
	struct dbq *q = db_prepare(db, sql);
	va_list ap;

	if (!q)
		return NULL;
	va_start(ap, types);
	bind_va(q, types, ap);
	va_end(ap);
	return q;
}

int db_run(struct db *db, const char *sql, const char *types, ...)
{
	struct dbq *q = db_prepare(db, sql);
	va_list ap;
	int rc;

	if (!q)
		return db->status;
	va_start(ap, types);
	bind_va(q, types, ap);
	va_end(ap);
	rc = dbq_step(q);
	dbq_reset(q);
	if (rc == DB_ROW || rc == DB_DONE)
		return DB_OK;
	return rc;
}

long long db_int(struct db *db, long long dflt, const char *sql, const char *types, ...)
{
	struct dbq *q = db_prepare(db, sql);
	va_list ap;
	long long v = dflt;

	if (!q)
		return dflt;
	va_start(ap, types);
	bind_va(q, types, ap);
	va_end(ap);
	if (dbq_step(q) == DB_ROW && !dbq_is_null(q, 0))
		v = dbq_int(q, 0);
	dbq_reset(q);
	return v;
}

char *db_text(struct db *db, const char *sql, const char *types, ...)
{
	struct dbq *q = db_prepare(db, sql);
	va_list ap;
	char *s = NULL;

	if (!q)
		return NULL;
	va_start(ap, types);
	bind_va(q, types, ap);
	va_end(ap);
	if (dbq_step(q) == DB_ROW)
		s = xstrdup(dbq_text(q, 0));
	dbq_reset(q);
	return s;
}

long long db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

void dbq_bind_blob(struct dbq *q, int idx, const void *p, int n)
{
	if (p)
		sqlite3_bind_blob(ST(q), idx, p, n, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ST(q), idx);
}

const void *dbq_blob(struct dbq *q, int col, int *n)
{
	const void *p = sqlite3_column_blob(ST(q), col);

	*n = sqlite3_column_bytes(ST(q), col);
	return p;
}

/* ---- change capture (undo) ---- */

/* The record, without what undo must never touch: the journal (append-
 * only), the change sets kept beside it, and the drafts of text. */
static int capture_filter(void *ctx, const char *table)
{
	(void)ctx;
	return strcmp(table, "journal") != 0 && strcmp(table, "journal_change") != 0 &&
	       strcmp(table, "draft") != 0;
}

int db_capture_begin(struct db *db)
{
	int rc;

	db_capture_cancel(db);
	rc = sqlite3session_create(db->h, "main", &db->capture);
	if (rc == SQLITE_OK) {
		sqlite3session_table_filter(db->capture, capture_filter, NULL);
		rc = sqlite3session_attach(db->capture, NULL);
	}
	if (rc != SQLITE_OK) {
		db_capture_cancel(db);
		return db_fail(db, rc);
	}
	return DB_OK;
}

int db_capture_end(struct db *db, void **out, int *n)
{
	void *p = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (!db->capture)
		return DB_OK;
	rc = sqlite3session_changeset(db->capture, n, &p);
	db_capture_cancel(db);
	if (rc != SQLITE_OK) {
		sqlite3_free(p);
		*n = 0;
		return db_fail(db, rc);
	}
	if (*n > 0) {
		*out = xmalloc((size_t)*n);
		memcpy(*out, p, (size_t)*n);
	}
	sqlite3_free(p);
	return DB_OK;
}

int db_capture_count(struct db *db)
{
	void *p = NULL;
	int n = 0, count = 0;

	if (db->capture && sqlite3session_changeset(db->capture, &n, &p) == SQLITE_OK)
		count = db_changeset_count(p, n);
	sqlite3_free(p);
	return count;
}

void db_capture_cancel(struct db *db)
{
	if (db->capture)
		sqlite3session_delete(db->capture);
	db->capture = NULL;
}

int db_changeset_count(const void *p, int n)
{
	sqlite3_changeset_iter *it;
	int count = 0;

	if (n <= 0 || sqlite3changeset_start(&it, n, (void *)p) != SQLITE_OK)
		return 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		count++;
	sqlite3changeset_finalize(it);
	return count;
}

struct revert_ctx {
	char *table;
	size_t size;
};

/* Any row that no longer holds what the change left stops the revert,
 * except a row to delete that is already gone (a foreign-key cascade of
 * the same revert, or another writer, removed it: the aim is reached). */
static int revert_conflict(void *ud, int kind, sqlite3_changeset_iter *it)
{
	struct revert_ctx *r = ud;
	const char *table = "";
	int ncol, op, indirect;

	if (kind != SQLITE_CHANGESET_FOREIGN_KEY &&
	    sqlite3changeset_op(it, &table, &ncol, &op, &indirect) == SQLITE_OK) {
		if (kind == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
			return SQLITE_CHANGESET_OMIT;
	}
	if (!r->table[0])
		str_copy(r->table, kind == SQLITE_CHANGESET_FOREIGN_KEY ? "foreign key" : table,
			 r->size);
	return SQLITE_CHANGESET_ABORT;
}

int db_changeset_revert(struct db *db, const void *p, int n, char *table, size_t tablesize)
{
	struct revert_ctx r = { table, tablesize };
	void *inv = NULL;
	int ninv = 0, rc;

	table[0] = '\0';
	if (n <= 0)
		return DB_OK;
	rc = sqlite3changeset_invert(n, p, &ninv, &inv);
	if (rc == SQLITE_OK)
		rc = sqlite3changeset_apply(db->h, ninv, inv, NULL, revert_conflict, &r);
	sqlite3_free(inv);
	if (rc == SQLITE_OK)
		return DB_OK;
	if (rc == SQLITE_ABORT || table[0]) {
		db->status = DB_CONSTRAINT;
		str_printf(db->err, sizeof db->err, "changed since: %s", table);
		return DB_CONSTRAINT;
	}
	return db_fail(db, rc);
}

bool db_integrity_ok(struct db *db)
{
	char *r = db_text(db, "PRAGMA integrity_check", "");
	bool ok = r && strcmp(r, "ok") == 0;

	free(r);
	return ok;
}
