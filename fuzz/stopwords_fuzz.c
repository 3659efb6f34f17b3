/* stopwords_fuzz.c — the stopword list loader (st_stoplists_load) on an
 * arbitrary file, then st_stopword lookups of every line of it.
 *
 * The loader is internal to src/text and reads every <lang>.txt of
 * <data_dir>/stopwords;
 * building a whole st_text (libexttextcat fingerprints) per input would be
 * slow, so the target fills only the fields the loader uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "text/text_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[300];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s/stopwords", st_fuzz_tmpdir());
        mkdir(dir, 0700);
    }
    st_fuzz_write("stopwords/xx.txt", data, size);
    struct st_text t;
    memset(&t, 0, sizeof t);
    t.data_dir = (char *)st_fuzz_tmpdir();
    if (st_stoplists_load(&t, NULL, 0) == ST_OK) {
        /* Each line, raw and folded, must be answerable without harm. */
        char *s = st_fuzz_cstr(data, size);
        for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
            st_stopword(&t, "xx", line, strlen(line));
            st_token tok = {0, strlen(line), ST_TOK_WORD};
            char folded[256];
            size_t k = st_token_fold(line, &tok, folded, sizeof folded);
            if (k && !st_stopword(&t, "xx", folded, k) && line[0] != '#' && k < 255 &&
                strspn(line, " \t\r") == 0 && strcspn(line, "\r\t ") == strlen(line)) {
                /* A plain line that folds to a word is in the set it came from. */
                fprintf(stderr, "fuzz/stopwords: '%s' loaded but not found\n", folded);
                abort();
            }
            st_stopword(&t, "zz", line, strlen(line));
        }
        free(s);
    }
    st_stoplists_free(&t);
    return 0;
}
