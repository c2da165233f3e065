/* acq-sheet.c — an experience sheet: one *exemple de pratique professionnelle* of the
 * Dossier Professionnel, with its five rubrics and the competences it demonstrates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "acq-sheet-private.h"
#include "acq-text.h"

/* The text fields: the five rubrics (indexed by AcqRubric), then the one-line fields. */
enum
{
  FIELD_TITLE = ACQ_N_RUBRICS,
  FIELD_ORGANISATION,
  FIELD_DEPARTMENT,
  N_FIELDS
};

typedef struct
{
  const char *property;
  gsize       max_chars;
  const char *label; /* untranslated (N_), translate with _() */
} FieldInfo;

static const FieldInfo field_info[N_FIELDS] = {
  { ACQ_RUBRIC_TASKS_NAME, ACQ_SHEET_RUBRIC_MAX_CHARS, N_("Tasks and conditions") },
  { ACQ_RUBRIC_MEANS_NAME, ACQ_SHEET_RUBRIC_MAX_CHARS, N_("Means used") },
  { ACQ_RUBRIC_PARTNERS_NAME, ACQ_SHEET_RUBRIC_MAX_CHARS, N_("Who you worked with") },
  { ACQ_RUBRIC_CONTEXT_NAME, ACQ_SHEET_RUBRIC_MAX_CHARS, N_("Context") },
  { ACQ_RUBRIC_ADDITIONAL_NAME, ACQ_SHEET_RUBRIC_MAX_CHARS, N_("Additional information") },
  { "title", ACQ_SHEET_LINE_MAX_CHARS, N_("Title") },
  { "organisation", ACQ_SHEET_LINE_MAX_CHARS, N_("Organisation") },
  { "department", ACQ_SHEET_LINE_MAX_CHARS, N_("Department") },
};

struct _AcqSheet
{
  GObject        parent_instance;

  char          *uuid;
  char          *candidate_uuid;
  char          *bloc_uuid;
  char          *text[N_FIELDS];
  AcqSheetKind   kind;
  char          *period_from;
  char          *period_to;
  GStrv          competences;

  /* as stored: set by the sheet list and the review, never by the user */
  AcqReviewState review_state;
  gboolean       returned_to_draft;
  gint64         revision;
  char          *created_at;
  char          *updated_at;
};

G_DEFINE_FINAL_TYPE (AcqSheet, acq_sheet, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_CANDIDATE_UUID,
  PROP_BLOC_UUID,
  PROP_KIND,
  PROP_PERIOD_FROM,
  PROP_PERIOD_TO,
  PROP_ONGOING,
  PROP_COMPETENCES,
  PROP_REVIEW_STATE,
  PROP_RETURNED_TO_DRAFT,
  PROP_REVISION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DISPLAY_TITLE,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + N_FIELDS
};

static GParamSpec *properties[N_PROPS];

const char *
acq_rubric_label (AcqRubric rubric)
{
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, "");
  return _(field_info[rubric].label);
}

/**
 * acq_rubric_property:
 * @rubric: a rubric
 *
 * Returns: the name of the #AcqSheet property that holds @rubric, to bind a text view to it
 */
const char *
acq_rubric_property (AcqRubric rubric)
{
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return field_info[rubric].property;
}

