/*
 * test_editor.c — cmocka tests of the text editor's model (src/editor_buf.c,
 * editor.h), without curses: loading and saving UTF-8 (accents, wide
 * characters, CR LF, control characters), insertion and deletion of
 * multi-byte characters, word wrap at a width with wide characters and
 * hanging spaces, cursor moves across wrapped rows (Up/Down keep the
 * column, Home/End of a visual row), word moves, cut and paste of a line,
 * and undo/redo sequences (typing by word, runs of Backspace, a cut, a
 * replacement, redo cleared by a new change); the layout after an edit
 * wrapped again only from the edit to where rows start as before, always
 * the same as wrapping the whole text (random edits); and the widget (src/editor.c)
 * on a curses screen written to /dev/null: a draw repaints only the rows
 * whose wrapped content changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "editor.h"

/* Type a UTF-8 string character by character ('\n' is Enter). */
static void type(struct edbuf *b, const char *s)
{
	mbstate_t st;
	size_t n = strlen(s);

	memset(&st, 0, sizeof st);
	while (n > 0) {
		wchar_t c;
		size_t used = mbrtowc(&c, s, n, &st);

		assert_true(used > 0 && used <= n);
		ed_insert(b, c);
		s += used;
		n -= used;
	}
}

static void assert_text(struct edbuf *b, const char *want)
{
	char *got = ed_text(b);

	assert_string_equal(got, want);
	free(got);
}

/* Row i as UTF-8 (for layout checks). */
static char *row_text(struct edbuf *b, size_t i)
{
	size_t n;
	const struct ed_row *rows = ed_rows(b, &n);
	struct edbuf tmp;
	char *out;

	assert_true(i < n);
	ed_init(&tmp, NULL, 10);
	for (size_t k = rows[i].start; k < rows[i].end; k++)
		ed_insert(&tmp, b->text[k]);
	out = ed_text(&tmp);
	ed_free(&tmp);
	return out;
}

static void assert_row(struct edbuf *b, size_t i, const char *want)
{
	char *got = row_text(b, i);

	assert_string_equal(got, want);
	free(got);
}

static void assert_cursor(struct edbuf *b, size_t row, int col)
{
	size_t r;
	int c;

	ed_cursor_at(b, &r, &c);
	assert_int_equal(r, row);
	assert_int_equal(c, col);
}

static void test_load_save(void **state)
{
	struct edbuf b;

	(void)state;
	ed_init(&b, "Les États\r\nmembres\tadoptent\x01 日本", 40);
	assert_text(&b, "Les États\nmembres adoptent 日本");
	assert_int_equal(b.len, 29);
	assert_int_equal(b.cur, b.len);
	ed_free(&b);
	ed_init(&b, "a\xff" "b\x1b[31m", 40); /* invalid byte and an escape sequence */
	assert_text(&b, "ab[31m");
	ed_free(&b);
	ed_init(&b, NULL, 40);
	assert_text(&b, "");
	assert_false(ed_backspace(&b));
	assert_false(ed_delete(&b));
	ed_free(&b);
}

static void test_insert_delete_multibyte(void **state)
{
	struct edbuf b;

	(void)state;
	ed_init(&b, "Etat", 40);
	ed_move(&b, ED_TOP);
	assert_true(ed_delete(&b));
	type(&b, "É");
	assert_text(&b, "État");
	ed_move(&b, ED_BOTTOM);
	type(&b, "s membres — 日本");
	assert_text(&b, "États membres — 日本");
	assert_true(ed_backspace(&b)); /* one character, not one byte */
	assert_text(&b, "États membres — 日");
	ed_move(&b, ED_TOP);
	ed_move(&b, ED_RIGHT);
	assert_true(ed_backspace(&b));
	assert_text(&b, "tats membres — 日");
	assert_false(ed_insert(&b, 0x07)); /* control characters never enter */
	assert_false(ed_insert(&b, 0x9B));
	assert_false(ed_insert(&b, '\t'));
	assert_text(&b, "tats membres — 日");
	ed_move(&b, ED_BOTTOM);
	assert_false(ed_delete(&b));
	ed_free(&b);
}

