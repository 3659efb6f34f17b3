/* transform.h — PETRARCH2's verb transformations and negation, as rules on
 * CAMEO codes (private to src/events).
 *
 * PETRARCH2 rewrites an event nested under a frame verb ("X said that Y
 * attacked Z", "X wants Y to attack Z") into one event of the frame's
 * subject (the TRANSFORMATIONS section of CAMEO.2.0.txt), and turns a
 * negated cooperative verb into its rejection code. Without a parse the
 * coder finds the frame by word; these functions hold the code logic. */
#ifndef ST_EVENTS_TRANSFORM_H
#define ST_EVENTS_TRANSFORM_H

enum ev_frame { EV_FRAME_NONE, EV_FRAME_SAY, EV_FRAME_WANT, EV_FRAME_ATTEMPT };

/* The frame a verb token (upper case) opens: "SAID", "CLAIMS" -> SAY,
 * "WANTS" -> WANT, "TRIED" -> ATTEMPT. */
enum ev_frame ev_frame_of(const char *up);

/* The code of the rewritten event, or NULL when the rule does not apply.
 * inner: the nested event's code; inner_subject: the nested clause names
 * its own subject; same: that subject is the frame's subject (or a pronoun).
 * *to_inner_subject is set when the new event's target is the nested
 * subject ("X wants Y to attack": X appeals to Y) rather than its target. */
const char *ev_transform(enum ev_frame f, const char *inner, int inner_subject, int same,
                         int *to_inner_subject);

/* The code for "did not <code>" (provide support -> 121 reject material
 * cooperation), or NULL when a negated event is not coded. */
const char *ev_negated_code(const char *code);

/* The intent code (root 03) for "seek/plan/pledge to <code>": seeking to
 * deepen a partnership (06) is intent to cooperate materially (031). NULL
 * when CAMEO has no intent form (conflict, investigation). */
const char *ev_intent_code(const char *code);

#endif
