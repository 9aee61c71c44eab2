/*
 * migrations_1.c — migrations 1 and 2: the schema as first shipped (the
 * tables, R5 and R8 constraints, the append-only journal, then the
 * triggers that close the side doors). Shipped: never edit (migrations.h).
 */
#include "migrations.h"

/* 1: the tables. */
const char migration_1[] =
	/* Reference data, from fixtures/ */
	"CREATE TABLE level ("
	"  code TEXT PRIMARY KEY,"
	"  rank INTEGER NOT NULL UNIQUE,"        /* larger = more senior */
	"  label_fr TEXT NOT NULL, label_en TEXT NOT NULL);"
	"CREATE TABLE category ("
	"  code TEXT PRIMARY KEY,"
	"  core INTEGER NOT NULL DEFAULT 0 CHECK (core IN (0,1)),"  /* R4 core */
	"  label_fr TEXT NOT NULL, label_en TEXT NOT NULL);"
	"CREATE TABLE process ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name_fr TEXT NOT NULL, name_en TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'rcp',"
	"  secretariat TEXT, chair TEXT);"
	"CREATE TABLE theme ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  source TEXT NOT NULL,"                /* midiocc, idm, free */
	"  year INTEGER,"
	"  kind TEXT NOT NULL DEFAULT 'axis',"   /* axis, overarching, workshop, free */
	"  title_fr TEXT NOT NULL, title_en TEXT NOT NULL DEFAULT '');"
	"CREATE INDEX theme_source ON theme(source, year, id);"
	"CREATE TABLE theme_category ("
	"  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
	"  category TEXT NOT NULL REFERENCES category(code),"
	"  PRIMARY KEY (theme_id, category)) WITHOUT ROWID;"
	"CREATE TABLE delegation ("
	"  id INTEGER PRIMARY KEY,"
	"  process_id INTEGER NOT NULL REFERENCES process(id),"
	"  code TEXT NOT NULL,"
	"  type TEXT NOT NULL CHECK (type IN ('member','observer_state','observer_org')),"
	"  name_fr TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (process_id, code));"
	"CREATE INDEX delegation_type ON delegation(process_id, type, code);"

	/* Sessions (R2) */
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  process_id INTEGER NOT NULL REFERENCES process(id),"
	"  title TEXT NOT NULL,"
	"  level TEXT NOT NULL DEFAULT 'senior' CHECK (level IN ('expert','senior','ministerial')),"
	"  start_date TEXT NOT NULL, end_date TEXT,"
	"  venue TEXT, host TEXT, chair TEXT,"
	"  min_level TEXT NOT NULL DEFAULT 'director' REFERENCES level(code),"
	"  decision_rule TEXT NOT NULL DEFAULT 'consensus' CHECK (decision_rule IN ('consensus','majority')),"
	"  workshop_places INTEGER NOT NULL DEFAULT 2,"
	"  next_places INTEGER NOT NULL DEFAULT 1,"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','open','closed')),"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX session_recent ON session(status, id);"
	"CREATE INDEX session_process ON session(process_id, id);"
	"CREATE TABLE session_theme ("
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  theme_id INTEGER NOT NULL REFERENCES theme(id),"
	"  PRIMARY KEY (session_id, theme_id)) WITHOUT ROWID;"

	/* Delegates and presence (R3) */
	"CREATE TABLE delegate ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  name TEXT NOT NULL,"
	"  function TEXT NOT NULL DEFAULT '',"
	"  level TEXT NOT NULL REFERENCES level(code),"
	"  entity TEXT NOT NULL DEFAULT '',"
	"  category TEXT NOT NULL REFERENCES category(code),"
	"  head INTEGER NOT NULL DEFAULT 0 CHECK (head IN (0,1)),"
	"  email TEXT NOT NULL DEFAULT '',"
	"  present INTEGER NOT NULL DEFAULT 0 CHECK (present IN (0,1)),"
	"  arrived TEXT, left_at TEXT,"
	"  UNIQUE (session_id, delegation_id, name));"
	"CREATE INDEX delegate_by_delegation ON delegate(session_id, delegation_id, name);"

	/* Agenda (R8) */
	"CREATE TABLE agenda_item ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  num INTEGER NOT NULL,"                /* stable number shown to people */
	"  pos INTEGER NOT NULL,"                /* order on the agenda */
	"  title TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('opening','agenda','statements',"
	"    'thematic','testimony','working_group','drafting','adoption','next_meeting','closing','other')),"
	"  planned_start TEXT, planned_minutes INTEGER NOT NULL DEFAULT 0,"
	"  moderator TEXT NOT NULL DEFAULT '',"
	"  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','in_progress','done','skipped')),"
	"  actual_start TEXT, actual_end TEXT,"
	"  UNIQUE (session_id, num));"
	"CREATE INDEX agenda_order ON agenda_item(session_id, pos);"
	"CREATE UNIQUE INDEX agenda_one_in_progress ON agenda_item(session_id) WHERE status = 'in_progress';"

	/* Floor (R9) */
	"CREATE TABLE speaker_request ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  speaker TEXT NOT NULL DEFAULT '',"
	"  speech_type TEXT NOT NULL DEFAULT 'statement' CHECK (speech_type IN ('statement','reply','point_of_order','question')),"
	"  pos INTEGER NOT NULL,"
	"  requested_at TEXT NOT NULL);"
	"CREATE INDEX speaker_queue ON speaker_request(item_id, pos);"
	"CREATE TABLE intervention ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  speaker TEXT NOT NULL DEFAULT '',"
	"  speech_type TEXT NOT NULL DEFAULT 'statement' CHECK (speech_type IN ('statement','reply','point_of_order','question')),"
	"  start TEXT NOT NULL, end TEXT,"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (item_id, seq));"
	"CREATE INDEX intervention_by_session ON intervention(session_id, item_id, seq);"
	"CREATE UNIQUE INDEX intervention_one_open ON intervention(session_id) WHERE end IS NULL;"

	/* Themes (R6) */
	"CREATE TABLE proposal ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  num INTEGER NOT NULL,"
	"  target TEXT NOT NULL CHECK (target IN ('workshop','next')),"
	"  theme_id INTEGER REFERENCES theme(id),"
	"  title TEXT NOT NULL,"
	"  proposer_kind TEXT NOT NULL DEFAULT 'secretariat' CHECK (proposer_kind IN ('secretariat','ctp','member')),"
	"  proposer_id INTEGER REFERENCES delegation(id),"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','selected','rejected','merged')),"
	"  merged_into INTEGER REFERENCES proposal(id),"
	"  origins TEXT NOT NULL DEFAULT '',"   /* 'P1; P3' for a merged proposal */
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (session_id, num));"
	"CREATE INDEX proposal_by_target ON proposal(session_id, target, num);"
	"CREATE TABLE position ("
	"  proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  stance TEXT NOT NULL CHECK (stance IN ('support','object','abstain')),"
	"  at TEXT NOT NULL,"
	"  PRIMARY KEY (proposal_id, delegation_id)) WITHOUT ROWID;"
	/* The theme chosen for the next meeting, inherited by the next session. */
	"CREATE TABLE next_theme ("
	"  process_id INTEGER NOT NULL REFERENCES process(id),"
	"  from_session INTEGER NOT NULL REFERENCES session(id),"
	"  theme_id INTEGER REFERENCES theme(id),"
	"  title TEXT NOT NULL,"
	"  used_by INTEGER REFERENCES session(id),"
	"  PRIMARY KEY (process_id, from_session));"

	/* Recommendations (R5, R7) */
	"CREATE TABLE recommendation ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
	"  num INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  theme_id INTEGER REFERENCES theme(id),"
	"  item_id INTEGER REFERENCES agenda_item(id),"
	"  author_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','discussion','adopted','withdrawn','deferred','submitted')),"
	"  adopted_at TEXT, submitted_at TEXT,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (session_id, num));"
	"CREATE INDEX recommendation_by_status ON recommendation(session_id, status, num);"
	"CREATE TABLE rec_version ("
	"  id INTEGER PRIMARY KEY,"
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  text_fr TEXT NOT NULL, text_en TEXT NOT NULL DEFAULT '',"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"  /* who proposed it */
	"  actor TEXT NOT NULL,"                 /* OS user who typed it */
	"  at TEXT NOT NULL,"
	"  UNIQUE (rec_id, version));"
	"CREATE TABLE rec_cosponsor ("
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  PRIMARY KEY (rec_id, delegation_id)) WITHOUT ROWID;"
	"CREATE TABLE rec_reservation ("
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  reason TEXT NOT NULL DEFAULT '', at TEXT NOT NULL,"
	"  PRIMARY KEY (rec_id, delegation_id)) WITHOUT ROWID;"
	"CREATE TABLE rec_objection ("
	"  rec_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,"
	"  delegation_id INTEGER NOT NULL REFERENCES delegation(id),"
	"  reason TEXT NOT NULL DEFAULT '', at TEXT NOT NULL,"
	"  PRIMARY KEY (rec_id, delegation_id)) WITHOUT ROWID;"

	/* Drafts of text being typed (saved every second by the editor). */
	"CREATE TABLE draft ("
	"  kind TEXT NOT NULL,"                  /* 'rec', 'amend', 'summary', 'note' */
	"  session_id INTEGER NOT NULL,"
	"  ref INTEGER NOT NULL DEFAULT 0,"
	"  text TEXT NOT NULL,"
	"  saved_at TEXT NOT NULL,"
	"  PRIMARY KEY (kind, session_id, ref)) WITHOUT ROWID;"

	/* The journal: append-only (DESIGN §2). */
	"CREATE TABLE journal ("
	"  seq INTEGER PRIMARY KEY,"
	"  time TEXT NOT NULL,"
	"  session_id INTEGER,"
	"  item INTEGER,"                        /* agenda item number */
	"  event TEXT NOT NULL,"
	"  delegation TEXT NOT NULL DEFAULT '',"
	"  actor TEXT NOT NULL,"
	"  command TEXT NOT NULL,"
	"  detail TEXT NOT NULL DEFAULT '',"
	"  before TEXT, after TEXT);"
	"CREATE INDEX journal_by_session ON journal(session_id, seq);"
	"CREATE INDEX journal_by_event ON journal(session_id, event, seq);"
	"CREATE INDEX journal_by_delegation ON journal(session_id, delegation, seq);"
	"CREATE INDEX journal_by_item ON journal(session_id, item, seq);"
	"CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal"
	"  BEGIN SELECT RAISE(ABORT, 'JOURNAL_APPEND_ONLY'); END;"
	"CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal"
	"  BEGIN SELECT RAISE(ABORT, 'JOURNAL_APPEND_ONLY'); END;"

	/* R5 triggers: observers never draft. */
