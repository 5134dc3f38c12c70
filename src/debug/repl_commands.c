/* The REPL's command table (name, alias, usage, help, handler), its lookup, help, and how a line
 * is split into words and run. Adding a command: a handler in the file of its family, a line here. */
#include <string.h>

#include "repl_internal.h"
#include "repl_parse.h"

static enum cmd_result cmd_quit(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return CMD_QUIT;
}

static enum cmd_result cmd_help(int argc, char **argv);

const struct command repl_commands[] = {
    { "step", "s", cmd_step, "step [N]", "execute N instructions (default 1) on the selected hart",
      "Execute N instructions on the selected hart (the others wait), printing each new pc with its\n"
      "symbol+offset and disassembly (only the last one when N > 200). Stops early at a watchpoint.\n"
      "An empty line repeats the last step or next.", REPL_RESUMES },
    { "next", "n", cmd_next, "next", "step over a call",
      "Like step, but when the instruction is a call (jal/jalr/c.jalr linking ra or t0), run until it\n"
      "returns to the next instruction (a breakpoint or watchpoint on the way stops earlier).", REPL_RESUMES },
    { "continue", "c", cmd_continue, "continue", "run every hart until a breakpoint, watchpoint or Ctrl-A c",
      "Leave the debugger and run all harts until a breakpoint or watchpoint hits, the machine powers\n"
      "off, or you press Ctrl-A c on the console.", REPL_RESUMES },
    { "rstep", "rs", cmd_rstep, "rstep [N]", "go back N instructions (default 1) on the selected hart",
      "Reverse step: put the machine back where it was N instructions (or traps) ago on the selected\n"
      "hart, and print that place as step does. Needs --icount (info record shows the history).", REPL_RESUMES },
    { "rnext", NULL, cmd_rnext, "rnext", "go back one instruction, over a call",
      "Reverse next: like rstep, but when the instruction before is a call that has returned, go back\n"
      "to the call itself rather than into the callee.", REPL_RESUMES },
    { "rcontinue", "rc", cmd_rcontinue, "rcontinue", "go back to the previous breakpoint or watchpoint hit",
      "Reverse continue: go back to the last time a breakpoint hit (before its instruction) or a\n"
      "watchpoint hit (just after the access, as continue stops), or to the start of the history.", REPL_RESUMES },
    { "until", "u", cmd_until, "until ADDR", "run until the selected hart reaches ADDR",
      "Run every hart until the selected hart's pc equals ADDR (a temporary breakpoint), or another stop.", REPL_RESUMES },
    { "break", "b", cmd_break, "break [ADDR|SYMBOL] [phys] [if EXPR]", "set a breakpoint (default: at pc)",
      "Set a breakpoint at ADDR, a virtual address as the hart sees it through its current translation,\n"
      "or with phys a physical address. ADDR may be 0xHEX, DECIMAL, SYMBOL, SYMBOL+OFFSET or $REG.\n"
      "With if EXPR, continue and until stop there only when EXPR is not zero on the hart that hit it:\n"
      "registers (a0, $sp, pc, CSRs), symbols, numbers, *(u8|u16|u32|u64*)ADDR, mem[ADDR] (8 bytes),\n"
      "== != < <= > >= (unsigned) && || | & + - ! ~ and parentheses: b tick if a0 == 5 && *(u32*)sp > 2",
      REPL_TAKES_IF },
    { "watch", "w", cmd_watch, "watch [r|w|rw] ADDR [LEN] [phys] [if EXPR]",
      "stop on a read, write or either, of LEN bytes",
      "Set a watchpoint on LEN bytes (default 8) at ADDR: r stops on loads, w (the default) on stores,\n"
      "rw on either. The access completes, then the machine stops and shows the value now there.\n"
      "With if EXPR, only when EXPR holds after the access (help break has the expressions).",
      REPL_TAKES_IF },
    { "delete", "d", cmd_delete, "delete [ID...]", "delete breakpoints or watchpoints (all without ID)",
      "Delete the breakpoints or watchpoints with these numbers (info break lists them); with no number,\n"
      "delete all of them.", 0 },
    { "info", NULL, cmd_info, "info break | info regs | info record", "list breakpoints and watchpoints / registers",
      "info break lists breakpoints and watchpoints with their hit counts; info regs is regs; info record\n"
      "shows the execution history reverse commands can travel (instructions, checkpoints, memory).", 0 },
    { "regs", "r", cmd_regs, "regs", "x registers with ABI names, pc and privilege",
      "Print pc (with its symbol), the privilege level and x0-x31 by ABI name, four per line.", 0 },
    { "fregs", NULL, cmd_fregs, "fregs", "FP registers f0-f31 and fcsr",
      "Print f0-f31 by ABI name in hex and as a double (or a float, when NaN-boxed), and fcsr.", 0 },
    { "csr", NULL, cmd_csr, "csr NAME|all", "a CSR with its fields decoded, or all of them",
      "Print a CSR by name or number (csr mstatus, csr 0x300). Fields are decoded for mstatus/sstatus,\n"
      "mip/mie/sip/sie, satp, mcause/scause, mtvec/stvec, mepc/sepc and fcsr. csr all prints every\n"
      "implemented CSR (zero PMP and performance counter registers left out).", 0 },
    { "x", "mem", cmd_x, "x ADDR [LEN] [phys]", "hex dump LEN bytes (default 64) of memory",
      "Hex dump LEN bytes (default 64) at ADDR, 16 bytes a line with their ASCII. Virtual addresses go\n"
      "through the hart's current translation without touching A/D bits or the TLB; phys reads physical\n"
      "memory. Device registers are not read (reading them could have side effects).", 0 },
    { "disas", NULL, cmd_disas, "disas [ADDR] [N]", "disassemble N instructions (default: 10 at pc)",
      "Disassemble N instructions (default 10) from ADDR (default pc); => marks the pc.", 0 },
    { "translate", "t", cmd_translate, "translate VA [fetch]", "walk the page table for VA, level by level",
      "Translate VA as a load (or with fetch, an instruction fetch) by the selected hart would, showing\n"
      "each level of the walk (PTE address, PTE, flags RWXUGAD), then the physical address and page\n"
      "size, or the fault the access would take.", 0 },
    { "pagetable", "pt", cmd_pagetable, "pagetable", "the current address space as mapped ranges",
      "List the selected hart's address space (satp's table) as ranges of contiguous pages with the\n"
      "same permissions: VA-VA -> PA  RWXU size.", 0 },
    { "tlb", NULL, cmd_tlb, "tlb", "the selected hart's valid software TLB entries",
      "List the valid entries of the hart's software TLB: kind (r, w, x), set, VA page -> PA page.", 0 },
    { "devices", "dev", cmd_devices, "devices", "the state of each device",
      "One line per device: UART registers, PLIC pending/enabled, CLINT mtime/mtimecmp, RTC and the\n"
      "virtio slots with their queues.", 0 },
    { "hart", NULL, cmd_hart, "hart [N]", "select hart N (or show the selected one)",
      "Select the hart that step, regs, x, translate and the others act on.", 0 },
    { "trace", NULL, cmd_trace, "trace on FILE [disasm] | trace off", "log retired instructions to FILE",
      "Write one line per retired instruction to FILE in Spike's --log-commits format (with disasm, the\n"
      "disassembly too); trace off stops.", 0 },
    { "screenshot", NULL, cmd_screenshot, "screenshot FILE", "save the display to FILE",
      "Save the display's contents to FILE (needs a display; this machine has none yet).", 0 },
    { "savevm", NULL, cmd_savevm, "savevm FILE", "save the whole machine to a snapshot file",
      "Save every hart, device, the RAM the guest touched and its disks' identity to FILE (zstd-\n"
      "compressed; docs/snapshots.md). vhart --loadvm FILE, or loadvm FILE here, goes on from this point.", 0 },
    { "loadvm", NULL, cmd_loadvm, "loadvm FILE", "load a snapshot into this machine",
      "Load FILE, a snapshot of a machine with this configuration: harts, devices, RAM and clocks take\n"
      "the saved state (breakpoints stay). A bad or foreign file is refused and the machine left as it was.", 0 },
    { "set", NULL, cmd_set, "set REG VALUE | set mem ADDR VALUE [SIZE] [phys]", "write a register, a CSR or memory",
      "set REG VALUE writes x0-x31 (by number or ABI name), pc, fN or a CSR (through the hart's CSR\n"
      "write, so WARL fields and side effects such as satp's apply) and prints what it now holds. For\n"
      "fN, a number with a point or exponent (1.5, -2e3, inf) is a double, with an f suffix a NaN-boxed\n"
      "single (1.5f); an integer is the raw bits. set mem writes VALUE as SIZE bytes (1, 2, 4, 8 or\n"
      "b, h, w, d; default 8), little-endian, at a virtual address (or phys) as the hart would.", 0 },
    { "dump", NULL, cmd_dump, "dump ADDR LEN FILE [phys]", "write LEN bytes of memory to FILE",
      "Write LEN bytes at ADDR (virtual through the hart's translation, or phys) to FILE. A fault is\n"
      "reported by name with its address, and nothing is written.", 0 },
    { "load", NULL, cmd_load, "load FILE ADDR [phys]", "copy FILE into memory at ADDR",
      "Copy FILE's bytes into guest memory at ADDR (virtual through the hart's translation, or phys).\n"
      "Decoded code there is dropped, so the hart runs the new bytes.", 0 },
    { "reset", NULL, cmd_reset, "reset", "reset the machine as a reboot does",
      "Reset the whole machine as a guest reboot does: RAM images loaded again, devices reset, every\n"
      "hart back at the boot ROM in M-mode. Breakpoints and watchpoints stay.", 0 },
    { "print", "p", cmd_print, "print EXPR", "evaluate an address expression",
      "Evaluate EXPR (0xHEX, DECIMAL, SYMBOL, $REG joined by + and -) and print it with its symbol.", 0 },
    { "help", "h", cmd_help, "help [COMMAND]", "list the commands, or explain one", "Try it.", 0 },
    { "quit", "q", cmd_quit, "quit", "leave vhart", "Leave vhart (Ctrl-D does the same).", REPL_RESUMES },
};
const size_t repl_ncommands = sizeof(repl_commands) / sizeof(repl_commands[0]);

