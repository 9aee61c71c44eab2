/*
 * report.c — the producer of the meeting report (report.h): the file
 * (temporary file renamed into place), the cover, the helpers the parts
 * share, and the walk that feeds the parts (report_walk.c,
 * report_walk2.c) to a writer.
 *
 * The walk reads one snapshot (a read transaction when the caller has
 * none) through the domain modules' read functions, a page at a time, so
 * memory does not grow with the record; only the agenda's chart, the
 * speaking time per delegation and the list of recommendations not
 * adopted (a title each) are kept until their place in the document.
 *
 * The fingerprint is SHA-256 over the rows the report is built from, in a
 * form that does not depend on the interface language (codes, names,
 * stored times, texts): two copies of a report, in French and English,
 * from the same record carry the same fingerprint. The lifecycle rows and
 * the journal (but for notes) are not part of it, so circulating or
 * approving a version does not change it. Nothing in a report depends on
 * the time it is rendered: rendering an approved version twice gives the
 * same bytes. Nor on the computer: times are written in the session's
 * zone (set tz, stated on the cover) and numbers with C's decimal point,
 * whatever the zone and locale of the process (report_render).
 *
 * A process's reports are meeting reports (DiMOI) or workshop reports
 * (IDM: process.report); a workshop report starts with its own parts
 * (report_workshop.c).
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "i18n.h"
#include "minutes.h"
#include "report_parts.h"
#include "themes.h"
#include "util.h"

/* ---- helpers ---- */

void rp_hash(struct rp *r, const char *s)
{
	if (s)
		sha256_update(&r->sha, s, strlen(s));
	sha256_update(&r->sha, "\x1f", 1);
}

void rp_hash_int(struct rp *r, long long v)
{
	char buf[32];

	str_printf(buf, sizeof buf, "%lld", v);
	rp_hash(r, buf);
}

void rp_row_done(struct rp *r, const char *part)
{
	sha256_update(&r->sha, "\x1e", 1);
	if (r->progress && (++r->rows & 255) == 0)
		r->progress(r->ud, part, r->rows);
}

int rp_fail(struct rp *r, int rc)
{
	if (rc < 0 && r->status == 0)
		r->status = rc;
	return rc;
}

static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

char *rp_date(const char *ymd, char *buf, size_t size)
{
	int y, m, d;

	if (!ymd || sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		str_copy(buf, ymd ? ymd : "", size);
		return buf;
	}
	/* TRANSLATORS: a date: the day, the month's name, the year
	 * ("23 November 2026"); Spanish "%d de %s de %d". */
	str_printf(buf, size, _("%d %s %d"), d, _(months[m - 1]), y);
	return buf;
}

char *rp_when(struct rp *r, time_t t, char *buf, size_t size)
{
	struct tm tm;
	char day[16];

	buf[0] = '\0';
	if (t <= 0 || !localtime_r(&t, &tm))
		return buf;
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	if (str_eq(day, r->s.start_date))
		strftime(buf, size, "%H:%M", &tm);
	else
		strftime(buf, size, "%d/%m %H:%M", &tm);
	return buf;
}

char *rp_minutes(long seconds, char *buf, size_t size)
{
	long m = (seconds + 30) / 60;

	if (m < 60)
		str_printf(buf, size, _("%ld min"), m);
	else
		str_printf(buf, size, _("%ld h %02ld"), m / 60, m % 60);
	return buf;
}

char *rp_iso(time_t t, char *buf, size_t size)
{
	buf[0] = '\0';
	return t ? time_iso(t, buf, size) : buf;
}

/* ---- the cover ---- */

static const char *level_label(const char *code)
{
	if (str_eq(code, "expert"))
		return _("expert meeting");
	if (str_eq(code, "ministerial"))
		return _("ministerial meeting");
	return _("senior officials' meeting");
}

/* The banner on every page: DRAFT, CIRCULATED vN, APPROVED vN (date). */
static void state_text(struct rp *r, char *buf, size_t size)
{
	char d[64];

	if (r->st.locked) {
		str_copy(d, r->st.approved_at, 11);
		str_printf(buf, size, _("APPROVED v%d — %s"), r->st.version, rp_date(d, d, sizeof d));
	} else if (r->st.version > 0 && !r->changed) {
		str_printf(buf, size, _("CIRCULATED v%d — not approved"), r->st.version);
	} else if (r->st.version > 0) {
		str_printf(buf, size, _("DRAFT v%d (corrections since v%d)"), r->st.version + 1,
			   r->st.version);
	} else {
		str_copy(buf, _("DRAFT"), size);
	}
}

