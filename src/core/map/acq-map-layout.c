/* acq-map-layout.c — where each node and edge of a mind map goes: a pure function of the map
 *
 * The inner part is radial: the certification at the centre, the blocs on a ring around it,
 * the competences on a ring outside, each in its own slot of the circle (a folded bloc, and
 * the sheets linked to nothing, take one slot each). The rings grow until no two boxes meet
 * and no edge crosses a box. None of this depends on the sheets.
 *
 * Outside the inner part, the plane is a grid of cells, each the size of the largest sheet
 * box plus a lane, in frames around the inner part's box like the rings of a tree. A sheet
 * takes the free cell from which its links, as routed, run shortest (beside its one
 * competence, between two, on a clear line rather than round the lanes), so that links stay
 * short: a sheet put in
 * the angular slot of its competence, as before, piled up outwards in its slot and drew lines
 * across the map. The grid depends on the inner part alone, and the sheets take their cells in
 * the map's order, each depending only on those before it: a sheet added last takes a cell
 * nobody had and no other node moves.
 *
 * An edge to a sheet is a straight line when that crosses no box; otherwise it leaves its
 * competence outwards to the border of the inner box, follows it, then the lanes between the
 * cells, which no box enters: it crosses nothing by construction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-layout"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "acq-pango.h"
#include "acq-map-private.h"

#define NODE_GAP      18.0 /* least space between two boxes of the inner part */
#define RING_GAP      30.0 /* between the rings, where edges turn */
#define BOX_MARGIN    26.0 /* between the inner part and the border of its box */
#define LANE_X        30.0 /* between two columns of sheet cells */
#define LANE_Y        18.0 /* between two rows of sheet cells */
#define GROW_STEP     6.0
#define MAX_GROWTH    5000
#define BOUNDS_MARGIN 24.0
#define MAX_FRAMES    30000

typedef struct
{
  double         size;
  PangoWeight    weight;
  double         max_width;
  int            max_lines;
  gboolean       icon;
  PangoAlignment alignment;
} Style;

static const Style styles[] = {
  [ACQ_MAP_NODE_CERTIFICATION] = { 17.0, PANGO_WEIGHT_BOLD, ACQ_MAP_CERTIFICATION_MAX_WIDTH, 0,
                                   TRUE, PANGO_ALIGN_CENTER },
  [ACQ_MAP_NODE_BLOC] = { 14.0, PANGO_WEIGHT_BOLD, ACQ_MAP_BLOC_MAX_WIDTH, 0, TRUE,
                          PANGO_ALIGN_LEFT },
  [ACQ_MAP_NODE_COMPETENCE] = { 13.0, PANGO_WEIGHT_NORMAL, ACQ_MAP_COMPETENCE_MAX_WIDTH, 0,
                                TRUE, PANGO_ALIGN_LEFT },
  [ACQ_MAP_NODE_SHEET] = { 12.0, PANGO_WEIGHT_NORMAL, ACQ_MAP_SHEET_MAX_WIDTH,
                           ACQ_MAP_SHEET_MAX_LINES, TRUE, PANGO_ALIGN_LEFT },
};

struct _AcqMapLayout
{
  GObject           parent_instance;

  AcqMap           *map;
  PangoFontMap     *font_map;
  PangoContext     *context;
  GArray           *boxes; /* (element-type AcqMapBox): one per node */
  GPtrArray        *texts; /* (element-type PangoLayout) (nullable): one per node */
  GPtrArray        *paths; /* (element-type GArray<AcqMapPoint>) (nullable): one per edge */
  cairo_rectangle_t bounds;
};

G_DEFINE_FINAL_TYPE (AcqMapLayout, acq_map_layout, G_TYPE_OBJECT)

typedef struct
{
  int i, k; /* the cell spans [i, i + 1] × [k, k + 1] in cell sizes */
} Cell;

/* The arrays hold NULL for what is hidden, and GPtrArray frees NULL elements too. */
static void
path_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
text_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
acq_map_layout_finalize (GObject *object)
{
  AcqMapLayout *self = ACQ_MAP_LAYOUT (object);

  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_clear_object (&self->map);
  G_OBJECT_CLASS (acq_map_layout_parent_class)->finalize (object);
}

static void
acq_map_layout_class_init (AcqMapLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_map_layout_finalize;
}

/* Text is measured like the dossier's (see acq_pango_context_new()). */
static void
acq_map_layout_init (AcqMapLayout *self)
{
  self->context = acq_pango_context_new ();
  self->font_map = g_object_ref (pango_context_get_font_map (self->context));
  self->boxes = g_array_new (FALSE, TRUE, sizeof (AcqMapBox));
  self->texts = g_ptr_array_new_with_free_func (text_free);
  self->paths = g_ptr_array_new_with_free_func (path_free);
}

