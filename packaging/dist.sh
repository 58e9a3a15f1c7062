#!/usr/bin/env bash
# Builds Vitals' native desktop installation with the JDK 25 tools jlink and jpackage.
# `mvn -Pdist package` runs it (packaging/pom.xml passes the module path it collected); by hand:
#
#   packaging/dist.sh --modules DIR --demo JAR --out DIR --version V [--types "app-image deb"]
#                     [--training "ARGS"] [--training-display yes|no] [--jdk JDK_HOME]
#
#   --modules DIR   the application's module path: vitals-app.jar, its dependencies, JavaFX's jars
#   --demo JAR      the demo workload, shipped as <app>/lib/app/demo/vitals-demo.jar
#   --out DIR       where runtime/, app-image/vitals/ and packages/ are written
#   --types LIST    app-image, and the package types to make from it: deb or rpm on Linux,
#                   msi or exe on Windows, dmg or pkg on macOS
#   --training ARGS the vitals command line of the training run that records the AOT cache
#   --training-display yes  run the training under `xvfb-run -a` when there is no DISPLAY (a GUI training)
#   --jdk DIR       the JDK 25 whose jlink/jpackage to use (default: JAVA_HOME if it is 25 or newer,
#                   else the usual install folders, as ./vitals looks for it)
#
# Steps:
#   1. runtime/: jlink links the app's modules, JavaFX and the JDK modules Vitals needs (list below)
#      from the installed JDK (Temurin 25 ships no jmods/; jlink links from the running image).
#      JavaFX's native libraries are taken out of its module jars and put into the runtime's own
#      lib/ folder (bin/ on Windows), where JavaFX loads them first, so nothing is unpacked into the
#      user's home (~/.openjfx) at start.
#   2. app-image/vitals/: jpackage around that runtime, with the same java options as ./vitals;
#      on Linux its bin/vitals is then a shell launcher with those options (see below why).
#   3. app-image/vitals/lib/app/vitals.aot: a JDK 25 AOT cache (JEP 483/514: classes loaded and
#      linked ahead of time) recorded by a training run of the app-image; the launcher uses it
#      through -XX:AOTCache.
#   4. packages/: each package type in --types, made from that app-image, with the desktop entry,
#      icon, file associations (.jfr, .vitals) and the `vitals` command on the PATH.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
app_name=vitals
main=dev.vitals.app/dev.vitals.app.Main
description="Live JFR telemetry of JVMs: flame graphs, thread states, latency and metrics on one clock"
vendor=Vitals

# JDK modules the app's module descriptors cannot name, because the runtime needs them for others:
#   jdk.attach, jdk.jfr, jdk.management.jfr, java.management: attaching and live JFR streaming (also
#     required by the attach module, named here so the runtime keeps them whatever the app requires);
#   jdk.management.agent: the local JMX agent of JVMs started from this runtime (the demo workload),
#     which Vitals starts over attach;
#   jdk.naming.rmi: JNDI rmi: URLs, used by remote JMX addresses (service:jmx:rmi:///jndi/rmi://…);
#   jdk.zipfs: the zip file system for .vitals session files.
# Everything else comes from the module descriptors of the app and its libraries.
jdk_modules=(jdk.attach jdk.jfr jdk.management.jfr java.management jdk.management.agent jdk.naming.rmi jdk.zipfs)
# The GUI toolkit, linked as modules (its natives go into the runtime's library folder, step 1).
toolkit_modules=(javafx.controls)

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit "$1"; }

modules= demo= out= version= types="app-image" training="--version" training_display=no jdk=
while [ $# -gt 0 ]; do
  case $1 in
    --modules) modules=$2; shift 2 ;;
    --demo) demo=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --types) types=$2; shift 2 ;;
    --training) training=$2; shift 2 ;;
    --training-display) training_display=$2; shift 2 ;;
    --jdk) jdk=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "dist.sh: unknown argument $1" >&2; usage 2 >&2 ;;
  esac
done
[ -n "$modules" ] && [ -n "$demo" ] && [ -n "$out" ] && [ -n "$version" ] || usage 2 >&2
# absolute paths: some steps run in other folders
mkdir -p "$out"
modules=$(cd "$modules" && pwd) out=$(cd "$out" && pwd) demo=$(cd "$(dirname "$demo")" && pwd)/$(basename "$demo")

log() { echo "dist: [${SECONDS}s] $*"; }
die() { echo "dist: $*" >&2; exit 1; }

java_feature() { # the feature version of the JDK at $1, or nothing
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/jdk-25* /opt/java/jdk-25* \
      /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/jpackage" ] || continue
    v=$(java_feature "$candidate")
    [ -n "$v" ] && [ "$v" -ge 25 ] && { echo "$candidate"; return 0; }
  done
  return 1
}
[ -n "$jdk" ] || jdk=$(find_jdk) || die "needs a JDK 25 or newer with jlink and jpackage (set JAVA_HOME or pass --jdk)"

