/* acq-map-view.c — the competence map on screen: nodes to focus, click and drag, zoom and pan
 *
 * Each node shown is a child widget (an AcqMapItem) as large as its box at the zoom, placed by
 * a translation: panning moves the items' drawings without redrawing them, and the edges,
 * drawn once per layout into a render node in the map's units, move and scale with them. The core lays the map out (acq_map_layout_compute()); the
 * view only changes the zoom, the centre, which nodes are folded, and what is highlighted.
 *
 * A sheet dragged onto a competence asks for a link ("link"); a link dragged away from where it
 * runs asks for its removal ("unlink"): the window stores both and gives the view the new map.
 * From the keyboard, arrows move to the nearest node that way on screen, Backspace (or Alt+Up)
 * to the parent, Space folds a bloc, Enter opens, and the Menu key (or Shift+F10) offers the
 * competences to link a sheet to.
 *
 * The map opens readable: fitted whole if its smallest text is then at least 9 points; else
 * with its blocs folded (each says how many competences it holds, how many validated) if that
 * fits; else at the readable zoom on the candidate's weakest bloc. It does so again when the
 * view's size changes, until the user zooms or pans. The user's own folds win.
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

G_DEFINE_FINAL_TYPE (AcqMapView, acq_map_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

enum
{
  SIGNAL_OPEN_SHEET,
  SIGNAL_LINK,
  SIGNAL_UNLINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Items away from the view keep a stale place (see size_allocate): the picture drawn anew
 * needs them placed again. */
