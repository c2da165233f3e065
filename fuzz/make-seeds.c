/* make-seeds.c — writes the fuzzer's seed corpus: valid .acquis files (passphrase "fuzz",
 * cheapest Argon2id) and their decrypted contents, each behind the byte that tells the
 * fuzz target which of the two it is. Run: make-seeds DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "acq-candidate-list.h"
#include "acq-comment.h"
#include "acq-package-private.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
write_seed (const char *dir, const char *name, guint8 kind, const char *from)
{
  g_autofree char *bytes = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GByteArray) seed = g_byte_array_new ();
  gsize len;

  if (!g_file_get_contents (from, &bytes, &len, NULL))
    g_error ("cannot read %s", from);
  g_byte_array_append (seed, &kind, 1);
  g_byte_array_append (seed, (const guint8 *) bytes, len);
  if (!g_file_set_contents (path, (const char *) seed->data, seed->len, NULL))
    g_error ("cannot write %s", path);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = g_dir_make_tmp ("acquis-seeds-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (data_dir, "seed.acquis", NULL);
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (AcqComment) comment = NULL;
  g_autofree char *content = NULL;
  /* The uuid the fuzz target expects of a content. */
  g_autoptr (AcqCandidate) candidate = acq_candidate_new ("6f1c2a9e-5b7d-4c3e-9a1f-0d2e3c4b5a69");
  AcqSheet *sheet;
  AcqRole role;

  if (argc != 2)
    {
      g_printerr ("usage: make-seeds DIR\n");
      return 2;
    }
  _acq_package_set_kdf_cost (1, 8192);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, "Ana");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, "Martins");
  if (!(store = acq_store_open (data_dir, &error)) ||
      !acq_referential_ensure_default (store, &error) ||
      !(candidates = acq_candidate_list_new (store, &error)) ||
      !acq_candidate_list_add (candidates, candidate, &error) ||
      !(sheets = acq_sheet_list_new (store, candidate, &error)) ||
      !(sheet = acq_sheet_list_create (sheets, NULL, "Accueil", &error)))
    g_error ("%s", error->message);
  comment = acq_comment_new (acq_sheet_get_uuid (sheet), ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH, "Oui.");
  if (!acq_comment_insert (store, comment, &error) ||
      !acq_package_export (store, acq_candidate_get_uuid (candidate), ACQ_ROLE_CANDIDATE, "fuzz",
                           file, NULL, &error))
    g_error ("%s", error->message);
  write_seed (argv[1], "package.acquis", 0, file);
  content = _acq_package_open (file, "fuzz", data_dir, NULL, &role, NULL, &error);
  if (content == NULL)
    g_error ("%s", error->message);
  write_seed (argv[1], "content.db", 1, content);
  g_print ("Seeds written in %s (candidate %s)\n", argv[1], acq_candidate_get_uuid (candidate));
  g_clear_object (&store);
  remove_tree (data_dir);
  return 0;
}
