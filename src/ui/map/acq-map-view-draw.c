/* acq-map-view-draw.c — the map view's drawing: edges, the picture that pans and zooms, the snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-view"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "acq-map-view-private.h"

/* Drawing */

typedef struct
{
  double r, g, b, a;
} Ink;

static void
ensure_edges (AcqMapView *self, gboolean dark)
{
  /* tree edges strong, links lighter; those of dimmed nodes fainter */
  const Ink tree = dark ? (Ink) { 0.60, 0.60, 0.59, 1 } : (Ink) { 0.37, 0.36, 0.39, 1 };
  const Ink link = dark ? (Ink) { 0.47, 0.46, 0.48, 1 } : (Ink) { 0.60, 0.60, 0.59, 1 };
  AcqMap *map = self->map;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  cairo_rectangle_t bounds;
  cairo_t *cr;

  if (self->edges != NULL && self->edges_dark == dark)
    return;
  g_clear_pointer (&self->edges, gsk_render_node_unref);
  acq_map_layout_get_bounds (self->layout, &bounds);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (bounds.x, bounds.y,
                                                                 bounds.width, bounds.height));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* a stroke per edge: replaying the drawing skips those out of view */
  for (guint pass = 0; pass < 4; pass++)
    {
      gboolean want_link = pass & 1, want_dimmed = pass >> 1;
      const Ink *ink = want_link ? &link : &tree;

      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, want_dimmed ? 0.4 : ink->a);
      cairo_set_line_width (cr, want_link ? 1.2 : 2.0);
      for (guint e = 0; e < acq_map_get_n_edges (map); e++)
        {
          const AcqMapEdge *edge = acq_map_get_edge (map, e);
          guint n;
          const AcqMapPoint *points = acq_map_layout_get_path (self->layout, e, &n);

          if (points == NULL ||
              (acq_map_get_node (map, edge->to)->kind == ACQ_MAP_NODE_SHEET) != want_link ||
              acq_map_layout_get_box (self->layout, edge->to)->dimmed != want_dimmed)
            continue;
          acq_map_trace_path (cr, points, n);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
  self->edges = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  self->edges_dark = dark;
}

/* The link being dragged, in the map's units: accent while held, dashed red once off. */
static void
append_dragged_link (AcqMapView *self, GtkSnapshot *snapshot)
{
  guint n;
  const AcqMapPoint *points = acq_map_layout_get_path (self->layout, self->drag_edge, &n);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE, mx, my;
  cairo_t *cr;

  if (points == NULL)
    return;
  _acq_map_view_to_map (self, self->pointer_x, self->pointer_y, &mx, &my);
  for (guint p = 0; p < n; p++)
    {
      x0 = MIN (x0, points[p].x), y0 = MIN (y0, points[p].y);
      x1 = MAX (x1, points[p].x), y1 = MAX (y1, points[p].y);
    }
  if (self->detached)
    {
      x0 = MIN (x0, mx), y0 = MIN (y0, my), x1 = MAX (x1, mx), y1 = MAX (y1, my);
    }
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4.0 / MAX (self->zoom, 0.5));
  acq_map_trace_path (cr, points, n);
  if (self->detached)
    {
      double dash = 6.0 / self->zoom;

      cairo_set_dash (cr, &dash, 1, 0);
      cairo_set_source_rgb (cr, 0.878, 0.106, 0.141);
      cairo_stroke (cr);
      cairo_arc (cr, mx, my, 5.0 / self->zoom, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.208, 0.518, 0.894);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* The sheet being dragged: a dashed line from it to the pointer. */
static void
append_dragged_sheet (AcqMapView *self, GtkSnapshot *snapshot)
{
  graphene_rect_t r = _acq_map_view_view_rect_of (self, self->drag_node);
  double x = r.origin.x + r.size.width / 2, y = r.origin.y + r.size.height / 2;
  double dash = 6;
  cairo_t *cr = gtk_snapshot_append_cairo (
    snapshot, &GRAPHENE_RECT_INIT (0, 0, _acq_map_view_view_width (self), _acq_map_view_view_height (self)));

  cairo_set_source_rgb (cr, 0.208, 0.518, 0.894);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, self->pointer_x, self->pointer_y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, self->pointer_x, self->pointer_y, 5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* The edges, then the items, in the view's coordinates; only those in @viewport if given. */
static void
append_map (AcqMapView *self, GtkSnapshot *snapshot, const graphene_rect_t *viewport)
{
  double w = _acq_map_view_view_width (self), h = _acq_map_view_view_height (self);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w / 2 - self->cx * self->zoom,
                                                          h / 2 - self->cy * self->zoom));
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  gtk_snapshot_append_node (snapshot, self->edges);
  gtk_snapshot_restore (snapshot);
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->items, i);
      graphene_rect_t r;

      if (item == NULL)
        continue;
      r = _acq_map_view_view_rect_of (self, i);
      graphene_rect_inset (&r, -4, -4); /* the focus ring */
      if (viewport == NULL || graphene_rect_intersection (&r, viewport, NULL))
        gtk_widget_snapshot_child (GTK_WIDGET (self), item, snapshot);
    }
}

