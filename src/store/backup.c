/*
 * backup.c — automatic backups (issue 12): a copy of the database into a
 * backups folder (normally ~/.local/share/rapporteur/backups) when a
 * session is closed and once a day of use of the screen, keeping the last
 * BACKUP_KEEP of each database. Files are named NAME-YYYYMMDDTHHMMSS-WHY.db
 * after the database's file name, so they sort by time.
 */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "util.h"

static char *base_of(const char *path)
{
	const char *s = strrchr(path, '/');
	char *b = xstrdup(s ? s + 1 : path), *dot = strrchr(b, '.');

	if (dot && dot != b)
		*dot = '\0';
	return b;
}

/* mkdir -p, mode 0700. */
static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1;; s++) {
		if (*s && *s != '/')
			continue;
		{
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST)
				rc = -1;
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The backups of database `base` in dir, sorted oldest first. */
static char **list_backups(const char *dir, const char *base, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *prefix = xasprintf("%s-", base), **v = NULL;
	size_t cap = 0, plen = strlen(prefix);

	*n = 0;
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (strncmp(e->d_name, prefix, plen) != 0 || len < plen + 4 ||
		    strcmp(e->d_name + len - 3, ".db") != 0 || strstr(e->d_name, ".tmp."))
			continue;
		if (*n == cap)
			v = xrealloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	if (d)
		closedir(d);
	free(prefix);
	if (*n)
		qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int backup_auto(struct db *db, const char *dir, const char *why, char *out, size_t outlen,
		char *err, size_t errlen)
{
	char stamp[32], *base = base_of(db_path(db)), *path, **v;
	time_t now = time(NULL);
	size_t n;
	int rc;

	if (out && outlen)
		out[0] = '\0';
	if (make_dirs(dir) != 0) {
		str_printf(err, errlen, "%s: %s", dir, strerror(errno));
		free(base);
		return -1;
	}
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%S", localtime(&now));
	path = xasprintf("%s/%s-%s-%s.db", dir, base, stamp, why);
	rc = db_backup_file(db, path, err, errlen) == DB_OK ? 0 : -1;
	if (rc == 0 && out)
		str_copy(out, path, outlen);
	v = list_backups(dir, base, &n);
	for (size_t i = 0; rc == 0 && n > BACKUP_KEEP && i < n - BACKUP_KEEP; i++) {
		char *old = xasprintf("%s/%s", dir, v[i]);

		unlink(old);
		free(old);
	}
	free_list(v, n);
	free(path);
	free(base);
	return rc;
}

int backup_daily(struct db *db, const char *dir, char *err, size_t errlen)
{
	char today[16], *base = base_of(db_path(db)), *prefix, **v;
	time_t now = time(NULL);
	size_t n, plen;
	bool done = false;

	strftime(today, sizeof today, "%Y%m%d", localtime(&now));
	prefix = xasprintf("%s-%s", base, today);
	plen = strlen(prefix);
	v = list_backups(dir, base, &n);
	for (size_t i = 0; i < n && !done; i++)
		done = strncmp(v[i], prefix, plen) == 0;
	free_list(v, n);
	free(prefix);
	free(base);
	return done ? 0 : backup_auto(db, dir, "daily", NULL, 0, err, errlen);
}
