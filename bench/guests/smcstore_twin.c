/* Twin of smcstore.c: the same loop, updating a word in a data page (no decoded code there). */
#define SMC_TWIN 1
#include "smcstore.c"
