/* redis_api.h — the hiredis functions the Redis transport calls (Debian
 * libhiredis-dev, linked through pkg-config). Private to src/stream. */
#ifndef ST_STREAM_REDIS_API_H
#define ST_STREAM_REDIS_API_H

#include <stddef.h>

#if defined(__has_include)
#if __has_include(<hiredis/hiredis.h>)
#define ST_HAVE_HIREDIS 1
#endif
#endif

#ifdef ST_HAVE_HIREDIS
#include <hiredis/hiredis.h>
#include <sys/time.h>

typedef struct st_hiredis {
    redisContext *(*connect)(const char *ip, int port, const struct timeval tv);
    int (*set_timeout)(redisContext *c, const struct timeval tv);
    int (*keep_alive)(redisContext *c);
    void *(*command)(redisContext *c, int argc, const char **argv, const size_t *argvlen);
    int (*append)(redisContext *c, int argc, const char **argv, const size_t *argvlen);
    int (*get_reply)(redisContext *c, void **reply);
    void (*free_reply)(void *reply);
    void (*free_context)(redisContext *c);
} st_hiredis;

/* The functions; the table is static and never NULL when hiredis is built in. */
const st_hiredis *st_hiredis_get(char *err, size_t errlen);
#endif

#endif
