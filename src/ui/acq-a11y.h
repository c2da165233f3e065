/* acq-a11y.h — what screen readers need that the widgets do not give by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void acq_a11y_hide_decorative_images (GtkWidget *root);
void acq_a11y_track_stack            (GtkStack  *stack);
void acq_a11y_name_mnemonic_buttons  (void);

G_END_DECLS
