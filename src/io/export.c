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
 * files do not depend on the interface language; themes are written by
 * their French title (the working language of the sources), falling back
 * to the English one. The whole export reads one snapshot (a read
 * transaction when the caller has none).
 */
#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "cmd.h"
#include "db.h"
#include "export.h"
#include "export_csv.h"
#include "i18n.h"
#include "minutes.h"
#include "rules.h"
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

/* Step through q writing one row per result; row() writes the cells. */
static int stream(struct exp *x, struct dbq *q, void (*row)(struct exp *, struct dbq *))
{
	int rc;

	if (!q)
		goto fail;
	while ((rc = dbq_step(q)) == DB_ROW && !x->out.err) {
		row(x, q);
		export_csv_end_row(&x->out);
	}
	dbq_reset(q);
	if (rc == DB_ROW || rc == DB_DONE)
		return 0;
fail:
	str_printf(x->err, x->errlen, "%s: %s", x->out.name, db_errmsg(x->db));
	return -1;
}

static const char *col(struct dbq *q, int i)
{
	return dbq_text(q, i);
}

static void cell_int_or_empty(struct exp *x, struct dbq *q, int i)
{
	if (dbq_is_null(q, i))
		export_csv_text(&x->out, NULL);
	else
		export_csv_int(&x->out, dbq_int(q, i));
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

/* ---- session.csv ---- */
static void row_session(struct exp *x, struct dbq *q)
{
	char now[40];

	for (int i = 0; i < 3; i++)
		export_csv_text(&x->out, col(q, i));
	export_csv_text(&x->out, col(q, 3));     /* dates stay dates */
	export_csv_text(&x->out, col(q, 4));
	for (int i = 5; i < 11; i++)
		export_csv_text(&x->out, col(q, i));
	export_csv_text(&x->out, time_iso(clock_now(), now, sizeof now));
}

static int file_session(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT p.code, s.title, s.level, s.start_date, s.end_date, s.venue, s.host, s.chair,"
		" (SELECT group_concat(t, '; ') FROM (SELECT COALESCE(NULLIF(th.title_fr, ''),"
		"   th.title_en) AS t FROM session_theme st JOIN theme th ON th.id = st.theme_id"
		"   WHERE st.session_id = s.id ORDER BY th.id)),"
		" s.min_level, s.status"
		" FROM session s JOIN process p ON p.id = s.process_id WHERE s.id = ?",
		"i", x->session), row_session);
}

/* ---- agenda.csv ---- */
static void row_agenda(struct exp *x, struct dbq *q)
{
	export_csv_int(&x->out, dbq_int(q, 0));
	export_csv_text(&x->out, col(q, 1));
	export_csv_text(&x->out, col(q, 2));
	export_csv_text(&x->out, col(q, 3));
	export_csv_time(&x->out, col(q, 4), x->day);
	export_csv_int(&x->out, dbq_int(q, 5));
	export_csv_time(&x->out, col(q, 6), x->day);
	export_csv_time(&x->out, col(q, 7), x->day);
	cell_duration(x, col(q, 6), col(q, 7), 60);
	export_csv_text(&x->out, col(q, 8));
}

static int file_agenda(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT num, title, kind, status, planned_start, planned_minutes, actual_start,"
		" actual_end, moderator FROM agenda_item WHERE session_id = ? ORDER BY pos, num",
		"i", x->session), row_agenda);
}

/* ---- attendance.csv ---- */
static void row_attendance(struct exp *x, struct dbq *q)
{
	for (int i = 0; i < 7; i++)
		export_csv_text(&x->out, col(q, i));
	export_csv_bool(&x->out, dbq_int(q, 7) != 0);
	export_csv_bool(&x->out, dbq_int(q, 8) != 0);
	export_csv_time(&x->out, col(q, 9), x->day);
	export_csv_time(&x->out, col(q, 10), x->day);
}

