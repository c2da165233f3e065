/* acq-dossier-rules.c — the rules of the Dossier Professionnel, checked before it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules come from the ministry's DP: for every targeted bloc one to three examples of
 * professional practice, each at most three pages, each with its context (organisation and
 * period); the candidate's identity on the cover; a declaration sur l'honneur with its
 * place. The same code decides what the final dossier refuses and what the rules panel shows.
 */
#define G_LOG_DOMAIN "acq-dossier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-dossier-private.h"
#include "acq-text.h"

#define MAX_EXAMPLES_PER_BLOC 3

/**
 * acq_dossier_issue_free:
 * @issue: (nullable): an issue from acq_dossier_check()
 *
 * Frees @issue and its strings.
 */
void
acq_dossier_issue_free (AcqDossierIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue->sheet_uuid);
  g_free (issue->bloc_uuid);
  g_free (issue->field);
  g_free (issue);
}

G_GNUC_PRINTF (6, 7) static void
add_issue (GPtrArray *issues, AcqDossierRule rule, AcqDossierSeverity severity,
           const char *sheet_uuid, const char *field, const char *format, ...)
{
  AcqDossierIssue *issue = g_new0 (AcqDossierIssue, 1);
  va_list args;

  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  issue->rule = rule;
  issue->severity = severity;
  issue->sheet_uuid = g_strdup (sheet_uuid);
  issue->field = g_strdup (field);
  g_ptr_array_add (issues, issue);
}