static void field(struct rp *r, const char *label, const char *value)
{
	const char *cells[2] = { label, value };

	r->o->ops->row(r->o->w, cells);
}

static char *name_of(struct rp *r, const char *code)
{
	char *fr = db_text(r->db, "SELECT d.name_fr FROM delegation d JOIN session s ON"
			   " s.process_id = d.process_id WHERE s.id = ? AND d.code = ?",
			   "it", r->session, code);
	char *en = db_text(r->db, "SELECT d.name_en FROM delegation d JOIN session s ON"
			   " s.process_id = d.process_id WHERE s.id = ? AND d.code = ?",
			   "it", r->session, code);
	char *out = xstrdup(fr ? i18n_pick(fr, en ? en : "") : code);

	free(fr);
	free(en);
	return out;
}

/* The zone the report's times are written in: the session's (set tz),
 * else this computer's, with its offset on the session's first day. */
static void zone_text(struct rp *r, char *buf, size_t size)
{
	char iso[32], noon[32];
	const char *off;

	str_printf(noon, sizeof noon, "%sT12:00:00", r->s.start_date);
	time_iso(time_parse(noon), iso, sizeof iso);
	off = strlen(iso) >= 6 ? iso + strlen(iso) - 6 : "";
	if (str_eq(r->tz, "UTC"))
		str_copy(buf, "UTC", size);
	else if (!str_empty(r->tz) && (r->tz[0] == '+' || r->tz[0] == '-'))
		str_printf(buf, size, "UTC%s", r->tz);
	else if (!str_empty(r->tz))
		str_printf(buf, size, "%s (UTC%s)", r->tz, off);
	else
		str_printf(buf, size, _("UTC%s, the zone of the computer that wrote this report"
					" (the session names none: set tz)"), off);
}

static void cover_fields(struct rp *r, const char *process, const char *state)
{
	char a[64], b[64], dates[160], zone[160];
	char *host = name_of(r, r->s.host), *chair = name_of(r, r->s.chair), *themes = NULL;

	rp_date(r->s.start_date, a, sizeof a);
	rp_date(r->s.end_date, b, sizeof b);
	if (str_empty(r->s.end_date) || str_eq(r->s.start_date, r->s.end_date))
		str_copy(dates, a, sizeof dates);
	else
		str_printf(dates, sizeof dates, _("%s to %s"), a, b);
	zone_text(r, zone, sizeof zone);
	if (themes_view_session_themes(r->db, r->session, &themes) != 0)
		rp_fail(r, DB_ERROR);
	/* The fingerprint takes the stored values, not their wording. */
	rp_hash(r, r->s.title);
	rp_hash(r, r->s.level);
	rp_hash(r, r->s.start_date);
	rp_hash(r, r->s.end_date);
	rp_hash(r, r->s.venue);
	rp_hash(r, r->s.host);
	rp_hash(r, r->s.chair);
	rp_hash(r, r->s.min_level);
	r->o->ops->table(r->o->w, RT_FIELDS, 2, NULL);
	field(r, _("Process"), process);
	field(r, _("Session"), r->s.title);
	field(r, _("Level"), level_label(r->s.level));
	field(r, _("Dates"), dates);
	field(r, _("Venue"), r->s.venue);
	field(r, _("Host"), host);
	field(r, _("Chair"), chair);
	field(r, _("Themes"), themes ? themes : "");
	field(r, _("Minimum delegation level"), r->s.min_level_label);
	field(r, _("Time zone"), zone);
	r->o->ops->row(r->o->w, (const char *[]){ _("Report"), state });
	r->o->ops->table_end(r->o->w);
	rp_row_done(r, "cover");
	free(host);
	free(chair);
	free(themes);
}

/* Has anything but the lifecycle been journaled since the latest version?
 * One page of the journal at a time, stopping at the first change. */
static int changed_since(struct rp *r, long long seq, bool *changed)
{
	static const char *const quiet[] = { "minutes_circulate", "minutes_approve",
					     "session_open", "session_close", "session_reopen" };
	struct minutes_row rows[32];
	size_t n;

	*changed = false;
	do {
		int rc = minutes_after(r->db, r->session, NULL, seq, rows, ARRAY_SIZE(rows), &n);

		if (rc < 0)
			return rc;
		for (size_t i = 0; i < n; i++) {
			bool q = false;

			for (size_t k = 0; k < ARRAY_SIZE(quiet); k++)
				q |= str_eq(rows[i].event, quiet[k]);
			if (!q) {
				*changed = true;
				return 0;
			}
			seq = rows[i].seq;
		}
	} while (n == ARRAY_SIZE(rows));
	return 0;
}

