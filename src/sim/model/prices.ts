/**
 * Prices for the cost meter, us-east-1 on-demand, USD (EC2 per instance-hour lives in the
 * instance-type catalogue). Fargate Spot runs at about 70 % off the Fargate price.
 */
export const PRICES = {
  fargateVcpuHour: 0.04048,
  fargateGbHour: 0.004445,
  fargateSpotVcpuHour: 0.01214398,
  fargateSpotGbHour: 0.00133349,
};
