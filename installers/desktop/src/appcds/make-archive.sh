#!/usr/bin/env bash
# Makes the AppCDS archive of a freshly built desktop app image (issue 14: a restart after a crash, while the
# customer waits on hold, must be fast). The image's launcher already names the archive
# (-XX:SharedArchiveFile=$APPDIR/lifeline-desktop.jsa, app-image-linux.options):
#   1. a training run of the packaged desktop under Xvfb, to its first frame, records the classes it loads
#      (-XX:DumpLoadedClassList) into lib/app/lifeline-desktop.classlist;
#   2. the image's own JVM dumps them (-Xshare:dump) into lib/app/lifeline-desktop.jsa.
# A static dump, not a dynamic one (-XX:ArchiveClassesAtExit): the jlinked runtime has no base archive to stack on,
# and the runtime is Java 17, so -XX:+AutoCreateSharedArchive (Java 19+) is not there. Java 17 maps an archive only
# with the jar paths it was made with, so the .deb's postinst makes it again at /opt from the same class list.
#   make-archive.sh APP_IMAGE_DIR
set -euo pipefail
image=${1:?usage: make-archive.sh APP_IMAGE_DIR}
launcher=$image/bin/lifeline-desktop
app=$image/lib/app
classlist=$app/lifeline-desktop.classlist
archive=$app/lifeline-desktop.jsa
log=$image/../appcds.log

fail() { echo "appcds: $*" >&2; exit 1; }
command -v xvfb-run >/dev/null \
  || fail "the training run needs xvfb-run (apt-get install xvfb xauth libgtk-3-0); or build with -Dappcds.skip=true"
rm -f "$classlist" "$archive"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$classlist" LIFELINE_GUARDIAN=off \
  timeout 180 xvfb-run -a -s "-screen 0 1280x1024x24" "$launcher" --exit-after-first-frame >"$log" 2>&1 \
  || fail "the training run failed; see $log"
[ -s "$classlist" ] || fail "the training run recorded no classes; see $log"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$classlist" "$launcher" >>"$log" 2>&1 \
  || fail "the dump failed; see $log"
[ -s "$archive" ] || fail "no archive at $archive; see $log"
echo "appcds: $archive ($(( $(stat -c %s "$archive") / 1024 )) KiB, $(grep -vc '^#' "$classlist") classes)"
