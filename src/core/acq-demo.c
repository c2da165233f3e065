/* acq-demo.c — fictional candidates, so that a newcomer sees a living app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-demo"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "acq-anchor.h"
#include "acq-attachment.h"
#include "acq-attendance.h"
#include "acq-candidate-document.h"
#include "acq-coach-profile.h"
#include "acq-comment.h"
#include "acq-candidate-title.h"
#include "acq-complaint.h"
#include "acq-demo.h"
#include "acq-jury.h"
#include "acq-parcours.h"
#include "acq-people.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-satisfaction.h"
#include "acq-quote.h"
#include "acq-reading-style.h"
#include "acq-session.h"
#include "acq-sheet-list.h"

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
    "Ancien animateur en mission locale (4 ans). Entretien de faisabilité fait en visio ; devis "
    "accepté, premier rendez-vous d'accompagnement à caler cette semaine." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03", "Sophie", "Lefèvre", "Roux",
    "sophie.lefevre@example.org", "06 00 00 00 03", "8 avenue de la Gare\n46100 Figeac",
    ACQ_SITUATION_PUBLIC_EMPLOYEE, ACQ_FUNDING_EMPLOYER, ACQ_STAGE_JURY, "2026-12-08", 0x7,
    FALSE,
    "Dyslexie : documents en police Luciole 14, interligne 1,5 ; temps de préparation majoré "
    "d'un tiers pour l'oral (demande faite au certificateur).",
    "Conseillère au CCAS. Convoquée au jury ; soutenance blanche à prévoir avant." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d04", "Jean-Marc", "Rivière", "",
    "jm.riviere@example.org", "06 00 00 00 04", "Lieu-dit Le Mas\n46090 Mercuès",
    ACQ_SITUATION_VOLUNTEER_CARER, ACQ_FUNDING_OTHER, ACQ_STAGE_ADMISSIBILITY, "2026-10-02",
    0x6, FALSE, "",
    "Bénévole au Secours populaire (accompagnement vers l'emploi) et proche aidant. "
    "Recevabilité demandée il y a plus de deux mois : relancer le certificateur." },
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
    "Premier contact par courriel ; l'entretien de faisabilité proposé est resté sans "
    "réponse. Relancer : France VAE classe la candidature inactive." },
  { "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d07", "Marc", "Petit", "",
    "marc.petit@example.org", "06 00 00 00 07", "", ACQ_SITUATION_JOB_SEEKER,
    ACQ_FUNDING_FRANCE_VAE, ACQ_STAGE_CERTIFIED, "2025-11-28", 0x7, TRUE, "",
    "Validation totale le 28 novembre 2025. Parcours terminé." },
};

/* Each demo candidate's dated parcours, in days from today, so that the deadlines are always
 * those of a real morning: Jean-Marc's recevabilité answer is overdue, Karim's accompaniment
 * is to start this week, Élodie has been inactive for more than 60 days, Sophie's jury is
 * coming. */
typedef struct
{
  guint               candidate; /* index in demo[] */
  AcqParcoursKind     kind;
  int                 days;
  gboolean            planned;
  AcqParcoursDecision decision;
  const char         *note;
} DemoEvent;

