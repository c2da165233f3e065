/* test-anchor.c — comments stay on their passage while the candidate edits the rubric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-anchor"

#include "config.h"

#include <string.h>

#include "acq-anchor.h"

static const char rubric[] =
  "J'ai accueilli Mme R. à l'agence. Nous avons fait le point sur son parcours, puis j'ai "
  "présenté l'offre de services de Cap emploi. Elle souhaitait reprendre une formation.";

/* Character offset of @needle in @text (the n-th occurrence, from 1). */
static int
offset_of (const char *text, const char *needle, int nth)
{
  const char *hit = strstr (text, needle);

  for (int i = 1; i < nth && hit != NULL; i++)
    hit = strstr (hit + 1, needle);
  g_assert_nonnull (hit);
  return g_utf8_pointer_to_offset (text, hit);
}

static AcqAnchor *
anchor_on (const char *text, const char *quote, int nth)
{
  int start = offset_of (text, quote, nth);
  AcqAnchor *anchor = acq_anchor_new (text, start, start + g_utf8_strlen (quote, -1));

  g_assert_nonnull (anchor);
  g_assert_cmpstr (acq_anchor_get_quote (anchor), ==, quote);
  return anchor;
}

/* The passage found in @text, as a string, or NULL if the anchor could not be resolved. */
static char *
resolved_passage (const AcqAnchor *anchor, const char *text, int *start_out)
{
  int start = -1, end = -1;
  const char *p, *q;

  if (!acq_anchor_resolve (anchor, text, &start, &end))
    {
      g_assert_cmpint (start, ==, 0);
      g_assert_cmpint (end, ==, 0);
      return NULL;
    }
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (end, >, start);
  g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
  if (start_out != NULL)
    *start_out = start;
  p = g_utf8_offset_to_pointer (text, start);
  q = g_utf8_offset_to_pointer (text, end);
  return g_strndup (p, q - p);
}

static void
test_new_captures_context (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "fait le point", 1);
  g_autoptr (AcqAnchor) copy = acq_anchor_copy (anchor);
  g_autoptr (AcqAnchor) whole = acq_anchor_new (rubric, 0, 100000);

  g_assert_cmpstr (acq_anchor_get_prefix (anchor), ==, "l'agence. Nous avons ");
  g_assert_cmpstr (acq_anchor_get_suffix (anchor), ==, " sur son parcours, puis");
  g_assert_cmpint (acq_anchor_get_start (anchor), ==, offset_of (rubric, "fait le point", 1));
  g_assert_cmpint (acq_anchor_get_end (anchor) - acq_anchor_get_start (anchor), ==, 13);

  g_assert_cmpstr (acq_anchor_get_quote (copy), ==, "fait le point");
  g_assert_cmpstr (acq_anchor_get_prefix (copy), ==, acq_anchor_get_prefix (anchor));
  g_assert_cmpint (acq_anchor_get_start (copy), ==, acq_anchor_get_start (anchor));

  /* The end is clamped to the text; the whole text has no context. */
  g_assert_cmpstr (acq_anchor_get_quote (whole), ==, rubric);
  g_assert_cmpstr (acq_anchor_get_prefix (whole), ==, "");
  g_assert_cmpstr (acq_anchor_get_suffix (whole), ==, "");
  g_assert_null (acq_anchor_new (rubric, 5, 5));
  g_assert_null (acq_anchor_new ("", 0, 3));
}

static void
test_unchanged_text (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "Cap emploi", 1);
  int start = 0;
  g_autofree char *passage = resolved_passage (anchor, rubric, &start);

  g_assert_cmpstr (passage, ==, "Cap emploi");
  g_assert_cmpint (start, ==, acq_anchor_get_start (anchor));
}

static void
test_typed_before (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "fait le point", 1);
  g_autofree char *edited = g_strconcat ("En février 2023, ", rubric, NULL);
  int start = 0;
  g_autofree char *passage = resolved_passage (anchor, edited, &start);

  g_assert_cmpstr (passage, ==, "fait le point");
  /* 17 characters typed before, although "é" takes two bytes. */
  g_assert_cmpint (start, ==, acq_anchor_get_start (anchor) + 17);
}

