/*
 * themes_draw.c — painting the Themes screen (a sub-view: the state and
 * its loading are the base's, themes_base.c; the keys are themes_act.c's).
 *
 * The proposals view, at 80×24 (a body of 20 rows):
 *
 *   row 0        the target, its places and the rule; t and c
 *   row 1        headings: the grid's proposal columns, the list's columns
 *   rows 2…16    left, the grid: one row per member state, a code then one
 *                4-cell column per proposal (S support, O object,
 *                A abstain, · none; an absent member state in lowercase,
 *                as its position does not count); below it, when there is
 *                room, the cursor's member state and a legend. Right, the
 *                list of proposals: number, title, proposer, decision.
 *   rows 17…19   the selected proposal: full title and origins; proposer,
 *                catalogue code and the categories it brings into R4; the
 *                decision under the session's rule, with its reason.
 *
 * Every state reads without colour: letters in the cells, the cursor cell
 * in brackets ("[S]") as well as in reverse, the selected proposal's number
 * in reverse, decisions as words (SELECTED in capitals). A cursor move
 * repaints the two grid rows and the two list rows concerned; curses sends
 * only the cells that differ.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "rules.h"
#include "screen.h"
#include "themes.h"
#include "themes_draw.h"
#include "util.h"
#include "widgets.h"

enum { C_NUM = 4, C_BY = 4, C_DEC = 11, C_CODE = 23, C_SOURCE = 8 };

static const char *dot(void)
{
	return widget_utf8_locale() ? "·" : ".";
}

/* The grid's cursor and the selected proposal's number: reverse, except
 * under --low-bandwidth where the brackets and a '>' mark say it alone
 * (fewer bytes per move). */
static attr_t cursor_attr(attr_t otherwise)
{
	return ui_low_bandwidth() ? otherwise : ui_attr(ROLE_SELECTED);
}

/* ---- words ---- */

static const char *decision_word(const struct proposal_info *p, enum decision_rule rule,
				 enum ui_role *role)
{
	*role = ROLE_NORMAL;
	if (!strcmp(p->status, "selected")) {
		*role = ROLE_RUNNING;
		return _("SELECTED");
	}
	if (!strcmp(p->status, "rejected")) {
		*role = ROLE_DIM;
		return _("rejected");
	}
	if (!strcmp(p->status, "merged"))
		return _("merged");
	if (p->outcome.reached) {
		*role = ROLE_GOOD;
		return rule == RULE_MAJORITY ? _("majority") : _("consensus");
	}
	if (rule == RULE_MAJORITY)
		return _("no majority");
	if (p->outcome.blocking > 0) {
		*role = ROLE_BAD;
		return _("blocked");
	}
	*role = ROLE_DIM;
	return _("no support");
}

static const char *proposer_short(const struct proposal_info *p)
{
	if (!strcmp(p->proposer_kind, "secretariat"))
		return _("Sec.");
	if (!strcmp(p->proposer_kind, "ctp"))
		return "CTP";
	return p->proposer;
}

static const struct grid_member *member_by_code(const struct themes_screen *t, const char *code)
{
	for (size_t i = 0; i < t->grid.n_members; i++)
		if (!strcmp(t->grid.members[i].code, code))
			return &t->grid.members[i];
	return NULL;
}

/* ---- the proposals list ---- */

void themes_prop_row(void *ud, WINDOW *w, int y, int x, int width, int index)
{
	struct themes_screen *t = ud;
	const struct proposal_info *p;
	attr_t normal = ui_attr(ROLE_NORMAL);
	enum ui_role role;
	const char *dec;
	char num[32];
	int tw = width - C_NUM - 1 - C_BY - 1 - C_DEC - 1, cx = x;

	if (!t->page_valid || index < t->page_top || index >= t->page_top + (int)t->page_n)
		return;
	p = &t->page[index - t->page_top];
	str_printf(num, sizeof num, "P%lld%s", p->num,
		   t->mark == p->num && t->mark_target == t->target ? "*" : "");
	/* The selected proposal: its number in reverse, not a full bar (the
	 * grid's cursor and the detail lines show it too; fewer bytes). */
	if (index == t->pl.sel && ui_low_bandwidth())
		widget_text(w, y, x - 1, 1, ">", normal, false);
	widget_text(w, y, cx, C_NUM, num, index == t->pl.sel ? cursor_attr(normal) : normal,
		    false);
	cx += C_NUM + 1;
	if (tw > 0)
		widget_text_fit(w, y, cx, tw, p->title, normal);
	cx += (tw > 0 ? tw : 0) + 1;
	widget_text_fit(w, y, cx, C_BY, proposer_short(p), normal);
	cx += C_BY + 1;
	dec = decision_word(p, t->info.rule, &role);
	widget_text_fit(w, y, cx, x + width - cx, dec, ui_attr(role));
}

