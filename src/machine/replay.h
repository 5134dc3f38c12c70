/* Record and replay inside the machine (replay.c): the hooks the run loop, the devices' host side
 * and the display API call, and what snapshot.c lends it. docs/replay.md describes the log. */
#ifndef VHART_MACHINE_REPLAY_H
#define VHART_MACHINE_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vhart/machine.h>

#include "../util/statebuf.h"

struct machine;
struct replay;

/* machine_create: open the log named by cfg.record or cfg.replay (the machine is built). */
int replay_open(struct machine *m, const struct vhart_config *cfg, char *err, size_t err_len);
/* machine_destroy: a recording not finished yet gets its end marker; everything is freed. */
void replay_free(struct machine *m);

/* The run loop, between slices: delivers (replay) or flushes (record) inputs, checks state. */
void replay_boundary(struct machine *m);
/* Console bytes the UART took from the host (record). */
void replay_console_taken(struct machine *m, const uint8_t *data, size_t n);
/* A frame from the network backend: true when replay.c took it (recording: delivered at the next
 * slice boundary; replaying there is no backend). */
bool replay_net_arrived(struct machine *m, const uint8_t *frame, size_t len);
/* A frame the guest sent (hashed into the checks; under --replay it goes nowhere). */
void replay_net_sent(struct machine *m, const uint8_t *frame, size_t len);
/* display.c: one keyboard (dev 0) or mouse (dev 1) report from the frontend, sent and flushed; returns
 * whether the device queued every event. Recorded under --record; ignored under --replay (the
 * log's reports are the guest's input then). */
struct replay_input_event { uint16_t type, code; uint32_t value; };
bool machine_input(struct machine *m, unsigned dev, const struct replay_input_event *ev, unsigned n);

/* Reverse execution (history.c). A checkpoint keeps the log's cursor and hashes (replay_mark); re-runs
 * are muted (output hashed, not shown; no input read); replay_cap is the retired instructions to
 * the next logged event (0: none; always with several harts), where the run loop ends a slice so
 * that the event is delivered at its point whatever the slices before; replay_live says whether the host's input reaches the
 * guest (not while a recording re-runs what it logged already). replay_open_memory: a recording
 * without a file, so that a history re-injects console and network input. */
struct replay_mark {
    uint64_t out_hash, tx_hash, inputs, next_check;
    size_t next;
    bool ended, diverged;
};
void replay_mark_save(const struct machine *m, struct replay_mark *mk);
void replay_mark_load(struct machine *m, const struct replay_mark *mk);
void replay_mute(struct machine *m, bool on);
uint64_t replay_cap(const struct machine *m);
bool replay_live(const struct machine *m);
int replay_open_memory(struct machine *m);

/* machine.c: a frame into the guest's receive queue (or its buffers at once). */
void machine_net_deliver(struct machine *m, const uint8_t *frame, size_t len);

/* snapshot.c: the configuration section, shared with snapshots. */
void snapshot_config_write(const struct vhart_config *c, struct state_writer *w);
int snapshot_config_read(const void *data, size_t len, struct vhart_config *cfg, void **owner, char *why, size_t why_len);
void snapshot_config_free(void *owner);

#endif
