/* The smallest vhart guest: prints a greeting through HTIF and exits with status 0. */
#include "../common/htif.h"

int main(int hartid)
{
    htif_puts("Hello from a RISC-V guest on vhart! (hart ");
    htif_put_u64((uint64_t)hartid);
    htif_puts(")\n");
    return 0;
}
