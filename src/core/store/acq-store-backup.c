/* acq-store-backup.c — daily rotating backups, and what to do with a damaged file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "acq-output-file.h"
#include "acq-store-private.h"

#define BACKUP_PREFIX "acquis-"
#define BACKUP_SUFFIX ".db"

char *
acq_store_backup_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "backups", NULL);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * acq_store_list_backups:
 * @data_dir: the data folder
 *
 * Returns: (transfer full) (element-type utf8): the paths of the backups, oldest first
 */
GPtrArray *
acq_store_list_backups (const char *data_dir)
{
  g_autofree char *dir_path = acq_store_backup_dir (data_dir);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* acquis-YYYY-MM-DD.db: the date in the name sorts the backups */
      if (g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX) &&
          strlen (name) == strlen (BACKUP_PREFIX "YYYY-MM-DD" BACKUP_SUFFIX))
        g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
    }
  g_ptr_array_sort (paths, compare_strings);
  return paths;
}

static void
remove_backup (const char *path)
{
  if (g_unlink (path) != 0)
    g_warning ("Could not remove old backup %s: %s", path, g_strerror (errno));
}

/* Keeps the last %ACQ_STORE_BACKUPS_KEPT daily backups, and no backup, daily or before an
 * import, from before the last %ACQ_STORE_BACKUPS_MAX_DAYS days (today's included). Only run
 * once today's backup is written: the newest copy left is then today's, a good one. */
static void
prune_backups (const char *data_dir, GDateTime *now)
{
  g_autoptr (GPtrArray) paths = acq_store_list_backups (data_dir);
  g_autoptr (GDateTime) first_day = g_date_time_add_days (now, 1 - ACQ_STORE_BACKUPS_MAX_DAYS);
  g_autofree char *oldest_daily = g_date_time_format (first_day, BACKUP_PREFIX "%Y-%m-%d");
  g_autofree char *oldest_import = g_date_time_format (first_day, "before-import-%Y%m%d");
  g_autofree char *dir_path = acq_store_backup_dir (data_dir);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);

      /* the names sort as their dates */
      if (i + ACQ_STORE_BACKUPS_KEPT < paths->len || strcmp (base, oldest_daily) < 0)
        remove_backup (path);
    }
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "before-import-") && g_str_has_suffix (name, BACKUP_SUFFIX) &&
        strcmp (name, oldest_import) < 0)
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        remove_backup (path);
      }
}

static gboolean
fail_backup (GError **error, const char *dir, int saved_errno)
{
  g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
               _("Acquis could not write a backup in “%s”: %s."), dir, g_strerror (saved_errno));
  return FALSE;
}

/* Writes a copy of the database to @path with `VACUUM INTO` on a connection of its own (so it
 * can run on a worker thread), through a private ".part" file made before SQLite fills it (an
 * empty file is what VACUUM INTO accepts): a backup is whole or absent, and never readable by
 * others, even for a moment. */
static gboolean
write_backup (const char *data_dir, const char *dir, const char *path, GError **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *db_path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc, fd;

  if (!_acq_store_ensure_private_dir (dir, error))
    return FALSE;
  db = _acq_store_open_db (db_path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  /* SQLite opens the copy itself: no descriptor of ours may stay open on it meanwhile */
  if ((fd = acq_output_file_open (path, &tmp)) < 0 || close (fd) != 0)
    {
      int saved = errno;
      sqlite3_close_v2 (db);
      if (tmp != NULL)
        g_unlink (tmp);
      return fail_backup (error, dir, saved);
    }
  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "writing a backup");
      sqlite3_close_v2 (db);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close_v2 (db);

  if ((fd = g_open (tmp, O_WRONLY | O_CLOEXEC, 0)) < 0)
    {
      acq_output_file_abandon (-1, tmp);
      return fail_backup (error, dir, errno);
    }
  if (!acq_output_file_commit (fd, tmp, path))
    return fail_backup (error, dir, errno);
  return TRUE;
}

