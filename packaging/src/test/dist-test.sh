#!/usr/bin/env bash
# End-to-end test of Vitals' native installation; CI runs it after `mvn verify`.
#
#   packaging/src/test/dist-test.sh [--skip-build] [--window-cmd "ARGS"] [--window-title TITLE]
#
#   --skip-build         test the output of an earlier `mvn -Pdist package` as it is
#   --window-cmd ARGS    also start the app-image as `vitals ARGS` under Xvfb and wait for its window
#                        (for example --window-cmd "open model/src/test/resources/recordings/demo-jdk25-default.jfr")
#   --window-title TITLE the start of that window's title (default: Vitals)
#
# 1. Builds with `mvn -Pdist package` (tests skipped; `mvn verify` ran them).
# 2. App-image: `vitals --version`; `vitals` without a display exits with one readable line; JavaFX
#    from the image's runtime under Xvfb (the test-only FxCheck): its window appears, its native
#    libraries come from the runtime's lib/ and nothing is unpacked into the home folder; attach + JMX + JFR MXBean from the runtime to the demo workload
#    running on it (the test-only AttachCheck); with --window-cmd, the application's own window.
# 3. The .deb, when run as root: its dependencies from apt, then `dpkg -i`, the installed
#    `vitals --version` with the AOT cache in use, `vitals summary` on a recording when `vitals --help`
#    lists it, the desktop entry, file types and /usr/bin/vitals; then `dpkg --purge`, after which
#    none of the files the package owned is left and nothing else changed (the dependencies, other
#    packages, were installed before the snapshot and stay).
# Installs the Debian packages it needs when they are missing (fakeroot, xvfb, xauth, x11-utils, libgtk-3-0).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
target=$root/packaging/target
image=$target/app-image/vitals
recording=$root/model/src/test/resources/recordings/demo-jdk25-default.jfr

skip_build= window_cmd= window_title=Vitals
while [ $# -gt 0 ]; do
  case $1 in
    --skip-build) skip_build=1; shift ;;
    --window-cmd) window_cmd=$2; shift 2 ;;
    --window-title) window_title=$2; shift 2 ;;
    *) echo "dist-test: unknown argument $1" >&2; exit 2 ;;
  esac
done

