/* bench-data.c — fills a data folder with a coach's caseload, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-data"

#include "config.h"

#include <stdlib.h>

#include "acq-candidate-list.h"
#include "acq-store.h"

/* Every person here is invented. The same seed gives the same people, so that two runs of a
 * benchmark open the same data. The text is what a French coach writes, so it is French. */

static const char *const first_names[] = {
  "Hélène", "Karim", "Sophie", "Jean-Marc", "Aïcha", "Élodie", "Marc", "Françoise", "Noémie",
  "Théo", "Zoé", "Loïc", "Anaïs", "Jérôme", "Maëlle", "Cédric", "Inès", "Gaëlle", "Stéphane",
  "Océane", "Raphaël", "Léa", "Benoît", "Chloé", "Mathéo", "Manon", "Josué", "Ségolène",
  "Hervé", "Eloïse", "Rémi", "Clémence", "Amélie", "Frédéric", "Yasmine", "Kévin", "Ophélie",
  "Grégoire", "Anne-Laure", "Mélissa", "Thierry", "Nadège", "Mohamed", "Fatoumata", "Joël",
  "Bérénice", "Sébastien", "Agnès", "Aurélien", "Lætitia",
};

static const char *const last_names[] = {
  "Dubois", "Benali", "Lefèvre", "Rivière", "Traoré", "Moreau", "Petit", "Girard", "Lambert",
  "Bonnet", "François", "Mercier", "Faure", "André", "Gauthier", "Garnier", "Chevalier",
  "Barbier", "Mathieu", "Lemaître", "Brunet", "Dumont", "Leclercq", "Fontaine", "Renard",
  "Nguyen", "Da Silva", "N'Diaye", "Hoarau", "Ménard", "Prévost", "Boyer", "Rolland",
  "Carré", "Hébert", "Pelletier", "Côté", "Lacroix", "Besnard", "Le Gall", "Kerjean",
  "Bouchard", "Aubé", "Gérard", "Caron", "Saïdi", "Schœlcher", "Ozturk", "Bréhat", "Évrard",
};

static const char *const streets[] = {
  "rue des Tanneurs", "place Clément-Marot", "avenue de la Gare", "boulevard Gambetta",
  "chemin des Vignes", "impasse du Lavoir", "rue Émile-Zola", "allée des Châtaigniers",
  "quai de la Daurade", "route de Fumel", "rue du Maréchal-Foch", "place de l'Église",
};

static const char *const towns[] = {
  "46000 Cahors", "46100 Figeac", "46090 Mercuès", "46140 Luzech", "46300 Gourdon",
  "46200 Souillac", "82000 Montauban", "31000 Toulouse", "12000 Rodez", "24200 Sarlat-la-Canéda",
};

/* Sentences of a coach's notes; a candidate gets a few of them, a few hundred characters. */
static const char *const note_sentences[] = {
  "Chargée d'accueil dans une association d'insertion depuis 2019 ; anime des ateliers CV "
  "chaque semaine.",
  "Entretien de faisabilité fait en visio : le projet tient, le lien avec le référentiel est "
  "clair pour les blocs 1 et 2.",
  "CV à actualiser avec les actions collectives menées en 2023 et 2024.",
  "Expérience de 4 ans en mission locale, dont deux comme référente du dispositif jeunes.",
  "A du mal à décrire ce qu'elle fait au quotidien : travailler sur une journée type à la "
  "prochaine séance.",
  "Dossier de recevabilité envoyé le 12 ; réponse du certificateur attendue sous deux mois.",
  "Souhaite présenter une validation totale ; l'employeur finance via l'OPCO.",
  "Soutenance blanche prévue avant le jury, avec une collègue dans le rôle du jury.",
  "Trois situations de travail retenues pour le bloc 3 : accueil collectif, entretien "
  "individuel, bilan de fin d'accompagnement.",
  "Rappel : la charte demande une réponse sous un mois après le premier contact.",
  "Bénévole au Secours populaire (accompagnement vers l'emploi) depuis six ans, en plus d'un "
  "emploi à mi-temps.",
  "Pièces justificatives complètes : attestations employeur, fiches de paie, certificat de "
  "bénévolat.",
  "Parle avec aisance de son métier mais écrit peu ; proposer de dicter puis de relire "
  "ensemble.",
  "Changement de poste en cours d'accompagnement : vérifier que les activités restent "
  "couvertes par le référentiel.",
  "Validation partielle : blocs 1 et 2 obtenus, bloc 3 à repasser dans les cinq ans.",
  "Séance du mardi décalée au jeudi à cause des horaires de travail en équipe.",
  "Le jury a souligné la qualité des exemples ; prévoir un retour écrit pour la suite du "
  "parcours.",
  "Financement CPF validé, reste à charge nul ; 24 heures d'accompagnement prévues.",
};

