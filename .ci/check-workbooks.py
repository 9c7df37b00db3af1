#!/usr/bin/python3
"""Opens every workbook given with openpyxl, a reader we did not write, and fails if any is
rejected or lacks its sheets. Run by .ci/run on the sample workspace's outputs."""
import sys
import warnings

import openpyxl

EXPECTED = {
    # The sample's 2024 has a unit the Sở has not assessed (TTRA): its sheet "Sở cần đánh giá" (khoản 2 Điều 18).
    "xep-loai": ["Xếp loại", "Khen thưởng", "Chi tiết", "Sở cần đánh giá", "Cảnh báo", "Căn cứ và tham số"],
    "xu-ly": ["Đề xuất xử lý", "Cần xem xét", "Cảnh báo", "Căn cứ và tham số"],
    "xep-hang": ["Xếp hạng", "Nhóm", "Cảnh báo", "Căn cứ và tham số"],
}

failed = 0
for path in sys.argv[1:]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            book = openpyxl.load_workbook(path)
        kind = next((k for k in EXPECTED if f"/{k}-" in path), None)
        if kind is not None and book.sheetnames != EXPECTED[kind]:
            raise ValueError(f"sheets {book.sheetnames}, expected {EXPECTED[kind]}")
        rows = sum(ws.max_row for ws in book.worksheets)
        print(f"openpyxl: ok {path} ({len(book.sheetnames)} sheets, {rows} rows)")
    except Exception as error:  # any rejection fails CI
        failed += 1
        print(f"openpyxl: REJECTED {path}: {error}")
sys.exit(1 if failed else 0)
