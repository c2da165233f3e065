/* acq-diff.h — word-level differences between two versions of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AcqDiffOp:
 * @ACQ_DIFF_EQUAL: the text is in both versions
 * @ACQ_DIFF_INSERTED: the text is only in the new version
 * @ACQ_DIFF_DELETED: the text is only in the old version
 */
typedef enum
{
  ACQ_DIFF_EQUAL,
  ACQ_DIFF_INSERTED,
  ACQ_DIFF_DELETED,
} AcqDiffOp;

/**
 * AcqDiffSpan:
 * @op: whether @text was kept, inserted or deleted
 * @text: the UTF-8 text of the span, never empty
 *
 * One piece of a word-level diff. Concatenating the %ACQ_DIFF_EQUAL and
 * %ACQ_DIFF_DELETED spans in order gives back the old text exactly; the
 * %ACQ_DIFF_EQUAL and %ACQ_DIFF_INSERTED spans give back the new one.
 */
typedef struct
{
  AcqDiffOp  op;
  char      *text;
} AcqDiffSpan;

void       acq_diff_span_free (AcqDiffSpan *span);
GPtrArray *acq_diff_words     (const char  *old_text,
                               const char  *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDiffSpan, acq_diff_span_free)

G_END_DECLS
