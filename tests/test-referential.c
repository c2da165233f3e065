/* test-referential.c — the RNCP referential: parsing France Compétences' export, storing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-referential"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "acq-referential.h"
#include "acq-referential-private.h"
#include "acq-store.h"

#define SHIPPED_PATH ACQ_REFERENTIAL_RESOURCE_DIR ACQ_REFERENTIAL_DEFAULT_FICHE ".xml"

/* Fixtures: a temporary folder per test */

typedef struct
{
  char     *dir;
  AcqStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("acquis-referential-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_set_up_store (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;

  fixture_set_up (fixture, data);
  data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->store = acq_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers */

static GInputStream *
string_stream (const char *xml, gssize len)
{
  if (len < 0)
    len = strlen (xml);
  return g_memory_input_stream_new_from_data (g_memdup2 (xml, len), len, g_free);
}

static GBytes *
shipped_bytes (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (SHIPPED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static AcqFiche *
read_shipped (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = g_resources_open_stream (SHIPPED_PATH, 0, &error);
  AcqFiche *fiche;

  g_assert_no_error (error);
  fiche = acq_referential_read_fiche (stream, ACQ_REFERENTIAL_DEFAULT_FICHE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fiche);
  return fiche;
}

static gboolean
collect_fiche (AcqFiche *fiche, gpointer user_data)
{
  g_ptr_array_add (user_data, acq_fiche_copy (fiche));
  return TRUE;
}

/* Parses @xml for @numbers; returns the fiches read, or NULL with @error set. */
static GPtrArray *
parse_string (const char *xml, gssize len, const char *const *numbers, GError **error)
{
  g_autoptr (GInputStream) stream = string_stream (xml, len);
  g_autoptr (GPtrArray) fiches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_fiche_free);

  if (!acq_referential_parse (stream, numbers, collect_fiche, fiches, NULL, error))
    return NULL;
  return g_steal_pointer (&fiches);
}

static const AcqBlocDef *
bloc_at (const AcqFiche *fiche, guint i)
{
  g_assert_cmpuint (i, <, fiche->blocs->len);
  return g_ptr_array_index (fiche->blocs, i);
}

static const char *
competence_at (const AcqBlocDef *bloc, guint i)
{
  g_assert_cmpuint (i, <, bloc->competences->len);
  return g_ptr_array_index (bloc->competences, i);
}

static void
assert_parse_error (const char *xml, gssize len, const char *number, GQuark domain, int code)
{
  const char *numbers[] = { number, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fiches = parse_string (xml, len, number ? numbers : NULL, &error);

  g_assert_error (error, domain, code);
  g_assert_null (fiches);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("expected error: %s", error->message);
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n"
#define TAIL "</FICHES>\n"
#define BLOC(code, list) \
  "<BLOC_COMPETENCES><CODE>" code "</CODE><LIBELLE>Bloc " code "</LIBELLE>" \
  "<LISTE_COMPETENCES>" list "</LISTE_COMPETENCES>" \
  "<MODALITES_EVALUATION>Mise en situation</MODALITES_EVALUATION></BLOC_COMPETENCES>\n"
#define FICHE(number, blocs) \
  "<FICHE><NUMERO_FICHE>" number "</NUMERO_FICHE><INTITULE>Titre " number "</INTITULE>" \
  "<ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>" blocs "</BLOCS_COMPETENCES></FICHE>\n"

/* Parsing the shipped fiche */

static void
assert_bloc (const AcqFiche *fiche,
             guint           i,
             const char     *code,
             const char     *title,
             guint           n,
             const char     *first,
             const char     *last)
{
  const AcqBlocDef *bloc = bloc_at (fiche, i);

  g_assert_cmpstr (bloc->code, ==, code);
  g_assert_cmpint (bloc->position, ==, i + 1);
  g_assert_cmpstr (bloc->title, ==, title);
  g_assert_cmpuint (bloc->competences->len, ==, n);
  g_assert_cmpstr (competence_at (bloc, 0), ==, first);
  g_assert_cmpstr (competence_at (bloc, n - 1), ==, last);
  g_assert_true (g_str_has_prefix (bloc->evaluation, "Les compétences du bloc sont évaluées"));
  g_assert_true (acq_fiche_find_bloc (fiche, code) == bloc);
}

static void
test_parse_shipped_fiche (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();

  g_assert_cmpstr (fiche->number, ==, "RNCP37274");
  g_assert_cmpstr (fiche->title, ==, "Conseiller en insertion professionnelle");
  g_assert_true (fiche->active);
  g_assert_null (fiche->uuid);
  g_assert_cmpuint (fiche->blocs->len, ==, 3);
  assert_bloc (fiche, 0, "RNCP37274BC01",
               "Accueillir pour analyser la demande des personnes et poser les bases d'un "
               "diagnostic partagé",
               5,
               "Informer une personne ou un groupe sur les ressources en matière d'insertion, "
               "les dispositifs existants et les services dématérialisés.",
               "Réaliser le traitement administratif du suivi et produire des écrits "
               "professionnels dans un environnement numérique.");
  assert_bloc (fiche, 1, "RNCP37274BC02",
               "Accompagner les personnes dans leur parcours d'insertion sociale et "
               "professionnelle",
               6,
               "Contractualiser avec la personne les objectifs, les étapes et les modalités de "
               "son parcours d'insertion professionnelle.",
               "Analyser sa pratique professionnelle afin d'ajuster son intervention et "
               "d'améliorer la qualité de l'accompagnement proposé.");
  assert_bloc (fiche, 2, "RNCP37274BC03",
               "Mettre en œuvre une offre de services auprès des employeurs pour favoriser "
               "l'insertion professionnelle",
               5,
               "Déployer des actions de prospection auprès des employeurs du territoire afin de "
               "repérer des opportunités d'insertion.",
               "Articuler les besoins des employeurs avec les projets, compétences et "
               "possibilités des personnes accompagnées.");
  g_assert_cmpstr (competence_at (bloc_at (fiche, 1), 2), ==,
                   "Soutenir la mise en œuvre du projet en aidant à lever les freins sociaux et "
                   "professionnels rencontrés.");
  g_assert_null (bloc_at (fiche, 0)->competence_uuids);
  g_assert_null (acq_fiche_find_bloc (fiche, "RNCP37274BC04"));
}

static void
test_parse_shipped_all (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) bytes = shipped_bytes ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fiches = parse_string (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fiches->len, ==, 1);
}

static void
test_parse_missing_fiche (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) bytes = shipped_bytes ();
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = acq_referential_read_fiche (stream, "RNCP00001", NULL, &error);

  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND);
  g_assert_null (fiche);
  g_assert_nonnull (strstr (error->message, "RNCP00001"));
}

/* The shapes the real export's free text comes in */

static void
test_parse_html_bullets (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD
    "<FICHE><NUMERO_FICHE> RNCP1 </NUMERO_FICHE><INTITULE>Titre\n  sur deux lignes</INTITULE>"
    "<ACTIF>Non</ACTIF><BLOCS_COMPETENCES>\n"
    BLOC ("RNCP1BC01", "&lt;p&gt;Comp&amp;eacute;tences :&lt;/p&gt;&lt;ul&gt;"
                       "&lt;li&gt;Informer les publics&lt;/li&gt;"
                       "&lt;li&gt;- Analyser&lt;br/&gt;la  demande&lt;/li&gt;&lt;/ul&gt;")
    BLOC ("RNCP1BC02", "Introduction sans puce\n• Premier\n  suite du premier\n– Deuxième"
                       "\n— Troisième\n* Quatrième &amp;nbsp;\n\n- <![CDATA[Cinquième < 3 ans]]>")
    BLOC ("RNCP1BC03", "&lt;p&gt;Une compétence par paragraphe&lt;/p&gt;"
                       "&lt;p&gt;Une autre, l&amp;rsquo;accent &amp;#233; et &amp;#x1;&lt;/p&gt;")
    "</BLOCS_COMPETENCES></FICHE>\n" TAIL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fiches = parse_string (xml, -1, NULL, &error);
  const AcqFiche *fiche;
  const AcqBlocDef *bloc;

  g_assert_no_error (error);
  g_assert_cmpuint (fiches->len, ==, 1);
  fiche = g_ptr_array_index (fiches, 0);
  g_assert_cmpstr (fiche->number, ==, "RNCP1");
  g_assert_cmpstr (fiche->title, ==, "Titre sur deux lignes");
  g_assert_false (fiche->active);

  bloc = bloc_at (fiche, 0);
  g_assert_cmpuint (bloc->competences->len, ==, 2);
  g_assert_cmpstr (competence_at (bloc, 0), ==, "Informer les publics");
  g_assert_cmpstr (competence_at (bloc, 1), ==, "Analyser la demande");

  bloc = bloc_at (fiche, 1);
  g_assert_cmpuint (bloc->competences->len, ==, 5);
  g_assert_cmpstr (competence_at (bloc, 0), ==, "Premier suite du premier");
  g_assert_cmpstr (competence_at (bloc, 1), ==, "Deuxième");
  g_assert_cmpstr (competence_at (bloc, 2), ==, "Troisième");
  g_assert_cmpstr (competence_at (bloc, 3), ==, "Quatrième");
  g_assert_cmpstr (competence_at (bloc, 4), ==, "Cinquième < 3 ans");
  g_assert_cmpstr (bloc->evaluation, ==, "Mise en situation");

  bloc = bloc_at (fiche, 2);
  g_assert_cmpuint (bloc->competences->len, ==, 2);
  g_assert_cmpstr (competence_at (bloc, 0), ==, "Une compétence par paragraphe");
  g_assert_cmpstr (competence_at (bloc, 1), ==, "Une autre, l’accent é et");
}

static void
test_parse_select_numbers (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD "<VERSION_FLUX>4.1</VERSION_FLUX>\n"
    FICHE ("RNCP10", BLOC ("RNCP10BC01", "- Un"))
    "<FICHE><NUMERO_FICHE>RS20</NUMERO_FICHE><INTITULE>Sans bloc</INTITULE></FICHE>\n"
    FICHE ("RNCP30", BLOC ("RNCP30BC01", "- Un") BLOC ("RNCP30BC02", "- Deux\n- Trois"))
    "<FICHE/>\n" TAIL;
  const char *wanted[] = { "RNCP30", "RNCP10", "RNCP30", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = parse_string (xml, -1, NULL, &error);
  g_autoptr (GPtrArray) some = NULL;

  /* Reading them all passes over the fiche without blocs. */
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((AcqFiche *) g_ptr_array_index (all, 1))->number, ==, "RNCP30");

  some = parse_string (xml, -1, wanted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (((AcqFiche *) g_ptr_array_index (some, 0))->number, ==, "RNCP10");
  g_assert_cmpuint (bloc_at (g_ptr_array_index (some, 1), 1)->competences->len, ==, 2);

  /* Asked for by number, it is an error. */
  assert_parse_error (xml, -1, "RS20", ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_INCOMPLETE);
  assert_parse_error (xml, -1, "RNCP40", ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND);
}

static gboolean
stop_at_first (AcqFiche *fiche, gpointer user_data)
{
  (*(guint *) user_data)++;
  return FALSE;
}

static void
test_parse_stop_early (Fixture *fixture, gconstpointer data)
{
  /* Once the callback stops, the rest of the file is not read, damaged or not. */
  static const char xml[] = HEAD FICHE ("RNCP10", BLOC ("RNCP10BC01", "- Un")) "<FICHE><NUM";
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GError) error = NULL;
  guint count = 0;

  g_assert_true (acq_referential_parse (stream, NULL, stop_at_first, &count, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);
}

/* Damaged and hostile files */

static void
test_parse_truncated (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GBytes) bytes = shipped_bytes ();
  const char *xml = g_bytes_get_data (bytes, NULL);
  gsize size = g_bytes_get_size (bytes);
  const gsize cuts[] = { 0, 1, 30, 200, size / 4, size / 2, size * 3 / 4, size - 40, size - 12,
                         size - 2 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) fiches = parse_string (xml, cuts[i], NULL, &error);

      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], size);
      g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
      g_assert_null (fiches);
      g_assert_nonnull (strstr (error->message, "line"));
    }
  /* Cut inside the fiche, asking for it. */
  assert_parse_error (xml, size / 2, ACQ_REFERENTIAL_DEFAULT_FICHE, ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_MALFORMED);
}

