/*
 * help.c — the help screen (? or F1), generated from the command table
 * and the movement table (keys.c), so that it never drifts from the
 * bindings (tig's help.c): the keys of the screen under it, the keys that
 * work everywhere, the movement keys, then every command of the `:`
 * vocabulary with its arguments. A row too long for its columns wraps
 * onto continuation lines, indented (help_wrap).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "screen.h"
#include "util.h"
#include "widgets.h"

struct help_row {
	const char *keys;   /* NULL for a heading or a command-only row */
	char *text;         /* heading, or "name args" */
	const char *help;   /* translated, or NULL */
};

/* One screen line of the help: a row's text and help wrapped to their
 * columns (issue 11: never cut), continuation lines indented. */
struct help_line {
	int row;            /* index in rows */
	bool first;         /* the row's first line: keys, search text */
	char *text, *help;  /* this line's part of each column */
};

struct help {
	struct help_row *rows;
	int n, cap;
	struct help_line *lines;
	int nlines, cols;
	struct list list;
	char search_buf[512];
};

/* Key rows leave 12 cells for the keys; command rows (no keys) 2. */
enum { KEY_W = 12, CMD_INDENT = 2, TEXT_W = 36 };

static void add(struct help *h, const char *keys, char *text, const char *help)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->rows = xrealloc(h->rows, (size_t)h->cap * sizeof *h->rows);
	}
	h->rows[h->n].keys = keys;
	h->rows[h->n].text = text;
	h->rows[h->n].help = help;
	h->n++;
}

static void free_lines(struct help *h)
{
	for (int i = 0; i < h->nlines; i++) {
		free(h->lines[i].text);
		free(h->lines[i].help);
	}
	free(h->lines);
	h->lines = NULL;
	h->nlines = 0;
}

static void help_free_rows(struct help *h)
{
	free_lines(h);
	for (int i = 0; i < h->n; i++)
		free(h->rows[i].text);
	free(h->rows);
	h->rows = NULL;
	h->n = h->cap = 0;
}

/* s wrapped to width cells, the lines after the first indented by two
 * cells (and wrapped to width - 2). Returns *n malloc'd lines. */
static char **wrap_indented(const char *s, int width, int *n)
{
	char **first = widget_wrap(s, width, n), **rest, **v;
	const char *p;
	int nrest;

	if (*n <= 1 || width <= 4)
		return first;
	/* The first line is a prefix of s: wrap what follows it narrower. */
	for (p = s + strlen(first[0]); *p == ' '; p++)
		;
	rest = widget_wrap(p, width - 2, &nrest);
	v = xmalloc((size_t)(nrest + 1) * sizeof *v);
	v[0] = first[0];
	first[0] = NULL;
	widget_wrap_free(&first, *n);
	for (int i = 0; i < nrest; i++)
		v[i + 1] = xasprintf("  %s", rest[i]);
	widget_wrap_free(&rest, nrest);
	*n = nrest + 1;
	return v;
}

/* Lay the rows out as lines for a body of cols columns. */
static void help_wrap(struct help *h, int cols)
{
	int cap = 0;

	free_lines(h);
	h->cols = cols;
	for (int i = 0; i < h->n; i++) {
		const struct help_row *r = &h->rows[i];
		int x = r->keys ? KEY_W : CMD_INDENT, nt = 1, nh = 0;
		char **t, **hl = NULL;

		if (r->help) {
			t = wrap_indented(r->text, TEXT_W - 1, &nt);
			/* The list keeps its first cell for the marker. */
			int hw = cols - 1 - x - TEXT_W;

			hl = wrap_indented(r->help, hw > 8 ? hw : 8, &nh);
		} else {
			t = xmalloc(sizeof *t);
			t[0] = xstrdup(r->text); /* a heading: one line */
		}
		for (int k = 0; k < (nt > nh ? nt : nh); k++) {
			if (h->nlines == cap)
				h->lines = xrealloc(h->lines,
						    (size_t)(cap = cap ? 2 * cap : 128) * sizeof *h->lines);
			h->lines[h->nlines++] = (struct help_line){
				.row = i, .first = k == 0,
				.text = k < nt ? t[k] : xstrdup(""),
				.help = k < nh ? hl[k] : NULL,
			};
		}
		free(t); /* the strings moved to the lines */
		free(hl);
	}
	list_set_count(&h->list, h->nlines);
	list_invalidate(&h->list);
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct help *h = ud;
	const struct help_line *l = &h->lines[i];
	const struct help_row *r = &h->rows[l->row];
	int kw = r->keys ? KEY_W : CMD_INDENT;

	if (!r->help) {
		widget_text(w, y, x, width, l->text, ui_attr(ROLE_HEADER), false);
		return;
	}
	if (r->keys && l->first)
		widget_text(w, y, x + 1, kw - 2, r->keys, ui_attr(ROLE_MARK), false);
	widget_text(w, y, x + kw, TEXT_W - 1, l->text, ui_attr(ROLE_NORMAL), false);
	if (l->help)
		widget_text(w, y, x + kw + TEXT_W, width - kw - TEXT_W, l->help,
			    ui_attr(ROLE_NORMAL), false);
}

