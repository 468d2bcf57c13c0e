# The two quick-start commands: `make demo` and `make check`.
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
PREFIX ?= /usr/local
FUZZ_BUILD ?= fuzz-build
FUZZ_SECONDS ?= 60

.PHONY: deps build demo check test test-asan install package bench clean fuzz-deps fuzz-build fuzz

# Quiet and without apt when every package is installed (scripts/install-deps.sh asks dpkg).
deps:
	@bash scripts/install-deps.sh

# build, test and install never run apt: the quick starts (demo, check) and CI install what is
# missing first, then build.
build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: deps
	@$(MAKE) --no-print-directory build
	./$(BUILD)/clientscore rank sample_data/ --from 2026-09-01

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCLIENTSCORE_SANITIZE=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j $(JOBS)

check: deps
	@$(MAKE) --no-print-directory test test-asan

# The binary, clientscore(1) and the bash, zsh and fish completions under PREFIX (DESTDIR too).
install: build
	DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

# build/clientscore_VERSION_ARCH.deb (CPack; its dependencies from dpkg-shlibdeps).
package: build
	cd $(BUILD) && cpack -G DEB

bench: build
	bash bench/run.sh

# libFuzzer targets (fuzz/, README "Reliability"): clang 16, ASan + UBSan, FUZZ_SECONDS each.
fuzz-deps: deps
	@bash scripts/install-fuzz-deps.sh

fuzz-build: fuzz-deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCLIENTSCORE_FUZZ=ON -DCLIENTSCORE_TESTS=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS)

fuzz: fuzz-build
	bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