const char *
acq_sheet_kind_label (AcqSheetKind kind)
{
  switch (kind)
    {
    case ACQ_SHEET_KIND_EMPLOYEE: return _("Employee");
    case ACQ_SHEET_KIND_VOLUNTEER: return _("Volunteer");
    case ACQ_SHEET_KIND_CARER: return _("Family carer");
    case ACQ_SHEET_KIND_INTERNSHIP: return _("Internship");
    case ACQ_SHEET_KIND_SELF_EMPLOYED: return _("Self-employed");
    case ACQ_N_SHEET_KINDS: default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_review_state_label (AcqReviewState state)
{
  switch (state)
    {
    case ACQ_REVIEW_STATE_DRAFT: return _("Draft");
    case ACQ_REVIEW_STATE_TO_REVIEW: return _("To review");
    case ACQ_REVIEW_STATE_CHANGES_REQUESTED: return _("Changes requested");
    case ACQ_REVIEW_STATE_VALIDATED: return _("Validated");
    case ACQ_N_REVIEW_STATES: default: break;
    }
  g_return_val_if_reached ("");
}

static gboolean
replace_string (char **slot, const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
notify (AcqSheet *self, guint prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
acq_sheet_finalize (GObject *object)
{
  AcqSheet *self = ACQ_SHEET (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->text[i]);
  g_free (self->uuid);
  g_free (self->candidate_uuid);
  g_free (self->bloc_uuid);
  g_free (self->period_from);
  g_free (self->period_to);
  g_strfreev (self->competences);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (acq_sheet_parent_class)->finalize (object);
}

static void
acq_sheet_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqSheet *self = ACQ_SHEET (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_CANDIDATE_UUID: g_value_set_string (value, self->candidate_uuid); break;
    case PROP_BLOC_UUID: g_value_set_string (value, self->bloc_uuid); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_PERIOD_FROM: g_value_set_string (value, self->period_from); break;
    case PROP_PERIOD_TO: g_value_set_string (value, self->period_to); break;
    case PROP_ONGOING: g_value_set_boolean (value, acq_sheet_is_ongoing (self)); break;
    case PROP_COMPETENCES: g_value_set_boxed (value, self->competences); break;
    case PROP_REVIEW_STATE: g_value_set_int (value, self->review_state); break;
    case PROP_RETURNED_TO_DRAFT: g_value_set_boolean (value, self->returned_to_draft); break;
    case PROP_REVISION: g_value_set_int64 (value, self->revision); break;
    case PROP_CREATED_AT: g_value_set_string (value, self->created_at); break;
    case PROP_UPDATED_AT: g_value_set_string (value, self->updated_at); break;
    case PROP_DISPLAY_TITLE: g_value_take_string (value, acq_sheet_dup_display_title (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_text (AcqSheet *self, guint field, const char *value)
{
  if (!replace_string (&self->text[field], value ? value : ""))
    return;
  notify (self, PROP_TEXT_FIRST + field);
  if (field == FIELD_TITLE)
    notify (self, PROP_DISPLAY_TITLE);
}

static void
acq_sheet_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AcqSheet *self = ACQ_SHEET (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_UUID: self->uuid = g_value_dup_string (value); break;
    case PROP_CANDIDATE_UUID: self->candidate_uuid = g_value_dup_string (value); break;
    case PROP_BLOC_UUID: acq_sheet_set_bloc_uuid (self, g_value_get_string (value)); break;
    case PROP_KIND: acq_sheet_set_kind (self, g_value_get_int (value)); break;
    case PROP_PERIOD_FROM: acq_sheet_set_period_from (self, g_value_get_string (value)); break;
    case PROP_PERIOD_TO: acq_sheet_set_period_to (self, g_value_get_string (value)); break;
    case PROP_COMPETENCES: acq_sheet_set_competences (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_read_only_properties (void)
{
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_ONGOING] = g_param_spec_boolean ("ongoing", NULL, NULL, FALSE, ro);
  properties[PROP_REVIEW_STATE] =
    g_param_spec_int ("review-state", NULL, NULL, 0, ACQ_N_REVIEW_STATES - 1, 0, ro);
  properties[PROP_RETURNED_TO_DRAFT] =
    g_param_spec_boolean ("returned-to-draft", NULL, NULL, FALSE, ro);
  properties[PROP_REVISION] = g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
}

static void
acq_sheet_class_init (AcqSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct =
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acq_sheet_finalize;
  object_class->get_property = acq_sheet_get_property;
  object_class->set_property = acq_sheet_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, construct);
  properties[PROP_CANDIDATE_UUID] =
    g_param_spec_string ("candidate-uuid", NULL, NULL, NULL, construct);
  properties[PROP_BLOC_UUID] = g_param_spec_string ("bloc-uuid", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, ACQ_N_SHEET_KINDS - 1, 0, rw);
  properties[PROP_PERIOD_FROM] = g_param_spec_string ("period-from", NULL, NULL, NULL, rw);
  properties[PROP_PERIOD_TO] = g_param_spec_string ("period-to", NULL, NULL, NULL, rw);
  properties[PROP_COMPETENCES] =
    g_param_spec_boxed ("competences", NULL, NULL, G_TYPE_STRV, rw);
  install_read_only_properties ();
  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (field_info[i].property, NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acq_sheet_init (AcqSheet *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->text[i] = g_strdup ("");
  self->competences = g_new0 (char *, 1);
}

/**
 * acq_sheet_new:
 * @uuid: (nullable): the sheet's identity, or %NULL for a new random one
 * @candidate_uuid: the candidate whose experience it describes
 *
 * Returns: (transfer full): a sheet that is not stored yet, a draft
 */
AcqSheet *
acq_sheet_new (const char *uuid, const char *candidate_uuid)
{
  g_autofree char *fresh = uuid ? NULL : g_uuid_string_random ();

  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  return g_object_new (ACQ_TYPE_SHEET, "uuid", uuid ? uuid : fresh,
                       "candidate-uuid", candidate_uuid, NULL);
}

const char *
acq_sheet_get_uuid (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->uuid;
}

const char *
acq_sheet_get_candidate_uuid (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->candidate_uuid;
}

const char *
acq_sheet_get_bloc_uuid (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->bloc_uuid;
}

void
acq_sheet_set_bloc_uuid (AcqSheet *self, const char *bloc_uuid)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  if (bloc_uuid != NULL && *bloc_uuid == '\0')
    bloc_uuid = NULL;
  if (replace_string (&self->bloc_uuid, bloc_uuid))
    notify (self, PROP_BLOC_UUID);
}

const char *
acq_sheet_get_title (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->text[FIELD_TITLE];
}

void
acq_sheet_set_title (AcqSheet *self, const char *title)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  set_text (self, FIELD_TITLE, title);
}

/**
 * acq_sheet_dup_display_title:
 * @self: a sheet
 *
 * Returns: (transfer full): the title, or a placeholder while it is empty
 */
char *
acq_sheet_dup_display_title (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return acq_sheet_format_title (self->text[FIELD_TITLE]);
}

/**
 * acq_sheet_format_title:
 * @title: (nullable): a sheet's title as stored
 *
 * Returns: (transfer full): the title as acq_sheet_dup_display_title() says it
 */
char *
acq_sheet_format_title (const char *title)
{
  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled example"));
  return g_strdup (title);
}

AcqSheetKind
acq_sheet_get_kind (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), 0);
  return self->kind;
}

void
acq_sheet_set_kind (AcqSheet *self, AcqSheetKind kind)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  g_return_if_fail (kind < ACQ_N_SHEET_KINDS);
  if (self->kind == kind)
    return;
  self->kind = kind;
  notify (self, PROP_KIND);
}

const char *
acq_sheet_get_rubric (AcqSheet *self, AcqRubric rubric)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  g_return_val_if_fail (rubric < ACQ_N_RUBRICS, NULL);
  return self->text[rubric];
}

/**
 * acq_sheet_set_rubric:
 * @self: a sheet
 * @rubric: which rubric
 * @text: (nullable): its text; anything is kept here, acq_sheet_validate() says whether it
 *   can be stored
 */
void
acq_sheet_set_rubric (AcqSheet *self, AcqRubric rubric, const char *text)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  g_return_if_fail (rubric < ACQ_N_RUBRICS);
  set_text (self, rubric, text);
}

const char *
acq_sheet_get_organisation (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->text[FIELD_ORGANISATION];
}

void
acq_sheet_set_organisation (AcqSheet *self, const char *organisation)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  set_text (self, FIELD_ORGANISATION, organisation);
}

const char *
acq_sheet_get_department (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->text[FIELD_DEPARTMENT];
}

void
acq_sheet_set_department (AcqSheet *self, const char *department)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  set_text (self, FIELD_DEPARTMENT, department);
}

