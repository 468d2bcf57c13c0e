#!/usr/bin/env python3
"""Generate clientscore's sample exports in sample_data/.

Two months (2026-09-01 .. 2026-10-31) of CRM, billing and time-tracker exports
of a 25-client digital agency in Berlin (web design, SEO, retainers), plus the
invoices from July/August that were still open when the period began.

Deterministic: a fixed seed, no clock, no hash order -- every run writes the
same bytes.  Standard library only.

    python3 scripts/make_sample_data.py [OUTDIR]      # default: sample_data/
    python3 scripts/check_sample_data.py              # recompute the expected verdicts

The CRM files (clients, calls, emails) and the time export are written with LF
line ends; the billing files (invoices, discounts) with CRLF, as the billing tool
exports them.

The person columns (calls and emails `handled_by`, time `employee`) and the time
entries draw from their own random generator (PEOPLE_SEED), so that adding them
left every call, email, invoice and discount of the original files as it was.
"""

import csv
import datetime as dt
import io
import os
import random
import sys

SEED = 20261031
PEOPLE_SEED = 20261101
PERIOD_FROM = dt.date(2026, 9, 1)
PERIOD_TO = dt.date(2026, 10, 31)
DST_END = dt.datetime(2026, 10, 25, 3, 0)  # Europe/Berlin: CEST (+02:00) -> CET (+01:00)

HARMLESS_TAGS = ["billing", "scope", "feedback", "support", "meeting", "seo", "content",
                 "hosting", "reporting", "onboarding"]
AMS = ["Lena Hoffmann", "Jonas Richter", "Aylin Demir", "Tom Becker"]
# The agency's developer: builds and maintains the sites, logs most of the production hours,
# takes no client calls.
DEVELOPER = "Felix Wagner"

# ---------------------------------------------------------------------------
# Client profiles.
#   ci/co: inbound/outbound calls; cmin: mean inbound call minutes
#   ei/eo: inbound/outbound emails
#   ah: share of inbound contacts after hours; wk: share of those on weekends
#   hostile: number of flagged inbound contacts; pool: hostile tags to draw from
#   retainer: monthly retainer (EUR); pay: payment behaviour of the retainers
#   projects: (issued, [line amounts], paid_offset_days_after_due|None, disputed)
#   disc: [(date, amount, status, reason)]
# ---------------------------------------------------------------------------
H = dict(ci=9, co=20, cmin=11, ei=18, eo=55, ah=0.03, wk=0.0, hostile=0, pool=[],
         pay="ontime", projects=[], disc=[], aug=True)


def prof(**kw):
    p = dict(H)
    p.update(kw)
    return p


