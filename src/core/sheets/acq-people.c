/* acq-people.c — the people a candidate writes about, and the names a jury never reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CIP candidate writes about job seekers, RSA recipients, people with disabilities; the RGPD
 * says their names must not leave in a dossier that a jury reads. The candidate's text is
 * kept as written (user text is sacred, and "Mme Martin" means something to her); the names
 * are replaced in the outputs only: the Dossier Professionnel, the map's exports, the fiche de
 * préparation au jury.
 *
 * The list (person_mention) holds the names the candidate answered: accepted, with the
 * replacement the outputs print, or dismissed (not a person, or a name that may stay).
 * Suggestions are computed from a text each time, never stored: a name that looks like a
 * person's and is not listed is a suggestion not yet answered. A name looks like a person's
 * when a title comes before it ("Mme Martin", "M. Dupont", "Docteur Roux"), or when it is a
 * capitalised word, not at a sentence's start, that the dictionary and the certification's
 * wording do not know (the caller says which words are known: spell/ stands beside this
 * folder, not under it). Matching is whole-word and case-sensitive on the name as written,
 * the longest name first, so that "Mme Martin" wins over "Martin".
 */
#define G_LOG_DOMAIN "acq-people"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-people.h"
#include "acq-sql-private.h"
#include "acq-text.h"

G_DEFINE_BOXED_TYPE (AcqPersonMention, acq_person_mention, acq_person_mention_copy,
                     acq_person_mention_free)

#define MENTION_COLUMNS "uuid, candidate_uuid, name, replacement, state, created_at, updated_at"

static const char sql_save[] =
  "INSERT INTO person_mention (" MENTION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
  " ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, replacement = excluded.replacement,"
  " state = excluded.state, updated_at = excluded.updated_at";
static const char sql_delete[] = "DELETE FROM person_mention WHERE uuid = ?1";
static const char sql_list[] =
  "SELECT " MENTION_COLUMNS " FROM person_mention WHERE candidate_uuid = ?1"
  " ORDER BY name COLLATE NOCASE, created_at, uuid";

/* The titles before a name, as French writes them; those marked end with a period. */
static const struct
{
  const char *word;
  gboolean    period;
} titles[] = {
  { "M", TRUE },         { "MM", TRUE },          { "Mme", FALSE },       { "Mmes", FALSE },
  { "Mlle", FALSE },     { "Mlles", FALSE },      { "Madame", FALSE },    { "Monsieur", FALSE },
  { "Mademoiselle", FALSE }, { "Dr", FALSE },     { "Docteur", FALSE },   { "Docteure", FALSE },
  { "Pr", FALSE },       { "Professeur", FALSE }, { "Professeure", FALSE }, { "Maître", FALSE },
};

/* The most capitalised words a name runs over: "Mme Anne-Sophie Martin Roux". */
#define MAX_NAME_WORDS 4

/* A text cut into characters, and its words. */
typedef struct
{
  const char *text;
  int         n;
  gunichar   *chars;
  gsize      *bytes;    /* n + 1 byte offsets */
  GArray     *words;    /* (element-type Word) */
  gboolean   *taken;    /* n: inside a match already */
} Text;

typedef struct
{
  int start;
  int end;
} Word;

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F;
}

static void
text_init (Text *t, const char *text)
{
  const char *p = text;
  int i = 0;

  t->text = text;
  t->n = g_utf8_strlen (text, -1);
  t->chars = g_new (gunichar, t->n + 1);
  t->bytes = g_new (gsize, t->n + 1);
  t->taken = g_new0 (gboolean, t->n + 1);
  for (; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      t->chars[i] = g_utf8_get_char (p);
      t->bytes[i] = p - text;
    }
  t->bytes[t->n] = p - text;
  t->words = g_array_new (FALSE, FALSE, sizeof (Word));
  for (i = 0; i < t->n;)
    {
      Word word;

      if (!g_unichar_isalpha (t->chars[i]))
        {
          i++;
          continue;
        }
      word.start = i;
      while (i < t->n && (g_unichar_isalpha (t->chars[i]) ||
                          (is_hyphen (t->chars[i]) && i + 1 < t->n &&
                           g_unichar_isalpha (t->chars[i + 1]))))
        i++;
      word.end = i;
      g_array_append_val (t->words, word);
    }
}