static PangoLayout *
new_text (AcqMapLayout *self, const char *text, const Style *style)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, ACQ_MAP_FONT);
  pango_font_description_set_weight (desc, style->weight);
  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (style->max_width > 0)
    {
      pango_layout_set_width (layout, (int) (style->max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (style->max_lines > 0)
    {
      pango_layout_set_height (layout, -style->max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoContext *
_acq_map_layout_get_context (AcqMapLayout *self)
{
  return self->context;
}

/* A one-line text in the map's font, for the legend and the title of an export. */
PangoLayout *
_acq_map_layout_new_text (AcqMapLayout *self, const char *text, double size, gboolean bold)
{
  Style style = { size, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, 0, 0, FALSE,
                  PANGO_ALIGN_LEFT };

  return new_text (self, text, &style);
}

/* The box's size, and its text's place inside it (relative until the box is placed). */
static void
measure (AcqMapLayout *self, AcqMapBuilder *b, guint index)
{
  const AcqMapNode *node = acq_map_get_node (b->map, index);
  const Style *style = &styles[node->kind];
  g_autofree char *label = acq_map_dup_text (b->map, index);
  PangoLayout *text = new_text (self, label, style);
  AcqMapBox *box = _acq_map_box_at (b, index);
  double icon = style->icon ? ACQ_MAP_ICON_SIZE + ACQ_MAP_ICON_GAP : 0;
  PangoRectangle logical;

  g_ptr_array_index (self->texts, index) = text;
  pango_layout_get_extents (text, NULL, &logical);
  box->label.width = MIN ((double) logical.width / PANGO_SCALE, style->max_width);
  box->label.height = (double) logical.height / PANGO_SCALE;
  box->rect.width = 2 * ACQ_MAP_PAD_X + icon + box->label.width;
  if (node->kind == ACQ_MAP_NODE_BLOC && node->folded)
    box->rect.width += ACQ_MAP_ICON_GAP + ACQ_MAP_FOLD_SIZE;
  box->rect.height = MAX (box->label.height, style->icon ? ACQ_MAP_ICON_SIZE : 0) +
                     2 * ACQ_MAP_PAD_Y;
  box->label.x = ACQ_MAP_PAD_X + icon;
  box->label.y = (box->rect.height - box->label.height) / 2;
}

/* The sheet cell: the largest sheet box, and the lanes around it. */
static void
measure_cell (AcqMapLayout *self, AcqMapBuilder *b)
{
  g_autoptr (PangoLayout) text = new_text (self, "Ag\nAg\nAg", &styles[ACQ_MAP_NODE_SHEET]);
  PangoRectangle logical;

  pango_layout_get_extents (text, NULL, &logical);
  b->cw = 2 * ACQ_MAP_PAD_X + ACQ_MAP_ICON_SIZE + ACQ_MAP_ICON_GAP + ACQ_MAP_SHEET_MAX_WIDTH +
          LANE_X;
  b->ch = MAX ((double) logical.height / PANGO_SCALE, ACQ_MAP_ICON_SIZE) + 2 * ACQ_MAP_PAD_Y +
          LANE_Y;
}

static const cairo_rectangle_t *
rect_of (AcqMapBuilder *b, guint node)
{
  return &_acq_map_box_at (b, node)->rect;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a, const cairo_rectangle_t *r, double gap)
{
  return a->x < r->x + r->width + gap && r->x < a->x + a->width + gap &&
         a->y < r->y + r->height + gap && r->y < a->y + a->height + gap;
}

/* Places a box on the ring of radius @radius, wholly outside it, in the direction @angle. */
static void
place_on_ring (AcqMapBox *box, double angle, double radius)
{
  double w = box->rect.width, h = box->rect.height;
  double d = radius + w / 2 * fabs (cos (angle)) + h / 2 * fabs (sin (angle));

  box->rect.x = d * cos (angle) - w / 2;
  box->rect.y = d * sin (angle) - h / 2;
}

static double
farthest_corner (const cairo_rectangle_t *r)
{
  double x = MAX (fabs (r->x), fabs (r->x + r->width));
  double y = MAX (fabs (r->y), fabs (r->y + r->height));

  return hypot (x, y);
}

static void
compute_box (AcqMapBuilder *b)
{
  double ext_x = 0, ext_y = 0;

  for (guint n = 0; n < b->inner->len; n++)
    {
      const cairo_rectangle_t *r = rect_of (b, g_array_index (b->inner, guint, n));

      ext_x = MAX (ext_x, MAX (fabs (r->x), fabs (r->x + r->width)));
      ext_y = MAX (ext_y, MAX (fabs (r->y), fabs (r->y + r->height)));
    }
  b->a0 = (int) ceil ((ext_x + BOX_MARGIN) / b->cw);
  b->b0 = (int) ceil ((ext_y + BOX_MARGIN) / b->ch);
  b->half_w = b->a0 * b->cw;
  b->half_h = b->b0 * b->ch;
}

static gboolean
blocs_fit (AcqMapBuilder *b)
{
  for (guint i = 0; i < b->blocs->len; i++)
    {
      guint bloc = g_array_index (b->blocs, guint, i);
      AcqMapPoint origin = { 0, 0 };

      for (guint j = 0; j < b->blocs->len; j++)
        {
          guint other = g_array_index (b->blocs, guint, j);

          if (other == bloc)
            continue;
          if (j > i && rects_overlap (rect_of (b, bloc), rect_of (b, other), NODE_GAP))
            return FALSE;
          if (_acq_map_segment_hits_rect (origin, _acq_map_center (b, bloc), rect_of (b, other)))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
competences_fit (AcqMapBuilder *b)
{
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (AcqMapPoint));
  guint n = b->competences->len;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (rects_overlap (rect_of (b, g_array_index (b->competences, guint, i)),
                         rect_of (b, g_array_index (b->competences, guint, j)), NODE_GAP))
        return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint competence = g_array_index (b->competences, guint, i);
      guint bloc = acq_map_get_node (b->map, competence)->parent;

      b->arc_route[competence] = FALSE;
      _acq_map_bloc_route (b, competence, points);
      if (_acq_map_inner_path_clear (b, points, bloc, competence))
        continue;
      b->arc_route[competence] = TRUE;
      _acq_map_bloc_route (b, competence, points);
      if (!_acq_map_inner_path_clear (b, points, bloc, competence))
        return FALSE;
    }
  compute_box (b);
  for (guint i = 0; i < n; i++)
    {
      guint competence = g_array_index (b->competences, guint, i);

      AcqMapPoint c = _acq_map_center (b, competence), exit = _acq_map_exit_point (b, competence);

      g_array_set_size (points, 0);
      _acq_map_push_point (points, c.x, c.y);
      _acq_map_push_point (points, exit.x, exit.y);
      if (!_acq_map_inner_path_clear (b, points, competence, competence))
        return FALSE;
    }
  return TRUE;
}

/* The slots of the circle, clockwise from the top: one per competence shown, one per bloc
 * without any, one for the sheets linked to nothing if there are such sheets. */
static void
make_slots (AcqMapBuilder *b)
{
  gboolean unlinked = FALSE;
  guint n;

  for (guint i = 0; i < b->n_nodes; i++)
    {
      const AcqMapNode *node = acq_map_get_node (b->map, i);
      guint n_edges, first = b->slots->len;
      const guint *edges;

      if (node->kind == ACQ_MAP_NODE_SHEET && b->visible[i] && node->n_links == 0)
        unlinked = TRUE;
      if (node->kind != ACQ_MAP_NODE_BLOC)
        continue;
      g_array_append_val (b->blocs, i);
      edges = acq_map_get_node_edges (b->map, i, &n_edges);
      for (guint e = 0; e < n_edges; e++)
        {
          guint child = acq_map_get_edge (b->map, edges[e])->to;

          if (child != i && b->visible[child])
            {
              AcqMapSlot slot = { i, child, 0 };
              b->slot_of[child] = b->slots->len;
              g_array_append_val (b->slots, slot);
              g_array_append_val (b->competences, child);
            }
        }
      if (b->slots->len == first)
        g_array_append_val (b->slots, ((AcqMapSlot) { i, ACQ_MAP_NO_NODE, 0 }));
    }
  if (unlinked)
    {
      b->unlinked_slot = b->slots->len;
      g_array_append_val (b->slots, ((AcqMapSlot) { ACQ_MAP_NO_NODE, ACQ_MAP_NO_NODE, 0 }));
    }
  n = b->slots->len;
  b->step = 2 * G_PI / MAX (n, 1);
  for (guint s = 0; s < n; s++)
    {
      AcqMapSlot *slot = &g_array_index (b->slots, AcqMapSlot, s);

      /* alone, on the right, where a reader looks first */
      slot->angle = n == 1 ? 0 : -G_PI / 2 + (s + 0.5) * b->step;
      if (slot->competence != ACQ_MAP_NO_NODE)
        b->angle_of[slot->competence] = slot->angle;
    }
  for (guint s = 0; s < n;)
    {
      AcqMapSlot *slot = &g_array_index (b->slots, AcqMapSlot, s);
      guint last = s;

      while (last + 1 < n && g_array_index (b->slots, AcqMapSlot, last + 1).bloc == slot->bloc)
        last++;
      if (slot->bloc != ACQ_MAP_NO_NODE)
        b->angle_of[slot->bloc] =
          (slot->angle + g_array_index (b->slots, AcqMapSlot, last).angle) / 2;
      s = last + 1;
    }
}

/* The certification, the ring of blocs, the ring of competences, each as close to the centre
 * as it can be without a box meeting another or an edge crossing a box. */
static void
place_inner (AcqMapBuilder *b)
{
  double r_certification = farthest_corner (&_acq_map_box_at (b, 0)->rect);
  double radius = r_certification + RING_GAP, r_blocs = r_certification;
  guint growth;

  for (growth = 0; growth < MAX_GROWTH; growth++, radius += GROW_STEP)
    {
      for (guint i = 0; i < b->blocs->len; i++)
        {
          guint bloc = g_array_index (b->blocs, guint, i);
          place_on_ring (_acq_map_box_at (b, bloc), b->angle_of[bloc], radius);
        }
      if (blocs_fit (b))
        break;
    }
  for (guint i = 0; i < b->blocs->len; i++)
    r_blocs = MAX (r_blocs, farthest_corner (rect_of (b, g_array_index (b->blocs, guint, i))));

  radius = r_blocs + 2 * RING_GAP;
  for (growth = 0; growth < MAX_GROWTH; growth++, radius += GROW_STEP)
    {
      b->r_arc = (r_blocs + radius) / 2;
      for (guint i = 0; i < b->competences->len; i++)
        {
          guint competence = g_array_index (b->competences, guint, i);
          place_on_ring (_acq_map_box_at (b, competence), b->angle_of[competence], radius);
        }
      if (competences_fit (b))
        break;
    }
  if (growth == MAX_GROWTH)
    g_warning ("The map’s inner rings did not settle; some edges may cross boxes");
}

/* The competences a sheet links, shown; for a sheet linked to nothing, none: it wants to be
 * on the border of the inner box in their slot's direction (@home). */
static guint
sheet_competences (AcqMapBuilder *b, guint sheet, guint *competences, AcqMapPoint *home)
{
  guint n_edges, n = 0;
  const guint *edges = acq_map_get_node_edges (b->map, sheet, &n_edges);

  for (guint e = 0; e < n_edges; e++)
    {
      guint from = acq_map_get_edge (b->map, edges[e])->from;

      if (b->visible[from])
        competences[n++] = from;
    }
  if (n == 0)
    {
      double angle = g_array_index (b->slots, AcqMapSlot, b->unlinked_slot).angle;

      *home = (AcqMapPoint) { b->half_w * cos (angle), b->half_h * sin (angle) };
    }
  return n;
}

/* What a cell costs a sheet at least: the straight distances to its competences, added up,
 * or its distance from @home. */
static double
straight_cost (AcqMapBuilder *b, guint sheet, const guint *competences, guint n, AcqMapPoint home)
{
  AcqMapPoint s = _acq_map_center (b, sheet);
  double cost = 0;

  if (n == 0)
    return hypot (s.x - home.x, s.y - home.y);
  for (guint c = 0; c < n; c++)
    {
      AcqMapPoint p = _acq_map_center (b, competences[c]);
      cost += hypot (s.x - p.x, s.y - p.y);
    }
  return cost;
}

/* What it costs: its links' lengths as routed; as soon as that reaches @best, @best. */
static double
routed_cost (AcqMapBuilder *b, guint sheet, const guint *competences, guint n, double straight,
             double best)
{
  double cost = 0;

  if (n == 0)
    return straight;
  for (guint c = 0; c < n && cost < best; c++)
    cost += _acq_map_route_length (b, competences[c], sheet);
  return MIN (cost, best);
}

typedef struct
{
  double straight;
  guint  index; /* in the frame: ties go in the frame's order */
} Candidate;

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->straight != y->straight)
    return x->straight < y->straight ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Puts the sheet's box in the cell; @take: for good, the cell no longer free. */
static void
put_sheet (AcqMapBuilder *b, guint sheet, const Cell *cell, gboolean take)
{
  AcqMapBox *box = _acq_map_box_at (b, sheet);

  box->rect.x = (cell->i + 0.5) * b->cw - box->rect.width / 2;
  box->rect.y = (cell->k + 0.5) * b->ch - box->rect.height / 2;
  if (take)
    g_hash_table_insert (b->cells, _acq_map_cell_key (cell->i, cell->k),
                         GUINT_TO_POINTER (sheet + 1));
}

/* The cells of frame @frame: the ring of cells just outside the frames before it. */
static void
frame_cells (AcqMapBuilder *b, int frame, GArray *cells)
{
  int a = b->a0 + frame, c = b->b0 + frame;

  g_array_set_size (cells, 0);
  for (int i = -a - 1; i <= a; i++)
    {
      g_array_append_val (cells, ((Cell) { i, -c - 1 }));
      g_array_append_val (cells, ((Cell) { i, c }));
    }
  for (int k = -c; k < c; k++)
    {
      g_array_append_val (cells, ((Cell) { -a - 1, k }));
      g_array_append_val (cells, ((Cell) { a, k }));
    }
}

/* In the map's order, each sheet takes the free cell from which its links run shortest, as
 * routed: the frames outwards, until a frame cannot hold a nearer one (any cell of frame f is
 * at least f + ½ cells from the inner box, where the competences are). A sheet depends only
 * on those before it: one added last moves no other. */
static void
place_sheets (AcqMapBuilder *b)
{
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GArray) n_free = g_array_new (FALSE, TRUE, sizeof (guint)); /* frame → free cells */
  g_autofree guint *competences = g_new (guint, MAX (b->n_nodes, 1));
  double cell = MIN (b->cw, b->ch);

  for (guint i = 0; i < b->n_nodes; i++)
    {
      Cell best_cell = { 0 };
      double best = G_MAXDOUBLE;
      int best_frame = -1;
      AcqMapPoint home = { 0, 0 };
      guint n;

      if (!b->visible[i] || acq_map_get_node (b->map, i)->kind != ACQ_MAP_NODE_SHEET)
        continue;
      n = sheet_competences (b, i, competences, &home);
      for (int frame = 0; frame < MAX_FRAMES && MAX (n, 1) * (frame + 0.5) * cell < best;
           frame++)
        {
          if ((guint) frame >= n_free->len)
            {
              frame_cells (b, frame, cells);
              g_array_append_val (n_free, cells->len);
            }
          if (g_array_index (n_free, guint, frame) == 0)
            continue;
          /* the free cells, nearest first as the crow flies: routing is the slow part, and
           * no cell costs less than its straight distances */
          frame_cells (b, frame, cells);
          g_array_set_size (candidates, 0);
          for (guint c = 0; c < cells->len; c++)
            {
              const Cell *cell = &g_array_index (cells, Cell, c);
              Candidate candidate = { 0, c };

              if (g_hash_table_contains (b->cells, _acq_map_cell_key (cell->i, cell->k)))
                continue;
              put_sheet (b, i, cell, FALSE);
              candidate.straight = straight_cost (b, i, competences, n, home);
              if (candidate.straight < best)
                g_array_append_val (candidates, candidate);
            }
          g_array_sort (candidates, compare_candidates);
          for (guint c = 0; c < candidates->len; c++)
            {
              const Candidate *candidate = &g_array_index (candidates, Candidate, c);
              const Cell *cell = &g_array_index (cells, Cell, candidate->index);
              double cost;

              if (candidate->straight >= best)
                break;
              put_sheet (b, i, cell, FALSE);
              cost = routed_cost (b, i, competences, n, candidate->straight, best);
              if (cost < best - 1e-9)
                {
                  best = cost;
                  best_cell = *cell;
                  best_frame = frame;
                }
            }
        }
      if (best_frame < 0)
        {
          /* tens of thousands of frames out: rather hidden than on top of another */
          _acq_map_box_at (b, i)->visible = b->visible[i] = FALSE;
          continue;
        }
      put_sheet (b, i, &best_cell, TRUE);
      g_array_index (n_free, guint, best_frame)--;
    }
}

static void
finish (AcqMapLayout *self, AcqMapBuilder *b)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < b->n_nodes; i++)
    {
      AcqMapBox *box = _acq_map_box_at (b, i);

      if (!box->visible)
        {
          box->rect = box->label = (cairo_rectangle_t) { 0 };
          g_clear_object ((PangoLayout **) &g_ptr_array_index (self->texts, i));
          continue;
        }
      box->label.x += box->rect.x;
      box->label.y += box->rect.y;
      x0 = MIN (x0, box->rect.x);
      y0 = MIN (y0, box->rect.y);
      x1 = MAX (x1, box->rect.x + box->rect.width);
      y1 = MAX (y1, box->rect.y + box->rect.height);
    }
  for (guint e = 0; e < self->paths->len; e++)
    {
      GArray *points = g_ptr_array_index (self->paths, e);

      for (guint p = 0; points != NULL && p < points->len; p++)
        {
          AcqMapPoint *point = &g_array_index (points, AcqMapPoint, p);
          x0 = MIN (x0, point->x);
          y0 = MIN (y0, point->y);
          x1 = MAX (x1, point->x);
          y1 = MAX (y1, point->y);
        }
    }
  self->bounds = (cairo_rectangle_t) { x0 - BOUNDS_MARGIN, y0 - BOUNDS_MARGIN,
                                       x1 - x0 + 2 * BOUNDS_MARGIN, y1 - y0 + 2 * BOUNDS_MARGIN };
}

static void
builder_init (AcqMapBuilder *b, AcqMapLayout *self)
{
  b->map = self->map;
  b->boxes = self->boxes;
  b->paths = self->paths;
  b->n_nodes = acq_map_get_n_nodes (self->map);
  b->visible = g_new0 (gboolean, b->n_nodes);
  b->slot_of = g_new0 (guint, b->n_nodes);
  b->angle_of = g_new0 (double, b->n_nodes);
  b->arc_route = g_new0 (gboolean, b->n_nodes);
  b->slots = g_array_new (FALSE, FALSE, sizeof (AcqMapSlot));
  b->blocs = g_array_new (FALSE, FALSE, sizeof (guint));
  b->competences = g_array_new (FALSE, FALSE, sizeof (guint));
  b->inner = g_array_new (FALSE, FALSE, sizeof (guint));
  b->cells = g_hash_table_new (g_direct_hash, g_direct_equal);
  b->unlinked_slot = G_MAXUINT;
  g_array_set_size (self->boxes, b->n_nodes);
  g_ptr_array_set_size (self->texts, b->n_nodes);
}

static void
builder_clear (AcqMapBuilder *b)
{
  g_free (b->visible);
  g_free (b->slot_of);
  g_free (b->angle_of);
  g_free (b->arc_route);
  g_array_unref (b->slots);
  g_array_unref (b->blocs);
  g_array_unref (b->competences);
  g_array_unref (b->inner);
  g_hash_table_unref (b->cells);
}

/**
 * acq_map_layout_compute:
 * @map: a map
 *
 * Lays the map out: a box for each node shown, its text wrapped and measured with the map's
 * font, and a polyline for each edge between nodes shown. The same map gives the same layout,
 * to the bit; no two boxes meet, and no edge crosses a box but those of its ends. The map
 * must not change while the layout is in use (lay it out again after a change).
 *
 * Returns: (transfer full): the layout
 */
AcqMapLayout *
acq_map_layout_compute (AcqMap *map)
{
  g_autoptr (AcqMapLayout) self = NULL;
  AcqMapBuilder b = { 0 };
  AcqMapBox *certification;

  g_return_val_if_fail (ACQ_IS_MAP (map), NULL);

  self = g_object_new (ACQ_TYPE_MAP_LAYOUT, NULL);
  self->map = g_object_ref (map);
  builder_init (&b, self);
  measure_cell (self, &b);
  for (guint i = 0; i < b.n_nodes; i++)
    {
      const AcqMapNode *node = acq_map_get_node (map, i);
      AcqMapBox *box = _acq_map_box_at (&b, i);

      box->visible = b.visible[i] = acq_map_is_visible (map, i);
      box->dimmed = !node->targeted;
      if (!b.visible[i])
        continue;
      measure (self, &b, i);
      if (node->kind != ACQ_MAP_NODE_SHEET)
        g_array_append_val (b.inner, i);
    }
  certification = _acq_map_box_at (&b, 0);
  certification->rect.x = -certification->rect.width / 2;
  certification->rect.y = -certification->rect.height / 2;
  make_slots (&b);
  place_inner (&b);
  compute_box (&b);
  place_sheets (&b);
  _acq_map_route_edges (&b);
  finish (self, &b);
  builder_clear (&b);
  return g_steal_pointer (&self);
}

/**
 * acq_map_layout_get_map:
 * @self: a layout
 *
 * Returns: (transfer none): the map it lays out
 */
AcqMap *
acq_map_layout_get_map (AcqMapLayout *self)
{
  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), NULL);
  return self->map;
}

