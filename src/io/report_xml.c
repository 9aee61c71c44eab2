/*
 * report_xml.c — what the report's writers share: escaping a text for XML
 * and HTML (text and attribute values alike), and a chart drawn as SVG
 * (inline in the HTML report, a picture inside the ODT file).
 *
 * Escaping is one function for every format so that a hostile name is
 * treated the same everywhere: markup characters become entities (so
 * "]]>" can never close anything), and what XML 1.0 forbids or what could
 * mislead a reader — invalid UTF-8, control characters such as ESC, C1
 * controls, bidi overrides and isolates, non-characters — becomes U+FFFD,
 * visible, never dropped silently.
 */
#include <string.h>

#include "report.h"
#include "util.h"

static bool suspicious(unsigned cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

void report_xml(FILE *f, const char *s, const char *nl)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	while (n) {
		unsigned cp;
		size_t k = utf8_decode(s, n, &cp);

		if (k == 0) {
			fputs("\xef\xbf\xbd", f);   /* one U+FFFD per invalid byte */
			s++, n--;
			continue;
		}
		if (cp == '\n')
			fputs(nl ? nl : " ", f);
		else if (cp == '\t')
			fputc(' ', f);
		else if (suspicious(cp))
			fputs("\xef\xbf\xbd", f);
		else if (cp == '&')
			fputs("&amp;", f);
		else if (cp == '<')
			fputs("&lt;", f);
		else if (cp == '>')
			fputs("&gt;", f);
		else if (cp == '"')
			fputs("&quot;", f);
		else if (cp == '\'')
			fputs("&#39;", f);
		else
			fwrite(s, 1, k, f);
		s += k;
		n -= k;
	}
}

/* ---- charts ---- */

#define SVG_W 720
#define ROW_H 22
#define LABEL_W 250
#define VALUE_W 90

static void span(FILE *f, double x0, double x1, double lo, double scale, int y, int h,
		 const char *cls)
{
	double x = LABEL_W + (x0 - lo) * scale, w = (x1 - x0) * scale;

	if (x1 <= x0)
		return;
	if (w < 1)
		w = 1;
	fprintf(f, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", cls, x,
		y, w, h);
}

static void bounds(const struct report_chart *c, double *lo, double *hi)
{
	bool any = false;

	*lo = 0, *hi = 1;
	for (size_t i = 0; i < c->n; i++) {
		const struct report_bar *b = &c->bars[i];
		double v[2][2] = { { b->a0, b->a1 }, { b->b0, b->b1 } };

		for (int k = 0; k < 2; k++) {
			if (v[k][1] <= v[k][0])
				continue;
			if (!any || v[k][0] < *lo)
				*lo = v[k][0];
			if (!any || v[k][1] > *hi)
				*hi = v[k][1];
			any = true;
		}
	}
	if (*hi <= *lo)
		*hi = *lo + 1;
}

static void legend(FILE *f, const struct report_chart *c, int y)
{
	if (c->a_label) {
		fprintf(f, "<rect class=\"a\" x=\"%d\" y=\"%d\" width=\"12\" height=\"8\"/>", LABEL_W,
			y);
		fprintf(f, "<text x=\"%d\" y=\"%d\">", LABEL_W + 16, y + 8);
		report_xml(f, c->a_label, NULL);
		fputs("</text>", f);
	}
	if (c->b_label) {
		int x = LABEL_W + (c->a_label ? 180 : 0);

		fprintf(f, "<rect class=\"b\" x=\"%d\" y=\"%d\" width=\"12\" height=\"8\"/>", x, y);
		fprintf(f, "<text x=\"%d\" y=\"%d\">", x + 16, y + 8);
		report_xml(f, c->b_label, NULL);
		fputs("</text>", f);
	}
}

void report_svg(FILE *f, const struct report_chart *c, bool standalone)
{
	int h = (int)c->n * ROW_H + 30;
	double lo, hi, scale;

	bounds(c, &lo, &hi);
	scale = (SVG_W - LABEL_W - VALUE_W) / (hi - lo);
	if (standalone)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
		   " viewBox=\"0 0 %d %d\" role=\"img\"><title>", SVG_W, h, SVG_W, h);
	report_xml(f, c->title, NULL);
	fputs("</title><style>text{font:11px sans-serif;fill:#222}.a{fill:#9bb7d4}"
	      ".b{fill:#1f4e79}</style>", f);
	legend(f, c, 4);
	for (size_t i = 0; i < c->n; i++) {
		const struct report_bar *b = &c->bars[i];
		int y = 22 + (int)i * ROW_H;
		bool two = c->a_label != NULL;

		fprintf(f, "<text x=\"4\" y=\"%d\">", y + 13);
		report_xml(f, b->label, NULL);
		fputs("</text>", f);
		if (two) {
			span(f, b->a0, b->a1, lo, scale, y + 2, 8, "a");
			span(f, b->b0, b->b1, lo, scale, y + 11, 8, "b");
		} else {
			span(f, b->b0, b->b1, lo, scale, y + 4, 12, "b");
		}
		fprintf(f, "<text x=\"%d\" y=\"%d\">", SVG_W - VALUE_W + 6, y + 13);
		report_xml(f, b->value, NULL);
		fputs("</text>", f);
	}
	fputs("</svg>", f);
	if (standalone)
		fputc('\n', f);
}
