#!/usr/bin/env python3
"""Writes starting inputs for each fuzz target into OUT/<target>/ (run-fuzzers.sh uses them once to
grow tests/fuzz/corpus). Real programs come from ELF files given with --elf (e.g. the examples and
tests/isa binaries of a build); everything else is built here: valid ring layouts, real gdb
sessions, option strings, disk requests."""
import argparse, os, struct, subprocess, tempfile

def w(out, target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)

def text_of(elf):
    with tempfile.NamedTemporaryFile(suffix='.bin') as t:
        r = subprocess.run(['riscv64-unknown-elf-objcopy', '-O', 'binary', '-j', '.text', '-j', '.text.init', elf, t.name],
                           capture_output=True)
        if r.returncode:
            return b''
        return open(t.name, 'rb').read()

def exec_seed(flags, pte, drop, csrs, regs, code):
    b = bytes([flags, pte]) + struct.pack('<I', drop)[:3]
    b += bytes([len(csrs)]) + b''.join(bytes([i]) + struct.pack('<Q', v) for i, v in csrs)
    b += bytes([len(regs)]) + b''.join(bytes([r]) + struct.pack('<Q', v) for r, v in regs)
    return b + code

def gdb_pkt(s):
    if isinstance(s, str):
        s = s.encode()
    return b'$' + s + b'#' + ('%02x' % (sum(s) & 0xff)).encode()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--elf', action='append', default=[])
    a = ap.parse_args()
    out = a.out

    # elf: the programs themselves, plus truncated copies.
    for i, e in enumerate(a.elf[:12]):
        data = open(e, 'rb').read()
        w(out, 'elf', 'prog%02d' % i, data)
        w(out, 'elf', 'prog%02d-cut' % i, data[:len(data) // 3])

    # exec: real instruction streams from the programs' code, in M, S and U, bare and paged.
    PTE_ALL = 0xdf  # V R W X U A D (G clear)
    n = 0
    for e in a.elf[:12]:
        code = text_of(e)[:3000]
        if not code:
            continue
        for flags, pte in ((3, 0), (1, 0), (0, 0), (4 | 3, 0), (8 | 1, PTE_ALL & ~0x10), (8 | 0, PTE_ALL),
                           (8 | 0x20 | 1, PTE_ALL & ~0x10), (8 | 0x30 | 0, PTE_ALL)):
            w(out, 'exec', 'code%03d' % n, exec_seed(flags, pte, 0, [(3, 0x222), (1, 0xb1ff)], [], code))
            n += 1
    # A few hand-made ones: compressed code, traps, fp, amo, interrupts.
    hand = [
        (3, [], struct.pack('<HHHH', 0x4505, 0x0505, 0x9002, 0x8082)),               # c.li, c.addi, c.ebreak, c.ret
        (1, [(1, 0xffff)], struct.pack('<IIII', 0x00000073, 0x10200073, 0x30200073, 0x10500073)),  # ecall sret mret wfi
        (3, [(0, 0x6000)], struct.pack('<IIII', 0x0000b007, 0x02b57553, 0x100525af, 0x18b5262f)),  # fld fadd lr sc
        (0x43, [(3, 0x80), (0, 0x8)], struct.pack('<III', 0x00000013, 0x00000013, 0x0000006f)),   # MTIP pending
    ]
    for i, (flags, csrs, code) in enumerate(hand):
        w(out, 'exec', 'hand%02d' % i, exec_seed(flags, 0, 0, csrs, [(10, 0x80000100)], code))

    # virtqueue: per device, a driver start, a two-descriptor chain, made available with a notify.
    def vq(sel, chain, qsel=0, size=4, extra=b''):
        ops = bytes([sel])
        ops += bytes([3, qsel, size]) + struct.pack('<II', 0, 0) + struct.pack('<HHH', 0x1000, 0x2000, 0x3000)
        for i, (off, ln, fl) in enumerate(chain):
            nxt = i + 1
            ops += bytes([4, qsel, i]) + struct.pack('<HH', off, ln) + bytes([fl | (1 if i + 1 < len(chain) else 0), nxt])
        ops += bytes([5, qsel, 0, 2])
        return ops + extra
    blk_req = [(0x4000, 16, 0), (0x5000, 512, 2), (0x6000, 1, 2)]
    w(out, 'virtqueue', 'blk-read', vq(0, blk_req, extra=bytes([2]) + struct.pack('<HB', 0x4000, 16) + bytes(16)))
    w(out, 'virtqueue', 'blk-write', vq(0, [(0x4000, 16, 0), (0x5000, 512, 0), (0x6000, 1, 2)],
                                        extra=bytes([2]) + struct.pack('<HB', 0x4000, 4) + b'\x01\0\0\0'))
    w(out, 'virtqueue', 'net-tx', vq(1, [(0x4000, 60, 0)], qsel=1))
    w(out, 'virtqueue', 'net-rx', vq(1, [(0x4000, 1526, 2)], qsel=0, extra=bytes([7, 0]) + struct.pack('<H', 60)))
    w(out, 'virtqueue', 'rng', vq(2, [(0x4000, 64, 2)]))
    w(out, 'virtqueue', 'input-kbd', vq(3, [(0x4000, 8, 2)], extra=bytes([7, 3]) + struct.pack('<HHI', 1, 30, 1)))
    w(out, 'virtqueue', 'input-status', vq(3, [(0x4000, 8, 0)], qsel=1))
    w(out, 'virtqueue', 'indirect', vq(0, [(0x4000, 48, 4)]))

    # options: mem, smp, isa, append, net, drives.
    for i, s in enumerate([
        '128M\n1\nrv64gc\nconsole=ttyS0 earlycon\nnone\ndisk.img',
        '2G\n4\nrv64imac_zba_zbb_zbs\nroot=/dev/vda rw\nuser,hostfwd=tcp:127.0.0.1:2222-:22\na.img,ro\nb.img,cache=writethrough',
        '64MiB\n8\nrv64g_zicsr_zifencei_sstc\n\nuser,restrict=on\nx,,y.img,ro,cache=writeback',
        '4096\n0x2\nrv64i\n',
        '1T\n9\nrv32gc\nquiet\ntap\n,ro',
        '16m\n2\nRV64IMAFDC_Zicbom_Zicboz\ninit=/init\nuser,hostfwd=udp::5555-10.0.2.15:53\nd1\nd2\nd3\nd4\nd5\nd6\nd7',
    ]):
        w(out, 'options', 'opt%02d' % i, s.encode())

    # gdb_packet: sessions as gdb-multiarch opens them, then commands.
    S = lambda *p: b''.join(gdb_pkt(x) if isinstance(x, str) else x for x in p)
    w(out, 'gdb_packet', 'attach', S('qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+', b'+', 'vMustReplyEmpty',
                                       'qXfer:features:read:target.xml:0,ffb', 'qXfer:features:read:target.xml:ffb,ffb',
                                       'Hg0', 'qTStatus', '?', 'qfThreadInfo', 'qsThreadInfo', 'qAttached', 'Hc-1', 'qC',
                                       'g', 'p20', 'p41', 'p365', 'p1065', 'qOffsets', 'qSymbol::', 'D'))
    w(out, 'gdb_packet', 'memory', S('m80000000,40', 'M80000100,4:13000000', 'X80000104,4:\x13\0\0\0', 'm80000100,8',
                                     'mffffffffffffff00,100', 'P0a=0100000000000000', 'p0a', 'G' + '00' * 8 * 33, 'k'))
    w(out, 'gdb_packet', 'run', S('Z0,80000008,4', 'vCont?', 'vCont;c', 'z0,80000008,4', 'vCont;s:1', 's', 'Z2,80001100,8',
                                  'c', b'\x03', 'z2,80001100,8', 'Z4,80001100,8', 'vCont;c:2', b'\x03', 'Hc2', 'c', b'\x03',
                                  'qThreadExtraInfo,2', 'T2', 'D'))
    w(out, 'gdb_packet', 'noise', b'+-\x03$?#00$g#67-' + S('qSupported') + b'$m0,1#zz$' + b'A' * 100 + b'#00')

    # disk: flags, size, seed, then requests (type, sector, length, splits).
    def disk(flags, sectors, reqs):
        b = bytes([flags]) + struct.pack('<H', sectors - 1) + bytes([4]) + b'\x11\x22\x33\x44'
        for t, ssel, lsel, splits in reqs:
            b += bytes([t, ssel, lsel, splits])
        return b
    w(out, 'disk', 'rw', disk(0, 16, [(1, 0, 2, 0), (0, 0, 2, 1), (2, 0, 0, 0), (3, 0, 0x80, 0), ]))
    w(out, 'disk', 'ro', disk(1, 8, [(1, 0, 1, 0), (0, 1 | (2 << 2), 4, 2)]))
    w(out, 'disk', 'discard', disk(2, 32, [(4, 0, 0x80, 0)]) + struct.pack('<H', 16) + b'\x00' + b'\x01\x04' + b'\x05\x08')
    w(out, 'disk', 'zeroes', disk(0, 32, [(5, 0, 0x80, 0)]) + struct.pack('<H', 32) + b'\x02\x04\x41' + struct.pack('<I', 1) + b'\x03\x02')

    # p9fs: mode (1: Tversion + Tattach fid 1 first, 2: read-only), then type tag len body messages.
    def s9(x):
        x = x.encode() if isinstance(x, str) else x
        return struct.pack('<H', len(x)) + x
    def m9(t, *fields):
        body = b''.join(fields)
        return bytes([t]) + struct.pack('<HH', 7, len(body)) + body
    I = lambda v: struct.pack('<I', v)
    Q = lambda v: struct.pack('<Q', v)
    walk = lambda fid, new, *names: m9(110, I(fid), I(new), struct.pack('<H', len(names)), *[s9(n) for n in names])
    w(out, 'p9fs', 'read', bytes([1]) + walk(1, 2, 'a') + m9(12, I(2), I(0)) + m9(116, I(2), Q(0), I(100)) +
      m9(24, I(2), Q(0x7ff)) + m9(120, I(2)))
    w(out, 'p9fs', 'create', bytes([1]) + walk(1, 2) + m9(14, I(2), s9('n'), I(2), I(0o644), I(0)) +
      m9(118, I(2), Q(0), I(3), b'abc') + m9(50, I(2)) + m9(26, I(2), I(8 | 1), I(0o600), I(0), I(0), Q(1), Q(0), Q(0), Q(0), Q(0)))
    w(out, 'p9fs', 'dir', bytes([1]) + walk(1, 2, 'd') + m9(12, I(2), I(0)) + m9(40, I(2), Q(0), I(4096)) +
      m9(72, I(1), s9('m'), I(0o755), I(0)) + m9(16, I(1), s9('l'), s9('../../x'), I(0)) + m9(22, I(3)) +
      m9(74, I(1), s9('a'), I(1), s9('b')) + m9(76, I(1), s9('m'), I(0x200)) + m9(8, I(1)))
    w(out, 'p9fs', 'escape', bytes([1]) + walk(1, 2, '..', 'up', 'secret.txt') + walk(1, 3, 'up') + m9(12, I(3), I(0)) +
      walk(1, 4, 's') + m9(12, I(4), I(2)) + m9(70, I(1), I(4), s9('h')) + m9(20, I(4), I(1), s9('..')) +
      m9(18, I(1), s9('dev'), I(0o20666), I(1), I(3), I(0)) + walk(1, 5, 'abs', 'etc'))
    w(out, 'p9fs', 'lock', bytes([1]) + walk(1, 2, 'a') + m9(12, I(2), I(2)) +
      m9(52, I(2), b'\x01', I(0), Q(0), Q(10), I(5), s9('c')) + m9(54, I(2), b'\x00', Q(5), Q(1), I(6), s9('d')) +
      m9(108, struct.pack('<H', 7)) + m9(30, I(1), I(9), s9('user.x')))
    w(out, 'p9fs', 'raw', bytes([3]) + b'\xff' + struct.pack('<H', 11) + I(200) + b'\x78\x07\x00\x01\x00\x00\x00')

if __name__ == '__main__':
    main()
