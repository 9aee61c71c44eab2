/*
 * widgets.c — safe text output (UTF-8 widths, escaped control characters,
 * '?' under a non-UTF-8 locale), the list widget with row-level repaint,
 * and the one-line editor. Nothing here refreshes the terminal.
 */
#include "widgets.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "util.h"

/* ---- UTF-8 ---- */

int widget_utf8_decode(const char *s, size_t n, unsigned *cp, bool *bad)
{
	size_t len;

	*bad = false;
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	len = utf8_decode(s, n, cp);
	if (len == 0) {
		*bad = true;
		*cp = 0xFFFD;
		return 1;
	}
	return (int)len;
}

bool widget_utf8_locale(void)
{
	static int cached = -1;

	if (cached < 0) {
		const char *cs = nl_langinfo(CODESET);

		cached = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	}
	return cached;
}

/* Cells of code point cp as drawn: -1 means "escape it". */
static int cell_width(unsigned cp)
{
	int wd;

	/* Bidi controls and zero-width characters would reorder or hide what
	 * follows on the terminal: escaped like the controls (issue 12). */
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || utf8_is_invisible(cp))
		return -1;
	if (cp < 0x7F)
		return 1;
	if (!widget_utf8_locale())
		return 1; /* drawn as '?' */
	wd = wcwidth((wchar_t)cp);
	return wd < 0 ? 1 : wd; /* unprintable: drawn as '?' */
}

/* The escaped form of a control code point or a bad byte. */
static int escape_text(unsigned cp, bool bad, unsigned char byte, char *out, size_t size)
{
	if (!bad && utf8_is_invisible(cp))
		return str_printf(out, size, "<U+%04X>", cp);
	if (bad || (cp >= 0x80 && cp < 0xA0))
		return str_printf(out, size, "\\x%02x", bad ? byte : cp);
	if (cp == 0x7F)
		return str_printf(out, size, "^?");
	return str_printf(out, size, "^%c", (char)(cp + '@'));
}

int widget_text_width(const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int cells = 0;

	while (i < n) {
		unsigned cp;
		bool bad;
		int used, wd;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			cells++; /* printable ASCII */
			i++;
			continue;
		}
		used = widget_utf8_decode(s + i, n - i, &cp, &bad);
		wd = bad ? 4 : cell_width(cp);
		if (wd < 0)
			wd = utf8_is_invisible(cp) ? 8 : (cp >= 0x80) ? 4 : 2;
		cells += wd;
		i += (size_t)used;
	}
	return cells;
}

/* Cells of one code point in a wrapped line (escaped ones as drawn). */
static int wrap_cells(unsigned cp, bool bad)
{
	int wd = bad ? 4 : cell_width(cp);

	return wd < 0 ? (cp >= 0x80 ? 4 : 2) : wd;
}

char **widget_wrap(const char *s, int width, int *n)
{
	const char *p = s ? s : "";
	char **v = NULL;
	int cap = 0;

	*n = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		const char *q = p, *brk = NULL, *end, *next;
		int cells = 0;

		while (*q && *q != '\n') {
			unsigned cp;
			bool bad;
			int used = widget_utf8_decode(q, strlen(q), &cp, &bad);
			int wd = wrap_cells(cp, bad);

			if (cells + wd > width && q > p)
				break;
			cells += wd;
			q += used;
			if (cp == ' ')
				brk = q;
		}
		end = next = q;
		if (*q == '\n') {
			next = q + 1;
		} else if (*q && brk) {
			end = next = brk; /* after the last space that fits */
		}
		while (end > p && end[-1] == ' ')
			end--;
		if (*n == cap)
			v = xrealloc(v, (size_t)(cap = cap ? 2 * cap : 16) * sizeof *v);
		v[*n] = xmalloc((size_t)(end - p) + 1);
		memcpy(v[*n], p, (size_t)(end - p));
		v[(*n)++][end - p] = '\0';
		if (!*q)
			break;
		p = next;
	}
	return v;
}

