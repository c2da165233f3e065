/* test-map.c — the mind map: its graph, its layout and its exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-map"

#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <poppler.h>

#include "acq-candidate-list.h"
#include "acq-demo.h"
#include "acq-map-export.h"
#include "acq-map-layout.h"
#include "acq-map.h"
#include "test-util.h"

static const char *const competence_labels[] = {
  "Informer une personne ou un groupe sur les ressources en matière d'insertion, les "
  "dispositifs existants et les services dématérialisés.",
  "Analyser la demande et repérer les besoins, attentes, freins et ressources de la personne "
  "afin de poser les bases d'un diagnostic partagé.",
  "Exercer une veille informationnelle.",
  "Travailler en équipe, en réseau et en partenariat.",
  "Contractualiser avec la personne les objectifs, les étapes et les modalités de son parcours.",
  "Concevoir des ateliers thématiques.",
};

static const char *const sheet_titles[] = {
  "Premier accueil d'un demandeur d'emploi sans rendez-vous",
  "Atelier CV",
  "Diagnostic partagé avec une allocataire du RSA, en trois entretiens, avec la référente du "
  "Département et l'assistante sociale du secteur, pour lever les freins à la mobilité",
  "Suivi administratif des parcours sur le logiciel de la structure",
  "Réunion",
  "Intervention_sans_aucune_espace_qui_ne_peut_pas_se_couper_aux_mots_et_continue_longtemps",
};

typedef struct
{
  guint    n_competences;
  guint    n_sheets;
  gboolean with_dispensed_bloc;
} MapSpec;

/* A map like a real one, without a store: up to three blocs sharing the competences, sheets
 * linked to one competence, some to two or three, a few to none. The same seed, the same map. */
static AcqMap *
synthetic_map (const MapSpec *spec, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  AcqMap *map = acq_map_new ("c0ffee00-0000-5000-8000-000000000000",
                             "RNCP37274 — Conseiller en insertion professionnelle");
  guint n_blocs = spec->n_competences == 0 ? 1 : MIN (3, spec->n_competences);
  g_autoptr (GArray) competences = g_array_new (FALSE, FALSE, sizeof (guint));
  guint blocs[3];

  for (guint b = 0; b < n_blocs; b++)
    {
      g_autofree char *uuid = g_strdup_printf ("b10c0000-0000-5000-8000-%012u", b);
      g_autofree char *label = g_strdup_printf ("Bloc %u — Accompagner les personnes dans leur "
                                                "parcours d'insertion", b + 1);
      gboolean targeted = !(spec->with_dispensed_bloc && b == n_blocs - 1);

      blocs[b] = acq_map_add_bloc (map, uuid, label, targeted);
    }
  for (guint c = 0; c < spec->n_competences; c++)
    {
      g_autofree char *uuid = g_strdup_printf ("c0c00000-0000-5000-8000-%012u", c);
      guint node = acq_map_add_competence (map, blocs[c * n_blocs / spec->n_competences], uuid,
                                           competence_labels[c % G_N_ELEMENTS (competence_labels)]);
      g_array_append_val (competences, node);
    }
  for (guint s = 0; s < spec->n_sheets; s++)
    {
      g_autofree char *uuid = g_strdup_printf ("%08x-%04x-4%03x-8000-%012u",
                                               g_rand_int (rand), g_rand_int (rand) & 0xffff,
                                               g_rand_int (rand) & 0xfff, s);
      guint sheet = acq_map_add_sheet (map, uuid,
                                       sheet_titles[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (sheet_titles))],
                                       g_rand_int_range (rand, 0, ACQ_N_REVIEW_STATES));
      guint n_links = g_rand_int_range (rand, 0, 20) == 0 ? 0 : 1;

      if (competences->len == 0)
        continue;
      if (g_rand_int_range (rand, 0, 6) == 0)
        n_links += g_rand_int_range (rand, 1, 3);
      for (guint l = 0; l < n_links; l++)
        acq_map_link (map, sheet, g_array_index (competences, guint,
                                                 g_rand_int_range (rand, 0, competences->len)));
    }
  return map;
}

static gboolean
rects_meet (const cairo_rectangle_t *a, const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
         b->y < a->y + a->height;
}

static gboolean
rect_contains (const cairo_rectangle_t *outer, const cairo_rectangle_t *inner)
{
  return inner->x >= outer->x - 1e-6 && inner->y >= outer->y - 1e-6 &&
         inner->x + inner->width <= outer->x + outer->width + 1e-6 &&
         inner->y + inner->height <= outer->y + outer->height + 1e-6;
}

/* Whether the segment enters the inside of the rectangle (a 0.05 margin inside its border),
 * clipped against each side in turn. */
static gboolean
segment_crosses (AcqMapPoint p, AcqMapPoint q, const cairo_rectangle_t *r)
{
  double x0 = r->x + 0.05, x1 = r->x + r->width - 0.05;
  double y0 = r->y + 0.05, y1 = r->y + r->height - 0.05;
  double lo = 0, hi = 1;
  double d[2] = { q.x - p.x, q.y - p.y }, start[2] = { p.x, p.y };
  double min[2] = { x0, y0 }, max[2] = { x1, y1 };

  for (int axis = 0; axis < 2; axis++)
    {
      if (fabs (d[axis]) < 1e-12)
        {
          if (start[axis] <= min[axis] || start[axis] >= max[axis])
            return FALSE;
          continue;
        }
      {
        double ta = (min[axis] - start[axis]) / d[axis], tb = (max[axis] - start[axis]) / d[axis];
        lo = MAX (lo, MIN (ta, tb));
        hi = MIN (hi, MAX (ta, tb));
      }
    }
  return lo < hi;
}

