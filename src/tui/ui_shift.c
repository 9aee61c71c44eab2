/*
 * ui_shift.c — moving a run of cells sideways on the terminal itself.
 *
 * When a grid scrolls by a column (the Themes grid), every cell of its
 * rows changes, and curses rewrites them all: it uses insert and delete
 * character only for a single change per row, while a grid inside a row
 * needs two (cells deleted at one side of the run, blanks inserted at the
 * other, so that what follows the run stays in place). A screen asks for
 * the move (ui_shift_cells) while drawing; at the next update, inside the
 * captured write of ui_out.c and just before doupdate(), the terminal is
 * told with dch/ich and curses' copy of the screen (curscr) gets the same
 * change, so doupdate() then sends only the cells that really differ (the
 * column that came into view). Where the terminal has no dch/ich (vt100)
 * nothing is sent and curses repaints the row as before.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <term.h>

#include "screen.h"
#include "ui_shell.h"

enum { SHIFT_MAX = 64 };

static struct shift {
	int y, x, width, n; /* screen row and column; n > 0: to the left */
} queue[SHIFT_MAX];
static int queued;

void ui_shift_cells(WINDOW *w, int y, int x, int width, int n)
{
	int sy = getbegy(w) + y, sx = getbegx(w) + x;

	if (n == 0 || (n < 0 ? -n : n) >= width || sx < 0 || sx + width > COLS || sy < 0 ||
	    sy >= LINES)
		return;
	if (queued == SHIFT_MAX) /* too many: curses repaints the rest */
		return;
	queue[queued++] = (struct shift){ sy, sx, width, n };
}

static bool can_shift(void)
{
	return (parm_dch || delete_character) && (parm_ich || insert_character);
}

static int cur_y = -1, cur_x = -1; /* the terminal's cursor, -1: unknown */
static bool by_hand;                 /* moved without telling curses */

/* Put v's digits at o; the new end. */
static char *put_dec(char *o, int v)
{
	char d[8];
	int k = 0;

	do {
		d[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && k < 8);
	while (k > 0)
		*o++ = d[--k];
	return o;
}

/* An address: written here when the terminal's is the ANSI one (curses'
 * mvcur weighs every way of moving at each call, most of the CPU of a
 * shift; ui_out_motion.c shortens what is sent), else through mvcur. */
static void move_to(int y, int x)
{
	static const char ansi[] = "\x1b[%i%p1%d;%p2%dH";
	char buf[24], *o = buf;

	if (cursor_address && !strncmp(cursor_address, ansi, sizeof ansi - 1) &&
	    (cursor_address[sizeof ansi - 1] == '\0' || cursor_address[sizeof ansi - 1] == '$')) {
		*o++ = '\x1b';
		*o++ = '[';
		o = put_dec(o, y + 1);
		*o++ = ';';
		o = put_dec(o, x + 1);
		*o++ = 'H';
		*o = '\0';
		putp(buf);
		by_hand = true;
	} else {
		mvcur(cur_y, cur_x, y, x); /* -1: an absolute move */
	}
	cur_y = y;
	cur_x = x;
}

/* parm (dch or ich) with n, formatted once per n. */
static const char *with_n(const char *parm, int n, char *cache, int *cached_n)
{
	const char *s;

	if (*cached_n == n)
		return cache;
	s = tiparm(parm, n);
	if (!s || strlen(s) >= 32)
		return s;
	memcpy(cache, s, strlen(s) + 1);
	*cached_n = n;
	return cache;
}

static char dch_s[32], ich_s[32];
static int dch_n = -1, ich_n = -1;

static void delete_cells(int y, int x, int n)
{
	move_to(y, x);
	if (parm_dch)
		putp(with_n(parm_dch, n, dch_s, &dch_n));
	else
		for (int i = 0; i < n; i++)
			putp(delete_character);
	wmove(curscr, y, x);
	for (int i = 0; i < n; i++)
		wdelch(curscr);
}

/* The new screen's cell at y, x (into *c) is a blank that shows the same
 * as a plain one: bold or a foreground colour, nothing that shows on a
 * blank (reverse, underline, a background). curscr may then take it for
 * the inserted blank, so that doupdate() does not send it again. */
static bool blank_as_plain(int y, int x, cchar_t *c)
{
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short pair, fg, bg;

	if (mvwin_wch(newscr, y, x, c) != OK || getcchar(c, wc, &a, &pair, NULL) == ERR ||
	    wc[0] != L' ' || wc[1])
		return false;
	if (a & (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_ITALIC | A_ALTCHARSET))
		return false;
	return pair == 0 || (pair_content(pair, &fg, &bg) == OK && bg < 0);
}

static void insert_cells(int y, int x, int n)
{
	cchar_t blank;
	attr_t keep;
	short pair;

	move_to(y, x);
	if (parm_ich)
		putp(with_n(parm_ich, n, ich_s, &ich_n));
	else
		for (int i = 0; i < n; i++)
			putp(insert_character);
	/* The terminal's blanks: no attribute, no colour (vidattr above).
	 * curscr's own attributes would be added to them (they are
	 * whatever curses left there): none while inserting. */
	wattr_get(curscr, &keep, &pair, NULL);
	wattr_set(curscr, A_NORMAL, 0, NULL);
	setcchar(&blank, L" ", A_NORMAL, 0, NULL);
	for (int i = 0; i < n; i++)
		mvwins_wch(curscr, y, x, &blank);
	for (int i = 0; i < n; i++)
		if (blank_as_plain(y, x + i, &blank))
			mvwadd_wch(curscr, y, x + i, &blank);
	wattr_set(curscr, keep, pair, NULL);
}

/* Called by ui_out_update() inside its capture, before doupdate(). The
 * cells are deleted on the side the run leaves and blanks inserted on the
 * other, in the order that pushes nothing of the row off its end: every
 * row's delete before its insert. All the deletes go down the rows and
 * then all the inserts come back up, so that each step to the next row
 * is a line feed or a reverse index (ui_out_motion.c shortens the
 * addresses), not a cursor address. Rows are queued top to bottom. */
void ui_shift_flush(void)
{
	if (!queued)
		return;
	if (can_shift() && !isendwin()) {
		vidattr(A_NORMAL); /* the blanks dch/ich bring take no colour */
		cur_y = cur_x = -1;
		by_hand = false;
		for (int i = 0; i < queued; i++) {
			const struct shift *s = &queue[i];

			if (s->n > 0)
				delete_cells(s->y, s->x, s->n);
			else
				delete_cells(s->y, s->x + s->width + s->n, -s->n);
		}
		for (int i = queued - 1; i >= 0; i--) {
			const struct shift *s = &queue[i];

			if (s->n > 0)
				insert_cells(s->y, s->x + s->width - s->n, s->n);
			else
				insert_cells(s->y, s->x, -s->n);
		}
		/* curses learns where the cursor is (an address that
		 * ui_out_motion.c finds to be no move, and drops). */
		if (by_hand)
			mvcur(-1, -1, cur_y, cur_x);
		/* mvcur and putp write through stdio: out before doupdate's
		 * own writes (the cursor and attributes curses now believes
		 * in are those left here). */
		fflush(stdout);
	}
	queued = 0;
}
