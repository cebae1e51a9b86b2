#!/usr/bin/env bash
# Lifeline demo: the server in sim mode (embedded twilio-sim) + alice's agent desktop + sam's supervisor panel
# + the Simulator window that plays the customer. Ctrl+C stops everything this script started.
#
#   ./demo.sh              build what is missing or stale, then start the demo
#   ./demo.sh --no-build   use the jars already installed in ~/.m2 as they are
#
# Environment: LIFELINE_HTTP_PORT (default 8080), LIFELINE_SIP_EMULATOR_PORT (the emulator's SIP port, default 5062),
# LIFELINE_RECOVERY_PING_TTL (default 30s here), LIFELINE_DEMO_LOGS (default ${TMPDIR:-/tmp}/lifeline-demo),
# MVN_FLAGS (extra Maven flags, e.g. -o for offline), JAVA (default: java on the PATH).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${LIFELINE_HTTP_PORT:-8080}"
# The agents' softphones register with the embedded emulator's SIP Domain here (UDP and TCP, loopback).
SIP_PORT="${LIFELINE_SIP_EMULATOR_PORT:-5062}"
URL="http://localhost:${PORT}"
LOGS="${LIFELINE_DEMO_LOGS:-${TMPDIR:-/tmp}/lifeline-demo}"
JAVA="${JAVA:-java}"
MVN="${MVN:-mvn}"
# shellcheck disable=SC2206  # MVN_FLAGS is a list of flags on purpose
MVN_FLAGS=(${MVN_FLAGS:-})
REPO="${MAVEN_REPO:-$HOME/.m2/repository}/dev/lifeline"
VERSION="0.1.0-SNAPSHOT"
HEALTH_DEADLINE_SECONDS=90
BUILD=1

step() { printf 'demo: %s\n' "$*"; }
fail() { printf 'demo: error: %s\n' "$*" >&2; exit 1; }

for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option '$arg' (use --no-build or --help)" ;;
  esac
done

# ---- preconditions, each one line ------------------------------------------------------------------------------
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  fail "the demo opens three windows and needs a display; run under xvfb-run or a desktop session"
fi
command -v "$JAVA" >/dev/null || fail "no java on the PATH; install JDK 17"
command -v curl >/dev/null || fail "curl is needed to wait for the server's /health"
if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
  fail "port ${PORT} is already in use; stop what runs there or set LIFELINE_HTTP_PORT"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/${SIP_PORT}") 2>/dev/null; then
  fail "SIP port ${SIP_PORT} is already in use; stop what runs there or set LIFELINE_SIP_EMULATOR_PORT"
fi
mkdir -p "$LOGS"

# ---- build what is needed --------------------------------------------------------------------------------------
jar_of() { printf '%s/%s/%s/%s-%s.jar' "$REPO" "$1" "$VERSION" "$1" "$VERSION"; }

stale() { # a module's installed jar is missing or older than its sources or pom
  local jar
  jar="$(jar_of "$1")"
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/pom.xml" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]
}

if [[ "$BUILD" == 1 ]]; then
  needs_build=0
  for module in shared-model twilio-sim sync-server desktop-client; do
    if stale "$module"; then needs_build=1; fi
  done
  if [[ "$needs_build" == 1 ]]; then
    command -v "$MVN" >/dev/null || fail "the jars need building and there is no mvn on the PATH; install Maven 3.8+"
    step "building the server and the desktop (mvn install -DskipTests; the first time takes a few minutes) ..."
    (cd "$ROOT" && "$MVN" -B -q "${MVN_FLAGS[@]}" install -DskipTests -pl sync-server,desktop-client -am) \
      > "$LOGS/build.log" 2>&1 || fail "the build failed; see $LOGS/build.log"
    # The jar plugin keeps an up-to-date jar as it is, so mark the installed jars as built from today's sources.
    for module in shared-model twilio-sim sync-server desktop-client; do touch "$(jar_of "$module")"; done
  else
    step "jars are up to date"
  fi
fi
for module in sync-server desktop-client; do
  [[ -f "$(jar_of "$module")" ]] || fail "$(jar_of "$module") is missing; run without --no-build"
done

classpath_of() { # the module's jar and its runtime dependencies, cached until the jar or the pom changes
  local module="$1" file="$LOGS/$1.classpath"
  if [[ ! -s "$file" || "$(jar_of "$module")" -nt "$file" || "$ROOT/$module/pom.xml" -nt "$file" ]]; then
    (cd "$ROOT" && "$MVN" -B -q "${MVN_FLAGS[@]}" -pl "$module" dependency:build-classpath \
        -Dmdep.includeScope=runtime -Dmdep.outputFile="$file") > "$LOGS/classpath-$module.log" 2>&1 \
      || fail "could not resolve the $module classpath; see $LOGS/classpath-$module.log"
  fi
  printf '%s:%s' "$(jar_of "$module")" "$(cat "$file")"
}
step "resolving classpaths ..."
SERVER_CP="$(classpath_of sync-server)"
DESKTOP_CP="$(classpath_of desktop-client)"