static int file_attendance(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT d.code, d.type, g.name, g.function, g.level, g.entity, g.category, g.head,"
		" g.present, g.arrived, g.left_at"
		" FROM delegate g JOIN delegation d ON d.id = g.delegation_id"
		" WHERE g.session_id = ?"
		" ORDER BY CASE d.type WHEN 'member' THEN 0 WHEN 'observer_state' THEN 1 ELSE 2 END,"
		" d.code, g.name", "i", x->session), row_attendance);
}

/* ---- check.csv ---- */
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
		export_csv_text(&x->out, rules_r4_code(rows[i].r4.result));
		export_csv_bool(&x->out, rows[i].r4.no_head);
		export_csv_text(&x->out, rows[i].detail);
		export_csv_end_row(&x->out);
	}
	free(rows);
	return 0;
}

/* ---- interventions.csv ---- */
static void row_intervention(struct exp *x, struct dbq *q)
{
	export_csv_int(&x->out, dbq_int(q, 0));
	export_csv_int(&x->out, dbq_int(q, 1));
	for (int i = 2; i < 6; i++)
		export_csv_text(&x->out, col(q, i));
	export_csv_time(&x->out, col(q, 6), x->day);
	export_csv_time(&x->out, col(q, 7), x->day);
	cell_duration(x, col(q, 6), col(q, 7), 1);
	export_csv_text(&x->out, col(q, 8));
}

static int file_interventions(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT a.num, i.seq, d.code, d.type, i.speaker, i.speech_type, i.start, i.end,"
		" i.summary FROM intervention i"
		" JOIN agenda_item a ON a.id = i.item_id"
		" JOIN delegation d ON d.id = i.delegation_id"
		" WHERE i.session_id = ? ORDER BY a.pos, a.num, i.seq", "i", x->session),
		row_intervention);
}

/* ---- themes.csv ---- */
static void row_theme(struct exp *x, struct dbq *q)
{
	export_csv_text(&x->out, col(q, 0));
	export_csv_int(&x->out, dbq_int(q, 1));
	export_csv_text(&x->out, col(q, 2));
	export_csv_text(&x->out, col(q, 3));
	for (int i = 4; i < 7; i++)
		export_csv_int(&x->out, dbq_int(q, i));
	export_csv_text(&x->out, col(q, 7));
	export_csv_text(&x->out, col(q, 8));
}

static int file_themes(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT p.target, p.num, p.title,"
		" CASE WHEN p.proposer_id IS NOT NULL THEN d.code ELSE p.proposer_kind END,"
		" (SELECT count(*) FROM position WHERE proposal_id = p.id AND stance = 'support'),"
		" (SELECT count(*) FROM position WHERE proposal_id = p.id AND stance = 'object'),"
		" (SELECT count(*) FROM position WHERE proposal_id = p.id AND stance = 'abstain'),"
		" p.status,"
		" (SELECT group_concat(s, '; ') FROM (SELECT d2.code || ': ' || po.stance AS s"
		"   FROM position po JOIN delegation d2 ON d2.id = po.delegation_id"
		"   WHERE po.proposal_id = p.id ORDER BY d2.code))"
		" FROM proposal p LEFT JOIN delegation d ON d.id = p.proposer_id"
		" WHERE p.session_id = ? ORDER BY p.num", "i", x->session), row_theme);
}

/* ---- recommendations.csv ---- */
static void row_rec(struct exp *x, struct dbq *q)
{
	export_csv_int(&x->out, dbq_int(q, 0));
	export_csv_text(&x->out, col(q, 1));
	export_csv_text(&x->out, col(q, 2));
	cell_int_or_empty(x, q, 3);
	export_csv_text(&x->out, col(q, 4));
	export_csv_text(&x->out, col(q, 5));
	export_csv_text(&x->out, col(q, 6));
	cell_int_or_empty(x, q, 7);
	export_csv_time(&x->out, col(q, 8), x->day);
	for (int i = 9; i < 12; i++)
		export_csv_text(&x->out, col(q, i));
}

