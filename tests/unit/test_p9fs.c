/* Unit tests for src/host/p9fs.c and p9fs_host.c: the 9P2000.L server driven with crafted messages
 * against a temporary directory tree, including the list of escape attempts (docs/sharing.md). Each
 * refusal is checked by its exact Linux errno in Rlerror. Tree built per test:
 *   TMP/share/hello.txt ("hello\n"), TMP/share/sub/inner.txt, TMP/share/d/f.txt,
 *   TMP/share/trap -> ../outside, TMP/share/abs -> /etc, TMP/share/sl -> ../outside/secret.txt,
 *   TMP/outside/secret.txt, TMP/outside/f.txt */
#define _GNU_SOURCE 1
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/p9fs.h"
#include "util/endian.h"
#include "util/statebuf.h"

enum {
    RLERROR = 7, TSTATFS = 8, TLOPEN = 12, TLCREATE = 14, TSYMLINK = 16, TMKNOD = 18, TRENAME = 20, TREADLINK = 22,
    TGETATTR = 24, TSETATTR = 26, TXATTRWALK = 30, TREADDIR = 40, TFSYNC = 50, TLOCK = 52, TGETLOCK = 54,
    TLINK = 70, TMKDIR = 72, TRENAMEAT = 74, TUNLINKAT = 76, TVERSION = 100, TAUTH = 102, TATTACH = 104,
    TFLUSH = 108, TWALK = 110, TREAD = 116, TWRITE = 118, TCLUNK = 120, TREMOVE = 122,
};
/* Linux errno values expected on the wire. */
enum { L_EPERM = 1, L_ENOENT = 2, L_EBADF = 9, L_EEXIST = 17, L_ENOTDIR = 20, L_EINVAL = 22, L_EROFS = 30,
       L_ELOOP = 40, L_EPROTO = 71, L_EOPNOTSUPP = 95 };

static char tmp[256], share[300], outside[300];
static struct p9fs *fs;
static uint8_t msg[70000], resp[70000];
static size_t mlen, rlen;

static void put8(uint8_t v) { msg[mlen++] = v; }
static void put16(uint16_t v) { le_store16(msg + mlen, v); mlen += 2; }
static void put32(uint32_t v) { le_store32(msg + mlen, v); mlen += 4; }
static void put64(uint64_t v) { le_store64(msg + mlen, v); mlen += 8; }
static void putstr(const char *s) { put16((uint16_t)strlen(s)); memcpy(msg + mlen, s, strlen(s)); mlen += strlen(s); }
static void begin(uint8_t type) { mlen = 0; put32(0); put8(type); put16(0x1234); }
/* Send the message built since begin(); returns the reply type. */
static uint8_t send(void)
{
    le_store32(msg, (uint32_t)mlen);
    rlen = p9fs_handle(fs, msg, mlen, resp, sizeof(resp));
    ck_assert_uint_ge(rlen, 7);
    ck_assert_uint_eq(le_load32(resp), rlen);
    ck_assert_uint_eq(le_load16(resp + 5), 0x1234);
    return resp[4];
}
/* The Linux errno of an Rlerror reply, or 0 for any other reply. */
static uint32_t err_of(uint8_t type) { return type == RLERROR ? le_load32(resp + 7) : 0; }

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}
static char *path_in(const char *dir, const char *name)
{
    static char p[2][512];
    static int k;
    k ^= 1;
    snprintf(p[k], sizeof(p[k]), "%s/%s", dir, name);
    return p[k];
}

