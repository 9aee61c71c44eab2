/*
 * test_out_motion.c — cmocka unit tests of ui_out_shorten's third and
 * fourth steps (src/tui/ui_out_motion.c, src/tui/ui_out_sgr.c, issue 16):
 * the cursor moves and attribute changes of an update rewritten as the
 * shortest reaching the same cell and the same state — and nothing else
 * changed. G0 and the attributes are not known before the update.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ui_shell.h"

static const struct out_motion xterm = {
	.on = true, .lf = true, .vpa = true, .hpa = true, .cuu = true, .cud = true,
	.cuf = true, .cub = true, .ri = true, .bs = true, .sgr_off = true,
};

static size_t shorten(char *b, size_t n, const struct out_motion *m)
{
	struct out_term t = {.rows = 24, .cols = 80, .m = *m};

	return ui_out_shorten(b, n, &t);
}

static void check_motion(const struct out_motion *m, const char *in, const char *want)
{
	size_t n = strlen(in);
	char *b = malloc(n + 1);

	memcpy(b, in, n);
	b[shorten(b, n, m)] = '\0';
	assert_string_equal(b, want);
	free(b);
}

static void check_sgr(bool off_ok, const char *in, const char *want)
{
	struct out_motion m = xterm;
	size_t n = strlen(in);
	char *b = malloc(n + 1);

	m.sgr_off = off_ok;
	memcpy(b, in, n);
	b[shorten(b, n, &m)] = '\0';
	assert_string_equal(b, want);
	free(b);
}

static void test_relative(void **state)
{
	(void)state;
	/* The next row, same column: a line feed. */
	check_motion(&xterm, "\x1b[5;6H\x1b[4P\x1b[6;6H\x1b[4P", "\x1b[5;6H\x1b[4P\n\x1b[4P");
	/* Up a row: reverse index; back four columns: backspaces. */
	check_motion(&xterm, "\x1b[9;26Hab\x1b[8;26Hc", "\x1b[9;26Hab\x1bM\b\bc");
	/* Text moves the cursor by its width (é is one column). */
	check_motion(&xterm, "\x1b[3;2H\xc3\xa9t\xc3\xa9\x1b[4;5Hx", "\x1b[3;2H\xc3\xa9t\xc3\xa9\nx");
	/* CR then VPA: a carriage return and a line feed. */
	check_motion(&xterm, "\x1b[2;5Hab\r\x1b[3d", "\x1b[2;5Hab\n\r");
	/* One column right: ESC[C, not ESC[1C. */
	check_motion(&xterm, "\x1b[2;5Ha\x1b[2;7Hb", "\x1b[2;5Ha\x1b[Cb");
	/* The same cell: nothing. */
	check_motion(&xterm, "\x1b[2;5Ha\x1b[2;6Hb", "\x1b[2;5Hab");
	/* Not shorter: kept. */
	check_motion(&xterm, "\x1b[2;5Ha\x1b[20;60Hb", "\x1b[2;5Ha\x1b[20;60Hb");
}

static void test_unknown(void **state)
{
	(void)state;
	/* Nothing known before the first address: kept. */
	check_motion(&xterm, "\x1b[4dx", "\x1b[4dx");
	/* CR then VPA from nowhere: one address. */
	check_motion(&xterm, "\r\x1b[4dx", "\x1b[4Hx");
	/* The right margin reached: the next move is kept as it is. */
	check_motion(&xterm, "\x1b[1;80Hx\x1b[2;80Hy", "\x1b[1;80Hx\x1b[2;80Hy");
	/* A tab, an unknown sequence: the same. */
	check_motion(&xterm, "\x1b[1;2H\t\x1b[2;2Hy", "\x1b[1;2H\t\x1b[2;2Hy");
	check_motion(&xterm, "\x1b[1;2H\x1b[2L\x1b[2;2Hy", "\x1b[1;2H\x1b[2L\x1b[2;2Hy");
	/* ... but an address from nowhere is still made short. */
	check_motion(&xterm, "\x1b[1;2H\t\x1b[2;1Hy", "\x1b[1;2H\t\x1b[2Hy");
	/* A scroll region: line feeds would scroll it; kept (the addresses
	 * only shortened by step 2). */
	check_motion(&xterm, "\x1b[3;10r\x1b[5;1Hx\x1b[6;1Hy", "\x1b[3;10r\x1b[5Hx\x1b[6Hy");
	/* Attributes and erasing do not move the cursor. */
	check_motion(&xterm, "\x1b[2;5H\x1b[0;7ma\x1b[K\x1b[3;6Hb", "\x1b[2;5H\x1b[0;7ma\x1b[K\nb");
}

static void test_terminal(void **state)
{
	struct out_motion m = xterm;

	(void)state;
	/* ONLCR on: no line feed (CUD instead). */
	m.lf = false;
	check_motion(&m, "\x1b[5;6Hx\x1b[6;7Hy", "\x1b[5;6Hx\x1b[By");
	/* No relative forms at all: only the shortest address. */
	m = (struct out_motion){ .on = true };
	check_motion(&m, "\x1b[5;6Hx\x1b[6;7Hy", "\x1b[5;6Hx\x1b[6;7Hy");
	check_motion(&m, "\x1b[5;6Hx\x1b[6;1Hy", "\x1b[5;6Hx\x1b[6Hy");
	m.on = false;
	check_motion(&m, "\x1b[5;6Hx\x1b[5;7Hy", "\x1b[5;6Hx\x1b[5;7Hy");
}

static void test_sgr(void **state)
{
	(void)state;
	/* Before a reset nothing is known: kept. */
	check_sgr(true, "\x1b[32mS", "\x1b[32mS");
	/* ncurses' bold then colour: one sequence. */
	check_sgr(true, "\x1b[0;1m\x1b[31mO", "\x1b[0;1;31mO");
	/* Reverse from the plain state: no reset needed. */
	check_sgr(true, "\x1b[mA\x1b[0;7mB\x1b[mC", "\x1b[mA\x1b[7mB\x1b[mC");
	/* The same state again: dropped. */
	check_sgr(true, "\x1b[0;1mA\x1b[0;1mB", "\x1b[0;1mAB");
	/* Off codes only where the terminal takes them. */
	check_sgr(true, "\x1b[0;1;31mA\x1b[0;1mB", "\x1b[0;1;31mA\x1b[39mB");
	check_sgr(false, "\x1b[0;1;31mA\x1b[0;1mB", "\x1b[0;1;31mA\x1b[0;1mB");
	/* 256 colours are followed; true colour is not (kept, state lost). */
	check_sgr(true, "\x1b[mZ\x1b[38;5;100mA\x1b[38;5;100mB", "\x1b[mZ\x1b[38;5;100mAB");
	check_sgr(true, "\x1b[mZ\x1b[38;2;1;2;3mA\x1b[7mB", "\x1b[mZ\x1b[38;2;1;2;3mA\x1b[7mB");
	/* Text and other sequences pass as they are. */
	check_sgr(true, "R\xc3\xa9\x1b[K\x1b[5;2H", "R\xc3\xa9\x1b[K\x1b[5;2H");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_terminal),
		cmocka_unit_test(test_sgr),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
