/* acq-people.h — the people a candidate writes about, and the names a jury never reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

/* Longest name or replacement accepted, in characters. */
#define ACQ_PERSON_NAME_MAX_CHARS 200

/* Stored as integers (person_mention.state): never renumber. */
typedef enum
{
  ACQ_PERSON_ACCEPTED,  /* replaced by its replacement in every output */
  ACQ_PERSON_DISMISSED, /* not a person, or a name that may stay: left as written */
} AcqPersonState;

/**
 * AcqPersonMention:
 * @uuid: its id
 * @candidate_uuid: the candidate who writes about the person
 * @name: the name as written in the sheets ("Mme Martin"), matched whole-word and
 *   case-sensitive
 * @replacement: what the outputs print instead ("Mme M."), when @state is accepted
 * @state: accepted or dismissed; a name found in a text and not listed is a suggestion not yet
 *   answered
 * @created_at: (nullable): when it was stored
 * @updated_at: (nullable): when it was last changed
 */
typedef struct
{
  char          *uuid;
  char          *candidate_uuid;
  char          *name;
  char          *replacement;
  AcqPersonState state;
  char          *created_at;
  char          *updated_at;
} AcqPersonMention;

typedef enum
{
  ACQ_PERSON_MATCH_REPLACED,  /* a listed name, accepted: the outputs replace it */
  ACQ_PERSON_MATCH_DISMISSED, /* a listed name, dismissed: left as it is */
  ACQ_PERSON_MATCH_SUGGESTED, /* looks like a person's name, not answered yet */
} AcqPersonMatchKind;

/**
 * AcqPersonMatch:
 * @start: where the name begins in the text, in characters
 * @end: the character after it
 * @kind: listed (accepted or dismissed) or suggested
 * @name: the name as written in the text
 * @mention: (nullable): the listed entry it matches, borrowed from the list given
 */
typedef struct
{
  int                     start;
  int                     end;
  AcqPersonMatchKind      kind;
  char                   *name;
  const AcqPersonMention *mention;
} AcqPersonMatch;

/* Whether a word is known (the dictionary, the certification's wording): a capitalised word
 * that is not known, and not at a sentence's start, is suggested as a name. */
typedef gboolean (*AcqPeopleKnownFunc) (const char *word,
                                        gssize      length,
                                        gpointer    user_data);

#define ACQ_TYPE_PERSON_MENTION (acq_person_mention_get_type ())
GType             acq_person_mention_get_type (void);
AcqPersonMention *acq_person_mention_new      (const char             *candidate_uuid,
                                               const char             *name,
                                               const char             *replacement,
                                               AcqPersonState          state);
AcqPersonMention *acq_person_mention_copy     (const AcqPersonMention *mention);
void              acq_person_mention_free     (AcqPersonMention       *mention);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqPersonMention, acq_person_mention_free)

gboolean          acq_person_mention_validate (const AcqPersonMention *mention,
                                               GError                **error);
gboolean          acq_person_mention_save     (AcqStore               *store,
                                               AcqPersonMention       *mention,
                                               GError                **error);
gboolean          acq_person_mention_delete   (AcqStore               *store,
                                               const AcqPersonMention *mention,
                                               GError                **error);
GPtrArray        *acq_person_mention_list     (AcqStore               *store,
                                               const char             *candidate_uuid,
                                               GError                **error);
const AcqPersonMention *acq_person_mention_find (GPtrArray            *mentions,
                                                 const char           *name);

void              acq_person_match_free       (AcqPersonMatch         *match);
char             *acq_people_default_replacement (const char          *name);
GPtrArray        *acq_people_find             (const char             *text,
                                               GPtrArray              *mentions,
                                               AcqPeopleKnownFunc      known,
                                               gpointer                user_data);
GStrv             acq_people_find_unanswered  (const char             *text,
                                               GPtrArray              *mentions,
                                               AcqPeopleKnownFunc      known,
                                               gpointer                user_data);
char             *acq_people_replace          (const char             *text,
                                               GPtrArray              *mentions);

G_END_DECLS