case $(uname -s) in
  Linux) platform=linux native_dir=lib native_ext='so' ;;
  Darwin) platform=mac native_dir=lib native_ext='dylib' ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows native_dir=bin native_ext='dll' ;;
  *) die "unsupported system $(uname -s)" ;;
esac

runtime=$out/runtime
image_root=$out/app-image
image=$image_root/$app_name
[ "$platform" = mac ] && image=$image_root/$app_name.app
packages=$out/packages
rm -rf "$runtime" "$image_root" "$packages"
mkdir -p "$packages"

# --- 1. the trimmed runtime -------------------------------------------------------------------
# Module jars with native libraries at their root (JavaFX's platform jars): module name -> jar.
declare -A natives=()
for jar in "$modules"/*.jar; do
  entries=$("$jdk/bin/jar" tf "$jar" | grep -E "^[^/]+\.$native_ext\$" || true)
  [ -n "$entries" ] || continue
  module=$("$jdk/bin/jar" --describe-module --file "$jar" | sed -n '1s/@.*//p')
  natives[$module]="$jar"
done

excludes=()
for module in "${!natives[@]}"; do
  # the libraries move to the runtime's library folder; SWT interop (javafx-swt.jar) is not used
  excludes+=("glob:/$module/*.$native_ext" "glob:/$module/*.jar")
done

# JDK Mission Control's jars (and lz4-java, the OWASP encoder) are automatic modules, which jlink refuses
"$here/explicit-modules.sh" "$jdk" "$modules" | while read -r line; do log "$line"; done
log "jlink: $jdk"
add_modules=$(IFS=,; echo "dev.vitals.app,${toolkit_modules[*]},${jdk_modules[*]}")
"$jdk/bin/jlink" --module-path "$modules" --add-modules "$add_modules" \
  --strip-debug --no-man-pages --no-header-files --compress zip-6 \
  ${excludes[@]+--exclude-resources "$(IFS=,; echo "${excludes[*]}")"} \
  --output "$runtime"

linked=$("$runtime/bin/java" --list-modules | sed 's/@.*//')
for module in "${!natives[@]}"; do
  grep -qx "$module" <<<"$linked" || continue
  jar=${natives[$module]}
  # shellcheck disable=SC2046 # one argument per library entry
  (cd "$runtime/$native_dir" && "$jdk/bin/jar" xf "$jar" $("$jdk/bin/jar" tf "$jar" | grep -E "^[^/]+\.$native_ext\$"))
  log "native libraries of $module placed in runtime/$native_dir"
done

# --- 2. the app-image -------------------------------------------------------------------------
# Native access for the modules whose native libraries the application loads (JavaFX's graphics
# module once the app requires it); ALL-UNNAMED as in ./vitals.
resolved=$("$runtime/bin/java" --show-module-resolution --dry-run -m "$main" | sed -n 's|.* jrt:/\([^ ]*\)$|\1|p' | sort -u)
native_access=ALL-UNNAMED
for module in "${!natives[@]}"; do
  grep -qx "$module" <<<"$resolved" && native_access+=",$module"
done
# CompileThresholdScaling=4: the JIT compiles a method after 4x the usual calls and loops, so at
# start its compiler threads (1.3 s of CPU before the window, with the AOT cache's profiles) take
# less of a 2-core machine from the FX thread; hot import and paint loops still compile within
# milliseconds (bench/RESULTS.md, start to a window). FreqInlineSize=100: C2 inlines less into a hot
# method, so it compiles the JFR decoder in smaller units: a quarter less CPU for a cold import, the
# same start to a window (bench/RESULTS.md, own reader: the two speed targets).
java_options=(--enable-native-access="$native_access" "-Dvitals.demo.jar=\$APPDIR/demo/vitals-demo.jar"
  -XX:CompileThresholdScaling=4 -XX:FreqInlineSize=100)

icon_ext=png
[ "$platform" = windows ] && icon_ext=ico
[ "$platform" = mac ] && icon_ext=icns
icon=$here/src/main/icon/vitals.$icon_ext

jpackage_common=(--name "$app_name" --app-version "$version" --description "$description" --vendor "$vendor"
  --copyright "Copyright the Vitals authors" --icon "$icon")
log "jpackage app-image"
aot_option="-XX:AOTCache=\$APPDIR/vitals.aot"
java_option_args=()
for option in "${java_options[@]}" "$aot_option"; do java_option_args+=(--java-options "$option"); done
"$jdk/bin/jpackage" --type app-image --dest "$image_root" "${jpackage_common[@]}" \
  --runtime-image "$runtime" --module "$main" "${java_option_args[@]}"

