/*
 * ui_view.c — the whole text of something cut on a screen (a summary of
 * the Floor log, an entry of the Minutes, the last answer of the message
 * line): it covers the body, wrapped to its width, scrolls with the
 * movement keys and closes with Esc, Enter or q (declared in screen.h).
 * Like help, it is the shell's: the screen under it keeps its state.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "keys.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

static struct {
	char *title, *text;
	char **wrapped;
	int n, cols, top;
} view;

static void view_free(void)
{
	widget_wrap_free(&view.wrapped, view.n);
	xfree(&view.title);
	xfree(&view.text);
	view.n = view.cols = view.top = 0;
}

void ui_view_text(const char *title, const char *text)
{
	view_free();
	view.title = xstrdup(title ? title : "");
	view.text = xstrdup(text ? text : "");
	ui.view_open = true;
	ui.body_dirty = ui.body_full = true;
	ui.hints_dirty = true;
}

void ui_view_close(void)
{
	if (!ui.view_open)
		return;
	view_free();
	ui.view_open = false;
	ui.body_dirty = ui.body_full = true;
	ui.hints_dirty = true;
}

/* Text rows of the body: below the title, above the position line. */
static int text_rows(void)
{
	int h = ui.rows - 4 - 2;

	return h < 1 ? 1 : h;
}

void ui_view_draw(WINDOW *w)
{
	int h = text_rows(), y;
	char pos[64];

	if (view.cols != ui.cols) {
		widget_wrap_free(&view.wrapped, view.n);
		view.wrapped = widget_wrap(view.text, ui.cols - 2, &view.n);
		view.cols = ui.cols;
	}
	if (view.top > view.n - h)
		view.top = view.n - h;
	if (view.top < 0)
		view.top = 0;
	werase(w);
	widget_text(w, 0, 0, ui.cols, view.title, ui_attr(ROLE_HEADER), true);
	for (y = 0; y < h && view.top + y < view.n; y++)
		widget_text(w, 1 + y, 1, ui.cols - 2, view.wrapped[view.top + y], ui_attr(ROLE_NORMAL),
			    false);
	if (view.n > h) {
		str_printf(pos, sizeof pos, _("lines %d-%d of %d"), view.top + 1,
			   view.top + y, view.n);
		widget_text_right(w, h + 1, 0, ui.cols, pos, ui_attr(ROLE_DIM));
	}
}

unsigned ui_view_handle(int key)
{
	int h = text_rows(), top = view.top;

	if (key == K_ESC || key == K_ENTER || key == 'q') {
		ui_view_close();
		return H_DONE;
	}
	switch (keys_nav(key)) {
	case NAV_DOWN: top++; break;
	case NAV_UP: top--; break;
	case NAV_PGDN: top += h; break;
	case NAV_PGUP: top -= h; break;
	case NAV_HOME: top = 0; break;
	case NAV_END: top = view.n - h; break;
	default: return H_DONE; /* nothing else while the text is shown */
	}
	if (top > view.n - h)
		top = view.n - h;
	if (top < 0)
		top = 0;
	if (top != view.top) {
		view.top = top;
		ui.body_dirty = ui.body_full = true;
	}
	return H_DONE;
}
