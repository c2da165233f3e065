/* acq-application.c — the Acquis application: options, the store, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-application"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "acq-application.h"
#include "acq-demo.h"
#include "acq-dossier.h"
#include "acq-keyring.h"
#include "acq-map-export.h"
#include "acq-package.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "acq-store.h"
#include "acq-window.h"

struct _AcqApplication
{
  AdwApplication    parent_instance;

  char             *data_dir;
  char             *exchange_folder; /* from the command line, for the settings */
  GSettings        *settings;
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqWindow        *window;
  gboolean          demo_pending;
};

G_DEFINE_FINAL_TYPE (AcqApplication, acq_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the data in DIR instead of the user’s data folder"), N_("DIR") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Add fictional candidates to look around"),
    NULL },
  { "list-candidates", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print one line per candidate (id, name, stage) and exit; with --demo, add the demo "
       "first"), NULL },
  { "export-dossier", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the Dossier Professionnel of CANDIDATE (id or name) to the --output file and "
       "exit"), N_("CANDIDATE") },
  { "export-map", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the mind map of CANDIDATE (id or name) to the --output file, as PNG, SVG, PDF or "
       "OPML after its extension, and exit"), N_("CANDIDATE") },
  /* a public command-line interface, used in scripts: it keeps its name, though the window
   * calls the same thing “send” (win.send-package) */
  { "export-package", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write everything of CANDIDATE (id or name) to the --output exchange file (.acquis), "
       "encrypted with the passphrase from ACQUIS_PASSPHRASE, the keyring or a prompt, and "
       "exit"), N_("CANDIDATE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the exchange file FILE (.acquis) into the data, print what came in, and exit"),
    N_("FILE") },
  { "role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-package or --import: who you are, “coach” or “candidate” (by default "
       "the role chosen in Acquis)"), N_("ROLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file that --export-dossier, --export-map or --export-package writes"),
    N_("FILE") },
  { "final", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-dossier: the final dossier, validated sheets only; refused while "
       "something is missing"), NULL },
  { "exchange-folder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use DIR as the exchange folder, as if chosen in the preferences"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

char *
acq_application_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "acquis", NULL);
}

AcqApplication *
acq_application_new (void)
{
  return g_object_new (ACQ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/acquis/Acquis",
                       NULL);
}

GSettings *
acq_application_get_settings (AcqApplication *self)
{
  g_return_val_if_fail (ACQ_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * acq_application_is_uninstalled:
 *
 * Returns: %TRUE when this program runs from its build folder (developers, tests), where the
 *   settings schema and the translations are the ones built beside it, not the system's
 */
gboolean
acq_application_is_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, ACQ_BUILD_ROOT G_DIR_SEPARATOR_S);
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaSource) local = NULL;

  if (acq_application_is_uninstalled ())
    {
      local = g_settings_schema_source_new_from_directory (ACQ_BUILD_ROOT "/data", system, FALSE,
                                                           NULL);
      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, APP_ID, TRUE);
    }
  if (schema == NULL && system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APP_ID);
  return g_settings_new_full (schema, NULL, NULL);
}

/* --list-candidates, with --demo first if asked: no window, the core only. */
static int
list_candidates (const char *data_dir, gboolean demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (data_dir, &error);
  g_autoptr (AcqCandidateList) list = NULL;
  guint n;

  if (store != NULL)
    list = acq_candidate_list_new (store, &error);
  if (list != NULL && demo && !acq_demo_populate (list, &error))
    g_clear_object (&list);
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

/* --output FILE of the command-line exports, as a local path; %NULL if missing. */
static char *
options_output_path (GVariantDict *options)
{
  const char *output_arg = NULL;
  g_autoptr (GFile) output = NULL;

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output_arg))
    return NULL;
  output = g_file_new_for_commandline_arg (output_arg);
  return g_file_get_path (output);
}

/* The candidate that the value of @option names (by id or by name) in the store of @data_dir,
 * with the demo added first if --demo is given. */
static AcqCandidate *
options_find_candidate (const char *data_dir, GVariantDict *options, const char *option,
                        AcqStore **out_store, GError **error)
{
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  const char *query = NULL;
  AcqCandidate *candidate;

  g_variant_dict_lookup (options, option, "&s", &query);
  if ((store = acq_store_open (data_dir, error)) == NULL ||
      (list = acq_candidate_list_new (store, error)) == NULL)
    return NULL;
  if (g_variant_dict_contains (options, "demo") && !acq_demo_populate (list, error))
    return NULL;
  if ((candidate = acq_dossier_find_candidate (list, query, error)) == NULL)
    return NULL;
  *out_store = g_steal_pointer (&store);
  return g_object_ref (candidate);
}

