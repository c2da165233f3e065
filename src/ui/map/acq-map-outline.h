/* acq-map-outline.h — the competence map as an outline: a tree list for narrow windows and
 * screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-map.h"

G_BEGIN_DECLS

#define ACQ_TYPE_MAP_OUTLINE (acq_map_outline_get_type ())
G_DECLARE_FINAL_TYPE (AcqMapOutline, acq_map_outline, ACQ, MAP_OUTLINE, GtkWidget)

GtkWidget *acq_map_outline_new     (void);
void       acq_map_outline_set_map (AcqMapOutline *self,
                                    AcqMap        *map);

G_END_DECLS
