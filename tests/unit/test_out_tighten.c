/*
 * test_out_tighten.c — cmocka unit tests of ui_out_shorten's second step
 * (src/tui/ui_out_tighten.c, issue 16): an update's cursor addresses,
 * attribute changes and the scroll of part of the screen in shorter forms
 * with the same effect, and everything else untouched. The terminal here
 * takes no cursor address (no step 3 or 4); G0 is not known.
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

/* in tightened for a 24-row screen (idl: insert/delete line); *normal is
 * the attribute state before and after. */
static char *tight(const char *in, bool idl, bool *normal)
{
	struct out_term t = {.rows = 24, .cols = 80, .idl = idl, .sgr_normal = *normal};
	size_t n = strlen(in);
	char *b = malloc(n + 1);

	memcpy(b, in, n);
	b[ui_out_shorten(b, n, &t)] = '\0';
	*normal = t.sgr_normal;
	return b;
}

static void check(const char *in, bool idl, bool normal, const char *want, bool normal_after)
{
	char *got = tight(in, idl, &normal);

	assert_string_equal(got, want);
	assert_int_equal(normal, normal_after);
	free(got);
}

static void test_cup(void **state)
{
	(void)state;
	check("\x1b[21;1Hab", false, false, "\x1b[21Hab", false);
	check("\x1b[1;1Hab", false, false, "\x1b[Hab", false);
	/* Another column: as it is (ESC[;5H would not be shorter). */
	check("\x1b[5;2Hx\x1b[;5H", false, false, "\x1b[5;2Hx\x1b[;5H", false);
	/* A carriage return and a row address: one address. */
	check("ab\x1b[K\r\x1b[22dcd", false, false, "ab\x1b[K\x1b[22Hcd", false);
	/* A carriage return alone, or before another move: kept. */
	check("a\r\x1b[3Cb\rc", false, false, "a\r\x1b[3Cb\rc", false);
}

static void test_sgr(void **state)
{
	(void)state;
	/* After a reset the reset inside the next SGR is not needed. */
	check("\x1b[mA\x1b[0;7mB\x1b[m", false, false, "\x1b[mA\x1b[7mB\x1b[m", true);
	/* Known from the update before: a reset alone is dropped. */
	check("\x1b[mA\x1b[0mB", false, true, "AB", true);
	check("\x1b[0;1mA", false, true, "\x1b[1mA", false);
	/* Unknown state: as it is. */
	check("\x1b[0;7mA", false, false, "\x1b[0;7mA", false);
	/* 01 is not a reset. */
	check("\x1b[01;7mA", false, true, "\x1b[01;7mA", false);
	/* Moves, erases and charsets keep the state; a restore loses it. */
	check("\x1b[5H\x1b[K\x1b(B\x1b[?25l\x1b[0;7m", false, true,
	      "\x1b[5H\x1b[K\x1b(B\x1b[?25l\x1b[7m", false);
	check("\x1b"
	      "8\x1b[0;7m",
	      false, true,
	      "\x1b"
	      "8\x1b[0;7m",
	      false);
	check("\x1b[?1049h\x1b[0;7m", false, true, "\x1b[?1049h\x1b[0;7m", false);
}

/* ncurses' scroll of rows 4-22 by one row up, then the row above the
 * new bottom one (Agenda Down at the bottom of its page). */
static const char scroll_up[] = "\x1b[4;22r\x1b[22;1H\n\x1b[1;24r\x1b[21;1Hrow";

static void test_scroll(void **state)
{
	(void)state;
	/* Delete line at the top, insert at the bottom; the cursor is
	 * then on row 22: one row up. */
	check(scroll_up, true, true, "\x1b[4H\x1b[M\x1b[22H\x1b[L\x1b[Arow", true);
	/* Down by one (reverse index at the top of rows 12-22), then the
	 * new top row: no address left. */
	check("\x1b[12;22r\x1b[12;1H\x1bM\x1b[1;24r\x1b[12;1Hrow", true, true,
	      "\x1b[22H\x1b[M\x1b[12H\x1b[Lrow", true);
	/* By two rows (ESC[2T), an attribute change before it kept first. */
	check("\x1b[4;22r\x1b[4;1H\x1b[m\x1b[2T\x1b[1;24r\x1b[4;1Hrow", true, false,
	      "\x1b[m\x1b[21H\x1b[2M\x1b[4H\x1b[2Lrow", true);
	/* By two rows up with line feeds at the bottom row. */
	check("\x1b[4;22r\x1b[22;1H\n\n\x1b[1;24r\x1b[10;5Hrow", true, true,
	      "\x1b[4H\x1b[2M\x1b[21H\x1b[2L\x1b[10;5Hrow", true);
	/* Without insert/delete line: only the addresses shortened. */
	check(scroll_up, false, true, "\x1b[4;22r\x1b[22H\n\x1b[1;24r\x1b[21Hrow", true);
}

static void test_scroll_kept(void **state)
{
	(void)state;
	/* A line feed not known to be at the bottom row moves the cursor. */
	check("\x1b[4;22r\x1b[20;1H\n\x1b[1;24r\x1b[21;1Hrow", true, true,
	      "\x1b[4;22r\x1b[20H\n\x1b[1;24r\x1b[21Hrow", true);
	/* The region not reset to the whole screen. */
	check("\x1b[4;22r\x1b[22;1H\n\x1b[1;23r\x1b[21;1Hrow", true, true,
	      "\x1b[4;22r\x1b[22H\n\x1b[1;23r\x1b[21Hrow", true);
	/* No absolute address after it: the cursor would be elsewhere. */
	check("\x1b[4;22r\x1b[22;1H\n\x1b[1;24rrow", true, true,
	      "\x1b[4;22r\x1b[22H\n\x1b[1;24rrow", true);
	/* Cut by the end of the buffer (the state after it unknown). */
	check("\x1b[4;22r\x1b[22;1H\n\x1b[1;24", true, true, "\x1b[4;22r\x1b[22H\n\x1b[1;24",
	      false);
	check("x\x1b", true, true, "x\x1b", true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cup),
	    cmocka_unit_test(test_sgr),
	    cmocka_unit_test(test_scroll),
	    cmocka_unit_test(test_scroll_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
