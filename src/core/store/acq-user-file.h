/* acq-user-file.h — opening a file the user chose, without ever blocking on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int           acq_user_file_open (const char    *path,
                                  GError       **error);
GInputStream *acq_user_file_read (const char    *path,
                                  GError       **error);

G_END_DECLS
