/* acq-referential.c — certifications, their blocs and competences (France Compétences' RNCP
 * open-data XML, flux 4.1), parsed in a stream and kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <string.h>

#include "acq-referential.h"

/* A real fiche's longest field is a few KiB and the full export hundreds of MB: anything beyond
 * these is a damaged or hostile file, refused before it costs memory. */
#define FIELD_MAX_BYTES (64 * 1024)
#define FICHE_MAX_BLOCS 100

/* No entity substitution, no DTD, no network: the export needs none of them, and each is a way
 * for a file to read other files or to blow up in memory. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

G_DEFINE_QUARK (acq-referential-error-quark, acq_referential_error)

G_DEFINE_BOXED_TYPE (AcqFiche, acq_fiche, acq_fiche_copy, acq_fiche_free)

static gboolean G_GNUC_PRINTF (3, 4)
set_error (GError **error, AcqReferentialError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ACQ_REFERENTIAL_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* Fiches and blocs */

static void
bloc_def_free (gpointer data)
{
  AcqBlocDef *bloc = data;

  g_free (bloc->uuid);
  g_free (bloc->code);
  g_free (bloc->title);
  g_free (bloc->evaluation);
  g_clear_pointer (&bloc->competences, g_ptr_array_unref);
  g_clear_pointer (&bloc->competence_uuids, g_ptr_array_unref);
  g_free (bloc);
}

static AcqBlocDef *
bloc_def_new (void)
{
  AcqBlocDef *bloc = g_new0 (AcqBlocDef, 1);

  bloc->competences = g_ptr_array_new_with_free_func (g_free);
  return bloc;
}

static gpointer
copy_string (gconstpointer string, gpointer user_data)
{
  return g_strdup (string);
}

static gpointer
bloc_def_copy (gconstpointer src, gpointer user_data)
{
  const AcqBlocDef *bloc = src;
  AcqBlocDef *copy = g_new0 (AcqBlocDef, 1);

  copy->uuid = g_strdup (bloc->uuid);
  copy->code = g_strdup (bloc->code);
  copy->position = bloc->position;
  copy->title = g_strdup (bloc->title);
  copy->evaluation = g_strdup (bloc->evaluation);
  copy->competences = g_ptr_array_copy (bloc->competences, copy_string, NULL);
  if (bloc->competence_uuids != NULL)
    copy->competence_uuids = g_ptr_array_copy (bloc->competence_uuids, copy_string, NULL);
  return copy;
}

static AcqFiche *
fiche_new (void)
{
  AcqFiche *fiche = g_new0 (AcqFiche, 1);

  fiche->active = TRUE;
  fiche->blocs = g_ptr_array_new_with_free_func (bloc_def_free);
  return fiche;
}

/**
 * acq_fiche_copy:
 * @fiche: a fiche
 *
 * Returns: (transfer full): a deep copy of @fiche
 */
AcqFiche *
acq_fiche_copy (const AcqFiche *fiche)
{
  AcqFiche *copy;

  g_return_val_if_fail (fiche != NULL, NULL);

  copy = g_new0 (AcqFiche, 1);
  copy->uuid = g_strdup (fiche->uuid);
  copy->number = g_strdup (fiche->number);
  copy->title = g_strdup (fiche->title);
  copy->active = fiche->active;
  copy->blocs = g_ptr_array_copy (fiche->blocs, bloc_def_copy, NULL);
  return copy;
}

/**
 * acq_fiche_free:
 * @fiche: (nullable): a fiche
 *
 * Frees @fiche and everything it holds.
 */
void
acq_fiche_free (AcqFiche *fiche)
{
  if (fiche == NULL)
    return;
  g_free (fiche->uuid);
  g_free (fiche->number);
  g_free (fiche->title);
  g_clear_pointer (&fiche->blocs, g_ptr_array_unref);
  g_free (fiche);
}

/**
 * acq_fiche_find_bloc:
 * @fiche: a fiche
 * @code: a bloc code, such as "RNCP37274BC01"
 *
 * Returns: (transfer none) (nullable): the bloc of @fiche with that code
 */
