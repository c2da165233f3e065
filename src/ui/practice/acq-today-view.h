/* acq-today-view.h — the home page: what is due today, for the caseload or for the candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-today.h"

G_BEGIN_DECLS

#define ACQ_TYPE_TODAY_VIEW (acq_today_view_get_type ())
G_DECLARE_FINAL_TYPE (AcqTodayView, acq_today_view, ACQ, TODAY_VIEW, GtkWidget)

void            acq_today_view_set_today  (AcqTodayView *self,
                                           AcqToday     *today);
const AcqToday *acq_today_view_get_today  (AcqTodayView *self);
const char     *acq_today_section_title   (AcqTodaySection section);
void            acq_today_view_set_embedded (AcqTodayView *self,
                                             gboolean      embedded);

G_END_DECLS
