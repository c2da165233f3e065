/* acq-map.c — the mind map of a candidate as a graph: the certification, its blocs, their
 * competences and the sheets that demonstrate them
 *
 * The graph is a tree (certification > blocs > competences) with the sheets as leaves; a sheet
 * that demonstrates several competences is one node with one edge to each. The order of the
 * nodes is the order they were added in, and the layout places sheets in that order: the map
 * loaded from the store adds them oldest first, so that a new sheet comes last and the others
 * stay where they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-map"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-map.h"
#include "acq-referential.h"
#include "acq-sql-private.h"

typedef struct
{
  AcqMapNode pub;
  GArray    *edges; /* (element-type guint): the edges that touch the node */
} Node;

struct _AcqMap
{
  GObject     parent_instance;

  char       *title;
  GArray     *nodes;     /* (element-type Node): the certification first */
  GArray     *edges;     /* (element-type AcqMapEdge) */
  GHashTable *by_uuid[ACQ_MAP_NODE_SHEET + 1]; /* uuid (owned by the node) → index + 1 */
};

G_DEFINE_FINAL_TYPE (AcqMap, acq_map, G_TYPE_OBJECT)
G_DEFINE_QUARK (acq-map-error-quark, acq_map_error)

static const char sql_certification[] =
  "SELECT c.uuid, c.rncp, c.title FROM candidate k JOIN certification c"
  " ON c.uuid = k.certification_uuid WHERE k.uuid = ?1";
/* Oldest first, so that a sheet added later is laid out after the others. */
static const char sql_sheets[] =
  "SELECT uuid, title, review_state FROM sheet WHERE candidate_uuid = ?1"
  " AND deleted_at IS NULL ORDER BY created_at, id";

static void
node_clear (gpointer data)
{
  Node *node = data;

  g_free (node->pub.uuid);
  g_free (node->pub.label);
  g_clear_pointer (&node->edges, g_array_unref);
}

static void
acq_map_finalize (GObject *object)
{
  AcqMap *self = ACQ_MAP (object);

  for (guint k = 0; k < G_N_ELEMENTS (self->by_uuid); k++)
    g_clear_pointer (&self->by_uuid[k], g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_free (self->title);
  G_OBJECT_CLASS (acq_map_parent_class)->finalize (object);
}

static void
acq_map_class_init (AcqMapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_map_finalize;
}

static void
acq_map_init (AcqMap *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (AcqMapEdge));
  for (guint k = 0; k < G_N_ELEMENTS (self->by_uuid); k++)
    self->by_uuid[k] = g_hash_table_new (g_str_hash, g_str_equal);
}

static Node *
node_at (AcqMap *self, guint index)
{
  return &g_array_index (self->nodes, Node, index);
}

static guint
add_node (AcqMap *self, AcqMapNodeKind kind, const char *uuid, const char *label, guint parent)
{
  Node node = { 0 };
  guint index = self->nodes->len;

  node.pub.kind = kind;
  node.pub.uuid = g_strdup (uuid);
  node.pub.label = g_strdup (label != NULL ? label : "");
  node.pub.level = ACQ_COVERAGE_NONE;
  node.pub.parent = parent;
  node.pub.targeted = TRUE;
  node.edges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->nodes, node);
  if (uuid != NULL)
    g_hash_table_insert (self->by_uuid[kind], node_at (self, index)->pub.uuid,
                         GUINT_TO_POINTER (index + 1));
  if (parent != ACQ_MAP_NO_NODE)
    {
      AcqMapEdge edge = { parent, index };
      guint e = self->edges->len;

      g_array_append_val (self->edges, edge);
      g_array_append_val (node_at (self, parent)->edges, e);
      g_array_append_val (node_at (self, index)->edges, e);
    }
  return index;
}

/**
 * acq_map_new:
 * @certification_uuid: (nullable): the certification
 * @certification_label: what its node shows
 *
 * A map with the certification only, to add blocs, competences and sheets to.
 *
 * Returns: (transfer full): the map
 */