const char *
acq_sheet_get_period_from (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->period_from;
}

static void
set_period (AcqSheet *self, char **slot, guint prop_id, const char *iso_date)
{
  gboolean was_ongoing = acq_sheet_is_ongoing (self);

  if (iso_date != NULL && *iso_date == '\0')
    iso_date = NULL;
  if (!replace_string (slot, iso_date))
    return;
  notify (self, prop_id);
  if (was_ongoing != acq_sheet_is_ongoing (self))
    notify (self, PROP_ONGOING);
}

/**
 * acq_sheet_set_period_from:
 * @self: a sheet
 * @iso_date: (nullable): "YYYY-MM-DD", or %NULL while unknown; acq_sheet_validate() checks it
 *   and its order with the end of the period
 */
void
acq_sheet_set_period_from (AcqSheet *self, const char *iso_date)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  set_period (self, &self->period_from, PROP_PERIOD_FROM, iso_date);
}

const char *
acq_sheet_get_period_to (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->period_to;
}

/**
 * acq_sheet_set_period_to:
 * @self: a sheet
 * @iso_date: (nullable): "YYYY-MM-DD", or %NULL for an experience still going on (*en cours*)
 */
void
acq_sheet_set_period_to (AcqSheet *self, const char *iso_date)
{
  g_return_if_fail (ACQ_IS_SHEET (self));
  set_period (self, &self->period_to, PROP_PERIOD_TO, iso_date);
}