static void
text_clear (Text *t)
{
  g_free (t->chars);
  g_free (t->bytes);
  g_free (t->taken);
  g_array_unref (t->words);
}

static gboolean
word_is (const Text *t, const Word *word, const char *literal)
{
  gsize len = t->bytes[word->end] - t->bytes[word->start];

  return strlen (literal) == len && memcmp (t->text + t->bytes[word->start], literal, len) == 0;
}

/* Its first letter in capitals; @title_case: and a small letter after it, unlike an acronym. */
static gboolean
is_capitalised (const Text *t, const Word *word, gboolean title_case)
{
  if (!g_unichar_isupper (t->chars[word->start]))
    return FALSE;
  if (!title_case)
    return TRUE;
  for (int i = word->start + 1; i < word->end; i++)
    if (g_unichar_islower (t->chars[i]))
      return TRUE;
  return FALSE;
}

/* Nothing but blanks, quotes and dashes between the text's start, a line's start or the end
 * of a sentence and the word. */
static gboolean
starts_sentence (const Text *t, int start)
{
  for (int i = start - 1; i >= 0; i--)
    {
      gunichar c = t->chars[i];

      if (c == '\n' || c == '.' || c == '!' || c == '?' || c == 0x2026)
        return TRUE;
      if (!is_blank (c) && !g_unichar_isspace (c) && c != '"' && c != '(' && c != 0xAB &&
          c != 0x201C && !is_hyphen (c) && c != 0x2013 && c != 0x2014 && c != 0x2022 &&
          c != '*')
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_title (const Text *t, const Word *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (word_is (t, word, titles[i].word))
      return TRUE;
  return FALSE;
}

static gboolean
is_free (const Text *t, int start, int end)
{
  for (int i = start; i < end; i++)
    if (t->taken[i])
      return FALSE;
  return TRUE;
}

static void
add_match (Text *t, GPtrArray *matches, int start, int end, AcqPersonMatchKind kind,
           const AcqPersonMention *mention)
{
  AcqPersonMatch *match = g_new0 (AcqPersonMatch, 1);

  match->start = start;
  match->end = end;
  match->kind = kind;
  match->name = g_strndup (t->text + t->bytes[start], t->bytes[end] - t->bytes[start]);
  match->mention = mention;
  for (int i = start; i < end; i++)
    t->taken[i] = TRUE;
  g_ptr_array_add (matches, match);
}

/* The character at a byte offset of the text (a match's start or end: a boundary). */
static int
char_at_byte (const Text *t, gsize byte)
{
  int low = 0, high = t->n;

  while (low < high)
    {
      int mid = (low + high) / 2;

      if (t->bytes[mid] < byte)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || is_hyphen (c);
}

static int
by_length_desc (gconstpointer a, gconstpointer b)
{
  const AcqPersonMention *ma = *(const AcqPersonMention *const *) a;
  const AcqPersonMention *mb = *(const AcqPersonMention *const *) b;
  gsize la = strlen (ma->name), lb = strlen (mb->name);

  return la < lb ? 1 : la > lb ? -1 : g_strcmp0 (ma->name, mb->name);
}

/* Every whole-word occurrence of the listed names, the longest first; @accepted_only: the
 * dismissed ones left out. */
static void
find_listed (Text *t, GPtrArray *mentions, gboolean accepted_only, GPtrArray *matches)
{
  g_autoptr (GPtrArray) sorted = NULL;

  if (mentions == NULL || mentions->len == 0)
    return;
  sorted = g_ptr_array_copy (mentions, NULL, NULL);
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, by_length_desc);
  for (guint m = 0; m < sorted->len; m++)
    {
      const AcqPersonMention *mention = g_ptr_array_index (sorted, m);
      gsize len = mention->name ? strlen (mention->name) : 0;
      const char *found = t->text;

      if (len == 0 || (accepted_only && mention->state != ACQ_PERSON_ACCEPTED))
        continue;
      while ((found = strstr (found, mention->name)) != NULL)
        {
          int start = char_at_byte (t, found - t->text);
          int end = char_at_byte (t, found - t->text + len);

          found += len;
          if ((start > 0 && is_word_char (t->chars[start - 1])) ||
              (end < t->n && is_word_char (t->chars[end])) || !is_free (t, start, end))
            continue;
          add_match (t, matches, start, end,
                     mention->state == ACQ_PERSON_ACCEPTED ? ACQ_PERSON_MATCH_REPLACED
                                                           : ACQ_PERSON_MATCH_DISMISSED,
                     mention);
        }
    }
}

/* The next word, when one blank (or two) separates it from @end, on the same line. */
static const Word *
word_after (const Text *t, guint index, int end)
{
  const Word *next;
  int gap;

  if (index + 1 >= t->words->len)
    return NULL;
  next = &g_array_index (t->words, Word, index + 1);
  gap = next->start - end;
  if (gap < 1 || gap > 2)
    return NULL;
  for (int i = end; i < next->start; i++)
    if (!is_blank (t->chars[i]))
      return NULL;
  return next;
}

static gboolean
is_known (const Text *t, const Word *word, AcqPeopleKnownFunc known, gpointer user_data)
{
  return known (t->text + t->bytes[word->start], t->bytes[word->end] - t->bytes[word->start],
                user_data);
}

/* "Mme Martin", "M. Dupont", "Docteur Anne Roux": a title, then capitalised words. */
static void
find_titled (Text *t, AcqPeopleKnownFunc known, gpointer user_data, GPtrArray *matches)
{
  for (guint w = 0; w < t->words->len; w++)
    {
      const Word *title = &g_array_index (t->words, Word, w);
      const Word *word;
      int end = title->end;
      guint last = w;
      if (!is_title (t, title))
        continue;
      if (end < t->n && t->chars[end] == '.')
        end++;
      else if (word_is (t, title, "M") || word_is (t, title, "MM"))
        continue;
      word = word_after (t, w, end);
      /* "M. D.": an initial is already what the outputs print */
      if (word == NULL || !is_capitalised (t, word, FALSE) || word->end - word->start < 2)
        continue;
      end = word->end;
      last = w + 1;
      /* "Mme Anne Martin": the words after the first, while capitalised and not known */
      while (last - w < MAX_NAME_WORDS && (word = word_after (t, last, end)) != NULL &&
             is_capitalised (t, word, TRUE) &&
             (known == NULL || !is_known (t, word, known, user_data)))
        {
          end = word->end;
          last++;
        }
      if (is_free (t, title->start, end))
        add_match (t, matches, title->start, end, ACQ_PERSON_MATCH_SUGGESTED, NULL);
      w = last;
    }
}

/* "… avec Dupont", "… chez Anne Lefebvre": capitalised words not at a sentence's start, one
 * of which the dictionary does not know. */
static void
find_capitalised (Text *t, AcqPeopleKnownFunc known, gpointer user_data, GPtrArray *matches)
{
  for (guint w = 0; w < t->words->len; w++)
    {
      const Word *first = &g_array_index (t->words, Word, w);
      const Word *word = first;
      int end = first->end;
      guint last = w;
      gboolean unknown;

      /* a title without a name after it ("Mme la maire") names nobody */
      if (!is_capitalised (t, first, TRUE) || starts_sentence (t, first->start) ||
          t->taken[first->start] || is_title (t, first))
        continue;
      unknown = !is_known (t, first, known, user_data);
      while (last - w + 1 < MAX_NAME_WORDS && (word = word_after (t, last, end)) != NULL &&
             is_capitalised (t, word, TRUE) && !t->taken[word->start])
        {
          unknown |= !is_known (t, word, known, user_data);
          end = word->end;
          last++;
        }
      if (unknown && is_free (t, first->start, end))
        add_match (t, matches, first->start, end, ACQ_PERSON_MATCH_SUGGESTED, NULL);
      w = last;
    }
}

static int
by_start (gconstpointer a, gconstpointer b)
{
  const AcqPersonMatch *ma = *(const AcqPersonMatch *const *) a;
  const AcqPersonMatch *mb = *(const AcqPersonMatch *const *) b;

  return ma->start - mb->start;
}

/**
 * acq_person_mention_new:
 * @candidate_uuid: the candidate who writes about the person
 * @name: the name as written
 * @replacement: (nullable): what the outputs print instead; %NULL: the default one
 *   (acq_people_default_replacement())
 * @state: accepted or dismissed
 *
 * Returns: (transfer full): an entry, not stored yet: acq_person_mention_save() stores it
 */
AcqPersonMention *
acq_person_mention_new (const char *candidate_uuid, const char *name, const char *replacement,
                        AcqPersonState state)
{
  AcqPersonMention *mention;

  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  mention = g_new0 (AcqPersonMention, 1);
  mention->uuid = acq_store_new_uuid ();
  mention->candidate_uuid = g_strdup (candidate_uuid);
  mention->name = g_strdup (name);
  mention->replacement = replacement ? g_strdup (replacement)
                                     : acq_people_default_replacement (name);
  mention->state = state;
  return mention;
}

AcqPersonMention *
acq_person_mention_copy (const AcqPersonMention *mention)
{
  AcqPersonMention *copy = g_memdup2 (mention, sizeof *mention);

  copy->uuid = g_strdup (mention->uuid);
  copy->candidate_uuid = g_strdup (mention->candidate_uuid);
  copy->name = g_strdup (mention->name);
  copy->replacement = g_strdup (mention->replacement);
  copy->created_at = g_strdup (mention->created_at);
  copy->updated_at = g_strdup (mention->updated_at);
  return copy;
}

void
acq_person_mention_free (AcqPersonMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->uuid);
  g_free (mention->candidate_uuid);
  g_free (mention->name);
  g_free (mention->replacement);
  g_free (mention->created_at);
  g_free (mention->updated_at);
  g_free (mention);
}

/**
 * acq_person_mention_validate:
 * @mention: an entry
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error
 *
 * Returns: %TRUE if the name is written, and an accepted entry has a replacement that does
 *   not give the name back
 */
gboolean
acq_person_mention_validate (const AcqPersonMention *mention, GError **error)
{
  g_return_val_if_fail (mention != NULL, FALSE);

  if (!acq_text_validate (mention->name, ACQ_PERSON_NAME_MAX_CHARS, _("Name"), error) ||
      !acq_text_validate (mention->replacement, ACQ_PERSON_NAME_MAX_CHARS, _("Replacement"),
                          error))
    return FALSE;
  if (acq_text_is_blank (mention->name))
    {
      g_set_error_literal (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                           _("The name is empty. Write it as it is in the sheets."));
      return FALSE;
    }
  if (mention->state == ACQ_PERSON_ACCEPTED &&
      (acq_text_is_blank (mention->replacement) ||
       strstr (mention->replacement, mention->name) != NULL))
    {
      g_set_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                   _("Write what the dossier prints instead of “%s”, without the name itself: "
                     "initials, or “the person I supported”."), mention->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_person_mention_save:
 * @store: the store
 * @mention: an entry, new or stored
 * @error: where to put an error
 *
 * Stores the entry, or its new name, replacement and state; on success its timestamps are
 * set.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_person_mention_save (AcqStore *store, AcqPersonMention *mention, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (mention != NULL, FALSE);

  if (!acq_person_mention_validate (mention, error) ||
      !(stmt = acq_store_prepare (store, sql_save, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, mention->uuid);
  _acq_sql_bind_text (stmt, 2, mention->candidate_uuid);
  _acq_sql_bind_text (stmt, 3, mention->name);
  _acq_sql_bind_text (stmt, 4, mention->replacement ? mention->replacement : "");
  sqlite3_bind_int (stmt, 5, mention->state);
  _acq_sql_bind_text (stmt, 6, now);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;
  if (mention->created_at == NULL)
    mention->created_at = g_strdup (now);
  g_free (mention->updated_at);
  mention->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/**
 * acq_person_mention_delete:
 * @store: the store
 * @mention: a stored entry
 * @error: where to put an error
 *
 * The name becomes a suggestion again where it is written. To undo, save a copy again.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_person_mention_delete (AcqStore *store, const AcqPersonMention *mention, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (mention != NULL, FALSE);

  if (!(stmt = acq_store_prepare (store, sql_delete, error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, mention->uuid);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_person_mention_list:
 * @store: the store
 * @candidate_uuid: a candidate
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqPersonMention): the names the candidate answered,
 *   by name, or %NULL
 */
GPtrArray *
acq_person_mention_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_person_mention_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!(stmt = acq_store_prepare (store, sql_list, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqPersonMention *mention = g_new0 (AcqPersonMention, 1);

      mention->uuid = _acq_sql_column_dup (stmt, 0);
      mention->candidate_uuid = _acq_sql_column_dup (stmt, 1);
      mention->name = _acq_sql_column_dup (stmt, 2);
      mention->replacement = _acq_sql_column_dup (stmt, 3);
      mention->state = sqlite3_column_int (stmt, 4) == ACQ_PERSON_DISMISSED
                       ? ACQ_PERSON_DISMISSED : ACQ_PERSON_ACCEPTED;
      mention->created_at = _acq_sql_column_dup (stmt, 5);
      mention->updated_at = _acq_sql_column_dup (stmt, 6);
      g_ptr_array_add (list, mention);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "listing the people mentioned");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * acq_person_mention_find:
 * @mentions: (element-type AcqPersonMention): a candidate's list
 * @name: a name as written
 *
 * Returns: (nullable) (transfer none): the entry for exactly @name, the one changed last if
 *   the two sides of an exchange each listed it
 */
const AcqPersonMention *
acq_person_mention_find (GPtrArray *mentions, const char *name)
{
  const AcqPersonMention *found = NULL;

  for (guint i = 0; mentions != NULL && name != NULL && i < mentions->len; i++)
    {
      const AcqPersonMention *mention = g_ptr_array_index (mentions, i);

      if (g_strcmp0 (mention->name, name) == 0 &&
          (found == NULL || g_strcmp0 (mention->updated_at, found->updated_at) > 0))
        found = mention;
    }
  return found;
}

void
acq_person_match_free (AcqPersonMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match);
}

/**
 * acq_people_default_replacement:
 * @name: a name as written
 *
 * The replacement proposed: the title kept, the names as initials ("Mme Martin" → "Mme M.",
 * "M. Dupont" → "M. D.", "Martin" → "M.", "Anne Roux" → "A. R.").
 *
 * Returns: (transfer full): the replacement
 */
char *
acq_people_default_replacement (const char *name)
{
  g_autoptr (GString) out = g_string_new (NULL);
  Text t = { 0 };
  guint first = 0;

  g_return_val_if_fail (name != NULL, NULL);
  text_init (&t, name);
  if (t.words->len == 0)
    {
      text_clear (&t);
      return g_strdup (name);
    }
  if (is_title (&t, &g_array_index (t.words, Word, 0)))
    first = 1;
  /* a title alone names nobody: nothing to hide */
  if (first == 1 && t.words->len == 1)
    {
      text_clear (&t);
      return g_strdup (name);
    }
  if (first == 1)
    g_string_append_len (out, name, t.bytes[g_array_index (t.words, Word, 1).start]);
  for (guint w = first; w < t.words->len; w++)
    {
      const Word *word = &g_array_index (t.words, Word, w);

      if (w > first)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, g_unichar_toupper (t.chars[word->start]));
      g_string_append_c (out, '.');
    }
  text_clear (&t);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * acq_people_find:
 * @text: a text in UTF-8 (a rubric, a title)
 * @mentions: (nullable) (element-type AcqPersonMention): the candidate's list
 * @known: (nullable) (scope call): whether a word is known (the dictionary, the
 *   certification's wording); %NULL: no dictionary, capitalised words are not suggested
 * @user_data: given to @known
 *
 * The names of @text: the listed ones (the longest first), then those that look like a
 * person's and are not listed: after a title, or capitalised, unknown and not at a sentence's
 * start. Pure: the same text and list give the same names.
 *
 * Returns: (transfer full) (element-type AcqPersonMatch): the names, in the text's order
 */
GPtrArray *
acq_people_find (const char *text, GPtrArray *mentions, AcqPeopleKnownFunc known,
                 gpointer user_data)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_person_match_free);
  Text t = { 0 };

  if (text == NULL || *text == '\0')
    return matches;
  text_init (&t, text);
  find_listed (&t, mentions, FALSE, matches);
  find_titled (&t, known, user_data, matches);
  if (known != NULL)
    find_capitalised (&t, known, user_data, matches);
  text_clear (&t);
  g_ptr_array_sort (matches, by_start);
  return matches;
}

/**
 * acq_people_find_unanswered:
 * @text: a text in UTF-8
 * @mentions: (nullable) (element-type AcqPersonMention): the candidate's list
 * @known: (nullable) (scope call): as acq_people_find() takes it
 * @user_data: given to @known
 *
 * Returns: (transfer full): the names suggested in @text and not answered yet, each once, in
 *   the text's order; empty when there are none
 */
GStrv
acq_people_find_unanswered (const char *text, GPtrArray *mentions, AcqPeopleKnownFunc known,
                            gpointer user_data)
{
  g_autoptr (GPtrArray) matches = acq_people_find (text, mentions, known, user_data);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < matches->len; i++)
    {
      AcqPersonMatch *match = g_ptr_array_index (matches, i);

      if (match->kind == ACQ_PERSON_MATCH_SUGGESTED && g_hash_table_add (seen, match->name))
        g_strv_builder_add (builder, match->name);
    }
  return g_strv_builder_end (builder);
}

/**
 * acq_people_replace:
 * @text: (nullable): a text in UTF-8, as the candidate wrote it
 * @mentions: (nullable) (element-type AcqPersonMention): the candidate's list; only the
 *   accepted entries replace
 *
 * What an output prints: every accepted name, whole-word and case-sensitive, the longest
 * first, replaced. The text stored is never changed: call this on a copy on its way out.
 *
 * Returns: (transfer full) (nullable): the text with the names replaced, %NULL for %NULL
 */
char *
acq_people_replace (const char *text, GPtrArray *mentions)
{
  g_autoptr (GPtrArray) matches = NULL;
  GString *out;
  Text t = { 0 };
  gsize from = 0;

  if (text == NULL)
    return NULL;
  if (mentions == NULL || mentions->len == 0 || *text == '\0')
    return g_strdup (text);
  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_person_match_free);
  text_init (&t, text);
  find_listed (&t, mentions, TRUE, matches);
  g_ptr_array_sort (matches, by_start);
  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < matches->len; i++)
    {
      AcqPersonMatch *match = g_ptr_array_index (matches, i);

      g_string_append_len (out, text + from, t.bytes[match->start] - from);
      g_string_append (out, match->mention->replacement);
      from = t.bytes[match->end];
    }
  g_string_append (out, text + from);
  text_clear (&t);
  return g_string_free (out, FALSE);
}
