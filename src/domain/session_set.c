/*
 * session_set.c — `set KEY VALUE`: a session's settings (title, level,
 * dates, venue, host, chair, minimum level of R4, decision rule, places,
 * time zone, whether R4 applies). Each setting has a parser that checks
 * the typed value and turns it into what is stored; the answer of the
 * settings that change R4 ends with the check's count. One command, one
 * journal row with the value before and after.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "attendance.h"
#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

#define TITLE_MAX 300   /* bytes of a session title */
#define TEXT_MAX 200    /* bytes of a venue or a chair's name */

/* ---- set KEY VALUE ---- */

/* A setting's parser turns the typed value into what is stored: returns
 * 0 with out filled, 1 for NULL (cleared), or -1 with ctx->msg set. */
typedef int (*set_parse_fn)(struct cmd_ctx *c, const struct session_info *s, const char *v,
			    char *out, size_t size);

static int parse_title(struct cmd_ctx *c, const struct session_info *s, const char *v,
		       char *out, size_t size)
{
	(void)s;
	if (session_check_text(c, "title", v, TITLE_MAX, true) != 0)
		return -1;
	str_copy(out, v, size);
	return 0;
}

static int parse_level(struct cmd_ctx *c, const struct session_info *s, const char *v,
		       char *out, size_t size)
{
	(void)s;
	if (!str_in(session_levels, v))
		return cmd_err(c, _("level: expected expert, senior or ministerial, not %s"), v);
	str_copy(out, v, size);
	return 0;
}

static int parse_start(struct cmd_ctx *c, const struct session_info *s, const char *v,
		       char *out, size_t size)
{
	if (!session_date_valid(v))
		return cmd_err(c, _("start_date: expected a date YYYY-MM-DD, not %s"), v);
	if (s->end_date[0] && strcmp(v, s->end_date) > 0)
		return cmd_err(c, _("start_date: %s is after the end date %s"), v, s->end_date);
	str_copy(out, v, size);
	return 0;
}

static int parse_end(struct cmd_ctx *c, const struct session_info *s, const char *v,
		     char *out, size_t size)
{
	if (!*v)
		return 1;
	if (!session_date_valid(v))
		return cmd_err(c, _("end_date: expected a date YYYY-MM-DD, not %s"), v);
	if (strcmp(v, s->start_date) < 0)
		return cmd_err(c, _("end_date: %s is before the start date %s"), v, s->start_date);
	str_copy(out, v, size);
	return 0;
}

static int parse_venue(struct cmd_ctx *c, const struct session_info *s, const char *v,
		       char *out, size_t size)
{
	(void)s;
	if (strspn(v, " ") == strlen(v))
		return 1;
	if (session_check_text(c, "venue", v, TEXT_MAX, true) != 0)
		return -1;
	str_copy(out, v, size);
	return 0;
}

static int parse_host(struct cmd_ctx *c, const struct session_info *s, const char *v,
		      char *out, size_t size)
{
	(void)s;
	if (!*v)
		return 1;
	if (!cmd_delegation(c, v, NULL, 0))
		return -1;
	str_copy(out, c->delegation, size);
	return 0;
}

/* The chair is a delegation code when it names one, else a free text. */
static int parse_chair(struct cmd_ctx *c, const struct session_info *s, const char *v,
		       char *out, size_t size)
{
	char code[32], type[32];

	(void)s;
	if (strspn(v, " ") == strlen(v))
		return 1;
	str_copy(code, c->delegation, sizeof code);
	if (strlen(v) < 16 && cmd_delegation(c, v, type, sizeof type)) {
		/* R1: the process is chaired by a member state. */
		if (strcmp(type, "member") != 0) {
			cmd_err(c, _("%s is an observer: the chair is a member state (R1)"),
				c->delegation);
			return -1;
		}
		str_copy(out, c->delegation, size);
		return 0;
	}
	str_copy(c->delegation, code, sizeof c->delegation);
	c->msg[0] = '\0';
	if (session_check_text(c, "chair", v, TEXT_MAX, true) != 0)
		return -1;
	str_copy(out, v, size);
	return 0;
}

