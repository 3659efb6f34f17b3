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
    /* PETRARCH2's ATTACK class is the use of force: assault (18), fight
     * (19) and mass violence (20). */
    int attack = !strncmp(inner, "18", 2) || !strncmp(inner, "19", 2) ||
                 !strncmp(inner, "20", 2);
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

/* CAMEO's 03 family mirrors the cooperative roots: 031 material (06), 032
 * diplomatic (05), 033 aid (07), 035 yield (08), 036 meet (04), with the
 * second digit of the sub-code carried over where the codebook has it. */
const char *ev_intent_code(const char *code)
{
    static const char *const AID[] = {"0331", "0332", "0333", "0334"};
    static const char *const COOP[] = {"0311", "0312", "0313", "0314"};
    static const char *const YIELD[] = {"0351", "0352", "034", "0353",
                                        "0354", "0355", "0356"};
    if (strlen(code) < 2 || code[0] != '0')
        return NULL;
    int sub = strlen(code) >= 3 ? code[2] - '0' : 0;
    switch (code[1]) {
    case '4':
        return "036";
    case '5':
        return "032";
    case '6':
        return sub >= 1 && sub <= 4 ? COOP[sub - 1] : "031";
    case '7':
        return sub >= 1 && sub <= 4 ? AID[sub - 1] : "033";
    case '8':
        return sub >= 1 && sub <= 7 ? YIELD[sub - 1] : "035";
    default:
        return NULL;
    }
}
