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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "db.h"
#include "import.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app app;
static char *csv_path;
static long long delegates0;

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_import: %s\n", what);
		abort();
	}
}

static char *tmpdir;

static void cleanup(void)
{
	char *p;

	db_close(&app.db);
	p = xasprintf("%s-wal", app.db_path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", app.db_path);
	unlink(p);
	free(p);
	unlink(app.db_path);
	unlink(csv_path);
	rmdir(tmpdir);
}

static bool clean(const char *s)
{
	return utf8_is_clean_text(s, strlen(s), false);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *dir, err[1024];

	(void)argc;
	(void)argv;
	tmpdir = xasprintf("%s/rapfuzz.XXXXXX", getenv("FUZZ_TMPDIR") ? getenv("FUZZ_TMPDIR") : "/tmp");
	dir = tmpdir;
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
	app.db_path = xasprintf("%s/fuzz.db", dir);
	csv_path = xasprintf("%s/input.csv", dir);
	app.fixtures_dir = getenv("RAPPORTEUR_FIXTURES");
	if (db_open(app.db_path, DB_OPEN_CREATE, &app.db, err, sizeof err) != DB_OK ||
	    app_init_db(&app, true, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_import: %s\n", err);
		exit(2);
	}
	db_close(&app.db);
	if (app_open(&app, 0, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_import: %s\n", err);
		exit(2);
	}
	atexit(cleanup); /* libFuzzer may leave by _exit: run.sh removes FUZZ_TMPDIR too */
	delegates0 = db_int(app.db, -1, "SELECT count(*) FROM delegate", "");
	return 0;
}

/* The import of the previewed content (its digest, as the screen's y
 * passes it) does exactly what the preview said; rolled back after. */
static void preview_is_import(const struct import_result *pre)
{
	struct import_result res;
	int rc;

	check(db_begin(app.db) == DB_OK, "begin");
	memset(&res, 0, sizeof res);
	rc = import_participants_expect(app.db, app.session, csv_path, false, pre->digest, &res);
	check(rc == 0, "the previewed content refused on import");
	check(res.n_new == pre->n_new && res.n_updated == pre->n_updated &&
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
	check(fd >= 0, "cannot write the input file");
	check(write(fd, data, size) == (ssize_t)size, "short write");
	close(fd);

	memset(&res, 0, sizeof res);
	rc = import_participants(app.db, app.session, csv_path, true, &res);
	if (rc < 0) {
		check(res.file_error[0] != '\0', "file refused without a reason");
		check(clean(res.file_error), "file error not clean");
	} else {
		check(rc == 0, "unexpected status");
		check((size_t)(res.n_new + res.n_updated + res.n_unchanged + res.n_error) ==
			      res.n + res.n_unlisted,
		      "counts do not add up");
		if (runs % 8 == 0) /* a real import costs more than a preview */
			preview_is_import(&res);
	}
	for (size_t i = 0; i < res.n; i++) {
		const struct import_row *r = &res.rows[i];

		check(r->line >= 1, "row line number");
		check(clean(r->delegation) && clean(r->name), "row text not clean");
		check(clean(r->reason), "row reason not clean");
		check((r->status == IMP_ERROR) == (r->reason[0] != '\0'), "reason iff error");
	}
	check(clean(res.warnings), "warnings not clean");
	import_result_free(&res);
	check(db_int(app.db, -1, "SELECT count(*) FROM delegate", "") == delegates0,
	      "a dry run changed the delegates");
	check(!db_in_transaction(app.db), "a transaction was left open");
	if (++runs % 4096 == 0)
		check(db_integrity_ok(app.db), "integrity_check");
	return 0;
}
