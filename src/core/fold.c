/*
 * fold.c — names folded for matching as people type them (fold.h): case,
 * accents, ligatures and punctuation stop mattering, so that "joel" finds
 * Joël Esparon, "ÉSPARON" too, and "jean claude" finds Jean-Claude. Tables
 * cover Latin-1 and Latin Extended-A (the names of the DiMOI, MIDSA and
 * IDM fixtures and of French, Portuguese, Spanish, Turkish, Polish,
 * Czech, Romanian… participants); Greek and Cyrillic capitals are lowered;
 * anything else is compared as it is.
 */
#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* U+00C0 .. U+00FF: the letter without its accent; '*' a ligature
 * (fold_cp), '=' kept as it is (× ÷ þ Þ). */
static const char latin1[] = "aaaaaa*ceeeeiiiidnooooo=ouuuuy=*"
			     "aaaaaa*ceeeeiiiidnooooo=ouuuuy=y";
/* U+0100 .. U+017F, 16 a row; '*' a ligature (Ĳ ĳ Œ œ). */
static const char latin_a[] = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
			      "ii**jjkkklllllll" "lllnnnnnnnnnoooo" "oo**rrrrrrssssss"
			      "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

/* What code point cp becomes: NULL kept as it is, "" dropped, " " a
 * blank, else the text (tmp holds it when it is not a literal). */
static const char *fold_cp(unsigned cp, char tmp[8])
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z'))
			return NULL;
		if (cp >= 'A' && cp <= 'Z') {
			tmp[0] = (char)(cp + 32);
			tmp[1] = '\0';
			return tmp;
		}
		return " "; /* blanks, controls, punctuation: - ' . , ( ) … */
	}
	switch (cp) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	case 0xAD: return "";                              /* soft hyphen */
	case 0xA0: case 0xB4: case 0x2BC: case 0x2018: case 0x2019: case 0x202F:
	case 0x2032: return " ";                           /* nbsp, ´ ʼ ‘ ’ ′ */
	default: break;
	}
	if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0] != '=') {
		tmp[0] = latin1[cp - 0xC0];
		tmp[1] = '\0';
		return tmp;
	}
	if (cp >= 0x100 && cp <= 0x17F) {
		tmp[0] = latin_a[cp - 0x100];
		tmp[1] = '\0';
		return tmp;
	}
	if (cp >= 0x300 && cp <= 0x36F)
		return "";                                 /* combining accents */
	if ((cp >= 0x2000 && cp <= 0x200A) || (cp >= 0x2010 && cp <= 0x2015))
		return " ";                                /* spaces, hyphens, dashes */
	if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F))
		cp += 0x20;                                /* Greek, Cyrillic capitals */
	else if (cp >= 0x400 && cp <= 0x40F)
		cp += 0x50;                                /* Ѐ … Џ */
	else
		return NULL;
	tmp[utf8_encode(cp, tmp)] = '\0';
	return tmp;
}

size_t fold_text(const char *s, char *out, size_t size)
{
	size_t n = s ? strlen(s) : 0, k = 0;
	bool blank = false; /* a blank to write before the next character */
	char tmp[8];

	if (size == 0)
		return 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t used = utf8_decode(s + i, n - i, &cp), len;
		const char *rep = used ? fold_cp(cp, tmp) : NULL;

		if (used == 0)
			used = 1; /* an invalid byte: kept */
		if (!rep)
			rep = s + i, len = used;
		else
			len = strlen(rep);
		i += used;
		if (len == 1 && rep[0] == ' ') {
			blank = k > 0;
			continue;
		}
		if (len == 0)
			continue;
		if (k + blank + len >= size)
			break;
		if (blank)
			out[k++] = ' ';
		blank = false;
		memcpy(out + k, rep, len);
		k += len;
	}
	out[k] = '\0';
	return k;
}

char *fold_dup(const char *s)
{
	size_t n = s ? strlen(s) + 1 : 1;
	char *out = xmalloc(n);

	fold_text(s, out, n);
	return out;
}

enum fold_match fold_match_folded(const char *hay, const char *folded_needle)
{
	char buf[256], *h = buf, *p;
	enum fold_match m = FOLD_NONE;

	if (!folded_needle || !*folded_needle)
		return FOLD_NONE;
	if (hay && strlen(hay) >= sizeof buf)
		h = fold_dup(hay);
	else
		fold_text(hay, buf, sizeof buf);
	for (p = strstr(h, folded_needle); p; p = strstr(p + 1, folded_needle)) {
		if (p == h || p[-1] == ' ') {
			m = FOLD_WORD;
			break;
		}
		m = FOLD_INSIDE;
	}
	if (h != buf)
		free(h);
	return m;
}

enum fold_match fold_match(const char *hay, const char *needle)
{
	char *f = fold_dup(needle);
	enum fold_match m = fold_match_folded(hay, f);

	free(f);
	return m;
}
