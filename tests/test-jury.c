/* test-jury.c — the jury: its checklist, its result and the stage, the drill, the migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>
#include <sqlite3.h>

#include "acq-candidate-list.h"
#include "acq-dossier.h"
#include "acq-jury-checklist.h"
#include "acq-jury-prep.h"
#include "acq-jury-questions.h"
#include "acq-jury.h"
#include "acq-parcours.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-session.h"
#include "acq-sheet-list.h"
#include "acq-store-private.h"
#include "test-util.h"

/* The store's version just before the jury's migration: renumber it with the migration. */
#define VERSION_BEFORE_JURY 7

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqCandidate     *candidate;
  AcqFiche         *fiche;
  AcqSheetList     *sheets;
  char             *output;
} Fixture;

static const char *
bloc_uuid (Fixture *f, guint index)
{
  return ((AcqBlocDef *) g_ptr_array_index (f->fiche->blocs, index))->uuid;
}

static const char *
competence_uuid (Fixture *f, guint b, guint c)
{
  return g_ptr_array_index (((AcqBlocDef *) g_ptr_array_index (f->fiche->blocs, b))->competence_uuids, c);
}

static const char *
uuid_of (Fixture *f)
{
  return acq_candidate_get_uuid (f->candidate);
}

/* A candidate who aims at bloc 1, with an address whose town signs the declaration. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *blocs[] = { NULL, NULL };

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  g_assert_true (acq_referential_ensure_default (f->store, &error));
  f->fiche = acq_referential_load (f->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
  f->candidate = acq_candidate_list_create (f->candidates, "Léa", "Garnier", &error);
  g_assert_no_error (error);
  blocs[0] = bloc_uuid (f, 0);
  acq_candidate_set_text (f->candidate, ACQ_CANDIDATE_ADDRESS, "3 rue Nationale\n46100 Figeac");
  acq_candidate_set_targeted_blocs (f->candidate, blocs);
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  g_assert_no_error (error);
  f->sheets = acq_sheet_list_new (f->store, f->candidate, &error);
  g_assert_no_error (error);
  f->output = g_build_filename (f->dir, "dossier.pdf", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->sheets);
  g_clear_pointer (&f->fiche, acq_fiche_free);
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
  g_free (f->output);
}

/* A complete example of bloc 1, backing its first competence, validated (owned by the list). */
static AcqSheet *
add_validated_example (Fixture *f, const char *title)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (f->sheets, bloc_uuid (f, 0), title, &error);
  const char *competences[] = { competence_uuid (f, 0, 0), NULL };

  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "J'ai reçu la personne et construit un plan.");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Une association d'insertion du Lot.");
  acq_sheet_set_organisation (sheet, "Association Tremplin Quercy");
  acq_sheet_set_period_from (sheet, "2021-03-01");
  acq_sheet_set_period_to (sheet, "2022-06-30");
  acq_sheet_set_competences (sheet, competences);
  g_assert_true (acq_sheet_list_save (f->sheets, sheet, &error));
  g_assert_no_error (error);
  g_assert_true (acq_review_request (f->sheets, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->sheets, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  return sheet;
}

static char *
days_from_today (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static AcqJurySession *
load_session (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  AcqJurySession *session = acq_jury_session_load (f->store, uuid_of (f), &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static void
save_session (Fixture *f, AcqJurySession *session)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_jury_session_save (f->store, session, &error));
  g_assert_no_error (error);
}

static AcqJuryChecklist *
compute (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  AcqJuryChecklist *checklist = acq_jury_checklist_compute (f->store, uuid_of (f), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checklist);
  return checklist;
}

static const AcqJuryItem *
find_item (AcqJuryChecklist *checklist, AcqJuryItemKind kind)
{
  for (guint i = 0; i < checklist->items->len; i++)
    {
      const AcqJuryItem *item = g_ptr_array_index (checklist->items, i);
      if (item->kind == kind)
        return item;
    }
  g_assert_not_reached ();
}

/* --- The checklist, step by step -------------------------------------------------------- */

static void
step_validate (Fixture *f)
{
  add_validated_example (f, "Accueil d'une personne");
}

static void
step_three_more (Fixture *f)
{
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Atelier %u", i + 1);
      add_validated_example (f, title);
    }
}

static void
step_back_to_three (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (f->sheets), 0);

  g_assert_true (acq_sheet_list_delete (f->sheets, sheet, &error));
  g_assert_no_error (error);
}

