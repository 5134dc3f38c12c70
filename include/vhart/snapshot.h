/* vhart's snapshots: a whole machine (configuration, harts, devices, RAM) saved to a file and loaded
 * back, in this run or a later one (docs/snapshots.md). */
#ifndef VHART_SNAPSHOT_H
#define VHART_SNAPSHOT_H

#include <stddef.h>

#include <vhart/machine.h>

/* Save the machine (stopped between instructions: in the debugger, or before or after a run). Disk
 * images are flushed first and identified in the file. Returns 0, or an error code with one line in err. */
int machine_savevm(struct machine *m, const char *path, char *err, size_t err_len);

/* Load a snapshot into a machine made from the same configuration (vhart_snapshot_config): every
 * hart, device and RAM page takes the saved state; the guest goes on from where it was saved, its
 * clocks too. A file that is not a snapshot, another format version, truncated or corrupt, or taken
 * from another configuration or with disks that changed since, is refused with one line in err and
 * the machine left as it was. */
int machine_loadvm(struct machine *m, const char *path, char *err, size_t err_len);

/* The configuration a snapshot was taken with, for `vhart --loadvm FILE` alone: fills the file,
 * machine and device fields of cfg (not the frontend's console, display or limits). The strings
 * belong to *owner: release with vhart_snapshot_config_free. Returns 0, or an error code. */
int vhart_snapshot_config(const char *path, struct vhart_config *cfg, void **owner, char *err, size_t err_len);
void vhart_snapshot_config_free(void *owner);

#endif
