/* test-diff.c — word-level differences between two versions of a rubric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-diff"

#include "config.h"

#include <string.h>

#include "acq-diff.h"

/* "=[kept]-[deleted]+[inserted]", compact enough to compare whole results at once. */
static char *
describe (GPtrArray *spans)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      AcqDiffSpan *span = g_ptr_array_index (spans, i);
      const char *sign = span->op == ACQ_DIFF_EQUAL ? "=" : span->op == ACQ_DIFF_DELETED ? "-" : "+";

      g_string_append_printf (out, "%s[%s]", sign, span->text);
    }
  return g_string_free (out, FALSE);
}

static char *
diff_described (const char *old_text, const char *new_text)
{
  g_autoptr (GPtrArray) spans = acq_diff_words (old_text, new_text);

  return describe (spans);
}

/* Both texts come back exactly, no span is empty and no two neighbours have the same kind. */
static void
assert_renders_back (GPtrArray *spans, const char *old_text, const char *new_text)
{
  g_autoptr (GString) old_back = g_string_new (NULL);
  g_autoptr (GString) new_back = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      AcqDiffSpan *span = g_ptr_array_index (spans, i);

      g_assert_cmpuint (strlen (span->text), >, 0);
      g_assert_true (g_utf8_validate (span->text, -1, NULL));
      if (i > 0)
        g_assert_cmpint (span->op, !=, ((AcqDiffSpan *) g_ptr_array_index (spans, i - 1))->op);
      if (span->op != ACQ_DIFF_INSERTED)
        g_string_append (old_back, span->text);
      if (span->op != ACQ_DIFF_DELETED)
        g_string_append (new_back, span->text);
    }
  g_assert_cmpstr (old_back->str, ==, old_text);
  g_assert_cmpstr (new_back->str, ==, new_text);
}

static void
test_identical_and_empty (void)
{
  g_autoptr (GPtrArray) none = acq_diff_words ("", "");
  g_autoptr (GPtrArray) nulls = acq_diff_words (NULL, NULL);
  g_autofree char *same = diff_described ("J'ai accueilli M. D.", "J'ai accueilli M. D.");
  g_autofree char *created = diff_described ("", "Première version.");
  g_autofree char *erased = diff_described ("Tout effacé.", NULL);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (nulls->len, ==, 0);
  g_assert_cmpstr (same, ==, "=[J'ai accueilli M. D.]");
  g_assert_cmpstr (created, ==, "+[Première version.]");
  g_assert_cmpstr (erased, ==, "-[Tout effacé.]");
}

static void
test_word_replaced (void)
{
  g_autofree char *d = diff_described ("J'ai accueilli la personne.", "J'ai reçu la personne.");

  g_assert_cmpstr (d, ==, "=[J'ai ]-[accueilli]+[reçu]=[ la personne.]");
}

static void
test_words_inserted_and_deleted (void)
{
  g_autofree char *inserted = diff_described ("le chat dort", "le gros chat dort");
  g_autofree char *deleted = diff_described ("Hélène a été très bien accompagnée",
                                             "Hélène a été accompagnée");
  g_autofree char *both = diff_described ("Nous avons préparé le CV puis la lettre.",
                                          "Nous avons préparé la lettre puis l'entretien.");

  g_assert_cmpstr (inserted, ==, "=[le ]+[gros ]=[chat dort]");
  g_assert_cmpstr (deleted, ==, "=[Hélène a été ]-[très bien ]=[accompagnée]");
  /* Two shortest scripts exist here (keep "la lettre" or keep " puis "); Myers keeps the
   * first common run it meets, deterministically. */
  g_assert_cmpstr (both, ==,
                   "=[Nous avons préparé ]-[le CV]+[la lettre]=[ puis ]-[la lettre]+[l'entretien]=[.]");
}

