/* acq-jury-window.h — a candidate's jury: the session, the checklist, the result, rehearsals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-store.h"
#include "acq-types.h"

G_BEGIN_DECLS

#define ACQ_TYPE_JURY_WINDOW (acq_jury_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqJuryWindow, acq_jury_window, ACQ, JURY_WINDOW, AdwWindow)

AcqJuryWindow *acq_jury_window_new (GtkWindow    *parent,
                                    AcqStore     *store,
                                    AcqCandidate *candidate,
                                    AcqRole       role);

G_END_DECLS
