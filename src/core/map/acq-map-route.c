/* acq-map-route.c — the polylines of a mind map's edges, between boxes already placed
 *
 * Outside the inner box, sheets sit in the cells of a grid, each box inside its cell with
 * half a lane all round: every line of the grid is a lane that no box enters, and so is the
 * border of the inner box. An edge to a sheet that cannot go straight reaches that border,
 * then the lane beside the sheet's cell: it crosses no box by construction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map-layout"

#include "config.h"

#include <math.h>

#include "acq-map-private.h"

#define ARC_STEP 12.0 /* length of the segments that draw an arc */

/* Whether the segment p–q goes through the inside of @r (Liang–Barsky); running along its
 * border does not count. */
gboolean
_acq_map_segment_hits_rect (AcqMapPoint p, AcqMapPoint q, const cairo_rectangle_t *r)
{
  const double eps = 0.01;
  double dx = q.x - p.x, dy = q.y - p.y;
  double dirs[4] = { -dx, dx, -dy, dy };
  double dists[4] = { p.x - (r->x + eps), r->x + r->width - eps - p.x,
                      p.y - (r->y + eps), r->y + r->height - eps - p.y };
  double t0 = 0, t1 = 1;

  for (int i = 0; i < 4; i++)
    {
      double t;

      if (dirs[i] == 0)
        {
          if (dists[i] < 0)
            return FALSE;
          continue;
        }
      t = dists[i] / dirs[i];
      if (dirs[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 >= t1)
        return FALSE;
    }
  return TRUE;
}

void
_acq_map_push_point (GArray *points, double x, double y)
{
  AcqMapPoint point = { x, y };

  if (points->len > 0)
    {
      AcqMapPoint *last = &g_array_index (points, AcqMapPoint, points->len - 1);
      if (fabs (last->x - x) < 1e-6 && fabs (last->y - y) < 1e-6)
        return;
    }
  g_array_append_val (points, point);
}

/* Whether a path crosses no box of the inner part but those of its two ends. */
gboolean
_acq_map_inner_path_clear (AcqMapBuilder *b, GArray *points, guint from, guint to)
{
  for (guint p = 1; p < points->len; p++)
    for (guint n = 0; n < b->inner->len; n++)
      {
        guint node = g_array_index (b->inner, guint, n);

        if (node != from && node != to &&
            _acq_map_segment_hits_rect (g_array_index (points, AcqMapPoint, p - 1),
                                        g_array_index (points, AcqMapPoint, p),
                                        &_acq_map_box_at (b, node)->rect))
          return FALSE;
      }
  return TRUE;
}

/* From the bloc outwards to the arc between the rings, along it, then out to the
 * competence. */
static void
arc_route (AcqMapBuilder *b, guint bloc, guint competence, GArray *points)
{
  double from = b->angle_of[bloc], to = b->angle_of[competence];
  double delta = remainder (to - from, 2 * G_PI);
  guint n = MAX (1, (guint) ceil (fabs (delta) * b->r_arc / ARC_STEP));
  AcqMapPoint start = _acq_map_center (b, bloc), end = _acq_map_center (b, competence);

  _acq_map_push_point (points, start.x, start.y);
  for (guint i = 0; i <= n; i++)
    {
      double angle = from + delta * i / n;
      _acq_map_push_point (points, b->r_arc * cos (angle), b->r_arc * sin (angle));
    }
  _acq_map_push_point (points, end.x, end.y);
}

void
_acq_map_bloc_route (AcqMapBuilder *b, guint competence, GArray *points)
{
  guint bloc = acq_map_get_node (b->map, competence)->parent;
  AcqMapPoint start = _acq_map_center (b, bloc), end = _acq_map_center (b, competence);

  g_array_set_size (points, 0);
  if (b->arc_route[competence])
    {
      arc_route (b, bloc, competence, points);
      return;
    }
  _acq_map_push_point (points, start.x, start.y);
  _acq_map_push_point (points, end.x, end.y);
}

/* Where the ray from a competence, outwards, meets the border of the inner box. */
AcqMapPoint
_acq_map_exit_point (AcqMapBuilder *b, guint competence)
{
  AcqMapPoint c = _acq_map_center (b, competence);
  double ux = cos (b->angle_of[competence]), uy = sin (b->angle_of[competence]);
  double t = G_MAXDOUBLE;

  if (fabs (ux) > 1e-9)
    t = MIN (t, ((ux > 0 ? b->half_w : -b->half_w) - c.x) / ux);
  if (fabs (uy) > 1e-9)
    t = MIN (t, ((uy > 0 ? b->half_h : -b->half_h) - c.y) / uy);
  return (AcqMapPoint) { c.x + t * ux, c.y + t * uy };
}

gpointer
_acq_map_cell_key (int i, int k)
{
  return GUINT_TO_POINTER (((guint) (i + 32768) << 16) | (guint) (k + 32768));
}

/* Whether the segment p–q crosses no sheet box but @skip's, looking only at the cells it
 * goes through, column by column. */
static gboolean
segment_clear_of_sheets (AcqMapBuilder *b, AcqMapPoint p, AcqMapPoint q, guint skip)
{
  double min_x = MIN (p.x, q.x), max_x = MAX (p.x, q.x);

  for (int i = (int) floor (min_x / b->cw); i <= (int) floor (max_x / b->cw); i++)
    {
      double x0 = MAX (min_x, i * b->cw), x1 = MIN (max_x, (i + 1) * b->cw);
      double y0 = p.y, y1 = q.y;

      if (fabs (q.x - p.x) > 1e-9)
        {
          y0 = p.y + (q.y - p.y) * (x0 - p.x) / (q.x - p.x);
          y1 = p.y + (q.y - p.y) * (x1 - p.x) / (q.x - p.x);
        }
      for (int k = (int) floor (MIN (y0, y1) / b->ch); k <= (int) floor (MAX (y0, y1) / b->ch);
           k++)
        {
          guint sheet = GPOINTER_TO_UINT (g_hash_table_lookup (b->cells, _acq_map_cell_key (i, k)));

          if (sheet != 0 && sheet - 1 != skip &&
              _acq_map_segment_hits_rect (p, q, &_acq_map_box_at (b, sheet - 1)->rect))
            return FALSE;
        }
    }
  return TRUE;
}

/* How far along the border of the inner box a point of it is, clockwise from the top left
 * corner. */
static double
border_position (AcqMapBuilder *b, AcqMapPoint p)
{
  double w = b->half_w, h = b->half_h;
  double d[4] = { fabs (p.y + h), fabs (p.x - w), fabs (p.y - h), fabs (p.x + w) };
  int side = 0;

  for (int i = 1; i < 4; i++)
    if (d[i] < d[side])
      side = i;
  switch (side)
    {
    case 0: return p.x + w;
    case 1: return 2 * w + p.y + h;
    case 2: return 2 * w + 2 * h + w - p.x;
    default: return 4 * w + 2 * h + h - p.y;
    }
}

/* Along the border of the inner box, the shorter way, turning at its corners. */
static void
follow_border (AcqMapBuilder *b, GArray *points, AcqMapPoint from, AcqMapPoint to)
{
  double w = b->half_w, h = b->half_h, length = 4 * w + 4 * h;
  double corners[4][3] = { { -w, -h, 0 }, { w, -h, 2 * w }, { w, h, 2 * w + 2 * h },
                           { -w, h, 4 * w + 2 * h } };
  double start = border_position (b, from), end = border_position (b, to);
  double forward = fmod (end - start + 2 * length, length);
  gboolean clockwise = forward <= length - forward;
  double along = clockwise ? forward : length - forward;
  double passed[4];
  int order[4], n = 0;

  for (int c = 0; c < 4; c++)
    {
      double d = fmod ((clockwise ? corners[c][2] - start : start - corners[c][2]) + 2 * length,
                       length);
      if (d > 1e-9 && d < along - 1e-9)
        {
          int at = n++;
          while (at > 0 && passed[at - 1] > d)
            {
              passed[at] = passed[at - 1];
              order[at] = order[at - 1];
              at--;
            }
          passed[at] = d;
          order[at] = c;
        }
    }
  _acq_map_push_point (points, from.x, from.y);
  for (int i = 0; i < n; i++)
    _acq_map_push_point (points, corners[order[i]][0], corners[order[i]][1]);
  _acq_map_push_point (points, to.x, to.y);
}

static double
path_length (GArray *points)
{
  double length = 0;

  for (guint p = 1; p < points->len; p++)
    {
      AcqMapPoint *from = &g_array_index (points, AcqMapPoint, p - 1);
      AcqMapPoint *to = &g_array_index (points, AcqMapPoint, p);
      length += hypot (to->x - from->x, to->y - from->y);
    }
  return length;
}

/* The last legs to a sheet, from the gate where its lane meets the border of the inner box:
 * along that border line if the lane starts beyond the box's corner, along the lane (a lane
 * runs along every line of the grid outside the box), then into the cell. */
static void
approach (AcqMapBuilder *b, guint sheet, gboolean vertical, double lane, GArray *points)
{
  AcqMapPoint s = _acq_map_center (b, sheet);

  if (vertical)
    {
      double edge = s.y < 0 ? -b->half_h : b->half_h;

      _acq_map_push_point (points, CLAMP (lane, -b->half_w, b->half_w), edge);
      _acq_map_push_point (points, lane, edge);
      _acq_map_push_point (points, lane, s.y);
    }
  else
    {
      double edge = s.x < 0 ? -b->half_w : b->half_w;

      _acq_map_push_point (points, edge, CLAMP (lane, -b->half_h, b->half_h));
      _acq_map_push_point (points, edge, lane);
      _acq_map_push_point (points, s.x, lane);
    }
  _acq_map_push_point (points, s.x, s.y);
}

static void
keep_shorter (GArray *best, GArray *trial)
{
  if (best->len == 0 || path_length (trial) < path_length (best))
    {
      g_array_set_size (best, 0);
      g_array_append_vals (best, trial->data, trial->len);
    }
}

/* To a sheet whose straight line would cross a box: to the border of the inner box, then
 * along the lane on either side of the sheet's cell. Straight to where the lane begins if that
 * crosses no box, else out along the competence's ray and round the border, which crosses
 * nothing by construction; the shortest of these. */
static void
lane_route (AcqMapBuilder *b, guint competence, guint sheet, GArray *points)
{
  AcqMapPoint c = _acq_map_center (b, competence), s = _acq_map_center (b, sheet);
  AcqMapPoint exit = _acq_map_exit_point (b, competence);
  int i = (int) floor (s.x / b->cw), k = (int) floor (s.y / b->ch);
  int frame = MAX (i >= 0 ? i - b->a0 : -b->a0 - 1 - i, k >= 0 ? k - b->b0 : -b->b0 - 1 - k);
  /* above or below the box, rather than left or right of it */
  gboolean vertical = k == -b->b0 - frame - 1 || k == b->b0 + frame;
  double lanes[2] = { vertical ? i * b->cw : k * b->ch,
                      vertical ? (i + 1) * b->cw : (k + 1) * b->ch };
  g_autoptr (GArray) trial = g_array_new (FALSE, FALSE, sizeof (AcqMapPoint));

  g_array_set_size (points, 0);
  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    {
      AcqMapPoint gate;

      g_array_set_size (trial, 0);
      approach (b, sheet, vertical, lanes[l], trial);
      gate = g_array_index (trial, AcqMapPoint, 0);
      g_array_prepend_val (trial, c);
      if (_acq_map_inner_path_clear (b, trial, competence, sheet))
        keep_shorter (points, trial);

      g_array_set_size (trial, 0);
      _acq_map_push_point (trial, c.x, c.y);
      follow_border (b, trial, exit, gate);
      approach (b, sheet, vertical, lanes[l], trial);
      keep_shorter (points, trial);
    }
}

static void
route_sheet (AcqMapBuilder *b, guint competence, guint sheet, GArray *points)
{
  AcqMapPoint c = _acq_map_center (b, competence), s = _acq_map_center (b, sheet);

  g_array_append_val (points, c);
  g_array_append_val (points, s);
  if (_acq_map_inner_path_clear (b, points, competence, sheet) &&
      segment_clear_of_sheets (b, c, s, sheet))
    return;
  lane_route (b, competence, sheet, points);
}

/* How long the edge from @competence to @sheet would run, the sheet where its box is now and
 * the sheets placed so far where they are. */
double
_acq_map_route_length (AcqMapBuilder *b, guint competence, guint sheet)
{
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (AcqMapPoint));

  route_sheet (b, competence, sheet, points);
  return path_length (points);
}