static uint32_t version(uint32_t msize)
{
    begin(TVERSION);
    put32(msize);
    putstr("9P2000.L");
    return err_of(send());
}
static uint32_t attach(uint32_t fid)
{
    begin(TATTACH);
    put32(fid);
    put32(~0u);
    putstr("root");
    putstr("");
    put32(0);
    return err_of(send());
}
/* Twalk fid -> newfid over n names; returns the errno, or 0 with *nq qids. */
static uint32_t walk(uint32_t fid, uint32_t newfid, unsigned n, const char *const *names, unsigned *nq)
{
    begin(TWALK);
    put32(fid);
    put32(newfid);
    put16((uint16_t)n);
    for (unsigned i = 0; i < n; i++) putstr(names[i]);
    uint32_t e = err_of(send());
    if (!e && nq) *nq = le_load16(resp + 7);
    return e;
}
static uint32_t walk1(uint32_t fid, uint32_t newfid, const char *name)
{
    unsigned nq = 0;
    uint32_t e = walk(fid, newfid, 1, &name, &nq);
    if (!e) ck_assert_uint_eq(nq, 1);
    return e;
}
static uint32_t lopen(uint32_t fid, uint32_t flags)
{
    begin(TLOPEN);
    put32(fid);
    put32(flags);
    return err_of(send());
}
static uint32_t getattr(uint32_t fid)
{
    begin(TGETATTR);
    put32(fid);
    put64(0x7ff);
    return err_of(send());
}
static uint32_t fid_with_name(uint32_t dfid, const char *name, uint8_t type, uint32_t extra)
{
    begin(type);
    put32(dfid);
    putstr(name);
    put32(extra);
    put32(0);
    return err_of(send());
}

static void rm_rf(const char *p)
{
    char cmd[600];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", p);
    ck_assert_int_eq(system(cmd), 0);
}