static void
invalidate_picture (AcqMapView *self)
{
  self->picture_valid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_acq_map_view_zoom_rest_cb (gpointer data)
{
  AcqMapView *self = data;

  self->zoom_end_id = 0;
  self->zooming = FALSE;
  invalidate_picture (self);
  return G_SOURCE_REMOVE;
}

/* Coordinates */

double
_acq_map_view_view_width (AcqMapView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

double
_acq_map_view_view_height (AcqMapView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

void
_acq_map_view_to_map (AcqMapView *self, double x, double y, double *mx, double *my)
{
  *mx = (x - _acq_map_view_view_width (self) / 2) / self->zoom + self->cx;
  *my = (y - _acq_map_view_view_height (self) / 2) / self->zoom + self->cy;
}

void
_acq_map_view_to_view (AcqMapView *self, double mx, double my, double *x, double *y)
{
  *x = (mx - self->cx) * self->zoom + _acq_map_view_view_width (self) / 2;
  *y = (my - self->cy) * self->zoom + _acq_map_view_view_height (self) / 2;
}

graphene_rect_t
_acq_map_view_view_rect_of (AcqMapView *self, guint node)
{
  const cairo_rectangle_t *r = &acq_map_layout_get_box (self->layout, node)->rect;
  double x, y;

  _acq_map_view_to_view (self, r->x, r->y, &x, &y);
  return GRAPHENE_RECT_INIT (x, y, r->width * self->zoom, r->height * self->zoom);
}

#define ZOOMED_OUT 0.6 /* below, borders thin out: the boxes' padding shrinks with the zoom */

void
_acq_map_view_changed_view (AcqMapView *self)
{
  if (self->zoom < ZOOMED_OUT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "zoomed-out");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "zoomed-out");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_acq_map_view_set_zoom_at (AcqMapView *self, double zoom, double x, double y)
{
  double mx, my;

  zoom = CLAMP (zoom, ACQ_MAP_VIEW_MIN_ZOOM, ACQ_MAP_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  _acq_map_view_to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  self->zooming = TRUE;
  g_clear_handle_id (&self->zoom_end_id, g_source_remove);
  self->zoom_end_id = g_timeout_add (ZOOM_REST_MS, _acq_map_view_zoom_rest_cb, self);
  self->cx = mx - (x - _acq_map_view_view_width (self) / 2) / zoom;
  self->cy = my - (y - _acq_map_view_view_height (self) / 2) / zoom;
  _acq_map_view_changed_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The nodes */

const AcqMapNode *
_acq_map_view_node_at (AcqMapView *self, guint node)
{
  return acq_map_get_node (self->map, node);
}

gboolean
_acq_map_view_shown (AcqMapView *self, guint node)
{
  return node != ACQ_MAP_NO_NODE && self->items != NULL && node < self->items->len &&
         g_ptr_array_index (self->items, node) != NULL;
}

static GtkWidget *
item_of (AcqMapView *self, guint node)
{
  return _acq_map_view_shown (self, node) ? g_ptr_array_index (self->items, node) : NULL;
}

static guint
node_of_widget (AcqMapView *self, GtkWidget *widget)
{
  while (widget != NULL && widget != GTK_WIDGET (self) && !ACQ_IS_MAP_ITEM (widget))
    widget = gtk_widget_get_parent (widget);
  return widget != NULL && ACQ_IS_MAP_ITEM (widget) ? acq_map_item_get_node (ACQ_MAP_ITEM (widget))
                                                     : ACQ_MAP_NO_NODE;
}

guint
_acq_map_view_node_at_point (AcqMapView *self, double x, double y)
{
  return node_of_widget (self, gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT));
}

gboolean
_acq_map_view_are_linked (AcqMapView *self, guint sheet, guint competence)
{
  guint n;
  const guint *edges = acq_map_get_node_edges (self->map, sheet, &n);

  for (guint i = 0; i < n; i++)
    if (acq_map_get_edge (self->map, edges[i])->from == competence)
      return TRUE;
  return FALSE;
}

static guint
parent_of (AcqMapView *self, guint node)
{
  const AcqMapNode *n = _acq_map_view_node_at (self, node);
  guint count;
  const guint *edges;

  if (n->kind != ACQ_MAP_NODE_SHEET)
    return n->parent;
  if (n->n_links == 0)
    return 0;
  if (_acq_map_view_shown (self, self->came_from) && _acq_map_view_are_linked (self, node, self->came_from))
    return self->came_from;
  edges = acq_map_get_node_edges (self->map, node, &count);
  for (guint i = 0; i < count; i++)
    if (_acq_map_view_shown (self, acq_map_get_edge (self->map, edges[i])->from))
      return acq_map_get_edge (self->map, edges[i])->from;
  return ACQ_MAP_NO_NODE;
}

/* The node the arrow @keyval leads to: the nearest shown that way on screen. */
guint
_acq_map_view_neighbour (AcqMapView *self, guint node, guint keyval)
{
  int dx = 0, dy = 0;
  guint to;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    default: return ACQ_MAP_NO_NODE;
    }
  to = acq_map_layout_find_in_direction (self->layout, node, dx, dy);
  if (!_acq_map_view_shown (self, to))
    return ACQ_MAP_NO_NODE;
  /* from a competence to one of its sheets: Backspace goes back to that competence */
  if (_acq_map_view_node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE &&
      _acq_map_view_node_at (self, to)->kind == ACQ_MAP_NODE_SHEET &&
      _acq_map_view_are_linked (self, to, node))
    self->came_from = node;
  return to;
}

/* The node Backspace leads to: a bloc's certification, a competence's bloc, a sheet's
 * competence (the one it was reached from, if any). */
guint
_acq_map_view_parent (AcqMapView *self, guint node)
{
  return parent_of (self, node);
}

/* Highlights: selection, search, drop target */

static void
update_classes (AcqMapView *self, guint node)
{
  GtkWidget *item = item_of (self, node);

  if (item == NULL)
    return;
  invalidate_picture (self);
  if (self->matched != NULL && self->matched[node])
    gtk_widget_add_css_class (item, "match");
  else
    gtk_widget_remove_css_class (item, "match");
  if (self->matched != NULL && !self->matched[node])
    gtk_widget_add_css_class (item, "unmatched");
  else
    gtk_widget_remove_css_class (item, "unmatched");
}

void
_acq_map_view_set_drop_node (AcqMapView *self, guint node)
{
  self->drop_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pan (AcqMapView *self, double dx, double dy)
{
  self->cx += dx / self->zoom;
  self->cy += dy / self->zoom;
  _acq_map_view_changed_view (self);
}

/* How much more to pan so that @shown, where a node will be, is clear of the overlays: up or
 * left, whichever moves less and keeps it in view. */
static void
clear_of_obstacles (AcqMapView *self, graphene_rect_t shown, double *dx, double *dy)
{
  for (guint i = 0; self->obstacles != NULL && i < self->obstacles->len; i++)
    {
      GtkWidget *obstacle = g_ptr_array_index (self->obstacles, i);
      graphene_rect_t o;
      double up, left;

      if (!gtk_widget_get_mapped (obstacle) ||
          !gtk_widget_compute_bounds (obstacle, GTK_WIDGET (self), &o))
        continue;
      graphene_rect_inset (&o, -VISIBLE_MARGIN / 2, -VISIBLE_MARGIN / 2);
      if (!graphene_rect_intersection (&shown, &o, NULL))
        continue;
      up = shown.origin.y + shown.size.height - o.origin.y;
      left = shown.origin.x + shown.size.width - o.origin.x;
      if (shown.origin.x - left >= 0 && (left < up || shown.origin.y - up < 0))
        {
          *dx += left;
          shown.origin.x -= left;
        }
      else
        {
          *dy += up;
          shown.origin.y -= up;
        }
    }
}

/* Brings the node's box into the view, moving as little as needed, clear of the overlays. */
static void
ensure_visible (AcqMapView *self, guint node)
{
  graphene_rect_t r = _acq_map_view_view_rect_of (self, node);
  double w = _acq_map_view_view_width (self), h = _acq_map_view_view_height (self), dx = 0, dy = 0;

  if (w <= 0 || h <= 0)
    return;
  if (r.size.width + 2 * VISIBLE_MARGIN > w)
    dx = r.origin.x + r.size.width / 2 - w / 2;
  else if (r.origin.x < VISIBLE_MARGIN)
    dx = r.origin.x - VISIBLE_MARGIN;
  else if (r.origin.x + r.size.width > w - VISIBLE_MARGIN)
    dx = r.origin.x + r.size.width - (w - VISIBLE_MARGIN);
  if (r.size.height + 2 * VISIBLE_MARGIN > h)
    dy = r.origin.y + r.size.height / 2 - h / 2;
  else if (r.origin.y < VISIBLE_MARGIN)
    dy = r.origin.y - VISIBLE_MARGIN;
  else if (r.origin.y + r.size.height > h - VISIBLE_MARGIN)
    dy = r.origin.y + r.size.height - (h - VISIBLE_MARGIN);
  clear_of_obstacles (self, GRAPHENE_RECT_INIT (r.origin.x - dx, r.origin.y - dy, r.size.width,
                                                r.size.height), &dx, &dy);
  if (dx != 0 || dy != 0)
    pan (self, dx, dy);
}

/* Layout and items */

static void
relayout (AcqMapView *self)
{
  guint used = 0, n;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->edges, gsk_render_node_unref);
  self->picture_valid = FALSE;
  self->layout = acq_map_layout_compute (self->map);
  n = acq_map_get_n_nodes (self->map);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, n);
  g_array_set_size (self->placed, 0); /* every item to place */
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *item;

      if (!acq_map_layout_get_box (self->layout, i)->visible)
        continue;
      if (used < self->all_items->len)
        item = g_ptr_array_index (self->all_items, used);
      else
        {
          item = acq_map_item_new ();
          gtk_widget_set_parent (item, GTK_WIDGET (self));
          g_ptr_array_add (self->all_items, item);
        }
      used++;
      acq_map_item_set_node (ACQ_MAP_ITEM (item), self->layout, i);
      gtk_widget_set_visible (item, TRUE);
      g_ptr_array_index (self->items, i) = item;
      update_classes (self, i);
    }
  for (guint k = used; k < self->all_items->len; k++)
    gtk_widget_set_visible (g_ptr_array_index (self->all_items, k), FALSE);
  _acq_map_view_changed_view (self);
}

void
_acq_map_view_focus_node (AcqMapView *self, guint node)
{
  GtkWidget *item = item_of (self, node);

  if (item != NULL)
    gtk_widget_grab_focus (item);
}

void
_acq_map_view_toggle_fold (AcqMapView *self, guint bloc)
{
  gboolean folded = !_acq_map_view_node_at (self, bloc)->folded;

  acq_map_set_folded (self->map, bloc, folded);
  g_hash_table_insert (self->folds, g_strdup (_acq_map_view_node_at (self, bloc)->uuid),
                       GINT_TO_POINTER (folded + 1));
  g_hash_table_remove (self->auto_folds, _acq_map_view_node_at (self, bloc)->uuid);
  relayout (self);
  _acq_map_view_focus_node (self, bloc);
}

/* The readable opening */

void
_acq_map_view_user_moved (AcqMapView *self)
{
  self->auto_view = AUTO_NONE;
}

/* The zoom that fits the whole layout in the view, at most the actual size. */
static double
fit_zoom (AcqMapView *self)
{
  cairo_rectangle_t bounds;

  acq_map_layout_get_bounds (self->layout, &bounds);
  return CLAMP (FIT_MARGIN * MIN (_acq_map_view_view_width (self) / bounds.width,
                                  _acq_map_view_view_height (self) / bounds.height),
                ACQ_MAP_VIEW_MIN_ZOOM, 1.0);
}

static void
show_bounds (AcqMapView *self, const cairo_rectangle_t *bounds, double zoom)
{
  self->cx = bounds->x + bounds->width / 2;
  self->cy = bounds->y + bounds->height / 2;
  self->zoom = CLAMP (zoom, ACQ_MAP_VIEW_MIN_ZOOM, ACQ_MAP_VIEW_MAX_ZOOM);
  _acq_map_view_changed_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
readable (AcqMapView *self, double zoom)
{
  return zoom >= acq_map_layout_get_readable_zoom (self->layout, READABLE_PX) - 1e-9;
}

/* Unfolds the blocs the view folded itself; the user's folds stay. Returns whether any was. */
static gboolean
clear_auto_folds (AcqMapView *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < acq_map_get_n_nodes (self->map); i++)
    {
      const AcqMapNode *node = _acq_map_view_node_at (self, i);

      if (node->kind == ACQ_MAP_NODE_BLOC && node->uuid != NULL &&
          g_hash_table_contains (self->auto_folds, node->uuid) &&
          !g_hash_table_contains (self->folds, node->uuid))
        {
          acq_map_set_folded (self->map, i, FALSE);
          changed = TRUE;
        }
    }
  g_hash_table_remove_all (self->auto_folds);
  return changed;
}

/* Folds every bloc open that the user did not leave so. Returns whether any was. */
static gboolean
auto_fold (AcqMapView *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < acq_map_get_n_nodes (self->map); i++)
    {
      const AcqMapNode *node = _acq_map_view_node_at (self, i);

      if (node->kind != ACQ_MAP_NODE_BLOC || node->folded || node->uuid == NULL ||
          g_hash_table_contains (self->folds, node->uuid))
        continue;
      g_hash_table_add (self->auto_folds, g_strdup (node->uuid));
      acq_map_set_folded (self->map, i, TRUE);
      changed = TRUE;
    }
  return changed;
}

