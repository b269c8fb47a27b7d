import { describe, expect, it } from 'vitest';
import { compared, parseRun } from '../../bench/compare';

describe('npm run bench -- --compare FILE', () => {
  const saved = parseRun('day_500_instances_40_services_wall 8.738 s\npage_first_load_js_gzip 406.2 KB\nnot a figure\n');

  it('reads a saved run back from the lines the bench prints', () => {
    expect([...saved.keys()]).toEqual(['day_500_instances_40_services_wall', 'page_first_load_js_gzip']);
    expect(saved.get('page_first_load_js_gzip')).toEqual({ name: 'page_first_load_js_gzip', value: 406.2, unit: 'KB' });
  });

  it('prints each figure as it is, then its ratio to the saved one', () => {
    expect(compared('day_500_instances_40_services_wall 1.311 s', saved)).toBe('day_500_instances_40_services_wall 1.311 s  ×0.15 (was 8.738 s)');
    expect(compared('page_first_load_js_gzip 406.2 KB', saved)).toBe('page_first_load_js_gzip 406.2 KB  ×1 (was 406.2 KB)');
  });

  it('says when the saved run has no such figure', () => {
    expect(compared('snapshot_2000_tasks 7.5 ms', saved)).toBe('snapshot_2000_tasks 7.5 ms  (new)');
  });
});