D = dt.date
CLIENTS = [
    # id, name, segment, account manager, profile
    ("C001", "Nordlicht Apotheken GmbH", "SEO retainer", AMS[0],
     prof(retainer=3200.00, ci=8, ei=16)),
    ("C002", "Weber, Klein & Partner Rechtsanwälte", "SEO retainer", AMS[1],
     prof(retainer=2400.00, ci=7, ei=15, eo=26,
          disc=[(D(2026, 9, 18), 120.00, "granted", "Early payment, 5% on September retainer")])),
    ("C003", "Müller & Söhne GmbH", "Web design", AMS[2],
     prof(retainer=1800.00, ci=11, ei=20, co=15,
          projects=[(D(2026, 9, 15), [6400.00, 2850.00], -4, False)],
          disc=[(D(2026, 9, 16), 462.50, "granted", "5% on relaunch, agreed in the offer")])),
    ("C004", "Hafenblick Immobilien KG", "Retainer", AMS[3],
     prof(retainer=2950.00, ci=6, ei=19)),
    ("C005", "Brightpath Learning Ltd", "Web design", AMS[0],
     prof(retainer=2100.00, ci=10, ei=17,
          projects=[(D(2026, 9, 24), [4800.00], -2, False)], credit=(D(2026, 10, 12), -350.00))),
    ("C006", "Café Lindenhof", "Maintenance", AMS[1],
     prof(retainer=890.00, ci=4, co=6, ei=9, eo=14, cmin=8)),
    ("C007", "Kessler Maschinenbau AG", "Web design", AMS[2],
     prof(retainer=4200.00, ci=12, ei=22, co=16,
          projects=[(D(2026, 10, 6), [14500.00, 3200.00], None, False)],
          disc=[(D(2026, 10, 2), 800.00, "requested", "Volume discount for relaunch project")])),
    ("C008", "Alpenrose Hotels & Resorts", "SEO retainer", AMS[3],
     prof(retainer=3800.00, ci=9, ei=21,
          disc=[(D(2026, 10, 8), 190.00, "granted", "5% off, two-year contract renewal")])),
    ("C009", "Pixelwerk Bikes GmbH", "Retainer", AMS[0],
     prof(retainer=2600.00, ci=8, ei=18, void=(D(2026, 9, 10), 2600.00))),
    ("C010", "Sonnenfeld Zahnärzte MVZ", "SEO retainer", AMS[1],
     prof(retainer=1950.00, ci=7, ei=14,
          disc=[(D(2026, 10, 14), 97.50, "granted", "Loyalty discount, 5%")])),
    ("C011", "Greenline Logistics B.V.", "Retainer", AMS[2],
     prof(retainer=5200.00, ci=10, ei=24, eo=48, co=18,
          disc=[(D(2026, 9, 25), 1040.00, "denied", "Asked for 20% off, budget freeze")])),
    ("C012", "Atelier Rosé", "Web design", AMS[3],
     prof(retainer=1400.00, ci=8, ei=16, hostile=1, pool=["rework"],
          projects=[(D(2026, 10, 1), [3600.00], -5, False)])),
    # --- problem clients --------------------------------------------------
    ("C013", "Vogel Eventmanagement GmbH", "Retainer", AMS[0],   # over-communicator
     prof(retainer=4500.00, ci=72, co=20, cmin=14, ei=64, eo=50, ah=0.58, wk=0.45,
          hostile=2, pool=["escalation"],
          projects=[(D(2026, 9, 8), [6000.00], -3, False)],
          disc=[(D(2026, 10, 16), 450.00, "denied", "Wants the event landing page for free")])),
    ("C014", "Budget Bazaar Online GmbH", "E-commerce", AMS[1],  # discount hunter
     prof(retainer=1800.00, ci=26, co=10, cmin=9, ei=34, eo=24, ah=0.16, wk=0.5,
          pay="late18", projects=[(D(2026, 9, 21), [2000.00], 12, False)],
          disc=[(D(2026, 9, 2), 360.00, "granted", "Asked for 20% off September retainer"),
                (D(2026, 9, 9), 500.00, "requested", "Wants free landing page, \"competitor got one for free\""),
                (D(2026, 9, 16), 450.00, "granted", "Price match, cheaper quote from freelancer"),
                (D(2026, 9, 22), 400.00, "granted", "Discount on shop project"),
                (D(2026, 9, 29), 300.00, "denied", "Free extra month of SEO"),
                (D(2026, 10, 1), 360.00, "granted", "20% off October retainer"),
                (D(2026, 10, 7), 250.00, "requested", "Free trial of ads management"),
                (D(2026, 10, 13), 600.00, "granted", "Goodwill discount after complaint"),
                (D(2026, 10, 19), 400.00, "denied", "Black Friday deal, requested early"),
                (D(2026, 10, 23), 350.00, "granted", "Bundle price for newsletter templates"),
                (D(2026, 10, 28), 300.00, "requested", "Discount on November retainer")])),
    ("C015", "Krawczyk Bau GmbH", "Web design", AMS[2],          # aggressive
     prof(retainer=3000.00, ci=24, co=14, cmin=13, ei=22, eo=20, ah=0.20, wk=0.3,
          hostile=14, pool=["threat", "abusive", "blame", "escalation", "dispute"],
          pay="late10",
          projects=[(D(2026, 8, 26), [5200.00], None, True),
                    (D(2026, 9, 14), [2800.00], None, True)],
          disc=[(D(2026, 9, 30), 520.00, "denied", "Demands 10% off, \"or we stop paying\""),
                (D(2026, 10, 20), 300.00, "requested", "Wants rework of logo for free")])),
    ("C016", "Fenwick Retail Group", "SEO retainer", AMS[3],     # late payer
     prof(retainer=2800.00, ci=10, co=12, ei=18, eo=26, pay="fenwick", july=True,
          disc=[(D(2026, 10, 22), 280.00, "requested", "Asks for 10% off if they pay the July invoice")])),
    ("C017", "Kleiner Laden Gartenbedarf", "Maintenance", AMS[0],  # low revenue, high support
     prof(retainer=450.00, ci=26, co=11, cmin=19, ei=38, eo=32, ah=0.05,
          projects=[(D(2026, 10, 9), [300.00], None, False)],
          disc=[(D(2026, 9, 11), 45.00, "granted", "10% off, small business")])),
    ("C018", "Starlight Promotions UG", "Retainer", AMS[1],      # fire: midnight dialer
     prof(retainer=1500.00, ci=112, co=18, cmin=18, ei=82, eo=40, ah=0.66, wk=0.4,
          hostile=4, pool=["blame", "escalation", "rework"], pay="unpaid", aug=False,
          projects=[(D(2026, 9, 15), [300.00], None, False)],
          disc=[(D(2026, 9, 3), 300.00, "granted", "Startup discount, 20%"),
                (D(2026, 9, 12), 250.00, "requested", "Free social media banners"),
                (D(2026, 9, 19), 200.00, "granted", "Weekend support \"should be included\""),
                (D(2026, 9, 27), 400.00, "denied", "Wants September retainer halved"),
                (D(2026, 10, 1), 300.00, "granted", "20% off October retainer"),
                (D(2026, 10, 10), 150.00, "requested", "Free extra revision round"),
                (D(2026, 10, 17), 250.00, "granted", "Wants 15% off for a two-year contract"),
                (D(2026, 10, 24), 500.00, "denied", "Asks for a free month"),
                (D(2026, 10, 30), 200.00, "granted", "Goodwill, after late-night complaint")])),
    ("C019", "Meridian Health Clinics", "SEO retainer", AMS[2],  # watch
     prof(retainer=3500.00, ci=18, co=14, cmin=12, ei=22, eo=26, ah=0.32, wk=0.4,
          hostile=2, pool=["rework", "escalation"], pay="late15",
          projects=[(D(2026, 9, 4), [1900.00], 20, True)],
          disc=[(D(2026, 10, 9), 350.00, "requested", "Discount for the rework on the clinic pages")])),
    ("C020", "Obsidian Capital Partners", "Retainer", AMS[3],    # toxic but pays very well
     prof(retainer=12000.00, ci=92, co=30, cmin=18, ei=80, eo=60, ah=0.52, wk=0.4,
          hostile=11, pool=["threat", "abusive", "escalation", "blame"],
          projects=[(D(2026, 9, 10), [15000.00], -6, False)],
          disc=[(D(2026, 9, 15), 750.00, "granted", "Rush surcharge waived"),
                (D(2026, 10, 5), 1200.00, "requested", "Wants 10% off the Q4 retainer"),
                (D(2026, 10, 26), 600.00, "denied", "Weekend hotline, free of charge")])),
    ("C021", "Lumen Fitness Studios", "Retainer", AMS[0],        # watch
     prof(retainer=2000.00, ci=22, co=12, cmin=10, ei=30, eo=22, ah=0.18, wk=0.5,
          hostile=1, pool=["dispute"], pay="late20",
          disc=[(D(2026, 9, 7), 200.00, "granted", "Discount for new studio opening"),
                (D(2026, 9, 28), 300.00, "requested", "Cheaper rate for second location"),
                (D(2026, 10, 21), 250.00, "denied", "Free photo shoot")])),
    ("C022", "Tannenhof Weingut", "Web design", AMS[1],          # no activity at all
     prof(retainer=None, ci=0, co=0, ei=0, eo=0, aug=False)),
    ("C023", "Rheinwerk Software GmbH", "SEO retainer", AMS[2],
     prof(retainer=3400.00, ci=9, ei=19,
          disc=[(D(2026, 10, 15), 170.00, "granted", "Early payment, 5%")])),
    ("C024", "Blauwal Surfschule", "Maintenance", AMS[3],
     prof(retainer=650.00, ci=3, co=5, ei=8, eo=12, cmin=7)),
    ("C025", "Quartier 7 Bäckerei", "Web design", AMS[0],
     prof(retainer=1200.00, ci=6, ei=12,
          projects=[(D(2026, 9, 28), [2400.00], -8, False)],
          disc=[(D(2026, 9, 29), 240.00, "requested", "Neighbourhood bakery, asks for 10%")])),
]
EXTRA_INVOICE_CLIENTS = ["C001", "C002", "C004", "C006", "C008", "C009", "C010", "C011",
                         "C023", "C024", "C025"]
