/*
 * export_csv.c — RFC 4180 output of the exporter (see export_csv.h): one
 * cell at a time straight to a stdio stream, so no table is ever held in
 * memory. Quoted cells go through libcsv's csv_fwrite (which doubles the
 * quotes); cells that need no quoting are written as they are.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_csv.h"
#include "i18n.h"
#include "util.h"

#define PROGRESS_EVERY 4096

static void put(struct export_out *o, const char *s, size_t n)
{
	if (n && !o->err && fwrite(s, 1, n, o->f) != n)
		o->err = errno ? errno : EIO;
}

static void sep(struct export_out *o)
{
	if (o->col++ > 0)
		put(o, ",", 1);
}

int export_csv_open(struct export_out *o, const char *dir, const char *name, bool bom,
		    const char *const *header, char *err, size_t errlen)
{
	int fd;

	o->name = name;
	o->rows = 0;
	o->col = 0;
	o->err = 0;
	str_printf(o->path, sizeof o->path, "%s/%s", dir, name);
	fd = open(o->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
		str_printf(err, errlen, "%s: %s", o->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (bom)
		put(o, "\xEF\xBB\xBF", 3);
	for (size_t i = 0; header[i]; i++)
		export_csv_text(o, header[i]);
	put(o, "\r\n", 2);
	o->col = 0;
	return 0;
}

static bool needs_quotes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return true;
	return false;
}

static void quoted(struct export_out *o, const char *s, size_t n)
{
	if (!o->err && csv_fwrite(o->f, s, n) != 0)
		o->err = errno ? errno : EIO;
}

void export_csv_text(struct export_out *o, const char *s)
{
	size_t n;
	bool formula;

	sep(o);
	if (!s || !*s)
		return;
	n = strlen(s);
	formula = strchr("=+-@\t\r", s[0]) != NULL;
	if (!needs_quotes(s, n)) {
		if (formula)
			put(o, "'", 1);
		put(o, s, n);
	} else if (!formula) {
		quoted(o, s, n);
	} else {
		char small[256], *buf = n + 1 < sizeof small ? small : xmalloc(n + 1);

		buf[0] = '\'';
		memcpy(buf + 1, s, n);
		quoted(o, buf, n + 1);
		if (buf != small)
			free(buf);
	}
}

void export_csv_int(struct export_out *o, long long v)
{
	char buf[32];

	sep(o);
	put(o, buf, (size_t)str_printf(buf, sizeof buf, "%lld", v));
}

void export_csv_bool(struct export_out *o, bool v)
{
	sep(o);
	put(o, v ? "yes" : "no", v ? 3 : 2);
}

time_t export_csv_parse_time(const char *stored, const char *day)
{
	char buf[40];

	if (!stored || !*stored)
		return -1;
	if (strlen(stored) == 5 && stored[2] == ':' && day && strlen(day) == 10) {
		str_printf(buf, sizeof buf, "%sT%s:00", day, stored);
		return time_parse(buf);
	}
	return time_parse(stored);
}

void export_csv_time(struct export_out *o, const char *stored, const char *day)
{
	char buf[40];
	time_t t;

	if (!stored || !*stored) {
		export_csv_text(o, stored);
		return;
	}
	/* In the zone of the reader (this process), whatever the zone the
	 * time was stored with: the same instant, the offset says which. */
	t = export_csv_parse_time(stored, day);
	export_csv_text(o, t == -1 ? stored : time_iso(t, buf, sizeof buf));
}

void export_csv_end_row(struct export_out *o)
{
	put(o, "\r\n", 2);
	o->col = 0;
	o->rows++;
	if (o->progress && o->rows % PROGRESS_EVERY == 0)
		o->progress(o->ud, o->name, o->rows);
}

int export_csv_close(struct export_out *o, char *err, size_t errlen)
{
	int rc = 0;

	if (!o->f)
		return 0;
	if (!o->err && fflush(o->f) != 0)
		o->err = errno ? errno : EIO;
	if (!o->err && fsync(fileno(o->f)) != 0)
		o->err = errno;
	if (fclose(o->f) != 0 && !o->err)
		o->err = errno ? errno : EIO;
	o->f = NULL;
	if (o->err) {
		str_printf(err, errlen, "%s: %s", o->path, strerror(o->err));
		rc = -1;
	} else if (o->progress) {
		o->progress(o->ud, o->name, o->rows);
	}
	return rc;
}
