/*
 * themes_act.h — the keys and actions: a sub-view of the Themes screen, called by the
 * dispatcher (themes.c) only; it calls the base (themes_screen.h) only.
 */
#ifndef RAPPORTEUR_THEMES_ACT_H
#define RAPPORTEUR_THEMES_ACT_H

#include "themes_screen.h"

/* themes_act.c: the keys of each view (H_* bits of screen.h). */
unsigned themes_proposals_key(struct themes_screen *t, const struct key_event *ev);
unsigned themes_catalogue_key(struct themes_screen *t, const struct key_event *ev);

#endif
