import { describe, expect, it } from 'vitest';
import { shorthand } from '../../../src/content/console';

describe('the AWS CLI shorthand', () => {
  it('reads shorthand, nested maps and lists', () => {
    expect(shorthand('type=spread,field=attribute:ecs.availability-zone')).toEqual({ type: 'spread', field: 'attribute:ecs.availability-zone' });
    expect(shorthand('awsvpcConfiguration={subnets=[subnet-a,subnet-b],assignPublicIp=ENABLED}')).toEqual({ awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], assignPublicIp: 'ENABLED' } });
    expect(shorthand('a=[x')).toBe("expected ']'");
  });
});
