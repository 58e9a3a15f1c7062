#!/usr/bin/env bash
# Makes a large recording of a real multi-threaded workload for bench/ (not committed): javac
# (JDK 25) compiling Vitals' model sources over and over on two threads (scripts/JavacLoad.java),
# recorded with profile settings, 1 ms execution sampling, TLAB allocation events and stack depth
# 256, for SECONDS_TO_RECORD seconds (default 1200: on a two-core machine loaded by others a run
# wrote about 5 MB a minute, on a quieter one up to 50 MB a minute; one JVM, because the JDK's
# RecordingFile, the baseline, cannot read chunks of different JVMs concatenated). javac gets no
# class path, so it reports the model's lz4-java imports missing and starts over: parsing and
# attribution on two threads, without code generation.
# Writes bench/target/javac.jfr (or the path given).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/target/javac.jfr}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
seconds=${SECONDS_TO_RECORD:-1200}

[ -x "$jdk25/bin/java" ] || { echo "make-javac-recording: no JDK 25 found (set JDK25_HOME)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
settings="settings=profile,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationOutsideTLAB#enabled=true"
settings="$settings,jdk.ExecutionSample#period=1ms,jdk.ObjectAllocationSample#throttle=10000/s"
"$jdk25/bin/java" -Xmx1g -XX:FlightRecorderOptions:stackdepth=256 "-XX:StartFlightRecording=filename=$out,$settings" \
  "$root/scripts/JavacLoad.java" "$seconds" 2 "$root/model/src/main/java" >/dev/null
size=$(stat -c %s "$out")
echo "make-javac-recording: $out is $((size / 1024 / 1024)) MB"
[ "$size" -ge $((100 * 1024 * 1024)) ] || { echo "make-javac-recording: under 100 MB; set SECONDS_TO_RECORD higher" >&2; exit 1; }
