/*
 * report_followup.c — the meeting report's part on the process across
 * meetings (issue 14): the implementation reported at this session for
 * recommendations of this and earlier sessions (S1/R3), the CTP's reviews,
 * and the actions as they stood at this session. Only what this session
 * recorded, so that a later session's reports never change this report
 * (an approved version renders the same bytes). Left out when empty.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "followup.h"
#include "i18n.h"
#include "report_parts.h"
#include "util.h"

#define PAGE 64

static void reports(struct rp *r)
{
	const char *head[4] = { _("Recommendation"), _("Member state"), _("Status"), _("Note") };
	struct fu_report *rows = NULL;
	long long off = 0;
	size_t n;

	r->o->ops->section(r->o->w, 2, "followup-reports", _("Implementation reported"));
	r->o->ops->table(r->o->w, RT_PLAIN, 4, head);
	do {
		if (followup_reports_at(r->db, r->session, off, PAGE, &rows, &n) != 0) {
			rp_fail(r, DB_ERROR);
			break;
		}
		for (size_t i = 0; i < n; i++) {
			const char *cells[4] = { rows[i].ref, rows[i].code,
						 followup_status_label(rows[i].status), rows[i].note };

			r->o->ops->row(r->o->w, cells);
			for (int k = 0; k < 4; k++)
				rp_hash(r, k == 2 ? rows[i].status : cells[k]);
			rp_row_done(r, "followup");
		}
		off += (long long)n;
		followup_reports_free(&rows, n);
	} while (n == PAGE);
	r->o->ops->table_end(r->o->w);
	r->o->ops->section_end(r->o->w);
}

static void actions(struct rp *r)
{
	const char *head[5] = { _("Action"), _("Owner"), _("Due"), _("State"), _("Text") };
	struct action_row *rows = NULL;
	long long off = 0;
	size_t n;

	r->o->ops->section(r->o->w, 2, "actions", _("Actions"));
	r->o->ops->table(r->o->w, RT_PLAIN, 5, head);
	do {
		if (followup_actions_at(r->db, r->session, off, PAGE, &rows, &n) != 0) {
			rp_fail(r, DB_ERROR);
			break;
		}
		for (size_t i = 0; i < n; i++) {
			char num[24], due[24], text[2200];
			const char *cells[5] = { num, rows[i].owner, due,
						 action_state_label(rows[i].state), text };

			str_printf(num, sizeof num, "A%lld", rows[i].num);
			str_printf(due, sizeof due, "%s%s", rows[i].due, rows[i].overdue ? " !" : "");
			str_printf(text, sizeof text, "%s%s%s", rows[i].text, *rows[i].note ? " — " : "",
				   rows[i].note);
			r->o->ops->row(r->o->w, cells);
			rp_hash(r, num);
			rp_hash(r, rows[i].owner);
			rp_hash(r, rows[i].due);
			rp_hash(r, rows[i].state);
			rp_hash(r, text);
			rp_row_done(r, "actions");
		}
		off += (long long)n;
		followup_actions_free(&rows, n);
	} while (n == PAGE);
	r->o->ops->table_end(r->o->w);
	r->o->ops->section_end(r->o->w);
}

void rp_followup(struct rp *r)
{
	bool any_report = followup_reported_at(r->db, r->session);
	bool any_action = followup_actions_during(r->db, r->session);

	if (!any_report && !any_action)
		return;
	r->o->ops->section(r->o->w, 1, "followup", _("Follow-up across meetings"));
	if (any_report)
		reports(r);
	if (any_action)
		actions(r);
	r->o->ops->section_end(r->o->w);
}
