/*
 * ui_out_tighten.c — step 2 of ui_out_shorten: an update's cursor moves,
 * attribute changes and scrolls in their shortest form (issue 16: a
 * one-row scroll at a page edge, and every move, cross a slow link).
 *
 * Run on the tokens step 1 left (ui_out_shorten.c). ncurses
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

#include "ui_out_tok.h"
#include "util.h"

/* An absolute cursor address: row and column, 1-based. */
static bool is_cup(const struct otok *c, int *y, int *x)
{
	if (c->kind != TK_CSI || c->fin != 'H' || (c->flags & TF_PRIV) || c->np > 2)
		return false;
	*y = otok_arg(c, 0, 1);
	*x = otok_arg(c, 1, 1);
	return true;
}

static bool is_csi(const struct otok *c, char fin)
{
	return c->kind == TK_CSI && c->fin == fin && !(c->flags & TF_PRIV);
}

static bool is_esc(const struct otok *c, char fin)
{
	return c->kind == TK_ESC && c->len == 2 && c->fin == fin;
}

/* ---- bytes written ---- */

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
	memcpy(o->b + o->n, s, len);
	o->n += len;
}

static void put_csi(struct out *o, int a, char fin)
{
	char s[16];
	size_t len = 2;

	s[0] = OUT_ESC;
	s[1] = '[';
	if (a > 1)
		len += out_dec(s + len, a);
	s[len++] = fin;
	put(o, s, len);
}

static void put_cup(struct out *o, int y, int x)
{
	char s[24];
	size_t len = 2;

	s[0] = OUT_ESC;
	s[1] = '[';
	if (y != 1 || x != 1)
		len += out_dec(s + len, y);
	if (x != 1) {
		s[len++] = ';';
		len += out_dec(s + len, x);
	}
	s[len++] = 'H';
	put(o, s, len);
}

/* What becomes of the SGR token c (bytes b) given the attributes known
 * to be off: dropped, ESC[m, without its leading reset, or as it is. */
enum sgr_act { SGR_DROP, SGR_RESET, SGR_TAIL, SGR_KEEP };

static enum sgr_act sgr_act(const unsigned char *b, const struct otok *c, bool *normal)
{
	bool reset = c->p[0] <= 0, was = *normal;

	if (c->np == 1 && reset) { /* ESC[m, ESC[0m */
		*normal = true;
		return was ? SGR_DROP : SGR_RESET;
	}
	*normal = false;
	return reset && was && b[2] == '0' && b[3] == ';' ? SGR_TAIL : SGR_KEEP; /* ESC[0;7m -> ESC[7m */
}

static void put_sgr(struct out *o, const unsigned char *b, const struct otok *c, bool *normal)
{
	switch (sgr_act(b, c, normal)) {
	case SGR_DROP:
		break;
	case SGR_RESET:
		put(o, "\x1b[m", 3);
		break;
	case SGR_TAIL:
		put(o, "\x1b[", 2);
		put(o, (const char *)b + 4, c->len - 4);
		break;
	case SGR_KEEP:
		put(o, (const char *)b, c->len);
		break;
	}
}

/* o's bytes as tokens of out, or token k itself when they are its bytes. */
static void emit(struct otoks *out, struct oupd *u, const struct otok *k, const struct out *o)
{
	if (o->n == k->len && !memcmp(o->b, otok_bytes(u, k), o->n))
		otoks_push(out, k);
	else
		otoks_gen(out, u, o->b, o->n);
}

/* ---- the scroll of a part of the screen ---- */

struct scroll {
	int top, bot, n;     /* 1-based rows; n > 0: up (forward) */
	size_t sgr[2];       /* attribute changes before the scroll (tokens) */
	int nsgr;
	int cup_y, cup_x;    /* the address that follows */
	size_t end, len;     /* the token after the whole, its bytes */
};

