/* acq-exchange-folder.c — a folder kept in sync by another program, watched for .acquis files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-exchange-folder"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "acq-exchange-folder-private.h"
#include "acq-exchange-folder.h"
#include "acq-package.h"

/* A sync client (Nextcloud, Dropbox, Syncthing) writes a file in pieces, sometimes under its
 * final name: a file is taken only once its size and date have stopped changing for the settle
 * delay. What was handled (imported, or written here) is remembered by name, size and date in
 * a small key file in the data folder, so that a file is never read twice, nor our own.
 *
 * The folder is often a network mount, and one that stops answering blocks whoever touches it,
 * in stat() or in the kernel's lookup of its path, for as long as it does not answer. So every
 * call that touches the folder (making the monitor, listing, stat(), rename()) runs on a worker,
 * and only the answers come back, in the main context, where all the state lives. A worker
 * stuck on a dead mount holds its own copy of what it needs and nothing of the watcher: the
 * watcher can go while the worker waits, and what the worker brings back then is dropped
 * (the watcher's cancellable is cancelled at dispose). One worker at a time looks at the files,
 * in batches, so that a folder that does not answer holds one thread, not one per event.
 *
 * The monitor is made on a worker too: making it looks the path up (inotify_add_watch) and may
 * statfs() the home folder. Made on a thread without a main context of its own, it delivers its
 * events in the global default main context, as the workers' answers and the settle timers are
 * delivered: the watcher is used from the thread that runs that context, the window's. It is
 * made before the folder is listed, so that a file that comes while a slow listing goes on is
 * not missed. */

#define STATE_GROUP "handled"

/* How the monitor's events reach the watcher: @folder is cleared when the watcher goes or lets
 * the monitor go, so that the events still on their way do nothing. Only the main thread reads
 * or writes @folder; the worker that makes the monitor only holds a reference. */
typedef struct
{
  gatomicrefcount    ref;
  AcqExchangeFolder *folder;
} Link;

typedef struct
{
  AcqExchangeFolder *folder;
  char              *name;
  goffset            size;
  gint64             mtime;
  gboolean           restart; /* changed since last looked at: the delay starts again */
  guint              source;
} Pending;

/* What a worker found of one file. */
typedef struct
{
  char    *name;
  gboolean found; /* a regular file, with @size and @mtime */
  goffset  size;
  gint64   mtime;
} Look;

struct _AcqExchangeFolder
{
  GObject       parent_instance;

  char         *path;
  GFile        *dir;
  char         *state_path;
  GKeyFile     *state;
  GFileMonitor *monitor;
  Link         *link;
  GCancellable *cancellable; /* cancelled at dispose */
  guint         settle_ms;
  gboolean      starting;    /* the first listing is under way */
  gboolean      looking;     /* a worker is looking at files */
  GHashTable   *pending;     /* file name → Pending */
  GHashTable   *to_look;     /* file names for the next worker */
  GHashTable   *publishing;  /* file name → how many of ours are being moved in under it */
  GHashTable   *reported;    /* file name → the key it had when reported */
};

G_DEFINE_FINAL_TYPE (AcqExchangeFolder, acq_exchange_folder, G_TYPE_OBJECT)

