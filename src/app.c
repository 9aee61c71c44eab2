/*
 * app.c — opening the database for a run: default path, first-run
 * creation from fixtures with the demo session, choice of the current
 * session. Shared by the CLI subcommands and the TUI.
 */
#include "app.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "undo.h"
#include "labels.h"
#include "util.h"

/* $HOME, else the passwd entry's home: never the current folder (HOME
 * unset used to create ./.local wherever the program was started). */
static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home && *home == '/')
		return home;
	pw = getpwuid(getuid());
	return pw && pw->pw_dir && *pw->pw_dir == '/' ? pw->pw_dir : "/nonexistent";
}

char *app_default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");

	if (xdg && *xdg == '/')
		return xasprintf("%s/rapporteur/rapporteur.db", xdg);
	return xasprintf("%s/.local/share/rapporteur/rapporteur.db", home_dir());
}

char *app_default_backup_dir(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");

	if (xdg && *xdg == '/')
		return xasprintf("%s/rapporteur/backups", xdg);
	return xasprintf("%s/.local/share/rapporteur/backups", home_dir());
}

static bool is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *app_default_fixtures(void)
{
	static char buf[PATH_MAX + 16];
	const char *e = getenv("RAPPORTEUR_FIXTURES");
	ssize_t n;

	if (e && *e)
		return e;
	/* A build tree first (fixtures/ beside the executable or one level up),
	 * so `make run` uses the checkout's data, then the installed copy. */
	n = readlink("/proc/self/exe", buf, sizeof buf - 16);
	if (n > 0) {
		char *slash;

		buf[n] = '\0';
		slash = strrchr(buf, '/');
		if (slash) {
			str_copy(slash, "/fixtures", sizeof buf - (size_t)(slash - buf));
			if (is_dir(buf))
				return buf;
			str_copy(slash, "/../fixtures", sizeof buf - (size_t)(slash - buf));
			if (is_dir(buf))
				return buf;
		}
	}
	return FIXTURESDIR;
}

