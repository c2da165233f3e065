/* acq-candidate-list.c — every candidate of the store, as a list model the UI can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-candidate-list.h"
#include "acq-candidate-private.h"
#include "acq-referential.h"
#include "acq-sql-private.h"

struct _AcqCandidateList
{
  AcqRecordList parent_instance;
  AcqStore  *store;
  GPtrArray *items; /* AcqCandidate, in store order; the UI sorts */
  /* candidate uuid -> AcqCandidate: each one as this list last read or wrote it, to tell what
   * the user changed since from what another connection or process changed meanwhile */
  GHashTable *bases;
};

static void watch (AcqCandidateList *self, AcqCandidate *candidate);

G_DEFINE_FINAL_TYPE (AcqCandidateList, acq_candidate_list, ACQ_TYPE_RECORD_LIST)

/* The text columns are listed in the order of AcqCandidateField, so that columns 2 to 9 of a
 * row (and parameters 3 to 10 of a statement) map to the fields by a loop. */
#define CANDIDATE_COLUMNS                                                                     \
  "uuid, certification_uuid, last_name, birth_name, first_name, email, phone, address,"       \
  " accommodations, notes, situation, funding, stage, stage_date, archived, created_at,"      \
  " updated_at, last_activity_at"
#define FIRST_TEXT_COLUMN 2

static const char sql_select_all[] =
  "SELECT " CANDIDATE_COLUMNS " FROM candidate WHERE deleted_at IS NULL";
static const char sql_select_one[] =
  "SELECT " CANDIDATE_COLUMNS " FROM candidate WHERE uuid = ?1";
static const char sql_select_blocs[] =
  "SELECT cb.candidate_uuid, cb.bloc_uuid FROM candidate_bloc cb"
  " JOIN bloc b ON b.uuid = cb.bloc_uuid ORDER BY cb.candidate_uuid, b.position";
static const char sql_select_blocs_of[] =
  "SELECT cb.bloc_uuid FROM candidate_bloc cb JOIN bloc b ON b.uuid = cb.bloc_uuid"
  " WHERE cb.candidate_uuid = ?1 ORDER BY b.position";
static const char sql_insert[] =
  "INSERT INTO candidate (" CANDIDATE_COLUMNS ") VALUES"
  " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
static const char sql_update[] =
  "UPDATE candidate SET certification_uuid = ?2, last_name = ?3, birth_name = ?4,"
  " first_name = ?5, email = ?6, phone = ?7, address = ?8, accommodations = ?9, notes = ?10,"
  " situation = ?11, funding = ?12, stage = ?13, stage_date = ?14, archived = ?15,"
  " updated_at = ?17, last_activity_at = ?18 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_delete_blocs[] = "DELETE FROM candidate_bloc WHERE candidate_uuid = ?1";
static const char sql_insert_bloc[] =
  "INSERT INTO candidate_bloc (candidate_uuid, bloc_uuid) VALUES (?1, ?2)";
static const char sql_soft_delete[] =
  "UPDATE candidate SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_undelete[] =
  "UPDATE candidate SET deleted_at = NULL, updated_at = ?2 WHERE uuid = ?1";
static const char sql_purge[] =
  "DELETE FROM candidate WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge_stale[] =
  "DELETE FROM candidate WHERE deleted_at IS NOT NULL AND deleted_at < ?1";
static const char sql_default_certification[] =
  "SELECT c.uuid, b.uuid FROM certification c JOIN bloc b ON b.certification_uuid = c.uuid"
  " WHERE c.rncp = ?1 ORDER BY b.position";

static void
acq_candidate_list_finalize (GObject *object)
{
  AcqCandidateList *self = ACQ_CANDIDATE_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->bases, g_hash_table_unref);
  G_OBJECT_CLASS (acq_candidate_list_parent_class)->finalize (object);
}

static void
acq_candidate_list_class_init (AcqCandidateListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_candidate_list_finalize;
}

