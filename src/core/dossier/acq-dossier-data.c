/* acq-dossier-data.c — what the dossier of one candidate prints, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-dossier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "acq-candidate-title.h"
#include "acq-dossier-private.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "acq-spell-checker.h"
#include "acq-sql-private.h"
#include "acq-text.h"

static gboolean
is_country (const char *line)
{
  g_autofree char *folded = acq_text_fold (line);

  return g_str_equal (g_strstrip (folded), "france");
}

/* @line without "CEDEX" and what follows it ("CEDEX 09"). */
static char *
cut_cedex (const char *line)
{
  g_auto (GStrv) words = g_strsplit (line, " ", -1);
  guint n = 0;

  while (words[n] != NULL && g_ascii_strcasecmp (words[n], "cedex") != 0)
    n++;
  for (guint i = n; words[i] != NULL; i++)
    g_clear_pointer (&words[i], g_free);
  return g_strjoinv (" ", words);
}

/**
 * acq_dossier_parse_town:
 * @address: (nullable): the candidate's address, as typed, on one or more lines
 *
 * The place of the déclaration sur l'honneur ("Fait à Cahors"), read from the address: its
 * last line that is not "France", without the postal code in front of the town ("46000
 * Cahors") nor a CEDEX after it. A line without a postal code is taken whole only if it holds
 * no digit (a street is not a town).
 *
 * Returns: (transfer full) (nullable): the town, or %NULL if the address gives none
 */
char *
acq_dossier_parse_town (const char *address)
{
  g_auto (GStrv) lines = g_strsplit (address != NULL ? address : "", "\n", -1);
  g_autofree char *line = NULL;
  g_autofree char *town = NULL;
  const char *after_code = NULL;
  int last = (int) g_strv_length (lines) - 1;

  while (last >= 0 && (acq_text_is_blank (lines[last]) || is_country (lines[last])))
    last--;
  if (last < 0 || !g_utf8_validate (lines[last], -1, NULL))
    return NULL;
  line = g_strstrip (g_strdup (lines[last]));
  /* after the last run of five digits: the postal code */
  for (const char *p = line; *p != '\0'; p++)
    if (strspn (p, "0123456789") == 5 && (p == line || !g_ascii_isdigit (p[-1])))
      after_code = p + 5;
  if (after_code != NULL)
    memmove (line, after_code, strlen (after_code) + 1);
  else if (strpbrk (line, "0123456789") != NULL)
    return NULL;
  g_strdelimit (line, ",;\t", ' ');
  town = cut_cedex (line);
  g_strstrip (town);
  if (*town == '\0' || strpbrk (town, "0123456789") != NULL)
    return NULL;
  return g_steal_pointer (&town);
}

static const char sql_certification[] =
  "SELECT c.rncp, c.title, c.abrege_code FROM candidate k JOIN certification c"
  " ON c.uuid = k.certification_uuid WHERE k.uuid = ?1";

static void
example_free (AcqDossierExample *example)
{
  g_clear_object (&example->sheet);
  g_free (example->period);
  g_free (example->unit);
  g_strfreev (example->competences);
  g_free (example->title);
  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    g_free (example->rubrics[r]);
  g_strfreev (example->unanswered);
  g_free (example->dest);
  g_free (example);
}

static void
bloc_free (AcqDossierBloc *bloc)
{
  g_ptr_array_unref (bloc->examples);
  g_free (bloc->dest);
  g_free (bloc);
}

static void
annex_free (AcqDossierAnnex *annex)
{
  acq_attachment_free (annex->attachment);
  g_free (annex->path);
  g_free (annex->dest);
  g_clear_object (&annex->document);
  g_free (annex->refusal);
  g_free (annex);
}

void
_acq_dossier_data_free (AcqDossierData *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->candidate);
  g_free (data->rncp);
  g_free (data->certification);
  g_free (data->abrege_code);
  g_clear_pointer (&data->annexes, g_ptr_array_unref);
  g_clear_pointer (&data->titles, g_ptr_array_unref);
  g_clear_pointer (&data->examples, g_ptr_array_unref);
  g_clear_pointer (&data->blocs, g_ptr_array_unref);
  g_clear_pointer (&data->coverage, acq_coverage_free);
  g_clear_pointer (&data->left_out, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_free (data->place);
  g_clear_pointer (&data->generated_at, g_date_time_unref);
  g_free (data);
}

