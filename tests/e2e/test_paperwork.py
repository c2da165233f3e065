# SPDX-License-Identifier: GPL-3.0-or-later
"""The paperwork of the practice: the coach fills her profile in the preferences (a SIRET
mistyped, then corrected), adds a CV to a candidate, removes it and takes it back, and
exports the candidate's livret de suivi as a PDF, read back with pdftotext."""

import json
import os
import shutil
import subprocess
import tempfile
import time
import zipfile

from acqtest import (APP, App, absent, click, find, find_named, first, key, press, row, run,
                     save_through_chooser, scroll_into_view, type_text, wait_for)
from test_exchange import assert_all_named

SHOTS = os.environ.get("ACQUIS_E2E_SHOTS")  # a folder: the screenshots of the help go there


def shot(name):
    """With ACQUIS_E2E_SHOTS set, saves the screen (ACQUIS_E2E_WIDTH: the window's width)."""
    if not SHOTS:
        return
    width = os.environ.get("ACQUIS_E2E_WIDTH")
    if width:
        subprocess.run(["xdotool", "search", "--onlyvisible", "--name", ".", "windowsize",
                        "%@", width, "760"], check=False)
        time.sleep(1.5)
    time.sleep(0.8)
    subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name + ".png")],
                   check=True)



def from_menu(app, item):
    def open_it():
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", item))
    return open_it

def demo_folder():
    """The demo's caseload, without the demo's coach profile nor documents: hers to fill."""
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", folder, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    subprocess.run(["sqlite3", os.path.join(folder, "acquis.db"),
                    "DELETE FROM coach_profile; DELETE FROM candidate_document;"], check=True)
    return folder


def a_pdf(folder, name):
    """A real PDF to add: a livret, written by the command line."""
    scratch = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    path = os.path.join(scratch, "x.pdf")
    subprocess.run([APP, "--data-dir", folder, "--export-livret", "Hélène Dubois", "--output",
                    path], check=True)
    target = os.path.join(os.path.dirname(folder), name)
    shutil.copy(path, target)
    return target


TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108020000009077"
    "53de0000000c4944415408d763f8ffff3f0005fe02fedccc59e70000000049454e44ae426082")


def fill(window, field, text):
    entry = find(window, "text", field)
    click(entry)
    key("ctrl+a")
    type_text(text)


