"""The printed ADR report (issue 20): the national form's facts on an A4 PDF."""

from __future__ import annotations

from pharmadesk.core.service import AdrFacts
from pharmadesk.reports.adr_form import adr_form_document, save_adr_form_pdf


def test_the_form_carries_the_reports_facts_and_prints_to_pdf(qapp, store, ids, tmp_path):
    member = store.members.register("Hua Li", "13800000555", allergies="penicillin")
    batch = store.stock.batches(ids.rx)[0]
    rid = store.service.report_adr(AdrFacts(ids.rx, "Dry cough at night", "2020-03-01", "serious", "improving",
                                            "Pat Pharmacist, pharmacist", batch_id=batch["id"],
                                            usage="5 mg once daily by mouth"), member_id=member,
                                   account="Stopped on day 3; cough eased")
    text = adr_form_document(store, rid).toPlainText()
    for expected in ("Hua Li", "penicillin", "Ramipril 5mg", "ramipril", batch["batch_no"], "Dry cough at night",
                     "2020-03-01", "5 mg once daily", "Stopped on day 3", "Pat Pharmacist", "☒ improving",
                     "☒ serious", "☐ general"):
        assert expected in text, expected
    path = tmp_path / "adr.pdf"
    save_adr_form_pdf(store, rid, path)
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 1000
