/* acq-complaints-window.h — the complaints log of the practice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_COMPLAINTS_WINDOW (acq_complaints_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqComplaintsWindow, acq_complaints_window, ACQ, COMPLAINTS_WINDOW,
                      AdwWindow)

AcqComplaintsWindow *acq_complaints_window_new  (GtkWindow           *parent,
                                                 AcqStore            *store,
                                                 GListModel          *candidates);
void                 acq_complaints_window_edit (AcqComplaintsWindow *self,
                                                 const char          *uuid);

G_END_DECLS