enum
{
  SIGNAL_FILE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_LOCK_DEFINE_STATIC (io_hook);
static AcqExchangeFolderIoHook io_hook;
static gpointer                io_hook_data;

/* On the thread about to touch the folder. */
static void
before_io (const char *operation, GFile *file)
{
  AcqExchangeFolderIoHook hook;
  gpointer data;

  G_LOCK (io_hook);
  hook = io_hook;
  data = io_hook_data;
  G_UNLOCK (io_hook);
  if (hook != NULL)
    hook (operation, file, data);
}

static gboolean
is_package_name (const char *name)
{
  /* hidden files are the sync clients' and our own partial files */
  return name != NULL && name[0] != '.' && g_str_has_suffix (name, ACQ_PACKAGE_SUFFIX) &&
         strlen (name) > strlen (ACQ_PACKAGE_SUFFIX);
}

/* On a worker: this is the call that waits on a folder that does not answer. */
static gboolean
stat_file (GFile *dir, const char *name, goffset *size, gint64 *mtime)
{
  g_autoptr (GFile) file = g_file_get_child (dir, name);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;

  before_io ("stat", file);
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

static void
look_clear (gpointer data)
{
  g_free (((Look *) data)->name);
}

static GArray *
looks_new (void)
{
  GArray *looks = g_array_new (FALSE, TRUE, sizeof (Look));

  g_array_set_clear_func (looks, look_clear);
  return looks;
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

static Link *
link_new (AcqExchangeFolder *folder)
{
  Link *link = g_new0 (Link, 1);

  g_atomic_ref_count_init (&link->ref);
  link->folder = folder;
  return link;
}

static Link *
link_ref (Link *link)
{
  g_atomic_ref_count_inc (&link->ref);
  return link;
}

static void
link_unref (Link *link)
{
  if (g_atomic_ref_count_dec (&link->ref))
    g_free (link);
}

static void
link_closure_notify (gpointer data, GClosure *closure)
{
  link_unref (data);
}

/* The events of the monitor made so far reach nothing from now on. */
static void
cut_link (AcqExchangeFolder *self)
{
  self->link->folder = NULL;
  link_unref (self->link);
  self->link = link_new (self);
}

static void
cancel_monitor_thread (GTask *task, gpointer source, gpointer task_data,
                       GCancellable *cancellable)
{
  GFileMonitor *monitor = task_data;

  g_file_monitor_cancel (monitor);
  g_object_unref (monitor);
  g_task_return_boolean (task, TRUE);
}

/* Cancelling an inotify watch waits for GLib's inotify lock, which a worker stuck on a dead
 * mount while it makes a watch holds: a worker waits for it, not the window. */
static void
let_go_of_monitor (GFileMonitor *monitor)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, let_go_of_monitor);
  g_task_set_task_data (task, monitor, NULL);
  g_task_run_in_thread (task, cancel_monitor_thread);
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_handle_id (&pending->source, g_source_remove);
  g_free (pending->name);
  g_free (pending);
}

static Pending *
pending_get (AcqExchangeFolder *self, const char *name)
{
  Pending *pending = g_hash_table_lookup (self->pending, name);

  if (pending == NULL)
    {
      pending = g_new0 (Pending, 1);
      pending->folder = self;
      pending->name = g_strdup (name);
      pending->restart = TRUE;
      g_hash_table_insert (self->pending, pending->name, pending);
    }
  return pending;
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

static void look_next (AcqExchangeFolder *self);

static gboolean
on_settle_timeout_cb (gpointer data)
{
  Pending *pending = data;

  pending->source = 0;
  g_hash_table_add (pending->folder->to_look, g_strdup (pending->name));
  look_next (pending->folder);
  return G_SOURCE_REMOVE;
}

static void
wait_settle_delay (Pending *pending, goffset size, gint64 mtime)
{
  pending->size = size;
  pending->mtime = mtime;
  pending->restart = FALSE;
  g_clear_handle_id (&pending->source, g_source_remove);
  pending->source = g_timeout_add (pending->folder->settle_ms, on_settle_timeout_cb, pending);
}

/* A worker's answer about one file, back in the main context. */
static void
looked_at (AcqExchangeFolder *self, const Look *look)
{
  Pending *pending = g_hash_table_lookup (self->pending, look->name);
  g_autofree char *name = NULL;

  /* gone meanwhile, or to be looked at again: this answer is already old */
  if (pending == NULL || g_hash_table_contains (self->to_look, look->name))
    return;
  if (!look->found)
    g_hash_table_remove (self->pending, look->name);
  else if (pending->restart || look->size != pending->size || look->mtime != pending->mtime ||
           g_hash_table_contains (self->publishing, look->name))
    /* new, still growing, or ours on its way in: wait a full delay more */
    wait_settle_delay (pending, look->size, look->mtime);
  else
    {
      name = g_strdup (look->name);
      g_hash_table_remove (self->pending, name);
      settled (self, name, look->size, look->mtime);
    }
}

typedef struct
{
  GFile     *dir;
  GPtrArray *names;
} LookJob;

static void
look_job_free (gpointer data)
{
  LookJob *job = data;

  g_object_unref (job->dir);
  g_ptr_array_unref (job->names);
  g_free (job);
}

static void
look_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LookJob *job = task_data;
  GArray *looks = looks_new ();

  for (guint i = 0; i < job->names->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Look look = { g_strdup (g_ptr_array_index (job->names, i)), FALSE, 0, 0 };

      look.found = stat_file (job->dir, look.name, &look.size, &look.mtime);
      g_array_append_val (looks, look);
    }
  g_task_return_pointer (task, looks, (GDestroyNotify) g_array_unref);
}

static void
on_looked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AcqExchangeFolder *self = user_data;
  g_autoptr (GArray) looks = NULL;

