# Cross build for IBM Z Linux hosts (s390x, big-endian): cmake -DCMAKE_TOOLCHAIN_FILE=this.
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(VHART_TRIPLE s390x-linux-gnu)
set(VHART_DEB_ARCH s390x)
set(VHART_QEMU qemu-s390x)
include(${CMAKE_CURRENT_LIST_DIR}/cross-debian.cmake)
