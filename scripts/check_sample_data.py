#!/usr/bin/env python3
"""Recompute clientscore's key metrics and verdicts for sample_data/ (SPEC §3-4).

An independent Python model of the contract, for the generic files that
make_sample_data.py writes (canonical headers, ISO timestamps with offsets,
EUR only, no holidays; time entries by date with decimal hours; the person in
`handled_by` and `employee`). Default settings of SPEC §1 (business hours 09:00-18:00
Mon-Fri, hourly cost 60, 5 email minutes, target margin 0.30, thresholds, weights 1)
and no --timezone: each timestamp is taken at its own offset, which is
Europe/Berlin local time in these files.

    python3 scripts/check_sample_data.py [--from 2026-09-01] [--to 2026-10-31]
                                         [--as-of DATE] [--markdown] [--dir sample_data]

Without --from/--to the period is 2026-09-01..2026-10-31, the period the data
was built for. (clientscore's own default period is the span of all event
dates, which starts at the oldest open July invoice; pass --from/--to to
clientscore, or --default-period here to see that case.)
Exits 1 when a verdict differs from the intended one (EXPECTED) for the
built-for period.
"""

import argparse
import csv
import datetime as dt
import math
import os
import sys

HOSTILE = {"threat": "threat", "abusive": "abusive", "rude": "abusive", "escalation": "escalation",
           "blame": "blame", "dispute": "dispute", "rework": "rework", "redo": "rework"}
IGNORED_STATUS = {"void", "voided", "draft", "deleted", "cancelled", "canceled"}
HOURLY_COST, EMAIL_MIN, TARGET = 60.0, 5.0, 0.30
FIRE_AT, WATCH_AT, CHASE_DAYS = 60.0, 30.0, 60

EXPECTED = {
    "C001": "keep", "C002": "keep", "C003": "keep", "C004": "keep", "C005": "keep",
    "C006": "keep", "C007": "keep", "C008": "keep", "C009": "keep", "C010": "keep",
    "C011": "keep", "C012": "keep", "C013": "watch", "C014": "watch", "C015": "watch",
    "C016": "chase", "C017": "reprice", "C018": "fire", "C019": "watch", "C020": "reprice",
    "C021": "watch", "C023": "keep", "C024": "keep", "C025": "keep", "C026": "reprice",
}
SIGN = {
    "C012": "healthy; one rework-tagged call", "C005": "healthy; credit note",
    "C003": "healthy; two-line project invoice", "C007": "healthy; two-line invoice, 1 request",
    "C009": "healthy; one void invoice", "C002": "healthy; name with a comma",
    "C013": "over-communicator (nights, weekends)", "C014": "discount hunter",
    "C015": "aggressive: threats, abuse, disputed invoices",
    "C016": "late payer: July invoice unpaid", "C017": "low revenue, high support",
    "C018": "midnight dialer + discounts + late, thin margin",
    "C019": "watch: after hours, rework, a disputed invoice",
    "C020": "toxic but pays very well (headache tax)",
    "C021": "watch: discounts, late, after hours",
    "C026": "not in clients.csv; calls only, no revenue",
}
# The period's people table (SPEC ◆9 "Who carries the load"), checked like the verdicts: the
# person carrying the most toxic hours is the one the story is about.
EXPECTED_TOP_TOXIC = "Tom Becker"


def r(x, d):
    """SPEC §3 rounding: half away from zero."""
    s = -1 if x < 0 else 1
    v = s * math.floor(abs(x) * 10 ** d + 0.5 + 1e-9) / 10 ** d
    return 0.0 if v == 0 else v


def scale(x, ok, bad):
    return min(1.0, max(0.0, (x - ok) / (bad - ok)))


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def local(ts):
    """Local datetime (naive) of an ISO timestamp with offset, kept at its own offset."""
    return dt.datetime.fromisoformat(ts[:19])


def day(s):
    return dt.date.fromisoformat(s[:10]) if s else None


def cents(s):
    return round(float(s) * 100) if s not in ("", None) else None


