/* acq-map.h — the mind map of a candidate as a graph: the certification, its blocs, their
 * competences and the sheets that demonstrate them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-coverage.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_MAP_ERROR (acq_map_error_quark ())

/**
 * AcqMapError:
 * @ACQ_MAP_ERROR_FORMAT: the file name does not end in .png, .svg, .pdf or .opml
 * @ACQ_MAP_ERROR_WRITE: the file could not be written
 */
typedef enum
{
  ACQ_MAP_ERROR_FORMAT,
  ACQ_MAP_ERROR_WRITE,
} AcqMapError;

typedef enum
{
  ACQ_MAP_NODE_CERTIFICATION,
  ACQ_MAP_NODE_BLOC,
  ACQ_MAP_NODE_COMPETENCE,
  ACQ_MAP_NODE_SHEET,
} AcqMapNodeKind;

/* An index that names no node. */
#define ACQ_MAP_NO_NODE G_MAXUINT

/**
 * AcqMapNode:
 * @kind: what the node stands for
 * @uuid: (nullable): the certification, bloc, competence or sheet it stands for
 * @label: what it shows
 * @level: a sheet's own level; a competence's, the best of its sheets; a bloc's, the worst of
 *   its competences; the certification's, the worst of its targeted blocs
 * @parent: the certification for a bloc, the bloc for a competence, else %ACQ_MAP_NO_NODE
 * @targeted: %FALSE for a bloc the candidate does not aim at (dispense), for its competences,
 *   and for a sheet linked to such competences only: they are drawn dimmed
 * @folded: for a bloc, its competences (and the sheets linked to them only) are hidden
 * @n_links: the sheets linked to a competence, the competences linked to a sheet
 * @n_validated: the validated sheets linked to a competence
 */
typedef struct
{
  AcqMapNodeKind   kind;
  char            *uuid;
  char            *label;
  AcqCoverageLevel level;
  guint            parent;
  gboolean         targeted;
  gboolean         folded;
  guint            n_links;
  guint            n_validated;
} AcqMapNode;

/**
 * AcqMapEdge:
 * @from: the parent, or the competence a sheet demonstrates
 * @to: the child, or the sheet
 */
typedef struct
{
  guint from;
  guint to;
} AcqMapEdge;

#define ACQ_TYPE_MAP (acq_map_get_type ())
G_DECLARE_FINAL_TYPE (AcqMap, acq_map, ACQ, MAP, GObject)

GQuark            acq_map_error_quark        (void);

AcqMap           *acq_map_new                (const char       *certification_uuid,
                                              const char       *certification_label);
AcqMap           *acq_map_new_from_coverage  (const AcqCoverage *coverage,
                                              const char       *certification_label);
AcqMap           *acq_map_load               (AcqStore         *store,
                                              const char       *candidate_uuid,
                                              GError          **error);

const char       *acq_map_get_title          (AcqMap           *self);
void              acq_map_set_title          (AcqMap           *self,
                                              const char       *title);
void              acq_map_set_label          (AcqMap           *self,
                                              guint             index,
                                              const char       *label);

guint             acq_map_add_bloc           (AcqMap           *self,
                                              const char       *uuid,
                                              const char       *label,
                                              gboolean          targeted);
guint             acq_map_add_competence     (AcqMap           *self,
                                              guint             bloc,
                                              const char       *uuid,
                                              const char       *label);
guint             acq_map_add_sheet          (AcqMap           *self,
                                              const char       *uuid,
                                              const char       *title,
                                              AcqReviewState    state);
gboolean          acq_map_link               (AcqMap           *self,
                                              guint             sheet,
                                              guint             competence);
void              acq_map_set_folded         (AcqMap           *self,
                                              guint             bloc,
                                              gboolean          folded);

guint             acq_map_get_n_nodes        (AcqMap           *self);
const AcqMapNode *acq_map_get_node           (AcqMap           *self,
                                              guint             index);
guint             acq_map_get_n_edges        (AcqMap           *self);
const AcqMapEdge *acq_map_get_edge           (AcqMap           *self,
                                              guint             index);
const guint      *acq_map_get_node_edges     (AcqMap           *self,
                                              guint             index,
                                              guint            *n_edges);
guint             acq_map_find               (AcqMap           *self,
                                              AcqMapNodeKind    kind,
                                              const char       *uuid);
gboolean          acq_map_is_visible         (AcqMap           *self,
                                              guint             index);
char             *acq_map_dup_competence_code (AcqMap          *self,
                                               guint            competence);
char             *acq_map_dup_text           (AcqMap           *self,
                                              guint             index);
void              acq_map_count_competences  (AcqMap           *self,
                                              guint             bloc,
                                              guint            *n_competences,
                                              guint            *n_validated);
guint             acq_map_find_weakest_bloc  (AcqMap           *self);

G_END_DECLS
