#!/usr/bin/env bash
# Whole process against whole process, interleaved: `vitals summary FILE --json` (JVM start, the
# import through Vitals' own reader, the summary) against `PlainLoop FILE` (JVM start, the JDK's
# RecordingFile reading every event and touching every frame's class and method name), ROUNDS
# times each (default 3), alternating. Prints each run's wall and CPU seconds and the median ratio.
# Needs `mvn -B -q -pl app,bench -am package -DskipTests` first (./vitals builds the app if stale).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
file=${1:?usage: bench/summary-vs-loop.sh RECORDING.jfr}
rounds=${ROUNDS:-3}
jdk25=${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}
jar=$root/bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "summary-vs-loop: build first: mvn -B -q -pl app,bench -am package -DskipTests" >&2; exit 1; }

vitals=()
loop=()
run() { # label, command...: prints "label wall cpu", appends wall to the label's list
  local label=$1; shift
  local out; out=$(mktemp)
  /usr/bin/time -o "$out" -f "%e %U %S" "$@" >/dev/null 2>&1
  read -r wall user sys <"$out"
  rm -f "$out"
  printf '%-7s wall %6.2f s  cpu %6.2f s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)"
  if [ "$label" = vitals ]; then vitals+=("$wall"); else loop+=("$wall"); fi
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for ((i = 1; i <= rounds; i++)); do
  run vitals "$root/vitals" summary --json "$file"
  run loop "$jdk25/bin/java" -Xmx3g -cp "$jar" dev.vitals.bench.PlainLoop "$file"
done
v=$(median "${vitals[@]}")
l=$(median "${loop[@]}")
echo "median: vitals summary $v s, RecordingFile loop $l s, ratio $(echo "scale=3; $v / $l" | bc)"
