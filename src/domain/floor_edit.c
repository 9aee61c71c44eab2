/*
 * floor_edit.c — correcting a logged intervention (DESIGN §8):
 * `intervention= ITEM SEQ FIELD VALUE`, one field at a time (summary,
 * speaker, delegation, type, start, end), each checked as the command that
 * first wrote it checks it; the journal row keeps the value before and
 * after. The open intervention (someone has the floor) gets its end and
 * summary from yield, not from here.
 */
#include "floor.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

/* One logged intervention, as stored. */
struct ivn {
	long long id, delegation_id;
	char code[16];
	char speaker[FLOOR_NAME_MAX + 1];
	char type[16];
	char start[40], end[40];     /* "" while open */
	char *summary;
};

static int ivn_load(struct cmd_ctx *c, long long item, long long seq, struct ivn *v)
{
	struct dbq *q = db_query(c->db,
				 "SELECT x.id, x.delegation_id, d.code, x.speaker, x.speech_type,"
				 " x.start, x.end, x.summary FROM agenda_item a"
				 " JOIN intervention x ON x.item_id = a.id"
				 " JOIN delegation d ON d.id = x.delegation_id"
				 " WHERE a.session_id = ? AND a.num = ? AND x.seq = ?",
				 "iii", c->session, item, seq);
	const char *s;
	int rc;

	memset(v, 0, sizeof *v);
	if (!q)
		return cmd_db_err(c);
	rc = dbq_step(q);
	if (rc == DB_ROW) {
		v->id = dbq_int(q, 0);
		v->delegation_id = dbq_int(q, 1);
		str_copy(v->code, dbq_text(q, 2), sizeof v->code);
		str_copy(v->speaker, (s = dbq_text(q, 3)) ? s : "", sizeof v->speaker);
		str_copy(v->type, dbq_text(q, 4), sizeof v->type);
		str_copy(v->start, dbq_text(q, 5), sizeof v->start);
		str_copy(v->end, (s = dbq_text(q, 6)) ? s : "", sizeof v->end);
		v->summary = xstrdup((s = dbq_text(q, 7)) ? s : "");
	}
	dbq_reset(q);
	if (rc < 0)
		return cmd_db_err(c);
	if (rc != DB_ROW)
		return cmd_err(c, _("no intervention %lld on item %lld"), seq, item);
	return 0;
}

/* The value of field f of v, as text for the journal. Malloc'd. */
static char *ivn_field(const struct ivn *v, const char *f)
{
	if (strcmp(f, "summary") == 0)
		return xstrdup(v->summary);
	if (strcmp(f, "speaker") == 0)
		return xstrdup(v->speaker);
	if (strcmp(f, "delegation") == 0)
		return xstrdup(v->code);
	if (strcmp(f, "type") == 0)
		return xstrdup(v->type);
	return xstrdup(strcmp(f, "start") == 0 ? v->start : v->end);
}

/* A time typed as HH:MM or HH:MM:SS (on the intervention's day) or in
 * full (YYYY-MM-DDTHH:MM…). -1 with the reason when unreadable. */
static time_t ivn_time(struct cmd_ctx *c, const struct ivn *v, const char *s)
{
	char buf[64];
	time_t t = -1;
	size_t n = strlen(s);

	if ((n == 5 || n == 8) && s[2] == ':') {
		str_printf(buf, sizeof buf, "%.10sT%s", v->start, s);
		t = time_parse(buf);
	} else if (n >= 16 && s[4] == '-' && s[10] == 'T') {
		t = time_parse(s);
	}
	if (t < 0)
		cmd_err(c, _("not a time: %s (HH:MM, HH:MM:SS or YYYY-MM-DDTHH:MM)"), s);
	return t;
}

/* start or end: the interval stays in order, the start not in the
 * future, and the end of an open intervention is yield's. */
static int ivn_set_time(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s)
{
	bool is_end = strcmp(f, "end") == 0;
	time_t t = ivn_time(c, v, s), start = time_parse(v->start);
	time_t end = v->end[0] ? time_parse(v->end) : clock_now();
	char iso[40];

	if (t < 0)
		return -1;
	if (is_end && !v->end[0])
		return cmd_err(c, _("%s has the floor: yield ends the intervention"), v->code);
	if (!is_end && !v->end[0] && t > end)
		return cmd_err(c, "%s", _("the start of an intervention cannot be in the future"));
	if (is_end ? t < start : t > end)
		return cmd_err(c, "%s", _("the end of an intervention cannot come before its start"));
	time_iso(t, iso, sizeof iso);
	if (db_run(c->db, is_end ? "UPDATE intervention SET end = ? WHERE id = ?"
				 : "UPDATE intervention SET start = ? WHERE id = ?", "ti", iso,
		   v->id) != DB_OK)
		return cmd_db_err(c);
	return 0;
}

