/* acq-map-view.c — the competence map on screen: nodes to focus, click and drag, zoom and pan
 *
 * Each node shown is a child widget (an AcqMapItem) as large as its box at the zoom, placed by
 * a translation: panning moves the items' drawings without redrawing them, and the edges,
 * drawn once per layout into a render node in the map's units, move and scale with them. The core lays the map out (acq_map_layout_compute()); the
 * view only changes the zoom, the centre, which nodes are folded, and what is highlighted.
 *
 * A sheet dragged onto a competence asks for a link ("link"); a link dragged away from where it
 * runs asks for its removal ("unlink"): the window stores both and gives the view the new map.
 * From the keyboard, arrows move between parent, children and siblings, Space folds a bloc,
 * Enter opens, and the Menu key (or Shift+F10) offers the competences to link a sheet to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-view"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "acq-map-export.h"
#include "acq-map-item.h"
#include "acq-map-view.h"
#include "acq-text.h"

#define DRAG_THRESHOLD 8.0   /* pixels a sheet moves before it is dragged */
#define EDGE_GRAB      8.0   /* pixels from a link that grab it: a line is thin to aim at */
#define EDGE_DETACH    48.0  /* pixels from its course that a dragged link comes off at */
#define VISIBLE_MARGIN 24.0  /* pixels kept around a node brought into view */
#define FIT_MARGIN     0.94  /* the share of the view a fitted map takes */
#define SCROLL_STEP    60.0  /* pixels a wheel's notch pans */
#define ZOOM_STEP      1.25

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_SHEET,
  DRAG_LINK,
} DragMode;

struct _AcqMapView
{
  GtkWidget      parent_instance;

  AcqMap        *map;
  AcqMapLayout  *layout;
  GPtrArray     *items;     /* node → its AcqMapItem, or NULL if hidden */
  GPtrArray     *all_items; /* every item made, in use or not (children of the view) */
  GHashTable    *folds;     /* bloc uuid → GINT_TO_POINTER (folded + 1), as the user left it */
  GskRenderNode *edges;     /* the edges, in the map's units */
  gboolean       edges_dark;
  GArray        *placed;    /* node → graphene_rect_t: where its item was last allocated */
  cairo_surface_t *picture; /* the map around the view as last drawn, or NULL */
  double         picture_zoom;
  double         picture_x, picture_y; /* the map's point at its top left corner */
  gboolean       picture_valid; /* drawn at the zoom, with the items as they are */
  gboolean       zooming;   /* a zoom changes, frame after frame */
  guint          zoom_end_id;
  double         zoom;
  double         cx, cy;    /* the map's point at the centre of the view */
  gboolean       fit_pending;
  gboolean      *matched;   /* node → whether it matches the search, NULL without a search */
  guint          selected;
  guint          came_from; /* the competence a sheet was reached from with the arrows */
  GtkWidget     *popover;

  DragMode       drag;
  gboolean       dragging;
  double         drag_x, drag_y;   /* where the drag began, in the view */
  double         drag_cx, drag_cy; /* the centre then */
  double         pointer_x, pointer_y;
  guint          drag_node;
  guint          drag_edge;
  guint          drop_node;
  gboolean       detached;
  double         pinch_zoom;
};

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

/* The picture: the map drawn into a texture, shown as one image while panning and zooming;
 * drawn again once the zoom rests and whenever what it shows changes. */
#define PICTURE_MAX_SIDE 2048 /* a view larger than that draws its items each frame */
#define ZOOM_REST_MS     160

/* Items away from the view keep a stale place (see size_allocate): the picture drawn anew
 * needs them placed again. */
