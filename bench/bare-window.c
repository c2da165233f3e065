/* bare-window.c — the least a libadwaita app does to show a window: the startup baseline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bare-window"

#include "config.h"

#include <adwaita.h>

/* The size Acquis opens at with default settings (window-width and window-height in the
 * schema), so that both programs paint as many pixels. */
#define BARE_WIDTH 1100
#define BARE_HEIGHT 720

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Acquis");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Acquis");
  gtk_window_set_default_size (GTK_WINDOW (window), BARE_WIDTH, BARE_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  /* NON_UNIQUE as Acquis with --data-dir: no D-Bus name to own, nothing to hand over to. */
  g_autoptr (AdwApplication) app = adw_application_new (APP_ID ".BenchBareWindow",
                                                        G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
