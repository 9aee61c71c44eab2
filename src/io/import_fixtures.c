/*
 * import_fixtures.c — loading the reference data of a process from the
 * CSV files of a fixtures folder (DESIGN R1: no country, level, category
 * or theme is written in C; they all come from here).
 *
 * Six files, each with a header row naming its columns in any order:
 *   levels.csv            code,rank,label_fr,label_en[,label_es]
 *   categories.csv        code,core,label_fr,label_en[,label_es]
 *   process.csv           code,name_fr,name_en,kind,secretariat,chair[,name_es][,report]
 *   delegations.csv       process,code,type,name_fr,name_en[,name_es]
 *   themes.csv            code,source,year,kind,title_fr,title_en[,title_es]
 *   theme_categories.csv  theme,category
 * The Spanish column in brackets is optional (empty when absent: the
 * English label stands in, i18n_pick); so is a process's `report`, the
 * structure of its reports: meeting (the default) or workshop (IDM).
 * Rows are upserted by code, inside the caller's transaction; the first
 * bad row stops the load with "FILE: row N: FIELD: reason".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "import.h"
#include "import_csv.h"
#include "rules.h"
#include "util.h"

#define FX_COLS 8

struct fx;
typedef int (*fx_row_fn)(struct fx *, const char *const *v);

struct fx_file {
	const char *name;
	const char *cols[FX_COLS + 1];   /* NULL-terminated */
	int required;                    /* the first `required` must be there */
	fx_row_fn row;
};

struct fx {
	struct db *db;
	const struct fx_file *file;
	char path[1024];
	int line;
	int map[FX_COLS];      /* column i of the file description -> cell index */
	bool header_done;
	char *err;
	size_t errlen;
};

