/*
 * out_old.c — the four output passes as they were before ui_out_shorten
 * (squeeze, tighten, motion, sgr: each parsed the whole update again),
 * kept for test_out_diff.c only. Generated from src/tui/ui_out_*.c of
 * main d89f8b3 with each file's names prefixed.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "util.h"

struct old_out_term {
	int rows;
	bool idl;
	bool sgr_normal;
};
struct old_out_motion {
	bool on, lf, vpa, hpa, cuu, cud, cuf, cub, ri, bs, sgr_off;
	int rows, cols;
};
/* ---- ui_out_squeeze.c ---- */



enum { sq_ESC = 0x1b };

/* Length of the CSI sequence at p (sq_ESC [ params intermediates final), or
 * 0 when it is not one or is cut by the end. */
static size_t sq_csi_len(const unsigned char *p, size_t n)
{
	size_t i = 2;

	if (n < 3 || p[0] != sq_ESC || p[1] != '[')
		return 0;
	while (i < n && p[i] >= 0x30 && p[i] <= 0x3f)
		i++;
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2f)
		i++;
	return i < n && p[i] >= 0x40 && p[i] <= 0x7e ? i + 1 : 0;
}

static bool sq_is_g0_ascii(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == sq_ESC && p[1] == '(' && p[2] == 'B';
}

/* The SGR at p resets everything: sq_ESC[m, sq_ESC[0m or sq_ESC[0;…m. */
static bool sq_sgr_resets_all(const unsigned char *p, size_t n)
{
	size_t len = sq_csi_len(p, n);

	if (!len || p[len - 1] != 'm')
		return false;
	return len == 3 || (p[2] == '0' && (p[3] == 'm' || p[3] == ';'));
}

/* The SGR at p (len bytes) only resets colours: 39, 49, 39;49, 49;39. */
static bool sq_sgr_colour_reset(const unsigned char *p, size_t len)
{
	static const char *const forms[] = { "\x1b[39m", "\x1b[49m", "\x1b[39;49m", "\x1b[49;39m" };

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (len == strlen(forms[i]) && !memcmp(p, forms[i], len))
			return true;
	return false;
}

/* Whether the SGR at p (len bytes, in a buffer of n) can go. */
static bool sq_sgr_useless(const unsigned char *p, size_t len, size_t n)
{
	const unsigned char *q = p + len;
	size_t rest = n - len;

	if (rest >= len && !memcmp(q, p, len))
		return true; /* the same again */
	if (!sq_sgr_colour_reset(p, len))
		return false;
	if (sq_is_g0_ascii(q, rest)) {
		q += 3;
		rest -= 3;
	}
	return sq_sgr_resets_all(q, rest);
}

size_t old_ui_out_squeeze(char *buf, size_t n, bool *g0_ascii)
{
	unsigned char *b = (unsigned char *)buf;
	size_t i = 0, o = 0;

	while (i < n) {
		size_t len;

		if (b[i] != sq_ESC || i + 2 >= n) {
			b[o++] = b[i++];
			continue;
		}
		if (b[i + 1] == '(') {
			bool ascii = b[i + 2] == 'B';

			if (!(ascii && *g0_ascii)) {
				memmove(b + o, b + i, 3);
				o += 3;
			}
			*g0_ascii = ascii;
			i += 3;
			continue;
		}
		len = sq_csi_len(b + i, n - i);
		if (len && b[i + len - 1] == 'm' && sq_sgr_useless(b + i, len, n - i)) {
			i += len;
			continue;
		}
		if (!len)
			len = 1;
		memmove(b + o, b + i, len);
		o += len;
		i += len;
	}
	return o;
}
/* ---- ui_out_tighten.c ---- */



enum { ti_ESC = 0x1b, ti_MAXP = 4 };

/* One CSI sequence: its numeric parameters (-1: empty), final byte. */
struct ti_csi {
	size_t len;
	int np, p[ti_MAXP];
	bool priv; /* parameters other than digits and ';' */
	char fin;
};

