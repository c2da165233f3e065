/* acq-dp-layout.c — the page metric of the Dossier Professionnel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One example of professional practice, laid out and broken into pages exactly as the
 * dossier generator prints it. The editor's estimate ("2.4 pages of the 3 allowed") and the
 * PDF come from the same code below, with the same fonts and the same unhinted metrics,
 * so they cannot disagree: measuring is rendering without a cairo context.
 */
#define G_LOG_DOMAIN "acq-dp-layout"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "acq-dp-layout-private.h"
#include "acq-pango.h"

/* A line may overhang the page bottom by rounding error only. */
#define FIT_EPSILON 0.01
/* A heading stays on the page with at least this many lines of what follows it. */
#define KEEP_WITH_NEXT_LINES 2
/* Paragraphs whose lines are remembered between two measures; a dossier has a few
 * hundred. Past this, the memory is simply emptied. */
#define MAX_CACHED_PARAGRAPHS 4096

typedef enum
{
  STYLE_TITLE,
  STYLE_NOTE,
  STYLE_HEADING,
  STYLE_FIELD,
  STYLE_BODY,
  N_STYLES
} Style;

typedef struct
{
  const char *family;
  PangoWeight weight;
  PangoStyle slant;
  double size;
  double spacing;
  double space_before;
  double space_after;
  double rgb[3];
} StyleSpec;

static const StyleSpec styles[N_STYLES] = {
  [STYLE_TITLE] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, ACQ_DP_TITLE_SIZE,
                    1.1, 0, 6, { 0.09, 0.20, 0.36 } },
  [STYLE_NOTE] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 9.0, 1.2, 0, 2,
                   { 0.25, 0.25, 0.25 } },
  [STYLE_HEADING] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                      ACQ_DP_HEADING_SIZE, 1.1, 14, 4, { 0.09, 0.20, 0.36 } },
  [STYLE_FIELD] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, ACQ_DP_BODY_SIZE,
                    ACQ_DP_BODY_SPACING, 0, 2, { 0, 0, 0 } },
  [STYLE_BODY] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, ACQ_DP_BODY_SIZE,
                   ACQ_DP_BODY_SPACING, 0, 0, { 0, 0, 0 } },
};

/* The headings of the ministry's DP template, in French whatever the interface language;
 * U+00A0 before the colon and the question mark, as French typography wants. */
static const char *const rubric_headings[ACQ_DP_N_RUBRICS] = {
  "1. Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles "
  "conditions\u00A0:",
  "2. Précisez les moyens utilisés\u00A0:",
  "3. Avec qui avez-vous travaillé\u00A0?",
  "4. Précisez le contexte\u00A0:",
  "5. Informations complémentaires (facultatif)\u00A0:",
};

#define CONTEXT_RUBRIC 3

/* One paragraph to lay out: its text, the length of a bold label at its start, and the
 * rubric it belongs to (-1 for the title and competences). */
typedef struct
{
  Style style;
  char *text;
  gsize label_len;
  int rubric;
} Block;

typedef struct
{
  PangoLayoutLine *line; /* owned by the paragraph's layout */
  double x;              /* offset of the line's origin from the left of the content area */
  double height;         /* space the line takes down the page, spacing included */
  double baseline;       /* from the top of that space */
} LineBox;

typedef struct
{
  const Block *block;
  PangoLayout *layout;
  GArray *lines; /* LineBox */
} Paragraph;

typedef struct
{
  cairo_t *cr; /* NULL when only measuring */
  AcqDpPageFunc page_func;
  gpointer user_data;
  AcqDpMeasure *measure;
  guint page;
  double y;      /* from the top of the content area */
  double bottom; /* bottom of the last line placed */
} Pager;

struct _AcqDpLayout
{
  GObject parent_instance;

  PangoFontMap *font_map;
  PangoContext *context;
  PangoFontDescription *fonts[N_STYLES];
  /* Style and text of a paragraph → its LineBox array, without the Pango lines: while the
   * candidate types, only the paragraph being edited is laid out again. */
  GHashTable *line_cache;
  /* The same key → the PangoLayout measured, for the drawing that follows (the dossier's
   * second pass), so that the text is shaped once; NULL unless asked for. */
  GHashTable *layout_cache;
  double body_line_height;
  double spacing[N_STYLES];
  /* the reading style, when one replaces the model's (_acq_dp_layout_set_reading_style()) */
  char *reading_family;
  double reading_size;
  double reading_spacing;
};

