/*
 * editor_term.c — the editor's rows sent as what changed (editor.h).
 *
 * Just before an update (ui_out_before: inside the same capture, so in
 * the same write), the terminal's rows (curscr) of the editor's area are
 * compared with the rows to show (newscr). Rows edited in place (their old
 * text is nowhere among the new rows, nor their new text among the old:
 * a character typed or deleted, a word that went to the next row or came
 * back up, the rows a re-wrap changed) are sent here, each the cheapest
 * way editor_rows.c finds: the changed cells written again, or characters
 * inserted or deleted (ich/dch) and then only what still differs, with a
 * clear to the end of the row (el) for a tail that became blank. Where a
 * run of edited rows each holds much of the row above or below (Enter or
 * Backspace in the middle of a paragraph re-wraps the rest of it), they
 * are first moved by a row among themselves with delete/insert line
 * (dl/il, rows below the run put back). curscr is changed as the terminal
 * was, so doupdate() then sends only what still differs: usually nothing
 * but the typed character and the cursor. Rows that moved whole (their
 * text is elsewhere on the other screen) are left to ncurses' own line
 * hashing, which scrolls them; moving them here would make its hashes of
 * the old rows wrong (it would move them twice).
 *
 * ncurses 6.4 does not do this itself: TransformLine() inserts characters
 * only when nothing differs after them (its test nLastChar < nLastNonblank
 * sends the rest of the row instead), never clears a word from one row
 * and inserts it on the next, and its line hashing moves only rows whose
 * text is the same.
 *
 * The cursor: an operation at the cursor's own place (the typed
 * character) is sent before anything moves it; everything else is inside
 * one save/restore cursor (sc ... rc), so curses' idea of where the cursor
 * is stays true, and between the two the moves are the cheapest the
 * terminal offers (a column, a row, CR LF to the next row's start, an
 * address). Where the terminal lacks sc/rc/cup nothing is done, and a row
 * is changed only with what the terminal has (no ich: no insertion): curses
 * sends the rest as before.
 */
#include "editor.h"
#include "editor_term.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_shell.h"
#include "util.h"

/* The terminal's strings, looked up again when the screen changes. */
static struct {
	const void *term;
	const char *ich, *ich1, *dch, *dch1, *il, *il1, *dl, *dl1, *el, *sc, *rc, *cup, *cr,
		*cub1, *cuf1, *cub, *cuf, *cuu1, *cuu, *cud, *cud1, *hpa, *vpa;
} cap;

static int top_row = -1, bot_row = -1; /* the area of the next update */

/* tiparm()'s strings kept (parm()). */
static struct {
	const char *s;
	int a, b;
	char out[32];
} memo[512];

/* A capability string without its padding ($<5>: no terminal of today
 * needs it, and tputs() is not in curses.h). */
void tout_put(struct tout *o, const char *s)
{
	for (; s && *s; s++) {
		if (s[0] == '$' && s[1] == '<' && strchr(s, '>')) {
			s = strchr(s, '>');
			continue;
		}
		if (!o->count && o->len == o->cap) {
			o->cap = o->cap ? 2 * o->cap : 256;
			o->buf = xrealloc(o->buf, o->cap);
		}
		if (!o->count)
			o->buf[o->len] = *s;
		o->len++;
	}
}

/* Into the capture (ui_out.c: stdout is the in-memory file now); the
 * test harness paints nowhere and has no terminal to send it to. */
