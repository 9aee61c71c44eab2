/*
 * test_out_diff.c — ui_out_shorten (src/tui/ui_out_shorten.c) on
 * recorded updates gives the bytes the four passes it replaced gave (one
 * parse of the update instead of four, issue 16: the same bytes for less
 * CPU), and on any bytes writes no more than it read (it works in place).
 *
 * tests/data/out/updates.rec (or the file OUT_CORPUS names) holds updates
 * as ncurses wrote them, captured in ui_out.c during the pseudo-terminal
 * tests and the bench's key scripts at 80x24 and 200x60 (colour,
 * --no-color, --low-bandwidth; demo and large databases): each distinct
 * one up to 200 bytes, and one longer per kind of terminal. Each came
 * with what the old passes (squeeze, tighten, motion, sgr) made of it;
 * the new code was checked against them on the whole recording (8263
 * updates) before they were removed. The file:
 *   term ROWS COLS IDL FLAGS     the terminal (FLAGS: ON LF VPA HPA CUU
 *                                CUD CUF CUB RI BS SGR_OFF, one digit each)
 *   u STATE LEN OUTLEN STATE' HASH   STATE: G0 known ASCII, attributes
 *                                known off, before and after; HASH:
 *                                FNV-1a 64 of the bytes sent
 *   the LEN bytes of the update, a newline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_shell.h"
#include "util.h"

static uint64_t fnv(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3u;
	return h;
}

/* A "term" line into t. */
static bool read_term(FILE *f, struct out_term *t)
{
	char fl[16];
	int idl;

	if (fscanf(f, "term %d %d %d %15s", &t->rows, &t->cols, &idl, fl) != 4 || strlen(fl) != 11)
		return false;
	t->idl = idl;
	t->m = (struct out_motion){
		.on = fl[0] == '1', .lf = fl[1] == '1', .vpa = fl[2] == '1', .hpa = fl[3] == '1',
		.cuu = fl[4] == '1', .cud = fl[5] == '1', .cuf = fl[6] == '1', .cub = fl[7] == '1',
		.ri = fl[8] == '1', .bs = fl[9] == '1', .sgr_off = fl[10] == '1',
	};
	return fgetc(f) == '\n';
}

static void show(const char *what, const char *p, size_t n)
{
	fprintf(stderr, "%s (%zu):", what, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, (unsigned char)p[i] >= 0x20 && p[i] != 0x7f ? "%c" : "\\x%02x",
			(unsigned char)p[i]);
	fprintf(stderr, "\n");
}

/* One "u" record checked against t; false at the end of the file. */
static bool check_one(FILE *f, struct out_term *t, char **buf, size_t *bad)
{
	char st[3], st2[3];
	size_t len, want;
	uint64_t hash;
	size_t got;
	int c = fgetc(f);

	if (c == 't') {
		ungetc(c, f);
		assert_true(read_term(f, t));
		c = fgetc(f);
	}
	if (c == EOF)
		return false;
	assert_int_equal(c, 'u');
	assert_int_equal(fscanf(f, " %2s %zu %zu %2s %" SCNx64, st, &len, &want, st2, &hash), 5);
	assert_int_equal(fgetc(f), '\n');
	*buf = xrealloc(*buf, len + 1);
	assert_int_equal(fread(*buf, 1, len, f), len);
	assert_int_equal(fgetc(f), '\n');
	t->g0_ascii = st[0] == '1';
	t->sgr_normal = st[1] == '1';
	got = ui_out_shorten(*buf, len, t);
	if (got != want || fnv(*buf, got) != hash || t->g0_ascii != (st2[0] == '1') ||
	    t->sgr_normal != (st2[1] == '1')) {
		if ((*bad)++ < 3)
			show("differs", *buf, got);
	}
	return true;
}

static void test_corpus(void **state)
{
	const char *path = getenv("OUT_CORPUS"), *top = getenv("RAPPORTEUR_TOP");
	char name[1024], *buf = NULL;
	struct out_term t = {.rows = 0};
	size_t count = 0, bad = 0;
	FILE *f;

	(void)state;
	if (!path || !*path) {
		str_printf(name, sizeof name, "%s/tests/data/out/updates.rec", top && *top ? top : ".");
		path = name;
	}
	f = fopen(path, "rb");
	assert_non_null(f);
	while (check_one(f, &t, &buf, &bad))
		count++;
	fclose(f);
	free(buf);
	fprintf(stderr, "%zu updates, %zu differ\n", count, bad);
	assert_true(count > 1000);
	assert_int_equal(bad, 0);
}

/* Random updates from pieces of what ncurses writes, and of what it does
 * not (cut sequences, private modes, bad UTF-8). Against the old passes
 * (before they were removed) 6 million of them gave the same bytes, but
 * for two things nothing writes, on which the old passes disagreed among
 * themselves: an escape sequence ending with ESC (ESC ESC, ESC ( ESC),
 * and a character cut by an escape sequence a step drops. */
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
/* Cut at the end only. */
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

/* On any bytes, under every kind of terminal, no more is written than
 * was read before any point (the update is shortened in place): the
 * whole is never longer, and nothing is read or written outside it
 * (make asan). Fixed seed. */
static void test_random(void **state)
{
	unsigned seed = 16;
	char in[2048];
	size_t longer = 0, shorter = 0;

	(void)state;
	for (int r = 0; r < 200000; r++) {
		unsigned c = (unsigned)rand_r(&seed);
		struct out_term t = {
			.rows = c % 7 ? 24 : 5, .cols = c % 3 ? 80 : 10, .idl = c & 8, .g0_ascii = c & 16,
			.sgr_normal = c & 32,
			.m = {.on = c % 5 != 0, .lf = c & 64, .vpa = c & 128, .hpa = c & 256, .cuu = c & 512,
			      .cud = c & 1024, .cuf = c & 2048, .cub = c & 4096, .ri = c & 8192, .bs = c & 16384,
			      .sgr_off = c & 32768},
		};
		size_t n, k;
		char *b;

		random_update(&seed, in, &n, sizeof in);
		b = xmalloc(n ? n : 1); /* exactly n: ASan sees any byte past it */
		memcpy(b, in, n);
		k = ui_out_shorten(b, n, &t);
		longer += k > n;
		shorter += k < n;
		free(b);
	}
	assert_int_equal(longer, 0);
	assert_true(shorter > 100000); /* the steps did work on them */
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
