/*
 * attendance_screen.h — the base of the Attendance screen (DESIGN §4.3,
 * R3, R4): its private state and what its sub-views share. Three levels,
 * each calling only the level below (no circle):
 *
 *   attendance.c         the dispatcher: the screen ops, keys, presence
 *                        toggles, search; the only caller of the sub-views
 *   attendance_rows.c    sub-view: the list rows and the detail line
 *   attendance_grid.c    sub-view: the R4 lines always in view (summary,
 *                        minimum level, themes, one cell per member state)
 *   attendance_form.c    sub-view: the delegate form (add / edit)
 *   attendance_pick.c    sub-view: the pick lists of the minimum level, themes
 *   attendance_import.c  sub-view: the preview and confirmation of an import
 *   attendance_base.c    base: running a command, back to the list, R4 words
 *   attendance_tree.c    base: the tree of delegations and delegates, pages
 *
 * This header declares the base; each sub-view has its own header
 * (attendance_form.h, …), included by itself and by attendance.c only.
 *
 * Body layout (rows): 0 the R4 summary and minimum level, 1 the themes,
 * 2.. the grid (one or more rows of cells), then the list heading, the
 * list, and the detail line at the bottom. A form, a pick list or an
 * import preview replaces the heading, list and detail line (the region);
 * the R4 lines stay in view.
 */
#ifndef RAPPORTEUR_ATTENDANCE_SCREEN_H
#define RAPPORTEUR_ATTENDANCE_SCREEN_H

#include "attendance.h"
#include "screen.h"
#include "session.h"
#include "widgets.h"

#define ATT_NAME 208          /* sizeof att_delegate.name */
#define ATT_GRID_MAX_ROWS 4   /* grid rows at most; more states scroll */

enum att_kind { AK_GROUP, AK_DELEG, AK_PERSON };
enum att_mode { AM_LIST, AM_FORM, AM_PICK, AM_IMPORT };

/* An expanded delegation and the names of a run of its delegates that
 * were last read (offsets [base, base + len)): the keys from which the
 * next page is read, in either direction. */
struct att_exp {
	long long id;
	int base, len, cap;
	char (*names)[ATT_NAME];
};

/* A row of the visible page. */
struct att_row {
	enum att_kind kind;
	int d;                    /* delegation index; AK_GROUP: the type */
	int off;                  /* AK_PERSON: position in its delegation */
	bool loaded;              /* AK_PERSON: *p was read */
	struct att_delegate *p;   /* AK_PERSON: in the page's people, else NULL
				   * (a delegation's row holds no 1.1 KB person) */
};

struct att_form;
struct att_pick;
struct att_import;

struct att {
	struct app *app;
	struct list list;
	struct session_info si;
	/* Every delegation of the process (tens), with counts. */
	struct att_delegation *delegs;
	size_t n_delegs;
	int *start;               /* list index of delegation i's row */
	int *exp_of;              /* index in exp[] of delegation i, or -1 */
	int group_row[DT_INVALID];/* list index of each group heading, -1 */
	/* Expanded delegations (kept across reloads). */
	struct att_exp *exp;
	size_t n_exp, cap_exp;
	/* The visible page of the list. */
	struct att_row *page;
	int page_top, page_n, page_cap;
	struct att_delegate *people; /* the delegates of the page's rows */
	int people_cap;
	bool page_valid;
	/* R4: the check of every member state, the session's themes. */
	struct check_row *checks;
	size_t n_checks;
	int n_ok;
	int n_res[4];             /* member states per R4 result (enum r4_result) */
	bool r4_off;              /* the session does not apply R4: no verdicts */
	struct att_choice *themes;
	size_t n_themes;
	/* The command about to run keeps every delegate's name (presence,
	 * settings): the keys of the page stay valid across the reload. */
	bool keep_names;
	/* A row to select at the next open (after an add or a rename). */
	bool want;
	long long want_deleg;
	char want_name[ATT_NAME];
	/* Layout. */
	int rows, cols;
	int grid_y, grid_h, grid_top, per_row, cell_w, code_w;
	int head_y;               /* list heading; the region starts here */
	int detail_y;
	bool grid_focus;
	int grid_sel;
	int grid_drawn[3];        /* focus, selection, top of the grid drawn */
	bool repaint;             /* paint the whole body at the next draw */
	bool moved;               /* this draw follows a move of the selection */
	bool detail_stale;        /* --low-bandwidth: detail line left for idle */
	enum att_mode mode;
	struct att_form *form;
	struct att_pick *pick;
	struct att_import *imp;
	/* After a / search: n and N go to the next and previous match until
	 * another key (attendance_search.c). */
	bool searching;
	int hit_rank;             /* how the row shown matched (enum fold_match) */
	char needle[128];
	char text[1024];
};

/* attendance_tree.c */
/* List indices from the counts; the page must be read again. */
void att_tree_index(struct att *a);
/* Read the visible page (the delegates by keyset). */
void att_load_page(struct att *a);
/* The row at list index, or NULL (outside the page: read alone). */
const struct att_row *att_row_at(struct att *a, int index);
struct att_exp *att_exp_add(struct att *a, long long id);
void att_exp_remove(struct att *a, long long id);
/* After a reload: forget delegations gone; unless keep_names, keep only
 * the first name kept per delegation, at its position now. */
void att_exp_recheck(struct att *a);
/* Group headings are not selectable: step over them in direction dir. */
void att_skip_group(struct att *a, int dir);
/* The check row of a delegation, or NULL (an observer). */
const struct check_row *att_check_of(const struct att *a, long long delegation_id);
/* Select the row of delegation id (and of its delegate name when not
 * NULL, expanding it). */
void att_select(struct att *a, long long delegation_id, const char *name);

/* attendance_search.c: / (the screen's search op), then n and N. */
bool att_search(struct screen *s, const char *needle, bool next);
/* While a search is on: n and N move between the matches (H_DONE…);
 * any other key ends it and is left to the screen (H_IGNORED). */
unsigned att_search_key(struct att *a, int key);

/* attendance_base.c: what the sub-views share. */
/* Back to the list after a form, pick list or preview (whose own state the
 * sub-view has freed): repainted. */
void att_mode_list(struct att *a);
/* Run a command line through the shell (ui_exec); keep_names tells
 * whether every delegate keeps its name. 0 ok, 1 refused. */
int att_exec(struct att *a, bool keep_names, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The R4 cell text of a check row ("LEVEL", "OK"), its role. */
const char *att_r4_word(const struct check_row *c);
enum ui_role att_r4_role(const struct check_row *c);

#endif
