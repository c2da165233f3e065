/* acq-jury-checklist.c — what is ready for the jury and what is not, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist ticks itself from what the store already knows: the validated examples of
 * each targeted bloc, the dossier's rules, the last export of the final dossier against the
 * last edit, the jury's session, the livret's soutenances blanches and the rehearsals, the
 * recorded accommodations; then the hand items. One candidate's and the caseload's are built
 * by the same function from the same facts: the caseload reads them in a few grouped
 * statements (one per kind of fact, not one per candidate) for the sidebar's "Ready for the
 * jury: 7 of 9".
 *
 * The one difference: the DP's rules lay the examples out with Pango, too slow for every
 * candidate at start-up, so the caseload counts them as passed only when a final dossier was
 * exported after the last edit (the final export refuses a dossier that breaks a rule);
 * one candidate's checklist checks them.
 *
 * "The last edit" is the candidate's last activity (a sheet written, the profile changed) or
 * a sheet deleted since, whichever is later: the same columns the sidebar sorts by.
 */
#define G_LOG_DOMAIN "acq-jury"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-dossier-rules.h"
#include "acq-jury-checklist.h"
#include "acq-jury-private.h"
#include "acq-jury.h"
#include "acq-sql-private.h"

#define EXAMPLES_MIN 1
#define EXAMPLES_MAX 3

typedef struct
{
  char *uuid;
  char *code;
  guint n_validated;
} BlocFact;

typedef struct
{
  GPtrArray *blocs;            /* BlocFact, the targeted blocs in order */
  char      *last_change;
  char      *last_export;      /* of a final dossier */
  gboolean   convocation, deposited, mock, accommodations_recorded, accommodations_asked;
  gboolean   dated;            /* the session has a day */
  guint      hand_items, hand_done;
} Facts;

static void
bloc_fact_free (BlocFact *bloc)
{
  g_free (bloc->uuid);
  g_free (bloc->code);
  g_free (bloc);
}

static Facts *
facts_new (void)
{
  Facts *facts = g_new0 (Facts, 1);

  facts->blocs = g_ptr_array_new_with_free_func ((GDestroyNotify) bloc_fact_free);
  return facts;
}

