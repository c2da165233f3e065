/* acq-package.c — one candidate's dossier as an encrypted .acquis file: the format, the
 * writer and the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is a clear header followed by the content, encrypted:
 *
 *   offset size
 *        0    7  magic "ACQUIS\0"
 *        7    1  0 (reserved)
 *        8    4  format version, little endian: a newer one is refused before anything else
 *       12    4  flags, 0
 *       16   36  the candidate's uuid, ASCII: which dossier, without the passphrase
 *       52   16  Argon2id salt
 *       68    4  Argon2id opslimit
 *       72    4  Argon2id memlimit, in KiB
 *       76    4  plain bytes per chunk
 *       80    8  plain size of the content
 *       88   24  crypto_secretstream_xchacha20poly1305 header
 *      112   16  key check: BLAKE2b-128 of a constant keyed with the derived key
 *      128   32  SHA-256 of bytes 0 to 127
 *      160       the chunks, each ABYTES longer than its plain text, the last one tagged FINAL
 *
 * Why each part:
 * - The header holds no personal data (a uuid says nothing of the person), so that the
 *   exchange folder can tell whose file it is before asking for the passphrase.
 * - Its SHA-256 tells accidental damage in the header ("damaged") from a wrong passphrase:
 *   it protects nothing against an attacker, who could recompute it. What does is that the
 *   whole header is the additional data of the first chunk: any change fails decryption.
 * - The key check tells a wrong passphrase from a damaged content, for the message. It gives
 *   an attacker nothing the first chunk does not give already (a way to test guesses).
 * - The Argon2id cost is read from the file so it can grow later, but bounded, so that a
 *   hostile file cannot ask for gigabytes of memory or minutes of work.
 * - The declared size must match the file's size exactly: a truncated file is refused before
 *   any key derivation, and the FINAL tag catches one truncated at a chunk boundary with a
 *   forged size.
 * - The content is an SQLite database: the store's own tables (the candidate's rows, created
 *   from the store's schema, so a table added by a later issue travels without a new format),
 *   plus package_manifest, package_unit (what the sender has seen of each record) and
 *   package_blob (the attachments' bytes). PRAGMA user_version is the store schema it was
 *   written with: an older one is migrated with the store's own migrations.
 */
#define G_LOG_DOMAIN "acq-package"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-output-file.h"
#include "acq-package-private.h"
#include "acq-sql-private.h"
#include "acq-store-private.h"
#include "acq-user-file.h"

#define CHUNK_SIZE (64 * 1024)
#define CHUNK_MIN 4096
#define CHUNK_MAX (1024 * 1024)
/* 50 MB of attachments per candidate is the benchmark's case; 4 GiB is far beyond. */
#define CONTENT_MAX (G_GUINT64_CONSTANT (4) << 30)
#define KEY_CHECK_CONTEXT "acquis-key-check"
#define KEY_CHECK_LEN 16

G_DEFINE_QUARK (acq-package-error-quark, acq_package_error)

/* Argon2id "moderate" opslimit with 128 MiB: about half a second on a 2015 laptop, which a
 * person waits once per exchange; the passphrase protects personal data sent by mail. */
static guint64 kdf_opslimit = 3;
static gsize kdf_memlimit = 128 * 1024 * 1024;
static guint64 kdf_read_max_opslimit = 10;
static gsize kdf_read_max_memlimit = 512 * 1024 * 1024;

void
_acq_package_set_kdf_cost (guint64 opslimit, gsize memlimit)
{
  kdf_opslimit = MAX (opslimit, crypto_pwhash_OPSLIMIT_MIN);
  kdf_memlimit = MAX (memlimit, crypto_pwhash_MEMLIMIT_MIN);
}

void
_acq_package_set_kdf_read_max (guint64 opslimit, gsize memlimit)
{
  kdf_read_max_opslimit = opslimit;
  kdf_read_max_memlimit = memlimit;
}

