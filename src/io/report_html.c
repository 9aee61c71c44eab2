/*
 * report_html.c — the HTML writer of the report: one self-contained file
 * (inline CSS and SVG, no script, no external resource) with a print
 * stylesheet, so a browser prints a clean paginated PDF whose every page
 * carries the report's state (a fixed banner repeats on each printed
 * page). It streams: nothing is kept but the open sections' depth.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "util.h"

struct html {
	FILE *f;
	int depth;                 /* open sections */
	int ncols;                 /* of the open table */
	enum report_table kind;
};

static const char css[] =
	"body{font:11pt/1.4 'DejaVu Serif',Georgia,serif;max-width:48em;margin:2em auto;"
	"padding:0 1em;color:#111}"
	"h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;border-bottom:1px solid #999;"
	"margin-top:1.6em}h3{font-size:1.1em}"
	".state{font:bold 10pt sans-serif;letter-spacing:.1em;color:#8b0000;"
	"border:2px solid #8b0000;padding:.2em .6em;display:inline-block}"
	".cover{margin-bottom:2em}.heading{font:10pt sans-serif;text-transform:uppercase;"
	"color:#555}"
	"table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.92em}"
	"th,td{border:1px solid #bbb;padding:.2em .4em;text-align:left;vertical-align:top}"
	"th{background:#eee}table.fields td:first-child{width:30%;font-weight:bold}"
	".speech{margin:.5em 0}.who{font-weight:bold;margin-bottom:0}.summary{margin-top:.1em}"
	".note{font-style:italic}.quote{margin-left:1.5em;border-left:3px solid #9bb7d4;"
	"padding-left:.6em}.small{font-size:.85em;color:#444}"
	"svg{max-width:100%;height:auto}.fp{font-family:monospace;word-break:break-all}"
	"@media print{body{max-width:none;margin:0}"
	".banner{position:fixed;top:0;right:0}"
	"h2{page-break-after:avoid}tr,.speech{page-break-inside:avoid}"
	"section.part{page-break-before:always}}"
	"@page{size:A4;margin:2cm 1.8cm}"
	"@media screen{.banner{display:none}}";

static void esc(struct html *h, const char *s)
{
	report_xml(h->f, s, "<br>");
}

static int html_begin(void *w, const struct report_doc *d)
{
	struct html *h = w;

	fputs("<!DOCTYPE html>\n<html lang=\"", h->f);
	esc(h, d->lang);
	fputs("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"", h->f);
	esc(h, d->generator);
	fputs("\">\n<title>", h->f);
	esc(h, d->title);
	fputs("</title>\n<style>", h->f);
	fputs(css, h->f);
	fputs("</style>\n</head>\n<body>\n<div class=\"banner state\">", h->f);
	esc(h, d->state);
	fputs("</div>\n<header class=\"cover\">\n<p class=\"heading\">", h->f);
	esc(h, d->heading);
	fputs("</p>\n<p class=\"heading\">", h->f);
	esc(h, d->process);
	fputs("</p>\n<h1>", h->f);
	esc(h, d->title);
	fputs("</h1>\n<p class=\"state\">", h->f);
	esc(h, d->state);
	fputs("</p>\n</header>\n", h->f);
	return 0;
}

static void html_section(void *w, int level, const char *name, const char *title)
{
	struct html *h = w;

	h->depth++;
	fprintf(h->f, "<section class=\"%s\" id=\"", level == 1 ? "part" : "sub");
	esc(h, name);
	fprintf(h->f, "\">\n<h%d>", level + 1);
	esc(h, title);
	fprintf(h->f, "</h%d>\n", level + 1);
}

static void html_section_end(void *w)
{
	struct html *h = w;

	if (h->depth > 0) {
		h->depth--;
		fputs("</section>\n", h->f);
	}
}

static void html_para(void *w, enum report_para kind, const char *text)
{
	static const char *const cls[] = { "", " class=\"note\"", " class=\"quote\"",
					   " class=\"small\"" };
	struct html *h = w;

	fprintf(h->f, "<p%s>", cls[kind]);
	esc(h, text);
	fputs("</p>\n", h->f);
}

static void html_table(void *w, enum report_table kind, int ncols, const char *const *head)
{
	struct html *h = w;

	h->ncols = ncols;
	h->kind = kind;
	fprintf(h->f, "<table%s>\n", kind == RT_FIELDS ? " class=\"fields\"" : "");
	if (!head)
		return;
	fputs("<thead><tr>", h->f);
	for (int i = 0; i < ncols; i++) {
		fputs("<th>", h->f);
		esc(h, head[i]);
		fputs("</th>", h->f);
	}
	fputs("</tr></thead>\n", h->f);
}

static void html_row(void *w, const char *const *cells)
{
	struct html *h = w;

	fputs("<tr>", h->f);
	for (int i = 0; i < h->ncols; i++) {
		fputs("<td>", h->f);
		esc(h, cells[i]);
		fputs("</td>", h->f);
	}
	fputs("</tr>\n", h->f);
}

static void html_table_end(void *w)
{
	fputs("</table>\n", ((struct html *)w)->f);
}

static void html_speech(void *w, const struct report_speech *s)
{
	struct html *h = w;

	fputs("<div class=\"speech\"><p class=\"who\">", h->f);
	esc(h, s->heading);
	fputs("</p>", h->f);
	if (!str_empty(s->summary)) {
		fputs("<p class=\"summary\">", h->f);
		esc(h, s->summary);
		fputs("</p>", h->f);
	}
	fputs("</div>\n", h->f);
}

static void html_chart(void *w, const struct report_chart *c)
{
	struct html *h = w;

	fputs("<figure>", h->f);
	report_svg(h->f, c, false);
	fputs("<figcaption class=\"small\">", h->f);
	esc(h, c->title);
	fputs("</figcaption></figure>\n", h->f);
}

static int html_end(void *w, bool ok, const char *fp, char *err, size_t errlen)
{
	struct html *h = w;
	int rc = 0;

	(void)fp;
	if (ok) {
		while (h->depth > 0)
			html_section_end(h);
		fputs("</body>\n</html>\n", h->f);
		if (fflush(h->f) != 0 || ferror(h->f) || fsync(fileno(h->f)) != 0) {
			str_copy(err, strerror(errno ? errno : EIO), errlen);
			rc = -1;
		}
	}
	if (fclose(h->f) != 0 && ok && rc == 0) {
		str_copy(err, strerror(errno), errlen);
		rc = -1;
	}
	free(h);
	return ok ? rc : -1;
}

static const struct report_out_ops html_ops = {
	html_begin, html_section, html_section_end, html_para, html_table, html_row,
	html_table_end, html_speech, html_chart, html_end,
};

int report_html_open(struct report_out *o, const char *path, char *err, size_t errlen)
{
	struct html *h = xcalloc(1, sizeof *h);

	h->f = fopen(path, "wx");
	if (!h->f) {
		str_copy(err, strerror(errno), errlen);
		free(h);
		return -1;
	}
	o->ops = &html_ops;
	o->w = h;
	return 0;
}