/**
 * acq_map_layout_get_bounds:
 * @self: a layout
 * @bounds: (out): where to put the rectangle that holds every box and edge, with a margin
 */
void
acq_map_layout_get_bounds (AcqMapLayout *self, cairo_rectangle_t *bounds)
{
  g_return_if_fail (ACQ_IS_MAP_LAYOUT (self));
  *bounds = self->bounds;
}

/**
 * acq_map_layout_get_box:
 * @self: a layout
 * @node: a node of its map
 *
 * Returns: (transfer none): where the node and its text go
 */
const AcqMapBox *
acq_map_layout_get_box (AcqMapLayout *self, guint node)
{
  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (node < self->boxes->len, NULL);
  return &g_array_index (self->boxes, AcqMapBox, node);
}

/**
 * acq_map_layout_get_path:
 * @self: a layout
 * @edge: an edge of its map
 * @n_points: (out): where to put the number of points
 *
 * Returns: (transfer none) (array length=n_points) (nullable): the polyline of the edge, from
 *   the centre of its first node to the centre of its second, or %NULL if either is hidden
 */
const AcqMapPoint *
acq_map_layout_get_path (AcqMapLayout *self, guint edge, guint *n_points)
{
  GArray *points;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (edge < self->paths->len, NULL);
  points = g_ptr_array_index (self->paths, edge);
  *n_points = points != NULL ? points->len : 0;
  return points != NULL ? (const AcqMapPoint *) (gpointer) points->data : NULL;
}

