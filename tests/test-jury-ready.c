/* test-jury-ready.c — the caseload's "Ready for the jury": who it concerns, and its order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside test-jury.c (the checklist itself): the count the sidebar reads says whether the
 * jury is dated, the figure concerns the jury stage and a session dated before it, and the
 * least ready come first.
 */
#define G_LOG_DOMAIN "test-jury-ready"

#include "config.h"

#include "acq-candidate-list.h"
#include "acq-jury-checklist.h"
#include "acq-jury.h"
#include "acq-referential.h"
#include "test-util.h"

static void
test_count_dated (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) candidates = test_candidate_list_new (store);
  AcqCandidate *dated = acq_candidate_list_create (candidates, "Sophie", "Lefèvre", &error);
  AcqCandidate *other = acq_candidate_list_create (candidates, "Paul", "Roux", &error);
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (GPtrArray) hand = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  const AcqJuryReadyCount *count, *was;

  g_assert_no_error (error);
  before = acq_jury_checklist_count_all (store, &error);
  g_assert_no_error (error);
  g_assert_false (((AcqJuryReadyCount *) g_hash_table_lookup (before,
                     acq_candidate_get_uuid (dated)))->dated);

  /* a day for the jury, and a hand item ticked */
  session = acq_jury_session_load (store, acq_candidate_get_uuid (dated), &error);
  g_assert_no_error (error);
  g_free (session->date);
  session->date = g_strdup ("2027-01-12");
  g_assert_true (acq_jury_session_save (store, session, &error));
  hand = acq_jury_hand_items_list (store, acq_candidate_get_uuid (dated), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hand->len, >, 0);
  g_assert_true (acq_jury_hand_item_set_done (store,
                                              ((AcqJuryHandItem *) hand->pdata[0])->uuid, TRUE,
                                              &error));
  g_assert_no_error (error);

  after = acq_jury_checklist_count_all (store, &error);
  g_assert_no_error (error);
  count = g_hash_table_lookup (after, acq_candidate_get_uuid (dated));
  was = g_hash_table_lookup (before, acq_candidate_get_uuid (dated));
  g_assert_true (count->dated);
  g_assert_cmpuint (count->n_done, ==, was->n_done + 1);
  g_assert_false (((AcqJuryReadyCount *) g_hash_table_lookup (after,
                     acq_candidate_get_uuid (other)))->dated);
  g_clear_object (&candidates);
  test_store_close (&store, &dir);
}

static void
test_applies (void)
{
  AcqJuryReadyCount undated = { 3, 9, FALSE };
  AcqJuryReadyCount dated = { 3, 9, TRUE };

  /* the jury stage, read or not yet */
  g_assert_true (acq_jury_ready_count_applies (NULL, ACQ_STAGE_JURY));
  g_assert_true (acq_jury_ready_count_applies (&undated, ACQ_STAGE_JURY));
  /* before it, only with a day for the jury */
  g_assert_false (acq_jury_ready_count_applies (NULL, ACQ_STAGE_DOSSIER));
  g_assert_false (acq_jury_ready_count_applies (&undated, ACQ_STAGE_DOSSIER));
  g_assert_true (acq_jury_ready_count_applies (&dated, ACQ_STAGE_DOSSIER));
  /* after it, no more */
  g_assert_false (acq_jury_ready_count_applies (&dated, ACQ_STAGE_POST_JURY));
}

static void
test_compare (void)
{
  AcqJuryReadyCount half = { 4, 8, FALSE };
  AcqJuryReadyCount most = { 7, 9, FALSE };
  AcqJuryReadyCount half_of_more = { 5, 10, TRUE };

  g_assert_cmpint (acq_jury_ready_count_compare (&half, &most), <, 0);
  g_assert_cmpint (acq_jury_ready_count_compare (&most, &half), >, 0);
  /* the same share: the more items left first */
  g_assert_cmpint (acq_jury_ready_count_compare (&half_of_more, &half), <, 0);
  g_assert_cmpint (acq_jury_ready_count_compare (&half, &half), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jury/ready/count-says-the-jury-is-dated", test_count_dated);
  g_test_add_func ("/jury/ready/concerns-the-jury-stage", test_applies);
  g_test_add_func ("/jury/ready/least-ready-first", test_compare);
  return g_test_run ();
}
