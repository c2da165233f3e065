/* acq-review.c — the review round-trip of a sheet between the candidate and the
 * accompagnatrice, and the versions it keeps
 *
 * brouillon or à reprendre → à relire (the candidate, or anyone, asks for a review)
 * à relire → à reprendre or validée (the accompagnatrice decides)
 * à reprendre → validée (the accompagnatrice, after a face-to-face rework)
 * à reprendre or validée → the state before, with Undo, while nothing changed since
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
#include "acq-text.h"
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
  " organisation, department, period_from, period_to, created_at, remark"
#define FIRST_RUBRIC_COLUMN 6

static const char sql_set_state[] =
  "UPDATE sheet SET review_state = ?2, revision = revision + 1, updated_at = ?3"
  " WHERE uuid = ?1 AND deleted_at IS NULL AND review_state = ?4";
static const char sql_snapshot[] =
  "INSERT INTO sheet_version (" VERSION_COLUMNS ") SELECT ?1, uuid, ?2, ?3, revision, title, "
  ACQ_RUBRIC_COLUMNS ", organisation, department, period_from,"
  " period_to, ?4, ?6 FROM sheet WHERE uuid = ?5";
static const char sql_undo_state[] =
  "UPDATE sheet SET review_state = ?2, revision = revision + 1, updated_at = ?3"
  " WHERE uuid = ?1 AND deleted_at IS NULL AND review_state = ?4 AND revision = ?5";
static const char sql_delete_version[] = "DELETE FROM sheet_version WHERE uuid = ?1";
static const char sql_last_requested[] =
  "SELECT " VERSION_COLUMNS " FROM sheet_version WHERE sheet_uuid = ?1 AND kind = 0"
  " ORDER BY revision DESC LIMIT 1";
static const char sql_waiting[] =
  "SELECT s.candidate_uuid, count(*) FROM sheet s JOIN candidate k ON k.uuid = s.candidate_uuid"
  " WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL AND s.review_state = 1"
  " GROUP BY s.candidate_uuid";
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
  copy->remark = g_strdup (version->remark);
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
  g_free (version->remark);
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

struct _AcqReviewDecision
{
  char          *sheet_uuid;
  char          *version_uuid;  /* the version the decision kept */
  AcqReviewState previous;      /* the state before it */
  AcqReviewState decision;
  gint64         revision;      /* the sheet's revision right after it */
};

void
acq_review_decision_free (AcqReviewDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->sheet_uuid);
  g_free (decision->version_uuid);
  g_free (decision);
}

/**
 * acq_review_can_validate:
 * @sheet: a sheet
 * @role: who is using Acquis
 *
 * The accompagnatrice validates a sheet she was asked to review, or one she asked changes
 * on: she may have seen them made face to face.
 *
 * Returns: %TRUE if @role can validate the sheet now
 */
gboolean
acq_review_can_validate (AcqSheet *sheet, AcqRole role)
{
  AcqReviewState state;

  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  state = acq_sheet_get_review_state (sheet);
  return role == ACQ_ROLE_COACH &&
         (state == ACQ_REVIEW_STATE_TO_REVIEW || state == ACQ_REVIEW_STATE_CHANGES_REQUESTED);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * acq_review_check_ready:
 * @sheet: a sheet
 * @error: where to put an error: %ACQ_REVIEW_ERROR_INCOMPLETE, saying what is missing
 *
 * A sheet can be read by the accompagnatrice once it has a title, at least one competence and
 * the four rubrics of the DP that are not optional. The user interface asks this before
 * acq_review_request().
 *
 * Returns: %TRUE if the sheet is complete enough to be reviewed
 */
gboolean
acq_review_check_ready (AcqSheet *sheet, GError **error)
{
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  const char *const *competences;
  g_autofree char *list = NULL;

  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  if (is_blank (acq_sheet_get_title (sheet)))
    g_ptr_array_add (missing, g_strdup (_("a title")));
  competences = acq_sheet_get_competences (sheet);
  if (competences == NULL || competences[0] == NULL)
    g_ptr_array_add (missing, g_strdup (_("a competence")));
  for (guint i = 0; i < ACQ_RUBRIC_ADDITIONAL; i++)
    if (is_blank (acq_sheet_get_rubric (sheet, i)))
      /* Translators: a rubric missing from a sheet, in a list of what is missing: its number
       * in the DP, then its heading */
      g_ptr_array_add (missing, g_strdup_printf (_("rubric %u “%s”"), i + 1,
                                                 acq_rubric_label (i)));
  if (missing->len == 0)
    return TRUE;
  g_ptr_array_add (missing, NULL);
  /* Translators: the separator of the list of what a sheet is missing */
  list = g_strjoinv (_(", "), (char **) missing->pdata);
  g_set_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_INCOMPLETE,
               /* Translators: %s lists what is missing: a title, a competence, rubrics */
               _("This sheet cannot be reviewed yet. It needs %s."), list);
  return FALSE;
}

