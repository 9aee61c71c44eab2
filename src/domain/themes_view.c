/*
 * themes_view.c — paged reads for the Themes screen (screens/themes*.c),
 * added beside the read access of themes_read.c (declared at the end of
 * themes.h): the catalogue of the fixtures a page at a time with its
 * search, the counts and places of one target, the proposals of a target
 * that are still shown (not merged into another) a page at a time with
 * their search, the member state × proposal cells of the proposals on
 * screen, and the themes of a session as one line.
 *
 * Pages are addressed by index (the list widget's row number). The sets
 * paged by OFFSET are bounded by reference data or by one session: the
 * catalogue is the fixtures' themes (tens of rows; the free titles that
 * sessions create are left out), and the proposals are those of one
 * target of one session (read through the proposal_by_target index). The
 * searches answer the index of the next match, so the screen reads only
 * the page it shows.
 */
#include "themes.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* "%text%" with LIKE's wildcards and the escape character escaped. */
static char *view_like(const char *text)
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
	char *pat = view_like(text ? text : "");
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
	char *pat = view_like(text ? text : "");
	long long found = db_int(db, -1,
		"SELECT ifnull((SELECT p.num FROM proposal p"
		" LEFT JOIN theme t ON t.id = p.theme_id"
		" LEFT JOIN delegation d ON d.id = p.proposer_id"
		" WHERE p.session_id = ?1 AND p.target = ?2 AND p.status <> 'merged' AND p.num > ?3"
		" AND (p.title LIKE ?4 ESCAPE '\\' OR t.code LIKE ?4 ESCAPE '\\'"
		"  OR d.code LIKE ?4 ESCAPE '\\' OR p.proposer_kind LIKE ?4 ESCAPE '\\'"
		"  OR p.origins LIKE ?4 ESCAPE '\\')"
		" ORDER BY p.num LIMIT 1), 0)",
		"itit", session, target, after_num, pat);
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
		" EXISTS (SELECT 1 FROM delegate g WHERE g.session_id = ?1"
		"  AND g.delegation_id = d.id AND g.present = 1)"
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
