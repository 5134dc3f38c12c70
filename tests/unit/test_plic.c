/* Unit tests for src/dev/plic.c (RISC-V PLIC spec 1.0.0: gateways as QEMU virt's, priorities, pending, enables, thresholds,
 * claim/complete, notifications), driven through its mmio_ops with the QEMU virt geometry (96 IDs). */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "dev/plic.h"

#define NCTX 4

static struct plic p;
static int eip[PLIC_MAX_CONTEXTS];
static unsigned calls;
static unsigned log_ctx[32];
static int log_level[32];

static void on_context_irq(void *opaque, unsigned ctx, int level)
{
    ck_assert_ptr_eq(opaque, &p);
    ck_assert_uint_lt(ctx, PLIC_MAX_CONTEXTS);
    ck_assert_int_ne(eip[ctx], level);   /* only transitions are reported */
    eip[ctx] = level;
    if (calls < 32) {
        log_ctx[calls] = ctx;
        log_level[calls] = level;
    }
    calls++;
}

static void setup(void)
{
    memset(&p, 0xa5, sizeof(p));
    memset(eip, 0, sizeof(eip));
    calls = 0;
    ck_assert_int_eq(plic_init(&p, PLIC_VIRT_SOURCES, NCTX, on_context_irq, &p), 0);
}

static uint32_t rd(uint32_t off)
{
    uint64_t v = 0xdeadbeefdeadbeefull;
    ck_assert_int_eq(plic_ops.read(&p, off, 4, &v), 0);
    ck_assert_uint_le(v, 0xffffffffull);
    return (uint32_t)v;
}

static void wr(uint32_t off, uint32_t v) { ck_assert_int_eq(plic_ops.write(&p, off, 4, v), 0); }

static uint32_t prio_reg(unsigned src) { return PLIC_PRIORITY + 4 * src; }
static uint32_t enable_reg(unsigned ctx, unsigned src) { return PLIC_ENABLE + PLIC_ENABLE_STRIDE * ctx + 4 * (src / 32); }
static uint32_t threshold_reg(unsigned ctx) { return PLIC_CONTEXT + PLIC_CONTEXT_STRIDE * ctx; }
static uint32_t claim_reg(unsigned ctx) { return PLIC_CONTEXT + PLIC_CONTEXT_STRIDE * ctx + 4; }
static uint32_t pending_word(unsigned src) { return rd(PLIC_PENDING + 4 * (src / 32)); }

static void enable(unsigned ctx, unsigned src)
{
    wr(enable_reg(ctx, src), rd(enable_reg(ctx, src)) | 1u << (src % 32));
}

static void disable(unsigned ctx, unsigned src)
{
    wr(enable_reg(ctx, src), rd(enable_reg(ctx, src)) & ~(1u << (src % 32)));
}

START_TEST(plic_registers_reset_to_zero_without_callbacks)
{
    for (unsigned src = 0; src < PLIC_VIRT_SOURCES; src++) ck_assert_uint_eq(rd(prio_reg(src)), 0);
    for (unsigned w = 0; w < 4; w++) ck_assert_uint_eq(rd(PLIC_PENDING + 4 * w), 0);
    for (unsigned c = 0; c < NCTX; c++) {
        for (unsigned w = 0; w < 4; w++) ck_assert_uint_eq(rd(PLIC_ENABLE + PLIC_ENABLE_STRIDE * c + 4 * w), 0);
        ck_assert_uint_eq(rd(threshold_reg(c)), 0);
        ck_assert_uint_eq(rd(claim_reg(c)), 0);
    }
    ck_assert_uint_eq(calls, 0);
}
END_TEST

START_TEST(plic_init_rejects_bad_counts)
{
    struct plic q;
    ck_assert_int_eq(plic_init(&q, 1, 2, NULL, NULL), -1);
    ck_assert_int_eq(plic_init(&q, PLIC_MAX_SOURCES + 1, 2, NULL, NULL), -1);
    ck_assert_int_eq(plic_init(&q, 96, 0, NULL, NULL), -1);
    ck_assert_int_eq(plic_init(&q, 96, PLIC_MAX_CONTEXTS + 1, NULL, NULL), -1);
    ck_assert_int_eq(plic_init(&q, PLIC_MAX_SOURCES, PLIC_MAX_CONTEXTS, NULL, NULL), 0);
    ck_assert_int_eq(plic_init(&q, 2, 1, NULL, NULL), 0);
}
END_TEST

