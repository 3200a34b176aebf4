#!/usr/bin/env python3
"""Generates the construction-period cases of tests/progress from an independent oracle.

The oracle below is written from the format's text (docs/progress.md: "Milestones",
"Standing", "Funding", "Recovery of subsidy"), not from the Rust code
(core/src/track.rs). Every number — construction period, horizons, targets, subsidy rate and
caps, the run of failures that delists, the forbidden uses — is read from the policy data
core/policy/ningbo-tic-2023-draft.toml, so no policy number is a literal here either (the cases
are built as offsets from those numbers). Arithmetic is exact (fractions).

The Rust tests (tests/it/progress_cases.rs natively, web/tests/progress.rs in WebAssembly) and,
when the format's checker check_progress.py sits in a sibling folder shared/contract beside the
repository, scripts/test.sh's "progress contract cases" step compare the core with what this
writes:

    python3 tests/progress/gen.py            # rewrites tests/progress/{valid,invalid}/

valid/NAME.progress.json + NAME.expected.json: the report fields the contract fixes (a null means
the field must be absent; a field not written is not checked). invalid/NAME.progress.json +
NAME.errors.txt: the field paths the error lines must name, one per line.
"""
import copy
import glob
import json
import math
import os
import tomllib
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
POLICY_FILE = os.path.join(HERE, "../../core/policy/ningbo-tic-2023-draft.toml")

with open(POLICY_FILE, "rb") as f:
    POLICY = tomllib.load(f)
P = {k: v["value"] for k, v in POLICY["parameters"].items()}
REQS = {r["id"]: r for r in POLICY["requirements"]}
MILESTONE_IDS = POLICY["tracking"]["milestones"]
FORBIDDEN = {s["id"] for s in POLICY["spending"] if s["forbidden"]}
USES = [s["id"] for s in POLICY["spending"]]

PERIOD = P["construction_years"]
SUBSIDY_YEARS = P["subsidy_years"]
RATE = F(P["subsidy_rate"], 100)
FIRST_CAP, TOTAL_CAP = F(P["first_year_cap"]), F(P["total_cap"])
DELIST_RUN = P["delist_consecutive_fails"]
DUE = {"year2": P["first_horizon"], "year5": P["second_horizon"], "acceptance": PERIOD}

# progress.md "Milestones": the figure of a year each count milestone reads.
FIELD_OF_METRIC = {
    "staff_year2": "staff", "staff_year5": "staff", "teams_year2": "teams", "teams_year5": "teams",
    "bases": "bases", "transfer_bases": "transfer_bases", "partner_firms": "partner_firms",
    "spinoffs": "spinoffs", "firms_served": "firms_served",
}


def milestone_def(mid):
    """(kind, due year, default required, year field) of a milestone, from its requirement."""
    r = REQS[mid]
    check = r["check"]
    if check["rule"] == "investment_sum":
        return "money", P[check["years"]], F(P[check["min"]]), "investment_wan"
    if check["rule"] == "at_least":
        return "count", DUE[r["due"]], F(P[check["min"]]), FIELD_OF_METRIC[check["metric"]]
    assert check["rule"] == "legal_status", mid
    return "legal", DUE[r["due"]], check["any_of"][0], "legal_status"


DEFS = {mid: milestone_def(mid) for mid in MILESTONE_IDS}
NUMERIC = [m for m in MILESTONE_IDS if DEFS[m][0] != "legal"]


def money(x):
    return F(str(x))


def num(x):
    """A fraction as JSON: whole numbers as integers."""
    if x is None:
        return None
    x = F(x)
    return int(x) if x.denominator == 1 else float(x)


def ceil_to(x, unit):
    return F(math.ceil(x / unit)) * unit


def floor_cent(x):
    return F(math.floor(x * 100), 100)


