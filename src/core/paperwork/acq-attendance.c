/* acq-attendance.c — the attendance record of a held session: signed or not, and its scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A certificat de réalisation is given "sous condition de participation effective": each
 * session counted in it must have its attendance recorded. One row per held session, whose
 * uuid is the session's so that both sides of an exchange name it alike; the signed sheet's
 * scan, when she attaches it, is one of the candidate's documents (acq-candidate-document.c).
 */
#define G_LOG_DOMAIN "acq-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-attendance.h"
#include "acq-session.h"
#include "acq-sql-private.h"

G_DEFINE_BOXED_TYPE (AcqAttendance, acq_attendance, acq_attendance_copy, acq_attendance_free)

static const char sql_list[] =
  "SELECT session_uuid, candidate_uuid, signed, document_uuid FROM session_attendance"
  " WHERE candidate_uuid = ?1";
static const char sql_load[] =
  "SELECT session_uuid, candidate_uuid, signed, document_uuid FROM session_attendance"
  " WHERE session_uuid = ?1";
static const char sql_upsert[] =
  "INSERT INTO session_attendance (uuid, candidate_uuid, session_uuid, signed, document_uuid,"
  " created_at, updated_at) SELECT uuid, candidate_uuid, uuid, ?2, ?3, ?4, ?4 FROM session"
  " WHERE uuid = ?1 AND deleted_at IS NULL ON CONFLICT (uuid) DO UPDATE SET"
  " signed = excluded.signed, document_uuid = excluded.document_uuid,"
  " updated_at = excluded.updated_at";
static const char sql_forget[] =
  "DELETE FROM session_attendance WHERE session_uuid = ?1";

AcqAttendance *
acq_attendance_copy (const AcqAttendance *self)
{
  AcqAttendance *copy = g_new0 (AcqAttendance, 1);

  copy->session_uuid = g_strdup (self->session_uuid);
  copy->candidate_uuid = g_strdup (self->candidate_uuid);
  copy->is_signed = self->is_signed;
  copy->document_uuid = g_strdup (self->document_uuid);
  return copy;
}

void
acq_attendance_free (AcqAttendance *self)
{
  if (self == NULL)
    return;
  g_free (self->session_uuid);
  g_free (self->candidate_uuid);
  g_free (self->document_uuid);
  g_free (self);
}

static AcqAttendance *
read_row (sqlite3_stmt *stmt)
{
  AcqAttendance *attendance = g_new0 (AcqAttendance, 1);

  attendance->session_uuid = _acq_sql_column_dup (stmt, 0);
  attendance->candidate_uuid = _acq_sql_column_dup (stmt, 1);
  attendance->is_signed = sqlite3_column_int (stmt, 2) != 0;
  attendance->document_uuid = _acq_sql_column_dup (stmt, 3);
  return attendance;
}

/**
 * acq_attendance_list:
 * @store: the store
 * @candidate_uuid: whose
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type utf8 AcqAttendance): the candidate's records by
 *   their session's uuid, or %NULL on error
 */
GHashTable *
acq_attendance_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) acq_attendance_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, sql_list, error)) == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqAttendance *attendance = read_row (stmt);

      g_hash_table_replace (records, attendance->session_uuid, attendance);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "reading the attendance records");
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * acq_attendance_load:
 * @store: the store
 * @session_uuid: a session
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): its record, or %NULL (without an error if it has none)
 */
AcqAttendance *
acq_attendance_load (AcqStore *store, const char *session_uuid, GError **error)
{
  AcqAttendance *attendance = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, sql_load, error)) == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, session_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    attendance = read_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                     "reading the attendance record");
  return attendance;
}

/**
 * acq_attendance_record:
 * @store: the store
 * @session_uuid: a session of the livret
 * @is_signed: whether the sheet came back signed
 * @document_uuid: (nullable): the signed sheet's scan, a candidate document of the same
 *   candidate, or %NULL
 * @error: where to put an error: %ACQ_SESSION_ERROR_NOT_FOUND if the session is gone
 *
 * Records (or changes) the session's attendance.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attendance_record (AcqStore *store, const char *session_uuid, gboolean is_signed,
                       const char *document_uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (session_uuid != NULL, FALSE);
  if ((stmt = acq_store_prepare (store, sql_upsert, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, session_uuid);
  sqlite3_bind_int (stmt, 2, is_signed ? 1 : 0);
  _acq_sql_bind_text (stmt, 3, document_uuid);
  _acq_sql_bind_text (stmt, 4, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND,
                           _("This session no longer exists. Its attendance was not "
                             "recorded."));
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_attendance_forget:
 * @store: the store
 * @session_uuid: a session
 * @error: where to put an error
 *
 * Removes the session's attendance record (its scan stays among the candidate's documents).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attendance_forget (AcqStore *store, const char *session_uuid, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  if ((stmt = acq_store_prepare (store, sql_forget, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, session_uuid);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_attendance_missing:
 * @store: the store
 * @candidate_uuid: whose
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqSession): the sessions held that have no
 *   attendance record, in order, or %NULL on error
 */
GPtrArray *
acq_attendance_missing (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) sessions = acq_session_list (store, candidate_uuid, error);
  g_autoptr (GHashTable) records = NULL;
  GPtrArray *missing;

  if (sessions == NULL ||
      (records = acq_attendance_list (store, candidate_uuid, error)) == NULL)
    return NULL;
  missing = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  for (guint i = 0; i < sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (sessions, i);

      if (session->held && !g_hash_table_contains (records, session->uuid))
        g_ptr_array_add (missing, acq_session_copy (session));
    }
  return missing;
}
