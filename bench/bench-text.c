/* bench-text.c — French text as a candidate writes it in an experience sheet, for the
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-text"

#include "config.h"

#include <string.h>

#include "acq-text.h"
#include "bench-text.h"

/* A sentence is a subject, a verb, a noun phrase and a few complements, each drawn from a list
 * where entry n comes 1/n as often as the first (Zipf's law, as in any text): the
 * words of the first noun phrases are in nearly every sheet, those at the end of the list in a
 * few percent of them, and the rare words (trades, villages) in a few hundred sheets of
 * 100,000. So a search meets every selectivity, as in a coach's real caseload. */

/* Per sentence: the chance of a rare word, in thousandths. */
#define RARE_PER_MILLE 4

static const char *const subjects[] = {
  "J'ai", "Nous avons", "Avec l'équipe, j'ai", "En binôme avec une collègue, j'ai",
  "Chaque semaine, j'ai", "Dès le premier rendez-vous, j'ai", "Pendant six mois, j'ai",
  "À la demande de ma responsable, j'ai", "Avec les partenaires, nous avons",
  "Lors de la réunion d'équipe, j'ai", "Au fil des entretiens, j'ai", "Sur le territoire, j'ai",
};

static const char *const verbs[] = {
  "accompagné", "organisé", "préparé", "animé", "mis en place", "construit", "suivi",
  "coordonné", "évalué", "présenté", "rédigé", "proposé", "analysé", "repéré", "mobilisé",
  "orienté", "sollicité", "formalisé", "adapté", "relancé", "co-construit", "négocié",
  "expliqué", "vérifié", "planifié", "transmis", "valorisé", "sécurisé", "réajusté",
  "recueilli", "identifié", "consigné", "retravaillé", "défendu",
};

/* Ordered by how often a coach writes them: the first in nearly every sheet. */
static const char *const noun_phrases[] = {
  "l'accompagnement", "les personnes accompagnées", "l'insertion professionnelle",
  "un entretien individuel", "les partenaires", "le projet professionnel", "l'emploi",
  "la situation de chaque personne", "les démarches administratives", "le parcours",
  "les jeunes", "l'équipe", "les employeurs", "le suivi", "des ateliers collectifs",
  "le public accueilli", "les bénéficiaires", "une formation qualifiante", "le diagnostic partagé",
  "le réseau", "les freins périphériques", "la mobilité", "le logement", "la santé", "le CV",
  "une lettre de motivation", "les offres d'emploi", "les entretiens d'embauche", "un bilan",
  "la structure", "les besoins", "la confiance en soi", "les compétences", "les objectifs",
  "un plan d'action", "le référent de parcours", "les outils numériques", "la plateforme",
  "les rendez-vous", "la posture professionnelle", "la médiation", "les aides financières",
  "le contrat d'engagement", "un stage", "une immersion en entreprise", "le permis de conduire",
  "le transport", "la garde d'enfants", "l'accès aux droits", "la CAF", "France Travail",
  "la mission locale", "le CCAS", "le conseil départemental", "la réunion de synthèse",
  "le compte rendu", "le dossier", "les pièces justificatives", "la prescription",
  "la commission", "les horaires", "la charte", "la confidentialité", "le secret professionnel",
  "la relation de confiance", "l'écoute active", "la reformulation", "les priorités",
  "le budget", "les ressources", "la formation continue", "la VAE", "le référentiel",
  "les fiches de poste", "le marché du travail", "les secteurs qui recrutent",
  "les métiers en tension", "une enquête métier", "la découverte des métiers",
  "une période d'essai", "le maintien dans l'emploi", "la sortie positive", "les indicateurs",
  "le tableau de bord", "le financeur", "l'appel à projets", "la convention", "le bilan annuel",
  "les statistiques", "le logiciel de suivi", "la messagerie", "le téléphone",
  "les visioconférences", "la fracture numérique", "l'autonomie", "la citoyenneté",
  "la langue française", "les cours de français", "la reconnaissance des diplômes",
  "le titre de séjour", "la domiciliation", "l'hébergement", "le foyer de jeunes travailleurs",
  "le bailleur social", "les impayés de loyer", "la demande de logement social",
  "la couverture santé", "la mutuelle", "le médecin traitant", "la souffrance psychique",
  "les addictions", "le handicap", "la RQTH", "l'ESAT", "l'entreprise adaptée",
  "la médecine du travail", "l'ergonomie du poste", "les aménagements", "la parentalité",
  "les violences conjugales", "la justice", "le service pénitentiaire", "la protection de l'enfance",
  "l'aide sociale à l'enfance", "les éducateurs", "les assistantes sociales",
  "les conseillers en insertion", "les chargés de relations entreprises", "les tuteurs",
  "les maîtres d'apprentissage", "l'apprentissage", "l'alternance", "le chantier d'insertion",
  "l'association intermédiaire", "l'entreprise d'insertion", "l'intérim", "le CDD", "le CDI",
  "le temps partiel", "le travail de nuit", "les déplacements", "la voiture", "le vélo",
  "les transports en commun", "le covoiturage", "le microcrédit", "le garage solidaire",
  "l'épicerie sociale", "le vestiaire solidaire", "les bénévoles", "la maison France services",
  "la médiathèque", "le centre social", "la maison de quartier", "le forum de l'emploi",
  "le job dating", "la simulation d'entretien", "le jeu de rôle", "la vidéo de présentation",
  "le portefeuille de compétences", "le passeport numérique", "les soft skills",
  "le savoir-être", "la gestion du stress", "la prise de parole", "l'estime de soi",
  "la remobilisation", "le décrochage", "le retour à l'emploi", "la reconversion",
  "la création d'entreprise", "la micro-entreprise", "la couveuse", "le business plan",
  "le prêt d'honneur", "la comptabilité", "les cotisations", "la retraite",
  "le chômage de longue durée", "les minima sociaux", "le RSA", "l'allocation adulte handicapé",
  "la prime d'activité", "les heures d'insertion", "la clause sociale", "les marchés publics",
  "le plan de formation", "l'OPCO", "le CPF", "la certification", "le jury",
  "l'évaluation en situation", "la mise en situation professionnelle", "le carnet de bord",
  "le journal de bord", "les traces écrites", "la grille d'observation", "le livret d'accueil",
  "le règlement intérieur", "l'interprétariat", "la médiation interculturelle",
  "la tutelle", "la curatelle", "le surendettement", "l'illettrisme", "l'ergothérapeute",
  "l'hébergement d'urgence", "la banque alimentaire", "la cellule d'écoute",
  "la permanence juridique", "le point accueil écoute jeunes", "le service civique",
  "l'école de la deuxième chance", "l'EPIDE", "le dispositif Cap emploi",
};

