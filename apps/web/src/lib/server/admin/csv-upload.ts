/**
 * The text of an uploaded list: UTF-8 (with or without a byte-order mark), or, when the bytes are not valid UTF-8,
 * Windows-1252 (what French and English spreadsheets save as plain "CSV"). Null when the file is bigger than
 * `maxBytes` (it is not read).
 * @example await uploadedText(new File(['email\nana@x.org'], 'a.csv'), 1000) // 'email\nana@x.org'
 */
export async function uploadedText(file: File, maxBytes: number): Promise<string | null> {
  if (file.size > maxBytes) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