G_DEFINE_FINAL_TYPE (AcqDpLayout, acq_dp_layout, G_TYPE_OBJECT)

static void
acq_dp_layout_finalize (GObject *object)
{
  AcqDpLayout *self = ACQ_DP_LAYOUT (object);

  for (int i = 0; i < N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_pointer (&self->line_cache, g_hash_table_unref);
  g_clear_pointer (&self->layout_cache, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->reading_family);

  G_OBJECT_CLASS (acq_dp_layout_parent_class)->finalize (object);
}

static void
acq_dp_layout_class_init (AcqDpLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acq_dp_layout_finalize;
}

/**
 * acq_dp_font_new:
 * @family: a static string: %ACQ_DP_BODY_FONT or %ACQ_DP_HEADING_FONT
 * @weight: the weight
 * @slant: the style
 * @size: the size in points
 *
 * A font of the dossier, for the other documents that print as it does (the jury's fiche de
 * préparation).
 *
 * Returns: (transfer full): the font description
 */
PangoFontDescription *
acq_dp_font_new (const char *family, PangoWeight weight, PangoStyle slant, double size)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family_static (desc, family);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, slant);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  return desc;
}

static void
setup_context (AcqDpLayout *self)
{
  self->context = acq_pango_context_new ();
  self->font_map = g_object_ref (pango_context_get_font_map (self->context));
}

static void
acq_dp_layout_init (AcqDpLayout *self)
{
  setup_context (self);
  self->line_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_array_unref);
  for (int i = 0; i < N_STYLES; i++)
    {
      self->fonts[i] = acq_dp_font_new (styles[i].family, styles[i].weight, styles[i].slant,
                                         styles[i].size);
      self->spacing[i] = styles[i].spacing;
    }
}

/**
 * acq_dp_layout_new:
 *
 * Creates the layout engine of the Dossier Professionnel, with its own fonts and Pango
 * context; keep it and reuse it, measuring is then cheap. It needs no display. Use one
 * object from one thread at a time (the dossier generator creates its own).
 *
 * Returns: (transfer full): a new #AcqDpLayout
 */
AcqDpLayout *
acq_dp_layout_new (void)
{
  return g_object_new (ACQ_TYPE_DP_LAYOUT, NULL);
}

/* --- Text ---------------------------------------------------------------------------- */

/* acq_dp_layout_typeset() is in acq-dp-typeset.c. */

/**
 * acq_dp_layout_get_rubric_heading:
 * @rubric: the rubric, from 0 to %ACQ_DP_N_RUBRICS - 1
 *
 * Returns: the heading printed above the rubric, in French, numbered ("2. Précisez les
 * moyens utilisés :")
 */
const char *
acq_dp_layout_get_rubric_heading (guint rubric)
{
  g_return_val_if_fail (rubric < ACQ_DP_N_RUBRICS, NULL);
  return rubric_headings[rubric];
}

/* --- From an example to paragraphs ------------------------------------------------------ */

static void
block_clear (Block *block)
{
  g_free (block->text);
}

static void
add_block (GArray *blocks, Style style, char *text, gsize label_len, int rubric)
{
  Block block = { style, text, label_len, rubric };

  g_array_append_val (blocks, block);
}

/* Every line of the rubric is a paragraph, blank lines included (they take a line on the
 * page as in the editor); blank lines at the start and the end are not printed. */