static void setup_tree(bool ro)
{
    strcpy(tmp, "/tmp/vhart-p9fs-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp));
    snprintf(share, sizeof(share), "%s/share", tmp);
    snprintf(outside, sizeof(outside), "%s/outside", tmp);
    ck_assert_int_eq(mkdir(share, 0755), 0);
    ck_assert_int_eq(mkdir(outside, 0755), 0);
    ck_assert_int_eq(mkdir(path_in(share, "sub"), 0755), 0);
    ck_assert_int_eq(mkdir(path_in(share, "d"), 0755), 0);
    write_file(share, "hello.txt", "hello\n");
    write_file(share, "sub/inner.txt", "inner\n");
    write_file(share, "d/f.txt", "inside\n");
    write_file(outside, "secret.txt", "SECRET\n");
    write_file(outside, "f.txt", "outside f\n");
    ck_assert_int_eq(symlink("../outside", path_in(share, "trap")), 0);
    ck_assert_int_eq(symlink("/etc", path_in(share, "abs")), 0);
    ck_assert_int_eq(symlink("../outside/secret.txt", path_in(share, "sl")), 0);
    char err[256];
    fs = p9fs_new(share, ro, err, sizeof(err));
    ck_assert_msg(fs != NULL, "%s", err);
    ck_assert_uint_eq(version(65536), 0);
    ck_assert_uint_eq(attach(1), 0);
}
static void setup(void) { setup_tree(false); }
static void setup_ro(void) { setup_tree(true); }
static void teardown(void)
{
    p9fs_free(fs);
    fs = NULL;
    rm_rf(tmp);
}

/* ---------------------------------------------------------------- protocol */

START_TEST(version_caps_msize_and_answers_unknown_for_other_dialects)
{
    ck_assert_uint_eq(version(1u << 30), 0);
    ck_assert_uint_eq(le_load32(resp + 7), P9FS_MAX_MSIZE);
    ck_assert_uint_eq(le_load16(resp + 11), 8);
    ck_assert_int_eq(memcmp(resp + 13, "9P2000.L", 8), 0);
    ck_assert_uint_eq(p9fs_fid_count(fs), 0);   /* Tversion forgot the fid attached in setup */
    begin(TVERSION);
    put32(8192);
    putstr("9P2000.u");
    ck_assert_uint_eq(send(), TVERSION + 1);
    ck_assert_uint_eq(le_load16(resp + 11), 7);
    ck_assert_int_eq(memcmp(resp + 13, "unknown", 7), 0);
    ck_assert_uint_eq(version(512), L_EINVAL);   /* below the smallest msize */
}
END_TEST

START_TEST(requests_before_tversion_get_eproto)
{
    p9fs_reset(fs);
    ck_assert_uint_eq(attach(1), L_EPROTO);
}
END_TEST

START_TEST(malformed_messages_get_einval_or_eopnotsupp_never_a_crash)
{
    /* size field larger than the bytes given */
    begin(TCLUNK);
    put32(1);
    le_store32(msg, 100);
    rlen = p9fs_handle(fs, msg, mlen, resp, sizeof(resp));
    ck_assert_uint_eq(resp[4], RLERROR);
    ck_assert_uint_eq(le_load32(resp + 7), L_EINVAL);
    /* shorter than a header: nothing can be answered */
    ck_assert_uint_eq(p9fs_handle(fs, msg, 6, resp, sizeof(resp)), 0);
    /* a Twalk announcing 3 names and carrying 1 */
    begin(TWALK);
    put32(1);
    put32(2);
    put16(3);
    putstr("sub");
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    /* more than 16 names */
    const char *many[17];
    for (int i = 0; i < 17; i++) many[i] = "sub";
    ck_assert_uint_eq(walk(1, 2, 17, many, NULL), L_EINVAL);
    /* a string with a NUL inside */
    begin(TWALK);
    put32(1);
    put32(2);
    put16(1);
    put16(5);
    memcpy(msg + mlen, "su\0bx", 5);
    mlen += 5;
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    /* a string length running past the end */
    begin(TLCREATE);
    put32(1);
    put16(60000);
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    /* unknown types, 9P2000.u's Tstat, Tauth, R-messages, extended attributes */
    static const uint8_t types[] = { 0, 200, 255, 124, TAUTH, TWALK + 1, TXATTRWALK, 32 };
    for (size_t i = 0; i < sizeof(types); i++) {
        begin(types[i]);
        put32(1);
        put32(2);
        putstr("user.x");
        ck_assert_uint_eq(err_of(send()), L_EOPNOTSUPP);
    }
    /* unknown fids */
    ck_assert_uint_eq(getattr(77), L_EBADF);
    ck_assert_uint_eq(lopen(77, 0), L_EBADF);
    ck_assert_uint_eq(p9fs_fid_count(fs), 1);
}
END_TEST

START_TEST(walk_returns_one_qid_per_name_with_type_and_inode)
{
    const char *names[] = { "sub", "inner.txt" };
    unsigned nq;
    ck_assert_uint_eq(walk(1, 2, 2, names, &nq), 0);
    ck_assert_uint_eq(nq, 2);
    struct stat a, b;
    ck_assert_int_eq(stat(path_in(share, "sub"), &a), 0);
    ck_assert_int_eq(stat(path_in(share, "sub/inner.txt"), &b), 0);
    ck_assert_uint_eq(resp[9], 0x80);
    ck_assert_uint_eq(le_load64(resp + 9 + 5), (uint64_t)a.st_ino);
    ck_assert_uint_eq(resp[9 + 13], 0);
    ck_assert_uint_eq(le_load64(resp + 9 + 13 + 5), (uint64_t)b.st_ino);
    /* a partial walk: Rwalk with the qids that worked, newfid not made */
    const char *bad[] = { "sub", "nope" };
    ck_assert_uint_eq(walk(1, 3, 2, bad, &nq), 0);
    ck_assert_uint_eq(nq, 1);
    ck_assert_uint_eq(getattr(3), L_EBADF);
    ck_assert_uint_eq(walk1(1, 3, "nope"), L_ENOENT);
    ck_assert_uint_eq(walk1(1, 2, "hello.txt"), L_EBADF);   /* newfid 2 in use */
}
END_TEST

START_TEST(read_write_create_and_getattr_round_trip)
{
    ck_assert_uint_eq(walk(1, 2, 0, NULL, NULL), 0);
    begin(TLCREATE);
    put32(2);
    putstr("new.txt");
    put32(2);   /* O_RDWR */
    put32(0640);
    put32(0);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load32(resp + 7 + 13), 65536 - 24);   /* iounit */
    begin(TWRITE);
    put32(2);
    put64(0);
    put32(6);
    memcpy(msg + mlen, "world\n", 6);
    mlen += 6;
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load32(resp + 7), 6);
    begin(TREAD);
    put32(2);
    put64(1);
    put32(100);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load32(resp + 7), 5);
    ck_assert_int_eq(memcmp(resp + 11, "orld\n", 5), 0);
    ck_assert_uint_eq(getattr(2), 0);
    struct stat st;
    ck_assert_int_eq(stat(path_in(share, "new.txt"), &st), 0);
    ck_assert_uint_eq(le_load32(resp + 7 + 8 + 13), st.st_mode);
    ck_assert_uint_eq(st.st_mode & 0777, 0640);
    ck_assert_uint_eq(le_load64(resp + 7 + 8 + 13 + 4 + 4 + 4 + 8 + 8), 6);   /* size */
    ck_assert_uint_eq(le_load64(resp + 7 + 8 + 13 + 4 + 4 + 4 + 8 + 8 + 8 + 8 + 8 + 8 + 8), (uint64_t)st.st_mtim.tv_sec);
    /* a second create of the same name, from another fid of the root: EEXIST */
    ck_assert_uint_eq(walk(1, 3, 0, NULL, NULL), 0);
    begin(TLCREATE);
    put32(3);
    putstr("new.txt");
    put32(2);
    put32(0640);
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EEXIST);
}
END_TEST

