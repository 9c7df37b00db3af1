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

# Cases whose files are made by ssconvert and LibreOffice (see the .sh): they replace the .xlsx.
for name, rel in (("follow-up-as-xls", "2024/follow-up.xlsx"), ("follow-up-as-ods", "2024/follow-up.xlsx"),
                  ("last-year-scores-as-xls", "2023/scores.xlsx"), ("follow-up-capitalised", "2024/follow-up.xlsx"),
                  ("follow-up-double-extension", "2024/follow-up.xlsx")):
    with open(os.path.join(case(name), "remove.txt"), "w") as f:
        f.write(rel + "\n")
