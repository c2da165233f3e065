/* test-keyring.c — the passphrases agreed with each candidate, kept in a real keyring (run by
 * run-keyring.sh, with gnome-keyring-daemon on a private session bus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "acq-keyring.h"

#define UUID       "5d0c1a52-7c4e-4f7e-9d0e-2b1f8c3a6e11"
#define OTHER_UUID "0f8e2b6c-1d3a-4c5b-8e7f-9a0b1c2d3e4f"

static void
test_store_lookup_clear (void)
{
  g_autoptr (GError) error = NULL;
  char *found;

  g_assert_null (acq_keyring_lookup (UUID));
  g_assert_true (acq_keyring_store (UUID, "Acquis — Hélène Dubois", "cerisier en fleur 2026",
                                    &error));
  g_assert_no_error (error);
  found = acq_keyring_lookup (UUID);
  g_assert_cmpstr (found, ==, "cerisier en fleur 2026");
  acq_keyring_free (found);
  /* each candidate has their own */
  g_assert_null (acq_keyring_lookup (OTHER_UUID));
  /* stored again: replaced, not doubled */
  g_assert_true (acq_keyring_store (UUID, "Acquis — Hélène Dubois", "tilleul", &error));
  found = acq_keyring_lookup (UUID);
  g_assert_cmpstr (found, ==, "tilleul");
  acq_keyring_free (found);
  acq_keyring_clear (UUID);
  g_assert_null (acq_keyring_lookup (UUID));
}

static void
on_looked_up (GObject *source, GAsyncResult *result, gpointer data)
{
  char **out = data;

  *out = acq_keyring_lookup_finish (result);
  if (*out == NULL)
    *out = g_strdup ("(none)");
}

static char *
lookup_async (const char *uuid)
{
  char *found = NULL;

  acq_keyring_lookup_async (uuid, NULL, on_looked_up, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  return found;
}

static void
test_async (void)
{
  g_autofree char *none = NULL;
  g_autofree char *found = NULL;

  none = lookup_async (OTHER_UUID);
  g_assert_cmpstr (none, ==, "(none)");
  /* the window stores without waiting: the lookup after it still finds it */
  acq_keyring_store_async (OTHER_UUID, "Acquis — Karim Benali", "olivier");
  for (guint i = 0; i < 100; i++)
    {
      g_free (found);
      found = lookup_async (OTHER_UUID);
      if (g_strcmp0 (found, "olivier") == 0)
        break;
      g_usleep (20000);
    }
  g_assert_cmpstr (found, ==, "olivier");
  /* turning "Remember Passphrases" off forgets them all */
  acq_keyring_clear_all_async ();
  for (guint i = 0; i < 100; i++)
    {
      g_free (found);
      found = lookup_async (OTHER_UUID);
      if (g_strcmp0 (found, "(none)") == 0)
        break;
      g_usleep (20000);
    }
  g_assert_cmpstr (found, ==, "(none)");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/keyring/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/keyring/async", test_async);
  return g_test_run ();
}
