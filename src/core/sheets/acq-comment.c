/* acq-comment.c — comments on a sheet's rubrics, anchored to the words they are about, with
 * replies; this keeps them, re-anchoring them after an edit is acq-anchor's work
 *
 * A thread is a first comment and its replies; a thread is resolved as a whole, and the
 * unresolved counts shown in the sheet list and the sidebar count threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-comment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-comment.h"
#include "acq-sql-private.h"
#include "acq-text.h"

G_DEFINE_BOXED_TYPE (AcqComment, acq_comment, acq_comment_copy, acq_comment_free)

#define COMMENT_COLUMNS                                                                       \
  "uuid, sheet_uuid, rubric, parent_uuid, author_role, body, quote, anchor_start,"            \
  " anchor_end, prefix, suffix, resolved, created_at, updated_at"

static const char sql_insert[] =
  "INSERT INTO comment (" COMMENT_COLUMNS ") VALUES"
  " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)";
static const char sql_resolve[] =
  "UPDATE comment SET resolved = ?2, updated_at = ?3 WHERE uuid = ?1";
static const char sql_update_anchor[] =
  "UPDATE comment SET quote = ?2, anchor_start = ?3, anchor_end = ?4, prefix = ?5,"
  " suffix = ?6, updated_at = ?7 WHERE uuid = ?1";
static const char sql_delete[] = "DELETE FROM comment WHERE uuid = ?1";
/* Threads in the order of the rubrics, then as they were started; each first comment is
 * followed by its replies. */
static const char sql_list[] =
  "SELECT c.uuid, c.sheet_uuid, c.rubric, c.parent_uuid, c.author_role, c.body, c.quote,"
  " c.anchor_start, c.anchor_end, c.prefix, c.suffix, c.resolved, c.created_at, c.updated_at"
  " FROM comment c LEFT JOIN comment p ON p.uuid = c.parent_uuid WHERE c.sheet_uuid = ?1"
  " ORDER BY c.rubric, coalesce (p.created_at, c.created_at), coalesce (p.rowid, c.rowid),"
  " c.parent_uuid IS NOT NULL, c.created_at, c.rowid";
static const char sql_count_sheet[] =
  "SELECT count(*) FROM comment WHERE sheet_uuid = ?1 AND parent_uuid IS NULL AND resolved = 0";
static const char sql_count_candidate[] =
  "SELECT count(*) FROM comment c JOIN sheet s ON s.uuid = c.sheet_uuid"
  " WHERE s.candidate_uuid = ?1 AND s.deleted_at IS NULL AND c.parent_uuid IS NULL"
  " AND c.resolved = 0";
static const char sql_by_sheet[] =
  "SELECT c.sheet_uuid, count(*) FROM comment c JOIN sheet s ON s.uuid = c.sheet_uuid"
  " WHERE s.candidate_uuid = ?1 AND s.deleted_at IS NULL AND c.parent_uuid IS NULL"
  " AND c.resolved = 0 GROUP BY c.sheet_uuid";
static const char sql_by_candidate[] =
  "SELECT s.candidate_uuid, count(*) FROM comment c JOIN sheet s ON s.uuid = c.sheet_uuid"
  " JOIN candidate k ON k.uuid = s.candidate_uuid"
  " WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL AND c.parent_uuid IS NULL"
  " AND c.resolved = 0 GROUP BY s.candidate_uuid";

/**
 * acq_comment_new:
 * @sheet_uuid: the sheet
 * @rubric: the rubric commented on
 * @author_role: who writes
 * @body: the comment
 *
 * A comment on the whole rubric, not stored yet: anchor it to words with
 * acq_comment_set_anchor(), store it with acq_comment_insert().
 *
 * Returns: (transfer full): the comment
 */
AcqComment *
acq_comment_new (const char *sheet_uuid, AcqRubric rubric, AcqRole author_role,
                 const char *body)
{
  AcqComment *comment;

  g_return_val_if_fail (sheet_uuid != NULL, NULL);
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  g_return_val_if_fail (author_role < ACQ_N_ROLES, NULL);

  comment = g_new0 (AcqComment, 1);
  comment->uuid = acq_store_new_uuid ();
  comment->sheet_uuid = g_strdup (sheet_uuid);
  comment->rubric = rubric;
  comment->author_role = author_role;
  comment->body = g_strdup (body ? body : "");
  comment->anchor_start = comment->anchor_end = -1;
  return comment;
}

