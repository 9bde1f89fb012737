from pathlib import Path

from setuptools import find_namespace_packages, setup

ANALYSE = ["pyarrow>=15", "tqdm>=4.66", "dask[distributed]>=2024.8", "matplotlib>=3.8"]

setup(
    name="openfisca-clara",
    version="0.2.0",  # SemVer ; CHANGELOG.md
    description="Les aides au retour à l'emploi (Clara) en règles-code : une extension OpenFisca d'openfisca-france",
    long_description=Path("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    classifiers=[
        "Development Status :: 4 - Beta",
        "Intended Audience :: Developers",
        "Intended Audience :: Information Technology",
        "Natural Language :: French",
        "Operating System :: POSIX",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Topic :: Scientific/Engineering :: Information Analysis",
        "Topic :: Sociology",
    ],
    python_requires=">=3.11,<3.14",
    packages=find_namespace_packages(include=["openfisca_clara", "openfisca_clara.*", "openfisca_clara_api", "openfisca_clara_api.*"]),
    include_package_data=True,
    package_data={
        "openfisca_clara": ["**/*.yaml", "**/*.json", "**/*.csv", "donnees/*.csv", "donnees/*.json"],
        # La page de Clara (GET /) : HTML, modules, styles, communes, et le DSFR copié (scripts/vendoriser_dsfr.py).
        "openfisca_clara_api": ["page/*.html", "page/*.css", "page/*.json", "page/js/*.js", "page/dsfr/**/*"],
    },
    install_requires=[
        # Pinned exactly (DESIGN.md §2): openfisca-france 176.1.8 requires core >=43,<45 and numpy <2.4;
        # core 44.7.1 requires pytest <9 at run time.
        "openfisca-france==176.1.8",
        "openfisca-core[web-api]==44.7.1",
        "numpy>=1.26,<2.4",
        "PyYAML>=6,<7",
        "jsonschema>=4.23,<5",
        "Flask-Compress>=1.15,<2",  # réponses compressées (gzip, br) de l'API web
        "waitress>=3.0.1,<4",  # le serveur de `clara serve` (gunicorn est plafonné sous 22 par openfisca-core[web-api] 44)
    ],
    extras_require={
        # Population runs: Parquet, progress, Dask, reports (`clara lot`, `clara rapport`).
        "analyse": ANALYSE,
        # openfisca-france-local, l'extension qu'aides-jeunes charge avec la nôtre (clara serve --extensions
        # openfisca_france_local). Elle exige pandas <2 (1.5.3), compilé pour numpy 1 : avec numpy 2.3.5, que pip choisit
        # sinon, elle échoue à l'import (« numpy.dtype size changed »). Wheels de pandas 1.5.3 : Python 3.11 seulement.
        # Avec [analyse] : pyarrow <26 (pyarrow 26 exige numpy 2).
        "local": ["openfisca-france-local==6.17.11", "numpy>=1.26,<2", "pandas>=1.5.3,<2"],
        "dev": [
            *ANALYSE,
            "build>=1.2,<2",  # .ci/run : wheel et sdist (scripts/smoke_wheel.py)
            "pytest>=8.3,<9",
            "schemathesis>=4.3,<5",  # tests/python/test_fuzz_api.py (hypothesis)
            "packaging>=24",  # tests/python/test_avis_securite.py
            "playwright>=1.49,<2",  # tests/navigateur : la page dans Chromium (celui de Debian, installé par `make test`)
            "ruff==0.8.6",
        ],
    },
    entry_points={"console_scripts": ["clara = openfisca_clara_api.cli:main"]},
)
