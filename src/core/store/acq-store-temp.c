/* acq-store-temp.c — the one private folder for temporary files, inside the data folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-store-private.h"

/* Decrypted imports and exports, dossier previews and the copies of documents handed to a
 * viewer are personal data: they never go to /tmp, which outlives "erase this candidate" and
 * may be shared, but to <data>/tmp/ (0700). Each process gets its own folder there, "run-…",
 * holding a lock file locked with flock() for as long as the process lives; at each opening
 * of a store, the folders whose lock is free (their process ended, crashed or was killed) are
 * removed, with the temporaries older versions left beside the database. flock() locks belong
 * to an open file, not to the process, so they never meddle with SQLite's POSIX locks.
 * A data folder that cannot be written (read-only) keeps its temporaries in the user's runtime
 * folder instead (XDG_RUNTIME_DIR, private to the user and emptied at logout). */

#define TEMP_DIR_NAME "tmp"
#define RUN_PREFIX "run-"
#define LOCK_NAME ".lock"
/* a backup takes seconds: an older ".part" in backups/ was left by a crash */
#define STALE_PART_SECONDS (60 * 60)

typedef struct
{
  char *dir;
  int   lock_fd;
} Run;

static GMutex runs_lock;
static GHashTable *runs; /* data folder -> Run */

static void
run_free (gpointer data)
{
  Run *run = data;

  close (run->lock_fd);
  g_free (run->dir);
  g_free (run);
}

/* Removes @path and all it holds, without following symbolic links. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (g_rmdir (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
}

static char *
temp_root (const char *data_dir)
{
  return g_build_filename (data_dir, TEMP_DIR_NAME, NULL);
}

/* The read-only data folder's stand-in, one per data folder. */
static char *
fallback_root (const char *data_dir)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data_dir, -1);

  hash[16] = '\0';
  return g_build_filename (g_get_user_runtime_dir (), "acquis", hash, NULL);
}

/* Is the run folder @path still used by a living process? */
static gboolean
run_is_alive (const char *path)
{
  g_autofree char *lock = g_build_filename (path, LOCK_NAME, NULL);
  int fd = g_open (lock, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  gboolean alive;

  if (fd < 0)
    return FALSE;
  alive = flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);
  return alive;
}

static void
sweep_root (const char *root, const char *own_run)
{
  g_autoptr (GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (g_strcmp0 (path, own_run) == 0)
        continue;
      if (g_str_has_prefix (name, RUN_PREFIX) && run_is_alive (path))
        continue;
      remove_tree (path);
    }
}

static void
sweep_legacy (const char *data_dir)
{
  g_autofree char *backups = acq_store_backup_dir (data_dir);
  g_autoptr (GDir) dir = g_dir_open (data_dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  /* what versions before the tmp folder decrypted beside the database, and a probe of
   * acq_store_open() cut short */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".acquis-import-") || g_str_has_prefix (name, ".acquis-export-") ||
        g_str_has_prefix (name, ".acquis-probe-"))
      {
        g_autofree char *path = g_build_filename (data_dir, name, NULL);
        remove_tree (path);
      }
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (backups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (backups, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".part") && g_lstat (path, &st) == 0 &&
          now - st.st_mtime > STALE_PART_SECONDS)
        remove_tree (path);
    }
}

/**
 * acq_store_sweep_temp:
 * @data_dir: the data folder
 *
 * Removes the temporary files that processes which ended (even killed) left behind in the
 * data folder: decrypted imports and exports, dossier previews, document copies, unfinished
 * backups. Those of running processes stay. acq_store_open() calls it.
 */
void
acq_store_sweep_temp (const char *data_dir)
{
  g_autofree char *root = temp_root (data_dir);
  g_autofree char *fallback = fallback_root (data_dir);
  g_autofree char *own = NULL;

  g_return_if_fail (data_dir != NULL);

  g_mutex_lock (&runs_lock);
  if (runs != NULL && g_hash_table_contains (runs, data_dir))
    own = g_strdup (((Run *) g_hash_table_lookup (runs, data_dir))->dir);
  g_mutex_unlock (&runs_lock);

  sweep_root (root, own);
  sweep_root (fallback, own);
  sweep_legacy (data_dir);
}

