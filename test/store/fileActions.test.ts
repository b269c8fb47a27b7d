import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/store/actions';
import { TASKDEF_FILE } from '../../src/store/defaults';
import { locateError } from '../../src/store/fileActions';
import { sandbox } from '../support/sandbox';

/** Registers `def` from the editor's task definition file; the one marker it leaves, where and what. */
function markerOf(def: unknown): { line: number; column: number; message: string } {
  const store = sandbox();
  const text = JSON.stringify(def, null, 2);
  runAction(store, 'editor.edit', { file: TASKDEF_FILE, text });
  runAction(store, 'editor.register', TASKDEF_FILE);
  const problems = store.getState().editor.problems.filter((p) => p.file === TASKDEF_FILE);
  expect(problems).toHaveLength(1);
  const { line, column, message } = problems[0]!;
  return { line, column, message };
}

/** The 1-based line of `text`'s first line that contains `needle` at or after line `from`. */
function lineOf(def: unknown, needle: string, from = 1): number {
  const lines = JSON.stringify(def, null, 2).split('\n');
  const i = lines.findIndex((l, n) => n + 1 >= from && l.includes(needle));
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return i + 1;
}

const web = { name: 'web', image: 'nginx', memory: 512, portMappings: [{ containerPort: 80, hostPort: 80 }] };

describe('an API error in the editor', () => {
  it("marks a container's memory when its memoryReservation is more than its memory", () => {
    const def = { family: 'web', containerDefinitions: [web, { name: 'log', image: 'busybox', memory: 128, memoryReservation: 256 }] };
    const m = markerOf(def);
    expect(m.message).toBe("ClientException: Invalid setting for container 'log'. 'memory' must be greater than or equal to 'memoryReservation'.");
    // The second container's memory key (line 18), not the first container's (line 6).
    expect(m).toMatchObject({ line: lineOf(def, '"memory": 128'), column: 7 });
    expect(m.line).toBe(18);
  });

  it('marks the bad port of a mapping in the second container, not the container as a whole', () => {
    const def = { family: 'web', containerDefinitions: [web, { name: 'api', image: 'api', memory: 256, portMappings: [{ containerPort: 8080 }, { containerPort: 70000 }] }] };
    const m = markerOf(def);
    expect(m.message).toBe("ClientException: Invalid 'containerPort' setting for container 'api': 70000. Ports must be between 1 and 65535.");
    expect(m.line).toBe(lineOf(def, '"containerPort": 70000'));
    expect(m.line).toBe(24);
  });

  it('marks an unknown network mode at its member', () => {
    const def = { family: 'web', networkMode: 'overlay', containerDefinitions: [web] };
    const m = markerOf(def);
    expect(m.message).toBe("ClientException: Invalid networkMode 'overlay'. Valid values are bridge, host, awsvpc and none.");
    expect(m).toMatchObject({ line: 3, column: 3 });
  });

  it("marks a dependency's unknown container at its name", () => {
    const def = { family: 'web', containerDefinitions: [{ ...web, dependsOn: [{ containerName: 'db', condition: 'START' }] }] };
    const m = markerOf(def);
    expect(m.message).toBe("ClientException: Container 'web' depends on container 'db', which is not defined in the task definition.");
    expect(m.line).toBe(lineOf(def, '"containerName": "db"'));
  });

  it("marks the CLI's own checks at the member they name: a wrong type, and the container a required member is missing from", () => {
    const typed = { family: 'web', containerDefinitions: [web, { name: 'api', image: 'api', memory: '256' }] };
    const t = markerOf(typed);
    expect(t.message).toMatch(/^ParamValidationError: Parameter validation failed:\nInvalid type for parameter containerDefinitions\[1\]\.memory, value: 256/);
    expect(t.line).toBe(lineOf(typed, '"memory": "256"'));
    const unknown = { family: 'web', containerDefinitions: [web, { name: 'api', imag: 'api', memory: 256 }] };
    const u = markerOf(unknown);
    expect(u.message).toMatch(/^ParamValidationError: Parameter validation failed:\nUnknown parameter in containerDefinitions\[1\]: "imag", must be one of: /);
    expect(u.line).toBe(lineOf(unknown, '"imag"'));
  });

  it('marks the container a member is missing from when the file has no such member: a container without an image', () => {
    const missing = { family: 'web', containerDefinitions: [web, { name: 'api', memory: 256 }] };
    const m = markerOf(missing);
    expect(m.message).toBe('ClientException: Container.image should not be null or empty.');
    // The second container's opening brace.
    expect(m).toMatchObject({ line: 15, column: 5 });
    expect(lineOf(missing, '{', 15)).toBe(15);
  });

  it('marks the nearest member the file has when the one named is missing: a Fargate task without cpu is marked at the top', () => {
    const def = { family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx' }] };
    const m = markerOf(def);
    expect(m.message).toBe("ClientException: Fargate requires that 'cpu' be defined at the task level.");
    expect(m).toMatchObject({ line: 1, column: 1 });
  });
});

describe('locateError', () => {
  const text = '{\n  "family": "web",\n  "cpu": "9",\n  "containerDefinitions": [\n    { "name": "a", "image": "x" },\n    {\n      "name": "b",\n      "image": "y",\n      "memory": 5\n    }\n  ]\n}';

  it('goes by the path: the key of a member, the value of a list item', () => {
    expect(locateError(text, 'f', 'whatever', ['containerDefinitions', 1, 'memory'])).toEqual({ file: 'f', line: 9, column: 7, member: '', message: 'whatever', severity: 'error' });
    expect(locateError(text, 'f', 'whatever', ['containerDefinitions', 1])).toMatchObject({ line: 6, column: 5 });
    // Members the text does not have: the nearest one it has.
    expect(locateError(text, 'f', 'whatever', ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'])).toMatchObject({ line: 5, column: 5 });
  });

  it('without a path, marks the top-level member the message names, else the first line', () => {
    expect(locateError(text, 'f', "ClientException: Invalid 'cpu' setting for task.")).toMatchObject({ line: 3, column: 3 });
    expect(locateError(text, 'f', "Invalid setting for container 'b'.")).toMatchObject({ line: 1, column: 1 });
    // A word of the message that is only an inherited property of an object is not a member.
    expect(locateError(text, 'f', 'constructor failed')).toMatchObject({ line: 1, column: 1 });
  });
});
