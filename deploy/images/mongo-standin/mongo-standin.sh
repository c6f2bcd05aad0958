#!/usr/bin/env bash
# mongo-standin [DATA-DIR [PORT]] — devstack's MongoStandIn listening on every address of the container.
# shellcheck disable=SC2086
exec java $JAVA_OPTS -Dloa.mongo.bind=0.0.0.0 -cp "/app/classes:/app/lib/*" vn.loa.devstack.MongoStandIn \
  "${1:-/data/db}" "${2:-27017}"