void widget_wrap_free(char ***v, int n)
{
	for (int i = 0; *v && i < n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
}

void widget_blank(WINDOW *w, int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	/* One call instead of width waddch() calls (this runs on every row
	 * repaint). whline takes the attribute with the character. */
	wattrset(w, attr);
	mvwhline(w, y, x, ' ' | (chtype)attr, width);
}

/* Cells of widget_text waiting to be put in the window in one call: a
 * waddch per character went through ncurses' character rendering each
 * time, most of the CPU of a row repaint (issue 16). */
struct cells {
	WINDOW *w;
	int y, x;      /* where cell[0] goes */
	int n;
	attr_t attr;   /* without the colour pair */
	short pair;
	cchar_t cell[128];
};

static void cells_flush(struct cells *c)
{
	if (c->n > 0)
		mvwadd_wchnstr(c->w, c->y, c->x, c->cell, c->n);
	c->x += c->n; /* one cell per entry, except wide ones: see cells_put */
	c->n = 0;
}

/* One character of wd cells at the next place. */
static void cells_put(struct cells *c, wchar_t wc, int wd)
{
	if (c->n == (int)ARRAY_SIZE(c->cell))
		cells_flush(c);
#if defined(NCURSES_VERSION) && defined(NCURSES_EXT_COLORS)
	/* What setcchar() stores (curses.h: the attributes with the pair
	 * up to 255, the pair in ext_color), without its checks: this runs
	 * for every character of every row drawn. */
	{
		cchar_t *cc = &c->cell[c->n++];

		memset(cc, 0, sizeof *cc);
		cc->attr = c->attr | (attr_t)COLOR_PAIR(c->pair);
		cc->chars[0] = wc;
		cc->ext_color = c->pair;
	}
#else
	{
		wchar_t one[2] = { wc, 0 };

		setcchar(&c->cell[c->n++], one, c->attr, c->pair, NULL);
	}
#endif
	if (wd > 1) {
		/* mvwadd_wchnstr fills the wide character's second cell: the
		 * next entry starts after it. */
		cells_flush(c);
		c->x += wd - 1;
	}
}

/* The cursor after the text, as waddch left it. */
static void text_cursor(WINDOW *w, int y, int x)
{
	if (x <= getmaxx(w) - 1)
		wmove(w, y, x);
	else if (y < getmaxy(w) - 1)
		wmove(w, y + 1, 0);
}

int widget_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int used_cells = 0;
	bool utf8 = widget_utf8_locale();
	struct cells c = { .w = w, .y = y, .x = x, .attr = attr & ~A_COLOR,
			   .pair = (short)PAIR_NUMBER(attr) };

	if (width <= 0)
		return 0;
	wattrset(w, attr);
	if (wmove(w, y, x) == ERR)
		return 0;
	while (i < n && used_cells < width) {
		unsigned cp;
		bool bad;
		int used, wd;

		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			/* Printable ASCII, most of what is drawn: one cell. */
			cells_put(&c, (wchar_t)s[i++], 1);
			used_cells++;
			continue;
		}
		used = widget_utf8_decode(s + i, n - i, &cp, &bad);
		wd = bad ? -1 : cell_width(cp);
		if (wd < 0) {
			char esc[12];
			int len = escape_text(cp, bad, (unsigned char)s[i], esc, sizeof esc);

			if (used_cells + len > width)
				break;
			for (int k = 0; k < len; k++)
				cells_put(&c, (wchar_t)(unsigned char)esc[k], 1);
			used_cells += len;
		} else if (wd == 0) {
			wchar_t wc[2] = { (wchar_t)cp, 0 };

			if (utf8 && used_cells > 0) {
				cells_flush(&c); /* combines with the previous cell */
				wmove(w, y, x + used_cells);
				waddnwstr(w, wc, 1);
			}
		} else {
			if (used_cells + wd > width)
				break;
			if (cp < 0x80)
				cells_put(&c, (wchar_t)cp, 1);
			else if (!utf8 || wcwidth((wchar_t)cp) < 0)
				cells_put(&c, L'?', 1);
			else
				cells_put(&c, (wchar_t)cp, wd);
			used_cells += wd;
		}
		i += (size_t)used;
	}
	cells_flush(&c);
	if (pad && used_cells < width) {
		mvwhline(w, y, x + used_cells, ' ' | (chtype)attr, width - used_cells);
		used_cells = width;
	}
	text_cursor(w, y, x + used_cells);
	return used_cells;
}