# ---- the oracle ------------------------------------------------------------------------------
def milestone(rec, mid):
    years = rec.get("years") or []
    y = len(years)
    kind, due, default, field = DEFS[mid]
    targets = rec.get("targets") or {}
    required = money(targets[mid]) if mid in targets else default
    out = {"id": mid, "clause": REQS[mid]["clause"], "due_year": due,
           "required": required if kind == "legal" else num(required),
           "source": "agreement" if mid in targets else "policy",
           "actual": None, "remaining": None, "years_left": None, "per_year_needed": None}
    get = lambda k, f: years[k].get(f)  # noqa: E731  (null is the same as absent)
    if y >= due:
        if kind == "money":
            vals = [get(k, field) for k in range(due)]
            known = [money(v) for v in vals if v is not None]
            total = sum(known, F(0))
            if total >= required:
                out["status"] = "met"
            elif len(known) == due:
                out["status"] = "missed"
            else:
                out["status"] = "unknown"
            out["actual"] = num(total)
        elif kind == "count":
            v = get(due - 1, field)
            out["status"] = "unknown" if v is None else ("met" if v >= required else "missed")
            out["actual"] = v
        else:
            v = get(due - 1, field)
            out["status"] = "unknown" if v is None else ("met" if v == required else "missed")
            out["actual"] = v
        return out
    out["status"] = "pending"
    out["years_left"] = due - y
    if kind == "legal":
        return out
    if kind == "money":
        known = [money(get(k, field)) for k in range(y) if get(k, field) is not None]
        actual = sum(known, F(0)) if known else None
        unit = F(1, 100)
    else:
        latest = [get(k, field) for k in range(y) if get(k, field) is not None]
        actual = F(latest[-1]) if latest else None
        unit = F(1)
    remaining = required if actual is None else max(F(0), required - actual)
    out["actual"] = num(actual)
    out["remaining"] = num(remaining)
    out["per_year_needed"] = num(ceil_to(remaining / (due - y), unit))
    return out


def delisted_year(rec):
    run = 0
    for k, yr in enumerate(rec.get("years") or []):
        run = run + 1 if yr.get("evaluation") == "fail" else 0
        if run >= DELIST_RUN:
            return k + 1
    return None


def standing(rec, ms):
    years = rec.get("years") or []
    d = delisted_year(rec)
    if d is not None:
        return "delisted"
    if len(years) == PERIOD:
        end = [m["status"] for m in ms if m["due_year"] == PERIOD]
        if all(s == "met" for s in end):
            return "accepted"
        if "missed" in end:
            return "revoked"
        return "acceptance_unknown"
    evaluated = [yr["evaluation"] for yr in years if yr.get("evaluation") is not None]
    if (evaluated and evaluated[-1] == "fail") or any(m["status"] == "missed" for m in ms):
        return "warning"
    return "on_track"


def funding(rec):
    years = rec.get("years") or []
    d = delisted_year(rec)
    out, total, broken = [], F(0), False
    for n in range(1, SUBSIDY_YEARS + 1):
        row = {"year": n, "base_wan": None, "entitled_wan": None, "limited_by": None}
        base = years[n - 1].get("capacity_investment_wan") if n <= len(years) else None
        if base is not None:
            row["base_wan"] = num(money(base))
        if base is None:
            broken = True
        if not broken:
            terms = [("rate", floor_cent(RATE * money(base)))]
            if n == 1:
                terms.append(("first_year_cap", FIRST_CAP))
            terms.append(("total_cap", TOTAL_CAP - total))
            amount = min(v for _, v in terms)
            row["entitled_wan"] = num(amount)
            row["limited_by"] = [name for name, v in terms if v == amount][-1]
            total += amount
        if d is not None and d < n:
            row["outlook"] = "stopped"
        elif n == 1:
            row["outlook"] = "normal"
        else:
            ev = years[n - 2].get("evaluation") if n - 1 <= len(years) else None
            row["outlook"] = {"fail": "at_risk", None: "pending"}.get(ev, "normal")
        out.append(row)
    received = sum((money(yr["subsidy_received_wan"]) for yr in years
                    if yr.get("subsidy_received_wan") is not None), F(0))
    return {"years": out, "entitled_total_wan": num(total), "received_total_wan": num(received),
            "major_project_priority_years": [k + 1 for k, yr in enumerate(years)
                                             if yr.get("evaluation") == "excellent"]}, received


