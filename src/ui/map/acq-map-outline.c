/* acq-map-outline.c — the competence map as an outline: a tree list for narrow windows and
 * screen readers
 *
 * The same map as the view's, read from top to bottom: the certification, its blocs, their
 * competences ("C1.4 · wording") and under each the sheets that demonstrate it (a sheet of
 * several competences is under each), then the sheets linked to nothing. A row says its state
 * with the level's shape, and in words to a screen reader. A GtkListBox with rows that fold
 * rather than a GtkListView: GTK 4.8 gives a screen reader the list box's rows, their names
 * and their expanded state as they are; a map has a few hundred rows at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-outline"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "acq-map-export.h"
#include "acq-map-item.h"
#include "acq-map-outline.h"

#define INDENT 24 /* pixels a level of the tree moves its rows right */

typedef struct
{
  GtkWidget *row;
  GtkWidget *arrow;    /* NULL for a row that holds no other */
  guint      node;
  guint      parent;   /* the row of the node it is under, or G_MAXUINT */
  gboolean   expanded;
} Row;

struct _AcqMapOutline
{
  GtkWidget   parent_instance;

  /* template children, alphabetical */
  GtkListBox *list_box;
  GtkWidget  *scrolled_window;

  AcqMap     *map;
  GArray     *rows;      /* (element-type Row) */
  GHashTable *collapsed; /* "kind:uuid" → 1: the rows the user folded */
};

G_DEFINE_FINAL_TYPE (AcqMapOutline, acq_map_outline, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_OPEN_SHEET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_key (AcqMapOutline *self, guint node)
{
  const AcqMapNode *n = acq_map_get_node (self->map, node);

  return g_strdup_printf ("%d:%s", n->kind, n->uuid != NULL ? n->uuid : "");
}

static void
draw_shape (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  AcqCoverageLevel level = GPOINTER_TO_UINT (data);
  GdkRGBA color;

  acq_map_item_get_level_color (level, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                &color);
  gdk_cairo_set_source_rgba (cr, &color);
  acq_map_draw_level_shape (cr, level, 0, 0, MIN (width, height));
}

/* Shows the rows whose every ancestor is expanded; the arrows say which are. */
static void
update_rows (AcqMapOutline *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      gboolean shown = TRUE;

      for (guint p = row->parent; p != G_MAXUINT && shown;
           p = g_array_index (self->rows, Row, p).parent)
        shown = g_array_index (self->rows, Row, p).expanded;
      gtk_widget_set_visible (row->row, shown);
      if (row->arrow == NULL)
        continue;
      gtk_image_set_from_icon_name (GTK_IMAGE (row->arrow),
                                    row->expanded ? "pan-down-symbolic" : "pan-end-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_STATE_EXPANDED,
                                   row->expanded, -1);
    }
}

static void
set_expanded (AcqMapOutline *self, guint index, gboolean expanded)
{
  Row *row = &g_array_index (self->rows, Row, index);
  g_autofree char *key = dup_key (self, row->node);

  if (row->arrow == NULL || row->expanded == expanded)
    return;
  row->expanded = expanded;
  if (expanded)
    g_hash_table_remove (self->collapsed, key);
  else
    g_hash_table_add (self->collapsed, g_steal_pointer (&key));
  update_rows (self);
}

static guint
index_of (GtkListBoxRow *row)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "acq-index"));
}

static void
on_list_box_row_activated_cb (AcqMapOutline *self, GtkListBoxRow *list_row)
{
  guint index = index_of (list_row);
  Row *row = &g_array_index (self->rows, Row, index);
  const AcqMapNode *node = acq_map_get_node (self->map, row->node);

  if (node->kind == ACQ_MAP_NODE_SHEET)
    g_signal_emit (self, signals[SIGNAL_OPEN_SHEET], 0, node->uuid);
  else
    set_expanded (self, index, !row->expanded);
}

