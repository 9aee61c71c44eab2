/*
 * ui_out_sgr.c — step 4 of ui_out_shorten: the attribute changes of one
 * screen update, each as the shortest SGR that leaves the terminal in the
 * same state (issue 16).
 *
 * ncurses turns attributes on through sgr, which always starts with a
 * reset ("ESC[0;1m"), then adds the colour in a sequence of its own
 * ("ESC[31m"): 11 bytes where "ESC[1;31m" does, and "ESC[0;7m" where the
 * terminal is known to be plain and "ESC[7m" does. Here the tokens step 3
 * left (ui_out_shorten.c) are read once following the SGR state: each run
 * of adjacent SGR sequences is replaced by one sequence reaching the same
 * state from the current one, either by a reset and the attributes wanted
 * or by turning off and on only what differs (22, 24, 27, 39, 49: when
 * the terminal takes them, struct out_motion's sgr_off), whichever is
 * shorter; a run that changes nothing goes. The state is known from the
 * first reset of the update; before it, and after any SGR not understood
 * here (true colour, colon forms), sequences pass as they are.
 */
#include <stdbool.h>
#include <string.h>

#include "ui_out_tok.h"

enum { ESC = OUT_ESC, MAXP = 16 };

/* Colours: 0 the default; else 1 + the basic code (30..37, 90..97 as
 * given) or 1000 + a 256-colour index. */
struct sgr {
	bool known;
	unsigned flags; /* bit k: SGR k (1 bold … 9 strike) on */
	int fg, bg;
};

/* The SGR at p: its length, with its parameters in v (*nv), or 0 when it
 * is not a plain SGR (digits and ';' only, at most MAXP parameters). */
static size_t sgr_parse(const unsigned char *p, size_t n, int *v, int *nv)
{
	size_t i = 2;
	int k = 0, cur = 0;

	if (n < 3 || p[0] != ESC || p[1] != '[')
		return 0;
	for (; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			cur = cur * 10 + (p[i] - '0');
			if (cur > 9999)
				return 0;
		} else if (p[i] == ';' || p[i] == 'm') {
			if (k == MAXP)
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
static bool sgr_apply(struct sgr *s, const int *v, int nv)
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
static size_t add_code(char *o, size_t k, int code)
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

static size_t add_colour(char *o, size_t k, int c, bool fg)
{
	if (c == 0)
		return add_code(o, k, fg ? 39 : 49);
	if (c < 1000)
		return add_code(o, k, c - 1);
	k = add_code(o, k, fg ? 38 : 48);
	k = add_code(o, k, 5);
	return add_code(o, k, c - 1000);
}

/* From a reset: ESC[0;…m, or ESC[m for the plain state. */
static size_t enc_reset(const struct sgr *t, char *o)
{
	size_t k = 2;

	memcpy(o, "\x1b[", 2);
	if (t->flags || t->fg || t->bg) {
		k = add_code(o, k, 0);
		for (int b = 1; b <= 9; b++)
			if (t->flags & (1u << b))
				k = add_code(o, k, b);
		if (t->fg)
			k = add_colour(o, k, t->fg, true);
		if (t->bg)
			k = add_colour(o, k, t->bg, false);
	}
	o[k++] = 'm';
	return k;
}

/* From c, changing only what differs; 0 when nothing does, (size_t)-1
 * when it needs an off code the terminal may not take. */
static size_t enc_diff(const struct sgr *c, const struct sgr *t, bool off_ok, char *o)
{
	unsigned on = c->flags, off = c->flags & ~t->flags;
	size_t k = 2;

	memcpy(o, "\x1b[", 2);
	if ((off || (c->fg && !t->fg) || (c->bg && !t->bg)) && !off_ok)
		return (size_t)-1;
	if (off & (1u << 1 | 1u << 2)) {
		k = add_code(o, k, 22);
		on &= ~(1u << 1 | 1u << 2);
	}
	for (int b = 3; b <= 9; b++)
		if (off & (1u << b)) {
			k = add_code(o, k, 20 + b);
			on &= ~(1u << b);
		}
	for (int b = 1; b <= 9; b++)
		if ((t->flags & (1u << b)) && !(on & (1u << b)))
			k = add_code(o, k, b);
	if (t->fg != c->fg)
		k = add_colour(o, k, t->fg, true);
	if (t->bg != c->bg)
		k = add_colour(o, k, t->bg, false);
	if (k == 2)
		return 0;
	o[k++] = 'm';
	return k;
}

/* The SGR token k's parameters in v (*nv); false when it is none here
 * (at most MAXP parameters of at most 9999). */
static bool sgr_tok(const struct oupd *u, const struct otok *k, int *v, int *nv)
{
	return k->kind == TK_CSI && k->fin == 'm' && (k->flags & TF_PLAIN) &&
	       sgr_parse(otok_bytes(u, k), k->len, v, nv) == k->len;
}

void out_sgr(struct otoks *a, struct oupd *u, bool off_ok)
{
	struct sgr cur = { false, 0, 0, 0 };
	size_t i = 0, o = 0;

	while (i < a->n) {
		struct sgr t = cur;
		size_t run = i;
		int v[MAXP], nv = 0;
		bool ok = true, reset_first = false;

		while (ok && i < a->n && sgr_tok(u, &a->t[i], v, &nv)) {
			if (i == run)
				reset_first = v[0] == 0;
			ok = sgr_apply(&t, v, nv);
			i++;
		}
		if (i == run) { /* not an SGR */
			otoks_keep(a, &o, i++);
			continue;
		}
		if (ok && (cur.known || reset_first)) {
			char r[160], d[160];
			size_t kr = enc_reset(&t, r), kd = cur.known ? enc_diff(&cur, &t, off_ok, d) : (size_t)-1;
			size_t k = kd < kr ? kd : kr;

			t.known = true;
			cur = t;
			if (k <= otoks_bytes(a, run, i)) {
				if (k)
					a->t[o++] = otok_written(u, kd < kr ? d : r, k);
				continue;
			}
		} else {
			cur.known = false;
		}
		while (run < i)
			otoks_keep(a, &o, run++);
	}
	a->n = o;
}
