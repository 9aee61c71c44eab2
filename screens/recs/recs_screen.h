/*
 * recs_screen.h — shared state of the Recommendations screen's files
 * (private to screens/): recs.c (the list and the screen operations),
 * recs_detail.c (the detail view, the workflow and pick lists), recs_edit.c (the text editor, drafts and their
 * recovery), recs_history.c (versions and the word diff), recs_text.c (a
 * scrolling view of wrapped, attributed lines).
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
	struct tview detail;
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

/* recs.c */
/* Status codes in workflow order (rec_status), and their display. */
extern const char *const recs_status_codes[6];
const char *recs_status_label(const char *code);
enum ui_role recs_status_role(const char *code);

/* recs_detail.c */
/* A key of the command table on recommendation row (NULL when none is
 * selected): the action, with its pick lists and prompts. */
unsigned recs_command_key(struct recs *r, int key, const struct rec_row *row);
/* Keys of the detail view (scroll, v, Esc, command keys). */
unsigned recs_detail_key(struct recs *r, int key);
/* The member states of the process in code order (NULL-terminated,
 * malloc'd strings; free with recs_codes_free). */
char **recs_member_codes(struct recs *r, size_t *n);
/* Ask for a member state: digits when there are at most nine, else a
 * prompt completing member codes. dflt: a code pre-selected, or NULL.
 * Returns a malloc'd code or NULL (Esc). */
char *recs_pick_member(struct recs *r, const char *label, const char *dflt);
/* Load the recommendation r->num for the detail view (and the editor);
 * recs_detail_build lays the loaded detail out again (a new width). */
void recs_load_detail(struct recs *r);
void recs_detail_build(struct recs *r);
/* A text for a command line: "…" with \" \\ and \n escaped (malloc'd). */
char *recs_quote(const char *s);

/* recs_edit.c */
/* Open the editor on a new recommendation (ask author and title) or on
 * the text of r->num (amend); resumes a saved draft. */
void recs_edit_new(struct recs *r);
void recs_edit_amend(struct recs *r);
unsigned recs_edit_handle(struct recs *r, int key);
void recs_edit_draw(struct recs *r, WINDOW *w);
void recs_edit_layout(struct recs *r);
/* Save the draft now if the text changed since the last save. */
void recs_edit_save_draft(struct recs *r);
unsigned recs_edit_tick(struct recs *r);
/* The data was read again while editing (another instance wrote). */
void recs_edit_reloaded(struct recs *r);
void recs_edit_close(struct recs *r, bool keep_draft);
/* Drafts: look for them at the first opening; the offer line; its keys. */
void recs_offers_check(struct recs *r);
const char *recs_offer_text(struct recs *r, char *buf, size_t size);
unsigned recs_offer_handle(struct recs *r, int key);
void recs_offers_free(struct recs *r);

/* recs_history.c */
void recs_history_open(struct recs *r);
void recs_history_load(struct recs *r);
void recs_history_layout(struct recs *r);
void recs_history_draw(struct recs *r, WINDOW *w);
unsigned recs_history_handle(struct recs *r, int key);
void recs_history_free(struct recs *r);

#endif
