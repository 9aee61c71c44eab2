/*
 * attendance_check.c — the R4 delegation-level check of a session (DESIGN
 * R4) on the stored data, and the read access of the Attendance screen
 * (delegations, delegates, pick lists), all declared in attendance.h.
 *
 * The check is live: a screen runs it after every presence toggle, so it
 * costs a handful of indexed queries — the session and its minimum level,
 * the core categories (a small reference table), the categories linked to
 * the session's themes, the member states of the process (index
 * delegation_type), and the delegates of each one (index
 * delegate_by_delegation). The rule itself is rules_check_r4().
 */
#include "attendance.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* ---- codes named by people ---- */

char *attendance_level_code(struct db *db, const char *s)
{
	return db_text(db, "SELECT code FROM level WHERE code = ?1 COLLATE NOCASE"
			   " OR label_fr = ?1 COLLATE NOCASE OR label_en = ?1 COLLATE NOCASE"
			   " OR label_es = ?1 COLLATE NOCASE"
			   " ORDER BY code = ?1 DESC, rank DESC LIMIT 1", "t", s);
}

char *attendance_category_code(struct db *db, const char *s)
{
	return db_text(db, "SELECT code FROM category WHERE code = ?1 COLLATE NOCASE"
			   " OR label_fr = ?1 COLLATE NOCASE OR label_en = ?1 COLLATE NOCASE"
			   " ORDER BY code = ?1 DESC LIMIT 1", "t", s);
}

/* ---- what the check of a session needs, loaded once ---- */

struct cat {
	char *code, *label;
};

struct check_ctx {
	long long process;
	int min_rank;
	char min_label[96];
	struct cat *core, *linked;
	size_t ncore, nlinked;
	const char **competent;  /* codes: core ∪ linked, pointing into core/linked */
	size_t ncompetent;
	bool applies;            /* session.r4: whether R4 applies at all */
};

static void check_ctx_free(struct check_ctx *k)
{
	for (size_t i = 0; i < k->ncore; i++) {
		free(k->core[i].code);
		free(k->core[i].label);
	}
	for (size_t i = 0; i < k->nlinked; i++) {
		free(k->linked[i].code);
		free(k->linked[i].label);
	}
	free(k->core);
	free(k->linked);
	free(k->competent);
	memset(k, 0, sizeof *k);
}

/* Append the (code, label_fr, label_en) rows of q to *v. */
static int cats_read(struct db *db, struct dbq *q, struct cat **v, size_t *n)
{
	size_t cap = 0;
	int rc;

	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*v = xrealloc(*v, cap * sizeof **v);
		}
		(*v)[*n].code = xstrdup(dbq_text(q, 0));
		(*v)[*n].label = xstrdup(i18n_pick(dbq_text(q, 1), dbq_text(q, 2)));
		(*n)++;
	}
	dbq_reset(q);
	return rc == DB_DONE ? 0 : rc;
}

static int check_ctx_load(struct db *db, long long session, struct check_ctx *k)
{
	struct dbq *q;
	const char **core, **linked;
	int rc;

	memset(k, 0, sizeof *k);
	q = db_query(db, "SELECT s.process_id, l.rank, l.label_fr, l.label_en, s.r4 FROM session s"
			 " JOIN level l ON l.code = s.min_level WHERE s.id = ?", "i", session);
	if (!q)
		return db_errstatus(db);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		k->process = dbq_int(q, 0);
		k->min_rank = (int)dbq_int(q, 1);
		str_copy(k->min_label, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)),
			 sizeof k->min_label);
		k->applies = dbq_int(q, 4) != 0;
	}
	dbq_reset(q);
	if (rc != DB_ROW)
		return rc < 0 ? rc : DB_ERROR;
	rc = cats_read(db, db_query(db, "SELECT code, label_fr, label_en FROM category"
					" WHERE core = 1 ORDER BY rowid", ""),
		       &k->core, &k->ncore);
	if (rc == 0)
		rc = cats_read(db, db_query(db,
			"SELECT DISTINCT c.code, c.label_fr, c.label_en FROM session_theme st"
			" JOIN theme_category tc ON tc.theme_id = st.theme_id"
			" JOIN category c ON c.code = tc.category WHERE st.session_id = ?"
			" ORDER BY c.rowid", "i", session), &k->linked, &k->nlinked);
	if (rc != 0) {
		check_ctx_free(k);
		return rc;
	}
	core = xcalloc(k->ncore + 1, sizeof *core);
	linked = xcalloc(k->nlinked + 1, sizeof *linked);
	for (size_t i = 0; i < k->ncore; i++)
		core[i] = k->core[i].code;
	for (size_t i = 0; i < k->nlinked; i++)
		linked[i] = k->linked[i].code;
	k->competent = xcalloc(k->ncore + k->nlinked + 1, sizeof *k->competent);
	k->ncompetent = rules_competent_union(core, k->ncore, linked, k->nlinked, k->competent,
					      k->ncore + k->nlinked);
	free(core);
	free(linked);
	return 0;
}

