/*
 * attendance_tree.c — the list model of the Attendance screen: the tree
 * of delegations (grouped by type) and the delegates of the expanded ones,
 * and the visible page read by keyset.
 *
 * The list index of every row comes from the counts of the delegations
 * (tens of rows, read whole with their counts), so no delegate is read to
 * know how long the list is. The delegates of an expanded delegation are
 * read a page at a time from the names of the rows last shown (struct
 * att_exp), forwards or backwards (attendance_delegates_seek), so that
 * scrolling a delegation of hundreds reads only the rows painted; a jump
 * the names do not reach (End, a search) reads from the nearer end, or
 * from the name found.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "util.h"

#include "attendance_screen.h"

static struct att_exp *exp_find(struct att *a, long long id)
{
	for (size_t i = 0; i < a->n_exp; i++)
		if (a->exp[i].id == id)
			return &a->exp[i];
	return NULL;
}

struct att_exp *att_exp_add(struct att *a, long long id)
{
	struct att_exp *e = exp_find(a, id);

	if (e)
		return e;
	if (a->n_exp == a->cap_exp) {
		a->cap_exp = a->cap_exp ? 2 * a->cap_exp : 8;
		a->exp = xrealloc(a->exp, a->cap_exp * sizeof *a->exp);
	}
	e = &a->exp[a->n_exp++];
	memset(e, 0, sizeof *e);
	e->id = id;
	return e;
}

void att_exp_remove(struct att *a, long long id)
{
	struct att_exp *e = exp_find(a, id);

	if (!e)
		return;
	free(e->names);
	*e = a->exp[--a->n_exp];
}

/* Remember the names of rows [base, base + n) as the keys of e. */
static void exp_keep(struct att_exp *e, int base, const struct att_delegate *rows, size_t n)
{
	if ((int)n > e->cap) {
		e->cap = (int)n;
		e->names = xrealloc(e->names, (size_t)e->cap * sizeof *e->names);
	}
	for (size_t i = 0; i < n; i++)
		str_copy(e->names[i], rows[i].name, ATT_NAME);
	e->base = base;
	e->len = (int)n;
}

/* List indices of every row from the counts: no delegate is read. */
void att_tree_index(struct att *a)
{
	int idx = 0;
	size_t i = 0;

	free(a->start);
	free(a->exp_of);
	a->start = xcalloc(a->n_delegs + 1, sizeof *a->start);
	a->exp_of = xcalloc(a->n_delegs + 1, sizeof *a->exp_of);
	for (int t = 0; t < DT_INVALID; t++) {
		a->group_row[t] = -1;
		if (i >= a->n_delegs || (int)a->delegs[i].type != t)
			continue;
		a->group_row[t] = idx++;
		for (; i < a->n_delegs && (int)a->delegs[i].type == t; i++) {
			struct att_exp *e = exp_find(a, a->delegs[i].id);

			a->start[i] = idx++;
			a->exp_of[i] = e ? (int)(e - a->exp) : -1;
			if (e)
				idx += a->delegs[i].n_delegates;
		}
	}
	list_set_count(&a->list, idx);
	a->page_valid = false;
}

/* What list index idx shows (without its delegate). */
static void tree_locate(const struct att *a, int idx, struct att_row *r)
{
	memset(r, 0, sizeof *r);
	r->kind = AK_GROUP;
	r->d = -1;
	for (int t = 0; t < DT_INVALID; t++)
		if (a->group_row[t] == idx) {
			r->d = t;
			return;
		}
	for (size_t i = 0; i < a->n_delegs; i++) {
		int s = a->start[i];

		if (s == idx) {
			r->kind = AK_DELEG;
			r->d = (int)i;
			return;
		}
		if (a->exp_of[i] >= 0 && idx > s && idx <= s + a->delegs[i].n_delegates) {
			r->kind = AK_PERSON;
			r->d = (int)i;
			r->off = idx - s - 1;
			return;
		}
	}
}

/* ---- reading the delegates of a page (keyset) ---- */

/* Read rows [k0, k1) of delegation d into out (k1 - k0 entries), from the
 * keys kept in its att_exp: the page reads only what it shows, except
 * after a jump that the keys do not reach (then from the nearer end). */