/**
 * acq_comment_set_anchor:
 * @comment: a comment
 * @quote: (nullable): the words commented on, or %NULL for the whole rubric
 * @anchor_start: where they begin in the rubric, in characters
 * @anchor_end: where they end, in characters, excluded
 * @prefix: (nullable): a few words just before them
 * @suffix: (nullable): a few words just after them
 *
 * Sets the anchor in memory; acq_comment_update_anchor() stores it for a stored comment.
 */
void
acq_comment_set_anchor (AcqComment *comment, const char *quote, int anchor_start,
                        int anchor_end, const char *prefix, const char *suffix)
{
  g_return_if_fail (comment != NULL);

  g_clear_pointer (&comment->quote, g_free);
  g_clear_pointer (&comment->prefix, g_free);
  g_clear_pointer (&comment->suffix, g_free);
  comment->anchor_start = comment->anchor_end = -1;
  if (quote == NULL)
    return;
  comment->quote = g_strdup (quote);
  comment->anchor_start = anchor_start;
  comment->anchor_end = anchor_end;
  comment->prefix = g_strdup (prefix);
  comment->suffix = g_strdup (suffix);
}

AcqComment *
acq_comment_copy (const AcqComment *comment)
{
  AcqComment *copy = g_memdup2 (comment, sizeof *comment);

  copy->uuid = g_strdup (comment->uuid);
  copy->sheet_uuid = g_strdup (comment->sheet_uuid);
  copy->parent_uuid = g_strdup (comment->parent_uuid);
  copy->body = g_strdup (comment->body);
  copy->quote = g_strdup (comment->quote);
  copy->prefix = g_strdup (comment->prefix);
  copy->suffix = g_strdup (comment->suffix);
  copy->created_at = g_strdup (comment->created_at);
  copy->updated_at = g_strdup (comment->updated_at);
  return copy;
}

void
acq_comment_free (AcqComment *comment)
{
  if (comment == NULL)
    return;
  g_free (comment->uuid);
  g_free (comment->sheet_uuid);
  g_free (comment->parent_uuid);
  g_free (comment->body);
  g_free (comment->quote);
  g_free (comment->prefix);
  g_free (comment->suffix);
  g_free (comment->created_at);
  g_free (comment->updated_at);
  g_free (comment);
}

/**
 * acq_comment_validate:
 * @comment: a comment
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error
 *
 * Returns: %TRUE if the comment has text, all of it valid and not too long, and an anchor
 *   that makes sense
 */
gboolean
acq_comment_validate (const AcqComment *comment, GError **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (comment != NULL, FALSE);
  if (!acq_text_validate (comment->body, ACQ_COMMENT_MAX_CHARS, _("Comment"), error) ||
      !acq_text_validate (comment->quote, ACQ_COMMENT_QUOTE_MAX_CHARS, _("Quoted passage"),
                          error) ||
      !acq_text_validate (comment->prefix, ACQ_COMMENT_CONTEXT_MAX_CHARS, _("Quoted passage"),
                          error) ||
      !acq_text_validate (comment->suffix, ACQ_COMMENT_CONTEXT_MAX_CHARS, _("Quoted passage"),
                          error))
    return FALSE;
  stripped = g_strstrip (g_strdup (comment->body));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                           _("This comment is empty. Write something, then add it."));
      return FALSE;
    }
  if (comment->quote != NULL &&
      (comment->anchor_start < 0 || comment->anchor_end < comment->anchor_start))
    {
      g_set_error_literal (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                           _("The passage this comment is about could not be found. Select it "
                             "again."));
      return FALSE;
    }
  return TRUE;
}

