/* What the gdb stub's files share (gdbstub.c: connection, run control, dispatch; gdbstub_target.c:
 * target description, registers, memory, monitor): the session state and the reply helpers. */
#ifndef VHART_DEBUG_GDBSTUB_INTERNAL_H
#define VHART_DEBUG_GDBSTUB_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rsp.h"

#define GDB_MAX_POINTS 64
#define GDB_XML_MAX 16384
#define GDB_REPLY_MAX RSP_PACKET_MAX
/* The 'g' packet: x0-x31 and pc; gdb fetches the others with 'p'. */
#define GDB_G_REGS 33
/* Error replies ("Enn", hex): a malformed packet, a memory fault, a bad argument, no room left. */
#define GDB_EBADPKT "E01"
#define GDB_EFAULT "E14"
#define GDB_EINVAL "E16"
#define GDB_ENOSPC "E1c"

/* A breakpoint or watchpoint gdb inserted with Z<type>, and the debug API's id for it. */
struct gdb_point {
    int id;                   /* 0: free */
    int type;                 /* 0 software breakpoint, 1 hardware, 2 write, 3 read, 4 access watchpoint */
    uint64_t addr, len;
};

struct gdbstub {
    struct machine *m;
    unsigned port;
    int listen_fd, fd;        /* fd: the connected gdb, or -1 */
    bool conn_lost;           /* the connection dropped or failed */
    bool interrupted;         /* 0x03 received while running */
    bool swbreak, hwbreak;    /* gdb announced swbreak+ / hwbreak+ */
    unsigned hart_g;          /* Hg: the hart for registers and memory */
    int hart_c;               /* Hc: the thread (hart + 1) for s/c, or -1 for "any" */
    /* gdb's riscv target assumes a watchpoint stops *before* the access (have_nonsteppable_
     * watchpoint) and steps the thread past it afterwards; vhart stops after the access. So after a
     * watchpoint stop the stub shows gdb the pc of the accessing instruction (watch_pc) instead of
     * the hart's (watch_real_pc), and answers gdb's step past it without running anything.
     * watch_hart is the hart + 1, 0 when no such stop is pending. */
    unsigned watch_hart;
    uint64_t watch_pc, watch_real_pc;
    uint8_t in[4096];         /* received bytes not yet parsed */
    size_t in_pos, in_len;
    struct rsp_parser rx;
    uint8_t out[RSP_FRAME_MAX];  /* the last packet sent, for a NAK */
    size_t out_len;
    char gdb_reply[GDB_REPLY_MAX + 1];
    uint8_t data[RSP_PACKET_MAX];
    char stop_reply[128];     /* the answer to '?' */
    struct gdb_point points[GDB_MAX_POINTS];
    char xml[GDB_XML_MAX];
    size_t xml_len;
    char error[160];
};

/* gdbstub.c */
void gdb_send_packet(struct gdbstub *g, const void *payload, size_t len, bool escape);
void gdb_reply(struct gdbstub *g, const char *s);
/* The pc gdb is shown for a hart (the accessing instruction's after a watchpoint stop). */
uint64_t gdb_shown_pc(struct gdbstub *g, unsigned hart);
/* The "Enn" reply for a debug API error. */
const char *gdb_error_code(int rc);

/* gdbstub_target.c: each handles one packet (its payload after the letter) and replies */
void gdb_build_target_xml(struct gdbstub *g);
void gdb_read_registers(struct gdbstub *g);
void gdb_write_registers(struct gdbstub *g, const char *p);
void gdb_read_register(struct gdbstub *g, const char *p);
void gdb_write_register(struct gdbstub *g, const char *p);
void gdb_read_memory(struct gdbstub *g, const char *p);
void gdb_write_memory(struct gdbstub *g, const char *p);
void gdb_write_binary(struct gdbstub *g, const uint8_t *pkt, size_t pkt_len);
void gdb_xfer_features(struct gdbstub *g, const char *p);
void gdb_rcmd(struct gdbstub *g, const char *hex);

#endif
