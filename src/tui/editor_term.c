/*
 * editor_term.c — the editor's rows sent as what changed (editor.h).
 *
 * Just before an update (ui_out_before: inside the same capture, so in
 * the same write), the terminal's rows (curscr) of the editor's area are
 * compared with the rows to show (newscr). On rows edited in place, where
 * text moved along a row (a character typed or deleted in the middle of a
 * row, a word that went to the next row or came back), the terminal moves
 * it with insert/delete character (ich/dch). Where a run of edited rows
 * each holds much of the row above or below (Enter or Backspace in the
 * middle of a paragraph re-wraps the rest of it), they are first moved by
 * a row among themselves with delete/insert line (dl/il, rows below the
 * run put back). curscr is changed as the terminal was, so doupdate() then
 * sends only the cells that still differ: the typed character, the word
 * that moved. Rows that moved whole (their text is elsewhere on the other
 * screen) are left to ncurses' own line hashing, which scrolls them; moving
 * them here would make its hashes of the old rows wrong (it would move them
 * twice).
 *
 * ncurses 6.4 does not do this itself: TransformLine() inserts characters
 * only when nothing differs after them (its test nLastChar < nLastNonblank
 * sends the rest of the row instead), and its line hashing moves only rows
 * whose text is the same.
 *
 * Every move of the cursor here is inside save/restore cursor (sc/rc), so
 * curses' idea of where the cursor is stays true; an operation at the
 * cursor's own place (the typed character) needs no move at all. Rows with
 * wide characters or a coloured last cell are left to curses. Where the
 * terminal lacks a capability, nothing is done and curses sends the rows
 * as before.
 */
#include "editor.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_shell.h"
#include "util.h"

/* The terminal's strings, looked up again when the screen changes. */
static struct {
	const void *term;
	const char *ich, *ich1, *dch, *dch1, *il, *il1, *dl, *dl1, *cub1, *cuf1, *hpa, *sc, *rc,
		*cup;
} cap;

static int top_row = -1, bot_row = -1; /* the area of the next update */

/* What goes to the terminal before curses' own output. putp() would go
 * through stdio, not curses' buffer: collected here, written at once. */
static char *out;
static size_t out_len, out_cap;

/* A capability string without its padding ($<5>: no terminal of today
 * needs it, and tputs() is not in curses.h). */
static void emit(const char *s)
{
	for (; *s; s++) {
		if (s[0] == '$' && s[1] == '<' && strchr(s, '>')) {
			s = strchr(s, '>');
			continue;
		}
		if (out_len == out_cap) {
			out_cap = out_cap ? 2 * out_cap : 256;
			out = xrealloc(out, out_cap);
		}
		out[out_len++] = *s;
	}
}

/* Into the capture (ui_out.c: stdout is the in-memory file now); the
 * test harness paints nowhere and has no terminal to send it to. */
static void emit_flush(void)
{
	const char *p = out;
	size_t n = out_len;

	while (n > 0 && !ui.test) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
	}
	out_len = 0;
}

static const char *str(const char *name)
{
	char *s = tigetstr(name);

	return s == NULL || s == (char *)-1 ? NULL : s;
}

static bool caps_load(void)
{
	if (cap.term != (const void *)newscr) {
		cap.term = newscr;
		cap.ich = str("ich");
		cap.ich1 = str("ich1");
		cap.dch = str("dch");
		cap.dch1 = str("dch1");
		cap.il = str("il");
		cap.il1 = str("il1");
		cap.dl = str("dl");
		cap.dl1 = str("dl1");
		cap.cub1 = str("cub1");
		cap.cuf1 = str("cuf1");
		cap.hpa = str("hpa");
		cap.sc = str("sc");
		cap.rc = str("rc");
		cap.cup = str("cup");
	}
	return cap.sc && cap.rc && cap.cup;
}

/* The string of an operation repeated n times: the parameterised form, or
 * the single one when n is 1 (NULL when the terminal has neither). */
