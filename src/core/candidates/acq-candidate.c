/* acq-candidate.c — a person on the way to a certification, and the stages of their parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-candidate-private.h"
#include "acq-text.h"

struct _AcqCandidate
{
  GObject      parent_instance;

  char        *uuid;
  char        *certification_uuid;
  char        *text[ACQ_CANDIDATE_N_TEXT_FIELDS];
  char        *stage_date;
  AcqStage     stage;
  AcqSituation situation;
  AcqFunding   funding;
  gboolean     archived;
  GStrv        targeted_blocs;
  char        *created_at;
  char        *updated_at;
  char        *last_activity_at;

  guint        open_comments; /* unresolved comment threads on their sheets, not stored here */
  guint        to_review;     /* their sheets waiting for a review, not stored here */

  /* derived, rebuilt on demand when the names change */
  char        *search_key;
  char        *sort_key;
};

G_DEFINE_FINAL_TYPE (AcqCandidate, acq_candidate, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_CERTIFICATION_UUID,
  PROP_STAGE,
  PROP_STAGE_DATE,
  PROP_SITUATION,
  PROP_FUNDING,
  PROP_ARCHIVED,
  PROP_TARGETED_BLOCS,
  PROP_LAST_ACTIVITY_AT,
  PROP_DISPLAY_NAME,
  PROP_SUBTITLE,
  PROP_HAS_ACCOMMODATIONS,
  PROP_OPEN_COMMENTS,
  PROP_TO_REVIEW,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + ACQ_CANDIDATE_N_TEXT_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const AcqCandidateFieldInfo field_info[ACQ_CANDIDATE_N_TEXT_FIELDS] = {
  { "last-name", "last_name", 200, N_("Last name") },
  { "birth-name", "birth_name", 200, N_("Birth name") },
  { "first-name", "first_name", 200, N_("First name") },
  { "email", "email", 320, N_("E-mail") },
  { "phone", "phone", 50, N_("Phone") },
  { "address", "address", 2000, N_("Address") },
  { "accommodations", "accommodations", 100000, N_("Accommodations") },
  { "notes", "notes", 100000, N_("Notes") },
};

const AcqCandidateFieldInfo *
acq_candidate_field_info (AcqCandidateField field)
{
  g_return_val_if_fail (field < ACQ_CANDIDATE_N_TEXT_FIELDS, NULL);
  return &field_info[field];
}

const char *
acq_stage_label (AcqStage stage)
{
  switch (stage)
    {
    case ACQ_STAGE_REGISTRATION: return _("France VAE registration");
    case ACQ_STAGE_FEASIBILITY: return _("Feasibility");
    case ACQ_STAGE_ADMISSIBILITY: return _("Recevabilité");
    case ACQ_STAGE_DOSSIER: return _("Validation dossier");
    case ACQ_STAGE_JURY: return _("Jury");
    case ACQ_STAGE_POST_JURY: return _("Post-jury interview");
    /* Translators: the stage of a candidate whose jury granted the whole certification */
    case ACQ_STAGE_CERTIFIED: return _("Certified");
    case ACQ_N_STAGES: default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_situation_label (AcqSituation situation)
{
  switch (situation)
    {
    case ACQ_SITUATION_PRIVATE_EMPLOYEE: return _("Private-sector employee");
    case ACQ_SITUATION_JOB_SEEKER: return _("Job seeker");
    case ACQ_SITUATION_PUBLIC_EMPLOYEE: return _("Public servant");
    case ACQ_SITUATION_SELF_EMPLOYED: return _("Self-employed");
    case ACQ_SITUATION_VOLUNTEER_CARER: return _("Volunteer or family carer");
    case ACQ_N_SITUATIONS: default: break;
    }
  g_return_val_if_reached ("");
}

const char *
acq_funding_label (AcqFunding funding)
{
  switch (funding)
    {
    case ACQ_FUNDING_CPF: return _("CPF (personal training account)");
    case ACQ_FUNDING_OPCO: return _("OPCO");
    case ACQ_FUNDING_EMPLOYER: return _("Employer");
    case ACQ_FUNDING_FRANCE_VAE: return _("France VAE");
    case ACQ_FUNDING_OTHER: return _("Other");
    case ACQ_N_FUNDINGS: default: break;
    }
  g_return_val_if_reached ("");
}

AcqCandidateSort
acq_candidate_sort_from_string (const char *name)
{
  if (g_strcmp0 (name, "stage") == 0)
    return ACQ_CANDIDATE_SORT_STAGE;
  if (g_strcmp0 (name, "activity") == 0)
    return ACQ_CANDIDATE_SORT_ACTIVITY;
  return ACQ_CANDIDATE_SORT_NAME;
}

static void
invalidate_keys (AcqCandidate *self)
{
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->sort_key, g_free);
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
acq_candidate_finalize (GObject *object)
{
  AcqCandidate *self = ACQ_CANDIDATE (object);

  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    g_free (self->text[i]);
  g_free (self->uuid);
  g_free (self->certification_uuid);
  g_free (self->stage_date);
  g_strfreev (self->targeted_blocs);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->last_activity_at);
  invalidate_keys (self);

  G_OBJECT_CLASS (acq_candidate_parent_class)->finalize (object);
}

static void
acq_candidate_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AcqCandidate *self = ACQ_CANDIDATE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_CERTIFICATION_UUID: g_value_set_string (value, self->certification_uuid); break;
    case PROP_STAGE: g_value_set_int (value, self->stage); break;
    case PROP_STAGE_DATE: g_value_set_string (value, self->stage_date); break;
    case PROP_SITUATION: g_value_set_int (value, self->situation); break;
    case PROP_FUNDING: g_value_set_int (value, self->funding); break;
    case PROP_ARCHIVED: g_value_set_boolean (value, self->archived); break;
    case PROP_TARGETED_BLOCS: g_value_set_boxed (value, self->targeted_blocs); break;
    case PROP_LAST_ACTIVITY_AT: g_value_set_string (value, self->last_activity_at); break;
    case PROP_DISPLAY_NAME: g_value_take_string (value, acq_candidate_dup_display_name (self)); break;
    case PROP_SUBTITLE: g_value_take_string (value, acq_candidate_dup_subtitle (self)); break;
    case PROP_OPEN_COMMENTS: g_value_set_uint (value, self->open_comments); break;
    case PROP_TO_REVIEW: g_value_set_uint (value, self->to_review); break;
    case PROP_HAS_ACCOMMODATIONS:
      g_value_set_boolean (value, *self->text[ACQ_CANDIDATE_ACCOMMODATIONS] != '\0');
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_candidate_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  AcqCandidate *self = ACQ_CANDIDATE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
    {
      acq_candidate_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_UUID: self->uuid = g_value_dup_string (value); break;
    case PROP_CERTIFICATION_UUID:
      acq_candidate_set_certification_uuid (self, g_value_get_string (value));
      break;
    case PROP_STAGE: acq_candidate_set_stage (self, g_value_get_int (value)); break;
    case PROP_STAGE_DATE: acq_candidate_set_stage_date (self, g_value_get_string (value)); break;
    case PROP_SITUATION: acq_candidate_set_situation (self, g_value_get_int (value)); break;
    case PROP_FUNDING: acq_candidate_set_funding (self, g_value_get_int (value)); break;
    case PROP_ARCHIVED: acq_candidate_set_archived (self, g_value_get_boolean (value)); break;
    case PROP_TARGETED_BLOCS:
      acq_candidate_set_targeted_blocs (self, g_value_get_boxed (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acq_candidate_class_init (AcqCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acq_candidate_finalize;
  object_class->get_property = acq_candidate_get_property;
  object_class->set_property = acq_candidate_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CERTIFICATION_UUID] =
    g_param_spec_string ("certification-uuid", NULL, NULL, NULL, rw);
  properties[PROP_STAGE] =
    g_param_spec_int ("stage", NULL, NULL, 0, ACQ_N_STAGES - 1, 0, rw);
  properties[PROP_STAGE_DATE] = g_param_spec_string ("stage-date", NULL, NULL, NULL, rw);
  properties[PROP_SITUATION] =
    g_param_spec_int ("situation", NULL, NULL, 0, ACQ_N_SITUATIONS - 1, 0, rw);
  properties[PROP_FUNDING] =
    g_param_spec_int ("funding", NULL, NULL, 0, ACQ_N_FUNDINGS - 1, 0, rw);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, rw);
  properties[PROP_TARGETED_BLOCS] =
    g_param_spec_boxed ("targeted-blocs", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_LAST_ACTIVITY_AT] =
    g_param_spec_string ("last-activity-at", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPEN_COMMENTS] =
    g_param_spec_uint ("open-comments", NULL, NULL, 0, G_MAXUINT, 0, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TO_REVIEW] =
    g_param_spec_uint ("to-review", NULL, NULL, 0, G_MAXUINT, 0, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_ACCOMMODATIONS] =
    g_param_spec_boolean ("has-accommodations", NULL, NULL, FALSE, ro | G_PARAM_EXPLICIT_NOTIFY);
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (field_info[i].property, NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acq_candidate_init (AcqCandidate *self)
{
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    self->text[i] = g_strdup ("");
  self->targeted_blocs = g_new0 (char *, 1);
}

/**
 * acq_candidate_new:
 * @uuid: (nullable): the candidate's identity, or %NULL for a new random one
 *
 * Returns: (transfer full): a candidate that is not stored yet
 */
AcqCandidate *
acq_candidate_new (const char *uuid)
{
  g_autofree char *fresh = uuid ? NULL : g_uuid_string_random ();

  return g_object_new (ACQ_TYPE_CANDIDATE, "uuid", uuid ? uuid : fresh, NULL);
}

const char *
acq_candidate_get_uuid (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->uuid;
}

const char *
acq_candidate_get_text (AcqCandidate *self, AcqCandidateField field)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  g_return_val_if_fail (field < ACQ_CANDIDATE_N_TEXT_FIELDS, NULL);
  return self->text[field];
}

void
acq_candidate_set_text (AcqCandidate *self, AcqCandidateField field, const char *value)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  g_return_if_fail (field < ACQ_CANDIDATE_N_TEXT_FIELDS);

  gboolean had_text = *self->text[field] != '\0';

  if (!replace_string (&self->text[field], value ? value : ""))
    return;
  if (field == ACQ_CANDIDATE_ACCOMMODATIONS && had_text != (*self->text[field] != '\0'))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ACCOMMODATIONS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
  if (field == ACQ_CANDIDATE_LAST_NAME || field == ACQ_CANDIDATE_FIRST_NAME ||
      field == ACQ_CANDIDATE_BIRTH_NAME || field == ACQ_CANDIDATE_EMAIL ||
      field == ACQ_CANDIDATE_PHONE)
    invalidate_keys (self);
  if (field == ACQ_CANDIDATE_LAST_NAME || field == ACQ_CANDIDATE_FIRST_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
acq_candidate_get_certification_uuid (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->certification_uuid;
}

void
acq_candidate_set_certification_uuid (AcqCandidate *self, const char *uuid)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  if (replace_string (&self->certification_uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATION_UUID]);
}

AcqStage
acq_candidate_get_stage (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), 0);
  return self->stage;
}

void
acq_candidate_set_stage (AcqCandidate *self, AcqStage stage)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  g_return_if_fail (stage < ACQ_N_STAGES);
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
acq_candidate_get_stage_date (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->stage_date;
}

/* @iso_date is "YYYY-MM-DD" or NULL; anything else is refused, since it comes from a form or
 * a file and ends up in deadlines. */
void
acq_candidate_set_stage_date (AcqCandidate *self, const char *iso_date)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  if (iso_date != NULL && *iso_date == '\0')
    iso_date = NULL;
  if (iso_date != NULL)
    {
      GDate date;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, iso_date);
      g_return_if_fail (strlen (iso_date) == 10 && g_date_valid (&date));
    }
  if (replace_string (&self->stage_date, iso_date))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_DATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

AcqSituation
acq_candidate_get_situation (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), 0);
  return self->situation;
}

