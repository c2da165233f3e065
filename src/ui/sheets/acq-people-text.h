/* acq-people-text.h — the people's names in a text view: those the outputs replace, those
 * not answered yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-people.h"

G_BEGIN_DECLS

#define ACQ_TYPE_PEOPLE_TEXT (acq_people_text_get_type ())
G_DECLARE_FINAL_TYPE (AcqPeopleText, acq_people_text, ACQ, PEOPLE_TEXT, GObject)

AcqPeopleText *acq_people_text_attach        (GtkTextView   *view);
void           acq_people_text_set_candidate (AcqPeopleText *self,
                                              AcqStore      *store,
                                              const char    *candidate_uuid);

G_END_DECLS
