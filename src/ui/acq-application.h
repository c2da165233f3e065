/* acq-application.h — the Acquis application: options, the store, the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate-list.h"
#include "acq-review.h"

G_BEGIN_DECLS

#define ACQ_TYPE_APPLICATION (acq_application_get_type ())
G_DECLARE_FINAL_TYPE (AcqApplication, acq_application, ACQ, APPLICATION, AdwApplication)

AcqApplication   *acq_application_new            (void);
GSettings        *acq_application_get_settings   (AcqApplication *self);
char             *acq_application_default_data_dir (void);
gboolean          acq_application_is_uninstalled (void);

G_END_DECLS