void
acq_candidate_set_situation (AcqCandidate *self, AcqSituation situation)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  g_return_if_fail (situation < ACQ_N_SITUATIONS);
  if (self->situation == situation)
    return;
  self->situation = situation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
}

AcqFunding
acq_candidate_get_funding (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), 0);
  return self->funding;
}

void
acq_candidate_set_funding (AcqCandidate *self, AcqFunding funding)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  g_return_if_fail (funding < ACQ_N_FUNDINGS);
  if (self->funding == funding)
    return;
  self->funding = funding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNDING]);
}

gboolean
acq_candidate_get_archived (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), FALSE);
  return self->archived;
}

void
acq_candidate_set_archived (AcqCandidate *self, gboolean archived)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  archived = !!archived;
  if (self->archived == archived)
    return;
  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/**
 * acq_candidate_get_targeted_blocs:
 * @self: a candidate
 *
 * Returns: (transfer none): the uuids of the blocs the candidate aims at, %NULL-terminated;
 *   the others are *dispensés* or left for later
 */
const char *const *
acq_candidate_get_targeted_blocs (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return (const char *const *) self->targeted_blocs;
}

void
acq_candidate_set_targeted_blocs (AcqCandidate *self, const char *const *bloc_uuids)
{
  const char *const empty[] = { NULL };

  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  if (bloc_uuids == NULL)
    bloc_uuids = empty;
  if (g_strv_equal ((const char *const *) self->targeted_blocs, bloc_uuids))
    return;
  g_strfreev (self->targeted_blocs);
  self->targeted_blocs = g_strdupv ((char **) bloc_uuids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGETED_BLOCS]);
}

