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
  g_assert_cmpstr (period, ==, "Du 1er mars 2024 au 30 juin 2025");
  g_assert_cmpstr (ongoing, ==, "Depuis le 1er mars 2024");
  g_assert_cmpstr (none, ==, "");
}

/* Every way a French user types a date, and what is not one. */
static void
test_parse_date (void)
{
  static const struct { const char *typed; AcqDateBound bound; const char *iso; } cases[] = {
    { "12/03/2024", ACQ_DATE_START, "2024-03-12" },
    { " 12/03/2024 ", ACQ_DATE_END, "2024-03-12" },
    { "1/3/2024", ACQ_DATE_START, "2024-03-01" },
    { "12-03-2024", ACQ_DATE_START, "2024-03-12" },
    { "12.03.2024", ACQ_DATE_START, "2024-03-12" },
    { "12/03/24", ACQ_DATE_START, "2024-03-12" },
    { "12/03/98", ACQ_DATE_START, "1998-03-12" },
    { "2024-03-12", ACQ_DATE_START, "2024-03-12" },
    { "03/2024", ACQ_DATE_START, "2024-03-01" },
    { "03/2024", ACQ_DATE_END, "2024-03-31" },
    { "02/2024", ACQ_DATE_END, "2024-02-29" },
    { "02/2023", ACQ_DATE_END, "2023-02-28" },
    { "mars 2024", ACQ_DATE_START, "2024-03-01" },
    { "Mars 2024", ACQ_DATE_END, "2024-03-31" },
    { "1er mars 2024", ACQ_DATE_START, "2024-03-01" },
    { "12 mars 2024", ACQ_DATE_START, "2024-03-12" },
    { "12 March 2024", ACQ_DATE_START, "2024-03-12" },
    { "février 2020", ACQ_DATE_END, "2020-02-29" },
    { "fevrier 2020", ACQ_DATE_START, "2020-02-01" },
    { "AOÛT 2019", ACQ_DATE_START, "2019-08-01" },
    { "sept. 2019", ACQ_DATE_START, "2019-09-01" },
    { "juil 2019", ACQ_DATE_START, "2019-07-01" },
    { "2019", ACQ_DATE_START, "2019-01-01" },
    { "2019", ACQ_DATE_END, "2019-12-31" },
    { "29/02/2024", ACQ_DATE_START, "2024-02-29" },
    /* not dates */
    { "29/02/2023", ACQ_DATE_START, NULL },
    { "31/04/2024", ACQ_DATE_START, NULL },
    { "12/13/2024", ACQ_DATE_START, NULL },
    { "12/03", ACQ_DATE_START, NULL },
    { "jui 2019", ACQ_DATE_START, NULL },
    { "ma 2019", ACQ_DATE_START, NULL },
    { "mars", ACQ_DATE_START, NULL },
    { "24", ACQ_DATE_START, NULL },
    { "1850", ACQ_DATE_START, NULL },
    { "12/03/202", ACQ_DATE_START, NULL },
    { "demain", ACQ_DATE_START, NULL },
    { "", ACQ_DATE_START, NULL },
    { "12 mars 2024 mars", ACQ_DATE_START, NULL },
    { "1/2/3/4", ACQ_DATE_START, NULL },
    { "99999999/03/2024", ACQ_DATE_START, NULL },
    { "\xff\xfe 2024", ACQ_DATE_START, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = acq_text_parse_date (cases[i].typed, cases[i].bound);
      g_autofree char *shown = g_utf8_make_valid (cases[i].typed, -1);

      /* made valid: a case of bad UTF-8 would break the TAP stream */
      g_test_message ("%s", shown);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  g_assert_null (acq_text_parse_date (NULL, ACQ_DATE_START));
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
  g_test_add_func ("/text/parse-date/as-typed-in-france", test_parse_date);
  return g_test_run ();
}
