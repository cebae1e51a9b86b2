#!/usr/bin/env bash
# Adds what jpackage cannot (it installs only under /opt) to the lifeline-server .deb it built:
# the systemd unit, /etc/lifeline/server.properties (a conffile, so upgrades keep local edits) and the
# maintainer scripts that create the `lifeline` system user. Usage: add-system-files.sh INSTALLER_DIR DEB_SOURCES
set -euo pipefail

installer_dir=$1
sources=$2
deb=$(ls "$installer_dir"/lifeline-server_*.deb)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dpkg-deb -R "$deb" "$work/root"
install -D -m 0644 "$sources/lifeline-server.service" "$work/root/lib/systemd/system/lifeline-server.service"
install -D -m 0640 "$sources/server.properties" "$work/root/etc/lifeline/server.properties"
for script in postinst prerm postrm; do
  install -m 0755 "$sources/$script" "$work/root/DEBIAN/$script"
done
echo /etc/lifeline/server.properties > "$work/root/DEBIAN/conffiles"
(cd "$work/root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$work/root/DEBIAN/md5sums"

# Compression: DPKG_DEB_COMPRESSOR_TYPE from the pom (gzip unless -Ddeb.compressor=... says otherwise).
dpkg-deb --root-owner-group --build "$work/root" "$deb" >/dev/null
echo "add-system-files: $(basename "$deb") now has the systemd unit, /etc/lifeline/server.properties and the lifeline user"
