/*
 * editor_rows.c — one screen row of the editor brought from what the
 * terminal shows to what curses will show, the cheapest way
 * (editor_term.h): either the changed cells written again (and a clear to
 * the end of the row where the rest is blank), or first characters
 * inserted or deleted where the text moved along the row (a typed or
 * deleted character; a word that came from the row above or went back up
 * to it) and then only the cells that still differ. Every candidate is
 * costed in bytes, cursor moves included, and the cheapest is sent.
 *
 * Cells are compared in columns: a wide character (CJK, emoji) takes two,
 * and nothing is written, inserted or deleted through half of one; a
 * character costs its UTF-8 bytes. Only rows whose cells are all plain
 * (no attribute, no colour: what a clear leaves) are handled here, since
 * the text is sent without attribute changes; curses sends the others.
 */
#include "editor_term.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util.h"

#define MAX_SPANS 24

/* ---- cells ---- */

static struct tcell blank_cell(void)
{
	struct tcell t;
	wchar_t sp[2] = { L' ', 0 };

	memset(&t, 0, sizeof t);
	setcchar(&t.c, sp, A_NORMAL, 0, NULL);
	t.plain = true;
	return t;
}

/* A cell the terminal may show in any way (half of a wide character
 * pushed out of the row): equal to nothing. */
static struct tcell lost_cell(void)
{
	struct tcell t = blank_cell();

	t.plain = false;
	return t;
}

static bool same(const struct tcell *a, const struct tcell *b)
{
	return a->plain && b->plain && a->cont == b->cont && memcmp(&a->c, &b->c, sizeof a->c) == 0;
}

static bool is_blank(const struct tcell *t)
{
	return t->plain && !t->cont && t->c.chars[0] == L' ' && t->c.chars[1] == 0;
}

static bool cell_plain(const cchar_t *c)
{
	bool plain = (c->attr & ~A_CHARTEXT) == 0;

#if NCURSES_EXT_COLORS
	plain = plain && c->ext_color == 0;
#endif
	return plain;
}

void trow_read(WINDOW *win, int y, struct tcell *row, int cols)
{
	cchar_t *lead = xcalloc((size_t)cols + 1, sizeof *lead);
	int x = 0;

	/* One cell per character (the second column of a wide one left out). */
	mvwin_wchnstr(win, y, 0, lead, cols);
	for (int i = 0; x < cols; i++) {
		wchar_t c = lead[i].chars[0];
		int width = c == 0 ? 1 : c < 0x7f ? 1 : wcwidth(c);
		struct tcell *t = &row[x];

		memset(t, 0, sizeof *t);
		t->c = lead[i];
		t->c.attr &= ~A_CHARTEXT; /* curses' own mark of a wide character */
		t->plain = c != 0 && cell_plain(&t->c);
		if (width < 1)
			width = 1;
		if (x + width > cols)
			t->plain = false; /* cut by the edge: leave the row to curses */
		for (int k = 1; k < width && x + k < cols; k++) {
			row[x + k] = *t;
			row[x + k].cont = true;
		}
		x += width;
	}
	free(lead);
}

uint64_t trow_hash(WINDOW *win, int y, cchar_t *lead, int cols)
{
	uint64_t h = 14695981039346656037ULL;

	/* trow_read()'s cells are made of these alone: the same characters
	 * give the same cells. */
	memset(lead, 0, ((size_t)cols + 1) * sizeof *lead);
	mvwin_wchnstr(win, y, 0, lead, cols);
	for (int x = 0; x < cols; x++) {
		const cchar_t *k = &lead[x];

		h = (h ^ (uint64_t)(uint32_t)k->chars[0]) * 1099511628211ULL;
		for (int i = 1; i < CCHARW_MAX && k->chars[i]; i++)
			h = (h ^ (uint64_t)(uint32_t)k->chars[i]) * 1099511628211ULL;
		h = (h ^ (uint64_t)(k->attr & ~A_CHARTEXT)) * 1099511628211ULL;
#if NCURSES_EXT_COLORS
		h = (h ^ (uint64_t)(uint32_t)k->ext_color) * 1099511628211ULL;
#endif
	}
	return h;
}

