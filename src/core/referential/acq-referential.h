/* acq-referential.h — certifications, their blocs and competences (France Compétences' RNCP
 * open-data XML, flux 4.1), parsed in a stream and kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_REFERENTIAL_ERROR (acq_referential_error_quark ())

typedef enum
{
  ACQ_REFERENTIAL_ERROR_MALFORMED,     /* not well-formed XML, or truncated */
  ACQ_REFERENTIAL_ERROR_NOT_FOUND,     /* the fiche asked for is not in the file */
  ACQ_REFERENTIAL_ERROR_INCOMPLETE,    /* a fiche without number or title, a bloc without code
                                        * or competences */
  ACQ_REFERENTIAL_ERROR_TOO_LARGE,     /* a field far beyond what a fiche holds */
  ACQ_REFERENTIAL_ERROR_OLDER,         /* the store holds a newer version of this fiche */
} AcqReferentialError;

/* The certification Acquis is first made for, shipped in the resources. */
#define ACQ_REFERENTIAL_DEFAULT_FICHE "RNCP37274"
#define ACQ_REFERENTIAL_RESOURCE_DIR "/io/github/acquis/Acquis/referentials/"

typedef struct
{
  char      *uuid;        /* set when read from the store, NULL from the parser */
  char      *code;        /* e.g. "RNCP37274BC01" */
  int        position;    /* 1-based, in the order of the fiche */
  char      *title;       /* LIBELLE */
  char      *evaluation;  /* MODALITES_EVALUATION, may be "" */
  GPtrArray *competences; /* (element-type utf8): one label per bullet of LISTE_COMPETENCES */
  GPtrArray *competence_uuids; /* (element-type utf8) (nullable): parallel to competences, set
                                * when read from the store, NULL from the parser */
  char      *competences_text; /* (nullable): LISTE_COMPETENCES made plain, as the export wrote
                                * it before the split, so that a reader can check the split;
                                * NULL from the store */
} AcqBlocDef;

typedef struct
{
  char      *uuid;        /* set when read from the store, NULL from the parser */
  char      *number;      /* NUMERO_FICHE, e.g. "RNCP37274" */
  char      *title;       /* INTITULE */
  gboolean   active;      /* ACTIF = "Oui" */
  char      *version_date; /* (nullable): the version's date, "YYYY-MM-DD", from
                            * DATE_DE_PUBLICATION (or DATE_EFFET); NULL when the export has none */
  char      *abrege_code;  /* (nullable): ABREGE/CODE, the kind of certification ("TP" for a
                            * titre professionnel, "BTS", "CQP"…); NULL when the export has none */
  char      *abrege_label; /* (nullable): ABREGE/LIBELLE, "Titre professionnel" */
  GPtrArray *blocs;       /* (element-type AcqBlocDef) in order */
} AcqFiche;

/* Called once per fiche read; return FALSE to stop the parse early (not an error). The fiche
 * belongs to the parser and lives until the function returns: copy it to keep it. */
typedef gboolean (*AcqFicheFunc) (AcqFiche *fiche, gpointer user_data);

GQuark     acq_referential_error_quark     (void);

#define ACQ_TYPE_FICHE (acq_fiche_get_type ())
GType      acq_fiche_get_type              (void);
AcqFiche  *acq_fiche_copy                  (const AcqFiche *fiche);
void       acq_fiche_free                  (AcqFiche *fiche);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqFiche, acq_fiche_free)

char      *acq_fiche_dup_name              (const AcqFiche *fiche);
gboolean   acq_fiche_is_titre_professionnel (const AcqFiche *fiche);
gboolean   acq_referential_is_titre_professionnel (const char *abrege_code,
                                                   const char *title);
const AcqBlocDef *acq_fiche_find_bloc      (const AcqFiche *fiche,
                                            const char     *code);
char      *acq_competence_dup_code         (int             bloc_position,
                                            int             competence_position);

/* The uuids of the referential are RFC 4122 version 5 (SHA-1) uuids in the URL namespace, of
 * "acquis:certification:RNCP37274", "acquis:bloc:RNCP37274BC01" and
 * "acquis:competence:RNCP37274BC01:1" (bloc code, 1-based position): every machine derives
 * the same ones, which the exchange of files between candidate and coach relies on. */
char      *acq_referential_derive_uuid     (const char    *name);

gboolean   acq_referential_parse           (GInputStream  *stream,
                                            const char    *const *numbers,
                                            AcqFicheFunc   func,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);
GInputStream *acq_referential_open_export  (const char    *path,
                                            GError       **error);
gboolean   acq_referential_list            (GInputStream  *stream,
                                            AcqFicheFunc   func,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);
AcqFiche  *acq_referential_read_fiche      (GInputStream  *stream,
                                            const char    *number,
                                            GCancellable  *cancellable,
                                            GError       **error);
AcqFiche  *acq_referential_read_fiche_file (const char    *path,
                                            const char    *number,
                                            GCancellable  *cancellable,
                                            GError       **error);

gboolean   acq_referential_store_fiche     (AcqStore       *store,
                                            const AcqFiche *fiche,
                                            GError        **error);
gboolean   acq_referential_store_fiche_full (AcqStore      *store,
                                            const AcqFiche *fiche,
                                            GPtrArray      *unmatched,
                                            GError        **error);
gboolean   acq_referential_merge_fiche     (AcqStore       *store,
                                            const AcqFiche *fiche,
                                            GPtrArray      *unmatched,
                                            GError        **error);
gboolean   acq_referential_import_fiche    (AcqStore       *store,
                                            const AcqFiche *fiche,
                                            GError        **error);
gboolean   acq_referential_import_fiche_full (AcqStore     *store,
                                            const AcqFiche *fiche,
                                            GPtrArray      *unmatched,
                                            GError        **error);
gboolean   acq_referential_merge_retired   (AcqStore       *store,
                                            const char     *schema,
                                            const char     *certification_uuid,
                                            GError        **error);
gboolean   acq_referential_check_fiche     (const AcqFiche *fiche,
                                            GError        **error);
AcqFiche  *acq_referential_load            (AcqStore       *store,
                                            const char     *number,
                                            GError        **error);
AcqFiche  *acq_referential_load_uuid       (AcqStore       *store,
                                            const char     *uuid,
                                            GError        **error);
AcqFiche  *acq_referential_load_attached   (AcqStore       *store,
                                            const char     *schema,
                                            const char     *uuid,
                                            GError        **error);
GPtrArray *acq_referential_list_stored     (AcqStore       *store,
                                            GError        **error);
gboolean   acq_referential_ensure_default  (AcqStore       *store,
                                            GError        **error);

G_END_DECLS
