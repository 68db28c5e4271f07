# escape.so: a GCC plugin that shows gccgo's escape-analysis decisions.
#
#   make                      build build/gcc-12/escape.so (GCCGO=gccgo-12)
#   make GCCGO=gccgo-11       build build/gcc-11/escape.so
#   make check                run the DejaGnu suite against gccgo-12 and gccgo-11
#   make demo                 run the plugin on testsuite/demo/demo.go
#   make sweep                compile Go's test tree, libgo and Debian's Go libraries
#                             with and without the plugin
#   make bench                measure the plugin's compile-time, memory and scaling cost
#   make compare-real         gc, gccgo-11, gccgo-12 and the plugin on Debian Go libraries
#   make install              copy escape.so into $(GCCGO)'s plugin directory
#   make uninstall            remove it from there
#   make help                 print this list
#
# make check, demo and sweep install missing Debian packages when run as
# root, and otherwise print the apt-get command to run (testsuite/deps.sh).

GCCGO ?= gccgo-12
CXX ?= g++
GCC_MAJOR := $(shell $(GCCGO) -dumpversion 2>/dev/null | cut -d. -f1)
PLUGIN_DIR := $(shell $(GCCGO) -print-file-name=plugin 2>/dev/null)
BUILD := build/gcc-$(GCC_MAJOR)
PLUGIN := $(BUILD)/escape.so

CXXFLAGS ?= -O2 -g
PLUGIN_CXXFLAGS = -shared -fPIC -fno-rtti -fno-exceptions -Wall -Wextra \
	-Wno-unused-parameter -I$(PLUGIN_DIR)/include -I.

# GCC's compilers (go1, cc1) carry libstdc++'s operator new and delete and
# export them to plugins: linking libstdc++.so again would only cost every
# compilation a megabyte of memory.
PLUGIN_LDFLAGS = -nodefaultlibs -lc

SRCS := plugin.c $(wildcard passes/*.c)
HDRS := $(wildcard passes/*.h)

.PHONY: all check demo sweep bench compare-real install uninstall clean deps help

all: $(PLUGIN)

# The comment at the top of this file, up to its first blank line.
help:
	@sed -n '1,/^$$/{/^$$/d;s/^# \{0,1\}//;p;}' Makefile

$(PLUGIN): $(SRCS) $(HDRS) Makefile
	@test -n "$(GCC_MAJOR)" || { echo "error: $(GCCGO) not found; run: testsuite/deps.sh" >&2; exit 1; }
	@test -f "$(PLUGIN_DIR)/include/gcc-plugin.h" || { echo "error: no plugin headers for $(GCCGO); run: apt-get install gcc-$(GCC_MAJOR)-plugin-dev" >&2; exit 1; }
	@mkdir -p $(BUILD)
	$(CXX) -x c++ $(CXXFLAGS) $(PLUGIN_CXXFLAGS) -o $@ $(SRCS) $(PLUGIN_LDFLAGS)

deps:
	@testsuite/deps.sh

check: deps
	$(MAKE) GCCGO=gccgo-12
	$(MAKE) GCCGO=gccgo-11
	@testsuite/check.sh

demo: deps
	$(MAKE) GCCGO=gccgo-12
	@testsuite/demo/demo.sh

sweep:
	@testsuite/deps.sh sweep
	$(MAKE) GCCGO=gccgo-12
	@testsuite/sweep.sh

bench:
	@testsuite/deps.sh bench
	$(MAKE) GCCGO=gccgo-12
	@testsuite/bench/bench.sh

compare-real: deps
	$(MAKE) GCCGO=gccgo-12
	$(MAKE) GCCGO=gccgo-11
	@tools/compare-real

install: $(PLUGIN)
	install -m 644 $(PLUGIN) $(PLUGIN_DIR)/escape.so

uninstall:
	@test -n "$(GCC_MAJOR)" || { echo "error: $(GCCGO) not found" >&2; exit 1; }
	rm -f $(PLUGIN_DIR)/escape.so

clean:
	rm -rf build
