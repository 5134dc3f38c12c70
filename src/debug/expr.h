/* The debugger's condition expressions (`break ADDR if EXPR`, `watch ... if EXPR`): a small C-like
 * language over 64-bit unsigned values, evaluated through callbacks (docs/debugging.md). */
#ifndef VHART_DEBUG_EXPR_H
#define VHART_DEBUG_EXPR_H

#include <stddef.h>
#include <stdint.h>

/* Where names and memory come from. Each callback returns 0 on success, -1 when it has no such
 * name (reg, sym) or cannot read the address (mem); NULL callbacks are "no such thing". */
struct expr_env {
    void *ctx;
    int (*reg)(void *ctx, const char *name, uint64_t *value);   /* a0, x5, pc, sp, mstatus... */
    int (*sym)(void *ctx, const char *name, uint64_t *value);   /* an ELF symbol's address */
    int (*mem)(void *ctx, uint64_t addr, unsigned size, uint64_t *value);   /* size 1, 2, 4, 8 */
};

#define EXPR_MAX_LEN 1024
#define EXPR_MAX_DEPTH 64

/* Evaluate text. Returns 0 and *value, or -1 with a one-line reason in err (no trailing newline).
 *   literals   0x1f, 31, 0b11111 (unsigned 64-bit; arithmetic wraps)
 *   names      a0, $a0, x10, pc, sp, any CSR (mstatus, satp), else a symbol (registers win)
 *   memory     *(u8*)ADDR, *(u16*)ADDR, *(u32*)ADDR, *(u64*)ADDR, mem[ADDR] (8 bytes)
 *   operators  loosest first: ||, &&, == != < <= > >= (unsigned), |, &, + -, unary - ! ~;
 *              parentheses group. && and || skip their right side when the left decides. */
int expr_eval(const char *text, const struct expr_env *env, uint64_t *value, char *err, size_t err_len);

/* Check the syntax only (names and memory are not looked up): 0, or -1 with the reason. */
int expr_check(const char *text, char *err, size_t err_len);

#endif
