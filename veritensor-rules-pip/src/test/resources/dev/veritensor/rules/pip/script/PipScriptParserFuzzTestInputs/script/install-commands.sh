# Installer commands as CI scripts write them; each finding is on the command's line.
pip install transfomers  # expect: pip/typosquat, pip/floating-version
pip install torch  # expect: pip/floating-version
pip install "numpy==1.26.4"
python -m pip install --upgrade pip setuptools wheel  # expect: pip/floating-version, pip/floating-version, pip/floating-version
python3 -m pip install -r requirements.txt
pip3 install --user -U --no-cache-dir "pandas>=2"  # expect: pip/floating-version
sudo -E env PIP_NO_INPUT=1 pip install scipy==1.13.0
py -3.11 -m pip install requests==2.32.3
pip install . && pip install -e ".[dev]" && pip install dist/*.whl ./wheels/mypkg-1.0-py3-none-any.whl
uv pip install --system torch==2.3.0 torchvision  # expect: pip/floating-version
uv add httpx  # expect: pip/floating-version
uv tool install ruff==0.5.0 --with ruff-lsp  # expect: pip/floating-version
pipx install black==24.4.2
pipx install pre-commit  # expect: pip/floating-version
pip download -d wheels lightgbm  # expect: pip/floating-version
pip install torch -c constraints.txt
pip install --require-hashes "torch==2.3.0"
pip install git+https://github.com/huggingface/transformers  # expect: pip/unpinned-direct-reference
pip install https://example.com/pkgs/tool-1.0.tar.gz#sha256=0b3e5a7c9d1f2e4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a
pip install "tensorflow==2.16.*"  # expect: pip/floating-version
