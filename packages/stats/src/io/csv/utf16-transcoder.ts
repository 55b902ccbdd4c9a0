/** Turns UTF-16 chunks into UTF-8 chunks, carrying split code units and surrogate pairs across chunks. */
export class Utf16Transcoder {
  private readonly decoder: TextDecoder;
  private readonly encoder = new TextEncoder();

  constructor(encoding: 'utf-16le' | 'utf-16be') {
    this.decoder = new TextDecoder(encoding);
  }

  transcode(chunk: Uint8Array, final: boolean): Uint8Array {
    return this.encoder.encode(this.decoder.decode(chunk, { stream: !final }));
  }
}
