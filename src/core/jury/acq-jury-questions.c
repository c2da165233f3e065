/* acq-jury-questions.c — the jury's likely questions, the candidate's notes, and the drill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The questions are those the guidance ships per competence (data/guidance/, read by
 * referential/acq-guidance.c) and the accompagnatrice's own. A shipped question is not a row:
 * it is known by its place, "BLOC_CODE:POSITION:INDEX", which both sides of an exchange
 * compute alike, and the candidate's note for it is a jury_answer row under that key.
 *
 * The drill draws without replacement, each question's chance its weight: the competences
 * the candidate aims at weigh more the weaker their evidence (the coverage's level, no
 * sheet weighing most) and more again when the accompagnatrice marked them "à retravailler";
 * those of blocs not aimed at are left out. The seed makes a drill repeatable (the tests).
 */
#define G_LOG_DOMAIN "acq-jury"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-coverage.h"
#include "acq-guidance.h"
#include "acq-jury-private.h"
#include "acq-jury-questions.h"
#include "acq-jury.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define QUESTION_MAX_CHARS 2000
#define NOTE_MAX_CHARS 20000
/* a question about no competence in particular weighs as one with some evidence */
#define WEIGHT_GENERAL 3.0
#define WEIGHT_REWORK 4.0

static const char sql_fiche[] =
  "SELECT f.rncp FROM candidate c JOIN certification f ON f.uuid = c.certification_uuid"
  " WHERE c.uuid = ?1";
static const char sql_coach_questions[] =
  "SELECT uuid, competence_uuid, text FROM jury_question WHERE candidate_uuid = ?1"
  " ORDER BY created_at, uuid";
static const char sql_answers[] =
  "SELECT question_key, note FROM jury_answer WHERE candidate_uuid = ?1 ORDER BY updated_at";
static const char sql_question_insert[] =
  "INSERT INTO jury_question (uuid, candidate_uuid, competence_uuid, text, created_at,"
  " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char sql_answer_update[] =
  "UPDATE jury_answer SET note = ?3, updated_at = ?4 WHERE candidate_uuid = ?1 AND"
  " question_key = ?2 AND note <> ?3";
static const char sql_answer_insert[] =
  "INSERT INTO jury_answer (uuid, candidate_uuid, question_key, note, created_at, updated_at)"
  " SELECT ?5, ?1, ?2, ?3, ?4, ?4 WHERE NOT EXISTS (SELECT 1 FROM jury_answer WHERE"
  " candidate_uuid = ?1 AND question_key = ?2)";

void
acq_jury_question_free (AcqJuryQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->key);
  g_free (question->competence_uuid);
  g_free (question->bloc_code);
  g_free (question->text);
  g_free (question->note);
  g_free (question);
}

static double
competence_weight (const AcqCoverageBloc *bloc, const AcqCoverageCompetence *competence,
                   GHashTable *readiness)
{
  const AcqJuryReadinessMark *mark = g_hash_table_lookup (readiness, competence->competence_uuid);
  double weight;

  if (!bloc->targeted)
    return 0.0;
  /* no sheet: 9, validated: 1 */
  weight = 1.0 + 2.0 * (ACQ_COVERAGE_VALIDATED - competence->level);
  if (mark != NULL && mark->state == ACQ_JURY_READINESS_REWORK)
    weight += WEIGHT_REWORK;
  else if (mark != NULL && mark->state == ACQ_JURY_READINESS_READY)
    weight /= 2.0;
  return weight;
}

/**
 * acq_jury_questions_list:
 * @store: the store
 * @candidate_uuid: whose questions
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqJuryQuestion): the shipped questions of every
 *   competence of the candidate's certification in the referential's order, then the
 *   accompagnatrice's, each with the candidate's note and its weight in the drill
 */