def compute(ddir, frm=None, to=None, as_of=None):
    clients = read(os.path.join(ddir, "clients.csv"))
    names = {c["client_id"]: c["client_name"] for c in clients}
    calls = read(os.path.join(ddir, "calls.csv"))
    emails = read(os.path.join(ddir, "emails.csv"))
    inv_rows = read(os.path.join(ddir, "invoices.csv"))
    discounts = read(os.path.join(ddir, "discounts.csv"))
    time_path = os.path.join(ddir, "time.csv")
    entries = read(time_path) if os.path.exists(time_path) else None

    # Invoices: merge lines sharing an invoice_id; first row's dates/status/disputed stand.
    invoices, by_id = [], {}
    for row in inv_rows:
        iid = row["invoice_id"]
        amt, paid = cents(row["amount"]), cents(row["amount_paid"])
        if iid and iid in by_id:
            inv = by_id[iid]
            inv["amount"] += amt
            if paid is not None:
                inv["amount_paid"] = (inv["amount_paid"] or 0) + paid
            continue
        inv = dict(client=row["client_id"], issued=day(row["issued_at"]),
                   due=day(row["due_at"]) or day(row["issued_at"]), paid_at=day(row["paid_at"]),
                   amount=amt, amount_paid=paid, status=row["status"].strip().lower(),
                   disputed=row["disputed"].strip().lower() in ("yes", "y", "true", "1", "disputed"))
        by_id[iid] = inv
        invoices.append(inv)
    invoices = [i for i in invoices if i["status"] not in IGNORED_STATUS]

    ev = ([local(c["started_at"]).date() for c in calls] + [local(e["sent_at"]).date() for e in emails]
          + [i["issued"] for i in invoices] + [day(d["granted_at"]) for d in discounts]
          + [day(t["date"]) for t in entries or []])
    if frm is None and to is None:
        frm, to = min(ev), max(ev)
    elif to is None:
        to = max(max(ev), frm)
    elif frm is None:
        frm = min(min(ev), to)
    as_of = as_of or to
    days = (to - frm).days + 1
    weeks, months = days / 7, days / 30.4375

    def inp(d):
        return frm <= d <= to

    def paid_part(i):
        if i["paid_at"] is not None and i["paid_at"] > as_of:
            return 0
        if i["amount_paid"] is not None:
            return i["amount_paid"]
        return i["amount"] if i["paid_at"] is not None else 0

    M = {}

    def m(cid):
        if cid not in M:
            M[cid] = dict(client=cid, name=names.get(cid), calls=0, calls_in=0, call_sec=0.0,
                          emails=0, emails_in=0, ah=0, off=0, flagged=0, tags={}, invoices=0,
                          disputed=0, billed=0, credits=0, collected=0, outstanding=0, overdue=0,
                          late=[], oldest=0, disc=0.0, disc_req=0, logged=0.0, listed=False)
        return M[cid]

    # Hours per (person, client) and after-hours inbound contacts per person (SPEC ◆9).
    person_hours, person_after = {}, {}

    def credit(person, cid, hours):
        if person:
            person_hours[(person, cid)] = person_hours.get((person, cid), 0.0) + hours

    def contact(rec, ts, is_call):
        t = local(ts)
        if not inp(t.date()):
            return
        x = m(rec["client_id"])
        x["listed"] = True
        inbound = rec["direction"].strip().lower() in ("", "in", "inbound", "incoming", "received")
        person = (rec.get("handled_by") or "").strip()
        if is_call:
            x["calls"] += 1
            x["call_sec"] += float(rec["duration_seconds"] or 0)
            x["calls_in"] += inbound
            credit(person, rec["client_id"], float(rec["duration_seconds"] or 0) / 3600)
        else:
            x["emails"] += 1
            x["emails_in"] += inbound
            credit(person, rec["client_id"], EMAIL_MIN / 60)
        if inbound:
            off_day = t.weekday() >= 5
            after = off_day or not (dt.time(9, 0) <= t.time() < dt.time(18, 0))
            x["off"] += off_day
            x["ah"] += after
            if after and person:
                person_after[person] = person_after.get(person, 0) + 1
        seen = set()
        for tag in rec["tags"].replace("|", ";").replace(",", ";").split(";"):
            k = HOSTILE.get(tag.strip().lower())
            if k:
                seen.add(k)
        if seen:
            x["flagged"] += 1
            for k in seen:
                x["tags"][k] = x["tags"].get(k, 0) + 1

    for c in calls:
        contact(c, c["started_at"], True)
    for e in emails:
        contact(e, e["sent_at"], False)

    for t in entries or []:
        if not inp(day(t["date"])):
            continue
        x = m(t["client_id"])
        x["listed"] = True
        x["logged"] += float(t["hours"])
        credit((t.get("employee") or "").strip(), t["client_id"], float(t["hours"]))

    for i in invoices:
        x = None
        if inp(i["issued"]):
            x = m(i["client"])
            x["listed"] = True
            x["invoices"] += 1
            x["disputed"] += i["disputed"]
            if i["amount"] > 0:
                x["billed"] += i["amount"]
                x["collected"] += paid_part(i)
            elif i["amount"] < 0:
                x["credits"] -= i["amount"]
        # receivables
        if i["amount"] <= 0 or i["issued"] > to:
            continue
        pp = paid_part(i)
        full = pp >= i["amount"]
        if i["issued"] < frm and full and (i["paid_at"] is None or i["paid_at"] < frm):
            continue
        x = m(i["client"])
        x["listed"] = True
        unpaid = i["amount"] - pp
        x["outstanding"] += unpaid
        if i["due"] < as_of:
            x["overdue"] += unpaid
            if unpaid > 0:
                x["oldest"] = max(x["oldest"], (as_of - i["due"]).days)
        if i["due"] <= as_of:
            if full and i["paid_at"] is not None:
                x["late"].append((i["amount"], max(0, (i["paid_at"] - i["due"]).days)))
            elif not full:
                x["late"].append((i["amount"], max(0, (as_of - i["due"]).days)))

    for d in discounts:
        g = day(d["granted_at"])
        if not inp(g):
            continue
        x = m(d["client_id"])
        x["listed"] = True
        x["disc_req"] += 1
        if d["status"].strip().lower() in ("granted", "approved", "applied", ""):
            x["disc"] += abs(float(d["amount"]))

    rows = []
    for cid in sorted(M):
        x = M[cid]
        if not x["listed"]:
            continue
        contacts_in = x["calls_in"] + x["emails_in"]
        cpw = contacts_in / weeks
        ahs = x["ah"] / contacts_in if contacts_in else 0.0
        ods = x["off"] / contacts_in if contacts_in else 0.0
        billed, credits = x["billed"] / 100, x["credits"] / 100
        net = billed - credits
        disc = x["disc"]
        dshare = disc / (billed + disc) if billed + disc else 0.0
        lw = sum(a for a, _ in x["late"])
        avg_late = sum(a * d for a, d in x["late"]) / lw if lw else 0.0
        max_late = max((d for _, d in x["late"]), default=0)
        late_share = (sum(1 for _, d in x["late"] if d > 0) / len(x["late"])) if x["late"] else 0.0
        support = x["call_sec"] / 3600 + x["emails"] * EMAIL_MIN / 60
        # SPEC ◆9: hours = support_hours + logged_hours (logged_hours null without a time file).
        logged = x["logged"] if entries is not None else None
        hours = support + (logged or 0.0)
        cost = hours * HOURLY_COST
        margin = net - cost
        margin_pct = None if r(net, 2) <= 0 else margin / net
        comp = dict(
            communication=scale(cpw, 2, 10),
            after_hours=scale(ahs, 0.10, 0.40),
            discounts=max(scale(dshare, 0.05, 0.25), scale(x["disc_req"] / months, 0.5, 2)),
            payment=scale(avg_late, 7, 45),
            hostility=scale((x["flagged"] + x["disputed"]) / months, 0, 2),
        )
        tox = r(100 * sum(comp.values()) / 5, 1)
        if r(net, 2) <= 0 and hours == 0:
            mstate = "unknown"
        elif margin_pct is None or margin_pct < TARGET:
            mstate = "weak"
        else:
            mstate = "healthy"
        if tox >= FIRE_AT and mstate in ("weak", "unknown"):
            verdict = "fire"
        elif x["oldest"] >= CHASE_DAYS:
            verdict = "chase"
        elif mstate == "weak" or tox >= FIRE_AT:
            verdict = "reprice"
        elif tox >= WATCH_AT:
            verdict = "watch"
        else:
            verdict = "keep"
        inc = 0.0
        if margin_pct is not None and margin_pct < TARGET and r(net, 2) > 0:
            inc = cost / ((1 - TARGET) * net) - 1
        rows.append(dict(client=cid, name=x["name"], calls=x["calls"], emails=x["emails"],
                         contacts_in=contacts_in, cpw=cpw, ahs=ahs, ods=ods, flagged=x["flagged"],
                         tags=x["tags"], disputed=x["disputed"], invoices=x["invoices"],
                         billed=billed, credits=credits, net=net, collected=x["collected"] / 100,
                         outstanding=x["outstanding"] / 100, overdue=x["overdue"] / 100,
                         avg_late=avg_late, max_late=max_late, late_share=late_share,
                         oldest=x["oldest"], disc=disc, disc_req=x["disc_req"], dshare=dshare,
                         support=support, logged=logged, hours=hours, cost=cost, margin=margin,
                         margin_pct=margin_pct,
                         comp=comp, tox=tox, mstate=mstate, verdict=verdict, increase=inc))
    rows.sort(key=lambda y: (-y["tox"], y["margin"], y["client"]))
    for k, y in enumerate(rows, 1):
        y["rank"] = k
    toxic = {y["client"] for y in rows if y["tox"] >= FIRE_AT}
    people = {}
    for (person, cid), h in person_hours.items():
        p = people.setdefault(person, dict(person=person, hours=0.0, clients=set(), toxic=0.0))
        p["hours"] += h
        p["clients"].add(cid)
        p["toxic"] += h if cid in toxic else 0.0
    people = sorted(people.values(), key=lambda p: (-p["hours"], p["person"].encode()))
    for p in people:
        p["after"] = person_after.get(p["person"], 0)
        p["share"] = p["toxic"] / p["hours"] if p["hours"] else None
    return dict(frm=frm, to=to, as_of=as_of, days=days, rows=rows, people=people,
                absent=sorted(set(names) - {y["client"] for y in rows}))