static void
test_parse_billion_laughs (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE FICHES [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<FICHES>" FICHE ("RNCP1", BLOC ("RNCP1BC01", "- &lol9;&lol9;&lol9;&lol9;")) TAIL;
  gint64 start = g_get_monotonic_time ();

  assert_parse_error (xml, -1, NULL, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (xml, -1, "RNCP1", ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_parse_external_entity (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE FICHES [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<FICHES>" FICHE ("RNCP1", BLOC ("RNCP1BC01", "- &xxe;")) TAIL;
  static const char dtd[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE FICHES SYSTEM \"file:///etc/passwd\">\n"
    "<FICHES>" FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un")) TAIL;
  static const char undeclared[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- &xxe;")) TAIL;

  assert_parse_error (xml, -1, NULL, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (xml, -1, "RNCP1", ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (dtd, -1, "RNCP1", ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (undeclared, -1, NULL, ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_MALFORMED);
}

static void
test_parse_huge_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GString) xml = g_string_new (HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un")));
  g_autoptr (GPtrArray) fiches = NULL;
  g_autoptr (GError) error = NULL;
  const char *first[] = { "RNCP1", NULL };

  g_string_append (xml, "<FICHE><NUMERO_FICHE>RNCP2</NUMERO_FICHE><INTITULE>Énorme</INTITULE>"
                        "<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>RNCP2BC01</CODE>"
                        "<LISTE_COMPETENCES>- ");
  for (guint i = 0; i < 1024 * 1024 / 8; i++)
    g_string_append (xml, "abcdéfg");
  g_string_append (xml, "</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE>"
                        TAIL);
  g_assert_cmpuint (xml->len, >, 1024 * 1024);

  assert_parse_error (xml->str, xml->len, NULL, ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_TOO_LARGE);
  assert_parse_error (xml->str, xml->len, "RNCP2", ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_TOO_LARGE);
  /* The fiche before it is read without ever looking at it. */
  fiches = parse_string (xml->str, xml->len, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fiches->len, ==, 1);
}

static void
test_parse_invalid_utf8 (Fixture *fixture, gconstpointer data)
{
  static const char bad_bytes[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un \xff\xfe deux"));
  static const char surrogate[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un \xed\xa0\x80"));
  static const char overlong[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un \xc0\xaf"));
  static const char control[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un \x01"));
  static const char latin1[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<FICHES>"
    FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Comp\xe9tence")) TAIL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) fiches = NULL;

  assert_parse_error (bad_bytes, -1, NULL, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (surrogate, -1, "RNCP1", ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (overlong, -1, NULL, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error (control, -1, NULL, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);

  /* A declared encoding is honoured, and what comes out is UTF-8. */
  fiches = parse_string (latin1, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (competence_at (bloc_at (g_ptr_array_index (fiches, 0), 0), 0), ==,
                   "Compétence");
}

static void
test_parse_incomplete (Fixture *fixture, gconstpointer data)
{
  static const char no_competence[] =
    HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un") BLOC ("RNCP1BC02", "&lt;p&gt; &lt;/p&gt;"))
    TAIL;
  static const char no_code[] = HEAD FICHE ("RNCP1", BLOC ("", "- Un")) TAIL;
  static const char no_bloc[] = HEAD FICHE ("RNCP1", "") TAIL;
  static const char twice[] =
    HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un") BLOC ("RNCP1BC01", "- Deux")) TAIL;
  static const char no_title[] =
    HEAD "<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><BLOCS_COMPETENCES>"
    BLOC ("RNCP1BC01", "- Un") "</BLOCS_COMPETENCES></FICHE>" TAIL;
  const char *const cases[] = { no_competence, no_code, no_bloc, twice, no_title };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) all = parse_string (cases[i], -1, NULL, &error);

      assert_parse_error (cases[i], -1, "RNCP1", ACQ_REFERENTIAL_ERROR,
                          ACQ_REFERENTIAL_ERROR_INCOMPLETE);
      g_assert_no_error (error);
      g_assert_cmpuint (all->len, ==, 0);
    }
}

static void
test_parse_not_an_export (Fixture *fixture, gconstpointer data)
{
  assert_parse_error ("<html><body>Not found</body></html>", -1, NULL, ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_MALFORMED);
  assert_parse_error ("PK\x03\x04 a zip file", -1, NULL, ACQ_REFERENTIAL_ERROR,
                      ACQ_REFERENTIAL_ERROR_MALFORMED);
}

static gboolean
cancel_at_first (AcqFiche *fiche, gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return TRUE;
}

static void
test_parse_cancelled (Fixture *fixture, gconstpointer data)
{
  static const char xml[] = HEAD FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Un"))
                            FICHE ("RNCP2", BLOC ("RNCP2BC01", "- Un")) TAIL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = NULL;

  g_assert_false (acq_referential_parse (stream, NULL, cancel_at_first, cancellable, cancellable,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_clear_object (&stream);
  stream = string_stream (xml, -1);
  fiche = acq_referential_read_fiche (stream, "RNCP1", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fiche);
}

/* A full-size export: constant memory, whatever the size */

#define BIG_FICHES 6000
#define BIG_WANTED 5990

static void
append_big_fiche (GString *out, guint i)
{
  g_string_append_printf (out, "<FICHE><ID_FICHE>%u</ID_FICHE><NUMERO_FICHE>RNCP%u</NUMERO_FICHE>"
                               "<INTITULE>Certification d'essai n° %u</INTITULE>"
                               "<ABREGE><CODE>TP</CODE><LIBELLE>Titre professionnel</LIBELLE>"
                               "</ABREGE><ACTIF>Oui</ACTIF>\n<ACTIVITES_VISEES>",
                          i, 100000 + i, i);
  for (guint k = 0; k < 56; k++)
    g_string_append_printf (out, "&lt;p&gt;Activité visée %u.%u : le titulaire accueille, "
                                 "informe et oriente les publics du territoire.&lt;/p&gt;\n",
                            i, k);
  g_string_append (out, "</ACTIVITES_VISEES>\n<BLOCS_COMPETENCES>\n");
  for (guint b = 1; b <= 3; b++)
    {
      g_string_append_printf (out, "<BLOC_COMPETENCES><CODE>RNCP%uBC%02u</CODE>"
                                   "<LIBELLE>Bloc %u de la fiche %u</LIBELLE>"
                                   "<LISTE_COMPETENCES>",
                              100000 + i, b, b, i);
      for (guint c = 1; c <= 5; c++)
        g_string_append_printf (out, "&lt;p&gt;- Compétence %u.%u.%u, décrite en une phrase "
                                     "assez longue pour ressembler aux vraies.&lt;/p&gt;\n",
                                i, b, c);
      g_string_append (out, "</LISTE_COMPETENCES><MODALITES_EVALUATION>Mise en situation "
                            "professionnelle et entretien avec le jury."
                            "</MODALITES_EVALUATION></BLOC_COMPETENCES>\n");
    }
  g_string_append (out, "</BLOCS_COMPETENCES></FICHE>\n");
}

/* Written one fiche at a time, so that the test itself stays small in memory. */
static char *
write_big_export (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                                      NULL, &error);
  g_autoptr (GString) chunk = g_string_new (HEAD "<VERSION_FLUX>4.1</VERSION_FLUX>\n");
  guint64 total = 0;

  g_assert_no_error (error);
  for (guint i = 0; i <= BIG_FICHES; i++)
    {
      if (i < BIG_FICHES)
        append_big_fiche (chunk, i);
      else
        g_string_append (chunk, TAIL);
      g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str, chunk->len, NULL, NULL,
                                 &error);
      g_assert_no_error (error);
      total += chunk->len;
      g_string_truncate (chunk, 0);
    }
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, >=, 50 * 1024 * 1024);
  g_test_message ("export of %u fiches, %" G_GUINT64_FORMAT " bytes", BIG_FICHES, total);
  return g_steal_pointer (&path);
}

static gsize
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* Resets VmHWM to the present size, so that the peak measured is the next parse's and not
 * that of an earlier test. */
static void
reset_peak_memory (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  if (clear_refs == NULL)
    return;
  fputs ("5", clear_refs);
  fclose (clear_refs);
}

static gboolean
count_fiche (AcqFiche *fiche, gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* Runs one parse of @path and returns the growth of the peak resident memory, in KiB. */
static gsize
parse_big_export (const char *path, const char *const *numbers, guint *count, gint64 *usec)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, &error);
  gsize rss_before;
  gint64 start;

  g_assert_no_error (error);
  reset_peak_memory ();
  rss_before = status_kib ("VmRSS:");
  start = g_get_monotonic_time ();
  g_assert_true (acq_referential_parse (G_INPUT_STREAM (in), numbers, count_fiche, count, NULL,
                                        &error));
  g_assert_no_error (error);
  *usec = g_get_monotonic_time () - start;
  return status_kib ("VmHWM:") - MIN (rss_before, status_kib ("VmHWM:"));
}

static void
test_parse_large_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = write_big_export (fixture->dir);
  g_autofree char *wanted = g_strdup_printf ("RNCP%u", 100000 + BIG_WANTED);
  const char *numbers[] = { wanted, NULL };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  guint count = 0;
  gint64 usec;
  gsize growth_one, growth_all;

  growth_one = parse_big_export (path, numbers, &count, &usec);
  g_assert_cmpuint (count, ==, 1);
  g_test_message ("one fiche near the end: %.2f s, peak memory growth %" G_GSIZE_FORMAT " KiB",
                  usec / 1e6, growth_one);

  count = 0;
  growth_all = parse_big_export (path, NULL, &count, &usec);
  g_assert_cmpuint (count, ==, BIG_FICHES);
  g_test_message ("all %u fiches: %.2f s, peak memory growth %" G_GSIZE_FORMAT " KiB", count,
                  usec / 1e6, growth_all);

#if defined(__SANITIZE_ADDRESS__)
  g_test_message ("memory bound not checked under AddressSanitizer (its quarantine holds freed "
                  "memory)");
#else
  g_assert_cmpuint (growth_one, <, 30 * 1024);
  g_assert_cmpuint (growth_all, <, 30 * 1024);
#endif

  in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_assert_no_error (error);
  fiche = acq_referential_read_fiche (in, wanted, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fiche->blocs->len, ==, 3);
  g_assert_cmpstr (bloc_at (fiche, 2)->code, ==, "RNCP105990BC03");
  g_assert_cmpuint (bloc_at (fiche, 2)->competences->len, ==, 5);
  g_assert_cmpstr (competence_at (bloc_at (fiche, 2), 4), ==,
                   "Compétence 5990.3.5, décrite en une phrase assez longue pour ressembler aux "
                   "vraies.");
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* uuids and the boxed type */

static void
test_uuid_derived (Fixture *fixture, gconstpointer data)
{
  /* The values Python's uuid.uuid5 (uuid.NAMESPACE_URL, name) gives. */
  static const char *const expected[][2] = {
    { "acquis:certification:RNCP37274", "44ce209c-1c57-5e5b-9e86-6ca280d127d6" },
    { "acquis:bloc:RNCP37274BC01", "6a49ae35-0a13-507c-8c3d-b645740f864d" },
    { "acquis:competence:RNCP37274BC01:1", "69be3b17-e196-5b6e-995f-daaf095519e0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *uuid = acq_referential_derive_uuid (expected[i][0]);

      g_assert_cmpstr (uuid, ==, expected[i][1]);
    }
}

static void
test_fiche_copy (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();
  g_autoptr (AcqFiche) copy = g_boxed_copy (ACQ_TYPE_FICHE, fiche);

  g_assert_true (G_TYPE_IS_BOXED (ACQ_TYPE_FICHE));
  g_assert_true (copy != fiche);
  g_assert_cmpstr (copy->number, ==, fiche->number);
  g_assert_cmpuint (copy->blocs->len, ==, fiche->blocs->len);
  g_assert_true (bloc_at (copy, 1) != bloc_at (fiche, 1));
  g_assert_cmpstr (competence_at (bloc_at (copy, 1), 5), ==, competence_at (bloc_at (fiche, 1), 5));
}

/* The store */

static int
count_rows (AcqStore *store, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* Everything the referential tables hold, as text, to compare states. */
static char *
dump_tables (AcqStore *store)
{
  static const char *const queries[] = {
    "SELECT uuid, rncp, title, active, created_at, updated_at FROM certification ORDER BY uuid",
    "SELECT uuid, certification_uuid, code, position, title, evaluation, created_at, updated_at "
    "FROM bloc ORDER BY uuid",
    "SELECT uuid, bloc_uuid, position, label, created_at, updated_at FROM competence "
    "ORDER BY uuid",
  };
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), queries[i], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (dump, FALSE);
}

static void
assert_fiches_equal (const AcqFiche *a, const AcqFiche *b)
{
  g_assert_cmpstr (a->number, ==, b->number);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpint (a->active, ==, b->active);
  g_assert_cmpuint (a->blocs->len, ==, b->blocs->len);
  for (guint i = 0; i < a->blocs->len; i++)
    {
      const AcqBlocDef *x = bloc_at (a, i);
      const AcqBlocDef *y = bloc_at (b, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpint (x->position, ==, y->position);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->evaluation, ==, y->evaluation);
      g_assert_cmpuint (x->competences->len, ==, y->competences->len);
      for (guint j = 0; j < x->competences->len; j++)
        g_assert_cmpstr (competence_at (x, j), ==, competence_at (y, j));
    }
}

static AcqFiche *
load (AcqStore *store, const char *number)
{
  g_autoptr (GError) error = NULL;
  AcqFiche *fiche = acq_referential_load (store, number, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fiche);
  return fiche;
}

static void
store (AcqStore *store, const AcqFiche *fiche)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_referential_store_fiche (store, fiche, &error));
  g_assert_no_error (error);
}

static void
test_store_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();
  g_autoptr (AcqFiche) loaded = NULL;
  const AcqBlocDef *bloc;

  store (fixture->store, fiche);
  loaded = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  assert_fiches_equal (fiche, loaded);

  g_assert_cmpstr (loaded->uuid, ==, "44ce209c-1c57-5e5b-9e86-6ca280d127d6");
  bloc = bloc_at (loaded, 0);
  g_assert_cmpstr (bloc->uuid, ==, "6a49ae35-0a13-507c-8c3d-b645740f864d");
  g_assert_nonnull (bloc->competence_uuids);
  g_assert_cmpuint (bloc->competence_uuids->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (bloc->competence_uuids, 0), ==,
                   "69be3b17-e196-5b6e-995f-daaf095519e0");

  g_assert_cmpint (count_rows (fixture->store, "certification"), ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "bloc"), ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "competence"), ==, 16);
}

static void
test_store_idempotent (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();
  g_autoptr (AcqFiche) first = NULL;
  g_autoptr (AcqFiche) second = NULL;
  g_autofree char *dump_first = NULL;
  g_autofree char *dump_second = NULL;
  int changes;

  store (fixture->store, fiche);
  first = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  dump_first = dump_tables (fixture->store);
  changes = sqlite3_total_changes (acq_store_get_db (fixture->store));

  g_usleep (2000);
  store (fixture->store, fiche);
  second = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  dump_second = dump_tables (fixture->store);

  g_assert_cmpstr (dump_first, ==, dump_second);
  g_assert_cmpint (sqlite3_total_changes (acq_store_get_db (fixture->store)), ==, changes);
  g_assert_cmpstr (first->uuid, ==, second->uuid);
  for (guint i = 0; i < first->blocs->len; i++)
    {
      g_assert_cmpstr (bloc_at (first, i)->uuid, ==, bloc_at (second, i)->uuid);
      for (guint j = 0; j < bloc_at (first, i)->competence_uuids->len; j++)
        g_assert_cmpstr (g_ptr_array_index (bloc_at (first, i)->competence_uuids, j), ==,
                         g_ptr_array_index (bloc_at (second, i)->competence_uuids, j));
    }
  g_assert_cmpint (count_rows (fixture->store, "bloc"), ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "competence"), ==, 16);
}

static void
test_store_update_wording (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();
  g_autoptr (AcqFiche) before = NULL;
  g_autoptr (AcqFiche) after = NULL;
  AcqBlocDef *bloc;
  gpointer swap;

  store (fixture->store, fiche);
  before = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);

  /* A new version of the fiche: a reworded competence, one fewer, blocs in another order. */
  bloc = g_ptr_array_index (fiche->blocs, 0);
  g_free (bloc->competences->pdata[1]);
  bloc->competences->pdata[1] = g_strdup ("Analyser la demande, autrement dit.");
  g_ptr_array_remove_index (((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 2))->competences, 4);
  swap = fiche->blocs->pdata[0];
  fiche->blocs->pdata[0] = fiche->blocs->pdata[1];
  fiche->blocs->pdata[1] = swap;
  ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 0))->position = 1;
  ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 1))->position = 2;
  store (fixture->store, fiche);

  after = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  assert_fiches_equal (fiche, after);
  g_assert_cmpstr (bloc_at (after, 1)->code, ==, "RNCP37274BC01");
  g_assert_cmpstr (bloc_at (after, 1)->uuid, ==, bloc_at (before, 0)->uuid);
  g_assert_cmpstr (g_ptr_array_index (bloc_at (after, 1)->competence_uuids, 1), ==,
                   g_ptr_array_index (bloc_at (before, 0)->competence_uuids, 1));
  g_assert_cmpstr (competence_at (bloc_at (after, 1), 1), ==,
                   "Analyser la demande, autrement dit.");
  g_assert_cmpint (count_rows (fixture->store, "bloc"), ==, 3);
  g_assert_cmpint (count_rows (fixture->store, "competence"), ==, 15);

  /* A bloc the fiche no longer has goes, with its competences. */
  g_ptr_array_remove_index (fiche->blocs, 0);
  ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 0))->position = 1;
  ((AcqBlocDef *) g_ptr_array_index (fiche->blocs, 1))->position = 2;
  store (fixture->store, fiche);
  g_clear_pointer (&after, acq_fiche_free);
  after = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  assert_fiches_equal (fiche, after);
  g_assert_null (acq_fiche_find_bloc (after, "RNCP37274BC02"));
  g_assert_cmpint (count_rows (fixture->store, "bloc"), ==, 2);
  g_assert_cmpint (count_rows (fixture->store, "competence"), ==, 9);
}

static void
test_store_incomplete (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();
  g_autoptr (GError) error = NULL;

  g_ptr_array_set_size (bloc_at (fiche, 2)->competences, 0);
  g_assert_false (acq_referential_store_fiche (fixture->store, fiche, &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_INCOMPLETE);
  g_assert_cmpint (count_rows (fixture->store, "certification"), ==, 0);
}

static void
test_store_load_missing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = acq_referential_load (fixture->store, "RNCP37274", &error);

  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND);
  g_assert_null (fiche);
}

static void
test_store_ensure_default (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_again = NULL;
  int changes;

  g_assert_true (acq_referential_ensure_default (fixture->store, &error));
  g_assert_no_error (error);
  dump = dump_tables (fixture->store);
  changes = sqlite3_total_changes (acq_store_get_db (fixture->store));

  g_assert_true (acq_referential_ensure_default (fixture->store, &error));
  g_assert_no_error (error);
  dump_again = dump_tables (fixture->store);
  g_assert_cmpstr (dump, ==, dump_again);
  g_assert_cmpint (sqlite3_total_changes (acq_store_get_db (fixture->store)), ==, changes);

  fiche = load (fixture->store, ACQ_REFERENTIAL_DEFAULT_FICHE);
  g_assert_cmpuint (fiche->blocs->len, ==, 3);
  g_assert_cmpuint (bloc_at (fiche, 1)->competences->len, ==, 6);
  g_assert_cmpint (count_rows (fixture->store, "competence"), ==, 16);
}

/* A zip as France Compétences ships its export, with the entries given (name, contents). */
static char *
write_zip (Fixture *fixture, const char *name, const char *const *entries)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; entries[i] != NULL; i += 2)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize len = strlen (entries[i + 1]);

      archive_entry_set_pathname (entry, entries[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, len);
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (zip, entries[i + 1], len), ==, (la_ssize_t) len);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_free (zip), ==, ARCHIVE_OK);
  return path;
}

