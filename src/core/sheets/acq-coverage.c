/* acq-coverage.c — which competences of a candidate's certification their sheets back, and
 * how far along: for the candidate's grid, the mind map and the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-coverage"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-coverage.h"
#include "acq-sql-private.h"

/* The candidate's certification, its blocs and competences, whether each bloc is targeted and
 * how many sheets illustrate it. A competence an older version of the fiche left (retired, kept
 * for a sheet's link, see acq_referential_store_fiche_full()) and a bloc it left are not the
 * fiche's: they count nowhere, and the import listed them for the user to link again. */
static const char sql_referential[] =
  "SELECT k.certification_uuid, b.uuid, b.code, b.position, b.title,"
  " EXISTS (SELECT 1 FROM candidate_bloc cb WHERE cb.candidate_uuid = k.uuid"
  "   AND cb.bloc_uuid = b.uuid),"
  " (SELECT count(*) FROM sheet s WHERE s.candidate_uuid = k.uuid AND s.bloc_uuid = b.uuid"
  "   AND s.deleted_at IS NULL),"
  " c.uuid, c.position, c.label"
  " FROM candidate k JOIN bloc b ON b.certification_uuid = k.certification_uuid"
  " LEFT JOIN competence c ON c.bloc_uuid = b.uuid AND c.retired_at IS NULL AND c.position > 0"
  " WHERE k.uuid = ?1 AND b.position > 0 ORDER BY b.position, c.position";
static const char sql_links[] =
  "SELECT sc.competence_uuid, s.uuid, s.title, s.review_state FROM sheet s"
  " JOIN sheet_competence sc ON sc.sheet_uuid = s.uuid"
  " WHERE s.candidate_uuid = ?1 AND s.deleted_at IS NULL ORDER BY s.created_at, s.id";

/**
 * acq_coverage_level_from_state:
 * @state: a sheet's review state
 *
 * Returns: the coverage a sheet in @state gives
 */
AcqCoverageLevel
acq_coverage_level_from_state (AcqReviewState state)
{
  switch (state)
    {
    case ACQ_REVIEW_STATE_DRAFT: return ACQ_COVERAGE_DRAFT;
    case ACQ_REVIEW_STATE_CHANGES_REQUESTED: return ACQ_COVERAGE_CHANGES_REQUESTED;
    case ACQ_REVIEW_STATE_TO_REVIEW: return ACQ_COVERAGE_TO_REVIEW;
    case ACQ_REVIEW_STATE_VALIDATED: return ACQ_COVERAGE_VALIDATED;
    case ACQ_N_REVIEW_STATES: default: break;
    }
  g_return_val_if_reached (ACQ_COVERAGE_NONE);
}

static void
coverage_sheet_free (AcqCoverageSheet *sheet)
{
  g_free (sheet->sheet_uuid);
  g_free (sheet->title);
  g_free (sheet);
}

static void
coverage_competence_free (AcqCoverageCompetence *competence)
{
  g_free (competence->competence_uuid);
  g_free (competence->label);
  g_clear_pointer (&competence->sheets, g_ptr_array_unref);
  g_free (competence);
}

static void
coverage_bloc_free (AcqCoverageBloc *bloc)
{
  g_free (bloc->bloc_uuid);
  g_free (bloc->code);
  g_free (bloc->title);
  g_clear_pointer (&bloc->competences, g_ptr_array_unref);
  g_free (bloc);
}

void
acq_coverage_free (AcqCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->candidate_uuid);
  g_free (coverage->certification_uuid);
  g_clear_pointer (&coverage->blocs, g_ptr_array_unref);
  g_free (coverage);
}

static AcqCoverageBloc *
bloc_from_row (sqlite3_stmt *stmt)
{
  AcqCoverageBloc *bloc = g_new0 (AcqCoverageBloc, 1);

  bloc->bloc_uuid = _acq_sql_column_dup (stmt, 1);
  bloc->code = _acq_sql_column_dup (stmt, 2);
  bloc->position = sqlite3_column_int (stmt, 3);
  bloc->title = _acq_sql_column_dup (stmt, 4);
  bloc->targeted = sqlite3_column_int (stmt, 5) != 0;
  bloc->n_sheets = sqlite3_column_int (stmt, 6);
  bloc->competences =
    g_ptr_array_new_with_free_func ((GDestroyNotify) coverage_competence_free);
  return bloc;
}

static AcqCoverageCompetence *
competence_from_row (sqlite3_stmt *stmt)
{
  AcqCoverageCompetence *competence = g_new0 (AcqCoverageCompetence, 1);

  competence->competence_uuid = _acq_sql_column_dup (stmt, 7);
  competence->position = sqlite3_column_int (stmt, 8);
  competence->label = _acq_sql_column_dup (stmt, 9);
  competence->level = ACQ_COVERAGE_NONE;
  competence->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) coverage_sheet_free);
  return competence;
}

static gboolean
load_referential (AcqStore *store, AcqCoverage *coverage, GHashTable *by_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_referential, error);
  AcqCoverageBloc *bloc = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, coverage->candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqCoverageCompetence *competence;

      if (coverage->certification_uuid == NULL)
        coverage->certification_uuid = _acq_sql_column_dup (stmt, 0);
      if (bloc == NULL || g_strcmp0 (bloc->bloc_uuid, _acq_sql_column_text (stmt, 1)) != 0)
        g_ptr_array_add (coverage->blocs, bloc = bloc_from_row (stmt));
      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        continue;
      competence = competence_from_row (stmt);
      g_ptr_array_add (bloc->competences, competence);
      g_hash_table_insert (by_uuid, competence->competence_uuid, competence);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the referential for coverage");
  return TRUE;
}

