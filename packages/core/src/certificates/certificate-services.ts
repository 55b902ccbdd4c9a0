import type { App } from '../app/app.ts';
import { createCredentialIssuer, type CredentialIssuer } from './credential-issuer.ts';
import { createFileKeyStore } from './issuer-keys.file.ts';
import type { IssuerKeyStore } from './issuer-keys.ts';

/** What issuing, serving and verifying certificates need besides the app: the site's origin and its issuer. */
export interface CertificateServices {
  /** The public origin (ORIGIN, else http://HOST:PORT): every certificate URL and the issuer DID derive from it. */
  readonly origin: string;
  readonly issuer: CredentialIssuer;
  readonly issuerName: string;
}

/** The site's public origin as certificates state it. */
export function siteOrigin(app: App): string {
  return app.config.origin ?? `http://${app.config.host}:${app.config.port}`;
}

/** Builds the certificate services of an app; `keyStore` replaces the key folder (tests). */
export function createCertificateServices(
  app: App,
  options: { readonly keyStore?: IssuerKeyStore } = {},
): CertificateServices {
  const origin = siteOrigin(app);
  const keyStore = options.keyStore ?? createFileKeyStore(app.config.issuerKeysDir, app.clock);
  const issuerName = app.config.issuerName;
  return {
    origin,
    issuerName,
    issuer: createCredentialIssuer({ origin, issuerName, keyStore, clock: app.clock }),
  };
}

const opened = new WeakMap<App, CertificateServices>();

/** The certificate services of an app, built once per app (key folder ISSUER_KEYS_DIR, `key-1` made on first use). */
export function certificateServicesOf(app: App): CertificateServices {
  let services = opened.get(app);
  if (!services) {
    services = createCertificateServices(app);
    opened.set(app, services);
  }
  return services;
}