const AcqBlocDef *
acq_fiche_find_bloc (const AcqFiche *fiche, const char *code)
{
  g_return_val_if_fail (fiche != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < fiche->blocs->len; i++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i);

      if (g_strcmp0 (bloc->code, code) == 0)
        return bloc;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* What the store needs and what the parser promises its callers: a fiche that can be followed. */
static gboolean
validate_fiche (const AcqFiche *fiche, GError **error)
{
  const AcqReferentialError code = ACQ_REFERENTIAL_ERROR_INCOMPLETE;

  if (is_blank (fiche->number))
    return set_error (error, code, _("A fiche of the referential has no number (NUMERO_FICHE)."));
  if (is_blank (fiche->title))
    return set_error (error, code, _("The fiche %s has no title (INTITULE)."), fiche->number);
  if (fiche->blocs->len == 0)
    return set_error (error, code, _("The fiche %s lists no bloc of competences, so candidates "
                                     "cannot be followed on it."), fiche->number);
  for (guint i = 0; i < fiche->blocs->len; i++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i);

      if (is_blank (bloc->code))
        return set_error (error, code, _("Bloc %u of the fiche %s has no code."), i + 1,
                          fiche->number);
      if (bloc->competences == NULL || bloc->competences->len == 0)
        return set_error (error, code, _("The bloc %s of the fiche %s lists no competence."),
                          bloc->code, fiche->number);
      for (guint j = 0; j < i; j++)
        if (strcmp (((AcqBlocDef *) g_ptr_array_index (fiche->blocs, j))->code, bloc->code) == 0)
          return set_error (error, code, _("The fiche %s lists the bloc %s twice."),
                            fiche->number, bloc->code);
    }
  return TRUE;
}

/* Text: the export's free text is HTML, escaped as XML text, with bullets typed by hand */

static const char *const html_entities[][2] = {
  { "amp", "&" },      { "lt", "<" },       { "gt", ">" },       { "quot", "\"" },
  { "apos", "'" },     { "nbsp", "\u00a0" }, { "rsquo", "’" },    { "lsquo", "‘" },
  { "laquo", "«" },    { "raquo", "»" },    { "hellip", "…" },   { "ndash", "–" },
  { "mdash", "—" },    { "bull", "•" },     { "eacute", "é" },   { "egrave", "è" },
  { "ecirc", "ê" },    { "agrave", "à" },   { "ccedil", "ç" },   { "oelig", "œ" },
};

static const char *const block_tags[] = {
  "p", "br", "li", "ul", "ol", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
};

/* Appends the character the HTML entity at @p stands for and returns how many bytes it took, or
 * 0 when @p starts no entity (the '&' is then text). */
static gsize
decode_entity (const char *p, GString *out)
{
  g_autofree char *name = NULL;
  gsize len = 1;

  /* No entity is longer: looking further would make a text full of '&' quadratic. */
  while (len < 12 && p[len] != '\0' && p[len] != ';')
    len++;
  if (p[len] != ';' || len == 1)
    return 0;
  name = g_strndup (p + 1, len - 1);
  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      const char *digits = name + (hex ? 2 : 1);
      char *end = NULL;
      guint64 c = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

      if (*digits == '\0' || *end != '\0')
        return 0;
      /* A control character or a surrogate is no text: dropped, never let through. */
      if (c <= G_MAXUINT32 && g_unichar_validate (c) && (c >= 0xa0 || (c >= 0x20 && c < 0x7f)))
        g_string_append_unichar (out, c);
      return len + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (html_entities); i++)
    if (strcmp (name, html_entities[i][0]) == 0)
      {
        g_string_append (out, html_entities[i][1]);
        return len + 1;
      }
  return 0;
}

/* The same for an HTML tag: a block tag becomes a line break, a list item a bullet, any other
 * tag nothing; "<3 ans" is text. */
static gsize
strip_tag (const char *p, GString *out)
{
  gboolean closing = p[1] == '/';
  const char *name = p + (closing ? 2 : 1);
  gsize name_len = 0;
  gsize len;

  while (g_ascii_isalnum (name[name_len]))
    name_len++;
  if (name_len == 0 || !g_ascii_isalpha (name[0]) || !strchr ("> \t\r\n/", name[name_len]))
    return 0;
  /* Attributes are short; the bound keeps a text full of '<' linear. */
  for (len = name + name_len - p; len < 1024 && p[len] != '\0' && !strchr ("<>", p[len]); len++)
    ;
  if (p[len] != '>')
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (block_tags); i++)
    if (strlen (block_tags[i]) == name_len &&
        g_ascii_strncasecmp (name, block_tags[i], name_len) == 0)
      {
        gboolean item = !closing && g_ascii_strncasecmp (name, "li", name_len) == 0;

        g_string_append (out, item ? "\n• " : "\n");
        break;
      }
  return len + 1;
}

static char *
strip_markup (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  while (*text != '\0')
    {
      gsize used = 0;

      if (*text == '<')
        used = strip_tag (text, out);
      else if (*text == '&')
        used = decode_entity (text, out);
      if (used == 0)
        g_string_append_c (out, *text++);
      else
        text += used;
    }
  return g_string_free (out, FALSE);
}

/* Runs of ASCII white space become one space, and spaces of any kind are trimmed at both ends;
 * a non-breaking space inside the text is French typography and stays. */