static void read_segment(struct att *a, int d, int k0, int k1, struct att_row *out)
{
	struct att_exp *e = &a->exp[a->exp_of[d]];
	long long id = a->delegs[d].id;
	int n = a->delegs[d].n_delegates, want = k1 - k0, skip = 0, got0 = k0;
	struct att_delegate *v = NULL, *w = NULL;
	size_t nv = 0, nw = 0;
	struct db *db = a->app->db;
	long long s = a->app->session;

	if (e->len > 0 && k0 >= e->base && k0 < e->base + e->len) {
		attendance_delegates_seek(db, s, id, e->names[k0 - e->base], ATT_SEEK_FROM,
					  (size_t)want, &v, &nv);
	} else if (e->len > 0 && k0 == e->base + e->len) {
		attendance_delegates_seek(db, s, id, e->names[e->len - 1], ATT_SEEK_AFTER,
					  (size_t)want, &v, &nv);
	} else if (e->len > 0 && k0 < e->base && k1 >= e->base) {
		/* Scrolling up: before the first key, then from it. */
		attendance_delegates_seek(db, s, id, e->names[0], ATT_SEEK_BEFORE,
					  (size_t)(e->base - k0), &v, &nv);
		got0 = e->base - (int)nv;
		if (k1 > e->base)
			attendance_delegates_seek(db, s, id, e->names[0], ATT_SEEK_FROM,
						  (size_t)(k1 - e->base), &w, &nw);
	} else {
		/* A jump: the cheapest of from the start, from the end, or from
		 * the keys (when they lie before or after). */
		int c_start = k1, c_end = n - k0;
		int c_after = e->len > 0 && k0 > e->base + e->len ? k1 - (e->base + e->len) : n + 1;
		int c_before = e->len > 0 && k1 < e->base ? e->base - k0 : n + 1;

		if (c_after <= c_start && c_after <= c_end && c_after <= c_before) {
			attendance_delegates_seek(db, s, id, e->names[e->len - 1], ATT_SEEK_AFTER,
						  (size_t)c_after, &v, &nv);
			skip = k0 - (e->base + e->len);
		} else if (c_before <= c_start && c_before <= c_end) {
			attendance_delegates_seek(db, s, id, e->names[0], ATT_SEEK_BEFORE,
						  (size_t)c_before, &v, &nv);
			got0 = e->base - (int)nv;
			skip = k0 - got0;
			got0 = k0;
		} else if (c_start <= c_end) {
			attendance_delegates_seek(db, s, id, NULL, ATT_SEEK_FROM, (size_t)c_start, &v, &nv);
			skip = k0;
		} else {
			attendance_delegates_seek(db, s, id, NULL, ATT_SEEK_BEFORE, (size_t)c_end, &v, &nv);
			got0 = n - (int)nv;
			skip = k0 - got0;
			got0 = k0;
		}
		if (skip < 0) { /* fewer rows than counted: they start later */
			got0 = k0 - skip;
			skip = 0;
		}
	}
	/* Join v[skip..] and w into out, from offset got0; the names shown
	 * become the keys of the next page. */
	{
		struct att_delegate *shown = xcalloc((size_t)want, sizeof *shown);
		int k = got0, kf = -1, kept = 0;

		for (size_t i = (size_t)skip; i < nv + nw && k < k1; i++, k++) {
			const struct att_delegate *p = i < nv ? &v[i] : &w[i - nv];

			if (k < k0)
				continue;
			*out[k - k0].p = *p;
			out[k - k0].loaded = true;
			if (kf < 0)
				kf = k;
			shown[kept++] = *p;
		}
		if (kept > 0)
			exp_keep(e, kf, shown, (size_t)kept);
		free(shown);
	}
	free(v);
	free(w);
}

void att_load_page(struct att *a)
{
	int h = a->list.height > 0 ? a->list.height : 1, top = a->list.top, np = 0;

	if (h > a->page_cap) {
		a->page = xrealloc(a->page, (size_t)h * sizeof *a->page);
		a->page_cap = h;
	}
	a->page_top = top;
	a->page_n = a->list.count - top < h ? a->list.count - top : h;
	if (a->page_n < 0)
		a->page_n = 0;
	for (int r = 0; r < a->page_n; r++) {
		tree_locate(a, top + r, &a->page[r]);
		np += a->page[r].kind == AK_PERSON;
	}
	if (np > a->people_cap) {
		a->people = xrealloc(a->people, (size_t)np * sizeof *a->people);
		a->people_cap = np;
	}
	for (int r = 0, k = 0; r < a->page_n; r++)
		if (a->page[r].kind == AK_PERSON)
			a->page[r].p = &a->people[k++];
	for (int r = 0; r < a->page_n;) {
		int d = a->page[r].d, e = r;

		if (a->page[r].kind != AK_PERSON) {
			r++;
			continue;
		}
		while (e < a->page_n && a->page[e].kind == AK_PERSON && a->page[e].d == d)
			e++;
		read_segment(a, d, a->page[r].off, a->page[r].off + (e - r), &a->page[r]);
		r = e;
	}
	a->page_valid = true;
}

