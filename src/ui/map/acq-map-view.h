/* acq-map-view.c — the competence map on screen: nodes to focus, click and drag, zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-map-layout.h"

G_BEGIN_DECLS

/* The zoom goes from a map a tenth of its size to four times its size. */
#define ACQ_MAP_VIEW_MIN_ZOOM 0.1
#define ACQ_MAP_VIEW_MAX_ZOOM 4.0

#define ACQ_TYPE_MAP_VIEW (acq_map_view_get_type ())
G_DECLARE_FINAL_TYPE (AcqMapView, acq_map_view, ACQ, MAP_VIEW, GtkWidget)

GtkWidget    *acq_map_view_new          (void);
void          acq_map_view_set_map      (AcqMapView   *self,
                                         AcqMap       *map);
AcqMap       *acq_map_view_get_map      (AcqMapView   *self);
AcqMapLayout *acq_map_view_get_layout   (AcqMapView   *self);
double        acq_map_view_get_zoom     (AcqMapView   *self);
void          acq_map_view_zoom_by      (AcqMapView   *self,
                                         double        factor);
void          acq_map_view_zoom_fit     (AcqMapView   *self);
void          acq_map_view_pan_by       (AcqMapView   *self,
                                         double        dx,
                                         double        dy);
guint         acq_map_view_set_search   (AcqMapView   *self,
                                         const char   *text,
                                         GHashTable   *sheet_uuids);
gboolean      acq_map_view_focus_match  (AcqMapView   *self);
gboolean      acq_map_view_focus_node   (AcqMapView   *self,
                                         guint         node);
gboolean      acq_map_view_show_menu    (AcqMapView   *self);
void          acq_map_view_add_obstacle (AcqMapView   *self,
                                         GtkWidget    *widget);

G_END_DECLS
