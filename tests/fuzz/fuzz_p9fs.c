/* Fuzz target: the 9P2000.L server (src/host/p9fs.c, p9fs_host.c) fed hostile message sequences against
 * a small real directory tree rebuilt for every input (share/ with a file, a directory and symlinks
 * pointing out of it, beside outside/ with a secret). Invariants, besides no crash or sanitizer report:
 * every reply fits the buffer, carries its own length and the request's tag, and is R(type) or
 * Rlerror; nothing outside share/ is created, removed or changed, whatever the messages do.
 *
 * Input: a mode byte (bit 0: start with Tversion(8192) and Tattach fid 0; bit 1: read-only share),
 * then messages, each `type[1] tag[2] len[2] body[len]` sent with a correct size field, or, for
 * type 0xff, `len[2] bytes[len]` sent exactly as given (a bad size field included). */
#define _XOPEN_SOURCE 700   /* nftw */
#include <ftw.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "host/p9fs.h"
#include "util/endian.h"
#include "fuzz_common.h"

#define MAX_MSGS 64
#define MAX_BODY 8192

static char base[512], share[600], outside[600], secret[700];

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    (flag == FTW_DP ? rmdir : unlink)(p);
    return 0;
}

static void put_file(const char *path, const char *text)
{
    fuzz_write_file(path, text, strlen(text));
}

static void build_tree(void)
{
    char p[800];
    if (!base[0]) {
        fuzz_path("p9", base, sizeof(base));
        snprintf(share, sizeof(share), "%s/share", base);
        snprintf(outside, sizeof(outside), "%s/outside", base);
        snprintf(secret, sizeof(secret), "%s/secret.txt", outside);
    }
    nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    FUZZ_CHECK(mkdir(base, 0700) == 0 && mkdir(share, 0700) == 0 && mkdir(outside, 0700) == 0);
    put_file(secret, "SECRET\n");
    snprintf(p, sizeof(p), "%s/a", share);
    put_file(p, "hello\n");
    snprintf(p, sizeof(p), "%s/d", share);
    FUZZ_CHECK(mkdir(p, 0700) == 0);
    snprintf(p, sizeof(p), "%s/d/b", share);
    put_file(p, "inner\n");
    snprintf(p, sizeof(p), "%s/up", share);
    FUZZ_CHECK(symlink("../outside", p) == 0);
    snprintf(p, sizeof(p), "%s/s", share);
    FUZZ_CHECK(symlink("../outside/secret.txt", p) == 0);
    snprintf(p, sizeof(p), "%s/abs", share);
    FUZZ_CHECK(symlink("/", p) == 0);
}

/* The outside world as it must stay: base/ holds share and outside, outside/ holds secret.txt only. */
static void check_outside(const struct stat *before)
{
    struct stat st;
    FUZZ_CHECK(stat(secret, &st) == 0);
    FUZZ_CHECK(st.st_size == 7 && st.st_mode == before->st_mode && st.st_nlink == 1 && st.st_ino == before->st_ino);
    FUZZ_CHECK(st.st_mtim.tv_sec == before->st_mtim.tv_sec && st.st_mtim.tv_nsec == before->st_mtim.tv_nsec);
    unsigned n = 0;
    DIR *d = opendir(outside);
    FUZZ_CHECK(d != NULL);
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
    closedir(d);
    FUZZ_CHECK(n == 1);
    n = 0;
    FUZZ_CHECK((d = opendir(base)) != NULL);
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
    closedir(d);
    FUZZ_CHECK(n == 2);
}

static uint8_t msg[MAX_BODY + 16], resp[P9FS_MAX_MSIZE];

static void send(struct p9fs *fs, size_t len, size_t cap)
{
    uint8_t type = msg[4];
    uint16_t tag = le_load16(msg + 5);
    size_t n = p9fs_handle(fs, msg, len, resp, cap);
    if (len < 7) {
        FUZZ_CHECK(n == 0);
        return;
    }
    FUZZ_CHECK(n >= 7 && n <= cap && le_load32(resp) == n && le_load16(resp + 5) == tag);
    FUZZ_CHECK(resp[4] == 7 || resp[4] == (uint8_t)(type + 1));
    if (resp[4] == 7) FUZZ_CHECK(n == 11);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = { data, size };
    build_tree();
    struct stat before;
    FUZZ_CHECK(stat(secret, &before) == 0);
    uint8_t mode = fz_u8(&in);
    char err[256];
    struct p9fs *fs = p9fs_new(share, (mode & 2) != 0, err, sizeof(err));
    FUZZ_CHECK(fs != NULL);
    if (mode & 1) {
        static const uint8_t v2[] = { 21, 0, 0, 0, 100, 0xff, 0xff, 0, 32, 0, 0, 8, 0, '9', 'P', '2', '0', '0', '0', '.', 'L' };
        memcpy(msg, v2, sizeof(v2));
        send(fs, sizeof(v2), sizeof(resp));
        static const uint8_t attach[] = { 23, 0, 0, 0, 104, 1, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 1, 0, 'u', 0, 0, 0, 0, 0 };
        memcpy(msg, attach, sizeof(attach));
        send(fs, sizeof(attach), sizeof(resp));
    }
    for (unsigned i = 0; i < MAX_MSGS && in.left; i++) {
        uint8_t type = fz_u8(&in);
        size_t len;
        if (type == 0xff) {
            len = fz_u16(&in) % (MAX_BODY + 8);
            len = fz_bytes(&in, msg, len);
        } else {
            uint16_t tag = fz_u16(&in);
            size_t body = fz_u16(&in) % MAX_BODY;
            body = fz_bytes(&in, msg + 7, body);
            len = 7 + body;
            le_store32(msg, (uint32_t)len);
            msg[4] = type;
            le_store16(msg + 5, tag);
        }
        /* The reply room varies too: the device offers what the driver's buffer holds. */
        size_t cap = (i & 1) ? sizeof(resp) : 11 + (size_t)(in.left ? data[size - in.left] : 0) * 64;
        send(fs, len, cap);
    }
    p9fs_free(fs);
    check_outside(&before);
    return 0;
}
