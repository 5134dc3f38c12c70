# Shared part of the Debian cross toolchain files: expects VHART_TRIPLE (e.g. aarch64-linux-gnu),
# VHART_DEB_ARCH (arm64) and VHART_QEMU (qemu-aarch64) set by the including toolchain file.
# Compiler: Debian's gcc-TRIPLE; C library: libc6-dev-ARCH-cross in /usr/TRIPLE; other target
# libraries: the sysroot scripts/cross-sysroot.sh unpacks (override with -DVHART_SYSROOT=DIR).
# Tests run under qemu-user (Debian's qemu-user) through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${VHART_TRIPLE}-gcc)

if(NOT VHART_SYSROOT)
  if(DEFINED ENV{XDG_CACHE_HOME} AND NOT "$ENV{XDG_CACHE_HOME}" STREQUAL "")
    set(VHART_SYSROOT "$ENV{XDG_CACHE_HOME}/vhart/sysroot-${VHART_DEB_ARCH}")
  else()
    set(VHART_SYSROOT "$ENV{HOME}/.cache/vhart/sysroot-${VHART_DEB_ARCH}")
  endif()
endif()
set(VHART_SYSROOT "${VHART_SYSROOT}" CACHE PATH "Target libraries for ${VHART_TRIPLE}")
if(NOT EXISTS "${VHART_SYSROOT}/.stamp")
  message(FATAL_ERROR "no target sysroot at ${VHART_SYSROOT}: run scripts/cross-sysroot.sh ${VHART_DEB_ARCH}")
endif()

# Libraries and headers come only from the target roots; programs (riscv64-unknown-elf-gcc, the
# guest toolchain) from the host.
set(CMAKE_FIND_ROOT_PATH "${VHART_SYSROOT}" "/usr/${VHART_TRIPLE}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_LIBRARY_ARCHITECTURE ${VHART_TRIPLE})

# pkg-config reads the target's .pc files and prefixes their paths with the sysroot.
set(ENV{PKG_CONFIG_LIBDIR} "${VHART_SYSROOT}/usr/lib/${VHART_TRIPLE}/pkgconfig:${VHART_SYSROOT}/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${VHART_SYSROOT}")
unset(ENV{PKG_CONFIG_PATH})

# Headers: the sysroot's (gmp.h is in the multiarch include directory). Not in CMAKE_C_FLAGS_INIT,
# which a -DCMAKE_C_FLAGS=... on the command line would replace.
set(CMAKE_C_STANDARD_INCLUDE_DIRECTORIES "${VHART_SYSROOT}/usr/include/${VHART_TRIPLE}" "${VHART_SYSROOT}/usr/include")

# The linker resolves the shared libraries' own dependencies (glib under libslirp, tinfo under
# readline) in the sysroot; at run time the target's dynamic loader finds them there too.
set(_libdirs "${VHART_SYSROOT}/usr/lib/${VHART_TRIPLE}:${VHART_SYSROOT}/lib/${VHART_TRIPLE}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-Wl,-rpath-link,${_libdirs}")
set(CMAKE_CROSSCOMPILING_EMULATOR ${VHART_QEMU} -L /usr/${VHART_TRIPLE} -E LD_LIBRARY_PATH=${_libdirs})
