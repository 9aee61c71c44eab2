/*
 * keys_input.c — reading keys from the terminal.
 *
 * ncurses reads input one byte per read(2), with a poll(2) before each: an
 * arrow key (ESC O B) costs six system calls, most of the CPU of a cursor
 * move. Here the bytes that are ready are read at once and decoded: the
 * key strings of the terminal's terminfo entry (kcuu1, kf1, …) plus the
 * common xterm/VT100/linux forms, UTF-8 characters, and a lone Esc after
 * ESCDELAY (25 ms). Resizes: a SIGWINCH handler only sets a flag; the next
 * read sees it, asks the terminal size (TIOCGWINSZ) and calls resizeterm()
 * — curses work happens in the loop, never in the handler — and returns
 * K_RESIZE.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

#include "keys.h"
#include "ui_shell.h"
#include "util.h"
#include "widgets.h"

#define ESC_DELAY_MS 25

struct seq {
	char s[16];
	int len;
	int key;
};

static struct seq seqs[96];
static int n_seqs;
static unsigned char in[512];
static int in_len;
static volatile sig_atomic_t winch_flag; /* SIGWINCH seen */

static void on_winch(int sig)
{
	(void)sig;
	winch_flag = 1;
}

static void add_seq(const char *s, int key)
{
	size_t n;

	if (!s || s == (const char *)-1 || s[0] != 27 || n_seqs == (int)ARRAY_SIZE(seqs))
		return;
	n = strlen(s);
	if (n < 2 || n >= sizeof seqs[0].s)
		return;
	for (int i = 0; i < n_seqs; i++)
		if (!strcmp(seqs[i].s, s))
			return; /* the terminfo entry came first and wins */
	memcpy(seqs[n_seqs].s, s, n + 1);
	seqs[n_seqs].len = (int)n;
	seqs[n_seqs].key = key;
	n_seqs++;
}

static void add_cap(const char *cap, int key)
{
	add_seq(tigetstr(cap), key);
}

void keys_input_start(void)
{
	static const struct {
		const char *cap;
		int key;
	} caps[] = {
		{ "kcuu1", K_UP },  { "kcud1", K_DOWN }, { "kcub1", K_LEFT }, { "kcuf1", K_RIGHT },
		{ "khome", K_HOME }, { "kend", K_END },   { "kpp", K_PGUP },   { "knp", K_PGDN },
		{ "kdch1", K_DEL },  { "kcbt", K_BTAB },  { "kent", K_ENTER },
	};
	static const struct {
		const char *s;
		int key;
	} common[] = {
		{ "\033[A", K_UP },     { "\033[B", K_DOWN },   { "\033[C", K_RIGHT },
		{ "\033[D", K_LEFT },   { "\033OA", K_UP },     { "\033OB", K_DOWN },
		{ "\033OC", K_RIGHT },  { "\033OD", K_LEFT },   { "\033[H", K_HOME },
		{ "\033[F", K_END },    { "\033OH", K_HOME },   { "\033OF", K_END },
		{ "\033[1~", K_HOME },  { "\033[4~", K_END },   { "\033[7~", K_HOME },
		{ "\033[8~", K_END },   { "\033[5~", K_PGUP },  { "\033[6~", K_PGDN },
		{ "\033[3~", K_DEL },   { "\033[Z", K_BTAB },   { "\033OM", K_ENTER },
		{ "\033OP", K_F(1) },   { "\033OQ", K_F(2) },   { "\033OR", K_F(3) },
		{ "\033OS", K_F(4) },   { "\033[11~", K_F(1) }, { "\033[12~", K_F(2) },
		{ "\033[13~", K_F(3) }, { "\033[14~", K_F(4) }, { "\033[15~", K_F(5) },
		{ "\033[17~", K_F(6) }, { "\033[18~", K_F(7) }, { "\033[19~", K_F(8) },
		{ "\033[20~", K_F(9) }, { "\033[21~", K_F(10) }, { "\033[23~", K_F(11) },
		{ "\033[24~", K_F(12) }, { "\033[[A", K_F(1) }, { "\033[[B", K_F(2) },
		{ "\033[[C", K_F(3) },  { "\033[[D", K_F(4) },  { "\033[[E", K_F(5) },
		/* Word moves (the editor): Ctrl-Left/Right (xterm, old xterm,
		 * rxvt), Alt-Left/Right, Alt-b/Alt-f (Meta sends Esc first). */
		{ "\033[1;5D", K_WORD_LEFT }, { "\033[1;5C", K_WORD_RIGHT },
		{ "\033[5D", K_WORD_LEFT },   { "\033[5C", K_WORD_RIGHT },
		{ "\033Od", K_WORD_LEFT },    { "\033Oc", K_WORD_RIGHT },
		{ "\033[1;3D", K_WORD_LEFT }, { "\033[1;3C", K_WORD_RIGHT },
		{ "\033b", K_WORD_LEFT },     { "\033f", K_WORD_RIGHT },
		/* Alt-Backspace: delete the word before the cursor. */
		{ "\033\177", K_WORD_BS },     { "\033\b", K_WORD_BS },
	};
	struct sigaction sa;
	char name[8];

	n_seqs = 0;
	for (size_t i = 0; i < ARRAY_SIZE(caps); i++)
		add_cap(caps[i].cap, caps[i].key);
	for (int f = 1; f <= 12; f++) {
		str_printf(name, sizeof name, "kf%d", f);
		add_cap(name, K_F(f));
	}
	for (size_t i = 0; i < ARRAY_SIZE(common); i++)
		add_seq(common[i].s, common[i].key);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_winch;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL); /* replaces ncurses' handler: we resize */
}