START_TEST(plic_priority_is_a_3bit_warl_field_and_absent_sources_read_zero)
{
    wr(prio_reg(1), 0xffffffff);
    ck_assert_uint_eq(rd(prio_reg(1)), 7);
    wr(prio_reg(95), 0x0d);
    ck_assert_uint_eq(rd(prio_reg(95)), 5);
    wr(prio_reg(0), 3);   /* source 0 does not exist */
    ck_assert_uint_eq(rd(prio_reg(0)), 0);
    wr(prio_reg(96), 3);
    ck_assert_uint_eq(rd(prio_reg(96)), 0);
    wr(prio_reg(1023), 3);
    ck_assert_uint_eq(rd(prio_reg(1023)), 0);
}
END_TEST

START_TEST(plic_threshold_is_a_3bit_warl_field)
{
    wr(threshold_reg(1), 0xffffffff);
    ck_assert_uint_eq(rd(threshold_reg(1)), 7);
    wr(threshold_reg(1), 0x12);
    ck_assert_uint_eq(rd(threshold_reg(1)), 2);
    ck_assert_uint_eq(rd(threshold_reg(0)), 0);
}
END_TEST

START_TEST(plic_enable_bits_of_source_0_and_absent_sources_are_hardwired_to_zero)
{
    wr(enable_reg(0, 0), 0xffffffff);
    ck_assert_uint_eq(rd(enable_reg(0, 0)), 0xfffffffe);
    wr(enable_reg(0, 64), 0xffffffff);
    ck_assert_uint_eq(rd(enable_reg(0, 64)), 0xffffffff);   /* 64..95 all exist */
    wr(enable_reg(0, 96), 0xffffffff);
    ck_assert_uint_eq(rd(enable_reg(0, 96)), 0);
    ck_assert_uint_eq(rd(enable_reg(1, 0)), 0);   /* contexts are independent */

    struct plic q;
    uint64_t v = 0;
    ck_assert_int_eq(plic_init(&q, 40, 2, NULL, NULL), 0);   /* IDs 0..39 */
    ck_assert_int_eq(plic_ops.write(&q, PLIC_ENABLE + 4, 4, 0xffffffff), 0);
    ck_assert_int_eq(plic_ops.read(&q, PLIC_ENABLE + 4, 4, &v), 0);
    ck_assert_uint_eq(v, 0xff);
}
END_TEST

START_TEST(plic_pending_bit_follows_a_raised_line_and_is_read_only)
{
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 33, 1);
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_uint_eq(pending_word(33), 1u << 1);
    wr(PLIC_PENDING, 0);
    wr(PLIC_PENDING + 4, 0xffffffff);
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_uint_eq(pending_word(33), 1u << 1);
    ck_assert_uint_eq(calls, 0);   /* nothing enabled: no notification */
}
END_TEST

START_TEST(plic_set_irq_ignores_source_0_and_absent_sources)
{
    plic_set_irq(&p, 0, 1);
    plic_set_irq(&p, 96, 1);
    plic_set_irq(&p, 5000, 1);
    for (unsigned w = 0; w < 4; w++) ck_assert_uint_eq(rd(PLIC_PENDING + 4 * w), 0);
}
END_TEST

START_TEST(plic_claim_returns_highest_priority_then_lowest_id_and_clears_pending)
{
    wr(prio_reg(3), 1);
    wr(prio_reg(5), 2);
    wr(prio_reg(7), 2);
    wr(prio_reg(40), 2);
    enable(1, 3);
    enable(1, 5);
    enable(1, 7);
    enable(1, 40);
    plic_set_irq(&p, 40, 1);
    plic_set_irq(&p, 7, 1);
    plic_set_irq(&p, 3, 1);
    plic_set_irq(&p, 5, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 5);
    ck_assert_uint_eq(pending_word(0), 1u << 3 | 1u << 7);
    ck_assert_uint_eq(rd(claim_reg(1)), 7);
    ck_assert_uint_eq(rd(claim_reg(1)), 40);
    ck_assert_uint_eq(rd(claim_reg(1)), 3);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
    ck_assert_uint_eq(pending_word(0), 0);
    ck_assert_uint_eq(pending_word(40), 0);
}
END_TEST