/**
 * acq_store_backup_daily:
 * @data_dir: the data folder
 * @now: the current time (a parameter so that tests can travel in time)
 * @out_path: (out) (optional) (transfer full): the backup written, or %NULL if today's
 *   backup already existed
 * @error: where to put an error
 *
 * Writes today's backup with `VACUUM INTO` on a connection of its own (so it can run on a
 * worker thread), then keeps only the last %ACQ_STORE_BACKUPS_KEPT, and none, daily or before
 * an import, older than %ACQ_STORE_BACKUPS_MAX_DAYS days. A damaged database is never backed
 * up: VACUUM fails on it and the older, good backups stay, however old.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_store_backup_daily (const char *data_dir, GDateTime *now, char **out_path, GError **error)
{
  g_autofree char *dir = acq_store_backup_dir (data_dir);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, day, BACKUP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *db_path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);

  if (out_path != NULL)
    *out_path = NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!write_backup (data_dir, dir, path, error))
    return FALSE;

  prune_backups (data_dir, now);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * acq_store_backup_before_import:
 * @data_dir: the data folder
 * @out_path: (out) (optional) (transfer full): the backup written
 * @error: where to put an error
 *
 * Writes `backups/before-import-<time>.db` just before an exchange file is merged, whatever
 * the daily backup, so that the state before each import can be restored by hand. The last
 * %ACQ_STORE_BACKUPS_KEPT of them are kept; the daily backup removes those older than
 * %ACQ_STORE_BACKUPS_MAX_DAYS days.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_store_backup_before_import (const char *data_dir, char **out_path, GError **error)
{
  g_autofree char *dir = acq_store_backup_dir (data_dir);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
  g_autofree char *name = g_strconcat ("before-import-", stamp, BACKUP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) listing = NULL;
  const char *entry;

  if (!write_backup (data_dir, dir, path, error))
    return FALSE;
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, "before-import-") && g_str_has_suffix (entry, BACKUP_SUFFIX))
      g_ptr_array_add (paths, g_build_filename (dir, entry, NULL));
  g_ptr_array_sort (paths, compare_strings);
  for (guint i = 0; i + ACQ_STORE_BACKUPS_KEPT < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * acq_store_set_aside_damaged:
 * @data_dir: the data folder
 * @error: where to put an error
 *
 * Renames the database and its -wal and -shm files to `acquis.db.damaged-<time>`, so that a
 * new or restored file can take its place and the damaged one can still be sent for repair.
 *
 * Returns: (transfer full) (nullable): the new path of the damaged file, or %NULL on error or
 *   if there was no file
 */
char *
acq_store_set_aside_damaged (const char *data_dir, GError **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *db_path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);
  g_autofree char *aside = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (db_path, ".damaged-", stamp, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                       _("Acquis could not move the damaged file “%s” aside: %s."), from,
                       g_strerror (saved));
          return NULL;
        }
      if (i == 0)
        aside = g_steal_pointer (&to);
    }
  return g_steal_pointer (&aside);
}

/**
 * acq_store_restore_latest_backup:
 * @data_dir: the data folder
 * @out_damaged_path: (out) (optional) (transfer full): where the damaged file now is
 * @error: where to put an error
 *
 * Sets the current file aside, then copies the newest backup in its place.
 *
 * Returns: %TRUE if a backup was restored
 */
gboolean
acq_store_restore_latest_backup (const char *data_dir, char **out_damaged_path, GError **error)
{
  g_autoptr (GPtrArray) backups = acq_store_list_backups (data_dir);
  g_autofree char *db_path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);
  g_autofree char *damaged = NULL;
  g_autoptr (GFile) source = NULL;
  g_autoptr (GFile) target = NULL;
  GError *local_error = NULL;

  if (backups->len == 0)
    {
      g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND,
                           _("There is no backup to restore yet. Start with an empty file; the "
                             "damaged file will be kept aside."));
      return FALSE;
    }

  damaged = acq_store_set_aside_damaged (data_dir, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  source = g_file_new_for_path (g_ptr_array_index (backups, backups->len - 1));
  target = g_file_new_for_path (db_path);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error) ||
      g_chmod (db_path, 0600) != 0)
    {
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                   _("Acquis could not restore the backup: %s."),
                   local_error ? local_error->message : g_strerror (errno));
      g_clear_error (&local_error);
      return FALSE;
    }

  if (out_damaged_path != NULL)
    *out_damaged_path = g_steal_pointer (&damaged);
  return TRUE;
}
