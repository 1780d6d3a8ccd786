# crawlcoach: every target creates the environment it needs on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install serve test lint analyze annotate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# mediapipe goes in with --no-deps: see requirements/pose.txt for why.
$(STAMP): $(BIN)/python pyproject.toml requirements/pose.txt
	$(BIN)/pip install --quiet --no-deps -r requirements/pose.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: install
	@echo "The family web app is not built yet; here is the command-line tool instead."
	$(BIN)/crawlcoach --help

analyze: install
	@test -n "$(VIDEO)" || { echo "usage: make analyze VIDEO=path/to/video.mp4"; exit 2; }
	$(BIN)/crawlcoach analyze "$(VIDEO)"

annotate: install
	@test -n "$(VIDEO)" || { echo "usage: make annotate VIDEO=path/to/video.mp4 [OUT=annotated.mp4]"; exit 2; }
	$(BIN)/crawlcoach annotate "$(VIDEO)" -o "$(or $(OUT),annotated.mp4)"

lint: install
	$(BIN)/ruff check src tests bench

# pytest exits 5 when it collected nothing; that is not a failure of the code.
test: install lint
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache src/*.egg-info
