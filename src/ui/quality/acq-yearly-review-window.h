/* acq-yearly-review-window.h — the Qualiopi yearly review: its year, its improvement actions,
 * its export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_YEARLY_REVIEW_WINDOW (acq_yearly_review_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqYearlyReviewWindow, acq_yearly_review_window, ACQ, YEARLY_REVIEW_WINDOW,
                      AdwWindow)

AcqYearlyReviewWindow *acq_yearly_review_window_new (GtkWindow *parent,
                                                     AcqStore  *store);

G_END_DECLS
