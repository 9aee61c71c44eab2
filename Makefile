# rapporteur — build, test, install.
#   make run     build, then open the TUI on the default database
#   make test    every test (unit, CLI, screens, pty); ends "N passed, N failed"
#   make asan    the same suite under AddressSanitizer + UBSan
#   make bench   benchmarks (bytes per key, first paint, CPU, memory, export)
#   make deps    install the Debian packages needed (as root) or print the command

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/rapporteur
LOCALEDIR ?= $(PREFIX)/share/locale
MANPREFIX ?= $(PREFIX)/share/man
DESTDIR   ?=

PKG_CONFIG ?= pkg-config
CC         ?= cc
BUILD      ?= build
BIN        ?= rapporteur
VERSION    := 0.1.0

# No unwind tables (.eh_frame, 80 KB beside .rodata): a C program without
# exceptions, backtrace() or thread cancellation never reads them; gdb and
# valgrind unwind with .debug_frame (-g). The SAN builds keep them (below).
CFLAGS ?= -O2 -g -fno-asynchronous-unwind-tables -fno-unwind-tables
WARN    = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wno-format-nonliteral -Wpointer-arith -Wvla
ifneq ($(CI),)
WARN   += -Werror
endif
ifneq ($(SAN),)
CFLAGS  = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

# ncursesw when pkg-config knows it, else plain ncurses (as nnn does).
CURSES_PC     := $(shell $(PKG_CONFIG) --exists ncursesw 2>/dev/null && echo ncursesw || echo ncurses)
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(CURSES_PC) 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs $(CURSES_PC) 2>/dev/null || echo -l$(CURSES_PC))
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS   := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
ZIP_CFLAGS    := $(shell $(PKG_CONFIG) --cflags libzip 2>/dev/null)
ZIP_LIBS      := $(shell $(PKG_CONFIG) --libs libzip 2>/dev/null || echo -lzip)

CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 \
            -DVERSION='"$(VERSION)"' -DFIXTURESDIR='"$(DATADIR)/fixtures"' \
            -DLOCALEDIR='"$(LOCALEDIR)"' $(CURSES_CFLAGS) $(SQLITE_CFLAGS) $(ZIP_CFLAGS)
# Not $(ZIP_LIBS) nor -lcsv: libzip is dlopened when an ODT report is
# written (src/io/zip_lazy.c), libcsv when a CSV file is read or a quoted
# cell written (src/io/lazy_csv.c), so the screen does not carry them.
LDLIBS  += $(CURSES_LIBS) $(SQLITE_LIBS)

# Sources by layer (README "Files"): src/core, src/store, src/domain,
# src/cmd, src/io, src/tui, src/app.c + src/main.c on top, screens/ and
# screens/<screen>/ for the screens made of several files.
SRC     := $(sort $(wildcard src/*.c src/*/*.c screens/*.c screens/*/*.c))
# Linked last, together: the code a screen being browsed does not run
# (reports, export, import, migrations, the commands' writers), so that
# the pages of code it touches are fewer (README "Figures": memory).
COLD    := $(filter src/io/% src/store/migrations%,$(SRC)) src/store/schema.c \
           src/cmd/follow.c src/cmd/import_cmd.c src/core/sha256.c src/core/fold.c src/domain/agenda.c src/domain/agenda_retime.c \
           src/domain/attendance.c src/domain/cmd.c src/domain/floor.c src/domain/floor_edit.c \
           src/domain/followup.c src/domain/minutes_entry.c src/domain/recs.c src/domain/recs_diff.c \
           src/domain/report_state.c src/domain/session.c src/domain/session_carry.c \
           src/domain/session_set.c src/domain/themes.c
