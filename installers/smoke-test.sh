#!/usr/bin/env bash
# Smoke test of the packaged apps (run by .ci/run after the tests). Builds the app images and .debs with the
# `installers` profile, then checks the packaged launchers, not the jars: one line per check, exit 1 if any failed.
#   installers/smoke-test.sh             build, then check
#   installers/smoke-test.sh --no-build  check what the last build left in installers/*/target
# Needs: xvfb-run (xvfb, xauth) and libgtk-3-0 for the desktop; dpkg-deb and fakeroot for the .debs.
set -uo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
failures=0
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
# check "what" command...: PASS/FAIL line from the command's exit status.
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# The project version: the first <version> of the root pom (it has no parent).
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
server_image=installers/server/target/jpackage/lifeline-server
desktop_image=installers/desktop/target/jpackage/lifeline-desktop
server_launcher=$server_image/bin/lifeline-server
desktop_launcher=$desktop_image/bin/lifeline-desktop

if [ "${1:-}" != "--no-build" ]; then
  if mvn -B -q -Pinstallers -pl installers/desktop,installers/server -am package -Dmaven.test.skip=true >"$work/build.log" 2>&1; then
    pass "build: app images and .debs (mvn -Pinstallers package, $((SECONDS - started)) s)"
  else
    tail -40 "$work/build.log"
    fail "build: app images and .debs (mvn -Pinstallers package); output above"
    echo "smoke test: $failures check(s) failed"
    exit 1
  fi
fi

# --- server launcher --------------------------------------------------------------------------------------
check "server: --version prints the project version ($version)" \
  bash -c "'$server_launcher' --version | grep -qxF 'lifeline-server $version'"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)); }
port=$(free_port)
management_port=$(free_port)
cluster="smoke-$$-$RANDOM"
LIFELINE_HTTP_PORT=$port LIFELINE_MANAGEMENT_PORT=$management_port LIFELINE_CLUSTER_NAME=$cluster \
  LIFELINE_CLUSTER_PORT=$(free_port) TWILIO_ACCOUNT_SID= TWILIO_AUTH_TOKEN= LIFELINE_CONFIG= \
  "$server_launcher" run >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
# A cold start is a few seconds on a quiet machine; a loaded one (CI sharing its cores) has taken 50 s. The deadline
# only bounds a server that never comes up.
health_wait=240
deadline=$((SECONDS + health_wait))
status=000
while [ $SECONDS -lt $deadline ] && kill -0 "$server_pid" 2>/dev/null; do
  status=$(curl -s -o "$work/health.json" -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
  [ "$status" = 200 ] && break
  sleep 0.5
done
if [ "$status" = 200 ]; then
  pass "server: sim mode on port $port answers GET /health 200 ($(head -c 120 "$work/health.json"))"
else
  fail "server: GET /health on port $port gave $status within $health_wait s; stderr: $(tail -3 "$work/server.err" | tr '\n' ' ')"
fi
# The version and the counters are on the management port (loopback), not on the public one.
if curl -s "http://127.0.0.1:$management_port/health" | grep -qF "\"version\":\"$version\"" \
   && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management_port/metrics")" = 200 ] \
   && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")" = 404 ]; then
  pass "server: management port $management_port serves /health with the version and /metrics; the public port does not"
else
  fail "server: management port $management_port: /health without version $version, or /metrics misplaced"
fi

if kill -0 "$server_pid" 2>/dev/null; then
  kill -TERM "$server_pid"
  deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ] && kill -0 "$server_pid" 2>/dev/null; do sleep 0.2; done
  if kill -0 "$server_pid" 2>/dev/null; then
    fail "server: still running 30 s after SIGTERM"
  else
    wait "$server_pid"; rc=$?
    # 143 = 128 + SIGTERM: how a JVM exits after running its shutdown hooks (the unit lists it as success).
    if { [ $rc = 0 ] || [ $rc = 143 ]; } && ! grep -q 'Exception' "$work/server.err"; then
      pass "server: SIGTERM stops it cleanly (exit $rc, no exception on stderr)"
    else
      fail "server: SIGTERM exit $rc; stderr: $(grep -m3 'Exception' "$work/server.err" | tr '\n' ' ')"
    fi
  fi
  server_pid=
fi

# Bad input: one line naming the file (and the key), non-zero exit, before anything starts.
missing=$work/no-such-dir/server.properties
LIFELINE_CONFIG=$missing "$server_launcher" run >"$work/missing.out" 2>"$work/missing.err"; rc=$?
if [ $rc -ne 0 ] && [ "$(wc -l <"$work/missing.err")" -eq 1 ] && grep -qF "$missing" "$work/missing.err"; then
  pass "server: missing config file -> exit $rc, one line: $(cat "$work/missing.err")"
else
  fail "server: missing config file -> exit $rc, stderr: $(head -3 "$work/missing.err" | tr '\n' ' ')"