def expected(rec):
    ms = [milestone(rec, mid) for mid in MILESTONE_IDS]
    st = standing(rec, ms)
    fund, received = funding(rec)
    rec_out = {"applies": st in ("delisted", "revoked"),
               "unspent_wan": None, "noncompliant_wan": None, "amount_wan": None}
    spending = rec.get("subsidy_spending_wan")
    if spending is not None:
        spent = sum((money(v) for v in spending.values() if v is not None), F(0))
        bad = sum((money(v) for k, v in spending.items() if k in FORBIDDEN and v is not None), F(0))
        unspent = max(F(0), received - spent)
        rec_out.update(unspent_wan=num(unspent), noncompliant_wan=num(bad), amount_wan=num(unspent + bad))
    return {"years_reported": len(rec.get("years") or []), "standing": st,
            "delisted_year": delisted_year(rec), "milestones": ms, "funding": fund,
            "recovery": rec_out}


# ---- the cases: offsets from the policy's numbers --------------------------------------------
def req(mid):
    return DEFS[mid][2]


def whole(x):
    """A fraction as an input number (integers when whole)."""
    return num(F(x))


INV2, INV5 = req("invest.year2"), req("invest.year5")
D2, D5 = DEFS["invest.year2"][1], DEFS["invest.year5"][1]


def base_for(amount):
    """The smallest base (in 0.01 万元) whose subsidy at the rate, rounded down, is `amount`."""
    return whole(F(math.ceil(F(amount) / RATE * 100), 100))


def ramp(target, k, last):
    """A figure growing to just above `target` (target + 1) in year `last`."""
    return whole(math.ceil(target * (k + 1) / last) + 1)


def base_years():
    """A centre meeting every milestone just above its target, evaluated `pass` every year."""
    yrs = []
    for k in range(PERIOD):
        end = lambda mid: ramp(req(mid), k, PERIOD)  # noqa: E731
        yr = {
            # investment: the year-2 sum 10 % above its target, then enough for the five-year one
            "investment_wan": whole(INV2 * F(11, 10) / D2) if k < D2
            else whole(math.ceil((INV5 - INV2) / (PERIOD - D2))),
            "staff": ramp(req("team.staff_year2"), k, D2) if k < D2 else end("team.staff_year5"),
            "teams": ramp(req("team.teams_year2"), k, D2) if k < D2 else end("team.teams_year5"),
            "bases": end("org.bases"),
            "legal_status": "separate_accounting" if k < D2 else "independent",
            "transfer_bases": end("eco.transfer_bases"),
            "partner_firms": end("eco.partner_firms"),
            "spinoffs": end("eco.spinoffs"),
            "firms_served": end("eco.firms_served"),
            "evaluation": "pass",
        }
        if k < SUBSIDY_YEARS:
            # year 1 above the first-year cap, then what the rate allows until the total cap
            yr["capacity_investment_wan"] = base_for(FIRST_CAP * 2 if k == 0 else TOTAL_CAP * F(3, 10))
        yrs.append(yr)
    return yrs


def record(years=None, n=None, **extra):
    yrs = copy.deepcopy(base_years() if years is None else years)
    if n is not None:
        yrs = yrs[:n]
    r = {"schema": "tic-progress/1", "name": "宁波市边界测试技术创新中心", "district": "北仑区"}
    r.update({k: v for k, v in extra.items() if not k.startswith("_")})
    r["years"] = yrs
    return r


def with_years(n=PERIOD, changes=None, **extra):
    """The base centre, first n years, with {(year, field): value} changes (None drops)."""
    yrs = base_years()[:n]
    for (year, field), v in (changes or {}).items():
        if v is None:
            yrs[year - 1].pop(field, None)
        else:
            yrs[year - 1][field] = v
    return record(yrs, **extra)


CASES = {}