/* The part of the map in view, in the view's coordinates. */
static gboolean
needed_rect (AcqMapView *self, graphene_rect_t *need)
{
  cairo_rectangle_t bounds;
  graphene_rect_t map, viewport = GRAPHENE_RECT_INIT (0, 0, _acq_map_view_view_width (self),
                                                      _acq_map_view_view_height (self));
  double x, y;

  acq_map_layout_get_bounds (self->layout, &bounds);
  _acq_map_view_to_view (self, bounds.x, bounds.y, &x, &y);
  map = GRAPHENE_RECT_INIT (x, y, bounds.width * self->zoom, bounds.height * self->zoom);
  return graphene_rect_intersection (&map, &viewport, need);
}

static graphene_rect_t
picture_rect (AcqMapView *self)
{
  double x, y, scale = self->zoom / self->picture_zoom;

  _acq_map_view_to_view (self, self->picture_x, self->picture_y, &x, &y);
  if (scale == 1.0)
    x = round (x), y = round (y);
  return GRAPHENE_RECT_INIT (x, y, cairo_image_surface_get_width (self->picture) * scale,
                             cairo_image_surface_get_height (self->picture) * scale);
}

static gboolean
picture_covers (AcqMapView *self)
{
  graphene_rect_t need, have;

  if (self->picture == NULL)
    return FALSE;
  if (!needed_rect (self, &need))
    return TRUE;
  have = picture_rect (self);
  graphene_rect_inset (&have, -1, -1);
  return graphene_rect_contains_rect (&have, &need);
}

/* While the zoom changes, the picture drawn at another zoom will do, scaled, even short of the
 * view's edges: drawing 2,000 items anew takes longer than a frame. Once the zoom rests, the
 * picture is drawn again at the zoom. */
static gboolean
picture_usable (AcqMapView *self)
{
  if (self->picture == NULL)
    return FALSE;
  return self->zooming ||
         (picture_covers (self) && self->picture_valid && self->picture_zoom == self->zoom);
}

/* Whether the next frame draws the picture anew. */
gboolean
_acq_map_view_picture_wanted (AcqMapView *self)
{
  return !picture_usable (self);
}