/* --export-dossier CANDIDATE --output FILE [--final], with --demo first if asked: no window,
 * the core only. */
static int
export_dossier (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autofree char *output_path = options_output_path (options);
  AcqDossierMode mode = g_variant_dict_contains (options, "final") ? ACQ_DOSSIER_MODE_FINAL
                                                                   : ACQ_DOSSIER_MODE_DRAFT;

  if (output_path == NULL)
    {
      g_printerr ("%s\n", _("--export-dossier needs a file to write: --output FILE.pdf"));
      return 2;
    }
  candidate = options_find_candidate (data_dir, options, "export-dossier", &store, &error);
  if (candidate == NULL ||
      !acq_dossier_write (store, acq_candidate_get_uuid (candidate), output_path, mode, NULL,
                          NULL, NULL, &error))
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
  g_autofree char *output_path = options_output_path (options);
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
      g_autoptr (GSettings) settings = load_settings ();
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
  g_autofree char *output_path = options_output_path (options);
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
  g_autoptr (GFile) input = NULL;
  g_autofree char *path = NULL;
  g_autofree char *candidate_uuid = NULL;
  g_autoptr (AcqPassphrase) passphrase = NULL;
  const char *input_arg = NULL;
  AcqRole role;
  guint n;

  if (!options_role (options, &role))
    return 2;
  g_variant_dict_lookup (options, "import", "^&ay", &input_arg);
  input = g_file_new_for_commandline_arg (input_arg);
  path = g_file_get_path (input);
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

static int
acq_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  AcqApplication *self = ACQ_APPLICATION (app);
  const char *data_dir = NULL;
  const char *exchange_folder = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("acquis %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (data_dir);
      g_free (self->data_dir);
      self->data_dir = g_file_get_path (file);
      /* Another data folder is another Acquis: it must not hand over to a running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (self->data_dir == NULL)
    self->data_dir = acq_application_default_data_dir ();
  if (g_variant_dict_lookup (options, "exchange-folder", "^&ay", &exchange_folder))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (exchange_folder);
      g_free (self->exchange_folder);
      self->exchange_folder = g_file_get_path (file);
    }

  if (g_variant_dict_contains (options, "export-dossier"))
    return export_dossier (self->data_dir, options);
  if (g_variant_dict_contains (options, "export-map"))
    return export_map (self->data_dir, options);
  if (g_variant_dict_contains (options, "export-package"))
    return export_package (self->data_dir, options);
  if (g_variant_dict_contains (options, "import"))
    return import_package (self->data_dir, options);
  if (g_variant_dict_contains (options, "list-candidates"))
    return list_candidates (self->data_dir, g_variant_dict_contains (options, "demo"));

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr (GError) error = NULL;
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
    }
  return -1;
}

/* On a worker thread at each start: the page-by-page check of the store (too slow for the
 * start itself when it holds years of sheets), then today's backup, never of a damaged file. */
static void
check_and_backup_thread (GTask *task, gpointer source, gpointer task_data,
                         GCancellable *cancellable)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;

  if (!acq_store_verify (task_data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!acq_store_backup_daily (task_data, now, NULL, &error))
    g_warning ("Daily backup failed: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AcqApplication *self = ACQ_APPLICATION (source);
  g_autoptr (GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error) || self->window == NULL)
    return;
  /* the damaged file is closed before the user decides what to do with it */
  acq_window_set_candidates (self->window, NULL);
  g_clear_object (&self->candidates);
  g_clear_object (&self->store);
  acq_window_show_store_problem (self->window, self->data_dir, error->message,
                                 g_error_matches (error, ACQ_STORE_ERROR,
                                                  ACQ_STORE_ERROR_CORRUPT));
}

static gboolean
check_and_backup_cb (gpointer data)
{
  AcqApplication *self = data;
  g_autoptr (GTask) task = g_task_new (self, NULL, on_check_done_cb, NULL);

  g_task_set_task_data (task, g_strdup (self->data_dir), g_free);
  g_task_run_in_thread (task, check_and_backup_thread);
  return G_SOURCE_REMOVE;
}

/* A moment after the window shows: reading every page of a large store competes with the
 * first frame for the machine's cores and disk. */
static void
start_check_and_backup (AcqApplication *self)
{
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, check_and_backup_cb, g_object_ref (self),
                              g_object_unref);
}

static void
populate_demo (AcqApplication *self)
{
  g_autoptr (GError) error = NULL;

  self->demo_pending = FALSE;
  if (!acq_demo_populate (self->candidates, &error))
    acq_window_show_error (self->window, error->message);
}

/* Opens the store; on a damaged file, asks the window to offer a way out and comes back here
 * once the user has chosen. */
static void
open_store (AcqApplication *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->candidates);
  g_clear_object (&self->store);

  self->store = acq_store_open (self->data_dir, &error);
  if (self->store != NULL && acq_referential_ensure_default (self->store, &error))
    self->candidates = acq_candidate_list_new (self->store, &error);

  if (self->candidates == NULL)
    {
      gboolean damaged = g_error_matches (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CORRUPT);
      acq_window_show_store_problem (self->window, self->data_dir, error->message, damaged);
      return;
    }

  /* deletions whose undo was cut short by a quit or a crash are finished now (or, in a
   * folder that cannot be written, the next time it can) */
  if (!acq_store_is_read_only (self->store) &&
      (!acq_candidate_list_purge_stale (self->candidates, &error) ||
       !acq_sheet_list_purge_stale (self->store, &error)))
    g_warning ("Could not erase what was deleted earlier: %s", error->message);
  /* what the command line or a second window commits on this folder shows here */
  acq_store_watch (self->store, ACQ_STORE_WATCH_INTERVAL_MS);
  acq_window_set_candidates (self->window, self->candidates);
  if (acq_store_is_read_only (self->store))
    {
      acq_window_show_read_only (self->window);
      return;
    }
  start_check_and_backup (self);
  if (self->demo_pending)
    populate_demo (self);
}

