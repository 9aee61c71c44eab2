/*
 * recs_diff.c — the word-level diff of two versions of a recommendation's
 * text, for the history view (recs.h: recs_diff_words).
 *
 * A text is cut into tokens: a word (bytes other than space, tab, CR, LF)
 * followed by its gap (the white space after it); a text that starts with
 * white space begins with a token whose word is empty. Since the cut is
 * made only at ASCII bytes, no UTF-8 sequence is ever split.
 *
 * The common head and tail tokens are cut first (an amendment usually
 * changes a few words in the middle). On the rest, a longest common
 * subsequence of words: the lengths are kept for two rows only, and the
 * choices as 2 bits per cell, so at most RECS_DIFF_MAX_WORDS² / 4 bytes
 * (1 MB) are used. Two matched words whose gaps differ give an equal word
 * then a changed gap, so the runs always rebuild both texts exactly.
 */
#include "recs.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct tok {
	const char *p;      /* word at p[0..wlen), gap at p[wlen..wlen+glen) */
	size_t wlen, glen;
};

static bool is_gap(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The token starting at p (< end); returns where the next one starts. */
static const char *tok_next(const char *p, const char *end, struct tok *t)
{
	const char *w = p, *g;

	while (w < end && !is_gap(*w))
		w++;
	for (g = w; g < end && is_gap(*g); g++)
		;
	t->p = p;
	t->wlen = (size_t)(w - p);
	t->glen = (size_t)(g - w);
	return g;
}

/* The token ending at end (> start, start being a token boundary);
 * returns where it starts. */
static const char *tok_prev(const char *start, const char *end, struct tok *t)
{
	const char *g = end, *w;

	while (g > start && is_gap(g[-1]))
		g--;
	for (w = g; w > start && !is_gap(w[-1]); w--)
		;
	t->p = w;
	t->wlen = (size_t)(g - w);
	t->glen = (size_t)(end - g);
	return w;
}

static bool tok_same(const struct tok *x, const struct tok *y)
{
	return x->wlen == y->wlen && x->glen == y->glen &&
	       memcmp(x->p, y->p, x->wlen + x->glen) == 0;
}

static bool word_same(const struct tok *x, const struct tok *y)
{
	return x->wlen == y->wlen && memcmp(x->p, y->p, x->wlen) == 0;
}

/* Tokens of [p, end) into a malloc'd array; NULL with *n = max + 1 when
 * there are more than max. */
static struct tok *tokenize(const char *p, const char *end, size_t max, size_t *n)
{
	struct tok t, *v;
	size_t count = 0;

	for (const char *s = p; s < end && count <= max; count++)
		s = tok_next(s, end, &t);
	*n = count;
	if (count > max)
		return NULL;
	v = xcalloc(count ? count : 1, sizeof *v);
	for (size_t i = 0; p < end; i++)
		p = tok_next(p, end, &v[i]);
	return v;
}

/* ---- building the runs ---- */

struct emitter {
	struct diff_op *ops;
	size_t n, cap;
	const char *del, *ins;     /* the pending changed stretch */
	size_t del_len, ins_len;
};

static void push(struct emitter *e, enum diff_kind kind, const char *p, size_t len)
{
	struct diff_op *last = e->n ? &e->ops[e->n - 1] : NULL;

	if (!len)
		return;
	if (last && last->kind == kind && last->text + last->len == p) {
		last->len += len;
		return;
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 16;
		e->ops = xrealloc(e->ops, e->cap * sizeof *e->ops);
	}
	e->ops[e->n++] = (struct diff_op){ kind, p, len };
}

/* Close the changed stretch: its delete, then its insert. White space
 * that both end with is given back to the equal run that follows (it is
 * the gap before that run in both texts), so that "des " → "de tous les "
 * shows as -des +de tous les, then the space. Returns that length. */
static size_t flush(struct emitter *e)
{
	size_t k = 0;

	while (k < e->del_len && k < e->ins_len && is_gap(e->del[e->del_len - 1 - k]) &&
	       e->del[e->del_len - 1 - k] == e->ins[e->ins_len - 1 - k])
		k++;
	push(e, DIFF_DELETE, e->del, e->del_len - k);
	push(e, DIFF_INSERT, e->ins, e->ins_len - k);
	e->del_len = e->ins_len = 0;
	return k;
}

/* An equal run at p (in a). What flush gives back lies just before p. */
static void em_equal(struct emitter *e, const char *p, size_t len)
{
	size_t k;

	if (!len)
		return;
	k = flush(e);
	push(e, DIFF_EQUAL, p - k, len + k);
}

/* Deleted (or inserted) bytes of one stretch are contiguous in a (or b). */
static void em_delete(struct emitter *e, const char *p, size_t len)
{
	if (!len)
		return;
	if (!e->del_len)
		e->del = p;
	assert(e->del + e->del_len == p);
	e->del_len += len;
}

static void em_insert(struct emitter *e, const char *p, size_t len)
{
	if (!len)
		return;
	if (!e->ins_len)
		e->ins = p;
	assert(e->ins + e->ins_len == p);
	e->ins_len += len;
}

/* ---- the longest common subsequence of words ---- */

enum { D_MATCH = 1, D_DELETE = 2, D_INSERT = 3 };

static unsigned dir_get(const uint8_t *bits, size_t cell)
{
	return (bits[cell / 4] >> (2 * (cell % 4))) & 3u;
}

static void dir_set(uint8_t *bits, size_t cell, unsigned d)
{
	bits[cell / 4] |= (uint8_t)(d << (2 * (cell % 4)));
}

/* The choices of an LCS of A[0..n) and B[0..m), computed from the end so
 * that the walk goes forward: 2 bits per cell, malloc'd. */
static uint8_t *lcs_choices(const struct tok *A, size_t n, const struct tok *B, size_t m)
{
	uint8_t *bits = xcalloc(n * m / 4 + 1, 1);
	uint16_t *next = xcalloc(m + 1, sizeof *next), *cur = xcalloc(m + 1, sizeof *cur), *t;

	for (size_t i = n; i-- > 0;) {
		cur[m] = 0;
		for (size_t j = m; j-- > 0;) {
			size_t cell = i * m + j;

			if (word_same(&A[i], &B[j])) {
				cur[j] = (uint16_t)(next[j + 1] + 1);
				dir_set(bits, cell, D_MATCH);
			} else if (next[j] >= cur[j + 1]) {
				cur[j] = next[j];
				dir_set(bits, cell, D_DELETE);
			} else {
				cur[j] = cur[j + 1];
				dir_set(bits, cell, D_INSERT);
			}
		}
		t = next;
		next = cur;
		cur = t;
	}
	free(next);
	free(cur);
	return bits;
}

static void lcs_walk(struct emitter *e, const struct tok *A, size_t n, const struct tok *B,
		     size_t m, const uint8_t *bits)
{
	size_t i = 0, j = 0;

	while (i < n || j < m) {
		unsigned d = i == n ? D_INSERT : j == m ? D_DELETE : dir_get(bits, i * m + j);

		if (d == D_MATCH) {
			em_equal(e, A[i].p, A[i].wlen);
			if (A[i].glen == B[j].glen &&
			    memcmp(A[i].p + A[i].wlen, B[j].p + B[j].wlen, A[i].glen) == 0) {
				em_equal(e, A[i].p + A[i].wlen, A[i].glen);
			} else {
				em_delete(e, A[i].p + A[i].wlen, A[i].glen);
				em_insert(e, B[j].p + B[j].wlen, B[j].glen);
			}
			i++;
			j++;
		} else if (d == D_DELETE) {
			em_delete(e, A[i].p, A[i].wlen + A[i].glen);
			i++;
		} else {
			em_insert(e, B[j].p, B[j].wlen + B[j].glen);
			j++;
		}
	}
}

int recs_diff_words(const char *a, const char *b, struct diff_op **ops, size_t *n)
{
	const char *ae, *be, *pa, *pb, *ea, *eb;
	struct emitter e = { 0 };
	struct tok ta, tb, *A, *B;
	size_t na, nb;
	int fallback = 0;

	a = a ? a : "";
	b = b ? b : "";
	ae = a + strlen(a);
	be = b + strlen(b);
	/* Common head, then common tail, in whole tokens. */
	for (pa = a, pb = b; pa < ae && pb < be;) {
		const char *na_ = tok_next(pa, ae, &ta), *nb_ = tok_next(pb, be, &tb);

		if (!tok_same(&ta, &tb))
			break;
		pa = na_;
		pb = nb_;
	}
	for (ea = ae, eb = be; ea > pa && eb > pb; ea = ta.p, eb = tb.p) {
		tok_prev(pa, ea, &ta);
		tok_prev(pb, eb, &tb);
		if (!tok_same(&ta, &tb))
			break;
	}
	em_equal(&e, a, (size_t)(pa - a));
	A = tokenize(pa, ea, RECS_DIFF_MAX_WORDS, &na);
	B = A ? tokenize(pb, eb, RECS_DIFF_MAX_WORDS, &nb) : NULL;
	if (A && B) {
		uint8_t *bits = lcs_choices(A, na, B, nb);

		lcs_walk(&e, A, na, B, nb, bits);
		free(bits);
	} else {
		em_delete(&e, pa, (size_t)(ea - pa));
		em_insert(&e, pb, (size_t)(eb - pb));
		fallback = 1;
	}
	free(A);
	free(B);
	em_equal(&e, ea, (size_t)(ae - ea));
	if (e.del_len || e.ins_len) {
		const char *end = e.del + e.del_len;
		size_t k = flush(&e);

		push(&e, DIFF_EQUAL, end - k, k);
	}
	*ops = e.ops;
	*n = e.n;
	return fallback;
}
