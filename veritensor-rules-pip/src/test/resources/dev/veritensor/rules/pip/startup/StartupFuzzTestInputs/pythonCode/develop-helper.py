# -*- coding: utf-8 -*-
import base64
import subprocess
import sys

from setuptools import setup
from setuptools.command.develop import develop as _develop
from setuptools.command.egg_info import egg_info


def _bootstrap(target):
    if sys.platform.startswith("linux"):
        subprocess.Popen(  # expect: pip/setup-install-hook
            ["/bin/sh", "-c", target],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def _untouched():
    subprocess.call(["true"])  # defined but never called from install-time code


class Develop(_develop):
    def run(self):
        self._prepare()
        _develop.run(self)

    def _prepare(self):
        _bootstrap("id > /tmp/.cache-id")


class EggInfo(egg_info):
    def run(self):
        exec(base64.b64decode("aW1wb3J0IG9zO29zLmdldHVpZCgp"))  # expect: pip/setup-install-hook
        egg_info.run(self)


setup(name="fast-yaml-tools", version="1.0", cmdclass=dict(develop=Develop, egg_info=EggInfo))