/* Draws the part of the map in view and around it, half a view each way, into a texture. */
static void
draw_picture (AcqMapView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  cairo_rectangle_t bounds;
  graphene_rect_t need, map, region;
  double x, y, margin_x, margin_y;

  g_clear_pointer (&self->picture, cairo_surface_destroy);
  self->picture_valid = TRUE;
  self->picture_zoom = self->zoom;
  if (renderer == NULL || !needed_rect (self, &need))
    return;
  margin_x = MIN (_acq_map_view_view_width (self) / 2, (PICTURE_MAX_SIDE - need.size.width) / 2);
  margin_y = MIN (_acq_map_view_view_height (self) / 2, (PICTURE_MAX_SIDE - need.size.height) / 2);
  if (margin_x < 0 || margin_y < 0)
    return;
  acq_map_layout_get_bounds (self->layout, &bounds);
  _acq_map_view_to_view (self, bounds.x, bounds.y, &x, &y);
  map = GRAPHENE_RECT_INIT (x, y, bounds.width * self->zoom, bounds.height * self->zoom);
  region = need;
  graphene_rect_inset (&region, -margin_x, -margin_y);
  graphene_rect_intersection (&region, &map, &region);
  graphene_rect_round_extents (&region, &region);
  _acq_map_view_to_map (self, region.origin.x, region.origin.y, &self->picture_x, &self->picture_y);
  append_map (self, snapshot, &region);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    {
      g_autoptr (GdkTexture) texture = gsk_renderer_render_texture (renderer, node, &region);
      int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);

      /* kept as a cairo surface: GTK 4.8's cairo renderer copies a texture whole at each
       * frame, while a cairo node paints only the part in view */
      self->picture = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      gdk_texture_download (texture, cairo_image_surface_get_data (self->picture),
                            cairo_image_surface_get_stride (self->picture));
      cairo_surface_mark_dirty (self->picture);
    }
}

static void
append_picture (AcqMapView *self, GtkSnapshot *snapshot, const graphene_rect_t *viewport)
{
  graphene_rect_t r = picture_rect (self), shown;
  double scale = self->zoom / self->picture_zoom;
  cairo_t *cr;

  if (!graphene_rect_intersection (&r, viewport, &shown))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &shown);
  cairo_translate (cr, r.origin.x, r.origin.y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->picture, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr),
                            scale == 1.0 ? CAIRO_FILTER_FAST : CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* A ring around a node: the focused one, or the competence a sheet is dragged onto. The view
 * draws it over the picture, so that moving the focus does not draw the map anew. */
static void
append_ring (AcqMapView *self, GtkSnapshot *snapshot, guint node, float width)
{
  graphene_rect_t r = _acq_map_view_view_rect_of (self, node);
  GskRoundedRect outline;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { accent, accent, accent, accent };

  graphene_rect_inset (&r, -width - 1, -width - 1);
  gsk_rounded_rect_init_from_rect (&outline, &r, 6 + width);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

void
_acq_map_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  double w = _acq_map_view_view_width (self), h = _acq_map_view_view_height (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, w, h);

  if (self->layout == NULL)
    return;
  gtk_snapshot_push_clip (snapshot, &viewport);
  if (self->edges == NULL || self->edges_dark != dark)
    {
      ensure_edges (self, dark);
      self->picture_valid = FALSE;
    }
  if (_acq_map_view_picture_wanted (self))
    draw_picture (self);
  if (picture_usable (self))
    append_picture (self, snapshot, &viewport);
  else
    append_map (self, snapshot, &viewport);
  if (gtk_widget_get_focus_child (widget) != NULL && _acq_map_view_shown (self, self->selected))
    append_ring (self, snapshot, self->selected, 3);
  /* the zoom rests once no frame had it change for a while, however long frames take */
  if (self->zooming)
    {
      g_clear_handle_id (&self->zoom_end_id, g_source_remove);
      self->zoom_end_id = g_timeout_add (ZOOM_REST_MS, _acq_map_view_zoom_rest_cb, self);
    }
  if (self->drag == DRAG_LINK)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (w / 2 - self->cx * self->zoom,
                                                              h / 2 - self->cy * self->zoom));
      gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
      append_dragged_link (self, snapshot);
      gtk_snapshot_restore (snapshot);
    }
  if (self->drag == DRAG_SHEET && self->dragging)
    {
      if (self->drop_node != ACQ_MAP_NO_NODE)
        append_ring (self, snapshot, self->drop_node, 4);
      append_dragged_sheet (self, snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

