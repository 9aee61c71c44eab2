/*
 * report_odt.c — the OpenDocument text writer of the report: a real ODF
 * package built with libzip — `mimetype` first and stored, then
 * content.xml, styles.xml (headings, tables, the state banner in the
 * header of every page, page numbers in the footer), meta.xml,
 * META-INF/manifest.xml, and each chart as an SVG picture (Pictures/).
 *
 * The body of content.xml and the pictures stream to temporary files that
 * libzip reads at zip_close, so memory does not grow with the record.
 * Each table's columns get widths that fit their content: the writer
 * measures the cells as they pass (their longest line and longest word)
 * and, at the end, writes content.xml as its head — the column styles
 * thus measured — followed by the body. Every
 * entry carries the report's fixed time (report_doc.stamp), never now, so
 * the same record gives the same bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "report.h"
#include "util.h"

#define MAX_PICTURES 16
#define MAX_COLS 16
#define TABLE_WIDTH_CM 17.0

/* What a table's columns hold, in characters: the longest line and the
 * longest word of each (header included). */
struct odt_table {
	int ncols;
	unsigned short line[MAX_COLS], word[MAX_COLS];
};

struct odt {
	zip_t *zip;
	char path[1100];
	FILE *c;                   /* content.xml */
	FILE *pic[MAX_PICTURES];
	int npic;
	long tables;
	int ncols;
	struct odt_table *tbl;     /* tbl[tables - 1] is the open table */
	size_t captbl;
	char *state, *title, *lang, *generator, *stamp;
	time_t mtime;
};

static void esc(FILE *f, const char *s)
{
	report_xml(f, s, "<text:line-break/>");
}

