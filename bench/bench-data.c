/* bench-data.c — fills a data folder with a coach's caseload, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-data"

#include "config.h"

#include <stdlib.h>

#include "acq-candidate-list.h"
#include "acq-referential.h"
#include "acq-sheet.h"
#include "acq-store.h"
#include "bench-text.h"

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
  guint             sheets_per_candidate;
  guint             words_per_sheet;
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

/* Sheets. acq_sheet_list_save () and acq_sheet_list_add () open a transaction of their own
 * (BEGIN IMMEDIATE does not nest), and a transaction per sheet makes FTS5 write and merge a
 * segment per sheet. So the rows go in with the SQL of the store's schema (migration 1 -> 2),
 * a thousand to a transaction; the store's triggers index them in sheet_fts and touch their
 * candidate, as for a sheet the app writes. */

#define SHEETS_PER_TRANSACTION 1000
#define ISO_TIMESTAMP "%Y-%m-%dT%H:%M:%S.%fZ"

static const char sql_insert_sheet[] =
  "INSERT INTO sheet (uuid, candidate_uuid, bloc_uuid, title, kind, tasks, means, partners,"
  " context, additional, organisation, department, period_from, period_to, review_state,"
  " revision, created_at, updated_at)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
static const char sql_insert_competence[] =
  "INSERT OR IGNORE INTO sheet_competence (sheet_uuid, competence_uuid, position)"
  " VALUES (?1, ?2, ?3)";

/* The share of a sheet's words in each rubric, in percent; the fifth is optional. */
static const guint rubric_shares[ACQ_N_RUBRICS] = { 40, 20, 15, 15, 10 };
/* How many sheets are at each review state, in tenths: most are drafts. */
static const guint review_weights[ACQ_N_REVIEW_STATES] = { 5, 2, 1, 2 };

static guint
pick_review_state (BenchData *data)
{
  guint total = 0, roll;

  for (guint i = 0; i < ACQ_N_REVIEW_STATES; i++)
    total += review_weights[i];
  roll = g_rand_int_range (data->rand, 0, total);
  for (guint i = 0; i < ACQ_N_REVIEW_STATES; i++)
    {
      if (roll < review_weights[i])
        return i;
      roll -= review_weights[i];
    }
  return ACQ_REVIEW_STATE_DRAFT;
}