/* ---- the grid ---- */

/* Member m's cell of column j of the grid read, drawn in the grid's
 * screen column col (the grid on screen may be the one drawn before a
 * shift, themes_draw_proposals), with the cursor's brackets or not. */
static void cell_at(struct themes_screen *t, WINDOW *w, int m, int j, int col, bool cursor)
{
	const struct grid_member *gm = &t->grid.members[m];
	enum stance st = t->grid.cells[(size_t)m * t->grid.n_proposals + (size_t)j];
	int x = TG_CODE + col * TG_COL, y = 2 + m - t->mtop;
	enum ui_role role = ROLE_NORMAL;
	const char *letter;
	char buf[16];

	switch (st) {
	case ST_SUPPORT:
		letter = gm->present ? "S" : "s";
		role = ROLE_GOOD;
		break;
	case ST_OBJECT:
		letter = gm->present ? "O" : "o";
		role = ROLE_BAD;
		break;
	case ST_ABSTAIN:
		letter = gm->present ? "A" : "a";
		break;
	default:
		letter = dot();
		role = ROLE_DIM;
	}
	if (!gm->present || ui_low_bandwidth())
		role = ROLE_DIM; /* plain in monochrome: the letter says it */
	widget_blank(w, y, x, TG_COL, ui_attr(ROLE_NORMAL));
	if (cursor) {
		str_printf(buf, sizeof buf, "[%s]", letter);
		widget_text(w, y, x + 1, 3, buf, cursor_attr(ui_attr(ROLE_NORMAL)), false);
	} else {
		widget_text(w, y, x + 2, 1, letter, ui_attr(role), false);
	}
}

static void grid_cell(struct themes_screen *t, WINDOW *w, int m, int j)
{
	cell_at(t, w, m, j, j, m == t->member && t->gleft + j == t->pl.sel);
}

