/*
 * ui_out.c — one screen update, one write(2).
 *
 * ncurses 6.4 flushes its output buffer at every cursor movement
 * (TINFO_MVCUR calls _nc_flush), so one doupdate() reaches the terminal
 * as several small writes: several SSH packets for one key. Here the
 * update is captured instead: stdout is pointed at an in-memory file for
 * the duration of doupdate(), then the bytes go to the terminal in one
 * write. Nothing else writes to the terminal meanwhile (one thread; the
 * signal handlers only set flags).
 *
 * When the capture cannot be set up (no memfd and no tmpfile), updates go
 * straight to the terminal as before.
 *
 * A widget may add output curses does not produce itself (the editor's
 * insert/delete character and line, editor_term.c): ui_out_before()
 * registers it for the next update, run just before doupdate() inside the
 * same capture. For it, ui_out_cursor() tells where the last update left
 * the terminal's cursor.
 *
 * System calls per update: dup2 to the file, ncurses' writes, dup2 back,
 * lseek for the length, one write to the terminal, lseek back to 0. The
 * bytes are read through a shared mapping of the file (its size set
 * once), not with pread: one system call less per key (issue 16). Before
 * they leave, ui_out_shorten() parses them once and drops or shortens
 * what it can (ui_out_shorten.c).
 */
#define _GNU_SOURCE /* memfd_create */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <term.h>

#include <string.h>

#include "ui_shell.h"
#include "util.h"

static int cap_fd = -1;  /* the in-memory file */
static volatile int capturing; /* stdout points at cap_fd now */
static int tty_fd = -1;  /* a copy of the real stdout */
static char *buf;
static size_t cap;
static void (*before_fn)(void *); /* for the next update only */
static void *before_arg;
static bool cursor_known;        /* where the last update left the cursor */
static int cursor_y, cursor_x;
static char *map;        /* the file mapped, MAP_SIZE bytes; NULL: pread */
static struct out_term term; /* for ui_out_shorten: what the terminal takes and is in */
static bool motion_read; /* term.m read (at the first update) */
#define MAP_SIZE ((size_t)1 << 20)

void ui_out_start(void)
{
	if (getenv("RAPPORTEUR_NO_CAPTURE"))
		return;
	cap_fd = memfd_create("rapporteur-screen", MFD_CLOEXEC);
	if (cap_fd < 0) {
		FILE *f = tmpfile();

		if (f) {
			cap_fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 3);
			fclose(f);
		}
	}
	tty_fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	term.idl = ui_out_term_idl();
	if (cap_fd < 0 || tty_fd < 0) {
		ui_out_stop();
		return;
	}
	/* Pages are used only as far as an update writes: a 200x60 repaint
	 * touches a few dozen KB of the MB. */
	if (ftruncate(cap_fd, (off_t)MAP_SIZE) == 0) {
		/* Writable: the update is squeezed in place. */
		void *m = mmap(NULL, MAP_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, cap_fd, 0);

		map = m == MAP_FAILED ? NULL : m;
	}
}

void ui_out_stop(void)
{
	cursor_known = false;
	if (capturing && tty_fd >= 0) /* die() in the middle of an update */
		dup2(tty_fd, STDOUT_FILENO);
	capturing = 0;
	if (map)
		munmap(map, MAP_SIZE);
	map = NULL;
	term.g0_ascii = false; /* the terminal may be reset before a new start */
	term.sgr_normal = false;
	motion_read = false;
	ui_out_shorten_free();
	if (cap_fd >= 0)
		close(cap_fd);
	if (tty_fd >= 0)
		close(tty_fd);
	cap_fd = tty_fd = -1;
	free(buf);
	buf = NULL;
	cap = 0;
}

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (w <= 0)
			return; /* the terminal is gone (SIGHUP follows) */
		p += w;
		n -= (size_t)w;
	}
}

/* Capability s is the ANSI form want (padding after it allowed). */
static bool cap_is(const char *s, const char *want)
{
	return s && s != (const char *)-1 && !strncmp(s, want, strlen(want)) &&
	       (s[strlen(want)] == '\0' || s[strlen(want)] == '$');
}

/* What the terminal takes for the moves ui_out_shorten writes: from its
 * terminfo entry, and whether a line feed also returns the carriage (the
 * tty's ONLCR, which curses turns off). Read once curses runs. */
static void motion_setup(void)
{
	struct out_motion *m = &term.m;
	struct termios tio;

	m->on = cap_is(cursor_address, "\x1b[%i%p1%d;%p2%dH");
	m->lf = cap_is(cursor_down, "\n") && tcgetattr(tty_fd, &tio) == 0 &&
		(!(tio.c_oflag & OPOST) || !(tio.c_oflag & ONLCR));
	m->vpa = cap_is(row_address, "\x1b[%i%p1%dd");
	m->hpa = cap_is(column_address, "\x1b[%i%p1%dG");
	m->cuu = cap_is(parm_up_cursor, "\x1b[%p1%dA");
	m->cud = cap_is(parm_down_cursor, "\x1b[%p1%dB");
	m->cuf = cap_is(parm_right_cursor, "\x1b[%p1%dC");
	m->cub = cap_is(parm_left_cursor, "\x1b[%p1%dD");
	m->ri = cap_is(scroll_reverse, "\x1bM");
	m->bs = cap_is(cursor_left, "\b");
	m->sgr_off = cap_is(exit_standout_mode, "\x1b[27m") &&
		     cap_is(exit_underline_mode, "\x1b[24m");
	motion_read = true;
}

/* The captured update without what changes nothing, in short forms. */
static size_t shorten(char *p, size_t n)
{
	if (!motion_read)
		motion_setup();
	term.rows = LINES;
	term.cols = COLS;
	return ui_out_shorten(p, n, &term);
}

void ui_out_before(void (*fn)(void *arg), void *arg)
{
	before_fn = fn;
	before_arg = arg;
}

bool ui_out_cursor(int *y, int *x)
{
	*y = cursor_y;
	*x = cursor_x;
	return cursor_known;
}

/* doupdate() after the registered output. Unless the last window
 * refreshed leaves the cursor alone, doupdate() ends by moving the
 * cursor to newscr's position, which it copies to curscr. */
static void update(void)
{
	void (*fn)(void *) = before_fn;

	before_fn = NULL;
	if (fn)
		fn(before_arg); /* first: it needs the cursor the last update left */
	ui_shift_flush();       /* cells moved sideways, in the same write */
	doupdate();
	cursor_known = !is_leaveok(newscr);
	getyx(curscr, cursor_y, cursor_x);
}

void ui_out_update(void)
{
	off_t n;

	if (cap_fd < 0 || dup2(cap_fd, STDOUT_FILENO) < 0) {
		update();
		return;
	}
	capturing = 1;
	update();
	dup2(tty_fd, STDOUT_FILENO);
	capturing = 0;
	n = lseek(cap_fd, 0, SEEK_CUR);
	if (n <= 0)
		return;
	if (map && (size_t)n <= MAP_SIZE) {
		write_all(STDOUT_FILENO, map, shorten(map, (size_t)n));
	} else {
		if ((size_t)n > cap) {
			cap = (size_t)n;
			buf = xrealloc(buf, cap);
		}
		if (pread(cap_fd, buf, (size_t)n, 0) == n)
			write_all(STDOUT_FILENO, buf, shorten(buf, (size_t)n));
	}
	/* Rewind only: the next update overwrites from 0 and its length is
	 * the new offset, so stale bytes past it never matter. */
	if (lseek(cap_fd, 0, SEEK_SET) != 0)
		ui_out_stop(); /* cannot reuse it: write straight from now on */
}
