/* acq-spell-checker.c — French spelling: the words of a text that the dictionary does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidates are not writers, and a jury reads every line: the editor underlines the words
 * that Debian's French Hunspell dictionary (through Enchant 2) does not know. This file is the
 * part without GTK: which words a text has, which of them are misspelt, what to suggest.
 *
 * Words are cut with Pango's rules (Unicode's word boundaries, for French), then what Pango
 * cuts at an apostrophe or a hyphen is joined again ("l'écoute", "aujourd’hui"); a hyphenated
 * word is checked whole first ("peut-être"), then each of its parts, and an elision that the
 * dictionary does not know as one word is checked as its two parts, so only the misspelt part
 * is underlined (a hyphenated word whose first part is no word alone is underlined whole).
 * Numbers ("1er", "2021"), words in capitals (acronyms: RNCP, CCP, RSA), addresses and e-mail
 * addresses are never flagged, and neither are the words the checker was told it knows: the
 * certification's own wording (its competences, its blocs) and the names of the people in the
 * store. Without a French dictionary the checker is off: it flags
 * nothing, which is not an error.
 */
#define G_LOG_DOMAIN "acq-spell-checker"

#include "config.h"

#include <enchant.h>
#include <pango/pango.h>
#include <string.h>

#include "acq-referential.h"
#include "acq-spell-checker.h"

struct _AcqSpellChecker
{
  GObject        parent_instance;

  EnchantBroker *broker;
  EnchantDict   *dict;     /* NULL: no French dictionary, nothing is flagged */
  char          *language;
  GHashTable    *known;    /* (element-type utf8): folded words never flagged */
  GMutex         lock;     /* every call takes it: one checker serves every thread */
};

G_DEFINE_FINAL_TYPE (AcqSpellChecker, acq_spell_checker, G_TYPE_OBJECT)

/* The French dictionaries asked for, in order: Debian's hunspell-fr answers to both. */
static const char *const languages[] = { "fr_FR", "fr", NULL };

/* A text cut into characters: where each one starts, and Pango's marks between them. */
typedef struct
{
  const char   *text;
  int           n_chars;
  gsize        *bytes;     /* n_chars + 1 byte offsets */
  PangoLogAttr *attrs;     /* n_chars + 1 */
  gboolean     *skipped;   /* n_chars: inside an address */
} Text;

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gunichar
char_at (const Text *t, int i)
{
  return g_utf8_get_char (t->text + t->bytes[i]);
}

/* A run of characters without spaces that reads as an address: never checked. */
static gboolean
is_address (const char *chunk, gsize length)
{
  return g_strstr_len (chunk, length, "://") != NULL ||
         g_strstr_len (chunk, length, "@") != NULL ||
         (length > 4 && g_ascii_strncasecmp (chunk, "www.", 4) == 0);
}

static void
text_init (Text *t, const char *text, gssize length)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  const char *p = text;
  int start = 0;

  t->text = text;
  t->n_chars = g_utf8_strlen (text, size);
  t->bytes = g_new (gsize, t->n_chars + 1);
  for (int i = 0; i < t->n_chars; i++, p = g_utf8_next_char (p))
    t->bytes[i] = p - text;
  t->bytes[t->n_chars] = size;
  t->attrs = g_new0 (PangoLogAttr, t->n_chars + 1);
  pango_get_log_attrs (text, size, -1, pango_language_from_string ("fr"), t->attrs,
                       t->n_chars + 1);
  t->skipped = g_new0 (gboolean, MAX (t->n_chars, 1));
  for (int i = 0; i <= t->n_chars; i++)
    if (i == t->n_chars || g_unichar_isspace (char_at (t, i)))
      {
        if (i > start && is_address (text + t->bytes[start], t->bytes[i] - t->bytes[start]))
          for (int j = start; j < i; j++)
            t->skipped[j] = TRUE;
        start = i + 1;
      }
}