#define R5_GUARD(table, col, when)                                           \
	"CREATE TRIGGER " table "_r5_" when " BEFORE " when " ON " table          \
	" WHEN (SELECT type FROM delegation WHERE id = NEW." col ") IS NOT 'member'" \
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	R5_GUARD("recommendation", "author_id", "INSERT")
	R5_GUARD("recommendation", "author_id", "UPDATE")
	R5_GUARD("rec_version", "delegation_id", "INSERT")
	R5_GUARD("rec_version", "delegation_id", "UPDATE")
	R5_GUARD("rec_cosponsor", "delegation_id", "INSERT")
	R5_GUARD("rec_cosponsor", "delegation_id", "UPDATE")
	R5_GUARD("rec_reservation", "delegation_id", "INSERT")
	R5_GUARD("rec_reservation", "delegation_id", "UPDATE")
	R5_GUARD("rec_objection", "delegation_id", "INSERT")
	R5_GUARD("rec_objection", "delegation_id", "UPDATE")
	R5_GUARD("position", "delegation_id", "INSERT")
	R5_GUARD("position", "delegation_id", "UPDATE")
	/* A proposal's proposer, when a delegation, must be a member state. */
	"CREATE TRIGGER proposal_r5_INSERT BEFORE INSERT ON proposal"
	" WHEN NEW.proposer_id IS NOT NULL AND"
	"  (SELECT type FROM delegation WHERE id = NEW.proposer_id) IS NOT 'member'"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	"CREATE TRIGGER proposal_r5_UPDATE BEFORE UPDATE OF proposer_id ON proposal"
	" WHEN NEW.proposer_id IS NOT NULL AND"
	"  (SELECT type FROM delegation WHERE id = NEW.proposer_id) IS NOT 'member'"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
	/* Turning a member into an observer must not smuggle in observer authors. */
	"CREATE TRIGGER delegation_r5_type BEFORE UPDATE OF type ON delegation"
	" WHEN NEW.type IS NOT 'member' AND ("
	"  EXISTS (SELECT 1 FROM recommendation WHERE author_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM rec_version WHERE delegation_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM rec_cosponsor WHERE delegation_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM rec_reservation WHERE delegation_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM rec_objection WHERE delegation_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM position WHERE delegation_id = NEW.id) OR"
	"  EXISTS (SELECT 1 FROM proposal WHERE proposer_id = NEW.id))"
	" BEGIN SELECT RAISE(ABORT, 'R5_OBSERVER'); END;"
