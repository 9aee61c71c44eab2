/*
 * i18n.c — choose the interface language and bind the gettext catalogue.
 * The catalogue is looked for in LOCALEDIR (installed), then in locale/
 * beside the executable (a build tree), so `make run` is translated too.
 */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static const char *current = "en";

/* "fr" when the first usable language named by the environment is French. */
static const char *lang_from_env(void)
{
	static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
		const char *v = getenv(vars[i]);

		if (!v || !*v)
			continue;
		if (strncmp(v, "fr", 2) == 0)
			return "fr";
		if (strcmp(v, "C") && strncmp(v, "C.", 2) && strcmp(v, "POSIX"))
			return "en";
	}
	return "en";
}

static void bind_catalogue(void)
{
	char exe[PATH_MAX], dir[PATH_MAX + 16];
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		str_printf(dir, sizeof dir, "%s/locale", exe);
		if (stat(dir, &st) == 0) {
			bindtextdomain("rapporteur", dir);
			return;
		}
		/* build-asan/rapporteur: the catalogue is one level up. */
		str_printf(dir, sizeof dir, "%s/../locale", exe);
		if (stat(dir, &st) == 0) {
			bindtextdomain("rapporteur", dir);
			return;
		}
	}
	bindtextdomain("rapporteur", LOCALEDIR);
}

const char *i18n_init(const char *lang)
{
	setlocale(LC_ALL, "");
	current = (lang && *lang) ? (strncmp(lang, "fr", 2) == 0 ? "fr" : "en") : lang_from_env();
	/* LANGUAGE takes precedence over the locale for messages; it is honoured
	 * whenever the locale is not plain "C" (C.UTF-8 is fine). */
	setenv("LANGUAGE", current, 1);
	if (strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bind_catalogue();
	bind_textdomain_codeset("rapporteur", "UTF-8");
	textdomain("rapporteur");
	return current;
}

const char *i18n_lang(void)
{
	return current;
}

const char *i18n_pick(const char *fr, const char *en)
{
	if (strcmp(current, "fr") == 0)
		return (fr && *fr) ? fr : (en ? en : "");
	return (en && *en) ? en : (fr ? fr : "");
}
