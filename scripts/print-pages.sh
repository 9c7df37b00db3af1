#!/usr/bin/env bash
# The pages a civil servant sees, as LibreOffice prints them, for docs/print/ (issue #36: every page of the sample's
# workbooks, templates, report and letter is looked at as an image; these are the ones the README links to).
#   scripts/print-pages.sh            (needs soffice and pdftoppm: apt-get install libreoffice-calc-nogui
#                                      libreoffice-writer-nogui poppler-utils)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli="node $root/dist/cli.js"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
for year in 2024 2025; do
  $cli sanctions --year "$year" -w "$root/fixtures/sample" -o "$out" -q --force
  $cli report --year "$year" -w "$root/fixtures/sample" -o "$out" -q --force
  $cli report --year "$year" -w "$root/fixtures/sample" -o "$out" -q --force --to so-noi-vu
done
$cli template --year 2024 -w "$root/fixtures/sample" -o "$out" -q
$cli template --assessment --year 2024 -w "$root/fixtures/sample" -o "$out" -q --force
pdf="$work/pdf"
mkdir -p "$pdf"
cp "$out/2024/mau-bao-cao/SYT - Sở Y tế.xlsx" "$work/mau-bao-cao-SYT.xlsx"
cp "$out/2024/mau-danh-gia/assessment.xlsx" "$work/mau-danh-gia.xlsx"
soffice --headless --convert-to pdf --outdir "$pdf" \
  "$out"/2024/*.xlsx "$out"/2024/*.docx "$out"/2025/*.docx "$work/mau-bao-cao-SYT.xlsx" "$work/mau-danh-gia.xlsx" \
  >/dev/null 2>&1
for f in "$out"/2025/*.xlsx; do cp "$f" "$work/$(basename "$f")"; done
soffice --headless --convert-to pdf --outdir "$pdf/2025" "$work"/*-2025.xlsx >/dev/null 2>&1
target="$root/docs/print"
rm -f "$target"/*.png
page() { # page <pdf> <number> <name> [dpi]
  pdftoppm -r "${4:-80}" -png -f "$2" -l "$2" -singlefile "$1" "$target/$3"
}
page "$pdf/xep-loai-2024.pdf" 1 xep-loai-2024-trang-1
page "$pdf/xu-ly-2024.pdf" 1 xu-ly-2024-trang-1
page "$pdf/2025/xep-loai-2025.pdf" 1 xep-loai-2025-trang-1
page "$pdf/2025/xu-ly-2025.pdf" 1 xu-ly-2025-trang-1
page "$pdf/bao-cao-2024.pdf" 1 bao-cao-2024-trang-1
page "$pdf/bao-cao-2024.pdf" 2 bao-cao-2024-trang-2
page "$pdf/bao-cao-2024.pdf" 4 bao-cao-2024-bieu-do-4-5
page "$pdf/bao-cao-2025.pdf" 1 bao-cao-2025-trang-1
page "$pdf/cong-van-so-noi-vu-2024.pdf" 1 cong-van-so-noi-vu-2024-trang-1
page "$pdf/cong-van-so-noi-vu-2024.pdf" 2 cong-van-so-noi-vu-2024-phu-luc
page "$pdf/cong-van-so-noi-vu-2025.pdf" 1 cong-van-so-noi-vu-2025-trang-1
page "$pdf/mau-bao-cao-SYT.pdf" 1 mau-bao-cao-SYT-huong-dan
page "$pdf/mau-bao-cao-SYT.pdf" 2 mau-bao-cao-SYT-trang-2
page "$pdf/mau-danh-gia.pdf" 3 mau-danh-gia-tu-danh-gia
# The rating workbook's Khen thưởng sheet: the page whose text has its title.
for n in $(seq 1 "$(pdfinfo "$pdf/xep-loai-2024.pdf" | awk '/^Pages:/ {print $2}')"); do
  if pdftotext -f "$n" -l "$n" "$pdf/xep-loai-2024.pdf" - | grep -q 'DANH SÁCH ĐỀ NGHỊ XEM XÉT KHEN THƯỞNG'; then
    page "$pdf/xep-loai-2024.pdf" "$n" xep-loai-2024-khen-thuong
    break
  fi
done
ls "$target"
