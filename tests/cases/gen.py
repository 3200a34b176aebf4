#!/usr/bin/env python3
"""Generates the edge cases of tests/cases from an independent oracle.

The oracle below is written from the format's text (docs/format.md: "Requirements", "Verdict",
"Funding estimate"), not from the Rust code: requirement table, three-state `any_of`, investment
thresholds with known years, the verdict, and the funding formula with its `limited_by` tie rule,
in exact arithmetic (fractions). The Rust tests (tests/it/cases.rs), and the format's own checker
`check.py` when scripts/test.sh finds it beside the repository, compare `tic` with what it writes.

Run from the project root: python3 tests/cases/gen.py  (rewrites tests/cases/valid/g-*.json and
tests/cases/invalid/x*.json; the copies of the contract examples are left alone).
"""
import copy
import glob
import json
import os
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))

# ---- the format's numbers (docs/format.md "Requirements" and "Funding estimate") -------------
INVEST_Y2, INVEST_Y5 = F(10000), F(20000)
COUNTS = {  # id: (section, key, minimum)
    "org.bases": ("organization", "bases", 2),
    "team.staff_year2": ("team", "staff_year2", 100),
    "team.teams_year2": ("team", "teams_year2", 2),
    "team.staff_year5": ("team", "staff_year5", 300),
    "team.teams_year5": ("team", "teams_year5", 5),
    "eco.transfer_bases": ("ecosystem", "transfer_bases", 1),
    "eco.partner_firms": ("ecosystem", "partner_firms", 20),
    "eco.spinoffs": ("ecosystem", "spinoffs", 5),
    "eco.firms_served": ("ecosystem", "firms_served", 100),
}
RATE, FIRST_CAP, TOTAL_CAP, YEARS = F(30, 100), F(500), F(1000), 3

# (id, due, kind) in the contract's order
TABLE = [
    ("scope.field", "application", "gate"),
    ("lead.unit", "application", "gate"),
    ("lead.capacity", "application", "condition"),
    ("application.recommendation", "application", "condition"),
    ("org.accounting", "application", "condition"),
    ("org.legal_entity", "acceptance", "condition"),
    ("org.board", "application", "condition"),
    ("org.director", "application", "condition"),
    ("org.chief_scientist", "application", "condition"),
    ("org.expert_committee", "application", "condition"),
    ("org.bases", "acceptance", "condition"),
    ("invest.year2", "year2", "condition"),
    ("invest.year5", "year5", "condition"),
    ("team.staff_year2", "year2", "condition"),
    ("team.teams_year2", "year2", "condition"),
    ("team.staff_year5", "year5", "condition"),
    ("team.teams_year5", "year5", "condition"),
    ("eco.transfer_bases", "acceptance", "condition"),
    ("eco.partner_firms", "acceptance", "condition"),
    ("eco.spinoffs", "acceptance", "condition"),
    ("eco.firms_served", "acceptance", "condition"),
]


def any_of(answers):
    """met if any answer meets it, gap if every answer is known and none does, else unknown."""
    if any(a is True for a in answers):
        return "met"
    if all(a is not None for a in answers):
        return "gap"
    return "unknown"


def known(b):
    return "unknown" if b is None else ("met" if b else "gap")


def nonempty(lst):
    return None if lst is None else len(lst) > 0


def money(x):
    return F(str(x))