# The launcher's $APPDIR (jpackage's --input would also put the demo on the app's class path).
case $platform in
  linux) appdir=$image/lib/app java=$image/lib/runtime/bin/java ;;
  mac) appdir=$image/Contents/app java=$image/Contents/runtime/Contents/Home/bin/java ;;
  windows) appdir=$image/app java=$image/runtime/bin/java.exe ;;
esac
mkdir -p "$appdir/demo"
cp "$demo" "$appdir/demo/vitals-demo.jar"

# On Linux, bin/vitals becomes a shell launcher with the same java options. jpackage's native
# launcher asks `rpm -qf`, `dpkg -S` and `dpkg -L` which package owns it at every start, to find
# its own library: 0.2-1 s before the JVM starts (bench/RESULTS.md). Its configuration file
# and that library then have no reader and go.
if [ "$platform" = linux ]; then
  launcher_options=
  for option in "${java_options[@]}" "$aot_option"; do
    launcher_options+=" \"${option//\$APPDIR/\$app/lib/app}\""
  done
  cat > "$image/bin/$app_name" <<LAUNCHER
#!/bin/sh
# Starts Vitals on its bundled runtime with the java options of ./vitals (made by packaging/dist.sh).
app=\$(dirname "\$(dirname "\$(readlink -f "\$0")")")
# shellcheck disable=SC2086 # VITALS_JAVA_OPTS holds words, as in ./vitals
exec "\$app/lib/runtime/bin/java"$launcher_options \${VITALS_JAVA_OPTS:-} -m $main "\$@"
LAUNCHER
  rm "$appdir/$app_name.cfg" "$image/lib/libapplauncher.so"
fi

# --- 3. the AOT cache -------------------------------------------------------------------------
if [ "$training_display" = yes ] && [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run > /dev/null; then
  log "AOT cache: no display and no xvfb-run (Debian package xvfb): training on 'vitals --version' instead of the window"
  training=--version training_display=no
fi
training_java_options=("${java_options[@]//\$APPDIR/$appdir}")
training_command=("$java" "${training_java_options[@]}" -XX:AOTCacheOutput="$appdir/vitals.aot" -m "$main")
# shellcheck disable=SC2206 # the training arguments are words
training_command+=($training)
if [ "$training_display" = yes ] && [ -z "${DISPLAY:-}" ]; then
  training_command=(xvfb-run -a "${training_command[@]}")
fi
log "AOT cache: training run of 'vitals $training' (log: $out/aot-training.log)"
"${training_command[@]}" > "$out/aot-training.log" 2>&1 || die "the training run failed; see $out/aot-training.log"
[ -f "$appdir/vitals.aot" ] || die "the training run wrote no AOT cache; see $out/aot-training.log"

# --- 4. packages ------------------------------------------------------------------------------
for type in $types; do
  case $type in
    app-image) continue ;;
    deb|rpm)
      [ "$platform" = linux ] || die "$type packages are built on Linux"
      # /opt/vitals: the install folder that the resource-dir scripts link to /usr/bin/vitals
      platform_options=(--resource-dir "$here/src/main/linux/$type" --install-dir /opt
        --linux-package-name "$app_name" --linux-shortcut --linux-menu-group "Development;Profiling;"
        --linux-app-category "$([ "$type" = deb ] && echo devel || echo Development/Tools)"
        --linux-package-deps "$([ "$type" = deb ] && echo 'libgtk-3-0 | libgtk-3-0t64, libgl1, libxtst6' || echo 'gtk3, libXtst')")
      [ "$type" = deb ] && platform_options+=(--linux-deb-maintainer "vitals@vitals.dev") ;;
    msi|exe)
      [ "$platform" = windows ] || die "$type packages are built on Windows"
      platform_options=(--win-menu --win-menu-group Vitals --win-shortcut --win-dir-chooser
        --win-upgrade-uuid 8d4f5a4e-3b7e-4c51-9a59-2f6c1d7e0b3a) ;;
    dmg|pkg)
      [ "$platform" = mac ] || die "$type packages are built on macOS"
      platform_options=(--mac-package-identifier dev.vitals.app --mac-package-name Vitals) ;;
    *) die "unknown package type $type" ;;
  esac
  log "jpackage $type"
  "$jdk/bin/jpackage" --type "$type" --app-image "$image" --dest "$packages" "${jpackage_common[@]}" \
    --file-associations "$here/src/main/file-associations/jfr.properties" \
    --file-associations "$here/src/main/file-associations/vitals.properties" \
    "${platform_options[@]}"
done

log "done: $(du -sh "$image" | cut -f1) app-image $image"
for package in "$packages"/*; do
  [ -e "$package" ] && log "done: $(du -h "$package" | cut -f1) $package"
done
exit 0
