/* acq-welcome-page.h — the candidate's first page: her name, or her accompagnatrice's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACQ_TYPE_WELCOME_PAGE (acq_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (AcqWelcomePage, acq_welcome_page, ACQ, WELCOME_PAGE, AdwBin)

AcqWelcomePage *acq_welcome_page_new   (void);
void            acq_welcome_page_clear (AcqWelcomePage *self);
void            acq_welcome_page_focus (AcqWelcomePage *self);

G_END_DECLS
