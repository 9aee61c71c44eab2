/*
 * recs.c — the recommendation commands (R5, R7): rec+, amend, cosponsor,
 * reserve, object, unobject, status, adopt, rec=.
 *
 * R5: the author, every co-sponsor, every amendment, every reservation and
 * every objection belong to member states. Each handler checks it first,
 * so that an observer gets a clear message; the triggers of schema.c
 * refuse the same rows on every other path (cmd_db_err maps R5_OBSERVER).
 *
 * R7: every text change is a new row of rec_version (version 1 is the
 * text of rec+), so the history is complete. Adoption is refused while a
 * member state present in the room (one of its delegates is marked
 * present) objects; reservations never block. The read access is in
 * recs_read.c, the drafts in draft.c and the word diff in recs_diff.c.
 */
#include "recs.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "rules.h"
#include "util.h"

/* A recommendation as the handlers need it. */
struct rec {
	long long id, num, author_id;
	enum rec_status status;
	char status_code[12];
	char *title;
};

const char *recs_status_text(const char *code)
{
	static const char *const l[] = { N_("draft"), N_("discussion"), N_("adopted"),
					 N_("withdrawn"), N_("deferred"), N_("submitted") };
	enum rec_status s = rules_rec_status(code);

	return s < RS_INVALID ? _(l[s]) : code;
}

/* The recommendation numbered argv[i] ("2" or "R2") in the current
 * session. Returns 0, or -1 with the reason in msg. */
/* Who typed a version: the person (--as) when there is one, else the OS user. */
static const char *actor(const struct cmd_ctx *c)
{
	return c->app && c->app->person ? c->app->person : os_user();
}

static int rec_find(struct cmd_ctx *c, int i, struct rec *r)
{
	struct dbq *q;
	long long num;
	int rc;

	memset(r, 0, sizeof *r);
	if (cmd_arg_num(c, i, _("recommendation"), &num) != 0)
		return -1;
	q = db_query(c->db, "SELECT id, num, author_id, status, title FROM recommendation"
			    " WHERE session_id = ? AND num = ?", "ii", c->session, num);
	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		r->id = dbq_int(q, 0);
		r->num = dbq_int(q, 1);
		r->author_id = dbq_int(q, 2);
		str_copy(r->status_code, dbq_text(q, 3), sizeof r->status_code);
		r->status = rules_rec_status(r->status_code);
		r->title = xstrdup(dbq_text(q, 4));
	}
	dbq_reset(q);
	if (rc == DB_DONE)
		return cmd_err(c, _("no recommendation R%lld in this session"), num);
	if (rc != DB_ROW)
		return cmd_db_err(c);
	return 0;
}

/* The delegation named `code` if it may act in `role` (R5), or 0 with
 * msg filled. */
static long long rec_member(struct cmd_ctx *c, const char *code, enum draft_role role)
{
	return cmd_delegation_may(c, code, role,
				  _("refused: %s is an observer: drafting is the exclusive "
				    "competence of member states (R5)"));
}

int cmd_rec_add(struct cmd_ctx *c)
{
	/* The English text, when given, belongs to version 1: one command,
	 * one transaction (it used to take a second command, an invented
	 * amendment that another instance's rec+ could redirect). */
	const char *title = c->argv[2], *text = c->argv[3], *en = c->argc > 4 ? c->argv[4] : "";
	long long author, num, id;
	char now[32];

	author = rec_member(c, c->argv[1], ROLE_AUTHOR);
	if (!author)
		return -1;
	if (str_empty(title))
		return cmd_err(c, "%s", _("the title is empty"));
	if (str_empty(text))
		return cmd_err(c, "%s", _("the text is empty"));
	num = db_int(c->db, 1, "SELECT COALESCE(max(num), 0) + 1 FROM recommendation"
			       " WHERE session_id = ?", "i", c->session);
	cmd_now(now, sizeof now);
	/* Linked by default to the agenda item in progress (rec= changes it). */
	if (db_run(c->db, "INSERT INTO recommendation (session_id, num, title, item_id, author_id,"
			  " created_at) VALUES (?1, ?2, ?3, (SELECT id FROM agenda_item"
			  " WHERE session_id = ?1 AND status = 'in_progress'), ?4, ?5)",
		   "iitit", c->session, num, title, author, now) != DB_OK)
		return cmd_db_err(c);
	id = db_last_id(c->db);
	if (db_run(c->db, "INSERT INTO rec_version (rec_id, version, text_fr, text_en, delegation_id,"
			  " actor, at) VALUES (?, 1, ?, ?, ?, ?, ?)",
		   "ittitt", id, text, en, author, actor(c), now) != DB_OK)
		return cmd_db_err(c);
	c->after = xstrdup(text);
	cmd_event(c, "rec.drafted", "iss", num, c->delegation, title);
	return cmd_ok(c, ANS_REC_ADDED, num);
}

