/*
 * i18n.h — interface strings through gettext. Message ids are English;
 * po/fr.po and po/en.po hold the catalogues, compiled into locale/ at
 * build time and installed under $(PREFIX)/share/locale.
 */
#ifndef RAPPORTEUR_I18N_H
#define RAPPORTEUR_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Choose the language: `lang` ("fr"/"en") if given, else from the locale
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Binds the text domain. Returns
 * "fr" or "en". */
const char *i18n_init(const char *lang);
/* The language chosen by i18n_init. */
const char *i18n_lang(void);
/* Pick the French or English one of a pair of labels from the fixtures. */
const char *i18n_pick(const char *fr, const char *en);

#endif