static void test_wrap_words(void **state)
{
	struct edbuf b;
	size_t n;

	(void)state;
	/* "aaa bbb" fills 7 cells; the following space hangs. */
	ed_init(&b, "aaa bbb ccc dd", 7);
	ed_rows(&b, &n);
	assert_int_equal(n, 2);
	assert_row(&b, 0, "aaa bbb ");
	assert_row(&b, 1, "ccc dd");
	/* Narrower: break after the last space that fits. */
	ed_set_width(&b, 5);
	ed_rows(&b, &n);
	assert_int_equal(n, 4);
	assert_row(&b, 0, "aaa ");
	assert_row(&b, 1, "bbb ");
	assert_row(&b, 2, "ccc ");
	assert_row(&b, 3, "dd");
	/* A word longer than the row is cut. */
	ed_replace_all(&b, "abcdefghijkl");
	ed_rows(&b, &n);
	assert_int_equal(n, 3);
	assert_row(&b, 0, "abcde");
	assert_row(&b, 2, "kl");
	/* Paragraphs, an empty one, and a text ending with a line end. */
	ed_replace_all(&b, "ab\n\ncd\n");
	ed_rows(&b, &n);
	assert_int_equal(n, 4);
	assert_row(&b, 1, "");
	assert_row(&b, 2, "cd");
	assert_row(&b, 3, "");
	assert_cursor(&b, 3, 0);
	ed_free(&b);
}

static void test_wrap_wide(void **state)
{
	struct edbuf b;
	const struct ed_row *rows;
	size_t n;

	(void)state;
	/* Two cells each: never split, never over the width. */
	ed_init(&b, "日本語テキスト", 5);
	rows = ed_rows(&b, &n);
	assert_int_equal(n, 4);
	assert_row(&b, 0, "日本");
	assert_row(&b, 3, "ト");
	for (size_t i = 0; i < n; i++)
		assert_true(rows[i].cells <= 5);
	assert_cursor(&b, 3, 2);
	/* A wide word after a space goes whole to the next row. */
	ed_replace_all(&b, "ab 日本語");
	ed_set_width(&b, 4);
	ed_rows(&b, &n);
	assert_int_equal(n, 3);
	assert_row(&b, 0, "ab ");
	assert_row(&b, 1, "日本");
	assert_row(&b, 2, "語");
	/* Accented letters are one cell. */
	ed_replace_all(&b, "été été");
	ed_set_width(&b, 3);
	ed_rows(&b, &n);
	assert_int_equal(n, 2);
	assert_row(&b, 0, "été ");
	ed_free(&b);
}

static void test_cursor_rows(void **state)
{
	struct edbuf b;

	(void)state;
	/* Rows: "aaa bbb " / "ccc dd" at width 7. */
	ed_init(&b, "aaa bbb ccc dd", 7);
	assert_cursor(&b, 1, 6);
	assert_true(ed_move(&b, ED_UP));
	assert_cursor(&b, 0, 6);
	assert_int_equal(b.cur, 6);
	assert_true(ed_move(&b, ED_END)); /* before the hanging space */
	assert_cursor(&b, 0, 7);
	assert_true(ed_move(&b, ED_RIGHT)); /* past it: the next row */
	assert_cursor(&b, 1, 0);
	assert_true(ed_move(&b, ED_END));
	assert_cursor(&b, 1, 6);
	assert_true(ed_move(&b, ED_HOME));
	assert_int_equal(b.cur, 8);
	assert_true(ed_move(&b, ED_LEFT)); /* back over the row boundary */
	assert_cursor(&b, 0, 7);
	/* Up/Down keep the column across a shorter row. */
	ed_replace_all(&b, "abcdef\nab\nabcdef");
	ed_move(&b, ED_TOP);
	ed_move(&b, ED_END);
	assert_cursor(&b, 0, 6);
	ed_move(&b, ED_DOWN);
	assert_cursor(&b, 1, 2);
	ed_move(&b, ED_DOWN);
	assert_cursor(&b, 2, 6);
	ed_move(&b, ED_HOME);
	assert_true(ed_move(&b, ED_DOWN)); /* Down on the last row: its end */
	assert_cursor(&b, 2, 6);
	assert_false(ed_move(&b, ED_DOWN));
	ed_move(&b, ED_TOP);
	assert_false(ed_move(&b, ED_UP));
	/* Wide characters: the column lands before a character it would split. */
	ed_replace_all(&b, "abc\n日本語");
	ed_move(&b, ED_TOP);
	ed_move(&b, ED_RIGHT);
	ed_move(&b, ED_RIGHT);
	ed_move(&b, ED_RIGHT);
	ed_move(&b, ED_DOWN);
	assert_cursor(&b, 1, 2);
	assert_true(ed_move_rows(&b, -5)); /* back to the column it came from */
	assert_cursor(&b, 0, 3);
	ed_free(&b);
}

