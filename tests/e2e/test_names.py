# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader says of each control, view after view: never a mnemonic's underscore
("_Resolve"), never a name said twice ("Resolve Resolve"), as GTK 4.8 does for a button whose
label has a mnemonic — ours, and libadwaita's in its message dialogs and toasts. The names
are read as the bus gives them, not through acqtest.spoken()."""

from acqtest import App, click, find, key, press, row, run, showing, walk
from test_dossier import open_dossier

CONTROLS = {"push button", "toggle button", "check box", "radio button", "menu item",
            "check menu item", "radio menu item", "combo box", "link", "list item"}


def said_twice(name):
    half = len(name) // 2
    return len(name) > 2 and len(name) % 2 == 1 and name[half] == " " and \
        name[:half] == name[half + 1:]


def assert_names_said_once(node, where):
    bad = []
    for n in walk(node):
        if n.getRoleName() not in CONTROLS or not n.name or not showing(n):
            continue
        if said_twice(n.name) or "_" in n.name.replace("__", ""):
            bad.append("%s %r" % (n.getRoleName(), n.name))
    assert not bad, "%s: %s" % (where, bad)


def test_every_view_names_each_control_once():
    app = App(args=["--demo"], role=None)
    try:
        # libadwaita's message dialog: who uses this copy
        button = find(app.node, "push button", lambda name: name.endswith("Accompagnatrice"))
        question = button
        while question.parent is not None and question.parent != app.node:
            question = question.parent
        assert_names_said_once(question, "the role question")
        app.answer_role("coach")

        # the coach's home, a candidate's page
        find(app.window, "list", lambda name: name.startswith("Overdue,"))
        assert_names_said_once(app.window, "Today")
        click(find(app.window, "label", row("Sophie Lefèvre")))
        find(app.window, "text", "First name")
        assert_names_said_once(app.window, "the candidate page")

        # the jury window, the map
        key("ctrl+j")
        jury = find(app.node, "frame", "Jury")
        assert_names_said_once(jury, "the jury window")
        key("ctrl+w")
        app.wait_window_closed("Jury")
        key("ctrl+m")
        atlas = find(app.node, "frame", "Competence Map")
        assert_names_said_once(atlas, "the map window")
        key("ctrl+w")
        app.wait_window_closed("Competence Map")

        # the dossier window, the preferences
        dossier, _ = open_dossier(app)
        assert_names_said_once(dossier, "the dossier window")
        key("ctrl+w")
        app.wait_window_closed("Dossier Professionnel")
        key("ctrl+comma")
        preferences = find(app.node, "frame", "Preferences")
        assert_names_said_once(preferences, "the preferences")
        key("Escape")
        app.wait_window_closed("Preferences")

        # libadwaita's toast: a candidate deleted, with Undo
        click(find(app.window, "label", row("Sophie Lefèvre")))
        key("Delete")
        undo = find(app.window, "push button", lambda name: name.endswith("Undo"))
        assert_names_said_once(app.window, "the toast")
        press(undo)
        find(app.window, "label", row("Sophie Lefèvre"))
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_every_view_names_each_control_once])
