/*
 * export_dir.c — the folder side of the exporter: refuse or prepare the
 * target, write into DIR.tmp.PID beside it, and rename into place at the
 * end (see export_csv.h). Only files the exporter itself names are ever
 * deleted, so a mistyped DIR with --force cannot lose anyone's work.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_csv.h"
#include "i18n.h"
#include "util.h"

static bool known_name(const char *name, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(name, *names) == 0)
			return true;
	return false;
}

/* 0: dir holds only regular files named in names (or nothing); 1: it
 * holds something else; -1: cannot be read (errno). */
static int foreign_content(const char *dir, const char *const *names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return -1;
	while (rc == 0 && (e = readdir(d))) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (!known_name(e->d_name, names) ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			rc = 1;
	}
	closedir(d);
	return rc;
}

/* Remove a folder holding only regular files (an export, finished or not). */
static int remove_flat_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    unlinkat(dirfd(d), e->d_name, 0) != 0)
			rc = -1;
	closedir(d);
	if (rmdir(path) != 0)
		rc = -1;
	return rc;
}

static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static void parent_of(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		str_copy(out, ".", size);
	else if (slash == path)
		str_copy(out, "/", size);
	else
		str_printf(out, size, "%.*s", (int)(slash - path), path);
}

int export_dir_prepare(const char *dir, unsigned flags, const char *const *names, char *target,
		       size_t targetsize, char *tmp, size_t tmpsize, bool *exists, char *err,
		       size_t errlen)
{
	struct stat st;
	size_t n;

	if (!dir || !*dir) {
		str_printf(err, errlen, "%s", _("no folder given"));
		return -1;
	}
	if (str_copy(target, dir, targetsize) >= targetsize) {
		str_printf(err, errlen, "%s", _("folder name too long"));
		return -1;
	}
	for (n = strlen(target); n > 1 && target[n - 1] == '/'; n--)
		target[n - 1] = '\0';
	*exists = lstat(target, &st) == 0;
	if (*exists) {
		int fc;

		if (!S_ISDIR(st.st_mode)) {
			str_printf(err, errlen, _("%s: exists and is not a folder"), target);
			return -1;
		}
		if (!(flags & EXPORT_FORCE)) {
			str_printf(err, errlen, _("%s: already exists (--force replaces it)"), target);
			return -1;
		}
		if ((fc = foreign_content(target, names)) != 0) {
			if (fc < 0)
				str_printf(err, errlen, "%s: %s", target, strerror(errno));
			else
				str_printf(err, errlen,
					   _("%s: holds files that are not part of an export; not replaced"),
					   target);
			return -1;
		}
	} else if (errno != ENOENT) {
		str_printf(err, errlen, "%s: %s", target, strerror(errno));
		return -1;
	}
	stale_tmp_clean(target); /* DIR.tmp.PID of exports killed before */
	str_printf(tmp, tmpsize, "%s.tmp.%ld", target, (long)getpid());
	if (foreign_content(tmp, names) == 0)
		remove_flat_dir(tmp);   /* left by a crashed run of the same pid */
	if (mkdir(tmp, 0700) != 0) {
		str_printf(err, errlen, "%s: %s", tmp, strerror(errno));
		tmp[0] = '\0';
		return -1;
	}
	return 0;
}

int export_dir_commit(const char *target, const char *tmp, bool exists, char *err,
		      size_t errlen)
{
	char old[1100], parent[1024];

	if (sync_path(tmp) != 0) {
		str_printf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	if (exists) {
		str_printf(old, sizeof old, "%s.old.%ld", target, (long)getpid());
		if (rename(target, old) != 0) {
			str_printf(err, errlen, "%s: %s", target, strerror(errno));
			return -1;
		}
	}
	if (rename(tmp, target) != 0) {
		str_printf(err, errlen, "%s: %s", target, strerror(errno));
		if (exists)
			rename(old, target);
		return -1;
	}
	if (exists)
		remove_flat_dir(old);
	parent_of(target, parent, sizeof parent);
	sync_path(parent);
	return 0;
}

void export_dir_discard(const char *tmp)
{
	if (tmp && *tmp)
		remove_flat_dir(tmp);
}
