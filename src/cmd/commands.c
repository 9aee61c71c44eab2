/*
 * commands.c — the command table (each action listed once), the command
 * line splitter, and command_exec(): one command = one transaction + one
 * journal row, answering "ok …" or "error: …". Also the few generic
 * handlers (note, clock) and the helpers the domain handlers share.
 */
#include "commands.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "i18n.h"
#include "journal.h"
#include "util.h"

#define W CMD_WRITE
#define S CMD_SESSION
#define O (CMD_WRITE | CMD_SESSION | CMD_OPEN_SESSION)
#define A(s) ON(SCR_##s)

/* name, args, help, min, max, flags, keys, screens, handler */
const struct command_def command_table[] = {
	/* Screen actions: listed here so that help and hints cover them. */
	{ "help", "", N_("show the keys and commands"), 0, 0, CMD_UI, "? F1", ON_ALL, NULL },
	{ "quit", "", N_("leave (everything is already saved)"), 0, 0, CMD_UI, "q", ON_ALL, NULL },
	{ "command", "", N_("type a command"), 0, 0, CMD_UI, ":", ON_ALL, NULL },
	{ "search", "", N_("search in this screen"), 0, 0, CMD_UI, "/", ON_ALL, NULL },
	{ "next-screen", "", N_("next screen"), 0, 0, CMD_UI, "Tab", ON_ALL, NULL },
	{ "screen", "", N_("go to screen 1-6"), 0, 0, CMD_UI, "1-6", ON_ALL, NULL },

	/* Sessions (R2) */
	{ "session", "new \"TITLE\" LEVEL DATE | open ID | close | reopen",
	  N_("create, switch to, close or reopen a session"), 1, 4, W, NULL, A(AGENDA), NULL },
	{ "set", "KEY VALUE", N_("set a session setting (venue, min_level, rule, …)"), 2, 2, O,
	  NULL, A(ATTENDANCE) | A(THEMES), cmd_session_set },
	{ "theme+", "CODE|\"TITLE\"", N_("add a theme to the session"), 1, 1, O, NULL,
	  A(ATTENDANCE) | A(THEMES), cmd_theme_add },
	{ "theme-", "CODE", N_("remove a theme from the session"), 1, 1, O, NULL,
	  A(ATTENDANCE) | A(THEMES), cmd_theme_del },

	/* Attendance (R3, R4) */
	{ "delegation+", "CODE TYPE \"NAME\"", N_("register a delegation in the process"), 3, 3,
	  W | S, NULL, A(ATTENDANCE), cmd_delegation_add },
	{ "delegate+", "CODE \"NAME\" LEVEL CATEGORY [\"FUNCTION\"] [head]",
	  N_("register a delegate"), 4, 6, O, "a", A(ATTENDANCE), cmd_delegate_add },
	{ "delegate-", "CODE \"NAME\"", N_("remove a delegate"), 2, 2, O, "D", A(ATTENDANCE),
	  cmd_delegate_del },
	{ "delegate=", "CODE \"NAME\" FIELD VALUE", N_("change a delegate's field"), 4, 4, O, "e",
	  A(ATTENDANCE), cmd_delegate_edit },
	{ "present+", "CODE [\"NAME\"]", N_("mark a delegate or a whole delegation present"), 1, 2,
	  O, "Space", A(ATTENDANCE), cmd_present_add },
	{ "present-", "CODE [\"NAME\"]", N_("mark a delegate or a whole delegation absent"), 1, 2,
	  O, "Space", A(ATTENDANCE), cmd_present_del },
	{ "check", "", N_("print the delegation-level check of every member state"), 0, 0, S,
	  NULL, A(ATTENDANCE), cmd_check },
	{ "import", "FILE [--dry-run]", N_("import a participants CSV"), 1, 2, O, "i",
	  A(ATTENDANCE), cmd_import },

	/* Agenda (R8) */
	{ "item+", "\"TITLE\" [KIND] [MINUTES] [HH:MM]", N_("add an agenda item"), 1, 4, O, "a",
	  A(AGENDA), cmd_item_add },
	{ "item=", "N FIELD VALUE", N_("change an agenda item's field"), 3, 3, O, "e", A(AGENDA),
	  cmd_item_edit },
	{ "start", "N", N_("start an agenda item"), 1, 1, O, "s", A(AGENDA), cmd_start },
	{ "end", "", N_("end the item in progress"), 0, 0, O, "E", A(AGENDA) | A(FLOOR), cmd_end },
	{ "skip", "N", N_("skip an agenda item"), 1, 1, O, "x", A(AGENDA), cmd_skip },
	{ "move", "N M", N_("move item N to position M"), 2, 2, O, "K J", A(AGENDA), cmd_move },

	/* Floor (R9) */
	{ "q+", "CODE [\"NAME\"] [TYPE]", N_("add a speaker to the list"), 1, 3, O, "a",
	  A(FLOOR), cmd_queue_add },
	{ "q-", "CODE", N_("withdraw a speaker's request"), 1, 1, O, "d", A(FLOOR), cmd_queue_del },
	{ "qmove", "CODE POS", N_("move a request in the list of speakers"), 2, 2, O, "K J",
	  A(FLOOR), cmd_queue_move },
	{ "floor", "[CODE]", N_("give the floor to the next speaker or to CODE"), 0, 1, O,
	  "Enter", A(FLOOR), cmd_floor },
	{ "yield", "[\"SUMMARY\"]", N_("end the intervention with its summary"), 0, 1, O, "y",
	  A(FLOOR), cmd_yield },

	/* Themes (R6) */
	{ "propose", "TARGET \"THEME\" [CODE|ctp]", N_("propose a theme (workshop or next)"), 2, 3,
	  O, "a", A(THEMES), cmd_propose },
	{ "position", "P CODE support|object|abstain|none", N_("record a member state's position"),
	  3, 3, O, "+ - 0 .", A(THEMES), cmd_position },
	{ "select", "P", N_("select a proposal (consensus required)"), 1, 1, O, "s", A(THEMES),
	  cmd_select },
	{ "reject", "P", N_("reject a proposal"), 1, 1, O, "x", A(THEMES), cmd_reject },
	{ "merge", "P Q [\"TITLE\"]", N_("merge two proposals into one"), 2, 3, O, "m", A(THEMES),
	  cmd_merge },

	/* Recommendations (R5, R7) */
	{ "rec+", "CODE \"TITLE\" \"TEXT\"", N_("draft a recommendation (member states only)"), 3, 3,
	  O, "a", A(RECS), cmd_rec_add },
	{ "amend", "N CODE \"TEXT\" [\"TEXT_EN\"]", N_("amend a recommendation's text"), 3, 4, O,
	  "e", A(RECS), cmd_amend },
	{ "cosponsor", "N CODE", N_("add a co-sponsor"), 2, 2, O, "c", A(RECS), cmd_cosponsor },
	{ "reserve", "N CODE \"REASON\"", N_("record a reservation"), 2, 3, O, "r", A(RECS),
	  cmd_reserve },
	{ "object", "N CODE [\"REASON\"]", N_("record an objection (blocks adoption)"), 2, 3, O, "o",
	  A(RECS), cmd_object },
	{ "unobject", "N CODE", N_("withdraw an objection"), 2, 2, O, "O", A(RECS), cmd_unobject },
	{ "status", "N STATUS", N_("change a recommendation's status"), 2, 2, O, "t", A(RECS),
	  cmd_status },
	{ "adopt", "N", N_("adopt a recommendation (no objection)"), 1, 1, O, "A", A(RECS),
	  cmd_adopt },
	{ "rec=", "N theme|item|title VALUE", N_("change a recommendation's theme, item or title"),
	  3, 3, O, "=", A(RECS), cmd_rec_set },

	/* Minutes */
	{ "note", "\"TEXT\"", N_("write a free line in the minutes"), 1, 1, O, "n", ON_ALL,
	  cmd_note },
	{ "export", "DIR [--force] [--bom]", N_("export the CSV minutes of the session"), 1, 3, S,
	  "x", A(MINUTES), cmd_export },
	{ "clock", "TIME|now", N_("set the clock used for new records (replay)"), 1, 1, 0, NULL, 0,
	  cmd_clock },

	/* Keys that belong to one screen and run no command by themselves:
	 * listed so that help and the hint bar show them too. */
#define L (CMD_UI | CMD_LOCAL)
	{ "grid", "", N_("move into the R4 grid (Enter selects the delegation)"), 0, 0, L, "c",
	  ON(SCR_ATTENDANCE), NULL },
	{ "min-level", "", N_("choose the session's minimum level"), 0, 0, L, "m",
	  ON(SCR_ATTENDANCE), NULL },
	{ "themes", "", N_("add or remove the session's themes"), 0, 0, L, "t", ON(SCR_ATTENDANCE),
	  NULL },
	{ "target", "", N_("switch between workshops and the next meeting"), 0, 0, L, "t",
	  ON(SCR_THEMES), NULL },
	{ "catalogue", "", N_("show the theme catalogue"), 0, 0, L, "c", ON(SCR_THEMES), NULL },
	{ "filter-item", "", N_("show only one agenda item"), 0, 0, L, "i", ON(SCR_MINUTES), NULL },
	{ "filter-delegation", "", N_("show only one delegation"), 0, 0, L, "d", ON(SCR_MINUTES),
	  NULL },
	{ "filter-event", "", N_("cycle through the event types"), 0, 0, L, "e", ON(SCR_MINUTES),
	  NULL },
	{ "filter-clear", "", N_("clear the filters"), 0, 0, L, "c", ON(SCR_MINUTES), NULL },
	{ "open", "", N_("open the recommendation (text, objections, reservations)"), 0, 0, L,
	  "Enter", ON(SCR_RECS), NULL },
	{ "filter-status", "", N_("cycle the status filter"), 0, 0, L, "f", ON(SCR_RECS), NULL },
	{ "filter-theme", "", N_("cycle the theme filter"), 0, 0, L, "F", ON(SCR_RECS), NULL },
	{ "versions", "", N_("versions and the word diff of two of them"), 0, 0, L, "v",
	  ON(SCR_RECS), NULL },
#undef L
};
const size_t command_count = ARRAY_SIZE(command_table);

