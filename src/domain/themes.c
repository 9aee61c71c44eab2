/*
 * themes.c — the choice of themes (R6): the commands propose, position,
 * select, reject and merge. The read access is in themes_read.c.
 *
 * Only member states propose (besides the secretariat and the CTP) and
 * state positions; the check is made here with a clear message, and the
 * R5 triggers of schema.c refuse the same rows whatever the code path. A
 * proposal is selected when themes_outcome() says the session's rule is
 * met by the member states present now, and while its target has places.
 */
#include "themes.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

static enum decision_rule session_rule(struct db *db, long long session)
{
	char *r = db_text(db, "SELECT decision_rule FROM session WHERE id = ?", "i", session);
	enum decision_rule rule = str_eq(r, "majority") ? RULE_MAJORITY : RULE_CONSENSUS;

	free(r);
	return rule;
}

/* ---- the commands ---- */

/* A proposal as the handlers need it. */
struct prop {
	long long id, num, theme_id;
	char target[12], status[12];
	char *title;
};

/* The proposal numbered argv[i] ("3" or "P3") in the current session.
 * Returns 0, or -1 with the reason in msg. */
static int prop_find(struct cmd_ctx *c, int i, struct prop *p)
{
	struct dbq *q;
	long long num;
	int rc;

	memset(p, 0, sizeof *p);
	if (cmd_arg_num(c, i, _("proposal"), &num) != 0)
		return -1;
	q = db_query(c->db, "SELECT id, num, COALESCE(theme_id, 0), target, status, title"
			    " FROM proposal WHERE session_id = ? AND num = ?",
		     "ii", c->session, num);
	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		p->id = dbq_int(q, 0);
		p->num = dbq_int(q, 1);
		p->theme_id = dbq_int(q, 2);
		str_copy(p->target, dbq_text(q, 3), sizeof p->target);
		str_copy(p->status, dbq_text(q, 4), sizeof p->status);
		p->title = xstrdup(dbq_text(q, 5));
	}
	dbq_reset(q);
	if (rc == DB_DONE)
		return cmd_err(c, _("no proposal P%lld in this session"), num);
	if (rc != DB_ROW)
		return cmd_db_err(c);
	return 0;
}

static int prop_require_open(struct cmd_ctx *c, const struct prop *p)
{
	if (strcmp(p->status, "open") == 0)
		return 0;
	return cmd_err(c, _("P%lld is no longer open (%s)"), p->num, p->status);
}

static const char *target_label(const char *target)
{
	return strcmp(target, "next") == 0 ? _("the next meeting's theme") : _("the workshops");
}

/* Resolve a theme argument: a catalogue code, else an exact catalogue
 * title (French or English), else a free title (theme 0). Returns the
 * title to store (malloc'd). */
static char *theme_resolve(struct db *db, const char *arg, long long *theme_id)
{
	struct dbq *q = db_query(db, "SELECT id, title_fr FROM theme WHERE code = ?", "t", arg);
	char *title = NULL;

	*theme_id = 0;
	if (q && dbq_step(q) == DB_ROW) {
		*theme_id = dbq_int(q, 0);
		title = xstrdup(dbq_text(q, 1));
	}
	if (q)
		dbq_reset(q);
	if (title)
		return title;
	*theme_id = db_int(db, 0, "SELECT id FROM theme WHERE title_fr = ?1 OR title_en = ?1"
				  " OR title_es = ?1"
				  " ORDER BY id LIMIT 1", "t", arg);
	return xstrdup(arg);
}

static long long next_proposal_num(struct db *db, long long session)
{
	return db_int(db, 1, "SELECT COALESCE(max(num), 0) + 1 FROM proposal WHERE session_id = ?",
		      "i", session);
}

