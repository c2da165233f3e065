/* acq-changes-window.h — what changed in a sheet since the accompagnatrice last reviewed it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-sheet-list.h"

G_BEGIN_DECLS

void acq_changes_window_show (GtkWindow    *parent,
                              AcqSheetList *list,
                              AcqSheet     *sheet);

G_END_DECLS