static GArray *
visible_nodes (AcqMapLayout *layout)
{
  AcqMap *map = acq_map_layout_get_map (layout);
  GArray *visible = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    if (acq_map_layout_get_box (layout, i)->visible)
      g_array_append_val (visible, i);
  return visible;
}

/* No two boxes meet, every text is inside its box (so no text meets another box), every edge
 * goes from the centre of one end to the centre of the other, crossing no other box. */
static void
assert_clean (AcqMapLayout *layout)
{
  AcqMap *map = acq_map_layout_get_map (layout);
  g_autoptr (GArray) visible = visible_nodes (layout);
  cairo_rectangle_t bounds;

  acq_map_layout_get_bounds (layout, &bounds);
  for (guint a = 0; a < visible->len; a++)
    {
      const AcqMapBox *box = acq_map_layout_get_box (layout, g_array_index (visible, guint, a));

      g_assert_true (rect_contains (&box->rect, &box->label));
      g_assert_true (rect_contains (&bounds, &box->rect));
      for (guint b = a + 1; b < visible->len; b++)
        g_assert_false (rects_meet (&box->rect,
                                    &acq_map_layout_get_box (layout, g_array_index (visible,
                                                                                    guint,
                                                                                    b))->rect));
    }
  for (guint e = 0; e < acq_map_get_n_edges (map); e++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (map, e);
      const AcqMapBox *from = acq_map_layout_get_box (layout, edge->from);
      const AcqMapBox *to = acq_map_layout_get_box (layout, edge->to);
      guint n;
      const AcqMapPoint *points = acq_map_layout_get_path (layout, e, &n);

      if (!from->visible || !to->visible)
        {
          g_assert_null (points);
          continue;
        }
      g_assert_nonnull (points);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpfloat_with_epsilon (points[0].x, from->rect.x + from->rect.width / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (points[0].y, from->rect.y + from->rect.height / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (points[n - 1].x, to->rect.x + to->rect.width / 2, 1e-6);
      g_assert_cmpfloat_with_epsilon (points[n - 1].y, to->rect.y + to->rect.height / 2, 1e-6);
      for (guint p = 1; p < n; p++)
        for (guint v = 0; v < visible->len; v++)
          {
            guint node = g_array_index (visible, guint, v);
            gboolean crosses;

            if (node == edge->from || node == edge->to)
              continue;
            crosses = segment_crosses (points[p - 1], points[p],
                                       &acq_map_layout_get_box (layout, node)->rect);
            if (crosses)
              g_test_message ("edge %u (%u to %u), segment %u, crosses node %u", e, edge->from,
                              edge->to, p, node);
            g_assert_false (crosses);
          }
    }
}

/* A digest of every box, text rectangle, edge point and the bounds, to the bit. */
static char *
layout_digest (AcqMapLayout *layout)
{
  AcqMap *map = acq_map_layout_get_map (layout);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  cairo_rectangle_t bounds;

  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    g_checksum_update (checksum, (const guchar *) acq_map_layout_get_box (layout, i),
                       sizeof (AcqMapBox));
  for (guint e = 0; e < acq_map_get_n_edges (map); e++)
    {
      guint n;
      const AcqMapPoint *points = acq_map_layout_get_path (layout, e, &n);

      g_checksum_update (checksum, (const guchar *) &n, sizeof n);
      if (n > 0)
        g_checksum_update (checksum, (const guchar *) points, n * sizeof (AcqMapPoint));
    }
  acq_map_layout_get_bounds (layout, &bounds);
  g_checksum_update (checksum, (const guchar *) &bounds, sizeof bounds);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_graph_sheet_once (void)
{
  g_autoptr (AcqMap) map = acq_map_new (NULL, NULL);
  guint bloc = acq_map_add_bloc (map, "b1", "Bloc 1", TRUE);
  guint other = acq_map_add_bloc (map, "b2", "Bloc 2", FALSE);
  guint c1 = acq_map_add_competence (map, bloc, "c1", "Informer");
  guint c2 = acq_map_add_competence (map, bloc, "c2", "Analyser");
  guint c3 = acq_map_add_competence (map, other, "c3", "Animer");
  guint sheet = acq_map_add_sheet (map, "s1", "Accueil", ACQ_REVIEW_STATE_VALIDATED);
  guint draft = acq_map_add_sheet (map, "s2", "Atelier", ACQ_REVIEW_STATE_DRAFT);
  guint n_edges;

  g_assert_cmpuint (acq_map_add_sheet (map, "s1", "Accueil", ACQ_REVIEW_STATE_VALIDATED), ==,
                    sheet);
  g_assert_true (acq_map_link (map, sheet, c1));
  g_assert_true (acq_map_link (map, sheet, c2));
  g_assert_true (acq_map_link (map, sheet, c3));
  g_assert_false (acq_map_link (map, sheet, c2));
  g_assert_true (acq_map_link (map, draft, c2));
  g_assert_true (acq_map_link (map, draft, c3));

  /* certification, 2 blocs, 3 competences, 2 sheets; 2 + 3 tree edges, 5 links */
  g_assert_cmpuint (acq_map_get_n_nodes (map), ==, 8);
  g_assert_cmpuint (acq_map_get_n_edges (map), ==, 10);
  acq_map_get_node_edges (map, sheet, &n_edges);
  g_assert_cmpuint (n_edges, ==, 3);
  g_assert_cmpuint (acq_map_find (map, ACQ_MAP_NODE_SHEET, "s1"), ==, sheet);
  g_assert_cmpuint (acq_map_find (map, ACQ_MAP_NODE_BLOC, "s1"), ==, ACQ_MAP_NO_NODE);
  g_assert_cmpstr (acq_map_get_node (map, 0)->label, ==, "Certification");

  g_assert_cmpint (acq_map_get_node (map, c1)->level, ==, ACQ_COVERAGE_VALIDATED);
  g_assert_cmpint (acq_map_get_node (map, c2)->level, ==, ACQ_COVERAGE_VALIDATED);
  g_assert_cmpuint (acq_map_get_node (map, c2)->n_links, ==, 2);
  g_assert_cmpuint (acq_map_get_node (map, c2)->n_validated, ==, 1);
  g_assert_cmpint (acq_map_get_node (map, bloc)->level, ==, ACQ_COVERAGE_VALIDATED);
  g_assert_cmpint (acq_map_get_node (map, 0)->level, ==, ACQ_COVERAGE_VALIDATED);

  /* the bloc not aimed at is folded and dimmed; a sheet shown elsewhere stays */
  g_assert_true (acq_map_get_node (map, other)->folded);
  g_assert_false (acq_map_get_node (map, c3)->targeted);
  g_assert_false (acq_map_is_visible (map, c3));
  g_assert_true (acq_map_is_visible (map, sheet));
  g_assert_true (acq_map_get_node (map, sheet)->targeted);
  acq_map_set_folded (map, bloc, TRUE);
  g_assert_false (acq_map_is_visible (map, sheet));
  g_assert_false (acq_map_is_visible (map, draft));
  acq_map_set_folded (map, other, FALSE);
  g_assert_true (acq_map_is_visible (map, c3));
  g_assert_true (acq_map_is_visible (map, sheet));
}

static void
test_graph_load_demo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) list = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (AcqMap) map = NULL;
  g_autoptr (AcqMapLayout) layout = NULL;
  g_autoptr (GHashTable) sheets = g_hash_table_new (g_str_hash, g_str_equal);
  const char *helene = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01";
  guint n_links = 0, n_sheet_nodes = 0;

  g_assert_no_error (error);
  list = acq_candidate_list_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (acq_demo_populate (list, &error));
  g_assert_no_error (error);
  coverage = acq_coverage_compute (store, helene, &error);
  g_assert_no_error (error);
  map = acq_map_load (store, helene, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);
  g_assert_true (g_str_has_prefix (acq_map_get_node (map, 0)->label, "RNCP37274 — "));

  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);

      for (guint c = 0; c < bloc->competences->len; c++)
        {
          AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
          guint node = acq_map_find (map, ACQ_MAP_NODE_COMPETENCE, competence->competence_uuid);
          g_autofree char *code = NULL;
          g_autofree char *expected = g_strdup_printf ("C%d.%d", bloc->position,
                                                       competence->position);

          g_assert_cmpuint (node, !=, ACQ_MAP_NO_NODE);
          code = acq_map_dup_competence_code (map, node);
          g_assert_cmpstr (code, ==, expected);
          g_assert_cmpint (acq_map_get_node (map, node)->level, ==, competence->level);
          g_assert_cmpuint (acq_map_get_node (map, node)->n_links, ==, competence->sheets->len);
          n_links += competence->sheets->len;
          for (guint s = 0; s < competence->sheets->len; s++)
            g_hash_table_add (sheets,
                              ((AcqCoverageSheet *) g_ptr_array_index (competence->sheets,
                                                                       s))->sheet_uuid);
        }
    }
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    n_sheet_nodes += acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_SHEET &&
                     acq_map_get_node (map, i)->n_links > 0;
  g_assert_cmpuint (n_links, >, g_hash_table_size (sheets));
  g_assert_cmpuint (n_sheet_nodes, ==, g_hash_table_size (sheets));
  layout = acq_map_layout_compute (map);
  assert_clean (layout);
  test_remove_tree (dir);
}