START_TEST(plic_claim_returns_only_sources_enabled_for_the_context)
{
    wr(prio_reg(9), 1);
    enable(0, 9);
    plic_set_irq(&p, 9, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
    ck_assert_uint_eq(pending_word(9), 1u << 9);
    ck_assert_uint_eq(rd(claim_reg(0)), 9);
}
END_TEST

START_TEST(plic_priority_zero_never_interrupts_and_is_never_claimed)
{
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    wr(prio_reg(10), 1);
    ck_assert_int_eq(eip[1], 1);
    wr(prio_reg(10), 0);
    ck_assert_int_eq(eip[1], 0);
}
END_TEST

START_TEST(plic_threshold_masks_notification_of_priorities_at_or_below_it)
{
    wr(prio_reg(10), 3);
    enable(1, 10);
    wr(threshold_reg(1), 3);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[1], 0);
    wr(threshold_reg(1), 2);
    ck_assert_int_eq(eip[1], 1);
    wr(prio_reg(10), 2);
    ck_assert_int_eq(eip[1], 0);
    wr(threshold_reg(1), 0);
    ck_assert_int_eq(eip[1], 1);
}
END_TEST

START_TEST(plic_claim_is_not_affected_by_the_threshold)
{
    /* Spec 1.0.0 ch. 8: "the claim operation is not affected by the setting of the priority threshold". */
    wr(prio_reg(10), 2);
    enable(1, 10);
    wr(threshold_reg(1), 7);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
}
END_TEST

START_TEST(plic_gateway_forwards_no_new_request_until_completion)
{
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    ck_assert_int_eq(eip[1], 0);
    plic_set_irq(&p, 10, 0);
    plic_set_irq(&p, 10, 1);   /* a new assertion while claimed is not forwarded */
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
    wr(claim_reg(1), 10);   /* completion: the still-high line is forwarded again */
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
}
END_TEST

START_TEST(plic_line_held_high_without_a_new_assertion_is_not_forwarded_again_at_completion)
{
    /* QEMU virt's gateway: a request per assertion; a line that just stays high (a UART whose THR-empty
     * interrupt nobody clears) interrupts once, not after every completion. */
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    ck_assert_int_eq(eip[1], 0);
    wr(claim_reg(1), 10);
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
    ck_assert_uint_eq(calls, 2);
}
END_TEST

START_TEST(plic_reassertion_of_a_high_line_is_a_new_request)
{
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    wr(claim_reg(1), 10);
    ck_assert_int_eq(eip[1], 0);
    plic_set_irq(&p, 10, 1);   /* idle source, line still high: the device signals a new event */
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    plic_set_irq(&p, 10, 1);   /* while claimed: held, not pending, no notification */
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
    wr(claim_reg(1), 10);      /* completion forwards the held request once */
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    wr(claim_reg(1), 10);
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
}
END_TEST

START_TEST(plic_request_held_during_a_claim_is_dropped_if_the_line_fell_before_completion)
{
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 10, 0);
    wr(claim_reg(1), 10);
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
    plic_set_irq(&p, 10, 1);   /* and it is not remembered for the next claim either */
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    wr(claim_reg(1), 10);
    ck_assert_uint_eq(pending_word(10), 0);
}
END_TEST

START_TEST(plic_completion_with_the_line_low_leaves_the_source_idle)
{
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    plic_set_irq(&p, 10, 0);
    wr(claim_reg(1), 10);
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[1], 0);
    plic_set_irq(&p, 10, 1);   /* the next assertion is a new request */
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
}
END_TEST

START_TEST(plic_request_stays_pending_after_the_line_drops)
{
    /* Spec 1.0.0 ch. 1.4: the gateway cannot retract a request once forwarded. */
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 10, 0);
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    ck_assert_int_eq(eip[1], 0);
}
END_TEST

