# crawlcoach: every target creates the environment it needs on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install serve test lint analyze annotate clean web-test-deps pose-lite

$(BIN)/python:
	@echo "crawlcoach: creating the virtual environment in $(VENV)/"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip

# mediapipe goes in last and with --no-deps (see requirements/pose.txt for why): installed first,
# every later pip run would report its deliberately missing extras as "dependency conflicts".
$(STAMP): $(BIN)/python pyproject.toml requirements/pose.txt
	@echo "crawlcoach: installing crawlcoach and the packages it uses (a minute or two the first time)"
	@$(BIN)/pip install -qq -e '.[dev]'
	@echo "crawlcoach: installing the pose model (mediapipe, without the extras it never uses)"
	@$(BIN)/pip install -qq --no-deps -r requirements/pose.txt
	@touch $(STAMP)
	@echo "crawlcoach: environment ready"

install: $(STAMP)

# Optional: BlazePose's lite landmark model (backend `blazepose-lite`), which the mediapipe wheel
# lacks and would otherwise download while running. Taken once from the npm registry's
# @mediapipe/pose (Apache-2.0), checked against its known digest, put where mediapipe looks.
POSE_NPM := @mediapipe/pose@0.5.1675469404
LITE_SHA256 := f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61
pose-lite: install
	@command -v npm >/dev/null || { echo "pose-lite needs npm (Node.js) to fetch $(POSE_NPM)"; exit 2; }
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd "$$tmp" && npm pack -q $(POSE_NPM) >/dev/null && tar xzf *.tgz package/pose_landmark_lite.tflite) && \
	  echo "$(LITE_SHA256)  $$tmp/package/pose_landmark_lite.tflite" | sha256sum -c --quiet && \
	  target=$$($(BIN)/python -c "from crawlcoach.pose.blazepose import import_mediapipe, lite_model_path; print(lite_model_path(import_mediapipe()))") && \
	  cp "$$tmp/package/pose_landmark_lite.tflite" "$$target" && echo "crawlcoach: lite pose model installed in $$target"

# The family web app with its analysis worker, data in ./var (or $$CRAWLCOACH_DATA_DIR); see docs/web.md.
serve: install
	$(BIN)/crawlcoach serve $(SERVE_ARGS)

analyze: install
	@test -n "$(VIDEO)" || { echo "usage: make analyze VIDEO=path/to/video.mp4"; exit 2; }
	$(BIN)/crawlcoach analyze "$(VIDEO)"

annotate: install
	@test -n "$(VIDEO)" || { echo "usage: make annotate VIDEO=path/to/video.mp4 [OUT=annotated.mp4]"; exit 2; }
	$(BIN)/crawlcoach annotate "$(VIDEO)" -o "$(or $(OUT),annotated.mp4)"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# What the web tests drive: Debian's Chromium (for Playwright; never `playwright install`), a font
# for it, Redis and PostgreSQL. Installed with apt when missing; without them those tests skip.
web-test-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
	if command -v apt-get >/dev/null && { [ -z "$$sudo" ] || sudo -n true 2>/dev/null; }; then \
	  echo "installing$$missing for the web tests"; \
	  { $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    --no-install-recommends $$missing >/dev/null; } || echo "could not install$$missing: those web tests will skip"; \
	else echo "missing$$missing (apt-get as root needed): those web tests will skip"; fi

# pytest exits 5 when it collected nothing; that is not a failure of the code.
test: install lint web-test-deps
	$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache src/*.egg-info
