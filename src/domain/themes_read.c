/*
 * themes_read.c — read access to the choice of themes (themes.h): the
 * catalogue with its search, the categories of a theme, the proposals of
 * a session with their outcome now, and the member state × proposal grid
 * of the Themes screen. The commands are in themes.c.
 *
 * "Present" for a member state means: at least one of its delegates is
 * marked present in this session. Positions of absent member states are
 * kept but neither block nor carry a selection (rules_consensus).
 */
#include "themes.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* ---- member states and their stances ---- */

/* A member state's stance on one proposal, and whether it is in the room. */
struct member_stance {
	long long id;
	char code[32];
	char *name;
	bool present;
	enum stance stance;
};

static void member_stances_free(struct member_stance **m, size_t n)
{
	for (size_t i = 0; *m && i < n; i++)
		free((*m)[i].name);
	free(*m);
	*m = NULL;
}

/* The member states of the session's process, in code order, with their
 * presence now and their stance on proposal_id (0: none). */
static int member_stances(struct db *db, long long session, long long proposal_id,
			  struct member_stance **out, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT d.id, d.code, d.name_fr, d.name_en,"
		" EXISTS (SELECT 1 FROM delegate g WHERE g.session_id = ?1"
		"  AND g.delegation_id = d.id AND g.present = 1),"
		" (SELECT p.stance FROM position p WHERE p.proposal_id = ?2 AND p.delegation_id = d.id)"
		" FROM delegation d JOIN session s ON s.process_id = d.process_id"
		" WHERE s.id = ?1 AND d.type = 'member' ORDER BY d.code",
		"ii", session, proposal_id);
	size_t cap = 8;
	int rc;

	*n = 0;
	*out = NULL;
	if (!q)
		return -1;
	*out = xcalloc(cap, sizeof **out);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct member_stance *m;

		if (*n == cap) {
			cap *= 2;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		m = &(*out)[(*n)++];
		m->id = dbq_int(q, 0);
		str_copy(m->code, dbq_text(q, 1), sizeof m->code);
		m->name = xstrdup(i18n_pick(dbq_text(q, 2), dbq_text(q, 3)));
		m->present = dbq_int(q, 4) != 0;
		m->stance = rules_stance(dbq_text(q, 5));
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		member_stances_free(out, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

static enum decision_rule session_rule(struct db *db, long long session)
{
	char *r = db_text(db, "SELECT decision_rule FROM session WHERE id = ?", "i", session);
	enum decision_rule rule = str_eq(r, "majority") ? RULE_MAJORITY : RULE_CONSENSUS;

	free(r);
	return rule;
}

int themes_outcome(struct db *db, long long session, long long proposal_id, struct r6_outcome *o,
		   char **objectors)
{
	struct member_stance *m;
	struct member_position *p;
	size_t n, len = 1;

	if (member_stances(db, session, proposal_id, &m, &n) != 0)
		return -1;
	p = xcalloc(n ? n : 1, sizeof *p);
	for (size_t i = 0; i < n; i++) {
		p[i].present = m[i].present;
		p[i].stance = m[i].stance;
		len += strlen(m[i].name) + 2;
	}
	*o = rules_consensus(p, n, session_rule(db, session));
	if (objectors) {
		size_t w = 0;

		*objectors = xmalloc(len);
		(*objectors)[0] = '\0';
		for (size_t i = 0; i < n; i++)
			if (m[i].present && m[i].stance == ST_OBJECT)
				w += (size_t)str_printf(*objectors + w, len - w, "%s%s",
							w ? ", " : "", m[i].name);
	}
	free(p);
	member_stances_free(&m, n);
	return 0;
}

/* ---- read access ---- */

/* "%text%" with LIKE's wildcards and the escape character escaped. */
static char *like_pattern(const char *text)
{
	char *p = xmalloc(2 * strlen(text) + 3), *w = p;

	*w++ = '%';
	for (; *text; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			*w++ = '\\';
		*w++ = *text;
	}
	*w++ = '%';
	*w = '\0';
	return p;
}

int themes_catalogue(struct db *db, const char *source, const char *text, long long after_id,
		     size_t limit, struct theme_entry **rows, size_t *n)
{
	char *pat = str_empty(text) ? NULL : like_pattern(text);
	struct dbq *q = db_query(db,
		"SELECT id, code, source, year, kind, title_fr, title_en FROM theme"
		" WHERE id > ?1 AND (?2 IS NULL OR source = ?2)"
		" AND (?3 IS NULL OR code LIKE ?3 ESCAPE '\\' OR title_fr LIKE ?3 ESCAPE '\\'"
		"  OR title_en LIKE ?3 ESCAPE '\\')"
		" ORDER BY id LIMIT ?4",
		"itti", after_id, str_empty(source) ? NULL : source, pat, (long long)limit);
	int rc = DB_DONE;

	free(pat);
	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW) {
		struct theme_entry *t = &(*rows)[(*n)++];

		t->id = dbq_int(q, 0);
		t->code = xstrdup(dbq_text(q, 1));
		t->source = xstrdup(dbq_text(q, 2));
		t->year = (int)dbq_int(q, 3);
		t->kind = xstrdup(dbq_text(q, 4));
		t->title_fr = xstrdup(dbq_text(q, 5));
		t->title_en = xstrdup(dbq_text(q, 6));
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		themes_catalogue_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void themes_catalogue_free(struct theme_entry **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		struct theme_entry *t = &(*rows)[i];

		free(t->code);
		free(t->source);
		free(t->kind);
		free(t->title_fr);
		free(t->title_en);
	}
	free(*rows);
	*rows = NULL;
}

int themes_categories(struct db *db, long long theme_id, struct theme_category **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT c.code, c.label_fr, c.label_en FROM theme_category tc"
		" JOIN category c ON c.code = tc.category WHERE tc.theme_id = ? ORDER BY c.code",
		"i", theme_id);
	size_t cap = 4;
	int rc;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(cap, sizeof **rows);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct theme_category *t;

		if (*n == cap) {
			cap *= 2;
			*rows = xrealloc(*rows, cap * sizeof **rows);
		}
		t = &(*rows)[(*n)++];
		t->code = xstrdup(dbq_text(q, 0));
		t->label_fr = xstrdup(dbq_text(q, 1));
		t->label_en = xstrdup(dbq_text(q, 2));
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		themes_categories_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

void themes_categories_free(struct theme_category **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++) {
		free((*rows)[i].code);
		free((*rows)[i].label_fr);
		free((*rows)[i].label_en);
	}
	free(*rows);
	*rows = NULL;
}

/* One proposal row of the queries below into *p (strings copied). */
static void proposal_from_row(struct dbq *q, struct proposal_info *p)
{
	memset(p, 0, sizeof *p);
	p->id = dbq_int(q, 0);
	p->num = dbq_int(q, 1);
	str_copy(p->target, dbq_text(q, 2), sizeof p->target);
	p->theme_id = dbq_int(q, 3);
	p->theme_code = xstrdup(dbq_is_null(q, 4) ? "" : dbq_text(q, 4));
	p->title = xstrdup(dbq_text(q, 5));
	str_copy(p->proposer_kind, dbq_text(q, 6), sizeof p->proposer_kind);
	str_copy(p->proposer, dbq_is_null(q, 7) ? dbq_text(q, 6) : dbq_text(q, 7),
		 sizeof p->proposer);
	str_copy(p->status, dbq_text(q, 8), sizeof p->status);
	p->merged_into = dbq_int(q, 9);
	p->origins = xstrdup(dbq_text(q, 10));
	str_copy(p->created_at, dbq_text(q, 11), sizeof p->created_at);
}

#define PROPOSAL_COLUMNS                                                              \
	"SELECT p.id, p.num, p.target, p.theme_id, t.code, p.title, p.proposer_kind,"   \
	" d.code, p.status, m.num, p.origins, p.created_at FROM proposal p"             \
	" LEFT JOIN theme t ON t.id = p.theme_id"                                      \
	" LEFT JOIN delegation d ON d.id = p.proposer_id"                              \
	" LEFT JOIN proposal m ON m.id = p.merged_into"

int themes_proposals(struct db *db, long long session, const char *target, long long after_num,
		     size_t limit, struct proposal_info **rows, size_t *n)
{
	struct dbq *q = db_query(db, PROPOSAL_COLUMNS
		" WHERE p.session_id = ?1 AND p.num > ?2 AND (?3 IS NULL OR p.target = ?3)"
		" ORDER BY p.num LIMIT ?4",
		"iiti", session, after_num, str_empty(target) ? NULL : target, (long long)limit);
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	*rows = xcalloc(limit ? limit : 1, sizeof **rows);
	while (*n < limit && (rc = dbq_step(q)) == DB_ROW)
		proposal_from_row(q, &(*rows)[(*n)++]);
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW)
		goto fail;
	/* Outcomes after the list is read: no cursor stays open meanwhile. */
	for (size_t i = 0; i < *n; i++)
		if (themes_outcome(db, session, (*rows)[i].id, &(*rows)[i].outcome,
				     &(*rows)[i].objectors) != 0)
			goto fail;
	return 0;
fail:
	themes_proposals_free(rows, *n);
	*n = 0;
	return -1;
}

