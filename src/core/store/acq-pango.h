/* acq-pango.h — the one Pango context recipe for text that must measure the same everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

PangoContext *acq_pango_context_new (void);

G_END_DECLS