static char *
days_ago (BenchData *data, GDateTime *now, int days, const char *format)
{
  g_autoptr (GDateTime) date =
    g_date_time_add_seconds (now, -days * 86400.0 - g_rand_int_range (data->rand, 0, 86400));

  return g_date_time_format (date, format);
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step_done (BenchData *data, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  return acq_store_set_error_from_sqlite (error, acq_store_get_db (data->store), rc,
                                          "inserting a sheet");
}

static gboolean
insert_sheet (BenchData *data, const AcqFiche *fiche, AcqCandidate *candidate, GDateTime *now,
              sqlite3_stmt *sheet, sqlite3_stmt *competence, GError **error)
{
  const AcqBlocDef *bloc =
    g_ptr_array_index (fiche->blocs, g_rand_int_range (data->rand, 0, fiche->blocs->len));
  g_autofree char *uuid = acq_store_new_uuid ();
  g_autofree char *title = bench_text_title (data->rand);
  int age = g_rand_int_range (data->rand, 1, 365);
  int years = g_rand_int_range (data->rand, 1, 12);
  g_autofree char *created = days_ago (data, now, age, ISO_TIMESTAMP);
  g_autofree char *updated = days_ago (data, now, g_rand_int_range (data->rand, 0, age),
                                       ISO_TIMESTAMP);
  g_autofree char *from = days_ago (data, now, years * 365 + 200, "%Y-%m-%d");
  g_autofree char *to = chance (data, 30) ? NULL : days_ago (data, now, years * 200, "%Y-%m-%d");
  /* from 75 % to 125 % of the words asked for */
  guint words = data->words_per_sheet * g_rand_int_range (data->rand, 75, 126) / 100;
  guint n_competences = g_rand_int_range (data->rand, 1, MIN (bloc->competence_uuids->len, 3) + 1);

  bind_text (sheet, 1, uuid);
  bind_text (sheet, 2, acq_candidate_get_uuid (candidate));
  bind_text (sheet, 3, bloc->uuid);
  bind_text (sheet, 4, title);
  sqlite3_bind_int (sheet, 5, g_rand_int_range (data->rand, 0, ACQ_N_SHEET_KINDS));
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *text = NULL;

      if (i != ACQ_RUBRIC_ADDITIONAL || !chance (data, 40))
        text = bench_text_sentences (data->rand, words * rubric_shares[i] / 100);
      bind_text (sheet, 6 + i, text != NULL ? text : "");
    }
  bind_text (sheet, 11, bench_text_organisation (data->rand));
  bind_text (sheet, 12, bench_text_department (data->rand));
  bind_text (sheet, 13, from);
  bind_text (sheet, 14, to);
  sqlite3_bind_int (sheet, 15, pick_review_state (data));
  sqlite3_bind_int (sheet, 16, g_rand_int_range (data->rand, 1, 40));
  bind_text (sheet, 17, created);
  bind_text (sheet, 18, updated);
  if (!step_done (data, sheet, error))
    return FALSE;

  for (guint i = 0; i < n_competences; i++)
    {
      guint index = g_rand_int_range (data->rand, 0, bloc->competence_uuids->len);

      bind_text (competence, 1, uuid);
      bind_text (competence, 2, g_ptr_array_index (bloc->competence_uuids, index));
      sqlite3_bind_int (competence, 3, i);
      if (!step_done (data, competence, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_sheets (BenchData *data, GError **error)
{
  g_autoptr (AcqFiche) fiche = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3 *db = acq_store_get_db (data->store);
  sqlite3_stmt *sheet = NULL, *competence = NULL;
  guint done = 0, total = data->candidates->len * data->sheets_per_candidate;
  gboolean ok = FALSE;
  int rc;

  if (total == 0)
    return TRUE;
  fiche = acq_referential_load (data->store, ACQ_REFERENTIAL_DEFAULT_FICHE, error);
  if (fiche == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (db, sql_insert_sheet, -1, &sheet, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql_insert_competence, -1, &competence, NULL);
  if (rc != SQLITE_OK)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "preparing the sheets");
      goto out;
    }

  /* the candidates in turn, so that each one's sheets are spread over the file as a
   * caseload written over a year is */
  for (guint round = 0; round < data->sheets_per_candidate; round++)
    for (guint i = 0; i < data->candidates->len; i++)
      {
        if (done % SHEETS_PER_TRANSACTION == 0 && !acq_store_begin (data->store, error))
          goto out;
        if (!insert_sheet (data, fiche, g_ptr_array_index (data->candidates, i), now, sheet,
                           competence, error))
          goto out;
        done++;
        if ((done % SHEETS_PER_TRANSACTION == 0 || done == total) &&
            !acq_store_commit (data->store, error))
          goto out;
        if (done % 10000 == 0)
          g_printerr ("bench-data: %u of %u sheets\n", done, total);
      }
  ok = TRUE;

out:
  if (!ok)
    acq_store_rollback (data->store);
  sqlite3_finalize (sheet);
  sqlite3_finalize (competence);
  return ok;
}

/* What a data folder holds, filled in this order. A later kind of record (reviews, journal
 * entries) adds its step here, working on data->candidates. */
typedef struct
{
  const char *name;
  gboolean  (*fill) (BenchData *data, GError **error);
} BenchStep;

static const BenchStep steps[] = {
  { "candidates", add_candidates },
  { "sheets", add_sheets },
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
  int n_sheets = 0;
  int n_words = 400;
  int seed = 1;
  gboolean backup = FALSE;
  const GOptionEntry entries[] = {
    { "candidates", 'n', 0, G_OPTION_ARG_INT, &n_candidates, "How many candidates (500)", "N" },
    { "sheets", 'S', 0, G_OPTION_ARG_INT, &n_sheets, "Experience sheets per candidate (0)", "N" },
    { "words", 'w', 0, G_OPTION_ARG_INT, &n_words, "Words per sheet, on average (400)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the random choices (1)", "SEED" },
    { "daily-backup", 'b', 0, G_OPTION_ARG_NONE, &backup,
      "Write today's backup, as the first start of the day does", NULL },
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
  if (args == NULL || g_strv_length (args) != 1 || n_candidates < 0 || n_sheets < 0 ||
      n_words < 1)
    {
      g_printerr ("Usage: %s [--candidates N] [--sheets N] [--words N] [--seed SEED]"
                  " [--daily-backup] DIR\n", g_get_prgname ());
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
  data = (BenchData) { store, list, rand, created, n_candidates, n_sheets, n_words };
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
  /* The app writes it on a thread at its first start of a day. Without it every measured start
   * would back the whole file up again (the bench ends the app before the backup of a large
   * file is done), which only the first start of a day does. */
  if (backup)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      g_clear_object (&list);
      g_clear_object (&store);
      if (!acq_store_backup_daily (args[0], now, NULL, &error))
        {
          g_printerr ("backup: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}
