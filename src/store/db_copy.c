/*
 * db_copy.c — the database as a whole, for safety (issue 12): the check
 * at start (PRAGMA quick_check, bounded in time), backups with SQLite's
 * online backup API (consistent while other connections write), restore
 * from a backup, and recover: what can still be read of a damaged file
 * copied into a new one, table by table, row by row where a page is bad.
 *
 * Recover builds INSERT … SELECT from the table and column names of the
 * schema itself (sqlite_schema, table_info), quoted as identifiers: never
 * from data. Every file written here is written beside its final name
 * (NAME.tmp.PID), fsynced, then renamed: a kill leaves the old file or
 * the new one, whole.
 */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_impl.h"
#include "i18n.h"
#include "util.h"

/* ---- quick_check ---- */

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static int past_deadline(void *deadline)
{
	return now_ms() > *(double *)deadline;
}

int db_quick_check(struct db *db, int budget_ms, char *msg, size_t msglen)
{
	double deadline = now_ms() + budget_ms;
	sqlite3_stmt *st;
	int rc, out = DB_OK;

	msg[0] = '\0';
	/* The check reads every page once: through a small cache, released
	 * after, so that it does not set the process's peak memory (a 2 MB
	 * cache filled at start on a large file; DESIGN §7's 6 MB). */
	sqlite3_exec(db->h, "PRAGMA cache_size = -128", NULL, NULL, NULL);
	sqlite3_progress_handler(db->h, 1000, past_deadline, &deadline);
	rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
			str_copy(msg, (const char *)sqlite3_column_text(st, 0), msglen);
			out = DB_CORRUPT;
		}
		sqlite3_finalize(st);
	}
	sqlite3_progress_handler(db->h, 0, NULL, NULL);
	sqlite3_db_release_memory(db->h);
	db_apply_cache_size(db);
	if (out == DB_OK && rc == SQLITE_INTERRUPT)
		return DB_BUSY; /* not finished in time: not checked */
	if (out == DB_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(db, rc);
		if (db->status == DB_CORRUPT) {
			str_copy(msg, db->err, msglen);
			return DB_CORRUPT;
		}
		return db->status;
	}
	return out;
}

/* ---- files written whole ---- */

static char *tmp_name(const char *path)
{
	return xasprintf("%s.tmp.%ld", path, (long)getpid());
}

static void unlink_db(const char *p)
{
	char *w = xasprintf("%s-wal", p), *s = xasprintf("%s-shm", p), *j = xasprintf("%s-journal", p);

	unlink(p);
	unlink(w);
	unlink(s);
	unlink(j);
	free(w);
	free(s);
	free(j);
}

