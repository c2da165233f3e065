/* acq-store.c — the one SQLite database that holds everything a user writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-sql-private.h"
#include "acq-store-private.h"

struct _AcqStore
{
  GObject     parent_instance;
  char       *data_dir;
  sqlite3    *db;
  GHashTable *statements; /* const char *sql (static) -> sqlite3_stmt */
  int         schema_version;
  gboolean    read_only;
  GMainContext *context;  /* where "changed" is emitted: the thread-default one at open */
  int           change_pending; /* atomic: a "changed" is on its way to the context */
  gint64        data_version;   /* PRAGMA data_version at the last look, see acq_store_poll() */
  GSource      *watch;          /* acq_store_watch()'s timeout, in the context */
};

G_DEFINE_FINAL_TYPE (AcqStore, acq_store, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (acq-store-error-quark, acq_store_error)

/* Each entry moves the schema from version N to N+1 (PRAGMA user_version). Never edit a
 * released entry: append a new one, and a test that migrates from the version before it. */
static const char *const migrations[] = {
  /* 0 -> 1: the referential and the candidates */
  "CREATE TABLE certification ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  rncp TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  active INTEGER NOT NULL DEFAULT 1,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE bloc ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  certification_uuid TEXT NOT NULL REFERENCES certification (uuid) ON DELETE CASCADE,"
  "  code TEXT NOT NULL UNIQUE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  evaluation TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (certification_uuid, position));"
  "CREATE TABLE competence ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  bloc_uuid TEXT NOT NULL REFERENCES bloc (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (bloc_uuid, position));"
  "CREATE TABLE candidate ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  certification_uuid TEXT REFERENCES certification (uuid),"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  birth_name TEXT NOT NULL DEFAULT '',"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  situation INTEGER NOT NULL DEFAULT 0 CHECK (situation BETWEEN 0 AND 4),"
  "  funding INTEGER NOT NULL DEFAULT 0 CHECK (funding BETWEEN 0 AND 4),"
  "  accommodations TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 5),"
  "  stage_date TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  last_activity_at TEXT NOT NULL);"
  "CREATE TABLE candidate_bloc ("
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT NOT NULL REFERENCES bloc (uuid) ON DELETE CASCADE,"
  "  PRIMARY KEY (candidate_uuid, bloc_uuid)) WITHOUT ROWID;"
  "CREATE INDEX candidate_bloc_by_bloc ON candidate_bloc (bloc_uuid);",

  /* 1 -> 2: experience sheets, their competences, attachments, comments, review versions and
   * full-text search. A sheet has an INTEGER PRIMARY KEY besides its uuid because the search
   * index refers to rows by rowid, which VACUUM may renumber unless it is declared. */
  "CREATE TABLE sheet ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT REFERENCES bloc (uuid) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 4),"
  "  tasks TEXT NOT NULL DEFAULT '',"
  "  means TEXT NOT NULL DEFAULT '',"
  "  partners TEXT NOT NULL DEFAULT '',"
  "  context TEXT NOT NULL DEFAULT '',"
  "  additional TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  department TEXT NOT NULL DEFAULT '',"
  "  period_from TEXT CHECK (period_from IS NULL OR period_from GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  period_to TEXT CHECK (period_to IS NULL OR period_to GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  review_state INTEGER NOT NULL DEFAULT 0 CHECK (review_state BETWEEN 0 AND 3),"
  "  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to));"
  "CREATE INDEX sheet_by_candidate ON sheet (candidate_uuid, created_at);"
  "CREATE INDEX sheet_by_bloc ON sheet (bloc_uuid);"
  "CREATE TABLE sheet_competence ("
  "  sheet_uuid TEXT NOT NULL REFERENCES sheet (uuid) ON DELETE CASCADE,"
  "  competence_uuid TEXT NOT NULL REFERENCES competence (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (sheet_uuid, competence_uuid)) WITHOUT ROWID;"
  "CREATE INDEX sheet_competence_by_competence ON sheet_competence (competence_uuid);"
  "CREATE TABLE attachment ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  sheet_uuid TEXT NOT NULL REFERENCES sheet (uuid) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  stored_path TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (sheet_uuid, sha256));"
  "CREATE INDEX attachment_by_sha256 ON attachment (sha256);"
  "CREATE TABLE comment ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  sheet_uuid TEXT NOT NULL REFERENCES sheet (uuid) ON DELETE CASCADE,"
  "  rubric INTEGER NOT NULL CHECK (rubric BETWEEN 0 AND 4),"
  "  parent_uuid TEXT REFERENCES comment (uuid) ON DELETE CASCADE,"
  "  author_role INTEGER NOT NULL CHECK (author_role IN (0, 1)),"
  "  body TEXT NOT NULL,"
  "  quote TEXT,"
  "  anchor_start INTEGER,"
  "  anchor_end INTEGER,"
  "  prefix TEXT,"
  "  suffix TEXT,"
  "  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (anchor_start IS NULL OR (anchor_start >= 0 AND anchor_end >= anchor_start)));"
  "CREATE INDEX comment_by_sheet ON comment (sheet_uuid, created_at);"
  "CREATE INDEX comment_by_parent ON comment (parent_uuid);"
  "CREATE TABLE sheet_version ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  sheet_uuid TEXT NOT NULL REFERENCES sheet (uuid) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 2),"
  "  author_role INTEGER NOT NULL CHECK (author_role IN (0, 1)),"
  "  revision INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  tasks TEXT NOT NULL,"
  "  means TEXT NOT NULL,"
  "  partners TEXT NOT NULL,"
  "  context TEXT NOT NULL,"
  "  additional TEXT NOT NULL,"
  "  organisation TEXT NOT NULL,"
  "  department TEXT NOT NULL,"
  "  period_from TEXT,"
  "  period_to TEXT,"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX sheet_version_by_sheet ON sheet_version (sheet_uuid, revision);"
  /* remove_diacritics 2 so that "reseau" finds "réseau"; the prefix indexes keep a search
   * typed letter by letter fast. The index reads its text from the sheet table. */
  "CREATE VIRTUAL TABLE sheet_fts USING fts5 ("
  "  title, tasks, means, partners, context, additional, organisation, department,"
  "  content = 'sheet', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "INSERT INTO sheet_fts (sheet_fts, rank) VALUES"
  "  ('rank', 'bm25 (4.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0)');"
  "CREATE TRIGGER sheet_fts_after_insert AFTER INSERT ON sheet BEGIN"
  "  INSERT INTO sheet_fts (rowid, title, tasks, means, partners, context, additional,"
  "    organisation, department) VALUES (new.id, new.title, new.tasks, new.means,"
  "    new.partners, new.context, new.additional, new.organisation, new.department);"
  "END;"
  "CREATE TRIGGER sheet_fts_after_delete AFTER DELETE ON sheet BEGIN"
  "  INSERT INTO sheet_fts (sheet_fts, rowid, title, tasks, means, partners, context,"
  "    additional, organisation, department) VALUES ('delete', old.id, old.title, old.tasks,"
  "    old.means, old.partners, old.context, old.additional, old.organisation, old.department);"
  "END;"
  "CREATE TRIGGER sheet_fts_after_update AFTER UPDATE OF title, tasks, means, partners, context,"
  "  additional, organisation, department ON sheet BEGIN"
  "  INSERT INTO sheet_fts (sheet_fts, rowid, title, tasks, means, partners, context,"
  "    additional, organisation, department) VALUES ('delete', old.id, old.title, old.tasks,"
  "    old.means, old.partners, old.context, old.additional, old.organisation, old.department);"
  "  INSERT INTO sheet_fts (rowid, title, tasks, means, partners, context, additional,"
  "    organisation, department) VALUES (new.id, new.title, new.tasks, new.means,"
  "    new.partners, new.context, new.additional, new.organisation, new.department);"
  "END;"
  /* The sidebar sorts candidates by their last activity: writing a sheet is activity. */
  "CREATE TRIGGER sheet_touch_candidate_after_insert AFTER INSERT ON sheet BEGIN"
  "  UPDATE candidate SET last_activity_at = new.updated_at"
  "    WHERE uuid = new.candidate_uuid AND last_activity_at < new.updated_at;"
  "END;"
  "CREATE TRIGGER sheet_touch_candidate_after_update AFTER UPDATE OF updated_at ON sheet"
  "  WHEN new.updated_at IS NOT old.updated_at BEGIN"
  "  UPDATE candidate SET last_activity_at = new.updated_at"
  "    WHERE uuid = new.candidate_uuid AND last_activity_at < new.updated_at;"
  "END;",
  /* 2 -> 3: finishing the deletions a quit cut short is a look-up at each start, not a scan
   * of every sheet (measured: 20 to 40 ms with 10,000 sheets) */
  "CREATE INDEX sheet_deleted ON sheet (deleted_at) WHERE deleted_at IS NOT NULL;"
  "CREATE INDEX candidate_deleted ON candidate (deleted_at) WHERE deleted_at IS NOT NULL;",
  /* 3 -> 4: the exchange of .acquis files (acq-package*.c). A record's part (a rubric, a
   * sheet's review state, a comment…) is a "unit"; its history lists the short SHA-256 of
   * the states both sides had of it, oldest first, which tells at the next import which side
   * changed it since (see acq-package-merge.c). Kept after a record is erased, to tell "the
   * other side erased it" from "the other side never had it". A conflict keeps the other
   * side's text and history until the user chooses. */
  "CREATE TABLE sync_unit ("
  "  unit TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL,"
  "  history TEXT NOT NULL);"
  "CREATE INDEX sync_unit_by_candidate ON sync_unit (candidate_uuid);"
  "CREATE TABLE conflict ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  sheet_uuid TEXT NOT NULL REFERENCES sheet (uuid) ON DELETE CASCADE,"
  "  rubric INTEGER NOT NULL CHECK (rubric BETWEEN 0 AND 4),"
  "  theirs TEXT NOT NULL,"
  "  theirs_history TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (sheet_uuid, rubric));"
  "CREATE INDEX conflict_by_candidate ON conflict (candidate_uuid);",
  /* 4 -> 5: the dated parcours (practice/acq-parcours.c). One row per event of a candidate's
   * parcours, done or planned; the candidate's stage and stage_date follow from the done ones.
   * kind and decision are AcqParcoursKind and AcqParcoursDecision: never renumber them. A
   * deleted event keeps its row (deleted_at) until purged, for undo and for the exchange. Each
   * candidate's "since" date becomes the event that opened that stage. */
  "CREATE TABLE parcours_event ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 10),"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),"
  "  decision INTEGER NOT NULL DEFAULT 0 CHECK (decision BETWEEN 0 AND 2),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX parcours_event_by_candidate ON parcours_event (candidate_uuid, date);"
  "CREATE INDEX parcours_event_deleted ON parcours_event (deleted_at)"
  "  WHERE deleted_at IS NOT NULL;"
  "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned, created_at,"
  "  updated_at)"
  "  SELECT lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||"
  "    substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + (abs (random ()) % 4), 1)"
  "    || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6))),"
  "    uuid, CASE stage WHEN 0 THEN 0 WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 6"
  "      WHEN 4 THEN 9 ELSE 10 END,"
  "    stage_date, 0, updated_at, updated_at"
  "  FROM candidate WHERE stage_date GLOB"
  "    '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';",
  /* 5 -> 6: the livret de suivi (practice/acq-session.c). A session's date and times are the
   * wall clock of Europe/Paris, where the sessions take place, as the coach reads them; its
   * objectives are rows of their own so that each carries its outcome. The planned hours are
   * a row per candidate whose uuid is the candidate's, so that both sides of an exchange name
   * it alike. Every row carries candidate_uuid: the livret travels in .acquis files. */
  "CREATE TABLE session ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  end_time TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  mode INTEGER NOT NULL DEFAULT 0 CHECK (mode IN (0, 1)),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  kind INTEGER NOT NULL DEFAULT 1 CHECK (kind BETWEEN 0 AND 4),"
  "  held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),"
  "  points_worked TEXT NOT NULL DEFAULT '',"
  "  difficulties TEXT NOT NULL DEFAULT '',"
  "  personal_work TEXT NOT NULL DEFAULT '',"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (start_time < end_time));"
  /* covering the caseload's hours (acq_session_hours_get_all()): read in candidate order
   * from the index alone */
  "CREATE INDEX session_by_candidate ON session (candidate_uuid, date, start_time, end_time,"
  "  held, deleted_at);"
  "CREATE INDEX session_deleted ON session (deleted_at) WHERE deleted_at IS NOT NULL;"
  "CREATE TABLE session_objective ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  session_uuid TEXT NOT NULL REFERENCES session (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL,"
  "  outcome INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 3),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX session_objective_by_session ON session_objective (session_uuid, position);"
  "CREATE INDEX session_objective_by_candidate ON session_objective (candidate_uuid);"
  "CREATE TABLE session_plan ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL UNIQUE REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 720 AND 1800),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = candidate_uuid));",
  /* 6 -> 7: the sidebar counts each candidate's sheets waiting for a review at every start
   * (acq_review_waiting_by_candidate()); without an index that reads the whole sheet table,
   * texts included (40 ms more at start with 10,000 sheets). The partial index holds only the
   * sheets waiting. */
  "CREATE INDEX sheet_waiting_review ON sheet (candidate_uuid)"
  "  WHERE review_state = 1 AND deleted_at IS NULL;",
  /* 7 -> 8: the jury (jury/acq-jury.c). Every row carries candidate_uuid, so the jury page
   * travels in .acquis files; the merge's role rules say which parts a candidate writes. One
   * row per candidate for the session, the result and the post-jury plan, whose uuid is the
   * candidate's so that both sides of an exchange name it alike. Dates are YYYY-MM-DD, times
   * HH:MM (Europe/Paris wall clock), enums stored as integers: never renumber them. The
   * exports of the final dossier (dossier_export) stay on the machine that wrote them. */
  "CREATE TABLE jury_session ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL UNIQUE REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  time TEXT CHECK (time IS NULL OR time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  visio_link TEXT NOT NULL DEFAULT '',"
  "  certifier TEXT NOT NULL DEFAULT '',"
  "  convocation_date TEXT,"
  "  convocation_sha256 TEXT CHECK (convocation_sha256 IS NULL OR"
  "    length (convocation_sha256) = 64),"
  "  deposited_date TEXT,"
  "  platform INTEGER NOT NULL DEFAULT 0 CHECK (platform BETWEEN 0 AND 2),"
  "  fees_asked_cents INTEGER NOT NULL DEFAULT 0 CHECK (fees_asked_cents >= 0),"
  "  fees_received_cents INTEGER NOT NULL DEFAULT 0 CHECK (fees_received_cents >= 0),"
  "  accommodations_asked TEXT NOT NULL DEFAULT '',"
  "  accommodations_granted TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = candidate_uuid));"
  "CREATE TABLE jury_hand_item ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  label TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_hand_item_by_candidate ON jury_hand_item (candidate_uuid, done);"
  "CREATE TABLE jury_part ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL,"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_part_by_candidate ON jury_part (candidate_uuid, position);"
  /* parts: one line per part, "SECONDS<TAB>NAME", as the run went */
  "CREATE TABLE jury_rehearsal ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  parts TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_rehearsal_by_candidate ON jury_rehearsal (candidate_uuid, date);"
  "CREATE TABLE jury_card ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT REFERENCES bloc (uuid) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  key_points TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_card_by_candidate ON jury_card (candidate_uuid, position);"
  "CREATE TABLE jury_question ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  competence_uuid TEXT REFERENCES competence (uuid) ON DELETE SET NULL,"
  "  text TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_question_by_candidate ON jury_question (candidate_uuid);"
  /* question_key: a jury_question's uuid, or "BLOC_CODE:POSITION:INDEX" for a question of the
   * shipped guidance */
  "CREATE TABLE jury_answer ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  question_key TEXT NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_answer_by_candidate ON jury_answer (candidate_uuid, question_key);"
  "CREATE TABLE jury_readiness ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  competence_uuid TEXT NOT NULL REFERENCES competence (uuid) ON DELETE CASCADE,"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 2),"
  "  remark TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_readiness_by_candidate ON jury_readiness (candidate_uuid, competence_uuid);"
  "CREATE TABLE jury_result ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL UNIQUE REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  outcome INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 5),"
  "  remarks TEXT NOT NULL DEFAULT '',"
  "  pv_sha256 TEXT CHECK (pv_sha256 IS NULL OR length (pv_sha256) = 64),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = candidate_uuid));"
  "CREATE TABLE jury_bloc_result ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT NOT NULL REFERENCES bloc (uuid) ON DELETE CASCADE,"
  "  outcome INTEGER NOT NULL DEFAULT 0 CHECK (outcome BETWEEN 0 AND 3),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_bloc_result_by_candidate ON jury_bloc_result (candidate_uuid, bloc_uuid);"
  "CREATE TABLE jury_plan ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL UNIQUE REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  asked INTEGER NOT NULL DEFAULT 0 CHECK (asked BETWEEN 0 AND 7),"
  "  asked_text TEXT NOT NULL DEFAULT '',"
  "  interview_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = candidate_uuid));"
  "CREATE TABLE jury_plan_item ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT NOT NULL REFERENCES bloc (uuid) ON DELETE CASCADE,"
  "  competence_uuid TEXT REFERENCES competence (uuid) ON DELETE CASCADE,"
  "  target_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX jury_plan_item_by_candidate ON jury_plan_item (candidate_uuid);"
  /* the jury's checklist counts each candidate's validated examples for the whole caseload
   * (acq_jury_checklist_count_all()); without an index that reads every sheet, texts
   * included, since review_state lies after them in the row */
  "CREATE INDEX sheet_validated ON sheet (candidate_uuid, bloc_uuid, uuid)"
  "  WHERE review_state = 3 AND deleted_at IS NULL;"
  "CREATE TABLE dossier_export ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  final INTEGER NOT NULL CHECK (final IN (0, 1)),"
  "  exported_at TEXT NOT NULL);"
  "CREATE INDEX dossier_export_by_candidate ON dossier_export (candidate_uuid, final,"
  "  exported_at);",
  /* 8 -> 9: the paperwork of the practice (paperwork/). The coach's profile is one row that
   * names no candidate, and the exchange keeps it local: it never leaves her machine. Her
   * signature, like every document, is a stored copy named by its SHA-256 (sheets/
   * acq-attachment.c). A candidate's documents (CV, recevabilité notice, quote…) carry
   * candidate_uuid, so they travel in .acquis files, and author_role, so that each side's
   * file may only add, change or remove its own (the merge's rule for authored records).
   * kind is AcqCandidateDocumentKind: never renumber it. */
  "CREATE TABLE coach_profile ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  siret TEXT NOT NULL DEFAULT '',"
  "  nda TEXT NOT NULL DEFAULT '',"
  "  qualiopi_number TEXT NOT NULL DEFAULT '',"
  "  qualiopi_certifier TEXT NOT NULL DEFAULT '',"
  "  hourly_rate_cents INTEGER NOT NULL DEFAULT 8000 CHECK (hourly_rate_cents >= 0),"
  "  signature_sha256 TEXT CHECK (signature_sha256 IS NULL OR length (signature_sha256) = 64),"
  "  signature_mime_type TEXT,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE candidate_document ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  parcours_event_uuid TEXT REFERENCES parcours_event (uuid) ON DELETE SET NULL,"
  "  kind INTEGER NOT NULL DEFAULT 5 CHECK (kind BETWEEN 0 AND 5),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  author_role INTEGER NOT NULL CHECK (author_role IN (0, 1)),"
  "  file_name TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  added_at TEXT NOT NULL,"
  "  deleted_at TEXT,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX candidate_document_by_candidate ON candidate_document (candidate_uuid,"
  "  added_at);"
  "CREATE INDEX candidate_document_by_sha256 ON candidate_document (sha256);",
  /* 9 -> 10: the accompagnatrice's remark on the whole sheet, kept with the version her
   * decision (validated, changes asked) took; "" when she wrote none. */
  "ALTER TABLE sheet_version ADD COLUMN remark TEXT NOT NULL DEFAULT '';",
  /* 10 -> 11: the version of a certification (its publication date, "" when unknown), so that
   * a newer one replaces an older one and never the reverse, on import and in the exchange;
   * and the competences of an older version that the newer one no longer words, kept (with
   * retired_at set, out of the fiche's places: position < 0) while a sheet still links them,
   * so that importing a new version never drops a candidate's link. And the blocs a candidate
   * is dispensed of (dispense): why, and the certification held that gives it; a link table
   * of the candidate, so that it travels with the candidate as candidate_bloc does. */
  "ALTER TABLE certification ADD COLUMN version_date TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE competence ADD COLUMN retired_at TEXT;"
  "CREATE TABLE candidate_dispense ("
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  bloc_uuid TEXT NOT NULL REFERENCES bloc (uuid) ON DELETE CASCADE,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  held_certification TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (candidate_uuid, bloc_uuid)) WITHOUT ROWID;"
  "CREATE INDEX candidate_dispense_by_bloc ON candidate_dispense (bloc_uuid);",
  /* 11 -> 12: a stage after the post-jury, Certified (ACQ_STAGE_CERTIFIED, 6), which a done
   * "certification obtained" event of the parcours (ACQ_PARCOURS_CERTIFIED, 11) opens: the
   * jury's total validation records it. SQLite cannot widen a CHECK in place, so both tables
   * are rebuilt, their rows copied as they are (a step of rebuilding_steps[]). */
  "CREATE TABLE candidate_new ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  certification_uuid TEXT REFERENCES certification (uuid),"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  birth_name TEXT NOT NULL DEFAULT '',"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  situation INTEGER NOT NULL DEFAULT 0 CHECK (situation BETWEEN 0 AND 4),"
  "  funding INTEGER NOT NULL DEFAULT 0 CHECK (funding BETWEEN 0 AND 4),"
  "  accommodations TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 6),"
  "  stage_date TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  last_activity_at TEXT NOT NULL);"
  "INSERT INTO candidate_new (uuid, certification_uuid, last_name, birth_name, first_name,"
  "  email, phone, address, situation, funding, accommodations, notes, stage, stage_date,"
  "  archived, deleted_at, created_at, updated_at, last_activity_at)"
  "  SELECT uuid, certification_uuid, last_name, birth_name, first_name, email, phone,"
  "    address, situation, funding, accommodations, notes, stage, stage_date, archived,"
  "    deleted_at, created_at, updated_at, last_activity_at FROM candidate;"
  "DROP TABLE candidate;"
  "ALTER TABLE candidate_new RENAME TO candidate;"
  "CREATE INDEX candidate_deleted ON candidate (deleted_at) WHERE deleted_at IS NOT NULL;"
  "CREATE TABLE parcours_event_new ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 11),"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),"
  "  decision INTEGER NOT NULL DEFAULT 0 CHECK (decision BETWEEN 0 AND 2),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "INSERT INTO parcours_event_new (uuid, candidate_uuid, kind, date, planned, decision, note,"
  "  deleted_at, created_at, updated_at)"
  "  SELECT uuid, candidate_uuid, kind, date, planned, decision, note, deleted_at, created_at,"
  "    updated_at FROM parcours_event;"
  "DROP TABLE parcours_event;"
  "ALTER TABLE parcours_event_new RENAME TO parcours_event;"
  "CREATE INDEX parcours_event_by_candidate ON parcours_event (candidate_uuid, date);"
  "CREATE INDEX parcours_event_deleted ON parcours_event (deleted_at)"
  "  WHERE deleted_at IS NOT NULL;",
  /* 12 -> 13: what Qualiopi asks of the practice (issue 16), in one step. The complaints log
   * (réclamations, practice/acq-complaint.c): the coach's own register, kept local by the
   * exchange; candidate_uuid only says who complained, when it was a candidate, so that the
   * person's export finds it. channel and status are AcqComplaintChannel and
   * AcqComplaintStatus: never renumber them. The satisfaction questionnaire
   * (practice/acq-satisfaction.c): its questions (shared, like the referential: the default
   * ones have fixed uuids, so every copy has them), the answers (a response per questionnaire
   * filled, a score per question, the question's text kept as it was asked), carrying
   * candidate_uuid and author_role so that they travel and only their author changes them.
   * The yearly review's "actions d'amélioration", one text per year, local. */
  "CREATE TABLE complaint ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  received_on TEXT NOT NULL,"
  "  channel INTEGER NOT NULL DEFAULT 0 CHECK (channel BETWEEN 0 AND 2),"
  "  from_whom TEXT NOT NULL DEFAULT '',"
  "  candidate_uuid TEXT REFERENCES candidate (uuid) ON DELETE SET NULL,"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  answer TEXT NOT NULL DEFAULT '',"
  "  answered_on TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  deleted_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX complaint_by_date ON complaint (received_on);"
  "CREATE INDEX complaint_by_candidate ON complaint (candidate_uuid);"
  "CREATE TABLE satisfaction_question ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  retired_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "INSERT INTO satisfaction_question VALUES"
  "  ('accueil', 1, 'Comment jugez-vous l’accueil et l’information reçus avant l’accompagnement\u202F?',"
  "   NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  "  ('clarte', 2, 'Les explications et les consignes de l’accompagnatrice étaient-elles claires\u202F?',"
  "   NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  "  ('disponibilite', 3, 'L’accompagnatrice a-t-elle été disponible et à l’écoute\u202F?',"
  "   NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  "  ('utilite', 4, 'L’accompagnement vous a-t-il été utile pour rédiger votre dossier et "
  "préparer le jury\u202F?', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
  "  ('recommandation', 5, 'Recommanderiez-vous cet accompagnement à une personne de votre "
  "entourage\u202F?', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
  "CREATE TABLE satisfaction_response ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  author_role INTEGER NOT NULL CHECK (author_role IN (0, 1)),"
  "  answered_on TEXT NOT NULL,"
  "  comment TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX satisfaction_response_by_candidate ON satisfaction_response (candidate_uuid);"
  "CREATE TABLE satisfaction_score ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  response_uuid TEXT NOT NULL REFERENCES satisfaction_response (uuid) ON DELETE CASCADE,"
  "  author_role INTEGER NOT NULL CHECK (author_role IN (0, 1)),"
  "  question_uuid TEXT NOT NULL,"
  "  question_text TEXT NOT NULL DEFAULT '',"
  "  score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX satisfaction_score_by_response ON satisfaction_score (response_uuid);"
  "CREATE TABLE yearly_review ("
  "  year INTEGER PRIMARY KEY NOT NULL,"
  "  improvements TEXT NOT NULL DEFAULT '',"
  "  updated_at TEXT NOT NULL);",
  /* 13 -> 14: a funded accompaniment's paperwork (paperwork/acq-quote.c, acq-attendance.c).
   * The coach's VAT regime (vat_regime: AcqVatRegime, 0 franchise en base, art. 293 B du CGI,
   * the default that leaves every rate as it was; 1 subject to VAT at 20 %), kept with her
   * profile. Her quotes (devis), numbered D-YEAR-NNNN per year of their date: the rate and the
   * regime are copied into the quote, so that a quote sent never changes when the profile
   * does; the funder, when there is one, is the convention's third party. The attendance
   * record of a held session (signed or not, and the signed scan as a candidate document),
   * whose uuid is the session's. Both carry candidate_uuid and travel, and only the
   * accompagnatrice writes them (the merge's coach-only tables). Enums stored as integers:
   * never renumber them. */
  "ALTER TABLE coach_profile ADD COLUMN vat_regime INTEGER NOT NULL DEFAULT 0"
  "  CHECK (vat_regime IN (0, 1));"
  "CREATE TABLE quote ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),"
  "  sequence INTEGER NOT NULL CHECK (sequence >= 1),"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 60000),"
  "  rate_cents INTEGER NOT NULL CHECK (rate_cents >= 0),"
  "  vat_regime INTEGER NOT NULL DEFAULT 0 CHECK (vat_regime IN (0, 1)),"
  "  funding INTEGER NOT NULL DEFAULT 0 CHECK (funding BETWEEN 0 AND 3),"
  "  validity_days INTEGER NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),"
  "  funder_name TEXT NOT NULL DEFAULT '',"
  "  funder_address TEXT NOT NULL DEFAULT '',"
  "  sent_date TEXT,"
  "  accepted_date TEXT,"
  "  accepted_event_uuid TEXT REFERENCES parcours_event (uuid) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (year, sequence));"
  "CREATE INDEX quote_by_candidate ON quote (candidate_uuid, date);"
  "CREATE TABLE session_attendance ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  session_uuid TEXT NOT NULL UNIQUE REFERENCES session (uuid) ON DELETE CASCADE,"
  "  signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),"
  "  document_uuid TEXT REFERENCES candidate_document (uuid) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = session_uuid));"
  "CREATE INDEX session_attendance_by_candidate ON session_attendance (candidate_uuid);",
  /* 14 -> 15: how long the accompagnatrice keeps an ended accompaniment (RGPD, article 5:
   * "limitation de la conservation"), in months, on her local profile: past it, Today lists
   * the candidate with Export and Erase (privacy/acq-retention.c). Three years by default,
   * the length of a Qualiopi cycle, whose audit may ask for the evidence of a parcours. */
  "ALTER TABLE coach_profile ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 36"
  "  CHECK (retention_months BETWEEN 1 AND 240);",
  /* 15 -> 16: the Dossier Professionnel as the ministry's model has it (issue 15 §2). The kind
   * of a certification, the fiche's ABREGE (CODE "TP", LIBELLE "Titre professionnel"; "" when
   * the export gave none), which says whether its blocs are activités-types: the bundled
   * RNCP37274, stored before the code was kept, is a titre professionnel. The titles, diplomas
   * and CQP the candidate holds (candidates/acq-candidate-title.c), which the DP lists: her
   * rows, with candidate_uuid so that they travel; the proof, when she attaches one, is a
   * candidate document (imported as the others are, content-addressed). And a sheet's
   * document marked as an annex the referential asks for (annex = 1), which the DP lists and
   * appends apart from the documents that illustrate the practice (0, every document so far). */
  "ALTER TABLE certification ADD COLUMN abrege_code TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE certification ADD COLUMN abrege_label TEXT NOT NULL DEFAULT '';"
  "UPDATE certification SET abrege_code = 'TP', abrege_label = 'Titre professionnel'"
  "  WHERE rncp = 'RNCP37274';"
  "CREATE TABLE candidate_title ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  date TEXT NOT NULL DEFAULT ''"
  "    CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  document_uuid TEXT REFERENCES candidate_document (uuid) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX candidate_title_by_candidate ON candidate_title (candidate_uuid, position);"
  "ALTER TABLE attachment ADD COLUMN annex INTEGER NOT NULL DEFAULT 0 CHECK (annex IN (0, 1));",
  /* 16 -> 17: the people a candidate writes about (sheets/acq-people.c, RGPD): each name she
   * answered, as written, accepted with the replacement the outputs print, or dismissed
   * (state: AcqPersonState, never renumber it). Suggestions are computed from the text, never
   * stored. No UNIQUE on the name: the two sides of an exchange may each list it, and the
   * merge inserts whole records; the one changed last wins (acq_person_mention_find()).
   * It carries candidate_uuid, so it travels, and both roles may write it. */
  "CREATE TABLE person_mention ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  replacement TEXT NOT NULL DEFAULT '',"
  "  state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE INDEX person_mention_by_candidate ON person_mention (candidate_uuid);",
  /* 17 -> 18: a candidate's reading style (candidates/acq-reading-style.c), for the printed
   * outputs of a candidate with accommodations (issue 15): the font family as chosen ("" for
   * the default large sans; the one installed is found when printing), the size in points and
   * the line spacing. One row per candidate, whose uuid is the candidate's, so that it
   * travels as a record of its own and both roles may set it without touching the rest of the
   * candidate's row. No row: the outputs keep their own style. */
  "CREATE TABLE candidate_reading ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  candidate_uuid TEXT NOT NULL UNIQUE REFERENCES candidate (uuid) ON DELETE CASCADE,"
  "  family TEXT NOT NULL DEFAULT '' CHECK (length (family) <= 100),"
  "  size REAL NOT NULL DEFAULT 14 CHECK (size BETWEEN 12 AND 24),"
  "  spacing REAL NOT NULL DEFAULT 1.5 CHECK (spacing BETWEEN 1 AND 2),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (uuid = candidate_uuid));",
};

/* The steps (by the version they start from) that rebuild a table, as SQLite's "making other
 * kinds of table schema changes" does: with the foreign keys off, or dropping the old table
 * would delete, or set to NULL, every row that refers to it; with the legacy rename, or
 * renaming the new table would stop on the other tables' triggers that name the old one (they
 * name it again once renamed); and the foreign keys checked before the commit. */
static const int rebuilding_steps[] = { 11 };

static gboolean
step_rebuilds (int version)
{
  for (guint i = 0; i < G_N_ELEMENTS (rebuilding_steps); i++)
    if (rebuilding_steps[i] == version)
      return TRUE;
  return FALSE;
}

int
acq_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static AcqStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ACQ_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ACQ_STORE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return ACQ_STORE_ERROR_CONSTRAINT;
    case SQLITE_TOOBIG:
      return ACQ_STORE_ERROR_INVALID;
    case SQLITE_READONLY:
      return ACQ_STORE_ERROR_READ_ONLY;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return ACQ_STORE_ERROR_IO;
    default:
      return ACQ_STORE_ERROR_FAILED;
    }
}

