/* test-guidance.c — the writing guidance: rubric prompts and questions per competence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-guidance"

#include "config.h"

#include <string.h>

#include "acq-guidance-private.h"
#include "acq-referential.h"

#define SHIPPED_REFERENTIAL ACQ_REFERENTIAL_RESOURCE_DIR ACQ_REFERENTIAL_DEFAULT_FICHE ".xml"

/* A complete file, for the tests to break one piece at a time. */
#define VALID_RUBRICS \
  "[rubric:tasks]\nTitle=T1\nPrompt=P1\nExamples=a;b\n" \
  "[rubric:means]\nTitle=T2\nPrompt=P2\n" \
  "[rubric:partners]\nTitle=T3\nPrompt=P3\n" \
  "[rubric:context]\nTitle=T4\nPrompt=P4\n" \
  "[rubric:additional]\nTitle=T5\nPrompt=P5\n"

static void
assert_guidance_error (const GError *error, AcqGuidanceError code)
{
  g_assert_true (error != NULL);
  g_assert_cmpuint (error->domain, ==, ACQ_GUIDANCE_ERROR);
  g_assert_cmpint (error->code, ==, code);
}

static AcqGuidance *
parse (const char *text, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  return _acq_guidance_new_from_bytes (bytes, "TEST", "test.ini", error);
}

static void
assert_parse_fails (const char *text, AcqGuidanceError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance = parse (text, &error);

  assert_guidance_error (error, code);
  g_assert_true (guidance == NULL);
  /* The message names the file, so that whoever fixes it knows where to look. */
  g_assert_true (strstr (error->message, "test.ini") != NULL);
}

static AcqFiche *
read_shipped_fiche (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  AcqFiche *fiche;

  stream = g_resources_open_stream (SHIPPED_REFERENTIAL, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fiche = acq_referential_read_fiche (stream, ACQ_REFERENTIAL_DEFAULT_FICHE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fiche != NULL);
  return fiche;
}

static void
assert_rubrics_complete (AcqGuidance *guidance)
{
  for (int i = 0; i < ACQ_N_RUBRICS; i++)
    {
      const char *const *examples = acq_guidance_get_rubric_examples (guidance, i);

      g_assert_cmpstr (acq_guidance_get_rubric_title (guidance, i), !=, NULL);
      g_assert_cmpuint (strlen (acq_guidance_get_rubric_title (guidance, i)), >, 0);
      g_assert_cmpstr (acq_guidance_get_rubric_prompt (guidance, i), !=, NULL);
      g_assert_cmpuint (strlen (acq_guidance_get_rubric_prompt (guidance, i)), >, 80);
      g_assert_true (examples != NULL);
      g_assert_cmpuint (g_strv_length ((char **) examples), >=, 3);
    }
  /* The order documented in acq-guidance.h, that of AcqRubric. */
  g_assert_true (g_str_has_prefix (acq_guidance_get_rubric_title (guidance, 0),
                                   "Décrivez les tâches"));
  g_assert_true (strstr (acq_guidance_get_rubric_title (guidance, 1), "moyens") != NULL);
  g_assert_true (g_str_has_prefix (acq_guidance_get_rubric_title (guidance, 2), "Avec qui"));
  g_assert_true (strstr (acq_guidance_get_rubric_title (guidance, 3), "contexte") != NULL);
  g_assert_true (strstr (acq_guidance_get_rubric_title (guidance, 4), "facultatif") != NULL);
}

static void
assert_dp_rules (AcqGuidance *guidance)
{
  g_assert_cmpint (acq_guidance_get_max_example_pages (guidance), ==, 3);
  g_assert_cmpint (acq_guidance_get_min_examples_per_bloc (guidance), ==, 1);
  g_assert_cmpint (acq_guidance_get_max_examples_per_bloc (guidance), ==, 3);
}

/* The shipped guidance */

static void
test_load_shipped (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance = acq_guidance_load ("RNCP37274", &error);

  g_assert_no_error (error);
  g_assert_true (guidance != NULL);
  g_assert_cmpstr (acq_guidance_get_fiche_number (guidance), ==, "RNCP37274");
  assert_rubrics_complete (guidance);
  assert_dp_rules (guidance);
}

static void
test_load_case_insensitive (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance = acq_guidance_load ("rncp37274", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (acq_guidance_get_fiche_number (guidance), ==, "RNCP37274");
  g_assert_true (acq_guidance_get_competence_questions (guidance, "rncp37274bc01", 1) != NULL);
}

static void
test_competences_match_referential (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance = acq_guidance_load ("RNCP37274", &error);
  g_autoptr (AcqFiche) fiche = read_shipped_fiche ();
  guint n_competences = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (fiche->blocs->len, ==, 3);
  for (guint i = 0; i < fiche->blocs->len; i++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i);

      for (guint j = 0; j < bloc->competences->len; j++)
        {
          int position = j + 1;
          const char *const *questions =
            acq_guidance_get_competence_questions (guidance, bloc->code, position);

          g_test_message ("%s:%d", bloc->code, position);
          g_assert_cmpstr (acq_guidance_get_competence_label (guidance, bloc->code, position), ==,
                           g_ptr_array_index (bloc->competences, j));
          g_assert_true (questions != NULL);
          g_assert_cmpuint (g_strv_length ((char **) questions), >=, 3);
          g_assert_cmpuint (g_strv_length ((char **) questions), <=, 5);
          for (guint k = 0; questions[k] != NULL; k++)
            {
              /* A stray ';' would cut a question in two: each one ends as a question does. */
              g_assert_cmpuint (strlen (questions[k]), >, 20);
              g_assert_true (g_str_has_suffix (questions[k], "?"));
            }
          n_competences++;
        }
      /* Nothing beyond the bloc's last competence. */
      g_assert_true (acq_guidance_get_competence_questions (guidance, bloc->code,
                                                            bloc->competences->len + 1) == NULL);
    }
  g_assert_cmpuint (n_competences, ==, 16);
  g_assert_true (acq_guidance_get_competence_questions (guidance, "RNCP37274BC04", 1) == NULL);
  g_assert_true (acq_guidance_get_competence_label (guidance, "RNCP37274BC04", 1) == NULL);
}

/* Another certification */

static void
test_load_unknown_fiche (void)
{
  const char *numbers[] = { "RNCP00000", "../referentials/RNCP37274", "RNCP37274.ini", "" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AcqGuidance) guidance = acq_guidance_load (numbers[i], &error);

      assert_guidance_error (error, ACQ_GUIDANCE_ERROR_NOT_FOUND);
      g_assert_true (guidance == NULL);
    }
}

