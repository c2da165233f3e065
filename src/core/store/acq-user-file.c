/* acq-user-file.c — opening a file the user chose, without ever blocking on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name given by the user (a file chooser, the command line, a synchronised folder) may be a
 * named pipe, a device or a folder: a plain open() of a pipe waits for a writer forever, and
 * a read of a device may never end. Every file the user chooses is opened here: without
 * blocking, then refused unless it is a regular file, and only then made blocking again for
 * the readers that expect it.
 */
#define G_LOG_DOMAIN "acq-user-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-user-file.h"

static int
fail_errno (const char *path, int saved_errno, GError **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Acquis cannot open “%s”: %s."), name, g_strerror (saved_errno));
  errno = saved_errno;
  return -1;
}

/**
 * acq_user_file_open:
 * @path: a file the user chose
 * @error: where to put a #GIOError: %G_IO_ERROR_NOT_REGULAR_FILE for a folder, a pipe or a
 *   device, or the error of open()
 *
 * Opens @path for reading, at once whatever it is: a named pipe or a device is refused
 * without waiting for it, with a sentence that says so. The descriptor returned is blocking
 * and closed on exec.
 *
 * Returns: a file descriptor to close(), or -1 with @error set (and errno)
 */
int
acq_user_file_open (const char *path, GError **error)
{
  struct stat st;
  int fd, flags;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return fail_errno (path, errno, error);
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      return fail_errno (path, saved, error);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *name = g_filename_display_basename (path);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (it is a folder, a pipe or a device), so "
                     "Acquis cannot read it. Choose a file saved on a disk and try again."),
                   name);
      errno = EINVAL;
      return -1;
    }
  /* A regular file never blocks a read for long, but the readers expect blocking reads. */
  flags = fcntl (fd, F_GETFL);
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
    {
      int saved = errno;

      close (fd);
      return fail_errno (path, saved, error);
    }
  return fd;
}

/**
 * acq_user_file_read:
 * @path: a file the user chose
 * @error: where to put a #GIOError, as acq_user_file_open()
 *
 * Returns: (transfer full) (nullable): a stream over @path (a regular file), or %NULL
 */
GInputStream *
acq_user_file_read (const char *path, GError **error)
{
  int fd = acq_user_file_open (path, error);

  if (fd < 0)
    return NULL;
  return g_unix_input_stream_new (fd, TRUE);
}
