/*
 * recs_text.c — a scrolling view of lines made of attributed spans, for
 * the detail view and the word diff of the Recommendations screen. Texts
 * are word-wrapped with the editor's layout (editor_buf.c), so a text
 * reads the same in the view and in the editor.
 */
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "recs_screen.h"
#include "util.h"

void tv_clear(struct tview *v)
{
	for (size_t i = 0; i < v->n; i++) {
		for (int k = 0; k < v->lines[i].n; k++)
			free(v->lines[i].spans[k].text);
		free(v->lines[i].spans);
	}
	free(v->lines);
	v->lines = NULL;
	v->n = v->cap = 0;
}

void tv_line(struct tview *v)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 32;
		v->lines = xrealloc(v->lines, v->cap * sizeof *v->lines);
	}
	v->lines[v->n].spans = NULL;
	v->lines[v->n].n = 0;
	v->n++;
}

void tv_span(struct tview *v, const char *text, attr_t attr)
{
	struct tline *l;

	if (!v->n)
		tv_line(v);
	l = &v->lines[v->n - 1];
	l->spans = xrealloc(l->spans, (size_t)(l->n + 1) * sizeof *l->spans);
	l->spans[l->n].text = xstrdup(text ? text : "");
	l->spans[l->n].attr = attr;
	l->n++;
}

/* Encode code points [from, to) of b as UTF-8 into a malloc'd string. */
static char *slice(const struct edbuf *b, size_t from, size_t to)
{
	struct edbuf tmp = { .text = b->text + from, .len = to - from };

	return ed_text(&tmp);
}

void tv_wrap_attrs(struct tview *v, const char *text, const attr_t *attrs, int width, int indent)
{
	struct edbuf b;
	const struct ed_row *rows;
	size_t n;
	char pad[64];

	if (indent > (int)sizeof pad - 1)
		indent = (int)sizeof pad - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	ed_init(&b, text, width - indent - 1);
	rows = ed_rows(&b, &n);
	for (size_t i = 0; i < n; i++) {
		size_t s = rows[i].start;

		tv_line(v);
		if (indent)
			tv_span(v, pad, 0);
		while (s < rows[i].end) {
			size_t e = s + 1;
			char *t;

			while (e < rows[i].end && attrs[e] == attrs[s])
				e++;
			t = slice(&b, s, e);
			tv_span(v, t, attrs[s]);
			free(t);
			s = e;
		}
	}
	ed_free(&b);
}

void tv_wrap(struct tview *v, const char *text, attr_t attr, int width, int indent)
{
	struct edbuf b;
	const struct ed_row *rows;
	size_t n;
	char pad[64];

	if (indent > (int)sizeof pad - 1)
		indent = (int)sizeof pad - 1;
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	ed_init(&b, text, width - indent - 1);
	rows = ed_rows(&b, &n);
	for (size_t i = 0; i < n; i++) {
		char *t = slice(&b, rows[i].start, rows[i].end);

		tv_line(v);
		if (indent)
			tv_span(v, pad, 0);
		tv_span(v, t, attr);
		free(t);
	}
	ed_free(&b);
}

void tv_draw(struct tview *v, WINDOW *w, int y, int height, int width)
{
	for (int i = 0; i < height; i++) {
		size_t k = v->scroll + (size_t)i;
		int x = 0;

		if (k < v->n)
			for (int s = 0; s < v->lines[k].n && x < width; s++)
				x += widget_text(w, y + i, x, width - x, v->lines[k].spans[s].text,
						 v->lines[k].spans[s].attr, false);
		widget_blank(w, y + i, x, width - x, ui_attr(ROLE_NORMAL));
	}
}

unsigned tv_handle(struct tview *v, int key, int height)
{
	size_t old = v->scroll, page = height > 1 ? (size_t)height - 1 : 1;
	size_t max = v->n > (size_t)height ? v->n - (size_t)height : 0;

	switch (keys_nav(key)) {
	case NAV_UP:
		if (v->scroll > 0)
			v->scroll--;
		break;
	case NAV_DOWN:
		v->scroll++;
		break;
	case NAV_PGUP:
		v->scroll = v->scroll > page ? v->scroll - page : 0;
		break;
	case NAV_PGDN:
		v->scroll += page;
		break;
	case NAV_HOME:
		v->scroll = 0;
		break;
	case NAV_END:
		v->scroll = max;
		break;
	default:
		return H_IGNORED;
	}
	if (v->scroll > max)
		v->scroll = max;
	return v->scroll != old ? H_DONE | H_REDRAW : H_DONE;
}
