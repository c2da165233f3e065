/* acq-guidance-private.h — the guidance loader, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-guidance.h"

G_BEGIN_DECLS

AcqGuidance *_acq_guidance_new_from_bytes (GBytes      *bytes,
                                           const char  *fiche_number,
                                           const char  *name,
                                           GError     **error);

G_END_DECLS