START_TEST(readdir_lists_entries_and_continues_from_an_offset)
{
    ck_assert_uint_eq(walk(1, 2, 0, NULL, NULL), 0);
    ck_assert_uint_eq(lopen(2, 0), 0);
    unsigned total = 0;
    uint64_t off = 0;
    bool saw_hello = false, saw_trap_link = false;
    for (int round = 0; round < 20; round++) {
        begin(TREADDIR);
        put32(2);
        put64(off);
        put32(60);   /* about one entry at a time */
        ck_assert_uint_eq(err_of(send()), 0);
        uint32_t count = le_load32(resp + 7);
        if (count == 0) break;
        for (size_t at = 11; at < 11 + count;) {
            uint16_t nl = le_load16(resp + at + 22);
            char name[64] = { 0 };
            memcpy(name, resp + at + 24, nl < 63 ? nl : 63);
            if (!strcmp(name, "hello.txt")) saw_hello = resp[at + 21] == DT_REG;
            if (!strcmp(name, "trap")) saw_trap_link = resp[at] == 0x02 && resp[at + 21] == DT_LNK;
            off = le_load64(resp + at + 13);
            at += 24 + nl;
            total++;
        }
    }
    ck_assert_uint_eq(total, 8);   /* . .. hello.txt sub d trap abs sl */
    ck_assert(saw_hello);
    ck_assert(saw_trap_link);
}
END_TEST

START_TEST(locks_conflict_between_owners_and_are_released)
{
    ck_assert_uint_eq(walk1(1, 2, "hello.txt"), 0);
    ck_assert_uint_eq(lopen(2, 2), 0);
    struct { uint8_t type; uint64_t start, len; uint32_t proc; uint8_t want; } steps[] = {
        { 1, 0, 100, 10, 0 },    /* proc 10 write-locks [0,100) */
        { 0, 50, 10, 20, 1 },    /* proc 20 read lock inside: BLOCKED */
        { 0, 100, 0, 20, 0 },    /* proc 20 read lock [100,EOF): no overlap */
        { 2, 0, 60, 10, 0 },     /* proc 10 unlocks [0,60): keeps [60,100) */
        { 1, 0, 60, 20, 0 },     /* now free for proc 20 */
        { 0, 70, 1, 30, 1 },     /* proc 30 still blocked by proc 10's [60,100) */
    };
    for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
        begin(TLOCK);
        put32(2);
        put8(steps[i].type);
        put32(0);
        put64(steps[i].start);
        put64(steps[i].len);
        put32(steps[i].proc);
        putstr("client");
        ck_assert_uint_eq(err_of(send()), 0);
        ck_assert_msg(resp[7] == steps[i].want, "step %zu: status %u", i, resp[7]);
    }
    begin(TGETLOCK);
    put32(2);
    put8(0);
    put64(80);
    put64(5);
    put32(30);
    putstr("client");
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(resp[7], 1);                    /* WRLCK */
    ck_assert_uint_eq(le_load64(resp + 8), 60);       /* start */
    ck_assert_uint_eq(le_load64(resp + 16), 40);      /* length */
    ck_assert_uint_eq(le_load32(resp + 24), 10);      /* owner */
}
END_TEST

/* ---------------------------------------------------------------- escape attempts */

START_TEST(escape_dotdot_at_the_root_stays_at_the_root)
{
    const char *up[] = { "..", "..", "outside" };
    unsigned nq;
    ck_assert_uint_eq(walk(1, 2, 3, up, &nq), 0);
    ck_assert_uint_eq(nq, 2);   /* ".." twice is the root; "outside" is not in it */
    struct stat st;
    ck_assert_int_eq(stat(share, &st), 0);
    ck_assert_uint_eq(le_load64(resp + 9 + 5), (uint64_t)st.st_ino);
    ck_assert_uint_eq(getattr(2), L_EBADF);
    const char *up2[] = { "..", "outside" };
    ck_assert_uint_eq(walk(1, 2, 2, up2, &nq), 0);
    ck_assert_uint_eq(nq, 1);
    ck_assert_uint_eq(walk1(1, 2, ".."), 0);
    ck_assert_uint_eq(le_load64(resp + 9 + 5), (uint64_t)st.st_ino);
}
END_TEST

