#!/usr/bin/env bash
# Makes test/fixtures/readers/: a year of input files written by programs other than exceljs
# (openpyxl, gnumeric's ssconvert, LibreOffice), plus broken files for the error tests.
# Needs Debian's python3-openpyxl, gnumeric and libreoffice-calc-nogui. The output is committed;
# run this again only to change the fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/readers
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
rm -rf "$out"
mkdir -p "$out/2023" "$out/2024/self-reports" "$out/broken"

/usr/bin/python3 scripts/make-reader-fixtures.py "$out" "$stage"

# gnumeric computes the formulas and stores their cached results.
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$stage/scores-source.xlsx" "$out/2024/scores.xlsx" 2>/dev/null
ssconvert --export-type=Gnumeric_Excel:xlsx2 "$stage/hmt-source.xlsx" "$out/2024/self-reports/HMT.xlsx" 2>/dev/null

# LibreOffice re-writes a workbook with its own writer (two sheets: instructions, then the table).
soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$stage/lo" "$stage/syt-source.xlsx" >/dev/null 2>&1
cp "$stage/lo/syt-source.xlsx" "$out/2024/self-reports/SYT.xlsx"

# An OpenDocument spreadsheet renamed .xlsx.
soffice --headless --calc --convert-to ods --outdir "$stage/lo" "$stage/syt-source.xlsx" >/dev/null 2>&1
cp "$stage/lo/syt-source.ods" "$out/broken/ods-renamed.xlsx"
# An old binary .xls renamed .xlsx.
soffice --headless --calc --convert-to xls:"MS Excel 97" --outdir "$stage/lo" "$stage/syt-source.xlsx" >/dev/null 2>&1
cp "$stage/lo/syt-source.xls" "$out/broken/xls-renamed.xlsx"
# A truncated download: the first half of a good workbook.
size=$(stat -c %s "$out/2024/units.xlsx")
head -c $((size / 2)) "$out/2024/units.xlsx" > "$out/broken/truncated.xlsx"
# Not a spreadsheet at all.
printf 'Đây không phải là bảng tính.\n' > "$out/broken/text.xlsx"

ls -lR "$out"