step() { echo "dist-test: $*"; }
fail() { echo "dist-test: FAILED: $*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

missing=()
for package in fakeroot xvfb xauth x11-utils libgtk-3-0; do
  dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  is_root || fail "install the Debian packages ${missing[*]}"
  step "installing ${missing[*]}"
  apt-get update -q > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" > /dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Starts the command after the title under Xvfb, waits up to 60 s for a window whose title starts
# with $1, then ends the command. Its output goes to $work/window.log.
expect_window() {
  local title=$1; shift
  xvfb-run -a bash -c '
    title=$1 log=$2; shift 2
    "$@" > "$log" 2>&1 & pid=$!
    for _ in $(seq 120); do
      if xwininfo -root -tree | grep -qF "\"$title"; then
        kill "$pid"; wait "$pid" 2> /dev/null || true
        exit 0
      fi
      kill -0 "$pid" 2> /dev/null || { echo "the process ended before its window appeared" >&2; exit 1; }
      sleep 0.5
    done
    kill "$pid"; echo "no window \"$title…\" within 60 s" >&2; exit 1
  ' expect-window "$title" "$work/window.log" "$@" || { cat "$work/window.log" >&2; fail "window \"$title\" of: $*"; }
}

# --- 1. build ---------------------------------------------------------------------------------
if [ -z "$skip_build" ]; then
  # The test's .deb holds the same files, gzip-compressed: xz (dpkg-deb's default, kept by the
  # normal build) takes over a minute on 2 cores. Sizes are measured on the normal build.
  export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
  step "mvn -Pdist package"
  (cd "$root" && mvn -B -q -Dstyle.color=never -Pdist -DskipTests package) || fail "the dist build"
fi
[ -x "$image/bin/vitals" ] || fail "no app-image at $image"
deb=$(ls "$target"/packages/vitals_*.deb)

# --- 2. app-image -----------------------------------------------------------------------------
step "app-image: vitals --version"
"$image/bin/vitals" --version | tee "$work/version"
grep -q '^Vitals ' "$work/version" || fail "app-image --version"

step "app-image: vitals without a display says so"
# (no arguments: the launcher's path that opens the window without building the command line)
status=0
env -u DISPLAY -u WAYLAND_DISPLAY "$image/bin/vitals" > "$work/no-display.log" 2>&1 || status=$?
[ "$status" = 1 ] && grep -q '^vitals: there is no display' "$work/no-display.log" \
  || { cat "$work/no-display.log" >&2; fail "vitals without a display: exit $status"; }

step "app-image: JavaFX window from the linked runtime (FxCheck)"
mkdir "$work/home"
HOME=$work/home expect_window "Vitals FX check" \
  "$image/lib/runtime/bin/java" -Djavafx.verbose=true -cp "$target/test-classes" dev.vitals.packaging.FxCheck
grep -q 'fx-check: window shown' "$work/window.log" || fail "FxCheck did not report its window"
grep -q "Loaded $image/lib/runtime/lib/libglassgtk3.so" "$work/window.log" \
  || { cat "$work/window.log" >&2; fail "JavaFX did not load its natives from the runtime's lib/"; }
[ ! -e "$work/home/.openjfx" ] || fail "JavaFX unpacked native libraries into the home folder"

step "app-image: attach, JMX and JFR from the linked runtime (AttachCheck on the demo workload)"
"$image/lib/runtime/bin/java" -jar "$image/lib/app/demo/vitals-demo.jar" --duration 120s > /dev/null 2>&1 &
demo_pid=$!
# attach only once the target JVM is up (its perf data file exists), and give it a moment more
for _ in $(seq 60); do [ -e "/tmp/hsperfdata_$(id -un)/$demo_pid" ] && break; sleep 0.5; done
sleep 1
if ! timeout 120 "$image/lib/runtime/bin/java" -cp "$target/test-classes" dev.vitals.packaging.AttachCheck "$demo_pid" \
    > "$work/attach.log" 2>&1; then
  kill "$demo_pid"; cat "$work/attach.log" >&2; fail "AttachCheck"
fi
kill "$demo_pid"; wait "$demo_pid" 2> /dev/null || true
cat "$work/attach.log"

if [ -n "$window_cmd" ]; then
  step "app-image: window of 'vitals $window_cmd'"
  # shellcheck disable=SC2086 # the command's arguments are words
  (cd "$root" && expect_window "$window_title" "$image/bin/vitals" $window_cmd)
fi

# --- 3. .deb ----------------------------------------------------------------------------------
if ! is_root; then
  step "not root: the .deb is not installed"
  step "passed"
  exit 0
fi
# (outputs go to files before grep -q reads them: with pipefail, a writer cut short by grep's exit fails)
dpkg-deb -f "$deb" Depends > "$work/depends"
grep -q 'libgtk-3-0' "$work/depends" || fail "the .deb does not depend on GTK 3"
if dpkg -s vitals > /dev/null 2>&1; then
  dpkg --purge vitals > /dev/null
fi
# A desktop has a menu system (/etc/xdg/menus, /usr/share/desktop-directories); a CI container gets
# empty ones for the test, so that the desktop entry is installed and removed as on a desktop.
made_dirs=()
for dir in /etc/xdg/menus /usr/share/desktop-directories; do
  [ -d "$dir" ] || { mkdir -p "$dir"; made_dirs+=("$dir"); }
done
trap 'rm -rf "$work"; [ ${#made_dirs[@]} = 0 ] || rmdir "${made_dirs[@]}" 2> /dev/null || true' EXIT
# Everything the package or its scripts may write; the caches that desktop tools regenerate are not its own.
system_files() {
  local dir dirs=()
  for dir in /opt/vitals /usr/bin /usr/local/bin /etc/xdg/menus /usr/share/applications /usr/local/share/applications \
      /usr/share/desktop-directories /usr/share/mime/packages /usr/share/mime/application /usr/share/icons; do
    [ -d "$dir" ] && dirs+=("$dir")
  done
  find "${dirs[@]}" | grep -v -e '/mimeinfo.cache$' -e '/icon-theme.cache$' | sort
}
# The package's dependencies go in first, as apt would install them with it: they stay after the
# purge (they are other packages), so the snapshot before installing must already hold them. A
# dependency none of whose alternatives is installed gets the first alternative apt knows.
installed_alternative() {
  local name
  for name in "$@"; do dpkg -s "$name" > /dev/null 2>&1 && return 0; done
  return 1
}
missing_dependencies=()
while IFS= read -r dependency; do
  read -ra names <<< "$(sed -E 's/\([^)]*\)//g; s/\|/ /g' <<< "$dependency")"
  if [ ${#names[@]} -gt 0 ] && ! installed_alternative "${names[@]}"; then missing_dependencies+=("${names[*]}"); fi
done < <(tr ',' '\n' < "$work/depends")
if [ ${#missing_dependencies[@]} -gt 0 ]; then
  apt-get update -q > /dev/null || fail "apt-get update"
  dependencies=()
  for alternatives in "${missing_dependencies[@]}"; do
    chosen=
    for name in $alternatives; do
      apt-cache show "$name" > /dev/null 2>&1 && { chosen=$name; break; }
    done
    [ -n "$chosen" ] || fail "no installable package for the dependency '$alternatives'"
    dependencies+=("$chosen")
  done
  step "installing the package's dependencies: ${dependencies[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${dependencies[@]}" > "$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install of the dependencies"; }
fi
system_files > "$work/files-before"

step "dpkg -i $(basename "$deb")"
dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
[ "$(dpkg-query -W -f '${Status}' vitals)" = "install ok installed" ] || fail "the package is not installed"
# What the package itself owns (its files, not the folders it shares with others), for the purge check.
dpkg-query -L vitals | while IFS= read -r path; do
  if [ ! -d "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done > "$work/owned"
[ -s "$work/owned" ] || fail "dpkg lists no files of the installed package"
[ "$(readlink /usr/bin/vitals)" = /opt/vitals/bin/vitals ] || fail "/usr/bin/vitals is not the installed launcher"
[ -f /usr/share/applications/vitals-vitals.desktop ] || fail "no desktop entry installed"
grep -q '^Name=Vitals$' /usr/share/applications/vitals-vitals.desktop || fail "the desktop entry is not named Vitals"
[ -f /usr/share/mime/packages/vitals-vitals-MimeInfo.xml ] || fail "the .jfr and .vitals file types are not registered"

step "installed: vitals --version"
(cd / && vitals --version) | tee "$work/installed-version"
cmp -s "$work/version" "$work/installed-version" || fail "the installed --version differs from the app-image's"
JAVA_TOOL_OPTIONS=-Xlog:aot vitals --version > "$work/aot.log" 2>&1
grep -q 'Using AOT-linked classes: true' "$work/aot.log" || fail "the installed launcher does not use its AOT cache"

vitals --help > "$work/help"
if grep -qE '^ +summary( |$)' "$work/help"; then
  step "installed: vitals summary $(basename "$recording")"
  vitals summary "$recording" > "$work/summary" || fail "vitals summary"
  [ -s "$work/summary" ] || fail "vitals summary printed nothing"
fi

step "dpkg --purge vitals"
dpkg --purge vitals > "$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg --purge"; }
left=()
while IFS= read -r path; do
  if [ -e "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done < "$work/owned"
[ ${#left[@]} = 0 ] || { printf '%s\n' "${left[@]}" >&2; fail "the purge left the package's own files above"; }
system_files > "$work/files-after"
diff "$work/files-before" "$work/files-after" || fail "the purge left (>) or removed (<) the files above"
step "passed"
