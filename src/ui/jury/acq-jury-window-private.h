/* acq-jury-window-private.h — what the files of the jury window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one object in several files, as GNOME Text Editor splits its window:
 * acq-jury-window.c (the session, the checklist, the questions, the result, the rehearsal's
 * clock), acq-jury-window-oral.c (the oral's outline cards and the readiness marks) and
 * acq-jury-window-documents.c (the convocation and the jury's report attached).
 */
#pragma once

#include <adwaita.h>

#include "acq-autosave.h"
#include "acq-candidate-document.h"
#include "acq-date-button.h"
#include "acq-jury-timer.h"
#include "acq-jury-window.h"
#include "acq-jury.h"

G_BEGIN_DECLS

struct _AcqJuryWindow
{
  AdwWindow            parent_instance;

  /* template children, alphabetical */
  AdwEntryRow         *accommodations_asked_row;
  AdwEntryRow         *accommodations_granted_row;
  AdwEntryRow         *add_row;
  GtkListBox          *add_list;
  AdwEntryRow         *asked_row;
  AdwEntryRow         *certifier_row;
  GtkCheckButton      *complementary_check;
  GtkListBox          *computed_list;
  GtkButton           *convocation_attach_button;
  AcqDateButton       *convocation_button;
  GtkButton           *convocation_open_button;
  AdwActionRow        *convocation_row;
  AcqDateButton       *date_button;
  AcqDateButton       *deposited_button;
  GtkCheckButton      *experience_check;
  AdwEntryRow         *fees_asked_row;
  AdwEntryRow         *fees_received_row;
  GtkListBox          *hand_list;
  AcqDateButton       *interview_button;
  GtkBox              *card_buttons;
  GtkLabel            *card_label;
  GtkLabel            *card_points_label;
  GtkLabel            *left_label;
  GtkStack            *mode_stack;
  GtkLabel            *part_label;
  AdwEntryRow         *place_row;
  AdwPreferencesGroup *plan_group;
  GtkListBox          *plan_list;
  GtkListBox          *questions_list;
  AdwComboRow         *platform_row;
  GtkListBox          *outline_list;
  GtkLabel            *ready_label;
  GtkButton           *report_attach_button;
  GtkButton           *report_open_button;
  AdwActionRow        *report_row;
  GtkListBox          *readiness_list;
  GtkButton           *rehearse_button;
  GtkTextView         *remarks_view;
  GtkListBox          *result_list;
  GtkLabel            *result_note_label;
  GtkButton           *save_result_button;
  GtkLabel            *session_error_label;
  GtkLabel            *session_note_label;
  GtkButton           *start_button;
  GtkLabel            *status_label;
  AdwViewSwitcherBar  *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *view_stack;
  AdwEntryRow         *time_row;
  GtkCheckButton      *training_check;
  AdwEntryRow         *visio_row;

  AcqStore            *store;
  char                *candidate_uuid;
  char                *candidate_name;
  AcqRole              role;
  gboolean             loading;         /* fields are set by the program */
  char                *session_shown;   /* the session as the fields last showed it */
  gboolean             session_refused; /* the fields hold what the store refused */
  gboolean             close_warned;    /* closing was asked while it did */
  GPtrArray           *hand_uuids;      /* char *, the hand list's rows in order */
  GPtrArray           *bloc_rows;       /* AdwComboRow, one per result->blocs */
  AdwComboRow         *outcome_row;
  gboolean             result_dirty;

  GPtrArray           *cards;           /* AcqJuryCard, as last read or saved; one row each */
  AcqAutosave         *outline_autosave;
  guint                card_index;      /* the card shown while rehearsing */
  GPtrArray           *competences;     /* AcqJuryCompetence, one readiness row each */
  AcqAutosave         *readiness_autosave;

  GCancellable        *documents_cancellable;
  AcqCandidateDocument *convocation_document; /* shown with Open, or %NULL */
  AcqCandidateDocument *report_document;

  AcqJuryTimer        *timer;
  double               speed;           /* ACQ_JURY_TIMER_SPEED, for the tests only */
  guint                tick_id;
  guint                flash_id;
};

gboolean _acq_jury_window_is_coach          (AcqJuryWindow *self);
void     _acq_jury_window_style_text_view   (GtkTextView   *view,
                                             int            min_height);

/* acq-jury-window-oral.c */
void     _acq_jury_window_oral_init         (AcqJuryWindow *self);
void     _acq_jury_window_oral_finalize     (AcqJuryWindow *self);
void     _acq_jury_window_oral_apply_role   (AcqJuryWindow *self);
void     _acq_jury_window_oral_load         (AcqJuryWindow *self);
void     _acq_jury_window_oral_flush        (AcqJuryWindow *self);
void     _acq_jury_window_oral_show_card    (AcqJuryWindow *self);
void     _acq_jury_window_oral_class_init   (GtkWidgetClass *widget_class);

/* acq-jury-window-documents.c */
void     _acq_jury_window_documents_init       (AcqJuryWindow *self);
void     _acq_jury_window_documents_dispose    (AcqJuryWindow *self);
void     _acq_jury_window_documents_apply_role (AcqJuryWindow *self);
void     _acq_jury_window_documents_load       (AcqJuryWindow *self);
void     _acq_jury_window_documents_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