static void
text_clear (Text *t)
{
  g_clear_pointer (&t->bytes, g_free);
  g_clear_pointer (&t->attrs, g_free);
  g_clear_pointer (&t->skipped, g_free);
}

/* The next word from @from, hyphenated words whole; FALSE at the end of the text. */
static gboolean
next_word (const Text *t, int *from, int *out_start, int *out_end)
{
  int i = *from, j;

  while (i < t->n_chars && !t->attrs[i].is_word_start)
    i++;
  if (i >= t->n_chars)
    return FALSE;
  j = i + 1;
  while (j < t->n_chars && !t->attrs[j].is_word_end)
    j++;
  /* Pango ends a word at an apostrophe or a hyphen: "aujourd'hui", "peut-être" and
   * "c'est-à-dire" are each one word here */
  while (j + 1 < t->n_chars && (is_hyphen (char_at (t, j)) || is_apostrophe (char_at (t, j))) &&
         t->attrs[j + 1].is_word_start)
    {
      j += 2;
      while (j < t->n_chars && !t->attrs[j].is_word_end)
        j++;
    }
  *out_start = i;
  *out_end = j;
  *from = j;
  return TRUE;
}

/* The form words are known by: composed, with a straight apostrophe, case folded. */
static char *
fold_word (const char *word, gssize length)
{
  g_autofree char *normal = g_utf8_normalize (word, length, G_NORMALIZE_NFC);
  g_autoptr (GString) straight = g_string_new (NULL);

  if (normal == NULL)
    return NULL;
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019)
        g_string_append_c (straight, '\'');
      else
        g_string_append_unichar (straight, c);
    }
  return g_utf8_casefold (straight->str, -1);
}

static gboolean
is_known (AcqSpellChecker *self, const char *word, gsize length)
{
  g_autofree char *folded = NULL;

  if (g_hash_table_size (self->known) == 0)
    return FALSE;
  folded = fold_word (word, length);
  return folded != NULL && g_hash_table_contains (self->known, folded);
}

static gboolean
span_is_correct (AcqSpellChecker *self, const Text *t, int start, int end)
{
  const char *word = t->text + t->bytes[start];
  gsize length = t->bytes[end] - t->bytes[start];

  return is_known (self, word, length) || enchant_dict_check (self->dict, word, length) == 0;
}

/* Numbers and words in capitals (acronyms) are left alone. */
static gboolean
span_is_exempt (const Text *t, int start, int end)
{
  guint letters = 0, upper = 0;

  for (int i = start; i < end; i++)
    {
      gunichar c = char_at (t, i);

      if (t->skipped[i] || g_unichar_isdigit (c))
        return TRUE;
      if (g_unichar_isalpha (c))
        {
          letters++;
          upper += g_unichar_isupper (c);
        }
    }
  return letters == 0 || (letters >= 2 && upper == letters);
}

static void
add_range (GArray *ranges, int start, int end)
{
  AcqSpellRange range = { start, end };

  g_array_append_val (ranges, range);
}

/* A word without hyphens; an elision the dictionary does not know whole is two words. */
static void
check_piece (AcqSpellChecker *self, const Text *t, int start, int end, GArray *ranges)
{
  if (start >= end || span_is_exempt (t, start, end) || span_is_correct (self, t, start, end))
    return;
  for (int i = start + 1; i < end - 1; i++)
    if (is_apostrophe (char_at (t, i)))
      {
        if (span_is_correct (self, t, start, i + 1))
          {
            check_piece (self, t, i + 1, end, ranges);
            return;
          }
        break;
      }
  add_range (ranges, start, end);
}

/* A hyphenated word the dictionary does not know whole: its misspelt parts are flagged, but a
 * first part that is no word alone ("co-anime", "auto-évaluation") is a prefix the dictionary
 * wants joined, and the whole word is flagged, so that the suggestions are whole words. */