static void
facts_free (Facts *facts)
{
  g_ptr_array_unref (facts->blocs);
  g_free (facts->last_change);
  g_free (facts->last_export);
  g_free (facts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Facts, facts_free)

static void
raise_text (char **slot, const char *value)
{
  if (value != NULL && g_strcmp0 (value, *slot) > 0)
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

/* The statements, for one candidate (?1) and for all: "?1 IS NULL OR …" would keep sqlite
 * from using the indexes. Column 0 is always the candidate. */
#define SQL_TARGETED \
  "SELECT cb.candidate_uuid, b.uuid, b.code FROM candidate_bloc cb JOIN bloc b ON" \
  " b.uuid = cb.bloc_uuid"
/* a bloc's examples are the validated sheets of that bloc (where the dossier puts them) that
 * back one of its competences at least */
#define SQL_VALIDATED \
  "SELECT s.candidate_uuid, s.bloc_uuid, count (*) FROM sheet s WHERE s.review_state = 3 AND" \
  " s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM sheet_competence sc JOIN competence c ON" \
  " c.uuid = sc.competence_uuid WHERE sc.sheet_uuid = s.uuid AND c.bloc_uuid = s.bloc_uuid)"
/* last_activity_at, not updated_at: the parcours moving the stage (a convocation recorded)
 * changes nothing of the dossier */
#define SQL_CANDIDATE \
  "SELECT uuid, last_activity_at, accommodations <> '' FROM candidate WHERE deleted_at IS NULL"
/* no GROUP BY: it would make sqlite walk every sheet in candidate order, reading deleted_at
 * past the texts, instead of the few deleted ones from the partial index sheet_deleted */
#define SQL_DELETED_SHEETS \
  "SELECT candidate_uuid, deleted_at FROM sheet WHERE deleted_at IS NOT NULL"
#define SQL_EXPORTS \
  "SELECT candidate_uuid, max (exported_at) FROM dossier_export WHERE final = 1"
#define SQL_SESSION \
  "SELECT candidate_uuid, convocation_date IS NOT NULL, deposited_date IS NOT NULL," \
  " accommodations_asked <> '', date IS NOT NULL FROM jury_session"
#define SQL_MOCK \
  "SELECT candidate_uuid FROM session WHERE kind = 2 AND held = 1 AND deleted_at IS NULL"
#define SQL_REHEARSED "SELECT DISTINCT candidate_uuid FROM jury_rehearsal"
#define SQL_HAND \
  "SELECT candidate_uuid, count (*), total (done) FROM jury_hand_item"

static const char *const sql_all[] = {
  SQL_TARGETED " ORDER BY cb.candidate_uuid, b.position",
  SQL_VALIDATED " GROUP BY s.candidate_uuid, s.bloc_uuid",
  SQL_CANDIDATE,
  SQL_DELETED_SHEETS,
  SQL_EXPORTS " GROUP BY candidate_uuid",
  SQL_SESSION,
  SQL_MOCK " GROUP BY candidate_uuid",
  SQL_REHEARSED,
  SQL_HAND " GROUP BY candidate_uuid",
};

static const char *const sql_one[] = {
  SQL_TARGETED " WHERE cb.candidate_uuid = ?1 ORDER BY b.position",
  SQL_VALIDATED " AND s.candidate_uuid = ?1 GROUP BY s.bloc_uuid",
  SQL_CANDIDATE " AND uuid = ?1",
  SQL_DELETED_SHEETS " AND candidate_uuid = ?1",
  SQL_EXPORTS " AND candidate_uuid = ?1",
  SQL_SESSION " WHERE candidate_uuid = ?1",
  SQL_MOCK " AND candidate_uuid = ?1 LIMIT 1",
  SQL_REHEARSED " WHERE candidate_uuid = ?1",
  SQL_HAND " WHERE candidate_uuid = ?1",
};

enum { Q_TARGETED, Q_VALIDATED, Q_CANDIDATE, Q_DELETED, Q_EXPORTS, Q_SESSION, Q_MOCK,
       Q_REHEARSED, Q_HAND, N_QUERIES };

G_STATIC_ASSERT (G_N_ELEMENTS (sql_all) == N_QUERIES);
G_STATIC_ASSERT (G_N_ELEMENTS (sql_one) == N_QUERIES);

/* The facts of @candidate_uuid, or of every candidate when it is %NULL: a table from the
 * candidate's uuid to its Facts. */
static GHashTable *
read_facts (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) facts_free);
  /* "candidate\tbloc" -> validated examples */
  g_autoptr (GHashTable) validated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int q = 0; q < N_QUERIES; q++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (candidate_uuid != NULL)
        stmt = _acq_jury_query (store, sql_one[q], error, "s", candidate_uuid);
      else
        stmt = _acq_jury_query (store, sql_all[q], error, "");
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *uuid = _acq_sql_column_text (stmt, 0);
          Facts *facts;

          if (uuid == NULL)
            continue;
          if (q == Q_VALIDATED)
            {
              g_hash_table_insert (validated,
                                   g_strdup_printf ("%s\t%s", uuid, _acq_sql_column_text (stmt, 1)),
                                   GUINT_TO_POINTER (sqlite3_column_int (stmt, 2)));
              continue;
            }
          if (q == Q_CANDIDATE)
            {
              if ((facts = g_hash_table_lookup (all, uuid)) == NULL)
                {
                  facts = facts_new ();
                  g_hash_table_insert (all, g_strdup (uuid), facts);
                }
              raise_text (&facts->last_change, _acq_sql_column_text (stmt, 1));
              facts->accommodations_recorded = sqlite3_column_int (stmt, 2) != 0;
              continue;
            }
          /* the targeted blocs come before the candidates: their Facts start there */
          if ((facts = g_hash_table_lookup (all, uuid)) == NULL)
            {
              if (q != Q_TARGETED)
                continue;
              facts = facts_new ();
              g_hash_table_insert (all, g_strdup (uuid), facts);
            }
          switch (q)
            {
            case Q_TARGETED:
              {
                BlocFact *bloc = g_new0 (BlocFact, 1);
                bloc->uuid = _acq_sql_column_dup (stmt, 1);
                bloc->code = _acq_sql_column_dup (stmt, 2);
                g_ptr_array_add (facts->blocs, bloc);
              }
              break;
            case Q_DELETED: raise_text (&facts->last_change, _acq_sql_column_text (stmt, 1)); break;
            case Q_EXPORTS: raise_text (&facts->last_export, _acq_sql_column_text (stmt, 1)); break;
            case Q_SESSION:
              facts->convocation = sqlite3_column_int (stmt, 1) != 0;
              facts->deposited = sqlite3_column_int (stmt, 2) != 0;
              facts->accommodations_asked = sqlite3_column_int (stmt, 3) != 0;
              facts->dated = sqlite3_column_int (stmt, 4) != 0;
              break;
            case Q_MOCK:
            case Q_REHEARSED: facts->mock = TRUE; break;
            case Q_HAND:
              facts->hand_items = sqlite3_column_int (stmt, 1);
              facts->hand_done = (guint) sqlite3_column_double (stmt, 2);
              break;
            default: break;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_all[q]);
          return NULL;
        }
    }

  /* the blocs' counts, now that every candidate has its blocs */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, all);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        Facts *facts = value;
        for (guint i = 0; i < facts->blocs->len; i++)
          {
            BlocFact *bloc = g_ptr_array_index (facts->blocs, i);
            g_autofree char *k = g_strdup_printf ("%s\t%s", (char *) key, bloc->uuid);
            bloc->n_validated = GPOINTER_TO_UINT (g_hash_table_lookup (validated, k));
          }
      }
  }
  return g_steal_pointer (&all);
}

