/* acq-yearly-review.c — the yearly review of a Qualiopi-certified practice (bilan annuel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Qualiopi's indicator 32 asks a certified practice to analyse, each year, what its
 * beneficiaries said (satisfaction, complaints) and what came of the accompaniments, and to
 * write down what it will improve. Every figure here is computed from the data, with a rule
 * that the PDF and the CSV state, so that an auditor can check it:
 *
 * - candidates accompanied: not deleted, with a session held in the year, or the start of the
 *   accompaniment (done) dated in it;
 * - hours: the sessions held in the year (the livret de suivi), end minus start;
 * - abandons: of those candidates, the ones archived without a jury result, or whose
 *   candidacy France VAE marks abandoned by the year's end (practice/acq-deadline.c); the rate
 *   is abandons over candidates accompanied;
 * - juries: the candidates whose jury's day falls in the year, counted per overall result
 *   (totale, partielle, aucune, absent, excusé, not known yet), and per bloc (obtenu, non
 *   obtenu, dispensé);
 * - satisfaction: per question, the average of the scores of the questionnaires answered in
 *   the year and how many there were (practice/acq-satisfaction.c);
 * - complaints: those received in the year, with their answer (practice/acq-complaint.c);
 * - the "actions d'amélioration", one free text per year (the yearly_review table, local).
 */
#define G_LOG_DOMAIN "acq-yearly-review"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "acq-complaint.h"
#include "acq-deadline.h"
#include "acq-output-file.h"
#include "acq-parcours.h"
#include "acq-satisfaction.h"
#include "acq-sql-private.h"
#include "acq-store-file-job.h"
#include "acq-text.h"
#include "acq-yearly-review.h"

#define IMPROVEMENTS_MAX_CHARS 50000

/* ?1: the year as 4 digits; ?2: ACQ_PARCOURS_ACCOMPANIMENT_STARTED */
static const char sql_accompanied[] =
  "SELECT k.uuid, k.archived, (SELECT outcome FROM jury_result r WHERE r.candidate_uuid = k.uuid)"
  " FROM candidate k WHERE k.deleted_at IS NULL AND ("
  " EXISTS (SELECT 1 FROM session s WHERE s.candidate_uuid = k.uuid AND s.deleted_at IS NULL"
  "  AND s.held = 1 AND substr (s.date, 1, 4) = ?1)"
  " OR EXISTS (SELECT 1 FROM parcours_event e WHERE e.candidate_uuid = k.uuid"
  "  AND e.deleted_at IS NULL AND e.planned = 0 AND e.kind = ?2 AND substr (e.date, 1, 4) = ?1))"
  " ORDER BY k.uuid";
static const char sql_minutes[] =
  "SELECT coalesce (sum ((substr (s.end_time, 1, 2) * 60 + substr (s.end_time, 4, 2))"
  " - (substr (s.start_time, 1, 2) * 60 + substr (s.start_time, 4, 2))), 0)"
  " FROM session s JOIN candidate k ON k.uuid = s.candidate_uuid AND k.deleted_at IS NULL"
  " WHERE s.deleted_at IS NULL AND s.held = 1 AND substr (s.date, 1, 4) = ?1";
static const char sql_outcomes[] =
  "SELECT coalesce (r.outcome, 0), count (*) FROM jury_session j"
  " JOIN candidate k ON k.uuid = j.candidate_uuid AND k.deleted_at IS NULL"
  " LEFT JOIN jury_result r ON r.candidate_uuid = j.candidate_uuid"
  " WHERE substr (j.date, 1, 4) = ?1 GROUP BY 1";
static const char sql_blocs[] =
  "SELECT b.code, b.title, br.outcome, count (*) FROM jury_bloc_result br"
  " JOIN bloc b ON b.uuid = br.bloc_uuid"
  " JOIN jury_session j ON j.candidate_uuid = br.candidate_uuid"
  " JOIN candidate k ON k.uuid = br.candidate_uuid AND k.deleted_at IS NULL"
  " WHERE substr (j.date, 1, 4) = ?1 GROUP BY b.uuid, br.outcome ORDER BY b.code, br.outcome";
