#!/usr/bin/python3
"""Writes the reader fixtures' source files with openpyxl and plain Python.

Run by make-reader-fixtures.sh, which then has gnumeric (ssconvert) and LibreOffice (soffice)
convert some of them, so that the readers are tested on workbooks that exceljs did not write.
All names are fictional.
"""
import codecs
import os
import sys
import unicodedata

from openpyxl import Workbook
import zipfile

out = sys.argv[1]
stage = sys.argv[2]


def nfd(text):
    return unicodedata.normalize("NFD", text)


def title_block(ws, width, title):
    """The title lines of an official sheet, with merged cells, above the table."""
    ws.append(["UBND TỈNH AN LẠC"])
    ws.append(["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"])
    ws.append([title])
    ws.append(["(Kèm theo Công văn số 123/STTTT-CNTT ngày 05/12/2024)"])
    ws.append([])
    for row in range(1, 5):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


# 2024/units.xlsx, by openpyxl: title block, merged cells, upper-case headers, NFD names, a deputy.
wb = Workbook()
ws = wb.active
ws.title = "Danh sách"
title_block(ws, 8, "DANH SÁCH NGƯỜI ĐỨNG ĐẦU CÁC CƠ QUAN, ĐƠN VỊ NĂM 2024")
ws.append(["MÃ ĐƠN VỊ", "Tên đơn vị", "KHỐI", "Họ và tên", "Chức vụ", "Vai trò", "Mục được phân công", "Văn bản phân công"])
ws.append([" stttt ", "Sở Thông tin và Truyền thông", "Sở, ban, ngành", nfd("Nguyễn Thị Lụa"), "Giám đốc", "Người đứng đầu", "", ""])
ws.append(["SYT", nfd("Sở Y tế"), "SBN", "Trần Văn Khải", "Giám đốc", "Người đứng đầu", "", ""])
ws.append(["SYT", nfd("Sở Y tế"), "SBN", "Lê Thị Hằng", "Phó Giám đốc", "Cấp phó được phân công", "Mục 1, Mục 3", "Quyết định số 7/QĐ-SYT"])
ws.append(["HLS", "Huyện Lạc Sơn", "Huyện, thị xã, thành phố", "Phạm Quốc Đạt", "Chủ tịch UBND huyện", "người đứng đầu", "", ""])
ws.append(["HMT", "Huyện Minh Tân", "HUYEN", "Vũ Thanh Hương", "Chủ tịch UBND huyện", "NGƯỜI ĐỨNG ĐẦU", "", ""])
ws.append([])
ws.append(["", "", "", "NGƯỜI LẬP BIỂU", "", "", "", ""])
ws.append(["", "", "", "(Ký, ghi rõ họ tên)", "", "", "", ""])
wb.save(os.path.join(out, "2024", "units.xlsx"))

# scores source for gnumeric: the score is a formula over the components (gnumeric computes and
# stores the cached results when it converts). Titles, merged cells, an official rank column.
wb = Workbook()
ws = wb.active
ws.title = "ICT Index 2024"
title_block(ws, 7, "KẾT QUẢ XẾP HẠNG CHỈ SỐ ICT INDEX NĂM 2024")
ws.append(["Mã đơn vị", "Tên đơn vị", "Khối", "Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Điểm ICT Index", "Hạng"])
rows = [
    ("STTTT", "Sở Thông tin và Truyền thông", "SBN", 0.31, 0.52, 1),
    ("SYT", "Sở Y tế", "SBN", 0.22, 0.4105, 2),
    ("HLS", "Huyện Lạc Sơn", "HUYEN", 0.2, 0.35, 1),
    ("HMT", "Huyện Minh Tân", "HUYEN", 0.1, 0.3, 2),
]
for i, (code, name, block, infra, apps, rank) in enumerate(rows):
    r = 7 + i
    ws.append([code, name, block, infra, apps, f"=D{r}+E{r}", rank])
wb.save(os.path.join(stage, "scores-source.xlsx"))

