#!/usr/bin/env bash
# Takes the screenshots of the documentation: builds the demo registry (`meibo-cli demo`, which keeps
# methods, registers and a final report), adds a change notice and a second report, then
# runs the GUI under Xvfb with its hidden `--screenshot DIR` option (each main view grabbed to PNG)
# once in Japanese and once in English. Needs a build (./build.sh build) and xvfb.
#   docs/screenshots.sh            writes docs/screenshots/{ja,en}/*.png
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${MEIBO_BUILD_DIR:-build}
CLI="$BUILD/app/cli/meibo-cli"
GUI="$BUILD/app/gui/meibo"
[[ -x "$CLI" && -x "$GUI" ]] || { echo "screenshots.sh: build first (./build.sh build)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: install xvfb (apt-get install xvfb xauth)" >&2; exit 1; }

# A fixed folder, so that the path shown in the pictures does not change from run to run.
TMP=${TMPDIR:-/tmp}/meibo-screenshots
rm -rf "$TMP"
mkdir -m 700 "$TMP"
trap 'rm -rf "$TMP"' EXIT
"$CLI" demo "$TMP/demo" >/dev/null
REG="$TMP/demo/demo.meibo"
PASS="$TMP/demo/demo-passphrase.txt"
cli() { "$CLI" -f "$REG" --passphrase-file "$PASS" "$@" >/dev/null; }

# A change notice on its way: D is promoted, a new worker joins.
cat > "$TMP/join.csv" <<'CSV'
role,label,name,name_kana,address,birth_date,department,title,nationality,residence_status,reports_to,need,valid_from
業務従事者,G,見本 四郎,みほん しろう,東京都品川区大崎一丁目1番1号,1992-02-02,調査研究部,研究員,JP,日本国籍,B,国内ヒアリング結果の集計のため,2026-12-01
CSV
ID=$("$CLI" -f "$REG" --passphrase-file "$PASS" change new --contract METI-2026-01 --effective 2026-12-01 --reason "体制強化のため")
cli change add "$ID" --csv "$TMP/join.csv"
cli change add "$ID" --set D title=主任研究員
cli change submit "$ID" --on 2026-11-20 --how 電子メール

# The demo keeps a final report for the first half-year; the second one starts from its answers,
# and one answer is changed so that "what is missing" has something to say.
REP=$("$CLI" -f "$REG" --passphrase-file "$PASS" report new --contract METI-2026-01 --period-end 2027-03-31)
cli report set "$REP" 11 未実施

for lang in ja en; do
  mkdir -p "docs/screenshots/$lang"
  XDG_CONFIG_HOME="$TMP/config-$lang" xvfb-run -a -s "-screen 0 1400x900x24" \
    "$GUI" --lang "$lang" --passphrase-file "$PASS" --screenshot "docs/screenshots/$lang" "$REG"
done
echo "screenshots.sh: wrote docs/screenshots/ja and docs/screenshots/en"
