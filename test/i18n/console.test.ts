import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, translate } from '../../src/i18n';
import { COMMANDS, runCommand } from '../../src/content/console';
import { renderOutput } from '../../src/content/console/said';
import { helpKey } from '../../src/content/console/commands/help';
import { evaluate } from '../../src/content/evaluate';
import { learnerCalls } from '../../src/content/lesson';
import { parseScenario } from '../../src/content/scenario';
import { Timeline } from '../../src/content/timeline';
import { Sim } from '../../src/sim';

beforeAll(() => loadLocale('es'));

const world = () => new Timeline(parseScenario('name: words\nactions: []\n', 'words.yaml'));

describe("the console's own words", () => {
  it('come back as message keys, shown in either language from the same result', () => {
    const r = runCommand(new Sim({ seed: 1 }), 'kubectl get pods');
    expect(r.exitCode).toBe(127);
    expect(r.output).toBe('kubectl: command not found (try aws ecs …, copilot svc deploy …, sim launch-instances …, or sleep 1m)');
    expect(renderOutput(r, 'en')).toBe(r.output);
    expect(renderOutput(r, 'es')).toBe('kubectl: no se encontró el comando (prueba aws ecs …, copilot svc deploy …, sim launch-instances … o sleep 1m)');
  });

  it("say process ps's table in the learner's language: its heading and each process's state", () => {
    const sim = new Sim({ seed: 1, images: { 'forum:0': { routes: { '/': { cpuMs: 1 } } } } });
    runCommand(sim, 'process start forum --port 3000 --image forum:0');
    runCommand(sim, 'process start jobs --port 4000 --image forum:0');
    runCommand(sim, 'process stop jobs');
    const r = runCommand(sim, 'process ps');
    expect(r.output).toBe('PID    NAME    PORT   STATE\n1001   forum   3000   running\n1002   jobs   4000   exited (0)');
    expect(renderOutput(r, 'es')).toBe('PID    NOMBRE  PUERTO ESTADO\n1001   forum   3000   en marcha\n1002   jobs   4000   terminado (0)');
  });

  it("keep a tool's own text as it prints it beside them: help's usage lines stay, its explanation is translated", () => {
    const r = runCommand(new Sim({ seed: 1 }), 'help traffic');
    const es = renderOutput(r, 'es');
    expect(es).toMatch(/^usage: traffic http:\/\/localhost:<port>/);
    expect(es).toContain('Envía un flujo constante de peticiones');
    expect(renderOutput(r, 'en')).toBe(r.output);
  });

  it('say the same in English as the printed text, whatever a line joins (&&, ;, $(…), failures, redirections)', () => {
    const t = world();
    const lines = [
      'help',
      'help nosuch',
      'nosuch; help sleep',
      'true && nosuch || help true',
      'echo $(nosuch) done',
      'nosuch > out.txt; help false',
      'process start web --port 8080',
      'traffic http://localhost:8080/ 5',
      'sleep 1m | cat',
      'sleep soon',
      'process crash web --on /boom && process stop web',
    ];
    for (const line of lines) {
      const o = t.act({ kind: 'command', line });
      expect(o.pieces, line).toBeDefined();
      expect(renderOutput(o, 'en'), line).toBe(o.output);
      expect(renderOutput(o, 'es'), line).not.toBe(o.output);
    }
  });

  it("name every command's explanation in the locale files, the English the command's own", () => {
    for (const c of COMMANDS) expect(translate('en', helpKey(c.name)), c.name).toBe(c.help);
    for (const c of COMMANDS) expect(translate('es', helpKey(c.name)), c.name).not.toBe(c.help);
  });

  it('let a goal match what the console said by its key and values, in any language, and by its English text', () => {
    const t = world();
    t.act({ kind: 'command', line: 'process start web --port 8080' });
    t.act({ kind: 'command', line: 'traffic http://localhost:8080/ 5' });
    const calls = learnerCalls(t.transcript);
    expect(calls[1]!.said).toEqual([{ key: 'console.traffic.sending', params: { rate: '5', where: 'localhost:8080/' } }]);
    const byKey = { count: 'calls', where: { said: { some: { key: 'console.traffic.sending', 'params.rate': '5' } } }, equals: 1 };
    const byText = { count: 'calls', where: { output: { startsWith: 'Sending 5 requests a second' } }, equals: 1 };
    expect(evaluate(t.sim, byKey as never, calls).passed).toBe(true);
    expect(evaluate(t.sim, byText as never, calls).passed).toBe(true);
    // The transcript replays from the action log the same, whichever language the page showed it in.
    const again = new Timeline(t.scenario, t.seed, t.actions);
    again.advanceTo(t.now);
    expect(learnerCalls(again.transcript)).toEqual(calls);
  });
});
