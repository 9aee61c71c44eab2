/*
 * ui_out_motion.c — the cursor moves of one screen update, each as short
 * as the terminal allows (issue 16: every byte crosses a slow link).
 *
 * ncurses reaches most cells with an absolute address (CUP "ESC[r;cH",
 * VPA "ESC[rd", CHA "ESC[cG"), 4 to 8 bytes, where a move from the cell
 * the cursor is on often takes one or two: a line feed, a backspace, a
 * carriage return, a reverse index. Here the captured update (ui_out.c)
 * is read once, following the cursor through what is written (text by
 * its display width, the moves, what moves the cursor elsewhere); each
 * run of consecutive moves is replaced by the shortest sequence that ends
 * on the same cell, when it is shorter. Only moves are rewritten, and
 * only while the cursor's cell is known: after anything that leaves it
 * uncertain (the right margin reached, a tab, an unknown sequence, a
 * scroll region) a run is kept as it is until an absolute move.
 *
 * What a terminal may receive is told by struct out_motion (from its
 * terminfo entry, ui_out.c): a line feed only when it moves down without
 * a carriage return (no ONLCR), relative moves only in their ANSI forms.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui_shell.h"

enum { ESC = 0x1b };

struct pos {
	int y, x;
	bool ky, kx; /* row, column known */
};

/* One element of the stream at p: its length; *move set when it only
 * moves the cursor (then c is its effect on *c). */
struct elem {
	size_t len;
	bool move;
};

static int csi_param(const unsigned char *p, size_t len, int k, int dflt)
{
	int v = 0, i = 2, idx = 0;
	bool any = false;

	for (; i < (int)len - 1; i++) {
		if (p[i] == ';') {
			if (idx == k)
				return any && v > 0 ? v : dflt;
			idx++;
			v = 0;
			any = false;
		} else if (p[i] >= '0' && p[i] <= '9') {
			v = v * 10 + (p[i] - '0');
			any = true;
			if (v > 100000)
				v = 100000;
		}
	}
	return idx == k && any && v > 0 ? v : dflt;
}

/* A CSI sequence at p: its length, 0 when cut or not one. *plain: its
 * parameters are digits and ';' only. */
static size_t csi_len(const unsigned char *p, size_t n, bool *plain)
{
	size_t i = 2;

	*plain = true;
	if (n < 3 || p[0] != ESC || p[1] != '[')
		return 0;
	while (i < n && p[i] >= 0x30 && p[i] <= 0x3f) {
		if (!(p[i] >= '0' && p[i] <= '9') && p[i] != ';')
			*plain = false;
		i++;
	}
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2f) {
		*plain = false;
		i++;
	}
	return i < n && p[i] >= 0x40 && p[i] <= 0x7e ? i + 1 : 0;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The effect of the CSI sequence p (len bytes) on c; whether it only
 * moves the cursor. */
static bool csi_apply(const struct out_motion *m, const unsigned char *p, size_t len, bool plain,
		      struct pos *c)
{
	unsigned char f = p[len - 1];
	int a = csi_param(p, len, 0, 1);

	if (!plain) {
		/* Private modes (ESC[?25l…) move nothing, except those that
		 * switch screens, the origin or the width. */
		if (p[2] == '?' && (f == 'h' || f == 'l')) {
			int v = 0;
			bool moves = false;

			for (size_t i = 3; i < len; i++) {
				if (p[i] >= '0' && p[i] <= '9') {
					v = v * 10 + (p[i] - '0');
					continue;
				}
				moves |= v == 3 || v == 6 || v == 47 || v == 1047 || v == 1048 || v == 1049;
				v = 0;
			}
			if (!moves)
				return false;
		}
		c->ky = c->kx = false;
		return false;
	}
	switch (f) {
	case 'H': case 'f':
		c->y = clamp(a, 1, m->rows) - 1;
		c->x = clamp(csi_param(p, len, 1, 1), 1, m->cols) - 1;
		c->ky = c->kx = true;
		return true;
	case 'd':
		c->y = clamp(a, 1, m->rows) - 1;
		c->ky = true;
		return true;
	case 'G': case '`':
		c->x = clamp(a, 1, m->cols) - 1;
		c->kx = true;
		return true;
	case 'A': c->y = clamp(c->y - a, 0, m->rows - 1); return true;
	case 'B': c->y = clamp(c->y + a, 0, m->rows - 1); return true;
	case 'C': c->x = clamp(c->x + a, 0, m->cols - 1); return true;
	case 'D': c->x = clamp(c->x - a, 0, m->cols - 1); return true;
	case 'm': case 'K': case 'J': case 'X': case '@': case 'P': case 'S': case 'T':
	case 'h': case 'l': case 't':
		return false; /* no move */
	case 'r':
		/* A scroll region: the cursor goes home; line feeds and
		 * reverse indexes are not plain moves inside it. */
		c->y = c->x = 0;
		c->ky = c->kx = true;
		return false;
	default:
		c->ky = c->kx = false; /* IL/DL and the rest: not followed */
		return false;
	}
}