  /* cancelled at dispose: the watcher is gone, nothing of it may be touched */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  looks = g_task_propagate_pointer (G_TASK (result), NULL);
  self->looking = FALSE;
  for (guint i = 0; looks != NULL && i < looks->len; i++)
    looked_at (self, &g_array_index (looks, Look, i));
  look_next (self);
}

/* Sends what is to be looked at to a worker, unless one is at it already. */
static void
look_next (AcqExchangeFolder *self)
{
  g_autoptr (GTask) task = NULL;
  GHashTableIter iter;
  gpointer name;
  LookJob *job;

  if (self->starting || self->looking || self->monitor == NULL ||
      g_hash_table_size (self->to_look) == 0)
    return;
  job = g_new0 (LookJob, 1);
  job->dir = g_object_ref (self->dir);
  job->names = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->to_look);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (job->names, name);
    }
  self->looking = TRUE;
  task = g_task_new (NULL, self->cancellable, on_looked_cb, self);
  g_task_set_source_tag (task, look_next);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, look_job_free);
  g_task_run_in_thread (task, look_thread);
}

/* Something happened to the file: it is looked at, and waited for a full delay from there. */
static void
watch (AcqExchangeFolder *self, const char *name)
{
  Pending *pending;

  if (!is_package_name (name))
    return;
  pending = pending_get (self, name);
  pending->restart = TRUE;
  g_clear_handle_id (&pending->source, g_source_remove);
  g_hash_table_add (self->to_look, g_strdup (name));
  look_next (self);
}

static void
forget_pending (AcqExchangeFolder *self, const char *name)
{
  g_hash_table_remove (self->pending, name);
  g_hash_table_remove (self->to_look, name);
}

/* In the main context, where the monitor was made to deliver its events. */
static void
on_monitor_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other_file,
                       GFileMonitorEvent event, Link *link)
{
  AcqExchangeFolder *self = link->folder;
  g_autofree char *name = NULL;
  g_autofree char *other_name = NULL;

  if (self == NULL)
    return;
  name = g_file_get_basename (file);
  other_name = other_file ? g_file_get_basename (other_file) : NULL;
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      forget_pending (self, name);
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      forget_pending (self, name);
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
 * Returns: (transfer full): a watcher, idle until acq_exchange_folder_start_async()
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

typedef struct
{
  GFile *dir;
  char  *path;
  Link  *link;
} StartJob;

static void
start_job_free (gpointer data)
{
  StartJob *job = data;

  g_object_unref (job->dir);
  g_free (job->path);
  link_unref (job->link);
  g_free (job);
}

/* What the first look at the folder found: its monitor and its files. */
typedef struct
{
  GFileMonitor *monitor;
  GArray       *looks;
} Listing;

static void
listing_free (gpointer data)
{
  Listing *listing = data;

  /* not taken by the watcher (gone, or the start was cancelled): it is on this side */
  if (listing->monitor != NULL)
    g_file_monitor_cancel (listing->monitor);
  g_clear_object (&listing->monitor);
  g_clear_pointer (&listing->looks, g_array_unref);
  g_free (listing);
}

static void
start_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  StartJob *job = task_data;
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) error = NULL;
  Listing *listing = g_new0 (Listing, 1);
  GFileInfo *info;

  /* the monitor first: a file that comes while the folder is being listed is not missed */
  before_io ("monitor", job->dir);
  listing->monitor = g_file_monitor_directory (job->dir, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                               &error);
  if (listing->monitor != NULL)
    {
      g_signal_connect_data (listing->monitor, "changed", G_CALLBACK (on_monitor_changed_cb),
                             link_ref (job->link), link_closure_notify, 0);
      before_io ("list", job->dir);
      children = g_file_enumerate_children (job->dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
    }
  if (children == NULL)
    {
      listing_free (listing);
      g_task_return_new_error (task, G_IO_ERROR,
                               error->domain == G_IO_ERROR ? error->code : G_IO_ERROR_FAILED,
                               _("The exchange folder “%s” cannot be read: %s Choose another "
                                 "one in the preferences."), job->path, error->message);
      return;
    }
  listing->looks = looks_new ();
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      Look look = { NULL, TRUE, 0, 0 };
      const char *name = g_file_info_get_name (info);

      if (is_package_name (name) && stat_file (job->dir, name, &look.size, &look.mtime))
        {
          look.name = g_strdup (name);
          g_array_append_val (listing->looks, look);
        }
      g_object_unref (info);
    }
  g_task_return_pointer (task, listing, listing_free);
}

