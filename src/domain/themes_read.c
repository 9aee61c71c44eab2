/*
 * themes_read.c — what the Themes and Attendance screens and the export
 * read of the choice of themes (themes.h): the catalogue with its search
 * (keyset, and a page at a time by list index), the categories of a
 * theme, one proposal with its outcome now, the counts and places of one
 * target, the proposals of a target still shown (not merged) a page at a
 * time with their search, the member state × proposal cells of the
 * proposals on screen, and the themes of a session as one line. The
 * commands are in themes.c.
 *
 * The sets paged by OFFSET are bounded by reference data or by one
 * session: the catalogue is the fixtures' themes (tens of rows; the free
 * titles that sessions create are left out), and the proposals are those
 * of one target of one session (read through the proposal_by_target
 * index). The searches answer the index of the next match, so the screen
 * reads only the page it shows.
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

const char *const themes_targets[] = { "workshop", "next", NULL };
const char *const themes_proposer_kinds[] = { "secretariat", "ctp", "member", NULL };
const char *const themes_proposal_statuses[] = { "open", "selected", "rejected", "merged",
						 NULL };

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
		" EXISTS (SELECT 1 FROM member_present mp WHERE mp.session_id = ?1"
		"  AND mp.delegation_id = d.id),"
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
	p->title_stored = xstrdup(dbq_text(q, 5));
	p->title = xstrdup(dbq_text(q, 12));
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
	" d.code, p.status, m.num, p.origins, p.created_at,"                           \
	" " PROPOSAL_TITLE_SQL("p", "t", "?3") " FROM proposal p"                      \
	" LEFT JOIN theme t ON t.id = p.theme_id"                                      \
	" LEFT JOIN delegation d ON d.id = p.proposer_id"                              \
	" LEFT JOIN proposal m ON m.id = p.merged_into"

int themes_proposal_get(struct db *db, long long session, long long num,
			struct proposal_info *out)
{
	struct dbq *q = db_query(db, PROPOSAL_COLUMNS " WHERE p.session_id = ?1 AND p.num = ?2",
				 "iit", session, num, i18n_lang());
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
	free(p->title_stored);
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

void themes_grid_free(struct theme_grid *g)
{
	for (size_t i = 0; g->members && i < g->n_members; i++)
		free(g->members[i].name);
	free(g->members);
	free(g->proposals);
	free(g->cells);
	memset(g, 0, sizeof *g);
}

/* ---- the catalogue ---- */

int themes_view_catalogue_count(struct db *db, size_t *n)
{
	long long c = db_int(db, -1, "SELECT count(*) FROM theme WHERE source <> 'free'", "");

	*n = c > 0 ? (size_t)c : 0;
	return c < 0 ? -1 : 0;
}

int themes_view_catalogue_page(struct db *db, size_t offset, size_t limit,
			       struct theme_entry **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT id, code, source, ifnull(year, 0), kind, title_fr, title_en FROM theme"
		" WHERE source <> 'free' ORDER BY id LIMIT ?1 OFFSET ?2",
		"ii", (long long)limit, (long long)offset);
	int rc = DB_DONE;

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
		t->title_en = xstrdup(dbq_is_null(q, 6) ? "" : dbq_text(q, 6));
	}
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		themes_catalogue_free(rows, *n);
		*n = 0;
		return -1;
	}
	return 0;
}

int themes_view_catalogue_find(struct db *db, const char *text, long long after_id,
			       size_t *index, long long *id)
{
	char *pat = like_pattern(text ? text : "");
	long long found = db_int(db, -1,
		"SELECT ifnull((SELECT id FROM theme WHERE source <> 'free' AND id > ?1"
		" AND (code LIKE ?2 ESCAPE '\\' OR title_fr LIKE ?2 ESCAPE '\\'"
		"  OR title_en LIKE ?2 ESCAPE '\\') ORDER BY id LIMIT 1), 0)",
		"it", after_id, pat);
	long long before;

	free(pat);
	if (found < 0)
		return -1;
	if (found == 0)
		return 1;
	before = db_int(db, -1, "SELECT count(*) FROM theme WHERE source <> 'free' AND id < ?",
			"i", found);
	if (before < 0)
		return -1;
	*index = (size_t)before;
	*id = found;
	return 0;
}

