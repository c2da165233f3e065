/* acq-toast.h — telling the user what happened, with an undo when there is one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

typedef void (*AcqUndoFunc) (gpointer data);

/* acq_session_undelete(), acq_parcours_undelete()…: brings a record deleted by uuid back */
typedef gboolean (*AcqUndeleteFunc) (AcqStore   *store,
                                     const char *uuid,
                                     GError    **error);

void acq_toast_show      (GtkWidget      *widget,
                          const char     *message);

void acq_action_toast_show (GtkWidget    *widget,
                            const char   *message,
                            const char   *button_label,
                            const char   *action_name);

void acq_file_toast_show (GtkWidget      *widget,
                          const char     *message,
                          GFile          *file);

void acq_undo_toast_show (GtkWidget      *widget,
                          const char     *title,
                          guint           timeout,
                          AcqUndoFunc     undo,
                          AcqUndoFunc     finish,
                          gpointer        data,
                          GDestroyNotify  destroy);

void acq_undelete_toast_show (GtkWidget       *widget,
                              const char      *title,
                              guint            timeout,
                              AcqStore        *store,
                              const char      *uuid,
                              AcqUndeleteFunc  undelete,
                              void           (*undone) (GtkWidget *widget));

G_END_DECLS
