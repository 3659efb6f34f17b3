/* pg_admin.c — fresh databases on a PostgreSQL server, for tests and
 * benchmarks that want one store each. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/pg/pg.h"
#include "util/util.h"

int st_pg_fresh_database(const char *server_url, const char *name, char *out, size_t outlen,
                         char *err, size_t errlen)
{
    char db[64], sql[160];
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < sizeof db; p++)
        db[n++] = (char)((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '_');
    db[n] = '\0';
    if (!n || !st_db_is_pg_url(server_url))
        return st_seterr(err, errlen, ST_EUSAGE, "need a postgresql:// URL and a name");
    PGconn *c = PQconnectdb(server_url);
    int rc = ST_OK;
    PQclear(PQexec(c, "SET client_min_messages=warning")); /* no "does not exist, skipping" */
    /* DROP ... WITH (FORCE): a killed test may have left sessions behind. */
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
    for (int i = 0; i < 2 && rc == ST_OK; i++) {
        PGresult *r = PQexec(c, sql);
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            rc = st_seterr(err, errlen, ST_EDB, "%s: %s", sql, PQerrorMessage(c));
        PQclear(r);
        snprintf(sql, sizeof sql, "CREATE DATABASE %s", db);
    }
    PQfinish(c);
    /* The server URL with its database (the last path segment) replaced. */
    const char *slash = strrchr(server_url + 13, '/');
    int base = slash ? (int)(slash - server_url) : (int)strlen(server_url);
    if (rc == ST_OK && (size_t)snprintf(out, outlen, "%.*s/%s", base, server_url, db) >= outlen)
        rc = st_seterr(err, errlen, ST_EUSAGE, "URL too long");
    return rc;
}