/* Exact name or alias, else a unique prefix of a name. Prints the error itself. */
const struct command *repl_find_command(const char *name, bool quiet)
{
    const struct command *match = NULL;
    int matches = 0;
    for (size_t i = 0; i < repl_ncommands; i++)
        if (!strcmp(repl_commands[i].name, name) || (repl_commands[i].alias && !strcmp(repl_commands[i].alias, name)))
            return &repl_commands[i];
    for (size_t i = 0; i < repl_ncommands; i++)
        if (!strncmp(repl_commands[i].name, name, strlen(name))) {
            match = &repl_commands[i];
            matches++;
        }
    if (matches == 1) return match;
    if (quiet) return NULL;
    if (matches == 0) {
        repl_fail("unknown command \"%s\" (help lists them)", name);
    } else {
        repl_printf("ambiguous command \"%s\":", name);
        for (size_t i = 0; i < repl_ncommands; i++)
            if (!strncmp(repl_commands[i].name, name, strlen(name))) repl_printf(" %s", repl_commands[i].name);
        repl_putc('\n');
    }
    return NULL;
}

static enum cmd_result cmd_help(int argc, char **argv)
{
    if (argc > 2) return repl_fail("usage: help [COMMAND]");
    if (argc == 2) {
        const struct command *c = repl_find_command(argv[1], false);
        if (!c) return CMD_STAY;
        repl_printf("usage: %s%s%s%s\n%s\n", c->usage, c->alias ? "   (alias: " : "", c->alias ? c->alias : "",
               c->alias ? ")" : "", c->help);
        return CMD_STAY;
    }
    repl_printf("Commands (help COMMAND for more; ADDR is 0xHEX, DECIMAL, SYMBOL[+OFF] or $REG):\n");
    for (size_t i = 0; i < repl_ncommands; i++) {
        char head[64];
        snprintf(head, sizeof(head), "%s%s%s", repl_commands[i].name, repl_commands[i].alias ? "/" : "",
                 repl_commands[i].alias ? repl_commands[i].alias : "");
        repl_printf("  %-13s %s\n", head, repl_commands[i].summary);
    }
    repl_printf("Empty line: repeat the last step/next. Tab completes commands, registers ($a0), CSRs and symbols.\n");
    return CMD_STAY;
}

/* Run one line: words, and for break and watch an `if CONDITION` tail (repl.cond). */
enum cmd_result repl_execute(char *line)
{
    char *argv[REPL_MAX_ARGS + 1], *cond;
    int argc = repl_split(line, argv, REPL_MAX_ARGS, &cond);
    if (argc < 0) return repl_fail("too many arguments");
    if (argc == 0) return cond ? repl_fail("a condition needs a command before it: break ADDR if EXPR") : CMD_STAY;
    const struct command *c = repl_find_command(argv[0], false);
    if (!c) return CMD_STAY;
    if (cond && !(c->flags & REPL_TAKES_IF)) return repl_fail("%s takes no condition (only break and watch do)", c->name);
    repl.cond = cond;
    enum cmd_result r = c->run(argc, argv);
    repl.cond = NULL;
    return r;
}
