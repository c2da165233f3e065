/* acq-exchange-folder-private.h — what the tests of the exchange folder reach inside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-exchange-folder.h"

G_BEGIN_DECLS

/* Called on the thread that is about to touch the folder, before each call that may wait
 * on it: @operation is "monitor", "list", "stat", "rename" or "delete". */
typedef void (*AcqExchangeFolderIoHook) (const char *operation,
                                         GFile      *file,
                                         gpointer    user_data);

void _acq_exchange_folder_set_io_hook (AcqExchangeFolderIoHook hook,
                                       gpointer                user_data);

G_END_DECLS
