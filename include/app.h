/*
 * app.h — the state shared by the command line and the terminal interface:
 * the open database, the current session, and the options of this run.
 */
#ifndef RAPPORTEUR_APP_H
#define RAPPORTEUR_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "role.h"

struct db;
struct undo_stack;

struct app {
	struct db *db;
	char *db_path;            /* owned */
	long long session;        /* current session id, 0 if none */
	long long process;        /* process of the current session */
	bool read_only;           /* --read-only */
	bool no_color;            /* --no-color or NO_COLOR */
	bool low_bw;              /* --low-bandwidth */
	const char *lang;         /* "fr" or "en" (after i18n_init) */
	const char *fixtures_dir; /* --fixtures or the default */
	const char *person;       /* --as NAME, or NULL: journaled beside the OS user */
	struct role role;         /* --role (role.h); ROLE_NONE without it */
	struct undo_stack *undo;  /* this instance's changes (undo.h); owned */
	char *backup_dir;         /* owned: where automatic backups go */
	bool sync_full;           /* synchronous=FULL (the screen: one fsync per action) */
	bool screen;              /* the screen: DB_OPEN_SCREEN (a small page cache) */
	bool allow_damaged;       /* backup/recover: open a file that fails quick_check */
	bool last_unstored;       /* the last command_exec was refused because the database
				   * could not write (busy, disk full): what was typed is kept */
};

/* Open the database named by app->db_path (creating it from fixtures with
 * the demo session when it is the default path and does not exist),
 * refuse it when PRAGMA quick_check finds it damaged (unless
 * app->allow_damaged; the check stops after RAPPORTEUR_CHECK_MS, default
 * 2000 ms, and a file not checked in time is used), and
 * pick the current session: `want` if non-zero, else the most recent open
 * one, else the most recent. Writes a one-line reason to err on failure. */
int app_open(struct app *app, long long want, char *err, size_t errlen);
/* The SQL of the start-up reads, for the query-plan test (NULL past the
 * last). */
const char *app_query_sql(size_t i);
void app_close(struct app *app);
/* Load the fixtures (app->fixtures_dir or the default) and, with demo,
 * run fixtures/demo.cmds — all in one transaction. 0 or -1 with err. */
int app_init_db(struct app *app, bool demo, char *err, size_t errlen);

/* PRAGMA data_version of app->db: changes when another connection (a
 * second instance on the same file) commits. For the screen's idle check. */
long long app_data_version(struct app *app);
/* A screen was left: the database keeps the prepared statements of the
 * last two screens shown, not of every screen visited. */
void app_screen_left(struct app *app);
/* The default database path: $XDG_DATA_HOME/rapporteur/rapporteur.db or
 * ~/.local/share/rapporteur/rapporteur.db. Malloc'd. */
char *app_default_db_path(void);
/* The folder of automatic backups: $XDG_DATA_HOME/rapporteur/backups or
 * ~/.local/share/rapporteur/backups. Malloc'd. */
char *app_default_backup_dir(void);
/* The fixtures directory: $RAPPORTEUR_FIXTURES, else FIXTURESDIR if it
 * exists, else fixtures/ beside the executable. */
const char *app_default_fixtures(void);

#endif
