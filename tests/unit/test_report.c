/*
 * test_report.c — cmocka tests of what the report's writers share: the
 * SHA-256 of the fingerprint (FIPS 180-4 test vectors, and a message fed
 * in pieces) and the escaping of a text for XML/HTML (report_xml).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "sha256.h"

static void hex_of(const char *s, size_t n, char out[65])
{
	struct sha256 h;

	sha256_init(&h);
	sha256_update(&h, s, n);
	sha256_hex(&h, out);
}

static void test_sha256_vectors(void **state)
{
	char hex[65];

	(void)state;
	hex_of("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_sha256_pieces(void **state)
{
	char *a = malloc(1000000), one[65], two[65];
	struct sha256 h;

	(void)state;
	memset(a, 'a', 1000000);
	hex_of(a, 1000000, one);
	assert_string_equal(one, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha256_init(&h);
	for (size_t i = 0; i < 1000000; i += 777)
		sha256_update(&h, a + i, i + 777 <= 1000000 ? 777 : 1000000 - i);
	sha256_hex(&h, two);
	assert_string_equal(one, two);
	free(a);
}

static char *escaped(const char *s, const char *nl)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	report_xml(f, s, nl);
	fclose(f);
	return buf;
}

static void test_xml_markup(void **state)
{
	char *e = escaped("<a href=\"x\">Tom & Jerry's</a> ]]>", NULL);

	(void)state;
	assert_string_equal(e, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ]]&gt;");
	free(e);
}

static void test_xml_controls_and_bidi(void **state)
{
	/* ESC [31m, an RLO override, a C1 CSI, an invalid byte, a line end. */
	char *e = escaped("a\033[31mb\xe2\x80\xae" "c\xc2\x9b" "d\xff" "e\nf\tg", "<br>");

	(void)state;
	assert_string_equal(e, "a\xef\xbf\xbd[31mb\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd"
			       "e<br>f g");
	free(e);
}

static void test_xml_keeps_text(void **state)
{
	char *e = escaped("États membres — réunion à Port-Louis, 23 novembre", NULL);

	(void)state;
	assert_string_equal(e, "États membres — réunion à Port-Louis, 23 novembre");
	free(e);
}

static void test_format_names(void **state)
{
	enum report_format f;

	(void)state;
	assert_int_equal(report_format_of_path("a/b.HTML", &f), 0);
	assert_int_equal(f, REPORT_HTML);
	assert_int_equal(report_format_of_path("r.odt", &f), 0);
	assert_int_equal(f, REPORT_ODT);
	assert_int_equal(report_format_of_path("r.xml", &f), 0);
	assert_int_equal(f, REPORT_AKN);
	assert_int_equal(report_format_of_path("dir.odt/report", &f), -1);
	assert_int_equal(report_format_of_path("r.pdf", &f), -1);
	assert_int_equal(report_format_parse("akn", &f), 0);
	assert_int_equal(f, REPORT_AKN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_sha256_pieces),
		cmocka_unit_test(test_xml_markup),
		cmocka_unit_test(test_xml_controls_and_bidi),
		cmocka_unit_test(test_xml_keeps_text),
		cmocka_unit_test(test_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