static void
item_free (AcqJuryItem *item)
{
  g_free (item->label);
  g_free (item->why);
  g_free (item->ref);
  g_free (item);
}

static AcqJuryItem *
add_item (GPtrArray *items, AcqJuryItemKind kind, char *label, gboolean done, char *why)
{
  AcqJuryItem *item = g_new0 (AcqJuryItem, 1);

  item->kind = kind;
  item->label = label;
  item->done = done;
  item->counts = TRUE;
  if (!done)
    item->why = why;
  else
    g_free (why);
  g_ptr_array_add (items, item);
  return item;
}

/* The computed items from @facts. @rules_issues is the dossier's check for one candidate, or
 * %NULL for the caseload (see the top of this file), which counts and needs no text: TEXT()
 * leaves the labels and the sentences out then, 5,000 strings fewer for 500 candidates. */
#define TEXT(x) (texts ? (x) : NULL)

static void
build_items (const Facts *facts, GPtrArray *rules_issues, GPtrArray *items)
{
  gboolean texts = rules_issues != NULL;
  gboolean exported = facts->last_export != NULL &&
                      g_strcmp0 (facts->last_export, facts->last_change) >= 0;
  gboolean rules_pass;
  char *why = NULL;

  if (facts->blocs->len == 0)
    add_item (items, ACQ_JURY_ITEM_EXAMPLES, TEXT (g_strdup (_("Examples of each targeted bloc"))),
              FALSE, TEXT (g_strdup (_("The candidate aims at no bloc yet: choose the blocs in "
                                       "the profile."))));
  for (guint i = 0; i < facts->blocs->len; i++)
    {
      const BlocFact *bloc = g_ptr_array_index (facts->blocs, i);
      guint n = bloc->n_validated;

      if (n < EXAMPLES_MIN)
        why = TEXT (g_strdup_printf (_("%s has no validated example yet: validate one to three "
                                       "sheets linked to its competences."), bloc->code));
      else if (n > EXAMPLES_MAX)
        why = TEXT (g_strdup_printf (ngettext ("%s has %u validated example; the dossier takes "
                                               "three at most.",
                                               "%s has %u validated examples; the dossier takes "
                                               "three at most.", n), bloc->code, n));
      add_item (items, ACQ_JURY_ITEM_EXAMPLES,
                TEXT (g_strdup_printf (_("%s: one to three validated examples"), bloc->code)),
                n >= EXAMPLES_MIN && n <= EXAMPLES_MAX, g_steal_pointer (&why))
        ->ref = TEXT (g_strdup (bloc->uuid));
    }

  if (rules_issues == NULL)
    rules_pass = exported;
  else if (!(rules_pass = !acq_dossier_has_errors (rules_issues)))
    why = g_strdup_printf (_("The final dossier breaks a rule: %s"),
                           ((AcqDossierIssue *) g_ptr_array_index (rules_issues, 0))->message);
  add_item (items, ACQ_JURY_ITEM_RULES, TEXT (g_strdup (_("The final dossier passes every rule"))),
            rules_pass, g_steal_pointer (&why));

  add_item (items, ACQ_JURY_ITEM_EXPORTED,
            TEXT (g_strdup (_("A final dossier exported after the last edit"))), exported,
            TEXT (g_strdup (facts->last_export == NULL
                              ? _("No final dossier was exported yet.")
                              : _("The exported dossier is older than your last edit: export "
                                  "it again."))));
  add_item (items, ACQ_JURY_ITEM_CONVOCATION, TEXT (g_strdup (_("Convocation received"))),
            facts->convocation,
            TEXT (g_strdup (_("The convocation from the certifier is not recorded yet."))));
  add_item (items, ACQ_JURY_ITEM_DEPOSITED, TEXT (g_strdup (_("Dossier deposited"))),
            facts->deposited,
            TEXT (g_strdup (_("The deposit of the dossier de validation is not recorded yet."))));
  add_item (items, ACQ_JURY_ITEM_MOCK_JURY, TEXT (g_strdup (_("A soutenance blanche held"))),
            facts->mock,
            TEXT (g_strdup (_("No soutenance blanche yet: hold one in the livret de suivi, or "
                              "rehearse the oral once."))));
  if (facts->accommodations_recorded)
    add_item (items, ACQ_JURY_ITEM_ACCOMMODATIONS,
              TEXT (g_strdup (_("Accommodations asked of the certifier"))),
              facts->accommodations_asked,
              TEXT (g_strdup (_("The candidate has recorded accommodations that were not asked "
                                "of the certifier yet."))));
  else
    add_item (items, ACQ_JURY_ITEM_ACCOMMODATIONS,
              TEXT (g_strdup (_("No accommodations recorded"))), TRUE, NULL)->counts = FALSE;
}

