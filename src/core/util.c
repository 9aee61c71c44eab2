/*
 * util.c — allocation that never returns NULL, bounded strings, UTF-8
 * checks, the (overridable) clock and ISO 8601 times, the OS user, die().
 */
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void (*die_hook)(void);

void die(const char *fmt, ...)
{
	va_list ap;

	if (die_hook)
		die_hook();
	fputs("rapporteur: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die("out of memory");
	return q;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = xmalloc(n);
	memcpy(d, s, n);
	return d;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("bad format");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void xfree(char **p)
{
	if (p) {
		free(*p);
		*p = NULL;
	}
}

bool str_in(const char *const *list, const char *s)
{
	for (; s && *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

size_t str_copy(char *dst, const char *src, size_t size)
{
	size_t len, n;

	if (!src)
		src = "";
	len = strlen(src);
	if (size == 0)
		return len;
	n = len < size - 1 ? len : size - 1;
	/* Do not cut a UTF-8 sequence in half. */
	if (n < len)
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return len;
}

int str_printf(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (size == 0)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	if (n < 0) {
		dst[0] = '\0';
		return 0;
	}
	if ((size_t)n >= size && size > 1) {
		/* Truncated: drop the last character if vsnprintf cut it. */
		size_t k = size - 2, len;
		unsigned char c;

		while (k > 0 && ((unsigned char)dst[k] & 0xC0) == 0x80)
			k--;
		c = (unsigned char)dst[k];
		len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (k + len > size - 1)
			dst[k] = '\0';
		else
			k = size - 1;
		return (int)k;
	}
	return n;
}

bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool str_ieq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

bool str_empty(const char *s)
{
	return !s || !*s;
}

size_t utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, i;
	unsigned c;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t utf8_encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	return utf8_is_clean_text(s, n, true);
}

bool utf8_is_clean_text(const char *s, size_t n, bool allow_newline)
{
	size_t i = 0;

	while (i < n) {
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (len == 0)
			return false;
		if (cp == '\t' || (allow_newline && (cp == '\n' || cp == '\r'))) {
			/* allowed */
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			return false;
		}
		i += len;
	}
	return true;
}

bool utf8_is_invisible(unsigned cp)
{
	return cp == 0xAD || cp == 0x61C || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

/* One character of s as shown by str_visible into out[12]; its length in
 * s (at least 1) in *used. */
static size_t visible_one(const char *s, size_t n, char *out, size_t *used)
{
	unsigned cp;
	size_t len = utf8_decode(s, n, &cp);

	*used = len ? len : 1;
	if (len == 0 || cp == 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	    cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return out[0] = '?', 1;
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return out[0] = ' ', 1;
	if (utf8_is_invisible(cp))
		return (size_t)snprintf(out, 12, "<U+%04X>", cp);
	memcpy(out, s, len);
	return len;
}

char *str_visible(char *dst, size_t size, const char *s, size_t n)
{
	size_t i = 0, o = 0;

	if (size == 0)
		return dst;
	while (s && i < n) {
		char one[12];
		size_t used, len = visible_one(s + i, n - i, one, &used);

		if (o + len >= size)
			break;
		memcpy(dst + o, one, len);
		o += len;
		i += used;
	}
	dst[o] = '\0';
	return dst;
}

char *str_visible_dup(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *d = xmalloc(4 * n + 1); /* "<U+XXXX>" (8 bytes) for 2 bytes at most */

	return str_visible(d, 4 * n + 1, s, n);
}

static time_t clock_fixed;

void clock_set(time_t t)
{
	clock_fixed = t;
}

time_t clock_now(void)
{
	static int env_read;
	static time_t env_time;

	if (clock_fixed)
		return clock_fixed;
	if (!env_read) {
		const char *e = getenv("RAPPORTEUR_NOW");
		env_read = 1;
		if (e && *e)
			env_time = time_parse(e);
		if (env_time < 0)
			env_time = 0;
	}
	return env_time ? env_time : time(NULL);
}

char *time_iso(time_t t, char *buf, size_t size)
{
	struct tm tm;
	long off;
	char sign = '+';

	if (!localtime_r(&t, &tm)) {
		str_copy(buf, "", size);
		return buf;
	}
	off = tm.tm_gmtoff;
	if (off < 0) {
		sign = '-';
		off = -off;
	}
	str_printf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
		   tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 3600,
		   (off % 3600) / 60);
	return buf;
}

char *time_hm(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (!localtime_r(&t, &tm))
		str_copy(buf, "--:--", size);
	else
		str_printf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
	return buf;
}

/* Parse exactly `digits` decimal digits at *s. */
static int parse_digits(const char **s, int digits, int *out)
{
	int v = 0;

	for (int i = 0; i < digits; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return -1;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += digits;
	*out = v;
	return 0;
}

/* 2026-02-30 is no date: mktime would quietly make it March 2. */
static int days_in_month(int y, int mo)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return mo == 2 && leap ? 29 : days[mo - 1];
}

time_t time_parse(const char *s)
{
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	const char *p = s;
	char *end;

	if (!s || !*s)
		return -1;
	memset(&tm, 0, sizeof tm);
	/* HH:MM today */
	if (strlen(s) == 5 && s[2] == ':') {
		time_t now = clock_now();
		if (parse_digits(&p, 2, &h) || *p++ != ':' || parse_digits(&p, 2, &mi) || h > 23 ||
		    mi > 59)
			return -1;
		localtime_r(&now, &tm);
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = 0;
		tm.tm_isdst = -1;
		return mktime(&tm);
	}
	/* epoch seconds */
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*end == '\0' && errno == 0 && strlen(s) > 8)
		return (time_t)v;
	if (parse_digits(&p, 4, &y) || *p++ != '-' || parse_digits(&p, 2, &mo) || *p++ != '-' ||
	    parse_digits(&p, 2, &d))
		return -1;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (parse_digits(&p, 2, &h) || *p++ != ':' || parse_digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (parse_digits(&p, 2, &sec))
				return -1;
		}
	}
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 59)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	if (*p == '\0') {
		tm.tm_isdst = -1;
		return mktime(&tm);
	}
	if (*p == 'Z' && p[1] == '\0')
		return timegm(&tm);
	if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		int oh, om, sign = *p == '-' ? -1 : 1;
		p++;
		if (parse_digits(&p, 2, &oh) || *p++ != ':' || parse_digits(&p, 2, &om) || oh > 14 ||
		    om > 59)
			return -1;
		return timegm(&tm) - sign * (oh * 3600 + om * 60);
	}
	return -1;
}