typedef struct
{
  guint8  bytes[ACQ_PACKAGE_HEADER_SIZE];
  guint32 format_version;
  char    candidate_uuid[37];
  guint64 opslimit;
  gsize   memlimit;
  guint32 chunk_size;
  guint64 content_size;
} Header;

static void
put_u32 (guint8 *p, guint32 v)
{
  v = GUINT32_TO_LE (v);
  memcpy (p, &v, 4);
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static void
put_u64 (guint8 *p, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, 8);
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v;
  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

static gboolean
fail (GError **error, AcqPackageError code, const char *message)
{
  g_set_error_literal (error, ACQ_PACKAGE_ERROR, code, message);
  return FALSE;
}

static gboolean
fail_damaged (GError **error)
{
  return fail (error, ACQ_PACKAGE_ERROR_DAMAGED,
               _("This exchange file is damaged or incomplete: it was changed or cut short "
                 "on its way. Nothing was imported; ask for the file to be sent again."));
}

static gboolean
fail_io (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
               _("Acquis cannot read or write “%s”: %s."), path, g_strerror (saved_errno));
  return FALSE;
}

/* Opens the file the user chose: a pipe or a device is refused at once, never waited on. */
static int
open_chosen (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  int fd = acq_user_file_open (path, &local_error);

  if (fd < 0)
    g_set_error_literal (error, ACQ_PACKAGE_ERROR,
                         g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
                         ? ACQ_PACKAGE_ERROR_NOT_PACKAGE : ACQ_PACKAGE_ERROR_FAILED,
                         local_error->message);
  return fd;
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    return fail (error, ACQ_PACKAGE_ERROR_FAILED,
                 _("The encryption library could not start. Nothing was changed."));
  return TRUE;
}

static gboolean
uuid_is_plain (const char *uuid)
{
  return uuid != NULL && strlen (uuid) == 36 && g_uuid_string_is_valid (uuid);
}

/* Fills in and seals a header: everything but the secretstream header and the key check
 * must be set before. */
static void
header_seal (Header *h)
{
  guint8 *b = h->bytes;

  memcpy (b, ACQ_PACKAGE_MAGIC, ACQ_PACKAGE_MAGIC_LEN);
  b[7] = 0;
  put_u32 (b + 8, h->format_version);
  put_u32 (b + 12, 0);
  memcpy (b + 16, h->candidate_uuid, 36);
  put_u32 (b + 68, (guint32) h->opslimit);
  put_u32 (b + 72, (guint32) (h->memlimit / 1024));
  put_u32 (b + 76, h->chunk_size);
  put_u64 (b + 80, h->content_size);
  crypto_hash_sha256 (b + 128, b, 128);
}

