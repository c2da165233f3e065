/* acq-autosave.c — when to save what the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-autosave"

#include "config.h"

#include "acq-autosave.h"

struct _AcqAutosave
{
  AcqAutosaveFunc save;
  gpointer        user_data;
  guint           source_id;
  gint64          first_change; /* monotonic µs of the oldest change not saved, 0 if none */
};

AcqAutosave *
acq_autosave_new (AcqAutosaveFunc save, gpointer user_data)
{
  AcqAutosave *self = g_new0 (AcqAutosave, 1);

  self->save = save;
  self->user_data = user_data;
  return self;
}

void
acq_autosave_free (AcqAutosave *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_free (self);
}

static gboolean
timeout_cb (gpointer data)
{
  AcqAutosave *self = data;

  self->source_id = 0;
  acq_autosave_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * acq_autosave_changed:
 * @self: the autosave
 *
 * Something changed: save after a pause in the typing, and in any case no later than
 * %ACQ_AUTOSAVE_MAX_DELAY_MS after the first change not saved. Costs a timer, never a write:
 * typing a character never waits on the disk.
 */
void
acq_autosave_changed (AcqAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 deadline;
  guint delay;

  if (self->first_change == 0)
    self->first_change = now;
  deadline = self->first_change + ACQ_AUTOSAVE_MAX_DELAY_MS * 1000;
  delay = (guint) MAX (0, MIN (ACQ_AUTOSAVE_PAUSE_MS * 1000, deadline - now) / 1000);
  g_clear_handle_id (&self->source_id, g_source_remove);
  self->source_id = g_timeout_add (delay, timeout_cb, self);
}

gboolean
acq_autosave_pending (AcqAutosave *self)
{
  return self->first_change != 0;
}

/**
 * acq_autosave_flush:
 * @self: the autosave
 *
 * Saves now if something waits to be saved.
 */
void
acq_autosave_flush (AcqAutosave *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->first_change == 0)
    return;
  self->first_change = 0;
  self->save (self->user_data);
}

/**
 * acq_autosave_forget:
 * @self: the autosave
 *
 * Drops what waits to be saved (the object it belonged to is gone or was put back).
 */
void
acq_autosave_forget (AcqAutosave *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  self->first_change = 0;
}
