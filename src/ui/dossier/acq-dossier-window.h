/* acq-dossier-window.h — the candidate's Dossier Professionnel as it will print, and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_DOSSIER_WINDOW (acq_dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqDossierWindow, acq_dossier_window, ACQ, DOSSIER_WINDOW, AdwWindow)

AcqDossierWindow *acq_dossier_window_new (GtkWindow    *parent,
                                          AcqStore     *store,
                                          AcqCandidate *candidate);

G_END_DECLS