static int file_recommendations(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT r.num, r.title, COALESCE(NULLIF(t.title_fr, ''), t.title_en), a.num, d.code,"
		" (SELECT group_concat(c, '; ') FROM (SELECT d2.code AS c FROM rec_cosponsor rc"
		"   JOIN delegation d2 ON d2.id = rc.delegation_id WHERE rc.rec_id = r.id"
		"   ORDER BY d2.code)),"
		" r.status, v.version, r.adopted_at,"
		" (SELECT group_concat(c, '; ') FROM (SELECT d3.code ||"
		"   CASE WHEN rr.reason = '' THEN '' ELSE ': ' || rr.reason END AS c"
		"   FROM rec_reservation rr JOIN delegation d3 ON d3.id = rr.delegation_id"
		"   WHERE rr.rec_id = r.id ORDER BY d3.code)),"
		" v.text_fr, v.text_en"
		" FROM recommendation r JOIN delegation d ON d.id = r.author_id"
		" LEFT JOIN theme t ON t.id = r.theme_id"
		" LEFT JOIN agenda_item a ON a.id = r.item_id"
		" LEFT JOIN rec_version v ON v.rec_id = r.id AND v.version ="
		"   (SELECT max(version) FROM rec_version WHERE rec_id = r.id)"
		" WHERE r.session_id = ? ORDER BY r.num", "i", x->session), row_rec);
}

/* ---- recommendation_versions.csv: every text a recommendation had ---- */
static void row_rec_version(struct exp *x, struct dbq *q)
{
	export_csv_int(&x->out, dbq_int(q, 0));
	export_csv_int(&x->out, dbq_int(q, 1));
	export_csv_text(&x->out, col(q, 2));
	export_csv_time(&x->out, col(q, 3), x->day);
	export_csv_text(&x->out, col(q, 4));
	export_csv_text(&x->out, col(q, 5));
}

static int file_rec_versions(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT r.num, v.version, d.code, v.at, v.text_fr, v.text_en FROM recommendation r"
		" JOIN rec_version v ON v.rec_id = r.id JOIN delegation d ON d.id = v.delegation_id"
		" WHERE r.session_id = ? ORDER BY r.num, v.version", "i", x->session),
		row_rec_version);
}

/* ---- minutes.csv ---- */
/* The detail in the reader's language (minutes_render.h). */
static void row_minutes(struct exp *x, struct dbq *q)
{
	char detail[4096];

	export_csv_int(&x->out, dbq_int(q, 0));
	export_csv_time(&x->out, col(q, 1), x->day);
	cell_int_or_empty(x, q, 2);
	for (int i = 3; i < 6; i++)
		export_csv_text(&x->out, col(q, i));
	minutes_detail(x->db, q, 7, col(q, 6), detail, sizeof detail);
	export_csv_text(&x->out, detail);
}

static int file_minutes(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT seq, time, item, event, delegation,"
		" CASE WHEN person <> '' THEN person ELSE actor END, detail, " MINUTES_ARGS_COLS
		" FROM journal WHERE session_id = ? ORDER BY seq", "i", x->session), row_minutes);
}

/* ---- followup.csv: every recommendation of the process that can be
 * followed (adopted or submitted, up to this session) × every member
 * state, with its latest report ("no_report" when none); `session` is the
 * session in which that status was reported. ---- */
static void row_followup(struct exp *x, struct dbq *q)
{
	export_csv_text(&x->out, col(q, 0));
	cell_int_or_empty(x, q, 1);
	export_csv_text(&x->out, col(q, 2));
	export_csv_text(&x->out, col(q, 3));
	export_csv_text(&x->out, col(q, 4));
	export_csv_time(&x->out, col(q, 5), x->day);
	export_csv_text(&x->out, col(q, 6));
}

