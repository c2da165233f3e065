/* acq-autosave.h — when to save what the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A pause this long in the typing saves; so does this much time since the first change not
 * saved, even while the typing goes on: a crash never loses more than a second. */
#define ACQ_AUTOSAVE_PAUSE_MS 400
#define ACQ_AUTOSAVE_MAX_DELAY_MS 900

typedef struct _AcqAutosave AcqAutosave;
typedef void (*AcqAutosaveFunc) (gpointer user_data);

AcqAutosave *acq_autosave_new     (AcqAutosaveFunc save,
                                   gpointer        user_data);
void         acq_autosave_free    (AcqAutosave    *self);
void         acq_autosave_changed (AcqAutosave    *self);
gboolean     acq_autosave_pending (AcqAutosave    *self);
void         acq_autosave_flush   (AcqAutosave    *self);
void         acq_autosave_forget  (AcqAutosave    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqAutosave, acq_autosave_free)

G_END_DECLS