static const char content_head_open[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<office:document-content"
	" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
	" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
	" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
	" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
	" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
	" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
	" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
	" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
	" office:version=\"1.3\">\n"
	"<office:automatic-styles>"
	"<style:style style:name=\"Tbl\" style:family=\"table\">"
	"<style:table-properties style:width=\"17cm\" table:align=\"margins\""
	" fo:margin-top=\"0.15cm\" fo:margin-bottom=\"0.25cm\"/></style:style>"
	"<style:style style:name=\"Cell\" style:family=\"table-cell\">"
	"<style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #999999\"/>"
	"</style:style>"
	"<style:style style:name=\"HeadCell\" style:family=\"table-cell\">"
	"<style:table-cell-properties fo:padding=\"0.08cm\" fo:background-color=\"#eeeeee\""
	" fo:border=\"0.5pt solid #999999\"/></style:style>";
static const char content_head_close[] =
	"</office:automatic-styles>\n<office:body>\n<office:text>\n";

static int odt_begin(void *w, const struct report_doc *d)
{
	struct odt *o = w;

	o->state = xstrdup(d->state);
	o->title = xstrdup(d->title);
	o->lang = xstrdup(d->lang);
	o->generator = xstrdup(d->generator);
	o->stamp = xstrdup(d->stamp);
	o->mtime = time_parse(d->stamp);
	if (o->mtime < 0)
		o->mtime = 0;
	fputs("<text:p text:style-name=\"Subtitle\">", o->c);
	esc(o->c, d->heading);
	fputs("</text:p>\n<text:p text:style-name=\"Subtitle\">", o->c);
	esc(o->c, d->process);
	fputs("</text:p>\n<text:p text:style-name=\"Title\">", o->c);
	esc(o->c, d->title);
	fputs("</text:p>\n<text:p text:style-name=\"Banner\">", o->c);
	esc(o->c, d->state);
	fputs("</text:p>\n", o->c);
	return 0;
}

static void odt_section(void *w, int level, const char *name, const char *title)
{
	struct odt *o = w;

	(void)name;
	fprintf(o->c, "<text:h text:style-name=\"Heading_20_%d\" text:outline-level=\"%d\">",
		level, level);
	esc(o->c, title);
	fputs("</text:h>\n", o->c);
}

static void odt_section_end(void *w)
{
	(void)w;
}

static void odt_para(void *w, enum report_para kind, const char *text)
{
	static const char *const st[] = { "Text", "Note", "Quote", "Small" };
	struct odt *o = w;

	fprintf(o->c, "<text:p text:style-name=\"%s\">", st[kind]);
	esc(o->c, text);
	fputs("</text:p>\n", o->c);
}

/* Note the longest line and word of s in column i of the open table. */
static void measure(struct odt *o, int i, const char *s)
{
	struct odt_table *t = &o->tbl[o->tables - 1];
	unsigned line = 0, word = 0;

	if (i >= MAX_COLS || !s)
		return;
	for (const unsigned char *p = (const unsigned char *)s;; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;          /* a continuation byte: same character */
		if (*p == '\0' || *p == '\n' || *p == ' ') {
			if (word > t->word[i])
				t->word[i] = (unsigned short)(word > 60000 ? 60000 : word);
			word = 0;
		} else {
			word++;
		}
		if (*p == '\0' || *p == '\n') {
			if (line > t->line[i])
				t->line[i] = (unsigned short)(line > 60000 ? 60000 : line);
			line = 0;
		} else {
			line++;
		}
		if (*p == '\0')
			break;
	}
}

static void cells(struct odt *o, const char *const *v, const char *cell, const char *para)
{
	fputs("<table:table-row>", o->c);
	for (int i = 0; i < o->ncols; i++) {
		measure(o, i, v[i]);
		fprintf(o->c, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">"
			      "<text:p text:style-name=\"%s\">", cell, para);
		esc(o->c, v[i]);
		fputs("</text:p></table:table-cell>", o->c);
	}
	fputs("</table:table-row>\n", o->c);
}

static void odt_table(void *w, enum report_table kind, int ncols, const char *const *head)
{
	struct odt *o = w;

	o->ncols = ncols;
	if ((size_t)o->tables == o->captbl) {
		o->captbl = o->captbl ? o->captbl * 2 : 16;
		o->tbl = xrealloc(o->tbl, o->captbl * sizeof *o->tbl);
	}
	o->tbl[o->tables] = (struct odt_table){ .ncols = ncols };
	fprintf(o->c, "<table:table table:name=\"Table%ld\" table:style-name=\"Tbl\">",
		++o->tables);
	for (int i = 0; i < ncols; i++)
		fprintf(o->c, "<table:table-column table:style-name=\"T%ld.%d\"/>", o->tables,
			i < MAX_COLS ? i + 1 : MAX_COLS);
	fputs("\n", o->c);
	if (head && kind != RT_FIELDS) {
		fputs("<table:table-header-rows>", o->c);
		cells(o, head, "HeadCell", "TH");
		fputs("</table:table-header-rows>\n", o->c);
	}
}

static void odt_row(void *w, const char *const *v)
{
	cells(w, v, "Cell", "TD");
}

static void odt_table_end(void *w)
{
	fputs("</table:table>\n", ((struct odt *)w)->c);
}

static void odt_speech(void *w, const struct report_speech *s)
{
	struct odt *o = w;

	fputs("<text:p text:style-name=\"Who\">", o->c);
	esc(o->c, s->heading);
	fputs("</text:p>\n", o->c);
	if (!str_empty(s->summary))
		odt_para(w, RP_TEXT, s->summary);
}

static void odt_chart(void *w, const struct report_chart *c)
{
	struct odt *o = w;
	FILE *f;
	double h = 17.0 * ((double)c->n * 22 + 30) / 720;

	if (o->npic == MAX_PICTURES || !(f = tmpfile()))
		return;
	report_svg(f, c, true);
	o->pic[o->npic++] = f;
	fprintf(o->c, "<text:p text:style-name=\"Text\"><draw:frame draw:name=\"chart%d\""
		      " text:anchor-type=\"as-char\" svg:width=\"17cm\" svg:height=\"%.2fcm\">"
		      "<draw:image xlink:href=\"Pictures/chart%d.svg\" xlink:type=\"simple\""
		      " xlink:show=\"embed\" xlink:actuate=\"onLoad\"/></draw:frame></text:p>\n",
		o->npic, h, o->npic);
	odt_para(w, RP_SMALL, c->title);
}

/* ---- the other parts, built in memory at the end ---- */

#define NS_STYLES \
	" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
	" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
	" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
	" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""

#define PSTYLE(name, props) \
	"<style:style style:name=\"" name "\" style:family=\"paragraph\"" \
	" style:parent-style-name=\"Standard\">" props "</style:style>"
#define HSTYLE(n, size) \
	"<style:style style:name=\"Heading_20_" #n "\" style:display-name=\"Heading " #n "\"" \
	" style:family=\"paragraph\" style:parent-style-name=\"Standard\"" \
	" style:default-outline-level=\"" #n "\"><style:paragraph-properties" \
	" fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>" \
	"<style:text-properties fo:font-size=\"" size "\" fo:font-weight=\"bold\"/></style:style>"

static const char styles_open[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" NS_STYLES
	" office:version=\"1.3\"><office:styles>";

static const char styles_head[] =
	"<style:style style:name=\"Standard\" style:family=\"paragraph\">"
	"<style:paragraph-properties fo:margin-bottom=\"0.15cm\"/>"
	"<style:text-properties style:font-name=\"DejaVu Serif\" fo:font-family=\"'DejaVu Serif'\""
	" fo:font-size=\"10.5pt\"/></style:style>"
	PSTYLE("Text", "")
	PSTYLE("Title", "<style:text-properties fo:font-size=\"18pt\" fo:font-weight=\"bold\"/>")
	PSTYLE("Subtitle", "<style:text-properties fo:font-size=\"9pt\" fo:color=\"#555555\""
			   " fo:text-transform=\"uppercase\"/>")
	PSTYLE("Banner", "<style:paragraph-properties fo:text-align=\"end\"/><style:text-properties"
			 " fo:font-size=\"9pt\" fo:font-weight=\"bold\" fo:color=\"#8b0000\"/>")
	PSTYLE("Note", "<style:text-properties fo:font-style=\"italic\"/>")
	PSTYLE("Quote", "<style:paragraph-properties fo:margin-left=\"0.8cm\"/>")
	PSTYLE("Small", "<style:text-properties fo:font-size=\"8.5pt\" fo:color=\"#444444\"/>")
	PSTYLE("Who", "<style:paragraph-properties fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0cm\""
		      " fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/>")
	PSTYLE("TH", "<style:text-properties fo:font-size=\"9pt\" fo:font-weight=\"bold\"/>")
	PSTYLE("TD", "<style:text-properties fo:font-size=\"9pt\"/>")
	PSTYLE("Footer", "<style:paragraph-properties fo:text-align=\"center\"/>"
			 "<style:text-properties fo:font-size=\"8.5pt\"/>")
	HSTYLE(1, "15pt") HSTYLE(2, "12.5pt") HSTYLE(3, "11pt")
	"</office:styles><office:automatic-styles><style:page-layout style:name=\"A4\">"
	"<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
	" fo:margin-top=\"1.2cm\" fo:margin-bottom=\"1.2cm\" fo:margin-left=\"2cm\""
	" fo:margin-right=\"2cm\"/><style:header-style><style:header-footer-properties"
	" fo:min-height=\"0.6cm\" fo:margin-bottom=\"0.4cm\"/></style:header-style>"
	"<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\""
	" fo:margin-top=\"0.4cm\"/></style:footer-style></style:page-layout>"
	"</office:automatic-styles><office:master-styles>"
	"<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">"
	"<style:header><text:p text:style-name=\"Banner\">";

/* The document's language (spelling, hyphenation): fr-FR, en-GB, es-ES. */
static void default_language(struct odt *o, FILE *f)
{
	const char *country = str_eq(o->lang, "es") ? "ES" : str_eq(o->lang, "en") ? "GB" : "FR";

	fputs("<style:default-style style:family=\"paragraph\"><style:text-properties"
	      " fo:language=\"", f);
	esc(f, o->lang);
	fprintf(f, "\" fo:country=\"%s\"/></style:default-style>", country);
}

static void styles_xml(struct odt *o, FILE *f)
{
	fputs(styles_open, f);
	default_language(o, f);
	fputs(styles_head, f);
	esc(f, o->state);
	fputs("</text:p></style:header><style:footer><text:p text:style-name=\"Footer\">", f);
	esc(f, o->title);
	fputs(" — <text:page-number text:select-page=\"current\"/></text:p></style:footer>"
	      "</style:master-page></office:master-styles></office:document-styles>\n", f);
}

/* meta.xml holds text only (no text: namespace): a line break is a space. */
static void meta_xml(struct odt *o, FILE *f, const char *fp)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta"
	      " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
	      " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
	      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
	      "<office:meta><meta:generator>", f);
	report_xml(f, o->generator, NULL);
	fputs("</meta:generator><dc:title>", f);
	report_xml(f, o->title, NULL);
	fputs("</dc:title><dc:language>", f);
	report_xml(f, o->lang, NULL);
	fputs("</dc:language><meta:creation-date>", f);
	report_xml(f, o->stamp, NULL);
	fputs("</meta:creation-date><meta:user-defined meta:name=\"fingerprint\">", f);
	report_xml(f, fp, NULL);
	fputs("</meta:user-defined></office:meta></office:document-meta>\n", f);
}