START_TEST(escape_names_with_a_slash_are_refused)
{
    ck_assert_uint_eq(walk1(1, 2, "../outside"), L_ENOENT);
    ck_assert_uint_eq(walk1(1, 2, "sub/inner.txt"), L_ENOENT);
    ck_assert_uint_eq(walk1(1, 2, "/etc"), L_ENOENT);
    ck_assert_uint_eq(walk1(1, 2, ""), L_ENOENT);
    ck_assert_uint_eq(p9fs_fid_count(fs), 1);
}
END_TEST

START_TEST(escape_through_a_symlink_to_a_directory_outside_is_refused)
{
    ck_assert_uint_eq(walk1(1, 2, "trap"), 0);
    ck_assert_uint_eq(resp[9], 0x02);   /* QTSYMLINK: the guest sees a symlink and reads it */
    begin(TREADLINK);
    put32(2);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load16(resp + 7), 10);
    ck_assert_int_eq(memcmp(resp + 9, "../outside", 10), 0);
    const char *via[] = { "trap", "secret.txt" };
    unsigned nq;
    ck_assert_uint_eq(walk(1, 3, 2, via, &nq), 0);
    ck_assert_uint_eq(nq, 1);                   /* stops at the symlink: ENOTDIR for the rest */
    ck_assert_uint_eq(walk1(2, 3, "secret.txt"), L_ENOTDIR);
    ck_assert_uint_eq(lopen(2, 0), L_ELOOP);    /* opening the symlink itself */
}
END_TEST

START_TEST(escape_absolute_symlink_and_symlink_to_a_file_outside_are_never_followed)
{
    ck_assert_uint_eq(walk1(1, 2, "abs"), 0);
    ck_assert_uint_eq(lopen(2, 0), L_ELOOP);
    ck_assert_uint_eq(walk1(2, 3, "passwd"), L_ENOTDIR);
    ck_assert_uint_eq(walk1(1, 4, "sl"), 0);
    ck_assert_uint_eq(lopen(4, 0), L_ELOOP);
    ck_assert_uint_eq(getattr(4), 0);
    ck_assert_uint_eq(le_load32(resp + 7 + 8 + 13) & S_IFMT, S_IFLNK);   /* lstat, not stat */
    /* setattr on the symlink must not reach the file outside */
    begin(TSETATTR);
    put32(4);
    put32(1 | 8);   /* MODE | SIZE */
    put32(0777);
    put32(0);
    put32(0);
    put64(0);
    for (int i = 0; i < 4; i++) put64(0);
    ck_assert_uint_eq(err_of(send()), L_EOPNOTSUPP);
    struct stat st;
    ck_assert_int_eq(stat(path_in(outside, "secret.txt"), &st), 0);
    ck_assert_uint_eq(st.st_size, 7);
    ck_assert_uint_ne(st.st_mode & 0777, 0777);
}
END_TEST

START_TEST(escape_symlink_swapped_in_after_the_walk_is_refused)
{
    const char *names[] = { "d", "f.txt" };
    unsigned nq;
    ck_assert_uint_eq(walk(1, 2, 2, names, &nq), 0);
    ck_assert_uint_eq(nq, 2);
    /* The race: between the walk and the open, d becomes a symlink to the outside directory. */
    ck_assert_int_eq(rename(path_in(share, "d"), path_in(share, "d.old")), 0);
    ck_assert_int_eq(symlink("../outside", path_in(share, "d")), 0);
    ck_assert_uint_eq(lopen(2, 0), L_ELOOP);
    ck_assert_uint_eq(getattr(2), L_ELOOP);
    begin(TREADLINK);
    put32(2);
    ck_assert_uint_eq(err_of(send()), L_ELOOP);
    /* And a file swapped for a symlink: the last component is opened with O_NOFOLLOW. */
    ck_assert_int_eq(rename(path_in(share, "hello.txt"), path_in(share, "hello.old")), 0);
    ck_assert_int_eq(symlink("../outside/secret.txt", path_in(share, "hello.txt")), 0);
    ck_assert_uint_eq(walk1(1, 3, "hello.txt"), 0);
    ck_assert_uint_eq(lopen(3, 0), L_ELOOP);
}
END_TEST

