/*
 * commands.c — the command table (each action listed once), the command
 * line splitter, and command_exec(): one command = one transaction + one
 * journal row, answering "ok …" or "error: …". The top of the command
 * layer: the handlers are in the domain modules, their shared helpers in
 * cmd.c.
 */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "app.h"
#include "attendance.h"
#include "backup.h"
#include "db.h"
#include "export.h"
#include "floor.h"
#include "followup.h"
#include "i18n.h"
#include "import.h"
#include "journal.h"
#include "minutes.h"
#include "recs.h"
#include "report.h"
#include "role.h"
#include "session.h"
#include "themes.h"
#include "undo.h"
#include "util.h"

#define W CMD_WRITE
#define S CMD_NEEDS_SESSION
#define O (CMD_WRITE | CMD_NEEDS_SESSION | CMD_OPEN_SESSION)
#define UI CMD_UI
#define L (CMD_UI | CMD_LOCAL)
#define G CMD_GROUP
#define SUB CMD_SUB
#define AT CMD_AT_ITEM
#define DRY CMD_DRY_RUN
#define A(s) ON(SCR_##s)
#define ALL ON_ALL

const struct command_def command_table[] = {
#define CMD(id, name, args, help, min, max, flags, keys, screens, run) \
	{ CMD_##id, name, args, help, min, max, flags, keys, screens, run },
#include "command_list.h"
#undef CMD
};
const size_t command_count = ARRAY_SIZE(command_table);

#undef W
#undef S
#undef O
#undef UI
#undef L
#undef G
#undef SUB
#undef AT
#undef DRY
#undef A
#undef ALL

/* French aliases (DESIGN §3): the English names stay stable for scripts. */
static const struct {
	const char *alias, *name;
} aliases[] = {
	{ "aide", "help" },     { "quitter", "quit" },      { "séance", "session" },
	{ "présent+", "present+" }, { "présent-", "present-" }, { "vérifier", "check" },
	{ "point+", "item+" },  { "début", "start" },       { "fin", "end" },
	{ "parole", "floor" },  { "proposer", "propose" },  { "adopter", "adopt" },
	{ "amender", "amend" }, { "réserve", "reserve" },   { "objection", "object" },
	{ "exporter", "export" }, { "importer", "import" },
};

const struct command_def *command_find(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
		if (strcmp(aliases[i].alias, name) == 0)
			name = aliases[i].name;
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
	return NULL;
}

const struct command_def *command_by_id(enum cmd_id id)
{
	if (id < 0 || id >= CMD_COUNT)
		return NULL;
	return &command_table[id];
}

/* The "word sub" row of a group for the words of c (session new…), or
 * NULL with the group's usage in msg when the sub-word is unknown or its
 * arguments do not fit. The group's own checks (read-only…) come first,
 * in preflight(). */
static const struct command_def *group_sub(const struct command_def *group, struct cmd_ctx *c)
{
	char *name = xasprintf("%s %s", group->name, c->argv[1]);
	const struct command_def *sub = command_find(name);
	int nargs = c->argc - 2;

	free(name);
	if (!sub || nargs < sub->min_args || nargs > sub->max_args) {
		cmd_err(c, _("usage: %s %s"), group->name, group->args);
		return NULL;
	}
	return sub;
}

/* ---- splitting ---- */

int command_split(const char *line, int *argc, char ***argv, char *err, size_t errlen)
{
	size_t len = strlen(line), cap = 8;
	char **v = xcalloc(cap, sizeof *v);
	char *word = xmalloc(len + 1);
	int n = 0;
	const char *p = line;

	*argc = 0;
	*argv = NULL;
	if (!utf8_is_clean_text(line, len, false)) {
		str_copy(err, _("invalid UTF-8 or control character in the command"), errlen);
		goto fail;
	}
	for (;;) {
		size_t w = 0;
		bool quoted = false;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			break;
		while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
			if (*p == '"') {
				quoted = !quoted;
				p++;
			} else if (quoted && *p == '\\' && (p[1] == '"' || p[1] == '\\')) {
				word[w++] = p[1];
				p += 2;
			} else if (quoted && *p == '\\' && p[1] == 'n') {
				/* A line end inside a multi-line text (the editor's
				 * recommendation texts): a command stays one line. */
				word[w++] = '\n';
				p += 2;
			} else {
				word[w++] = *p++;
			}
		}
		if (quoted) {
			str_copy(err, _("unbalanced quote"), errlen);
			goto fail;
		}
		word[w] = '\0';
		if ((size_t)n + 1 >= cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n++] = xstrdup(word);
		v[n] = NULL;
	}
	free(word);
	*argc = n;
	*argv = v;
	return 0;
fail:
	free(word);
	command_free_argv(n, &v);
	return -1;
}

