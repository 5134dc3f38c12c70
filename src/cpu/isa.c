/* ISA naming (unprivileged spec ch. 27 "ISA Extension Naming Conventions"). */
#include "isa.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "decode.h"

#include <vhart/machine.h>

/* Multi-letter extensions in canonical order (unpriv spec 27.11): Z extensions by category
 * letter (i before b), alphabetically within a category, then S extensions. */
static const struct { const char *name; uint64_t ext; } multi[] = {
    { "zicbom", EXT_ZICBOM }, { "zicboz", EXT_ZICBOZ }, { "zicond", EXT_ZICOND }, { "zicsr", EXT_ZICSR },
    { "zifencei", EXT_ZIFENCEI }, { "zihintntl", EXT_ZIHINTNTL }, { "zihintpause", EXT_ZIHINTPAUSE },
    { "zimop", EXT_ZIMOP },
    { "zawrs", EXT_ZAWRS },
    { "zfa", EXT_ZFA }, { "zfh", EXT_ZFH }, { "zfhmin", EXT_ZFHMIN },
    { "zcb", EXT_ZCB }, { "zcmop", EXT_ZCMOP },
    { "zba", EXT_ZBA }, { "zbb", EXT_ZBB }, { "zbc", EXT_ZBC }, { "zbkb", EXT_ZBKB }, { "zbkc", EXT_ZBKC },
    { "zbkx", EXT_ZBKX }, { "zbs", EXT_ZBS },
    { "sdtrig", EXT_SDTRIG }, { "sscofpmf", EXT_SSCOFPMF }, { "sstc", EXT_SSTC }, { "svadu", EXT_SVADU }, { "svinval", EXT_SVINVAL },
    { "svpbmt", EXT_SVPBMT },
};

uint64_t isa_derive(uint64_t e)
{
    /* Implied extensions (each spec's "depends on"): Zfh includes Zfhmin, which needs F; Zfa needs F;
     * Zcb and Zcmop need C. */
    if (e & EXT_ZFH) e |= EXT_ZFHMIN;
    if (!(e & EXT_F)) e &= ~(EXT_ZFHMIN | EXT_ZFH | EXT_ZFA);
    if (!(e & EXT_C)) e &= ~(EXT_ZCB | EXT_ZCMOP);
    /* Derived pairs (decode.h): instructions that need two extensions at once. */
    e &= ~EXT_DERIVED;
    if ((e & (EXT_C | EXT_D)) == (EXT_C | EXT_D)) e |= EXT_CD;
    if ((e & (EXT_ZCB | EXT_M)) == (EXT_ZCB | EXT_M)) e |= EXT_ZCB_M;
    if ((e & (EXT_ZCB | EXT_ZBB)) == (EXT_ZCB | EXT_ZBB)) e |= EXT_ZCB_ZBB;
    if ((e & (EXT_ZCB | EXT_ZBA)) == (EXT_ZCB | EXT_ZBA)) e |= EXT_ZCB_ZBA;
    if ((e & (EXT_ZFHMIN | EXT_D)) == (EXT_ZFHMIN | EXT_D)) e |= EXT_ZFHMIN_D;
    if ((e & (EXT_ZFA | EXT_D)) == (EXT_ZFA | EXT_D)) e |= EXT_ZFA_D;
    if ((e & (EXT_ZFA | EXT_ZFH)) == (EXT_ZFA | EXT_ZFH)) e |= EXT_ZFA_H;
    if ((e & (EXT_H | EXT_SVINVAL)) == (EXT_H | EXT_SVINVAL)) e |= EXT_H_SVINVAL;
    return e;
}

uint64_t isa_supported(void)
{
    return isa_derive(EXT_I | EXT_M | EXT_A | EXT_C | EXT_F | EXT_D | EXT_ZICSR | EXT_ZIFENCEI | EXT_S | EXT_ZBA |
                      EXT_ZBB | EXT_ZBS | EXT_ZICOND | EXT_ZICBOM | EXT_ZICBOZ | EXT_ZIHINTPAUSE | EXT_SDTRIG |
                      EXT_SSTC | EXT_H | EXT_ZBC | EXT_ZBKB | EXT_ZBKC | EXT_ZBKX | EXT_ZCB | EXT_ZIMOP | EXT_ZCMOP |
                      EXT_ZAWRS | EXT_ZIHINTNTL | EXT_SVINVAL | EXT_SVPBMT | EXT_SVADU | EXT_ZFHMIN | EXT_ZFH |
                      EXT_ZFA | EXT_SSCOFPMF);
}

