#!/usr/bin/env bash
# Makes test/fixtures/real-world/: the sample workspace's files as provincial offices really save them
# (test/io/real-world.test.ts says what the tool must do with each). Needs Debian's python3-openpyxl,
# gnumeric (ssconvert) and libreoffice-calc-nogui. The output is committed; run again only to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=test/fixtures/real-world
rm -rf "$out"
mkdir -p "$out"
/usr/bin/python3 scripts/make-real-world-fixtures.py fixtures/sample "$out"
stage="$out/_stage"
# An old Excel 97-2003 follow-up, and last year's scores, as gnumeric writes them.
mkdir -p "$out/follow-up-as-xls/2024" "$out/last-year-scores-as-xls/2023" "$out/follow-up-as-ods/2024"
ssconvert --export-type=Gnumeric_Excel:excel_biff8 "$stage/follow-up.xlsx" "$out/follow-up-as-xls/2024/follow-up.xls" 2>/dev/null
ssconvert --export-type=Gnumeric_Excel:excel_biff8 "$stage/scores-2023.xlsx" "$out/last-year-scores-as-xls/2023/scores.xls" 2>/dev/null
# An OpenDocument follow-up, as LibreOffice writes it.
soffice --headless --calc --convert-to ods --outdir "$stage" "$stage/follow-up.xlsx" >/dev/null 2>&1
cp "$stage/follow-up.ods" "$out/follow-up-as-ods/2024/follow-up.ods"
# A unit's self-report sent back as .ods (LibreOffice's own format): read by every command, template --assessment too.
mkdir -p "$out/self-report-as-ods/2024/self-reports"
soffice --headless --calc --convert-to ods --outdir "$stage" fixtures/sample/2024/self-reports/STC.xlsx >/dev/null 2>&1
cp "$stage/STC.ods" "$out/self-report-as-ods/2024/self-reports/STC.ods"
echo "2024/self-reports/STC.xlsx" > "$out/self-report-as-ods/remove.txt"
rm -rf "$stage"
find "$out" -type f | sort