# 2023/scores.csv: Vietnamese Excel's CSV: ';' separated, decimal commas, BOM, a title line.
with open(os.path.join(out, "2023", "scores.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("KẾT QUẢ ICT INDEX NĂM 2023;;;\r\n")
    f.write(";;;\r\n")
    f.write("Mã đơn vị;Tên đơn vị;Khối;Điểm ICT Index\r\n")
    f.write("STTTT;Sở Thông tin và Truyền thông;Sở, ban, ngành;0,7900\r\n")
    f.write('SYT;"Sở Y tế; Bệnh viện";SBN;0,6010\r\n')
    f.write("HLS;Huyện Lạc Sơn;HUYEN;0,5000\r\n")
    f.write("HMT;Huyện Minh Tân;HUYEN;0,3550\r\n")

ITEMS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
         "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]
HEADER = ["Mã đơn vị", "Mã tiêu chí", "Nội dung", "Tự đánh giá", "Minh chứng", "Thẩm định", "Ghi chú"]

# self-reports/STTTT.xlsx, by openpyxl: item codes as numbers, 'đạt' in lower case.
wb = Workbook()
ws = wb.active
ws.title = "Tự đánh giá"
title_block(ws, 7, "BÁO CÁO TỰ ĐÁNH GIÁ NĂM 2024")
ws.append(HEADER)
for code in ITEMS:
    status = "Không đạt" if code == "2.8" else "đạt"
    ws.append(["STTTT", float(code), "", status, "", "", ""])
wb.save(os.path.join(out, "2024", "self-reports", "STTTT.xlsx"))

# self-reports source for LibreOffice: SYT, with the appraisal overriding one item, an instruction sheet
# first, and rich text evidence.
wb = Workbook()
info = wb.active
info.title = "Hướng dẫn"
info.append(["Điền cột Tự đánh giá bằng: Đạt, Không đạt, Không áp dụng."])
ws = wb.create_sheet("Báo cáo")
ws.append(["BÁO CÁO TỰ ĐÁNH GIÁ - SỞ Y TẾ"])
ws.append([])
ws.append(HEADER)
for code in ITEMS:
    appraisal = "Không đạt" if code == "3.4" else ""
    note = "Chưa có dự án" if code == "4.6" else ""
    status = "Không áp dụng" if code == "4.6" else "Đạt"
    ws.append(["SYT", code, "", status, "", appraisal, note])
ws.cell(row=4, column=5).value = "RICH_TEXT_PLACEHOLDER"
wb.save(os.path.join(stage, "syt-plain.xlsx"))
# Rich text evidence (bold, then plain). openpyxl 3.0 writes none, so the runs are put in the
# place of a placeholder; LibreOffice then stores them as a rich shared string, as Excel does.
RICH_RUNS = ('<r><rPr><b/></rPr><t>Quyết định</t></r>'
             '<r><t xml:space="preserve"> số 45/QĐ-SYT</t></r>')
replaced = False
with zipfile.ZipFile(os.path.join(stage, "syt-plain.xlsx")) as src, \
        zipfile.ZipFile(os.path.join(stage, "syt-source.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        text = data.decode("utf-8", errors="surrogateescape")
        for plain, rich in (("<is><t>RICH_TEXT_PLACEHOLDER</t></is>", "<is>" + RICH_RUNS + "</is>"),
                            ("<si><t>RICH_TEXT_PLACEHOLDER</t></si>", "<si>" + RICH_RUNS + "</si>")):
            if plain in text:
                text = text.replace(plain, rich)
                data = text.encode("utf-8", errors="surrogateescape")
                replaced = True
        dst.writestr(item, data)
assert replaced, "the rich text placeholder was not found"

# self-reports/HLS.csv: UTF-16 LE with BOM, tab separated (Excel's "Unicode Text").
lines = ["\t".join(HEADER)]
for code in ITEMS:
    lines.append("\t".join(["HLS", code, "", "Đạt", "", "", ""]))
with open(os.path.join(out, "2024", "self-reports", "HLS.csv"), "wb") as f:
    f.write(codecs.BOM_UTF16_LE + "\r\n".join(lines).encode("utf-16-le"))

# self-reports source for gnumeric: HMT, with a blank status (a data gap).
wb = Workbook()
ws = wb.active
ws.title = "HMT"
ws.append(HEADER)
for code in ITEMS:
    status = "" if code == "3.2" else "Đạt"
    ws.append(["hmt", code, "", status, "", "", ""])
wb.save(os.path.join(stage, "hmt-source.xlsx"))

# 2024/assessment.csv: the Sở's assessment, long form, UTF-8 with BOM, ';' separated. It holds what
# the v1 "Thẩm định" columns of the self-reports above said (those columns are no longer read), and
# leaves HMT's item 3.2 not assessed.
with open(os.path.join(out, "2024", "assessment.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("Mã đơn vị;Mã tiêu chí;Kết quả đánh giá;Ghi chú\r\n")
    for unit in ["STTTT", "SYT", "HLS", "HMT"]:
        for code in ITEMS:
            result, note = "Đạt", ""
            if unit == "STTTT" and code == "2.8":
                result = "Không đạt"
            if unit == "SYT" and code == "3.4":
                result = "Không đạt"
            if unit == "SYT" and code == "4.6":
                result, note = "Không áp dụng", "Chưa có dự án"
            if unit == "HMT" and code == "3.2":
                result = ""
            f.write("%s;%s;%s;%s\r\n" % (unit, code, result, note))

# 2024/follow-up.csv: UTF-8 with BOM, ',' separated, 'x' flags, NFD text.
with open(os.path.join(out, "2024", "follow-up.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("Mã đơn vị,Chậm triển khai kết luận,Yêu cầu kiểm điểm,Thành tích đặc biệt,Căn cứ / ghi chú\n")
    f.write("STTTT,x,,,%s\n" % nfd("Chậm triển khai Kết luận số 12-KL/UBND"))
    f.write("HLS,Không,Không,Có,\"Giải thưởng chuyển đổi số, cấp tỉnh\"\n")

# Broken on purpose: a formula with no cached result (openpyxl stores none).
wb = Workbook()
ws = wb.active
ws.append(["Mã đơn vị", "Tên đơn vị", "Khối", "Hạ tầng", "Điểm ICT Index"])
ws.append(["SYT", "Sở Y tế", "SBN", 0.5, "=D2*2"])
wb.save(os.path.join(out, "broken", "formula-without-result.xlsx"))
