/* acq-complaint.c — the complaints log (réclamations) of the practice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Qualiopi asks a certified practice for a complaints channel with a systematic answer, and
 * for the log of what came and what was answered. One table, the coach's own (the exchange
 * keeps it on her machine); a complaint still open is a deadline on Today, due 30 days after
 * it came in (acq-deadline-caseload.c reads them with the rest of the caseload, so that there
 * is one deadline machinery). A deletion only marks the row, so that the undo toast can bring
 * it back; marked rows older than a day go at the next deletion.
 */
#define G_LOG_DOMAIN "acq-complaint"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-complaint.h"
#include "acq-parcours-private.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* Generous for a subject or an answer: a letter's worth. */
#define COMPLAINT_MAX_CHARS 20000
#define COMPLAINT_NAME_MAX_CHARS 300

#define COMPLAINT_COLUMNS                                                                     \
  "SELECT uuid, received_on, channel, from_whom, candidate_uuid, subject, answer, answered_on," \
  " status FROM complaint"

static const char sql_list[] =
  COMPLAINT_COLUMNS " WHERE deleted_at IS NULL AND (?1 = 0 OR substr (received_on, 1, 4) = ?2)"
  " ORDER BY received_on DESC, created_at DESC";
static const char sql_load[] = COMPLAINT_COLUMNS " WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_insert[] =
  "INSERT INTO complaint (uuid, received_on, channel, from_whom, candidate_uuid, subject, answer,"
  " answered_on, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
  " ?10)";
static const char sql_update[] =
  "UPDATE complaint SET received_on = ?2, channel = ?3, from_whom = ?4, candidate_uuid = ?5,"
  " subject = ?6, answer = ?7, answered_on = ?8, status = ?9, updated_at = ?10"
  " WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_delete[] =
  "UPDATE complaint SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_undelete[] =
  "UPDATE complaint SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge[] =
  "DELETE FROM complaint WHERE deleted_at IS NOT NULL AND deleted_at < ?1";
static const char sql_candidate_exists[] = "SELECT 1 FROM candidate WHERE uuid = ?1";

G_DEFINE_QUARK (acq-complaint-error-quark, acq_complaint_error)

/**
 * acq_complaint_channel_label:
 * @channel: a channel
 *
 * Returns: its name for the interface, translated
 */
