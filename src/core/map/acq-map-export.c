/* acq-map-export.c — the whole mind map as PNG, SVG, PDF or OPML
 *
 * The picture is the whole map, whatever part of it a window shows, under a header with the
 * candidate's name and a legend. Each coverage level has a colour and a shape of its own, so
 * that the map reads in greyscale and for colour-blind readers: a barred circle (no sheet), a
 * pencil (drafts), a warning triangle (changes asked), a clock (waiting for review), a tick
 * (validated); competences without a sheet also have a dashed border.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-export"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "acq-map-export.h"
#include "acq-map-private.h"
#include "acq-output-file.h"
#include "acq-people.h"

#define MARGIN        24.0
#define TITLE_SIZE    18.0
#define LEGEND_SIZE   12.0
#define LEGEND_GAP    22.0 /* between two entries of the legend */
#define CORNER        8.0
#define DIMMED_FADE   0.55 /* how far towards white a dimmed node's colours go */
/* Acrobat opens pages up to 200 inches a side; a larger map is scaled down to fit. */
#define PDF_MAX_SIDE  14400.0

typedef struct
{
  double r, g, b;
} Rgb;

/* GNOME's palette: light fills, strong borders and icons. */
static const Rgb level_fill[ACQ_N_COVERAGE_LEVELS] = {
  { 1.0, 1.0, 1.0 }, { 0.965, 0.961, 0.957 }, { 0.996, 0.906, 0.816 },
  { 0.859, 0.910, 0.984 }, { 0.847, 0.949, 0.878 },
};
static const Rgb level_stroke[ACQ_N_COVERAGE_LEVELS] = {
  { 0.467, 0.463, 0.482 }, { 0.369, 0.361, 0.392 }, { 0.776, 0.275, 0.0 },
  { 0.102, 0.373, 0.706 }, { 0.149, 0.635, 0.412 },
};
static const Rgb ink = { 0.141, 0.122, 0.192 };
static const Rgb certification_fill = { 0.239, 0.220, 0.275 };
static const Rgb bloc_fill = { 0.871, 0.867, 0.855 };
static const Rgb tree_edge = { 0.369, 0.361, 0.392 };
static const Rgb link_edge = { 0.604, 0.600, 0.588 };

/* A colour, faded towards white by @fade (0: as is): dimmed nodes are drawn opaque in faded
 * colours rather than translucent, so that edges do not show through them and PDF and SVG
 * need no transparency group. */
static void
set_rgb (cairo_t *cr, const Rgb *rgb, double fade)
{
  cairo_set_source_rgb (cr, rgb->r + (1 - rgb->r) * fade, rgb->g + (1 - rgb->g) * fade,
                        rgb->b + (1 - rgb->b) * fade);
}

