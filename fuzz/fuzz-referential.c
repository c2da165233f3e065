/* fuzz-referential.c — libFuzzer target for the reader of France Compétences' XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the read: even, every fiche of the rest is read, as an import of the
 * whole export would; odd, one fiche is asked for by number and must be complete. Each fiche
 * given is walked and copied, as the store does with it.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "acq-referential.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  return 0;
}

static gsize
walk (const AcqFiche *fiche)
{
  gsize n = strlen (fiche->number ? fiche->number : "") + strlen (fiche->title ? fiche->title : "");

  for (guint b = 0; fiche->blocs != NULL && b < fiche->blocs->len; b++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, b);

      n += strlen (bloc->code ? bloc->code : "") + strlen (bloc->title ? bloc->title : "");
      n += strlen (bloc->evaluation ? bloc->evaluation : "");
      for (guint c = 0; bloc->competences != NULL && c < bloc->competences->len; c++)
        {
          const char *label = g_ptr_array_index (bloc->competences, c);

          g_assert_true (g_utf8_validate (label, -1, NULL));
          n += strlen (label);
        }
    }
  return n;
}

static gboolean
on_fiche (AcqFiche *fiche, gpointer user_data)
{
  g_autoptr (AcqFiche) copy = acq_fiche_copy (fiche);

  *(gsize *) user_data += walk (copy);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GError) error = NULL;
  gsize total = 0;

  if (size < 1)
    return 0;
  stream = g_memory_input_stream_new_from_data (data + 1, size - 1, NULL);
  if (data[0] % 2 == 0)
    {
      if (!acq_referential_parse (stream, NULL, on_fiche, &total, NULL, &error))
        g_assert_nonnull (error);
    }
  else
    {
      g_autoptr (AcqFiche) fiche = acq_referential_read_fiche (stream, "RNCP37274", NULL,
                                                               &error);

      g_assert_true ((fiche == NULL) != (error == NULL));
      if (fiche != NULL)
        total = walk (fiche);
    }
  (void) total;
  return 0;
}