/* The label of a competent category code (a pointer into k). */
static const char *competent_label(const struct check_ctx *k, const char *code)
{
	for (size_t i = 0; i < k->ncore; i++)
		if (k->core[i].code == code)
			return k->core[i].label;
	for (size_t i = 0; i < k->nlinked; i++)
		if (k->linked[i].code == code)
			return k->linked[i].label;
	return code;
}

static bool is_competent(const struct check_ctx *k, const char *category)
{
	for (size_t i = 0; i < k->ncompetent; i++)
		if (strcmp(k->competent[i], category) == 0)
			return true;
	return false;
}

/* The labels of the competent categories joined by ", ", in at most
 * budget bytes, ending with "…" when some had to be left out. */
static void competent_list(const struct check_ctx *k, size_t budget, char *out, size_t size)
{
	static const char more[] = "…";
	size_t len = 0;

	out[0] = '\0';
	if (budget >= size)
		budget = size - 1;
	for (size_t i = 0; i < k->ncompetent; i++) {
		const char *label = competent_label(k, k->competent[i]);
		size_t need = strlen(label) + (len ? 2 : 0);
		bool last = i + 1 == k->ncompetent;

		if (len + need + (last ? 0 : 2 + sizeof more - 1) > budget) {
			if (len + (len ? 2 : 0) + sizeof more - 1 <= budget)
				len += str_printf(out + len, size - len, "%s%s", len ? ", " : "", more);
			return;
		}
		len += str_printf(out + len, size - len, "%s%s", len ? ", " : "", label);
	}
}

/* ---- the check of one delegation ---- */

struct person {
	char *name, *category, *level_label, *category_label;
	int rank;
	bool present, head;
};

static void people_free(struct person *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].category);
		free(p[i].level_label);
		free(p[i].category_label);
	}
	free(p);
}

static int people_load(struct db *db, long long session, long long delegation,
		       struct person **out, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT d.name, d.category, l.rank, d.present, d.head, l.label_fr, l.label_en,"
		" c.label_fr, c.label_en FROM delegate d JOIN level l ON l.code = d.level"
		" JOIN category c ON c.code = d.category"
		" WHERE d.session_id = ? AND d.delegation_id = ?", "ii", session, delegation);
	struct person *v = NULL;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[*n] = (struct person){
			.name = xstrdup(dbq_text(q, 0)),
			.category = xstrdup(dbq_text(q, 1)),
			.rank = (int)dbq_int(q, 2),
			.present = dbq_int(q, 3) != 0,
			.head = dbq_int(q, 4) != 0,
			.level_label = xstrdup(i18n_pick(dbq_text(q, 5), dbq_text(q, 6))),
			.category_label = xstrdup(i18n_pick(dbq_text(q, 7), dbq_text(q, 8))),
		};
		(*n)++;
	}
	dbq_reset(q);
	*out = v;
	return rc == DB_DONE ? 0 : rc;
}

/* The one-line explanation of out->r4 for people p[0..n). */
static void check_detail(const struct check_ctx *k, const struct person *p, size_t n,
			 struct check_row *out)
{
	const char *state = out->name;
	const char *suffix = out->r4.no_head ? _("; no head of delegation designated")
			     : out->r4.many_heads ? _("; several heads of delegation designated")
						  : "";
	long best = -1, best_at = -1, best_ok = -1;
	char list[256];
	size_t used;

	for (size_t i = 0; i < n; i++) {
		if (!p[i].present)
			continue;
		if (best < 0 || p[i].rank > p[best].rank)
			best = (long)i;
		if (p[i].rank < k->min_rank)
			continue;
		if (best_at < 0 || p[i].rank > p[best_at].rank)
			best_at = (long)i;
		if (is_competent(k, p[i].category) && (best_ok < 0 || p[i].rank > p[best_ok].rank))
			best_ok = (long)i;
	}
	switch (out->r4.result) {
	case R4_OK:
		str_printf(out->detail, sizeof out->detail, _("%s: OK (%s, %s)%s"), state,
			   p[best_ok].level_label, p[best_ok].category_label, suffix);
		break;
	case R4_ABSENT:
		str_printf(out->detail, sizeof out->detail,
			   n ? _("%s: no delegate present%s") : _("%s: no delegate registered%s"),
			   state, suffix);
		break;
	case R4_LEVEL:
		str_printf(out->detail, sizeof out->detail,
			   _("%s: present delegates are %s or below; %s required%s"), state,
			   p[best].level_label, k->min_label, suffix);
		break;
	case R4_ENTITY:
		/* Measure the line without the list, then fit the list in what is left. */
		used = (size_t)str_printf(out->detail, sizeof out->detail,
			_("%s: %s present, but from %s, not a competent entity (%s)%s"), state,
			p[best_at].level_label, p[best_at].category_label, "", suffix);
		competent_list(k, used < sizeof out->detail - 1 ? sizeof out->detail - 1 - used : 0,
			       list, sizeof list);
		str_printf(out->detail, sizeof out->detail,
			   _("%s: %s present, but from %s, not a competent entity (%s)%s"), state,
			   p[best_at].level_label, p[best_at].category_label, list, suffix);
		break;
	}
}