/**
 * acq_map_layout_get_text:
 * @self: a layout
 * @node: a node of its map
 *
 * Returns: (transfer none) (nullable): the node's text, wrapped as measured, to draw at the
 *   top left of its label rectangle; %NULL if the node is hidden
 */
PangoLayout *
acq_map_layout_get_text (AcqMapLayout *self, guint node)
{
  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), NULL);
  g_return_val_if_fail (node < self->texts->len, NULL);
  return g_ptr_array_index (self->texts, node);
}

static double
segment_distance (AcqMapPoint p, AcqMapPoint a, AcqMapPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0, 1) : 0;

  return hypot (p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * acq_map_layout_get_edge_distance:
 * @self: a layout
 * @edge: an edge of its map
 * @x: a point, in the map's units
 * @y: the same
 *
 * Returns: how far the point is from the edge's polyline, or %G_MAXDOUBLE if the edge is hidden
 */
double
acq_map_layout_get_edge_distance (AcqMapLayout *self, guint edge, double x, double y)
{
  GArray *points;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), G_MAXDOUBLE);
  g_return_val_if_fail (edge < self->paths->len, G_MAXDOUBLE);
  points = g_ptr_array_index (self->paths, edge);
  for (guint p = 0; points != NULL && p + 1 < points->len; p++)
    best = MIN (best, segment_distance ((AcqMapPoint) { x, y },
                                       g_array_index (points, AcqMapPoint, p),
                                       g_array_index (points, AcqMapPoint, p + 1)));
  return best;
}