/* speaker: a delegate registered in the delegation ("-" or "" names
 * nobody), stored with the registered spelling. */
static int ivn_set_speaker(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s)
{
	char *name = NULL;
	int rc;

	(void)f;
	if (!str_empty(s) && strcmp(s, "-") != 0) {
		name = db_text(c->db, "SELECT name FROM delegate WHERE session_id = ? AND"
			       " delegation_id = ? AND name = ? COLLATE NOCASE", "iit", c->session,
			       v->delegation_id, s);
		if (!name)
			return cmd_err(c, _("no delegate \"%s\" in %s (register with delegate+)"), s,
				       v->code);
	}
	rc = db_run(c->db, "UPDATE intervention SET speaker = ? WHERE id = ?", "ti",
		    name ? name : "", v->id);
	free(name);
	return rc == DB_OK ? 0 : cmd_db_err(c);
}

static int ivn_stored(struct cmd_ctx *c, int dbrc)
{
	return dbrc == DB_OK ? 0 : cmd_db_err(c);
}

static int ivn_set_summary(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s)
{
	(void)f;
	if (!v->end[0])
		return cmd_err(c, _("%s has the floor: yield gives the summary"), v->code);
	if (strlen(s) > FLOOR_SUMMARY_MAX)
		return cmd_err(c, _("the summary is too long (%d bytes at most)"), FLOOR_SUMMARY_MAX);
	return ivn_stored(c, db_run(c->db, "UPDATE intervention SET summary = ? WHERE id = ?", "ti",
				    s, v->id));
}

static int ivn_set_type(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s)
{
	(void)f;
	if (!floor_speech_type_valid(s))
		return cmd_err(c, _("unknown type of speech %s (statement, reply, "
				    "point_of_order, question)"), s);
	return ivn_stored(c, db_run(c->db, "UPDATE intervention SET speech_type = ? WHERE id = ?",
				    "ti", s, v->id));
}

/* delegation: another delegation spoke; its speaker is not known. */
static int ivn_set_delegation(struct cmd_ctx *c, const struct ivn *v, const char *f,
			      const char *s)
{
	long long did;

	(void)f;
	if (!(did = cmd_delegation(c, s, NULL, 0)))
		return -1;
	return ivn_stored(c, db_run(c->db, "UPDATE intervention SET delegation_id = ?, speaker = ''"
				    " WHERE id = ?", "ii", did, v->id));
}

/* The fields intervention= changes, each with the function that checks
 * and stores the typed value (0, or -1 with the reason). */
static const struct ivn_field {
	struct edit_field f;
	int (*set)(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s);
} ivn_fields[] = {
	{ { "summary", N_("summary") }, ivn_set_summary },
	{ { "speaker", N_("speaker") }, ivn_set_speaker },
	{ { "delegation", N_("delegation") }, ivn_set_delegation },
	{ { "type", N_("speech type") }, ivn_set_type },
	{ { "start", N_("start") }, ivn_set_time },
	{ { "end", N_("end") }, ivn_set_time },
	{ { NULL, NULL }, NULL },
};
const struct edit_fields floor_intervention_fields = { ivn_fields, sizeof ivn_fields[0] };

static int ivn_set(struct cmd_ctx *c, const struct ivn *v, const char *f, const char *s)
{
	const struct ivn_field *row =
		(const struct ivn_field *)edit_field_find(floor_intervention_fields, f);

	if (!row)
		return cmd_err(c, _("unknown field %s (summary, speaker, delegation, type, start, "
				    "end)"), f);
	return row->set(c, v, f, s);
}

/* intervention= ITEM SEQ FIELD VALUE */
int cmd_intervention_edit(struct cmd_ctx *c)
{
	const char *f = c->argv[3], *s = c->argv[4];
	struct ivn v;
	long long item, seq;
	int rc;

	if (cmd_arg_num(c, 1, _("item"), &item) || cmd_arg_num(c, 2, _("intervention"), &seq) ||
	    ivn_load(c, item, seq, &v))
		return -1;
	str_copy(c->delegation, v.code, sizeof c->delegation);
	rc = ivn_set(c, &v, f, s);
	if (rc == 0) {
		c->before = ivn_field(&v, f);
		free(v.summary);
		rc = ivn_load(c, item, seq, &v);
	}
	if (rc == 0) {
		c->item = item;
		c->after = ivn_field(&v, f);
		str_copy(c->delegation, v.code, sizeof c->delegation);
		cmd_event(c, "intervention.changed", "iisss", item, seq, v.code, f, c->after);
		rc = cmd_ok(c, ANS_INTERVENTION_CHANGED, item, seq, f);
	}
	free(v.summary);
	return rc;
}
