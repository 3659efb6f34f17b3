/* test_util.c — buffers, array growth, UTF-8 repair, hashing, dates. */
#include "harness.h"
#include "util/util.h"

static void t_buf(void)
{
    st_buf b = {0};
    st_buf_puts(&b, "a");
    st_buf_printf(&b, "%d", 42);
    st_buf_json_str(&b, "q\"\n");
    CHECK_STR(st_buf_cstr(&b), "a42\"q\\\"\\n\"");
    char *s = st_buf_take(&b);
    CHECK_STR(s, "a42\"q\\\"\\n\"");
    free(s);
    CHECK(b.s == NULL);
}

static void t_utf8(void)
{
    CHECK(st_utf8_valid("Kairo \xc3\xa9", 8));
    CHECK(!st_utf8_valid("\xff" "a", 2));
    CHECK(!st_utf8_valid("\xed\xa0\x80", 3)); /* surrogate */
    size_t fixes = 0;
    char *r = st_utf8_repair("a\xff" "b\xc3", 4, &fixes);
    CHECK_STR(r, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    CHECK_INT(fixes, 2);
    free(r);
}

static void t_hash(void)
{
    CHECK(st_hash64("abc", 3) == st_hash64("abc", 3));
    CHECK(st_hash64("abc", 3) != st_hash64("abd", 3));
    CHECK(st_hash64_seed("abc", 3, 1) != st_hash64_seed("abc", 3, 2));
}

static void t_dates(void)
{
    char out[32];
    CHECK_INT(st_date_normalise("2024-04-13", out), 0);
    CHECK_STR(out, "2024-04-13");
    CHECK_INT(st_date_normalise("2024-04-13 10:05:00", out), 0);
    CHECK_STR(out, "2024-04-13T10:05:00Z");
    CHECK_INT(st_date_normalise("Sat, 13 Apr 2024 10:00:00 GMT", out), 0);
    CHECK_STR(out, "2024-04-13T10:00:00Z");
    CHECK_INT(st_date_normalise("2024-04-13T10:00:00+02:00", out), 0);
    CHECK_STR(out, "2024-04-13T08:00:00Z");
    CHECK_INT(st_date_normalise("2024-04-13T23:30:00.123-0100", out), 0);
    CHECK_STR(out, "2024-04-14T00:30:00Z");
    CHECK_INT(st_date_normalise("Sat, 13 Apr 2024 01:00:00 +0200", out), 0);
    CHECK_STR(out, "2024-04-12T23:00:00Z");
    CHECK_INT(st_date_normalise("April 13, 2024", out), 0);
    CHECK_STR(out, "2024-04-13");
    CHECK_INT(st_date_normalise("yesterday", out), -1);
    CHECK(st_date_days("2024-04-14") - st_date_days("2024-04-13") == 1.0);
    CHECK(st_date_days("1970-01-01") == 0.0);
}

static void t_empty_buf(void)
{
    st_buf b = {0};
    st_buf_reserve(&b, 10);
    CHECK_STR(st_buf_cstr(&b), "");
    char *s = st_buf_take(&b);
    CHECK_STR(s, "");
    free(s);
}

/* A request whose size wraps fails instead of passing as a small one. */
static void t_buf_huge(void)
{
    st_buf b = {0};
    st_buf_putc(&b, 'a');
    CHECK_INT(st_buf_reserve(&b, SIZE_MAX), ST_ENOMEM);
    CHECK(b.oom);
    st_buf_free(&b);
}

static void t_grow(void)
{
    int64_t *v = NULL;
    size_t cap = 0;
    CHECK_INT(st_grow(&v, &cap, 1, sizeof *v, 16), ST_OK); /* first growth */
    CHECK(v != NULL);
    CHECK_INT(cap, 16);
    for (int64_t i = 0; i < 16; i++)
        v[i] = i;
    int64_t *before = v;
    CHECK_INT(st_grow(&v, &cap, 16, sizeof *v, 16), ST_OK); /* room: no-op */
    CHECK(v == before);
    CHECK_INT(cap, 16);
    CHECK_INT(st_grow(&v, &cap, 17, sizeof *v, 16), ST_OK); /* doubling */
    CHECK_INT(cap, 32);
    CHECK_INT(st_grow(&v, &cap, 100, sizeof *v, 16), ST_OK); /* as often as needed */
    CHECK_INT(cap, 128);
    CHECK_INT(v[15], 15);
    v[127] = 127;
    /* Overflow: need * elem wraps, or doubling the capacity would; both fail
     * before asking realloc and leave the array as it was. */
    before = v;
    CHECK_INT(st_grow(&v, &cap, SIZE_MAX / sizeof *v + 1, sizeof *v, 16), ST_ENOMEM);
    CHECK_INT(st_grow(&v, &cap, SIZE_MAX, sizeof *v, 16), ST_ENOMEM);
    CHECK(v == before);
    CHECK_INT(cap, 128);
    CHECK_INT(v[127], 127);
    free(v);
    char *s = NULL;
    size_t scap = 0;
    CHECK_INT(st_grow(&s, &scap, SIZE_MAX, 1, 64), ST_ENOMEM);
    CHECK(s == NULL);
    CHECK_INT(scap, 0);
}

static void t_space(void)
{
    char s[] = "  a \xc2\xa0 b\n\n\nc  ";
    st_squeeze_space(s);
    CHECK_STR(st_trim(s), "a b\n\nc");
}

int main(void)
{
    RUN(t_buf);
    RUN(t_utf8);
    RUN(t_hash);
    RUN(t_dates);
    RUN(t_space);
    RUN(t_empty_buf);
    RUN(t_buf_huge);
    RUN(t_grow);
    TEST_MAIN_END;
}