START_TEST(plic_completion_of_a_source_not_enabled_for_the_context_is_ignored)
{
    wr(prio_reg(10), 1);
    enable(0, 10);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    plic_set_irq(&p, 10, 1);   /* a new request, held until completion */
    disable(1, 10);
    wr(claim_reg(1), 10);   /* ignored: still claimed */
    ck_assert_uint_eq(pending_word(10), 0);
    ck_assert_int_eq(eip[0], 0);
    wr(claim_reg(1), 0);     /* ID 0 and absent IDs are ignored too */
    wr(claim_reg(1), 96);
    wr(claim_reg(0), 10);    /* enabled for context 0: completes */
    ck_assert_uint_eq(pending_word(10), 1u << 10);
    ck_assert_int_eq(eip[0], 1);
}
END_TEST

START_TEST(plic_enabled_contexts_are_all_notified_and_the_first_claim_wins)
{
    wr(prio_reg(10), 1);
    enable(0, 10);
    enable(1, 10);
    enable(3, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[0], 1);
    ck_assert_int_eq(eip[1], 1);
    ck_assert_int_eq(eip[2], 0);
    ck_assert_int_eq(eip[3], 1);
    ck_assert_uint_eq(rd(claim_reg(3)), 10);
    ck_assert_int_eq(eip[0], 0);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_int_eq(eip[3], 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 0);
}
END_TEST

START_TEST(plic_contexts_have_independent_thresholds)
{
    wr(prio_reg(10), 4);
    enable(0, 10);
    enable(1, 10);
    wr(threshold_reg(0), 4);
    wr(threshold_reg(1), 3);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[0], 0);
    ck_assert_int_eq(eip[1], 1);
}
END_TEST

START_TEST(plic_callback_reports_each_transition_once)
{
    wr(prio_reg(10), 1);
    wr(prio_reg(11), 1);
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 11, 1);
    ck_assert_uint_eq(calls, 0);
    enable(1, 10);                 /* 1: ctx 1 up */
    enable(1, 11);                 /* still up: no call */
    plic_set_irq(&p, 10, 1);       /* same level: no call */
    ck_assert_uint_eq(rd(claim_reg(1)), 10);   /* 11 still pending: stays up */
    ck_assert_uint_eq(rd(claim_reg(1)), 11);   /* 2: ctx 1 down */
    enable(2, 12);
    wr(prio_reg(12), 5);
    plic_set_irq(&p, 12, 1);       /* 3: ctx 2 up */
    wr(threshold_reg(2), 5);       /* 4: ctx 2 down */
    ck_assert_uint_eq(calls, 4);
    ck_assert_uint_eq(log_ctx[0], 1);
    ck_assert_int_eq(log_level[0], 1);
    ck_assert_uint_eq(log_ctx[1], 1);
    ck_assert_int_eq(log_level[1], 0);
    ck_assert_uint_eq(log_ctx[2], 2);
    ck_assert_int_eq(log_level[2], 1);
    ck_assert_uint_eq(log_ctx[3], 2);
    ck_assert_int_eq(log_level[3], 0);
}
END_TEST

START_TEST(plic_disabling_a_source_lowers_the_notification)
{
    wr(prio_reg(10), 1);
    enable(1, 10);
    plic_set_irq(&p, 10, 1);
    ck_assert_int_eq(eip[1], 1);
    disable(1, 10);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(pending_word(10), 1u << 10);
}
END_TEST

START_TEST(plic_absent_contexts_read_zero_and_ignore_writes)
{
    wr(threshold_reg(NCTX), 5);
    wr(enable_reg(NCTX, 10), 0xffffffff);
    ck_assert_uint_eq(rd(threshold_reg(NCTX)), 0);
    ck_assert_uint_eq(rd(enable_reg(NCTX, 10)), 0);
    ck_assert_uint_eq(rd(claim_reg(NCTX)), 0);
    ck_assert_uint_eq(rd(PLIC_CONTEXT + 8), 0);      /* reserved word after claim/complete */
    ck_assert_uint_eq(rd(PLIC_PENDING + 0x80), 0);   /* reserved */
    ck_assert_uint_eq(rd(PLIC_SIZE - 4), 0);
    ck_assert_uint_eq(calls, 0);
}
END_TEST

