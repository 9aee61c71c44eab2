/*
 * test_answers.c — cmocka unit tests of the two forms of an answer
 * (src/domain/cmd.c, include/answers.h): cmd_ok writes the protocol's
 * form as the format is and the interface language's form translated;
 * cmd_okn picks the English plural for the first and the catalogue's for
 * the second (French says "0 fichier", English "0 files"); cmd_ok_add
 * appends to both; cmd_said replaces the second alone; an error clears
 * the second. No database: these helpers touch none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "cmd.h"
#include "testlang.h"

static void test_french(void **state)
{
	struct cmd_ctx c;

	(void)state;
	memset(&c, 0, sizeof c);
	testlang("fr");
	assert_int_equal(cmd_ok(&c, ANS_PROPOSAL, 3LL), 0);
	assert_string_equal(c.msg, "proposal 3");
	assert_string_equal(c.said, "proposition 3");
	cmd_ok(&c, ANS_THEME_ADDED, "midiocc_health");
	cmd_ok_add(&c, ANS_CHECK_SUFFIX, 4, 5);
	assert_string_equal(c.msg, "theme midiocc_health (check: 4/5 OK)");
	assert_string_equal(c.said, "thème midiocc_health (vérification : 4/5 OK)");
	cmd_ok(&c, ANS_REC_STATUS, 1LL, "discussion");
	cmd_said(&c, ANS_REC_STATUS, 1LL, "en discussion");
	assert_string_equal(c.msg, "R1 discussion");
	assert_string_equal(c.said, "R1 : en discussion");
	cmd_err(&c, "%s", "refusé");
	assert_string_equal(c.msg, "refusé");
	assert_string_equal(c.said, "");
}

static void test_plurals(void **state)
{
	struct cmd_ctx c;

	(void)state;
	memset(&c, 0, sizeof c);
	testlang("fr");
	cmd_okn(&c, ANS_EXPORTED, 0, (size_t)0, "out");
	assert_string_equal(c.msg, "exported 0 files to out");
	assert_string_equal(c.said, "0 fichier exporté dans out");
	cmd_okn(&c, ANS_EXPORTED, 1, (size_t)1, "out");
	assert_string_equal(c.msg, "exported 1 file to out");
	cmd_okn(&c, ANS_EXPORTED, 11, (size_t)11, "out");
	assert_string_equal(c.msg, "exported 11 files to out");
	assert_string_equal(c.said, "11 fichiers exportés dans out");
	cmd_ok(&c, ANS_DRY_RUN);
	cmd_okn_add(&c, ANS_IMPORTED, 2, 1, 0, 0, 2);
	assert_string_equal(c.msg, "dry run: 1 new, 0 updated, 0 unchanged, 2 errors");
	testlang("en");
	cmd_okn(&c, ANS_PRESENT_ALL, 1, "MUS", 1LL);
	assert_string_equal(c.msg, "MUS present (1 delegate)");
	assert_string_equal(c.said, c.msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_plurals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
