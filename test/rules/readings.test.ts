import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import { parameterSchema, resolvePolicy } from '../../src/rules/policy.js';
import { CONTESTED, NOT_CONTESTED, alternativesOf, withReading } from '../../src/rules/readings.js';
import { DEFAULT_PARAMETERS, policyWith } from '../helpers.js';

// Issue #39: which parameters are readings of the law, and the values `what-if` tries for each.

describe('the contested readings', () => {
  it('every policy parameter is either a contested reading or named as not one (a new parameter must choose)', () => {
    expect([...CONTESTED, ...NOT_CONTESTED].sort()).toEqual(Object.keys(DEFAULT_PARAMETERS).sort());
    expect(CONTESTED.filter((p) => (NOT_CONTESTED as readonly string[]).includes(p))).toEqual([]);
  });

  it('each enumerated parameter is tried with every value its schema allows but the configured one', () => {
    const shape = (parameterSchema(BN_358_2013) as unknown as z.ZodObject<z.ZodRawShape>).shape;
    for (const overrides of [{}, { pointC: 'either', rankScope: 'all', groupSizeRounding: 'ceil' } as const]) {
      const policy = policyWith(overrides);
      const readings = alternativesOf(policy);
      for (const parameter of CONTESTED) {
        const field = shape[parameter];
        const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
        if (!(inner instanceof z.ZodEnum)) continue;
        const tried = readings.filter((r) => r.parameter === parameter).map((r) => r.alternative);
        const current = policy.parameters[parameter];
        expect(tried.sort(), parameter).toEqual((inner.options as string[]).filter((v) => v !== current).sort());
      }
    }
  });

  it('the information-only items are tried both as the regulation has them and as none', () => {
    const tried = (policy: ReturnType<typeof policyWith>) =>
      alternativesOf(policy)
        .filter((r) => r.parameter === 'informationOnlyItems')
        .map((r) => r.alternative);
    expect(tried(policyWith())).toEqual([[]]);
    expect(tried(policyWith({ informationOnlyItems: [] }))).toEqual([[...BN_358_2013.defaults.informationOnlyItems]]);
    // A configured list that is neither: both readings of the text are tried.
    expect(tried(policyWith({ informationOnlyItems: ['1.1'] }))).toHaveLength(2);
  });

  it('every alternative is a value the policy file accepts, and withReading changes that parameter alone', () => {
    const policy = policyWith();
    for (const reading of alternativesOf(policy)) {
      expect(() => resolvePolicy(2024, { [reading.parameter]: reading.alternative })).not.toThrow();
      const changed = withReading(policy, reading);
      for (const key of Object.keys(DEFAULT_PARAMETERS) as (keyof typeof DEFAULT_PARAMETERS)[])
        expect(changed.parameters[key], key).toEqual(
          key === reading.parameter ? reading.alternative : policy.parameters[key],
        );
    }
  });
});
