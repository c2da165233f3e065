/* acq-parcours.c — a candidate's dated parcours: the events of their VAE, done or planned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a table of events and not a stage with a date: the accompagnatrice's deadlines
 * (acq-deadline.c) count from the day the recevabilité was asked, the quote accepted, the
 * first contact… and the old "since" date was overwritten at each change. The stage stays in
 * the candidate row, where the sidebar and the exchange read it, but it now follows from the
 * events: after each change here it is set to the stage of the latest event done (by date,
 * then by the order of a parcours), since the day that stage began. The other way round,
 * saving a candidate whose stage or date changed (acq-candidate-list.c) records the event
 * that opens that stage, so that the old way of setting it loses nothing.
 *
 * Events are the accompagnatrice's: a candidate's .acquis file cannot add, change or delete
 * one (acq-package-merge.c). A deleted event is only marked until purged, for undo.
 */
#define G_LOG_DOMAIN "acq-parcours"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-parcours.h"
#include "acq-parcours-private.h"
#include "acq-record-list.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* How long a deleted event can be restored, as a deleted sheet (acq-sheet-list.h). */
#define UNDO_SECONDS 60

static const char sql_select[] =
  "SELECT uuid, candidate_uuid, kind, date, planned, decision, note FROM parcours_event"
  " WHERE candidate_uuid = ?1 AND deleted_at IS NULL ORDER BY date, kind, created_at";
static const char sql_select_all[] =
  "SELECT e.uuid, e.candidate_uuid, e.kind, e.date, e.planned, e.decision, e.note"
  " FROM parcours_event e JOIN candidate c ON c.uuid = e.candidate_uuid"
  " WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL"
  " ORDER BY e.candidate_uuid, e.date, e.kind, e.created_at";
static const char sql_insert[] =
  "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned, decision, note,"
  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
static const char sql_update[] =
  "UPDATE parcours_event SET kind = ?3, date = ?4, planned = ?5, decision = ?6, note = ?7,"
  " updated_at = ?8 WHERE uuid = ?1 AND candidate_uuid = ?2 AND deleted_at IS NULL";
static const char sql_candidate_of[] =
  "SELECT candidate_uuid FROM parcours_event WHERE uuid = ?1";
static const char sql_soft_delete[] =
  "UPDATE parcours_event SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_undelete[] =
  "UPDATE parcours_event SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge_stale[] =
  "DELETE FROM parcours_event WHERE deleted_at IS NOT NULL AND deleted_at < ?1";
static const char sql_candidate_exists[] =
  "SELECT stage, stage_date FROM candidate WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_set_stage[] =
  "UPDATE candidate SET stage = ?2, stage_date = ?3, updated_at = ?4 WHERE uuid = ?1";

G_DEFINE_BOXED_TYPE (AcqParcoursEvent, acq_parcours_event, acq_parcours_event_copy,
                     acq_parcours_event_free)

/**
 * acq_parcours_kind_label:
 * @kind: a kind of event
 *
 * Returns: its name for people, translated
 */
