/* acq-guidance.c — what to write in each rubric of the Dossier Professionnel, and questions per
 * competence, read from a key file: data/guidance/<fiche>.ini in the resources
 *
 * The file is content of the French dossier, not interface text: it is read as it is, whatever
 * the locale. It is checked whole when it is loaded (every rubric, every group, every rule), so
 * that a mistake in a shipped file fails the tests instead of showing an empty prompt to a
 * candidate, and the accessors only look things up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-guidance"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "acq-guidance-private.h"

/* A guidance file is a few dozen KiB; anything much larger is not one. */
#define GUIDANCE_MAX_BYTES (1024 * 1024)
#define FICHE_NUMBER_MAX_LEN 32
#define RULE_MAX 20

#define RUBRIC_PREFIX "rubric:"
#define COMPETENCE_PREFIX "competence:"
#define DOSSIER_GROUP "dossier"

static const char *const rubric_keys[] = { "Title", "Prompt", "Examples", NULL };
static const char *const competence_keys[] = { "Label", "Questions", NULL };

/* The DP's rules: an example is at most three pages, each bloc aimed at has one to three. */
static const struct
{
  const char *key;
  int         min;
  int         fallback;
} rules[] = {
  { "MaxExamplePages", 1, 3 },
  { "MinExamplesPerBloc", 0, 1 },
  { "MaxExamplesPerBloc", 1, 3 },
};

enum
{
  RULE_MAX_EXAMPLE_PAGES,
  RULE_MIN_EXAMPLES_PER_BLOC,
  RULE_MAX_EXAMPLES_PER_BLOC,
  N_RULES
};

static const char *const dossier_keys[] = {
  "MaxExamplePages", "MinExamplesPerBloc", "MaxExamplesPerBloc", NULL
};

/* The rubrics of the DP are the same for every titre professionnel: these are worded for any
 * of them, for a certification that ships no guidance of its own. Embedded rather than a
 * resource so that they cannot be missing. */
static const char generic_guidance[] =
  "[rubric:tasks]\n"
  "Title=Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles "
  "conditions\n"
  "Prompt=Choisissez une situation réelle de votre activité et racontez-la étape par "
  "étape, en disant « je » : ce que vous avez fait, dans quel ordre et pourquoi. "
  "Précisez les conditions (urgence, délais, interlocuteurs, contraintes, imprévus) et "
  "le résultat obtenu. Évitez les généralités et le « nous » : c’est votre pratique "
  "que le jury évalue, pas celle de votre équipe.\n"
  "Examples=le point de départ : quelle demande, à quel moment; chaque étape dans "
  "l’ordre, en disant « je »; une difficulté rencontrée et la façon dont vous l’avez "
  "surmontée; les conditions : délai, urgence, contraintes; le résultat obtenu\n"
  "\n"
  "[rubric:means]\n"
  "Title=Précisez les moyens utilisés\n"
  "Prompt=Dites avec quoi vous avez travaillé dans cette situation : outils, matériel, "
  "logiciels, documents, procédures. Plutôt qu’une liste, expliquez pour chacun "
  "comment vous l’avez utilisé et pourquoi vous l’avez choisi. Nommez-les "
  "précisément.\n"
  "Examples=les outils et le matériel; les logiciels et services en ligne; les "
  "documents, procédures et consignes; les supports que vous avez créés ou adaptés; le "
  "temps et le budget dont vous disposiez\n"
  "\n"
  "[rubric:partners]\n"
  "Title=Avec qui avez-vous travaillé ?\n"
  "Prompt=Le jury regarde comment vous agissez avec les autres : collègues, "
  "responsable, clients ou usagers, partenaires extérieurs. Désignez chacun par sa "
  "fonction plutôt que par son nom, dites ce qu’il a fait et ce que vous avez fait "
  "vous-même.\n"
  "Examples=vos collègues et votre responsable, par leur fonction; les clients, "
  "usagers ou bénéficiaires, sans les nommer; les partenaires et prestataires "
  "extérieurs; la façon d’échanger : réunion, téléphone, messagerie, outil partagé\n"
  "\n"
  "[rubric:context]\n"
  "Title=Précisez le contexte\n"
  "Prompt=Situez l’exemple : le nom de l’entreprise, de l’organisme ou de "
  "l’association, le service, votre fonction et la période, du … au …. Ajoutez ce qui "
  "aide le jury à comprendre la situation : le secteur, la taille de la structure, "
  "l’organisation du travail. Quelques lignes suffisent.\n"
  "Examples=le nom de l’entreprise, de l’organisme ou de l’association; le chantier, "
  "l’atelier ou le service; votre fonction et votre statut : salarié·e, bénévole, "
  "stagiaire; la période d’exercice, du … au …\n"
  "\n"
  "[rubric:additional]\n"
  "Title=Informations complémentaires (facultatif)\n"
  "Prompt=Cette rubrique est facultative. Elle accueille ce qui éclaire l’exemple sans "
  "trouver sa place ailleurs : ce que cette situation vous a appris, ce que vous "
  "feriez autrement aujourd’hui, les documents joints en annexe pour l’illustrer.\n"
  "Examples=ce que cette situation vous a appris; ce que vous feriez autrement "
  "aujourd’hui; une formation suivie en lien avec l’exemple; les documents joints en "
  "annexe, rendus anonymes\n"
  "\n"
  "[dossier]\n"
  "MaxExamplePages=3\n"
  "MinExamplesPerBloc=1\n"
  "MaxExamplesPerBloc=3\n";

