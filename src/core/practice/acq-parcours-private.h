/* acq-parcours-private.h — the parcours's date helpers, for acq-deadline.c too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  _acq_parcours_parse_date  (const char  *iso,
                                     GDate       *date);
char     *_acq_parcours_format_date (const GDate *date);

G_END_DECLS
