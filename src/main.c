/* main.c — the acquis program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acquis"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/resource.h>

#include "acq-application.h"

int
main (int argc, char *argv[])
{
  /* A core dump would hold passphrases, keys and decrypted dossiers in clear. */
  const struct rlimit no_core = { 0, 0 };
  g_autoptr (AcqApplication) app = NULL;

  setrlimit (RLIMIT_CORE, &no_core);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  acq_application_is_uninstalled () ? ACQ_BUILD_ROOT "/po" : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = acq_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