const struct att_row *att_row_at(struct att *a, int index)
{
	static struct att_row one;
	static struct att_delegate one_p;

	if (index < 0 || index >= a->list.count)
		return NULL;
	if (!a->page_valid || a->page_top != a->list.top)
		att_load_page(a);
	if (index >= a->page_top && index < a->page_top + a->page_n)
		return &a->page[index - a->page_top];
	/* Outside the page (rare): this row alone. */
	tree_locate(a, index, &one);
	if (one.kind == AK_PERSON) {
		struct att_delegate *v = NULL;
		size_t n = 0;
		int pos = one.off;
		struct att_exp *e = &a->exp[a->exp_of[one.d]];

		if (e->len > 0 && pos >= e->base && pos < e->base + e->len) {
			attendance_delegates_seek(a->app->db, a->app->session, a->delegs[one.d].id,
						  e->names[pos - e->base], ATT_SEEK_FROM, 1, &v, &n);
			if (n == 1) {
				one_p = v[0];
				one.p = &one_p;
				one.loaded = true;
			}
			free(v);
		}
	}
	return &one;
}

const struct check_row *att_check_of(const struct att *a, long long delegation_id)
{
	for (size_t i = 0; i < a->n_checks; i++)
		if (a->checks[i].delegation_id == delegation_id)
			return &a->checks[i];
	return NULL;
}

/* ---- selection ---- */

static bool is_group(const struct att *a, int idx)
{
	for (int t = 0; t < DT_INVALID; t++)
		if (a->group_row[t] == idx)
			return true;
	return false;
}

/* Group headings are not selectable: step over them in direction dir. */
void att_skip_group(struct att *a, int dir)
{
	int i = a->list.sel;

	if (i < 0 || !is_group(a, i))
		return;
	if (dir >= 0 && i + 1 < a->list.count) {
		list_select(&a->list, i + 1);
		if (a->list.top == i + 1)
			a->list.top = i; /* the heading stays above its first row */
	}
	else if (dir < 0 && i > 0)
		list_select(&a->list, i - 1);
	else if (i + 1 < a->list.count)
		list_select(&a->list, i + 1);
}

void att_select(struct att *a, long long delegation_id, const char *name)
{
	struct att_exp *e;
	struct att_delegate one;
	int d = -1, pos = 0;

	for (size_t i = 0; i < a->n_delegs; i++)
		if (a->delegs[i].id == delegation_id)
			d = (int)i;
	if (d < 0)
		return;
	if (name && *name && a->delegs[d].n_delegates > 0) {
		e = att_exp_add(a, delegation_id);
		if (attendance_delegate_pos(a->app->db, a->app->session, delegation_id, name, &pos) != 0)
			pos = 0;
		if (pos >= a->delegs[d].n_delegates)
			pos = a->delegs[d].n_delegates - 1;
		/* The name found is the key of the page that shows it. */
		memset(&one, 0, sizeof one);
		str_copy(one.name, name, sizeof one.name);
		exp_keep(e, pos, &one, 1);
		att_tree_index(a);
		list_select(&a->list, a->start[d] + 1 + pos);
	} else {
		list_select(&a->list, a->start[d]);
	}
	a->page_valid = false;
	list_invalidate(&a->list);
}

/* After a change this screen did not make, a name kept as a key may have
 * moved: keep only the first, at its position now. */
void att_exp_recheck(struct att *a)
{
	for (size_t i = 0; i < a->n_exp;) {
		struct att_exp *e = &a->exp[i];
		bool found = false;
		int pos = 0;

		for (size_t d = 0; d < a->n_delegs && !found; d++)
			found = a->delegs[d].id == e->id;
		if (!found) {
			att_exp_remove(a, e->id);
			continue;
		}
		if (!a->keep_names && e->len > 0) {
			if (attendance_delegate_pos(a->app->db, a->app->session, e->id, e->names[0], &pos) == 0) {
				e->base = pos;
				e->len = 1;
			} else {
				e->len = 0;
			}
		}
		i++;
	}
	a->keep_names = false;
}

