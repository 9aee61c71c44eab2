/*
 * fuzz_command.c — libFuzzer target for the command line: command_split()
 * on arbitrary bytes, then command_exec() on the same line against a
 * temporary database made once from the fixtures and the demo session.
 *
 * Each input runs inside a savepoint rolled back afterwards, and the
 * current session and the clock are restored, so every input meets the
 * same state and a crash replays alone. `export` and `import` are not
 * executed (they would write folders or read files named by the input).
 *
 * Invariants checked (a violation aborts, which libFuzzer reports):
 *  - command_split gives argc >= 0 and argv[argc] == NULL, every word
 *    clean UTF-8, or -1 with a reason;
 *  - the answer is empty (blank or comment), "ok …" or "error: …", one
 *    line of clean UTF-8 without control characters;
 *  - the database still passes integrity_check (every 4096 inputs).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "fuzz_setup.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app app;
static long long session0, process0;
static const time_t clock0 = 1795410000; /* 2026-11-23T06:20:00Z */

static void check(int cond, const char *what, const char *line)
{
	if (!cond) {
		fprintf(stderr, "fuzz_command: %s for %.200s\n", what, line);
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(&app, "fuzz_command");
	session0 = app.session;
	process0 = app.process;
	clock_set(clock0);
	return 0;
}

static int skipped(int argc, char **argv)
{
	static const char *const no[] = { "export", "exporter", "import", "importer" };

	for (size_t i = 0; argc > 0 && i < ARRAY_SIZE(no); i++)
		if (strcmp(argv[0], no[i]) == 0)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;
	char *line = xmalloc(size + 1), err[256], out[1024];
	char **argv = NULL;
	int argc = -1, rc, skip = 0;

	memcpy(line, data, size);
	line[size] = '\0';

	rc = command_split(line, &argc, &argv, err, sizeof err);
	if (rc == 0) {
		check(argc >= 0 && argv && argv[argc] == NULL, "bad argv", line);
		for (int i = 0; i < argc; i++)
			check(utf8_valid(argv[i], strlen(argv[i])), "word not clean UTF-8", line);
		skip = skipped(argc, argv);
		command_free_argv(argc, &argv);
	} else {
		check(rc == -1 && err[0] && !argv, "bad failure", line);
	}

	if (!skip) {
		check(db_exec(app.db, "SAVEPOINT fuzz") == DB_OK, "savepoint", line);
		rc = command_exec(&app, line, out, sizeof out);
		check(rc == 0 || rc == 1, "exit status", line);
		if (out[0])
			check(strncmp(out, "ok", 2) == 0 || strncmp(out, "error: ", 7) == 0,
			      "answer neither ok nor error", line);
		else
			check(rc == 0, "empty answer to a refused command", line);
		check(utf8_is_clean_text(out, strlen(out), false),
		      "answer not one line of clean UTF-8", line);
		db_exec(app.db, "ROLLBACK TO fuzz");
		db_exec(app.db, "RELEASE fuzz");
		app.session = session0;
		app.process = process0;
		clock_set(clock0);
	}
	if (++runs % 4096 == 0)
		check(db_integrity_ok(app.db), "integrity_check", line);
	free(line);
	return 0;
}
