/* acq-practice-date.h — a day typed or picked, for the parcours and the livret's editors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean  acq_practice_date_parse      (const char  *text,
                                        GDate       *out_date);
char     *acq_practice_date_to_text    (const GDate *date);
char     *acq_practice_date_label      (const GDate *date);
void      acq_practice_date_bind       (AdwEntryRow *row,
                                        GtkCalendar *calendar);

G_END_DECLS