gboolean
acq_candidate_targets_bloc (AcqCandidate *self, const char *bloc_uuid)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), FALSE);
  return g_strv_contains ((const char *const *) self->targeted_blocs, bloc_uuid);
}

const char *
acq_candidate_get_created_at (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->created_at;
}

const char *
acq_candidate_get_updated_at (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->updated_at;
}

const char *
acq_candidate_get_last_activity_at (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return self->last_activity_at;
}

void
_acq_candidate_set_timestamps (AcqCandidate *self, const char *created_at,
                               const char *updated_at, const char *last_activity_at)
{
  replace_string (&self->created_at, created_at);
  replace_string (&self->updated_at, updated_at);
  if (replace_string (&self->last_activity_at, last_activity_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ACTIVITY_AT]);
}

guint
acq_candidate_get_open_comments (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), 0);
  return self->open_comments;
}

/**
 * acq_candidate_set_open_comments:
 * @self: a candidate
 * @count: the comment threads still open on their sheets
 *
 * Counted by the comments store (acq_comment_unresolved_by_candidate()) and kept here for the
 * views that list candidates.
 */
void
acq_candidate_set_open_comments (AcqCandidate *self, guint count)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  if (self->open_comments == count)
    return;
  self->open_comments = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_COMMENTS]);
}