#define EV(c, k, d, note) { c, ACQ_PARCOURS_##k, d, FALSE, ACQ_PARCOURS_DECISION_NONE, note }
#define PLAN(c, k, d, note) { c, ACQ_PARCOURS_##k, d, TRUE, ACQ_PARCOURS_DECISION_NONE, note }
#define DECISION(c, d, how, note) \
  { c, ACQ_PARCOURS_ADMISSIBILITY_DECIDED, d, FALSE, ACQ_PARCOURS_DECISION_##how, note }

static const DemoEvent demo_events[] = {
  EV (0, FIRST_CONTACT, -150, "Appel après une réunion d'information."),
  EV (0, FEASIBILITY_INTERVIEW, -141, "En présentiel, 1 h ; CV à jour."),
  EV (0, ADMISSIBILITY_ASKED, -132, "Dossier de recevabilité déposé sur France VAE."),
  DECISION (0, -84, FAVOURABLE, "Notification reçue par courriel."),
  EV (0, QUOTE_SENT, -80, "24 h à 80 € TTC."),
  EV (0, QUOTE_ACCEPTED, -74, "Financement CPF validé."),
  EV (0, ACCOMPANIMENT_STARTED, -66, ""),
  PLAN (0, DOSSIER_DEPOSITED, 45, "Objectif : dossier déposé avant le jury de printemps."),
  EV (1, FIRST_CONTACT, -30, ""),
  EV (1, FEASIBILITY_INTERVIEW, -22, "En visio."),
  EV (1, QUOTE_SENT, -16, "20 h, dont la préparation de la demande de recevabilité."),
  EV (1, QUOTE_ACCEPTED, -11, "Financé par France VAE."),
  EV (2, FIRST_CONTACT, -260, ""),
  EV (2, FEASIBILITY_INTERVIEW, -250, ""),
  EV (2, ADMISSIBILITY_ASKED, -245, ""),
  DECISION (2, -205, FAVOURABLE, ""),
  EV (2, QUOTE_ACCEPTED, -200, "Financé par l'employeur."),
  EV (2, ACCOMPANIMENT_STARTED, -192, ""),
  EV (2, DOSSIER_DEPOSITED, -35, ""),
  EV (2, CONVOCATION_RECEIVED, -9, "Tiers-temps accordé pour l'oral."),
  PLAN (2, JURY, 6, "Cahors, 9 h 30."),
  EV (3, FIRST_CONTACT, -112, ""),
  EV (3, FEASIBILITY_INTERVIEW, -97, ""),
  EV (3, ADMISSIBILITY_ASKED, -66, "Demande déposée ; pas de réponse à ce jour."),
  EV (4, FIRST_CONTACT, -420, ""),
  EV (4, ADMISSIBILITY_ASKED, -400, ""),
  DECISION (4, -360, FAVOURABLE, ""),
  EV (4, ACCOMPANIMENT_STARTED, -350, ""),
  EV (4, JURY, -172, "Validation partielle : blocs 1 et 2."),
  EV (4, POST_JURY_INTERVIEW, -165, "Bloc 3 à repasser dans les cinq ans."),
  EV (5, FIRST_CONTACT, -78, "Par courriel."),
  PLAN (5, FEASIBILITY_INTERVIEW, -71, "Proposé en visio, sous-titrage automatique."),
  EV (6, FIRST_CONTACT, -560, ""),
  EV (6, ADMISSIBILITY_ASKED, -540, ""),
  DECISION (6, -500, FAVOURABLE, ""),
  EV (6, ACCOMPANIMENT_STARTED, -490, ""),
  EV (6, JURY, -374, "Validation totale."),
  EV (6, CERTIFIED, -374, "Titre professionnel CIP obtenu."),
  EV (6, POST_JURY_INTERVIEW, -370, ""),
};

/* Each demo candidate's last activity, in days from today (Hélène's sheets, added later, move
 * hers on to today). */
static const int demo_last_activity[G_N_ELEMENTS (demo)] = { -5, -11, -9, -12, -165, -71, -370 };

/* The parcours of the demo candidate demo[@index], just added, and their last activity. */
static gboolean
add_demo_parcours (AcqStore *store, guint index, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *last = NULL;
  sqlite3_stmt *stmt;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (guint i = 0; i < G_N_ELEMENTS (demo_events); i++)
    {
      const DemoEvent *d = &demo_events[i];
      g_autoptr (AcqParcoursEvent) event = NULL;
      GDate date = today;

      if (d->candidate != index)
        continue;
      if (d->days < 0)
        g_date_subtract_days (&date, -d->days);
      else
        g_date_add_days (&date, d->days);
      event = acq_parcours_event_new (d->kind, &date, d->planned);
      event->candidate_uuid = g_strdup (demo[index].uuid);
      event->decision = d->decision;
      g_free (event->note);
      event->note = g_strdup (d->note);
      if (!acq_parcours_add (store, event, error))
        return FALSE;
    }
  g_date_subtract_days (&today, -demo_last_activity[index]);
  last = g_strdup_printf ("%04d-%02d-%02dT09:00:00.000000Z", g_date_get_year (&today),
                          g_date_get_month (&today), g_date_get_day (&today));
  if (!(stmt = acq_store_prepare (store, "UPDATE candidate SET last_activity_at = ?2"
                                  " WHERE uuid = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, demo[index].uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  return acq_store_step_done (store, stmt, error);
}

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

/* The experience sheets of Hélène Dubois, at the dossier stage: examples for blocs 1 and 2 at
 * every review state. The people she writes about are pseudonymised, as the app asks
 * candidates to do. */
#define DEMO_SHEETS_CANDIDATE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"

typedef struct
{
  const char    *uuid;
  guint          bloc;           /* 1-based */
  guint          competences[3]; /* 1-based positions in the bloc; 0 ends the list */
  AcqSheetKind   kind;
  AcqReviewState state;
  const char    *title;
  const char    *organisation;
  const char    *department;
  const char    *period_from;
  const char    *period_to;      /* NULL: ongoing */
  const char    *rubrics[ACQ_N_RUBRICS];
} DemoSheet;

static const DemoSheet demo_sheets[] = {
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d11", 1, { 1, 2, 0 }, ACQ_SHEET_KIND_EMPLOYEE,
    ACQ_REVIEW_STATE_VALIDATED, "Premier accueil d'un demandeur d'emploi sans rendez-vous",
    "Association Tremplin Quercy", "Pôle accueil et orientation", "2019-09-02", NULL,
    { "J'assure le premier accueil des personnes qui se présentent à l'association, avec ou "
      "sans rendez-vous, deux demi-journées par semaine. Je reçois en moyenne huit personnes "
      "par permanence : demandeurs d'emploi, allocataires du RSA, jeunes orientés par la "
      "mission locale. Lors d'un accueil récent, M. D., 52 ans, licencié après vingt ans dans "
      "le bâtiment, est venu sans rendez-vous, inquiet pour ses droits. Je l'ai reçu dans le "
      "bureau d'entretien pour garantir la confidentialité, j'ai écouté sa demande, puis je "
      "l'ai informé des services de l'association, des démarches auprès de France Travail et "
      "des services en ligne (espace personnel, actualisation). Nous avons convenu d'un "
      "rendez-vous de diagnostic la semaine suivante. Les conditions sont parfois difficiles : "
      "salle d'attente partagée, téléphone à gérer en même temps, personnes en détresse.",
      "Une fiche de premier accueil que j'ai revue avec l'équipe en 2021 pour qu'elle tienne "
      "sur une page ; un poste informatique en libre accès où j'accompagne la personne sur son "
      "espace France Travail ; le classeur des ressources du territoire (aides à la mobilité, "
      "garde d'enfants, permanences sociales), que je mets à jour chaque trimestre ; l'agenda "
      "partagé de l'équipe pour fixer le rendez-vous suivant.",
      "Je travaille avec les deux conseillères en insertion de l'association, à qui je "
      "transmets le dossier après l'accueil, et avec la responsable de pôle pour les "
      "situations urgentes. À l'extérieur, j'oriente vers le CCAS de Cahors pour les aides "
      "d'urgence, vers la mission locale pour les moins de 26 ans et vers Cap emploi lorsque "
      "la personne a une reconnaissance de handicap.",
      "L'association Tremplin Quercy accompagne environ 400 personnes par an vers l'emploi "
      "sur le Grand Cahors. Elle est financée par le Département (accompagnement des "
      "allocataires du RSA), l'État et le Fonds social européen. Le pôle accueil et "
      "orientation compte trois salariés ; j'y suis chargée d'accueil à temps plein depuis "
      "septembre 2019.",
      "Depuis 2022, je forme les nouveaux bénévoles à l'accueil (une demi-journée) à partir "
      "de la fiche de premier accueil." } },
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d12", 1, { 2, 4, 0 }, ACQ_SHEET_KIND_EMPLOYEE,
    ACQ_REVIEW_STATE_TO_REVIEW, "Diagnostic partagé avec une allocataire du RSA",
    "Association Tremplin Quercy", "Pôle accueil et orientation", "2023-01-09", "2023-06-30",
    { "Mme B., 38 ans, allocataire du RSA et mère de deux enfants, m'a été orientée par le "
      "Département pour un accompagnement de six mois. En trois entretiens d'une heure, j'ai "
      "mené avec elle un diagnostic partagé : son parcours (CAP petite enfance, dix ans "
      "d'emplois courts dans l'aide à domicile), ses attentes (un emploi stable, compatible "
      "avec les horaires de l'école), ses freins (pas de permis, garde des enfants le "
      "mercredi, logement précaire) et ses ressources (expérience reconnue par ses anciens "
      "employeurs, soutien familial). J'ai reformulé chaque point et l'ai fait valider par "
      "Mme B., pour que le diagnostic soit vraiment le sien. Nous avons ensuite classé "
      "ensemble les freins à lever en premier.",
      "Le guide d'entretien de diagnostic de l'association, que j'adapte à la personne ; une "
      "frise chronologique dessinée avec Mme B. pour retracer son parcours ; la grille de "
      "synthèse transmise au Département ; un simulateur de droits en ligne pour vérifier "
      "l'effet d'une reprise d'emploi sur le RSA et la prime d'activité.",
      "La référente RSA du Département, avec qui j'ai fait un point téléphonique après le "
      "deuxième entretien ; l'assistante sociale du secteur pour la question du logement, "
      "avec l'accord de Mme B. ; l'auto-école sociale de Cahors, contactée pour un permis à "
      "coût réduit.",
      "Accompagnement réalisé dans le cadre de la convention RSA entre l'association et le "
      "Département du Lot. Chaque accompagnement dure six mois renouvelables et donne lieu à "
      "un bilan écrit. J'ai suivi Mme B. en plus de mes missions d'accueil, à la demande de "
      "ma responsable, pendant l'absence d'une conseillère.",
      "" } },
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d13", 1, { 5, 3, 0 }, ACQ_SHEET_KIND_EMPLOYEE,
    ACQ_REVIEW_STATE_CHANGES_REQUESTED,
    "Suivi administratif des parcours sur le logiciel de la structure",
    "Association Tremplin Quercy", "Pôle accueil et orientation", "2019-09-02", NULL,
    { "Après chaque entretien, je saisis le compte rendu dans le logiciel de suivi de "
      "l'association : objet du rendez-vous, démarches engagées, prochaines étapes. Chaque "
      "mois, j'extrais les indicateurs demandés par nos financeurs (personnes reçues, sorties "
      "vers l'emploi ou la formation) et je prépare le tableau de bord de la responsable de "
      "pôle. Je rédige aussi les bilans intermédiaires des accompagnements RSA. Je n'écris "
      "que des faits utiles au parcours, car la personne peut demander à lire son dossier.",
      "Le logiciel de suivi des parcours de l'association, un tableur pour les indicateurs "
      "mensuels, les modèles de bilans fournis par le Département, la messagerie sécurisée "
      "pour transmettre les bilans.",
      "La responsable de pôle, qui valide les tableaux de bord ; la comptable de "
      "l'association pour les justificatifs du Fonds social européen ; les référentes RSA du "
      "Département, destinataires des bilans.",
      "L'association rend compte de son activité à trois financeurs qui n'attendent pas les "
      "mêmes indicateurs. Le logiciel a changé en 2021 : j'ai participé à la reprise des "
      "données et à la rédaction d'un guide de saisie pour l'équipe, après avoir comparé "
      "les pratiques de deux structures voisines.",
      "" } },
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d14", 2, { 4, 5, 0 }, ACQ_SHEET_KIND_EMPLOYEE,
    ACQ_REVIEW_STATE_VALIDATED, "Atelier CV collectif hebdomadaire",
    "Association Tremplin Quercy", "Pôle accueil et orientation", "2020-01-06", NULL,
    { "Chaque mardi matin, j'anime un atelier CV collectif de deux heures pour six à huit "
      "participants. J'en ai conçu le déroulé en 2020 à partir des difficultés observées à "
      "l'accueil : CV trop longs, bénévolat oublié, adresses électroniques peu "
      "professionnelles. L'atelier commence par un tour de table ; chacun repère ensuite ses "
      "compétences avec des cartes métiers, puis rédige ou corrige son CV sur ordinateur. Je "
      "circule entre les postes et j'adapte mon aide : une participante allophone a "
      "travaillé avec un modèle illustré, un participant à l'aise en informatique a aidé son "
      "voisin. Je termine par une évaluation à chaud et je propose un rendez-vous individuel "
      "à ceux qui le souhaitent.",
      "Une salle équipée de huit ordinateurs et d'un vidéoprojecteur ; des cartes compétences "
      "que j'ai fabriquées à partir des fiches ROME ; trois modèles de CV (chronologique, par "
      "compétences, illustré) ; une fiche d'évaluation de l'atelier ; l'espace France Travail "
      "des participants pour y enregistrer leur CV.",
      "Les conseillères de l'association, qui m'orientent les participants ; une bénévole, "
      "ancienne responsable des ressources humaines, qui co-anime une séance par mois pour "
      "donner le regard d'un recruteur ; l'agence France Travail de Cahors, avec qui nous "
      "avons harmonisé les conseils donnés aux personnes.",
      "L'atelier fait partie de l'offre collective du pôle accueil et orientation de "
      "l'association. Il est ouvert à toute personne accompagnée, sur inscription. Environ "
      "150 personnes y ont participé depuis 2020.",
      "Les fiches d'évaluation montrent que neuf participants sur dix repartent avec un CV "
      "terminé ; j'ai ajouté en 2023 une séance sur la lettre de motivation, à la demande "
      "des participants." } },
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d15", 2, { 3, 2, 0 }, ACQ_SHEET_KIND_EMPLOYEE,
    ACQ_REVIEW_STATE_DRAFT, "Partenariat avec une SIAE pour une reprise d'emploi",
    "Association Tremplin Quercy", "Pôle accueil et orientation", "2022-03-01", "2022-11-30",
    { "M. K., 45 ans, sans emploi depuis trois ans après un accident du travail, souhaitait "
      "reprendre une activité en extérieur. Avec son accord, j'ai contacté le chantier "
      "d'insertion « Les Jardins du Causse », une structure d'insertion par l'activité "
      "économique (SIAE) partenaire, pour lui proposer un contrat à durée déterminée "
      "d'insertion de 26 heures par semaine. J'ai préparé l'entretien d'embauche avec lui, "
      "vérifié son éligibilité au parcours d'insertion avec France Travail et organisé une "
      "visite du chantier. Pendant les huit mois du contrat, j'ai fait un point mensuel avec "
      "lui et son encadrant technique pour suivre son intégration et les freins restants "
      "(transport, douleurs au dos).",
      "La fiche de liaison commune à l'association et au chantier ; le tableau des postes "
      "ouverts dans les SIAE du territoire, tenu à jour avec le réseau ; la plateforme de "
      "l'inclusion pour la demande d'éligibilité ; un carnet de suivi partagé avec M. K., où "
      "nous notions les objectifs de chaque mois.",
      "L'encadrant technique et la chargée d'accompagnement socioprofessionnel du chantier "
      "d'insertion ; le conseiller France Travail de M. K. ; le médecin du travail, sollicité "
      "par le chantier pour adapter le poste.",
      "L'association a un partenariat écrit avec trois SIAE du Lot : une réunion "
      "trimestrielle permet de présenter les personnes prêtes à entrer en parcours. J'ai mené "
      "cette action en plus de l'accueil, avec l'accord de ma responsable.",
      "À la fin du contrat, M. K. est entré en formation qualifiante d'agent d'entretien des "
      "espaces verts." } },
  { "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d16", 2, { 1, 6, 0 }, ACQ_SHEET_KIND_VOLUNTEER,
    ACQ_REVIEW_STATE_DRAFT, "Parrainage d'une jeune vers l'emploi",
    "Réseau de parrainage vers l'emploi du Lot", "Antenne de Cahors", "2018-10-01",
    "2019-06-30",
    { "Marraine bénévole, j'ai accompagné pendant neuf mois Mme Lemoine, 22 ans, titulaire d'un "
      "bac professionnel commerce, sans emploi depuis la fin de ses études. Au premier "
      "rendez-vous, nous avons écrit un engagement réciproque : l'objectif (un emploi dans la "
      "vente en six mois), les étapes (bilan de ses atouts, enquêtes métiers, candidatures), "
      "le rythme (un rendez-vous tous les quinze jours) et les règles (prévenir en cas "
      "d'absence). Nous l'avons revu à mi-parcours, quand Mme Lemoine a préféré s'orienter vers "
      "la logistique. Après chaque rencontre, je notais ce qui avait marché ou non, et j'en "
      "parlais aux réunions d'analyse de pratique des parrains.",
      "La charte du parrainage et le contrat d'engagement fourni par le réseau ; un carnet de "
      "bord partagé ; des fiches métiers ; les réunions mensuelles d'analyse de pratique "
      "animées par une psychologue du réseau.",
      "La coordinatrice du réseau, Mme Vidal, qui m'a présentée à Mme Lemoine ; sa conseillère "
      "de la mission locale, avec qui nous faisions le point tous les deux mois ; deux "
      "entreprises de logistique où j'ai organisé des enquêtes métiers.",
      "Le réseau met en relation des professionnels bénévoles et des jeunes suivis par la "
      "mission locale. J'y étais marraine à titre bénévole, en plus de mon emploi de "
      "l'époque dans le commerce.",
      "Cette expérience a confirmé mon projet de devenir conseillère en insertion "
      "professionnelle." } },
};

