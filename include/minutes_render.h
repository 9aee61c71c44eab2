/*
 * minutes_render.h — the journal in the reader's language (DESIGN §8).
 *
 * A command records what it did as an event: a code ("item.started") and
 * its arguments, stored in the journal's `args` column as the JSON array
 * ["item.started", 3, "Opening"]. The text of the minutes is written from
 * it when it is read — Minutes screen, minutes.csv, the report — in the
 * language of the moment (gettext), so a meeting run in English reads in
 * French and back. Arguments are codes and data, never translated words:
 * labels (speech types, delegation types, levels, categories, themes) are
 * looked up when rendering.
 *
 * Rows written before the codes (args NULL) and codes this program does
 * not know keep the text stored in `detail`, written in the writer's
 * language.
 */
#ifndef RAPPORTEUR_MINUTES_RENDER_H
#define RAPPORTEUR_MINUTES_RENDER_H

#include <stdbool.h>
#include <stddef.h>

struct db;

#include "event.h"

/*
 * Write the text of e into out (cut on a character) in the current
 * language. db (may be NULL) serves the labels of levels, categories and
 * themes. Returns true, or false when the code is unknown (out is then
 * empty and the caller keeps the stored detail).
 */
bool minutes_render(struct db *db, const struct event *e, char *out, size_t size);

/* The i-th code the renderer knows, NULL past the end (tests, documentation). */
const char *minutes_event_code(size_t i);

#endif