static void
invalidate_picture (AcqMapView *self)
{
  self->picture_valid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
zoom_rest_cb (gpointer data)
{
  AcqMapView *self = data;

  self->zoom_end_id = 0;
  self->zooming = FALSE;
  invalidate_picture (self);
  return G_SOURCE_REMOVE;
}

/* Coordinates */

static double
view_width (AcqMapView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static double
view_height (AcqMapView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

static void
to_map (AcqMapView *self, double x, double y, double *mx, double *my)
{
  *mx = (x - view_width (self) / 2) / self->zoom + self->cx;
  *my = (y - view_height (self) / 2) / self->zoom + self->cy;
}

static void
to_view (AcqMapView *self, double mx, double my, double *x, double *y)
{
  *x = (mx - self->cx) * self->zoom + view_width (self) / 2;
  *y = (my - self->cy) * self->zoom + view_height (self) / 2;
}

static graphene_rect_t
view_rect_of (AcqMapView *self, guint node)
{
  const cairo_rectangle_t *r = &acq_map_layout_get_box (self->layout, node)->rect;
  double x, y;

  to_view (self, r->x, r->y, &x, &y);
  return GRAPHENE_RECT_INIT (x, y, r->width * self->zoom, r->height * self->zoom);
}

#define ZOOMED_OUT 0.6 /* below, borders thin out: the boxes' padding shrinks with the zoom */

static void
changed_view (AcqMapView *self)
{
  if (self->zoom < ZOOMED_OUT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "zoomed-out");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "zoomed-out");
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_zoom_at (AcqMapView *self, double zoom, double x, double y)
{
  double mx, my;

  zoom = CLAMP (zoom, ACQ_MAP_VIEW_MIN_ZOOM, ACQ_MAP_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  self->zooming = TRUE;
  g_clear_handle_id (&self->zoom_end_id, g_source_remove);
  self->zoom_end_id = g_timeout_add (ZOOM_REST_MS, zoom_rest_cb, self);
  self->cx = mx - (x - view_width (self) / 2) / zoom;
  self->cy = my - (y - view_height (self) / 2) / zoom;
  changed_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The nodes */

static const AcqMapNode *
node_at (AcqMapView *self, guint node)
{
  return acq_map_get_node (self->map, node);
}

static gboolean
shown (AcqMapView *self, guint node)
{
  return node != ACQ_MAP_NO_NODE && self->items != NULL && node < self->items->len &&
         g_ptr_array_index (self->items, node) != NULL;
}

static GtkWidget *
item_of (AcqMapView *self, guint node)
{
  return shown (self, node) ? g_ptr_array_index (self->items, node) : NULL;
}

static guint
node_of_widget (AcqMapView *self, GtkWidget *widget)
{
  while (widget != NULL && widget != GTK_WIDGET (self) && !ACQ_IS_MAP_ITEM (widget))
    widget = gtk_widget_get_parent (widget);
  return widget != NULL && ACQ_IS_MAP_ITEM (widget) ? acq_map_item_get_node (ACQ_MAP_ITEM (widget))
                                                     : ACQ_MAP_NO_NODE;
}

static guint
node_at_point (AcqMapView *self, double x, double y)
{
  return node_of_widget (self, gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT));
}

static gboolean
are_linked (AcqMapView *self, guint sheet, guint competence)
{
  guint n;
  const guint *edges = acq_map_get_node_edges (self->map, sheet, &n);

  for (guint i = 0; i < n; i++)
    if (acq_map_get_edge (self->map, edges[i])->from == competence)
      return TRUE;
  return FALSE;
}

/* The shown nodes an edge leads to from @node (its children), in the map's order; for the
 * certification, its blocs and the sheets linked to nothing. */
static GArray *
children_of (AcqMapView *self, guint node)
{
  GArray *children = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;
  const guint *edges = acq_map_get_node_edges (self->map, node, &n);

  for (guint i = 0; i < n; i++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (self->map, edges[i]);

      if (edge->from == node && shown (self, edge->to))
        g_array_append_val (children, edge->to);
    }
  if (node == 0)
    for (guint i = 0; i < acq_map_get_n_nodes (self->map); i++)
      if (node_at (self, i)->kind == ACQ_MAP_NODE_SHEET && node_at (self, i)->n_links == 0 &&
          shown (self, i))
        g_array_append_val (children, i);
  return children;
}

static guint
parent_of (AcqMapView *self, guint node)
{
  const AcqMapNode *n = node_at (self, node);
  guint count;
  const guint *edges;

  if (n->kind != ACQ_MAP_NODE_SHEET)
    return n->parent;
  if (n->n_links == 0)
    return 0;
  if (shown (self, self->came_from) && are_linked (self, node, self->came_from))
    return self->came_from;
  edges = acq_map_get_node_edges (self->map, node, &count);
  for (guint i = 0; i < count; i++)
    if (shown (self, acq_map_get_edge (self->map, edges[i])->from))
      return acq_map_get_edge (self->map, edges[i])->from;
  return ACQ_MAP_NO_NODE;
}

/* The node the arrow @keyval leads to: Up to the parent, Down to the first child, Left and
 * Right to the previous and next sibling, round. */
static guint
neighbour (AcqMapView *self, guint node, guint keyval)
{
  g_autoptr (GArray) siblings = NULL;
  guint parent;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return parent_of (self, node);
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      g_autoptr (GArray) children = children_of (self, node);

      if (children->len == 0)
        return ACQ_MAP_NO_NODE;
      if (node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE)
        self->came_from = node;
      return g_array_index (children, guint, 0);
    }
  if ((parent = parent_of (self, node)) == ACQ_MAP_NO_NODE)
    return ACQ_MAP_NO_NODE;
  siblings = children_of (self, parent);
  for (guint i = 0; i < siblings->len; i++)
    if (g_array_index (siblings, guint, i) == node)
      {
        gboolean next = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;
        guint k = next ? (i + 1) % siblings->len : (i + siblings->len - 1) % siblings->len;

        if (node_at (self, parent)->kind == ACQ_MAP_NODE_COMPETENCE)
          self->came_from = parent;
        return g_array_index (siblings, guint, k);
      }
  return ACQ_MAP_NO_NODE;
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

static void
set_drop_node (AcqMapView *self, guint node)
{
  self->drop_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings the node's box into the view, moving as little as needed. */
static void
ensure_visible (AcqMapView *self, guint node)
{
  graphene_rect_t r = view_rect_of (self, node);
  double w = view_width (self), h = view_height (self), dx = 0, dy = 0;

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
  if (dx != 0 || dy != 0)
    acq_map_view_pan_by (self, dx, dy);
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
  changed_view (self);
}

static void
focus_node (AcqMapView *self, guint node)
{
  GtkWidget *item = item_of (self, node);

  if (item != NULL)
    gtk_widget_grab_focus (item);
}

static void
toggle_fold (AcqMapView *self, guint bloc)
{
  gboolean folded = !node_at (self, bloc)->folded;

  acq_map_set_folded (self->map, bloc, folded);
  g_hash_table_insert (self->folds, g_strdup (node_at (self, bloc)->uuid),
                       GINT_TO_POINTER (folded + 1));
  relayout (self);
  focus_node (self, bloc);
}

/* Menus: the competences to link a sheet to, the sheets of a competence */

static gboolean
unparent_idle_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* A menu item closes its menu before it activates its action, which the menu finds through its
 * parent: the menu leaves the view once idle. */
static void
on_popover_closed_cb (AcqMapView *self, GtkWidget *popover)
{
  if (self->popover == popover)
    self->popover = NULL;
  g_signal_handlers_disconnect_by_data (popover, self);
  g_idle_add (unparent_idle_cb, popover);
}

/* A label for a menu: not too long, its underscores kept (menus take them for mnemonics). */
static char *
menu_label (const char *prefix, const char *text)
{
  g_autofree char *shortened = NULL;
  g_autofree char *full = NULL;
  g_auto (GStrv) parts = NULL;

  if (g_utf8_strlen (text, -1) > 64)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 62);
      char *space = strrchr (cut, ' ');

      if (space != NULL && space - cut > 30)
        *space = '\0';
      shortened = g_strconcat (cut, "…", NULL);
    }
  full = prefix != NULL ? g_strconcat (prefix, "  ", shortened ? shortened : text, NULL)
                        : g_strdup (shortened ? shortened : text);
  parts = g_strsplit (full, "_", -1);
  return g_strjoinv ("__", parts);
}

static void
on_link_change_state_cb (GSimpleAction *action, GVariant *value, gpointer data)
{
  AcqMapView *self = data;
  gboolean link = g_variant_get_boolean (value);
  g_autofree char *sheet = g_strdup (g_object_get_data (G_OBJECT (action), "sheet-uuid"));
  g_autofree char *competence = g_strdup (g_object_get_data (G_OBJECT (action),
                                                             "competence-uuid"));

  g_simple_action_set_state (action, value);
  g_signal_emit (self, signals[link ? SIGNAL_LINK : SIGNAL_UNLINK], 0, sheet, competence);
}

static GMenu *
link_menu (AcqMapView *self, guint sheet, GActionMap *actions)
{
  GMenu *menu = g_menu_new ();

  for (guint b = 0; b < acq_map_get_n_nodes (self->map); b++)
    {
      g_autoptr (GMenu) section = NULL;
      g_auto (GStrv) bloc_title = NULL;
      guint n;
      const guint *edges;

      if (node_at (self, b)->kind != ACQ_MAP_NODE_BLOC)
        continue;
      section = g_menu_new ();
      edges = acq_map_get_node_edges (self->map, b, &n);
      for (guint i = 0; i < n; i++)
        {
          guint c = acq_map_get_edge (self->map, edges[i])->to;
          g_autoptr (GSimpleAction) action = NULL;
          g_autofree char *name = NULL;
          g_autofree char *detailed = NULL;
          g_autofree char *code = NULL;
          g_autofree char *label = NULL;

          if (c == b || node_at (self, c)->kind != ACQ_MAP_NODE_COMPETENCE)
            continue;
          name = g_strdup_printf ("link-%u", c);
          detailed = g_strconcat ("node.", name, NULL);
          code = acq_map_dup_competence_code (self->map, c);
          label = menu_label (code, node_at (self, c)->label);
          action = g_simple_action_new_stateful (name, NULL,
                                                 g_variant_new_boolean (are_linked (self, sheet,
                                                                                    c)));
          g_object_set_data_full (G_OBJECT (action), "sheet-uuid",
                                  g_strdup (node_at (self, sheet)->uuid), g_free);
          g_object_set_data_full (G_OBJECT (action), "competence-uuid",
                                  g_strdup (node_at (self, c)->uuid), g_free);
          g_signal_connect_object (action, "change-state", G_CALLBACK (on_link_change_state_cb),
                                   self, 0);
          g_action_map_add_action (actions, G_ACTION (action));
          g_menu_append (section, label, detailed);
        }
      /* "Bloc 1 — Accueillir…": the section says "Bloc 1" */
      bloc_title = g_strsplit (node_at (self, b)->label, " — ", 2);
      g_menu_append_section (menu, bloc_title[0], G_MENU_MODEL (section));
    }
  return menu;
}

static void
on_open_activate_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AcqMapView *self = data;

  g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, g_variant_get_string (parameter, NULL));
}

static GMenu *
sheets_menu (AcqMapView *self, guint competence, GActionMap *actions)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  guint n;
  const guint *edges = acq_map_get_node_edges (self->map, competence, &n);

  g_signal_connect_object (open, "activate", G_CALLBACK (on_open_activate_cb), self, 0);
  g_action_map_add_action (actions, G_ACTION (open));
  for (guint i = 0; i < n; i++)
    {
      guint s = acq_map_get_edge (self->map, edges[i])->to;
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (node_at (self, s)->kind != ACQ_MAP_NODE_SHEET)
        continue;
      label = menu_label (NULL, node_at (self, s)->label);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "node.open", "s", node_at (self, s)->uuid);
      g_menu_append_item (menu, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (menu)) == 0)
    {
      /* an item that does nothing would mislead: say how to link one instead */
      g_autoptr (GMenuItem) item = g_menu_item_new (_("No sheet demonstrates it yet: drag a "
                                                      "sheet onto it"), "node.none");

      g_menu_append_item (menu, item);
    }
  return menu;
}