def requirement(rid, a):
    g = lambda sec, key: (a.get(sec) or {}).get(key)
    out = {"id": rid}
    if rid == "scope.field":
        f = a.get("fields") or {}
        out["status"] = any_of([nonempty(f.get("highlands")), nonempty(f.get("chains")),
                                nonempty(f.get("clusters")), f.get("carbon_neutral")])
        # docs/format.md: a field described outside the lists (fields.other, not blank) turns
        # the gap into unknown, for the reviewers' judgement
        if out["status"] == "gap" and (f.get("other") or "").strip(" \t\n\r\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"):
            out["status"] = "unknown"
    elif rid == "lead.unit":
        k = g("lead_unit", "kind")
        out["status"] = known(None if k is None else k in ("enterprise", "university", "research_institute"))
    elif rid == "lead.capacity":
        k = g("lead_unit", "kind")
        out["status"] = any_of([None if k is None else k != "enterprise",
                                g("lead_unit", "leading_enterprise"),
                                nonempty(g("lead_unit", "platforms"))])
    elif rid == "application.recommendation":
        r = a.get("recommended_by")
        out["status"] = known(None if r is None else r != "none")
    elif rid == "org.accounting":
        s = g("organization", "legal_status")
        out["status"] = known(None if s is None else s in ("independent", "separate_accounting"))
    elif rid == "org.legal_entity":
        s = g("organization", "legal_status")
        out["status"] = known(None if s is None else s == "independent")
    elif rid in ("org.board", "org.director", "org.chief_scientist", "org.expert_committee"):
        out["status"] = known(g("organization", rid.split(".")[1]))
    elif rid in COUNTS:
        sec, key, need = COUNTS[rid]
        v = g(sec, key)
        out["status"] = known(None if v is None else v >= need)
        out["required"] = need
        if v is not None:
            out["actual"] = v
            if v < need:
                out["shortfall"] = need - v
    elif rid in ("invest.year2", "invest.year5"):
        n, need = (2, INVEST_Y2) if rid == "invest.year2" else (5, INVEST_Y5)
        inv = a.get("investment_wan") or []
        counted = [money(x) for x in inv[:n]]
        total = sum(counted, F(0))
        if total >= need:
            out["status"] = "met"
        elif len(counted) == n:
            out["status"] = "gap"
            out["shortfall"] = float(need - total)
        else:
            out["status"] = "unknown"
        out["actual"] = float(total)
        out["required"] = float(need)
    return out


def verdict(reqs):
    kinds = {rid: kind for rid, _, kind in TABLE}
    gates = [r["status"] for r in reqs if kinds[r["id"]] == "gate"]
    if "gap" in gates:
        return "not_eligible"
    if "unknown" in gates:
        return "incomplete"
    if any(r["status"] != "met" for r in reqs):
        return "eligible_with_gaps"
    return "eligible"


def floor_cent(x):
    return F(int(x * 100), 100)  # x >= 0: int() floors


def funding(a):
    if a.get("capacity_investment_wan") is not None:
        bases = a["capacity_investment_wan"]
    elif a.get("investment_wan") is not None:
        bases = a["investment_wan"][:YEARS]
    else:
        bases = []
    years, total = [], F(0)
    for n in range(1, YEARS + 1):
        base = money(bases[n - 1]) if n - 1 < len(bases) else F(0)
        terms = [("rate", floor_cent(RATE * base))]
        if n == 1:
            terms.append(("first_year_cap", FIRST_CAP))
        terms.append(("total_cap", TOTAL_CAP - total))
        amount = min(v for _, v in terms)
        # on a tie, the later term in the list is named
        limited_by = [name for name, v in terms if v == amount][-1]
        total += amount
        years.append({"year": n, "base_wan": float(base), "amount_wan": float(amount),
                      "limited_by": limited_by})
    return {"years": years, "total_wan": float(total)}


def expected(a):
    reqs = [requirement(rid, a) for rid, _, _ in TABLE]
    return {"verdict": verdict(reqs), "requirements": reqs, "funding": funding(a)}


# ---- the cases ---------------------------------------------------------------------------------
STRONG = {
    "schema": "tic-applicant/1",
    "name": "宁波市边界测试技术创新中心",
    "district": "北仑区",
    "recommended_by": "district",
    "lead_unit": {"kind": "enterprise", "leading_enterprise": True,
                  "platforms": ["provincial_engineering_center"]},
    "fields": {"highlands": ["new_materials"], "chains": [], "clusters": [], "carbon_neutral": False},
    "organization": {"legal_status": "independent", "bases": 2, "board": True, "director": True,
                     "chief_scientist": True, "expert_committee": True},
    "investment_wan": [6000, 5000, 4000, 3000, 3000],
    "capacity_investment_wan": [2000, 1500, 1200],
    "team": {"staff_year2": 120, "teams_year2": 2, "staff_year5": 320, "teams_year5": 5},
    "ecosystem": {"transfer_bases": 1, "partner_firms": 25, "spinoffs": 5, "firms_served": 120},
}


def variant(**changes):
    a = copy.deepcopy(STRONG)
    for path, v in changes.items():
        parts = path.split("__")
        obj = a
        for p in parts[:-1]:
            obj = obj.setdefault(p, {})
        if v is DROP:
            obj.pop(parts[-1], None)
        else:
            obj[parts[-1]] = v
    return a


DROP = object()
CASES = {}

