pip install --extra-index-url https://pypi.corp.example/simple acme-core==1.0  # expect: pip/extra-index-url
pip install -i http://pypi.corp.example/simple acme-core==1.0  # expect: pip/insecure-index
pip install --index-url=https://ci:s3cret-value@pypi.corp.example/simple acme-core==1.0  # expect: pip/index-credentials
pip install --trusted-host pypi.corp.example acme-core==1.0  # expect: pip/insecure-index
pip install --no-index --find-links ./wheels --extra-index-url https://pypi.corp.example/simple acme-core==1.0
pip install -f http://wheels.corp.example/ acme-core==1.0  # expect: pip/insecure-index
pip install --extra-index-url "https://${{ secrets.PYPI_USER }}:${{ secrets.PYPI_TOKEN }}@pypi.corp.example/simple" acme-core==1.0  # expect: pip/extra-index-url
pip install --index-url "https://__token__:$PYPI_TOKEN@pypi.corp.example/simple" acme-core==1.0
uv pip install --extra-index-url https://pypi.corp.example/simple acme-core==1.0
uv pip install --index-strategy unsafe-best-match --extra-index-url https://pypi.corp.example/simple acme-core==1.0  # expect: pip/extra-index-url
uv pip install --allow-insecure-host pypi.corp.example acme-core==1.0  # expect: pip/insecure-index
pipx install --pip-args="--extra-index-url https://pypi.corp.example/simple" acme-tool==1.0  # expect: pip/extra-index-url
##script
pip config set global.extra-index-url https://pypi.corp.example/simple  # expect: pip/extra-index-url
pip install acme-core==1.0
pip install acme-utils==1.0
