/* acq-map-private.h — what the map's layout, its edge routing and its export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-map-layout.h"

G_BEGIN_DECLS

/* Inside a node's box: the padding, then the level's icon (every kind: a bloc's and the
 * certification's sum up their competences), then the text, then the fold mark of a folded
 * bloc. */
#define ACQ_MAP_PAD_X     10.0
#define ACQ_MAP_PAD_Y     7.0
#define ACQ_MAP_ICON_SIZE 14.0
#define ACQ_MAP_ICON_GAP  6.0
#define ACQ_MAP_FOLD_SIZE 14.0
/* Edges are drawn with their corners rounded by this much at most: less than half a lane
 * or a ring gap, so that a rounded edge stays as clear of the boxes as its polyline. */
#define ACQ_MAP_EDGE_CORNER 8.0

PangoContext *_acq_map_layout_get_context (AcqMapLayout *self);
PangoLayout  *_acq_map_layout_new_text    (AcqMapLayout *self,
                                           const char   *text,
                                           double        size,
                                           gboolean      bold);

/* A slot of the circle: a competence shown, a bloc without any, or the sheets linked to
 * nothing. */
typedef struct
{
  guint  bloc;       /* ACQ_MAP_NO_NODE for the sheets linked to nothing */
  guint  competence; /* ACQ_MAP_NO_NODE for a bloc without competence shown */
  double angle;
} AcqMapSlot;

/* One computation of a layout. */
typedef struct
{
  AcqMap     *map;
  GArray     *boxes;         /* (element-type AcqMapBox): the layout's */
  GPtrArray  *paths;         /* (element-type GArray<AcqMapPoint>): the layout's */
  guint       n_nodes;
  gboolean   *visible;
  GArray     *slots;         /* (element-type AcqMapSlot) */
  guint      *slot_of;       /* node → its slot (competences) */
  double     *angle_of;      /* node → its angle (blocs, competences) */
  guint       unlinked_slot; /* or G_MAXUINT */
  double      step;          /* the angle of a slot */
  GArray     *blocs;         /* (element-type guint): the blocs */
  GArray     *competences;   /* (element-type guint): the competences shown */
  GArray     *inner;         /* (element-type guint): certification, blocs, competences */
  gboolean   *arc_route;     /* competence → its edge from its bloc follows the arc */
  double      r_arc;         /* the radius of that arc */
  double      cw, ch;        /* a sheet cell */
  double      half_w, half_h; /* the inner box, a whole number of cells */
  int         a0, b0;        /* the same, in cells */
  GHashTable *cells;         /* cell key → sheet node + 1 */
} AcqMapBuilder;

static inline AcqMapBox *
_acq_map_box_at (AcqMapBuilder *b, guint node)
{
  return &g_array_index (b->boxes, AcqMapBox, node);
}

static inline AcqMapPoint
_acq_map_center (AcqMapBuilder *b, guint node)
{
  const cairo_rectangle_t *r = &_acq_map_box_at (b, node)->rect;

  return (AcqMapPoint) { r->x + r->width / 2, r->y + r->height / 2 };
}

gboolean    _acq_map_segment_hits_rect (AcqMapPoint              p,
                                        AcqMapPoint              q,
                                        const cairo_rectangle_t *r);
void        _acq_map_push_point        (GArray        *points,
                                        double         x,
                                        double         y);
gboolean    _acq_map_inner_path_clear  (AcqMapBuilder *b,
                                        GArray        *points,
                                        guint          from,
                                        guint          to);
void        _acq_map_bloc_route        (AcqMapBuilder *b,
                                        guint          competence,
                                        GArray        *points);
AcqMapPoint _acq_map_exit_point        (AcqMapBuilder *b,
                                        guint          competence);
gpointer    _acq_map_cell_key          (int            i,
                                        int            k);
void        _acq_map_route_edges       (AcqMapBuilder *b);
double      _acq_map_route_length      (AcqMapBuilder *b,
                                        guint          competence,
                                        guint          sheet);

G_END_DECLS
