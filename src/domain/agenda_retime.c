/*
 * agenda_retime.c — the command retime [N] (agenda.h): after a move or an
 * overrun, the planned starts of the pending items after item N follow
 * from the end of the item before each of them and their planned minutes.
 *
 * The chain starts at the end of item N: its actual end when done; when
 * it runs, its planned end from its actual start, or now if that is
 * past; when pending, its planned end. Without N: the item in progress,
 * else the item ended last, else the first pending item with a planned
 * start (which keeps it). Along the agenda, a done item sets the chain to
 * its actual end, a running one as above, a skipped one takes no time.
 * Days stay whole: the chain stops at the first pending item planned on a
 * later day than it has reached — that item and the ones after it keep
 * their times (09:00 the next morning; `retime M` from that day's first
 * item M re-times that day) — unless the item stands alone there, followed
 * by items of an earlier day (a move up from the next day), in which case
 * it joins the chain. Breaks that are not items of their own are not kept.
 *
 * One command, one transaction, one journal row (before and after: the
 * planned starts changed); undo reverts it like any other command.
 */
#include "agenda.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "i18n.h"
#include "util.h"

struct chain {
	struct agenda_row *rows;
	size_t n;
	time_t now;
};

/* The local calendar day of t (year * 1000 + day of the year). */
static long day_of(time_t t)
{
	struct tm tm;

	return localtime_r(&t, &tm) ? (long)(tm.tm_year + 1900) * 1000 + tm.tm_yday : 0;
}

/* When item r ends for the chain (0: it gives no time). */
static time_t end_of(const struct chain *ch, const struct agenda_row *r)
{
	time_t planned;

	switch (r->status) {
	case IS_DONE:
		return r->actual_end;
	case IS_IN_PROGRESS:
		planned = r->actual_start + 60 * (time_t)r->planned_minutes;
		return planned > ch->now ? planned : ch->now;
	case IS_PENDING:
		return r->planned_start ? r->planned_start + 60 * (time_t)r->planned_minutes : 0;
	default:
		return 0;
	}
}

/* Read the whole agenda in order (a session's agenda is tens of items). */
static int chain_load(struct cmd_ctx *c, struct chain *ch)
{
	struct agenda_counts k;
	size_t cap;

	memset(ch, 0, sizeof *ch);
	ch->now = clock_now();
	if (agenda_counts(c->db, c->session, &k) != 0)
		return cmd_db_err(c);
	cap = k.total > 0 ? (size_t)k.total : 1;
	ch->rows = xcalloc(cap, sizeof *ch->rows);
	if (agenda_list(c->db, c->session, 0, ch->rows, cap, &ch->n) != 0)
		return cmd_db_err(c);
	return 0;
}

/* Index of the item to start from: item num, else the one running, else
 * the one ended last; -1 when none (start at the first pending item). */
static long anchor_of(const struct chain *ch, long long num)
{
	long best = -1;

	for (size_t i = 0; i < ch->n; i++) {
		const struct agenda_row *r = &ch->rows[i];

		if (num ? r->num == num : r->status == IS_IN_PROGRESS)
			return (long)i;
		if (!num && r->status == IS_DONE &&
		    (best < 0 || r->actual_end >= ch->rows[best].actual_end))
			best = (long)i;
	}
	return num ? -2 : best;
}

/* Item i is planned on a later day than the chain (at t) and opens it:
 * the next pending item with a planned start is not on an earlier day. */
static bool opens_day(const struct chain *ch, size_t i, time_t t)
{
	long day = day_of(ch->rows[i].planned_start);

	if (!ch->rows[i].planned_start || day <= day_of(t))
		return false;
	for (size_t k = i + 1; k < ch->n; k++)
		if (ch->rows[k].status == IS_PENDING && ch->rows[k].planned_start)
			return day_of(ch->rows[k].planned_start) >= day;
	return true;
}

/* Append "item N TIME" to *s (a journal before/after list). */
static void note_time(char **s, int num, time_t t)
{
	char iso[40], *old = *s;

	*s = xasprintf("%s%sitem %d %s", old ? old : "", old ? "; " : "", num,
		       t ? time_iso(t, iso, sizeof iso) : "-");
	free(old);
}

/* Give item r the planned start t (ISO in the venue's zone). */
static int set_start(struct cmd_ctx *c, const struct agenda_row *r, time_t t)
{
	char *tz = db_text(c->db, "SELECT tz FROM session WHERE id = ?", "i", c->session);
	char iso[40];
	int rc;

	time_iso_in(t, tz, iso, sizeof iso);
	free(tz);
	rc = db_run(c->db, "UPDATE agenda_item SET planned_start = ? WHERE id = ?", "ti", iso, r->id);
	return rc == DB_OK ? 0 : cmd_db_err(c);
}

/* Walk the items from index `from` with the chain at t, to the end of
 * its day; rewrite the planned starts that change. Returns how many, or
 * -1. */
static int chain_walk(struct cmd_ctx *c, struct chain *ch, size_t from, time_t t)
{
	int changed = 0;

	for (size_t i = from; i < ch->n; i++) {
		const struct agenda_row *r = &ch->rows[i];
		time_t start;

		if (r->status != IS_PENDING) {
			if (end_of(ch, r))
				t = end_of(ch, r);
			continue;
		}
		if (opens_day(ch, i, t))
			break; /* the next day keeps its times */
		start = t;
		if (start != r->planned_start) {
			if (set_start(c, r, start))
				return -1;
			note_time(&c->before, r->num, r->planned_start);
			note_time(&c->after, r->num, start);
			changed++;
		}
		t = start + 60 * (time_t)r->planned_minutes;
	}
	return changed;
}

/* retime [N] */
int cmd_retime(struct cmd_ctx *c)
{
	struct chain ch;
	long long num = 0;
	long a;
	size_t from = 0;
	time_t t = 0;
	int n = -1;

	if (c->argc > 1 && cmd_arg_num(c, 1, _("item"), &num))
		return -1;
	if (chain_load(c, &ch))
		goto out;
	if ((a = anchor_of(&ch, num)) == -2) {
		cmd_err(c, _("no item %lld on the agenda"), num);
		goto out;
	}
	if (a >= 0) {
		from = (size_t)a + 1;
		t = end_of(&ch, &ch.rows[a]);
		if (!t) {
			cmd_err(c, _("item %d has no time to follow from (no planned or actual "
				     "start)"), ch.rows[a].num);
			goto out;
		}
		c->item = ch.rows[a].num;
	} else {
		while (from < ch.n && !(ch.rows[from].status == IS_PENDING &&
					ch.rows[from].planned_start))
			from++;
		if (from < ch.n)
			t = ch.rows[from].planned_start;
	}
	if ((n = chain_walk(c, &ch, from, t)) < 0)
		goto out;
	if (n == 0) {
		c->unchanged = true; /* nothing written: no journal row */
		cmd_ok(c, ANS_RETIME_NONE);
		goto out;
	}
	cmd_event(c, "item.retimed", "ii", (long long)n, (long long)c->item);
	if (c->item)
		cmd_okn(c, ANS_RETIMED_AFTER, n, n, c->item);
	else
		cmd_okn(c, ANS_RETIMED, n, n);
out:
	free(ch.rows);
	return n < 0 ? -1 : 0;
}
