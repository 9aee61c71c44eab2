/*
 * session.c — sessions of a process (DESIGN R2) and their themes (R6 as far
 * as the session is concerned): the handlers of `session new|open|close|
 * reopen`, `theme+` and `theme-` (`set KEY VALUE` is in session_set.c).
 *
 * A session created with `session new` is open at once (a session created
 * during a meeting is live). When the previous meeting of the process chose
 * the theme of the next one (table next_theme, written by `select` of a
 * `next` proposal), the new session starts with that theme and the choice
 * is marked used. A new session's minimum delegation level (R4) is
 * `director`, or `deputy_minister` for a ministerial session (product
 * default: a ministerial meeting suggests a ministerial rank); either falls
 * back to what the fixtures hold.
 *
 * The themes of a session: `theme+ CODE|"TITLE"` adds a theme of the
 * catalogue (by code, or by its exact French or English title, ASCII
 * case-insensitive) or else a free theme made from the title; `theme-
 * CODE|"TITLE"` removes one. The themes decide which entity categories are
 * competent in the R4 check, so each answer ends with the check's count.
 *
 * What screens and the export read of a session is in session_read.c.
 *
 * Every handler runs inside command_exec's transaction: an error return
 * rolls everything back, so a refused command changes nothing.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "app.h"
#include "attendance.h"
#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "report.h"
#include "rules.h"
#include "util.h"

#define TITLE_MAX 300   /* bytes of a session or theme title */

bool session_date_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

long long session_free_theme(struct db *db, long long session, const char *title)
{
	char code[48];

	for (int n = 1; n < 100000; n++) {
		str_printf(code, sizeof code, "free-%lld-%d", session, n);
		if (db_int(db, 0, "SELECT 1 FROM theme WHERE code = ?", "t", code))
			continue;
		if (db_run(db, "INSERT INTO theme (code, source, kind, title_fr, title_en)"
			       " VALUES (?, 'free', 'free', ?, '')", "tt", code, title) != DB_OK)
			return 0;
		return db_last_id(db);
	}
	return 0;
}

/* ---- shared checks ---- */

const char *const session_levels[] = { "expert", "senior", "ministerial", NULL };
const char *const session_rules[] = { "consensus", "majority", NULL };
const char *const session_statuses[] = { "planned", "open", "closed", NULL };

static bool is_session_level(const char *s)
{
	return str_in(session_levels, s);
}

int session_check_text(struct cmd_ctx *c, const char *what, const char *s, size_t max,
		       bool required)
{
	size_t n = strlen(s);

	if (required && strspn(s, " ") == n)
		return cmd_err(c, _("%s: must not be empty"), what);
	if (!utf8_is_clean_text(s, n, false))
		return cmd_err(c, _("%s: invalid UTF-8 or control character"), what);
	if (n > max)
		return cmd_err(c, _("%s: too long (%zu bytes, at most %zu)"), what, n, max);
	return 0;
}

/* The default minimum level of a new session at `level`: the preferred
 * code when the fixtures hold it, else director, else the lowest rank. */
static char *default_min_level(struct db *db, const char *level)
{
	const char *want = str_eq(level, "ministerial") ? "deputy_minister" : "director";
	char *code = db_text(db, "SELECT code FROM level WHERE code = ?", "t", want);

	if (!code)
		code = db_text(db, "SELECT code FROM level WHERE code = 'director'", "");
	if (!code)
		code = db_text(db, "SELECT code FROM level ORDER BY rank LIMIT 1", "");
	return code;
}

/* ---- session new ---- */

/* Give the new session the theme its process chose for it at the previous
 * meeting, if any: *label receives the theme's title (malloc'd), *from the
 * session that chose it. Returns 0 (also when there is nothing to inherit)
 * or < 0. */
static int inherit_next_theme(struct db *db, long long process, long long session,
			      char **label, long long *from)
{
	struct dbq *q = db_query(db, "SELECT from_session, theme_id, title FROM next_theme"
				     " WHERE process_id = ? AND used_by IS NULL"
				     " ORDER BY from_session DESC LIMIT 1", "i", process);
	long long theme = 0;
	char *title = NULL;
	int rc;

	*label = NULL;
	*from = 0;
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		*from = dbq_int(q, 0);
		theme = dbq_is_null(q, 1) ? 0 : dbq_int(q, 1);
		title = xstrdup(dbq_text(q, 2));
	}
	dbq_reset(q);
	if (rc < 0)
		return rc;
	if (!*from)
		return 0;
	if (theme) {
		rc = db_run(db, "INSERT INTO session_theme (session_id, theme_id) VALUES (?, ?)",
			    "ii", session, theme);
		free(title);
		title = db_text(db, "SELECT CASE WHEN ?1 = 'es' AND title_es <> '' THEN title_es"
				    " WHEN ?1 = 'fr' OR title_en = '' THEN title_fr"
				    " ELSE title_en END FROM theme WHERE id = ?2", "ti",
				i18n_lang(), theme);
	} else {
		theme = session_free_theme(db, session, title);
		rc = theme ? db_run(db, "INSERT INTO session_theme (session_id, theme_id)"
				    " VALUES (?, ?)", "ii", session, theme)
			   : db_errstatus(db);
	}
	if (rc == DB_OK)
		rc = db_run(db, "UPDATE next_theme SET used_by = ? WHERE process_id = ?"
				" AND from_session = ?", "iii", session, process, *from);
	if (rc != DB_OK) {
		free(title);
		return rc;
	}
	*label = title;
	return 0;
}