#undef W
#undef S
#undef O
#undef A

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

/* ---- helpers for handlers ---- */

static int vformat(struct cmd_ctx *c, const char *fmt, va_list ap)
{
	char buf[sizeof c->msg + 8];

	/* Through str_copy, so a long answer is cut between characters. */
	vsnprintf(buf, sizeof buf, fmt, ap);
	str_copy(c->msg, buf, sizeof c->msg);
	return 0;
}

int cmd_ok(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(c, fmt, ap);
	va_end(ap);
	return 0;
}

int cmd_err(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(c, fmt, ap);
	va_end(ap);
	return -1;
}

int cmd_db_err(struct cmd_ctx *c)
{
	const char *m = db_errmsg(c->db);

	if (strstr(m, "R5_OBSERVER"))
		return cmd_err(c, "%s", _("refused: drafting is the exclusive competence of member "
					  "states (observers may not author, co-sponsor, amend, "
					  "reserve or take positions)"));
	if (strstr(m, "JOURNAL_APPEND_ONLY"))
		return cmd_err(c, "%s", _("refused: the journal is append-only"));
	switch (db_errstatus(c->db)) {
	case DB_BUSY:
		return cmd_err(c, "%s", _("the database is busy (another writer); nothing was "
					  "changed, try again"));
	case DB_FULL:
		return cmd_err(c, "%s", _("disk full: nothing was changed"));
	case DB_READONLY:
		return cmd_err(c, "%s", _("the database is read-only: nothing was changed"));
	case DB_CORRUPT:
		return cmd_err(c, "%s", _("the database file is damaged"));
	case DB_CONSTRAINT:
		if (strstr(m, "UNIQUE"))
			return cmd_err(c, "%s", _("already exists"));
		return cmd_err(c, _("refused by the database: %s"), m);
	default:
		return cmd_err(c, _("database error: %s"), m);
	}
}