#undef R5_GUARD
	;

/* No side door (issue 12): the triggers of migration 1 watch UPDATE OF
 * type, but REPLACE deletes and re-inserts without firing DELETE triggers,
 * and the sqlite3 shell runs with foreign keys off. So a delegation that
 * anything refers to is never deleted, renumbered or replaced (the program
 * changes a delegation with UPDATE only), and the journal and the version
 * history are never replaced row by row. */
#define DELEG_USED(id)                                                        \
	" (EXISTS (SELECT 1 FROM recommendation WHERE author_id = " id ") OR"  \
	"  EXISTS (SELECT 1 FROM rec_version WHERE delegation_id = " id ") OR" \
	"  EXISTS (SELECT 1 FROM rec_cosponsor WHERE delegation_id = " id ") OR" \
	"  EXISTS (SELECT 1 FROM rec_reservation WHERE delegation_id = " id ") OR" \
	"  EXISTS (SELECT 1 FROM rec_objection WHERE delegation_id = " id ") OR" \
	"  EXISTS (SELECT 1 FROM position WHERE delegation_id = " id ") OR"    \
	"  EXISTS (SELECT 1 FROM proposal WHERE proposer_id = " id ") OR"      \
	"  EXISTS (SELECT 1 FROM delegate WHERE delegation_id = " id ") OR"    \
	"  EXISTS (SELECT 1 FROM speaker_request WHERE delegation_id = " id ") OR" \
	"  EXISTS (SELECT 1 FROM intervention WHERE delegation_id = " id "))"
