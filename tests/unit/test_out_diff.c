/*
 * test_out_diff.c — ui_out_shorten (one parse of an update) against the
 * four passes it replaced (out_old.c), on recorded updates: the bytes
 * sent and the state kept across updates must be the same.
 *
 * The corpus, tests/data/out/updates.rec (or the file OUT_CORPUS names),
 * holds updates as ncurses wrote them, captured in ui_out.c during the
 * pseudo-terminal tests and the bench's key scripts at 80x24 and 200x60
 * (colour, --no-color, --low-bandwidth; demo and large databases): each
 * distinct one up to 200 bytes, and one longer per kind of terminal. Per
 * update a line "upd ROWS COLS IDL G0 NORMAL ON LF VPA HPA CUU CUD CUF
 * CUB RI BS SGR_OFF LEN", the LEN raw bytes, a newline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>

#include "out_old.c"
#include "ui_shell.h"

static size_t old_shorten(char *p, size_t n, const struct out_term *t, bool *g0, bool *normal)
{
	struct old_out_term ot = {.rows = t->rows, .idl = t->idl, .sgr_normal = *normal};
	struct old_out_motion om = {
		.on = t->m.on, .lf = t->m.lf, .vpa = t->m.vpa, .hpa = t->m.hpa, .cuu = t->m.cuu,
		.cud = t->m.cud, .cuf = t->m.cuf, .cub = t->m.cub, .ri = t->m.ri, .bs = t->m.bs,
		.sgr_off = t->m.sgr_off, .rows = t->rows, .cols = t->cols,
	};

	n = old_ui_out_tighten(p, old_ui_out_squeeze(p, n, g0), &ot);
	*normal = ot.sgr_normal;
	n = old_ui_out_motion(p, n, &om);
	return om.on ? old_ui_out_sgr(p, n, om.sgr_off) : n;
}

static bool read_one(FILE *f, struct out_term *t, char **buf, size_t *n)
{
	int v[16];
	size_t len;

	if (fscanf(f, "upd %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %d %zu", &v[0], &v[1], &v[2],
		   &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10], &v[11], &v[12], &v[13],
		   &v[14], &v[15], &len) != 17 || fgetc(f) != '\n')
		return false;
	*t = (struct out_term){
		.rows = v[0], .cols = v[1], .idl = v[2], .g0_ascii = v[3], .sgr_normal = v[4],
		.m = {.on = v[5], .lf = v[6], .vpa = v[7], .hpa = v[8], .cuu = v[9], .cud = v[10],
		      .cuf = v[11], .cub = v[12], .ri = v[13], .bs = v[14], .sgr_off = v[15]},
	};
	*buf = xrealloc(*buf, len + 1);
	*n = len;
	return fread(*buf, 1, len, f) == len && fgetc(f) == '\n';
}

static void show(const char *what, const char *p, size_t n)
{
	fprintf(stderr, "%s (%zu):", what, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, (unsigned char)p[i] >= 0x20 && p[i] != 0x7f ? "%c" : "\\x%02x",
			(unsigned char)p[i]);
	fprintf(stderr, "\n");
}

static void test_corpus(void **state)
{
	const char *path = getenv("OUT_CORPUS"), *top = getenv("RAPPORTEUR_TOP");
	char name[1024];
	FILE *f;
	char *in = NULL, *a = NULL, *b = NULL;
	size_t n, count = 0, bytes_in = 0, bytes_out = 0, bad = 0;
	struct out_term t;

	(void)state;
	if (!path || !*path) {
		str_printf(name, sizeof name, "%s/tests/data/out/updates.rec", top && *top ? top : ".");
		path = name;
	}
	f = fopen(path, "rb");
	assert_non_null(f);
	while (read_one(f, &t, &in, &n)) {
		bool g0 = t.g0_ascii, normal = t.sgr_normal;
		size_t na, nb;

		a = xrealloc(a, n + 1);
		b = xrealloc(b, n + 1);
		memcpy(a, in, n);
		memcpy(b, in, n);
		na = old_shorten(a, n, &t, &g0, &normal);
		nb = ui_out_shorten(b, n, &t);
		if ((na != nb || memcmp(a, b, na) || g0 != t.g0_ascii || normal != t.sgr_normal) && bad++ < 3) {
			fprintf(stderr, "update %zu differs (g0 %d/%d, normal %d/%d)\n", count, g0, t.g0_ascii,
				normal, t.sgr_normal);
			show("in", in, n);
			show("old", a, na);
			show("new", b, nb);
		}
		count++;
		bytes_in += n;
		bytes_out += na;
	}
	assert_true(feof(f));
	fclose(f);
	fprintf(stderr, "%zu updates, %zu bytes in, %zu out, %zu differ\n", count, bytes_in, bytes_out, bad);
	assert_true(count > 0);
	assert_int_equal(bad, 0);
	free(in);
	free(a);
	free(b);
}

/* Random updates from pieces of what ncurses writes, and of what it does
 * not (cut sequences, private modes, bad UTF-8), under every kind of
 * terminal: the same bytes and state. Fixed seed. A character is never
 * cut by an escape sequence (the old passes read it whole once a step
 * dropped the sequence; nothing writes that). */
