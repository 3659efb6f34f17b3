#!/bin/sh
# Runs every test program given, shows its output, and ends with the total:
# "N passed, N failed". A program that crashes counts as one failed test.
passed=0; failed=0; crashed=""
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for t in "$@"; do
    out=$("$t" 2>&1); rc=$?
    printf '%s\n' "$out"
    line=$(printf '%s\n' "$out" | grep -E '^# .*: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
    if [ -n "$line" ]; then
        p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/')
        f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/')
        passed=$((passed + p)); failed=$((failed + f))
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); crashed="$crashed $t"; fi
    else
        failed=$((failed + 1)); crashed="$crashed $t"
    fi
done
[ -n "$crashed" ] && echo "crashed or exited badly:$crashed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
