/*
 * follow.c — `rapporteur follow` (follow.h): a poll loop over the input
 * and a short tick. New journal rows are read by key (minutes_after, the
 * same reader as the Minutes screen) when PRAGMA data_version says another
 * connection committed, and after each command typed here.
 */
#include "follow.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "minutes.h"
#include "util.h"

#define TICK_MS 250
#define LINE_MAX_BYTES 65536
#define BATCH 64

struct follow {
	struct app *app;
	FILE *out;
	long long session;  /* the session being followed */
	long long last_seq; /* the newest row printed */
	long long version;  /* data_version at the last read */
	char *buf;          /* input not yet ended by a newline */
	size_t len, cap;
	bool failed;        /* out cannot be written: the reader has gone */
};

/* Copy s into dst as one line of plain text: control characters (C0, DEL,
 * C1) and invalid UTF-8 become spaces, so nothing can move the cursor or
 * change the terminal of the person reading. */
static void plain(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s), o = 0;

	for (size_t i = 0; i < n && o + 5 < size;) {
		unsigned cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			dst[o++] = ' ';
			i += k ? k : 1;
			continue;
		}
		memmove(dst + o, s + i, k); /* dst may be s (o <= i) */
		o += k;
		i += k;
	}
	dst[o] = '\0';
}

static void put_line(struct follow *f, const char *line)
{
	if (f->failed)
		return;
	if (fputs(line, f->out) == EOF || fputc('\n', f->out) == EOF || fflush(f->out) == EOF)
		f->failed = true; /* EPIPE: the link is gone */
}

static void print_row(struct follow *f, const struct minutes_row *r)
{
	char hm[8], item[32] = "", *owned, *line;
	const char *text = minutes_row_text(f->app->db, r, &owned);
	size_t size;

	if (r->item)
		str_printf(item, sizeof item, _("item %lld"), r->item);
	size = strlen(text) + 128;
	line = xmalloc(size);
	str_printf(line, size, "%s%s%s  %s%s%s  %s",
		   r->time ? time_hm(r->time, hm, sizeof hm) : "--:--", item[0] ? "  " : "", item,
		   r->event, r->delegation[0] ? "  " : "", r->delegation, text);
	plain(line, size, line);
	put_line(f, line);
	free(line);
	free(owned);
}

/* Print the rows after last_seq. DB_OK or a db status < 0. */
static int print_new(struct follow *f)
{
	struct minutes_row rows[BATCH];
	size_t n;
	int rc;

	f->version = db_data_version(f->app->db);
	do {
		rc = minutes_after(f->app->db, f->session, NULL, f->last_seq, rows, BATCH, &n);
		if (rc != DB_OK)
			return rc;
		for (size_t i = 0; i < n; i++) {
			print_row(f, &rows[i]);
			f->last_seq = rows[i].seq;
		}
	} while (n == BATCH && !f->failed);
	return DB_OK;
}

/* A header naming the session and who follows it, then its last rows. */
static int start_session(struct follow *f)
{
	struct minutes_row rows[FOLLOW_TAIL];
	char *title, role[32], line[512];
	size_t n;
	int rc;

	f->session = f->app->session;
	title = db_text(f->app->db, "SELECT title FROM session WHERE id = ?", "i", f->session);
	role_name(&f->app->role, role, sizeof role);
	str_printf(line, sizeof line, _("session %lld: %s; following as %s%s%s%s"), f->session,
		   title ? title : "", f->app->person ? f->app->person : os_user(),
		   role[0] ? " (" : "", role, role[0] ? ")" : "");
	free(title);
	plain(line, sizeof line, line);
	put_line(f, line);
	rc = minutes_before(f->app->db, f->session, NULL, LLONG_MAX, rows, FOLLOW_TAIL, &n);
	if (rc != DB_OK)
		return rc;
	f->last_seq = 0;
	for (size_t i = 0; i < n; i++) {
		print_row(f, &rows[i]);
		f->last_seq = rows[i].seq;
	}
	return print_new(f);
}

/* Run one line typed by the person and print its answer. */
static void run_line(struct follow *f, char *line, size_t len)
{
	char out[1024], proto[1024];

	while (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	if (strlen(line) != len)
		str_printf(out, sizeof out, "error: %s", _("NUL byte in the line"));
	else
		command_exec_said(f->app, line, proto, sizeof proto, out, sizeof out);
	if (out[0]) {
		plain(out, sizeof out, out);
		put_line(f, out);
	}
}

/* Read what is there; run each complete line. 0 = more to come, 1 = end
 * of input (a last unterminated line is run too), -1 = read error. */
static int read_input(struct follow *f, int fd)
{
	char chunk[4096];
	ssize_t k = read(fd, chunk, sizeof chunk);
	char *nl;

	if (k < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (k == 0) {
		if (f->len) {
			f->buf[f->len] = '\0';
			run_line(f, f->buf, f->len);
			f->len = 0;
		}
		return 1;
	}
	if (f->len + (size_t)k + 1 > f->cap) {
		f->cap = f->len + (size_t)k + 1 + 1024;
		f->buf = xrealloc(f->buf, f->cap);
	}
	memcpy(f->buf + f->len, chunk, (size_t)k);
	f->len += (size_t)k;
	while ((nl = memchr(f->buf, '\n', f->len)) != NULL) {
		size_t n = (size_t)(nl - f->buf);

		*nl = '\0';
		run_line(f, f->buf, n);
		memmove(f->buf, nl + 1, f->len - n - 1);
		f->len -= n + 1;
	}
	if (f->len > LINE_MAX_BYTES) {
		put_line(f, _("error: line too long"));
		f->len = 0;
	}
	return 0;
}

int follow_run(struct app *app, int in_fd, FILE *out)
{
	struct follow f = { .app = app, .out = out };
	bool input = in_fd >= 0;
	int rc = DB_OK;

	if (!app->session) {
		fprintf(stderr, "rapporteur: %s\n",
			_("no current session (create one with session new)"));
		return 2;
	}
	rc = start_session(&f);
	while (rc == DB_OK && !f.failed && !command_stop_signal) {
		struct pollfd p = { .fd = in_fd, .events = POLLIN };
		int r = poll(&p, input ? 1 : 0, TICK_MS);

		if (r > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
			int end = read_input(&f, in_fd);

			if (app->session != f.session)
				rc = start_session(&f); /* session open N */
			else
				rc = print_new(&f);
			if (end != 0)
				break;
		} else if (db_data_version(app->db) != f.version) {
			rc = print_new(&f);
		}
	}
	free(f.buf);
	if (rc != DB_OK) {
		fprintf(stderr, "rapporteur: %s\n", db_errmsg(app->db));
		return 2;
	}
	return 0;
}
