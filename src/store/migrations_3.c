/*
 * migrations_3.c — migrations 3 onward, in order. Shipped migrations are
 * never edited: a change to the schema is a new string appended at the
 * end of this file and its name appended to SCHEMA_MIGRATIONS in
 * migrations.h (when this file passes about 400 lines, start
 * migrations_N.c at the next number instead).
 */
#include "migrations.h"

/* 3: The process across meetings (DESIGN §8): follow-up of recommendations
 * per member state (latest report and history), the CTP's reviews, and
 * the actions of the plan of action, numbered within the process. */
const char migration_followup[] =
	"CREATE TABLE followup ("
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','implemented',"
	"    'not_applicable','no_report')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  reported_at TEXT NOT NULL,"
	"  reported_by TEXT NOT NULL,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"   /* where it was reported */
	"  PRIMARY KEY (rec_id, delegation_id)) WITHOUT ROWID;"
	"CREATE TABLE followup_history ("
	"  id INTEGER PRIMARY KEY,"
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  status TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  reported_at TEXT NOT NULL, reported_by TEXT NOT NULL,"
	"  session_id INTEGER NOT NULL REFERENCES session(id));"
	"CREATE INDEX followup_history_cell ON followup_history(rec_id, delegation_id, id);"
	"CREATE TABLE rec_review ("
	"  id INTEGER PRIMARY KEY,"
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id),"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  conclusion TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL);"
	"CREATE INDEX rec_review_by_rec ON rec_review(rec_id, id);"
	"CREATE TABLE action ("
	"  id INTEGER PRIMARY KEY,"
	"  process_id INTEGER NOT NULL REFERENCES process(id),"
	"  num INTEGER NOT NULL,"
	"  owner TEXT NOT NULL,"                 /* delegation code, secretariat, ctp, chair */
	"  text TEXT NOT NULL,"
	"  due TEXT,"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','done','dropped')),"
	"  opened_in INTEGER NOT NULL REFERENCES session(id),"
	"  opened_at TEXT NOT NULL,"
	"  closed_in INTEGER REFERENCES session(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (process_id, num));"
	"CREATE INDEX action_open ON action(process_id, state, num);"
	/* Recommendations that can be followed, in (session, num) order per
	 * process: the grid of screen 7 pages on this index. */
	"CREATE INDEX recommendation_followed ON recommendation(status, session_id, num);"
	/* Only member states report implementation (R5 by analogy). */
	"CREATE TRIGGER followup_r5_INSERT BEFORE INSERT ON followup"
	" WHEN (SELECT type FROM delegation WHERE id = NEW.delegation_id) IS NOT 'member'"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	"CREATE TRIGGER followup_r5_UPDATE BEFORE UPDATE ON followup"
	" WHEN (SELECT type FROM delegation WHERE id = NEW.delegation_id) IS NOT 'member'"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	"CREATE TRIGGER followup_history_r5 BEFORE INSERT ON followup_history"
	" WHEN (SELECT type FROM delegation WHERE id = NEW.delegation_id) IS NOT 'member'"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	/* Only an adopted (or then submitted) recommendation is followed. */
	"CREATE TRIGGER followup_adopted BEFORE INSERT ON followup"
	" WHEN (SELECT status FROM recommendation WHERE id = NEW.rec_id)"
	"  NOT IN ('adopted','submitted')"
	" BEGIN SELECT RAISE(ABORT, 'FOLLOWUP_NOT_ADOPTED'); END;"
	"CREATE TRIGGER followup_adopted_UPDATE BEFORE UPDATE ON followup"
	" WHEN (SELECT status FROM recommendation WHERE id = NEW.rec_id)"
	"  NOT IN ('adopted','submitted')"
	" BEGIN SELECT RAISE(ABORT, 'FOLLOWUP_NOT_ADOPTED'); END;"
	/* As for the other tables (migration 2): a delegation a report refers
	 * to is never deleted or renumbered. */
	"CREATE TRIGGER delegation_no_delete_followup BEFORE DELETE ON delegation"
	" WHEN EXISTS (SELECT 1 FROM followup_history WHERE delegation_id = OLD.id)"
	" BEGIN SELECT RAISE(ABORT, 'DELEGATION_IN_USE'); END;"
	"CREATE TRIGGER delegation_keep_id_followup BEFORE UPDATE OF id ON delegation"
	" WHEN NEW.id IS NOT OLD.id AND"
	"  EXISTS (SELECT 1 FROM followup_history WHERE delegation_id = OLD.id)"
	" BEGIN SELECT RAISE(ABORT, 'DELEGATION_IN_USE'); END;"
	/* The overall state of a recommendation, from its member states'. */
	"CREATE VIEW followup_overall AS"
	" SELECT r.id AS rec_id, CASE"
	"  WHEN (SELECT count(*) FROM followup f WHERE f.rec_id = r.id"
	"        AND f.status IN ('implemented','not_applicable'))"
	"     = (SELECT count(*) FROM delegation d WHERE d.process_id = s.process_id"
	"        AND d.type = 'member') THEN 'implemented'"
	"  WHEN EXISTS (SELECT 1 FROM followup f WHERE f.rec_id = r.id"
	"        AND f.status IN ('in_progress','implemented')) THEN 'in_progress'"
	"  WHEN EXISTS (SELECT 1 FROM followup f WHERE f.rec_id = r.id"
	"        AND f.status = 'not_started') THEN 'not_started'"
	"  ELSE 'no_report' END AS overall"
	" FROM recommendation r JOIN session s ON s.id = r.session_id;"
	;

