/* Record and replay through the library API (src/machine/replay.c, docs/replay.md): window input is
 * logged report by report, a replay ignores the frontend's input and delivers the log's, and a log
 * is refused or accepted by its configuration. The guest is a raw `j .` loop with --bios none. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vhart/display.h>
#include <vhart/machine.h>
#include <vhart/replay.h>

#include "util/endian.h"

static char dir[64], prog[96], logpath[96];

static void setup(void)
{
    strcpy(dir, "/tmp/vhart-replay-unit-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(prog, sizeof(prog), "%s/loop.bin", dir);
    snprintf(logpath, sizeof(logpath), "%s/run.log", dir);
    static const uint8_t loop[4] = { 0x6f, 0x00, 0x00, 0x00 };   /* j . */
    FILE *f = fopen(prog, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(loop, 1, 4, f), 4);
    fclose(f);
}

static void teardown(void)
{
    unlink(prog);
    unlink(logpath);
    rmdir(dir);
}

static struct vhart_config config(void)
{
    struct vhart_config c = { .mem_size = 1 << 20, .harts = 1, .bios = "none", .kernel = prog, .icount = true,
                              .icount_shift = 5, .max_insns = 200000 };
    return c;
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*len);
    ck_assert_uint_eq(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

/* The payloads of the log's input events (kind 3), concatenated, and how many there were. */
static size_t input_events(const uint8_t *b, size_t len, uint8_t *out, unsigned *count)
{
    size_t pos = 24 + le_load32(b + 12), n = 0;
    *count = 0;
    while (pos + 21 <= len) {
        uint32_t l = le_load32(b + pos + 17);
        if (b[pos] == 3) {
            memcpy(out + n, b + pos + 21, l);
            n += l;
            (*count)++;
        }
        pos += 21 + l;
    }
    return n;
}

START_TEST(replay_window_input_is_logged_report_by_report_and_replayed_in_its_place)
{
    struct vhart_config c = config();
    c.record = logpath;
    struct machine *m;
    char err[256];
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_OK);
    /* Before the first instruction (the point 0, 0), as a window would while the machine waits. */
    /* No driver runs the devices here: they refuse the events (false), which is logged all the same,
     * since a replay must refuse them too. */
    ck_assert(!vhart_input_key(m, 30, true));
    ck_assert(!vhart_input_mouse_motion(m, 3, -2, 0));
    ck_assert(vhart_input_mouse_motion(m, 0, 0, 0));   /* nothing moved: no report */
    struct vhart_result res;
    machine_run(m, &res);
    ck_assert_int_eq(res.reason, VHART_EXIT_MAX_INSNS);
    char msg[256];
    ck_assert_int_eq(machine_replay_finish(m, msg, sizeof(msg)), VHART_REPLAY_RECORDED);
    char want_msg[256];
    snprintf(want_msg, sizeof(want_msg), "recorded 2 inputs in %s, up to instruction 200000", logpath);
    ck_assert_str_eq(msg, want_msg);
    machine_destroy(m);

    size_t len;
    uint8_t *b = slurp(logpath, &len);
    ck_assert_mem_eq(b, "VHARTRPL\2\0\0\0", 12);
    uint8_t in[256];
    unsigned count;
    size_t n = input_events(b, len, in, &count);
    static const uint8_t want[] = {
        0, 2, 1, 0, 30, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                             /* keyboard: KEY 30 down, SYN */
        1, 3, 2, 0, 0, 0, 3, 0, 0, 0, 2, 0, 1, 0, 0xfe, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, /* mouse: REL X 3, Y -2, SYN */
    };
    ck_assert_uint_eq(count, 2);
    ck_assert_uint_eq(n, sizeof(want));
    ck_assert_mem_eq(in, want, sizeof(want));
    free(b);

    /* Replayed: the frontend's input is ignored (accepted), the log's delivered, the run complete. */
    c.record = NULL;
    c.replay = logpath;
    c.max_insns = 0;   /* the log's end marker brings the recording's limit */
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_OK);
    ck_assert(vhart_input_key(m, 31, true));
    machine_run(m, &res);
    ck_assert_int_eq(machine_replay_finish(m, msg, sizeof(msg)), VHART_REPLAY_COMPLETE);
    ck_assert_str_eq(msg, "replay complete: 2 inputs, instruction 200000");
    ck_assert_uint_eq(res.executed, 200000);
    machine_destroy(m);
}
END_TEST

START_TEST(replay_refuses_another_machine_and_takes_the_logged_configuration)
{
    struct vhart_config c = config();
    c.record = logpath;
    c.append = "one";
    struct machine *m;
    char err[256], msg[256];
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_OK);
    struct vhart_result res;
    machine_run(m, &res);
    machine_destroy(m);   /* finishes the log too */

    struct vhart_config logged = { 0 };
    void *owner;
    ck_assert_int_eq(vhart_replay_config(logpath, &logged, &owner, err, sizeof(err)), VHART_OK);
    ck_assert_str_eq(logged.kernel, prog);
    ck_assert_str_eq(logged.append, "one");
    ck_assert_uint_eq(logged.mem_size, 1 << 20);
    ck_assert(logged.icount);
    ck_assert_ptr_null(vhart_config_mismatch(&logged, &c));
    vhart_replay_config_free(owner);

    c.record = NULL;
    c.replay = logpath;
    c.append = "two";
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_ERR_CONFIG);
    char want[256];
    snprintf(want, sizeof(want), "--replay %s: recorded on another machine (boot images or command line)", logpath);
    ck_assert_str_eq(err, want);
    c.append = "one";
    c.mem_size = 2 << 20;
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_ERR_CONFIG);
    snprintf(want, sizeof(want), "--replay %s: recorded on another machine (memory size)", logpath);
    ck_assert_str_eq(err, want);
    c.mem_size = 1 << 20;
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_OK);
    machine_run(m, &res);
    ck_assert_int_eq(machine_replay_finish(m, msg, sizeof(msg)), VHART_REPLAY_COMPLETE);
    machine_destroy(m);

    c.replay = NULL;
    c.record = logpath;
    c.icount = false;
    ck_assert_int_eq(machine_create(&c, &m, err, sizeof(err)), VHART_ERR_CONFIG);
    ck_assert_str_eq(err, "--record needs --icount (deterministic time)");
}
END_TEST

static Suite *replay_suite(void)
{
    Suite *s = suite_create("replay");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, replay_window_input_is_logged_report_by_report_and_replayed_in_its_place);
    tcase_add_test(t, replay_refuses_another_machine_and_takes_the_logged_configuration);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(replay_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
