/* acq-toast.h — telling the user what happened, with an undo when there is one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*AcqUndoFunc) (gpointer data);

void acq_toast_show      (GtkWidget      *widget,
                          const char     *message);

void acq_toast_show_open (GtkWidget      *widget,
                          const char     *message,
                          GFile          *file);
void acq_undo_toast_show (GtkWidget      *widget,
                          const char     *title,
                          guint           timeout,
                          AcqUndoFunc     undo,
                          AcqUndoFunc     finish,
                          gpointer        data,
                          GDestroyNotify  destroy);

G_END_DECLS
