# Included by ctest (TEST_INCLUDE_FILES of tests/): tests run vhart with --display none unless
# they pass --display themselves.
set(ENV{VHART_DISPLAY} none)