/* `--from ID`: the session whose roster, agenda and settings are carried
 * over. 0 when absent, -1 (msg filled) when malformed or unknown. */
static long long carry_from(struct cmd_ctx *c)
{
	long long src;

	if (c->argc < 6)
		return 0;
	if (c->argc != 7 || !str_eq(c->argv[5], "--from"))
		return cmd_err(c, _("session new: unknown option %s (expected --from ID)"),
			       c->argv[5]);
	if (cmd_arg_num(c, 6, "--from", &src) != 0)
		return -1;
	if (!db_int(c->db, 0, "SELECT 1 FROM session WHERE id = ?", "i", src))
		return cmd_err(c, _("no session %lld (rapporteur sessions lists them)"), src);
	return src;
}

int cmd_session_new(struct cmd_ctx *c)
{
	const char *title = c->argv[2], *level = c->argv[3], *date = c->argv[4];
	long long process = 0, id, from, src;
	char now[32], *min = NULL, *theme = NULL;
	int rc = -1, ndelegates = 0, nitems = 0;

	if (session_check_text(c, _("title"), title, TITLE_MAX, true) != 0)
		return -1;
	if (!is_session_level(level))
		return cmd_err(c, _("level: expected expert, senior or ministerial, not %s"), level);
	if (!session_date_valid(date))
		return cmd_err(c, _("date: expected a date YYYY-MM-DD, not %s"), date);
	src = carry_from(c);
	if (src < 0)
		return -1;
	if (src)
		process = db_int(c->db, 0, "SELECT process_id FROM session WHERE id = ?", "i", src);
	else if (c->app && c->app->process)
		process = db_int(c->db, 0, "SELECT id FROM process WHERE id = ?", "i",
				 c->app->process);
	if (!process)
		process = db_int(c->db, 0, "SELECT min(id) FROM process", "");
	if (!process)
		return cmd_err(c, "%s", _("no process in the database: load the fixtures first "
					  "(rapporteur init)"));
	min = default_min_level(c->db, level);
	if (!min)
		return cmd_err(c, "%s", _("no delegation levels in the database: load the "
					  "fixtures first (rapporteur init)"));
	if (db_run(c->db, "INSERT INTO session (process_id, title, level, start_date, min_level,"
			  " status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)", "ittttt",
		   process, title, level, date, min, cmd_now(now, sizeof now)) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	id = db_last_id(c->db);
	if (inherit_next_theme(c->db, process, id, &theme, &from) != 0 ||
	    (src && session_carry_over(c->db, src, id, &ndelegates, &nitems) != 0)) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->new_session = id;
	str_copy(c->event, "session_new", sizeof c->event);
	c->after = xasprintf("title=%s; level=%s; start_date=%s; min_level=%s; status=open%s%s",
			     title, level, date, min, theme ? "; theme=" : "", theme ? theme : "");
	if (src) {
		char *a = c->after;

		c->after = xasprintf("%s; from=%lld; delegates=%d; items=%d", a, src, ndelegates,
				     nitems);
		free(a);
	}
	if (theme)
		cmd_event(c, "session.new", "isssisiii", id, title, level, date, from, theme, src,
			  (long long)ndelegates, (long long)nitems);
	else
		cmd_event(c, "session.new", "isssisiii", id, title, level, date, 0LL, "", src,
			  (long long)ndelegates, (long long)nitems);
	if (src) {
		rc = cmd_ok(c, ANS_SESSION_FROM, id, src, ndelegates, nitems);
	} else {
		rc = cmd_ok(c, ANS_SESSION, id);
	}
out:
	free(min);
	free(theme);
	return rc;
}

/* ---- session open / close / reopen ---- */

static int set_status(struct cmd_ctx *c, long long id, const char *from, const char *to)
{
	if (db_run(c->db, "UPDATE session SET status = ? WHERE id = ?", "ti", to, id) != DB_OK)
		return cmd_db_err(c);
	c->before = xasprintf("status=%s", from);
	c->after = xasprintf("status=%s", to);
	return 0;
}

int cmd_session_open(struct cmd_ctx *c)
{
	struct session_info s;
	long long id;
	int rc;

	if (cmd_arg_num(c, 2, _("session"), &id) != 0)
		return -1;
	rc = session_get(c->db, id, &s);
	if (rc == 1)
		return cmd_err(c, _("no session %lld (rapporteur sessions lists them)"), id);
	if (rc != 0)
		return cmd_db_err(c);
	c->new_session = id;
	str_copy(c->event, "session_open", sizeof c->event);
	if (str_eq(s.status, "planned")) {
		if (set_status(c, id, "planned", "open") != 0)
			return -1;
		cmd_event(c, "session.opened", "is", id, s.title);
		return cmd_ok(c, ANS_SESSION, id);
	}
	cmd_event(c, "session.switched", "is", id, s.title);
	if (str_eq(s.status, "closed")) {
		/* Closed minutes do not change: switching to them writes nothing. */
		c->unchanged = true;
		return cmd_ok(c, ANS_SESSION_CLOSED_RO, id);
	}
	return cmd_ok(c, ANS_SESSION, id);
}

int cmd_session_close(struct cmd_ctx *c)
{
	struct session_info s;
	long long item;
	int rc;

	if (!c->session)
		return cmd_err(c, "%s", _("no current session (create one with session new)"));
	rc = session_get(c->db, c->session, &s);
	if (rc != 0)
		return rc == 1 ? cmd_err(c, _("no session %lld"), c->session) : cmd_db_err(c);
	if (str_eq(s.status, "closed"))
		return cmd_err(c, _("session %lld is already closed"), c->session);
	if (!rules_session_transition(s.status, "closed"))
		return cmd_err(c, _("session %lld is %s, not open: open it first (session open %lld)"),
			       c->session, s.status, c->session);
	/* Closing ends nothing silently: what is running must be ended first. */
	item = agenda_item_in_progress(c->db, c->session);
	if (item)
		return cmd_err(c, _("item %lld is in progress; end it first (end)"), item);
	if (db_int(c->db, 0, "SELECT 1 FROM intervention WHERE session_id = ? AND end IS NULL",
		   "i", c->session))
		return cmd_err(c, "%s", _("an intervention is in progress; end it first (yield)"));
	if (set_status(c, c->session, s.status, "closed") != 0)
		return -1;
	str_copy(c->event, "session_close", sizeof c->event);
	cmd_event(c, "session.closed", "i", c->session);
	return cmd_ok(c, ANS_SESSION_CLOSED, c->session);
}

/* An approved report locks the session: reopening lifts the lock (and
 * opens the session when it is also closed). 1 done, 0 not locked, -1. */
static int report_unlock(struct cmd_ctx *c)
{
	char now[32];
	int rc = report_session_unlock(c->db, c->session, cmd_now(now, sizeof now));
	bool closed;

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return 0;
	closed = db_int(c->db, 0, "SELECT status = 'closed' FROM session WHERE id = ?", "i",
			c->session) == 1;
	if (closed && set_status(c, c->session, "closed", "open") != 0)
		return -1;
	free(c->before);
	free(c->after);
	c->before = xasprintf("report=approved%s", closed ? " status=closed" : "");
	c->after = xasprintf("report=reopened%s", closed ? " status=open" : "");
	str_copy(c->event, "session_reopen", sizeof c->event);
	cmd_event(c, "session.reopened_approved", "i", c->session);
	cmd_ok(c, ANS_SESSION_REOPENED_APPROVED, c->session);
	return 1;
}

int cmd_session_reopen(struct cmd_ctx *c)
{
	struct session_info s;
	int rc;

	if (!c->session)
		return cmd_err(c, "%s", _("no current session (create one with session new)"));
	rc = session_get(c->db, c->session, &s);
	if (rc != 0)
		return rc == 1 ? cmd_err(c, _("no session %lld"), c->session) : cmd_db_err(c);
	if ((rc = report_unlock(c)) != 0)
		return rc < 0 ? -1 : 0;
	if (!str_eq(s.status, "closed") || !rules_session_transition(s.status, "open"))
		return cmd_err(c, _("session %lld is not closed (it is %s)"), c->session, s.status);
	if (set_status(c, c->session, "closed", "open") != 0)
		return -1;
	str_copy(c->event, "session_reopen", sizeof c->event);
	cmd_event(c, "session.reopened", "i", c->session);
	return cmd_ok(c, ANS_SESSION_REOPENED, c->session);
}

/* ---- theme+ / theme- ---- */

struct theme_ref {
	long long id;
	char code[64];
	char title[TITLE_MAX + 8];
};

/* Read a theme row (id, code, title_fr, title_en) from q into t. */
static int theme_row(struct dbq *q, struct theme_ref *t)
{
	int rc = dbq_step(q);

	if (rc == DB_ROW) {
		t->id = dbq_int(q, 0);
		str_copy(t->code, dbq_text(q, 1), sizeof t->code);
		str_copy(t->title, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)), sizeof t->title);
		rc = 1;
	}
	dbq_reset(q);
	return rc < 0 ? rc : rc == 1;
}

