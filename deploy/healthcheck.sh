#!/bin/bash
# Container healthcheck without curl or wget: HTTP GET over bash's /dev/tcp, healthy on a 200 answer.
#   loa-healthcheck PORT [PATH]     (PATH defaults to the readiness probe)
port=${1:?usage: loa-healthcheck PORT [PATH]}
path=${2:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
[[ $status == HTTP/1.?" 200"* ]]