static const char *const connectors[] = {
  "avec", "pour", "dans le cadre de", "en lien avec", "afin de travailler", "auprès de",
  "autour de", "à partir de", "en tenant compte de", "sans oublier", "grâce à", "malgré",
  "au regard de", "en articulation avec", "pour mieux comprendre", "en appui sur",
  "à l'occasion de", "au service de",
};

static const char *const endings[] = {
  "", "", "", "", "", " chaque semaine", " en fin de mois", " dès le premier rendez-vous",
  " tout au long du parcours", " sur trois mois", " avant la commission",
  " selon les besoins repérés", " à la demande de la personne", " en toute confidentialité",
  " dans un délai court",
};

/* Trades and places that few sheets name. */
static const char *const rare_words[] = {
  "maraîchage", "apiculture", "sérigraphie", "horticulture", "menuiserie", "tapisserie",
  "cordonnerie", "œnologie", "pisciculture", "vannerie", "ferronnerie", "marqueterie",
  "boulangerie", "poissonnerie", "blanchisserie", "recyclerie", "ressourcerie", "couture",
  "ostréiculture", "sylviculture", "maroquinerie", "reliure", "ébénisterie", "tonnellerie",
  "fromagerie", "charcuterie", "pâtisserie", "chocolaterie", "brasserie", "distillerie",
  "Rocamadour", "Lalbenque", "Cajarc", "Saint-Cirq-Lapopie", "Gramat", "Labastide-Murat",
  "Castelnau-Montratier", "Puy-l'Évêque", "Prayssac", "Vayrac", "Bretenoux", "Lacapelle-Marival",
  "Latronquière", "Sousceyrac", "Montcuq", "Lauzerte", "Limogne", "Assier", "Livernon",
  "Marcilhac",
};

static const char *const rare_frames[] = {
  " dans le secteur de la %s", " pour un poste en %s", " lors d'une visite à %s",
  " avec un atelier de %s",
};

static const char *const title_starts[] = {
  "Accueil et diagnostic", "Animation d'un atelier", "Accompagnement individuel",
  "Mise en relation avec un employeur", "Travail en réseau", "Préparation à l'entretien",
  "Levée des freins", "Suivi dans l'emploi", "Bilan de parcours", "Orientation",
};

static const char *const organisations[] = {
  "Mission locale du Lot", "Association Tremplin", "CCAS de Cahors", "France Travail Figeac",
  "Régie de quartier", "Chantier d'insertion Les Jardins du Causse", "Secours populaire",
  "Croix-Rouge française", "Conseil départemental du Lot", "Cap emploi 46",
  "Entreprise d'insertion Recyclo", "Maison France services de Gourdon",
  "Centre social Pierre-Mendès-France", "Association Passerelle", "Foyer de jeunes travailleurs",
};

