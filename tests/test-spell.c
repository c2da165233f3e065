/* test-spell.c — French spelling: the misspelt words of sample texts, and what is never flagged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests have their own XDG_CONFIG_HOME, a temporary folder removed at the end, where
 * Enchant keeps the user's words, so that nobody's own words change the results and none is
 * left behind; the words they add are their own ("Kerbratienne"). Set by hand before GLib reads
 * it rather than with G_TEST_OPTION_ISOLATE_DIRS, whose folders GLib 2.74 leaks (the sanitizer
 * build fails on them). Without a French dictionary installed (package hunspell-fr) the tests
 * are skipped.
 */
#include "config.h"

#include "acq-spell-checker.h"
#include "test-util.h"

static AcqSpellChecker *
checker_or_skip (void)
{
  AcqSpellChecker *checker = acq_spell_checker_new ();

  if (!acq_spell_checker_get_available (checker))
    {
      g_test_skip ("No French dictionary for Enchant (package hunspell-fr)");
      g_object_unref (checker);
      return NULL;
    }
  return checker;
}

/* The misspelt words of @text, as they read, separated by "|". */
static char *
misspelt (AcqSpellChecker *checker, const char *text)
{
  g_autoptr (GArray) ranges = acq_spell_checker_find_misspelt (checker, text, -1);
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const AcqSpellRange *range = &g_array_index (ranges, AcqSpellRange, i);
      g_autofree char *word = g_utf8_substring (text, range->start, range->end);

      g_assert_cmpint (range->start, <, range->end);
      if (i > 0)
        g_string_append_c (words, '|');
      g_string_append (words, word);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
assert_misspelt (AcqSpellChecker *checker, const char *text, const char *expected)
{
  g_autofree char *found = misspelt (checker, text);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_accents_and_suggestions (void)
{
  g_autoptr (AcqSpellChecker) checker = checker_or_skip ();
  g_auto (GStrv) suggestions = NULL;

  if (checker == NULL)
    return;
  g_assert_cmpstr (acq_spell_checker_get_language (checker), !=, NULL);
  assert_misspelt (checker, "Mon expérience d’accueil à la Mission locale, été 2021.", "");
  assert_misspelt (checker, "Une experiance riche où j’ai apris à écouter.", "experiance|apris");
  /* the offsets are in characters, not bytes: the accents before count one each */
  assert_misspelt (checker, "Élève, créée, où ça, expérience et experiance.", "experiance");
  g_assert_false (acq_spell_checker_check_word (checker, "experiance", -1));
  g_assert_true (acq_spell_checker_check_word (checker, "expérience", -1));
  suggestions = acq_spell_checker_suggest (checker, "experiance", -1);
  g_assert_cmpuint (g_strv_length (suggestions), >=, 1);
  g_assert_cmpuint (g_strv_length (suggestions), <=, ACQ_SPELL_MAX_SUGGESTIONS);
  g_assert_true (g_strv_contains ((const char *const *) suggestions, "expérience"));
}

/* Elisions with a straight or a curly apostrophe are words; only the misspelt part of one is
 * flagged. Hyphenated words are checked whole, then part by part. */
static void
test_apostrophes_and_hyphens (void)
{
  g_autoptr (AcqSpellChecker) checker = checker_or_skip ();
  g_auto (GStrv) suggestions = NULL;

  if (checker == NULL)
    return;
  assert_misspelt (checker, "l'écoute, l’écoute, aujourd'hui, aujourd’hui, jusqu’à ce qu'il "
                   "vienne", "");
  assert_misspelt (checker, "C'est-à-dire qu’elle a peut-être pris rendez-vous.", "");
  assert_misspelt (checker, "J'ai mené l’entretein et l'experiance.", "entretein|experiance");
  assert_misspelt (checker, "Un porte-monaie et un rendez-vou.", "monaie|vou");
  /* a first part that is no word alone: the whole word, for suggestions of whole words */
  assert_misspelt (checker, "Elle co-anime l’atelier.", "co-anime");
  suggestions = acq_spell_checker_suggest (checker, "co-anime", -1);
  g_assert_cmpstr (suggestions[0], ==, "coanime");
  g_assert_cmpuint (g_strv_length (suggestions), <=, ACQ_SPELL_MAX_SUGGESTIONS);
  /* quotes around a word are not part of it */
  assert_misspelt (checker, "« bénéficiare » et 'bénéficiare'", "bénéficiare|bénéficiare");
}

/* Numbers, acronyms, addresses and e-mail addresses are left alone. */
static void
test_skipped (void)
{
  g_autoptr (AcqSpellChecker) checker = checker_or_skip ();

  if (checker == NULL)
    return;
  assert_misspelt (checker, "Le 1er mars 2021, 3e entretien, n°12, 45 %.", "");
  assert_misspelt (checker, "Le CCP du RNCP37274 avec le CIP et la PMSMP.", "");
  assert_misspelt (checker, "Voir https://www.francecompetences.fr/recherche/rncp/37274/ "
                   "ou www.exemple-sitte.fr, écrire à prenom.nom@exemplle.fr.", "");
  assert_misspelt (checker, "Voir https://exemple.fr puis l'experiance.", "experiance");
  assert_misspelt (checker, "", "");
  assert_misspelt (checker, "   \n\n ", "");
}

/* The certification's wording and the names of the people in the store are never flagged. */
static void
test_known_from_store (void)
{
  static const char xml[] =
    "<FICHES><FICHE><NUMERO_FICHE>RNCP90002</NUMERO_FICHE><INTITULE>Pair-aidant en santé"
    "</INTITULE><ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90002BC01</CODE><LIBELLE>Accompagner par la pair-aidance"
    "</LIBELLE><LISTE_COMPETENCES>- Mobiliser l'andragogie\n- Transmettre son vécu"
    "</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE></FICHES>";
  g_autoptr (AcqSpellChecker) checker = checker_or_skip ();
  g_autoptr (AcqSpellChecker) other = NULL;
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *text = "Avec Mme Kerbrat et M. Le Goarnic, j’ai pratiqué l’andragogie et la "
                     "pair-aidance, pas l’andragogy.";

  if (checker == NULL)
    return;
  store = test_store_open (&dir);
  fiche = test_import_fiche (store, xml, "RNCP90002");
  candidates = test_candidate_list_new (store);
  g_assert_nonnull (acq_candidate_list_create (candidates, "Maïwenn", "Kerbrat", &error));
  g_assert_no_error (error);
  g_assert_nonnull (acq_candidate_list_create (candidates, "Yann", "Le Goarnic", &error));
  g_assert_no_error (error);

  /* before: the dictionary alone */
  assert_misspelt (checker, text, "Kerbrat|Goarnic|andragogie|aidance|andragogy");
  g_assert_true (acq_spell_checker_add_known_from_store (checker, store, fiche->uuid, &error));
  g_assert_no_error (error);
  assert_misspelt (checker, text, "andragogy");
  /* known whatever the case, and for this checker only */
  assert_misspelt (checker, "KERBRAT, kerbrat, Andragogie", "");
  other = acq_spell_checker_new ();
  assert_misspelt (other, "Kerbrat", "Kerbrat");

  /* without a certification: the names still */
  g_clear_object (&other);
  other = acq_spell_checker_new ();
  g_assert_true (acq_spell_checker_add_known_from_store (other, store, NULL, &error));
  g_assert_no_error (error);
  assert_misspelt (other, text, "andragogie|aidance|andragogy");
  g_clear_object (&candidates);
  test_store_close (&store, &dir);
}

/* "Add to My Words" lasts: another checker, later, knows the word; "Ignore" lasts for this
 * checker only. */
static void
test_personal_words (void)
{
  g_autoptr (AcqSpellChecker) checker = checker_or_skip ();
  g_autoptr (AcqSpellChecker) later = NULL;
  g_autofree char *personal = NULL;
  g_autofree char *contents = NULL;

  if (checker == NULL)
    return;
  assert_misspelt (checker, "La démarche Kerbratienne et le tutorat Goarnicien.",
                   "Kerbratienne|Goarnicien");
  acq_spell_checker_add_to_personal (checker, "Kerbratienne");
  acq_spell_checker_ignore (checker, "Goarnicien");
  assert_misspelt (checker, "La démarche Kerbratienne et le tutorat Goarnicien.", "");

  later = acq_spell_checker_new ();
  assert_misspelt (later, "La démarche Kerbratienne et le tutorat Goarnicien.", "Goarnicien");
  /* kept in the tests' own configuration folder, not the user's */
  personal = g_strdup_printf ("%s/enchant/%s.dic", g_get_user_config_dir (),
                              acq_spell_checker_get_language (checker));
  g_assert_true (g_file_get_contents (personal, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Kerbratienne"));
}

/* Without the dictionary asked for, checking is off: nothing is flagged, nothing fails. */
static void
test_no_dictionary (void)
{
  const char *const none[] = { "xx_XX", NULL };
  g_autoptr (AcqSpellChecker) checker = acq_spell_checker_new_for_languages (none);
  g_auto (GStrv) suggestions = NULL;

  g_assert_false (acq_spell_checker_get_available (checker));
  g_assert_null (acq_spell_checker_get_language (checker));
  assert_misspelt (checker, "Une experiance et un rendez-vou.", "");
  g_assert_true (acq_spell_checker_check_word (checker, "experiance", -1));
  suggestions = acq_spell_checker_suggest (checker, "experiance", -1);
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
  acq_spell_checker_add_to_personal (checker, "experiance");
  acq_spell_checker_ignore (checker, "experiance");
  acq_spell_checker_add_known_words (checker, "Kerbrat");
  assert_misspelt (checker, "Kerbrat experiance", "");
}

/* The process's one checker, used at once from several threads (the editor's main thread, the
 * dossier's worker, the jury's): each finds the same words, and the known words one thread
 * adds are seen by the others. */
#define N_THREADS 4

static gpointer
check_in_thread (gpointer data)
{
  AcqSpellChecker *checker = acq_spell_checker_get_default ();
  guint found = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *words = misspelt (checker, "J'ai recu Mme Zorglubien en entretien, "
                                                  "qu'elle a acompagné.");
      g_autofree char *own = g_strdup_printf ("Motdethread%u", GPOINTER_TO_UINT (data));

      found += g_str_equal (words, "recu|Zorglubien|acompagné");
      acq_spell_checker_add_known_words (checker, own);
    }
  return GUINT_TO_POINTER (found);
}

static void
test_default_shared_by_threads (void)
{
  AcqSpellChecker *checker = acq_spell_checker_get_default ();
  GThread *threads[N_THREADS];

  if (!acq_spell_checker_get_available (checker))
    {
      g_test_skip ("No French dictionary for Enchant (package hunspell-fr)");
      return;
    }
  g_assert_true (acq_spell_checker_get_default () == checker);
  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("check", check_in_thread, GUINT_TO_POINTER (i));
  for (guint i = 0; i < N_THREADS; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 50);
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_autofree char *own = g_strdup_printf ("Motdethread%u", i);

      g_assert_cmpint (acq_spell_checker_check_word (checker, own, -1), ==, TRUE);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *config = test_make_data_dir ();
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spell/misspelt/accents-and-suggestions", test_accents_and_suggestions);
  g_test_add_func ("/spell/misspelt/apostrophes-and-hyphens", test_apostrophes_and_hyphens);
  g_test_add_func ("/spell/misspelt/numbers-acronyms-addresses-skipped", test_skipped);
  g_test_add_func ("/spell/known/referential-and-names", test_known_from_store);
  g_test_add_func ("/spell/personal/added-and-ignored", test_personal_words);
  g_test_add_func ("/spell/off/no-dictionary", test_no_dictionary);
  g_test_add_func ("/spell/default/shared-by-threads", test_default_shared_by_threads);
  status = g_test_run ();
  test_remove_tree (config);
  return status;
}
