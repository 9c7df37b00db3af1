#!/usr/bin/env bash
# Measures what hostile workbooks cost to refuse: wall time and peak RSS of reading each through
# the readers, as docs/reliability.md records. Needs python3 (stdlib zipfile) and a built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 - "$dir" <<'PY'
import sys, zipfile
d = sys.argv[1]
head = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
}
def bomb(name, megabytes):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for k, v in head.items():
            z.writestr(k, v)
        with z.open("xl/sharedStrings.xml", "w") as f:
            f.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>')
            chunk = b"A" * (1024 * 1024)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(b"</t></si></sst>")
bomb("bomb-420mb.xlsx", 420)
bomb("strings-45mb.xlsx", 45)
PY
for file in "$dir"/*.xlsx; do
  node --input-type=module -e "
    import { readScoresFile } from './dist/io/readers/index.js';
    import { DEFAULT_LIMITS } from './dist/io/limits.js';
    import { REGULATIONS } from './dist/regulations/index.js';
    const started = process.hrtime.bigint();
    const read = await readScoresFile(process.argv[1], process.argv[1].split('/').pop(), DEFAULT_LIMITS, REGULATIONS[0].blocks);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ file: process.argv[1].split('/').pop(), bytes: (await import('node:fs')).statSync(process.argv[1]).size, ms: Math.round(ms), peakRssMB: Math.round(rss), problems: read.problems.map((p) => p.code) }));
  " "$file"
done
