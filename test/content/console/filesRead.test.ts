import { describe, expect, it } from 'vitest';
import { filesRead } from '../../../src/content/console';

describe('the editor files a line reads', () => {
  const files = { Dockerfile: 'FROM x', 'Dockerfile.dev': 'FROM y', 'compose.yaml': 'services: {}', 'copilot/web/manifest.yml': 'name: web', 'td.json': '{}', 'shop.yaml': 'services: {}', 'other.txt': 'x' };
  it('are the ones each command declares', () => {
    expect(Object.keys(filesRead('docker build -t forum:1 .', files))).toEqual(['Dockerfile']);
    expect(Object.keys(filesRead('docker build -t forum:1 -f Dockerfile.dev .', files))).toEqual(['Dockerfile.dev']);
    expect(Object.keys(filesRead('docker compose up -d', files))).toEqual(['compose.yaml']);
    expect(Object.keys(filesRead('aws ecs register-task-definition --cli-input-json file://td.json', files))).toEqual(['td.json']);
    expect(Object.keys(filesRead('copilot svc deploy --name web --env test', files))).toEqual(['copilot/web/manifest.yml']);
    expect(Object.keys(filesRead('translate shop.yaml --project shop', files))).toEqual(['compose.yaml', 'shop.yaml']);
    expect(filesRead('aws ecs list-clusters', files)).toEqual({});
    expect(filesRead('curl localhost:80/', files)).toEqual({});
    expect(filesRead('kubectl apply -f td.json', files)).toEqual({});
    expect(filesRead('echo "unterminated', files)).toEqual({});
  });
});
