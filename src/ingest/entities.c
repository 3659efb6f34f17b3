/* entities.c — make '&' safe for libxml2 before parsing (see ingest.h). */
#include <libxml/HTMLparser.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/util.h"

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the reference at s ("&amp;", "&#233;", "&#x1F;"), or 0 when the
 * '&' starts none. *name_len gets the length of a named reference's name. */
static size_t ref_len(const char *s, size_t n, size_t *name_len)
{
    size_t i = 1;
    int numeric = i < n && s[i] == '#';
    i += (size_t)numeric;
    size_t start = i;
    while (i < n && i < 40 && is_alnum(s[i]))
        i++;
    if (i == start || i >= n || s[i] != ';')
        return 0;
    *name_len = numeric ? 0 : i - start;
    return i + 1;
}

static int xml_predefined(const char *name, size_t n)
{
    static const char *const names[] = {"amp", "lt", "gt", "quot", "apos"};
    for (size_t i = 0; i < 5; i++)
        if (strlen(names[i]) == n && memcmp(names[i], name, n) == 0)
            return 1;
    return 0;
}

/* The code point of an HTML entity name, or 0. */
static unsigned html_entity(const char *name, size_t n)
{
    char tmp[48];
    if (n >= sizeof tmp)
        return 0;
    memcpy(tmp, name, n);
    tmp[n] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)tmp);
    return e ? e->value : 0;
}

char *st_ingest_fix_entities(const char *data, size_t len, int xml, size_t *out_len, int *oom)
{
    *oom = 0;
    const char *amp = memchr(data, '&', len);
    st_buf b = {0};
    size_t done = 0;
    while (amp) {
        size_t at = (size_t)(amp - data), name_len = 0;
        size_t rl = ref_len(amp, len - at, &name_len);
        unsigned cp = 0;
        if (!rl || (xml && name_len && !xml_predefined(amp + 1, name_len) &&
                    (cp = html_entity(amp + 1, name_len)) != 0)) {
            st_buf_append(&b, data + done, at - done);
            if (cp)
                st_buf_printf(&b, "&#%u;", cp);
            else
                st_buf_puts(&b, "&amp;");
            done = at + (rl ? rl : 1);
        }
        size_t next = at + (rl ? rl : 1);
        amp = next < len ? memchr(data + next, '&', len - next) : NULL;
    }
    if (!done)
        return NULL;
    st_buf_append(&b, data + done, len - done);
    *out_len = b.len;
    char *s = st_buf_take(&b);
    *oom = !s;
    return s;
}
