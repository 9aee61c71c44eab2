/*
 * ui_out_shorten.c — one screen update parsed once, then shortened before
 * it leaves (issue 16: every byte crosses a slow link, and every key's
 * update is read here).
 *
 * The captured update (ui_out.c) is cut into tokens once: runs of text
 * with their display width, control bytes, CSI sequences with their
 * parameters, other escape sequences (ui_out_tok.h). Four steps then
 * work on the tokens, each reading what the one before left:
 *   1. out_squeeze (below): what changes nothing goes — a G0 designation
 *      of ASCII while G0 is already ASCII (followed across updates), a
 *      colour reset just before a full reset, an SGR followed by the
 *      very same SGR;
 *   2. out_tighten (ui_out_tighten.c): the scroll of a part of the screen
 *      as delete and insert line, short cursor addresses, the resets the
 *      attributes known to be off make useless;
 *   3. out_motion (ui_out_motion.c): each run of cursor moves as the
 *      shortest reaching the same cell, the cursor followed through the
 *      text;
 *   4. out_sgr (ui_out_sgr.c): each run of attribute changes as the
 *      shortest SGR reaching the same state.
 * Steps 3 and 4 run when the terminal takes ANSI cursor addresses. The
 * bytes are written back in place once, at the end: no step writes more
 * than it read before any point, so the update's bytes a token still
 * points at are never overwritten before they are copied.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui_out_tok.h"
#include "util.h"

static struct otoks tok_a, tok_b;
static struct oupd upd;

size_t out_dec(char *o, int v)
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

void otoks_grow(struct otoks *a)
{
	a->cap = a->cap ? 2 * a->cap : 256;
	a->t = xrealloc(a->t, a->cap * sizeof *a->t);
}

size_t otoks_bytes(const struct otoks *a, size_t i, size_t j)
{
	size_t n = 0;

	for (; i < j; i++)
		n += a->t[i].len;
	return n;
}

/* The parameters of the CSI sequence at p into t; its length, 0 when it
 * is not one or is cut by the end. */
static size_t csi_scan(const unsigned char *p, size_t n, struct otok *t)
{
	size_t i = 2;
	int v = -1, k = 0;
	bool plain = true, big = false;

	if (n < 3 || p[1] != '[')
		return 0;
	for (; i < n && p[i] >= 0x30 && p[i] <= 0x3f; i++) {
		if (p[i] >= '0' && p[i] <= '9') {
			v = (v < 0 ? 0 : v) * 10 + (p[i] - '0');
			big |= v > 9999;
			if (v > 100000)
				v = 100000;
		} else if (p[i] == ';') {
			if (k < OUT_NP)
				t->p[k] = v;
			k++;
			v = -1;
		} else {
			plain = false;
		}
	}
	if (k < OUT_NP)
		t->p[k] = v;
	k++;
	for (; i < n && p[i] >= 0x20 && p[i] <= 0x2f; i++)
		plain = false;
	if (i >= n || p[i] < 0x40 || p[i] > 0x7e)
		return 0;
	t->kind = TK_CSI;
	t->fin = p[i];
	t->np = (uint8_t)(k > 255 ? 255 : k);
	t->flags |= (plain ? TF_PLAIN : 0) | (!plain || big || k > OUT_NP ? TF_PRIV : 0);
	return i + 1;
}

/* The display width of wc, -1 when it has none; the last ones kept (the
 * same few characters come back in every row of a screen). */
static int width(wchar_t wc)
{
	static struct {
		wchar_t wc;
		int w;
	} memo[32];
	unsigned k = (unsigned)wc % 32;

	if (memo[k].wc != wc || !wc) {
		memo[k].wc = wc;
		memo[k].w = wcwidth(wc);
	}
	return memo[k].w;
}

/* How many bytes from p are printable ASCII (0x20-0x7e): eight at a
 * time while none of them is another (most of an update is text). */
