/*
 * attendance_search.c — finding a participant at check-in (issue 11): `/`
 * and a few letters of a name, case and accents ignored (fold.h), the
 * names where they start a word first ("ra": Fanja Razafindrakoto before
 * Ibrahim); then n and N go to the next and previous match, the hint bar
 * says so, until another key is pressed (n is then the note again). The
 * matching is attendance_search() (attendance_read.c); the delegation of a
 * delegate found is expanded and the delegate selected.
 */
#include <string.h>

#include "app.h"
#include "fold.h"
#include "i18n.h"
#include "util.h"

#include "attendance_screen.h"

/* The selected row as the place a search goes from (rank: how it
 * matched, 0 when it is no match), or NULL on a group heading. */
static const struct att_hit *from_selection(struct att *a, int rank, struct att_hit *from)
{
	const struct att_row *r = att_row_at(a, a->list.sel);

	if (!r || r->kind == AK_GROUP || r->d < 0 || (size_t)r->d >= a->n_delegs)
		return NULL;
	memset(from, 0, sizeof *from);
	from->type = a->delegs[r->d].type;
	from->delegation_id = a->delegs[r->d].id;
	str_copy(from->code, a->delegs[r->d].code, sizeof from->code);
	from->delegate = r->kind == AK_PERSON && r->loaded;
	if (from->delegate)
		str_copy(from->name, r->p->name, sizeof from->name);
	from->rank = rank;
	return from;
}

static bool find(struct att *a, int rank, bool back)
{
	struct att_hit from, hit;

	if (attendance_search(a->app->db, a->app->session, a->needle,
			      from_selection(a, rank, &from), back, &hit) != 0)
		return false;
	att_select(a, hit.delegation_id, hit.delegate ? hit.name : NULL);
	a->hit_rank = hit.rank;
	return true;
}

static void search_on(struct att *a, bool on)
{
	a->searching = on;
	ui_hint_override(on ? _("n next match  N previous match  (any other key: the usual keys)")
			    : NULL);
}

/* / — a delegation by its code (exactly), else the first match after the
 * selection, wrapping. */
bool att_search(struct screen *s, const char *needle, bool next)
{
	struct att *a = s->data;
	bool found = false;

	(void)next;
	if (!a || a->mode != AM_LIST || !a->app->session || !needle || !*needle)
		return false;
	str_copy(a->needle, needle, sizeof a->needle);
	for (size_t i = 0; i < a->n_delegs && !found; i++)
		if (str_ieq(a->delegs[i].code, needle) && a->list.sel != a->start[i]) {
			att_select(a, a->delegs[i].id, NULL);
			a->hit_rank = FOLD_WORD;
			found = true;
		}
	if (!found)
		found = find(a, 0, false);
	search_on(a, found);
	return found;
}

unsigned att_search_key(struct att *a, int key)
{
	if (key != 'n' && key != 'N') {
		search_on(a, false);
		return H_IGNORED;
	}
	if (!find(a, a->hit_rank, key == 'N'))
		ui_error(_("not found: %s"), a->needle);
	return H_DONE | H_REDRAW;
}
