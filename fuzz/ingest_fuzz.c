/* ingest_fuzz.c — st_ingest_buffer with format detection and gzip.
 *
 * The first input byte picks the mode (name and format) and, with its high
 * bit, a 64-byte article limit so the "too big" paths run too; the rest is
 * the input. The per-format targets (ingest_text, ingest_jsonl, ingest_html,
 * ingest_feed) go deeper into one parser each; this one covers detection,
 * gzip and dispatch. Build and run: see fuzz/fuzz.mk. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        const char *name;
        st_format f;
    } modes[] = {
        {"fuzz.txt", ST_FORMAT_TEXT}, {"fuzz.jsonl", ST_FORMAT_JSONL},
        {"fuzz.html", ST_FORMAT_HTML}, {"fuzz.xml", ST_FORMAT_FEED},
        {"fuzz", ST_FORMAT_AUTO},     {"fuzz.json.gz", ST_FORMAT_AUTO},
    };
    if (size < 1)
        return 0;
    size_t m = (data[0] & 0x7f) % (sizeof modes / sizeof modes[0]);
    st_fuzz_ingest(modes[m].name, modes[m].f, (data[0] & 0x80) ? 64 : 0, data + 1, size - 1);
    return 0;
}
