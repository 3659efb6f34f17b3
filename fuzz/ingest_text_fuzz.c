/* ingest_text_fuzz.c — the text parser of st_ingest_buffer, format forced.
 * An input starting with byte 0xff is run with a 64-byte article limit
 * (the rest is the input) so the "too big" paths are reached as well. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size && data[0] == 0xff)
        st_fuzz_ingest("fuzz.txt", ST_FORMAT_TEXT, 64, data + 1, size - 1);
    else
        st_fuzz_ingest("fuzz.txt", ST_FORMAT_TEXT, 0, data, size);
    return 0;
}
