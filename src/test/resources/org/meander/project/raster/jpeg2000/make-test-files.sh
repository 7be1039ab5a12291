#!/usr/bin/env bash
# Makes the JPEG 2000 test files beside this script with GDAL's JP2OpenJPEG driver (GDAL 3.6.2, OpenJPEG 2.5),
# lossless (-co QUALITY=100 -co REVERSIBLE=YES), from synthetic samples that the tests compute again:
#   8-bit:  (3x + 5y + 40b) mod 256      16-bit: 300x + 7y^2 + 1000b + 3      (x, y from 0; b the band from 0)
# 64 x 48 pixels. Needs gdal_translate and python3 with numpy. Run from anywhere: ./make-test-files.sh
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, numpy as np
w, h = 64, 48
y, x = np.mgrid[0:h, 0:w]
def envi(name, bands, dtype, code):
    np.stack(bands).astype(dtype).tofile(f"{sys.argv[1]}/{name}.raw")
    with open(f"{sys.argv[1]}/{name}.hdr", "w") as hdr:
        hdr.write(f"ENVI\nsamples = {w}\nlines = {h}\nbands = {len(bands)}\nheader offset = 0\n"
                  f"file type = ENVI Standard\ndata type = {code}\ninterleave = bsq\nbyte order = 0\n")
eight = [(3 * x + 5 * y + 40 * b) % 256 for b in range(4)]
sixteen = [300 * x + 7 * y * y + 1000 * b + 3 for b in range(4)]
envi("eight", eight, np.uint8, 1)
envi("sixteen", sixteen, np.uint16, 12)
envi("signed", [sixteen[0] - 20000], np.int16, 2)
envi("alpha", eight[:3] + [np.where(x < 16, 0, 255)], np.uint8, 1)
PY
jp2() { gdal_translate -q -of JP2OpenJPEG -co QUALITY=100 -co REVERSIBLE=YES "$@"; }
jp2 -b 1 -b 2 -b 3 -colorinterp red,green,blue -a_srs EPSG:32610 -a_ullr 400000 5330000 400032 5329976 \
    "$work/eight.raw" rgb8-utm.jp2
jp2 -colorinterp red,green,blue,undefined -a_srs EPSG:4326 -a_ullr -123.6 48.1 -123.5936 48.0952 \
    "$work/eight.raw" rgbn8-wgs84.jp2
jp2 -colorinterp red,green,blue,alpha "$work/alpha.raw" rgba8.jp2
jp2 -b 1 -b 2 -b 3 -colorinterp undefined,undefined,undefined "$work/eight.raw" three-grey8.jp2
jp2 -b 1 -a_srs EPSG:32610 -a_ullr 399960 5300040 400600 5299560 "$work/sixteen.raw" grey16-utm.jp2
jp2 -colorinterp red,green,blue,undefined "$work/sixteen.raw" rgbn16.jp2
jp2 -b 1 -b 2 "$work/eight.raw" two8.jp2
jp2 "$work/signed.raw" signed16.jp2
rm -f ./*.aux.xml