static int load(struct rp *r)
{
	int rc = session_get(r->db, r->session, &r->s);
	char *tz;

	if (rc != 0)
		return rc == 1 ? 1 : rc;
	if ((rc = report_state_get(r->db, r->session, &r->st)) < 0)
		return rc;
	tz = db_text(r->db, "SELECT tz FROM session WHERE id = ?", "i", r->session);
	str_copy(r->tz, tz ? tz : "", sizeof r->tz);
	free(tz);
	/* The report's structure is the process's (fixtures: process.csv). */
	r->workshop = db_int(r->db, 0, "SELECT p.report = 'workshop' FROM process p"
			     " JOIN session s ON s.process_id = p.id WHERE s.id = ?", "i",
			     r->session) == 1;
	if (r->st.version > 0)
		return changed_since(r, r->st.journal_seq, &r->changed);
	return 0;
}

static void cover(struct rp *r, const char *state)
{
	char *pfr = db_text(r->db, "SELECT name_fr FROM process WHERE id = ?", "i",
			    r->s.process_id);
	char *pen = db_text(r->db, "SELECT name_en FROM process WHERE id = ?", "i",
			    r->s.process_id);
	const char *process = pfr ? i18n_pick(pfr, pen ? pen : "") : r->s.process_code;
	char stamp[32], country[16], gen[64];
	struct report_doc d = {
		.lang = i18n_lang(),
		.heading = r->workshop ? _("Workshop report") : _("Meeting report"), .process = process,
		.title = r->s.title, .state = state, .date = r->s.start_date,
		.stamp = stamp, .country = country, .session = r->s.id, .generator = gen,
	};

	str_printf(gen, sizeof gen, "rapporteur %s", VERSION);
	if (r->st.locked)
		str_copy(stamp, r->st.approved_at, sizeof stamp);
	else if (r->st.version > 0 && !r->changed)
		str_copy(stamp, r->st.circulated_at, sizeof stamp);
	else
		str_printf(stamp, sizeof stamp, "%sT00:00:00", r->s.start_date);
	str_copy(country, str_empty(r->s.host) ? "xx" : r->s.host, sizeof country);
	for (char *p = country; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	rp_hash(r, r->s.process_code);
	if (r->o->ops->begin(r->o->w, &d) != 0)
		r->status = DB_ERROR;
	cover_fields(r, process, state);
	free(pfr);
	free(pen);
}

/* Walk the session once, feeding o. fp receives the fingerprint. */
static int walk(struct rp *r, char fp[65])
{
	char state[160];

	state_text(r, state, sizeof state);
	cover(r, state);
	if (r->workshop)
		rp_workshop(r);
	rp_participation(r);
	rp_agenda(r);
	rp_proceedings(r);
	rp_themes(r);
	rp_recommendations(r);
	rp_followup(r);
	rp_next_meeting(r);
	sha256_hex(&r->sha, fp);
	rp_annex(r, fp);
	return r->status;
}

static void rp_free(struct rp *r)
{
	for (size_t i = 0; i < r->noth; i++)
		free(r->oth[i].title);
	free(r->oth);
	free(r->spk);
}

/* Run the producer on o within one read snapshot. 0, 1 no session, < 0. */
static int produce(struct db *db, long long session, struct report_out *o,
		   report_progress_fn progress, void *ud, char fp[65])
{
	struct rp r = { .db = db, .session = session, .o = o, .progress = progress, .ud = ud };
	bool own = !db_in_transaction(db);
	int rc;

	sha256_init(&r.sha);
	if (own && db_exec(db, "BEGIN") != DB_OK)
		return db_errstatus(db) < 0 ? db_errstatus(db) : DB_ERROR;
	rc = load(&r);
	if (rc == 0)
		rc = walk(&r, fp);
	if (own)
		db_exec(db, "COMMIT");
	rp_free(&r);
	return rc;
}

/* ---- a writer that writes nothing: the fingerprint alone ---- */

static int null_begin(void *w, const struct report_doc *d) { (void)w, (void)d; return 0; }
static void null_section(void *w, int l, const char *n, const char *t) { (void)w, (void)l, (void)n, (void)t; }
static void null_void(void *w) { (void)w; }
static void null_para(void *w, enum report_para k, const char *t) { (void)w, (void)k, (void)t; }
static void null_table(void *w, enum report_table k, int n, const char *const *h) { (void)w, (void)k, (void)n, (void)h; }
static void null_row(void *w, const char *const *c) { (void)w, (void)c; }
static void null_speech(void *w, const struct report_speech *s) { (void)w, (void)s; }
static void null_chart(void *w, const struct report_chart *c) { (void)w, (void)c; }
static int null_end(void *w, bool ok, const char *fp, char *e, size_t n) { (void)w, (void)fp, (void)e, (void)n; return ok ? 0 : -1; }

static const struct report_out_ops null_ops = {
	null_begin, null_section, null_void, null_para, null_table, null_row, null_void,
	null_speech, null_chart, null_end,
};

int report_fingerprint(struct db *db, long long session, char fp[65])
{
	struct report_out o = { &null_ops, NULL };

	return produce(db, session, &o, NULL, NULL, fp) == 0 ? 0 : -1;
}

/* ---- formats and the file ---- */

int report_format_parse(const char *name, enum report_format *f)
{
	if (str_ieq(name, "html"))
		*f = REPORT_HTML;
	else if (str_ieq(name, "odt"))
		*f = REPORT_ODT;
	else if (str_ieq(name, "akn") || str_ieq(name, "xml"))
		*f = REPORT_AKN;
	else
		return -1;
	return 0;
}

int report_format_of_path(const char *path, enum report_format *f)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return -1;
	if (str_ieq(dot + 1, "htm"))
		return report_format_parse("html", f);
	return report_format_parse(dot + 1, f);
}