AcqMap *
acq_map_new (const char *certification_uuid, const char *certification_label)
{
  AcqMap *self = g_object_new (ACQ_TYPE_MAP, NULL);

  add_node (self, ACQ_MAP_NODE_CERTIFICATION, certification_uuid,
            certification_label != NULL ? certification_label : _("Certification"),
            ACQ_MAP_NO_NODE);
  return self;
}

/**
 * acq_map_get_title:
 * @self: a map
 *
 * Returns: (nullable): what the exported map is headed with (the candidate's name)
 */
const char *
acq_map_get_title (AcqMap *self)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  return self->title;
}

/**
 * acq_map_set_title:
 * @self: a map
 * @title: (nullable): what the exported map is headed with
 */
void
acq_map_set_title (AcqMap *self, const char *title)
{
  g_return_if_fail (ACQ_IS_MAP (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * acq_map_set_label:
 * @self: a map
 * @index: one of its nodes
 * @label: what it shows now (a sheet's title with the people's names replaced, on its way to
 *   an export)
 */
void
acq_map_set_label (AcqMap *self, guint index, const char *label)
{
  Node *node;

  g_return_if_fail (ACQ_IS_MAP (self));
  g_return_if_fail (index < self->nodes->len);
  g_return_if_fail (label != NULL);

  node = node_at (self, index);
  g_free (node->pub.label);
  node->pub.label = g_strdup (label);
}

static guint
find_index (AcqMap *self, AcqMapNodeKind kind, const char *uuid)
{
  gpointer found = uuid != NULL ? g_hash_table_lookup (self->by_uuid[kind], uuid) : NULL;

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : ACQ_MAP_NO_NODE;
}

/**
 * acq_map_add_bloc:
 * @self: a map
 * @uuid: the bloc
 * @label: what its node shows
 * @targeted: whether the candidate aims at it; a bloc not targeted starts folded
 *
 * Returns: the bloc's node (the one already there if @uuid was added before)
 */
guint
acq_map_add_bloc (AcqMap *self, const char *uuid, const char *label, gboolean targeted)
{
  guint index;

  g_return_val_if_fail (ACQ_IS_MAP (self), ACQ_MAP_NO_NODE);
  if ((index = find_index (self, ACQ_MAP_NODE_BLOC, uuid)) != ACQ_MAP_NO_NODE)
    return index;
  index = add_node (self, ACQ_MAP_NODE_BLOC, uuid, label, 0);
  node_at (self, index)->pub.targeted = targeted;
  node_at (self, index)->pub.folded = !targeted;
  return index;
}

/* A bloc is as far along as its least covered competence, the certification as its least
 * covered targeted bloc. */
static void
update_level (AcqMap *self, guint parent)
{
  Node *node = node_at (self, parent);
  AcqCoverageLevel level = ACQ_N_COVERAGE_LEVELS;

  for (guint i = 0; i < node->edges->len; i++)
    {
      AcqMapEdge *edge = &g_array_index (self->edges, AcqMapEdge,
                                         g_array_index (node->edges, guint, i));
      AcqMapNode *child = &node_at (self, edge->to)->pub;

      if (edge->from == parent && (child->kind == ACQ_MAP_NODE_COMPETENCE || child->targeted))
        level = MIN (level, child->level);
    }
  node->pub.level = level == ACQ_N_COVERAGE_LEVELS ? ACQ_COVERAGE_NONE : level;
}

/**
 * acq_map_add_competence:
 * @self: a map
 * @bloc: the node of its bloc
 * @uuid: the competence
 * @label: what its node shows
 *
 * Returns: the competence's node (the one already there if @uuid was added before)
 */
guint
acq_map_add_competence (AcqMap *self, guint bloc, const char *uuid, const char *label)
{
  guint index;

  g_return_val_if_fail (ACQ_IS_MAP (self), ACQ_MAP_NO_NODE);
  g_return_val_if_fail (bloc < self->nodes->len, ACQ_MAP_NO_NODE);
  g_return_val_if_fail (node_at (self, bloc)->pub.kind == ACQ_MAP_NODE_BLOC, ACQ_MAP_NO_NODE);

  if ((index = find_index (self, ACQ_MAP_NODE_COMPETENCE, uuid)) != ACQ_MAP_NO_NODE)
    return index;
  index = add_node (self, ACQ_MAP_NODE_COMPETENCE, uuid, label, bloc);
  node_at (self, index)->pub.targeted = node_at (self, bloc)->pub.targeted;
  update_level (self, bloc);
  update_level (self, 0);
  return index;
}

/**
 * acq_map_add_sheet:
 * @self: a map
 * @uuid: the sheet
 * @title: what its node shows
 * @state: its review state
 *
 * Adds a sheet linked to nothing yet: acq_map_link() links it. The layout places sheets in
 * the order they are added.
 *
 * Returns: the sheet's node (the one already there if @uuid was added before)
 */
guint
acq_map_add_sheet (AcqMap *self, const char *uuid, const char *title, AcqReviewState state)
{
  guint index;

  g_return_val_if_fail (ACQ_IS_MAP (self), ACQ_MAP_NO_NODE);
  g_return_val_if_fail (state < ACQ_N_REVIEW_STATES, ACQ_MAP_NO_NODE);

  if ((index = find_index (self, ACQ_MAP_NODE_SHEET, uuid)) != ACQ_MAP_NO_NODE)
    return index;
  index = add_node (self, ACQ_MAP_NODE_SHEET, uuid, title, ACQ_MAP_NO_NODE);
  node_at (self, index)->pub.level = acq_coverage_level_from_state (state);
  return index;
}

/**
 * acq_map_link:
 * @self: a map
 * @sheet: a sheet's node
 * @competence: a competence's node
 *
 * Links a sheet to a competence it demonstrates, and raises the competence's level (and its
 * bloc's, and the certification's) accordingly.
 *
 * Returns: %TRUE if linked, %FALSE if they were linked already
 */
gboolean
acq_map_link (AcqMap *self, guint sheet, guint competence)
{
  Node *s, *c;
  AcqMapEdge edge = { competence, sheet };
  guint e;

  g_return_val_if_fail (ACQ_IS_MAP (self), FALSE);
  g_return_val_if_fail (sheet < self->nodes->len && competence < self->nodes->len, FALSE);
  s = node_at (self, sheet);
  c = node_at (self, competence);
  g_return_val_if_fail (s->pub.kind == ACQ_MAP_NODE_SHEET, FALSE);
  g_return_val_if_fail (c->pub.kind == ACQ_MAP_NODE_COMPETENCE, FALSE);

  for (guint i = 0; i < s->edges->len; i++)
    if (g_array_index (self->edges, AcqMapEdge, g_array_index (s->edges, guint, i)).from ==
        competence)
      return FALSE;
  e = self->edges->len;
  g_array_append_val (self->edges, edge);
  g_array_append_val (s->edges, e);
  g_array_append_val (c->edges, e);
  s->pub.targeted = s->pub.n_links == 0 ? c->pub.targeted : s->pub.targeted || c->pub.targeted;
  s->pub.n_links++;
  c->pub.n_links++;
  c->pub.n_validated += s->pub.level == ACQ_COVERAGE_VALIDATED;
  c->pub.level = MAX (c->pub.level, s->pub.level);
  update_level (self, c->pub.parent);
  update_level (self, 0);
  return TRUE;
}

/**
 * acq_map_set_folded:
 * @self: a map
 * @bloc: a bloc's node
 * @folded: whether its competences are hidden
 */
void
acq_map_set_folded (AcqMap *self, guint bloc, gboolean folded)
{
  g_return_if_fail (ACQ_IS_MAP (self));
  g_return_if_fail (bloc < self->nodes->len);
  g_return_if_fail (node_at (self, bloc)->pub.kind == ACQ_MAP_NODE_BLOC);
  node_at (self, bloc)->pub.folded = folded;
}

/**
 * acq_map_get_n_nodes:
 * @self: a map
 *
 * Returns: how many nodes the map has, hidden ones included
 */
guint
acq_map_get_n_nodes (AcqMap *self)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), 0);
  return self->nodes->len;
}

