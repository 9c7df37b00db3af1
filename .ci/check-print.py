#!/usr/bin/env python3
"""What a civil servant sees when the workbooks and the report are printed (issues 13 and 14).

Renders workbooks to PDF with LibreOffice (headless) and reads the pages back with poppler:
- every page is A4 (pdfinfo);
- each title line comes out whole, on one line (pdftotext -layout);
- every person's name in the rating workbook, and each column header, comes out whole on one line.

pdftotext puts stray spaces inside words set in a scaled font ("c ơ quan"), so lines are compared
without spaces: a text is "whole" when it stands within one printed line.

Usage: check-print.py <pdf-folder> <persons.json> <workbook>...
Prints one line per check that failed and a summary; exits 1 on any failure.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

A4 = (595, 842)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    return [(float(w), float(h)) for w, h in sizes]


def lines(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [squeeze(line) for line in text.splitlines() if line.strip()]


def whole(needle: str, printed: list[str]) -> bool:
    wanted = squeeze(needle)
    return any(wanted in line for line in printed)


def main() -> int:
    out = Path(sys.argv[1])
    persons = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))["persons"]
    books = [Path(p) for p in sys.argv[3:]]
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *map(str, books)],
        capture_output=True,
        check=True,
        timeout=600,
    )
    failures: list[str] = []
    checked = 0
    for book in books:
        pdf = out / (book.stem + ".pdf")
        if not pdf.exists():
            failures.append(f"{book.name}: LibreOffice wrote no PDF")
            continue
        for number, (w, h) in enumerate(pages(pdf), start=1):
            checked += 1
            if sorted((round(w), round(h))) != sorted(A4):
                failures.append(f"{pdf.name}, page {number}: {w} x {h} pt, not A4")
        printed = lines(pdf)
        # The sample's issuing body (its config names the province; the department is the 2024 one).
        expected = [
            "UBND TỈNH AN LẠC",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]
        # The issuing body on the documents' date (31/12 of the year): Sở TT&TT for 2024, Sở KH&CN from 1/3/2025. The
        # report's stands in a narrower column beside the motto and may take two lines.
        year = int(m.group(1)) if (m := re.search(r"(20\d\d)", book.name)) else 2024
        if not book.name.startswith(("SYT", "bao-cao", "cong-van")):
            expected.append("SỞ THÔNG TIN VÀ TRUYỀN THÔNG" if year < 2025 else "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
        else:
            # Beside the motto the body takes two lines, broken between words where they are alike (issue #36: never
            # "SỞ THÔNG TIN VÀ TRUYỀN / THÔNG"); "DỰ THẢO" in its box above the motto when the year is incomplete.
            body = ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"] if year < 2025 else ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]
            if book.name.startswith(("bao-cao", "cong-van")):
                expected += body + ["DỰ THẢO"]
        groups = {"SBN": "KHỐI SỞ, BAN, NGÀNH", "HUYEN": "KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ", "XA": "KHỐI XÃ, PHƯỜNG"}
        blocks = [groups[b] for b in groups if any(p["block"] == b for p in persons)]
        if book.name.startswith("xep-loai"):
            expected += [
                "KẾT QUẢ ĐÁNH GIÁ TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU VỀ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN",
                "(Kèm theo Báo cáo số",
                *blocks,
                "Họ và tên",
                "Xếp loại",
                "NGƯỜI LẬP BIỂU",
                "(Ký, ghi rõ họ tên, đóng dấu)",
            ]
            expected += sorted({p["name"] for p in persons})
        elif book.name.startswith("bao-cao"):
            expected += [
                "BÁO CÁO",
                "I. CÔNG TÁC ĐÁNH GIÁ",
                "II. KẾT QUẢ ĐÁNH GIÁ THEO KHỐI",
                "V. ĐỀ XUẤT, KIẾN NGHỊ",
                "Nơi nhận:",
                "GIÁM ĐỐC",
                "PHỤ LỤC 1. KẾT QUẢ XẾP LOẠI NGƯỜI ĐỨNG ĐẦU",
                # The charts (Word's own, drawn by LibreOffice) and their captions.
                "Sở, ban, ngành: phân bố điểm ICT Index (N = 20)",
                "Biểu đồ 1. Mỗi cột là số đơn vị có điểm trong khoảng",
                "Biểu đồ 3. Một đơn vị vi phạm một Mục",
                "Biểu đồ 4. Mỗi điểm là một đơn vị có hạng cả hai năm",
            ]
            expected += sorted({p["name"] for p in persons})
        elif book.name.startswith("cong-van"):
            expected += [
                "Kính gửi: Sở Nội vụ tỉnh An Lạc.",
                "1. Khen thưởng (Điều 16):",
                "Nơi nhận:",
                "GIÁM ĐỐC",
                "PHỤ LỤC 1. DANH SÁCH ĐỀ NGHỊ XEM XÉT KHEN THƯỞNG (ĐIỀU 16)",
                "PHỤ LỤC 2. ĐỀ XUẤT HÌNH THỨC XỬ LÝ TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU (KHOẢN 1 ĐIỀU 17)",
                "Họ và tên",
            ]
        elif book.name.startswith("xu-ly"):
            expected += [
                "ĐỀ XUẤT HÌNH THỨC XỬ LÝ TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU",
                "CÁC TRƯỜNG HỢP ĐỀ NGHỊ SỞ NỘI VỤ XEM XÉT, TRÌNH UBND TỈNH",
                "Hình thức đề xuất",
                "GIÁM ĐỐC",
            ]
        elif book.name.startswith("assessment"):
            # The Sở's assessment sheet: a unit that has not reported is said once across its items, never the same
            # words run together in every cell (issue #36).
            # A working sheet of the Sở's, not a document sent: no national motto.
            expected = [e for e in expected if e not in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")]
            expected += ["KẾT QUẢ ĐÁNH GIÁ CỦA SỞ NĂM 2024", "Chưa báo cáo (Điều 19)", "Mã đơn vị"]
            checked += 1
            if any("Chưa báo cáoChưa báo cáo" in line.replace(" ", "") for line in printed):
                failures.append(f"{pdf.name}: “Chưa báo cáo” printed run together")
        else:
            # The instructions sheet prints whole inside the page: its longest paragraph is all there, wrapped, not
            # cut at the page's right edge (issue #36).
            checked += 1
            paragraph = "chọn ở cột Tự đánh giá: Đạt, Không đạt hoặc Không áp dụng, và ghi Minh chứng (số, ngày văn bản)."
            if squeeze(paragraph) not in "".join(printed):
                failures.append(f"{pdf.name}: the instructions are cut at the page's right edge")
            expected += [
                "BÁO CÁO TỰ ĐÁNH GIÁ TRÁCH NHIỆM NGƯỜI ĐỨNG ĐẦU VỀ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN",
                "Nội dung tiêu chí",
                "Tự đánh giá",
                "THỦ TRƯỞNG ĐƠN VỊ",
            ]
        for text in expected:
            checked += 1
            if not whole(text, printed):
                failures.append(f"{pdf.name}: “{text}” is not printed whole on one line")
    for failure in failures:
        print(failure)
    print(f"print: {len(books)} workbooks and documents rendered by LibreOffice, {checked} checks, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
