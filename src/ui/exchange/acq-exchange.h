/* acq-exchange.h — the main window's exchange of .acquis files: send, import, conflicts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_EXCHANGE (acq_exchange_get_type ())
G_DECLARE_FINAL_TYPE (AcqExchange, acq_exchange, ACQ, EXCHANGE, GObject)

AcqExchange *acq_exchange_new            (GtkWindow        *window,
                                          GSettings        *settings);
GtkWidget   *acq_exchange_get_banner     (AcqExchange      *self);
void         acq_exchange_set_candidates (AcqExchange      *self,
                                          AcqCandidateList *candidates);
void         acq_exchange_set_candidate  (AcqExchange      *self,
                                          AcqCandidate     *candidate);

G_END_DECLS