int cmd_arg_num(struct cmd_ctx *c, int i, const char *what, long long *out)
{
	const char *s = i < c->argc ? c->argv[i] : NULL;
	char *end;
	long long v;

	if (s && (*s == 'R' || *s == 'P' || *s == 'r' || *s == 'p'))
		s++; /* R2, P3 as shown on screen */
	if (!s || !*s)
		return cmd_err(c, _("%s: a number is required"), what);
	v = strtoll(s, &end, 10);
	if (*end || v <= 0 || v > 1000000000)
		return cmd_err(c, _("%s: not a number: %s"), what, c->argv[i]);
	*out = v;
	return 0;
}

long long cmd_delegation(struct cmd_ctx *c, const char *code, char *type_out, size_t typesize)
{
	struct dbq *q = db_query(c->db,
				 "SELECT d.id, d.type, d.code FROM delegation d JOIN session s"
				 " ON s.process_id = d.process_id WHERE s.id = ? AND d.code = ?"
				 " COLLATE NOCASE",
				 "it", c->session, code);
	long long id = 0;

	if (q && dbq_step(q) == DB_ROW) {
		id = dbq_int(q, 0);
		if (type_out)
			str_copy(type_out, dbq_text(q, 1), typesize);
		str_copy(c->delegation, dbq_text(q, 2), sizeof c->delegation);
	}
	if (q)
		dbq_reset(q);
	if (!id)
		cmd_err(c, _("unknown delegation %s"), code);
	return id;
}

char *cmd_now(char *buf, size_t size)
{
	return time_iso(clock_now(), buf, size);
}

/* ---- generic handlers ---- */

int cmd_note(struct cmd_ctx *c)
{
	/* The journal row written by command_exec is the note itself, filed
	 * under the item in progress (if any) so the minutes place it. */
	c->item = db_int(c->db, 0,
			 "SELECT num FROM agenda_item WHERE session_id = ? AND status = 'in_progress'",
			 "i", c->session);
	if (str_empty(c->argv[1]))
		return cmd_err(c, "%s", _("note: the text is empty"));
	str_copy(c->detail, c->argv[1], sizeof c->detail);
	str_copy(c->event, "note", sizeof c->event);
	return cmd_ok(c, "%s", _("note"));
}

