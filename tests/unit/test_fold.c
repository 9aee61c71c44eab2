/*
 * test_fold.c — cmocka unit tests of src/core/fold.c: the folding of names
 * for matching (case, accents, ligatures, punctuation) and the rank of a
 * match (start of a word, inside a word, none), with the names of the
 * fixtures and the cases a check-in meets (issue 11).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "fold.h"

static void is_folded(const char *in, const char *want)
{
	char out[256];
	char *dup;

	assert_int_equal(fold_text(in, out, sizeof out), strlen(want));
	assert_string_equal(out, want);
	dup = fold_dup(in);
	assert_string_equal(dup, want);
	free(dup);
}

static void test_case_and_accents(void **state)
{
	(void)state;
	is_folded("Joël Esparon", "joel esparon");
	is_folded("ÉSPARON", "esparon");
	is_folded("Carlos Macuácua", "carlos macuacua");
	is_folded("Léa Ravelonjato", "lea ravelonjato");
	is_folded("ÀÁÂÃÄÅ àáâãäå Ç ç ÈÉÊË èéêë ÌÍÎÏ ìíîï Ñ ñ", "aaaaaa aaaaaa c c eeee eeee iiii iiii n n");
	is_folded("ÒÓÔÕÖØ òóôõöø ÙÚÛÜ ùúûü Ý ý ÿ Ÿ", "oooooo oooooo uuuu uuuu y y y y");
	/* Latin Extended-A: Polish, Czech, Turkish, Romanian (cedilla), Hungarian. */
	is_folded("Łukasz Wałęsa", "lukasz walesa");
	is_folded("Dvořák Šťastný Ždánský", "dvorak stastny zdansky");
	is_folded("İstanbul Ağaoğlu Şahin", "istanbul agaoglu sahin");
	is_folded("Ţepeş Ő ő Ű ű Ā ā Ė ė Ğ ğ", "tepes o o u u a a e e g g");
	is_folded("Đorđević Ħal ŧ", "dordevic hal t");
}

static void test_ligatures(void **state)
{
	(void)state;
	is_folded("Œuvre cœur", "oeuvre coeur");
	is_folded("Æsa Cæsar", "aesa caesar");
	is_folded("Straße", "strasse");
	is_folded("Ĳssel ĳs", "ijssel ijs");
}

static void test_punctuation_and_blanks(void **state)
{
	(void)state;
	is_folded("Jean-Claude Lagesse", "jean claude lagesse");
	is_folded("Marie-Claire Hoareau", "marie claire hoareau");
	is_folded("O'Brien O’Neill Ngʼang´a", "o brien o neill ng ang a");
	is_folded("  A.  Ramgoolam  ", "a ramgoolam");
	is_folded("Anne\u2013Marie\u00a0Duval\u2003x", "anne marie duval x");
	is_folded("soft\u00adhyphen", "softhyphen");
	is_folded("--", "");
	is_folded("", "");
	is_folded(NULL, "");
	is_folded("Rapport (2026), n° 3", "rapport 2026 n° 3");
}

static void test_decomposed_and_other_scripts(void **state)
{
	(void)state;
	/* NFD: e + combining acute. */
	is_folded("Joe\u0308l E\u0301sparon", "joel esparon");
	is_folded("ΑΘΗΝΑ Αθηνά", "αθηνα αθηνά");
	is_folded("МОСКВА Ёлка Ѐ", "москва ёлка ѐ");
	is_folded("北京 Ké", "北京 ke");
	is_folded("× ÷ Þ", "× ÷ Þ");
}

static void test_invalid_bytes_kept(void **state)
{
	(void)state;
	is_folded("A\xff" "B", "a\xff" "b");
	is_folded("\xc3", "\xc3");
}