/**
 * acq_store_set_error_from_sqlite:
 * @error: (out) (optional): where to put the error
 * @db: (nullable): the connection, for the detailed message in the log
 * @rc: the sqlite result code
 * @doing: (nullable): what Acquis was doing, for the log
 *
 * The one place where sqlite errors become ours: the user reads a sentence that says what
 * happened and what to do; the raw sqlite message only goes to the log.
 *
 * Returns: %FALSE, always, so that callers can `return acq_store_set_error_from_sqlite (…)`.
 */
gboolean
acq_store_set_error_from_sqlite (GError **error, sqlite3 *db, int rc, const char *doing)
{
  AcqStoreError code = error_code_from_sqlite (rc);
  const char *message;

  g_debug ("sqlite error %d (%s) while %s: %s", rc, sqlite3_errstr (rc),
           doing ? doing : "working", db ? sqlite3_errmsg (db) : "");

  switch (code)
    {
    case ACQ_STORE_ERROR_CORRUPT:
      message = _("The Acquis data file is damaged. Restore the latest backup or start with an "
                  "empty file; the damaged file will be kept aside.");
      break;
    case ACQ_STORE_ERROR_BUSY:
      message = _("The Acquis data file is in use by another program. Close the other copy of "
                  "Acquis and try again.");
      break;
    case ACQ_STORE_ERROR_CONSTRAINT:
      message = _("This change conflicts with data already stored (a duplicate or a missing "
                  "link). Nothing was changed.");
      break;
    case ACQ_STORE_ERROR_INVALID:
      message = _("This text is too large to be stored. Nothing was changed.");
      break;
    case ACQ_STORE_ERROR_READ_ONLY:
      message = _("This data folder is read-only: you can read and export, not change. Nothing "
                  "was changed.");
      break;
    case ACQ_STORE_ERROR_IO:
      message = _("Acquis cannot write its data file. Check that the disk is not full and that "
                  "the folder belongs to you.");
      break;
    default:
      message = _("Acquis could not save or read its data. Nothing was changed; try again, and "
                  "if it happens again restart Acquis.");
      break;
    }
  g_set_error_literal (error, ACQ_STORE_ERROR, code, message);
  return FALSE;
}

