/* acq-output-file.h — files the user asked for, written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int       acq_output_file_open      (const char  *path,
                                     char       **out_tmp_path);
gboolean  acq_output_file_write_all (int          fd,
                                     const void  *data,
                                     gsize        length);
gboolean  acq_output_file_commit    (int          fd,
                                     const char  *tmp_path,
                                     const char  *path);
void      acq_output_file_abandon   (int          fd,
                                     const char  *tmp_path);
gboolean  acq_output_file_copy      (const char  *source,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
