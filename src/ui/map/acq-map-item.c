/* acq-map-item.c — one node of the competence map, as a focusable control
 *
 * The item is as large as its box at the view's zoom, and draws what the export draws (the
 * level's shape, the fold mark, the text laid out by the core) scaled to it, over its CSS box,
 * in the theme's colours. (A scale transform on the item would spare redrawing it at each zoom
 * step, but GTK 4.8 then gives screen readers its unscaled size.) A screen reader hears its
 * label, then its state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-item"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "acq-map-export.h"
#include "acq-map-item.h"

struct _AcqMapItem
{
  GtkWidget     parent_instance;

  AcqMapLayout *layout;
  guint         node;
  double        zoom;
};

G_DEFINE_FINAL_TYPE (AcqMapItem, acq_map_item, GTK_TYPE_WIDGET)

/* The shapes' colours: strong enough for white inner marks, on light and dark themes. */
static const GdkRGBA level_light[ACQ_N_COVERAGE_LEVELS] = {
  { 0.467, 0.463, 0.482, 1 }, { 0.369, 0.361, 0.392, 1 }, { 0.776, 0.275, 0.0, 1 },
  { 0.110, 0.443, 0.847, 1 }, { 0.149, 0.635, 0.412, 1 },
};
static const GdkRGBA level_dark[ACQ_N_COVERAGE_LEVELS] = {
  { 0.604, 0.600, 0.588, 1 }, { 0.753, 0.749, 0.737, 1 }, { 0.902, 0.380, 0.0, 1 },
  { 0.208, 0.518, 0.894, 1 }, { 0.200, 0.820, 0.478, 1 },
};

/**
 * acq_map_item_get_level_color:
 * @level: a coverage level
 * @dark: whether the theme is dark
 * @color: (out): where to put the colour of the level's shape
 */
void
acq_map_item_get_level_color (AcqCoverageLevel level, gboolean dark, GdkRGBA *color)
{
  g_return_if_fail (level < ACQ_N_COVERAGE_LEVELS);
  *color = dark ? level_dark[level] : level_light[level];
}

static const char *const kind_classes[] = { "certification", "bloc", "competence", "sheet" };
static const char *const level_classes[ACQ_N_COVERAGE_LEVELS] = {
  "level-none", "level-draft", "level-changes", "level-review", "level-validated",
};

/* Text is drawn by cairo, as the export draws it: GTK 4.8's text nodes, scaled down, place
 * the lines lower than Pango laid them out, and the last ones overflow the box. */
static void
acq_map_item_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AcqMapItem *self = ACQ_MAP_ITEM (widget);
  const AcqMapBox *box;
  const AcqMapNode *node;
  PangoLayout *text;
  PangoRectangle logical;
  cairo_rectangle_t icon, fold;
  GdkRGBA color, shape;
  cairo_t *cr;

  if (self->layout == NULL)
    return;
  node = acq_map_get_node (acq_map_layout_get_map (self->layout), self->node);
  box = acq_map_layout_get_box (self->layout, self->node);
  text = acq_map_layout_get_text (self->layout, self->node);
  if (!box->visible || text == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  acq_map_item_get_level_color (node->level,
                                adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                &shape);
  /* on the certification's dark box, a level's colour can be too close to it: its shape is
   * enough */
  if (node->kind == ACQ_MAP_NODE_CERTIFICATION)
    shape = color;
  acq_map_layout_get_marks (self->layout, self->node, &icon, &fold);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, box->rect.width, box->rect.height));
  cairo_translate (cr, -box->rect.x, -box->rect.y);
  if (icon.width > 0)
    {
      gdk_cairo_set_source_rgba (cr, &shape);
      acq_map_draw_level_shape (cr, node->level, icon.x, icon.y, icon.width);
    }
  gdk_cairo_set_source_rgba (cr, &color);
  if (fold.width > 0)
    acq_map_draw_fold_shape (cr, fold.x, fold.y, fold.width);
  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, box->label.x - (double) logical.x / PANGO_SCALE,
                 box->label.y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, text);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

/* The item takes the size the view gives it, its box's. */
static void
acq_map_item_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
acq_map_item_dispose (GObject *object)
{
  AcqMapItem *self = ACQ_MAP_ITEM (object);

  g_clear_object (&self->layout);
  G_OBJECT_CLASS (acq_map_item_parent_class)->dispose (object);
}