char *
acq_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* Timestamps are ISO 8601 in UTC with milliseconds: they sort as text and travel between
 * machines whatever their time zones. */
char *
acq_store_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
acq_store_finalize (GObject *object)
{
  AcqStore *self = ACQ_STORE (object);

  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_commit_hook (self->db, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->data_dir);

  G_OBJECT_CLASS (acq_store_parent_class)->finalize (object);
}

static void
acq_store_class_init (AcqStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_store_finalize;

  /**
   * AcqStore::changed:
   *
   * Something was committed on this connection, or an import merged data through its own
   * connection (acq_package_import_async()). Emitted once for a burst of commits, from an
   * idle in the thread-default main context of the thread that opened the store (the main
   * thread for the app's store), whatever thread committed.
   *
   * With the detail "external", another connection committed: another process on the same
   * folder (the command line, a second window), or a worker's connection. Seen by
   * acq_store_poll(), synchronously.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
emit_changed_cb (gpointer data)
{
  g_autoptr (AcqStore) self = g_weak_ref_get (data);

  if (self != NULL)
    {
      g_atomic_int_set (&self->change_pending, 0);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

/* Sends "changed" to the store's context, once until it is emitted; callable from any thread.
 * The idle holds a weak reference: a store dropped meanwhile is not kept alive. */
void
_acq_store_notify_changed (AcqStore *self)
{
  GSource *source;
  GWeakRef *ref;

  if (!g_atomic_int_compare_and_exchange (&self->change_pending, 0, 1))
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  source = g_idle_source_new ();
  g_source_set_callback (source, emit_changed_cb, ref, weak_ref_free);
  g_source_set_static_name (source, "[acquis] store changed");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* sqlite calls this in the committing thread, before the commit ends: nothing may run on the
 * store here, so it only schedules "changed". */
static int
on_commit_cb (void *data)
{
  _acq_store_notify_changed (data);
  return 0; /* 0: let the commit go on */
}

static gint64
read_data_version (AcqStore *self)
{
  sqlite3_stmt *stmt = acq_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

/**
 * acq_store_poll:
 * @self: the store
 *
 * Looks whether another connection committed since the last look (SQLite's data_version: a
 * read of shared memory, no disk access), and if so emits #AcqStore::changed with the detail
 * "external", so that what shows the store reads it again.
 *
 * Returns: %TRUE if another connection committed
 */
gboolean
acq_store_poll (AcqStore *self)
{
  gint64 version;

  g_return_val_if_fail (ACQ_IS_STORE (self), FALSE);
  if (!sqlite3_get_autocommit (self->db))
    return FALSE; /* inside a transaction: the next look will tell */
  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;
  self->data_version = version;
  g_signal_emit (self, signals[SIGNAL_CHANGED], g_quark_from_static_string ("external"));
  return TRUE;
}

static gboolean
watch_cb (gpointer data)
{
  acq_store_poll (data);
  return G_SOURCE_CONTINUE;
}

/**
 * acq_store_watch:
 * @self: the store
 * @interval_ms: how often to look
 *
 * Calls acq_store_poll() every @interval_ms in the store's main context, for as long as the
 * store lives: the window sees what the command line or a second window committed.
 */
void
acq_store_watch (AcqStore *self, guint interval_ms)
{
  g_return_if_fail (ACQ_IS_STORE (self));
  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  /* the store destroys the source before it goes: the callback never sees it gone */
  self->watch = g_timeout_source_new (interval_ms);
  g_source_set_callback (self->watch, watch_cb, self, NULL);
  g_source_set_static_name (self->watch, "[acquis] store watch");
  g_source_attach (self->watch, self->context);
}

static void
acq_store_init (AcqStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

gboolean
acq_store_exec (AcqStore *self, const char *sql, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (self), FALSE);
  return _acq_store_exec_db (self->db, sql, error);
}

gboolean
_acq_store_exec_db (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, sql);
  return TRUE;
}

/* One statement, with @arg (if not %NULL) bound to ?1; if @out is not %NULL, it gets the first
 * column of the first row (or %NULL if there is none). For a script of several statements
 * without parameters, _acq_store_exec_db(). */
gboolean
_acq_store_run_db (sqlite3 *db, const char *sql, const char *arg, char **out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (out != NULL)
    *out = NULL;
  if (rc == SQLITE_OK)
    {
      if (arg != NULL)
        _acq_sql_bind_text (stmt, 1, arg);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && out != NULL)
        *out = _acq_sql_column_dup (stmt, 0);
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, sql);
  return TRUE;
}

/**
 * acq_store_prepare:
 * @self: the store
 * @sql: a statement; it must be a string that lives as long as the store (a literal), since
 *   it keys the statement cache
 * @error: where to put an error
 *
 * Returns: (transfer none): the cached statement, reset and with its bindings cleared
 */
sqlite3_stmt *
acq_store_prepare (AcqStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      acq_store_set_error_from_sqlite (error, self->db, rc, sql);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no row; resets it in every case. */
gboolean
acq_store_step_done (AcqStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return acq_store_set_error_from_sqlite (error, self->db, rc, sqlite3_sql (stmt));
  return TRUE;
}

gboolean
acq_store_begin (AcqStore *self, GError **error)
{
  return acq_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
acq_store_commit (AcqStore *self, GError **error)
{
  return acq_store_exec (self, "COMMIT", error);
}

void
acq_store_rollback (AcqStore *self)
{
  g_return_if_fail (ACQ_IS_STORE (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *
acq_store_get_data_dir (AcqStore *self)
{
  g_return_val_if_fail (ACQ_IS_STORE (self), NULL);
  return self->data_dir;
}

sqlite3 *
acq_store_get_db (AcqStore *self)
{
  g_return_val_if_fail (ACQ_IS_STORE (self), NULL);
  return self->db;
}

int
acq_store_get_schema_version (AcqStore *self)
{
  g_return_val_if_fail (ACQ_IS_STORE (self), -1);
  return self->schema_version;
}

static gboolean
read_user_version (sqlite3 *db, int *out_version, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, "reading the schema version");
  return TRUE;
}

/* Whether every row that names another by a foreign key finds it (PRAGMA foreign_key_check
 * lists those that do not). */
static gboolean
foreign_keys_hold (sqlite3 *db, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      sqlite3_finalize (stmt);
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CORRUPT,
                   _("The Acquis data file could not be updated: a row of “%s” refers to a "
                     "record that is missing. Nothing was changed."), table);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, db, rc, "checking the foreign keys");
  return TRUE;
}

/* Moves @db up to @target, one transaction per step, so that an interrupted migration leaves
 * the file at the last complete version. */
gboolean
_acq_store_migrate_db (sqlite3 *db, int target, GError **error)
{
  int version;

  if (!read_user_version (db, &version, error))
    return FALSE;

  if (version > (int) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NEWER_VERSION,
                   _("This data was written by a newer version of Acquis (format %d, this "
                     "version reads up to %d). Please update Acquis."),
                   version, (int) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      gboolean rebuilds = step_rebuilds (version);
      gboolean done;

      /* outside any transaction: inside one, PRAGMA foreign_keys does nothing */
      if (rebuilds && !_acq_store_exec_db (db, "PRAGMA foreign_keys = OFF;"
                                               "PRAGMA legacy_alter_table = ON", error))
        return FALSE;
      done = _acq_store_exec_db (db, "BEGIN IMMEDIATE", error);
      if (done &&
          !(_acq_store_exec_db (db, migrations[version], error) &&
            (!rebuilds || foreign_keys_hold (db, error)) &&
            _acq_store_exec_db (db, bump, error) &&
            _acq_store_exec_db (db, "COMMIT", error)))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          done = FALSE;
        }
      if (rebuilds)
        sqlite3_exec (db, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON", NULL,
                      NULL, NULL);
      if (!done)
        return FALSE;
    }
  return TRUE;
}

/* The folder is the user's only (0700), the file too (0600): it holds personal data. SQLite
 * gives its -wal and -shm files the database file's mode. Only the rights of others are taken
 * away: a folder or file the user made read-only stays so (see acq_store_is_read_only()). */
static gboolean
tighten_mode (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return FALSE;
  if (S_ISLNK (st.st_mode) || (st.st_mode & 077) == 0)
    return TRUE;
  return g_chmod (path, st.st_mode & 0700) == 0;
}

gboolean
_acq_store_ensure_private_dir (const char *dir, GError **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || !tighten_mode (dir))
    {
      int saved = errno;
      g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                   _("Acquis cannot create its data folder “%s”: %s."), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Never open() and close() the database file itself once it exists: POSIX locks belong to
 * the process, and closing any descriptor of the file drops the locks every SQLite connection
 * of the process holds on it. Another process would then take itself for the last one and
 * delete the WAL under us. So the file is created here only when it does not exist yet (no
 * connection can have it open then), and an existing one is fixed by its path. */
static gboolean
ensure_private_file (const char *path, GError **error)
{
  struct stat st;
  int fd;

  if (g_lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        goto fail;
      fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0)
        close (fd);
      else if (errno != EEXIST)
        goto fail;
      if (g_lstat (path, &st) != 0)
        goto fail;
    }
  /* a symbolic link is left to SQLITE_OPEN_NOFOLLOW, which refuses it */
  if (S_ISREG (st.st_mode) && !tighten_mode (path))
    goto fail;
  return TRUE;

fail:
  {
    int saved = errno;
    g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
                 _("Acquis cannot open its data file “%s”: %s."), path, g_strerror (saved));
    return FALSE;
  }
}

sqlite3 *
_acq_store_open_db (const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

  if (rc != SQLITE_OK)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "opening the database");
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Can this process make a file in @dir? Asked of the system by making one: the permission
 * bits alone do not say it (root, a read-only mount, access control lists). */
static gboolean
folder_is_writable (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, ".acquis-probe-XXXXXX", NULL);
  int fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    return errno != EACCES && errno != EPERM && errno != EROFS;
  close (fd);
  g_unlink (probe);
  return TRUE;
}