static const char sql_improvements_get[] = "SELECT improvements FROM yearly_review WHERE year = ?1";
static const char sql_improvements_set[] =
  "INSERT INTO yearly_review (year, improvements, updated_at) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (year) DO UPDATE SET improvements = excluded.improvements,"
  " updated_at = excluded.updated_at WHERE improvements <> excluded.improvements";

G_DEFINE_QUARK (acq-yearly-review-error-quark, acq_yearly_review_error)

static void
bloc_free (AcqYearlyReviewBloc *bloc)
{
  g_free (bloc->code);
  g_free (bloc->title);
  g_free (bloc);
}

void
acq_yearly_review_free (AcqYearlyReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->blocs, g_ptr_array_unref);
  g_clear_pointer (&review->satisfaction, g_ptr_array_unref);
  g_clear_pointer (&review->complaints, g_ptr_array_unref);
  g_free (review->improvements);
  g_free (review);
}

/**
 * acq_yearly_review_abandon_rate:
 * @review: a review
 *
 * Returns: the abandons over the candidates accompanied, from 0 to 1 (0 when none)
 */
double
acq_yearly_review_abandon_rate (const AcqYearlyReview *review)
{
  g_return_val_if_fail (review != NULL, 0);
  return review->n_candidates > 0 ? (double) review->n_abandons / review->n_candidates : 0;
}

static gboolean
check_year (int year, GError **error)
{
  if (year >= ACQ_YEARLY_REVIEW_MIN_YEAR && year <= ACQ_YEARLY_REVIEW_MAX_YEAR)
    return TRUE;
  g_set_error (error, ACQ_YEARLY_REVIEW_ERROR, ACQ_YEARLY_REVIEW_ERROR_INVALID,
               _("%d is not a year a review can be made for: give one from %d to %d."), year,
               ACQ_YEARLY_REVIEW_MIN_YEAR, ACQ_YEARLY_REVIEW_MAX_YEAR);
  return FALSE;
}

static gboolean
finish (AcqStore *store, sqlite3_stmt *stmt, int rc, const char *sql, GError **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql);
}

/* The candidates the caseload's deadlines say France VAE marks abandoned by @day. */
static GHashTable *
abandoned_by (AcqStore *store, const GDate *day, GError **error)
{
  g_autoptr (GPtrArray) deadlines = acq_deadline_list_caseload (store, day, error);
  GHashTable *set;

  if (deadlines == NULL)
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AcqDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (deadline->kind == ACQ_DEADLINE_ABANDONMENT && g_date_compare (&deadline->due, day) <= 0)
        g_hash_table_add (set, g_strdup (deadline->candidate_uuid));
    }
  return set;
}

