/** Capacity providers every account has, and the messages AWS gives about them (ecs-spec §7.1-7.2). */

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

/** What RunTask's failures and the service event say when Fargate Spot has no capacity. */
export const SPOT_UNAVAILABLE = 'Capacity is unavailable at this time. Please try again later or in a different availability zone';

export const NOT_ASSOCIATED =
  'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.';
