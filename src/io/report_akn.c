/*
 * report_akn.c — the Akoma Ntoso 3.0 writer of the report (OASIS
 * LegalDocML): a `debate` document whose `meta/references` name every
 * delegation that spoke (TLCOrganization), every delegate of the roll
 * call (TLCPerson) and every kind of speech (TLCRole); a `debateSection`
 * per part and per agenda item; `speech` with by, as, startTime, endTime,
 * `from` and `p`; points of order inside `pointOfOrder`; the attendance
 * as `rollCall`. It validates against akomantoso30.xsd (tests/cli/report.sh).
 *
 * The references come first in the file but are known only once the body
 * is written, so the body streams to a temporary file and is copied after
 * the header at the end: memory holds the references only.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "util.h"

struct ref {
	char *key;                 /* delegation code, person name, role code */
	char *show;                /* what showAs says */
};

struct refs {
	struct ref *v;
	size_t n, cap;
};

struct akn {
	FILE *f, *body;
	int depth;                 /* open debateSections */
	bool cover;                /* the implicit cover section is open */
	int ncols;
	enum report_table kind;
	long ids;                  /* eId counter */
	struct refs orgs, persons, roles;
	char *title, *state, *date, *stamp, *country, *lang, *generator;
	long long session;
};

/* The index (1-based) of key in r, added when new. persons are never
 * merged: each row of the roll call is its own person. */
static size_t ref_id(struct refs *r, const char *key, const char *show, bool unique)
{
	for (size_t i = 0; unique && i < r->n; i++)
		if (str_eq(r->v[i].key, key))
			return i + 1;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n].key = xstrdup(key);
	r->v[r->n].show = xstrdup(show);
	return ++r->n;
}

static void refs_free(struct refs *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].key);
		free(r->v[i].show);
	}
	free(r->v);
}

static void esc(FILE *f, const char *s)
{
	report_xml(f, s, NULL);
}

