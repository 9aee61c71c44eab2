/*
 * labels.c — the Spanish labels of the reference data. The readers of
 * every screen select the French and English labels and call i18n_pick;
 * rather than a third column in each of their queries, the Spanish label
 * of each pair is registered once here (a few hundred rows: 175 member
 * states at most, the theme catalogue, levels and categories).
 */
#include "labels.h"

#include "db.h"
#include "i18n.h"

/* Register the Spanish label of each row of sql (fr, en, es). */
static int load(struct db *db, const char *sql)
{
	struct dbq *q = db_query(db, sql, "");
	int rc;

	if (!q)
		return db_errstatus(db);
	while ((rc = dbq_step(q)) == DB_ROW)
		i18n_label_es_add(dbq_text(q, 0), dbq_text(q, 1), dbq_text(q, 2));
	dbq_reset(q);
	return rc < 0 ? rc : 0;
}

int labels_load_es(struct db *db)
{
	int rc;

	i18n_labels_clear();
	if ((rc = load(db, "SELECT label_fr, label_en, label_es FROM level WHERE label_es <> ''")) ||
	    (rc = load(db, "SELECT label_fr, label_en, label_es FROM category WHERE label_es <> ''")) ||
	    (rc = load(db, "SELECT name_fr, name_en, name_es FROM process WHERE name_es <> ''")) ||
	    (rc = load(db, "SELECT name_fr, name_en, name_es FROM delegation WHERE name_es <> ''")))
		return rc;
	return load(db, "SELECT title_fr, title_en, title_es FROM theme WHERE title_es <> ''");
}
