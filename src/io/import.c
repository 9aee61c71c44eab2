/*
 * import.c — importing a participants CSV into a session (DESIGN §5) and
 * its preview (dry run). The summary, the listing and the `import` command
 * are in import_cmd.c.
 *
 * Columns are found by their header names, in any order: delegation and
 * name are required (the file is refused without them), function, level,
 * entity, entity_category, head and email are optional, others are
 * ignored with a warning. Each data row comes out new, updated, unchanged
 * or in error with the field and the reason; rows in error are skipped,
 * the others are written in one transaction. A dry run does the same
 * work on a temporary copy of the session's delegates (SQL_FIND …),
 * so the preview is exact (a name given twice shows as new, then
 * updated), nothing is kept, and no write lock is held while it reads.
 *
 * Hostile input (invalid UTF-8, NUL, escape sequences, fields over
 * IMPORT_FIELD_MAX bytes, unbalanced quotes) makes its row an error;
 * every string kept for display is made printable first.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "event.h"
#include "i18n.h"
#include "import.h"
#include "import_csv.h"
#include "journal.h"
#include "util.h"

enum col { C_DELEGATION, C_NAME, C_FUNCTION, C_LEVEL, C_ENTITY, C_CATEGORY, C_HEAD, C_EMAIL,
	   NCOL };
static const char *const col_names[NCOL] = {
	"delegation", "name", "function", "level", "entity", "entity_category", "head", "email",
};

struct part {
	struct db *db;
	long long session, process;
	int dry;                /* 1: a dry run, on temp.dry_delegate (SQL_FIND …) */
	struct import_result *res;
	size_t cap;
	int map[NCOL];          /* column -> cell index, -1 when absent */
	size_t ncols;           /* cells in the header row */
	bool header_done;
	const char *path;
	int fatal;              /* a database error that stops the import */
	struct head_seen { long long deleg; int line; } *heads; /* head=yes rows so far */
	size_t nheads;
	import_poll_fn poll;    /* asked every IMPORT_POLL_ROWS rows whether to stop */
	void *poll_ud;
	int rows, stopped_at;   /* data rows read; the line where the poll stopped */
};

/* One delegate's fields as stored. */
struct person {
	char *function, *level, *entity, *category, *email;
	long long head;
};

static void person_free(struct person *p)
{
	xfree(&p->function);
	xfree(&p->level);
	xfree(&p->entity);
	xfree(&p->category);
	xfree(&p->email);
}

static struct import_row *row_add(struct part *x, int line)
{
	struct import_result *r = x->res;

	if (r->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		r->rows = xrealloc(r->rows, x->cap * sizeof *r->rows);
	}
	memset(&r->rows[r->n], 0, sizeof r->rows[r->n]);
	r->rows[r->n].line = line;
	return &r->rows[r->n++];
}