void command_free_argv(int argc, char ***argv)
{
	if (!argv || !*argv)
		return;
	for (int i = 0; i < argc; i++)
		free((*argv)[i]);
	free(*argv);
	*argv = NULL;
}

/* ---- execution ---- */

static const char *session_status(struct db *db, long long session)
{
	static char status[16];
	char *s = db_text(db, "SELECT status FROM session WHERE id = ?", "i", session);

	str_copy(status, s ? s : "", sizeof status);
	free(s);
	return status;
}

/* Whether this run of a write command only reads: a CMD_DRY_RUN row
 * given --dry-run (import FILE --dry-run, as the Attendance preview). */
static bool dry_run(const struct command_def *def, const struct cmd_ctx *c)
{
	if (!(def->flags & CMD_DRY_RUN))
		return false;
	for (int i = 1; i < c->argc; i++)
		if (strcmp(c->argv[i], "--dry-run") == 0)
			return true;
	return false;
}

/* Check what the table says about a command before running it: its row,
 * then for a group (session) the row of its sub-word. Returns the row to
 * run, or NULL with the reason in msg. */
static const struct command_def *preflight(struct app *app, struct cmd_ctx *c)
{
	const struct command_def *def = command_find(c->argv[0]);
	int nargs = c->argc - 1;

	if (!def)
		cmd_err(c, _("unknown command %s (help lists them)"), c->argv[0]);
	else if (def->flags & CMD_UI)
		cmd_err(c, _("%s is a screen action"), def->name);
	/* The one place where roles are checked (role.h): keys, `:`, `run`
	 * and `follow` all come through here. */
	else if (role_check(&app->role, def, c->argc, c->argv, c->msg, sizeof c->msg) != 0)
		; /* msg holds the refusal, naming the role */
	else if (nargs < def->min_args || nargs > def->max_args)
		cmd_err(c, _("usage: %s %s"), def->name, def->args);
	else if ((def->flags & CMD_WRITE) && !dry_run(def, c) &&
		 (app->read_only || db_is_readonly(app->db)))
		cmd_err(c, _("read-only: %s changes the record"), def->name);
	else if ((def->flags & CMD_NEEDS_SESSION) && !c->session)
		cmd_err(c, "%s", _("no current session (create one with session new)"));
	else
		return (def->flags & CMD_GROUP) ? group_sub(def, c) : def;
	return NULL;
}

/* A command that changes the session's record is refused while the
 * session is closed or its report approved: -1 with the reason in msg. */
static int session_refuses(struct app *app, const struct command_def *def, struct cmd_ctx *c)
{
	if (!(def->flags & CMD_OPEN_SESSION))
		return 0;
	if (strcmp(session_status(app->db, c->session), "closed") == 0)
		return cmd_err(c, "%s", _("the session is closed; reopen it first (session reopen)"));
	if (report_session_locked(app->db, c->session))
		return cmd_err(c, "%s", _("the report of this session is approved; reopen the session "
					  "first (session reopen)"));
	return 0;
}

/* A dry run: the handler reads in its own read transaction (no write
 * lock: another writer goes on) and journals nothing; refused where the
 * command itself would be, so that it answers what the command would. */
static int run_dry(struct app *app, const struct command_def *def, struct cmd_ctx *c)
{
	int rc = session_refuses(app, def, c);

	if (rc == 0)
		rc = def->run(c);
	c->unchanged = true;
	return rc;
}

/* Run the handler of a write command between a savepoint and its release
 * (a plain transaction when none is open), with its journal row. */
static int run_write(struct app *app, const struct command_def *def, struct cmd_ctx *c)
{
	bool nested = db_in_transaction(app->db);
	char role[32];
	int rc = nested ? db_exec(app->db, "SAVEPOINT command") : db_begin(app->db);

	if (rc != DB_OK)
		return cmd_db_err(c);
	if (session_refuses(app, def, c) != 0)
		rc = -1;
	else if (undo_capture_begin(c) != 0)
		rc = -1;
	else
		rc = def->run(c);
	if (rc == 0 && (def->flags & CMD_AT_ITEM))
		c->item = agenda_item_in_progress(app->db, c->session);
	if (rc == 0 && !c->unchanged) {
		struct journal_entry e = {
			.session = c->new_session ? c->new_session : c->session,
			.item = c->item,
			.event = c->event[0] ? c->event : def->name,
			.delegation = c->delegation,
			.command = c->line,
			.detail = c->detail[0] ? c->detail : c->said[0] ? c->said : c->msg,
			.before = c->before,
			.after = c->after,
			.args = c->args,
			.person = app->person,
			.role = role_name(&app->role, role, sizeof role),
		};
		if (journal_add(app->db, &e) != DB_OK)
			rc = cmd_db_err(c);
		else
			c->journal_seq = db_last_id(app->db);
		if (rc == 0)
			rc = undo_capture_save(c);
	}
	undo_capture_cancel(c);
	if (rc == 0) {
		if ((nested ? db_exec(app->db, "RELEASE command") : db_commit(app->db)) != DB_OK)
			rc = cmd_db_err(c);
	}
	if (rc != 0) {
		if (nested) {
			db_exec(app->db, "ROLLBACK TO command");
			db_exec(app->db, "RELEASE command");
		} else {
			db_rollback(app->db);
		}
	}
	return rc;
}

