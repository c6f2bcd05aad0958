#!/usr/bin/env bash
# The Debian base of every local image: `debootstrap --variant=minbase` of Debian 13 (trixie), slimmed like the
# official debian:*-slim images (no manuals, documentation or translations; apt keeps no caches), then
# `docker import`. Called by deploy/local/images.sh:  build.sh SUITE MIRROR DIR
set -euo pipefail
suite=${1:?suite}; mirror=${2:?mirror}; dir=${3:?directory}
rm -rf "$dir"
debootstrap --variant=minbase "$suite" "$dir" "$mirror" >"$dir.log" 2>&1 || { tail -n 20 "$dir.log" >&2; exit 1; }
cat >"$dir/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb ${mirror%/debian}/debian-security $suite-security main
SOURCES
cat >"$dir/etc/dpkg/dpkg.cfg.d/loa-slim" <<'SLIM'
# like debian:*-slim: no manuals, documentation or translations (copyright files stay)
path-exclude /usr/share/man/*
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
SLIM
cat >"$dir/etc/apt/apt.conf.d/loa-docker" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
APT
# files only: the folders stay (update-alternatives links manuals into /usr/share/man/man1 and fails without it)
find "$dir/usr/share/man" "$dir/usr/share/info" "$dir/usr/share/lintian" -mindepth 1 -not -type d -delete 2>/dev/null || true
find "$dir/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} + 2>/dev/null || true
rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/cache/apt/*.bin "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log \
  "$dir"/var/log/apt/* "$dir"/tmp/* "$dir.log"
# a container's hostname and resolver come from Docker
: >"$dir/etc/hostname"; rm -f "$dir/etc/resolv.conf"