static AcqCoverageSheet *
sheet_from_row (sqlite3_stmt *stmt)
{
  AcqCoverageSheet *sheet = g_new0 (AcqCoverageSheet, 1);
  g_autoptr (AcqSheet) named = acq_sheet_new (_acq_sql_column_text (stmt, 1), "");

  /* the placeholder of an untitled sheet is the one shown everywhere else */
  acq_sheet_set_title (named, _acq_sql_column_text (stmt, 2));
  sheet->sheet_uuid = _acq_sql_column_dup (stmt, 1);
  sheet->title = acq_sheet_dup_display_title (named);
  sheet->review_state = CLAMP (sqlite3_column_int (stmt, 3), 0, ACQ_N_REVIEW_STATES - 1);
  return sheet;
}

static int
compare_sheets (gconstpointer a, gconstpointer b)
{
  const AcqCoverageSheet *sa = *(AcqCoverageSheet **) a;
  const AcqCoverageSheet *sb = *(AcqCoverageSheet **) b;

  return (int) acq_coverage_level_from_state (sb->review_state) -
         (int) acq_coverage_level_from_state (sa->review_state);
}

static gboolean
load_links (AcqStore *store, AcqCoverage *coverage, GHashTable *by_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_links, error);
  GHashTableIter iter;
  gpointer value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, coverage->candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqCoverageCompetence *competence = g_hash_table_lookup (by_uuid,
                                                               _acq_sql_column_text (stmt, 0));
      AcqCoverageSheet *sheet;

      /* a competence of another certification (the candidate changed certification) */
      if (competence == NULL)
        continue;
      sheet = sheet_from_row (stmt);
      g_ptr_array_add (competence->sheets, sheet);
      competence->level = MAX (competence->level,
                               acq_coverage_level_from_state (sheet->review_state));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the sheets for coverage");
  /* stable: equal states keep the order the sheets were written in */
  g_hash_table_iter_init (&iter, by_uuid);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (((AcqCoverageCompetence *) value)->sheets, compare_sheets);
  return TRUE;
}

/**
 * acq_coverage_compute:
 * @store: the store
 * @candidate_uuid: a candidate
 * @error: where to put an error
 *
 * For every competence of the candidate's certification, grouped by bloc: the sheets that
 * demonstrate it (deleted ones aside) and the best of their review states. Two queries,
 * whatever the number of sheets; compute it again after a change.
 *
 * Returns: (transfer full): the coverage (without blocs if the candidate has no certification
 *   or does not exist), or %NULL on error
 */
AcqCoverage *
acq_coverage_compute (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  coverage = g_new0 (AcqCoverage, 1);
  coverage->candidate_uuid = g_strdup (candidate_uuid);
  coverage->blocs = g_ptr_array_new_with_free_func ((GDestroyNotify) coverage_bloc_free);
  if (!load_referential (store, coverage, by_uuid, error) ||
      !load_links (store, coverage, by_uuid, error))
    return NULL;
  return g_steal_pointer (&coverage);
}

/**
 * acq_coverage_find:
 * @coverage: a coverage
 * @competence_uuid: a competence
 *
 * Returns: (transfer none) (nullable): the competence's coverage, if of this certification
 */
AcqCoverageCompetence *
acq_coverage_find (const AcqCoverage *coverage, const char *competence_uuid)
{
  g_return_val_if_fail (coverage != NULL, NULL);
  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);

      for (guint c = 0; c < bloc->competences->len; c++)
        {
          AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
          if (g_strcmp0 (competence->competence_uuid, competence_uuid) == 0)
            return competence;
        }
    }
  return NULL;
}

/**
 * acq_coverage_bloc_count:
 * @bloc: a bloc's coverage
 * @at_least: a level
 *
 * Returns: how many of the bloc's competences are covered at @at_least or better
 */
guint
acq_coverage_bloc_count (const AcqCoverageBloc *bloc, AcqCoverageLevel at_least)
{
  guint n = 0;

  g_return_val_if_fail (bloc != NULL, 0);
  for (guint c = 0; c < bloc->competences->len; c++)
    n += ((AcqCoverageCompetence *) g_ptr_array_index (bloc->competences, c))->level >= at_least;
  return n;
}

/**
 * acq_coverage_is_complete:
 * @coverage: a coverage
 *
 * What the jury checklist asks: every competence of every targeted bloc is backed by a
 * validated sheet.
 *
 * Returns: %TRUE if so (and at least one bloc is targeted)
 */
gboolean
acq_coverage_is_complete (const AcqCoverage *coverage)
{
  gboolean any = FALSE;

  g_return_val_if_fail (coverage != NULL, FALSE);
  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);

      if (!bloc->targeted)
        continue;
      any = TRUE;
      if (acq_coverage_bloc_count (bloc, ACQ_COVERAGE_VALIDATED) < bloc->competences->len)
        return FALSE;
    }
  return any;
}

/**
 * acq_coverage_level_label:
 * @level: a coverage level
 *
 * Returns: the level in words, as the coverage grid, the map and its legend say it
 */
const char *
acq_coverage_level_label (AcqCoverageLevel level)
{
  switch (level)
    {
    case ACQ_COVERAGE_NONE: return _("No sheet yet");
    case ACQ_COVERAGE_DRAFT: return _("Drafts only");
    case ACQ_COVERAGE_CHANGES_REQUESTED: return _("Changes requested");
    case ACQ_COVERAGE_TO_REVIEW: return _("Waiting for review");
    case ACQ_COVERAGE_VALIDATED: return _("Validated");
    case ACQ_N_COVERAGE_LEVELS: default: break;
    }
  g_return_val_if_reached ("");
}