const char *
acq_complaint_channel_label (AcqComplaintChannel channel)
{
  switch (channel)
    {
    case ACQ_COMPLAINT_CHANNEL_EMAIL: return _("Email");
    case ACQ_COMPLAINT_CHANNEL_LETTER: return _("Letter");
    case ACQ_COMPLAINT_CHANNEL_ORAL: return _("Oral");
    case ACQ_N_COMPLAINT_CHANNELS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_complaint_channel_french:
 * @channel: a channel
 *
 * Returns: its name in the French documents, whatever the locale
 */
const char *
acq_complaint_channel_french (AcqComplaintChannel channel)
{
  switch (channel)
    {
    case ACQ_COMPLAINT_CHANNEL_EMAIL: return "courriel";
    case ACQ_COMPLAINT_CHANNEL_LETTER: return "courrier";
    case ACQ_COMPLAINT_CHANNEL_ORAL: return "oral";
    case ACQ_N_COMPLAINT_CHANNELS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_complaint_status_label:
 * @status: a status
 *
 * Returns: its name for the interface, translated
 */
const char *
acq_complaint_status_label (AcqComplaintStatus status)
{
  switch (status)
    {
    case ACQ_COMPLAINT_OPEN: return C_("complaint status", "Open");
    case ACQ_COMPLAINT_ANSWERED: return C_("complaint status", "Answered");
    case ACQ_COMPLAINT_CLOSED: return C_("complaint status", "Closed");
    case ACQ_N_COMPLAINT_STATUSES: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_complaint_status_french:
 * @status: a status
 *
 * Returns: its name in the French documents, whatever the locale
 */
const char *
acq_complaint_status_french (AcqComplaintStatus status)
{
  switch (status)
    {
    case ACQ_COMPLAINT_OPEN: return "en attente de réponse";
    case ACQ_COMPLAINT_ANSWERED: return "répondue";
    case ACQ_COMPLAINT_CLOSED: return "close";
    case ACQ_N_COMPLAINT_STATUSES: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_complaint_new:
 * @received_on: the day it came in, YYYY-MM-DD
 *
 * Returns: (transfer full): an open complaint, not stored yet
 */
AcqComplaint *
acq_complaint_new (const char *received_on)
{
  AcqComplaint *complaint = g_new0 (AcqComplaint, 1);

  complaint->received_on = g_strdup (received_on);
  complaint->from_whom = g_strdup ("");
  complaint->subject = g_strdup ("");
  complaint->answer = g_strdup ("");
  return complaint;
}

AcqComplaint *
acq_complaint_copy (const AcqComplaint *complaint)
{
  AcqComplaint *copy = g_new0 (AcqComplaint, 1);

  copy->uuid = g_strdup (complaint->uuid);
  copy->received_on = g_strdup (complaint->received_on);
  copy->channel = complaint->channel;
  copy->from_whom = g_strdup (complaint->from_whom);
  copy->candidate_uuid = g_strdup (complaint->candidate_uuid);
  copy->subject = g_strdup (complaint->subject);
  copy->answer = g_strdup (complaint->answer);
  copy->answered_on = g_strdup (complaint->answered_on);
  copy->status = complaint->status;
  return copy;
}

void
acq_complaint_free (AcqComplaint *complaint)
{
  if (complaint == NULL)
    return;
  g_free (complaint->uuid);
  g_free (complaint->received_on);
  g_free (complaint->from_whom);
  g_free (complaint->candidate_uuid);
  g_free (complaint->subject);
  g_free (complaint->answer);
  g_free (complaint->answered_on);
  g_free (complaint);
}

/**
 * acq_complaint_get_due:
 * @complaint: a complaint
 * @out_due: (out): the day its answer is due
 *
 * Returns: %TRUE if the complaint is still open, and so due on @out_due (30 days after it
 *   came in, the charte's delay for a reply)
 */
gboolean
acq_complaint_get_due (const AcqComplaint *complaint, GDate *out_due)
{
  g_return_val_if_fail (complaint != NULL && out_due != NULL, FALSE);

  if (complaint->status != ACQ_COMPLAINT_OPEN ||
      !_acq_parcours_parse_date (complaint->received_on, out_due))
    return FALSE;
  g_date_add_days (out_due, ACQ_COMPLAINT_ANSWER_DAYS);
  return TRUE;
}

static AcqComplaint *
read_row (sqlite3_stmt *stmt)
{
  AcqComplaint *complaint = g_new0 (AcqComplaint, 1);

  complaint->uuid = _acq_sql_column_dup (stmt, 0);
  complaint->received_on = _acq_sql_column_dup (stmt, 1);
  complaint->channel = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_COMPLAINT_CHANNELS - 1);
  complaint->from_whom = _acq_sql_column_dup (stmt, 3);
  complaint->candidate_uuid = _acq_sql_column_dup (stmt, 4);
  complaint->subject = _acq_sql_column_dup (stmt, 5);
  complaint->answer = _acq_sql_column_dup (stmt, 6);
  complaint->answered_on = _acq_sql_column_dup (stmt, 7);
  complaint->status = CLAMP (sqlite3_column_int (stmt, 8), 0, ACQ_N_COMPLAINT_STATUSES - 1);
  return complaint;
}

static void
purge (AcqStore *store)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -1);
  g_autofree char *limit = g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_purge, NULL);

  if (stmt == NULL || acq_store_is_read_only (store))
    {
      if (stmt != NULL)
        sqlite3_reset (stmt);
      return;
    }
  _acq_sql_bind_text (stmt, 1, limit);
  acq_store_step_done (store, stmt, NULL);
}

/**
 * acq_complaint_list:
 * @store: the store
 * @year: the year they came in, or 0 for all
 * @error: where to put an error
 *
 * Returns: (transfer container) (element-type AcqComplaint) (nullable): the complaints, the
 *   latest first, or %NULL with @error set
 */
GPtrArray *
acq_complaint_list (AcqStore *store, int year, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_complaint_free);
  g_autofree char *year_text = g_strdup_printf ("%04d", year);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_list, error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  _acq_sql_bind_text (stmt, 2, year_text);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_list);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * acq_complaint_load:
 * @store: the store
 * @uuid: the complaint's
 * @error: where to put an error: %ACQ_COMPLAINT_ERROR_NOT_FOUND if there is none
 *
 * Returns: (transfer full) (nullable): the complaint
 */
AcqComplaint *
acq_complaint_load (AcqStore *store, const char *uuid, GError **error)
{
  AcqComplaint *complaint = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(stmt = acq_store_prepare (store, sql_load, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    complaint = read_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return complaint;
  if (rc == SQLITE_DONE)
    g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_NOT_FOUND,
                 _("This complaint no longer exists; it may have been deleted."));
  else
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_load);
  return NULL;
}

static gboolean
check (AcqStore *store, AcqComplaint *complaint, GError **error)
{
  GDate received, answered;

  if (!_acq_parcours_parse_date (complaint->received_on, &received))
    {
      g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID,
                   _("The day the complaint came in is missing. Type it as 25/03/2026 or pick "
                     "it in the calendar."));
      return FALSE;
    }
  if (complaint->answered_on != NULL && complaint->answered_on[0] == '\0')
    g_clear_pointer (&complaint->answered_on, g_free);
  if (complaint->answered_on != NULL)
    {
      if (!_acq_parcours_parse_date (complaint->answered_on, &answered))
        {
          g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID,
                       _("The day of the answer cannot be read. Type it as 25/03/2026 or pick "
                         "it in the calendar."));
          return FALSE;
        }
      if (g_date_compare (&answered, &received) < 0)
        {
          g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID,
                       _("The answer is dated before the complaint came in. Check both days."));
          return FALSE;
        }
    }
  if (complaint->status == ACQ_COMPLAINT_ANSWERED &&
      (acq_text_is_blank (complaint->answer) || complaint->answered_on == NULL))
    {
      g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID,
                   _("An answered complaint needs its answer and the day it was given."));
      return FALSE;
    }
  if (acq_text_is_blank (complaint->subject))
    {
      g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID,
                   _("Say in a few words what the complaint is about."));
      return FALSE;
    }
  if (!acq_text_validate (complaint->from_whom, COMPLAINT_NAME_MAX_CHARS,
                          _("Who made the complaint"), error) ||
      !acq_text_validate (complaint->subject, COMPLAINT_MAX_CHARS, _("The subject"), error) ||
      !acq_text_validate (complaint->answer, COMPLAINT_MAX_CHARS, _("The answer"), error))
    return FALSE;
  if (complaint->candidate_uuid != NULL)
    {
      sqlite3_stmt *stmt = acq_store_prepare (store, sql_candidate_exists, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      _acq_sql_bind_text (stmt, 1, complaint->candidate_uuid);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_NOT_FOUND,
                       _("The candidate named in the complaint no longer exists."));
          return FALSE;
        }
    }
  /* an answer with its day is an answer: the deadline goes */
  if (complaint->status == ACQ_COMPLAINT_OPEN && complaint->answered_on != NULL &&
      !acq_text_is_blank (complaint->answer))
    complaint->status = ACQ_COMPLAINT_ANSWERED;
  return TRUE;
}