static gboolean
header_parse (Header *h, const guint8 *bytes, gsize len, goffset file_size, GError **error)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  guint64 chunks, expected;

  if (len == 0)
    return fail (error, ACQ_PACKAGE_ERROR_NOT_PACKAGE,
                 _("This file is empty: it is not an Acquis exchange file. Nothing was "
                   "imported."));
  if (len < ACQ_PACKAGE_MAGIC_LEN || memcmp (bytes, ACQ_PACKAGE_MAGIC, ACQ_PACKAGE_MAGIC_LEN) != 0)
    return fail (error, ACQ_PACKAGE_ERROR_NOT_PACKAGE,
                 _("This file is not an Acquis exchange file (.acquis). Nothing was "
                   "imported."));
  if (len < 12)
    return fail_damaged (error);
  h->format_version = get_u32 (bytes + 8);
  /* A newer format may lay out the rest of the header otherwise: say so before reading it. */
  if (h->format_version > ACQ_PACKAGE_FORMAT_VERSION)
    return fail (error, ACQ_PACKAGE_ERROR_NEWER,
                 _("This file was made by a newer version of Acquis. Please update Acquis to "
                   "open it."));
  if (len < ACQ_PACKAGE_HEADER_SIZE)
    return fail_damaged (error);
  memcpy (h->bytes, bytes, ACQ_PACKAGE_HEADER_SIZE);
  crypto_hash_sha256 (digest, h->bytes, 128);
  if (h->format_version == 0 || sodium_memcmp (digest, h->bytes + 128, sizeof digest) != 0)
    return fail_damaged (error);

  memcpy (h->candidate_uuid, h->bytes + 16, 36);
  h->candidate_uuid[36] = '\0';
  h->opslimit = get_u32 (h->bytes + 68);
  h->memlimit = (gsize) get_u32 (h->bytes + 72) * 1024;
  h->chunk_size = get_u32 (h->bytes + 76);
  h->content_size = get_u64 (h->bytes + 80);
  if (!uuid_is_plain (h->candidate_uuid) || h->chunk_size < CHUNK_MIN ||
      h->chunk_size > CHUNK_MAX || h->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      h->memlimit < crypto_pwhash_MEMLIMIT_MIN || h->content_size == 0)
    return fail_damaged (error);
  if (h->opslimit > kdf_read_max_opslimit || h->memlimit > kdf_read_max_memlimit ||
      h->content_size > CONTENT_MAX)
    return fail (error, ACQ_PACKAGE_ERROR_TOO_LARGE,
                 _("This exchange file asks for more memory or space than Acquis allows. It "
                   "may have been forged; nothing was imported."));

  /* Only a file of the exact size can be whole (file_size < 0: not known, the fuzzer). */
  chunks = (h->content_size + h->chunk_size - 1) / h->chunk_size;
  expected = ACQ_PACKAGE_HEADER_SIZE + h->content_size +
             chunks * crypto_secretstream_xchacha20poly1305_ABYTES;
  if (file_size >= 0 && (guint64) file_size != expected)
    return fail_damaged (error);
  return TRUE;
}

static gboolean
derive_key (guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES], const Header *h,
            const char *passphrase, GError **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase,
                     strlen (passphrase), h->bytes + 52, h->opslimit, h->memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    return fail (error, ACQ_PACKAGE_ERROR_FAILED,
                 _("There is not enough memory to open the exchange file. Close other "
                   "programs and try again."));
  return TRUE;
}

static void
key_check (guint8 out[KEY_CHECK_LEN], const guint8 *key)
{
  crypto_generichash (out, KEY_CHECK_LEN, (const guint8 *) KEY_CHECK_CONTEXT,
                      strlen (KEY_CHECK_CONTEXT), key,
                      crypto_secretstream_xchacha20poly1305_KEYBYTES);
}

