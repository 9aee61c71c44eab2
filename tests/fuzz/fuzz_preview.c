/*
 * fuzz_preview.c — libFuzzer target for the Attendance screen's import
 * preview: import_participants_preview() (a dry run read row by row that
 * asks a poll every IMPORT_POLL_ROWS rows whether to stop, as Esc does on
 * the screen) on arbitrary bytes written to a temporary CSV file, against
 * a database made once from the fixtures and the demo session. An input
 * whose last byte is odd has its rows after the first line repeated to
 * about 2,500 rows, so that the poll is reached; the first byte picks the
 * poll that stops (never, the first, the second).
 *
 * Invariants checked (a violation aborts, which libFuzzer reports):
 *  - stopped: the call fails with res.stopped and a reason naming the
 *    line, the poll was asked exactly as many times as it took;
 *  - not stopped: the poll was asked once per IMPORT_POLL_ROWS rows
 *    counted, and the preview counts exactly what the command line's dry
 *    run (import_participants) counts, with the same digest;
 *  - the rows kept stay within 2 × IMPORT_ROWS_KEPT, every string kept for
 *    display is clean UTF-8 without control characters;
 *  - nothing is written (the delegate count) and no transaction is left
 *    open, stopped or not.
 */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "fuzz_setup.h"
#include "import.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app app;
static char *csv_path;
static long long delegates0;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(&app, "fuzz_preview");
	csv_path = fuzz_path("input.csv");
	delegates0 = db_int(app.db, -1, "SELECT count(*) FROM delegate", "");
	return 0;
}

struct poll_state {
	int calls, stop_at; /* stop at the stop_at-th call; 0: never */
	int last_line;
};

static int poll(void *ud, int line)
{
	struct poll_state *p = ud;

	fuzz_check(line > p->last_line, "poll: the line went back");
	p->last_line = line;
	return ++p->calls == p->stop_at;
}

/* The input as the file: its rows after the first line repeated to about
 * 2,500 lines when its last byte is odd. */
static void write_input(const uint8_t *data, size_t size)
{
	int fd = open(csv_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	const uint8_t *nl = size ? memchr(data, '\n', size) : NULL;
	size_t head = nl ? (size_t)(nl - data) + 1 : size, lines = 0;

	fuzz_check(fd >= 0, "cannot write the input file");
	fuzz_check(write(fd, data, size) == (ssize_t)size, "short write");
	for (size_t i = head; i < size; i++)
		lines += data[i] == '\n';
	if (size && (data[size - 1] & 1) && lines > 0 && size - head > 0) {
		size_t times = 2500 / lines + 1;

		for (size_t i = 0; i < times && i < 20000; i++)
			fuzz_check(write(fd, data + head, size - head) == (ssize_t)(size - head), "short write");
	}
	close(fd);
}

static void check_rows(const struct import_result *res)
{
	fuzz_check(res->n <= 2 * IMPORT_ROWS_KEPT, "more rows kept than the cap");
	for (size_t i = 0; i < res->n; i++) {
		const struct import_row *r = &res->rows[i];

		fuzz_check(r->line >= 1, "row line number");
		fuzz_check(fuzz_clean(r->delegation) && fuzz_clean(r->name) && fuzz_clean(r->reason),
			   "row text not clean");
	}
	fuzz_check(fuzz_clean(res->warnings) && fuzz_clean(res->file_error),
		   "warnings or error not clean");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct poll_state ps = { 0, size ? data[0] % 3 : 0, 0 };
	struct import_result res, cli;
	int rc, rc2;

	write_input(data, size);
	rc = import_participants_preview(app.db, app.session, csv_path, poll, &ps, &res);
	check_rows(&res);
	if (res.stopped) {
		fuzz_check(rc < 0 && ps.stop_at > 0 && ps.calls == ps.stop_at, "stopped without being asked");
		fuzz_check(strstr(res.file_error, "stopped at line") != NULL, "stopped without saying where");
	} else {
		int total = res.n_new + res.n_updated + res.n_unchanged + res.n_error;

		fuzz_check(ps.stop_at == 0 || ps.calls < ps.stop_at, "asked to stop, went on");
		memset(&cli, 0, sizeof cli);
		rc2 = import_participants(app.db, app.session, csv_path, true, &cli);
		fuzz_check((rc == 0) == (rc2 == 0), "the preview and the dry run disagree on the file");
		if (rc == 0) {
			fuzz_check(ps.calls == total / IMPORT_POLL_ROWS, "poll not asked once per 1000 rows");
			fuzz_check(res.n_new == cli.n_new && res.n_updated == cli.n_updated &&
				      res.n_unchanged == cli.n_unchanged && res.n_error == cli.n_error &&
				      res.n == cli.n && !strcmp(res.digest, cli.digest),
			      "the preview differs from the dry run");
		}
		import_result_free(&cli);
	}
	import_result_free(&res);
	fuzz_check(db_int(app.db, -1, "SELECT count(*) FROM delegate", "") == delegates0,
	      "a preview changed the delegates");
	fuzz_check(!db_in_transaction(app.db), "a transaction was left open");
	return 0;
}
