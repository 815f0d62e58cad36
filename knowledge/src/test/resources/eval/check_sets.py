#!/usr/bin/env python3
"""Verify the student query set and the off-topic set against the study notes.

student-queries.tsv (header "id, query, answers, file"; at least 90 data lines):
- every line has 4 tab-separated columns and ids run s001, s002, ... without gaps;
- each query is trimmed, lower case, 2-10 words, not repeated, and does not copy 4
  consecutive words of any notes file (words as in check-dev.py: [a-z0-9]+ of the lower-cased text);
- `file` names one of the notes files, and every notes file is named by some line;
- answers are 1-3 strings separated by " | ", each trimmed, 1-6 words, not repeated on the line,
  and an exact, case-sensitive substring of the named file;
- each answer is on a line the search shows as passage text, not only on a heading line (headings
  reach results as the heading path, and the evaluator matches passage text); heading lines are
  found the way the notes parser finds them: "#" headings, setext underlines, front matter in
  Markdown files, and bare short lines in plain-text files that have no "#" headings.

off-topic.tsv (header "id, query, about, absent_terms"; at least 20 data lines):
- every line has 4 tab-separated columns and ids run o01, o02, ... without gaps;
- each query is trimmed, lower case, 2-10 words, repeats no other query of either set, and does not
  copy 4 consecutive words of the notes;
- `about` is 2-4 words;
- absent_terms is a comma-separated list of lower-case key terms, each of which occurs in the
  query and occurs nowhere (case-insensitive, as a substring) in any notes file.

With --dev FILE (the developers' search-dev.tsv), a student query may not equal one of its queries.

Usage: python3 check_sets.py --notes DIR [--queries FILE] [--off-topic FILE] [--dev FILE]
Prints "N ok" (N = data lines checked in both sets) or one line per failure; exits 1 on failure.
Standard library only.
"""
import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_QUERIES = HERE / "student-queries.tsv"
DEFAULT_OFF_TOPIC = HERE / "off-topic.tsv"

STUDENT_HEADER = ["id", "query", "answers", "file"]
OFF_TOPIC_HEADER = ["id", "query", "about", "absent_terms"]
STUDENT_MIN_ROWS = 90
OFF_TOPIC_MIN_ROWS = 20
QUERY_WORDS = (2, 10)
ANSWER_WORDS = (1, 6)
ANSWERS_PER_LINE = (1, 3)
ABOUT_WORDS = (2, 4)
COPY_NGRAM = 4  # a query may not repeat this many consecutive words of the notes

# The notes parser's line rules (knowledge/.../notes/LineSyntax.java and OutlineParser.java).
ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
SETEXT_UNDERLINE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
THEMATIC_BREAK = re.compile(r"^([-*_])([ \t]*\1){2,}[ \t]*$")
BULLET = re.compile(r"^(?:[-+*•◦▪‣·o]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S.*")
FENCE = re.compile(r"^(`{3,}|~{3,}).*")
INLINE_MARKUP = re.compile(r"\*\*|__|`|(?<=\s)[*_]|^[*_]|[*_](?=\s|$)")
FRONT_MATTER_MAX_LINES = 60
PLAIN_HEADING_MAX_CHARS = 60
PLAIN_HEADING_MAX_WORDS = 8


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def load_notes(folder):
    return {path.name: path.read_text(encoding="utf-8")
            for path in sorted(folder.iterdir()) if path.is_file()}


def indent_of(line):
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def atx_title(content):
    match = ATX_HEADING.match(content)
    if not match:
        return None
    title = INLINE_MARKUP.sub("", match.group(2)).strip().rstrip(":.").strip()
    return title or None


def looks_like_plain_heading(line):
    if indent_of(line) > 0:
        return False
    content = line.strip()
    if (not content or len(content) > PLAIN_HEADING_MAX_CHARS or BULLET.match(content)
            or content.startswith("|") or "://" in content or FENCE.match(content)
            or len(content.split()) > PLAIN_HEADING_MAX_WORDS):
        return False
    return content[-1] not in ".,;:!?=" and content[0].isalnum()


