# SPDX-License-Identifier: GPL-3.0-or-later
"""A candidate and her accompagnatrice, each with her own Acquis, exchange the dossier through a
folder both sync: the candidate sends it, the accompagnatrice's copy imports it by itself; both
then change the same rubric; the candidate's copy finds the conflict, she keeps a blend of the
two texts and sends it back. Passphrases are typed in the dialogs, as people would. In the end
both stores hold the blend, and nothing either of them wrote is lost."""

import glob
import os
import re
import subprocess
import tempfile
import time

from acqtest import (App, absent, click, find, find_named, first, key, press, run, showing,
                     text_of, type_text, walk, wait_for)
from test_sheets import add_candidate, rubric

PASSPHRASE = "trois pommes vertes au marché"
TITLE = "Accueil d'un demandeur d'emploi"
TASKS = "J'accueille sans rendez-vous un demandeur d'emploi orienté par le CCAS."
COACH_ADDS = " Précisez le cadre de l'entretien."
CANDIDATE_ADDS = " Je reformule sa demande avec lui."


def front(app):
    """Both copies sit at the same place on a screen with no window manager: the one to use
    is raised above the other, its main window first, then its dialogs."""
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                         capture_output=True, text=True).stdout.split()
    names = {wid: subprocess.run(["xdotool", "getwindowname", wid], capture_output=True,
                                 text=True).stdout.strip() for wid in out}
    ordered = [w for w in out if names[w] == "Acquis"] + [w for w in out if names[w] != "Acquis"]
    for wid in ordered:
        subprocess.run(["xdotool", "windowraise", wid], check=False)
    if ordered:
        # the keyboard follows: GTK warns that the other copy's field lost it without notice
        subprocess.run(["xdotool", "windowfocus", ordered[-1]], check=False)
    time.sleep(0.3)


NAMED_ROLES = {"push button", "toggle button", "text", "password text", "entry", "check box",
               "radio button", "image", "menu item", "combo box", "spin button", "slider",
               "link", "toggle", "list item"}


def assert_all_named(node):
    """Every control a screen reader would announce has a name."""
    unnamed = [n.getRoleName() for n in walk(node)
               if n.getRoleName() in NAMED_ROLES and showing(n)
               and (not (n.name or "").strip() or re.match(r"^(Gtk|Adw)[A-Z]\w+$", n.name))]
    assert not unnamed, "unnamed controls in %r: %s" % (node.name, unnamed)


def toplevel(node):
    """The window a control is in."""
    while node.parent is not None and node.parent.getRoleName() != "application":
        node = node.parent
    return node


def append_to_rubric(app, number, text):
    view = rubric(app, number)
    click(view)
    key("ctrl+End")
    type_text(text)
    time.sleep(1.5)  # past the autosave


def packages(folder):
    return sorted(glob.glob(os.path.join(folder, "*.acquis")))


def send(app, folder):
    """Candidate menu, Send Dossier…, the passphrase (twice, as no keyring keeps it here), into
    the exchange folder; returns the file written there."""
    before = {p: os.stat(p).st_mtime_ns for p in packages(folder)}
    front(app)
    press(find_named(app.window, "Candidate Menu"))
    press(find(app.node, "menu item", "Send Dossier…"))
    dialog = find(app.node, "frame", "Send Dossier")
    assert_all_named(dialog)
    click(find_named(dialog, "Passphrase"))
    type_text(PASSPHRASE)
    click(find_named(dialog, "Confirm Passphrase"))
    type_text(PASSPHRASE)
    press(find(dialog, "push button", "Put in the Exchange Folder"))
    app.wait_window_closed("Send Dossier")
    find(app.window, "label", "Dossier put in the exchange folder")
    # the file sent can be reached from the toast
    find(app.window, "push button", "Show in Files")
    changed = [p for p in packages(folder) if before.get(p) != os.stat(p).st_mtime_ns]
    assert len(changed) == 1, changed
    return changed[0]


def receive(app, toast):
    """The copy finds the file in the exchange folder by itself and asks its passphrase."""
    entry = find_named(app.node, "Passphrase", timeout=30)
    assert_all_named(toplevel(entry))
    front(app)
    click(entry)
    type_text(PASSPHRASE)
    key("Return")
    find(app.window, "label", toast, timeout=30)


def sheet_tasks(app):
    with app.db() as db:
        return [r[0] for r in db.execute("SELECT tasks FROM sheet WHERE title = ?", (TITLE,))]


