/* fuzz-package.c — libFuzzer target for the reader of .acquis files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses what is fuzzed: even, the rest is a whole .acquis file, opened with
 * the passphrase of the seeds ("fuzz"): header, sizes, decryption, truncation; odd, the rest
 * is a decrypted content, checked as the reader checks it: someone who knows the passphrase
 * can write any content, so the SQLite side must hold against hostile files too.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <unistd.h>

#include "acq-package-private.h"

static char *work_dir;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  work_dir = g_dir_make_tmp ("acquis-fuzz-XXXXXX", NULL);
  /* The cost a file may ask is kept tiny: the fuzzer looks for crashes, not slow keys. */
  _acq_package_set_kdf_read_max (2, 1024 * 1024);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = g_build_filename (work_dir, "input", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *content = NULL;
  AcqRole role;

  if (size < 1)
    return 0;
  if (!g_file_set_contents (path, (const char *) data + 1, size - 1, NULL))
    return 0;
  if (data[0] % 2 == 0)
    {
      content = _acq_package_open (path, "fuzz", work_dir, NULL, &role, NULL, &error);
      if (content != NULL)
        g_unlink (content);
    }
  else
    _acq_package_check_content (path, "6f1c2a9e-5b7d-4c3e-9a1f-0d2e3c4b5a69", 1, &role, &error);
  g_unlink (path);
  return 0;
}
