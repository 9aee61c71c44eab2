/*
 * editor_layout.c — the editor model's word-wrap layout in cells (wcwidth:
 * wide characters take two cells and are never split) and the cursor
 * moves over it: visual rows for Up/Down/Home/End, words for the word
 * moves (editor.h). No curses here.
 *
 * The layout is recomputed on demand after a change (rows_valid): a pass
 * over the text, cheap for the few kilobytes of a recommendation.
 */
#include "editor.h"

#include <stdlib.h>

#include "util.h"

/* ---- layout ---- */

static void add_row(struct edbuf *b, size_t start, size_t end, int cells)
{
	if (b->n_rows == b->cap_rows) {
		b->cap_rows = b->cap_rows ? 2 * b->cap_rows : 64;
		b->rows = xrealloc(b->rows, b->cap_rows * sizeof *b->rows);
	}
	b->rows[b->n_rows].start = start;
	b->rows[b->n_rows].end = end;
	b->rows[b->n_rows].cells = cells;
	b->n_rows++;
}

/* Wrap one paragraph [s, pe) into rows: break after the last space that
 * fits; a space that overflows hangs at the end of its row (in the spare
 * column); a word longer than the row is cut. */
static void layout_paragraph(struct edbuf *b, size_t s, size_t pe)
{
	for (;;) {
		size_t j = s, brk = 0;
		int cells = 0, brk_cells = 0;

		while (j < pe) {
			int w = ed_cells(b->text[j]);

			if (cells + w > b->width)
				break;
			cells += w;
			j++;
			if (b->text[j - 1] == ' ') {
				brk = j;
				brk_cells = cells;
			}
		}
		if (j >= pe) {
			add_row(b, s, pe, cells);
			return;
		}
		if (b->text[j] == ' ') {
			add_row(b, s, j + 1, cells + 1);
			s = j + 1;
		} else if (brk > s) {
			add_row(b, s, brk, brk_cells);
			s = brk;
		} else {
			if (j == s)
				j++, cells = ed_cells(b->text[s]);
			add_row(b, s, j, cells);
			s = j;
		}
	}
}

static void layout(struct edbuf *b)
{
	size_t i = 0;

	if (b->rows_valid)
		return;
	b->n_rows = 0;
	for (;;) {
		size_t pe = i;

		while (pe < b->len && b->text[pe] != '\n')
			pe++;
		layout_paragraph(b, i, pe);
		if (pe >= b->len)
			break;
		i = pe + 1;
	}
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