static char *
normalize_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  for (; *text != '\0'; text++)
    {
      if (strchr (" \t\r\n", *text) != NULL)
        pending_space = TRUE;
      else
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, *text);
        }
    }
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

      if (last == NULL || !g_unichar_isspace (g_utf8_get_char (last)))
        break;
      g_string_truncate (out, last - out->str);
    }
  return g_string_free (out, FALSE);
}

static char *
single_line_text (const char *text)
{
  g_autofree char *plain = strip_markup (text);

  return normalize_line (plain);
}

/* Each non-blank line of @text, without markup, in @lines; returns @lines. */
static GPtrArray *
split_lines (const char *text, GPtrArray *lines)
{
  g_autofree char *plain = strip_markup (text);
  g_auto (GStrv) split = g_strsplit_set (plain, "\r\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      char *line = normalize_line (split[i]);

      if (*line != '\0')
        g_ptr_array_add (lines, line);
      else
        g_free (line);
    }
  return lines;
}

/* The evaluation keeps its lines, without the blank ones. */
static char *
multi_line_text (const char *text)
{
  g_autoptr (GPtrArray) lines = split_lines (text, g_ptr_array_new_with_free_func (g_free));

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Returns the text after the bullets that start @line, or NULL when it has none. */
static const char *
after_bullet (const char *line)
{
  const char *p = line;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '-' && c != '*' && c != 0x2022 /* • */ && c != 0x2013 /* – */ &&
          c != 0x2014 /* — */ && !(p > line && g_unichar_isspace (c)))
        break;
    }
  return p > line ? p : NULL;
}

/* One competence per bullet; a line without a bullet continues the one before. A list typed
 * without any bullet (a paragraph per competence, as some certifiers do) gives one competence
 * per line rather than none. */
static void
split_competences (const char *text, GPtrArray *competences)
{
  g_autoptr (GPtrArray) lines = split_lines (text, g_ptr_array_new_with_free_func (g_free));
  g_autoptr (GString) current = NULL;
  gboolean any_bullet = FALSE;

  for (guint i = 0; i <= lines->len; i++)
    {
      const char *line = i < lines->len ? g_ptr_array_index (lines, i) : NULL;
      const char *rest = line != NULL ? after_bullet (line) : NULL;

      any_bullet |= rest != NULL;
      if (current != NULL && (line == NULL || rest != NULL))
        {
          if (current->len > 0)
            g_ptr_array_add (competences, g_strdup (current->str));
          g_string_free (g_steal_pointer (&current), TRUE);
        }
      if (rest != NULL)
        current = g_string_new (rest);
      else if (line != NULL && current != NULL)
        {
          if (current->len > 0)
            g_string_append_c (current, ' ');
          g_string_append (current, line);
        }
    }
  for (guint i = 0; !any_bullet && i < lines->len; i++)
    g_ptr_array_add (competences, g_strdup (g_ptr_array_index (lines, i)));
}

/* The parser */

typedef enum
{
  FIELD_NONE,
  FIELD_NUMBER,
  FIELD_TITLE,
  FIELD_ACTIVE,
  FIELD_CODE,
  FIELD_LABEL,
  FIELD_LIST,
  FIELD_EVALUATION,
} Field;

static const struct
{
  const char *element;
  int         depth;
  Field       field;
} fields[] = {
  { "NUMERO_FICHE", 2, FIELD_NUMBER },     { "INTITULE", 2, FIELD_TITLE },
  { "ACTIF", 2, FIELD_ACTIVE },            { "CODE", 4, FIELD_CODE },
  { "LIBELLE", 4, FIELD_LABEL },           { "LISTE_COMPETENCES", 4, FIELD_LIST },
  { "MODALITES_EVALUATION", 4, FIELD_EVALUATION },
};

typedef enum
{
  STEP_READ, /* into the node */
  STEP_NEXT, /* past the node and all it holds */
  STEP_STOP, /* done, without error */
  STEP_FAIL,
} Step;

typedef struct
{
  xmlTextReaderPtr   reader;
  GInputStream      *stream;
  GCancellable      *cancellable;
  GError            *io_error;
  gboolean           xml_failed;
  int                xml_error_code;
  int                xml_error_line;

  const char *const *numbers;
  gboolean          *found;
  guint              n_numbers;
  guint              n_found;
  AcqFicheFunc       func;
  gpointer           user_data;
  gboolean           stopped_by_caller;

  AcqFiche          *fiche;
  gboolean           fiche_wanted; /* its number is among those asked for */
  gboolean           skip_fiche;
  AcqBlocDef        *bloc;
  Field              field;
  int                field_depth;
  GString           *text;
} Parser;

static int
on_stream_read (void *context, char *buffer, int len)
{
  Parser *self = context;
  gssize n;

  if (self->io_error != NULL)
    return -1;
  n = g_input_stream_read (self->stream, buffer, len, self->cancellable, &self->io_error);
  return n < 0 ? -1 : (int) n;
}

