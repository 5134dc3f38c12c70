/* Twin of spinturn.c: hart 0 does both harts' turns in the same order; nothing waits. */
#define SPIN_TWIN 1
#include "spinturn.c"
