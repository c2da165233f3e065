# SPDX-License-Identifier: GPL-3.0-or-later
"""The accompagnatrice receives a candidate's dossier: the import report says first how many
sheets wait for her review and lists them at the top, names a request for what it is (never
"a reviewed version"), and the sidebar counts the sheets to review. Driven through AT-SPI."""

import os
import shutil
import subprocess
import tempfile

from acqtest import App, find, find_named, first, first_named, labels, press, run, walk
from test_exchange import PASSPHRASE, assert_all_named, front, receive


def candidate_file(folder):
    """Hélène Dubois's dossier as her own Acquis would send it (the demo's, with one sheet to
    review), put in the exchange folder."""
    source = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    acquis = os.environ["ACQUIS_APP"]
    subprocess.run([acquis, "--data-dir", source, "--demo", "--list-candidates"], check=True,
                   capture_output=True)
    path = os.path.join(source, "Hélène Dubois – Candidate.acquis")
    subprocess.run([acquis, "--data-dir", source, "--role", "candidate", "--export-package",
                    "Hélène Dubois", "--output", path],
                   env=dict(os.environ, ACQUIS_PASSPHRASE=PASSPHRASE), check=True,
                   capture_output=True)
    with_review = subprocess.run(
        ["sqlite3", os.path.join(source, "acquis.db"),
         "SELECT count(*) FROM sheet s JOIN candidate c ON c.uuid = s.candidate_uuid"
         " WHERE c.last_name = 'Dubois' AND s.review_state = 1 AND s.deleted_at IS NULL"],
        capture_output=True, text=True)
    shutil.copy(path, folder)
    return int(with_review.stdout.strip() or 0) if with_review.returncode == 0 else None


def test_report_lists_sheets_to_review_first():
    folder = tempfile.mkdtemp(dir=os.environ.get("ACQUIS_E2E_TMP"))
    expected = candidate_file(folder)
    coach = App(args=["--exchange-folder", folder], role="coach")
    try:
        receive(coach, "Dossier from Hélène Dubois imported")
        front(coach)
        press(find(coach.window, "push button", "View Report"))
        report = find(coach.node, "frame", "Import Report")
        assert_all_named(report)
        with coach.db() as db:
            waiting = db.execute("SELECT title FROM sheet WHERE review_state = 1"
                                 " AND deleted_at IS NULL ORDER BY title").fetchall()
        assert waiting, "the demo dossier has a sheet to review"
        if expected is not None:
            assert len(waiting) == expected, (waiting, expected)
        n = len(waiting)
        summary = "%d sheet waits for your review." % n if n == 1 else \
            "%d sheets wait for your review." % n
        find(report, "label", lambda text: text.startswith(summary))
        # the first rows are the sheets to review, said so
        rows = [node for node in walk(report) if node.getRoleName() == "list item"]
        assert rows, "the report lists what came in"
        for row in rows[:n]:
            assert "— Waits for your review" in row.name, row.name
        assert not any("Waits for your review" in row.name for row in rows[n:])
        # a request is never "a reviewed version"
        texts = labels(report)
        assert not any("reviewed version" in text for text in texts), texts
        assert any(text.endswith(": sent for review.") for text in texts), texts
        press(find(report, "push button", "Close"))
        coach.wait_window_closed("Import Report")
        # the sidebar counts them too
        name = "%d sheet waits for a review" % n if n == 1 else "%d sheets wait for a review" % n
        find_named(coach.window, name)
    finally:
        coach.quit()


if __name__ == "__main__":
    run([test_report_lists_sheets_to_review_first])