static void
add_text_blocks (GArray *blocks, const char *text, int rubric)
{
  g_autofree char *typeset = acq_dp_layout_typeset (text);
  g_auto (GStrv) lines = NULL;

  g_strstrip (typeset);
  if (*typeset == '\0')
    return;
  lines = g_strsplit (typeset, "\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    add_block (blocks, STYLE_BODY, g_steal_pointer (&lines[i]), 0, rubric);
}

static void
add_field_block (GArray *blocks, const char *label, const char *value)
{
  g_autofree char *typeset = acq_dp_layout_typeset (value);
  char *text;

  g_strstrip (typeset);
  /* A field is one line of the form: a value typed with line breaks is joined. */
  g_strdelimit (typeset, "\n", ' ');
  text = g_strconcat (label, "\u00A0: ", typeset, NULL);
  add_block (blocks, STYLE_FIELD, text, strlen (label), CONTEXT_RUBRIC);
}

static GArray *
example_blocks (const AcqDpExample *example)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autofree char *title = acq_dp_layout_typeset (example->title);

  g_array_set_clear_func (blocks, (GDestroyNotify) block_clear);
  g_strstrip (title);
  g_strdelimit (title, "\n", ' ');
  if (example->unit != NULL && *example->unit != '\0')
    {
      char *unit = acq_dp_layout_typeset (example->unit);

      add_block (blocks, STYLE_NOTE, g_strdelimit (g_strstrip (unit), "\n", ' '), 0, -1);
    }
  add_block (blocks, STYLE_TITLE,
             g_strdup_printf ("Exemple n°\u00A0%u%s%s", MAX (example->number, 1),
                              *title != '\0' ? "\u00A0: " : "", title),
             0, -1);
  for (int i = 0; example->competences != NULL && example->competences[i] != NULL; i++)
    {
      g_autofree char *competence = acq_dp_layout_typeset (example->competences[i]);
      add_block (blocks, STYLE_NOTE, g_strconcat ("• ", g_strstrip (competence), NULL), 0, -1);
    }
  for (int r = 0; r < ACQ_DP_N_RUBRICS; r++)
    {
      add_block (blocks, STYLE_HEADING, g_strdup (rubric_headings[r]), 0, r);
      if (r == CONTEXT_RUBRIC)
        {
          add_field_block (blocks, "Nom de l’entreprise, organisme ou association",
                           example->organisation);
          add_field_block (blocks, "Chantier, atelier, service", example->department);
          add_field_block (blocks, "Période d’exercice", example->period);
        }
      add_text_blocks (blocks, example->rubrics[r], r);
    }
  return blocks;
}

/* --- Paragraphs to lines ---------------------------------------------------------------- */

static PangoLayout *
make_pango_layout (AcqDpLayout *self, const Block *block)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[block->style]);
  pango_layout_set_width (layout, (int) (ACQ_DP_CONTENT_WIDTH * PANGO_SCALE));
  /* WORD_CHAR: a 300-character word is cut rather than pushed out of the page. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, block->text, -1);
  if (block->label_len > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = block->label_len;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static GArray *
layout_lines (PangoLayout *layout, double spacing)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double natural, ascent;
      LineBox box;

      /* Pango's own line spacing leaves the last line of a paragraph without its leading,
       * and here every line of the editor is a paragraph: the leading is added to every
       * line, half above and half below. */
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      natural = (double) logical.height / PANGO_SCALE;
      ascent = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      box.line = pango_layout_iter_get_line_readonly (iter);
      box.x = (double) logical.x / PANGO_SCALE;
      box.height = natural * spacing;
      box.baseline = ascent + natural * (spacing - 1) / 2;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* What a paragraph's lines depend on: its style, its bold label and its text. */
static char *
paragraph_key (const Block *block)
{
  return g_strdup_printf ("%d:%zu:%s", block->style, block->label_len, block->text);
}

/* Remembers the line heights of a paragraph for the next measure; @lines keep no Pango
 * line, their layout may go. */
static void
remember_lines (AcqDpLayout *self, char *key, GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    g_array_index (lines, LineBox, i).line = NULL;
  if (g_hash_table_size (self->line_cache) >= MAX_CACHED_PARAGRAPHS)
    g_hash_table_remove_all (self->line_cache);
  g_hash_table_insert (self->line_cache, key, g_array_ref (lines));
}

/* Lays a paragraph out. To draw it, the Pango lines are needed; to measure it, the line
 * heights are enough, and they are kept for the next measure. */
static void
paragraph_init (AcqDpLayout *self, Paragraph *para, const Block *block, gboolean drawing)
{
  g_autofree char *key = NULL;

  para->block = block;
  para->layout = NULL;
  if (!drawing || self->layout_cache != NULL)
    key = paragraph_key (block);
  if (!drawing)
    {
      para->lines = g_hash_table_lookup (self->line_cache, key);
      if (para->lines != NULL)
        {
          g_array_ref (para->lines);
          return;
        }
    }
  if (self->layout_cache != NULL &&
      (para->layout = g_hash_table_lookup (self->layout_cache, key)) != NULL)
    {
      g_object_ref (para->layout);
      para->lines = layout_lines (para->layout, self->spacing[block->style]);
      return;
    }
  para->layout = make_pango_layout (self, block);
  para->lines = layout_lines (para->layout, self->spacing[block->style]);
  if (!drawing)
    {
      if (self->layout_cache != NULL)
        g_hash_table_replace (self->layout_cache, g_strdup (key), g_object_ref (para->layout));
      g_clear_object (&para->layout);
      remember_lines (self, g_steal_pointer (&key), para->lines);
    }
}