static void
test_layout_clean (gconstpointer data)
{
  const MapSpec *spec = data;
  g_autoptr (AcqMap) map = synthetic_map (spec, 7);
  g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (map);
  g_autoptr (GArray) visible = visible_nodes (layout);
  guint n_sheets = 0;

  assert_clean (layout);
  for (guint v = 0; v < visible->len; v++)
    n_sheets += acq_map_get_node (map, g_array_index (visible, guint, v))->kind ==
                ACQ_MAP_NODE_SHEET;
  if (!spec->with_dispensed_bloc)
    g_assert_cmpuint (n_sheets, ==, spec->n_sheets);
}

/* A candidate without certification yet: the placeholder alone, and sheets linked to
 * nothing around it. */
static void
test_layout_bare (void)
{
  g_autoptr (AcqMap) map = acq_map_new (NULL, NULL);
  g_autoptr (AcqMapLayout) empty = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) layout = NULL;
  cairo_rectangle_t bounds;

  assert_clean (empty);
  acq_map_layout_get_bounds (empty, &bounds);
  g_assert_cmpfloat (bounds.width, >, acq_map_layout_get_box (empty, 0)->rect.width);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("5ee70000-0000-4000-8000-%012u", i);
      acq_map_add_sheet (map, uuid, sheet_titles[i % G_N_ELEMENTS (sheet_titles)],
                         ACQ_REVIEW_STATE_DRAFT);
    }
  layout = acq_map_layout_compute (map);
  assert_clean (layout);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    g_assert_true (acq_map_layout_get_box (layout, i)->visible);
}