/* The date of the declaration. SOURCE_DATE_EPOCH, the reproducible-builds convention, fixes
 * it for tests and for anyone who wants the same file twice. */
static GDateTime *
generation_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) utc = NULL;

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0')
        utc = g_date_time_new_from_unix_utc (seconds);
      if (utc != NULL)
        return g_date_time_to_local (utc);
    }
  return g_date_time_new_now_local ();
}

/**
 * acq_dossier_full_name:
 * @candidate: a candidate
 *
 * Returns: (transfer full): "Prénom Nom" as the dossier prints it, "" if both are empty
 */
char *
acq_dossier_full_name (AcqCandidate *candidate)
{
  g_autofree char *first = g_strdup (acq_candidate_get_text (candidate,
                                                             ACQ_CANDIDATE_FIRST_NAME));
  g_autofree char *last = g_strdup (acq_candidate_get_text (candidate,
                                                            ACQ_CANDIDATE_LAST_NAME));

  g_strstrip (first);
  g_strstrip (last);
  if (*first == '\0' || *last == '\0')
    return g_strconcat (first, last, NULL);
  return g_strconcat (first, " ", last, NULL);
}

static gboolean
load_certification (AcqStore *store, AcqDossierData *data, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, sql_certification, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, acq_candidate_get_uuid (data->candidate));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->rncp = _acq_sql_column_dup (stmt, 0);
      data->certification = _acq_sql_column_dup (stmt, 1);
      data->abrege_code = _acq_sql_column_dup (stmt, 2);
      data->activity_types = acq_referential_is_titre_professionnel (data->abrege_code,
                                                                     data->certification);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the certification");
  return TRUE;
}

static AcqDossierBloc *
find_bloc (AcqDossierData *data, const char *bloc_uuid)
{
  for (guint i = 0; bloc_uuid != NULL && i < data->blocs->len; i++)
    {
      AcqDossierBloc *bloc = g_ptr_array_index (data->blocs, i);

      if (g_strcmp0 (bloc->bloc->bloc_uuid, bloc_uuid) == 0)
        return bloc;
    }
  return NULL;
}

static GStrv
competence_labels (AcqDossierData *data, AcqSheet *sheet)
{
  const char *const *uuids = acq_sheet_get_competences (sheet);
  g_autoptr (GStrvBuilder) labels = g_strv_builder_new ();

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      AcqCoverageCompetence *competence = acq_coverage_find (data->coverage, uuids[i]);

      if (competence != NULL)
        g_strv_builder_add (labels, competence->label);
    }
  return g_strv_builder_end (labels);
}

/**
 * _acq_dossier_unit_kind:
 * @data: the dossier's data
 * @position: the bloc's position, from 1
 *
 * What the model calls a bloc: an *activité-type* for a titre professionnel, a bloc de
 * compétences for any other certification.
 *
 * Returns: (transfer full): "Activité-type n° 1" or "Bloc de compétences n° 1"
 */
char *
_acq_dossier_unit_kind (AcqDossierData *data, int position)
{
  return g_strdup_printf ("%s n°\u00A0%d",
                          data->activity_types ? "Activité-type" : "Bloc de compétences",
                          position);
}

/**
 * acq_dossier_unit_heading:
 * @abrege_code: (nullable): the certification's kind, its fiche's ABREGE/CODE ("TP")
 * @certification_title: (nullable): the title of the certification aimed at, which decides
 *   when the kind is unknown
 * @position: the bloc's position, from 1
 * @bloc_title: (nullable): the bloc's title
 *
 * The line the dossier prints above an example, so that the editor's page estimate can lay
 * out the same words.
 *
 * Returns: (transfer full): "Activité-type n° 1 — Accueillir…" for a titre professionnel,
 *   "Bloc de compétences n° 1 — …" for any other certification
 */
char *
acq_dossier_unit_heading (const char *abrege_code, const char *certification_title,
                          int position, const char *bloc_title)
{
  const char *kind = acq_referential_is_titre_professionnel (abrege_code, certification_title)
                     ? "Activité-type" : "Bloc de compétences";

  if (bloc_title == NULL || *bloc_title == '\0')
    return g_strdup_printf ("%s n°\u00A0%d", kind, position);
  return g_strdup_printf ("%s n°\u00A0%d — %s", kind, position, bloc_title);
}

