"""The week's figures counted once (compliance.figures): findings grouped per person and
kind, the headline adding up its cards, and the Overzicht, a sign-off and the workbook's
Samenvatting showing the same numbers for the same database."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from compliance.audit import build_workbook
from compliance.figures import group_findings, trend, week_figures
from compliance.finding_list import FindingList
from compliance.findings import Finding
from compliance.i18n import t
from compliance.policy import load_policy
from compliance.report import build_snapshot
from compliance.review import review_state
from compliance.samples import SIGN_OFF_DATES, sign_off_samples
from compliance.store import review as review_store
from compliance.workdays import WorkCalendar
from tests.test_pages import AS_OF, metric, run_page, seed

POLICY = load_policy()
CAL = WorkCalendar.from_policy(POLICY.calendar)


def f(code: str, severity: str, subject: int | None, **params: object) -> Finding:
    return Finding(code, severity, subject, params)


ACCESS = {"name": "Oud BV", "end": "2026-01-01", "due": "2026-01-08"}


@pytest.mark.parametrize(
    ("findings", "groups"),
    [
        ([], []),
        # one item: a group of one
        ([f("dormant_client", "medium", 1)], [("dormant_client", 1, "medium", (0,))]),
        # the same person and kind: one group; another person: another group
        (
            [f("former_client_access", "high", 4, what="ip 1", **ACCESS),
             f("former_client_access", "high", 4, what="ip 2", **ACCESS),
             f("former_client_access", "high", 5, what="ip 3", **ACCESS)],
            [("former_client_access", 4, "high", (0, 1)),
             ("former_client_access", 5, "high", (2,))],
        ),
        # about no one: grouped per kind; a group is as bad as its worst item, and within
        # a severity the larger group comes first
        (
            [f("dormant_client", "medium", 1),
             f("analytics_setting", "medium", None),
             f("analytics_setting", "high", None),
             f("cookie_lifetime", "high", None)],
            [("analytics_setting", None, "high", (1, 2)),
             ("cookie_lifetime", None, "high", (3,)),
             ("dormant_client", 1, "medium", (0,))],
        ),
        # the worst first, even when the worse group is smaller
        (
            [f("dormant_client", "medium", 1), f("dormant_client", "medium", 1),
             f("request_overdue", "high", 2)],
            [("request_overdue", 2, "high", (2,)), ("dormant_client", 1, "medium", (0, 1))],
        ),
    ],
)  # fmt: skip
def test_findings_are_grouped_per_person_and_kind_worst_first(findings, groups) -> None:
    got = group_findings(findings)
    assert [(g.code, g.subject_id, g.severity, g.items) for g in got] == groups
    assert sum(g.size for g in got) == len(findings)  # every item in exactly one group


def test_a_group_says_how_many_and_a_single_item_says_itself() -> None:
    items = [f("former_client_access", "high", 4, what=f"ip {i}", **ACCESS) for i in range(4)]
    (group,) = group_findings(items)
    assert group.title(items, "nl") == (
        "Oud BV is sinds 2026-01-01 oud-klant maar heeft nog 4 toegangen die uiterlijk "
        "2026-01-08 weg hadden moeten zijn: verwijder ze en leg dat vast."
    )
    assert group.title(items, "en").startswith("Oud BV has been a former client since")
    (single,) = group_findings(items[:1])
    assert single.title(items, "nl") == items[0].message("nl")
    # A kind without a group text of its own still names the count and an example.
    odd = [f("access_unlinked", "low", None, n=2), f("access_unlinked", "low", None, n=3)]
    assert group_findings(odd)[0].title(odd, "nl").startswith("2 bevindingen van deze soort")


def test_grouping_a_finding_list_is_grouping_its_findings(tmp_path: Path) -> None:
    snap = build_snapshot(seed(tmp_path / "g.duckdb"), POLICY, AS_OF)
    assert isinstance(snap.findings, FindingList)
    assert group_findings(snap.findings) == group_findings(list(snap.findings))


@pytest.fixture
def seeded_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = seed(tmp_path / "figures.duckdb")
    monkeypatch.setenv("COMPLIANCE_DB", str(db))
    return db


def _summary(db: Path) -> dict[str, object]:
    data = build_workbook(db, POLICY, AS_OF, "nl", generated_at=datetime(2026, 11, 25)).to_bytes()
    ws = openpyxl.load_workbook(io.BytesIO(data))["Samenvatting"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    return {r[0]: r[1] for r in rows if r[0]}


def test_overzicht_sign_off_and_workbook_count_the_same(seeded_db: Path) -> None:
    figures = week_figures(build_snapshot(seeded_db, POLICY, AS_OF), CAL)
    assert figures.attention == (
        figures.overdue_deletions + figures.urgent_requests + figures.other_groups
    )
    at = run_page("pages/overzicht.py")
    page = {
        "deletions": int(metric(at, "overview.overdue_deletions")),
        "requests": int(metric(at, "overview.requests_soon")),
        "findings": int(metric(at, "overview.findings")),
    }
    headline = at.warning[0].value
    assert headline.startswith(f"**{sum(page.values())} zaken vragen aandacht:**")
    for n, words in ((page["deletions"], "verwijderingen te laat"),
                     (page["requests"], "verzoeken die haast hebben")):  # fmt: skip
        assert f"{n} {words}" in headline
    # the card's severities add up to its number
    caption = next(c.value for c in at.caption if "hoog" in c.value and "samen" in c.value)
    parts = [int(p.split()[0]) for p in caption.split(";")[0].split(" · ")]
    assert sum(parts) == page["findings"]
    summary = _summary(seeded_db)
    assert summary[t("audit.summary.attention")] == sum(page.values())
    assert summary[t("audit.summary.overdue")] == page["deletions"]
    assert summary[t("audit.summary.requests_urgent")] == page["requests"]
    assert summary[t("audit.summary.findings_other")] == page["findings"]
    counts = review_state(build_snapshot(seeded_db, POLICY, AS_OF), CAL)["counts"]
    assert (counts["overdue_deletions"], counts["urgent_requests"], counts["finding_groups"]) == (
        page["deletions"], page["requests"], page["findings"]
    )  # fmt: skip


def test_the_trend_has_every_sign_off_and_today_and_no_made_up_values(seeded_db: Path) -> None:
    assert sign_off_samples(seeded_db, POLICY) == len(SIGN_OFF_DATES) >= 3
    assert sign_off_samples(seeded_db, POLICY) == 0  # once only
    done = review_store.sign_offs(seeded_db)
    old = done.iloc[[0]].copy()  # a sign-off from before the groups were kept
    old["counts"] = [{"overdue_deletions": 2, "overdue_requests": 1, "findings": 9}]
    old["id"] = 0
    figures = week_figures(build_snapshot(seeded_db, POLICY, AS_OF), CAL)
    series = trend(pd.concat([done, old]), figures, AS_OF)
    assert list(series["as_of"]) == [date(2026, 11, 18), *SIGN_OFF_DATES, AS_OF]
    assert series.iloc[0]["overdue_deletions"] == 2
    assert pd.isna(series.iloc[0]["high_finding_groups"])  # not kept then: no value
    assert series.iloc[-1]["overdue_deletions"] == figures.overdue_deletions
    assert pd.isna(series.iloc[-1]["signed"])


def test_the_overzicht_draws_the_trend_once_signed_off(seeded_db: Path) -> None:
    before = run_page("pages/overzicht.py")
    assert t("trend.need_sign_off") in [c.value for c in before.caption]
    sign_off_samples(seeded_db, POLICY)
    after = run_page("pages/overzicht.py")
    assert not after.exception
    charts = after.get("plotly_chart")
    assert charts, "no trend chart"
    import json

    spec = json.loads(charts[0].proto.spec)
    names = [trace["name"] for trace in spec["data"]]
    assert names == [t("trend.overdue_deletions"), t("trend.overdue_requests"),
                     t("trend.high_finding_groups")]  # fmt: skip
    assert spec["data"][0]["x"] == [d.isoformat() for d in SIGN_OFF_DATES] + ["nu"]


def test_the_workbook_has_the_trend_under_the_summary(seeded_db: Path) -> None:
    sign_off_samples(seeded_db, POLICY)
    data = build_workbook(seeded_db, POLICY, AS_OF, "nl").to_bytes()
    ws = openpyxl.load_workbook(io.BytesIO(data))["Samenvatting"]
    rows = [r for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == t("audit.trend.title"))
    header, *series = rows[start + 1 :]
    assert header[2:5] == (t("trend.overdue_deletions"), t("trend.overdue_requests"),
                           t("trend.high_finding_groups"))  # fmt: skip
    assert len(series) == len(SIGN_OFF_DATES) + 1
    assert series[-1][0] == t("audit.trend.now")
    assert [r[1].date() for r in series] == [*SIGN_OFF_DATES, AS_OF]


@pytest.mark.parametrize(
    ("n", "nl", "en"),
    [
        (1, "1 IP-adres, login of licentie is nog aan niemand gekoppeld: koppel het",
         "1 IP address, login or licence is not linked"),
        (2, "2 IP-adressen, logins of licenties zijn nog aan niemand gekoppeld: koppel ze",
         "2 IP addresses, logins or licences are not linked"),
    ],
)  # fmt: skip
def test_a_counted_finding_speaks_in_singular_or_plural(n: int, nl: str, en: str) -> None:
    finding = f("access_unlinked", "low", None, n=n)
    assert finding.message("nl").startswith(nl)
    assert finding.message("en").startswith(en)


def test_two_sign_offs_on_one_as_of_date_are_two_points_of_the_trend(seeded_db: Path) -> None:
    """Signed, fixed, signed again the same day: the chart's axis has a place for each."""
    from compliance.ui.frame import Settings
    from compliance.ui.overview import trend_figure

    cal_figures = week_figures(build_snapshot(seeded_db, POLICY, AS_OF), CAL)
    done = pd.DataFrame(
        {
            "id": [1, 2],
            "at": [datetime(2026, 11, 18, 9), datetime(2026, 11, 18, 15, 30)],
            "as_of": [date(2026, 11, 18)] * 2,
            "counts": [{"overdue_deletions": 3}, {"overdue_deletions": 2}],
        }
    )
    series = trend(done, cal_figures, AS_OF)
    s = Settings(db=seeded_db, lang="nl", as_of=AS_OF, policy=POLICY, change=0, cal=CAL)
    x = list(trend_figure(s, series).data[0].x)
    assert x == ["2026-11-18", "2026-11-18 15:30", "nu"]
    assert len(set(x)) == len(x)
