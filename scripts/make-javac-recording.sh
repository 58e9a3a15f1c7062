#!/usr/bin/env bash
# Makes a large recording of a real multi-threaded workload for bench/ (not committed): javac
# (JDK 25) compiling Vitals' model sources over and over on two threads (scripts/JavacLoad.java),
# recorded with profile settings, 1 ms execution sampling, TLAB allocation events and stack depth
# 256. Runs of SECONDS_TO_RECORD seconds (default 600) are recorded one after another and their
# chunks appended to one file (as a JFR repository holds a restarted service's chunks) until it
# holds at least 100 MB: on a loaded two-core machine a run writes about 5 MB a minute.
# Writes bench/target/javac.jfr (or the path given).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/target/javac.jfr}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
seconds=${SECONDS_TO_RECORD:-600}

[ -x "$jdk25/bin/java" ] || { echo "make-javac-recording: no JDK 25 found (set JDK25_HOME)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
settings="settings=profile,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true"
settings="$settings,jdk.ExecutionSample#period=1ms,jdk.ObjectAllocationSample#throttle=10000/s"
run=$(mktemp --suffix=.jfr)
trap 'rm -f "$run"' EXIT
: >"$out"
while [ "$(stat -c %s "$out")" -lt $((100 * 1024 * 1024)) ]; do
  "$jdk25/bin/java" -Xmx1g -XX:FlightRecorderOptions:stackdepth=256 "-XX:StartFlightRecording=filename=$run,$settings" \
    "$root/scripts/JavacLoad.java" "$seconds" 2 "$root/model/src/main/java" >/dev/null
  cat "$run" >>"$out"
  echo "make-javac-recording: $out is $(($(stat -c %s "$out") / 1024 / 1024)) MB"
done
