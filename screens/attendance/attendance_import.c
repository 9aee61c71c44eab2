/*
 * attendance_import.c — importing a participants CSV from the Attendance
 * screen (DESIGN §4.3, §5): i asks for the file, then shows the preview
 * of every row — new, updated, unchanged, or error with its reason —
 * before anything is written (import_participants_preview: a dry run read
 * row by row, its progress on the message line, Esc stops it; what it
 * keeps is capped, IMPORT_ROWS_KEPT). y runs
 * the `import FILE` command (one transaction, journaled, the same as
 * `rapporteur import participants`): the valid rows are written, the rows
 * in error are left out. n or Esc cancels.
 *
 * What the file holds is shown through the text helpers of widgets.h, so
 * escape sequences, control characters and invalid UTF-8 appear escaped
 * (^[, \xNN) and a cell starting with = or + is plain text.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "i18n.h"
#include "import.h"
#include "keys.h"
#include "util.h"

#include "attendance_import.h"

struct att_import {
	char *path;
	struct import_result res;
	struct list list;
};

static const char *status_word(enum import_status s)
{
	switch (s) {
	case IMP_NEW: return _("new");
	case IMP_UPDATED: return _("updated");
	case IMP_UNCHANGED: return _("unchanged");
	default: return _("error");
	}
}

static enum ui_role status_role(enum import_status s)
{
	switch (s) {
	case IMP_NEW: return ROLE_GOOD;
	case IMP_UPDATED: return ROLE_RUNNING;
	case IMP_UNCHANGED: return ROLE_DIM;
	default: return ROLE_BAD;
	}
}

static void draw_line(void *ud, WINDOW *w, int y, int x, int width, int index)
{
	struct att_import *m = ud;
	const struct import_row *r = &m->res.rows[index];
	char buf[600];
	int cx = x;

	str_printf(buf, sizeof buf, _("line %d"), r->line);
	widget_text(w, y, cx, 10, buf, ui_attr(ROLE_DIM), false);
	cx += 11;
	widget_text_fit(w, y, cx, 9, status_word(r->status), ui_attr(status_role(r->status)));
	cx += 10;
	widget_text_fit(w, y, cx, 6, r->delegation, ui_attr(ROLE_HEADER));
	cx += 7;
	if (r->status == IMP_ERROR)
		str_printf(buf, sizeof buf, "%s%s%s", r->name, r->name[0] ? " — " : "", r->reason);
	else
		str_printf(buf, sizeof buf, "%s", r->name);
	if (cx < x + width)
		widget_text_fit(w, y, cx, x + width - cx, buf,
				ui_attr(r->status == IMP_ERROR ? ROLE_BAD : ROLE_NORMAL));
}

/* While the preview reads the file: its progress (at most once a second)
 * and Esc to stop it. */
struct preview_poll {
	const char *path;
	time_t shown;
};

static int preview_poll(void *ud, int line)
{
	struct preview_poll *p = ud;
	time_t now = time(NULL);
	int key;

	if (now != p->shown) {
		ui_progress(_("reading %s… line %d (Esc stops)"), p->path, line);
		p->shown = now;
	}
	key = ui_poll_key();
	return key == K_ESC || key == K_NONE;
}

void att_import_start(struct att *a)
{
	struct att_import *m;
	char *path;

	if (!a->app->session) {
		ui_error("%s", _("no session"));
		return;
	}
	path = ui_prompt(_("Participants CSV file:"), NULL);
	if (!path || !*path) {
		free(path);
		return;
	}
	m = xcalloc(1, sizeof *m);
	if (import_participants_preview(a->app->db, a->app->session, path, preview_poll,
					&(struct preview_poll){ path, 0 }, &m->res) != 0) {
		if (m->res.stopped)
			ui_message("%s", m->res.file_error);
		else
			ui_error("%s", m->res.file_error[0] ? m->res.file_error
							    : _("cannot read the file"));
		import_result_free(&m->res);
		free(m);
		free(path);
		return;
	}
	m->path = path;
	list_init(&m->list, draw_line, NULL, m);
	list_place(&m->list, a->head_y + 2, 0, a->rows - a->head_y - 4, a->cols);
	list_set_count(&m->list, (int)m->res.n);
	a->imp = m;
	a->mode = AM_IMPORT;
	a->repaint = true;
}