static gboolean
show_menu_for (AcqMapView *self, guint node)
{
  g_autoptr (GSimpleActionGroup) actions = NULL;
  g_autoptr (GMenu) menu = NULL;
  GtkWidget *popover;
  graphene_rect_t r;
  const AcqMapNode *n;

  if (!shown (self, node))
    return FALSE;
  n = node_at (self, node);
  if (n->kind != ACQ_MAP_NODE_SHEET && n->kind != ACQ_MAP_NODE_COMPETENCE)
    return FALSE;
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  actions = g_simple_action_group_new ();
  menu = n->kind == ACQ_MAP_NODE_SHEET ? link_menu (self, node, G_ACTION_MAP (actions))
                                       : sheets_menu (self, node, G_ACTION_MAP (actions));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "node", G_ACTION_GROUP (actions));
  popover = g_object_ref_sink (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  n->kind == ACQ_MAP_NODE_SHEET ? _("Link to Competences")
                                                                : _("Sheets Demonstrating It"),
                                  -1);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  r = view_rect_of (self, node);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) r.origin.x, (int) r.origin.y,
                                                 MAX (1, (int) r.size.width),
                                                 MAX (1, (int) r.size.height) });
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed_cb), self,
                           G_CONNECT_SWAPPED);
  self->popover = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
  return TRUE;
}

