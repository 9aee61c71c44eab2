/*
 * migrations.h — the schema's migrations in order (private to src/store;
 * schema.c lists them for db.c). Migration i (from 1) brings PRAGMA
 * user_version from i - 1 to i, so the position in this list is the
 * version: append only, never reorder, never edit a migration that has
 * shipped (DB_SCHEMA_VERSION is the count).
 */
#ifndef RAPPORTEUR_MIGRATIONS_H
#define RAPPORTEUR_MIGRATIONS_H

#define SCHEMA_MIGRATIONS(X)                                          \
	X(migration_1)                /* migrations_1.c: the tables */ \
	X(migration_2)                /* no side door (issue 12) */    \
	X(migration_followup)         /* migrations_3.c from here */   \
	X(migration_journal_args)                                      \
	X(migration_session_tz)                                        \
	X(migration_person_role)                                       \
	X(migration_member_present)                                    \
	X(migration_report)                                            \
	X(migration_undo)                                              \
	X(migration_spanish_r4)                                        \
	X(migration_process_report)

#define MIGRATION_DECLARE(name) extern const char name[];
SCHEMA_MIGRATIONS(MIGRATION_DECLARE)
#undef MIGRATION_DECLARE

#endif
