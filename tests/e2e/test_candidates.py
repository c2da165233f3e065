# SPDX-License-Identifier: GPL-3.0-or-later
"""Journeys through the candidates sidebar, driven as a person would through AT-SPI."""

import os
import re
import subprocess
import tempfile
import time

from acqtest import (App, absent, click, extents, find, find_named, first, key, press, row, run,
                     text_of, type_text, wait_for)


def add_candidate(app, first_name, last_name, submit_with_enter=False):
    dialog = find(app.node, "frame", "New Candidate")
    click(find(dialog, "text", "First name"))
    type_text(first_name)
    click(find(dialog, "text", "Last name"))
    type_text(last_name)
    if submit_with_enter:
        key("Return")
    else:
        press(find(dialog, "push button", "Add"))
    app.wait_window_closed("New Candidate")


def stored_names(app):
    return sorted(row[1] for row in app.list_candidates())


def test_add_search_delete_undo():
    app = App()
    try:
        # an empty data folder offers to add a candidate
        press(find(app.window, "push button", "Add a Candidate"))
        add_candidate(app, "Hélène", "Dubois-Martin")
        find(app.window, "label", row("Hélène Dubois-Martin"))
        # her page opens on an empty list of sheets that says what to do
        find(app.window, "label", lambda name: name.startswith("No sheet yet. Press New Sheet"))

        # the keyboard way: Ctrl+N, type, Enter
        key("ctrl+n")
        add_candidate(app, "Karim", "Benali", submit_with_enter=True)
        find(app.window, "label", row("Karim Benali"))
        assert stored_names(app) == ["Hélène Dubois-Martin", "Karim Benali"], stored_names(app)

        # search without accents finds the accented name, and only it
        click(find(app.window, "entry", "Search candidates"))
        type_text("helene")
        absent(app.window, "label", row("Karim Benali"))
        helene = find(app.window, "label", row("Hélène Dubois-Martin"))

        # select, then Delete in the list: gone, with an undo
        click(helene)
        find(app.window, "text", "E-mail")
        click(find(app.window, "label", row("Hélène Dubois-Martin")))
        key("Delete")
        find(app.window, "label", "“Hélène Dubois-Martin” deleted")
        absent(app.window, "label", row("Hélène Dubois-Martin"))
        assert stored_names(app) == ["Karim Benali"], stored_names(app)

        press(find(app.window, "push button", "Undo"))
        find(app.window, "label", row("Hélène Dubois-Martin"))
        assert stored_names(app) == ["Hélène Dubois-Martin", "Karim Benali"], stored_names(app)
    finally:
        app.quit()


def test_edits_are_saved_as_you_type():
    app = App()
    try:
        press(find(app.window, "push button", "Add a Candidate"))
        add_candidate(app, "Sophie", "Lefèvre")
        # the new candidate's page is open
        click(find(app.window, "text", "E-mail"))
        type_text("sophie.lefevre@example.org")
        click(find(app.window, "text", "Accommodations"))
        type_text("Police Luciole, temps majoré")
        time.sleep(1.5)
        with app.db() as db:
            email, accommodations = db.execute(
                "SELECT email, accommodations FROM candidate").fetchone()
        assert email == "sophie.lefevre@example.org", email
        assert accommodations == "Police Luciole, temps majoré", accommodations
        # the accommodations are shown prominently at the top of the page
        find(app.window, "label", "Accommodations to provide")
    finally:
        app.quit()


def test_kill_while_typing_loses_at_most_a_second():
    app = App()
    data_dir = app.data_dir
    note = "Entretien du 27/11 : CV à reprendre, viser le bloc 2 en priorité."
    try:
        press(find(app.window, "push button", "Add a Candidate"))
        add_candidate(app, "Jean-Marc", "Rivière")
        click(find(app.window, "text", "Notes"))
        type_text(note)
        time.sleep(1.0)
    finally:
        app.kill()

    app = App(data_dir=data_dir)
    try:
        click(find(app.window, "label", row("Jean-Marc Rivière")))
        notes = find(app.window, "text", "Notes")
        wait_for(lambda: text_of(notes) == note, "the notes typed before the kill")
    finally:
        app.quit()


def test_damaged_file_is_kept_aside():
    app = App()
    data_dir = app.data_dir
    app.quit()
    db_path = os.path.join(data_dir, "acquis.db")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    garbage = bytes(range(256)) * 64
    with open(db_path, "wb") as f:
        f.write(garbage)

    app = App(data_dir=data_dir)
    try:
        find(app.node, "label", "The Data File Is Damaged")
        press(find(app.node, "push button", "Start Empty"))

        def kept_aside():
            return [n for n in os.listdir(data_dir) if n.startswith("acquis.db.damaged-")
                    and not n.endswith(("-wal", "-shm"))]
        aside = wait_for(kept_aside, "the damaged file to be kept aside")
        assert len(aside) == 1, os.listdir(data_dir)
        # an empty store took its place
        app.answer_role("coach")
        find(app.window, "push button", "Add a Candidate")
        with open(os.path.join(data_dir, aside[0]), "rb") as f:
            assert f.read() == garbage
    finally:
        app.quit()


