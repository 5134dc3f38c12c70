/* GDB Remote Serial Protocol packet layer: framing ($data#cs), acks, escapes, run-length
 * decoding and hex helpers (GDB manual, appendix E "Remote Protocol", E.1 Overview). No I/O. */
#ifndef VHART_DEBUG_RSP_H
#define VHART_DEBUG_RSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest packet payload (between '$' and '#', as sent, escapes included) we accept; advertised
 * to gdb as PacketSize. Longer packets are drained and reported as RSP_EV_OVERSIZED. */
#define RSP_PACKET_MAX 16384
/* Room for a framed reply of an RSP_PACKET_MAX payload even when every byte needs escaping. */
#define RSP_FRAME_MAX (2 * RSP_PACKET_MAX + 4)

/* What one received byte completed. */
enum rsp_event {
    RSP_EV_NONE,          /* nothing yet (inside a packet, or garbage between packets: ignored) */
    RSP_EV_PACKET,        /* a packet with a good checksum is in parser.buf/len: ack it with '+' */
    RSP_EV_BAD_CHECKSUM,  /* a complete packet whose checksum did not match: answer '-' */
    RSP_EV_MALFORMED,     /* the checksum after '#' was not two hex digits: answer '-' */
    RSP_EV_OVERSIZED,     /* a good packet longer than RSP_PACKET_MAX (dropped): ack, reply an error */
    RSP_EV_ACK,           /* '+' between packets */
    RSP_EV_NAK,           /* '-' between packets: resend the last packet */
    RSP_EV_INTERRUPT,     /* 0x03 between packets: gdb's Ctrl-C */
};

struct rsp_parser {
    int state;                       /* RSP_ST_* of rsp.c */
    uint8_t sum;                     /* running checksum of the payload */
    uint8_t csum_hi;                 /* first checksum digit (value) */
    bool overflow;                   /* the payload outgrew buf */
    size_t len;                      /* payload bytes in buf */
    uint8_t buf[RSP_PACKET_MAX + 1]; /* the payload as received (escapes kept), NUL-terminated */
};

void rsp_parser_init(struct rsp_parser *p);
/* Feed one received byte. After RSP_EV_PACKET, p->buf/p->len hold the payload until the next call.
 * A '$' inside a packet abandons the truncated packet and starts a new one (as gdb does). */
enum rsp_event rsp_parser_feed(struct rsp_parser *p, uint8_t byte);

/* The modulo-256 sum of the bytes. */
uint8_t rsp_checksum(const void *data, size_t len);

/* Frame payload as "$payload#cs" into out. With escape, the bytes '#', '$', '}' and '*' of the
 * payload are escaped ('}' then byte ^ 0x20), as binary replies need; without, the payload must
 * contain none of them. Returns the frame length, or 0 when it does not fit in cap. */
size_t rsp_frame(uint8_t *out, size_t cap, const void *payload, size_t len, bool escape);

/* Escape binary data (see rsp_frame) into out. Returns the bytes written, or (size_t)-1 when out
 * is too small. */
size_t rsp_escape(uint8_t *out, size_t cap, const void *in, size_t len);
/* Undo '}' escapes of received binary data (X packets) into out, which may be `in` itself.
 * Returns the decoded length, or (size_t)-1 when the data ends in a lone '}'. */
size_t rsp_unescape(uint8_t *out, const uint8_t *in, size_t len);
/* Expand run-length encoding ("x*" followed by a count character c: x repeated c - 29 more
 * times) into out. Returns the expanded length, or (size_t)-1 on a malformed run ('*' first,
 * a count below 3 repeats or a '#'/'$' count) or when out (cap bytes) is too small. gdb never sends
 * run-length-encoded packets to a stub and X data may hold a raw '*', so the stub does not apply
 * this to commands; it is here for replies from other stubs and for completeness. */
size_t rsp_rle_decode(uint8_t *out, size_t cap, const uint8_t *in, size_t len);

/* ---- hex ---- */
/* The value of a hex digit, or -1. */
int rsp_hex_digit(int c);
/* Two lower-case hex digits per byte into out (2 * len chars, not terminated). Returns out + 2*len. */
char *rsp_hex_encode(char *out, const void *data, size_t len);
/* Decode exactly 2 * len hex digits into out. Returns 0, or -1 on a non-hex digit. */
int rsp_hex_decode(void *out, const char *hex, size_t len);
/* Parse a hex number at *s (at least one digit, at most 16), advancing *s past it. Returns 0 or -1. */
int rsp_parse_hex(const char **s, uint64_t *value);
/* A register value as little-endian target bytes (size 1..8) in hex. Returns out + 2*size. */
char *rsp_hex_le(char *out, uint64_t value, unsigned size);
/* Decode 2*size hex digits (size 1..8) of a little-endian value. Returns 0 or -1. */
int rsp_parse_hex_le(const char *hex, unsigned size, uint64_t *value);

#endif