static void
paragraph_clear (Paragraph *para)
{
  g_clear_object (&para->layout);
  g_clear_pointer (&para->lines, g_array_unref);
}

static double
lines_height (const Paragraph *para, guint n_lines)
{
  double height = 0;

  for (guint i = 0; i < MIN (n_lines, para->lines->len); i++)
    height += g_array_index (para->lines, LineBox, i).height;
  return height;
}

/* --- Pages -------------------------------------------------------------------------------- */

static void
pager_begin_page (Pager *pager, guint page)
{
  pager->page = page;
  pager->y = 0;
  pager->bottom = 0;
  if (pager->cr != NULL && pager->page_func != NULL)
    pager->page_func (pager->cr, page, pager->user_data);
}

static void
place_line (Pager *pager, const Paragraph *para, const LineBox *box)
{
  const StyleSpec *spec = &styles[para->block->style];

  if (pager->y > 0 && pager->y + box->height > ACQ_DP_CONTENT_HEIGHT + FIT_EPSILON)
    pager_begin_page (pager, pager->page + 1);
  if (pager->cr != NULL)
    {
      cairo_set_source_rgb (pager->cr, spec->rgb[0], spec->rgb[1], spec->rgb[2]);
      cairo_move_to (pager->cr, ACQ_DP_CONTENT_X + box->x,
                     ACQ_DP_CONTENT_Y + pager->y + box->baseline);
      pango_cairo_show_layout_line (pager->cr, box->line);
    }
  pager->y += box->height;
  pager->bottom = pager->y;
}

/* A heading never stands alone at the bottom of a page: it goes to the next page unless
 * the first lines of what follows it fit under it. An empty rubric's heading is followed
 * by the next heading and needs only its own room. */
static double
room_needed (const Paragraph *paras, guint i, guint n_paras)
{
  Style style = paras[i].block->style;
  double room = lines_height (&paras[i], paras[i].lines->len);
  guint wanted = KEEP_WITH_NEXT_LINES;

  if (style != STYLE_HEADING && style != STYLE_TITLE)
    return 0;
  for (guint j = i + 1; j < n_paras && wanted > 0; j++)
    {
      const Paragraph *next = &paras[j];
      guint take = MIN (wanted, next->lines->len);

      if (next->block->style == STYLE_HEADING)
        break;
      room += styles[paras[j - 1].block->style].space_after +
              styles[next->block->style].space_before + lines_height (next, take);
      wanted -= take;
    }
  return room;
}

static void
place_paragraph (Pager *pager, const Paragraph *paras, guint i, guint n_paras)
{
  const Paragraph *para = &paras[i];
  const StyleSpec *spec = &styles[para->block->style];
  double before = pager->y > 0 ? spec->space_before : 0;
  int rubric = para->block->rubric;

  if (pager->y > 0 &&
      pager->y + before + room_needed (paras, i, n_paras) > ACQ_DP_CONTENT_HEIGHT + FIT_EPSILON)
    {
      pager_begin_page (pager, pager->page + 1);
      before = 0;
    }
  pager->y += before;
  if (para->block->style == STYLE_HEADING && rubric >= 0)
    pager->measure->rubric_first_page[rubric] = pager->page;
  for (guint i = 0; i < para->lines->len; i++)
    place_line (pager, para, &g_array_index (para->lines, LineBox, i));
  if (rubric >= 0 && para->block->style != STYLE_HEADING)
    pager->measure->rubric_lines[rubric] += para->lines->len;
  pager->measure->total_lines += para->lines->len;
  pager->y += spec->space_after;
}

/* Lays the example out, drawing it on @cr if there is one. */
static void
run_layout (AcqDpLayout *self, const AcqDpExample *example, Pager *pager)
{
  g_autoptr (GArray) blocks = example_blocks (example);
  g_autofree Paragraph *paras = g_new0 (Paragraph, blocks->len);

  for (guint i = 0; i < blocks->len; i++)
    paragraph_init (self, &paras[i], &g_array_index (blocks, Block, i), pager->cr != NULL);

  memset (pager->measure, 0, sizeof (AcqDpMeasure));
  pager_begin_page (pager, 0);
  for (guint i = 0; i < blocks->len; i++)
    place_paragraph (pager, paras, i, blocks->len);
  pager->measure->n_pages = pager->page + 1;
  pager->measure->pages = pager->page + pager->bottom / ACQ_DP_CONTENT_HEIGHT;

  for (guint i = 0; i < blocks->len; i++)
    paragraph_clear (&paras[i]);
}