/* A theme of the catalogue named by its code or an exact title (ASCII
 * case-insensitive). 1 found, 0 not, < 0 db error. */
static int theme_find(struct db *db, const char *s, struct theme_ref *t)
{
	struct dbq *q = db_query(db, "SELECT id, code, title_fr, title_en FROM theme"
				     " WHERE code = ?1 OR title_fr = ?1 COLLATE NOCASE"
				     " OR title_en = ?1 COLLATE NOCASE OR title_es = ?1 COLLATE NOCASE"
				     " ORDER BY code = ?1 DESC, id LIMIT 1", "t", s);

	return q ? theme_row(q, t) : db_errstatus(db);
}

/* Something typed like a catalogue code (lower-case ASCII, digits, _ or -,
 * with a _ or a digit): an unknown code, not the title of a free theme. */
static bool looks_like_code(const char *s)
{
	bool mark = false;

	for (; *s; s++) {
		if (*s == '_' || (*s >= '0' && *s <= '9'))
			mark = true;
		else if (!(*s >= 'a' && *s <= 'z') && *s != '-')
			return false;
	}
	return mark;
}

int session_check_answer(struct cmd_ctx *c)
{
	int ok, total;

	if (attendance_check_summary(c->db, c->session, &ok, &total) == 0 && total > 0)
		cmd_ok_add(c, ANS_CHECK_SUFFIX, ok, total);
	return 0;
}

