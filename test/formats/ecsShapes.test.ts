import { describe, expect, it } from 'vitest';
import { shapeMembers } from '../../src/formats/ecsShapes';

describe('ECS shape documentation', () => {
  it('lists the members of a container definition with their documentation', () => {
    const members = shapeMembers('ContainerDefinition');
    const essential = members.find((m) => m.name === 'essential');
    expect(essential?.shape).toBe('BoxedBoolean');
    expect(essential?.doc).toMatch(/essential/i);
    expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['name', 'image', 'cpu', 'memory', 'portMappings', 'healthCheck', 'dependsOn']));
    expect(shapeMembers('NoSuchShape')).toEqual([]);
  });
});