# A client id the CRM logs calls for, but that is missing from the client list
# (a new lead the account manager never created as a client).
UNKNOWN_CLIENT = ("C026", prof(retainer=None, ci=5, co=2, cmin=16, ei=0, eo=0, aug=False, lead=True))
# Who takes a lead's calls: new business is Jonas Richter's.
LEAD_HANDLER = AMS[1]

# ---------------------------------------------------------------------------
# Time entries (the time tracker's export): hours logged per client over the two months,
# chosen so that the margins tell the same story as before (SPEC §3: hours = support hours
# + logged hours, cost to serve = hours x 60). Healthy clients are billed at roughly
# 110-130 EUR per hour of work, a 40-55 % margin; C017 gets a few maintenance hours and
# stays under the 30 % target; C018 needs more work than its retainer pays for (a negative
# margin); C020 pays well enough to keep a healthy margin over 240 hours (the headache tax,
# not a firing). No hours for C022 (no activity) and the lead C026 (no client project).
# The split between the account manager and the developer follows the kind of work.
LOGGED_HOURS = {
    "C001": 50, "C002": 36, "C003": 110, "C004": 46, "C005": 70, "C006": 16, "C007": 220,
    "C008": 58, "C009": 44, "C010": 30, "C011": 80, "C012": 52, "C013": 120, "C014": 44,
    "C015": 72, "C016": 40, "C017": 3, "C018": 24, "C019": 68, "C020": 240, "C021": 30,
    "C023": 50, "C024": 10, "C025": 45,
}
AM_SHARE = {"SEO retainer": 0.7, "Retainer": 0.6, "Web design": 0.3, "Maintenance": 0.2,
            "E-commerce": 0.3}