fi
bad=$work/server.properties
printf 'http.port=eighty\n' >"$bad"
env -u LIFELINE_HTTP_PORT LIFELINE_CONFIG=$bad "$server_launcher" run >"$work/bad.out" 2>"$work/bad.err"; rc=$?
if [ $rc -ne 0 ] && [ "$(wc -l <"$work/bad.err")" -eq 1 ] && grep -qF "$bad" "$work/bad.err" && grep -qF 'http.port' "$work/bad.err"; then
  pass "server: malformed config file -> exit $rc, one line: $(cat "$work/bad.err")"
else
  fail "server: malformed config file -> exit $rc, stderr: $(head -3 "$work/bad.err" | tr '\n' ' ')"
fi

# --- desktop launcher --------------------------------------------------------------------------------------
check "desktop: --version prints the project version ($version)" \
  bash -c "'$desktop_launcher' --version | grep -qxF 'lifeline-desktop $version'"
if release=$(grep '^MODULES=' "$desktop_image/lib/runtime/release"); then
  if grep -q 'javafx.controls' <<<"$release" && ! grep -q 'java.compiler\|jdk.jshell' <<<"$release"; then
    pass "desktop: jlinked runtime holds JavaFX and only the needed modules ($(wc -w <<<"$release") modules)"
  else
    fail "desktop: jlinked runtime modules unexpected: $release"
  fi
else
  fail "desktop: no runtime/release in the app image"
fi
if command -v xvfb-run >/dev/null; then
  timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" "$desktop_launcher" --exit-after-first-frame \
    >"$work/desktop.out" 2>"$work/desktop.err"; rc=$?
  if [ $rc = 0 ]; then
    pass "desktop: first frame rendered under Xvfb, exit 0"
  else
    fail "desktop: --exit-after-first-frame exit $rc; stderr: $(tail -5 "$work/desktop.err" | tr '\n' ' ')"
  fi
else
  fail "desktop: xvfb-run is missing (apt-get install xvfb xauth libgtk-3-0)"
fi
# shares_classes LAUNCHER LOG: the launcher's JVM loads the desktop's own classes from its AppCDS archive.
shares_classes() {
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$2" LIFELINE_GUARDIAN=off "$1" --version >/dev/null 2>&1 \
    && grep -q 'dev\.lifeline\.desktop\.app\.Launcher source: shared objects file' "$2"
}
if shares_classes "$desktop_launcher" "$work/cds.log"; then
  pass "desktop: the launcher maps the AppCDS archive made at packaging time ($(grep -c 'source: shared objects file' "$work/cds.log") classes from it)"
else
  fail "desktop: the launcher does not load its classes from lib/app/lifeline-desktop.jsa (see installers/desktop/target/jpackage/appcds.log)"
fi

