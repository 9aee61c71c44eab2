/*
 * fuzz_import.c — libFuzzer target for the participants importer:
 * import_participants() in a dry run on arbitrary bytes written to a
 * temporary CSV file, against a database made once from the fixtures and
 * the demo session.
 *
 * Invariants checked (a violation aborts, which libFuzzer reports):
 *  - the file is read (0) or refused as a whole (< 0 with a reason);
 *  - the counts add up to the rows listed;
 *  - every string kept for display (delegation, name, reason, the file's
 *    error and warnings) is clean UTF-8 without control characters;
 *  - a dry run changes nothing (the delegate count, and integrity_check
 *    every 4096 inputs);
 *  - the import of the previewed content (import_participants_expect with
 *    the preview's digest, as the screen's y does) counts exactly what the
 *    preview counted (then rolled back), every 8th input.
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
	fuzz_setup(&app, "fuzz_import");
	csv_path = fuzz_path("input.csv");
	delegates0 = db_int(app.db, -1, "SELECT count(*) FROM delegate", "");
	return 0;
}

/* The import of the previewed content (its digest, as the screen's y
 * passes it) does exactly what the preview said; rolled back after. */
static void preview_is_import(const struct import_result *pre)
{
	struct import_result res;
	int rc;

	fuzz_check(db_begin(app.db) == DB_OK, "begin");
	memset(&res, 0, sizeof res);
	rc = import_participants_expect(app.db, app.session, csv_path, false, pre->digest, &res);
	fuzz_check(rc == 0, "the previewed content refused on import");
	fuzz_check(res.n_new == pre->n_new && res.n_updated == pre->n_updated &&
		      res.n_unchanged == pre->n_unchanged && res.n_error == pre->n_error,
	      "the import differs from its preview");
	import_result_free(&res);
	db_rollback(app.db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;
	struct import_result res;
	int fd, rc;

	fd = open(csv_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	fuzz_check(fd >= 0, "cannot write the input file");
	fuzz_check(write(fd, data, size) == (ssize_t)size, "short write");
	close(fd);

	memset(&res, 0, sizeof res);
	rc = import_participants(app.db, app.session, csv_path, true, &res);
	if (rc < 0) {
		fuzz_check(res.file_error[0] != '\0', "file refused without a reason");
		fuzz_check(fuzz_clean(res.file_error), "file error not clean");
	} else {
		fuzz_check(rc == 0, "unexpected status");
		fuzz_check((size_t)(res.n_new + res.n_updated + res.n_unchanged + res.n_error) ==
			      res.n + res.n_unlisted,
		      "counts do not add up");
		if (runs % 8 == 0) /* a real import costs more than a preview */
			preview_is_import(&res);
	}
	for (size_t i = 0; i < res.n; i++) {
		const struct import_row *r = &res.rows[i];

		fuzz_check(r->line >= 1, "row line number");
		fuzz_check(fuzz_clean(r->delegation) && fuzz_clean(r->name), "row text not clean");
		fuzz_check(fuzz_clean(r->reason), "row reason not clean");
		fuzz_check((r->status == IMP_ERROR) == (r->reason[0] != '\0'), "reason iff error");
	}
	fuzz_check(fuzz_clean(res.warnings), "warnings not clean");
	import_result_free(&res);
	fuzz_check(db_int(app.db, -1, "SELECT count(*) FROM delegate", "") == delegates0,
	      "a dry run changed the delegates");
	fuzz_check(!db_in_transaction(app.db), "a transaction was left open");
	if (++runs % 4096 == 0)
		fuzz_check(db_integrity_ok(app.db), "integrity_check");
	return 0;
}