/* Member row m of the grid (code and cells), if it is visible. */
static void grid_row(struct themes_screen *t, WINDOW *w, int m)
{
	const struct grid_member *gm;
	char code[32];
	int y = 2 + m - t->mtop;

	if (m < 0 || m >= (int)t->grid.n_members || m < t->mtop || m >= t->mtop + themes_grid_rows(t))
		return;
	gm = &t->grid.members[m];
	str_copy(code, gm->code, sizeof code);
	if (!gm->present)
		for (char *c = code; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	widget_blank(w, y, 0, t->gw, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, y, 1, TG_CODE - 2, code,
			m == t->member ? cursor_attr(ui_attr(ROLE_NORMAL))
				       : ui_attr(gm->present ? ROLE_NORMAL : ROLE_DIM));
	for (int j = 0; j < (int)t->grid.n_proposals; j++)
		grid_cell(t, w, m, j);
}

static void grid_heading(struct themes_screen *t, WINDOW *w)
{
	attr_t h = ui_attr(ROLE_HEADER);
	char buf[32];

	int right = TG_CODE + (int)t->grid.n_proposals * TG_COL, k = 0;

	/* Markers of what the grid does not show: rows above (^) and below
	 * (v), columns to the left (<) and to the right (>). */
	widget_blank(w, 1, 0, t->gw + 1, h);
	if (t->mtop > 0)
		buf[k++] = '^';
	if (t->mtop + themes_grid_rows(t) < (int)t->grid.n_members)
		buf[k++] = 'v';
	if (t->gleft > 0)
		buf[k++] = '<';
	buf[k] = '\0';
	widget_text(w, 1, 1, TG_CODE - 2, buf, h, false);
	if (t->gleft + (int)t->grid.n_proposals < t->info.shown)
		widget_text(w, 1, right < t->gw ? right : t->gw, 1, ">", h, false);
	for (int j = 0; j < (int)t->grid.n_proposals; j++) {
		str_printf(buf, sizeof buf, "P%lld", t->grid.proposals[j]);
		widget_text(w, 1, TG_CODE + j * TG_COL + 1, TG_COL - 1, buf,
			    t->gleft + j == t->pl.sel ? cursor_attr(h) : h, false);
	}
}

/* The grid's columns moved sideways (a step past its edge): the terminal
 * moves the cells already drawn, so that the repaint that follows sends
 * the column that came into view and the cursor, not every cell. */
static void grid_shift(struct themes_screen *t, WINDOW *w)
{
	int d = t->gleft - t->drawn_gleft, width = t->gcols * TG_COL;

	if (d == 0 || d >= t->gcols || -d >= t->gcols)
		return;
	/* The headings (their labels move with their columns), then the
	 * member rows. */
	ui_shift_cells(w, 1, TG_CODE, width, d * TG_COL);
	for (int y = 2; y < 2 + themes_grid_rows(t) && y - 2 < (int)t->grid.n_members - t->mtop; y++)
		ui_shift_cells(w, y, TG_CODE, width, d * TG_COL);
}

/* Below the member rows, when there is room: the cursor's member state
 * and the legend; when the member states fill the area, its last row
 * names the cursor's member state (themes_grid_rows). */
static void grid_legend(struct themes_screen *t, WINDOW *w, bool full)
{
	bool crowded = themes_grid_rows(t) < t->area;
	int y = crowded ? 2 + themes_grid_rows(t) : 2 + (int)t->grid.n_members - t->mtop + 1;
	int room = 2 + t->area - y;
	const struct grid_member *gm;
	char buf[160];

	if (room < 1 || t->grid.n_members == 0)
		return;
	gm = &t->grid.members[t->member];
	str_printf(buf, sizeof buf, gm->present ? "%s %s" : _("%s %s (absent)"), gm->code, gm->name);
	widget_text_fit(w, y, 1, t->gw - 1, buf, ui_attr(ROLE_NORMAL));
	widget_blank(w, y, 1 + widget_text_width(buf), t->gw - 1 - widget_text_width(buf),
		     ui_attr(ROLE_NORMAL));
	if (!full || room < 4)
		return;
	widget_text(w, y + 1, 1, t->gw - 1, _("+ S support  - O object"), ui_attr(ROLE_DIM), false);
	str_printf(buf, sizeof buf, _("0 A abstain  . %s none"), dot());
	widget_text(w, y + 2, 1, t->gw - 1, buf, ui_attr(ROLE_DIM), false);
	widget_text(w, y + 3, 1, t->gw - 1, _("lowercase: absent"), ui_attr(ROLE_DIM), false);
}

/* ---- the detail of the selected proposal ---- */

static void detail_line(struct themes_screen *t, WINDOW *w, int i, const char *text, attr_t a)
{
	int y = t->rows - TD_LINES + i;

	widget_blank(w, y, 0, t->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, y, 1, t->cols - 2, text, a);
}

/* "R4 adds: Health, Justice" for theme_id, into buf. */
static void r4_text(struct themes_screen *t, long long theme_id, char *buf, size_t size)
{
	size_t n;

	themes_load_cats(t, theme_id);
	if (t->ncats == 0) {
		str_copy(buf, _("R4: no category beyond the core ones"), size);
		return;
	}
	n = (size_t)str_printf(buf, size, "%s", _("R4 adds:"));
	for (size_t i = 0; i < t->ncats && n < size; i++)
		n += (size_t)str_printf(buf + n, size - n, "%s %s", i ? "," : "",
					i18n_pick(t->cats[i].label_fr, t->cats[i].label_en));
}

/* A proposal one or more member states object to. The plural is that of
 * the member states present; one objector or several choose the verb. */
static void blocked_text(const struct proposal_info *p, char *buf, size_t size)
{
	const struct r6_outcome *o = &p->outcome;

	if (o->object == 1)
		str_printf(buf, size, ngettext("Blocked: %s objects (%d support, %d present).",
					       "Blocked: %s objects (%d support, %d present).",
					       (unsigned long)o->present),
			   p->objectors, o->support, o->present);
	else
		str_printf(buf, size, ngettext("Blocked: %s object (%d support, %d present).",
					       "Blocked: %s object (%d support, %d present).",
					       (unsigned long)o->present),
			   p->objectors, o->support, o->present);
}

/* No member state present supports it: two counts, each with its own
 * plural (gettext's ngettext takes one number), put in one sentence. */
static void no_support_text(const struct r6_outcome *o, char *buf, size_t size)
{
	char abstain[64], present[64];

	str_printf(abstain, sizeof abstain,
		   ngettext("%d abstain", "%d abstain", (unsigned long)o->abstain), o->abstain);
	str_printf(present, sizeof present,
		   ngettext("%d present", "%d present", (unsigned long)o->present), o->present);
	/* TRANSLATORS: the counts "N abstain" and "N present". */
	str_printf(buf, size, _("No member state present supports it yet (%s, %s)."), abstain, present);
}

static void decision_text(struct themes_screen *t, const struct proposal_info *p, char *buf,
			  size_t size, enum ui_role *role)
{
	const struct r6_outcome *o = &p->outcome;

	decision_word(p, t->info.rule, role);
	if (!strcmp(p->status, "selected"))
		str_printf(buf, size, "%s", t->target ? _("Selected: the next meeting starts with it.")
						      : _("Selected for the workshops."));
	else if (!strcmp(p->status, "rejected"))
		str_copy(buf, _("Rejected."), size);
	else if (t->info.rule == RULE_MAJORITY)
		str_printf(buf, size, o->reached ? ngettext("Majority: %d of %d member state present supports it; s selects it.",
							    "Majority: %d of %d member states present support it; s selects it.",
							    (unsigned long)o->present)
						 : ngettext("No majority: %d of %d member state present supports it.",
							    "No majority: %d of %d member states present support it.",
							    (unsigned long)o->present),
			   o->support, o->present);
	else if (o->reached)
		/* TRANSLATORS: the plural is that of the member states present
		 * (the last number); "abstain" may be shortened to fit 80
		 * columns (French and Spanish write "abst."). */
		str_printf(buf, size, ngettext("Consensus: %d support, %d abstain, no objection, %d present; s selects it.",
					       "Consensus: %d support, %d abstain, no objection, %d present; s selects it.",
					       (unsigned long)o->present),
			   o->support, o->abstain, o->present);
	else if (o->object)
		blocked_text(p, buf, size);
	else
		no_support_text(o, buf, size);
}

/* The three lines of the selected proposal p (title, proposer, decision)
 * into l[0..2], each of size bytes; the decision's colour into *role. */
static void detail_texts(struct themes_screen *t, const struct proposal_info *p, char (*l)[768],
			 enum ui_role *role)
{
	const struct grid_member *gm;
	char r4[384], who[256];

	if (p->origins[0])
		str_printf(l[0], sizeof *l, _("P%lld %s (merged from %s)"), p->num, p->title,
			   p->origins);
	else
		str_printf(l[0], sizeof *l, "P%lld %s", p->num, p->title);
	if (!strcmp(p->proposer_kind, "secretariat"))
		str_copy(who, _("the secretariat"), sizeof who);
	else if (!strcmp(p->proposer_kind, "ctp"))
		str_copy(who, _("the steering committee (CTP)"), sizeof who);
	else if ((gm = member_by_code(t, p->proposer)))
		str_printf(who, sizeof who, "%s %s", gm->code, gm->name);
	else
		str_copy(who, p->proposer, sizeof who);
	if (p->theme_id) {
		r4_text(t, p->theme_id, r4, sizeof r4);
		str_printf(l[1], sizeof *l, _("By %s · %s · %s"), who, p->theme_code, r4);
	} else {
		str_printf(l[1], sizeof *l, _("By %s · free title"), who);
	}
	decision_text(t, p, l[2], sizeof *l, role);
}

static void draw_detail(struct themes_screen *t, WINDOW *w)
{
	const struct proposal_info *p = themes_sel_prop(t);
	char l[3][768];
	enum ui_role role;

	if (!p) {
		detail_line(t, w, 0, t->target ? _("No proposal for the next meeting yet: a proposes one, c opens the catalogue.")
					       : _("No proposal for the workshops yet: a proposes one, c opens the catalogue."),
			    ui_attr(ROLE_DIM));
		detail_line(t, w, 1, "", 0);
		detail_line(t, w, 2, "", 0);
		return;
	}
	detail_texts(t, p, l, &role);
	detail_line(t, w, 0, l[0], ui_attr(ROLE_NORMAL));
	detail_line(t, w, 1, l[1], ui_attr(ROLE_NORMAL));
	detail_line(t, w, 2, l[2], ui_attr(role));
}

unsigned themes_show_proposal(struct themes_screen *t)
{
	const struct proposal_info *p = themes_sel_prop(t);
	char l[3][768], title[64], *text;
	enum ui_role role;

	if (!p)
		return H_IGNORED;
	detail_texts(t, p, l, &role);
	str_printf(title, sizeof title, _("Proposal P%lld"), p->num);
	text = xasprintf("%s\n\n%s\n\n%s", l[0], l[1], l[2]);
	ui_view_text(title, text);
	free(text);
	return H_DONE | H_REDRAW;
}

static void draw_prop_header(struct themes_screen *t, WINDOW *w)
{
	char left[256], right[128];
	attr_t h = ui_attr(ROLE_HEADER);
	int lx = t->pl.x + 1, cx, tw;

	str_printf(left, sizeof left,
		   t->target ? _("Next meeting: places %d, selected %d")
			     : _("Workshops: places %d, selected %d"),
		   t->info.places, t->info.selected);
	str_printf(left + strlen(left), sizeof left - strlen(left), " · %s",
		   t->info.rule == RULE_MAJORITY ? _("by majority") : _("by consensus"));
	str_copy(right, t->target ? _("t workshops  c catalogue") : _("t next meeting  c catalogue"),
		 sizeof right);
	widget_blank(w, 0, 0, t->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, 0, 1, t->cols - widget_text_width(right) - 3, left, ui_attr(ROLE_RUNNING));
	widget_text_right(w, 0, t->cols - widget_text_width(right) - 1, widget_text_width(right),
			  right, ui_attr(ROLE_DIM));
	/* The list's headings (the grid's are drawn with the grid). */
	widget_blank(w, 1, t->gw + 1, t->cols - t->gw - 1, h);
	tw = t->pl.width - 1 - C_NUM - 1 - C_BY - 1 - C_DEC - 1;
	cx = lx;
	widget_text(w, 1, cx, C_NUM, _("No"), h, false);
	cx += C_NUM + 1;
	if (tw > 0)
		widget_text_fit(w, 1, cx, tw, _("Title"), h);
	cx += (tw > 0 ? tw : 0) + 1;
	widget_text_fit(w, 1, cx, C_BY, _("By"), h);
	cx += C_BY + 1;
	widget_text_fit(w, 1, cx, t->cols - cx, _("Decision"), h);
}

/* --low-bandwidth, a step that shifts the grid: the list's mark moves and
 * the cursor comes off the grid as it is on screen (the columns of
 * drawn_gleft); the grid follows with the detail lines when the keys
 * pause (the idle tick), so that a run of steps sends a few bytes each.
 * False when the old cursor's letter is no longer read (a jump). */
static bool grid_defer(struct themes_screen *t, WINDOW *w)
{
	int j = t->drawn_col - t->gleft, col = t->drawn_col - t->drawn_gleft;

	if (!t->grid_stale) {
		if (j < 0 || j >= (int)t->grid.n_proposals || col < 0 || col >= t->gcols ||
		    t->drawn_member != t->member)
			return false;
		cell_at(t, w, t->member, j, col, false);
		t->grid_stale = true;
	}
	list_draw(&t->pl, w);
	t->drawn_col = t->pl.sel;
	t->detail_stale = true;
	return true;
}

void themes_draw_proposals(struct themes_screen *t, WINDOW *w, bool full)
{
	bool grid_all = full || t->drawn_gleft != t->gleft || t->drawn_mtop != t->mtop;
	bool col_moved = t->drawn_col != t->pl.sel, member_moved = t->drawn_member != t->member;

	if (!full && ui_low_bandwidth() && col_moved && !member_moved &&
	    t->drawn_mtop == t->mtop && t->drawn_gleft != t->gleft && grid_defer(t, w))
		return;
	t->grid_stale = false;
	if (full) {
		list_invalidate(&t->pl);
		draw_prop_header(t, w);
	}
	list_draw(&t->pl, w);
	if (grid_all && !full && t->drawn_mtop == t->mtop)
		grid_shift(t, w);
	if (grid_all) {
		grid_heading(t, w);
		/* A rule between the grid and the list: their rows are not
		 * related (member states left, proposals right). */
		for (int r = 0; r < t->area; r++) {
			widget_blank(w, 2 + r, 0, t->gw, ui_attr(ROLE_NORMAL));
			widget_text(w, 2 + r, t->gw, 1, widget_utf8_locale() ? "│" : "|",
				    ui_attr(ROLE_DIM), false);
		}
		for (int m = t->mtop; m < (int)t->grid.n_members && m < t->mtop + themes_grid_rows(t); m++)
			grid_row(t, w, m);
		grid_legend(t, w, true);
	} else if (col_moved || t->drawn_member != t->member) {
		if (col_moved)
			grid_heading(t, w);
		if (t->drawn_member != t->member)
			grid_row(t, w, t->drawn_member);
		grid_row(t, w, t->member);
	}
	/* A step to another proposal sends the cursor only; its detail
	 * lines follow when the keys pause (the screen's deferred part,
	 * themes.c), so that a run of steps does not send three lines per
	 * step. --low-bandwidth: a move to another member state too leaves
	 * the name line, until the idle tick. */
	if (!full && (col_moved || (member_moved && ui_low_bandwidth()))) {
		if (!grid_all && member_moved && !ui_low_bandwidth())
			grid_legend(t, w, false);
		t->detail_stale = true;
	} else {
		if (!grid_all && (t->detail_stale || member_moved))
			grid_legend(t, w, false);
		if (full || col_moved || t->detail_stale)
			draw_detail(t, w);
		t->detail_stale = false;
	}
	t->drawn_gleft = t->gleft;
	t->drawn_mtop = t->mtop;
	t->drawn_col = t->pl.sel;
	t->drawn_member = t->member;
}

/* ---- the catalogue ---- */

void themes_theme_row(void *ud, WINDOW *w, int y, int x, int width, int index)
{
	struct themes_screen *t = ud;
	const struct theme_entry *e;
	attr_t normal = ui_attr(ROLE_NORMAL);
	char src[32];
	int cx = x;

	if (!t->cpage_valid || index < t->cpage_top || index >= t->cpage_top + (int)t->cpage_n)
		return;
	e = &t->cpage[index - t->cpage_top];
	widget_text_fit(w, y, cx, C_CODE, e->code, normal);
	cx += C_CODE + 1;
	if (e->year)
		str_printf(src, sizeof src, "%s %d", e->source, e->year);
	else
		str_copy(src, e->source, sizeof src);
	widget_text_fit(w, y, cx, C_SOURCE, src, normal);
	cx += C_SOURCE + 1;
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, i18n_pick(e->title_fr, e->title_en), normal);
}

