/*
 * editor_buf.c — the model of the multi-line text editor (editor.h): the
 * text as code points, editing, the cut line and undo/redo. The word-wrap
 * layout and the cursor moves are in editor_layout.c. No curses here: the
 * unit tests drive it directly (tests/unit/test_editor.c).
 *
 * Every change of the text goes through do_insert()/do_delete(), which
 * record it on the undo stack (coalescing typing by word, and runs of
 * Backspace or Delete) and clear the redo stack; undo and redo replay the
 * recorded operations without recording them again.
 */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- UTF-8 ---- */

/* Decode one code point; invalid input yields U+FFFD and one byte. */
static size_t utf8_next(const unsigned char *s, size_t n, wchar_t *out)
{
	unsigned cp;
	size_t len = utf8_decode((const char *)s, n, &cp);

	if (len == 0) {
		*out = 0xFFFD;
		return 1;
	}
	*out = (wchar_t)cp;
	return len;
}

/* utf8 as accepted code points (see ed_init), malloc'd; *n set. */
static wchar_t *decode_text(const char *utf8, size_t *n)
{
	size_t len = utf8 ? strlen(utf8) : 0, i = 0, k = 0;
	wchar_t *out = xmalloc((len + 1) * sizeof *out);

	while (i < len) {
		wchar_t c;

		i += utf8_next((const unsigned char *)utf8 + i, len - i, &c);
		if (c == '\r' && i < len && utf8[i] == '\n')
			continue; /* CR LF: the LF follows */
		if (c == '\t' || c == '\r')
			c = c == '\t' ? ' ' : '\n';
		if (ed_accepts(c))
			out[k++] = c;
	}
	*n = k;
	return out;
}

char *ed_text(const struct edbuf *b)
{
	char *out = xmalloc(b->len * 4 + 1);
	size_t n = 0;

	for (size_t i = 0; i < b->len; i++)
		n += utf8_encode((unsigned)b->text[i], out + n);
	out[n] = '\0';
	return out;
}

int ed_cells(wchar_t c)
{
	int w = wcwidth(c);

	return w < 1 ? 1 : w;
}

bool ed_accepts(wchar_t c)
{
	if (c == '\n')
		return true;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFD)
		return false;
	return true;
}

/* ---- storage ---- */

static void reserve(struct edbuf *b, size_t need)
{
	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap = b->cap ? 2 * b->cap : 256;
	b->text = xrealloc(b->text, b->cap * sizeof *b->text);
}

/* The layout is out of date: by one edit (wrapped again from there) or
 * more (wrapped again whole). */
static void edited(struct edbuf *b, size_t pos, long delta)
{
	b->one_edit = b->rows_valid;
	b->edit_pos = pos;
	b->edit_delta = delta;
	b->rows_valid = false;
	b->changes++;
}

static void raw_insert(struct edbuf *b, size_t pos, const wchar_t *s, size_t n)
{
	reserve(b, b->len + n);
	memmove(b->text + pos + n, b->text + pos, (b->len - pos) * sizeof *b->text);
	memcpy(b->text + pos, s, n * sizeof *s);
	b->len += n;
	edited(b, pos, (long)n);
}

static void raw_delete(struct edbuf *b, size_t pos, size_t n)
{
	memmove(b->text + pos, b->text + pos + n, (b->len - pos - n) * sizeof *b->text);
	b->len -= n;
	edited(b, pos, -(long)n);
}

static void op_free(struct ed_op *op)
{
	free(op->text);
	memset(op, 0, sizeof *op);
}

static void stack_clear(struct ed_stack *s)
{
	for (size_t i = 0; i < s->n; i++)
		op_free(&s->ops[i]);
	s->n = 0;
}

static struct ed_op *stack_push(struct ed_stack *s)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		s->ops = xrealloc(s->ops, s->cap * sizeof *s->ops);
	}
	memset(&s->ops[s->n], 0, sizeof s->ops[s->n]);
	return &s->ops[s->n++];
}

static void op_set_text(struct ed_op *op, const wchar_t *s, size_t n)
{
	op->cap = n ? n : 1;
	op->text = xmalloc(op->cap * sizeof *op->text);
	memcpy(op->text, s, n * sizeof *s);
	op->len = n;
}