/* The zipped export reads as the XML inside it; a zip without XML, or cut short, says so. */
static void
test_open_zipped_export (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD FICHE ("RNCP7", BLOC ("RNCP7BC01", "- Informer\n- Analyser")) TAIL;
  const char *const with_xml[] = { "LISEZMOI.txt", "Export du jour", "export-rncp.xml", xml,
                                   NULL };
  const char *const without_xml[] = { "LISEZMOI.txt", "Rien d'autre", NULL };
  g_autofree char *zip = write_zip (fixture, "export.zip", with_xml);
  g_autofree char *empty = write_zip (fixture, "vide.zip", without_xml);
  g_autofree char *cut = g_build_filename (fixture->dir, "coupe.zip", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GPtrArray) fiches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_fiche_free);
  g_autoptr (GError) error = NULL;
  gsize length;

  fiche = acq_referential_read_fiche_file (zip, "RNCP7", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fiche->blocs->len, ==, 1);
  g_assert_cmpstr (competence_at (bloc_at (fiche, 0), 1), ==, "Analyser");

  g_assert_null (acq_referential_open_export (empty, &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "holds no XML file"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (zip, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length * 2 / 3, NULL));
  stream = acq_referential_open_export (cut, &error);
  if (stream != NULL)
    g_assert_false (acq_referential_list (stream, collect_fiche, fiches, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
}

/* A list of the export shows every fiche with a number, those without blocs too, and spares
 * the splitting of their lists. */
static void
test_list_headers (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD
    FICHE ("RNCP1", BLOC ("RNCP1BC01", "- Informer\n- Analyser") BLOC ("RNCP1BC02", "- Animer"))
    "<FICHE><NUMERO_FICHE>RS5</NUMERO_FICHE><INTITULE>Sans blocs</INTITULE><ACTIF>Non</ACTIF>"
    "</FICHE>\n"
    "<FICHE><INTITULE>Sans numéro</INTITULE></FICHE>\n"
    TAIL;
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GPtrArray) fiches = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_fiche_free);
  g_autoptr (GError) error = NULL;
  const AcqFiche *fiche;

  g_assert_true (acq_referential_list (stream, collect_fiche, fiches, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fiches->len, ==, 2);
  fiche = g_ptr_array_index (fiches, 0);
  g_assert_cmpstr (fiche->number, ==, "RNCP1");
  g_assert_cmpuint (fiche->blocs->len, ==, 2);
  g_assert_cmpstr (bloc_at (fiche, 1)->code, ==, "RNCP1BC02");
  g_assert_cmpuint (bloc_at (fiche, 0)->competences->len, ==, 0);
  fiche = g_ptr_array_index (fiches, 1);
  g_assert_cmpstr (fiche->number, ==, "RS5");
  g_assert_false (fiche->active);
  g_assert_cmpuint (fiche->blocs->len, ==, 0);
}

/* Every shape of competence list the national export holds, made up here (never copied
 * from it): what a certifier typed, and the competences Acquis must find in it. */
static void
test_split_shapes (Fixture *fixture, gconstpointer data)
{
  static const struct { const char *shape, *text, *expected; } cases[] = {
    { "blank lines", "Informer les publics\n\nAnalyser la demande",
      "Informer les publics|Analyser la demande" },
    { "one per line", "Informer les publics\nAnalyser la demande\nAccompagner le parcours",
      "Informer les publics|Analyser la demande|Accompagner le parcours" },
    { "bullets on lines", "- Informer les publics\n  sur les dispositifs\n- Analyser la demande",
      "Informer les publics sur les dispositifs|Analyser la demande" },
    { "stars inline", "* Informer les publics * Analyser la demande * Accompagner le parcours",
      "Informer les publics|Analyser la demande|Accompagner le parcours" },
    { "bullets inline", "• Informer les publics • Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "codes inline", "C1.1 – Informer les publics C1.2 – Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "short codes inline", "C1 - Informer les publics C2 - Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "codes after a heading",
      "Compétences attendues : C1.1 - Informer les publics C1.2 - Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "numbers with dashes",
      "1 - Informer les publics 2 - Analyser la demande 3 - Accompagner le parcours",
      "Informer les publics|Analyser la demande|Accompagner le parcours" },
    { "numbers with dots", "1. Informer les publics. 2. Analyser la demande.",
      "Informer les publics.|Analyser la demande." },
    { "numbers on lines", "1) Informer les publics\n2) Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "semicolons",
      "Informer les publics accueillis; analyser la demande des personnes; accompagner "
      "leur parcours d'insertion;",
      "Informer les publics accueillis|analyser la demande des personnes|accompagner leur "
      "parcours d'insertion" },
    { "dashes inline", "- Informer les publics - Analyser la demande - Accompagner le parcours",
      "Informer les publics|Analyser la demande|Accompagner le parcours" },
    { "bloc prefix on its line", "BLOC DE COMPETENCES 1A\n- Informer les publics\n- Analyser",
      "Informer les publics|Analyser" },
    { "bloc prefix before the list",
      "Bloc de compétences n°2 : - Informer les publics - Analyser la demande",
      "Informer les publics|Analyser la demande" },
    { "HTML", "<p>Informer les publics</p><p>Analyser la demande</p>",
      "Informer les publics|Analyser la demande" },
    { "HTML escaped twice",
      "&lt;ul&gt;&lt;li&gt;Informer les publics&lt;/li&gt;&lt;li&gt;Analyser&lt;/li&gt;&lt;/ul&gt;",
      "Informer les publics|Analyser" },
    { "headings in capitals",
      "COMPÉTENCES TECHNIQUES\n- Informer les publics\n- Analyser la demande\n"
      "COMPÉTENCES TRANSVERSALES\n- Coopérer avec les partenaires",
      "Informer les publics|Analyser la demande|Coopérer avec les partenaires" },
    /* and what is text, not a list */
    { "a number in the text", "Accompagner des jeunes de 16 à 25 ans vers le niveau 4. Suivre",
      "Accompagner des jeunes de 16 à 25 ans vers le niveau 4. Suivre" },
    { "a dash in the text", "Conduire un entretien - diagnostic avec la personne",
      "Conduire un entretien - diagnostic avec la personne" },
    { "short clauses", "Informer; orienter", "Informer; orienter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) competences = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      _acq_referential_split_competences (cases[i].text, competences);
      g_ptr_array_add (competences, NULL);
      joined = g_strjoinv ("|", (char **) competences->pdata);
      g_test_message ("%s", cases[i].shape);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }
}

/* Every screen names the second competence of the first bloc the same way. */
static void
test_competence_code (Fixture *fixture, gconstpointer data)
{
  g_autofree char *first = acq_competence_dup_code (1, 2);
  g_autofree char *last = acq_competence_dup_code (3, 4);

  g_assert_cmpstr (first, ==, "C1.2");
  g_assert_cmpstr (last, ==, "C3.4");
}

/* The text the competences were split from stays with the bloc, for a reader to check the
 * split beside it; a copy keeps it, the store does not hold it. */
static void
test_keep_original_text (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD FICHE ("RNCP8", BLOC ("RNCP8BC01", "C1.1 – Informer le public C1.2 – Analyser la demande"))
    TAIL;
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = acq_referential_read_fiche (stream, "RNCP8", NULL, &error);
  g_autoptr (AcqFiche) copy = NULL;
  g_autoptr (AcqFiche) stored = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (bloc_at (fiche, 0)->competences->len, ==, 2);
  g_assert_cmpstr (bloc_at (fiche, 0)->competences_text, ==,
                   "C1.1 – Informer le public C1.2 – Analyser la demande");
  copy = acq_fiche_copy (fiche);
  g_assert_cmpstr (bloc_at (copy, 0)->competences_text, ==, bloc_at (fiche, 0)->competences_text);

  g_assert_true (acq_referential_import_fiche (fixture->store, fiche, &error));
  g_assert_no_error (error);
  stored = acq_referential_load (fixture->store, "RNCP8", &error);
  g_assert_no_error (error);
  g_assert_null (bloc_at (stored, 0)->competences_text);
  g_assert_cmpuint (bloc_at (stored, 0)->competences->len, ==, 2);
}

/* The certifications stored, by number, for a user to choose; one read back by the uuid a
 * candidate holds. */
static void
test_store_list_stored (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD FICHE ("RNCP9", BLOC ("RNCP9BC01", "- Saisir\n- Rapprocher")) TAIL;
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = acq_referential_read_fiche (stream, "RNCP9", NULL, &error);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (AcqFiche) loaded = NULL;
  g_autofree char *name = NULL;
  const AcqFiche *first, *second;

  g_assert_no_error (error);
  g_assert_true (acq_referential_ensure_default (fixture->store, &error));
  g_assert_true (acq_referential_import_fiche (fixture->store, fiche, &error));
  g_assert_no_error (error);

  stored = acq_referential_list_stored (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  first = g_ptr_array_index (stored, 0);
  second = g_ptr_array_index (stored, 1);
  g_assert_cmpstr (first->number, ==, ACQ_REFERENTIAL_DEFAULT_FICHE);
  g_assert_cmpstr (second->number, ==, "RNCP9");
  g_assert_cmpstr (second->title, ==, "Titre RNCP9");
  name = acq_fiche_dup_name (second);
  g_assert_cmpstr (name, ==, "RNCP9 — Titre RNCP9");
  g_assert_nonnull (second->uuid);
  g_assert_cmpuint (second->blocs->len, ==, 0);

  loaded = acq_referential_load_uuid (fixture->store, second->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->number, ==, "RNCP9");
  g_assert_cmpstr (competence_at (bloc_at (loaded, 0), 1), ==, "Rapprocher");
  g_assert_null (acq_referential_load_uuid (fixture->store, "no-such-uuid", &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_NOT_FOUND);
}

static char *
query_text (AcqStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

#define DATED_FICHE(number, date, blocs) \
  "<FICHE><NUMERO_FICHE>" number "</NUMERO_FICHE><INTITULE>Titre " number "</INTITULE>" \
  "<DATE_DE_PUBLICATION>" date "</DATE_DE_PUBLICATION>" \
  "<ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>" blocs "</BLOCS_COMPETENCES></FICHE>\n"

static AcqFiche *
read_inline (const char *xml, const char *number)
{
  g_autoptr (GInputStream) stream = string_stream (xml, -1);
  g_autoptr (GError) error = NULL;
  AcqFiche *fiche = acq_referential_read_fiche (stream, number, NULL, &error);

  g_assert_no_error (error);
  return fiche;
}

static void
link_sheet (AcqStore *store, const char *sheet, const char *competence_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT OR IGNORE INTO candidate (uuid, created_at, updated_at, last_activity_at)"
    " VALUES ('k1', 'x', 'x', 'x');"
    "INSERT INTO sheet (uuid, candidate_uuid, title, created_at, updated_at)"
    " VALUES ('%s', 'k1', '%s', 'x', 'x');"
    "INSERT INTO sheet_competence (sheet_uuid, competence_uuid) VALUES ('%s', '%s')",
    sheet, sheet, sheet, competence_uuid);

  g_assert_true (acq_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static char *
linked_label (AcqStore *store, const char *sheet)
{
  g_autofree char *sql = g_strdup_printf ("SELECT c.label || CASE WHEN c.retired_at IS NULL"
                                          " THEN '' ELSE ' (retired)' END FROM sheet_competence"
                                          " sc JOIN competence c ON c.uuid = sc.competence_uuid"
                                          " WHERE sc.sheet_uuid = '%s'", sheet);

  return query_text (store, sql);
}

/* The export's publication date is the version's, kept as an ISO date. */
static void
test_version_date_read (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD DATED_FICHE ("RNCP20", "25/03/2024", BLOC ("RNCP20BC01", "- Saisir")) TAIL;
  g_autoptr (AcqFiche) fiche = read_inline (xml, "RNCP20");
  g_autoptr (AcqFiche) stored = NULL;
  g_autoptr (AcqFiche) copy = acq_fiche_copy (fiche);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (fiche->version_date, ==, "2024-03-25");
  g_assert_cmpstr (copy->version_date, ==, "2024-03-25");
  g_assert_true (acq_referential_import_fiche (fixture->store, fiche, &error));
  g_assert_no_error (error);
  stored = acq_referential_load (fixture->store, "RNCP20", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->version_date, ==, "2024-03-25");
}

/* A newer version that rewords, reorders and drops competences: every sheet's link follows
 * its competence by its wording (case, spaces and punctuation aside); the one the new version
 * no longer words is listed and kept, retired, with its link; an older version is refused
 * with nothing changed. */
static void
test_version_keeps_links (Fixture *fixture, gconstpointer data)
{
  static const char v1[] =
    HEAD DATED_FICHE ("RNCP21", "01/01/2024",
                      BLOC ("RNCP21BC01", "- Informer le public\n- Analyser la demande\n"
                                          "- Rédiger un bilan")) TAIL;
  static const char v2[] =
    HEAD DATED_FICHE ("RNCP21", "01/01/2025",
                      BLOC ("RNCP21BC01", "- Analyser la demande.\n- informer  le PUBLIC\n"
                                          "- Conduire un entretien")) TAIL;
  g_autoptr (AcqFiche) first = read_inline (v1, "RNCP21");
  g_autoptr (AcqFiche) second = read_inline (v2, "RNCP21");
  g_autoptr (AcqFiche) stored = NULL;
  g_autoptr (AcqFiche) reloaded = NULL;
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *label1 = NULL, *label2 = NULL, *label3 = NULL, *after = NULL;
  g_autofree char *links = NULL;

  g_assert_true (acq_referential_import_fiche (fixture->store, first, &error));
  g_assert_no_error (error);
  stored = acq_referential_load (fixture->store, "RNCP21", &error);
  g_assert_no_error (error);
  link_sheet (fixture->store, "s1", g_ptr_array_index (bloc_at (stored, 0)->competence_uuids, 0));
  link_sheet (fixture->store, "s2", g_ptr_array_index (bloc_at (stored, 0)->competence_uuids, 1));
  link_sheet (fixture->store, "s3", g_ptr_array_index (bloc_at (stored, 0)->competence_uuids, 2));

  g_assert_true (acq_referential_import_fiche_full (fixture->store, second, unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (unmatched, 0), ==, "RNCP21BC01\tRédiger un bilan");
  label1 = linked_label (fixture->store, "s1");
  label2 = linked_label (fixture->store, "s2");
  label3 = linked_label (fixture->store, "s3");
  g_assert_cmpstr (label1, ==, "informer le PUBLIC");
  g_assert_cmpstr (label2, ==, "Analyser la demande.");
  g_assert_cmpstr (label3, ==, "Rédiger un bilan (retired)");

  /* the fiche is the new version's, without the retired competence */
  reloaded = acq_referential_load (fixture->store, "RNCP21", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reloaded->version_date, ==, "2025-01-01");
  g_assert_cmpuint (bloc_at (reloaded, 0)->competences->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (bloc_at (reloaded, 0)->competences, 2), ==,
                   "Conduire un entretien");

  /* the same version again lists nothing and moves nothing */
  g_ptr_array_set_size (unmatched, 0);
  g_assert_true (acq_referential_store_fiche_full (fixture->store, second, unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 0);

  /* the older version is refused and changes nothing */
  links = query_text (fixture->store, "SELECT group_concat (sheet_uuid || competence_uuid)"
                                           " FROM (SELECT * FROM sheet_competence ORDER BY 1)");
  g_assert_false (acq_referential_import_fiche (fixture->store, first, &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_OLDER);
  after = query_text (fixture->store, "SELECT group_concat (sheet_uuid || competence_uuid)"
                                           " FROM (SELECT * FROM sheet_competence ORDER BY 1)");
  g_assert_cmpstr (links, ==, after);
}

/* A bloc the new version drops keeps, out of the fiche, the competence a sheet links. */
static void
test_version_dropped_bloc (Fixture *fixture, gconstpointer data)
{
  static const char v1[] =
    HEAD DATED_FICHE ("RNCP22", "01/01/2024",
                      BLOC ("RNCP22BC01", "- Saisir") BLOC ("RNCP22BC02", "- Classer")) TAIL;
  static const char v2[] =
    HEAD DATED_FICHE ("RNCP22", "01/06/2024", BLOC ("RNCP22BC01", "- Saisir")) TAIL;
  g_autoptr (AcqFiche) first = read_inline (v1, "RNCP22");
  g_autoptr (AcqFiche) second = read_inline (v2, "RNCP22");
  g_autoptr (AcqFiche) stored = NULL;
  g_autoptr (AcqFiche) reloaded = NULL;
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (acq_referential_import_fiche (fixture->store, first, &error));
  stored = acq_referential_load (fixture->store, "RNCP22", &error);
  g_assert_no_error (error);
  link_sheet (fixture->store, "s1", g_ptr_array_index (bloc_at (stored, 1)->competence_uuids, 0));
  g_assert_true (acq_referential_import_fiche_full (fixture->store, second, unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 1);
  label = linked_label (fixture->store, "s1");
  g_assert_cmpstr (label, ==, "Classer (retired)");
  reloaded = acq_referential_load (fixture->store, "RNCP22", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->blocs->len, ==, 1);
}

/* What a crafted exchange file could carry is refused before anything is stored. */
static void
test_check_fiche (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD DATED_FICHE ("RNCP23", "01/01/2024", BLOC ("RNCP23BC01", "- Saisir")) TAIL;
  g_autoptr (AcqFiche) fiche = read_inline (xml, "RNCP23");
  g_autoptr (GError) error = NULL;
  AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, 0);

  g_assert_true (acq_referential_check_fiche (fiche, &error));
  g_assert_no_error (error);

  /* a bloc of another certification */
  g_free (bloc->code);
  bloc->code = g_strdup ("RNCP37274BC01");
  g_assert_false (acq_referential_check_fiche (fiche, &error));
  g_assert_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED);
  g_clear_error (&error);

  /* a uuid that is not the derived one */
  g_free (bloc->code);
  bloc->code = g_strdup ("RNCP23BC01");
  fiche->uuid = g_strdup ("00000000-0000-4000-8000-000000000000");
  g_assert_false (acq_referential_check_fiche (fiche, &error));
  g_clear_error (&error);
  g_clear_pointer (&fiche->uuid, g_free);

  /* a date that is none */
  g_free (fiche->version_date);
  fiche->version_date = g_strdup ("2024-13-45");
  g_assert_false (acq_referential_check_fiche (fiche, &error));
}


/* The fiche's kind, ABREGE (depth 3 of a FICHE), is not taken for a bloc's CODE (depth 4). */
static void
test_parse_shipped_kind (Fixture *fixture, gconstpointer data)
{
  g_autoptr (AcqFiche) fiche = read_shipped ();

  g_assert_cmpstr (fiche->abrege_code, ==, "TP");
  g_assert_cmpstr (fiche->abrege_label, ==, "Titre professionnel");
  g_assert_true (acq_fiche_is_titre_professionnel (fiche));
  g_assert_cmpstr (bloc_at (fiche, 0)->code, ==, "RNCP37274BC01");
  g_assert_cmpstr (bloc_at (fiche, 2)->code, ==, "RNCP37274BC03");
}

/* The kind is stored and read back; a fiche without one is no titre professionnel unless its
 * title says so; an empty ABREGE or one after the blocs is read as well. */
static void
test_kind_stored (Fixture *fixture, gconstpointer data)
{
  static const char xml[] =
    HEAD
    "<FICHE><NUMERO_FICHE>RNCP24</NUMERO_FICHE><INTITULE>BTS inventé</INTITULE>"
    "<ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>" BLOC ("RNCP24BC01", "- Saisir")
    "</BLOCS_COMPETENCES><ABREGE><CODE>BTS</CODE><LIBELLE>Brevet de technicien supérieur"
    "</LIBELLE></ABREGE></FICHE>\n"
    "<FICHE><NUMERO_FICHE>RNCP25</NUMERO_FICHE><INTITULE>Titre professionnel inventé"
    "</INTITULE><ABREGE/><ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>" BLOC ("RNCP25BC01", "- Saisir")
    "</BLOCS_COMPETENCES></FICHE>\n"
    TAIL;
  g_autoptr (AcqFiche) bts = read_inline (xml, "RNCP24");
  g_autoptr (AcqFiche) untyped = read_inline (xml, "RNCP25");
  g_autoptr (AcqFiche) stored_bts = NULL;
  g_autoptr (AcqFiche) stored_untyped = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (bts->abrege_code, ==, "BTS");
  g_assert_cmpstr (bts->abrege_label, ==, "Brevet de technicien supérieur");
  g_assert_cmpstr (bloc_at (bts, 0)->code, ==, "RNCP24BC01");
  g_assert_false (acq_fiche_is_titre_professionnel (bts));
  g_assert_null (untyped->abrege_code);
  g_assert_true (acq_fiche_is_titre_professionnel (untyped));
  g_assert_true (acq_referential_import_fiche (fixture->store, bts, &error));
  g_assert_no_error (error);
  g_assert_true (acq_referential_import_fiche (fixture->store, untyped, &error));
  g_assert_no_error (error);
  stored_bts = acq_referential_load (fixture->store, "RNCP24", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored_bts->abrege_code, ==, "BTS");
  g_assert_cmpstr (stored_bts->abrege_label, ==, "Brevet de technicien supérieur");
  stored_untyped = acq_referential_load (fixture->store, "RNCP25", &error);
  g_assert_no_error (error);
  g_assert_null (stored_untyped->abrege_code);
  g_assert_true (acq_referential_check_fiche (stored_bts, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/referential/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_STORE(path, func) \
  g_test_add ("/referential/" path, Fixture, NULL, fixture_set_up_store, func, fixture_tear_down)

  ADD ("parse/shipped-fiche", test_parse_shipped_fiche);
  ADD ("parse/shipped-kind", test_parse_shipped_kind);
  ADD_STORE ("kind/stored", test_kind_stored);
  ADD_STORE ("version/date-read", test_version_date_read);
  ADD_STORE ("version/keeps-links", test_version_keeps_links);
  ADD_STORE ("version/dropped-bloc", test_version_dropped_bloc);
  ADD ("version/check-crafted", test_check_fiche);
  ADD ("parse/shipped-all", test_parse_shipped_all);
  ADD ("parse/missing-fiche", test_parse_missing_fiche);
  ADD ("parse/html-bullets", test_parse_html_bullets);
  ADD ("parse/select-numbers", test_parse_select_numbers);
  ADD ("parse/stop-early", test_parse_stop_early);
  ADD ("parse/truncated", test_parse_truncated);
  ADD ("parse/billion-laughs", test_parse_billion_laughs);
  ADD ("parse/external-entity", test_parse_external_entity);
  ADD ("parse/huge-field", test_parse_huge_field);
  ADD ("parse/invalid-utf8", test_parse_invalid_utf8);
  ADD ("parse/incomplete", test_parse_incomplete);
  ADD ("parse/not-an-export", test_parse_not_an_export);
  ADD ("parse/cancelled", test_parse_cancelled);
  ADD ("parse/large-export", test_parse_large_export);
  ADD ("uuid/derived", test_uuid_derived);
  ADD ("fiche/copy", test_fiche_copy);
  ADD ("competence/code", test_competence_code);
  ADD ("split/every-shape-of-the-export", test_split_shapes);
  ADD ("list/every-fiche-with-a-number", test_list_headers);
  ADD ("export/zipped", test_open_zipped_export);
  ADD_STORE ("store/round-trip", test_store_round_trip);
  ADD_STORE ("store/idempotent", test_store_idempotent);
  ADD_STORE ("store/update-wording", test_store_update_wording);
  ADD_STORE ("store/incomplete", test_store_incomplete);
  ADD_STORE ("store/load-missing", test_store_load_missing);
  ADD_STORE ("store/ensure-default", test_store_ensure_default);
  ADD_STORE ("split/original-text-kept", test_keep_original_text);
  ADD_STORE ("store/list-stored-and-load-by-uuid", test_store_list_stored);

  return g_test_run ();
}