AM_TASKS = ["Account management", "Monthly report", "Keyword research", "Content brief",
            "Client meeting", "SEO audit", "Campaign planning"]
DEV_TASKS = ["Development", "Frontend fixes", "Hosting and updates", "Design revisions",
             "Performance tuning", "Plugin updates", "Landing page build"]


# ---------------------------------------------------------------------------
def offset(local):
    return "+02:00" if local < DST_END else "+01:00"


def iso(local):
    return local.strftime("%Y-%m-%dT%H:%M:%S") + offset(local)


def days_in_period():
    d = PERIOD_FROM
    while d <= PERIOD_TO:
        yield d
        d += dt.timedelta(days=1)


DAYS = list(days_in_period())
WORKDAYS = [d for d in DAYS if d.weekday() < 5]
WEEKENDS = [d for d in DAYS if d.weekday() >= 5]


def business_time(rng, day=None):
    day = day or rng.choice(WORKDAYS)
    minute = rng.randrange(9 * 60, 17 * 60 + 55)
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)


def after_hours_time(rng, weekend):
    while True:
        if weekend:
            day = rng.choice(WEEKENDS)
            minute = rng.randrange(7 * 60, 23 * 60 + 30)
        else:
            day = rng.choice(WORKDAYS)
            slot = rng.random()
            if slot < 0.55:
                minute = rng.randrange(18 * 60 + 5, 23 * 60 + 59)   # evening
            elif slot < 0.8:
                minute = rng.randrange(0, 90)                       # just after midnight
            else:
                minute = rng.randrange(6 * 60 + 15, 8 * 60 + 55)     # early morning
        t = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)
        if t.date() == DST_END.date() and t.hour == 2:
            continue  # the ambiguous hour on 2026-10-25
        return t


