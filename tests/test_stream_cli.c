/* test_stream_cli.c — the stream commands end to end: `ingest --to-stream`
 * publishes the examples, a `worker` stores them all, SIGTERM stops it with
 * exit 0, and the stream keeps nothing pending. Needs Debian's redis-server. */
#include <unistd.h>

#include "harness.h"

static void t_publish_worker_sigterm(void)
{
    if (th_sh("command -v redis-server && command -v redis-cli", NULL, NULL) != 0) {
        printf("# skipped: redis-server is not installed\n");
        return;
    }
    char dir[256], db[512], script[4096], *out = NULL, *err = NULL;
    th_tmpdir("streamcli", dir);
    th_db(dir, "w", db);
    unsigned port = 21000 + (unsigned)getpid() % 20000;
    snprintf(script, sizeof script,
             "set -e; P=%u; D=%s; DB='%s'; CLI=%s; URL=redis://127.0.0.1:$P/articles\n"
             "redis-server --port $P --bind 127.0.0.1 --save '' --appendonly no "
             "  --daemonize yes --dir $D --pidfile $D/redis.pid >/dev/null\n"
             "for i in $(seq 50); do redis-cli -p $P ping >/dev/null 2>&1 && break; sleep 0.1; done\n"
             "trap 'redis-cli -p $P shutdown nosave >/dev/null 2>&1 || true' EXIT\n"
             "$CLI ingest --to-stream $URL examples/corpus\n"
             "$CLI worker --stream $URL --group g --consumer c1 --db \"$DB\" --quiet "
             "  >$D/worker.out 2>$D/worker.err & W=$!\n"
             "n=0; for i in $(seq 300); do\n"
             "  n=$($CLI articles --json --db \"$DB\" 2>/dev/null | grep -o '\"ext_id\"' | wc -l)\n"
             "  [ \"$n\" -ge 49 ] && break; sleep 0.2; done\n"
             "echo stored=$n\n"
             "kill -TERM $W; rc=0; wait $W || rc=$?; echo worker_rc=$rc\n"
             "echo pending=$(redis-cli -p $P xpending articles g | head -n 1)\n",
             port, dir, db, TH_CLI);
    char path[300];
    snprintf(path, sizeof path, "%s/run.sh", dir);
    CHECK_INT(th_write_file(path, script, strlen(script)), 0);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "sh %s", path);
    CHECK_INT(th_sh(cmd, &out, &err), 0);
    CHECK_CONTAINS(out, "stored=49");
    CHECK_CONTAINS(out, "worker_rc=0");
    CHECK_CONTAINS(out, "pending=0");
    if (th_failed_checks)
        fprintf(stderr, "%s\n%s\n", out ? out : "", err ? err : "");
    free(out);
    free(err);
}

int main(void)
{
    RUN(t_publish_worker_sigterm);
    TEST_MAIN_END;
}
