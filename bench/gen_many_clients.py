#!/usr/bin/env python3
"""Exports for a very large client base: N clients with 10 rows each (4 calls, 3 emails,
2 invoices, 1 discount), to measure that clientscore's memory grows with clients and
invoices and stays bounded (issue 4: one million clients under 1 GB peak RSS).

    python3 bench/gen_many_clients.py OUTDIR [--clients N=1000000] [--seed K=7]

Deterministic for the same arguments; standard library only.
"""
import argparse
import os
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir")
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)

    def day():
        return f"2026-09-{rng.randint(1, 30):02d}"

    def stamp():
        return f"{day()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00"

    with open(os.path.join(args.outdir, "calls.csv"), "w", newline="") as calls, \
            open(os.path.join(args.outdir, "emails.csv"), "w", newline="") as emails, \
            open(os.path.join(args.outdir, "invoices.csv"), "w", newline="") as invoices, \
            open(os.path.join(args.outdir, "discounts.csv"), "w", newline="") as discounts:
        calls.write("client_id,started_at,duration_seconds,direction,tags,notes\n")
        emails.write("client_id,sent_at,direction,subject\n")
        invoices.write("invoice_id,client_id,issued_at,due_at,paid_at,amount\n")
        discounts.write("client_id,granted_at,amount,status\n")
        for c in range(args.clients):
            client = f"K{c:07d}"
            for _ in range(4):
                tag = "threat" if rng.random() < 0.02 else ""
                calls.write(f"{client},{stamp()},{rng.randint(30, 1800)},"
                            f"{'inbound' if rng.random() < 0.6 else 'outbound'},{tag},"
                            f"\"call about order, ref {rng.randint(1000, 9999)}\"\n")
            for _ in range(3):
                emails.write(f"{client},{stamp()},{'inbound' if rng.random() < 0.5 else 'outbound'},"
                             f"Subject {rng.randint(1, 99)}\n")
            for k in range(2):
                issued = day()
                paid = f"2026-10-{rng.randint(1, 31):02d}" if rng.random() < 0.7 else ""
                invoices.write(f"I{c:07d}-{k},{client},{issued},2026-10-01,{paid},"
                               f"{rng.randint(100, 5000)}.{rng.randint(0, 99):02d}\n")
            discounts.write(f"{client},{day()},{rng.randint(5, 200)}.00,"
                            f"{'granted' if rng.random() < 0.7 else 'requested'}\n")


if __name__ == "__main__":
    main()