static void
check_identity (AcqDossierData *data, GPtrArray *issues)
{
  static const struct
  {
    AcqCandidateField field;
    const char *message;
  } required[] = {
    { ACQ_CANDIDATE_LAST_NAME, N_("The candidate’s last name is missing: the cover of the "
                                  "dossier needs it.") },
    { ACQ_CANDIDATE_FIRST_NAME, N_("The candidate’s first name is missing: the cover of the "
                                   "dossier needs it.") },
    { ACQ_CANDIDATE_ADDRESS, N_("The candidate’s address is missing: the cover of the dossier "
                                "needs it.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (acq_text_is_blank (acq_candidate_get_text (data->candidate, required[i].field)))
      add_issue (issues, ACQ_DOSSIER_RULE_IDENTITY_MISSING, ACQ_DOSSIER_SEVERITY_ERROR, NULL,
                 acq_candidate_field_info (required[i].field)->property, "%s",
                 _(required[i].message));
  if (data->place == NULL)
    add_issue (issues, ACQ_DOSSIER_RULE_DECLARATION_NO_PLACE, ACQ_DOSSIER_SEVERITY_ERROR, NULL,
               acq_candidate_field_info (ACQ_CANDIDATE_ADDRESS)->property, "%s",
               _("The place of the declaration sur l’honneur is taken from the last line of "
                 "the address (postal code and town), which gives no town: complete the "
                 "address."));
}

static void
check_blocs (AcqDossierData *data, GPtrArray *issues)
{
  if (data->rncp == NULL)
    add_issue (issues, ACQ_DOSSIER_RULE_NO_CERTIFICATION, ACQ_DOSSIER_SEVERITY_ERROR, NULL,
               "certification-uuid", "%s",
               _("The candidate aims at no certification: choose one to build the dossier."));
  else if (data->blocs->len == 0)
    add_issue (issues, ACQ_DOSSIER_RULE_NO_TARGETED_BLOC, ACQ_DOSSIER_SEVERITY_ERROR, NULL,
               "targeted-blocs", "%s",
               _("The candidate aims at none of the blocs of the certification: choose at "
                 "least one."));
  for (guint b = 0; b < data->blocs->len; b++)
    {
      AcqDossierBloc *bloc = g_ptr_array_index (data->blocs, b);
      guint n = bloc->examples->len;

      if (n == 0)
        add_issue (issues, ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE, ACQ_DOSSIER_SEVERITY_ERROR,
                   NULL, NULL,
                   data->mode == ACQ_DOSSIER_MODE_FINAL
                   ? _("Bloc %d (%s) has no validated example: the dossier needs one to "
                       "three per targeted bloc.")
                   : _("Bloc %d (%s) has no example yet: write one to three experience "
                       "sheets for it."),
                   bloc->bloc->position, bloc->bloc->code);
      else if (n > MAX_EXAMPLES_PER_BLOC)
        add_issue (issues, ACQ_DOSSIER_RULE_BLOC_TOO_MANY, ACQ_DOSSIER_SEVERITY_ERROR, NULL,
                   NULL,
                   _("Bloc %d (%s) has %u examples; the dossier allows three at most: keep the "
                     "best three."),
                   bloc->bloc->position, bloc->bloc->code, n);
      else
        continue;
      ((AcqDossierIssue *) g_ptr_array_index (issues, issues->len - 1))->bloc_uuid =
        g_strdup (bloc->bloc->bloc_uuid);
    }
}

static void
check_example (AcqDossierExample *example, AcqDossierMode mode, AcqDpLayout *layout,
               GPtrArray *issues)
{
  const char *uuid = acq_sheet_get_uuid (example->sheet);
  g_autofree char *title = acq_sheet_dup_display_title (example->sheet);
  double pages = acq_dp_layout_measure_example (layout, &example->example);
  guint first = issues->len;

  if (pages > ACQ_DP_MAX_EXAMPLE_PAGES)
    add_issue (issues, ACQ_DOSSIER_RULE_EXAMPLE_TOO_LONG, ACQ_DOSSIER_SEVERITY_ERROR, uuid,
               ACQ_RUBRIC_TASKS_NAME,
               _("“%s” takes %.1f pages; an example may take %d at most: shorten it."), title,
               pages, ACQ_DP_MAX_EXAMPLE_PAGES);
  if (acq_sheet_get_period_from (example->sheet) == NULL)
    add_issue (issues, ACQ_DOSSIER_RULE_EXAMPLE_NO_PERIOD, ACQ_DOSSIER_SEVERITY_ERROR, uuid,
               "period-from", _("“%s” has no period: give the date it started."), title);
  if (acq_text_is_blank (acq_sheet_get_organisation (example->sheet)))
    add_issue (issues, ACQ_DOSSIER_RULE_EXAMPLE_NO_ORGANISATION, ACQ_DOSSIER_SEVERITY_ERROR,
               uuid, "organisation",
               _("“%s” does not say in which organisation it took place."), title);
  if (!example->validated)
    add_issue (issues, ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED, ACQ_DOSSIER_SEVERITY_WARNING,
               uuid, NULL,
               _("“%s” is not validated yet: it is printed with a “BROUILLON” watermark."),
               title);
  /* the RGPD: a person the candidate writes about is not named in a dossier a jury reads */
  for (guint i = 0; example->unanswered[i] != NULL; i++)
    add_issue (issues, ACQ_DOSSIER_RULE_PERSON_UNANSWERED,
               mode == ACQ_DOSSIER_MODE_FINAL ? ACQ_DOSSIER_SEVERITY_ERROR
                                              : ACQ_DOSSIER_SEVERITY_WARNING,
               uuid, NULL,
               _("“%s” names “%s”, who is not pseudonymised yet: replace the name with "
                 "initials, or dismiss it if it may stay (People Mentioned)."),
               title, example->unanswered[i]);
  for (guint i = first; i < issues->len; i++)
    ((AcqDossierIssue *) g_ptr_array_index (issues, i))->bloc_uuid =
      g_strdup (example->bloc->bloc->bloc_uuid);
}

static void
check_left_out (AcqDossierData *data, GPtrArray *issues)
{
  for (guint i = 0; i < data->left_out->len; i++)
    {
      AcqSheet *sheet = g_ptr_array_index (data->left_out, i);
      g_autofree char *title = acq_sheet_dup_display_title (sheet);
      AcqReviewState state = acq_sheet_get_review_state (sheet);
      gboolean targeted = FALSE;

      for (guint b = 0; b < data->blocs->len; b++)
        targeted |= g_strcmp0 (((AcqDossierBloc *) g_ptr_array_index (data->blocs, b))
                               ->bloc->bloc_uuid, acq_sheet_get_bloc_uuid (sheet)) == 0;
      if (!targeted)
        add_issue (issues, ACQ_DOSSIER_RULE_SHEET_OUTSIDE, ACQ_DOSSIER_SEVERITY_WARNING,
                   acq_sheet_get_uuid (sheet), "bloc-uuid",
                   _("“%s” belongs to no targeted bloc: it is not in the dossier."), title);
      else
        add_issue (issues, ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED, ACQ_DOSSIER_SEVERITY_WARNING,
                   acq_sheet_get_uuid (sheet), NULL,
                   _("“%s” is not validated (%s): it is left out of the final dossier."), title,
                   acq_review_state_label (state));
    }
}

/**
 * _acq_dossier_data_check:
 * @data: what the dossier prints
 * @layout: the layout that measures the examples
 *
 * Returns: (transfer full) (element-type AcqDossierIssue): the issues, errors first, each
 *   group in the order of the dossier
 */
GPtrArray *
_acq_dossier_data_check (AcqDossierData *data, AcqDpLayout *layout)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_dossier_issue_free);
  g_autoptr (GPtrArray) errors_first = NULL;

  check_identity (data, issues);
  check_blocs (data, issues);
  for (guint i = 0; i < data->examples->len; i++)
    check_example (g_ptr_array_index (data->examples, i), data->mode, layout, issues);
  check_left_out (data, issues);

  errors_first = g_ptr_array_new_full (issues->len, (GDestroyNotify) acq_dossier_issue_free);
  for (int severity = ACQ_DOSSIER_SEVERITY_ERROR; severity <= ACQ_DOSSIER_SEVERITY_WARNING;
       severity++)
    for (guint i = 0; i < issues->len; i++)
      if (((AcqDossierIssue *) g_ptr_array_index (issues, i))->severity == (guint) severity)
        g_ptr_array_add (errors_first, g_ptr_array_index (issues, i));
  g_ptr_array_set_free_func (issues, NULL);
  g_ptr_array_unref (issues);
  return g_steal_pointer (&errors_first);
}

/**
 * acq_dossier_check:
 * @store: the store
 * @candidate_uuid: the candidate
 * @mode: the dossier to check: in %ACQ_DOSSIER_MODE_FINAL only validated sheets count
 * @layout: (nullable): a layout to measure the examples with; keep one and pass it, measuring
 *   again is then cheap
 * @error: where to put an error (the store could not be read, no such candidate)
 *
 * Checks the dossier against the rules of the DP: every targeted bloc has one to three
 * examples; no example is longer than three pages (measured with @layout, as the PDF lays
 * them out); every example has its period and its organisation; the last name, first name
 * and address are filled; the declaration sur l'honneur has a place and a date; no example
 * names a person the candidate has not answered for (acq-people: replaced or dismissed), a
 * warning in the draft and an error in the final dossier. For now the
 * place is the town of the address's last line (see acq_dossier_parse_town()) and the date is
 * the day the dossier is generated, so that only the place can be missing.
 *
 * Each issue names what to fix: a sheet and its field, or a field of the candidate.
 *
 * Returns: (transfer full) (element-type AcqDossierIssue): the issues, errors first, empty if
 *   the dossier is complete; %NULL with @error set
 */
GPtrArray *
acq_dossier_check (AcqStore *store, const char *candidate_uuid, AcqDossierMode mode,
                   AcqDpLayout *layout, GError **error)
{
  g_autoptr (AcqDossierData) data = NULL;
  g_autoptr (AcqDpLayout) own_layout = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  g_return_val_if_fail (layout == NULL || ACQ_IS_DP_LAYOUT (layout), NULL);

  data = _acq_dossier_data_load (store, candidate_uuid, mode, error);
  if (data == NULL)
    return NULL;
  if (layout == NULL)
    layout = own_layout = acq_dp_layout_new ();
  return _acq_dossier_data_check (data, layout);
}

/**
 * acq_dossier_has_errors:
 * @issues: (element-type AcqDossierIssue): issues from acq_dossier_check()
 *
 * Returns: %TRUE if one of @issues stops the final dossier
 */
gboolean
acq_dossier_has_errors (GPtrArray *issues)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (((AcqDossierIssue *) g_ptr_array_index (issues, i))->severity ==
        ACQ_DOSSIER_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}