/**
 * acq_map_get_node:
 * @self: a map
 * @index: a node, from 0 (the certification)
 *
 * Returns: (transfer none): the node, valid until the map changes
 */
const AcqMapNode *
acq_map_get_node (AcqMap *self, guint index)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &node_at (self, index)->pub;
}

/**
 * acq_map_get_n_edges:
 * @self: a map
 *
 * Returns: how many edges the map has: parent to child, and competence to sheet
 */
guint
acq_map_get_n_edges (AcqMap *self)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), 0);
  return self->edges->len;
}

/**
 * acq_map_get_edge:
 * @self: a map
 * @index: an edge
 *
 * Returns: (transfer none): the edge, valid until the map changes
 */
const AcqMapEdge *
acq_map_get_edge (AcqMap *self, guint index)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, AcqMapEdge, index);
}

/**
 * acq_map_get_node_edges:
 * @self: a map
 * @index: a node
 * @n_edges: (out): where to put how many edges touch it
 *
 * Returns: (transfer none) (array length=n_edges): the edges that touch the node, in the
 *   order they were added
 */
const guint *
acq_map_get_node_edges (AcqMap *self, guint index, guint *n_edges)
{
  GArray *edges;

  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  edges = node_at (self, index)->edges;
  *n_edges = edges->len;
  return (const guint *) (gpointer) edges->data;
}