static void
test_layout_deterministic (void)
{
  MapSpec spec = { 16, 200, TRUE };
  g_autoptr (AcqMap) map = synthetic_map (&spec, 11);
  g_autoptr (AcqMap) again = synthetic_map (&spec, 11);
  g_autoptr (AcqMapLayout) first = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) second = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) third = acq_map_layout_compute (again);
  g_autofree char *digest = layout_digest (first);
  g_autofree char *digest2 = layout_digest (second);
  g_autofree char *digest3 = layout_digest (third);

  g_assert_cmpstr (digest, ==, digest2);
  g_assert_cmpstr (digest, ==, digest3);
}

/* One sheet more, linked to one competence or to three: every other node stays put. */
static void
check_stable (guint n_sheets, guint n_links)
{
  MapSpec spec = { 16, n_sheets, FALSE };
  g_autoptr (AcqMap) map = synthetic_map (&spec, 5);
  g_autoptr (AcqMapLayout) before = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) after = NULL;
  guint n_before = acq_map_get_n_nodes (map);
  guint competences[3], n_competences = 0, sheet;

  for (guint i = 0; i < n_before && n_competences < 3; i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_COMPETENCE && i % 4 == 0)
      competences[n_competences++] = i;
  sheet = acq_map_add_sheet (map, "ffffffff-0000-4000-8000-000000000001", "Nouvelle fiche",
                             ACQ_REVIEW_STATE_DRAFT);
  for (guint l = 0; l < n_links; l++)
    acq_map_link (map, sheet, competences[l]);
  after = acq_map_layout_compute (map);
  assert_clean (after);
  g_assert_true (acq_map_layout_get_box (after, sheet)->visible);
  for (guint i = 0; i < n_before; i++)
    {
      const AcqMapBox *a = acq_map_layout_get_box (before, i);
      const AcqMapBox *b = acq_map_layout_get_box (after, i);

      g_assert_cmpint (a->visible, ==, b->visible);
      g_assert_cmpfloat_with_epsilon (a->rect.x, b->rect.x, 0.5);
      g_assert_cmpfloat_with_epsilon (a->rect.y, b->rect.y, 0.5);
      g_assert_cmpfloat_with_epsilon (a->rect.width, b->rect.width, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->rect.height, b->rect.height, 1e-9);
    }
}

static void
test_layout_stable (void)
{
  check_stable (0, 1);
  check_stable (200, 1);
  check_stable (200, 3);
  check_stable (2000, 2);
}

static void
test_layout_wrapped (void)
{
  g_autoptr (AcqMap) map = acq_map_new (NULL, "RNCP37274 — Conseiller en insertion "
                                              "professionnelle, un titre sur plusieurs lignes");
  guint bloc = acq_map_add_bloc (map, "b1", "Bloc 1", TRUE);
  guint competence = acq_map_add_competence (map, bloc, "c1", competence_labels[1]);
  guint sheet = acq_map_add_sheet (map, "s1", sheet_titles[2], ACQ_REVIEW_STATE_TO_REVIEW);
  g_autoptr (AcqMapLayout) layout = NULL;
  const AcqMapBox *box;

  acq_map_link (map, sheet, competence);
  layout = acq_map_layout_compute (map);
  assert_clean (layout);

  box = acq_map_layout_get_box (layout, competence);
  g_assert_cmpint (pango_layout_get_line_count (acq_map_layout_get_text (layout, competence)),
                   >=, 3);
  g_assert_cmpfloat (box->label.width, <=, ACQ_MAP_COMPETENCE_MAX_WIDTH);
  g_assert_cmpfloat (box->label.height, >, 3 * 13.0);
  g_assert_cmpfloat (box->rect.width, <, ACQ_MAP_COMPETENCE_MAX_WIDTH + 60);
  g_assert_cmpint (pango_layout_get_line_count (acq_map_layout_get_text (layout, 0)), >=, 2);

  /* a sheet's title stops at three lines, ended by an ellipsis */
  box = acq_map_layout_get_box (layout, sheet);
  g_assert_cmpint (pango_layout_get_line_count (acq_map_layout_get_text (layout, sheet)), ==,
                   ACQ_MAP_SHEET_MAX_LINES);
  g_assert_true (pango_layout_is_ellipsized (acq_map_layout_get_text (layout, sheet)));
  g_assert_cmpfloat (box->label.width, <=, ACQ_MAP_SHEET_MAX_WIDTH);
}

static void
test_layout_folded (void)
{
  MapSpec spec = { 16, 200, TRUE };
  g_autoptr (AcqMap) map = synthetic_map (&spec, 3);
  g_autoptr (AcqMapLayout) folded = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) unfolded = NULL;
  guint dispensed = ACQ_MAP_NO_NODE, hidden = 0, dimmed = 0;

  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      const AcqMapNode *node = acq_map_get_node (map, i);

      if (node->kind == ACQ_MAP_NODE_BLOC && !node->targeted)
        dispensed = i;
      if (node->kind == ACQ_MAP_NODE_COMPETENCE && !node->targeted)
        {
          g_assert_false (acq_map_layout_get_box (folded, i)->visible);
          hidden++;
        }
    }
  g_assert_cmpuint (dispensed, !=, ACQ_MAP_NO_NODE);
  g_assert_cmpuint (hidden, >, 0);
  g_assert_true (acq_map_layout_get_box (folded, dispensed)->visible);
  g_assert_true (acq_map_layout_get_box (folded, dispensed)->dimmed);

  acq_map_set_folded (map, dispensed, FALSE);
  unfolded = acq_map_layout_compute (map);
  assert_clean (unfolded);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_COMPETENCE &&
        acq_map_layout_get_box (unfolded, i)->dimmed)
      {
        g_assert_true (acq_map_layout_get_box (unfolded, i)->visible);
        dimmed++;
      }
  g_assert_cmpuint (dimmed, ==, hidden);
}

