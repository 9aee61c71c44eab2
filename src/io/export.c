/*
 * export.c — the CSV minutes of a session (DESIGN §6) and the `export DIR
 * [--force] [--bom]` command.
 *
 * The files of files[] below, each produced by one query streamed row by row (dbq_step,
 * one CSV row per database row) into export_csv.c's writer. They are
 * written into DIR.tmp.PID beside DIR, each fsync'ed, and the folder is
 * renamed into place at the end, so a reader never sees half an export.
 * An existing DIR is refused without EXPORT_FORCE, and even with it is
 * replaced only when it holds nothing but export files (so `--force` can
 * never delete someone's folder by a typo).
 *
 * Choices where DESIGN is silent: the process, levels, categories and
 * delegations are written as their stable codes (not labels), so the
 * files do not depend on the interface language. The titles of the
 * catalogue's themes (session.csv, themes.csv, recommendations.csv) are
 * written in the language of the export, as minutes.csv is, whichever
 * language a proposal was typed in (THEME_TITLE_SQL: Spanish, English,
 * French where the catalogue lacks one); free titles as typed. The whole
 * export reads one snapshot (a read transaction when the caller has none).
 */
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "cmd.h"
#include "db.h"
#include "event.h"
#include "export.h"
#include "export_csv.h"
#include "i18n.h"
#include "minutes.h"
#include "rules.h"
#include "themes.h"
#include "util.h"

struct exp {
	struct db *db;
	long long session;
	char day[16];              /* the session's start date, for "HH:MM" times */
	struct export_out out;
	char *err;
	size_t errlen;
};

typedef int (*exp_fn)(struct exp *);

/*
 * Each file is a table of columns: its header, the SQL expression that
 * feeds it and the kind of cell it writes. FILE_COLS(C) lists them as
 * C(header, "expression", KIND); the file's query is "SELECT " followed
 * by every expression and ", ", then "NULL FROM …" (the NULL closes the
 * list and is not read). A new column is one line.
 *
 * Kinds and the SQL columns they read: TEXT, INT, INT_OR_EMPTY (empty for
 * NULL), TIME (a stored time, "HH:MM" on the session's day), BOOL (yes/no)
 * read one; MINUTES and SECONDS read two times (expression "a, b") and
 * write the whole units between them; NOW reads one (NULL) and writes the
 * export's time; DETAIL reads the stored detail then the event code and
 * its arguments (MINUTES_ARGS_COLS) and writes the line in the reader's
 * language (minutes_render.h).
 */
enum cell {
	CELL_TEXT, CELL_INT, CELL_INT_OR_EMPTY, CELL_TIME, CELL_BOOL, CELL_MINUTES, CELL_SECONDS,
	CELL_NOW, CELL_DETAIL,
};

struct column {
	const char *header;
	enum cell kind;
};

#define COLUMN(h, e, k) { h, CELL_##k },
#define EXPR(h, e, k) e ", "

/* ---- session.csv ---- */
#define SESSION_COLS(C)                                                                  \
	C("process", "p.code", TEXT)                                                    \
	C("title", "s.title", TEXT)                                                     \
	C("level", "s.level", TEXT)                                                     \
	C("start_date", "s.start_date", TEXT)                                           \
	C("end_date", "s.end_date", TEXT)                                               \
	C("venue", "s.venue", TEXT)                                                     \
	C("host", "s.host", TEXT)                                                       \
	C("chair", "s.chair", TEXT)                                                     \
	C("themes", "(SELECT group_concat(t, '; ') FROM (SELECT "                      \
	  THEME_TITLE_SQL("th", "?2") " AS t FROM session_theme st JOIN theme th"       \
	  " ON th.id = st.theme_id WHERE st.session_id = s.id ORDER BY th.id))", TEXT)  \
	C("min_level", "s.min_level", TEXT)                                             \
	C("status", "s.status", TEXT)                                                   \
	C("exported_at", "NULL", NOW)
static const struct column session_cols[] = { SESSION_COLS(COLUMN) { NULL, 0 } };
static const char sql_session[] = "SELECT " SESSION_COLS(EXPR)
	"NULL FROM session s JOIN process p ON p.id = s.process_id WHERE s.id = ?1";