static const char *const departments[] = {
  "Accueil", "Pôle insertion", "Service emploi", "Pôle jeunes", "Accompagnement social",
  "Relations entreprises", "Formation", "Antenne de Souillac", "Antenne de Gramat", "",
};

typedef struct
{
  const char *const *items;
  guint              n_items;
  double            *cumulative; /* the Zipf weights summed, the last one is the total */
} ZipfList;

static ZipfList zipf_subjects = { subjects, G_N_ELEMENTS (subjects), NULL };
static ZipfList zipf_verbs = { verbs, G_N_ELEMENTS (verbs), NULL };
static ZipfList zipf_nouns = { noun_phrases, G_N_ELEMENTS (noun_phrases), NULL };
static ZipfList zipf_connectors = { connectors, G_N_ELEMENTS (connectors), NULL };

static const char *
zipf_pick (ZipfList *list, GRand *rand)
{
  double roll;
  guint low = 0, high;

  if (list->cumulative == NULL)
    {
      double total = 0;

      list->cumulative = g_new (double, list->n_items);
      for (guint i = 0; i < list->n_items; i++)
        {
          total += 1.0 / (i + 1);
          list->cumulative[i] = total;
        }
    }
  roll = g_rand_double (rand) * list->cumulative[list->n_items - 1];
  high = list->n_items - 1;
  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (list->cumulative[middle] < roll)
        low = middle + 1;
      else
        high = middle;
    }
  return list->items[low];
}

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* "de le" is "du", "à les" is "aux": the contractions French requires after a connector. */
static void
append_complement (GString *text, const char *connector, const char *noun)
{
  static const struct
  {
    const char *ending, *article, *contracted;
  } contractions[] = {
    { " de", "le ", " du " }, { " de", "les ", " des " }, { " de", "des ", " de " },
    { " de", "un ", " d'un " }, { " de", "une ", " d'une " }, { " à", "le ", " au " },
    { " à", "les ", " aux " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contractions); i++)
    if (g_str_has_suffix (connector, contractions[i].ending) &&
        g_str_has_prefix (noun, contractions[i].article))
      {
        g_string_append_len (text, connector,
                             strlen (connector) - strlen (contractions[i].ending));
        g_string_append (text, contractions[i].contracted);
        g_string_append (text, noun + strlen (contractions[i].article));
        return;
      }
  g_string_append_printf (text, "%s %s", connector, noun);
}

static void
append_sentence (GString *text, GRand *rand)
{
  guint n_complements = g_rand_int_range (rand, 0, 3);

  if (text->len > 0)
    g_string_append_c (text, g_rand_int_range (rand, 0, 6) == 0 ? '\n' : ' ');
  g_string_append_printf (text, "%s %s %s", zipf_pick (&zipf_subjects, rand),
                          zipf_pick (&zipf_verbs, rand), zipf_pick (&zipf_nouns, rand));
  for (guint i = 0; i < n_complements; i++)
    {
      g_string_append (text, i > 0 && g_rand_boolean (rand) ? ", " : " ");
      append_complement (text, zipf_pick (&zipf_connectors, rand), zipf_pick (&zipf_nouns, rand));
    }
  if (g_rand_int_range (rand, 0, 1000) < RARE_PER_MILLE)
    g_string_append_printf (text, PICK (rand, rare_frames), PICK (rand, rare_words));
  g_string_append (text, PICK (rand, endings));
  g_string_append_c (text, '.');
}

/**
 * bench_text_append:
 * @text: where to write
 * @rand: the random choices
 * @n_words: about how many words
 *
 * Appends whole sentences until @text has gained at least @n_words words.
 *
 * Returns: the words appended
 */
guint
bench_text_append (GString *text, GRand *rand, guint n_words)
{
  guint words = 0;

  while (words < n_words)
    {
      gsize start = text->len;

      append_sentence (text, rand);
      words += acq_text_count_words (text->str + start);
    }
  return words;
}

char *
bench_text_sentences (GRand *rand, guint n_words)
{
  GString *text = g_string_new (NULL);

  bench_text_append (text, rand, n_words);
  return g_string_free (text, FALSE);
}

char *
bench_text_title (GRand *rand)
{
  return g_strdup_printf ("%s : %s", PICK (rand, title_starts), zipf_pick (&zipf_nouns, rand));
}

const char *
bench_text_organisation (GRand *rand)
{
  return PICK (rand, organisations);
}

const char *
bench_text_department (GRand *rand)
{
  return PICK (rand, departments);
}
