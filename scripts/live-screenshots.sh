#!/usr/bin/env bash
# Screenshots of the live demo for the README from one live run: LiveLooksTest watches `vitals demo`
# for MINUTES under Xvfb (the GTK glass, a 1920×1080 screen), then shows it at 1280×800 and
# 1920×1080 in the light and dark themes, checks that no text is cut, and writes
# OUT_DIR/live-demo-{1280x800,1920x1080}-{light,dark}.png. Needs xvfb. Runs niced (a shared machine).
# Usage: scripts/live-screenshots.sh MINUTES OUT_DIR [DISPLAY_NUMBER]
set -euo pipefail
minutes=$1 out=$(realpath -m "$2") display=${3:-93}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
Xvfb ":$display" -screen 0 1920x1080x24 -nolisten tcp & xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 2
# The parent POM's UI test arguments without the headless glass platform (its screen is 1000×1000).
fx_args="-Dprism.order=sw -Dtestfx.robot=glass -Djavafx.cachedir=$root/app/target/javafx-cache"
fx_args+=" --enable-native-access=ALL-UNNAMED,javafx.graphics"
fx_args+=" --add-opens javafx.graphics/com.sun.javafx.application=ALL-UNNAMED --add-opens javafx.graphics/com.sun.glass.ui=ALL-UNNAMED"
fx_args+=" --add-exports javafx.graphics/com.sun.javafx.util=ALL-UNNAMED --add-exports javafx.base/com.sun.javafx.logging=ALL-UNNAMED"
cd "$root"
nice mvn -B -q -Dstyle.color=never -pl demo -DskipTests package   # the demo workload's jar, which `vitals demo` runs
DISPLAY=":$display" nice mvn -B -q -Dstyle.color=never -pl app -am -Dtest=LiveLooksTest -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dvitals.fx.test.args=$fx_args" "-Dvitals.live.minutes=$minutes" "-Dvitals.screenshots=$out" test
ls "$out"/live-demo-*.png
