/*
 * ui_out_tighten.c — an update's cursor moves, attribute changes and
 * scrolls in their shortest form (issue 16: a one-row scroll at a page
 * edge, and every move, cross a slow link).
 *
 * Run on the captured update after ui_out_squeeze (ui_out.c). ncurses
 * scrolls part of the screen by setting the scroll region, a line feed
 * or reverse index there and resetting the region (25 B at 80x24), after
 * which it no longer knows where the cursor is and addresses it
 * absolutely. On a terminal with ANSI insert and delete line the same
 * change is a delete line at one edge of the part and an insert line at
 * the other (16 B), and the cursor is then known: the absolute address
 * that follows is dropped or becomes a one-row move. Besides:
 *   - a cursor address to the first column loses its column
 *     (ESC[12;1H -> ESC[12H, ESC[1;1H -> ESC[H), and a carriage return
 *     followed by a row address becomes one cursor address;
 *   - while the attributes are known to be all off (followed across
 *     updates through ESC[m), an SGR that resets first loses its reset
 *     (ESC[0;7m -> ESC[7m) and a reset alone is dropped.
 * Each rewrite leaves the terminal's screen, cursor and attributes as the
 * original would before the next thing that depends on them; anything
 * not recognised, or cut at the end of the buffer, is copied as it is.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <string.h>
#include <term.h>

#include "ui_shell.h"
#include "util.h"

enum { ESC = 0x1b, MAXP = 4 };

/* One CSI sequence: its numeric parameters (-1: empty), final byte. */
struct csi {
	size_t len;
	int np, p[MAXP];
	bool priv; /* parameters other than digits and ';' */
	char fin;
};

static bool csi_parse(const unsigned char *b, size_t n, struct csi *c)
{
	size_t i = 2;
	int v = -1;

	memset(c, 0, sizeof *c);
	if (n < 3 || b[0] != ESC || b[1] != '[')
		return false;
	for (; i < n && b[i] >= 0x30 && b[i] <= 0x3f; i++) {
		if (b[i] >= '0' && b[i] <= '9') {
			v = (v < 0 ? 0 : v) * 10 + (b[i] - '0');
			if (v > 9999)
				c->priv = true;
		} else if (b[i] == ';') {
			if (c->np < MAXP)
				c->p[c->np] = v;
			c->np++;
			v = -1;
		} else {
			c->priv = true;
		}
	}
	if (c->np < MAXP)
		c->p[c->np] = v;
	c->np++;
	if (c->np > MAXP)
		c->priv = true;
	while (i < n && b[i] >= 0x20 && b[i] <= 0x2f) {
		c->priv = true;
		i++;
	}
	if (i >= n || b[i] < 0x40 || b[i] > 0x7e)
		return false;
	c->fin = (char)b[i];
	c->len = i + 1;
	return true;
}

/* Parameter k with its default (an empty or missing one is 1). */
static int arg(const struct csi *c, int k)
{
	return k < c->np && c->p[k] > 0 ? c->p[k] : 1;
}

/* An absolute cursor address: row and column, 1-based. */
static bool is_cup(const struct csi *c, int *y, int *x)
{
	if (c->fin != 'H' || c->priv || c->np > 2)
		return false;
	*y = arg(c, 0);
	*x = arg(c, 1);
	return true;
}

static bool is_sgr(const struct csi *c)
{
	return c->fin == 'm' && !c->priv;
}

/* ---- output ---- */

struct out {
	char *b;
	size_t n, cap;
	bool over;
};

static void put(struct out *o, const char *s, size_t len)
{
	if (o->n + len > o->cap) {
		o->over = true;
		return;
	}
	memmove(o->b + o->n, s, len); /* in place: s may be just ahead */
	o->n += len;
}

static void put_csi(struct out *o, int a, char fin)
{
	char s[16];
	int len = a > 1 ? str_printf(s, sizeof s, "\x1b[%d%c", a, fin)
	                : str_printf(s, sizeof s, "\x1b[%c", fin);

	put(o, s, (size_t)len);
}

static void put_cup(struct out *o, int y, int x)
{
	char s[24];
	int len;

	if (x == 1)
		len = y == 1 ? str_printf(s, sizeof s, "\x1b[H")
		             : str_printf(s, sizeof s, "\x1b[%dH", y);
	else
		len = str_printf(s, sizeof s, "\x1b[%d;%dH", y, x);
	put(o, s, (size_t)len);
}