static gboolean
count_candidates (AcqStore *store, AcqYearlyReview *review, const char *year_text,
                  const GDate *today, GError **error)
{
  g_autoptr (GHashTable) abandoned = NULL;
  sqlite3_stmt *stmt;
  GDate end;
  int rc;

  /* the year's last day, or today while it runs */
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, review->year);
  if (g_date_compare (today, &end) < 0)
    end = *today;
  if (!(abandoned = abandoned_by (store, &end, error)) ||
      !(stmt = acq_store_prepare (store, sql_accompanied, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, year_text);
  sqlite3_bind_int (stmt, 2, ACQ_PARCOURS_ACCOMPANIMENT_STARTED);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int outcome = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? ACQ_JURY_OUTCOME_UNKNOWN
                                                                  : sqlite3_column_int (stmt, 2);
      gboolean archived = sqlite3_column_int (stmt, 1) != 0;

      review->n_candidates++;
      if ((archived && outcome == ACQ_JURY_OUTCOME_UNKNOWN) ||
          g_hash_table_contains (abandoned, _acq_sql_column_text (stmt, 0)))
        review->n_abandons++;
    }
  if (!finish (store, stmt, rc, sql_accompanied, error) ||
      !(stmt = acq_store_prepare (store, sql_minutes, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, year_text);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      review->held_minutes = (guint) MAX (sqlite3_column_int64 (stmt, 0), 0);
      rc = SQLITE_DONE;
    }
  return finish (store, stmt, rc, sql_minutes, error);
}

static gboolean
count_juries (AcqStore *store, AcqYearlyReview *review, const char *year_text, GError **error)
{
  AcqYearlyReviewBloc *bloc = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (store, sql_outcomes, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, year_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int outcome = CLAMP (sqlite3_column_int (stmt, 0), 0, ACQ_N_JURY_OUTCOMES - 1);
      guint count = sqlite3_column_int (stmt, 1);

      review->outcomes[outcome] += count;
      review->n_juries += count;
    }
  if (!finish (store, stmt, rc, sql_outcomes, error) ||
      !(stmt = acq_store_prepare (store, sql_blocs, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, year_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = _acq_sql_column_text (stmt, 0);
      int outcome = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_JURY_BLOC_OUTCOMES - 1);

      if (bloc == NULL || g_strcmp0 (bloc->code, code) != 0)
        {
          bloc = g_new0 (AcqYearlyReviewBloc, 1);
          bloc->code = g_strdup (code);
          bloc->title = _acq_sql_column_dup (stmt, 1);
          g_ptr_array_add (review->blocs, bloc);
        }
      bloc->counts[outcome] += sqlite3_column_int (stmt, 3);
    }
  return finish (store, stmt, rc, sql_blocs, error);
}

/**
 * acq_yearly_review_compute:
 * @store: the store
 * @year: the year to review
 * @today: the day it is (the abandons of the year running are counted up to it)
 * @error: where to put an error: %ACQ_YEARLY_REVIEW_ERROR_INVALID for a year out of range, or
 *   a store error
 *
 * Computes the year's figures, as the comment at the top of acq-yearly-review.c defines them.
 *
 * Returns: (transfer full) (nullable): the review
 */
AcqYearlyReview *
acq_yearly_review_compute (AcqStore *store, int year, const GDate *today, GError **error)
{
  g_autoptr (AcqYearlyReview) review = NULL;
  g_autofree char *year_text = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!check_year (year, error))
    return NULL;
  year_text = g_strdup_printf ("%04d", year);
  review = g_new0 (AcqYearlyReview, 1);
  review->year = year;
  review->blocs = g_ptr_array_new_with_free_func ((GDestroyNotify) bloc_free);
  if (!count_candidates (store, review, year_text, today, error) ||
      !count_juries (store, review, year_text, error) ||
      !(review->satisfaction = acq_satisfaction_averages (store, year, &review->n_responses,
                                                          error)) ||
      !(review->complaints = acq_complaint_list (store, year, error)) ||
      !(review->improvements = acq_yearly_review_get_improvements (store, year, error)))
    return NULL;
  /* by the day they came in, the oldest first: a register reads so */
  for (guint i = 0, j = review->complaints->len; i + 1 < j; i++, j--)
    {
      gpointer swap = review->complaints->pdata[i];

      review->complaints->pdata[i] = review->complaints->pdata[j - 1];
      review->complaints->pdata[j - 1] = swap;
    }
  return g_steal_pointer (&review);
}

/**
 * acq_yearly_review_get_improvements:
 * @store: the store
 * @year: the year
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): the "actions d'amélioration" written for @year, "" if
 *   none
 */
char *
acq_yearly_review_get_improvements (AcqStore *store, int year, GError **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_improvements_get, error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      text = _acq_sql_column_dup (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish (store, stmt, rc, sql_improvements_get, error))
    {
      g_free (text);
      return NULL;
    }
  return text != NULL ? text : g_strdup ("");
}

/**
 * acq_yearly_review_set_improvements:
 * @store: the store
 * @year: the year
 * @text: the "actions d'amélioration" decided for it
 * @error: where to put an error
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_yearly_review_set_improvements (AcqStore *store, int year, const char *text, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!check_year (year, error) ||
      !acq_text_validate (text, IMPROVEMENTS_MAX_CHARS, _("The improvement actions"), error) ||
      !(stmt = acq_store_prepare (store, sql_improvements_set, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  _acq_sql_bind_text (stmt, 2, text);
  _acq_sql_bind_text (stmt, 3, now);
  return acq_store_step_done (store, stmt, error);
}

/* --- CSV ------------------------------------------------------------------------------- */

/* A field for a spreadsheet opened in France: ";" between fields, quotes doubled. */
static void
csv_field (GString *out, const char *text, gboolean first)
{
  const char *p;

  if (!first)
    g_string_append_c (out, ';');
  if (text == NULL || strpbrk (text, ";\"\r\n") == NULL)
    {
      g_string_append (out, text != NULL ? text : "");
      return;
    }
  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_row (GString *out, const char *section, const char *item, const char *value,
         const char *detail)
{
  csv_field (out, section, TRUE);
  csv_field (out, item, FALSE);
  csv_field (out, value, FALSE);
  csv_field (out, detail, FALSE);
  g_string_append (out, "\r\n");
}

static void
csv_count (GString *out, const char *section, const char *item, guint value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  csv_row (out, section, item, text, "");
}

/* A decimal as a French spreadsheet reads it: a comma. */
static char *
french_decimal (double value, int digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, digits == 1 ? "%.1f" : "%.2f",
                                          value));

  g_strdelimit (text, ".", ',');
  return text;
}

