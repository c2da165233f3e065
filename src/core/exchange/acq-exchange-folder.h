/* acq-exchange-folder.h — a folder kept in sync by another program, watched for .acquis files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a file must keep the same size and date before it is taken as complete. */
#define ACQ_EXCHANGE_FOLDER_SETTLE_MS 2000
/* The file, in the data folder, that remembers what was written and read in the folder. */
#define ACQ_EXCHANGE_FOLDER_STATE_NAME "exchange-folder.ini"

#define ACQ_TYPE_EXCHANGE_FOLDER (acq_exchange_folder_get_type ())
G_DECLARE_FINAL_TYPE (AcqExchangeFolder, acq_exchange_folder, ACQ, EXCHANGE_FOLDER, GObject)

AcqExchangeFolder *acq_exchange_folder_new              (const char         *folder,
                                                         const char         *data_dir);
const char        *acq_exchange_folder_get_path         (AcqExchangeFolder  *self);
void               acq_exchange_folder_set_settle_delay (AcqExchangeFolder  *self,
                                                         guint               milliseconds);
void               acq_exchange_folder_start_async      (AcqExchangeFolder  *self,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
gboolean           acq_exchange_folder_start_finish     (AcqExchangeFolder  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);
void               acq_exchange_folder_mark_handled     (AcqExchangeFolder  *self,
                                                         const char         *path);

char              *acq_exchange_folder_outgoing_name    (const char         *candidate_name,
                                                         const char         *role_label,
                                                         GDateTime          *date);
char              *acq_exchange_folder_temp_path        (AcqExchangeFolder  *self,
                                                         const char         *name);
void               acq_exchange_folder_publish_async    (AcqExchangeFolder  *self,
                                                         const char         *temp_path,
                                                         const char         *name,
                                                         GCancellable       *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer            user_data);
char              *acq_exchange_folder_publish_finish   (AcqExchangeFolder  *self,
                                                         GAsyncResult       *result,
                                                         GError            **error);

G_END_DECLS
