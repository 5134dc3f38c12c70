/* Guest program for the PMU system test (tests/system/pmu): perf_event_open on Linux's SBI PMU
 * driver, (a) counting the user-mode instructions of a known loop, (b) sampling it with a period
 * and reading the overflow records from the mmap ring buffer. Prints "PERF ..." lines and
 * "PERF PASS" or "PERF FAIL: why". Static, for roms/build.sh's busybox initramfs. */
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LOOP_TURNS 1000000ul            /* two instructions a turn: addi, bnez */
#define PERIOD 100000ul
#define SLACK 400ul                     /* instructions outside the loop: see count_loop() */
#define RING_PAGES 16

extern char loop_start[], loop_end[];

/* The measured loop: exactly 2 * turns user instructions from loop_start to the fall-through. */
__attribute__((noinline)) static void loop(unsigned long turns)
{
    __asm__ volatile(".globl loop_start\n.globl loop_end\n"
                     "loop_start: addi %0, %0, -1\n"
                     "bnez %0, loop_start\n"
                     "loop_end:\n"
                     : "+r"(turns));
}

static int open_event(uint64_t period)
{
    struct perf_event_attr a;
    memset(&a, 0, sizeof(a));
    a.size = sizeof(a);
    a.type = PERF_TYPE_HARDWARE;
    a.config = PERF_COUNT_HW_INSTRUCTIONS;
    a.disabled = 1;
    a.exclude_kernel = 1;               /* user mode only: SINH (and MINH, OpenSBI's own) */
    a.exclude_hv = 1;
    if (period) {
        a.sample_period = period;
        a.sample_type = PERF_SAMPLE_IP;
        a.wakeup_events = 1;
    }
    return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
}

static int fail(const char *why)
{
    printf("PERF FAIL: %s\n", why);
    return 1;
}

int main(void)
{
    /* (a) Counting: 2 * LOOP_TURNS instructions, plus the few user instructions between the
     * enable and disable ioctls (the rest of the two syscall wrappers, the loop's setup, and one
     * per return to user mode: an sret counts in the mode it enters, docs/pmu.md). */
    int fd = open_event(0);
    if (fd < 0) return fail("perf_event_open (counting)");
    ioctl(fd, PERF_EVENT_IOC_RESET, 0);
    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    loop(LOOP_TURNS);
    ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
    uint64_t count = 0;
    if (read(fd, &count, sizeof(count)) != sizeof(count)) return fail("read (counting)");
    close(fd);
    printf("PERF count %llu expected %lu..%lu\n", (unsigned long long)count, 2 * LOOP_TURNS,
           2 * LOOP_TURNS + SLACK);
    if (count < 2 * LOOP_TURNS || count > 2 * LOOP_TURNS + SLACK) return fail("instruction count out of bounds");

    /* (b) Sampling: one PERF_RECORD_SAMPLE every PERIOD user instructions, each with an ip in
     * the loop (the overflow interrupt is taken at most a block late, and the loop is one block). */
    fd = open_event(PERIOD);
    if (fd < 0) return fail("perf_event_open (sampling): no overflow interrupt?");
    long page = sysconf(_SC_PAGESIZE);
    size_t len = (size_t)page * (1 + RING_PAGES);
    void *ring = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (ring == MAP_FAILED) return fail("mmap of the ring buffer");
    ioctl(fd, PERF_EVENT_IOC_RESET, 0);
    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    loop(LOOP_TURNS);
    ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
    if (read(fd, &count, sizeof(count)) != sizeof(count)) return fail("read (sampling)");
    struct perf_event_mmap_page *meta = ring;
    uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
    const unsigned char *data = (const unsigned char *)ring + page;
    size_t size = (size_t)page * RING_PAGES;
    unsigned long samples = 0, in_loop = 0, other = 0;
    for (uint64_t at = meta->data_tail; at < head;) {
        struct perf_event_header hdr;
        memcpy(&hdr, data + at % size, sizeof(hdr));   /* records are 8-byte aligned: no wrap inside */
        if (hdr.size == 0) break;
        if (hdr.type == PERF_RECORD_SAMPLE) {
            uint64_t ip;
            memcpy(&ip, data + (at + sizeof(hdr)) % size, sizeof(ip));
            samples++;
            if (ip >= (uintptr_t)loop_start && ip <= (uintptr_t)loop_end) in_loop++;
        } else {
            other++;
        }
        at += hdr.size;
    }
    unsigned long expect = (unsigned long)(count / PERIOD);
    printf("PERF samples %lu (in loop %lu, other records %lu) count %llu period %lu expected %lu..%lu\n",
           samples, in_loop, other, (unsigned long long)count, PERIOD, expect ? expect - 1 : 0, expect + 1);
    if (samples + 1 < expect || samples > expect + 1) return fail("sample count does not match count / period");
    if (samples < 2 * LOOP_TURNS / PERIOD - 1) return fail("too few samples for the loop");
    if (in_loop + 1 < samples) return fail("sample ips outside the loop");
    puts("PERF PASS");
    return 0;
}
