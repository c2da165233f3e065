/* acq-review.c — the review round-trip of a sheet between the candidate and the
 * accompagnatrice, and the versions it keeps
 *
 * brouillon or à reprendre → à relire (the candidate, or anyone, asks for a review)
 * à relire → à reprendre or validée (the accompagnatrice decides)
 * validée → brouillon (an edit; see acq_sheet_list_save())
 *
 * Each request and decision keeps a snapshot of the sheet as stored, so that the
 * accompagnatrice can see what changed since she last read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-review.h"
#include "acq-sheet-list-private.h"
#include "acq-sql-private.h"

G_DEFINE_QUARK (acq-review-error-quark, acq_review_error)

G_DEFINE_ENUM_TYPE (AcqRole, acq_role,
  G_DEFINE_ENUM_VALUE (ACQ_ROLE_CANDIDATE, "candidate"),
  G_DEFINE_ENUM_VALUE (ACQ_ROLE_COACH, "coach"))

G_DEFINE_BOXED_TYPE (AcqSheetVersion, acq_sheet_version, acq_sheet_version_copy,
                     acq_sheet_version_free)

#define VERSION_COLUMNS                                                                       \
  "uuid, sheet_uuid, kind, author_role, revision, title, " ACQ_RUBRIC_COLUMNS ","             \
  " organisation, department, period_from, period_to, created_at"
#define FIRST_RUBRIC_COLUMN 6

static const char sql_set_state[] =
  "UPDATE sheet SET review_state = ?2, revision = revision + 1, updated_at = ?3"
  " WHERE uuid = ?1 AND deleted_at IS NULL AND review_state = ?4";
static const char sql_snapshot[] =
  "INSERT INTO sheet_version (" VERSION_COLUMNS ") SELECT ?1, uuid, ?2, ?3, revision, title, "
  ACQ_RUBRIC_COLUMNS ", organisation, department, period_from,"
  " period_to, ?4 FROM sheet WHERE uuid = ?5";
static const char sql_versions[] =
  "SELECT " VERSION_COLUMNS " FROM sheet_version WHERE sheet_uuid = ?1 ORDER BY revision";
static const char sql_last_reviewed[] =
  "SELECT " VERSION_COLUMNS " FROM sheet_version WHERE sheet_uuid = ?1 AND kind IN (1, 2)"
  " ORDER BY revision DESC LIMIT 1";

const char *
acq_role_label (AcqRole role)
{
  switch (role)
    {
    case ACQ_ROLE_CANDIDATE: return _("Candidate");
    case ACQ_ROLE_COACH: return _("Coach");
    case ACQ_N_ROLES: default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_version_kind_label (AcqVersionKind kind)
{
  switch (kind)
    {
    case ACQ_VERSION_REVIEW_REQUESTED: return _("Review requested");
    case ACQ_VERSION_CHANGES_REQUESTED: return _("Changes requested");
    case ACQ_VERSION_VALIDATED: return _("Validated");
    case ACQ_N_VERSION_KINDS: default: break;
    }
  g_return_val_if_reached ("");
}

AcqSheetVersion *
acq_sheet_version_copy (const AcqSheetVersion *version)
{
  AcqSheetVersion *copy = g_memdup2 (version, sizeof *version);

  copy->uuid = g_strdup (version->uuid);
  copy->sheet_uuid = g_strdup (version->sheet_uuid);
  copy->title = g_strdup (version->title);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    copy->rubrics[i] = g_strdup (version->rubrics[i]);
  copy->organisation = g_strdup (version->organisation);
  copy->department = g_strdup (version->department);
  copy->period_from = g_strdup (version->period_from);
  copy->period_to = g_strdup (version->period_to);
  copy->created_at = g_strdup (version->created_at);
  return copy;
}

void
acq_sheet_version_free (AcqSheetVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->uuid);
  g_free (version->sheet_uuid);
  g_free (version->title);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    g_free (version->rubrics[i]);
  g_free (version->organisation);
  g_free (version->department);
  g_free (version->period_from);
  g_free (version->period_to);
  g_free (version->created_at);
  g_free (version);
}

/**
 * acq_review_can_request:
 * @sheet: a sheet
 *
 * Returns: %TRUE if a review can be asked for: the sheet is a draft or has changes requested
 */
gboolean
acq_review_can_request (AcqSheet *sheet)
{
  AcqReviewState state;

  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  state = acq_sheet_get_review_state (sheet);
  return state == ACQ_REVIEW_STATE_DRAFT || state == ACQ_REVIEW_STATE_CHANGES_REQUESTED;
}

