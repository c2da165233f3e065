/* acq-comment.h — comments on a sheet's rubrics, anchored to the words they are about, with
 * replies; this keeps them, re-anchoring them after an edit is acq-anchor's work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-review.h"

G_BEGIN_DECLS

/* Longest comment accepted, in characters. */
#define ACQ_COMMENT_MAX_CHARS 20000
/* Longest quoted passage, and longest context kept on each side of it, in characters. */
#define ACQ_COMMENT_QUOTE_MAX_CHARS ACQ_SHEET_RUBRIC_MAX_CHARS
#define ACQ_COMMENT_CONTEXT_MAX_CHARS 200

typedef struct
{
  char     *uuid;
  char     *sheet_uuid;
  AcqRubric rubric;
  char     *parent_uuid;  /* the comment this one answers, or NULL for a thread's first */
  AcqRole   author_role;
  char     *body;
  /* The anchor, last known: the quoted words and where they were in the rubric (offsets in
   * characters, end excluded), with a few words of context on each side to find them again.
   * quote == NULL: a comment on the whole rubric (or whose words were deleted). */
  char     *quote;
  int       anchor_start;
  int       anchor_end;
  char     *prefix;
  char     *suffix;
  gboolean  resolved;     /* meaningful on a thread's first comment: it resolves the thread */
  char     *created_at;
  char     *updated_at;
} AcqComment;

#define ACQ_TYPE_COMMENT (acq_comment_get_type ())
GType       acq_comment_get_type       (void);
AcqComment *acq_comment_new            (const char   *sheet_uuid,
                                        AcqRubric     rubric,
                                        AcqRole       author_role,
                                        const char   *body);
void        acq_comment_set_anchor     (AcqComment   *comment,
                                        const char   *quote,
                                        int           anchor_start,
                                        int           anchor_end,
                                        const char   *prefix,
                                        const char   *suffix);
AcqComment *acq_comment_copy           (const AcqComment *comment);
void        acq_comment_free           (AcqComment   *comment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqComment, acq_comment_free)

gboolean    acq_comment_validate       (const AcqComment *comment,
                                        GError      **error);
gboolean    acq_comment_insert         (AcqStore     *store,
                                        AcqComment   *comment,
                                        GError      **error);
AcqComment *acq_comment_reply          (AcqStore     *store,
                                        const AcqComment *comment,
                                        AcqRole       author_role,
                                        const char   *body,
                                        GError      **error);
gboolean    acq_comment_set_resolved   (AcqStore     *store,
                                        AcqComment   *comment,
                                        gboolean      resolved,
                                        GError      **error);
gboolean    acq_comment_update_anchor  (AcqStore     *store,
                                        AcqComment   *comment,
                                        GError      **error);
gboolean    acq_comment_delete         (AcqStore     *store,
                                        const AcqComment *comment,
                                        GError      **error);
GPtrArray  *acq_comment_list           (AcqStore     *store,
                                        const char   *sheet_uuid,
                                        GError      **error);
gboolean    acq_comment_count_unresolved (AcqStore   *store,
                                          const char *sheet_uuid,
                                          guint      *out_count,
                                          GError    **error);
gboolean    acq_comment_count_unresolved_for_candidate (AcqStore   *store,
                                                        const char *candidate_uuid,
                                                        guint      *out_count,
                                                        GError    **error);
GHashTable *acq_comment_unresolved_by_sheet     (AcqStore   *store,
                                                 const char *candidate_uuid,
                                                 GError    **error);
GHashTable *acq_comment_unresolved_by_candidate (AcqStore   *store,
                                                 GError    **error);

G_END_DECLS