/**
 * _acq_dp_layout_keep_layouts:
 * @self: a layout
 *
 * From now on, the paragraphs measured keep their Pango layout for the drawing of the same
 * text: a document measured then drawn (the dossier's two passes) is shaped once. The
 * layouts are kept until @self is freed: for one document, not for an editor.
 */
void
_acq_dp_layout_keep_layouts (AcqDpLayout *self)
{
  g_return_if_fail (ACQ_IS_DP_LAYOUT (self));
  if (self->layout_cache == NULL)
    self->layout_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                g_object_unref);
}

/* --- Shaping ahead, on every core ---------------------------------------------------- */

/* Past this, a paragraph more costs less than a font map for one more thread. */
#define MIN_PARAGRAPHS_PER_THREAD 32
#define MAX_THREADS 8

/* One paragraph to shape; the thread that takes it fills @layout and @lines. */
typedef struct
{
  const Block *block;
  char        *key;
  PangoLayout *layout;
  GArray      *lines;
} Job;

typedef struct
{
  Job          *jobs;
  guint         n_jobs;
  gint          next;  /* atomic: the next job to take */
  gint          done;  /* atomic */
  GCancellable *cancellable;
} JobQueue;

/* Takes jobs until there are none left; every thread runs it with a layout of its own. */
static void
run_jobs (AcqDpLayout *self, JobQueue *queue, AcqDpPrepareFunc func, gpointer user_data)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&queue->next, 1);
      Job *job;

      if (i >= queue->n_jobs || g_cancellable_is_cancelled (queue->cancellable))
        return;
      job = &queue->jobs[i];
      job->layout = make_pango_layout (self, job->block);
      job->lines = layout_lines (job->layout, self->spacing[job->block->style]);
      i = (guint) g_atomic_int_add (&queue->done, 1) + 1;
      if (func != NULL)
        func (i, queue->n_jobs, user_data);
    }
}

typedef struct
{
  JobQueue    *queue;
  AcqDpLayout *layout; /* the worker's own: Pango objects are not shared between threads */
} Worker;

static gpointer
worker_thread (gpointer user_data)
{
  Worker *worker = user_data;

  run_jobs (worker->layout, worker->queue, NULL, NULL);
  return NULL;
}

/* The paragraphs of @examples not yet shaped, each once. */
static GArray *
collect_jobs (AcqDpLayout *self, GPtrArray *all_blocks, const AcqDpExample *const *examples,
              guint n_examples)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *jobs = g_array_new (FALSE, TRUE, sizeof (Job));

  for (guint e = 0; e < n_examples; e++)
    {
      GArray *blocks = example_blocks (examples[e]);

      g_ptr_array_add (all_blocks, blocks);
      for (guint b = 0; b < blocks->len; b++)
        {
          Job job = { &g_array_index (blocks, Block, b), NULL, NULL, NULL };

          job.key = paragraph_key (job.block);
          if (g_hash_table_contains (self->layout_cache, job.key) ||
              g_hash_table_contains (seen, job.key))
            {
              g_free (job.key);
              continue;
            }
          g_hash_table_add (seen, job.key);
          g_array_append_val (jobs, job);
        }
    }
  return jobs;
}

/**
 * _acq_dp_layout_set_reading_style:
 * @self: a layout that has measured nothing yet
 * @family: the font family, installed (acq_reading_style_resolve_family())
 * @size: the size of the text, in points
 * @spacing: the line spacing of the text
 *
 * Sets the examples in a reading style rather than the model's: every style in @family, the
 * text at @size with @spacing, the title, headings and notes at the same distance from it as
 * in the model. The editor's estimate never does: its layout keeps the model's pages.
 */