int widget_text_fit(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	int used;

	if (width <= 1 || widget_text_width(s) <= width)
		return widget_text(w, y, x, width, s, attr, false);
	used = widget_text(w, y, x, width - 1, s, attr, false);
	if (widget_utf8_locale()) {
		wchar_t ell[2] = { 0x2026, 0 };

		waddnwstr(w, ell, 1);
	} else {
		waddch(w, '~');
	}
	return used + 1;
}

int widget_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	int wd = widget_text_width(s);

	if (wd > width)
		wd = width;
	return widget_text(w, y, x + width - wd, wd, s, attr, false);
}

bool widget_match(const char *haystack, const char *needle)
{
	size_t nl;

	if (!haystack || !needle)
		return false;
	nl = strlen(needle);
	if (nl == 0)
		return true;
	for (const char *p = haystack; *p; p++)
		if (strncasecmp(p, needle, nl) == 0)
			return true;
	return false;
}

/* ---- list ---- */

void list_init(struct list *l, list_draw_fn draw, list_text_fn text, void *ud)
{
	memset(l, 0, sizeof *l);
	l->draw_row = draw;
	l->row_text = text;
	l->ud = ud;
	l->sel = -1;
	l->drawn_sel = -1;
	l->bar_index = -1;
	l->full = true;
	l->focused = true;
}

