/*
 * undo.c — undo and redo of this instance's changes (undo.h): the change
 * set kept with each journal row, this instance's two stacks of journal
 * rows, and the undo and redo commands that apply an inverse.
 */
#include "undo.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

struct undo_stack {
	long long back[UNDO_DEPTH];    /* journal rows undo reverts, newest last */
	long long fwd[UNDO_DEPTH];     /* undo rows redo reverts, newest last */
	int nback, nfwd;
};

static void push(long long *v, int *n, long long seq)
{
	if (*n == UNDO_DEPTH) {
		memmove(v, v + 1, (UNDO_DEPTH - 1) * sizeof *v);
		(*n)--;
	}
	v[(*n)++] = seq;
}

int undo_depth(const struct undo_stack *u, bool redo)
{
	return u ? (redo ? u->nfwd : u->nback) : 0;
}

void undo_free(struct undo_stack **u)
{
	if (u) {
		free(*u);
		*u = NULL;
	}
}

/* ---- capture, around command_exec's transaction ---- */

int undo_capture_begin(struct cmd_ctx *c)
{
	return db_capture_begin(c->db) == DB_OK ? 0 : cmd_db_err(c);
}

void undo_capture_cancel(struct cmd_ctx *c)
{
	db_capture_cancel(c->db);
}

int undo_capture_save(struct cmd_ctx *c)
{
	void *p;
	int n, rc;
	struct dbq *q;

	if (db_capture_end(c->db, &p, &n) != DB_OK)
		return cmd_db_err(c);
	c->changed = n > 0;
	if (n == 0 && !c->reverts)
		return 0;
	q = db_prepare(c->db, "INSERT INTO journal_change (seq, changes, reverts) VALUES (?, ?, ?)");
	if (!q) {
		free(p);
		return cmd_db_err(c);
	}
	dbq_bind_int(q, 1, c->journal_seq);
	dbq_bind_blob(q, 2, p ? p : "", n);
	if (c->reverts)
		dbq_bind_int(q, 3, c->reverts);
	rc = dbq_step(q);
	dbq_reset(q);
	free(p);
	return rc == DB_DONE ? 0 : cmd_db_err(c);
}

void undo_committed(struct cmd_ctx *c, const struct command_def *def)
{
	struct undo_stack *u;

	if (def->id == CMD_SESSION_NEW || def->id == CMD_SESSION_OPEN ||
	    def->id == CMD_SESSION_CLOSE || def->id == CMD_SESSION_REOPEN) {
		/* Another session, or a closed one: the history ends here. */
		undo_free(&c->app->undo);
		return;
	}
	if (!c->changed && c->undo_step == UNDO_NONE)
		return;
	if (!c->app->undo)
		c->app->undo = xcalloc(1, sizeof *c->app->undo);
	u = c->app->undo;
	if (c->undo_step == UNDO_BACK) {
		u->nback--;
		push(u->fwd, &u->nfwd, c->journal_seq);
	} else if (c->undo_step == UNDO_FORWARD) {
		u->nfwd--;
		push(u->back, &u->nback, c->journal_seq);
	} else {
		push(u->back, &u->nback, c->journal_seq);
		u->nfwd = 0;
	}
}

/* ---- the commands ---- */

/* The command a journal row stands for: an undo or redo names the
 * change it finally reverts, through the chain of reverts. Malloc'd. */
static char *original_command(struct db *db, long long seq)
{
	for (int i = 0; i < 2 * UNDO_DEPTH; i++) {
		long long up = db_int(db, 0, "SELECT reverts FROM journal_change WHERE seq = ?", "i",
				      seq);
		if (!up)
			break;
		seq = up;
	}
	return db_text(db, "SELECT command FROM journal WHERE seq = ?", "i", seq);
}

/* The thing a table holds, for the refusal. */
static const char *table_label(const char *table)
{
	static const struct {
		const char *prefix, *label;
	} map[] = {
		{ "agenda_item", N_("agenda item") },     { "delegate", N_("delegate") },
		{ "delegation", N_("delegation") },       { "intervention", N_("intervention") },
		{ "speaker_request", N_("list of speakers") }, { "rec", N_("recommendation") },
		{ "proposal", N_("theme proposal") },     { "position", N_("theme proposal") },
		{ "next_theme", N_("theme proposal") },   { "session", N_("session") },
	};

	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (strncmp(table, map[i].prefix, strlen(map[i].prefix)) == 0)
			return _(map[i].label);
	return _("linked records");
}

