/*
 * export_csv.h — the small output interface of the exporter (after ncdu's
 * `struct dir_output`): export.c produces cells and rows without knowing
 * how they are encoded; export_csv.c writes them as RFC 4180 CSV through
 * libcsv (UTF-8, comma, CRLF, quoting where needed, optional BOM) with
 * formula neutralisation. Only export*.c include this header.
 */
#ifndef RAPPORTEUR_EXPORT_CSV_H
#define RAPPORTEUR_EXPORT_CSV_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "export.h"

struct export_out {
	FILE *f;
	char path[1100];           /* for messages */
	const char *name;          /* file name, for the progress callback */
	long long rows;            /* data rows written */
	int col;                   /* cells written in the current row */
	int err;                   /* errno of the first failure, 0 if none */
	export_progress_fn progress;
	void *ud;
};

/* Create dir/name (mode 0644), write the BOM if asked and the header row.
 * Returns 0 or -1 with a reason in err. */
int export_csv_open(struct export_out *o, const char *dir, const char *name, bool bom,
		    const char *const *header, char *err, size_t errlen);
/* One text cell: NULL is an empty cell; a leading = + - @ tab or CR gets
 * a ' so that no spreadsheet runs it as a formula. */
void export_csv_text(struct export_out *o, const char *s);
void export_csv_int(struct export_out *o, long long v);
void export_csv_bool(struct export_out *o, bool v);    /* yes / no */
/* A stored time as ISO 8601 with the offset of this process's zone (the
 * reader's: TZ), whatever the offset it was stored with; "HH:MM" is taken
 * on `day` (YYYY-MM-DD) when given; anything time_parse() does not accept
 * is written as text. */
void export_csv_time(struct export_out *o, const char *stored, const char *day);
/* A stored time as time_t (same rules), or -1. */
time_t export_csv_parse_time(const char *stored, const char *day);
void export_csv_end_row(struct export_out *o);
/* Flush, fsync and close. Returns 0 or -1 with a reason in err. */
int export_csv_close(struct export_out *o, char *err, size_t errlen);

/*
 * The folder (export_dir.c). prepare: refuse an existing dir without
 * EXPORT_FORCE, or one that holds anything but the files named in names;
 * create DIR.tmp.PID beside it (dir without trailing slashes goes to
 * target, the temporary folder to tmp). commit: fsync and rename the
 * temporary folder into place, replacing the old one when it existed.
 * discard: remove the temporary folder and what it holds.
 */
int export_dir_prepare(const char *dir, unsigned flags, const char *const *names, char *target,
		       size_t targetsize, char *tmp, size_t tmpsize, bool *exists, char *err,
		       size_t errlen);
int export_dir_commit(const char *target, const char *tmp, bool exists, char *err,
		      size_t errlen);
void export_dir_discard(const char *tmp);

#endif
