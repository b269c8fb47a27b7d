import type { Port } from '../store/port';

function localStorageOrNone(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // A browser that blocks storage throws on the very access.
    return undefined;
  }
}

/** Asks for a file; null when the learner cancels. */
function pick(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** The browser as the store sees it: storage, the address, the clipboard, files in and out. */
export function browserPort(): Port {
  return {
    storage: localStorageOrNone(),
    location: () => ({ origin: location.origin, pathname: location.pathname, search: location.search, hash: location.hash }),
    replaceUrl: (url) => history.replaceState(null, '', url),
    copyText: (text) => navigator.clipboard.writeText(text),
    download: (name, text, type) => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
    now: () => Date.now(),
    languages: () => (navigator.languages?.length ? navigator.languages : [navigator.language]),
    pickFile: (accept) => pick(accept).then((f) => (f ? f.text().catch(() => null) : null)),
    pickNamedFile: (accept) =>
      pick(accept).then((f) =>
        f
          ? f.text().then(
              (text) => ({ name: f.name, text }),
              () => null,
            )
          : null,
      ),
    openWindow: (url, name) => window.open(url, name, 'popup,width=1280,height=720') !== null,
  };
}