# counts at edge-1, edge, edge+1
for rid, (sec, key, need) in COUNTS.items():
    for d, tag in ((-1, "below"), (0, "at"), (1, "above")):
        CASES[f"count-{rid.replace('.', '-')}-{tag}"] = variant(**{f"{sec}__{key}": need + d})
    CASES[f"count-{rid.replace('.', '-')}-absent"] = variant(**{f"{sec}__{key}": DROP})

# investment over years 1-2 and 1-5, whole and decimal edges
for total2 in ["9999", "9999.99", "10000", "10000.01", "10001"]:
    y1 = F(6000)
    y2 = F(total2) - y1
    CASES[f"invest-y2-{total2}"] = variant(investment_wan=[float(y1), float(y2), 5000, 5000, 5000])
for total5 in ["19999", "19999.99", "20000", "20000.01", "20001"]:
    rest = F(total5) - F(6000 + 5000 + 3000 + 3000)
    CASES[f"invest-y5-{total5}"] = variant(investment_wan=[6000, 5000, 3000, 3000, float(rest)])
# partial years: unknown vs gap vs met-as-soon-as-known
for tag, inv in {
    "none-given": DROP, "empty": [], "one-short": [6000], "one-reaches-y2": [10000],
    "one-reaches-both": [25000], "two-short": [3000, 3000], "two-at-y2": [6000, 4000],
    "four-short-y5": [3000, 3000, 3000, 3000], "four-reach-y5": [5000, 5000, 5000, 5000],
    "five-short-y5": [4000, 4000, 4000, 4000, 3999.99],
}.items():
    CASES[f"invest-partial-{tag}"] = variant(investment_wan=inv)

# any_of: scope.field (gate) and lead.capacity (condition)
for tag, f in {
    "all-empty": {"highlands": [], "chains": [], "clusters": [], "carbon_neutral": False},
    "all-absent": DROP,
    "one-empty-rest-absent": {"highlands": []},
    "empty-lists-carbon-absent": {"highlands": [], "chains": [], "clusters": []},
    "carbon-only": {"carbon_neutral": True},
    "chain-only": {"chains": ["robotics"]},
    "cluster-only-rest-absent": {"clusters": ["auto_parts"]},
    "false-carbon-rest-absent": {"carbon_neutral": False},
    "other-only": {"highlands": [], "chains": [], "clusters": [], "carbon_neutral": False, "other": "海洋工程装备"},
    "other-blank": {"highlands": [], "chains": [], "clusters": [], "carbon_neutral": False, "other": " \u3000\u200b "},
    "other-with-chain": {"chains": ["robotics"], "other": "海洋工程装备"},
    "other-lists-absent": {"other": "海洋工程装备"},
}.items():
    CASES[f"scope-{tag}"] = variant(fields=f)
for tag, lu in {
    "university": {"kind": "university"},
    "enterprise-nothing": {"kind": "enterprise", "leading_enterprise": False, "platforms": []},
    "enterprise-leading-unknown": {"kind": "enterprise", "platforms": []},
    "enterprise-leading": {"kind": "enterprise", "leading_enterprise": True},
    "enterprise-platform": {"kind": "enterprise", "leading_enterprise": False, "platforms": ["key_laboratory"]},
    "kind-absent-nothing": {"leading_enterprise": False, "platforms": []},
    "kind-absent-platform": {"platforms": ["national_engineering_center"]},
    "other-kind": {"kind": "other", "leading_enterprise": True},
    "all-absent": DROP,
}.items():
    CASES[f"lead-{tag}"] = variant(lead_unit=lu)

# verdicts and the other rules
CASES["verdict-eligible"] = variant()
CASES["verdict-with-gaps"] = variant(recommended_by="none")
CASES["verdict-not-eligible-over-incomplete"] = variant(lead_unit={"kind": "other"}, fields=DROP)
CASES["verdict-incomplete"] = variant(lead_unit__kind=DROP)
CASES["verdict-empty-applicant"] = {"schema": "tic-applicant/1"}
CASES["legal-separate"] = variant(organization__legal_status="separate_accounting")
CASES["legal-none"] = variant(organization__legal_status="none")
CASES["legal-absent"] = variant(organization__legal_status=DROP)
CASES["org-flags-false"] = variant(organization__board=False, organization__chief_scientist=False)
CASES["recommended-absent"] = variant(recommended_by=DROP)