static void
step_export (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_usleep (2000); /* the export comes after the last edit, to the millisecond */
  g_assert_true (acq_dossier_write (f->store, uuid_of (f), f->output, ACQ_DOSSIER_MODE_FINAL,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
step_edit (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (f->sheets), 0);

  g_usleep (2000);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Un guide d'entretien.");
  g_assert_true (acq_sheet_list_save (f->sheets, sheet, &error));
  g_assert_no_error (error);
}

static void
step_convocation (Fixture *f)
{
  g_autoptr (AcqJurySession) session = load_session (f);

  session->date = days_from_today (14);
  session->convocation_date = days_from_today (-3);
  save_session (f, session);
}

static void
step_deposit (Fixture *f)
{
  g_autoptr (AcqJurySession) session = load_session (f);

  session->deposited_date = days_from_today (-40);
  session->platform = ACQ_JURY_PLATFORM_FRANCE_VAE;
  save_session (f, session);
}

static void
step_rehearse (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = days_from_today (0);
  g_autoptr (AcqJuryRehearsal) run = acq_jury_rehearsal_new (today);

  acq_jury_rehearsal_add_part (run, "Présentation", 1130);
  acq_jury_rehearsal_add_part (run, "Entretien final", 700);
  g_assert_true (acq_jury_rehearsal_save (f->store, uuid_of (f), run, &error));
  g_assert_no_error (error);
}

static void
step_mock_jury_session (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *day = days_from_today (-7);
  g_autoptr (AcqSession) session = acq_session_new (uuid_of (f), day, "14:00", "16:00",
                                                    ACQ_SESSION_KIND_MOCK_JURY);

  session->held = TRUE;
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
}

static void
step_accommodations (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  acq_candidate_set_text (f->candidate, ACQ_CANDIDATE_ACCOMMODATIONS, "Tiers temps, dyslexie");
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  g_assert_no_error (error);
}

static void
step_accommodations_asked (Fixture *f)
{
  g_autoptr (AcqJurySession) session = load_session (f);

  g_free (session->accommodations_asked);
  session->accommodations_asked = g_strdup ("Tiers temps demandé le 2 novembre");
  save_session (f, session);
}

typedef struct
{
  const char     *step;
  void          (*apply) (Fixture *f);
  AcqJuryItemKind kind;
  gboolean        done;
  const char     *why;   /* a part of the sentence that says why not */
} ChecklistCase;

static const ChecklistCase checklist_cases[] = {
  { "nothing yet", NULL, ACQ_JURY_ITEM_EXAMPLES, FALSE, "has no validated example yet" },
  { "nothing yet", NULL, ACQ_JURY_ITEM_RULES, FALSE, "breaks a rule" },
  { "nothing yet", NULL, ACQ_JURY_ITEM_EXPORTED, FALSE, "No final dossier was exported" },
  { "nothing yet", NULL, ACQ_JURY_ITEM_CONVOCATION, FALSE, "convocation" },
  { "nothing yet", NULL, ACQ_JURY_ITEM_DEPOSITED, FALSE, "deposit" },
  { "nothing yet", NULL, ACQ_JURY_ITEM_MOCK_JURY, FALSE, "No soutenance blanche" },
  { "one example", step_validate, ACQ_JURY_ITEM_EXAMPLES, TRUE, NULL },
  { "one example", NULL, ACQ_JURY_ITEM_RULES, TRUE, NULL },
  { "four examples", step_three_more, ACQ_JURY_ITEM_EXAMPLES, FALSE, "three at most" },
  { "four examples", NULL, ACQ_JURY_ITEM_RULES, FALSE, "breaks a rule" },
  { "three examples", step_back_to_three, ACQ_JURY_ITEM_EXAMPLES, TRUE, NULL },
  { "exported", step_export, ACQ_JURY_ITEM_EXPORTED, TRUE, NULL },
  { "edited after", step_edit, ACQ_JURY_ITEM_EXPORTED, FALSE, "older than your last edit" },
  { "exported again", step_export, ACQ_JURY_ITEM_EXPORTED, TRUE, NULL },
  { "convocation", step_convocation, ACQ_JURY_ITEM_CONVOCATION, TRUE, NULL },
  /* the stage it moved is no edit of the dossier */
  { "convocation", NULL, ACQ_JURY_ITEM_EXPORTED, TRUE, NULL },
  { "deposited", step_deposit, ACQ_JURY_ITEM_DEPOSITED, TRUE, NULL },
  { "rehearsed", step_rehearse, ACQ_JURY_ITEM_MOCK_JURY, TRUE, NULL },
  { "accommodations", step_accommodations, ACQ_JURY_ITEM_ACCOMMODATIONS, FALSE,
    "not asked of the certifier" },
  { "accommodations asked", step_accommodations_asked, ACQ_JURY_ITEM_ACCOMMODATIONS, TRUE,
    NULL },
};

/* Each item ticks itself as the store changes, and says why while it is not done. */
static void
test_checklist_steps (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (checklist_cases); i++)
    {
      const ChecklistCase *c = &checklist_cases[i];
      g_autoptr (AcqJuryChecklist) checklist = NULL;
      const AcqJuryItem *item;

      g_test_message ("%s", c->step);
      if (c->apply != NULL)
        c->apply (f);
      checklist = compute (f);
      item = find_item (checklist, c->kind);
      g_assert_cmpint (item->done, ==, c->done);
      if (c->done)
        g_assert_null (item->why);
      else
        {
          g_assert_nonnull (item->why);
          g_assert_nonnull (strstr (item->why, c->why));
        }
    }
}

/* Without accommodations recorded the item is information, not counted. */
static void
test_checklist_counts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryChecklist) before = compute (f);
  g_autoptr (AcqJuryChecklist) after = NULL;
  g_autoptr (GPtrArray) hand = NULL;
  g_autofree char *text = NULL;
  g_autofree char *added = NULL;

  /* 1 bloc, rules, export, convocation, deposit, mock jury; accommodations not counted */
  g_assert_cmpuint (before->n_items, ==, 6);
  g_assert_cmpuint (before->n_done, ==, 0);
  g_assert_false (find_item (before, ACQ_JURY_ITEM_ACCOMMODATIONS)->counts);

  /* the first save of the session fills the hand items; they count */
  step_convocation (f);
  hand = acq_jury_hand_items_list (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hand->len, ==, 4);
  g_assert_true (acq_jury_hand_item_set_done (f->store, ((AcqJuryHandItem *) hand->pdata[0])->uuid,
                                              TRUE, &error));
  g_assert_no_error (error);
  added = acq_jury_hand_item_add (f->store, uuid_of (f), "Bouteille d'eau", &error);
  g_assert_nonnull (added);
  g_assert_no_error (error);
  after = compute (f);
  g_assert_cmpuint (after->n_items, ==, 6 + 5);
  g_assert_cmpuint (after->n_done, ==, 2);
  text = acq_jury_ready_count_dup_text (after->n_done, after->n_items);
  g_assert_cmpstr (text, ==, "Ready for the jury: 2 of 11");

  /* a saved session again does not add the usual items twice */
  step_deposit (f);
  g_clear_pointer (&hand, g_ptr_array_unref);
  hand = acq_jury_hand_items_list (f->store, uuid_of (f), &error);
  g_assert_cmpuint (hand->len, ==, 5);
}