/* mkdir -p of the folders leading to path, mode 0700. */
static int make_parents(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

/* Load the fixtures, and with demo the demo session script, in one
 * transaction. Returns 0 or -1 with err set. */
int app_init_db(struct app *app, bool demo, char *err, size_t errlen)
{
	const char *dir = app->fixtures_dir ? app->fixtures_dir : app_default_fixtures();
	char *script = NULL;
	FILE *f = NULL;
	int rc = -1;

	if (db_begin(app->db) != DB_OK) {
		str_printf(err, errlen, "%s: %s", db_path(app->db), db_errmsg(app->db));
		return -1;
	}
	if (import_fixtures(app->db, dir, err, errlen) != 0)
		goto out;
	app->process = db_int(app->db, 0, "SELECT min(id) FROM process", "");
	if (demo) {
		char line[4096], answer[1024];
		long lineno = 0;

		script = xasprintf("%s/demo.cmds", dir);
		f = fopen(script, "r");
		if (!f) {
			str_printf(err, errlen, "%s: %s", script, strerror(errno));
			goto out;
		}
		while (fgets(line, sizeof line, f)) {
			lineno++;
			line[strcspn(line, "\r\n")] = '\0';
			if (command_exec(app, line, answer, sizeof answer) != 0) {
				str_printf(err, errlen, "%s:%ld: %s", script, lineno, answer);
				goto out;
			}
		}
	}
	if (db_commit(app->db) == DB_OK)
		rc = 0;
	else
		str_printf(err, errlen, "%s: %s", db_path(app->db), db_errmsg(app->db));
out:
	if (f)
		fclose(f);
	free(script);
	if (rc != 0)
		db_rollback(app->db);
	return rc;
}

/* The most recent open session, else the most recent: each a lookup at
 * the end of an index (session_recent is (status, id); id is the rowid),
 * no scan and no sort, so start-up does not grow with the sessions. */
static const char *const sql_pick[] = {
	"SELECT id FROM session WHERE status = 'open' ORDER BY id DESC LIMIT 1",
	"SELECT max(id) FROM session WHERE id > 0",
};

const char *app_query_sql(size_t i)
{
	return i < ARRAY_SIZE(sql_pick) ? sql_pick[i] : NULL;
}

/* fsync a file or a folder by name; 0 or -1. */
static int sync_name(const char *p)
{
	int fd = open(p, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* First run: build the default database in PATH.tmp.PID (fixtures and
 * the demo session in one transaction), close it (the WAL is folded
 * in), fsync it and link it to PATH, which never exists half made: a
 * kill at any moment leaves no database or a complete one. link() does
 * not replace a database that another first run made meanwhile. */
static int create_default(struct app *app, char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.tmp.%ld", app->db_path, (long)getpid());
	char *final = app->db_path, *dir;
	int rc = -1;

	stale_tmp_clean(final);
	unlink(tmp);
	app->db_path = tmp;
	if (db_open(tmp, DB_OPEN_CREATE, &app->db, err, errlen) == DB_OK &&
	    app_init_db(app, true, err, errlen) == 0) {
		db_close(&app->db);
		if (sync_name(tmp) != 0 || (link(tmp, final) != 0 && errno != EEXIST))
			str_printf(err, errlen, _("%s: cannot create: %s"), final, strerror(errno));
		else
			rc = 0;
	}
	db_close(&app->db);
	unlink(tmp);
	app->db_path = final;
	dir = xstrdup(final);
	if (strrchr(dir, '/'))
		*strrchr(dir, '/') = '\0';
	sync_name(dir);
	free(dir);
	free(tmp);
	return rc;
}

/* A default database with no process at all was left by an older
 * program killed during its first run: finish that first run now. */
static int finish_first_run(struct app *app, char *err, size_t errlen)
{
	if (app->read_only || db_int(app->db, 1, "SELECT count(*) FROM process", "") != 0)
		return 0;
	return app_init_db(app, true, err, errlen);
}

/* quick_check, bounded in time: a damaged file is refused before
 * anything is written to it or exported from it, with the ways out. */
static int check_file(struct app *app, char *err, size_t errlen)
{
	const char *e = getenv("RAPPORTEUR_CHECK_MS");
	int budget = e && *e ? atoi(e) : 2000;
	char msg[256];

	if (app->allow_damaged || budget <= 0 ||
	    db_quick_check(app->db, budget, msg, sizeof msg) != DB_CORRUPT)
		return 0;
	{
		char one[256]; /* quick_check's answer spans lines */

		str_visible(one, sizeof one, msg, strlen(msg));
		str_copy(msg, one, sizeof msg);
	}
	str_printf(err, errlen,
		   _("%s: the database is damaged (%s); nothing was written. Copy what can be read "
		     "into a new file with `rapporteur recover --db %s NEW.db`, or restore a backup "
		     "with `rapporteur restore --db %s BACKUP.db` (automatic backups: %s)"),
		   app->db_path, msg, app->db_path, app->db_path, app->backup_dir);
	return -1;
}

static long long pick_session(struct app *app, long long want)
{
	long long id;

	if (want)
		return db_int(app->db, 0, "SELECT id FROM session WHERE id = ?", "i", want);
	id = db_int(app->db, 0, sql_pick[0], "");
	return id ? id : db_int(app->db, 0, sql_pick[1], "");
}

int app_open(struct app *app, long long want, char *err, size_t errlen)
{
	char *def = app_default_db_path();
	bool is_default = !app->db_path || strcmp(app->db_path, def) == 0;
	struct stat st;
	unsigned flags = app->read_only ? DB_OPEN_READONLY : 0;

	if (!app->db_path)
		app->db_path = xstrdup(def);
	free(def);
	if (!app->backup_dir)
		app->backup_dir = app_default_backup_dir();
	if (app->sync_full)
		flags |= DB_OPEN_SYNC_FULL;
	if (app->screen)
		flags |= DB_OPEN_SCREEN;
	if (is_default && stat(app->db_path, &st) != 0 && !app->read_only) {
		if (make_parents(app->db_path) != 0) {
			str_printf(err, errlen, _("%s: cannot create the folder: %s"), app->db_path,
				   strerror(errno));
			return -1;
		}
		if (create_default(app, err, errlen) != 0)
			return -1;
	}
	if (db_open(app->db_path, flags, &app->db, err, errlen) != DB_OK)
		return -1;
	if (check_file(app, err, errlen) != 0 ||
	    (is_default && finish_first_run(app, err, errlen) != 0)) {
		db_close(&app->db);
		return -1;
	}
	app->session = pick_session(app, want);
	if (want && !app->session) {
		str_printf(err, errlen, _("%s: no session %lld"), app->db_path, want);
		db_close(&app->db);
		return -1;
	}
	app->process = app->session
			       ? db_int(app->db, 0, "SELECT process_id FROM session WHERE id = ?", "i",
					app->session)
			       : db_int(app->db, 0, "SELECT min(id) FROM process", "");
	if (strcmp(i18n_lang(), "es") == 0)
		labels_load_es(app->db);   /* without them, English labels stand in */
	return 0;
}

void app_close(struct app *app)
{
	undo_free(&app->undo);
	db_close(&app->db);
	xfree(&app->db_path);
	xfree(&app->backup_dir);
}

void app_screen_left(struct app *app)
{
	if (app->db)
		db_release_statements(app->db);
}

long long app_data_version(struct app *app)
{
	return app->db ? db_data_version(app->db) : 0;
}