static void
test_layout_timing (void)
{
  for (guint n = 200; n <= 2000; n *= 10)
    {
      MapSpec spec = { 16, n, FALSE };
      g_autoptr (AcqMap) map = synthetic_map (&spec, 1);
      double best = G_MAXDOUBLE;
      cairo_rectangle_t bounds;

      for (int run = 0; run < 3; run++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (map);

          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
          acq_map_layout_get_bounds (layout, &bounds);
        }
      g_test_message ("layout of 16 competences and %u sheets: %.1f ms (best of 3), map %.0f x "
                      "%.0f", n, best, bounds.width, bounds.height);
    }
}

typedef struct
{
  char  *root;
  guint  n_elements;
  guint  n_outlines;
} XmlCount;

static void
count_start (GMarkupParseContext *context, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  XmlCount *count = data;

  if (count->root == NULL)
    count->root = g_strdup (element);
  count->n_elements++;
  count->n_outlines += strcmp (element, "outline") == 0;
}

static XmlCount
parse_xml (const char *path)
{
  static const GMarkupParser parser = { count_start, NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  XmlCount count = { 0 };
  g_autoptr (GMarkupParseContext) context = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION |
                                        G_MARKUP_IGNORE_QUALIFIED, &count, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return count;
}

static AcqMapLayout *
export_layout (void)
{
  MapSpec spec = { 16, 30, TRUE };
  g_autoptr (AcqMap) map = synthetic_map (&spec, 9);

  acq_map_set_title (map, "Hélène Dubois <& \"démo\">");
  return acq_map_layout_compute (map);
}

static void
test_export_png (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMapLayout) layout = export_layout ();
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "map.PNG", NULL);
  g_autofree guchar *contents = NULL;
  gsize length;
  double width, height;

  g_assert_true (acq_map_export (layout, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, (char **) &contents, &length, &error));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
  acq_map_export_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, <, ACQ_MAP_PNG_MAX_SIDE);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, (guint) ceil (width));
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, (guint) ceil (height));
  test_remove_tree (dir);
}

static void
test_export_svg (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMapLayout) layout = export_layout ();
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  XmlCount count;

  g_assert_true (acq_map_export (layout, path, &error));
  g_assert_no_error (error);
  count = parse_xml (path);
  g_assert_cmpstr (count.root, ==, "svg");
  g_assert_cmpuint (count.n_elements, >, 100);
  g_free (count.root);
  test_remove_tree (dir);
}

static void
test_export_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMapLayout) layout = export_layout ();
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;
  double width, height, page_width, page_height;

  g_assert_true (acq_map_export (layout, path, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &page_width, &page_height);
  acq_map_export_get_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (page_width, width, 1.0);
  g_assert_cmpfloat_with_epsilon (page_height, height, 1.0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Hélène Dubois"));
  g_assert_nonnull (strstr (text, "Informer une personne"));
  g_object_unref (page);
  g_object_unref (document);
  test_remove_tree (dir);
}

static void
test_export_opml (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMapLayout) layout = export_layout ();
  AcqMap *map = acq_map_layout_get_map (layout);
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "map.opml", NULL);
  g_autofree char *contents = NULL;
  guint expected = 0;
  XmlCount count;

  /* every node once, but a sheet once per competence, and no sheet linked to nothing */
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      const AcqMapNode *node = acq_map_get_node (map, i);
      expected += node->kind == ACQ_MAP_NODE_SHEET ? node->n_links : 1;
    }
  g_assert_true (acq_map_export (layout, path, &error));
  g_assert_no_error (error);
  count = parse_xml (path);
  g_assert_cmpstr (count.root, ==, "opml");
  g_assert_cmpuint (count.n_outlines, ==, expected);
  g_free (count.root);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (contents,
                            "<title>Hélène Dubois &lt;&amp; &quot;démo&quot;&gt;</title>"));
  test_remove_tree (dir);
}

static void
test_export_unknown_format (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqMapLayout) layout = export_layout ();

  g_assert_false (acq_map_export (layout, "/nonexistent/map.jpeg", &error));
  g_assert_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (acq_map_export (layout, "/nonexistent/folder/map.png", &error));
  g_assert_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_WRITE);
}

/* A map holds a candidate's experience: every format is written for the user only, even over
 * a file that was readable by others, and nothing is left beside it. */
static void
test_export_private (void)
{
  static const char *const names[] = { "map.png", "map.svg", "map.pdf", "map.opml" };
  g_autoptr (AcqMapLayout) layout = export_layout ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = test_make_data_dir ();
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr (GError) error = NULL;

      g_assert_true (g_file_set_contents (path, "old", -1, &error));
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      g_assert_true (acq_map_export (layout, path, &error));
      g_assert_no_error (error);
      test_assert_output_alone (path);
      test_remove_tree (dir);
    }
}

/* The disk fills up in the middle of the file (a file size limit, as a full disk would): the
 * previous map stays whole under its name, and no part of the new one is left behind. */
static void
test_export_failure_keeps_previous (void)
{
  static const char *const names[] = { "map.png", "map.svg", "map.pdf" };
  g_autoptr (AcqMapLayout) layout = export_layout ();
  struct rlimit saved, limit;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_IGN);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = test_make_data_dir ();
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr (GError) error = NULL;
      gboolean ok;

      g_assert_true (g_file_set_contents (path, "previous map", -1, &error));
      g_assert_cmpint (g_chmod (path, 0600), ==, 0);
      limit = saved;
      limit.rlim_cur = 2048;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = acq_map_export (layout, path, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      g_assert_false (ok);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "previous map");
      test_assert_output_alone (path);
      g_assert_error (error, ACQ_MAP_ERROR, ACQ_MAP_ERROR_WRITE);
      test_remove_tree (dir);
    }
  signal (SIGXFSZ, SIG_DFL);
}