static AcqDossierExample *
make_example (AcqDossierData *data, AcqDossierBloc *bloc, AcqSheet *sheet)
{
  AcqDossierExample *example = g_new0 (AcqDossierExample, 1);
  AcqDpExample *dp = &example->example;

  example->sheet = g_object_ref (sheet);
  example->bloc = bloc;
  example->validated = acq_sheet_get_review_state (sheet) == ACQ_REVIEW_STATE_VALIDATED;
  example->period = acq_text_french_period (acq_sheet_get_period_from (sheet),
                                            acq_sheet_get_period_to (sheet));
  example->competences = competence_labels (data, sheet);
  example->unit = acq_dossier_unit_heading (data->abrege_code, data->certification,
                                            bloc->bloc->position, bloc->bloc->title);
  /* the people's names replaced in the output only: the sheet keeps them as written */
  example->title = acq_people_replace (acq_sheet_get_title (sheet), data->people);
  dp->title = example->title;
  dp->organisation = acq_sheet_get_organisation (sheet);
  dp->department = acq_sheet_get_department (sheet);
  dp->period = example->period;
  dp->unit = example->unit;
  dp->competences = (const char *const *) example->competences;
  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    {
      example->rubrics[r] = acq_people_replace (acq_sheet_get_rubric (sheet, r), data->people);
      dp->rubrics[r] = example->rubrics[r];
    }
  return example;
}

static gboolean
load_blocs (AcqDossierData *data)
{
  for (guint i = 0; i < data->coverage->blocs->len; i++)
    {
      const AcqCoverageBloc *coverage_bloc = g_ptr_array_index (data->coverage->blocs, i);
      AcqDossierBloc *bloc;

      if (!coverage_bloc->targeted)
        continue;
      bloc = g_new0 (AcqDossierBloc, 1);
      bloc->bloc = coverage_bloc;
      bloc->examples = g_ptr_array_new ();
      bloc->dest = g_strdup_printf ("bloc-%d", coverage_bloc->position);
      g_ptr_array_add (data->blocs, bloc);
    }
  return TRUE;
}

/* Sorts the sheets into the blocs: in the draft every sheet of a targeted bloc, in the final
 * dossier the validated ones; the others are left out. The examples follow the order of the
 * blocs, and within a bloc the order in which the sheets were created. */
static gboolean
load_examples (AcqStore *store, AcqDossierData *data, GError **error)
{
  g_autoptr (AcqSheetList) sheets = acq_sheet_list_new (store, data->candidate, error);
  guint n;

  if (sheets == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (sheets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (sheets), i);
      AcqDossierBloc *bloc = find_bloc (data, acq_sheet_get_bloc_uuid (sheet));
      gboolean validated = acq_sheet_get_review_state (sheet) == ACQ_REVIEW_STATE_VALIDATED;

      if (bloc == NULL || (data->mode == ACQ_DOSSIER_MODE_FINAL && !validated))
        g_ptr_array_add (data->left_out, g_object_ref (sheet));
      else
        g_ptr_array_add (bloc->examples, make_example (data, bloc, sheet));
    }
  for (guint b = 0; b < data->blocs->len; b++)
    {
      AcqDossierBloc *bloc = g_ptr_array_index (data->blocs, b);

      for (guint e = 0; e < bloc->examples->len; e++)
        {
          AcqDossierExample *example = g_ptr_array_index (bloc->examples, e);

          example->example.number = e + 1;
          example->dest = g_strdup_printf ("bloc-%d-exemple-%u", bloc->bloc->position, e + 1);
          g_ptr_array_add (data->examples, example);
        }
    }
  return TRUE;
}

static gboolean
load_annexes_of_kind (AcqStore *store, AcqDossierData *data, gboolean required, GError **error)
{
  for (guint e = 0; e < data->examples->len; e++)
    {
      AcqDossierExample *example = g_ptr_array_index (data->examples, e);
      g_autoptr (GPtrArray) attachments =
        acq_attachment_list (store, acq_sheet_get_uuid (example->sheet), error);

      if (attachments == NULL)
        return FALSE;
      for (guint a = 0; a < attachments->len; a++)
        {
          const AcqAttachment *attachment = g_ptr_array_index (attachments, a);
          AcqDossierAnnex *annex;
          g_autoptr (GFile) file = NULL;
          GError *local_error = NULL;

          if (attachment->annex != required)
            continue;
          annex = g_new0 (AcqDossierAnnex, 1);
          annex->attachment = acq_attachment_copy (attachment);
          annex->required = required;
          data->n_required += required ? 1 : 0;
          annex->example = example;
          annex->number = data->annexes->len + 1;
          /* A copy that is missing or refused is drawn as such (annex->path stays NULL). */
          file = acq_attachment_get_file (store, annex->attachment, &local_error);
          if (file != NULL)
            annex->path = g_file_get_path (file);
          else
            g_debug ("Annex %u left out: %s", annex->number, local_error->message);
          g_clear_error (&local_error);
          annex->dest = g_strdup_printf ("annexe-%u", annex->number);
          annex->n_pages = 1;
          g_ptr_array_add (data->annexes, annex);
        }
    }
  return TRUE;
}

