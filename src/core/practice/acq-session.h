/* acq-session.h — the livret de suivi: a candidate's sessions, their objectives, and the hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_SESSION_ERROR (acq_session_error_quark ())

typedef enum
{
  ACQ_SESSION_ERROR_INVALID,   /* a date, a time or a text that cannot be kept */
  ACQ_SESSION_ERROR_NOT_FOUND, /* no such session, or no such candidate */
} AcqSessionError;

/* How long a deleted session can be brought back (the undo toast), with a margin. */
#define ACQ_SESSION_UNDO_SECONDS 60

/* The coaching offer: sessions of 1 to 3 hours, 12 to 30 hours in all, 24 advised. */
#define ACQ_SESSION_ADVISED_MIN_MINUTES 60
#define ACQ_SESSION_ADVISED_MAX_MINUTES 180
#define ACQ_SESSION_PLAN_MIN_MINUTES (12 * 60)
#define ACQ_SESSION_PLAN_MAX_MINUTES (30 * 60)
#define ACQ_SESSION_PLAN_ADVISED_MINUTES (24 * 60)

/* Stored as integers: never reorder. */
typedef enum
{
  ACQ_SESSION_MODE_VISIO,
  ACQ_SESSION_MODE_IN_PERSON, /* présentiel, at the session's place */
  ACQ_N_SESSION_MODES
} AcqSessionMode;

typedef enum
{
  ACQ_SESSION_KIND_FEASIBILITY,    /* entretien de faisabilité */
  ACQ_SESSION_KIND_ACCOMPANIMENT,  /* séance d'accompagnement */
  ACQ_SESSION_KIND_MOCK_JURY,      /* soutenance blanche */
  ACQ_SESSION_KIND_POST_JURY,      /* entretien post-jury */
  ACQ_SESSION_KIND_COLLECTIVE,     /* séance collective */
  ACQ_N_SESSION_KINDS
} AcqSessionKind;

typedef enum
{
  ACQ_OBJECTIVE_NOT_ASSESSED, /* not yet assessed */
  ACQ_OBJECTIVE_REACHED,
  ACQ_OBJECTIVE_PARTLY,
  ACQ_OBJECTIVE_NOT_REACHED,
  ACQ_N_OBJECTIVE_OUTCOMES
} AcqObjectiveOutcome;

typedef struct
{
  char               *uuid;
  char               *text;
  AcqObjectiveOutcome outcome;
} AcqSessionObjective;

/* One session, a plain record: the UI edits a copy and hands it to acq_session_save(). */
typedef struct
{
  char          *uuid;
  char          *candidate_uuid;
  char          *date;        /* YYYY-MM-DD */
  char          *start_time;  /* HH:MM, Europe/Paris wall clock */
  char          *end_time;    /* HH:MM, after start_time, the same day */
  AcqSessionMode mode;
  char          *place;       /* for ACQ_SESSION_MODE_IN_PERSON */
  AcqSessionKind kind;
  gboolean       held;        /* held (réalisée) or planned (prévisionnelle) */
  GPtrArray     *objectives;  /* AcqSessionObjective, in order */
  char          *points_worked;
  char          *difficulties;
  char          *personal_work; /* agreed for next time; the one part a candidate may write */
  char          *created_at;
  char          *updated_at;
} AcqSession;

typedef struct
{
  guint    planned_minutes; /* the plan, or the advised 24 h while none is set */
  gboolean has_plan;        /* whether the accompagnatrice set the plan */
  guint    held_minutes;    /* sessions held */
  guint    ahead_minutes;   /* sessions planned and not yet held, from now on */
} AcqSessionHours;

#define ACQ_TYPE_SESSION (acq_session_get_type ())
GQuark       acq_session_error_quark       (void);
GType        acq_session_get_type          (void) G_GNUC_CONST;

GTimeZone   *acq_session_get_time_zone     (void);
const char  *acq_session_mode_label        (AcqSessionMode      mode);
const char  *acq_session_kind_label        (AcqSessionKind      kind);
const char  *acq_objective_outcome_label   (AcqObjectiveOutcome outcome);

AcqSession  *acq_session_new               (const char   *candidate_uuid,
                                            const char   *date,
                                            const char   *start_time,
                                            const char   *end_time,
                                            AcqSessionKind kind);
AcqSession  *acq_session_copy              (const AcqSession *self);
void         acq_session_free              (AcqSession   *self);
void         acq_session_set_text          (char        **field,
                                            const char   *value);
AcqSessionObjective *acq_session_add_objective (AcqSession *self,
                                                const char *text,
                                                AcqObjectiveOutcome outcome);

guint        acq_session_get_minutes       (const AcqSession *self);
GDateTime   *acq_session_dup_start         (const AcqSession *self);
GDateTime   *acq_session_dup_end           (const AcqSession *self);
gboolean     acq_session_validate          (const AcqSession *self,
                                            GError      **error);
char        *acq_session_dup_warning       (const AcqSession *self);
int          acq_session_compare           (const AcqSession *a,
                                            const AcqSession *b);

GPtrArray   *acq_session_list              (AcqStore     *store,
                                            const char   *candidate_uuid,
                                            GError      **error);
AcqSession  *acq_session_load              (AcqStore     *store,
                                            const char   *uuid,
                                            GError      **error);
gboolean     acq_session_save              (AcqStore     *store,
                                            AcqSession   *session,
                                            GError      **error);
gboolean     acq_session_delete            (AcqStore     *store,
                                            const char   *uuid,
                                            GError      **error);
gboolean     acq_session_undelete          (AcqStore     *store,
                                            const char   *uuid,
                                            GError      **error);
gboolean     acq_session_purge_stale       (AcqStore     *store,
                                            GError      **error);

void         acq_session_hours_compute     (GPtrArray    *sessions,
                                            guint         planned_minutes,
                                            gboolean      has_plan,
                                            GDateTime    *now,
                                            AcqSessionHours *out);
gboolean     acq_session_hours_get         (AcqStore     *store,
                                            const char   *candidate_uuid,
                                            GDateTime    *now,
                                            AcqSessionHours *out,
                                            GError      **error);
GHashTable  *acq_session_hours_get_all     (AcqStore     *store,
                                            GDateTime    *now,
                                            GError      **error);
gboolean     acq_session_hours_is_over_plan (const AcqSessionHours *hours);
gboolean     acq_session_hours_will_be_over_plan (const AcqSessionHours *hours);
gboolean     acq_session_set_planned_minutes (AcqStore   *store,
                                              const char *candidate_uuid,
                                              guint       minutes,
                                              GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSession, acq_session_free)

G_END_DECLS
