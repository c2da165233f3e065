/* test-text.c — folding and matching text for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include "acq-text.h"

static void
test_fold_accents_and_case (void)
{
  g_autofree char *a = acq_text_fold ("Hélène");
  g_autofree char *b = acq_text_fold ("HELENE");
  g_autofree char *c = acq_text_fold ("Aïcha Traoré");
  g_autofree char *d = acq_text_fold ("Œuvre cœur Lætitia");
  g_autofree char *e = acq_text_fold ("Straße");

  g_assert_cmpstr (a, ==, "helene");
  g_assert_cmpstr (b, ==, "helene");
  g_assert_cmpstr (c, ==, "aicha traore");
  g_assert_cmpstr (d, ==, "oeuvre coeur laetitia");
  g_assert_cmpstr (e, ==, "strasse");
}

static void
test_fold_bad_input (void)
{
  g_autofree char *null_text = acq_text_fold (NULL);
  g_autofree char *invalid = acq_text_fold ("abc\xff\xfe");
  g_autofree char *empty = acq_text_fold ("");

  g_assert_cmpstr (null_text, ==, "");
  g_assert_cmpstr (invalid, ==, "");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_matches_every_word (void)
{
  g_autofree char *text = acq_text_fold ("Hélène Dubois Martin");
  g_autofree char *q1 = acq_text_fold ("helene");
  g_autofree char *q2 = acq_text_fold ("dub  hél");
  g_autofree char *q3 = acq_text_fold ("helene petit");

  g_assert_true (acq_text_matches (text, q1));
  g_assert_true (acq_text_matches (text, q2));
  g_assert_false (acq_text_matches (text, q3));
  g_assert_true (acq_text_matches (text, ""));
  g_assert_true (acq_text_matches (text, NULL));
}

static void
test_validate (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (201, 'a');

  g_assert_true (acq_text_validate ("Hélène", 200, "Nom", &error));
  g_assert_no_error (error);
  g_assert_false (acq_text_validate (long_text, 200, "Nom", &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acq_text_validate ("a\xc3\x28", 200, "Nom", &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
}

static void
test_is_blank (void)
{
  g_assert_true (acq_text_is_blank (NULL));
  g_assert_true (acq_text_is_blank (""));
  g_assert_true (acq_text_is_blank (" \t\n\u00a0"));
  g_assert_false (acq_text_is_blank ("  Cahors "));
  g_assert_false (acq_text_is_blank ("\u00a0é"));
}

static void
test_count_words (void)
{
  g_assert_cmpuint (acq_text_count_words (NULL), ==, 0);
  g_assert_cmpuint (acq_text_count_words (""), ==, 0);
  g_assert_cmpuint (acq_text_count_words ("  \n\t "), ==, 0);
  g_assert_cmpuint (acq_text_count_words ("J’accueille Mme B. aujourd’hui"), ==, 4);
  g_assert_cmpuint (acq_text_count_words ("Jean-Marc — 12 ateliers, 3 SIAE !"), ==, 5);
  g_assert_cmpuint (acq_text_count_words ("Élève\nréseau\r\npartenaires"), ==, 3);
}

static void
test_french_dates (void)
{
  g_autofree char *first = acq_text_french_date ("2024-03-01");
  g_autofree char *other = acq_text_french_date ("2025-08-30");
  g_autofree char *bad = acq_text_french_date ("2025-13-40");
  g_autofree char *period = acq_text_french_period ("2024-03-01", "2025-06-30");
  g_autofree char *ongoing = acq_text_french_period ("2024-03-01", NULL);
  g_autofree char *none = acq_text_french_period (NULL, "2025-06-30");

  g_assert_cmpstr (first, ==, "1er mars 2024");
  g_assert_cmpstr (other, ==, "30 août 2025");
  g_assert_null (bad);
  g_assert_cmpstr (period, ==, "du 1er mars 2024 au 30 juin 2025");
  g_assert_cmpstr (ongoing, ==, "depuis le 1er mars 2024");
  g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/fold/accents-and-case", test_fold_accents_and_case);
  g_test_add_func ("/text/fold/bad-input", test_fold_bad_input);
  g_test_add_func ("/text/matches/every-word", test_matches_every_word);
  g_test_add_func ("/text/validate/length-and-utf8", test_validate);
  g_test_add_func ("/text/is-blank/white-space-only", test_is_blank);
  g_test_add_func ("/text/count-words", test_count_words);
  g_test_add_func ("/text/french/dates-and-periods", test_french_dates);
  return g_test_run ();
}