/**
 * acq_map_find:
 * @self: a map
 * @kind: what the node stands for
 * @uuid: the certification, bloc, competence or sheet
 *
 * Returns: its node, or %ACQ_MAP_NO_NODE
 */
guint
acq_map_find (AcqMap *self, AcqMapNodeKind kind, const char *uuid)
{
  g_return_val_if_fail (ACQ_IS_MAP (self), ACQ_MAP_NO_NODE);
  g_return_val_if_fail (kind <= ACQ_MAP_NODE_SHEET, ACQ_MAP_NO_NODE);
  return find_index (self, kind, uuid);
}

/**
 * acq_map_is_visible:
 * @self: a map
 * @index: a node
 *
 * The certification and blocs are always shown; a competence unless its bloc is folded; a
 * sheet if it is linked to nothing or to a competence shown.
 *
 * Returns: whether the node is shown
 */
gboolean
acq_map_is_visible (AcqMap *self, guint index)
{
  Node *node;

  g_return_val_if_fail (ACQ_IS_MAP (self), FALSE);
  g_return_val_if_fail (index < self->nodes->len, FALSE);
  node = node_at (self, index);
  switch (node->pub.kind)
    {
    case ACQ_MAP_NODE_COMPETENCE:
      return !node_at (self, node->pub.parent)->pub.folded;
    case ACQ_MAP_NODE_SHEET:
      if (node->pub.n_links == 0)
        return TRUE;
      for (guint i = 0; i < node->edges->len; i++)
        {
          guint from = g_array_index (self->edges, AcqMapEdge,
                                      g_array_index (node->edges, guint, i)).from;
          if (acq_map_is_visible (self, from))
            return TRUE;
        }
      return FALSE;
    case ACQ_MAP_NODE_CERTIFICATION:
    case ACQ_MAP_NODE_BLOC:
    default:
      return TRUE;
    }
}

/**
 * acq_map_dup_competence_code:
 * @self: a map
 * @competence: a competence's node
 *
 * Returns: (transfer full): the short name of the competence, "C1.2" for the second of the
 *   first bloc, as the coverage grid names it
 */
