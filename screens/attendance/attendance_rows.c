/*
 * attendance_rows.c — how the Attendance screen draws its list: group
 * headings, delegation rows (code, name, present/registered, R4 result
 * with "!" when no head is designated), delegate rows (presence box,
 * head mark, name, level, category, arrival and departure; entity and
 * function too on a wide terminal), the column headings, and the detail
 * line under the list (why a member state passes or fails R4, or the
 * function, entity and e-mail of the selected delegate).
 */
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

#include "attendance_rows.h"

static const char *group_label(int t)
{
	switch (t) {
	case DT_MEMBER:
		return _("Member states");
	case DT_OBSERVER_STATE:
		return _("Observer states");
	default:
		return _("Observer organisations");
	}
}

/* ---- drawing ---- */

/* Columns of a delegate row in width w (after the list's marker cell). */
struct cols {
	int name_x, name_w, level_x, level_w, cat_x, cat_w, ent_x, ent_w, fn_x, fn_w, times_x;
};
enum { TIMES_W = 11, STATE_W = 8, COUNT_W = 5 };

static struct cols columns(int w)
{
	struct cols c;
	int extra = w - 79, rest;

	memset(&c, 0, sizeof c);
	c.level_w = 16;
	c.cat_w = 16;
	c.name_x = 9;
	c.name_w = w - 9 - 1 - c.level_w - 1 - c.cat_w - 1 - TIMES_W;
	if (extra >= 24) {
		/* Wide: level and category widen a little, the entity and the
		 * function get columns of their own. */
		c.level_w += extra / 12 < 4 ? extra / 12 : 4;
		c.cat_w += extra / 5 < 12 ? extra / 5 : 12;
		rest = extra - (c.level_w - 16) - (c.cat_w - 16);
		c.ent_w = rest / 2 - 1;
		c.fn_w = rest - c.ent_w - 2;
		c.name_w = 24;
	}
	if (c.name_w < 10)
		c.name_w = 10;
	c.level_x = c.name_x + c.name_w + 1;
	c.cat_x = c.level_x + c.level_w + 1;
	c.ent_x = c.cat_x + c.cat_w + 1;
	c.fn_x = c.ent_x + c.ent_w + 1;
	c.times_x = w - TIMES_W;
	return c;
}

/* "09:00-" present since, "09:00-10:15" left, "" never came. */
static void times_text(const struct att_delegate *p, char *buf, size_t size)
{
	char t1[8] = "", t2[8] = "";
	time_t in = p->arrived[0] ? time_parse(p->arrived) : -1;
	time_t out = p->left_at[0] ? time_parse(p->left_at) : -1;

	buf[0] = '\0';
	if (in < 0)
		return;
	time_hm(in, t1, sizeof t1);
	if (!p->present && out >= 0)
		time_hm(out, t2, sizeof t2);
	str_printf(buf, size, "%s-%s", t1, t2);
}

static void draw_person(struct att *a, WINDOW *w, int y, int x, int width, const struct att_row *r)
{
	const struct att_delegate *p = r->p;
	struct cols c = columns(width);
	attr_t n = ui_attr(ROLE_NORMAL);
	char buf[32];

	(void)a;
	if (!r->loaded)
		return;
	widget_text(w, y, x + 3, 3, p->present ? "[x]" : "[ ]", n, false);
	if (p->head)
		widget_text(w, y, x + 7, 1, _("H"), ui_attr(ROLE_MARK), false);
	widget_text_fit(w, y, x + c.name_x, c.name_w, p->name, p->present ? ui_attr(ROLE_RUNNING) : n);
	widget_text_fit(w, y, x + c.level_x, c.level_w, p->level_label, n);
	widget_text_fit(w, y, x + c.cat_x, c.cat_w, p->category_label, n);
	if (c.ent_w > 0) {
		widget_text_fit(w, y, x + c.ent_x, c.ent_w, p->entity, ui_attr(ROLE_DIM));
		widget_text_fit(w, y, x + c.fn_x, c.fn_w, p->function, ui_attr(ROLE_DIM));
	}
	times_text(p, buf, sizeof buf);
	widget_text(w, y, x + c.times_x, TIMES_W, buf, n, false);
}

