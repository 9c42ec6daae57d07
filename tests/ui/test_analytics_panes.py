"""The segments, member value and campaigns panes on the small demo store: the segment table matches
the analysis, the call list holds only marketing-consented members, a campaign started from a segment
is stored and scored in the campaigns pane as the analysis scores it."""

from __future__ import annotations

import csv
import math

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import segments, value
from pharmadesk.analytics.jobs import score_campaign, valuable_members
from pharmadesk.ui.panes.segments_pane import CampaignDialog
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def test_segments_pane_exports_consented_call_list_and_starts_a_campaign(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "segments", qtbot)
    as_of = store.today()
    expected = segments.segment_members(segments.build_features(frames.member_features(store, as_of), as_of))
    rows = pane.table.visible_rows()
    assert sum(r["members"] for r in rows) == len(expected.members) == len(pane.result.members)
    assert {r["segment"]: r["members"] for r in rows} == dict(zip(expected.summary["segment"],
                                                                   expected.summary["members"]))
    assert len(pane.scatter.figure.axes[0].collections) >= 2          # one scatter per purchasing segment
    assert pane.profile.figure.axes[0].patches

    # the largest segment with consented members; withdraw one member's marketing consent first
    consented = set(store.privacy.consented_members("marketing"))
    row = max(rows, key=lambda r: len(set(pane.segment_member_ids(r["segment"])) & consented))
    assert pane.table.select(lambda r: r["segment"] == row["segment"])
    members = set(pane.segment_member_ids())
    in_segment = sorted(members & consented)
    assert len(in_segment) >= 2
    withdrawn = in_segment[0]
    store.members.set_consent(withdrawn, "marketing", False, "paper_form")
    allowed = members & set(store.privacy.consented_members("marketing"))
    assert withdrawn not in allowed

    path = tmp_path / "calls.csv"
    assert pane.export_call_list(path) == len(allowed)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    phones = {r["phone"]: r["id"] for r in store.db.all("SELECT id, phone FROM members")}
    exported = {phones[line[1]] for line in lines[1:]}
    assert exported == allowed and withdrawn not in exported
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    if openpyxl is not None:
        xlsx = tmp_path / "calls.xlsx"
        assert pane.export_call_list(xlsx) == len(allowed)
        sheet = openpyxl.load_workbook(xlsx).active
        assert {phones[r[1]] for r in sheet.iter_rows(min_row=2, values_only=True)} == allowed

    def fill(dialog: CampaignDialog) -> bool:
        dialog.name.setText("Test campaign")
        dialog.cost.setValue(100)
        dialog.holdout.setValue(20)
        return True

    pane.exec_dialog = fill
    before = store.db.scalar("SELECT count(*) FROM campaigns")
    campaign_id = pane.start_campaign_clicked()
    assert campaign_id is not None
    assert store.db.scalar("SELECT count(*) FROM campaigns") == before + 1
    campaign = store.db.one("SELECT name, segment, cost FROM campaigns WHERE id = ?", (campaign_id,))
    assert campaign == {"name": "Test campaign", "segment": row["segment"], "cost": 10000}
    arms = store.db.all("SELECT member_id, arm FROM campaign_members WHERE campaign_id = ?", (campaign_id,))
    assert {a["member_id"] for a in arms} == allowed
    assert sum(a["arm"] == "holdout" for a in arms) == round(0.2 * len(allowed))

    campaigns = open_pane(window, "campaigns", qtbot)
    shown = campaigns.table.visible_rows()
    assert [r["campaign_id"] for r in shown] == [campaign_id]
    report = score_campaign(store, campaign_id, store.today()).iloc[0]
    assert shown[0]["target"] == report["target_n"] and shown[0]["holdout"] == report["holdout_n"]
    for key in ("uplift", "uplift_low", "uplift_high"):
        assert (math.isnan(shown[0][key]) and math.isnan(report[key])) or shown[0][key] == report[key]
    assert campaigns.details.text()


def test_value_pane_lists_valuable_members_at_risk(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "value", qtbot)
    as_of = store.today()
    table = value.member_value(frames.member_purchase_days(store, as_of), as_of).table
    valuable = set(int(i) for i in valuable_members(table)["member_id"])
    rows = pane.table.visible_rows()
    assert rows and {r["member_id"] for r in rows} <= valuable
    alive = [r["p_alive"] for r in rows]
    assert alive == sorted(alive)
    assert pane.chart.figure.axes[0].patches                           # the histogram's bars


def test_analytics_panes_are_for_the_owner_only(demo_window):
    window = demo_window("pharmacist")
    assert not {"segments", "value", "campaigns"} & set(window.pages)


def test_a_job_that_cannot_answer_shows_its_message_translated(demo_window, qtbot, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from pharmadesk.analytics import jobs
    from pharmadesk.errors import AnalyticsError

    window = demo_window("owner")
    pane = open_pane(window, "segments", qtbot)
    template = "k must be between 1 and the number of purchasing members ({buyers})."
    monkeypatch.setattr(QCoreApplication, "translate",
                        staticmethod(lambda context, text, *a: f"[{context}] {text}" if text == template else text))

    real = jobs.run_segments

    def too_many(store, as_of, params=jobs.SegmentParams(), progress=None, cancel=None):
        return real(store, as_of, jobs.SegmentParams(k=100_000, resamples=0), progress, cancel)

    monkeypatch.setattr(jobs, "run_segments", too_many)
    pane.refresh(force=True)
    qtbot.waitUntil(lambda: not pane.busy and bool(pane.message.text()), timeout=60_000)   # a queued signal
    assert isinstance(pane.runner.error, AnalyticsError)
    assert pane.message.text() == "[errors] k must be between 1 and the number of purchasing members " \
                                  f"({pane.runner.error.params['buyers']})."