/* Entries for files no longer in the folder are dropped, so the record stays small. */
static void
forget_gone (AcqExchangeFolder *self, GArray *looks)
{
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) keys = g_key_file_get_keys (self->state, STATE_GROUP, NULL, NULL);
  gboolean changed = FALSE;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < looks->len; i++)
    {
      const Look *look = &g_array_index (looks, Look, i);
      g_hash_table_add (present, file_key (look->name, look->size, look->mtime));
    }
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_hash_table_contains (present, keys[i]))
      changed |= g_key_file_remove_key (self->state, STATE_GROUP, keys[i], NULL);
  if (changed && !g_key_file_save_to_file (self->state, self->state_path, &error))
    g_warning ("Could not remember the exchanged files: %s", error->message);
}

static void
on_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  AcqExchangeFolder *self = g_task_get_source_object (task); /* held by @task */
  g_autoptr (GError) error = NULL;
  Listing *listing = g_task_propagate_pointer (G_TASK (result), &error);

  self->starting = FALSE;
  if (listing == NULL)
    {
      cut_link (self);
      g_hash_table_remove_all (self->pending);
      g_hash_table_remove_all (self->to_look);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->monitor = g_steal_pointer (&listing->monitor);
  for (guint i = 0; i < listing->looks->len; i++)
    {
      const Look *look = &g_array_index (listing->looks, Look, i);

      /* changed while the folder was listed: the monitor's event says to look again */
      if (!g_hash_table_contains (self->to_look, look->name))
        wait_settle_delay (pending_get (self, look->name), look->size, look->mtime);
    }
  forget_gone (self, listing->looks);
  listing_free (listing);
  look_next (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * acq_exchange_folder_start_async:
 * @self: the watcher
 * @cancellable: (nullable): to give up the start; the watcher can then be dropped at once, even
 *   while a worker still waits on a folder that does not answer
 * @callback: called in the main context once the folder is watched, or cannot be
 * @user_data: for @callback
 *
 * Watches the folder; the files that came while Acquis was closed are reported too, once they
 * have settled, each with #AcqExchangeFolder::file-ready. The folder is only ever touched on a
 * worker: a folder that does not answer (a dead network mount) never blocks the caller's main
 * context. Files that come while the start is slow are reported once it is done.
 */
void
acq_exchange_folder_start_async (AcqExchangeFolder *self, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  StartJob *job;

  g_return_if_fail (ACQ_IS_EXCHANGE_FOLDER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->starting && self->monitor == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_exchange_folder_start_async);
  self->starting = TRUE;
  job = g_new0 (StartJob, 1);
  job->dir = g_object_ref (self->dir);
  job->path = g_strdup (self->path);
  job->link = link_ref (self->link);
  /* the worker's task holds neither the watcher nor @task: it may outlive both */
  worker = g_task_new (NULL, cancellable, on_listed_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, start_thread);
  g_task_set_return_on_cancel (worker, TRUE);
  g_task_set_task_data (worker, job, start_job_free);
  g_task_run_in_thread (worker, start_thread);
}

/**
 * acq_exchange_folder_start_finish:
 * @self: the watcher
 * @result: what the callback of acq_exchange_folder_start_async() received
 * @error: where to put what went wrong
 *
 * Returns: %FALSE if the folder cannot be read, or the start was cancelled
 */
gboolean
acq_exchange_folder_start_finish (AcqExchangeFolder *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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
 * Returns: (transfer full): where to write the file before acq_exchange_folder_publish_async(): a
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

typedef struct
{
  GFile *dir;
  char  *temp_path;
  char  *path;
  char  *name;
} PublishJob;

static void
publish_job_free (gpointer data)
{
  PublishJob *job = data;

  g_object_unref (job->dir);
  g_free (job->temp_path);
  g_free (job->path);
  g_free (job->name);
  g_free (job);
}

/* What the worker did: the file's place, and what it looked like once there. */
typedef struct
{
  char *path;
  char *key;
} Published;

static void
published_free (gpointer data)
{
  Published *published = data;

  g_free (published->path);
  g_free (published->key);
  g_free (published);
}

static void
publish_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_autoptr (GFile) file = g_file_new_for_path (job->path);
  Published *published;
  goffset size;
  gint64 mtime;

  before_io ("rename", file);
  if (g_rename (job->temp_path, job->path) != 0)
    {
      int saved = errno;
      g_autoptr (GFile) temp = g_file_new_for_path (job->temp_path);

      before_io ("delete", temp);
      g_unlink (job->temp_path);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The file could not be put in the exchange folder: %s."),
                               g_strerror (saved));
      return;
    }
  published = g_new0 (Published, 1);
  published->path = g_strdup (job->path);
  if (stat_file (job->dir, job->name, &size, &mtime))
    published->key = file_key (job->name, size, mtime);
  g_task_return_pointer (task, published, published_free);
}

static void
on_published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  AcqExchangeFolder *self = g_task_get_source_object (task); /* held by @task */
  PublishJob *job = g_task_get_task_data (G_TASK (result));
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->publishing, job->name));
  g_autoptr (GError) error = NULL;
  Published *published = g_task_propagate_pointer (G_TASK (result), &error);
  char *path;

  if (count > 1)
    g_hash_table_insert (self->publishing, g_strdup (job->name), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->publishing, job->name);
  if (published == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (published->key != NULL)
    remember (self, published->key, "sent");
  path = g_steal_pointer (&published->path);
  published_free (published);
  g_task_return_pointer (task, path, g_free);
}

