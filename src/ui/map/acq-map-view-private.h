/* acq-map-view-private.h — what the parts of AcqMapView share: its state and internals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is split by concern: acq-map-view.c (coordinates, nodes, layout, the public API),
 * acq-map-view-input.c (keys, pointer, gestures and menus) and acq-map-view-draw.c (edges,
 * the picture that pans and zooms, the snapshot).
 */
#pragma once

#include <adwaita.h>

#include "acq-map-export.h"
#include "acq-map-item.h"
#include "acq-map-view.h"
#include "acq-text.h"

G_BEGIN_DECLS

#define DRAG_THRESHOLD 8.0   /* pixels a sheet moves before it is dragged */
#define EDGE_GRAB      8.0   /* pixels from a link that grab it: a line is thin to aim at */
#define EDGE_DETACH    48.0  /* pixels from its course that a dragged link comes off at */
#define VISIBLE_MARGIN 24.0  /* pixels kept around a node brought into view */
#define FIT_MARGIN     0.94  /* the share of the view a fitted map takes */
#define SCROLL_STEP    60.0  /* pixels a wheel's notch pans */
#define ZOOM_STEP      1.25
#define READABLE_PX    12.0  /* the least text on screen: 9 points at 96 dpi */

/* What the view does by itself when its size changes, until the user zooms or pans. */
typedef enum
{
  AUTO_NONE,    /* the user moved: her view stays */
  AUTO_OPENING, /* a readable overview (see open_readable()) */
  AUTO_FIT,     /* the whole map, asked for */
} AutoView;

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
  AutoView       auto_view;
  int            auto_width, auto_height; /* the size it was done for */
  guint          auto_id;   /* the idle that does it */
  GHashTable    *auto_folds; /* bloc uuid → 1: folded by the view to read it at a glance */
  GPtrArray     *obstacles; /* (element-type GtkWidget): overlays that hide the map */
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

/* The picture: the map drawn into a texture, shown as one image while panning and zooming;
 * drawn again once the zoom rests and whenever what it shows changes. */
#define PICTURE_MAX_SIDE 2048 /* a view larger than that draws its items each frame */
#define ZOOM_REST_MS     160

/* acq-map-view.c: coordinates, nodes, layout */
double           _acq_map_view_view_width     (AcqMapView *self);
double           _acq_map_view_view_height    (AcqMapView *self);
void             _acq_map_view_to_map         (AcqMapView *self, double x, double y,
                                               double *mx, double *my);
void             _acq_map_view_to_view        (AcqMapView *self, double mx, double my,
                                               double *x, double *y);
graphene_rect_t  _acq_map_view_view_rect_of   (AcqMapView *self, guint node);
void             _acq_map_view_changed_view   (AcqMapView *self);
void             _acq_map_view_set_zoom_at    (AcqMapView *self, double zoom, double x, double y);
gboolean         _acq_map_view_zoom_rest_cb   (gpointer data);
const AcqMapNode *_acq_map_view_node_at       (AcqMapView *self, guint node);
gboolean         _acq_map_view_shown          (AcqMapView *self, guint node);
guint            _acq_map_view_node_at_point  (AcqMapView *self, double x, double y);
gboolean         _acq_map_view_are_linked     (AcqMapView *self, guint sheet, guint competence);
guint            _acq_map_view_neighbour      (AcqMapView *self, guint node, guint keyval);
guint            _acq_map_view_parent         (AcqMapView *self, guint node);
void             _acq_map_view_set_drop_node  (AcqMapView *self, guint node);
void             _acq_map_view_focus_node     (AcqMapView *self, guint node);
void             _acq_map_view_toggle_fold    (AcqMapView *self, guint bloc);
void             _acq_map_view_user_moved     (AcqMapView *self);

/* acq-map-view-input.c: keys, pointer, gestures, menus */
void             _acq_map_view_add_input      (AcqMapView *self);
gboolean         _acq_map_view_show_menu_for  (AcqMapView *self, guint node);

/* acq-map-view-draw.c: the edges, the picture, the snapshot */
gboolean         _acq_map_view_picture_wanted (AcqMapView *self);
void             _acq_map_view_snapshot       (GtkWidget *widget, GtkSnapshot *snapshot);

G_END_DECLS