/**
 * acq_map_layout_find_link:
 * @self: a layout
 * @x: a point, in the map's units
 * @y: the same
 * @max_distance: how far from the point an edge may pass
 *
 * Finds the link under a pointer: an edge is as thin as a line, so a pointer near it is on it.
 * The parts of a polyline inside its nodes' boxes do not count, since the boxes hide them.
 *
 * Returns: the shown edge from a competence to a sheet nearest the point, if it passes at most
 *   @max_distance away; else %ACQ_MAP_NO_EDGE
 */
guint
acq_map_layout_find_link (AcqMapLayout *self, double x, double y, double max_distance)
{
  guint found = ACQ_MAP_NO_EDGE;
  double best = max_distance;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), ACQ_MAP_NO_EDGE);
  for (guint b = 0; b < self->boxes->len; b++)
    {
      const cairo_rectangle_t *r = &g_array_index (self->boxes, AcqMapBox, b).rect;

      if (g_array_index (self->boxes, AcqMapBox, b).visible && x >= r->x && y >= r->y &&
          x <= r->x + r->width && y <= r->y + r->height)
        return ACQ_MAP_NO_EDGE;
    }
  for (guint e = 0; e < self->paths->len; e++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (self->map, e);
      double distance;

      if (acq_map_get_node (self->map, edge->to)->kind != ACQ_MAP_NODE_SHEET)
        continue;
      distance = acq_map_layout_get_edge_distance (self, e, x, y);
      if (distance <= best)
        {
          best = distance;
          found = e;
        }
    }
  return found;
}

