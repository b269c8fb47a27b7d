import { describe, expect, it } from 'vitest';
import { learnerCalls } from '../../../src/content/lesson';
import { parseScenario } from '../../../src/content/scenario';
import { Timeline } from '../../../src/content/timeline';

describe("the learner's calls, as the checker sees them", () => {
  it('take the error code from what the API said, not from the printed text', () => {
    const t = new Timeline(parseScenario('name: calls\nactions: []\n', 'calls.yaml'));
    t.act({ kind: 'command', line: 'aws ecs list-tasks --cluster nope' });
    t.act({ kind: 'command', line: `aws ecs register-task-definition --cli-input-json '{"family": 5, "containerDefinitions": []}'` });
    t.act({ kind: 'command', line: 'curl localhost:9999/' });
    t.act({ kind: 'call', call: 'ecs.CreateCluster', input: { clusterName: 'demo' } });
    t.act({ kind: 'command', line: 'aws ecs describe-clusters --clusters demo' });
    const [missing, invalid, curl, created, described] = learnerCalls(t.transcript);
    expect(missing).toMatchObject({ call: 'aws ecs list-tasks --cluster nope', input: { command: 'aws ecs list-tasks --cluster nope' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
    expect(missing!.calls).toEqual([expect.objectContaining({ call: 'ecs.ListTasks', error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } })]);
    expect(invalid!.error!.code).toBe('ParamValidationError');
    // Not an API call: the exit status and what was printed.
    expect(curl!.error).toEqual({ code: '7', message: expect.stringMatching(/^curl: \(7\) Failed to connect/) });
    expect(created).toMatchObject({ call: 'ecs.CreateCluster', input: { clusterName: 'demo' }, response: { cluster: { clusterName: 'demo' } } });
    expect(described!.output).toMatch(/^\{\n {4}"clusters"/);
    expect(described!.response).toMatchObject({ clusters: [{ clusterName: 'demo' }] });
  });
});