/* A closed session's minutes are final: a backup of the file follows at
 * once (after the commit, so that it holds the close). A failed backup
 * does not undo the close; the answer says it. */
static void backup_after_close(struct app *app, struct cmd_ctx *c)
{
	char err[512], path[1024];

	if (!app->backup_dir || db_in_transaction(app->db))
		return;
	if (backup_auto(app->db, app->backup_dir, "close", path, sizeof path, err, sizeof err) != 0)
		cmd_ok_add(c, ANS_NO_BACKUP, err);
}

int command_exec(struct app *app, const char *line, char *out, size_t outsize)
{
	return command_exec_said(app, line, out, outsize, NULL, 0);
}

/* "ok TEXT" or "error: TEXT" into out, TEXT shown visible on one line:
 * an answer may quote stored or typed text, and it reaches a terminal or
 * a script's output. */
static void answer_line(char *out, size_t size, bool ok, const char *text)
{
	char shown[2 * sizeof ((struct cmd_ctx *)0)->msg];

	str_visible(shown, sizeof shown, text, strlen(text));
	str_printf(out, size, ok ? "ok %s" : "error: %s", shown);
}

int command_exec_said(struct app *app, const char *line, char *out, size_t outsize, char *said,
		      size_t saidsize)
{
	struct cmd_ctx c;
	const struct command_def *def;
	char err[256];
	int rc;

	memset(&c, 0, sizeof c);
	out[0] = '\0';
	if (said)
		said[0] = '\0';
	if (command_split(line, &c.argc, &c.argv, err, sizeof err) != 0) {
		str_printf(out, outsize, "error: %s", err);
		if (said)
			str_copy(said, out, saidsize);
		return 1;
	}
	if (c.argc == 0) {
		command_free_argv(c.argc, &c.argv);
		return 0;
	}
	c.app = app;
	c.db = app->db;
	c.session = app->session;
	c.line = line;
	def = preflight(app, &c);
	if (!def)
		rc = -1;
	else if ((def->flags & CMD_WRITE) && dry_run(def, &c))
		rc = run_dry(app, def, &c);
	else if (def->flags & CMD_WRITE) {
		rc = run_write(app, def, &c);
		if (rc == 0)
			undo_committed(&c, def);
	} else
		rc = def->run(&c);
	if (rc == 0 && def && def->id == CMD_SESSION_CLOSE)
		backup_after_close(app, &c);
	if (rc == 0 && c.new_session) {
		app->session = c.new_session;
		app->process = db_int(app->db, 0, "SELECT process_id FROM session WHERE id = ?",
				      "i", c.new_session);
	}
	answer_line(out, outsize, rc == 0, c.msg);
	if (said)
		answer_line(said, saidsize, rc == 0, rc == 0 && c.said[0] ? c.said : c.msg);
	app->last_unstored = rc != 0 && c.unstored;
	free(c.before);
	free(c.after);
	free(c.args);
	command_free_argv(c.argc, &c.argv);
	return rc == 0 ? 0 : 1;
}

volatile sig_atomic_t command_stop_signal;

int command_run_script(struct app *app, FILE *in, const char *name, bool keep_going,
		       FILE *answers)
{
	char *line = NULL, out[1024];
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int failed = 0;

	while (!command_stop_signal && (len = getline(&line, &cap, in)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strlen(line) != (size_t)len) {
			str_printf(out, sizeof out, "error: %s", _("NUL byte in the line"));
		} else if (command_exec(app, line, out, sizeof out) == 0) {
			if (out[0] && answers) {
				fprintf(answers, "%s\n", out);
				fflush(answers);
			}
			continue;
		}
		failed = 1;
		if (answers) {
			fprintf(answers, "%s\n", out);
			fflush(answers);
		}
		fprintf(stderr, "%s:%ld: %s\n", name, lineno, out);
		if (!keep_going)
			break;
	}
	free(line);
	return failed;
}