typedef struct
{
  char  *title;
  char  *prompt;
  char **examples;
} Rubric;

typedef struct
{
  char  *label;
  char **questions;
} Competence;

struct _AcqGuidance
{
  char       *fiche_number; /* NULL for the generic guidance */
  Rubric      rubrics[ACQ_N_RUBRICS];
  GHashTable *competences;  /* "BLOC:POSITION" (bloc code in upper case) → Competence */
  int         rules[N_RULES];
};

G_DEFINE_QUARK (acq-guidance-error-quark, acq_guidance_error)

G_DEFINE_BOXED_TYPE (AcqGuidance, acq_guidance, acq_guidance_ref, acq_guidance_unref)

static gboolean G_GNUC_PRINTF (3, 4)
set_error (GError **error, AcqGuidanceError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ACQ_GUIDANCE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static void
competence_free (gpointer data)
{
  Competence *competence = data;

  g_free (competence->label);
  g_strfreev (competence->questions);
  g_free (competence);
}

static void
guidance_clear (gpointer data)
{
  AcqGuidance *self = data;

  g_free (self->fiche_number);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_free (self->rubrics[i].title);
      g_free (self->rubrics[i].prompt);
      g_strfreev (self->rubrics[i].examples);
    }
  g_clear_pointer (&self->competences, g_hash_table_unref);
}

static AcqGuidance *
guidance_new (void)
{
  AcqGuidance *self = g_atomic_rc_box_new0 (AcqGuidance);

  self->competences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, competence_free);
  for (guint i = 0; i < N_RULES; i++)
    self->rules[i] = rules[i].fallback;
  return self;
}

/**
 * acq_guidance_ref:
 * @self: a guidance
 *
 * Returns: (transfer full): @self, with one more reference
 */
AcqGuidance *
acq_guidance_ref (AcqGuidance *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/**
 * acq_guidance_unref:
 * @self: (nullable): a guidance
 *
 * Drops a reference to @self, freeing it with the last one. A guidance never changes once
 * loaded, so it can be shared between threads.
 */
void
acq_guidance_unref (AcqGuidance *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, guidance_clear);
}

static char *
competence_key (const char *bloc_code, guint64 position)
{
  g_autofree char *code = g_ascii_strup (bloc_code, -1);

  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, code, position);
}

/* Loading */

typedef struct
{
  GKeyFile   *key_file;
  const char *name; /* for the messages */
} Loader;

