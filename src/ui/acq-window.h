/* acq-window.h — the main window: the candidates sidebar and the selected candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-application.h"
#include "acq-candidate-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_WINDOW (acq_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqWindow, acq_window, ACQ, WINDOW, AdwApplicationWindow)

AcqWindow *acq_window_new                 (AcqApplication   *application);
void       acq_window_set_candidates      (AcqWindow        *self,
                                           AcqCandidateList *candidates);
void       acq_window_show_today          (AcqWindow        *self);
void       acq_window_prefetch_today      (AcqWindow        *self,
                                           AcqStore         *store);
void       acq_window_show_error          (AcqWindow        *self,
                                           const char       *message);
void       acq_window_set_read_only       (AcqWindow        *self,
                                           gboolean          read_only);
void       acq_window_show_store_problem  (AcqWindow        *self,
                                           const char       *data_dir,
                                           const char       *message,
                                           gboolean          damaged);

G_END_DECLS