static gboolean
write_all (int fd, const guint8 *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Reads up to @len bytes; returns how many, or -1. */
static gssize
read_full (int fd, guint8 *data, gsize len)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = read (fd, data + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

static gboolean
encrypt_stream (int in_fd, int out_fd, Header *h, const char *passphrase,
                GCancellable *cancellable, GError **error)
{
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  g_autofree guint8 *plain = g_malloc (h->chunk_size);
  g_autofree guint8 *cipher = g_malloc (h->chunk_size + crypto_secretstream_xchacha20poly1305_ABYTES);
  guint64 left = h->content_size;
  gboolean first = TRUE, ok = FALSE;

  /* The key and the stream's state (which holds it) never reach the swap, and are wiped. */
  sodium_mlock (key, sizeof key);
  sodium_mlock (&state, sizeof state);
  randombytes_buf (h->bytes + 52, crypto_pwhash_SALTBYTES);
  if (!derive_key (key, h, passphrase, error))
    goto out;
  crypto_secretstream_xchacha20poly1305_init_push (&state, h->bytes + 88, key);
  key_check (h->bytes + 112, key);
  header_seal (h);
  if (!write_all (out_fd, h->bytes, ACQ_PACKAGE_HEADER_SIZE))
    goto io_error;

  do
    {
      gsize n = MIN (left, h->chunk_size);
      unsigned long long clen;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (read_full (in_fd, plain, n) != (gssize) n)
        goto io_error;
      left -= n;
      crypto_secretstream_xchacha20poly1305_push (
        &state, cipher, &clen, plain, n, first ? h->bytes : NULL,
        first ? ACQ_PACKAGE_HEADER_SIZE : 0,
        left == 0 ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
      first = FALSE;
      if (!write_all (out_fd, cipher, clen))
        goto io_error;
    }
  while (left > 0);
  ok = TRUE;
  goto out;

io_error:
  fail_io (error, _("the exchange file"), errno);
out:
  sodium_munlock (key, sizeof key); /* wipes it first */
  sodium_munlock (&state, sizeof state);
  sodium_memzero (plain, h->chunk_size);
  return ok;
}

gboolean
_acq_package_encrypt (const char *content_path, const char *candidate_uuid, int format_version,
                      const char *passphrase, const char *path, GCancellable *cancellable,
                      GError **error)
{
  g_autofree char *tmp = NULL;
  Header h = { 0 };
  struct stat st;
  int in_fd, out_fd;
  gboolean ok;

  if (!ensure_sodium (error))
    return FALSE;
  g_return_val_if_fail (uuid_is_plain (candidate_uuid), FALSE);
  in_fd = g_open (content_path, O_RDONLY | O_CLOEXEC, 0);
  if (in_fd < 0 || fstat (in_fd, &st) != 0)
    {
      int saved = errno;
      if (in_fd >= 0)
        close (in_fd);
      return fail_io (error, content_path, saved);
    }
  /* Never a half-written .acquis: the file appears under its name only when complete. */
  out_fd = acq_output_file_open (path, &tmp);
  if (out_fd < 0)
    {
      int saved = errno;
      close (in_fd);
      return fail_io (error, path, saved);
    }
  h.format_version = format_version;
  memcpy (h.candidate_uuid, candidate_uuid, 37);
  h.opslimit = kdf_opslimit;
  h.memlimit = kdf_memlimit;
  h.chunk_size = CHUNK_SIZE;
  h.content_size = st.st_size;
  ok = encrypt_stream (in_fd, out_fd, &h, passphrase, cancellable, error);
  close (in_fd);
  if (!ok)
    acq_output_file_abandon (out_fd, tmp);
  else if (!acq_output_file_commit (out_fd, tmp, path))
    ok = fail_io (error, path, errno);
  return ok;
}

/**
 * acq_package_peek:
 * @path: an .acquis file
 * @candidate_uuid: (out) (optional) (transfer full): whose dossier it holds
 * @format_version: (out) (optional): its format
 * @error: where to put an #AcqPackageError
 *
 * Reads the clear header only: no passphrase, no personal data.
 *
 * Returns: %TRUE if the header is sound
 */
gboolean
acq_package_peek (const char *path, char **candidate_uuid, int *format_version, GError **error)
{
  guint8 bytes[ACQ_PACKAGE_HEADER_SIZE];
  Header h = { 0 };
  struct stat st;
  gssize len;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  fd = open_chosen (path, error);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      return fail_io (error, path, saved);
    }
  len = read_full (fd, bytes, sizeof bytes);
  close (fd);
  if (len < 0)
    return fail_io (error, path, errno);
  if (!header_parse (&h, bytes, len, st.st_size, error))
    return FALSE;
  if (candidate_uuid != NULL)
    *candidate_uuid = g_strdup (h.candidate_uuid);
  if (format_version != NULL)
    *format_version = h.format_version;
  return TRUE;
}

static gboolean
decrypt_stream (int in_fd, int out_fd, const Header *h, const char *passphrase,
                GCancellable *cancellable, GError **error)
{
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 check[KEY_CHECK_LEN];
  crypto_secretstream_xchacha20poly1305_state state;
  gsize cipher_max = h->chunk_size + crypto_secretstream_xchacha20poly1305_ABYTES;
  g_autofree guint8 *plain = g_malloc (h->chunk_size);
  g_autofree guint8 *cipher = g_malloc (cipher_max);
  guint64 left = h->content_size;
  gboolean first = TRUE, ok = FALSE;

  sodium_mlock (key, sizeof key);
  sodium_mlock (&state, sizeof state);
  if (!derive_key (key, h, passphrase, error))
    goto out;
  key_check (check, key);
  if (sodium_memcmp (check, h->bytes + 112, KEY_CHECK_LEN) != 0)
    {
      fail (error, ACQ_PACKAGE_ERROR_PASSPHRASE,
            _("The passphrase is not the one this exchange file was made with. Check it with "
              "the person who sent the file. Nothing was imported."));
      goto out;
    }
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, h->bytes + 88, key) != 0)
    {
      fail_damaged (error);
      goto out;
    }

  while (left > 0)
    {
      gsize n = MIN (left, h->chunk_size);
      gsize clen = n + crypto_secretstream_xchacha20poly1305_ABYTES;
      unsigned long long mlen;
      unsigned char tag;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (read_full (in_fd, cipher, clen) != (gssize) clen ||
          crypto_secretstream_xchacha20poly1305_pull (&state, plain, &mlen, &tag, cipher, clen,
                                                      first ? h->bytes : NULL,
                                                      first ? ACQ_PACKAGE_HEADER_SIZE : 0) != 0 ||
          mlen != n)
        {
          fail_damaged (error);
          goto out;
        }
      left -= n;
      first = FALSE;
      /* The FINAL tag is on the last chunk, and only there. */
      if ((tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) != (left == 0))
        {
          fail_damaged (error);
          goto out;
        }
      if (!write_all (out_fd, plain, n))
        {
          fail_io (error, _("a temporary file"), errno);
          goto out;
        }
    }
  /* Nothing may follow the last chunk. */
  if (read_full (in_fd, cipher, 1) != 0)
    {
      fail_damaged (error);
      goto out;
    }
  ok = TRUE;

out:
  sodium_munlock (key, sizeof key); /* wipes it first */
  sodium_munlock (&state, sizeof state);
  sodium_memzero (plain, h->chunk_size);
  return ok;
}

