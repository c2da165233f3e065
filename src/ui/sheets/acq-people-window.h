/* acq-people-window.h — People Mentioned: the names a candidate writes about, and what the
 * outputs print instead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-sheet-list.h"

G_BEGIN_DECLS

void acq_people_window_show (GtkWindow    *parent,
                             AcqSheetList *list);

G_END_DECLS
