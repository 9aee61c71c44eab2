/*
 * editor_term.h — between the two halves of the editor's terminal output
 * (editor.h: editor_term_area): editor_term.c, the terminal's strings, the
 * cursor and the output buffer; editor_rows.c, what one screen row needs
 * (insert or delete characters, the cells that still differ, a clear to
 * the end of the row) and what it costs. Internal to src/tui.
 */
#ifndef RAPPORTEUR_EDITOR_TERM_H
#define RAPPORTEUR_EDITOR_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h" /* curses */

/* The terminal's cursor as our output leaves it; y < 0: not known (after
 * a write into the last column, where the next character wraps). */
struct tpos {
	int y, x;
};

/* The output: bytes for the terminal and where they leave the cursor.
 * With count, only the length is counted (a plan's cost). */
struct tout {
	char *buf;
	size_t len, cap;
	struct tpos at;
	bool kept;       /* a span at the cursor left to curses */
	bool count;
};

/* editor_term.c */
/* Append s (a capability: padding left out). */
void tout_put(struct tout *o, const char *s);
/* Move the cursor to (y, x) the cheapest way. */
void tout_move(struct tout *o, int y, int x);
/* Insert (k > 0) or delete (k < 0) |k| characters at the cursor; NULL
 * when the terminal cannot. */
const char *tout_chars_op(int k);
/* Clear to the end of the row; NULL when the terminal cannot. */
const char *tout_el(void);

/* editor_rows.c */
/* A cell as the screen holds it: one per column, the second column of a
 * wide character marked (cont). */
struct tcell {
	cchar_t c;
	bool cont;
	bool plain;      /* no attribute, no colour: what a clear leaves */
};

/* Row y of win, cols cells. */
void trow_read(WINDOW *win, int y, struct tcell *row, int cols);
/* A hash of row y of win, equal for two rows that trow_read() reads as
 * the same cells (but for collisions); lead holds cols + 1 cells (its
 * scratch). */
uint64_t trow_hash(WINDOW *win, int y, cchar_t *lead, int cols);
/* The cheapest way to make the terminal's row o (screen row y) show w:
 * written into out (or only counted) from out->at; o becomes what the
 * terminal then shows. keep[0] is where curses believes the cursor is,
 * keep[1] where the update leaves it: a span from one to the other on
 * one row (the typed text) is left to curses. Returns false (nothing
 * done) when a cell is not plain, or when only a deletion at the cursor
 * is left (curses makes it itself): curses sends that row. */
bool trow_update(struct tcell *o, const struct tcell *w, int cols, int y, struct tout *out,
		 const struct tpos *keep);
/* Row y of curscr set to cells (curses then sends only what differs). */
void trow_store(int y, const struct tcell *row, int cols);

#endif