/* Feeds one value to @sum with its type and length, so that ("a", "bc") and ("ab", "c")
 * differ; shared with the merge's hashes of records. */
void
_acq_package_digest_value (GChecksum *sum, sqlite3_stmt *stmt, int column)
{
  guint8 type = sqlite3_column_type (stmt, column);
  guint64 len;

  g_checksum_update (sum, &type, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      {
        guint64 v = GUINT64_TO_LE ((guint64) sqlite3_column_int64 (stmt, column));
        g_checksum_update (sum, (const guint8 *) &v, 8);
        break;
      }
    case SQLITE_FLOAT:
      {
        double d = sqlite3_column_double (stmt, column);
        g_checksum_update (sum, (const guint8 *) &d, 8);
        break;
      }
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const void *data = type == SQLITE_TEXT ? (const void *) sqlite3_column_text (stmt, column)
                                               : sqlite3_column_blob (stmt, column);
        len = GUINT64_TO_LE ((guint64) sqlite3_column_bytes (stmt, column));
        g_checksum_update (sum, (const guint8 *) &len, 8);
        if (data != NULL)
          g_checksum_update (sum, data, sqlite3_column_bytes (stmt, column));
        break;
      }
    default:
      break;
    }
}

static gboolean
digest_table (sqlite3 *db, const char *schema, const char *table, GChecksum *sum,
              GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\".\"%s\" ORDER BY rowid", schema,
                                          table);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  /* A table WITHOUT ROWID has no rowid, and is read in the order of its key. */
  if (rc != SQLITE_OK)
    {
      g_free (sql);
      sql = g_strdup_printf ("SELECT * FROM \"%s\".\"%s\"", schema, table);
      rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
    }
  g_checksum_update (sum, (const guint8 *) table, strlen (table) + 1);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        _acq_package_digest_value (sum, stmt, i);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, db, rc, sql);
  return TRUE;
}