/* The SGR at b (parsed as c), given the attributes known to be off. */
static void put_sgr(struct out *o, const unsigned char *b, const struct csi *c, bool *normal)
{
	bool reset = c->p[0] <= 0;

	if (c->np == 1 && reset) { /* ESC[m, ESC[0m */
		if (!*normal)
			put(o, "\x1b[m", 3);
		*normal = true;
		return;
	}
	if (reset && *normal && b[2] == '0' && b[3] == ';') {
		put(o, "\x1b[", 2);
		put(o, (const char *)b + 4, c->len - 4); /* ESC[0;7m -> ESC[7m */
	} else {
		put(o, (const char *)b, c->len);
	}
	*normal = false;
}

/* ---- the scroll of a part of the screen ---- */

struct scroll {
	int top, bot, n;           /* 1-based rows; n > 0: up (forward) */
	size_t sgr[2], sgr_len[2]; /* attribute changes before the scroll */
	int nsgr;
	int cup_y, cup_x; /* the address that follows */
	size_t len;       /* bytes of the whole, that address included */
};

/* Motion and attributes before the scroll op: the row if known. */
static size_t scroll_lead(const unsigned char *b, size_t n, size_t i, int *row, struct scroll *s)
{
	struct csi c;
	int y, x;

	for (;;) {
		if (i < n && b[i] == '\r') {
			i++;
			continue;
		}
		if (!csi_parse(b + i, n - i, &c))
			return i;
		if (is_cup(&c, &y, &x))
			*row = y;
		else if (c.fin == 'd' && !c.priv && c.np == 1)
			*row = arg(&c, 0);
		else if (is_sgr(&c) && s->nsgr < 2) {
			s->sgr[s->nsgr] = i;
			s->sgr_len[s->nsgr++] = c.len;
		} else
			return i;
		i += c.len;
	}
}

/* The scroll op(s) at i: a line feed or index at the bottom row, a
 * reverse index at the top row, or scroll up/down by a count. */
static size_t scroll_op(const unsigned char *b, size_t n, size_t i, int row, struct scroll *s)
{
	struct csi c;

	while (i < n) {
		if ((b[i] == '\n' && row == s->bot) ||
		    (i + 1 < n && b[i] == ESC && b[i + 1] == 'D' && row == s->bot)) {
			if (s->n < 0)
				break;
			s->n++;
			i += b[i] == '\n' ? 1 : 2;
		} else if (i + 1 < n && b[i] == ESC && b[i + 1] == 'M' && row == s->top) {
			if (s->n > 0)
				break;
			s->n--;
			i += 2;
		} else if (csi_parse(b + i, n - i, &c) && !c.priv && c.np == 1 &&
		           (c.fin == 'S' || c.fin == 'T')) {
			if ((c.fin == 'S' && s->n < 0) || (c.fin == 'T' && s->n > 0))
				break;
			s->n += c.fin == 'S' ? arg(&c, 0) : -arg(&c, 0);
			i += c.len;
		} else {
			break;
		}
	}
	return i;
}

/* Whether b starts ncurses' scroll of a region (see the file comment):
 * [ESC 7] ESC[t;b r [ESC 8] moves/SGR op... ESC[1;L r CUP. */
static bool scroll_parse(const unsigned char *b, size_t n, int rows, struct scroll *s)
{
	struct csi c;
	size_t i = 0;
	int row = -1, y, x;
	bool saved = n >= 2 && b[0] == ESC && b[1] == '7';

	memset(s, 0, sizeof *s);
	if (saved)
		i = 2;
	if (!csi_parse(b + i, n - i, &c) || c.fin != 'r' || c.priv || c.np != 2)
		return false;
	s->top = arg(&c, 0);
	s->bot = arg(&c, 1);
	if (s->top >= s->bot || s->bot > rows)
		return false;
	i += c.len;
	if (saved) {
		if (i + 1 >= n || b[i] != ESC || b[i + 1] != '8')
			return false;
		i += 2;
	}
	i = scroll_lead(b, n, i, &row, s);
	i = scroll_op(b, n, i, row, s);
	if (s->n == 0 || (s->n < 0 ? -s->n : s->n) > s->bot - s->top)
		return false;
	if (!csi_parse(b + i, n - i, &c) || c.fin != 'r' || c.priv || c.np > 2 || arg(&c, 0) != 1 ||
	    (c.np == 2 && c.p[1] > 0 && c.p[1] != rows))
		return false;
	i += c.len;
	/* The cursor is unknown after the reset: curses addresses it next
	 * (an SGR there would colour the inserted line: not taken). */
	if (!csi_parse(b + i, n - i, &c) || !is_cup(&c, &y, &x))
		return false;
	s->cup_y = y;
	s->cup_x = x;
	s->len = i + c.len;
	return true;
}

/* The same change with delete and insert line; the cursor ends at column
 * 1 of the row of the insert, then goes where the address said. */