static void
rounded_rect (cairo_t *cr, const cairo_rectangle_t *r, double radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_pencil (cairo_t *cr, double s)
{
  cairo_translate (cr, s / 2, s / 2);
  cairo_rotate (cr, -G_PI / 4);
  cairo_rectangle (cr, -s * 0.45, -s * 0.15, s * 0.6, s * 0.3);
  cairo_move_to (cr, s * 0.2, -s * 0.15);
  cairo_line_to (cr, s * 0.45, 0);
  cairo_line_to (cr, s * 0.2, s * 0.15);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_warning (cairo_t *cr, double s)
{
  cairo_move_to (cr, s / 2, s * 0.05);
  cairo_line_to (cr, s * 0.98, s * 0.92);
  cairo_line_to (cr, s * 0.02, s * 0.92);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, s * 0.12);
  cairo_move_to (cr, s / 2, s * 0.36);
  cairo_line_to (cr, s / 2, s * 0.62);
  cairo_stroke (cr);
  cairo_arc (cr, s / 2, s * 0.77, s * 0.07, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_clock (cairo_t *cr, double s)
{
  cairo_arc (cr, s / 2, s / 2, s / 2, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, s * 0.11);
  cairo_move_to (cr, s / 2, s * 0.2);
  cairo_line_to (cr, s / 2, s / 2);
  cairo_line_to (cr, s * 0.72, s * 0.62);
  cairo_stroke (cr);
}

static void
draw_tick (cairo_t *cr, double s)
{
  cairo_arc (cr, s / 2, s / 2, s / 2, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, s * 0.14);
  cairo_move_to (cr, s * 0.25, s * 0.52);
  cairo_line_to (cr, s * 0.43, s * 0.7);
  cairo_line_to (cr, s * 0.76, s * 0.32);
  cairo_stroke (cr);
}

/**
 * acq_map_draw_level_shape:
 * @cr: where to draw
 * @level: a coverage level
 * @x: the left of the square the shape fills
 * @y: its top
 * @size: its side
 *
 * Draws the level's shape (a barred circle, a pencil, a warning triangle, a clock, a tick) in
 * @cr's current source, its inner marks in white: the shape that the map's nodes, its legend
 * and a window showing the map share.
 */
void
acq_map_draw_level_shape (cairo_t *cr, AcqCoverageLevel level, double x, double y, double size)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (level < ACQ_N_COVERAGE_LEVELS);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (level)
    {
    case ACQ_COVERAGE_NONE:
      cairo_set_line_width (cr, size * 0.11);
      cairo_arc (cr, size / 2, size / 2, size * 0.42, 0, 2 * G_PI);
      cairo_move_to (cr, size * 0.2, size * 0.8);
      cairo_line_to (cr, size * 0.8, size * 0.2);
      cairo_stroke (cr);
      break;
    case ACQ_COVERAGE_DRAFT: draw_pencil (cr, size); break;
    case ACQ_COVERAGE_CHANGES_REQUESTED: draw_warning (cr, size); break;
    case ACQ_COVERAGE_TO_REVIEW: draw_clock (cr, size); break;
    case ACQ_COVERAGE_VALIDATED: draw_tick (cr, size); break;
    case ACQ_N_COVERAGE_LEVELS: default: break;
    }
  cairo_restore (cr);
}

/* The level's shape in its colour, in a square of side @size at (@x, @y). */
static void
draw_level_icon (cairo_t *cr, AcqCoverageLevel level, double x, double y, double size,
                 double fade)
{
  cairo_save (cr);
  set_rgb (cr, &level_stroke[level], fade);
  acq_map_draw_level_shape (cr, level, x, y, size);
  cairo_restore (cr);
}

static void
draw_text (cairo_t *cr, PangoLayout *text, double x, double y)
{
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, text);
  cairo_new_path (cr);
}

/**
 * acq_map_draw_fold_shape:
 * @cr: where to draw
 * @x: the left of the square the shape fills
 * @y: its top
 * @size: its side
 *
 * Draws the mark of a folded bloc, a circled plus, in @cr's current source.
 */
void
acq_map_draw_fold_shape (cairo_t *cr, double x, double y, double size)
{
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, size * 1.5 / ACQ_MAP_FOLD_SIZE);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 2 - 0.75, 0, 2 * G_PI);
  cairo_move_to (cr, x + size * 0.27, y + size / 2);
  cairo_line_to (cr, x + size * 0.73, y + size / 2);
  cairo_move_to (cr, x + size / 2, y + size * 0.27);
  cairo_line_to (cr, x + size / 2, y + size * 0.73);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * acq_map_trace_path:
 * @cr: where to trace
 * @points: (array length=n_points): an edge's polyline, from acq_map_layout_get_path()
 * @n_points: how many points it has, at least 2
 *
 * Adds the polyline to @cr's path with its corners rounded, by less than the clearance the
 * layout leaves around it, as the map draws its edges.
 */