/* The bloc and its competences shown; if they do not fit at @zoom, the view goes from the bloc
 * halfway towards them, the bloc still in view. */
static void
show_bloc (AcqMapView *self, guint bloc, double zoom)
{
  cairo_rectangle_t r = acq_map_layout_get_box (self->layout, bloc)->rect, around = r;
  double w = _acq_map_view_view_width (self) / zoom, h = _acq_map_view_view_height (self) / zoom;
  double sx = 0, sy = 0, cx, cy;
  guint n = 0;

  for (guint i = 0; i < acq_map_get_n_nodes (self->map); i++)
    {
      const cairo_rectangle_t *c = &acq_map_layout_get_box (self->layout, i)->rect;
      double x0, y0;

      if (_acq_map_view_node_at (self, i)->kind != ACQ_MAP_NODE_COMPETENCE ||
          _acq_map_view_node_at (self, i)->parent != bloc || !_acq_map_view_shown (self, i))
        continue;
      x0 = MIN (around.x, c->x);
      y0 = MIN (around.y, c->y);
      around.width = MAX (around.x + around.width, c->x + c->width) - x0;
      around.height = MAX (around.y + around.height, c->y + c->height) - y0;
      around.x = x0;
      around.y = y0;
      sx += c->x + c->width / 2;
      sy += c->y + c->height / 2;
      n++;
    }
  if ((around.width <= w && around.height <= h) || n == 0)
    {
      show_bounds (self, around.width <= w && around.height <= h ? &around : &r, zoom);
      return;
    }
  cx = (r.x + r.width / 2 + sx / n) / 2;
  cy = (r.y + r.height / 2 + sy / n) / 2;
  /* the bloc kept inside the view, with a margin */
  cx = CLAMP (cx, r.x + r.width + VISIBLE_MARGIN / zoom - w / 2, r.x - VISIBLE_MARGIN / zoom + w / 2);
  cy = CLAMP (cy, r.y + r.height + VISIBLE_MARGIN / zoom - h / 2, r.y - VISIBLE_MARGIN / zoom + h / 2);
  show_bounds (self, &(cairo_rectangle_t) { cx, cy, 0, 0 }, zoom);
}

