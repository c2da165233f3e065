/* test-dp-layout.c — the page metric shared by the editor's estimate and the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dp-layout"

#include "config.h"

#include <string.h>

#include "acq-dp-layout-private.h"

static const char *const sentences[] = {
  "J'ai reçu Mme R., orientée par la mission locale, pour un premier entretien de diagnostic.",
  "Nous avons repris son parcours scolaire et ses expériences, en particulier ses stages dans la "
  "grande distribution et son engagement bénévole auprès d'une association sportive.",
  "Elle exprimait des difficultés de mobilité : pas de permis, des horaires de bus peu adaptés.",
  "J'ai proposé de construire avec elle un plan d'action en trois étapes, validé ensemble.",
  "À chaque rendez-vous, je notais dans le dossier les démarches réalisées et les freins levés.",
  "J'ai sollicité le réseau d'entreprises partenaires pour organiser une immersion de deux "
  "semaines, puis préparé avec elle l'entretien de recrutement.",
};

/* About @n_words words of French prose, in paragraphs of about 80 words. */
static char *
prose (int n_words)
{
  GString *text = g_string_new (NULL);
  int words = 0, paragraph_words = 0;

  for (int i = 0; words < n_words; i++)
    {
      g_auto (GStrv) split = g_strsplit (sentences[i % G_N_ELEMENTS (sentences)], " ", -1);

      for (int w = 0; split[w] != NULL && words < n_words; w++, words++, paragraph_words++)
        {
          if (text->len > 0)
            g_string_append_c (text, paragraph_words == 0 ? '\n' : ' ');
          g_string_append (text, split[w]);
        }
      if (paragraph_words >= 80)
        paragraph_words = 0;
    }
  return g_string_free (text, FALSE);
}

static const AcqDpExample empty_example = { 0 };

static AcqDpExample
filled_example (char *rubrics[ACQ_DP_N_RUBRICS])
{
  static const char *const competences[] = {
    "Accueillir une personne pour analyser sa demande et co-définir les modalités de "
    "l'accompagnement",
    NULL,
  };
  AcqDpExample example = {
    .number = 1,
    .title = "Premier accueil et diagnostic partagé avec une jeune femme sans qualification",
    .organisation = "Mission locale du Pays de Brest",
    .department = "Pôle insertion",
    .period = "Du 3 janvier 2022 au 30 juin 2023",
    .competences = competences,
  };

  for (int r = 0; r < ACQ_DP_N_RUBRICS; r++)
    example.rubrics[r] = rubrics[r];
  return example;
}

static void
test_fonts_installed (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_auto (GStrv) missing = acq_dp_layout_get_missing_fonts (layout);
  double line = acq_dp_layout_get_body_line_height (layout);

  /* Measures taken with a substitute font would not match the dossier printed elsewhere. */
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_cmpfloat (line, >, ACQ_DP_BODY_SIZE);
  g_assert_cmpfloat (line, <, ACQ_DP_BODY_SIZE * 2);
  g_test_message ("body %s %.1f pt, headings %s; content %.1f x %.1f pt; %.2f pt per line, "
                  "%d lines per page",
                  ACQ_DP_BODY_FONT, ACQ_DP_BODY_SIZE, ACQ_DP_HEADING_FONT, ACQ_DP_CONTENT_WIDTH,
                  ACQ_DP_CONTENT_HEIGHT, line, (int) (ACQ_DP_CONTENT_HEIGHT / line));
}

static void
test_empty_example (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  AcqDpMeasure measure;
  double pages = acq_dp_layout_measure_example_full (layout, &empty_example, &measure);

  /* The title, the five headings and the three context fields. */
  g_assert_cmpfloat (pages, >, 0.1);
  g_assert_cmpfloat (pages, <, 0.5);
  g_assert_cmpuint (measure.n_pages, ==, 1);
  g_assert_cmpuint (measure.rubric_lines[0], ==, 0);
  g_assert_cmpuint (measure.rubric_lines[3], ==, 3);
  g_assert_cmpuint (measure.total_lines, >=, 9);
  g_assert_cmpstr (acq_dp_layout_get_rubric_heading (2), ==, "3. Avec qui avez-vous travaillé\u00A0?");
}