# funding: caps, rounding, tie rules, base source
for tag, cap in {
    "1666.67": [1666.67, 0, 0], "1666.66": [1666.66, 0, 0], "1666.6667": [1666.6667, 0, 0],
    "1666.6666": [1666.6666, 0, 0], "example": [2000, 1500, 1200],
    "total-tie": [2000, 1666.67, 0], "total-tie-y3": [1000, 1000, 1666.67],
    "total-binds-y3": [1000, 1000, 5000], "big": [100000, 100000, 100000],
    "zeros": [0, 0, 0], "tiny": [0.0333, 333.33, 0.01], "one-year": [3000],
    "empty": [], "y1-just-below-cap": [1666.66, 1666.67, 1666.67],
}.items():
    CASES[f"fund-{tag}"] = variant(capacity_investment_wan=cap)
CASES["fund-from-investment"] = variant(capacity_investment_wan=DROP)
CASES["fund-from-short-investment"] = variant(capacity_investment_wan=DROP, investment_wan=[1000])
CASES["fund-both-absent"] = variant(capacity_investment_wan=DROP, investment_wan=DROP)
CASES["fund-capacity-over-investment"] = variant(capacity_investment_wan=[100],
                                                 investment_wan=[9000, 9000, 9000])

INVALID = {  # name: (applicant or raw text, expected field paths)
    "x01-negative": (variant(investment_wan=[6000, -5, 4000]), ["investment_wan[1]"]),
    "x02-unknown-fields": (variant(foo=1, team__staff_yr2=3), ["foo", "team.staff_yr2"]),
    "x03-unknown-enum": (variant(lead_unit__kind="company"), ["lead_unit.kind"]),
    "x04-too-many-years": (variant(investment_wan=[1, 2, 3, 4, 5, 6]), ["investment_wan"]),
    "x05-fraction-count": (variant(team__staff_year2=10.5), ["team.staff_year2"]),
    "x06-wrong-type": (variant(fields__carbon_neutral="yes"), ["fields.carbon_neutral"]),
    "x07-malformed": ('{"schema": "tic-applicant/1", "name": ', ["(document)"]),
    "x08-schema-missing": ({"name": "x"}, ["schema"]),
    "x09-unknown-chain": (variant(fields__chains=["steel"]), ["fields.chains[0]"]),
    "x10-many-problems": (variant(investment_wan=[-1], capacity_investment_wan=[1, 2, 3, 4],
                                  organization__bases=-1, recommended_by="mayor"),
                          ["investment_wan[0]", "capacity_investment_wan", "organization.bases",
                           "recommended_by"]),
    "x11-duplicate": (variant(fields__highlands=["new_materials", "new_materials"]),
                      ["fields.highlands[1]"]),
    "x12-too-large": (variant(investment_wan=[1e12]), ["investment_wan[0]"]),
    "x13-not-an-object": ([STRONG], ["(document)"]),
    "x14-wrong-schema": (variant(schema="tic-applicant/2"), ["schema"]),
    "x15-string-number": (variant(capacity_investment_wan=["2000"]), ["capacity_investment_wan[0]"]),
    "x16-overflow-number": ('{"schema": "tic-applicant/1", "investment_wan": [1e999]}', ["(document)"]),
}


def main():
    valid = os.path.join(HERE, "valid")
    invalid = os.path.join(HERE, "invalid")
    os.makedirs(valid, exist_ok=True)
    os.makedirs(invalid, exist_ok=True)
    for old in glob.glob(os.path.join(valid, "g-*.json")) + glob.glob(os.path.join(invalid, "x*")):
        os.remove(old)
    for name, a in sorted(CASES.items()):
        with open(os.path.join(valid, f"g-{name}.applicant.json"), "w") as f:
            json.dump(a, f, ensure_ascii=False, indent=1)
            f.write("\n")
        with open(os.path.join(valid, f"g-{name}.expected.json"), "w") as f:
            json.dump(expected(a), f, ensure_ascii=False, indent=1)
            f.write("\n")
    for name, (a, paths) in sorted(INVALID.items()):
        with open(os.path.join(invalid, f"{name}.applicant.json"), "w") as f:
            f.write(a if isinstance(a, str) else json.dumps(a, ensure_ascii=False, indent=1) + "\n")
        with open(os.path.join(invalid, f"{name}.errors.txt"), "w") as f:
            f.write("\n".join(paths) + "\n")
    print(f"{len(CASES)} valid, {len(INVALID)} invalid cases written")


if __name__ == "__main__":
    main()