static int (*const openers[])(struct report_out *, const char *, char *, size_t) = {
	[REPORT_HTML] = report_html_open,
	[REPORT_ODT] = report_odt_open,
	[REPORT_AKN] = report_akn_open,
};

/* The temporary file: beside path, hidden, named after the process. */
static int tmp_path(const char *path, char *tmp, size_t size)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;

	return str_printf(tmp, size, "%.*s.%s.tmp.%ld", dirlen, path, slash ? slash + 1 : path,
			  (long)getpid()) >= (int)size - 1 ? -1 : 0;
}

static int sync_dir_of(const char *path)
{
	char dir[1100];
	const char *slash = strrchr(path, '/');
	FILE *d;

	str_printf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
		   slash ? path : ".");
	d = fopen(dir, "r");
	if (!d)
		return -1;
	fsync(fileno(d));
	fclose(d);
	return 0;
}

static int render(struct db *db, long long session, const char *path, enum report_format f,
		  unsigned flags, report_progress_fn progress, void *ud, char fpout[65], char *err,
		  size_t errlen)
{
	struct report_out o;
	struct stat sb;
	char tmp[1100], why[256] = "", fp[65] = "";
	int rc;

	if (stat(path, &sb) == 0 && (S_ISDIR(sb.st_mode) || !(flags & REPORT_FORCE))) {
		str_printf(err, errlen, S_ISDIR(sb.st_mode) ? _("%s: is a folder") :
			   _("%s: already exists (--force replaces it)"), path);
		return -1;
	}
	if (tmp_path(path, tmp, sizeof tmp) != 0) {
		str_printf(err, errlen, _("%s: name too long"), path);
		return -1;
	}
	unlink(tmp);
	if (openers[f](&o, tmp, why, sizeof why) != 0) {
		str_printf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	rc = produce(db, session, &o, progress, ud, fp);
	if (o.ops->end(o.w, rc == 0, fp, why, sizeof why) != 0 || rc != 0) {
		if (rc == 1)
			str_printf(err, errlen, _("no session %lld"), session);
		else if (rc < 0)
			str_printf(err, errlen, "%s: %s", path, db_errmsg(db));
		else
			str_printf(err, errlen, "%s: %s", path, why);
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		str_printf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	sync_dir_of(path);
	if (fpout)
		str_copy(fpout, fp, 65);
	return 0;
}

/* Render in the session's zone (set tz) whatever the zone of this
 * process, and with C's decimal point in the charts whatever the locale,
 * so that the same record gives the same bytes on any computer. */
int report_render(struct db *db, long long session, const char *path, enum report_format f,
		  unsigned flags, report_progress_fn progress, void *ud, char fpout[65], char *err,
		  size_t errlen)
{
	char *zone = db_text(db, "SELECT tz FROM session WHERE id = ?", "i", session);
	const char *cur = setlocale(LC_NUMERIC, NULL);
	char *numeric = xstrdup(cur ? cur : "C");
	bool pushed;
	char *saved = tz_push(zone, &pushed);
	int rc;

	setlocale(LC_NUMERIC, "C");
	rc = render(db, session, path, f, flags, progress, ud, fpout, err, errlen);
	setlocale(LC_NUMERIC, numeric);
	tz_pop(saved, pushed);
	free(numeric);
	free(zone);
	return rc;
}