typedef struct
{
  const char *uuid;
  const char *sheet_uuid;
  AcqRubric   rubric;
  AcqRole     role;
  const char *quote;    /* the words commented on, or NULL for the whole rubric */
  const char *reply_to; /* the comment answered, or NULL */
  const char *body;
} DemoComment;

static const DemoComment demo_comments[] = {
  { "5d2a8c6e-71b3-4f09-8e4d-2b6c9a1f9d21", "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d13",
    ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH, "je saisis le compte rendu", NULL,
    "Donnez un exemple précis : que contenait le compte rendu d'un entretien réel (sans nom) ? "
    "Le jury attend une situation vécue, pas une procédure." },
  { "5d2a8c6e-71b3-4f09-8e4d-2b6c9a1f9d22", "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d13",
    ACQ_RUBRIC_TASKS, ACQ_ROLE_CANDIDATE, NULL, "5d2a8c6e-71b3-4f09-8e4d-2b6c9a1f9d21",
    "D'accord, je prends l'entretien de M. D. en mars et je le décris pas à pas." },
  { "5d2a8c6e-71b3-4f09-8e4d-2b6c9a1f9d23", "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d13",
    ACQ_RUBRIC_MEANS, ACQ_ROLE_COACH, NULL, NULL,
    "Précisez ce que vous faites vous-même avec le tableur (formules, tableaux croisés, "
    "graphiques) : c'est ce qui montre la compétence « environnement numérique »." },
};

