/*
 * import_csv.c — the streaming CSV reader of the importers (see
 * import_csv.h), over libcsv in strict mode.
 *
 * libcsv reports fields and rows but not where they are. To name lines in
 * error messages, the input is fed to the parser one physical line at a
 * time (pieces ending at CR or LF): a row ends only at a line end, so
 * every row callback happens at the end of a piece, and the first
 * non-blank piece after a row end is where the next row starts.
 *
 * In strict mode libcsv stops at a misplaced quote. The reader then
 * reports the row as malformed, restarts a fresh parser and skips to the
 * next line, so the rest of the file is still read. An unterminated quote
 * at the end of the file is caught by CSV_STRICT_FINI.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "import_csv.h"
#include "util.h"

/* A field larger than this fills libcsv's buffer: the file is refused
 * rather than letting a hostile file take the memory. */
#define IMPORT_BUFFER_MAX (64u << 20)
#define CHUNK (64u << 10)
#define BLOCK 4096u

struct cellbuf {
	char *s;
	size_t len;
};

struct reader {
	struct csv_parser p;
	struct cellbuf cells[IMPORT_CELLS_MAX];
	size_t n;              /* cells in the current row (may exceed the array) */
	int line;              /* physical line being fed */
	int row_line;          /* line where the current row started */
	bool at_row_start;     /* the previous row is complete */
	bool skipping;         /* after a malformed row: drop bytes up to the line end */
	bool prev_cr;          /* last byte fed was CR (CRLF counts one line) */
	int stop;              /* non-zero: the callback asked to stop */
	import_csv_row_fn fn;
	void *ud;
	unsigned long long hash; /* FNV-1a 64 of every byte read */
};

static void on_field(void *s, size_t len, void *ud)
{
	struct reader *r = ud;
	struct cellbuf *c;
	size_t keep = len < IMPORT_FIELD_MAX + 1 ? len : IMPORT_FIELD_MAX + 1;

	if (r->n >= IMPORT_CELLS_MAX) {
		r->n++;
		return;
	}
	c = &r->cells[r->n++];
	c->s = xrealloc(c->s, keep + 1);
	if (keep)
		memcpy(c->s, s, keep);
	c->s[keep] = '\0';
	c->len = len;
}

static void emit(struct reader *r, const char *error)
{
	struct csv_cell cells[IMPORT_CELLS_MAX];
	size_t n = r->n < IMPORT_CELLS_MAX ? r->n : IMPORT_CELLS_MAX;

	for (size_t i = 0; i < n; i++) {
		cells[i].s = r->cells[i].s;
		cells[i].len = r->cells[i].len;
	}
	if (!error && r->n > IMPORT_CELLS_MAX)
		error = _("too many fields");
	if (!r->stop)
		r->stop = r->fn(r->ud, r->row_line, cells, n, error);
	r->n = 0;
	r->at_row_start = true;
}

static void on_row(int c, void *ud)
{
	(void)c;
	emit(ud, NULL);
}

