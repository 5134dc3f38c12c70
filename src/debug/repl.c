/* The debugger REPL: one-screen commands (Spike's interactive mode, gdb's names) over the debug API
 * (include/vhart/debug.h), read with GNU readline. This file: the loop, reading lines, entry points;
 * the commands live in repl_commands.c and the files of their families. */
#include "repl.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cpu/isa.h"
#include "host/console.h"
#include "repl_internal.h"

/* ------------------------------------------------------------------------------------------------
 * Reading lines
 */

static void on_sigint(int sig)
{
    (void)sig;
    repl_sigint_seen = 1;
    if (repl.in_readline) {
        /* Like gdb and bash: drop the line, fresh prompt. */
        if (write(STDOUT_FILENO, "\n", 1) < 0) { }
        rl_on_new_line();
        rl_replace_line("", 0);
        rl_redisplay();
    } else if (repl.running && repl.m) {
        vdbg_request_stop(repl.m);
    }
}

/* Without a terminal: read a line byte by byte so that nothing after it is taken from the guest. */
static char *read_plain_line(void)
{
    size_t cap = 256, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    fputs(REPL_PROMPT, stdout);
    fflush(stdout);
    for (;;) {
        char c;
        ssize_t r = read(STDIN_FILENO, &c, 1);
        if (r == 1) {
            if (c == '\n') break;
            if (n + 1 == cap) {
                char *bigger = realloc(buf, cap *= 2);
                if (!bigger) break;
                buf = bigger;
            }
            buf[n++] = c;
            continue;
        }
        if (r == 0) {
            if (n) break;   /* a last line without a newline */
            free(buf);
            return NULL;
        }
        if (errno == EINTR) {
            if (repl_sigint_seen) {
                repl_sigint_seen = 0;
                n = 0;
                fputs("\n" REPL_PROMPT, stdout);
                fflush(stdout);
            }
            continue;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
            poll(&p, 1, -1);
            continue;
        }
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    if (!repl.use_readline) {   /* echo for logs of scripted sessions */
        fputs(buf, stdout);
        repl_putc('\n');
    }
    return buf;
}

/* The next line of --debug-cmd's file, echoed after the prompt; NULL at its end (closed then). */
static char *read_script_line(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, repl.script);
    if (n < 0) {
        free(line);
        fclose(repl.script);
        repl.script = NULL;
        return NULL;
    }
    repl.script_line++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    printf("%s%s\n", REPL_PROMPT, line);
    return line;
}

/* The next command: from --debug-cmd's file while it lasts (*scripted set), then the terminal. */
static char *read_command(bool *scripted)
{
    fflush(stdout);
    *scripted = false;
    if (repl.script) {
        char *line = read_script_line();
        *scripted = line != NULL;
        if (line) return line;
    }
    if (!repl.use_readline) return read_plain_line();
    repl.in_readline = true;
    char *line = readline(REPL_PROMPT);
    repl.in_readline = false;
    return line;
}

/* ------------------------------------------------------------------------------------------------
 * Entry points
 */

void repl_init(struct machine *m)
{
    repl.m = m;
    if (!repl.out) repl.out = stdout;
    if (repl.ready) return;
    repl.ready = true;
    repl.ext = isa_supported();
    repl.use_readline = isatty(STDIN_FILENO);
    const char *home = getenv("HOME");
    if (home && home[0]) snprintf(repl.history, sizeof(repl.history), "%s/%s", home, REPL_HISTORY_FILE);
    rl_readline_name = "vhart";
    rl_attempted_completion_function = repl_complete;
    rl_completer_word_break_characters = " \t\n+-*";
    rl_catch_signals = 0;   /* our SIGINT handler clears the line */
    using_history();
    stifle_history(REPL_HISTORY_MAX);
    if (repl.history[0]) read_history(repl.history);   /* a missing file is fine */
}

static void (*idle_hook)(void);
static int run_idle_hook(void)
{
    if (idle_hook) idle_hook();
    return 0;
}

void repl_set_idle_hook(void (*hook)(void))
{
    idle_hook = hook;
    rl_event_hook = hook ? run_idle_hook : NULL;
}

