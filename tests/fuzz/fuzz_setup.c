/*
 * fuzz_setup.c — the set-up the libFuzzer targets share (fuzz_setup.h).
 */
#include "fuzz_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "util.h"

static struct app *fuzz_app;
static const char *fuzz_name = "fuzz";
static char *dir, *paths[8];
static size_t n_paths;

/* Close the database (SQLite then removes its -wal and -shm) and remove
 * what the target wrote in the folder, then the folder. */
static void cleanup(void)
{
	char *p;

	db_close(&fuzz_app->db);
	for (size_t i = 0; i < n_paths; i++)
		unlink(paths[i]);
	p = xasprintf("%s-wal", fuzz_app->db_path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", fuzz_app->db_path);
	unlink(p);
	free(p);
	unlink(fuzz_app->db_path);
	rmdir(dir);
}

static void fail(const char *err)
{
	fprintf(stderr, "%s: %s\n", fuzz_name, err);
	exit(2);
}

void fuzz_setup(struct app *app, const char *name)
{
	char err[1024];

	fuzz_app = app;
	fuzz_name = name;
	dir = xasprintf("%s/rapfuzz.XXXXXX", getenv("FUZZ_TMPDIR") ? getenv("FUZZ_TMPDIR") : "/tmp");
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(2);
	}
	app->db_path = xasprintf("%s/fuzz.db", dir);
	app->fixtures_dir = getenv("RAPPORTEUR_FIXTURES");
	if (db_open(app->db_path, DB_OPEN_CREATE, &app->db, err, sizeof err) != DB_OK ||
	    app_init_db(app, true, err, sizeof err) != 0)
		fail(err);
	db_close(&app->db);
	if (app_open(app, 0, err, sizeof err) != 0)
		fail(err);
	atexit(cleanup);
}

char *fuzz_path(const char *leaf)
{
	char *p = xasprintf("%s/%s", dir, leaf);

	if (n_paths == ARRAY_SIZE(paths))
		fail("fuzz_path: too many files");
	return paths[n_paths++] = p;
}

void fuzz_check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "%s: %s\n", fuzz_name, what);
		abort();
	}
}

bool fuzz_clean(const char *s)
{
	return utf8_is_clean_text(s, strlen(s), false);
}