#undef TEXT

static void
count_items (GPtrArray *items, guint *n_done, guint *n_items)
{
  *n_done = *n_items = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const AcqJuryItem *item = g_ptr_array_index (items, i);
      if (!item->counts)
        continue;
      *n_items += 1;
      *n_done += item->done;
    }
}

/**
 * acq_jury_checklist_compute:
 * @store: the store
 * @candidate_uuid: whose checklist
 * @layout: (nullable): a layout to measure the examples with (the dossier's rules); keep one
 * @error: where to put an error
 *
 * Returns: (transfer full): the checklist, computed items first, then the hand items; %NULL
 *   with @error set if the store could not be read or there is no such candidate
 */
AcqJuryChecklist *
acq_jury_checklist_compute (AcqStore *store, const char *candidate_uuid, AcqDpLayout *layout,
                            GError **error)
{
  g_autoptr (AcqJuryChecklist) checklist = g_new0 (AcqJuryChecklist, 1);
  g_autoptr (GHashTable) all = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GPtrArray) hand = NULL;
  Facts *facts;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  if (!(all = read_facts (store, candidate_uuid, error)))
    return NULL;
  if ((facts = g_hash_table_lookup (all, candidate_uuid)) == NULL || facts->last_change == NULL)
    {
      g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_NOT_FOUND,
                           _("This candidate no longer exists."));
      return NULL;
    }
  if (!(issues = acq_dossier_check (store, candidate_uuid, ACQ_DOSSIER_MODE_FINAL, layout,
                                    error)) ||
      !(hand = acq_jury_hand_items_list (store, candidate_uuid, error)))
    return NULL;
  checklist->candidate_uuid = g_strdup (candidate_uuid);
  checklist->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  build_items (facts, issues, checklist->items);
  for (guint i = 0; i < hand->len; i++)
    {
      const AcqJuryHandItem *h = g_ptr_array_index (hand, i);
      add_item (checklist->items, ACQ_JURY_ITEM_HAND, g_strdup (h->label), h->done,
                g_strdup (_("Not ticked yet.")))->ref = g_strdup (h->uuid);
    }
  count_items (checklist->items, &checklist->n_done, &checklist->n_items);
  return g_steal_pointer (&checklist);
}