/* The caseload's counts are the page's, the rules counted from the export. */
static void
test_checklist_caseload (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *other = acq_candidate_list_create (f->candidates, "Paul", "Roux", &error);
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (AcqJuryChecklist) checklist = NULL;
  const AcqJuryReadyCount *count;

  g_assert_no_error (error);
  step_validate (f);
  step_convocation (f);
  step_rehearse (f);
  step_mock_jury_session (f);
  step_export (f);
  checklist = compute (f);
  counts = acq_jury_checklist_count_all (f->store, &error);
  g_assert_no_error (error);
  count = g_hash_table_lookup (counts, uuid_of (f));
  g_assert_nonnull (count);
  g_assert_cmpuint (count->n_done, ==, checklist->n_done);
  g_assert_cmpuint (count->n_items, ==, checklist->n_items);
  /* bloc, rules, export, convocation, mock jury */
  g_assert_cmpuint (count->n_done, ==, 5);
  /* the other aims at the fiche's three blocs, with nothing done */
  count = g_hash_table_lookup (counts, acq_candidate_get_uuid (other));
  g_assert_nonnull (count);
  g_assert_cmpuint (count->n_done, ==, 0);
  g_assert_cmpuint (count->n_items, ==, 3 + 5);
}

/* --- The result and the stage ------------------------------------------------------------ */

typedef struct
{
  const char        *name;
  AcqJuryOutcome     outcome;
  AcqJuryBlocOutcome blocs[3];
  AcqStage           stage;      /* after the result */
  gboolean           jury_done;  /* a done jury event */
  guint              plan_items; /* blocs in the post-jury plan */
} ResultCase;

static const ResultCase result_cases[] = {
  { "total", ACQ_JURY_OUTCOME_TOTAL,
    { ACQ_JURY_BLOC_OBTAINED, ACQ_JURY_BLOC_OBTAINED, ACQ_JURY_BLOC_EXEMPT },
    ACQ_STAGE_CERTIFIED, TRUE, 0 },
  { "partial", ACQ_JURY_OUTCOME_PARTIAL,
    { ACQ_JURY_BLOC_OBTAINED, ACQ_JURY_BLOC_NOT_OBTAINED, ACQ_JURY_BLOC_OBTAINED },
    ACQ_STAGE_JURY, TRUE, 1 },
  { "none", ACQ_JURY_OUTCOME_NONE,
    { ACQ_JURY_BLOC_NOT_OBTAINED, ACQ_JURY_BLOC_NOT_OBTAINED, ACQ_JURY_BLOC_NOT_OBTAINED },
    ACQ_STAGE_JURY, TRUE, 3 },
  { "absent", ACQ_JURY_OUTCOME_ABSENT,
    { ACQ_JURY_BLOC_UNKNOWN, ACQ_JURY_BLOC_UNKNOWN, ACQ_JURY_BLOC_UNKNOWN }, ACQ_STAGE_JURY,
    TRUE, 0 },
  { "excused", ACQ_JURY_OUTCOME_EXCUSED,
    { ACQ_JURY_BLOC_UNKNOWN, ACQ_JURY_BLOC_UNKNOWN, ACQ_JURY_BLOC_UNKNOWN },
    ACQ_STAGE_DOSSIER, FALSE, 0 },
};

