// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPort } from '../../src/app/port';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

/** Makes the next file picker the page opens answer as the learner does: a file chosen, or cancel. */
function answerPicker(choose: (input: HTMLInputElement) => void): HTMLInputElement[] {
  const opened: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    opened.push(this);
    choose(this);
  });
  return opened;
}

function chosen(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe("the browser's port", () => {
  it("keeps the workspace in the browser's localStorage", () => {
    const port = browserPort();
    port.storage!.setItem('sandbox-test', 'kept');
    expect(localStorage.getItem('sandbox-test')).toBe('kept');
    localStorage.removeItem('sandbox-test');
  });

  it('has no storage where the browser throws on the very access to localStorage', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(browserPort().storage).toBeUndefined();
  });

  it('reads the address as it is now, and changes it without loading anything', () => {
    const port = browserPort();
    port.replaceUrl('/app/?lesson=L4&step=2#top');
    expect(port.location()).toEqual({ origin: location.origin, pathname: '/app/', search: '?lesson=L4&step=2', hash: '#top' });
    port.replaceUrl('/app/');
    expect(port.location()).toMatchObject({ pathname: '/app/', search: '', hash: '' });
  });

  it('puts text on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    await browserPort().copyText('aws ecs list-clusters');
    expect(writeText).toHaveBeenCalledWith('aws ecs list-clusters');
  });

  it('offers a file to save through a link to its text, and lets the link go ten seconds later', async () => {
    vi.useFakeTimers();
    const saved: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ download: this.download, href: this.href });
    });
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.set(`blob:${blobs.size}`, b as Blob);
      return `blob:${blobs.size - 1}`;
    });
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    browserPort().download('world.json', '{"seed":"1"}', 'application/json');
    expect(saved).toEqual([{ download: 'world.json', href: 'blob:0' }]);
    expect(blobs.get('blob:0')!.type).toBe('application/json');
    expect(await blobs.get('blob:0')!.text()).toBe('{"seed":"1"}');
    vi.advanceTimersByTime(9_999);
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revoked).toHaveBeenCalledWith('blob:0');
  });

  it('reads the wall clock and the languages the browser prefers', () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_764_580_000_000);
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-MX', 'en']);
    const port = browserPort();
    expect(port.now!()).toBe(1_764_580_000_000);
    expect(port.languages!()).toEqual(['es-MX', 'en']);
  });

  it('falls back on the one language a browser without a list names', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue([]);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es');
    expect(browserPort().languages!()).toEqual(['es']);
  });

  it("asks for a file of the kinds given and reads the chosen one's text, with its name when asked", async () => {
    const opened = answerPicker((input) => chosen(input, new File(['name: mine\n'], 'mine.yaml')));
    const port = browserPort();
    expect(await port.pickFile('.yaml,.yml')).toBe('name: mine\n');
    expect(await port.pickNamedFile!('.json')).toEqual({ name: 'mine.yaml', text: 'name: mine\n' });
    expect(opened.map((i) => [i.type, i.accept])).toEqual([
      ['file', '.yaml,.yml'],
      ['file', '.json'],
    ]);
  });

  it('answers null when the learner cancels the picker, chooses nothing, or the file cannot be read', async () => {
    const port = browserPort();
    answerPicker((input) => input.dispatchEvent(new Event('cancel')));
    expect(await port.pickFile('.json')).toBeNull();
    expect(await port.pickNamedFile!('.json')).toBeNull();
    vi.restoreAllMocks();
    answerPicker((input) => {
      Object.defineProperty(input, 'files', { value: [], configurable: true });
      input.dispatchEvent(new Event('change'));
    });
    expect(await port.pickFile('.json')).toBeNull();
    vi.restoreAllMocks();
    const unreadable = new File(['x'], 'gone.json');
    vi.spyOn(unreadable, 'text').mockRejectedValue(new DOMException('The file was removed.', 'NotReadableError'));
    answerPicker((input) => chosen(input, unreadable));
    expect(await port.pickFile('.json')).toBeNull();
    expect(await port.pickNamedFile!('.json')).toBeNull();
  });

  it("opens the audience's window as a popup of the projector's size, and says when the browser blocks it", () => {
    const open = vi
      .spyOn(window, 'open')
      .mockReturnValueOnce({} as Window)
      .mockReturnValueOnce(null);
    const port = browserPort();
    expect(port.openWindow!('/app/?audience', 'ecs-sandbox-audience')).toBe(true);
    expect(port.openWindow!('/app/?audience', 'ecs-sandbox-audience')).toBe(false);
    expect(open).toHaveBeenCalledWith('/app/?audience', 'ecs-sandbox-audience', 'popup,width=1280,height=720');
  });
});