static void
anchor_demo_comment (AcqComment *comment, const char *text, const char *quote)
{
  const char *at = quote ? strstr (text, quote) : NULL;
  g_autoptr (AcqAnchor) anchor = NULL;
  int start;

  if (at == NULL)
    return;
  start = g_utf8_pointer_to_offset (text, at);
  anchor = acq_anchor_new (text, start, start + g_utf8_strlen (quote, -1));
  acq_comment_set_anchor (comment, acq_anchor_get_quote (anchor), acq_anchor_get_start (anchor),
                          acq_anchor_get_end (anchor), acq_anchor_get_prefix (anchor),
                          acq_anchor_get_suffix (anchor));
}

static gboolean
add_demo_comments (AcqStore *store, AcqSheet *sheet, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_comments); i++)
    {
      const DemoComment *d = &demo_comments[i];
      g_autoptr (AcqComment) comment = NULL;

      if (g_strcmp0 (d->sheet_uuid, acq_sheet_get_uuid (sheet)) != 0)
        continue;
      comment = acq_comment_new (d->sheet_uuid, d->rubric, d->role, d->body);
      g_free (comment->uuid);
      comment->uuid = g_strdup (d->uuid);
      comment->parent_uuid = g_strdup (d->reply_to);
      anchor_demo_comment (comment, acq_sheet_get_rubric (sheet, d->rubric), d->quote);
      if (!acq_comment_insert (store, comment, error))
        return FALSE;
    }
  return TRUE;
}

static AcqSheet *
make_demo_sheet (AcqCandidate *candidate, const DemoSheet *d, const AcqFiche *fiche)
{
  const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, d->bloc - 1);
  AcqSheet *sheet = acq_sheet_new (d->uuid, acq_candidate_get_uuid (candidate));

  acq_sheet_set_bloc_uuid (sheet, bloc->uuid);
  acq_sheet_set_title (sheet, d->title);
  acq_sheet_set_kind (sheet, d->kind);
  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    acq_sheet_set_rubric (sheet, r, d->rubrics[r]);
  acq_sheet_set_organisation (sheet, d->organisation);
  acq_sheet_set_department (sheet, d->department);
  acq_sheet_set_period_from (sheet, d->period_from);
  acq_sheet_set_period_to (sheet, d->period_to);
  for (guint c = 0; c < G_N_ELEMENTS (d->competences) && d->competences[c] != 0; c++)
    acq_sheet_add_competence (sheet, g_ptr_array_index (bloc->competence_uuids,
                                                        d->competences[c] - 1));
  return sheet;
}

/* The round-trip as it happened: the candidate asked, the accompagnatrice decided. */
static gboolean
bring_to_state (AcqSheetList *sheets, AcqSheet *sheet, AcqReviewState state, GError **error)
{
  if (state == ACQ_REVIEW_STATE_DRAFT)
    return TRUE;
  if (!acq_review_request (sheets, sheet, ACQ_ROLE_CANDIDATE, error))
    return FALSE;
  return state == ACQ_REVIEW_STATE_TO_REVIEW ||
         acq_review_decide (sheets, sheet, ACQ_ROLE_COACH, state, error);
}

