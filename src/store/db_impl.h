/*
 * db_impl.h — the connection as db.c and db_copy.c see it (the two files
 * that include sqlite3.h); nothing else includes this header.
 */
#ifndef RAPPORTEUR_DB_IMPL_H
#define RAPPORTEUR_DB_IMPL_H

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <stdbool.h>

#include "db.h"

#define CACHE_SIZE 512  /* power of two; more than the distinct SQL texts */

struct cache_slot {
	const char *sql;
	sqlite3_stmt *stmt;
	unsigned gen;            /* db->gen when last used */
};

struct db {
	sqlite3 *h;
	char *path;
	bool readonly;
	int cache_kb;            /* PRAGMA cache_size, KiB; 0: SQLite's default */
	int status;              /* status class of the last error */
	enum db_error code;      /* what the last error means */
	char err[512];           /* last error, one line */
	struct cache_slot cache[CACHE_SIZE];
	unsigned gen;            /* db_release_statements calls */
	sqlite3_session *capture; /* db_capture_begin .. end */
};

/* Record the connection's error rc; returns its status class (DB_…). */
int db_fail(struct db *db, int rc);
/* PRAGMA cache_size as db->cache_kb says. */
void db_apply_cache_size(struct db *db);

#endif
