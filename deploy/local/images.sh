#!/usr/bin/env bash
# ./loa images [--force] [IMAGE…] — every image docker-compose.yml needs, built on this machine from Debian packages
# and Maven Central only (for hosts that cannot pull from a registry). Recipes: deploy/images/<name>/.
#
#   loa-local/debian:trixie        debootstrap --variant=minbase trixie, slimmed, docker import
#   loa-local/jre:21, jdk:21       Debian's OpenJDK 21 (runtime) / OpenJDK 21 + Maven (build)
#   loa-local/kafka:4.4.0          the real Apache Kafka broker from Maven Central's jars, configured by KAFKA_* like
#                                  apache/kafka (/etc/kafka/docker/run)
#   loa-local/postgres:17          Debian's PostgreSQL 17, POSTGRES_DB/USER/PASSWORD like the official image
#   loa-local/keycloak:26.5.6      Maven Central's keycloak-quarkus-dist, pre-built for PostgreSQL
#   loa-local/greenmail:2.1.13     Maven Central's greenmail-standalone: the reminders' mail server (SMTP 3025, REST API 8080)
#   loa-local/prometheus:trixie    Debian's Prometheus
#   loa-local/mongo-standin:1.47.0 mongo-java-server + H2 (devstack's MongoStandIn) — NOT MongoDB, see docs/operations.md
#   loa/<service>:${LOA_VERSION}   every Loa service from deploy/Dockerfile, one Maven build of the reactor for all
#
# Each image carries the labels vn.loa.local-build=true and vn.loa.inputs=<hash of its recipe, sources and parent
# image>; an image whose inputs did not change is not built again (a second run takes seconds). --force rebuilds.
# Grafana is not built: it is in neither Debian, Maven Central nor npm (docs/operations.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RECIPES=$ROOT/deploy/images
DOCKER=${LOA_DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
NICE=(nice -n "${LOA_IMAGES_NICE:-10}")
SUITE=${LOA_DEBIAN_SUITE:-trixie}
MIRROR=${LOA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
WORK=${LOA_DATA:-$ROOT/data}/images
LOA_VERSION=${LOA_VERSION:-dev}

BASE=loa-local/debian:$SUITE
JRE=loa-local/jre:21
JDK=loa-local/jdk:21
KAFKA=loa-local/kafka:4.4.0
POSTGRES=loa-local/postgres:17
KEYCLOAK=loa-local/keycloak:26.5.6
PROMETHEUS=loa-local/prometheus:$SUITE
MONGO=loa-local/mongo-standin:1.47.0
SERVICES=(plan-service task-service content-service report-service notification-service portal-channel radio-channel
          manual-channel gateway)
GREENMAIL=loa-local/greenmail:2.1.13
# system packages a service needs at run time (as docker-compose.yml's build args say)
declare -A APT_PACKAGES=([radio-channel]="espeak-ng lame")
ALL=(base jre jdk kafka postgres keycloak greenmail prometheus mongo-standin services)

say() { printf '%s\n' "$*"; }
die() { printf 'loa images: %s\n' "$*" >&2; exit 1; }

FORCE=0
WANTED=()
for arg in "$@"; do
  case $arg in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) [[ " ${ALL[*]} " == *" $arg "* ]] || die "unknown image '$arg' (${ALL[*]})"; WANTED+=("$arg") ;;
  esac
done
((${#WANTED[@]})) || WANTED=("${ALL[@]}")
wanted() { [[ " ${WANTED[*]} " == *" $1 "* ]]; }

"$DOCKER" info >/dev/null 2>&1 || die "no Docker engine answers ($DOCKER info): ./loa compose up starts one, or start dockerd"

# ---------------------------------------------------------------- inputs and labels
label_of() { "$DOCKER" image inspect -f "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }
id_of() { "$DOCKER" image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# a short hash of files (paths relative to ROOT or absolute) and extra strings
hash_inputs() {
  local extra=$1; shift
  { printf '%s\n' "$extra"
    (cd "$ROOT" && find "$@" -type f -not -path '*/target/*' -print0 2>/dev/null | sort -z | xargs -0r sha256sum)
  } | sha256sum | cut -c1-16
}

# the Loa sources that go into the service images: every file git knows or would add (uncommitted work included),
# minus what the build never reads (as deploy/Dockerfile.dockerignore)
hash_sources() {
  (cd "$ROOT" && git ls-files -z -co --exclude-standard -- . ':!docs' ':!bench' ':!*.md' ':!deploy/images' \
      ':!deploy/local' ':!deploy/grafana' ':!deploy/prometheus' ':!.ci' ':!e2e-tests/src' ':!deploy-tests/src' \
      ':!*/src/test/*' | sort -z | xargs -0r sha256sum 2>/dev/null; sha256sum bench/pom.xml) | sha256sum | cut -c1-16
}

declare -a REPORT=()
T_START=$SECONDS

# build_image KEY TAG INPUTS docker-build-args… — skipped when TAG already carries these inputs
build_image() {
  local key=$1 tag=$2 inputs=$3; shift 3
  if ((FORCE == 0)) && [[ $(label_of "$tag" vn.loa.inputs) == "$inputs" ]]; then
    REPORT+=("$tag|đã có / cached")
    return 0
  fi
  say "==> $tag"
  local t0=$SECONDS log=$WORK/$key.log
  mkdir -p "$WORK"
  if ! "${NICE[@]}" "$DOCKER" build --progress=plain --label vn.loa.local-build=true --label "vn.loa.inputs=$inputs" \
      -t "$tag" "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "building $tag failed (full log: $log)"
  fi
  REPORT+=("$tag|xây / built in $((SECONDS - t0)) s")
}

# ---------------------------------------------------------------- the images
build_base() {
  local inputs tag=$BASE dir t0=$SECONDS
  inputs=$(hash_inputs "$SUITE $MIRROR" deploy/images/base)
  if ((FORCE == 0)) && [[ $(label_of "$tag" vn.loa.inputs) == "$inputs" ]]; then
    REPORT+=("$tag|đã có / cached"); return 0
  fi
  command -v debootstrap >/dev/null || {
    [[ $(id -u) == 0 ]] || die "debootstrap is missing: sudo apt-get install debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  say "==> $tag (debootstrap --variant=minbase $SUITE, ~1 min)"
  mkdir -p "$WORK"
  dir=$WORK/rootfs-$SUITE
  "${NICE[@]}" "$RECIPES/base/build.sh" "$SUITE" "$MIRROR" "$dir"
  tar --numeric-owner -C "$dir" -c . | "$DOCKER" import \
    --change 'LABEL vn.loa.local-build=true' --change "LABEL vn.loa.inputs=$inputs" \
    --change "LABEL org.opencontainers.image.title=\"Debian $SUITE minbase (debootstrap)\"" \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' - "$tag" >/dev/null
  rm -rf "$dir"
  REPORT+=("$tag|xây / built in $((SECONDS - t0)) s")
}

# a recipe folder whose Dockerfile starts FROM the given parent images (their ids are part of the inputs)
build_recipe() { # key tag parent-arg=image… — context and Dockerfile: deploy/images/<key>/
  local key=$1 tag=$2; shift 2
  local args=() parents="" a
  for a in "$@"; do
    [[ -n $(id_of "${a#*=}") ]] || die "${a#*=} is missing (build it first: ./loa images ${key})"
    args+=(--build-arg "$a"); parents+="$a@$(id_of "${a#*=}") "
  done
  local context=$RECIPES/$key extra=""
  if [[ $key == jdk ]]; then
    # the build image trusts what this host trusts beyond Debian's authorities (an egress proxy's CA, if any)
    context=$WORK/context-jdk
    rm -rf "$context" && mkdir -p "$context/ca" && cp "$RECIPES/jdk/Dockerfile" "$context/"
    cp /usr/local/share/ca-certificates/*.crt "$context/ca/" 2>/dev/null || true
    extra=$(cat "$context"/ca/* 2>/dev/null | sha256sum)
  fi
  build_image "$key" "$tag" "$(hash_inputs "$parents $extra" "deploy/images/$key")" "${args[@]}" "$context"
}

build_mongo_standin() {
  local parents="JDK@$(id_of "$JDK") JRE@$(id_of "$JRE")"
  # context: the repository (devstack's MongoStandIn and the root pom); its .dockerignore sits beside the Dockerfile
  build_image mongo-standin "$MONGO" "$(hash_inputs "$parents" deploy/images/mongo-standin pom.xml devstack/pom.xml \
      devstack/src/main)" --build-arg "BUILD_IMAGE=$JDK" --build-arg "RUNTIME_IMAGE=$JRE" \
    -f "$RECIPES/mongo-standin/Dockerfile" "$ROOT"
}

build_services() {
  local s sources parents
  sources=$(hash_sources)
  parents="JDK@$(id_of "$JDK") JRE@$(id_of "$JRE")"
  # One Maven build of the whole reactor (the Dockerfile's build stage does not depend on MODULE): the first service
  # builds it, BuildKit's cache hands it to the other seven.
  for s in "${SERVICES[@]}"; do
    build_image "service-$s" "loa/$s:$LOA_VERSION" \
      "$(printf '%s' "$sources $parents $s ${APT_PACKAGES[$s]:-} $(hash_inputs '' deploy/Dockerfile \
          deploy/Dockerfile.dockerignore deploy/healthcheck.sh)" | sha256sum | cut -c1-16)" \
      --build-arg "BUILD_IMAGE=$JDK" --build-arg "RUNTIME_IMAGE=$JRE" --build-arg "MODULE=$s" \
      --build-arg "APT_PACKAGES=${APT_PACKAGES[$s]:-}" -f "$ROOT/deploy/Dockerfile" "$ROOT"
  done
}

wanted base && build_base
wanted jre && build_recipe jre "$JRE" "BASE_IMAGE=$BASE"
wanted jdk && build_recipe jdk "$JDK" "BASE_IMAGE=$BASE"
wanted kafka && build_recipe kafka "$KAFKA" "BUILD_IMAGE=$JDK" "RUNTIME_IMAGE=$JRE"
wanted postgres && build_recipe postgres "$POSTGRES" "BASE_IMAGE=$BASE"
wanted keycloak && build_recipe keycloak "$KEYCLOAK" "BUILD_IMAGE=$JDK" "RUNTIME_IMAGE=$JRE"
wanted greenmail && build_recipe greenmail "$GREENMAIL" "BUILD_IMAGE=$JDK" "RUNTIME_IMAGE=$JRE"
wanted prometheus && build_recipe prometheus "$PROMETHEUS" "BASE_IMAGE=$BASE"
wanted mongo-standin && build_mongo_standin
wanted services && build_services

# earlier builds of our images that a rebuild replaced (untagged, labelled ours): no longer needed
"$DOCKER" image prune -f --filter label=vn.loa.local-build=true >/dev/null 2>&1 || true

say ""
say "Ảnh Docker cục bộ / local images ($((SECONDS - T_START)) s):"
printf '  %-34s %-10s %s\n' IMAGE SIZE STATUS
for entry in "${REPORT[@]}"; do
  tag=${entry%%|*}
  size=$("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1 / 1000000}')
  printf '  %-34s %-10s %s\n' "$tag" "$size" "${entry#*|}"
done
say "  (Grafana: không có trong Debian, Maven Central hay npm — không xây / not in Debian, Maven Central or npm: not built)"