def body_lines(name, text):
    """The lines of a notes file that reach passage text: not headings, not front matter."""
    lines = text.split("\n")
    markdown = name.lower().endswith((".md", ".markdown"))
    in_fence = False
    has_atx = False
    for line in lines:
        content = line.strip()
        if FENCE.match(content):
            in_fence = not in_fence
        elif not in_fence and atx_title(content):
            has_atx = True
    plain_headings = not has_atx

    def followed_by_body(index):
        if index + 1 >= len(lines):
            return False
        following = lines[index + 1]
        if not following.strip():
            return any(rest.strip() for rest in lines[index + 2:])
        return bool(BULLET.match(following.strip())) or indent_of(following) > 0

    start = 0
    if markdown and lines and lines[0].strip() == "---":
        for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES)):
            if lines[i].strip() in ("---", "..."):
                start = i + 1
                break

    body = []
    fence = None
    blank_since_block = True
    i = start
    while i < len(lines):
        line = lines[i]
        content = line.strip()
        if fence is not None:
            body.append(line)
            marker = FENCE.match(content)
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence) \
                    and not content[len(marker.group(1)):].strip():
                fence = None
            i += 1
            continue
        if not content:
            blank_since_block = True
            i += 1
            continue
        marker = FENCE.match(content)
        if marker:
            fence = marker.group(1)
            body.append(line)
            blank_since_block = False
            i += 1
            continue
        if atx_title(content):
            i += 1
            continue
        if (markdown and blank_since_block and i + 1 < len(lines) and not BULLET.match(content)
                and SETEXT_UNDERLINE.match(lines[i + 1]) and not THEMATIC_BREAK.match(content)):
            i += 2
            continue
        if plain_headings and blank_since_block and followed_by_body(i) and looks_like_plain_heading(line):
            i += 1
            continue
        if THEMATIC_BREAK.match(content):
            i += 1
            continue
        body.append(line)
        blank_since_block = False
        i += 1
    return body


def read_rows(tsv, header, failures):
    lines = tsv.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "\t".join(header):
        failures.append(f"{tsv.name}:1: header must be {chr(9).join(header)!r}")
        return None
    return lines[1:]


def check_query(query, copied, problems):
    low, high = QUERY_WORDS
    if query != query.strip() or not low <= len(query.split()) <= high:
        problems.append(f"query must be {low}-{high} words, trimmed: {query!r}")
    if query != query.lower():
        problems.append(f"query must be lower case: {query!r}")
    tokens = words(query)
    for i in range(len(tokens) - COPY_NGRAM + 1):
        if tuple(tokens[i:i + COPY_NGRAM]) in copied:
            problems.append(f"query copies notes phrase {' '.join(tokens[i:i + COPY_NGRAM])!r}")


def check_students(tsv, notes, bodies, copied, seen_queries, dev_queries):
    failures = []
    rows = read_rows(tsv, STUDENT_HEADER, failures)
    if rows is None:
        return 0, failures
    if len(rows) < STUDENT_MIN_ROWS:
        failures.append(f"{tsv.name}: {len(rows)} data lines, expected at least {STUDENT_MIN_ROWS}")
    named = set()
    for index, line in enumerate(rows, start=1):
        number = index + 1
        problems = []
        fields = line.split("\t")
        if len(fields) != len(STUDENT_HEADER):
            failures.append(f"{tsv.name}:{number}: {len(fields)} columns, expected {len(STUDENT_HEADER)}: {line}")
            continue
        row_id, query, answers, file_name = fields
        if row_id != f"s{index:03d}":
            problems.append(f"id {row_id!r}, expected s{index:03d}")
        check_query(query, copied, problems)
        key = " ".join(words(query))
        if key in seen_queries:
            problems.append(f"query repeats {seen_queries[key]}")
        seen_queries.setdefault(key, f"{tsv.name}:{number}")
        if key in dev_queries:
            problems.append("query is one of the dev set's queries")

        if file_name not in notes:
            problems.append(f"unknown file {file_name!r} (known: {', '.join(notes)})")
        else:
            named.add(file_name)
            parts = answers.split(" | ")
            low, high = ANSWERS_PER_LINE
            if not low <= len(parts) <= high:
                problems.append(f"{len(parts)} answers, expected {low}-{high}")
            if len(set(parts)) != len(parts):
                problems.append("an answer is repeated")
            low, high = ANSWER_WORDS
            for answer in parts:
                if answer != answer.strip() or not low <= len(answer.split()) <= high:
                    problems.append(f"answer must be {low}-{high} words, trimmed: {answer!r}")
                if answer not in notes[file_name]:
                    problems.append(f"answer not in {file_name}: {answer!r}")
                elif not any(answer in body for body in bodies[file_name]):
                    problems.append(f"answer only on heading lines of {file_name}: {answer!r}")

        for problem in problems:
            failures.append(f"{tsv.name}:{number}: {problem}\n    {line}")
    for name in notes:
        if name not in named:
            failures.append(f"{tsv.name}: no query answered from {name}")
    return len(rows), failures


