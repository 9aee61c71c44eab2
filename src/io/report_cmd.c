/*
 * report_cmd.c — the `report FILE [--format html|odt|akn] [--lang fr|en|es]
 * [--force]` command: the report of the current session into FILE, the
 * format from the option or else from the file's extension, in the
 * language asked (the interface's by default). It reads only: no journal
 * row.
 */
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "labels.h"
#include "report.h"
#include "util.h"

struct report_args {
	enum report_format format;
	const char *lang;
	unsigned flags;
};

static int parse_args(struct cmd_ctx *c, struct report_args *a)
{
	bool have_format = false;

	*a = (struct report_args){ REPORT_HTML, NULL, 0 };
	for (int i = 2; i < c->argc; i++) {
		const char *o = c->argv[i];

		if (str_eq(o, "--force")) {
			a->flags |= REPORT_FORCE;
		} else if (str_eq(o, "--format") && i + 1 < c->argc) {
			if (report_format_parse(c->argv[++i], &a->format) != 0)
				return cmd_err(c, _("unknown format %s (html, odt, akn)"), c->argv[i]);
			have_format = true;
		} else if (str_eq(o, "--lang") && i + 1 < c->argc) {
			a->lang = c->argv[++i];
			if (!str_eq(a->lang, "fr") && !str_eq(a->lang, "en") &&
			    !str_eq(a->lang, "es"))
				return cmd_err(c, _("unknown language %s (fr, en, es)"), a->lang);
		} else {
			return cmd_err(c, _("unknown option %s (--format, --lang, --force)"), o);
		}
	}
	if (!have_format && report_format_of_path(c->argv[1], &a->format) != 0)
		return cmd_err(c, _("%s: the extension names no format; add --format html|odt|akn"),
			       c->argv[1]);
	return 0;
}

int cmd_report(struct cmd_ctx *c)
{
	struct report_args a;
	char err[1200], fp[65], was[4];
	int rc;

	if (parse_args(c, &a) != 0)
		return -1;
	str_copy(was, i18n_lang(), sizeof was);
	if (a.lang)
		i18n_init(a.lang);
	/* The Spanish labels of levels, categories, states and themes are
	 * loaded when the interface starts in Spanish; a report asked in
	 * Spanish from another language loads them here (they are used only
	 * while the language is Spanish). */
	if (a.lang && str_eq(a.lang, "es") && !str_eq(was, "es"))
		labels_load_es(c->db);
	rc = report_render(c->db, c->session, c->argv[1], a.format, a.flags, NULL, NULL, fp, err,
			   sizeof err);
	if (a.lang)
		i18n_init(was);
	if (rc != 0)
		return cmd_err(c, "%s", err);
	return cmd_ok(c, ANS_REPORT, c->argv[1], fp);
}