static void
acq_candidate_list_init (AcqCandidateList *self)
{
  self->items = _acq_record_list_items (ACQ_RECORD_LIST (self)); /* the base owns it */
  self->bases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/* @candidate is now as stored: remember it as the base of the next merge. */
static void
remember (AcqCandidateList *self, AcqCandidate *candidate)
{
  AcqCandidate *base = _acq_candidate_copy (candidate);

  g_hash_table_replace (self->bases, (gpointer) acq_candidate_get_uuid (base), base);
}

static AcqCandidate *
lookup_base (AcqCandidateList *self, AcqCandidate *candidate, AcqCandidate *stored)
{
  if (!g_hash_table_contains (self->bases, acq_candidate_get_uuid (candidate)))
    remember (self, stored);
  return g_hash_table_lookup (self->bases, acq_candidate_get_uuid (candidate));
}

static void
apply_row (AcqCandidate *candidate, sqlite3_stmt *stmt)
{
  g_object_freeze_notify (G_OBJECT (candidate));
  acq_candidate_set_certification_uuid (candidate, _acq_sql_column_text (stmt, 1));
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    acq_candidate_set_text (candidate, i, _acq_sql_column_text (stmt, FIRST_TEXT_COLUMN + i));
  acq_candidate_set_situation (candidate, CLAMP (sqlite3_column_int (stmt, 10), 0,
                                                 ACQ_N_SITUATIONS - 1));
  acq_candidate_set_funding (candidate, CLAMP (sqlite3_column_int (stmt, 11), 0,
                                               ACQ_N_FUNDINGS - 1));
  acq_candidate_set_stage (candidate, CLAMP (sqlite3_column_int (stmt, 12), 0, ACQ_N_STAGES - 1));
  acq_candidate_set_stage_date (candidate, _acq_sql_column_text (stmt, 13));
  acq_candidate_set_archived (candidate, sqlite3_column_int (stmt, 14) != 0);
  _acq_candidate_set_timestamps (candidate, _acq_sql_column_text (stmt, 15), _acq_sql_column_text (stmt, 16),
                                 _acq_sql_column_text (stmt, 17));
  g_object_thaw_notify (G_OBJECT (candidate));
}

/* The candidates as stored now (not deleted), into @into. */
static gboolean
load_into (AcqCandidateList *self, GPtrArray *into, GError **error)
{
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) blocs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (!(stmt = acq_store_prepare (self->store, sql_select_all, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqCandidate *candidate = acq_candidate_new (_acq_sql_column_text (stmt, 0));
      apply_row (candidate, stmt);
      g_ptr_array_add (into, candidate);
      g_hash_table_insert (by_uuid, (gpointer) acq_candidate_get_uuid (candidate), candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (self->store), rc,
                                            "loading candidates");

  if (!(stmt = acq_store_prepare (self->store, sql_select_blocs, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = _acq_sql_column_text (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (blocs, uuid);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (blocs, g_strdup (uuid), list);
        }
      g_ptr_array_add (list, g_strdup (_acq_sql_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (self->store), rc,
                                            "loading targeted blocs");

  g_hash_table_iter_init (&iter, blocs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AcqCandidate *candidate = g_hash_table_lookup (by_uuid, key);
      GPtrArray *list = value;

      if (candidate == NULL)
        continue;
      g_ptr_array_add (list, NULL);
      acq_candidate_set_targeted_blocs (candidate, (const char *const *) list->pdata);
    }
  return TRUE;
}

static gboolean
load_all (AcqCandidateList *self, GError **error)
{
  if (!load_into (self, self->items, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    {
      watch (self, g_ptr_array_index (self->items, i));
      remember (self, g_ptr_array_index (self->items, i));
    }
  return TRUE;
}

/* A sheet saved moves its candidate's last activity: the list tells its observers, so that
 * the sidebar sorted by activity moves that candidate. */
static void
on_candidate_activity_cb (AcqCandidate *candidate, GParamSpec *pspec, AcqCandidateList *self)
{
  guint position;

  if (g_ptr_array_find (self->items, candidate, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
watch (AcqCandidateList *self, AcqCandidate *candidate)
{
  g_signal_connect_object (candidate, "notify::last-activity-at",
                           G_CALLBACK (on_candidate_activity_cb), self, 0);
}

static void
on_store_changed_elsewhere_cb (AcqCandidateList *self)
{
  g_autoptr (GError) error = NULL;

  if (!acq_candidate_list_refresh (self, &error))
    g_warning ("Could not read the candidates again: %s", error->message);
}

/**
 * acq_candidate_list_new:
 * @store: the store
 * @error: where to put an error
 *
 * Loads every candidate not deleted. Reading changes nothing: another Acquis (a command line
 * run, say) may be reading the same store while a deletion waits for its undo.
 *
 * Returns: (transfer full): the list, or %NULL
 */
AcqCandidateList *
acq_candidate_list_new (AcqStore *store, GError **error)
{
  g_autoptr (AcqCandidateList) self = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);

  self = g_object_new (ACQ_TYPE_CANDIDATE_LIST, "item-type", ACQ_TYPE_CANDIDATE, NULL);
  self->store = g_object_ref (store);
  if (!load_all (self, error))
    return NULL;
  g_signal_connect_object (store, "changed::external", G_CALLBACK (on_store_changed_elsewhere_cb),
                           self, G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

AcqStore *
acq_candidate_list_get_store (AcqCandidateList *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), NULL);
  return self->store;
}

static gboolean
find_position (AcqCandidateList *self, AcqCandidate *candidate, guint *position)
{
  return g_ptr_array_find (self->items, candidate, position);
}

/**
 * acq_candidate_list_find:
 * @self: the list
 * @uuid: a candidate's uuid
 *
 * Returns: (transfer none) (nullable): the candidate, if listed
 */
AcqCandidate *
acq_candidate_list_find (AcqCandidateList *self, const char *uuid)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      AcqCandidate *candidate = g_ptr_array_index (self->items, i);
      if (g_strcmp0 (acq_candidate_get_uuid (candidate), uuid) == 0)
        return candidate;
    }
  return NULL;
}

/* The candidate as stored now, deleted or not, or %NULL. */
static AcqCandidate *
load_one (AcqCandidateList *self, const char *uuid)
{
  g_autoptr (AcqCandidate) stored = acq_candidate_new (uuid);
  g_autoptr (GPtrArray) blocs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (self->store, sql_select_one, NULL)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, uuid);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    apply_row (stored, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW || !(stmt = acq_store_prepare (self->store, sql_select_blocs_of, NULL)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, uuid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (blocs, g_strdup (_acq_sql_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (blocs, NULL);
  acq_candidate_set_targeted_blocs (stored, (const char *const *) blocs->pdata);
  return g_steal_pointer (&stored);
}

/* Binds the parameters that insert and update share: ?1 uuid, ?2 … ?15 the fields. */
static void
bind_fields (sqlite3_stmt *stmt, AcqCandidate *candidate)
{
  _acq_sql_bind_text (stmt, 1, acq_candidate_get_uuid (candidate));
  _acq_sql_bind_text (stmt, 2, acq_candidate_get_certification_uuid (candidate));
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    _acq_sql_bind_text (stmt, FIRST_TEXT_COLUMN + 1 + i, acq_candidate_get_text (candidate, i));
  sqlite3_bind_int (stmt, 11, acq_candidate_get_situation (candidate));
  sqlite3_bind_int (stmt, 12, acq_candidate_get_funding (candidate));
  sqlite3_bind_int (stmt, 13, acq_candidate_get_stage (candidate));
  _acq_sql_bind_text (stmt, 14, acq_candidate_get_stage_date (candidate));
  sqlite3_bind_int (stmt, 15, acq_candidate_get_archived (candidate));
}

static gboolean
write_blocs (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  const char *const *blocs = acq_candidate_get_targeted_blocs (candidate);
  sqlite3_stmt *stmt;

  if (!(stmt = acq_store_prepare (self->store, sql_delete_blocs, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, acq_candidate_get_uuid (candidate));
  if (!acq_store_step_done (self->store, stmt, error))
    return FALSE;
  for (guint i = 0; blocs[i] != NULL; i++)
    {
      if (!(stmt = acq_store_prepare (self->store, sql_insert_bloc, error)))
        return FALSE;
      _acq_sql_bind_text (stmt, 1, acq_candidate_get_uuid (candidate));
      _acq_sql_bind_text (stmt, 2, blocs[i]);
      if (!acq_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The stage changed the old way (a stage and its "since" date) goes into the dated parcours
 * (practice/acq-parcours.c) as the event that opens it, unless that event is there already:
 * nothing that sets a stage loses its date. The kinds are AcqParcoursKind's numbers, as in
 * migration 5: first contact, feasibility interview, admissibility requested, accompaniment
 * started, jury, post-jury interview, certification obtained. */
static const char sql_record_stage[] =
  "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned, created_at,"
  " updated_at) SELECT ?1, ?2, k.kind, ?3, 0, ?4, ?4 FROM (SELECT CASE ?5 WHEN 0 THEN 0"
  " WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 6 WHEN 4 THEN 9 WHEN 5 THEN 10 ELSE 11 END AS kind) k"
  " WHERE ?3 GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
  " AND NOT EXISTS (SELECT 1 FROM parcours_event WHERE candidate_uuid = ?2 AND kind ="
  " k.kind AND date = ?3 AND planned = 0 AND deleted_at IS NULL)";
/* The same stage since another day: its event moves (a correction, not a new event). */
static const char sql_move_stage[] =
  "UPDATE parcours_event SET date = ?3, updated_at = ?4 WHERE rowid = (SELECT rowid FROM"
  " parcours_event WHERE candidate_uuid = ?2 AND kind = CASE ?5 WHEN 0 THEN 0 WHEN 1 THEN 1"
  " WHEN 2 THEN 2 WHEN 3 THEN 6 WHEN 4 THEN 9 WHEN 5 THEN 10 ELSE 11 END AND date = ?1 AND planned = 0"
  " AND deleted_at IS NULL LIMIT 1)"
  " AND ?3 GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'";

static gboolean
record_stage_event (AcqCandidateList *self, AcqCandidate *candidate, AcqCandidate *stored,
                    const char *now, GError **error)
{
  const char *date = acq_candidate_get_stage_date (candidate);
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;

  /* a new record is not an event: the first contact is the accompagnatrice's to record */
  if (date == NULL || stored == NULL ||
      (acq_candidate_get_stage (stored) == acq_candidate_get_stage (candidate) &&
       g_strcmp0 (acq_candidate_get_stage_date (stored), date) == 0))
    return TRUE;
  if (acq_candidate_get_stage (stored) == acq_candidate_get_stage (candidate) &&
      acq_candidate_get_stage_date (stored) != NULL)
    {
      if (!(stmt = acq_store_prepare (self->store, sql_move_stage, error)))
        return FALSE;
      _acq_sql_bind_text (stmt, 1, acq_candidate_get_stage_date (stored));
      _acq_sql_bind_text (stmt, 2, acq_candidate_get_uuid (candidate));
      _acq_sql_bind_text (stmt, 3, date);
      _acq_sql_bind_text (stmt, 4, now);
      sqlite3_bind_int (stmt, 5, acq_candidate_get_stage (candidate));
      if (!acq_store_step_done (self->store, stmt, error))
        return FALSE;
      if (sqlite3_changes (acq_store_get_db (self->store)) > 0)
        return TRUE;
    }
  if (!(stmt = acq_store_prepare (self->store, sql_record_stage, error)))
    return FALSE;
  uuid = acq_store_new_uuid ();
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, acq_candidate_get_uuid (candidate));
  _acq_sql_bind_text (stmt, 3, date);
  _acq_sql_bind_text (stmt, 4, now);
  sqlite3_bind_int (stmt, 5, acq_candidate_get_stage (candidate));
  return acq_store_step_done (self->store, stmt, error);
}

/* Writes the candidate and its blocs in one transaction; on success the timestamps are set. */
static gboolean
write_candidate (AcqCandidateList *self, AcqCandidate *candidate, gboolean insert,
                 GError **error)
{
  g_autofree char *now = acq_store_now ();
  const char *created_at = insert ? now : acq_candidate_get_created_at (candidate);
  g_autoptr (AcqCandidate) stored = NULL;
  sqlite3_stmt *stmt;

  if (!acq_candidate_validate (candidate, error) || !acq_store_begin (self->store, error))
    return FALSE;
  /* Inside the transaction nobody else writes: what another connection stored since the
   * last read stays, and only what the user changed is written over it. */
  if (!insert && (stored = load_one (self, acq_candidate_get_uuid (candidate))) != NULL)
    _acq_candidate_merge (candidate, lookup_base (self, candidate, stored), stored);
  if (!(stmt = acq_store_prepare (self->store, insert ? sql_insert : sql_update, error)))
    goto fail;
  bind_fields (stmt, candidate);
  _acq_sql_bind_text (stmt, 16, created_at);
  _acq_sql_bind_text (stmt, 17, now);
  _acq_sql_bind_text (stmt, 18, now);
  if (!acq_store_step_done (self->store, stmt, error))
    goto fail;
  if (!insert && sqlite3_changes (acq_store_get_db (self->store)) == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This candidate no longer exists. Nothing was saved."));
      goto fail;
    }
  if (!write_blocs (self, candidate, error) ||
      !record_stage_event (self, candidate, insert ? NULL : stored, now, error) ||
      !acq_store_commit (self->store, error))
    goto fail;

  /* the caller tells the list's observers once: no second signal for the new activity */
  g_signal_handlers_block_by_func (candidate, on_candidate_activity_cb, self);
  _acq_candidate_set_timestamps (candidate, created_at, now, now);
  g_signal_handlers_unblock_by_func (candidate, on_candidate_activity_cb, self);
  remember (self, candidate);
  return TRUE;

fail:
  acq_store_rollback (self->store);
  return FALSE;
}

/**
 * acq_candidate_list_add:
 * @self: the list
 * @candidate: a candidate not stored yet
 * @error: where to put an error
 *
 * Stores @candidate and appends it to the list (one items-changed).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_add (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);

  if (!write_candidate (self, candidate, TRUE, error))
    return FALSE;
  g_ptr_array_add (self->items, g_object_ref (candidate));
  watch (self, candidate);
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  return TRUE;
}

/* The candidate aims at every bloc of the certification @number, which the store holds (the
 * one Acquis ships is stored on first use). */
static gboolean
apply_certification (AcqCandidateList *self, AcqCandidate *candidate, const char *number,
                     GError **error)
{
  g_autoptr (GPtrArray) blocs = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (g_strcmp0 (number, ACQ_REFERENTIAL_DEFAULT_FICHE) == 0 &&
      !acq_referential_ensure_default (self->store, error))
    return FALSE;
  if (!(stmt = acq_store_prepare (self->store, sql_default_certification, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      acq_candidate_set_certification_uuid (candidate, _acq_sql_column_text (stmt, 0));
      g_ptr_array_add (blocs, g_strdup (_acq_sql_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (self->store), rc,
                                            "reading the default certification");
  if (blocs->len == 0)
    {
      g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                   _("The certification %s is not in the Acquis data yet."), number);
      return FALSE;
    }
  g_ptr_array_add (blocs, NULL);
  acq_candidate_set_targeted_blocs (candidate, (const char *const *) blocs->pdata);
  return TRUE;
}

/**
 * acq_candidate_list_create:
 * @self: the list
 * @first_name: the first name
 * @last_name: the last name
 * @error: where to put an error
 *
 * Creates and stores a candidate aiming at every bloc of the default certification, at the
 * first stage of the parcours since today.
 *
 * Returns: (transfer none): the new candidate, or %NULL
 */
AcqCandidate *
acq_candidate_list_create (AcqCandidateList *self, const char *first_name,
                           const char *last_name, GError **error)
{
  return acq_candidate_list_create_for (self, first_name, last_name,
                                        ACQ_REFERENTIAL_DEFAULT_FICHE, error);
}

/**
 * acq_candidate_list_create_for:
 * @self: the list
 * @first_name: the first name
 * @last_name: the last name
 * @number: the RNCP number of a certification the store holds
 * @error: where to put an error
 *
 * Creates and stores a candidate aiming at every bloc of the certification @number, at the
 * first stage of the parcours since today.
 *
 * Returns: (transfer none): the new candidate, or %NULL
 */
AcqCandidate *
acq_candidate_list_create_for (AcqCandidateList *self, const char *first_name,
                               const char *last_name, const char *number, GError **error)
{
  g_autoptr (AcqCandidate) candidate = acq_candidate_new (NULL);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), NULL);

  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, first_name);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, last_name);
  acq_candidate_set_stage_date (candidate, date);
  if (!apply_certification (self, candidate, number, error) ||
      !acq_candidate_list_add (self, candidate, error))
    return NULL;
  return candidate;
}

/**
 * acq_candidate_list_set_certification:
 * @self: the list
 * @candidate: a candidate of the list
 * @number: the RNCP number of a certification the store holds
 * @error: where to put an error
 *
 * The candidate aims at every bloc of another certification, saved. The links of their sheets
 * to the competences of the former one stay in the store but count no more.
 *
 * Returns: %TRUE if saved
 */
gboolean
acq_candidate_list_set_certification (AcqCandidateList *self, AcqCandidate *candidate,
                                      const char *number, GError **error)
{
  g_autoptr (AcqCandidate) changed = NULL;

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);

  changed = acq_candidate_new (NULL); /* holds what apply_certification() finds */
  if (!apply_certification (self, changed, number, error))
    return FALSE;
  acq_candidate_set_certification_uuid (candidate,
                                        acq_candidate_get_certification_uuid (changed));
  acq_candidate_set_targeted_blocs (candidate, acq_candidate_get_targeted_blocs (changed));
  return acq_candidate_list_save (self, candidate, error);
}

static void
reload (AcqCandidateList *self, AcqCandidate *candidate)
{
  g_autoptr (AcqCandidate) stored = load_one (self, acq_candidate_get_uuid (candidate));

  if (stored == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (candidate));
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    acq_candidate_set_text (candidate, i, acq_candidate_get_text (stored, i));
  acq_candidate_set_certification_uuid (candidate, acq_candidate_get_certification_uuid (stored));
  acq_candidate_set_situation (candidate, acq_candidate_get_situation (stored));
  acq_candidate_set_funding (candidate, acq_candidate_get_funding (stored));
  acq_candidate_set_stage (candidate, acq_candidate_get_stage (stored));
  acq_candidate_set_stage_date (candidate, acq_candidate_get_stage_date (stored));
  acq_candidate_set_archived (candidate, acq_candidate_get_archived (stored));
  acq_candidate_set_targeted_blocs (candidate, acq_candidate_get_targeted_blocs (stored));
  g_object_thaw_notify (G_OBJECT (candidate));
  remember (self, candidate);
}

/**
 * acq_candidate_list_refresh:
 * @self: the list
 * @error: where to put an error
 *
 * Reads the candidates again after another connection or process changed the store (the
 * store's #AcqStore::changed with the detail "external" calls it). A candidate keeps what the
 * user changed and did not save yet, and takes what changed in the store for the rest;
 * candidates created there are added, those deleted there are taken out.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_refresh (AcqCandidateList *self, GError **error)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);

  if (!load_into (self, fresh, error))
    return FALSE;
  for (guint i = 0; i < fresh->len; i++)
    {
      AcqCandidate *stored = g_ptr_array_index (fresh, i);
      g_hash_table_insert (by_uuid, (gpointer) acq_candidate_get_uuid (stored), stored);
    }
  for (guint i = self->items->len; i-- > 0;)
    if (!g_hash_table_contains (by_uuid,
                                acq_candidate_get_uuid (g_ptr_array_index (self->items, i))))
      {
        g_ptr_array_remove_index (self->items, i);
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
      }
  for (guint i = 0; i < fresh->len; i++)
    {
      AcqCandidate *stored = g_ptr_array_index (fresh, i);
      AcqCandidate *candidate = acq_candidate_list_find (self, acq_candidate_get_uuid (stored));
      guint position;

      if (candidate == NULL)
        {
          remember (self, stored);
          g_ptr_array_add (self->items, g_object_ref (stored));
          watch (self, stored);
          g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
          continue;
        }
      if (_acq_candidate_merge (candidate, lookup_base (self, candidate, stored), stored) &&
          g_strcmp0 (acq_candidate_get_updated_at (candidate),
                     acq_candidate_get_updated_at (stored)) == 0 &&
          g_strcmp0 (acq_candidate_get_last_activity_at (candidate),
                     acq_candidate_get_last_activity_at (stored)) == 0)
        continue;
      _acq_candidate_set_timestamps (candidate, acq_candidate_get_created_at (stored),
                                     acq_candidate_get_updated_at (stored),
                                     acq_candidate_get_last_activity_at (stored));
      if (find_position (self, candidate, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  return TRUE;
}

/**
 * acq_candidate_list_save:
 * @self: the list
 * @candidate: a listed candidate whose fields changed
 * @error: where to put an error
 *
 * Stores the candidate's fields in one transaction and tells the list's observers (one
 * items-changed, so that filters and sorters look at it again). If the fields cannot be
 * stored (too long, invalid), the candidate is put back as it is in the store and nothing
 * stored changes.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_save (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  guint position;

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (find_position (self, candidate, &position), FALSE);

  if (!write_candidate (self, candidate, FALSE, error))
    {
      reload (self, candidate);
      return FALSE;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

static gboolean
run_on_candidate (AcqCandidateList *self, const char *sql, AcqCandidate *candidate,
                  GError **error)
{
  return _acq_record_list_run (self->store, sql, acq_candidate_get_uuid (candidate), error);
}

/**
 * acq_candidate_list_delete:
 * @self: the list
 * @candidate: a listed candidate
 * @error: where to put an error
 *
 * Takes the candidate out of the list and marks it deleted in the store, so that the user can
 * still undo (acq_candidate_list_undelete()). acq_candidate_list_purge() erases it for good;
 * so does the next start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_delete (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  guint position;

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (find_position (self, candidate, &position), FALSE);

  if (!run_on_candidate (self, sql_soft_delete, candidate, error))
    return FALSE;
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

gboolean
acq_candidate_list_undelete (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);
  g_return_val_if_fail (!find_position (self, candidate, NULL), FALSE);

  if (!run_on_candidate (self, sql_undelete, candidate, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (self->store)) == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This candidate was already erased and cannot be restored."));
      return FALSE;
    }
  g_ptr_array_add (self->items, g_object_ref (candidate));
  watch (self, candidate);
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  return TRUE;
}

/* The clear copies made for this candidate (dossier previews, documents handed to a viewer)
 * go with them. */
static void
purge_temp (AcqCandidateList *self, AcqCandidate *candidate)
{
  static const char *const kinds[] = { "dossier-", "document-" };
  const char *data_dir = acq_store_get_data_dir (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *prefix = g_strconcat (kinds[i], acq_candidate_get_uuid (candidate), NULL);
      acq_store_remove_temp (data_dir, prefix);
    }
}

/**
 * acq_candidate_list_purge:
 * @self: the list
 * @candidate: a candidate deleted with acq_candidate_list_delete()
 * @error: where to put an error
 *
 * Erases a deleted candidate and everything that belongs to them for good (RGPD erasure).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_purge (AcqCandidateList *self, AcqCandidate *candidate, GError **error)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), FALSE);
  if (!run_on_candidate (self, sql_purge, candidate, error))
    return FALSE;
  purge_temp (self, candidate);
  return TRUE;
}

/**
 * acq_candidate_list_purge_stale:
 * @self: the list
 * @error: where to put an error
 *
 * Erases for good the candidates deleted more than %ACQ_CANDIDATE_UNDO_SECONDS ago, whose undo
 * was never offered to its end (the app quit or crashed during it). The running app calls it
 * at start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_list_purge_stale (AcqCandidateList *self, GError **error)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (self), FALSE);
  return _acq_record_list_purge_stale (self->store, sql_purge_stale, ACQ_CANDIDATE_UNDO_SECONDS,
                                       error);
}
