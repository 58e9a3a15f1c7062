#!/usr/bin/env bash
# Makes a recording of an ordinary shape with about 1.8 M events for bench/ (not committed): the
# demo workload (two worker threads, requests, locks, I/O) with profile settings, 1 ms execution
# sampling, allocation samples up to 5 000/s and TLAB events with 16 kB TLABs (so that allocation
# gives many events with stacks of ordinary depth, 10-20 frames), for SECONDS_TO_RECORD seconds
# (default 200: 190-270 k events per 20 s on the shared two-core machine under load; check the
# count with `jfr summary` and record longer if it falls short). One JVM, one or a few chunks.
# Needs the demo jar (`mvn -pl demo package`). Writes bench/target/demo-big.jfr (or the path given).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/target/demo-big.jfr}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
seconds=${SECONDS_TO_RECORD:-200}
demo=$root/demo/target/vitals-demo.jar

[ -x "$jdk25/bin/java" ] || { echo "make-demo-recording: no JDK 25 found (set JDK25_HOME)" >&2; exit 1; }
[ -f "$demo" ] || (cd "$root" && mvn -B -q -pl demo package)
mkdir -p "$(dirname "$out")"
settings="settings=profile,jdk.ObjectAllocationInNewTLAB#enabled=true,jdk.ObjectAllocationSample#throttle=5000/s"
settings="$settings,jdk.ExecutionSample#period=1ms"
"$jdk25/bin/java" -XX:TLABSize=16k -XX:-ResizeTLAB "-XX:StartFlightRecording=filename=$out,$settings" \
  -jar "$demo" --duration "${seconds}s" --threads 2 >/dev/null 2>&1
events=$("$jdk25/bin/jfr" summary "$out" | awk '$1 ~ /\./ && $2 ~ /^[0-9]+$/ && $1 != "jdk.Metadata" && $1 != "jdk.CheckPoint" {n += $2} END {print n}')
echo "make-demo-recording: $out is $(($(stat -c %s "$out") / 1024 / 1024)) MB, $events events"
