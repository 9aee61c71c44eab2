/*
 * fuzz_report.c — libFuzzer target for the meeting report's writers
 * (report_render: HTML, ODT, Akoma Ntoso) on fuzzed session data. A
 * small session is made once (fixtures, demo, an item with an
 * intervention, a note, a recommendation, a proposal); each input is cut
 * at 0x1F bytes into texts written over that session's names, titles,
 * summaries, notes, texts and actor (control characters, bidi controls,
 * XML specials, invalid UTF-8 and NUL-cut strings as they come; a first
 * byte of 1 modulo 8 makes the first text huge, ~256 KB), inside a savepoint
 * rolled back after the three reports are written.
 *
 * Invariants checked (a violation aborts, which libFuzzer reports):
 *  - each format is written (report_render returns 0);
 *  - every file is clean UTF-8: no control character but tab and line
 *    ends, no bidi override or isolate (U+202A–202E, U+2066–2069);
 *  - the HTML parses with libxml2's HTML parser without an error (its
 *    "unknown tag" for HTML5 elements aside), has no <script, and opens
 *    as many <section as it closes;
 *  - the Akoma Ntoso file is well-formed XML (strict parser), and valid
 *    against the OASIS schema (tests/data/akn) every 16th input;
 *  - the ODT's content.xml, styles.xml and meta.xml are well-formed XML.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <zip.h>

#include "app.h"
#include "commands.h"
#include "db.h"
#include "fuzz_setup.h"
#include "report.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct app app;
static char *out[3];
static xmlSchemaPtr akn_schema;
static xmlSchemaValidCtxtPtr akn_valid;
static int xml_errors;
static char xml_first[300]; /* the first error counted, for the report */
static const time_t clock0 = 1795410000; /* 2026-11-23T06:20:00Z */

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz_report: %s%s%s\n", what, xml_errors ? ": " : "",
			xml_errors ? xml_first : "");
		abort();
	}
}

/* libxml2's errors: counted, not printed (HTML5 tags aside). */
static void on_xml_error(void *ud, xmlErrorPtr e)
{
	(void)ud;
	if (e && e->code != XML_HTML_UNKNOWN_TAG && xml_errors++ == 0)
		snprintf(xml_first, sizeof xml_first, "line %d: %s", e->line,
			 e->message ? e->message : "?");
}

static void run(const char *line)
{
	char answer[512];

	if (command_exec(&app, line, answer, sizeof answer) != 0) {
		fprintf(stderr, "fuzz_report: setup: %s: %s\n", line, answer);
		exit(2);
	}
}

static void load_schema(void)
{
	const char *xsd = getenv("FUZZ_AKN_XSD") ? getenv("FUZZ_AKN_XSD")
						  : "tests/data/akn/akomantoso30.xsd";
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);

	akn_schema = pc ? xmlSchemaParse(pc) : NULL;
	if (pc)
		xmlSchemaFreeParserCtxt(pc);
	if (!akn_schema) {
		fprintf(stderr, "fuzz_report: %s: cannot load the schema\n", xsd);
		exit(2);
	}
	akn_valid = xmlSchemaNewValidCtxt(akn_schema);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup(&app, "fuzz_report");
	out[0] = fuzz_path("r.html");
	out[1] = fuzz_path("r.odt");
	out[2] = fuzz_path("r.xml");
	clock_set(clock0);
	run("start 1");
	run("q+ MUS");
	run("floor");
	run("yield \"Une intervention\"");
	run("note \"Une note\"");
	run("rec+ MUS \"Titre\" \"Texte\" \"Text\"");
	run("status 1 adopted");
	run("propose workshop \"Un thème\" MUS");
	xmlInitParser();
	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	load_schema();
	return 0;
}

/* The fields of the input, cut at 0x1F; at most n, each NUL-terminated. */
static int split(const uint8_t *data, size_t size, char **f, int n)
{
	int k = 0;
	size_t start = 0;

	for (size_t i = 0; i <= size && k < n; i++)
		if (i == size || data[i] == 0x1F) {
			f[k] = xmalloc(i - start + 1);
			memcpy(f[k], data + start, i - start);
			f[k++][i - start] = '\0';
			start = i + 1;
		}
	for (int i = k; i < n; i++)
		f[i] = xstrdup(f[i % k]); /* k >= 1: an empty input is one empty field */
	return k;
}

/* The session's texts overwritten with the fields (a refused statement,
 * e.g. a UNIQUE clash, is skipped: the others still apply). */
static void plant(char **f)
{
	long long s = app.session;

	db_run(app.db, "UPDATE session SET title = ?, venue = ?, host = ?, chair = ? WHERE id = ?",
	       "tttti", f[0], f[1], f[2], f[3], s);
	db_run(app.db, "UPDATE delegate SET name = ? || id, function = ?, entity = ?"
	       " WHERE session_id = ?", "ttti", f[4], f[5], f[6], s);
	db_run(app.db, "UPDATE delegation SET name_fr = ?, name_en = ? WHERE code IN ('MUS', 'IOM')",
	       "tt", f[7], f[0]);
	db_run(app.db, "UPDATE intervention SET summary = ?, speaker = ? WHERE session_id = ?",
	       "tti", f[1], f[2], s);
	db_run(app.db, "UPDATE agenda_item SET title = ?, moderator = ? WHERE session_id = ?"
	       " AND num <= 3", "tti", f[3], f[4], s);
	db_run(app.db, "UPDATE recommendation SET title = ? WHERE session_id = ?", "ti", f[5], s);
	db_run(app.db, "UPDATE rec_version SET text_fr = ?, text_en = ?", "tt", f[6], f[7]);
	db_run(app.db, "UPDATE proposal SET title = ? WHERE session_id = ?", "ti", f[0], s);
	db_run(app.db, "INSERT INTO journal (time, session_id, event, actor, command, detail, args)"
	       " VALUES ('2026-11-23T10:00:00+04:00', ?, 'note', ?, 'note', ?, NULL)", "itt", s,
	       f[1], f[2]);
	db_run(app.db, "INSERT INTO journal (time, session_id, event, actor, command, detail, args,"
	       " person) VALUES ('2026-11-23T10:01:00+04:00', ?, 'note', 'x', 'note', '',"
	       " json_array('note', ?), ?)", "itt", s, f[3], f[4]);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;
	char *buf;

	check(fp && fstat(fileno(fp), &st) == 0, "report file missing");
	buf = xmalloc((size_t)st.st_size + 1);
	*n = fread(buf, 1, (size_t)st.st_size, fp);
	buf[*n] = '\0';
	fclose(fp);
	return buf;
}