# ---- start, and stop everything on Ctrl+C ----------------------------------------------------------------------
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  if ((${#PIDS[@]})); then
    step "stopping (pids ${PIDS[*]}) ..."
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  fi
  step "stopped"
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

step "starting the server in sim mode on $URL (log: $LOGS/server.log) ..."
# A restarted desktop JVM takes 5-13 s to sign in on a laptop or under xvfb, close to the 15 s default ping TTL;
# 30 s lets the demo show the reconnect to the same agent rather than the requeue (set it to 15s to see that one).
# Every agent call is a SIP call to the desktop's softphone, which registers with the emulator on $SIP_PORT using the
# account the server hands it at sign-in; a killed desktop's leg ends when its RTP has been silent for 5 s.
LIFELINE_HTTP_PORT="$PORT" LIFELINE_SIP_EMULATOR_PORT="$SIP_PORT" LIFELINE_CLUSTER_NAME="${LIFELINE_CLUSTER_NAME:-lifeline-demo}" \
  LIFELINE_RECOVERY_PING_TTL="${LIFELINE_RECOVERY_PING_TTL:-30s}" \
  "$JAVA" -cp "$SERVER_CP" dev.lifeline.server.app.Main run > "$LOGS/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")

deadline=$((SECONDS + HEALTH_DEADLINE_SECONDS))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health" 2>/dev/null)" == 200 ]]; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up: $(tail -n 1 "$LOGS/server.log")"
  ((SECONDS < deadline)) || fail "the server was not healthy within ${HEALTH_DEADLINE_SECONDS} s; see $LOGS/server.log"
  sleep 0.5
done
step "server is up ($URL/health answers 200)"

# AppCDS (issue 14): the desktop's classes, parsed and verified once into an archive, make every later start -
# above all a restart after a crash, while the customer waits - faster (bench/run.sh desktop). Made once per build.
DESKTOP_JSA="$LOGS/desktop.jsa"
JSA_OPTS=()
if [[ ! -s "$DESKTOP_JSA" || "$(jar_of desktop-client)" -nt "$DESKTOP_JSA" || "$LOGS/desktop-client.classpath" -nt "$DESKTOP_JSA" ]]; then
  step "making the desktop's class-data archive (once per build) ..."
  "$JAVA" -XX:ArchiveClassesAtExit="$DESKTOP_JSA" -cp "$DESKTOP_CP" dev.lifeline.desktop.app.Launcher \
    --exit-after-first-frame > "$LOGS/appcds.log" 2>&1 || rm -f "$DESKTOP_JSA"
fi
if [[ -s "$DESKTOP_JSA" ]]; then
  JSA_OPTS=(-XX:SharedArchiveFile="$DESKTOP_JSA")
else
  step "no class-data archive (see $LOGS/appcds.log); the desktops start without it"
fi

ALICE_PID=""
desktop() { # log name, what it is, password (travels in the environment, out of ps), then Launcher options
  local log="$1" what="$2" password="$3"
  shift 3
  LIFELINE_PASSWORD="$password" "$JAVA" "${JSA_OPTS[@]}" -cp "$DESKTOP_CP" dev.lifeline.desktop.app.Launcher "$@" \
    >> "$LOGS/$log.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  step "started $what (pid $LAST_PID, log: $LOGS/$log.log)"
}
alice() {
  desktop alice "alice's agent desktop" alice-demo --server "$URL" --user alice
  ALICE_PID="$LAST_PID"
}
alice
desktop sam "sam's supervisor panel" sam-demo --server "$URL" --user sam
desktop simulator "the Simulator" "" --simulator --server "$URL"

step "ready: in the Simulator press \"Customer calls in\", accept the call on alice's desktop, then crash it:"
step "  kill -9 \$(pgrep -P \$(cat $LOGS/alice.pid))   -- its guardian starts it again, and it signs in by itself"
step "press Ctrl+C to stop the server and every window"
echo "$ALICE_PID" > "$LOGS/alice.pid"
# Alice's desktop runs under its guardian (the Launcher's default), which starts it again after a crash; this
# script only watches the server: without it there is nothing to demo.
while kill -0 "$SERVER_PID" 2>/dev/null; do
  sleep 1
done
step "the server stopped; see $LOGS/server.log"
