/*
 * editor.c — the text editor widget (editor.h): keys to model operations
 * (src/editor_buf.c) and drawing in a window.
 *
 * Drawing keeps, for every shown row, a hash of what it holds; a draw
 * paints only the rows whose wrapped content changed (every row after a
 * scroll, a placement or an invalidation) and curses sends only the
 * cells that differ. Typing a character near the end of a paragraph thus
 * repaints one row and sends that character and little else; a word that
 * moves to the next row repaints the two rows concerned.
 */
#include "editor.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "widgets.h"

void editor_init(struct editor *e, const char *utf8)
{
	memset(e, 0, sizeof *e);
	ed_init(&e->buf, utf8, 78);
	e->full = true;
}

void editor_free(struct editor *e)
{
	ed_free(&e->buf);
	free(e->drawn);
	memset(e, 0, sizeof *e);
}

void editor_place(struct editor *e, int y, int x, int height, int width)
{
	e->y = y;
	e->x = x;
	e->height = height > 0 ? height : 0;
	e->width = width > 2 ? width : 3;
	ed_set_width(&e->buf, e->width - 1);
	free(e->drawn);
	e->drawn = xcalloc((size_t)e->height + 1, sizeof *e->drawn);
	e->n_drawn = e->height;
	e->full = true;
}

void editor_invalidate(struct editor *e)
{
	e->full = true;
}

unsigned editor_handle(struct editor *e, int key)
{
	struct edbuf *b = &e->buf;
	size_t old = b->cur;
	bool changed = false;
	int page = e->height > 2 ? e->height - 1 : 1;

	switch (key) {
	case K_LEFT:
		ed_move(b, ED_LEFT);
		break;
	case K_RIGHT:
		ed_move(b, ED_RIGHT);
		break;
	case K_UP:
		ed_move(b, ED_UP);
		break;
	case K_DOWN:
		ed_move(b, ED_DOWN);
		break;
	case K_HOME:
	case K_CTRL('a'):
		ed_move(b, ED_HOME);
		break;
	case K_END:
	case K_CTRL('e'):
		ed_move(b, ED_END);
		break;
	case K_PGUP:
		ed_move_rows(b, -page);
		break;
	case K_PGDN:
		ed_move_rows(b, page);
		break;
	case K_WORD_LEFT:
		ed_move(b, ED_WORD_LEFT);
		break;
	case K_WORD_RIGHT:
		ed_move(b, ED_WORD_RIGHT);
		break;
	case K_BS:
		changed = ed_backspace(b);
		break;
	case K_CTRL('w'):
	case K_WORD_BS:
		changed = ed_delete_word_back(b);
		break;
	case K_DEL:
	case K_CTRL('d'):
		changed = ed_delete(b);
		break;
	case K_ENTER:
		changed = ed_insert(b, '\n');
		break;
	case K_CTRL('k'):
		changed = ed_cut_line(b);
		break;
	case K_CTRL('y'):
		changed = ed_paste(b);
		break;
	case K_CTRL('z'):
	case K_CTRL('_'):
		changed = ed_undo(b);
		break;
	case K_CTRL('r'):
		changed = ed_redo(b);
		break;
	default:
		if (key < 0x20 || key >= K_FN_BASE || !ed_accepts((wchar_t)key))
			return ED_IGNORED;
		changed = ed_insert(b, (wchar_t)key);
	}
	return ED_DONE | (changed ? ED_CHANGED : 0) | (b->cur != old ? ED_MOVED : 0);
}

/* FNV-1a over a row's code points, mixed with attr. */
static uint64_t row_hash(const wchar_t *s, size_t n, attr_t attr)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (uint64_t)(uint32_t)s[i];
		h *= 1099511628211ULL;
	}
	h ^= (uint64_t)attr << 1;
	return h | 2; /* never 0 (nothing drawn) nor 1 (a row past the text) */
}

static void paint_row(struct editor *e, WINDOW *w, int y, const wchar_t *s, size_t n,
		      attr_t attr)
{
	bool utf8 = widget_utf8_locale();
	int cells = 0;

	wattrset(w, attr);
	wmove(w, y, e->x);
	for (size_t i = 0; i < n && cells < e->width; i++) {
		int wd = ed_cells(s[i]);

		if (cells + wd > e->width)
			break;
		if (s[i] < 0x80) {
			waddch(w, (chtype)s[i]);
		} else if (!utf8 || wcwidth(s[i]) < 1) {
			waddch(w, '?');
			wd = 1;
		} else {
			wchar_t wc[2] = { s[i], 0 };

			waddnwstr(w, wc, 1);
		}
		cells += wd;
	}
	for (; cells < e->width; cells++)
		waddch(w, ' ');
	e->rows_painted++;
}

void editor_draw(struct editor *e, WINDOW *w, attr_t attr)
{
	struct edbuf *b = &e->buf;
	size_t n, crow, old_top = e->top;
	const struct ed_row *rows;
	int ccol;

	e->rows_painted = 0;
	if (e->height <= 0)
		return;
	ed_cursor_at(b, &crow, &ccol);
	rows = ed_rows(b, &n);
	if (crow < e->top)
		e->top = crow;
	if (crow >= e->top + (size_t)e->height)
		e->top = crow - (size_t)e->height + 1;
	if (e->top > 0 && e->top + (size_t)e->height > n)
		e->top = n > (size_t)e->height ? n - (size_t)e->height : 0;
	if (e->top != old_top)
		e->full = true;
	for (int i = 0; i < e->height; i++) {
		size_t r = e->top + (size_t)i;
		uint64_t h = r < n ? row_hash(b->text + rows[r].start, rows[r].end - rows[r].start, attr)
				   : 1;

		if (!e->full && e->drawn[i] == h)
			continue;
		if (r < n) {
			paint_row(e, w, e->y + i, b->text + rows[r].start, rows[r].end - rows[r].start,
				  attr);
		} else {
			widget_blank(w, e->y + i, e->x, e->width, attr);
			e->rows_painted++;
		}
		e->drawn[i] = h;
	}
	e->full = false;
	if (e->rows_painted > 0)
		editor_term_area(getbegy(w) + e->y, getbegy(w) + e->y + e->height - 1);
	wmove(w, e->y + (int)(crow - e->top), e->x + (ccol < e->width ? ccol : e->width - 1));
}
