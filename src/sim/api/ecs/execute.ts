import { ApiError, invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { Container, Task } from '../../model/types';
import { findTask } from '../../queries/lookups';
import { runInContainer, type ShellResult } from '../../queries/containerShell';
import { taskDefinitionOf } from '../../queries/taskDefinitions';
import type { EcsOperations } from './operation';
import { say } from '../../model/narration';

/**
 * ECS Exec (ecs-spec §13.3, DG:ecs-exec; API:ExecuteCommand): a session to a container of a running
 * task that was launched with enableExecuteCommand. The SSM agent ECS runs beside the container needs
 * the task role to allow the ssmmessages actions (CreateControlChannel, CreateDataChannel,
 * OpenControlChannel, OpenDataChannel); the world has no IAM policies, so a task with a task role
 * has them and one without any has none [INF]. The refusals are the documented ones.
 */

/** Documented text (DG:ecs-exec troubleshooting) when the task was not launched with ECS Exec or its agent is not running. */
const NOT_ENABLED = "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";

export interface ExecTarget {
  task: Task;
  container: Container;
}

/** The running task and container a request names, checked as ExecuteCommand checks them. */
export function execTarget(sim: SimContext, input: { cluster?: string; task: string; container?: string }): ExecTarget {
  const cluster = sim.cluster(input.cluster);
  const t = findTask(sim, cluster, input.task);
  if (!t) throw invalidParameter('The specified task was not found.');
  if (t.enableExecuteCommand !== true) throw invalidParameter(NOT_ENABLED);
  if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') throw invalidParameter(NOT_ENABLED);
  let c: Container | undefined;
  if (input.container !== undefined) {
    c = t.containers.find((x) => x.name === input.container);
    if (!c) throw invalidParameter(`The specified container ${input.container} was not found in the task.`);
  } else if (t.containers.length === 1) c = t.containers[0];
  // [INF] wording: AWS needs the container named when the task has several.
  else throw invalidParameter('The task has more than one container: specify the container to run the command in.');
  if (c!.state !== 'RUNNING') throw invalidParameter(NOT_ENABLED);
  const td = taskDefinitionOf(sim, t);
  const taskRole = (t.overrides.taskRoleArn as string | undefined) ?? td?.taskRoleArn;
  if (!taskRole) throw new ApiError('TargetNotConnectedException', 'The execute command failed due to an internal error. Try again later.');
  return { task: t, container: c! };
}

/** A command run in an ECS Exec session (sim.RunInContainer, the console's execute-command). */
export function runExec(sim: SimContext, input: { cluster?: string; task: string; container?: string; command: string }): ShellResult {
  const { task, container } = execTarget(sim, input);
  return runInContainer(sim, task, container, input.command);
}

export const EXECUTE_OPERATIONS = {
  ExecuteCommand(sim, input) {
    if (input.interactive !== true) throw invalidParameter('Interactive is the only mode supported currently.');
    const { task, container } = execTarget(sim, input);
    const sessionId = `ecs-execute-command-${sim.hex(17)}`;
    sim.emit('ExecuteCommandSession', say('ExecuteCommandSession.session', { session: sessionId, container: container.name, id: task.id, command: String(input.command) }), {
      taskArn: task.taskArn,
      containerName: container.name,
      sessionId,
    });
    return {
      clusterArn: task.clusterArn,
      containerArn: container.containerArn,
      containerName: container.name,
      interactive: true,
      session: {
        sessionId,
        streamUrl: `wss://ssmmessages.${sim.world.region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=AAEAAQ`,
        tokenValue: `AAEAA${sim.hex(40)}`,
      },
      taskArn: task.taskArn,
    };
  },
} satisfies EcsOperations;
