#!/usr/bin/env bash
# Records the small .jfr files the tests use, from the demo workload, with JDK 25 (default and
# profile settings), JDK 17 and async-profiler 4.6, plus a two-chunk file; writes next to each the
# golden `jfr summary` of the JDK 25 `jfr` tool. Run from anywhere; needs the demo jar
# (`mvn -pl demo package`) and Maven (to fetch async-profiler from Maven Central).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/model/src/test/resources/recordings}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
jdk17=${JDK17_HOME:-$(ls -d /usr/lib/jvm/java-17-openjdk* 2>/dev/null | head -n 1)}
demo=$root/demo/target/vitals-demo.jar
work=$root/scripts/.cache
args=(--duration 7s --spike-every 2s)

[ -x "$jdk25/bin/java" ] || { echo "make-recordings: no JDK 25 found (set JDK25_HOME)" >&2; exit 1; }
[ -x "$jdk17/bin/java" ] || { echo "make-recordings: no JDK 17 found (set JDK17_HOME)" >&2; exit 1; }
[ -f "$demo" ] || (cd "$root" && mvn -B -q -pl demo package)
mkdir -p "$out" "$work"

record() { # name java settings [extra java options...]
  local name=$1 java=$2 settings=$3; shift 3
  "$java" "$@" "-XX:StartFlightRecording=filename=$work/$name.jfr,settings=$settings" -jar "$demo" "${args[@]}" >/dev/null
  cp "$work/$name.jfr" "$out/$name.jfr"
}

record demo-jdk25-default "$jdk25/bin/java" default
record demo-jdk25-profile "$jdk25/bin/java" profile -XX:FlightRecorderOptions:stackdepth=256
record demo-jdk17-default "$jdk17/bin/java" default

ap_version=4.6
ap_jar=$HOME/.m2/repository/tools/profiler/async-profiler/$ap_version/async-profiler-$ap_version.jar
[ -f "$ap_jar" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$ap_version
unzip -o -q "$ap_jar" 'linux-x64/libasyncProfiler.so' -d "$work"
"$jdk25/bin/java" "-agentpath:$work/linux-x64/libasyncProfiler.so=start,event=cpu,interval=10ms,alloc=512k,lock=1ms,wall=50ms,file=$work/demo-asprof.jfr" \
  -jar "$demo" "${args[@]}" >/dev/null
cp "$work/demo-asprof.jfr" "$out/demo-asprof.jfr"

# A multi-chunk file: JFR files are sequences of self-contained chunks, so two recordings
# concatenated are one valid two-chunk recording (as a JFR repository's chunks are).
"$jdk25/bin/java" "-XX:StartFlightRecording=filename=$work/chunk2.jfr,settings=default" -jar "$demo" --duration 3s --spike-every 1s >/dev/null
cat "$work/demo-jdk25-default.jfr" "$work/chunk2.jfr" > "$out/demo-multichunk.jfr"

for f in "$out"/*.jfr; do
  "$jdk25/bin/jfr" summary "$f" > "${f%.jfr}.summary.txt"
done
ls -l "$out"
