/*
 * backup.h — automatic backups of the database into a folder, keeping the
 * last BACKUP_KEEP of each database (the copy itself: db_backup_file).
 */
#ifndef RAPPORTEUR_BACKUP_H
#define RAPPORTEUR_BACKUP_H

#include <stddef.h>

struct db;

#define BACKUP_KEEP 10

/* A backup of db into dir (created 0700) named NAME-STAMP-WHY.db, then
 * the oldest beyond BACKUP_KEEP removed. The path written goes to out
 * (may be NULL). 0, or -1 with err. */
int backup_auto(struct db *db, const char *dir, const char *why, char *out, size_t outlen,
		char *err, size_t errlen);
/* backup_auto(…, "daily") unless dir already holds one of today. */
int backup_daily(struct db *db, const char *dir, char *err, size_t errlen);

#endif