static void
test_typed_inside (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "fait le point sur son parcours", 1);
  g_autoptr (AcqAnchor) at_start = anchor_on (rubric, "J'ai accueilli Mme R.", 1);
  g_autoptr (AcqAnchor) at_end = anchor_on (rubric, "reprendre une formation.", 1);
  g_autofree char *edited = NULL;
  g_autofree char *passage = NULL;
  g_autofree char *shrunk = NULL;
  g_autofree char *start_passage = NULL;
  g_autofree char *end_passage = NULL;

  edited = g_strdup ("J'ai accueilli chaleureusement Mme R. à l'agence. Nous avons fait "
                     "longuement le point sur son parcours, puis j'ai présenté l'offre de "
                     "services de Cap emploi. Elle souhaitait reprendre une formation qualifiante.");
  passage = resolved_passage (anchor, edited, NULL);
  g_assert_cmpstr (passage, ==, "fait longuement le point sur son parcours");
  start_passage = resolved_passage (at_start, edited, NULL);
  g_assert_cmpstr (start_passage, ==, "J'ai accueilli chaleureusement Mme R.");
  end_passage = resolved_passage (at_end, edited, NULL);
  g_assert_cmpstr (end_passage, ==, "reprendre une formation qualifiante.");

  /* Part of the passage deleted: the anchor shrinks to what is left. */
  shrunk = resolved_passage (anchor,
                             "J'ai accueilli Mme R. à l'agence. Nous avons fait le point sur "
                             "son parcours, puis j'ai présenté l'offre de services de Cap emploi.",
                             NULL);
  g_assert_cmpstr (shrunk, ==, "fait le point sur son parcours");
}

static void
test_passage_moved (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "Elle souhaitait reprendre une formation.", 1);
  g_autoptr (AcqAnchor) middle = anchor_on (rubric, "présenté l'offre de services", 1);
  const char *moved = "Elle souhaitait reprendre une formation. J'ai accueilli Mme R. à "
                      "l'agence. Nous avons fait le point sur son parcours.";
  const char *rewritten = "Nous avons d'abord présenté l'offre de services de la mission locale.";
  int start = -1;
  g_autofree char *passage = resolved_passage (anchor, moved, &start);
  g_autofree char *bare = resolved_passage (middle, rewritten, NULL);

  g_assert_cmpstr (passage, ==, "Elle souhaitait reprendre une formation.");
  g_assert_cmpint (start, ==, 0);
  /* Long enough to be found even with all its context changed. */
  g_assert_cmpstr (bare, ==, "présenté l'offre de services");
}

static void
test_several_occurrences (void)
{
  const char *text = "J'ai orienté la personne vers Cap emploi. Six mois plus tard, j'ai orienté "
                     "la personne vers la mission locale.";
  const char *edited = "J'ai d'abord orienté la personne vers Cap emploi. Six mois plus tard, "
                       "après un nouvel entretien, j'ai orienté la personne vers la mission locale.";
  g_autoptr (AcqAnchor) second = anchor_on (text, "orienté la personne", 2);
  int start = -1;
  g_autofree char *passage = resolved_passage (second, edited, &start);

  /* The context ("vers la mission locale") picks the second one, although the first one
   * is closer to the old offset now. */
  g_assert_cmpstr (passage, ==, "orienté la personne");
  g_assert_cmpint (start, ==, offset_of (edited, "orienté la personne", 2));
}

static void
test_same_context_nearest_wins (void)
{
  const char *text = "Bilan. Entretien de suivi avec M. D. Bilan. Entretien de suivi avec M. D. "
                     "Bilan. Entretien de suivi avec M. D. Bilan.";
  g_autofree char *edited = g_strconcat ("Note : ", text, NULL);
  g_autoptr (AcqAnchor) third = anchor_on (text, "Entretien de suivi", 3);
  int start = -1;
  g_autofree char *passage = resolved_passage (third, edited, &start);

  g_assert_cmpstr (passage, ==, "Entretien de suivi");
  g_assert_cmpint (start, ==, offset_of (edited, "Entretien de suivi", 3));
}

