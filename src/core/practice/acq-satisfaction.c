/* acq-satisfaction.c — the satisfaction questionnaire at the end of an accompaniment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Qualiopi asks for the beneficiaries' appreciation, gathered and analysed. A short set of
 * questions (five by default, in French, with fixed uuids so that every copy of Acquis has
 * them: the accompagnatrice may reword, add or retire them), each scored from 1 to 5, and a
 * free text. The candidate answers in her own copy; her answers carry candidate_uuid and
 * author_role, so they come back in the .acquis exchange and only their author changes them
 * (exchange/acq-package-merge.c); the accompagnatrice may also type in a paper form, which is
 * then hers. Each score keeps the question's text as it was asked, and its uuid comes from the
 * response's and the question's, so that saving again changes rows rather than replacing them.
 */
#define G_LOG_DOMAIN "acq-satisfaction"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-parcours-private.h"
#include "acq-satisfaction.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define QUESTION_MAX_CHARS 500
#define COMMENT_MAX_CHARS 10000

static const char sql_questions[] =
  "SELECT uuid, position, text FROM satisfaction_question WHERE retired_at IS NULL"
  " ORDER BY position, uuid";
static const char sql_question_set[] =
  "INSERT INTO satisfaction_question (uuid, position, text, created_at, updated_at)"
  " VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM satisfaction_question), ?2, ?3,"
  " ?3) ON CONFLICT (uuid) DO UPDATE SET text = excluded.text, retired_at = NULL,"
  " updated_at = excluded.updated_at";
static const char sql_question_retire[] =
  "UPDATE satisfaction_question SET retired_at = ?2, updated_at = ?2 WHERE uuid = ?1";
static const char sql_author[] = "SELECT author_role FROM satisfaction_response WHERE uuid = ?1";
static const char sql_response_insert[] =
  "INSERT INTO satisfaction_response (uuid, candidate_uuid, author_role, answered_on, comment,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_response_update[] =
  "UPDATE satisfaction_response SET answered_on = ?4, comment = ?5, updated_at = ?6"
  " WHERE uuid = ?1 AND candidate_uuid = ?2 AND author_role = ?3";
static const char sql_score_set[] =
  "INSERT INTO satisfaction_score (uuid, candidate_uuid, response_uuid, author_role,"
  " question_uuid, question_text, score, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT (uuid) DO UPDATE SET"
  " question_text = excluded.question_text, score = excluded.score,"
  " updated_at = excluded.updated_at WHERE score IS NOT excluded.score"
  " OR question_text <> excluded.question_text";
static const char sql_responses[] =
  "SELECT r.uuid, r.candidate_uuid, r.author_role, r.answered_on, r.comment FROM"
  " satisfaction_response r JOIN candidate k ON k.uuid = r.candidate_uuid"
  " WHERE k.deleted_at IS NULL AND (?1 IS NULL OR r.candidate_uuid = ?1)"
  " ORDER BY r.answered_on, r.uuid";
static const char sql_scores[] =
  "SELECT s.question_uuid, s.question_text, coalesce (s.score, 0) FROM satisfaction_score s"
  " LEFT JOIN satisfaction_question q ON q.uuid = s.question_uuid WHERE s.response_uuid = ?1"
  " ORDER BY coalesce (q.position, 1000000), s.question_uuid";
static const char sql_averages[] =
  "SELECT s.question_uuid, coalesce (q.text, max (s.question_text)), count (s.score),"
  " coalesce (avg (s.score), 0) FROM satisfaction_score s"
  " JOIN satisfaction_response r ON r.uuid = s.response_uuid"
  " JOIN candidate k ON k.uuid = r.candidate_uuid AND k.deleted_at IS NULL"
  " LEFT JOIN satisfaction_question q ON q.uuid = s.question_uuid"
  " WHERE substr (r.answered_on, 1, 4) = ?1 GROUP BY s.question_uuid"
  " ORDER BY coalesce (min (q.position), 1000000), s.question_uuid";
static const char sql_count[] =
  "SELECT count (*) FROM satisfaction_response r JOIN candidate k ON k.uuid = r.candidate_uuid"
  " AND k.deleted_at IS NULL WHERE substr (r.answered_on, 1, 4) = ?1";

G_DEFINE_QUARK (acq-satisfaction-error-quark, acq_satisfaction_error)

