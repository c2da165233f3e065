/* acq-jury.c — the jury of a candidate: the session, the hand checklist, the épreuve's parts,
 * the rehearsals, the oral's cards, the readiness, the result and the post-jury plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain records read and written whole, as the jury page shows them: a candidate has one
 * session, a handful of hand items, parts, cards and runs. Every table carries candidate_uuid
 * so that the jury page travels in .acquis files; the merge's role rules
 * (exchange/acq-package-merge.c) keep the session, the result, the readiness and the plan the
 * accompagnatrice's, and let the candidate write her cards, her runs, her notes and tick her
 * hand items. The session, the result and the post-jury interview are events of the dated
 * parcours too (practice/acq-parcours.c), which sets the stage: saving them records the
 * events, so that the deadlines and the calendar see the jury.
 */
#define G_LOG_DOMAIN "acq-jury"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "acq-jury-private.h"
#include "acq-jury.h"
#include "acq-parcours.h"
#include "acq-referential.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define TEXT_MAX_CHARS 20000
#define LABEL_MAX_CHARS 500

G_DEFINE_QUARK (acq-jury-error-quark, acq_jury_error)

/* Helpers ------------------------------------------------------------------------------- */

gboolean
_acq_jury_valid_date (const char *iso)
{
  int y, m, d;
  char end;

  return iso != NULL && strlen (iso) == 10 && sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
         g_date_valid_dmy (d, m, y);
}

static gboolean
valid_time (const char *hhmm)
{
  int h, m;
  char end;

  return hhmm != NULL && strlen (hhmm) == 5 && sscanf (hhmm, "%2d:%2d%c", &h, &m, &end) == 2 &&
         h >= 0 && h < 24 && m >= 0 && m < 60;
}

static void
bind_args (sqlite3_stmt *stmt, const char *types, va_list args)
{
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        _acq_sql_bind_text (stmt, i + 1, va_arg (args, const char *));
      else
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, int));
    }
}

/* Runs @sql with its arguments, one per letter of @types: 's' a string (or NULL), 'i' an
 * int. */
gboolean
_acq_jury_run (AcqStore *store, const char *sql, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  bind_args (stmt, types, args);
  va_end (args);
  return acq_store_step_done (store, stmt, error);
}

/* The cached statement @sql with its arguments bound, to step through and reset. */
sqlite3_stmt *
_acq_jury_query (AcqStore *store, const char *sql, GError **error, const char *types, ...)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  va_list args;

  if (stmt == NULL)
    return NULL;
  va_start (args, types);
  bind_args (stmt, types, args);
  va_end (args);
  return stmt;
}

static gboolean
end_query (AcqStore *store, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            sqlite3_sql (stmt));
  return TRUE;
}

static gboolean
check_date (const char *iso, const char *what, GError **error)
{
  if (iso == NULL || _acq_jury_valid_date (iso))
    return TRUE;
  g_set_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
               _("The date of “%s” is not a date of the calendar. Nothing was saved."), what);
  return FALSE;
}

static gboolean
check_text (const char *text, gsize max, const char *what, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (acq_text_validate (text, max, what, &local))
    return TRUE;
  g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID, local->message);
  return FALSE;
}

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_NOT_FOUND,
                       _("This item of the jury page no longer exists."));
  return FALSE;
}

/* The candidate's latest event of @kind gets @date (done unless @planned); one is added if
 * there is none. Outside any transaction: the parcours writes in its own. */
static gboolean
record_event (AcqStore *store, const char *candidate_uuid, AcqParcoursKind kind,
              const char *date, gboolean planned, GError **error)
{
  g_autoptr (GPtrArray) events = acq_parcours_list (store, candidate_uuid, error);
  g_autoptr (AcqParcoursEvent) added = NULL;
  AcqParcoursEvent *found = NULL;
  GDate day;

  if (events == NULL)
    return FALSE;
  g_date_clear (&day, 1);
  {
    int y, m, d;
    if (!_acq_jury_valid_date (date) || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
      return check_date (date, _("Jury"), error);
    g_date_set_dmy (&day, d, m, y);
  }
  for (guint i = 0; i < events->len; i++)
    {
      AcqParcoursEvent *event = g_ptr_array_index (events, i);
      if (event->kind == kind)
        found = event;
    }
  if (found != NULL)
    {
      if (g_date_compare (&found->date, &day) == 0 && found->planned == planned)
        return TRUE;
      found->date = day;
      found->planned = planned;
      return acq_parcours_change (store, found, error);
    }
  added = acq_parcours_event_new (kind, &day, planned);
  added->candidate_uuid = g_strdup (candidate_uuid);
  return acq_parcours_add (store, added, error);
}

/* The "certification obtained" events of the candidate, deleted: the result says otherwise
 * now. */
static gboolean
forget_certification (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) events = acq_parcours_list (store, candidate_uuid, error);

  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      AcqParcoursEvent *event = g_ptr_array_index (events, i);

      if (event->kind == ACQ_PARCOURS_CERTIFIED &&
          !acq_parcours_delete (store, event->uuid, error))
        return FALSE;
    }
  return TRUE;
}

/* Labels --------------------------------------------------------------------------------- */

