import { ApiError } from '../core/errors';
import { own } from '../core/own';
import type { SimContext } from '../model/context';
import type { Alarm } from '../model/types';
import { alarmCondition } from '../controllers/autoscaling';
import { checkDeploymentAlarms } from '../controllers/services';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { say } from '../model/narration';

/** CloudWatch alarms (`cloudwatch.`) on the metrics the engine publishes, with the members and errors of that API. */

const arn = (sim: SimContext, service: string, rest: string) => `arn:aws:${service}:${sim.world.region}:${sim.world.account}:${rest}`;
const cwError = (m: string) => new ApiError('ValidationError', m);

export const CLOUDWATCH_OPERATIONS: Record<string, Operation> = {
  PutMetricAlarm(sim, input) {
    const need = (k: string) => {
      if (input[k] === undefined) throw new ApiError('MissingParameter', `The parameter ${k} is required.`);
      return input[k];
    };
    const name = need('AlarmName') as string;
    const period = need('Period') as number;
    if (period !== 60) throw cwError('The simulator publishes one datapoint a minute: Period must be 60.');
    const evaluation = need('EvaluationPeriods') as number;
    const datapoints = (input.DatapointsToAlarm as number | undefined) ?? evaluation;
    if (!Number.isInteger(evaluation) || evaluation < 1) throw cwError('EvaluationPeriods must be at least 1.');
    if (datapoints > evaluation || datapoints < 1) throw cwError('DatapointsToAlarm must be between 1 and EvaluationPeriods.');
    const op = need('ComparisonOperator') as Alarm['ComparisonOperator'];
    if (!['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'].includes(op)) throw cwError(`Unsupported ComparisonOperator ${op}.`);
    const statistic = (input.Statistic as string | undefined) ?? 'Average';
    const a: Alarm = {
      AlarmName: name,
      AlarmArn: arn(sim, 'cloudwatch', `alarm:${name}`),
      ...(input.AlarmDescription ? { AlarmDescription: input.AlarmDescription as string } : {}),
      Namespace: need('Namespace') as string,
      MetricName: need('MetricName') as string,
      Dimensions: (input.Dimensions as Alarm['Dimensions'] | undefined) ?? [],
      Statistic: statistic,
      Period: 60,
      EvaluationPeriods: evaluation,
      DatapointsToAlarm: datapoints,
      Threshold: need('Threshold') as number,
      ComparisonOperator: op,
      AlarmActions: (input.AlarmActions as string[] | undefined) ?? [],
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      StateUpdatedMs: sim.now,
    };
    sim.world.alarms[name] = a;
    // Step scaling policies list the alarms that invoke them.
    for (const p of Object.values(sim.world.scalingPolicies)) {
      if (a.AlarmActions.includes(p.PolicyARN) && !p.Alarms.some((x) => x.AlarmName === name)) p.Alarms.push({ AlarmName: name, AlarmARN: a.AlarmArn });
    }
    sim.emit('AlarmPut', say('AlarmPut.put', { name, condition: alarmCondition(a) }), { alarmName: name });
    return {};
  },

  DescribeAlarms(sim, input) {
    const names = input.AlarmNames as string[] | undefined;
    const alarms = Object.values(sim.world.alarms).filter((a) => !names || names.includes(a.AlarmName));
    return pageOf(
      alarms,
      input,
      PAGING.cloudwatch,
      'MetricAlarms',
      (a) => a.AlarmName,
      ({ StateUpdatedMs, ownedBy, ...a }) => {
        void ownedBy;
        return { ...a, StateUpdatedTimestamp: sim.ts(StateUpdatedMs) };
      },
    );
  },

  /**
   * Sets an alarm's state until its next evaluation (the next minute), as the CloudWatch API does; the
   * AWS documentation uses it to test that an alarm rolls a deployment back.
   */
  SetAlarmState(sim, input) {
    const a = own(sim.world.alarms, input.AlarmName);
    if (!a) throw new ApiError('ResourceNotFound', `Alarm ${String(input.AlarmName)} does not exist.`);
    const state = input.StateValue as Alarm['StateValue'];
    if (!['OK', 'ALARM', 'INSUFFICIENT_DATA'].includes(state)) throw cwError(`Invalid StateValue ${String(state)}: use OK, ALARM or INSUFFICIENT_DATA.`);
    if (state !== a.StateValue) {
      a.StateValue = state;
      a.StateReason = String(input.StateReason ?? '');
      a.StateUpdatedMs = sim.now;
      sim.emit('AlarmStateChange', say('AlarmStateChange.set', { name: a.AlarmName, state, reason: a.StateReason }), { alarmName: a.AlarmName, state });
      checkDeploymentAlarms(sim);
    }
    return {};
  },

  DeleteAlarms(sim, input) {
    for (const n of (input.AlarmNames as string[] | undefined) ?? []) delete sim.world.alarms[n];
    return {};
  },
};
