// Runs once, on the first start of an empty MongoDB volume (the official image's /docker-entrypoint-initdb.d),
// as the root user. One user per service, readWrite on its own database only: a service cannot read another's
// data even by mistake. Their shared password comes from .env (LOA_MONGO_APP_PASSWORD); each service connects
// with mongodb://<service>:<password>@mongo:27017/<service> (the platform appends the database name).
const password = process.env.LOA_MONGO_APP_PASSWORD;
if (!password) {
  throw new Error("LOA_MONGO_APP_PASSWORD is not set");
}
const services = ["plan-service", "task-service", "content-service", "report-service", "notification-service",
  "portal-channel", "radio-channel", "manual-channel"];
for (const service of services) {
  const database = db.getSiblingDB(service);
  if (database.getUser(service) === null) {
    database.createUser({user: service, pwd: password, roles: [{role: "readWrite", db: service}]});
    print("loa: created user " + service);
  }
}
// Backups (docs/operations.md): a user that may read everything and restore, nothing else.
const admin = db.getSiblingDB("admin");
if (process.env.LOA_MONGO_BACKUP_PASSWORD && admin.getUser("backup") === null) {
  admin.createUser({user: "backup", pwd: process.env.LOA_MONGO_BACKUP_PASSWORD, roles: ["backup", "restore"]});
}