static void
test_one_page (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  int lines_per_page = (int) (ACQ_DP_CONTENT_HEIGHT / acq_dp_layout_get_body_line_height (layout));
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autofree char *words = prose (550);
  char *rubrics[ACQ_DP_N_RUBRICS] = { NULL };
  AcqDpExample example = empty_example;
  double empty = acq_dp_layout_measure_example (layout, &empty_example);
  double full_page, page_of_prose;

  /* A page's worth of one-line paragraphs adds one page, give or take the headings that
   * move to the next page with it. */
  for (int i = 0; i < lines_per_page; i++)
    g_string_append_printf (lines, "%sLigne %d", i > 0 ? "\n" : "", i + 1);
  example.rubrics[0] = lines->str;
  full_page = acq_dp_layout_measure_example (layout, &example);
  g_assert_cmpfloat_with_epsilon (full_page - empty, 1.0, 0.05);

  /* 550 words of prose: about a page, as in the ministry's Word template. */
  rubrics[0] = words;
  example = filled_example (rubrics);
  page_of_prose = acq_dp_layout_measure_example (layout, &example);
  g_test_message ("empty %.3f, %d lines %.3f, 550 words %.3f pages", empty, lines_per_page,
                  full_page, page_of_prose);
  g_assert_cmpfloat (page_of_prose, >, 0.8);
  g_assert_cmpfloat (page_of_prose, <, 1.4);
}

static void
test_grows_monotonically (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  char *rubrics[ACQ_DP_N_RUBRICS] = { NULL };
  double previous = 0;

  for (int words = 0; words <= 2000; words += 40)
    {
      g_autofree char *text = prose (words);
      AcqDpExample example;
      double pages;

      rubrics[0] = text;
      example = filled_example (rubrics);
      pages = acq_dp_layout_measure_example (layout, &example);
      g_assert_cmpfloat (pages, >=, previous);
      previous = pages;
    }
  g_assert_cmpfloat (previous, >, 3.0);
}

/* No heading alone at the bottom of a page: a rubric's heading goes to the next page two
 * lines earlier when two lines of its text must follow it there than when it has none. */
static void
test_heading_keeps_with_text (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  int moved_with_text = -1, moved_alone = -1;

  for (int n = 1; n < 80 && (moved_with_text < 0 || moved_alone < 0); n++)
    {
      g_autoptr (GString) lines = g_string_new (NULL);
      AcqDpExample example = empty_example;
      AcqDpMeasure with_text, alone;

      for (int i = 0; i < n; i++)
        g_string_append_printf (lines, "%sLigne %d", i > 0 ? "\n" : "", i + 1);
      example.rubrics[0] = lines->str;
      acq_dp_layout_measure_example_full (layout, &example, &alone);
      example.rubrics[1] = "Première ligne.\nDeuxième ligne.\nTroisième ligne.";
      acq_dp_layout_measure_example_full (layout, &example, &with_text);
      if (moved_with_text < 0 && with_text.rubric_first_page[1] == 1)
        moved_with_text = n;
      if (moved_alone < 0 && alone.rubric_first_page[1] == 1)
        moved_alone = n;
    }
  g_assert_cmpint (moved_with_text, >, 0);
  /* Two lines of text plus the space under the heading: two or three lines earlier. */
  g_assert_cmpint (moved_alone - moved_with_text, >=, 2);
  g_assert_cmpint (moved_alone - moved_with_text, <=, 3);
}

/* The editor measures a short moment after typing stops: what counts is the first measure
 * of a sheet and the measure after a few words typed in one paragraph. */
