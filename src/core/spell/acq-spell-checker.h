/* acq-spell-checker.h — French spelling: the words of a text that the dictionary does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

/* The most suggestions offered for a word. */
#define ACQ_SPELL_MAX_SUGGESTIONS 5

/**
 * AcqSpellRange:
 * @start: the first character of a misspelt word, an offset in characters from the start of
 *   the text checked
 * @end: the character after its last one
 */
typedef struct
{
  int start;
  int end;
} AcqSpellRange;

#define ACQ_TYPE_SPELL_CHECKER (acq_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (AcqSpellChecker, acq_spell_checker, ACQ, SPELL_CHECKER, GObject)

AcqSpellChecker *acq_spell_checker_new             (void);
AcqSpellChecker *acq_spell_checker_new_for_languages (const char *const *languages);
AcqSpellChecker *acq_spell_checker_get_default     (void);
gboolean         acq_spell_checker_get_available   (AcqSpellChecker *self);
const char      *acq_spell_checker_get_language    (AcqSpellChecker *self);

gboolean         acq_spell_checker_check_word      (AcqSpellChecker *self,
                                                    const char      *word,
                                                    gssize           length);
GStrv            acq_spell_checker_suggest         (AcqSpellChecker *self,
                                                    const char      *word,
                                                    gssize           length);
void             acq_spell_checker_add_to_personal (AcqSpellChecker *self,
                                                    const char      *word);
void             acq_spell_checker_ignore          (AcqSpellChecker *self,
                                                    const char      *word);
void             acq_spell_checker_add_known_words (AcqSpellChecker *self,
                                                    const char      *text);
gboolean         acq_spell_checker_add_known_from_store (AcqSpellChecker *self,
                                                         AcqStore        *store,
                                                         const char      *certification_uuid,
                                                         GError         **error);

GArray          *acq_spell_checker_find_misspelt   (AcqSpellChecker *self,
                                                    const char      *text,
                                                    gssize           length);

G_END_DECLS