static gboolean
fail_read_only (GError **error, const char *message)
{
  g_set_error_literal (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_READ_ONLY, message);
  return FALSE;
}

/* A store in a folder that cannot be written: a WAL database is read with its -shm when it
 * exists; without it (after a clean quit SQLite removes it) SQLite cannot make one there, and
 * the file is read as immutable, which is what it is for this process. A -wal left with
 * changes in it cannot be read without its -shm: refused rather than shown stale. */
static sqlite3 *
open_read_only (const char *path, GError **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *ro = NULL;
  GStatBuf st;
  sqlite3 *db;

  if (uri == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fail_read_only (error, _("This data folder is read-only and holds no Acquis data yet. "
                               "Choose a folder you may write in."));
      return NULL;
    }
  /* the connection itself stays read-write: an export attaches a private temporary file */
  ro = g_strconcat (uri, "?mode=ro", NULL);
  db = _acq_store_open_db (ro, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
  if (db != NULL && _acq_store_exec_db (db, "SELECT count(*) FROM sqlite_master", NULL))
    return db;
  sqlite3_close_v2 (db);
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      fail_read_only (error, _("This data folder is read-only, and the last changes made in it "
                               "are still beside the data file. Open it once where it can be "
                               "written, then try again."));
      return NULL;
    }
  g_free (ro);
  ro = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  return _acq_store_open_db (ro, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, error);
}

