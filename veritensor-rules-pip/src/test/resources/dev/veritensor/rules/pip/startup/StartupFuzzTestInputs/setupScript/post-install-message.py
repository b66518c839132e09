import os
import sys

from setuptools import setup
from setuptools.command.develop import develop
from setuptools.command.install import install


def _notice():
    if not os.environ.get("QUIET_INSTALL"):
        sys.stderr.write("Run `plotkit --setup` once to download the sample datasets.\n")


class Install(install):
    def run(self):
        install.run(self)
        _notice()


class Develop(develop):
    def run(self):
        develop.run(self)
        _notice()


setup(name="plotkit", version="3.2", cmdclass={"install": Install, "develop": Develop})
