# SPDX-License-Identifier: GPL-3.0-or-later
"""Another process writes to the data folder while a window has a sheet open: the command
line imports the candidate's file, or a second window on the same folder saves. What the
user then types in the window is saved without taking back what the other one wrote, and
the window shows it at once."""

import os
import sqlite3
import subprocess
import tempfile

from acqtest import App, click, find, key, row, run, text_of, type_text, wait_for
from test_sheets import rubric

ACQUIS = os.environ["ACQUIS_APP"]
PASSPHRASE = "cheval correct pile agrafe"
CANDIDATE = "Hélène Dubois"
SHEET_UUID = "3c9e5b7a-2f41-4d8e-a6b0-5e1d7c3f9d11"
SHEET_TITLE = "Premier accueil d'un demandeur d'emploi sans rendez-vous"
IMPORTED = "Un classeur de ressources refait par la candidate, écrit de son côté."
TYPED = " Ajouté dans la fenêtre."
OTHER_WINDOW = "Écrit dans la deuxième fenêtre."


def cli(data_dir, *args):
    subprocess.run([ACQUIS, "--data-dir", data_dir, *args], check=True, capture_output=True,
                   env=dict(os.environ, ACQUIS_PASSPHRASE=PASSPHRASE))


def new_dir():
    return tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))


def stored(data_dir, column):
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        return db.execute("SELECT %s FROM sheet WHERE uuid = ?" % column,
                          (SHEET_UUID,)).fetchone()[0]


def candidate_file(coach_dir):
    """The candidate's file as she sends it back: she received the coach's dossier in her own
    data folder, rewrote the rubric "Means used" there, and exported it."""
    out = new_dir()
    sent, back = os.path.join(out, "to-candidate.acquis"), os.path.join(out, "back.acquis")
    candidate_dir = new_dir()
    cli(coach_dir, "--role", "coach", "--export-package", CANDIDATE, "--output", sent)
    cli(candidate_dir, "--role", "candidate", "--import", sent)
    # her typing, in her own folder (the window there is not what is tested)
    with sqlite3.connect(os.path.join(candidate_dir, "acquis.db")) as db:
        db.execute("UPDATE sheet SET means = ? WHERE uuid = ?", (IMPORTED, SHEET_UUID))
    cli(candidate_dir, "--role", "candidate", "--export-package", CANDIDATE, "--output", back)
    return back


def open_sheet(app):
    click(find(app.window, "label", row(CANDIDATE)))
    click(find(app.window, "label", SHEET_TITLE))
    return rubric(app, 1)


def wait_saved(data_dir, column, text):
    wait_for(lambda: text in stored(data_dir, column), "%s saved with %r" % (column, text))


def quit_app(app):
    key("ctrl+q")
    app.proc.wait(timeout=10)


def test_import_from_command_line_under_open_window():
    data_dir = new_dir()
    cli(data_dir, "--demo", "--list-candidates")
    back = candidate_file(data_dir)
    app = App(data_dir=data_dir, role="coach")
    try:
        tasks_view = open_sheet(app)
        means_before = text_of(rubric(app, 2))
        assert means_before != IMPORTED
        cli(data_dir, "--role", "coach", "--import", back)
        assert stored(data_dir, "means") == IMPORTED
        # the window shows what came in, without being told by hand
        wait_for(lambda: text_of(rubric(app, 2)) == IMPORTED, "the imported rubric shown")
        click(tasks_view)
        key("ctrl+End")
        type_text(TYPED)
        wait_saved(data_dir, "tasks", TYPED)
        quit_app(app)
    finally:
        app.quit()
    assert stored(data_dir, "tasks").endswith(TYPED), stored(data_dir, "tasks")
    assert stored(data_dir, "means") == IMPORTED, stored(data_dir, "means")
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        assert db.execute("SELECT count(*) FROM conflict").fetchone()[0] == 0


def test_two_windows_on_one_folder():
    data_dir = new_dir()
    cli(data_dir, "--demo", "--list-candidates")
    first = App(data_dir=data_dir, role="coach")
    try:
        first_tasks = open_sheet(first)
        # the second window opens over the first one and writes in another rubric
        second = App(data_dir=data_dir, role="coach")
        try:
            open_sheet(second)
            click(rubric(second, 2))
            key("ctrl+End")
            type_text(OTHER_WINDOW)
            wait_saved(data_dir, "means", OTHER_WINDOW)
            quit_app(second)
        finally:
            second.quit()
        wait_for(lambda: text_of(rubric(first, 2)).endswith(OTHER_WINDOW),
                 "the first window to show the second one's text")
        click(first_tasks)
        key("ctrl+End")
        type_text(TYPED)
        wait_saved(data_dir, "tasks", TYPED)
        quit_app(first)
    finally:
        first.quit()
    assert stored(data_dir, "tasks").endswith(TYPED), stored(data_dir, "tasks")
    assert stored(data_dir, "means").endswith(OTHER_WINDOW), stored(data_dir, "means")


def candidate_text(data_dir, column):
    with sqlite3.connect(os.path.join(data_dir, "acquis.db")) as db:
        return db.execute("SELECT %s FROM candidate WHERE first_name = 'Hélène'"
                          % column).fetchone()[0] or ""


def test_two_windows_on_one_candidate():
    """The profile too: the second window writes notes, the first one accommodations."""
    data_dir = new_dir()
    cli(data_dir, "--demo", "--list-candidates")
    first = App(data_dir=data_dir, role="coach")
    try:
        click(find(first.window, "label", row(CANDIDATE)))
        first_notes = find(first.window, "text", "Notes")
        second = App(data_dir=data_dir, role="coach")
        try:
            click(find(second.window, "label", row(CANDIDATE)))
            click(find(second.window, "text", "Notes"))
            key("ctrl+End")
            type_text(OTHER_WINDOW)
            wait_for(lambda: candidate_text(data_dir, "notes").endswith(OTHER_WINDOW),
                     "the second window's notes saved")
            quit_app(second)
        finally:
            second.quit()
        wait_for(lambda: text_of(first_notes).endswith(OTHER_WINDOW),
                 "the first window to show the second one's notes")
        click(find(first.window, "text", "Accommodations"))
        key("ctrl+End")
        type_text(TYPED)
        wait_for(lambda: candidate_text(data_dir, "accommodations").endswith(TYPED),
                 "the first window's accommodations saved")
        quit_app(first)
    finally:
        first.quit()
    notes = candidate_text(data_dir, "notes")
    accommodations = candidate_text(data_dir, "accommodations")
    assert notes.endswith(OTHER_WINDOW), notes
    assert accommodations.endswith(TYPED), accommodations


if __name__ == "__main__":
    run([test_import_from_command_line_under_open_window, test_two_windows_on_one_folder,
         test_two_windows_on_one_candidate])
