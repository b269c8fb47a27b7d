import type { Port } from '../../src/store/port';

/** The browser as a test plays it: storage in a map, the address as given, and a record of what left the page. */
export interface FakePort extends Port {
  readonly saved: Map<string, string>;
  readonly clipboard: string[];
  readonly downloads: { name: string; text: string; type: string }[];
  readonly urls: string[];
  /** What the next file picker returns (null: the learner cancels). */
  nextFile: string | null;
  /** Whether the clipboard refuses (as a browser without permission does). */
  clipboardRefuses: boolean;
  address: { origin: string; pathname: string; search: string; hash: string };
}

export function fakePort(init: { storage?: Record<string, string>; url?: string } = {}): FakePort {
  const saved = new Map(Object.entries(init.storage ?? {}));
  const u = new URL(init.url ?? 'https://sandbox.example/app/');
  const port: FakePort = {
    saved,
    clipboard: [],
    downloads: [],
    urls: [],
    nextFile: null,
    clipboardRefuses: false,
    address: { origin: u.origin, pathname: u.pathname, search: u.search, hash: u.hash },
    storage: { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) },
    location: () => ({ ...port.address }),
    replaceUrl: (url) => {
      port.urls.push(url);
      const next = new URL(url, `${port.address.origin}${port.address.pathname}`);
      port.address = { origin: next.origin, pathname: next.pathname, search: next.search, hash: next.hash };
    },
    copyText: async (text) => {
      if (port.clipboardRefuses) throw new Error('denied');
      port.clipboard.push(text);
    },
    download: (name, text, type) => void port.downloads.push({ name, text, type }),
    pickFile: async () => port.nextFile,
  };
  return port;
}