GPtrArray *
acq_jury_questions_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_question_free);
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (AcqGuidance) guidance = NULL;
  g_autoptr (GHashTable) readiness = NULL;
  g_autoptr (GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) weights = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(coverage = acq_coverage_compute (store, candidate_uuid, error)) ||
      !(readiness = acq_jury_readiness_get (store, candidate_uuid, error)))
    return NULL;
  if (!(stmt = _acq_jury_query (store, sql_fiche, error, "s", candidate_uuid)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* no guidance shipped for that fiche: only the accompagnatrice's questions */
      guidance = acq_guidance_load (_acq_sql_column_text (stmt, 0), NULL);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (!(stmt = _acq_jury_query (store, sql_answers, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (notes, _acq_sql_column_dup (stmt, 0), _acq_sql_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_answers);
      return NULL;
    }

  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      const AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);
      for (guint c = 0; c < bloc->competences->len; c++)
        {
          const AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
          const char *const *texts = guidance ? acq_guidance_get_competence_questions (
                                                  guidance, bloc->code, competence->position)
                                              : NULL;
          double weight = competence_weight (bloc, competence, readiness);
          double *slot = g_new (double, 1);

          *slot = weight;
          g_hash_table_insert (weights, competence->competence_uuid, slot);
          g_hash_table_insert (codes, competence->competence_uuid, bloc->code);
          for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
            {
              AcqJuryQuestion *question = g_new0 (AcqJuryQuestion, 1);
              const char *note;

              question->key = g_strdup_printf ("%s:%d:%u", bloc->code, competence->position, i);
              question->competence_uuid = g_strdup (competence->competence_uuid);
              question->bloc_code = g_strdup (bloc->code);
              question->position = competence->position;
              question->text = g_strdup (texts[i]);
              note = g_hash_table_lookup (notes, question->key);
              question->note = g_strdup (note ? note : "");
              question->weight = weight;
              g_ptr_array_add (questions, question);
            }
        }
    }

  if (!(stmt = _acq_jury_query (store, sql_coach_questions, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryQuestion *question = g_new0 (AcqJuryQuestion, 1);
      const double *weight;
      const char *note;

      question->key = _acq_sql_column_dup (stmt, 0);
      question->competence_uuid = _acq_sql_column_dup (stmt, 1);
      question->text = _acq_sql_column_dup (stmt, 2);
      question->from_coach = TRUE;
      note = g_hash_table_lookup (notes, question->key);
      question->note = g_strdup (note ? note : "");
      weight = question->competence_uuid
                 ? g_hash_table_lookup (weights, question->competence_uuid) : NULL;
      question->weight = weight ? *weight : WEIGHT_GENERAL;
      if (question->competence_uuid != NULL)
        question->bloc_code = g_strdup (g_hash_table_lookup (codes, question->competence_uuid));
      g_ptr_array_add (questions, question);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_coach_questions);
      return NULL;
    }

  return g_steal_pointer (&questions);
}

/**
 * acq_jury_question_add:
 * @store: the store
 * @candidate_uuid: whose jury
 * @competence_uuid: (nullable): the competence it is about
 * @text: the question
 * @error: where to put an error
 *
 * Adds a question of the accompagnatrice's own.
 *
 * Returns: (transfer full): its key, or %NULL with @error set
 */
char *
acq_jury_question_add (AcqStore *store, const char *candidate_uuid,
                       const char *competence_uuid, const char *text, GError **error)
{
  g_autofree char *uuid = acq_store_new_uuid ();
  g_autofree char *now = acq_store_now ();
  g_autoptr (GError) local = NULL;

  if (acq_text_is_blank (text))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("A question needs a few words."));
      return NULL;
    }
  if (!acq_text_validate (text, QUESTION_MAX_CHARS, _("Question"), &local))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID, local->message);
      return NULL;
    }
  if (!_acq_jury_run (store, sql_question_insert, error, "sssss", uuid, candidate_uuid,
                      competence_uuid, text, now))
    return NULL;
  return g_steal_pointer (&uuid);
}

/**
 * acq_jury_question_set_note:
 * @store: the store
 * @candidate_uuid: whose note
 * @key: the question's key
 * @note: the candidate's notes for her answer
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_question_set_note (AcqStore *store, const char *candidate_uuid, const char *key,
                            const char *note, GError **error)
{
  g_autofree char *uuid = acq_store_new_uuid ();
  g_autofree char *now = acq_store_now ();
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (key != NULL, FALSE);
  if (!acq_text_validate (note, NOTE_MAX_CHARS, _("Notes"), &local))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID, local->message);
      return FALSE;
    }
  if (!acq_store_begin (store, error))
    return FALSE;
  if (!_acq_jury_run (store, sql_answer_update, error, "ssss", candidate_uuid, key,
                      note ? note : "", now) ||
      !_acq_jury_run (store, sql_answer_insert, error, "sssss", candidate_uuid, key,
                      note ? note : "", now, uuid) ||
      !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_jury_drill_draw:
 * @questions: (element-type AcqJuryQuestion): questions with their weights
 * @n: how many to draw
 * @seed: the seed: the same seed draws the same questions
 *
 * Draws up to @n questions without replacement, each with a chance in proportion to its
 * weight; questions that weigh nothing are never drawn.
 *
 * Returns: (transfer container) (element-type AcqJuryQuestion): the questions drawn, owned
 *   by @questions
 */
GPtrArray *
acq_jury_drill_draw (GPtrArray *questions, guint n, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) left = g_ptr_array_new ();
  GPtrArray *drawn = g_ptr_array_new ();
  double total = 0.0;

  for (guint i = 0; i < questions->len; i++)
    {
      AcqJuryQuestion *question = g_ptr_array_index (questions, i);
      if (question->weight > 0.0)
        {
          g_ptr_array_add (left, question);
          total += question->weight;
        }
    }
  while (drawn->len < n && left->len > 0)
    {
      double pick = g_rand_double_range (rand, 0.0, total);
      guint i = 0;

      for (; i + 1 < left->len; i++)
        {
          pick -= ((AcqJuryQuestion *) g_ptr_array_index (left, i))->weight;
          if (pick < 0.0)
            break;
        }
      total -= ((AcqJuryQuestion *) g_ptr_array_index (left, i))->weight;
      g_ptr_array_add (drawn, g_ptr_array_steal_index (left, i));
    }
  return drawn;
}

/**
 * acq_jury_drill:
 * @store: the store
 * @candidate_uuid: whose drill
 * @n: how many questions
 * @seed: the seed: the same seed and the same store draw the same questions
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqJuryQuestion): @n questions at most, drawn with
 *   acq_jury_drill_draw() from acq_jury_questions_list()
 */
GPtrArray *
acq_jury_drill (AcqStore *store, const char *candidate_uuid, guint n, guint32 seed,
                GError **error)
{
  g_autoptr (GPtrArray) questions = acq_jury_questions_list (store, candidate_uuid, error);
  g_autoptr (GPtrArray) drawn = NULL;
  GPtrArray *owned;

  if (questions == NULL)
    return NULL;
  drawn = acq_jury_drill_draw (questions, n, seed);
  owned = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_question_free);
  /* take the drawn ones out of @questions, whose free function would free them */
  g_ptr_array_set_free_func (questions, NULL);
  for (guint i = 0; i < drawn->len; i++)
    {
      guint index;
      g_ptr_array_find (questions, g_ptr_array_index (drawn, i), &index);
      g_ptr_array_add (owned, g_ptr_array_steal_index (questions, index));
    }
  g_ptr_array_set_free_func (questions, (GDestroyNotify) acq_jury_question_free);
  return owned;
}
