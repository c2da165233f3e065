/* acq-window-private.h — the main window's insides, shared by the files it is split into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As GNOME Text Editor splits editor-window.c, the window is one object in several files:
 * acq-window.c holds the candidates and the content, acq-window-actions.c the actions on
 * them, acq-window-exchange.c the sending and receiving of .acquis files. They share the
 * instance struct and the few internals below, so that no part needs to call back into the
 * window through its public API.
 */
#pragma once

#include "acq-candidate-page.h"
#include "acq-exchange-folder.h"
#include "acq-jury-checklist.h"
#include "acq-sheet-editor.h"
#include "acq-today-view.h"
#include "acq-welcome-page.h"
#include "acq-window.h"

G_BEGIN_DECLS

typedef struct _AcqWindowImport AcqWindowImport;

struct _AcqWindow
{
  AdwApplicationWindow parent_instance;

  /* template children, alphabetical */
  GtkButton            *back_button;
  GtkGridView          *candidate_list_view;
  GtkMenuButton        *candidate_menu_button;
  GtkScrolledWindow    *candidate_scroller;
  AdwHeaderBar         *content_header;
  GtkStack             *content_stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *dossier_menu_button;
  AdwLeaflet           *leaflet;
  GtkButton            *new_button;
  GtkSearchEntry       *search_entry;
  AdwSqueezer          *send_squeezer;
  GtkBox               *sheet_results_box;
  GtkLabel             *sheet_results_label;
  GtkListBox           *sheet_results_list;
  GtkBox               *sidebar_box;
  GtkSeparator         *sidebar_separator;
  GtkStack             *sidebar_stack;
  AdwWindowTitle       *sidebar_title;
  GtkMenuButton        *sort_button;
  AdwToastOverlay      *toast_overlay;
  GtkButton            *today_button;
  GtkLabel             *today_count_label;
  AcqTodayView         *today_view;
  AcqWelcomePage       *welcome_page; /* NULL until the window first shows it */

  AcqCandidatePage     *candidate_page; /* made when first needed: start-up is faster */
  AcqSheetEditor       *sheet_editor;   /* idem */
  AcqSheet             *open_sheet;     /* the sheet in the editor, or NULL */
  gulong                sheet_notify_id;
  gulong                sheet_state_id; /* the sidebar's count of sheets to review follows */
  GSettings            *settings;
  AcqCandidateList     *candidates;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkCustomSorter      *sorter;
  GtkSingleSelection   *selection;
  char                 *folded_query;
  AcqCandidateSort      sort;
  gboolean              show_archived;
  gboolean              jury_stage_only; /* the "At the Jury Stage Only" filter */
  AcqCandidate         *shown; /* the candidate on the content page */
  gulong                shown_notify_id;
  AcqRole               role; /* from the settings, down to the sheet editor */
  gboolean              role_chosen; /* the user-role setting is not "unset" */
  gboolean              solo; /* the candidate role with her own dossier only: no sidebar */
  AcqTodayView         *dossier_today; /* her Today summary, at the top of her page */
  GtkWindow            *complaints_window; /* the complaints log, while it is open (weak) */

  /* acq-window-exchange.c: sending and receiving .acquis files */
  guint                 n_conflicts; /* the conflicts banner shows while there are some */
  gboolean              read_only;   /* the data folder cannot be written: a banner says so */
  AcqExchangeFolder    *exchange_folder;
  char                 *exchange_data_dir; /* of the store it was started for */
  GCancellable         *exchange_folder_cancellable; /* its start, given up when let go */
  GtkFileChooserNative *import_chooser;
  GQueue                imports; /* of AcqWindowImport, one at a time */
  AcqWindowImport      *current_import;
  GCancellable         *exchange_cancellable;
  AdwToast             *import_progress; /* “Importing…”, while an import runs */

  /* acq-window-today.c: the Today view and the sidebar's deadlines, read on a worker */
  gboolean              sort_by_deadline; /* the "deadline" sort, which reads next_deadlines */
  GHashTable           *next_deadlines;   /* candidate uuid → AcqDeadline, from the worker */
  gboolean              sort_by_readiness; /* the "readiness" sort, which reads jury_ready */
  GHashTable           *jury_ready;       /* candidate uuid → AcqJuryReadyCount, idem */
  AcqStore             *today_store;      /* whose changes are followed */
  gulong                today_changed_id;
  GCancellable         *today_cancellable;
  gboolean              today_running;    /* a worker reads */
  gboolean              today_dirty;      /* and the store changed since it began */
  guint                 today_refresh_id; /* a refresh a moment after a change */
  gulong                today_paint_id;   /* the first read, after the first frame */
  guint                 today_midnight_id; /* a refresh when the day changes */
};

/* acq-window.c */
void              _acq_window_flush                  (AcqWindow        *self);
void              _acq_window_close_sheet            (AcqWindow        *self);
void              _acq_window_reveal_candidate       (AcqWindow        *self,
                                                      AcqCandidate     *candidate);
AcqCandidatePage *_acq_window_ensure_candidate_page  (AcqWindow        *self);
void              _acq_window_store_reset            (AcqWindow        *self);
void              _acq_window_set_n_conflicts        (AcqWindow        *self,
                                                      guint             n_conflicts);

/* acq-window-actions.c */
void              _acq_window_class_actions_init     (AcqWindowClass   *klass);
void              _acq_window_actions_update         (AcqWindow        *self);
void              _acq_window_actions_init_drop      (AcqWindow        *self);

/* acq-window-today.c */
void              _acq_window_class_today_init       (AcqWindowClass   *klass);
void              _acq_window_today_init             (AcqWindow        *self);
void              _acq_window_today_set_candidates   (AcqWindow        *self);
void              _acq_window_today_refresh          (AcqWindow        *self);
int               _acq_window_today_compare          (AcqWindow        *self,
                                                      AcqCandidate     *a,
                                                      AcqCandidate     *b);
int               _acq_window_today_compare_readiness (AcqWindow       *self,
                                                      AcqCandidate     *a,
                                                      AcqCandidate     *b);
const AcqJuryReadyCount *
                  _acq_window_today_lookup_jury_ready (AcqWindow       *self,
                                                      AcqCandidate     *candidate);
gboolean          _acq_window_today_at_jury_stage    (AcqWindow        *self,
                                                      AcqCandidate     *candidate);
void              _acq_window_today_dispose          (AcqWindow        *self);
AcqTodayView     *_acq_window_today_ensure_dossier_view (AcqWindow     *self);

/* acq-window-exchange.c */
void              _acq_window_class_exchange_init    (AcqWindowClass   *klass);
void              _acq_window_exchange_init          (AcqWindow        *self);
void              _acq_window_exchange_bind_settings (AcqWindow        *self);
void              _acq_window_exchange_set_candidates (AcqWindow       *self);
void              _acq_window_exchange_actions_update (AcqWindow       *self);
void              _acq_window_exchange_dispose       (AcqWindow        *self);

G_END_DECLS