/**
 * acq_complaint_save:
 * @store: the store
 * @complaint: the complaint; its uuid is set when it is stored the first time, and its status
 *   becomes answered when it is open but holds an answer and its day
 * @error: where to put an error: %ACQ_COMPLAINT_ERROR_INVALID with a sentence that says what
 *   to fix, %ACQ_COMPLAINT_ERROR_NOT_FOUND, or a store error
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_complaint_save (AcqStore *store, AcqComplaint *complaint, GError **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  gboolean creating;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (complaint != NULL, FALSE);

  if (!check (store, complaint, error))
    return FALSE;
  creating = complaint->uuid == NULL;
  uuid = creating ? acq_store_new_uuid () : g_strdup (complaint->uuid);
  now = acq_store_now ();
  if (!(stmt = acq_store_prepare (store, creating ? sql_insert : sql_update, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, complaint->received_on);
  sqlite3_bind_int (stmt, 3, complaint->channel);
  _acq_sql_bind_text (stmt, 4, complaint->from_whom);
  _acq_sql_bind_text (stmt, 5, complaint->candidate_uuid);
  _acq_sql_bind_text (stmt, 6, complaint->subject);
  _acq_sql_bind_text (stmt, 7, complaint->answer);
  _acq_sql_bind_text (stmt, 8, complaint->answered_on);
  sqlite3_bind_int (stmt, 9, complaint->status);
  _acq_sql_bind_text (stmt, 10, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (!creating && sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_NOT_FOUND,
                   _("This complaint no longer exists; it may have been deleted."));
      return FALSE;
    }
  if (creating)
    complaint->uuid = g_steal_pointer (&uuid);
  return TRUE;
}

static gboolean
mark (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  if (!(stmt = acq_store_prepare (store, sql, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_NOT_FOUND,
                   _("This complaint no longer exists; it may have been deleted."));
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_complaint_delete:
 * @store: the store
 * @uuid: the complaint's
 * @error: where to put an error
 *
 * Marks the complaint deleted: it leaves the list, the deadlines and the review;
 * acq_complaint_undelete() brings it back for a while (%ACQ_COMPLAINT_UNDO_SECONDS at least).
 *
 * Returns: %TRUE if marked
 */
gboolean
acq_complaint_delete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  purge (store);
  return mark (store, sql_delete, uuid, error);
}

/**
 * acq_complaint_undelete:
 * @store: the store
 * @uuid: the complaint's
 * @error: where to put an error
 *
 * Returns: %TRUE if the deleted complaint is back
 */
gboolean
acq_complaint_undelete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_undelete, uuid, error);
}