/**
 * acq_sheet_is_ongoing:
 * @self: a sheet
 *
 * Returns: %TRUE if the period has a start and no end: the DP reads "du … à ce jour"
 */
gboolean
acq_sheet_is_ongoing (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), FALSE);
  return self->period_from != NULL && self->period_to == NULL;
}

/**
 * acq_sheet_get_competences:
 * @self: a sheet
 *
 * Returns: (transfer none): the uuids of the competences the sheet demonstrates, in the order
 *   the candidate chose them, %NULL-terminated
 */
const char *const *
acq_sheet_get_competences (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return (const char *const *) self->competences;
}

/* A competence listed twice would break the store's primary key: keep the first. */
void
acq_sheet_set_competences (AcqSheet *self, const char *const *competence_uuids)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  g_auto (GStrv) competences = NULL;

  g_return_if_fail (ACQ_IS_SHEET (self));
  for (guint i = 0; competence_uuids != NULL && competence_uuids[i] != NULL; i++)
    {
      const char *uuid = competence_uuids[i];

      if (*uuid == '\0' || g_ptr_array_find_with_equal_func (seen, uuid, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) uuid);
      g_strv_builder_add (builder, uuid);
    }
  competences = g_strv_builder_end (builder);
  if (g_strv_equal ((const char *const *) self->competences,
                    (const char *const *) competences))
    return;
  g_strfreev (self->competences);
  self->competences = g_steal_pointer (&competences);
  notify (self, PROP_COMPETENCES);
}

gboolean
acq_sheet_has_competence (AcqSheet *self, const char *competence_uuid)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), FALSE);
  g_return_val_if_fail (competence_uuid != NULL, FALSE);
  return g_strv_contains ((const char *const *) self->competences, competence_uuid);
}

void
acq_sheet_add_competence (AcqSheet *self, const char *competence_uuid)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) competences = NULL;

  g_return_if_fail (ACQ_IS_SHEET (self));
  g_return_if_fail (competence_uuid != NULL);
  g_strv_builder_addv (builder, (const char **) self->competences);
  g_strv_builder_add (builder, competence_uuid);
  competences = g_strv_builder_end (builder);
  acq_sheet_set_competences (self, (const char *const *) competences);
}

void
acq_sheet_remove_competence (AcqSheet *self, const char *competence_uuid)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) competences = NULL;

  g_return_if_fail (ACQ_IS_SHEET (self));
  g_return_if_fail (competence_uuid != NULL);
  for (guint i = 0; self->competences[i] != NULL; i++)
    if (g_strcmp0 (self->competences[i], competence_uuid) != 0)
      g_strv_builder_add (builder, self->competences[i]);
  competences = g_strv_builder_end (builder);
  acq_sheet_set_competences (self, (const char *const *) competences);
}

