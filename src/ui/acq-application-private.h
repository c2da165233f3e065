/* acq-application-private.h — what the application's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application splits by concern: acq-application.c holds the options, the store and the
 * window; acq-application-cli.c the commands that run without a window (--list-candidates,
 * the exports, --import).
 */
#pragma once

#include "acq-application.h"

G_BEGIN_DECLS

GSettings *_acq_application_load_settings  (void);
int        _acq_application_handle_command (const char   *data_dir,
                                            GVariantDict *options);
char      *_acq_application_options_path  (GVariantDict *options,
                                            const char   *option);

/* acq-application-cli-certification.c */
int        _acq_application_handle_certification_command (const char   *data_dir,
                                                          GVariantDict *options);

G_END_DECLS
