/*
 * ui_test.c — the scripted-test harness of the screen (tig's libtest):
 * when RAPPORTEUR_TEST_SCRIPT names a file, curses runs on /dev/null with
 * the size from LINES/COLUMNS (default 80×24), keys come from the script,
 * and the in-memory screen (curscr) can be dumped as text. The script
 * syntax is documented in tests/ui/README.md:
 *
 *   keys line:   literal text with <Name> escapes: <Down> <Enter> <Esc>
 *                <Tab> <S-Tab> <F1> <C-u> <LT> (a '<'), <Resize 60x20>
 *   @dump FILE   write the screen now (text)
 *   @dump-attrs FILE   text and, under each row, attribute markers
 *   @clock TIME  set the clock (as the `clock` command) and tick
 *   @tick        one idle tick (as if a second passed without a key)
 *   @other CMD   run CMD through a second connection to the same file
 *                (another instance), then tick
 *   # comment, blank lines ignored
 *
 * At the end of the script the program quits; RAPPORTEUR_TEST_DUMP (and
 * RAPPORTEUR_TEST_ATTRS=1) names a final dump.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "keys.h"
#include "ui_shell.h"
#include "undo.h"
#include "util.h"
#include "widgets.h"

static FILE *script, *out_fp, *in_fp;
static SCREEN *test_screen;
static char *line;
static size_t line_cap;
static const char *pos;
static long lineno;

static int env_int(const char *name, int dflt)
{
	const char *v = getenv(name);
	int n = v ? atoi(v) : 0;

	return n > 0 && n <= 1000 ? n : dflt;
}

bool uitest_start(void)
{
	const char *path = getenv("RAPPORTEUR_TEST_SCRIPT"), *term = getenv("TERM");

	if (!path || !*path)
		return false;
	script = fopen(path, "r");
	if (!script)
		die("%s: cannot open the test script", path);
	out_fp = fopen("/dev/null", "w");
	in_fp = fopen("/dev/null", "r");
	if (!out_fp || !in_fp)
		die("/dev/null: cannot open");
	test_screen = newterm(term && *term ? term : "xterm", out_fp, in_fp);
	if (!test_screen)
		test_screen = newterm("vt100", out_fp, in_fp);
	if (!test_screen)
		die("cannot start curses on /dev/null");
	set_term(test_screen);
	resizeterm(env_int("LINES", 24), env_int("COLUMNS", 80));
	ui.test = true;
	return true;
}

static char attr_marker(attr_t a)
{
	if ((a & A_REVERSE) && (a & A_BOLD))
		return 'X';
	if (a & A_REVERSE)
		return 'R';
	if (a & A_BOLD)
		return 'B';
	if (a & A_UNDERLINE)
		return 'U';
	if (a & A_DIM)
		return 'D';
	return ' ';
}

static void trim_put(char *buf, size_t n, FILE *f)
{
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	fwrite(buf, 1, n, f);
	fputc('\n', f);
}

int uitest_dump(const char *path, bool attrs)
{
	FILE *f = fopen(path, "w");
	int rows = getmaxy(curscr), cols = getmaxx(curscr);
	char *text = xmalloc((size_t)cols * 16 + 1), *marks = xmalloc((size_t)cols + 1);

	if (!f) {
		free(text);
		free(marks);
		return -1;
	}
	for (int y = 0; y < rows; y++) {
		size_t n = 0, m = 0;

		for (int x = 0; x < cols; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t a;
			short pair;

			if (mvwin_wch(curscr, y, x, &cc) == ERR)
				break;
			if (getcchar(&cc, wch, &a, &pair, NULL) == ERR)
				continue;
			marks[m++] = attr_marker(a);
			if (!wch[0])
				continue; /* the right half of a wide character */
			for (int k = 0; wch[k] && k < CCHARW_MAX; k++)
				n += utf8_encode((unsigned)wch[k], text + n);
			if (wcwidth(wch[0]) == 2 && x + 1 < cols) {
				x++; /* the right half of a wide character */
				marks[m++] = attr_marker(a);
			}
		}
		trim_put(text, n, f);
		if (attrs)
			trim_put(marks, m, f);
	}
	free(text);
	free(marks);
	return fclose(f) == 0 ? 0 : -1;
}

/* Run a command as another instance would: its own connection. */
static void other_instance(const char *cmd)
{
	struct app other = *ui.app;
	char err[256], out[1024];

	other.db = NULL;
	other.undo = NULL; /* its own history of changes */
	if (db_open(ui.app->db_path, 0, &other.db, err, sizeof err) != DB_OK)
		die("@other: %s", err);
	command_exec(&other, cmd, out, sizeof out);
	undo_free(&other.undo);
	db_close(&other.db);
}

