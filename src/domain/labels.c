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

static const char *const label_sql[] = {
	"SELECT label_fr, label_en, label_es FROM level WHERE label_es <> ''",
	"SELECT label_fr, label_en, label_es FROM category WHERE label_es <> ''",
	"SELECT name_fr, name_en, name_es FROM process WHERE name_es <> ''",
	"SELECT name_fr, name_en, name_es FROM delegation WHERE name_es <> ''",
	"SELECT title_fr, title_en, title_es FROM theme WHERE title_es <> ''",
};

int labels_load_es(struct db *db)
{
	i18n_labels_clear();
	for (size_t i = 0; i < sizeof label_sql / sizeof label_sql[0]; i++) {
		struct dbq *q = db_query(db, label_sql[i], "");
		int rc;

		if (!q)
			return db_errstatus(db);
		while ((rc = dbq_step(q)) == DB_ROW)
			i18n_label_es_add(dbq_text(q, 0), dbq_text(q, 1), dbq_text(q, 2));
		dbq_reset(q);
		if (rc < 0)
			return rc;
	}
	return 0;
}
