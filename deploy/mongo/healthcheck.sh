#!/bin/bash
# MongoDB healthcheck for docker-compose.yml: on first start it initiates the single-member replica set `rs0`
# (idempotent); healthy once this member is the writable primary. Runs inside the mongo container.
exec mongosh --quiet --norc \
  --username "$MONGO_INITDB_ROOT_USERNAME" --password "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin \
  --eval '
    try { rs.status(); }
    catch (e) {
      if (e.codeName !== "NotYetInitialized") throw e;
      rs.initiate({_id: "rs0", members: [{_id: 0, host: "mongo:27017"}]});
    }
    if (!db.hello().isWritablePrimary) quit(1);'