static gboolean
inside_box (AcqMapLayout *layout, double x, double y)
{
  AcqMap *map = acq_map_layout_get_map (layout);

  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      const AcqMapBox *box = acq_map_layout_get_box (layout, i);

      if (box->visible && x >= box->rect.x && y >= box->rect.y &&
          x <= box->rect.x + box->rect.width && y <= box->rect.y + box->rect.height)
        return TRUE;
    }
  return FALSE;
}

/* A pointer on a link between boxes finds it; one on a box, or far from any link, does not. */
static void
test_layout_find_link (void)
{
  MapSpec spec = { 16, 200, FALSE };
  g_autoptr (AcqMap) map = synthetic_map (&spec, 3);
  g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (map);
  guint checked = 0;

  for (guint e = 0; e < acq_map_get_n_edges (map); e++)
    {
      const AcqMapEdge *edge = acq_map_get_edge (map, e);
      guint n;
      const AcqMapPoint *points = acq_map_layout_get_path (layout, e, &n);
      const AcqMapBox *sheet = acq_map_layout_get_box (layout, edge->to);

      if (points == NULL)
        continue;
      for (guint p = 0; p + 1 < n; p++)
        for (double t = 0.1; t < 1.0; t += 0.2)
          {
            double x = points[p].x + t * (points[p + 1].x - points[p].x);
            double y = points[p].y + t * (points[p + 1].y - points[p].y);
            guint found;

            if (inside_box (layout, x, y))
              continue;
            found = acq_map_layout_find_link (layout, x, y, 4.0);
            g_assert_cmpfloat (acq_map_layout_get_edge_distance (layout, e, x, y), <, 1e-6);
            if (acq_map_get_node (map, edge->to)->kind != ACQ_MAP_NODE_SHEET)
              continue;
            /* where links cross, either is right, as long as it passes there */
            g_assert_cmpuint (found, !=, ACQ_MAP_NO_EDGE);
            g_assert_cmpfloat (acq_map_layout_get_edge_distance (layout, found, x, y), <, 1e-6);
            checked++;
          }
      g_assert_cmpuint (acq_map_layout_find_link (layout, sheet->rect.x + sheet->rect.width / 2,
                                                  sheet->rect.y + sheet->rect.height / 2, 4.0),
                        ==, ACQ_MAP_NO_EDGE);
    }
  g_assert_cmpuint (checked, >, 200);
  g_assert_cmpuint (acq_map_layout_find_link (layout, 1e6, 1e6, 4.0), ==, ACQ_MAP_NO_EDGE);
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* The export in a thread draws the map as it is in the store, with the blocs folded as asked,
 * and leaves the caller's store alone. */
static void
test_export_in_a_thread (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) list = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *path = g_build_filename (dir, "map.opml", NULL);
  g_autofree char *folded_path = g_build_filename (dir, "folded.svg", NULL);
  g_autofree char *path_unfolded = g_build_filename (dir, "unfolded.svg", NULL);
  g_autofree char *opml = NULL;
  const char *helene = "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01";
  g_autoptr (AcqMap) map = NULL;
  const char *folded[2] = { NULL, NULL };
  XmlCount count, unfolded;

  g_assert_no_error (error);
  list = acq_candidate_list_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (acq_demo_populate (list, &error));
  map = acq_map_load (store, helene, &error);
  g_assert_no_error (error);
  acq_map_export_async (store, helene, "Hélène Dubois", NULL, path, NULL, on_exported_cb,
                        &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (acq_map_export_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &opml, NULL, NULL));
  g_assert_nonnull (strstr (opml, "<title>Hélène Dubois</title>"));
  g_assert_nonnull (strstr (opml, "Informer une personne"));

  /* bloc 1 folded: its competences are left out of the picture */
  for (guint i = 0; i < acq_map_get_n_nodes (map) && folded[0] == NULL; i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_BLOC)
      folded[0] = acq_map_get_node (map, i)->uuid;
  g_clear_object (&result);
  acq_map_export_async (store, helene, "Hélène Dubois", folded, folded_path, NULL,
                        on_exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (acq_map_export_finish (store, result, &error));
  g_assert_no_error (error);
  count = parse_xml (folded_path);
  g_assert_cmpstr (count.root, ==, "svg");
  g_free (count.root);
  /* the same unfolded has more to draw */
  g_clear_object (&result);
  acq_map_export_async (store, helene, "Hélène Dubois", NULL, path_unfolded, NULL,
                        on_exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (acq_map_export_finish (store, result, &error));
  unfolded = parse_xml (path_unfolded);
  g_assert_cmpuint (unfolded.n_elements, >, count.n_elements);
  g_free (unfolded.root);
  test_remove_tree (dir);
}


/* Hélène Dubois, the demo's candidate of the coach's caseload, in a store of its own. */
static AcqMap *
demo_map (char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  AcqMap *map;

  *dir = test_make_data_dir ();
  store = acq_store_open (*dir, &error);
  g_assert_no_error (error);
  list = acq_candidate_list_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (acq_demo_populate (list, &error));
  g_assert_no_error (error);
  map = acq_map_load (store, "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01", &error);
  g_assert_no_error (error);
  return map;
}

static void
test_graph_text (void)
{
  g_autoptr (AcqMap) map = acq_map_new (NULL, NULL);
  guint bloc = acq_map_add_bloc (map, "b1", "Bloc 1 — Accueillir", TRUE);
  guint c1 = acq_map_add_competence (map, bloc, "c1", "Informer");
  guint c2 = acq_map_add_competence (map, bloc, "c2", "Analyser");
  guint sheet = acq_map_add_sheet (map, "s1", "Accueil", ACQ_REVIEW_STATE_VALIDATED);
  g_autofree char *competence = NULL;
  g_autofree char *open = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (AcqMapLayout) layout = NULL;
  cairo_rectangle_t icon, fold;
  guint n, validated;

  acq_map_link (map, sheet, c2);
  competence = acq_map_dup_text (map, c2);
  g_assert_cmpstr (competence, ==, "C1.2 · Analyser");
  open = acq_map_dup_text (map, bloc);
  g_assert_cmpstr (open, ==, "Bloc 1 — Accueillir");
  acq_map_count_competences (map, bloc, &n, &validated);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (validated, ==, 1);
  acq_map_set_folded (map, bloc, TRUE);
  folded = acq_map_dup_text (map, bloc);
  g_assert_cmpstr (folded, ==, "Bloc 1 — Accueillir\n2 competences, 1 validated");
  g_assert_cmpint (acq_map_get_node (map, c1)->level, ==, ACQ_COVERAGE_NONE);

  /* every box has its state's mark, the bloc's and the certification's too */
  layout = acq_map_layout_compute (map);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      if (!acq_map_layout_get_box (layout, i)->visible)
        continue;
      acq_map_layout_get_marks (layout, i, &icon, &fold);
      g_assert_cmpfloat (icon.width, >, 0);
    }
}

static void
test_graph_weakest_bloc (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqMap) map = demo_map (&dir);
  g_autoptr (AcqMap) empty = acq_map_new (NULL, NULL);
  guint weakest = acq_map_find_weakest_bloc (map), weakest_validated, validated;

  g_assert_cmpuint (weakest, !=, ACQ_MAP_NO_NODE);
  g_assert_true (acq_map_get_node (map, weakest)->targeted);
  acq_map_count_competences (map, weakest, NULL, &weakest_validated);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      const AcqMapNode *node = acq_map_get_node (map, i);

      if (node->kind != ACQ_MAP_NODE_BLOC || !node->targeted)
        continue;
      acq_map_count_competences (map, i, NULL, &validated);
      g_assert_cmpuint (validated, >=, weakest_validated);
    }
  g_assert_cmpuint (acq_map_find_weakest_bloc (empty), ==, ACQ_MAP_NO_NODE);
  test_remove_tree (dir);
}