int cmd_propose(struct cmd_ctx *c)
{
	const char *target = c->argv[1], *kind = "secretariat";
	long long proposer = 0, theme_id, num, dup;
	char now[32], *title;
	const char *by = "secretariat"; /* the minutes say who, in their language */

	if (!str_in(themes_targets, target))
		return cmd_err(c, _("unknown target %s (workshop or next)"), target);
	if (str_empty(c->argv[2]))
		return cmd_err(c, "%s", _("a theme code or title is required"));
	if (strlen(c->argv[2]) > THEME_TITLE_MAX)
		return cmd_err(c, _("the title is too long (%d bytes at most)"), THEME_TITLE_MAX);
	if (c->argc == 4 && str_ieq(c->argv[3], "ctp")) {
		kind = "ctp";
		by = "ctp";
	} else if (c->argc == 4 && !str_ieq(c->argv[3], "secretariat")) {
		proposer = cmd_delegation_may(c, c->argv[3], ROLE_PROPOSE,
					      _("%s is an observer: only member states propose "
						"themes (R6)"));
		if (!proposer)
			return -1;
		kind = "member";
		by = c->delegation;
	}
	title = theme_resolve(c->db, c->argv[2], &theme_id);
	/* Open or already selected on this target: a duplicate. */
	dup = db_int(c->db, 0, "SELECT num FROM proposal WHERE session_id = ? AND target = ?"
			       " AND status IN ('open', 'selected')"
			       " AND (title = ? OR theme_id = NULLIF(?, 0))",
		     "itti", c->session, target, title, theme_id);
	if (dup) {
		free(title);
		return cmd_err(c, _("already proposed as P%lld"), dup);
	}
	num = next_proposal_num(c->db, c->session);
	if (db_run(c->db, "INSERT INTO proposal (session_id, num, target, theme_id, title,"
			  " proposer_kind, proposer_id, created_at)"
			  " VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?)",
		   "iitittit", c->session, num, target, theme_id, title, kind, proposer,
		   cmd_now(now, sizeof now)) != DB_OK) {
		free(title);
		return cmd_db_err(c);
	}
	cmd_event(c, "theme.proposed", "isss", num, target, title, by);
	c->after = xasprintf("P%lld %s open: %s", num, target, title);
	free(title);
	return cmd_ok(c, ANS_PROPOSAL, num);
}

/* A stance code in the reader's language (the answer's translated form). */
static const char *stance_said(const char *code)
{
	switch (rules_stance(code)) {
	case ST_SUPPORT: return _("support");
	case ST_OBJECT: return _("object");
	case ST_ABSTAIN: return _("abstain");
	case ST_NONE:
	default: return _("none");
	}
}