AcqReviewState
acq_sheet_get_review_state (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), ACQ_REVIEW_STATE_DRAFT);
  return self->review_state;
}

/**
 * acq_sheet_get_returned_to_draft:
 * @self: a sheet
 *
 * A validated sheet that is edited goes back to draft: the UI says so, since the candidate
 * may not expect it. This stays %TRUE until the next review request.
 *
 * Returns: %TRUE if the sheet is a draft again because it was edited after its validation
 */
gboolean
acq_sheet_get_returned_to_draft (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), FALSE);
  return self->returned_to_draft;
}

/**
 * acq_sheet_get_revision:
 * @self: a sheet
 *
 * Returns: how many times the stored sheet changed (its text or its review state); the
 *   exchange between candidate and coach tells the newer copy by it
 */
gint64
acq_sheet_get_revision (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), 0);
  return self->revision;
}

const char *
acq_sheet_get_created_at (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->created_at;
}

const char *
acq_sheet_get_updated_at (AcqSheet *self)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), NULL);
  return self->updated_at;
}

void
_acq_sheet_set_stored (AcqSheet *self, AcqReviewState review_state, gboolean returned_to_draft,
                       gint64 revision, const char *created_at, const char *updated_at)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->review_state != review_state)
    {
      self->review_state = review_state;
      notify (self, PROP_REVIEW_STATE);
    }
  if (self->returned_to_draft != !!returned_to_draft)
    {
      self->returned_to_draft = !!returned_to_draft;
      notify (self, PROP_RETURNED_TO_DRAFT);
    }
  if (self->revision != revision)
    {
      self->revision = revision;
      notify (self, PROP_REVISION);
    }
  if (replace_string (&self->created_at, created_at))
    notify (self, PROP_CREATED_AT);
  if (replace_string (&self->updated_at, updated_at))
    notify (self, PROP_UPDATED_AT);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Everything the candidate writes and the accompagnatrice validates: the text, the period,
 * the kind, the bloc. The competences are compared apart (they live in another table). */
gboolean
_acq_sheet_same_content (AcqSheet *a, AcqSheet *b)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;
  return a->kind == b->kind && g_strcmp0 (a->bloc_uuid, b->bloc_uuid) == 0 &&
         g_strcmp0 (a->period_from, b->period_from) == 0 &&
         g_strcmp0 (a->period_to, b->period_to) == 0;
}

gboolean
_acq_sheet_same_competences (AcqSheet *a, AcqSheet *b)
{
  return g_strv_equal ((const char *const *) a->competences,
                       (const char *const *) b->competences);
}

/* What a three-way merge compares: each text field, then the rest, each on its own except
 * the period, whose two dates must stay in order together. */
enum
{
  PART_KIND = N_FIELDS,
  PART_BLOC,
  PART_PERIOD,
  PART_COMPETENCES,
  N_PARTS
};

static gboolean
same_part (AcqSheet *a, AcqSheet *b, guint part)
{
  if (part < N_FIELDS)
    return g_strcmp0 (a->text[part], b->text[part]) == 0;
  switch (part)
    {
    case PART_KIND: return a->kind == b->kind;
    case PART_BLOC: return g_strcmp0 (a->bloc_uuid, b->bloc_uuid) == 0;
    case PART_PERIOD:
      return g_strcmp0 (a->period_from, b->period_from) == 0 &&
             g_strcmp0 (a->period_to, b->period_to) == 0;
    default: return _acq_sheet_same_competences (a, b);
    }
}

static void
copy_part (AcqSheet *to, AcqSheet *from, guint part)
{
  if (part < N_FIELDS)
    {
      set_text (to, part, from->text[part]);
      return;
    }
  switch (part)
    {
    case PART_KIND: acq_sheet_set_kind (to, from->kind); break;
    case PART_BLOC: acq_sheet_set_bloc_uuid (to, from->bloc_uuid); break;
    case PART_PERIOD:
      acq_sheet_set_period_from (to, from->period_from);
      acq_sheet_set_period_to (to, from->period_to);
      break;
    default: acq_sheet_set_competences (to, (const char *const *) from->competences); break;
    }
}