static const char *const outcome_words[ACQ_N_JURY_OUTCOMES] = {
  "résultat non connu", "validation totale", "validation partielle", "aucune validation",
  "absent", "excusé",
};

static const char *const bloc_words[ACQ_N_JURY_BLOC_OUTCOMES] = {
  "non connu", "obtenu", "non obtenu", "dispensé",
};

/**
 * acq_yearly_review_to_csv:
 * @review: a review
 *
 * The review as CSV for a spreadsheet opened in France (UTF-8 with its mark, ";" between
 * fields, a decimal comma, CRLF): four columns, section;item;value;detail, in French.
 *
 * Returns: (transfer full): the text
 */
char *
acq_yearly_review_to_csv (const AcqYearlyReview *review)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *year = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (review != NULL, NULL);

  year = g_strdup_printf ("%d", review->year);
  hours = french_decimal (review->held_minutes / 60.0, 2);
  rate = french_decimal (100.0 * acq_yearly_review_abandon_rate (review), 1);
  csv_row (out, "rubrique", "élément", "valeur", "détail");
  csv_row (out, "bilan", "année", year, "");
  csv_count (out, "activité", "candidats accompagnés", review->n_candidates);
  csv_row (out, "activité", "heures d'accompagnement réalisées", hours, "");
  csv_count (out, "activité", "abandons", review->n_abandons);
  csv_row (out, "activité", "taux d'abandon (%)", rate, "");
  csv_count (out, "jury", "jurys de l'année", review->n_juries);
  for (guint i = ACQ_JURY_OUTCOME_TOTAL; i < ACQ_N_JURY_OUTCOMES; i++)
    csv_count (out, "jury", outcome_words[i], review->outcomes[i]);
  csv_count (out, "jury", outcome_words[ACQ_JURY_OUTCOME_UNKNOWN],
             review->outcomes[ACQ_JURY_OUTCOME_UNKNOWN]);
  for (guint i = 0; i < review->blocs->len; i++)
    {
      const AcqYearlyReviewBloc *bloc = g_ptr_array_index (review->blocs, i);

      for (guint o = ACQ_JURY_BLOC_OBTAINED; o < ACQ_N_JURY_BLOC_OUTCOMES; o++)
        {
          g_autofree char *item = g_strdup_printf ("%s — %s", bloc->code, bloc_words[o]);
          g_autofree char *value = g_strdup_printf ("%u", bloc->counts[o]);

          csv_row (out, "bloc", item, value, bloc->title);
        }
    }
  csv_count (out, "satisfaction", "questionnaires reçus", review->n_responses);
  for (guint i = 0; i < review->satisfaction->len; i++)
    {
      const AcqSatisfactionAverage *average = g_ptr_array_index (review->satisfaction, i);
      g_autofree char *value = average->n_answers > 0 ? french_decimal (average->average, 2)
                                                      : g_strdup ("");
      g_autofree char *detail = g_strdup_printf ("%u réponse%s", average->n_answers,
                                                 average->n_answers > 1 ? "s" : "");

      csv_row (out, "satisfaction (moyenne sur 5)", average->text, value, detail);
    }
  csv_count (out, "réclamations", "réclamations reçues", review->complaints->len);
  for (guint i = 0; i < review->complaints->len; i++)
    {
      const AcqComplaint *complaint = g_ptr_array_index (review->complaints, i);
      g_autofree char *item = g_strdup_printf ("%s (%s)", complaint->received_on,
                                               acq_complaint_channel_french (complaint->channel));
      g_autofree char *detail = complaint->answered_on != NULL
        ? g_strdup_printf ("réponse du %s : %s", complaint->answered_on, complaint->answer)
        : g_strdup (acq_complaint_status_french (complaint->status));

      csv_row (out, "réclamation", item, complaint->subject, detail);
    }
  csv_row (out, "amélioration", "actions d'amélioration", review->improvements, "");
  return g_string_free (out, FALSE);
}

