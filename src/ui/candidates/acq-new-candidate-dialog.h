/* acq-new-candidate-dialog.h — asks the name of a new candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_NEW_CANDIDATE_DIALOG (acq_new_candidate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AcqNewCandidateDialog, acq_new_candidate_dialog, ACQ, NEW_CANDIDATE_DIALOG,
                      AdwWindow)

AcqNewCandidateDialog *acq_new_candidate_dialog_new (GtkWindow *parent,
                                                     AcqStore  *store);

G_END_DECLS
