/* --share: host directories served to the guest over virtio-9p (src/dev/virtio_9p.c + src/host/p9fs.c),
 * their creation from the configuration, teardown and the snapshot check. docs/sharing.md. */
#include <stdio.h>
#include <string.h>

#include "../host/p9fs.h"
#include "machine_internal.h"

static size_t share_handle(void *opaque, const uint8_t *req, size_t len, uint8_t *resp, size_t cap)
{
    return p9fs_handle(opaque, req, len, resp, cap);
}
static void share_reset(void *opaque) { p9fs_reset(opaque); }

/* --share: one virtio-9p device per directory, after the drives and the network (so their slots,
 * and the network's MAC address, do not move when shares are added). */
int machine_add_shares(struct machine *m, char *err, size_t err_len)
{
    const struct vhart_config *c = &m->cfg;
    for (unsigned i = 0; i < c->nshares; i++) {
        struct p9fs_share_spec spec, other;
        if (p9fs_parse_share(c->shares[i], &spec, err, err_len)) return -1;
        for (unsigned j = 0; j < i; j++) {
            if (p9fs_parse_share(c->shares[j], &other, NULL, 0) == 0 && strcmp(spec.tag, other.tag) == 0) {
                snprintf(err, err_len, "--share %s: tag \"%s\" already used by --share %s", c->shares[i], spec.tag,
                         c->shares[j]);
                return -1;
            }
        }
        char why[256];
        struct machine_share *sh = &m->shares[i];
        if (!(sh->fs = p9fs_new(spec.dir, spec.read_only, why, sizeof(why)))) {
            snprintf(err, err_len, "--share %s", why);   /* "DIR: reason" */
            return -1;
        }
        const struct p9_server server = { share_handle, share_reset, sh->fs };
        if (virtio_9p_init(&sh->dev, spec.tag, &server) || !machine_claim_slot(m, &virtio_9p_ops, &sh->dev)) {
            snprintf(err, err_len, "--share %s: no free virtio slot or out of memory", c->shares[i]);
            return -1;
        }
    }
    return 0;
}

void machine_free_shares(struct machine *m)
{
    for (unsigned i = 0; i < VHART_MAX_SHARES; i++) {
        virtio_9p_free(&m->shares[i].dev);
        p9fs_free(m->shares[i].fs);
        m->shares[i].fs = NULL;
    }
}

int machine_shares_check_save(struct machine *m, char *err, size_t err_len)
{
    for (unsigned i = 0; i < m->cfg.nshares; i++) {
        char why[400];
        if (m->shares[i].fs && p9fs_check_save(m->shares[i].fs, why, sizeof(why))) {
            snprintf(err, err_len, "savevm: --share %s: %s", m->cfg.shares[i], why);
            return -1;
        }
    }
    return 0;
}

struct p9fs *machine_share_server(struct machine *m, const struct virtio_9p *dev)
{
    for (unsigned i = 0; i < VHART_MAX_SHARES; i++)
        if (&m->shares[i].dev == dev) return m->shares[i].fs;
    return NULL;
}