void
acq_satisfaction_question_free (AcqSatisfactionQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->uuid);
  g_free (question->text);
  g_free (question);
}

static void
score_free (AcqSatisfactionScore *score)
{
  g_free (score->question_uuid);
  g_free (score->question_text);
  g_free (score);
}

void
acq_satisfaction_response_free (AcqSatisfactionResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->uuid);
  g_free (response->candidate_uuid);
  g_free (response->answered_on);
  g_free (response->comment);
  g_clear_pointer (&response->scores, g_ptr_array_unref);
  g_free (response);
}

void
acq_satisfaction_average_free (AcqSatisfactionAverage *average)
{
  if (average == NULL)
    return;
  g_free (average->question_uuid);
  g_free (average->text);
  g_free (average);
}

static gboolean
finish (AcqStore *store, sqlite3_stmt *stmt, int rc, const char *sql, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql);
}

/**
 * acq_satisfaction_list_questions:
 * @store: the store
 * @error: where to put an error
 *
 * Returns: (transfer container) (element-type AcqSatisfactionQuestion) (nullable): the
 *   questions asked now, in their order
 */
GPtrArray *
acq_satisfaction_list_questions (AcqStore *store, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_satisfaction_question_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_questions, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSatisfactionQuestion *question = g_new0 (AcqSatisfactionQuestion, 1);

      question->uuid = _acq_sql_column_dup (stmt, 0);
      question->position = sqlite3_column_int (stmt, 1);
      question->text = _acq_sql_column_dup (stmt, 2);
      g_ptr_array_add (list, question);
    }
  if (!finish (store, stmt, rc, sql_questions, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * acq_satisfaction_set_question:
 * @store: the store
 * @uuid: (nullable): the question to reword, or %NULL for a new one, asked last
 * @text: its wording
 * @error: where to put an error
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_satisfaction_set_question (AcqStore *store, const char *uuid, const char *text,
                               GError **error)
{
  g_autofree char *new_uuid = NULL;
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);

  if (acq_text_is_blank (text))
    {
      g_set_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_INVALID,
                   _("A question needs its wording."));
      return FALSE;
    }
  if (!acq_text_validate (text, QUESTION_MAX_CHARS, _("The question"), error) ||
      !(stmt = acq_store_prepare (store, sql_question_set, error)))
    return FALSE;
  if (uuid == NULL)
    uuid = new_uuid = acq_store_new_uuid ();
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, text);
  _acq_sql_bind_text (stmt, 3, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_satisfaction_retire_question:
 * @store: the store
 * @uuid: the question
 * @error: where to put an error
 *
 * No longer asks the question; the answers given keep it, with its text.
 *
 * Returns: %TRUE if done
 */
gboolean
acq_satisfaction_retire_question (AcqStore *store, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!(stmt = acq_store_prepare (store, sql_question_retire, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_satisfaction_response_new:
 * @store: the store
 * @candidate_uuid: whose accompaniment
 * @author: who fills it in
 * @answered_on: the day, YYYY-MM-DD
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): a blank questionnaire, one score per question asked
 *   now, not stored yet
 */
AcqSatisfactionResponse *
acq_satisfaction_response_new (AcqStore *store, const char *candidate_uuid, AcqRole author,
                               const char *answered_on, GError **error)
{
  g_autoptr (GPtrArray) questions = NULL;
  AcqSatisfactionResponse *response;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!(questions = acq_satisfaction_list_questions (store, error)))
    return NULL;
  response = g_new0 (AcqSatisfactionResponse, 1);
  response->candidate_uuid = g_strdup (candidate_uuid);
  response->author = author;
  response->answered_on = g_strdup (answered_on);
  response->comment = g_strdup ("");
  response->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
  for (guint i = 0; i < questions->len; i++)
    {
      const AcqSatisfactionQuestion *question = g_ptr_array_index (questions, i);
      AcqSatisfactionScore *score = g_new0 (AcqSatisfactionScore, 1);

      score->question_uuid = g_strdup (question->uuid);
      score->question_text = g_strdup (question->text);
      g_ptr_array_add (response->scores, score);
    }
  return response;
}

static gboolean
check (AcqSatisfactionResponse *response, GError **error)
{
  GDate day;

  if (!_acq_parcours_parse_date (response->answered_on, &day))
    {
      g_set_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_INVALID,
                   _("The day of the answers is missing. Type it as 25/03/2026 or pick it in "
                     "the calendar."));
      return FALSE;
    }
  for (guint i = 0; i < response->scores->len; i++)
    {
      const AcqSatisfactionScore *score = g_ptr_array_index (response->scores, i);

      if (score->score != 0 && (score->score < ACQ_SATISFACTION_SCORE_MIN ||
                                score->score > ACQ_SATISFACTION_SCORE_MAX))
        {
          g_set_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_INVALID,
                       _("A score goes from 1 to 5; leave it blank when there is no answer."));
          return FALSE;
        }
    }
  return acq_text_validate (response->comment, COMMENT_MAX_CHARS, _("The comment"), error);
}

