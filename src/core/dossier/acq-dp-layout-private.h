/* acq-dp-layout-private.h — what the dossier generator shares with the DP layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "acq-dp-layout.h"

G_BEGIN_DECLS

/* Called as paragraphs are shaped ahead: @done of @total. */
typedef void (*AcqDpPrepareFunc) (guint done, guint total, gpointer user_data);

PangoContext *_acq_dp_layout_get_context      (AcqDpLayout              *self);
void          _acq_dp_layout_keep_layouts     (AcqDpLayout              *self);
void          _acq_dp_layout_set_reading_style (AcqDpLayout             *self,
                                                const char              *family,
                                                double                   size,
                                                double                   spacing);
void          _acq_dp_layout_prepare_examples (AcqDpLayout              *self,
                                               const AcqDpExample *const *examples,
                                               guint                     n_examples,
                                               GCancellable             *cancellable,
                                               AcqDpPrepareFunc          func,
                                               gpointer                  user_data);

G_END_DECLS
