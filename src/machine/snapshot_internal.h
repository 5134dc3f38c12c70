/* Shared by the snapshot modules: the byte source a payload is read from (memory or a zstd stream),
 * the RAM section (snapshot_ram.c) and the file's compressed stream (snapshot_io.c). */
#ifndef VHART_MACHINE_SNAPSHOT_INTERNAL_H
#define VHART_MACHINE_SNAPSHOT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../util/statebuf.h"

struct machine;

/* Where a state payload comes from. A failed read sets `why` (one line; `corrupt` when the bytes
 * themselves were bad or missing, as opposed to an I/O error or memory). */
struct snap_source {
    /* Exactly n bytes into dst (dst NULL: read and drop them). */
    bool (*read)(struct snap_source *s, void *dst, size_t n);
    /* The payload ends here, and whatever checks its end carries (zstd's checksum) pass. */
    bool (*at_end)(struct snap_source *s);
    /* After a failure in the bytes' structure: whether the payload is at least what was saved (a
     * stream's checksum holds), so that the refusal can name corruption rather than its symptom. */
    bool (*intact)(struct snap_source *s);
    /* Back to the payload's first byte, for a second pass. */
    bool (*rewind)(struct snap_source *s);
    char why[256];
};

/* An in-memory payload. */
struct snap_mem_source {
    struct snap_source base;
    const uint8_t *data;
    size_t len, pos;
};
void snap_mem_source_init(struct snap_mem_source *s, const void *data, size_t len);

/* snapshot.c: load a whole payload (RAM included) from src in two passes (check, then apply), or leave
 * the machine as it was; a source that changes between the passes leaves RAM partly loaded. */
int snapshot_load_source(struct machine *m, struct snap_source *src, char *err, size_t err_len);

/* snapshot_io.c: the compressed stream of a snapshot file. */
struct snap_zsink;
/* Compress everything the writer's sections hand over into f (from its current position). */
struct snap_zsink *snap_zsink_open(FILE *f, char *err, size_t err_len);
state_sink_fn snap_zsink_fn(void);
/* End the frame and write it out when ok (otherwise just drop it); returns false, with err set, if
 * compressing or writing failed since the open. Frees. */
bool snap_zsink_close(struct snap_zsink *z, bool ok, char *err, size_t err_len);

struct snap_zsource;
/* Decompress f's zstd frame starting at offset `at` (it must end at the file's end). */
struct snap_zsource *snap_zsource_open(FILE *f, long at, char *err, size_t err_len);
struct snap_source *snap_zsource_base(struct snap_zsource *z);
void snap_zsource_free(struct snap_zsource *z);

/* snapshot_ram.c: the RAM section, "ram". Saved: resident pages that are not all zero, a page with
 * the same bytes as an earlier one as a reference to it. */
#define SNAP_V_RAM 2
void snapshot_ram_save(struct machine *m, struct state_writer *w);
/* The section's payload (len bytes, after its header) from src: checked; when `apply`, written into
 * guest RAM (pages it does not hold are zeroed). False with one line in why on a bad section. */
bool snapshot_ram_load(struct machine *m, struct snap_source *src, uint64_t len, bool apply, char *why, size_t why_len);

#endif