static int parse_min_level(struct cmd_ctx *c, const struct session_info *s, const char *v,
			   char *out, size_t size)
{
	char *code = attendance_level_code(c->db, v);

	(void)s;
	if (!code)
		return cmd_err(c, _("min_level: unknown level %s"), v);
	str_copy(out, code, size);
	free(code);
	return 0;
}

/* The venue's zone: planned times typed afterwards are its wall-clock
 * times (those already planned keep their instant). */
static int parse_tz(struct cmd_ctx *c, const struct session_info *s, const char *v, char *out,
		    size_t size)
{
	(void)s;
	if (!*v || str_eq(v, "-"))
		return 1;
	if (!tz_valid(v))
		return cmd_err(c, _("tz: expected a time zone such as Indian/Mauritius, +04:00 or "
				    "UTC, not %s"), v);
	str_copy(out, v, size);
	return 0;
}

static int parse_rule(struct cmd_ctx *c, const struct session_info *s, const char *v,
		      char *out, size_t size)
{
	(void)s;
	if (!str_in(session_rules, v))
		return cmd_err(c, _("rule: expected consensus or majority, not %s"), v);
	str_copy(out, v, size);
	return 0;
}

static int parse_places(struct cmd_ctx *c, const struct session_info *s, const char *v,
			char *out, size_t size)
{
	char *end;
	long n = strtol(v, &end, 10);

	(void)s;
	if (!*v || *end || n < 1 || n > 10)
		return cmd_err(c, _("places: expected a number from 1 to 10, not %s"), v);
	str_printf(out, size, "%ld", n);
	return 0;
}

/* R4 is DiMOI's rule (seeds/000), not IDM's: a session says whether it
 * applies; its level stays min_level. */
static int parse_r4(struct cmd_ctx *c, const struct session_info *s, const char *v,
		    char *out, size_t size)
{
	(void)s;
	if (!str_eq(v, "on") && !str_eq(v, "off"))
		return cmd_err(c, _("r4: expected on or off, not %s"), v);
	str_copy(out, v, size);
	return 0;
}

/* The settings, each with its parser. The column is chosen inside the
 * SQL by the key, bound as a parameter: no SQL is built from data. */
static const struct setting {
	struct edit_field f;
	set_parse_fn parse;
} settings[] = {
	{ { "title", N_("title") }, parse_title },
	{ { "level", N_("level") }, parse_level },
	{ { "start_date", N_("start date") }, parse_start },
	{ { "end_date", N_("end date") }, parse_end },
	{ { "venue", N_("venue") }, parse_venue },
	{ { "host", N_("host") }, parse_host },
	{ { "chair", N_("chair") }, parse_chair },
	{ { "min_level", N_("minimum level") }, parse_min_level },
	{ { "rule", N_("decision rule") }, parse_rule },
	{ { "workshop_places", N_("workshop themes") }, parse_places },
	{ { "next_places", N_("next meeting's themes") }, parse_places },
	{ { "tz", N_("time zone") }, parse_tz },
	{ { "r4", N_("delegation-level check (R4)") }, parse_r4 },
	{ { NULL, NULL }, NULL },
};
const struct edit_fields session_settings = { settings, sizeof settings[0] };

static char *setting_read(struct db *db, long long session, const char *key)
{
	return db_text(db, "SELECT CASE ?1 WHEN 'title' THEN title WHEN 'level' THEN level"
			   " WHEN 'start_date' THEN start_date WHEN 'end_date' THEN end_date"
			   " WHEN 'venue' THEN venue WHEN 'host' THEN host WHEN 'chair' THEN chair"
			   " WHEN 'min_level' THEN min_level WHEN 'rule' THEN decision_rule"
			   " WHEN 'workshop_places' THEN workshop_places"
			   " WHEN 'next_places' THEN next_places WHEN 'tz' THEN tz"
			   " WHEN 'r4' THEN CASE r4 WHEN 1 THEN 'on' ELSE 'off' END"
			   " END FROM session WHERE id = ?2",
		       "ti", key, session);
}

