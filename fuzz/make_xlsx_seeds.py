#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_xlsx (fuzz/seeds/xlsx/): small workbooks made with openpyxl
(Debian's python3-openpyxl), each behind the mode byte fuzz/fuzz_xlsx.cpp reads first.

    /usr/bin/python3 fuzz/make_xlsx_seeds.py

Mode 0 seeds are whole .xlsx files; modes 1-3 are the sheet, shared-strings and styles XML of
one of them, taken out of the archive so that the fuzzer mutates XML rather than deflate.
"""

import datetime
import io
import os
import zipfile

import openpyxl

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seeds", "xlsx")


def invoices_book():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    notes.append(["exported 2026-10-01"])
    sheet = book.create_sheet("invoices")
    sheet.append(["client", "invoice_id", "issued_at", "due_at", "paid_at", "amount", "currency", "disputed"])
    sheet.append(["Acme, Inc.", "INV-1", datetime.date(2026, 9, 1), datetime.datetime(2026, 10, 1, 12, 30),
                  None, 1250.5, "EUR", False])
    sheet.append(["Beta \"B\"", "INV-2", datetime.date(2026, 9, 2), datetime.date(2026, 9, 30),
                  datetime.date(2026, 9, 29), 99.99, "USD", True])
    sheet.append([])
    sheet.append(["Gamma\nline two", "INV-3", datetime.date(2026, 9, 3), None, None, "=F2*2", "EUR", None])
    sheet["C5"].number_format = "dd/mm/yyyy"
    sheet["F3"].number_format = "#,##0.00"
    return book


def calls_book():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "calls"
    sheet.append(["client", "started_at", "duration", "direction", "tags", "notes"])
    sheet.append(["Acme", datetime.datetime(2026, 9, 1, 22, 15), datetime.timedelta(minutes=12), "inbound",
                  "threat;rude", "angry"])
    sheet.append(["Acme", datetime.datetime(2026, 9, 5, 9, 0), 3.5, "outbound", None, None])
    sheet["C2"].number_format = "[h]:mm:ss"
    return book


def book_bytes(book, date1904=False):
    if date1904:
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    books = {
        "invoices": book_bytes(invoices_book()),
        "calls": book_bytes(calls_book()),
        "invoices-1904": book_bytes(invoices_book(), date1904=True),
    }
    for name, data in books.items():
        with open(os.path.join(OUT, f"0-{name}.xlsx"), "wb") as f:
            f.write(b"\x00" + data)
    with zipfile.ZipFile(io.BytesIO(books["invoices"])) as archive:
        parts = {name.lower(): archive.read(name) for name in archive.namelist()}
    for mode, part in ((1, "xl/worksheets/sheet2.xml"), (3, "xl/styles.xml")):
        with open(os.path.join(OUT, f"{mode}-{os.path.basename(part)}"), "wb") as f:
            f.write(bytes([mode]) + parts[part])
    # openpyxl writes inline strings only: the shared strings seed is written out here, with the
    # forms Excel uses (rich runs, phonetic runs, escapes, preserved spaces).
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
               '<si><t>client</t></si><si><t xml:space="preserve"> issued_at </t></si>'
               '<si><r><rPr><b/></rPr><t>amo</t></r><r><t>unt</t></r></si>'
               '<si><t>Acme_x000D_</t><rPh sb="0" eb="1"><t>AKME</t></rPh><phoneticPr fontId="1"/></si></sst>')
    with open(os.path.join(OUT, "2-sharedStrings.xml"), "wb") as f:
        f.write(b"\x02" + strings.encode())


if __name__ == "__main__":
    main()