guint
acq_candidate_get_to_review (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), 0);
  return self->to_review;
}

/**
 * acq_candidate_set_to_review:
 * @self: a candidate
 * @count: their sheets waiting for a review
 *
 * Counted by acq_review_waiting_by_candidate() and kept here for the views that list
 * candidates.
 */
void
acq_candidate_set_to_review (AcqCandidate *self, guint count)
{
  g_return_if_fail (ACQ_IS_CANDIDATE (self));
  if (self->to_review == count)
    return;
  self->to_review = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_REVIEW]);
}

/**
 * acq_candidate_dup_display_name:
 * @self: a candidate
 *
 * Returns: (transfer full): "First Last", or a placeholder when both are empty
 */
char *
acq_candidate_dup_display_name (AcqCandidate *self)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  return acq_candidate_format_name (self->text[ACQ_CANDIDATE_FIRST_NAME],
                                    self->text[ACQ_CANDIDATE_LAST_NAME]);
}

/**
 * acq_candidate_format_name:
 * @first: (nullable): the first name
 * @last: (nullable): the last name
 *
 * The name as acq_candidate_dup_display_name() says it, for what reads the store without
 * making candidates (the Today view's worker).
 *
 * Returns: (transfer full): "First Last", or a placeholder when both are empty
 */