static void
check_word (AcqSpellChecker *self, const Text *t, int start, int end, GArray *ranges)
{
  int part = start;

  if (span_is_exempt (t, start, end) || span_is_correct (self, t, start, end))
    return;
  for (int i = start; i <= end; i++)
    if (i == end || is_hyphen (char_at (t, i)))
      {
        guint before = ranges->len;

        check_piece (self, t, part, i, ranges);
        if (part == start && i < end && ranges->len > before)
          {
            g_array_set_size (ranges, before);
            add_range (ranges, start, end);
            return;
          }
        part = i + 1;
      }
}

static void
acq_spell_checker_finalize (GObject *object)
{
  AcqSpellChecker *self = ACQ_SPELL_CHECKER (object);

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (acq_spell_checker_parent_class)->finalize (object);
}

static void
acq_spell_checker_class_init (AcqSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_spell_checker_finalize;
}

static void
acq_spell_checker_init (AcqSpellChecker *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);
}

/**
 * acq_spell_checker_new_for_languages:
 * @languages: (array zero-terminated=1): the dictionaries to ask Enchant for, in order
 *
 * Opens the first of @languages that is installed.
 *
 * Returns: (transfer full): a checker; without any of the dictionaries it is off
 *   (acq_spell_checker_get_available() says so) and flags nothing.
 */
AcqSpellChecker *
acq_spell_checker_new_for_languages (const char *const *languages)
{
  AcqSpellChecker *self = g_object_new (ACQ_TYPE_SPELL_CHECKER, NULL);

  g_return_val_if_fail (languages != NULL, self);
  self->broker = enchant_broker_init ();
  for (guint i = 0; self->broker != NULL && self->dict == NULL && languages[i] != NULL; i++)
    if (enchant_broker_dict_exists (self->broker, languages[i]))
      {
        self->dict = enchant_broker_request_dict (self->broker, languages[i]);
        if (self->dict != NULL)
          self->language = g_strdup (languages[i]);
      }
  if (self->dict == NULL)
    g_debug ("No dictionary for %s: spelling is not checked", languages[0]);
  return self;
}

/**
 * acq_spell_checker_new:
 *
 * Opens the French dictionary through Enchant (the first of fr_FR and fr that is installed).
 * Loading a Hunspell dictionary takes a moment (a tenth of a second or more): the editor loads
 * it once, on a worker.
 *
 * Returns: (transfer full): a checker; without a French dictionary it is off
 *   (acq_spell_checker_get_available() says so) and flags nothing.
 */
AcqSpellChecker *
acq_spell_checker_new (void)
{
  return acq_spell_checker_new_for_languages (languages);
}

/**
 * acq_spell_checker_get_default:
 *
 * The process's French checker, opened at the first call (which waits for the dictionary: call
 * it first on a worker). The editor's underlines and the dossier's rule on people's names share
 * it, so that the dictionary is in memory once; every call on it takes its lock, so any thread
 * may use it.
 *
 * Returns: (transfer none): the checker, kept until the process ends
 */
AcqSpellChecker *
acq_spell_checker_get_default (void)
{
  static GMutex default_lock;
  static AcqSpellChecker *checker;
  AcqSpellChecker *result;

  g_mutex_lock (&default_lock);
  if (checker == NULL)
    checker = acq_spell_checker_new ();
  result = checker;
  g_mutex_unlock (&default_lock);
  return result;
}

/**
 * acq_spell_checker_get_available:
 * @self: the checker
 *
 * Returns: whether a French dictionary is installed, so that words are checked at all
 */
gboolean
acq_spell_checker_get_available (AcqSpellChecker *self)
{
  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), FALSE);
  return self->dict != NULL;
}

/**
 * acq_spell_checker_get_language:
 * @self: the checker
 *
 * Returns: (nullable): the dictionary's language tag, "fr_FR" or "fr"; %NULL without one
 */
const char *
acq_spell_checker_get_language (AcqSpellChecker *self)
{
  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), NULL);
  return self->language;
}

