import codecs
import os.path

from setuptools import find_packages, setup

here = os.path.abspath(os.path.dirname(__file__))

with codecs.open(os.path.join(here, "README.rst"), encoding="utf-8") as fh:
    long_description = "\n" + fh.read()

about = {}
with open(os.path.join(here, "tinyhttp", "__version__.py")) as f:
    exec(f.read(), about)

version = None
with open(os.path.join(here, "tinyhttp", "__init__.py")) as f:
    for line in f:
        if line.startswith("__version__"):
            version = eval(line.split("=")[1])

setup(
    name="tinyhttp",
    version=version or about["__version__"],
    long_description=long_description,
    url="https://github.com/example/tinyhttp",
    packages=find_packages(exclude=["tests"]),
    install_requires=["urllib3>=1.26,<3", "certifi>=2017.4.17"],
    package_data={"tinyhttp": ["py.typed", "*.pth.template"]},
    data_files=[("share/tinyhttp", ["docs/tinyhttp.1"])],
)
