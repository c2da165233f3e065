/* acq-exchange-folder.c — a folder kept in sync by another program, watched for .acquis files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-exchange-folder"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "acq-exchange-folder.h"
#include "acq-package.h"

/* A sync client (Nextcloud, Dropbox, Syncthing) writes a file in pieces, sometimes under its
 * final name: a file is taken only once its size and date have stopped changing for the settle
 * delay. What was handled (imported, or written here) is remembered by name, size and date in
 * a small key file in the data folder, so that a file is never read twice, nor our own. */

#define STATE_GROUP "handled"

typedef struct
{
  AcqExchangeFolder *folder;
  char              *name;
  goffset            size;
  gint64             mtime;
  guint              source;
} Pending;

struct _AcqExchangeFolder
{
  GObject       parent_instance;

  char         *path;
  GFile        *dir;
  char         *state_path;
  GKeyFile     *state;
  GFileMonitor *monitor;
  guint         settle_ms;
  GHashTable   *pending;  /* file name → Pending */
  GHashTable   *reported; /* file name → the key it had when reported */
};

G_DEFINE_FINAL_TYPE (AcqExchangeFolder, acq_exchange_folder, G_TYPE_OBJECT)

enum
{
  SIGNAL_FILE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_package_name (const char *name)
{
  /* hidden files are the sync clients' and our own partial files */
  return name != NULL && name[0] != '.' && g_str_has_suffix (name, ACQ_PACKAGE_SUFFIX) &&
         strlen (name) > strlen (ACQ_PACKAGE_SUFFIX);
}

static gboolean
stat_file (AcqExchangeFolder *self, const char *name, goffset *size, gint64 *mtime)
{
  g_autoptr (GFile) file = g_file_get_child (self->dir, name);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  modified = g_file_info_get_modification_date_time (info);
  *size = g_file_info_get_size (info);
  *mtime = modified ? g_date_time_to_unix (modified) * G_USEC_PER_SEC +
                        g_date_time_get_microsecond (modified)
                    : 0;
  return TRUE;
}

/* What identifies one state of one file. */
static char *
file_key (const char *name, goffset size, gint64 mtime)
{
  g_autofree char *text = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT, name,
                                           (gint64) size, mtime);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
remember (AcqExchangeFolder *self, const char *key, const char *what)
{
  g_autoptr (GError) error = NULL;

  g_key_file_set_string (self->state, STATE_GROUP, key, what);
  if (!g_key_file_save_to_file (self->state, self->state_path, &error))
    g_warning ("Could not remember the exchanged files: %s", error->message);
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_handle_id (&pending->source, g_source_remove);
  g_free (pending->name);
  g_free (pending);
}

static void
settled (AcqExchangeFolder *self, const char *name, goffset size, gint64 mtime)
{
  g_autofree char *key = file_key (name, size, mtime);
  g_autofree char *path = NULL;

  if (g_key_file_has_key (self->state, STATE_GROUP, key, NULL) ||
      g_strcmp0 (g_hash_table_lookup (self->reported, name), key) == 0)
    return;
  g_hash_table_insert (self->reported, g_strdup (name), g_strdup (key));
  path = g_build_filename (self->path, name, NULL);
  g_signal_emit (self, signals[SIGNAL_FILE_READY], 0, path);
}

static gboolean
on_settle_timeout_cb (gpointer data)
{
  Pending *pending = data;
  AcqExchangeFolder *self = pending->folder;
  g_autofree char *name = NULL;
  goffset size;
  gint64 mtime;

  if (!stat_file (self, pending->name, &size, &mtime))
    {
      pending->source = 0;
      g_hash_table_remove (self->pending, pending->name);
      return G_SOURCE_REMOVE;
    }
  if (size != pending->size || mtime != pending->mtime)
    {
      /* still growing: wait a full delay more */
      pending->size = size;
      pending->mtime = mtime;
      return G_SOURCE_CONTINUE;
    }
  pending->source = 0;
  name = g_strdup (pending->name);
  g_hash_table_remove (self->pending, name);
  settled (self, name, size, mtime);
  return G_SOURCE_REMOVE;
}

static void
watch (AcqExchangeFolder *self, const char *name)
{
  Pending *pending;
  goffset size;
  gint64 mtime;

  if (!is_package_name (name))
    return;
  if (!stat_file (self, name, &size, &mtime))
    {
      g_hash_table_remove (self->pending, name);
      return;
    }
  pending = g_hash_table_lookup (self->pending, name);
  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->folder = self;
      pending->name = g_strdup (name);
      g_hash_table_insert (self->pending, pending->name, pending);
    }
  pending->size = size;
  pending->mtime = mtime;
  g_clear_handle_id (&pending->source, g_source_remove);
  pending->source = g_timeout_add (self->settle_ms, on_settle_timeout_cb, pending);
}