/* The element at p (n bytes left) and its effect on c. */
static struct elem next_elem(const struct out_motion *m, const unsigned char *p, size_t n,
			     struct pos *c, bool *region)
{
	struct elem e = { 1, false };

	if (p[0] == ESC) {
		bool plain;
		size_t len = csi_len(p, n, &plain);

		if (len) {
			e.len = len;
			if (p[len - 1] == 'r') {
				*region = !(len == 3 || (csi_param(p, len, 0, 1) == 1 &&
							 csi_param(p, len, 1, m->rows) >= m->rows));
			}
			e.move = csi_apply(m, p, len, plain, c) && !*region;
			if (e.move && (p[len - 1] == 'A' || p[len - 1] == 'B'))
				e.move = c->ky;
			if (e.move && (p[len - 1] == 'C' || p[len - 1] == 'D'))
				e.move = c->kx;
			return e;
		}
		if (n >= 2 && p[1] == 'M' && c->ky && c->y > 0 && !*region) {
			c->y--; /* reverse index, not at the top */
			e.len = 2;
			e.move = true;
			return e;
		}
		if (n >= 3 && (p[1] == '(' || p[1] == ')')) {
			e.len = 3; /* a character set: no move */
			return e;
		}
		if (n >= 2 && (p[1] == '=' || p[1] == '>' || p[1] == '7')) {
			e.len = 2;
			return e;
		}
		c->ky = c->kx = false;
		e.len = n >= 2 ? 2 : 1;
		return e;
	}
	if (p[0] == '\r') {
		c->x = 0;
		c->kx = true;
		e.move = true;
		return e;
	}
	if (p[0] == '\b') {
		e.move = c->kx;
		if (c->x > 0)
			c->x--;
		return e;
	}
	if (p[0] == '\n') {
		/* Down a row (and to column 0 under ONLCR), unless it scrolls. */
		if (c->ky && c->y < m->rows - 1 && !*region) {
			c->y++;
			e.move = true;
		} else {
			c->ky = false;
		}
		if (!m->lf) {
			c->x = 0;
			c->kx = true;
		}
		return e;
	}
	if (p[0] == 0x07 || p[0] == 0x0e || p[0] == 0x0f)
		return e;
	if (p[0] < 0x20 || p[0] == 0x7f) {
		c->ky = c->kx = false;
		return e;
	}
	if (p[0] < 0x80) {
		c->x++;
	} else {
		size_t k = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 1;
		wchar_t wc = p[0] & (0x7f >> k);
		int w;

		if (k == 1 || k > n) {
			c->kx = false;
			return e;
		}
		for (size_t j = 1; j < k; j++) {
			if ((p[j] & 0xc0) != 0x80) {
				c->kx = false;
				return e;
			}
			wc = (wc << 6) | (p[j] & 0x3f);
		}
		e.len = k;
		w = wcwidth(wc);
		if (w < 0)
			c->kx = false;
		else
			c->x += w;
	}
	if (c->x >= m->cols)
		c->kx = false; /* at the margin: where the next goes depends on the terminal */
	return e;
}

enum { NONE = 30 }; /* longer than any move written (buffers of 32) */

/* The decimal digits of v (0 <= v < 100000) into o; their count. (No
 * snprintf: this runs for every move of every update.) */
