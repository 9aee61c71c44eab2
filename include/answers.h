/*
 * answers.h — every answer of the command layer, listed once: the text
 * after "ok " as an English format (a gettext message id). A handler
 * passes one of these to cmd_ok/cmd_okn (cmd.h) and never translates it:
 * `rapporteur run` prints the format as it is — the protocol form, the
 * same in every language, so a script reads `ok proposal 3` and
 * `ok item 13` whatever the locale — while the TUI's message line and
 * `follow` show its translation (po/fr.po, po/es.po). Errors are not
 * here: their reason is in the interface language everywhere (DESIGN §5).
 *
 * Words that are codes in the protocol form (a status, a stance) are
 * shown as labels in the translated form where a handler says so with
 * cmd_said: the same format, whose English labels are the codes (the
 * English screen reads as the protocol), or an ANS_…_SAID.
 *
 * A plural answer is a macro of n: dngettext of ANS_ENGLISH (a domain
 * with no catalogue) hands back its singular or plural format as it is,
 * which is the English rule, and xgettext reads the pair; cmd_okn gives
 * the translated form the catalogue's plural.
 */
#ifndef RAPPORTEUR_ANSWERS_H
#define RAPPORTEUR_ANSWERS_H

#include <libintl.h>

#include "i18n.h"

#define ANS_ENGLISH "rapporteur-protocol"

/* ---- the clock (cmd.c) ---- */
#define ANS_CLOCK                N_("clock %s")

/* ---- sessions (session.c, session_set.c, report_state.c) ---- */
#define ANS_SESSION              N_("session %lld")   /* new, open: scripts read the id */
#define ANS_SESSION_FROM         N_("session %lld (from session %lld: %d delegates, %d items)")
#define ANS_SESSION_CLOSED_RO    N_("session %lld (closed: read-only until session reopen)")
#define ANS_SESSION_CLOSED       N_("session %lld closed")
#define ANS_SESSION_REOPENED     N_("session %lld reopened")
#define ANS_SESSION_REOPENED_APPROVED \
	N_("session %lld reopened (its approved report stays as it was)")
#define ANS_THEME_ADDED          N_("theme %s")
#define ANS_THEME_REMOVED        N_("theme %s removed")
#define ANS_CHECK_SUFFIX         N_(" (check: %d/%d OK)")   /* after a change to R4's inputs */
#define ANS_SET                  N_("%s %s")              /* KEY VALUE */
#define ANS_SET_CLEARED          N_("%s cleared")
#define ANS_SET_MINISTERIAL      N_("level ministerial (the minimum level is still %s; " \
				    "set min_level deputy_minister for a ministerial rank)")
#define ANS_CIRCULATED           N_("version %d circulated, fingerprint %.12s")
#define ANS_APPROVED             N_("version %d approved: the session is read-only until " \
				    "session reopen")
#define ANS_NO_BACKUP            N_("; warning: no backup: %s")   /* after session close */

/* ---- attendance (attendance.c) ---- */
#define ANS_DELEGATION_ADDED     N_("delegation %s")
#define ANS_DELEGATE_ADDED       N_("delegate %s \"%s\"")
#define ANS_DELEGATE_ADDED_HEAD  N_("delegate %s \"%s\" (head of delegation instead of %s)")
#define ANS_DELEGATE_REMOVED     N_("delegate %s \"%s\" removed")
#define ANS_DELEGATE_CHANGED     N_("%s \"%s\" %s %s")   /* CODE "NAME" FIELD VALUE */
#define ANS_DELEGATE_HEAD        N_("%s \"%s\" head yes (instead of %s)")
#define ANS_PRESENT_ONE(n)       dngettext(ANS_ENGLISH, \
	"%s \"%s\" present (%lld of %lld delegate present)", \
	"%s \"%s\" present (%lld of %lld delegates present)", n)
#define ANS_ABSENT_ONE(n)        dngettext(ANS_ENGLISH, \
	"%s \"%s\" absent (%lld of %lld delegate present)", \
	"%s \"%s\" absent (%lld of %lld delegates present)", n)
#define ANS_PRESENT_ALL(n)       dngettext(ANS_ENGLISH, \
	"%s present (%lld delegate)", "%s present (%lld delegates)", n)
#define ANS_ABSENT_ALL(n)        dngettext(ANS_ENGLISH, \
	"%s absent (%lld delegate)", "%s absent (%lld delegates)", n)
#define ANS_CHECK                "%s"   /* CODE RESULT; … (codes, no words) */
#define ANS_CHECK_COUNTS         N_("OK %d, ABSENT %d, LEVEL %d, ENTITY %d of %zu; not OK:")
#define ANS_CHECK_OFF            N_("R4 not applied in this session (set r4 on)")
#define ANS_CHECK_NONE           N_("no member state in this process")
#define ANS_IMPORTED(n)          dngettext(ANS_ENGLISH, \
	"%d new, %d updated, %d unchanged, %d error", \
	"%d new, %d updated, %d unchanged, %d errors", n)