/* Grow op's text by n code points at its start (front) or end. */
static void op_extend(struct ed_op *op, const wchar_t *s, size_t n, bool front)
{
	if (op->len + n > op->cap) {
		op->cap = 2 * (op->len + n);
		op->text = xrealloc(op->text, op->cap * sizeof *op->text);
	}
	if (front) {
		memmove(op->text + n, op->text, op->len * sizeof *op->text);
		memcpy(op->text, s, n * sizeof *s);
	} else {
		memcpy(op->text + op->len, s, n * sizeof *s);
	}
	op->len += n;
}

static struct ed_op *record(struct edbuf *b, bool insert, size_t pos, const wchar_t *s, size_t n,
			    size_t before, bool new_group)
{
	struct ed_op *op;

	stack_clear(&b->redo);
	if (new_group || b->group == 0)
		b->group++;
	op = stack_push(&b->undo);
	op->insert = insert;
	op->pos = pos;
	op_set_text(op, s, n);
	op->cur_before = before;
	op->group = b->group;
	return op;
}

/* ---- setup ---- */

void ed_init(struct edbuf *b, const char *utf8, int width)
{
	memset(b, 0, sizeof *b);
	b->text = decode_text(utf8, &b->len);
	b->cap = b->len + 1;
	b->cur = b->len;
	b->goal = -1;
	b->width = width < 2 ? 2 : width;
}

void ed_free(struct edbuf *b)
{
	stack_clear(&b->undo);
	stack_clear(&b->redo);
	free(b->undo.ops);
	free(b->redo.ops);
	free(b->text);
	free(b->rows);
	free(b->clip);
	memset(b, 0, sizeof *b);
}

void ed_set_width(struct edbuf *b, int width)
{
	if (width < 2)
		width = 2;
	if (width != b->width) {
		b->width = width;
		b->rows_valid = false;
		b->one_edit = false;
	}
}

/* ---- editing ---- */

static bool is_space(wchar_t c)
{
	return c == ' ' || c == '\n';
}

bool ed_insert(struct edbuf *b, wchar_t c)
{
	struct ed_op *top = b->undo.n ? &b->undo.ops[b->undo.n - 1] : NULL;
	size_t before = b->cur;

	if (!ed_accepts(c))
		return false;
	raw_insert(b, b->cur, &c, 1);
	b->cur++;
	/* Typing joins the last step while it continues it, up to the end
	 * of a word: a new word (after a space) or a line end starts a step. */
	if (b->last == ED_LAST_TYPE && top && top->insert && top->pos + top->len == before &&
	    c != '\n' && !(is_space(top->text[top->len - 1]) && !is_space(c))) {
		op_extend(top, &c, 1, false);
		top->cur_after = b->cur;
	} else {
		record(b, true, before, &c, 1, before, true)->cur_after = b->cur;
	}
	b->last = ED_LAST_TYPE;
	b->goal = -1;
	return true;
}

/* Insert n code points at the cursor as a step of group `group` (0: a
 * new one). */
static void insert_run(struct edbuf *b, const wchar_t *s, size_t n, bool new_group)
{
	size_t before = b->cur;

	raw_insert(b, b->cur, s, n);
	b->cur += n;
	record(b, true, before, s, n, before, new_group)->cur_after = b->cur;
}

/* Delete [pos, pos + n) as a step; the cursor goes to cur_after. */
static void delete_run(struct edbuf *b, size_t pos, size_t n, size_t cur_after, bool new_group)
{
	size_t before = b->cur;
	struct ed_op *op = record(b, false, pos, b->text + pos, n, before, new_group);

	raw_delete(b, pos, n);
	b->cur = cur_after;
	op->cur_after = cur_after;
}

bool ed_replace_all(struct edbuf *b, const char *utf8)
{
	size_t n;
	wchar_t *s = decode_text(utf8, &n);
	bool same = n == b->len && memcmp(s, b->text, n * sizeof *s) == 0, deleted = false;

	if (!same) {
		b->cur = b->len;
		if (b->len) {
			delete_run(b, 0, b->len, 0, true);
			deleted = true;
		}
		if (n)
			insert_run(b, s, n, !deleted); /* one step with the deletion */
	}
	free(s);
	b->last = ED_LAST_NONE;
	b->goal = -1;
	return !same;
}

bool ed_backspace(struct edbuf *b)
{
	struct ed_op *top = b->undo.n ? &b->undo.ops[b->undo.n - 1] : NULL;

	if (b->cur == 0)
		return false;
	if (b->last == ED_LAST_BS && top && !top->insert && top->pos == b->cur) {
		op_extend(top, &b->text[b->cur - 1], 1, true);
		top->pos--;
		raw_delete(b, b->cur - 1, 1);
		b->cur--;
		top->cur_after = b->cur;
	} else {
		delete_run(b, b->cur - 1, 1, b->cur - 1, true);
	}
	b->last = ED_LAST_BS;
	b->goal = -1;
	return true;
}

