#!/usr/bin/env python3
"""Blind sample for judging question quality (see docs/question-quality.md).

  sample.py show  POOL.jsonl SEED            prints 100 questions drawn uniformly, numbered, for a judge
  sample.py tally POOL.jsonl SEED VERDICTS   VERDICTS has one line per number: "N Y" or "N N R1,R2";
                                             prints the tables and a TSV of id, kind, verdict, reasons
  SAMPLE_SIZE=80 sample.py ...               draws 80 instead of 100 (rounds from 5 on)
"""
import collections
import json
import os
import random
import sys

SIZE = int(os.environ.get("SAMPLE_SIZE", "100"))


def sample(pool, seed):
    questions = [json.loads(line) for line in open(pool, encoding="utf-8")]
    return random.Random(seed).sample(questions, min(SIZE, len(questions)))


def show(questions):
    for n, q in enumerate(questions, 1):
        print(f"#{n} [{q['kind']}] {' › '.join(q['topic'])}  ({q['source']['file']}:{q['source']['line']})")
        print("  P:", q["prompt"].replace("\n", "\n     "))
        for i, choice in enumerate(q["choices"]):
            print("   ", "*" if i == q["answer"] else " ", choice)
        print("  E:", q["explanation"][:300].replace("\n", " / "))
        print()


def tally(questions, verdicts):
    judged = {}
    for line in open(verdicts, encoding="utf-8"):
        parts = line.split()
        if parts:
            judged[int(parts[0])] = (parts[1] == "Y", parts[2].split(",") if len(parts) > 2 else [])
    if len(judged) != len(questions):
        sys.exit(f"{len(judged)} verdicts for {len(questions)} questions")
    kinds, good, reasons = collections.Counter(), collections.Counter(), collections.Counter()
    rows = []
    for n, q in enumerate(questions, 1):
        ok, why = judged[n]
        kinds[q["kind"]] += 1
        good[q["kind"]] += ok
        reasons.update(why)
        rows.append(f"{n}\t{q['id']}\t{q['kind']}\t{'good' if ok else 'bad'}\t{','.join(why)}")
    print("| kind | judged | good | share |\n|---|---|---|---|")
    for kind in sorted(kinds):
        print(f"| {kind} | {kinds[kind]} | {good[kind]} | {good[kind] / kinds[kind]:.0%} |")
    total, right = sum(kinds.values()), sum(good.values())
    print(f"| **all** | {total} | {right} | {right / total:.0%} |\n")
    print("| reason | questions |\n|---|---|")
    for reason, count in reasons.most_common():
        print(f"| {reason} | {count} |")
    print("\nn\tid\tkind\tverdict\treasons")
    print("\n".join(rows))


if __name__ == "__main__":
    command, pool, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    drawn = sample(pool, seed)
    show(drawn) if command == "show" else tally(drawn, sys.argv[4])