/* 4: the journal keeps each event as a code with its arguments, a JSON
 * array ["item.started", 3, "Opening"], so that the minutes are written
 * in the reader's language when read (minutes_render.c); `detail` keeps
 * the text in the writer's language for rows without a code (older ones,
 * or a code this program does not know). */
const char migration_journal_args[] =
	"ALTER TABLE journal ADD COLUMN args TEXT"
	"  CHECK (args IS NULL OR (json_valid(args) AND json_type(args) = 'array'));";

/* 5: The venue's time zone (util.h: an IANA name, ±HH:MM or UTC; NULL: the
 * zone of the machine typing): planned times are its wall-clock times. */
const char migration_session_tz[] =
	"ALTER TABLE session ADD COLUMN tz TEXT;";

/* 6: Remote participation (issue 15): who typed each command — the person
 * (--as) and the role (--role) beside the OS user in `actor`; '' when the
 * program ran without them. The minutes show the person when there is
 * one. Adding columns with a constant default rewrites no row. */
const char migration_person_role[] =
	"ALTER TABLE journal ADD COLUMN person TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE journal ADD COLUMN role TEXT NOT NULL DEFAULT '';";

/* 7: The member states present in the room of a session (DESIGN R4, R6, R7):
 * one row per member state with at least one delegate marked present.
 * The queries that count positions, objections and presence ask it
 * instead of repeating the subquery. */
const char migration_member_present[] =
	"CREATE VIEW member_present AS"
	" SELECT s.id AS session_id, d.id AS delegation_id"
	" FROM session s JOIN delegation d ON d.process_id = s.process_id"
	" WHERE d.type = 'member' AND EXISTS (SELECT 1 FROM delegate g"
	"  WHERE g.session_id = s.id AND g.delegation_id = d.id AND g.present = 1);";

/* 8: The versions of a session's report (issue 13). A version
 * is frozen by `minutes circulate` (its number, time, the fingerprint of
 * the record and the last journal row before it) and made final by
 * `minutes approve`; `session reopen` marks an approved version reopened,
 * which lifts the lock on the session. */
const char migration_report[] =
	"CREATE TABLE report_version ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id),"
	"  version INTEGER NOT NULL CHECK (version > 0),"
	"  circulated_at TEXT NOT NULL,"
	"  fingerprint TEXT NOT NULL,"
	"  journal_seq INTEGER NOT NULL,"
	"  approved_at TEXT,"
	"  reopened_at TEXT,"
	"  actor TEXT NOT NULL,"
	"  UNIQUE (session_id, version));";

/* 9: What each journaled command changed, row by row (a change set of
 * SQLite's session extension), so that `undo` applies its inverse; and,
 * for an undo or a redo, the journal row it reverted. Append-only like
 * the journal it belongs to. */
const char migration_undo[] =
	"CREATE TABLE journal_change ("
	"  seq INTEGER PRIMARY KEY REFERENCES journal(seq),"
	"  changes BLOB NOT NULL,"
	"  reverts INTEGER REFERENCES journal(seq));"
	"CREATE TRIGGER journal_change_no_update BEFORE UPDATE ON journal_change"
	"  BEGIN SELECT RAISE(ABORT, 'JOURNAL_APPEND_ONLY'); END;"
	"CREATE TRIGGER journal_change_no_delete BEFORE DELETE ON journal_change"
	"  BEGIN SELECT RAISE(ABORT, 'JOURNAL_APPEND_ONLY'); END;";

/* 10: Spanish labels of the reference data (R10: IOM works in English, French
 * and Spanish; empty when a fixture set has none), and whether the
 * delegation-level check R4 applies to a session (DiMOI's rule, not IDM's). */
const char migration_spanish_r4[] =
	"ALTER TABLE level ADD COLUMN label_es TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE category ADD COLUMN label_es TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE process ADD COLUMN name_es TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE theme ADD COLUMN title_es TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE delegation ADD COLUMN name_es TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE session ADD COLUMN r4 INTEGER NOT NULL DEFAULT 1 CHECK (r4 IN (0,1));";

/* 11: The structure of a process's reports (issue 17): DiMOI's meeting
 * report, or IDM's workshop report (key messages, lessons learned, good
 * practices, "Voix de migrants" first). From the fixtures' process.csv. */
const char migration_process_report[] =
	"ALTER TABLE process ADD COLUMN report TEXT NOT NULL DEFAULT 'meeting'"
	" CHECK (report IN ('meeting', 'workshop'));";