/* Wait up to ms for input (-1: for ever) and append what is there.
 * 1: read something, 0: timeout or a signal, -1: end of input. */
static int fill(int ms)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	ssize_t n;

	if (in_len == (int)sizeof in)
		return 1;
	if (poll(&p, 1, ms) <= 0)
		return 0;
	n = read(STDIN_FILENO, in + in_len, sizeof in - (size_t)in_len);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (n == 0)
		return -1;
	in_len += (int)n;
	return 1;
}

static void consume(int n)
{
	memmove(in, in + n, (size_t)(in_len - n));
	in_len -= n;
}

/* An escape sequence at the start of the buffer: the key and its length,
 * 0 when none matches, -1 when the buffer is a prefix of one (wait). */
static int match_seq(int *len)
{
	bool prefix = false;

	for (int i = 0; i < n_seqs; i++) {
		const struct seq *q = &seqs[i];

		if (in_len >= q->len && !memcmp(in, q->s, (size_t)q->len)) {
			*len = q->len;
			return q->key;
		}
		if (in_len < q->len && !memcmp(in, q->s, (size_t)in_len))
			prefix = true;
	}
	return prefix ? -1 : 0;
}

/* A CSI or SS3 sequence this program does not know (Shift-arrows,
 * Alt-arrows of some terminals, …): consumed up to its final byte, so that
 * it is neither Esc (which closes the editor) nor typed text. Esc with one
 * other key stays Esc then that key: a fast Esc q is not taken for Alt-q. */
static int unknown_escape(void)
{
	int n = 2;

	while (n < in_len && !(in[n] >= 0x40 && in[n] <= 0x7E))
		n++;
	consume(n < in_len ? n + 1 : in_len);
	return K_META;
}

static int decode(void)
{
	unsigned cp;
	bool bad;
	int used, key, len = 0;

	if (in[0] == 27) {
		while ((key = match_seq(&len)) == -1) {
			if (fill(ESC_DELAY_MS) <= 0)
				break; /* a lone Esc, or an unknown sequence */
		}
		if (key > 0) {
			consume(len);
			return key;
		}
		if (in_len > 2 && (in[1] == '[' || in[1] == 'O'))
			return unknown_escape();
		consume(1);
		return K_ESC;
	}
	used = widget_utf8_decode((const char *)in, (size_t)in_len, &cp, &bad);
	if (bad && in[0] >= 0xC2 && in[0] <= 0xF4 && in_len < 4 && fill(ESC_DELAY_MS) > 0)
		used = widget_utf8_decode((const char *)in, (size_t)in_len, &cp, &bad);
	if (bad)
		cp = in[0]; /* not UTF-8: take the byte as Latin-1 */
	consume(used);
	return keys_from_curses(0, cp);
}

static int resized(void)
{
	struct winsize ws;

	winch_flag = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
		ui_drop_windows();
		resizeterm(ws.ws_row, ws.ws_col);
	}
	return K_RESIZE;
}

int keys_input_get(int timeout_ms)
{
	for (;;) {
		int r;

		if (ui_stop_signal)
			return K_NONE;
		if (winch_flag)
			return resized();
		if (in_len > 0)
			return decode();
		r = fill(timeout_ms);
		if (r < 0) {
			ui_stop_signal = SIGHUP; /* the terminal is gone */
			return K_NONE;
		}
		if (r == 0 && !winch_flag && !ui_stop_signal)
			return K_TICK;
	}
}
