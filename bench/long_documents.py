#!/usr/bin/env python3
"""Long real documents: the Debian Reference in French and Spanish (HTML chapters and a PDF each).

  long_documents.py FOLDER PORT [REPEATS]

FOLDER holds the HTML chapters (ch01.fr.html …); Sonda must be serving its index on 127.0.0.1:PORT with
`--files FOLDER`. The queries come from the chapters themselves, read here with Python's own HTML parser:
every h2/h3 heading with an anchor, its numbering dropped ("5.6. Infrastructure de netfilter" →
"Infrastructure de netfilter"), searched in its language with passages=5. Reported as JSON:
- chapter@10: the heading's chapter is in the first ten hits;
- section@1 / section@5: the chapter's best passage / one of its five passages is in that section (its
  anchor, or its heading for a table's or a paragraph's anchor inside it);
- pdf@10 and pdf_page: the same language's PDF is in the first ten, and its best passage has a page;
- layout: passages whose text keeps runs of spaces or blank lines; toc: passages that are dot-leader lines;
- file: a PDF hit's original file is served (200, application/pdf);
- latency: median and p95 of the requests in ms (each query REPEATS times, 3 by default)."""
import html.parser, json, re, statistics, sys, time, urllib.parse, urllib.request
from pathlib import Path

NUMBERING = re.compile(r"^\s*([0-9A-Z]+\.)+[0-9]*\s*")
LEADERS = re.compile(r"(\.\s?){6,}\s*\d+\s*$", re.MULTILINE)
LAYOUT = re.compile(r"  |\n[ \t]*\n[ \t]*\n|\n[ \t]+\S")


class Headings(html.parser.HTMLParser):
    """(anchor, heading text) of every h2/h3 that holds an element with an id (DocBook's form)."""

    def __init__(self):
        super().__init__()
        self.found, self.inside, self.anchor, self.text = [], False, "", []

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self.inside, self.anchor, self.text = True, dict(attrs).get("id") or "", []
        elif self.inside and not self.anchor:
            self.anchor = dict(attrs).get("id") or ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self.inside:
            self.inside = False
            text = NUMBERING.sub("", " ".join("".join(self.text).split()))
            if self.anchor and len(text.split()) >= 2:
                self.found.append((self.anchor, text))

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def cases(folder):
    out = []
    for chapter in sorted(Path(folder).glob("ch*.*.html")):
        lang = chapter.name.split(".")[1]
        parser = Headings()
        parser.feed(chapter.read_text(encoding="utf-8", errors="replace"))
        out += [{"q": text, "lang": lang, "chapter": chapter.name, "anchor": anchor} for anchor, text in parser.found]
    return out


def in_section(section, case):
    """Whether a hit's `section` is the case's: its anchor, or (a table's or a paragraph's anchor inside it)
    its heading."""
    if not section:
        return False
    heading = NUMBERING.sub("", " ".join(section.get("heading", "").split()))
    return section.get("anchor") == case["anchor"] or heading == case["q"]


def get(port, path, params=None):
    url = f"http://127.0.0.1:{port}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body, headers = response.read(), response.headers
    return body, headers, (time.perf_counter() - started) * 1000


def share(count, total):
    return round(count / total, 4) if total else None


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    counts = dict(chapter=0, section1=0, section5=0, pdf=0, pdf_page=0, passages=0, layout=0, toc=0, file_ok=0, files=0)
    times, examples = [], {"layout": [], "toc": []}
    all_cases = cases(folder)
    for case in all_cases:
        params = {"q": case["q"], "lang": case["lang"], "passages": 5, "hitsPerPage": 10}
        for _ in range(repeats):
            body, _, ms = get(port, "/search", params)
            times.append(ms)
        hits = json.loads(body)["hits"]
        chapter = next((h for h in hits if h["id"] == case["chapter"]), None)
        if chapter:
            counts["chapter"] += 1
            sections = [p.get("section") for p in chapter.get("passages", [])]
            counts["section1"] += in_section(chapter.get("section"), case)
            counts["section5"] += any(in_section(section, case) for section in sections)
        pdf = next((h for h in hits if h["id"].endswith(".pdf")), None)
        if pdf:
            counts["pdf"] += 1
            counts["pdf_page"] += isinstance(pdf.get("page"), int)
            if pdf.get("file") and counts["files"] < 5:
                _, headers, _ = get(port, pdf["file"])
                counts["files"] += 1
                counts["file_ok"] += headers.get("Content-Type") == "application/pdf"
        for hit in hits:
            for passage in hit.get("passages", []):
                text = re.sub(r"</?mark>", "", passage.get("snippet", ""))
                counts["passages"] += 1
                for kind, pattern in (("layout", LAYOUT), ("toc", LEADERS)):
                    if pattern.search(text):
                        counts[kind] += 1
                        if len(examples[kind]) < 3:
                            examples[kind].append({"id": hit["id"], "text": text[:160]})
    total = len(all_cases)
    print(json.dumps({
        "queries": total,
        "chapter_at_10": share(counts["chapter"], total),
        "section_at_1": share(counts["section1"], counts["chapter"]),
        "section_at_5": share(counts["section5"], counts["chapter"]),
        "pdf_at_10": share(counts["pdf"], total),
        "pdf_page": share(counts["pdf_page"], counts["pdf"]),
        "passages": counts["passages"],
        "layout_passages": share(counts["layout"], counts["passages"]),
        "toc_passages": share(counts["toc"], counts["passages"]),
        "files_served": f"{counts['file_ok']}/{counts['files']}",
        "latency_ms": {"requests": len(times), "median": round(statistics.median(times), 2),
                       "p95": round(statistics.quantiles(times, n=20)[18], 2)},
        "examples": examples,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
