/**
 * Prices for the cost meter, us-east-1 on-demand, USD (EC2 per instance-hour lives in the
 * instance-type catalogue). Fargate Spot runs at about 70 % off the Fargate price.
 */
export const PRICES = {
  fargateVcpuHour: 0.04048,
  fargateGbHour: 0.004445,
  fargateSpotVcpuHour: 0.01214398,
  fargateSpotGbHour: 0.00133349,
  /**
   * Amazon ECS Managed Instances: the EC2 price plus a management fee per instance-hour by instance
   * type (aws.amazon.com/ecs/pricing/). The sources at hand give no per-type figure: [INF] 12 % of the
   * type's on-demand price.
   */
  managedInstancesFeeShare: 0.12,
};