int themes_proposal_get(struct db *db, long long session, long long num,
			struct proposal_info *out)
{
	struct dbq *q = db_query(db, PROPOSAL_COLUMNS " WHERE p.session_id = ? AND p.num = ?",
				 "ii", session, num);
	int rc;

	memset(out, 0, sizeof *out);
	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW)
		proposal_from_row(q, out);
	dbq_reset(q);
	if (rc == DB_DONE)
		return 1;
	if (rc != DB_ROW)
		return -1;
	if (themes_outcome(db, session, out->id, &out->outcome, &out->objectors) != 0) {
		themes_proposal_clear(out);
		return -1;
	}
	return 0;
}

void themes_proposal_clear(struct proposal_info *p)
{
	free(p->theme_code);
	free(p->title);
	free(p->origins);
	free(p->objectors);
	memset(p, 0, sizeof *p);
}

void themes_proposals_free(struct proposal_info **rows, size_t n)
{
	for (size_t i = 0; *rows && i < n; i++)
		themes_proposal_clear(&(*rows)[i]);
	free(*rows);
	*rows = NULL;
}

int themes_grid(struct db *db, long long session, const char *target, struct theme_grid *g)
{
	struct member_stance *m;
	size_t nm, cap = 8;
	struct dbq *q;
	int rc;

	memset(g, 0, sizeof *g);
	if (member_stances(db, session, 0, &m, &nm) != 0)
		return -1;
	g->n_members = nm;
	g->members = xcalloc(nm ? nm : 1, sizeof *g->members);
	for (size_t i = 0; i < nm; i++) {
		g->members[i].id = m[i].id;
		str_copy(g->members[i].code, m[i].code, sizeof g->members[i].code);
		g->members[i].name = m[i].name;
		g->members[i].present = m[i].present;
		m[i].name = NULL;
	}
	member_stances_free(&m, nm);

	q = db_query(db, "SELECT num FROM proposal WHERE session_id = ?1"
			 " AND (?2 IS NULL OR target = ?2) AND status <> 'merged' ORDER BY num",
		     "it", session, str_empty(target) ? NULL : target);
	if (!q)
		goto fail;
	g->proposals = xcalloc(cap, sizeof *g->proposals);
	while ((rc = dbq_step(q)) == DB_ROW) {
		if (g->n_proposals == cap) {
			cap *= 2;
			g->proposals = xrealloc(g->proposals, cap * sizeof *g->proposals);
		}
		g->proposals[g->n_proposals++] = dbq_int(q, 0);
	}
	dbq_reset(q);
	if (rc != DB_DONE)
		goto fail;

	g->cells = xcalloc(nm * g->n_proposals + 1, sizeof *g->cells);
	q = db_query(db, "SELECT p.num, pos.delegation_id, pos.stance FROM position pos"
			 " JOIN proposal p ON p.id = pos.proposal_id WHERE p.session_id = ?1"
			 " AND (?2 IS NULL OR p.target = ?2) AND p.status <> 'merged'",
		     "it", session, str_empty(target) ? NULL : target);
	if (!q)
		goto fail;
	while ((rc = dbq_step(q)) == DB_ROW) {
		long long num = dbq_int(q, 0), did = dbq_int(q, 1);
		size_t pi, mi;

		for (pi = 0; pi < g->n_proposals && g->proposals[pi] != num; pi++)
			;
		for (mi = 0; mi < nm && g->members[mi].id != did; mi++)
			;
		if (pi < g->n_proposals && mi < nm)
			g->cells[mi * g->n_proposals + pi] = rules_stance(dbq_text(q, 2));
	}
	dbq_reset(q);
	if (rc != DB_DONE)
		goto fail;
	return 0;
fail:
	themes_grid_free(g);
	return -1;
}

void themes_grid_free(struct theme_grid *g)
{
	for (size_t i = 0; g->members && i < g->n_members; i++)
		free(g->members[i].name);
	free(g->members);
	free(g->proposals);
	free(g->cells);
	memset(g, 0, sizeof *g);
}