static gboolean
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s. Choose another folder, or free some space."), name,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_csv (const AcqYearlyReview *review, const char *path, GError **error)
{
  g_autofree char *text = acq_yearly_review_to_csv (review);
  g_autofree char *tmp = NULL;
  int fd;

  if ((fd = acq_output_file_open (path, &tmp)) < 0)
    return set_write_error (error, path, errno);
  if (!acq_output_file_write_all (fd, text, strlen (text)))
    {
      int saved_errno = errno;

      acq_output_file_abandon (fd, tmp);
      return set_write_error (error, path, saved_errno);
    }
  if (!acq_output_file_commit (fd, tmp, path))
    return set_write_error (error, path, errno);
  return TRUE;
}

/**
 * acq_yearly_review_write:
 * @store: the store
 * @year: the year to review
 * @output_path: a file ending in .pdf or .csv (any case), replaced only once complete
 * @cancellable: (nullable): to stop the PDF
 * @error: where to put an error: %ACQ_YEARLY_REVIEW_ERROR_INVALID for another ending or a
 *   year out of range, a file or store error
 *
 * Computes the review of @year (as of today) and writes it as PDF or CSV.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_yearly_review_write (AcqStore *store, int year, const char *output_path,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr (AcqYearlyReview) review = NULL;
  g_autofree char *lower = NULL;
  GDate today;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  lower = g_ascii_strdown (output_path, -1);
  if (!g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".csv"))
    {
      g_set_error (error, ACQ_YEARLY_REVIEW_ERROR, ACQ_YEARLY_REVIEW_ERROR_INVALID,
                   _("The yearly review is written as PDF or CSV: give a file name ending in "
                     ".pdf or .csv."));
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (!(review = acq_yearly_review_compute (store, year, &today, error)))
    return FALSE;
  if (g_str_has_suffix (lower, ".csv"))
    return write_csv (review, output_path, error);
  return acq_yearly_review_pdf_write (store, review, output_path, cancellable, error);
}

/* --- On a worker ----------------------------------------------------------------------- */

typedef struct
{
  int   year;
  char *path;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_free (job->path);
  g_free (job);
}

static gssize
write_job (AcqStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  WriteJob *job = data;

  return acq_yearly_review_write (store, job->year, job->path, cancellable, error) ? 0 : -1;
}

/**
 * acq_yearly_review_write_async:
 * @store: the store; the review is computed on a connection of its own, in a worker thread
 * @year: the year to review
 * @path: the .pdf or .csv file to write
 * @cancellable: (nullable): to give up
 * @callback: called in the caller's thread-default main context once written or failed
 * @user_data: given to @callback
 *
 * Does what acq_yearly_review_write() does, away from the window.
 */
void
acq_yearly_review_write_async (AcqStore *store, int year, const char *path,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  WriteJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->year = year;
  job->path = g_strdup (path);
  acq_store_run_job_async (store, write_job, job, write_job_free,
                           acq_yearly_review_write_async, cancellable, callback, user_data);
}

/**
 * acq_yearly_review_write_finish:
 * @store: the store given to acq_yearly_review_write_async()
 * @result: what the callback was given
 * @error: where to put what acq_yearly_review_write() would have
 *
 * Returns: %TRUE if written
 */
gboolean
acq_yearly_review_write_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  return acq_store_run_job_finish (store, result, acq_yearly_review_write_async, error) >= 0;
}