static const char *const pieces[] = {
	"abc", "x", "  ", "\xc3\xa9", "\xe4\xb8\xad", "\xc3(", "\xa9", "\xf0\x9f\x98\x80", "\t", "\x07", "\x7f", "\r", "\n", "\b",
	"\x1b[H", "\x1b[1;1H", "\x1b[5;1H", "\x1b[5;6H", "\x1b[6;6H", "\x1b[24;80H", "\x1b[3d", "\x1b[22d",
	"\x1b[5G", "\x1b[A", "\x1b[3B", "\x1b[C", "\x1b[2D", "\x1bM", "\x1b" "D", "\x1b" "7", "\x1b" "8", "\x1b=", "\x1b" "c",
	"\x1b(B", "\x1b(0", "\x1b)0", "\x1b[m", "\x1b[0m", "\x1b[0;7m", "\x1b[0;1m", "\x1b[7m", "\x1b[31m",
	"\x1b[39m", "\x1b[49m", "\x1b[39;49m", "\x1b[1;31m", "\x1b[38;5;100m", "\x1b[38;2;1;2;3m", "\x1b[22;24;27m",
	"\x1b[0;1;4;5;7;31;42m", "\x1b[K", "\x1b[2J", "\x1b[4P", "\x1b[2L", "\x1b[M", "\x1b[3S", "\x1b[T",
	"\x1b[4;22r", "\x1b[1;24r", "\x1b[r", "\x1b[2;10r", "\x1b[?25l", "\x1b[?1049h", "\x1b[?7h", "\x1b[>4;1m",
	"\x1b[12345H", "\x1b[1;2;3;4;5H", "\x1b[", "\x1b[3", "\x1b[0;1;2;3;4;5;6;7;8;9;21;22;23;24;25;27;28m",
};
/* Cut at the end only: the old passes did not agree on an escape
 * sequence ending with ESC (ESC ESC, ESC ( ESC), which nothing writes. */
static const char *const ends[] = { "", "\x1b", "\x1b(", "\x1b[", "\x1b[3" };

static void random_update(unsigned *seed, char *b, size_t *n, size_t cap)
{
	int k = 1 + (int)(rand_r(seed) % 40);

	*n = 0;
	/* Often a scroll as ncurses writes it. */
	if (rand_r(seed) % 4 == 0) {
		const char *s = rand_r(seed) % 2 ? "\x1b[4;22r\x1b[22;1H\n\x1b[1;24r\x1b[21;1H"
		                                  : "\x1b" "7\x1b[3;20r\x1b" "8\x1b[3;1H\x1b[0;7m\x1bM\x1b[1;24r\x1b[3;1H";

		memcpy(b, s, strlen(s));
		*n = strlen(s);
	}
	while (k-- > 0) {
		const char *s = pieces[rand_r(seed) % ARRAY_SIZE(pieces)];
		size_t len = strlen(s);

		if (*n + len > cap)
			break;
		memcpy(b + *n, s, len);
		*n += len;
	}
	k = (int)(rand_r(seed) % ARRAY_SIZE(ends));
	if (*n + strlen(ends[k]) <= cap) {
		memcpy(b + *n, ends[k], strlen(ends[k]));
		*n += strlen(ends[k]);
	}
}

static void test_random(void **state)
{
	unsigned seed = 16;
	char in[2048], a[2048], b[2048];
	size_t bad = 0;

	(void)state;
	for (int r = 0; r < 200000; r++) {
		unsigned c = (unsigned)rand_r(&seed);
		struct out_term t = {
			.rows = c % 7 ? 24 : 5, .cols = c % 3 ? 80 : 10, .idl = c & 8, .g0_ascii = c & 16, .sgr_normal = c & 32,
			.m = {.on = c % 5 != 0, .lf = c & 64, .vpa = c & 128, .hpa = c & 256, .cuu = c & 512,
			      .cud = c & 1024, .cuf = c & 2048, .cub = c & 4096, .ri = c & 8192, .bs = c & 16384,
			      .sgr_off = c & 32768},
		};
		bool g0 = t.g0_ascii, normal = t.sgr_normal;
		size_t n, na, nb;

		random_update(&seed, in, &n, sizeof in);
		memcpy(a, in, n);
		memcpy(b, in, n);
		na = old_shorten(a, n, &t, &g0, &normal);
		nb = ui_out_shorten(b, n, &t);
		if ((na != nb || memcmp(a, b, na) || g0 != t.g0_ascii || normal != t.sgr_normal) && bad++ < 5) {
			fprintf(stderr, "random update %d differs (config %x; g0 %d/%d, normal %d/%d)\n", r, c, g0,
				t.g0_ascii, normal, t.sgr_normal);
			show("in", in, n);
			show("old", a, na);
			show("new", b, nb);
		}
	}
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_random),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