def contact_times(rng, n, ah, wk):
    """n inbound timestamps, round(n*ah) of them after hours, round(that*wk) on weekends."""
    n_ah = round(n * ah)
    n_wk = round(n_ah * wk)
    out = []
    for i in range(n):
        if i < n_wk:
            out.append(after_hours_time(rng, True))
        elif i < n_ah:
            out.append(after_hours_time(rng, False))
        else:
            out.append(business_time(rng))
    return out


CALL_NOTES = [
    "Weekly check-in, all fine",
    "Discussed keyword report, next steps agreed",
    "Questions about the invoice, explained line items",
    "Client wants to move the launch date, will confirm by email",
    "Short call, new images for the homepage, sent by WeTransfer",
    "Reviewed analytics, traffic up 12% month over month",
    "Hosting question, SSL certificate renewed",
    "Feedback on draft: colours fine, menu too long",
    "",
    "",
    "Left voicemail",
    "Scope of phase 2, estimate to follow",
]
MULTILINE_NOTES = [
    "Agenda for the workshop:\n1. keyword clusters\n2. backlink audit\n3. next sprint",
    "Call with marketing team.\nTo do: new meta descriptions, fix 404s, \"Kontakt\" page copy",
]
LEAD_NOTES = [
    "New lead, wants a quote for a shop relaunch",
    "Inquiry via website form, sent capabilities deck",
    "Follow-up on quote, decision \"after the board meeting\"",
    "Asked about SEO packages, prices, references",
]
HOSTILE_NOTES = {
    "threat": ["Threatens to stop paying, \"we'll see you in court\"",
               "Says he will post a 1-star review on Google, Trustpilot and OMR Reviews",
               "Threat of non-payment unless the launch happens this week"],
    "abusive": ["Shouted at the account manager, used insults\nCall ended by us after 10 minutes",
                "Very rude, called the team \"amateurs\", demanded the CEO"],
    "escalation": ["Wants to speak to the managing director, escalated",
                   "Escalation: says nobody answers his calls at night, expects 24/7 support"],
    "blame": ["Blames us for their drop in sales, although they paused the ads themselves",
              "Blames our SEO for the ranking loss after their own domain change"],
    "dispute": ["Disputes the hours on the last invoice, wants a breakdown",
                "Disputes invoice, \"never agreed to that price\""],
    "rework": ["Wants the third redesign of the landing page, \"just small changes\"",
               "Asks to redo the product photos, again"],
}
SUBJECTS = [
    "Monthly SEO report September",
    "Monthly SEO report October",
    "Re: Homepage, new header images",
    "Invoice question",
    "Meeting notes, next steps",
    "Re: Re: Blog post draft",
    "Access to Google Search Console",
    "Quote for phase 2",
    "Re: Newsletter template, final version",
    "Hosting: planned maintenance",
    "Feedback on wireframes",
    "Re: Launch date",
    "Fwd: Contract renewal",
]
HOSTILE_SUBJECTS = {
    "threat": "URGENT: we will stop payment",
    "abusive": "This is unacceptable!!!",
    "escalation": "Escalation, please forward to your boss",
    "blame": "Your fault, sales are down",
    "dispute": "Re: Invoice, we do not accept these hours",
    "rework": "Redo the banners, again",
}


def pick_note(rng, p):
    if p.get("lead"):
        return rng.choice(LEAD_NOTES)
    if rng.random() < 0.012:
        return rng.choice(MULTILINE_NOTES)
    return rng.choice(CALL_NOTES)


def tags_for(rng, hostile_tags):
    tags = list(hostile_tags)
    if rng.random() < 0.55:
        tags.append(rng.choice(HARMLESS_TAGS))
    return ";".join(tags)


