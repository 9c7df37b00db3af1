#!/usr/bin/env bash
# Every output of the tool on a workspace, in one folder, to compare byte for byte before and after a change that must
# not change any (issue #37: each step of the reshaping lands with identical outputs on the sample and the national
# bench workspace). Files written by each command (workbooks, documents, CSV, history records) and what each prints.
#   scripts/snapshot.sh <workspace> <years…> <out-folder>        then: diff -r before/ after/
set -uo pipefail
workspace=$1
shift
out=${*: -1}
years=("${@:1:$#-1}")
cli="node $(cd "$(dirname "$0")/.." && pwd)/dist/cli.js"
# Written in one fixed folder, then moved: paths printed in messages are the same in every snapshot.
final=$out
out="${TMPDIR:-/tmp}/ict-eval-snapshot"
rm -rf "$out" "$final"
mkdir -p "$out"
run() {
  local name=$1
  shift
  $cli "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  echo "$?" >"$out/$name.rc"
}
for year in "${years[@]}"; do
  o="$out/files-$year"
  run "check-$year" check --year "$year" -w "$workspace"
  run "rate-$year" rate --year "$year" -w "$workspace" -o "$o" --csv --force
  run "sanctions-$year" sanctions --year "$year" -w "$workspace" -o "$o" --csv --force
  run "sanctions-json-$year" sanctions --year "$year" -w "$workspace" --json
  run "rate-json-$year" rate --year "$year" -w "$workspace" --json
  run "report-$year" report --year "$year" -w "$workspace" -o "$o" --force
  run "letter-$year" report --year "$year" -w "$workspace" -o "$o" --to so-noi-vu --force
  # SNAPSHOT_SKIP_TEMPLATES=1: not the 10 000 self-report templates of the national workspace.
  if [ -z "${SNAPSHOT_SKIP_TEMPLATES:-}" ]; then
    run "template-$year" template --year "$year" -w "$workspace" -o "$o" --force
  fi
  run "template-assessment-$year" template --assessment --year "$year" -w "$workspace" -o "$o" --force
  run "what-if-$year" what-if --year "$year" -w "$workspace" -o "$o" --force
  run "what-if-json-$year" what-if --year "$year" -w "$workspace" --json
  run "diff-$year" diff --year "$year" -w "$workspace" -o "$o"
  run "explain-$year" explain --year "$year" -w "$workspace" "$($cli rate --year "$year" -w "$workspace" --json 2>/dev/null | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{try{console.log(JSON.parse(t).persons[0].unitCode)}catch{console.log("X")}})')"
  if [ -f "$workspace/$year/scores.xlsx" ]; then
    run "rank-$year" rank "$workspace/$year/scores.xlsx" -w "$workspace" -o "$o/rank" --csv --force
    run "rank-json-$year" rank "$workspace/$year/scores.xlsx" -w "$workspace" --json
  fi
done
# The time a run was made is in the log of the history records: the only bytes that differ between two runs.
find "$out" -name 'nhat-ky.tsv' -exec sed -i -E 's/^[0-9TZ:.-]+\t/TIME\t/' {} +
mkdir -p "$(dirname "$final")"
mv "$out" "$final"