static void
activate_node (AcqMapView *self, guint node)
{
  switch (node_at (self, node)->kind)
    {
    case ACQ_MAP_NODE_SHEET:
      g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, node_at (self, node)->uuid);
      break;
    case ACQ_MAP_NODE_COMPETENCE:
      show_menu_for (self, node);
      break;
    case ACQ_MAP_NODE_BLOC:
      toggle_fold (self, node);
      break;
    case ACQ_MAP_NODE_CERTIFICATION:
    default:
      acq_map_view_zoom_fit (self);
      break;
    }
}

/* Input */

static gboolean
on_key_pressed_cb (AcqMapView *self, guint keyval, guint keycode, GdkModifierType state)
{
  guint node = self->selected;
  guint target;

  if (!shown (self, node) || gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_Down: case GDK_KEY_Left: case GDK_KEY_Right:
    case GDK_KEY_KP_Up: case GDK_KEY_KP_Down: case GDK_KEY_KP_Left: case GDK_KEY_KP_Right:
      if (state != 0)
        return FALSE;
      target = neighbour (self, node, keyval);
      if (target != ACQ_MAP_NO_NODE)
        focus_node (self, target);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_Home:
      focus_node (self, 0);
      return TRUE;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE)
        node = node_at (self, node)->parent;
      if (node_at (self, node)->kind != ACQ_MAP_NODE_BLOC)
        return FALSE;
      toggle_fold (self, node);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      activate_node (self, node);
      return TRUE;
    case GDK_KEY_Menu:
      return show_menu_for (self, node);
    case GDK_KEY_F10:
      return (state & GDK_SHIFT_MASK) && show_menu_for (self, node);
    default:
      return FALSE;
    }
}