static void
acq_map_item_class_init (AcqMapItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acq_map_item_dispose;
  widget_class->snapshot = acq_map_item_snapshot;
  widget_class->measure = acq_map_item_measure;
  gtk_widget_class_set_css_name (widget_class, "mapitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
acq_map_item_init (AcqMapItem *self)
{
  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

/**
 * acq_map_item_new:
 *
 * Returns: (transfer floating): an item showing nothing until acq_map_item_set_node()
 */
GtkWidget *
acq_map_item_new (void)
{
  return g_object_new (ACQ_TYPE_MAP_ITEM, NULL);
}

/**
 * acq_map_item_dup_description:
 * @map: a map
 * @node: one of its nodes
 *
 * Returns: (transfer full): the node's state in words, as a screen reader says it after its
 *   label: "2 sheets, 1 validated — Validated"
 */
char *
acq_map_item_dup_description (AcqMap *map, guint node)
{
  const AcqMapNode *n = acq_map_get_node (map, node);
  const char *level = acq_coverage_level_label (n->level);
  g_autofree char *count = NULL;
  g_autofree char *counted = NULL;

  switch (n->kind)
    {
    case ACQ_MAP_NODE_COMPETENCE:
      if (n->n_links == 0)
        return g_strdup (level);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sheet", "%u sheets",
                                            n->n_links), n->n_links);
      if (n->n_validated == 0)
        /* TRANSLATORS: "2 sheets, none validated": %s is "2 sheets" */
        counted = g_strdup_printf (_("%s, none validated"), count);
      else
        /* TRANSLATORS: "2 sheets, 1 validated" (in French "2 fiches, dont 1 validée"): %s is
         * "2 sheets" */
        counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u validated",
                                                "%s, %u validated", n->n_validated),
                                   count, n->n_validated);
      /* the sheets, then the level: "2 sheets, 1 validated — Validated" */
      return g_strdup_printf ("%s — %s", counted, level);
    case ACQ_MAP_NODE_SHEET:
      if (n->n_links == 0)
        return g_strdup_printf (_("Sheet: %s, linked to no competence"), level);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sheet: %s, linked to %u competence",
                                           "Sheet: %s, linked to %u competences", n->n_links),
                              level, n->n_links);
    case ACQ_MAP_NODE_BLOC:
      {
        guint n_competences, n_validated;

        acq_map_count_competences (map, node, &n_competences, &n_validated);
        /* TRANSLATORS: "4 competences, 1 validated" */
        counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u competence, %u validated",
                                                "%u competences, %u validated", n_competences),
                                   n_competences, n_validated);
        if (!n->targeted)
          /* TRANSLATORS: "Bloc not targeted, 4 competences, 1 validated — No sheet yet" */
          return g_strdup_printf (_("Bloc not targeted, %s — %s"), counted, level);
        /* TRANSLATORS: "Bloc, 4 competences, 1 validated — Drafts only" */
        return g_strdup_printf (_("Bloc, %s — %s"), counted, level);
      }
    case ACQ_MAP_NODE_CERTIFICATION:
    default:
      return g_strdup_printf (_("Certification — %s"), level);
    }
}

/**
 * acq_map_item_set_node:
 * @self: an item
 * @layout: a map's layout
 * @node: the node the item stands for, shown in @layout
 *
 * Shows the node: its CSS classes (kind, level, dimmed, folded), its accessible label and
 * description, its drawing.
 */
void
acq_map_item_set_node (AcqMapItem *self, AcqMapLayout *layout, guint node)
{
  AcqMap *map;
  const AcqMapNode *n;
  const AcqMapBox *box;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  const char *classes[8];
  guint k = 0;

  g_return_if_fail (ACQ_IS_MAP_ITEM (self));
  g_return_if_fail (ACQ_IS_MAP_LAYOUT (layout));

  map = acq_map_layout_get_map (layout);
  n = acq_map_get_node (map, node);
  box = acq_map_layout_get_box (layout, node);
  g_set_object (&self->layout, layout);
  self->node = node;

  classes[k++] = kind_classes[n->kind];
  classes[k++] = level_classes[n->level];
  if (box->dimmed)
    classes[k++] = "dimmed";
  if (n->kind == ACQ_MAP_NODE_BLOC && n->folded)
    classes[k++] = "folded";
  classes[k] = NULL;
  gtk_widget_set_css_classes (GTK_WIDGET (self), classes);

  description = acq_map_item_dup_description (map, node);
  text = acq_map_dup_text (map, node);
  g_strdelimit (text, "\n", ' ');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  if (n->kind == ACQ_MAP_NODE_BLOC)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 !n->folded, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * acq_map_item_get_node:
 * @self: an item
 *
 * Returns: the node it stands for
 */
guint
acq_map_item_get_node (AcqMapItem *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_ITEM (self), ACQ_MAP_NO_NODE);
  return self->node;
}

/**
 * acq_map_item_set_zoom:
 * @self: an item
 * @zoom: how many pixels a unit of the map takes
 */
void
acq_map_item_set_zoom (AcqMapItem *self, double zoom)
{
  g_return_if_fail (ACQ_IS_MAP_ITEM (self));
  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
