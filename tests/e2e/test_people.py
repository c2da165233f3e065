# SPDX-License-Identifier: GPL-3.0-or-later
"""Hélène's sheet gets two names in a rubric: once the typing pauses, they carry the mark of a
name not answered yet, and the final dossier is refused for them. From the context menu (the
keyboard's Shift+F10) one is left as written; in People Mentioned the other is replaced with
the initials proposed. That name then carries the mark of a replaced name, the dossier
printed from the command line reads "Mme M." and never "Mme Martin", and the store still
holds what was written."""

import os
import re
import subprocess
import tempfile

from acqtest import APP, App, click, find, find_named, key, press, row, run, showing, spoken, \
    text_of, type_text, wait_for, walk
from test_sheets import rubric

CANDIDATE = "Hélène Dubois"
SHEET_UUID = "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d11"
SHEET_TITLE = "Premier accueil d'un demandeur d'emploi sans rendez-vous"
TYPED = " J'ai reçu Mme Martin en entretien, avec M. Dupont."
VALIDATED = 3


def export(data_dir, final):
    output = os.path.join(data_dir, "final.pdf" if final else "draft.pdf")
    done = subprocess.run([APP, "--data-dir", data_dir, "--export-dossier", CANDIDATE,
                           "--output", output] + (["--final"] if final else []),
                          capture_output=True, text=True)
    return done, output


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", text)


def screenshot(name):
    """With ACQUIS_E2E_SCREENSHOTS=DIR, the screen as a person sees it, for a look."""
    folder = os.environ.get("ACQUIS_E2E_SCREENSHOTS")
    if folder:
        subprocess.run(["import", "-window", "root", os.path.join(folder, name)], check=False)


def underline_at(node, offset):
    """The "underline" attribute of the text run at offset, as AT-SPI reports it."""
    attributes, _start, _end = node.queryText().getAttributeRun(offset, False)
    for attribute in attributes:
        name, _, value = attribute.partition(":")
        if name == "underline":
            return value
    return None


def test_name_replaced_in_the_dossier_only():
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", data_dir, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    app = App(data_dir=data_dir, role="coach")

    def stored():
        with app.db() as db:
            return db.execute("SELECT tasks, review_state FROM sheet WHERE uuid = ?",
                              (SHEET_UUID,)).fetchone()

    try:
        done, output = export(data_dir, final=False)
        assert done.returncode == 0, done.stderr
        before = pdf_text(output)
        click(find(app.window, "label", row(CANDIDATE)))
        click(find(app.window, "label", SHEET_TITLE))
        tasks = rubric(app, 1)
        click(tasks)
        key("ctrl+End")
        type_text(TYPED)
        wait_for(lambda: "Mme Martin" in stored()[0], "the rubric saved with the name")
        written = text_of(tasks)
        at = written.index("Mme Martin") + 1
        dupont = written.index("M. Dupont") + 1
        # a name not answered yet: a double underline once the typing pauses
        wait_for(lambda: underline_at(tasks, at) == "double", "the mark of a name not answered")
        wait_for(lambda: underline_at(tasks, dupont) == "double", "the mark on M. Dupont")

        # the final dossier waits for the name to be answered, and says which; an edit sends
        # the sheet back to draft, so it is validated again here as a review would
        assert stored()[1] != VALIDATED, stored()
        with app.db() as db:
            db.execute("UPDATE sheet SET review_state = ? WHERE uuid = ?",
                       (VALIDATED, SHEET_UUID))
        done, output = export(data_dir, final=True)
        assert done.returncode != 0, done
        assert "Mme Martin" in done.stderr, done.stderr
        assert not os.path.exists(output)

        assert "M. Dupont" in done.stderr, done.stderr

        # the context menu of the name at the cursor: left as written
        key("ctrl+Left")
        key("shift+F10")
        leave = find(app.node, "menu item", "Leave “M. Dupont” as Written")
        find(app.node, "menu item", "Replace “M. Dupont” With “M. D.”")
        screenshot("people-menu.png")
        leave.queryAction().doAction(0)

        def state_of(name):
            with app.db() as db:
                found = db.execute("SELECT state FROM person_mention WHERE name = ?",
                                   (name,)).fetchone()
            return found[0] if found else None
        wait_for(lambda: state_of("M. Dupont") == 1, "M. Dupont left as written")
        wait_for(lambda: underline_at(tasks, dupont) in (None, "none"), "no mark on M. Dupont")

        press(find_named(app.window, "People Mentioned"))
        window = find(app.node, "frame", "People Mentioned")
        replacement = find(window, "text", "Replacement for Mme Martin")
        assert text_of(replacement) == "Mme M.", text_of(replacement)
        screenshot("people-window.png")
        press(find(window, "push button", "Replace Mme Martin"))

        def listed():
            with app.db() as db:
                return db.execute("SELECT name, replacement, state FROM person_mention"
                                  " WHERE name = 'Mme Martin'").fetchall()
        wait_for(lambda: listed() == [("Mme Martin", "Mme M.", 0)], "the name listed, replaced")
        # the window lists it among the replaced names, its replacement editable
        find(window, "push button", "Save the Replacement of Mme Martin")
        # every control of the window is named, for a screen reader and for these tests
        for node in walk(window):
            if node.getRoleName() in ("push button", "text") and showing(node):
                assert spoken(node.name), node.getRoleName()
        # a name removed from the list comes back with Undo
        press(find(window, "push button", "Remove M. Dupont from the List"))
        wait_for(lambda: state_of("M. Dupont") is None, "M. Dupont removed")
        press(find(window, "push button", "Undo"))
        wait_for(lambda: state_of("M. Dupont") == 1, "M. Dupont back, left as written")
        key("Escape")
        app.wait_window_closed("People Mentioned")
        wait_for(lambda: underline_at(tasks, at) == "single", "the mark of a replaced name")

        done, output = export(data_dir, final=False)
        assert done.returncode == 0, done.stderr
        text = pdf_text(output)
        assert "Mme M. en entretien, avec M. Dupont." in text, text
        # "Martin" stays where it was before she wrote: her own birth name, on the cover
        assert text.count("Martin") == before.count("Martin"), text
        assert "Mme Martin" not in text
        done, _ = export(data_dir, final=True)
        assert "Mme Martin" not in done.stderr and "Dupont" not in done.stderr, done.stderr
        # the candidate's text is hers: the store keeps the name as she wrote it
        assert TYPED in stored()[0], stored()

        # the replacement is edited in the window, saved with Enter
        press(find_named(app.window, "People Mentioned"))
        window = find(app.node, "frame", "People Mentioned")
        click(find(window, "text", "Replacement for Mme Martin"))
        key("ctrl+a")
        type_text("la personne accompagnée")
        key("Return")
        wait_for(lambda: listed() == [("Mme Martin", "la personne accompagnée", 0)],
                 "the replacement edited")
        assert TYPED in stored()[0], stored()
        key("Escape")
        app.wait_window_closed("People Mentioned")

        # the same list from the candidate's menu, for all of her sheets
        press(find_named(app.window, "Back"))
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "People Mentioned…"))
        window = find(app.node, "frame", "People Mentioned")
        replacement = find(window, "text", "Replacement for Mme Martin")
        assert text_of(replacement) == "la personne accompagnée", text_of(replacement)
        find(window, "push button", "Replace Mme Vidal")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_name_replaced_in_the_dossier_only])