int cmd_amend(struct cmd_ctx *c)
{
	struct rec r;
	struct dbq *q;
	long long who;
	long long version = 0;
	char *old_fr = NULL, *old_en = NULL, now[32];
	const char *fr = c->argv[3], *en;
	int rc = -1;

	if (rec_find(c, 1, &r) != 0 || !(who = rec_member(c, c->argv[2], ROLE_AMEND)))
		goto out;
	if (!rules_rec_editable(r.status)) {
		rc = cmd_err(c, _("refused: R%lld is %s: its text can no longer change"), r.num,
			     recs_status_text(r.status_code));
		goto out;
	}
	if (str_empty(fr)) {
		rc = cmd_err(c, "%s", _("the text is empty"));
		goto out;
	}
	q = db_query(c->db, "SELECT version, text_fr, text_en FROM rec_version WHERE rec_id = ?"
			    " ORDER BY version DESC LIMIT 1", "i", r.id);
	if (q && dbq_step(q) == DB_ROW) {
		version = dbq_int(q, 0);
		old_fr = xstrdup(dbq_text(q, 1));
		old_en = xstrdup(dbq_text(q, 2));
	}
	if (q)
		dbq_reset(q);
	if (!old_fr) {
		rc = cmd_db_err(c);
		goto out;
	}
	/* Without an English text the previous one is kept. */
	en = c->argc == 5 ? c->argv[4] : old_en;
	if (strcmp(fr, old_fr) == 0 && strcmp(en, old_en) == 0) {
		rc = cmd_err(c, _("no change: version %lld of R%lld has this text"), version, r.num);
		goto out;
	}
	if (db_run(c->db, "INSERT INTO rec_version (rec_id, version, text_fr, text_en, delegation_id,"
			  " actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)", "iittitt", r.id, version + 1, fr,
		   en, who, actor(c), cmd_now(now, sizeof now)) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->before = old_fr;
	c->after = xstrdup(fr);
	old_fr = NULL;
	cmd_event(c, "rec.amended", "isi", r.num, c->delegation, version + 1);
	rc = cmd_ok(c, ANS_REC_VERSION, r.num, version + 1);
out:
	free(old_fr);
	free(old_en);
	free(r.title);
	return rc;
}

int cmd_cosponsor(struct cmd_ctx *c)
{
	struct rec r;
	long long who;
	int rc = -1;

	if (rec_find(c, 1, &r) != 0 || !(who = rec_member(c, c->argv[2], ROLE_COSPONSOR)))
		goto out;
	if (!rules_rec_editable(r.status)) {
		rc = cmd_err(c, _("refused: R%lld is %s: its co-sponsors can no longer change"), r.num,
			     recs_status_text(r.status_code));
	} else if (who == r.author_id) {
		rc = cmd_err(c, _("%s is the author of R%lld"), c->delegation, r.num);
	} else if (db_int(c->db, 0, "SELECT 1 FROM rec_cosponsor WHERE rec_id = ? AND delegation_id = ?",
			  "ii", r.id, who)) {
		rc = cmd_err(c, _("%s already co-sponsors R%lld"), c->delegation, r.num);
	} else if (db_run(c->db, "INSERT INTO rec_cosponsor (rec_id, delegation_id) VALUES (?, ?)",
			  "ii", r.id, who) != DB_OK) {
		rc = cmd_db_err(c);
	} else {
		cmd_event(c, "rec.cosponsored", "is", r.num, c->delegation);
		rc = cmd_ok(c, ANS_REC_COSPONSOR, r.num, c->delegation);
	}
out:
	free(r.title);
	return rc;
}

int cmd_reserve(struct cmd_ctx *c)
{
	struct rec r;
	long long who;
	const char *reason = c->argc == 4 ? c->argv[3] : "";
	char now[32], *old = NULL;
	int rc = -1;

	if (rec_find(c, 1, &r) != 0 || !(who = rec_member(c, c->argv[2], ROLE_RESERVE)))
		goto out;
	/* A reservation accompanies adoption: it may come until submission. */
	if (r.status != RS_DRAFT && r.status != RS_DISCUSSION && r.status != RS_ADOPTED) {
		rc = cmd_err(c, _("refused: R%lld is %s: reservations are closed"), r.num,
			     recs_status_text(r.status_code));
		goto out;
	}
	old = db_text(c->db, "SELECT reason FROM rec_reservation WHERE rec_id = ? AND delegation_id = ?",
		      "ii", r.id, who);
	if (old && strcmp(old, reason) == 0) {
		rc = cmd_err(c, _("no change: %s already has this reservation on R%lld"), c->delegation,
			     r.num);
		goto out;
	}
	if (db_run(c->db, "INSERT INTO rec_reservation (rec_id, delegation_id, reason, at)"
			  " VALUES (?, ?, ?, ?) ON CONFLICT (rec_id, delegation_id)"
			  " DO UPDATE SET reason = excluded.reason, at = excluded.at",
		   "iitt", r.id, who, reason, cmd_now(now, sizeof now)) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->before = old;
	old = NULL;
	c->after = xstrdup(reason);
	cmd_event(c, "rec.reserved", "iss", r.num, c->delegation, reason);
	rc = cmd_ok(c, ANS_REC_RESERVATION, r.num, c->delegation);
out:
	free(old);
	free(r.title);
	return rc;
}

int cmd_object(struct cmd_ctx *c)
{
	struct rec r;
	long long who;
	const char *reason = c->argc == 4 ? c->argv[3] : "";
	char now[32];
	int rc = -1;

	if (rec_find(c, 1, &r) != 0 || !(who = rec_member(c, c->argv[2], ROLE_OBJECT)))
		goto out;
	if (!rules_rec_editable(r.status)) {
		rc = cmd_err(c, _("refused: R%lld is %s: objections are closed"), r.num,
			     recs_status_text(r.status_code));
		goto out;
	}
	c->before = db_text(c->db, "SELECT reason FROM rec_objection WHERE rec_id = ?"
				   " AND delegation_id = ?", "ii", r.id, who);
	if (c->before && strcmp(c->before, reason) == 0) {
		rc = cmd_err(c, _("no change: %s already objects to R%lld"), c->delegation, r.num);
		goto out;
	}
	if (db_run(c->db, "INSERT INTO rec_objection (rec_id, delegation_id, reason, at)"
			  " VALUES (?, ?, ?, ?) ON CONFLICT (rec_id, delegation_id)"
			  " DO UPDATE SET reason = excluded.reason, at = excluded.at",
		   "iitt", r.id, who, reason, cmd_now(now, sizeof now)) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	c->after = xstrdup(reason);
	cmd_event(c, "rec.objected", "iss", r.num, c->delegation, reason);
	rc = cmd_ok(c, ANS_REC_OBJECTION, r.num, c->delegation);
out:
	free(r.title);
	return rc;
}

int cmd_unobject(struct cmd_ctx *c)
{
	struct rec r;
	long long who;
	int rc = -1;

	if (rec_find(c, 1, &r) != 0 || !(who = cmd_delegation(c, c->argv[2], NULL, 0)))
		goto out;
	c->before = db_text(c->db, "SELECT reason FROM rec_objection WHERE rec_id = ?"
				   " AND delegation_id = ?", "ii", r.id, who);
	if (!c->before) {
		rc = cmd_err(c, _("%s has no objection to R%lld"), c->delegation, r.num);
		goto out;
	}
	if (db_run(c->db, "DELETE FROM rec_objection WHERE rec_id = ? AND delegation_id = ?", "ii",
		   r.id, who) != DB_OK) {
		rc = cmd_db_err(c);
		goto out;
	}
	cmd_event(c, "rec.unobjected", "is", r.num, c->delegation);
	rc = cmd_ok(c, ANS_REC_UNOBJECTED, r.num, c->delegation);
out:
	free(r.title);
	return rc;
}

/* "Comoros objects (reason); Madagascar objects": the objections of the
 * member states present now, malloc'd ("" when none); *count set. */
static char *present_objections(struct db *db, long long session, long long rec_id, int *count)
{
	struct dbq *q = db_query(db,
		"SELECT d.name_fr, d.name_en, o.reason FROM rec_objection o"
		" JOIN delegation d ON d.id = o.delegation_id WHERE o.rec_id = ?1"
		" AND EXISTS (SELECT 1 FROM member_present mp WHERE mp.session_id = ?2"
		"  AND mp.delegation_id = d.id) ORDER BY d.code",
		"ii", rec_id, session);
	char *s = xstrdup(""), *part;

	*count = 0;
	while (q && dbq_step(q) == DB_ROW) {
		const char *name = i18n_pick(dbq_text(q, 0), dbq_text(q, 1)), *why = dbq_text(q, 2);
		char *t;

		part = str_empty(why) ? xasprintf(_("%s objects"), name)
				      : xasprintf(_("%s objects (%s)"), name, why);
		t = xasprintf("%s%s%s", s, *s ? "; " : "", part);
		free(part);
		free(s);
		s = t;
		(*count)++;
	}
	if (q)
		dbq_reset(q);
	return s;
}

/* Adopt r: from draft or discussion, and only without an objection of a
 * member state present now. Shared by adopt and status N adopted. */
static int rec_adopt(struct cmd_ctx *c, const struct rec *r)
{
	int objections;
	char *who = present_objections(c->db, c->session, r->id, &objections), now[32], *res;

	if (!rules_rec_may_adopt(r->status, objections)) {
		int rc = objections && (r->status == RS_DRAFT || r->status == RS_DISCUSSION)
				 ? cmd_err(c, _("refused: %s"), who)
				 : cmd_err(c, _("refused: R%lld is %s: only a draft or a recommendation "
						"under discussion can be adopted"), r->num,
					     recs_status_text(r->status_code));
		free(who);
		return rc;
	}
	free(who);
	if (db_run(c->db, "UPDATE recommendation SET status = 'adopted', adopted_at = ? WHERE id = ?",
		   "ti", cmd_now(now, sizeof now), r->id) != DB_OK)
		return cmd_db_err(c);
	res = db_text(c->db, "SELECT group_concat(code, '; ') FROM (SELECT d.code FROM rec_reservation v"
			     " JOIN delegation d ON d.id = v.delegation_id WHERE v.rec_id = ?"
			     " ORDER BY d.code)", "i", r->id);
	c->before = xstrdup(r->status_code);
	c->after = xstrdup("adopted");
	cmd_event(c, "rec.adopted", "iss", r->num, r->title, res);
	free(res);
	return cmd_ok(c, ANS_REC_ADOPTED, r->num);
}

int cmd_adopt(struct cmd_ctx *c)
{
	struct rec r;
	int rc = rec_find(c, 1, &r);

	if (rc == 0)
		rc = rec_adopt(c, &r);
	free(r.title);
	return rc;
}

int cmd_status(struct cmd_ctx *c)
{
	struct rec r;
	enum rec_status to = rules_rec_status(c->argv[2]);
	char now[32];
	int rc = -1;

	if (rec_find(c, 1, &r) != 0)
		goto out;
	if (to == RS_INVALID) {
		rc = cmd_err(c, _("unknown status %s (draft, discussion, adopted, withdrawn, deferred, "
				  "submitted)"), c->argv[2]);
	} else if (to == r.status) {
		rc = cmd_err(c, _("R%lld is already %s"), r.num, recs_status_text(r.status_code));
	} else if (to == RS_ADOPTED) {
		rc = rec_adopt(c, &r);
	} else if (!rules_rec_transition(r.status, to)) {
		rc = cmd_err(c, _("refused: R%lld cannot go from %s to %s"), r.num,
			     recs_status_text(r.status_code), recs_status_text(rules_rec_status_code(to)));
	} else if (db_run(c->db, "UPDATE recommendation SET status = ?1, submitted_at = CASE ?1"
				 " WHEN 'submitted' THEN ?2 ELSE submitted_at END WHERE id = ?3",
			  "tti", rules_rec_status_code(to), cmd_now(now, sizeof now), r.id) != DB_OK) {
		rc = cmd_db_err(c);
	} else {
		c->before = xstrdup(r.status_code);
		c->after = xstrdup(rules_rec_status_code(to));
		cmd_event(c, "rec.status", "iss", r.num, r.status_code, rules_rec_status_code(to));
		rc = cmd_ok(c, ANS_REC_STATUS, r.num, rules_rec_status_code(to));
		cmd_said(c, ANS_REC_STATUS, r.num, recs_status_text(rules_rec_status_code(to)));
	}
out:
	free(r.title);
	return rc;
}

/* rec= N theme CODE|-: the theme by catalogue code, "-" to clear. */
static int rec_set_theme(struct cmd_ctx *c, const struct rec *r, const char *v)
{
	long long theme = 0;

	if (strcmp(v, "-") != 0 && !(theme = db_int(c->db, 0, "SELECT id FROM theme WHERE code = ?",
						    "t", v)))
		return cmd_err(c, _("unknown theme %s"), v);
	c->before = db_text(c->db, "SELECT t.code FROM recommendation r JOIN theme t"
				   " ON t.id = r.theme_id WHERE r.id = ?", "i", r->id);
	if (db_run(c->db, "UPDATE recommendation SET theme_id = NULLIF(?, 0) WHERE id = ?", "ii", theme,
		   r->id) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

/* rec= N item NUM|-: the agenda item by its number, "-" to clear. */
static int rec_set_item(struct cmd_ctx *c, const struct rec *r, const char *v)
{
	long long item = 0, num = 0;

	if (strcmp(v, "-") != 0) {
		if (cmd_arg_num(c, 3, _("item"), &num) != 0)
			return -1;
		item = db_int(c->db, 0, "SELECT id FROM agenda_item WHERE session_id = ? AND num = ?",
			      "ii", c->session, num);
		if (!item)
			return cmd_err(c, _("no agenda item %lld in this session"), num);
	}
	c->before = db_text(c->db, "SELECT i.num FROM recommendation r JOIN agenda_item i"
				   " ON i.id = r.item_id WHERE r.id = ?", "i", r->id);
	if (db_run(c->db, "UPDATE recommendation SET item_id = NULLIF(?, 0) WHERE id = ?", "ii", item,
		   r->id) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

static int rec_set_title(struct cmd_ctx *c, const struct rec *r, const char *v)
{
	if (!rules_rec_editable(r->status))
		return cmd_err(c, _("refused: R%lld is %s: its title can no longer change"), r->num,
			       recs_status_text(r->status_code));
	if (str_empty(v))
		return cmd_err(c, "%s", _("the title is empty"));
	if (strcmp(v, r->title) == 0)
		return cmd_err(c, "%s", _("no change"));
	if (db_run(c->db, "UPDATE recommendation SET title = ? WHERE id = ?", "ti", v, r->id) !=
	    DB_OK)
		return cmd_db_err(c);
	c->before = xstrdup(r->title);
	return 0;
}

/* The fields rec= changes, each with the function that checks and
 * stores the typed value (0, or -1 with the reason). */
static const struct rec_field {
	struct edit_field f;
	int (*set)(struct cmd_ctx *c, const struct rec *r, const char *v);
} rec_fields[] = {
	{ { "theme", N_("theme") }, rec_set_theme },
	{ { "item", N_("agenda item") }, rec_set_item },
	{ { "title", N_("title") }, rec_set_title },
	{ { NULL, NULL }, NULL },
};
const struct edit_fields recs_set_fields = { rec_fields, sizeof rec_fields[0] };

int cmd_rec_set(struct cmd_ctx *c)
{
	struct rec r;
	const char *field = c->argv[2], *v = c->argv[3];
	const struct rec_field *f;
	int rc = -1;

	if (rec_find(c, 1, &r) != 0)
		goto out;
	f = (const struct rec_field *)edit_field_find(recs_set_fields, field);
	if (f)
		rc = f->set(c, &r, v);
	else
		rc = cmd_err(c, _("unknown field %s (theme, item or title)"), field);
	if (rc != 0)
		goto out;
	c->after = xstrdup(v);
	cmd_event(c, "rec.set", "iss", r.num, field, v);
	rc = cmd_ok(c, ANS_REC_SET, r.num, field, v);
out:
	free(r.title);
	return rc;
}
