#!/usr/bin/env bash
# Installs and prepares everything goldspan needs on Debian 12, idempotently.
# A second run on a prepared machine only checks and returns (seconds).
#
# What it does, each step skipped when already done:
#   1. Debian packages (toolchains, ICU, nlohmann, Catch2, Unicode test data, Chromium, fonts).
#   2. A deb-src entry, then `apt-get source` of imgui, icu and harfbuzz into build/_deps
#      (ignored by git).
#   3. ICU's common library, and the regex part of i18n, compiled for wasm with Emscripten
#      (build/_deps/icu-wasm/lib).
#   3c. HarfBuzz (Debian's 6.0.0 source) compiled for wasm (build/_deps/harfbuzz-wasm).
#   4. Trimmed ICU data for break iteration incl. CJK/Thai/Khmer/Lao/Burmese dictionaries.
#   5. npm dev dependencies for the browser tests (playwright-core, never its browser download).
#   6. npm dev dependency for the gold JSON Schema test (ajv, in tests/schema; also with --no-browser).
#
# Usage: scripts/setup.sh [--no-browser]   (--no-browser skips Chromium and npm)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/build/_deps"
WITH_BROWSER=1
[ "${1:-}" = "--no-browser" ] && WITH_BROWSER=0

log() { printf '[setup] %s\n' "$*"; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# [1] Debian packages ---------------------------------------------------------
PKGS=(build-essential cmake ninja-build pkg-config git xz-utils
      emscripten binaryen nodejs
      libicu-dev icu-devtools libharfbuzz-dev nlohmann-json3-dev catch2 unicode-data
      clang libclang-rt-14-dev unzip parallel
      fonts-dejavu-core fonts-noto-core fonts-noto-cjk python3-fonttools)
[ "$WITH_BROWSER" = 1 ] && PKGS+=(chromium)

missing=()
for p in "${PKGS[@]}"; do
  # nodejs may come from another repository under the same name; any install is fine.
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm installs the test tools (playwright-core, ajv); Debian packages it apart from nodejs.
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  # node from nodesource satisfies us; do not let apt replace it with Debian's older one.
  if command -v node >/dev/null && [[ " ${missing[*]} " == *" nodejs "* ]]; then
    missing=("${missing[@]/nodejs}")
  fi
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null
fi

# [2] Debian sources of imgui, icu and harfbuzz --------------------------------
SRC_LIST=/etc/apt/sources.list.d/goldspan-deb-src.sources
SRC_PKGS=(imgui icu harfbuzz)
mkdir -p "$DEPS"
src_missing=()
for p in "${SRC_PKGS[@]}"; do ls "$DEPS"/"$p"_*.orig.tar.* >/dev/null 2>&1 || src_missing+=("$p"); done
if [ "${#src_missing[@]}" -gt 0 ]; then
  if [ ! -f "$SRC_LIST" ]; then
    log "adding deb-src entry $SRC_LIST"
    $SUDO tee "$SRC_LIST" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    $SUDO apt-get update -qq
  fi
  log "fetching sources: ${src_missing[*]}"
  (cd "$DEPS" && apt-get source --download-only "${src_missing[@]}" >/dev/null 2>&1) || {
    $SUDO apt-get update -qq
    (cd "$DEPS" && apt-get source --download-only "${src_missing[@]}")
  }
fi
if [ ! -f "$DEPS/imgui/imgui.cpp" ]; then
  log "unpacking imgui"
  rm -rf "$DEPS/imgui" && mkdir -p "$DEPS/imgui"
  tar -xf "$(ls "$DEPS"/imgui_*.orig.tar.* | head -1)" -C "$DEPS/imgui" --strip-components=1
fi
ICU_SRC="$DEPS/icu/source"
if [ ! -f "$ICU_SRC/common/brkiter.cpp" ]; then
  log "unpacking icu"
  rm -rf "$DEPS/icu" && mkdir -p "$DEPS/icu"
  tar -xf "$(ls "$DEPS"/icu_*.orig.tar.* | head -1)" -C "$DEPS/icu" --strip-components=1
fi
HB_SRC="$DEPS/harfbuzz/src"
if [ ! -f "$HB_SRC/harfbuzz.cc" ]; then
  log "unpacking harfbuzz"
  rm -rf "$DEPS/harfbuzz" && mkdir -p "$DEPS/harfbuzz"
  tar -xf "$(ls "$DEPS"/harfbuzz_*.orig.tar.* | head -1)" -C "$DEPS/harfbuzz" --strip-components=1
fi

# Header-only dependencies staged for the Emscripten sysroot, which does not search /usr/include.
STAGE="$DEPS/include"
mkdir -p "$STAGE"
[ -e "$STAGE/nlohmann" ] || ln -s /usr/include/nlohmann "$STAGE/nlohmann"
[ -e "$STAGE/catch2" ] || ln -s /usr/include/catch2 "$STAGE/catch2"

# [3] ICU common for wasm -----------------------------------------------------
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn
ICU_WASM="$DEPS/icu-wasm"
if [ ! -f "$ICU_WASM/lib/libicuuc.a" ] || [ ! -f "$ICU_WASM/lib/libicustub.a" ]; then
  log "compiling ICU common for wasm (a few minutes, once)"
  mkdir -p "$ICU_WASM/obj" "$ICU_WASM/lib"
  flags="-O2 -w -std=c++17 -DU_COMMON_IMPLEMENTATION -DU_STATIC_IMPLEMENTATION -I$ICU_SRC/common"
  # Only the objects that are missing are compiled, so an interrupted run resumes.
  ls "$ICU_SRC"/common/*.cpp | xargs -P "$(nproc)" -I{} sh -c '
    o="$1/obj/$(basename "$2" .cpp).o"
    if [ ! -f "$o" ]; then em++ $3 -c "$2" -o "$o.tmp" && mv "$o.tmp" "$o"; fi
  ' _ "$ICU_WASM" {} "$flags"
  n_src=$(ls "$ICU_SRC"/common/*.cpp | wc -l); n_obj=$(ls "$ICU_WASM"/obj/*.o | wc -l)
  [ "$n_src" = "$n_obj" ] || { echo "ICU wasm: $n_obj of $n_src objects built" >&2; exit 1; }
  rm -f "$ICU_WASM/lib/libicuuc.a"
  emar rcs "$ICU_WASM/lib/libicuuc.a" "$ICU_WASM"/obj/*.o
  em++ $flags -I"$ICU_SRC/common" -c "$ICU_SRC/stubdata/stubdata.cpp" -o "$ICU_WASM/stubdata.o"
  rm -f "$ICU_WASM/lib/libicustub.a"
  emar rcs "$ICU_WASM/lib/libicustub.a" "$ICU_WASM/stubdata.o"
fi

# [3b] ICU i18n for wasm: only the regular-expression engine (core/search's Finder) --------
# The i18n library is 241 files (collation, formatting, transliteration...); the regex engine
# needs 9 of them plus ICU common, so CI compiles those only (seconds, not minutes).
ICU_I18N_SRCS=(regexcmp regeximp regexst regextxt rematch repattrn uregex uregexc ucln_in)
if [ ! -f "$ICU_WASM/lib/libicui18n.a" ]; then
  log "compiling ICU i18n (regex) for wasm"
  mkdir -p "$ICU_WASM/obj-i18n"
  flags="-O2 -w -std=c++17 -DU_I18N_IMPLEMENTATION -DU_STATIC_IMPLEMENTATION -I$ICU_SRC/common -I$ICU_SRC/i18n"
  printf '%s\n' "${ICU_I18N_SRCS[@]}" | xargs -P "$(nproc)" -I{} sh -c '
    o="$1/obj-i18n/$2.o"
    if [ ! -f "$o" ]; then em++ $3 -c "$4/i18n/$2.cpp" -o "$o.tmp" && mv "$o.tmp" "$o"; fi
  ' _ "$ICU_WASM" {} "$flags" "$ICU_SRC"
  objs=(); for f in "${ICU_I18N_SRCS[@]}"; do objs+=("$ICU_WASM/obj-i18n/$f.o"); done
  # Written under a temporary name: cmake links the library as soon as it exists.
  emar rcs "$ICU_WASM/lib/libicui18n.a.tmp" "${objs[@]}"
  mv "$ICU_WASM/lib/libicui18n.a.tmp" "$ICU_WASM/lib/libicui18n.a"
fi

# [3c] HarfBuzz for wasm: the one-file amalgamation, OpenType shaping only ------------------
# No FreeType, glib or ICU hooks (HarfBuzz's own Unicode tables); HB_LEAN drops what the canvas
# never asks for (drawing, colour, CFF outlines, variations, glyph names, serialising; CFF fonts
# still shape: only their outline extents are gone), HB_MINI drops AAT and legacy kern/fallback
# shaping (Noto fonts carry GSUB/GPOS), HB_NO_MT the locks (one thread). Headers are staged
# under include/harfbuzz so that `#include <hb.h>` reads the same as with Debian's pkg-config.
HB_WASM="$DEPS/harfbuzz-wasm"
if [ ! -f "$HB_WASM/lib/libharfbuzz.a" ]; then
  log "compiling HarfBuzz for wasm (about a minute, once)"
  mkdir -p "$HB_WASM/lib" "$HB_WASM/include/harfbuzz"
  em++ -O2 -w -std=c++17 -fno-exceptions -fno-rtti -fno-threadsafe-statics \
       -DNDEBUG -DHB_LEAN -DHB_MINI -DHB_NO_MT \
       -c "$HB_SRC/harfbuzz.cc" -o "$HB_WASM/harfbuzz.o"
  cp "$HB_SRC"/hb*.h "$HB_WASM/include/harfbuzz/"
  rm -f "$HB_WASM/lib/libharfbuzz.a.tmp"
  emar rcs "$HB_WASM/lib/libharfbuzz.a.tmp" "$HB_WASM/harfbuzz.o"
  mv "$HB_WASM/lib/libharfbuzz.a.tmp" "$HB_WASM/lib/libharfbuzz.a"
  rm -f "$HB_WASM/harfbuzz.o"
fi

# [4] Trimmed ICU data: break iteration only, in two packages --------------------
# base/: rules, resource bundles, NFKC (0.4 MB); dict/: the CJK, Thai, Lao, Khmer and Burmese
# dictionaries (3 MB), which the web app fetches only when a document needs them. ICU takes
# several packages (udata_setCommonData); each must be named icudt72l.dat (the item prefix).
ICU_DATA_DIR="$DEPS/icudata"
if [ ! -f "$ICU_DATA_DIR/base/icudt72l.dat" ] || [ ! -f "$ICU_DATA_DIR/dict/icudt72l.dat" ]; then
  log "building trimmed ICU data"
  full="$ICU_SRC/data/in/icudt72l.dat"
  work="$ICU_DATA_DIR/work"
  rm -rf "$work" && mkdir -p "$work/items/brkitr" "$ICU_DATA_DIR/base" "$ICU_DATA_DIR/dict"
  # --ignore-deps: brkitr/root.res names the dictionaries, which live in the other package.
  # NFKC is in base because ICU's CJK dictionary engine silently declines to start without it.
  icupkg -l "$full" | grep -E '^(brkitr/|pool\.res$|root\.res$|res_index\.res$|nfkc\.nrm$)' > "$work/all.txt"
  grep -v '\.dict$' "$work/all.txt" > "$work/base.txt"
  grep '\.dict$' "$work/all.txt" > "$work/dict.txt"
  icupkg -x "$work/all.txt" -d "$work/items" "$full"
  rm -f "$ICU_DATA_DIR/base/icudt72l.dat" "$ICU_DATA_DIR/dict/icudt72l.dat"
  icupkg -tl --ignore-deps -a "$work/base.txt" -s "$work/items" new "$ICU_DATA_DIR/base/icudt72l.dat"
  icupkg -tl -a "$work/dict.txt" -s "$work/items" new "$ICU_DATA_DIR/dict/icudt72l.dat"
  rm -rf "$work"
fi

# [5] npm dev dependencies for browser tests ---------------------------------
if [ "$WITH_BROWSER" = 1 ] && [ -f "$ROOT/tests/e2e/package.json" ] && [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
  log "installing npm dev dependencies (playwright-core; the browser is Debian's)"
  (cd "$ROOT/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent 2>/dev/null \
     || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
fi

# [6] npm dev dependency for the gold JSON Schema test (ajv; no browser needed) ----------
if [ -f "$ROOT/tests/schema/package.json" ] && [ ! -d "$ROOT/tests/schema/node_modules/ajv" ]; then
  log "installing npm dev dependencies for tests/schema (ajv)"
  (cd "$ROOT/tests/schema" && { npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent; })
fi

log "ready"
