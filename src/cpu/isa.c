/* ISA naming (unprivileged spec ch. 27 "ISA Extension Naming Conventions"). */
#include "isa.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "decode.h"

#include <vhart/machine.h>

/* Multi-letter extensions in canonical order (unpriv spec 27.11): Z extensions by category
 * letter (i before b), alphabetically within a category, then S extensions. */
static const struct { const char *name; uint32_t ext; } multi[] = {
    { "zicbom", EXT_ZICBOM }, { "zicboz", EXT_ZICBOZ }, { "zicond", EXT_ZICOND }, { "zicsr", EXT_ZICSR },
    { "zifencei", EXT_ZIFENCEI }, { "zihintpause", EXT_ZIHINTPAUSE },
    { "zba", EXT_ZBA }, { "zbb", EXT_ZBB }, { "zbs", EXT_ZBS },
    { "sdtrig", EXT_SDTRIG }, { "sstc", EXT_SSTC },
};

uint32_t isa_supported(void)
{
    return EXT_I | EXT_M | EXT_A | EXT_C | EXT_F | EXT_D | EXT_CD | EXT_ZICSR | EXT_ZIFENCEI | EXT_S | EXT_ZBA | EXT_ZBB | EXT_ZBS |
           EXT_ZICOND | EXT_ZICBOM | EXT_ZICBOZ | EXT_ZIHINTPAUSE | EXT_SDTRIG | EXT_SSTC | EXT_H;
}

int isa_parse(const char *s, uint32_t *ext, char *err, size_t err_len)
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
    uint32_t e = EXT_S;   /* S and U modes are part of the privileged architecture vhart models */
    char *p = buf + 4;
    for (; *p && *p != '_'; p++) {
        switch (*p) {
        case 'i': e |= EXT_I; break;
        case 'm': e |= EXT_M; break;
        case 'a': e |= EXT_A; break;
        case 'c': e |= EXT_C | EXT_CD; break;
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
        uint32_t found = 0;
        for (size_t i = 0; i < sizeof(multi) / sizeof(multi[0]); i++)
            if (strcmp(name, multi[i].name) == 0) found = multi[i].ext;
        if (!found && *name) {
            snprintf(err, err_len, "--isa %s: unknown extension '%s'", s, name);
            return -1;
        }
        e |= found;
        *p = saved;
    }
    if (!(e & EXT_D)) e &= ~EXT_CD;   /* c.fld and friends need both C and D */
    if (!(e & EXT_I)) {
        snprintf(err, err_len, "--isa %s: the base integer ISA 'i' (or 'g') is required", s);
        return -1;
    }
    /* Instructions needing Zicsr (CSR access) are always decodable through it: keep it on. */
    *ext = e | EXT_ZICSR;
    return 0;
}

void isa_format(uint32_t ext, char *buf, size_t len)
{
    size_t o = (size_t)snprintf(buf, len, "rv64i");
    static const struct { char c; uint32_t ext; } single[] = {
        { 'm', EXT_M }, { 'a', EXT_A }, { 'f', EXT_F }, { 'd', EXT_D }, { 'c', EXT_C }, { 'h', EXT_H },
    };
    for (size_t i = 0; i < sizeof(single) / sizeof(single[0]) && o + 1 < len; i++)
        if (ext & single[i].ext) buf[o++] = single[i].c, buf[o] = 0;
    for (size_t i = 0; i < sizeof(multi) / sizeof(multi[0]); i++)
        if ((ext & multi[i].ext) && o < len) o += (size_t)snprintf(buf + o, len - o, "_%s", multi[i].name);
}

int vhart_parse_isa(const char *s, uint32_t *ext, char *err, size_t err_len) { return isa_parse(s, ext, err, err_len); }
