# SPDX-License-Identifier: GPL-3.0-or-later
"""The interface in French shows no English: every name a screen reader reads in the main
window, the candidate page and the new-candidate dialog is compared with the English source
strings that po/fr.po translates."""

import os
import re

from acqtest import App, click, find, find_named, key, press, row, run, showing, spoken, walk

SOURCE_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FRENCH = {"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"}


def po_entries(path):
    """(msgid, msgstr) pairs of a .po file, plain strings, headers left out."""
    entries, current, field = [], {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        m = re.match(r'^(msgctxt|msgid|msgstr)\s+"(.*)"$', line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and "msgstr" in current:
                entries.append(current)
                current = {}
            field = m.group(1)
            current[field] = m.group(2)
        elif line.startswith('"') and field:
            current[field] += line[1:-1]
    if "msgstr" in current:
        entries.append(current)
    unescape = lambda s: s.encode("latin-1", "backslashreplace").decode("unicode_escape")
    return [(unescape(e["msgid"]), unescape(e["msgstr"])) for e in entries if e.get("msgid")]


ENGLISH = {spoken(msgid): spoken(msgstr) for msgid, msgstr in
           po_entries(os.path.join(SOURCE_ROOT, "po", "fr.po"))}


def english_names(node):
    """The names on screen that are an English source string left untranslated."""
    found = []
    for n in walk(node):
        if not showing(n):
            continue
        for text in (n.name or "").split("\n"):
            text = spoken(text)
            if text in ENGLISH and ENGLISH[text] != text and len(text) > 2:
                found.append("%s %r" % (n.getRoleName(), text))
    return found


def test_main_window_is_french():
    app = App(args=["--demo"], env=FRENCH, role="candidate")
    try:
        # a coach's data folder opened in the candidate role: the sidebar only chooses
        find(app.window, "label", "Choisir un dossier")
        assert english_names(app.window) == [], english_names(app.window)
        # a candidate's page: parcours, blocs, identity, stages in French
        click(find(app.window, "label", row("Sophie Lefèvre")))
        find(app.window, "label", "Aménagements à prévoir")
        assert english_names(app.window) == [], english_names(app.window)
        # an experience sheet: rubrics, review, comments, documents
        click(find(app.window, "label", row("Hélène Dubois")))
        click(find(app.window, "label", "Suivi administratif des parcours sur le logiciel de la structure"))
        find(app.window, "label", "À reprendre")
        assert english_names(app.window) == [], english_names(app.window)
        press(find(app.window, "push button", "Retour"))
        # the dossier preview and its rules
        press(find_named(app.window, "Menu de la candidature"))
        press(find(app.node, "menu item", "Dossier professionnel"))
        dossier = find(app.node, "frame", "Dossier professionnel")
        # the page bar, once the dossier is laid out and read: "1 sur 15"
        find(dossier, "label", lambda name: re.fullmatch(r"sur \d+", name), timeout=60)
        assert english_names(dossier) == [], english_names(dossier)
        key("Escape")
        app.wait_window_closed("Dossier professionnel")
        # the new candidate dialog, the coach's: the role changes from the main menu
        press(find(app.window, "push button", "Menu principal"))
        press(find(app.node, "menu item", "Qui utilise Acquis"))
        # a radio item of the submenu
        press(find_named(app.node, "Une accompagnatrice"))
        find(app.window, "label", "Candidat·es")
        press(find(app.window, "push button", "Nouvelle candidature"))
        dialog = find(app.node, "frame", "Nouvelle candidature")
        assert english_names(dialog) == [], english_names(dialog)
        key("Escape")
        app.wait_window_closed("Nouvelle candidature")
    finally:
        app.quit()


def test_english_stays_english():
    # the check above would pass on an app that shows nothing: here the same screen in English
    # shows the source strings
    app = App(args=["--demo"], env={"LANGUAGE": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    try:
        find(app.window, "label", "Candidates")
        assert len(english_names(app.window)) > 5, english_names(app.window)
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_main_window_is_french, test_english_stays_english])