void
_acq_dp_layout_set_reading_style (AcqDpLayout *self, const char *family, double size,
                                  double spacing)
{
  g_return_if_fail (ACQ_IS_DP_LAYOUT (self));
  g_return_if_fail (family != NULL);

  family = g_strdup (family); /* @family may be the string being replaced */
  g_free (self->reading_family);
  self->reading_family = (char *) family;
  self->reading_size = size;
  self->reading_spacing = spacing;
  for (int i = 0; i < N_STYLES; i++)
    {
      pango_font_description_free (self->fonts[i]);
      /* static in the description: self->reading_family lives as long as the fonts */
      self->fonts[i] = acq_dp_font_new (self->reading_family, styles[i].weight,
                                         styles[i].slant,
                                         size + styles[i].size - ACQ_DP_BODY_SIZE);
      self->spacing[i] = MAX (styles[i].spacing, i == STYLE_TITLE || i == STYLE_HEADING
                                                 ? styles[i].spacing : spacing);
    }
  g_hash_table_remove_all (self->line_cache);
  if (self->layout_cache != NULL)
    g_hash_table_remove_all (self->layout_cache);
  self->body_line_height = 0;
}

/**
 * _acq_dp_layout_prepare_examples:
 * @self: a layout that keeps its layouts (_acq_dp_layout_keep_layouts())
 * @examples: (array length=n_examples): the examples about to be measured then drawn
 * @n_examples: their number
 * @cancellable: (nullable): stops the work; what is done is kept
 * @func: (scope call) (nullable): called in the calling thread as paragraphs are shaped
 * @user_data: data for @func
 *
 * Shapes every paragraph of @examples ahead, on as many threads as there are processors,
 * each with its own Pango context and font map (Pango objects are not thread-safe, font
 * maps apart are). The measures and drawings that follow find them ready; they give the
 * same lines as if @self had shaped them, with the same fonts and metrics.
 */
void
_acq_dp_layout_prepare_examples (AcqDpLayout *self, const AcqDpExample *const *examples,
                                 guint n_examples, GCancellable *cancellable,
                                 AcqDpPrepareFunc func, gpointer user_data)
{
  g_autoptr (GPtrArray) all_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                     g_array_unref);
  g_autoptr (GArray) jobs = NULL;
  Worker workers[MAX_THREADS - 1];
  GThread *threads[MAX_THREADS - 1];
  JobQueue queue = { NULL };
  guint n_threads;

  g_return_if_fail (ACQ_IS_DP_LAYOUT (self));
  g_return_if_fail (self->layout_cache != NULL);

  jobs = collect_jobs (self, all_blocks, examples, n_examples);
  queue.jobs = (Job *) jobs->data;
  queue.n_jobs = jobs->len;
  queue.cancellable = cancellable;
  n_threads = CLAMP (jobs->len / MIN_PARAGRAPHS_PER_THREAD, 1,
                     MIN ((guint) g_get_num_processors (), MAX_THREADS));
  for (guint t = 0; t + 1 < n_threads; t++)
    {
      workers[t].queue = &queue;
      workers[t].layout = acq_dp_layout_new ();
      if (self->reading_family != NULL)
        _acq_dp_layout_set_reading_style (workers[t].layout, self->reading_family,
                                          self->reading_size, self->reading_spacing);
      threads[t] = g_thread_try_new ("acq-dp-shape", worker_thread, &workers[t], NULL);
      /* without it, the threads already started and this one do the work */
      if (threads[t] == NULL)
        {
          g_object_unref (workers[t].layout);
          n_threads = t + 1;
        }
    }
  run_jobs (self, &queue, func, user_data);
  for (guint t = 0; t + 1 < n_threads; t++)
    {
      g_thread_join (threads[t]);
      /* its layouts hold its context and font map: they stay for the drawing */
      g_object_unref (workers[t].layout);
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = &g_array_index (jobs, Job, i);

      if (job->layout == NULL)
        {
          g_free (job->key);
          continue;
        }
      g_hash_table_replace (self->layout_cache, g_strdup (job->key), job->layout);
      remember_lines (self, job->key, job->lines);
      g_array_unref (job->lines);
    }
}

/**
 * acq_dp_layout_measure_example_full:
 * @self: a layout
 * @example: the example to measure
 * @measure: (out caller-allocates) (optional): where to store the details
 *
 * Lays @example out as the dossier prints it (title, competences, the five rubrics with
 * their headings and the context fields; paragraphs broken across pages line by line, no
 * heading alone at the bottom of a page) and measures it. Needs no display.
 *
 * Returns: the pages the example takes, as a fraction; compare with
 * %ACQ_DP_MAX_EXAMPLE_PAGES
 */