static int fx_fail(struct fx *x, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fx_fail(struct fx *x, const char *field, const char *fmt, ...)
{
	char why[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (field)
		str_printf(x->err, x->errlen, _("%s: row %d: %s: %s"), x->path, x->line, field, why);
	else
		str_printf(x->err, x->errlen, _("%s: row %d: %s"), x->path, x->line, why);
	return -1;
}

static int fx_db_fail(struct fx *x)
{
	return fx_fail(x, NULL, "%s", db_errmsg(x->db));
}

static bool is_code(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			return false;
	return true;
}

static int fx_number(struct fx *x, const char *field, const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	if (!*s || *end || errno)
		return fx_fail(x, field, "%s", _("not a number"));
	return 0;
}

static int fx_code(struct fx *x, const char *field, const char *s)
{
	if (!is_code(s))
		return fx_fail(x, field, "%s", _("empty or contains spaces"));
	return 0;
}

static int row_level(struct fx *x, const char *const *v)
{
	long long rank;

	if (fx_code(x, "code", v[0]) || fx_number(x, "rank", v[1], &rank))
		return -1;
	if (db_run(x->db, "INSERT INTO level (code, rank, label_fr, label_en, label_es)"
		   " VALUES (?, ?, ?, ?, ?)"
		   " ON CONFLICT(code) DO UPDATE SET rank = excluded.rank,"
		   " label_fr = excluded.label_fr, label_en = excluded.label_en,"
		   " label_es = excluded.label_es",
		   "tittt", v[0], rank, v[2], v[3], v[4]) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static int row_category(struct fx *x, const char *const *v)
{
	long long core;

	if (fx_code(x, "code", v[0]) || fx_number(x, "core", v[1], &core))
		return -1;
	if (core != 0 && core != 1)
		return fx_fail(x, "core", "%s", _("must be 0 or 1"));
	if (db_run(x->db, "INSERT INTO category (code, core, label_fr, label_en, label_es)"
		   " VALUES (?, ?, ?, ?, ?)"
		   " ON CONFLICT(code) DO UPDATE SET core = excluded.core,"
		   " label_fr = excluded.label_fr, label_en = excluded.label_en,"
		   " label_es = excluded.label_es",
		   "tittt", v[0], core, v[2], v[3], v[4]) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static int row_process(struct fx *x, const char *const *v)
{
	const char *report = *v[7] ? v[7] : "meeting";

	if (fx_code(x, "code", v[0]) || fx_code(x, "kind", v[3]))
		return -1;
	if (!str_eq(report, "meeting") && !str_eq(report, "workshop"))
		return fx_fail(x, "report", _("unknown report \"%s\" (meeting, workshop)"), report);
	if (db_run(x->db, "INSERT INTO process (code, name_fr, name_en, kind, secretariat, chair,"
		   " name_es, report) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?)"
		   " ON CONFLICT(code) DO UPDATE SET name_fr = excluded.name_fr,"
		   " name_en = excluded.name_en, kind = excluded.kind,"
		   " secretariat = excluded.secretariat, chair = excluded.chair,"
		   " name_es = excluded.name_es, report = excluded.report",
		   "tttttttt", v[0], v[1], v[2], v[3], v[4], v[5], v[6], report) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static int row_delegation(struct fx *x, const char *const *v)
{
	long long process = db_int(x->db, 0, "SELECT id FROM process WHERE code = ?", "t", v[0]);

	if (!process)
		return fx_fail(x, "process", _("unknown process \"%s\""), v[0]);
	if (fx_code(x, "code", v[1]))
		return -1;
	if (rules_deleg_type(v[2]) == DT_INVALID)
		return fx_fail(x, "type", _("unknown type \"%s\" (member, observer_state, observer_org)"),
			       v[2]);
	/* UPDATE, then INSERT if new: the schema refuses any INSERT that
	 * would replace a delegation (migration 2), upserts included. */
	if (db_run(x->db, "UPDATE delegation SET type = ?, name_fr = ?, name_en = ?, name_es = ?"
		   " WHERE process_id = ? AND code = ?",
		   "ttttit", v[2], v[3], v[4], v[5], process, v[1]) != DB_OK)
		return fx_db_fail(x);
	if (db_changes(x->db) == 0 &&
	    db_run(x->db, "INSERT INTO delegation (process_id, code, type, name_fr, name_en, name_es)"
		   " VALUES (?, ?, ?, ?, ?, ?)",
		   "ittttt", process, v[1], v[2], v[3], v[4], v[5]) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static int row_theme(struct fx *x, const char *const *v)
{
	long long year = 0;

	if (fx_code(x, "code", v[0]) || fx_code(x, "source", v[1]) || fx_code(x, "kind", v[3]))
		return -1;
	if (*v[2] && fx_number(x, "year", v[2], &year))
		return -1;
	if (!*v[4])
		return fx_fail(x, "title_fr", "%s", _("empty"));
	if (db_run(x->db, "INSERT INTO theme (code, source, year, kind, title_fr, title_en, title_es)"
		   " VALUES (?1, ?2, CASE WHEN ?3 = 0 THEN NULL ELSE ?3 END, ?4, ?5, ?6, ?7)"
		   " ON CONFLICT(code) DO UPDATE SET source = excluded.source,"
		   " year = excluded.year, kind = excluded.kind,"
		   " title_fr = excluded.title_fr, title_en = excluded.title_en,"
		   " title_es = excluded.title_es",
		   "ttitttt", v[0], v[1], year, v[3], v[4], v[5], v[6]) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static int row_theme_category(struct fx *x, const char *const *v)
{
	long long theme = db_int(x->db, 0, "SELECT id FROM theme WHERE code = ?", "t", v[0]);

	if (!theme)
		return fx_fail(x, "theme", _("unknown theme \"%s\""), v[0]);
	if (!db_int(x->db, 0, "SELECT 1 FROM category WHERE code = ?", "t", v[1]))
		return fx_fail(x, "category", _("unknown category \"%s\""), v[1]);
	if (db_run(x->db, "INSERT OR IGNORE INTO theme_category (theme_id, category) VALUES (?, ?)",
		   "it", theme, v[1]) != DB_OK)
		return fx_db_fail(x);
	return 0;
}

static const struct fx_file fx_files[] = {
	{ "levels.csv", { "code", "rank", "label_fr", "label_en", "label_es" }, 4, row_level },
	{ "categories.csv", { "code", "core", "label_fr", "label_en", "label_es" }, 4,
	  row_category },
	{ "process.csv", { "code", "name_fr", "name_en", "kind", "secretariat", "chair", "name_es",
			   "report" }, 6, row_process },
	{ "delegations.csv", { "process", "code", "type", "name_fr", "name_en", "name_es" }, 5,
	  row_delegation },
	{ "themes.csv", { "code", "source", "year", "kind", "title_fr", "title_en", "title_es" }, 6,
	  row_theme },
	{ "theme_categories.csv", { "theme", "category" }, 2, row_theme_category },
};

static int fx_header(struct fx *x, const struct csv_cell *cells, size_t n)
{
	const struct fx_file *f = x->file;

	for (int i = 0; f->cols[i]; i++) {
		x->map[i] = -1;
		for (size_t j = 0; j < n; j++)
			if (str_ieq(cells[j].s, f->cols[i]))
				x->map[i] = (int)j;
		if (x->map[i] < 0 && i < f->required)
			return fx_fail(x, f->cols[i], "%s", _("missing column"));
	}
	x->header_done = true;
	return 0;
}

static int fx_on_row(void *ud, int line, const struct csv_cell *cells, size_t n,
		     const char *error)
{
	struct fx *x = ud;
	const char *v[FX_COLS];

	x->line = line;
	if (error)
		return fx_fail(x, NULL, "%s", error);
	if (!x->header_done)
		return fx_header(x, cells, n);
	for (int i = 0; x->file->cols[i]; i++) {
		const char *col = x->file->cols[i];
		size_t j = (size_t)x->map[i];

		v[i] = "";
		if (x->map[i] < 0 || j >= n)
			continue;
		if (cells[j].len > IMPORT_FIELD_MAX)
			return fx_fail(x, col, _("longer than %d bytes"), IMPORT_FIELD_MAX);
		if (strlen(cells[j].s) != cells[j].len)
			return fx_fail(x, col, "%s", _("contains a NUL byte"));
		if (!utf8_is_clean_text(cells[j].s, cells[j].len, false))
			return fx_fail(x, col, "%s", _("invalid UTF-8 or a control character"));
		v[i] = cells[j].s;
	}
	return x->file->row(x, v);
}

int import_fixtures(struct db *db, const char *dir, char *err, size_t errlen)
{
	for (size_t i = 0; i < ARRAY_SIZE(fx_files); i++) {
		struct fx x = { .db = db, .file = &fx_files[i], .err = err, .errlen = errlen };
		int rc;

		str_printf(x.path, sizeof x.path, "%s/%s", dir, fx_files[i].name);
		rc = import_csv_read(x.path, fx_on_row, &x, err, errlen);
		if (rc != 0)
			return -1;
		if (!x.header_done) {
			x.line = 1;
			return fx_fail(&x, NULL, "%s", _("empty file (a header row is required)"));
		}
	}
	return 0;
}
