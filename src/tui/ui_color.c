/*
 * ui_color.c — colour roles in one table (ncdu's util.h): each role has a
 * colour (foreground, background, extra attributes) and a monochrome
 * column. Monochrome is used with --no-color, NO_COLOR, --low-bandwidth or
 * a terminal without colours; every state must read in monochrome too
 * (reverse, bold, underline, plus the markers the screens print).
 */
#include <stdbool.h>

#include "ui_shell.h"

#define DEF (-1) /* the terminal's default colour */

static const struct {
	short fg, bg;
	attr_t colour_attr;
	attr_t mono;
} roles[ROLE_COUNT] = {
	[ROLE_NORMAL] = { DEF, DEF, 0, 0 },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_TAB] = { DEF, DEF, 0, 0 },
	[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	/* Reverse in colour too: the shortest escape sequences on a cursor
	 * move (\e[7m … \e[m), the first cost over a slow link. */
	[ROLE_SELECTED] = { DEF, DEF, A_REVERSE, A_REVERSE },
	[ROLE_HEADER] = { DEF, DEF, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_HINT] = { DEF, DEF, 0, 0 },
	[ROLE_HINT_KEY] = { DEF, DEF, A_REVERSE, A_REVERSE },
	[ROLE_MSG_OK] = { COLOR_GREEN, DEF, 0, 0 },
	[ROLE_MSG_ERR] = { COLOR_RED, DEF, A_BOLD, A_BOLD },
	[ROLE_RUNNING] = { DEF, DEF, A_BOLD, A_BOLD },
	[ROLE_DONE] = { DEF, DEF, 0, 0 },
	[ROLE_SKIPPED] = { COLOR_BLUE, DEF, 0, A_DIM },
	[ROLE_OVERRUN] = { COLOR_RED, DEF, A_BOLD, A_BOLD | A_REVERSE },
	[ROLE_GOOD] = { COLOR_GREEN, DEF, 0, 0 },
	[ROLE_BAD] = { COLOR_RED, DEF, A_BOLD, A_BOLD },
	[ROLE_WARN] = { COLOR_YELLOW, DEF, 0, A_UNDERLINE },
	[ROLE_DIM] = { COLOR_CYAN, DEF, 0, 0 },
	[ROLE_MARK] = { COLOR_MAGENTA, DEF, A_BOLD, A_BOLD },
};

static attr_t table[ROLE_COUNT];
static bool low_bw;

void ui_color_init(bool want_colour, bool low_bandwidth)
{
	bool colour = want_colour && !low_bandwidth && has_colors();
	bool defaults = true;

	low_bw = low_bandwidth;
	if (colour) {
		start_color();
		/* Without default colours (no "op" capability), use white on black. */
		defaults = use_default_colors() != ERR;
	}
	ui.colour = colour;
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!colour) {
			table[r] = roles[r].mono;
			continue;
		}
		if (roles[r].fg == DEF && roles[r].bg == DEF) {
			table[r] = roles[r].colour_attr;
			continue;
		}
		init_pair((short)r, roles[r].fg == DEF && !defaults ? COLOR_WHITE : roles[r].fg,
			  roles[r].bg == DEF && !defaults ? COLOR_BLACK : roles[r].bg);
		table[r] = COLOR_PAIR(r) | roles[r].colour_attr;
	}
}

attr_t ui_attr(enum ui_role role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		return 0;
	return table[role];
}

bool ui_low_bandwidth(void)
{
	return low_bw;
}
