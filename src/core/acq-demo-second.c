/* acq-demo-second.c — a demo candidate on a second certification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A newcomer should see at once that Acquis follows any certification, not only the one it
 * ships: the demo writes a small fiche of its own — invented, worded for the demo, not taken
 * from France Compétences' export, under a number no real fiche uses — and a candidate who
 * targets two of its three blocs and is dispensed of the third by a title she holds, with one
 * sheet linked to its competences. The text is content of the dossier, so it is French.
 */
#define G_LOG_DOMAIN "acq-demo"

#include "config.h"

#include "acq-candidate-dispense.h"
#include "acq-demo.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"

#define DEMO_FICHE "RNCP99901"
#define DEMO_CANDIDATE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d08"
#define DEMO_SHEET "5ee70000-3c1d-4e2f-9a00-000000000801"

static const struct
{
  const char *title;
  const char *competences[4];
} demo_blocs[] = {
  { "Accompagner les publics dans leurs usages du numérique",
    { "Accueillir une personne et repérer ses besoins en compétences numériques",
      "Animer un atelier collectif d'initiation aux outils numériques",
      "Accompagner une démarche administrative en ligne sans faire à la place de la personne",
      NULL } },
  { "Concevoir et animer une offre de médiation numérique sur un territoire",
    { "Construire un programme d'ateliers adapté aux publics du territoire",
      "Travailler en réseau avec les structures sociales et les services publics",
      "Évaluer les ateliers et en rendre compte aux financeurs", NULL } },
  { "Gérer un espace numérique ouvert au public",
    { "Organiser l'accueil et le fonctionnement d'un espace numérique",
      "Assurer la maintenance courante du parc informatique",
      NULL } },
};

/* The fiche as France Compétences would export it (flux 4.1), read back by the same parser as
 * a real export: the demo goes the way a user's import goes. */
static char *
demo_fiche_xml (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>"
                               "<VERSION_FLUX>4.1</VERSION_FLUX><FICHE><NUMERO_FICHE>"
                               DEMO_FICHE "</NUMERO_FICHE><INTITULE>Médiateur numérique (fiche "
                               "inventée pour la démonstration)</INTITULE><ACTIF>Oui</ACTIF>"
                               "<DATE_DE_PUBLICATION>01/03/2025</DATE_DE_PUBLICATION>"
                               "<BLOCS_COMPETENCES>");

  for (guint b = 0; b < G_N_ELEMENTS (demo_blocs); b++)
    {
      g_autofree char *title = g_markup_escape_text (demo_blocs[b].title, -1);

      g_string_append_printf (xml, "<BLOC_COMPETENCES><CODE>%sBC%02u</CODE><LIBELLE>%s"
                              "</LIBELLE><LISTE_COMPETENCES>", DEMO_FICHE, b + 1, title);
      for (guint c = 0; c < G_N_ELEMENTS (demo_blocs[b].competences) &&
                        demo_blocs[b].competences[c] != NULL; c++)
        {
          g_autofree char *line = g_markup_escape_text (demo_blocs[b].competences[c], -1);

          g_string_append_printf (xml, "- %s\n", line);
        }
      g_string_append (xml, "</LISTE_COMPETENCES><MODALITES_EVALUATION>Mise en situation "
                            "professionnelle et entretien avec le jury sur le dossier."
                            "</MODALITES_EVALUATION></BLOC_COMPETENCES>");
    }
  g_string_append (xml, "</BLOCS_COMPETENCES></FICHE></FICHES>\n");
  return g_string_free (xml, FALSE);
}

