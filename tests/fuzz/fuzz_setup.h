/*
 * fuzz_setup.h — the set-up the libFuzzer targets share (fuzz_setup.c,
 * linked into each by run.sh): a temporary folder under FUZZ_TMPDIR (or
 * /tmp) holding a database made from the fixtures and the demo session,
 * opened in an app; at exit the database, its -wal and -shm, the files
 * named by fuzz_path and the folder are removed (libFuzzer may leave by
 * _exit: run.sh removes FUZZ_TMPDIR too).
 */
#ifndef RAPPORTEUR_FUZZ_SETUP_H
#define RAPPORTEUR_FUZZ_SETUP_H

#include <stdbool.h>

#include "app.h"

/* Make the folder and the database of app; on failure print "NAME: the
 * reason" and exit(2). NAME prefixes fuzz_check's messages too. */
void fuzz_setup(struct app *app, const char *name);

/* The path of LEAF in the folder (malloc'd, kept), removed at exit. */
char *fuzz_path(const char *leaf);

/* Whether s is clean UTF-8 without control characters (what is kept
 * for display). */
bool fuzz_clean(const char *s);

/* When cond is false, print "NAME: what" and abort (libFuzzer reports it). */
void fuzz_check(int cond, const char *what);

#endif