void
acq_jury_checklist_free (AcqJuryChecklist *checklist)
{
  if (checklist == NULL)
    return;
  g_free (checklist->candidate_uuid);
  if (checklist->items != NULL)
    g_ptr_array_unref (checklist->items);
  g_free (checklist);
}

/**
 * acq_jury_checklist_count_all:
 * @store: the store
 * @error: where to put an error
 *
 * The count of every candidate's checklist at once, for the sidebar, in nine statements
 * whatever the size of the caseload. The dossier's rules count as passed when a final
 * dossier was exported after the last edit (see the top of this file).
 *
 * Returns: (transfer full) (element-type utf8 AcqJuryReadyCount): the counts by candidate
 */
GHashTable *
acq_jury_checklist_count_all (AcqStore *store, GError **error)
{
  g_autoptr (GHashTable) all = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if (!(all = read_facts (store, NULL, error)))
    {
      g_hash_table_unref (counts);
      return NULL;
    }
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Facts *facts = value;
      AcqJuryReadyCount *count = g_new0 (AcqJuryReadyCount, 1);

      /* blocs of a deleted candidate */
      if (facts->last_change == NULL)
        {
          g_free (count);
          continue;
        }
      g_ptr_array_set_size (items, 0);
      build_items (facts, NULL, items);
      count_items (items, &count->n_done, &count->n_items);
      count->n_done += facts->hand_done;
      count->n_items += facts->hand_items;
      count->dated = facts->dated;
      g_hash_table_insert (counts, g_strdup (key), count);
    }
  return counts;
}

/**
 * acq_jury_ready_count_dup_text:
 * @n_done: the items done
 * @n_items: the items that count
 *
 * Returns: (transfer full): "Ready for the jury: 7 of 9"
 */
char *
acq_jury_ready_count_dup_text (guint n_done, guint n_items)
{
  return g_strdup_printf (ngettext ("Ready for the jury: %u of %u", "Ready for the jury: %u of %u",
                                    n_items), n_done, n_items);
}

/**
 * acq_jury_ready_count_applies:
 * @count: (nullable): the candidate's count, or %NULL while it is not read yet
 * @stage: the candidate's stage
 *
 * Whether "Ready for the jury" concerns the candidate: at the jury stage, or with a day for
 * the jury before that stage (the session dated ahead). After the jury (post-jury), the
 * count says nothing more and is not shown.
 *
 * Returns: %TRUE if the sidebar and the page show the count, and the jury's sort and filter
 *   take the candidate
 */
gboolean
acq_jury_ready_count_applies (const AcqJuryReadyCount *count, AcqStage stage)
{
  if (stage == ACQ_STAGE_JURY)
    return TRUE;
  return count != NULL && count->dated && stage < ACQ_STAGE_JURY;
}

/**
 * acq_jury_ready_count_compare:
 * @a: a count
 * @b: another
 *
 * The least ready first: the smaller share of the items done, then the more items left.
 *
 * Returns: negative if @a is less ready than @b, positive if more, 0 if as ready
 */
int
acq_jury_ready_count_compare (const AcqJuryReadyCount *a, const AcqJuryReadyCount *b)
{
  guint64 share_a, share_b;
  guint left_a, left_b;

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  /* a.done / a.items against b.done / b.items, without division */
  share_a = (guint64) a->n_done * MAX (b->n_items, 1);
  share_b = (guint64) b->n_done * MAX (a->n_items, 1);
  if (share_a != share_b)
    return share_a < share_b ? -1 : 1;
  left_a = a->n_items - MIN (a->n_done, a->n_items);
  left_b = b->n_items - MIN (b->n_done, b->n_items);
  if (left_a != left_b)
    return left_a > left_b ? -1 : 1;
  return 0;
}
