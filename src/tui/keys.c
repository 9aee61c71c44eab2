/*
 * keys.c — key names, normalisation of curses keys, the movement table,
 * the key → command id resolution over command_table, and reading the next key
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
	{ "C-Right", K_WORD_RIGHT }, { "M-BS", K_WORD_BS },
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

/* Does row d bind key on screen? Pass 0: the screen's own rows; pass 1:
 * the rows of every screen (the shell's keys). */
static bool binds(const struct command_def *d, int pass, int screen, int key, int *which)
{
	bool everywhere = (d->flags & (CMD_UI | CMD_LOCAL)) == CMD_UI;

	return d->keys && (d->screens & ON(screen)) && everywhere == (pass == 1) &&
	       keys_match(d->keys, key, which);
}

/* Does key name one command at most on screen? Two commands that bind
 * the same list (present+ and present-: the screen chooses by the row's
 * state) count as one; a screen or shell key (CMD_UI) is always alone. */
static bool one_command(int screen, int key)
{
	const struct command_def *first = NULL;

	for (size_t i = 0; i < command_count; i++) {
		const struct command_def *d = &command_table[i];

		if (!d->keys || !(d->screens & ON(screen)) || !keys_match(d->keys, key, NULL))
			continue;
		if (first && (strcmp(first->keys, d->keys) != 0 || ((first->flags | d->flags) & CMD_UI)))
			return false;
		first = first ? first : d;
	}
	return true;
}

int keys_table_conflict(int *screen)
{
	for (int s = 0; s < SCR_COUNT; s++) {
		for (int key = 1; key < 127; key++)
			if (!one_command(s, key))
				return *screen = s, key;
		for (size_t i = 0; i < ARRAY_SIZE(names); i++)
			if (!one_command(s, names[i].key))
				return *screen = s, names[i].key;
		for (int f = 1; f <= 12; f++)
			if (!one_command(s, K_F(f)))
				return *screen = s, K_F(f);
	}
	return 0;
}

static struct key_event resolve(int screen, int key)
{
	struct key_event ev = { key, CMD_NONE, 0 };

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < command_count; i++)
			if (binds(&command_table[i], pass, screen, key, &ev.which)) {
				ev.cmd = command_table[i].id;
				return ev;
			}
	ev.which = 0;
	return ev;
}

/* Resolving walks the command table and parses its key names: 14,000
 * instructions, a tenth of a key's CPU (issue 16). The table is
 * constant, so a (screen, key) pair is resolved once and remembered in
 * a small direct-mapped memo (a run of moves hits the same entry). */
struct key_event keys_resolve(int screen, int key)
{
	static struct {
		bool set;
		int screen;
		struct key_event ev;
	} memo[64];
	unsigned slot = ((unsigned)key * 7u + (unsigned)screen) % ARRAY_SIZE(memo);

	if (!memo[slot].set || memo[slot].screen != screen || memo[slot].ev.key != key) {
		memo[slot].ev = resolve(screen, key);
		memo[slot].screen = screen;
		memo[slot].set = true;
	}
	return memo[slot].ev;
}

int keys_get(int timeout_ms)
{
	if (ui_stop_signal)
		return K_NONE;
	if (ui.test)
		return uitest_next_key();
	return keys_input_get(timeout_ms);
}