static size_t ascii_run(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, p + i, 8);
		/* A byte under 0x20, or over 0x7e. */
		if (((x - 0x20 * ones) & ~x & highs) | (((x + ones) | x) & highs))
			break;
	}
	while (i < n && p[i] >= 0x20 && p[i] < 0x7f)
		i++;
	return i;
}

/* The text run at p into t (its width, whether a byte is no character);
 * its length. UTF-8 is read as ui_out_motion always did: a bad byte is
 * skipped alone. */
static size_t text_scan(const unsigned char *p, size_t n, struct otok *t)
{
	size_t i = 0;

	t->kind = TK_TEXT;
	t->w = 0;
	for (;;) {
		size_t i0 = i, k;
		wchar_t wc;
		int w;

		i += ascii_run(p + i, n - i);
		t->w += (int32_t)(i - i0);
		if (i >= n || p[i] < 0x80)
			return i;
		k = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : p[i] >= 0xc0 ? 2 : 1;
		wc = p[i] & (0x7f >> k);
		if (k == 1 || k > n - i) {
			t->flags |= TF_LOSE;
			i++;
			continue;
		}
		for (size_t j = 1; j < k; j++) {
			if ((p[i + j] & 0xc0) != 0x80) {
				k = 0;
				break;
			}
			wc = (wc << 6) | (p[i + j] & 0x3f);
		}
		if (k == 0 || (w = width(wc)) < 0) {
			t->flags |= TF_LOSE;
			i += k ? k : 1;
			continue;
		}
		t->w += w;
		i += k;
	}
}

/* The tokens of p (n bytes at offset base, in the arena when arena). */
static void tokenize(struct otoks *a, const unsigned char *p, size_t n, size_t base, bool arena)
{
	size_t i = 0;

	while (i < n) {
		struct otok *t;
		size_t len;

		if (a->n == a->cap)
			otoks_grow(a);
		t = &a->t[a->n++];
		t->flags = arena ? TF_ARENA : 0;
		t->np = 0;
		t->fin = 0;
		if (p[i] >= 0x20 && p[i] != 0x7f) {
			len = text_scan(p + i, n - i, t);
		} else if (p[i] != OUT_ESC) {
			t->kind = TK_CTL;
			t->fin = p[i];
			len = 1;
		} else if (!(len = csi_scan(p + i, n - i, t))) {
			t->kind = TK_ESC;
			len = n - i >= 3 && (p[i + 1] == '(' || p[i + 1] == ')') ? 3 : n - i >= 2 ? 2 : 1;
			t->fin = len > 1 ? p[i + 1] : 0;
		}
		t->off = (uint32_t)(base + i);
		t->len = (uint32_t)len;
		i += len;
	}
}

static void arena_room(struct oupd *u, size_t len)
{
	if (u->an + len > u->acap) {
		u->acap = 2 * (u->an + len) + 256;
		u->arena = xrealloc(u->arena, u->acap);
	}
}

static size_t arena_put(struct oupd *u, const char *s, size_t len)
{
	size_t off = u->an;

	arena_room(u, len);
	memcpy(u->arena + off, s, len);
	u->an += len;
	return off;
}

void otoks_gen(struct otoks *a, struct oupd *u, const char *s, size_t len)
{
	size_t off = arena_put(u, s, len);

	tokenize(a, (const unsigned char *)u->arena + off, len, off, true);
}

void otoks_gen_tail(struct otoks *a, struct oupd *u, const struct otok *k, size_t skip)
{
	size_t off = u->an, len = 2 + k->len - skip;

	arena_room(u, len); /* first: k's bytes may be in the arena */
	memcpy(u->arena + off, "\x1b[", 2);
	memcpy(u->arena + off + 2, otok_bytes(u, k) + skip, k->len - skip);
	u->an += len;
	tokenize(a, (const unsigned char *)u->arena + off, len, off, true);
}