char *
acq_map_dup_competence_code (AcqMap *self, guint competence)
{
  guint bloc, bloc_number = 0, number = 0;
  Node *node;

  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  g_return_val_if_fail (competence < self->nodes->len, NULL);
  g_return_val_if_fail (node_at (self, competence)->pub.kind == ACQ_MAP_NODE_COMPETENCE, NULL);

  bloc = node_at (self, competence)->pub.parent;
  for (guint i = 0; i <= bloc; i++)
    bloc_number += node_at (self, i)->pub.kind == ACQ_MAP_NODE_BLOC;
  node = node_at (self, bloc);
  for (guint i = 0; i < node->edges->len; i++)
    {
      guint child = g_array_index (self->edges, AcqMapEdge,
                                   g_array_index (node->edges, guint, i)).to;

      number += child != bloc && node_at (self, child)->pub.kind == ACQ_MAP_NODE_COMPETENCE;
      if (child == competence)
        break;
    }
  return acq_competence_dup_code ((int) bloc_number, (int) number);
}

static void
add_coverage (AcqMap *self, const AcqCoverage *coverage)
{
  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);
      g_autofree char *label =
        g_strdup_printf (bloc->targeted ? _("Bloc %d — %s") : _("Bloc %d — %s (not targeted)"),
                         bloc->position, bloc->title);
      guint bloc_node = acq_map_add_bloc (self, bloc->bloc_uuid, label, bloc->targeted);

      for (guint c = 0; c < bloc->competences->len; c++)
        {
          AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
          guint competence_node = acq_map_add_competence (self, bloc_node,
                                                          competence->competence_uuid,
                                                          competence->label);

          for (guint s = 0; s < competence->sheets->len; s++)
            {
              AcqCoverageSheet *sheet = g_ptr_array_index (competence->sheets, s);

              acq_map_link (self, acq_map_add_sheet (self, sheet->sheet_uuid, sheet->title,
                                                     sheet->review_state),
                            competence_node);
            }
        }
    }
}

/**
 * acq_map_new_from_coverage:
 * @coverage: a candidate's coverage
 * @certification_label: (nullable): what the certification's node shows
 *
 * The map of a coverage: the sheets come in the order the coverage lists them. A sheet linked
 * to no competence is not in a coverage: acq_map_load() adds those too.
 *
 * Returns: (transfer full): the map
 */
AcqMap *
acq_map_new_from_coverage (const AcqCoverage *coverage, const char *certification_label)
{
  AcqMap *self;

  g_return_val_if_fail (coverage != NULL, NULL);
  self = acq_map_new (coverage->certification_uuid, certification_label);
  add_coverage (self, coverage);
  return self;
}