static void
test_three_pages_timing (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autofree char *tasks = prose (820);
  g_autofree char *means = prose (300);
  g_autofree char *people = prose (220);
  g_autofree char *context = prose (100);
  g_autofree char *more = prose (130);
  char *rubrics[ACQ_DP_N_RUBRICS] = { tasks, means, people, context, more };
  AcqDpExample example = filled_example (rubrics);
  AcqDpMeasure measure;
  g_autoptr (GTimer) timer = g_timer_new ();
  double first, edited = 0, pages;
  const int rounds = 20;

  pages = acq_dp_layout_measure_example_full (layout, &example, &measure);
  first = g_timer_elapsed (timer, NULL);
  for (int i = 0; i < rounds; i++)
    {
      g_autoptr (GString) typed = g_string_new (tasks);

      /* A word typed in the middle of the rubric: one paragraph changes. */
      g_string_insert (typed, strlen (tasks) / 2, " vraiment");
      for (int w = 0; w < i; w++)
        g_string_insert (typed, strlen (tasks) / 2, " encore");
      example.rubrics[0] = typed->str;
      g_timer_start (timer);
      acq_dp_layout_measure_example (layout, &example);
      edited += g_timer_elapsed (timer, NULL) / rounds;
    }

  g_test_message ("1,570 words: %.2f pages (%u lines: %u/%u/%u/%u/%u); first measure %.1f ms, "
                  "after a word typed %.2f ms",
                  pages, measure.total_lines, measure.rubric_lines[0], measure.rubric_lines[1],
                  measure.rubric_lines[2], measure.rubric_lines[3], measure.rubric_lines[4],
                  first * 1000, edited * 1000);
  g_assert_cmpfloat (pages, >, 2.0);
  g_assert_cmpfloat (pages, <, 4.0);
  /* The last page is started, not full. */
  g_assert_cmpfloat (pages, >, measure.n_pages - 1);
  g_assert_cmpfloat (pages, <=, measure.n_pages);
}

static void
assert_sane (AcqDpLayout *layout, const AcqDpExample *example, const char *what)
{
  AcqDpMeasure measure;
  double pages = acq_dp_layout_measure_example_full (layout, example, &measure);

  g_test_message ("%s: %.2f pages", what, pages);
  /* Finite: NaN fails the comparisons below, infinity the last one. */
  g_assert_true (pages == pages);
  g_assert_cmpfloat (pages, >, 0);
  g_assert_cmpuint (measure.n_pages, >=, 1);
  g_assert_cmpfloat (pages, <=, measure.n_pages);
}

static void
test_hostile_text (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autofree char *long_word = g_strnfill (300, 'x');
  g_autofree char *huge = prose (20000);
  const char *rtl = "مقابلة مع السيدة فاطمة الزهراء حول مشروعها المهني. שיחה עם דוד כהן.";
  const char *emoji = "Très bien 👍🏽 😀 👩‍👩‍👧 🇫🇷 — merci !";
  const char *tabs = "Colonne\tcolonne\t\tcolonne\r\nligne CRLF\rligne CR";
  const char *invalid = "abc\xff\xfe déf";
  char *rubrics[ACQ_DP_N_RUBRICS] = { NULL };
  AcqDpExample example;
  AcqDpMeasure measure;

  rubrics[0] = long_word;
  example = filled_example (rubrics);
  assert_sane (layout, &example, "300-character word");
  acq_dp_layout_measure_example_full (layout, &example, &measure);
  g_assert_cmpuint (measure.rubric_lines[0], >=, 3);

  rubrics[0] = (char *) rtl, rubrics[1] = (char *) emoji, rubrics[2] = (char *) tabs;
  rubrics[4] = (char *) invalid;
  example = filled_example (rubrics);
  example.title = rtl;
  example.organisation = emoji;
  assert_sane (layout, &example, "right-to-left, emoji, tabs, invalid UTF-8");

  rubrics[0] = huge;
  example = filled_example (rubrics);
  assert_sane (layout, &example, "20,000-word rubric");
  g_assert_cmpfloat (acq_dp_layout_measure_example (layout, &example), >, 20);

  assert_sane (layout, &empty_example, "empty");
}

static void
test_deterministic (void)
{
  g_autoptr (AcqDpLayout) a = acq_dp_layout_new ();
  g_autoptr (AcqDpLayout) b = acq_dp_layout_new ();
  g_autofree char *text = prose (1200);
  char *rubrics[ACQ_DP_N_RUBRICS] = { text, NULL, text, NULL, NULL };
  AcqDpExample example = filled_example (rubrics);
  double first = acq_dp_layout_measure_example (a, &example);

  g_assert_cmpfloat (acq_dp_layout_measure_example (a, &example), ==, first);
  g_assert_cmpfloat (acq_dp_layout_measure_example (b, &example), ==, first);
}

typedef struct
{
  guint pages;
} RenderState;

static void
count_page_cb (cairo_t *cr, guint page, gpointer user_data)
{
  RenderState *state = user_data;

  g_assert_cmpuint (page, ==, state->pages);
  state->pages++;
}