/* Store value (NULL clears) in the column of key. */
static int setting_write(struct db *db, long long session, const char *key, const char *value)
{
	return db_run(db, "UPDATE session SET"
			  " title = CASE ?1 WHEN 'title' THEN ?2 ELSE title END,"
			  " level = CASE ?1 WHEN 'level' THEN ?2 ELSE level END,"
			  " start_date = CASE ?1 WHEN 'start_date' THEN ?2 ELSE start_date END,"
			  " end_date = CASE ?1 WHEN 'end_date' THEN ?2 ELSE end_date END,"
			  " venue = CASE ?1 WHEN 'venue' THEN ?2 ELSE venue END,"
			  " host = CASE ?1 WHEN 'host' THEN ?2 ELSE host END,"
			  " chair = CASE ?1 WHEN 'chair' THEN ?2 ELSE chair END,"
			  " min_level = CASE ?1 WHEN 'min_level' THEN ?2 ELSE min_level END,"
			  " decision_rule = CASE ?1 WHEN 'rule' THEN ?2 ELSE decision_rule END,"
			  " workshop_places = CASE ?1 WHEN 'workshop_places' THEN ?2"
			  "   ELSE workshop_places END,"
			  " next_places = CASE ?1 WHEN 'next_places' THEN ?2 ELSE next_places END,"
			  " tz = CASE ?1 WHEN 'tz' THEN ?2 ELSE tz END,"
			  " r4 = CASE ?1 WHEN 'r4' THEN ?2 = 'on' ELSE r4 END"
			  " WHERE id = ?3", "tti", key, value, session);
}

int cmd_session_set(struct cmd_ctx *c)
{
	const struct setting *k;
	struct session_info s;
	char value[TITLE_MAX + 8];
	char *old;
	int null, rc;

	if (!(k = (const struct setting *)edit_field_find(session_settings, c->argv[1])))
		return cmd_err(c, _("unknown setting %s (title, level, start_date, end_date, venue, "
				    "host, chair, min_level, rule, workshop_places, next_places, tz, r4)"),
			       c->argv[1]);
	rc = session_get(c->db, c->session, &s);
	if (rc != 0)
		return rc == 1 ? cmd_err(c, _("no session %lld"), c->session) : cmd_db_err(c);
	value[0] = '\0';
	null = k->parse(c, &s, c->argv[2], value, sizeof value);
	if (null < 0)
		return -1;
	old = setting_read(c->db, c->session, k->f.code);
	if (setting_write(c->db, c->session, k->f.code, null ? NULL : value) != DB_OK) {
		free(old);
		return cmd_db_err(c);
	}
	c->before = xasprintf("%s=%s", k->f.code, old ? old : "");
	c->after = xasprintf("%s=%s", k->f.code, null ? "" : value);
	cmd_event(c, "session.set", "sss", k->f.code, old, null ? "" : value);
	free(old);
	if (null)
		return cmd_ok(c, ANS_SET_CLEARED, k->f.code);
	if (str_eq(k->f.code, "min_level") || str_eq(k->f.code, "r4"))
		return cmd_ok(c, ANS_SET, k->f.code, value), session_check_answer(c);
	if (str_eq(k->f.code, "level") && str_eq(value, "ministerial") &&
	    s.min_rank < db_int(c->db, 0, "SELECT rank FROM level WHERE code = 'deputy_minister'", ""))
		return cmd_ok(c, ANS_SET_MINISTERIAL,
			      s.min_level);
	return cmd_ok(c, ANS_SET, k->f.code, value);
}