static gboolean
write_state (AcqSheetList *list, AcqSheet *sheet, AcqReviewState to, AcqVersionKind kind,
             AcqRole role, const char *remark, const char *now, const char *version_uuid,
             GError **error)
{
  AcqStore *store = acq_sheet_list_get_store (list);
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
  _acq_sql_bind_text (stmt, 6, remark != NULL ? remark : "");
  return acq_store_step_done (store, stmt, error);
}

/* Moves the stored sheet to @to and keeps a version, in one transaction; then tells the
 * sheet and the list. */
static gboolean
change_state (AcqSheetList *list, AcqSheet *sheet, AcqReviewState to, AcqVersionKind kind,
              AcqRole role, const char *remark, char **out_version_uuid, GError **error)
{
  AcqStore *store = acq_sheet_list_get_store (list);
  g_autofree char *now = acq_store_now ();
  g_autofree char *version_uuid = acq_store_new_uuid ();

  if (!acq_store_begin (store, error))
    return FALSE;
  if (!write_state (list, sheet, to, kind, role, remark, now, version_uuid, error) ||
      !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      _acq_sheet_list_reload (list, sheet);
      return FALSE;
    }
  _acq_sheet_set_stored (sheet, to, FALSE, acq_sheet_get_revision (sheet) + 1,
                         acq_sheet_get_created_at (sheet), now);
  if (out_version_uuid != NULL)
    *out_version_uuid = g_steal_pointer (&version_uuid);
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
                     NULL,
                     NULL, error);
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
 * @error: where to put an error
 *
 * acq_review_decide_full() without a way to undo.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_decide (AcqSheetList *list, AcqSheet *sheet, AcqRole role, AcqReviewState decision,
                   GError **error)
{
  return acq_review_decide_full (list, sheet, role, decision, NULL, NULL, error);
}