static gboolean
populate_sheets (AcqCandidateList *list, const AcqFiche *fiche, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  AcqCandidate *candidate = acq_candidate_list_find (list, DEMO_SHEETS_CANDIDATE);
  g_autoptr (AcqSheetList) sheets = NULL;

  /* deleted by the user: her sheets went with her */
  if (candidate == NULL)
    return TRUE;
  if (!(sheets = acq_sheet_list_new (store, candidate, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_sheets); i++)
    {
      g_autoptr (AcqSheet) sheet = NULL;
      GError *local_error = NULL;

      if (acq_sheet_list_find (sheets, demo_sheets[i].uuid) != NULL)
        continue;
      sheet = make_demo_sheet (candidate, &demo_sheets[i], fiche);
      if (!acq_sheet_list_add (sheets, sheet, &local_error))
        {
          /* deleted moments ago and waiting for its undo: leave it */
          if (g_error_matches (local_error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT))
            {
              g_clear_error (&local_error);
              continue;
            }
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (!add_demo_comments (store, sheet, error) ||
          !bring_to_state (sheets, sheet, demo_sheets[i].state, error))
        return FALSE;
    }
  return TRUE;
}

/* The people Hélène writes about in her draft on mentoring: "Mme Lemoine", the young woman
 * she mentored, replaced by "Mme L." in every output; "Mme Vidal", the network's
 * coordinator, a suggestion she has not answered yet, so that a newcomer sees both. */
#define DEMO_MENTION_UUID "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9e01"

static gboolean
populate_people (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (AcqPersonMention) lemoine = NULL;

  if (acq_candidate_list_find (list, DEMO_SHEETS_CANDIDATE) == NULL)
    return TRUE;
  if (!(mentions = acq_person_mention_list (store, DEMO_SHEETS_CANDIDATE, error)))
    return FALSE;
  for (guint i = 0; i < mentions->len; i++)
    if (g_strcmp0 (((AcqPersonMention *) g_ptr_array_index (mentions, i))->uuid,
                   DEMO_MENTION_UUID) == 0)
      return TRUE;
  lemoine = acq_person_mention_new (DEMO_SHEETS_CANDIDATE, "Mme Lemoine", "Mme L.",
                                    ACQ_PERSON_ACCEPTED);
  g_free (lemoine->uuid);
  lemoine->uuid = g_strdup (DEMO_MENTION_UUID);
  return acq_person_mention_save (store, lemoine, error);
}

/* The livret de suivi: sessions held and planned, dated from today so that the demo always has
 * a past and a coming week. Hélène is mid-way through 24 h, Sophie past her 12 h before the
 * jury, Karim had his feasibility interview and has a session today, Aïcha's post-jury
 * interview is next week. */
typedef struct
{
  const char         *uuid;
  const char         *candidate;
  int                 days;  /* from today */
  const char         *start;
  const char         *end;
  AcqSessionKind      kind;
  AcqSessionMode      mode;
  gboolean            held;
  const char         *objectives[2];
  AcqObjectiveOutcome outcomes[2];
  const char         *points_worked;
  const char         *difficulties;
  const char         *personal_work;
} DemoSession;

#define HELENE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"
#define KARIM "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d02"
#define SOPHIE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03"
#define AICHA "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d05"
#define PLACE "Espace France Services, 12 rue Wilson, 46000 Cahors"

static const DemoSession demo_sessions[] = {
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000001", HELENE, -49, "14:00", "16:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_VISIO, TRUE,
    { "Choisir les exemples du bloc 1", "Comprendre les cinq rubriques du DP" },
    { ACQ_OBJECTIVE_REACHED, ACQ_OBJECTIVE_REACHED },
    "Lecture du référentiel CIP ; repérage des activités d'accueil.",
    "Tendance à décrire le poste plutôt que ses propres actions.",
    "Lister trois situations d'accueil vécues, avec leur date." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000002", HELENE, -35, "14:00", "16:30",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_VISIO, TRUE,
    { "Rédiger la rubrique « Tâches » de l'exemple Accueil", "Écrire au « je »" },
    { ACQ_OBJECTIVE_PARTLY, ACQ_OBJECTIVE_REACHED },
    "Premier jet de l'exemple « Accueil et premier entretien ».",
    "Le contexte (association, public) reste flou.",
    "Compléter le contexte et les moyens de l'exemple Accueil." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000003", HELENE, -14, "09:30", "11:30",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_IN_PERSON, TRUE,
    { "Finaliser l'exemple Accueil", "Choisir l'exemple du bloc 2" },
    { ACQ_OBJECTIVE_REACHED, ACQ_OBJECTIVE_NOT_REACHED },
    "Relecture commentée de l'exemple Accueil ; pistes pour le bloc 2.",
    "Hésitation entre deux accompagnements pour le bloc 2.",
    "Envoyer l'exemple Accueil pour relecture ; noter les étapes d'un accompagnement." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000004", HELENE, 3, "14:00", "16:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_VISIO, FALSE,
    { "Rédiger l'exemple du bloc 2", "Relier l'exemple aux compétences visées" },
    { ACQ_OBJECTIVE_NOT_ASSESSED, ACQ_OBJECTIVE_NOT_ASSESSED }, "", "", "" },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000005", HELENE, 17, "14:00", "17:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_IN_PERSON, FALSE,
    { "Préparer l'exemple du bloc 3", NULL }, { ACQ_OBJECTIVE_NOT_ASSESSED }, "", "", "" },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000011", KARIM, -20, "10:00", "11:00",
    ACQ_SESSION_KIND_FEASIBILITY, ACQ_SESSION_MODE_VISIO, TRUE,
    { "Vérifier l'adéquation entre l'expérience et le titre CIP", NULL },
    { ACQ_OBJECTIVE_REACHED }, "Parcours en mission locale ; actions collectives animées.",
    "CV à actualiser.", "Envoyer le CV actualisé et la demande de recevabilité." },
  /* today, so that the Today view always has a session of the day */
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000012", KARIM, 0, "16:00", "17:30",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_VISIO, FALSE,
    { "Relire la demande de recevabilité avant l'envoi", "Lister les exemples du bloc 1" },
    { ACQ_OBJECTIVE_NOT_ASSESSED, ACQ_OBJECTIVE_NOT_ASSESSED }, "", "", "" },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000021", SOPHIE, -70, "09:00", "12:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_IN_PERSON, TRUE,
    { "Choisir les exemples des trois blocs", NULL }, { ACQ_OBJECTIVE_REACHED },
    "Inventaire des activités au CCAS.", "", "Rédiger le premier exemple du bloc 1." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000022", SOPHIE, -56, "09:00", "12:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_IN_PERSON, TRUE,
    { "Rédiger les exemples du bloc 1", NULL }, { ACQ_OBJECTIVE_REACHED },
    "Exemples du bloc 1.", "Fatigue en fin de séance : pause à mi-parcours.",
    "Exemples du bloc 2." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000023", SOPHIE, -42, "09:00", "12:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_IN_PERSON, TRUE,
    { "Rédiger les exemples des blocs 2 et 3", NULL }, { ACQ_OBJECTIVE_PARTLY },
    "Exemples des blocs 2 et 3.", "", "Finir le bloc 3 ; relire l'ensemble." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000024", SOPHIE, -21, "10:00", "12:00",
    ACQ_SESSION_KIND_ACCOMPANIMENT, ACQ_SESSION_MODE_VISIO, TRUE,
    { "Finaliser le dossier", NULL }, { ACQ_OBJECTIVE_REACHED },
    "Relecture finale ; annexes.", "", "Déposer le dossier ; préparer une présentation de 10 min." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000025", SOPHIE, -6, "10:00", "12:00",
    ACQ_SESSION_KIND_MOCK_JURY, ACQ_SESSION_MODE_IN_PERSON, TRUE,
    { "Présenter son parcours en 10 minutes", "Répondre aux questions sur le bloc 3" },
    { ACQ_OBJECTIVE_REACHED, ACQ_OBJECTIVE_PARTLY },
    "Soutenance blanche chronométrée, questions du jury.",
    "Réponses trop longues sur la prospection des employeurs.",
    "Préparer deux exemples courts de contact avec un employeur." },
  { "5e55a0c1-1b2d-4c3e-8f4a-000000000031", AICHA, 7, "10:00", "11:00",
    ACQ_SESSION_KIND_POST_JURY, ACQ_SESSION_MODE_VISIO, FALSE,
    { "Bâtir le plan pour le bloc 3", NULL }, { ACQ_OBJECTIVE_NOT_ASSESSED }, "", "", "" },
};

