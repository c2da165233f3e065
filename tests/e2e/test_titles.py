# SPDX-License-Identifier: GPL-3.0-or-later
"""A candidate's titles and diplomas: the accompagnatrice adds one on Karim's page, types its
intitulé and awarding body (saved as typed), dates it in the date button's field, removes it
and takes it back with Undo; the store holds it, and the dossier exported by the command line
lists it in the model's table, dated as in France; a change made elsewhere shows on the page."""

import os
import subprocess
import tempfile
import time

from acqtest import (APP, App, click, find, find_named, first, key, press, row, run, text_of,
                     type_text, wait_for)


def shot(suffix):
    if os.environ.get("ACQUIS_E2E_SHOT"):
        subprocess.run(["import", "-window", "root",
                        os.environ["ACQUIS_E2E_SHOT"].replace(".png", suffix + ".png")])


def stored(app):
    with app.db() as db:
        return db.execute("SELECT t.title, t.organisation, t.date FROM candidate_title t"
                          " JOIN candidate c ON c.uuid = t.candidate_uuid"
                          " WHERE c.first_name = 'Karim'").fetchall()


def test_add_title_and_print_it():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", folder, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    app = App(data_dir=folder, role="coach")
    try:
        click(find(app.window, "label", row("Karim Benali")))
        assert stored(app) == []
        press(find_named(app.window, "Add a Title"))
        wait_for(lambda: stored(app) == [("", "", "")], "an empty title in the store")
        click(find(app.window, "text", "Title or diploma"))
        type_text("CAP Accompagnant éducatif petite enfance")
        click(find(app.window, "text", "Awarding body"))
        type_text("Rectorat de Toulouse")
        # saved as typed, without leaving the field
        wait_for(lambda: stored(app) == [("CAP Accompagnant éducatif petite enfance",
                                          "Rectorat de Toulouse", "")], "the typed title saved")
        press(find_named(app.window, "Date awarded: —"))
        time.sleep(0.5)
        type_text("03/07/2009\n")
        wait_for(lambda: stored(app) == [("CAP Accompagnant éducatif petite enfance",
                                          "Rectorat de Toulouse", "2009-07-03")],
                 "the date saved")
        shot("-titles")

        # removed, then taken back with the toast's Undo
        press(find_named(app.window, "Remove “CAP Accompagnant éducatif petite enfance”"))
        find(app.window, "label", "“CAP Accompagnant éducatif petite enfance” removed")
        wait_for(lambda: stored(app) == [], "the title removed")
        press(find(app.window, "push button", lambda name: name == "Undo"))
        wait_for(lambda: len(stored(app)) == 1, "the title back")
        find(app.window, "text", "Title or diploma")
        assert stored(app) == [("CAP Accompagnant éducatif petite enfance",
                                "Rectorat de Toulouse", "2009-07-03")], stored(app)

        # the dossier lists it in the table of titles
        target = os.path.join(folder, "karim.pdf")
        subprocess.run([APP, "--data-dir", folder, "--export-dossier", "Karim Benali",
                        "--output", target], check=True, capture_output=True)
        text = " ".join(subprocess.run(["pdftotext", target, "-"], check=True,
                                       capture_output=True, text=True).stdout.split())
        titles = text.index("Titres, diplômes, CQP, attestations de formation (facultatif)")
        assert "Intitulé Autorité ou organisme Date CAP Accompagnant éducatif petite enfance" \
            " Rectorat de Toulouse 03/07/2009" in text[titles:], text[titles:titles + 400]
        # a change from elsewhere (an exchange file, another window) shows on the page
        with app.db() as db:
            db.execute("UPDATE candidate_title SET organisation = 'Académie de Toulouse'")
        wait_for(lambda: text_of(first(app.window, "text", "Awarding body"))
                 == "Académie de Toulouse", "the change from elsewhere shown")
        key("ctrl+q")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_add_title_and_print_it])