static void tout_flush(struct tout *o)
{
	const char *p = o->buf;
	size_t n = o->len;

	while (n > 0 && !ui.test) {
		ssize_t w = write(STDOUT_FILENO, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		n -= (size_t)w;
	}
	free(o->buf);
	o->buf = NULL;
	o->len = o->cap = 0;
}

static const char *str(const char *name)
{
	char *s = tigetstr(name);

	return s == NULL || s == (char *)-1 ? NULL : s;
}

static bool caps_load(void)
{
	if (cap.term != (const void *)newscr) {
		memset(&cap, 0, sizeof cap);
		memset(memo, 0, sizeof memo); /* its keys are these strings */
		cap.term = newscr;
		cap.ich = str("ich");
		cap.ich1 = str("ich1");
		cap.dch = str("dch");
		cap.dch1 = str("dch1");
		cap.il = str("il");
		cap.il1 = str("il1");
		cap.dl = str("dl");
		cap.dl1 = str("dl1");
		cap.el = str("el");
		cap.sc = str("sc");
		cap.rc = str("rc");
		cap.cup = str("cup");
		cap.cr = str("cr");
		cap.cub1 = str("cub1");
		cap.cuf1 = str("cuf1");
		cap.cub = str("cub");
		cap.cuf = str("cuf");
		cap.cuu1 = str("cuu1");
		cap.cuu = str("cuu");
		cap.cud = str("cud");
		cap.cud1 = str("cud1");
		cap.hpa = str("hpa");
		cap.vpa = str("vpa");
	}
	return cap.sc && cap.rc && cap.cup;
}

/* tiparm(s, a[, b]) kept: the moves of every plan costed call it with
 * the same few arguments, and it is most of their cost. */
static const char *parm(const char *s, int a, int b)
{
	unsigned k = ((unsigned)(uintptr_t)s * 31u + (unsigned)a * 131u + (unsigned)b) % 512u;
	const char *r;

	if (s == NULL)
		return NULL;
	if (memo[k].s == s && memo[k].a == a && memo[k].b == b)
		return memo[k].out;
	r = tiparm(s, a, b);
	if (r == NULL || strlen(r) >= sizeof memo[k].out)
		return r;
	memo[k].s = s;
	memo[k].a = a;
	memo[k].b = b;
	memcpy(memo[k].out, r, strlen(r) + 1);
	return memo[k].out;
}

/* The string of an operation repeated n times: the parameterised form, or
 * the single one when n is 1 (NULL when the terminal has neither). */
static const char *op_str(const char *s, const char *one, int n)
{
	if (n == 1 && one)
		return one;
	return parm(s, n, 0);
}

const char *tout_chars_op(int k)
{
	return k > 0 ? op_str(cap.ich, cap.ich1, k) : op_str(cap.dch, cap.dch1, -k);
}

const char *tout_el(void)
{
	return cap.el;
}

/* ---- cursor moves ---- */

/* dst (64 bytes) = s when s is shorter than what dst holds. */
static void shorter(char *dst, const char *s)
{
	size_t n = s ? strlen(s) : 64;

	if (n < 60 && (dst[0] == '\0' || n < strlen(dst)))
		memcpy(dst, s, n + 1);
}

static void shorter2(char *dst, const char *a, const char *b)
{
	char both[64];
	size_t na = strlen(a), nb = strlen(b);

	if (na + nb < sizeof both) {
		memcpy(both, a, na);
		memcpy(both + na, b, nb + 1);
		shorter(dst, both);
	}
}

/* Along a row, from column x to tx: into dst (64 bytes, "" for none). */
static void along(char *dst, int x, int tx)
{
	dst[0] = '\0';
	if (tx == x)
		return;
	memcpy(dst, "\033[0000;0000H", sizeof "\033[0000;0000H"); /* longer than any candidate */
	if (tx == 0)
		shorter(dst, cap.cr ? cap.cr : "\r");
	if (tx == x - 1)
		shorter(dst, cap.cub1);
	if (tx == x + 1)
		shorter(dst, cap.cuf1);
	if (cap.hpa)
		shorter(dst, parm(cap.hpa, tx, 0));
	if (tx < x && cap.cub)
		shorter(dst, parm(cap.cub, x - tx, 0));
	if (tx > x && cap.cuf)
		shorter(dst, parm(cap.cuf, tx - x, 0));
}

/* The cheapest move from at to (ty, tx) into dst (64 bytes). */
static void best_move(char *dst, struct tpos at, int ty, int tx)
{
	char h[64], v[64] = "";

	dst[0] = '\0';
	shorter(dst, parm(cap.cup, ty, tx));
	if (at.y < 0)
		return;
	if (at.y == ty) {
		along(h, at.x, tx);
		if (h[0] == '\0')
			dst[0] = '\0';
		else
			shorter(dst, h);
		return;
	}
	/* CR LF: the start of the next row (not the screen's last: it scrolls). */
	if (ty == at.y + 1 && tx == 0 && ty < LINES - 1 && cap.cud1 && strcmp(cap.cud1, "\n") == 0)
		shorter(dst, "\r\n");
	if (ty == at.y - 1)
		shorter(v, cap.cuu1);
	if (cap.vpa)
		shorter(v, parm(cap.vpa, ty, 0));
	if (ty < at.y && cap.cuu)
		shorter(v, parm(cap.cuu, at.y - ty, 0));
	if (ty > at.y && cap.cud)
		shorter(v, parm(cap.cud, ty - at.y, 0));
	if (v[0] == '\0')
		return;
	along(h, at.x, tx);
	shorter2(dst, v, h);
}

void tout_move(struct tout *o, int y, int x)
{
	char mv[64];

	best_move(mv, o->at, y, x);
	o->at = (struct tpos){ y, x };
	tout_put(o, mv);
}

/* ---- the area's rows ---- */

/* The area: a hash of each row of the terminal (curscr) and of the next
 * update (newscr), and one row of cells of each, read only for the rows
 * edited in place (a row at a time: a copy of the whole area's cells
 * would be 630 KB at 200x60, which glibc then keeps in its heap). */
struct rows {
	int top, n, cols;
	uint64_t *oh, *nh;    /* a hash of each row */
	bool *blank;          /* the old row is the blank one a line move brought in */
	struct tcell *o, *w;  /* the row at hand: old (the terminal's) and new */
};

static void rows_read(struct rows *r, int top, int n)
{
	cchar_t *lead;

	r->top = top;
	r->n = n;
	r->cols = COLS;
	lead = xcalloc((size_t)r->cols + 1, sizeof *lead);
	r->oh = xcalloc((size_t)n, sizeof *r->oh);
	r->nh = xcalloc((size_t)n, sizeof *r->nh);
	r->blank = xcalloc((size_t)n, sizeof *r->blank);
	r->o = xcalloc((size_t)r->cols, sizeof *r->o);
	r->w = xcalloc((size_t)r->cols, sizeof *r->w);
	for (int i = 0; i < n; i++) {
		r->oh[i] = trow_hash(curscr, top + i, lead, r->cols);
		r->nh[i] = trow_hash(newscr, top + i, lead, r->cols);
	}
	free(lead);
}

static void rows_free(struct rows *r)
{
	free(r->oh);
	free(r->nh);
	free(r->blank);
	free(r->o);
	free(r->w);
}

static void blank_row(struct tcell *row, int cols)
{
	for (int x = 0; x < cols; x++) {
		wchar_t sp[2] = { L' ', 0 };

		memset(&row[x], 0, sizeof row[x]);
		setcchar(&row[x].c, sp, A_NORMAL, 0, NULL);
		row[x].plain = true;
	}
}

/* Old row i of the area into r->o: the terminal's row as curscr holds it
 * (a line move changed both alike), or the blank one a line move
 * brought in; i outside [a, b]: a blank one coming in. */
static void old_get(struct rows *r, int i, int a, int b)
{
	if (i < a || i > b || r->blank[i])
		blank_row(r->o, r->cols);
	else
		trow_read(curscr, r->top + i, r->o, r->cols);
}

/* New row i of the area into r->w. */
static void new_get(struct rows *r, int i)
{
	trow_read(newscr, r->top + i, r->w, r->cols);
}

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

/* ---- rows edited together: a row moved down or up among them ---- */

/* Delete a line at screen row y1 and insert one at y2 (the rows between
 * move by one), the terminal and curscr alike; false when the terminal
 * cannot. */
static bool lines_move(struct tout *o, int y1, int y2)
{
	const char *dl = op_str(cap.dl, cap.dl1, 1), *il;

	if (!dl || !op_str(cap.il, cap.il1, 1))
		return false;
	tout_move(o, y1, 0);
	tout_put(o, op_str(cap.dl, cap.dl1, 1));
	tout_move(o, y2, 0);
	il = op_str(cap.il, cap.il1, 1);
	tout_put(o, il);
	o->at = (struct tpos){ y2, 0 };
	if (!o->count) {
		wmove(curscr, y1, 0);
		winsdelln(curscr, -1);
		wmove(curscr, y2, 0);
		winsdelln(curscr, 1);
	}
	return true;
}

/* The bytes of rows a … b sent one after the other, the old rows moved
 * by sh first (1: down, -1: up, a blank row coming in; 0: as they are). */
static size_t block_cost(struct rows *r, int a, int b, int sh)
{
	struct tout o = { NULL, 0, 0, { -1, -1 }, false, true };
	const struct tpos none[2] = { { -1, -1 }, { -1, -1 } };

	if (sh != 0 && !lines_move(&o, r->top + (sh > 0 ? b : a), r->top + (sh > 0 ? a : b)))
		o.len = (size_t)-1 / 2;
	for (int i = a; i <= b; i++) {
		old_get(r, i - sh, a, b);
		new_get(r, i);
		if (!trow_update(r->o, r->w, r->cols, r->top + i, &o, none))
			o.len += (size_t)r->cols; /* curses rewrites it */
	}
	return o.len;
}

/* Rows a … b of the area, each edited in place: move them by a row first
 * where that is cheaper (Enter or Backspace in the middle of a paragraph
 * re-wraps the rest of it: each row then holds much of the text of the
 * row above or below). curscr moves with the terminal; the row that
 * comes in is marked blank. */
static void block(struct rows *r, int a, int b, struct tout *o)
{
	size_t cost = b > a ? block_cost(r, a, b, 0) : 0;
	int best = 0, top = r->top;

	for (int sh = 1; sh >= -1 && b > a && top + b < LINES - 1; sh -= 2) {
		size_t c = block_cost(r, a, b, sh);

		if (c < cost) {
			cost = c;
			best = sh;
		}
	}
	if (best != 0 && lines_move(o, top + (best > 0 ? b : a), top + (best > 0 ? a : b)))
		r->blank[best > 0 ? a : b] = true;
}

/* ---- the update ---- */

/* Row i of the area sent (the terminal's row changed as it was) and kept
 * in curscr. */
static void send_row(struct rows *r, int i, struct tout *o, const struct tpos *keep)
{
	old_get(r, i, 0, r->n - 1);
	new_get(r, i);
	if (trow_update(r->o, r->w, r->cols, r->top + i, o, keep))
		trow_store(r->top + i, r->o, r->cols);
}

static size_t move_len(struct tpos from, struct tpos to)
{
	char mv[64];

	best_move(mv, from, to.y, to.x);
	return strlen(mv);
}

static bool at(struct tpos a, struct tpos b)
{
	return a.y >= 0 && a.y == b.y && a.x == b.x;
}

/* Our output sent, and curses told where it left the cursor, the
 * cheapest of: save/restore cursor around it (curses then goes from where
 * it believes the cursor is, start, to where the update leaves it, end);
 * a move back to start; or (nothing at the cursor left to curses) a move
 * to end through curses' mvcur(), which then believes it there. */
static void finish(struct tout *o, struct tpos start, struct tpos end)
{
	size_t then = start.y >= 0 && end.y >= 0 ? move_len(start, end) : 8;
	size_t save = strlen(cap.sc) + strlen(cap.rc) + then, back = (size_t)-1, direct = back;
	struct tpos e = o->at;

	if (o->len == 0 || at(e, start) || ui.test) { /* the harness paints nowhere */
		tout_flush(o);
		return;
	}
	if (e.y >= 0 && start.y >= 0)
		back = move_len(e, start) + then;
	if (e.y >= 0 && end.y >= 0 && !o->kept && !at(e, end))
		direct = move_len(e, end);
	if (direct < back && direct < save) {
		tout_flush(o);
		/* ncurses 6.4 sends it through stdio (putchar): out before
		 * curses' own output of this update. */
		mvcur(e.y, e.x, end.y, end.x);
		fflush(stdout);
	} else if (back <= save) {
		tout_move(o, start.y, start.x);
		tout_flush(o);
	} else {
		struct tout s = { 0 };

		tout_put(&s, cap.sc);
		if (o->len > 0) {
			s.cap = s.len + o->len + 8;
			s.buf = xrealloc(s.buf, s.cap);
			memcpy(s.buf + s.len, o->buf, o->len);
			s.len += o->len;
		}
		tout_put(&s, cap.rc);
		free(o->buf);
		tout_flush(&s);
	}
}

/* Run just before doupdate() (ui_out_before). */
static void apply(void *unused)
{
	struct rows r;
	struct tout o = { 0 };
	struct tpos keep[2];
	bool any = false;
	int top = top_row, n = bot_row - top_row + 1, cy = -1, cx = -1, oy, ox, ny, nx;
	bool *todo;

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
	o.at = (struct tpos){ cy, cx };
	todo = xcalloc((size_t)n, sizeof *todo);
	for (int i = 0; i < n; i++)
		any = (todo[i] = edited(&r, i)) || any;
	if (any && !ui.test) {
		/* Our text and clears go in plain cells: curses resets the
		 * terminal's attributes if it left others (nothing when it
		 * did not), through stdio, out before our bytes. */
		vidattr(A_NORMAL);
		fflush(stdout);
	}
	for (int i = 0; i < n; i++) {
		int b = i;

		if (!todo[i])
			continue;
		while (b + 1 < n && todo[b + 1])
			b++;
		block(&r, i, b, &o);
		i = b;
	}
	/* The cursor's row first: an insertion there needs no move. */
	keep[0] = (struct tpos){ cy, cx };
	keep[1] = is_leaveok(newscr) ? (struct tpos){ -1, -1 } : (struct tpos){ ny, nx };
	if (cy >= top && cy < top + n && todo[cy - top])
		send_row(&r, cy - top, &o, keep);
	for (int i = 0; i < n; i++)
		if (todo[i] && top + i != cy)
			send_row(&r, i, &o, keep);
	finish(&o, keep[0], keep[1]);
	free(todo);
	rows_free(&r);
	wmove(curscr, oy, ox);
	wmove(newscr, ny, nx);
}

void editor_term_area(int top, int bottom)
{
	top_row = top;
	bot_row = bottom;
	ui_out_before(apply, NULL);
}