static bool ti_csi_parse(const unsigned char *b, size_t n, struct ti_csi *c)
{
	size_t i = 2;
	int v = -1;

	memset(c, 0, sizeof *c);
	if (n < 3 || b[0] != ti_ESC || b[1] != '[')
		return false;
	for (; i < n && b[i] >= 0x30 && b[i] <= 0x3f; i++) {
		if (b[i] >= '0' && b[i] <= '9') {
			v = (v < 0 ? 0 : v) * 10 + (b[i] - '0');
			if (v > 9999)
				c->priv = true;
		} else if (b[i] == ';') {
			if (c->np < ti_MAXP)
				c->p[c->np] = v;
			c->np++;
			v = -1;
		} else {
			c->priv = true;
		}
	}
	if (c->np < ti_MAXP)
		c->p[c->np] = v;
	c->np++;
	if (c->np > ti_MAXP)
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
static int ti_arg(const struct ti_csi *c, int k)
{
	return k < c->np && c->p[k] > 0 ? c->p[k] : 1;
}

/* An absolute cursor address: row and column, 1-based. */
static bool ti_is_cup(const struct ti_csi *c, int *y, int *x)
{
	if (c->fin != 'H' || c->priv || c->np > 2)
		return false;
	*y = ti_arg(c, 0);
	*x = ti_arg(c, 1);
	return true;
}

static bool ti_is_sgr(const struct ti_csi *c)
{
	return c->fin == 'm' && !c->priv;
}

/* ---- output ---- */

struct ti_out {
	char *b;
	size_t n, cap;
	bool over;
};

static void ti_put(struct ti_out *o, const char *s, size_t len)
{
	if (o->n + len > o->cap) {
		o->over = true;
		return;
	}
	memmove(o->b + o->n, s, len); /* in place: s may be just ahead */
	o->n += len;
}

static void ti_put_csi(struct ti_out *o, int a, char fin)
{
	char s[16];
	int len = a > 1 ? str_printf(s, sizeof s, "\x1b[%d%c", a, fin)
	                : str_printf(s, sizeof s, "\x1b[%c", fin);

	ti_put(o, s, (size_t)len);
}

static void ti_put_cup(struct ti_out *o, int y, int x)
{
	char s[24];
	int len;

	if (x == 1)
		len = y == 1 ? str_printf(s, sizeof s, "\x1b[H")
		             : str_printf(s, sizeof s, "\x1b[%dH", y);
	else
		len = str_printf(s, sizeof s, "\x1b[%d;%dH", y, x);
	ti_put(o, s, (size_t)len);
}

/* The SGR at b (parsed as c), given the attributes known to be off. */
static void ti_put_sgr(struct ti_out *o, const unsigned char *b, const struct ti_csi *c, bool *normal)
{
	bool reset = c->p[0] <= 0;

	if (c->np == 1 && reset) { /* ti_ESC[m, ti_ESC[0m */
		if (!*normal)
			ti_put(o, "\x1b[m", 3);
		*normal = true;
		return;
	}
	if (reset && *normal && b[2] == '0' && b[3] == ';') {
		ti_put(o, "\x1b[", 2);
		ti_put(o, (const char *)b + 4, c->len - 4); /* ti_ESC[0;7m -> ti_ESC[7m */
	} else {
		ti_put(o, (const char *)b, c->len);
	}
	*normal = false;
}

/* ---- the ti_scroll of a part of the screen ---- */

struct ti_scroll {
	int top, bot, n;           /* 1-based rows; n > 0: up (forward) */
	size_t sgr[2], sgr_len[2]; /* attribute changes before the ti_scroll */
	int nsgr;
	int cup_y, cup_x; /* the address that follows */
	size_t len;       /* bytes of the whole, that address included */
};

/* Motion and attributes before the ti_scroll op: the row if known. */
static size_t ti_scroll_lead(const unsigned char *b, size_t n, size_t i, int *row, struct ti_scroll *s)
{
	struct ti_csi c;
	int y, x;

	for (;;) {
		if (i < n && b[i] == '\r') {
			i++;
			continue;
		}
		if (!ti_csi_parse(b + i, n - i, &c))
			return i;
		if (ti_is_cup(&c, &y, &x))
			*row = y;
		else if (c.fin == 'd' && !c.priv && c.np == 1)
			*row = ti_arg(&c, 0);
		else if (ti_is_sgr(&c) && s->nsgr < 2) {
			s->sgr[s->nsgr] = i;
			s->sgr_len[s->nsgr++] = c.len;
		} else
			return i;
		i += c.len;
	}
}

/* The ti_scroll op(s) at i: a line feed or index at the bottom row, a
 * reverse index at the top row, or ti_scroll up/down by a count. */
static size_t ti_scroll_op(const unsigned char *b, size_t n, size_t i, int row, struct ti_scroll *s)
{
	struct ti_csi c;

	while (i < n) {
		if ((b[i] == '\n' && row == s->bot) ||
		    (i + 1 < n && b[i] == ti_ESC && b[i + 1] == 'D' && row == s->bot)) {
			if (s->n < 0)
				break;
			s->n++;
			i += b[i] == '\n' ? 1 : 2;
		} else if (i + 1 < n && b[i] == ti_ESC && b[i + 1] == 'M' && row == s->top) {
			if (s->n > 0)
				break;
			s->n--;
			i += 2;
		} else if (ti_csi_parse(b + i, n - i, &c) && !c.priv && c.np == 1 &&
		           (c.fin == 'S' || c.fin == 'T')) {
			if ((c.fin == 'S' && s->n < 0) || (c.fin == 'T' && s->n > 0))
				break;
			s->n += c.fin == 'S' ? ti_arg(&c, 0) : -ti_arg(&c, 0);
			i += c.len;
		} else {
			break;
		}
	}
	return i;
}

/* Whether b starts ncurses' ti_scroll of a region (see the file comment):
 * [ti_ESC 7] ti_ESC[t;b r [ti_ESC 8] moves/SGR op... ti_ESC[1;L r CUP. */
static bool ti_scroll_parse(const unsigned char *b, size_t n, int rows, struct ti_scroll *s)
{
	struct ti_csi c;
	size_t i = 0;
	int row = -1, y, x;
	bool saved = n >= 2 && b[0] == ti_ESC && b[1] == '7';

	memset(s, 0, sizeof *s);
	if (saved)
		i = 2;
	if (!ti_csi_parse(b + i, n - i, &c) || c.fin != 'r' || c.priv || c.np != 2)
		return false;
	s->top = ti_arg(&c, 0);
	s->bot = ti_arg(&c, 1);
	if (s->top >= s->bot || s->bot > rows)
		return false;
	i += c.len;
	if (saved) {
		if (i + 1 >= n || b[i] != ti_ESC || b[i + 1] != '8')
			return false;
		i += 2;
	}
	i = ti_scroll_lead(b, n, i, &row, s);
	i = ti_scroll_op(b, n, i, row, s);
	if (s->n == 0 || (s->n < 0 ? -s->n : s->n) > s->bot - s->top)
		return false;
	if (!ti_csi_parse(b + i, n - i, &c) || c.fin != 'r' || c.priv || c.np > 2 || ti_arg(&c, 0) != 1 ||
	    (c.np == 2 && c.p[1] > 0 && c.p[1] != rows))
		return false;
	i += c.len;
	/* The cursor is unknown after the reset: curses addresses it next
	 * (an SGR there would colour the inserted line: not taken). */
	if (!ti_csi_parse(b + i, n - i, &c) || !ti_is_cup(&c, &y, &x))
		return false;
	s->cup_y = y;
	s->cup_x = x;
	s->len = i + c.len;
	return true;
}

/* The same change with delete and insert line; the cursor ends at column
 * 1 of the row of the insert, then goes where the address said. */
static void ti_scroll_emit(const unsigned char *b, const struct ti_scroll *s, struct ti_out *o, bool *normal)
{
	int k = s->n > 0 ? s->n : -s->n;
	int del = s->n > 0 ? s->top : s->bot - k + 1;
	int ins = s->n > 0 ? s->bot - k + 1 : s->top;
	struct ti_csi c;

	for (int j = 0; j < s->nsgr; j++) {
		ti_csi_parse(b + s->sgr[j], s->sgr_len[j], &c);
		ti_put_sgr(o, b + s->sgr[j], &c, normal);
	}
	ti_put_cup(o, del, 1);
	ti_put_csi(o, k, 'M');
	ti_put_cup(o, ins, 1);
	ti_put_csi(o, k, 'L');
	if (s->cup_x != 1 || (s->cup_y != ins && s->cup_y != ins - 1 && s->cup_y != ins + 1))
		ti_put_cup(o, s->cup_y, s->cup_x);
	else if (s->cup_y == ins - 1)
		ti_put(o, "\x1b[A", 3);
	else if (s->cup_y == ins + 1)
		ti_put(o, "\x1b[B", 3);
}

/* ---- the pass ---- */

/* Whether the sequence (not an SGR) may change the attributes. */
static bool ti_touches_attrs(const unsigned char *b, const struct ti_csi *c)
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
static size_t ti_tighten_esc(const unsigned char *b, size_t n, struct ti_out *o, struct old_out_term *t)
{
	struct ti_csi c;
	struct ti_scroll s;
	int y, x;

	if (t->idl && ti_scroll_parse(b, n, t->rows, &s)) {
		char room[96];
		struct ti_out tmp = {.b = room, .cap = sizeof room};
		bool normal = t->sgr_normal;

		ti_scroll_emit(b, &s, &tmp, &normal);
		if (!tmp.over && tmp.n <= s.len) {
			ti_put(o, tmp.b, tmp.n);
			t->sgr_normal = normal;
			return s.len;
		}
	}
	if (!ti_csi_parse(b, n, &c)) {
		size_t len = n >= 3 && (b[1] == '(' || b[1] == ')') ? 3 : n >= 2 ? 2 : 1;

		/* ti_ESC 8 restores saved attributes, ti_ESC c resets: unknown. */
		if (len == 2 && b[1] != '7' && b[1] != 'M' && b[1] != 'D' && b[1] != 'E' &&
		    b[1] != '=' && b[1] != '>')
			t->sgr_normal = false;
		ti_put(o, (const char *)b, len);
		return len;
	}
	if (ti_is_sgr(&c))
		ti_put_sgr(o, b, &c, &t->sgr_normal);
	else if (ti_is_cup(&c, &y, &x) && x == 1)
		ti_put_cup(o, y, x); /* never longer: ti_ESC[y;1H, ti_ESC[yH, ti_ESC[H */
	else {
		if (ti_touches_attrs(b, &c))
			t->sgr_normal = false;
		ti_put(o, (const char *)b, c.len);
	}
	return c.len;
}

size_t old_ui_out_tighten(char *buf, size_t n, struct old_out_term *t)
{
	unsigned char *b = (unsigned char *)buf;
	size_t i = 0;
	struct ti_out o = {.b = buf, .cap = n};

	while (i < n) {
		struct ti_csi c;
		size_t used;

		if (b[i] == '\r' && ti_csi_parse(b + i + 1, n - i - 1, &c) && c.fin == 'd' &&
		    !c.priv && c.np == 1) {
			/* The output never overtakes the input: o.n <= i. */
			ti_put_cup(&o, ti_arg(&c, 0), 1);
			i += 1 + c.len;
			continue;
		}
		if (b[i] != ti_ESC) {
			o.b[o.n++] = (char)b[i++];
			continue;
		}
		/* Written at o.n <= i, never longer than what it replaces. */
		used = ti_tighten_esc(b + i, n - i, &o, t);
		i += used;
	}
	return o.n;
}

/* ---- ui_out_motion.c ---- */



enum { mo_ESC = 0x1b };

struct mo_pos {
	int y, x;
	bool ky, kx; /* row, column known */
};

/* One element of the stream at p: its length; *move set when it only
 * moves the cursor (then c is its effect on *c). */
struct mo_elem {
	size_t len;
	bool move;
};

static int mo_csi_param(const unsigned char *p, size_t len, int k, int dflt)
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
static size_t mo_csi_len(const unsigned char *p, size_t n, bool *plain)
{
	size_t i = 2;

	*plain = true;
	if (n < 3 || p[0] != mo_ESC || p[1] != '[')
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

static int mo_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The effect of the CSI sequence p (len bytes) on c; whether it only
 * moves the cursor. */
static bool mo_csi_apply(const struct old_out_motion *m, const unsigned char *p, size_t len, bool plain,
		      struct mo_pos *c)
{
	unsigned char f = p[len - 1];
	int a = mo_csi_param(p, len, 0, 1);

	if (!plain) {
		/* Private modes (mo_ESC[?25l…) move nothing, except those that
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
		c->y = mo_clamp(a, 1, m->rows) - 1;
		c->x = mo_clamp(mo_csi_param(p, len, 1, 1), 1, m->cols) - 1;
		c->ky = c->kx = true;
		return true;
	case 'd':
		c->y = mo_clamp(a, 1, m->rows) - 1;
		c->ky = true;
		return true;
	case 'G': case '`':
		c->x = mo_clamp(a, 1, m->cols) - 1;
		c->kx = true;
		return true;
	case 'A': c->y = mo_clamp(c->y - a, 0, m->rows - 1); return true;
	case 'B': c->y = mo_clamp(c->y + a, 0, m->rows - 1); return true;
	case 'C': c->x = mo_clamp(c->x + a, 0, m->cols - 1); return true;
	case 'D': c->x = mo_clamp(c->x - a, 0, m->cols - 1); return true;
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
static struct mo_elem mo_next_elem(const struct old_out_motion *m, const unsigned char *p, size_t n,
			     struct mo_pos *c, bool *region)
{
	struct mo_elem e = { 1, false };

	if (p[0] == mo_ESC) {
		bool plain;
		size_t len = mo_csi_len(p, n, &plain);

		if (len) {
			e.len = len;
			if (p[len - 1] == 'r') {
				*region = !(len == 3 || (mo_csi_param(p, len, 0, 1) == 1 &&
							 mo_csi_param(p, len, 1, m->rows) >= m->rows));
			}
			e.move = mo_csi_apply(m, p, len, plain, c) && !*region;
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

enum { mo_NONE = 30 }; /* longer than any move written (buffers of 32) */

/* The decimal digits of v (0 <= v < 100000) into o; their count. (No
 * snprintf: this runs for every move of every update.) */
static size_t mo_put_dec(char *o, int v)
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

/* "mo_ESC[" v fin into o (16 bytes at least). */
static size_t mo_put_num(char *o, int v, char fin)
{
	size_t k = 2;

	o[0] = mo_ESC;
	o[1] = '[';
	k += mo_put_dec(o + k, v);
	o[k++] = fin;
	return k;
}

static size_t mo_put_str(char *o, const char *s)
{
	size_t k = strlen(s);

	memcpy(o, s, k);
	return k;
}

/* The shortest vertical move from row y0 to y (column kept) into o. */
static size_t mo_vmove(const struct old_out_motion *m, int y0, int y, char *o)
{
	int d = y - y0;
	size_t best;
	char tmp[16];

	if (d == 0)
		return 0;
	best = m->vpa ? mo_put_num(o, y + 1, 'd') : mo_NONE;
	if (d > 0) {
		if (m->lf && (size_t)d < best) {
			memset(o, '\n', (size_t)d);
			best = (size_t)d;
		}
		if (m->cud) {
			size_t k = d == 1 ? mo_put_str(tmp, "\x1b[B") : mo_put_num(tmp, d, 'B');

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
			size_t k = d == -1 ? mo_put_str(tmp, "\x1b[A") : mo_put_num(tmp, -d, 'A');

			if (k < best)
				memcpy(o, tmp, best = k);
		}
	}
	return best;
}

/* The shortest horizontal move from column x0 to x (row kept) into o. */
static size_t mo_hmove(const struct old_out_motion *m, int x0, int x, char *o)
{
	int d = x - x0;
	size_t best = mo_NONE;
	char tmp[16];

	if (d == 0)
		return 0;
	if (x == 0) {
		o[0] = '\r';
		return 1;
	}
	if (m->hpa)
		best = mo_put_num(o, x + 1, 'G');
	if (d < 0 && m->bs && (size_t)-d < best) {
		memset(o, '\b', (size_t)-d);
		best = (size_t)-d;
	}
	if (d < 0 && m->cub) {
		size_t k = mo_put_num(tmp, -d, 'D');

		if (k < best)
			memcpy(o, tmp, best = k);
	}
	if (m->cuf) {
		size_t k = d == 1 ? mo_put_str(tmp, "\x1b[C")
			 : d > 0 ? mo_put_num(tmp, d, 'C') : 1 + mo_put_num(tmp + 1, x, 'C');

		if (d < 0)
			tmp[0] = '\r';
		if (k < best)
			memcpy(o, tmp, best = k);
	}
	return best;
}

/* The shortest move to b into o (32 bytes): from a when known, else an
 * absolute one. */
static size_t mo_best_move(const struct old_out_motion *m, const struct mo_pos *a, const struct mo_pos *b,
			char *o)
{
	char v[mo_NONE + 2], h[mo_NONE + 2];
	size_t best, nv, nh;

	if (b->x == 0)
		best = b->y == 0 ? mo_put_str(o, "\x1b[H") : mo_put_num(o, b->y + 1, 'H');
	else {
		best = mo_put_num(o, b->y + 1, ';');
		best += mo_put_dec(o + best, b->x + 1);
		o[best++] = 'H';
	}
	if (!a)
		return best;
	nv = mo_vmove(m, a->y, b->y, v);
	nh = mo_hmove(m, a->x, b->x, h);
	if (nv < mo_NONE && nh < mo_NONE && nv + nh < best) {
		memcpy(o, v, nv);
		memcpy(o + nv, h, nh);
		best = nv + nh;
	}
	return best;
}

size_t old_ui_out_motion(char *buf, size_t n, const struct old_out_motion *m)
{
	unsigned char *b = (unsigned char *)buf;
	struct mo_pos c = { 0, 0, false, false };
	bool region = false;
	size_t i = 0, o = 0;

	if (!m->on)
		return n;
	while (i < n) {
		struct mo_pos start = c;
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
			struct mo_pos before = c;
			bool reg = region;
			struct mo_elem e = mo_next_elem(m, b + i, n - i, &c, &region);

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
			size_t k = mo_best_move(m, from ? &start : NULL, &c, enc);

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
/* ---- ui_out_sgr.c ---- */



enum { sg_ESC = 0x1b, sg_MAXP = 16 };

/* Colours: 0 the default; else 1 + the basic code (30..37, 90..97 as
 * given) or 1000 + a 256-colour index. */
struct sg_sgr {
	bool known;
	unsigned flags; /* bit k: SGR k (1 bold … 9 strike) on */
	int fg, bg;
};

/* The SGR at p: its length, with its parameters in v (*nv), or 0 when it
 * is not a plain SGR (digits and ';' only, at most sg_MAXP parameters). */
static size_t sg_sgr_parse(const unsigned char *p, size_t n, int *v, int *nv)
{
	size_t i = 2;
	int k = 0, cur = 0;

	if (n < 3 || p[0] != sg_ESC || p[1] != '[')
		return 0;
	for (; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			cur = cur * 10 + (p[i] - '0');
			if (cur > 9999)
				return 0;
		} else if (p[i] == ';' || p[i] == 'm') {
			if (k == sg_MAXP)
				return 0;
			v[k++] = cur;
			cur = 0;
			if (p[i] == 'm') {
				*nv = k;
				return i + 1;
			}
		} else {
			return 0;
		}
	}
	return 0;
}

/* Apply parameters v to s; false when one is not understood. */
static bool sg_sgr_apply(struct sg_sgr *s, const int *v, int nv)
{
	for (int i = 0; i < nv; i++) {
		int c = v[i];

		if (c == 0) {
			s->flags = 0;
			s->fg = s->bg = 0;
		} else if (c >= 1 && c <= 9) {
			s->flags |= 1u << c;
		} else if (c == 22) {
			s->flags &= ~(1u << 1 | 1u << 2);
		} else if (c >= 23 && c <= 29 && c != 26) {
			s->flags &= ~(1u << (c - 20));
		} else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) {
			s->fg = 1 + c;
		} else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) {
			s->bg = 1 + c;
		} else if (c == 39) {
			s->fg = 0;
		} else if (c == 49) {
			s->bg = 0;
		} else if ((c == 38 || c == 48) && i + 2 < nv && v[i + 1] == 5 && v[i + 2] < 256) {
			*(c == 38 ? &s->fg : &s->bg) = 1000 + v[i + 2];
			i += 2;
		} else {
			return false;
		}
	}
	return true;
}

/* ";" (but first) and code's digits at o + k; the new length. (No
 * snprintf: this runs for every attribute change of every update.) */
static size_t sg_add_code(char *o, size_t k, int code)
{
	char d[8];
	size_t n = 0;

	if (k > 2)
		o[k++] = ';';
	do {
		d[n++] = (char)('0' + code % 10);
		code /= 10;
	} while (code > 0 && n < sizeof d);
	while (n > 0)
		o[k++] = d[--n];
	return k;
}

static size_t sg_add_colour(char *o, size_t k, int c, bool fg)
{
	if (c == 0)
		return sg_add_code(o, k, fg ? 39 : 49);
	if (c < 1000)
		return sg_add_code(o, k, c - 1);
	k = sg_add_code(o, k, fg ? 38 : 48);
	k = sg_add_code(o, k, 5);
	return sg_add_code(o, k, c - 1000);
}

/* From a reset: sg_ESC[0;…m, or sg_ESC[m for the plain state. */
static size_t sg_enc_reset(const struct sg_sgr *t, char *o)
{
	size_t k = 2;

	memcpy(o, "\x1b[", 2);
	if (t->flags || t->fg || t->bg) {
		k = sg_add_code(o, k, 0);
		for (int b = 1; b <= 9; b++)
			if (t->flags & (1u << b))
				k = sg_add_code(o, k, b);
		if (t->fg)
			k = sg_add_colour(o, k, t->fg, true);
		if (t->bg)
			k = sg_add_colour(o, k, t->bg, false);
	}
	o[k++] = 'm';
	return k;
}

/* From c, changing only what differs; 0 when nothing does, (size_t)-1
 * when it needs an off code the terminal may not take. */
static size_t sg_enc_diff(const struct sg_sgr *c, const struct sg_sgr *t, bool off_ok, char *o)
{
	unsigned on = c->flags, off = c->flags & ~t->flags;
	size_t k = 2;

	memcpy(o, "\x1b[", 2);
	if ((off || (c->fg && !t->fg) || (c->bg && !t->bg)) && !off_ok)
		return (size_t)-1;
	if (off & (1u << 1 | 1u << 2)) {
		k = sg_add_code(o, k, 22);
		on &= ~(1u << 1 | 1u << 2);
	}
	for (int b = 3; b <= 9; b++)
		if (off & (1u << b)) {
			k = sg_add_code(o, k, 20 + b);
			on &= ~(1u << b);
		}
	for (int b = 1; b <= 9; b++)
		if ((t->flags & (1u << b)) && !(on & (1u << b)))
			k = sg_add_code(o, k, b);
	if (t->fg != c->fg)
		k = sg_add_colour(o, k, t->fg, true);
	if (t->bg != c->bg)
		k = sg_add_colour(o, k, t->bg, false);
	if (k == 2)
		return 0;
	o[k++] = 'm';
	return k;
}

size_t old_ui_out_sgr(char *buf, size_t n, bool off_ok)
{
	unsigned char *b = (unsigned char *)buf;
	struct sg_sgr cur = { false, 0, 0, 0 };
	size_t i = 0, o = 0;

	while (i < n) {
		struct sg_sgr t;
		size_t run = i, len;
		int v[sg_MAXP], nv = 0;
		bool ok = true, reset_first = false;

		if (b[i] != sg_ESC) {
			b[o++] = b[i++];
			continue;
		}
		t = cur;
		while (ok && i < n && (len = sg_sgr_parse(b + i, n - i, v, &nv)) > 0) {
			if (i == run)
				reset_first = v[0] == 0;
			ok = sg_sgr_apply(&t, v, nv);
			i += len;
		}
		if (i == run) { /* not an SGR */
			b[o++] = b[i++];
			continue;
		}
		if (ok && (cur.known || reset_first)) {
			char r[160], d[160];
			size_t kr = sg_enc_reset(&t, r), kd = cur.known ? sg_enc_diff(&cur, &t, off_ok, d) : (size_t)-1;
			const char *best = kd < kr ? d : r;
			size_t k = kd < kr ? kd : kr;

			t.known = true;
			cur = t;
			if (k <= i - run) {
				memcpy(b + o, best, k);
				o += k;
				continue;
			}
		} else {
			cur.known = false;
		}
		memmove(b + o, b + run, i - run);
		o += i - run;
	}
	return o;
}
