/*
 * test_minutes_render.c — cmocka unit tests of the journal's events
 * (src/core/event.c, src/domain/minutes_render.c): the JSON array an event
 * is stored as (escapes, numbers), and that every code the renderer knows
 * writes a line, while an unknown code writes nothing (the caller keeps
 * the stored detail). The language is the default (English msgids).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "minutes_render.h"

static void test_json_strings_and_numbers(void **state)
{
	struct event e = { .code = "item.started", .n = 3, .arg = { "3", "Say \"hi\"\\\n", "12x" } };
	char *j;

	(void)state;
	j = event_json(&e, 0x5); /* 3 and "12x" asked as numbers: only 3 is one */
	assert_string_equal(j, "[\"item.started\",3,\"Say \\\"hi\\\"\\\\\\u000a\",\"12x\"]");
	free(j);
	e.n = 0;
	j = event_json(&e, 0);
	assert_string_equal(j, "[\"item.started\"]");
	free(j);
}

static void test_json_long_text(void **state)
{
	char *big = malloc(5001), *j;
	struct event e = { .code = "note", .n = 1, .arg = { big } };

	(void)state;
	memset(big, '"', 5000);
	big[5000] = '\0';
	j = event_json(&e, 0);
	assert_int_equal(strlen(j), strlen("[\"note\",\"\"]") + 2 * 5000);
	free(j);
	free(big);
}

static void test_every_code_renders(void **state)
{
	const char *args[EVENT_ARGS_MAX] = { "1", "MUS", "x", "y", "2", "3", "4", "5" };
	char out[512];
	size_t i;

	(void)state;
	for (i = 0; minutes_event_code(i); i++) {
		struct event e = { .code = minutes_event_code(i), .n = EVENT_ARGS_MAX };

		memcpy(e.arg, args, sizeof args);
		assert_true(minutes_render(NULL, &e, out, sizeof out));
		assert_true(out[0] != '\0');
	}
	assert_true(i >= 40);
}

static void test_examples(void **state)
{
	struct event e = { .code = "item.started", .n = 2, .arg = { "3", "Opening" } };
	struct event p = { .code = "present.arrived", .n = 4, .arg = { "MDG", "A, B", "ABSENT", "LEVEL" } };
	struct event s = { .code = "floor.spoke", .n = 4, .arg = { "MUS", "", "statement", "" } };
	struct event u = { .code = "no.such.code", .n = 0 };
	char out[128];

	(void)state;
	assert_true(minutes_render(NULL, &e, out, sizeof out));
	assert_string_equal(out, "item 3 started: Opening");
	assert_true(minutes_render(NULL, &p, out, sizeof out));
	assert_string_equal(out, "MDG: A, B arrived (check: ABSENT → LEVEL)");
	p.arg[3] = "ABSENT";
	assert_true(minutes_render(NULL, &p, out, sizeof out));
	assert_string_equal(out, "MDG: A, B arrived");
	assert_true(minutes_render(NULL, &s, out, sizeof out));
	assert_string_equal(out, "MUS spoke (statement)");
	s.arg[3] = "A summary";
	assert_true(minutes_render(NULL, &s, out, sizeof out));
	assert_string_equal(out, "MUS: A summary");
	assert_false(minutes_render(NULL, &u, out, sizeof out));
	assert_string_equal(out, "");
	/* Cut on a character, never past the buffer. */
	assert_true(minutes_render(NULL, &e, out, 8));
	assert_string_equal(out, "item 3 ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_strings_and_numbers),
		cmocka_unit_test(test_json_long_text),
		cmocka_unit_test(test_every_code_renders),
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