START_TEST(plic_8byte_access_acts_on_two_consecutive_registers_lower_first)
{
    uint64_t v = 0;
    ck_assert_int_eq(plic_ops.write(&p, prio_reg(2), 8, 0x0000000600000003ull), 0);
    ck_assert_uint_eq(rd(prio_reg(2)), 3);
    ck_assert_uint_eq(rd(prio_reg(3)), 6);
    ck_assert_int_eq(plic_ops.read(&p, prio_reg(2), 8, &v), 0);
    ck_assert_uint_eq(v, 0x0000000600000003ull);
    enable(1, 3);
    plic_set_irq(&p, 3, 1);
    wr(threshold_reg(1), 2);
    ck_assert_int_eq(plic_ops.read(&p, threshold_reg(1), 8, &v), 0);   /* threshold, then a claim */
    ck_assert_uint_eq(v, 0x0000000300000002ull);
    plic_set_irq(&p, 3, 1);   /* asserted again while claimed */
    ck_assert_int_eq(plic_ops.write(&p, threshold_reg(1), 8, 0x0000000300000001ull), 0);   /* threshold, complete */
    ck_assert_uint_eq(rd(threshold_reg(1)), 1);
    ck_assert_uint_eq(pending_word(3), 1u << 3);
}
END_TEST

START_TEST(plic_byte_and_halfword_accesses_fault)
{
    uint64_t v = 0;
    ck_assert_int_eq(plic_ops.read(&p, prio_reg(1), 1, &v), -1);
    ck_assert_int_eq(plic_ops.read(&p, prio_reg(1), 2, &v), -1);
    ck_assert_int_eq(plic_ops.write(&p, prio_reg(1), 1, 1), -1);
    ck_assert_int_eq(plic_ops.write(&p, prio_reg(1), 2, 1), -1);
    ck_assert_uint_eq(rd(prio_reg(1)), 0);
}
END_TEST

START_TEST(plic_supports_source_1023_with_1024_ids)
{
    struct plic q;
    uint64_t v = 0;
    ck_assert_int_eq(plic_init(&q, PLIC_MAX_SOURCES, 2, NULL, NULL), 0);
    ck_assert_int_eq(plic_ops.write(&q, prio_reg(1023), 4, 7), 0);
    ck_assert_int_eq(plic_ops.write(&q, enable_reg(1, 1023), 4, 0xffffffff), 0);
    ck_assert_int_eq(plic_ops.read(&q, enable_reg(1, 1023), 4, &v), 0);
    ck_assert_uint_eq(v, 0xffffffff);
    plic_set_irq(&q, 1023, 1);
    ck_assert_int_eq(plic_ops.read(&q, PLIC_PENDING + 0x7c, 4, &v), 0);
    ck_assert_uint_eq(v, 0x80000000u);
    ck_assert_int_eq(plic_ops.read(&q, claim_reg(1), 4, &v), 0);
    ck_assert_uint_eq(v, 1023);
}
END_TEST

START_TEST(plic_reset_clears_registers_lowers_notifications_and_reforwards_high_lines)
{
    wr(prio_reg(10), 1);
    wr(prio_reg(11), 1);
    enable(1, 10);
    enable(1, 11);
    wr(threshold_reg(0), 4);
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 11, 1);
    plic_set_irq(&p, 11, 0);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    ck_assert_int_eq(eip[1], 1);
    plic_reset(&p);
    ck_assert_int_eq(eip[1], 0);
    ck_assert_uint_eq(rd(prio_reg(10)), 0);
    ck_assert_uint_eq(rd(enable_reg(1, 10)), 0);
    ck_assert_uint_eq(rd(threshold_reg(0)), 0);
    ck_assert_uint_eq(pending_word(10), 1u << 10);   /* line 10 is still high; 11 dropped */
    wr(prio_reg(10), 1);
    enable(1, 10);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
}
END_TEST

