/* redis_api.c — the hiredis functions the Redis transport calls, gathered in
 * one table so the transport's code reads the same whatever library serves it. */
#include "stream/redis_api.h"

#ifdef ST_HAVE_HIREDIS
static const st_hiredis api = {
    .connect = redisConnectWithTimeout,
    .set_timeout = redisSetTimeout,
    .keep_alive = redisEnableKeepAlive,
    .command = redisCommandArgv,
    .append = redisAppendCommandArgv,
    .get_reply = redisGetReply,
    .free_reply = freeReplyObject,
    .free_context = redisFree,
};

const st_hiredis *st_hiredis_get(char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    return &api;
}
#else
/* Built without the hiredis header: the transport reports it (redis.c). */
typedef int st_redis_api_absent;
#endif
