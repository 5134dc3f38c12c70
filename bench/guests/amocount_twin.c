/* Twin of amocount.c: the same arithmetic on the same page with plain loads and stores. */
#define AMO_TWIN 1
#include "amocount.c"
