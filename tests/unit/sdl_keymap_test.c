/* Unit test of the SDL scancode -> Linux key code table (src/host/sdl_keymap.c): the keys users
 * type most (letters, digits, modifiers, arrows, function keys) have their exact Linux codes, and
 * every code is one the virtio keyboard advertises (1..248), used once. */
#include <SDL.h>
#include <check.h>

#include "host/sdl_keymap.h"

START_TEST(letters_digits_modifiers_arrows_and_function_keys_have_linux_codes)
{
    /* input-event-codes.h: KEY_Q..KEY_P 16..25, KEY_A..KEY_L 30..38, KEY_Z..KEY_M 44..50. */
    static const struct { int sc; unsigned code; } keys[] = {
        { SDL_SCANCODE_A, 30 }, { SDL_SCANCODE_B, 48 }, { SDL_SCANCODE_C, 46 }, { SDL_SCANCODE_M, 50 },
        { SDL_SCANCODE_Q, 16 }, { SDL_SCANCODE_P, 25 }, { SDL_SCANCODE_L, 38 }, { SDL_SCANCODE_Z, 44 },
        { SDL_SCANCODE_1, 2 }, { SDL_SCANCODE_9, 10 }, { SDL_SCANCODE_0, 11 },
        { SDL_SCANCODE_LSHIFT, 42 }, { SDL_SCANCODE_RSHIFT, 54 }, { SDL_SCANCODE_LCTRL, 29 }, { SDL_SCANCODE_RCTRL, 97 },
        { SDL_SCANCODE_LALT, 56 }, { SDL_SCANCODE_RALT, 100 }, { SDL_SCANCODE_LGUI, 125 },
        { SDL_SCANCODE_UP, 103 }, { SDL_SCANCODE_DOWN, 108 }, { SDL_SCANCODE_LEFT, 105 }, { SDL_SCANCODE_RIGHT, 106 },
        { SDL_SCANCODE_F1, 59 }, { SDL_SCANCODE_F10, 68 }, { SDL_SCANCODE_F11, 87 }, { SDL_SCANCODE_F12, 88 },
        { SDL_SCANCODE_ESCAPE, 1 }, { SDL_SCANCODE_RETURN, 28 }, { SDL_SCANCODE_BACKSPACE, 14 }, { SDL_SCANCODE_TAB, 15 },
        { SDL_SCANCODE_SPACE, 57 }, { SDL_SCANCODE_HOME, 102 }, { SDL_SCANCODE_END, 107 }, { SDL_SCANCODE_DELETE, 111 },
        { SDL_SCANCODE_PAGEUP, 104 }, { SDL_SCANCODE_PAGEDOWN, 109 }, { SDL_SCANCODE_KP_ENTER, 96 },
    };
    for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        ck_assert_msg(sdl_keymap_linux_code(keys[i].sc) == keys[i].code, "%s -> %u, want %u",
                      SDL_GetScancodeName(keys[i].sc), sdl_keymap_linux_code(keys[i].sc), keys[i].code);
}
END_TEST

START_TEST(codes_are_in_the_keyboards_range_and_distinct)
{
    static int owner[256];
    unsigned mapped = 0;
    for (int i = 0; i < 256; i++) owner[i] = -1;
    for (int sc = 0; sc < SDL_NUM_SCANCODES; sc++) {
        unsigned code = sdl_keymap_linux_code(sc);
        if (!code) continue;
        mapped++;
        ck_assert_msg(code <= 248, "%s -> %u, past KEY_MICMUTE", SDL_GetScancodeName(sc), code);
        ck_assert_msg(owner[code] < 0, "code %u for both scancode %d and %d", code, owner[code], sc);
        owner[code] = sc;
    }
    ck_assert_uint_ge(mapped, 120);
    ck_assert_uint_eq(sdl_keymap_linux_code(SDL_SCANCODE_UNKNOWN), 0);
    ck_assert_uint_eq(sdl_keymap_linux_code(-1), 0);
    ck_assert_uint_eq(sdl_keymap_linux_code(SDL_NUM_SCANCODES), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sdl_keymap");
    TCase *tc = tcase_create("sdl_keymap");
    tcase_add_test(tc, letters_digits_modifiers_arrows_and_function_keys_have_linux_codes);
    tcase_add_test(tc, codes_are_in_the_keyboards_range_and_distinct);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