static void
open_readable (AcqMapView *self)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  cairo_rectangle_t bounds;
  guint weakest;

  if (clear_auto_folds (self))
    relayout (self);
  if (!readable (self, fit_zoom (self)) && auto_fold (self))
    relayout (self);
  if (readable (self, fit_zoom (self)))
    {
      acq_map_layout_get_bounds (self->layout, &bounds);
      show_bounds (self, &bounds, fit_zoom (self));
    }
  else
    {
      if (clear_auto_folds (self))
        relayout (self);
      weakest = acq_map_find_weakest_bloc (self->map);
      show_bloc (self, _acq_map_view_shown (self, weakest) ? weakest : 0,
                 MIN (acq_map_layout_get_readable_zoom (self->layout, READABLE_PX),
                      ACQ_MAP_VIEW_MAX_ZOOM));
      /* begin where the view looks */
      if (_acq_map_view_shown (self, weakest) &&
          (self->selected == ACQ_MAP_NO_NODE || self->selected == 0))
        self->selected = weakest;
    }
  if (had_focus)
    _acq_map_view_focus_node (self, _acq_map_view_shown (self, self->selected) ? self->selected
                                                                                : 0);
}

static gboolean
auto_view_cb (gpointer data)
{
  AcqMapView *self = data;

  self->auto_id = 0;
  self->auto_width = (int) _acq_map_view_view_width (self);
  self->auto_height = (int) _acq_map_view_view_height (self);
  if (self->layout == NULL || self->auto_width <= 0 || self->auto_height <= 0)
    return G_SOURCE_REMOVE;
  if (self->auto_view == AUTO_OPENING)
    open_readable (self);
  else if (self->auto_view == AUTO_FIT)
    acq_map_view_zoom_fit (self);
  return G_SOURCE_REMOVE;
}

