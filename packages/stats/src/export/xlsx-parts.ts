/** Removes characters XML 1.0 cannot hold (controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
function dropInvalidXmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    if (ok) out += ch;
  }
  return out;
}

/** Escapes text for XML and drops characters XML 1.0 cannot hold. */
export function xmlText(s: string): string {
  return dropInvalidXmlChars(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Spreadsheet column letters for a 0-based index.
 *
 * @example
 * columnLetters(0);  // 'A'
 * columnLetters(27); // 'AB'
 */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Valid, unique sheet names (≤ 31 characters, none of `[]:*?/\`, unique ignoring case).
 *
 * @example
 * sheetNames(['a/b', 'A:B']); // ['a_b', 'A_B (2)']
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = (w.replace(/[[\]:*?/\\]/g, '_').trim() || 'Sheet').slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++)
      name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** `[Content_Types].xml` for a workbook of `n` sheets. */
export function contentTypesXml(n: number): string {
  const sheets = Array.from(
    { length: n },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

/** `_rels/.rels`. */
export function rootRelsXml(): string {
  return `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

/** `xl/workbook.xml` listing the sheets. */
export function workbookXml(names: readonly string[]): string {
  const sheets = names
    .map((s, i) => `<sheet name="${xmlText(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  return `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

/** `xl/_rels/workbook.xml.rels`: sheets rId1..n, styles rId(n+1). */
export function workbookRelsXml(n: number): string {
  const rels = Array.from(
    { length: n },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${HEAD}<Relationships xmlns="${PKG}">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** `xl/styles.xml`: style 0 normal, style 1 bold (header row). */
export function stylesXml(): string {
  return `${HEAD}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;
}

/**
 * A worksheet: a bold header row, then rows; finite numbers as numeric cells, text as inline strings, non-finite
 * numbers as empty cells.
 */
export function worksheetXml(
  header: readonly string[],
  rows: readonly (readonly (number | string)[])[],
): string {
  const cell = (v: number | string, r: number, c: number, style: string): string => {
    const ref = `${columnLetters(c)}${r}`;
    if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  };
  const out: string[] = [`${HEAD}<worksheet xmlns="${NS}"><sheetData>`];
  out.push(`<row r="1">${header.map((h, c) => cell(h, 1, c, ' s="1"')).join('')}</row>`);
  rows.forEach((row, i) =>
    out.push(`<row r="${i + 2}">${row.map((v, c) => cell(v, i + 2, c, '')).join('')}</row>`),
  );
  out.push('</sheetData></worksheet>');
  return out.join('');
}