int cmd_position(struct cmd_ctx *c)
{
	const char *st = c->argv[3];
	struct prop p;
	long long did;
	char *old = NULL, now[32];
	int rc = -1;

	if (prop_find(c, 1, &p) != 0)
		goto out;
	did = cmd_delegation_may(c, c->argv[2], ROLE_POSITION,
				 _("%s is an observer: only member states state positions (R6)"));
	if (!did)
		goto out;
	if (strcmp(st, "none") != 0 && rules_stance(st) == ST_NONE) {
		rc = cmd_err(c, _("unknown position %s (support, object, abstain or none)"), st);
		goto out;
	}
	if (prop_require_open(c, &p) != 0)
		goto out;
	old = db_text(c->db, "SELECT stance FROM position WHERE proposal_id = ? AND delegation_id = ?",
		      "ii", p.id, did);
	if (strcmp(st, "none") == 0) {
		if (!old) {
			rc = cmd_err(c, _("%s has stated no position on P%lld"), c->delegation, p.num);
			goto out;
		}
		if (db_run(c->db, "DELETE FROM position WHERE proposal_id = ? AND delegation_id = ?",
			   "ii", p.id, did) != DB_OK) {
			rc = cmd_db_err(c);
			goto out;
		}
	} else if (db_run(c->db, "INSERT INTO position (proposal_id, delegation_id, stance, at)"
				 " VALUES (?, ?, ?, ?) ON CONFLICT (proposal_id, delegation_id)"
				 " DO UPDATE SET stance = excluded.stance, at = excluded.at",
			  "iitt", p.id, did, st, cmd_now(now, sizeof now)) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->before = old ? xasprintf("P%lld %s %s", p.num, c->delegation, old) : NULL;
	c->after = strcmp(st, "none") ? xasprintf("P%lld %s %s", p.num, c->delegation, st) : NULL;
	cmd_event(c, "theme.position", "isss", p.num, p.title, c->delegation, st);
	rc = cmd_ok(c, ANS_POSITION, p.num, c->delegation, st);
	cmd_said(c, ANS_POSITION, p.num, c->delegation, stance_said(st));
out:
	free(old);
	free(p.title);
	return rc;
}

/* Why a proposal may not be selected yet, into msg. */
static int select_refusal(struct cmd_ctx *c, const struct r6_outcome *o, const char *objectors)
{
	if (session_rule(c->db, c->session) == RULE_MAJORITY)
		return cmd_err(c, ngettext("refused: no majority (%d of %d member state present "
					   "supports it)",
					   "refused: no majority (%d of %d member states present "
					   "support it)", (unsigned long)o->present),
			       o->support, o->present);
	if (o->object == 1)
		return cmd_err(c, _("refused: %s objects"), objectors);
	if (o->object > 1)
		return cmd_err(c, _("refused: %s object"), objectors);
	return cmd_err(c, "%s", _("refused: no member state supports it yet"));
}

/* Record the next meeting's theme for the process, replacing what this
 * session chose before; the next session created picks it up. */
static int next_theme_write(struct cmd_ctx *c, const struct prop *p)
{
	return db_run(c->db,
		"INSERT INTO next_theme (process_id, from_session, theme_id, title, used_by)"
		" SELECT process_id, id, NULLIF(?1, 0), ?2, NULL FROM session WHERE id = ?3"
		" ON CONFLICT (process_id, from_session) DO UPDATE SET theme_id = excluded.theme_id,"
		" title = excluded.title, used_by = NULL",
		"iti", p->theme_id, p->title, c->session);
}

int cmd_select(struct cmd_ctx *c)
{
	struct prop p;
	struct r6_outcome o;
	char *objectors = NULL;
	long long places, taken;
	int rc = -1;

	if (prop_find(c, 1, &p) != 0 || prop_require_open(c, &p) != 0)
		goto out;
	places = db_int(c->db, 0, "SELECT CASE ? WHEN 'next' THEN next_places ELSE workshop_places"
				  " END FROM session WHERE id = ?", "ti", p.target, c->session);
	taken = db_int(c->db, 0, "SELECT count(*) FROM proposal WHERE session_id = ? AND target = ?"
				 " AND status = 'selected'", "it", c->session, p.target);
	if (taken >= places) {
		rc = cmd_err(c, _("refused: the places for %s are filled (%lld of %lld)"),
			     target_label(p.target), taken, places);
		goto out;
	}
	if (themes_outcome(c->db, c->session, p.id, &o, &objectors) != 0) {
		rc = cmd_db_err(c);
		goto out;
	}
	if (!o.reached) {
		rc = select_refusal(c, &o, objectors);
		goto out;
	}
	if (db_run(c->db, "UPDATE proposal SET status = 'selected' WHERE id = ?", "i", p.id) != DB_OK ||
	    (strcmp(p.target, "next") == 0 && next_theme_write(c, &p) != DB_OK)) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->before = xasprintf("P%lld open", p.num);
	c->after = xasprintf("P%lld selected", p.num);
	cmd_event(c, "theme.selected", "issiii", p.num, p.target, p.title, (long long)o.support,
		  (long long)o.abstain, (long long)o.present);
	rc = cmd_ok(c, ANS_SELECTED, p.num);
out:
	free(objectors);
	free(p.title);
	return rc;
}

int cmd_reject(struct cmd_ctx *c)
{
	struct prop p;
	int rc = -1;

	if (prop_find(c, 1, &p) != 0 || prop_require_open(c, &p) != 0)
		goto out;
	if (db_run(c->db, "UPDATE proposal SET status = 'rejected' WHERE id = ?", "i", p.id) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->before = xasprintf("P%lld open", p.num);
	c->after = xasprintf("P%lld rejected", p.num);
	cmd_event(c, "theme.rejected", "is", p.num, p.title);
	rc = cmd_ok(c, ANS_REJECTED, p.num);
out:
	free(p.title);
	return rc;
}

/* The proposal merging p and q: it keeps p's proposer (the secretariat,
 * the CTP or a member state), the catalogue theme of p, else of q (so the
 * categories it links for R4 follow), and the positions on which p and q
 * agree (a state that supported both supports the merge; the others state
 * theirs again). Its id into *id, the positions kept into *kept. */
static int merge_insert(struct cmd_ctx *c, const struct prop *p, const struct prop *q,
			long long num, const char *title, const char *now, long long *id, int *kept)
{
	if (db_run(c->db, "INSERT INTO proposal (session_id, num, target, theme_id, title,"
			  " proposer_kind, proposer_id, origins, created_at)"
			  " SELECT ?1, ?2, a.target, COALESCE(a.theme_id, b.theme_id), ?3,"
			  " a.proposer_kind, a.proposer_id, 'P' || a.num || '; P' || b.num, ?4"
			  " FROM proposal a, proposal b WHERE a.id = ?5 AND b.id = ?6",
		   "iittii", c->session, num, title, now, p->id, q->id) != DB_OK)
		return cmd_db_err(c);
	*id = db_last_id(c->db);
	if (db_run(c->db, "INSERT INTO position (proposal_id, delegation_id, stance, at)"
			  " SELECT ?1, a.delegation_id, a.stance, ?2 FROM position a"
			  " JOIN position b ON b.delegation_id = a.delegation_id AND b.stance = a.stance"
			  " WHERE a.proposal_id = ?3 AND b.proposal_id = ?4",
		   "itii", *id, now, p->id, q->id) != DB_OK)
		return cmd_db_err(c);
	*kept = db_changes(c->db);
	return 0;
}

int cmd_merge(struct cmd_ctx *c)
{
	struct prop p, q;
	char *title = NULL, now[32];
	long long num, id = 0;
	int rc = -1, kept = 0;

	memset(&q, 0, sizeof q);
	if (prop_find(c, 1, &p) != 0 || prop_find(c, 2, &q) != 0)
		goto out;
	if (p.id == q.id) {
		rc = cmd_err(c, _("cannot merge P%lld with itself"), p.num);
		goto out;
	}
	if (prop_require_open(c, &p) != 0 || prop_require_open(c, &q) != 0)
		goto out;
	if (strcmp(p.target, q.target) != 0) {
		rc = cmd_err(c, _("P%lld and P%lld have different targets (%s, %s)"), p.num, q.num,
			     p.target, q.target);
		goto out;
	}
	if (c->argc == 4 && str_empty(c->argv[3])) {
		rc = cmd_err(c, "%s", _("the title of the merged proposal is empty"));
		goto out;
	}
	title = c->argc == 4 ? xstrdup(c->argv[3]) : xasprintf("%s + %s", p.title, q.title);
	if (strlen(title) > THEME_TITLE_MAX) {
		rc = cmd_err(c, _("the title is too long (%d bytes at most)"), THEME_TITLE_MAX);
		goto out;
	}
	num = next_proposal_num(c->db, c->session);
	if (merge_insert(c, &p, &q, num, title, cmd_now(now, sizeof now), &id, &kept) != 0)
		goto out;
	if (db_run(c->db, "UPDATE proposal SET status = 'merged', merged_into = ? WHERE id IN (?, ?)",
		   "iii", id, p.id, q.id) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->after = xasprintf("P%lld %s open: %s (P%lld; P%lld); positions kept: %d", num, p.target,
			     title, p.num, q.num, kept);
	cmd_event(c, "theme.merged", "iiisi", p.num, q.num, num, title, (long long)kept);
	rc = cmd_ok(c, ANS_PROPOSAL, num);
out:
	free(title);
	free(p.title);
	free(q.title);
	return rc;
}