static int
on_stream_close (void *context)
{
  /* The stream is the caller's, who closes it. */
  return 0;
}

#if LIBXML_VERSION >= 21200
typedef const xmlError *AcqXmlError;
#else
typedef xmlErrorPtr AcqXmlError;
#endif

static void
on_xml_error (void *context, AcqXmlError xml_error)
{
  Parser *self = context;

  if (xml_error->level < XML_ERR_ERROR || self->xml_failed)
    return;
  self->xml_failed = TRUE;
  self->xml_error_code = xml_error->code;
  self->xml_error_line = xml_error->line;
  g_debug ("libxml2 error %d at line %d: %s", xml_error->code, xml_error->line,
           xml_error->message != NULL ? xml_error->message : "");
}

/* The line of the node at hand if libxml2 knows it, else where the parser is: a little further,
 * since it reads ahead. */
static int
parser_line (Parser *self)
{
  xmlNodePtr node = self->reader != NULL ? xmlTextReaderCurrentNode (self->reader) : NULL;
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line > 0)
    return line;
  return self->reader != NULL ? xmlTextReaderGetParserLineNumber (self->reader) : 1;
}

static Step
fail_malformed (Parser *self, GError **error)
{
  int line = self->xml_error_line > 0 ? self->xml_error_line : parser_line (self);

  if (self->io_error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->io_error));
  else if (self->xml_error_code == XML_ERR_INVALID_CHAR ||
           self->xml_error_code == XML_ERR_INVALID_ENCODING ||
           self->xml_error_code == XML_ERR_UNSUPPORTED_ENCODING ||
           self->xml_error_code == XML_I18N_CONV_FAILED)
    set_error (error, ACQ_REFERENTIAL_ERROR_MALFORMED,
               _("The referential file has an invalid character at line %d: it is damaged or is "
                 "not a France Compétences export."), line);
  else
    set_error (error, ACQ_REFERENTIAL_ERROR_MALFORMED,
               _("The referential file is not valid XML at line %d: it is damaged or was cut "
                 "short. Download it again."), line);
  return STEP_FAIL;
}

static Step
append_text (Parser *self, const char *text, gsize len, GError **error)
{
  if (self->text->len + len > FIELD_MAX_BYTES)
    {
      set_error (error, ACQ_REFERENTIAL_ERROR_TOO_LARGE,
                 _("The referential file has a text larger than 64 KiB at line %d: it is damaged "
                   "or is not a France Compétences export."), parser_line (self));
      return STEP_FAIL;
    }
  g_string_append_len (self->text, text, len);
  return STEP_READ;
}

/* Marks every entry of numbers that names this fiche: one may be asked for twice. */
static void
mark_found (Parser *self, const char *number)
{
  for (guint i = 0; i < self->n_numbers; i++)
    if (!self->found[i] && g_ascii_strcasecmp (self->numbers[i], number) == 0)
      {
        self->found[i] = TRUE;
        self->n_found++;
      }
}

static void
take_number (Parser *self, char *number)
{
  g_free (self->fiche->number);
  self->fiche->number = number;
  if (self->numbers == NULL)
    return;
  for (guint i = 0; i < self->n_numbers && !self->fiche_wanted; i++)
    self->fiche_wanted = g_ascii_strcasecmp (self->numbers[i], number) == 0;
  if (!self->fiche_wanted)
    {
      /* What was read of it is dropped, and the rest skipped unread. */
      self->skip_fiche = TRUE;
      g_ptr_array_set_size (self->fiche->blocs, 0);
    }
}

static void
replace (char **slot, char *value)
{
  g_free (*slot);
  *slot = value;
}

static Step
field_end (Parser *self, GError **error)
{
  const char *text = self->text->str;
  Field field = self->field;

  self->field = FIELD_NONE;
  if (!g_utf8_validate_len (text, self->text->len, NULL))
    return fail_malformed (self, error);

  if (field == FIELD_NUMBER)
    take_number (self, single_line_text (text));
  else if (field == FIELD_TITLE)
    replace (&self->fiche->title, single_line_text (text));
  else if (field == FIELD_ACTIVE)
    {
      g_autofree char *value = single_line_text (text);

      self->fiche->active = g_ascii_strcasecmp (value, "Oui") == 0;
    }
  else if (field == FIELD_CODE)
    replace (&self->bloc->code, single_line_text (text));
  else if (field == FIELD_LABEL)
    replace (&self->bloc->title, single_line_text (text));
  else if (field == FIELD_LIST)
    split_competences (text, self->bloc->competences);
  else if (field == FIELD_EVALUATION)
    replace (&self->bloc->evaluation, multi_line_text (text));
  return STEP_READ;
}