/* 12 px on screen is 9 pt at 96 dpi: with the sheets shown, their 12-unit font sets the zoom;
 * with the blocs folded, the blocs' 14-unit one. */
static void
test_layout_readable_zoom (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqMap) map = demo_map (&dir);
  g_autoptr (AcqMapLayout) open = acq_map_layout_compute (map);
  g_autoptr (AcqMapLayout) folded = NULL;

  g_assert_cmpfloat_with_epsilon (acq_map_layout_get_readable_zoom (open, 12), 1.0, 1e-9);
  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    if (acq_map_get_node (map, i)->kind == ACQ_MAP_NODE_BLOC)
      acq_map_set_folded (map, i, TRUE);
  folded = acq_map_layout_compute (map);
  assert_clean (folded);
  g_assert_cmpfloat_with_epsilon (acq_map_layout_get_readable_zoom (folded, 12), 12.0 / 14.0,
                                  1e-9);
  test_remove_tree (dir);
}

static AcqMapPoint
centre_of (AcqMapLayout *layout, guint node)
{
  const cairo_rectangle_t *r = &acq_map_layout_get_box (layout, node)->rect;

  return (AcqMapPoint) { r->x + r->width / 2, r->y + r->height / 2 };
}

/* From every node shown, each arrow leads to a node that way on screen, or to none when
 * nothing lies within its cone; Down never goes up. */
static void
test_layout_arrows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqMap) map = demo_map (&dir);
  g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (map);
  static const int directions[][2] = { { 0, -1 }, { 0, 1 }, { -1, 0 }, { 1, 0 } };
  guint moves = 0;

  for (guint i = 0; i < acq_map_get_n_nodes (map); i++)
    {
      if (!acq_map_layout_get_box (layout, i)->visible)
        continue;
      for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
        {
          int dx = directions[d][0], dy = directions[d][1];
          guint to = acq_map_layout_find_in_direction (layout, i, dx, dy);
          AcqMapPoint a = centre_of (layout, i), b;

          if (to == ACQ_MAP_NO_NODE)
            continue;
          moves++;
          g_assert_true (acq_map_layout_get_box (layout, to)->visible);
          b = centre_of (layout, to);
          g_assert_cmpfloat ((b.x - a.x) * dx + (b.y - a.y) * dy, >, 0);
          g_assert_cmpfloat (fabs ((b.x - a.x) * dy - (b.y - a.y) * dx), <=,
                             (b.x - a.x) * dx + (b.y - a.y) * dy);
        }
    }
  g_assert_cmpuint (moves, >, 0);
  /* the certification at the centre has a node on every side */
  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    g_assert_cmpuint (acq_map_layout_find_in_direction (layout, 0, directions[d][0],
                                                        directions[d][1]), !=, ACQ_MAP_NO_NODE);
  test_remove_tree (dir);
}

/* The sheets go near the competences they demonstrate: the links, added up, are shorter than
 * they were when each sheet went to the slot of the circle of its competence (measured then:
 * LENGTH_DEMO_BEFORE for the demo, LENGTH_SYNTHETIC_BEFORE for 16 competences, 60 sheets). */