static int akn_begin(void *w, const struct report_doc *d)
{
	struct akn *a = w;

	a->title = xstrdup(d->title);
	a->state = xstrdup(d->state);
	a->date = xstrdup(d->date);
	a->stamp = xstrdup(d->stamp);
	/* ISO 639-2 (AKN's FRBRlanguage). */
	a->lang = xstrdup(str_eq(d->lang, "en") ? "eng" : str_eq(d->lang, "es") ? "spa" : "fra");
	a->generator = xstrdup(d->generator);
	a->country = xstrdup(d->country);
	for (char *p = a->country; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			*p = 'x';
	a->session = d->session;
	return 0;
}

static void open_section(struct akn *a, const char *name, const char *title)
{
	fprintf(a->body, "<debateSection eId=\"dbsect_%ld\" name=\"", ++a->ids);
	esc(a->body, name);
	fputs("\"><heading>", a->body);
	esc(a->body, title);
	fputs("</heading>\n", a->body);
}

/* Content outside any section (the cover's fields) goes into a section of
 * its own, closed by the first real section. */
static void need_section(struct akn *a)
{
	if (a->depth == 0 && !a->cover) {
		open_section(a, "cover", a->title);
		a->cover = true;
	}
}

static void akn_section(void *w, int level, const char *name, const char *title)
{
	struct akn *a = w;

	(void)level;
	if (a->cover) {
		fputs("</debateSection>\n", a->body);
		a->cover = false;
	}
	a->depth++;
	open_section(a, name, title);
}

static void akn_section_end(void *w)
{
	struct akn *a = w;

	if (a->depth > 0) {
		a->depth--;
		fputs("</debateSection>\n", a->body);
	}
}

static void akn_para(void *w, enum report_para kind, const char *text)
{
	static const char *const cls[] = { "text", "note", "quote", "small" };
	struct akn *a = w;

	need_section(a);
	fprintf(a->body, "<p class=\"%s\">", cls[kind]);
	report_xml(a->body, text, "<br/>");
	fputs("</p>\n", a->body);
}

static void akn_table(void *w, enum report_table kind, int ncols, const char *const *head)
{
	struct akn *a = w;

	need_section(a);
	a->ncols = ncols;
	a->kind = kind;
	if (kind == RT_ROLL) {
		fprintf(a->body, "<rollCall eId=\"rollcall_%ld\">\n", ++a->ids);
		return;
	}
	fprintf(a->body, "<table eId=\"tbl_%ld\">\n", ++a->ids);
	if (!head)
		return;
	fputs("<tr>", a->body);
	for (int i = 0; i < ncols; i++) {
		fputs("<th><p>", a->body);
		esc(a->body, head[i]);
		fputs("</p></th>", a->body);
	}
	fputs("</tr>\n", a->body);
}

static void akn_row(void *w, const char *const *cells)
{
	struct akn *a = w;

	if (a->kind == RT_ROLL) {
		size_t id = ref_id(&a->persons, cells[0], cells[0], false);

		fprintf(a->body, "<p><person refersTo=\"#person_%zu\" as=\"#role_delegate\">", id);
		esc(a->body, cells[0]);
		fputs("</person>", a->body);
		for (int i = 1; i < a->ncols; i++) {
			if (str_empty(cells[i]))
				continue;
			fputs(", ", a->body);
			esc(a->body, cells[i]);
		}
		fputs("</p>\n", a->body);
		return;
	}
	fputs("<tr>", a->body);
	for (int i = 0; i < a->ncols; i++) {
		fputs("<td><p>", a->body);
		esc(a->body, cells[i]);
		fputs("</p></td>", a->body);
	}
	fputs("</tr>\n", a->body);
}

static void akn_table_end(void *w)
{
	struct akn *a = w;

	fputs(a->kind == RT_ROLL ? "</rollCall>\n" : "</table>\n", a->body);
}

static void akn_speech(void *w, const struct report_speech *s)
{
	struct akn *a = w;
	bool poo = str_eq(s->type, "point_of_order");
	size_t org = ref_id(&a->orgs, s->code, s->delegation, true);
	size_t role = ref_id(&a->roles, s->type, s->type_label, true);

	need_section(a);
	if (poo)
		fprintf(a->body, "<pointOfOrder eId=\"poo_%ld\">", ++a->ids);
	fprintf(a->body, "<speech eId=\"speech_%ld\" by=\"#org_%zu\" as=\"#role_%zu\"", ++a->ids,
		org, role);
	if (!str_empty(s->start))
		fprintf(a->body, " startTime=\"%s\"", s->start);
	if (!str_empty(s->end))
		fprintf(a->body, " endTime=\"%s\"", s->end);
	fputs("><from>", a->body);
	esc(a->body, s->heading);
	fputs("</from><p>", a->body);
	report_xml(a->body, s->summary, "<br/>");
	fputs("</p></speech>", a->body);
	fputs(poo ? "</pointOfOrder>\n" : "\n", a->body);
}

static void akn_chart(void *w, const struct report_chart *c)
{
	(void)w, (void)c;   /* figures have no place in the record's XML */
}

/* ---- the header, written last ---- */

static void frbr(struct akn *a, const char *level, const char *suffix, const char *date_name)
{
	FILE *f = a->f;

	fprintf(f, "<FRBR%s><FRBRthis value=\"/akn/%s/debate/%s/%lld%s/!main%s\"/>", level,
		a->country, a->date, a->session, suffix, str_eq(level, "Manifestation") ? ".xml" : "");
	fprintf(f, "<FRBRuri value=\"/akn/%s/debate/%s/%lld%s\"/>", a->country, a->date, a->session,
		suffix);
	fprintf(f, "<FRBRdate date=\"%s\" name=\"%s\"/>", a->date, date_name);
	fputs("<FRBRauthor href=\"#rapporteur\"/>", f);
	if (str_eq(level, "Work"))
		fprintf(f, "<FRBRcountry value=\"%s\"/>", a->country);
	if (str_eq(level, "Expression"))
		fprintf(f, "<FRBRlanguage language=\"%s\"/>", a->lang);
	fprintf(f, "</FRBR%s>\n", level);
}

static void refs_write(FILE *f, const struct refs *r, const char *tlc, const char *prefix,
		       const char *kind)
{
	for (size_t i = 0; i < r->n; i++) {
		fprintf(f, "<%s eId=\"%s_%zu\" href=\"/ontology/%s/rapporteur/%s_%zu\" showAs=\"", tlc,
			prefix, i + 1, kind, prefix, i + 1);
		esc(f, r->v[i].show);
		fputs("\"/>\n", f);
	}
}

static void header(struct akn *a)
{
	FILE *f = a->f;
	char suffix[16];

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
	      "<debate name=\"report\">\n<meta>\n<identification source=\"#rapporteur\">\n", f);
	str_printf(suffix, sizeof suffix, "/%s@", a->lang);
	frbr(a, "Work", "", "session");
	frbr(a, "Expression", suffix, "report");
	frbr(a, "Manifestation", suffix, "report");
	fputs("</identification>\n<references source=\"#rapporteur\">\n"
	      "<TLCOrganization eId=\"rapporteur\" href=\"/ontology/organization/rapporteur\""
	      " showAs=\"", f);
	esc(f, a->generator);
	fputs("\"/>\n", f);
	refs_write(f, &a->orgs, "TLCOrganization", "org", "organization");
	refs_write(f, &a->persons, "TLCPerson", "person", "person");
	fputs("<TLCRole eId=\"role_delegate\" href=\"/ontology/role/rapporteur/delegate\""
	      " showAs=\"delegate\"/>\n", f);
	refs_write(f, &a->roles, "TLCRole", "role", "role");
	fputs("</references>\n</meta>\n<preface>\n<p class=\"title\"><docTitle>", f);
	esc(f, a->title);
	fputs("</docTitle></p>\n<p class=\"state\"><docStatus>", f);
	esc(f, a->state);
	fputs("</docStatus></p>\n</preface>\n<debateBody>\n", f);
}

