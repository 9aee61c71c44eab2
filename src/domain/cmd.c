/*
 * cmd.c — the helpers every command handler shares: the answer (ok/err),
 * the translation of database errors, argument parsing, the delegation
 * lookup and the clock. The bottom of the command layer (cmd.h).
 */
#include "cmd.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "minutes_render.h"
#include "util.h"

static int vformat(char *out, size_t size, const char *fmt, va_list ap)
{
	char buf[sizeof ((struct cmd_ctx *)0)->msg + 8];

	/* Through str_copy, so a long answer is cut between characters. */
	vsnprintf(buf, sizeof buf, fmt, ap);
	str_copy(out, buf, size);
	return 0;
}

/* msg from fmt as it is, said from its translation, the same arguments. */
static int answer(struct cmd_ctx *c, size_t at, const char *fmt, const char *tr, va_list ap)
{
	size_t said_at = strlen(c->said);
	va_list again;

	assert(at <= strlen(c->msg));
	va_copy(again, ap);
	vformat(c->msg + at, sizeof c->msg - at, fmt, ap);
	vformat(c->said + said_at, sizeof c->said - said_at, tr, again);
	va_end(again);
	return 0;
}

int cmd_ok(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	c->said[0] = '\0';
	answer(c, 0, fmt, _(fmt), ap);
	va_end(ap);
	return 0;
}

int cmd_ok_plural(struct cmd_ctx *c, bool add, const char *one, const char *many,
		  unsigned long n, ...)
{
	va_list ap;

	va_start(ap, n);
	if (!add)
		c->said[0] = '\0';
	answer(c, add ? strlen(c->msg) : 0, n == 1 ? one : many, ngettext(one, many, n), ap);
	va_end(ap);
	return 0;
}

int cmd_ok_add(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	answer(c, strlen(c->msg), fmt, _(fmt), ap);
	va_end(ap);
	return 0;
}

int cmd_said(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(c->said, sizeof c->said, _(fmt), ap);
	va_end(ap);
	return 0;
}

int cmd_err(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	c->said[0] = '\0';
	vformat(c->msg, sizeof c->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int cmd_db_err(struct cmd_ctx *c)
{
	const char *m = db_errmsg(c->db);

	switch (db_error_code(c->db)) {
	case DBE_R5_OBSERVER:
		return cmd_err(c, "%s", _("refused: drafting is the exclusive competence of member "
					  "states (observers may not author, co-sponsor, amend, "
					  "reserve or take positions)"));
	case DBE_JOURNAL_APPEND_ONLY:
		return cmd_err(c, "%s", _("refused: the journal is append-only"));
	case DBE_DELEGATION_IN_USE:
		return cmd_err(c, "%s", _("refused: the record refers to this delegation; it is "
					  "never removed or renumbered"));
	case DBE_DELEGATION_REPLACE:
		return cmd_err(c, "%s", _("refused: this delegation exists already; it is never "
					  "replaced"));
	case DBE_VERSION_KEPT:
		return cmd_err(c, "%s", _("refused: a version of a recommendation's text is kept "
					  "as it was"));
	case DBE_FOLLOWUP_NOT_ADOPTED:
		return cmd_err(c, "%s", _("refused: only an adopted or submitted recommendation "
					  "is followed up"));
	case DBE_BUSY:
		c->unstored = true;
		return cmd_err(c, "%s", _("the database is busy (another writer); nothing was "
					  "changed, try again"));
	case DBE_FULL:
		c->unstored = true;
		return cmd_err(c, "%s", _("disk full: nothing was changed"));
	case DBE_READONLY:
		return cmd_err(c, "%s", _("the database is read-only: nothing was changed"));
	case DBE_CORRUPT:
		return cmd_err(c, "%s", _("the database file is damaged"));
	case DBE_UNIQUE:
		return cmd_err(c, "%s", _("already exists"));
	case DBE_CONSTRAINT:
		return cmd_err(c, _("refused by the database: %s"), m);
	default:
		return cmd_err(c, _("database error: %s"), m);
	}
}

int cmd_arg_num(struct cmd_ctx *c, int i, const char *what, long long *out)
{
	const char *s = i < c->argc ? c->argv[i] : NULL;
	char *end;
	long long v;

	if (s && (*s == 'R' || *s == 'P' || *s == 'r' || *s == 'p'))
		s++; /* R2, P3 as shown on screen */
	if (!s || !*s)
		return cmd_err(c, _("%s: a number is required"), what);
	v = strtoll(s, &end, 10);
	if (*end || v <= 0 || v > 1000000000)
		return cmd_err(c, _("%s: not a number: %s"), what, c->argv[i]);
	*out = v;
	return 0;
}

long long cmd_delegation(struct cmd_ctx *c, const char *code, char *type_out, size_t typesize)
{
	struct dbq *q = db_query(c->db,
				 "SELECT d.id, d.type, d.code FROM delegation d JOIN session s"
				 " ON s.process_id = d.process_id WHERE s.id = ? AND d.code = ?"
				 " COLLATE NOCASE",
				 "it", c->session, code);
	long long id = 0;

	if (q && dbq_step(q) == DB_ROW) {
		id = dbq_int(q, 0);
		if (type_out)
			str_copy(type_out, dbq_text(q, 1), typesize);
		str_copy(c->delegation, dbq_text(q, 2), sizeof c->delegation);
	}
	if (q)
		dbq_reset(q);
	if (!id)
		cmd_err(c, _("unknown delegation %s"), code);
	return id;
}

long long cmd_delegation_may(struct cmd_ctx *c, const char *code, enum draft_role role,
			     const char *refusal_fmt)
{
	char type[32];
	long long id = cmd_delegation(c, code, type, sizeof type);

	if (id && !rules_may(rules_deleg_type(type), role)) {
		cmd_err(c, refusal_fmt, c->delegation);
		return 0;
	}
	return id;
}

void cmd_event(struct cmd_ctx *c, const char *code, const char *types, ...)
{
	struct event e = { .code = code };
	char nums[EVENT_ARGS_MAX][24];
	unsigned numbers = 0;
	va_list ap;

	va_start(ap, types);
	for (; types[e.n] && e.n < EVENT_ARGS_MAX; e.n++) {
		if (types[e.n] == 'i') {
			str_printf(nums[e.n], sizeof nums[e.n], "%lld", va_arg(ap, long long));
			e.arg[e.n] = nums[e.n];
			numbers |= 1u << e.n;
		} else {
			const char *s = va_arg(ap, const char *);
			e.arg[e.n] = s ? s : "";
		}
	}
	va_end(ap);
	assert(types[e.n] == '\0');
	free(c->args);
	c->args = event_json(&e, numbers);
	if (!minutes_render(c->db, &e, c->detail, sizeof c->detail))
		c->detail[0] = '\0';
}

char *cmd_now(char *buf, size_t size)
{
	return time_iso(clock_now(), buf, size);
}

int cmd_clock(struct cmd_ctx *c)
{
	char buf[32];
	time_t t;

	if (strcmp(c->argv[1], "now") == 0) {
		clock_set(0);
		return cmd_ok(c, ANS_CLOCK, time_iso(clock_now(), buf, sizeof buf));
	}
	t = time_parse(c->argv[1]);
	if (t < 0)
		return cmd_err(c, _("clock: not a time: %s"), c->argv[1]);
	clock_set(t);
	return cmd_ok(c, ANS_CLOCK, time_iso(t, buf, sizeof buf));
}
