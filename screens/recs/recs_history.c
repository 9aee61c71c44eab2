/*
 * recs_history.c — the versions of a recommendation (v) and the word diff
 * of two of them (R7: every text change is a version, with who proposed
 * it and when). In the list, Space marks a version and Enter (or d)
 * compares the marked one — or, when none is marked, the previous one —
 * with the selected one. The diff reads in monochrome: deletions are
 * written [-like this-] and underlined, insertions {+like this+} and in
 * reverse video (plus red and green when colours are on).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "recs_history.h"
#include "util.h"

static void vdraw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct recs *r = ud;
	const struct rec_version_info *v;
	char buf[256], hm[8];

	if (i < 0 || (size_t)i >= r->n_vers)
		return;
	v = &r->vers[i];
	str_printf(buf, sizeof buf, "%c v%-3d %s  %-5s %-12s %zu", v->version == r->mark ? '*' : ' ',
		   v->version, time_hm(time_parse(v->at), hm, sizeof hm), v->delegation, v->actor,
		   v->len_fr);
	widget_text(w, y, x, width, buf, v->version == r->mark ? ui_attr(ROLE_MARK)
							      : ui_attr(ROLE_NORMAL), false);
	if (v->len_en) {
		int used = widget_text_width(buf);

		str_printf(buf, sizeof buf, " + %zu (en)", v->len_en);
		widget_text(w, y, x + used, width - used, buf, ui_attr(ROLE_DIM), false);
	}
}

static const char *vrow_text(void *ud, int i)
{
	struct recs *r = ud;

	if (i < 0 || (size_t)i >= r->n_vers)
		return "";
	str_printf(r->rowbuf, sizeof r->rowbuf, "v%d %s %s", r->vers[i].version,
		   r->vers[i].delegation, r->vers[i].actor);
	return r->rowbuf;
}

void recs_history_load(struct recs *r)
{
	recs_versions_free(&r->vers, r->n_vers);
	r->n_vers = 0;
	if (r->app->session)
		recs_versions(r->app->db, r->app->session, r->num, &r->vers, &r->n_vers);
	list_set_count(&r->vlist, (int)r->n_vers);
	list_invalidate(&r->vlist);
}

void recs_history_open(struct recs *r)
{
	if (!r->vlist.draw_row)
		list_init(&r->vlist, vdraw_row, vrow_text, r);
	r->mode = RM_HISTORY;
	r->mark = 0;
	recs_history_layout(r);
	recs_history_load(r);
	list_select(&r->vlist, (int)r->n_vers - 1);
	r->full = true;
}

void recs_history_layout(struct recs *r)
{
	if (r->vlist.draw_row)
		list_place(&r->vlist, 1, 0, r->rows - 2, r->cols);
}

void recs_history_free(struct recs *r)
{
	recs_versions_free(&r->vers, r->n_vers);
	r->n_vers = 0;
	tv_clear(&r->diff);
}

/* ---- the diff ---- */

struct cps {
	wchar_t *s;
	attr_t *a;
	size_t n, cap;
};

static void cps_add(struct cps *c, const char *text, size_t len, attr_t attr)
{
	char *copy = xmalloc(len + 1);
	struct edbuf tmp;

	memcpy(copy, text, len);
	copy[len] = '\0';
	ed_init(&tmp, copy, 80);
	if (c->n + tmp.len > c->cap) {
		c->cap = 2 * (c->n + tmp.len) + 16;
		c->s = xrealloc(c->s, c->cap * sizeof *c->s);
		c->a = xrealloc(c->a, c->cap * sizeof *c->a);
	}
	for (size_t i = 0; i < tmp.len; i++) {
		c->s[c->n] = tmp.text[i];
		c->a[c->n++] = attr;
	}
	ed_free(&tmp);
	free(copy);
}

/* A stored text as the editor holds it (line ends, no control bytes). */
static char *normalise(const char *s)
{
	struct edbuf b;
	char *out;

	ed_init(&b, s, 80);
	out = ed_text(&b);
	ed_free(&b);
	return out;
}

static void diff_section(struct recs *r, const char *heading, const char *a0, const char *b0)
{
	char *a = normalise(a0), *b = normalise(b0), *text;
	struct diff_op *ops = NULL;
	size_t n = 0;
	struct cps c = { 0 };
	attr_t norm = ui_attr(ROLE_NORMAL);
	attr_t del = A_UNDERLINE | (ui_attr(ROLE_BAD) & A_COLOR);
	attr_t ins = A_REVERSE | (ui_attr(ROLE_GOOD) & A_COLOR);

	if (recs_diff_words(a, b, &ops, &n) == 1)
		r->diff_fallback = true;
	for (size_t i = 0; i < n; i++) {
		if (ops[i].kind == DIFF_EQUAL) {
			cps_add(&c, ops[i].text, ops[i].len, norm);
			continue;
		}
		cps_add(&c, ops[i].kind == DIFF_DELETE ? "[-" : "{+", 2,
			ops[i].kind == DIFF_DELETE ? del : ins);
		cps_add(&c, ops[i].text, ops[i].len, ops[i].kind == DIFF_DELETE ? del : ins);
		cps_add(&c, ops[i].kind == DIFF_DELETE ? "-]" : "+}", 2,
			ops[i].kind == DIFF_DELETE ? del : ins);
	}
	tv_line(&r->diff);
	tv_span(&r->diff, heading, ui_attr(ROLE_HEADER));
	{
		struct edbuf tmp = { .text = c.s, .len = c.n };

		text = ed_text(&tmp);
	}
	tv_wrap_attrs(&r->diff, text, c.a, r->cols, 2);
	free(text);
	free(c.s);
	free(c.a);
	free(ops);
	free(a);
	free(b);
}

