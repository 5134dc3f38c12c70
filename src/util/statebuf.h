/* Machine state as bytes: a growable little-endian writer and a bounds-checked reader, used by every
 * module's save/load for snapshots (docs/snapshots.md). Byte order and widths are fixed, so a snapshot
 * taken on one host loads on any other.
 *
 * Errors are sticky: a writer that cannot grow, or a reader that runs past its end or meets a value its
 * caller rejects (state_reader_fail), keeps failing quietly; the caller checks `failed` once at the end
 * and reports `error`. So save/load functions are straight lists of puts and gets. */
#ifndef VHART_UTIL_STATEBUF_H
#define VHART_UTIL_STATEBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Without a sink the writer holds everything it is given in `data`. With one (state_writer_set_sink),
 * it holds only the top-level section being built: when that section ends, its bytes go to the sink
 * and the buffer empties, so a large state streams out (into a compressor) without ever being held
 * whole; state_put_stream hands large data to the sink without copying it into the buffer. */
typedef bool (*state_sink_fn)(void *opaque, const void *data, size_t len);

struct state_writer {
    uint8_t *data;
    size_t len, cap;
    bool failed;
    unsigned depth;           /* sections open */
    state_sink_fn sink;
    void *sink_opaque;
    uint64_t total;           /* bytes written so far, sunk or held */
};

struct state_reader {
    const uint8_t *data;
    size_t len, pos;
    bool failed;
    char error[512];          /* the first failure, in words (room for a file name) */
};

void state_writer_init(struct state_writer *w);
void state_writer_free(struct state_writer *w);
void state_writer_set_sink(struct state_writer *w, state_sink_fn sink, void *opaque);
/* Hand what the buffer holds to the sink (no-op without one); false (and failed) if the sink failed. */
bool state_writer_flush(struct state_writer *w);
void state_put_u8(struct state_writer *w, uint8_t v);
void state_put_u16(struct state_writer *w, uint16_t v);
void state_put_u32(struct state_writer *w, uint32_t v);
void state_put_u64(struct state_writer *w, uint64_t v);
void state_put_bool(struct state_writer *w, bool v);
void state_put_bytes(struct state_writer *w, const void *p, size_t n);
void state_put_u64s(struct state_writer *w, const uint64_t *v, size_t n);
void state_put_u32s(struct state_writer *w, const uint32_t *v, size_t n);
/* A length-prefixed string; NULL is written as a distinct "absent" marker. */
void state_put_str(struct state_writer *w, const char *s);

/* Sections: an 8-character tag (shorter tags are zero-padded), a version and a length, so that a
 * loader finds each module's bytes, checks their version and never reads into the next section. */
#define STATE_TAG_LEN 8
#define STATE_SECTION_HEADER (STATE_TAG_LEN + 4 + 8)
size_t state_section_begin(struct state_writer *w, const char *tag, uint32_t version);
void state_section_end(struct state_writer *w, size_t mark);
/* A top-level section whose payload length is known before it is written (no begin/end pair): the
 * payload follows through the ordinary puts and state_put_stream. */
void state_section_header(struct state_writer *w, const char *tag, uint32_t version, uint64_t len);
/* n bytes straight to the sink when there is one and no section is open (after what the buffer holds),
 * otherwise as state_put_bytes. */
void state_put_stream(struct state_writer *w, const void *p, size_t n);
/* Parse a section header (STATE_SECTION_HEADER bytes): the tag (NUL-terminated), version, length. */
void state_section_header_parse(const uint8_t *h, char tag[STATE_TAG_LEN + 1], uint32_t *version, uint64_t *len);

void state_reader_init(struct state_reader *r, const void *data, size_t len);
uint8_t state_get_u8(struct state_reader *r);
uint16_t state_get_u16(struct state_reader *r);
uint32_t state_get_u32(struct state_reader *r);
uint64_t state_get_u64(struct state_reader *r);
/* A bool must be stored as 0 or 1: anything else fails the reader. */
bool state_get_bool(struct state_reader *r);
void state_get_bytes(struct state_reader *r, void *p, size_t n);
void state_get_u64s(struct state_reader *r, uint64_t *v, size_t n);
void state_get_u32s(struct state_reader *r, uint32_t *v, size_t n);
/* A string written by state_put_str, malloc'd (NULL if it was absent or the reader failed);
 * *present tells the two apart (may be NULL). */
char *state_get_str(struct state_reader *r, bool *present);
/* A pointer to the next n bytes (NULL and failed if fewer remain). */
const uint8_t *state_get_span(struct state_reader *r, size_t n);
/* Fail the reader with a message (only the first failure is kept). */
void state_reader_fail(struct state_reader *r, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Read a value and fail unless it is below `limit` (an index, a count, an enum). */
uint64_t state_get_below(struct state_reader *r, uint64_t limit, const char *what);

/* The next section: its tag must be `tag` and its version `version`; *section reads its payload.
 * Returns false (and fails r) otherwise. */
bool state_section_open(struct state_reader *r, const char *tag, uint32_t version, struct state_reader *section);
/* The tag of the next section without consuming it ("" at the end or on a failed reader). */
void state_section_peek(const struct state_reader *r, char tag[STATE_TAG_LEN + 1]);
/* A section's payload must be read to its end: fails (and passes the failure on to parent) if not. */
bool state_section_close(struct state_reader *parent, struct state_reader *section, const char *tag);

#endif