#define ANS_DRY_RUN              N_("dry run: ")
#define ANS_IMPORT_LINE          N_(" (line %d: %s)")   /* the reason is translated already */
#define ANS_IMPORT_LINE_MORE     N_(" (line %d: %s; %d more)")
#define ANS_IMPORT_WARNINGS      "; %s"             /* translated already */

/* ---- agenda (agenda.c, agenda_retime.c) ---- */
#define ANS_ITEM_ADDED           N_("item %lld")   /* scripts read the number */
#define ANS_ITEM_CHANGED         N_("item %lld %s changed")
#define ANS_ITEM_STARTED         N_("item %lld started")
#define ANS_ITEM_SWITCHED        N_("item %lld started (item %d ended)")
#define ANS_ITEM_ENDED           N_("item %d ended after %ld min")
#define ANS_ITEM_ENDED_OVER      N_("item %d ended after %ld min (%ld over)")
#define ANS_ITEM_SKIPPED         N_("item %lld skipped")
#define ANS_ITEM_MOVED           N_("item %lld moved to position %lld")
#define ANS_RETIME_NONE          N_("the planned times already follow each other")
#define ANS_RETIMED_AFTER(n)     dngettext(ANS_ENGLISH, \
	"%d item re-timed after item %lld", "%d items re-timed after item %lld", n)
#define ANS_RETIMED(n)           dngettext(ANS_ENGLISH, \
	"%d item re-timed", "%d items re-timed", n)

/* ---- the floor (floor.c, floor_edit.c) ---- */
#define ANS_FLOOR_ASKED          N_("%s in line, position %lld")
#define ANS_FLOOR_WITHDRAWN      N_("%s withdrawn from the list of speakers")
#define ANS_FLOOR_MOVED          N_("%s moved to position %lld")
#define ANS_FLOOR_ORDER          N_("%s has the floor on a point of order (%s will resume)")
#define ANS_FLOOR_GIVEN          N_("%s has the floor")
#define ANS_SPOKE_S              N_("%s spoke %ld s")
#define ANS_SPOKE_MIN            N_("%s spoke %ld min")
#define ANS_INTERVENTION_CHANGED N_("intervention %lld.%lld %s changed")

/* ---- themes (themes.c) ---- */
#define ANS_PROPOSAL             N_("proposal %lld")   /* propose, merge: scripts read the number */
#define ANS_POSITION             N_("P%lld %s %s")     /* P CODE support|object|abstain|none */
#define ANS_SELECTED             N_("P%lld selected")
#define ANS_REJECTED             N_("P%lld rejected")

/* ---- recommendations (recs.c) ---- */
#define ANS_REC_ADDED            N_("recommendation %lld")   /* scripts read the number */
#define ANS_REC_VERSION          N_("R%lld version %lld")
#define ANS_REC_COSPONSOR        N_("R%lld cosponsor %s")
#define ANS_REC_RESERVATION      N_("R%lld reservation %s")
#define ANS_REC_OBJECTION        N_("R%lld objection %s")
#define ANS_REC_UNOBJECTED       N_("R%lld objection %s withdrawn")
#define ANS_REC_ADOPTED          N_("R%lld adopted")
#define ANS_REC_STATUS           N_("R%lld %s")        /* the status code */
#define ANS_REC_SET              N_("R%lld %s %s")     /* FIELD VALUE */

/* ---- follow-up (followup.c) ---- */
#define ANS_FOLLOW               N_("follow %s %s %s")  /* REC CODE STATUS */
#define ANS_FOLLOW_SAID          N_("follow-up of %s by %s: %s")
#define ANS_REVIEW               N_("review %s")
#define ANS_ACTION_ADDED         N_("action %lld")      /* scripts read the number */
#define ANS_ACTION               N_("action %lld %s")   /* the state code */
#define ANS_ACTION_SAID          N_("action %lld: %s")  /* its label */

/* ---- minutes, undo, files (minutes.c, undo.c, export.c, report_cmd.c) ---- */
#define ANS_NOTE                 N_("note")
#define ANS_NOTE_EVENT           N_("note %s")          /* note "TEXT" EVENT */
#define ANS_UNDONE               N_("undone: %s")
#define ANS_REDONE               N_("redone: %s")
#define ANS_EXPORTED(n)          dngettext(ANS_ENGLISH, \
	"exported %zu file to %s", "exported %zu files to %s", n)
#define ANS_REPORT               N_("report written to %s (fingerprint %.12s)")

#endif