# The packaged desktop runs under its guardian (the Launcher's default): SIGKILL of the desktop starts it again
# through the jpackage launcher, and SIGTERM of the guardian stops both.
guarded_args=(--server http://127.0.0.1:1 --user smoke)
launcher_exe=$(readlink -f "$desktop_launcher")
guarded_pids() { # the packaged launcher's processes (not xvfb-run's shell, whose command line names it too)
  local pid
  for pid in $(pgrep -f -- "bin/lifeline-desktop ${guarded_args[*]}"); do
    [ "$(readlink "/proc/$pid/exe")" = "$launcher_exe" ] && echo "$pid"
  done
  return 0
}
guardian_of() { local pid; for pid in $(guarded_pids); do if ! guarded_pids | grep -qx "$(ps -o ppid= -p "$pid" | tr -d ' ')"; then echo "$pid"; fi; done | head -1; }
await_child() { # guardian, pid the child must not be; prints the child's pid once it runs
  local deadline=$((SECONDS + 90)) child
  while ((SECONDS < deadline)); do
    child=$(pgrep -P "$1" | head -1)
    # The desktop is the child the guardian marked (the launcher may run short-lived helpers of its own first).
    if [ -n "$child" ] && [ "$child" != "$2" ] && [ "$(readlink "/proc/$child/exe")" = "$launcher_exe" ] \
        && { tr '\0' '\n' <"/proc/$child/environ"; } 2>/dev/null | grep -q '^LIFELINE_GUARDED='; then
      echo "$child"; return 0
    fi
    sleep 0.5
  done
  return 1
}
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1280x1024x24" "$desktop_launcher" "${guarded_args[@]}" \
    >"$work/guarded.out" 2>"$work/guarded.err" &
  runner=$!
  guardian=; first=; second=
  deadline=$((SECONDS + 90))
  while [ -z "$guardian" ] && ((SECONDS < deadline)); do guardian=$(guardian_of); [ -n "$guardian" ] || sleep 0.5; done
  if [ -n "$guardian" ] && first=$(await_child "$guardian" "") && kill -KILL "$first" \
      && second=$(await_child "$guardian" "$first") \
      && grep -qF "the desktop (pid $first) stopped unexpectedly: it was killed (SIGKILL)" "$work/guarded.err"; then
    kill -TERM "$guardian"
    deadline=$((SECONDS + 30))
    while kill -0 "$second" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    if kill -0 "$second" 2>/dev/null; then
      fail "desktop: SIGTERM of the guardian left its desktop (pid $second) running"
    else
      pass "desktop: the guardian restarted the packaged desktop after SIGKILL (pid $first -> $second) and stopped it on SIGTERM"
    fi
  else
    fail "desktop: guardian (pid ${guardian:-none}) did not restart its desktop (first ${first:-none}, second ${second:-none}); stderr: $(tail -5 "$work/guarded.err" | tr '\n' ' ')"
  fi
  for pid in $(guarded_pids); do kill -KILL "$pid" 2>/dev/null; done
  wait "$runner" 2>/dev/null
fi

# --- .deb packages, unpacked into a throwaway root -----------------------------------------------------------
server_deb=$(ls installers/server/target/installer/lifeline-server_*.deb 2>/dev/null | head -1)
desktop_deb=$(ls installers/desktop/target/installer/lifeline-desktop_*.deb 2>/dev/null | head -1)
root=$work/root
if [ -n "$server_deb" ] && dpkg-deb -x "$server_deb" "$root" && dpkg-deb -e "$server_deb" "$work/server-control"; then
  pass "server .deb: $(basename "$server_deb") unpacks"
  check "server .deb: systemd unit runs the packaged launcher as user lifeline" bash -c \
    "grep -qx 'ExecStart=/opt/lifeline-server/bin/lifeline-server run' '$root/lib/systemd/system/lifeline-server.service' \
     && grep -qx 'User=lifeline' '$root/lib/systemd/system/lifeline-server.service'"
  check "server .deb: /etc/lifeline/server.properties documents the settings and is a conffile" bash -c \
    "grep -q '^#http.port=8080' '$root/etc/lifeline/server.properties' && grep -q '^#cluster.name=' '$root/etc/lifeline/server.properties' \
     && grep -qx /etc/lifeline/server.properties '$work/server-control/conffiles'"
  check "server .deb: launcher is installed at /opt/lifeline-server/bin/lifeline-server" test -x "$root/opt/lifeline-server/bin/lifeline-server"
  check "server .deb: postinst creates the lifeline system user, Depends has adduser" bash -c \
    "grep -q 'adduser --quiet --system' '$work/server-control/postinst' && grep -q '^Depends:.*adduser' '$work/server-control/control'"
  check "server .deb: the unpacked launcher runs (--version)" bash -c \
    "'$root/opt/lifeline-server/bin/lifeline-server' --version | grep -qxF 'lifeline-server $version'"
else
  fail "server .deb: missing or does not unpack (${server_deb:-none})"
fi
droot=$work/desktop-root
if [ -n "$desktop_deb" ] && dpkg-deb -x "$desktop_deb" "$droot" && dpkg-deb -e "$desktop_deb" "$work/desktop-control"; then
  pass "desktop .deb: $(basename "$desktop_deb") unpacks"
  check "desktop .deb: launcher is installed at /opt/lifeline-desktop/bin/lifeline-desktop" test -x "$droot/opt/lifeline-desktop/bin/lifeline-desktop"
  check "desktop .deb: desktop entry with the icon, registered by postinst" bash -c \
    "entry=\$(ls '$droot'/opt/lifeline-desktop/lib/*.desktop) && grep -q '^Exec=/opt/lifeline-desktop/bin/lifeline-desktop' \"\$entry\" \
     && grep -q '^Icon=/opt/lifeline-desktop/lib/lifeline-desktop.png' \"\$entry\" && test -s '$droot/opt/lifeline-desktop/lib/lifeline-desktop.png' \
     && grep -q 'xdg-desktop-menu install' '$work/desktop-control/postinst'"
  check "desktop .deb: Depends lists libgtk-3-0 and libgl1" bash -c \
    "grep '^Depends:' '$work/desktop-control/control' | grep -q 'libgtk-3-0' && grep '^Depends:' '$work/desktop-control/control' | grep -q 'libgl1'"
  # Java 17 maps an archive only at the jar paths it was made with: postinst makes it again where it is installed.
  # Its step, run on the unpacked tree (another path again), must give an archive the unpacked launcher maps.
  dapp=$droot/opt/lifeline-desktop/lib/app
  if grep -q 'Xshare:dump' "$work/desktop-control/postinst" && test -s "$dapp/lifeline-desktop.classlist" \
     && JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$dapp/lifeline-desktop.classlist" LIFELINE_GUARDIAN=off \
          "$droot/opt/lifeline-desktop/bin/lifeline-desktop" >"$work/deb-dump.log" 2>&1 \
     && shares_classes "$droot/opt/lifeline-desktop/bin/lifeline-desktop" "$work/deb-cds.log"; then
    pass "desktop .deb: postinst's step makes the AppCDS archive again where the package is unpacked, and the launcher maps it"
  else
    fail "desktop .deb: no working AppCDS step in postinst (dump log: $(tail -2 "$work/deb-dump.log" 2>/dev/null | tr '\n' ' '))"
  fi
else
  fail "desktop .deb: missing or does not unpack (${desktop_deb:-none})"
fi

echo "smoke test: $((SECONDS - started)) s, $failures check(s) failed"
[ $failures -eq 0 ]
