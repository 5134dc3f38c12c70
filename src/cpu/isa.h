/* ISA strings: parse `--isa rv64gc_zba` into an extension mask, and format the enabled set. */
#ifndef VHART_CPU_ISA_H
#define VHART_CPU_ISA_H

#include <stddef.h>
#include <stdint.h>

/* The mask with implied extensions added and the derived pair bits (decode.h) set from the rest. */
uint64_t isa_derive(uint64_t ext);
/* Extensions this build implements (a superset of what a parsed string may enable). */
uint64_t isa_supported(void);
/* Parse; returns 0, or -1 with a one-line reason in err. */
int isa_parse(const char *s, uint64_t *ext, char *err, size_t err_len);
/* Canonical string for the device tree ("rv64imac_zicsr_zifencei"). */
void isa_format(uint64_t ext, char *buf, size_t len);

#endif
