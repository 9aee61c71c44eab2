/*
 * editor_layout.c — the editor model's word-wrap layout in cells (wcwidth:
 * wide characters take two cells and are never split) and the cursor
 * moves over it: visual rows for Up/Down/Home/End, words for the word
 * moves (editor.h). No curses here.
 *
 * The layout is recomputed on demand after a change (rows_valid). After a
 * single edit only the rows that change are wrapped again: from the row
 * before the edit until a row starts where an old one did; the rows after
 * it only move. Anything else (several edits, a new width) wraps it all.
 */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- layout ---- */

static void reserve_rows(struct edbuf *b, size_t need)
{
	if (need <= b->cap_rows)
		return;
	while (b->cap_rows < need)
		b->cap_rows = b->cap_rows ? 2 * b->cap_rows : 64;
	b->rows = xrealloc(b->rows, b->cap_rows * sizeof *b->rows);
}

static void add_row(struct edbuf *b, size_t start, size_t end, int cells)
{
	reserve_rows(b, b->n_rows + 1);
	b->rows[b->n_rows].start = start;
	b->rows[b->n_rows].end = end;
	b->rows[b->n_rows].cells = cells;
	b->n_rows++;
}

#define NO_ROW ((size_t)-1)

/* The row that starts at s (a row start): *end and *cells set; returns
 * where the next row starts, NO_ROW after the last row of the text. A row
 * breaks after the last space that fits; a space that overflows hangs at
 * the end of its row (in the spare column); a word longer than the row is
 * cut; a paragraph ends its row at its '\n'. The rows from a start depend
 * on nothing before it. */
static size_t next_row(const struct edbuf *b, size_t s, size_t *end, int *cells)
{
	size_t j = s, brk = 0;
	int c = 0, brk_cells = 0;

	while (j < b->len && b->text[j] != '\n') {
		int w = ed_cells(b->text[j]);

		if (c + w > b->width)
			break;
		c += w;
		j++;
		if (b->text[j - 1] == ' ') {
			brk = j;
			brk_cells = c;
		}
	}
	if (j >= b->len || b->text[j] == '\n') {
		*end = j;
		*cells = c;
		return j < b->len ? j + 1 : NO_ROW;
	}
	if (b->text[j] == ' ') {
		*end = j + 1;
		*cells = c + 1;
		return j + 1;
	}
	if (brk > s) {
		*end = brk;
		*cells = brk_cells;
		return brk;
	}
	if (j == s)
		j++, c = ed_cells(b->text[s]);
	*end = j;
	*cells = c;
	return j;
}

static void full_layout(struct edbuf *b)
{
	size_t s = 0;

	b->n_rows = 0;
	for (;;) {
		size_t end, next;
		int cells;

		next = next_row(b, s, &end, &cells);
		add_row(b, s, end, cells);
		if (next == NO_ROW)
			break;
		s = next;
	}
	b->rewrapped = (int)b->n_rows;
}

/* Rows [first, …) become the n new rows, then the old rows from `same`
 * (none if -1) moved by d. */
static void splice(struct edbuf *b, size_t first, const struct ed_row *rows, size_t n, long same,
		   long d)
{
	size_t keep = same < 0 ? 0 : b->n_rows - (size_t)same;

	reserve_rows(b, first + n + keep);
	if (keep)
		memmove(b->rows + first + n, b->rows + same, keep * sizeof *b->rows);
	for (size_t i = first + n; i < first + n + keep; i++) {
		b->rows[i].start = (size_t)((long)b->rows[i].start + d);
		b->rows[i].end = (size_t)((long)b->rows[i].end + d);
	}
	memcpy(b->rows + first, rows, n * sizeof *rows);
	b->n_rows = first + n + keep;
	b->rewrapped = (int)n;
}

/* The old row whose start is `start`, at or after `from`; -1 if none
 * (starts grow strictly). */
