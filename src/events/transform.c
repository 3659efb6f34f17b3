/* transform.c — frame verbs, nested-event rewrites and negated codes. */
#include <string.h>

#include "events/transform.h"

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return 1;
    return 0;
}

enum ev_frame ev_frame_of(const char *up)
{
    static const char *const SAY[] = {"SAY", "SAYS", "SAID", "CLAIM", "CLAIMS", "CLAIMED",
                                      "CLAIMING", "ALLEGE", "ALLEGES", "ALLEGED", "ALLEGING",
                                      "INSISTED", "ASSERTED", NULL};
    static const char *const WANT[] = {"WANT", "WANTS", "WANTED", "WANTING", NULL};
    static const char *const TRY[] = {"ATTEMPT", "ATTEMPTS", "ATTEMPTED", "TRIED", "TRIES",
                                      "TRY", NULL};
    if (in_list(up, SAY))
        return EV_FRAME_SAY;
    if (in_list(up, WANT))
        return EV_FRAME_WANT;
    if (in_list(up, TRY))
        return EV_FRAME_ATTEMPT;
    return EV_FRAME_NONE;
}

/* The rules of CAMEO.2.0.txt's TRANSFORMATIONS section, where ATTACK is the
 * 19x family:
 *   a (a b ATTACK) SAY  = a b 015   (claims its own attack)
 *   a (b . ATTACK) SAY  = a b 112   (says b attacked: accuses b)
 *   a (_ b ATTACK) WANT = a b 138   (wants to attack b: threatens)
 *   a (b . ATTACK) WANT = a b 021   (wants b to attack: appeals to b)
 *   a (_ b ASSASSINATE) ATTEMPT = a b 185 */
const char *ev_transform(enum ev_frame f, const char *inner, int inner_subject, int same,
                         int *to_inner_subject)
{
    int attack = !strncmp(inner, "19", 2);
    *to_inner_subject = 0;
    if (f == EV_FRAME_SAY && attack) {
        if (!inner_subject || same)
            return "015";
        *to_inner_subject = 1;
        return "112";
    }
    if (f == EV_FRAME_WANT && attack) {
        if (!inner_subject)
            return "138";
        *to_inner_subject = 1;
        return "021";
    }
    if (f == EV_FRAME_ATTEMPT && !strncmp(inner, "186", 3) && !inner_subject)
        return "185";
    return NULL;
}

/* Cooperation refused is coded as its rejection (root 12); a negated
 * conflict or statement is not an event at all. */
const char *ev_negated_code(const char *code)
{
    if (!strncmp(code, "04", 2))
        return "125"; /* reject proposal to meet */
    if (!strncmp(code, "05", 2) || !strncmp(code, "06", 2) || !strncmp(code, "07", 2))
        return "121"; /* reject material cooperation */
    if (!strncmp(code, "08", 2))
        return "124"; /* refuse to yield */
    return NULL;
}