static Step
field_begin (Parser *self, const char *name, int depth, gboolean empty, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].depth == depth && g_strcmp0 (fields[i].element, name) == 0)
      {
        self->field = fields[i].field;
        self->field_depth = depth;
        g_string_truncate (self->text, 0);
        return empty ? field_end (self, error) : STEP_READ;
      }
  return STEP_NEXT;
}

static Step
fiche_end (Parser *self, GError **error)
{
  g_autoptr (AcqFiche) fiche = g_steal_pointer (&self->fiche);
  g_autoptr (GError) local_error = NULL;

  /* A fiche without a number cannot be one of those asked for. */
  if (self->skip_fiche || (self->numbers != NULL && !self->fiche_wanted))
    return STEP_READ;
  if (!validate_fiche (fiche, &local_error))
    {
      if (self->numbers != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return STEP_FAIL;
        }
      /* The full export holds fiches without blocs (the Répertoire spécifique, old titles):
       * reading them all passes over those. */
      g_debug ("Passing over a fiche: %s", local_error->message);
      return STEP_READ;
    }
  mark_found (self, fiche->number);
  if (!self->func (fiche, self->user_data))
    {
      self->stopped_by_caller = TRUE;
      return STEP_STOP;
    }
  return self->numbers != NULL && self->n_found == self->n_numbers ? STEP_STOP : STEP_READ;
}

static Step
fiche_begin (Parser *self, gboolean empty, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return STEP_FAIL;
  g_clear_pointer (&self->fiche, acq_fiche_free);
  self->fiche = fiche_new ();
  self->fiche_wanted = self->skip_fiche = FALSE;
  return empty ? fiche_end (self, error) : STEP_READ;
}

static Step
bloc_end (Parser *self)
{
  g_ptr_array_add (self->fiche->blocs, g_steal_pointer (&self->bloc));
  return STEP_READ;
}

static Step
bloc_begin (Parser *self, gboolean empty, GError **error)
{
  if (self->fiche->blocs->len >= FICHE_MAX_BLOCS)
    {
      set_error (error, ACQ_REFERENTIAL_ERROR_TOO_LARGE,
                 _("A fiche of the referential file has more than %d blocs (line %d): the file is "
                   "damaged or is not a France Compétences export."),
                 FICHE_MAX_BLOCS, parser_line (self));
      return STEP_FAIL;
    }
  g_clear_pointer (&self->bloc, bloc_def_free);
  self->bloc = bloc_def_new ();
  self->bloc->position = self->fiche->blocs->len + 1;
  self->bloc->title = g_strdup ("");
  self->bloc->evaluation = g_strdup ("");
  return empty ? bloc_end (self) : STEP_READ;
}

/* The depth says where the reader is, since every element the parser does not know is skipped
 * whole: 0 FICHES, 1 FICHE, 2 its fields and BLOCS_COMPETENCES, 3 BLOC_COMPETENCES, 4 its
 * fields. */
static Step
on_element_start (Parser *self, GError **error)
{
  const char *name = (const char *) xmlTextReaderConstName (self->reader);
  int depth = xmlTextReaderDepth (self->reader);
  gboolean empty = xmlTextReaderIsEmptyElement (self->reader) == 1;

  if (self->field != FIELD_NONE)
    return append_text (self, "\n", 1, error);

  switch (depth)
    {
    case 0:
      if (g_strcmp0 (name, "FICHES") == 0)
        return STEP_READ;
      set_error (error, ACQ_REFERENTIAL_ERROR_MALFORMED,
                 _("This file is not a France Compétences referential export: it does not start "
                   "with a list of fiches (FICHES)."));
      return STEP_FAIL;
    case 1:
      return g_strcmp0 (name, "FICHE") == 0 ? fiche_begin (self, empty, error) : STEP_NEXT;
    case 2:
      if (self->skip_fiche)
        return STEP_NEXT;
      if (g_strcmp0 (name, "BLOCS_COMPETENCES") == 0)
        return STEP_READ;
      return field_begin (self, name, depth, empty, error);
    case 3:
      if (g_strcmp0 (name, "BLOC_COMPETENCES") == 0)
        return bloc_begin (self, empty, error);
      return STEP_NEXT;
    case 4:
      return field_begin (self, name, depth, empty, error);
    default:
      return STEP_NEXT;
    }
}

static Step
on_element_end (Parser *self, GError **error)
{
  int depth = xmlTextReaderDepth (self->reader);

  if (self->field != FIELD_NONE && depth == self->field_depth)
    return field_end (self, error);
  if (self->field != FIELD_NONE)
    return append_text (self, "\n", 1, error);
  if (depth == 1 && self->fiche != NULL)
    return fiche_end (self, error);
  if (depth == 3 && self->bloc != NULL)
    return bloc_end (self);
  return STEP_READ;
}

