import { describe, expect, it } from 'vitest';
import { cliTimestamps, psTable } from '../../../src/content/console/output';

describe("the inspector's times", () => {
  it('are written in ISO 8601 as the AWS CLI v2 writes them, wherever a member is named as a time', () => {
    expect(
      cliTimestamps({
        createdAt: 1735689600,
        startedAt: 1735689600.5,
        StartTime: 1735689600,
        EndTime: 1735689601,
        Time: 1735689602,
        Timestamp: 1735689603,
        expiresDate: 1735689604,
        nested: [{ stoppedAt: 1735689605 }],
      }),
    ).toEqual({
      createdAt: '2025-01-01T00:00:00+00:00',
      startedAt: '2025-01-01T00:00:00.500000+00:00',
      StartTime: '2025-01-01T00:00:00+00:00',
      EndTime: '2025-01-01T00:00:01+00:00',
      Time: '2025-01-01T00:00:02+00:00',
      Timestamp: '2025-01-01T00:00:03+00:00',
      expiresDate: '2025-01-01T00:00:04+00:00',
      nested: [{ stoppedAt: '2025-01-01T00:00:05+00:00' }],
    });
  });

  it('leave other members, small numbers and text as they are', () => {
    const v = { count: 1735689600, runAt: 5, Times: 1735689600, StartTimeout: 1735689600, at: 1735689600, createdAt: 'yesterday', flag: true, none: null };
    expect(cliTimestamps(v)).toEqual(v);
    expect(cliTimestamps(7)).toBe(7);
  });
});

describe("docker's tables", () => {
  const rows = [
    { ID: 'abc', Names: 'web', Image: 'nginx:1.27', Status: 'Up 3 seconds', Ports: '0.0.0.0:80->80/tcp', Service: 'web' },
    { ID: 'defghijk', Names: 'shop-db-1', Image: 'pg', Status: 'Exited (0)', Ports: '' },
  ];

  it("docker ps: each column as wide as its widest cell and three spaces more, no spaces at a line's end", () => {
    expect(psTable(rows)).toBe(
      ['CONTAINER ID   IMAGE        STATUS         PORTS                NAMES', 'abc            nginx:1.27   Up 3 seconds   0.0.0.0:80->80/tcp   web', 'defghijk       pg           Exited (0)                          shop-db-1'].join('\n'),
    );
    expect(psTable([])).toBe('CONTAINER ID   IMAGE   STATUS   PORTS   NAMES');
  });

  it('docker compose ps: the name first and the service beside the image', () => {
    expect(psTable(rows, true)).toBe(['NAME        IMAGE        SERVICE   STATUS         PORTS', 'web         nginx:1.27   web       Up 3 seconds   0.0.0.0:80->80/tcp', 'shop-db-1   pg                     Exited (0)'].join('\n'));
  });
});
