# Variables set for the whole file reach all four scripts but are reported once, at the variable.
##env PIP_EXTRA_INDEX_URL=https://pypi.corp.example/simple  # expect: pip/extra-index-url
##env PIP_INDEX_URL=http://mirror.corp.example/simple  # expect: pip/insecure-index
pip install acme-core==1.0
##script
pip install acme-utils==2.0
##script
make install
##script
##step-env PIP_TRUSTED_HOST=mirror.corp.example  # expect: pip/insecure-index
echo done
##script
export PIP_EXTRA_INDEX_URL="https://a.example/simple https://b.example/simple"  # expect: pip/extra-index-url, pip/extra-index-url
pip install acme-core==1.0
PIP_INDEX_URL=http://c.example/simple pip install acme-core==1.0  # expect: pip/insecure-index
echo "UV_INDEX_URL=http://d.example/simple" >> "$GITHUB_ENV"  # expect: pip/insecure-index
UV_EXTRA_INDEX_URL=https://e.example/simple uv pip install acme-core==1.0
##script
export UV_INDEX_STRATEGY=unsafe-best-match
uv pip install --extra-index-url https://f.example/simple acme-core==1.0  # expect: pip/extra-index-url