static long old_row_at(const struct edbuf *b, size_t from, size_t start)
{
	size_t lo = from, hi = b->n_rows;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->rows[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < b->n_rows && b->rows[lo].start == start ? (long)lo : -1;
}

/* After one edit at p (d > 0: d code points inserted; d < 0: -d deleted)
 * on a valid layout: wrap again from the row before the one holding p
 * (a word may move up to it) until a row starts where an old row after
 * the edit started; the old rows from there move by d. */
static void relayout(struct edbuf *b, size_t p, long d)
{
	size_t lo = 0, hi = b->n_rows, first, s, after = p + (d > 0 ? (size_t)d : 0), n_new = 0;
	struct ed_row *tmp = NULL;
	size_t cap = 0;
	long same = -1;

	while (hi - lo > 1) { /* the last old row starting at or before p */
		size_t mid = (lo + hi) / 2;

		if (b->rows[mid].start <= p)
			lo = mid;
		else
			hi = mid;
	}
	first = lo > 0 ? lo - 1 : 0;
	s = b->rows[first].start;
	for (;;) {
		size_t end, next;
		int cells;

		next = next_row(b, s, &end, &cells);
		if (n_new == cap) {
			cap = cap ? 2 * cap : 8;
			tmp = xrealloc(tmp, cap * sizeof *tmp);
		}
		tmp[n_new++] = (struct ed_row){ s, end, cells };
		if (next == NO_ROW)
			break;
		if (next >= after && (same = old_row_at(b, first, (size_t)((long)next - d))) >= 0)
			break;
		s = next;
	}
	splice(b, first, tmp, n_new, same, d);
	free(tmp);
}

static void layout(struct edbuf *b)
{
	if (b->rows_valid)
		return;
	if (b->one_edit && b->n_rows > 0)
		relayout(b, b->edit_pos, b->edit_delta);
	else
		full_layout(b);
	b->one_edit = false;
	b->rows_valid = true;
}

const struct ed_row *ed_rows(struct edbuf *b, size_t *n)
{
	layout(b);
	*n = b->n_rows;
	return b->rows;
}

/* The row holding cursor position pos: the last row starting at or
 * before it. */
static size_t row_of(struct edbuf *b, size_t pos)
{
	size_t lo = 0, hi;

	layout(b);
	hi = b->n_rows;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (b->rows[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The last cursor position of row r. */
static size_t row_max(struct edbuf *b, size_t r)
{
	return r + 1 < b->n_rows ? b->rows[r + 1].start - 1 : b->len;
}

static int col_of(struct edbuf *b, size_t r, size_t pos)
{
	int col = 0;

	for (size_t i = b->rows[r].start; i < pos; i++)
		col += ed_cells(b->text[i]);
	return col;
}

void ed_cursor_at(struct edbuf *b, size_t *row, int *col)
{
	size_t r = row_of(b, b->cur);

	*row = r;
	*col = col_of(b, r, b->cur);
}

/* ---- movement ---- */

/* Letters, digits and anything beyond ASCII make words; spaces and ASCII
 * punctuation separate them ("l'avenir" is two words, "été" one). */
static bool is_word(wchar_t c)
{
	if (c >= 0x80)
		return true;
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/* Put the cursor on row r at the column `goal` (or the nearest before). */
static void goto_col(struct edbuf *b, size_t r, int goal)
{
	size_t p = b->rows[r].start, max = row_max(b, r);
	int col = 0;

	while (p < max) {
		int w = ed_cells(b->text[p]);

		if (col + w > goal)
			break;
		col += w;
		p++;
	}
	b->cur = p;
}

bool ed_move_rows(struct edbuf *b, int n)
{
	size_t row, old = b->cur, target;
	int col;

	ed_cursor_at(b, &row, &col);
	if (b->goal < 0)
		b->goal = col;
	if (n < 0)
		target = (size_t)-n > row ? 0 : row - (size_t)-n;
	else
		target = row + (size_t)n >= b->n_rows ? b->n_rows - 1 : row + (size_t)n;
	if (target == row) {
		/* Up on the first row goes to its start, Down on the last to its end. */
		b->cur = n < 0 ? b->rows[row].start : row_max(b, row);
		b->goal = -1;
	} else {
		goto_col(b, target, b->goal);
	}
	b->last = ED_LAST_NONE;
	return b->cur != old;
}

bool ed_move(struct edbuf *b, enum ed_move m)
{
	size_t old = b->cur, r;

	if (m == ED_UP || m == ED_DOWN)
		return ed_move_rows(b, m == ED_UP ? -1 : 1);
	b->goal = -1;
	b->last = ED_LAST_NONE;
	switch (m) {
	case ED_LEFT:
		if (b->cur > 0)
			b->cur--;
		break;
	case ED_RIGHT:
		if (b->cur < b->len)
			b->cur++;
		break;
	case ED_HOME:
		r = row_of(b, b->cur);
		b->cur = b->rows[r].start;
		break;
	case ED_END:
		r = row_of(b, b->cur);
		b->cur = row_max(b, r);
		break;
	case ED_WORD_LEFT:
		while (b->cur > 0 && !is_word(b->text[b->cur - 1]))
			b->cur--;
		while (b->cur > 0 && is_word(b->text[b->cur - 1]))
			b->cur--;
		break;
	case ED_WORD_RIGHT:
		while (b->cur < b->len && !is_word(b->text[b->cur]))
			b->cur++;
		while (b->cur < b->len && is_word(b->text[b->cur]))
			b->cur++;
		break;
	case ED_TOP:
		b->cur = 0;
		break;
	case ED_BOTTOM:
		b->cur = b->len;
		break;
	default:
		break;
	}
	return b->cur != old;
}
