/*
 * test_role.c — cmocka unit tests of src/cmd/role.c (issue 15): parsing
 * --role, and what each role may run, checked over the whole command
 * table so that a command added later falls on the right side: a follower
 * runs no writing command, a delegation only q+ and q- and only for its own
 * code, the chair the agenda and the floor; export, report and clock
 * (acting outside the record) only for the rapporteur, the secretariat or
 * no role.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "commands.h"
#include "role.h"

static struct role parsed(const char *s)
{
	struct role r;

	assert_int_equal(role_parse(s, &r), 0);
	return r;
}

static void test_parse(void **state)
{
	struct role r;
	char buf[32];

	(void)state;
	assert_int_equal(parsed("rapporteur").kind, RK_RAPPORTEUR);
	assert_int_equal(parsed("secretariat").kind, RK_SECRETARIAT);
	assert_int_equal(parsed("chair").kind, RK_CHAIR);
	assert_int_equal(parsed("follower").kind, RK_FOLLOWER);
	r = parsed("delegation:mus");
	assert_int_equal(r.kind, RK_DELEGATION);
	assert_string_equal(r.code, "MUS");
	assert_string_equal(role_name(&r, buf, sizeof buf), "delegation:MUS");
	assert_string_equal(role_name(&(struct role){ 0 }, buf, sizeof buf), "");
	assert_int_equal(role_parse("delegation:", &r), -1);
	assert_int_equal(role_parse("delegation:M US", &r), -1);
	assert_int_equal(role_parse("delegation:ABCDEFGHIJKLMNOPQ", &r), -1);
	assert_int_equal(role_parse("delegation", &r), -1);
	assert_int_equal(role_parse("Rapporteur", &r), -1);
	assert_int_equal(role_parse("", &r), -1);
	assert_int_equal(role_parse(NULL, &r), -1);
	assert_int_equal(r.kind, RK_NONE); /* a refused value leaves no role */
}

static bool is(const struct command_def *d, enum cmd_id id)
{
	return d->id == id;
}

/* Over every row of the table: what each role may run at all. */
static void test_table(void **state)
{
	struct role none = { 0 }, rap = parsed("rapporteur"), sec = parsed("secretariat"),
		    chair = parsed("chair"), mus = parsed("delegation:MUS"), fol = parsed("follower");

	(void)state;
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];
		bool writes = d->flags & CMD_WRITE;
		bool outside = is(d, CMD_EXPORT) || is(d, CMD_REPORT) || is(d, CMD_CLOCK);
		bool floor = is(d, CMD_QUEUE_ADD) || is(d, CMD_QUEUE_DEL);
		bool chairs = floor || is(d, CMD_QUEUE_MOVE) || is(d, CMD_FLOOR) ||
			      is(d, CMD_YIELD) || is(d, CMD_ITEM_ADD) || is(d, CMD_ITEM_EDIT) ||
			      is(d, CMD_START) || is(d, CMD_END) || is(d, CMD_SKIP) || is(d, CMD_MOVE) ||
			      is(d, CMD_RETIME);

		assert_true(role_allows(&none, d));
		assert_true(role_allows(&rap, d));
		assert_true(role_allows(&sec, d));
		assert_int_equal(role_allows(&fol, d), !writes && !outside);
		assert_int_equal(role_allows(&mus, d), floor || (!writes && !outside));
		assert_int_equal(role_allows(&chair, d), chairs || (!writes && !outside));
	}
}

/* A delegation speaks for itself only; the reason names the role. */
static void test_check_own_code(void **state)
{
	struct role mus = parsed("delegation:MUS");
	const struct command_def *qadd = command_by_id(CMD_QUEUE_ADD);
	const struct command_def *qdel = command_by_id(CMD_QUEUE_DEL);
	const struct command_def *adopt = command_by_id(CMD_ADOPT);
	char *own[] = { "q+", "mus", "reply", NULL }, *other[] = { "q-", "SYC", NULL };
	char *none[] = { "q+", NULL }, *ad[] = { "adopt", "1", NULL };
	char why[256];

	(void)state;
	assert_int_equal(role_check(&mus, qadd, 3, own, why, sizeof why), 0);
	assert_int_equal(role_check(&mus, qdel, 2, other, why, sizeof why), -1);
	assert_string_equal(why, "role delegation:MUS may request or withdraw the floor for MUS only");
	assert_int_equal(role_check(&mus, qadd, 1, none, why, sizeof why), -1);
	assert_int_equal(role_check(&mus, adopt, 2, ad, why, sizeof why), -1);
	assert_string_equal(why, "role delegation:MUS may not run adopt");
	assert_int_equal(role_check(&(struct role){ 0 }, adopt, 2, ad, why, sizeof why), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_check_own_code),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