static void
acq_map_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  graphene_rect_t viewport;
  gboolean all;

  if (self->layout == NULL)
    return;
  /* layout changes items: not while allocating them */
  if (self->auto_view != AUTO_NONE && width > 0 && height > 0 && self->auto_id == 0 &&
      (width != self->auto_width || height != self->auto_height))
    self->auto_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, auto_view_cb, self, NULL);
  /* An item out of view that was out of view already keeps its place: allocating 2,000 items
   * a frame would take most of it. The picture needs those around the view where they are. */
  all = _acq_map_view_picture_wanted (self);
  viewport = all ? GRAPHENE_RECT_INIT (-width, -height, 3 * width, 3 * height)
               : GRAPHENE_RECT_INIT (-VISIBLE_MARGIN, -VISIBLE_MARGIN, width + 2 * VISIBLE_MARGIN,
                                     height + 2 * VISIBLE_MARGIN);
  g_array_set_size (self->placed, self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (self->items, i);
      graphene_rect_t *placed = &g_array_index (self->placed, graphene_rect_t, i);
      graphene_rect_t r;
      GskTransform *transform;

      if (item == NULL)
        continue;
      r = _acq_map_view_view_rect_of (self, i);
      r.origin.x = round (r.origin.x);
      r.origin.y = round (r.origin.y);
      r.size.width = ceil (r.size.width);
      r.size.height = ceil (r.size.height);
      if (placed->size.width > 0 && !graphene_rect_intersection (&r, &viewport, NULL) &&
          !graphene_rect_intersection (placed, &viewport, NULL))
        continue;
      *placed = r;
      transform = gsk_transform_translate (NULL, &r.origin);
      acq_map_item_set_zoom (ACQ_MAP_ITEM (item), self->zoom);
      gtk_widget_allocate (item, (int) r.size.width, (int) r.size.height, -1, transform);
    }
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
acq_map_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* Tab enters the map on the selected node and leaves it at once: the arrows move inside. */
static gboolean
acq_map_view_focus (GtkWidget *widget, GtkDirectionType direction)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  GtkWidget *item;

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  item = item_of (self, _acq_map_view_shown (self, self->selected) ? self->selected : 0);
  return item != NULL && gtk_widget_grab_focus (item);
}