struct target {
	long long session, item;
	char delegation[32];
	char *before, *after, *command;
	void *changes;
	int nchanges;
};

static void target_free(struct target *t)
{
	free(t->before);
	free(t->after);
	free(t->command);
	free(t->changes);
}

static int target_load(struct cmd_ctx *c, long long seq, struct target *t)
{
	struct dbq *q = db_query(c->db,
				 "SELECT j.session_id, j.item, j.delegation, j.before, j.after,"
				 " ch.changes FROM journal j JOIN journal_change ch ON ch.seq = j.seq"
				 " WHERE j.seq = ?", "i", seq);
	const void *p;
	const char *s;
	int rc;

	memset(t, 0, sizeof *t);
	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		t->session = dbq_int(q, 0);
		t->item = dbq_int(q, 1);
		str_copy(t->delegation, (s = dbq_text(q, 2)) ? s : "", sizeof t->delegation);
		t->before = (s = dbq_text(q, 3)) ? xstrdup(s) : NULL;
		t->after = (s = dbq_text(q, 4)) ? xstrdup(s) : NULL;
		p = dbq_blob(q, 5, &t->nchanges);
		if (t->nchanges > 0) {
			t->changes = xmalloc((size_t)t->nchanges);
			memcpy(t->changes, p, (size_t)t->nchanges);
		}
	}
	dbq_reset(q);
	if (rc != DB_ROW)
		return rc < 0 ? cmd_db_err(c) : cmd_err(c, "%s", _("the change to revert is not in the journal"));
	t->command = original_command(c->db, seq);
	if (!t->command)
		t->command = xstrdup("?");
	return 0;
}

/* Why the revert just applied would orphan records added since by another
 * terminal (0 when it would not): an item back to pending or skipped with
 * interventions, requests to speak or notes filed under it; a
 * recommendation no longer adopted with a follow-up report or a review. */
static int orphans(struct cmd_ctx *c, const struct target *t, bool redo)
{
	long long n = 0, rec;

	if (t->item > 0)
		n = db_int(c->db, 0,
			   "SELECT (SELECT count(*) FROM intervention WHERE item_id = a.id)"
			   " + (SELECT count(*) FROM speaker_request WHERE item_id = a.id)"
			   " + (SELECT count(*) FROM journal WHERE session_id = a.session_id"
			   " AND item = a.num AND event IN ('note', 'key', 'lesson', 'practice'))"
			   " FROM agenda_item a WHERE a.session_id = ? AND a.num = ?"
			   " AND a.status IN ('pending', 'skipped')", "ii", c->session, t->item);
	if (n > 0)
		return cmd_err(c, redo ? _("cannot redo \"%s\": %lld interventions, requests to speak "
					   "or notes are recorded on item %lld since") :
				       _("cannot undo \"%s\": %lld interventions, requests to speak "
					 "or notes are recorded on item %lld since"), t->command, n, t->item);
	rec = db_int(c->db, 0, "SELECT r.num FROM recommendation r WHERE r.session_id = ?"
		     " AND r.status NOT IN ('adopted', 'submitted')"
		     " AND EXISTS (SELECT 1 FROM followup f WHERE f.rec_id = r.id) LIMIT 1", "i",
		     c->session);
	if (rec > 0)
		return cmd_err(c, redo ? _("cannot redo \"%s\": a follow-up report (follow) on R%lld "
					   "depends on its adoption") :
				       _("cannot undo \"%s\": a follow-up report (follow) on R%lld "
					 "depends on its adoption"), t->command, rec);
	rec = db_int(c->db, 0, "SELECT r.num FROM recommendation r WHERE r.session_id = ?"
		     " AND r.status NOT IN ('adopted', 'submitted')"
		     " AND EXISTS (SELECT 1 FROM rec_review v WHERE v.rec_id = r.id) LIMIT 1", "i",
		     c->session);
	if (rec > 0)
		return cmd_err(c, redo ? _("cannot redo \"%s\": the CTP's review of R%lld depends on "
					   "its adoption") :
				       _("cannot undo \"%s\": the CTP's review of R%lld depends on "
					 "its adoption"), t->command, rec);
	return 0;
}