OBJ     := $(patsubst %.c,$(BUILD)/%.o,$(filter-out $(COLD),$(SRC)) $(COLD))
DEP     := $(OBJ:.o=.d)
LIBOBJ  := $(filter-out $(BUILD)/src/main.o,$(OBJ))
UNIT    := $(wildcard tests/unit/test_*.c)
UNITBIN := $(UNIT:tests/unit/%.c=$(BUILD)/tests/%)
DEP     += $(UNITBIN:=.d)
PO      := $(wildcard po/*.po)
MO      := $(PO:po/%.po=locale/%/LC_MESSAGES/rapporteur.mo)

.PHONY: FORCE all build units run test asan bench soak fuzz deps check-deps check-test-deps install uninstall clean po

# The packages are installed (or their absence reported) before anything is
# compiled: the build itself runs in a second make, which also re-reads
# pkg-config once the packages are there. So `make -j` is safe on a fresh
# machine.
all: check-deps
	@$(MAKE) --no-print-directory build

build: $(BIN) $(MO)

# The PIE's relative relocations packed (DT_RELR: binutils 2.38, glibc
# 2.36): .rela.dyn, read whole at every start, 35 KB -> 0.3 KB. Asked of
# the toolchain at link time: one that does not know it links as before.
RELR = $(shell o=$$(printf 'int main(void){return 0;}\n' | $(CC) -x c - -Wl,-z,pack-relative-relocs \
	 -o /dev/null 2>&1) && [ -z "$$o" ] && echo -Wl,-z,pack-relative-relocs)

$(BIN): $(OBJ)
	$(CC) $(LDFLAGS) $(RELR) -o $@ $(OBJ) $(LDLIBS)

# The installed paths are compiled into app.o and i18n.o: rebuild them when
# PREFIX, DATADIR or LOCALEDIR change (make install PREFIX=/usr after make).
PATHS := $(DATADIR)|$(LOCALEDIR)
$(BUILD)/.paths: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PATHS)' | cmp -s - $@ || echo '$(PATHS)' > $@
$(BUILD)/src/app.o $(BUILD)/src/core/i18n.o: $(BUILD)/.paths
# Every object again when CFLAGS change (a tree built before the unwind
# tables were left out).
$(BUILD)/.cflags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CFLAGS)' | cmp -s - $@ || echo '$(CFLAGS)' > $@
$(OBJ): $(BUILD)/.cflags
FORCE:

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c -o $@ $<

-include $(DEP)

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS) $(CMOCKA_LIBS)

locale/%/LC_MESSAGES/rapporteur.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

check-deps:
	@sh scripts/deps.sh --check run || sh scripts/deps.sh run

check-test-deps:
	@sh scripts/deps.sh --check test || sh scripts/deps.sh test

deps:
	@sh scripts/deps.sh test

run: all
	./$(BIN) $(ARGS)

test: check-test-deps
	@$(MAKE) --no-print-directory build units
	@RAPPORTEUR_BIN=$(CURDIR)/$(BIN) BUILD=$(BUILD) sh tests/run.sh

units: $(UNITBIN)

asan: check-test-deps
	$(MAKE) BUILD=build-asan BIN=build-asan/rapporteur SAN=1 test

bench: check-test-deps
	@$(MAKE) --no-print-directory build
	@sh tests/bench/run.sh

soak: check-test-deps
	@$(MAKE) --no-print-directory build
	@sh tests/soak/run.sh

fuzz: check-test-deps
	@sh tests/fuzz/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/fixtures $(DESTDIR)$(MANPREFIX)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/rapporteur
	cp -R fixtures/. $(DESTDIR)$(DATADIR)/fixtures/
	install -m 644 rapporteur.1 $(DESTDIR)$(MANPREFIX)/man1/rapporteur.1
	for mo in $(MO); do l=$${mo#locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rapporteur.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rapporteur $(DESTDIR)$(MANPREFIX)/man1/rapporteur.1
	rm -rf $(DESTDIR)$(DATADIR)
	for mo in $(MO); do l=$${mo#locale/}; l=$${l%%/*}; \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rapporteur.mo; done

# Refresh the catalogues from the sources: `make po` then translate po/fr.po
# and po/es.po. English has none: the message ids are the English text.
po: po/rapporteur.pot
	for p in $(PO); do msgmerge -q --backup=none -U $$p po/rapporteur.pot; done

po/rapporteur.pot: $(SRC) $(wildcard include/*.h screens/*/*.h)
	xgettext --from-code=UTF-8 -k_ -kN_ -kNC_:1c,2 --add-comments=TRANSLATORS --package-name=rapporteur \
	  --package-version=$(VERSION) -o $@ $(sort $(SRC) $(wildcard include/*.h screens/*/*.h))

clean:
	rm -rf build build-asan build-fuzz locale $(BIN) tests/out