static gboolean
acq_map_view_grab_focus (GtkWidget *widget)
{
  return acq_map_view_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
acq_map_view_set_focus_child (GtkWidget *widget, GtkWidget *child)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  guint node = child != NULL ? node_of_widget (self, child) : ACQ_MAP_NO_NODE;

  GTK_WIDGET_CLASS (acq_map_view_parent_class)->set_focus_child (widget, child);
  gtk_widget_queue_draw (widget); /* the focus ring */
  if (node == ACQ_MAP_NO_NODE)
    return;
  self->selected = node;
  ensure_visible (self, node);
}

static void
acq_map_view_dispose (GObject *object)
{
  AcqMapView *self = ACQ_MAP_VIEW (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      GtkWidget *popover = g_steal_pointer (&self->popover);

      g_signal_handlers_disconnect_by_data (popover, self);
      gtk_widget_unparent (popover);
      g_object_unref (popover);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->all_items, g_ptr_array_unref);
  g_clear_pointer (&self->edges, gsk_render_node_unref);
  g_clear_pointer (&self->picture, cairo_surface_destroy);
  g_clear_handle_id (&self->zoom_end_id, g_source_remove);
  g_clear_handle_id (&self->auto_id, g_source_remove);
  g_clear_pointer (&self->obstacles, g_ptr_array_unref);
  g_clear_object (&self->layout);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (acq_map_view_parent_class)->dispose (object);
}

static void
acq_map_view_finalize (GObject *object)
{
  AcqMapView *self = ACQ_MAP_VIEW (object);

  g_hash_table_unref (self->folds);
  g_hash_table_unref (self->auto_folds);
  g_free (self->matched);
  G_OBJECT_CLASS (acq_map_view_parent_class)->finalize (object);
}

