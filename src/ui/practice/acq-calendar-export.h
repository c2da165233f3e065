/* acq-calendar-export.h — the calendar of one candidate or of the caseload, to a .ics file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-store.h"

G_BEGIN_DECLS

void acq_calendar_export_choose (GtkWindow    *parent,
                                 GtkWidget    *toast_widget,
                                 AcqStore     *store,
                                 AcqCandidate *candidate);

G_END_DECLS