/* ---- agenda.csv ---- */
#define AGENDA_COLS(C)                                                                   \
	C("item", "num", INT)                                                           \
	C("title", "title", TEXT)                                                       \
	C("kind", "kind", TEXT)                                                         \
	C("status", "status", TEXT)                                                     \
	C("planned_start", "planned_start", TIME)                                       \
	C("planned_minutes", "planned_minutes", INT)                                    \
	C("actual_start", "actual_start", TIME)                                         \
	C("actual_end", "actual_end", TIME)                                             \
	C("actual_minutes", "actual_start, actual_end", MINUTES)                        \
	C("moderator", "moderator", TEXT)
static const struct column agenda_cols[] = { AGENDA_COLS(COLUMN) { NULL, 0 } };
static const char sql_agenda[] = "SELECT " AGENDA_COLS(EXPR)
	"NULL FROM agenda_item WHERE session_id = ? ORDER BY pos, num";

/* ---- attendance.csv ---- */
#define ATTENDANCE_COLS(C)                                                               \
	C("delegation", "d.code", TEXT)                                                 \
	C("delegation_type", "d.type", TEXT)                                            \
	C("name", "g.name", TEXT)                                                       \
	C("function", "g.function", TEXT)                                               \
	C("level", "g.level", TEXT)                                                     \
	C("entity", "g.entity", TEXT)                                                   \
	C("entity_category", "g.category", TEXT)                                        \
	C("head", "g.head", BOOL)                                                       \
	C("present", "g.present", BOOL)                                                 \
	C("arrived", "g.arrived", TIME)                                                 \
	C("left", "g.left_at", TIME)
static const struct column attendance_cols[] = { ATTENDANCE_COLS(COLUMN) { NULL, 0 } };
static const char sql_attendance[] = "SELECT " ATTENDANCE_COLS(EXPR)
	"NULL FROM delegate g JOIN delegation d ON d.id = g.delegation_id"
	" WHERE g.session_id = ?"
	" ORDER BY CASE d.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END,"
	" d.code, g.name";

/* ---- check.csv: from attendance_check(), not from SQL ---- */
#define CHECK_COLS(C)                                                                    \
	C("member_state", "", TEXT)                                                     \
	C("result", "", TEXT)                                                           \
	C("no_head", "", BOOL)                                                          \
	C("detail", "", TEXT)
static const struct column check_cols[] = { CHECK_COLS(COLUMN) { NULL, 0 } };

/* ---- interventions.csv ---- */
#define INTERVENTIONS_COLS(C)                                                            \
	C("item", "a.num", INT)                                                         \
	C("seq", "i.seq", INT)                                                          \
	C("delegation", "d.code", TEXT)                                                 \
	C("delegation_type", "d.type", TEXT)                                            \
	C("speaker", "i.speaker", TEXT)                                                 \
	C("speech_type", "i.speech_type", TEXT)                                         \
	C("start", "i.start", TIME)                                                     \
	C("end", "i.end", TIME)                                                         \
	C("seconds", "i.start, i.end", SECONDS)                                         \
	C("summary", "i.summary", TEXT)
static const struct column interventions_cols[] = { INTERVENTIONS_COLS(COLUMN) { NULL, 0 } };
static const char sql_interventions[] = "SELECT " INTERVENTIONS_COLS(EXPR)
	"NULL FROM intervention i JOIN agenda_item a ON a.id = i.item_id"
	" JOIN delegation d ON d.id = i.delegation_id"
	" WHERE i.session_id = ? ORDER BY a.pos, a.num, i.seq";

