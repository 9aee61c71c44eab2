/*
 * import_csv.h — the streaming CSV reader shared by the importers
 * (import.c: participants lists; import_fixtures.c: reference data). It
 * wraps libcsv in strict mode and adds what libcsv does not give: the
 * line number where each row starts, a skipped UTF-8 BOM, bounded copies
 * of huge fields, and recovery after a malformed row so that one bad row
 * does not hide the rest of the file. Only import*.c include this header.
 */
#ifndef RAPPORTEUR_IMPORT_CSV_H
#define RAPPORTEUR_IMPORT_CSV_H

#include <stddef.h>

/* Longest field accepted by the importers, in bytes. */
#define IMPORT_FIELD_MAX 1000
/* Most fields kept per row; more makes the row malformed. */
#define IMPORT_CELLS_MAX 256

struct csv_cell {
	const char *s;  /* NUL-terminated copy of at most IMPORT_FIELD_MAX + 1 bytes */
	size_t len;     /* the field's real length in the file (may be larger) */
};

/* Called once per row (the header row included). line is the physical
 * line where the row starts (1 = first line of the file). error is NULL,
 * or a translated reason why the row is malformed (unbalanced or misplaced
 * quote, too many fields); cells then hold what could be read. Returns 0
 * to go on, anything else to stop reading (import_csv_read returns it). */
typedef int (*import_csv_row_fn)(void *ud, int line, const struct csv_cell *cells, size_t n,
				 const char *error);

/* Read the CSV file at path (comma, double quotes, CR/LF/CRLF line ends,
 * blank lines skipped, a leading UTF-8 BOM skipped). Returns 0 when the
 * whole file was read, the callback's value when it stopped, or -1 with a
 * one-line reason in err when the file cannot be read at all. */
int import_csv_read(const char *path, import_csv_row_fn fn, void *ud, char *err, size_t errlen);
/* The same, also writing the file's digest (16 hex digits, FNV-1a 64 of
 * every byte) to digest[IMPORT_DIGEST_LEN] when not NULL. */
#define IMPORT_DIGEST_LEN 17
int import_csv_read_digest(const char *path, import_csv_row_fn fn, void *ud, char *digest,
			   char *err, size_t errlen);

/* Copy s[0..n) into dst[size] made printable for a terminal: str_visible
 * (control characters, DEL, C1 and invalid UTF-8 bytes become '?', bidi
 * and zero-width characters "<U+202E>"); truncates at a character
 * boundary. Returns dst. */
char *import_printable(char *dst, size_t size, const char *s, size_t n);

#endif