# every numeric milestone at edge−1 / edge / edge+1 in its due year (Y = due year), and the same
# figure one year before (pending). Money: the smallest step, 0.01 万元.
for mid in NUMERIC:
    kind, due, need, field = DEFS[mid]
    step = F(1, 100) if kind == "money" else F(1)
    for d, tag in ((-step, "below"), (F(0), "at"), (step, "above")):
        if kind == "money":
            base = base_years()
            before = sum((money(base[k]["investment_wan"]) for k in range(due - 1)), F(0))
            last = need + d - before
            CASES[f"m-{mid}-{tag}"] = with_years(due, {(due, field): whole(last)})
            # one year before: the same sum over the known years
            prior = sum((money(base[k]["investment_wan"]) for k in range(due - 2)), F(0))
            CASES[f"m-{mid}-{tag}-pending"] = with_years(due - 1, {(due - 1, field): whole(need + d - prior)})
        else:
            CASES[f"m-{mid}-{tag}"] = with_years(due, {(due, field): whole(need + d)})
            CASES[f"m-{mid}-{tag}-pending"] = with_years(due - 1, {(due - 1, field): whole(need + d)})
    if kind == "count":
        CASES[f"m-{mid}-unreported"] = with_years(due, {(due, field): None})

# a figure reported only in an earlier year: pending reads the latest known one; at the due year
# only the due year's figure counts
CASES["m-team.staff_year5-latest-known"] = with_years(D5 - 1, {(D5 - 1, "staff"): None, (D5 - 2, "staff"): None})
CASES["m-team.staff_year2-later-year-does-not-count"] = with_years(D2 + 1, {(D2, "staff"): None})
CASES["m-org.legal_entity-independent"] = with_years(PERIOD)
for status in ("separate_accounting", "none"):
    CASES[f"m-org.legal_entity-{status}"] = with_years(PERIOD, {(PERIOD, "legal_status"): status})
CASES["m-org.legal_entity-unreported"] = with_years(PERIOD, {(PERIOD, "legal_status"): None})
CASES["m-org.legal_entity-pending-already-independent"] = with_years(PERIOD - 1)

# per_year_needed rounded up (money to 0.01, counts to a whole number), and exact when it divides
CASES["round-money-up"] = with_years(D2, {(1, "investment_wan"): whole(INV2 / 4),
                                          (2, "investment_wan"): whole(INV2 / 4 + F(1, 100))})
CASES["round-money-exact"] = with_years(D2, {(1, "investment_wan"): whole(INV2 / 4),
                                             (2, "investment_wan"): whole(INV2 / 4 - F(3, 100))})
CASES["round-counts-up"] = with_years(D2, {(2, "staff"): whole(req("team.staff_year5") / 3 + 1),
                                           (2, "firms_served"): 1, (2, "partner_firms"): 0})

# investment sums with a missing year: unknown vs missed vs met by the known years
CASES["invest-missing-year-known-reach"] = with_years(D2, {(1, "investment_wan"): None, (2, "investment_wan"): whole(INV2)})
CASES["invest-missing-year-known-short"] = with_years(D2, {(1, "investment_wan"): None, (2, "investment_wan"): whole(INV2 - 1)})
CASES["invest-none-reported"] = with_years(D2, {(1, "investment_wan"): None, (2, "investment_wan"): None})
CASES["invest-y5-missing-year-known-reach"] = with_years(PERIOD, {(3, "investment_wan"): None,
                                                                  (5, "investment_wan"): whole(INV5)})
CASES["invest-y5-missing-year-known-short"] = with_years(PERIOD, {(3, "investment_wan"): None})
CASES["invest-pending-none-known"] = with_years(1, {(1, "investment_wan"): None})
CASES["invest-pending-missing-year"] = with_years(3, {(2, "investment_wan"): None})
CASES["invest-decimals"] = with_years(D2, {(1, "investment_wan"): 0.01, (2, "investment_wan"): whole(INV2 - F(2, 100))})

# targets from the construction agreement
CASES["target-money-lower-met"] = with_years(PERIOD, {(5, "investment_wan"): 0},
                                             targets={"invest.year5": whole(INV5 * F(4, 5))})
CASES["target-money-decimal-pending"] = with_years(1, targets={"invest.year2": whole(INV2 * F(3, 2) + F(5, 100))})
CASES["target-count-lower-met"] = with_years(PERIOD, {(5, "staff"): whole(req("team.staff_year5") - 40)},
                                             targets={"team.staff_year5": whole(req("team.staff_year5") - 50)})