int cmd_clock(struct cmd_ctx *c)
{
	char buf[32];
	time_t t;

	if (strcmp(c->argv[1], "now") == 0) {
		clock_set(0);
		return cmd_ok(c, "clock %s", time_iso(clock_now(), buf, sizeof buf));
	}
	t = time_parse(c->argv[1]);
	if (t < 0)
		return cmd_err(c, _("clock: not a time: %s"), c->argv[1]);
	clock_set(t);
	return cmd_ok(c, "clock %s", time_iso(t, buf, sizeof buf));
}

/* `session new|open|close|reopen` dispatches on its first word. */
static int cmd_session(struct cmd_ctx *c)
{
	const char *sub = c->argv[1];

	if (strcmp(sub, "new") == 0 && c->argc == 5)
		return cmd_session_new(c);
	if (strcmp(sub, "open") == 0 && c->argc == 3)
		return cmd_session_open(c);
	if (strcmp(sub, "close") == 0 && c->argc == 2)
		return cmd_session_close(c);
	if (strcmp(sub, "reopen") == 0 && c->argc == 2)
		return cmd_session_reopen(c);
	return cmd_err(c, _("usage: %s"),
		       "session new \"TITLE\" LEVEL DATE | open ID | close | reopen");
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

/* Check what the table says about a command before running it. */
static int preflight(struct app *app, const struct command_def *def, struct cmd_ctx *c)
{
	int nargs = c->argc - 1;

	if (def->flags & CMD_UI)
		return cmd_err(c, _("%s is a screen action"), def->name);
	if (nargs < def->min_args || nargs > def->max_args)
		return cmd_err(c, _("usage: %s %s"), def->name, def->args);
	if ((def->flags & CMD_WRITE) && (app->read_only || db_is_readonly(app->db)))
		return cmd_err(c, _("read-only: %s changes the record"), def->name);
	if ((def->flags & CMD_SESSION) && !c->session)
		return cmd_err(c, "%s", _("no current session (create one with session new)"));
	return 0;
}

static void one_line(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

/* Run the handler of a write command between a savepoint and its release
 * (a plain transaction when none is open), with its journal row. */
static int run_write(struct app *app, const struct command_def *def, struct cmd_ctx *c)
{
	bool nested = db_in_transaction(app->db);
	int rc = nested ? db_exec(app->db, "SAVEPOINT command") : db_begin(app->db);

	if (rc != DB_OK)
		return cmd_db_err(c);
	if ((def->flags & CMD_OPEN_SESSION) && strcmp(session_status(app->db, c->session), "closed") == 0)
		rc = cmd_err(c, "%s", _("the session is closed; reopen it first (session reopen)"));
	else
		rc = def->run(c);
	if (rc == 0 && !(def->flags & CMD_NO_JOURNAL) && !c->unchanged) {
		struct journal_entry e = {
			.session = c->new_session ? c->new_session : c->session,
			.item = c->item,
			.event = c->event[0] ? c->event : def->name,
			.delegation = c->delegation,
			.command = c->line,
			.detail = c->detail[0] ? c->detail : c->msg,
			.before = c->before,
			.after = c->after,
		};
		if (journal_add(app->db, &e) != DB_OK)
			rc = cmd_db_err(c);
	}
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

int command_exec(struct app *app, const char *line, char *out, size_t outsize)
{
	struct cmd_ctx c;
	const struct command_def *def;
	char err[256];
	int rc;

	memset(&c, 0, sizeof c);
	out[0] = '\0';
	if (command_split(line, &c.argc, &c.argv, err, sizeof err) != 0) {
		str_printf(out, outsize, "error: %s", err);
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
	def = command_find(c.argv[0]);
	if (!def) {
		cmd_err(&c, _("unknown command %s (help lists them)"), c.argv[0]);
		rc = -1;
	} else if ((rc = preflight(app, def, &c)) == 0) {
		cmd_fn fn = def->run;

		if (strcmp(def->name, "session") == 0)
			fn = cmd_session;
		if (def->flags & CMD_WRITE) {
			struct command_def d = *def;
			d.run = fn;
			rc = run_write(app, &d, &c);
		} else {
			rc = fn(&c);
		}
	}
	if (rc == 0 && c.new_session) {
		app->session = c.new_session;
		app->process = db_int(app->db, 0, "SELECT process_id FROM session WHERE id = ?",
				      "i", c.new_session);
	}
	one_line(c.msg);
	str_printf(out, outsize, rc == 0 ? "ok %s" : "error: %s", c.msg);
	free(c.before);
	free(c.after);
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