static const char *const accommodations[] = {
  "Dyslexie : documents en police Luciole 14, interligne 1,5 ; temps de préparation majoré "
  "d'un tiers pour l'oral (demande faite au certificateur).",
  "Malentendante : séances en visio avec sous-titrage automatique, supports écrits envoyés "
  "avant chaque séance.",
  "Fauteuil roulant : rendez-vous au rez-de-chaussée ; salle de jury accessible à vérifier.",
  "Trouble de l'attention : séances courtes (45 min) avec une pause, consignes par écrit.",
  "Malvoyant : documents en grands caractères (corps 18) et fichiers lisibles par son "
  "lecteur d'écran.",
  "Horaires décalés (travail de nuit) : séances en fin de matinée uniquement.",
};

/* How many candidates land at each stage, in tenths: most are early in their parcours. */
static const guint stage_weights[ACQ_N_STAGES] = { 2, 2, 2, 2, 1, 1 };

typedef struct
{
  AcqStore         *store;
  AcqCandidateList *list;
  GRand            *rand;
  GPtrArray        *candidates; /* AcqCandidate, those this program created, transfer none */
  guint             n_candidates;
} BenchData;

#define PICK(data, array) ((array)[g_rand_int_range ((data)->rand, 0, G_N_ELEMENTS (array))])

static gboolean
chance (BenchData *data, guint percent)
{
  return (guint) g_rand_int_range (data->rand, 0, 100) < percent;
}

static AcqStage
pick_stage (BenchData *data)
{
  guint total = 0, roll;

  for (guint i = 0; i < ACQ_N_STAGES; i++)
    total += stage_weights[i];
  roll = g_rand_int_range (data->rand, 0, total);
  for (guint i = 0; i < ACQ_N_STAGES; i++)
    {
      if (roll < stage_weights[i])
        return i;
      roll -= stage_weights[i];
    }
  return ACQ_STAGE_REGISTRATION;
}

static char *
make_email (const char *first, const char *last, guint index)
{
  g_autofree char *ascii = g_str_to_ascii (first, "C");
  g_autofree char *ascii_last = g_str_to_ascii (last, "C");
  g_autofree char *joined = g_strdup_printf ("%s.%s%u", ascii, ascii_last, index);
  GString *email = g_string_new (NULL);

  for (const char *p = joined; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '.' || *p == '-')
      g_string_append_c (email, g_ascii_tolower (*p));
  g_string_append (email, "@example.org");
  return g_string_free (email, FALSE);
}

static char *
make_notes (BenchData *data)
{
  GString *notes = g_string_new (NULL);
  guint target = g_rand_int_range (data->rand, 200, 600);

  while (notes->len < target)
    {
      if (notes->len > 0)
        g_string_append_c (notes, g_rand_boolean (data->rand) ? ' ' : '\n');
      g_string_append (notes, PICK (data, note_sentences));
    }
  return g_string_free (notes, FALSE);
}

static char *
make_stage_date (BenchData *data)
{
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GDateTime) date = g_date_time_add_days (today,
                                                     -g_rand_int_range (data->rand, 0, 400));

  return g_date_time_format (date, "%Y-%m-%d");
}

/* create() aims a candidate at every bloc of the default certification; a third aim at
 * fewer, as people who already hold some blocs do. The uuids are copied: setting the blocs
 * frees the array they come from. */
static void
pick_blocs (BenchData *data, AcqCandidate *candidate)
{
  const char *const *all = acq_candidate_get_targeted_blocs (candidate);
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  guint n = all != NULL ? g_strv_length ((char **) all) : 0;

  if (n < 2 || !chance (data, 33))
    return;
  for (guint i = 0; i < n; i++)
    if (g_rand_boolean (data->rand))
      g_ptr_array_add (kept, g_strdup (all[i]));
  if (kept->len == 0)
    g_ptr_array_add (kept, g_strdup (all[g_rand_int_range (data->rand, 0, n)]));
  g_ptr_array_add (kept, NULL);
  acq_candidate_set_targeted_blocs (candidate, (const char *const *) kept->pdata);
}

