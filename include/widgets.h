/*
 * widgets.h — drawing helpers and reusable widgets for screens: safe text
 * output (UTF-8 with correct widths, control characters escaped, '?' under
 * a non-UTF-8 locale), the list (calcurse's listbox: a selection, scrolling,
 * draw callbacks, repaint of only the rows that changed) and the one-line
 * editor used by prompts. No widget calls refresh.
 */
#ifndef RAPPORTEUR_WIDGETS_H
#define RAPPORTEUR_WIDGETS_H

#include "screen.h"

#include <wchar.h>

/* ---- text ---- */

/* Break UTF-8 text into lines of at most width cells: at each '\n', else
 * after the last space that fits (a word longer than a line is cut).
 * Returns *n malloc'd lines (at least one); free with widget_wrap_free. */
char **widget_wrap(const char *s, int width, int *n);
void widget_wrap_free(char ***v, int n);

/* Draw UTF-8 text at (y, x) in at most width cells with attr; control
 * characters appear as ^X (C0, DEL) or \xNN (C1, invalid bytes); wide
 * characters take two cells and are never cut in half. With pad, the rest
 * of width is filled with blanks of attr. Returns the cells used. */
int widget_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad);
/* The number of cells widget_text would use for s (unbounded). */
int widget_text_width(const char *s);
/* Like widget_text, but a text wider than width ends with "…" ("~" under
 * a non-UTF-8 locale) so that the cut shows. */
int widget_text_fit(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Like widget_text, right-aligned in width cells. */
int widget_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Fill width cells at (y, x) with blanks of attr. */
void widget_blank(WINDOW *w, int y, int x, int width, attr_t attr);
/* Case-insensitive (ASCII) substring test on UTF-8 text. */
bool widget_match(const char *haystack, const char *needle);

/* ---- list ---- */

struct list;
/* Draw row `index` at window row y, columns [x, x + width). The list has
 * already blanked the row; draw with ROLE_* attributes; the selection bar
 * (or the marker in low-bandwidth mode) is applied by the list. */
typedef void (*list_draw_fn)(void *ud, WINDOW *w, int y, int x, int width, int index);
/* The searchable text of row index (may return a static buffer). */
typedef const char *(*list_text_fn)(void *ud, int index);

struct list {
	int count;        /* rows in the model */
	int sel;          /* selected row, -1 when empty */
	int top;          /* first visible row */
	int y, x;         /* where the list starts in the window */
	int height, width;
	list_draw_fn draw_row;
	list_text_fn row_text;
	void *ud;
	/* Repaint bookkeeping: what is on screen now. */
	int drawn_sel, drawn_top;
	bool full;        /* everything must be repainted */
	bool focused;     /* draw the bar (an unfocused list shows no bar) */
	int rows_painted; /* rows painted by the last list_draw (tests) */
	/* Set by a screen whose rows change only with list_invalidate (row
	 * i is the same record until then) and whose list area nothing else
	 * draws on: a move then repaints no row, the window already holds
	 * their text; only the bar moves (issue 16, CPU per key). */
	bool cells_kept;
	int bar_index;    /* the row under the bar, -1: none or not restorable */
	int bar_runs;     /* the row's own attributes under the bar, as runs */
	struct list_run {
		short x, len, pair;
		attr_t attr;
	} bar_run[12];
};

void list_init(struct list *l, list_draw_fn draw, list_text_fn text, void *ud);
/* Place the list in the window. Marks it for a full repaint. */
void list_place(struct list *l, int y, int x, int height, int width);
/* The model changed: new row count (selection kept in range). */
void list_set_count(struct list *l, int count);
/* Select row i (clamped) and scroll it into view. */
void list_select(struct list *l, int i);
/* Movement keys (keys_nav): H_DONE | H_REDRAW when it moved, H_DONE at an
 * edge, H_IGNORED for other keys. */
unsigned list_handle(struct list *l, int key);
/* Paint: every row after list_invalidate/list_place/scroll, otherwise
 * only the rows whose selection state changed. */
void list_draw(struct list *l, WINDOW *w);
void list_invalidate(struct list *l);
/* Select the next (or first, when !next) row from the selection whose text
 * contains needle; false when none. */
bool list_search(struct list *l, const char *needle, bool next);

/* ---- one-line editor ---- */

struct lineedit {
	wchar_t *buf;    /* code points, NUL-terminated */
	int len, cap;    /* in code points */
	int cur;         /* cursor index */
	int scroll;      /* first shown index */
};

void lineedit_init(struct lineedit *e, const char *utf8);
void lineedit_free(struct lineedit *e);
void lineedit_set(struct lineedit *e, const char *utf8);
/* Editing keys (insert, BS, Del, Left/Right, Home/End, C-a, C-e, C-u, C-k,
 * C-w): true when the key was an editing key. */
bool lineedit_handle(struct lineedit *e, int key);
/* The text as malloc'd UTF-8. */
char *lineedit_text(const struct lineedit *e);
/* Draw in width cells at (y, x) and leave the window cursor at the
 * editing position. Only cells that changed differ from the last draw, so
 * curses sends just those. */
void lineedit_draw(struct lineedit *e, WINDOW *w, int y, int x, int width, attr_t attr);

/* UTF-8 helpers shared by the widgets. Decode one code point at s (n bytes
 * available); returns the bytes used (≥ 1), *cp = 0xFFFD on invalid input
 * (and *bad = true). */
int widget_utf8_decode(const char *s, size_t n, unsigned *cp, bool *bad);
/* True when the terminal locale is UTF-8 (wide characters may be drawn). */
bool widget_utf8_locale(void);

#endif