/* A revert refused by a conflict: say what holds the place now when it
 * would make a second item run or give a second speaker the floor;
 * otherwise the row changed since. */
static int refused(struct cmd_ctx *c, const struct target *t, const char *table, bool redo)
{
	long long running = db_int(c->db, 0, "SELECT num FROM agenda_item WHERE session_id = ?"
				   " AND status = 'in_progress'", "i", c->session);
	char *speaker = db_text(c->db, "SELECT d.code FROM intervention i JOIN delegation d"
				" ON d.id = i.delegation_id WHERE i.session_id = ? AND i.end IS NULL",
				"i", c->session);
	int rc;

	/* The state the revert restores (before) had an item running. */
	if (strcmp(table, "agenda_item") == 0 && running > 0 && running != t->item && t->before &&
	    strstr(t->before, "in_progress"))
		rc = cmd_err(c, redo ? _("cannot redo \"%s\": item %lld is in progress now") :
				       _("cannot undo \"%s\": item %lld is in progress now"),
			     t->command, running);
	else if (strcmp(table, "intervention") == 0 && speaker)
		rc = cmd_err(c, redo ? _("cannot redo \"%s\": %s has the floor now") :
				       _("cannot undo \"%s\": %s has the floor now"), t->command,
			     speaker);
	else
		rc = cmd_err(c, redo ? _("cannot redo \"%s\": changed since by another terminal "
					 "(%s)") :
				       _("cannot undo \"%s\": changed since by another terminal "
					 "(%s)"), t->command, table_label(table));
	free(speaker);
	return rc;
}

/* Apply the inverse of journal row seq; fills the journal fields of c. */
static int revert(struct cmd_ctx *c, long long seq, bool redo)
{
	struct target t;
	char table[64];
	int rc, expected;

	if (target_load(c, seq, &t))
		return -1;
	if (t.session != c->session) {
		target_free(&t);
		return cmd_err(c, "%s", _("the last change belongs to another session"));
	}
	expected = db_changeset_count(t.changes, t.nchanges);
	rc = db_changeset_revert(c->db, t.changes, t.nchanges, table, sizeof table);
	if (rc == DB_CONSTRAINT)
		rc = refused(c, &t, table, redo);
	else if (rc != DB_OK)
		rc = cmd_db_err(c);
	else if (db_capture_count(c->db) > expected)
		/* A cascade removed rows the change did not make (an
		 * amendment, a position added since): keep them. */
		rc = cmd_err(c, redo ? _("cannot redo \"%s\": other records depend on it now") :
				       _("cannot undo \"%s\": other records depend on it now"),
			     t.command);
	else
		rc = orphans(c, &t, redo);
	if (rc == 0) {
		c->reverts = seq;
		c->undo_step = redo ? UNDO_FORWARD : UNDO_BACK;
		c->item = t.item;
		str_copy(c->delegation, t.delegation, sizeof c->delegation);
		str_copy(c->event, redo ? "redo" : "undo", sizeof c->event);
		c->before = t.after;
		c->after = t.before;
		t.after = t.before = NULL;
		cmd_event(c, redo ? "redo" : "undo", "s", t.command);
		rc = cmd_ok(c, redo ? ANS_REDONE : ANS_UNDONE, t.command);
	}
	target_free(&t);
	return rc;
}

int cmd_undo(struct cmd_ctx *c)
{
	struct undo_stack *u = c->app->undo;

	if (!u || u->nback == 0)
		return cmd_err(c, "%s", _("nothing to undo from this terminal"));
	return revert(c, u->back[u->nback - 1], false);
}

int cmd_redo(struct cmd_ctx *c)
{
	struct undo_stack *u = c->app->undo;

	if (!u || u->nfwd == 0)
		return cmd_err(c, "%s", _("nothing to redo from this terminal"));
	return revert(c, u->fwd[u->nfwd - 1], true);
}