/* Clean UTF-8, no control character but tab and line ends, no bidi
 * override or isolate. */
static void check_text(const char *s, size_t n, const char *what)
{
	check(utf8_is_clean_text(s, n, true), what);
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)s[i] == 0xE2 && (((unsigned char)s[i + 1] == 0x80 &&
		     (unsigned char)s[i + 2] >= 0xAA && (unsigned char)s[i + 2] <= 0xAE) ||
		    ((unsigned char)s[i + 1] == 0x81 && (unsigned char)s[i + 2] >= 0xA6 &&
		     (unsigned char)s[i + 2] <= 0xA9)))
			check(0, what);
}

static size_t count(const char *s, const char *needle)
{
	size_t k = 0;

	for (const char *p = s; (p = strstr(p, needle)); p++)
		k++;
	return k;
}

static void check_html(void)
{
	size_t n;
	char *s = slurp(out[0], &n);
	htmlDocPtr doc;

	check_text(s, n, "HTML: not clean UTF-8 text");
	check(!strstr(s, "<script") && !strstr(s, "<SCRIPT"), "HTML: a script tag");
	check(count(s, "<section") == count(s, "</section>"), "HTML: sections unbalanced");
	xml_errors = 0;
	doc = htmlReadMemory(s, (int)n, "r.html", "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOWARNING);
	check(doc && xml_errors == 0, "HTML: libxml2's HTML parser finds an error");
	xmlFreeDoc(doc);
	free(s);
}

static void check_akn(bool validate)
{
	size_t n;
	char *s = slurp(out[2], &n);
	xmlDocPtr doc;

	check_text(s, n, "AKN: not clean UTF-8 text");
	xml_errors = 0;
	doc = xmlReadMemory(s, (int)n, "r.xml", NULL, XML_PARSE_NONET);
	check(doc && xml_errors == 0, "AKN: not well-formed XML");
	if (validate)
		check(xmlSchemaValidateDoc(akn_valid, doc) == 0, "AKN: not valid against the schema");
	xmlFreeDoc(doc);
	free(s);
}

static void check_odt(void)
{
	static const char *const parts[] = { "content.xml", "styles.xml", "meta.xml" };
	zip_t *z = zip_open(out[1], ZIP_RDONLY, NULL);

	check(z != NULL, "ODT: not a zip file");
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++) {
		zip_stat_t st;
		zip_file_t *zf;
		char *s;
		xmlDocPtr doc;

		check(zip_stat(z, parts[i], 0, &st) == 0 && (zf = zip_fopen(z, parts[i], 0)),
		      "ODT: a part is missing");
		s = xmalloc(st.size + 1);
		check(zip_fread(zf, s, st.size) == (zip_int64_t)st.size, "ODT: short part");
		s[st.size] = '\0';
		zip_fclose(zf);
		check_text(s, st.size, "ODT: a part is not clean UTF-8 text");
		xml_errors = 0;
		doc = xmlReadMemory(s, (int)st.size, parts[i], NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
		if (!doc || xml_errors) {
			static char what[64];

			snprintf(what, sizeof what, "ODT: %s is not well-formed XML", parts[i]);
			check(0, what);
		}
		xmlFreeDoc(doc);
		free(s);
	}
	zip_discard(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;
	static const enum report_format fmt[3] = { REPORT_HTML, REPORT_ODT, REPORT_AKN };
	char *f[8], fp[65], err[512];

	split(data, size, f, 8);
	if (size > 0 && (data[0] & 7) == 1 && strlen(f[0]) > 0) {
		/* Huge text: the first field repeated to about 256 KB. */
		size_t len = strlen(f[0]), times = 262144 / len + 1;
		char *big = xmalloc(len * times + 1);

		for (size_t i = 0; i < times; i++)
			memcpy(big + i * len, f[0], len);
		big[len * times] = '\0';
		free(f[0]);
		f[0] = big;
	}
	check(db_exec(app.db, "SAVEPOINT fuzz") == DB_OK, "savepoint");
	plant(f);
	for (int i = 0; i < 3; i++) {
		int rc = report_render(app.db, app.session, out[i], fmt[i], REPORT_FORCE, NULL, NULL,
				       fp, err, sizeof err);
		if (rc != 0)
			fprintf(stderr, "fuzz_report: %s\n", err);
		check(rc == 0, "report_render failed");
	}
	db_exec(app.db, "ROLLBACK TO fuzz");
	db_exec(app.db, "RELEASE fuzz");
	clock_set(clock0);
	check_html();
	check_odt();
	check_akn(runs % 16 == 0);
	runs++;
	for (int i = 0; i < 8; i++)
		free(f[i]);
	return 0;
}
