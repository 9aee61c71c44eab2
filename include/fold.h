/*
 * fold.h — names compared as people type them (issue 11: check-in search,
 * completion of speakers): the one place where case and accents stop
 * mattering. No SQLite, no curses (core).
 *
 * Folding a UTF-8 text: lower case (ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic capitals), the accents of Latin letters dropped (é →
 * e, Ç → c, ő → o, and combining accents after a letter), the ligatures
 * spelt out (æ → ae, œ → oe, ß → ss, ĳ → ij), hyphens, apostrophes (' ’
 * ʼ), dashes and other ASCII punctuation as blanks, runs of blanks as one
 * and none at either end: "  Jean-Claude  O’Brien " → "jean claude o
 * brien". Every other character is kept as it is. The folded text is never
 * longer than the text.
 */
#ifndef RAPPORTEUR_FOLD_H
#define RAPPORTEUR_FOLD_H

#include <stddef.h>

/* Fold s (UTF-8; NULL is "") into out (size bytes, NUL-terminated; a
 * longer result is cut at a character boundary). Returns its length.
 * Invalid bytes are kept as they are. */
size_t fold_text(const char *s, char *out, size_t size);

/* The folded text, malloc'd. */
char *fold_dup(const char *s);

/* How needle matches hay, both folded. */
enum fold_match {
	FOLD_NONE = 0,   /* not in hay, or needle folds to "" */
	FOLD_INSIDE = 1, /* only inside a word ("ra" in "Ibrahim") */
	FOLD_WORD = 2,   /* at the start of a word of hay ("ra" in "Fanja Razafindrakoto") */
};
enum fold_match fold_match(const char *hay, const char *needle);
/* The same with a needle folded already (fold_dup), for one needle
 * against many names. */
enum fold_match fold_match_folded(const char *hay, const char *folded_needle);

#endif
