# SPDX-License-Identifier: GPL-3.0-or-later
"""A candidate types a misspelt word in a rubric: once she pauses it carries the red wavy
underline (read through the text's accessible attributes, as a screen reader reads them);
she opens the context menu with the keyboard, chooses the suggestion, and the rubric and the
store hold the corrected word, the underline gone; Undo puts the word back. A word still
being typed is not underlined until the cursor leaves it. The switch in the preferences takes
the underline away and brings it back, the text untouched. Skipped without a French
dictionary."""

import os
import subprocess
import tempfile
import time

from acqtest import App, click, find, find_named, key, press, run, text_of, type_text, wait_for
from test_sheets import add_candidate, rubric

TYPED = "Une experiance utile"
FIXED = "Une expérience utile"


def has_dictionary():
    """Enchant lists the dictionaries it finds; Debian's hunspell-fr gives fr_FR."""
    return any(os.path.exists("/usr/share/hunspell/%s.dic" % name) for name in ("fr_FR", "fr"))


def underline_at(node, offset):
    """The "underline" attribute of the text run at offset, as AT-SPI reports it."""
    attributes, _start, _end = node.queryText().getAttributeRun(offset, False)
    for attribute in attributes:
        name, _, value = attribute.partition(":")
        if name == "underline":
            return value
    return None


def screenshot(name):
    """With ACQUIS_E2E_SCREENSHOTS=DIR, the screen as a person sees it, for a look."""
    folder = os.environ.get("ACQUIS_E2E_SCREENSHOTS")
    if folder:
        subprocess.run(["import", "-window", "root", os.path.join(folder, name)], check=False)


def test_misspelt_word_corrected_from_the_menu():
    config = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    # her own words are kept in this private folder, not in the tester's
    app = App(role="candidate", env={"XDG_CONFIG_HOME": config})
    try:
        add_candidate(app, "Nadia", "Haddad")
        press(find_named(app.window, "New Sheet"))
        tasks = rubric(app, 1)
        click(tasks)
        type_text(TYPED)
        # checked after a pause in the typing: the word carries the error underline
        wait_for(lambda: underline_at(tasks, 6) == "error", "the error underline on the word")
        assert underline_at(tasks, 1) in (None, "none"), underline_at(tasks, 1)
        screenshot("spelling-underline.png")
        # a word being typed is left alone while the cursor is at its end, checked once it
        # leaves it
        type_text(" pourtan")
        time.sleep(1.5)
        assert underline_at(tasks, len(TYPED) + 3) in (None, "none")
        type_text(" ")
        wait_for(lambda: underline_at(tasks, len(TYPED) + 3) == "error", "the left word checked")
        for _ in range(len(" pourtan ")):
            key("BackSpace")
        wait_for(lambda: text_of(tasks) == TYPED, "the text as typed first")
        # the menu key on the word under the cursor: the suggestions first
        key("ctrl+Left")
        key("ctrl+Left")
        key("shift+F10")
        choice = find(app.node, "menu item", "expérience")
        screenshot("spelling-menu.png")
        choice.queryAction().doAction(0)
        wait_for(lambda: text_of(tasks) == FIXED, "the corrected text in the rubric")
        wait_for(lambda: underline_at(tasks, 6) in (None, "none"), "the underline gone")

        def stored():
            with app.db() as db:
                return db.execute("SELECT tasks FROM sheet").fetchone()[0]
        wait_for(lambda: stored() == FIXED, "the corrected text in the store")
        # one Undo puts back what she typed: the correction was one user action
        key("ctrl+z")
        wait_for(lambda: text_of(tasks) == TYPED, "the word as typed, after Undo")
        wait_for(lambda: stored() == TYPED, "the word as typed in the store, after Undo")

        # the off switch, in the preferences: the underline goes; back on, it comes back
        wait_for(lambda: underline_at(tasks, 6) == "error", "the underline on the word again")
        key("ctrl+comma")
        preferences = find(app.node, "frame", "Preferences")
        click(find_named(preferences, "Writing"))
        find(preferences, "label", lambda text: text.startswith("Words the French dictionary"))
        switch = find(preferences, "check box", "Check Spelling")
        screenshot("spelling-preferences.png")
        click(switch)
        wait_for(lambda: underline_at(tasks, 6) in (None, "none"), "the underline off")
        click(switch)
        wait_for(lambda: underline_at(tasks, 6) == "error", "the underline back")
        key("Escape")
        app.wait_window_closed("Preferences")
        assert stored() == TYPED, stored()
    finally:
        app.quit()


if __name__ == "__main__":
    if not has_dictionary():
        print("1..0 # SKIP no French dictionary (apt-get install hunspell-fr)")
    else:
        run([test_misspelt_word_corrected_from_the_menu])
