/* acq-map-export.h — the whole mind map as PNG, SVG, PDF or OPML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "acq-map-layout.h"

G_BEGIN_DECLS

typedef enum
{
  ACQ_MAP_FORMAT_PNG,
  ACQ_MAP_FORMAT_SVG,
  ACQ_MAP_FORMAT_PDF,
  ACQ_MAP_FORMAT_OPML,
} AcqMapFormat;

/* A PNG is drawn at one pixel per unit of the map, smaller if a side would pass this. */
#define ACQ_MAP_PNG_MAX_SIDE 16384

gboolean  acq_map_format_for_path    (const char    *path,
                                      AcqMapFormat  *format);

void      acq_map_draw               (AcqMapLayout  *layout,
                                      cairo_t       *cr);
void      acq_map_draw_level_shape   (cairo_t       *cr,
                                      AcqCoverageLevel level,
                                      double         x,
                                      double         y,
                                      double         size);
void      acq_map_draw_fold_shape    (cairo_t       *cr,
                                      double         x,
                                      double         y,
                                      double         size);
void      acq_map_trace_path         (cairo_t       *cr,
                                      const AcqMapPoint *points,
                                      guint          n_points);
void      acq_map_export_get_size    (AcqMapLayout  *layout,
                                      double        *width,
                                      double        *height);
void      acq_map_export_draw        (AcqMapLayout  *layout,
                                      cairo_t       *cr);
char     *acq_map_export_opml        (AcqMap        *map);
gboolean  acq_map_export             (AcqMapLayout  *layout,
                                      const char    *path,
                                      GError       **error);
void      acq_map_export_async       (AcqStore      *store,
                                      const char    *candidate_uuid,
                                      const char    *title,
                                      const char *const *folded,
                                      const char    *path,
                                      GCancellable  *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer       user_data);
gboolean  acq_map_export_finish      (AcqStore      *store,
                                      GAsyncResult  *result,
                                      GError       **error);

G_END_DECLS
