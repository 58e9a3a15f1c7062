#!/usr/bin/env bash
# Makes the large recording the import benchmark reads (not committed): EventStorm (deep, varied
# stacks that park for microseconds and allocate) under JDK 25 with profile settings, park events
# at threshold 0, TLAB allocation events and stack depth 256, until the file is at least 50 MB.
# Writes bench/target/big.jfr (or the path given). PATHS=0 makes every stack distinct (worst case). Needs `mvn -pl model,bench -am package` first.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/target/big.jfr}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
jar=$root/bench/target/benchmarks.jar
seconds=${SECONDS_TO_RECORD:-20}

[ -x "$jdk25/bin/java" ] || { echo "make-recording: no JDK 25 found (set JDK25_HOME)" >&2; exit 1; }
[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl model,bench -am package -DskipTests)
mkdir -p "$(dirname "$out")"

settings="settings=profile,jdk.ThreadPark#threshold=0ms"
settings="$settings,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true"
"$jdk25/bin/java" -XX:FlightRecorderOptions:stackdepth=256 "-XX:StartFlightRecording=filename=$out,$settings" \
  -cp "$jar" dev.vitals.bench.EventStorm "$seconds" 4 "${PATHS:-4096}" >/dev/null

size=$(stat -c %s "$out")
echo "make-recording: $out is $((size / 1024 / 1024)) MB"
[ "$size" -ge $((50 * 1024 * 1024)) ] || { echo "make-recording: under 50 MB; set SECONDS_TO_RECORD higher" >&2; exit 1; }