/**
 * acq_map_layout_get_marks:
 * @self: a layout
 * @node: a node of its map
 * @icon: (out): where to put the square of the level's shape (every node shown has one)
 * @fold: (out): where to put the square of the fold mark (folded blocs), else an empty
 *   rectangle
 *
 * Where the marks go inside a shown node's box, as the export draws them, for a view that
 * draws the nodes itself.
 */
void
acq_map_layout_get_marks (AcqMapLayout *self, guint node, cairo_rectangle_t *icon,
                          cairo_rectangle_t *fold)
{
  const AcqMapNode *n;
  const AcqMapBox *box;

  g_return_if_fail (ACQ_IS_MAP_LAYOUT (self));
  g_return_if_fail (node < self->boxes->len);
  n = acq_map_get_node (self->map, node);
  box = &g_array_index (self->boxes, AcqMapBox, node);
  *icon = (cairo_rectangle_t) { 0 };
  *fold = (cairo_rectangle_t) { 0 };
  if (!box->visible)
    return;
  if (styles[n->kind].icon)
    *icon = (cairo_rectangle_t) { box->rect.x + ACQ_MAP_PAD_X,
                                  box->rect.y + (box->rect.height - ACQ_MAP_ICON_SIZE) / 2,
                                  ACQ_MAP_ICON_SIZE, ACQ_MAP_ICON_SIZE };
  if (n->kind == ACQ_MAP_NODE_BLOC && n->folded)
    *fold = (cairo_rectangle_t) { box->rect.x + box->rect.width - ACQ_MAP_PAD_X -
                                    ACQ_MAP_FOLD_SIZE,
                                  box->rect.y + (box->rect.height - ACQ_MAP_FOLD_SIZE) / 2,
                                  ACQ_MAP_FOLD_SIZE, ACQ_MAP_FOLD_SIZE };
}

