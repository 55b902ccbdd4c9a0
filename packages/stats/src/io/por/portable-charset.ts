/**
 * The SPSS portable character set: code → character, for codes 64–188 (0–63 are control characters, 189–255
 * reserved). A portable file's translation table says which byte of the file stands for each code.
 */
export const PORTABLE_CHARS: string =
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz .<(+|&[]!$*);^-/¦,%_>?`:£@\'="≤□±■°†~–└┌≥⁰¹²³⁴⁵⁶⁷⁸⁹┘┐≠—⁽⁾⸸{}\\¢·';

/** First code of {@link PORTABLE_CHARS}. */
export const PORTABLE_FIRST = 64;
