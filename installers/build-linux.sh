#!/usr/bin/env bash
# Builds Meander for Linux with the JDK's jpackage: an app image (a folder holding its own Java runtime, JavaFX,
# DJL and the CPU build of PyTorch, runnable in place) and, with --deb, a .deb package made from it.
#
#   installers/build-linux.sh [--deb] [--out DIR]      (default DIR: target/installers)
#
# Needs JDK 17 (jpackage, jlink) and Maven; a .deb also needs fakeroot and dpkg-deb (apt-get install fakeroot).
# The app image is DIR/Meander/ (run DIR/Meander/bin/Meander); the .deb is DIR/meander_<version>_amd64.deb and
# installs to /opt/meander with a menu entry.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/target/installers"
deb=false
while (($#)); do
  case "$1" in
    --deb) deb=true ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    *) echo "usage: $0 [--deb] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done

cd "$here"
echo "build-linux: building the jar and its runtime classpath..." >&2
mvn -B -q -DskipTests package >&2

# jpackage wants a plain version number: 0.1.0-SNAPSHOT becomes 0.1.0
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)"
input="$here/target/jpackage-input"
rm -rf "$input" "$out/Meander"
mkdir -p "$input" "$out"
cp target/meander.jar target/lib/*.jar "$input/"

# Every jar in the input folder goes on the class path; the runtime is jlink's default set of JDK modules.
# OMP_WAIT_POLICY cannot be set here (--java-options sets JVM options, not the environment): the program
# restarts itself with it (cli/PackagedLaunch). Heap options as in ./meander.
echo "build-linux: jpackage --type app-image..." >&2
jpackage --type app-image \
  --name Meander \
  --app-version "$version" \
  --vendor "Meander" \
  --description "Segment river imagery with Segment Anything, and fine-tune its mask decoder" \
  --icon assets/meander.png \
  --input "$input" \
  --main-jar meander.jar \
  --main-class org.meander.cli.Main \
  --java-options "-Xmx8g -XX:G1HeapRegionSize=32m" \
  --dest "$out"
echo "build-linux: app image $out/Meander ($(du -sh "$out/Meander" | cut -f1))" >&2

if $deb; then
  echo "build-linux: jpackage --type deb..." >&2
  rm -f "$out"/meander_*.deb
  jpackage --type deb \
    --app-image "$out/Meander" \
    --name Meander \
    --app-version "$version" \
    --vendor "Meander" \
    --description "Segment river imagery with Segment Anything, and fine-tune its mask decoder" \
    --icon assets/meander.png \
    --linux-package-name meander \
    --linux-deb-maintainer "meander@localhost" \
    --linux-menu-group "Science;Graphics" \
    --linux-app-category science \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0" \
    --dest "$out"
  echo "build-linux: package $(ls "$out"/meander_*.deb)" >&2
fi