static void
bind_anchor (sqlite3_stmt *stmt, int first, const AcqComment *comment)
{
  _acq_sql_bind_text (stmt, first, comment->quote);
  if (comment->quote != NULL)
    {
      sqlite3_bind_int (stmt, first + 1, comment->anchor_start);
      sqlite3_bind_int (stmt, first + 2, comment->anchor_end);
    }
  else
    {
      sqlite3_bind_null (stmt, first + 1);
      sqlite3_bind_null (stmt, first + 2);
    }
  _acq_sql_bind_text (stmt, first + 3, comment->quote ? comment->prefix : NULL);
  _acq_sql_bind_text (stmt, first + 4, comment->quote ? comment->suffix : NULL);
}

/**
 * acq_comment_insert:
 * @store: the store
 * @comment: a comment made with acq_comment_new(), not stored yet
 * @error: where to put an error
 *
 * Stores the comment; on success its timestamps are set.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_insert (AcqStore *store, AcqComment *comment, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment != NULL, FALSE);

  if (!acq_comment_validate (comment, error) ||
      !(stmt = acq_store_prepare (store, sql_insert, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, comment->uuid);
  _acq_sql_bind_text (stmt, 2, comment->sheet_uuid);
  sqlite3_bind_int (stmt, 3, comment->rubric);
  _acq_sql_bind_text (stmt, 4, comment->parent_uuid);
  sqlite3_bind_int (stmt, 5, comment->author_role);
  _acq_sql_bind_text (stmt, 6, comment->body);
  bind_anchor (stmt, 7, comment);
  sqlite3_bind_int (stmt, 12, comment->resolved ? 1 : 0);
  _acq_sql_bind_text (stmt, 13, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  g_free (comment->created_at);
  g_free (comment->updated_at);
  comment->created_at = g_strdup (now);
  comment->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/**
 * acq_comment_reply:
 * @store: the store
 * @comment: a stored comment, the first of its thread or a reply in it
 * @author_role: who answers
 * @body: the answer
 * @error: where to put an error
 *
 * Answers in @comment's thread: the reply is about the same rubric and has no anchor of its
 * own.
 *
 * Returns: (transfer full): the stored reply, or %NULL
 */
AcqComment *
acq_comment_reply (AcqStore *store, const AcqComment *comment, AcqRole author_role,
                   const char *body, GError **error)
{
  g_autoptr (AcqComment) reply = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (comment != NULL, NULL);

  reply = acq_comment_new (comment->sheet_uuid, comment->rubric, author_role, body);
  if (reply == NULL)
    return NULL;
  reply->parent_uuid = g_strdup (comment->parent_uuid ? comment->parent_uuid : comment->uuid);
  if (!acq_comment_insert (store, reply, error))
    return NULL;
  return g_steal_pointer (&reply);
}