static void list_scroll_into_view(struct list *l)
{
	int h = l->height > 0 ? l->height : 1;

	if (l->sel < 0) {
		l->top = 0;
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	if (l->top > l->count - h)
		l->top = l->count - h;
	if (l->top < 0)
		l->top = 0;
}

void list_place(struct list *l, int y, int x, int height, int width)
{
	l->y = y;
	l->x = x;
	l->height = height > 0 ? height : 0;
	l->width = width > 0 ? width : 0;
	list_scroll_into_view(l);
	l->full = true;
}

void list_set_count(struct list *l, int count)
{
	if (count != l->count)
		l->full = true;
	l->count = count > 0 ? count : 0;
	if (l->count == 0)
		l->sel = -1;
	else if (l->sel < 0)
		l->sel = 0;
	else if (l->sel >= l->count)
		l->sel = l->count - 1;
	list_scroll_into_view(l);
}

void list_select(struct list *l, int i)
{
	if (l->count == 0) {
		l->sel = -1;
		return;
	}
	if (i < 0)
		i = 0;
	if (i >= l->count)
		i = l->count - 1;
	l->sel = i;
	list_scroll_into_view(l);
}

void list_invalidate(struct list *l)
{
	l->full = true;
	l->bar_index = -1;
}

unsigned list_handle(struct list *l, int key)
{
	int old_sel = l->sel, old_top = l->top, h = l->height > 1 ? l->height : 1;

	switch (keys_nav(key)) {
	case NAV_UP:
		list_select(l, l->sel - 1);
		break;
	case NAV_DOWN:
		list_select(l, l->sel + 1);
		break;
	case NAV_PGUP:
		l->top -= h;
		if (l->top < 0)
			l->top = 0;
		list_select(l, l->sel - h);
		break;
	case NAV_PGDN:
		if (l->top + h < l->count)
			l->top += h;
		list_select(l, l->sel + h);
		break;
	case NAV_HOME:
		list_select(l, 0);
		break;
	case NAV_END:
		list_select(l, l->count - 1);
		break;
	default:
		return H_IGNORED;
	}
	if (l->sel == old_sel && l->top == old_top)
		return H_DONE;
	return H_DONE | H_REDRAW;
}

/* Remember the attributes of row y as runs, before the bar covers them
 * (bar_runs -1 when the row has more runs than kept). */
static void bar_save(struct list *l, WINDOW *w, int y)
{
	cchar_t cell[256];
	int n = l->width < (int)ARRAY_SIZE(cell) ? l->width : (int)ARRAY_SIZE(cell);

	l->bar_runs = -1;
	if (n < l->width || mvwin_wchnstr(w, y, l->x, cell, n) == ERR)
		return;
	l->bar_runs = 0;
	for (int x = 0; x < n; x++) {
		attr_t a;
		short pair;
		struct list_run *r = l->bar_runs ? &l->bar_run[l->bar_runs - 1] : NULL;

#if defined(NCURSES_VERSION) && defined(NCURSES_EXT_COLORS)
		/* What getcchar() reads (ncurses' GetPair), without its copy
		 * of the characters: 100 instructions a cell. */
		a = cell[x].attr;
		pair = (short)(cell[x].ext_color ? cell[x].ext_color : PAIR_NUMBER(a));
#else
		wchar_t wc[CCHARW_MAX + 1];

		if (getcchar(&cell[x], wc, &a, &pair, NULL) == ERR) {
			l->bar_runs = -1;
			return;
		}
#endif
		a &= ~A_COLOR;
		if (r && r->attr == a && r->pair == pair) {
			r->len++;
			continue;
		}
		if (l->bar_runs == (int)ARRAY_SIZE(l->bar_run)) {
			l->bar_runs = -1;
			return;
		}
		l->bar_run[l->bar_runs++] = (struct list_run){ (short)x, 1, pair, a };
	}
}

static void bar_apply(struct list *l, WINDOW *w, int y, int index)
{
	attr_t sel = ui_attr(ROLE_SELECTED);

	if (ui_low_bandwidth()) {
		wattrset(w, ui_attr(ROLE_NORMAL));
		mvwaddch(w, y, l->x, '>');
		return;
	}
	l->bar_runs = -1;
	if (l->cells_kept)
		bar_save(l, w, y);
	l->bar_index = index;
	mvwchgat(w, y, l->x, l->width, sel & ~A_COLOR, (short)PAIR_NUMBER(sel), NULL);
}

static void list_paint_row(struct list *l, WINDOW *w, int index)
{
	int y = l->y + (index - l->top);

	if (index == l->bar_index)
		l->bar_index = -1;
	widget_blank(w, y, l->x, l->width, ui_attr(ROLE_NORMAL));
	if (index < 0 || index >= l->count)
		return;
	l->draw_row(l->ud, w, y, l->x + 1, l->width - 1, index);
	if (index == l->sel && l->focused)
		bar_apply(l, w, y, index);
	l->rows_painted++;
}

/* Row index's selection state changed: with cells_kept its text is in
 * the window already, only the bar comes (the row is plain: no other row
 * has the bar) or goes (the row gets its own attributes back); else the
 * row is painted again. */
static void list_mark_row(struct list *l, WINDOW *w, int index)
{
	int y = l->y + (index - l->top);
	bool bar = index == l->sel && l->focused;

	if (!l->cells_kept || ui_low_bandwidth() || index < 0 || index >= l->count ||
	    (bar ? index == l->bar_index : index != l->bar_index || l->bar_runs < 0)) {
		list_paint_row(l, w, index);
		return;
	}
	if (bar) {
		bar_apply(l, w, y, index);
	} else {
		for (int r = 0; r < l->bar_runs; r++)
			mvwchgat(w, y, l->x + l->bar_run[r].x, l->bar_run[r].len, l->bar_run[r].attr,
				 l->bar_run[r].pair, NULL);
		l->bar_index = -1;
	}
	l->rows_painted++;
}

/* The list scrolled by d rows (0 < |d| < height): move the rows already
 * drawn with wscrl and paint only the rows that came into view, so a
 * scroll costs one row of drawing (curses then sends a terminal scroll). */
static void list_scroll(struct list *l, WINDOW *w, int d)
{
	int maxy = getmaxy(w), first, last;

	wsetscrreg(w, l->y, l->y + l->height - 1);
	scrollok(w, TRUE);
	wscrl(w, d);
	scrollok(w, FALSE);
	wsetscrreg(w, 0, maxy - 1);
	first = d > 0 ? l->top + l->height - d : l->top;
	last = d > 0 ? l->top + l->height - 1 : l->top - d - 1;
	/* The bar leaves first: the row it lands on may be a new one. */
	if (l->drawn_sel != l->sel && l->drawn_sel >= l->top && l->drawn_sel < l->top + l->height &&
	    (l->drawn_sel < first || l->drawn_sel > last))
		list_mark_row(l, w, l->drawn_sel);
	for (int i = first; i <= last; i++) {
		if (i < l->count)
			list_paint_row(l, w, i);
		else
			widget_blank(w, l->y + (i - l->top), l->x, l->width, ui_attr(ROLE_NORMAL));
	}
	if (l->sel >= 0 && (l->sel < first || l->sel > last))
		list_mark_row(l, w, l->sel);
}

void list_draw(struct list *l, WINDOW *w)
{
	int d = l->top - l->drawn_top;

	l->rows_painted = 0;
	if (!l->full && d != 0 && d < l->height && -d < l->height) {
		list_scroll(l, w, d);
	} else if (l->full || d != 0) {
		l->bar_index = -1;
		for (int r = 0; r < l->height; r++) {
			int index = l->top + r;

			if (index < l->count)
				list_paint_row(l, w, index);
			else
				widget_blank(w, l->y + r, l->x, l->width, ui_attr(ROLE_NORMAL));
		}
	} else if (l->sel != l->drawn_sel) {
		if (l->drawn_sel >= l->top && l->drawn_sel < l->top + l->height)
			list_mark_row(l, w, l->drawn_sel);
		if (l->sel >= 0)
			list_mark_row(l, w, l->sel);
	}
	l->full = false;
	l->drawn_sel = l->sel;
	l->drawn_top = l->top;
}

bool list_search(struct list *l, const char *needle, bool next)
{
	int start;

	if (!l->row_text || l->count == 0 || !needle || !*needle)
		return false;
	start = l->sel < 0 ? 0 : l->sel + (next ? 1 : 0);
	for (int k = 0; k < l->count; k++) {
		int i = (start + k) % l->count;

		if (widget_match(l->row_text(l->ud, i), needle)) {
			list_select(l, i);
			return true;
		}
	}
	return false;
}

/* ---- one-line editor ---- */

static void le_reserve(struct lineedit *e, int need)
{
	if (need + 1 <= e->cap)
		return;
	while (e->cap < need + 1)
		e->cap = e->cap ? e->cap * 2 : 64;
	e->buf = xrealloc(e->buf, (size_t)e->cap * sizeof *e->buf);
}

void lineedit_set(struct lineedit *e, const char *utf8)
{
	size_t n = utf8 ? strlen(utf8) : 0, i = 0;

	e->len = e->cur = e->scroll = 0;
	le_reserve(e, (int)n + 1);
	while (i < n) {
		unsigned cp;
		bool bad;

		i += (size_t)widget_utf8_decode(utf8 + i, n - i, &cp, &bad);
		if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0))
			e->buf[e->len++] = (wchar_t)cp;
	}
	e->buf[e->len] = 0;
	e->cur = e->len;
}

