# SPDX-License-Identifier: GPL-3.0-or-later
"""A candidate's own Acquis: from an empty data folder in the candidate role she gives her
name, lands on her dossier and never sees the caseload's controls; she writes a sheet, and the
store holds one candidate, hers, with it; opened again, Acquis shows her dossier at once."""

import time

from acqtest import (App, click, find, find_named, first, first_named, press, run, text_of,
                     type_text, wait_for)

# the coach's caseload controls, by the names a screen reader says
CASELOAD = ["Candidates", "New Candidate", "Add a Candidate", "Sort and Filter",
            "Search candidates", "Archive", "Delete", "Stage", "Funding", "Today"]


def assert_no_caseload(app):
    for name in CASELOAD:
        found = first_named(app.window, name)
        assert found is None, "%s is on screen: %s" % (name, found.getRoleName())


def on_her_dossier(app, name):
    find(app.window, "label", "My Dossier")
    find(app.window, "label", name)
    find_named(app.window, "New Sheet")
    find_named(app.window, "Send Dossier")


def test_first_run_lands_on_her_dossier():
    app = App(role="candidate")
    data_dir = app.data_dir
    try:
        # she is asked her name, and may instead import her coach's file
        find(app.window, "label", "Your VAE Dossier")
        find_named(app.window, "Import My Coach’s File…")
        start = find(app.window, "push button", "Start My Dossier")
        assert_no_caseload(app)
        click(find(app.window, "text", "First name"))
        type_text("Nadia")
        click(find(app.window, "text", "Last name"))
        type_text("Haddad")
        press(start)
        on_her_dossier(app, "Nadia Haddad")
        find(app.window, "label", lambda name: name.startswith("Write your first experience "
                                                               "sheet"))
        assert_no_caseload(app)

        # she writes her first sheet
        press(find_named(app.window, "New Sheet"))
        click(find(app.window, "text", "Title"))
        type_text("Accueil d'un demandeur d'emploi")
        time.sleep(1.5)
        with app.db() as db:
            candidates = db.execute("SELECT uuid, first_name, last_name FROM candidate").fetchall()
            assert [c[1:] for c in candidates] == [("Nadia", "Haddad")], candidates
            sheets = db.execute("SELECT candidate_uuid, title FROM sheet").fetchall()
            assert sheets == [(candidates[0][0], "Accueil d'un demandeur d'emploi")], sheets
    finally:
        app.quit()

    # opened again, Acquis is her dossier, with her sheet
    app = App(data_dir=data_dir, role=None)
    try:
        on_her_dossier(app, "Nadia Haddad")
        find_named(app.window, lambda name: name.startswith("Accueil d'un demandeur d'emploi"))
        assert first(app.window, "text", "First name") is None or \
            text_of(find(app.window, "text", "First name")) == "Nadia"
        assert_no_caseload(app)
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_first_run_lands_on_her_dossier])