void att_import_free(struct att *a)
{
	struct att_import *m = a->imp;

	if (!m)
		return;
	import_result_free(&m->res);
	free(m->path);
	free(m);
	a->imp = NULL;
}

/* Close the preview: back to the list. */
static void import_end(struct att *a)
{
	att_import_free(a);
	att_mode_list(a);
}

unsigned att_import_handle(struct att *a, const struct key_event *ev)
{
	int key = ev->key;
	struct att_import *m = a->imp;
	unsigned r;

	if (key == 'y' || key == 'Y' || key == 'o' || key == 'O') {
		char *q = ui_quote(m->path), digest[sizeof m->res.digest];
		bool nothing = m->res.n_new + m->res.n_updated == 0;

		/* Exactly what was previewed: the file as it was read then. */
		str_copy(digest, m->res.digest, sizeof digest);
		import_end(a);
		if (nothing)
			ui_message("%s", _("nothing to import: every row is unchanged or in error"));
		else
			att_exec(a, false, "import %s --digest %s", q, digest);
		free(q);
		return H_DONE | H_REDRAW;
	}
	if (key == 'n' || key == 'N' || key == K_ESC) {
		import_end(a);
		ui_message("%s", _("import cancelled: nothing written"));
		return H_DONE | H_REDRAW;
	}
	if ((r = list_handle(&m->list, key)) != H_IGNORED)
		return r;
	/* The keys of the table would act on the hidden list: not now. */
	if (ev->cmd != CMD_NONE)
		return H_DONE;
	return H_IGNORED;
}

void att_import_draw(struct att *a, WINDOW *w, bool full)
{
	struct att_import *m = a->imp;
	const struct import_result *r = &m->res;
	char line[1024], sum[256];
	int y0 = a->head_y, valid = r->n_new + r->n_updated;

	str_printf(line, sizeof line, _(" Import preview of %s: nothing is written yet"), m->path);
	widget_blank(w, y0, 0, a->cols, ui_attr(ROLE_HEADER));
	widget_text_fit(w, y0, 0, a->cols, line, ui_attr(ROLE_HEADER));
	import_summary(sum, sizeof sum, r);
	str_printf(line, sizeof line, " %s%s%s", sum, r->warnings[0] ? "; " : "", r->warnings);
	widget_blank(w, y0 + 1, 0, a->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, y0 + 1, 0, a->cols, line, ui_attr(r->n_error ? ROLE_BAD : ROLE_NORMAL));
	if (full)
		list_invalidate(&m->list);
	list_draw(&m->list, w);
	/* The selected row in full (a reason is often cut in the list). */
	widget_blank(w, a->rows - 2, 0, a->cols, ui_attr(ROLE_NORMAL));
	if (m->list.sel >= 0 && m->list.sel < (int)r->n) {
		const struct import_row *s = &r->rows[m->list.sel];

		if (s->status == IMP_ERROR)
			str_printf(line, sizeof line, _(" line %d: error: %s (%s %s)"), s->line,
				   s->reason, s->delegation, s->name);
		else
			str_printf(line, sizeof line, _(" line %d: %s %s %s"), s->line,
				   status_word(s->status), s->delegation, s->name);
		widget_text_fit(w, a->rows - 2, 0, a->cols, line, ui_attr(ROLE_DIM));
	}
	if (valid)
		str_printf(line, sizeof line,
			   ngettext(" y imports the %d valid row in one transaction; n or Esc cancels",
				    " y imports the %d valid rows in one transaction; n or Esc cancels",
				    (unsigned long)valid), valid);
	else
		str_printf(line, sizeof line, "%s", _(" Nothing to import; n or Esc closes"));
	widget_blank(w, a->rows - 1, 0, a->cols, ui_attr(ROLE_NORMAL));
	widget_text_fit(w, a->rows - 1, 0, a->cols, line, ui_attr(ROLE_MARK));
}