static gboolean
is_code (const char *text)
{
  if (*text == '\0' || strlen (text) > FICHE_NUMBER_MAX_LEN)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* A key that GKeyFile cannot read as UTF-8 is a damaged file; a missing one an incomplete one. */
static gboolean
convert_key_file_error (Loader *self, const char *group, const char *key, GError *key_error,
                        GError **error)
{
  if (g_error_matches (key_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_UNKNOWN_ENCODING))
    return set_error (error, ACQ_GUIDANCE_ERROR_MALFORMED,
                      _("The key %s in the group [%s] of the writing guidance %s is not valid "
                        "UTF-8 text."), key, group, self->name);
  return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                    _("The group [%s] of the writing guidance %s has no %s."), group, self->name,
                    key);
}

static gboolean
check_keys (Loader *self, const char *group, const char *const *allowed, GError **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (self->key_file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (allowed, keys[i]))
      return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                        _("The group [%s] of the writing guidance %s has an unknown key %s."),
                        group, self->name, keys[i]);
  return TRUE;
}

static char *
read_text (Loader *self, const char *group, const char *key, GError **error)
{
  g_autoptr (GError) key_error = NULL;
  g_autofree char *value = g_key_file_get_string (self->key_file, group, key, &key_error);

  if (value == NULL)
    {
      convert_key_file_error (self, group, key, key_error, error);
      return NULL;
    }
  g_strstrip (value);
  if (*value == '\0')
    {
      set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                 _("The key %s in the group [%s] of the writing guidance %s is empty."), key,
                 group, self->name);
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* A list separated by ';', its items stripped of the spaces around them, the empty ones (a
 * trailing ';') dropped. An absent optional key gives an empty list. */
static char **
read_list (Loader *self, const char *group, const char *key, gboolean required, GError **error)
{
  g_autoptr (GError) key_error = NULL;
  g_auto (GStrv) items = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) result = NULL;

  if (!required && !g_key_file_has_key (self->key_file, group, key, NULL))
    return g_new0 (char *, 1);

  items = g_key_file_get_string_list (self->key_file, group, key, NULL, &key_error);
  if (items == NULL && key_error != NULL)
    {
      convert_key_file_error (self, group, key, key_error, error);
      return NULL;
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      g_strv_builder_add (builder, items[i]);
  result = g_strv_builder_end (builder);
  if (required && result[0] == NULL)
    {
      set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                 _("The key %s in the group [%s] of the writing guidance %s is empty."), key,
                 group, self->name);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static gboolean
load_rubric (Loader *self, const char *group, Rubric *rubric, GError **error)
{
  if (!check_keys (self, group, rubric_keys, error))
    return FALSE;
  if ((rubric->title = read_text (self, group, "Title", error)) == NULL)
    return FALSE;
  if ((rubric->prompt = read_text (self, group, "Prompt", error)) == NULL)
    return FALSE;
  return (rubric->examples = read_list (self, group, "Examples", FALSE, error)) != NULL;
}

static gboolean
load_rubrics (Loader *self, AcqGuidance *guidance, GError **error)
{
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *group = g_strconcat (RUBRIC_PREFIX, acq_rubric_get_name (i), NULL);

      if (!g_key_file_has_group (self->key_file, group))
        return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                          _("The writing guidance %s has no group [%s]."), self->name, group);
      if (!load_rubric (self, group, &guidance->rubrics[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_rubric_group (const char *group)
{
  if (!g_str_has_prefix (group, RUBRIC_PREFIX))
    return FALSE;
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    if (strcmp (group + strlen (RUBRIC_PREFIX), acq_rubric_get_name (i)) == 0)
      return TRUE;
  return FALSE;
}

/* [competence:RNCP37274BC01:1]: the bloc's code and the competence's 1-based position in it,
 * as in the uuids of the referential. */
static gboolean
load_competence (Loader *self, AcqGuidance *guidance, const char *group, GError **error)
{
  const char *name = group + strlen (COMPETENCE_PREFIX);
  const char *colon = strrchr (name, ':');
  g_autofree char *code = NULL;
  g_autofree char *key = NULL;
  guint64 position = 0;
  Competence *competence;

  if (colon != NULL)
    code = g_strndup (name, colon - name);
  if (code == NULL || !is_code (code) ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT, &position, NULL))
    return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                      _("The group [%s] of the writing guidance %s does not name a competence: "
                        "write it as [competence:BLOC:POSITION], such as "
                        "[competence:RNCP37274BC01:1]."), group, self->name);

  key = competence_key (code, position);
  if (g_hash_table_contains (guidance->competences, key))
    return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                      _("The writing guidance %s has the competence %s twice."), self->name, key);
  if (!check_keys (self, group, competence_keys, error))
    return FALSE;

  competence = g_new0 (Competence, 1);
  g_hash_table_insert (guidance->competences, g_steal_pointer (&key), competence);
  if ((competence->label = read_text (self, group, "Label", error)) == NULL)
    return FALSE;
  return (competence->questions = read_list (self, group, "Questions", TRUE, error)) != NULL;
}

static gboolean
load_rules (Loader *self, AcqGuidance *guidance, GError **error)
{
  if (!g_key_file_has_group (self->key_file, DOSSIER_GROUP))
    return TRUE;
  if (!check_keys (self, DOSSIER_GROUP, dossier_keys, error))
    return FALSE;

  for (guint i = 0; i < N_RULES; i++)
    {
      g_autoptr (GError) key_error = NULL;
      int value;

      if (!g_key_file_has_key (self->key_file, DOSSIER_GROUP, rules[i].key, NULL))
        continue;
      value = g_key_file_get_integer (self->key_file, DOSSIER_GROUP, rules[i].key, &key_error);
      if (key_error != NULL || value < rules[i].min || value > RULE_MAX)
        return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                          _("The rule %s of the writing guidance %s must be a whole number from "
                            "%d to %d."), rules[i].key, self->name, rules[i].min, RULE_MAX);
      guidance->rules[i] = value;
    }
  if (guidance->rules[RULE_MIN_EXAMPLES_PER_BLOC] > guidance->rules[RULE_MAX_EXAMPLES_PER_BLOC])
    return set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                      _("The writing guidance %s asks for more examples per bloc at least "
                        "(MinExamplesPerBloc) than at most (MaxExamplesPerBloc)."), self->name);
  return TRUE;
}