int cmd_theme_add(struct cmd_ctx *c)
{
	const char *arg = c->argv[1];
	struct theme_ref t;
	int rc = theme_find(c->db, arg, &t);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0) {
		if (looks_like_code(arg))
			return cmd_err(c, _("unknown theme code %s (a free theme is named by its "
					    "title in quotes)"), arg);
		if (session_check_text(c, _("theme"), arg, TITLE_MAX, true) != 0)
			return -1;
		t.id = session_free_theme(c->db, c->session, arg);
		if (!t.id)
			return cmd_db_err(c);
		char *code = db_text(c->db, "SELECT code FROM theme WHERE id = ?", "i", t.id);

		str_copy(t.code, code ? code : "", sizeof t.code);
		free(code);
		str_copy(t.title, arg, sizeof t.title);
	} else if (db_int(c->db, 0, "SELECT 1 FROM session_theme WHERE session_id = ?"
				    " AND theme_id = ?", "ii", c->session, t.id)) {
		return cmd_err(c, _("%s is already a theme of this session"), t.code);
	}
	if (db_run(c->db, "INSERT INTO session_theme (session_id, theme_id) VALUES (?, ?)", "ii",
		   c->session, t.id) != DB_OK)
		return cmd_db_err(c);
	c->after = xasprintf("theme=%s", t.code);
	cmd_event(c, "session.theme_added", "ss", t.code, t.title);
	cmd_ok(c, ANS_THEME_ADDED, t.code);
	return session_check_answer(c);
}

int cmd_theme_del(struct cmd_ctx *c)
{
	struct theme_ref t;
	struct dbq *q = db_query(c->db, "SELECT t.id, t.code, t.title_fr, t.title_en"
					" FROM session_theme st JOIN theme t ON t.id = st.theme_id"
					" WHERE st.session_id = ?1 AND (t.code = ?2"
					" OR t.title_fr = ?2 COLLATE NOCASE"
					" OR t.title_en = ?2 COLLATE NOCASE"
					" OR t.title_es = ?2 COLLATE NOCASE)"
					" ORDER BY t.code = ?2 DESC, t.id LIMIT 1",
				 "it", c->session, c->argv[1]);
	int rc = q ? theme_row(q, &t) : db_errstatus(c->db);

	if (rc < 0)
		return cmd_db_err(c);
	if (rc == 0)
		return cmd_err(c, _("%s is not a theme of this session"), c->argv[1]);
	if (db_run(c->db, "DELETE FROM session_theme WHERE session_id = ? AND theme_id = ?", "ii",
		   c->session, t.id) != DB_OK)
		return cmd_db_err(c);
	c->before = xasprintf("theme=%s", t.code);
	cmd_event(c, "session.theme_removed", "ss", t.code, t.title);
	cmd_ok(c, ANS_THEME_REMOVED, t.code);
	return session_check_answer(c);
}