START_TEST(escape_creating_or_renaming_with_dotdot_or_slash_is_einval)
{
    ck_assert_uint_eq(walk(1, 2, 0, NULL, NULL), 0);
    begin(TLCREATE);
    put32(2);
    putstr("../x");
    put32(2);
    put32(0644);
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    ck_assert_uint_eq(fid_with_name(1, "..", TMKDIR, 0755), L_EINVAL);
    ck_assert_uint_eq(fid_with_name(1, "a/b", TMKDIR, 0755), L_EINVAL);
    ck_assert_uint_eq(fid_with_name(1, "../outside/secret.txt", TUNLINKAT, 0), L_EINVAL);
    ck_assert_uint_eq(fid_with_name(1, ".", TUNLINKAT, 0x200), L_EINVAL);
    begin(TSYMLINK);
    put32(1);
    putstr("../evil");
    putstr("/");
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    ck_assert_uint_eq(walk1(1, 3, "hello.txt"), 0);
    begin(TRENAME);   /* rename out of the share */
    put32(3);
    put32(1);
    putstr("..");
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    begin(TRENAMEAT);
    put32(1);
    putstr("hello.txt");
    put32(1);
    putstr("../escaped.txt");
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    begin(TLINK);     /* hard link placed outside */
    put32(1);
    put32(3);
    putstr("../linked");
    ck_assert_uint_eq(err_of(send()), L_EINVAL);
    ck_assert_int_eq(access(path_in(tmp, "escaped.txt"), F_OK), -1);
    ck_assert_int_eq(access(path_in(tmp, "linked"), F_OK), -1);
    ck_assert_int_eq(access(path_in(tmp, "x"), F_OK), -1);
    ck_assert_int_eq(access(path_in(share, "hello.txt"), F_OK), 0);
}
END_TEST

START_TEST(escape_hard_link_of_a_symlink_links_the_symlink_not_its_target)
{
    ck_assert_uint_eq(walk1(1, 2, "sl"), 0);
    begin(TLINK);
    put32(1);
    put32(2);
    putstr("hl");
    ck_assert_uint_eq(err_of(send()), 0);
    struct stat a, b, s;
    ck_assert_int_eq(lstat(path_in(share, "hl"), &a), 0);
    ck_assert_int_eq(lstat(path_in(share, "sl"), &b), 0);
    ck_assert_int_eq(stat(path_in(outside, "secret.txt"), &s), 0);
    ck_assert(S_ISLNK(a.st_mode));
    ck_assert_uint_eq(a.st_ino, b.st_ino);
    ck_assert_uint_eq(s.st_nlink, 1);
    ck_assert_uint_eq(walk1(1, 3, "hl"), 0);
    ck_assert_uint_eq(lopen(3, 0), L_ELOOP);
}
END_TEST

START_TEST(escape_device_nodes_cannot_be_made_and_fifos_cannot_be_opened)
{
    begin(TMKNOD);
    put32(1);
    putstr("mem");
    put32(S_IFCHR | 0666);
    put32(1);
    put32(1);
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EPERM);
    ck_assert_int_eq(access(path_in(share, "mem"), F_OK), -1);
    begin(TMKNOD);
    put32(1);
    putstr("fifo");
    put32(S_IFIFO | 0600);
    put32(0);
    put32(0);
    put32(0);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(walk1(1, 2, "fifo"), 0);
    ck_assert_uint_eq(lopen(2, 0), L_EOPNOTSUPP);   /* would block the emulator */
}
END_TEST

/* ---------------------------------------------------------------- read-only */