/**
 * acq_review_can_decide:
 * @sheet: a sheet
 * @role: who is using Acquis
 *
 * Returns: %TRUE if @role can validate the sheet or ask for changes now
 */
gboolean
acq_review_can_decide (AcqSheet *sheet, AcqRole role)
{
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  return role == ACQ_ROLE_COACH &&
         acq_sheet_get_review_state (sheet) == ACQ_REVIEW_STATE_TO_REVIEW;
}

static gboolean
write_state (AcqSheetList *list, AcqSheet *sheet, AcqReviewState to, AcqVersionKind kind,
             AcqRole role, const char *now, GError **error)
{
  AcqStore *store = acq_sheet_list_get_store (list);
  g_autofree char *version_uuid = acq_store_new_uuid ();
  sqlite3_stmt *stmt;

  if (!(stmt = acq_store_prepare (store, sql_set_state, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, acq_sheet_get_uuid (sheet));
  sqlite3_bind_int (stmt, 2, to);
  _acq_sql_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, acq_sheet_get_review_state (sheet));
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  /* another window (or the exchange) changed the sheet in the meantime */
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE,
                           _("This sheet was changed elsewhere in the meantime. Look at it again "
                             "and retry."));
      return FALSE;
    }
  if (!(stmt = acq_store_prepare (store, sql_snapshot, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, version_uuid);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int (stmt, 3, role);
  _acq_sql_bind_text (stmt, 4, now);
  _acq_sql_bind_text (stmt, 5, acq_sheet_get_uuid (sheet));
  return acq_store_step_done (store, stmt, error);
}

/* Moves the stored sheet to @to and keeps a version, in one transaction; then tells the
 * sheet and the list. */
static gboolean
change_state (AcqSheetList *list, AcqSheet *sheet, AcqReviewState to, AcqVersionKind kind,
              AcqRole role, GError **error)
{
  AcqStore *store = acq_sheet_list_get_store (list);
  g_autofree char *now = acq_store_now ();

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!write_state (list, sheet, to, kind, role, now, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      _acq_sheet_list_reload (list, sheet);
      return FALSE;
    }
  _acq_sheet_set_stored (sheet, to, FALSE, acq_sheet_get_revision (sheet) + 1,
                         acq_sheet_get_created_at (sheet), now);
  return TRUE;
}

/* Stores what the sheet says now (the review is of what is stored), then checks that it is in
 * one of the states @allowed (a bit per state). The text is saved even when the state is
 * wrong: a refusal never loses a word. */
static gboolean
save_then_check (AcqSheetList *list, AcqSheet *sheet, guint allowed, const char *refusal,
                 gboolean *out_changed, GError **error)
{
  if (!_acq_sheet_list_write (list, sheet, out_changed, error))
    return FALSE;
  if (allowed & (1u << acq_sheet_get_review_state (sheet)))
    return TRUE;
  g_set_error_literal (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE, refusal);
  return FALSE;
}

static const char *
request_refusal (AcqSheet *sheet)
{
  if (acq_sheet_get_review_state (sheet) == ACQ_REVIEW_STATE_VALIDATED)
    return _("This sheet is already validated. Change its text first if it needs another "
             "review.");
  return _("This sheet is already waiting for a review.");
}

/**
 * acq_review_request:
 * @list: the candidate's sheets
 * @sheet: a listed sheet, a draft or with changes requested
 * @role: who asks (either role may)
 * @error: where to put an error; %ACQ_REVIEW_ERROR_WRONG_STATE if the sheet is already to
 *   review or validated
 *
 * Saves the sheet, moves it to *à relire* and keeps a version of it as sent. The list emits
 * one items-changed.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_request (AcqSheetList *list, AcqSheet *sheet, AcqRole role, GError **error)
{
  const guint allowed = 1u << ACQ_REVIEW_STATE_DRAFT | 1u << ACQ_REVIEW_STATE_CHANGES_REQUESTED;
  gboolean changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (list), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (role < ACQ_N_ROLES, FALSE);
  g_return_val_if_fail (acq_sheet_list_find (list, acq_sheet_get_uuid (sheet)) == sheet, FALSE);

  ok = save_then_check (list, sheet, allowed, request_refusal (sheet), &changed, error) &&
       change_state (list, sheet, ACQ_REVIEW_STATE_TO_REVIEW, ACQ_VERSION_REVIEW_REQUESTED, role,
                     error);
  if (ok || changed)
    _acq_sheet_list_stored (list, sheet);
  return ok;
}

/**
 * acq_review_decide:
 * @list: the candidate's sheets
 * @sheet: a listed sheet waiting for review
 * @role: who decides: only %ACQ_ROLE_COACH may
 * @decision: %ACQ_REVIEW_STATE_CHANGES_REQUESTED or %ACQ_REVIEW_STATE_VALIDATED
 * @error: where to put an error; %ACQ_REVIEW_ERROR_NOT_ALLOWED for a candidate,
 *   %ACQ_REVIEW_ERROR_WRONG_STATE if no review was asked for
 *
 * The accompagnatrice's verdict on a sheet she was asked to review: a version of the sheet as
 * she read it is kept (acq_review_get_last_reviewed() gives it back for the next diff). The
 * list emits one items-changed.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_decide (AcqSheetList *list, AcqSheet *sheet, AcqRole role, AcqReviewState decision,
                   GError **error)
{
  const guint allowed = 1u << ACQ_REVIEW_STATE_TO_REVIEW;
  AcqVersionKind kind = decision == ACQ_REVIEW_STATE_VALIDATED ? ACQ_VERSION_VALIDATED
                                                                : ACQ_VERSION_CHANGES_REQUESTED;
  gboolean changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (list), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (decision == ACQ_REVIEW_STATE_CHANGES_REQUESTED ||
                        decision == ACQ_REVIEW_STATE_VALIDATED, FALSE);
  g_return_val_if_fail (acq_sheet_list_find (list, acq_sheet_get_uuid (sheet)) == sheet, FALSE);

  if (role != ACQ_ROLE_COACH)
    {
      g_set_error_literal (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_NOT_ALLOWED,
                           _("Only the accompagnatrice can validate a sheet or ask for changes. "
                             "Ask her for a review instead."));
      return FALSE;
    }
  ok = save_then_check (list, sheet, allowed,
                        _("This sheet is not waiting for a review: the candidate asks for a "
                          "review first."), &changed, error) &&
       change_state (list, sheet, decision, kind, role, error);
  if (ok || changed)
    _acq_sheet_list_stored (list, sheet);
  return ok;
}

static AcqSheetVersion *
version_from_row (sqlite3_stmt *stmt)
{
  AcqSheetVersion *version = g_new0 (AcqSheetVersion, 1);

  version->uuid = _acq_sql_column_dup (stmt, 0);
  version->sheet_uuid = _acq_sql_column_dup (stmt, 1);
  version->kind = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_VERSION_KINDS - 1);
  version->author_role = CLAMP (sqlite3_column_int (stmt, 3), 0, ACQ_N_ROLES - 1);
  version->revision = sqlite3_column_int64 (stmt, 4);
  version->title = _acq_sql_column_dup (stmt, 5);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    version->rubrics[i] = _acq_sql_column_dup (stmt, FIRST_RUBRIC_COLUMN + i);
  version->organisation = _acq_sql_column_dup (stmt, 11);
  version->department = _acq_sql_column_dup (stmt, 12);
  version->period_from = _acq_sql_column_dup (stmt, 13);
  version->period_to = _acq_sql_column_dup (stmt, 14);
  version->created_at = _acq_sql_column_dup (stmt, 15);
  return version;
}

static GPtrArray *
query_versions (AcqStore *store, const char *sql, const char *sheet_uuid, GError **error)
{
  g_autoptr (GPtrArray) versions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_sheet_version_free);
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, sheet_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (versions, version_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading versions");
      return NULL;
    }
  return g_steal_pointer (&versions);
}

/**
 * acq_review_list_versions:
 * @store: the store
 * @sheet_uuid: a sheet
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqSheetVersion): every version kept of the sheet,
 *   oldest first, or %NULL
 */
GPtrArray *
acq_review_list_versions (AcqStore *store, const char *sheet_uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet_uuid != NULL, NULL);
  return query_versions (store, sql_versions, sheet_uuid, error);
}

/**
 * acq_review_get_last_reviewed:
 * @store: the store
 * @sheet_uuid: a sheet
 * @error: where to put an error
 *
 * The sheet as the accompagnatrice read it when she last decided on it (changes requested or
 * validated): what the word-level diff compares the sheet with now.
 *
 * Returns: (transfer full) (nullable): the version, or %NULL if she never decided on the
 *   sheet (then @error is not set) or on error
 */
AcqSheetVersion *
acq_review_get_last_reviewed (AcqStore *store, const char *sheet_uuid, GError **error)
{
  g_autoptr (GPtrArray) versions = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet_uuid != NULL, NULL);
  versions = query_versions (store, sql_last_reviewed, sheet_uuid, error);
  if (versions == NULL || versions->len == 0)
    return NULL;
  return g_ptr_array_steal_index (versions, 0);
}