static gboolean
has_event (Fixture *f, AcqParcoursKind kind, gboolean planned)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = acq_parcours_list (f->store, uuid_of (f), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const AcqParcoursEvent *event = g_ptr_array_index (events, i);
      if (event->kind == kind && event->planned == planned)
        return TRUE;
    }
  return FALSE;
}

static int
stored_stage (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stage FROM candidate WHERE uuid = '%s'", uuid_of (f));
  g_autofree char *stage = test_query_text (f->store, sql);

  return (int) g_ascii_strtoll (stage, NULL, 10);
}

static void
test_result_outcomes (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_cases); i++)
    {
      const ResultCase *c = &result_cases[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (AcqJuryResult) result = NULL;
      g_autoptr (AcqJuryResult) again = NULL;
      g_autoptr (AcqJuryPlan) plan = NULL;
      g_autoptr (AcqJurySession) session = NULL;
      AcqCandidate *candidate;

      g_test_message ("%s", c->name);
      /* a fresh candidate each time, in the stage Dossier since today, with a jury today */
      candidate = acq_candidate_list_create (f->candidates, "Aïcha", c->name, &error);
      g_assert_no_error (error);
      f->candidate = candidate; /* owned by the list */
      acq_candidate_set_stage (candidate, ACQ_STAGE_DOSSIER);
      g_assert_true (acq_candidate_list_save (f->candidates, candidate, &error));
      g_assert_no_error (error);
      session = load_session (f);
      session->date = days_from_today (0);
      g_assert_true (acq_jury_session_save (f->store, session, &error));
      g_assert_no_error (error);
      {
        /* the session's day is not ahead: its event is done; set it back to planned to see
         * the result record it */
        g_autoptr (GPtrArray) events = acq_parcours_list (f->store, uuid_of (f), &error);
        for (guint e = 0; e < events->len; e++)
          {
            AcqParcoursEvent *event = g_ptr_array_index (events, e);
            if (event->kind == ACQ_PARCOURS_JURY)
              {
                event->planned = TRUE;
                g_assert_true (acq_parcours_change (f->store, event, &error));
              }
          }
      }
      g_assert_cmpint (stored_stage (f), ==, ACQ_STAGE_DOSSIER);

      result = acq_jury_result_load (f->store, uuid_of (f), &error);
      g_assert_cmpuint (result->blocs->len, ==, 3);
      result->outcome = c->outcome;
      for (guint b = 0; b < 3; b++)
        g_assert_true (acq_jury_result_set_bloc (result, bloc_uuid (f, b), c->blocs[b]));
      g_assert_true (acq_jury_result_save (f->store, result, &error));
      g_assert_no_error (error);

      g_assert_cmpint (stored_stage (f), ==, c->stage);
      g_assert_cmpint (has_event (f, ACQ_PARCOURS_JURY, FALSE), ==, c->jury_done);
      g_assert_cmpint (has_event (f, ACQ_PARCOURS_CERTIFIED, FALSE), ==,
                       c->outcome == ACQ_JURY_OUTCOME_TOTAL);
      again = acq_jury_result_load (f->store, uuid_of (f), &error);
      g_assert_cmpint (again->outcome, ==, c->outcome);
      for (guint b = 0; b < 3; b++)
        g_assert_cmpint (((AcqJuryBlocResult *) again->blocs->pdata[b])->outcome, ==,
                         c->blocs[b]);
      plan = acq_jury_plan_load (f->store, uuid_of (f), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (plan->items->len, ==, c->plan_items);
      g_assert_cmpint (plan->stored, ==, c->plan_items > 0);
      if (c->plan_items > 0)
        {
          g_autofree char *today = days_from_today (0);

          /* the entretien post-jury is planned a month after the jury */
          g_assert_nonnull (plan->interview_date);
          g_assert_true (has_event (f, ACQ_PARCOURS_POST_JURY_INTERVIEW, TRUE));
          /* saving the result again does not list the blocs twice */
          g_assert_true (acq_jury_result_save (f->store, again, &error));
          g_clear_pointer (&plan, acq_jury_plan_free);
          plan = acq_jury_plan_load (f->store, uuid_of (f), &error);
          g_assert_cmpuint (plan->items->len, ==, c->plan_items);
          /* the interview held: the stage is Post-jury */
          g_assert_true (acq_jury_plan_record_interview (f->store, uuid_of (f), today, &error));
          g_assert_no_error (error);
          g_assert_cmpint (stored_stage (f), ==, ACQ_STAGE_POST_JURY);
        }
      if (c->outcome == ACQ_JURY_OUTCOME_TOTAL)
        {
          g_autofree char *today = days_from_today (0);

          /* the entretien post-jury held after a total validation leaves her Certified */
          g_assert_true (acq_jury_plan_record_interview (f->store, uuid_of (f), today, &error));
          g_assert_no_error (error);
          g_assert_cmpint (stored_stage (f), ==, ACQ_STAGE_CERTIFIED);
          /* a result typed wrongly and corrected: the certification is taken back */
          again->outcome = ACQ_JURY_OUTCOME_PARTIAL;
          g_assert_true (acq_jury_result_set_bloc (again, bloc_uuid (f, 1),
                                                   ACQ_JURY_BLOC_NOT_OBTAINED));
          g_assert_true (acq_jury_result_save (f->store, again, &error));
          g_assert_no_error (error);
          g_assert_false (has_event (f, ACQ_PARCOURS_CERTIFIED, FALSE));
          g_assert_cmpint (stored_stage (f), ==, ACQ_STAGE_POST_JURY);
        }
    }
}

/* The partial result's plan names the bloc not obtained, and keeps what the coach adds. */
static void
test_result_partial_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  g_autoptr (AcqJuryPlan) plan = NULL;
  g_autoptr (AcqJuryPlan) again = NULL;
  AcqJuryPlanItem *item;

  g_assert_true (acq_store_exec (f->store, "UPDATE candidate SET certification_uuid ="
                                           " (SELECT uuid FROM certification)", &error));
  result = acq_jury_result_load (f->store, uuid_of (f), &error);
  result->outcome = ACQ_JURY_OUTCOME_PARTIAL;
  acq_jury_result_set_bloc (result, bloc_uuid (f, 0), ACQ_JURY_BLOC_OBTAINED);
  acq_jury_result_set_bloc (result, bloc_uuid (f, 1), ACQ_JURY_BLOC_OBTAINED);
  acq_jury_result_set_bloc (result, bloc_uuid (f, 2), ACQ_JURY_BLOC_NOT_OBTAINED);
  g_assert_true (acq_jury_result_save (f->store, result, &error));
  g_assert_no_error (error);
  plan = acq_jury_plan_load (f->store, uuid_of (f), &error);
  g_assert_cmpuint (plan->items->len, ==, 1);
  item = plan->items->pdata[0];
  g_assert_cmpstr (item->bloc_uuid, ==, bloc_uuid (f, 2));
  g_assert_cmpstr (item->code, ==, "RNCP37274BC03");
  item->target_date = days_from_today (180);
  plan->asked = ACQ_JURY_ASKED_COMPLEMENTARY | ACQ_JURY_ASKED_EXPERIENCE;
  g_free (plan->asked_text);
  plan->asked_text = g_strdup ("Un contrôle complémentaire sur l'animation d'ateliers.");
  g_assert_true (acq_jury_plan_save (f->store, plan, &error));
  g_assert_no_error (error);
  again = acq_jury_plan_load (f->store, uuid_of (f), &error);
  g_assert_cmpuint (again->items->len, ==, 1);
  g_assert_cmpstr (((AcqJuryPlanItem *) again->items->pdata[0])->target_date, ==,
                   item->target_date);
  g_assert_cmpint (again->asked, ==, ACQ_JURY_ASKED_COMPLEMENTARY | ACQ_JURY_ASKED_EXPERIENCE);
}