static AcqFiche *
ensure_demo_fiche (AcqStore *store, GError **error)
{
  g_autoptr (AcqFiche) parsed = NULL;
  g_autoptr (GInputStream) stream = NULL;
  GError *local_error = NULL;
  AcqFiche *stored = acq_referential_load (store, DEMO_FICHE, &local_error);
  char *xml;

  if (stored != NULL ||
      !g_error_matches (local_error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return stored;
    }
  g_clear_error (&local_error);

  xml = demo_fiche_xml ();
  stream = g_memory_input_stream_new_from_data (xml, -1, g_free);
  parsed = acq_referential_read_fiche (stream, DEMO_FICHE, NULL, error);
  if (parsed == NULL || !acq_referential_store_fiche (store, parsed, error))
    return NULL;
  return acq_referential_load (store, DEMO_FICHE, error);
}

static gboolean
add_demo_sheet (AcqCandidateList *list, AcqCandidate *candidate, const AcqFiche *fiche,
                GError **error)
{
  const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, 0);
  g_autoptr (AcqSheetList) sheets = acq_sheet_list_new (acq_candidate_list_get_store (list),
                                                        candidate, error);
  g_autoptr (AcqSheet) sheet = NULL;
  GError *local_error = NULL;

  if (sheets == NULL)
    return FALSE;
  if (acq_sheet_list_find (sheets, DEMO_SHEET) != NULL)
    return TRUE;
  sheet = acq_sheet_new (DEMO_SHEET, acq_candidate_get_uuid (candidate));
  acq_sheet_set_bloc_uuid (sheet, bloc->uuid);
  acq_sheet_set_title (sheet, "Atelier « Mes démarches en ligne » à la médiathèque");
  acq_sheet_set_organisation (sheet, "Médiathèque intercommunale");
  acq_sheet_set_department (sheet, "Lot (46)");
  acq_sheet_set_period_from (sheet, "2024-09-01");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS,
                        "J'accueille chaque mardi matin six personnes qui veulent faire seules "
                        "leurs démarches : je repère d'abord ce que chacune sait faire, puis je "
                        "leur montre, sur leur propre téléphone, comment créer un compte et "
                        "déposer un justificatif.");
  acq_sheet_add_competence (sheet, g_ptr_array_index (bloc->competence_uuids, 0));
  acq_sheet_add_competence (sheet, g_ptr_array_index (bloc->competence_uuids, 2));
  if (acq_sheet_list_add (sheets, sheet, &local_error))
    return TRUE;
  /* deleted moments ago and waiting for its undo: leave it */
  if (g_error_matches (local_error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT))
    {
      g_clear_error (&local_error);
      return TRUE;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * _acq_demo_populate_second_certification:
 * @list: the candidates
 * @error: where to put an error
 *
 * Adds the demo's second certification and its candidate, unless they are there.
 *
 * Returns: %TRUE on success
 */
gboolean
_acq_demo_populate_second_certification (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (AcqFiche) fiche = ensure_demo_fiche (store, error);
  g_autoptr (AcqCandidate) candidate = NULL;
  const char *targeted[3] = { NULL };
  GError *local_error = NULL;
  AcqCandidate *found;

  if (fiche == NULL)
    return FALSE;
  found = acq_candidate_list_find (list, DEMO_CANDIDATE);
  if (found != NULL)
    return add_demo_sheet (list, found, fiche, error);

  candidate = acq_candidate_new (DEMO_CANDIDATE);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, "Inès");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, "Garnier");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_EMAIL, "ines.garnier@example.org");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_PHONE, "06 00 00 00 08");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_NOTES,
                          "Animatrice à la médiathèque depuis 2021. Dispensée du bloc 3 : elle "
                          "détient déjà le titre de technicienne d'assistance informatique.");
  acq_candidate_set_situation (candidate, ACQ_SITUATION_PUBLIC_EMPLOYEE);
  acq_candidate_set_funding (candidate, ACQ_FUNDING_CPF);
  acq_candidate_set_stage (candidate, ACQ_STAGE_DOSSIER);
  acq_candidate_set_certification_uuid (candidate, fiche->uuid);
  targeted[0] = ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 0))->uuid;
  targeted[1] = ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 1))->uuid;
  acq_candidate_set_targeted_blocs (candidate, targeted);
  if (!acq_candidate_list_add (list, candidate, &local_error))
    {
      /* still in the store, deleted moments ago and waiting for its undo: leave it */
      if (g_error_matches (local_error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT))
        {
          g_clear_error (&local_error);
          return TRUE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!acq_candidate_set_dispense (store, DEMO_CANDIDATE,
                                   ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 2))->uuid,
                                   "Bloc acquis par un titre détenu",
                                   "Technicien d'assistance informatique (titre professionnel)",
                                   error))
    return FALSE;
  return add_demo_sheet (list, candidate, fiche, error);
}