CASES["target-count-higher-missed"] = with_years(PERIOD, targets={"eco.partner_firms": whole(req("eco.partner_firms") * 10)})
CASES["target-count-pending"] = with_years(2, targets={"team.staff_year5": whole(req("team.staff_year5") - 50),
                                                       "team.teams_year2": whole(req("team.teams_year2") + 1)})
CASES["target-equal-to-default"] = with_years(D2, targets={"team.staff_year2": whole(req("team.staff_year2"))})

# delisting: two fails in a row; fail/none/fail; a fail in the last evaluated year
for a, b in ((1, 2), (2, 3), (PERIOD - 1, PERIOD)):
    CASES[f"delist-years-{a}-{b}"] = with_years(b, {(a, "evaluation"): "fail", (b, "evaluation"): "fail"})
CASES["delist-three-fails"] = with_years(3, {(k, "evaluation"): "fail" for k in (1, 2, 3)})
CASES["delist-year-2-then-reported-to-end"] = with_years(
    PERIOD, {(1, "evaluation"): "fail", (2, "evaluation"): "fail"},
    subsidy_spending_wan={"research_projects": 300, "equipment": 200})
CASES["fail-none-fail"] = with_years(3, {(1, "evaluation"): "fail", (2, "evaluation"): None, (3, "evaluation"): "fail"})
CASES["fail-pass-fail"] = with_years(3, {(1, "evaluation"): "fail", (3, "evaluation"): "fail"})
CASES["fail-last-evaluated-year"] = with_years(3, {(3, "evaluation"): "fail"})
CASES["fail-then-not-evaluated"] = with_years(2, {(1, "evaluation"): "fail", (2, "evaluation"): None})
CASES["fail-then-pass"] = with_years(2, {(1, "evaluation"): "fail"})
CASES["fail-none-fail-at-end"] = with_years(PERIOD, {(3, "evaluation"): "fail", (4, "evaluation"): None,
                                                     (5, "evaluation"): "fail"})

# acceptance at Y = 5: end milestones only
CASES["end-accepted"] = with_years(PERIOD, subsidy_spending_wan={"research_projects": 600, "equipment": 300, "talent": 100})
CASES["end-accepted-despite-year2-miss"] = with_years(PERIOD, {(2, "staff"): whole(req("team.staff_year2") - 1),
                                                               (2, "investment_wan"): 0,
                                                               (3, "investment_wan"): whole(INV5)})
CASES["end-accepted-despite-last-fail"] = with_years(PERIOD, {(5, "evaluation"): "fail"})
CASES["end-revoked"] = with_years(PERIOD, {(5, "teams"): whole(req("team.teams_year5") - 1)},
                                  subsidy_spending_wan={"research_projects": 500, "fines": 10.5})
CASES["end-acceptance-unknown"] = with_years(PERIOD, {(5, "spinoffs"): None})
CASES["end-revoked-over-unknown"] = with_years(PERIOD, {(5, "spinoffs"): None,
                                                        (5, "bases"): whole(req("org.bases") - 1)})
CASES["end-all-unreported"] = record([{} for _ in range(PERIOD)])

# standing during the period
CASES["on-track-year-3"] = with_years(3)
CASES["warning-year2-missed"] = with_years(3, {(2, "teams"): whole(req("team.teams_year2") - 1)})
CASES["on-track-year2-unknown"] = with_years(3, {(2, "teams"): None})

# funding: rate, first-year cap, total cap, ties, rounding down, an unreported base
def fund(bases, n=None, **extra):
    n = len(bases) if n is None else n
    return with_years(n, {(k + 1, "capacity_investment_wan"): (None if b is None else whole(b))
                          for k, b in enumerate(bases)}, **extra)


