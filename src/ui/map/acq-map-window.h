/* acq-map-window.h — a candidate's competence map in a window of its own: links made and undone
 * there are stored at once, and the map exported whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_MAP_WINDOW (acq_map_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqMapWindow, acq_map_window, ACQ, MAP_WINDOW, AdwWindow)

AcqMapWindow *acq_map_window_new (GtkWindow    *parent,
                                  AcqSheetList *sheets);

G_END_DECLS
