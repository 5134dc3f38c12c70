/* Record and replay (docs/replay.md): a run under --record logs every input from outside (console
 * bytes, network frames, keyboard and mouse events) with the point of execution where it arrived;
 * a run under --replay re-runs the same machine from that log alone, with no input of its own, and
 * detects a divergence. Set vhart_config.record or .replay (machine.h) before machine_create. */
#ifndef VHART_REPLAY_H
#define VHART_REPLAY_H

#include <stddef.h>

#include <vhart/machine.h>

/* The configuration a log was recorded with, for `vhart --replay FILE` alone: fills the file,
 * machine and device fields of cfg (as vhart_snapshot_config does). Strings belong to *owner:
 * release with vhart_replay_config_free. Returns 0, or an error code with one line in err. */
int vhart_replay_config(const char *path, struct vhart_config *cfg, void **owner, char *err, size_t err_len);
void vhart_replay_config_free(void *owner);

/* What makes machine a's configuration another machine than b's ("harts", "memory size", "boot
 * images or command line", ...), or NULL when they build the same machine. */
const char *vhart_config_mismatch(const struct vhart_config *a, const struct vhart_config *b);

enum vhart_replay_status {
    VHART_REPLAY_OFF,         /* neither recording nor replaying */
    VHART_REPLAY_RECORDED,    /* --record: the log is complete on disk */
    VHART_REPLAY_RUNNING,     /* --replay: the log's end was not reached (the guest stopped first) */
    VHART_REPLAY_COMPLETE,    /* --replay: every input delivered, every check passed, end reached */
    VHART_REPLAY_DIVERGED,    /* --replay: the machine did something else than when recorded */
    VHART_REPLAY_ERROR,       /* --record: the log could not be written */
};

/* End recording or replaying: a recording gets its end marker and is closed. Returns the status,
 * with one line in msg for DIVERGED ("replay diverged at instruction N (...)"), ERROR, COMPLETE and
 * RUNNING. machine_destroy ends a recording too, silently. */
enum vhart_replay_status machine_replay_finish(struct machine *m, char *msg, size_t msg_len);

#endif