/* Brings a read-write store up: WAL, then the migrations. */
static gboolean
set_up_writable (AcqStore *self, GError **error)
{
  return _acq_store_exec_db (self->db,
                             "PRAGMA journal_mode = WAL;"
                             "PRAGMA synchronous = NORMAL;"
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA secure_delete = ON;",
                             error) &&
         _acq_store_migrate_db (self->db, G_N_ELEMENTS (migrations), error);
}

/**
 * acq_store_open:
 * @data_dir: the folder that holds the database, created if needed
 * @error: where to put an error; %ACQ_STORE_ERROR_CORRUPT means the file is damaged and must
 *   not be touched (see acq_store_set_aside_damaged())
 *
 * Opens (or creates) the store and brings its schema to the latest version. A data folder
 * or file that cannot be written is opened read-only (acq_store_is_read_only()): it can be
 * read and exported, every change is refused with %ACQ_STORE_ERROR_READ_ONLY.
 *
 * Returns: (transfer full): the store, or %NULL
 */
AcqStore *
acq_store_open (const char *data_dir, GError **error)
{
  g_autoptr (AcqStore) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);
  self = g_object_new (ACQ_TYPE_STORE, NULL);
  self->data_dir = g_strdup (data_dir);
  /* an existing folder that cannot be written is read, not created nor changed */
  if (g_file_test (data_dir, G_FILE_TEST_IS_DIR) && !folder_is_writable (data_dir))
    {
      self->read_only = TRUE;
      self->db = open_read_only (path, error);
    }
  else
    {
      if (!_acq_store_ensure_private_dir (data_dir, error))
        return NULL;
      acq_store_sweep_temp (data_dir);
      if (!ensure_private_file (path, error))
        return NULL;
      self->db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE, error);
      /* a data file made read-only by the user: SQLite opened it so */
      if (self->db != NULL && sqlite3_db_readonly (self->db, "main") == 1)
        self->read_only = TRUE;
    }
  if (self->db == NULL)
    return NULL;

  /* A file that is not a database at all is refused before anything writes to it. The full
   * page-by-page check reads the whole file, too slow for every start with years of sheets:
   * acq_store_verify() runs it on a worker thread (the app does it before the daily backup). */
  if (!_acq_store_exec_db (self->db, "SELECT count(*) FROM sqlite_master", error))
    return NULL;

  if (!self->read_only && !set_up_writable (self, error))
    return NULL;
  if (!_acq_store_exec_db (self->db, "PRAGMA foreign_keys = ON", error) ||
      !read_user_version (self->db, &self->schema_version, error))
    return NULL;
  if (self->schema_version > (int) G_N_ELEMENTS (migrations))
    {
      /* the same refusal as the migration's */
      _acq_store_migrate_db (self->db, self->schema_version, error);
      return NULL;
    }
  if (self->schema_version < (int) G_N_ELEMENTS (migrations))
    {
      fail_read_only (error, _("This data folder is read-only and was written by an older "
                               "version of Acquis, which this one must update first. Open it "
                               "once where it can be written."));
      return NULL;
    }

  /* after the migrations: opening the store is not a change */
  self->context = g_main_context_ref_thread_default ();
  self->data_version = read_data_version (self);
  sqlite3_commit_hook (self->db, on_commit_cb, self);
  return g_steal_pointer (&self);
}

/**
 * acq_store_is_read_only:
 * @self: the store
 *
 * Returns: %TRUE if the data folder or file cannot be written: the store can be read and
 *   exported, not changed
 */
gboolean
acq_store_is_read_only (AcqStore *self)
{
  g_return_val_if_fail (ACQ_IS_STORE (self), TRUE);
  return self->read_only;
}

/**
 * acq_store_verify:
 * @data_dir: the data folder
 * @error: where to put an %ACQ_STORE_ERROR_CORRUPT error
 *
 * Reads every page of the database on a connection of its own (so it can run on a worker
 * thread while the user works) and says whether the file is damaged.
 *
 * Returns: %TRUE if the file is sound, or does not exist yet
 */
gboolean
acq_store_verify (const char *data_dir, GError **error)
{
  g_autofree char *path = g_build_filename (data_dir, ACQ_STORE_FILE_NAME, NULL);
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  db = _acq_store_open_db (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK && g_strcmp0 (check, "ok") != 0)
    rc = SQLITE_CORRUPT;
  if (rc != SQLITE_OK)
    acq_store_set_error_from_sqlite (error, db, rc, check ? check : "checking the file");
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}