char *
acq_candidate_format_name (const char *first, const char *last)
{
  first = first ? first : "";
  last = last ? last : "";
  if (*first == '\0' && *last == '\0')
    return g_strdup (_("Unnamed candidate"));
  if (*first == '\0' || *last == '\0')
    return g_strdup (*first ? first : last);
  /* TRANSLATORS: a person's name: first name, then last name */
  return g_strdup_printf (C_("person name", "%s %s"), first, last);
}

/**
 * acq_candidate_dup_subtitle:
 * @self: a candidate
 *
 * Returns: (transfer full): the stage of the parcours and since when, for list rows
 */
char *
acq_candidate_dup_subtitle (AcqCandidate *self)
{
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), NULL);
  if (self->stage_date == NULL)
    return g_strdup (acq_stage_label (self->stage));
  iso = g_strconcat (self->stage_date, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  if (date == NULL)
    return g_strdup (acq_stage_label (self->stage));
  day = g_date_time_format (date, "%-d %b %Y");
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  /* a stage set ahead of its day has not begun: it never reads "since" a future date */
  if (g_strcmp0 (self->stage_date, today) > 0)
    /* TRANSLATORS: the stage of a candidate's parcours and the day it will start */
    return g_strdup_printf (_("%s · from %s"), acq_stage_label (self->stage), day);
  /* TRANSLATORS: the stage of a candidate's parcours and the date it started */
  return g_strdup_printf (_("%s · since %s"), acq_stage_label (self->stage), day);
}

static const char *
get_search_key (AcqCandidate *self)
{
  if (self->search_key == NULL)
    {
      g_autofree char *joined =
        g_strjoin (" ", self->text[ACQ_CANDIDATE_FIRST_NAME], self->text[ACQ_CANDIDATE_LAST_NAME],
                   self->text[ACQ_CANDIDATE_BIRTH_NAME], self->text[ACQ_CANDIDATE_EMAIL],
                   self->text[ACQ_CANDIDATE_PHONE], NULL);
      self->search_key = acq_text_fold (joined);
    }
  return self->search_key;
}

/* The folded name sorts as a French reader expects (accents and case do not count) with a
 * plain strcmp(): a locale collation key would cost ten times more, and the sidebar sorts
 * every candidate before the window shows. */
static const char *
get_sort_key (AcqCandidate *self)
{
  if (self->sort_key == NULL)
    {
      g_autofree char *joined = g_strjoin (" ", self->text[ACQ_CANDIDATE_LAST_NAME],
                                           self->text[ACQ_CANDIDATE_FIRST_NAME], NULL);
      self->sort_key = acq_text_fold (joined);
    }
  return self->sort_key;
}

/**
 * acq_candidate_matches:
 * @self: a candidate
 * @folded_query: (nullable): a query folded with acq_text_fold()
 *
 * Returns: %TRUE if every word of the query is in the names, e-mail or phone
 */
gboolean
acq_candidate_matches (AcqCandidate *self, const char *folded_query)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), FALSE);
  /* the list is filtered with an empty query at start-up: no need to fold every name then */
  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  return acq_text_matches (get_search_key (self), folded_query);
}

/**
 * acq_candidate_compare:
 * @a: a candidate
 * @b: another
 * @sort: the order
 *
 * By name: last name then first name, accents ignored. By stage: the furthest along first.
 * By activity: the most recently active first. Ties fall back to the name, then the uuid, so
 * the order is total and stable.
 *
 * Returns: <0, 0 or >0 as for strcmp()
 */
int
acq_candidate_compare (AcqCandidate *a, AcqCandidate *b, AcqCandidateSort sort)
{
  int result = 0;

  switch (sort)
    {
    case ACQ_CANDIDATE_SORT_STAGE:
      result = (int) b->stage - (int) a->stage;
      break;
    case ACQ_CANDIDATE_SORT_ACTIVITY:
      result = -g_strcmp0 (a->last_activity_at, b->last_activity_at);
      break;
    case ACQ_CANDIDATE_SORT_NAME:
    default:
      break;
    }
  if (result == 0)
    result = strcmp (get_sort_key (a), get_sort_key (b));
  if (result == 0)
    result = strcmp (a->uuid, b->uuid);
  return result;
}

