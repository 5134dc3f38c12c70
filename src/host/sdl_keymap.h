/* SDL2 scancodes (USB HID usage IDs) to Linux input key codes (input-event-codes.h), for the
 * guest's virtio keyboard. */
#ifndef VHART_HOST_SDL_KEYMAP_H
#define VHART_HOST_SDL_KEYMAP_H

/* The Linux KEY_* code of an SDL_Scancode, or 0 for keys the guest keyboard has no code for. */
unsigned sdl_keymap_linux_code(int scancode);

#endif
