/* acq-satisfaction-window.h — a candidate's satisfaction questionnaire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-satisfaction.h"

G_BEGIN_DECLS

#define ACQ_TYPE_SATISFACTION_WINDOW (acq_satisfaction_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqSatisfactionWindow, acq_satisfaction_window, ACQ, SATISFACTION_WINDOW,
                      AdwWindow)

AcqSatisfactionWindow *acq_satisfaction_window_new (GtkWindow  *parent,
                                                    AcqStore   *store,
                                                    const char *candidate_uuid,
                                                    AcqRole     role);

G_END_DECLS
