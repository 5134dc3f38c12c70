/* The REPL's commands on the machine as a whole: trace, screenshot, savevm, loadvm, reset. */
#include <string.h>

#include "debug/monitor.h"
#include "host/png_write.h"
#include "repl_internal.h"

enum cmd_result cmd_trace(int argc, char **argv)
{
    char err[512] = "";
    if (argc == 2 && !strcmp(argv[1], "off")) {
        if (vdbg_trace(repl.m, NULL, false, err, sizeof(err))) return repl_fail("trace off: %s", err[0] ? err : "failed");
        repl_printf("Tracing off.\n");
        return CMD_STAY;
    }
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "on")) {
        bool disasm = argc == 4 && !strcmp(argv[3], "disasm");
        if (argc == 4 && !disasm) return repl_fail("usage: trace on FILE [disasm] | trace off");
        if (vdbg_trace(repl.m, argv[2], disasm, err, sizeof(err))) return repl_fail("trace: %s", err[0] ? err : argv[2]);
        repl_printf("Tracing retired instructions to %s%s.\n", argv[2], disasm ? " with disassembly" : "");
        return CMD_STAY;
    }
    return repl_fail("usage: trace on FILE [disasm] | trace off");
}

enum cmd_result cmd_screenshot(int argc, char **argv)
{
    char err[512];
    if (argc != 2) return repl_fail("usage: screenshot FILE");
    if (screenshot_save(repl.m, argv[1], err, sizeof(err))) return repl_fail("screenshot: %s", err);
    repl_printf("Saved the framebuffer to %s.\n", argv[1]);
    return CMD_STAY;
}

enum cmd_result cmd_savevm(int argc, char **argv)
{
    char out[1024];
    if (argc != 2) return repl_fail("usage: savevm FILE");
    monitor_savevm(repl.m, argv[1], out, sizeof(out));
    repl_printf("%s\n", out);
    return CMD_STAY;
}

enum cmd_result cmd_loadvm(int argc, char **argv)
{
    char out[1024];
    if (argc != 2) return repl_fail("usage: loadvm FILE");
    if (monitor_loadvm(repl.m, argv[1], out, sizeof(out)) == 0) {
        /* The machine is the saved one now: running again, wherever it was before. */
        repl.exited = false;
        repl.exit_code = 0;
        if (repl.hart >= vdbg_harts(repl.m)) repl.hart = 0;
    }
    repl_printf("%s\n", out);
    return CMD_STAY;
}


enum cmd_result cmd_reset(int argc, char **argv)
{
    char a[320];
    (void)argv;
    if (argc != 1) return repl_fail("usage: reset");
    int rc = vdbg_reset(repl.m);
    if (rc) return repl_fail("reset: %s", repl_strerror(rc));
    repl.exited = false;   /* after a poweroff too, the machine runs again */
    repl.exit_code = 0;
    repl_printf("Reset: %u hart%s, hart %u at %s (%s-mode)\n", vdbg_harts(repl.m), vdbg_harts(repl.m) == 1 ? "" : "s",
                repl.hart, repl_fmt_addr(repl_hart_pc(repl.hart), a, sizeof(a)),
                repl_priv_letter(repl_hart_priv(repl.hart)));
    return CMD_STAY;
}
