/* sort.h — an in-place sort specialised at compile time (private to the
 * library: src/text and src/cluster use it).
 *
 * Every article sorts a few small arrays (its terms, its feature vectors);
 * at that size qsort's indirect comparison calls cost more than the sorting
 * itself. ST_DEFINE_SORT(name, type, less) defines
 *     static void name(type *a, size_t n)
 * sorting a[0..n) so that less(&a[i], &a[j]) never holds for i > j: a
 * quicksort on the middle element down to runs of 16, then insertion sort.
 * Not stable; recursion goes into the smaller side, so the depth is
 * O(log n). `less` is a function or macro taking two const type pointers. */
#ifndef ST_SORT_H
#define ST_SORT_H

#include <stddef.h>

#define ST_DEFINE_SORT(name, type, less)                                                    \
    static void name(type *a, size_t n)                                                     \
    {                                                                                       \
        while (n > 16) {                                                                    \
            type pivot = a[n / 2];                                                          \
            size_t i = 0, j = n - 1;                                                        \
            for (;;) {                                                                      \
                while (less(&a[i], &pivot)) i++;                                            \
                while (less(&pivot, &a[j])) j--;                                            \
                if (i >= j) break;                                                          \
                type t_ = a[i];                                                             \
                a[i++] = a[j];                                                              \
                a[j--] = t_;                                                                \
            }                                                                               \
            size_t left = j + 1; /* both sides are non-empty */                             \
            if (left < n - left) {                                                          \
                name(a, left);                                                              \
                a += left;                                                                  \
                n -= left;                                                                  \
            } else {                                                                        \
                name(a + left, n - left);                                                   \
                n = left;                                                                   \
            }                                                                               \
        }                                                                                   \
        for (size_t i = 1; i < n; i++) {                                                    \
            type x_ = a[i];                                                                 \
            size_t j = i;                                                                   \
            for (; j > 0 && less(&x_, &a[j - 1]); j--) a[j] = a[j - 1];                     \
            a[j] = x_;                                                                      \
        }                                                                                   \
    }

#endif