CASES["fund-rate"] = fund([base_for(FIRST_CAP / 2), base_for(TOTAL_CAP / 10), base_for(TOTAL_CAP / 10)])
CASES["fund-first-year-cap"] = fund([base_for(FIRST_CAP * 2), base_for(TOTAL_CAP / 10), 0])
CASES["fund-first-year-tie"] = fund([base_for(FIRST_CAP), 0, 0])
CASES["fund-first-year-tie-4-decimals"] = fund([F(math.ceil(FIRST_CAP / RATE * 10000), 10000), 0, 0])
CASES["fund-first-year-just-below"] = fund([F(base_for(FIRST_CAP)) - F(1, 100), 0, 0])
CASES["fund-total-cap-year3"] = fund([base_for(FIRST_CAP * 2), base_for(TOTAL_CAP * F(3, 10)), base_for(FIRST_CAP)])
CASES["fund-total-cap-tie-year2"] = fund([base_for(FIRST_CAP), base_for(TOTAL_CAP - FIRST_CAP), base_for(TOTAL_CAP / 10)])
CASES["fund-total-cap-zero-base"] = fund([base_for(FIRST_CAP), base_for(TOTAL_CAP - FIRST_CAP), 0])
CASES["fund-rounds-down"] = fund([F(333, 10000), F(33333, 100), F(1, 100)])
CASES["fund-zero-bases"] = fund([0, 0, 0])
CASES["fund-unreported-base-year2"] = fund([base_for(FIRST_CAP / 2), None, base_for(FIRST_CAP / 2)])
CASES["fund-unreported-base-year1"] = fund([None, base_for(FIRST_CAP / 2), base_for(FIRST_CAP / 2)])
CASES["fund-base-year3-not-yet-reported"] = fund([base_for(FIRST_CAP / 2), base_for(FIRST_CAP / 2)])
CASES["fund-one-year"] = with_years(1)
CASES["fund-outlook-at-risk-pending"] = with_years(2, {(1, "evaluation"): "fail", (2, "evaluation"): None})
CASES["fund-outlook-excellent"] = with_years(3, {(1, "evaluation"): "excellent", (2, "evaluation"): "excellent",
                                                 (3, "evaluation"): "excellent"})
CASES["fund-excellent-later-years"] = with_years(PERIOD, {(4, "evaluation"): "excellent", (5, "evaluation"): "excellent"})
CASES["fund-received-all-years"] = with_years(4, {(1, "subsidy_received_wan"): whole(FIRST_CAP),
                                                  (2, "subsidy_received_wan"): 120.5,
                                                  (4, "subsidy_received_wan"): 30})

# recovery
SPENT = {"research_projects": 200, "equipment": 100.25, "talent": 50, "other": 10}
RECEIVED = {(1, "subsidy_received_wan"): whole(FIRST_CAP), (2, "subsidy_received_wan"): 300}
CASES["recovery-no-spending"] = with_years(2, RECEIVED)
CASES["recovery-no-spending-delisted"] = with_years(2, {**RECEIVED, (1, "evaluation"): "fail", (2, "evaluation"): "fail"})
CASES["recovery-permitted-only"] = with_years(2, RECEIVED, subsidy_spending_wan=SPENT)
CASES["recovery-forbidden-uses"] = with_years(
    2, {**RECEIVED, (1, "evaluation"): "fail", (2, "evaluation"): "fail"},
    subsidy_spending_wan={**SPENT, **{u: 5 + i for i, u in enumerate(sorted(FORBIDDEN))}})
CASES["recovery-spending-above-received"] = with_years(
    2, {**RECEIVED, (1, "evaluation"): "fail", (2, "evaluation"): "fail"},
    subsidy_spending_wan={"research_projects": 2000, "debt_repayment": 40})
CASES["recovery-empty-spending"] = with_years(2, RECEIVED, subsidy_spending_wan={})
CASES["recovery-revoked"] = with_years(PERIOD, {(5, "partner_firms"): 0, (1, "subsidy_received_wan"): 400},
                                       subsidy_spending_wan={"equipment": 100, "sponsorship": 20})
CASES["recovery-nothing-received"] = with_years(1, {(1, "subsidy_received_wan"): None},
                                                subsidy_spending_wan={"talent": 0})

# no years yet, nulls as absent
CASES["y0-no-years"] = {"schema": "tic-progress/1"}
CASES["y0-empty-years"] = record([])
CASES["y0-targets"] = record([], targets={"invest.year2": whole(INV2 / 2), "eco.spinoffs": 1})
CASES["nulls-are-absent"] = dict(with_years(2, {(2, "staff"): None}), targets=None, subsidy_spending_wan=None)
CASES["nulls-are-absent"]["years"][1]["staff"] = None
CASES["nulls-are-absent"]["years"][0]["evaluation"] = None
CASES["empty-year-entries"] = record([{}, {}])


