import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('Compose profiles in the console', () => {
  it('docker compose up and translate take --profile', () => {
    const compose = 'services:\n  web:\n    image: nginx\n  debug:\n    image: busybox\n    profiles: [debug]\n';
    const sim = new Sim({ seed: 'profiles' });
    const session = newSession({ 'compose.yaml': compose });
    const run = (l: string) => runCommand(sim, l, session);
    const up = run('docker compose -p shop up -d').output;
    expect(up).toContain(' Container shop-web-1  Created');
    expect(up).not.toContain('shop-debug-1');
    run('docker compose -p shop down');
    expect(run('docker compose --profile debug -p shop up -d').output).toContain(' Container shop-debug-1  Created');
    const t = run('translate --project shop');
    expect(t.output).toContain('debug: not deployed: none of its profiles (debug) is active (docker compose --profile, or COMPOSE_PROFILES).');
    expect(run('translate --project shop --profile debug').output).toContain('Wrote ecs/shop-debug.json');
  });
});
