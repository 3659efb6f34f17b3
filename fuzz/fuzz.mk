# fuzz.mk — fuzz targets (included at the end of the Makefile).
#
# Each fuzz/<target>_fuzz.c defines LLVMFuzzerTestOneInput; its corpus is
# fuzz/corpus/<target>/ (seeds and every crash found, kept as regressions).
#
#   make test      also builds $(B)/fuzz/replay_<target> (gcc + ASan/UBSan, the
#                  ASan library, fuzz/replay_main.c) and replays every corpus.
#   make fuzz      builds each target with clang's libFuzzer and runs each one
#                  for FUZZ_SECONDS (default 60); FUZZ_TARGETS="a b" picks some.
#                  New inputs go to $(B)/fuzz/work/<target>/, crashes to
#                  $(B)/fuzz/crashes/; the repository corpus is only read.

FUZZ_ALL      := $(sort $(patsubst fuzz/%_fuzz.c,%,$(wildcard fuzz/*_fuzz.c)))
FUZZ_TARGETS  ?= $(FUZZ_ALL)
FUZZ_SECONDS  ?= 60
FUZZ_MAX_LEN  ?= 65536
FUZZ_CC       ?= clang
FUZZ_HELPERS  := fuzz/fuzz_util.c

# ---------------------------------------------------------------- replays (make test)

FUZZ_REPLAY   := $(FUZZ_ALL:%=$(B)/fuzz/replay_%)
TEST_BIN      += $(FUZZ_REPLAY)

$(B)/fuzz/replay_%: $(B)/asan/fuzz/%_fuzz.o $(B)/asan/fuzz/replay_main.o \
		$(B)/asan/fuzz/fuzz_util.o $(B)/asan/libstorytrack.a
	@mkdir -p $(@D)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

-include $(FUZZ_ALL:%=$(B)/asan/fuzz/%_fuzz.d) $(B)/asan/fuzz/replay_main.d \
	$(B)/asan/fuzz/fuzz_util.d

# ---------------------------------------------------------------- libFuzzer (make fuzz)

FUZZ_SAN      := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                 -fno-omit-frame-pointer
# The library for clang: the warnings are gcc's business (-Werror would only
# trip on the other compiler's opinions), instrumented for coverage.
FUZZ_LIB_OBJ  := $(SRC:%.c=$(B)/fuzzobj/%.o) $(FUZZ_HELPERS:%.c=$(B)/fuzzobj/%.o)

$(B)/fuzzobj/%.o: %.c include/storytrack.h
	@mkdir -p $(@D)
	@echo "  CC    $< (libfuzzer)"
	$(Q)$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) $(DEFS) $(INCS) \
		$(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(B)/fuzz/fuzz_%: fuzz/%_fuzz.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(@D)
	@echo "  LD    $@"
	$(Q)$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) $(DEFS) $(INCS) \
		$(PKG_CFLAGS) -o $@ $< $(FUZZ_LIB_OBJ) $(PKG_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%)

# One target after the other (the machine has 2 cores; others build too).
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(B)/fuzz/work/$$t $(B)/fuzz/crashes; \
		echo "== fuzz/$$t: $(FUZZ_SECONDS) s (log $(B)/fuzz/$$t.log)"; \
		ASAN_OPTIONS=detect_leaks=1 ./$(B)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) \
			-max_len=$(FUZZ_MAX_LEN) -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
			-artifact_prefix=$(B)/fuzz/crashes/$$t- \
			$(B)/fuzz/work/$$t fuzz/corpus/$$t > $(B)/fuzz/$$t.log 2>&1; rc=$$?; \
		grep -E '(DONE|ERROR|SUMMARY|Test unit written|number_of_executed_units|new_units_added)' \
			$(B)/fuzz/$$t.log; \
		test $$rc -eq 0 || exit 1; \
	done

-include $(FUZZ_LIB_OBJ:.o=.d)

.PHONY: fuzz-build