static void
test_generic_fallback (void)
{
  g_autoptr (AcqGuidance) generic = acq_guidance_new_generic ();
  g_autoptr (AcqGuidance) shipped = acq_guidance_load ("RNCP37274", NULL);

  g_assert_true (acq_guidance_get_fiche_number (generic) == NULL);
  assert_rubrics_complete (generic);
  assert_dp_rules (generic);
  g_assert_true (acq_guidance_get_competence_questions (generic, "RNCP37274BC01", 1) == NULL);
  /* The DP's headings are the same for every titre professionnel. */
  for (int i = 0; i < ACQ_N_RUBRICS; i++)
    g_assert_cmpstr (acq_guidance_get_rubric_title (generic, i), ==,
                     acq_guidance_get_rubric_title (shipped, i));
}

/* The loader */

static void
test_parse_lists (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance =
    parse (VALID_RUBRICS "[competence:XBC01:1]\nLabel=  Faire.  \n"
                         "Questions= Quoi ? ;; Avec qui\\; et quand ? ;\n"
                         "[dossier]\nMaxExamplePages=4\n", &error);
  const char *const *questions;

  g_assert_no_error (error);
  g_assert_cmpstr (acq_guidance_get_fiche_number (guidance), ==, "TEST");
  g_assert_cmpstr (acq_guidance_get_competence_label (guidance, "XBC01", 1), ==, "Faire.");
  questions = acq_guidance_get_competence_questions (guidance, "xbc01", 1);
  g_assert_cmpuint (g_strv_length ((char **) questions), ==, 2);
  g_assert_cmpstr (questions[0], ==, "Quoi ?");
  g_assert_cmpstr (questions[1], ==, "Avec qui; et quand ?");
  g_assert_cmpuint (g_strv_length ((char **) acq_guidance_get_rubric_examples (guidance, 0)), ==,
                    2);
  /* Examples are optional: an empty list, not NULL. */
  g_assert_true (acq_guidance_get_rubric_examples (guidance, 1) != NULL);
  g_assert_true (acq_guidance_get_rubric_examples (guidance, 1)[0] == NULL);
  /* Rules left out keep the DP's values. */
  g_assert_cmpint (acq_guidance_get_max_example_pages (guidance), ==, 4);
  g_assert_cmpint (acq_guidance_get_min_examples_per_bloc (guidance), ==, 1);
  g_assert_cmpint (acq_guidance_get_max_examples_per_bloc (guidance), ==, 3);
}

static void
test_parse_malformed (void)
{
  static const char invalid_utf8[] = VALID_RUBRICS "# caf\xe9\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autoptr (AcqGuidance) guidance = NULL;
  g_autofree char *filler = NULL;

  assert_parse_fails ("this is not a key file\n", ACQ_GUIDANCE_ERROR_MALFORMED);
  assert_parse_fails ("[rubric:tasks\nTitle=T\n", ACQ_GUIDANCE_ERROR_MALFORMED);
  assert_parse_fails (invalid_utf8, ACQ_GUIDANCE_ERROR_MALFORMED);

  filler = g_strnfill (2 * 1024 * 1024, '#');
  big = g_bytes_new_take (g_steal_pointer (&filler), 2 * 1024 * 1024);
  guidance = _acq_guidance_new_from_bytes (big, NULL, "big.ini", &error);
  assert_guidance_error (error, ACQ_GUIDANCE_ERROR_MALFORMED);
  g_assert_true (guidance == NULL);
}