/* A new sheet equal to @self, stored state included: what a list remembers as last read or
 * written, to tell later what the user changed from what another connection changed. */
AcqSheet *
_acq_sheet_copy (AcqSheet *self)
{
  AcqSheet *copy = acq_sheet_new (self->uuid, self->candidate_uuid);

  for (guint part = 0; part < N_PARTS; part++)
    copy_part (copy, self, part);
  _acq_sheet_set_stored (copy, self->review_state, self->returned_to_draft, self->revision,
                         self->created_at, self->updated_at);
  return copy;
}

/**
 * _acq_sheet_merge:
 * @self: the sheet in memory, maybe edited since @base
 * @base: the sheet as the list last read or wrote it; updated for each part taken from @stored
 * @stored: the sheet as it is in the store now, maybe changed by another connection or process
 * @conflicts: (out caller-allocates): %TRUE for each rubric changed on both sides to different
 *   texts; @self keeps its text, and the caller keeps @stored's as a conflict
 *
 * Part by part: what the user did not change since @base takes @stored's value; what only the
 * user changed stays. A part other than a rubric changed on both sides keeps the user's value,
 * as the exchange does (acq-package-merge.c). The stored state (revision…) is not touched.
 *
 * Returns: %TRUE if a rubric is in conflict
 */
gboolean
_acq_sheet_merge (AcqSheet *self, AcqSheet *base, AcqSheet *stored,
                  gboolean conflicts[ACQ_N_RUBRICS])
{
  gboolean any = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint part = 0; part < N_PARTS; part++)
    {
      if (part < ACQ_N_RUBRICS)
        conflicts[part] = FALSE;
      if (same_part (self, base, part))
        {
          copy_part (self, stored, part);
          copy_part (base, stored, part);
        }
      else if (same_part (self, stored, part))
        copy_part (base, stored, part);
      else if (part < ACQ_N_RUBRICS && !same_part (stored, base, part))
        any = conflicts[part] = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return any;
}

static gboolean
parse_iso_date (const char *text, GDate *date)
{
  int year, month, day, consumed = 0;

  g_date_clear (date, 1);
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 ||
      consumed != 10 || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > 31 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  char buffer[64];

  if (g_date_strftime (buffer, sizeof buffer, "%-d %b %Y", date) == 0)
    return g_strdup ("?");
  return g_strdup (buffer);
}

static gboolean
validate_period (AcqSheet *self, GError **error)
{
  GDate from, to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if ((self->period_from != NULL && !parse_iso_date (self->period_from, &from)) ||
      (self->period_to != NULL && !parse_iso_date (self->period_to, &to)))
    {
      g_set_error_literal (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
                           _("A date of the period is not a valid date. Choose the dates "
                             "“From” and “To” again. Nothing was saved."));
      return FALSE;
    }
  if (self->period_from == NULL || self->period_to == NULL || g_date_compare (&from, &to) <= 0)
    return TRUE;
  from_text = format_date (&from);
  to_text = format_date (&to);
  g_set_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
               /* TRANSLATORS: the period of an experience; the dates are like "3 Mar 2024" */
               _("The period starts on %s, after it ends on %s. Correct the dates “From” and "
                 "“To”. Nothing was saved."),
               from_text, to_text);
  return FALSE;
}

/**
 * acq_sheet_validate:
 * @self: a sheet
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error that names the rubric or the date
 *
 * Returns: %TRUE if every field can be stored: valid UTF-8, not too long, a period that does
 *   not end before it starts
 */
gboolean
acq_sheet_validate (AcqSheet *self, GError **error)
{
  g_return_val_if_fail (ACQ_IS_SHEET (self), FALSE);
  for (guint i = 0; i < N_FIELDS; i++)
    if (!acq_text_validate (self->text[i], field_info[i].max_chars, _(field_info[i].label),
                            error))
      return FALSE;
  return validate_period (self, error);
}