/* Left folds the row, or goes to the row it is under; Right unfolds it. */
static gboolean
on_key_pressed_cb (AcqMapOutline *self, guint keyval, guint keycode, GdkModifierType state)
{
  GtkListBoxRow *focused = GTK_LIST_BOX_ROW (gtk_widget_get_focus_child (GTK_WIDGET (self->list_box)));
  Row *row;
  guint index;

  if (focused == NULL || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  index = index_of (focused);
  row = &g_array_index (self->rows, Row, index);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (row->arrow != NULL && row->expanded)
        set_expanded (self, index, FALSE);
      else if (row->parent != G_MAXUINT)
        gtk_widget_grab_focus (g_array_index (self->rows, Row, row->parent).row);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (row->arrow != NULL)
        set_expanded (self, index, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
add_row (AcqMapOutline *self, guint node, guint parent, guint depth, gboolean expandable)
{
  const AcqMapNode *n = acq_map_get_node (self->map, node);
  /* a bloc's counts are in its state */
  g_autofree char *text = n->kind == ACQ_MAP_NODE_BLOC ? g_strdup (n->label)
                                                       : acq_map_dup_text (self->map, node);
  g_autofree char *state = acq_map_item_dup_description (self->map, node);
  g_autofree char *name = NULL;
  g_autofree char *key = dup_key (self, node);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *shape = gtk_drawing_area_new ();
  GtkWidget *label;
  Row row = { gtk_list_box_row_new (), NULL, node, parent, FALSE };

  g_strdelimit (text, "\n", ' ');
  gtk_widget_set_margin_start (box, 6 + (int) depth * INDENT + (expandable ? 0 : 16 + 8));
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (expandable)
    {
      row.arrow = gtk_image_new ();
      gtk_box_append (GTK_BOX (box), row.arrow);
      /* a bloc not aimed at starts folded, as on the map */
      row.expanded = !g_hash_table_contains (self->collapsed, key) &&
                     !(n->kind == ACQ_MAP_NODE_BLOC && !n->targeted);
    }
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (shape), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (shape), 14);
  gtk_widget_set_valign (shape, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (shape), draw_shape,
                                  GUINT_TO_POINTER (n->level), NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (shape), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), shape);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (n->kind == ACQ_MAP_NODE_CERTIFICATION || n->kind == ACQ_MAP_NODE_BLOC)
    gtk_widget_add_css_class (label, "heading");
  if (!n->targeted)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row.row), box);
  /* "C1.4 · Travailler en équipe…, 2 sheets, 1 validated — Validated" */
  name = g_strdup_printf ("%s, %s", text, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row.row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (row.row, state);
  g_object_set_data (G_OBJECT (row.row), "acq-index", GUINT_TO_POINTER (self->rows->len));
  gtk_list_box_append (self->list_box, row.row);
  g_array_append_val (self->rows, row);
}

/* The nodes an edge leads to from @node, of @kind, in the map's order. */
static GArray *
children_of (AcqMapOutline *self, guint node, AcqMapNodeKind kind)
{
  GArray *children = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;
  const guint *edges = acq_map_get_node_edges (self->map, node, &n);

  for (guint i = 0; i < n; i++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (self->map, edges[i]);

      if (edge->from == node && acq_map_get_node (self->map, edge->to)->kind == kind)
        g_array_append_val (children, edge->to);
    }
  return children;
}

