/*
 * export.h — the CSV minutes of a session (DESIGN §6): eight files written
 * through libcsv into a temporary folder renamed into place at the end.
 */
#ifndef RAPPORTEUR_EXPORT_H
#define RAPPORTEUR_EXPORT_H

#include <stddef.h>

struct cmd_ctx;
struct db;

enum export_flags { EXPORT_FORCE = 1, EXPORT_BOM = 2 };

/* Progress callback: rows written so far (total unknown: -1). */
typedef void (*export_progress_fn)(void *ud, const char *file, long long rows);

/* Export the session into dir. An existing dir is refused unless
 * EXPORT_FORCE. Returns 0 or < 0 with a one-line reason in err. */
int export_session(struct db *db, long long session, const char *dir, unsigned flags,
		   export_progress_fn progress, void *ud, char *err, size_t errlen);

/* Command handler (export.c). */
int cmd_export(struct cmd_ctx *);        /* export DIR [--force] [--bom] */

#endif