char *
_acq_package_content_digest (sqlite3 *db, const char *schema, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM \"%s\".sqlite_master WHERE type = "
                                          "'table' AND name NOT LIKE 'sqlite\\_%%' ESCAPE '\\' "
                                          "AND name != '" ACQ_PACKAGE_MANIFEST_TABLE "' "
                                          "ORDER BY name", schema);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, _acq_sql_column_dup (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, db, rc, "listing the tables of a package");
      return NULL;
    }
  for (guint i = 0; i < tables->len; i++)
    if (!digest_table (db, schema, g_ptr_array_index (tables, i), sum, error))
      return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

/* Every attachment's bytes must have the SHA-256 they are filed under. */
static gboolean
verify_blobs (sqlite3 *db, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT sha256, data FROM " ACQ_PACKAGE_BLOB_TABLE, -1, &stmt,
                               NULL);
  gboolean ok = TRUE;

  while (ok && rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      const void *data = sqlite3_column_blob (stmt, 1);

      if (data != NULL)
        g_checksum_update (sum, data, sqlite3_column_bytes (stmt, 1));
      ok = g_strcmp0 (g_checksum_get_string (sum), _acq_sql_column_text (stmt, 0)) == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (!ok || (rc != SQLITE_DONE && rc != SQLITE_OK))
    return fail_damaged (error);
  return TRUE;
}

static gboolean
read_manifest (sqlite3 *db, const char *key, char **out, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!_acq_store_run_db (db, "SELECT value FROM " ACQ_PACKAGE_MANIFEST_TABLE " WHERE key = ?1",
                          key, out, &local_error) ||
      *out == NULL)
    return fail_damaged (error);
  return TRUE;
}

static gboolean
not_ours (GError **error)
{
  return fail (error, ACQ_PACKAGE_ERROR_NOT_PACKAGE,
               _("This file is not an Acquis exchange file (.acquis). Nothing was imported."));
}

/* The content's tables come without keys (they are copies): the merge looks records up by
 * uuid thousands of times, so they get indexes on the columns it looks up by. */
static void
index_content (sqlite3 *db)
{
  static const char *const columns[] = { "uuid", "sheet_uuid", "candidate_uuid", "unit", NULL };
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info "
                          "(m.name) p WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE "
                          "VIRTUAL%'", -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = _acq_sql_column_text (stmt, 0);
      const char *column = _acq_sql_column_text (stmt, 1);

      if (g_strv_contains (columns, column))
        g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"package_by_%s_%s\" ON "
                                "\"%s\" (\"%s\");", table, column, table, column);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, sql->str, NULL, NULL, NULL);
}

/* The decrypted content: ours, whole, of a schema this Acquis reads (an older one is brought
 * up to date), and for the candidate the header names. */
static gboolean
check_content (const char *content_path, const Header *h, AcqRole *out_author_role,
               GError **error)
{
  return _acq_package_check_content (content_path, h->candidate_uuid, h->format_version,
                                     out_author_role, error);
}