/* A fixed offset "+HH:MM" / "-HH:MM": its seconds east of UTC in *off. */
static bool tz_fixed(const char *zone, long *off)
{
	const char *p = zone + 1;
	int h, m;

	if ((zone[0] != '+' && zone[0] != '-') || strlen(zone) != 6 || zone[3] != ':' ||
	    parse_digits(&p, 2, &h) || *p++ != ':' || parse_digits(&p, 2, &m) || h > 14 || m > 59)
		return false;
	*off = (zone[0] == '-' ? -1 : 1) * (h * 3600L + m * 60L);
	return true;
}

/* An IANA name: letters, digits, _ + - and single slashes, a file of the
 * TZ database. */
static bool tz_named(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[512];

	if (!isalpha((unsigned char)zone[0]) || strlen(zone) > 64 || strstr(zone, "..") ||
	    strstr(zone, "//"))
		return false;
	for (const char *p = zone; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_+-/", *p))
			return false;
	str_printf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	return access(path, R_OK) == 0;
}

bool tz_valid(const char *zone)
{
	long off;

	return !zone || !*zone || str_eq(zone, "UTC") || tz_fixed(zone, &off) || tz_named(zone);
}

/* util.h. The program is single-threaded; every caller pops before
 * returning. */
char *tz_push(const char *zone, bool *pushed)
{
	const char *old = getenv("TZ");
	char posix[32];
	char *saved = old ? xstrdup(old) : NULL;
	long off;

	*pushed = zone && *zone && tz_valid(zone);
	if (!*pushed)
		return saved;
	if (str_eq(zone, "UTC")) {
		str_copy(posix, "UTC0", sizeof posix);
	} else if (tz_fixed(zone, &off)) {
		/* POSIX counts west of UTC: "+04:00" is <+0400>-04:00. */
		long a = off < 0 ? -off : off;
		str_printf(posix, sizeof posix, "<%c%02ld%02ld>%c%02ld:%02ld", off < 0 ? '-' : '+',
			   a / 3600, a % 3600 / 60, off < 0 ? '+' : '-', a / 3600, a % 3600 / 60);
	} else {
		str_printf(posix, sizeof posix, ":%s", zone);
	}
	setenv("TZ", posix, 1);
	tzset();
	return saved;
}

void tz_pop(char *saved, bool pushed)
{
	if (pushed) {
		if (saved)
			setenv("TZ", saved, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	free(saved);
}

char *time_iso_in(time_t t, const char *zone, char *buf, size_t size)
{
	bool pushed;
	char *saved = tz_push(zone, &pushed);

	time_iso(t, buf, size);
	tz_pop(saved, pushed);
	return buf;
}

time_t time_parse_in(const char *s, const char *zone)
{
	bool pushed;
	char *saved = tz_push(zone, &pushed);
	time_t t = time_parse(s);

	tz_pop(saved, pushed);
	return t;
}

/* Remove folder p if it holds only plain files (an export's CSV files). */
static int remove_flat(const char *p)
{
	DIR *d = opendir(p);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return -1;
	while (rc == 0 && (e = readdir(d))) {
		char *f;
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		f = xasprintf("%s/%s", p, e->d_name);
		rc = lstat(f, &st) == 0 && S_ISREG(st.st_mode) ? unlink(f) : -1;
		free(f);
	}
	closedir(d);
	return rc == 0 ? rmdir(p) : -1;
}

int stale_tmp_clean(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xasprintf("%.*s", (int)(slash - path + (slash == path)), path)
			  : xstrdup(".");
	char *prefix = xasprintf("%s.tmp.", slash ? slash + 1 : path);
	size_t plen = strlen(prefix);
	DIR *d = opendir(dir);
	struct dirent *e;
	int removed = 0;

	while (d && (e = readdir(d))) {
		char *end, *f;
		long pid;
		struct stat st;

		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		pid = strtol(e->d_name + plen, &end, 10);
		/* PATH.tmp.PID, or its SQLite companions -wal, -shm, -journal */
		if (pid <= 0 || (*end && strcmp(end, "-wal") && strcmp(end, "-shm") &&
				 strcmp(end, "-journal")))
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* alive, or not ours to judge */
		f = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(f, &st) == 0 &&
		    (S_ISDIR(st.st_mode) ? remove_flat(f) : S_ISREG(st.st_mode) ? unlink(f) : -1) == 0)
			removed++;
		free(f);
	}
	if (d)
		closedir(d);
	free(prefix);
	free(dir);
	return removed;
}

const char *os_user(void)
{
	static char name[64];
	struct passwd *pw;
	const char *e;

	if (name[0])
		return name;
	pw = getpwuid(getuid());
	if (pw && pw->pw_name)
		str_copy(name, pw->pw_name, sizeof name);
	else if ((e = getenv("USER")) && *e)
		str_copy(name, e, sizeof name);
	else
		str_printf(name, sizeof name, "uid%ld", (long)getuid());
	/* $USER is anyone's to set: the actor lands in the journal, the
	 * screen and the CSV minutes, so it is made visible here once. */
	{
		char shown[sizeof name];

		str_visible(shown, sizeof shown, name, strlen(name));
		str_copy(name, shown, sizeof name);
	}
	return name;
}
