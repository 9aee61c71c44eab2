/*
 * testlang.h — choose the language of a unit test with the catalogues
 * built in the source tree ($RAPPORTEUR_TOP/locale, else ./locale), as
 * the program does with the installed ones. Header only (static inline).
 */
#ifndef TESTLANG_H
#define TESTLANG_H

#include <stdlib.h>

#include "i18n.h"
#include "util.h"

static inline void testlang(const char *code)
{
	const char *top = getenv("RAPPORTEUR_TOP");
	char dir[1024];

	i18n_init(code);
	str_printf(dir, sizeof dir, "%s/locale", top ? top : ".");
	bindtextdomain("rapporteur", dir);
	textdomain("rapporteur");
}

#endif
