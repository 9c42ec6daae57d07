"""Care reminders on a big demo store: wall time (median of 3), peak memory, and accuracy figures.

    python benchmarks/bench_analytics_reminders.py /tmp/copy-of-demo-50000-5.0 [AS_OF]

Work on a COPY of the benchmark store (opening it upgrades its schema). Prints Markdown rows for
docs/benchmarks.md, then the accuracy figures quoted in docs/analytics/reminders.md: how well the
run-out date predicts the next refill, and the no-reminder baseline of "conversion" (share of the
reminders we would have sent that were followed by a refill within 7 days anyway), monthly backtest.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders
from demo_store import day_after_last_sale, open_demo_store, rss_mb


def reminder_list(store, as_of):
    return reminders.care_reminders(
        frames.care_fills(store, as_of), frames.care_members(store, as_of), frames.member_visit_days(store, as_of),
        frames.care_products(store), as_of, reminder_log=frames.care_reminder_log(store, as_of),
        store_name=store.settings.store_name)


def status_and_pdc(store, as_of):
    fills = frames.care_fills(store, as_of)
    pdc = reminders.adherence(fills, as_of).drop(columns="product_id")
    return reminders.refill_status(fills, as_of).merge(pdc, on=["member_id", "therapy"], how="left")


def baseline_conversion(store, as_of: date, months: int = 12) -> pd.DataFrame:
    """Reminders computed on the 1st of each of the last ``months`` months, scored as if issued that day."""
    fills = frames.care_fills(store, as_of)
    logs = []
    for back in range(months, 0, -1):
        day = (pd.Timestamp(as_of) - pd.DateOffset(months=back)).date().replace(day=1)
        todo = reminders.care_reminders(fills[fills["date"] < pd.Timestamp(day)], frames.care_members(store, day),
                                        frames.member_visit_days(store, day), frames.care_products(store), day)
        todo = todo[todo["kind"] != "birthday"]
        logs.append(pd.DataFrame({"reminder_id": range(len(todo)), "member_id": todo["member_id"],
                                  "kind": todo["kind"], "product_id": todo["product_id"],
                                  "due_date": pd.to_datetime(todo["due_date"]), "created": pd.Timestamp(day),
                                  "channel": todo["channel"], "latest_outcome": None}))
    log = pd.concat(logs, ignore_index=True)
    log["reminder_id"] = range(len(log))
    by_kind = []
    for kind, part in log.groupby("kind"):
        total = reminders.reminder_conversion(part, fills).iloc[-1]
        by_kind.append({"kind": kind, "reminders": int(total["issued"]), "refilled_within_7_days":
                        int(total["converted"]), "share": round(float(total["conversion"]), 3)})
    return pd.DataFrame(by_kind)


def main(directory: str, as_of: date | None) -> None:
    store = open_demo_store(directory, health_check=False)
    as_of = as_of or day_after_last_sale(store)
    print(f"as of {as_of}")
    print("| analysis | rows | median of 3 (s) | peak RSS (MB) |")
    print("|---|---|---|---|")
    for name, run in (("care reminders (load + list)", reminder_list), ("refill status + PDC", status_and_pdc)):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = run(store, as_of)
            times.append(time.perf_counter() - start)
        print(f"| {name} | {len(result)} | {statistics.median(times):.2f} | {rss_mb():.0f} |")
    print()
    print("Reminders by kind and channel:")
    print(result_counts(reminder_list(store, as_of)))
    print()
    fills = frames.care_fills(store, as_of)
    print("Run-out date vs the next refill (days; negative = early):")
    print(reminders.run_out_accuracy(fills).to_string(index=False))
    pdc = reminders.adherence(fills, as_of)
    eligible = pdc[pdc["fills_in_window"] >= 2]
    print(f"PDC over 180 days: {len(eligible)} member x therapy pairs with >= 2 fills, median "
          f"{eligible['pdc'].median():.3f}, share below 80 %: {eligible['low'].mean():.3f}")
    print()
    print("No-reminder baseline (monthly backtest, last 12 months): refilled within 7 days anyway")
    print(baseline_conversion(store, as_of).to_string(index=False))
    store.close()


def result_counts(frame: pd.DataFrame) -> str:
    return frame.groupby(["kind", "channel"]).size().rename("reminders").reset_index().to_string(index=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pharmadesk-bench-copy",
         date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None)
