/** Seed 000: a direct message is at most 2000 characters. */
export const MESSAGE_MAX_LENGTH = 2000;
/** Seed 001: the sender may edit within 24 hours. */
export const EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Seed 000: the chat opens with the newest 50 and loads 50 more per scroll. */
export const PAGE_SIZE = 50;
