# A command continued over lines: each requirement is reported on its own line.
pip install \
    torch==2.3.0 \
## expect-next-line: pip/floating-version
    transformers \
## expect-next-line: pip/extra-index-url
    --extra-index-url https://download.pytorch.org/whl/cu121 \
## expect-next-line: pip/typosquat
    numpyy==1.0
