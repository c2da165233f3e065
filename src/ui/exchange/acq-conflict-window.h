/* acq-conflict-window.h — a rubric changed on both sides: the two texts, and the user's choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_CONFLICT_WINDOW (acq_conflict_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqConflictWindow, acq_conflict_window, ACQ, CONFLICT_WINDOW, AdwWindow)

AcqConflictWindow *acq_conflict_window_new (GtkWindow *parent,
                                            AcqStore  *store);

G_END_DECLS