static gboolean
load_certification (AcqStore *store, const char *candidate_uuid, char **uuid, char **label,
                    GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_certification, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *uuid = _acq_sql_column_dup (stmt, 0);
      *label = g_strdup_printf ("%s — %s", _acq_sql_column_text (stmt, 1),
                                _acq_sql_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the certification for the map");
  return TRUE;
}

static gboolean
load_sheets (AcqStore *store, AcqMap *self, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_sheets, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (AcqSheet) named = acq_sheet_new (_acq_sql_column_text (stmt, 0), "");
      g_autofree char *title = NULL;

      /* the placeholder of an untitled sheet is the one shown everywhere else */
      acq_sheet_set_title (named, _acq_sql_column_text (stmt, 1));
      title = acq_sheet_dup_display_title (named);
      acq_map_add_sheet (self, _acq_sql_column_text (stmt, 0), title,
                         CLAMP (sqlite3_column_int (stmt, 2), 0, ACQ_N_REVIEW_STATES - 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the sheets for the map");
  return TRUE;
}

/**
 * acq_map_load:
 * @store: the store
 * @candidate_uuid: a candidate
 * @error: where to put an error
 *
 * The map of a candidate: their certification, its blocs and competences with their coverage,
 * and every sheet (deleted ones aside), oldest first, those linked to no competence too. The
 * title is left unset.
 *
 * Returns: (transfer full): the map, or %NULL on error
 */
AcqMap *
acq_map_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *label = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (AcqMap) self = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!load_certification (store, candidate_uuid, &uuid, &label, error))
    return NULL;
  self = acq_map_new (uuid, label);
  if (!load_sheets (store, self, candidate_uuid, error) ||
      (coverage = acq_coverage_compute (store, candidate_uuid, error)) == NULL)
    return NULL;
  add_coverage (self, coverage);
  return g_steal_pointer (&self);
}

/**
 * acq_map_count_competences:
 * @self: a map
 * @bloc: a bloc's node
 * @n_competences: (out) (optional): where to put how many competences the bloc has
 * @n_validated: (out) (optional): where to put how many of them are validated
 *
 * What a folded bloc says of the competences it hides.
 */
void
acq_map_count_competences (AcqMap *self, guint bloc, guint *n_competences, guint *n_validated)
{
  guint n = 0, validated = 0;
  Node *node;

  g_return_if_fail (ACQ_IS_MAP (self));
  g_return_if_fail (bloc < self->nodes->len);

  node = node_at (self, bloc);
  for (guint i = 0; i < node->edges->len; i++)
    {
      guint child = g_array_index (self->edges, AcqMapEdge,
                                   g_array_index (node->edges, guint, i)).to;

      if (child == bloc || node_at (self, child)->pub.kind != ACQ_MAP_NODE_COMPETENCE)
        continue;
      n++;
      validated += node_at (self, child)->pub.level == ACQ_COVERAGE_VALIDATED;
    }
  if (n_competences != NULL)
    *n_competences = n;
  if (n_validated != NULL)
    *n_validated = validated;
}

/**
 * acq_map_dup_text:
 * @self: a map
 * @index: one of its nodes
 *
 * Returns: (transfer full): what the node's box shows and a screen reader names it by: a
 *   competence's code and wording ("C1.4 · Travailler en équipe…"), a folded bloc's title and
 *   the count of its competences ("4 competences, 1 validated"), else the label
 */
char *
acq_map_dup_text (AcqMap *self, guint index)
{
  const AcqMapNode *node;

  g_return_val_if_fail (ACQ_IS_MAP (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  node = &node_at (self, index)->pub;
  if (node->kind == ACQ_MAP_NODE_COMPETENCE)
    {
      g_autofree char *code = acq_map_dup_competence_code (self, index);

      /* TRANSLATORS: a competence on the map: "C1.4 · Travailler en équipe…" */
      return g_strdup_printf (_("%s · %s"), code, node->label);
    }
  if (node->kind == ACQ_MAP_NODE_BLOC && node->folded)
    {
      guint n, validated;
      g_autofree char *count = NULL;

      acq_map_count_competences (self, index, &n, &validated);
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u competence", "%u competences",
                                            n), n);
      /* TRANSLATORS: under a folded bloc: "4 competences, 1 validated"; %s is "4 competences" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%s, %u validated",
                                           "%s\n%s, %u validated", validated),
                              node->label, count, validated);
    }
  return g_strdup (node->label);
}

/**
 * acq_map_find_weakest_bloc:
 * @self: a map
 *
 * The bloc to begin with when the whole map cannot be read at once: the targeted bloc with the
 * fewest validated competences (the first such), the one with most left to do.
 *
 * Returns: its node, or %ACQ_MAP_NO_NODE if the map has no targeted bloc
 */
guint
acq_map_find_weakest_bloc (AcqMap *self)
{
  guint best = ACQ_MAP_NO_NODE, best_validated = G_MAXUINT;

  g_return_val_if_fail (ACQ_IS_MAP (self), ACQ_MAP_NO_NODE);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const AcqMapNode *node = &node_at (self, i)->pub;
      guint validated;

      if (node->kind != ACQ_MAP_NODE_BLOC || !node->targeted)
        continue;
      acq_map_count_competences (self, i, NULL, &validated);
      if (validated < best_validated)
        {
          best = i;
          best_validated = validated;
        }
    }
  return best;
}