static Run *
run_new (const char *root, GError **error)
{
  g_autofree char *dir = g_build_filename (root, RUN_PREFIX "XXXXXX", NULL);
  g_autofree char *lock = NULL;
  Run *run;
  int fd;

  if (!_acq_store_ensure_private_dir (root, error))
    return NULL;
  if (g_mkdtemp_full (dir, 0700) == NULL)
    goto fail;
  lock = g_build_filename (dir, LOCK_NAME, NULL);
  fd = g_open (lock, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      remove_tree (dir);
      errno = saved;
      goto fail;
    }
  run = g_new0 (Run, 1);
  run->dir = g_steal_pointer (&dir);
  run->lock_fd = fd;
  return run;

fail:
  {
    int saved = errno;
    g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                 _("Acquis cannot make a temporary file in “%s”: %s. Check that the disk is "
                   "not full and that the folder belongs to you."),
                 root, g_strerror (saved));
    return NULL;
  }
}

/* This process's folder for @data_dir, made on first use. */
static char *
run_dir (const char *data_dir, GError **error)
{
  char *dir = NULL;
  Run *run;

  g_mutex_lock (&runs_lock);
  if (runs == NULL)
    runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, run_free);
  run = g_hash_table_lookup (runs, data_dir);
  if (run == NULL)
    {
      g_autofree char *root = temp_root (data_dir);
      g_autoptr (GError) local_error = NULL;

      run = run_new (root, &local_error);
      if (run == NULL)
        {
          g_autofree char *fallback = fallback_root (data_dir);

          g_debug ("%s; using %s", local_error->message, fallback);
          run = run_new (fallback, NULL);
        }
      if (run == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_hash_table_insert (runs, g_strdup (data_dir), run);
    }
  if (run != NULL)
    dir = g_strdup (run->dir);
  g_mutex_unlock (&runs_lock);
  return dir;
}

/**
 * acq_store_make_temp:
 * @data_dir: the data folder
 * @prefix: the start of the name, for whoever reads the folder (“import”, “dossier”)
 * @directory: %TRUE for a folder (0700), %FALSE for an empty file (0600)
 * @error: where to put an %ACQ_STORE_ERROR_IO error
 *
 * Makes a new private temporary file or folder in this process's folder inside the data
 * folder, never in /tmp. The caller removes it when done; whatever is left goes with
 * acq_store_remove_temp() at the end of the process, or with the next acq_store_sweep_temp()
 * after a crash.
 *
 * Returns: (transfer full): its path, or %NULL
 */
char *
acq_store_make_temp (const char *data_dir, const char *prefix, gboolean directory,
                     GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (data_dir != NULL && prefix != NULL, NULL);

  if (!(dir = run_dir (data_dir, error)))
    return NULL;
  path = g_strdup_printf ("%s/%s-XXXXXX", dir, prefix);
  if (directory)
    fd = g_mkdtemp_full (path, 0700) != NULL ? 0 : -1;
  else if ((fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600)) >= 0)
    close (fd);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                   _("Acquis cannot make a temporary file in “%s”: %s. Check that the disk is "
                     "not full and that the folder belongs to you."),
                   dir, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/**
 * acq_store_remove_temp:
 * @data_dir: the data folder
 * @prefix: (nullable): remove only what acq_store_make_temp() made with a prefix that starts
 *   so, or %NULL for everything, with the process's folder itself
 *
 * Removes this process's temporaries: everything when the application ends, or those of one
 * candidate when they are erased.
 */
void
acq_store_remove_temp (const char *data_dir, const char *prefix)
{
  g_autofree char *dir = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;

  g_return_if_fail (data_dir != NULL);

  g_mutex_lock (&runs_lock);
  if (runs != NULL && g_hash_table_contains (runs, data_dir))
    {
      dir = g_strdup (((Run *) g_hash_table_lookup (runs, data_dir))->dir);
      if (prefix == NULL)
        {
          remove_tree (dir);
          g_hash_table_remove (runs, data_dir);
        }
    }
  g_mutex_unlock (&runs_lock);
  if (dir == NULL || prefix == NULL)
    return;
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        remove_tree (path);
      }
}