/* Motion and attributes before the scroll op: the row if known. */
static size_t scroll_lead(const struct otoks *a, size_t i, int *row, struct scroll *s)
{
	int y, x;

	for (; i < a->n; i++) {
		const struct otok *c = &a->t[i];

		if (c->kind == TK_CTL && c->fin == '\r')
			continue;
		if (c->kind != TK_CSI)
			return i;
		if (is_cup(c, &y, &x))
			*row = y;
		else if (is_csi(c, 'd') && c->np == 1)
			*row = otok_arg(c, 0, 1);
		else if (is_csi(c, 'm') && s->nsgr < 2)
			s->sgr[s->nsgr++] = i;
		else
			return i;
	}
	return i;
}

/* The scroll op(s) at i: a line feed or index at the bottom row, a
 * reverse index at the top row, or scroll up/down by a count. */
static size_t scroll_op(const struct otoks *a, size_t i, int row, struct scroll *s)
{
	for (; i < a->n; i++) {
		const struct otok *c = &a->t[i];

		if (((c->kind == TK_CTL && c->fin == '\n') || is_esc(c, 'D')) && row == s->bot) {
			if (s->n < 0)
				break;
			s->n++;
		} else if (is_esc(c, 'M') && row == s->top) {
			if (s->n > 0)
				break;
			s->n--;
		} else if ((is_csi(c, 'S') || is_csi(c, 'T')) && c->np == 1) {
			if ((c->fin == 'S' && s->n < 0) || (c->fin == 'T' && s->n > 0))
				break;
			s->n += c->fin == 'S' ? otok_arg(c, 0, 1) : -otok_arg(c, 0, 1);
		} else {
			break;
		}
	}
	return i;
}

/* Whether the tokens at i are ncurses' scroll of a region (see the file
 * comment): [ESC 7] ESC[t;b r [ESC 8] moves/SGR op... ESC[1;L r CUP. */
static bool scroll_parse(const struct otoks *a, size_t i, int rows, struct scroll *s)
{
	const struct otok *c;
	int row = -1;
	size_t i0 = i;
	bool saved = is_esc(&a->t[i], '7');

	memset(s, 0, sizeof *s);
	i += saved;
	if (i >= a->n || !is_csi(c = &a->t[i], 'r') || c->np != 2)
		return false;
	s->top = otok_arg(c, 0, 1);
	s->bot = otok_arg(c, 1, 1);
	if (s->top >= s->bot || s->bot > rows)
		return false;
	i++;
	if (saved && (i >= a->n || !is_esc(&a->t[i++], '8')))
		return false;
	i = scroll_lead(a, i, &row, s);
	i = scroll_op(a, i, row, s);
	if (s->n == 0 || (s->n < 0 ? -s->n : s->n) > s->bot - s->top)
		return false;
	if (i >= a->n || !is_csi(c = &a->t[i], 'r') || c->np > 2 || otok_arg(c, 0, 1) != 1 ||
	    (c->np == 2 && c->p[1] > 0 && c->p[1] != rows))
		return false;
	/* The cursor is unknown after the reset: curses addresses it next
	 * (an SGR there would colour the inserted line: not taken). */
	if (++i >= a->n || !is_cup(&a->t[i], &s->cup_y, &s->cup_x))
		return false;
	s->end = i + 1;
	s->len = otoks_bytes(a, i0, s->end);
	return true;
}

/* The same change with delete and insert line; the cursor ends at column
 * 1 of the row of the insert, then goes where the address said. */
static void scroll_emit(const struct otoks *a, const struct oupd *u, const struct scroll *s,
			struct out *o, bool *normal)
{
	int k = s->n > 0 ? s->n : -s->n;
	int del = s->n > 0 ? s->top : s->bot - k + 1;
	int ins = s->n > 0 ? s->bot - k + 1 : s->top;