void
acq_map_trace_path (cairo_t *cr, const AcqMapPoint *points, guint n_points)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL && n_points >= 2);

  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint p = 1; p + 1 < n_points; p++)
    {
      AcqMapPoint a = points[p - 1], c = points[p], d = points[p + 1];
      double in = hypot (c.x - a.x, c.y - a.y), out = hypot (d.x - c.x, d.y - c.y);
      double r = MIN (ACQ_MAP_EDGE_CORNER, MIN (in, out) / 2);

      if (r < 1e-6)
        {
          cairo_line_to (cr, c.x, c.y);
          continue;
        }
      cairo_line_to (cr, c.x - (c.x - a.x) / in * r, c.y - (c.y - a.y) / in * r);
      cairo_curve_to (cr, c.x, c.y, c.x, c.y, c.x + (d.x - c.x) / out * r,
                      c.y + (d.y - c.y) / out * r);
    }
  cairo_line_to (cr, points[n_points - 1].x, points[n_points - 1].y);
}

static void
draw_node (cairo_t *cr, AcqMapLayout *layout, guint index)
{
  const AcqMapNode *node = acq_map_get_node (acq_map_layout_get_map (layout), index);
  const AcqMapBox *box = acq_map_layout_get_box (layout, index);
  const Rgb *fill = &level_fill[node->level], *stroke = &level_stroke[node->level];
  cairo_rectangle_t icon, fold;
  double fade = box->dimmed ? DIMMED_FADE : 0;

  if (node->kind == ACQ_MAP_NODE_CERTIFICATION)
    fill = stroke = &certification_fill;
  else if (node->kind == ACQ_MAP_NODE_BLOC)
    fill = &bloc_fill, stroke = &tree_edge;
  rounded_rect (cr, &box->rect, node->kind == ACQ_MAP_NODE_SHEET ? CORNER / 2 : CORNER);
  set_rgb (cr, fill, fade);
  cairo_fill_preserve (cr);
  set_rgb (cr, stroke, fade);
  cairo_set_line_width (cr, node->kind == ACQ_MAP_NODE_SHEET ? 1.2 : 2.0);
  if (node->kind == ACQ_MAP_NODE_COMPETENCE && node->level == ACQ_COVERAGE_NONE)
    cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  acq_map_layout_get_marks (layout, index, &icon, &fold);
  if (icon.width > 0)
    draw_level_icon (cr, node->level, icon.x, icon.y, icon.width, fade);
  if (fold.width > 0)
    {
      set_rgb (cr, &tree_edge, fade);
      acq_map_draw_fold_shape (cr, fold.x, fold.y, fold.width);
    }
  if (node->kind == ACQ_MAP_NODE_CERTIFICATION)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    set_rgb (cr, &ink, fade);
  draw_text (cr, acq_map_layout_get_text (layout, index), box->label.x, box->label.y);
}

static void
draw_edge (cairo_t *cr, AcqMapLayout *layout, guint index)
{
  AcqMap *map = acq_map_layout_get_map (layout);
  const AcqMapEdge *edge = acq_map_get_edge (map, index);
  gboolean link = acq_map_get_node (map, edge->to)->kind == ACQ_MAP_NODE_SHEET;
  double fade = acq_map_layout_get_box (layout, edge->to)->dimmed ? DIMMED_FADE : 0;
  guint n;
  const AcqMapPoint *points = acq_map_layout_get_path (layout, index, &n);

  if (points == NULL)
    return;
  acq_map_trace_path (cr, points, n);
  set_rgb (cr, link ? &link_edge : &tree_edge, fade);
  cairo_set_line_width (cr, link ? 1.2 : 2.0);
  cairo_stroke (cr);
}

/**
 * acq_map_draw:
 * @layout: a map's layout
 * @cr: where to draw, in the layout's coordinates
 *
 * Draws the map's edges, then its nodes over them, without background.
 */
