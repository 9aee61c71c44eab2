/*
 * main.c — the command line (DESIGN §5): global options, the subcommands
 * init, sessions, check, import, run, export, and the TUI when no
 * subcommand is given. Exit codes: 0 success, 1 refused (a command failed,
 * the check is not all OK, import rows in error), 2 usage or environment.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "attendance.h"
#include "backup.h"
#include "commands.h"
#include "db.h"
#include "export.h"
#include "follow.h"
#include "i18n.h"
#include "import.h"
#include "report.h"
#include "ui.h"
#include "util.h"

struct opts {
	const char *db, *fixtures, *lang, *out, *sub, *sub2, *as, *role, *format;
	long long session;
	bool demo, dry_run, keep_going, force, bom;
	const char *args[4];
	int nargs;
};

static void usage(FILE *f)
{
	fprintf(f, "%s",
		_("Usage:\n"
		  "  rapporteur [--db FILE] [--session ID] [--read-only] [--lang fr|en|es] [--no-color]\n"
		  "             [--low-bandwidth]\n"
		  "  rapporteur init      [--db FILE] [--fixtures DIR] [--demo]\n"
		  "  rapporteur sessions  [--db FILE]\n"
		  "  rapporteur check     [--db FILE] --session ID\n"
		  "  rapporteur import participants FILE.csv --session ID [--dry-run]\n"
		  "  rapporteur run       [--db FILE] [--session ID] [--keep-going] SCRIPT|-\n"
		  "  rapporteur export    [--db FILE] --session ID --out DIR [--force] [--bom]\n"
		  "  rapporteur report    [--db FILE] --session ID --out FILE [--format html|odt|akn]\n"
		  "                       [--lang fr|en|es] [--force]\n"
		  "  rapporteur --help | --version\n"));
	fprintf(f, "%s",
		_("  rapporteur follow    [--db FILE] [--session ID]\n"
		  "Over SSH (a forced command): --as NAME --role rapporteur|secretariat|chair|\n"
		  "  delegation:CODE|follower, before any of them.\n"));
	fprintf(f, "%s",
		_("  rapporteur backup    [--db FILE] OUT.db\n"
		  "  rapporteur restore   [--db FILE] BACKUP.db\n"
		  "  rapporteur recover   [--db FILE] OUT.db\n"));
}

/* One line naming what is wrong (fmt takes at most one %s), then usage. */
static int bad_usage(const char *fmt, const char *arg)
{
	fputs("rapporteur: ", stderr);
	fprintf(stderr, fmt, arg ? arg : "");
	fputc('\n', stderr);
	usage(stderr);
	return 2;
}

static const char *need_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, _("rapporteur: %s needs a value\n"), argv[*i]);
		exit(2);
	}
	return argv[++*i];
}

static int parse(int argc, char **argv, struct app *app, struct opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--db"))
			o->db = need_value(argc, argv, &i);
		else if (!strcmp(a, "--session")) {
			char *end;
			o->session = strtoll(need_value(argc, argv, &i), &end, 10);
			if (*end || o->session <= 0)
				return bad_usage(_("--session needs a session number"), NULL);
		} else if (!strcmp(a, "--read-only"))
			app->read_only = true;
		else if (!strcmp(a, "--lang"))
			o->lang = need_value(argc, argv, &i);
		else if (!strcmp(a, "--no-color"))
			app->no_color = true;
		else if (!strcmp(a, "--low-bandwidth"))
			app->low_bw = true;
		else if (!strcmp(a, "--as"))
			o->as = need_value(argc, argv, &i);
		else if (!strcmp(a, "--role"))
			o->role = need_value(argc, argv, &i);
		else if (!strcmp(a, "--fixtures"))
			o->fixtures = need_value(argc, argv, &i);
		else if (!strcmp(a, "--format"))
			o->format = need_value(argc, argv, &i);
		else if (!strcmp(a, "--out"))
			o->out = need_value(argc, argv, &i);
		else if (!strcmp(a, "--demo"))
			o->demo = true;
		else if (!strcmp(a, "--dry-run"))
			o->dry_run = true;
		else if (!strcmp(a, "--keep-going"))
			o->keep_going = true;
		else if (!strcmp(a, "--force"))
			o->force = true;
		else if (!strcmp(a, "--bom"))
			o->bom = true;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			o->sub = "help";
		else if (!strcmp(a, "--version") || !strcmp(a, "-V"))
			o->sub = "version";
		else if (a[0] == '-' && a[1] == '-')
			return bad_usage(_("unknown option %s"), a);
		else if (!o->sub)
			o->sub = a;
		else if (o->nargs < (int)ARRAY_SIZE(o->args))
			o->args[o->nargs++] = a;
		else
			return bad_usage(_("too many arguments"), NULL);
	}
	return 0;
}

