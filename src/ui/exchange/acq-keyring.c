/* acq-keyring.c — the passphrases agreed with each candidate, kept in the user's keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "acq-keyring.h"

/* One secret per candidate, found by the candidate's id: the passphrase of their .acquis files.
 * Without a Secret Service (a bare session, tests, CI) every call fails quietly and the window
 * asks for the passphrase instead. */

static const SecretSchema *
passphrase_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Passphrase", SECRET_SCHEMA_NONE,
    {
      { "candidate-uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/**
 * acq_keyring_dup_label:
 * @candidate_name: whose passphrase
 *
 * Returns: (transfer full): what the keyring shows for the passphrase of @candidate_name
 */
char *
acq_keyring_dup_label (const char *candidate_name)
{
  return g_strdup_printf (_("Acquis passphrase for %s"), candidate_name);
}

/**
 * acq_keyring_lookup:
 * @candidate_uuid: the candidate
 *
 * Blocks until the keyring answers: for the command line only.
 *
 * Returns: (transfer full) (nullable): the passphrase kept for @candidate_uuid, or %NULL if
 *   none is kept or there is no keyring; free it with acq_keyring_free()
 */
char *
acq_keyring_lookup (const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;
  char *passphrase;

  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  passphrase = secret_password_lookup_sync (passphrase_schema (), NULL, &error, "candidate-uuid",
                                            candidate_uuid, NULL);
  if (error != NULL)
    g_debug ("No passphrase from the keyring: %s", error->message);
  return passphrase;
}

/**
 * acq_keyring_store:
 * @candidate_uuid: the candidate
 * @label: what the keyring shows, such as “Acquis passphrase for Hélène Dubois”
 * @passphrase: the passphrase
 * @error: where to put what went wrong
 *
 * Returns: %TRUE if the keyring keeps @passphrase for @candidate_uuid
 */
gboolean
acq_keyring_store (const char *candidate_uuid, const char *label, const char *passphrase,
                   GError **error)
{
  g_return_val_if_fail (candidate_uuid != NULL && label != NULL && passphrase != NULL, FALSE);

  return secret_password_store_sync (passphrase_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     passphrase, NULL, error, "candidate-uuid", candidate_uuid,
                                     NULL);
}

/**
 * acq_keyring_clear:
 * @candidate_uuid: the candidate
 *
 * Forgets the passphrase kept for @candidate_uuid, if any.
 */
void
acq_keyring_clear (const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (candidate_uuid != NULL);

  if (!secret_password_clear_sync (passphrase_schema (), NULL, &error, "candidate-uuid",
                                   candidate_uuid, NULL) &&
      error != NULL)
    g_debug ("Could not forget a passphrase: %s", error->message);
}

/**
 * acq_keyring_free:
 * @passphrase: (nullable): a passphrase from this module
 *
 * Wipes the passphrase from memory and frees it.
 */
void
acq_keyring_free (char *passphrase)
{
  secret_password_free (passphrase);
}

/**
 * acq_keyring_lookup_async:
 * @candidate_uuid: the candidate
 * @cancellable: (nullable): to give up
 * @callback: called with the answer; call acq_keyring_lookup_finish() there
 * @user_data: for @callback
 */
void
acq_keyring_lookup_async (const char *candidate_uuid, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (candidate_uuid != NULL);

  secret_password_lookup (passphrase_schema (), cancellable, callback, user_data,
                          "candidate-uuid", candidate_uuid, NULL);
}

/**
 * acq_keyring_lookup_finish:
 * @result: the result given to the callback
 *
 * Returns: (transfer full) (nullable): the passphrase, or %NULL if none is kept, there is no
 *   keyring or the lookup was cancelled; free it with acq_keyring_free()
 */
char *
acq_keyring_lookup_finish (GAsyncResult *result)
{
  g_autoptr (GError) error = NULL;
  char *passphrase = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_debug ("No passphrase from the keyring: %s", error->message);
  return passphrase;
}

static void
on_stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_info ("The keyring did not keep the passphrase: %s", error->message);
}

/**
 * acq_keyring_store_async:
 * @candidate_uuid: the candidate
 * @label: what the keyring shows
 * @passphrase: the passphrase
 *
 * Keeps @passphrase in the keyring without waiting; if there is no keyring, the passphrase
 * will simply be asked again next time.
 */
void
acq_keyring_store_async (const char *candidate_uuid, const char *label, const char *passphrase)
{
  g_return_if_fail (candidate_uuid != NULL && label != NULL && passphrase != NULL);

  secret_password_store (passphrase_schema (), SECRET_COLLECTION_DEFAULT, label, passphrase,
                         NULL, on_stored_cb, NULL, "candidate-uuid", candidate_uuid, NULL);
}

static void
on_cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_info ("The keyring did not forget the passphrases: %s", error->message);
}

/**
 * acq_keyring_clear_all_async:
 *
 * Forgets every passphrase Acquis kept, when the user no longer wants them kept.
 */
void
acq_keyring_clear_all_async (void)
{
  secret_password_clear (passphrase_schema (), NULL, on_cleared_cb, NULL, NULL);
}