static void
rebuild (AcqMapOutline *self)
{
  GtkWidget *child;
  guint focused_node = G_MAXUINT, focused_parent_node = G_MAXUINT, certification_row;
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list_box));

  if (focus != NULL)
    {
      Row *row = &g_array_index (self->rows, Row, index_of (GTK_LIST_BOX_ROW (focus)));

      focused_node = row->node;
      if (row->parent != G_MAXUINT)
        focused_parent_node = g_array_index (self->rows, Row, row->parent).node;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_array_set_size (self->rows, 0);
  if (self->map == NULL)
    return;
  certification_row = self->rows->len;
  add_row (self, 0, G_MAXUINT, 0, TRUE);
  for (guint b = 0; b < acq_map_get_n_nodes (self->map); b++)
    {
      g_autoptr (GArray) competences = NULL;
      guint bloc_row;

      if (acq_map_get_node (self->map, b)->kind != ACQ_MAP_NODE_BLOC)
        continue;
      competences = children_of (self, b, ACQ_MAP_NODE_COMPETENCE);
      bloc_row = self->rows->len;
      add_row (self, b, certification_row, 1, competences->len > 0);
      for (guint c = 0; c < competences->len; c++)
        {
          guint competence = g_array_index (competences, guint, c);
          g_autoptr (GArray) sheets = children_of (self, competence, ACQ_MAP_NODE_SHEET);
          guint competence_row = self->rows->len;

          add_row (self, competence, bloc_row, 2, sheets->len > 0);
          for (guint s = 0; s < sheets->len; s++)
            add_row (self, g_array_index (sheets, guint, s), competence_row, 3, FALSE);
        }
    }
  for (guint i = 0; i < acq_map_get_n_nodes (self->map); i++)
    if (acq_map_get_node (self->map, i)->kind == ACQ_MAP_NODE_SHEET &&
        acq_map_get_node (self->map, i)->n_links == 0)
      add_row (self, i, certification_row, 1, FALSE);
  update_rows (self);
  /* the focus stays on the same node, under the same parent if it can */
  for (guint i = 0; focused_node != G_MAXUINT && i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row->node == focused_node &&
          (row->parent == G_MAXUINT ||
           g_array_index (self->rows, Row, row->parent).node == focused_parent_node ||
           focused_parent_node == G_MAXUINT) && gtk_widget_get_visible (row->row))
        {
          gtk_widget_grab_focus (row->row);
          break;
        }
    }
}

static void
acq_map_outline_dispose (GObject *object)
{
  AcqMapOutline *self = ACQ_MAP_OUTLINE (object);

  g_clear_object (&self->map);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACQ_TYPE_MAP_OUTLINE);
  G_OBJECT_CLASS (acq_map_outline_parent_class)->dispose (object);
}

static void
acq_map_outline_finalize (GObject *object)
{
  AcqMapOutline *self = ACQ_MAP_OUTLINE (object);

  g_array_unref (self->rows);
  g_hash_table_unref (self->collapsed);
  G_OBJECT_CLASS (acq_map_outline_parent_class)->finalize (object);
}

static gboolean
acq_map_outline_grab_focus (GtkWidget *widget)
{
  AcqMapOutline *self = ACQ_MAP_OUTLINE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  return row != NULL ? gtk_widget_grab_focus (GTK_WIDGET (row))
                     : GTK_WIDGET_CLASS (acq_map_outline_parent_class)->grab_focus (widget);
}

static void
acq_map_outline_class_init (AcqMapOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_map_outline_dispose;
  object_class->finalize = acq_map_outline_finalize;
  widget_class->grab_focus = acq_map_outline_grab_focus;

  /**
   * AcqMapOutline::open-sheet:
   * @sheet_uuid: a sheet activated (Enter, click)
   */
  signals[SIGNAL_OPEN_SHEET] =
    g_signal_new ("open-sheet", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/acquis/Acquis/ui/acq-map-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, AcqMapOutline, list_box);
  gtk_widget_class_bind_template_child (widget_class, AcqMapOutline, scrolled_window);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapoutline");
}

static void
acq_map_outline_init (AcqMapOutline *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), controller);
}

/**
 * acq_map_outline_new:
 *
 * Returns: (transfer floating): an outline showing no map yet
 */
GtkWidget *
acq_map_outline_new (void)
{
  return g_object_new (ACQ_TYPE_MAP_OUTLINE, NULL);
}

/**
 * acq_map_outline_set_map:
 * @self: an outline
 * @map: the map to show
 *
 * Shows @map, the rows the user folded still folded, the focus on the same node.
 */
void
acq_map_outline_set_map (AcqMapOutline *self, AcqMap *map)
{
  g_return_if_fail (ACQ_IS_MAP_OUTLINE (self));
  g_return_if_fail (ACQ_IS_MAP (map));
  g_set_object (&self->map, map);
  rebuild (self);
}