START_TEST(read_only_share_refuses_every_modification_with_erofs)
{
    ck_assert_uint_eq(walk1(1, 2, "hello.txt"), 0);
    ck_assert_uint_eq(lopen(2, 1), L_EROFS);         /* O_WRONLY */
    ck_assert_uint_eq(lopen(2, 2), L_EROFS);         /* O_RDWR */
    ck_assert_uint_eq(lopen(2, 01000), L_EROFS);     /* O_RDONLY|O_TRUNC */
    ck_assert_uint_eq(lopen(2, 0), 0);
    begin(TREAD);
    put32(2);
    put64(0);
    put32(100);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load32(resp + 7), 6);
    begin(TWRITE);
    put32(2);
    put64(0);
    put32(1);
    put8('x');
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    ck_assert_uint_eq(walk(1, 3, 0, NULL, NULL), 0);
    begin(TLCREATE);
    put32(3);
    putstr("new");
    put32(2);
    put32(0644);
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    ck_assert_uint_eq(fid_with_name(1, "dir", TMKDIR, 0755), L_EROFS);
    ck_assert_uint_eq(fid_with_name(1, "hello.txt", TUNLINKAT, 0), L_EROFS);
    begin(TSYMLINK);
    put32(1);
    putstr("l");
    putstr("x");
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    begin(TRENAMEAT);
    put32(1);
    putstr("hello.txt");
    put32(1);
    putstr("moved");
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    begin(TLINK);
    put32(1);
    put32(2);
    putstr("hl");
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    begin(TMKNOD);
    put32(1);
    putstr("fifo");
    put32(S_IFIFO | 0600);
    put32(0);
    put32(0);
    put32(0);
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    begin(TSETATTR);
    put32(2);
    put32(8);   /* SIZE */
    put32(0);
    put32(0);
    put32(0);
    put64(0);
    for (int i = 0; i < 4; i++) put64(0);
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    ck_assert_uint_eq(walk1(1, 4, "hello.txt"), 0);
    begin(TREMOVE);
    put32(4);
    ck_assert_uint_eq(err_of(send()), L_EROFS);
    ck_assert_uint_eq(getattr(4), L_EBADF);          /* remove(5): clunked all the same */
    struct stat st;
    ck_assert_int_eq(stat(path_in(share, "hello.txt"), &st), 0);
    ck_assert_uint_eq(st.st_size, 6);
    ck_assert_int_eq(access(path_in(share, "new"), F_OK), -1);
    ck_assert_int_eq(access(path_in(share, "moved"), F_OK), -1);
}
END_TEST

/* ---------------------------------------------------------------- snapshots */

START_TEST(save_and_load_reopen_fids_by_path)
{
    ck_assert_uint_eq(walk1(1, 2, "hello.txt"), 0);
    ck_assert_uint_eq(lopen(2, 0), 0);
    ck_assert_uint_eq(walk1(1, 3, "sub"), 0);
    char err[512];
    ck_assert_int_eq(p9fs_check_save(fs, err, sizeof(err)), 0);
    struct state_writer w;
    state_writer_init(&w);
    p9fs_save(fs, &w);
    ck_assert(!w.failed);
    p9fs_reset(fs);
    ck_assert_uint_eq(p9fs_fid_count(fs), 0);
    struct state_reader r;
    state_reader_init(&r, w.data, w.len);
    p9fs_load(fs, &r);
    ck_assert_msg(!r.failed, "%s", r.error);
    ck_assert_uint_eq(p9fs_fid_count(fs), 3);
    ck_assert_uint_eq(p9fs_msize(fs), 65536);
    begin(TREAD);
    put32(2);
    put64(0);
    put32(100);
    ck_assert_uint_eq(err_of(send()), 0);
    ck_assert_uint_eq(le_load32(resp + 7), 6);
    ck_assert_int_eq(memcmp(resp + 11, "hello\n", 6), 0);
    /* the file replaced by a symlink pointing out: the load refuses to re-open it */
    ck_assert_int_eq(rename(path_in(share, "hello.txt"), path_in(share, "hello.old")), 0);
    ck_assert_int_eq(symlink("../outside/secret.txt", path_in(share, "hello.txt")), 0);
    state_reader_init(&r, w.data, w.len);
    p9fs_load(fs, &r);
    ck_assert(r.failed);
    ck_assert_str_eq(r.error, "9p share: cannot re-open \"hello.txt\": Too many levels of symbolic links");
    ck_assert_uint_eq(p9fs_fid_count(fs), 0);
    state_writer_free(&w);
}
END_TEST