/**
 * acq_exchange_folder_publish_async:
 * @self: the watcher
 * @temp_path: a complete file written at acq_exchange_folder_temp_path()
 * @name: its final name
 * @cancellable: (nullable): cancelling it makes the result %G_IO_ERROR_CANCELLED, but does not
 *   stop the move: once begun, it is finished, and the file remembered as ours
 * @callback: called in the main context once the file is in place, or cannot be
 * @user_data: for @callback
 *
 * Gives the file its final name in one step, on a worker, so that the other side never sees
 * half of it, and remembers it as ours, so that this side does not import it (not even while
 * the folder is slow to answer).
 */
void
acq_exchange_folder_publish_async (AcqExchangeFolder *self, const char *temp_path,
                                   const char *name, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) worker = NULL;
  PublishJob *job;
  guint count;

  g_return_if_fail (ACQ_IS_EXCHANGE_FOLDER (self));
  g_return_if_fail (temp_path != NULL && is_package_name (name));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_exchange_folder_publish_async);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->publishing, name));
  g_hash_table_insert (self->publishing, g_strdup (name), GUINT_TO_POINTER (count + 1));
  job = g_new0 (PublishJob, 1);
  job->dir = g_object_ref (self->dir);
  job->temp_path = g_strdup (temp_path);
  job->path = g_build_filename (self->path, name, NULL);
  job->name = g_strdup (name);
  worker = g_task_new (NULL, NULL, on_published_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, publish_thread);
  g_task_set_task_data (worker, job, publish_job_free);
  g_task_run_in_thread (worker, publish_thread);
}

/**
 * acq_exchange_folder_publish_finish:
 * @self: the watcher
 * @result: what the callback of acq_exchange_folder_publish_async() received
 * @error: where to put what went wrong
 *
 * Returns: (transfer full): the path of the file, or %NULL
 */
char *
acq_exchange_folder_publish_finish (AcqExchangeFolder *self, GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (ACQ_IS_EXCHANGE_FOLDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/*< private >
 * _acq_exchange_folder_set_io_hook:
 * @hook: (nullable): called before each call that touches the folder, on the calling thread
 * @user_data: for @hook
 *
 * For the tests: a folder that does not answer is played by a hook that waits.
 */
void
_acq_exchange_folder_set_io_hook (AcqExchangeFolderIoHook hook, gpointer user_data)
{
  G_LOCK (io_hook);
  io_hook = hook;
  io_hook_data = user_data;
  G_UNLOCK (io_hook);
}

static void
acq_exchange_folder_dispose (GObject *object)
{
  AcqExchangeFolder *self = ACQ_EXCHANGE_FOLDER (object);

  /* what the workers bring back from now on is dropped */
  g_cancellable_cancel (self->cancellable);
  if (self->link != NULL)
    {
      self->link->folder = NULL;
      g_clear_pointer (&self->link, link_unref);
    }
  if (self->monitor != NULL)
    let_go_of_monitor (g_steal_pointer (&self->monitor));
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->to_look);
  G_OBJECT_CLASS (acq_exchange_folder_parent_class)->dispose (object);
}

static void
acq_exchange_folder_finalize (GObject *object)
{
  AcqExchangeFolder *self = ACQ_EXCHANGE_FOLDER (object);

  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->to_look);
  g_hash_table_unref (self->publishing);
  g_hash_table_unref (self->reported);
  g_key_file_unref (self->state);
  g_clear_object (&self->cancellable);
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
  self->link = link_new (self);
  self->cancellable = g_cancellable_new ();
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pending_free);
  self->to_look = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->publishing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
