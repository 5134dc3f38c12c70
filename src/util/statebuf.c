/* Machine state as bytes: little-endian writer and bounds-checked reader for snapshots (statebuf.h). */
#include "statebuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "endian.h"

#define STR_ABSENT 0xffffffffu

void state_writer_init(struct state_writer *w) { memset(w, 0, sizeof(*w)); }

void state_writer_free(struct state_writer *w)
{
    free(w->data);
    memset(w, 0, sizeof(*w));
}

void state_writer_set_sink(struct state_writer *w, state_sink_fn sink, void *opaque)
{
    w->sink = sink;
    w->sink_opaque = opaque;
}

bool state_writer_flush(struct state_writer *w)
{
    if (w->failed) return false;
    if (!w->sink || !w->len) return true;
    if (!w->sink(w->sink_opaque, w->data, w->len)) w->failed = true;
    w->len = 0;
    return !w->failed;
}

/* Room for n more bytes, or NULL (and failed) when memory runs out. */
static uint8_t *reserve(struct state_writer *w, size_t n)
{
    if (w->failed) return NULL;
    if (n > w->cap - w->len) {
        size_t cap = w->cap ? w->cap : 4096;
        while (n > cap - w->len) {
            if (cap > SIZE_MAX / 2) {
                w->failed = true;
                return NULL;
            }
            cap *= 2;
        }
        uint8_t *p = realloc(w->data, cap);
        if (!p) {
            w->failed = true;
            return NULL;
        }
        w->data = p;
        w->cap = cap;
    }
    uint8_t *at = w->data + w->len;
    w->len += n;
    w->total += n;
    return at;
}

void state_put_u8(struct state_writer *w, uint8_t v)
{
    uint8_t *p = reserve(w, 1);
    if (p) *p = v;
}
void state_put_u16(struct state_writer *w, uint16_t v)
{
    uint8_t *p = reserve(w, 2);
    if (p) le_store16(p, v);
}
void state_put_u32(struct state_writer *w, uint32_t v)
{
    uint8_t *p = reserve(w, 4);
    if (p) le_store32(p, v);
}
void state_put_u64(struct state_writer *w, uint64_t v)
{
    uint8_t *p = reserve(w, 8);
    if (p) le_store64(p, v);
}
void state_put_bool(struct state_writer *w, bool v) { state_put_u8(w, v ? 1 : 0); }

void state_put_bytes(struct state_writer *w, const void *src, size_t n)
{
    uint8_t *p = reserve(w, n);
    if (p && n) memcpy(p, src, n);
}

void state_put_u64s(struct state_writer *w, const uint64_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) state_put_u64(w, v[i]);
}

void state_put_u32s(struct state_writer *w, const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) state_put_u32(w, v[i]);
}

void state_put_str(struct state_writer *w, const char *s)
{
    if (!s) {
        state_put_u32(w, STR_ABSENT);
        return;
    }
    size_t n = strlen(s);
    state_put_u32(w, (uint32_t)n);
    state_put_bytes(w, s, n);
}

size_t state_section_begin(struct state_writer *w, const char *tag, uint32_t version)
{
    char t[STATE_TAG_LEN] = { 0 };
    memcpy(t, tag, strnlen(tag, STATE_TAG_LEN));
    state_put_bytes(w, t, STATE_TAG_LEN);
    state_put_u32(w, version);
    size_t mark = w->len;
    state_put_u64(w, 0);   /* the payload's length, patched by state_section_end */
    w->depth++;
    return mark;
}

void state_section_end(struct state_writer *w, size_t mark)
{
    if (w->depth) w->depth--;
    if (w->failed) return;
    le_store64(w->data + mark, (uint64_t)(w->len - mark - 8));
    if (!w->depth) state_writer_flush(w);
}

void state_section_header(struct state_writer *w, const char *tag, uint32_t version, uint64_t len)
{
    char t[STATE_TAG_LEN] = { 0 };
    memcpy(t, tag, strnlen(tag, STATE_TAG_LEN));
    state_put_bytes(w, t, STATE_TAG_LEN);
    state_put_u32(w, version);
    state_put_u64(w, len);
}

void state_put_stream(struct state_writer *w, const void *p, size_t n)
{
    if (!w->sink || w->depth) {
        state_put_bytes(w, p, n);
        return;
    }
    if (!state_writer_flush(w) || !n) return;
    if (!w->sink(w->sink_opaque, p, n)) w->failed = true;
    w->total += n;
}

void state_section_header_parse(const uint8_t *h, char tag[STATE_TAG_LEN + 1], uint32_t *version, uint64_t *len)
{
    memcpy(tag, h, STATE_TAG_LEN);
    tag[STATE_TAG_LEN] = 0;
    *version = le_load32(h + STATE_TAG_LEN);
    *len = le_load64(h + STATE_TAG_LEN + 4);
}

