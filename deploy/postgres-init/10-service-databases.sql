-- docker-compose: each service owns a database (deploy/servers.sh creates the same ones natively), so no service's
-- transactions can hold another's async daemon. Runs once, when the postgres-data volume is first initialised.
CREATE DATABASE aid_registration OWNER aid;
CREATE DATABASE aid_security OWNER aid;
CREATE DATABASE aid_appraisal OWNER aid;
CREATE DATABASE aid_monitoring OWNER aid;
CREATE DATABASE aid_notifications OWNER aid;
