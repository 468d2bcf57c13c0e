#!/usr/bin/env python3
"""Writes one calls export twice, as calls.csv and as calls.xlsx, for timing the .xlsx reader
against the CSV reader on the same cells (README "Performance", bench/RESULTS.md).

    python3 bench/gen_xlsx.py OUT_DIR [ROWS]        (default 200000 rows x 8 columns)

The workbook is written as Excel writes one: text as shared strings, the start as a date serial
with a date-time format, the minutes as numbers with a number format, a <dimension>, deflate.
The CSV holds the same values as the workbook shows them. Standard library only.
"""

import os
import random
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = ["client", "started_at", "duration", "direction", "tags", "notes", "agent", "queue"]


def rows(count, rng):
    clients = [f"Client {i:05d}" for i in range(2000)]
    notes = ["left a message", "asked about the invoice", "wants a discount, again", "angry about \"delays\"",
             "follow-up", "called twice", "escalated to the manager", ""]
    tags = ["", "", "", "threat", "rude;escalation", "rework"]
    agents = [f"agent{i}" for i in range(40)]
    start = 46266  # 2026-09-01
    for _ in range(count):
        day = start + rng.randrange(60)
        seconds = rng.randrange(7 * 3600, 22 * 3600)
        yield [rng.choice(clients), day + seconds / 86400.0, round(rng.uniform(0.5, 45.0), 1),
               rng.choice(["inbound", "outbound"]), rng.choice(tags), rng.choice(notes), rng.choice(agents),
               rng.choice(["support", "billing", "sales"])]


def timestamp(serial):
    import datetime
    seconds = round(serial * 86400)
    when = datetime.datetime(1899, 12, 30) + datetime.timedelta(seconds=seconds)
    return when.strftime("%Y-%m-%d %H:%M:%S")


def csv_field(text):
    if any(c in text for c in ',";\t|\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def column(i):
    return "ABCDEFGH"[i]


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(42)
    data = list(rows(count, rng))

    with open(os.path.join(out, "calls.csv"), "w", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for r in data:
            cells = [r[0], timestamp(r[1]), f"{r[2]:g}", r[3], r[4], r[5], r[6], r[7]]
            f.write(",".join(csv_field(c) for c in cells) + "\n")

    strings = {}

    def shared(text):
        if text not in strings:
            strings[text] = len(strings)
        return strings[text]

    sheet = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'
             f'<dimension ref="A1:H{count + 1}"/><sheetData>']
    sheet.append('<row r="1">' + "".join(f'<c r="{column(i)}1" t="s"><v>{shared(h)}</v></c>'
                                         for i, h in enumerate(HEADER)) + "</row>")
    for n, r in enumerate(data, start=2):
        cells = []
        for i, value in enumerate(r):
            ref = f"{column(i)}{n}"
            if i == 1:
                cells.append(f'<c r="{ref}" s="1"><v>{value!r}</v></c>')
            elif i == 2:
                cells.append(f'<c r="{ref}" s="2"><v>{value!r}</v></c>')
            elif value:
                cells.append(f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>')
        sheet.append(f'<row r="{n}" spans="1:8">' + "".join(cells) + "</row>")
    sheet.append("</sheetData></worksheet>")
    sst = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{NS}" uniqueCount="{len(strings)}">']
    sst += [f'<si><t xml:space="preserve">{xml_escape(s)}</t></si>' for s in strings]
    sst.append("</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
                           f'<sheet name="calls" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                      f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                                      f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
                                      f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0"?><styleSheet xmlns="{NS}"><numFmts count="1">'
                         f'<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
                         f'<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
                         f'<xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": "".join(sst),
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    with zipfile.ZipFile(os.path.join(out, "calls.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


if __name__ == "__main__":
    main()
