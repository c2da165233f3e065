/* acq-anchor.h — where a comment is attached in a rubric, surviving edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACQ_TYPE_ANCHOR (acq_anchor_get_type ())

typedef struct _AcqAnchor AcqAnchor;

GType       acq_anchor_get_type       (void) G_GNUC_CONST;
AcqAnchor  *acq_anchor_new            (const char      *text,
                                       int              start,
                                       int              end);
AcqAnchor  *acq_anchor_new_from_parts (const char      *quote,
                                       const char      *prefix,
                                       const char      *suffix,
                                       int              start,
                                       int              end);
AcqAnchor  *acq_anchor_copy           (const AcqAnchor *anchor);
void        acq_anchor_free           (AcqAnchor       *anchor);
const char *acq_anchor_get_quote      (const AcqAnchor *anchor);
const char *acq_anchor_get_prefix     (const AcqAnchor *anchor);
const char *acq_anchor_get_suffix     (const AcqAnchor *anchor);
int         acq_anchor_get_start      (const AcqAnchor *anchor);
int         acq_anchor_get_end        (const AcqAnchor *anchor);
gboolean    acq_anchor_resolve        (const AcqAnchor *anchor,
                                       const char      *text,
                                       int             *start,
                                       int             *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqAnchor, acq_anchor_free)

G_END_DECLS
