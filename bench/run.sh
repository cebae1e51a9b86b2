#!/usr/bin/env bash
# Runs Lifeline's benchmark harnesses and prints their figures.
# Usage: bench/run.sh [recovery|strategies|webhooks|storm|memberloss|maps|voice|softphone|desktop|startup|all]
# Knobs: -Dbench.rounds=N (recoveries), -Dbench.rate=N -Dbench.seconds=N (webhooks) via BENCH_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-all}" = voice ]; then
  # twilio-sim's conference mixer: capacity of one media thread and mouth-to-ear latency (MixerBenchmark).
  mvn -B -q -pl twilio-sim -am test -Dgroups=bench -Dbench.excluded= -Dtest=MixerBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-}
  grep -h -A12 '^== ' twilio-sim/target/surefire-reports/dev.lifeline.sim.bench.MixerBenchmark-output.txt
  exit 0
fi
if [ "${1:-all}" = softphone ]; then
  # The desktop's SIP softphone against kamailio and baresip (Debian packages, as in CI).
  mvn -B -q -pl desktop-client -am test -Dgroups=bench -Dbench.excluded= -Dtest=SipLatencyBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-}
  grep -h -A3 '^== ' desktop-client/target/surefire-reports/dev.lifeline.desktop.softphone.interop.SipLatencyBenchmark-output.txt
  exit 0
fi
if [ "${1:-all}" = desktop ]; then
  # A desktop killed mid-call (SIGKILL) and started again by its guardian, with and without an AppCDS archive
  # (e2e-tests DesktopRestartBenchmark): launch -> first frame -> Reconnecting modal, SIGKILL -> customer bridged.
  # Real JVMs need jars (CDS refuses class folders): package the modules in the same reactor run.
  # Knobs (BENCH_OPTS): -Dbench.rounds=N (10), -Dbench.mediaTimeout=3s (how long the emulator keeps a killed
  # desktop's silent leg), -De2e.rtp.first=N (the desktops' RTP ports, 22500 on), -Dbench.archive=FILE (an archive
  # from an earlier run of the same jars instead of a training run).
  rm -f e2e-tests/target/desktop-restart-bench.txt
  mvn -B -q -pl e2e-tests -am package -Dgroups=bench -Dbench.excluded= -Dtest=DesktopRestartBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false -De2e.fork.timeout=7200 ${BENCH_OPTS:-}
  cat e2e-tests/target/desktop-restart-bench.txt
  exit 0
fi
if [ "${1:-all}" = startup ]; then
  # The desktop's launch to first frame (the login window, no server), with and without AppCDS (StartupBenchmark).
  mvn -B -q -pl desktop-client -am test -Dgroups=bench -Dbench.excluded= -Dtest=StartupBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-}
  grep -h -A4 '^== ' desktop-client/target/surefire-reports/dev.lifeline.desktop.bench.StartupBenchmark-output.txt
  exit 0
fi
case "${1:-all}" in
  recovery) tests='RecoveryTimingBenchmark' ;;
  strategies) tests='StrategiesBenchmark' ;;
  webhooks) tests='WebhookThroughputBenchmark' ;;
  storm) tests='StormBenchmark' ;;
  memberloss) tests='MemberLossBenchmark' ;;
  maps) tests='MapsBenchmark' ;;
  all) tests='RecoveryTimingBenchmark,StrategiesBenchmark,WebhookThroughputBenchmark,StormBenchmark,MemberLossBenchmark,MapsBenchmark' ;;
  *) echo "bench/run.sh: unknown benchmark '$1' (recovery, strategies, webhooks, storm, memberloss, maps, voice, softphone, desktop, startup or all)" >&2; exit 2 ;;
esac
mvn -B -q -pl sync-server -am test -Dgroups=bench -Dbench.excluded= -Dtest="$tests" \
  -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-}
# Only this run's reports: figures from an earlier run of another benchmark would be mistaken for today's.
for test in ${tests//,/ }; do
  # MapsBenchmark's report is longer: its figures end with key=value lines.
  lines=6; [ "$test" = MapsBenchmark ] && lines=30; [ "$test" = StrategiesBenchmark ] && lines=8
  grep -h -A"$lines" '^== ' "sync-server/target/surefire-reports/dev.lifeline.bench.$test-output.txt"
done