static gboolean
add_candidate (BenchData *data, guint index, GError **error)
{
  const char *first = PICK (data, first_names);
  const char *last = PICK (data, last_names);
  AcqStage stage = pick_stage (data);
  g_autofree char *email = make_email (first, last, index);
  g_autofree char *phone = g_strdup_printf ("0%d %02d %02d %02d %02d",
                                            g_rand_boolean (data->rand) ? 6 : 7,
                                            g_rand_int_range (data->rand, 0, 100),
                                            g_rand_int_range (data->rand, 0, 100),
                                            g_rand_int_range (data->rand, 0, 100),
                                            g_rand_int_range (data->rand, 0, 100));
  g_autofree char *address = g_strdup_printf ("%d %s\n%s",
                                              g_rand_int_range (data->rand, 1, 120),
                                              PICK (data, streets), PICK (data, towns));
  g_autofree char *notes = make_notes (data);
  g_autofree char *stage_date = make_stage_date (data);
  AcqCandidate *candidate;

  candidate = acq_candidate_list_create (data->list, first, last, error);
  if (candidate == NULL)
    return FALSE;

  acq_candidate_set_text (candidate, ACQ_CANDIDATE_EMAIL, email);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_PHONE, phone);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, address);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_NOTES, notes);
  if (chance (data, 20))
    acq_candidate_set_text (candidate, ACQ_CANDIDATE_BIRTH_NAME, PICK (data, last_names));
  if (chance (data, 15))
    acq_candidate_set_text (candidate, ACQ_CANDIDATE_ACCOMMODATIONS,
                            PICK (data, accommodations));
  acq_candidate_set_stage (candidate, stage);
  acq_candidate_set_stage_date (candidate, stage_date);
  acq_candidate_set_situation (candidate, g_rand_int_range (data->rand, 0, ACQ_N_SITUATIONS));
  acq_candidate_set_funding (candidate, g_rand_int_range (data->rand, 0, ACQ_N_FUNDINGS));
  acq_candidate_set_archived (candidate, stage == ACQ_STAGE_POST_JURY && chance (data, 40));
  pick_blocs (data, candidate);

  if (!acq_candidate_list_save (data->list, candidate, error))
    return FALSE;
  g_ptr_array_add (data->candidates, candidate);
  return TRUE;
}

static gboolean
add_candidates (BenchData *data, GError **error)
{
  for (guint i = 0; i < data->n_candidates; i++)
    if (!add_candidate (data, i, error))
      return FALSE;
  return TRUE;
}

/* What a data folder holds, filled in this order. A later kind of record (sheets, reviews,
 * journal entries) adds its step here, working on data->candidates. */
typedef struct
{
  const char *name;
  gboolean  (*fill) (BenchData *data, GError **error);
} BenchStep;

static const BenchStep steps[] = {
  { "candidates", add_candidates },
};

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) list = NULL;
  g_autoptr (GPtrArray) created = g_ptr_array_new ();
  g_autoptr (GRand) rand = NULL;
  g_auto (GStrv) args = NULL;
  int n_candidates = 500;
  int seed = 1;
  const GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_INT, &n_candidates, "How many candidates (500)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the random choices (1)", "SEED" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, "DIR" },
    { NULL }
  };
  BenchData data = { 0 };

  context = g_option_context_new ("DIR — fill a new Acquis data folder for a benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (args == NULL || g_strv_length (args) != 1 || n_candidates < 0)
    {
      g_printerr ("Usage: %s [--candidates N] [--seed SEED] DIR\n", g_get_prgname ());
      return 2;
    }

  store = acq_store_open (args[0], &error);
  if (store != NULL)
    list = acq_candidate_list_new (store, &error);
  if (list == NULL)
    {
      g_printerr ("%s: %s\n", args[0], error->message);
      return 1;
    }
  /* Filling a folder twice would double its people and skew the benchmark. */
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    {
      g_printerr ("%s already holds candidates; give a new folder\n", args[0]);
      return 1;
    }

  rand = g_rand_new_with_seed (seed);
  data = (BenchData) { store, list, rand, created, n_candidates };
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!steps[i].fill (&data, &error))
        {
          g_printerr ("%s: %s\n", steps[i].name, error->message);
          return 1;
        }
      g_printerr ("bench-data: %s in %.0f ms\n", steps[i].name,
                  (g_get_monotonic_time () - start) / 1000.0);
    }
  return 0;
}