static size_t put_dec(char *o, int v)
{
	char d[8];
	size_t k = 0, n = 0;

	do {
		d[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && k < sizeof d);
	while (k > 0)
		o[n++] = d[--k];
	return n;
}

/* "ESC[" v fin into o (16 bytes at least). */
static size_t put_num(char *o, int v, char fin)
{
	size_t k = 2;

	o[0] = ESC;
	o[1] = '[';
	k += put_dec(o + k, v);
	o[k++] = fin;
	return k;
}

static size_t put_str(char *o, const char *s)
{
	size_t k = strlen(s);

	memcpy(o, s, k);
	return k;
}

/* The shortest vertical move from row y0 to y (column kept) into o. */
static size_t vmove(const struct out_motion *m, int y0, int y, char *o)
{
	int d = y - y0;
	size_t best;
	char tmp[16];

	if (d == 0)
		return 0;
	best = m->vpa ? put_num(o, y + 1, 'd') : NONE;
	if (d > 0) {
		if (m->lf && (size_t)d < best) {
			memset(o, '\n', (size_t)d);
			best = (size_t)d;
		}
		if (m->cud) {
			size_t k = d == 1 ? put_str(tmp, "\x1b[B") : put_num(tmp, d, 'B');

			if (k < best)
				memcpy(o, tmp, best = k);
		}
	} else {
		if (m->ri && (size_t)(-2 * d) < best) {
			for (int i = 0; i < -d; i++)
				memcpy(o + 2 * i, "\x1bM", 2);
			best = (size_t)(-2 * d);
		}
		if (m->cuu) {
			size_t k = d == -1 ? put_str(tmp, "\x1b[A") : put_num(tmp, -d, 'A');

			if (k < best)
				memcpy(o, tmp, best = k);
		}
	}
	return best;
}

/* The shortest horizontal move from column x0 to x (row kept) into o. */
static size_t hmove(const struct out_motion *m, int x0, int x, char *o)
{
	int d = x - x0;
	size_t best = NONE;
	char tmp[16];

	if (d == 0)
		return 0;
	if (x == 0) {
		o[0] = '\r';
		return 1;
	}
	if (m->hpa)
		best = put_num(o, x + 1, 'G');
	if (d < 0 && m->bs && (size_t)-d < best) {
		memset(o, '\b', (size_t)-d);
		best = (size_t)-d;
	}
	if (d < 0 && m->cub) {
		size_t k = put_num(tmp, -d, 'D');

		if (k < best)
			memcpy(o, tmp, best = k);
	}
	if (m->cuf) {
		size_t k = d == 1 ? put_str(tmp, "\x1b[C")
			 : d > 0 ? put_num(tmp, d, 'C') : 1 + put_num(tmp + 1, x, 'C');

		if (d < 0)
			tmp[0] = '\r';
		if (k < best)
			memcpy(o, tmp, best = k);
	}
	return best;
}

/* The shortest move to b into o (32 bytes): from a when known, else an
 * absolute one. */
static size_t best_move(const struct out_motion *m, const struct pos *a, const struct pos *b,
			char *o)
{
	char v[NONE + 2], h[NONE + 2];
	size_t best, nv, nh;

	if (b->x == 0)
		best = b->y == 0 ? put_str(o, "\x1b[H") : put_num(o, b->y + 1, 'H');
	else {
		best = put_num(o, b->y + 1, ';');
		best += put_dec(o + best, b->x + 1);
		o[best++] = 'H';
	}
	if (!a)
		return best;
	nv = vmove(m, a->y, b->y, v);
	nh = hmove(m, a->x, b->x, h);
	if (nv < NONE && nh < NONE && nv + nh < best) {
		memcpy(o, v, nv);
		memcpy(o + nv, h, nh);
		best = nv + nh;
	}
	return best;
}

size_t ui_out_motion(char *buf, size_t n, const struct out_motion *m)
{
	unsigned char *b = (unsigned char *)buf;
	struct pos c = { 0, 0, false, false };
	bool region = false;
	size_t i = 0, o = 0;

	if (!m->on)
		return n;
	while (i < n) {
		struct pos start = c;
		size_t run = i;
		bool moves = false;

		if (b[i] >= 0x20 && b[i] < 0x7f) { /* text: most of the bytes */
			while (i < n && b[i] >= 0x20 && b[i] < 0x7f)
				i++;
			c.x += (int)(i - run);
			if (c.x >= m->cols)
				c.kx = false;
			memmove(b + o, b + run, i - run);
			o += i - run;
			continue;
		}

		for (;;) {
			struct pos before = c;
			bool reg = region;
			struct elem e = next_elem(m, b + i, n - i, &c, &region);

			if (!e.move) {
				if (moves) { /* not part of the run: read again below */
					c = before;
					region = reg;
				} else {
					memmove(b + o, b + i, e.len);
					o += e.len;
					i += e.len;
				}
				break;
			}
			moves = true;
			i += e.len;
			if (i >= n)
				break;
		}
		if (!moves)
			continue;
		if (c.ky && c.kx) {
			char enc[32];
			bool from = start.ky && start.kx;
			size_t k = best_move(m, from ? &start : NULL, &c, enc);

			if (k < i - run) {
				memcpy(b + o, enc, k);
				o += k;
				continue;
			}
		}
		memmove(b + o, b + run, i - run);
		o += i - run;
	}
	return o;
}
