/* acq-application.c — the Acquis application: options, the store, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-application"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-a11y.h"
#include "acq-application-private.h"
#include "acq-candidate-document.h"
#include "acq-demo.h"
#include "acq-parcours.h"
#include "acq-referential.h"
#include "acq-session.h"
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
  { "agenda", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the caseload’s deadlines due in the next --days days and the overdue ones, one "
       "per line (date, candidate, kind, text), and exit"), NULL },
  /* a string: GApplication leaves an integer option of 0 out of the options, so that
   * "--days 0" would read as no --days */
  { "days", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --agenda: how many days ahead, 7 by default"), N_("N") },
  { "jury", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the jury checklist of CANDIDATE (id or name), one item per line (done, todo or "
       "info), then the jury’s date and the result per bloc when known, and exit"),
    N_("CANDIDATE") },
  { "export-jury-prep", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the fiche de préparation au jury of CANDIDATE (id or name) to the --output PDF "
       "file and exit"), N_("CANDIDATE") },
  { "large-print", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-jury-prep: the large-print variant"), NULL },
  { "export-dossier", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the Dossier Professionnel of CANDIDATE (id or name) to the --output file and "
       "exit"), N_("CANDIDATE") },
  { "export-map", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the mind map of CANDIDATE (id or name) to the --output file, as PNG, SVG, PDF or "
       "OPML after its extension, and exit"), N_("CANDIDATE") },
  { "export-calendar", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the sessions of CANDIDATE (id or name), or of every candidate with “all”, to "
       "the --output calendar file (.ics) and exit"), N_("CANDIDATE") },
  { "export-livret", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the livret de suivi of CANDIDATE (id or name) to the --output PDF file and "
       "exit"), N_("CANDIDATE") },
  { "export-document", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the document KIND (convocation, presence, devis, convention, certificat) of "
       "CANDIDATE (id or name, after the options) to the --output PDF file and exit"),
    N_("KIND") },
  { "session", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-document presence: the day of the session, YYYY-MM-DD"), N_("DATE") },
  /* the candidate of --export-document, as the command reads "--export-document presence
   * Dubois"; nothing else takes a bare argument */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, N_("[CANDIDATE]") },
  { "export-person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write everything held about CANDIDATE (id or name) to the --output ZIP file (the "
       "right of access and portability) and exit"), N_("CANDIDATE") },
  /* a public command-line interface, used in scripts: it keeps its name, though the window
   * calls the same thing “send” (win.send-package) */
  { "export-package", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write everything of CANDIDATE (id or name) to the --output exchange file (.acquis), "
       "encrypted with the passphrase from ACQUIS_PASSPHRASE, the keyring or a prompt, and "
       "exit"), N_("CANDIDATE") },
  { "yearly-review", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the Qualiopi yearly review of YEAR (candidates, hours, abandons, juries, "
       "satisfaction, complaints, improvement actions) to the --output file, PDF or CSV after "
       "its extension, and exit"), N_("YEAR") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the exchange file FILE (.acquis) into the data, print what came in, and exit"),
    N_("FILE") },
  { "role", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-package or --import: who you are, “coach” or “candidate” (by default "
       "the role chosen in Acquis)"), N_("ROLE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file that --export-dossier, --export-jury-prep, --export-map, --export-calendar, "
       "--export-livret, --export-person, --export-document, --export-package or "
       "--yearly-review writes"),
    N_("FILE") },
  { "final", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-dossier: the final dossier, validated sheets only; refused while "
       "something is missing"), NULL },
  { "reading-copy", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-dossier: the reading copy, the draft set in the candidate’s reading "
       "style (large print) rather than in the model’s layout"), NULL },
  { "date-declaration", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-dossier: print today's date in the declaration instead of leaving it "
       "for the signer to write"), NULL },
  { "exchange-folder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use DIR as the exchange folder, as if chosen in the preferences"), N_("DIR") },
  { "list-certifications", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print one line per certification of the France Compétences export FILE (number, "
       "active or inactive, blocs, title) and exit"), N_("FILE") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list-certifications: only the certifications whose number or title holds "
       "every word of TEXT"), N_("TEXT") },
  { "import-certification", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Store the certification --fiche of the France Compétences export FILE, print its "
       "number, blocs and competences, and exit"), N_("FILE") },
  { "fiche", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-certification: the number of the certification, RNCP37274"),
    N_("NUMBER") },
  { "certification", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the stored certification NUMBER, one line per competence (bloc, index, text), "
       "and exit"), N_("NUMBER") },
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

GSettings *
_acq_application_load_settings (void)
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

static int
acq_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  AcqApplication *self = ACQ_APPLICATION (app);
  const char *data_dir = NULL;
  const char *exchange_folder = NULL;
  int status;

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

  if ((status = _acq_application_handle_command (self->data_dir, options)) >= 0)
    return status;

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
  /* the Today view's worker reads while the candidates are read here */
  if (self->store != NULL)
    acq_window_prefetch_today (self->window, self->store);
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
       !acq_sheet_list_purge_stale (self->store, &error) ||
       !acq_parcours_purge_stale (self->store, &error) ||
       !acq_session_purge_stale (self->store, &error) ||
       !acq_candidate_document_purge_stale (self->store, &error)))
    g_warning ("Could not erase what was deleted earlier: %s", error->message);
  /* what the command line or a second window commits on this folder shows here */
  acq_store_watch (self->store, ACQ_STORE_WATCH_INTERVAL_MS);
  acq_window_set_candidates (self->window, self->candidates);
  if (acq_store_is_read_only (self->store))
    {
      acq_window_set_read_only (self->window, TRUE);
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

/* The daily notification's action: the window, on its Today page. */
static void
show_today_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  AcqApplication *self = user_data;

  ensure_window (self);
  acq_window_show_today (self->window);
  gtk_window_present (GTK_WINDOW (self->window));
}

static const GActionEntry app_actions[] = {
  { "open-demo", open_demo_action },
  { "show-today", show_today_action },
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
    { "win.show-today", { "<Control>t", "<Alt>Home", NULL } },
  };

  G_APPLICATION_CLASS (acq_application_parent_class)->startup (app);
  acq_a11y_name_mnemonic_buttons ();

  self->settings = _acq_application_load_settings ();
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
