/*
 * keys.c — key names, normalisation of curses keys, the movement table,
 * the key → command lookup over command_table, and reading the next key
 * (from the terminal with a timeout, or from the test script).
 */
#include "keys.h"

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

const struct nav_binding keys_nav_table[] = {
	{ "Down j", NAV_DOWN, N_("move down") },
	{ "Up k", NAV_UP, N_("move up") },
	{ "PgDn C-f", NAV_PGDN, N_("next page") },
	{ "PgUp C-b", NAV_PGUP, N_("previous page") },
	{ "Home g", NAV_HOME, N_("first row") },
	{ "End G", NAV_END, N_("last row") },
	{ "Left h", NAV_LEFT, N_("previous pane (Floor: speakers, interventions)") },
	{ "Right l", NAV_RIGHT, N_("next pane") },
	{ "S-Tab", NAV_PREV_SCREEN, N_("previous screen") },
};
const size_t keys_nav_count = ARRAY_SIZE(keys_nav_table);

static const struct {
	const char *name;
	int key;
} names[] = {
	{ "Enter", K_ENTER }, { "Esc", K_ESC },     { "Tab", K_TAB },     { "S-Tab", K_BTAB },
	{ "BTab", K_BTAB },   { "BS", K_BS },       { "Del", K_DEL },     { "Up", K_UP },
	{ "Down", K_DOWN },   { "Left", K_LEFT },   { "Right", K_RIGHT }, { "Home", K_HOME },
	{ "End", K_END },     { "PgUp", K_PGUP },   { "PgDn", K_PGDN },   { "Space", ' ' },
	{ "LT", '<' },        { "Tick", K_TICK },   { "C-Left", K_WORD_LEFT },
	{ "C-Right", K_WORD_RIGHT },
};

int keys_from_curses(int is_fn, unsigned wch)
{
	if (!is_fn) {
		if (wch == '\r')
			return K_ENTER;
		if (wch == 127 || wch == 8)
			return K_BS;
		return (int)wch;
	}
	switch (wch) {
	case KEY_ENTER:
		return K_ENTER;
	case KEY_A1:
		return K_HOME;
	case KEY_C1:
		return K_END;
	case KEY_A3:
		return K_PGUP;
	case KEY_C3:
		return K_PGDN;
	default:
		return K_FN((int)wch);
	}
}

int keys_parse_name(const char **s)
{
	const char *p = *s;
	size_t n = strcspn(p, " >");
	unsigned cp;
	bool bad = false;
	int used;

	if (n == 0)
		return K_NONE;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i].name) == n && strncmp(names[i].name, p, n) == 0) {
			*s = p + n;
			return names[i].key;
		}
	if (p[0] == 'F' && n >= 2 && n <= 3 && p[1] >= '1' && p[1] <= '9') {
		int f = p[1] - '0';

		if (n == 3 && p[2] >= '0' && p[2] <= '9')
			f = f * 10 + (p[2] - '0');
		else if (n == 3)
			return K_NONE;
		*s = p + n;
		return K_F(f);
	}
	if (n == 3 && p[0] == 'C' && p[1] == '-') {
		*s = p + n;
		return K_CTRL(p[2]);
	}
	used = widget_utf8_decode(p, strlen(p), &cp, &bad);
	if (bad || (size_t)used != n)
		return K_NONE;
	*s = p + n;
	return (int)cp;
}

char *keys_name(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].key == key && key != '<') {
			str_copy(buf, names[i].name, size);
			return buf;
		}
	if (key >= K_F(1) && key <= K_F(63)) {
		str_printf(buf, size, "F%d", key - K_F(0));
	} else if (key > 0 && key < 32) {
		str_printf(buf, size, "C-%c", key + 96);
	} else if (key > 0 && key < K_FN_BASE) {
		wchar_t w[2] = { (wchar_t)key, 0 };
		char tmp[8];
		size_t n = wcstombs(tmp, w, sizeof tmp - 1);

		if (n == (size_t)-1 || n == 0)
			str_copy(buf, "?", size);
		else {
			tmp[n] = '\0';
			str_copy(buf, tmp, size);
		}
	} else {
		str_printf(buf, size, "key%d", key);
	}
	return buf;
}

bool keys_match(const char *list, int key, int *index)
{
	const char *p = list;
	int i = 0;

	if (!list || key == K_NONE)
		return false;
	while (*p) {
		int k;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		/* A digit range "1-6". */
		if (p[0] >= '0' && p[0] <= '9' && p[1] == '-' && p[2] >= '0' && p[2] <= '9') {
			if (key >= p[0] && key <= p[2]) {
				if (index)
					*index = key - p[0];
				return true;
			}
			p += 3;
			i++;
			continue;
		}
		k = keys_parse_name(&p);
		if (k == K_NONE) {
			p += strcspn(p, " ");
		} else if (k == key) {
			if (index)
				*index = i;
			return true;
		}
		i++;
	}
	return false;
}

enum nav keys_nav(int key)
{
	for (size_t i = 0; i < keys_nav_count; i++)
		if (keys_match(keys_nav_table[i].keys, key, NULL))
			return keys_nav_table[i].nav;
	return NAV_NONE;
}

const struct command_def *ui_key_command(int screen_id, int key, int *which)
{
	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];

		/* Screen-local keys run no command: the screen handles them. */
		if (!d->keys || !(d->screens & ON(screen_id)) || (d->flags & CMD_LOCAL))
			continue;
		if (keys_match(d->keys, key, which))
			return d;
	}
	return NULL;
}

int keys_get(int timeout_ms)
{
	if (ui_stop_signal)
		return K_NONE;
	if (ui.test)
		return uitest_next_key();
	return keys_input_get(timeout_ms);
}
