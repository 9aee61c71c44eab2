/*
 * themes_draw.h — painting: a sub-view of the Themes screen, called by the
 * dispatcher (themes.c) only; it calls the base (themes_screen.h) only.
 */
#ifndef RAPPORTEUR_THEMES_DRAW_H
#define RAPPORTEUR_THEMES_DRAW_H

#include "themes_screen.h"

/* Rows of the proposals list and of the catalogue (list_draw_fn). */
void themes_prop_row(void *ud, WINDOW *w, int y, int x, int width, int index);
void themes_theme_row(void *ud, WINDOW *w, int y, int x, int width, int index);
void themes_draw_proposals(struct themes_screen *t, WINDOW *w, bool full);
void themes_draw_catalogue(struct themes_screen *t, WINDOW *w, bool full);
/* Enter: the selected proposal whole, wrapped, over the body (ui_view). */
unsigned themes_show_proposal(struct themes_screen *t);

#endif