static const char *op_str(const char *parm, const char *one, int n)
{
	if (n == 1 && one)
		return one;
	return parm ? tiparm(parm, n) : NULL;
}

static size_t op_len(const char *parm, const char *one, int n)
{
	const char *s = op_str(parm, one, n);

	return s ? strlen(s) : 0;
}

/* ---- rows as cells ---- */

struct rows {
	int n, cols;
	cchar_t *old, *new;    /* n rows of cols cells each */
	uint64_t *oh, *nh;     /* a hash of each row */
	bool *os, *ns;         /* the old, the new row has one cell per column */
};

static cchar_t blank_cell(void)
{
	cchar_t c;
	wchar_t sp[2] = { L' ', 0 };

	setcchar(&c, sp, A_NORMAL, 0, NULL);
	return c;
}

static bool cell_eq(const cchar_t *a, const cchar_t *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

static uint64_t row_hash(const cchar_t *c, int n)
{
	uint64_t h = 14695981039346656037ULL;
	const unsigned char *p = (const unsigned char *)c;

	for (size_t i = 0; i < (size_t)n * sizeof *c; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Row y of win into cells[cols]; false when it does not hold exactly one
 * cell per column (a wide character). */
static bool read_row(WINDOW *win, int y, cchar_t *cells, int cols)
{
	cchar_t *tmp = xcalloc((size_t)cols + 1, sizeof *tmp);
	int n = 0;
	bool simple = true;

	mvwin_wchnstr(win, y, 0, tmp, cols);
	for (; n < cols && tmp[n].chars[0] != 0; n++)
		if (wcwidth(tmp[n].chars[0]) > 1)
			simple = false;
	memcpy(cells, tmp, (size_t)cols * sizeof *cells);
	free(tmp);
	return simple && n == cols;
}

static void rows_read(struct rows *r, int top, int n)
{
	r->n = n;
	r->cols = COLS;
	r->old = xcalloc((size_t)n * (size_t)r->cols, sizeof *r->old);
	r->new = xcalloc((size_t)n * (size_t)r->cols, sizeof *r->new);
	r->oh = xcalloc((size_t)n, sizeof *r->oh);
	r->nh = xcalloc((size_t)n, sizeof *r->nh);
	r->os = xcalloc((size_t)n, sizeof *r->os);
	r->ns = xcalloc((size_t)n, sizeof *r->ns);
	for (int i = 0; i < n; i++) {
		cchar_t *o = r->old + (size_t)i * (size_t)r->cols, *w = r->new + (size_t)i * (size_t)r->cols;

		r->os[i] = read_row(curscr, top + i, o, r->cols);
		r->ns[i] = read_row(newscr, top + i, w, r->cols);
		r->oh[i] = row_hash(o, r->cols);
		r->nh[i] = row_hash(w, r->cols);
	}
}

static void rows_free(struct rows *r)
{
	free(r->old);
	free(r->new);
	free(r->oh);
	free(r->nh);
	free(r->os);
	free(r->ns);
}

static cchar_t *old_row(struct rows *r, int i)
{
	return r->old + (size_t)i * (size_t)r->cols;
}

static cchar_t *new_row(struct rows *r, int i)
{
	return r->new + (size_t)i * (size_t)r->cols;
}

/* ---- which rows ---- */

/* A row edited in place: its old text is nowhere in the new rows and its
 * new text nowhere in the old ones. Rows that moved up or down are left
 * to curses' line hashing (it scrolls them with csr or il/dl); changing
 * them here would make its hashes of the old rows wrong. */
static bool edited(const struct rows *r, int i)
{
	if (r->oh[i] == r->nh[i])
		return false;
	for (int j = 0; j < r->n; j++)
		if (r->nh[j] == r->oh[i] || r->oh[j] == r->nh[i])
			return false;
	return true;
}

/* ---- text that moved along a row: ich/dch ---- */

/* What the old row o would be after inserting (d > 0) or deleting (d < 0)
 * |d| cells at column p, cell x. */
static cchar_t shifted_cell(const cchar_t *o, int cols, int p, int d, int x)
{
	if (x < p || d == 0)
		return o[x];
	if (d > 0)
		return x < p + d ? blank_cell() : o[x - d];
	return x - d < cols ? o[x - d] : blank_cell();
}

static int cell_bytes(const cchar_t *c)
{
	wchar_t w = c->chars[0];

	return w < 0x80 ? 1 : w < 0x800 ? 2 : w < 0x10000 ? 3 : 4;
}

/* Roughly the bytes curses sends to turn o (moved by d at p) into w: the
 * cells that differ up to the last non-blank cell of w, with the equal
 * cells between them unless a run is long enough for a cursor move to
 * skip it (6 bytes), and a clear to the end of the row when anything
 * after it is not blank. */
static int row_cost(const cchar_t *o, const cchar_t *w, int cols, int p, int d)
{
	cchar_t blank = blank_cell();
	int end = cols - 1, cost = 0, same = 0, run_bytes = 0;

	while (end >= p && cell_eq(&w[end], &blank))
		end--;
	for (int x = p; x < cols; x++) {
		cchar_t c = shifted_cell(o, cols, p, d, x);

		if (x > end) {
			if (!cell_eq(&c, &blank))
				return cost + 5; /* a move and el */
			continue;
		}
		if (cell_eq(&c, &w[x])) {
			same++;
			run_bytes += cell_bytes(&w[x]);
			continue;
		}
		cost += same == 0 ? 0 : run_bytes < 6 ? run_bytes : 6;
		same = run_bytes = 0;
		cost += cell_bytes(&w[x]);
	}
	return cost;
}

/* How to go from the cursor (cy, cx) to (y, p) before an operation and
 * back after it, so that curses' idea of the cursor stays true: nothing
 * at the cursor, a step left and right before it, a column address on its
 * row, elsewhere save cursor, address, restore. */
struct route {
	char pre[64], post[64];
};

/* dst (the size of struct route's strings) = a then b (NULL: nothing);
 * false when that does not fit. */
static bool put(char *dst, const char *a, const char *b)
{
	size_t na = a ? strlen(a) : 0, nb = b ? strlen(b) : 0;

	if (na + nb >= sizeof ((struct route *)0)->pre)
		return false;
	memcpy(dst, a ? a : "", na);
	memcpy(dst + na, b ? b : "", nb);
	dst[na + nb] = '\0';
	return true;
}

static bool route(struct route *rt, int y, int p, int cy, int cx)
{
	rt->pre[0] = rt->post[0] = '\0';
	if (y == cy && p == cx)
		return true;
	if (y == cy && p == cx - 1 && cap.cub1 && cap.cuf1)
		return put(rt->pre, cap.cub1, NULL) && put(rt->post, cap.cuf1, NULL);
	if (y == cy && cap.hpa)
		return put(rt->pre, tiparm(cap.hpa, p), NULL) && put(rt->post, tiparm(cap.hpa, cx), NULL);
	return put(rt->pre, cap.sc, tiparm(cap.cup, y, p)) && put(rt->post, cap.rc, NULL);
}

/* The cost of the operation itself with its route; -1 when the terminal
 * cannot do it. */
static int op_cost(int d, int y, int p, int cy, int cx)
{
	size_t n = d > 0 ? op_len(cap.ich, cap.ich1, d) : op_len(cap.dch, cap.dch1, -d);
	struct route rt;

	if (n == 0 || !route(&rt, y, p, cy, cx))
		return -1;
	return (int)(n + strlen(rt.pre) + strlen(rt.post));
}

/* Insert (d > 0) or delete |d| characters at screen row y, column p:
 * the terminal and curscr alike. */
static void chars_op(int y, int p, int d, int cy, int cx)
{
	cchar_t blank = blank_cell();
	struct route rt;

	if (!route(&rt, y, p, cy, cx))
		return;
	emit(rt.pre);
	emit(d > 0 ? op_str(cap.ich, cap.ich1, d) : op_str(cap.dch, cap.dch1, -d));
	emit(rt.post);
	wmove(curscr, y, p);
	for (int k = 0; k < (d > 0 ? d : -d); k++) {
		if (d > 0)
			wins_wch(curscr, &blank);
		else
			wdelch(curscr);
	}
}

/* The cheapest way to turn the old row o into the new row w at screen
 * row y (simple: one cell per column in both): *d characters inserted
 * (> 0) or deleted (< 0) at *p first, or none (0); returns the cost, *rest
 * what curses then sends. */
static int row_best(const cchar_t *o, const cchar_t *w, int cols, bool simple, int y, int cy,
		    int cx, int *d, int *p, int *rest)
{
	cchar_t blank = blank_cell();
	int best;

	*d = 0;
	*p = 0;
	while (*p < cols && cell_eq(&o[*p], &w[*p]))
		(*p)++;
	best = *rest = row_cost(o, w, cols, *p, 0);
	if (!simple || !cell_eq(&w[cols - 1], &blank))
		return best;
	for (int k = 1 - (cols - *p); k < cols - *p; k++) {
		int c, r;

		/* Only where the move lines up the first cell after it. */
		if (k == 0 || (k > 0 ? !cell_eq(&w[*p + k], &o[*p]) : !cell_eq(&w[*p], &o[*p - k])))
			continue;
		c = op_cost(k, y, *p, cy, cx);
		if (c < 0 || c >= best)
			continue;
		r = row_cost(o, w, cols, *p, k);
		if (c + r < best) {
			best = c + r;
			*d = k;
			*rest = r;
		}
	}
	return best;
}

/* Row i of the area at screen row y: insert or delete characters where
 * that makes curses send fewer bytes. */
static void row_shift(struct rows *r, int i, int y, int cy, int cx)
{
	int d, p, rest;

	if (r->oh[i] == r->nh[i])
		return;
	row_best(old_row(r, i), new_row(r, i), r->cols, r->os[i] && r->ns[i], y, cy, cx, &d, &p,
		 &rest);
	/* A deletion that leaves nothing else to send is one curses makes
	 * itself (TransformLine's dch), with the cursor where it wants it. */
	if (d > 0 || (d < 0 && rest > 0))
		chars_op(y, p, d, cy, cx);
}

/* ---- rows edited together: a row moved down or up among them ---- */

/* The cost of the block [a, b] of the area if old row i + sh showed new
 * row i (sh 0: as they are; 1: the old rows one down, a blank row at a;
 * -1: one up, a blank row at b). */
static int block_cost(struct rows *r, int top, int a, int b, int sh, int cy, int cx)
{
	cchar_t *blank = xcalloc((size_t)r->cols, sizeof *blank);
	int cost = 0, d, p, rest;

	for (int x = 0; x < r->cols; x++)
		blank[x] = blank_cell();
	for (int i = a; i <= b; i++) {
		int from = i - sh;
		bool in = from >= a && from <= b;

		cost += row_best(in ? old_row(r, from) : blank, new_row(r, i), r->cols,
				 (!in || r->os[from]) && r->ns[i], top + i, cy, cx, &d, &p, &rest);
	}
	free(blank);
	return cost;
}

/* The lines (sc, delete one line at y1, insert one at y2, rc) that move
 * the rows between them by one, the terminal and curscr alike; 0 when
 * the terminal cannot. With only_cost, the length of the string. */
static int lines_move(int y1, int y2, bool only_cost)
{
	const char *dl = op_str(cap.dl, cap.dl1, 1), *il = op_str(cap.il, cap.il1, 1);
	char a[64], b[64];

	if (!dl || !il || !put(a, cap.cup ? tiparm(cap.cup, y1, 0) : NULL, NULL) ||
	    !put(b, tiparm(cap.cup, y2, 0), NULL))
		return 0;
	if (!only_cost) {
		emit(cap.sc);
		emit(a);
		emit(dl);
		emit(b);
		emit(il);
		emit(cap.rc);
		wmove(curscr, y1, 0);
		winsdelln(curscr, -1);
		wmove(curscr, y2, 0);
		winsdelln(curscr, 1);
	}
	return (int)(strlen(cap.sc) + strlen(a) + strlen(dl) + strlen(b) + strlen(il) +
		     strlen(cap.rc));
}

/* The old rows of the area moved by sh (1: down, -1: up) within [a, b],
 * a blank row coming in. */
static void rows_move(struct rows *r, int a, int b, int sh)
{
	size_t w = (size_t)r->cols * sizeof *r->old;

	if (sh > 0) {
		memmove(old_row(r, a + 1), old_row(r, a), (size_t)(b - a) * w);
		memmove(&r->oh[a + 1], &r->oh[a], (size_t)(b - a) * sizeof *r->oh);
		memmove(&r->os[a + 1], &r->os[a], (size_t)(b - a) * sizeof *r->os);
	} else {
		memmove(old_row(r, a), old_row(r, a + 1), (size_t)(b - a) * w);
		memmove(&r->oh[a], &r->oh[a + 1], (size_t)(b - a) * sizeof *r->oh);
		memmove(&r->os[a], &r->os[a + 1], (size_t)(b - a) * sizeof *r->os);
	}
	a = sh > 0 ? a : b;
	for (int x = 0; x < r->cols; x++)
		old_row(r, a)[x] = blank_cell();
	r->oh[a] = 0; /* differs from every new row */
	r->os[a] = true;
}

/* Rows a … b of the area, each edited in place (Enter or Backspace in the
 * middle of a paragraph re-wraps the rest of it: each row then holds much
 * of the text of the row above or below): move them by a row first where
 * that is cheaper, then insert or delete characters row by row. */
static void block(struct rows *r, int top, int a, int b, int cy, int cx)
{
	int best = 0, cost = b > a ? block_cost(r, top, a, b, 0, cy, cx) : 0;

	for (int sh = 1; sh >= -1 && b > a && top + b < LINES - 1; sh -= 2) {
		int move = lines_move(top + (sh > 0 ? b : a), top + (sh > 0 ? a : b), true);
		int c = move ? move + block_cost(r, top, a, b, sh, cy, cx) : cost;

		if (c < cost) {
			cost = c;
			best = sh;
		}
	}
	if (best != 0) {
		lines_move(top + (best > 0 ? b : a), top + (best > 0 ? a : b), false);
		rows_move(r, a, b, best);
	}
	for (int i = a; i <= b; i++)
		row_shift(r, i, top + i, cy, cx);
}

/* ---- the update ---- */

/* Run just before doupdate() (ui_out_before). */
static void apply(void *unused)
{
	struct rows r;
	int top = top_row, n = bot_row - top_row + 1, cy = -1, cx = -1, oy, ox, ny, nx;

	(void)unused;
	if (top < 0 || n <= 0 || bot_row >= LINES || !caps_load())
		return;
	if (!ui_out_cursor(&cy, &cx))
		cy = cx = -1;
	/* Reading moves the windows' cursors: newscr's is where the update
	 * leaves the terminal's. */
	getyx(curscr, oy, ox);
	getyx(newscr, ny, nx);
	rows_read(&r, top, n);
	for (int i = 0; i < n; i++) {
		int b = i;

		if (!edited(&r, i))
			continue;
		while (b + 1 < n && edited(&r, b + 1))
			b++;
		block(&r, top, i, b, cy, cx);
		i = b;
	}
	rows_free(&r);
	emit_flush();
	wmove(curscr, oy, ox);
	wmove(newscr, ny, nx);
}

void editor_term_area(int top, int bottom)
{
	top_row = top;
	bot_row = bottom;
	ui_out_before(apply, NULL);
}