static void
on_click_pressed_cb (AcqMapView *self, int n_press, double x, double y, GtkGestureClick *gesture)
{
  guint node = node_at_point (self, x, y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (node == ACQ_MAP_NO_NODE)
    return;
  focus_node (self, node);
  if (button == GDK_BUTTON_SECONDARY)
    show_menu_for (self, node);
  else if (button == GDK_BUTTON_PRIMARY && n_press == 2)
    activate_node (self, node);
}

static void
on_drag_begin_cb (AcqMapView *self, double x, double y)
{
  guint node = node_at_point (self, x, y);
  double mx, my;

  self->drag_x = self->pointer_x = x;
  self->drag_y = self->pointer_y = y;
  self->drag_cx = self->cx;
  self->drag_cy = self->cy;
  self->dragging = FALSE;
  self->detached = FALSE;
  self->drag_node = node;
  self->drag_edge = ACQ_MAP_NO_EDGE;
  self->drag = DRAG_PAN;
  if (self->layout == NULL)
    return;
  if (node != ACQ_MAP_NO_NODE && node_at (self, node)->kind == ACQ_MAP_NODE_SHEET)
    self->drag = DRAG_SHEET;
  else if (node == ACQ_MAP_NO_NODE)
    {
      to_map (self, x, y, &mx, &my);
      self->drag_edge = acq_map_layout_find_link (self->layout, mx, my, EDGE_GRAB / self->zoom);
      if (self->drag_edge != ACQ_MAP_NO_EDGE)
        {
          self->drag = DRAG_LINK;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
}

static void
on_drag_update_cb (AcqMapView *self, double dx, double dy)
{
  double mx, my;
  guint node;

  self->pointer_x = self->drag_x + dx;
  self->pointer_y = self->drag_y + dy;
  if (!self->dragging && hypot (dx, dy) >= DRAG_THRESHOLD)
    {
      self->dragging = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  if (!self->dragging)
    return;
  switch (self->drag)
    {
    case DRAG_PAN:
      self->cx = self->drag_cx - dx / self->zoom;
      self->cy = self->drag_cy - dy / self->zoom;
      changed_view (self);
      break;
    case DRAG_SHEET:
      node = node_at_point (self, self->pointer_x, self->pointer_y);
      set_drop_node (self, node != ACQ_MAP_NO_NODE &&
                             node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE
                           ? node : ACQ_MAP_NO_NODE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_LINK:
      to_map (self, self->pointer_x, self->pointer_y, &mx, &my);
      self->detached = acq_map_layout_get_edge_distance (self->layout, self->drag_edge, mx, my) *
                       self->zoom > EDGE_DETACH;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

static void
on_drag_end_cb (AcqMapView *self, double dx, double dy)
{
  DragMode mode = self->drag;
  guint sheet = self->drag_node, competence = self->drop_node, edge = self->drag_edge;
  gboolean dropped = self->dragging;
  gboolean detached = self->detached;

  self->drag = DRAG_NONE;
  self->dragging = FALSE;
  self->detached = FALSE;
  set_drop_node (self, ACQ_MAP_NO_NODE);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_SHEET && dropped && competence != ACQ_MAP_NO_NODE &&
      !are_linked (self, sheet, competence))
    g_signal_emit (self, signals[SIGNAL_LINK], 0, node_at (self, sheet)->uuid,
                   node_at (self, competence)->uuid);
  else if (mode == DRAG_LINK && detached)
    {
      const AcqMapEdge *link = acq_map_get_edge (self->map, edge);
      g_autofree char *sheet_uuid = g_strdup (node_at (self, link->to)->uuid);
      g_autofree char *competence_uuid = g_strdup (node_at (self, link->from)->uuid);

      g_signal_emit (self, signals[SIGNAL_UNLINK], 0, sheet_uuid, competence_uuid);
    }
}

static void
on_motion_cb (AcqMapView *self, double x, double y)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
on_scroll_cb (AcqMapView *self, double dx, double dy, GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL
                  ? SCROLL_STEP : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      set_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy * (step == 1.0 ? 0.02 : 1)),
                   self->pointer_x, self->pointer_y);
      return TRUE;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    dx = dy, dy = 0;
  acq_map_view_pan_by (self, dx * step, dy * step);
  return TRUE;
}

static void
on_zoom_begin_cb (AcqMapView *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_zoom_scale_changed_cb (AcqMapView *self, double scale, GtkGesture *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = view_width (self) / 2, y = view_height (self) / 2;
  set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

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
  to_map (self, self->pointer_x, self->pointer_y, &mx, &my);
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
  graphene_rect_t r = view_rect_of (self, self->drag_node);
  double x = r.origin.x + r.size.width / 2, y = r.origin.y + r.size.height / 2;
  double dash = 6;
  cairo_t *cr = gtk_snapshot_append_cairo (
    snapshot, &GRAPHENE_RECT_INIT (0, 0, view_width (self), view_height (self)));

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
  double w = view_width (self), h = view_height (self);

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
      r = view_rect_of (self, i);
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
  graphene_rect_t map, viewport = GRAPHENE_RECT_INIT (0, 0, view_width (self),
                                                      view_height (self));
  double x, y;

  acq_map_layout_get_bounds (self->layout, &bounds);
  to_view (self, bounds.x, bounds.y, &x, &y);
  map = GRAPHENE_RECT_INIT (x, y, bounds.width * self->zoom, bounds.height * self->zoom);
  return graphene_rect_intersection (&map, &viewport, need);
}

static graphene_rect_t
picture_rect (AcqMapView *self)
{
  double x, y, scale = self->zoom / self->picture_zoom;

  to_view (self, self->picture_x, self->picture_y, &x, &y);
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
static gboolean
picture_wanted (AcqMapView *self)
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
  margin_x = MIN (view_width (self) / 2, (PICTURE_MAX_SIDE - need.size.width) / 2);
  margin_y = MIN (view_height (self) / 2, (PICTURE_MAX_SIDE - need.size.height) / 2);
  if (margin_x < 0 || margin_y < 0)
    return;
  acq_map_layout_get_bounds (self->layout, &bounds);
  to_view (self, bounds.x, bounds.y, &x, &y);
  map = GRAPHENE_RECT_INIT (x, y, bounds.width * self->zoom, bounds.height * self->zoom);
  region = need;
  graphene_rect_inset (&region, -margin_x, -margin_y);
  graphene_rect_intersection (&region, &map, &region);
  graphene_rect_round_extents (&region, &region);
  to_map (self, region.origin.x, region.origin.y, &self->picture_x, &self->picture_y);
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
  graphene_rect_t r = view_rect_of (self, node);
  GskRoundedRect outline;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { accent, accent, accent, accent };

  graphene_rect_inset (&r, -width - 1, -width - 1);
  gsk_rounded_rect_init_from_rect (&outline, &r, 6 + width);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
acq_map_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  double w = view_width (self), h = view_height (self);
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
  if (picture_wanted (self))
    draw_picture (self);
  if (picture_usable (self))
    append_picture (self, snapshot, &viewport);
  else
    append_map (self, snapshot, &viewport);
  if (gtk_widget_get_focus_child (widget) != NULL && shown (self, self->selected))
    append_ring (self, snapshot, self->selected, 3);
  /* the zoom rests once no frame had it change for a while, however long frames take */
  if (self->zooming)
    {
      g_clear_handle_id (&self->zoom_end_id, g_source_remove);
      self->zoom_end_id = g_timeout_add (ZOOM_REST_MS, zoom_rest_cb, self);
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

static void
acq_map_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  AcqMapView *self = ACQ_MAP_VIEW (widget);
  graphene_rect_t viewport;
  gboolean all;

  if (self->layout == NULL)
    return;
  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      acq_map_view_zoom_fit (self);
    }
  /* An item out of view that was out of view already keeps its place: allocating 2,000 items
   * a frame would take most of it. The picture needs those around the view where they are. */
  all = picture_wanted (self);
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
      r = view_rect_of (self, i);
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
  item = item_of (self, shown (self, self->selected) ? self->selected : 0);
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
  g_clear_object (&self->layout);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (acq_map_view_parent_class)->dispose (object);
}

static void
acq_map_view_finalize (GObject *object)
{
  AcqMapView *self = ACQ_MAP_VIEW (object);

  g_hash_table_unref (self->folds);
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
  widget_class->snapshot = acq_map_view_snapshot;
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
  GtkEventController *controller;
  GtkGesture *gesture;

  self->items = g_ptr_array_new ();
  self->placed = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->all_items = g_ptr_array_new ();
  self->folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zoom = 1.0;
  self->fit_pending = TRUE;
  self->selected = ACQ_MAP_NO_NODE;
  self->came_from = ACQ_MAP_NO_NODE;
  self->drop_node = ACQ_MAP_NO_NODE;
  self->drag_edge = ACQ_MAP_NO_EDGE;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (on_drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
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
 * is fitted to the view.
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
      kind = node_at (self, self->selected)->kind;
      uuid = g_strdup (node_at (self, self->selected)->uuid);
    }
  if (self->map != NULL && self->came_from < acq_map_get_n_nodes (self->map))
    came_from = g_strdup (node_at (self, self->came_from)->uuid);
  g_set_object (&self->map, map);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      gpointer folded;

      if (node_at (self, i)->kind == ACQ_MAP_NODE_BLOC && node_at (self, i)->uuid != NULL &&
          (folded = g_hash_table_lookup (self->folds, node_at (self, i)->uuid)) != NULL)
        acq_map_set_folded (map, i, GPOINTER_TO_INT (folded) - 1);
    }
  g_clear_pointer (&self->matched, g_free);
  self->selected = uuid != NULL ? acq_map_find (map, kind, uuid) : ACQ_MAP_NO_NODE;
  self->came_from = came_from != NULL ? acq_map_find (map, ACQ_MAP_NODE_COMPETENCE, came_from)
                                      : ACQ_MAP_NO_NODE;
  self->drop_node = ACQ_MAP_NO_NODE;
  self->drag = DRAG_NONE;
  relayout (self);
  if (had_focus)
    focus_node (self, shown (self, self->selected) ? self->selected : 0);
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
  set_zoom_at (self, self->zoom * factor, view_width (self) / 2, view_height (self) / 2);
}

/**
 * acq_map_view_zoom_fit:
 * @self: a view
 *
 * Shows the whole map, centred, as large as the view allows.
 */
void
acq_map_view_zoom_fit (AcqMapView *self)
{
  cairo_rectangle_t bounds;
  double w, h;

  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  w = view_width (self);
  h = view_height (self);
  if (self->layout == NULL || w <= 0 || h <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }
  acq_map_layout_get_bounds (self->layout, &bounds);
  self->cx = bounds.x + bounds.width / 2;
  self->cy = bounds.y + bounds.height / 2;
  self->zoom = CLAMP (FIT_MARGIN * MIN (w / bounds.width, h / bounds.height),
                      ACQ_MAP_VIEW_MIN_ZOOM, 1.0);
  changed_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * acq_map_view_pan_by:
 * @self: a view
 * @dx: pixels to move the view rightwards over the map
 * @dy: pixels to move it downwards
 */
void
acq_map_view_pan_by (AcqMapView *self, double dx, double dy)
{
  g_return_if_fail (ACQ_IS_MAP_VIEW (self));
  self->cx += dx / self->zoom;
  self->cy += dy / self->zoom;
  changed_view (self);
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
          const AcqMapNode *node = node_at (self, i);
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

      if (self->matched[i] && shown (self, i))
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
  if (!shown (self, node))
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
  return show_menu_for (self, self->selected);
}