START_TEST(save_refuses_an_open_file_that_was_unlinked)
{
    ck_assert_uint_eq(walk1(1, 2, "hello.txt"), 0);
    ck_assert_uint_eq(lopen(2, 0), 0);
    ck_assert_int_eq(unlink(path_in(share, "hello.txt")), 0);
    char err[512];
    ck_assert_int_eq(p9fs_check_save(fs, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "the shared file \"hello.txt\" is open in the guest but was removed or replaced, so a "
                          "snapshot could not re-open it; close it in the guest first");
}
END_TEST

/* ---------------------------------------------------------------- --share parsing */

START_TEST(share_option_parses_tag_and_ro_and_rejects_the_rest)
{
    struct p9fs_share_spec s;
    char err[256];
    ck_assert_int_eq(p9fs_parse_share("/tmp", &s, err, sizeof(err)), 0);
    ck_assert_str_eq(s.dir, "/tmp");
    ck_assert_str_eq(s.tag, "host");
    ck_assert(!s.read_only);
    ck_assert_int_eq(p9fs_parse_share("/a,b,tag=docs,ro", &s, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--share /a,b,tag=docs,ro: unknown option \"b\" (DIR[,tag=NAME][,ro])");
    ck_assert_int_eq(p9fs_parse_share("/srv,ro,tag=docs", &s, err, sizeof(err)), 0);
    ck_assert_str_eq(s.tag, "docs");
    ck_assert(s.read_only);
    ck_assert_int_eq(p9fs_parse_share(",ro", &s, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--share ,ro: no directory given");
    ck_assert_int_eq(p9fs_parse_share("/srv,tag=a/b", &s, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--share /srv,tag=a/b: a tag holds only letters, digits, '_', '-', '.'");
    ck_assert_int_eq(p9fs_parse_share("/srv,tag=0123456789012345678901234567890123", &s, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "--share /srv,tag=0123456789012345678901234567890123: tag longer than 31 bytes");
    ck_assert_ptr_null(p9fs_new("/nonexistent-vhart-dir", false, err, sizeof(err)));
    ck_assert_str_eq(err, "/nonexistent-vhart-dir: No such file or directory");
    ck_assert_ptr_null(p9fs_new("/etc/hostname", false, err, sizeof(err)));
    ck_assert_str_eq(err, "/etc/hostname: not a directory");
}
END_TEST

static Suite *p9fs_suite(void)
{
    Suite *s = suite_create("p9fs");
    TCase *t = tcase_create("protocol");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, version_caps_msize_and_answers_unknown_for_other_dialects);
    tcase_add_test(t, requests_before_tversion_get_eproto);
    tcase_add_test(t, malformed_messages_get_einval_or_eopnotsupp_never_a_crash);
    tcase_add_test(t, walk_returns_one_qid_per_name_with_type_and_inode);
    tcase_add_test(t, read_write_create_and_getattr_round_trip);
    tcase_add_test(t, readdir_lists_entries_and_continues_from_an_offset);
    tcase_add_test(t, locks_conflict_between_owners_and_are_released);
    tcase_add_test(t, save_and_load_reopen_fids_by_path);
    tcase_add_test(t, save_refuses_an_open_file_that_was_unlinked);
    tcase_add_test(t, share_option_parses_tag_and_ro_and_rejects_the_rest);
    suite_add_tcase(s, t);
    TCase *e = tcase_create("escapes");
    tcase_add_checked_fixture(e, setup, teardown);
    tcase_add_test(e, escape_dotdot_at_the_root_stays_at_the_root);
    tcase_add_test(e, escape_names_with_a_slash_are_refused);
    tcase_add_test(e, escape_through_a_symlink_to_a_directory_outside_is_refused);
    tcase_add_test(e, escape_absolute_symlink_and_symlink_to_a_file_outside_are_never_followed);
    tcase_add_test(e, escape_symlink_swapped_in_after_the_walk_is_refused);
    tcase_add_test(e, escape_creating_or_renaming_with_dotdot_or_slash_is_einval);
    tcase_add_test(e, escape_hard_link_of_a_symlink_links_the_symlink_not_its_target);
    tcase_add_test(e, escape_device_nodes_cannot_be_made_and_fifos_cannot_be_opened);
    suite_add_tcase(s, e);
    TCase *ro = tcase_create("read-only");
    tcase_add_checked_fixture(ro, setup_ro, teardown);
    tcase_add_test(ro, read_only_share_refuses_every_modification_with_erofs);
    suite_add_tcase(s, ro);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(p9fs_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
