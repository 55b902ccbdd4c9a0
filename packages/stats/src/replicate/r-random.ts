/**
 * R's default random number generator, so that replicate weights drawn "as R draws them" are R's own: the
 * Mersenne-Twister (`RNGkind("Mersenne-Twister")`) seeded as `set.seed(seed)` seeds it (50 rounds of the LCG
 * `69069 · s + 1` to scramble the seed, then 625 more to fill the state, position 624), `unif_rand()` with R's
 * fixup away from 0 and 1, and `sample()` with the "Rejection" sample kind (R ≥ 3.6): an index below n is drawn
 * from `ceil(log2 n)` random bits in 16-bit chunks, rejected when ≥ n. Sampling without replacement is R's
 * partial Fisher–Yates (`do_sample`: swap the drawn index with the last one), used by R for n ≤ 10^7.
 *
 * @example
 * const rng = RRandom.seeded(1);
 * rng.unifRand(); // 0.2655086631… as R's set.seed(1); runif(1)
 */
export class RRandom {
  private readonly mt = new Uint32Array(624);
  private mti = 624;

  private constructor() {}

  /** The generator after R's `set.seed(seed)` (an integer; negative seeds wrap as in C). */
  static seeded(seed: number): RRandom {
    if (!Number.isInteger(seed)) throw new RangeError(`RRandom: seed must be an integer, got ${seed}`);
    const r = new RRandom();
    let s = seed >>> 0;
    for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) >>> 0;
    // R fills dummy[0..624]; dummy[0] (the position) is then set to 624
    s = (Math.imul(69069, s) + 1) >>> 0;
    for (let j = 0; j < 624; j++) {
      s = (Math.imul(69069, s) + 1) >>> 0;
      r.mt[j] = s;
    }
    r.mti = 624;
    return r;
  }

  private genrand(): number {
    const mt = this.mt;
    if (this.mti >= 624) {
      let kk = 0;
      let y: number;
      for (; kk < 624 - 397; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + 397] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < 623; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (397 - 624)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[623] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[623] = mt[396] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return (y >>> 0) * 2.3283064365386963e-10;
  }

  /** R's `unif_rand()`: uniform on (0, 1). */
  unifRand(): number {
    const x = this.genrand();
    const i2_32m1 = 2.328306437080797e-10;
    if (x <= 0) return 0.5 * i2_32m1;
    if (1 - x <= 0) return 1 - 0.5 * i2_32m1;
    return x;
  }

  /** R's `R_unif_index(dn)` (rejection sampling): an integer in [0, dn). */
  unifIndex(dn: number): number {
    if (dn <= 0) return 0;
    const bits = Math.ceil(Math.log2(dn));
    const range = 2 ** bits;
    for (;;) {
      let v = 0;
      for (let n = 0; n <= bits; n += 16) v = 65536 * v + Math.floor(this.unifRand() * 65536);
      const dv = v % range;
      if (dv < dn) return dv;
    }
  }

  /**
   * R's `sample.int(n, size, replace)` as 0-based indices.
   *
   * @throws RangeError when size > n without replacement, or n > 10^7 without replacement (R switches to a hash
   *   algorithm there, which this does not replay).
   */
  sampleInt(n: number, size: number, replace: boolean): Int32Array {
    const out = new Int32Array(size);
    if (replace) {
      for (let i = 0; i < size; i++) out[i] = this.unifIndex(n);
      return out;
    }
    if (size > n) throw new RangeError(`RRandom.sampleInt: cannot take ${size} of ${n} without replacement`);
    if (n > 1e7)
      throw new RangeError(`RRandom.sampleInt: n = ${n} is above 10^7, where R samples by hashing`);
    const x = new Int32Array(n);
    for (let i = 0; i < n; i++) x[i] = i;
    let left = n;
    for (let i = 0; i < size; i++) {
      const j = this.unifIndex(left);
      out[i] = x[j];
      x[j] = x[--left];
    }
    return out;
  }
}