/* The UTF-8 bytes of a cell; 0 for the second column of a wide one. */
static int cell_bytes(const struct tcell *t, char *dst)
{
	char tmp[MB_LEN_MAX * 6];
	char *p = dst ? dst : tmp;
	mbstate_t st;
	int n = 0;

	if (t->cont)
		return 0;
	memset(&st, 0, sizeof st);
	for (int i = 0; i < CCHARW_MAX && (i == 0 || t->c.chars[i]); i++) {
		size_t k = wcrtomb(p + n, t->c.chars[i] ? t->c.chars[i] : L' ', &st);

		if (k == (size_t)-1)
			return n;
		n += (int)k;
	}
	return n;
}

/* ---- a plan: characters inserted or deleted, then spans written ---- */

struct span {
	int a, b;      /* cells [a, b) of the new row written */
	bool el;       /* then a clear to the end of the row */
};

struct plan {
	int s, k;      /* insert (k > 0) or delete (k < 0) |k| cells at s */
	struct span sp[MAX_SPANS];
	int n;
};

/* m = o after inserting or deleting at s: what the terminal shows then. */
static void shift(const struct tcell *o, struct tcell *m, int cols, int s, int k)
{
	struct tcell blank = blank_cell();

	for (int x = 0; x < cols; x++) {
		int from = x < s ? x : x - k;

		if (x >= s && k > 0 && x < s + k)
			m[x] = blank;
		else if (from >= cols)
			m[x] = blank;
		else
			m[x] = o[from];
	}
	/* A wide character whose second column went past the edge. */
	if (k > 0 && !m[cols - 1].cont && cols >= 1 && wcwidth(m[cols - 1].c.chars[0]) > 1)
		m[cols - 1] = lost_cell();
}

/* Where a write may start or end: not inside a wide character of the
 * terminal's row (m) nor of the new one (w). */
static bool edge(const struct tcell *m, const struct tcell *w, int cols, int x)
{
	return x <= 0 || x >= cols || (!m[x].cont && !w[x].cont);
}

static int text_bytes(const struct tcell *w, int a, int b)
{
	int n = 0;

	for (int x = a; x < b; x++)
		n += cell_bytes(&w[x], NULL);
	return n;
}

/* The spans that turn m into w: runs of differing cells, joined when the
 * equal cells between them cost fewer bytes than a move (4); the blank
 * tail of w, where m is not blank, cleared (el) when that is cheaper than
 * writing its blanks. */
static void spans(const struct tcell *m, const struct tcell *w, int cols, struct plan *p)
{
	int t = cols, x = 0;

	while (t > 0 && is_blank(&w[t - 1]))
		t--;
	p->n = 0;
	while (x < cols) {
		int a = x, b;

		if (same(&m[x], &w[x])) {
			x++;
			continue;
		}
		while (!edge(m, w, cols, a))
			a--;
		if (x >= t) { /* the tail */
			int last = cols - 1;

			while (same(&m[last], &w[last]))
				last--;
			if (tout_el() && last - a + 1 > 3) {
				p->sp[p->n++] = (struct span){ a, a > t ? a : t, true };
				return;
			}
			for (b = last + 1; !edge(m, w, cols, b); b++)
				;
			p->sp[p->n++] = (struct span){ a, b, false };
			return;
		}
		for (b = x + 1; !edge(m, w, cols, b); b++)
			;
		for (;;) {
			int j = b;

			while (j < cols && same(&m[j], &w[j]))
				j++;
			if (j >= cols || j >= t || (text_bytes(w, b, j) > 4 && p->n < MAX_SPANS - 1))
				break;
			for (b = j + 1; !edge(m, w, cols, b); b++)
				;
		}
		p->sp[p->n++] = (struct span){ a, b, false };
		x = b;
	}
}

/* A span curses writes itself: from the cursor it knows (keep[0]) to
 * where the update leaves it (keep[1]), on one row: the typed text. */
static bool kept(const struct span *s, int y, const struct tpos *keep)
{
	return !s->el && y == keep[0].y && y == keep[1].y && s->a == keep[0].x && s->b == keep[1].x;
}

