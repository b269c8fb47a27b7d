import { describe, expect, it } from 'vitest';
import { applyTaskdefOverrides } from '../../../src/formats/copilot/overrides';

/** A task definition as the ECS API's request, with one container. */
const td = (): Record<string, unknown> => ({ family: 'f', cpu: '256', containerDefinitions: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }] });

function apply(overrides: unknown): { td: Record<string, unknown>; findings: string[] } {
  const t = td();
  const findings: string[] = [];
  applyTaskdefOverrides(t, overrides, findings);
  return { td: t, findings };
}

const container = (t: Record<string, unknown>) => (t.containerDefinitions as Record<string, unknown>[])[0]!;

describe('applyTaskdefOverrides', () => {
  it('sets a top-level property, a member of a list item and replaces what is there, in the API’s member names', () => {
    const r = apply([
      { path: 'Cpu', value: '512' },
      { path: 'ContainerDefinitions[0].PortMappings[0].ContainerPort', value: 8080 },
    ]);
    expect(r.td.cpu).toBe('512');
    expect(container(r.td).portMappings).toEqual([{ containerPort: 8080 }]);
    expect(r.findings).toEqual(['taskdef_overrides[0]: Cpu is set in the task definition.', 'taskdef_overrides[1]: ContainerDefinitions[0].PortMappings[0].ContainerPort is set in the task definition.']);
  });

  it('[-] appends to a list, creating it; the value’s CloudFormation keys become the API’s, nested ones too', () => {
    const r = apply([
      { path: 'ContainerDefinitions[0].Environment[-]', value: { Name: 'A', Value: 'b' } },
      { path: 'ContainerDefinitions[0].Environment[-]', value: { Name: 'C', Value: 'd' } },
      { path: 'Volumes[-]', value: { Name: 'v', EFSVolumeConfiguration: { FileSystemId: 'fs-1' } } },
    ]);
    expect(container(r.td).environment).toEqual([
      { name: 'A', value: 'b' },
      { name: 'C', value: 'd' },
    ]);
    expect(r.td.volumes).toEqual([{ name: 'v', efsVolumeConfiguration: { fileSystemId: 'fs-1' } }]);
    expect(r.findings).toHaveLength(3);
  });

  it('names properties case-insensitively, and keeps a map’s keys as written', () => {
    const r = apply([
      { path: 'containerdefinitions[0].IMAGE', value: 'busybox' },
      { path: 'ContainerDefinitions[0].DockerLabels', value: { Any: 'thing', 'a.b': 'c' } },
    ]);
    expect(container(r.td)).toMatchObject({ image: 'busybox', dockerLabels: { Any: 'thing', 'a.b': 'c' } });
  });

  it('says why a rule is not applied and leaves that property as it was', () => {
    const r = apply([
      { path: 'ContainerDefinitions..Name', value: 1 },
      { path: 'Family.Nested', value: 1 },
      { path: 'ContainerDefinitions[0].Bogus', value: 1 },
      { path: 'ContainerDefinitions[0].Image[0]', value: 'x' },
      { path: 'ContainerDefinitions[0].PortMappings[0]', value: { ContainerPort: 1, Colour: 'red' } },
      'Cpu',
      { value: 1 },
      { path: 'Cpu' },
    ]);
    expect(r.findings).toEqual([
      'taskdef_overrides[0] (ContainerDefinitions..Name) is not applied: it is not a path of the form Name[0].Name.',
      'taskdef_overrides[1] (Family.Nested) is not applied: Nested is not a member of the task definition there.',
      'taskdef_overrides[2] (ContainerDefinitions[0].Bogus) is not applied: Bogus is not a member of the task definition there.',
      'taskdef_overrides[3] (ContainerDefinitions[0].Image[0]) is not applied: Image is not a list.',
      'taskdef_overrides[4] (ContainerDefinitions[0].PortMappings[0]) is not applied: its value names a property the task definition does not have.',
      'taskdef_overrides[5] is not applied: it has no path.',
      'taskdef_overrides[6] is not applied: it has no path.',
      'taskdef_overrides[7] (Cpu) is not applied: it has no value.',
    ]);
    expect(r.td).toEqual(td());
  });

  it('a value that is not a list of rules is not applied, and no overrides says nothing', () => {
    expect(apply({ path: 'Cpu', value: '1' })).toEqual({ td: td(), findings: ['taskdef_overrides is a list of rules (path and value), so it is not applied.'] });
    expect(apply(undefined)).toEqual({ td: td(), findings: [] });
    expect(apply([])).toEqual({ td: td(), findings: [] });
  });

  it('a rule that is not applied adds nothing on its way to the member it cannot set', () => {
    const bogusItem = apply([{ path: 'ContainerDefinitions[1].Bogus', value: 1 }]);
    expect(bogusItem.td).toEqual(td());
    expect(bogusItem.findings).toEqual(['taskdef_overrides[0] (ContainerDefinitions[1].Bogus) is not applied: ContainerDefinitions[1] is past the end of ContainerDefinitions, which has 1 item (ContainerDefinitions[-] appends one).']);
    const noVolumes = apply([{ path: 'Volumes[0].Bogus', value: 1 }]);
    expect(noVolumes.td).toEqual(td());
    expect(noVolumes.findings).toEqual(['taskdef_overrides[0] (Volumes[0].Bogus) is not applied: Volumes does not exist, so Volumes[0] names no item of it (Volumes[-] appends one).']);
    const r = apply([
      { path: 'ContainerDefinitions[-].Bogus', value: 1 },
      { path: 'Volumes[-].Bogus', value: 1 },
      { path: 'ContainerDefinitions[0].Environment[-]', value: { Nom: 'A' } },
      { path: 'ContainerDefinitions[0].LinuxParameters.Capabilities.Colour', value: 'red' },
    ]);
    expect(r.findings).toEqual([
      'taskdef_overrides[0] (ContainerDefinitions[-].Bogus) is not applied: Bogus is not a member of the task definition there.',
      'taskdef_overrides[1] (Volumes[-].Bogus) is not applied: Bogus is not a member of the task definition there.',
      'taskdef_overrides[2] (ContainerDefinitions[0].Environment[-]) is not applied: its value names a property the task definition does not have.',
      'taskdef_overrides[3] (ContainerDefinitions[0].LinuxParameters.Capabilities.Colour) is not applied: Colour is not a member of the task definition there.',
    ]);
    expect(r.td).toEqual(td());
  });

  it('an index names an item the list has: past its end or in a list not there it is not applied; [0] of a list not there makes it', () => {
    const r = apply([
      { path: 'ContainerDefinitions[0].PortMappings[1]', value: { ContainerPort: 81 } },
      { path: 'ContainerDefinitions[0].PortMappings[3].ContainerPort', value: 81 },
      { path: 'ContainerDefinitions[0].Ulimits[1]', value: { Name: 'nofile', SoftLimit: 1, HardLimit: 2 } },
      { path: 'ContainerDefinitions[0].Ulimits[0]', value: { Name: 'nofile', SoftLimit: 1, HardLimit: 2 } },
      { path: 'ContainerDefinitions[0].Ulimits[1]', value: { Name: 'core', SoftLimit: 0, HardLimit: 0 } },
      { path: 'ContainerDefinitions[0].Ulimits[-]', value: { Name: 'core', SoftLimit: 0, HardLimit: 0 } },
    ]);
    expect(r.findings).toEqual([
      'taskdef_overrides[0] (ContainerDefinitions[0].PortMappings[1]) is not applied: PortMappings[1] is past the end of PortMappings, which has 1 item (PortMappings[-] appends one).',
      'taskdef_overrides[1] (ContainerDefinitions[0].PortMappings[3].ContainerPort) is not applied: PortMappings[3] is past the end of PortMappings, which has 1 item (PortMappings[-] appends one).',
      'taskdef_overrides[2] (ContainerDefinitions[0].Ulimits[1]) is not applied: Ulimits does not exist, so Ulimits[1] names no item of it (Ulimits[-] appends one).',
      'taskdef_overrides[3]: ContainerDefinitions[0].Ulimits[0] is set in the task definition.',
      'taskdef_overrides[4] (ContainerDefinitions[0].Ulimits[1]) is not applied: Ulimits[1] is past the end of Ulimits, which has 1 item (Ulimits[-] appends one).',
      'taskdef_overrides[5]: ContainerDefinitions[0].Ulimits[-] is set in the task definition.',
    ]);
    expect(container(r.td).portMappings).toEqual([{ containerPort: 80 }]);
    expect(container(r.td).ulimits).toEqual([
      { name: 'nofile', softLimit: 1, hardLimit: 2 },
      { name: 'core', softLimit: 0, hardLimit: 0 },
    ]);
  });
});