/* The documents that illustrate the practice first, then the annexes the referential asks
 * for: the dossier lists and appends them apart, numbered in one run. */
static gboolean
load_annexes (AcqStore *store, AcqDossierData *data, GError **error)
{
  for (guint pass = 0; pass < 2; pass++)
    if (!load_annexes_of_kind (store, data, pass == 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
is_known_word (const char *word, gssize length, gpointer user_data)
{
  return acq_spell_checker_check_word (user_data, word, length);
}

/* The names each printed example mentions that the candidate has not answered yet: the rules
 * warn of them, and the final dossier waits for them. Without a French dictionary only the
 * names after a title ("Mme Martin") are found. The process's one checker, shared with the
 * editor: the dictionary takes a tenth of a second or more to load, and the jury's checklist
 * checks the dossier of every candidate of the caseload. */
static gboolean
load_unanswered (AcqStore *store, AcqDossierData *data, GError **error)
{
  AcqSpellChecker *checker = acq_spell_checker_get_default ();
  AcqPeopleKnownFunc known = NULL;

  if (acq_spell_checker_get_available (checker))
    {
      if (!acq_spell_checker_add_known_from_store (
            checker, store, acq_candidate_get_certification_uuid (data->candidate), error))
        return FALSE;
      /* nor the organisation and the department where an example happened (a town, a firm),
       * as the editor takes them */
      for (guint e = 0; e < data->examples->len; e++)
        {
          AcqDossierExample *example = g_ptr_array_index (data->examples, e);

          acq_spell_checker_add_known_words (checker,
                                             acq_sheet_get_organisation (example->sheet));
          acq_spell_checker_add_known_words (checker, acq_sheet_get_department (example->sheet));
        }
      known = is_known_word;
    }
  for (guint e = 0; e < data->examples->len; e++)
    {
      AcqDossierExample *example = g_ptr_array_index (data->examples, e);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);

      for (int r = -1; r < ACQ_N_RUBRICS; r++)
        {
          const char *text = r < 0 ? acq_sheet_get_title (example->sheet)
                                   : acq_sheet_get_rubric (example->sheet, r);
          g_auto (GStrv) names = acq_people_find_unanswered (text, data->people, known,
                                                             checker);

          for (guint i = 0; names[i] != NULL; i++)
            if (g_hash_table_add (seen, g_strdup (names[i])))
              g_strv_builder_add (builder, names[i]);
        }
      example->unanswered = g_strv_builder_end (builder);
    }
  return TRUE;
}

static AcqCandidate *
load_candidate (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqCandidateList) list = acq_candidate_list_new (store, error);
  AcqCandidate *candidate;

  if (list == NULL)
    return NULL;
  candidate = acq_candidate_list_find (list, candidate_uuid);
  if (candidate == NULL)
    {
      g_set_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_FOUND,
                   _("No candidate has the id “%s”. It may have been deleted."),
                   candidate_uuid);
      return NULL;
    }
  return g_object_ref (candidate);
}

/**
 * _acq_dossier_data_load:
 * @store: the store
 * @candidate_uuid: the candidate
 * @mode: draft or final: which sheets are printed
 * @error: where to put an error
 *
 * Reads everything the dossier prints. The attached documents are listed, not opened.
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
AcqDossierData *
_acq_dossier_data_load (AcqStore *store, const char *candidate_uuid, AcqDossierMode mode,
                        GError **error)
{
  g_autoptr (AcqDossierData) data = g_new0 (AcqDossierData, 1);

  data->mode = mode;
  data->blocs = g_ptr_array_new_with_free_func ((GDestroyNotify) bloc_free);
  data->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) example_free);
  data->left_out = g_ptr_array_new_with_free_func (g_object_unref);
  data->annexes = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_free);
  data->generated_at = generation_time ();

  data->candidate = load_candidate (store, candidate_uuid, error);
  if (data->candidate == NULL || !load_certification (store, data, error))
    return NULL;
  data->people = acq_person_mention_list (store, candidate_uuid, error);
  if (data->people == NULL)
    return NULL;
  data->coverage = acq_coverage_compute (store, candidate_uuid, error);
  if (data->coverage == NULL || !load_blocs (data) || !load_examples (store, data, error) ||
      !load_annexes (store, data, error) || !load_unanswered (store, data, error))
    return NULL;
  data->titles = acq_candidate_title_list (store, candidate_uuid, error);
  if (data->titles == NULL)
    return NULL;
  data->place = acq_dossier_parse_town (acq_candidate_get_text (data->candidate,
                                                                ACQ_CANDIDATE_ADDRESS));
  return g_steal_pointer (&data);
}

/* --- Finding a candidate from the command line ------------------------------------------ */