/*
 * _acq_guidance_new_from_bytes:
 * @bytes: the content of a guidance key file
 * @fiche_number: (nullable): the certification it is for, %NULL for the generic guidance
 * @name: what to call the file in messages
 *
 * Returns: (transfer full) (nullable): the guidance, or %NULL with ACQ_GUIDANCE_ERROR_MALFORMED
 * or ACQ_GUIDANCE_ERROR_INCOMPLETE
 */
AcqGuidance *
_acq_guidance_new_from_bytes (GBytes *bytes, const char *fiche_number, const char *name,
                              GError **error)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (AcqGuidance) guidance = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_auto (GStrv) groups = NULL;
  Loader self = { key_file, name };
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > GUIDANCE_MAX_BYTES)
    {
      set_error (error, ACQ_GUIDANCE_ERROR_MALFORMED,
                 _("The writing guidance %s is larger than 1 MiB: it is not a guidance file."),
                 name);
      return NULL;
    }
  /* GKeyFile only checks the values it is asked for; a comment in Latin-1 would pass. */
  if (size > 0 && !g_utf8_validate_len (data, size, NULL))
    {
      set_error (error, ACQ_GUIDANCE_ERROR_MALFORMED,
                 _("The writing guidance %s is not valid UTF-8 text."), name);
      return NULL;
    }
  /* Translations kept so that a "Prompt[en]" is refused whatever the locale, not dropped in
   * some and read in others: the guidance is French content. */
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &parse_error))
    {
      set_error (error, ACQ_GUIDANCE_ERROR_MALFORMED,
                 _("The writing guidance %s is not a valid key file: %s"), name,
                 parse_error->message);
      return NULL;
    }

  guidance = guidance_new ();
  guidance->fiche_number = g_strdup (fiche_number);
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], COMPETENCE_PREFIX))
        {
          if (!load_competence (&self, guidance, groups[i], error))
            return NULL;
        }
      else if (!is_rubric_group (groups[i]) && strcmp (groups[i], DOSSIER_GROUP) != 0)
        {
          set_error (error, ACQ_GUIDANCE_ERROR_INCOMPLETE,
                     _("The writing guidance %s has an unknown group [%s]."), name, groups[i]);
          return NULL;
        }
    }
  if (!load_rubrics (&self, guidance, error) || !load_rules (&self, guidance, error))
    return NULL;
  return g_steal_pointer (&guidance);
}