static void
acq_map_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqMapView *self = ACQ_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_map_view_class_init (AcqMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_map_view_dispose;
  object_class->finalize = acq_map_view_finalize;
  object_class->get_property = acq_map_view_get_property;
  widget_class->snapshot = _acq_map_view_snapshot;
  widget_class->size_allocate = acq_map_view_size_allocate;
  widget_class->measure = acq_map_view_measure;
  widget_class->focus = acq_map_view_focus;
  widget_class->grab_focus = acq_map_view_grab_focus;
  widget_class->set_focus_child = acq_map_view_set_focus_child;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ACQ_MAP_VIEW_MIN_ZOOM, ACQ_MAP_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AcqMapView::open-sheet:
   * @sheet_uuid: a sheet activated (Enter, double click) or chosen among a competence's
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * AcqMapView::link:
   * @sheet_uuid: a sheet dropped on a competence, or ticked in its menu
   * @competence_uuid: the competence
   */
  signals[SIGNAL_LINK] =
    g_signal_new ("link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * AcqMapView::unlink:
   * @sheet_uuid: the sheet of a link dragged away, or unticked in its menu
   * @competence_uuid: the competence
   */
  signals[SIGNAL_UNLINK] =
    g_signal_new ("unlink", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "mapview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
acq_map_view_init (AcqMapView *self)
{
  self->items = g_ptr_array_new ();
  self->placed = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->all_items = g_ptr_array_new ();
  self->folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zoom = 1.0;
  self->auto_folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->obstacles = g_ptr_array_new_with_free_func (g_object_unref);
  self->auto_view = AUTO_OPENING;
  self->selected = ACQ_MAP_NO_NODE;
  self->came_from = ACQ_MAP_NO_NODE;
  self->drop_node = ACQ_MAP_NO_NODE;
  self->drag_edge = ACQ_MAP_NO_EDGE;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _acq_map_view_add_input (self);
}

/**
 * acq_map_view_new:
 *
 * Returns: (transfer floating): a view showing no map yet
 */
GtkWidget *
acq_map_view_new (void)
{
  return g_object_new (ACQ_TYPE_MAP_VIEW, NULL);
}

/**
 * acq_map_view_set_map:
 * @self: a view
 * @map: the map to show, the view's to fold
 *
 * Shows @map, as the view showed the one before: the same zoom and centre, the blocs the user
 * folded or unfolded as they were, the same node focused if it is still there. The first map
 * opens readable (see the top of this file).
 */
void
acq_map_view_set_map (AcqMapView *self, AcqMap *map)
{
  AcqMapNodeKind kind = ACQ_MAP_NODE_CERTIFICATION;
  g_autofree char *uuid = NULL;
  g_autofree char *came_from = NULL;
  gboolean had_focus;

  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  g_return_if_fail (ACQ_IS_MAP (map));

  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
  if (self->map != NULL && self->selected < acq_map_get_n_nodes (self->map))
    {
      kind = _acq_map_view_node_at (self, self->selected)->kind;
      uuid = g_strdup (_acq_map_view_node_at (self, self->selected)->uuid);
    }
  if (self->map != NULL && self->came_from < acq_map_get_n_nodes (self->map))
    came_from = g_strdup (_acq_map_view_node_at (self, self->came_from)->uuid);
  g_set_object (&self->map, map);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      gpointer folded;

      if (_acq_map_view_node_at (self, i)->kind == ACQ_MAP_NODE_BLOC && _acq_map_view_node_at (self, i)->uuid != NULL &&
          (folded = g_hash_table_lookup (self->folds, _acq_map_view_node_at (self, i)->uuid)) != NULL)
        acq_map_set_folded (map, i, GPOINTER_TO_INT (folded) - 1);
      else if (_acq_map_view_node_at (self, i)->kind == ACQ_MAP_NODE_BLOC &&
               _acq_map_view_node_at (self, i)->uuid != NULL &&
               g_hash_table_contains (self->auto_folds, _acq_map_view_node_at (self, i)->uuid))
        acq_map_set_folded (map, i, TRUE);
    }
  g_clear_pointer (&self->matched, g_free);
  self->selected = uuid != NULL ? acq_map_find (map, kind, uuid) : ACQ_MAP_NO_NODE;
  self->came_from = came_from != NULL ? acq_map_find (map, ACQ_MAP_NODE_COMPETENCE, came_from)
                                      : ACQ_MAP_NO_NODE;
  self->drop_node = ACQ_MAP_NO_NODE;
  self->drag = DRAG_NONE;
  relayout (self);
  if (had_focus)
    _acq_map_view_focus_node (self, _acq_map_view_shown (self, self->selected) ? self->selected : 0);
}

/**
 * acq_map_view_get_map:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the map shown
 */
AcqMap *
acq_map_view_get_map (AcqMapView *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), NULL);
  return self->map;
}

/**
 * acq_map_view_get_layout:
 * @self: a view
 *
 * Returns: (transfer none) (nullable): the layout of the map shown, folds included
 */
AcqMapLayout *
acq_map_view_get_layout (AcqMapView *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), NULL);
  return self->layout;
}

/**
 * acq_map_view_get_zoom:
 * @self: a view
 *
 * Returns: how many pixels a unit of the map takes
 */
double
acq_map_view_get_zoom (AcqMapView *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), 1.0);
  return self->zoom;
}

/**
 * acq_map_view_zoom_by:
 * @self: a view
 * @factor: how much larger the map gets (less than 1: smaller)
 *
 * Zooms around the centre of the view.
 */
void
acq_map_view_zoom_by (AcqMapView *self, double factor)
{
  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  _acq_map_view_user_moved (self);
  _acq_map_view_set_zoom_at (self, self->zoom * factor, _acq_map_view_view_width (self) / 2, _acq_map_view_view_height (self) / 2);
}

/**
 * acq_map_view_zoom_fit:
 * @self: a view
 *
 * Shows the whole map, centred, as large as the view allows, and again whenever the view's
 * size changes, until the user zooms or pans.
 */
