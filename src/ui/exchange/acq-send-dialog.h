/* acq-send-dialog.h — sending a candidate's dossier as an encrypted .acquis file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-exchange-folder.h"
#include "acq-review.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_SEND_DIALOG (acq_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AcqSendDialog, acq_send_dialog, ACQ, SEND_DIALOG, AdwWindow)

AcqSendDialog *acq_send_dialog_new (GtkWindow         *parent,
                                    AcqStore          *store,
                                    AcqCandidate      *candidate,
                                    AcqRole            role,
                                    AcqExchangeFolder *folder,
                                    gboolean           remember);

G_END_DECLS