# ---- invalid records: the field paths the errors name -----------------------------------------
def bad(changes=None, n=2, **extra):
    return with_years(n, changes, **extra)


def drop_schema():
    r = with_years(2)
    del r["schema"]
    return r


INVALID = {
    "x-schema-wrong": (dict(with_years(2), schema="tic-progress/2"), ["schema"]),
    "x-schema-v1": (dict(with_years(2), schema="tic-applicant/1"), ["schema"]),
    "x-schema-missing": (drop_schema(), ["schema"]),
    "x-unknown-field-root": (bad(colour="blue"), ["colour"]),
    "x-unknown-field-year": (bad({(2, "staf"): 100}), ["years[1].staf"]),
    "x-unknown-evaluation": (bad({(1, "evaluation"): "good"}), ["years[0].evaluation"]),
    "x-unknown-legal-status": (bad({(2, "legal_status"): "subsidiary"}), ["years[1].legal_status"]),
    "x-negative-investment": (bad({(2, "investment_wan"): -0.01}), ["years[1].investment_wan"]),
    "x-negative-received": (bad({(1, "subsidy_received_wan"): -1}), ["years[0].subsidy_received_wan"]),
    "x-negative-spending": (bad(subsidy_spending_wan={"equipment": -5}), ["subsidy_spending_wan.equipment"]),
    "x-negative-count": (bad({(1, "partner_firms"): -1}), ["years[0].partner_firms"]),
    "x-fraction-count": (bad({(2, "staff"): 100.5}), ["years[1].staff"]),
    "x-string-count": (bad({(1, "teams"): "2"}), ["years[0].teams"]),
    "x-too-many-years": (record(base_years() + [base_years()[-1]]), ["years"]),
    "x-target-legal-entity": (bad(targets={"org.legal_entity": 1}), ["targets.org.legal_entity"]),
    "x-target-unknown-id": (bad(targets={"team.staff_year3": 150}), ["targets.team.staff_year3"]),
    "x-target-fraction-count": (bad(targets={"team.staff_year5": 250.5}), ["targets.team.staff_year5"]),
    "x-target-negative-money": (bad(targets={"invest.year5": -1}), ["targets.invest.year5"]),
    "x-unknown-spending-use": (bad(subsidy_spending_wan={"gifts": 10}), ["subsidy_spending_wan.gifts"]),
    "x-years-not-a-list": (dict(with_years(2), years={"1": {}}), ["years"]),
    "x-malformed": ('{"schema": "tic-progress/1", "years": [', ["(document)"]),
    "x-many-problems": (bad({(1, "evaluation"): "ok", (2, "staff"): -3, (2, "foo"): 1},
                            targets={"org.legal_entity": "independent"},
                            subsidy_spending_wan={"gifts": 1, "fines": -1}),
                        ["years[0].evaluation", "years[1].staff", "years[1].foo",
                         "targets.org.legal_entity", "subsidy_spending_wan.gifts",
                         "subsidy_spending_wan.fines"]),
}


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    valid = os.path.join(HERE, "valid")
    invalid = os.path.join(HERE, "invalid")
    os.makedirs(valid, exist_ok=True)
    os.makedirs(invalid, exist_ok=True)
    for old in glob.glob(os.path.join(valid, "*.json")) + glob.glob(os.path.join(invalid, "*")):
        os.remove(old)
    for name, rec in sorted(CASES.items()):
        write_json(os.path.join(valid, f"{name}.progress.json"), rec)
        write_json(os.path.join(valid, f"{name}.expected.json"), expected(rec))
    for name, (rec, paths) in sorted(INVALID.items()):
        path = os.path.join(invalid, f"{name}.progress.json")
        if isinstance(rec, str):
            with open(path, "w", encoding="utf-8") as f:
                f.write(rec + "\n")
        else:
            write_json(path, rec)
        with open(os.path.join(invalid, f"{name}.errors.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")
    print(f"{len(CASES)} valid, {len(INVALID)} invalid cases written")


if __name__ == "__main__":
    main()
