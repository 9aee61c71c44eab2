/*
 * i18n.h — interface strings through gettext. Message ids are English
 * (English opens no catalogue); po/fr.po and po/es.po hold the catalogues,
 * compiled into locale/ at build time and installed under
 * $(PREFIX)/share/locale.
 */
#ifndef RAPPORTEUR_I18N_H
#define RAPPORTEUR_I18N_H

#include <libintl.h>

#define _(s) i18n_gettext(s)
#define N_(s) (s)

/* gettext(s), kept by the address of s until the language changes: every
 * message id passed is a literal or an entry of a static table of N_()
 * literals, so one address is one message. A screen asks for the same
 * labels on every row; gettext costs about 1,500 instructions a call. */
const char *i18n_gettext(const char *s);

/* Choose the language: `lang` ("fr"/"en"/"es") if given, else from the
 * locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). Binds the text domain.
 * Returns "fr", "en" or "es". */
const char *i18n_init(const char *lang);
/* The language chosen by i18n_init. */
const char *i18n_lang(void);
/* Pick the French or English one of a pair of labels from the fixtures;
 * in Spanish, the Spanish label registered for either of them (else the
 * English one). */
const char *i18n_pick(const char *fr, const char *en);
/* Register the Spanish label of a French/English pair (ignored when es is
 * empty); labels_load_es() does it for the reference data. */
void i18n_label_es_add(const char *fr, const char *en, const char *es);
/* Forget the registered Spanish labels. */
void i18n_labels_clear(void);

#endif
