/* acq-parcours-event-dialog.h — adding or changing one event of a candidate's parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-parcours.h"

G_BEGIN_DECLS

#define ACQ_TYPE_PARCOURS_EVENT_DIALOG (acq_parcours_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AcqParcoursEventDialog, acq_parcours_event_dialog, ACQ,
                      PARCOURS_EVENT_DIALOG, AdwWindow)

AcqParcoursEventDialog *acq_parcours_event_dialog_new (GtkWindow              *parent,
                                                       AcqStore               *store,
                                                       const char             *candidate_uuid,
                                                       const AcqParcoursEvent *event);

G_END_DECLS
