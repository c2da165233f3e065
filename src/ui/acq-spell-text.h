/* acq-spell-text.h — French spell checking of a text view, off the typing path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-spell-checker.h"

G_BEGIN_DECLS

/* A pause this long in the typing checks the paragraphs that changed. */
#define ACQ_SPELL_PAUSE_MS 500
/* The most time one turn of the main loop gives to checking; the rest waits for the next. */
#define ACQ_SPELL_SLICE_MS 4

#define ACQ_TYPE_SPELL_TEXT (acq_spell_text_get_type ())
G_DECLARE_FINAL_TYPE (AcqSpellText, acq_spell_text, ACQ, SPELL_TEXT, GObject)

AcqSpellText    *acq_spell_text_attach        (GtkTextView *view);
AcqSpellChecker *acq_spell_text_get_checker   (void);
void             acq_spell_text_learn         (AcqStore    *store,
                                               const char  *certification_uuid);
void             acq_spell_text_learn_words   (const char  *text);
AcqSpellChecker *acq_spell_text_get_ready_checker (void);

G_END_DECLS
