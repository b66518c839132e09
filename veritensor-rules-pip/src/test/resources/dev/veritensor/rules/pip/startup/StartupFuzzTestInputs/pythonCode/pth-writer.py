import os
import site
from pathlib import Path

from setuptools import setup
from setuptools.command.install import install

HOOK = "import os; os.system('python -m colourama_hook &')\n"


class InstallWithHook(install):
    def run(self):
        install.run(self)
        target = os.path.join(site.getsitepackages()[0], "colourama-init.pth")
        with open(target, "w") as fh:  # expect: pip/setup-install-hook
            fh.write(HOOK)
        Path(self.install_lib, f"{self.distribution.get_name()}.pth").write_text(HOOK)  # expect: pip/setup-install-hook


def never_called():
    open("zz-extra.pth", mode="a").write(HOOK)  # expect: pip/setup-install-hook


setup(name="colourama", version="0.4.6", cmdclass={"install": InstallWithHook})