/**
 * acq_spell_checker_check_word:
 * @self: the checker
 * @word: one word, in UTF-8
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Returns: whether the word is correct: in the dictionary, in the user's words, ignored, known
 *   (acq_spell_checker_add_known_words()); always %TRUE when the checker is off
 */
gboolean
acq_spell_checker_check_word (AcqSpellChecker *self, const char *word, gssize length)
{
  g_autoptr (GArray) ranges = NULL;

  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);
  ranges = acq_spell_checker_find_misspelt (self, word, length);
  return ranges->len == 0;
}

/**
 * acq_spell_checker_suggest:
 * @self: the checker
 * @word: a misspelt word
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Returns: (transfer full): at most %ACQ_SPELL_MAX_SUGGESTIONS words to put in its place, the
 *   likeliest first; empty when the dictionary has none or the checker is off
 */
GStrv
acq_spell_checker_suggest (AcqSpellChecker *self, const char *word, gssize length)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GMutexLocker) locker = NULL;
  g_autofree char *joined = NULL;
  char **suggestions;
  guint added = 0;
  size_t n = 0;
  gsize size;

  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);
  size = length < 0 ? strlen (word) : (gsize) length;
  if (self->dict == NULL)
    return g_strv_builder_end (builder);
  locker = g_mutex_locker_new (&self->lock);
  /* "co-anime": the word joined, when the dictionary knows it, comes first */
  if (memchr (word, '-', size) != NULL)
    {
      g_autoptr (GString) without = g_string_new_len (word, size);

      g_string_replace (without, "-", "", 0);
      if (without->len > 0 && enchant_dict_check (self->dict, without->str, without->len) == 0)
        {
          joined = g_string_free (g_steal_pointer (&without), FALSE);
          g_strv_builder_add (builder, joined);
          added++;
        }
    }
  suggestions = enchant_dict_suggest (self->dict, word, size, &n);
  for (size_t i = 0; i < n && added < ACQ_SPELL_MAX_SUGGESTIONS; i++)
    if (g_strcmp0 (suggestions[i], joined) != 0)
      {
        g_strv_builder_add (builder, suggestions[i]);
        added++;
      }
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);
  return g_strv_builder_end (builder);
}

/**
 * acq_spell_checker_add_to_personal:
 * @self: the checker
 * @word: a word the dictionary does not know
 *
 * Adds @word to the user's own words, which Enchant keeps for this user (under
 * `$XDG_CONFIG_HOME/enchant/`) for every later session and every program that uses Enchant.
 */
void
acq_spell_checker_add_to_personal (AcqSpellChecker *self, const char *word)
{
  g_return_if_fail (ACQ_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);
  if (self->dict != NULL && *word != '\0')
    {
      g_mutex_lock (&self->lock);
      enchant_dict_add (self->dict, word, -1);
      g_mutex_unlock (&self->lock);
    }
}

/**
 * acq_spell_checker_ignore:
 * @self: the checker
 * @word: a word the dictionary does not know
 *
 * Leaves @word alone until the checker is gone (the end of this session), without adding it
 * to the user's words.
 */
void
acq_spell_checker_ignore (AcqSpellChecker *self, const char *word)
{
  g_return_if_fail (ACQ_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);
  if (self->dict != NULL && *word != '\0')
    {
      g_mutex_lock (&self->lock);
      enchant_dict_add_to_session (self->dict, word, -1);
      g_mutex_unlock (&self->lock);
    }
}

/**
 * acq_spell_checker_add_known_words:
 * @self: the checker
 * @text: a text whose every word is to be taken as correct
 *
 * The words of the certification (competences, blocs) and people's names are never flagged:
 * each word of @text, each part of its hyphenated words and the word after an elision are
 * taken as correct whatever their case.
 */
