/* acq-demo.c — fictional candidates, so that a newcomer sees a living app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-demo"

#include "config.h"

#include "acq-demo.h"
#include "acq-referential.h"

/* Every person here is invented; the uuids are fixed so that opening the demo twice does not
 * add the same people twice. The text is content of the dossier, so it is French. */
typedef struct
{
  const char  *uuid;
  const char  *first_name;
  const char  *last_name;
  const char  *birth_name;
  const char  *email;
  const char  *phone;
  const char  *address;
  AcqSituation situation;
  AcqFunding   funding;
  AcqStage     stage;
  const char  *stage_date;
  guint        blocs; /* bit i set: targets bloc i + 1 */
  gboolean     archived;
  const char  *accommodations;
  const char  *notes;
} DemoCandidate;

static const DemoCandidate demo[] = {
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01", "Hélène", "Dubois", "Martin",
    "helene.dubois@example.org", "06 00 00 00 01", "12 rue des Tanneurs\n46000 Cahors",
    ACQ_SITUATION_PRIVATE_EMPLOYEE, ACQ_FUNDING_CPF, ACQ_STAGE_DOSSIER, "2026-09-15", 0x7,
    FALSE, "",
    "Chargée d'accueil dans une association d'insertion depuis 2019. Anime des ateliers CV "
    "chaque semaine. Objectif : dossier déposé avant fin janvier." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d02", "Karim", "Benali", "",
    "k.benali@example.org", "06 00 00 00 02", "3 place Clément-Marot\n46000 Cahors",
    ACQ_SITUATION_JOB_SEEKER, ACQ_FUNDING_FRANCE_VAE, ACQ_STAGE_FEASIBILITY, "2026-11-10",
    0x3, FALSE, "",
    "Ancien animateur en mission locale (4 ans). Entretien de faisabilité fait en visio ; CV "
    "à actualiser avec les actions collectives." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03", "Sophie", "Lefèvre", "Roux",
    "sophie.lefevre@example.org", "06 00 00 00 03", "8 avenue de la Gare\n46100 Figeac",
    ACQ_SITUATION_PUBLIC_EMPLOYEE, ACQ_FUNDING_EMPLOYER, ACQ_STAGE_JURY, "2026-12-08", 0x7,
    FALSE,
    "Dyslexie : documents en police Luciole 14, interligne 1,5 ; temps de préparation majoré "
    "d'un tiers pour l'oral (demande faite au certificateur).",
    "Conseillère au CCAS. Soutenance blanche prévue le 1er décembre." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d04", "Jean-Marc", "Rivière", "",
    "jm.riviere@example.org", "06 00 00 00 04", "Lieu-dit Le Mas\n46090 Mercuès",
    ACQ_SITUATION_VOLUNTEER_CARER, ACQ_FUNDING_OTHER, ACQ_STAGE_ADMISSIBILITY, "2026-10-02",
    0x6, FALSE, "",
    "Bénévole au Secours populaire (accompagnement vers l'emploi) et proche aidant. "
    "Recevabilité attendue avant le 2 décembre." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d05", "Aïcha", "Traoré", "",
    "aicha.traore@example.org", "06 00 00 00 05", "21 boulevard Gambetta\n46000 Cahors",
    ACQ_SITUATION_SELF_EMPLOYED, ACQ_FUNDING_CPF, ACQ_STAGE_POST_JURY, "2026-06-20", 0x7,
    FALSE, "",
    "Validation partielle : blocs 1 et 2 obtenus, bloc 3 à repasser (prospection employeurs)." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d06", "Élodie", "Moreau", "",
    "elodie.moreau@example.org", "06 00 00 00 06", "5 chemin des Vignes\n46140 Luzech",
    ACQ_SITUATION_PRIVATE_EMPLOYEE, ACQ_FUNDING_OPCO, ACQ_STAGE_REGISTRATION, "2026-11-20",
    0x7, FALSE,
    "Malentendante : séances en visio avec sous-titrage automatique, supports écrits envoyés "
    "avant chaque séance.",
    "Premier contact par courriel le 20 novembre ; répondre avant le 20 décembre (charte)." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d07", "Marc", "Petit", "",
    "marc.petit@example.org", "06 00 00 00 07", "", ACQ_SITUATION_JOB_SEEKER,
    ACQ_FUNDING_FRANCE_VAE, ACQ_STAGE_POST_JURY, "2025-11-28", 0x7, TRUE, "",
    "Validation totale le 28 novembre 2025. Parcours terminé." },
};

static void
fill (AcqCandidate *candidate, const DemoCandidate *d, const AcqFiche *fiche)
{
  g_autoptr (GPtrArray) blocs = g_ptr_array_new ();

  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, d->first_name);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, d->last_name);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_BIRTH_NAME, d->birth_name);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_EMAIL, d->email);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_PHONE, d->phone);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, d->address);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ACCOMMODATIONS, d->accommodations);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_NOTES, d->notes);
  acq_candidate_set_situation (candidate, d->situation);
  acq_candidate_set_funding (candidate, d->funding);
  acq_candidate_set_stage (candidate, d->stage);
  acq_candidate_set_stage_date (candidate, d->stage_date);
  acq_candidate_set_archived (candidate, d->archived);
  acq_candidate_set_certification_uuid (candidate, fiche->uuid);
  for (guint i = 0; i < fiche->blocs->len; i++)
    if (d->blocs & (1u << i))
      g_ptr_array_add (blocs, ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, i))->uuid);
  g_ptr_array_add (blocs, NULL);
  acq_candidate_set_targeted_blocs (candidate, (const char *const *) blocs->pdata);
}

/**
 * acq_demo_populate:
 * @list: the candidates
 * @error: where to put an error
 *
 * Adds the fictional candidates that are not there yet.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_demo_populate (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (AcqFiche) fiche = NULL;
  GError *local_error = NULL;

  if (!acq_referential_ensure_default (store, error))
    return FALSE;
  fiche = acq_referential_load (store, ACQ_REFERENTIAL_DEFAULT_FICHE, error);
  if (fiche == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    {
      g_autoptr (AcqCandidate) candidate = NULL;

      if (acq_candidate_list_find (list, demo[i].uuid) != NULL)
        continue;
      candidate = acq_candidate_new (demo[i].uuid);
      fill (candidate, &demo[i], fiche);
      if (!acq_candidate_list_add (list, candidate, &local_error))
        {
          /* still in the store, deleted moments ago and waiting for its undo: leave it */
          if (g_error_matches (local_error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT))
            {
              g_clear_error (&local_error);
              continue;
            }
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  return TRUE;
}
