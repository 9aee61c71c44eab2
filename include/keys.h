/*
 * keys.h — key codes, key names, and the key → command maps.
 *
 * A key is an int: a character is its Unicode code point; a function key
 * is curses' KEY_x shifted above Unicode by K_FN() so the two never
 * collide (U+0101 'ā' and KEY_MIN are both 257). Enter, Backspace and
 * friends are normalised so screens test one value.
 *
 * Bindings of commands come from the keys of command_list.h: a
 * space-separated list of key names ("s", "K J", "? F1", "Enter",
 * "Space", "1-6"); the shell resolves a key to its command id once
 * (keys_resolve) and hands both to the screen. Movement keys (arrows and
 * vi keys) are the fixed table keys_nav_table below; help is generated
 * from both.
 */
#ifndef RAPPORTEUR_KEYS_H
#define RAPPORTEUR_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "commands.h"

#define K_FN_BASE 0x200000
#define K_FN(k) (K_FN_BASE + (k))
#define K_IS_FN(k) ((k) >= K_FN_BASE)
#define K_CTRL(c) ((c) & 0x1f)

#define K_NONE (-1)
#define K_TICK K_FN(0)           /* no key for a second: idle work */
#define K_ENTER '\n'
#define K_ESC 27
#define K_TAB '\t'
#define K_BTAB K_FN(KEY_BTAB)
#define K_BS K_FN(KEY_BACKSPACE)
#define K_DEL K_FN(KEY_DC)
#define K_UP K_FN(KEY_UP)
#define K_DOWN K_FN(KEY_DOWN)
#define K_LEFT K_FN(KEY_LEFT)
#define K_RIGHT K_FN(KEY_RIGHT)
#define K_HOME K_FN(KEY_HOME)
#define K_END K_FN(KEY_END)
#define K_PGUP K_FN(KEY_PPAGE)
#define K_PGDN K_FN(KEY_NPAGE)
#define K_RESIZE K_FN(KEY_RESIZE)
#define K_F(n) K_FN(KEY_F(n))
/* Word moves of the text editor: Ctrl-Left/Right, Alt-Left/Right, Alt-b/f
 * (keys_input.c); "C-Left" and "C-Right" in test scripts. */
#define K_WORD_LEFT K_FN(0x3001)
#define K_WORD_RIGHT K_FN(0x3002)
/* Delete the word before the cursor: Alt-Backspace ("M-BS" in scripts;
 * C-w is the other key for it). */
#define K_WORD_BS K_FN(0x3003)
/* Alt with a key that means nothing here, or an unknown escape sequence:
 * read whole so that it is never taken for Esc and the keys after it. */
#define K_META K_FN(0x3004)

/* Movements shared by every list. */
enum nav {
	NAV_NONE = 0, NAV_UP, NAV_DOWN, NAV_PGUP, NAV_PGDN, NAV_HOME, NAV_END,
	NAV_PREV_SCREEN, NAV_LEFT, NAV_RIGHT,
};

struct nav_binding {
	const char *keys;   /* key names, as in command_table */
	enum nav nav;
	const char *help;   /* N_() */
};
extern const struct nav_binding keys_nav_table[];
extern const size_t keys_nav_count;

/* The movement bound to key, NAV_NONE if none. */
enum nav keys_nav(int key);

/* Normalise a curses key (wget_wch result): is_fn is true for KEY_CODE_YES. */
int keys_from_curses(int is_fn, unsigned wch);

/* Parse one key name at *s ("Enter", "F1", "S-Tab", "C-x", "<", "é"),
 * advancing *s past it. Returns the key or K_NONE. */
int keys_parse_name(const char **s);

/* True when key is one of the space-separated names in list; *index (may
 * be NULL) receives its position in the list. "1-6" matches '1'…'6' with
 * index 0…5. */
bool keys_match(const char *list, int key, int *index);

/* A key as a screen receives it (screen.h, handle): the key, and the
 * command it is bound to on that screen, resolved once by the shell from
 * the keys of the command table. */
struct key_event {
	int key;          /* the key (codes above) */
	enum cmd_id cmd;  /* its command on the screen, CMD_NONE when none */
	int which;        /* the key's index in the row's list: "K J" 0 for K,
			   * 1 for J; "+ - 0 ." 0–3; "1-6" 0–5 */
};

/* The command bound to key on screen (enum screen_id): the screen's own
 * rows (its commands, the keys of it alone) first, then the rows of every
 * screen (help, quit, :, /, Tab, 1–6, note). */
struct key_event keys_resolve(int screen, int key);
/* A key that names two commands on one screen (*screen), whose resolution
 * would depend on the table's order; 0 when none (asserted at start). */
int keys_table_conflict(int *screen);

/* Read the next key: from the test script when one is active (ui_test.c),
 * else from the terminal with a timeout (K_TICK after timeout_ms; -1 waits
 * for ever; K_RESIZE after a size change). Returns K_NONE when the program
 * must stop (the script ended, a SIGHUP/SIGTERM arrived, the terminal is
 * gone). */
int keys_get(int timeout_ms);
/* keys_input.c: the terminal's key strings (terminfo) and the SIGWINCH
 * flag; then one key read from stdin, all ready bytes at once. */
void keys_input_start(void);
int keys_input_get(int timeout_ms);

#endif
