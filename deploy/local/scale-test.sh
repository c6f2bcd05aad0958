#!/usr/bin/env bash
# deploy/local/scale-test.sh URL — ./loa compose test's scale-out step: task-service ×3 and report-service ×2 in their
# consumer groups, a burst of LOA_BURST (default 300) publications through the gateway, every item checked to be
# credited exactly once and every dashboard figure to match (deploy/local/burst.py), then back to one instance each.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
URL=${1:?usage: scale-test.sh GATEWAY-URL}
DOCKER=/usr/bin/docker
export LOA_HTTP_ADDRESS=127.0.0.1
compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    docker-compose -p loa -f "$ROOT/docker-compose.yml" -f "$ROOT/deploy/local/docker-compose.local.yml" "$@"
  else
    "$DOCKER" compose -p loa -f "$ROOT/docker-compose.yml" -f "$ROOT/deploy/local/docker-compose.local.yml" "$@"
  fi
}
healthy_count() { # service → number of its containers that are healthy
  local ids
  ids=$("$DOCKER" ps -q --filter label=com.docker.compose.project=loa --filter "label=com.docker.compose.service=$1")
  [[ -n $ids ]] || { echo 0; return; }
  # shellcheck disable=SC2086
  "$DOCKER" inspect -f '{{.State.Health.Status}}' $ids | grep -c '^healthy$' || true
}
wait_scaled() { # task-count report-count
  local deadline=$((SECONDS + ${LOA_COMPOSE_TIMEOUT:-900}))
  until [[ $(healthy_count task-service) == "$1" && $(healthy_count report-service) == "$2" ]]; do
    ((SECONDS < deadline)) || { echo "timed out: task-service $(healthy_count task-service)/$1, report-service $(healthy_count report-service)/$2 healthy"; return 1; }
    sleep 3
  done
}
command -v python3 >/dev/null || { echo "python3 is needed for the burst (deploy/local/burst.py)" >&2; exit 1; }
rc=0
t0=$SECONDS
compose up -d --no-build --no-recreate --scale task-service=3 --scale report-service=2 task-service report-service
wait_scaled 3 2
echo "scaled out: task-service ×3, report-service ×2 healthy after $((SECONDS - t0)) s"
python3 "$ROOT/deploy/local/burst.py" "$URL" "${LOA_BURST:-300}" "${LOA_BURST_WORKERS:-6}" || rc=$?
# the consumer groups really were shared: members (instances) and how many partitions each consumed
kafka=$("$DOCKER" ps -q --filter label=com.docker.compose.project=loa --filter label=com.docker.compose.service=kafka | head -n 1)
for group in task-service report-service; do
  "$DOCKER" exec "$kafka" /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe \
    --group "$group" --members 2>/dev/null |
    awk -v g="$group" '$1 == g && NF >= 5 {if (!($3 in h)) {h[$3]; n++}; c++; p += $(NF)}
      END {printf "consumer group %s: %d instances (%d consumers), %d partitions assigned\n", g, n, c, p}' || true
done
"$DOCKER" stats --no-stream --format '{{.Name}} {{.MemUsage}} {{.CPUPerc}}' | grep -E '^loa_' | sort || true
t0=$SECONDS
compose up -d --no-build --no-recreate --scale task-service=1 --scale report-service=1 task-service report-service
wait_scaled 1 1
echo "back to one instance each after $((SECONDS - t0)) s"
exit "$rc"
