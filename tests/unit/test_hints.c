/*
 * test_hints.c — the hint bar's labels (issue 11: "the French interface
 * translates the hint bar"): every command that has keys, so that the bar
 * may show it, has its label listed in src/tui/ui_hints.c and translated
 * in French and Spanish (po/fr.po, po/es.po with msgctxt "hint"); in
 * English the label is the command's name, the word `:` takes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "commands.h"
#include "i18n.h"
#include "keys.h"
#include "ui_shell.h"
#include "util.h"
#include "testlang.h"

static void every_keyed_command_translated(const char *code)
{
	int missing = 0;

	testlang(code);
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];
		const char *label;

		if (!d->keys)
			continue;
		label = ui_hint_label(d);
		if (!ui_hint_listed(d->name)) {
			print_error("%s has keys but no hint label: add NC_(\"hint\", \"%s\") to "
				    "src/tui/ui_hints.c and msgctxt \"hint\" entries to po/fr.po, "
				    "po/es.po\n", d->name, d->name);
			missing++;
		} else if (label == d->name) {
			print_error("%s: no %s translation of its hint label (msgctxt \"hint\")\n",
				    d->name, code);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

/* Each key names one command per screen (command_list.h): checked here,
 * once, rather than by an assert at every start of the screen (15 million
 * instructions, issue 16). */
static void test_one_command_per_key(void **state)
{
	int screen = -1;

	(void)state;
	assert_int_equal(keys_table_conflict(&screen), 0);
	assert_int_equal(screen, -1);
}

static void test_french(void **state)
{
	(void)state;
	every_keyed_command_translated("fr");
	assert_string_equal(ui_hint_label(command_find("start")), "ouvrir");
	assert_string_equal(ui_hint_label(command_find("item+")), "ajouter");
	/* The field "start" keeps its own translation (no context). */
	assert_string_equal(_("start"), "début");
}

static void test_spanish(void **state)
{
	(void)state;
	every_keyed_command_translated("es");
	assert_string_equal(ui_hint_label(command_find("start")), "iniciar");
}

static void test_english_names(void **state)
{
	(void)state;
	testlang("en");
	for (size_t i = 0; i < command_count; i++)
		if (command_table[i].keys)
			assert_string_equal(ui_hint_label(&command_table[i]), command_table[i].name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_command_per_key),
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_spanish),
		cmocka_unit_test(test_english_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