def fmt_pct(x):
    return "-" if x is None else "%.1f%%" % (100 * x)


def table(res, markdown):
    cols = ["rank", "client", "verdict", "toxicity", "comm", "after_h", "disc", "pay", "host",
            "contacts/wk", "after-hours", "disc share", "disc req", "avg late",
            "oldest overdue", "flagged+disp", "net revenue", "support h", "logged h", "margin %"]
    out = []
    for y in res["rows"]:
        c = y["comp"]
        out.append([str(y["rank"]), y["client"], y["verdict"], "%.1f" % y["tox"],
                    "%.2f" % c["communication"], "%.2f" % c["after_hours"],
                    "%.2f" % c["discounts"], "%.2f" % c["payment"], "%.2f" % c["hostility"],
                    "%.2f" % r(y["cpw"], 2), fmt_pct(y["ahs"]), fmt_pct(y["dshare"]),
                    str(y["disc_req"]), "%.2f" % r(y["avg_late"], 2), str(y["oldest"]),
                    "%d+%d" % (y["flagged"], y["disputed"]), "%.2f" % r(y["net"], 2),
                    "%.2f" % r(y["support"], 2),
                    "-" if y["logged"] is None else "%.2f" % r(y["logged"], 2), fmt_pct(y["margin_pct"])])
    if markdown:
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in out]
        return "\n".join(lines)
    w = [max(len(cols[i]), *(len(row[i]) for row in out)) for i in range(len(cols))]
    lines = ["  ".join(cols[i].rjust(w[i]) for i in range(len(cols)))]
    lines += ["  ".join(row[i].rjust(w[i]) for i in range(len(cols))) for row in out]
    return "\n".join(lines)