def test_exchange_through_folder_with_conflict():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    candidate = App(args=["--exchange-folder", folder], role="candidate")
    coach = App(args=["--exchange-folder", folder], role="coach")
    try:
        # the candidate writes her first sheet and sends her dossier
        front(candidate)
        add_candidate(candidate, "Nadia", "Haddad")
        press(find_named(candidate.window, "New Sheet"))
        click(find(candidate.window, "text", "Title"))
        type_text(TITLE)
        append_to_rubric(candidate, 1, TASKS)
        first_file = send(candidate, folder)
        assert os.path.basename(first_file).startswith("Nadia Haddad – Candidate – "), first_file

        # the accompagnatrice's copy imports it by itself; its report links to the new sheet
        receive(coach, "Dossier from Nadia Haddad imported")
        front(coach)
        press(find(coach.window, "push button", "View Report"))
        report = find(coach.node, "frame", "Import Report")
        assert_all_named(report)
        find(report, "label", "New candidate: Nadia Haddad.")
        click(find_named(report, lambda name: name.startswith("New sheet “%s”" % TITLE)))
        press(find(report, "push button", "Close"))
        coach.wait_window_closed("Import Report")
        wait_for(lambda: text_of(rubric(coach, 1)) == TASKS, "the candidate's text at the coach's")

        # both change the same rubric, each on her side
        append_to_rubric(coach, 1, COACH_ADDS)
        front(candidate)
        append_to_rubric(candidate, 1, CANDIDATE_ADDS)

        # the accompagnatrice sends hers back: the candidate's copy finds the conflict
        send(coach, folder)
        receive(candidate, "Dossier from your accompagnatrice imported")
        front(candidate)
        # the report offers to resolve, and its button goes once nothing is left
        press(find(candidate.window, "push button", "View Report"))
        report = find(candidate.node, "frame", "Import Report")
        press(find(report, "push button", "Resolve Conflicts…"))
        conflicts = find(candidate.node, "frame", "Resolve Conflicts")
        assert_all_named(conflicts)
        mine = find(conflicts, "text", "On This Computer")
        theirs = find(conflicts, "text", "In the Received File")
        assert text_of(mine) == TASKS + CANDIDATE_ADDS, text_of(mine)
        assert text_of(theirs) == TASKS + COACH_ADDS, text_of(theirs)
        # she keeps her own text and adds the accompagnatrice's sentence
        blend = find(conflicts, "text", "A Blend of Both")
        assert text_of(blend) == TASKS + CANDIDATE_ADDS, text_of(blend)
        click(blend)
        key("ctrl+End")
        type_text(COACH_ADDS)
        press(find(conflicts, "push button", "Keep This Version"))
        candidate.wait_window_closed("Resolve Conflicts")
        find(candidate.window, "label", "All conflicts resolved")
        absent(report, "push button", "Resolve Conflicts…")
        press(find(report, "push button", "Close"))
        candidate.wait_window_closed("Import Report")
        final = TASKS + CANDIDATE_ADDS + COACH_ADDS
        wait_for(lambda: text_of(rubric(candidate, 1)) == final, "the blend in the editor")
        assert first(candidate.window, "push button", "Resolve…") is None

        # she sends the blend back: the accompagnatrice's copy takes it without a conflict
        send(candidate, folder)
        receive(coach, "Dossier from Nadia Haddad imported")
        front(coach)
        wait_for(lambda: text_of(rubric(coach, 1)) == final, "the blend at the coach's")
        assert first(coach.window, "push button", "Resolve…") is None

        # a file that is not a dossier: each copy says so clearly, and imports nothing
        with open(os.path.join(folder, "Broken.acquis"), "wb") as broken:
            broken.write(b"These bytes are not an exchange file. " * 20)
        for app in (coach, candidate):
            message = toplevel(find(app.node, "label", "“Broken.acquis” Could Not Be Imported",
                                    timeout=30))
            assert_all_named(message)
            press(find(message, "push button", "Close"))
            wait_for(lambda: len(app.windows()) == 1, "the message to close")

        # the preferences show the folder given on the command line
        front(coach)
        press(find_named(coach.window, "Main Menu"))
        press(find(coach.node, "menu item", "Preferences"))
        preferences = find(coach.node, "frame", "Preferences")
        assert_all_named(preferences)
        # (GTK 4.8 may report the row's subtitle as not showing for a while after the window
        # appears: its text is what is checked)
        wait_for(lambda: any(folder in (n.name or "") for n in walk(preferences)),
                 "the exchange folder in the preferences", timeout=30)
        find(preferences, "push button", "Stop Using This Folder")
    finally:
        candidate.quit()
        coach.quit()

    # read back from both stores: the blend on both sides, and every text kept
    assert sheet_tasks(candidate) == [final], sheet_tasks(candidate)
    assert sheet_tasks(coach) == [final], sheet_tasks(coach)
    for app in (candidate, coach):
        with app.db() as db:
            assert db.execute("SELECT count(*) FROM conflict").fetchone()[0] == 0


def test_import_by_hand_after_a_wrong_passphrase():
    """A file received by e-mail, imported from the main menu: a wrong passphrase is asked
    again with the reason shown and imports nothing; the right one opens the report."""
    source = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    path = os.path.join(source, "Hélène Dubois.acquis")
    acquis = os.environ["ACQUIS_APP"]
    subprocess.run([acquis, "--data-dir", source, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    subprocess.run([acquis, "--data-dir", source, "--role", "coach", "--export-package",
                    "Hélène Dubois", "--output", path],
                   env=dict(os.environ, ACQUIS_PASSPHRASE=PASSPHRASE), check=True)
    app = App(role="candidate")
    try:
        # her first run offers her coach's file beside her name
        press(find_named(app.window, "Main Menu"))
        press(find(app.node, "menu item", "Import My Coach’s File…"))
        wait_for(lambda: "Import a Dossier" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(path)
        key("Return")
        app.wait_window_closed("Import a Dossier")
        entry = find_named(app.node, "Passphrase", timeout=30)
        click(entry)
        type_text("pas la bonne phrase")
        key("Return")
        find(app.node, "label", lambda text: text.startswith("The passphrase is not the one"),
             timeout=30)
        with app.db() as db:
            assert db.execute("SELECT count(*) FROM candidate").fetchone()[0] == 0
        click(find_named(app.node, "Passphrase"))
        type_text(PASSPHRASE)
        key("Return")
        report = find(app.node, "frame", "Import Report", timeout=30)
        assert_all_named(report)
        find(report, "label", "New candidate: Hélène Dubois.")
        find(app.window, "label", lambda name: name.split("\n")[0] == "Hélène Dubois")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_exchange_through_folder_with_conflict, test_import_by_hand_after_a_wrong_passphrase])
