#!/usr/bin/env python3
"""A time-tracker export beside the shared generator's data, for benchmarks with time entries
(issues 17 and 20: gen.py makes none): as many rows as emails.csv, about its size, Harvest-like
columns, the same clients (C000000 …), 3 years of dates, 60 people, hours in quarter hours.

    python3 bench/gen_time.py DATADIR [--clients N=20000] [--seed K=42]

Writes DATADIR/time.csv; deterministic for the same arguments and emails.csv; stdlib only.
"""
import argparse
import datetime as dt
import os
import random

NOTES = ["Design review", "Homepage copy, second round", "Migration of the blog, images and redirects",
         "Weekly call prep", "SEO audit, \"quick wins\" list", "Bug fixes after launch", "Reporting",
         "Rework of the landing page, again", "Hosting: SSL renewal", "Meeting notes, follow-up tasks"]
FIRST = ["Ana", "Ben", "Chiara", "Dmitri", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jonas"]
LAST = ["Petrova", "Ortiz", "Rossi", "Ivanov", "Yilmaz", "Adeyemi"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("datadir")
    parser.add_argument("--clients", type=int, default=20000, help="as given to gen.py")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    emails = os.path.join(args.datadir, "emails.csv")
    with open(emails, "rb") as f:
        rows = max(0, sum(1 for _ in f) - 1)
    clients = args.clients
    rng = random.Random(args.seed)
    people = [f"{a} {b}" for a in FIRST for b in LAST]
    start = dt.date(2022, 1, 1)
    with open(os.path.join(args.datadir, "time.csv"), "w", encoding="utf-8", newline="") as out:
        out.write("Date,Client,Project,Task,Notes,Hours,Billable?,User\n")
        for i in range(rows):
            day = start + dt.timedelta(days=rng.randrange(3 * 365 + 1))
            client = "C%06d" % rng.randrange(clients)
            hours = rng.randint(1, 24) / 4
            note = rng.choice(NOTES)
            if "," in note or '"' in note:
                note = '"' + note.replace('"', '""') + '"'
            out.write(f"{day.isoformat()},{client},Retainer,Delivery,{note},{hours:.2f},"
                      f"{'Yes' if rng.random() < 0.8 else 'No'},{rng.choice(people)}\n")


if __name__ == "__main__":
    main()