/**
 * _acq_map_route_edges:
 * @b: a layout being computed, its nodes placed
 *
 * Gives every edge between two nodes shown its polyline, from the centre of one to the centre
 * of the other: a straight line from the certification to a bloc, a straight line or the arc
 * between the rings from a bloc to a competence, and to a sheet a straight line if it crosses
 * no box, else the lanes.
 */
void
_acq_map_route_edges (AcqMapBuilder *b)
{
  guint n_edges = acq_map_get_n_edges (b->map);

  for (guint e = 0; e < n_edges; e++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (b->map, e);
      const AcqMapNode *to = acq_map_get_node (b->map, edge->to);
      GArray *points;

      if (!b->visible[edge->from] || !b->visible[edge->to])
        {
          g_ptr_array_add (b->paths, NULL);
          continue;
        }
      points = g_array_new (FALSE, FALSE, sizeof (AcqMapPoint));
      if (to->kind == ACQ_MAP_NODE_SHEET)
        route_sheet (b, edge->from, edge->to, points);
      else if (to->kind == ACQ_MAP_NODE_COMPETENCE)
        _acq_map_bloc_route (b, edge->to, points);
      else
        {
          AcqMapPoint from = _acq_map_center (b, edge->from);
          AcqMapPoint dest = _acq_map_center (b, edge->to);

          _acq_map_push_point (points, from.x, from.y);
          _acq_map_push_point (points, dest.x, dest.y);
        }
      g_ptr_array_add (b->paths, points);
    }
}