static const struct { const char *candidate; guint minutes; } demo_plans[] = {
  { HELENE, 24 * 60 }, { SOPHIE, 12 * 60 }, { KARIM, 24 * 60 },
};

static gboolean
populate_sessions (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (GDateTime) today = g_date_time_new_now (acq_session_get_time_zone ());

  for (guint i = 0; i < G_N_ELEMENTS (demo_sessions); i++)
    {
      const DemoSession *d = &demo_sessions[i];
      g_autoptr (GDateTime) day = g_date_time_add_days (today, d->days);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autoptr (AcqSession) session = NULL;
      g_autoptr (AcqSession) stored = NULL;

      /* deleted by the user, with the candidate or alone: leave it so */
      if (acq_candidate_list_find (list, d->candidate) == NULL ||
          (stored = acq_session_load (store, d->uuid, NULL)) != NULL)
        continue;
      session = acq_session_new (d->candidate, date, d->start, d->end, d->kind);
      acq_session_set_text (&session->uuid, d->uuid);
      session->mode = d->mode;
      session->held = d->held;
      if (d->mode == ACQ_SESSION_MODE_IN_PERSON)
        acq_session_set_text (&session->place, PLACE);
      for (guint o = 0; o < G_N_ELEMENTS (d->objectives) && d->objectives[o]; o++)
        acq_session_add_objective (session, d->objectives[o], d->outcomes[o]);
      acq_session_set_text (&session->points_worked, d->points_worked);
      acq_session_set_text (&session->difficulties, d->difficulties);
      acq_session_set_text (&session->personal_work, d->personal_work);
      if (!acq_session_save (store, session, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_plans); i++)
    if (acq_candidate_list_find (list, demo_plans[i].candidate) != NULL &&
        !acq_session_set_planned_minutes (store, demo_plans[i].candidate,
                                          demo_plans[i].minutes, error))
      return FALSE;
  return TRUE;
}

/* The jury page: Sophie's jury is coming (convocation received, dossier deposited, tiers
 * temps asked and granted, two hand items of four ticked, one rehearsal run, bloc 3's
 * prospection "à retravailler" since her soutenance blanche); Aïcha's partial result, blocs 1
 * and 2 obtained, and the post-jury plan for bloc 3. Dates from today, as the parcours'. */
static char *
demo_day (int days)
{
  g_autoptr (GDateTime) today = g_date_time_new_now (acq_session_get_time_zone ());
  g_autoptr (GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gboolean
populate_sophie_jury (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_autoptr (AcqJurySession) session = acq_jury_session_load (store, SOPHIE, error);
  g_autoptr (GPtrArray) hand = NULL;
  g_autoptr (GPtrArray) parts = NULL;
  g_autoptr (AcqJuryRehearsal) run = NULL;
  g_autofree char *run_day = demo_day (-3);
  const AcqBlocDef *bloc3 = g_ptr_array_index (fiche->blocs, 2);
  static const guint seconds[] = { 1210, 1650, 780 };

  if (session == NULL)
    return FALSE;
  if (session->stored)
    return TRUE;
  session->date = demo_day (6);
  session->time = g_strdup ("09:30");
  session->place = g_strdup ("Centre d'examen, 5 rue Ferdinand-Buisson, 46000 Cahors");
  session->certifier = g_strdup ("Ministère du Travail — DREETS Occitanie");
  session->convocation_date = demo_day (-9);
  session->deposited_date = demo_day (-35);
  session->platform = ACQ_JURY_PLATFORM_FRANCE_VAE;
  session->accommodations_asked = g_strdup ("Temps de préparation majoré d'un tiers pour "
                                            "l'oral ; documents en police Luciole 14.");
  session->accommodations_granted = g_strdup ("Tiers-temps accordé pour l'oral.");
  if (!acq_jury_session_save (store, session, error) ||
      !(hand = acq_jury_hand_items_list (store, SOPHIE, error)))
    return FALSE;
  for (guint i = 0; i < hand->len && i < 2; i++)
    if (!acq_jury_hand_item_set_done (store, ((AcqJuryHandItem *) hand->pdata[i])->uuid, TRUE,
                                      error))
      return FALSE;
  if (!(parts = acq_jury_parts_list (store, SOPHIE, error)) ||
      !acq_jury_parts_save (store, SOPHIE, parts, error))
    return FALSE;
  run = acq_jury_rehearsal_new (run_day);
  for (guint i = 0; i < parts->len && i < G_N_ELEMENTS (seconds); i++)
    acq_jury_rehearsal_add_part (run, ((AcqJuryPart *) parts->pdata[i])->name, seconds[i]);
  /* her accommodations ask for Luciole 14 spaced 1.5; Luciole is not in Debian, so her
   * printed outputs take the large sans at the same size and spacing */
  {
    g_autoptr (AcqReadingStyle) reading = acq_reading_style_new (ACQ_READING_DEFAULT_FAMILY,
                                                                 14, 1.5);

    if (!acq_reading_style_save (store, SOPHIE, reading, error))
      return FALSE;
  }
  return acq_jury_rehearsal_save (store, SOPHIE, run, error) &&
         acq_jury_cards_draft (store, SOPHIE, error) &&
         acq_jury_readiness_set (store, SOPHIE, g_ptr_array_index (bloc3->competence_uuids, 0),
                                 ACQ_JURY_READINESS_REWORK,
                                 "Réponses trop longues : préparer deux exemples courts de "
                                 "contact avec un employeur.", error);
}

static gboolean
populate_aicha_result (AcqStore *store, const AcqFiche *fiche, GError **error)
{
  g_autoptr (AcqJurySession) session = acq_jury_session_load (store, AICHA, error);
  g_autoptr (AcqJuryResult) result = NULL;
  g_autoptr (AcqJuryPlan) plan = NULL;

  if (session == NULL)
    return FALSE;
  if (session->stored)
    return TRUE;
  /* the day of the jury in her parcours */
  session->date = demo_day (-172);
  session->time = g_strdup ("14:00");
  session->certifier = g_strdup ("Ministère du Travail — DREETS Occitanie");
  session->convocation_date = demo_day (-200);
  session->deposited_date = demo_day (-230);
  session->platform = ACQ_JURY_PLATFORM_FRANCE_VAE;
  if (!acq_jury_session_save (store, session, error) ||
      !(result = acq_jury_result_load (store, AICHA, error)))
    return FALSE;
  result->outcome = ACQ_JURY_OUTCOME_PARTIAL;
  result->remarks = g_strdup ("Blocs 1 et 2 validés. Bloc 3 : la prospection des employeurs "
                              "n'est pas illustrée par une situation vécue.");
  for (guint i = 0; i < fiche->blocs->len; i++)
    acq_jury_result_set_bloc (result, ((AcqBlocDef *) fiche->blocs->pdata[i])->uuid,
                              i < 2 ? ACQ_JURY_BLOC_OBTAINED : ACQ_JURY_BLOC_NOT_OBTAINED);
  if (!acq_jury_result_save (store, result, error) ||
      !(plan = acq_jury_plan_load (store, AICHA, error)))
    return FALSE;
  plan->asked = ACQ_JURY_ASKED_EXPERIENCE;
  acq_session_set_text (&plan->asked_text, "Une expérience de prospection auprès "
                        "d'employeurs du territoire, à présenter au jury dans les cinq ans.");
  g_free (plan->interview_date);
  plan->interview_date = demo_day (-165);
  for (guint i = 0; i < plan->items->len; i++)
    ((AcqJuryPlanItem *) plan->items->pdata[i])->target_date = demo_day (190);
  return acq_jury_plan_save (store, plan, error);
}

static gboolean
populate_jury (AcqCandidateList *list, const AcqFiche *fiche, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);

  return (acq_candidate_list_find (list, SOPHIE) == NULL ||
          populate_sophie_jury (store, fiche, error)) &&
         (acq_candidate_list_find (list, AICHA) == NULL ||
          populate_aicha_result (store, fiche, error));
}

/* The paperwork: the coach's profile with a signature, Hélène's CV and recevabilité notice.
 * The documents are drawn here (a signature's stroke, a page of PDF), written to a private
 * temporary file and imported as the user's would be. */

static char *
draw_demo_file (AcqStore *store, const char *kind, const char *text, GError **error)
{
  g_autofree char *dir = acq_store_make_temp (acq_store_get_data_dir (store), "demo", TRUE,
                                              error);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, kind, NULL);
  if (g_str_has_suffix (kind, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 360, 120);
  else
    surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.05, 0.10, 0.35);
  if (g_str_has_suffix (kind, ".png"))
    {
      /* a signature: one stroke, looped */
      cairo_set_line_width (cr, 4);
      cairo_move_to (cr, 20, 80);
      cairo_curve_to (cr, 60, 10, 90, 110, 130, 50);
      cairo_curve_to (cr, 160, 10, 200, 100, 240, 60);
      cairo_curve_to (cr, 270, 30, 300, 90, 340, 40);
      cairo_stroke (cr);
    }
  else
    {
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 18);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, text);
    }
  cairo_destroy (cr);
  if (g_str_has_suffix (kind, ".png"))
    cairo_surface_write_to_png (surface, path);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static gboolean
