#!/usr/bin/env bash
# Gives the automatic modules of a module path (jars without module-info.class, such as JDK Mission
# Control's rules library and its dependencies) explicit module descriptors, in place, because jlink
# links named modules only. dist.sh runs it on its --modules folder before jlink:
#
#   packaging/explicit-modules.sh JDK_HOME MODULES_DIR
#
# For the jars with classes that derive an automatic module name, jdeps writes each descriptor
# (requires from the bytecode; provides from META-INF/services, each provider once, as JMC's
# services file lists some rules twice); the services the libraries load with ServiceLoader, which
# jdeps cannot see, are added as uses (below); javac compiles each descriptor against the others
# and jar adds it. Empty jars (JavaFX's platform-independent placeholders) are left alone: nothing
# requires them, and once no automatic module is resolved they are not linked.
set -euo pipefail

jdk=$1 modules=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# module -> the service interfaces it loads through ServiceLoader
declare -A uses=(
  [org.openjdk.jmc.flightrecorder]="org.openjdk.jmc.flightrecorder.parser.IParserExtension"
  [org.openjdk.jmc.flightrecorder.rules]="org.openjdk.jmc.flightrecorder.rules.IRule org.openjdk.jmc.flightrecorder.rules.internal.IRuleProvider"
)

declare -A jar_of=()
for jar in "$modules"/*.jar; do
  name=$("$jdk/bin/jar" --describe-module --file "$jar" | sed -n 's/@.* automatic$//p')
  [ -n "$name" ] || continue
  "$jdk/bin/jar" tf "$jar" | grep -q '\.class$' || continue
  jar_of[$name]=$jar
done
[ ${#jar_of[@]} -gt 0 ] || exit 0

"$jdk/bin/jdeps" --generate-module-info "$work/src" --multi-release 25 "${jar_of[@]}" >/dev/null
mkdir -p "$work/path"
cp "${jar_of[@]}" "$work/path/"
for name in "${!jar_of[@]}"; do
  jar=${jar_of[$name]}
  info=$(find "$work/src/$name" -name module-info.java | head -n 1)
  clauses=""
  for service in ${uses[$name]:-}; do
    clauses+="    uses $service;\n"
  done
  awk -v clauses="$clauses" '
    /^module / { print; printf "%s", clauses; next }
    /^ *provides .* with$/ { print; inlist = 1; n = 0; split("", seen); next }
    inlist {
      impl = $0; gsub(/[ ,;]/, "", impl)
      if (!(impl in seen)) { seen[impl] = 1; list[++n] = impl }
      if ($0 ~ /;[ ]*$/) {
        for (i = 1; i <= n; i++) printf "        %s%s\n", list[i], (i < n ? "," : ";")
        inlist = 0
      }
      next
    }
    { print }' "$info" > "$work/$name.java"
  mv "$work/$name.java" "$info"
  others=$(find "$work/path" -name '*.jar' ! -name "$(basename "$jar")" | paste -sd: -)
  "$jdk/bin/javac" -nowarn -d "$work/classes/$name" --module-path "$others" --patch-module "$name=$jar" "$info"
  "$jdk/bin/jar" --update --file "$jar" -C "$work/classes/$name" module-info.class
  echo "explicit-modules: $name ($(basename "$jar"))"
done