gboolean
_acq_package_check_content (const char *content_path, const char *candidate_uuid,
                            guint format_version, AcqRole *out_author_role, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *check = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *role = NULL;
  g_autofree char *format = NULL;
  int schema;
  sqlite3 *db;
  gboolean ok = FALSE;

  db = _acq_store_open_db (content_path, SQLITE_OPEN_READWRITE, &local_error);
  if (db == NULL)
    return not_ours (error);
  /* Defensive settings for a file that came from elsewhere. */
  sqlite3_exec (db, "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;", NULL, NULL,
                NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!_acq_store_run_db (db, "PRAGMA quick_check", NULL, &check, &local_error) ||
      g_strcmp0 (check, "ok") != 0 ||
      !_acq_store_run_db (db, "PRAGMA application_id", NULL, &app_id, &local_error) ||
      g_ascii_strtoll (app_id ? app_id : "0", NULL, 10) != ACQ_PACKAGE_APPLICATION_ID ||
      !_acq_store_run_db (db, "PRAGMA user_version", NULL, &version, &local_error))
    {
      not_ours (error);
      goto out;
    }
  schema = (int) g_ascii_strtoll (version, NULL, 10);
  if (schema > acq_store_get_latest_version ())
    {
      fail (error, ACQ_PACKAGE_ERROR_NEWER,
            _("This file was made by a newer version of Acquis. Please update Acquis to open "
              "it."));
      goto out;
    }
  if (!read_manifest (db, "format_version", &format, error) ||
      !read_manifest (db, "candidate_uuid", &candidate, error) ||
      !read_manifest (db, "content_sha256", &expected, error) ||
      !read_manifest (db, "exporter_role", &role, error))
    goto out;
  if (g_ascii_strtoll (format, NULL, 10) != format_version ||
      g_strcmp0 (candidate, candidate_uuid) != 0 ||
      !(digest = _acq_package_content_digest (db, "main", &local_error)) ||
      g_strcmp0 (digest, expected) != 0 || !verify_blobs (db, NULL))
    {
      fail_damaged (error);
      goto out;
    }
  *out_author_role = g_strcmp0 (role, "coach") == 0 ? ACQ_ROLE_COACH : ACQ_ROLE_CANDIDATE;
  /* An older schema is brought up with the store's own migrations, after the checks so that
   * the digest is the one the sender computed. */
  if (schema < 1 ||
      !_acq_store_migrate_db (db, acq_store_get_latest_version (), &local_error))
    {
      fail_damaged (error);
      goto out;
    }
  index_content (db);
  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

/* The clear content is personal data: it goes to the data folder's private temporary folder. */
static int
open_private_temp (const char *data_dir, char **out_path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = acq_store_make_temp (data_dir, "import", FALSE, &local_error);
  int fd;

  if (path == NULL)
    {
      g_set_error_literal (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
                           local_error->message);
      return -1;
    }
  fd = g_open (path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    {
      fail_io (error, path, errno);
      g_unlink (path);
      return -1;
    }
  *out_path = g_steal_pointer (&path);
  return fd;
}

char *
_acq_package_open (const char *path, const char *passphrase, const char *tmp_dir,
                   char **out_candidate_uuid, AcqRole *out_author_role,
                   GCancellable *cancellable, GError **error)
{
  guint8 bytes[ACQ_PACKAGE_HEADER_SIZE];
  g_autofree char *content = NULL;
  Header h = { 0 };
  AcqRole author = ACQ_ROLE_CANDIDATE;
  struct stat st;
  gssize len;
  int fd, out_fd;
  gboolean ok;

  if (!ensure_sodium (error))
    return NULL;
  fd = open_chosen (path, error);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      fail_io (error, path, saved);
      return NULL;
    }
  len = read_full (fd, bytes, sizeof bytes);
  if (len < 0 || !header_parse (&h, bytes, len, st.st_size, error))
    {
      if (len < 0)
        fail_io (error, path, errno);
      close (fd);
      return NULL;
    }
  out_fd = open_private_temp (tmp_dir, &content, error);
  if (out_fd < 0)
    {
      close (fd);
      return NULL;
    }
  ok = decrypt_stream (fd, out_fd, &h, passphrase ? passphrase : "", cancellable, error);
  close (fd);
  close (out_fd);
  if (ok)
    ok = check_content (content, &h, &author, error);
  if (!ok)
    {
      g_unlink (content);
      return NULL;
    }
  if (out_candidate_uuid != NULL)
    *out_candidate_uuid = g_strdup (h.candidate_uuid);
  if (out_author_role != NULL)
    *out_author_role = author;
  return g_steal_pointer (&content);
}