static void save_history(void)
{
    if (repl.ready && repl.use_readline && repl.history[0]) write_history(repl.history);
}

bool repl_exited(int *exit_code)
{
    if (repl.exited && exit_code) *exit_code = repl.exit_code;
    return repl.exited;
}

void repl_shutdown(void)
{
    save_history();
    if (repl.script) fclose(repl.script);
    repl.script = NULL;
    repl_conditions_clear();
}

int repl_set_script(const char *path, char *err, size_t err_len)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, err_len, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (repl.script) fclose(repl.script);
    repl.script = f;
    snprintf(repl.script_name, sizeof(repl.script_name), "%s", path);
    repl.script_line = 0;
    return 0;
}

enum repl_action repl_enter(struct machine *m, const struct vdbg_stop *why)
{
    repl_init(m);
    /* A breakpoint or watchpoint whose condition is false: run on without a word. */
    if (why && !repl_condition_holds(why)) return REPL_CONTINUE;
    if (repl.hart >= vdbg_harts(m)) repl.hart = 0;
    console_pause();
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);   /* no SA_RESTART: a plain read() returns EINTR */
    sigaction(SIGINT, &sa, &old);

    enum repl_action action = REPL_QUIT;
    enum cmd_result r = why ? repl_report_stop(why) : CMD_STAY;
    while (r == CMD_STAY) {
        repl_sigint_seen = 0;
        bool scripted;
        char *line = read_command(&scripted);
        if (!line) {   /* end of input */
            repl_printf("quit\n");
            r = CMD_QUIT;
            break;
        }
        char *p = line;
        while (isspace((unsigned char)*p)) p++;
        if (*p == 0) {
            free(line);
            if (!repl.last[0] || scripted) continue;   /* a blank line of a script repeats nothing */
            char again[sizeof(repl.last)];
            snprintf(again, sizeof(again), "%s", repl.last);
            r = repl_execute(again);
            continue;
        }
        if (repl.use_readline && !scripted) {   /* the history keeps what was typed */
            HIST_ENTRY *prev = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
            if (!prev || strcmp(prev->line, p) != 0) add_history(p);
        }
        /* Remember a step/next for an empty line to repeat; anything else ends the repetition. */
        char word[16] = "";
        sscanf(p, "%15s", word);
        const struct command *c = repl_find_command(word, true);
        if (c && (c->run == cmd_step || c->run == cmd_next) && strlen(p) < sizeof(repl.last))
            snprintf(repl.last, sizeof(repl.last), "%s", p);
        else
            repl.last[0] = 0;
        r = repl_execute(p);
        free(line);
    }
    if (r == CMD_CONTINUE) action = REPL_CONTINUE;
    save_history();
    fflush(stdout);
    sigaction(SIGINT, &old, NULL);
    console_resume();
    return action;
}

/* gdb's `monitor CMD` (qRcmd): one REPL command on gdb's hart, its output into a buffer. Commands
 * that run the guest are refused: gdb has its own (stepi, continue) and must see the stop. */
char *repl_monitor(struct machine *m, unsigned hart, const char *line)
{
    repl_init(m);
    char *text = NULL;
    size_t size = 0;
    FILE *buf = open_memstream(&text, &size);
    if (!buf) return NULL;
    FILE *saved_out = repl.out;
    unsigned saved_hart = repl.hart;
    repl.out = buf;
    repl.hart = hart < vdbg_harts(m) ? hart : 0;
    char *copy = strdup(line);
    char word[32] = "";
    if (copy && sscanf(copy, "%31s", word) == 1) {
        const struct command *c = repl_find_command(word, true);
        if (c && !strcmp(c->name, "quit"))
            repl_fail("monitor quit: not from gdb (use kill)");
        else if (c && (c->flags & REPL_RESUMES))
            repl_fail("monitor %s: not from gdb, it would run the guest (use gdb's stepi, continue, reverse-stepi...)",
                      c->name);
        else
            repl_execute(copy);
    } else if (copy) {
        repl_fail("usage: monitor COMMAND (monitor help lists them)");
    }
    free(copy);
    repl.out = saved_out;
    repl.hart = saved_hart;
    fclose(buf);
    return text;
}
