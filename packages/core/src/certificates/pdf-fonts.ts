import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

// Resolved when used, from wherever this module runs (source, tsx or the web's server bundle), so the TTF files
// stay in node_modules and are never copied into a bundle.
const require = createRequire(import.meta.url);

/** The faces the certificate uses. Each maps to a chain of fonts tried in order for every character. */
export type FaceName = 'serif' | 'serifItalic' | 'serifSemiBold' | 'sans' | 'sansSemiBold';

interface FontFile {
  readonly key: string;
  readonly path: () => string;
}

const expo = (family: string, file: string): FontFile => ({
  key: file,
  path: () =>
    require.resolve(`@expo-google-fonts/${family}/${file.split('_').slice(1).join('_')}/${file}.ttf`),
});
// The @embedpdf packages export only their (empty) JS entry; the fonts sit in ../fonts beside it.
const embedpdf = (pkg: string, file: string): FontFile => ({
  key: file,
  path: () => join(dirname(require.resolve(`@embedpdf/${pkg}`)), '..', 'fonts', `${file}.ttf`),
});

const NOTO_SERIF = expo('noto-serif', 'NotoSerif_400Regular');
const NOTO_SERIF_ITALIC = expo('noto-serif', 'NotoSerif_400Regular_Italic');
const NOTO_SERIF_SEMIBOLD = expo('noto-serif', 'NotoSerif_600SemiBold');
const NOTO_SANS = expo('noto-sans', 'NotoSans_400Regular');
const NOTO_SANS_SEMIBOLD = expo('noto-sans', 'NotoSans_600SemiBold');
const NASKH = embedpdf('fonts-arabic', 'NotoNaskhArabic-Regular');
const NASKH_BOLD = embedpdf('fonts-arabic', 'NotoNaskhArabic-Bold');
const HEBREW = embedpdf('fonts-hebrew', 'NotoSansHebrew-Regular');
const HEBREW_BOLD = embedpdf('fonts-hebrew', 'NotoSansHebrew-Bold');

/**
 * Font fallback per face. Noto Serif and Noto Sans cover Latin (with Vietnamese and the African and European
 * extensions), Greek and Cyrillic (Kazakh, Uzbek, Serbian…); Noto Sans adds Devanagari; Noto Naskh Arabic covers
 * Arabic, Persian and Urdu letters; Noto Sans Hebrew covers Hebrew. Not covered: CJK, Thai, Georgian, Armenian,
 * Ethiopic and the other Indic scripts (see `missingCharacters`).
 */
export const FACES: Readonly<Record<FaceName, readonly FontFile[]>> = {
  serif: [NOTO_SERIF, NOTO_SANS, NASKH, HEBREW],
  serifItalic: [NOTO_SERIF_ITALIC, NOTO_SANS, NASKH, HEBREW],
  serifSemiBold: [NOTO_SERIF_SEMIBOLD, NOTO_SANS_SEMIBOLD, NASKH_BOLD, HEBREW_BOLD],
  sans: [NOTO_SANS, NASKH, HEBREW],
  sansSemiBold: [NOTO_SANS_SEMIBOLD, NASKH_BOLD, HEBREW_BOLD],
};

interface LoadedFont {
  readonly key: string;
  readonly font: fontkit.Font;
  readonly bytes: Buffer;
}

const loaded = new Map<string, LoadedFont>();

function load(file: FontFile): LoadedFont {
  let font = loaded.get(file.key);
  if (!font) {
    const bytes = readFileSync(file.path());
    font = { key: file.key, font: fontkit.create(bytes), bytes };
    loaded.set(file.key, font);
  }
  return font;
}

/** A stretch of text set in one font. */
export interface TextRun {
  readonly text: string;
  readonly fontKey: string;
  /** The parsed font, shared by every document, for measuring and choosing fonts only. */
  readonly font: fontkit.Font;
  /**
   * The font file, which each document parses for itself: fontkit caches each glyph with the characters it was first
   * drawn for, so a font object shared between documents gave a later document wrong text for a glyph (the "O" of a
   * name drawn after "Ō" extracted as nothing).
   */
  readonly bytes: Buffer;
}

// Spaces, punctuation and combining marks stay in the font of the text around them, so an Arabic name is one run
// (fontkit shapes and orders a right-to-left run as a whole).
const NEUTRAL = /[\s\p{P}\p{M}\p{Zs}]/u;

/**
 * Splits text into runs, each in the first font of the face that has every character of it. Characters no font
 * has go with the face's first font (they print as empty boxes; `missingCharacters` lists them beforehand).
 */
export function splitIntoRuns(text: string, face: FaceName): TextRun[] {
  const chain = FACES[face].map(load);
  const primary = chain[0] as LoadedFont;
  const runs: { text: string; font: LoadedFont }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const previous = runs[runs.length - 1];
    const font =
      previous && NEUTRAL.test(char) && previous.font.font.hasGlyphForCodePoint(code)
        ? previous.font
        : (chain.find((f) => f.font.hasGlyphForCodePoint(code)) ?? primary);
    if (previous && previous.font === font) previous.text += char;
    else runs.push({ text: char, font });
  }
  return runs.map((run) => ({
    text: run.text,
    fontKey: run.font.key,
    font: run.font.font,
    bytes: run.font.bytes,
  }));
}

/** The characters of `text` that no font of the face can print (empty when the whole text prints). */
export function missingCharacters(text: string, face: FaceName = 'serif'): string[] {
  const chain = FACES[face].map(load);
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (!/\s/.test(char) && !chain.some((f) => f.font.hasGlyphForCodePoint(code))) missing.add(char);
  }
  return [...missing];
}