static void
test_completely_different (void)
{
  g_autofree char *d = diff_described ("le chat dort", "un chien mange");
  g_autofree char *punct = diff_described ("Oui, bien sûr !", "Non ; jamais ?");

  /* The spaces both texts share do not cut the change into pieces. */
  g_assert_cmpstr (d, ==, "-[le chat dort]+[un chien mange]");
  g_assert_cmpstr (punct, ==, "-[Oui, bien sûr !]+[Non ; jamais ?]");
}

static void
test_emoji_and_marks (void)
{
  g_autofree char *skin = diff_described ("Bravo 👍🏽 !", "Bravo 👎🏽 !");
  g_autofree char *family = diff_described ("👩‍👩‍👧 ok", "👩‍👩‍👦 ok");
  /* "é" written as e + combining acute accent stays whole. */
  g_autofree char *combining = diff_described ("cafe\xcc\x81 noir", "cafe\xcc\x81 au lait");

  g_assert_cmpstr (skin, ==, "=[Bravo ]-[👍🏽]+[👎🏽]=[ !]");
  g_assert_cmpstr (family, ==, "-[👩‍👩‍👧]+[👩‍👩‍👦]=[ ok]");
  g_assert_cmpstr (combining, ==, "=[cafe\xcc\x81 ]-[noir]+[au lait]");
}

static void
test_line_endings (void)
{
  g_autofree char *crlf = diff_described ("ligne un\r\nligne deux", "ligne un\nligne deux");
  g_autofree char *paragraph = diff_described ("Premier.\n\nSecond.", "Premier.\nAjout.\n\nSecond.");

  g_assert_cmpstr (crlf, ==, "=[ligne un]-[\r\n]+[\n]=[ligne deux]");
  g_assert_cmpstr (paragraph, ==, "=[Premier.\n]+[Ajout.\n]=[\nSecond.]");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr (GPtrArray) spans = acq_diff_words ("abc\xff déf", "abc déf");

  g_assert_cmpuint (spans->len, >, 0);
  for (guint i = 0; i < spans->len; i++)
    g_assert_true (g_utf8_validate (((AcqDiffSpan *) g_ptr_array_index (spans, i))->text, -1,
                                    NULL));
}

static const char *const vocabulary[] = {
  "accueil", "entretien", "diagnostic", "partagé", "l'usager", "réseau", "été", "œuvre", ",",
  ".", " ", "  ", "\n", "\r\n", "😀", "RSA", "2023", "«", "»", "Pôle", "emploi", "à", "-",
};

static char *
random_text (GRand *rand, int n_tokens)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n_tokens; i++)
    {
      g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      if (g_rand_boolean (rand))
        g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
}

/* Edits a text the way a writer does: a few words replaced, removed or added. */
static char *
random_edit (GRand *rand, const char *text, int n_edits)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      int roll = g_rand_int_range (rand, 0, MAX (1, (int) n / MAX (1, n_edits)) * 3);

      if (roll == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, roll == 1 ? "modifié" : words[i]);
      if (roll == 2)
        g_string_append (out, " ajouté");
    }
  return g_string_free (out, FALSE);
}

static void
test_random_texts_render_back (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (37274);

  for (int round = 0; round < 300; round++)
    {
      g_autofree char *a = random_text (rand, g_rand_int_range (rand, 0, 60));
      g_autofree char *b = round % 3 == 0 ? random_text (rand, g_rand_int_range (rand, 0, 60))
                                          : random_edit (rand, a, g_rand_int_range (rand, 1, 6));
      g_autoptr (GPtrArray) spans = acq_diff_words (a, b);

      assert_renders_back (spans, a, b);
    }
}

static char *
make_words (const char *stem, int n_words, int words_per_line)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n_words; i++)
    {
      g_string_append_printf (text, "%s%d", stem, i % 997);
      g_string_append (text, (i + 1) % words_per_line == 0 ? ".\n" : " ");
    }
  return g_string_free (text, FALSE);
}

