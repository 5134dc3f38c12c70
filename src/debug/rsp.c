/* GDB Remote Serial Protocol packet layer (GDB manual, appendix E.1 "Overview"): a byte-at-a-time
 * receive state machine with a bounded buffer, framing, escapes, run-length decoding and hex. */
#include "rsp.h"

#include <string.h>

enum {
    RSP_ST_IDLE,      /* between packets */
    RSP_ST_DATA,      /* after '$' */
    RSP_ST_CSUM1,     /* after '#' */
    RSP_ST_CSUM2,     /* after the first checksum digit */
};

void rsp_parser_init(struct rsp_parser *p)
{
    p->state = RSP_ST_IDLE;
    p->sum = 0;
    p->csum_hi = 0;
    p->overflow = false;
    p->len = 0;
    p->buf[0] = 0;
}

static void start_packet(struct rsp_parser *p)
{
    p->state = RSP_ST_DATA;
    p->sum = 0;
    p->overflow = false;
    p->len = 0;
}

enum rsp_event rsp_parser_feed(struct rsp_parser *p, uint8_t c)
{
    switch (p->state) {
    case RSP_ST_IDLE:
        if (c == '$') {
            start_packet(p);
            return RSP_EV_NONE;
        }
        if (c == '+') return RSP_EV_ACK;
        if (c == '-') return RSP_EV_NAK;
        if (c == 0x03) return RSP_EV_INTERRUPT;
        return RSP_EV_NONE;   /* line noise between packets */
    case RSP_ST_DATA:
        if (c == '$') {       /* an unescaped '$' only starts a packet: the previous one was cut */
            start_packet(p);
            return RSP_EV_NONE;
        }
        if (c == '#') {
            p->state = RSP_ST_CSUM1;
            return RSP_EV_NONE;
        }
        p->sum = (uint8_t)(p->sum + c);
        if (p->len < RSP_PACKET_MAX) p->buf[p->len++] = c;
        else p->overflow = true;
        return RSP_EV_NONE;
    case RSP_ST_CSUM1: {
        int d = rsp_hex_digit(c);
        if (d < 0) {
            if (c == '$') start_packet(p);
            else p->state = RSP_ST_IDLE;
            return RSP_EV_MALFORMED;
        }
        p->csum_hi = (uint8_t)d;
        p->state = RSP_ST_CSUM2;
        return RSP_EV_NONE;
    }
    default: {
        int d = rsp_hex_digit(c);
        p->state = RSP_ST_IDLE;
        if (d < 0) {
            if (c == '$') start_packet(p);
            return RSP_EV_MALFORMED;
        }
        if ((uint8_t)(p->csum_hi << 4 | d) != p->sum) return RSP_EV_BAD_CHECKSUM;
        if (p->overflow) {
            p->len = 0;
            p->buf[0] = 0;
            return RSP_EV_OVERSIZED;
        }
        p->buf[p->len] = 0;
        return RSP_EV_PACKET;
    }
    }
}

uint8_t rsp_checksum(const void *data, size_t len)
{
    const uint8_t *b = data;
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++) sum += b[i];
    return (uint8_t)sum;
}

static bool needs_escape(uint8_t c) { return c == '#' || c == '$' || c == '}' || c == '*'; }

size_t rsp_escape(uint8_t *out, size_t cap, const void *in, size_t len)
{
    const uint8_t *b = in;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (needs_escape(b[i])) {
            if (cap - n < 2) return (size_t)-1;
            out[n++] = '}';
            out[n++] = (uint8_t)(b[i] ^ 0x20);
        } else {
            if (cap - n < 1) return (size_t)-1;
            out[n++] = b[i];
        }
    }
    return n;
}

static const char hexdigits[] = "0123456789abcdef";

size_t rsp_frame(uint8_t *out, size_t cap, const void *payload, size_t len, bool escape)
{
    if (cap < 4) return 0;
    size_t n;
    if (escape) {
        n = rsp_escape(out + 1, cap - 4, payload, len);
        if (n == (size_t)-1) return 0;
    } else {
        if (len > cap - 4) return 0;
        memcpy(out + 1, payload, len);
        n = len;
    }
    uint8_t sum = rsp_checksum(out + 1, n);
    out[0] = '$';
    out[n + 1] = '#';
    out[n + 2] = (uint8_t)hexdigits[sum >> 4];
    out[n + 3] = (uint8_t)hexdigits[sum & 15];
    return n + 4;
}

size_t rsp_unescape(uint8_t *out, const uint8_t *in, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '}') {
            if (++i == len) return (size_t)-1;
            out[n++] = (uint8_t)(in[i] ^ 0x20);
        } else {
            out[n++] = in[i];
        }
    }
    return n;
}

size_t rsp_rle_decode(uint8_t *out, size_t cap, const uint8_t *in, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '*') {
            if (n == 0 || i + 1 == len) return (size_t)-1;
            uint8_t c = in[++i];
            if (c < 32 || c > 126 || c == '#' || c == '$') return (size_t)-1;
            size_t repeat = (size_t)c - 29;
            if (cap - n < repeat) return (size_t)-1;
            memset(out + n, out[n - 1], repeat);
            n += repeat;
        } else {
            if (n == cap) return (size_t)-1;
            out[n++] = in[i];
        }
    }
    return n;
}

int rsp_hex_digit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *rsp_hex_encode(char *out, const void *data, size_t len)
{
    const uint8_t *b = data;
    for (size_t i = 0; i < len; i++) {
        *out++ = hexdigits[b[i] >> 4];
        *out++ = hexdigits[b[i] & 15];
    }
    return out;
}

int rsp_hex_decode(void *out, const char *hex, size_t len)
{
    uint8_t *b = out;
    for (size_t i = 0; i < len; i++) {
        int hi = rsp_hex_digit((unsigned char)hex[2 * i]);
        int lo = hi < 0 ? -1 : rsp_hex_digit((unsigned char)hex[2 * i + 1]);
        if (lo < 0) return -1;
        b[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}

int rsp_parse_hex(const char **s, uint64_t *value)
{
    const char *p = *s;
    uint64_t v = 0;
    int n = 0, d;
    while ((d = rsp_hex_digit((unsigned char)*p)) >= 0) {
        if (++n > 16) return -1;
        v = v << 4 | (uint64_t)d;
        p++;
    }
    if (n == 0) return -1;
    *s = p;
    *value = v;
    return 0;
}

char *rsp_hex_le(char *out, uint64_t value, unsigned size)
{
    for (unsigned i = 0; i < size; i++) {
        uint8_t b = (uint8_t)(value >> (8 * i));
        *out++ = hexdigits[b >> 4];
        *out++ = hexdigits[b & 15];
    }
    return out;
}

int rsp_parse_hex_le(const char *hex, unsigned size, uint64_t *value)
{
    uint8_t b[8];
    if (size < 1 || size > 8 || rsp_hex_decode(b, hex, size)) return -1;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) v |= (uint64_t)b[i] << (8 * i);
    *value = v;
    return 0;
}