static void
on_window_store_reset_cb (AcqApplication *self)
{
  open_store (self);
}

static void
ensure_window (AcqApplication *self)
{
  if (self->window != NULL)
    return;
  self->window = acq_window_new (self);
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  g_signal_connect_object (self->window, "store-reset", G_CALLBACK (on_window_store_reset_cb),
                           self, G_CONNECT_SWAPPED);
  open_store (self);
}

static void
acq_application_activate (GApplication *app)
{
  AcqApplication *self = ACQ_APPLICATION (app);

  ensure_window (self);
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
open_demo_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqApplication *self = user_data;

  self->demo_pending = TRUE;
  ensure_window (self);
  if (self->candidates != NULL)
    populate_demo (self);
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqApplication *self = user_data;

  if (self->window != NULL)
    gtk_window_close (GTK_WINDOW (self->window));
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqApplication *self = user_data;
  const char *developers[] = { "Acquis developers", NULL };

  adw_show_about_window (GTK_WINDOW (self->window),
                         "application-name", "Acquis",
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "Acquis developers",
                         "developers", developers,
                         "comments", _("Carries a VAE from the first interview to the jury"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/acquis/acquis",
                         /* TRANSLATORS: your name(s), one per line, shown in the about window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqApplication *self = user_data;

  gtk_show_uri (GTK_WINDOW (self->window), "help:acquis", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "open-demo", open_demo_action },
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
};

static void
acq_application_startup (GApplication *app)
{
  AcqApplication *self = ACQ_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-candidate", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (acq_application_parent_class)->startup (app);

  self->settings = load_settings ();
  if (self->exchange_folder != NULL)
    g_settings_set_string (self->settings, "exchange-folder", self->exchange_folder);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
acq_application_finalize (GObject *object)
{
  AcqApplication *self = ACQ_APPLICATION (object);

  g_clear_object (&self->candidates);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  /* the clear copies this run made (documents handed to a viewer, decrypted files) */
  if (self->data_dir != NULL)
    acq_store_remove_temp (self->data_dir, NULL);
  g_free (self->data_dir);
  g_free (self->exchange_folder);
  G_OBJECT_CLASS (acq_application_parent_class)->finalize (object);
}

static void
acq_application_class_init (AcqApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = acq_application_finalize;
  app_class->handle_local_options = acq_application_handle_local_options;
  app_class->startup = acq_application_startup;
  app_class->activate = acq_application_activate;
}

static void
acq_application_init (AcqApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self), _("Acquis carries a VAE from the first interview to the jury."));
}
