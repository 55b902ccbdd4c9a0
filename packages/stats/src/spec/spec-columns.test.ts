import { describe, expect, it } from 'vitest';
import { specColumns } from './spec-columns.ts';

describe('specColumns', () => {
  it('lists every data column a spec reads, and no derived name', () => {
    expect(
      specColumns({
        derive: { lf: { from: 'lfs', in: ['employed'] }, both: { all: ['lf', 'fb'] } },
        design: { ids: ['psu'], strata: 'stratum', weights: 'w', fpc: ['fpc1'] },
        adjust: { rake: { margins: { sex: { f: 1, m: 1 } } } },
        where: [{ age: { gte: 15 } }],
        estimate: [
          { kind: 'ratio', variables: ['lf'], denominator: 'wap', by: ['region'], where: { urban: ['yes'] } },
          { kind: 'mean', variables: ['income'] },
        ],
      }),
    ).toEqual(['psu', 'stratum', 'w', 'fpc1', 'sex', 'age', 'wap', 'region', 'urban', 'income', 'lfs', 'fb']);
  });
});