static int row_fail(struct import_row *row, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int row_fail(struct import_row *row, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(row->reason, sizeof row->reason, fmt, ap);
	va_end(ap);
	row->status = IMP_ERROR;
	return -1;
}

/* A short printable copy of a value, for quoting it in a reason. */
static const char *shown(char *buf, size_t size, const char *s)
{
	return import_printable(buf, size, s, strlen(s));
}

static int check_cell(struct import_row *row, const char *col, const struct csv_cell *c)
{
	if (c->len > IMPORT_FIELD_MAX)
		return row_fail(row, _("%s: longer than %d bytes"), col, IMPORT_FIELD_MAX);
	if (strlen(c->s) != c->len)
		return row_fail(row, _("%s: contains a NUL byte"), col);
	if (!utf8_valid(c->s, c->len))
		return row_fail(row, _("%s: invalid UTF-8 or a control character"), col);
	if (memchr(c->s, '\n', c->len) || memchr(c->s, '\r', c->len) || memchr(c->s, '\t', c->len))
		return row_fail(row, _("%s: line break or tab inside the field"), col);
	return 0;
}

static int parse_head(const char *s, long long *out)
{
	static const char *const yes[] = { "yes", "oui", "1", "y", "o", "true", "vrai" };
	static const char *const no[] = { "no", "non", "0", "n", "false", "faux", "" };

	for (size_t i = 0; i < ARRAY_SIZE(yes); i++)
		if (str_ieq(s, yes[i]))
			return *out = 1, 0;
	for (size_t i = 0; i < ARRAY_SIZE(no); i++)
		if (str_ieq(s, no[i]))
			return *out = 0, 0;
	return -1;
}

/* A level or category named by its code or its French/English/Spanish label
 * (ASCII case-insensitive, accents exact). Malloc'd code or NULL. */
static char *find_level(struct db *db, const char *s)
{
	return db_text(db, "SELECT code FROM level WHERE code = ?1 COLLATE NOCASE"
			   " OR label_fr = ?1 COLLATE NOCASE OR label_en = ?1 COLLATE NOCASE"
			   " OR label_es = ?1 COLLATE NOCASE"
			   " ORDER BY code = ?1 DESC LIMIT 1", "t", s);
}

static char *find_category(struct db *db, const char *s)
{
	return db_text(db, "SELECT code FROM category WHERE code = ?1 COLLATE NOCASE"
			   " OR label_fr = ?1 COLLATE NOCASE OR label_en = ?1 COLLATE NOCASE"
			   " OR label_es = ?1 COLLATE NOCASE"
			   " ORDER BY code = ?1 DESC LIMIT 1", "t", s);
}

/* The SQL_* statements on the session's delegates: on the table itself
 * (TABLE_REAL), or for a dry run on the connection's temporary copy of them
 * (TABLE_DRY, dry_open): writing a temporary table takes no lock on the
 * database, so a long preview keeps no other writer waiting (a second
 * rapporteur, a `run` script; issue 12), and as the same statements run
 * on the same rows under the same constraints, the preview's answers are
 * the import's (a name given twice: new, then updated). */
#define SQL_FIND(T) \
	"SELECT id FROM " T " WHERE session_id = ? AND delegation_id = ? AND name = ?"
#define SQL_LOAD(T) \
	"SELECT function, level, entity, category, email, head FROM " T " WHERE id = ?"
#define SQL_UNHEAD(T) \
	"UPDATE " T " SET head = 0 WHERE session_id = ? AND delegation_id = ? AND head = 1" \
	" AND name != ?"
#define SQL_UPDATE(T) \
	"UPDATE " T " SET function = ?, level = ?, entity = ?, category = ?, email = ?," \
	" head = ? WHERE id = ?"
#define SQL_INSERT(T) \
	"INSERT INTO " T " (session_id, delegation_id, name, function, level, entity," \
	" category, email, head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define TABLE_REAL "delegate"
#define TABLE_DRY "temp.dry_delegate"

static bool load_person(struct db *db, int dry, long long id, struct person *p)
{
	struct dbq *q = db_query(db, dry ? SQL_LOAD(TABLE_DRY) : SQL_LOAD(TABLE_REAL), "i", id);

	memset(p, 0, sizeof *p);
	if (!q || dbq_step(q) != DB_ROW)
		return false;
	p->function = xstrdup(dbq_text(q, 0));
	p->level = xstrdup(dbq_text(q, 1));
	p->entity = xstrdup(dbq_text(q, 2));
	p->category = xstrdup(dbq_text(q, 3));
	p->email = xstrdup(dbq_text(q, 4));
	p->head = dbq_int(q, 5);
	dbq_reset(q);
	return true;
}

/* The value of column c of the row: its cell, or NULL when the file has
 * no such column (then the stored value is kept). */
static const char *cell(const struct part *x, const struct csv_cell *cells, size_t n, enum col c)
{
	if (x->map[c] < 0)
		return NULL;
	return (size_t)x->map[c] < n ? cells[x->map[c]].s : "";
}

static void set_text(char **field, const char *v)
{
	if (v) {
		free(*field);
		*field = xstrdup(v);
	}
}

static bool same_person(const struct person *a, const struct person *b)
{
	return str_eq(a->function, b->function) && str_eq(a->level, b->level) &&
	       str_eq(a->entity, b->entity) && str_eq(a->category, b->category) &&
	       str_eq(a->email, b->email) && a->head == b->head;
}

/* Resolve the optional columns into p (which holds the stored values or
 * the defaults). Returns 0 or -1 with the row's reason. */
static int resolve(struct part *x, struct import_row *row, const struct csv_cell *cells, size_t n,
		   struct person *p)
{
	const char *v;
	char buf[64];

	set_text(&p->function, cell(x, cells, n, C_FUNCTION));
	set_text(&p->entity, cell(x, cells, n, C_ENTITY));
	set_text(&p->email, cell(x, cells, n, C_EMAIL));
	if ((v = cell(x, cells, n, C_LEVEL)) && *v) {
		char *code = find_level(x->db, v);
		if (!code)
			return row_fail(row, _("level: unknown level \"%s\""), shown(buf, sizeof buf, v));
		free(p->level);
		p->level = code;
	}
	if ((v = cell(x, cells, n, C_CATEGORY)) && *v) {
		char *code = find_category(x->db, v);
		if (!code)
			return row_fail(row, _("entity_category: unknown category \"%s\""),
					shown(buf, sizeof buf, v));
		free(p->category);
		p->category = code;
	}
	if ((v = cell(x, cells, n, C_HEAD)) && parse_head(v, &p->head) != 0)
		return row_fail(row, _("head: \"%s\" is not yes or no"), shown(buf, sizeof buf, v));
	if (p->email && *p->email && (!strchr(p->email, '@') || strchr(p->email, ' ')))
		return row_fail(row, _("email: \"%s\" is not an e-mail address"),
				shown(buf, sizeof buf, p->email));
	if (!p->level)
		return row_fail(row, "%s", _("level: no level and no default level in the fixtures"));
	if (!p->category)
		return row_fail(row, "%s", _("entity_category: required"));
	return 0;
}

/* A delegation has one head (as with delegate+ … head): a second head=yes
 * row for the same delegation in one file is an error naming the first;
 * a head=yes row takes the flag from a head stored before the file. */
static int head_once(struct part *x, struct import_row *row, long long deleg,
		     const struct person *p)
{
	if (!p->head)
		return 0;
	for (size_t i = 0; i < x->nheads; i++)
		if (x->heads[i].deleg == deleg)
			return row_fail(row, _("head: %s already has a head of delegation in this "
					       "file (line %d)"), row->delegation, x->heads[i].line);
	x->heads = xrealloc(x->heads, (x->nheads + 1) * sizeof *x->heads);
	x->heads[x->nheads++] = (struct head_seen){ deleg, row->line };
	return 0;
}

static int store(struct part *x, struct import_row *row, long long deleg, long long id,
		 const char *name, const struct person *p)
{
	int rc;

	if (p->head && db_run(x->db, x->dry ? SQL_UNHEAD(TABLE_DRY) : SQL_UNHEAD(TABLE_REAL), "iit",
			      x->session, deleg, name) != DB_OK) {
		x->fatal = db_errstatus(x->db);
		return row_fail(row, "%s", db_errmsg(x->db));
	}
	if (id)
		rc = db_run(x->db, x->dry ? SQL_UPDATE(TABLE_DRY) : SQL_UPDATE(TABLE_REAL), "tttttii",
			    p->function, p->level, p->entity, p->category, p->email, p->head, id);
	else
		rc = db_run(x->db, x->dry ? SQL_INSERT(TABLE_DRY) : SQL_INSERT(TABLE_REAL), "iitttttti",
			    x->session, deleg, name, p->function ? p->function : "",
			    p->level, p->entity ? p->entity : "", p->category,
			    p->email ? p->email : "", p->head);
	if (rc == DB_CONSTRAINT)
		return row_fail(row, "%s", db_errmsg(x->db));
	if (rc != DB_OK) {
		x->fatal = rc;
		return row_fail(row, "%s", db_errmsg(x->db));
	}
	return 0;
}

static void data_row(struct part *x, struct import_row *row, const struct csv_cell *cells,
		     size_t n)
{
	const char *code = cell(x, cells, n, C_DELEGATION), *name = cell(x, cells, n, C_NAME);
	struct person p;
	long long deleg, id;
	char buf[64];

	if (n > x->ncols) {
		row_fail(row, _("%zu fields, the header has %zu"), n, x->ncols);
		return;
	}
	for (int c = 0; c < NCOL; c++)
		if (x->map[c] >= 0 && (size_t)x->map[c] < n &&
		    check_cell(row, col_names[c], &cells[x->map[c]]) != 0)
			return;
	if (!*code || !*name) {
		row_fail(row, "%s", !*code ? _("delegation: empty") : _("name: empty"));
		return;
	}
	deleg = db_int(x->db, 0, "SELECT id FROM delegation WHERE process_id = ? AND code = ?"
		       " COLLATE NOCASE", "it", x->process, code);
	if (!deleg) {
		row_fail(row, _("delegation: unknown delegation \"%s\""), shown(buf, sizeof buf, code));
		return;
	}
	{
		char *canon = db_text(x->db, "SELECT code FROM delegation WHERE id = ?", "i", deleg);
		import_printable(row->delegation, sizeof row->delegation, canon, strlen(canon));
		free(canon);
	}
	id = db_int(x->db, 0, x->dry ? SQL_FIND(TABLE_DRY) : SQL_FIND(TABLE_REAL), "iit",
		    x->session, deleg, name);
	if (id) {
		struct person old;

		if (!load_person(x->db, x->dry, id, &old)) {
			row_fail(row, "%s", db_errmsg(x->db));
			return;
		}
		p = (struct person){ xstrdup(old.function), xstrdup(old.level), xstrdup(old.entity),
				     xstrdup(old.category), xstrdup(old.email), old.head };
		if (resolve(x, row, cells, n, &p) == 0 && head_once(x, row, deleg, &p) == 0) {
			row->status = same_person(&old, &p) ? IMP_UNCHANGED : IMP_UPDATED;
			if (row->status == IMP_UPDATED)
				store(x, row, deleg, id, name, &p);
		}
		person_free(&old);
	} else {
		memset(&p, 0, sizeof p);
		p.level = db_text(x->db, "SELECT code FROM level ORDER BY rank LIMIT 1", "");
		p.category = db_text(x->db, "SELECT code FROM category WHERE code = 'other'", "");
		if (resolve(x, row, cells, n, &p) == 0 && head_once(x, row, deleg, &p) == 0) {
			row->status = IMP_NEW;
			store(x, row, deleg, 0, name, &p);
		}
	}
	person_free(&p);
}

static int header_row(struct part *x, const struct csv_cell *cells, size_t n, const char *error)
{
	struct import_result *r = x->res;
	size_t wlen = 0;
	char buf[64];

	if (error) {
		str_printf(r->file_error, sizeof r->file_error, _("%s: line 1: header: %s"), x->path, error);
		return -1;
	}
	for (int c = 0; c < NCOL; c++)
		x->map[c] = -1;
	x->ncols = n;
	for (size_t j = 0; j < n; j++) {
		int c;

		for (c = 0; c < NCOL && !str_ieq(cells[j].s, col_names[c]); c++)
			;
		if (c < NCOL && x->map[c] >= 0) {
			str_printf(r->file_error, sizeof r->file_error,
				   _("%s: line 1: column \"%s\" appears twice"), x->path, col_names[c]);
			return -1;
		}
		if (c < NCOL) {
			x->map[c] = (int)j;
			continue;
		}
		import_printable(buf, sizeof buf, cells[j].s, strlen(cells[j].s));
		if (wlen == 0)
			wlen = (size_t)str_printf(r->warnings, sizeof r->warnings,
						  _("ignored unknown column(s): \"%s\""), buf);
		else if (wlen < sizeof r->warnings)
			wlen += (size_t)str_printf(r->warnings + wlen, sizeof r->warnings - wlen,
						   ", \"%s\"", buf);
	}
	for (int c = C_DELEGATION; c <= C_NAME; c++)
		if (x->map[c] < 0) {
			str_printf(r->file_error, sizeof r->file_error,
				   _("%s: missing required column \"%s\""), x->path, col_names[c]);
			return -1;
		}
	x->header_done = true;
	return 0;
}

static int on_row(void *ud, int line, const struct csv_cell *cells, size_t n, const char *error)
{
	struct part *x = ud;
	struct import_row *row, spare;
	/* Past IMPORT_ROWS_KEPT rows only the errors are listed (up to as
	 * many again): a million-row file previews in bounded memory. */
	bool keep = x->res->n < IMPORT_ROWS_KEPT;

	if (!x->header_done)
		return header_row(x, cells, n, error);
	if (x->poll && ++x->rows % IMPORT_POLL_ROWS == 0 && x->poll(x->poll_ud, line) != 0) {
		x->stopped_at = line;
		return 1;
	}
	if (keep) {
		row = row_add(x, line);
	} else {
		memset(&spare, 0, sizeof spare);
		spare.line = line;
		row = &spare;
	}
	if (x->map[C_DELEGATION] < (int)n)
		import_printable(row->delegation, sizeof row->delegation,
				 cells[x->map[C_DELEGATION]].s, strlen(cells[x->map[C_DELEGATION]].s));
	if (x->map[C_NAME] < (int)n)
		import_printable(row->name, sizeof row->name, cells[x->map[C_NAME]].s,
				 strlen(cells[x->map[C_NAME]].s));
	if (error)
		row_fail(row, "%s", error);
	else
		data_row(x, row, cells, n);
	switch (row->status) {
	case IMP_NEW: x->res->n_new++; break;
	case IMP_UPDATED: x->res->n_updated++; break;
	case IMP_UNCHANGED: x->res->n_unchanged++; break;
	case IMP_ERROR: x->res->n_error++; break;
	}
	if (!keep) {
		if (row->status == IMP_ERROR && x->res->n < 2 * IMPORT_ROWS_KEPT)
			*row_add(x, line) = spare;
		else
			x->res->n_unlisted++;
	}
	return x->fatal ? -1 : 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The session's process, or 0 with the reason in file_error. */
static long long session_process(struct db *db, long long session, bool dry_run,
				 struct import_result *r)
{
	char *status = db_text(db, "SELECT status FROM session WHERE id = ?", "i", session);
	long long process = 0;

	if (!status)
		str_printf(r->file_error, sizeof r->file_error, _("no session %lld"), session);
	else if (!dry_run && strcmp(status, "closed") == 0)
		str_printf(r->file_error, sizeof r->file_error, "%s",
			   _("the session is closed; reopen it first (session reopen)"));
	else
		process = db_int(db, 0, "SELECT process_id FROM session WHERE id = ?", "i", session);
	free(status);
	return process;
}

static int journal_import(struct db *db, long long session, const char *path,
			  const struct import_result *r)
{
	char detail[512], sum[256], cmd[1100], n[4][16];
	struct journal_entry e = { .session = session, .event = "import", .delegation = "" };
	struct event ev = { .code = "import", .n = 5,
			    .arg = { base_name(path), n[0], n[1], n[2], n[3] } };
	int rc;

	str_printf(n[0], sizeof n[0], "%d", r->n_new);
	str_printf(n[1], sizeof n[1], "%d", r->n_updated);
	str_printf(n[2], sizeof n[2], "%d", r->n_unchanged);
	str_printf(n[3], sizeof n[3], "%d", r->n_error);
	import_summary(sum, sizeof sum, r);
	str_printf(detail, sizeof detail, _("participants imported from %s: %s"), base_name(path), sum);
	str_printf(cmd, sizeof cmd, "import participants %s", path);
	e.command = cmd;
	e.detail = detail;
	e.args = event_json(&ev, 0x1e);
	rc = journal_add(db, &e);
	free((char *)e.args);
	return rc;
}

/* Open the transaction (own or a savepoint in the caller's) for writing. */
static int tx_open(struct db *db, bool own, struct import_result *r)
{
	if ((own && db_begin(db) != DB_OK) || db_exec(db, "SAVEPOINT import_participants") != DB_OK) {
		str_printf(r->file_error, sizeof r->file_error, "%s", db_errmsg(db));
		if (own)
			db_rollback(db);
		return -1;
	}
	return 0;
}

static void tx_undo(struct db *db, bool own)
{
	db_exec(db, "ROLLBACK TO import_participants");
	db_exec(db, "RELEASE import_participants");
	if (own)
		db_rollback(db);
}

/* A dry run: a read transaction (own, or the caller's) and the session's
 * delegates copied into temp.dry_delegate, with delegate's columns and
 * constraints (its level and category are checked before they are
 * written). */
static int dry_open(struct db *db, bool own, long long session, struct import_result *r)
{
	if ((own && db_exec(db, "BEGIN DEFERRED") != DB_OK) ||
	    db_exec(db, "DROP TABLE IF EXISTS temp.dry_delegate") != DB_OK ||
	    db_exec(db, "CREATE TEMP TABLE dry_delegate (id INTEGER PRIMARY KEY,"
			" session_id INTEGER NOT NULL, delegation_id INTEGER NOT NULL,"
			" name TEXT NOT NULL, function TEXT NOT NULL DEFAULT '',"
			" level TEXT NOT NULL, entity TEXT NOT NULL DEFAULT '',"
			" category TEXT NOT NULL, head INTEGER NOT NULL DEFAULT 0 CHECK (head IN (0,1)),"
			" email TEXT NOT NULL DEFAULT '', UNIQUE (session_id, delegation_id, name))")
		    != DB_OK ||
	    db_run(db, "INSERT INTO temp.dry_delegate (id, session_id, delegation_id, name,"
		       " function, level, entity, category, head, email) SELECT id, session_id,"
		       " delegation_id, name, function, level, entity, category, head, email"
		       " FROM main.delegate WHERE session_id = ?", "i", session) != DB_OK) {
		str_printf(r->file_error, sizeof r->file_error, "%s", db_errmsg(db));
		db_exec(db, "DROP TABLE IF EXISTS temp.dry_delegate");
		if (own)
			db_rollback(db);
		return -1;
	}
	return 0;
}

static void dry_close(struct db *db, bool own)
{
	db_exec(db, "DROP TABLE IF EXISTS temp.dry_delegate");
	if (own)
		db_rollback(db);
}

static int import_run(struct part x, bool dry_run, const char *expect);

int import_participants(struct db *db, long long session, const char *path, bool dry_run,
			struct import_result *res)
{
	return import_participants_expect(db, session, path, dry_run, NULL, res);
}

int import_participants_expect(struct db *db, long long session, const char *path, bool dry_run,
			       const char *expect, struct import_result *res)
{
	struct part x = { .db = db, .session = session, .res = res, .path = path };

	return import_run(x, dry_run, expect);
}

int import_participants_preview(struct db *db, long long session, const char *path,
				import_poll_fn poll, void *ud, struct import_result *res)
{
	struct part x = { .db = db, .session = session, .res = res, .path = path,
			  .poll = poll, .poll_ud = ud };

	return import_run(x, true, NULL);
}

/* The import (or its dry run) described by x, as import_participants_expect. */
static int import_run(struct part x, bool dry_run, const char *expect)
{
	struct db *db = x.db;
	struct import_result *res = x.res;
	long long session = x.session;
	const char *path = x.path;
	bool own = !db_in_transaction(db);
	char err[512];
	int rc;

	memset(res, 0, sizeof *res);
	if (!dry_run && db_is_readonly(db)) {
		str_printf(res->file_error, sizeof res->file_error, "%s",
			   _("the database is read-only: nothing was changed"));
		return -1;
	}
	if (!(x.process = session_process(db, session, dry_run, res)))
		return -1;
	/* A dry run writes its temporary copy only: it works the same on a
	 * read-only database (a temporary table is the connection's own). */
	x.dry = dry_run;
	if ((dry_run ? dry_open(db, own, session, res) : tx_open(db, own, res)) != 0)
		return -1;
	rc = import_csv_read_digest(path, on_row, &x, res->digest, err, sizeof err);
	free(x.heads);
	if (x.stopped_at) {
		res->stopped = true;
		str_printf(res->file_error, sizeof res->file_error,
			   _("%s: stopped at line %d: nothing imported"), path,
			   x.stopped_at);
	} else if (rc == 0 && expect && strcmp(expect, res->digest) != 0)
		str_printf(res->file_error, sizeof res->file_error,
			   _("%s: the file changed since its preview: nothing imported (preview it "
			     "again)"), path);
	else if (rc == 0 && !x.header_done)
		str_printf(res->file_error, sizeof res->file_error, _("%s: empty file"), path);
	else if (rc < 0 && !res->file_error[0])
		str_printf(res->file_error, sizeof res->file_error, "%s",
			   x.fatal ? db_errmsg(db) : err);
	if (dry_run)
		dry_close(db, own);
	else if (res->file_error[0])
		tx_undo(db, own);
	if (res->file_error[0])
		return -1;
	if (dry_run)
		return 0;
	if (db_exec(db, "RELEASE import_participants") != DB_OK ||
	    (own && journal_import(db, session, path, res) != DB_OK) ||
	    (own && db_commit(db) != DB_OK)) {
		str_printf(res->file_error, sizeof res->file_error, "%s", db_errmsg(db));
		if (own)
			db_rollback(db);
		return -1;
	}
	return 0;
}

void import_result_free(struct import_result *res)
{
	if (!res)
		return;
	free(res->rows);
	res->rows = NULL;
	res->n = 0;
}
