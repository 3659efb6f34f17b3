# storytrack — build, test, run.
#
#   make run    install missing Debian packages (when root), build, ingest the sample
#               corpus into a fresh database and print what was stored and the stories
#   make test   build the library and tests with ASan + UBSan and run every test
#   make test-pg  the same tests with every store in PostgreSQL (a throwaway cluster)
#
# Every .c file under src/ goes into libstorytrack.a; every cli/*.c into the CLI;
# every tests/test_*.c is its own test program. New files need no Makefile edit.

CC      ?= cc
# Build folder; helpers working side by side may each use their own (make test B=build-x).
B       ?= build
# V=1 shows the full compiler command lines.
Q       := $(if $(V),,@)
PKGS    := libexttextcat libutf8proc sqlite3 libxml-2.0 libmicrohttpd libcurl jansson zlib hiredis libpq
DEB_PKGS := build-essential pkg-config libexttextcat-dev libexttextcat-data libstemmer-dev \
            libutf8proc-dev libsqlite3-dev libxml2-dev libmicrohttpd-dev \
            libcurl4-openssl-dev libjansson-dev zlib1g-dev libhiredis-dev libpq-dev snowball-data

DATA_DIR := $(CURDIR)/data
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
DEFS    := -D_GNU_SOURCE -DST_DATA_DIR='"$(DATA_DIR)"' -DST_BUILD_DIR='"$(B)"'
INCS    := -Iinclude -Isrc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -lpthread

CFLAGS  ?= -O2 -g
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC     := $(sort $(shell find src -name '*.c'))
CLI_SRC := $(sort $(wildcard cli/*.c))
TESTS   := $(sort $(wildcard tests/test_*.c))
TEST_HELPERS := $(sort $(filter-out $(TESTS),$(wildcard tests/*.c)))

OBJ      := $(SRC:%.c=$(B)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/obj/%.o)
AOBJ     := $(SRC:%.c=$(B)/asan/%.o)
ACLI_OBJ := $(CLI_SRC:%.c=$(B)/asan/%.o)
ATEST_HELPER_OBJ := $(TEST_HELPERS:%.c=$(B)/asan/%.o)
TEST_BIN := $(TESTS:tests/%.c=$(B)/tests/%)

.PHONY: all run test test-pg test-tsan deps clean bench fuzz
.SECONDARY:
all: $(B)/storytrack $(B)/libstorytrack.a

$(B)/libstorytrack.a: $(OBJ)
	@mkdir -p $(@D)
	@echo "  AR    $@"
	$(Q)ar rcs $@ $^

$(B)/storytrack: $(CLI_OBJ) $(B)/libstorytrack.a
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(B)/libstorytrack.a $(PKG_LIBS)

$(B)/obj/%.o: %.c include/storytrack.h
	@mkdir -p $(@D)
	@echo "  CC    $<"
	$(Q)$(CC) $(WARN) $(CFLAGS) $(DEFS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

# The sanitized build: library, CLI and tests. The tests run the sanitized CLI too.
$(B)/asan/%.o: %.c include/storytrack.h
	@mkdir -p $(@D)
	@echo "  CC    $< (asan)"
	$(Q)$(CC) $(WARN) -O1 -g $(SAN) $(DEFS) $(INCS) -Itests $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(B)/asan/libstorytrack.a: $(AOBJ)
	@mkdir -p $(@D)
	@echo "  AR    $@"
	$(Q)ar rcs $@ $^

$(B)/asan/storytrack: $(ACLI_OBJ) $(B)/asan/libstorytrack.a
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $(ACLI_OBJ) $(B)/asan/libstorytrack.a $(PKG_LIBS)

$(B)/tests/%: $(B)/asan/tests/%.o $(ATEST_HELPER_OBJ) $(B)/asan/libstorytrack.a
	@mkdir -p $(@D)
	@echo "  LD    $@"
	$(Q)$(CC) $(SAN) -o $@ $< $(ATEST_HELPER_OBJ) $(B)/asan/libstorytrack.a $(PKG_LIBS)

# Benchmark programs: bench/<name>.c, optimised build, run by bench/*.sh.
$(B)/bench/%: bench/%.c $(B)/libstorytrack.a
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(DEFS) $(INCS) $(PKG_CFLAGS) -o $@ $< $(B)/libstorytrack.a $(PKG_LIBS)

deps:
	@sh scripts/deps.sh $(DEB_PKGS)

# The browser test drives Debian's chromium, the stream tests a real redis-server
# (each skips itself where its program is absent).
TEST_DEB_PKGS := chromium redis-server

test: deps
	@sh scripts/deps.sh $(TEST_DEB_PKGS)
	@$(MAKE) --no-print-directory $(B)/asan/storytrack $(TEST_BIN)
	@sh tests/run.sh $(TEST_BIN)

# The same tests against PostgreSQL: a throwaway cluster (scripts/pg.sh) on a
# free loopback port, one fresh database per store a test makes.
test-pg: deps
	@sh scripts/deps.sh $(TEST_DEB_PKGS) postgresql
	@$(MAKE) --no-print-directory $(B)/asan/storytrack $(TEST_BIN)
	@sh scripts/pg-test.sh sh tests/run.sh $(TEST_BIN)

# The threaded code (the pipeline's preparing threads, the HTTP server's
# connection threads, fetches from several threads at once) under
# ThreadSanitizer, in a build folder of its own.
TSAN_TESTS := $(addprefix $(B)-tsan/tests/,test_parallel test_server test_cluster_prepare test_fetch)
test-tsan: deps
	@sh scripts/deps.sh $(TEST_DEB_PKGS)
	@$(MAKE) --no-print-directory B=$(B)-tsan SAN="-fsanitize=thread -fno-omit-frame-pointer" \
		$(B)-tsan/asan/storytrack $(TSAN_TESTS)
	@TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" sh tests/run.sh $(TSAN_TESTS)

# The corpus: the shared seeds when present, else the repository's own examples.
CORPUS := $(if $(wildcard ../shared/seeds/*.txt),../shared/seeds,examples/corpus)
RUN_DB := $(B)/run.db
run: deps
	@$(MAKE) --no-print-directory all
	@rm -f $(RUN_DB) $(RUN_DB)-wal $(RUN_DB)-shm
	./$(B)/storytrack ingest --db $(RUN_DB) $(CORPUS)
	./$(B)/storytrack articles --db $(RUN_DB)
	./$(B)/storytrack stories --db $(RUN_DB)

bench: all
	@for b in bench/*.sh; do echo "== $$b"; sh $$b || exit 1; done

clean:
	rm -rf $(B)

# Fuzz targets and their corpus replays are described in fuzz/fuzz.mk.
-include fuzz/fuzz.mk

-include $(OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(AOBJ:.o=.d) $(ACLI_OBJ:.o=.d)
-include $(ATEST_HELPER_OBJ:.o=.d) $(TESTS:tests/%.c=$(B)/asan/tests/%.d)
