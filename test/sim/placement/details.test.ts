import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/en.json';
import es from '../../../src/i18n/locales/es.json';
import { PLACEMENT_DETAILS, sayDetail } from '../../../src/sim/placement/details';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('placement details', () => {
  it('say the English and keep the form and its values as strings, as the English says them', () => {
    expect(sayDetail('memory', { need: 2048, left: 1024 })).toEqual({ detail: 'needs 2048 MiB, 1024 MiB remaining', form: { code: 'memory', values: { need: '2048', left: '1024' } } });
    expect(sayDetail('port', { port: '80/tcp' })).toEqual({ detail: 'host port 80/tcp is already in use', form: { code: 'port', values: { port: '80/tcp' } } });
    expect(sayDetail('agent', {})).toEqual({ detail: 'the container agent is disconnected', form: { code: 'agent', values: {} } });
    // A value that looks like a slot stays as it is (it is never filled again).
    expect(sayDetail('attribute', { name: '{status}' }).detail).toBe('missing required attribute {status}');
  });

  it("are the English locale's placement.detail entries, and each Spanish entry keeps the same values", () => {
    const english = en as Record<string, string>;
    const spanish = es as Record<string, string>;
    for (const [code, text] of Object.entries(PLACEMENT_DETAILS)) {
      expect(english[`placement.detail.${code}`], code).toBe(text);
      expect(spanish[`placement.detail.${code}`], code).toBeDefined();
      expect(slots(spanish[`placement.detail.${code}`]!), code).toEqual(slots(text));
    }
    // And no placement.detail entry is left without a form.
    expect(Object.keys(english).filter((k) => k.startsWith('placement.detail.') && !(k.slice(17) in PLACEMENT_DETAILS))).toEqual([]);
  });
});