/* A row is found by its first line only, so that n goes to the next row. */
static const char *row_text(void *ud, int i)
{
	struct help *h = ud;
	const struct help_row *r = &h->rows[h->lines[i].row];

	if (!h->lines[i].first)
		return "";
	str_printf(h->search_buf, sizeof h->search_buf, "%s %s %s", r->keys ? r->keys : "",
		   r->text, r->help ? r->help : "");
	return h->search_buf;
}

static int help_open(struct screen *s, struct app *app)
{
	struct help *h = s->data;
	int tab = ui_current_tab();

	if (!h) {
		h = s->data = xcalloc(1, sizeof *h);
		list_init(&h->list, draw_row, row_text, h);
	}
	help_free_rows(h);
	add(h, NULL, xasprintf(_("Keys of the %s screen"), _(ui_tab_name(tab))), NULL);
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];

		if (d->keys && (d->screens & ON(tab)) &&
		    (!(d->flags & CMD_UI) || (d->flags & CMD_LOCAL)) && role_allows(&app->role, d))
			add(h, d->keys, xasprintf("%s %s", d->name, d->args), _(d->help));
	}
	add(h, NULL, xstrdup(""), NULL);
	add(h, NULL, xstrdup(_("Everywhere")), NULL);
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];

		if (d->keys && (d->flags & CMD_UI) && !(d->flags & CMD_LOCAL))
			add(h, d->keys, xstrdup(d->name), _(d->help));
	}
	for (size_t i = 0; i < keys_nav_count; i++)
		add(h, keys_nav_table[i].keys, xstrdup(""), _(keys_nav_table[i].help));
	add(h, NULL, xstrdup(""), NULL);
	add(h, NULL, xstrdup(_("Commands (type : then the command; Tab completes)")), NULL);
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];

		if (!(d->flags & (CMD_UI | CMD_SUB)) && role_allows(&app->role, d))
			add(h, NULL, xasprintf("%s %s", d->name, d->args), _(d->help));
	}
	help_wrap(h, s->cols > 0 ? s->cols : 80);
	list_select(&h->list, 0);
	return 0;
}

static void help_layout(struct screen *s, int rows, int cols)
{
	struct help *h = s->data;

	if (h) {
		if (cols != h->cols)
			help_wrap(h, cols);
		list_place(&h->list, 0, 0, rows, cols);
	}
}

static void help_draw(struct screen *s, WINDOW *w)
{
	struct help *h = s->data;

	if (!h)
		return;
	if (s->full)
		list_invalidate(&h->list);
	list_draw(&h->list, w);
}

static unsigned help_handle(struct screen *s, struct app *app, const struct key_event *ev)
{
	struct help *h = s->data;

	(void)app;
	return h ? list_handle(&h->list, ev->key) : H_IGNORED;
}

static bool help_search(struct screen *s, const char *needle, bool next)
{
	struct help *h = s->data;

	return h && list_search(&h->list, needle, next);
}

static void help_close(struct screen *s)
{
	struct help *h = s->data;

	if (!h)
		return;
	help_free_rows(h);
	free(h);
	s->data = NULL;
}

const struct screen_ops help_screen_ops = {
	.name = N_("Help"),
	.open = help_open,
	.layout = help_layout,
	.draw = help_draw,
	.handle = help_handle,
	.close = help_close,
	.search = help_search,
};