const char *
acq_parcours_kind_label (AcqParcoursKind kind)
{
  switch (kind)
    {
    case ACQ_PARCOURS_FIRST_CONTACT: return _("First contact");
    case ACQ_PARCOURS_FEASIBILITY_INTERVIEW: return _("Feasibility interview");
    case ACQ_PARCOURS_ADMISSIBILITY_ASKED: return _("Recevabilité requested");
    case ACQ_PARCOURS_ADMISSIBILITY_DECIDED: return _("Recevabilité decided");
    case ACQ_PARCOURS_QUOTE_SENT: return _("Quote sent");
    case ACQ_PARCOURS_QUOTE_ACCEPTED: return _("Quote accepted");
    case ACQ_PARCOURS_ACCOMPANIMENT_STARTED: return _("Accompaniment started");
    case ACQ_PARCOURS_DOSSIER_DEPOSITED: return _("Dossier submitted");
    case ACQ_PARCOURS_CONVOCATION_RECEIVED: return _("Convocation received");
    case ACQ_PARCOURS_JURY: return _("Jury");
    case ACQ_PARCOURS_POST_JURY_INTERVIEW: return _("Post-jury interview");
    case ACQ_PARCOURS_CERTIFIED: return _("Certification obtained");
    case ACQ_N_PARCOURS_KINDS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * acq_parcours_kind_nick:
 * @kind: a kind of event
 *
 * Returns: a stable name for scripts and files, never translated ("first-contact"…)
 */
const char *
acq_parcours_kind_nick (AcqParcoursKind kind)
{
  switch (kind)
    {
    case ACQ_PARCOURS_FIRST_CONTACT: return "first-contact";
    case ACQ_PARCOURS_FEASIBILITY_INTERVIEW: return "feasibility-interview";
    case ACQ_PARCOURS_ADMISSIBILITY_ASKED: return "admissibility-asked";
    case ACQ_PARCOURS_ADMISSIBILITY_DECIDED: return "admissibility-decided";
    case ACQ_PARCOURS_QUOTE_SENT: return "quote-sent";
    case ACQ_PARCOURS_QUOTE_ACCEPTED: return "quote-accepted";
    case ACQ_PARCOURS_ACCOMPANIMENT_STARTED: return "accompaniment-started";
    case ACQ_PARCOURS_DOSSIER_DEPOSITED: return "dossier-deposited";
    case ACQ_PARCOURS_CONVOCATION_RECEIVED: return "convocation-received";
    case ACQ_PARCOURS_JURY: return "jury";
    case ACQ_PARCOURS_POST_JURY_INTERVIEW: return "post-jury-interview";
    case ACQ_PARCOURS_CERTIFIED: return "certified";
    case ACQ_N_PARCOURS_KINDS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
acq_parcours_decision_label (AcqParcoursDecision decision)
{
  switch (decision)
    {
    case ACQ_PARCOURS_DECISION_NONE: return _("No decision");
    case ACQ_PARCOURS_DECISION_FAVOURABLE: return _("Favourable");
    case ACQ_PARCOURS_DECISION_UNFAVOURABLE: return _("Unfavourable");
    case ACQ_N_PARCOURS_DECISIONS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * acq_parcours_kind_stage:
 * @kind: a kind of event
 *
 * Returns: the stage that an event of @kind, once done, puts the candidate in; the quote's
 *   events leave the stage as it is and return %ACQ_N_STAGES
 */
AcqStage
acq_parcours_kind_stage (AcqParcoursKind kind)
{
  switch (kind)
    {
    case ACQ_PARCOURS_FIRST_CONTACT: return ACQ_STAGE_REGISTRATION;
    case ACQ_PARCOURS_FEASIBILITY_INTERVIEW: return ACQ_STAGE_FEASIBILITY;
    case ACQ_PARCOURS_ADMISSIBILITY_ASKED: return ACQ_STAGE_ADMISSIBILITY;
    case ACQ_PARCOURS_ADMISSIBILITY_DECIDED: return ACQ_STAGE_ADMISSIBILITY;
    case ACQ_PARCOURS_QUOTE_SENT: return ACQ_N_STAGES;
    case ACQ_PARCOURS_QUOTE_ACCEPTED: return ACQ_N_STAGES;
    case ACQ_PARCOURS_ACCOMPANIMENT_STARTED: return ACQ_STAGE_DOSSIER;
    case ACQ_PARCOURS_DOSSIER_DEPOSITED: return ACQ_STAGE_DOSSIER;
    case ACQ_PARCOURS_CONVOCATION_RECEIVED: return ACQ_STAGE_JURY;
    case ACQ_PARCOURS_JURY: return ACQ_STAGE_JURY;
    case ACQ_PARCOURS_POST_JURY_INTERVIEW: return ACQ_STAGE_POST_JURY;
    case ACQ_PARCOURS_CERTIFIED: return ACQ_STAGE_CERTIFIED;
    case ACQ_N_PARCOURS_KINDS: break;
    default: break;
    }
  g_return_val_if_reached (ACQ_N_STAGES);
}

/**
 * acq_parcours_stage_kind:
 * @stage: a stage
 *
 * Returns: the event that opens @stage, which setting the stage directly records (the same
 *   numbers are in migration 5 of acq-store.c and in acq-candidate-list.c)
 */
AcqParcoursKind
acq_parcours_stage_kind (AcqStage stage)
{
  switch (stage)
    {
    case ACQ_STAGE_REGISTRATION: return ACQ_PARCOURS_FIRST_CONTACT;
    case ACQ_STAGE_FEASIBILITY: return ACQ_PARCOURS_FEASIBILITY_INTERVIEW;
    case ACQ_STAGE_ADMISSIBILITY: return ACQ_PARCOURS_ADMISSIBILITY_ASKED;
    case ACQ_STAGE_DOSSIER: return ACQ_PARCOURS_ACCOMPANIMENT_STARTED;
    case ACQ_STAGE_JURY: return ACQ_PARCOURS_JURY;
    case ACQ_STAGE_POST_JURY: return ACQ_PARCOURS_POST_JURY_INTERVIEW;
    case ACQ_STAGE_CERTIFIED: return ACQ_PARCOURS_CERTIFIED;
    case ACQ_N_STAGES: break;
    default: break;
    }
  g_return_val_if_reached (ACQ_PARCOURS_FIRST_CONTACT);
}

/**
 * acq_parcours_event_new:
 * @kind: what happens
 * @date: the day
 * @planned: whether it is still to come
 *
 * Returns: (transfer full): a new event of no candidate yet, with an empty note
 */
AcqParcoursEvent *
acq_parcours_event_new (AcqParcoursKind kind, const GDate *date, gboolean planned)
{
  AcqParcoursEvent *event = g_new0 (AcqParcoursEvent, 1);

  g_return_val_if_fail (kind < ACQ_N_PARCOURS_KINDS, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  event->kind = kind;
  event->date = *date;
  event->planned = planned;
  event->note = g_strdup ("");
  return event;
}

AcqParcoursEvent *
acq_parcours_event_copy (const AcqParcoursEvent *event)
{
  AcqParcoursEvent *copy = g_new0 (AcqParcoursEvent, 1);

  *copy = *event;
  copy->uuid = g_strdup (event->uuid);
  copy->candidate_uuid = g_strdup (event->candidate_uuid);
  copy->note = g_strdup (event->note ? event->note : "");
  return copy;
}

void
acq_parcours_event_free (AcqParcoursEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uuid);
  g_free (event->candidate_uuid);
  g_free (event->note);
  g_free (event);
}

/**
 * acq_parcours_event_compare:
 * @a: an event
 * @b: another
 *
 * The order of a parcours: by date, then by kind (a jury and its post-jury interview on the
 * same day come in that order).
 *
 * Returns: negative, 0 or positive
 */
int
acq_parcours_event_compare (const AcqParcoursEvent *a, const AcqParcoursEvent *b)
{
  int result = g_date_compare (&a->date, &b->date);

  return result != 0 ? result : (int) a->kind - (int) b->kind;
}

/**
 * acq_parcours_derive_stage:
 * @events: (element-type AcqParcoursEvent): one candidate's events, in the order of
 *   acq_parcours_event_compare()
 * @out_stage: (out): the stage
 * @out_since: (out): the day it began
 *
 * The stage is that of the latest event done that names one; it began with the first event
 * of the run of events of that stage that ends with it. Planned events count for nothing.
 * Certified is the end of a parcours: what comes after it (the entretien post-jury held after
 * the result) does not take the candidate back.
 *
 * Returns: %FALSE when no event done names a stage (the candidate's stage is then left alone)
 */
gboolean
acq_parcours_derive_stage (GPtrArray *events, AcqStage *out_stage, GDate *out_since)
{
  AcqStage stage = ACQ_N_STAGES;
  GDate since;

  g_date_clear (&since, 1);
  for (guint i = 0; i < events->len; i++)
    {
      const AcqParcoursEvent *event = g_ptr_array_index (events, i);
      AcqStage of_event = acq_parcours_kind_stage (event->kind);

      if (stage == ACQ_STAGE_CERTIFIED)
        break;
      if (event->planned || of_event == ACQ_N_STAGES || of_event == stage)
        continue;
      stage = of_event;
      since = event->date;
    }
  if (stage == ACQ_N_STAGES)
    return FALSE;
  *out_stage = stage;
  *out_since = since;
  return TRUE;
}

/* Reads "YYYY-MM-DD" (g_date_set_parse() would follow the locale's order); by hand, as
 * sscanf() took most of the time of reading a caseload's 100,000 events. */
gboolean
_acq_parcours_parse_date (const char *iso, GDate *date)
{
  int v[8];

  g_date_clear (date, 1);
  if (iso == NULL)
    return FALSE;
  for (guint i = 0, k = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (iso[i] != '-')
            return FALSE;
          continue;
        }
      if (!g_ascii_isdigit (iso[i]))
        return FALSE;
      v[k++] = iso[i] - '0';
    }
  {
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int m = v[4] * 10 + v[5];
    int d = v[6] * 10 + v[7];

    if (!g_date_valid_dmy (d, m, y))
      return FALSE;
    g_date_set_dmy (date, d, m, y);
  }
  return TRUE;
}

char *
_acq_parcours_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static GPtrArray *
read_events (AcqStore *store, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (
    (GDestroyNotify) acq_parcours_event_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqParcoursEvent *event = g_new0 (AcqParcoursEvent, 1);

      event->uuid = _acq_sql_column_dup (stmt, 0);
      event->candidate_uuid = _acq_sql_column_dup (stmt, 1);
      event->kind = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_PARCOURS_KINDS - 1);
      if (!_acq_parcours_parse_date (_acq_sql_column_text (stmt, 3), &event->date))
        g_date_set_dmy (&event->date, 1, 1, 2000); /* the schema's CHECK keeps this away */
      event->planned = sqlite3_column_int (stmt, 4) != 0;
      event->decision = CLAMP (sqlite3_column_int (stmt, 5), 0, ACQ_N_PARCOURS_DECISIONS - 1);
      event->note = _acq_sql_column_dup (stmt, 6);
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sqlite3_sql (stmt));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/**
 * acq_parcours_list:
 * @store: the store
 * @candidate_uuid: whose parcours
 * @error: where to put an error
 *
 * Returns: (transfer container) (element-type AcqParcoursEvent): the candidate's events, in
 *   the order of acq_parcours_event_compare(), or %NULL on error
 */
GPtrArray *
acq_parcours_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!(stmt = acq_store_prepare (store, sql_select, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  return read_events (store, stmt, error);
}

/**
 * acq_parcours_list_all:
 * @store: the store
 * @error: where to put an error
 *
 * The whole caseload's events in one read (the agenda, the Today view).
 *
 * Returns: (transfer container) (element-type AcqParcoursEvent): the events of every candidate
 *   not deleted, grouped by candidate, each group in the order of acq_parcours_event_compare()
 */
GPtrArray *
acq_parcours_list_all (AcqStore *store, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  if (!(stmt = acq_store_prepare (store, sql_select_all, error)))
    return NULL;
  return read_events (store, stmt, error);
}

static gboolean
validate (const AcqParcoursEvent *event, GError **error)
{
  if (event->kind >= ACQ_N_PARCOURS_KINDS || !g_date_valid (&event->date) ||
      event->decision >= ACQ_N_PARCOURS_DECISIONS ||
      (event->decision != ACQ_PARCOURS_DECISION_NONE &&
       event->kind != ACQ_PARCOURS_ADMISSIBILITY_DECIDED))
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_INVALID,
                           _("This event of the parcours is not valid. Nothing was saved."));
      return FALSE;
    }
  return acq_text_validate (event->note ? event->note : "", ACQ_PARCOURS_NOTE_MAX, N_("Note"),
                            error);
}

/* Inside the transaction: the candidate's stage follows their events. */
static gboolean
sync_stage (AcqStore *store, const char *candidate_uuid, const char *now, GError **error)
{
  g_autoptr (GPtrArray) events = acq_parcours_list (store, candidate_uuid, error);
  g_autofree char *since_iso = NULL;
  g_autofree char *old_date = NULL;
  AcqStage stage, old_stage;
  GDate since;
  sqlite3_stmt *stmt;
  int rc;

  if (events == NULL)
    return FALSE;
  if (!acq_parcours_derive_stage (events, &stage, &since))
    return TRUE;
  if (!(stmt = acq_store_prepare (store, sql_candidate_exists, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  rc = sqlite3_step (stmt);
  old_stage = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : ACQ_N_STAGES;
  old_date = rc == SQLITE_ROW ? _acq_sql_column_dup (stmt, 1) : NULL;
  sqlite3_reset (stmt);
  since_iso = _acq_parcours_format_date (&since);
  if (old_stage == stage && g_strcmp0 (old_date, since_iso) == 0)
    return TRUE;
  if (!(stmt = acq_store_prepare (store, sql_set_stage, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  sqlite3_bind_int (stmt, 2, stage);
  _acq_sql_bind_text (stmt, 3, since_iso);
  _acq_sql_bind_text (stmt, 4, now);
  return acq_store_step_done (store, stmt, error);
}

static gboolean
candidate_exists (AcqStore *store, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_candidate_exists, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This candidate no longer exists. Nothing was saved."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_event (AcqStore *store, const AcqParcoursEvent *event, gboolean insert, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *date = _acq_parcours_format_date (&event->date);
  sqlite3_stmt *stmt;

  if (!validate (event, error) || !acq_store_begin (store, error))
    return FALSE;
  if (!candidate_exists (store, event->candidate_uuid, error) ||
      !(stmt = acq_store_prepare (store, insert ? sql_insert : sql_update, error)))
    goto fail;
  _acq_sql_bind_text (stmt, 1, event->uuid);
  _acq_sql_bind_text (stmt, 2, event->candidate_uuid);
  sqlite3_bind_int (stmt, 3, event->kind);
  _acq_sql_bind_text (stmt, 4, date);
  sqlite3_bind_int (stmt, 5, event->planned ? 1 : 0);
  sqlite3_bind_int (stmt, 6, event->decision);
  _acq_sql_bind_text (stmt, 7, event->note ? event->note : "");
  _acq_sql_bind_text (stmt, 8, now);
  if (!acq_store_step_done (store, stmt, error))
    goto fail;
  if (!insert && sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This event of the parcours no longer exists. Nothing was saved."));
      goto fail;
    }
  if (!sync_stage (store, event->candidate_uuid, now, error) || !acq_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_parcours_add:
 * @store: the store
 * @event: a new event, whose @candidate_uuid is set; its @uuid is set on success
 * @error: where to put an error
 *
 * Stores @event and sets the candidate's stage from their events, in one transaction. The
 * stage is written to the store: an #AcqCandidateList of this process shows it after
 * acq_candidate_list_refresh() (it follows only other processes' changes by itself).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_parcours_add (AcqStore *store, AcqParcoursEvent *event, GError **error)
{
  g_autofree char *uuid = acq_store_new_uuid ();

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (event != NULL && event->candidate_uuid != NULL, FALSE);
  g_return_val_if_fail (event->uuid == NULL, FALSE);

  event->uuid = g_steal_pointer (&uuid);
  if (write_event (store, event, TRUE, error))
    return TRUE;
  g_clear_pointer (&event->uuid, g_free);
  return FALSE;
}

/**
 * acq_parcours_change:
 * @store: the store
 * @event: a stored event, changed
 * @error: where to put an error
 *
 * Writes @event over the stored one (its kind, date, planned, decision and note) and sets the
 * candidate's stage from their events.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_parcours_change (AcqStore *store, const AcqParcoursEvent *event, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (event != NULL && event->uuid != NULL && event->candidate_uuid != NULL,
                        FALSE);
  return write_event (store, event, FALSE, error);
}

static gboolean
mark (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *candidate_uuid = NULL;
  sqlite3_stmt *stmt;

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!(stmt = acq_store_prepare (store, sql_candidate_of, error)))
    goto fail;
  _acq_sql_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    candidate_uuid = _acq_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (!(stmt = acq_store_prepare (store, sql, error)))
    goto fail;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, now);
  if (!acq_store_step_done (store, stmt, error))
    goto fail;
  if (candidate_uuid == NULL || sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           sql == sql_undelete
                             ? _("This event was already erased and cannot be restored.")
                             : _("This event of the parcours no longer exists."));
      goto fail;
    }
  if (!sync_stage (store, candidate_uuid, now, error) || !acq_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_parcours_delete:
 * @store: the store
 * @uuid: a stored event
 * @error: where to put an error
 *
 * Marks the event deleted, so that the user can still undo (acq_parcours_undelete()), and
 * sets the candidate's stage from the events left. acq_parcours_purge_stale() erases it.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_parcours_delete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_soft_delete, uuid, error);
}

/**
 * acq_parcours_undelete:
 * @store: the store
 * @uuid: an event deleted with acq_parcours_delete()
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_parcours_undelete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_undelete, uuid, error);
}

/**
 * acq_parcours_purge_stale:
 * @store: the store
 * @error: where to put an error
 *
 * Erases for good the events deleted more than a minute ago (their undo is over); the
 * running app calls it at start, as acq_sheet_list_purge_stale().
 *
 * Returns: %TRUE on success
 */
gboolean
acq_parcours_purge_stale (AcqStore *store, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  return _acq_record_list_purge_stale (store, sql_purge_stale, UNDO_SECONDS, error);
}