populate_profile (AcqStore *store, GError **error)
{
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_load (store, error);
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (AcqAttachment) imported = NULL;
  gboolean ok;

  /* hers already, or never filled: only a profile never filled gets the demo's */
  if (profile == NULL || !acq_coach_profile_is_empty (profile) ||
      profile->signature_sha256 != NULL)
    return profile != NULL;
  acq_session_set_text (&profile->name, "Claire Morel");
  acq_session_set_text (&profile->organisation, "Claire Morel Accompagnement VAE");
  acq_session_set_text (&profile->address, "5 boulevard Gambetta, 46000 Cahors");
  acq_session_set_text (&profile->siret, "812 345 678 00013");
  acq_session_set_text (&profile->nda, "76460123446");
  acq_session_set_text (&profile->qualiopi_number, "QUA-2024-0137");
  acq_session_set_text (&profile->qualiopi_certifier, "AFNOR Certification");
  profile->hourly_rate_cents = ACQ_COACH_PROFILE_DEFAULT_RATE_CENTS;
  /* a year: Marc Petit, certified 374 days ago and archived, shows on Today with Export and
   * Erase */
  profile->retention_months = 12;
  if (!acq_coach_profile_save (store, profile, error) ||
      !(path = draw_demo_file (store, "signature.png", NULL, error)))
    return FALSE;
  file = g_file_new_for_path (path);
  imported = acq_attachment_import (acq_store_get_data_dir (store), file, NULL, error);
  g_remove (path);
  if (imported == NULL)
    return FALSE;
  ok = acq_coach_profile_set_signature (store, imported, error);
  acq_attachment_import_release (imported);
  return ok;
}

static gboolean
add_demo_document (AcqStore *store, AcqCandidateDocumentKind kind, AcqRole role,
                   const char *file_name, const char *text, GError **error)
{
  g_autofree char *path = draw_demo_file (store, file_name, text, error);
  g_autoptr (GFile) file = NULL;
  g_autoptr (AcqCandidateDocument) document = NULL;

  if (path == NULL)
    return FALSE;
  file = g_file_new_for_path (path);
  document = acq_candidate_document_add (store, demo[0].uuid, kind, role, file, NULL, error);
  g_remove (path);
  return document != NULL;
}

static gboolean
populate_paperwork (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (GPtrArray) documents = NULL;

  if (!populate_profile (store, error))
    return FALSE;
  if (acq_candidate_list_find (list, demo[0].uuid) == NULL)
    return TRUE;
  if (!(documents = acq_candidate_document_list (store, demo[0].uuid, error)))
    return FALSE;
  if (documents->len > 0)
    return TRUE;
  return add_demo_document (store, ACQ_CANDIDATE_DOCUMENT_CV, ACQ_ROLE_CANDIDATE,
                            "CV Hélène Dubois.pdf", "Curriculum vitae — Hélène Dubois", error) &&
         add_demo_document (store, ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE, ACQ_ROLE_COACH,
                            "Notification de recevabilité.pdf",
                            "Notification de recevabilité — Hélène Dubois", error);
}

