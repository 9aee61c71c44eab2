/*
 * test_out_squeeze.c — cmocka unit tests of ui_out_shorten's first step
 * (src/tui/ui_out_shorten.c, issue 16): what ncurses sends for an update,
 * without the escape sequences that change nothing — and nothing else
 * removed. The terminal here takes no cursor address (no step 3 or 4)
 * and its attributes are not known to be off.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ui_shell.h"

/* in squeezed with G0 state *g0; the result as a string. */
static char *sq(const char *in, bool *g0)
{
	struct out_term t = {.rows = 24, .cols = 80, .g0_ascii = *g0};
	size_t n = strlen(in);
	char *b = malloc(n + 1);

	memcpy(b, in, n);
	b[ui_out_shorten(b, n, &t)] = '\0';
	*g0 = t.g0_ascii;
	return b;
}

static void check(const char *in, bool g0, const char *want, bool g0_after)
{
	char *got = sq(in, &g0);

	assert_string_equal(got, want);
	assert_int_equal(g0, g0_after);
	free(got);
}

static void test_g0(void **state)
{
	(void)state;
	/* The first designation is sent: nothing is known before it (and
	 * after ESC[m, step 2 drops the reset of ESC[0;7m). */
	check("\x1b(B\x1b[mA\x1b(B\x1b[0;7mB", false, "\x1b(B\x1b[mA\x1b[7mB", true);
	/* Known from an earlier update. */
	check("\x1b(B\x1b[m x", true, "\x1b[m x", true);
	/* Line drawing, then back: both sent. */
	check("\x1b(0qq\x1b(B\x1b[m", true, "\x1b(0qq\x1b(B\x1b[m", true);
	check("\x1b(0q", true, "\x1b(0q", false);
}

static void test_colour_reset(void **state)
{
	(void)state;
	/* ncurses' "colour off, then sgr0" (Themes, Attendance rows). */
	check("\x1b[32mS\x1b[39m\x1b(B\x1b[m ", true, "\x1b[32mS\x1b[m ", true);
	check("\x1b[39;49m\x1b(B\x1b[0;1mX", true, "\x1b[0;1mX", true);
	check("\x1b[39;49m\x1b[m", false, "\x1b[m", false);
	/* Followed by something that keeps other attributes: kept. */
	check("\x1b[39m\x1b[1mX", true, "\x1b[39m\x1b[1mX", true);
	check("\x1b[39m\x1b(B\x1b[1mX", true, "\x1b[39m\x1b[1mX", true);
	/* Not only colours: kept. */
	check("\x1b[39;1m\x1b[mX", true, "\x1b[39;1m\x1b[mX", true);
	/* A parameter that merely starts with 0 is not a reset (01 = bold). */
	check("\x1b[39m\x1b[01mX", true, "\x1b[39m\x1b[01mX", true);
}

static void test_same_twice(void **state)
{
	(void)state;
	check("\x1b[39;49m\x1b[39;49mX", true, "\x1b[39;49mX", true);
	check("\x1b[7m\x1b[7mX", true, "\x1b[7mX", true);
	/* Two cursor moves are not attributes: both kept. */
	check("\x1b[5;6H\x1b[5;6H", true, "\x1b[5;6H\x1b[5;6H", true);
}

static void test_untouched(void **state)
{
	(void)state;
	/* Text, UTF-8 and other sequences pass as they are. */
	check("R\xc3\xa9union \x1b[K\x1b[4d\x1b[2J", true, "R\xc3\xa9union \x1b[K\x1b[4d\x1b[2J", true);
	/* A sequence cut by the end of the buffer is copied. */
	check("ab\x1b[39", true, "ab\x1b[39", true);
	check("\x1b(", true, "\x1b(", true);
	check("x\x1b", true, "x\x1b", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_g0),
		cmocka_unit_test(test_colour_reset),
		cmocka_unit_test(test_same_twice),
		cmocka_unit_test(test_untouched),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