void state_reader_init(struct state_reader *r, const void *data, size_t len)
{
    memset(r, 0, sizeof(*r));
    r->data = data;
    r->len = len;
}

void state_reader_fail(struct state_reader *r, const char *fmt, ...)
{
    if (r->failed) return;
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof(r->error), fmt, ap);
    va_end(ap);
}

const uint8_t *state_get_span(struct state_reader *r, size_t n)
{
    if (r->failed) return NULL;
    if (n > r->len - r->pos) {
        state_reader_fail(r, "truncated (%zu bytes wanted at offset %zu of %zu)", n, r->pos, r->len);
        return NULL;
    }
    const uint8_t *p = r->data + r->pos;
    r->pos += n;
    return p;
}

uint8_t state_get_u8(struct state_reader *r)
{
    const uint8_t *p = state_get_span(r, 1);
    return p ? *p : 0;
}
uint16_t state_get_u16(struct state_reader *r)
{
    const uint8_t *p = state_get_span(r, 2);
    return p ? le_load16(p) : 0;
}
uint32_t state_get_u32(struct state_reader *r)
{
    const uint8_t *p = state_get_span(r, 4);
    return p ? le_load32(p) : 0;
}
uint64_t state_get_u64(struct state_reader *r)
{
    const uint8_t *p = state_get_span(r, 8);
    return p ? le_load64(p) : 0;
}

bool state_get_bool(struct state_reader *r)
{
    uint8_t v = state_get_u8(r);
    if (v > 1) state_reader_fail(r, "a flag holds %u", v);
    return v == 1;
}

void state_get_bytes(struct state_reader *r, void *dst, size_t n)
{
    const uint8_t *p = state_get_span(r, n);
    if (p && n) memcpy(dst, p, n);
    else if (n) memset(dst, 0, n);
}

void state_get_u64s(struct state_reader *r, uint64_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) v[i] = state_get_u64(r);
}

void state_get_u32s(struct state_reader *r, uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++) v[i] = state_get_u32(r);
}

char *state_get_str(struct state_reader *r, bool *present)
{
    if (present) *present = false;
    uint32_t n = state_get_u32(r);
    if (r->failed || n == STR_ABSENT) return NULL;
    const uint8_t *p = state_get_span(r, n);
    if (!p) return NULL;
    if (memchr(p, 0, n)) {
        state_reader_fail(r, "a string holds a NUL byte");
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        state_reader_fail(r, "out of memory");
        return NULL;
    }
    memcpy(s, p, n);
    s[n] = 0;
    if (present) *present = true;
    return s;
}

uint64_t state_get_below(struct state_reader *r, uint64_t limit, const char *what)
{
    uint64_t v = state_get_u64(r);
    if (!r->failed && v >= limit) {
        state_reader_fail(r, "%s is %llu (at most %llu)", what, (unsigned long long)v,
                          (unsigned long long)(limit - 1));
        return 0;
    }
    return v;
}

void state_section_peek(const struct state_reader *r, char tag[STATE_TAG_LEN + 1])
{
    memset(tag, 0, STATE_TAG_LEN + 1);
    if (r->failed || r->len - r->pos < STATE_TAG_LEN) return;
    memcpy(tag, r->data + r->pos, STATE_TAG_LEN);
}

bool state_section_open(struct state_reader *r, const char *tag, uint32_t version, struct state_reader *section)
{
    state_reader_init(section, NULL, 0);
    char want[STATE_TAG_LEN] = { 0 }, got[STATE_TAG_LEN + 1] = { 0 };
    memcpy(want, tag, strnlen(tag, STATE_TAG_LEN));
    state_get_bytes(r, got, STATE_TAG_LEN);
    uint32_t v = state_get_u32(r);
    uint64_t len = state_get_u64(r);
    if (r->failed) return false;
    if (memcmp(want, got, STATE_TAG_LEN)) {
        for (int i = 0; i < STATE_TAG_LEN; i++)
            if (got[i] && (got[i] < 0x20 || got[i] > 0x7e)) got[i] = '?';
        state_reader_fail(r, "section '%s' expected, found '%s'", tag, got);
        return false;
    }
    if (v != version) {
        state_reader_fail(r, "section '%s' has version %u, this vhart reads version %u", tag, v, version);
        return false;
    }
    const uint8_t *p = state_get_span(r, len > SIZE_MAX ? SIZE_MAX : (size_t)len);
    if (!p) return false;
    state_reader_init(section, p, (size_t)len);
    return true;
}

bool state_section_close(struct state_reader *parent, struct state_reader *section, const char *tag)
{
    if (section->failed) {
        state_reader_fail(parent, "section '%s': %s", tag, section->error);
        return false;
    }
    if (section->pos != section->len) {
        state_reader_fail(parent, "section '%s' has %zu bytes left over", tag, section->len - section->pos);
        return false;
    }
    return !parent->failed;
}