def people_table(res, markdown):
    cols = ["person", "hours", "clients", "toxic hours", "toxic share", "after-hours contacts"]
    out = [[p["person"], "%.2f" % r(p["hours"], 2), str(len(p["clients"])), "%.2f" % r(p["toxic"], 2),
            fmt_pct(p["share"]), str(p["after"])] for p in res["people"]]
    if markdown:
        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in out])
    w = [max(len(cols[i]), *(len(row[i]) for row in out)) for i in range(len(cols))]
    lines = ["  ".join(cols[i].ljust(w[i]) if i == 0 else cols[i].rjust(w[i]) for i in range(len(cols)))]
    lines += ["  ".join(row[i].ljust(w[i]) if i == 0 else row[i].rjust(w[i]) for i in range(len(cols)))
              for row in out]
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=os.path.join(here, "..", "sample_data"))
    ap.add_argument("--from", dest="frm", type=dt.date.fromisoformat)
    ap.add_argument("--to", type=dt.date.fromisoformat)
    ap.add_argument("--as-of", type=dt.date.fromisoformat)
    ap.add_argument("--default-period", action="store_true",
                    help="use the span of the data, as clientscore does without --from/--to")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    built_for = not a.default_period and a.frm is None and a.to is None and a.as_of is None
    if built_for:
        a.frm, a.to = dt.date(2026, 9, 1), dt.date(2026, 10, 31)
    res = compute(a.dir, a.frm, a.to, a.as_of)
    print("period %s .. %s (%d days), as_of %s" % (res["frm"], res["to"], res["days"], res["as_of"]))
    print(table(res, a.markdown))
    print()
    for y in res["rows"]:
        v = y["verdict"]
        if v == "fire":
            line = ("notice date %s, revenue lost %.2f, hours freed %.2f"
                    % (res["as_of"] + dt.timedelta(days=90), r(y["net"], 2), r(y["hours"], 2)))
        elif v == "chase":
            line = "overdue %.2f, oldest %d days" % (r(y["overdue"], 2), y["oldest"])
        elif v == "reprice" and y["margin_pct"] is None:
            line = "no revenue: bill the %.2f support hours" % r(y["hours"], 2)
        elif v == "reprice" and y["increase"] > 0:
            n = 0
            while 1.1 ** n < 1 + y["increase"]:
                n += 1
            line = "price increase needed %.4f (%d quarters of 10%%)" % (r(y["increase"], 4), n)
        elif v == "reprice":
            line = "headache tax: toxicity %.1f, margin %s" % (y["tox"], fmt_pct(y["margin_pct"]))
        else:
            continue
        print(("- %s %s: %s" if a.markdown else "%s %-7s %s") % (y["client"], v, line))
    print()
    if res["people"]:
        print(people_table(res, a.markdown))
        print()
    if res["absent"]:
        print("not in the report (no activity, no receivable): " + ", ".join(res["absent"]))
    counts = {}
    for y in res["rows"]:
        counts[y["verdict"]] = counts.get(y["verdict"], 0) + 1
    print("verdicts: " + ", ".join("%s %d" % (k, counts.get(k, 0))
                                  for k in ("fire", "chase", "reprice", "watch", "keep")))
    if built_for:
        bad = [(y["client"], y["verdict"], EXPECTED.get(y["client"])) for y in res["rows"]
               if EXPECTED.get(y["client"]) != y["verdict"]]
        for cid, got, want in bad:
            print("MISMATCH %s: %s, intended %s" % (cid, got, want), file=sys.stderr)
        top = max(res["people"], key=lambda p: (p["toxic"], p["person"]), default=None)
        if top is not None and top["person"] != EXPECTED_TOP_TOXIC:
            print("MISMATCH people: %s carries the most toxic hours, intended %s"
                  % (top["person"], EXPECTED_TOP_TOXIC), file=sys.stderr)
            bad.append(("people", top["person"], EXPECTED_TOP_TOXIC))
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