static void manifest_xml(struct odt *o, FILE *f)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest"
	      " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
	      " manifest:version=\"1.3\">\n"
	      "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
	      " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
	      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
	      "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
	      "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n",
	      f);
	for (int i = 1; i <= o->npic; i++)
		fprintf(f, "<manifest:file-entry manifest:full-path=\"Pictures/chart%d.svg\""
			   " manifest:media-type=\"image/svg+xml\"/>\n", i);
	fputs("</manifest:manifest>\n", f);
}

/* Add one entry; the source is freed by libzip whatever happens. */
static int add(struct odt *o, const char *name, zip_source_t *src, bool store)
{
	zip_int64_t i;

	if (!src)
		return -1;
	i = zip_file_add(o->zip, name, src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
	if (i < 0) {
		zip_source_free(src);
		return -1;
	}
	if (zip_set_file_compression(o->zip, (zip_uint64_t)i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : 6) != 0)
		return -1;
	return zip_file_set_mtime(o->zip, (zip_uint64_t)i, o->mtime, 0);
}

static int add_mem(struct odt *o, const char *name, void (*fill)(struct odt *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return -1;
	fill(o, f);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	return add(o, name, zip_source_buffer(o->zip, buf, len, 1), false);
}

static const char *meta_fp;   /* for meta_fill: add_mem takes no argument */

static void meta_fill(struct odt *o, FILE *f)
{
	meta_xml(o, f, meta_fp);
}

/* A FILE handed to libzip: it reads it at zip_close and closes it. */
static int add_file(struct odt *o, const char *name, FILE **f)
{
	zip_source_t *src;

	if (fflush(*f) != 0 || ferror(*f) || fseek(*f, 0, SEEK_SET) != 0)
		return -1;
	src = zip_source_filep(o->zip, *f, 0, -1);
	if (src)
		*f = NULL;
	return add(o, name, src, false);
}

/* The widths of one table's columns, in cm, filling the table's width:
 * each column wants its longest line (at most 60 characters) and needs at
 * least its longest word (at most 20: a fingerprint may break); when the
 * wants do not fit, each column keeps what it needs and shares the rest
 * in proportion to what it wants beyond. About 0.2 cm a character at the
 * tables' 9 pt, plus the cell's padding. */
static void column_widths(const struct odt_table *t, int n, double *w)
{
	double want[MAX_COLS], need[MAX_COLS], sum_want = 0, sum_need = 0;

	for (int i = 0; i < n; i++) {
		want[i] = 0.3 + 0.2 * (t->line[i] < 60 ? t->line[i] : 60);
		need[i] = 0.3 + 0.2 * (t->word[i] < 20 ? t->word[i] : 20);
		sum_want += want[i];
		sum_need += need[i];
	}
	for (int i = 0; i < n; i++) {
		if (sum_want <= TABLE_WIDTH_CM)
			w[i] = want[i] * TABLE_WIDTH_CM / sum_want;
		else if (sum_need >= TABLE_WIDTH_CM)
			w[i] = need[i] * TABLE_WIDTH_CM / sum_need;
		else
			w[i] = need[i] + (want[i] - need[i]) * (TABLE_WIDTH_CM - sum_need) /
						 (sum_want - sum_need);
	}
}

static void column_styles(struct odt *o, FILE *f)
{
	for (long t = 0; t < o->tables; t++) {
		int n = o->tbl[t].ncols < MAX_COLS ? o->tbl[t].ncols : MAX_COLS;
		double w[MAX_COLS];

		column_widths(&o->tbl[t], n, w);
		for (int i = 0; i < n; i++)
			fprintf(f, "<style:style style:name=\"T%ld.%d\" style:family=\"table-column\">"
				   "<style:table-column-properties style:column-width=\"%.2fcm\"/>"
				   "</style:style>", t + 1, i + 1, w[i]);
	}
}

/* content.xml: its head with the column styles, then the body. */
static FILE *content_xml(struct odt *o)
{
	FILE *f = tmpfile();
	char buf[65536];
	size_t n;

	if (!f)
		return NULL;
	fputs(content_head_open, f);
	column_styles(o, f);
	fputs(content_head_close, f);
	fputs("</office:text>\n</office:body>\n</office:document-content>\n", o->c);
	if (fflush(o->c) != 0 || ferror(o->c) || fseek(o->c, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, o->c)) > 0)
		if (fwrite(buf, 1, n, f) != n)
			break;
	if (ferror(o->c) || ferror(f)) {
		fclose(f);
		return NULL;
	}
	fclose(o->c);
	o->c = f;
	return f;
}

static int package(struct odt *o, const char *fp)
{
	static const char mime[] = "application/vnd.oasis.opendocument.text";

	meta_fp = fp;
	if (!content_xml(o))
		return -1;
	if (add(o, "mimetype", zip_source_buffer(o->zip, mime, sizeof mime - 1, 0), true) != 0 ||
	    add_file(o, "content.xml", &o->c) != 0 || add_mem(o, "styles.xml", styles_xml) != 0 ||
	    add_mem(o, "meta.xml", meta_fill) != 0 ||
	    add_mem(o, "META-INF/manifest.xml", manifest_xml) != 0)
		return -1;
	for (int i = 0; i < o->npic; i++) {
		char name[32];

		str_printf(name, sizeof name, "Pictures/chart%d.svg", i + 1);
		if (add_file(o, name, &o->pic[i]) != 0)
			return -1;
	}
	return 0;
}

static int sync_file(const char *path)
{
	FILE *f = fopen(path, "r+");
	int rc;

	if (!f)
		return -1;
	rc = fsync(fileno(f));
	return fclose(f) != 0 || rc != 0 ? -1 : 0;
}

static void odt_free(struct odt *o)
{
	if (o->c)
		fclose(o->c);
	for (int i = 0; i < o->npic; i++)
		if (o->pic[i])
			fclose(o->pic[i]);
	free(o->state), free(o->title), free(o->lang), free(o->generator), free(o->stamp);
	free(o->tbl);
	free(o);
}

static int odt_end(void *w, bool ok, const char *fp, char *err, size_t errlen)
{
	struct odt *o = w;
	int rc = -1;

	if (ok && package(o, fp) == 0 && zip_close(o->zip) == 0) {
		o->zip = NULL;
		rc = sync_file(o->path);
		if (rc != 0)
			str_copy(err, strerror(errno), errlen);
	} else if (ok) {
		zip_error_t *ze = zip_get_error(o->zip);

		str_copy(err, ze ? zip_error_strerror(ze) : strerror(EIO), errlen);
	}
	if (o->zip)
		zip_discard(o->zip);
	if (rc != 0)
		unlink(o->path);
	odt_free(o);
	return ok ? rc : -1;
}

static const struct report_out_ops odt_ops = {
	odt_begin, odt_section, odt_section_end, odt_para, odt_table, odt_row,
	odt_table_end, odt_speech, odt_chart, odt_end,
};

int report_odt_open(struct report_out *out, const char *path, char *err, size_t errlen)
{
	struct odt *o = xcalloc(1, sizeof *o);
	int ze = 0;

	str_copy(o->path, path, sizeof o->path);
	o->c = tmpfile();
	o->zip = o->c ? zip_open(path, ZIP_CREATE | ZIP_EXCL, &ze) : NULL;
	if (!o->zip) {
		zip_error_t e;

		if (!o->c) {
			str_copy(err, strerror(errno), errlen);
		} else {
			zip_error_init_with_code(&e, ze);
			str_copy(err, zip_error_strerror(&e), errlen);
			zip_error_fini(&e);
		}
		odt_free(o);
		return -1;
	}
	out->ops = &odt_ops;
	out->w = o;
	return 0;
}
