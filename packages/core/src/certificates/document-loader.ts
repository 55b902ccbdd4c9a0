import type { DocumentLoader } from '@digitalbazaar/vc';
import type { DidDocument } from './did-web.ts';
import { BUNDLED_CONTEXTS, MULTIKEY_V1_CONTEXT } from './json-ld-contexts.ts';

/** What the loader was asked for and does not have. */
export type RefusalKind = 'did' | 'key' | 'other';

/** Thrown by the offline document loader for anything it does not hold; `kind` says what was missing. */
export class LoaderRefusal extends Error {
  override readonly name = 'LoaderRefusal';
  constructor(
    readonly kind: RefusalKind,
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

/** The documents an offline verification may read besides the bundled contexts. */
export interface OfflineDocuments {
  /** The issuer's DID document(s), given by the caller or read from a local file. */
  readonly didDocuments?: readonly DidDocument[];
}

/**
 * A JSON-LD document loader that never touches the network: it serves the bundled contexts, the given DID
 * documents (and each key in them, by `<did>#key-N`). Anything else is refused with a LoaderRefusal naming what
 * was asked for. (Status lists are read by the verifier itself, from what it was given.)
 */
export function createDocumentLoader(documents: OfflineDocuments = {}): DocumentLoader {
  const dids = new Map((documents.didDocuments ?? []).map((doc) => [doc.id, doc]));
  return async (url: string) => {
    const found = (document: unknown) => ({ contextUrl: null, documentUrl: url, document });
    const context = BUNDLED_CONTEXTS.get(url);
    if (context) return found(structuredClone(context));
    if (url.startsWith('did:')) {
      const [did, fragment] = url.split('#', 2) as [string, string | undefined];
      const doc = dids.get(did);
      if (!doc) throw new LoaderRefusal('did', url, `the DID document of ${did} is not available offline`);
      if (fragment === undefined) return found(structuredClone(doc));
      const method = doc.verificationMethod.find((vm) => vm.id === url);
      if (!method) throw new LoaderRefusal('key', url, `the DID document of ${did} has no key ${url}`);
      return found({ '@context': MULTIKEY_V1_CONTEXT, ...method });
    }
    throw new LoaderRefusal(
      'other',
      url,
      `${url} is not available offline (only the bundled JSON-LD contexts and the issuer's DID document are)`,
    );
  };
}
