#!/usr/bin/env bash
# Screenshots of the live demo for the README: `./vitals demo` under Xvfb at one screen size and
# theme, a screenshot of the whole screen after a while. Needs xvfb and imagemagick (`import`).
# Usage: scripts/live-screenshots.sh WIDTHxHEIGHT light|dark MINUTES OUT.png [DISPLAY_NUMBER]
set -euo pipefail
size=$1 theme=$2 minutes=$3 out=$4 display=${5:-93}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prefs=$(mktemp -d)
trap 'kill $(pgrep -P "$app" 2>/dev/null) "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$prefs"' EXIT
# Fresh preferences: the window fills the screen, the chosen theme, the demo hint already dismissed.
mkdir -p "$prefs/.java/.userPrefs/dev/vitals"
cat > "$prefs/.java/.userPrefs/dev/vitals/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="theme" value="${theme^^}"/>
  <entry key="window.x" value="0"/>
  <entry key="window.y" value="0"/>
  <entry key="window.width" value="${size%x*}"/>
  <entry key="window.height" value="${size#*x}"/>
  <entry key="demoHintDismissed" value="true"/>
</map>
XML
Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp & xvfb=$!
sleep 2
DISPLAY=":$display" VITALS_JAVA_OPTS="-Djava.util.prefs.userRoot=$prefs -Dvitals.data=$prefs/data" \
  "$root/vitals" demo > "$prefs/vitals.log" 2>&1 & app=$!
sleep $((minutes * 60))
DISPLAY=":$display" import -window root "$out"
echo "wrote $out"