static void parser_start(struct reader *r)
{
	if (csv_init(&r->p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		die("out of memory");
	csv_set_blk_size(&r->p, BLOCK);
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	return true;
}

/* Feed one piece (ending at a line end, or at the end of the buffer). */
static int feed_piece(struct reader *r, const char *s, size_t n, char *err, size_t errlen)
{
	char last = s[n - 1];

	if (r->skipping) {
		if (last == '\n' || last == '\r')
			r->skipping = false;
	} else {
		if (r->at_row_start && !blank(s, n)) {
			r->row_line = r->line;
			r->at_row_start = false;
		}
		if (csv_parse(&r->p, s, n, on_field, on_row, r) != n) {
			/* Misplaced quote (strict mode): report, restart after this line. */
			emit(r, _("misplaced quote (a quote inside an unquoted field, or text after a closing quote)"));
			csv_free(&r->p);
			parser_start(r);
			r->skipping = !(last == '\n' || last == '\r');
		} else if (csv_get_buffer_size(&r->p) > IMPORT_BUFFER_MAX) {
			str_printf(err, errlen, _("line %d: a field is larger than %u MiB"), r->row_line,
				   IMPORT_BUFFER_MAX >> 20);
			return -1;
		} else if (csv_get_buffer_size(&r->p) > BLOCK) {
			/* libcsv grows its buffer by a fixed block: make it geometric,
			 * or a 10 MB field costs tens of thousands of reallocs. */
			csv_set_blk_size(&r->p, csv_get_buffer_size(&r->p));
		}
	}
	if (last == '\n' && !r->prev_cr)
		r->line++;
	else if (last == '\r')
		r->line++;
	r->prev_cr = last == '\r';
	return 0;
}

static int feed(struct reader *r, const char *buf, size_t n, char *err, size_t errlen)
{
	size_t i = 0;

	while (i < n && !r->stop) {
		size_t j = i;

		while (j < n && buf[j] != '\n' && buf[j] != '\r')
			j++;
		if (j < n)
			j++;  /* include the line end */
		if (feed_piece(r, buf + i, j - i, err, errlen) != 0)
			return -1;
		i = j;
	}
	return 0;
}

/* The digest of the whole file: what read_all did not read (a stop) too. */
static unsigned long long finish_hash(struct reader *r, FILE *f)
{
	int ch;

	while ((ch = getc(f)) != EOF)
		r->hash = (r->hash ^ (unsigned char)ch) * 0x100000001b3ULL;
	return r->hash;
}

static int read_all(struct reader *r, FILE *f, const char *path, char *err, size_t errlen)
{
	char *buf = xmalloc(CHUNK);
	bool first = true;
	size_t got;
	int rc = 0;

	while (!r->stop && (got = fread(buf, 1, CHUNK, f)) > 0) {
		size_t off = 0;

		for (size_t k = 0; k < got; k++)
			r->hash = (r->hash ^ (unsigned char)buf[k]) * 0x100000001b3ULL;

		if (first && got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			off = 3;
		first = false;
		if ((rc = feed(r, buf + off, got - off, err, errlen)) != 0)
			break;
	}
	if (rc == 0 && ferror(f)) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno ? errno : EIO));
		rc = -1;
	}
	if (rc == 0 && !r->stop && !r->skipping) {
		if (csv_fini(&r->p, on_field, on_row, r) != 0)
			emit(r, _("unbalanced quote: a quoted field is not closed before the end of the file"));
	}
	free(buf);
	return rc;
}

/* Open path for reading only if it is a regular file: a FIFO would hang
 * the caller (the screen's import prompt) until something writes to it,
 * a device never ends. Opened non-blocking, then made blocking again. */
static FILE *open_regular(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *f;

	if (fd < 0) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		str_printf(err, errlen, "%s: %s", path,
			   S_ISDIR(st.st_mode) ? strerror(EISDIR) : _("not a regular file"));
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (!(f = fdopen(fd, "rb"))) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
	}
	return f;
}

int import_csv_read(const char *path, import_csv_row_fn fn, void *ud, char *err, size_t errlen)
{
	return import_csv_read_digest(path, fn, ud, NULL, err, errlen);
}

int import_csv_read_digest(const char *path, import_csv_row_fn fn, void *ud, char *digest,
			   char *err, size_t errlen)
{
	struct reader *r;
	FILE *f;
	int rc;

	if (!(f = open_regular(path, err, errlen)))
		return -1;
	r = xcalloc(1, sizeof *r);
	r->fn = fn;
	r->ud = ud;
	r->line = 1;
	r->row_line = 1;
	r->at_row_start = true;
	r->hash = 0xcbf29ce484222325ULL;
	parser_start(r);
	rc = read_all(r, f, path, err, errlen);
	if (digest) /* the whole file, even when a row asked to stop */
		str_printf(digest, IMPORT_DIGEST_LEN, "%016llx", finish_hash(r, f));
	if (rc == 0)
		rc = r->stop;
	csv_free(&r->p);
	for (size_t i = 0; i < IMPORT_CELLS_MAX; i++)
		free(r->cells[i].s);
	free(r);
	fclose(f);
	return rc;
}

char *import_printable(char *dst, size_t size, const char *s, size_t n)
{
	return str_visible(dst, size, s, n);
}
