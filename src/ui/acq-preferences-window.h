/* acq-preferences-window.h — the preferences: the exchange folder, the keyring, the coach's
 * profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_PREFERENCES_WINDOW (acq_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqPreferencesWindow, acq_preferences_window, ACQ, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

AcqPreferencesWindow *acq_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings,
                                                  AcqStore  *store);

G_END_DECLS
