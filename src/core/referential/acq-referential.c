/* acq-referential.c — certifications, their blocs and competences (France Compétences' RNCP
 * open-data XML, flux 4.1): the fiche and bloc types, and the parser that reads them from an
 * export in a stream. The free text is made plain in acq-referential-text.c; the fiches are kept
 * in the store by acq-referential-store.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <string.h>

#include "acq-referential-private.h"
#include "acq-user-file.h"

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
  g_free (bloc->competences_text);
  g_clear_pointer (&bloc->competences, g_ptr_array_unref);
  g_clear_pointer (&bloc->competence_uuids, g_ptr_array_unref);
  g_free (bloc);
}

AcqBlocDef *
_acq_referential_bloc_def_new (void)
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
  copy->competences_text = g_strdup (bloc->competences_text);
  if (bloc->competence_uuids != NULL)
    copy->competence_uuids = g_ptr_array_copy (bloc->competence_uuids, copy_string, NULL);
  return copy;
}

AcqFiche *
_acq_referential_fiche_new (void)
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
  copy->version_date = g_strdup (fiche->version_date);
  copy->abrege_code = g_strdup (fiche->abrege_code);
  copy->abrege_label = g_strdup (fiche->abrege_label);
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
  g_free (fiche->version_date);
  g_free (fiche->abrege_code);
  g_free (fiche->abrege_label);
  g_clear_pointer (&fiche->blocs, g_ptr_array_unref);
  g_free (fiche);
}

/**
 * acq_fiche_is_titre_professionnel:
 * @fiche: a fiche
 *
 * Whether the certification is a titre professionnel of the ministry of labour, whose blocs
 * the Dossier Professionnel calls *activités-types*: its ABREGE/CODE is "TP"; a fiche without
 * one (an export or a store of before the code was kept) is one when its title says so.
 *
 * Returns: %TRUE for a titre professionnel
 */
gboolean
acq_fiche_is_titre_professionnel (const AcqFiche *fiche)
{
  g_return_val_if_fail (fiche != NULL, FALSE);

  return acq_referential_is_titre_professionnel (fiche->abrege_code, fiche->title);
}

/**
 * acq_referential_is_titre_professionnel:
 * @abrege_code: (nullable): the fiche's ABREGE/CODE, %NULL or "" when unknown
 * @title: (nullable): the certification's title
 *
 * The rule of acq_fiche_is_titre_professionnel() for what the store holds.
 *
 * Returns: %TRUE for a titre professionnel
 */
gboolean
acq_referential_is_titre_professionnel (const char *abrege_code, const char *title)
{
  g_autofree char *folded = NULL;

  if (abrege_code != NULL && *abrege_code != '\0')
    return g_ascii_strcasecmp (abrege_code, "TP") == 0;
  /* the fallback: "Titre professionnel Conseiller en insertion professionnelle" */
  folded = title != NULL ? g_utf8_casefold (title, -1) : NULL;
  return folded != NULL && strstr (folded, "titre professionnel") != NULL;
}

/**
 * acq_fiche_dup_name:
 * @fiche: a fiche
 *
 * Returns: (transfer full): its number and title, as a user chooses among certifications:
 *   "RNCP37274 — Conseiller en insertion professionnelle"
 */