/**
 * acq_review_decide_full:
 * @list: the candidate's sheets
 * @sheet: a listed sheet waiting for review (or with changes requested, to validate it)
 * @role: who decides: only %ACQ_ROLE_COACH may
 * @decision: %ACQ_REVIEW_STATE_CHANGES_REQUESTED or %ACQ_REVIEW_STATE_VALIDATED
 * @remark: (nullable): her remark on the whole sheet, which goes with the decision (at most
 *   %ACQ_REVIEW_REMARK_MAX characters)
 * @out_decision: (out) (optional): what was done, for acq_review_undo_decision()
 * @error: where to put an error; %ACQ_REVIEW_ERROR_NOT_ALLOWED for a candidate,
 *   %ACQ_REVIEW_ERROR_WRONG_STATE if no review was asked for
 *
 * The accompagnatrice's verdict on a sheet she was asked to review: a version of the sheet as
 * she read it is kept (acq_review_get_last_reviewed() gives it back for the next diff). She
 * may also validate a sheet she asked changes on, once she saw them made face to face. The
 * list emits one items-changed.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_decide_full (AcqSheetList *list, AcqSheet *sheet, AcqRole role,
                        AcqReviewState decision, const char *remark,
                        AcqReviewDecision **out_decision, GError **error)
{
  guint allowed = 1u << ACQ_REVIEW_STATE_TO_REVIEW;
  AcqVersionKind kind = decision == ACQ_REVIEW_STATE_VALIDATED ? ACQ_VERSION_VALIDATED
                                                                : ACQ_VERSION_CHANGES_REQUESTED;
  g_autofree char *version_uuid = NULL;
  AcqReviewState previous;
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
  if (remark != NULL &&
      !acq_text_validate (remark, ACQ_REVIEW_REMARK_MAX, _("The remark on the sheet"), error))
    return FALSE;
  if (decision == ACQ_REVIEW_STATE_VALIDATED)
    allowed |= 1u << ACQ_REVIEW_STATE_CHANGES_REQUESTED;
  previous = acq_sheet_get_review_state (sheet);
  ok = save_then_check (list, sheet, allowed,
                        _("This sheet is not waiting for a review: the candidate asks for a "
                          "review first."), &changed, error) &&
       change_state (list, sheet, decision, kind, role, remark, &version_uuid, error);
  if (ok || changed)
    _acq_sheet_list_stored (list, sheet);
  if (ok && out_decision != NULL)
    {
      AcqReviewDecision *done = g_new0 (AcqReviewDecision, 1);

      done->sheet_uuid = g_strdup (acq_sheet_get_uuid (sheet));
      done->version_uuid = g_steal_pointer (&version_uuid);
      done->previous = previous;
      done->decision = decision;
      done->revision = acq_sheet_get_revision (sheet);
      *out_decision = done;
    }
  return ok;
}

static gboolean
write_undo (AcqStore *store, const AcqReviewDecision *decision, const char *now, GError **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = acq_store_prepare (store, sql_undo_state, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, decision->sheet_uuid);
  sqlite3_bind_int (stmt, 2, decision->previous);
  _acq_sql_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, decision->decision);
  sqlite3_bind_int64 (stmt, 5, decision->revision);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (acq_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_CHANGED_SINCE,
                           _("This sheet changed since: the decision can no longer be undone."));
      return FALSE;
    }
  if (!(stmt = acq_store_prepare (store, sql_delete_version, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, decision->version_uuid);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_review_undo_decision:
 * @list: the candidate's sheets
 * @sheet: the listed sheet @decision was made on
 * @decision: what acq_review_decide_full() gave back
 * @error: where to put an error; %ACQ_REVIEW_ERROR_CHANGED_SINCE if the sheet was edited,
 *   reviewed or changed by an import since
 *
 * Puts the sheet back in the state it had before the decision and forgets the version the
 * decision kept, only if nothing changed since. The list emits one items-changed.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_undo_decision (AcqSheetList *list, AcqSheet *sheet,
                          const AcqReviewDecision *decision, GError **error)
{
  AcqStore *store;
  g_autofree char *now = acq_store_now ();

  g_return_val_if_fail (ACQ_IS_SHEET_LIST (list), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (acq_sheet_get_uuid (sheet), decision->sheet_uuid) == 0,
                        FALSE);

  store = acq_sheet_list_get_store (list);
  if (!acq_store_begin (store, error))
    return FALSE;
  if (!write_undo (store, decision, now, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  _acq_sheet_set_stored (sheet, decision->previous, FALSE, decision->revision + 1,
                         acq_sheet_get_created_at (sheet), now);
  _acq_sheet_list_stored (list, sheet);
  return TRUE;
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
  version->remark = _acq_sql_column_dup (stmt, 16);
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

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

/**
 * acq_review_edited_since_request:
 * @store: the store
 * @sheet: a sheet
 * @out_edited: (out): whether the sheet waits for a review and its text is no longer the one
 *   sent for review
 * @error: where to put an error
 *
 * A sheet edited while it waits for a review: the accompagnatrice will read the new text, and
 * both should know it.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_review_edited_since_request (AcqStore *store, AcqSheet *sheet, gboolean *out_edited,
                                 GError **error)
{
  g_autoptr (GPtrArray) versions = NULL;
  const AcqSheetVersion *sent;
  gboolean edited = FALSE;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (ACQ_IS_SHEET (sheet), FALSE);
  g_return_val_if_fail (out_edited != NULL, FALSE);

  *out_edited = FALSE;
  if (acq_sheet_get_review_state (sheet) != ACQ_REVIEW_STATE_TO_REVIEW)
    return TRUE;
  versions = query_versions (store, sql_last_requested, acq_sheet_get_uuid (sheet), error);
  if (versions == NULL)
    return FALSE;
  if (versions->len == 0)
    return TRUE;
  sent = g_ptr_array_index (versions, 0);
  edited = !same_text (sent->title, acq_sheet_get_title (sheet)) ||
           !same_text (sent->organisation, acq_sheet_get_organisation (sheet)) ||
           !same_text (sent->department, acq_sheet_get_department (sheet)) ||
           !same_text (sent->period_from, acq_sheet_get_period_from (sheet)) ||
           !same_text (sent->period_to, acq_sheet_get_period_to (sheet));
  for (guint i = 0; !edited && i < ACQ_N_RUBRICS; i++)
    edited = !same_text (sent->rubrics[i], acq_sheet_get_rubric (sheet, i));
  *out_edited = edited;
  return TRUE;
}

/**
 * acq_review_waiting_by_candidate:
 * @store: the store
 * @error: where to put an error
 *
 * For the sidebar, in one query: the sheets that wait for the accompagnatrice's review.
 *
 * Returns: (transfer full) (element-type utf8 guint): candidate uuid → sheets to review (use
 *   GPOINTER_TO_UINT()); candidates without any are absent. %NULL on error
 */
GHashTable *
acq_review_waiting_by_candidate (AcqStore *store, GError **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(stmt = acq_store_prepare (store, sql_waiting, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, _acq_sql_column_dup (stmt, 0),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "counting sheets to review");
      return NULL;
    }
  return g_steal_pointer (&counts);
}