static int open_or_report(struct app *app, long long session)
{
	char err[1024];

	if (app_open(app, session, err, sizeof err) != 0) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	return 0;
}

static int do_init(struct app *app, struct opts *o)
{
	char err[1024];

	if (!app->db_path)
		app->db_path = app_default_db_path();
	if (db_open(app->db_path, DB_OPEN_CREATE, &app->db, err, sizeof err) != DB_OK) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	if (app_init_db(app, o->demo, err, sizeof err) != 0) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s\n", app->db_path);
	return 0;
}

static int do_sessions(struct app *app)
{
	struct dbq *q = db_query(app->db,
				 "SELECT s.id, s.status, s.start_date, s.level, s.title, p.code"
				 " FROM session s JOIN process p ON p.id = s.process_id ORDER BY s.id",
				 "");

	/* Stored text is anyone's: each field is made visible (no escape
	 * sequence, no bidi control, no tab to break the columns). */
	while (q && dbq_step(q) == DB_ROW) {
		printf("%lld", dbq_int(q, 0));
		for (int col = 1; col <= 5; col++) {
			char *v = str_visible_dup(dbq_text(q, col == 4 ? 5 : col == 5 ? 4 : col));

			printf("\t%s", v);
			free(v);
		}
		putchar('\n');
	}
	return q ? 0 : 2;
}

static int do_check(struct app *app)
{
	struct check_row *rows;
	size_t n;
	int bad = 0;

	if (attendance_check(app->db, app->session, &rows, &n) != 0) {
		fprintf(stderr, "rapporteur: %s\n", db_errmsg(app->db));
		return 2;
	}
	for (size_t i = 0; i < n; i++) {
		char *code = str_visible_dup(rows[i].code), *detail = str_visible_dup(rows[i].detail);

		printf("%s\t%s%s\t%s\n", code, attendance_result_code(&rows[i]),
		       rows[i].r4.no_head && rows[i].applied ? " NO_HEAD" : "", detail);
		free(code);
		free(detail);
		bad |= rows[i].applied && rows[i].r4.result != R4_OK;
	}
	free(rows);
	return bad ? 1 : 0;
}

static int do_import(struct app *app, struct opts *o)
{
	struct import_result res;
	int rc;

	if (o->nargs != 2 || strcmp(o->args[0], "participants") != 0)
		return bad_usage(_("usage: import participants FILE.csv --session ID [--dry-run]"), NULL);
	rc = import_participants(app->db, app->session, o->args[1], o->dry_run, &res);
	if (res.warnings[0])
		fprintf(stderr, _("%s: warning: %s\n"), o->args[1], res.warnings);
	res.warnings[0] = '\0'; /* said once, on stderr */
	if (rc == 0)
		import_print(stdout, o->args[1], &res);
	if (rc != 0) {
		fprintf(stderr, "rapporteur: %s\n", res.file_error);
		import_result_free(&res);
		return 2;
	}
	{
		char sum[256];

		/* A dry run checks the file: rows in error fail it (exit 1). An
		 * import writes the valid rows and skips the others (as on the
		 * screen): it succeeded, and says what it skipped. The line is
		 * the protocol's, English in every language (answers.h). */
		str_printf(sum, sizeof sum, ANS_IMPORTED(res.n_error), res.n_new, res.n_updated,
			   res.n_unchanged, res.n_error);
		if (o->dry_run)
			printf("%s %s%s\n", res.n_error ? "error:" : "ok", sum,
			       " (dry run: nothing written)");
		else
			printf("ok %s%s\n", sum,
			       res.n_error ? " (the rows in error were not imported)" : "");
		if (res.n_error && !o->dry_run)
			fprintf(stderr, ngettext("%s: warning: %d row in error not imported\n",
						 "%s: warning: %d rows in error not imported\n",
						 (unsigned long)res.n_error), o->args[1], res.n_error);
	}
	rc = res.n_error && o->dry_run ? 1 : 0;
	import_result_free(&res);
	return rc;
}

static void on_stop_signal(int sig)
{
	command_stop_signal = sig;
}