/* --- The session, the parts, the notes --------------------------------------------------- */

static void
test_session_events (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJurySession) session = load_session (f);
  g_autoptr (AcqJurySession) again = NULL;
  g_autoptr (GDateTime) start = NULL;

  g_assert_false (session->stored);
  session->date = days_from_today (14);
  session->time = g_strdup ("09:30");
  session->place = g_strdup ("AFPA Toulouse-Balma");
  session->convocation_date = days_from_today (-2);
  session->fees_asked_cents = 12000;
  save_session (f, session);
  again = load_session (f);
  g_assert_true (again->stored);
  g_assert_cmpstr (again->time, ==, "09:30");
  g_assert_cmpstr (again->place, ==, "AFPA Toulouse-Balma");
  g_assert_cmpuint (again->fees_asked_cents, ==, 12000);
  start = acq_jury_session_dup_start (again);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 9);
  /* the convocation received puts the candidate in the stage Jury; the jury is planned */
  g_assert_true (has_event (f, ACQ_PARCOURS_CONVOCATION_RECEIVED, FALSE));
  g_assert_true (has_event (f, ACQ_PARCOURS_JURY, TRUE));
  g_assert_cmpint (stored_stage (f), ==, ACQ_STAGE_JURY);
  /* moving the jury moves its one event */
  g_free (again->date);
  again->date = days_from_today (21);
  save_session (f, again);
  {
    g_autoptr (GPtrArray) events = acq_parcours_list (f->store, uuid_of (f), &error);
    guint juries = 0;
    for (guint i = 0; i < events->len; i++)
      juries += ((AcqParcoursEvent *) events->pdata[i])->kind == ACQ_PARCOURS_JURY;
    g_assert_cmpuint (juries, ==, 1);
  }
  /* what cannot be kept is refused */
  g_free (again->time);
  again->time = g_strdup ("25:00");
  g_assert_false (acq_jury_session_save (f->store, again, &error));
  g_assert_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID);
  g_clear_error (&error);
  g_free (again->time);
  again->time = NULL;
  g_free (again->date);
  again->date = g_strdup ("2026-02-30");
  g_assert_false (acq_jury_session_save (f->store, again, &error));
  g_assert_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID);
}