/**
 * acq_comment_set_resolved:
 * @store: the store
 * @comment: a stored comment; a reply resolves its thread
 * @resolved: %TRUE to resolve, %FALSE to open again
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_set_resolved (AcqStore *store, AcqComment *comment, gboolean resolved,
                          GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment != NULL, FALSE);

  if (!(stmt = acq_store_prepare (store, sql_resolve, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, comment->parent_uuid ? comment->parent_uuid : comment->uuid);
  sqlite3_bind_int (stmt, 2, resolved ? 1 : 0);
  _acq_sql_bind_text (stmt, 3, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  comment->resolved = !!resolved;
  return TRUE;
}

/**
 * acq_comment_update_anchor:
 * @store: the store
 * @comment: a stored comment whose anchor was found again after an edit, and set with
 *   acq_comment_set_anchor() (a %NULL quote: its words were deleted, it is now on the rubric)
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_update_anchor (AcqStore *store, AcqComment *comment, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment != NULL, FALSE);

  if (!acq_comment_validate (comment, error) ||
      !(stmt = acq_store_prepare (store, sql_update_anchor, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, comment->uuid);
  bind_anchor (stmt, 2, comment);
  _acq_sql_bind_text (stmt, 7, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  g_free (comment->updated_at);
  comment->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/**
 * acq_comment_delete:
 * @store: the store
 * @comment: a stored comment; deleting the first of a thread deletes its replies
 * @error: where to put an error
 *
 * There is no undo: the UI asks for a confirmation first.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_delete (AcqStore *store, const AcqComment *comment, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (comment != NULL, FALSE);

  if (!(stmt = acq_store_prepare (store, sql_delete, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, comment->uuid);
  return acq_store_step_done (store, stmt, error);
}

static AcqComment *
comment_from_row (sqlite3_stmt *stmt)
{
  AcqComment *comment = g_new0 (AcqComment, 1);

  comment->uuid = _acq_sql_column_dup (stmt, 0);
  comment->sheet_uuid = _acq_sql_column_dup (stmt, 1);
  comment->rubric = CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_RUBRICS - 1);
  comment->parent_uuid = _acq_sql_column_dup (stmt, 3);
  comment->author_role = CLAMP (sqlite3_column_int (stmt, 4), 0, ACQ_N_ROLES - 1);
  comment->body = _acq_sql_column_dup (stmt, 5);
  comment->quote = _acq_sql_column_dup (stmt, 6);
  comment->anchor_start = comment->quote ? sqlite3_column_int (stmt, 7) : -1;
  comment->anchor_end = comment->quote ? sqlite3_column_int (stmt, 8) : -1;
  comment->prefix = _acq_sql_column_dup (stmt, 9);
  comment->suffix = _acq_sql_column_dup (stmt, 10);
  comment->resolved = sqlite3_column_int (stmt, 11) != 0;
  comment->created_at = _acq_sql_column_dup (stmt, 12);
  comment->updated_at = _acq_sql_column_dup (stmt, 13);
  return comment;
}

/**
 * acq_comment_list:
 * @store: the store
 * @sheet_uuid: a sheet
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqComment): the sheet's comments, by rubric, each
 *   thread's first comment followed by its replies, or %NULL
 */
GPtrArray *
acq_comment_list (AcqStore *store, const char *sheet_uuid, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_comment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet_uuid != NULL, NULL);

  if (!(stmt = acq_store_prepare (store, sql_list, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, sheet_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, comment_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "listing comments");
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
count (AcqStore *store, const char *sql, const char *uuid, guint *out_count, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  int rc;

  *out_count = 0;
  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "counting comments");
  return TRUE;
}

/**
 * acq_comment_count_unresolved:
 * @store: the store
 * @sheet_uuid: a sheet
 * @out_count: (out): how many of its threads are not resolved
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_count_unresolved (AcqStore *store, const char *sheet_uuid, guint *out_count,
                              GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (sheet_uuid != NULL && out_count != NULL, FALSE);
  return count (store, sql_count_sheet, sheet_uuid, out_count, error);
}

/**
 * acq_comment_count_unresolved_for_candidate:
 * @store: the store
 * @candidate_uuid: a candidate
 * @out_count: (out): how many threads are not resolved on their sheets (deleted ones aside)
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_comment_count_unresolved_for_candidate (AcqStore *store, const char *candidate_uuid,
                                            guint *out_count, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && out_count != NULL, FALSE);
  return count (store, sql_count_candidate, candidate_uuid, out_count, error);
}

static GHashTable *
count_grouped (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    _acq_sql_bind_text (stmt, 1, uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, _acq_sql_column_dup (stmt, 0),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "counting comments");
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * acq_comment_unresolved_by_sheet:
 * @store: the store
 * @candidate_uuid: a candidate
 * @error: where to put an error
 *
 * For the sheet list, in one query.
 *
 * Returns: (transfer full) (element-type utf8 guint): sheet uuid → unresolved threads (use
 *   GPOINTER_TO_UINT()); sheets without any are absent. %NULL on error
 */
GHashTable *
acq_comment_unresolved_by_sheet (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  return count_grouped (store, sql_by_sheet, candidate_uuid, error);
}

/**
 * acq_comment_unresolved_by_candidate:
 * @store: the store
 * @error: where to put an error
 *
 * For the sidebar, in one query.
 *
 * Returns: (transfer full) (element-type utf8 guint): candidate uuid → unresolved threads
 *   (use GPOINTER_TO_UINT()); candidates without any are absent. %NULL on error
 */
GHashTable *
acq_comment_unresolved_by_candidate (AcqStore *store, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  return count_grouped (store, sql_by_candidate, NULL, error);
}