/**
 * acq_guidance_load:
 * @fiche_number: the certification's fiche, such as "RNCP37274"
 * @error: return location for a #GError
 *
 * Loads the writing guidance shipped for a certification: the five rubrics of the Dossier
 * Professionnel with what the jury looks for in each, questions per competence, and the DP's
 * rules.
 *
 * Only some certifications have one. For the others this fails with
 * %ACQ_GUIDANCE_ERROR_NOT_FOUND, and a caller that wants the rubric prompts anyway falls back to
 * acq_guidance_new_generic(), which has them for any titre professionnel but no questions per
 * competence. A shipped file that cannot be read gives %ACQ_GUIDANCE_ERROR_MALFORMED or
 * %ACQ_GUIDANCE_ERROR_INCOMPLETE: a bug, which the tests catch.
 *
 * Returns: (transfer full) (nullable): the guidance, or %NULL with @error set
 */
AcqGuidance *
acq_guidance_load (const char *fiche_number, GError **error)
{
  g_autofree char *number = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) lookup_error = NULL;

  g_return_val_if_fail (fiche_number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The number becomes part of a resource path: nothing but letters and digits goes in. */
  if (!is_code (fiche_number))
    {
      set_error (error, ACQ_GUIDANCE_ERROR_NOT_FOUND,
                 _("No writing guidance is shipped for the certification %s."), fiche_number);
      return NULL;
    }
  number = g_ascii_strup (fiche_number, -1);
  name = g_strconcat (number, ".ini", NULL);
  path = g_strconcat (ACQ_GUIDANCE_RESOURCE_DIR, name, NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &lookup_error);
  if (bytes == NULL)
    {
      if (g_error_matches (lookup_error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        set_error (error, ACQ_GUIDANCE_ERROR_NOT_FOUND,
                   _("No writing guidance is shipped for the certification %s."), number);
      else
        set_error (error, ACQ_GUIDANCE_ERROR_MALFORMED,
                   _("The writing guidance %s cannot be read: %s"), name,
                   lookup_error->message);
      return NULL;
    }
  return _acq_guidance_new_from_bytes (bytes, number, name, error);
}

/**
 * acq_guidance_new_generic:
 *
 * The guidance for a certification that ships none: the five rubrics of the Dossier
 * Professionnel worded for any titre professionnel, no questions per competence, and the DP's
 * rules (three pages at most per example, one to three examples per bloc).
 *
 * Returns: (transfer full): the generic guidance
 */
AcqGuidance *
acq_guidance_new_generic (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (generic_guidance, strlen (generic_guidance));
  g_autoptr (GError) error = NULL;
  AcqGuidance *guidance = _acq_guidance_new_from_bytes (bytes, NULL, "(generic)", &error);

  /* Compiled in and covered by the tests: a failure here is a bug in this file. */
  if (guidance == NULL)
    g_error ("The generic writing guidance does not load: %s", error->message);
  return guidance;
}

/* Accessors */

/**
 * acq_guidance_get_fiche_number:
 * @self: a guidance
 *
 * Returns: (nullable): the fiche @self was loaded for, such as "RNCP37274"; %NULL for the
 *   generic guidance
 */
const char *
acq_guidance_get_fiche_number (AcqGuidance *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->fiche_number;
}

/**
 * acq_guidance_get_rubric_title:
 * @self: a guidance
 * @rubric: the rubric
 *
 * Returns: the rubric's heading as in the ministry's model of the DP, in French, without its
 *   number: "Précisez les moyens utilisés"
 */
const char *
acq_guidance_get_rubric_title (AcqGuidance *self, AcqRubric rubric)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return self->rubrics[rubric].title;
}

/**
 * acq_guidance_get_rubric_prompt:
 * @self: a guidance
 * @rubric: the rubric
 *
 * Returns: a few sentences in French telling the candidate what the jury looks for in that
 *   rubric
 */
const char *
acq_guidance_get_rubric_prompt (AcqGuidance *self, AcqRubric rubric)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return self->rubrics[rubric].prompt;
}