	for (int j = 0; j < s->nsgr; j++) {
		const struct otok *c = &a->t[s->sgr[j]];

		put_sgr(o, otok_bytes(u, c), c, normal);
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

/* ---- the step ---- */

/* Whether the sequence (not an SGR) may change the attributes. */
static bool touches_attrs(const unsigned char *b, const struct otok *c)
{
	static const char keeps[] = "HfdGABCDEFKJXLMSTr@Pb";

	if (!(c->flags & TF_PRIV))
		return !strchr(keeps, c->fin);
	if (c->fin == 'h' || c->fin == 'l')
		return b[2] == '?' && (c->p[0] == 1048 || c->p[0] == 1049 || c->p[0] == 47 ||
		                       c->p[0] == 1047 || c->p[0] < 0);
	return true;
}

/* The scroll at token i, when it is one and shorter as delete and insert
 * line: the tokens it took, else 0. */
static size_t tighten_scroll(const struct otoks *in, size_t i, struct otoks *out, struct oupd *u,
			     struct out_term *t)
{
	struct scroll s;
	char room[96];
	struct out tmp = {.b = room, .cap = sizeof room};
	bool normal = t->sgr_normal;

	if (!t->idl || !(is_esc(&in->t[i], '7') || is_csi(&in->t[i], 'r')) ||
	    !scroll_parse(in, i, t->rows, &s))
		return 0;
	scroll_emit(in, u, &s, &tmp, &normal);
	if (tmp.over || tmp.n > s.len)
		return 0;
	otoks_gen(out, u, tmp.b, tmp.n);
	t->sgr_normal = normal;
	return s.end - i;
}

/* One escape sequence at token i into out; the tokens it took. */
static size_t tighten_esc(const struct otoks *in, size_t i, struct otoks *out, struct oupd *u,
			  struct out_term *t)
{
	const struct otok *c = &in->t[i];
	const unsigned char *b = otok_bytes(u, c);
	char room[96];
	struct out o = {.b = room, .cap = sizeof room};
	size_t used = tighten_scroll(in, i, out, u, t);
	int y, x;

	if (used)
		return used;
	if (c->kind == TK_ESC) {
		/* ESC 8 restores saved attributes, ESC c resets: unknown. */
		if (c->len == 2 && c->fin != '7' && c->fin != 'M' && c->fin != 'D' && c->fin != 'E' &&
		    c->fin != '=' && c->fin != '>')
			t->sgr_normal = false;
		otoks_push(out, c);
	} else if (is_csi(c, 'm')) {
		enum sgr_act a = sgr_act(b, c, &t->sgr_normal);

		if (a == SGR_KEEP || (a == SGR_RESET && c->len == 3))
			otoks_push(out, c);
		else if (a == SGR_RESET)
			otoks_gen(out, u, "\x1b[m", 3);
		else if (a == SGR_TAIL)
			otoks_gen_tail(out, u, c, 4);
	} else if (is_cup(c, &y, &x) && x == 1) {
		put_cup(&o, y, x); /* never longer: ESC[y;1H, ESC[yH, ESC[H */
		emit(out, u, c, &o);
	} else {
		if (touches_attrs(b, c))
			t->sgr_normal = false;
		otoks_push(out, c);
	}
	return 1;
}

void out_tighten(const struct otoks *in, struct otoks *out, struct oupd *u, struct out_term *t)
{
	size_t i = 0;

	while (i < in->n) {
		const struct otok *c = &in->t[i];

		if (c->kind == TK_CTL && c->fin == '\r' && i + 1 < in->n && is_csi(&in->t[i + 1], 'd') &&
		    in->t[i + 1].np == 1) {
			char room[24];
			struct out o = {.b = room, .cap = sizeof room};

			put_cup(&o, otok_arg(&in->t[i + 1], 0, 1), 1);
			otoks_gen(out, u, o.b, o.n);
			i += 2;
		} else if (c->kind == TK_TEXT || c->kind == TK_CTL) {
			otoks_push(out, c);
			i++;
		} else {
			i += tighten_esc(in, i, out, u, t);
		}
	}
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
