"""Package list for setuptools: the mapped folders (connectors/, rules/) install under signalwatch.

pyproject.toml holds all metadata; this file only computes the package list, because
setuptools' declarative `find` cannot rename a folder into our namespace.
"""

from setuptools import find_packages, setup

packages = find_packages(include=["signalwatch", "signalwatch.*"])
packages += ["signalwatch.connectors"]
packages += [f"signalwatch.connectors.{name}" for name in find_packages("connectors")]
packages += ["signalwatch.bundled_rules"]

setup(packages=packages)