/* Drawing and measuring break the pages in the same places, and the text stays inside the
 * content area (all pages are drawn over each other on one recording surface). */
static void
test_render_matches_measure (void)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autofree char *text = prose (1500);
  char *rubrics[ACQ_DP_N_RUBRICS] = { text, "Seule.", NULL, "Contexte.", NULL };
  AcqDpExample example = filled_example (rubrics);
  cairo_rectangle_t page = { 0, 0, ACQ_DP_PAGE_WIDTH, ACQ_DP_PAGE_HEIGHT };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &page);
  cairo_t *cr = cairo_create (surface);
  RenderState state = { 0 };
  AcqDpMeasure measure;
  double x, y, width, height;
  guint drawn;

  acq_dp_layout_measure_example_full (layout, &example, &measure);
  drawn = acq_dp_layout_render_example (layout, &example, cr, count_page_cb, &state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (drawn, ==, measure.n_pages);
  g_assert_cmpuint (state.pages, ==, measure.n_pages);
  g_assert_cmpuint (measure.n_pages, >=, 3);

  cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
  g_assert_cmpfloat (x, >=, ACQ_DP_CONTENT_X - 1);
  g_assert_cmpfloat (x + width, <=, ACQ_DP_CONTENT_X + ACQ_DP_CONTENT_WIDTH + 1);
  g_assert_cmpfloat (y, >=, ACQ_DP_CONTENT_Y - 1);
  g_assert_cmpfloat (y + height, <=, ACQ_DP_CONTENT_Y + ACQ_DP_CONTENT_HEIGHT + 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Shaping the paragraphs ahead on several threads gives the measures of one thread, and a
 * cancelled preparation leaves the measures right. */
static void
test_prepare_matches_measure (void)
{
  g_autoptr (AcqDpLayout) plain = acq_dp_layout_new ();
  g_autoptr (AcqDpLayout) prepared = acq_dp_layout_new ();
  g_autoptr (AcqDpLayout) cancelled = acq_dp_layout_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  AcqDpExample examples[12];
  const AcqDpExample *list[G_N_ELEMENTS (examples)];
  char *rubrics[ACQ_DP_N_RUBRICS] = { NULL };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      char *text = prose (300 + 150 * e);

      g_ptr_array_add (texts, text);
      rubrics[0] = text;
      rubrics[e % 4 + 1] = "Un paragraphe de plus.\nEt un autre, partagé par plusieurs exemples.";
      examples[e] = filled_example (rubrics);
      examples[e].number = e + 1;
      list[e] = &examples[e];
    }
  _acq_dp_layout_keep_layouts (prepared);
  _acq_dp_layout_prepare_examples (prepared, list, G_N_ELEMENTS (examples), NULL, NULL, NULL);
  _acq_dp_layout_keep_layouts (cancelled);
  g_cancellable_cancel (cancellable);
  _acq_dp_layout_prepare_examples (cancelled, list, G_N_ELEMENTS (examples), cancellable, NULL,
                                   NULL);

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      AcqDpMeasure want, got, got_cancelled;

      acq_dp_layout_measure_example_full (plain, &examples[e], &want);
      acq_dp_layout_measure_example_full (prepared, &examples[e], &got);
      acq_dp_layout_measure_example_full (cancelled, &examples[e], &got_cancelled);
      g_assert_cmpfloat (got.pages, ==, want.pages);
      g_assert_cmpuint (got.total_lines, ==, want.total_lines);
      g_assert_cmpfloat (got_cancelled.pages, ==, want.pages);
      g_assert_cmpuint (got_cancelled.total_lines, ==, want.total_lines);
      for (int r = 0; r < ACQ_DP_N_RUBRICS; r++)
        {
          g_assert_cmpuint (got.rubric_lines[r], ==, want.rubric_lines[r]);
          g_assert_cmpuint (got.rubric_first_page[r], ==, want.rubric_first_page[r]);
        }
    }
}

static void
test_typeset_french (void)
{
  g_autofree char *typeset = acq_dp_layout_typeset ("L'usager a dit : « oui » ; vraiment ? "
                                                    "Oui !\r\nFin\rici");
  g_autofree char *none = acq_dp_layout_typeset (NULL);

  g_assert_cmpstr (typeset, ==,
                   "L’usager a dit\u00A0: «\u00A0oui\u00A0»\u202F; vraiment\u202F? Oui\u202F!\nFin\nici");
  g_assert_cmpstr (none, ==, "");
}