/* ---- one target ---- */

int themes_view_target(struct db *db, long long session, const char *target,
		       struct theme_view_target *t)
{
	struct dbq *q = db_query(db,
		"SELECT CASE ?2 WHEN 'next' THEN s.next_places ELSE s.workshop_places END,"
		" s.decision_rule,"
		" (SELECT count(*) FROM proposal p WHERE p.session_id = s.id AND p.target = ?2"
		"  AND p.status <> 'merged'),"
		" (SELECT count(*) FROM proposal p WHERE p.session_id = s.id AND p.target = ?2"
		"  AND p.status = 'selected')"
		" FROM session s WHERE s.id = ?1",
		"it", session, target);
	int rc;

	memset(t, 0, sizeof *t);
	if (!q)
		return -1;
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		t->places = (int)dbq_int(q, 0);
		t->rule = str_eq(dbq_text(q, 1), "majority") ? RULE_MAJORITY : RULE_CONSENSUS;
		t->shown = (int)dbq_int(q, 2);
		t->selected = (int)dbq_int(q, 3);
	}
	dbq_reset(q);
	return rc == DB_ROW || rc == DB_DONE ? 0 : -1;
}

int themes_view_proposals(struct db *db, long long session, const char *target, size_t offset,
			  size_t limit, struct proposal_info **rows, size_t *n)
{
	struct dbq *q = db_query(db,
		"SELECT num FROM proposal WHERE session_id = ?1 AND target = ?2"
		" AND status <> 'merged' ORDER BY num LIMIT ?3 OFFSET ?4",
		"itii", session, target, (long long)limit, (long long)offset);
	long long *nums;
	size_t k = 0;
	int rc = DB_DONE;

	*rows = NULL;
	*n = 0;
	if (!q)
		return -1;
	nums = xcalloc(limit ? limit : 1, sizeof *nums);
	while (k < limit && (rc = dbq_step(q)) == DB_ROW)
		nums[k++] = dbq_int(q, 0);
	dbq_reset(q);
	if (rc != DB_DONE && rc != DB_ROW) {
		free(nums);
		return -1;
	}
	/* Each row with its outcome, after the cursor above is reset. */
	*rows = xcalloc(k ? k : 1, sizeof **rows);
	for (size_t i = 0; i < k; i++) {
		if (themes_proposal_get(db, session, nums[i], &(*rows)[i]) != 0) {
			themes_proposals_free(rows, *n);
			*n = 0;
			free(nums);
			return -1;
		}
		(*n)++;
	}
	free(nums);
	return 0;
}

int themes_view_proposal_find(struct db *db, long long session, const char *target,
			      const char *text, long long after_num, size_t *index)
{
	char *pat = like_pattern(text ? text : "");
	long long found = db_int(db, -1,
		"SELECT ifnull((SELECT p.num FROM proposal p"
		" LEFT JOIN theme t ON t.id = p.theme_id"
		" LEFT JOIN delegation d ON d.id = p.proposer_id"
		" WHERE p.session_id = ?1 AND p.target = ?2 AND p.status <> 'merged' AND p.num > ?3"
		" AND (p.title LIKE ?4 ESCAPE '\\' OR t.code LIKE ?4 ESCAPE '\\'"
		"  OR " PROPOSAL_TITLE_SQL("p", "t", "?5") " LIKE ?4 ESCAPE '\\'"
		"  OR d.code LIKE ?4 ESCAPE '\\' OR p.proposer_kind LIKE ?4 ESCAPE '\\'"
		"  OR p.origins LIKE ?4 ESCAPE '\\')"
		" ORDER BY p.num LIMIT 1), 0)",
		"ititt", session, target, after_num, pat, i18n_lang());
	long long before;

	free(pat);
	if (found < 0)
		return -1;
	if (found == 0)
		return 1;
	before = db_int(db, -1, "SELECT count(*) FROM proposal WHERE session_id = ? AND target = ?"
				" AND status <> 'merged' AND num < ?", "iti", session, target, found);
	if (before < 0)
		return -1;
	*index = (size_t)before;
	return 0;
}