void
acq_map_draw (AcqMapLayout *layout, cairo_t *cr)
{
  AcqMap *map;
  guint n_nodes, n_edges;

  g_return_if_fail (ACQ_IS_MAP_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  map = acq_map_layout_get_map (layout);
  n_nodes = acq_map_get_n_nodes (map);
  n_edges = acq_map_get_n_edges (map);
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint e = 0; e < n_edges; e++)
    draw_edge (cr, layout, e);
  for (guint i = 0; i < n_nodes; i++)
    if (acq_map_layout_get_box (layout, i)->visible)
      draw_node (cr, layout, i);
  cairo_restore (cr);
}

typedef struct
{
  PangoLayout *title;
  PangoLayout *entries[ACQ_N_COVERAGE_LEVELS];
  double       title_height;
  double       legend_width;
  double       legend_height;
  double       height;         /* the whole header */
} Header;

static void
header_clear (Header *header)
{
  g_clear_object (&header->title);
  for (guint i = 0; i < ACQ_N_COVERAGE_LEVELS; i++)
    g_clear_object (&header->entries[i]);
}

static void
header_measure (AcqMapLayout *layout, Header *header)
{
  AcqMap *map = acq_map_layout_get_map (layout);
  const char *title = acq_map_get_title (map);
  int w, h;

  header->title = _acq_map_layout_new_text (layout, title != NULL ? title
                                                    : acq_map_get_node (map, 0)->label,
                                            TITLE_SIZE, TRUE);
  pango_layout_get_size (header->title, &w, &h);
  header->title_height = (double) h / PANGO_SCALE;
  header->legend_width = 0;
  header->legend_height = ACQ_MAP_ICON_SIZE;
  for (guint i = 0; i < ACQ_N_COVERAGE_LEVELS; i++)
    {
      header->entries[i] = _acq_map_layout_new_text (layout, acq_coverage_level_label (i),
                                                     LEGEND_SIZE, FALSE);
      pango_layout_get_size (header->entries[i], &w, &h);
      header->legend_width += (i > 0 ? LEGEND_GAP : 0) + ACQ_MAP_ICON_SIZE + ACQ_MAP_ICON_GAP +
                              (double) w / PANGO_SCALE;
      header->legend_height = MAX (header->legend_height, (double) h / PANGO_SCALE);
    }
  header->height = MARGIN + header->title_height + 8 + header->legend_height;
}

static void
page_size (AcqMapLayout *layout, const Header *header, double *width, double *height)
{
  cairo_rectangle_t bounds;
  int w;

  acq_map_layout_get_bounds (layout, &bounds);
  pango_layout_get_size (header->title, &w, NULL);
  *width = ceil (MAX (bounds.width, 2 * MARGIN + MAX (header->legend_width,
                                                     (double) w / PANGO_SCALE)));
  *height = ceil (header->height + bounds.height);
}

/**
 * acq_map_export_get_size:
 * @layout: a map's layout
 * @width: (out): where to put the width of the exported picture, in the map's units
 * @height: (out): where to put its height
 */
void
acq_map_export_get_size (AcqMapLayout *layout, double *width, double *height)
{
  Header header = { 0 };

  g_return_if_fail (ACQ_IS_MAP_LAYOUT (layout));
  header_measure (layout, &header);
  page_size (layout, &header, width, height);
  header_clear (&header);
}

/**
 * acq_map_export_draw:
 * @layout: a map's layout
 * @cr: where to draw, from (0, 0) to the size acq_map_export_get_size() gives
 *
 * Draws the exported picture: a white page, the title (the map's, else the certification),
 * the legend of the levels, and the whole map under them.
 */
