/* acq-map-view-input.c — the map view's input: keys, pointer, drag, scroll, pinch, menus
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
  g_signal_emit_by_name (self, link ? "link" : "unlink", sheet, competence);
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

      if (_acq_map_view_node_at (self, b)->kind != ACQ_MAP_NODE_BLOC)
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

          if (c == b || _acq_map_view_node_at (self, c)->kind != ACQ_MAP_NODE_COMPETENCE)
            continue;
          name = g_strdup_printf ("link-%u", c);
          detailed = g_strconcat ("node.", name, NULL);
          code = acq_map_dup_competence_code (self->map, c);
          label = menu_label (code, _acq_map_view_node_at (self, c)->label);
          action = g_simple_action_new_stateful (name, NULL,
                                                 g_variant_new_boolean (_acq_map_view_are_linked (self, sheet,
                                                                                    c)));
          g_object_set_data_full (G_OBJECT (action), "sheet-uuid",
                                  g_strdup (_acq_map_view_node_at (self, sheet)->uuid), g_free);
          g_object_set_data_full (G_OBJECT (action), "competence-uuid",
                                  g_strdup (_acq_map_view_node_at (self, c)->uuid), g_free);
          g_signal_connect_object (action, "change-state", G_CALLBACK (on_link_change_state_cb),
                                   self, 0);
          g_action_map_add_action (actions, G_ACTION (action));
          g_menu_append (section, label, detailed);
        }
      /* "Bloc 1 — Accueillir…": the section says "Bloc 1" */
      bloc_title = g_strsplit (_acq_map_view_node_at (self, b)->label, " — ", 2);
      g_menu_append_section (menu, bloc_title[0], G_MENU_MODEL (section));
    }
  return menu;
}

static void
on_open_activate_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AcqMapView *self = data;

  g_signal_emit_by_name (self, "open-sheet", g_variant_get_string (parameter, NULL));
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

      if (_acq_map_view_node_at (self, s)->kind != ACQ_MAP_NODE_SHEET)
        continue;
      label = menu_label (NULL, _acq_map_view_node_at (self, s)->label);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "node.open", "s", _acq_map_view_node_at (self, s)->uuid);
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

gboolean
_acq_map_view_show_menu_for (AcqMapView *self, guint node)
{
  g_autoptr (GSimpleActionGroup) actions = NULL;
  g_autoptr (GMenu) menu = NULL;
  GtkWidget *popover;
  graphene_rect_t r;
  const AcqMapNode *n;

  if (!_acq_map_view_shown (self, node))
    return FALSE;
  n = _acq_map_view_node_at (self, node);
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
  r = _acq_map_view_view_rect_of (self, node);
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
  switch (_acq_map_view_node_at (self, node)->kind)
    {
    case ACQ_MAP_NODE_SHEET:
      g_signal_emit_by_name (self, "open-sheet", _acq_map_view_node_at (self, node)->uuid);
      break;
    case ACQ_MAP_NODE_COMPETENCE:
      _acq_map_view_show_menu_for (self, node);
      break;
    case ACQ_MAP_NODE_BLOC:
      _acq_map_view_toggle_fold (self, node);
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

  if (!_acq_map_view_shown (self, node) || gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();
  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_Down: case GDK_KEY_Left: case GDK_KEY_Right:
    case GDK_KEY_KP_Up: case GDK_KEY_KP_Down: case GDK_KEY_KP_Left: case GDK_KEY_KP_Right:
      if (state == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up))
        target = _acq_map_view_parent (self, node);
      else if (state != 0)
        return FALSE;
      else
        target = _acq_map_view_neighbour (self, node, keyval);
      if (target != ACQ_MAP_NO_NODE)
        _acq_map_view_focus_node (self, target);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_BackSpace:
      target = _acq_map_view_parent (self, node);
      if (_acq_map_view_shown (self, target))
        _acq_map_view_focus_node (self, target);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_Home:
      _acq_map_view_focus_node (self, 0);
      return TRUE;
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (_acq_map_view_node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE)
        node = _acq_map_view_node_at (self, node)->parent;
      if (_acq_map_view_node_at (self, node)->kind != ACQ_MAP_NODE_BLOC)
        return FALSE;
      _acq_map_view_toggle_fold (self, node);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      activate_node (self, node);
      return TRUE;
    case GDK_KEY_Menu:
      return _acq_map_view_show_menu_for (self, node);
    case GDK_KEY_F10:
      return (state & GDK_SHIFT_MASK) && _acq_map_view_show_menu_for (self, node);
    default:
      return FALSE;
    }
}

static void
on_click_pressed_cb (AcqMapView *self, int n_press, double x, double y, GtkGestureClick *gesture)
{
  guint node = _acq_map_view_node_at_point (self, x, y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (node == ACQ_MAP_NO_NODE)
    return;
  _acq_map_view_focus_node (self, node);
  if (button == GDK_BUTTON_SECONDARY)
    _acq_map_view_show_menu_for (self, node);
  else if (button == GDK_BUTTON_PRIMARY && n_press == 2)
    activate_node (self, node);
}

static void
on_drag_begin_cb (AcqMapView *self, double x, double y)
{
  guint node = _acq_map_view_node_at_point (self, x, y);
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
  if (node != ACQ_MAP_NO_NODE && _acq_map_view_node_at (self, node)->kind == ACQ_MAP_NODE_SHEET)
    self->drag = DRAG_SHEET;
  else if (node == ACQ_MAP_NO_NODE)
    {
      _acq_map_view_to_map (self, x, y, &mx, &my);
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
      _acq_map_view_user_moved (self);
      self->cx = self->drag_cx - dx / self->zoom;
      self->cy = self->drag_cy - dy / self->zoom;
      _acq_map_view_changed_view (self);
      break;
    case DRAG_SHEET:
      node = _acq_map_view_node_at_point (self, self->pointer_x, self->pointer_y);
      _acq_map_view_set_drop_node (self, node != ACQ_MAP_NO_NODE &&
                             _acq_map_view_node_at (self, node)->kind == ACQ_MAP_NODE_COMPETENCE
                           ? node : ACQ_MAP_NO_NODE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_LINK:
      _acq_map_view_to_map (self, self->pointer_x, self->pointer_y, &mx, &my);
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
  _acq_map_view_set_drop_node (self, ACQ_MAP_NO_NODE);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode == DRAG_SHEET && dropped && competence != ACQ_MAP_NO_NODE &&
      !_acq_map_view_are_linked (self, sheet, competence))
    g_signal_emit_by_name (self, "link", _acq_map_view_node_at (self, sheet)->uuid,
                   _acq_map_view_node_at (self, competence)->uuid);
  else if (mode == DRAG_LINK && detached)
    {
      const AcqMapEdge *link = acq_map_get_edge (self->map, edge);
      g_autofree char *sheet_uuid = g_strdup (_acq_map_view_node_at (self, link->to)->uuid);
      g_autofree char *competence_uuid = g_strdup (_acq_map_view_node_at (self, link->from)->uuid);

      g_signal_emit_by_name (self, "unlink", sheet_uuid, competence_uuid);
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
      _acq_map_view_user_moved (self);
      _acq_map_view_set_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy * (step == 1.0 ? 0.02 : 1)),
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
    x = _acq_map_view_view_width (self) / 2, y = _acq_map_view_view_height (self) / 2;
  _acq_map_view_user_moved (self);
  _acq_map_view_set_zoom_at (self, self->pinch_zoom * scale, x, y);
}

/* The controllers, connected to the callbacks above. */
void
_acq_map_view_add_input (AcqMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

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
