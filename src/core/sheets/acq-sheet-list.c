/* acq-sheet-list.c — one candidate's experience sheets, as a list model the UI can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-attachment.h"
#include "acq-candidate-private.h"
#include "acq-sheet-list-private.h"
#include "acq-sql-private.h"

struct _AcqSheetList
{
  AcqRecordList parent_instance;
  AcqStore     *store;
  AcqCandidate *candidate;
  GPtrArray    *items; /* AcqSheet, oldest first; the UI sorts */
  /* sheet uuid -> AcqSheet: each sheet as this list last read or wrote it, to tell what the
   * user changed since from what another connection or process changed meanwhile */
  GHashTable   *bases;
};


G_DEFINE_FINAL_TYPE (AcqSheetList, acq_sheet_list, ACQ_TYPE_RECORD_LIST)

/* Columns 5 to 9 of a row (parameters 6 to 10) are the rubrics, in the order of AcqRubric. */
#define SHEET_COLUMNS                                                                         \
  "uuid, candidate_uuid, bloc_uuid, title, kind, " ACQ_RUBRIC_COLUMNS ","                    \
  " organisation, department, period_from, period_to, review_state, revision, created_at,"   \
  " updated_at"
#define FIRST_RUBRIC_COLUMN 5
/* The kind of the latest version tells a draft that was validated before its last edit. */
#define LAST_VERSION_KIND                                                                     \
  " (SELECT v.kind FROM sheet_version v WHERE v.sheet_uuid = s.uuid"                          \
  " ORDER BY v.revision DESC LIMIT 1)"
#define VERSION_VALIDATED 2

static const char sql_select_all[] =
  "SELECT " SHEET_COLUMNS "," LAST_VERSION_KIND " FROM sheet s"
  " WHERE candidate_uuid = ?1 AND deleted_at IS NULL ORDER BY created_at, id";
static const char sql_select_one[] =
  "SELECT " SHEET_COLUMNS "," LAST_VERSION_KIND " FROM sheet s"
  " WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_select_competences[] =
  "SELECT sc.sheet_uuid, sc.competence_uuid FROM sheet_competence sc"
  " JOIN sheet s ON s.uuid = sc.sheet_uuid"
  " WHERE s.candidate_uuid = ?1 AND s.deleted_at IS NULL ORDER BY sc.sheet_uuid, sc.position";
static const char sql_select_competences_of[] =
  "SELECT competence_uuid FROM sheet_competence WHERE sheet_uuid = ?1 ORDER BY position";
static const char sql_insert[] =
  "INSERT INTO sheet (" SHEET_COLUMNS ") VALUES"
  " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
static const char sql_update[] =
  "UPDATE sheet SET bloc_uuid = ?3, title = ?4, kind = ?5, tasks = ?6, means = ?7,"
  " partners = ?8, context = ?9, additional = ?10, organisation = ?11, department = ?12,"
  " period_from = ?13, period_to = ?14, review_state = ?15, revision = ?16, updated_at = ?18"
  " WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_delete_competences[] = "DELETE FROM sheet_competence WHERE sheet_uuid = ?1";
static const char sql_insert_competence[] =
  "INSERT INTO sheet_competence (sheet_uuid, competence_uuid, position) VALUES (?1, ?2, ?3)";
static const char sql_soft_delete[] =
  "UPDATE sheet SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_undelete[] =
  "UPDATE sheet SET deleted_at = NULL WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge[] = "DELETE FROM sheet WHERE uuid = ?1 AND deleted_at IS NOT NULL";
static const char sql_purge_stale[] =
  "DELETE FROM sheet WHERE deleted_at IS NOT NULL AND deleted_at < ?1";
/* A rubric changed here and by another connection: the other text waits in the conflict table
 * as an exchange's would; one already waiting there is kept too, before it. */
static const char sql_keep_conflict[] =
  "INSERT INTO conflict (uuid, candidate_uuid, sheet_uuid, rubric, theirs, theirs_history,"
  " created_at) VALUES (?1, ?2, ?3, ?4, ?5, '', ?6) ON CONFLICT (sheet_uuid, rubric) DO UPDATE"
  " SET theirs = theirs || char (10, 10) || excluded.theirs WHERE theirs <> excluded.theirs";