void
acq_map_export_draw (AcqMapLayout *layout, cairo_t *cr)
{
  Header header = { 0 };
  cairo_rectangle_t bounds;
  double width, height, x = MARGIN, y;

  g_return_if_fail (ACQ_IS_MAP_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  header_measure (layout, &header);
  page_size (layout, &header, &width, &height);
  acq_map_layout_get_bounds (layout, &bounds);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  set_rgb (cr, &ink, 0);
  draw_text (cr, header.title, MARGIN, MARGIN);
  y = MARGIN + header.title_height + 8;
  for (guint i = 0; i < ACQ_N_COVERAGE_LEVELS; i++)
    {
      int w;

      draw_level_icon (cr, i, x, y + (header.legend_height - ACQ_MAP_ICON_SIZE) / 2,
                       ACQ_MAP_ICON_SIZE, 0);
      x += ACQ_MAP_ICON_SIZE + ACQ_MAP_ICON_GAP;
      set_rgb (cr, &ink, 0);
      draw_text (cr, header.entries[i], x, y);
      pango_layout_get_size (header.entries[i], &w, NULL);
      x += (double) w / PANGO_SCALE + LEGEND_GAP;
    }
  cairo_translate (cr, (width - bounds.width) / 2 - bounds.x, header.height - bounds.y);
  acq_map_draw (layout, cr);
  cairo_restore (cr);
  header_clear (&header);
}

/**
 * acq_map_format_for_path:
 * @path: a file name
 * @format: (out): where to put the format its extension names
 *
 * Returns: %TRUE if @path ends in .png, .svg, .pdf or .opml (in any case)
 */
gboolean
acq_map_format_for_path (const char *path, AcqMapFormat *format)
{
  static const char *const extensions[] = { ".png", ".svg", ".pdf", ".opml" };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      {
        *format = (AcqMapFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Text for XML: control characters, which XML 1.0 cannot hold even escaped, become spaces. */
static char *
escape_xml (const char *text)
{
  g_autofree char *clean = g_strdup (text != NULL ? text : "");

  for (char *c = clean; *c != '\0'; c++)
    if ((guchar) *c < 0x20)
      *c = ' ';
  return g_markup_escape_text (clean, -1);
}

static void
append_attribute (GString *xml, const char *name, const char *value)
{
  g_autofree char *escaped = escape_xml (value);

  g_string_append_printf (xml, " %s=\"%s\"", name, escaped);
}

/* A sheet's level is its review state under another name. */
static AcqReviewState
state_of_level (AcqCoverageLevel level)
{
  switch (level)
    {
    case ACQ_COVERAGE_CHANGES_REQUESTED: return ACQ_REVIEW_STATE_CHANGES_REQUESTED;
    case ACQ_COVERAGE_TO_REVIEW: return ACQ_REVIEW_STATE_TO_REVIEW;
    case ACQ_COVERAGE_VALIDATED: return ACQ_REVIEW_STATE_VALIDATED;
    case ACQ_COVERAGE_NONE:
    case ACQ_COVERAGE_DRAFT:
    case ACQ_N_COVERAGE_LEVELS:
    default:
      return ACQ_REVIEW_STATE_DRAFT;
    }
}

static void
append_outline (GString *xml, AcqMap *map, guint index, guint depth)
{
  const AcqMapNode *node = acq_map_get_node (map, index);
  guint n_edges, n_children = 0;
  const guint *edges = acq_map_get_node_edges (map, index, &n_edges);

  g_string_append_printf (xml, "%*s<outline", (int) (2 * depth), "");
  append_attribute (xml, "text", node->label);
  if (node->kind == ACQ_MAP_NODE_COMPETENCE)
    append_attribute (xml, "_note", acq_coverage_level_label (node->level));
  else if (node->kind == ACQ_MAP_NODE_SHEET)
    append_attribute (xml, "_note", acq_review_state_label (state_of_level (node->level)));
  for (guint e = 0; e < n_edges; e++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (map, edges[e]);

      if (edge->from != index)
        continue;
      if (n_children++ == 0)
        g_string_append (xml, ">\n");
      append_outline (xml, map, edge->to, depth + 1);
    }
  if (n_children == 0)
    g_string_append (xml, "/>\n");
  else
    g_string_append_printf (xml, "%*s</outline>\n", (int) (2 * depth), "");
}

/**
 * acq_map_export_opml:
 * @map: a map
 *
 * The map as an OPML 2.0 outline, which other mind-map tools open: the certification, its
 * blocs, their competences (their level in `_note`), and under each competence the sheets that
 * demonstrate it (their review state in `_note`). A sheet under several competences is
 * repeated (an outline is a tree); a sheet linked to no competence is left out. Folded blocs
 * are written whole.
 *
 * Returns: (transfer full): the XML document
 */
char *
acq_map_export_opml (AcqMap *map)
{
  g_autofree char *title = NULL;
  GString *xml;

  g_return_val_if_fail (ACQ_IS_MAP (map), NULL);
  title = escape_xml (acq_map_get_title (map) != NULL ? acq_map_get_title (map)
                                                      : acq_map_get_node (map, 0)->label);
  xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
  g_string_append_printf (xml, "  <head>\n    <title>%s</title>\n  </head>\n  <body>\n", title);
  append_outline (xml, map, 0, 2);
  g_string_append (xml, "  </body>\n</opml>\n");
  return g_string_free (xml, FALSE);
}

typedef struct
{
  int fd;
  int saved_errno; /* the first write refused, 0 if none */
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  if (sink->saved_errno == 0 && !acq_output_file_write_all (sink->fd, data, length))
    sink->saved_errno = errno;
  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_WRITE,
               _("The map could not be written to “%s”: %s. Check that you may write in this "
                 "folder and that the disk is not full."),
               name, g_strerror (saved_errno));
  return FALSE;
}

static cairo_surface_t *
create_surface (AcqMapLayout *layout, AcqMapFormat format, Sink *sink, double *scale)
{
  double width, height;

  acq_map_export_get_size (layout, &width, &height);
  switch (format)
    {
    case ACQ_MAP_FORMAT_PNG:
      *scale = MIN (1.0, ACQ_MAP_PNG_MAX_SIDE / MAX (width, height));
      return cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * *scale),
                                         (int) ceil (height * *scale));
    case ACQ_MAP_FORMAT_SVG:
      *scale = 1.0;
      return cairo_svg_surface_create_for_stream (sink_write, sink, width, height);
    case ACQ_MAP_FORMAT_PDF:
      *scale = MIN (1.0, PDF_MAX_SIDE / MAX (width, height));
      return cairo_pdf_surface_create_for_stream (sink_write, sink, width * *scale,
                                                  height * *scale);
    case ACQ_MAP_FORMAT_OPML:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Draws into a private file beside @path that replaces it only once complete. */
static gboolean
export_picture (AcqMapLayout *layout, const char *path, AcqMapFormat format, GError **error)
{
  g_autofree char *tmp = NULL;
  Sink sink = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale = 1.0;

  if ((sink.fd = acq_output_file_open (path, &tmp)) < 0)
    return set_write_error (error, path, errno);
  surface = create_surface (layout, format, &sink, &scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  acq_map_export_draw (layout, cr);
  cairo_destroy (cr);
  if (format == ACQ_MAP_FORMAT_PNG && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.saved_errno != 0)
    {
      acq_output_file_abandon (sink.fd, tmp);
      return set_write_error (error, path, sink.saved_errno);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      acq_output_file_abandon (sink.fd, tmp);
      g_set_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_WRITE,
                   _("The map could not be drawn (%s). Try another format."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!acq_output_file_commit (sink.fd, tmp, path))
    return set_write_error (error, path, errno);
  return TRUE;
}

static gboolean
export_text (const char *text, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;
  int fd = acq_output_file_open (path, &tmp);

  if (fd < 0)
    return set_write_error (error, path, errno);
  if (!acq_output_file_write_all (fd, text, strlen (text)))
    {
      acq_output_file_abandon (fd, tmp);
      return set_write_error (error, path, errno);
    }
  if (!acq_output_file_commit (fd, tmp, path))
    return set_write_error (error, path, errno);
  return TRUE;
}

/**
 * acq_map_export:
 * @layout: a map's layout
 * @path: the file to write; its extension (.png, .svg, .pdf or .opml) says the format
 * @error: where to put an error: %ACQ_MAP_ERROR_FORMAT, or %ACQ_MAP_ERROR_WRITE if the file
 *   could not be written
 *
 * Writes the whole map, as acq_map_export_draw() draws it, or its outline. An existing file
 * is replaced only once the new one is complete; the file is the user's only (0600).
 *
 * Returns: %TRUE if written
 */
gboolean
acq_map_export (AcqMapLayout *layout, const char *path, GError **error)
{
  AcqMapFormat format;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!acq_map_format_for_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_FORMAT,
                   _("“%s” does not end in .png, .svg, .pdf or .opml: give the map one of "
                     "these names."), name);
      return FALSE;
    }
  if (format == ACQ_MAP_FORMAT_OPML)
    {
      g_autofree char *opml = acq_map_export_opml (acq_map_layout_get_map (layout));

      return export_text (opml, path, error);
    }
  return export_picture (layout, path, format, error);
}

typedef struct
{
  char  *data_dir;
  char  *candidate_uuid;
  char  *title;
  GStrv  folded;
  char  *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->data_dir);
  g_free (job->candidate_uuid);
  g_free (job->title);
  g_strfreev (job->folded);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (job->data_dir, &error);
  g_autoptr (AcqMap) map = NULL;
  g_autoptr (AcqMapLayout) layout = NULL;
  g_autoptr (GPtrArray) people = NULL;

  if (store == NULL || !(map = acq_map_load (store, job->candidate_uuid, &error)) ||
      !(people = acq_person_mention_list (store, job->candidate_uuid, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  acq_map_set_title (map, job->title);
  /* the file leaves the machine: the names the candidate accepted to replace are replaced */
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_SHEET)
      {
        g_autofree char *label = acq_people_replace (acq_map_get_node (map, i)->label, people);

        acq_map_set_label (map, i, label);
      }
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_BLOC)
      acq_map_set_folded (map, i, job->folded != NULL &&
                                    g_strv_contains ((const char *const *) job->folded,
                                                     acq_map_get_node (map, i)->uuid));
  layout = acq_map_layout_compute (map);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!acq_map_export (layout, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * acq_map_export_async:
 * @store: the store; the map is loaded and drawn on a connection of its own, in a worker thread
 * @candidate_uuid: whose map
 * @title: (nullable): what the picture is headed with (the candidate's name)
 * @folded: (nullable) (array zero-terminated=1): the blocs to draw folded; the others are
 *   drawn unfolded
 * @path: the file to write, as acq_map_export() takes it
 * @cancellable: (nullable): to give up
 * @callback: called in the caller's thread-default main context once written or failed
 * @user_data: given to @callback
 *
 * Does what acq_map_export() does with the candidate's map as it is in the store: a PNG of a
 * large map takes seconds, which a window must not wait for.
 */
void
acq_map_export_async (AcqStore *store, const char *candidate_uuid, const char *title,
                      const char *const *folded, const char *path, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (candidate_uuid != NULL && path != NULL);

  job = g_new0 (ExportJob, 1);
  job->data_dir = g_strdup (acq_store_get_data_dir (store));
  job->candidate_uuid = g_strdup (candidate_uuid);
  job->title = g_strdup (title);
  job->folded = g_strdupv ((GStrv) folded);
  job->path = g_strdup (path);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_map_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * acq_map_export_finish:
 * @store: the store given to acq_map_export_async()
 * @result: what the callback was given
 * @error: where to put what acq_map_export() would have
 *
 * Returns: %TRUE if written
 */
gboolean
acq_map_export_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