const char migration_2[] =
	"CREATE TRIGGER delegation_no_replace BEFORE INSERT ON delegation"
	" WHEN EXISTS (SELECT 1 FROM delegation WHERE id = NEW.id"
	"  OR (process_id = NEW.process_id AND code = NEW.code))"
	" BEGIN SELECT RAISE(ABORT, 'DELEGATION_REPLACE'); END;"
	"CREATE TRIGGER delegation_no_delete BEFORE DELETE ON delegation"
	" WHEN" DELEG_USED("OLD.id")
	" BEGIN SELECT RAISE(ABORT, 'DELEGATION_IN_USE'); END;"
	"CREATE TRIGGER delegation_keep_id BEFORE UPDATE OF id ON delegation"
	" WHEN NEW.id IS NOT OLD.id AND" DELEG_USED("OLD.id")
	" BEGIN SELECT RAISE(ABORT, 'DELEGATION_IN_USE'); END;"
	"CREATE TRIGGER journal_no_replace BEFORE INSERT ON journal"
	" WHEN EXISTS (SELECT 1 FROM journal WHERE seq = NEW.seq)"
	" BEGIN SELECT RAISE(ABORT, 'JOURNAL_APPEND_ONLY'); END;"
	"CREATE TRIGGER rec_version_no_replace BEFORE INSERT ON rec_version"
	" WHEN EXISTS (SELECT 1 FROM rec_version WHERE id = NEW.id"
	"  OR (rec_id = NEW.rec_id AND version = NEW.version))"
	" BEGIN SELECT RAISE(ABORT, 'VERSION_KEPT'); END;";
#undef DELEG_USED