/* The fiche's MODALITES_EVALUATION names a mise en situation and an entretien technique. */
static void
test_parts_defaults (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parts = NULL;
  g_autoptr (GPtrArray) saved = NULL;

  g_assert_true (acq_store_exec (f->store, "UPDATE candidate SET certification_uuid ="
                                           " (SELECT uuid FROM certification)", &error));
  parts = acq_jury_parts_list (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 3);
  g_assert_cmpstr (((AcqJuryPart *) parts->pdata[0])->name, ==,
                   "Mise en situation professionnelle ou présentation d’un projet");
  g_assert_cmpstr (((AcqJuryPart *) parts->pdata[1])->name, ==, "Entretien technique");
  g_assert_cmpstr (((AcqJuryPart *) parts->pdata[2])->name, ==, "Entretien final");
  g_assert_null (((AcqJuryPart *) parts->pdata[0])->uuid);
  /* edited: the last part longer, the first removed */
  ((AcqJuryPart *) parts->pdata[2])->minutes = 20;
  g_ptr_array_remove_index (parts, 0);
  g_assert_true (acq_jury_parts_save (f->store, uuid_of (f), parts, &error));
  g_assert_no_error (error);
  saved = acq_jury_parts_list (f->store, uuid_of (f), &error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpuint (((AcqJuryPart *) saved->pdata[1])->minutes, ==, 20);
  g_assert_cmpstr (((AcqJuryPart *) saved->pdata[1])->uuid, ==,
                   ((AcqJuryPart *) parts->pdata[1])->uuid);
  /* a part of no minutes is refused */
  ((AcqJuryPart *) saved->pdata[0])->minutes = 0;
  g_assert_false (acq_jury_parts_save (f->store, uuid_of (f), saved, &error));
  g_assert_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_INVALID);
}

