/* test-user-file.c — files the user chooses: a named pipe or a folder is refused at once, by
 * every entry point that reads one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-user-file"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-output-file.h"
#include "acq-package.h"
#include "acq-referential.h"
#include "acq-user-file.h"
#include "test-util.h"

/* A plain open() of a pipe waits for a writer forever: if an entry point does that again,
 * the alarm ends the test as a failure instead of hanging the suite. */
#define GUARD_SECONDS 10

typedef struct
{
  char *dir;
  char *fifo; /* "dossier.acquis", a named pipe that nobody writes to */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = test_make_data_dir ();
  f->fifo = g_build_filename (f->dir, "dossier.acquis", NULL);
  g_assert_cmpint (mkfifo (f->fifo, 0600), ==, 0);
  alarm (GUARD_SECONDS);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  alarm (0);
  test_remove_tree (f->dir);
  g_free (f->fifo);
  g_free (f->dir);
}

static void
assert_not_regular (const GError *error, const char *name)
{
  g_autofree char *quoted = g_strdup_printf ("“%s” is not a regular file", name);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, quoted));
}

static void
test_open_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autofree char *regular = g_build_filename (f->dir, "notes.txt", NULL);
  int fd;

  g_assert_cmpint (acq_user_file_open (f->fifo, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_not_regular (error, "dossier.acquis");
  g_clear_error (&error);

  g_assert_cmpint (acq_user_file_open (f->dir, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  stream = acq_user_file_read (f->fifo, &error);
  g_assert_null (stream);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_cmpint (acq_user_file_open (regular, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a regular file opens, blocking as the readers expect */
  g_assert_true (g_file_set_contents (regular, "texte", -1, NULL));
  fd = acq_user_file_open (regular, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (fcntl (fd, F_GETFL) & O_NONBLOCK, ==, 0);
  g_assert_cmpint (fcntl (fd, F_GETFD) & FD_CLOEXEC, ==, FD_CLOEXEC);
  close (fd);
}

static void
test_package_peek (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_assert_false (acq_package_peek (f->fifo, &uuid, NULL, &error));
  g_assert_null (uuid);
  assert_not_regular (error, "dossier.acquis");
}

static void
test_package_import (Fixture *f, gconstpointer data)
{
  g_autofree char *data_dir = g_build_filename (f->dir, "data", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (data_dir, &error);
  g_autoptr (AcqImportReport) report = NULL;

  g_assert_no_error (error);
  report = acq_package_import (store, f->fifo, "cheval correct pile agrafe", ACQ_ROLE_COACH,
                               NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_NOT_PACKAGE);
  assert_not_regular (error, "dossier.acquis");
}

static void
test_attachment (Fixture *f, gconstpointer data)
{
  g_autofree char *data_dir = g_build_filename (f->dir, "data", NULL);
  g_autofree char *pipe = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (pipe);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (data_dir, &error);
  g_autoptr (AcqAttachment) attachment = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  attachment = acq_attachment_add (store, "2b1b0c1e-0000-4000-8000-000000000000", file, NULL,
                                   &error);
  g_assert_null (attachment);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "scan.pdf"));
}

static void
test_referential (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = NULL;

  fiche = acq_referential_read_fiche_file (f->fifo, "RNCP37274", NULL, &error);
  g_assert_null (fiche);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_not_regular (error, "dossier.acquis");
}

/* A copy for the user is whole, private, and a folder that cannot take it leaves nothing
 * behind and says why. */
static void
test_output_copy (Fixture *f, gconstpointer data)
{
  g_autofree char *source = g_build_filename (f->dir, "preview.pdf", NULL);
  g_autofree char *target = g_build_filename (f->dir, "brouillon.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere", "brouillon.pdf", NULL);
  g_autofree char *copied = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  struct stat st;
  guint entries = 0;

  g_assert_true (g_file_set_contents (source, "%PDF-1.5 contenu", -1, NULL));
  g_assert_true (acq_output_file_copy (source, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, "%PDF-1.5 contenu");
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (acq_output_file_copy (source, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "brouillon.pdf” could not be written"));
  /* the folder holds the pipe, the source and the copy: no temporary left */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/user-file/output/copy-whole-and-private", Fixture, NULL, fixture_set_up,
              test_output_copy, fixture_tear_down);
  g_test_add ("/user-file/fifo/refused", Fixture, NULL, fixture_set_up, test_open_refuses,
              fixture_tear_down);
  g_test_add ("/user-file/fifo/package-peek", Fixture, NULL, fixture_set_up, test_package_peek,
              fixture_tear_down);
  g_test_add ("/user-file/fifo/package-import", Fixture, NULL, fixture_set_up,
              test_package_import, fixture_tear_down);
  g_test_add ("/user-file/fifo/attachment", Fixture, NULL, fixture_set_up, test_attachment,
              fixture_tear_down);
  g_test_add ("/user-file/fifo/referential", Fixture, NULL, fixture_set_up, test_referential,
              fixture_tear_down);
  return g_test_run ();
}