/* ---- themes.csv ---- */
#define THEMES_COLS(C)                                                                   \
	C("target", "p.target", TEXT)                                                   \
	C("proposal", "p.num", INT)                                                     \
	C("theme", PROPOSAL_TITLE_SQL("p", "t", "?2"), TEXT)                            \
	C("proposed_by", "CASE WHEN p.proposer_id IS NOT NULL THEN d.code"              \
	  " ELSE p.proposer_kind END", TEXT)                                            \
	C("support", "(SELECT count(*) FROM position WHERE proposal_id = p.id"          \
	  " AND stance = 'support')", INT)                                              \
	C("object", "(SELECT count(*) FROM position WHERE proposal_id = p.id"           \
	  " AND stance = 'object')", INT)                                               \
	C("abstain", "(SELECT count(*) FROM position WHERE proposal_id = p.id"          \
	  " AND stance = 'abstain')", INT)                                              \
	C("decision", "p.status", TEXT)                                                 \
	C("positions", "(SELECT group_concat(s, '; ') FROM (SELECT d2.code || ': ' ||"  \
	  " po.stance AS s FROM position po JOIN delegation d2"                         \
	  " ON d2.id = po.delegation_id WHERE po.proposal_id = p.id ORDER BY d2.code))", \
	  TEXT)
static const struct column themes_cols[] = { THEMES_COLS(COLUMN) { NULL, 0 } };
static const char sql_themes[] = "SELECT " THEMES_COLS(EXPR)
	"NULL FROM proposal p LEFT JOIN delegation d ON d.id = p.proposer_id"
	" LEFT JOIN theme t ON t.id = p.theme_id"
	" WHERE p.session_id = ?1 ORDER BY p.num";

/* ---- recommendations.csv ---- */
#define RECOMMENDATIONS_COLS(C)                                                          \
	C("number", "r.num", INT)                                                       \
	C("title", "r.title", TEXT)                                                     \
	C("theme", THEME_TITLE_SQL("t", "?2"), TEXT)                                    \
	C("item", "a.num", INT_OR_EMPTY)                                                \
	C("author", "d.code", TEXT)                                                     \
	C("cosponsors", "(SELECT group_concat(c, '; ') FROM (SELECT d2.code AS c"       \
	  " FROM rec_cosponsor rc JOIN delegation d2 ON d2.id = rc.delegation_id"       \
	  " WHERE rc.rec_id = r.id ORDER BY d2.code))", TEXT)                           \
	C("status", "r.status", TEXT)                                                   \
	C("version", "v.version", INT_OR_EMPTY)                                         \
	C("adopted_at", "r.adopted_at", TIME)                                           \
	C("reservations", "(SELECT group_concat(c, '; ') FROM (SELECT d3.code ||"       \
	  " CASE WHEN rr.reason = '' THEN '' ELSE ': ' || rr.reason END AS c"           \
	  " FROM rec_reservation rr JOIN delegation d3 ON d3.id = rr.delegation_id"     \
	  " WHERE rr.rec_id = r.id ORDER BY d3.code))", TEXT)                           \
	C("text_fr", "v.text_fr", TEXT)                                                 \
	C("text_en", "v.text_en", TEXT)
static const struct column recommendations_cols[] = { RECOMMENDATIONS_COLS(COLUMN) { NULL, 0 } };
static const char sql_recommendations[] = "SELECT " RECOMMENDATIONS_COLS(EXPR)
	"NULL FROM recommendation r JOIN delegation d ON d.id = r.author_id"
	" LEFT JOIN theme t ON t.id = r.theme_id"
	" LEFT JOIN agenda_item a ON a.id = r.item_id"
	" LEFT JOIN rec_version v ON v.rec_id = r.id AND v.version ="
	"   (SELECT max(version) FROM rec_version WHERE rec_id = r.id)"
	" WHERE r.session_id = ?1 ORDER BY r.num";

/* ---- recommendation_versions.csv: every text a recommendation had ---- */
#define REC_VERSIONS_COLS(C)                                                             \
	C("number", "r.num", INT)                                                       \
	C("version", "v.version", INT)                                                  \
	C("proposed_by", "d.code", TEXT)                                                \
	C("time", "v.at", TIME)                                                         \
	C("text_fr", "v.text_fr", TEXT)                                                 \
	C("text_en", "v.text_en", TEXT)
