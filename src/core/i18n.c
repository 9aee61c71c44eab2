/*
 * i18n.c — choose the interface language and bind the gettext catalogue.
 * The catalogue is looked for in LOCALEDIR (installed), then in locale/
 * beside the executable (a build tree), so `make run` is translated too.
 * Also the Spanish labels of the fixtures: the reference data carry French
 * and English labels that every reader passes to i18n_pick; in Spanish the
 * pair is looked up in a table loaded once from the database (labels.c).
 */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static const char *current = "en";

/* Spanish labels by French or English label, sorted by key once loaded. */
struct label_es {
	char *key, *es;
};
static struct label_es *labels;
static size_t labels_n, labels_cap;
static bool labels_sorted;

static const char *lang_code(const char *v)
{
	if (strncmp(v, "fr", 2) == 0)
		return "fr";
	if (strncmp(v, "es", 2) == 0)
		return "es";
	return "en";
}

/* The language of the first usable variable of the environment. */
static const char *lang_from_env(void)
{
	static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < ARRAY_SIZE(vars); i++) {
		const char *v = getenv(vars[i]);

		if (!v || !*v)
			continue;
		if (strcmp(v, "C") && strncmp(v, "C.", 2) && strcmp(v, "POSIX"))
			return lang_code(v);
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

/* Translations by message address (i18n.h): open addressing, a few
 * probes, gettext itself past them. */
#define TR_SLOTS 2048
#define TR_PROBES 8
static struct {
	const char *id, *tr;
} tr_cache[TR_SLOTS];

const char *i18n_gettext(const char *s)
{
	size_t h = (size_t)(((uintptr_t)s >> 2) * 2654435761u) % TR_SLOTS;

	for (int k = 0; k < TR_PROBES; k++) {
		size_t i = (h + (size_t)k) % TR_SLOTS;

		if (tr_cache[i].id == s)
			return tr_cache[i].tr;
		if (!tr_cache[i].id) {
			tr_cache[i].id = s;
			tr_cache[i].tr = gettext(s);
			return tr_cache[i].tr;
		}
	}
	return gettext(s);
}

const char *i18n_init(const char *lang)
{
	memset(tr_cache, 0, sizeof tr_cache); /* another language */
	setlocale(LC_ALL, "");
	current = (lang && *lang) ? lang_code(lang) : lang_from_env();
	/* LANGUAGE takes precedence over the locale for messages; it is honoured
	 * whenever the locale is not plain "C" (C.UTF-8 is fine). English is
	 * the message ids themselves: under LC_MESSAGES "C" gettext returns
	 * them (ngettext by n != 1) without opening a catalogue, whose pages
	 * would stay resident (issue 16, memory at 200x60). */
	setenv("LANGUAGE", current, 1);
	if (strcmp(current, "en") == 0)
		setlocale(LC_MESSAGES, "C");
	else if (strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0)
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

static void label_add(const char *key, const char *es)
{
	if (!key || !*key)
		return;
	if (labels_n == labels_cap) {
		labels_cap = labels_cap ? 2 * labels_cap : 256;
		labels = xrealloc(labels, labels_cap * sizeof *labels);
	}
	labels[labels_n].key = xstrdup(key);
	labels[labels_n].es = xstrdup(es);
	labels_n++;
	labels_sorted = false;
}

void i18n_label_es_add(const char *fr, const char *en, const char *es)
{
	if (!es || !*es)
		return;
	label_add(fr, es);
	if (en && fr && strcmp(en, fr) != 0)
		label_add(en, es);
}

void i18n_labels_clear(void)
{
	for (size_t i = 0; i < labels_n; i++) {
		free(labels[i].key);
		free(labels[i].es);
	}
	free(labels);
	labels = NULL;
	labels_n = labels_cap = 0;
}

static int label_cmp(const void *a, const void *b)
{
	return strcmp(((const struct label_es *)a)->key, ((const struct label_es *)b)->key);
}

static const char *label_es_of(const char *key)
{
	struct label_es want = { .key = (char *)key }, *hit;

	if (!key || !*key || !labels_n)
		return NULL;
	if (!labels_sorted) {
		qsort(labels, labels_n, sizeof *labels, label_cmp);
		labels_sorted = true;
	}
	hit = bsearch(&want, labels, labels_n, sizeof *labels, label_cmp);
	return hit ? hit->es : NULL;
}

const char *i18n_pick(const char *fr, const char *en)
{
	if (strcmp(current, "fr") == 0)
		return (fr && *fr) ? fr : (en ? en : "");
	if (strcmp(current, "es") == 0) {
		const char *es = label_es_of(fr);

		if (!es)
			es = label_es_of(en);
		if (es)
			return es;
	}
	return (en && *en) ? en : (fr ? fr : "");
}