static Step
on_node (Parser *self, GError **error)
{
  const char *value;

  switch (xmlTextReaderNodeType (self->reader))
    {
    case XML_READER_TYPE_ELEMENT:
      return on_element_start (self, error);
    case XML_READER_TYPE_END_ELEMENT:
      return on_element_end (self, error);
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      value = (const char *) xmlTextReaderConstValue (self->reader);
      if (self->field == FIELD_NONE || value == NULL)
        return STEP_READ;
      return append_text (self, value, strlen (value), error);
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
      /* The export has no DTD: one here can only bring entities, to expand or to fetch. */
      set_error (error, ACQ_REFERENTIAL_ERROR_MALFORMED,
                 _("The referential file declares a document type or entities at line %d, which "
                   "France Compétences exports never do: it was not read."), parser_line (self));
      return STEP_FAIL;
    default:
      return STEP_READ;
    }
}

static gboolean
parser_run (Parser *self, GError **error)
{
  int ret = xmlTextReaderRead (self->reader);

  while (ret == 1 && !self->xml_failed && self->io_error == NULL)
    {
      Step step = on_node (self, error);

      if (step == STEP_FAIL || step == STEP_STOP)
        return step == STEP_STOP;
      if (step == STEP_NEXT)
        ret = xmlTextReaderNext (self->reader);
      else
        ret = xmlTextReaderRead (self->reader);
    }
  if (ret == 0 && !self->xml_failed && self->io_error == NULL)
    return TRUE;
  fail_malformed (self, error);
  return FALSE;
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
parser_finish (Parser *self, gboolean ok, GError **error)
{
  for (guint i = 0; ok && !self->stopped_by_caller && i < self->n_numbers; i++)
    if (!self->found[i])
      ok = set_error (error, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
                      _("The fiche %s is not in this referential file."), self->numbers[i]);

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->fiche, acq_fiche_free);
  g_clear_pointer (&self->bloc, bloc_def_free);
  g_clear_error (&self->io_error);
  g_string_free (self->text, TRUE);
  g_free (self->found);
  return ok;
}

/**
 * acq_referential_parse:
 * @stream: a France Compétences export (flux 4.1), or a part of one
 * @numbers: (array zero-terminated=1) (nullable): the NUMERO_FICHE to read, %NULL for all
 * @func: (scope call): called with each fiche read
 * @user_data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error
 *
 * Reads the fiches of an export as a stream, in constant memory whatever its size: the other
 * fiches are skipped unread, and the parse stops as soon as every fiche asked for was given to
 * @func. No entity is expanded, no DTD and nothing from the network is loaded.
 *
 * A fiche asked for by number must be complete (a number, a title, blocs with a code and
 * competences), or the parse fails with %ACQ_REFERENTIAL_ERROR_INCOMPLETE; reading all the
 * fiches passes over incomplete ones. Competences are the bullets of LISTE_COMPETENCES, without
 * HTML tags and entities.
 *
 * Returns: %TRUE if the file was read (or @func stopped it), %FALSE with @error set if it is
 *   malformed, holds a text over 64 KiB, lacks a fiche asked for, or if the parse was cancelled
 */
gboolean
acq_referential_parse (GInputStream       *stream,
                       const char *const  *numbers,
                       AcqFicheFunc        func,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  Parser self = { 0 };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  ensure_libxml ();

  self.stream = stream;
  self.cancellable = cancellable;
  self.numbers = numbers;
  self.n_numbers = numbers != NULL ? g_strv_length ((char **) numbers) : 0;
  self.found = g_new0 (gboolean, self.n_numbers + 1);
  self.func = func;
  self.user_data = user_data;
  self.text = g_string_new (NULL);
  self.reader = xmlReaderForIO (on_stream_read, on_stream_close, &self, NULL, NULL,
                                PARSE_OPTIONS);
  if (self.reader == NULL)
    {
      fail_malformed (&self, error);
      return parser_finish (&self, FALSE, error);
    }
  xmlTextReaderSetStructuredErrorHandler (self.reader, on_xml_error, &self);
  return parser_finish (&self, parser_run (&self, error), error);
}

static gboolean
keep_fiche (AcqFiche *fiche, gpointer user_data)
{
  *(AcqFiche **) user_data = acq_fiche_copy (fiche);
  return FALSE;
}

/**
 * acq_referential_read_fiche:
 * @stream: a France Compétences export
 * @number: the NUMERO_FICHE, such as "RNCP37274"
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_NOT_FOUND if the file lacks the fiche
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_read_fiche (GInputStream  *stream,
                            const char    *number,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *numbers[] = { number, NULL };
  g_autoptr (AcqFiche) fiche = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!acq_referential_parse (stream, numbers, keep_fiche, &fiche, cancellable, error))
    return NULL;
  return g_steal_pointer (&fiche);
}

/* The store */