#define LENGTH_DEMO_BEFORE      8559
#define LENGTH_SYNTHETIC_BEFORE 57120

static void
test_layout_short_links (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqMap) demo = demo_map (&dir);
  g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (demo);
  MapSpec spec = { 16, 60, FALSE };
  g_autoptr (AcqMap) synthetic = synthetic_map (&spec, 5);
  g_autoptr (AcqMapLayout) synthetic_layout = acq_map_layout_compute (synthetic);
  double demo_length = acq_map_layout_get_link_length (layout);
  double synthetic_length = acq_map_layout_get_link_length (synthetic_layout);

  g_test_message ("links of the demo: %.0f, of 16 competences and 60 sheets: %.0f", demo_length,
                  synthetic_length);
  assert_clean (layout);
  assert_clean (synthetic_layout);
  g_assert_cmpfloat (demo_length, >, 0);
  g_assert_cmpfloat (demo_length, <, LENGTH_DEMO_BEFORE);
  g_assert_cmpfloat (synthetic_length, <, LENGTH_SYNTHETIC_BEFORE);
  test_remove_tree (dir);
}

static const MapSpec clean_specs[] = {
  { 0, 0 }, { 0, 5 }, { 0, 200 }, { 0, 2000 },
  { 1, 0 }, { 1, 5 }, { 1, 200 }, { 1, 2000 },
  { 16, 0 }, { 16, 5 }, { 16, 200 }, { 16, 2000 },
  { 16, 200, TRUE }, { 3, 200, TRUE },
};

/* A candidate on a certification imported from the export: the map is that certification's,
 * with its blocs and competences. */
static void
test_graph_load_imported (void)
{
  static const char xml[] =
    "<FICHES><FICHE><NUMERO_FICHE>RNCP90001</NUMERO_FICHE><INTITULE>Gestionnaire de paie"
    "</INTITULE><ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90001BC01</CODE><LIBELLE>Établir la paie</LIBELLE>"
    "<LISTE_COMPETENCES>C1.1 – Collecter les variables C1.2 – Établir les bulletins"
    "</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE></FICHES>";
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (AcqFiche) fiche = test_import_fiche (store, xml, "RNCP90001");
  g_autoptr (AcqMap) map = NULL;
  const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, 0);
  AcqCandidate *candidate;
  guint node;

  candidate = acq_candidate_list_create_for (list, "Léa", "Morel", "RNCP90001", &error);
  g_assert_no_error (error);
  map = acq_map_load (store, acq_candidate_get_uuid (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acq_map_get_node (map, 0)->label, ==, "RNCP90001 — Gestionnaire de paie");
  g_assert_cmpuint (acq_map_find (map, ACQ_MAP_NODE_BLOC, bloc->uuid), !=, ACQ_MAP_NO_NODE);
  node = acq_map_find (map, ACQ_MAP_NODE_COMPETENCE, g_ptr_array_index (bloc->competence_uuids, 1));
  g_assert_cmpuint (node, !=, ACQ_MAP_NO_NODE);
  g_assert_cmpstr (acq_map_get_node (map, node)->label, ==, "Établir les bulletins");
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/graph/a-sheet-of-several-competences-is-one-node",
                   test_graph_sheet_once);
  g_test_add_func ("/map/graph/loads-the-demo-candidate", test_graph_load_demo);
  g_test_add_func ("/map/graph/loads-an-imported-certification", test_graph_load_imported);
  g_test_add_func ("/map/graph/shows-codes-and-what-a-folded-bloc-holds", test_graph_text);
  g_test_add_func ("/map/graph/finds-the-weakest-bloc", test_graph_weakest_bloc);
  for (guint i = 0; i < G_N_ELEMENTS (clean_specs); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/map/layout/no-overlap/%u-competences-%u-sheets%s",
                         clean_specs[i].n_competences, clean_specs[i].n_sheets,
                         clean_specs[i].with_dispensed_bloc ? "-one-bloc-dispensed" : "");
      g_test_add_data_func (path, &clean_specs[i], test_layout_clean);
    }
  g_test_add_func ("/map/layout/no-overlap/certification-alone-and-sheets-linked-to-nothing",
                   test_layout_bare);
  g_test_add_func ("/map/layout/is-deterministic", test_layout_deterministic);
  g_test_add_func ("/map/layout/stays-put-when-a-sheet-is-added", test_layout_stable);
  g_test_add_func ("/map/layout/wraps-long-labels", test_layout_wrapped);
  g_test_add_func ("/map/layout/folds-blocs-not-targeted", test_layout_folded);
  g_test_add_func ("/map/layout/finds-the-link-under-a-pointer", test_layout_find_link);
  g_test_add_func ("/map/layout/readable-zoom-from-the-smallest-text", test_layout_readable_zoom);
  g_test_add_func ("/map/layout/arrows-follow-the-screen", test_layout_arrows);
  g_test_add_func ("/map/layout/links-stay-short", test_layout_short_links);
  g_test_add_func ("/map/layout/timing", test_layout_timing);
  g_test_add_func ("/map/export/png", test_export_png);
  g_test_add_func ("/map/export/svg", test_export_svg);
  g_test_add_func ("/map/export/pdf", test_export_pdf);
  g_test_add_func ("/map/export/opml", test_export_opml);
  g_test_add_func ("/map/export/in-a-thread", test_export_in_a_thread);
  g_test_add_func ("/map/export/refuses-an-unknown-format", test_export_unknown_format);
  g_test_add_func ("/map/export/private", test_export_private);
  g_test_add_func ("/map/export/failure-keeps-previous", test_export_failure_keeps_previous);
  return g_test_run ();
}
