/*
 * themes_screen.h — the base of the Themes screen: its private state and
 * what its sub-views share. Three levels, each calling only the level
 * below (no circle):
 *
 *   themes.c        the dispatcher: the screen operations, search, the
 *                   view and target keys; the only caller of the sub-views
 *   themes_act.c    sub-view: the keys and actions of each view
 *   themes_draw.c   sub-view: painting the proposals view with its grid,
 *                   and the catalogue view
 *   themes_base.c   base: loading, the selection, the geometry
 *
 * This header declares the base; each sub-view has its own header
 * (themes_act.h, themes_draw.h), included by itself and by themes.c only.
 */
#ifndef RAPPORTEUR_THEMES_SCREEN_H
#define RAPPORTEUR_THEMES_SCREEN_H

#include "screen.h"
#include "themes.h"
#include "widgets.h"

enum themes_view { TV_PROPOSALS = 0, TV_CATALOGUE };

/* Fixed parts of the proposals view (cells). */
enum {
	TG_CODE = 5,     /* the member code column of the grid: " COM " */
	TG_COL = 4,      /* one proposal column of the grid: " [S]" */
	TG_MIN_W = 26,   /* the grid pane is at least this wide (its legend) */
	TG_LIST_MIN = 50,/* the proposals pane is at least this wide */
	TD_LINES = 3,    /* detail lines at the bottom */
	TP_ALL = 1000,   /* up to this many proposals, all are read at once */
};

struct themes_screen {
	struct app *app;
	enum themes_view view;
	int target;                 /* 0: workshop, 1: next */
	int psel[2];                /* selected proposal index, per target */
	int member;                 /* grid cursor row (member index) */
	long long mark;             /* proposal number marked for a merge, 0: none */
	int mark_target;
	bool select_last;           /* after propose/merge: select the newest */
	bool need_full;             /* paint everything at the next draw */
	bool detail_stale;          /* --low-bandwidth: detail left to the tick */
	int rows, cols;
	struct theme_view_target info;

	/* Proposals view: the list (right pane) and its page. */
	struct list pl;
	struct proposal_info *page; /* rows [page_top, page_top + page_n) */
	size_t page_n;
	int page_top;
	bool page_valid;
	/* The grid (left pane): proposal columns [gleft, gleft + grid.n_proposals),
	 * member rows [mtop, mtop + area). gprops is a separate read when the
	 * columns are not all inside the list page. */
	struct theme_grid grid;
	struct proposal_info *gprops;
	size_t gprops_n;
	bool grid_valid;
	/* When the page holds every proposal of the target (TP_ALL at most),
	 * gall is the grid of all of them, read once per change of the data
	 * (themes_reload); grid is then a window copied from it (its members
	 * borrowed), so that a step reads nothing. */
	struct theme_grid gall;
	bool gall_valid, grid_borrowed;
	int gleft, gcols, gw, area, mtop;   /* member rows: themes_grid_rows() */
	int grid_left_loaded;
	/* What is on screen (repaint only what changed). */
	int drawn_member, drawn_col, drawn_gleft, drawn_mtop;
	bool grid_stale;            /* --low-bandwidth: the grid on screen is drawn_gleft's,
				     * its cursor taken off; redrawn at the idle tick */
	/* R4 categories of the selected proposal's or theme's catalogue entry. */
	struct theme_category *cats;
	size_t ncats;
	long long cats_theme;       /* theme id cats belong to, -1: none read */

	/* Catalogue view. */
	struct list cl;
	struct theme_entry *cpage;  /* rows [cpage_top, cpage_top + cpage_n) */
	size_t cpage_n;
	int cpage_top;
	bool cpage_valid;
	char *session_themes;

	char text[1024];            /* scratch for row texts */
};

/* themes_base.c: what the sub-views share. */
const char *themes_target_code(const struct themes_screen *t);
/* Read the counts of the target (and the catalogue's size in its view);
 * pages are read when drawn. Marks everything for painting. */
void themes_reload(struct themes_screen *t);
/* Switch to view v (and reload). */
void themes_enter_view(struct themes_screen *t, enum themes_view v);
/* The selected proposal's cell on the cursor's member state, or NULL. */
enum stance *themes_cursor_cell(struct themes_screen *t);
/* The selected proposal (from the page), or NULL when there is none. */
const struct proposal_info *themes_sel_prop(struct themes_screen *t);
/* The selected catalogue theme, or NULL. */
const struct theme_entry *themes_sel_theme(struct themes_screen *t);
/* Make sure pages and the grid match the list positions (reads). */
void themes_load_visible(struct themes_screen *t);
/* Categories of theme_id into t->cats (cached). */
void themes_load_cats(struct themes_screen *t, long long theme_id);

/* Free what was read (at close). */
void themes_free_data(struct themes_screen *t);
/* Compute the geometry of the proposals view for the body size and the
 * number of proposals; places the list when it moved. */
void themes_layout_props(struct themes_screen *t);
void themes_place_catalogue(struct themes_screen *t);

/* The member rows the grid shows: the whole area, or one less when the
 * member states outnumber it (175 at IDM), so that the last row names the
 * selected one in full. */
static inline int themes_grid_rows(const struct themes_screen *t)
{
	return (int)t->grid.n_members > t->area && t->area > 1 ? t->area - 1 : t->area;
}

#endif