static const struct column rec_versions_cols[] = { REC_VERSIONS_COLS(COLUMN) { NULL, 0 } };
static const char sql_rec_versions[] = "SELECT " REC_VERSIONS_COLS(EXPR)
	"NULL FROM recommendation r JOIN rec_version v ON v.rec_id = r.id"
	" JOIN delegation d ON d.id = v.delegation_id"
	" WHERE r.session_id = ? ORDER BY r.num, v.version";

/* ---- minutes.csv: the detail in the reader's language ---- */
#define MINUTES_COLS(C)                                                                  \
	C("seq", "seq", INT)                                                            \
	C("time", "time", TIME)                                                         \
	C("item", "item", INT_OR_EMPTY)                                                 \
	C("event", "event", TEXT)                                                       \
	C("delegation", "delegation", TEXT)                                             \
	C("actor", "CASE WHEN person <> '' THEN person ELSE actor END", TEXT)           \
	C("detail", "detail, " MINUTES_ARGS_COLS, DETAIL)
static const struct column minutes_cols[] = { MINUTES_COLS(COLUMN) { NULL, 0 } };
static const char sql_minutes[] = "SELECT " MINUTES_COLS(EXPR)
	"NULL FROM journal WHERE session_id = ? ORDER BY seq";

/* ---- followup.csv: every recommendation of the process that can be
 * followed (adopted or submitted, up to this session) × every member
 * state, with its latest report ("no_report" when none); `session` is the
 * session in which that status was reported. ---- */
#define FOLLOWUP_COLS(C)                                                                 \
	C("recommendation", "'S' || r.session_id || '/R' || r.num", TEXT)               \
	C("session", "f.session_id", INT_OR_EMPTY)                                      \
	C("member_state", "d.code", TEXT)                                               \
	C("status", "coalesce(f.status, 'no_report')", TEXT)                            \
	C("note", "f.note", TEXT)                                                       \
	C("reported_at", "f.reported_at", TIME)                                         \
	C("reported_by", "f.reported_by", TEXT)
static const struct column followup_cols[] = { FOLLOWUP_COLS(COLUMN) { NULL, 0 } };
static const char sql_followup[] = "SELECT " FOLLOWUP_COLS(EXPR)
	"NULL FROM session cur JOIN session s ON s.process_id = cur.process_id AND s.id <= cur.id"
	" JOIN recommendation r ON r.session_id = s.id AND r.status IN ('adopted','submitted')"
	" JOIN delegation d ON d.process_id = cur.process_id AND d.type = 'member'"
	" LEFT JOIN followup f ON f.rec_id = r.id AND f.delegation_id = d.id"
	" WHERE cur.id = ? ORDER BY r.session_id, r.num, d.code";

/* ---- actions.csv: the actions of the process opened up to this session ---- */
#define ACTIONS_COLS(C)                                                                  \
	C("action", "a.num", INT)                                                       \
	C("owner", "a.owner", TEXT)                                                     \
	C("text", "a.text", TEXT)                                                       \
	C("due", "a.due", TEXT)                                                         \
	C("state", "a.state", TEXT)                                                     \
	C("opened_in", "a.opened_in", INT_OR_EMPTY)                                     \
	C("closed_in", "a.closed_in", INT_OR_EMPTY)                                     \
	C("note", "a.note", TEXT)
static const struct column actions_cols[] = { ACTIONS_COLS(COLUMN) { NULL, 0 } };
static const char sql_actions[] = "SELECT " ACTIONS_COLS(EXPR)
	"NULL FROM session cur JOIN action a ON a.process_id = cur.process_id"
	" AND a.opened_in <= cur.id WHERE cur.id = ? ORDER BY a.num";

#undef COLUMN
#undef EXPR

static const char *col(struct dbq *q, int i)
{
	return dbq_text(q, i);
}

/* Whole units between two stored times, rounded to nearest; empty when
 * either end is missing. */
static void cell_duration(struct exp *x, const char *a, const char *b, long unit)
{
	time_t t0 = export_csv_parse_time(a, x->day), t1 = export_csv_parse_time(b, x->day);

	if (t0 == -1 || t1 == -1 || t1 < t0)
		export_csv_text(&x->out, NULL);
	else
		export_csv_int(&x->out, ((long long)(t1 - t0) + unit / 2) / unit);
}

