/* Floating point: the classic 5-body simulation in double precision (fadd, fmul, fdiv, fsqrt) and a
 * 32x32 matrix product; results compared bit for bit (built with -ffp-contract=off, no fused ops). */
#include "bench.h"

/* Expected results, from the same C built for the host (see bench.h). */
#define E0_WANT 0xbfbaa44261dfe77aull
#define E1_WANT 0x403ce7d4159add6cull
#define TR_WANT 0xc0cecd792c702a63ull

#define STEPS 30000
#define N 5
#define M 32

static double px[N], py[N], pz[N], vx[N], vy[N], vz[N], mass[N];
static double ma[M][M], mb[M][M], mc[M][M];

static uint64_t bits(double d)
{
    union { double d; uint64_t u; } v = { d };
    return v.u;
}

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < N; i++) {
        e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < N; j++) {
            double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
            e -= mass[i] * mass[j] / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt)
{
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * __builtin_sqrt(d2));
            vx[i] -= dx * mass[j] * mag; vy[i] -= dy * mass[j] * mag; vz[i] -= dz * mass[j] * mag;
            vx[j] += dx * mass[i] * mag; vy[j] += dy * mass[i] * mag; vz[j] += dz * mass[i] * mag;
        }
    for (int i = 0; i < N; i++) {
        px[i] += dt * vx[i]; py[i] += dt * vy[i]; pz[i] += dt * vz[i];
    }
}

int main(void)
{
    for (int i = 0; i < N; i++) {   /* a deterministic, bound-ish start: a heavy centre and four light bodies */
        double k = i;
        px[i] = i ? 1.5 * k : 0; py[i] = i ? 0.25 * k - 0.5 : 0; pz[i] = i ? 0.1 * k : 0;
        vx[i] = i ? -0.05 * k : 0; vy[i] = i ? 0.6 / k : 0; vz[i] = i ? 0.01 * k : 0;
        mass[i] = i ? 0.001 * k : 39.47841760435743;
    }
    double e0 = energy();
    for (int s = 0; s < STEPS; s++) advance(0.001);
    double e1 = energy();
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            ma[i][j] = (double)(i + 2 * j) / (double)(j + 1);
            mb[i][j] = (double)(i * j % 7) - 2.5;
        }
    double tr = 0;
    for (int rep = 0; rep < 20; rep++) {
        for (int i = 0; i < M; i++)
            for (int j = 0; j < M; j++) {
                double s = 0;
                for (int k = 0; k < M; k++) s += ma[i][k] * mb[k][j];
                mc[i][j] = s;
            }
        for (int i = 0; i < M; i++) { tr += mc[i][i]; ma[i][(i + rep) % M] += 0.125; }
    }
    return bench_check("energy before (bits)", bits(e0), BENCH_WANT(E0_WANT)) |
           bench_check("energy after (bits)", bits(e1), BENCH_WANT(E1_WANT)) |
           bench_check("matrix traces (bits)", bits(tr), BENCH_WANT(TR_WANT));
}