static void
test_words_deleted (void)
{
  g_autoptr (AcqAnchor) anchor = anchor_on (rubric, "présenté l'offre de services de Cap emploi", 1);
  g_autoptr (AcqAnchor) short_quote = anchor_on (rubric, "Cap emploi", 1);
  const char *deleted = "J'ai accueilli Mme R. à l'agence. Nous avons fait le point sur son "
                        "parcours. Elle souhaitait reprendre une formation.";
  const char *replaced = "J'ai accueilli Mme R. à l'agence. Nous avons fait le point sur son "
                         "parcours, puis j'ai rédigé une synthèse écrite. Elle souhaitait "
                         "reprendre une formation.";
  /* "Cap emploi" is still in the text, but not the commented one: without any of its
   * context, a short quote is chance. */
  const char *elsewhere = "Nous avons fait le point. Elle a contacté Cap emploi seule.";
  int start = -1, end = -1;

  g_assert_false (acq_anchor_resolve (anchor, deleted, &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 0);
  g_assert_false (acq_anchor_resolve (anchor, replaced, NULL, NULL));
  g_assert_false (acq_anchor_resolve (anchor, "", NULL, NULL));
  g_assert_false (acq_anchor_resolve (short_quote, elsewhere, NULL, NULL));
}

static void
test_accents_and_emoji_offsets (void)
{
  const char *text = "Élodie 😀 a été reçue à l'accueil, où Hélène l'a orientée.";
  g_autoptr (AcqAnchor) anchor = acq_anchor_new (text, 15, 20);
  int start = -1, end = -1;

  /* É, 😀 and é are one character each. */
  g_assert_cmpstr (acq_anchor_get_quote (anchor), ==, "reçue");
  g_assert_cmpstr (acq_anchor_get_prefix (anchor), ==, "Élodie 😀 a été ");
  g_assert_true (acq_anchor_resolve (anchor, "Après 🎉 un échange, Élodie 😀 a été reçue à "
                                             "l'accueil, où Hélène l'a orientée.",
                                     &start, &end));
  g_assert_cmpint (start, ==, 15 + 20);
  g_assert_cmpint (end, ==, 20 + 20);
}

static void
test_large_text (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) edited = NULL;
  g_autoptr (AcqAnchor) anchor = NULL;
  g_autoptr (GTimer) timer = NULL;
  g_autofree char *passage = NULL;
  int start = -1, target;

  for (int i = 0; text->len < 100 * 1024; i++)
    g_string_append_printf (text, "Séance %d : nous avons travaillé sur le réseau du "
                                  "candidat et préparé l'entretien. ", i);
  anchor = anchor_on (text->str, "Séance 700 : nous avons travaillé", 1);
  edited = g_string_new (text->str);
  g_string_prepend (edited, "Préambule écrit après coup. ");
  g_string_append (edited, "Fin.");
  target = offset_of (edited->str, "Séance 700 : nous", 1);

  timer = g_timer_new ();
  passage = resolved_passage (anchor, edited->str, &start);
  g_test_message ("resolving in a %zu-byte text: %.2f ms", edited->len,
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpstr (passage, ==, "Séance 700 : nous avons travaillé");
  g_assert_cmpint (start, ==, target);

  /* A quote that occurs in every sentence: the context and the old offset decide. */
  g_clear_pointer (&anchor, acq_anchor_free);
  g_clear_pointer (&passage, g_free);
  anchor = anchor_on (text->str, "préparé l'entretien", 500);
  passage = resolved_passage (anchor, edited->str, &start);
  g_assert_cmpstr (passage, ==, "préparé l'entretien");
  g_assert_cmpint (start, ==, offset_of (edited->str, "préparé l'entretien", 500));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/new/captures-context", test_new_captures_context);
  g_test_add_func ("/anchor/resolve/unchanged", test_unchanged_text);
  g_test_add_func ("/anchor/resolve/typed-before", test_typed_before);
  g_test_add_func ("/anchor/resolve/typed-inside", test_typed_inside);
  g_test_add_func ("/anchor/resolve/passage-moved", test_passage_moved);
  g_test_add_func ("/anchor/resolve/several-occurrences-by-context", test_several_occurrences);
  g_test_add_func ("/anchor/resolve/same-context-nearest-wins", test_same_context_nearest_wins);
  g_test_add_func ("/anchor/resolve/words-deleted", test_words_deleted);
  g_test_add_func ("/anchor/resolve/accents-and-emoji-offsets", test_accents_and_emoji_offsets);
  g_test_add_func ("/anchor/resolve/large-text", test_large_text);

  return g_test_run ();
}