void
acq_map_view_zoom_fit (AcqMapView *self)
{
  cairo_rectangle_t bounds;

  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  self->auto_view = AUTO_FIT;
  self->auto_width = (int) _acq_map_view_view_width (self);
  self->auto_height = (int) _acq_map_view_view_height (self);
  if (self->layout == NULL || self->auto_width <= 0 || self->auto_height <= 0)
    {
      self->auto_width = self->auto_height = 0; /* done once allocated */
      return;
    }
  acq_map_layout_get_bounds (self->layout, &bounds);
  show_bounds (self, &bounds, fit_zoom (self));
}

/**
 * acq_map_view_pan_by:
 * @self: a view
 * @dx: pixels to move the view rightwards over the map
 * @dy: pixels to move it downwards
 *
 * Moves as the user asks: the view no longer fits itself to its size.
 */
void
acq_map_view_pan_by (AcqMapView *self, double dx, double dy)
{
  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  _acq_map_view_user_moved (self);
  pan (self, dx, dy);
}

/**
 * acq_map_view_add_obstacle:
 * @self: a view
 * @widget: a widget drawn over the view, such as the zoom buttons
 *
 * A node brought into view (when focused) is kept clear of @widget.
 */
void
acq_map_view_add_obstacle (AcqMapView *self, GtkWidget *widget)
{
  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_ptr_array_add (self->obstacles, g_object_ref (widget));
}

/**
 * acq_map_view_set_search:
 * @self: a view
 * @text: (nullable): what to look for, in the labels; empty or %NULL ends the search
 * @sheet_uuids: (nullable) (element-type utf8 utf8): sheets whose content matched, from the
 *   full-text index
 *
 * Highlights the nodes whose label holds every word of @text, and the sheets of @sheet_uuids;
 * the others fade.
 *
 * Returns: how many nodes match
 */
guint
acq_map_view_set_search (AcqMapView *self, const char *text, GHashTable *sheet_uuids)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *query = acq_text_fold (trimmed);
  guint n, found = 0;

  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), 0);
  g_clear_pointer (&self->matched, g_free);
  n = self->map != NULL ? acq_map_get_n_nodes (self->map) : 0;
  if (*query != '\0' && n > 0)
    {
      self->matched = g_new0 (gboolean, n);
      for (guint i = 0; i < n; i++)
        {
          const AcqMapNode *node = _acq_map_view_node_at (self, i);
          g_autofree char *label = acq_text_fold (node->label);

          self->matched[i] = acq_text_matches (label, query) ||
                             (node->kind == ACQ_MAP_NODE_SHEET && sheet_uuids != NULL &&
                              g_hash_table_contains (sheet_uuids, node->uuid));
          found += self->matched[i];
        }
    }
  for (guint i = 0; i < n; i++)
    update_classes (self, i);
  return found;
}

/**
 * acq_map_view_focus_match:
 * @self: a view
 *
 * Focuses the next node shown that matches the search, after the selected one, round.
 *
 * Returns: %TRUE if one was focused
 */
gboolean
acq_map_view_focus_match (AcqMapView *self)
{
  guint n;

  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), FALSE);
  if (self->matched == NULL)
    return FALSE;
  n = acq_map_get_n_nodes (self->map);
  for (guint k = 1; k <= n; k++)
    {
      guint i = ((self->selected == ACQ_MAP_NO_NODE ? n - 1 : self->selected) + k) % n;

      if (self->matched[i] && _acq_map_view_shown (self, i))
        return acq_map_view_focus_node (self, i);
    }
  return FALSE;
}

/**
 * acq_map_view_focus_node:
 * @self: a view
 * @node: a node of the map
 *
 * Returns: %TRUE if the node is shown, and now focused
 */
gboolean
acq_map_view_focus_node (AcqMapView *self, guint node)
{
  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), FALSE);
  if (!_acq_map_view_shown (self, node))
    return FALSE;
  return gtk_widget_grab_focus (item_of (self, node));
}

/**
 * acq_map_view_show_menu:
 * @self: a view
 *
 * Opens the selected node's menu, as the Menu key does: the competences to link a sheet to,
 * or the sheets of a competence.
 *
 * Returns: %TRUE if the node has a menu
 */
gboolean
acq_map_view_show_menu (AcqMapView *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_VIEW (self), FALSE);
  return _acq_map_view_show_menu_for (self, self->selected);
}
