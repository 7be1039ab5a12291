#!/usr/bin/env bash
# Builds the Linux app image (and with --deb the .deb) and starts it as a user would, headless under Xvfb, with no
# network and an empty home folder: `Meander app --smoke-test` must open the window, load PyTorch from the package
# (the tiny test model computes one embedding), run with OMP_WAIT_POLICY=PASSIVE although nobody set it, and exit
# 0. With --deb the same runs from the .deb's unpacked files. Slow (a few minutes): not part of .ci/run.
#
#   installers/test-linux-image.sh [--deb] [--no-build]
#
# Needs xvfb (apt-get install xvfb) and libgtk-3-0; --deb needs fakeroot. Reads the tiny model from ../shared.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/target/installers"
model="${MEANDER_SHARED:-$here/../shared}/fixtures/tiny/model"
deb=false
build=true
for arg in "$@"; do
  case "$arg" in
    --deb) deb=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--deb] [--no-build]" >&2; exit 2 ;;
  esac
done
command -v xvfb-run >/dev/null || { echo "test-linux-image: needs xvfb-run (apt-get install xvfb)" >&2; exit 2; }
[[ -f "$model/config.json" ]] || { echo "test-linux-image: no test model at $model" >&2; exit 2; }

if $build; then
  if $deb; then "$here/installers/build-linux.sh" --deb --out "$out"; else "$here/installers/build-linux.sh" --out "$out"; fi
fi

# No network: in a network namespace of its own when the kernel allows one (then only loopback exists).
offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); fi

failures=0
# smoke NAME LAUNCHER ARGS...: one run in a fresh home; checks its JSON line and what it left in the home.
smoke() {
  local name="$1" launcher="$2"
  shift 2
  local home log
  home="$(mktemp -d)"
  log="$(mktemp)"
  local started=$SECONDS
  # OMP_WAIT_POLICY removed from the environment: the launch must add it itself. user.home through
  # JAVA_TOOL_OPTIONS, because Java takes it from the password database, not from $HOME.
  if env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" \
      timeout 300 "${offline[@]}" xvfb-run -a -s "-screen 0 1400x900x24" "$launcher" app --smoke-test "$@" \
      >"$log" 2>&1; then
    local line
    line="$(grep '^{"window"' "$log" || true)"
    local problems=()
    [[ "$line" == *'"showing":true'* ]] || problems+=("no window")
    [[ "$line" == *'"omp_wait_policy":"PASSIVE"'* ]] || problems+=("OMP_WAIT_POLICY not PASSIVE")
    if (($#)); then
      # an empty home has no cache: the embedding must have been computed here, by the packaged PyTorch
      [[ "$line" =~ \"embeddings_computed\":[1-9] ]] || problems+=("no embedding computed")
      ls "$home"/.djl.ai/pytorch/*/libtorch.so >/dev/null 2>&1 || problems+=("libtorch not unpacked from the package")
    else
      [[ -d "$home/.meander/sample-project/tiles" ]] || problems+=("no sample project")
    fi
    if ((${#problems[@]})); then
      echo "FAIL $name: ${problems[*]}"; sed 's/^/    /' "$log"; failures=$((failures + 1))
    else
      echo "ok   $name ($((SECONDS - started)) s): $line"
    fi
  else
    echo "FAIL $name: exit code $?"; sed 's/^/    /' "$log"; failures=$((failures + 1))
  fi
  rm -rf "$home" "$log"
}

echo "test-linux-image: $(date -u '+%Y-%m-%d %H:%M UTC'), network: ${offline[*]:-not isolated (unshare -n refused)}"
smoke "app image, first run, no model" "$out/Meander/bin/Meander"
smoke "app image, tiny model" "$out/Meander/bin/Meander" --model "$model"
if $deb; then
  unpacked="$(mktemp -d)"
  dpkg-deb -x "$out"/meander_*.deb "$unpacked"
  depends="$(dpkg-deb -f "$out"/meander_*.deb Depends)"
  if [[ "$depends" == *libgtk-3-0* && -f "$unpacked/opt/meander/lib/meander-Meander.desktop" ]]; then
    echo "ok   .deb: depends on libgtk-3-0, installs /opt/meander with a menu entry"
  else
    echo "FAIL .deb: Depends: $depends"; failures=$((failures + 1))
  fi
  smoke ".deb's files, tiny model" "$unpacked/opt/meander/bin/Meander" --model "$model"
  rm -rf "$unpacked"
fi
if ((failures)); then echo "test-linux-image: $failures failed"; exit 1; fi
echo "test-linux-image: all passed"