static void draw_deleg(struct att *a, WINDOW *w, int y, int x, int width, int d)
{
	const struct att_delegation *g = &a->delegs[d];
	const struct check_row *c = g->type == DT_MEMBER ? att_check_of(a, g->id) : NULL;
	attr_t n = ui_attr(ROLE_NORMAL);
	char buf[32];
	int right = width - STATE_W - 1 - COUNT_W - 1;

	widget_text(w, y, x, 1, g->n_delegates == 0 ? " " : a->exp_of[d] >= 0 ? "-" : "+", n, false);
	widget_text(w, y, x + 2, 6, g->code, ui_attr(ROLE_HEADER), false);
	widget_text_fit(w, y, x + 9, right - 10, g->name, n);
	str_printf(buf, sizeof buf, "%d/%d", g->n_present, g->n_delegates);
	widget_text_right(w, y, x + right, COUNT_W, buf, n);
	if (c) {
		int used = widget_text(w, y, x + width - STATE_W, STATE_W - 1, att_r4_word(c),
				       ui_attr(att_r4_role(c)), false);

		if (c->r4.no_head)
			widget_text(w, y, x + width - STATE_W + used, 1, "!", ui_attr(ROLE_WARN), false);
	}
}

void att_draw_row(void *ud, WINDOW *w, int y, int x, int width, int index)
{
	struct att *a = ud;
	const struct att_row *r = att_row_at(a, index);
	char buf[160];
	int members = 0;

	if (!r)
		return;
	switch (r->kind) {
	case AK_GROUP:
		for (size_t i = 0; i < a->n_delegs; i++)
			members += (int)a->delegs[i].type == r->d;
		str_printf(buf, sizeof buf, "%s (%d)", group_label(r->d), members);
		widget_text(w, y, x, width, buf, ui_attr(ROLE_HEADER), false);
		break;
	case AK_DELEG:
		draw_deleg(a, w, y, x, width, r->d);
		break;
	case AK_PERSON:
		draw_person(a, w, y, x, width, r);
		break;
	}
}

void att_draw_heading(struct att *a, WINDOW *w)
{
	struct cols c = columns(a->cols - 1);
	attr_t h = ui_attr(ROLE_HEADER);
	int y = a->head_y;

	widget_blank(w, y, 0, a->cols, ui_attr(ROLE_NORMAL));
	widget_text(w, y, 1, c.level_x - 1, _("Delegation, delegate"), h, false);
	widget_text(w, y, 1 + c.level_x, c.level_w, _("Level"), h, false);
	widget_text(w, y, 1 + c.cat_x, c.cat_w, _("Category"), h, false);
	if (c.ent_w > 0) {
		widget_text(w, y, 1 + c.ent_x, c.ent_w, _("Entity"), h, false);
		widget_text(w, y, 1 + c.fn_x, c.fn_w, _("Function"), h, false);
	}
	widget_text(w, y, 1 + c.times_x, TIMES_W, _("Present"), h, false);
}

/* The detail line: why a member state passes or fails R4, or the function
 * and entity of a delegate (cut from the row at 80 columns). */
void att_draw_detail(struct att *a, WINDOW *w)
{
	const struct att_row *r;
	const struct check_row *c = NULL;
	const char *text = "";
	enum ui_role role = ROLE_NORMAL;

	if (a->grid_focus) {
		if (a->grid_sel < (int)a->n_checks)
			c = &a->checks[a->grid_sel];
	} else if ((r = att_row_at(a, a->list.sel)) != NULL) {
		if (r->kind == AK_DELEG && a->delegs[r->d].type == DT_MEMBER) {
			c = att_check_of(a, a->delegs[r->d].id);
		} else if (r->kind == AK_DELEG) {
			const struct att_delegation *g = &a->delegs[r->d];

			str_printf(a->text, sizeof a->text, _("%s: %s, %d of %d delegates present"),
				   g->name, g->type == DT_OBSERVER_STATE ? _("observer state")
									 : _("observer organisation"),
				   g->n_present, g->n_delegates);
			text = a->text;
		} else if (r->kind == AK_PERSON && r->loaded) {
			const struct att_delegate *p = r->p;

			str_printf(a->text, sizeof a->text, "%s%s%s%s%s", p->function,
				   p->function[0] && p->entity[0] ? " · " : "", p->entity,
				   p->email[0] ? " · " : "", p->email);
			text = a->text;
			role = ROLE_DIM;
		}
	}
	if (c) {
		text = c->detail;
		role = c->r4.result == R4_OK ? ROLE_NORMAL : ROLE_BAD;
	}
	widget_blank(w, a->detail_y, 0, a->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, a->detail_y, 1, a->cols - 2, text, ui_attr(role));
}

