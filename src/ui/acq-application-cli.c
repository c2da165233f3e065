/* acq-application-cli.c — the commands that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * --list-candidates, --agenda, --jury, --export-dossier, --export-jury-prep, --export-map,
 * --export-calendar, --export-livret, --export-person, --export-document, --export-package,
 * --yearly-review and --import use the core only: each opens the store of the data folder, does its one thing,
 * prints what a script or a person needs, and returns the exit status.
 */
#define G_LOG_DOMAIN "acq-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "acq-application-private.h"
#include "acq-calendar.h"
#include "acq-deadline.h"
#include "acq-demo.h"
#include "acq-dossier.h"
#include "acq-jury-checklist.h"
#include "acq-jury-prep.h"
#include "acq-jury.h"
#include "acq-person-export.h"
#include "acq-practice-document.h"
#include "acq-store-file-job.h"
#include "acq-keyring.h"
#include "acq-livret-pdf.h"
#include "acq-map-export.h"
#include "acq-package.h"
#include "acq-store.h"
#include "acq-today.h"
#include "acq-yearly-review.h"

/* The value of the file option @option (--output, --import) as a local path; %NULL if it is
 * missing or names no local file. */
char *
_acq_application_options_path (GVariantDict *options, const char *option)
{
  const char *arg = NULL;
  g_autoptr (GFile) file = NULL;

  if (!g_variant_dict_lookup (options, option, "^&ay", &arg))
    return NULL;
  file = g_file_new_for_commandline_arg (arg);
  return g_file_get_path (file);
}

/* The candidates in the store of @data_dir, with the demo added first if --demo is given;
 * the store too, in @out_store, unless it is %NULL. */
static AcqCandidateList *
options_open_candidates (const char *data_dir, GVariantDict *options, AcqStore **out_store,
                         GError **error)
{
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;

  if ((store = acq_store_open (data_dir, error)) == NULL ||
      (list = acq_candidate_list_new (store, error)) == NULL)
    return NULL;
  if (g_variant_dict_contains (options, "demo") && !acq_demo_populate (list, error))
    return NULL;
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return g_steal_pointer (&list);
}

/* The candidate that the value of @option names (by id or by name), in the store that
 * options_open_candidates() opens. */
static AcqCandidate *
options_find_candidate (const char *data_dir, GVariantDict *options, const char *option,
                        AcqStore **out_store, GError **error)
{
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  const char *query = NULL;
  AcqCandidate *candidate;

  g_variant_dict_lookup (options, option, "&s", &query);
  if ((list = options_open_candidates (data_dir, options, &store, error)) == NULL ||
      (candidate = acq_dossier_find_candidate (list, query, error)) == NULL)
    return NULL;
  *out_store = g_steal_pointer (&store);
  return g_object_ref (candidate);
}

/* --list-candidates, with --demo first if asked: no window, the core only. */
static int
list_candidates (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  guint n;

  list = options_open_candidates (data_dir, options, NULL, &error);
  if (list == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = acq_candidate_dup_display_name (candidate);

      g_print ("%s\t%s\t%s\n", acq_candidate_get_uuid (candidate), name,
               acq_stage_label (acq_candidate_get_stage (candidate)));
    }
  return 0;
}

/* --agenda [--days N], with --demo first if asked: the deadlines of the candidates not
 * archived that fall due in the N days from today (today included), and every overdue one,
 * one line each, sorted by date. The kind is a stable name, for scripts; the text is a
 * sentence in the user's language. */