const char *
acq_jury_outcome_label (AcqJuryOutcome outcome)
{
  switch (outcome)
    {
    case ACQ_JURY_OUTCOME_UNKNOWN: return _("Not known yet");
    case ACQ_JURY_OUTCOME_TOTAL: return _("Full validation");
    case ACQ_JURY_OUTCOME_PARTIAL: return _("Partial validation");
    case ACQ_JURY_OUTCOME_NONE: return _("No validation");
    case ACQ_JURY_OUTCOME_ABSENT: return _("Absent");
    case ACQ_JURY_OUTCOME_EXCUSED: return _("Excused");
    case ACQ_N_JURY_OUTCOMES: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
acq_jury_bloc_outcome_label (AcqJuryBlocOutcome outcome)
{
  switch (outcome)
    {
    case ACQ_JURY_BLOC_UNKNOWN: return _("Not known yet");
    case ACQ_JURY_BLOC_OBTAINED: return _("Obtained");
    case ACQ_JURY_BLOC_NOT_OBTAINED: return _("Not obtained");
    case ACQ_JURY_BLOC_EXEMPT: return _("Exempt");
    case ACQ_N_JURY_BLOC_OUTCOMES: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * acq_jury_bloc_outcome_nick:
 * @outcome: a bloc's result
 *
 * Returns: the word `acquis --jury` prints: "obtenu", "non-obtenu", "dispense", or %NULL
 *   while it is not known
 */
const char *
acq_jury_bloc_outcome_nick (AcqJuryBlocOutcome outcome)
{
  switch (outcome)
    {
    case ACQ_JURY_BLOC_OBTAINED: return "obtenu";
    case ACQ_JURY_BLOC_NOT_OBTAINED: return "non-obtenu";
    case ACQ_JURY_BLOC_EXEMPT: return "dispense";
    case ACQ_JURY_BLOC_UNKNOWN: return NULL;
    case ACQ_N_JURY_BLOC_OUTCOMES: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
acq_jury_platform_label (AcqJuryPlatform platform)
{
  switch (platform)
    {
    case ACQ_JURY_PLATFORM_NONE: return _("Not deposited");
    case ACQ_JURY_PLATFORM_FRANCE_VAE: return _("France VAE");
    case ACQ_JURY_PLATFORM_CERTIFIER: return _("The certifier");
    case ACQ_N_JURY_PLATFORMS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
acq_jury_readiness_label (AcqJuryReadiness state)
{
  switch (state)
    {
    case ACQ_JURY_READINESS_UNKNOWN: return _("Not assessed");
    case ACQ_JURY_READINESS_READY: return _("Ready");
    case ACQ_JURY_READINESS_REWORK: return _("To work on");
    case ACQ_N_JURY_READINESS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/* The session ---------------------------------------------------------------------------- */

static const char sql_session_select[] =
  "SELECT date, time, place, visio_link, certifier, convocation_date, convocation_sha256,"
  " deposited_date, platform, fees_asked_cents, fees_received_cents, accommodations_asked,"
  " accommodations_granted FROM jury_session WHERE candidate_uuid = ?1";
static const char sql_session_upsert[] =
  "INSERT INTO jury_session (uuid, candidate_uuid, date, time, place, visio_link, certifier,"
  " convocation_date, convocation_sha256, deposited_date, platform, fees_asked_cents,"
  " fees_received_cents, accommodations_asked, accommodations_granted, created_at, updated_at)"
  " VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)"
  " ON CONFLICT (uuid) DO UPDATE SET date = excluded.date, time = excluded.time,"
  " place = excluded.place, visio_link = excluded.visio_link, certifier = excluded.certifier,"
  " convocation_date = excluded.convocation_date,"
  " convocation_sha256 = excluded.convocation_sha256, deposited_date = excluded.deposited_date,"
  " platform = excluded.platform, fees_asked_cents = excluded.fees_asked_cents,"
  " fees_received_cents = excluded.fees_received_cents,"
  " accommodations_asked = excluded.accommodations_asked,"
  " accommodations_granted = excluded.accommodations_granted, updated_at = excluded.updated_at";
static const char sql_candidate_exists[] =
  "SELECT 1 FROM candidate WHERE uuid = ?1 AND deleted_at IS NULL";

/**
 * acq_jury_session_load:
 * @store: the store
 * @candidate_uuid: whose jury
 * @error: where to put an error
 *
 * Returns: (transfer full): the session, empty (stored %FALSE) while none was saved; %NULL
 *   with @error set if the store could not be read
 */
AcqJurySession *
acq_jury_session_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqJurySession) session = g_new0 (AcqJurySession, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  session->candidate_uuid = g_strdup (candidate_uuid);
  if (!(stmt = _acq_jury_query (store, sql_session_select, error, "s", candidate_uuid)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      session->stored = TRUE;
      session->date = _acq_sql_column_dup (stmt, 0);
      session->time = _acq_sql_column_dup (stmt, 1);
      session->place = _acq_sql_column_dup (stmt, 2);
      session->visio_link = _acq_sql_column_dup (stmt, 3);
      session->certifier = _acq_sql_column_dup (stmt, 4);
      session->convocation_date = _acq_sql_column_dup (stmt, 5);
      session->convocation_sha256 = _acq_sql_column_dup (stmt, 6);
      session->deposited_date = _acq_sql_column_dup (stmt, 7);
      session->platform = CLAMP (sqlite3_column_int (stmt, 8), 0, ACQ_N_JURY_PLATFORMS - 1);
      session->fees_asked_cents = sqlite3_column_int (stmt, 9);
      session->fees_received_cents = sqlite3_column_int (stmt, 10);
      session->accommodations_asked = _acq_sql_column_dup (stmt, 11);
      session->accommodations_granted = _acq_sql_column_dup (stmt, 12);
      rc = SQLITE_DONE;
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&session);
}

/**
 * acq_jury_session_save:
 * @store: the store
 * @session: the session
 * @error: where to put an error
 *
 * Writes the session; the first save fills the hand checklist with its usual items. The
 * jury's date, the convocation and the deposit become events of the dated parcours (the
 * jury planned while its day is ahead), which moves the stage. The session is the
 * accompagnatrice's: the candidate's copy shows it and does not save it (her file could not
 * carry it, nor the events, see exchange/acq-package-merge.c).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_session_save (AcqStore *store, const AcqJurySession *session, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *today = today_iso ();
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL && session->candidate_uuid != NULL, FALSE);

  if (!check_date (session->date, _("Jury"), error) ||
      !check_date (session->convocation_date, _("Convocation"), error) ||
      !check_date (session->deposited_date, _("Dossier deposited"), error) ||
      !check_text (session->place, LABEL_MAX_CHARS, _("Place"), error) ||
      !check_text (session->visio_link, LABEL_MAX_CHARS, _("Visio link"), error) ||
      !check_text (session->certifier, LABEL_MAX_CHARS, _("Certifier"), error) ||
      !check_text (session->accommodations_asked, TEXT_MAX_CHARS, _("Accommodations asked"),
                   error) ||
      !check_text (session->accommodations_granted, TEXT_MAX_CHARS,
                   _("Accommodations granted"), error))
    return FALSE;
  if (session->time != NULL && !valid_time (session->time))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("The time of the jury is not a time of the day. Nothing was saved."));
      return FALSE;
    }
  if (session->convocation_sha256 != NULL && strlen (session->convocation_sha256) != 64)
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("The convocation is not a stored document. Nothing was saved."));
      return FALSE;
    }

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!(stmt = _acq_jury_query (store, sql_candidate_exists, error, "s",
                                session->candidate_uuid)))
    goto fail;
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!exists)
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_NOT_FOUND,
                           _("This candidate no longer exists."));
      goto fail;
    }
  if (!_acq_jury_run (store, sql_session_upsert, error, "sssssssssiiisss",
                      session->candidate_uuid, session->date, session->time,
                      session->place ? session->place : "",
                      session->visio_link ? session->visio_link : "",
                      session->certifier ? session->certifier : "", session->convocation_date,
                      session->convocation_sha256, session->deposited_date,
                      (int) session->platform, (int) session->fees_asked_cents,
                      (int) session->fees_received_cents,
                      session->accommodations_asked ? session->accommodations_asked : "",
                      session->accommodations_granted ? session->accommodations_granted : "",
                      now) ||
      !acq_store_commit (store, error))
    goto fail;

  if (!acq_jury_hand_items_prefill (store, session->candidate_uuid, error))
    return FALSE;
  if (session->deposited_date != NULL &&
      !record_event (store, session->candidate_uuid, ACQ_PARCOURS_DOSSIER_DEPOSITED,
                     session->deposited_date, g_strcmp0 (session->deposited_date, today) > 0,
                     error))
    return FALSE;
  if (session->convocation_date != NULL &&
      !record_event (store, session->candidate_uuid, ACQ_PARCOURS_CONVOCATION_RECEIVED,
                     session->convocation_date,
                     g_strcmp0 (session->convocation_date, today) > 0, error))
    return FALSE;
  if (session->date != NULL &&
      !record_event (store, session->candidate_uuid, ACQ_PARCOURS_JURY, session->date,
                     g_strcmp0 (session->date, today) > 0, error))
    return FALSE;
  return TRUE;

fail:
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_jury_session_dup_start:
 * @session: a session
 *
 * Returns: (transfer full) (nullable): when the jury begins, in Europe/Paris (09:00 if no
 *   time is set), or %NULL if it has no date
 */
GDateTime *
acq_jury_session_dup_start (const AcqJurySession *session)
{
  g_autoptr (GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  int y, m, d, hh = 9, mm = 0;

  g_return_val_if_fail (session != NULL, NULL);
  if (!_acq_jury_valid_date (session->date) || sscanf (session->date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  if (valid_time (session->time))
    sscanf (session->time, "%2d:%2d", &hh, &mm);
  return g_date_time_new (paris ? paris : g_time_zone_new_utc (), y, m, d, hh, mm, 0);
}

void
acq_jury_session_free (AcqJurySession *session)
{
  if (session == NULL)
    return;
  g_free (session->candidate_uuid);
  g_free (session->date);
  g_free (session->time);
  g_free (session->place);
  g_free (session->visio_link);
  g_free (session->certifier);
  g_free (session->convocation_date);
  g_free (session->convocation_sha256);
  g_free (session->deposited_date);
  g_free (session->accommodations_asked);
  g_free (session->accommodations_granted);
  g_free (session);
}

/* The hand checklist --------------------------------------------------------------------- */

static const char sql_hand_select[] =
  "SELECT uuid, label, done FROM jury_hand_item WHERE candidate_uuid = ?1 ORDER BY position,"
  " created_at, uuid";
static const char sql_hand_count[] =
  "SELECT count (*), coalesce (max (position), -1) FROM jury_hand_item WHERE candidate_uuid = ?1";
static const char sql_hand_insert[] =
  "INSERT INTO jury_hand_item (uuid, candidate_uuid, position, label, done, created_at,"
  " updated_at) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)";
static const char sql_hand_done[] =
  "UPDATE jury_hand_item SET done = ?2, updated_at = ?3 WHERE uuid = ?1 AND done <> ?2";
static const char sql_hand_label[] =
  "UPDATE jury_hand_item SET label = ?2, updated_at = ?3 WHERE uuid = ?1";
static const char sql_hand_delete[] = "DELETE FROM jury_hand_item WHERE uuid = ?1";
static const char sql_hand_exists[] = "SELECT 1 FROM jury_hand_item WHERE uuid = ?1";

/* What a candidate brings or checks before the day, in the order of the days before it. */
static const char *const hand_defaults[] = {
  N_("Identity document ready"),
  N_("Printed copy of the dossier"),
  N_("Convocation printed or saved on the phone"),
  N_("Route or visio link tested"),
};

GPtrArray *
acq_jury_hand_items_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_hand_item_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(stmt = _acq_jury_query (store, sql_hand_select, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryHandItem *item = g_new0 (AcqJuryHandItem, 1);
      item->uuid = _acq_sql_column_dup (stmt, 0);
      item->label = _acq_sql_column_dup (stmt, 1);
      item->done = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (items, item);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
hand_count (AcqStore *store, const char *candidate_uuid, int *out_count, int *out_last,
            GError **error)
{
  sqlite3_stmt *stmt = _acq_jury_query (store, sql_hand_count, error, "s", candidate_uuid);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_count = sqlite3_column_int (stmt, 0);
      *out_last = sqlite3_column_int (stmt, 1);
      rc = SQLITE_DONE;
    }
  return end_query (store, stmt, rc, error);
}

/**
 * acq_jury_hand_items_prefill:
 * @store: the store
 * @candidate_uuid: whose checklist
 * @error: where to put an error
 *
 * Fills an empty hand checklist with the usual items (identity document, printed dossier…);
 * a checklist that has items, even edited or emptied by deleting them one by one but the
 * last, is left alone.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_hand_items_prefill (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  int count = 0, last = -1;

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!hand_count (store, candidate_uuid, &count, &last, error))
    goto fail;
  for (guint i = 0; count == 0 && i < G_N_ELEMENTS (hand_defaults); i++)
    {
      g_autofree char *uuid = acq_store_new_uuid ();
      if (!_acq_jury_run (store, sql_hand_insert, error, "ssiss", uuid, candidate_uuid, (int) i,
                          _(hand_defaults[i]), now))
        goto fail;
    }
  return acq_store_commit (store, error);

fail:
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_jury_hand_item_add:
 * @store: the store
 * @candidate_uuid: whose checklist
 * @label: what to do or bring
 * @error: where to put an error
 *
 * Returns: (transfer full): the new item's uuid, or %NULL with @error set
 */
char *
acq_jury_hand_item_add (AcqStore *store, const char *candidate_uuid, const char *label,
                        GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *uuid = acq_store_new_uuid ();
  int count = 0, last = -1;

  if (acq_text_is_blank (label))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("An item of the checklist needs a few words."));
      return NULL;
    }
  if (!check_text (label, LABEL_MAX_CHARS, _("Checklist item"), error) ||
      !acq_store_begin (store, error))
    return NULL;
  if (!hand_count (store, candidate_uuid, &count, &last, error) ||
      !_acq_jury_run (store, sql_hand_insert, error, "ssiss", uuid, candidate_uuid, last + 1,
                      label, now) ||
      !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&uuid);
}

static gboolean
hand_exists (AcqStore *store, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt = _acq_jury_query (store, sql_hand_exists, error, "s", uuid);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found || not_found (error);
}

gboolean
acq_jury_hand_item_set_done (AcqStore *store, const char *uuid, gboolean done, GError **error)
{
  g_autofree char *now = acq_store_now ();

  return hand_exists (store, uuid, error) &&
         _acq_jury_run (store, sql_hand_done, error, "sis", uuid, done ? 1 : 0, now);
}

gboolean
acq_jury_hand_item_set_label (AcqStore *store, const char *uuid, const char *label,
                              GError **error)
{
  g_autofree char *now = acq_store_now ();

  if (acq_text_is_blank (label))
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("An item of the checklist needs a few words."));
      return FALSE;
    }
  return check_text (label, LABEL_MAX_CHARS, _("Checklist item"), error) &&
         hand_exists (store, uuid, error) &&
         _acq_jury_run (store, sql_hand_label, error, "sss", uuid, label, now);
}

gboolean
acq_jury_hand_item_delete (AcqStore *store, const char *uuid, GError **error)
{
  return hand_exists (store, uuid, error) &&
         _acq_jury_run (store, sql_hand_delete, error, "s", uuid);
}

void
acq_jury_hand_item_free (AcqJuryHandItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->label);
  g_free (item);
}

/* The épreuve's parts -------------------------------------------------------------------- */

static const char sql_parts_select[] =
  "SELECT uuid, name, minutes FROM jury_part WHERE candidate_uuid = ?1 ORDER BY position, uuid";
static const char sql_part_upsert[] =
  "INSERT INTO jury_part (uuid, candidate_uuid, position, name, minutes, created_at,"
  " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (uuid) DO UPDATE SET"
  " position = excluded.position, name = excluded.name, minutes = excluded.minutes,"
  " updated_at = excluded.updated_at WHERE position <> excluded.position OR"
  " name <> excluded.name OR minutes <> excluded.minutes";
static const char sql_evaluations[] =
  "SELECT b.evaluation FROM candidate c JOIN bloc b ON"
  " b.certification_uuid = c.certification_uuid WHERE c.uuid = ?1 ORDER BY b.position";

AcqJuryPart *
acq_jury_part_new (const char *name, guint minutes)
{
  AcqJuryPart *part = g_new0 (AcqJuryPart, 1);

  part->name = g_strdup (name);
  part->minutes = minutes;
  return part;
}

void
acq_jury_part_free (AcqJuryPart *part)
{
  if (part == NULL)
    return;
  g_free (part->uuid);
  g_free (part->name);
  g_free (part);
}

/* The parts a titre professionnel's épreuve has, from the fiche's MODALITES_EVALUATION when
 * it says them: a mise en situation or the presentation of a project, the jury's questions
 * (entretien technique, questionnement), and always the entretien final. They name the parts
 * of a French épreuve, as the fiche does, and print in the French fiche de préparation: they
 * are content, in French, not interface text. */
static GPtrArray *
default_parts (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_part_free);
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _acq_jury_query (store, sql_evaluations, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (all, "%s\n", _acq_sql_column_text (stmt, 0));
  if (!end_query (store, stmt, rc, error))
    return NULL;
  folded = acq_text_fold (all->str);
  if (strstr (folded, "mise en situation") != NULL)
    g_ptr_array_add (parts, acq_jury_part_new ("Mise en situation professionnelle ou "
                                               "présentation d’un projet", 20));
  else
    g_ptr_array_add (parts, acq_jury_part_new ("Présentation", 20));
  if (strstr (folded, "entretien technique") != NULL)
    g_ptr_array_add (parts, acq_jury_part_new ("Entretien technique", 30));
  else
    g_ptr_array_add (parts, acq_jury_part_new ("Questions du jury", 30));
  g_ptr_array_add (parts, acq_jury_part_new ("Entretien final", 15));
  return g_steal_pointer (&parts);
}

/**
 * acq_jury_parts_list:
 * @store: the store
 * @candidate_uuid: whose épreuve
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqJuryPart): the parts saved, or while none is the
 *   defaults that the fiche's evaluation suggests (their uuid %NULL)
 */
GPtrArray *
acq_jury_parts_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_part_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(stmt = _acq_jury_query (store, sql_parts_select, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryPart *part = acq_jury_part_new (_acq_sql_column_text (stmt, 1),
                                             sqlite3_column_int (stmt, 2));
      part->uuid = _acq_sql_column_dup (stmt, 0);
      g_ptr_array_add (parts, part);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  if (parts->len == 0)
    return default_parts (store, candidate_uuid, error);
  return g_steal_pointer (&parts);
}

/**
 * acq_jury_parts_save:
 * @store: the store
 * @candidate_uuid: whose épreuve
 * @parts: (element-type AcqJuryPart): the parts in order; those without a uuid get one
 * @error: where to put an error
 *
 * Replaces the parts of the épreuve with @parts.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_parts_save (AcqStore *store, const char *candidate_uuid, GPtrArray *parts,
                     GError **error)
{
  g_autofree char *now = acq_store_now ();

  for (guint i = 0; i < parts->len; i++)
    {
      AcqJuryPart *part = g_ptr_array_index (parts, i);
      if (acq_text_is_blank (part->name) || part->minutes < 1 || part->minutes > 600)
        {
          g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                               _("Each part of the jury needs a name and 1 to 600 minutes. "
                                 "Nothing was saved."));
          return FALSE;
        }
      if (!check_text (part->name, LABEL_MAX_CHARS, _("Part"), error))
        return FALSE;
    }
  if (!acq_store_begin (store, error))
    return FALSE;
  /* the parts kept keep their uuid: the exchange sees a change, not a new part */
  {
    g_autoptr (GString) keep = g_string_new ("[");
    for (guint i = 0; i < parts->len; i++)
      {
        AcqJuryPart *part = g_ptr_array_index (parts, i);
        if (part->uuid != NULL)
          g_string_append_printf (keep, "%s\"%s\"", keep->len > 1 ? "," : "", part->uuid);
      }
    g_string_append_c (keep, ']');
    if (!_acq_jury_run (store, "DELETE FROM jury_part WHERE candidate_uuid = ?1 AND uuid NOT IN"
                               " (SELECT value FROM json_each (?2))", error, "ss",
                        candidate_uuid, keep->str))
      goto fail;
  }
  for (guint i = 0; i < parts->len; i++)
    {
      AcqJuryPart *part = g_ptr_array_index (parts, i);
      if (part->uuid == NULL)
        part->uuid = acq_store_new_uuid ();
      if (!_acq_jury_run (store, sql_part_upsert, error, "ssisis", part->uuid, candidate_uuid,
                          (int) i, part->name, (int) part->minutes, now))
        goto fail;
    }
  return acq_store_commit (store, error);

fail:
  acq_store_rollback (store);
  return FALSE;
}

/* Rehearsals ----------------------------------------------------------------------------- */

static const char sql_rehearsal_insert[] =
  "INSERT INTO jury_rehearsal (uuid, candidate_uuid, date, parts, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char sql_rehearsal_select[] =
  "SELECT uuid, date, parts FROM jury_rehearsal WHERE candidate_uuid = ?1"
  " ORDER BY date, created_at, uuid";

AcqJuryRehearsal *
acq_jury_rehearsal_new (const char *date)
{
  AcqJuryRehearsal *run = g_new0 (AcqJuryRehearsal, 1);

  run->date = g_strdup (date);
  run->names = g_ptr_array_new_with_free_func (g_free);
  run->seconds = g_array_new (FALSE, FALSE, sizeof (guint));
  return run;
}

void
acq_jury_rehearsal_add_part (AcqJuryRehearsal *run, const char *name, guint seconds)
{
  g_autofree char *clean = g_strdup (name ? name : "");

  /* a line per part, "SECONDS<TAB>NAME": neither may hold a tab or a newline */
  g_strdelimit (clean, "\t\n\r", ' ');
  g_ptr_array_add (run->names, g_steal_pointer (&clean));
  g_array_append_val (run->seconds, seconds);
}

/**
 * acq_jury_rehearsal_save:
 * @store: the store
 * @candidate_uuid: whose rehearsal
 * @run: a run; its uuid is set
 * @error: where to put an error
 *
 * Logs one run of the rehearsal: its date and the time each part took.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_rehearsal_save (AcqStore *store, const char *candidate_uuid, AcqJuryRehearsal *run,
                         GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autoptr (GString) parts = g_string_new (NULL);

  g_return_val_if_fail (run != NULL && run->uuid == NULL, FALSE);
  if (!_acq_jury_valid_date (run->date))
    return check_date (run->date ? run->date : "", _("Rehearsal"), error);
  for (guint i = 0; i < run->names->len; i++)
    g_string_append_printf (parts, "%u\t%s\n", g_array_index (run->seconds, guint, i),
                            (char *) g_ptr_array_index (run->names, i));
  run->uuid = acq_store_new_uuid ();
  if (_acq_jury_run (store, sql_rehearsal_insert, error, "sssss", run->uuid, candidate_uuid,
                     run->date, parts->str, now))
    return TRUE;
  g_clear_pointer (&run->uuid, g_free);
  return FALSE;
}

GPtrArray *
acq_jury_rehearsals_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_rehearsal_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _acq_jury_query (store, sql_rehearsal_select, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryRehearsal *run = acq_jury_rehearsal_new (_acq_sql_column_text (stmt, 1));
      g_auto (GStrv) lines = g_strsplit (_acq_sql_column_text (stmt, 2), "\n", -1);

      run->uuid = _acq_sql_column_dup (stmt, 0);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');
          guint64 seconds;

          if (tab == NULL)
            continue;
          *tab = '\0';
          if (g_ascii_string_to_unsigned (lines[i], 10, 0, G_MAXUINT, &seconds, NULL))
            acq_jury_rehearsal_add_part (run, tab + 1, (guint) seconds);
        }
      g_ptr_array_add (runs, run);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&runs);
}

void
acq_jury_rehearsal_free (AcqJuryRehearsal *run)
{
  if (run == NULL)
    return;
  g_free (run->uuid);
  g_free (run->date);
  g_ptr_array_unref (run->names);
  g_array_unref (run->seconds);
  g_free (run);
}

/* The oral's cards ----------------------------------------------------------------------- */

static const char sql_cards_select[] =
  "SELECT uuid, bloc_uuid, title, key_points FROM jury_card WHERE candidate_uuid = ?1"
  " ORDER BY position, created_at, uuid";
static const char sql_card_upsert[] =
  "INSERT INTO jury_card (uuid, candidate_uuid, bloc_uuid, position, title, key_points,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, (SELECT coalesce (max (position), -1) + 1 FROM"
  " jury_card WHERE candidate_uuid = ?2), ?4, ?5, ?6, ?6) ON CONFLICT (uuid) DO UPDATE SET"
  " title = excluded.title, key_points = excluded.key_points, updated_at = excluded.updated_at"
  " WHERE title <> excluded.title OR key_points <> excluded.key_points";
/* each targeted bloc, with the titles of its validated examples, one per line */
static const char sql_cards_draft[] =
  "SELECT b.uuid, b.code, b.title, (SELECT group_concat (title, char (10)) FROM (SELECT"
  " s.title FROM sheet s WHERE s.candidate_uuid = ?1 AND s.bloc_uuid = b.uuid AND"
  " s.deleted_at IS NULL AND s.review_state = 3 ORDER BY s.created_at)) FROM candidate_bloc cb"
  " JOIN bloc b ON b.uuid = cb.bloc_uuid WHERE cb.candidate_uuid = ?1 AND NOT EXISTS (SELECT 1"
  " FROM jury_card c WHERE c.candidate_uuid = ?1 AND c.bloc_uuid = b.uuid) ORDER BY b.position";

GPtrArray *
acq_jury_cards_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_card_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _acq_jury_query (store, sql_cards_select, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryCard *card = g_new0 (AcqJuryCard, 1);
      card->uuid = _acq_sql_column_dup (stmt, 0);
      card->bloc_uuid = _acq_sql_column_dup (stmt, 1);
      card->title = _acq_sql_column_dup (stmt, 2);
      card->key_points = _acq_sql_column_dup (stmt, 3);
      g_ptr_array_add (cards, card);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&cards);
}

/**
 * acq_jury_cards_draft:
 * @store: the store
 * @candidate_uuid: whose oral
 * @error: where to put an error
 *
 * Adds a card for each targeted bloc that has none: the bloc's title, and as key points the
 * titles of its validated examples, for the candidate to rewrite in her words. A drafted
 * card's uuid is derived from the candidate and the bloc, so that the two sides drafting
 * before an exchange make the same card, which the merge keeps once, not two.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_cards_draft (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_card_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _acq_jury_query (store, sql_cards_draft, error, "s", candidate_uuid)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryCard *card = g_new0 (AcqJuryCard, 1);
      g_autofree char *name = NULL;

      card->bloc_uuid = _acq_sql_column_dup (stmt, 0);
      name = g_strdup_printf ("acquis:jury-card:%s:%s", candidate_uuid, card->bloc_uuid);
      card->uuid = acq_referential_derive_uuid (name);
      card->title = g_strdup_printf ("%s — %s", _acq_sql_column_text (stmt, 1),
                                     _acq_sql_column_text (stmt, 2));
      card->key_points = g_strdup (sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                     ? "" : _acq_sql_column_text (stmt, 3));
      g_ptr_array_add (drafts, card);
    }
  if (!end_query (store, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < drafts->len; i++)
    if (!acq_jury_card_save (store, candidate_uuid, g_ptr_array_index (drafts, i), error))
      return FALSE;
  return TRUE;
}

/**
 * acq_jury_card_save:
 * @store: the store
 * @candidate_uuid: whose oral
 * @card: a card; a new one (uuid %NULL) goes last and gets its uuid
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_card_save (AcqStore *store, const char *candidate_uuid, AcqJuryCard *card,
                    GError **error)
{
  g_autofree char *now = acq_store_now ();
  gboolean created = card->uuid == NULL;

  if (!check_text (card->title, LABEL_MAX_CHARS, _("Card title"), error) ||
      !check_text (card->key_points, TEXT_MAX_CHARS, _("Key points"), error))
    return FALSE;
  if (created)
    card->uuid = acq_store_new_uuid ();
  if (_acq_jury_run (store, sql_card_upsert, error, "ssssss", card->uuid, candidate_uuid,
                     card->bloc_uuid, card->title ? card->title : "",
                     card->key_points ? card->key_points : "", now))
    return TRUE;
  if (created)
    g_clear_pointer (&card->uuid, g_free);
  return FALSE;
}

void
acq_jury_card_free (AcqJuryCard *card)
{
  if (card == NULL)
    return;
  g_free (card->uuid);
  g_free (card->bloc_uuid);
  g_free (card->title);
  g_free (card->key_points);
  g_free (card);
}

/* Readiness ------------------------------------------------------------------------------ */

static const char sql_readiness_select[] =
  "SELECT competence_uuid, state, remark FROM jury_readiness WHERE candidate_uuid = ?1"
  " ORDER BY updated_at";
static const char sql_readiness_update[] =
  "UPDATE jury_readiness SET state = ?3, remark = ?4, updated_at = ?5 WHERE candidate_uuid = ?1"
  " AND competence_uuid = ?2";
static const char sql_readiness_insert[] =
  "INSERT INTO jury_readiness (uuid, candidate_uuid, competence_uuid, state, remark,"
  " created_at, updated_at) SELECT ?6, ?1, ?2, ?3, ?4, ?5, ?5 WHERE NOT EXISTS (SELECT 1 FROM"
  " jury_readiness WHERE candidate_uuid = ?1 AND competence_uuid = ?2)";

/**
 * acq_jury_readiness_set:
 * @store: the store
 * @candidate_uuid: whose competence
 * @competence_uuid: the competence
 * @state: prêt, à retravailler, or not assessed
 * @remark: (nullable): the accompagnatrice's remark
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_readiness_set (AcqStore *store, const char *candidate_uuid,
                        const char *competence_uuid, AcqJuryReadiness state, const char *remark,
                        GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *uuid = acq_store_new_uuid ();

  g_return_val_if_fail (state < ACQ_N_JURY_READINESS, FALSE);
  if (!check_text (remark, TEXT_MAX_CHARS, _("Remark"), error) ||
      !acq_store_begin (store, error))
    return FALSE;
  if (!_acq_jury_run (store, sql_readiness_update, error, "ssiss", candidate_uuid,
                      competence_uuid, (int) state, remark ? remark : "", now) ||
      !_acq_jury_run (store, sql_readiness_insert, error, "ssisss", candidate_uuid,
                      competence_uuid, (int) state, remark ? remark : "", now, uuid) ||
      !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_jury_readiness_get:
 * @store: the store
 * @candidate_uuid: whose competences
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type utf8 AcqJuryReadinessMark): the marks by competence
 */
GHashTable *
acq_jury_readiness_get (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GHashTable) marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) acq_jury_readiness_mark_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _acq_jury_query (store, sql_readiness_select, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryReadinessMark *mark = g_new0 (AcqJuryReadinessMark, 1);
      mark->competence_uuid = _acq_sql_column_dup (stmt, 0);
      mark->state = CLAMP (sqlite3_column_int (stmt, 1), 0, ACQ_N_JURY_READINESS - 1);
      mark->remark = _acq_sql_column_dup (stmt, 2);
      /* the latest wins, should an exchange have brought two */
      g_hash_table_replace (marks, mark->competence_uuid, mark);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&marks);
}

void
acq_jury_readiness_mark_free (AcqJuryReadinessMark *mark)
{
  if (mark == NULL)
    return;
  g_free (mark->competence_uuid);
  g_free (mark->remark);
  g_free (mark);
}

/* the competences of the candidate's targeted blocs, in the referential's order */
static const char sql_competences[] =
  "SELECT c.uuid, b.code, c.position, c.label FROM candidate_bloc cb JOIN bloc b ON b.uuid ="
  " cb.bloc_uuid JOIN competence c ON c.bloc_uuid = b.uuid WHERE cb.candidate_uuid = ?1"
  " ORDER BY b.position, c.position";

/**
 * acq_jury_competences_list:
 * @store: the store
 * @candidate_uuid: whose competences
 * @error: where to put an error
 *
 * The competences the jury will assess: those of the blocs the candidate aims at, which the
 * accompagnatrice marks prêt or à retravailler after a soutenance blanche.
 *
 * Returns: (transfer container) (element-type AcqJuryCompetence): the competences, or %NULL
 */
GPtrArray *
acq_jury_competences_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_jury_competence_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store) && candidate_uuid != NULL, NULL);
  if (!(stmt = _acq_jury_query (store, sql_competences, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryCompetence *competence = g_new0 (AcqJuryCompetence, 1);
      competence->uuid = _acq_sql_column_dup (stmt, 0);
      competence->bloc_code = _acq_sql_column_dup (stmt, 1);
      competence->position = (guint) MAX (sqlite3_column_int (stmt, 2), 0);
      competence->label = _acq_sql_column_dup (stmt, 3);
      g_ptr_array_add (list, competence);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

void
acq_jury_competence_free (AcqJuryCompetence *competence)
{
  if (competence == NULL)
    return;
  g_free (competence->uuid);
  g_free (competence->bloc_code);
  g_free (competence->label);
  g_free (competence);
}

/* The result ----------------------------------------------------------------------------- */

static const char sql_result_select[] =
  "SELECT outcome, remarks, pv_sha256 FROM jury_result WHERE candidate_uuid = ?1";
/* the blocs of the candidate's certification, with their result when one is known */
static const char sql_result_blocs[] =
  "SELECT b.uuid, b.code, (SELECT r.outcome FROM jury_bloc_result r WHERE r.candidate_uuid ="
  " ?1 AND r.bloc_uuid = b.uuid ORDER BY r.updated_at DESC LIMIT 1) FROM candidate c JOIN"
  " bloc b ON b.certification_uuid = c.certification_uuid WHERE c.uuid = ?1 ORDER BY b.position";
static const char sql_result_upsert[] =
  "INSERT INTO jury_result (uuid, candidate_uuid, outcome, remarks, pv_sha256, created_at,"
  " updated_at) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (uuid) DO UPDATE SET"
  " outcome = excluded.outcome, remarks = excluded.remarks, pv_sha256 = excluded.pv_sha256,"
  " updated_at = excluded.updated_at";
static const char sql_bloc_result_update[] =
  "UPDATE jury_bloc_result SET outcome = ?3, updated_at = ?4 WHERE candidate_uuid = ?1 AND"
  " bloc_uuid = ?2 AND outcome <> ?3";
static const char sql_bloc_result_insert[] =
  "INSERT INTO jury_bloc_result (uuid, candidate_uuid, bloc_uuid, outcome, created_at,"
  " updated_at) SELECT ?5, ?1, ?2, ?3, ?4, ?4 WHERE NOT EXISTS (SELECT 1 FROM jury_bloc_result"
  " WHERE candidate_uuid = ?1 AND bloc_uuid = ?2)";

static void
bloc_result_free (AcqJuryBlocResult *bloc)
{
  g_free (bloc->bloc_uuid);
  g_free (bloc->code);
  g_free (bloc);
}

/**
 * acq_jury_result_load:
 * @store: the store
 * @candidate_uuid: whose result
 * @error: where to put an error
 *
 * Returns: (transfer full): the result, every bloc of the certification in it (not known
 *   yet while the jury has not given it)
 */
AcqJuryResult *
acq_jury_result_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqJuryResult) result = g_new0 (AcqJuryResult, 1);
  sqlite3_stmt *stmt;
  int rc;

  result->candidate_uuid = g_strdup (candidate_uuid);
  result->blocs = g_ptr_array_new_with_free_func ((GDestroyNotify) bloc_result_free);
  if (!(stmt = _acq_jury_query (store, sql_result_select, error, "s", candidate_uuid)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      result->outcome = CLAMP (sqlite3_column_int (stmt, 0), 0, ACQ_N_JURY_OUTCOMES - 1);
      result->remarks = _acq_sql_column_dup (stmt, 1);
      result->pv_sha256 = _acq_sql_column_dup (stmt, 2);
      rc = SQLITE_DONE;
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  if (!(stmt = _acq_jury_query (store, sql_result_blocs, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryBlocResult *bloc = g_new0 (AcqJuryBlocResult, 1);
      bloc->bloc_uuid = _acq_sql_column_dup (stmt, 0);
      bloc->code = _acq_sql_column_dup (stmt, 1);
      bloc->outcome = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_JURY_BLOC_OUTCOMES - 1);
      g_ptr_array_add (result->blocs, bloc);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * acq_jury_result_set_bloc:
 * @result: a result
 * @bloc_uuid: one of its blocs
 * @outcome: that bloc's result
 *
 * Returns: %FALSE if @bloc_uuid is not a bloc of the result
 */
gboolean
acq_jury_result_set_bloc (AcqJuryResult *result, const char *bloc_uuid,
                          AcqJuryBlocOutcome outcome)
{
  for (guint i = 0; i < result->blocs->len; i++)
    {
      AcqJuryBlocResult *bloc = g_ptr_array_index (result->blocs, i);
      if (g_strcmp0 (bloc->bloc_uuid, bloc_uuid) == 0)
        {
          bloc->outcome = outcome;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
outcome_needs_plan (AcqJuryOutcome outcome)
{
  return outcome == ACQ_JURY_OUTCOME_PARTIAL || outcome == ACQ_JURY_OUTCOME_NONE;
}

/**
 * acq_jury_result_save:
 * @store: the store
 * @result: the result, entered by the accompagnatrice
 * @error: where to put an error
 *
 * Writes the result. A jury that took place (validation totale, partielle or aucune, or the
 * candidate absent) becomes a done jury event of the parcours on the jury's day (today if
 * none was set), which puts the candidate in the stage Jury; an excused candidate's jury
 * stays planned. A partial result or none opens the post-jury plan with every bloc not
 * obtained (the blocs already in the plan keep their target dates), and the entretien
 * post-jury is planned a month after the jury unless it already has a date. A total
 * validation is the certification obtained, a done event of the parcours on the jury's day
 * that puts the candidate in the stage Certified; a result changed from total to another
 * takes that event away (deleted as the parcours deletes, so that the exchange carries it).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_result_save (AcqStore *store, const AcqJuryResult *result, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autoptr (AcqJurySession) session = NULL;
  g_autofree char *jury_day = NULL;

  g_return_val_if_fail (result != NULL && result->outcome < ACQ_N_JURY_OUTCOMES, FALSE);
  if (!check_text (result->remarks, TEXT_MAX_CHARS, _("The jury's remarks"), error))
    return FALSE;
  if (result->pv_sha256 != NULL && strlen (result->pv_sha256) != 64)
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID,
                           _("The procès-verbal is not a stored document. Nothing was saved."));
      return FALSE;
    }
  if (!(session = acq_jury_session_load (store, result->candidate_uuid, error)))
    return FALSE;
  jury_day = session->date ? g_strdup (session->date) : today_iso ();

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!_acq_jury_run (store, sql_result_upsert, error, "sisss", result->candidate_uuid,
                      (int) result->outcome, result->remarks ? result->remarks : "",
                      result->pv_sha256, now))
    goto fail;
  for (guint i = 0; i < result->blocs->len; i++)
    {
      AcqJuryBlocResult *bloc = g_ptr_array_index (result->blocs, i);
      g_autofree char *uuid = acq_store_new_uuid ();

      if (!_acq_jury_run (store, sql_bloc_result_update, error, "ssis", result->candidate_uuid,
                          bloc->bloc_uuid, (int) bloc->outcome, now) ||
          (bloc->outcome != ACQ_JURY_BLOC_UNKNOWN &&
           !_acq_jury_run (store, sql_bloc_result_insert, error, "ssiss",
                           result->candidate_uuid, bloc->bloc_uuid, (int) bloc->outcome, now,
                           uuid)))
        goto fail;
    }
  if (!acq_store_commit (store, error))
    goto fail;

  if (result->outcome != ACQ_JURY_OUTCOME_UNKNOWN && result->outcome != ACQ_JURY_OUTCOME_EXCUSED &&
      !record_event (store, result->candidate_uuid, ACQ_PARCOURS_JURY, jury_day, FALSE, error))
    return FALSE;
  if (result->outcome == ACQ_JURY_OUTCOME_TOTAL
        ? !record_event (store, result->candidate_uuid, ACQ_PARCOURS_CERTIFIED, jury_day, FALSE,
                         error)
        : !forget_certification (store, result->candidate_uuid, error))
    return FALSE;
  if (outcome_needs_plan (result->outcome))
    {
      g_autoptr (AcqJuryPlan) plan = acq_jury_plan_load (store, result->candidate_uuid, error);

      if (plan == NULL)
        return FALSE;
      for (guint i = 0; i < result->blocs->len; i++)
        {
          AcqJuryBlocResult *bloc = g_ptr_array_index (result->blocs, i);
          gboolean listed = FALSE;

          if (bloc->outcome != ACQ_JURY_BLOC_NOT_OBTAINED)
            continue;
          for (guint k = 0; k < plan->items->len && !listed; k++)
            listed = g_strcmp0 (((AcqJuryPlanItem *) g_ptr_array_index (plan->items, k))->bloc_uuid,
                                bloc->bloc_uuid) == 0;
          if (!listed)
            {
              AcqJuryPlanItem *item = g_new0 (AcqJuryPlanItem, 1);
              item->bloc_uuid = g_strdup (bloc->bloc_uuid);
              item->code = g_strdup (bloc->code);
              g_ptr_array_add (plan->items, item);
            }
        }
      if (plan->interview_date == NULL)
        {
          GDate day;
          char iso[16];
          int y, m, d;

          sscanf (jury_day, "%4d-%2d-%2d", &y, &m, &d);
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, d, m, y);
          g_date_add_months (&day, 1);
          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &day);
          plan->interview_date = g_strdup (iso);
        }
      if (!acq_jury_plan_save (store, plan, error))
        return FALSE;
    }
  return TRUE;

fail:
  acq_store_rollback (store);
  return FALSE;
}

void
acq_jury_result_free (AcqJuryResult *result)
{
  if (result == NULL)
    return;
  g_free (result->candidate_uuid);
  g_free (result->remarks);
  g_free (result->pv_sha256);
  g_ptr_array_unref (result->blocs);
  g_free (result);
}

/* The post-jury plan --------------------------------------------------------------------- */

static const char sql_plan_select[] =
  "SELECT asked, asked_text, interview_date FROM jury_plan WHERE candidate_uuid = ?1";
static const char sql_plan_items[] =
  "SELECT i.uuid, i.bloc_uuid, b.code, b.title, i.competence_uuid, i.target_date FROM"
  " jury_plan_item i JOIN bloc b ON b.uuid = i.bloc_uuid WHERE i.candidate_uuid = ?1"
  " ORDER BY b.position, i.competence_uuid IS NOT NULL, i.created_at, i.uuid";
static const char sql_plan_upsert[] =
  "INSERT INTO jury_plan (uuid, candidate_uuid, asked, asked_text, interview_date, created_at,"
  " updated_at) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT (uuid) DO UPDATE SET"
  " asked = excluded.asked, asked_text = excluded.asked_text,"
  " interview_date = excluded.interview_date, updated_at = excluded.updated_at";
static const char sql_plan_item_upsert[] =
  "INSERT INTO jury_plan_item (uuid, candidate_uuid, bloc_uuid, competence_uuid, target_date,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (uuid) DO UPDATE"
  " SET target_date = excluded.target_date, updated_at = excluded.updated_at"
  " WHERE target_date IS NOT excluded.target_date";
static const char sql_plan_items_prune[] =
  "DELETE FROM jury_plan_item WHERE candidate_uuid = ?1 AND uuid NOT IN (SELECT value FROM"
  " json_each (?2))";

static void
plan_item_free (AcqJuryPlanItem *item)
{
  g_free (item->uuid);
  g_free (item->bloc_uuid);
  g_free (item->code);
  g_free (item->title);
  g_free (item->competence_uuid);
  g_free (item->target_date);
  g_free (item);
}

AcqJuryPlan *
acq_jury_plan_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqJuryPlan) plan = g_new0 (AcqJuryPlan, 1);
  sqlite3_stmt *stmt;
  int rc;

  plan->candidate_uuid = g_strdup (candidate_uuid);
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_item_free);
  if (!(stmt = _acq_jury_query (store, sql_plan_select, error, "s", candidate_uuid)))
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      plan->stored = TRUE;
      plan->asked = sqlite3_column_int (stmt, 0) & 7;
      plan->asked_text = _acq_sql_column_dup (stmt, 1);
      plan->interview_date = _acq_sql_column_dup (stmt, 2);
      rc = SQLITE_DONE;
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  if (!(stmt = _acq_jury_query (store, sql_plan_items, error, "s", candidate_uuid)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqJuryPlanItem *item = g_new0 (AcqJuryPlanItem, 1);
      item->uuid = _acq_sql_column_dup (stmt, 0);
      item->bloc_uuid = _acq_sql_column_dup (stmt, 1);
      item->code = _acq_sql_column_dup (stmt, 2);
      item->title = _acq_sql_column_dup (stmt, 3);
      item->competence_uuid = _acq_sql_column_dup (stmt, 4);
      item->target_date = _acq_sql_column_dup (stmt, 5);
      g_ptr_array_add (plan->items, item);
    }
  if (!end_query (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&plan);
}

/**
 * acq_jury_plan_save:
 * @store: the store
 * @plan: the plan; its items are the blocs and competences still to obtain (new ones get
 *   their uuid, those left out are erased)
 * @error: where to put an error
 *
 * Writes the post-jury plan; its interview date becomes a planned entretien post-jury of the
 * parcours while it is ahead (acq_jury_plan_record_interview() says it was held).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_plan_save (AcqStore *store, const AcqJuryPlan *plan, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autoptr (GString) keep = g_string_new ("[");

  if (!check_date (plan->interview_date, _("Post-jury interview"), error) ||
      !check_text (plan->asked_text, TEXT_MAX_CHARS, _("What the jury asked"), error))
    return FALSE;
  for (guint i = 0; i < plan->items->len; i++)
    {
      AcqJuryPlanItem *item = g_ptr_array_index (plan->items, i);
      if (!check_date (item->target_date, _("Target date"), error))
        return FALSE;
      if (item->uuid == NULL)
        item->uuid = acq_store_new_uuid ();
      g_string_append_printf (keep, "%s\"%s\"", i > 0 ? "," : "", item->uuid);
    }
  g_string_append_c (keep, ']');
  if (!acq_store_begin (store, error))
    return FALSE;
  if (!_acq_jury_run (store, sql_plan_upsert, error, "sisss", plan->candidate_uuid,
                      (int) (plan->asked & 7), plan->asked_text ? plan->asked_text : "",
                      plan->interview_date, now) ||
      !_acq_jury_run (store, sql_plan_items_prune, error, "ss", plan->candidate_uuid, keep->str))
    goto fail;
  for (guint i = 0; i < plan->items->len; i++)
    {
      AcqJuryPlanItem *item = g_ptr_array_index (plan->items, i);
      if (!_acq_jury_run (store, sql_plan_item_upsert, error, "ssssss", item->uuid,
                          plan->candidate_uuid, item->bloc_uuid, item->competence_uuid,
                          item->target_date, now))
        goto fail;
    }
  if (!acq_store_commit (store, error))
    goto fail;
  if (plan->interview_date != NULL)
    {
      g_autofree char *today = today_iso ();
      g_autoptr (GPtrArray) events = acq_parcours_list (store, plan->candidate_uuid, error);
      gboolean held = FALSE;

      if (events == NULL)
        return FALSE;
      for (guint i = 0; i < events->len; i++)
        {
          AcqParcoursEvent *event = g_ptr_array_index (events, i);
          held |= event->kind == ACQ_PARCOURS_POST_JURY_INTERVIEW && !event->planned;
        }
      /* a held interview is not made planned again by moving the plan's date */
      if (!held && g_strcmp0 (plan->interview_date, today) >= 0)
        return record_event (store, plan->candidate_uuid, ACQ_PARCOURS_POST_JURY_INTERVIEW,
                             plan->interview_date, TRUE, error);
    }
  return TRUE;

fail:
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_jury_plan_record_interview:
 * @store: the store
 * @candidate_uuid: whose interview
 * @date: the day the entretien post-jury was held
 * @error: where to put an error
 *
 * Records the entretien post-jury as held: the plan's date, and a done event of the parcours,
 * which puts the candidate in the stage Post-jury.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_plan_record_interview (AcqStore *store, const char *candidate_uuid, const char *date,
                                GError **error)
{
  g_autoptr (AcqJuryPlan) plan = NULL;

  if (!_acq_jury_valid_date (date))
    return check_date (date ? date : "", _("Post-jury interview"), error);
  if (!(plan = acq_jury_plan_load (store, candidate_uuid, error)))
    return FALSE;
  g_free (plan->interview_date);
  plan->interview_date = g_strdup (date);
  return acq_jury_plan_save (store, plan, error) &&
         record_event (store, candidate_uuid, ACQ_PARCOURS_POST_JURY_INTERVIEW, date, FALSE,
                       error);
}

void
acq_jury_plan_free (AcqJuryPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->candidate_uuid);
  g_free (plan->asked_text);
  g_free (plan->interview_date);
  g_ptr_array_unref (plan->items);
  g_free (plan);
}