bool ed_delete_word_back(struct edbuf *b)
{
	size_t end = b->cur, start;

	if (!ed_move(b, ED_WORD_LEFT))
		return false;
	start = b->cur;
	b->cur = end;
	delete_run(b, start, end - start, start, true);
	b->last = ED_LAST_NONE;
	b->goal = -1;
	return true;
}

bool ed_delete(struct edbuf *b)
{
	struct ed_op *top = b->undo.n ? &b->undo.ops[b->undo.n - 1] : NULL;

	if (b->cur >= b->len)
		return false;
	if (b->last == ED_LAST_DEL && top && !top->insert && top->pos == b->cur) {
		op_extend(top, &b->text[b->cur], 1, false);
		raw_delete(b, b->cur, 1);
	} else {
		delete_run(b, b->cur, 1, b->cur, true);
	}
	b->last = ED_LAST_DEL;
	b->goal = -1;
	return true;
}

static void clip_add(struct edbuf *b, const wchar_t *s, size_t n, bool append)
{
	if (!append)
		b->clip_len = 0;
	b->clip = xrealloc(b->clip, (b->clip_len + n + 1) * sizeof *b->clip);
	memcpy(b->clip + b->clip_len, s, n * sizeof *s);
	b->clip_len += n;
}

bool ed_cut_line(struct edbuf *b)
{
	size_t ps = b->cur, pe = b->cur;
	bool append = b->last == ED_LAST_CUT;
	wchar_t nl = '\n';

	if (b->len == 0)
		return false;
	while (ps > 0 && b->text[ps - 1] != '\n')
		ps--;
	while (pe < b->len && b->text[pe] != '\n')
		pe++;
	if (pe < b->len) {
		/* The paragraph and its line end; the next one moves up. */
		clip_add(b, b->text + ps, pe + 1 - ps, append);
		delete_run(b, ps, pe + 1 - ps, ps, !append);
	} else if (ps > 0) {
		/* The last paragraph: with the line end before it, kept in
		 * the clip as a whole line; the cursor goes up a line. */
		size_t up = ps - 1;

		clip_add(b, b->text + ps, pe - ps, append);
		clip_add(b, &nl, 1, true);
		while (up > 0 && b->text[up - 1] != '\n')
			up--;
		delete_run(b, ps - 1, pe - ps + 1, up, !append);
	} else {
		clip_add(b, b->text, b->len, append);
		delete_run(b, 0, b->len, 0, !append);
	}
	b->last = ED_LAST_CUT;
	b->goal = -1;
	return true;
}

bool ed_paste(struct edbuf *b)
{
	if (!b->clip_len)
		return false;
	insert_run(b, b->clip, b->clip_len, true);
	b->last = ED_LAST_NONE;
	b->goal = -1;
	return true;
}

static void apply(struct edbuf *b, const struct ed_op *op, bool forward)
{
	if (op->insert == forward)
		raw_insert(b, op->pos, op->text, op->len);
	else
		raw_delete(b, op->pos, op->len);
}

/* Move the ops of the top group of `from` to `to`, applying them. */
static bool replay(struct edbuf *b, struct ed_stack *from, struct ed_stack *to, bool forward)
{
	unsigned group;

	if (!from->n)
		return false;
	group = from->ops[from->n - 1].group;
	while (from->n && from->ops[from->n - 1].group == group) {
		struct ed_op *op = &from->ops[--from->n], *dst;

		apply(b, op, forward);
		b->cur = forward ? op->cur_after : op->cur_before;
		if (to->n == to->cap) {
			to->cap = to->cap ? 2 * to->cap : 32;
			to->ops = xrealloc(to->ops, to->cap * sizeof *to->ops);
		}
		dst = &to->ops[to->n++];
		*dst = *op; /* the text moves with it */
		memset(op, 0, sizeof *op);
	}
	if (b->cur > b->len)
		b->cur = b->len;
	b->last = ED_LAST_NONE;
	b->goal = -1;
	return true;
}

bool ed_undo(struct edbuf *b)
{
	return replay(b, &b->undo, &b->redo, false);
}

bool ed_redo(struct edbuf *b)
{
	return replay(b, &b->redo, &b->undo, true);
}
