import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The files of the web build's `client` folder as the server found them when it started, to answer for one that is
 * gone since. adapter-node's static file handler lists those files once, at start, and opens a listed file without
 * handling a failure to open it: when the build was replaced in place (`npm run build` beside a running campus), the
 * first request for an asset of the old build ended the whole process. Such a request now gets a 404, and the server
 * says once that the build changed under it and wants a restart.
 */
export interface BuildFiles {
  /** True when `url` names a file the build had at start that is no longer there. */
  gone(url: string | undefined): boolean;
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

export function buildFiles(buildDir: string): BuildFiles {
  const client = path.join(buildDir, 'client');
  const atStart = new Set(listFiles(client));
  return {
    gone(url) {
      if (url === undefined) return false;
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(url, 'http://campus.invalid').pathname);
      } catch {
        return false;
      }
      // A precompressed copy is opened in place of the file when the client accepts it: either may be gone.
      const listed = [pathname, `${pathname}.br`, `${pathname}.gz`].filter((name) => atStart.has(name));
      return listed.some((name) => !existsSync(path.join(client, name)));
    },
  };
}