int isa_parse(const char *s, uint64_t *ext, char *err, size_t err_len)
{
    char buf[256];
    size_t n = strlen(s);
    if (n >= sizeof(buf)) {
        snprintf(err, err_len, "--isa: string too long");
        return -1;
    }
    for (size_t i = 0; i <= n; i++) buf[i] = (char)tolower((unsigned char)s[i]);
    if (strncmp(buf, "rv64", 4) != 0) {
        snprintf(err, err_len, "--isa %s: must start with rv64", s);
        return -1;
    }
    uint64_t e = EXT_S;   /* S and U modes are part of the privileged architecture vhart models */
    char *p = buf + 4;
    for (; *p && *p != '_'; p++) {
        switch (*p) {
        case 'i': e |= EXT_I; break;
        case 'm': e |= EXT_M; break;
        case 'a': e |= EXT_A; break;
        case 'c': e |= EXT_C; break;
        case 'g': e |= EXT_I | EXT_M | EXT_A | EXT_F | EXT_D | EXT_ZICSR | EXT_ZIFENCEI; break;
        case 'f': e |= EXT_F | EXT_ZICSR; break;
        case 'd': e |= EXT_D | EXT_F | EXT_ZICSR; break;
        case 's': case 'u': break;
        case 'h': e |= EXT_H; break;   /* the hypervisor extension (needs S, always present) */
        default:
            snprintf(err, err_len, "--isa %s: unknown extension '%c'", s, *p);
            return -1;
        }
    }
    while (*p == '_') {
        char *name = ++p;
        while (*p && *p != '_') p++;
        char saved = *p;
        *p = 0;
        uint64_t found = 0;
        for (size_t i = 0; i < sizeof(multi) / sizeof(multi[0]); i++)
            if (strcmp(name, multi[i].name) == 0) found = multi[i].ext;
        if (!found && *name) {
            snprintf(err, err_len, "--isa %s: unknown extension '%s'", s, name);
            return -1;
        }
        e |= found;
        *p = saved;
    }
    /* An extension named without what it depends on is refused rather than silently dropped. */
    static const struct { uint64_t ext, needs; const char *name, *needs_name; } deps[] = {
        { EXT_ZFH, EXT_F, "zfh", "f" }, { EXT_ZFHMIN, EXT_F, "zfhmin", "f" }, { EXT_ZFA, EXT_F, "zfa", "f" },
        { EXT_ZCB, EXT_C, "zcb", "c" }, { EXT_ZCMOP, EXT_C, "zcmop", "c" },
    };
    for (size_t i = 0; i < sizeof(deps) / sizeof(deps[0]); i++)
        if ((e & deps[i].ext) && !(e & deps[i].needs)) {
            snprintf(err, err_len, "--isa %s: %s needs '%s'", s, deps[i].name, deps[i].needs_name);
            return -1;
        }
    e = isa_derive(e);
    if (!(e & EXT_I)) {
        snprintf(err, err_len, "--isa %s: the base integer ISA 'i' (or 'g') is required", s);
        return -1;
    }
    /* Instructions needing Zicsr (CSR access) are always decodable through it: keep it on. */
    *ext = e | EXT_ZICSR;
    return 0;
}

void isa_format(uint64_t ext, char *buf, size_t len)
{
    size_t o = (size_t)snprintf(buf, len, "rv64i");
    static const struct { char c; uint64_t ext; } single[] = {
        { 'm', EXT_M }, { 'a', EXT_A }, { 'f', EXT_F }, { 'd', EXT_D }, { 'c', EXT_C }, { 'h', EXT_H },
    };
    for (size_t i = 0; i < sizeof(single) / sizeof(single[0]) && o + 1 < len; i++)
        if (ext & single[i].ext) buf[o++] = single[i].c, buf[o] = 0;
    for (size_t i = 0; i < sizeof(multi) / sizeof(multi[0]); i++)
        if ((ext & multi[i].ext) && o < len) o += (size_t)snprintf(buf + o, len - o, "_%s", multi[i].name);
}

int vhart_parse_isa(const char *s, uint64_t *ext, char *err, size_t err_len) { return isa_parse(s, ext, err, err_len); }