static int file_followup(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT 'S' || r.session_id || '/R' || r.num, f.session_id, d.code,"
		" coalesce(f.status, 'no_report'), f.note, f.reported_at, f.reported_by"
		" FROM session cur JOIN session s ON s.process_id = cur.process_id AND s.id <= cur.id"
		" JOIN recommendation r ON r.session_id = s.id AND r.status IN ('adopted','submitted')"
		" JOIN delegation d ON d.process_id = cur.process_id AND d.type = 'member'"
		" LEFT JOIN followup f ON f.rec_id = r.id AND f.delegation_id = d.id"
		" WHERE cur.id = ? ORDER BY r.session_id, r.num, d.code", "i", x->session),
		row_followup);
}

/* ---- actions.csv: the actions of the process opened up to this session ---- */
static void row_action(struct exp *x, struct dbq *q)
{
	export_csv_int(&x->out, dbq_int(q, 0));
	for (int i = 1; i < 5; i++)
		export_csv_text(&x->out, col(q, i));
	cell_int_or_empty(x, q, 5);
	cell_int_or_empty(x, q, 6);
	export_csv_text(&x->out, col(q, 7));
}

static int file_actions(struct exp *x)
{
	return stream(x, db_query(x->db,
		"SELECT a.num, a.owner, a.text, a.due, a.state, a.opened_in, a.closed_in, a.note"
		" FROM session cur JOIN action a ON a.process_id = cur.process_id"
		"  AND a.opened_in <= cur.id WHERE cur.id = ? ORDER BY a.num", "i", x->session),
		row_action);
}

#define H(...) ((const char *const[]){ __VA_ARGS__, NULL })
static const struct {
	const char *name;
	const char *const *header;
	exp_fn write;
} files[] = {
	{ "session.csv", H("process", "title", "level", "start_date", "end_date", "venue", "host",
			   "chair", "themes", "min_level", "status", "exported_at"), file_session },
	{ "agenda.csv", H("item", "title", "kind", "status", "planned_start", "planned_minutes",
			  "actual_start", "actual_end", "actual_minutes", "moderator"), file_agenda },
	{ "attendance.csv", H("delegation", "delegation_type", "name", "function", "level",
			      "entity", "entity_category", "head", "present", "arrived", "left"),
	  file_attendance },
	{ "check.csv", H("member_state", "result", "no_head", "detail"), file_check },
	{ "interventions.csv", H("item", "seq", "delegation", "delegation_type", "speaker",
				 "speech_type", "start", "end", "seconds", "summary"),
	  file_interventions },
	{ "themes.csv", H("target", "proposal", "theme", "proposed_by", "support", "object",
			  "abstain", "decision", "positions"), file_themes },
	{ "recommendations.csv", H("number", "title", "theme", "item", "author", "cosponsors",
				   "status", "version", "adopted_at", "reservations", "text_fr",
				   "text_en"), file_recommendations },
	{ "recommendation_versions.csv", H("number", "version", "proposed_by", "time", "text_fr",
					   "text_en"), file_rec_versions },
	{ "minutes.csv", H("seq", "time", "item", "event", "delegation", "actor", "detail"),
	  file_minutes },
	{ "followup.csv", H("recommendation", "session", "member_state", "status", "note",
			    "reported_at", "reported_by"), file_followup },
	{ "actions.csv", H("action", "owner", "text", "due", "state", "opened_in", "closed_in",
			   "note"), file_actions },
};
#undef H

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
		int rc;

		x->out = (struct export_out){ .progress = progress, .ud = ud };
		if (export_csv_open(&x->out, tmp, files[i].name, flags & EXPORT_BOM, files[i].header,
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
	return cmd_ok(c, ngettext("exported %zu file to %s", "exported %zu files to %s",
				  (unsigned long)ARRAY_SIZE(files)), ARRAY_SIZE(files), c->argv[1]);
}