double
acq_dp_layout_measure_example_full (AcqDpLayout *self, const AcqDpExample *example,
                                    AcqDpMeasure *measure)
{
  AcqDpMeasure local;
  Pager pager = { NULL, NULL, NULL, measure != NULL ? measure : &local, 0, 0, 0 };

  g_return_val_if_fail (ACQ_IS_DP_LAYOUT (self), 0);
  g_return_val_if_fail (example != NULL, 0);

  run_layout (self, example, &pager);
  return pager.measure->pages;
}

/**
 * acq_dp_layout_measure_example:
 * @self: a layout
 * @example: the example to measure
 *
 * Returns: the pages @example takes in the dossier, as a fraction (2.4); see
 * acq_dp_layout_measure_example_full()
 */
double
acq_dp_layout_measure_example (AcqDpLayout *self, const AcqDpExample *example)
{
  return acq_dp_layout_measure_example_full (self, example, NULL);
}

/**
 * acq_dp_layout_render_example:
 * @self: a layout
 * @example: the example to draw
 * @cr: a cairo context in page coordinates: points, origin at the top left of the page
 * @page_func: (scope call) (nullable): called before drawing on each page
 * @user_data: data for @page_func
 *
 * Draws @example on @cr, broken into pages exactly as acq_dp_layout_measure_example()
 * counts them. The example starts on a new page; @page_func turns the pages (see
 * #AcqDpPageFunc). The text stays inside the content area.
 *
 * Returns: the number of pages drawn
 */
guint
acq_dp_layout_render_example (AcqDpLayout *self, const AcqDpExample *example, cairo_t *cr,
                              AcqDpPageFunc page_func, gpointer user_data)
{
  AcqDpMeasure measure;
  Pager pager = { cr, page_func, user_data, &measure, 0, 0, 0 };

  g_return_val_if_fail (ACQ_IS_DP_LAYOUT (self), 0);
  g_return_val_if_fail (example != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  run_layout (self, example, &pager);
  cairo_restore (cr);
  return measure.n_pages;
}

/**
 * acq_dp_layout_get_body_line_height:
 * @self: a layout
 *
 * Returns: the height a line of rubric text takes on the page, in points, spacing
 * included; %ACQ_DP_CONTENT_HEIGHT divided by it is the number of lines in a full page
 */
double
acq_dp_layout_get_body_line_height (AcqDpLayout *self)
{
  g_return_val_if_fail (ACQ_IS_DP_LAYOUT (self), 0);

  if (self->body_line_height == 0)
    {
      Block block = { STYLE_BODY, (char *) "Ag", 0, 0 };
      Paragraph para;

      paragraph_init (self, &para, &block, FALSE);
      self->body_line_height = lines_height (&para, 1);
      paragraph_clear (&para);
    }
  return self->body_line_height;
}

/**
 * _acq_dp_layout_get_context:
 * @self: a layout
 *
 * The rest of the dossier is laid out with the examples' context, so that its text has the
 * same fonts and the same unhinted metrics.
 *
 * Returns: (transfer none): the Pango context of @self
 */
PangoContext *
_acq_dp_layout_get_context (AcqDpLayout *self)
{
  g_return_val_if_fail (ACQ_IS_DP_LAYOUT (self), NULL);
  return self->context;
}

/**
 * acq_dp_layout_get_missing_fonts:
 * @self: a layout
 *
 * The page count depends on the fonts. If one is not installed, another one replaces it
 * and the dossier looks and measures differently: the interface should say which package
 * to install (fonts-dejavu-core for DejaVu Sans, fonts-cantarell for Cantarell).
 *
 * Returns: (transfer full) (array zero-terminated=1): the families that are replaced,
 * empty if none
 */
char **
acq_dp_layout_get_missing_fonts (AcqDpLayout *self)
{
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  const char *families[] = { ACQ_DP_BODY_FONT, ACQ_DP_HEADING_FONT };

  g_return_val_if_fail (ACQ_IS_DP_LAYOUT (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autoptr (PangoFontDescription) wanted = pango_font_description_from_string (families[i]);
      g_autoptr (PangoFont) font = pango_font_map_load_font (self->font_map, self->context,
                                                            wanted);
      g_autoptr (PangoFontDescription) got = font != NULL ? pango_font_describe (font) : NULL;
      const char *family = got != NULL ? pango_font_description_get_family (got) : NULL;

      if (family == NULL || g_ascii_strcasecmp (family, families[i]) != 0)
        g_strv_builder_add (missing, families[i]);
    }
  return g_strv_builder_end (missing);
}