void
acq_spell_checker_add_known_words (AcqSpellChecker *self, const char *text)
{
  Text t = { 0 };
  int from = 0, start, end;

  g_return_if_fail (ACQ_IS_SPELL_CHECKER (self));
  if (text == NULL || *text == '\0')
    return;
  text_init (&t, text, -1);
  g_mutex_lock (&self->lock);
  while (next_word (&t, &from, &start, &end))
    for (int i = start; i <= end; i++)
      {
        gboolean cut = i == end || is_hyphen (char_at (&t, i)) || is_apostrophe (char_at (&t, i));
        char *folded;

        if (i > start && (i == end || cut))
          {
            /* the whole word, then what follows each hyphen or apostrophe */
            folded = fold_word (text + t.bytes[start], t.bytes[end] - t.bytes[start]);
            if (folded != NULL)
              g_hash_table_add (self->known, folded);
          }
        if (cut && i + 1 < end)
          {
            int next = i + 1;
            int stop = next;

            while (stop < end && !is_hyphen (char_at (&t, stop)))
              stop++;
            folded = fold_word (text + t.bytes[next], t.bytes[stop] - t.bytes[next]);
            if (folded != NULL)
              g_hash_table_add (self->known, folded);
          }
      }
  g_mutex_unlock (&self->lock);
  text_clear (&t);
}

/* The words of the store taken as correct: the candidates' names and addresses (the towns of
 * Quercy are in no dictionary). */
static const char *const sql_known[] = {
  "SELECT first_name, last_name, birth_name, address FROM candidate",
};

/**
 * acq_spell_checker_add_known_from_store:
 * @self: the checker
 * @store: the store
 * @certification_uuid: (nullable): the candidate's certification, whose wording is known
 * @error: a #GError
 *
 * Takes as correct the wording of the certification (its title, its blocs' titles and their
 * competences) and the names and addresses of every candidate in @store: neither underlined as
 * misspelt nor taken for a person's name (sheets/acq-people.c).
 *
 * Returns: %TRUE, or %FALSE with @error set when the store could not be read
 */
gboolean
acq_spell_checker_add_known_from_store (AcqSpellChecker *self, AcqStore *store,
                                        const char *certification_uuid, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);

  if (certification_uuid != NULL)
    {
      AcqFiche *fiche = acq_referential_load_uuid (store, certification_uuid, error);

      if (fiche == NULL)
        return FALSE;
      acq_spell_checker_add_known_words (self, fiche->title);
      for (guint b = 0; b < fiche->blocs->len; b++)
        {
          const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, b);

          acq_spell_checker_add_known_words (self, bloc->title);
          for (guint c = 0; c < bloc->competences->len; c++)
            acq_spell_checker_add_known_words (self, g_ptr_array_index (bloc->competences, c));
        }
      acq_fiche_free (fiche);
    }
  for (guint q = 0; q < G_N_ELEMENTS (sql_known); q++)
    {
      if ((stmt = acq_store_prepare (store, sql_known[q], error)) == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (stmt); i++)
          acq_spell_checker_add_known_words (self,
                                             (const char *) sqlite3_column_text (stmt, i));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_known[q]);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * acq_spell_checker_find_misspelt:
 * @self: the checker
 * @text: a text in UTF-8 (a paragraph, or more)
 * @length: its length in bytes, or -1 when it ends with a nul
 *
 * Returns: (transfer full) (element-type AcqSpellRange): the misspelt words of @text, in
 *   order, as offsets in characters; empty when the checker is off
 */
GArray *
acq_spell_checker_find_misspelt (AcqSpellChecker *self, const char *text, gssize length)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (AcqSpellRange));
  Text t = { 0 };
  int from = 0, start, end;

  g_return_val_if_fail (ACQ_IS_SPELL_CHECKER (self), ranges);
  g_return_val_if_fail (text != NULL, ranges);
  if (self->dict == NULL || length == 0 || *text == '\0')
    return ranges;
  text_init (&t, text, length);
  g_mutex_lock (&self->lock);
  while (next_word (&t, &from, &start, &end))
    check_word (self, &t, start, end, ranges);
  g_mutex_unlock (&self->lock);
  text_clear (&t);
  return ranges;
}
