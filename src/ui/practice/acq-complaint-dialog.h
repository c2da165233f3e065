/* acq-complaint-dialog.h — logging or answering one complaint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-complaint.h"

G_BEGIN_DECLS

#define ACQ_TYPE_COMPLAINT_DIALOG (acq_complaint_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AcqComplaintDialog, acq_complaint_dialog, ACQ, COMPLAINT_DIALOG, AdwWindow)

AcqComplaintDialog *acq_complaint_dialog_new (GtkWindow          *parent,
                                              AcqStore           *store,
                                              GListModel         *candidates,
                                              const AcqComplaint *complaint);

G_END_DECLS