struct otok otok_written(struct oupd *u, const char *s, size_t len)
{
	struct otok t;

	memset(&t, 0, sizeof t);
	t.kind = TK_GEN; /* no parameter read */
	t.flags = TF_ARENA;
	t.off = (uint32_t)arena_put(u, s, len);
	t.len = (uint32_t)len;
	return t;
}

/* ---- step 1: what changes nothing ---- */

/* The SGR token t only resets colours: 39, 49, 39;49, 49;39. */
static bool colour_reset(const struct oupd *u, const struct otok *t)
{
	const unsigned char *p = otok_bytes(u, t);

	if (t->len == 5)
		return !memcmp(p, "\x1b[39m", 5) || !memcmp(p, "\x1b[49m", 5);
	return t->len == 8 && (!memcmp(p, "\x1b[39;49m", 8) || !memcmp(p, "\x1b[49;39m", 8));
}

static bool is_g0_ascii(const struct oupd *u, const struct otok *t)
{
	return t->kind == TK_ESC && t->len == 3 && t->fin == '(' && otok_bytes(u, t)[2] == 'B';
}

/* Whether the SGR token i can go: the same follows, or it resets colours
 * just before [ESC ( B and] a reset of everything (ESC[m, ESC[0m, ESC[0;…m). */
static bool sgr_useless(const struct otoks *a, size_t i, const struct oupd *u)
{
	const struct otok *t = &a->t[i], *q;
	const unsigned char *b;

	if (i + 1 >= a->n)
		return false;
	q = &a->t[i + 1];
	if (q->kind == TK_CSI && q->len == t->len && !memcmp(otok_bytes(u, q), otok_bytes(u, t), t->len))
		return true;
	if (!colour_reset(u, t))
		return false;
	if (is_g0_ascii(u, q)) {
		if (i + 2 >= a->n)
			return false;
		q = &a->t[i + 2];
	}
	if (q->kind != TK_CSI || q->fin != 'm')
		return false;
	b = otok_bytes(u, q);
	return q->len == 3 || (b[2] == '0' && (b[3] == 'm' || b[3] == ';'));
}

void out_squeeze(struct otoks *a, const struct oupd *u, bool *g0_ascii)
{
	size_t o = 0;

	for (size_t i = 0; i < a->n; i++) {
		const struct otok *t = &a->t[i];

		if (t->kind == TK_ESC && t->len == 3 && t->fin == '(') {
			bool ascii = otok_bytes(u, t)[2] == 'B', same = ascii && *g0_ascii;

			*g0_ascii = ascii;
			if (same)
				continue;
		} else if (t->kind == TK_CSI && t->fin == 'm' && sgr_useless(a, i, u)) {
			continue;
		}
		otoks_keep(a, &o, i);
	}
	a->n = o;
}

/* ---- the whole ---- */

size_t ui_out_shorten(char *buf, size_t n, struct out_term *t)
{
	size_t o = 0;

	upd.b = (unsigned char *)buf;
	upd.an = 0;
	tok_a.n = tok_b.n = 0;
	tokenize(&tok_a, upd.b, n, 0, false);
	out_squeeze(&tok_a, &upd, &t->g0_ascii);
	out_tighten(&tok_a, &tok_b, &upd, t);
	if (t->m.on) {
		out_motion(&tok_b, &upd, t);
		out_sgr(&tok_b, &upd, t->m.sgr_off);
	}
	for (size_t i = 0; i < tok_b.n; i++) {
		const struct otok *k = &tok_b.t[i];

		memmove(buf + o, otok_bytes(&upd, k), k->len);
		o += k->len;
	}
	return o;
}

void ui_out_shorten_free(void)
{
	free(tok_a.t);
	free(tok_b.t);
	free(upd.arena);
	memset(&tok_a, 0, sizeof tok_a);
	memset(&tok_b, 0, sizeof tok_b);
	memset(&upd, 0, sizeof upd);
}