static int do_run(struct app *app, struct opts *o)
{
	struct sigaction sa;
	FILE *in;
	int rc;

	if (o->nargs != 1)
		return bad_usage(_("usage: run [--db FILE] [--session ID] [--keep-going] SCRIPT|-"), NULL);
	in = strcmp(o->args[0], "-") == 0 ? stdin : fopen(o->args[0], "r");
	if (!in) {
		fprintf(stderr, "rapporteur: %s: %s\n", o->args[0], strerror(errno));
		return 2;
	}
	{
		struct stat st;

		if (fstat(fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
			fprintf(stderr, "rapporteur: %s: %s\n", o->args[0], strerror(EISDIR));
			fclose(in);
			return 2;
		}
	}
	/* SIGHUP (the SSH link dropped) and SIGTERM: finish the command under
	 * way (each is one transaction), then stop and close the database.
	 * No SA_RESTART, so a read waiting on a terminal or a pipe ends. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	rc = command_run_script(app, in, strcmp(o->args[0], "-") ? o->args[0] : "stdin",
				o->keep_going, stdout);
	if (ferror(in) && !command_stop_signal) {
		/* a read error is not the end of the script: say it, exit 2 */
		fprintf(stderr, _("rapporteur: %s: read error: %s\n"), o->args[0], strerror(errno));
		if (in != stdin)
			fclose(in);
		return 2;
	}
	if (in != stdin)
		fclose(in);
	if (command_stop_signal) {
		fprintf(stderr, _("rapporteur: stopped by signal %d; every command answered is saved\n"),
			(int)command_stop_signal);
		return 1;
	}
	return rc ? 1 : 0;
}

/* --as and --role: only ever from this command line (an SSH forced
 * command); nothing typed later can change them (role.h). */
static int set_identity(struct app *app, const struct opts *o)
{
	if (o->as && (!*o->as || strlen(o->as) > 63 || !utf8_is_clean_text(o->as, strlen(o->as), false)))
		return bad_usage(_("--as needs a name of printable characters (at most 63 bytes)"),
				 NULL);
	app->person = o->as;
	if (o->role && role_parse(o->role, &app->role) != 0)
		return bad_usage(_("unknown role %s (rapporteur, secretariat, chair, delegation:CODE, "
				   "follower)"), o->role);
	if (app->role.kind == RK_FOLLOWER)
		app->read_only = true; /* and the file is opened read-only */
	return 0;
}

/* A delegation's code must name a delegation of the session's process. */
static int check_role_delegation(struct app *app)
{
	if (app->role.kind != RK_DELEGATION ||
	    db_int(app->db, 0, "SELECT count(*) FROM delegation WHERE process_id = ? AND code = ?"
		   " COLLATE NOCASE", "it", app->process, app->role.code) > 0)
		return 0;
	fprintf(stderr, _("rapporteur: --role delegation:%s: no delegation %s in this process\n"),
		app->role.code, app->role.code);
	return 2;
}

/*
 * `ssh host follow` reaches a forced command with the words typed on the
 * client in SSH_ORIGINAL_COMMAND. Only "follow [--session ID]" (optionally
 * after "rapporteur") is taken from there; --as and --role never are.
 * Without it the forced command runs as written (the screen). So it does
 * when the request is mosh's "mosh-server new …": a key for mosh has the
 * forced command "mosh-server new … -- rapporteur …", which is what the
 * client asked for (README "Serving a meeting over SSH"); the person gets
 * the screen under the key's role, as with a plain ssh -t.
 */
static int ssh_original_command(struct opts *o)
{
	const char *cmd = getenv("SSH_ORIGINAL_COMMAND");
	char *copy, *w, *save = NULL;
	int rc = 0;

	if (o->sub || str_empty(cmd))
		return 0;
	copy = xstrdup(cmd);
	w = strtok_r(copy, " \t", &save);
	if (w && !strcmp(w, "mosh-server")) {
		free(copy);
		return 0;
	}
	if (w && !strcmp(w, "rapporteur"))
		w = strtok_r(NULL, " \t", &save);
	if (!w || strcmp(w, "follow") != 0)
		rc = -1;
	o->sub = "follow";
	while (rc == 0 && (w = strtok_r(NULL, " \t", &save)) != NULL) {
		char *v = strtok_r(NULL, " \t", &save), *end;

		if (!v || strcmp(w, "--session") != 0 || (o->session = strtoll(v, &end, 10)) <= 0 ||
		    *end)
			rc = -1;
	}
	free(copy);
	if (rc != 0) {
		fprintf(stderr, _("rapporteur: over SSH, only \"follow [--session ID]\" may be asked "
				  "for; refused: %s\n"), cmd);
		return 2;
	}
	return 0;
}