/* Hélène's titles and training, which her dossier lists in the model's table. */
static gboolean
populate_titles (AcqCandidateList *list, GError **error)
{
  static const struct
  {
    const char *title;
    const char *organisation;
    const char *date;
  } titles[] = {
    { "Baccalauréat professionnel Accueil – relation clients et usagers",
      "Académie de Toulouse, lycée Champollion de Figeac", "2009-07-03" },
    { "Attestation de formation « Conduire un entretien d'accompagnement »",
      "Afpa Cahors", "2021-11-26" },
  };
  AcqStore *store = acq_candidate_list_get_store (list);
  g_autoptr (GPtrArray) held = NULL;

  if (acq_candidate_list_find (list, demo[0].uuid) == NULL)
    return TRUE;
  if (!(held = acq_candidate_title_list (store, demo[0].uuid, error)))
    return FALSE;
  if (held->len > 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr (AcqCandidateTitle) added =
        acq_candidate_title_add (store, demo[0].uuid, titles[i].title, titles[i].organisation,
                                 titles[i].date, error);

      if (added == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_demo_complaint (AcqStore *store, int received, AcqComplaintChannel channel,
                    const char *candidate_uuid, const char *from_whom, const char *subject,
                    const char *answer, int answered, GError **error)
{
  g_autofree char *day = demo_day (received);
  g_autoptr (AcqComplaint) complaint = acq_complaint_new (day);

  complaint->channel = channel;
  complaint->candidate_uuid = g_strdup (candidate_uuid);
  acq_session_set_text (&complaint->from_whom, from_whom);
  acq_session_set_text (&complaint->subject, subject);
  if (answer != NULL)
    {
      acq_session_set_text (&complaint->answer, answer);
      complaint->answered_on = demo_day (answered);
    }
  return acq_complaint_save (store, complaint, error);
}

/* The complaints log (once): Aïcha's, answered within the week; an employer's, still waiting
 * for its answer, so that Today shows one. */
static gboolean
populate_complaints (AcqStore *store, GError **error)
{
  g_autoptr (GPtrArray) complaints = acq_complaint_list (store, 0, error);

  if (complaints == NULL)
    return FALSE;
  if (complaints->len > 0)
    return TRUE;
  return add_demo_complaint (store, -190, ACQ_COMPLAINT_CHANNEL_EMAIL, AICHA, "",
                             "Séance annulée la veille, sans nouvelle date",
                             "Excuses présentées par téléphone puis par courriel ; une séance "
                             "de rattrapage de deux heures fixée la semaine suivante, et la "
                             "règle d'un délai de 48 heures pour toute annulation ajoutée au "
                             "livret d'accueil.", -186, error) &&
         add_demo_complaint (store, -6, ACQ_COMPLAINT_CHANNEL_LETTER, NULL,
                             "Mme Roux, responsable RH d'une entreprise",
                             "Copie des feuilles de présence pour l'OPCO", NULL, 0, error);
}

/* Aïcha's satisfaction questionnaire, answered in her copy after the post-jury interview
 * (once). */
static gboolean
populate_satisfaction (AcqStore *store, GError **error)
{
  static const int scores[] = { 5, 4, 5, 4, 5 };
  g_autoptr (GPtrArray) responses = acq_satisfaction_list_responses (store, AICHA, error);
  g_autoptr (AcqSatisfactionResponse) response = NULL;
  g_autofree char *day = demo_day (-160);

  if (responses == NULL)
    return FALSE;
  if (responses->len > 0)
    return TRUE;
  if (!(response = acq_satisfaction_response_new (store, AICHA, ACQ_ROLE_CANDIDATE, day, error)))
    return FALSE;
  for (guint i = 0; i < response->scores->len && i < G_N_ELEMENTS (scores); i++)
    ((AcqSatisfactionScore *) response->scores->pdata[i])->score = scores[i];
  acq_session_set_text (&response->comment, "Un accompagnement qui m'a aidée à mettre des mots "
                        "sur mon expérience. J'aurais aimé une séance de plus avant le jury.");
  return acq_satisfaction_response_save (store, response, ACQ_ROLE_CANDIDATE, error);
}

/* The quotes of the parcours' "quote accepted" events (Hélène's CPF, Sophie's employer), and
 * the attendance of the sessions held: all of Sophie's, so that her certificate can be made,
 * and Hélène's but the last, so that hers is refused and says why. */
static const struct
{
  const char     *candidate;
  int             made, sent, accepted;
  AcqQuoteFunding funding;
  guint           minutes;
  const char     *funder, *funder_address;
} demo_quotes[] = {
  { HELENE, -82, -80, -74, ACQ_QUOTE_FUNDING_CPF, 24 * 60, "", "" },
  { SOPHIE, -203, -202, -200, ACQ_QUOTE_FUNDING_EMPLOYER, 12 * 60, "CCAS de Figeac",
    "Place Vival, 46100 Figeac" },
};

static const char *const demo_attended[] = {
  "5e55a0c1-1b2d-4c3e-8f4a-000000000001", "5e55a0c1-1b2d-4c3e-8f4a-000000000002",
  "5e55a0c1-1b2d-4c3e-8f4a-000000000021", "5e55a0c1-1b2d-4c3e-8f4a-000000000022",
  "5e55a0c1-1b2d-4c3e-8f4a-000000000023", "5e55a0c1-1b2d-4c3e-8f4a-000000000024",
  "5e55a0c1-1b2d-4c3e-8f4a-000000000025", "5e55a0c1-1b2d-4c3e-8f4a-000000000011",
};

static gboolean
populate_quotes (AcqCandidateList *list, GError **error)
{
  AcqStore *store = acq_candidate_list_get_store (list);

  for (guint i = 0; i < G_N_ELEMENTS (demo_quotes); i++)
    {
      g_autoptr (GPtrArray) quotes = NULL;
      g_autoptr (AcqQuote) quote = NULL;
      g_autofree char *made = demo_day (demo_quotes[i].made);

      if (acq_candidate_list_find (list, demo_quotes[i].candidate) == NULL)
        continue;
      if (!(quotes = acq_quote_list (store, demo_quotes[i].candidate, error)))
        return FALSE;
      if (quotes->len > 0)
        continue;
      if (!(quote = acq_quote_create (store, demo_quotes[i].candidate, made, error)))
        return FALSE;
      quote->funding = demo_quotes[i].funding;
      quote->minutes = demo_quotes[i].minutes;
      acq_session_set_text (&quote->funder_name, demo_quotes[i].funder);
      acq_session_set_text (&quote->funder_address, demo_quotes[i].funder_address);
      /* the parcours' events are the demo's already: the dates alone */
      quote->sent_date = demo_day (demo_quotes[i].sent);
      quote->accepted_date = demo_day (demo_quotes[i].accepted);
      if (!acq_quote_save (store, quote, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (demo_attended); i++)
    {
      g_autoptr (AcqSession) session = acq_session_load (store, demo_attended[i], NULL);
      g_autoptr (AcqAttendance) attendance = NULL;

      if (session == NULL || !session->held ||
          (attendance = acq_attendance_load (store, demo_attended[i], NULL)) != NULL)
        continue;
      if (!acq_attendance_record (store, demo_attended[i], TRUE, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * acq_demo_populate:
 * @list: the candidates
 * @error: where to put an error
 *
 * Adds the fictional candidates that are not there yet, the experience sheets of one of them
 * (with their comments and review round-trips), the sessions of their livrets de suivi that
 * are not there yet, two jury pages (Sophie's coming jury, Aïcha's partial result), a coach's
 * profile if none was filled, two documents of Hélène's, Hélène's and Sophie's quotes and the
 * attendance of their sessions held but Hélène's last.
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
      if (!add_demo_parcours (store, i, error))
        return FALSE;
    }
  if (!acq_candidate_list_refresh (list, error))
    return FALSE;
  return populate_sheets (list, fiche, error) && populate_people (list, error) &&
         populate_sessions (list, error) &&
         populate_jury (list, fiche, error) && populate_paperwork (list, error) &&
         populate_titles (list, error) &&
         populate_complaints (store, error) && populate_satisfaction (store, error) &&
         populate_quotes (list, error) &&
         _acq_demo_populate_second_certification (list, error);
}
