/* acq-date-button.h — a date shown on a button, picked on a calendar or typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-text.h"

G_BEGIN_DECLS

#define ACQ_TYPE_DATE_BUTTON (acq_date_button_get_type ())
G_DECLARE_FINAL_TYPE (AcqDateButton, acq_date_button, ACQ, DATE_BUTTON, GtkWidget)

const char *acq_date_button_get_date  (AcqDateButton *self);
void        acq_date_button_set_date  (AcqDateButton *self,
                                       const char    *iso_date);
void        acq_date_button_set_bound (AcqDateButton *self,
                                       AcqDateBound   bound);

G_END_DECLS