static void test_word_moves(void **state)
{
	struct edbuf b;
	const size_t stops[] = { 3, 9, 17, 20, 27 };

	(void)state;
	ed_init(&b, "Les États membres, l'avenir", 80);
	ed_move(&b, ED_TOP);
	for (size_t i = 0; i < 5; i++) {
		assert_true(ed_move(&b, ED_WORD_RIGHT));
		assert_int_equal(b.cur, stops[i]);
	}
	assert_false(ed_move(&b, ED_WORD_RIGHT));
	assert_true(ed_move(&b, ED_WORD_LEFT));
	assert_int_equal(b.cur, 21);
	assert_true(ed_move(&b, ED_WORD_LEFT));
	assert_int_equal(b.cur, 19);
	assert_true(ed_move(&b, ED_WORD_LEFT));
	assert_int_equal(b.cur, 10);
	ed_move(&b, ED_WORD_LEFT);
	ed_move(&b, ED_WORD_LEFT);
	assert_int_equal(b.cur, 0);
	assert_false(ed_move(&b, ED_WORD_LEFT));
	ed_free(&b);
}

static void test_cut_paste(void **state)
{
	struct edbuf b;

	(void)state;
	ed_init(&b, "un\ndeux\ntrois", 80);
	ed_move(&b, ED_TOP);
	ed_move(&b, ED_DOWN);
	ed_move(&b, ED_RIGHT);
	assert_true(ed_cut_line(&b));
	assert_text(&b, "un\ntrois");
	assert_int_equal(b.cur, 3);
	ed_move(&b, ED_TOP);
	assert_true(ed_paste(&b));
	assert_text(&b, "deux\nun\ntrois");
	assert_true(ed_paste(&b)); /* the clip stays */
	assert_text(&b, "deux\ndeux\nun\ntrois");
	/* Consecutive cuts add up, and are undone together. */
	ed_replace_all(&b, "un\ndeux\ntrois");
	ed_move(&b, ED_TOP);
	ed_move(&b, ED_DOWN);
	ed_cut_line(&b);
	ed_cut_line(&b); /* the last line: with the line end before it */
	assert_text(&b, "un");
	assert_int_equal(b.cur, 0);
	ed_move(&b, ED_BOTTOM);
	ed_insert(&b, '\n');
	ed_paste(&b);
	assert_text(&b, "un\ndeux\ntrois\n");
	ed_undo(&b);
	ed_undo(&b);
	assert_text(&b, "un");
	ed_undo(&b);
	assert_text(&b, "un\ndeux\ntrois");
	/* The only paragraph. */
	ed_replace_all(&b, "seul");
	assert_true(ed_cut_line(&b));
	assert_text(&b, "");
	assert_false(ed_cut_line(&b));
	ed_paste(&b);
	assert_text(&b, "seul");
	ed_free(&b);
}