void lineedit_init(struct lineedit *e, const char *utf8)
{
	memset(e, 0, sizeof *e);
	lineedit_set(e, utf8);
}

void lineedit_free(struct lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static void le_delete(struct lineedit *e, int from, int to)
{
	if (from < 0)
		from = 0;
	if (to > e->len)
		to = e->len;
	if (from >= to)
		return;
	memmove(e->buf + from, e->buf + to, (size_t)(e->len - to + 1) * sizeof *e->buf);
	e->len -= to - from;
	if (e->cur > to)
		e->cur -= to - from;
	else if (e->cur > from)
		e->cur = from;
}

bool lineedit_handle(struct lineedit *e, int key)
{
	switch (key) {
	case K_LEFT:
		if (e->cur > 0)
			e->cur--;
		return true;
	case K_RIGHT:
		if (e->cur < e->len)
			e->cur++;
		return true;
	case K_HOME:
	case K_CTRL('a'):
		e->cur = 0;
		return true;
	case K_END:
	case K_CTRL('e'):
		e->cur = e->len;
		return true;
	case K_BS:
		le_delete(e, e->cur - 1, e->cur);
		return true;
	case K_DEL:
	case K_CTRL('d'):
		le_delete(e, e->cur, e->cur + 1);
		return true;
	case K_CTRL('u'):
		le_delete(e, 0, e->cur);
		return true;
	case K_CTRL('k'):
		le_delete(e, e->cur, e->len);
		return true;
	case K_CTRL('w'): {
		int p = e->cur;

		while (p > 0 && e->buf[p - 1] == ' ')
			p--;
		while (p > 0 && e->buf[p - 1] != ' ')
			p--;
		le_delete(e, p, e->cur);
		return true;
	}
	default:
		break;
	}
	if (key < 0x20 || key == 0x7F || (key >= 0x80 && key < 0xA0) || key >= 0x110000 ||
	    (key >= 0xD800 && key <= 0xDFFF))
		return false;
	le_reserve(e, e->len + 1);
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (size_t)(e->len - e->cur + 1) * sizeof *e->buf);
	e->buf[e->cur++] = (wchar_t)key;
	e->len++;
	return true;
}