/* Each rule of the French typography, on what a candidate types; each output set again
 * must not change (a text already right stays right). */
static void
test_typeset_rules (void)
{
  static const struct { const char *typed; const char *set; } cases[] = {
    /* quotes */
    { "il a dit \"oui\".", "il a dit «\u00A0oui\u00A0»." },
    { "\"Bonjour\", dit-elle", "«\u00A0Bonjour\u00A0», dit-elle" },
    { "«oui»", "«\u00A0oui\u00A0»" },
    { "«  oui  »", "«\u00A0oui\u00A0»" },
    { "l'\"atelier\"", "l’«\u00A0atelier\u00A0»" },
    /* ellipsis */
    { "et puis...", "et puis…" },
    { "et puis.... voilà", "et puis… voilà" },
    /* ; ! ? and :, added when missing, never in a URL, a time or a code */
    { "vraiment?", "vraiment\u202F?" },
    { "Quoi?!", "Quoi\u202F?!" },
    { "Note: rien", "Note\u00A0: rien" },
    { "Note :rien", "Note\u00A0:rien" },
    { "à 14:30", "à 14:30" },
    { "voir https://france-vae.fr/a?b=1;c", "voir https://france-vae.fr/a?b=1;c" },
    { "Bilan ; suite", "Bilan\u202F; suite" },
    { "? en tête", "? en tête" },
    /* numbers, units, titles */
    { "50% des cas", "50\u00A0% des cas" },
    { "50 % des cas", "50\u00A0% des cas" },
    { "80 €", "80\u00A0€" },
    { "1 000 personnes", "1\u202F000 personnes" },
    { "15 000 €", "15\u202F000\u00A0€" },
    { "en 2019 200 personnes", "en 2019 200 personnes" },
    { "06 12 34 56 78", "06 12 34 56 78" },
    { "M. Dupont et Mme Martin", "M.\u00A0Dupont et Mme\u00A0Martin" },
    { "le Dr Benali", "le Dr\u00A0Benali" },
    { "FORUM. Ensuite", "FORUM. Ensuite" },
    { "le n°5 et le n° 6", "le n°\u00A05 et le n°\u00A06" },
    /* ordinals */
    { "la 1ère fois, le 1ier jour, la 2ème, la 3ieme", "la 1re fois, le 1er jour, la 2e, la 3e" },
    { "le 1er mai, la 2e", "le 1er mai, la 2e" },
    { "le bloc C2eme", "le bloc C2eme" },
    /* lines, apostrophes, bad bytes */
    { "L'usager\r\nFin\rici", "L’usager\nFin\nici" },
    { "a\xff b", "a\uFFFD b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *set = acq_dp_layout_typeset (cases[i].typed);
      g_autofree char *again = acq_dp_layout_typeset (set);
      g_autofree char *shown = g_utf8_make_valid (cases[i].typed, -1);

      /* made valid: a case of bad UTF-8 would break the TAP stream */
      g_test_message ("%s", shown);
      g_assert_cmpstr (set, ==, cases[i].set);
      g_assert_cmpstr (again, ==, set);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dp-layout/fonts/installed", test_fonts_installed);
  g_test_add_func ("/dp-layout/typeset/french", test_typeset_french);
  g_test_add_func ("/dp-layout/typeset/every-rule", test_typeset_rules);
  g_test_add_func ("/dp-layout/measure/empty-example", test_empty_example);
  g_test_add_func ("/dp-layout/measure/one-page", test_one_page);
  g_test_add_func ("/dp-layout/measure/grows-monotonically", test_grows_monotonically);
  g_test_add_func ("/dp-layout/measure/heading-keeps-with-text", test_heading_keeps_with_text);
  g_test_add_func ("/dp-layout/measure/three-pages-timing", test_three_pages_timing);
  g_test_add_func ("/dp-layout/measure/hostile-text", test_hostile_text);
  g_test_add_func ("/dp-layout/measure/deterministic", test_deterministic);
  g_test_add_func ("/dp-layout/render/matches-measure", test_render_matches_measure);
  g_test_add_func ("/dp-layout/prepare/matches-measure", test_prepare_matches_measure);

  return g_test_run ();
}