def test_cli_beside_the_window_loses_nothing():
    """The CLI run on the folder the window has open must not take the window's changes
    away: opening a worker store (the dossier) once dropped the app's SQLite locks, and the
    CLI then deleted the WAL under it."""
    app = App(args=["--demo"], role="coach")
    try:
        click(find(app.window, "label", row("Hélène Dubois")))
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Dossier Professionnel"))
        dossier = find(app.node, "frame", "Dossier Professionnel")
        find(dossier, "label", lambda name: re.fullmatch(r"of \d+", name), timeout=60)
        assert "Hélène Dubois" in [r[1] for r in app.list_candidates()]
        assert os.path.exists(os.path.join(app.data_dir, "acquis.db-wal"))
        press(find(dossier, "push button", "Close"))
        app.wait_window_closed("Dossier Professionnel")

        click(find(app.window, "label", row("Hélène Dubois")))
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Archive"))
        # archived candidates are hidden from the list
        absent(app.window, "label", row("Hélène Dubois"))
        click(find(app.window, "entry", "Search candidates"))
        key("ctrl+q")
        app.proc.wait(timeout=20)
    finally:
        app.quit()
    with app.db() as db:
        archived = db.execute("SELECT archived FROM candidate"
                              " WHERE first_name = 'Hélène' AND last_name = 'Dubois'").fetchone()
    assert archived == (1,), archived


READ_ONLY_LAUNCHER = """#!/bin/sh
# acquis --data-dir DIR ...: the real app, with DIR mounted read-only in a mount namespace of
# its own (root, who runs these tests, may write anywhere else)
exec unshare -m sh -c 'mount --bind "$2" "$2" && mount -o remount,bind,ro "$2" && exec "$0" "$@"' \\
  "%s" "$@"
"""


def test_read_only_folder_is_read():
    """A data folder that cannot be written opens with a banner that says so; candidates and
    the dossier preview are read; nothing in the folder changes."""
    import acqtest
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        print("# skipped: no mount namespace here", flush=True)
        return
    data_dir = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([acqtest.APP, "--data-dir", data_dir, "--demo", "--list-candidates"],
                   check=True, capture_output=True)
    db_path = os.path.join(data_dir, "acquis.db")
    with open(db_path, "rb") as f:
        before = f.read()
    listing = sorted(os.listdir(data_dir))
    launcher = os.path.join(tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP")), "acquis-ro")
    with open(launcher, "w") as f:
        f.write(READ_ONLY_LAUNCHER % acqtest.APP)
    os.chmod(launcher, 0o755)
    real, acqtest.APP = acqtest.APP, launcher
    try:
        app = App(data_dir=data_dir)
    finally:
        acqtest.APP = real
    try:
        find(app.window, "label",
             "This data folder is read-only: you can read and export, not change.")
        click(find(app.window, "label", row("Hélène Dubois")))
        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Dossier Professionnel"))
        dossier = find(app.node, "frame", "Dossier Professionnel")
        find(dossier, "label", lambda name: re.fullmatch(r"of \d+", name), timeout=60)
    finally:
        app.quit()
    with open(db_path, "rb") as f:
        assert f.read() == before
    assert sorted(os.listdir(data_dir)) == listing, os.listdir(data_dir)


def test_narrow_window_opens_the_candidate_shown():
    """Another candidate's page opens at its top; folded onto the list after a candidate was
    shown, tapping her opens her page again."""
    app = App(args=["--demo"])
    try:
        click(find(app.window, "label", row("Hélène Dubois")))
        # scrolled down the page, then another candidate: her page starts at the top
        click(find(app.window, "text", "Notes"))
        click(find(app.window, "label", row("Karim Benali")))
        sheets = find(app.window, "push button", "New Sheet")
        window_top = extents(app.window).y
        assert 0 <= extents(sheets).y - window_top < 300, (extents(sheets).y, window_top)
        wid = subprocess.check_output(["xdotool", "search", "--pid", str(app.proc.pid)]).split()[-1]
        subprocess.run(["xdotool", "windowsize", wid, "400", "760"], check=True)
        time.sleep(1)
        click(find(app.window, "label", row("Karim Benali")))
        find(app.window, "push button", "Back")
        find(app.window, "push button", "New Sheet")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_add_search_delete_undo,
         test_edits_are_saved_as_you_type,
         test_kill_while_typing_loses_at_most_a_second,
         test_damaged_file_is_kept_aside,
         test_cli_beside_the_window_loses_nothing,
         test_read_only_folder_is_read,
         test_narrow_window_opens_the_candidate_shown])
