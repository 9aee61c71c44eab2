/*
 * recs_base.c — the base of the Recommendations screen: what its
 * sub-views (detail and actions, editor, history) share, so that none of
 * them calls back into the dispatcher (recs.c): the status words, a text
 * quoted for a command line, the member-state pick list (R5), and
 * reading the recommendation shown.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attendance.h"
#include "i18n.h"
#include "recs_screen.h"
#include "rules.h"
#include "util.h"

const char *const recs_status_codes[] = { "draft",     "discussion", "adopted",
					    "withdrawn", "deferred",   "submitted" };

const char *recs_status_label(const char *code)
{
	switch (rules_rec_status(code)) {
	case RS_DRAFT:
		return _("draft");
	case RS_DISCUSSION:
		return _("discussion");
	case RS_ADOPTED:
		return _("adopted");
	case RS_WITHDRAWN:
		return _("withdrawn");
	case RS_DEFERRED:
		return _("deferred");
	case RS_SUBMITTED:
		return _("submitted");
	default:
		return code;
	}
}

enum ui_role recs_status_role(const char *code)
{
	switch (rules_rec_status(code)) {
	case RS_ADOPTED:
	case RS_SUBMITTED:
		return ROLE_GOOD;
	case RS_DISCUSSION:
		return ROLE_RUNNING;
	case RS_WITHDRAWN:
	case RS_DEFERRED:
		return ROLE_SKIPPED;
	default:
		return ROLE_NORMAL;
	}
}

char *recs_quote(const char *s)
{
	size_t n = s ? strlen(s) : 0, k = 0;
	char *out = xmalloc(2 * n + 3);

	out[k++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			out[k++] = '\\';
			out[k++] = s[i];
		} else if (s[i] == '\n') {
			out[k++] = '\\';
			out[k++] = 'n';
		} else if (s[i] != '\r') {
			out[k++] = s[i];
		}
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

/* ---- member states (R5 pick lists) ---- */

char **recs_member_codes(struct recs *r, size_t *n)
{
	struct att_delegation *rows = NULL;
	size_t got = 0, cap = 16;
	char **codes = xcalloc(cap + 1, sizeof *codes);

	*n = 0;
	/* Members come first (the list is grouped by type): one page. */
	if (r->app->session &&
	    attendance_delegations(r->app->db, r->app->session, NULL, 200, &rows, &got) == 0) {
		for (size_t i = 0; i < got && rows[i].type == DT_MEMBER; i++) {
			if (*n == cap) {
				cap *= 2;
				codes = xrealloc(codes, (cap + 1) * sizeof *codes);
			}
			codes[(*n)++] = xstrdup(rows[i].code);
			codes[*n] = NULL;
		}
	}
	free(rows);
	return codes;
}

/* Whether code is one of the "; "-joined codes of list. */
static bool in_list(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; p && *p;) {
		const char *end = strstr(p, "; ");
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len == n && strncmp(p, code, n) == 0)
			return true;
		p = end ? end + 2 : NULL;
	}
	return false;
}

static char *pick_member(struct recs *r, const char *label, const char *dflt,
			 const char *except)
{
	size_t n, k = 0;
	char **codes = recs_member_codes(r, &n), *out = NULL;
	int d = -1;

	for (size_t i = 0; i < n; i++) {
		if (except && in_list(except, codes[i]))
			free(codes[i]);
		else
			codes[k++] = codes[i];
	}
	if (k == 0 && n > 0) {
		recs_codes_free(&codes, k);
		ui_error("%s", _("no other member state to add"));
		return NULL;
	}
	n = k;

	if (n == 0) {
		ui_error("%s", _("no member state in this process"));
	} else if (n <= 9) {
		for (size_t i = 0; i < n; i++)
			if (dflt && !strcmp(codes[i], dflt))
				d = (int)i;
		d = ui_choose(label, (const char *const *)codes, (int)n, d);
		if (d >= 0)
			out = xstrdup(codes[d]);
	} else {
		struct ui_prompt_opts o = { .initial = dflt, .complete = COMPLETE_LIST,
					    .choices = (const char *const *)codes };

		out = ui_prompt(label, &o);
		if (out && !*out)
			xfree(&out);
	}
	recs_codes_free(&codes, n);
	return out;
}

char *recs_pick_member(struct recs *r, const char *label, const char *dflt)
{
	return pick_member(r, label, dflt, NULL);
}

char *recs_pick_member_except(struct recs *r, const char *label, const char *except)
{
	return pick_member(r, label, NULL, except);
}

/* ---- the recommendation shown ---- */

void recs_load_detail(struct recs *r)
{
	if (r->det_valid)
		recs_detail_clear(&r->det);
	r->det_valid = r->num > 0 && r->app->session &&
		       recs_get(r->app->db, r->app->session, r->num, &r->det) == 0;
	if (!r->det_valid)
		memset(&r->det, 0, sizeof r->det);
	r->detail_stale = true;
}