static int check_one(struct db *db, long long session, const struct check_ctx *k,
		     struct check_row *out)
{
	struct person *p;
	struct r4_delegate *d;
	size_t n;
	int rc = people_load(db, session, out->delegation_id, &p, &n);

	if (rc != 0) {
		people_free(p, n);
		return rc;
	}
	d = xcalloc(n + 1, sizeof *d);
	for (size_t i = 0; i < n; i++)
		d[i] = (struct r4_delegate){ p[i].name, p[i].rank, p[i].category, p[i].present,
					     p[i].head };
	out->r4 = rules_check_r4(d, n, k->min_rank, k->competent, k->ncompetent);
	out->applied = k->applies;
	if (k->applies)
		check_detail(k, p, n, out);
	else
		str_printf(out->detail, sizeof out->detail,
			   _("%s: R4 not applied in this session (set r4 on)"), out->name);
	free(d);
	people_free(p, n);
	return 0;
}

/* ---- the check of a session ---- */

int attendance_check(struct db *db, long long session, struct check_row **rows, size_t *n)
{
	struct check_ctx k;
	struct check_row *v = NULL;
	struct dbq *q;
	size_t cap = 0, count = 0;
	int rc;

	*rows = NULL;
	*n = 0;
	if ((rc = check_ctx_load(db, session, &k)) != 0)
		return rc;
	q = db_query(db, "SELECT id, code, name_fr, name_en FROM delegation"
			 " WHERE process_id = ? AND type = 'member' ORDER BY code", "i", k.process);
	if (!q) {
		check_ctx_free(&k);
		return db_errstatus(db);
	}
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[count], 0, sizeof v[count]);
		v[count].delegation_id = dbq_int(q, 0);
		str_copy(v[count].code, dbq_text(q, 1), sizeof v[count].code);
		str_copy(v[count].name, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)),
			 sizeof v[count].name);
		count++;
	}
	dbq_reset(q);
	rc = rc == DB_DONE ? 0 : rc;
	for (size_t i = 0; rc == 0 && i < count; i++)
		rc = check_one(db, session, &k, &v[i]);
	check_ctx_free(&k);
	if (rc != 0) {
		free(v);
		return rc;
	}
	*rows = v;
	*n = count;
	return 0;
}

int attendance_check_delegation(struct db *db, long long session, long long delegation_id,
				struct check_row *out)
{
	struct check_ctx k;
	struct dbq *q;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_ctx_load(db, session, &k)) != 0)
		return rc;
	q = db_query(db, "SELECT id, code, name_fr, name_en FROM delegation"
			 " WHERE id = ? AND process_id = ?", "ii", delegation_id, k.process);
	if (!q) {
		check_ctx_free(&k);
		return db_errstatus(db);
	}
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		out->delegation_id = dbq_int(q, 0);
		str_copy(out->code, dbq_text(q, 1), sizeof out->code);
		str_copy(out->name, i18n_pick(dbq_text(q, 2), dbq_text(q, 3)), sizeof out->name);
	}
	dbq_reset(q);
	if (rc == DB_ROW)
		rc = check_one(db, session, &k, out);
	else
		rc = rc == DB_DONE ? 1 : rc;
	check_ctx_free(&k);
	return rc;
}

const char *attendance_result_code(const struct check_row *c)
{
	return c->applied ? rules_r4_code(c->r4.result) : "NOT_APPLIED";
}

int attendance_check_summary(struct db *db, long long session, int *ok, int *total)
{
	struct check_row *rows;
	size_t n;
	int rc = attendance_check(db, session, &rows, &n);

	*ok = *total = 0;
	if (rc != 0)
		return rc;
	if (n && rows[0].applied) {
		for (size_t i = 0; i < n; i++)
			*ok += rows[i].r4.result == R4_OK;
		*total = (int)n;
	}
	free(rows);
	return 0;
}