static void test_truncation_at_a_character(void **state)
{
	char out[6];

	(void)state;
	/* "jo" + "e" + "l": fits in 5 bytes. */
	assert_int_equal(fold_text("JOËL ESPARON", out, sizeof out), 4);
	assert_string_equal(out, "joel");
	/* A two-byte or three-byte character is not cut in the middle. */
	assert_int_equal(fold_text("abcdΩ", out, sizeof out), 4);
	assert_int_equal(fold_text("abcΩ", out, sizeof out), 5);
	assert_string_equal(out, "abcω");
	assert_int_equal(fold_text("abcd北", out, sizeof out), 4);
	assert_string_equal(out, "abcd");
	assert_int_equal(fold_text("abc", out, 0), 0);
	assert_int_equal(fold_text("abc", out, 1), 0);
	assert_string_equal(out, "");
}

static void test_never_longer(void **state)
{
	static const char *const names[] = {
		"Straße", "Œ", "ß", "Ĳ", "Æ", "Joël", "Ёлка", "e\u0301", "ÿ", "ΑΩ", "-'-",
	};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		assert_true(fold_text(names[i], out, sizeof out) <= strlen(names[i]));
}

static void test_match_ranks(void **state)
{
	(void)state;
	assert_int_equal(fold_match("Fanja Razafindrakoto", "ra"), FOLD_WORD);
	assert_int_equal(fold_match("Ibrahim Mze Ali", "ra"), FOLD_INSIDE);
	assert_int_equal(fold_match("Fatima Said Abdallah", "ra"), FOLD_NONE);
	assert_int_equal(fold_match("Joël Esparon", "joel"), FOLD_WORD);
	assert_int_equal(fold_match("Joël Esparon", "ÉSPARON"), FOLD_WORD);
	assert_int_equal(fold_match("Joël Esparon", "oël"), FOLD_INSIDE);
	assert_int_equal(fold_match("Jean-Claude Lagesse", "claude"), FOLD_WORD);
	assert_int_equal(fold_match("Jean-Claude Lagesse", "jean claude"), FOLD_WORD);
	assert_int_equal(fold_match("Jean-Claude Lagesse", "jean-cl"), FOLD_WORD);
	assert_int_equal(fold_match("Priya Ramdin", "priya r"), FOLD_WORD);
	/* A later occurrence at a word start wins over an earlier inside one. */
	assert_int_equal(fold_match("Tiana Randriamanana", "an"), FOLD_INSIDE);
	assert_int_equal(fold_match("Solofo Andrianarisoa", "an"), FOLD_WORD);
	assert_int_equal(fold_match("Haingo Rakotomalala", "la"), FOLD_INSIDE);
	assert_int_equal(fold_match("Marie-Claire Hoareau", "ai"), FOLD_INSIDE);
	/* Nothing to look for matches nothing. */
	assert_int_equal(fold_match("Joël", ""), FOLD_NONE);
	assert_int_equal(fold_match("Joël", " - "), FOLD_NONE);
	assert_int_equal(fold_match("Joël", NULL), FOLD_NONE);
	assert_int_equal(fold_match(NULL, "jo"), FOLD_NONE);
	assert_int_equal(fold_match("", "jo"), FOLD_NONE);
	/* Longer than the needle is no match. */
	assert_int_equal(fold_match("Jo", "joel"), FOLD_NONE);
}

static void test_match_long_names(void **state)
{
	char hay[700], *needle;

	(void)state;
	/* Past the stack buffer: the same answer. */
	memset(hay, 'x', sizeof hay);
	memcpy(hay + 600, " Élodie", strlen(" Élodie"));
	hay[sizeof hay - 1] = '\0';
	assert_int_equal(fold_match(hay, "elodie"), FOLD_WORD);
	assert_int_equal(fold_match(hay, "lodie"), FOLD_INSIDE);
	needle = fold_dup("ÉLO");
	assert_int_equal(fold_match_folded(hay, needle), FOLD_WORD);
	free(needle);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_and_accents),
		cmocka_unit_test(test_ligatures),
		cmocka_unit_test(test_punctuation_and_blanks),
		cmocka_unit_test(test_decomposed_and_other_scripts),
		cmocka_unit_test(test_invalid_bytes_kept),
		cmocka_unit_test(test_truncation_at_a_character),
		cmocka_unit_test(test_never_longer),
		cmocka_unit_test(test_match_ranks),
		cmocka_unit_test(test_match_long_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
