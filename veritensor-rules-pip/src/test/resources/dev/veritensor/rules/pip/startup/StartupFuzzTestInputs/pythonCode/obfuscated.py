from setuptools import setup
from setuptools.command.install import install as _i


class I(_i):
    def run(self):
        m = getattr(__import__("o" + "s"), "sy" + "stem")  # expect: pip/setup-install-hook
        m("id")
        getattr(__import__("subprocess"), "Popen")(["id"])  # expect: pip/setup-install-hook
        _i.run(self)


class Base(_i):
    def finalize_options(self):
        _i.finalize_options(self)
        eval(compile(self.distribution.get_name(), "<x>", "exec"))  # expect: pip/setup-install-hook


class Derived(Base):
    pass


setup(name="tqdm-lite", version="4.0", cmdclass={"install": I, "bdist_wheel": Derived})