START_TEST(plic_describe_lists_pending_claimed_lines_and_notifying_contexts)
{
    char buf[256];
    plic_describe(&p, buf, sizeof(buf));
    ck_assert_str_eq(buf, "plic: 95 sources, 4 contexts; pending -; claimed -; lines high -; eip none");
    wr(prio_reg(1), 1);
    wr(prio_reg(10), 2);
    enable(1, 1);
    enable(1, 10);
    enable(2, 1);
    plic_set_irq(&p, 1, 1);
    plic_set_irq(&p, 10, 1);
    plic_set_irq(&p, 33, 1);
    ck_assert_uint_eq(rd(claim_reg(1)), 10);
    plic_describe(&p, buf, sizeof(buf));
    ck_assert_str_eq(buf, "plic: 95 sources, 4 contexts; pending 1,33; claimed 10; lines high 1,10,33; eip ctx1 ctx2");
    for (unsigned s = 40; s < 50; s++) plic_set_irq(&p, s, 1);
    plic_describe(&p, buf, sizeof(buf));
    ck_assert_str_eq(buf, "plic: 95 sources, 4 contexts; pending 1,33,40,41,42,43,44,45,...; claimed 10; "
                          "lines high 1,10,33,40,41,42,43,44,...; eip ctx1 ctx2");
    plic_describe(&p, buf, 12);
    ck_assert_str_eq(buf, "plic: 95 so");
}
END_TEST

static Suite *plic_suite(void)
{
    Suite *s = suite_create("plic");
    TCase *t = tcase_create("plic");
    tcase_add_checked_fixture(t, setup, NULL);
    tcase_add_test(t, plic_registers_reset_to_zero_without_callbacks);
    tcase_add_test(t, plic_init_rejects_bad_counts);
    tcase_add_test(t, plic_priority_is_a_3bit_warl_field_and_absent_sources_read_zero);
    tcase_add_test(t, plic_threshold_is_a_3bit_warl_field);
    tcase_add_test(t, plic_enable_bits_of_source_0_and_absent_sources_are_hardwired_to_zero);
    tcase_add_test(t, plic_pending_bit_follows_a_raised_line_and_is_read_only);
    tcase_add_test(t, plic_set_irq_ignores_source_0_and_absent_sources);
    tcase_add_test(t, plic_claim_returns_highest_priority_then_lowest_id_and_clears_pending);
    tcase_add_test(t, plic_claim_returns_only_sources_enabled_for_the_context);
    tcase_add_test(t, plic_priority_zero_never_interrupts_and_is_never_claimed);
    tcase_add_test(t, plic_threshold_masks_notification_of_priorities_at_or_below_it);
    tcase_add_test(t, plic_claim_is_not_affected_by_the_threshold);
    tcase_add_test(t, plic_gateway_forwards_no_new_request_until_completion);
    tcase_add_test(t, plic_completion_with_the_line_low_leaves_the_source_idle);
    tcase_add_test(t, plic_line_held_high_without_a_new_assertion_is_not_forwarded_again_at_completion);
    tcase_add_test(t, plic_reassertion_of_a_high_line_is_a_new_request);
    tcase_add_test(t, plic_request_held_during_a_claim_is_dropped_if_the_line_fell_before_completion);
    tcase_add_test(t, plic_request_stays_pending_after_the_line_drops);
    tcase_add_test(t, plic_completion_of_a_source_not_enabled_for_the_context_is_ignored);
    tcase_add_test(t, plic_enabled_contexts_are_all_notified_and_the_first_claim_wins);
    tcase_add_test(t, plic_contexts_have_independent_thresholds);
    tcase_add_test(t, plic_callback_reports_each_transition_once);
    tcase_add_test(t, plic_disabling_a_source_lowers_the_notification);
    tcase_add_test(t, plic_absent_contexts_read_zero_and_ignore_writes);
    tcase_add_test(t, plic_8byte_access_acts_on_two_consecutive_registers_lower_first);
    tcase_add_test(t, plic_byte_and_halfword_accesses_fault);
    tcase_add_test(t, plic_supports_source_1023_with_1024_ids);
    tcase_add_test(t, plic_reset_clears_registers_lowers_notifications_and_reforwards_high_lines);
    tcase_add_test(t, plic_describe_lists_pending_claimed_lines_and_notifying_contexts);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *r = srunner_create(plic_suite());
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? 1 : 0;
}