/**
 * acq_candidate_validate:
 * @self: a candidate
 * @error: where to put an %ACQ_TEXT_ERROR_INVALID error naming the field
 *
 * Returns: %TRUE if every field can be stored
 */
gboolean
acq_candidate_validate (AcqCandidate *self, GError **error)
{
  g_return_val_if_fail (ACQ_IS_CANDIDATE (self), FALSE);
  for (guint i = 0; i < ACQ_CANDIDATE_N_TEXT_FIELDS; i++)
    if (!acq_text_validate (self->text[i], field_info[i].max_chars, _(field_info[i].label),
                            error))
      return FALSE;
  return TRUE;
}

/* What a three-way merge compares: each text field, then the rest; the stage goes with its
 * date. */
enum
{
  PART_CERTIFICATION = ACQ_CANDIDATE_N_TEXT_FIELDS,
  PART_STAGE,
  PART_SITUATION,
  PART_FUNDING,
  PART_ARCHIVED,
  PART_BLOCS,
  N_PARTS
};

static gboolean
same_part (AcqCandidate *a, AcqCandidate *b, guint part)
{
  if (part < ACQ_CANDIDATE_N_TEXT_FIELDS)
    return g_strcmp0 (a->text[part], b->text[part]) == 0;
  switch (part)
    {
    case PART_CERTIFICATION: return g_strcmp0 (a->certification_uuid, b->certification_uuid) == 0;
    case PART_STAGE:
      return a->stage == b->stage && g_strcmp0 (a->stage_date, b->stage_date) == 0;
    case PART_SITUATION: return a->situation == b->situation;
    case PART_FUNDING: return a->funding == b->funding;
    case PART_ARCHIVED: return a->archived == b->archived;
    default:
      return g_strv_equal ((const char *const *) a->targeted_blocs,
                           (const char *const *) b->targeted_blocs);
    }
}

static void
copy_part (AcqCandidate *to, AcqCandidate *from, guint part)
{
  if (part < ACQ_CANDIDATE_N_TEXT_FIELDS)
    {
      acq_candidate_set_text (to, part, from->text[part]);
      return;
    }
  switch (part)
    {
    case PART_CERTIFICATION:
      acq_candidate_set_certification_uuid (to, from->certification_uuid);
      break;
    case PART_STAGE:
      acq_candidate_set_stage (to, from->stage);
      acq_candidate_set_stage_date (to, from->stage_date);
      break;
    case PART_SITUATION: acq_candidate_set_situation (to, from->situation); break;
    case PART_FUNDING: acq_candidate_set_funding (to, from->funding); break;
    case PART_ARCHIVED: acq_candidate_set_archived (to, from->archived); break;
    default:
      acq_candidate_set_targeted_blocs (to, (const char *const *) from->targeted_blocs);
      break;
    }
}

/* A new candidate equal to @self, timestamps included: what a list remembers as last read or
 * written, to tell later what the user changed from what another connection changed. */
AcqCandidate *
_acq_candidate_copy (AcqCandidate *self)
{
  AcqCandidate *copy = acq_candidate_new (self->uuid);

  for (guint part = 0; part < N_PARTS; part++)
    copy_part (copy, self, part);
  _acq_candidate_set_timestamps (copy, self->created_at, self->updated_at,
                                 self->last_activity_at);
  return copy;
}

/* Part by part, as _acq_sheet_merge(): what the user did not change since @base takes
 * @stored's value (and @base with it); what the user changed stays, also when @stored changed
 * it too (a profile has no conflict to show: this side's is kept, as the exchange does).
 * Returns whether @self is now equal to @stored. */
gboolean
_acq_candidate_merge (AcqCandidate *self, AcqCandidate *base, AcqCandidate *stored)
{
  gboolean same = TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint part = 0; part < N_PARTS; part++)
    {
      if (same_part (self, base, part))
        {
          copy_part (self, stored, part);
          copy_part (base, stored, part);
        }
      else if (same_part (self, stored, part))
        copy_part (base, stored, part);
      else
        same = FALSE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return same;
}