/**
 * acq_map_layout_get_text_size:
 * @self: a layout
 * @node: a node of its map
 *
 * Returns: the size of the node's font, in the map's units (a pixel at zoom 1)
 */
double
acq_map_layout_get_text_size (AcqMapLayout *self, guint node)
{
  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), 0);
  g_return_val_if_fail (node < self->boxes->len, 0);
  return styles[acq_map_get_node (self->map, node)->kind].size;
}

/**
 * acq_map_layout_get_readable_zoom:
 * @self: a layout
 * @min_pixels: the least size a text may have on screen, in pixels (12 is 9 points at 96 dpi)
 *
 * Returns: the least zoom at which the smallest text shown is @min_pixels high
 */
double
acq_map_layout_get_readable_zoom (AcqMapLayout *self, double min_pixels)
{
  double smallest = G_MAXDOUBLE;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), 1.0);
  for (guint i = 0; i < self->boxes->len; i++)
    if (g_array_index (self->boxes, AcqMapBox, i).visible)
      smallest = MIN (smallest, acq_map_layout_get_text_size (self, i));
  return smallest < G_MAXDOUBLE ? min_pixels / smallest : 1.0;
}

/**
 * acq_map_layout_get_link_length:
 * @self: a layout
 *
 * Returns: the length of every link shown (the edges from competences to sheets) added up: how
 *   far the eye travels from the competences to the sheets that demonstrate them
 */
