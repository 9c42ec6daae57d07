"""The owner's pages in a shop owner's words (issue 19): segment names that fit their figures with the
statistics folded away, the dashboard saying which days it counts, exports on every analytics page with
number formats, and the care worklist with whom to call, the consent and the script in the member's language."""

from __future__ import annotations

from openpyxl import load_workbook

from pharmadesk.analytics.models import segments
from pharmadesk.reports.export import _cell
from pharmadesk.reports.formatting import Number
from pharmadesk.ui.widgets.worker import ProgressPanel
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def test_segment_names_fit_their_figures_and_the_statistics_are_folded(demo_window, qtbot):
    window = demo_window("owner")
    pane = open_pane(window, "segments", qtbot)
    members = pane.result.members
    buyers = members[members["segment"] != segments.NO_PURCHASE].set_index("member_id")
    population = segments.profile(buyers)
    for name, group in buyers.groupby("segment"):
        assert segments.name_fits(name, segments.profile(group), population), name
        assert segments.base_name(name)[0] in segments.SEGMENT_NAMES
        if "regular" in name or "refills on time" in name:
            assert group["recency_days"].median() <= segments.ACTIVE_DAYS

    # the statistics (silhouette, adjusted Rand index) are in the Details fold, closed at first
    assert not pane.notes.isVisible() and "Rand" in pane.notes.text()
    shown_text = " ".join(label.text() for label in pane.findChildren(type(pane.title)) if label.isVisible())
    assert "Rand" not in shown_text and "silhouette" not in shown_text and "k =" not in shown_text
    pane.details_button.click()
    assert pane.notes.isVisible()

    # names are shown whole: the first column is as wide as its longest name
    view = pane.table.view
    longest = max(view.fontMetrics().horizontalAdvance(r["segment"]) for r in pane.table.visible_rows())
    assert view.columnWidth(0) >= longest


def test_the_dashboard_says_which_days_it_counts(demo_window, qtbot):
    window = demo_window("owner")
    pane = open_pane(window, "dashboard", qtbot)
    assert "yesterday" in pane.period.currentText()
    notes = pane.notes.text()
    assert "both days included" in notes and "joined" not in notes and "ltv" not in notes


def test_a_finished_computation_never_says_done_over_empty_tiles(qtbot):
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel._progressed(0.5, "demand history")
    assert panel.label.text() == "demand history"
    panel._progressed(1.0, "done")
    assert panel.label.text() == "Showing the results…"


def test_member_value_and_campaigns_export_with_number_formats(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    pane = open_pane(window, "value", qtbot)
    assert pane.pdf_export_button.isVisible() and pane.excel_export_button.isVisible()
    assert pane.export_pdf(tmp_path / "value.pdf").read_bytes().startswith(b"%PDF")
    sheet = load_workbook(pane.export_excel(tmp_path / "value.xlsx")).active
    headers = [c.value for c in sheet[1]]
    clv, alive = sheet.cell(2, headers.index("12-month value") + 1), sheet.cell(2, headers.index(
        "Chance still a customer") + 1)
    first = pane.table.visible_rows()[0]
    assert clv.number_format == "#,##0.00" and abs(clv.value - first["clv"] / 100) < 1e-9   # currency, not cents
    assert alive.number_format == "0.0%" and 0 <= alive.value <= 1

    campaigns = open_pane(window, "campaigns", qtbot)
    assert campaigns.pdf_export_button.isVisible() and campaigns.excel_export_button.isVisible()
    assert campaigns.export_excel(tmp_path / "campaigns.xlsx").exists()


def test_dashboard_exports_figures_as_the_page_shows_them(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    pane = open_pane(window, "dashboard", qtbot)
    sheet = load_workbook(pane.export_excel(tmp_path / "dashboard.xlsx")).active
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows["Transactions"][1].number_format == "#,##0" and isinstance(rows["Transactions"][1].value, int)
    assert rows["Gross margin %"][1].number_format == "0.0%"
    assert rows["Sales"][1].number_format == "#,##0.00"
    # the PDF prints each figure by its kind: 960 transactions, an 18 % margin
    assert _cell(Number.of(960.0, "count")) == "960"
    assert _cell(Number.of(0.18, "percent")) == "18.0 %"
    assert _cell(Number.of(6153, "money_minor")) == "61.53"


def test_care_worklist_shows_phone_consent_and_the_script_in_the_member_s_language(demo_window, qtbot):
    window = demo_window("pharmacist")
    store = window.store
    pane = open_pane(window, "care", qtbot)
    titles = [c.title for c in pane.table.model.columns]
    assert "Phone" in titles and "Consent" in titles
    row = next(r for r in pane.rows() if r["kind"] != "birthday")
    member = store.members.get(row["member_id"])
    assert row["phone"] == member.phone and len(member.phone) >= 7            # a pharmacist sees the number
    assert pane.consent_text(row) in ("care calls", "care calls, offers")
    assert row["language"] == store.settings.language                      # no language: the store's

    # the member speaks Chinese: the script is in Chinese while the program stays in English
    store.members.update(row["member_id"], language="zh_CN")
    assert store.members.get(row["member_id"]).language == "zh_CN"
    pane.refresh(force=True)
    qtbot.waitUntil(lambda: not pane.busy, timeout=60_000)
    again = next(r for r in pane.rows() if r["member_id"] == row["member_id"] and r["kind"] == row["kind"])
    assert again["language"] == "zh_CN"
    script = pane.script_text(again)
    assert member.name in script and "Hello" not in script and "您好" in script
    assert pane.script_text({**again, "language": "en"}).startswith(f"Hello {member.name}, this is")


def test_a_member_language_is_checked_and_audited_as_a_field(store):
    import pytest

    from pharmadesk.errors import ValidationError

    member_id = store.members.register("Li Lei", "13800138000", language="zh_CN")
    assert store.members.get(member_id).language == "zh_CN"
    with pytest.raises(ValidationError) as refused:
        store.members.update(member_id, language="fr")
    assert "en, zh_CN" in str(refused.value)
    store.members.update(member_id, language=None)
    assert store.members.get(member_id).language is None
    assert store.db.scalar("SELECT count(*) FROM member_history WHERE field = 'language'") == 1


def test_the_member_dialog_sets_the_language_a_member_speaks(demo_window, qtbot):
    from pharmadesk.ui.members.member_dialog import MemberDialog

    window = demo_window("owner")
    store = window.store
    member = store.members.get(1)
    dialog = MemberDialog(store, member, window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() is None                  # none set: the store's language
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.save()
    assert store.members.get(1).language == "zh_CN"


def test_care_contacts_mask_the_phone_for_a_role_that_may_not_see_it(open_store):
    """The worklist follows the masking rule of Store.members.get: a role without the full member view sees
    the last four digits only."""
    import pandas as pd

    from pharmadesk.analytics.jobs.care import member_contacts

    owner = open_store("owner")
    member_id = owner.members.register("Wang Fang", "13800138009", care_consent=True)
    frame = pd.DataFrame([{"member_id": member_id, "phone": "13800138009", "language": None, "care": True,
                           "marketing": False}])
    assert member_contacts(owner, frame)[member_id]["phone"] == "13800138009"
    owner.close()
    cashier = open_store("cashier")
    contact = member_contacts(cashier, frame)[member_id]
    assert contact["phone"] == cashier.members.get(member_id).phone == "•••••••8009"
    assert contact["language"] == cashier.settings.language and contact["care"] and not contact["marketing"]