/* ---- the grid of the proposals on screen ---- */

/* The member states of the session's process, in code order, with their
 * presence now, into g->members. */
static int view_members(struct db *db, long long session, struct theme_grid *g)
{
	struct dbq *q = db_query(db,
		"SELECT d.id, d.code, d.name_fr, d.name_en,"
		" EXISTS (SELECT 1 FROM member_present mp WHERE mp.session_id = ?1"
		"  AND mp.delegation_id = d.id)"
		" FROM delegation d JOIN session s ON s.process_id = d.process_id"
		" WHERE s.id = ?1 AND d.type = 'member' ORDER BY d.code",
		"i", session);
	size_t cap = 16;
	int rc;

	if (!q)
		return -1;
	g->members = xcalloc(cap, sizeof *g->members);
	while ((rc = dbq_step(q)) == DB_ROW) {
		struct grid_member *m;

		if (g->n_members == cap) {
			cap *= 2;
			g->members = xrealloc(g->members, cap * sizeof *g->members);
		}
		m = &g->members[g->n_members++];
		m->id = dbq_int(q, 0);
		str_copy(m->code, dbq_text(q, 1), sizeof m->code);
		m->name = xstrdup(i18n_pick(dbq_text(q, 2), dbq_text(q, 3)));
		m->present = dbq_int(q, 4) != 0;
	}
	dbq_reset(q);
	return rc == DB_DONE ? 0 : -1;
}

int themes_view_grid(struct db *db, long long session, const struct proposal_info *props,
		     size_t np, struct theme_grid *g)
{
	memset(g, 0, sizeof *g);
	if (view_members(db, session, g) != 0)
		goto fail;
	g->n_proposals = np;
	g->proposals = xcalloc(np ? np : 1, sizeof *g->proposals);
	g->cells = xcalloc(g->n_members * np + 1, sizeof *g->cells);
	for (size_t p = 0; p < np; p++) {
		struct dbq *q = db_query(db, "SELECT delegation_id, stance FROM position"
					     " WHERE proposal_id = ?", "i", props[p].id);
		int rc;

		g->proposals[p] = props[p].num;
		if (!q)
			goto fail;
		while ((rc = dbq_step(q)) == DB_ROW) {
			long long did = dbq_int(q, 0);

			for (size_t m = 0; m < g->n_members; m++)
				if (g->members[m].id == did)
					g->cells[m * np + p] = rules_stance(dbq_text(q, 1));
		}
		dbq_reset(q);
		if (rc != DB_DONE)
			goto fail;
	}
	return 0;
fail:
	themes_grid_free(g);
	return -1;
}

/* ---- the session's themes ---- */

int themes_view_session_themes(struct db *db, long long session, char **text)
{
	struct dbq *q = db_query(db,
		"SELECT t.title_fr, t.title_en FROM session_theme st"
		" JOIN theme t ON t.id = st.theme_id WHERE st.session_id = ? ORDER BY t.id",
		"i", session);
	size_t len = 0, cap = 64;
	int rc;

	*text = NULL;
	if (!q)
		return -1;
	*text = xmalloc(cap);
	(*text)[0] = '\0';
	while ((rc = dbq_step(q)) == DB_ROW) {
		const char *fr = dbq_text(q, 0), *en = dbq_is_null(q, 1) ? "" : dbq_text(q, 1);
		const char *title = i18n_pick(fr, en);
		size_t need = len + strlen(title) + 3;

		if (need > cap) {
			cap = 2 * need;
			*text = xrealloc(*text, cap);
		}
		len += (size_t)str_printf(*text + len, cap - len, "%s%s", len ? "; " : "", title);
	}
	dbq_reset(q);
	if (rc != DB_DONE) {
		xfree(text);
		return -1;
	}
	return 0;
}