static void scroll_emit(const unsigned char *b, const struct scroll *s, struct out *o, bool *normal)
{
	int k = s->n > 0 ? s->n : -s->n;
	int del = s->n > 0 ? s->top : s->bot - k + 1;
	int ins = s->n > 0 ? s->bot - k + 1 : s->top;
	struct csi c;

	for (int j = 0; j < s->nsgr; j++) {
		csi_parse(b + s->sgr[j], s->sgr_len[j], &c);
		put_sgr(o, b + s->sgr[j], &c, normal);
	}
	put_cup(o, del, 1);
	put_csi(o, k, 'M');
	put_cup(o, ins, 1);
	put_csi(o, k, 'L');
	if (s->cup_x != 1 || (s->cup_y != ins && s->cup_y != ins - 1 && s->cup_y != ins + 1))
		put_cup(o, s->cup_y, s->cup_x);
	else if (s->cup_y == ins - 1)
		put(o, "\x1b[A", 3);
	else if (s->cup_y == ins + 1)
		put(o, "\x1b[B", 3);
}

/* ---- the pass ---- */

/* Whether the sequence (not an SGR) may change the attributes. */
static bool touches_attrs(const unsigned char *b, const struct csi *c)
{
	static const char keeps[] = "HfdGABCDEFKJXLMSTr@Pb";

	if (!c->priv)
		return !strchr(keeps, c->fin);
	if (c->fin == 'h' || c->fin == 'l')
		return b[2] == '?' && (c->p[0] == 1048 || c->p[0] == 1049 || c->p[0] == 47 ||
		                       c->p[0] == 1047 || c->p[0] < 0);
	return true;
}

/* One escape sequence at b[i]; returns the bytes consumed. */
static size_t tighten_esc(const unsigned char *b, size_t n, struct out *o, struct out_term *t)
{
	struct csi c;
	struct scroll s;
	int y, x;

	if (t->idl && scroll_parse(b, n, t->rows, &s)) {
		char room[96];
		struct out tmp = {.b = room, .cap = sizeof room};
		bool normal = t->sgr_normal;

		scroll_emit(b, &s, &tmp, &normal);
		if (!tmp.over && tmp.n <= s.len) {
			put(o, tmp.b, tmp.n);
			t->sgr_normal = normal;
			return s.len;
		}
	}
	if (!csi_parse(b, n, &c)) {
		size_t len = n >= 3 && (b[1] == '(' || b[1] == ')') ? 3 : n >= 2 ? 2 : 1;

		/* ESC 8 restores saved attributes, ESC c resets: unknown. */
		if (len == 2 && b[1] != '7' && b[1] != 'M' && b[1] != 'D' && b[1] != 'E' &&
		    b[1] != '=' && b[1] != '>')
			t->sgr_normal = false;
		put(o, (const char *)b, len);
		return len;
	}
	if (is_sgr(&c))
		put_sgr(o, b, &c, &t->sgr_normal);
	else if (is_cup(&c, &y, &x) && x == 1)
		put_cup(o, y, x); /* never longer: ESC[y;1H, ESC[yH, ESC[H */
	else {
		if (touches_attrs(b, &c))
			t->sgr_normal = false;
		put(o, (const char *)b, c.len);
	}
	return c.len;
}

size_t ui_out_tighten(char *buf, size_t n, struct out_term *t)
{
	unsigned char *b = (unsigned char *)buf;
	size_t i = 0;
	struct out o = {.b = buf, .cap = n};

	while (i < n) {
		struct csi c;
		size_t used;

		if (b[i] == '\r' && csi_parse(b + i + 1, n - i - 1, &c) && c.fin == 'd' &&
		    !c.priv && c.np == 1) {
			/* The output never overtakes the input: o.n <= i. */
			put_cup(&o, arg(&c, 0), 1);
			i += 1 + c.len;
			continue;
		}
		if (b[i] != ESC) {
			o.b[o.n++] = (char)b[i++];
			continue;
		}
		/* Written at o.n <= i, never longer than what it replaces. */
		used = tighten_esc(b + i, n - i, &o, t);
		i += used;
	}
	return o.n;
}

bool ui_out_term_idl(void)
{
	static const char *const caps[][2] = {{"dl1", "\x1b[M"},
	                                      {"il1", "\x1b[L"},
	                                      {"dl", "\x1b[%p1%dM"},
	                                      {"il", "\x1b[%p1%dL"},
	                                      {"cup", "\x1b[%i%p1%d;%p2%dH"},
	                                      {"cuu1", "\x1b[A"},
	                                      {"cud", "\x1b[%p1%dB"}};

	if (!cur_term)
		return false;
	for (size_t k = 0; k < ARRAY_SIZE(caps); k++) {
		const char *v = tigetstr(caps[k][0]);

		if (!v || v == (char *)-1 || strcmp(v, caps[k][1]) != 0)
			return false;
	}
	return true;
}