static void
acq_sheet_list_finalize (GObject *object)
{
  AcqSheetList *self = ACQ_SHEET_LIST (object);

  g_clear_object (&self->candidate);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bases, g_hash_table_unref);
  G_OBJECT_CLASS (acq_sheet_list_parent_class)->finalize (object);
}

static void
acq_sheet_list_class_init (AcqSheetListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_sheet_list_finalize;
}

static void
acq_sheet_list_init (AcqSheetList *self)
{
  self->items = _acq_record_list_items (ACQ_RECORD_LIST (self)); /* the base owns it */
  self->bases = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/* @sheet is now as stored: remember it as the base of the next merge. */
static void
remember (AcqSheetList *self, AcqSheet *sheet)
{
  AcqSheet *base = _acq_sheet_copy (sheet);

  g_hash_table_replace (self->bases, (gpointer) acq_sheet_get_uuid (base), base);
}

static void
take_stored_state (AcqSheet *sheet, AcqSheet *stored)
{
  _acq_sheet_set_stored (sheet, acq_sheet_get_review_state (stored),
                         acq_sheet_get_returned_to_draft (stored),
                         acq_sheet_get_revision (stored), acq_sheet_get_created_at (stored),
                         acq_sheet_get_updated_at (stored));
}

/* The base of @sheet; @stored if the list never read it (nothing to merge then). */
static AcqSheet *
lookup_base (AcqSheetList *self, AcqSheet *sheet, AcqSheet *stored)
{
  AcqSheet *base = g_hash_table_lookup (self->bases, acq_sheet_get_uuid (sheet));

  if (base == NULL)
    {
      remember (self, stored);
      base = g_hash_table_lookup (self->bases, acq_sheet_get_uuid (sheet));
    }
  return base;
}

static gboolean
sqlite_failed (AcqSheetList *self, int rc, const char *doing, GError **error)
{
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (self->store), rc, doing);
}

static void
apply_row (AcqSheet *sheet, sqlite3_stmt *stmt)
{
  AcqReviewState state = CLAMP (sqlite3_column_int (stmt, 14), 0, ACQ_N_REVIEW_STATES - 1);
  gboolean returned = state == ACQ_REVIEW_STATE_DRAFT &&
                      sqlite3_column_type (stmt, 18) != SQLITE_NULL &&
                      sqlite3_column_int (stmt, 18) == VERSION_VALIDATED;

  g_object_freeze_notify (G_OBJECT (sheet));
  acq_sheet_set_bloc_uuid (sheet, _acq_sql_column_text (stmt, 2));
  acq_sheet_set_title (sheet, _acq_sql_column_text (stmt, 3));
  acq_sheet_set_kind (sheet, CLAMP (sqlite3_column_int (stmt, 4), 0, ACQ_N_SHEET_KINDS - 1));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_sheet_set_rubric (sheet, i, _acq_sql_column_text (stmt, FIRST_RUBRIC_COLUMN + i));
  acq_sheet_set_organisation (sheet, _acq_sql_column_text (stmt, 10));
  acq_sheet_set_department (sheet, _acq_sql_column_text (stmt, 11));
  acq_sheet_set_period_from (sheet, _acq_sql_column_text (stmt, 12));
  acq_sheet_set_period_to (sheet, _acq_sql_column_text (stmt, 13));
  _acq_sheet_set_stored (sheet, state, returned, sqlite3_column_int64 (stmt, 15),
                         _acq_sql_column_text (stmt, 16), _acq_sql_column_text (stmt, 17));
  g_object_thaw_notify (G_OBJECT (sheet));
}

