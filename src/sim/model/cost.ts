/** What the run has cost so far (the cost meter), in US dollars. */
export interface CostState {
  totalUSD: number;
  byCapacityType: Record<string, number>;
  byService: Record<string, number>;
  unusedEc2USD: number;
}

export function emptyCost(): CostState {
  return { totalUSD: 0, byCapacityType: {}, byService: {}, unusedEc2USD: 0 };
}