/**
 * acq_guidance_get_rubric_examples:
 * @self: a guidance
 * @rubric: the rubric
 *
 * Returns: (transfer none) (array zero-terminated=1): the kinds of detail worth writing in that
 *   rubric, in French; empty if the file lists none
 */
const char * const *
acq_guidance_get_rubric_examples (AcqGuidance *self, AcqRubric rubric)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return (const char * const *) self->rubrics[rubric].examples;
}

static const Competence *
find_competence (AcqGuidance *self, const char *bloc_code, int position)
{
  g_autofree char *key = competence_key (bloc_code, position);

  return g_hash_table_lookup (self->competences, key);
}

/**
 * acq_guidance_get_competence_label:
 * @self: a guidance
 * @bloc_code: the bloc's code, such as "RNCP37274BC01"
 * @position: the competence's 1-based position in the bloc
 *
 * Returns: (nullable): the competence as worded in the referential, or %NULL if @self has no
 *   questions for it
 */
const char *
acq_guidance_get_competence_label (AcqGuidance *self, const char *bloc_code, int position)
{
  const Competence *competence;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bloc_code != NULL, NULL);
  g_return_val_if_fail (position >= 1, NULL);

  competence = find_competence (self, bloc_code, position);
  return competence != NULL ? competence->label : NULL;
}

/**
 * acq_guidance_get_competence_questions:
 * @self: a guidance
 * @bloc_code: the bloc's code, such as "RNCP37274BC01"
 * @position: the competence's 1-based position in the bloc
 *
 * Questions, in French, that help the candidate remember a concrete situation where they used
 * that competence.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): at least one question, or
 *   %NULL if @self has none for that competence (always so for the generic guidance)
 */
const char * const *
acq_guidance_get_competence_questions (AcqGuidance *self, const char *bloc_code, int position)
{
  const Competence *competence;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (bloc_code != NULL, NULL);
  g_return_val_if_fail (position >= 1, NULL);

  competence = find_competence (self, bloc_code, position);
  return competence != NULL ? (const char * const *) competence->questions : NULL;
}

/**
 * acq_guidance_get_max_example_pages:
 * @self: a guidance
 *
 * Returns: the most pages an example of practice may take in the dossier (3 in the DP)
 */
int
acq_guidance_get_max_example_pages (AcqGuidance *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rules[RULE_MAX_EXAMPLE_PAGES];
}

/**
 * acq_guidance_get_min_examples_per_bloc:
 * @self: a guidance
 *
 * Returns: the fewest examples each bloc aimed at must have (1 in the DP)
 */
int
acq_guidance_get_min_examples_per_bloc (AcqGuidance *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rules[RULE_MIN_EXAMPLES_PER_BLOC];
}

/**
 * acq_guidance_get_max_examples_per_bloc:
 * @self: a guidance
 *
 * Returns: the most examples a bloc may have (3 in the DP)
 */
int
acq_guidance_get_max_examples_per_bloc (AcqGuidance *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rules[RULE_MAX_EXAMPLES_PER_BLOC];
}