char *lineedit_text(const struct lineedit *e)
{
	char *out = xmalloc((size_t)e->len * 4 + 1);
	size_t n = 0;

	for (int i = 0; i < e->len; i++)
		n += utf8_encode((unsigned)e->buf[i], out + n);
	out[n] = '\0';
	return out;
}

static int le_cells(wchar_t c)
{
	int wd = cell_width((unsigned)c);

	return wd < 1 ? 1 : wd;
}

void lineedit_draw(struct lineedit *e, WINDOW *w, int y, int x, int width, attr_t attr)
{
	int cells = 0, cx = x;
	bool utf8 = widget_utf8_locale();

	if (width <= 1)
		return;
	if (e->cur < e->scroll)
		e->scroll = e->cur;
	for (;;) { /* keep the cursor inside, with one cell to spare */
		int c = 0;

		for (int i = e->scroll; i < e->cur; i++)
			c += le_cells(e->buf[i]);
		if (c < width || e->scroll >= e->cur)
			break;
		e->scroll++;
	}
	wattrset(w, attr);
	wmove(w, y, x);
	for (int i = e->scroll; i < e->len; i++) {
		int wd = le_cells(e->buf[i]);
		wchar_t wc[2] = { e->buf[i], 0 };

		if (cells + wd > width)
			break;
		if (i == e->cur)
			cx = x + cells;
		if (e->buf[i] < 0x80)
			waddch(w, (chtype)e->buf[i]);
		else if (!utf8 || wcwidth(e->buf[i]) < 1)
			waddch(w, '?');
		else
			waddnwstr(w, wc, 1);
		cells += wd;
	}
	if (e->cur >= e->len)
		cx = x + cells;
	for (int k = cells; k < width; k++)
		waddch(w, ' ');
	wmove(w, y, cx < x + width ? cx : x + width - 1);
}