static gboolean
load_competences (AcqSheetList *self, GHashTable *by_uuid, GError **error)
{
  g_autoptr (GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_strv_builder_unref);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (!(stmt = acq_store_prepare (self->store, sql_select_competences, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, acq_candidate_get_uuid (self->candidate));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = _acq_sql_column_text (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (lists, uuid);

      if (builder == NULL)
        g_hash_table_insert (lists, g_strdup (uuid), builder = g_strv_builder_new ());
      g_strv_builder_add (builder, _acq_sql_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_failed (self, rc, "loading the competences of sheets", error);

  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      AcqSheet *sheet = g_hash_table_lookup (by_uuid, key);
      g_auto (GStrv) competences = g_strv_builder_end (value);

      if (sheet != NULL)
        acq_sheet_set_competences (sheet, (const char *const *) competences);
    }
  return TRUE;
}

/* The candidate's sheets as stored now, into @into. */
static gboolean
load_into (AcqSheetList *self, GPtrArray *into, GError **error)
{
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  const char *candidate_uuid = acq_candidate_get_uuid (self->candidate);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (self->store, sql_select_all, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqSheet *sheet = acq_sheet_new (_acq_sql_column_text (stmt, 0), candidate_uuid);

      apply_row (sheet, stmt);
      g_ptr_array_add (into, sheet);
      g_hash_table_insert (by_uuid, (gpointer) acq_sheet_get_uuid (sheet), sheet);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_failed (self, rc, "loading sheets", error);
  return load_competences (self, by_uuid, error);
}

static void
on_store_changed_elsewhere_cb (AcqSheetList *self)
{
  g_autoptr (GError) error = NULL;

  if (!acq_sheet_list_refresh (self, &error))
    g_warning ("Could not read the sheets again: %s", error->message);
}

static gboolean
load_all (AcqSheetList *self, GError **error)
{
  if (!load_into (self, self->items, error))
    return FALSE;
  for (guint i = 0; i < self->items->len; i++)
    remember (self, g_ptr_array_index (self->items, i));
  return TRUE;
}

/**
 * acq_sheet_list_new:
 * @store: the store
 * @candidate: whose sheets
 * @error: where to put an error
 *
 * Loads the candidate's sheets that are not deleted. Keep one list per candidate and share
 * it: two lists of the same candidate do not see each other's changes.
 *
 * Returns: (transfer full): the list, or %NULL
 */
AcqSheetList *
acq_sheet_list_new (AcqStore *store, AcqCandidate *candidate, GError **error)
{
  g_autoptr (AcqSheetList) self = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (ACQ_IS_CANDIDATE (candidate), NULL);

  self = g_object_new (ACQ_TYPE_SHEET_LIST, "item-type", ACQ_TYPE_SHEET, NULL);
  self->store = g_object_ref (store);
  self->candidate = g_object_ref (candidate);
  if (!load_all (self, error))
    return NULL;
  g_signal_connect_object (store, "changed::external", G_CALLBACK (on_store_changed_elsewhere_cb),
                           self, G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

/* A sheet read again: a part the user did not touch takes the stored value, a part the user
 * changed stays until the next save merges it. Returns whether anything changed. */
static gboolean
refresh_one (AcqSheetList *self, AcqSheet *sheet, AcqSheet *stored)
{
  AcqSheet *base = lookup_base (self, sheet, stored);
  gboolean conflicts[ACQ_N_RUBRICS];

  if (_acq_sheet_same_content (sheet, stored) && _acq_sheet_same_competences (sheet, stored) &&
      acq_sheet_get_revision (sheet) == acq_sheet_get_revision (stored) &&
      acq_sheet_get_review_state (sheet) == acq_sheet_get_review_state (stored))
    return FALSE;
  g_object_freeze_notify (G_OBJECT (sheet));
  _acq_sheet_merge (sheet, base, stored, conflicts);
  take_stored_state (sheet, stored);
  g_object_thaw_notify (G_OBJECT (sheet));
  return TRUE;
}

/**
 * acq_sheet_list_refresh:
 * @self: the list
 * @error: where to put an error
 *
 * Reads the candidate's sheets again after another connection or process changed the store
 * (the store's #AcqStore::changed with the detail "external" calls it). A sheet keeps what the
 * user changed and did not save yet, and takes what changed in the store for the rest; sheets
 * created there are added, sheets deleted there are taken out. One items-changed per sheet
 * that changed.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_refresh (AcqSheetList *self, GError **error)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);

  if (!load_into (self, fresh, error))
    return FALSE;
  for (guint i = 0; i < fresh->len; i++)
    {
      AcqSheet *stored = g_ptr_array_index (fresh, i);
      g_hash_table_insert (by_uuid, (gpointer) acq_sheet_get_uuid (stored), stored);
    }
  for (guint i = self->items->len; i-- > 0;)
    if (!g_hash_table_contains (by_uuid, acq_sheet_get_uuid (g_ptr_array_index (self->items, i))))
      {
        g_ptr_array_remove_index (self->items, i);
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
      }
  for (guint i = 0; i < fresh->len; i++)
    {
      AcqSheet *stored = g_ptr_array_index (fresh, i);
      AcqSheet *sheet = acq_sheet_list_find (self, acq_sheet_get_uuid (stored));
      guint position;

      if (sheet == NULL)
        {
          remember (self, stored);
          g_ptr_array_add (self->items, g_object_ref (stored));
          g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
        }
      else if (refresh_one (self, sheet, stored) &&
               g_ptr_array_find (self->items, sheet, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  return TRUE;
}

AcqStore *
acq_sheet_list_get_store (AcqSheetList *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), NULL);
  return self->store;
}

AcqCandidate *
acq_sheet_list_get_candidate (AcqSheetList *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), NULL);
  return self->candidate;
}

/**
 * acq_sheet_list_find:
 * @self: the list
 * @uuid: a sheet's uuid
 *
 * Returns: (transfer none) (nullable): the sheet, if listed
 */
AcqSheet *
acq_sheet_list_find (AcqSheetList *self, const char *uuid)
{
  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      AcqSheet *sheet = g_ptr_array_index (self->items, i);
      if (g_strcmp0 (acq_sheet_get_uuid (sheet), uuid) == 0)
        return sheet;
    }
  return NULL;
}

/* Binds what insert and update share: ?1 uuid, ?2 candidate, ?3 … ?14 the content, ?15 the
 * review state, ?16 the revision. */
static void
bind_fields (sqlite3_stmt *stmt, AcqSheet *sheet, AcqReviewState state, gint64 revision)
{
  _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
  _acq_sql_bind_text (stmt, 2, acq_sheet_get_candidate_uuid (sheet));
  _acq_sql_bind_text (stmt, 3, acq_sheet_get_bloc_uuid (sheet));
  _acq_sql_bind_text (stmt, 4, acq_sheet_get_title (sheet));
  sqlite3_bind_int (stmt, 5, acq_sheet_get_kind (sheet));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    _acq_sql_bind_text (stmt, FIRST_RUBRIC_COLUMN + 1 + i, acq_sheet_get_rubric (sheet, i));
  _acq_sql_bind_text (stmt, 11, acq_sheet_get_organisation (sheet));
  _acq_sql_bind_text (stmt, 12, acq_sheet_get_department (sheet));
  _acq_sql_bind_text (stmt, 13, acq_sheet_get_period_from (sheet));
  _acq_sql_bind_text (stmt, 14, acq_sheet_get_period_to (sheet));
  sqlite3_bind_int (stmt, 15, state);
  sqlite3_bind_int64 (stmt, 16, revision);
}

static gboolean
write_competences (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  const char *const *competences = acq_sheet_get_competences (sheet);
  sqlite3_stmt *stmt;

  if (!(stmt = acq_store_prepare (self->store, sql_delete_competences, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
  if (!acq_store_step_done (self->store, stmt, error))
    return FALSE;
  for (guint i = 0; competences[i] != NULL; i++)
    {
      if (!(stmt = acq_store_prepare (self->store, sql_insert_competence, error)))
        return FALSE;
      _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
      _acq_sql_bind_text (stmt, 2, competences[i]);
      sqlite3_bind_int (stmt, 3, i);
      if (!acq_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The sheet as it is in the store, inside the caller's transaction. */
static AcqSheet *
load_stored (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  g_autoptr (AcqSheet) stored = acq_sheet_new (acq_sheet_get_uuid (sheet),
                                               acq_sheet_get_candidate_uuid (sheet));
  g_autoptr (GStrvBuilder) competences = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = acq_store_prepare (self->store, sql_select_one, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    apply_row (stored, stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This sheet no longer exists. Nothing was saved."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite_failed (self, rc, "reading a sheet", error);
      return NULL;
    }

  if (!(stmt = acq_store_prepare (self->store, sql_select_competences_of, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (competences, _acq_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (self, rc, "reading a sheet's competences", error);
      return NULL;
    }
  list = g_strv_builder_end (competences);
  acq_sheet_set_competences (stored, (const char *const *) list);
  return g_steal_pointer (&stored);
}

/* Puts @sheet back as it is in the store, after a change that could not be stored. */
void
_acq_sheet_list_reload (AcqSheetList *self, AcqSheet *sheet)
{
  g_autoptr (AcqSheet) stored = load_stored (self, sheet, NULL);

  if (stored == NULL)
    return;
  g_object_freeze_notify (G_OBJECT (sheet));
  acq_sheet_set_bloc_uuid (sheet, acq_sheet_get_bloc_uuid (stored));
  acq_sheet_set_title (sheet, acq_sheet_get_title (stored));
  acq_sheet_set_kind (sheet, acq_sheet_get_kind (stored));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    acq_sheet_set_rubric (sheet, i, acq_sheet_get_rubric (stored, i));
  acq_sheet_set_organisation (sheet, acq_sheet_get_organisation (stored));
  acq_sheet_set_department (sheet, acq_sheet_get_department (stored));
  acq_sheet_set_period_from (sheet, acq_sheet_get_period_from (stored));
  acq_sheet_set_period_to (sheet, acq_sheet_get_period_to (stored));
  acq_sheet_set_competences (sheet, acq_sheet_get_competences (stored));
  _acq_sheet_set_stored (sheet, acq_sheet_get_review_state (stored),
                         acq_sheet_get_returned_to_draft (stored),
                         acq_sheet_get_revision (stored), acq_sheet_get_created_at (stored),
                         acq_sheet_get_updated_at (stored));
  g_object_thaw_notify (G_OBJECT (sheet));
  remember (self, sheet);
}

static gboolean
keep_conflicts (AcqSheetList *self, AcqSheet *stored, const gboolean conflicts[ACQ_N_RUBRICS],
                const char *now, GError **error)
{
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *uuid = NULL;
      sqlite3_stmt *stmt;

      if (!conflicts[i])
        continue;
      if (!(stmt = acq_store_prepare (self->store, sql_keep_conflict, error)))
        return FALSE;
      uuid = acq_store_new_uuid ();
      _acq_sql_bind_text (stmt, 1, uuid);
      _acq_sql_bind_text (stmt, 2, acq_sheet_get_candidate_uuid (stored));
      _acq_sql_bind_text (stmt, 3, acq_sheet_get_uuid (stored));
      sqlite3_bind_int (stmt, 4, i);
      _acq_sql_bind_text (stmt, 5, acq_sheet_get_rubric (stored, i));
      _acq_sql_bind_text (stmt, 6, now);
      if (!acq_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_row (AcqSheetList *self, AcqSheet *sheet, AcqSheet *stored, const char *now,
            GError **error)
{
  gboolean same_competences = _acq_sheet_same_competences (stored, sheet);
  AcqReviewState state = acq_sheet_get_review_state (stored);
  gboolean returned = acq_sheet_get_returned_to_draft (stored);
  gint64 revision = acq_sheet_get_revision (stored) + 1;
  sqlite3_stmt *stmt;

  /* What the accompagnatrice validated is no longer what the sheet says. */
  if (state == ACQ_REVIEW_STATE_VALIDATED)
    {
      state = ACQ_REVIEW_STATE_DRAFT;
      returned = TRUE;
    }
  if (!(stmt = acq_store_prepare (self->store, sql_update, error)))
    return FALSE;
  bind_fields (stmt, sheet, state, revision);
  _acq_sql_bind_text (stmt, 18, now);
  if (!acq_store_step_done (self->store, stmt, error) ||
      (!same_competences && !write_competences (self, sheet, error)))
    return FALSE;
  _acq_sheet_set_stored (sheet, state, returned, revision, acq_sheet_get_created_at (stored),
                         now);
  return TRUE;
}

/**
 * _acq_sheet_list_write:
 * @self: the list
 * @sheet: a listed sheet
 * @out_changed: (out): whether anything was written; saving an unchanged sheet writes nothing
 * @error: where to put an error
 *
 * Stores the sheet's content in one transaction, without telling the list's observers (see
 * _acq_sheet_list_stored()). If it cannot be stored, @sheet is put back as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
_acq_sheet_list_write (AcqSheetList *self, AcqSheet *sheet, gboolean *out_changed,
                       GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autoptr (AcqSheet) stored = NULL;
  gboolean conflicts[ACQ_N_RUBRICS];

  *out_changed = FALSE;
  if (!acq_sheet_validate (sheet, error) || !acq_store_begin (self->store, error))
    goto fail;
  if (!(stored = load_stored (self, sheet, error)))
    goto rollback;
  /* Inside the transaction, nobody else writes until the commit: what another connection
   * stored since the last read stays, and only what the user changed is written over it. */
  _acq_sheet_merge (sheet, lookup_base (self, sheet, stored), stored, conflicts);
  if (_acq_sheet_same_content (stored, sheet) && _acq_sheet_same_competences (stored, sheet))
    {
      acq_store_rollback (self->store);
      take_stored_state (sheet, stored);
      remember (self, sheet);
      return TRUE;
    }
  if (!update_row (self, sheet, stored, now, error) ||
      !keep_conflicts (self, stored, conflicts, now, error) ||
      !acq_store_commit (self->store, error))
    goto rollback;
  remember (self, sheet);
  *out_changed = TRUE;
  return TRUE;

rollback:
  acq_store_rollback (self->store);
fail:
  _acq_sheet_list_reload (self, sheet);
  return FALSE;
}

/* The store's trigger did it in the store; this tells the candidate in memory, for the
 * sidebar's sort by activity. */
static void
touch_candidate (AcqSheetList *self, AcqSheet *sheet)
{
  const char *updated_at = acq_sheet_get_updated_at (sheet);

  if (g_strcmp0 (updated_at, acq_candidate_get_last_activity_at (self->candidate)) > 0)
    _acq_candidate_set_timestamps (self->candidate, acq_candidate_get_created_at (self->candidate),
                                   acq_candidate_get_updated_at (self->candidate), updated_at);
}

/* After @sheet was stored: the candidate was active, and the list's observers look at the
 * sheet again (one items-changed). */
void
_acq_sheet_list_stored (AcqSheetList *self, AcqSheet *sheet)
{
  guint position;

  touch_candidate (self, sheet);
  if (g_ptr_array_find (self->items, sheet, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static gboolean
insert_row (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  g_autofree char *now = acq_store_now ();
  AcqReviewState state = acq_sheet_get_review_state (sheet);
  sqlite3_stmt *stmt;

  if (!acq_sheet_validate (sheet, error) || !acq_store_begin (self->store, error))
    return FALSE;
  if (!(stmt = acq_store_prepare (self->store, sql_insert, error)))
    goto fail;
  bind_fields (stmt, sheet, state, 1);
  _acq_sql_bind_text (stmt, 17, now);
  _acq_sql_bind_text (stmt, 18, now);
  if (!acq_store_step_done (self->store, stmt, error) ||
      !write_competences (self, sheet, error) || !acq_store_commit (self->store, error))
    goto fail;
  _acq_sheet_set_stored (sheet, state, FALSE, 1, now, now);
  remember (self, sheet);
  return TRUE;

fail:
  acq_store_rollback (self->store);
  return FALSE;
}

/**
 * acq_sheet_list_add:
 * @self: the list
 * @sheet: a sheet of the list's candidate, not stored yet
 * @error: where to put an error
 *
 * Stores @sheet with its competences and appends it to the list (one items-changed).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_add (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (g_strcmp0 (acq_sheet_get_candidate_uuid (sheet),
                                   acq_candidate_get_uuid (self->candidate)) == 0, FALSE);

  if (!insert_row (self, sheet, error))
    return FALSE;
  touch_candidate (self, sheet);
  g_ptr_array_add (self->items, g_object_ref (sheet));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  return TRUE;
}

/**
 * acq_sheet_list_create:
 * @self: the list
 * @bloc_uuid: (nullable): the bloc the example illustrates
 * @title: (nullable): its title
 * @error: where to put an error
 *
 * Creates and stores an empty draft.
 *
 * Returns: (transfer none): the new sheet, or %NULL
 */
AcqSheet *
acq_sheet_list_create (AcqSheetList *self, const char *bloc_uuid, const char *title,
                       GError **error)
{
  g_autoptr (AcqSheet) sheet = NULL;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), NULL);

  sheet = acq_sheet_new (NULL, acq_candidate_get_uuid (self->candidate));
  acq_sheet_set_bloc_uuid (sheet, bloc_uuid);
  acq_sheet_set_title (sheet, title);
  if (!acq_sheet_list_add (self, sheet, error))
    return NULL;
  return sheet;
}

/**
 * acq_sheet_list_save:
 * @self: the list
 * @sheet: a listed sheet whose fields changed
 * @error: where to put an error
 *
 * Stores the sheet's content and competences in one transaction and tells the list's
 * observers (one items-changed). Saving a sheet that did not change writes nothing, so that
 * autosave may call this as often as it likes. A validated sheet whose content or competences
 * changed goes back to draft (#AcqSheet:review-state, #AcqSheet:returned-to-draft).
 *
 * If the sheet cannot be stored (a rubric too long, invalid text, a period that ends before
 * it starts), the error names what is wrong, the sheet is put back as it is in the store and
 * nothing stored changes.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_save (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  gboolean changed;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (g_ptr_array_find (self->items, sheet, NULL), FALSE);

  if (!_acq_sheet_list_write (self, sheet, &changed, error))
    return FALSE;
  if (changed)
    _acq_sheet_list_stored (self, sheet);
  return TRUE;
}

static gboolean
run_on_sheet (AcqSheetList *self, const char *sql, AcqSheet *sheet, GError **error)
{
  return _acq_record_list_run (self->store, sql, acq_sheet_get_uuid (sheet), error);
}

/**
 * acq_sheet_list_delete:
 * @self: the list
 * @sheet: a listed sheet
 * @error: where to put an error
 *
 * Takes the sheet out of the list and marks it deleted in the store, so that the user can
 * still undo (acq_sheet_list_undelete()). acq_sheet_list_purge() erases it for good; so does
 * acq_sheet_list_purge_stale() at the next start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_delete (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  guint position;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (g_ptr_array_find (self->items, sheet, &position), FALSE);

  if (!run_on_sheet (self, sql_soft_delete, sheet, error))
    return FALSE;
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* Where @sheet goes back: the list keeps the store's order, oldest first. */
static guint
position_for (AcqSheetList *self, AcqSheet *sheet)
{
  guint position = 0;

  while (position < self->items->len &&
         g_strcmp0 (acq_sheet_get_created_at (g_ptr_array_index (self->items, position)),
                    acq_sheet_get_created_at (sheet)) <= 0)
    position++;
  return position;
}

gboolean
acq_sheet_list_undelete (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  guint position;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (!g_ptr_array_find (self->items, sheet, NULL), FALSE);

  if (!run_on_sheet (self, sql_undelete, sheet, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (self->store)) == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("This sheet was already erased and cannot be restored."));
      return FALSE;
    }
  position = position_for (self, sheet);
  g_ptr_array_insert (self->items, position, g_object_ref (sheet));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return TRUE;
}

/**
 * acq_sheet_list_purge:
 * @self: the list
 * @sheet: a sheet deleted with acq_sheet_list_delete()
 * @error: where to put an error
 *
 * Erases a deleted sheet for good, with its comments, versions and attachments (the stored
 * files that no other sheet uses are removed too).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_purge (AcqSheetList *self, AcqSheet *sheet, GError **error)
{
  g_return_val_if_fail (ACQ_IS_SHEET_LIST (self), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  return run_on_sheet (self, sql_purge, sheet, error) &&
         acq_attachment_remove_orphans (self->store, NULL, error);
}

/**
 * acq_sheet_list_purge_stale:
 * @store: the store
 * @error: where to put an error
 *
 * Erases for good the sheets of every candidate deleted more than %ACQ_SHEET_UNDO_SECONDS
 * ago, whose undo was never offered to its end (the app quit or crashed during it), and the
 * stored files no sheet uses any more. The running app calls it at start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_sheet_list_purge_stale (AcqStore *store, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  return _acq_record_list_purge_stale (store, sql_purge_stale, ACQ_SHEET_UNDO_SECONDS, error) &&
         acq_attachment_remove_orphans (store, NULL, error);
}