/**
 * acq_referential_derive_uuid:
 * @name: a name such as "acquis:bloc:RNCP37274BC01"
 *
 * Derives the RFC 4122 version 5 uuid of @name in the URL namespace, which is what Python's
 * `uuid.uuid5 (uuid.NAMESPACE_URL, name)` gives too: the same on every machine.
 *
 * Returns: (transfer full): the uuid, in lower case
 */
char *
acq_referential_derive_uuid (const char *name)
{
  static const guint8 namespace_url[16] = { 0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };
  g_autoptr (GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 d[20];
  gsize len = sizeof d;

  g_return_val_if_fail (name != NULL, NULL);

  g_checksum_update (sha1, namespace_url, sizeof namespace_url);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, d, &len);
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10],
                          d[11], d[12], d[13], d[14], d[15]);
}

static char *
derive_uuid (const char *kind, const char *key, guint position)
{
  g_autofree char *name = position > 0 ? g_strdup_printf ("acquis:%s:%s:%u", kind, key, position)
                                       : g_strdup_printf ("acquis:%s:%s", kind, key);

  return acq_referential_derive_uuid (name);
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
sqlite_failed (AcqStore *store, int rc, const char *doing, GError **error)
{
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, doing);
}

static AcqBlocDef *
bloc_from_row (sqlite3_stmt *stmt)
{
  AcqBlocDef *bloc = bloc_def_new ();

  bloc->uuid = column_dup (stmt, 0);
  bloc->code = column_dup (stmt, 1);
  bloc->position = sqlite3_column_int (stmt, 2);
  bloc->title = column_dup (stmt, 3);
  bloc->evaluation = column_dup (stmt, 4);
  bloc->competence_uuids = g_ptr_array_new_with_free_func (g_free);
  return bloc;
}

