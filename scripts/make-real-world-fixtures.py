#!/usr/bin/env python3
"""Makes test/fixtures/real-world/: files as provincial offices really produce them, each case a folder of
files that replace (or sit beside) the files of the sample workspace (fixtures/sample). Each case is named
after what it imitates; test/io/real-world.test.ts says what the tool must do with it: give the sample's
own outcome, or stop with a located Vietnamese error. Written with openpyxl; the .xls and .ods copies by
gnumeric's ssconvert and LibreOffice (see make-real-world-fixtures.sh).

usage: make-real-world-fixtures.py <sample> <out>
"""
import datetime
import os
import shutil
import sys
import unicodedata

from openpyxl import Workbook, load_workbook

sample, out = sys.argv[1], sys.argv[2]


def case(name):
    path = os.path.join(out, name)
    os.makedirs(path, exist_ok=True)
    return path


def load(rel, data_only=True):
    # data_only: formulas are replaced by their cached values (openpyxl keeps no cached value on save).
    return load_workbook(os.path.join(sample, rel), data_only=data_only)


def save(wb, folder, rel):
    target = os.path.join(folder, rel)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    wb.save(target)


def header_row(ws, first):
    for row in ws.iter_rows(min_row=1, max_row=30):
        if row[0].value == first:
            return row[0].row
    raise ValueError(f"no header {first} in {ws.title}")


