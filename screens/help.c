/*
 * help.c — the help screen (? or F1), generated from the command table
 * and the movement table (keys.c), so that it never drifts from the
 * bindings (tig's help.c): the keys of the screen under it, the keys that
 * work everywhere, the movement keys, then every command of the `:`
 * vocabulary with its arguments.
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

struct help {
	struct help_row *rows;
	int n, cap;
	struct list list;
	char search_buf[512];
};

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

static void help_free_rows(struct help *h)
{
	for (int i = 0; i < h->n; i++)
		free(h->rows[i].text);
	free(h->rows);
	h->rows = NULL;
	h->n = h->cap = 0;
}

static void draw_row(void *ud, WINDOW *w, int y, int x, int width, int i)
{
	struct help *h = ud;
	const struct help_row *r = &h->rows[i];
	int kw = 12, cw = 36;

	if (!r->help) {
		widget_text(w, y, x, width, r->text, ui_attr(ROLE_HEADER), false);
		return;
	}
	if (r->keys)
		widget_text(w, y, x + 1, kw - 2, r->keys, ui_attr(ROLE_MARK), false);
	widget_text(w, y, x + kw, cw - 1, r->text, ui_attr(ROLE_NORMAL), false);
	widget_text(w, y, x + kw + cw, width - kw - cw, r->help, ui_attr(ROLE_NORMAL), false);
}

static const char *row_text(void *ud, int i)
{
	struct help *h = ud;
	const struct help_row *r = &h->rows[i];

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
	list_set_count(&h->list, h->n);
	list_select(&h->list, 0);
	list_invalidate(&h->list);
	return 0;
}

static void help_layout(struct screen *s, int rows, int cols)
{
	struct help *h = s->data;

	if (h)
		list_place(&h->list, 0, 0, rows, cols);
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