/* One key from the current keys line, or K_NONE at its end. */
static int next_in_line(void)
{
	unsigned cp;
	bool bad;

	if (!pos || !*pos)
		return K_NONE;
	if (*pos == '<') {
		const char *p = pos + 1;
		int key, w, h;

		if (sscanf(p, "Resize %dx%d>", &w, &h) == 2) {
			pos = strchr(p, '>') + 1;
			ui_drop_windows();
			resizeterm(h > 0 ? h : 1, w > 0 ? w : 1);
			return K_RESIZE;
		}
		key = keys_parse_name(&p);
		if (key == K_NONE || *p != '>')
			die("test script line %ld: bad key name at %s", lineno, pos);
		pos = p + 1;
		return key;
	}
	pos += widget_utf8_decode(pos, strlen(pos), &cp, &bad);
	if (bad)
		die("test script line %ld: invalid UTF-8", lineno);
	return (int)cp;
}

/* The bytes of rows the tabs hold (screen_ops.held): the tab shown when
 * shown is true, the others otherwise. */
static size_t rows_held(bool shown)
{
	size_t sum = 0;

	for (int i = 0; i < SCR_COUNT; i++) {
		const struct screen *s = &ui.screens[i];

		if ((i == ui.cur) == shown && s->data && s->ops->held)
			sum += s->ops->held(s);
	}
	return sum;
}

/* @stats FILE: the shell's counters, one "name value" a line. */
static void write_stats(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		die("%s: cannot write the counters", path);
	fprintf(f, "opens %lu\nr4_checks %lu\nheld_shown %zu\nheld_hidden %zu\n", ui.n_opens,
		ui.n_r4_checks, rows_held(true), rows_held(false));
	/* Heap in use (glibc's count; 0 under ASan's allocator). */
	fprintf(f, "heap_in_use %zu\n", (size_t)mallinfo2().uordblks);
	fclose(f);
}

int uitest_next_key(void)
{
	/* Between two keys of a script the keys have paused: what a screen
	 * deferred to that moment is on screen before the next key (and in
	 * every dump), as on a terminal after UI_DEFER_MS. */
	ui_settle();
	if (!script)
		return K_NONE; /* the script ended: every later read ends too */
	for (;;) {
		int key = next_in_line();
		ssize_t len;

		if (key != K_NONE)
			return key;
		len = getline(&line, &line_cap, script);
		if (len < 0) {
			/* The screen as the script leaves it (a prompt may be open). */
			uitest_finish();
			return K_NONE;
		}
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		pos = NULL;
		if (len == 0 || line[0] == '#')
			continue;
		if (!strncmp(line, "@dump ", 6)) {
			if (uitest_dump(line + 6, false) != 0)
				die("%s: cannot write the dump", line + 6);
		} else if (!strncmp(line, "@dump-attrs ", 12)) {
			if (uitest_dump(line + 12, true) != 0)
				die("%s: cannot write the dump", line + 12);
		} else if (!strncmp(line, "@clock ", 7)) {
			time_t t = time_parse(line + 7);

			if (t < 0)
				die("test script line %ld: bad time", lineno);
			clock_set(t);
			return K_TICK;
		} else if (!strncmp(line, "@stats ", 7)) {
			write_stats(line + 7);
		} else if (!strcmp(line, "@tick")) {
			return K_TICK;
		} else if (!strncmp(line, "@other ", 7)) {
			other_instance(line + 7);
			return K_TICK;
		} else if (line[0] == '@') {
			die("test script line %ld: unknown directive %s", lineno, line);
		} else {
			pos = line;
		}
	}
}

void uitest_finish(void)
{
	const char *path = getenv("RAPPORTEUR_TEST_DUMP"), *attrs = getenv("RAPPORTEUR_TEST_ATTRS");
	static bool done;

	if (done)
		return;
	done = true;
	if (path && *path && uitest_dump(path, attrs && *attrs == '1') != 0)
		die("%s: cannot write the dump", path);
	if (script)
		fclose(script);
	script = NULL;
	free(line);
	line = NULL;
	pos = NULL;
}

void uitest_end(void)
{
	if (test_screen) {
		ui_drop_windows();
		delscreen(test_screen);
	}
	test_screen = NULL;
	if (out_fp)
		fclose(out_fp);
	if (in_fp)
		fclose(in_fp);
	out_fp = in_fp = NULL;
}