static int do_follow(struct app *app, struct opts *o)
{
	struct sigaction sa;

	if (o->nargs != 0)
		return bad_usage(_("usage: follow [--db FILE] [--session ID]"), NULL);
	/* As for run: HUP, TERM and PIPE (the reader has gone) end the wait,
	 * and follow_run leaves cleanly. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	return follow_run(app, STDIN_FILENO, stdout);
}

static int do_export(struct app *app, struct opts *o)
{
	char err[1024];
	const char *dir = o->out ? o->out : (o->nargs == 1 ? o->args[0] : NULL);

	if (!dir)
		return bad_usage(_("usage: export [--db FILE] --session ID --out DIR [--force] [--bom]"), NULL);
	if (export_session(app->db, app->session, dir,
			   (o->force ? EXPORT_FORCE : 0) | (o->bom ? EXPORT_BOM : 0), NULL, NULL, err,
			   sizeof err) != 0) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s\n", dir);
	return 0;
}

static int do_report(struct app *app, struct opts *o)
{
	char err[1200], fp[65];
	const char *file = o->out ? o->out : (o->nargs == 1 ? o->args[0] : NULL);
	enum report_format f;

	if (!file)
		return bad_usage(_("usage: report [--db FILE] --session ID --out FILE [--format html|odt|akn] [--lang fr|en|es] [--force]"), NULL);
	if (o->format ? report_format_parse(o->format, &f) != 0 : report_format_of_path(file, &f) != 0)
		return bad_usage(o->format ? _("unknown format %s (html, odt, akn)") :
				 _("%s: the extension names no format; add --format html|odt|akn"),
				 o->format ? o->format : file);
	if (report_render(app->db, app->session, file, f, o->force ? REPORT_FORCE : 0, NULL, NULL,
			  fp, err, sizeof err) != 0) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s %s\n", file, fp);
	return 0;
}

/* The screen needs a terminal that can address the cursor: without TERM,
 * or with TERM=dumb, say so (exit 2) rather than let curses fail or paint
 * garbage, and name the line-by-line way to follow a meeting. */
static int terminal_usable(void)
{
	const char *t = getenv("TERM");

	if (!t || !*t) {
		fputs(_("rapporteur: TERM is not set: the screen needs a terminal type (for example "
			"TERM=xterm-256color); without one, use `rapporteur follow`\n"), stderr);
		return 2;
	}
	if (!strcmp(t, "dumb")) {
		fputs(_("rapporteur: TERM=dumb cannot show the screen; use `rapporteur follow` "
			"(plain lines) or a terminal that moves the cursor\n"), stderr);
		return 2;
	}
	return 0;
}

/* rapporteur backup OUT: a consistent copy, while the screen may write. */
static int do_backup(struct app *app, struct opts *o)
{
	char err[1024];

	if (o->nargs != 1)
		return bad_usage(_("usage: backup [--db FILE] OUT.db"), NULL);
	if (db_backup_file(app->db, o->args[0], err, sizeof err) != DB_OK) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s\n", o->args[0]);
	return 0;
}

/* rapporteur restore BACKUP: the current content is first backed up. */
static int do_restore(struct app *app, struct opts *o)
{
	char err[1024], kept[1024];

	if (o->nargs != 1)
		return bad_usage(_("usage: restore [--db FILE] BACKUP.db"), NULL);
	if (backup_auto(app->db, app->backup_dir, "before-restore", kept, sizeof kept, err,
			sizeof err) != 0 ||
	    db_restore_file(app->db, o->args[0], err, sizeof err) != DB_OK) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s restored from %s (its previous content: %s)\n", app->db_path, o->args[0],
	       kept);
	return 0;
}

/* rapporteur recover OUT: what can be read of a damaged file, into OUT. */
static int do_recover(struct app *app, struct opts *o)
{
	struct db_recover_stats st;
	char err[1024];

	if (o->nargs != 1)
		return bad_usage(_("usage: recover [--db FILE] OUT.db"), NULL);
	if (!app->db_path)
		app->db_path = app_default_db_path();
	if (access(app->db_path, R_OK) != 0) {
		fprintf(stderr, "rapporteur: %s: %s\n", app->db_path, strerror(errno));
		return 2;
	}
	if (access(o->args[0], F_OK) == 0) {
		fprintf(stderr, _("rapporteur: %s exists: give a new file\n"), o->args[0]);
		return 2;
	}
	if (db_recover_file(app->db_path, o->args[0], &st, err, sizeof err) != DB_OK) {
		fprintf(stderr, "rapporteur: %s\n", err);
		return 2;
	}
	printf("ok %s: %lld rows from %d tables; %d tables damaged (rows may be missing), "
	       "%lld rows unreadable\n",
	       o->args[0], st.rows, st.tables, st.damaged, st.lost);
	if (st.damaged)
		fprintf(stderr, _("rapporteur: %s: check the recovered file before using it (rapporteur "
				  "sessions --db %s)\n"), o->args[0], o->args[0]);
	return 0;
}