double
acq_map_layout_get_link_length (AcqMapLayout *self)
{
  double total = 0;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), 0);
  for (guint e = 0; e < self->paths->len; e++)
    {
      GArray *points = g_ptr_array_index (self->paths, e);

      if (points == NULL ||
          acq_map_get_node (self->map, acq_map_get_edge (self->map, e)->to)->kind !=
            ACQ_MAP_NODE_SHEET)
        continue;
      for (guint p = 0; p + 1 < points->len; p++)
        {
          const AcqMapPoint *a = &g_array_index (points, AcqMapPoint, p);
          const AcqMapPoint *c = &g_array_index (points, AcqMapPoint, p + 1);

          total += hypot (c->x - a->x, c->y - a->y);
        }
    }
  return total;
}

/**
 * acq_map_layout_find_in_direction:
 * @self: a layout
 * @node: a node shown
 * @dx: the direction, on screen: -1 left, 1 right, 0 neither
 * @dy: the same, -1 up, 1 down
 *
 * The node an arrow key leads to: the nearest shown node whose centre lies in a cone of 45°
 * on either side of the direction, from the centre of @node. Distance across the direction
 * counts twice as much as along it, so that a node straight ahead wins over a nearer one
 * aside.
 *
 * Returns: that node, or %ACQ_MAP_NO_NODE if none lies that way
 */
guint
acq_map_layout_find_in_direction (AcqMapLayout *self, guint node, double dx, double dy)
{
  const AcqMapBox *from;
  double fx, fy, length = hypot (dx, dy), best = G_MAXDOUBLE;
  guint found = ACQ_MAP_NO_NODE;

  g_return_val_if_fail (ACQ_IS_MAP_LAYOUT (self), ACQ_MAP_NO_NODE);
  g_return_val_if_fail (node < self->boxes->len, ACQ_MAP_NO_NODE);
  from = &g_array_index (self->boxes, AcqMapBox, node);
  if (!from->visible || length == 0)
    return ACQ_MAP_NO_NODE;
  dx /= length;
  dy /= length;
  fx = from->rect.x + from->rect.width / 2;
  fy = from->rect.y + from->rect.height / 2;
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const AcqMapBox *box = &g_array_index (self->boxes, AcqMapBox, i);
      double vx, vy, along, across, cost;

      if (i == node || !box->visible)
        continue;
      vx = box->rect.x + box->rect.width / 2 - fx;
      vy = box->rect.y + box->rect.height / 2 - fy;
      along = vx * dx + vy * dy;
      across = fabs (vx * dy - vy * dx);
      if (along <= 0 || across > along)
        continue;
      cost = along + 2 * across;
      if (cost < best)
        {
          best = cost;
          found = i;
        }
    }
  return found;
}
