/**
 * What the store needs from the browser, in one small interface handed in by src/app: the store
 * itself touches no DOM, so it runs the same in Node (with a fake port) as in the page.
 */
export interface Port {
  /** Storage that survives a reload (localStorage), or undefined where the browser refuses it. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  /** The page's address, as it is now. */
  location(): { origin: string; pathname: string; search: string; hash: string };
  /** Changes the address without loading anything (to drop a consumed #share=… or #lesson=…). */
  replaceUrl(url: string): void;
  /** Puts text on the clipboard; rejects when the browser does not allow it. */
  copyText(text: string): Promise<void>;
  /** Offers a file to save. */
  download(name: string, text: string, type: string): void;
  /** Asks the learner for a file and reads it as text; null when they cancel. */
  pickFile(accept: string): Promise<string | null>;
  /** Asks for a file and reads it with its name; null when they cancel. */
  pickNamedFile?(accept: string): Promise<{ name: string; text: string } | null>;
  /** Opens another window of this page (the audience's); false when the browser blocks it. */
  openWindow?(url: string, name: string): boolean;
  /** The wall clock (ms since the epoch): the learner's time on a lesson is measured with it. */
  now?(): number;
  /** The browser's languages, most preferred first (navigator.languages). */
  languages?(): readonly string[];
}
