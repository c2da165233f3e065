# SPDX-License-Identifier: GPL-3.0-or-later
"""An annex the referential asks for, apart from the documents that illustrate the practice:
the accompagnatrice attaches an evaluation grid to one of Hélène's examples and ticks Annex on
its row; the store keeps the mark, and the dossier exported by the command line lists it under
"Annexes", after the practice's documents, in the contents and on its own page."""

import os
import subprocess
import tempfile
import time

from acqtest import APP, App, click, find, find_named, key, press, row, run, type_text, wait_for
from test_paperwork import a_pdf


def shot(suffix):
    if os.environ.get("ACQUIS_E2E_SHOT"):
        subprocess.run(["import", "-window", "root",
                        os.environ["ACQUIS_E2E_SHOT"].replace(".png", suffix + ".png")])


def annex_marks(app):
    with app.db() as db:
        return db.execute("SELECT file_name, annex FROM attachment ORDER BY file_name").fetchall()


def test_mark_an_annex_and_print_it_apart():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    subprocess.run([APP, "--data-dir", folder, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    grid = a_pdf(folder, "grille-evaluation.pdf")
    app = App(data_dir=folder, role="coach")
    try:
        click(find(app.window, "label", row("Hélène Dubois")))
        click(find(app.window, "label",
                   lambda name: name.startswith("Premier accueil d'un demandeur d'emploi")))
        press(find_named(app.window, lambda name: name.startswith("Add a Document")))
        wait_for(lambda: "Add a Document" in app.windows(), "the file chooser")
        time.sleep(1)
        key("ctrl+l")
        type_text(grid)
        key("Return")
        app.wait_window_closed("Add a Document")
        check = find(app.window, "check box",
                     "“grille-evaluation.pdf” is an annex the referential asks for", timeout=30)
        assert ("grille-evaluation.pdf", 0) in annex_marks(app), annex_marks(app)
        click(check)
        wait_for(lambda: ("grille-evaluation.pdf", 1) in annex_marks(app), "the mark stored")
        shot("-annex")

        target = os.path.join(folder, "helene.pdf")
        subprocess.run([APP, "--data-dir", folder, "--export-dossier", "Hélène Dubois",
                        "--output", target], check=True, capture_output=True)
        pages = [" ".join(p.split()) for p in
                 subprocess.run(["pdftotext", target, "-"], check=True, capture_output=True,
                                text=True).stdout.split("\f")]
        text = " ".join(pages)
        # the contents: the practice's documents, then the annexes, the grid under them
        contents = text[text.index("Sommaire"):]
        documents = contents.index("Documents illustrant la pratique professionnelle (facultatif)")
        annexes = contents.index("Annexes (si le référentiel l’exige)")
        assert documents < annexes < contents.index("grille-evaluation.pdf"), contents[:2000]
        # the list of annexes, on its own page, names the grid and nothing of the practice
        page = next(p for p in pages if "(si le référentiel l’exige)" in p
                    and "Sommaire" not in p)
        assert "grille-evaluation.pdf (bloc" in page, page
        key("ctrl+q")
    finally:
        app.quit()


if __name__ == "__main__":
    run([test_mark_an_annex_and_print_it_apart])