static int
agenda (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *days_arg = NULL;
  gint64 days = 7;
  GDate today;

  if (g_variant_dict_lookup (options, "days", "&s", &days_arg) &&
      !g_ascii_string_to_signed (days_arg, 10, 0, 36600, &days, NULL))
    {
      g_printerr ("%s\n", _("--days wants a number of days, from 0 to 36600."));
      return 2;
    }
  acq_today_get_local_date (&today);
  if ((list = options_open_candidates (data_dir, options, &store, &error)) == NULL ||
      (deadlines = acq_deadline_list_caseload (store, &today, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (AcqCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_hash_table_insert (names, g_strdup (acq_candidate_get_uuid (candidate)),
                           acq_candidate_dup_display_name (candidate));
    }
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AcqDeadline *deadline = g_ptr_array_index (deadlines, i);
      const char *name = g_hash_table_lookup (names, deadline->candidate_uuid);
      char date[16];

      if (g_date_days_between (&today, &deadline->due) >= days)
        break;
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &deadline->due);
      g_print ("%s\t%s\t%s\t%s\n", date, name ? name : deadline->candidate_uuid,
               acq_deadline_get_nick (deadline), deadline->text);
    }
  return 0;
}

/* --jury CANDIDATE, with --demo first if asked: the checklist, "STATE<TAB>ITEM" a line (done,
 * todo, or info for what does not count), then "session<TAB>DATE[<TAB>HH:MM]" ("none" while no
 * date is set), then "result<TAB>BLOC_CODE<TAB>obtenu|non-obtenu|dispense" per bloc whose
 * result is known. */
static int
jury (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autoptr (AcqJuryChecklist) checklist = NULL;
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  const char *uuid;

  if ((candidate = options_find_candidate (data_dir, options, "jury", &store, &error)) == NULL ||
      (checklist = acq_jury_checklist_compute (store, (uuid = acq_candidate_get_uuid (candidate)),
                                               NULL, &error)) == NULL ||
      (session = acq_jury_session_load (store, uuid, &error)) == NULL ||
      (result = acq_jury_result_load (store, uuid, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const AcqJuryItem *item = g_ptr_array_index (checklist->items, i);
      g_print ("%s\t%s\n", !item->counts ? "info" : item->done ? "done" : "todo", item->label);
    }
  if (session->date == NULL)
    g_print ("session\tnone\n");
  else if (session->time == NULL)
    g_print ("session\t%s\n", session->date);
  else
    g_print ("session\t%s\t%s\n", session->date, session->time);
  for (guint i = 0; i < result->blocs->len; i++)
    {
      const AcqJuryBlocResult *bloc = g_ptr_array_index (result->blocs, i);
      const char *nick = acq_jury_bloc_outcome_nick (bloc->outcome);

      if (nick != NULL)
        g_print ("result\t%s\t%s\n", bloc->code, nick);
    }
  return 0;
}

/* --export-jury-prep CANDIDATE --output FILE [--large-print], with --demo first if asked. */
static int
export_jury_prep (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");

  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--export-jury-prep needs a file to write: --output FILE.pdf"));
      return 2;
    }
  if ((candidate = options_find_candidate (data_dir, options, "export-jury-prep", &store,
                                           &error)) == NULL ||
      !acq_jury_prep_write (store, acq_candidate_get_uuid (candidate), output_path,
                            g_variant_dict_contains (options, "large-print"), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --export-dossier CANDIDATE --output FILE [--final | --reading-copy] [--date-declaration],
 * with --demo first if asked: no window, the core only. */
static int
export_dossier (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  AcqDossierOptions dossier = {
    .mode = g_variant_dict_contains (options, "final") ? ACQ_DOSSIER_MODE_FINAL
            : g_variant_dict_contains (options, "reading-copy") ? ACQ_DOSSIER_MODE_READING
                                                                 : ACQ_DOSSIER_MODE_DRAFT,
    .dated = g_variant_dict_contains (options, "date-declaration"),
  };

  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--export-dossier needs a file to write: --output FILE.pdf"));
      return 2;
    }
  if (g_variant_dict_contains (options, "final") &&
      g_variant_dict_contains (options, "reading-copy"))
    {
      g_printerr ("%s\n", _("--final and --reading-copy cannot go together: the final dossier "
                            "keeps the model’s layout."));
      return 2;
    }
  candidate = options_find_candidate (data_dir, options, "export-dossier", &store, &error);
  if (candidate == NULL ||
      !acq_dossier_write_with_options (store, acq_candidate_get_uuid (candidate), output_path,
                                       &dossier, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --export-map CANDIDATE --output FILE.png|svg|pdf|opml, with --demo first if asked: no
 * window, the core only. */
static int
export_map (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autoptr (AcqMap) map = NULL;
  g_autoptr (AcqMapLayout) layout = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  g_autofree char *name = NULL;
  AcqMapFormat format;

  if (output_path == NULL || !acq_map_format_for_path (output_path, &format))
    {
      g_printerr ("%s\n", _("--export-map needs a file to write: --output FILE.png, .svg, .pdf "
                            "or .opml"));
      return 2;
    }
  candidate = options_find_candidate (data_dir, options, "export-map", &store, &error);
  if (candidate != NULL &&
      (map = acq_map_load (store, acq_candidate_get_uuid (candidate), &error)) != NULL)
    {
      name = acq_candidate_dup_display_name (candidate);
      acq_map_set_title (map, name);
      layout = acq_map_layout_compute (map);
    }
  if (layout == NULL || !acq_map_export (layout, output_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --export-calendar CANDIDATE|all --output FILE.ics, with --demo first if asked: the sessions
 * of one candidate or of the whole caseload as an iCalendar file; no window, the core only. */
static int
export_calendar (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  const char *query = NULL;
  gboolean ok;
  GDate today;

  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--export-calendar needs a file to write: --output FILE.ics"));
      return 2;
    }
  g_variant_dict_lookup (options, "export-calendar", "&s", &query);
  acq_today_get_local_date (&today);
  if (g_strcmp0 (query, "all") == 0)
    ok = (list = options_open_candidates (data_dir, options, &store, &error)) != NULL &&
         acq_calendar_add_sessions (calendar, store, NULL, &error) &&
         acq_calendar_add_deadlines (calendar, store, NULL, &today, &error);
  else
    ok = (candidate = options_find_candidate (data_dir, options, "export-calendar", &store,
                                              &error)) != NULL &&
         acq_calendar_add_sessions (calendar, store, acq_candidate_get_uuid (candidate), &error) &&
         acq_calendar_add_deadlines (calendar, store, acq_candidate_get_uuid (candidate), &today,
                                     &error);
  if (!ok || !acq_calendar_write (calendar, output_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --export-livret CANDIDATE --output FILE.pdf, with --demo first if asked: the livret de
 * suivi in French; no window, the core only. */
/* --OPTION CANDIDATE --output FILE, with --demo first if asked. */
static int
export_for_candidate (const char *data_dir, GVariantDict *options, const char *option,
                      const char *missing_output, AcqStoreFileWriter writer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");

  if (output_path == NULL)
    {
      g_printerr ("%s\n", missing_output);
      return 2;
    }
  candidate = options_find_candidate (data_dir, options, option, &store, &error);
  if (candidate == NULL ||
      !writer (store, acq_candidate_get_uuid (candidate), output_path, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --export-document KIND CANDIDATE [--session DATE] --output FILE, with --demo first if asked. */
static int
export_document (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  g_autofree const char **rest = NULL;
  const char *nick = NULL, *session = NULL;
  AcqPracticeDocument kind;
  AcqCandidate *candidate;

  g_variant_dict_lookup (options, "export-document", "&s", &nick);
  g_variant_dict_lookup (options, "session", "&s", &session);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &rest);
  if (!acq_practice_document_from_nick (nick, &kind))
    {
      g_printerr (_("“%s” is not a document Acquis makes: convocation, presence, devis, "
                    "convention or certificat.\n"), nick);
      return 2;
    }
  if (output_path == NULL || rest == NULL || rest[0] == NULL ||
      (kind == ACQ_PRACTICE_DOCUMENT_ATTENDANCE && session == NULL))
    {
      g_printerr ("%s\n", _("Usage: --export-document convocation|devis|convention|certificat "
                            "CANDIDATE --output FILE.pdf, or --export-document presence "
                            "CANDIDATE --session YYYY-MM-DD --output FILE.pdf"));
      return 2;
    }
  if ((list = options_open_candidates (data_dir, options, &store, &error)) == NULL ||
      (candidate = acq_dossier_find_candidate (list, rest[0], &error)) == NULL ||
      !acq_practice_document_write (store, kind, acq_candidate_get_uuid (candidate), session,
                                    output_path, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Reads a line from the terminal without echoing it; from a pipe, just a line. The buffer is
 * locked (never swapped) and wiped. */
static AcqPassphrase *
prompt_passphrase (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char buffer[1024];
  AcqPassphrase *passphrase = NULL;

  sodium_mlock (buffer, sizeof buffer);
  if (tty)
    {
      g_printerr ("%s", prompt);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~ECHO;
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        tty = FALSE;
    }
  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      passphrase = acq_passphrase_new (buffer);
    }
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  sodium_munlock (buffer, sizeof buffer); /* wipes it first */
  return passphrase;
}

/* ACQUIS_PASSPHRASE for scripts (removed from the environment once read), else the keyring's
 * for this candidate, else a prompt (asked twice for an export: a typo would lock the other
 * side out). */
static AcqPassphrase *
get_passphrase (const char *candidate_uuid, gboolean confirm)
{
  g_autoptr (AcqPassphrase) env = acq_passphrase_take_from_env ();
  g_autoptr (AcqPassphrase) found = NULL;
  g_autoptr (AcqPassphrase) again = NULL;
  char *stored;

  if (env != NULL)
    return g_steal_pointer (&env);
  if (candidate_uuid != NULL && (stored = acq_keyring_lookup (candidate_uuid)) != NULL)
    {
      found = acq_passphrase_new (stored);
      acq_keyring_free (stored);
      return g_steal_pointer (&found);
    }
  if (!(found = prompt_passphrase (_("Passphrase: "))))
    {
      g_printerr ("%s\n", _("No passphrase was given: the keyring has none for this candidate, "
                            "and none could be read from the terminal. Set ACQUIS_PASSPHRASE "
                            "in the environment, or run the command in a terminal to type "
                            "it."));
      return NULL;
    }
  if (!confirm)
    return g_steal_pointer (&found);
  again = prompt_passphrase (_("The same passphrase again: "));
  if (g_strcmp0 (found, again) != 0)
    {
      g_printerr ("%s\n", _("The two passphrases differ. Nothing was exported."));
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* --role, else the role chosen in the app; a candidate until one is chosen. */
static gboolean
options_role (GVariantDict *options, AcqRole *out_role)
{
  g_autofree char *role = NULL;

  if (!g_variant_dict_lookup (options, "role", "s", &role))
    {
      g_autoptr (GSettings) settings = _acq_application_load_settings ();
      role = g_settings_get_string (settings, "user-role");
    }
  else if (g_strcmp0 (role, "coach") != 0 && g_strcmp0 (role, "candidate") != 0)
    {
      g_printerr ("%s\n", _("--role is “coach” or “candidate”."));
      return FALSE;
    }
  *out_role = g_strcmp0 (role, "coach") == 0 ? ACQ_ROLE_COACH : ACQ_ROLE_CANDIDATE;
  return TRUE;
}

/* --export-package CANDIDATE --output FILE.acquis: no window, the core only. */
static int
export_package (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  g_autoptr (AcqPassphrase) passphrase = NULL;
  AcqRole role;

  if (!options_role (options, &role))
    return 2;
  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--export-package needs a file to write: --output FILE.acquis"));
      return 2;
    }
  candidate = options_find_candidate (data_dir, options, "export-package", &store, &error);
  if (candidate == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  passphrase = get_passphrase (acq_candidate_get_uuid (candidate), TRUE);
  if (passphrase == NULL)
    return 1;
  /* the same rule as the Send Dossier dialog */
  if (g_utf8_strlen (passphrase, -1) < ACQ_PASSPHRASE_MIN_CHARS)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "The passphrase is too short: use at least %d character. "
                               "Nothing was exported.",
                               "The passphrase is too short: use at least %d characters. "
                               "Nothing was exported.", ACQ_PASSPHRASE_MIN_CHARS),
                  ACQ_PASSPHRASE_MIN_CHARS);
      g_printerr ("\n");
      return 1;
    }
  if (!acq_package_export (store, acq_candidate_get_uuid (candidate), role,
                           passphrase, output_path, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* --import FILE.acquis: the report's lines on the standard output. */
static int
import_package (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *path = _acq_application_options_path (options, "import");
  g_autofree char *candidate_uuid = NULL;
  g_autoptr (AcqPassphrase) passphrase = NULL;
  AcqRole role;
  guint n;

  if (!options_role (options, &role))
    return 2;
  if (path == NULL || !acq_package_peek (path, &candidate_uuid, NULL, &error))
    {
      g_printerr ("%s\n", error ? error->message : _("This file cannot be read."));
      return 1;
    }
  passphrase = get_passphrase (candidate_uuid, FALSE);
  if (passphrase == NULL)
    return 1;
  if ((store = acq_store_open (data_dir, &error)) != NULL)
    report = acq_package_import (store, path, passphrase, role, NULL, &error);
  if (report == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = acq_import_report_get_n_items (report);
  for (guint i = 0; i < n; i++)
    g_print ("%s\n", acq_import_report_get_item (report, i)->description);
  if (n == 0)
    g_print ("%s\n", _("Nothing new in this file."));
  if (acq_import_report_get_n_conflicts (report) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u rubric changed on both sides awaits your choice.\n",
                          "%u rubrics changed on both sides await your choice.\n",
                          acq_import_report_get_n_conflicts (report)),
             acq_import_report_get_n_conflicts (report));
  return 0;
}

/* --yearly-review YEAR --output FILE.pdf|FILE.csv, with --demo first if asked: the Qualiopi
 * yearly review; no window, the core only. YEAR is a string: GApplication would leave an
 * integer option of 0 out. */
static int
yearly_review (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  g_autofree char *output_path = _acq_application_options_path (options, "output");
  const char *year_text = NULL;
  guint64 year = 0;

  g_variant_dict_lookup (options, "yearly-review", "&s", &year_text);
  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--yearly-review needs a file to write: --output FILE.pdf or "
                            "--output FILE.csv"));
      return 2;
    }
  if (year_text == NULL ||
      !g_ascii_string_to_unsigned (year_text, 10, ACQ_YEARLY_REVIEW_MIN_YEAR,
                                   ACQ_YEARLY_REVIEW_MAX_YEAR, &year, NULL))
    {
      g_printerr (_("“%s” is not a year: give it with four digits, as --yearly-review 2026.\n"),
                  year_text != NULL ? year_text : "");
      return 2;
    }
  if ((list = options_open_candidates (data_dir, options, &store, &error)) == NULL ||
      !acq_yearly_review_write (store, (int) year, output_path, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/**
 * _acq_application_handle_command:
 * @data_dir: the data folder, from --data-dir or the default
 * @options: the command line's options
 *
 * Runs the command that @options ask for, if any.
 *
 * Returns: the exit status of the command, or -1 when @options ask for none (the application
 *   then goes on to its window)
 */
int
_acq_application_handle_command (const char *data_dir, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "agenda"))
    return agenda (data_dir, options);
  if (g_variant_dict_contains (options, "jury"))
    return jury (data_dir, options);
  if (g_variant_dict_contains (options, "export-dossier"))
    return export_dossier (data_dir, options);
  if (g_variant_dict_contains (options, "export-jury-prep"))
    return export_jury_prep (data_dir, options);
  if (g_variant_dict_contains (options, "export-map"))
    return export_map (data_dir, options);
  if (g_variant_dict_contains (options, "export-calendar"))
    return export_calendar (data_dir, options);
  if (g_variant_dict_contains (options, "export-livret"))
    return export_for_candidate (data_dir, options, "export-livret",
                                 _("--export-livret needs a file to write: --output FILE.pdf"),
                                 acq_livret_pdf_write);
  if (g_variant_dict_contains (options, "export-document"))
    return export_document (data_dir, options);
  if (g_variant_dict_contains (options, "export-person"))
    return export_for_candidate (data_dir, options, "export-person",
                                 _("--export-person needs a file to write: --output FILE.zip"),
                                 acq_person_export_write);
  if (g_variant_dict_contains (options, "export-package"))
    return export_package (data_dir, options);
  if (g_variant_dict_contains (options, "yearly-review"))
    return yearly_review (data_dir, options);
  if (g_variant_dict_contains (options, "import"))
    return import_package (data_dir, options);
  if (g_variant_dict_contains (options, "list-candidates"))
    return list_candidates (data_dir, options);
  return _acq_application_handle_certification_command (data_dir, options);
}
