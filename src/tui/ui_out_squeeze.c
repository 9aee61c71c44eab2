/*
 * ui_out_squeeze.c — the bytes of one screen update, without what changes
 * nothing on the terminal (issue 16: every byte crosses a slow link).
 *
 * ncurses turns attributes off the long way with xterm-like entries: a
 * colour reset just before a full reset ("ESC[39m ESC(B ESC[m"), and the
 * G0 designation "ESC(B" inside every sgr0 and sgr, though nothing ever
 * designated another set. Dropped here, on the captured update
 * (ui_out.c), and only these, each with the same end state of the
 * terminal:
 *   - ESC ( B while G0 is already ASCII (the state is followed across
 *     updates: ESC ( with any other set makes the next one count);
 *   - an SGR of colour resets only (39, 49) followed, after an optional
 *     ESC ( B, by an SGR that resets everything (ESC[m, ESC[0m, ESC[0;…m);
 *   - an SGR followed by the very same SGR.
 * Anything else, including a sequence cut at the end of the buffer, is
 * copied as it is.
 */
#include <stdbool.h>
#include <string.h>

#include "ui_shell.h"

enum { ESC = 0x1b };

/* Length of the CSI sequence at p (ESC [ params intermediates final), or
 * 0 when it is not one or is cut by the end. */
static size_t csi_len(const unsigned char *p, size_t n)
{
	size_t i = 2;

	if (n < 3 || p[0] != ESC || p[1] != '[')
		return 0;
	while (i < n && p[i] >= 0x30 && p[i] <= 0x3f)
		i++;
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2f)
		i++;
	return i < n && p[i] >= 0x40 && p[i] <= 0x7e ? i + 1 : 0;
}

static bool is_g0_ascii(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == ESC && p[1] == '(' && p[2] == 'B';
}

/* The SGR at p resets everything: ESC[m, ESC[0m or ESC[0;…m. */
static bool sgr_resets_all(const unsigned char *p, size_t n)
{
	size_t len = csi_len(p, n);

	if (!len || p[len - 1] != 'm')
		return false;
	return len == 3 || (p[2] == '0' && (p[3] == 'm' || p[3] == ';'));
}

/* The SGR at p (len bytes) only resets colours: 39, 49, 39;49, 49;39. */
static bool sgr_colour_reset(const unsigned char *p, size_t len)
{
	static const char *const forms[] = { "\x1b[39m", "\x1b[49m", "\x1b[39;49m", "\x1b[49;39m" };

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (len == strlen(forms[i]) && !memcmp(p, forms[i], len))
			return true;
	return false;
}

/* Whether the SGR at p (len bytes, in a buffer of n) can go. */
static bool sgr_useless(const unsigned char *p, size_t len, size_t n)
{
	const unsigned char *q = p + len;
	size_t rest = n - len;

	if (rest >= len && !memcmp(q, p, len))
		return true; /* the same again */
	if (!sgr_colour_reset(p, len))
		return false;
	if (is_g0_ascii(q, rest)) {
		q += 3;
		rest -= 3;
	}
	return sgr_resets_all(q, rest);
}

size_t ui_out_squeeze(char *buf, size_t n, bool *g0_ascii)
{
	unsigned char *b = (unsigned char *)buf;
	size_t i = 0, o = 0;

	while (i < n) {
		size_t len;

		if (b[i] != ESC || i + 2 >= n) {
			b[o++] = b[i++];
			continue;
		}
		if (b[i + 1] == '(') {
			bool ascii = b[i + 2] == 'B';

			if (!(ascii && *g0_ascii)) {
				memmove(b + o, b + i, 3);
				o += 3;
			}
			*g0_ascii = ascii;
			i += 3;
			continue;
		}
		len = csi_len(b + i, n - i);
		if (len && b[i + len - 1] == 'm' && sgr_useless(b + i, len, n - i)) {
			i += len;
			continue;
		}
		if (!len)
			len = 1;
		memmove(b + o, b + i, len);
		o += len;
		i += len;
	}
	return o;
}