static gboolean
load_blocs (AcqStore *store, AcqFiche *fiche, GError **error)
{
  AcqBlocDef *bloc = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = acq_store_prepare (store,
                            "SELECT b.uuid, b.code, b.position, b.title, b.evaluation, c.uuid, "
                            "c.label FROM bloc b LEFT JOIN competence c ON c.bloc_uuid = b.uuid "
                            "WHERE b.certification_uuid = ?1 ORDER BY b.position, c.position",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fiche->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (bloc == NULL ||
          g_strcmp0 (bloc->uuid, (const char *) sqlite3_column_text (stmt, 0)) != 0)
        {
          bloc = bloc_from_row (stmt);
          g_ptr_array_add (fiche->blocs, bloc);
        }
      if (sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        continue;
      g_ptr_array_add (bloc->competence_uuids, column_dup (stmt, 5));
      g_ptr_array_add (bloc->competences, column_dup (stmt, 6));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || sqlite_failed (store, rc, "reading blocs", error);
}

/**
 * acq_referential_load:
 * @store: the store
 * @number: the RNCP number, such as "RNCP37274"
 * @error: where to put an error; %ACQ_REFERENTIAL_ERROR_NOT_FOUND if the store lacks it
 *
 * Reads a certification back from the store, with the uuids of the certification, of its blocs
 * and of its competences.
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_load (AcqStore *store, const char *number, GError **error)
{
  g_autoptr (AcqFiche) fiche = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT uuid, title, active FROM certification WHERE rncp = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fiche = fiche_new ();
      fiche->uuid = column_dup (stmt, 0);
      fiche->number = g_strdup (number);
      fiche->title = column_dup (stmt, 1);
      fiche->active = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    set_error (error, ACQ_REFERENTIAL_ERROR_NOT_FOUND,
               _("The certification %s is not in the Acquis data yet."), number);
  else if (rc != SQLITE_ROW)
    sqlite_failed (store, rc, "reading a certification", error);
  if (fiche == NULL || !load_blocs (store, fiche, error))
    return NULL;
  return g_steal_pointer (&fiche);
}

static gboolean
write_competences (AcqStore         *store,
                   const char       *bloc_uuid,
                   const AcqBlocDef *bloc,
                   const char       *now,
                   GError          **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < bloc->competences->len; i++)
    {
      g_autofree char *uuid = derive_uuid ("competence", bloc->code, i + 1);

      stmt = acq_store_prepare (store,
                                "INSERT INTO competence (uuid, bloc_uuid, position, label, "
                                "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                                "ON CONFLICT (uuid) DO UPDATE SET label = excluded.label, "
                                "updated_at = excluded.updated_at "
                                "WHERE label IS NOT excluded.label",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, bloc_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i + 1);
      sqlite3_bind_text (stmt, 4, g_ptr_array_index (bloc->competences, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
      if (!acq_store_step_done (store, stmt, error))
        return FALSE;
    }

  stmt = acq_store_prepare (store, "DELETE FROM competence WHERE bloc_uuid = ?1 AND position > ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, bloc_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, bloc->competences->len);
  return acq_store_step_done (store, stmt, error);
}

static gboolean
write_bloc (AcqStore         *store,
            const char       *certification_uuid,
            const AcqBlocDef *bloc,
            int               position,
            const char       *now,
            GError          **error)
{
  g_autofree char *uuid = derive_uuid ("bloc", bloc->code, 0);
  sqlite3_stmt *stmt;

  /* Another bloc in this place (the blocs were reordered, or one replaced) steps aside to a
   * negative position, out of the way of UNIQUE (certification_uuid, position): it gets its new
   * place when its turn comes, or goes with the blocs the fiche no longer has. */
  stmt = acq_store_prepare (store, "UPDATE bloc SET position = -position WHERE "
                                   "certification_uuid = ?1 AND position = ?2 AND uuid <> ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, certification_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;

  stmt = acq_store_prepare (store,
                            "INSERT INTO bloc (uuid, certification_uuid, code, position, title, "
                            "evaluation, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
                            "ON CONFLICT (uuid) DO UPDATE SET "
                            "certification_uuid = excluded.certification_uuid, "
                            "position = excluded.position, title = excluded.title, "
                            "evaluation = excluded.evaluation, updated_at = excluded.updated_at "
                            "WHERE certification_uuid IS NOT excluded.certification_uuid "
                            "OR position IS NOT excluded.position OR title IS NOT excluded.title "
                            "OR evaluation IS NOT excluded.evaluation",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, certification_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bloc->code, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, position);
  sqlite3_bind_text (stmt, 5, bloc->title != NULL ? bloc->title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, bloc->evaluation != NULL ? bloc->evaluation : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error) &&
         write_competences (store, uuid, bloc, now, error);
}

/* Every statement changes only what differs: the same fiche again writes no row and no
 * timestamp, and leaves nothing for the exchange to carry. */
static gboolean
write_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_autofree char *now = acq_store_now ();
  g_autofree char *uuid = derive_uuid ("certification", fiche->number, 0);
  sqlite3_stmt *stmt;

  stmt = acq_store_prepare (store,
                            "INSERT INTO certification (uuid, rncp, title, active, created_at, "
                            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                            "ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, "
                            "active = excluded.active, updated_at = excluded.updated_at "
                            "WHERE title IS NOT excluded.title OR active IS NOT excluded.active",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fiche->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fiche->title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, fiche->active ? 1 : 0);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < fiche->blocs->len; i++)
    if (!write_bloc (store, uuid, g_ptr_array_index (fiche->blocs, i), i + 1, now, error))
      return FALSE;

  stmt = acq_store_prepare (store, "DELETE FROM bloc WHERE certification_uuid = ?1 "
                                   "AND (position < 0 OR position > ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, fiche->blocs->len);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_referential_store_fiche:
 * @store: the store
 * @fiche: a complete fiche, as the parser gives
 * @error: where to put an error
 *
 * Adds or updates a certification, its blocs and its competences, in one transaction. Their
 * uuids derive from the RNCP number and the bloc codes (see acq_referential_derive_uuid()), so
 * that every machine gives them the same. Storing a fiche that is already there writes nothing;
 * a changed wording updates the rows, a competence being known by its bloc and its position;
 * the blocs and competences the fiche no longer has are removed.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_referential_store_fiche (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (fiche != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_fiche (fiche, error) || !acq_store_begin (store, error))
    return FALSE;
  if (write_fiche (store, fiche, error) && acq_store_commit (store, error))
    return TRUE;
  acq_store_rollback (store);
  return FALSE;
}

/**
 * acq_referential_ensure_default:
 * @store: the store
 * @error: where to put an error
 *
 * Stores the certification Acquis ships (%ACQ_REFERENTIAL_DEFAULT_FICHE) unless the store
 * already has it, which costs a single query.
 *
 * Returns: %TRUE if the store has it
 */
gboolean
acq_referential_ensure_default (AcqStore *store, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = acq_store_prepare (store, "SELECT 1 FROM certification WHERE rncp = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ACQ_REFERENTIAL_DEFAULT_FICHE, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return sqlite_failed (store, rc, "looking for the default certification", error);

  stream = g_resources_open_stream (ACQ_REFERENTIAL_RESOURCE_DIR ACQ_REFERENTIAL_DEFAULT_FICHE
                                    ".xml", G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (stream == NULL)
    return FALSE;
  fiche = acq_referential_read_fiche (stream, ACQ_REFERENTIAL_DEFAULT_FICHE, NULL, error);
  return fiche != NULL && acq_referential_store_fiche (store, fiche, error);
}