int main(int argc, char **argv)
{
	struct app app;
	struct opts o;
	int rc;

	memset(&app, 0, sizeof app);
	memset(&o, 0, sizeof o);
	/* --lang first, so that even a usage error speaks the chosen language. */
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--lang"))
			o.lang = argv[i + 1];
	i18n_init(o.lang);
	if ((rc = parse(argc, argv, &app, &o)) != 0 || (rc = set_identity(&app, &o)) != 0 ||
	    (rc = ssh_original_command(&o)) != 0)
		return rc;
	app.lang = i18n_init(o.lang);
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		app.no_color = true;
	app.fixtures_dir = o.fixtures;
	if (o.sub && !strcmp(o.sub, "help")) {
		usage(stdout);
		return 0;
	}
	if (o.sub && !strcmp(o.sub, "version")) {
		printf("rapporteur %s\n", VERSION);
		return 0;
	}
	if (o.db)
		app.db_path = xstrdup(o.db);
	if (o.sub && !strcmp(o.sub, "init") && app.read_only) {
		rc = bad_usage(_("init creates a database: it cannot be --read-only"), NULL);
		app_close(&app);
		return rc;
	}
	if (o.sub && !strcmp(o.sub, "init")) {
		rc = do_init(&app, &o);
		app_close(&app);
		return rc;
	}
	if (o.sub && !strcmp(o.sub, "recover")) {
		rc = do_recover(&app, &o);
		app_close(&app);
		return rc;
	}
	if (o.sub && strcmp(o.sub, "sessions") && strcmp(o.sub, "check") && strcmp(o.sub, "import") &&
	    strcmp(o.sub, "run") && strcmp(o.sub, "export") && strcmp(o.sub, "follow") &&
	    strcmp(o.sub, "report") && strcmp(o.sub, "backup") && strcmp(o.sub, "restore"))
		rc = bad_usage(_("unknown command %s"), o.sub);
	else if (o.sub && (!strcmp(o.sub, "check") || !strcmp(o.sub, "export") ||
			   !strcmp(o.sub, "report") ||
			   !strcmp(o.sub, "import")) && !o.session)
		rc = bad_usage(_("%s needs --session ID"), o.sub);
	if (rc) {
		app_close(&app);
		return rc;
	}
	/* The screen: one fsync per action (a power cut loses nothing shown
	 * as done). backup and restore work on a damaged file too. */
	app.sync_full = app.screen = !o.sub;
	app.allow_damaged = o.sub && (!strcmp(o.sub, "backup") || !strcmp(o.sub, "restore"));
	if ((rc = open_or_report(&app, o.session)) != 0 || (rc = check_role_delegation(&app)) != 0) {
		app_close(&app);
		return rc;
	}
	if (!o.sub && (rc = terminal_usable()) != 0)
		;
	else if (!o.sub) {
		char err[1024];

		rc = ui_main(&app);
		/* Once a day of use, a copy into the backups folder, on leaving
		 * (the start stays quick whatever the size of the file). */
		if (!app.read_only && app.db &&
		    backup_daily(app.db, app.backup_dir, err, sizeof err) != 0)
			fprintf(stderr, _("rapporteur: warning: no daily backup: %s\n"), err);
	} else if (!strcmp(o.sub, "backup"))
		rc = do_backup(&app, &o);
	else if (!strcmp(o.sub, "restore"))
		rc = do_restore(&app, &o);
	else if (!strcmp(o.sub, "sessions"))
		rc = do_sessions(&app);
	else if (!strcmp(o.sub, "check"))
		rc = do_check(&app);
	else if (!strcmp(o.sub, "import"))
		rc = do_import(&app, &o);
	else if (!strcmp(o.sub, "run"))
		rc = do_run(&app, &o);
	else if (!strcmp(o.sub, "follow"))
		rc = do_follow(&app, &o);
	else if (!strcmp(o.sub, "report"))
		rc = do_report(&app, &o);
	else
		rc = do_export(&app, &o);
	app_close(&app);
	return rc;
}
