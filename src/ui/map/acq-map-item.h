/* acq-map-item.h — one node of the competence map, as a focusable control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-map-layout.h"

G_BEGIN_DECLS

#define ACQ_TYPE_MAP_ITEM (acq_map_item_get_type ())
G_DECLARE_FINAL_TYPE (AcqMapItem, acq_map_item, ACQ, MAP_ITEM, GtkWidget)

GtkWidget *acq_map_item_new             (void);
void       acq_map_item_set_node        (AcqMapItem   *self,
                                         AcqMapLayout *layout,
                                         guint         node);
guint      acq_map_item_get_node        (AcqMapItem   *self);
void       acq_map_item_set_zoom        (AcqMapItem   *self,
                                         double        zoom);
char      *acq_map_item_dup_description (AcqMap       *map,
                                         guint         node);
void       acq_map_item_get_level_color (AcqCoverageLevel level,
                                         gboolean      dark,
                                         GdkRGBA      *color);

G_END_DECLS
