# Cross build for 64-bit Arm Linux hosts (little-endian): cmake -DCMAKE_TOOLCHAIN_FILE=this.
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(VHART_TRIPLE aarch64-linux-gnu)
set(VHART_DEB_ARCH arm64)
set(VHART_QEMU qemu-aarch64)
include(${CMAKE_CURRENT_LIST_DIR}/cross-debian.cmake)
