#!/usr/bin/env bash
# Renders the Vitals icon from its source vitals.svg into the files jpackage takes:
# vitals.png (Linux), vitals.ico (Windows) and vitals.icns (macOS). The rendered files are
# committed, so building the packages needs none of these tools. Run after editing vitals.svg.
# Needs the Debian packages librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 32 48 128 256 512; do
  rsvg-convert -w "$size" -h "$size" vitals.svg -o "$work/vitals-$size.png"
done
cp "$work/vitals-256.png" vitals.png
convert "$work"/vitals-{16,32,48,256}.png vitals.ico
png2icns vitals.icns "$work"/vitals-{16,32,48,128,256,512}.png > /dev/null
ls -l vitals.png vitals.ico vitals.icns
