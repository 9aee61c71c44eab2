/*
 * ui_out_motion.c — step 3 of ui_out_shorten: the cursor moves of one
 * screen update, each as short as the terminal allows (issue 16: every
 * byte crosses a slow link).
 *
 * ncurses reaches most cells with an absolute address (CUP "ESC[r;cH",
 * VPA "ESC[rd", CHA "ESC[cG"), 4 to 8 bytes, where a move from the cell
 * the cursor is on often takes one or two: a line feed, a backspace, a
 * carriage return, a reverse index. Here the tokens step 2 left
 * (ui_out_shorten.c) are read once, following the cursor through what is
 * written (text by its display width, the moves, what moves the cursor
 * elsewhere); each run of consecutive moves is replaced by the shortest
 * sequence that ends on the same cell, when it is shorter. Only moves are
 * rewritten, and only while the cursor's cell is known: after anything
 * that leaves it uncertain (the right margin reached, a tab, an unknown
 * sequence, a scroll region) a run is kept as it is until an absolute
 * move.
 *
 * What a terminal may receive is told by struct out_motion (from its
 * terminfo entry, ui_out.c): a line feed only when it moves down without
 * a carriage return (no ONLCR), relative moves only in their ANSI forms.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "ui_out_tok.h"

enum { ESC = OUT_ESC };

struct pos {
	int y, x;
	bool ky, kx; /* row, column known */
};

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Whether the private mode sequence p (len bytes, ESC[?…h or l) may move
 * the cursor: it switches screens, the origin or the width. */
static bool mode_moves(const unsigned char *p, size_t len)
{
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
	return moves;
}

/* The effect of the CSI token k (bytes p) on c; whether it only moves
 * the cursor. */
static bool csi_apply(const struct out_term *t, const struct otok *k, const unsigned char *p,
		      struct pos *c)
{
	int a = otok_arg(k, 0, 1);

	if (!(k->flags & TF_PLAIN)) {
		/* Private modes (ESC[?25l…) move nothing, except those that
		 * switch screens, the origin or the width. */
		if (p[2] == '?' && (k->fin == 'h' || k->fin == 'l') && !mode_moves(p, k->len))
			return false;
		c->ky = c->kx = false;
		return false;
	}
	switch (k->fin) {
	case 'H': case 'f':
		c->y = clamp(a, 1, t->rows) - 1;
		c->x = clamp(otok_arg(k, 1, 1), 1, t->cols) - 1;
		c->ky = c->kx = true;
		return true;
	case 'd':
		c->y = clamp(a, 1, t->rows) - 1;
		c->ky = true;
		return true;
	case 'G': case '`':
		c->x = clamp(a, 1, t->cols) - 1;
		c->kx = true;
		return true;
	case 'A': c->y = clamp(c->y - a, 0, t->rows - 1); return true;
	case 'B': c->y = clamp(c->y + a, 0, t->rows - 1); return true;
	case 'C': c->x = clamp(c->x + a, 0, t->cols - 1); return true;
	case 'D': c->x = clamp(c->x - a, 0, t->cols - 1); return true;
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

/* The effect of the CSI token k on c: whether it only moves the cursor. */
static bool csi_elem(const struct out_term *t, const struct otok *k, const unsigned char *p,
		     struct pos *c, bool *region)
{
	bool move;

	if (k->fin == 'r')
		*region = !(k->len == 3 || (otok_arg(k, 0, 1) == 1 && otok_arg(k, 1, t->rows) >= t->rows));
	move = csi_apply(t, k, p, c) && !*region;
	if (move && (k->fin == 'A' || k->fin == 'B'))
		move = c->ky;
	if (move && (k->fin == 'C' || k->fin == 'D'))
		move = c->kx;
	return move;
}

/* The effect of the control byte ch on c: whether it only moves. */
static bool ctl_elem(const struct out_term *t, unsigned char ch, struct pos *c, bool region)
{
	bool move = false;

	switch (ch) {
	case '\r':
		c->x = 0;
		c->kx = true;
		return true;
	case '\b':
		move = c->kx;
		if (c->x > 0)
			c->x--;
		return move;
	case '\n':
		/* Down a row (and to column 0 under ONLCR), unless it scrolls. */
		if (c->ky && c->y < t->rows - 1 && !region) {
			c->y++;
			move = true;
		} else {
			c->ky = false;
		}
		if (!t->m.lf) {
			c->x = 0;
			c->kx = true;
		}
		return move;
	case 0x07: case 0x0e: case 0x0f:
		return false;
	default:
		c->ky = c->kx = false;
		return false;
	}
}

/* The effect of token k on c: whether it only moves the cursor. */
static bool elem(const struct out_term *t, const struct oupd *u, const struct otok *k,
		 struct pos *c, bool *region)
{
	switch (k->kind) {
	case TK_TEXT:
		c->x += k->w;
		if ((k->flags & TF_LOSE) || c->x >= t->cols)
			c->kx = false; /* at the margin: where the next goes depends on the terminal */
		return false;
	case TK_CTL:
		return ctl_elem(t, k->fin, c, *region);
	case TK_CSI:
		return csi_elem(t, k, otok_bytes(u, k), c, region);
	default:
		break;
	}
	if (k->len == 2 && k->fin == 'M' && c->ky && c->y > 0 && !*region) {
		c->y--; /* reverse index, not at the top */
		return true;
	}
	if (k->len == 3 || (k->len == 2 && (k->fin == '=' || k->fin == '>' || k->fin == '7')))
		return false; /* a character set, keypad modes, a saved cursor */
	c->ky = c->kx = false;
	return false;
}

enum { NONE = 30 }; /* longer than any move written (buffers of 32) */

/* The ways to move, each costed by its length before any is written
 * (this runs for every run of moves of every update); the first of the
 * shortest is taken, in the order they are tried below. */
enum way { W_NONE, W_EMPTY, W_VPA, W_LF, W_CUD, W_RI, W_CUU, W_CR, W_HPA, W_BS, W_CUB, W_CUF, W_CRCUF };

static size_t ndig(int v)
{
	return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : 6;
}

/* The shortest vertical move from row y0 to y (column kept): its way
 * and length (NONE: none). */
static size_t vcost(const struct out_motion *m, int y0, int y, enum way *w)
{
	int d = y - y0;
	size_t best = NONE, k;

	*w = W_NONE;
	if (d == 0) {
		*w = W_EMPTY;
		return 0;
	}
	if (m->vpa) {
		best = 3 + ndig(y + 1);
		*w = W_VPA;
	}
	if (d > 0) {
		if (m->lf && (size_t)d < best) {
			best = (size_t)d;
			*w = W_LF;
		}
		k = d == 1 ? 3 : 3 + ndig(d);
		if (m->cud && k < best) {
			best = k;
			*w = W_CUD;
		}
	} else {
		if (m->ri && (size_t)(-2 * d) < best) {
			best = (size_t)(-2 * d);
			*w = W_RI;
		}
		k = d == -1 ? 3 : 3 + ndig(-d);
		if (m->cuu && k < best) {
			best = k;
			*w = W_CUU;
		}
	}
	return best;
}

/* The shortest horizontal move from column x0 to x (row kept). */
static size_t hcost(const struct out_motion *m, int x0, int x, enum way *w)
{
	int d = x - x0;
	size_t best = NONE, k;

	*w = d == 0 ? W_EMPTY : x == 0 ? W_CR : W_NONE;
	if (*w != W_NONE)
		return d == 0 ? 0 : 1;
	if (m->hpa) {
		best = 3 + ndig(x + 1);
		*w = W_HPA;
	}
	if (d < 0 && m->bs && (size_t)-d < best) {
		best = (size_t)-d;
		*w = W_BS;
	}
	if (d < 0 && m->cub && 3 + ndig(-d) < best) {
		best = 3 + ndig(-d);
		*w = W_CUB;
	}
	k = d == 1 ? 3 : d > 0 ? 3 + ndig(d) : 4 + ndig(x);
	if (m->cuf && k < best) {
		best = k;
		*w = d > 0 ? W_CUF : W_CRCUF;
	}
	return best;
}

/* "ESC[" v fin into o (16 bytes at least). */
static size_t put_num(char *o, int v, char fin)
{
	size_t k = 2;

	o[0] = ESC;
	o[1] = '[';
	k += out_dec(o + k, v);
	o[k++] = fin;
	return k;
}

static size_t put_str(char *o, const char *s3)
{
	memcpy(o, s3, 3);
	return 3;
}

/* The move of way w by d (to row or column to, 0-based) into o. */
static size_t put_way(enum way w, int d, int to, char *o)
{
	switch (w) {
	case W_VPA: return put_num(o, to + 1, 'd');
	case W_LF: memset(o, '\n', (size_t)d); return (size_t)d;
	case W_CUD: return d == 1 ? put_str(o, "\x1b[B") : put_num(o, d, 'B');
	case W_RI:
		for (int i = 0; i < -d; i++)
			memcpy(o + 2 * i, "\x1bM", 2);
		return (size_t)(-2 * d);
	case W_CUU: return d == -1 ? put_str(o, "\x1b[A") : put_num(o, -d, 'A');
	case W_CR: o[0] = '\r'; return 1;
	case W_HPA: return put_num(o, to + 1, 'G');
	case W_BS: memset(o, '\b', (size_t)-d); return (size_t)-d;
	case W_CUB: return put_num(o, -d, 'D');
	case W_CUF: return d == 1 ? put_str(o, "\x1b[C") : put_num(o, d, 'C');
	case W_CRCUF: o[0] = '\r'; return 1 + put_num(o + 1, to, 'C');
	default: return 0;
	}
}

/* The shortest move to b: from a when known, else an absolute one; its
 * length, and written into o (32 bytes) only when shorter than max. */
static size_t best_move(const struct out_motion *m, const struct pos *a, const struct pos *b,
			size_t max, char *o)
{
	enum way wv = W_NONE, wh = W_NONE;
	size_t best = b->x ? 4 + ndig(b->y + 1) + ndig(b->x + 1) : b->y ? 3 + ndig(b->y + 1) : 3;
	size_t nv = a ? vcost(m, a->y, b->y, &wv) : NONE, nh = a ? hcost(m, a->x, b->x, &wh) : NONE;

	if (nv < NONE && nh < NONE && nv + nh < best) {
		if (nv + nh < max) {
			put_way(wv, b->y - a->y, b->y, o);
			put_way(wh, b->x - a->x, b->x, o + nv);
		}
		return nv + nh;
	}
	if (best < max) {
		size_t k = put_num(o, b->y + 1, b->x ? ';' : 'H');

		if (b->x) {
			k += out_dec(o + k, b->x + 1);
			o[k++] = 'H';
		} else if (b->y == 0) {
			put_str(o, "\x1b[H");
		}
	}
	return best;
}

void out_motion(struct otoks *a, struct oupd *u, const struct out_term *t)
{
	struct pos c = { 0, 0, false, false };
	bool region = false;
	size_t i = 0, o = 0;

	while (i < a->n) {
		struct pos start = c, before;
		size_t run = i;
		bool reg;

		for (; i < a->n; i++) {
			before = c;
			reg = region;
			if (!elem(t, u, &a->t[i], &c, &region))
				break;
		}
		if (i == run) { /* not a move */
			otoks_keep(a, &o, i++);
			continue;
		}
		if (i < a->n) { /* not part of the run: read again */
			c = before;
			region = reg;
		}
		if (c.ky && c.kx) {
			char enc[32];
			size_t max = otoks_bytes(a, run, i);
			size_t k = best_move(&t->m, start.ky && start.kx ? &start : NULL, &c, max, enc);

			if (k < max) {
				if (k)
					a->t[o++] = otok_written(u, enc, k);
				continue;
			}
		}
		while (run < i)
			otoks_keep(a, &o, run++);
	}
	a->n = o;
}
