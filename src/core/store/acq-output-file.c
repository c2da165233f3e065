/* acq-output-file.c — files the user asked for, written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-output-file"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "acq-output-file.h"

/* Every file Acquis writes for the user (a dossier, a map, an exchange file, a backup) holds
 * personal data and may replace an older one: it is written private (0600) under a hidden
 * ".part" name beside its final name, synced, then renamed over it. A full disk, a crash or a
 * cancel leaves the previous file as it was and no half-written one under the final name.
 * These functions report failures through errno, so that each caller words its own error. */

/**
 * acq_output_file_open:
 * @path: the final name of the file
 * @out_tmp_path: (out) (transfer full): the temporary name, to give to
 *   acq_output_file_commit() or acq_output_file_abandon()
 *
 * Creates the temporary file, readable and writable by the user only, in the folder of @path.
 *
 * Returns: a descriptor open for writing, or -1 with errno set
 */
int
acq_output_file_open (const char *path, char **out_tmp_path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX.part", dir, base);
  int fd;

  g_return_val_if_fail (path != NULL && out_tmp_path != NULL, -1);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0)
    *out_tmp_path = g_steal_pointer (&tmp);
  return fd;
}

/* Returns: %FALSE with errno set if the system refused the bytes */
gboolean
acq_output_file_write_all (int fd, const void *data, gsize length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      ssize_t n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      p += n;
      length -= n;
    }
  return TRUE;
}

/* The rename is durable only once the folder itself is synced. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * acq_output_file_commit:
 * @fd: the descriptor acq_output_file_open() returned; closed in every case
 * @tmp_path: the temporary name it gave
 * @path: the final name
 *
 * Syncs the file to the disk and renames it over @path. On failure the temporary file is
 * removed and @path keeps what it held.
 *
 * Returns: %TRUE if @path now holds the new file, %FALSE with errno set otherwise
 */
gboolean
acq_output_file_commit (int fd, const char *tmp_path, const char *path)
{
  int saved = 0;

  if (fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (tmp_path, path) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_unlink (tmp_path);
      errno = saved;
      return FALSE;
    }
  sync_folder (path);
  return TRUE;
}

/**
 * acq_output_file_abandon:
 * @fd: the descriptor acq_output_file_open() returned, or -1 if already closed
 * @tmp_path: the temporary name it gave
 *
 * Gives the file up: the temporary file is removed, and errno is kept for the caller's
 * message.
 */
void
acq_output_file_abandon (int fd, const char *tmp_path)
{
  int saved = errno;

  if (fd >= 0)
    close (fd);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  errno = saved;
}

/**
 * acq_output_file_copy:
 * @source: a file Acquis made, such as the dossier's preview
 * @path: where the user wants a copy
 * @error: where to put an error
 *
 * Copies @source to @path the way every output is written: the whole copy or nothing,
 * readable by the user only.
 *
 * Returns: %FALSE with a sentence in @error if the copy could not be written
 */
gboolean
acq_output_file_copy (const char *source, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;
  gsize length;
  int fd, saved;

  g_return_val_if_fail (source != NULL && path != NULL, FALSE);

  if (!g_file_get_contents (source, &contents, &length, error))
    return FALSE;
  fd = acq_output_file_open (path, &tmp);
  if (fd >= 0 && !acq_output_file_write_all (fd, contents, length))
    acq_output_file_abandon (fd, tmp); /* errno is kept */
  else if (fd >= 0 && acq_output_file_commit (fd, tmp, path))
    return TRUE;
  saved = errno;
  name = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               _("“%s” could not be written: %s. Check that the folder exists and that you may "
                 "write in it."), name, g_strerror (saved));
  return FALSE;
}