def check_off_topic(tsv, notes, copied, seen_queries):
    failures = []
    rows = read_rows(tsv, OFF_TOPIC_HEADER, failures)
    if rows is None:
        return 0, failures
    if len(rows) < OFF_TOPIC_MIN_ROWS:
        failures.append(f"{tsv.name}: {len(rows)} data lines, expected at least {OFF_TOPIC_MIN_ROWS}")
    lowered = {name: text.lower() for name, text in notes.items()}
    for index, line in enumerate(rows, start=1):
        number = index + 1
        problems = []
        fields = line.split("\t")
        if len(fields) != len(OFF_TOPIC_HEADER):
            failures.append(f"{tsv.name}:{number}: {len(fields)} columns, expected {len(OFF_TOPIC_HEADER)}: {line}")
            continue
        row_id, query, about, absent_terms = fields
        if row_id != f"o{index:02d}":
            problems.append(f"id {row_id!r}, expected o{index:02d}")
        check_query(query, copied, problems)
        key = " ".join(words(query))
        if key in seen_queries:
            problems.append(f"query repeats {seen_queries[key]}")
        seen_queries.setdefault(key, f"{tsv.name}:{number}")

        low, high = ABOUT_WORDS
        if about != about.strip() or not low <= len(about.split()) <= high:
            problems.append(f"about must be {low}-{high} words, trimmed: {about!r}")

        terms = absent_terms.split(",")
        if not absent_terms.strip():
            problems.append("no absent_terms")
        for term in terms:
            if term != term.strip() or not term or term != term.lower():
                problems.append(f"absent term must be trimmed, lower case, non-empty: {term!r}")
                continue
            if term not in query.lower():
                problems.append(f"absent term {term!r} is not in the query")
            for name, text in lowered.items():
                if term in text:
                    problems.append(f"absent term {term!r} occurs in {name}")

        for problem in problems:
            failures.append(f"{tsv.name}:{number}: {problem}\n    {line}")
    return len(rows), failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, required=True, help="folder with the notes files")
    parser.add_argument("--queries", type=Path, default=DEFAULT_QUERIES, help="the student query set")
    parser.add_argument("--off-topic", type=Path, default=DEFAULT_OFF_TOPIC, help="the off-topic set")
    parser.add_argument("--dev", type=Path, help="search-dev.tsv, whose queries the student set must not reuse")
    args = parser.parse_args()
    if not args.notes.is_dir():
        print(f"no notes folder at {args.notes}")
        return 1
    notes = load_notes(args.notes)
    if not notes:
        print(f"no notes files in {args.notes}")
        return 1
    bodies = {name: body_lines(name, text) for name, text in notes.items()}
    copied = set()
    for text in notes.values():
        tokens = words(text)
        copied.update(tuple(tokens[i:i + COPY_NGRAM]) for i in range(len(tokens) - COPY_NGRAM + 1))

    dev_queries = set()
    try:
        if args.dev:
            for line in args.dev.read_text(encoding="utf-8").split("\n")[1:]:
                fields = line.split("\t")
                if len(fields) > 1:
                    dev_queries.add(" ".join(words(fields[1])))
        seen_queries = {}
        checked, failures = check_students(args.queries, notes, bodies, copied, seen_queries, dev_queries)
        more, more_failures = check_off_topic(args.off_topic, notes, copied, seen_queries)
    except OSError as error:
        print(f"cannot read a set: {error}")
        return 1
    failures += more_failures
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{checked + more} ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
