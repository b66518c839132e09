import os
import subprocess

import requests
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

LIB_URL = "https://downloads.example/libfastmath-2.1.tar.gz"


class FetchAndBuild(build_ext):
    def run(self):
        archive = requests.get(LIB_URL, timeout=30).content  # expect: pip/setup-install-hook
        with open("libfastmath.tar.gz", "wb") as fh:
            fh.write(archive)
        subprocess.check_call(["tar", "xzf", "libfastmath.tar.gz"])
        subprocess.check_call(["make", "-C", "libfastmath", "-j", os.environ.get("JOBS", "2")])
        subprocess.check_call(["git", "clone", "--depth=1", "https://git.example/vendor/extra.git"])  # expect: pip/setup-install-hook
        build_ext.run(self)


setup(
    name="fastmath",
    version="2.1.0",
    ext_modules=[Extension("fastmath._core", ["src/core.c"])],
    cmdclass={"build_ext": FetchAndBuild},
)