static void test_undo_redo(void **state)
{
	struct edbuf b;

	(void)state;
	ed_init(&b, NULL, 80);
	assert_false(ed_undo(&b));
	type(&b, "Les États");
	assert_true(ed_undo(&b)); /* a word at a time */
	assert_text(&b, "Les ");
	assert_int_equal(b.cur, 4);
	assert_true(ed_undo(&b));
	assert_text(&b, "");
	assert_false(ed_undo(&b));
	assert_true(ed_redo(&b));
	assert_text(&b, "Les ");
	assert_true(ed_redo(&b));
	assert_text(&b, "Les États");
	assert_int_equal(b.cur, 9);
	assert_false(ed_redo(&b));
	/* Backspaces in a row are one step; a new change clears redo. */
	type(&b, " membres");
	ed_backspace(&b);
	ed_backspace(&b);
	ed_backspace(&b);
	assert_text(&b, "Les États memb");
	ed_undo(&b);
	assert_text(&b, "Les États membres");
	ed_undo(&b);
	assert_text(&b, "Les États ");
	ed_insert(&b, 'x');
	assert_false(ed_redo(&b));
	/* A move ends the step; Enter is a step of its own. */
	ed_replace_all(&b, "ab");
	ed_move(&b, ED_LEFT);
	type(&b, "X");
	ed_move(&b, ED_RIGHT);
	type(&b, "Y\nZ");
	assert_text(&b, "aXbY\nZ");
	ed_undo(&b);
	assert_text(&b, "aXbY\n");
	ed_undo(&b);
	assert_text(&b, "aXbY");
	ed_undo(&b);
	assert_text(&b, "aXb");
	ed_undo(&b);
	assert_text(&b, "ab");
	assert_int_equal(b.cur, 1);
	/* Delete runs; a replacement is one step. */
	ed_move(&b, ED_TOP);
	ed_delete(&b);
	ed_delete(&b);
	assert_text(&b, "");
	ed_undo(&b);
	assert_text(&b, "ab");
	assert_true(ed_replace_all(&b, "version 2"));
	assert_false(ed_replace_all(&b, "version 2"));
	ed_undo(&b);
	assert_text(&b, "ab");
	ed_redo(&b);
	assert_text(&b, "version 2");
	ed_free(&b);
}

static void test_changes_counter(void **state)
{
	struct edbuf b;
	unsigned long c;

	(void)state;
	ed_init(&b, "abc", 80);
	c = b.changes;
	ed_move(&b, ED_LEFT);
	ed_move(&b, ED_UP);
	assert_int_equal(b.changes, c); /* moves are not changes */
	ed_insert(&b, 'x');
	assert_true(b.changes > c);
	c = b.changes;
	ed_undo(&b);
	assert_true(b.changes > c);
	ed_free(&b);
}

/* The rows of b as they would be wrapped from scratch. */
static void assert_layout_fresh(struct edbuf *b)
{
	char *text = ed_text(b);
	struct edbuf f;
	size_t n, nf;
	const struct ed_row *rows = ed_rows(b, &n), *rf;

	ed_init(&f, text, b->width);
	rf = ed_rows(&f, &nf);
	assert_int_equal(n, nf);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(rows[i].start, rf[i].start);
		assert_int_equal(rows[i].end, rf[i].end);
		assert_int_equal(rows[i].cells, rf[i].cells);
	}
	ed_free(&f);
	free(text);
}

/* Random edits (a fixed seed): after each, the layout wrapped again from
 * the edit is the one of the whole text. */
static void test_relayout_random(void **state)
{
	static const wchar_t chars[] = L"abcdefghij  \n\u00e9\u6f22.";
	struct edbuf b;

	(void)state;
	srand(16);
	for (int width = 7; width <= 79; width += 36) {
		ed_init(&b, "Les \xc3\x89tats membres de la Commission\nSecond paragraphe.", width);
		for (int k = 0; k < 3000; k++) {
			int op = rand() % 16;

			if (op < 8)
				ed_insert(&b, chars[rand() % (int)(sizeof chars / sizeof *chars - 1)]);
			else if (op == 8)
				ed_backspace(&b);
			else if (op == 9)
				ed_delete(&b);
			else if (op == 10)
				ed_move(&b, (enum ed_move)(rand() % (ED_BOTTOM + 1)));
			else if (op == 11)
				ed_move_rows(&b, rand() % 5 - 2);
			else if (op == 12)
				rand() % 4 ? ed_undo(&b) : ed_redo(&b);
			else if (op == 13)
				rand() % 2 ? ed_cut_line(&b) : ed_paste(&b);
			else if (op == 14)
				ed_delete_word_back(&b);
			else if (b.len > 400)
				ed_replace_all(&b, "Court.");
			assert_layout_fresh(&b);
		}
		ed_free(&b);
	}
}