/* The name folded, with its words separated by one space. */
static char *
fold_name (const char *name)
{
  g_autofree char *folded = acq_text_fold (name);
  g_auto (GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

static gboolean
name_is (AcqCandidate *candidate, const char *folded_query)
{
  const char *first = acq_candidate_get_text (candidate, ACQ_CANDIDATE_FIRST_NAME);
  const char *last = acq_candidate_get_text (candidate, ACQ_CANDIDATE_LAST_NAME);
  g_autofree char *first_last = g_strconcat (first, " ", last, NULL);
  g_autofree char *last_first = g_strconcat (last, " ", first, NULL);
  g_autofree char *a = fold_name (first_last);
  g_autofree char *b = fold_name (last_first);

  return *folded_query != '\0' && (g_str_equal (a, folded_query) || g_str_equal (b, folded_query));
}

static void
set_ambiguous_error (GPtrArray *matches, const char *query, GError **error)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      AcqCandidate *candidate = g_ptr_array_index (matches, i);
      g_autofree char *name = acq_candidate_dup_display_name (candidate);

      g_string_append_printf (list, "\n  %s  %s", acq_candidate_get_uuid (candidate), name);
    }
  g_set_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_AMBIGUOUS,
               _("Several candidates match “%s”; give the id of the one you mean:%s"), query,
               list->str);
  g_string_free (list, TRUE);
}

/**
 * acq_dossier_find_candidate:
 * @candidates: the candidates of the store
 * @uuid_or_name: an id, or a name ("Hélène Dubois", "dubois helene": accents, case and the
 *   order of first and last name do not matter)
 * @error: where to put an error: %ACQ_DOSSIER_ERROR_NOT_FOUND, or
 *   %ACQ_DOSSIER_ERROR_AMBIGUOUS with the matching candidates listed
 *
 * Finds the candidate a command line names. A whole name is looked for first; failing that,
 * a part of a name ("Dubois") is enough if only one candidate has it.
 *
 * Returns: (transfer none): the candidate, or %NULL
 */
AcqCandidate *
acq_dossier_find_candidate (AcqCandidateList *candidates, const char *uuid_or_name,
                            GError **error)
{
  g_autofree char *query = NULL;
  g_autoptr (GPtrArray) whole = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) partial = g_ptr_array_new_with_free_func (g_object_unref);
  AcqCandidate *found;
  guint n;

  g_return_val_if_fail (ACQ_IS_CANDIDATE_LIST (candidates), NULL);
  g_return_val_if_fail (uuid_or_name != NULL, NULL);

  if ((found = acq_candidate_list_find (candidates, uuid_or_name)) != NULL)
    return found;
  query = fold_name (uuid_or_name);
  n = g_list_model_get_n_items (G_LIST_MODEL (candidates));
  for (guint i = 0; i < n && *query != '\0'; i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (candidates), i);

      if (name_is (candidate, query))
        g_ptr_array_add (whole, g_object_ref (candidate));
      else if (acq_candidate_matches (candidate, query))
        g_ptr_array_add (partial, g_object_ref (candidate));
    }
  if (whole->len == 1 || (whole->len == 0 && partial->len == 1))
    return acq_candidate_list_find (candidates, acq_candidate_get_uuid (
                                      g_ptr_array_index (whole->len == 1 ? whole : partial, 0)));
  if (whole->len > 1 || partial->len > 1)
    set_ambiguous_error (whole->len > 1 ? whole : partial, uuid_or_name, error);
  else
    g_set_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_FOUND,
                 _("No candidate has the id or the name “%s”. The command --list-candidates "
                   "lists them."),
                 uuid_or_name);
  return NULL;
}