void themes_draw_catalogue(struct themes_screen *t, WINDOW *w, bool full)
{
	const struct theme_entry *e;
	attr_t h = ui_attr(ROLE_HEADER);
	char buf[768], right[128];
	int old = t->cl.drawn_sel;

	if (full) {
		list_invalidate(&t->cl);
		str_printf(buf, sizeof buf, t->target ? _("Catalogue (%d) · for the next meeting")
						      : _("Catalogue (%d) · for the workshops"),
			   t->cl.count);
		str_copy(right, _("a propose  t target  c back"), sizeof right);
		widget_blank(w, 0, 0, t->cols, ui_attr(ROLE_NORMAL));
		widget_text_fit(w, 0, 1, t->cols - widget_text_width(right) - 3, buf,
				ui_attr(ROLE_RUNNING));
		widget_text_right(w, 0, t->cols - widget_text_width(right) - 1,
				  widget_text_width(right), right, ui_attr(ROLE_DIM));
		widget_blank(w, 1, 0, t->cols, h);
		widget_text(w, 1, 1, C_CODE, _("Code"), h, false);
		widget_text(w, 1, 1 + C_CODE + 1, C_SOURCE, _("Source"), h, false);
		widget_text_fit(w, 1, 1 + C_CODE + 1 + C_SOURCE + 1, t->cols - 35, _("Title"), h);
	}
	list_draw(&t->cl, w);
	if (!full && old != t->cl.sel) {
		t->detail_stale = true; /* drawn when the keys pause */
		return;
	}
	if (!full && old == t->cl.sel && !t->detail_stale)
		return;
	t->detail_stale = false;
	e = themes_sel_theme(t);
	if (!e) {
		detail_line(t, w, 0, _("The catalogue is empty: load the fixtures (rapporteur init)."),
			    ui_attr(ROLE_DIM));
		detail_line(t, w, 1, "", 0);
	} else {
		const char *title = i18n_pick(e->title_fr, e->title_en);
		const char *other = title == e->title_fr ? e->title_en : e->title_fr;

		if (*other && strcmp(other, title))
			str_printf(buf, sizeof buf, "%s: %s / %s", e->code, title, other);
		else
			str_printf(buf, sizeof buf, "%s: %s", e->code, title);
		detail_line(t, w, 0, buf, ui_attr(ROLE_NORMAL));
		r4_text(t, e->id, buf, sizeof buf);
		detail_line(t, w, 1, buf, ui_attr(ROLE_NORMAL));
	}
	if (full) {
		if (t->session_themes && t->session_themes[0])
			str_printf(buf, sizeof buf, _("Themes of this session: %s"), t->session_themes);
		else
			str_copy(buf, _("This session has no theme yet."), sizeof buf);
		detail_line(t, w, 2, buf, ui_attr(ROLE_DIM));
	}
}