/* Write the cell of kind k from the SQL columns at i; returns how many it
 * read. */
static int cell(struct exp *x, struct dbq *q, int i, enum cell k)
{
	char buf[4096];

	switch (k) {
	case CELL_INT:
		export_csv_int(&x->out, dbq_int(q, i));
		return 1;
	case CELL_INT_OR_EMPTY:
		if (dbq_is_null(q, i))
			export_csv_text(&x->out, NULL);
		else
			export_csv_int(&x->out, dbq_int(q, i));
		return 1;
	case CELL_TIME:
		export_csv_time(&x->out, col(q, i), x->day);
		return 1;
	case CELL_BOOL:
		export_csv_bool(&x->out, dbq_int(q, i) != 0);
		return 1;
	case CELL_MINUTES:
	case CELL_SECONDS:
		cell_duration(x, col(q, i), col(q, i + 1), k == CELL_MINUTES ? 60 : 1);
		return 2;
	case CELL_NOW:
		export_csv_text(&x->out, time_iso(clock_now(), buf, sizeof buf));
		return 1;
	case CELL_DETAIL:
		minutes_detail(x->db, q, i + 1, col(q, i), buf, sizeof buf);
		export_csv_text(&x->out, buf);
		return 2 + EVENT_ARGS_MAX;
	case CELL_TEXT:
	default:
		export_csv_text(&x->out, col(q, i));
		return 1;
	}
}

/* Stream the rows of sql (one parameter: the session), one CSV row per
 * database row, its cells by the columns' kinds. */
/* Write the rows of query q (NULL: it could not be prepared), one CSV
 * row each. */
static int rows(struct exp *x, struct dbq *q, const struct column *cols)
{
	int rc;

	if (!q)
		goto fail;
	while ((rc = dbq_step(q)) == DB_ROW && !x->out.err) {
		for (int c = 0, i = 0; cols[c].header; c++)
			i += cell(x, q, i, cols[c].kind);
		export_csv_end_row(&x->out);
	}
	dbq_reset(q);
	if (rc == DB_ROW || rc == DB_DONE)
		return 0;
fail:
	str_printf(x->err, x->errlen, "%s: %s", x->out.name, db_errmsg(x->db));
	return -1;
}

/* A file of the session: sql's parameter 1 is the session. */
static int table(struct exp *x, const char *sql, const struct column *cols)
{
	return rows(x, db_query(x->db, sql, "i", x->session), cols);
}

/* The same with parameter 2, the language of the export (theme titles). */
static int table_lang(struct exp *x, const char *sql, const struct column *cols)
{
	return rows(x, db_query(x->db, sql, "it", x->session, i18n_lang()), cols);
}

static int file_session(struct exp *x)
{
	return table_lang(x, sql_session, session_cols);
}

static int file_agenda(struct exp *x)
{
	return table(x, sql_agenda, agenda_cols);
}

static int file_attendance(struct exp *x)
{
	return table(x, sql_attendance, attendance_cols);
}

static int file_check(struct exp *x)
{
	struct check_row *rows = NULL;
	size_t n = 0;

	if (attendance_check(x->db, x->session, &rows, &n) != 0) {
		str_printf(x->err, x->errlen, "%s: %s", x->out.name, db_errmsg(x->db));
		free(rows);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		export_csv_text(&x->out, rows[i].code);
		export_csv_text(&x->out, attendance_result_code(&rows[i]));
		export_csv_bool(&x->out, rows[i].r4.no_head && rows[i].applied);
		export_csv_text(&x->out, rows[i].detail);
		export_csv_end_row(&x->out);
	}
	free(rows);
	return 0;
}

static int file_interventions(struct exp *x)
{
	return table(x, sql_interventions, interventions_cols);
}

static int file_themes(struct exp *x)
{
	return table_lang(x, sql_themes, themes_cols);
}

static int file_recommendations(struct exp *x)
{
	return table_lang(x, sql_recommendations, recommendations_cols);
}

static int file_rec_versions(struct exp *x)
{
	return table(x, sql_rec_versions, rec_versions_cols);
}

