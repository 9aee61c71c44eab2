/*
 * test_edit_fields.c — the correction commands' field tables (edit_field.h:
 * item=, delegate=, intervention=, rec=, set): each is the one list of
 * the fields its command accepts, so
 *   - every field has a label, translated in French and Spanish, and the
 *     minutes' line of a correction names the field by that label in
 *     English, French and Spanish (minutes_render.c reads the table);
 *   - the command's refusal of an unknown field lists exactly the fields
 *     of the table (the message's list is kept by hand: a field added to
 *     the table or to the message alone fails here).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "attendance.h"
#include "edit_field.h"
#include "event.h"
#include "floor.h"
#include "i18n.h"
#include "minutes_render.h"
#include "recs.h"
#include "session.h"
#include "util.h"
#include "testlang.h"
#include "testdb.h"

/* A command, its table, the journal event of a correction (its
 * arguments, the field's code at arg `at`) and a line that names an
 * unknown field ("colour"). */
static const struct command_fields {
	const char *name;
	const struct edit_fields *table;
	const char *code;
	int at;
	const char *refused;
} commands[] = {
	{ "item=", &agenda_item_fields, "item.changed", 1, "item= 1 colour red" },
	{ "delegate=", &attendance_delegate_fields, "delegate.changed", 2,
	  "delegate= MUS \"Priya Ramdin\" colour red" },
	{ "intervention=", &floor_intervention_fields, "intervention.changed", 3,
	  "intervention= 1 1 colour red" },
	{ "rec=", &recs_set_fields, "rec.set", 1, "rec= 1 colour red" },
	{ "set", &session_settings, "session.set", 0, "set colour red" },
};

static size_t field_count(const struct edit_fields *t)
{
	size_t n = 0;

	while (edit_field_at(*t, n)->code)
		n++;
	return n;
}

/* The minutes' line of a correction of field f by command c. */
static void render(const struct command_fields *c, const struct edit_field *f, char *out,
		   size_t size)
{
	struct event e = { .code = c->code, .n = 5, .arg = { "1", "1", "MUS", "x", "y" } };

	e.arg[c->at] = f->code;
	assert_true(minutes_render(NULL, &e, out, size));
}

static void labels_in(const char *code)
{
	char out[512];

	testlang(code);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		const struct command_fields *c = &commands[i];

		assert_true(field_count(c->table) > 0);
		for (size_t j = 0; j < field_count(c->table); j++) {
			const struct edit_field *f = edit_field_at(*c->table, j);
			const char *label;

			assert_non_null(f->label);
			label = _(f->label);
			assert_true(*label);
			if (strcmp(code, "en") != 0 && label == f->label)
				fail_msg("%s %s: no %s translation of its label \"%s\"", c->name,
					 f->code, code, f->label);
			render(c, f, out, sizeof out);
			if (!strstr(out, label))
				fail_msg("%s %s: the minutes (%s) say \"%s\", not its label \"%s\"",
					 c->name, f->code, code, out, label);
		}
	}
}

static void test_labels_english(void **state)
{
	(void)state;
	labels_in("en");
}

static void test_labels_french(void **state)
{
	(void)state;
	labels_in("fr");
	/* The label, not the code, in the reader's language. */
	assert_string_equal(edit_field_label(session_settings, "min_level"), "niveau minimal");
}

static void test_labels_spanish(void **state)
{
	(void)state;
	labels_in("es");
}

/* An unknown code renders as it is (a journal row of another version). */
static void test_unknown_code(void **state)
{
	(void)state;
	testlang("fr");
	assert_string_equal(edit_field_label(agenda_item_fields, "colour"), "colour");
}

/* The fields named in the refusal "… (a, b or c)", each checked against
 * the table; returns how many. */
static size_t listed_fields(const struct command_fields *c, const char *answer)
{
	const char *open = strrchr(answer, '('), *p;
	size_t n = 0;

	if (!open || answer[strlen(answer) - 1] != ')')
		fail_msg("%s: no list of fields in \"%s\"", c->name, answer);
	for (p = open + 1; *p != ')'; n++) {
		size_t len = strcspn(p, ",) ");
		char code[64];

		str_printf(code, sizeof code, "%.*s", (int)len, p);
		if (!edit_field_find(*c->table, code))
			fail_msg("%s: the refusal lists %s, which its table does not", c->name, code);
		p += len;
		p += strncmp(p, ", ", 2) == 0 ? 2 : strncmp(p, " or ", 4) == 0 ? 4 : 0;
	}
	return n;
}

static void test_refusal_lists_the_table(void **state)
{
	struct testdb *f = *state;
	static const char *const lines[] = {
		"item+ \"Ouverture\"", "start 1", "q+ MUS", "floor", "yield \"Bienvenue\"",
		"rec+ MUS \"Santé\" \"Renforcer la surveillance.\"", NULL,
	};

	testlang("en");
	testdb_cmds(f, lines);
	for (size_t i = 0; i < ARRAY_SIZE(commands); i++) {
		const struct command_fields *c = &commands[i];

		command_exec(&f->app, c->refused, f->out, sizeof f->out);
		if (strncmp(f->out, "error: unknown ", 15) != 0)
			fail_msg("%s: \"%s\" answered \"%s\"", c->name, c->refused, f->out);
		if (listed_fields(c, f->out) != field_count(c->table))
			fail_msg("%s: the refusal \"%s\" lists %zu fields, the table %zu", c->name,
				 f->out, listed_fields(c, f->out), field_count(c->table));
	}
}

static int setup(void **state)
{
	struct testdb *f = xcalloc(1, sizeof *f);

	testdb_open(f, "edit_fields");
	testdb_add_session(f);
	testdb_add_delegate(f, "MUS", "Priya Ramdin");
	clock_set(1795406400); /* 2026-11-23T08:00:00+04:00 */
	*state = f;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_english),
		cmocka_unit_test(test_labels_french),
		cmocka_unit_test(test_labels_spanish),
		cmocka_unit_test(test_unknown_code),
		cmocka_unit_test_setup_teardown(test_refusal_lists_the_table, setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