/* Send (or count) the plan for row y, but the span curses writes. */
static void walk(const struct plan *p, const struct tcell *w, int y, struct tout *out,
		 const struct tpos *keep)
{
	if (p->k != 0) {
		tout_move(out, y, p->s);
		tout_put(out, tout_chars_op(p->k));
	}
	for (int i = 0; i < p->n; i++) {
		const struct span *s = &p->sp[i];

		if (kept(s, y, keep)) {
			if (out->count) /* what curses will send */
				out->len += (size_t)text_bytes(w, s->a, s->b);
			out->kept = true;
			continue;
		}
		tout_move(out, y, s->a);
		for (int x = s->a; x < s->b; x++) {
			char buf[MB_LEN_MAX * 6 + 1];
			int n = cell_bytes(&w[x], buf);

			buf[n] = '\0';
			tout_put(out, buf);
		}
		out->at.x = s->b;
		if (s->b >= COLS)
			out->at.y = -1; /* the next character would wrap */
		if (s->el && s->b < COLS)
			tout_put(out, tout_el());
	}
}

/* The bytes of a plan from out's cursor; m set to the shifted row. */
static size_t cost(const struct tcell *o, const struct tcell *w, struct tcell *m, int cols, int y,
		   const struct tout *out, const struct tpos *keep, struct plan *p)
{
	struct tout c = { NULL, 0, 0, out->at, false, true };

	shift(o, m, cols, p->s, p->k);
	spans(m, w, cols, p);
	walk(p, w, y, &c, keep);
	return c.len;
}

/* A shift by k at s is worth costing where it lines up the cell after it
 * with the new row, keeps wide characters whole, and the terminal can. */
static bool candidate(const struct tcell *o, const struct tcell *w, int cols, int s, int k)
{
	int d = k > 0 ? k : -k, need = cols - s - d < 6 ? cols - s - d : 6;

	if (need < 1 || !edge(o, w, cols, s + d))
		return false;
	/* The text after the move lines up for a few cells (one equal
	 * character is a coincidence, not a moved text). */
	for (int i = 0; i < need; i++)
		if (k > 0 ? !same(&w[s + k + i], &o[s + i]) : !same(&w[s + i], &o[s - k + i]))
			return false;
	return tout_chars_op(k) != NULL;
}

bool trow_update(struct tcell *o, const struct tcell *w, int cols, int y, struct tout *out,
		 const struct tpos *keep)
{
	struct tcell *m = xcalloc((size_t)cols, sizeof *m);
	struct plan best = { 0 }, p = { 0 };
	size_t least;
	int s = 0;

	for (int x = 0; x < cols; x++)
		if (!o[x].plain || !w[x].plain) {
			free(m);
			return false;
		}
	while (s < cols && same(&o[s], &w[s]))
		s++;
	while (!edge(o, w, cols, s))
		s--;
	least = cost(o, w, m, cols, y, out, keep, &best);
	for (int k = 1 - (cols - s); s < cols && k < cols - s; k++) {
		size_t c;

		if (k == 0 || !candidate(o, w, cols, s, k))
			continue;
		p.s = s;
		p.k = k;
		c = cost(o, w, m, cols, y, out, keep, &p);
		if (c < least) {
			least = c;
			best = p;
		}
	}
	/* A deletion that leaves nothing else to send is one curses makes
	 * itself (TransformLine's dch), from the cursor it knows. */
	if (best.k < 0 && best.n == 0 && y == keep[0].y) {
		free(m);
		return false;
	}
	shift(o, m, cols, best.s, best.k);
	walk(&best, w, y, out, keep);
	/* What the terminal shows now: the new row, but for the spans left
	 * to curses. */
	for (int i = 0; i < best.n; i++)
		for (int x = best.sp[i].a; x < best.sp[i].b || (best.sp[i].el && x < cols); x++)
			if (!kept(&best.sp[i], y, keep))
				m[x] = w[x];
	memcpy(o, m, (size_t)cols * sizeof *o);
	free(m);
	return true;
}

void trow_store(int y, const struct tcell *row, int cols)
{
	struct tcell blank = blank_cell();
	int attrs = getattrs(curscr);
	cchar_t bg;

	/* Cells go in as they are: curscr's background and attributes (what
	 * curses last drew with) would be merged into them. */
	wgetbkgrnd(curscr, &bg);
	wbkgrndset(curscr, &blank.c);
	wattrset(curscr, A_NORMAL);
	for (int x = 0; x < cols; x++) {
		cchar_t c = row[x].c;

		if (row[x].cont)
			continue;
		mvwadd_wchnstr(curscr, y, x, &c, 1);
	}
	wattrset(curscr, attrs);
	wbkgrndset(curscr, &bg);
}