static void
test_rehearsal_and_cards (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) cards = NULL;
  g_autoptr (GPtrArray) cards_again = NULL;
  add_validated_example (f, "Accueil d'une personne");
  AcqJuryRehearsal *run;

  step_rehearse (f);
  runs = acq_jury_rehearsals_list (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  run = runs->pdata[0];
  g_assert_cmpuint (run->names->len, ==, 2);
  g_assert_cmpstr (run->names->pdata[1], ==, "Entretien final");
  g_assert_cmpuint (g_array_index (run->seconds, guint, 0), ==, 1130);

  /* a card per targeted bloc, its key points the validated examples */
  g_assert_true (acq_jury_cards_draft (f->store, uuid_of (f), &error));
  g_assert_no_error (error);
  cards = acq_jury_cards_list (f->store, uuid_of (f), &error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (((AcqJuryCard *) cards->pdata[0])->key_points, ==, "Accueil d'une personne");
  g_assert_true (g_str_has_prefix (((AcqJuryCard *) cards->pdata[0])->title, "RNCP37274BC01 — "));
  /* drafting again adds nothing */
  g_assert_true (acq_jury_cards_draft (f->store, uuid_of (f), &error));
  cards_again = acq_jury_cards_list (f->store, uuid_of (f), &error);
  g_assert_cmpuint (cards_again->len, ==, 1);
  /* the other side, drafting on its own, makes the same card: the merge keeps one */
  {
    g_autoptr (GPtrArray) other = NULL;

    g_assert_true (acq_store_exec (f->store, "DELETE FROM jury_card", &error));
    g_assert_true (acq_jury_cards_draft (f->store, uuid_of (f), &error));
    other = acq_jury_cards_list (f->store, uuid_of (f), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (other->len, ==, 1);
    g_assert_cmpstr (((AcqJuryCard *) other->pdata[0])->uuid, ==,
                     ((AcqJuryCard *) cards->pdata[0])->uuid);
  }
}

/* --- Questions and the drill ------------------------------------------------------------- */

static void
test_questions_notes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *key = NULL;
  g_autofree char *own = NULL;
  const AcqJuryQuestion *first;

  g_assert_true (acq_store_exec (f->store, "UPDATE candidate SET certification_uuid ="
                                           " (SELECT uuid FROM certification)", &error));
  questions = acq_jury_questions_list (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, >, 10);
  first = questions->pdata[0];
  g_assert_cmpstr (first->key, ==, "RNCP37274BC01:1:0");
  g_assert_false (first->from_coach);
  key = g_strdup (first->key);
  own = acq_jury_question_add (f->store, uuid_of (f), competence_uuid (f, 0, 1),
                               "Comment avez-vous adapté votre entretien ?", &error);
  g_assert_no_error (error);
  g_assert_true (acq_jury_question_set_note (f->store, uuid_of (f), key, "Parler de Mme B.",
                                             &error));
  g_assert_true (acq_jury_question_set_note (f->store, uuid_of (f), key, "Parler de Mme B. et M. K.",
                                             &error));
  g_assert_true (acq_jury_question_set_note (f->store, uuid_of (f), own, "Le tiers temps", &error));
  g_assert_no_error (error);
  again = acq_jury_questions_list (f->store, uuid_of (f), &error);
  g_assert_cmpuint (again->len, ==, questions->len + 1);
  g_assert_cmpstr (((AcqJuryQuestion *) again->pdata[0])->note, ==, "Parler de Mme B. et M. K.");
  g_assert_true (((AcqJuryQuestion *) again->pdata[again->len - 1])->from_coach);
  g_assert_cmpstr (((AcqJuryQuestion *) again->pdata[again->len - 1])->note, ==, "Le tiers temps");
  g_assert_cmpstr (((AcqJuryQuestion *) again->pdata[again->len - 1])->bloc_code, ==,
                   "RNCP37274BC01");
  {
    g_autofree char *answers = test_query_text (f->store, "SELECT count (*) FROM jury_answer");
    g_assert_cmpstr (answers, ==, "2");
  }
}

/* The drill favours the targeted competences with the weakest evidence, leaves out the blocs
 * not aimed at, and draws the same with the same seed. */
static void
test_drill_weights (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) second = NULL;
  guint weak = 0, strong = 0;

  g_assert_true (acq_store_exec (f->store, "UPDATE candidate SET certification_uuid ="
                                           " (SELECT uuid FROM certification)", &error));
  /* competence 1 of bloc 1 validated, the others of bloc 1 have nothing */
  add_validated_example (f, "Accueil d'une personne");
  g_assert_true (acq_jury_readiness_set (f->store, uuid_of (f), competence_uuid (f, 0, 2),
                                         ACQ_JURY_READINESS_REWORK, "Trop vague", &error));
  g_assert_no_error (error);

  first = acq_jury_drill (f->store, uuid_of (f), 5, 42, &error);
  second = acq_jury_drill (f->store, uuid_of (f), 5, 42, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (((AcqJuryQuestion *) first->pdata[i])->key, ==,
                     ((AcqJuryQuestion *) second->pdata[i])->key);

  for (guint32 seed = 1; seed <= 200; seed++)
    {
      g_autoptr (GPtrArray) drawn = acq_jury_drill (f->store, uuid_of (f), 3, seed, &error);
      for (guint i = 0; i < drawn->len; i++)
        {
          const AcqJuryQuestion *q = drawn->pdata[i];
          /* bloc 1 only */
          g_assert_cmpstr (q->bloc_code, ==, "RNCP37274BC01");
          g_assert_cmpfloat (q->weight, >, 0.0);
          if (q->position == 1)
            strong++;
          else
            weak++;
        }
    }
  /* five competences without evidence at 9 (one at 13) against one validated at 1 */
  g_assert_cmpuint (weak, >, 10 * strong);
  g_assert_cmpuint (strong, >, 0);
}

/* --- Migration --------------------------------------------------------------------------- */

static void
test_migrate_from_before (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "acquis.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (AcqJuryChecklist) checklist = NULL;
  g_autofree char *stage = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, VERSION_BEFORE_JURY, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, stage, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 4, 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), ==, acq_store_get_latest_version ());
  stage = test_query_text (store, "SELECT stage FROM candidate WHERE uuid = 'k1'");
  g_assert_cmpstr (stage, ==, "4");
  session = acq_jury_session_load (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_false (session->stored);
  checklist = acq_jury_checklist_compute (store, "k1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklist->n_done, ==, 0);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* --- The fiche de préparation ------------------------------------------------------------ */

/* The text of every page of the PDF at @path, and their number. */
static char *
pdf_text (const char *path, int *out_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  /* poppler-glib 22.02 (Debian 12) has no autoptr */
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *out_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *out_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

/* The fiche reads back: the jury, the parts, the bloc, its example, the card, a question with
 * the candidate's notes, in French; the large print takes more pages. */
static void
test_prep_reads_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJurySession) session = load_session (f);
  g_autoptr (GPtrArray) questions = NULL;
  g_autofree char *large = g_build_filename (f->dir, "large.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *large_text = NULL;
  AcqJuryCard card = { NULL, NULL, (char *) "Mon accueil", (char *) "Le premier entretien" };
  int pages = 0, large_pages = 0;
  GStatBuf st;

  add_validated_example (f, "Accueil d'une personne");
  session->date = g_strdup ("2027-01-14");
  session->time = g_strdup ("09:30");
  session->place = g_strdup ("Cahors");
  save_session (f, session);
  card.bloc_uuid = (char *) bloc_uuid (f, 0);
  g_assert_true (acq_jury_card_save (f->store, uuid_of (f), &card, &error));
  g_clear_pointer (&card.uuid, g_free);
  questions = acq_jury_questions_list (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_true (acq_jury_question_set_note (f->store, uuid_of (f),
                                             ((AcqJuryQuestion *) questions->pdata[0])->key,
                                             "Parler de l'atelier CV", &error));
  g_assert_no_error (error);

  g_assert_true (acq_jury_prep_write (f->store, uuid_of (f), f->output, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (acq_jury_prep_write (f->store, uuid_of (f), large, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->output, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = pdf_text (f->output, &pages);
  g_assert_nonnull (strstr (text, "Fiche de préparation au jury"));
  g_assert_nonnull (strstr (text, "Léa Garnier"));
  g_assert_nonnull (strstr (text, "Jury le 14 janvier 2027 à 09:30, Cahors"));
  g_assert_nonnull (strstr (text, "Entretien final"));
  g_assert_nonnull (strstr (text, "RNCP37274BC01"));
  g_assert_nonnull (strstr (text, "Accueil d’une personne"));
  g_assert_nonnull (strstr (text, "Mon accueil"));
  g_assert_nonnull (strstr (text, "Parler de l’atelier CV"));
  /* the blocs not aimed at are left out */
  g_assert_null (strstr (text, "RNCP37274BC02"));
  large_text = pdf_text (large, &large_pages);
  g_assert_cmpint (large_pages, >, pages);
  g_assert_nonnull (strstr (large_text, "Parler de l’atelier CV"));

  /* a folder that does not exist: a sentence, and nothing written */
  {
    g_autofree char *nowhere = g_build_filename (f->dir, "nowhere", "prep.pdf", NULL);
    g_assert_false (acq_jury_prep_write (f->store, uuid_of (f), nowhere, FALSE, &error));
    g_assert_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_WRITE);
  }
}

/* The readiness marks list the competences of the targeted blocs only, in the referential's
 * order, and a mark read back is the last one set. */
static void
test_readiness_competences (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) competences = acq_jury_competences_list (f->store, uuid_of (f), &error);
  g_autoptr (GHashTable) marks = NULL;
  AcqBlocDef *bloc = g_ptr_array_index (f->fiche->blocs, 0);
  const AcqJuryReadinessMark *mark;

  g_assert_no_error (error);
  g_assert_cmpuint (competences->len, ==, bloc->competences->len);
  for (guint i = 0; i < competences->len; i++)
    {
      const AcqJuryCompetence *c = competences->pdata[i];

      g_assert_cmpstr (c->uuid, ==, competence_uuid (f, 0, i));
      g_assert_cmpstr (c->bloc_code, ==, "RNCP37274BC01");
      g_assert_cmpuint (c->position, ==, i + 1);
      g_assert_cmpstr (c->label, ==, g_ptr_array_index (bloc->competences, i));
    }

  g_assert_true (acq_jury_readiness_set (f->store, uuid_of (f), competence_uuid (f, 0, 1),
                                         ACQ_JURY_READINESS_READY, NULL, &error));
  g_assert_true (acq_jury_readiness_set (f->store, uuid_of (f), competence_uuid (f, 0, 1),
                                         ACQ_JURY_READINESS_REWORK, "Trop long", &error));
  g_assert_no_error (error);
  marks = acq_jury_readiness_get (f->store, uuid_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (marks), ==, 1);
  mark = g_hash_table_lookup (marks, competence_uuid (f, 0, 1));
  g_assert_nonnull (mark);
  g_assert_cmpint (mark->state, ==, ACQ_JURY_READINESS_REWORK);
  g_assert_cmpstr (mark->remark, ==, "Trop long");

  /* a candidate who aims at nothing has nothing to mark */
  {
    const char *none[] = { NULL };
    g_autoptr (GPtrArray) empty = NULL;

    acq_candidate_set_targeted_blocs (f->candidate, none);
    g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
    empty = acq_jury_competences_list (f->store, uuid_of (f), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (empty->len, ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/jury/checklist/ticks-itself-and-says-why", test_checklist_steps);
  ADD ("/jury/checklist/counts-computed-and-hand-items", test_checklist_counts);
  ADD ("/jury/checklist/caseload-counts-as-the-page", test_checklist_caseload);
  ADD ("/jury/result/each-outcome-moves-the-stage", test_result_outcomes);
  ADD ("/jury/result/partial-opens-the-plan", test_result_partial_plan);
  ADD ("/jury/session/records-the-parcours", test_session_events);
  ADD ("/jury/parts/from-the-fiche-then-edited", test_parts_defaults);
  ADD ("/jury/rehearsal/runs-and-cards", test_rehearsal_and_cards);
  ADD ("/jury/questions/shipped-own-and-notes", test_questions_notes);
  ADD ("/jury/drill/weakest-evidence-first", test_drill_weights);
  ADD ("/jury/readiness/lists-the-targeted-competences", test_readiness_competences);
  ADD ("/jury/prep/reads-back-in-french", test_prep_reads_back);
#undef ADD
  g_test_add_func ("/jury/migrate/from-the-version-before", test_migrate_from_before);

  return g_test_run ();
}