/* Type s laying out after each character (as the widget draws after each
 * key): the most rows one layout wrapped again. */
static int type_wrapped(struct edbuf *b, const char *s)
{
	int most = 0;

	for (; *s; s++) {
		size_t n;

		ed_insert(b, (wchar_t)(unsigned char)*s);
		ed_rows(b, &n);
		if (b->rewrapped > most)
			most = b->rewrapped;
	}
	return most;
}

/* In a long paragraph (the bench's, at the editor's width 79): a character
 * typed in the middle of a row wraps two rows again (the one before and
 * its own) and no others; one that moves a word down wraps until the rows
 * start as before; Backspace brings it back; Enter in the middle of the
 * text wraps the rest of the paragraph only. The text is right each time. */
static void test_rewrap_rows(void **state)
{
	const char *text =
		"Les \xc3\x89tats membres de la Commission de l'oc\xc3\xa9""an Indien, r\xc3\xa9unis "
		"\xc3\xa0 Port-Louis, reconnaissent que la sant\xc3\xa9 des personnes migrantes est "
		"une condition de la sant\xc3\xa9 publique r\xc3\xa9gionale et conviennent de "
		"renforcer la coop\xc3\xa9ration entre les autorit\xc3\xa9s sanitaires et les "
		"services de l'immigration, notamment par l'\xc3\xa9""change d'informations, la "
		"formation conjointe des agents aux fronti\xc3\xa8res, la pr\xc3\xa9paration aux "
		"\xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s des travailleurs migrants aux soins "
		"essentiels, sans discrimination, dans le respect des l\xc3\xa9gislations "
		"nationales et des engagements internationaux, en particulier du R\xc3\xa8glement "
		"sanitaire international.\nLe Secr\xc3\xa9tariat en rend compte chaque ann\xc3\xa9""e.";
	struct edbuf b;
	size_t n;

	(void)state;
	ed_init(&b, text, 79);
	ed_rows(&b, &n);
	assert_int_equal(n, 10);
	assert_int_equal(b.rewrapped, 10); /* the first layout: all */
	assert_row(&b, 5, "pr\xc3\xa9paration aux \xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s des "
			  "travailleurs migrants aux soins ");
	/* The cursor after "pr\xc3\xa9paration a" (row 5). */
	b.cur = b.rows[5].start + 13;
	assert_int_equal(type_wrapped(&b, "abcdefg"), 2);
	assert_row(&b, 5, "pr\xc3\xa9paration aabcdefgux \xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s des "
			  "travailleurs migrants aux soins ");
	/* "soins" goes down, "nationales et" after it, "sanitaire" after that:
	 * rows 4 to 8, and row 9 starts as before. */
	assert_int_equal(type_wrapped(&b, "h"), 5);
	ed_rows(&b, &n);
	assert_int_equal(n, 10);
	assert_row(&b, 5, "pr\xc3\xa9paration aabcdefghux \xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s "
			  "des travailleurs migrants aux ");
	assert_row(&b, 6, "soins essentiels, sans discrimination, dans le respect des "
			  "l\xc3\xa9gislations ");
	assert_layout_fresh(&b);
	ed_backspace(&b);
	ed_rows(&b, &n);
	assert_row(&b, 5, "pr\xc3\xa9paration aabcdefgux \xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s des "
			  "travailleurs migrants aux soins ");
	assert_layout_fresh(&b);
	for (int i = 0; i < 7; i++) {
		ed_backspace(&b);
		ed_rows(&b, &n);
		assert_true(b.rewrapped <= 2);
	}
	ed_insert(&b, '\n'); /* Enter in the middle of the row */
	ed_rows(&b, &n);
	assert_int_equal(n, 10);
	assert_int_equal(b.rewrapped, 5); /* rows 4 to 8 */
	assert_row(&b, 5, "pr\xc3\xa9paration a");
	assert_row(&b, 6, "ux \xc3\xa9pid\xc3\xa9mies et l'acc\xc3\xa8s des travailleurs migrants "
			  "aux soins essentiels, sans ");
	assert_row(&b, 9, "Le Secr\xc3\xa9tariat en rend compte chaque ann\xc3\xa9""e.");
	assert_layout_fresh(&b);
	ed_backspace(&b); /* joined again */
	assert_text(&b, text);
	assert_layout_fresh(&b);
	ed_free(&b);
}

