/* acq-keyring.h — the passphrases agreed with each candidate, kept in the user's keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *acq_keyring_dup_label     (const char          *candidate_name);

/* Blocking calls, for the command line. */
char     *acq_keyring_lookup        (const char          *candidate_uuid);
gboolean  acq_keyring_store         (const char          *candidate_uuid,
                                     const char          *label,
                                     const char          *passphrase,
                                     GError             **error);
void      acq_keyring_clear         (const char          *candidate_uuid);
void      acq_keyring_free          (char                *passphrase);

/* The same without blocking, for the window. */
void      acq_keyring_lookup_async  (const char          *candidate_uuid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
char     *acq_keyring_lookup_finish (GAsyncResult        *result);
void      acq_keyring_store_async   (const char          *candidate_uuid,
                                     const char          *label,
                                     const char          *passphrase);
void      acq_keyring_clear_all_async (void);

G_END_DECLS