static int fsync_name(const char *p)
{
	int fd = open(p, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* fsync tmp, rename it to path, fsync the folder. 0 or -1 (errno). */
static int put_in_place(const char *tmp, const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc;

	if (slash)
		slash[slash == dir] = '\0';
	rc = fsync_name(tmp) == 0 && rename(tmp, path) == 0 ? 0 : -1;
	if (rc == 0)
		fsync_name(slash ? dir : ".");
	free(dir);
	return rc;
}

/* ---- backup and restore ---- */

/* Copy src's main database onto dst's with the online backup API, 256
 * pages at a time so that writers are not held up; a busy source is
 * retried for about as long as the busy timeout. */
static int copy_pages(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, busy = 0;

	if (!b)
		return sqlite3_errcode(dst);
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++busy > 250)
				break;
			sqlite3_sleep(20);
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return SQLITE_OK;
	return rc == SQLITE_OK ? SQLITE_BUSY : rc;
}

int db_backup_file(struct db *db, const char *out, char *err, size_t errlen)
{
	char *tmp = tmp_name(out);
	sqlite3 *dst = NULL;
	int fd, rc;

	unlink_db(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		str_printf(err, errlen, _("%s: cannot create: %s"), out, strerror(errno));
		free(tmp);
		return DB_READONLY;
	}
	close(fd);
	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_pages(dst, db->h);
	if (rc == SQLITE_OK) /* one file, no -wal beside it */
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		str_printf(err, errlen, _("%s: backup failed: %s"), out,
			   dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
	sqlite3_close(dst);
	if (rc == SQLITE_OK && put_in_place(tmp, out) != 0) {
		str_printf(err, errlen, _("%s: cannot create: %s"), out, strerror(errno));
		rc = SQLITE_CANTOPEN;
	}
	if (rc != SQLITE_OK)
		unlink_db(tmp);
	free(tmp);
	return rc == SQLITE_OK ? DB_OK : db_fail(db, rc);
}

int db_restore_file(struct db *db, const char *from, char *err, size_t errlen)
{
	struct db *src = NULL;
	char msg[256];
	int rc;

	if (db_open(from, DB_OPEN_READONLY | DB_OPEN_NO_MIGRATE, &src, err, errlen) != DB_OK)
		return DB_ERROR;
	if (db_user_version(src) != DB_SCHEMA_VERSION) {
		str_printf(err, errlen, _("%s: made by another version of rapporteur (schema %d, not %d)"),
			   from, db_user_version(src), DB_SCHEMA_VERSION);
		db_close(&src);
		return DB_ERROR;
	}
	if (db_quick_check(src, 60000, msg, sizeof msg) == DB_CORRUPT) {
		str_printf(err, errlen, _("%s: the backup is damaged (%s)"), from, msg);
		db_close(&src);
		return DB_CORRUPT;
	}
	rc = copy_pages(db->h, src->h);
	db_close(&src);
	if (rc != SQLITE_OK) {
		db_fail(db, rc);
		str_printf(err, errlen, _("%s: restore failed: %s"), db->path, db->err);
		return db->status;
	}
	return DB_OK;
}

/* ---- recover ---- */

/* Append the identifier s, quoted, to the growing string *b. */
static void add_ident(char **b, const char *s)
{
	char *q = xmalloc(2 * strlen(s) + 3), *o = q;

	*o++ = '"';
	for (; *s; s++) {
		if (*s == '"')
			*o++ = '"';
		*o++ = *s;
	}
	*o++ = '"';
	*o = '\0';
	{
		char *n = xasprintf("%s%s", *b, q);

		free(*b);
		*b = n;
	}
	free(q);
}

static void add(char **b, const char *s)
{
	char *n = xasprintf("%s%s", *b, s);

	free(*b);
	*b = n;
}

/* The columns of main.T that src.T has too, quoted and comma-separated;
 * NULL when src has no such table. */
static char *common_columns(sqlite3 *h, const char *table)
{
	sqlite3_stmt *st;
	char *cols = xstrdup("");
	int n = 0;

	if (sqlite3_prepare_v2(h, "SELECT m.name FROM pragma_table_info(?1, 'main') m"
			       " JOIN pragma_table_info(?1, 'src') s ON s.name = m.name ORDER BY m.cid",
			       -1, &st, NULL) != SQLITE_OK) {
		free(cols);
		return NULL;
	}
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++)
			add(&cols, ", ");
		add_ident(&cols, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (n == 0)
		xfree(&cols);
	return cols;
}

/* Run sql (with up to two rowid bounds); rows inserted, or -1. */
static long long run_copy(sqlite3 *h, const char *sql, long long lo, long long hi)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_bind_parameter_count(st) >= 2) {
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? sqlite3_changes(h) : -1;
}

/* The next up to 256 rowids of src.T after `after` into ids; count, or
 * -1 when they cannot be read. */
static int next_ids(sqlite3 *h, const char *select_ids, long long after, long long ids[256])
{
	sqlite3_stmt *st;
	int n = 0, rc;

	if (sqlite3_prepare_v2(h, select_ids, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 256)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1;
}

/* Copy one table; adds to st. A table that cannot be read whole is
 * copied 256 rows at a time by rowid, then row by row where that fails. */
static void recover_table(sqlite3 *h, const char *table, struct db_recover_stats *st)
{
	char *cols = common_columns(h, table), *whole = xstrdup("INSERT INTO main."), *range, *ids;
	long long n, after = -(1LL << 62), id[256];
	int k;

	if (!cols) {
		free(whole);
		return;
	}
	add_ident(&whole, table);
	add(&whole, " (");
	add(&whole, cols);
	add(&whole, ") SELECT ");
	add(&whole, cols);
	add(&whole, " FROM src.");
	add_ident(&whole, table);
	range = xasprintf("%s WHERE rowid BETWEEN ?1 AND ?2", whole);
	ids = xstrdup("SELECT rowid FROM src.");
	add_ident(&ids, table);
	add(&ids, " WHERE rowid > ?1 ORDER BY rowid LIMIT 256");
	st->tables++;
	if ((n = run_copy(h, whole, 0, 0)) >= 0) {
		st->rows += n;
		goto out;
	}
	st->damaged++;
	while ((k = next_ids(h, ids, after, id)) > 0) {
		if ((n = run_copy(h, range, id[0], id[k - 1])) >= 0)
			st->rows += n;
		else
			for (int i = 0; i < k; i++) {
				n = run_copy(h, range, id[i], id[i]);
				if (n >= 0)
					st->rows += n;
				else
					st->lost++;
			}
		after = id[k - 1];
	}
out:
	free(cols);
	free(whole);
	free(range);
	free(ids);
}

static int recover_into(struct db *o, const char *from, struct db_recover_stats *st)
{
	sqlite3_stmt *q;
	int rc;

	sqlite3_exec(o->h, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	rc = sqlite3_prepare_v2(o->h, "ATTACH ?1 AS src", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, from, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(o->h);
		sqlite3_finalize(q);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(o->h, "SELECT count(*) FROM src.sqlite_schema", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return db_fail(o, rc);
	/* A new file: written without fsyncs, synced once in put_in_place. */
	sqlite3_exec(o->h, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	rc = sqlite3_prepare_v2(o->h, "SELECT name FROM main.sqlite_schema WHERE type = 'table'"
				" AND name NOT LIKE 'sqlite_%' ORDER BY rowid", -1, &q, NULL);
	if (rc != SQLITE_OK)
		return db_fail(o, rc);
	while (sqlite3_step(q) == SQLITE_ROW) {
		char *t = xstrdup((const char *)sqlite3_column_text(q, 0));

		/* Each INSERT … SELECT is its own transaction: an error reading a
		 * bad page of src spoils the transaction it happens in. */
		recover_table(o->h, t, st);
		free(t);
	}
	sqlite3_finalize(q);
	sqlite3_exec(o->h, "DETACH src", NULL, NULL, NULL);
	return DB_OK;
}

int db_recover_file(const char *from, const char *out, struct db_recover_stats *st, char *err,
		    size_t errlen)
{
	char *tmp = tmp_name(out);
	struct db *o = NULL;
	int rc;

	memset(st, 0, sizeof *st);
	unlink_db(tmp);
	rc = db_open(tmp, DB_OPEN_CREATE, &o, err, errlen);
	if (rc == DB_OK && (rc = recover_into(o, from, st)) != DB_OK)
		str_printf(err, errlen, _("%s: cannot read it: %s"), from, o->err);
	if (rc == DB_OK && !db_integrity_ok(o)) {
		str_printf(err, errlen, _("%s: the recovered copy fails its check"), out);
		rc = DB_CORRUPT;
	}
	if (rc == DB_OK)
		sqlite3_exec(o->h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	db_close(&o);
	if (rc == DB_OK && put_in_place(tmp, out) != 0) {
		str_printf(err, errlen, _("%s: cannot create: %s"), out, strerror(errno));
		rc = DB_READONLY;
	}
	if (rc != DB_OK)
		unlink_db(tmp);
	free(tmp);
	return rc;
}
