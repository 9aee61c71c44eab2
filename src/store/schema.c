/*
 * schema.c — the database schema as an ordered list of migrations, the
 * list that db.c applies: migration i brings PRAGMA user_version from i
 * to i+1; db.c applies the missing ones in one transaction at open. The
 * migrations themselves are in migrations_*.c, their order in
 * migrations.h. Never edit a migration that has shipped: append a new one.
 *
 * Domain rules the schema enforces (so that no code path can bypass them):
 *  - R5: observers never author, co-sponsor, amend, reserve or object to a
 *    recommendation, never take a position on or propose a theme
 *    (triggers raising 'R5_OBSERVER').
 *  - R8: at most one agenda item in progress per session (partial unique
 *    index), one open intervention per session.
 *  - The journal is append-only (triggers raising 'JOURNAL_APPEND_ONLY').
 */
#include "schema.h"

#include "migrations.h"

#define MIGRATION_ENTRY(name) name,
const char *const schema_migrations[] = { SCHEMA_MIGRATIONS(MIGRATION_ENTRY) };
#undef MIGRATION_ENTRY
const int schema_migration_count = (int)(sizeof(schema_migrations) / sizeof(schema_migrations[0]));