static void
test_parse_incomplete (void)
{
  static const struct
  {
    const char *what;
    const char *text;
  } cases[] = {
    { "empty file", "" },
    { "missing rubric",
      "[rubric:tasks]\nTitle=T1\nPrompt=P1\n[rubric:means]\nTitle=T2\nPrompt=P2\n"
      "[rubric:partners]\nTitle=T3\nPrompt=P3\n[rubric:context]\nTitle=T4\nPrompt=P4\n" },
    { "missing prompt",
      "[rubric:tasks]\nTitle=T1\n[rubric:means]\nTitle=T2\nPrompt=P2\n"
      "[rubric:partners]\nTitle=T3\nPrompt=P3\n[rubric:context]\nTitle=T4\nPrompt=P4\n"
      "[rubric:additional]\nTitle=T5\nPrompt=P5\n" },
    { "blank title",
      "[rubric:tasks]\nTitle=   \nPrompt=P1\n[rubric:means]\nTitle=T2\nPrompt=P2\n"
      "[rubric:partners]\nTitle=T3\nPrompt=P3\n[rubric:context]\nTitle=T4\nPrompt=P4\n"
      "[rubric:additional]\nTitle=T5\nPrompt=P5\n" },
    { "unknown rubric", VALID_RUBRICS "[rubric:other]\nTitle=T\nPrompt=P\n" },
    { "unknown group", VALID_RUBRICS "[competance:XBC01:1]\nLabel=L\nQuestions=Q ?\n" },
    { "unknown key", VALID_RUBRICS "[competence:XBC01:1]\nLabel=L\nQuestion=Q ?\n" },
    { "translated key", VALID_RUBRICS "[competence:XBC01:1]\nLabel=L\nLabel[en]=L\n"
                                      "Questions=Q ?\n" },
    { "no questions", VALID_RUBRICS "[competence:XBC01:1]\nLabel=L\nQuestions= ; ;\n" },
    { "no label", VALID_RUBRICS "[competence:XBC01:1]\nQuestions=Q ?\n" },
    { "no position", VALID_RUBRICS "[competence:XBC01]\nLabel=L\nQuestions=Q ?\n" },
    { "position 0", VALID_RUBRICS "[competence:XBC01:0]\nLabel=L\nQuestions=Q ?\n" },
    { "bad code", VALID_RUBRICS "[competence:X/BC01:1]\nLabel=L\nQuestions=Q ?\n" },
    { "twice", VALID_RUBRICS "[competence:XBC01:1]\nLabel=L\nQuestions=Q ?\n"
                             "[competence:xbc01:01]\nLabel=L\nQuestions=Q ?\n" },
    { "rule not a number", VALID_RUBRICS "[dossier]\nMaxExamplePages=trois\n" },
    { "rule out of range", VALID_RUBRICS "[dossier]\nMaxExamplePages=0\n" },
    { "min over max", VALID_RUBRICS "[dossier]\nMinExamplesPerBloc=4\nMaxExamplesPerBloc=3\n" },
    { "unknown rule", VALID_RUBRICS "[dossier]\nMaxPages=3\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].what);
      assert_parse_fails (cases[i].text, ACQ_GUIDANCE_ERROR_INCOMPLETE);
    }
}

static void
test_parse_valid_minimum (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqGuidance) guidance = parse (VALID_RUBRICS, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (acq_guidance_get_rubric_title (guidance, 4), ==, "T5");
  g_assert_cmpstr (acq_guidance_get_rubric_prompt (guidance, 2), ==, "P3");
  g_assert_true (acq_guidance_get_competence_questions (guidance, "XBC01", 1) == NULL);
  assert_dp_rules (guidance);
}

static void
test_ref_unref (void)
{
  AcqGuidance *guidance = acq_guidance_new_generic ();
  AcqGuidance *ref = acq_guidance_ref (guidance);

  g_assert_true (ref == guidance);
  acq_guidance_unref (guidance);
  g_assert_true (acq_guidance_get_rubric_title (ref, 0) != NULL);
  acq_guidance_unref (ref);
  acq_guidance_unref (NULL);
  g_assert_true (G_TYPE_IS_BOXED (ACQ_TYPE_GUIDANCE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guidance/load/shipped", test_load_shipped);
  g_test_add_func ("/guidance/load/case-insensitive", test_load_case_insensitive);
  g_test_add_func ("/guidance/load/unknown-fiche", test_load_unknown_fiche);
  g_test_add_func ("/guidance/competences/match-referential", test_competences_match_referential);
  g_test_add_func ("/guidance/generic/fallback", test_generic_fallback);
  g_test_add_func ("/guidance/parse/lists", test_parse_lists);
  g_test_add_func ("/guidance/parse/valid-minimum", test_parse_valid_minimum);
  g_test_add_func ("/guidance/parse/malformed", test_parse_malformed);
  g_test_add_func ("/guidance/parse/incomplete", test_parse_incomplete);
  g_test_add_func ("/guidance/ref-unref", test_ref_unref);

  return g_test_run ();
}