def test_profile_documents_livret():
    folder = demo_folder()
    cv = a_pdf(folder, "cv-helene.pdf")
    app = App(data_dir=folder, role="coach")
    try:
        # the profile, in the preferences
        press(find_named(app.window, "Main Menu"))
        press(find(app.node, "menu item", "Preferences"))
        preferences = find(app.node, "frame", "Preferences")
        click(find_named(preferences, "Coach"))
        find(preferences, "text", "SIRET Number")
        assert_all_named(preferences)
        fill(preferences, "Name", "Claire Lefèvre")
        fill(preferences, "Organisation", "Parcours & Compétences")
        fill(preferences, "SIRET Number", "732 829 320 00075")
        find(preferences, "label", lambda text: "check digit" in text)
        shot("preferences-siret-check")
        fill(preferences, "SIRET Number", "732 829 320 00074")
        absent(preferences, "label", lambda text: "check digit" in text)
        fill(preferences, "Declaration Number (NDA)", "8469")
        find(preferences, "label", lambda text: "11 digits" in text)
        fill(preferences, "Declaration Number (NDA)", "84691234569")
        fill(preferences, "Qualiopi Certificate Number", "QUA-2024-0137")
        fill(preferences, "Hourly Rate in Euros, VAT Included", "75")
        # the signature, an image chosen with the file chooser, shown as a thumbnail
        signature = os.path.join(os.path.dirname(folder), "signature.png")
        with open(signature, "wb") as out:
            out.write(TINY_PNG)
        choose = wait_for(lambda: first(preferences, "push button",
                                        lambda n: "Signature" in n and "Choose" in n,
                                        visible=False), "the signature's button")
        press(choose)
        wait_for(lambda: "Choose Your Signature" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(signature)
        key("Return")
        app.wait_window_closed("Choose Your Signature")
        wait_for(lambda: first(preferences, "push button", "Remove the Signature", visible=False),
                 "the signature's remove button")
        with app.db() as db:
            assert db.execute("SELECT signature_mime_type FROM coach_profile").fetchone() \
                == ("image/png",)
        if SHOTS:
            scroll_into_view(find(preferences, "text", "Name"))
        shot("preferences-coach")
        # saved as typed, even before the window closes
        time.sleep(1.5)
        with app.db() as db:
            stored = db.execute("SELECT name, organisation, siret, nda, qualiopi_number,"
                                " hourly_rate_cents FROM coach_profile").fetchone()
        assert stored == ("Claire Lefèvre", "Parcours & Compétences", "732 829 320 00074",
                          "84691234569", "QUA-2024-0137", 7500), stored
        key("Escape")
        app.wait_window_closed("Preferences")

        # a CV added to Hélène's documents
        click(find(app.window, "label", row("Hélène Dubois")))
        press(find_named(app.window, "Add a Document"))
        press(find(app.node, "menu item", "CV"))
        wait_for(lambda: "Add a Document: CV" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(cv)
        key("Return")
        app.wait_window_closed("Add a Document: CV")
        remove = find_named(app.window, "Remove “cv-helene.pdf”", timeout=30)
        with app.db() as db:
            stored = db.execute("SELECT kind, author_role, file_name, deleted_at"
                                " FROM candidate_document").fetchall()
        assert stored == [(0, 1, "cv-helene.pdf", None)], stored
        assert_all_named(wait_for(lambda: first(app.window, "list", "Documents"),
                                  "the list of documents"))
        if SHOTS:
            scroll_into_view(remove)
        shot("candidate-documents")

        # removed, then taken back with the toast's Undo
        press(remove)
        find(app.window, "label", "“cv-helene.pdf” removed")
        with app.db() as db:
            assert db.execute("SELECT deleted_at IS NOT NULL FROM candidate_document"
                              ).fetchone() == (1,)
        press(find(app.window, "push button", lambda name: name == "Undo"))
        find_named(app.window, "Remove “cv-helene.pdf”")
        with app.db() as db:
            assert db.execute("SELECT deleted_at FROM candidate_document").fetchone() == (None,)

        # the livret, exported from the candidate's menu, written on a worker
        target = os.path.join(os.path.dirname(folder), "livret-helene.pdf")
        save_through_chooser(app, from_menu(app, "Export the Livret…"), "Export the Livret",
                             target, "Livret exported")
        find(app.window, "push button", lambda name: name == "Open")
        text = subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                              text=True).stdout
        images = subprocess.run(["pdfimages", "-list", target], check=True, capture_output=True,
                                text=True).stdout
        assert len(images.splitlines()) == 3, images  # two lines of header, her signature
        for expected in ("Livret de suivi", "Hélène Dubois", "Claire Lefèvre", "84691234569",
                         "QUA-2024-0137", "75 € TTC", "Séances réalisées",
                         "Planning prévisionnel"):
            assert expected in text, (expected, text)

        # everything held about her, for her right of access: a ZIP whose person.json has
        # every sheet of hers, and her documents
        target = os.path.join(os.path.dirname(folder), "donnees-helene.zip")
        save_through_chooser(app, from_menu(app, "Export Everything About This Person…"),
                             "Export Everything About This Person", target,
                             "Everything about the person exported")
        with zipfile.ZipFile(target) as archive:
            person = json.loads(archive.read("person.json"))
            names = archive.namelist()
        with app.db() as db:
            uuid = db.execute("SELECT uuid FROM candidate WHERE last_name = 'Dubois'"
                              ).fetchone()[0]
            sheets = sorted(r[0] for r in db.execute(
                "SELECT uuid FROM sheet WHERE candidate_uuid = ?", (uuid,)))
        assert sorted(r["uuid"] for r in person["records"]["sheet"]) == sheets, person
        assert person["records"]["candidate"][0]["first_name"] == "Hélène"
        assert "dossier.pdf" in names and "LISEZ-MOI.txt" in names, names
        for document in person["documents"]:
            assert document["file"] in names, (document, names)

        # the convocation to her next session, for the funder
        target = os.path.join(os.path.dirname(folder), "convocation-helene.pdf")
        save_through_chooser(app, from_menu(app, "Print the Convocation…"),
                             "Print the Convocation", target, "Convocation printed")
        text = subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                              text=True).stdout
        for expected in ("Convocation", "Madame, Monsieur,", "Hélène Dubois", "Claire Lefèvre",
                         "Signature"):
            assert expected in text, (expected, text)

        # the attendance sheet of a session held, from its row in the livret
        target = os.path.join(os.path.dirname(folder), "presence-helene.pdf")
        save_through_chooser(
            app, lambda: press(find_named(app.window, lambda name: name.startswith(
                "Print the attendance sheet of "))),
            "Print the Attendance Sheet", target, "Attendance sheet printed")
        text = subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                              text=True).stdout
        for expected in ("Feuille de présence", "Hélène Dubois", "Les soussigné·es attestent",
                         "Le ou la candidat·e"):
            assert expected in text, (expected, text)
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_profile_documents_livret])