/* The same for the same response and question, on every machine, and shaped as a uuid (the
 * exchange names its units with it): the response's and the question's, hashed. */
static char *
score_uuid (const char *response_uuid, const char *question_uuid)
{
  g_autofree char *key = g_strconcat (response_uuid, "\n", question_uuid, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-a%.3s-%.12s", hex, hex + 8, hex + 13, hex + 17,
                          hex + 20);
}

static gboolean
save_scores (AcqStore *store, AcqSatisfactionResponse *response, const char *now,
             GError **error)
{
  for (guint i = 0; i < response->scores->len; i++)
    {
      const AcqSatisfactionScore *score = g_ptr_array_index (response->scores, i);
      g_autofree char *uuid = score_uuid (response->uuid, score->question_uuid);
      sqlite3_stmt *stmt = acq_store_prepare (store, sql_score_set, error);

      if (stmt == NULL)
        return FALSE;
      _acq_sql_bind_text (stmt, 1, uuid);
      _acq_sql_bind_text (stmt, 2, response->candidate_uuid);
      _acq_sql_bind_text (stmt, 3, response->uuid);
      sqlite3_bind_int (stmt, 4, response->author);
      _acq_sql_bind_text (stmt, 5, score->question_uuid);
      _acq_sql_bind_text (stmt, 6, score->question_text ? score->question_text : "");
      if (score->score > 0)
        sqlite3_bind_int (stmt, 7, score->score);
      else
        sqlite3_bind_null (stmt, 7);
      _acq_sql_bind_text (stmt, 8, now);
      if (!acq_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * acq_satisfaction_response_save:
 * @store: the store
 * @response: the answers; its uuid is set when stored the first time
 * @role: who saves: only the response's author may change it (the coach does not change a
 *   candidate's answers, nor the candidate a paper form the coach typed in)
 * @error: where to put an error: %ACQ_SATISFACTION_ERROR_NOT_YOURS,
 *   %ACQ_SATISFACTION_ERROR_INVALID with a sentence, or a store error
 *
 * Returns: %TRUE if stored, in one transaction
 */
gboolean
acq_satisfaction_response_save (AcqStore *store, AcqSatisfactionResponse *response, AcqRole role,
                                GError **error)
{
  g_autofree char *now = acq_store_now ();
  gboolean creating, mine;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (response != NULL && response->candidate_uuid != NULL, FALSE);

  mine = role == response->author;
  if (response->uuid != NULL && mine)
    {
      /* the stored row says whose it is, not the copy in hand */
      int rc;

      if (!(stmt = acq_store_prepare (store, sql_author, error)))
        return FALSE;
      _acq_sql_bind_text (stmt, 1, response->uuid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        mine = sqlite3_column_int (stmt, 0) == (int) role;
      if (!finish (store, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, sql_author, error))
        return FALSE;
    }
  if (!mine)
    {
      g_set_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_NOT_YOURS,
                   role == ACQ_ROLE_COACH
                   ? _("These are the candidate's own answers: only the candidate can change "
                       "them.")
                   : _("This questionnaire was typed in by the accompagnatrice from a paper "
                       "form: only she can change it."));
      return FALSE;
    }
  if (!check (response, error) || !acq_store_begin (store, error))
    return FALSE;
  creating = response->uuid == NULL;
  if (creating)
    response->uuid = acq_store_new_uuid ();
  stmt = acq_store_prepare (store, creating ? sql_response_insert : sql_response_update, error);
  if (stmt != NULL)
    {
      _acq_sql_bind_text (stmt, 1, response->uuid);
      _acq_sql_bind_text (stmt, 2, response->candidate_uuid);
      sqlite3_bind_int (stmt, 3, response->author);
      _acq_sql_bind_text (stmt, 4, response->answered_on);
      _acq_sql_bind_text (stmt, 5, response->comment ? response->comment : "");
      _acq_sql_bind_text (stmt, 6, now);
    }
  if (stmt == NULL || !acq_store_step_done (store, stmt, error) ||
      !save_scores (store, response, now, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      if (creating)
        g_clear_pointer (&response->uuid, g_free);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_satisfaction_list_responses:
 * @store: the store
 * @candidate_uuid: (nullable): whose, or %NULL for every candidate's
 * @error: where to put an error
 *
 * Returns: (transfer container) (element-type AcqSatisfactionResponse) (nullable): the
 *   questionnaires filled, by day
 */
GPtrArray *
acq_satisfaction_list_responses (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_satisfaction_response_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_responses, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSatisfactionResponse *response = g_new0 (AcqSatisfactionResponse, 1);

      response->uuid = _acq_sql_column_dup (stmt, 0);
      response->candidate_uuid = _acq_sql_column_dup (stmt, 1);
      response->author = sqlite3_column_int (stmt, 2) == ACQ_ROLE_COACH ? ACQ_ROLE_COACH
                                                                        : ACQ_ROLE_CANDIDATE;
      response->answered_on = _acq_sql_column_dup (stmt, 3);
      response->comment = _acq_sql_column_dup (stmt, 4);
      response->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) score_free);
      g_ptr_array_add (list, response);
    }
  if (!finish (store, stmt, rc, sql_responses, error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      AcqSatisfactionResponse *response = g_ptr_array_index (list, i);

      if (!(stmt = acq_store_prepare (store, sql_scores, error)))
        return NULL;
      _acq_sql_bind_text (stmt, 1, response->uuid);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AcqSatisfactionScore *score = g_new0 (AcqSatisfactionScore, 1);

          score->question_uuid = _acq_sql_column_dup (stmt, 0);
          score->question_text = _acq_sql_column_dup (stmt, 1);
          score->score = sqlite3_column_int (stmt, 2);
          g_ptr_array_add (response->scores, score);
        }
      if (!finish (store, stmt, rc, sql_scores, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * acq_satisfaction_averages:
 * @store: the store
 * @year: the year the answers were given
 * @out_n_responses: (out) (optional): how many questionnaires were filled that year
 * @error: where to put an error
 *
 * Each question's average score over the questionnaires of @year, with the number of scores
 * it was made of (a question left blank does not count); the questions asked now and never
 * answered that year follow with none.
 *
 * Returns: (transfer container) (element-type AcqSatisfactionAverage) (nullable): the
 *   averages, in the questions' order
 */
GPtrArray *
acq_satisfaction_averages (AcqStore *store, int year, guint *out_n_responses, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_satisfaction_average_free);
  g_autoptr (GPtrArray) questions = NULL;
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_averages, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, year_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSatisfactionAverage *average = g_new0 (AcqSatisfactionAverage, 1);

      average->question_uuid = _acq_sql_column_dup (stmt, 0);
      average->text = _acq_sql_column_dup (stmt, 1);
      average->n_answers = sqlite3_column_int (stmt, 2);
      average->average = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (list, average);
    }
  if (!finish (store, stmt, rc, sql_averages, error) ||
      !(questions = acq_satisfaction_list_questions (store, error)))
    return NULL;
  for (guint i = 0; i < questions->len; i++)
    {
      const AcqSatisfactionQuestion *question = g_ptr_array_index (questions, i);
      gboolean found = FALSE;

      for (guint j = 0; j < list->len && !found; j++)
        found = g_strcmp0 (((AcqSatisfactionAverage *) g_ptr_array_index (list, j))->question_uuid,
                           question->uuid) == 0;
      if (!found)
        {
          AcqSatisfactionAverage *average = g_new0 (AcqSatisfactionAverage, 1);

          average->question_uuid = g_strdup (question->uuid);
          average->text = g_strdup (question->text);
          g_ptr_array_add (list, average);
        }
    }
  if (out_n_responses != NULL)
    {
      if (!(stmt = acq_store_prepare (store, sql_count, error)))
        return NULL;
      _acq_sql_bind_text (stmt, 1, year_text);
      rc = sqlite3_step (stmt);
      *out_n_responses = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      if (!finish (store, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, sql_count, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}
