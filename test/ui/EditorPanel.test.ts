import { describe, expect, it } from 'vitest';
import { checkFile, problemTextIn, readNote } from '../../src/ui/EditorPanel';
import { loadLocale, translate } from '../../src/i18n';
import { COMPOSE_FILE, SCENARIO_FILE } from '../../src/store/defaults';

describe("the editor's live checks", () => {
  it("hand the parsers' problems on as data, warnings as warnings", () => {
    const compose = checkFile(COMPOSE_FILE, 'version: "3"\nservices:\n  web:\n    image: nginx\n    ports: [80-81:80]\n');
    expect(compose.map((p) => [p.line, p.severity])).toEqual([
      [1, 'warning'],
      [5, 'error'],
    ]);
    expect(checkFile(SCENARIO_FILE, 'name: x\nactions:\n  - { at: 5, call: ecs.LaunchRocket }\n')).toEqual([
      { file: SCENARIO_FILE, line: 3, column: expect.any(Number), member: 'actions[0].call', message: expect.stringMatching(/^unknown call 'ecs.LaunchRocket'/), severity: 'error' },
    ]);
  });

  it('says what reads a file without an action of its own: docker build a Dockerfile, the console a --cli-input-json file', async () => {
    await loadLocale('es');
    expect(translate('en', readNote('Dockerfile'), { file: 'Dockerfile' })).toBe('docker build reads this file: it says how the image is built.');
    expect(translate('en', readNote('service.json'), { file: 'service.json' })).toBe('The console reads this file as file://service.json (as in --cli-input-json file://service.json).');
    expect(translate('es', readNote('users/Dockerfile'), {})).toMatch(/^docker build lee/);
  });
});

describe("the editor's markers", () => {
  it("say what is wrong in the page's language, in English exactly the problem's message", async () => {
    await loadLocale('es');
    const [p] = checkFile(COMPOSE_FILE, 'servicioz: {}\nservices:\n  web: { image: nginx }\n');
    expect(problemTextIn('es', p!)).toBe("miembro de primer nivel desconocido 'servicioz'");
    expect(problemTextIn('en', p!)).toBe(p!.message);
    expect(problemTextIn('es', { ...p!, message: 'not ours' })).toBe('not ours');
  });
});