static void
on_monitor_changed_cb (AcqExchangeFolder *self, GFile *file, GFile *other_file,
                       GFileMonitorEvent event)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other_file ? g_file_get_basename (other_file) : NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      g_hash_table_remove (self->pending, name);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_hash_table_remove (self->pending, name);
      watch (self, other_name);
      break;
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      watch (self, name);
      break;
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/**
 * acq_exchange_folder_new:
 * @folder: the folder a sync client keeps in sync
 * @data_dir: the data folder, where what was handled is remembered
 *
 * Returns: (transfer full): a watcher, idle until acq_exchange_folder_start()
 */
AcqExchangeFolder *
acq_exchange_folder_new (const char *folder, const char *data_dir)
{
  AcqExchangeFolder *self;

  g_return_val_if_fail (folder != NULL && data_dir != NULL, NULL);

  self = g_object_new (ACQ_TYPE_EXCHANGE_FOLDER, NULL);
  self->path = g_strdup (folder);
  self->dir = g_file_new_for_path (folder);
  self->state_path = g_build_filename (data_dir, ACQ_EXCHANGE_FOLDER_STATE_NAME, NULL);
  if (!g_key_file_load_from_file (self->state, self->state_path, G_KEY_FILE_NONE, NULL))
    g_debug ("No record of exchanged files yet in %s", data_dir);
  return self;
}

const char *
acq_exchange_folder_get_path (AcqExchangeFolder *self)
{
  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), NULL);
  return self->path;
}

/**
 * acq_exchange_folder_set_settle_delay:
 * @self: the watcher
 * @milliseconds: how long a file must stay the same before it is reported
 */
void
acq_exchange_folder_set_settle_delay (AcqExchangeFolder *self, guint milliseconds)
{
  g_return_if_fail (ACQ_IS_EXCHANGE_FOLDER (self));
  self->settle_ms = MAX (milliseconds, 1);
}

/* Entries for files no longer in the folder are dropped, so the record stays small. */
static void
forget_gone (AcqExchangeFolder *self, GHashTable *present)
{
  g_auto (GStrv) keys = g_key_file_get_keys (self->state, STATE_GROUP, NULL, NULL);
  gboolean changed = FALSE;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_hash_table_contains (present, keys[i]))
      changed |= g_key_file_remove_key (self->state, STATE_GROUP, keys[i], NULL);
  if (changed && !g_key_file_save_to_file (self->state, self->state_path, &error))
    g_warning ("Could not remember the exchanged files: %s", error->message);
}

/**
 * acq_exchange_folder_start:
 * @self: the watcher
 * @error: where to put what went wrong
 *
 * Watches the folder; the files that came while Acquis was closed are reported too, once they
 * have settled, each with #AcqExchangeFolder::file-ready.
 *
 * Returns: %FALSE if the folder cannot be read
 */
gboolean
acq_exchange_folder_start (AcqExchangeFolder *self, GError **error)
{
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GHashTable) present = NULL;
  g_autoptr (GError) local_error = NULL;
  GFileInfo *info;

  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), FALSE);
  g_return_val_if_fail (self->monitor == NULL, FALSE);

  self->monitor = g_file_monitor_directory (self->dir, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                            &local_error);
  if (self->monitor != NULL)
    children = g_file_enumerate_children (self->dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (children == NULL)
    {
      g_clear_object (&self->monitor);
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("The exchange folder “%s” cannot be read: %s Choose another one in the "
                     "preferences."), self->path, local_error->message);
      return FALSE;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);

  present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      goffset size;
      gint64 mtime;

      if (is_package_name (name) && stat_file (self, name, &size, &mtime))
        {
          g_hash_table_add (present, file_key (name, size, mtime));
          watch (self, name);
        }
      g_object_unref (info);
    }
  forget_gone (self, present);
  return TRUE;
}

/**
 * acq_exchange_folder_mark_handled:
 * @self: the watcher
 * @path: a file reported by #AcqExchangeFolder::file-ready
 *
 * Remembers that the file, as it was when reported, has been dealt with (imported, or refused
 * for good): it is not reported again, even after a restart. A file not marked is reported
 * again at the next start.
 */
void
acq_exchange_folder_mark_handled (AcqExchangeFolder *self, const char *path)
{
  g_autofree char *name = NULL;
  const char *key;

  g_return_if_fail (ACQ_IS_EXCHANGE_FOLDER (self));
  g_return_if_fail (path != NULL);

  name = g_path_get_basename (path);
  key = g_hash_table_lookup (self->reported, name);
  if (key != NULL)
    remember (self, key, "received");
}

/**
 * acq_exchange_folder_outgoing_name:
 * @candidate_name: whose dossier it is
 * @role_label: who sends it (“Candidate”, “Coach”, translated)
 * @date: when
 *
 * Returns: (transfer full): the name of a file to send, such as
 *   “Hélène Dubois – Coach – 2026-11-27.acquis”, safe on every file system a sync client uses
 */
/* The longest file name most file systems take, in bytes; the file is first written under
 * ".NAME.part" (acq_exchange_folder_temp_path()), which must fit too. */