char *
acq_fiche_dup_name (const AcqFiche *fiche)
{
  g_return_val_if_fail (fiche != NULL, NULL);

  return g_strdup_printf ("%s — %s", fiche->number, fiche->title != NULL ? fiche->title : "");
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

/**
 * acq_competence_dup_code:
 * @bloc_position: the bloc's place in its fiche, from 1
 * @competence_position: the competence's place in its bloc, from 1
 *
 * The short name every screen gives a competence beside its wording: "C1.2" for the second
 * competence of the first bloc.
 *
 * Returns: (transfer full): the code
 */
char *
acq_competence_dup_code (int bloc_position, int competence_position)
{
  return g_strdup_printf ("C%d.%d", bloc_position, competence_position);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* What the store needs and what the parser promises its callers: a fiche that can be followed. */
gboolean
_acq_referential_validate_fiche (const AcqFiche *fiche, GError **error)
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
  FIELD_PUBLISHED,
  FIELD_EFFECTIVE,
  FIELD_ABREGE_CODE,
  FIELD_ABREGE_LABEL,
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
  { "DATE_DE_PUBLICATION", 2, FIELD_PUBLISHED }, { "DATE_EFFET", 2, FIELD_EFFECTIVE },
  /* inside ABREGE only (see on_element_start): the fiche's kind, not a bloc's code */
  { "CODE", 3, FIELD_ABREGE_CODE },        { "LIBELLE", 3, FIELD_ABREGE_LABEL },
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
  gboolean           headers_only; /* listing: the lists of competences are not split */

  AcqFiche          *fiche;
  gboolean           fiche_wanted; /* its number is among those asked for */
  gboolean           skip_fiche;
  gboolean           in_abrege;
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
    take_number (self, _acq_referential_single_line_text (text));
  else if (field == FIELD_TITLE)
    replace (&self->fiche->title, _acq_referential_single_line_text (text));
  else if (field == FIELD_ACTIVE)
    {
      g_autofree char *value = _acq_referential_single_line_text (text);

      self->fiche->active = g_ascii_strcasecmp (value, "Oui") == 0;
    }
  else if (field == FIELD_PUBLISHED || field == FIELD_EFFECTIVE)
    {
      g_autofree char *value = _acq_referential_single_line_text (text);
      char *date = _acq_referential_parse_version_date (value);

      /* The publication dates a version of the fiche; its effective date stands in for it
       * when an export has no publication date. */
      if (date != NULL && (field == FIELD_PUBLISHED || self->fiche->version_date == NULL))
        replace (&self->fiche->version_date, date);
      else
        g_free (date);
    }
  else if (field == FIELD_ABREGE_CODE || field == FIELD_ABREGE_LABEL)
    {
      char *value = _acq_referential_single_line_text (text);

      if (*value == '\0')
        g_clear_pointer (&value, g_free);
      replace (field == FIELD_ABREGE_CODE ? &self->fiche->abrege_code
                                          : &self->fiche->abrege_label, value);
    }
  else if (field == FIELD_CODE)
    replace (&self->bloc->code, _acq_referential_single_line_text (text));
  else if (field == FIELD_LABEL)
    replace (&self->bloc->title, _acq_referential_single_line_text (text));
  else if (field == FIELD_LIST && !self->headers_only)
    {
      _acq_referential_split_competences (text, self->bloc->competences);
      replace (&self->bloc->competences_text, _acq_referential_multi_line_text (text));
    }
  else if (field == FIELD_EVALUATION && !self->headers_only)
    replace (&self->bloc->evaluation, _acq_referential_multi_line_text (text));
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
  /* a list names each fiche by its number: one without is no certification to choose */
  if (self->headers_only && is_blank (fiche->number))
    return STEP_READ;
  if (!self->headers_only && !_acq_referential_validate_fiche (fiche, &local_error))
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
  self->fiche = _acq_referential_fiche_new ();
  self->fiche_wanted = self->skip_fiche = self->in_abrege = FALSE;
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
  self->bloc = _acq_referential_bloc_def_new ();
  self->bloc->position = self->fiche->blocs->len + 1;
  self->bloc->title = g_strdup ("");
  self->bloc->evaluation = g_strdup ("");
  return empty ? bloc_end (self) : STEP_READ;
}

/* The depth says where the reader is, since every element the parser does not know is skipped
 * whole: 0 FICHES, 1 FICHE, 2 its fields, ABREGE and BLOCS_COMPETENCES, 3 the fields of
 * ABREGE or a BLOC_COMPETENCES, 4 the bloc's fields. */
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
      if (g_strcmp0 (name, "ABREGE") == 0)
        {
          self->in_abrege = !empty;
          return STEP_READ;
        }
      return field_begin (self, name, depth, empty, error);
    case 3:
      if (self->in_abrege)
        return field_begin (self, name, depth, empty, error);
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
  if (depth == 2)
    self->in_abrege = FALSE;
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
static gboolean
parse (GInputStream       *stream,
       const char *const  *numbers,
       gboolean            headers_only,
       AcqFicheFunc        func,
       gpointer            user_data,
       GCancellable       *cancellable,
       GError            **error)
{
  Parser self = { 0 };

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
  self.headers_only = headers_only;
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

gboolean
acq_referential_parse (GInputStream       *stream,
                       const char *const  *numbers,
                       AcqFicheFunc        func,
                       gpointer            user_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse (stream, numbers, FALSE, func, user_data, cancellable, error);
}

/**
 * acq_referential_list:
 * @stream: a France Compétences export (flux 4.1)
 * @func: (scope call): called with each fiche read
 * @user_data: data for @func
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error
 *
 * Reads what a list of the export's certifications shows: each fiche's number, title, state
 * and blocs (their codes and titles), every fiche, those without blocs too; the competence
 * lists are not split, which halves the time over the national export. The same safety as
 * acq_referential_parse().
 *
 * Returns: %TRUE if the file was read (or @func stopped it), %FALSE with @error set
 */
gboolean
acq_referential_list (GInputStream  *stream,
                      AcqFicheFunc   func,
                      gpointer       user_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse (stream, NULL, TRUE, func, user_data, cancellable, error);
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

/**
 * acq_referential_read_fiche_file:
 * @path: a France Compétences export the user chose
 * @number: the NUMERO_FICHE, such as "RNCP37274"
 * @cancellable: (nullable): a #GCancellable
 * @error: where to put an error; %G_IO_ERROR_NOT_REGULAR_FILE if @path is a folder, a pipe or
 *   a device (refused at once, see acq_user_file_open())
 *
 * Returns: (transfer full) (nullable): the fiche, or %NULL with @error set
 */
AcqFiche *
acq_referential_read_fiche_file (const char    *path,
                                 const char    *number,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr (GInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = acq_referential_open_export (path, error);
  if (stream == NULL)
    return NULL;
  return acq_referential_read_fiche (stream, number, cancellable, error);
}
