/*
 * import.h — reading CSV input through libcsv: the fixtures (reference
 * data for a process) and participants lists (DESIGN §5). import.c and
 * export.c are the only files that include csv.h.
 */
#ifndef RAPPORTEUR_IMPORT_H
#define RAPPORTEUR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cmd_ctx;
struct db;

/* Load the reference data of fixtures/DIR (levels, categories, process,
 * delegations, themes, theme→category links) inside the caller's
 * transaction. Existing rows with the same code are updated. On error
 * returns < 0 and names file, row and field in err. */
int import_fixtures(struct db *db, const char *dir, char *err, size_t errlen);

enum import_status { IMP_NEW, IMP_UPDATED, IMP_UNCHANGED, IMP_ERROR };

struct import_row {
	int line;                  /* line number in the file (header = 1) */
	enum import_status status;
	char delegation[16];       /* its code, else as read; printable */
	char name[128];            /* as read, made printable */
	char reason[256];          /* for IMP_ERROR: which field and why */
};

#define IMPORT_ROWS_KEPT 10000  /* rows listed; past them, only errors (as many again) */

struct import_result {
	struct import_row *rows;   /* one per data row, up to IMPORT_ROWS_KEPT, then errors */
	size_t n;
	size_t n_unlisted;         /* rows counted but not listed */
	int n_new, n_updated, n_unchanged, n_error;
	char file_error[512];      /* the whole file refused: non-empty */
	char digest[17];           /* of the file as read (import_participants_expect) */
	char warnings[512];        /* e.g. ignored unknown columns */
	bool stopped;              /* the poll asked to stop (file_error says where) */
};

/* Called every IMPORT_POLL_ROWS rows with the line reached; non-zero
 * stops the import: nothing written, file_error names the line. */
typedef int (*import_poll_fn)(void *ud, int line);
#define IMPORT_POLL_ROWS 1000

/* Import (or with dry_run, only preview) a participants CSV into the
 * session. Valid rows are written in one transaction (the caller's when
 * one is open, else its own); rows in error are listed and skipped.
 * Returns 0 when the file was read (even with row errors), < 0 when the
 * whole file is refused (res->file_error says why).
 *
 * Journal: when it runs its own transaction (no transaction open), a real
 * import appends one journal row (event "import"); inside the caller's
 * transaction (e.g. the `import` command under command_exec) the caller
 * journals. A dry run never journals and leaves the database unchanged.
 * Empty cells: a new delegate gets the lowest-ranked level and the
 * category "other"; an existing one keeps its stored level and category.
 * A column absent from the file leaves that field of existing delegates
 * unchanged. res must be freed with import_result_free even on error. */
int import_participants(struct db *db, long long session, const char *path, bool dry_run,
			struct import_result *res);
/* The same, refusing the file (nothing written) unless its content is the
 * one whose digest was given (res->digest of an earlier preview): the
 * import is then exactly what was previewed. expect NULL: any content. */
int import_participants_expect(struct db *db, long long session, const char *path, bool dry_run,
			       const char *expect, struct import_result *res);
/* The screen's preview: a dry run that calls poll while it reads (the
 * screen shows the progress and stops on Esc: res->stopped). */
int import_participants_preview(struct db *db, long long session, const char *path,
				import_poll_fn poll, void *ud, struct import_result *res);
void import_result_free(struct import_result *res);

/* "12 new, 3 updated, 0 unchanged, 1 error" into buf. Returns buf. */
char *import_summary(char *buf, size_t size, const struct import_result *res);

/* For the command line: the warnings, one line per row ("line 3: new MUS
 * \"Jean Dupont\"", "line 5: error: level: unknown level \"chef\""), then
 * the summary line; or the file error alone. Every string is printable. */
void import_print(FILE *out, const char *file, const struct import_result *res);

/* Command handler (src/cmd/import_cmd.c). */
int cmd_import(struct cmd_ctx *);        /* import FILE [--dry-run] (participants) */

#endif