static int copy_body(struct akn *a)
{
	char buf[65536];
	size_t n;

	if (fflush(a->body) != 0 || ferror(a->body) || fseek(a->body, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, a->body)) > 0)
		if (fwrite(buf, 1, n, a->f) != n)
			return -1;
	return ferror(a->body) ? -1 : 0;
}

static void akn_free(struct akn *a)
{
	refs_free(&a->orgs);
	refs_free(&a->persons);
	refs_free(&a->roles);
	free(a->title), free(a->state), free(a->date), free(a->stamp);
	free(a->country), free(a->lang), free(a->generator);
	if (a->body)
		fclose(a->body);
	free(a);
}

static int akn_end(void *w, bool ok, const char *fp, char *err, size_t errlen)
{
	struct akn *a = w;
	int rc = 0;

	(void)fp;
	if (ok) {
		if (a->cover)
			fputs("</debateSection>\n", a->body);
		while (a->depth > 0)
			akn_section_end(a);
		header(a);
		if (copy_body(a) != 0)
			rc = -1;
		fputs("</debateBody>\n</debate>\n</akomaNtoso>\n", a->f);
		if (rc || fflush(a->f) != 0 || ferror(a->f) || fsync(fileno(a->f)) != 0)
			rc = -1;
	}
	if (fclose(a->f) != 0)
		rc = -1;
	if (ok && rc)
		str_copy(err, strerror(errno ? errno : EIO), errlen);
	akn_free(a);
	return ok ? rc : -1;
}

static const struct report_out_ops akn_ops = {
	akn_begin, akn_section, akn_section_end, akn_para, akn_table, akn_row,
	akn_table_end, akn_speech, akn_chart, akn_end,
};

int report_akn_open(struct report_out *o, const char *path, char *err, size_t errlen)
{
	struct akn *a = xcalloc(1, sizeof *a);

	a->f = fopen(path, "wx");
	if (a->f)
		a->body = tmpfile();
	if (!a->f || !a->body) {
		str_copy(err, strerror(errno), errlen);
		if (a->f) {
			fclose(a->f);
			unlink(path);
		}
		free(a);
		return -1;
	}
	o->ops = &akn_ops;
	o->w = a;
	return 0;
}