static void diff_build(struct recs *r)
{
	char *afr = NULL, *aen = NULL, *bfr = NULL, *ben = NULL;

	tv_clear(&r->diff);
	r->diff.scroll = 0;
	r->diff_fallback = false;
	if (r->diff_a > 0)
		recs_version_text(r->app->db, r->app->session, r->num, r->diff_a, &afr, &aen);
	recs_version_text(r->app->db, r->app->session, r->num, r->diff_b, &bfr, &ben);
	diff_section(r, _("Text (French)"), afr ? afr : "", bfr ? bfr : "");
	if ((aen && *aen) || (ben && *ben)) {
		tv_line(&r->diff);
		diff_section(r, _("Text (English)"), aen ? aen : "", ben ? ben : "");
	}
	if (r->diff_fallback) {
		tv_line(&r->diff);
		tv_line(&r->diff);
		tv_span(&r->diff, _("(too long for a word diff: shown as one replacement)"),
			ui_attr(ROLE_DIM));
	}
	free(afr);
	free(aen);
	free(bfr);
	free(ben);
}

static void open_diff(struct recs *r)
{
	int sel;

	if (r->vlist.sel < 0 || (size_t)r->vlist.sel >= r->n_vers)
		return;
	sel = r->vers[r->vlist.sel].version;
	r->diff_b = sel;
	r->diff_a = r->mark && r->mark != sel ? r->mark : sel - 1;
	if (r->diff_a > r->diff_b) {
		int t = r->diff_a;

		r->diff_a = r->diff_b;
		r->diff_b = t;
	}
	diff_build(r);
	r->mode = RM_DIFF;
	r->full = true;
}

/* ---- drawing and keys ---- */

static void draw_keys(struct recs *r, WINDOW *w, const char *const *pairs)
{
	int x = 0;

	widget_blank(w, r->rows - 1, 0, r->cols, ui_attr(ROLE_NORMAL));
	for (int i = 0; pairs[i] && x < r->cols; i += 2) {
		x += widget_text(w, r->rows - 1, x, r->cols - x, pairs[i], ui_attr(ROLE_HINT_KEY),
				 false);
		x += widget_text(w, r->rows - 1, x, r->cols - x, " ", ui_attr(ROLE_DIM), false);
		x += widget_text(w, r->rows - 1, x, r->cols - x, pairs[i + 1], ui_attr(ROLE_DIM),
				 false);
		x += widget_text(w, r->rows - 1, x, r->cols - x, "  ", ui_attr(ROLE_DIM), false);
	}
}

void recs_history_draw(struct recs *r, WINDOW *w)
{
	attr_t h = ui_attr(ROLE_HEADER);
	char title[256];

	if (r->mode == RM_HISTORY) {
		if (r->full) {
			const char *pairs[] = { "Esc", _("back"), "Space", _("mark"), "Enter",
						_("compare with the marked or previous version"), NULL };

			str_printf(title, sizeof title, _("R%lld: versions (who proposed, when, typed by, "
							  "bytes)"), r->num);
			widget_blank(w, 0, 0, r->cols, h);
			widget_text_fit(w, 0, 0, r->cols, title, h);
			draw_keys(r, w, pairs);
			list_invalidate(&r->vlist);
		}
		list_draw(&r->vlist, w);
		return;
	}
	if (r->full) {
		const char *pairs[] = { "Esc", _("versions"), "↑↓", _("scroll"), NULL };
		attr_t del = A_UNDERLINE | (ui_attr(ROLE_BAD) & A_COLOR);
		attr_t ins = A_REVERSE | (ui_attr(ROLE_GOOD) & A_COLOR);
		int x;

		if (r->diff_a > 0)
			str_printf(title, sizeof title, _("R%lld: version %d → version %d  "), r->num,
				   r->diff_a, r->diff_b);
		else
			str_printf(title, sizeof title, _("R%lld: version %d (the first text)  "), r->num,
				   r->diff_b);
		widget_blank(w, 0, 0, r->cols, h);
		x = widget_text(w, 0, 0, r->cols, title, h, false);
		x += widget_text(w, 0, x, r->cols - x, _("[-deleted-]"), del, false);
		x += widget_text(w, 0, x, r->cols - x, " ", h, false);
		widget_text(w, 0, x, r->cols - x, _("{+inserted+}"), ins, false);
		tv_draw(&r->diff, w, 1, r->rows - 2, r->cols);
		draw_keys(r, w, pairs);
	}
}

unsigned recs_history_handle(struct recs *r, int key)
{
	unsigned res;

	if (r->mode == RM_DIFF) {
		if (key == K_ESC || key == K_BS || keys_nav(key) == NAV_LEFT) {
			r->mode = RM_HISTORY;
			r->full = true;
			return H_DONE | H_REDRAW;
		}
		res = tv_handle(&r->diff, key, r->rows - 2);
		if (res & H_REDRAW)
			r->full = true;
		return res;
	}
	if (key == K_ESC || key == K_BS || keys_nav(key) == NAV_LEFT) {
		r->mode = RM_DETAIL;
		recs_load_detail(r);
		r->full = true;
		return H_DONE | H_REDRAW;
	}
	if ((res = list_handle(&r->vlist, key)) != H_IGNORED)
		return res;
	if (key == ' ' && r->vlist.sel >= 0 && (size_t)r->vlist.sel < r->n_vers) {
		int v = r->vers[r->vlist.sel].version;

		r->mark = r->mark == v ? 0 : v;
		list_invalidate(&r->vlist);
		return H_DONE | H_REDRAW;
	}
	if (key == K_ENTER || key == 'd') {
		open_diff(r);
		return H_DONE | H_REDRAW;
	}
	return H_IGNORED;
}
