/*
 * editor.h — the multi-line UTF-8 text editor of the Recommendations
 * screen (DESIGN §4.5): a model (src/editor_buf.c: the text, the cursor,
 * word wrap, undo/redo, the cut line — no curses, unit-tested alone) and
 * a widget (src/editor.c: keys and drawing in a window).
 *
 * The text is a sequence of code points; '\n' separates paragraphs. Only
 * printable characters and '\n' ever enter it. Paragraphs are word-wrapped
 * to the wrap width in cells (wcwidth: a wide character takes two cells
 * and is never split; a word longer than a row is cut). The cursor moves
 * over visual rows: Up/Down keep the column, Home/End go to the ends of
 * the visual row.
 *
 * Undo: every change is recorded; typing coalesces into one step per word
 * (a run of characters, then a run of spaces), so do consecutive
 * Backspaces and Deletes; a cut, a paste or a replacement is one step.
 * A new change clears the redo list.
 */
#ifndef RAPPORTEUR_EDITOR_H
#define RAPPORTEUR_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "keys.h" /* curses types and key codes, for the widget part */

/* ---- the model (editor_buf.c) ---- */

/* One visual row: code points [start, end) drawn from column 0. The row
 * holds the cursor positions [start, next start); the last row of a
 * paragraph also holds the position of its '\n' (or of the end). */
struct ed_row {
	size_t start, end;
	int cells;
};

struct ed_op {
	bool insert;             /* else a deletion */
	size_t pos;              /* where the text was inserted or deleted */
	wchar_t *text;
	size_t len, cap;
	size_t cur_before, cur_after;
	unsigned group;          /* ops of one group are undone together */
};

struct ed_stack {
	struct ed_op *ops;
	size_t n, cap;
};

enum ed_last { ED_LAST_NONE = 0, ED_LAST_TYPE, ED_LAST_BS, ED_LAST_DEL, ED_LAST_CUT };

struct edbuf {
	wchar_t *text;           /* code points, not NUL-terminated */
	size_t len, cap;
	size_t cur;              /* cursor: 0 … len */
	int goal;                /* column kept by Up/Down, -1 when none */
	int width;               /* wrap width in cells (≥ 2) */
	struct ed_row *rows;     /* the wrap layout, recomputed on demand */
	size_t n_rows, cap_rows;
	bool rows_valid;
	bool one_edit;           /* one edit since the layout was valid: */
	size_t edit_pos;         /* where, and how many code points it */
	long edit_delta;         /* inserted (> 0) or deleted (< 0) */
	int rewrapped;           /* rows the last layout wrapped (tests) */
	struct ed_stack undo, redo;
	unsigned group;          /* last undo group number given */
	enum ed_last last;       /* what the last change was (coalescing) */
	wchar_t *clip;           /* the cut line(s) */
	size_t clip_len;
	unsigned long changes;   /* bumped by every change of the text */
};

/* Movements. */
enum ed_move {
	ED_LEFT, ED_RIGHT, ED_UP, ED_DOWN, ED_HOME, ED_END, ED_WORD_LEFT, ED_WORD_RIGHT,
	ED_TOP, ED_BOTTOM,
};

/* Start with utf8 (NULL = empty; control characters other than '\n' are
 * dropped, CR LF becomes LF, a tab becomes a space), the cursor at the end,
 * no undo history. width is the wrap width in cells. */
void ed_init(struct edbuf *b, const char *utf8, int width);
void ed_free(struct edbuf *b);
/* The text as malloc'd UTF-8. */
char *ed_text(const struct edbuf *b);
/* Change the wrap width (clamped to ≥ 2 cells). */
void ed_set_width(struct edbuf *b, int width);
/* Cells of a code point as the editor draws it: wcwidth, or 1 for what
 * has no width of its own (drawn as '?'). */
int ed_cells(wchar_t c);
/* True for a code point the text may hold (printable, or '\n'). */
bool ed_accepts(wchar_t c);

/* Editing; each returns true when the text changed. */
bool ed_insert(struct edbuf *b, wchar_t c);          /* typed character or '\n' */
bool ed_replace_all(struct edbuf *b, const char *utf8); /* one undo step */
bool ed_backspace(struct edbuf *b);
/* Delete from the start of the word before the cursor (C-w, Alt-BS). */
bool ed_delete_word_back(struct edbuf *b);
bool ed_delete(struct edbuf *b);
/* Cut the paragraph under the cursor with its line end; consecutive cuts
 * add to the clip. Paste inserts the clip at the cursor. */
bool ed_cut_line(struct edbuf *b);
bool ed_paste(struct edbuf *b);
bool ed_undo(struct edbuf *b);
bool ed_redo(struct edbuf *b);

/* Move the cursor; true when it moved. */
bool ed_move(struct edbuf *b, enum ed_move m);
/* Move by n visual rows (negative: up), keeping the column. */
bool ed_move_rows(struct edbuf *b, int n);

/* The wrap layout (valid until the next change). */
const struct ed_row *ed_rows(struct edbuf *b, size_t *n);
/* The visual row and column (cells) of the cursor. */
void ed_cursor_at(struct edbuf *b, size_t *row, int *col);

/* ---- the widget (editor.c) ---- */

struct editor {
	struct edbuf buf;
	int y, x, height, width;     /* place in the window; wrap at width - 1 */
	size_t top;                  /* first visual row shown */
	uint64_t *drawn;             /* what each shown row holds (hash) */
	int n_drawn;
	bool full;                   /* repaint every row */
	int rows_painted;            /* by the last editor_draw (tests) */
};

/* What editor_handle did with a key: ED_DONE for every key it took, with
 * ED_CHANGED when the text changed and ED_MOVED when the cursor moved. */
enum ed_result { ED_IGNORED = 0, ED_DONE = 1, ED_CHANGED = 2, ED_MOVED = 4 };

void editor_init(struct editor *e, const char *utf8);
void editor_free(struct editor *e);
/* Place in the window (the text wraps at width - 1, leaving the last
 * column to the cursor); repaints everything at the next draw. */
void editor_place(struct editor *e, int y, int x, int height, int width);
void editor_invalidate(struct editor *e);
/* Editing and movement keys (keys.h codes): arrows, Home/End, PgUp/PgDn,
 * C-a/C-e, word moves (K_WORD_LEFT/RIGHT: Ctrl-Left/Right, Alt-b/f),
 * BS/Del/C-d, Enter, C-k cut line, C-y paste, C-z or C-_ undo, C-r redo,
 * printable characters. Bits of enum ed_result. */
unsigned editor_handle(struct editor *e, int key);
/* Paint the rows whose content changed (all after place/invalidate) with
 * attr and leave the window cursor at the editing position. */
void editor_draw(struct editor *e, WINDOW *w, attr_t attr);

/* editor_term.c: at the next update, the terminal rows top … bottom
 * (screen rows) are brought to what curses will show with insert/delete
 * line and character where the text moved (editor_draw calls it). */
void editor_term_area(int top, int bottom);

#endif
