/*
 * import_cmd.c — the faces of the participants import: the one-line
 * summary, the listing for the command line (import_print) and the
 * `import FILE [--dry-run]` command of the vocabulary. The work itself is
 * in import.c.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "import.h"
#include "util.h"

char *import_summary(char *buf, size_t size, const struct import_result *r)
{
	str_printf(buf, size,
		   ngettext("%d new, %d updated, %d unchanged, %d error",
			    "%d new, %d updated, %d unchanged, %d errors", (unsigned long)r->n_error),
		   r->n_new, r->n_updated, r->n_unchanged, r->n_error);
	return buf;
}

static const char *status_word(enum import_status s)
{
	switch (s) {
	case IMP_NEW: return _("new");
	case IMP_UPDATED: return _("updated");
	case IMP_UNCHANGED: return _("unchanged");
	case IMP_ERROR: break;
	}
	return _("error");
}

void import_print(FILE *out, const char *file, const struct import_result *r)
{
	if (r->file_error[0]) {
		fprintf(out, "%s: %s\n", _("error"), r->file_error);
		return;
	}
	if (r->warnings[0])
		fprintf(out, "%s: %s\n", _("warning"), r->warnings);
	for (size_t i = 0; i < r->n; i++) {
		const struct import_row *row = &r->rows[i];

		if (file)
			fprintf(out, "%s:%d: ", file, row->line);
		else
			fprintf(out, _("line %d: "), row->line);
		if (row->status == IMP_ERROR)
			fprintf(out, "%s: %s\n", status_word(row->status), row->reason);
		else
			fprintf(out, "%s %s \"%s\"\n", status_word(row->status), row->delegation,
				row->name);
	}
	if (r->n_unlisted)
		fprintf(out, ngettext("(%zu more row, not listed)\n", "(%zu more rows, not listed)\n",
				      (unsigned long)r->n_unlisted), r->n_unlisted);
}

int cmd_import(struct cmd_ctx *c)
{
	struct import_result r;
	bool dry = false;
	const char *digest = NULL;
	int rc;

	/* --digest HEX: only the content a preview read (the screen's y). */
	for (int i = 2; i < c->argc; i++) {
		if (!strcmp(c->argv[i], "--dry-run")) {
			dry = true;
			c->unchanged = true;
		} else if (!strcmp(c->argv[i], "--digest") && i + 1 < c->argc) {
			digest = c->argv[++i];
		} else {
			return cmd_err(c, _("unknown option %s (--dry-run)"), c->argv[i]);
		}
	}
	rc = import_participants_expect(c->db, c->session, c->argv[1], dry, digest, &r);
	if (rc != 0) {
		cmd_err(c, "%s", r.file_error);
		import_result_free(&r);
		return -1;
	}
	/* The summary in both forms (answers.h); a row's reason and the
	 * warnings are in the interface language, as errors are. */
	if (dry)
		cmd_ok(c, ANS_DRY_RUN);
	else
		c->msg[0] = c->said[0] = '\0';
	cmd_okn_add(c, ANS_IMPORTED, r.n_error, r.n_new, r.n_updated, r.n_unchanged, r.n_error);
	for (size_t i = 0; i < r.n; i++)
		if (r.rows[i].status == IMP_ERROR) {
			if (r.n_error > 1)
				cmd_ok_add(c, ANS_IMPORT_LINE_MORE, r.rows[i].line, r.rows[i].reason,
					   r.n_error - 1);
			else
				cmd_ok_add(c, ANS_IMPORT_LINE, r.rows[i].line, r.rows[i].reason);
			break;
		}
	if (r.warnings[0])
		cmd_ok_add(c, ANS_IMPORT_WARNINGS, r.warnings);
	import_result_free(&r);
	return 0;
}