# 1. A self-report whose assessment column is headed as offices write it: not read, a warning.
wb = load("2024/self-reports/STC.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.cell(row=h, column=6).value = "Thẩm định của Sở TT&TT"
for r in range(h + 1, ws.max_row + 1):
    ws.cell(row=r, column=6).value = "Đạt"
save(wb, case("appraisal-column-of-so-tt-tt"), "2024/self-reports/STC.xlsx")

# 2. The follow-up saved with another name or format: read all the same.
wb = load("2024/follow-up.xlsx")
save(wb, case("follow-up-capitalised"), "2024/Follow-up.xlsx")
save(wb, case("follow-up-double-extension"), "2024/follow-up.xlsx.xlsx")
save(wb, os.path.join(out, "_stage"), "follow-up.xlsx")
save(load("2023/scores.xlsx"), os.path.join(out, "_stage"), "scores-2023.xlsx")

# 3. A stale "Năm 2023" sheet, hidden, beside the follow-up: not read (a warning).
wb = load("2024/follow-up.xlsx")
stale = wb.copy_worksheet(wb.active)
stale.title = "Năm 2023"
h = header_row(stale, "Mã đơn vị")
stale.cell(row=h + 1, column=3).value = "Có"  # a review demanded, last year
stale.sheet_state = "hidden"
save(wb, case("hidden-stale-sheet-in-follow-up"), "2024/follow-up.xlsx")

# 4. A hidden sheet in the units file with a phantom deputy: not read (a warning).
wb = load("2024/units.xlsx")
ghost = wb.copy_worksheet(wb.active)
ghost.title = "Cũ"
h = header_row(ghost, "Mã đơn vị")
ghost.append(["STTTT", "Sở Thông tin và Truyền thông", "SBN", "Cơ quan chuyên môn", "Người Ma", "Phó Giám đốc",
              "Cấp phó được phân công", "", "", "Tất cả", "QĐ 1", "Có", ""])
ghost.sheet_state = "hidden"
save(wb, case("hidden-sheet-with-phantom-deputy"), "2024/units.xlsx")

# 5. Two visible sheets of the follow-up that differ: an error listing them.
wb = load("2024/follow-up.xlsx")
other = wb.copy_worksheet(wb.active)
other.title = "Bản sửa"
h = header_row(other, "Mã đơn vị")
first = other.cell(row=h + 1, column=2)
first.value = "Không" if first.value == "Có" else "Có"
save(wb, case("two-visible-follow-up-sheets"), "2024/follow-up.xlsx")

# 6. A sheet with part of the units headers beside the full one: said, the full one read.
wb = load("2024/units.xlsx")
part = wb.create_sheet("Nháp")
part.append(["Mã đơn vị", "Tên đơn vị", "Khối", "Họ và tên"])
part.append(["STTTT", "Sở Thông tin và Truyền thông", "SBN", "Người Nháp"])
save(wb, case("partial-header-sheet-in-units"), "2024/units.xlsx")

# 7. An old score column kept hidden, the corrected one beside it: an error, never the hidden column silently.
wb = load("2024/scores.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.cell(row=h, column=7).value = "Điểm ICT Index (đã sửa)"
for r in range(h + 1, ws.max_row + 1):
    v = ws.cell(row=r, column=5).value
    ws.cell(row=r, column=7).value = v
ws.cell(row=h + 1, column=5).value = 0.1  # the old, wrong score of VPUB
ws.column_dimensions["E"].hidden = True
save(wb, case("hidden-old-score-column"), "2024/scores.xlsx")

# 8. A blank row inside the units table, before a deputy: the deputy is still read.
wb = load("2024/units.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.insert_rows(h + 2)
save(wb, case("blank-row-before-a-deputy"), "2024/units.xlsx")

# 9. A self-report with its unit code merged over all its rows (written once): every row read.
wb = load("2024/self-reports/SYT.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
last = ws.max_row
for r in range(h + 2, last + 1):
    ws.cell(row=r, column=1).value = None
ws.merge_cells(start_row=h + 1, start_column=1, end_row=last, end_column=1)
save(wb, case("unit-code-merged-over-its-rows"), "2024/self-reports/SYT.xlsx")

# 10. The Sở's long assessment with a status merged over a section's rows: every row takes it.
wb = Workbook()
ws = wb.active
ws.title = "Đánh giá"
ws.append(["Mã đơn vị", "Mã tiêu chí", "Kết quả đánh giá", "Ghi chú"])
src = load("2024/assessment.xlsx").active
hh = header_row(src, "Mã đơn vị")
items = [src.cell(row=hh, column=c).value for c in range(3, 25)]
for r in range(hh + 1, src.max_row + 1):
    unit = src.cell(row=r, column=1).value
    if unit is None:
        continue
    for i, item in enumerate(items):
        ws.append([unit, item, src.cell(row=r, column=3 + i).value, src.cell(row=r, column=25).value])
# HMT (every item Đạt): its 9 items of Mục 2 written once, merged over the section.
rows = [row[0].row for row in ws.iter_rows(min_row=2) if row[0].value == "HMT" and str(row[1].value).startswith("2.")]
for r in rows[1:]:
    ws.cell(row=r, column=3).value = None
ws.merge_cells(start_row=rows[0], start_column=3, end_row=rows[-1], end_column=3)
save(wb, case("assessment-merged-over-a-section"), "2024/assessment.xlsx")
with open(os.path.join(case("assessment-merged-over-a-section"), "remove.txt"), "w") as f:
    f.write("2024/assessment.xlsx\n")

# 11. The same deputy twice: an error.
wb = load("2024/units.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.append([c.value for c in ws[h + 2]])
save(wb, case("same-deputy-twice"), "2024/units.xlsx")

# 12. A ',' CSV of last year's scores with unquoted decimal commas: an error naming the cause.
os.makedirs(os.path.join(case("comma-csv-with-decimal-commas"), "2023"), exist_ok=True)
with open(os.path.join(out, "comma-csv-with-decimal-commas", "2023", "scores.csv"), "w", encoding="utf-8-sig") as f:
    f.write("Mã đơn vị,Tên đơn vị,Khối,Điểm ICT Index\n")
    src = load("2023/scores.xlsx").active
    hh = header_row(src, "Mã đơn vị")
    for r in range(hh + 1, src.max_row + 1):
        code, name, block, score = (src.cell(row=r, column=c).value for c in (1, 2, 3, 5))
        if code is None:
            continue
        quoted = f'"{name}"' if "," in name else name  # as Excel writes names; only the decimal comma is wrong
        f.write(f"{code},{quoted},{block},{str(score).replace('.', ',')}\n")
with open(os.path.join(case("comma-csv-with-decimal-commas"), "remove.txt"), "w") as f:
    f.write("2023/scores.xlsx\n")

# 13. One score on another scale (48 among scores of 0-1): an error naming the cell.
wb = load("2024/scores.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.cell(row=h + 3, column=5).value = 48
save(wb, case("score-on-another-scale"), "2024/scores.xlsx")

# 14. Scores of 65-92 with one cell formatted as a percent, read as 0.725: an error naming the cell.
wb = load("2024/scores.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
for r in range(h + 1, ws.max_row + 1):
    v = ws.cell(row=r, column=5).value
    if isinstance(v, (int, float)):
        ws.cell(row=r, column=5).value = round(v * 100, 2)
ws.cell(row=h + 2, column=5).value = 0.725
ws.cell(row=h + 2, column=5).number_format = "0.0%"
save(wb, case("percent-cell-among-scores-of-100"), "2024/scores.xlsx")

# 15. Period dates as ISO date cells (t="d", no zone): the calendar dates, in every time zone.
wb = load("2024/units.xlsx")
wb.iso_dates = True
ws = wb.active
for row in ws.iter_rows():
    if row[0].value == "SXD" and row[7].value:
        d, m, y = (int(x) for x in str(row[7].value).split("/"))
        row[7].value = datetime.datetime(y, m, d)
        d, m, y = (int(x) for x in str(row[8].value).split("/"))
        row[8].value = datetime.datetime(y, m, d)
save(wb, case("iso-date-cells"), "2024/units.xlsx")

# 16. A header 16 380 columns wide in the scores file: no crash, the extra columns cut.
wb = load("2024/scores.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
for c in range(7, 16381):
    ws.cell(row=h, column=c).value = f"Cột {c}"
save(wb, case("header-16380-columns-wide"), "2024/scores.xlsx")

# 17. A soft hyphen inside a unit code and a lookalike Ð in a status: read as the code and the letter.
wb = load("2024/self-reports/STP.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.cell(row=h + 1, column=1).value = "ST\u00adP"
ws.cell(row=h + 2, column=3).value = "\u00d0ạt"
save(wb, case("soft-hyphen-and-lookalike-letter"), "2024/self-reports/STP.xlsx")

# 18. A Cyrillic letter in a code (SТP): an error that shows the foreign letter.
wb = load("2024/self-reports/STP.xlsx")
ws = wb.active
h = header_row(ws, "Mã đơn vị")
ws.cell(row=h + 1, column=1).value = "S\u0422P"
save(wb, case("cyrillic-letter-in-a-code"), "2024/self-reports/STP.xlsx")

# 19. A workbook renamed .csv, and a CSV with a quote never closed: named as such.
os.makedirs(os.path.join(out, "workbook-renamed-csv", "2024"), exist_ok=True)
shutil.copy(os.path.join(sample, "2024", "follow-up.xlsx"), os.path.join(out, "workbook-renamed-csv", "2024", "follow-up.csv"))
with open(os.path.join(out, "workbook-renamed-csv", "remove.txt"), "w") as f:
    f.write("2024/follow-up.xlsx\n")
os.makedirs(os.path.join(out, "unclosed-quote-csv", "2024"), exist_ok=True)
with open(os.path.join(out, "unclosed-quote-csv", "2024", "follow-up.csv"), "w", encoding="utf-8") as f:
    f.write("Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt,Căn cứ / ghi chú\n")
    f.write('SYT,Có,Không,Không,"Chậm triển khai Kết luận số 45\n')
    f.write("HQV,Có,Không,Không,\n")
with open(os.path.join(out, "unclosed-quote-csv", "remove.txt"), "w") as f:
    f.write("2024/follow-up.xlsx\n")

# ---- Third round (product.md v3): hidden rows, Excel's dates, codes naming nothing, legacy encodings, two-row
# headers, group and total rows, closing blocks, one mistake one message.

# A real TCVN3 (ABC) table, and VNI-Windows', from Unicode: what Vietkey or Unikey typed into .VnTime / VNI-Times cells.
TCVN3 = {
    "á": "\u00b8", "à": "\u00b5", "ả": "\u00b6", "ã": "\u00b7", "ạ": "\u00b9",
    "ă": "\u00a8", "ắ": "\u00be", "ằ": "\u00bb", "ẳ": "\u00bc", "ẵ": "\u00bd", "ặ": "\u00c6",
    "â": "\u00a9", "ấ": "\u00ca", "ầ": "\u00c7", "ẩ": "\u00c8", "ẫ": "\u00c9", "ậ": "\u00cb",
    "đ": "\u00ae", "é": "\u00d0", "è": "\u00cc", "ẻ": "\u00ce", "ẽ": "\u00cf", "ẹ": "\u00d1",
    "ê": "\u00aa", "ế": "\u00d5", "ề": "\u00d2", "ể": "\u00d3", "ễ": "\u00d4", "ệ": "\u00d6",
    "í": "\u00dd", "ì": "\u00d7", "ỉ": "\u00d8", "ĩ": "\u00dc", "ị": "\u00de",
    "ó": "\u00e3", "ò": "\u00df", "ỏ": "\u00e1", "õ": "\u00e2", "ọ": "\u00e4",
    "ô": "\u00ab", "ố": "\u00e8", "ồ": "\u00e5", "ổ": "\u00e6", "ỗ": "\u00e7", "ộ": "\u00e9",
    "ơ": "\u00ac", "ớ": "\u00ed", "ờ": "\u00ea", "ở": "\u00eb", "ỡ": "\u00ec", "ợ": "\u00ee",
    "ú": "\u00f3", "ù": "\u00ef", "ủ": "\u00f1", "ũ": "\u00f2", "ụ": "\u00f4",
    "ư": "\u00ad", "ứ": "\u00f8", "ừ": "\u00f5", "ử": "\u00f6", "ữ": "\u00f7", "ự": "\u00f9",
    "ý": "\u00fd", "ỳ": "\u00fa", "ỷ": "\u00fb", "ỹ": "\u00fc", "ỵ": "\u00fe",
    "Ă": "\u00a1", "Â": "\u00a2", "Ê": "\u00a3", "Ô": "\u00a4", "Ơ": "\u00a5", "Ư": "\u00a6", "Đ": "\u00a7",
}


def to_tcvn3(text):
    # Capitals with a tone are typed in .VnTimeH with the lower-case codes (the font draws them as capitals).
    return "".join(TCVN3.get(c, TCVN3.get(c.lower(), c)) for c in text)


VNI_TONES = ["", "\u00f9", "\u00f8", "\u00fb", "\u00f5", "\u00ef"]
VNI_HAT = ["\u00e2", "\u00e1", "\u00e0", "\u00e5", "\u00e3", "\u00e4"]
VNI_BREVE = ["\u00ea", "\u00e9", "\u00e8", "\u00fa", "\u00fc", "\u00eb"]
VNI = {}
for base, marks, letters in (
    ("a", VNI_TONES, "aáàảãạ"), ("a", VNI_HAT, "âấầẩẫậ"), ("a", VNI_BREVE, "ăắằẳẵặ"),
    ("e", VNI_TONES, "eéèẻẽẹ"), ("e", VNI_HAT, "êếềểễệ"), ("o", VNI_TONES, "oóòỏõọ"), ("o", VNI_HAT, "ôốồổỗộ"),
    ("\u00f4", VNI_TONES, "ơớờởỡợ"), ("u", VNI_TONES, "uúùủũụ"), ("\u00f6", VNI_TONES, "ưứừửữự"),
    ("y", VNI_TONES[:5], "yýỳỷỹ"),
):
    for mark, letter in zip(marks, letters):
        VNI[letter] = base + mark
        VNI[letter.upper()] = base.upper() + mark.upper()
VNI.update({"í": "\u00ed", "ì": "\u00ec", "ỉ": "\u00e6", "ĩ": "\u00f3", "ị": "\u00f2", "ỵ": "\u00ee", "đ": "\u00f1",
            "Í": "\u00cd", "Ì": "\u00cc", "Ỉ": "\u00c6", "Ĩ": "\u00d3", "Ị": "\u00d2", "Ỵ": "\u00ce", "Đ": "\u00d1"})


def to_vni(text):
    return "".join(VNI.get(c, c) for c in text)


def header_row_of(ws, first="Mã đơn vị"):
    return header_row(ws, first)


def remove(name, rel):
    with open(os.path.join(case(name), "remove.txt"), "w") as f:
        f.write(rel + "\n")


# 20. A withdrawn follow-up row, hidden instead of deleted (a unit marked slow): an error naming the hidden row.
wb = load("2024/follow-up.xlsx")
ws = wb.active
ws.append(["SGTVT", "Có", "Không", "", "Không", "", "Đã rút: đơn vị đã triển khai đúng hạn"])
ws.row_dimensions[ws.max_row].hidden = True
save(wb, case("hidden-withdrawn-follow-up-row"), "2024/follow-up.xlsx")

# 21. The scores filtered with an AutoFilter (block HUYEN only shown): the filtered-out rows are hidden data.
wb = load("2024/scores.xlsx")
ws = wb.active
h = header_row_of(ws)
ws.auto_filter.ref = f"A{h}:F{ws.max_row}"
ws.auto_filter.add_filter_column(2, ["HUYEN"])
for r in range(h + 1, ws.max_row + 1):
    if ws.cell(row=r, column=3).value != "HUYEN":
        ws.row_dimensions[r].hidden = True
save(wb, case("autofilter-hides-score-rows"), "2024/scores.xlsx")

# 22. A hidden copy of a visible row of the units file: a warning, the visible row read.
wb = load("2024/units.xlsx")
ws = wb.active
h = header_row_of(ws)
ws.append([c.value for c in ws[h + 3]])
ws.row_dimensions[ws.max_row].hidden = True
save(wb, case("hidden-copy-of-a-units-row"), "2024/units.xlsx")

# 23. A deputy's sections written as a range, with an en dash and the word "Mục": 1, 2.
wb = load("2024/units.xlsx")
ws = wb.active
for row in ws.iter_rows():
    if row[0].value == "TPAL" and row[9].value:
        row[9].value = "Mục 1 \u2013 2"
save(wb, case("deputy-sections-as-a-range"), "2024/units.xlsx")

# 24. "2-4" typed in a General cell: Excel made it the date 02/04 (vi-VN). An error, never a guess.
wb = load("2024/units.xlsx")
ws = wb.active
for row in ws.iter_rows():
    if row[0].value == "VPUB" and row[9].value:
        row[9].value = datetime.datetime(2024, 4, 2)
        row[9].number_format = "dd/mm/yyyy"
save(wb, case("deputy-sections-made-a-date"), "2024/units.xlsx")

# 25. The wide assessment's header "1.1" turned by Excel into the date 01/01: an error naming the cell.
wb = load("2024/assessment.xlsx")
ws = wb.active
h = header_row_of(ws)
ws.cell(row=h, column=3).value = datetime.datetime(2024, 1, 1)
ws.cell(row=h, column=3).number_format = "dd/mm"
save(wb, case("assessment-header-made-a-date"), "2024/assessment.xlsx")

# 26. A previous code that names nothing (a typo), and a unit's name typed in the code column.
wb = load("2024/units.xlsx")
ws = wb.active
for row in ws.iter_rows():
    if row[0].value == "HGB" and row[12].value:
        row[12].value = "HGB, HVQ"
    if row[0].value == "TXDP" and row[12].value:
        row[12].value = "Huyện Đông Phú"
save(wb, case("previous-code-names-nothing"), "2024/units.xlsx")

# 27. The units file typed with .VnTime fonts (TCVN3): names and positions in the legacy table.
wb = load("2024/units.xlsx")
ws = wb.active
h = header_row_of(ws)
for r in range(h + 1, ws.max_row + 1):
    for c in (2, 5, 6):
        v = ws.cell(row=r, column=c).value
        if isinstance(v, str):
            ws.cell(row=r, column=c).value = to_tcvn3(v)
            ws.cell(row=r, column=c).font = ws.cell(row=r, column=c).font.copy(name=".VnTime")
save(wb, case("units-typed-in-tcvn3"), "2024/units.xlsx")

# 28. A self-report whose statuses and evidence are typed with VNI-Times (VNI Windows).
wb = load("2024/self-reports/SYT.xlsx")
ws = wb.active
h = header_row_of(ws)
for r in range(h + 1, ws.max_row + 1):
    for c in (3, 4, 5):
        v = ws.cell(row=r, column=c).value
        if isinstance(v, str):
            ws.cell(row=r, column=c).value = to_vni(v)
save(wb, case("self-report-typed-in-vni"), "2024/self-reports/SYT.xlsx")

# 29. The units header on two rows: "Thời gian giữ chức vụ" merged over "Từ ngày" / "Đến ngày", the other headers
# merged down over both rows; and the numbering row "(1) (2) …" under it, as official tables have.
wb = load("2024/units.xlsx")
ws = wb.active
h = header_row_of(ws)
ws.insert_rows(h + 1, 2)
width = 13
for c in range(1, width + 1):
    if c in (8, 9):
        continue
    ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c)
ws.cell(row=h + 1, column=8).value = "Từ ngày"
ws.cell(row=h + 1, column=9).value = "Đến ngày"
ws.cell(row=h, column=8).value = "Thời gian giữ chức vụ"
ws.cell(row=h, column=9).value = None
ws.merge_cells(start_row=h, start_column=8, end_row=h, end_column=9)
for c in range(1, width + 1):
    ws.cell(row=h + 2, column=c).value = f"({c})"
save(wb, case("units-header-on-two-rows"), "2024/units.xlsx")

# 30. The scores as the index publishes them: group rows "I. KHỐI SỞ, BAN, NGÀNH", "II. KHỐI UBND CẤP HUYỆN", an
# average row, and the scores typed as text percentages with a decimal comma ("77,05%").
src = load("2024/scores.xlsx").active
hh = header_row(src, "Mã đơn vị")
wb = Workbook()
ws = wb.active
ws.title = "ICT Index 2024"
for r in range(1, hh + 1):
    ws.append([src.cell(row=r, column=c).value for c in range(1, 7)])
groups = {"SBN": "I. KHỐI SỞ, BAN, NGÀNH", "HUYEN": "II. KHỐI UBND CẤP HUYỆN"}
current = None
total = 0.0
count = 0
for r in range(hh + 1, src.max_row + 1):
    values = [src.cell(row=r, column=c).value for c in range(1, 7)]
    if values[0] is None:
        continue
    if values[2] != current:
        current = values[2]
        ws.append([None, groups.get(current, current)])
    score = values[4]
    if isinstance(score, (int, float)):
        total += score
        count += 1
        text = f"{score * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"
        values[4] = text
    ws.append(values)
ws.append([None, "Trung bình", None, None, f"{total / count * 100:.2f}".replace(".", ",") + "%"])
save(wb, case("scores-with-group-rows-and-text-percentages"), "2024/scores.xlsx")

# 31. The follow-up with the closing block of a công văn: "Nơi nhận:" in column A (NĐ 30/2020), "- Như trên;",
# "- Lưu: VT.", then "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" and the signer's name further right.
wb = load("2024/follow-up.xlsx")
ws = wb.active
ws.append([])
ws.append(["Nơi nhận:", None, None, None, "KT. GIÁM ĐỐC"])
ws.append(["- Như trên;", None, None, None, "PHÓ GIÁM ĐỐC"])
ws.append(["- Lưu: VT, KHTC."])
ws.append([])
ws.append([None, None, None, None, "Trần Minh Khoa"])
save(wb, case("closing-block-in-the-first-column"), "2024/follow-up.xlsx")

# 32. A self-report sent twice (the mail client's "STC (1).xlsx"): one error naming both files.
os.makedirs(os.path.join(case("self-report-sent-twice"), "2024", "self-reports"), exist_ok=True)
shutil.copy(os.path.join(sample, "2024", "self-reports", "STC.xlsx"),
            os.path.join(out, "self-report-sent-twice", "2024", "self-reports", "STC (1).xlsx"))

# 33. A units file that cannot be opened (saved half-way, a zip cut short): its own error, and no knock-on one about
# the follow-up's reward recipient.
os.makedirs(os.path.join(case("units-file-cut-short"), "2024"), exist_ok=True)
with open(os.path.join(sample, "2024", "units.xlsx"), "rb") as f:
    data = f.read()
with open(os.path.join(out, "units-file-cut-short", "2024", "units.xlsx"), "wb") as f:
    f.write(data[: len(data) // 2])

# 34. Two visible follow-up sheets whose names differ only in Unicode form (NFC and NFD): told apart in the error.
wb = load("2024/follow-up.xlsx")
other = wb.copy_worksheet(wb.active)
other.title = unicodedata.normalize("NFD", wb.active.title)
hh2 = header_row(other, "Mã đơn vị")
cell = other.cell(row=hh2 + 1, column=2)
cell.value = "Không" if cell.value == "Có" else "Có"
save(wb, case("sheet-names-in-two-unicode-forms"), "2024/follow-up.xlsx")

# Cases whose files are made by ssconvert and LibreOffice (see the .sh): they replace the .xlsx.
for name, rel in (("follow-up-as-xls", "2024/follow-up.xlsx"), ("follow-up-as-ods", "2024/follow-up.xlsx"),
                  ("last-year-scores-as-xls", "2023/scores.xlsx"), ("follow-up-capitalised", "2024/follow-up.xlsx"),
                  ("follow-up-double-extension", "2024/follow-up.xlsx")):
    with open(os.path.join(case(name), "remove.txt"), "w") as f:
        f.write(rel + "\n")
