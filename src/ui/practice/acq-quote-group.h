/* acq-quote-group.h — a candidate's quote on their page: its terms, sent and accepted, and the
 * documents made from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_QUOTE_GROUP (acq_quote_group_get_type ())
G_DECLARE_FINAL_TYPE (AcqQuoteGroup, acq_quote_group, ACQ, QUOTE_GROUP, AdwPreferencesGroup)

void acq_quote_group_set_candidate (AcqQuoteGroup *self,
                                    AcqStore      *store,
                                    const char    *candidate_uuid);

G_END_DECLS