static int file_minutes(struct exp *x)
{
	return table(x, sql_minutes, minutes_cols);
}

static int file_followup(struct exp *x)
{
	return table(x, sql_followup, followup_cols);
}

static int file_actions(struct exp *x)
{
	return table(x, sql_actions, actions_cols);
}

static const struct {
	const char *name;
	const struct column *cols;
	exp_fn write;
} files[] = {
	{ "session.csv", session_cols, file_session },
	{ "agenda.csv", agenda_cols, file_agenda },
	{ "attendance.csv", attendance_cols, file_attendance },
	{ "check.csv", check_cols, file_check },
	{ "interventions.csv", interventions_cols, file_interventions },
	{ "themes.csv", themes_cols, file_themes },
	{ "recommendations.csv", recommendations_cols, file_recommendations },
	{ "recommendation_versions.csv", rec_versions_cols, file_rec_versions },
	{ "minutes.csv", minutes_cols, file_minutes },
	{ "followup.csv", followup_cols, file_followup },
	{ "actions.csv", actions_cols, file_actions },
};

static const char *const *export_names(void)
{
	static const char *names[ARRAY_SIZE(files) + 1];

	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		names[i] = files[i].name;
	return names;
}

static int write_files(struct exp *x, const char *tmp, unsigned flags,
		       export_progress_fn progress, void *ud)
{
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		const char *header[32];
		size_t n = 0;
		int rc;

		for (; files[i].cols[n].header && n + 1 < ARRAY_SIZE(header); n++)
			header[n] = files[i].cols[n].header;
		header[n] = NULL;
		x->out = (struct export_out){ .progress = progress, .ud = ud };
		if (export_csv_open(&x->out, tmp, files[i].name, flags & EXPORT_BOM, header,
				    x->err, x->errlen) != 0)
			return -1;
		rc = files[i].write(x);
		if (export_csv_close(&x->out, rc == 0 ? x->err : NULL, rc == 0 ? x->errlen : 0) != 0 ||
		    rc != 0)
			return -1;
	}
	return 0;
}

int export_session(struct db *db, long long session, const char *dir, unsigned flags,
		   export_progress_fn progress, void *ud, char *err, size_t errlen)
{
	struct exp x = { .db = db, .session = session, .err = err, .errlen = errlen };
	char target[1024], tmp[1100];
	char *day;
	bool exists, own;
	int rc;

	if (export_dir_prepare(dir, flags, export_names(), target, sizeof target, tmp, sizeof tmp,
			       &exists, err, errlen) != 0)
		return -1;
	own = !db_in_transaction(db);
	if (own && db_exec(db, "BEGIN") != DB_OK) {
		str_printf(err, errlen, "%s", db_errmsg(db));
		export_dir_discard(tmp);
		return -1;
	}
	day = db_text(db, "SELECT start_date FROM session WHERE id = ?", "i", session);
	if (!day) {
		str_printf(err, errlen, _("no session %lld"), session);
		rc = -1;
	} else {
		str_copy(x.day, day, sizeof x.day);
		rc = write_files(&x, tmp, flags, progress, ud);
	}
	free(day);
	if (own)
		db_exec(db, "COMMIT");
	if (rc == 0)
		rc = export_dir_commit(target, tmp, exists, err, errlen);
	if (rc != 0)
		export_dir_discard(tmp);
	return rc;
}

int cmd_export(struct cmd_ctx *c)
{
	unsigned flags = 0;
	char err[512];

	for (int i = 2; i < c->argc; i++) {
		if (strcmp(c->argv[i], "--force") == 0)
			flags |= EXPORT_FORCE;
		else if (strcmp(c->argv[i], "--bom") == 0)
			flags |= EXPORT_BOM;
		else
			return cmd_err(c, _("unknown option %s (--force, --bom)"), c->argv[i]);
	}
	if (export_session(c->db, c->session, c->argv[1], flags, NULL, NULL, err, sizeof err) != 0)
		return cmd_err(c, "%s", err);
	return cmd_okn(c, ANS_EXPORTED, ARRAY_SIZE(files), ARRAY_SIZE(files), c->argv[1]);
}
