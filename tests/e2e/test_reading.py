# SPDX-License-Identifier: GPL-3.0-or-later
"""The reading style of a candidate with accommodations: on Sophie's page, whose demo asks
for 14 points spaced 1.5, the Reading Outputs group shows it, every control named; the coach
types a larger size and a wider spacing, which are saved as typed; switching Large Print off
removes the style and on again brings back what the rows show; the dossier window exports a
reading copy, set larger than the draft it shows; the fiche de préparation prints in the
style's font."""

import os
import subprocess
import tempfile
import time

import pyatspi

from acqtest import (APP, App, click, extents, find, find_named, key, press, row, run,
                     scroll_into_view, type_text, wait_for)
from test_exchange import assert_all_named


def style(db):
    return db.execute("SELECT family, size, spacing FROM candidate_reading WHERE"
                      " candidate_uuid = (SELECT uuid FROM candidate WHERE last_name ="
                      " 'Lefèvre')").fetchone()


def type_into_spin(spin, text):
    """Types into a spin button's text, on its left: its middle is the minus button."""
    scroll_into_view(spin)
    box = extents(spin)
    pyatspi.Registry.generateMouseEvent(box.x + 8, box.y + box.height // 2, "b1c")
    key("ctrl+a")
    type_text(text + "\n")


def test_reading_style_saved_as_typed():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", folder, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    app = App(data_dir=folder, role="coach")
    try:
        click(find(app.window, "label", row("Sophie Lefèvre")))
        group = find_named(app.window, "Reading Outputs")
        size = find(app.window, "spin button", "Size")
        scroll_into_view(size)
        assert_all_named(group)
        find(app.window, "check box", "Large Print")
        find(app.window, "combo box", "Font")
        with app.db() as db:
            wait_for(lambda: style(db) == ("DejaVu Sans", 14.0, 1.5), "the demo's style")

        type_into_spin(size, "18")
        type_into_spin(find(app.window, "spin button", "Line Spacing"), "2")
        with app.db() as db:
            wait_for(lambda: style(db) == ("DejaVu Sans", 18.0, 2.0), "the size and spacing")

        switch = find(app.window, "check box", "Large Print")
        click(switch)
        with app.db() as db:
            wait_for(lambda: style(db) is None, "no style once switched off")
        click(switch)
        with app.db() as db:
            wait_for(lambda: style(db) == ("DejaVu Sans", 18.0, 2.0), "the style back")

        press(find_named(app.window, "Candidate Menu"))
        press(find(app.node, "menu item", "Dossier Professionnel"))
        dossier = find(app.node, "frame", "Dossier Professionnel")
        find(dossier, "label", lambda name: name.startswith("of "), timeout=60)

        reading = os.path.join(folder, "lecture.pdf")
        press(find_named(dossier, "Dossier Menu"))
        press(find(app.node, "menu item", "Export a Reading Copy…"))
        wait_for(lambda: "Export a Reading Copy" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+a")
        type_text(reading)
        key("Return")
        app.wait_window_closed("Export a Reading Copy")
        find(dossier, "label", "Dossier exported to “lecture.pdf”", timeout=60)
        assert os.stat(reading).st_mode & 0o777 == 0o600, oct(os.stat(reading).st_mode)
        text = subprocess.run(["pdftotext", "-l", "1", reading, "-"], check=True,
                              capture_output=True, text=True).stdout
        assert "Copie de lecture" in text, text
    finally:
        app.quit()

    pdf = os.path.join(folder, "fiche.pdf")
    subprocess.run([APP, "--data-dir", folder, "--export-jury-prep", "Sophie Lefèvre",
                    "--output", pdf], check=True, capture_output=True)
    info = subprocess.run(["pdffonts", pdf], check=True, capture_output=True, text=True).stdout
    assert "DejaVuSans" in info, info


if __name__ == "__main__":
    run([test_reading_style_saved_as_typed])