/* The widget on a curses screen written to /dev/null: a draw repaints
 * only the rows whose wrapped content changed, and leaves the cursor at
 * the editing position. */
static void test_widget_repaint(void **state)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *sc = out && in ? newterm("xterm", out, in) : NULL;
	struct editor e;
	WINDOW *w;
	const char *p;

	(void)state;
	if (!sc) {
		if (out)
			fclose(out);
		if (in)
			fclose(in);
		skip();
	}
	set_term(sc);
	w = newwin(20, 80, 0, 0);
	/* Rows: mot01 … mot13 (78 cells with its space), mot14 … mot20 (41
	 * cells), then the second paragraph. */
	editor_init(&e, "mot01 mot02 mot03 mot04 mot05 mot06 mot07 mot08 mot09 mot10 mot11 mot12 "
			"mot13 mot14 mot15 mot16 mot17 mot18 mot19 mot20\nFin.");
	editor_place(&e, 0, 0, 10, 80);
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 10);
	assert_int_equal(getcury(w), 2);
	assert_int_equal(getcurx(w), 4);
	assert_int_equal(editor_handle(&e, 'x'), ED_DONE | ED_CHANGED | ED_MOVED);
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 1); /* the last row only */
	assert_int_equal(editor_handle(&e, K_UP), ED_DONE | ED_MOVED);
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 0); /* a move paints nothing */
	assert_int_equal(getcury(w), 1);
	assert_int_equal(getcurx(w), 5);
	editor_handle(&e, K_END);
	/* Typing at the end of the first paragraph: one row per character… */
	for (p = " mot21 mot22 mot23 mot24 mot25 mot26 m"; *p; p++) {
		editor_handle(&e, *p);
		editor_draw(&e, w, 0);
		assert_int_equal(e.rows_painted, 1);
	}
	/* …until the word goes to a new row, pushing the next paragraph down. */
	editor_handle(&e, 'o');
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 3);
	editor_handle(&e, 't');
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 1);
	assert_int_equal(getcury(w), 2);
	assert_int_equal(getcurx(w), 3);
	/* Undo of the word: its row and the paragraph below come back. */
	editor_handle(&e, K_CTRL('z'));
	editor_draw(&e, w, 0);
	assert_int_equal(e.rows_painted, 2);
	assert_int_equal(getcury(w), 1);
	assert_int_equal(getcurx(w), 78);
	assert_int_equal(editor_handle(&e, K_F(9)), ED_IGNORED);
	assert_int_equal(editor_handle(&e, K_TAB), ED_IGNORED);
	editor_free(&e);
	delwin(w);
	endwin();
	delscreen(sc);
	fclose(out);
	fclose(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_save),
		cmocka_unit_test(test_insert_delete_multibyte),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_wide),
		cmocka_unit_test(test_cursor_rows),
		cmocka_unit_test(test_word_moves),
		cmocka_unit_test(test_cut_paste),
		cmocka_unit_test(test_undo_redo),
		cmocka_unit_test(test_changes_counter),
		cmocka_unit_test(test_relayout_random),
		cmocka_unit_test(test_rewrap_rows),
		cmocka_unit_test(test_widget_repaint),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