def build_contacts(rng, cid, p):
    """Return (calls, emails) as lists of dicts (without ids)."""
    calls, emails = [], []
    # Inbound contacts, calls first then emails; after-hours shares apply to both.
    call_in_t = contact_times(rng, p["ci"], p["ah"], p["wk"])
    mail_in_t = contact_times(rng, p["ei"], p["ah"], p["wk"])
    # Choose which inbound contacts are hostile: two thirds calls, the rest emails.
    n_host = p["hostile"]
    n_host_calls = min(p["ci"], (2 * n_host + 2) // 3)
    n_host_mails = min(p["ei"], n_host - n_host_calls)
    host_call_idx = set(rng.sample(range(p["ci"]), n_host_calls)) if n_host_calls else set()
    host_mail_idx = set(rng.sample(range(p["ei"]), n_host_mails)) if n_host_mails else set()

    def hostile_tags():
        k = 1 if rng.random() < 0.6 or len(p["pool"]) == 1 else 2
        return rng.sample(p["pool"], k)

    for i, t in enumerate(call_in_t):
        if i in host_call_idx:
            ht = hostile_tags()
            tags = tags_for(rng, ht)
            note = rng.choice(HOSTILE_NOTES[ht[0]])
            minutes = rng.uniform(1.3, 2.0) * p["cmin"]
        else:
            tags = ";".join(rng.sample(HARMLESS_TAGS, rng.choice([0, 1, 1, 2])))
            note = pick_note(rng, p)
            minutes = rng.uniform(0.4, 1.6) * p["cmin"]
        secs = 0 if note == "Left voicemail" else int(minutes * 60) + rng.randrange(0, 60)
        if note == "Left voicemail":
            note = "Missed call, voicemail: \"call me back ASAP\""
        calls.append(dict(client=cid, t=t, dur=secs, dir="inbound", tags=tags, notes=note))
    for _ in range(p["co"]):
        t = business_time(rng)
        note = pick_note(rng, p)
        secs = int(rng.uniform(3, 14) * 60) + rng.randrange(0, 60)
        if note == "Left voicemail":
            secs = rng.randrange(15, 45)
        calls.append(dict(client=cid, t=t, dur=secs, dir="outbound",
                          tags=";".join(rng.sample(HARMLESS_TAGS, rng.choice([0, 1]))), notes=note))
    for i, t in enumerate(mail_in_t):
        if i in host_mail_idx:
            ht = hostile_tags()
            tags = tags_for(rng, ht)
            subject = HOSTILE_SUBJECTS[ht[0]]
        else:
            tags = ";".join(rng.sample(HARMLESS_TAGS, rng.choice([0, 0, 1])))
            subject = rng.choice(SUBJECTS)
        emails.append(dict(client=cid, t=t.replace(second=rng.randrange(60)), dir="inbound",
                           tags=tags, subject=subject))
    for _ in range(p["eo"]):
        t = business_time(rng).replace(second=rng.randrange(60))
        emails.append(dict(client=cid, t=t, dir="outbound",
                           tags=";".join(rng.sample(HARMLESS_TAGS, rng.choice([0, 0, 1]))),
                           subject=rng.choice(SUBJECTS)))
    return calls, emails


# ---------------------------------------------------------------------------
def add_days(d, n):
    return d + dt.timedelta(days=n)


def retainer_payment(rng, behaviour, issued, due):
    """Return (paid_at or None, paid part or None for full, status)."""
    if behaviour == "ontime":
        off = rng.randint(-14, 2)
    elif behaviour.startswith("late"):
        base = int(behaviour[4:])
        off = base + rng.randint(-4, 4)
    else:
        raise ValueError(behaviour)
    paid = add_days(due, off)
    if paid <= issued:
        paid = add_days(issued, 3)
    return paid


def build_invoices(rng):
    rows = []  # dicts: id assigned later
    for cid, _name, _seg, _am, p in CLIENTS:
        ret = p["retainer"]
        if ret is not None:
            months = [D(2026, 9, 1), D(2026, 10, 1)]
            if p["aug"]:
                months.insert(0, D(2026, 8, 1))
            if p.get("july"):
                months.insert(0, D(2026, 7, 1))
            for issued in months:
                due = add_days(issued, 30)
                label = "Retainer " + issued.strftime("%B %Y")
                inv = dict(client=cid, issued=issued, due=due, amount=[ret], paid=None,
                           amount_paid=None, status=None, disputed=False, label=label)
                beh = p["pay"]
                if beh == "fenwick":
                    # July unpaid (92 days overdue), August part-paid, September 25 days late,
                    # October open.
                    if issued.month == 7:
                        pass
                    elif issued.month == 8:
                        inv["amount_paid"] = [1000.00]
                    elif issued.month == 9:
                        inv["paid"] = add_days(due, 25)
                elif beh == "unpaid":
                    pass  # nothing paid yet: September 30 days overdue, October open
                elif issued.month == 10 and beh != "ontime":
                    pass  # late payers have not paid October yet
                else:
                    paid = retainer_payment(rng, beh, issued, due)
                    if paid <= PERIOD_TO:
                        inv["paid"] = paid
                rows.append(inv)
        for issued, lines, pay_off, disputed in p["projects"]:
            due = add_days(issued, 30)
            inv = dict(client=cid, issued=issued, due=due, amount=list(lines), paid=None,
                       amount_paid=None, status=None, disputed=disputed, label="Project")
            if pay_off is not None and add_days(due, pay_off) <= PERIOD_TO:
                inv["paid"] = add_days(due, pay_off)
            rows.append(inv)
        if "credit" in p:
            issued, amount = p["credit"]
            rows.append(dict(client=cid, issued=issued, due=issued, amount=[amount], paid=None,
                             amount_paid=None, status="credit_note", disputed=False,
                             label="Credit"))
        if "void" in p:
            issued, amount = p["void"]
            rows.append(dict(client=cid, issued=issued, due=add_days(issued, 30), amount=[amount],
                             paid=None, amount_paid=None, status="void", disputed=False,
                             label="Void"))
    # Small extra invoices of the healthy clients: hosting renewals and extra hours.
    for cid in EXTRA_INVOICE_CLIENTS:
        issued = rng.choice([d for d in WORKDAYS if d.day not in (1, 2)])
        amount = rng.choice([240.00, 360.00, 480.00, 570.00, 760.00, 1140.00])
        due = add_days(issued, 30)
        paid = add_days(due, rng.randint(-12, 1))
        rows.append(dict(client=cid, issued=issued, due=due, amount=[amount],
                         paid=paid if paid <= PERIOD_TO else None, amount_paid=None,
                         status=None, disputed=False, label="Extra"))
    # The export holds every invoice issued since 2026-08-01 and the older ones still open
    # (Fenwick's July retainer).
    rows.sort(key=lambda r: (r["issued"], r["client"], r["label"]))
    out = []
    n_inv = n_cn = 0
    for r in rows:
        if r["status"] == "credit_note":
            n_cn += 1
            iid = "CN-2026-%03d" % n_cn
        else:
            n_inv += 1
            iid = "INV-2026-%04d" % (n_inv + 180)
        total = round(sum(r["amount"]), 2)
        if r["status"] is None:
            if r["paid"] is not None:
                r["status"] = "paid"
            elif r["amount_paid"]:
                r["status"] = "partially_paid"
            elif r["due"] < PERIOD_TO:
                r["status"] = "overdue"
            else:
                r["status"] = "open"
        for k, line in enumerate(r["amount"]):
            if r["paid"] is not None:
                ap = "%.2f" % line
            elif r["amount_paid"]:
                ap = "%.2f" % r["amount_paid"][0] if k == 0 else ""
            else:
                ap = ""
            out.append([iid, r["client"], r["issued"].isoformat(), r["due"].isoformat(),
                        r["paid"].isoformat() if r["paid"] else "", "%.2f" % line, ap, "EUR",
                        r["status"], "yes" if r["disputed"] else ""])
        del total
    return out


def build_discounts():
    rows = []
    for cid, _n, _s, _a, p in CLIENTS:
        for d, amount, status, reason in p["disc"]:
            rows.append((d, cid, amount, status, reason))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [["DSC-%04d" % (i + 1), cid, d.isoformat(), "%.2f" % amount, status, reason]
            for i, (d, cid, amount, status, reason) in enumerate(rows)]


def split_quarters(rng, quarters):
    """Quarter-hour counts of entries of 0.5-4 hours that add up to `quarters` exactly."""
    out = []
    while quarters > 0:
        q = min(quarters, rng.randint(2, 16))
        out.append(q)
        quarters -= q
    return out


def build_time(rng):
    """Time entries [client, date, hours, billable, employee, task] on workdays of the period."""
    rows = []
    for cid, _name, seg, am, _p in CLIENTS:
        total = LOGGED_HOURS.get(cid)
        if not total:
            continue
        am_q = round(total * 4 * AM_SHARE[seg])
        for person, quarters, tasks in ((am, am_q, AM_TASKS), (DEVELOPER, total * 4 - am_q, DEV_TASKS)):
            for q in split_quarters(rng, quarters):
                rows.append([cid, rng.choice(WORKDAYS), q / 4, person, rng.choice(tasks)])
    rows.sort(key=lambda r: (r[1], r[0], r[3], r[2]))
    return rows


# ---------------------------------------------------------------------------
def write_csv(path, header, rows, crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "sample_data")
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(SEED)

    calls, emails = [], []
    for cid, _n, _s, _a, p in CLIENTS + [(UNKNOWN_CLIENT[0], None, None, None, UNKNOWN_CLIENT[1])]:
        c, e = build_contacts(rng, cid, p)
        calls += c
        emails += e
    calls.sort(key=lambda r: (r["t"], r["client"], r["dir"]))
    emails.sort(key=lambda r: (r["t"], r["client"], r["dir"]))
    # Every contact is handled by the client's account manager (the lead's by LEAD_HANDLER).
    manager = {cid: am for cid, _n, _s, am, _p in CLIENTS}
    people_rng = random.Random(PEOPLE_SEED)

    write_csv(os.path.join(outdir, "clients.csv"),
              ["client_id", "client_name", "segment", "account_manager"],
              [[cid, name, seg, am] for cid, name, seg, am, _p in CLIENTS])
    write_csv(os.path.join(outdir, "calls.csv"),
              ["call_id", "client_id", "started_at", "duration_seconds", "direction", "tags", "notes",
               "handled_by"],
              [["CALL-%05d" % (i + 1), r["client"], iso(r["t"]), r["dur"], r["dir"], r["tags"],
                r["notes"], manager.get(r["client"], LEAD_HANDLER)] for i, r in enumerate(calls)])
    write_csv(os.path.join(outdir, "emails.csv"),
              ["email_id", "client_id", "sent_at", "direction", "tags", "subject", "handled_by"],
              [["EM-%05d" % (i + 1), r["client"], iso(r["t"]), r["dir"], r["tags"], r["subject"],
                manager.get(r["client"], LEAD_HANDLER)] for i, r in enumerate(emails)])
    inv = build_invoices(rng)
    write_csv(os.path.join(outdir, "invoices.csv"),
              ["invoice_id", "client_id", "issued_at", "due_at", "paid_at", "amount", "amount_paid",
               "currency", "status", "disputed"], inv, crlf=True)
    disc = build_discounts()
    write_csv(os.path.join(outdir, "discounts.csv"),
              ["discount_id", "client_id", "granted_at", "amount", "status", "reason"], disc,
              crlf=True)
    time_rows = build_time(people_rng)
    write_csv(os.path.join(outdir, "time.csv"),
              ["entry_id", "client_id", "date", "hours", "billable", "employee", "task"],
              [["TE-%05d" % (i + 1), cid, d.isoformat(), "%.2f" % h,
                "no" if task == "Account management" else "yes", person, task]
               for i, (cid, d, h, person, task) in enumerate(time_rows)])
    print("wrote %s: %d clients, %d calls, %d emails, %d invoice rows, %d discounts, %d time entries"
          % (os.path.normpath(outdir), len(CLIENTS), len(calls), len(emails), len(inv), len(disc),
             len(time_rows)))


if __name__ == "__main__":
    main()