#define NAME_MAX_BYTES 255
#define TEMP_EXTRA_BYTES (strlen (".") + strlen (".part"))

/* characters that Windows, macOS or a shell would refuse or misread */
static void
replace_unsafe (GString *text)
{
  for (char *c = text->str; *c != '\0'; c++)
    if (strchr ("/\\:*?\"<>|", *c) != NULL || (guchar) *c < 0x20)
      *c = '_';
}

/* Cuts @text to at most @max_bytes, between two characters. */
static void
truncate_utf8 (GString *text, gsize max_bytes)
{
  const char *end = text->str;

  if (text->len <= max_bytes)
    return;
  while (*end != '\0' && (gsize) (g_utf8_next_char (end) - text->str) <= max_bytes)
    end = g_utf8_next_char (end);
  g_string_truncate (text, end - text->str);
}

char *
acq_exchange_folder_outgoing_name (const char *candidate_name, const char *role_label,
                                   GDateTime *date)
{
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  GString *name = g_string_new (candidate_name);
  g_autoptr (GString) tail = g_string_new (NULL);
  gsize tail_bytes;

  g_string_append_printf (tail, " – %s – %s", role_label, day);
  replace_unsafe (name);
  replace_unsafe (tail);
  while (name->str[0] == '.' || name->str[0] == ' ')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    while (tail->str[0] == '.' || tail->str[0] == ' ')
      g_string_erase (tail, 0, 1);
  /* a long name is cut, never the role, the date or the suffix that make it ours */
  tail_bytes = tail->len + strlen (ACQ_PACKAGE_SUFFIX) + TEMP_EXTRA_BYTES;
  truncate_utf8 (name, NAME_MAX_BYTES > tail_bytes ? NAME_MAX_BYTES - tail_bytes : 0);
  g_string_append (name, tail->str);
  g_string_append (name, ACQ_PACKAGE_SUFFIX);
  return g_string_free (name, FALSE);
}

/**
 * acq_exchange_folder_temp_path:
 * @self: the watcher
 * @name: the name the file will have
 *
 * Returns: (transfer full): where to write the file before acq_exchange_folder_publish(): a
 *   hidden name in the folder, which neither this watcher nor the other side takes
 */
char *
acq_exchange_folder_temp_path (AcqExchangeFolder *self, const char *name)
{
  g_autofree char *hidden = NULL;

  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), NULL);
  hidden = g_strdup_printf (".%s.part", name);
  return g_build_filename (self->path, hidden, NULL);
}

/**
 * acq_exchange_folder_publish:
 * @self: the watcher
 * @temp_path: a complete file written at acq_exchange_folder_temp_path()
 * @name: its final name
 * @error: where to put what went wrong
 *
 * Gives the file its final name in one step, so that the other side never sees half of it,
 * and remembers it as ours, so that this side does not import it.
 *
 * Returns: (transfer full): the path of the file, or %NULL
 */
char *
acq_exchange_folder_publish (AcqExchangeFolder *self, const char *temp_path, const char *name,
                             GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  goffset size;
  gint64 mtime;

  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), NULL);
  g_return_val_if_fail (temp_path != NULL && is_package_name (name), NULL);

  path = g_build_filename (self->path, name, NULL);
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The file could not be put in the exchange folder: %s."),
                   g_strerror (saved));
      g_unlink (temp_path);
      return NULL;
    }
  if (stat_file (self, name, &size, &mtime))
    {
      key = file_key (name, size, mtime);
      remember (self, key, "sent");
    }
  return g_steal_pointer (&path);
}

static void
acq_exchange_folder_dispose (GObject *object)
{
  AcqExchangeFolder *self = ACQ_EXCHANGE_FOLDER (object);

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_hash_table_remove_all (self->pending);
  G_OBJECT_CLASS (acq_exchange_folder_parent_class)->dispose (object);
}

static void
acq_exchange_folder_finalize (GObject *object)
{
  AcqExchangeFolder *self = ACQ_EXCHANGE_FOLDER (object);

  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->reported);
  g_key_file_unref (self->state);
  g_clear_object (&self->dir);
  g_free (self->state_path);
  g_free (self->path);
  G_OBJECT_CLASS (acq_exchange_folder_parent_class)->finalize (object);
}

static void
acq_exchange_folder_class_init (AcqExchangeFolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = acq_exchange_folder_dispose;
  object_class->finalize = acq_exchange_folder_finalize;

  /**
   * AcqExchangeFolder::file-ready:
   * @self: the watcher
   * @path: a .acquis file that has stopped changing, neither ours nor handled before
   */
  signals[SIGNAL_FILE_READY] =
    g_signal_new ("file-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
acq_exchange_folder_init (AcqExchangeFolder *self)
{
  self->settle_ms = ACQ_EXCHANGE_FOLDER_SETTLE_MS;
  self->state = g_key_file_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_free);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
