/*
 * recs_screen.h — the base of the Recommendations screen: its private
 * state and what its sub-views share. Three levels, each calling only the
 * level below (no circle):
 *
 *   recs.c          the dispatcher: the list, the screen operations, the
 *                   command keys; the only caller of the sub-views
 *   recs_detail.c   sub-view: the detail view and the workflow actions
 *   recs_edit.c     sub-view: the text editor, drafts and their recovery
 *   recs_history.c  sub-view: versions and the word diff
 *   recs_base.c     base: status words, quoting, the member-state pick
 *                   list (R5), reading the recommendation shown
 *   recs_text.c     base: a scrolling view of wrapped, attributed lines
 *
 * This header declares the base; each sub-view has its own header
 * (recs_detail.h, …), included by itself and by recs.c only.
 */
#ifndef RAPPORTEUR_RECS_SCREEN_H
#define RAPPORTEUR_RECS_SCREEN_H

#include "editor.h"
#include "recs.h"
#include "screen.h"
#include "widgets.h"

/* ---- a scrolling view of lines made of attributed spans (recs_text.c) ---- */

struct tspan {
	char *text;
	attr_t attr;
};

struct tline {
	struct tspan *spans;
	int n;
};

struct tview {
	struct tline *lines;
	size_t n, cap;
	size_t scroll;           /* first line shown */
};

void tv_clear(struct tview *v);
/* Start a new line; spans are added to the last line. */
void tv_line(struct tview *v);
void tv_span(struct tview *v, const char *text, attr_t attr);
/* Word-wrap text (paragraphs on '\n') into lines of width cells, each
 * starting with indent blanks. */
void tv_wrap(struct tview *v, const char *text, attr_t attr, int width, int indent);
/* Wrap a text whose code point i has attribute attrs[i] (as many as the
 * code points of text, which must hold only what the editor accepts). */
void tv_wrap_attrs(struct tview *v, const char *text, const attr_t *attrs, int width, int indent);
/* Draw lines [scroll, scroll + height) at rows y… in width cells. */
void tv_draw(struct tview *v, WINDOW *w, int y, int height, int width);
/* Scroll keys (Up/Down/PgUp/PgDn/Home/End and vi keys) for a view shown
 * in height rows: H_DONE | H_REDRAW when it scrolled, H_IGNORED else. */
unsigned tv_handle(struct tview *v, int key, int height);

/* ---- the screen ---- */

enum recs_mode { RM_LIST = 0, RM_DETAIL, RM_EDIT, RM_HISTORY, RM_DIFF };

struct recs_edit;

struct recs {
	struct app *app;
	enum recs_mode mode;
	int rows, cols;
	bool full;               /* the body was cleared: paint everything */
	/* The list (RM_LIST). */
	struct list list;
	long long *nums;         /* numbers of the filtered list */
	size_t n_nums;
	struct rec_row *page;    /* rows [page_top, page_top + page_n) */
	size_t page_n;
	int page_top;
	bool page_valid;
	struct rec_row scratch;  /* a row outside the page (search) */
	bool scratch_valid;
	int status_filter;       /* 0: all, else rec_status + 1 */
	char theme_filter[64];   /* "" for all */
	char rowbuf[512];
	/* The recommendation shown (detail, editor, history). */
	long long num;
	struct rec_detail det;
	bool det_valid;
	struct tview detail;     /* det laid out (recs_detail.c) */
	bool detail_stale;       /* det or the width changed: lay out again */
	/* Drafts found at the first opening, offered one at a time. */
	struct rec_draft_info *offers;
	size_t n_offers, offer;
	bool offers_checked;
	/* The editor (RM_EDIT), NULL when closed. */
	struct recs_edit *edit;
	enum recs_mode edit_return;
	/* History (RM_HISTORY) and diff (RM_DIFF). */
	struct rec_version_info *vers;
	size_t n_vers;
	struct list vlist;
	int mark;                /* version marked for the diff, 0 when none */
	int diff_a, diff_b;      /* versions compared */
	bool diff_fallback;
	struct tview diff;
};

/* recs_base.c: what the sub-views share. */
/* Status codes in workflow order (rec_status), and their display. */
extern const char *const recs_status_codes[6];
const char *recs_status_label(const char *code);
enum ui_role recs_status_role(const char *code);
/* A text for a command line: "…" with \" \\ and \n escaped (malloc'd). */
char *recs_quote(const char *s);
/* The member states of the process in code order (NULL-terminated,
 * malloc'd strings; free with recs_codes_free). */
char **recs_member_codes(struct recs *r, size_t *n);
/* Ask for a member state: digits when there are at most nine, else a
 * prompt completing member codes. dflt: a code pre-selected, or NULL.
 * Returns a malloc'd code or NULL (Esc). */
char *recs_pick_member(struct recs *r, const char *label, const char *dflt);
/* The same, leaving out the codes of `except` (joined by "; "): a
 * recommendation's author and co-sponsors when a co-sponsor is picked. */
char *recs_pick_member_except(struct recs *r, const char *label, const char *except);
/* Read the recommendation r->num into r->det (det_valid); the detail
 * view lays it out again when it next draws (detail_stale). */
void recs_load_detail(struct recs *r);

#endif