static gsize
changed_bytes (GPtrArray *spans)
{
  gsize total = 0;

  for (guint i = 0; i < spans->len; i++)
    if (((AcqDiffSpan *) g_ptr_array_index (spans, i))->op != ACQ_DIFF_EQUAL)
      total += strlen (((AcqDiffSpan *) g_ptr_array_index (spans, i))->text);
  return total;
}

static void
test_large_similar (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  g_autofree char *a = make_words ("mot", 20000, 40);
  g_autofree char *b = random_edit (rand, a, 200);
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GPtrArray) spans = acq_diff_words (a, b);

  g_test_message ("20,000 words, ~200 edits: %.1f ms", g_timer_elapsed (timer, NULL) * 1000);
  assert_renders_back (spans, a, b);
  /* Word-level precision is kept: the changes are a small part of the text. */
  g_assert_cmpuint (changed_bytes (spans), <, strlen (a) / 10);
}

static void
test_large_different (void)
{
  g_autofree char *a = make_words ("alpha", 20000, 20000);
  g_autofree char *b = make_words ("beta", 20000, 20000);
  g_autoptr (GTimer) timer = g_timer_new ();
  g_autoptr (GPtrArray) spans = acq_diff_words (a, b);
  double elapsed = g_timer_elapsed (timer, NULL);

  g_test_message ("20,000 words each, nothing in common: %.1f ms", elapsed * 1000);
  assert_renders_back (spans, a, b);
  /* Only the final ".\n" is shared. */
  g_assert_cmpuint (spans->len, ==, 3);
  g_assert_cmpstr (((AcqDiffSpan *) g_ptr_array_index (spans, 2))->text, ==, ".\n");
  /* A guard against a quadratic search, far above the real time, so that slow CI machines
   * and sanitizer builds do not fail it. */
  g_assert_cmpfloat (elapsed, <, 10.0);
}

/* Every other paragraph rewritten: too different for the word search alone, the line pass
 * still finds the paragraphs that did not change. */
static void
test_large_half_rewritten (void)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  g_autoptr (GTimer) timer = NULL;
  g_autoptr (GPtrArray) spans = NULL;
  guint n_equal = 0;

  for (int p = 0; p < 500; p++)
    for (int w = 0; w < 40; w++)
      {
        const char *end = w == 39 ? ".\n" : " ";
        g_string_append_printf (a, "ancien%d%s", (p * 40 + w) % 4001, end);
        g_string_append_printf (b, p % 2 ? "nouveau%d%s" : "ancien%d%s", (p * 40 + w) % 4001, end);
      }
  timer = g_timer_new ();
  spans = acq_diff_words (a->str, b->str);
  g_test_message ("20,000 words, half the paragraphs rewritten: %.1f ms",
                  g_timer_elapsed (timer, NULL) * 1000);
  assert_renders_back (spans, a->str, b->str);
  for (guint i = 0; i < spans->len; i++)
    n_equal += ((AcqDiffSpan *) g_ptr_array_index (spans, i))->op == ACQ_DIFF_EQUAL;
  g_assert_cmpuint (n_equal, >=, 200);
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/words/identical-and-empty", test_identical_and_empty);
  g_test_add_func ("/diff/words/replaced", test_word_replaced);
  g_test_add_func ("/diff/words/inserted-and-deleted", test_words_inserted_and_deleted);
  g_test_add_func ("/diff/words/completely-different", test_completely_different);
  g_test_add_func ("/diff/words/emoji-and-combining-marks", test_emoji_and_marks);
  g_test_add_func ("/diff/words/line-endings", test_line_endings);
  g_test_add_func ("/diff/words/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/diff/words/random-texts-render-back", test_random_texts_render_back);
  g_test_add_func ("/diff/large/similar", test_large_similar);
  g_test_add_func ("/diff/large/nothing-in-common", test_large_different);
  g_test_add_func ("/diff/large/half-rewritten", test_large_half_rewritten);

  return g_test_run ();
}
