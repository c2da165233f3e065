/* acq-dp-layout-private.h — what the dossier generator shares with the DP layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "acq-dp-layout.h"

G_BEGIN_DECLS

PangoContext *_acq_dp_layout_get_context  (AcqDpLayout *self);
void          _acq_dp_layout_keep_layouts (AcqDpLayout *self);

G_END_DECLS
