/*
 * screen_list.h — every tab, listed once (tig's VIEW_INFO), and the
 * `enum screen_id` made from it. Both the command table's screen masks
 * (commands.h: ON(SCR_RECS)) and the shell (screen.h: the tabs and their
 * screen_ops) expand this one list, so a screen is added in one place.
 * No curses here: the command layer includes it.
 *
 * X(ID, name): ID makes SCR_ID (the tab order); name_screen_ops is
 * defined at the end of screens/name.c or screens/name/name.c.
 */
#ifndef RAPPORTEUR_SCREEN_LIST_H
#define RAPPORTEUR_SCREEN_LIST_H

#define SCREEN_LIST(X)                                                       \
	X(AGENDA, agenda)                                                    \
	X(FLOOR, floor)                                                      \
	X(ATTENDANCE, attendance)                                            \
	X(THEMES, themes)                                                    \
	X(RECS, recs)                                                        \
	X(MINUTES, minutes)                                                  \
	X(FOLLOWUP, followup)

enum screen_id {
#define SCREEN_ID(ID, name) SCR_##ID,
	SCREEN_LIST(SCREEN_ID)
#undef SCREEN_ID
	SCR_COUNT
};

#endif
