/* acq-map-layout.h — where each node and edge of a mind map goes: a pure function of the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "acq-map.h"

G_BEGIN_DECLS

/* The map's unit is a pixel of a PNG export at scale 1, a point of a PDF or SVG one. Labels
 * are wrapped at these widths; a sheet's title takes at most ACQ_MAP_SHEET_MAX_LINES lines
 * and ends with "…" if longer. */
#define ACQ_MAP_FONT                     "DejaVu Sans"
#define ACQ_MAP_CERTIFICATION_MAX_WIDTH  260.0
#define ACQ_MAP_BLOC_MAX_WIDTH           230.0
#define ACQ_MAP_COMPETENCE_MAX_WIDTH     210.0
#define ACQ_MAP_SHEET_MAX_WIDTH          150.0
#define ACQ_MAP_SHEET_MAX_LINES          3

/* An index that names no edge. */
#define ACQ_MAP_NO_EDGE G_MAXUINT

/**
 * AcqMapPoint:
 * @x: from the centre of the certification, rightwards
 * @y: from the centre of the certification, downwards
 */
typedef struct
{
  double x;
  double y;
} AcqMapPoint;

/**
 * AcqMapBox:
 * @visible: whether the node is shown (see acq_map_is_visible()); if not, the rectangles are
 *   empty
 * @dimmed: whether it belongs to a bloc the candidate does not aim at
 * @rect: the node's box
 * @label: where its text goes, inside @rect
 */
typedef struct
{
  gboolean          visible;
  gboolean          dimmed;
  cairo_rectangle_t rect;
  cairo_rectangle_t label;
} AcqMapBox;

#define ACQ_TYPE_MAP_LAYOUT (acq_map_layout_get_type ())
G_DECLARE_FINAL_TYPE (AcqMapLayout, acq_map_layout, ACQ, MAP_LAYOUT, GObject)

AcqMapLayout      *acq_map_layout_compute    (AcqMap       *map);
AcqMap            *acq_map_layout_get_map    (AcqMapLayout *self);
void               acq_map_layout_get_bounds (AcqMapLayout *self,
                                              cairo_rectangle_t *bounds);
const AcqMapBox   *acq_map_layout_get_box    (AcqMapLayout *self,
                                              guint         node);
const AcqMapPoint *acq_map_layout_get_path   (AcqMapLayout *self,
                                              guint         edge,
                                              guint        *n_points);
PangoLayout       *acq_map_layout_get_text   (AcqMapLayout *self,
                                              guint         node);
double             acq_map_layout_get_edge_distance (AcqMapLayout *self,
                                                     guint         edge,
                                                     double        x,
                                                     double        y);
void               acq_map_layout_get_marks  (AcqMapLayout *self,
                                              guint         node,
                                              cairo_rectangle_t *icon,
                                              cairo_rectangle_t *fold);
guint              acq_map_layout_find_link  (AcqMapLayout *self,
                                              double        x,
                                              double        y,
                                              double        max_distance);
double             acq_map_layout_get_text_size (AcqMapLayout *self,
                                                 guint         node);
double             acq_map_layout_get_readable_zoom (AcqMapLayout *self,
                                                     double        min_pixels);
double             acq_map_layout_get_link_length (AcqMapLayout *self);
guint              acq_map_layout_find_in_direction (AcqMapLayout *self,
                                                     guint         node,
                                                     double        dx,
                                                     double        dy);

G_END_DECLS
