"""Builds the stakegraph Python package: the extension stakegraph._stakegraph
(src/_stakegraph.c) linked with the static library libstakegraph.a, so that
the installed module needs nothing of the build tree at run time.

The library is looked for, in this order:

1. STAKEGRAPH_BUILD_DIR: a CMake build directory of stakegraph (it holds
   libstakegraph.a, and its CMakeCache.txt names the source tree, whose
   include/ and gazetteers/ are used);
2. ../build beside this directory: the build directory of ./setup.sh and of
   the README's `cmake -B build`;
3. an installed stakegraph, by pkg-config (stakegraph.pc; set PKG_CONFIG_PATH
   for another prefix than /usr/local): its libstakegraph.a and headers.

The bundled gazetteers the package uses by default are those the command
line built from the same tree uses: the source tree's gazetteers/, or the
installed share/stakegraph/gazetteers (STAKEGRAPH_GAZETTEERS overrides both
at run time).

    python3 -m venv --system-site-packages VENV
    VENV/bin/pip install --no-build-isolation --no-index ./python
"""
import os
import shlex
import subprocess
import sys

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
DEPS = ["libpcre2-8", "igraph", "libcgraph", "libgvc", "libutf8proc", "jansson", "zlib"]


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args], check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or str(e)
        sys.exit(f"stakegraph: pkg-config {' '.join(args)} failed: {detail.strip()}")
    return out.stdout.strip()


def source_of(build):
    """The source tree a CMake build directory was configured from."""
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("stakegraph_SOURCE_DIR:"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def find_library():
    """(static library, include directories, gazetteers directory, how found)."""
    env = os.environ.get("STAKEGRAPH_BUILD_DIR")
    for build, how in ((env, "STAKEGRAPH_BUILD_DIR"), (os.path.join(HERE, "..", "build"), "../build")):
        if not build:
            continue
        build = os.path.abspath(build)
        lib, src = os.path.join(build, "libstakegraph.a"), source_of(build)
        if os.path.isfile(lib) and src:
            return lib, [os.path.join(src, "include")], os.path.join(src, "gazetteers"), how
        if how == "STAKEGRAPH_BUILD_DIR":
            sys.exit(f"stakegraph: STAKEGRAPH_BUILD_DIR={env}: no libstakegraph.a and "
                     "CMakeCache.txt there (build the library first: cmake --build DIR)")
    if subprocess.run(["pkg-config", "--exists", "stakegraph"]).returncode != 0:
        sys.exit("stakegraph: libstakegraph not found: build it into ../build (./setup.sh "
                 "example, or cmake -S . -B build && cmake --build build), or set "
                 "STAKEGRAPH_BUILD_DIR to a build directory, or install it (pkg-config "
                 "stakegraph; PKG_CONFIG_PATH for another prefix)")
    libdir = pkg_config("--variable=libdir", "stakegraph")
    incs = [f[2:] for f in shlex.split(pkg_config("--cflags-only-I", "stakegraph"))]
    gaz = pkg_config("--variable=gazetteersdir", "stakegraph")
    return os.path.join(libdir, "libstakegraph.a"), incs, gaz, "pkg-config"


lib, includes, gazetteers, how = find_library()
print(f"stakegraph: linking {lib} (found by {how}); gazetteers {gazetteers}", file=sys.stderr)
dep_libs = shlex.split(pkg_config("--libs", *DEPS))
dep_incs = [f[2:] for f in shlex.split(pkg_config("--cflags-only-I", *DEPS))]

ext = Extension(
    "stakegraph._stakegraph",
    sources=[os.path.join("src", "_stakegraph.c")],
    include_dirs=includes + dep_incs,
    define_macros=[("SG_DEFAULT_GAZETTEERS", '"%s"' % gazetteers.replace("\\", "\\\\").replace('"', '\\"'))],
    extra_compile_args=["-std=c11", "-D_XOPEN_SOURCE=700"],
    # the library's own symbols stay inside the module
    extra_link_args=[lib, "-Wl,--exclude-libs,ALL", *dep_libs, "-lpthread", "-lm"],
    depends=[lib],
)

setup(
    name="stakegraph",
    version="0.1.0",
    description="Stakeholder networks from French press text: gazetteer matching and "
    "co-occurrence networks (Python bindings of libstakegraph)",
    license="MIT",
    packages=["stakegraph"],
    package_data={"stakegraph": ["py.typed"]},
    ext_modules=[ext],
    python_requires=">=3.9",
    install_requires=[],  # pandas, networkx (and python-igraph) are used when present
    zip_safe=False,
)
