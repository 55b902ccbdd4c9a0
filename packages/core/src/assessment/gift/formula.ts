import { FormulaError } from './gift.errors.ts';

type Node =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Node }
  | { readonly kind: 'bin'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Node[] };

interface Token {
  readonly kind: 'num' | 'id' | 'op' | 'end';
  readonly text: string;
  readonly pos: number;
}

const FUNCTIONS: Readonly<Record<string, { arity: [number, number]; fn: (...a: number[]) => number }>> = {
  abs: { arity: [1, 1], fn: Math.abs },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  exp: { arity: [1, 1], fn: Math.exp },
  log: { arity: [1, 1], fn: Math.log },
  log10: { arity: [1, 1], fn: Math.log10 },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  pow: { arity: [2, 2], fn: Math.pow },
  min: { arity: [1, 20], fn: Math.min },
  max: { arity: [1, 20], fn: Math.max },
  round: { arity: [1, 2], fn: (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d },
};

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m)
      throw new FormulaError(
        'formula.syntax',
        pos,
        `unexpected character "${src.slice(pos).trim()[0]}" at position ${pos + 1}`,
      );
    const start = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1], pos: start });
    else if (m[2] !== undefined) tokens.push({ kind: 'id', text: m[2], pos: start });
    else tokens.push({ kind: 'op', text: m[3], pos: start });
    pos = re.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', pos: src.length });
  return tokens;
}

/** Recursive-descent parser: expr := term (+|- term)*; term := unary (*|/ unary)*; unary := -unary | power; power := primary (^ unary)? */
function parseTokens(tokens: Token[], known: ReadonlySet<string> | undefined): Node {
  let i = 0;
  const peek = (): Token => tokens[i];
  const fail = (t: Token, what: string): never => {
    throw new FormulaError(
      'formula.syntax',
      t.pos,
      `${what} at position ${t.pos + 1}${t.kind === 'end' ? ' (end of formula)' : ` ("${t.text}")`}`,
    );
  };
  const expect = (text: string): void => {
    if (peek().text !== text || peek().kind !== 'op') fail(peek(), `expected "${text}"`);
    i++;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (t.kind === 'num') return { kind: 'num', value: Number(t.text) };
    if (t.kind === 'op' && t.text === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (t.kind === 'id') {
      if (peek().kind === 'op' && peek().text === '(') {
        const spec = Object.hasOwn(FUNCTIONS, t.text) ? FUNCTIONS[t.text] : undefined;
        if (!spec)
          throw new FormulaError(
            'formula.unknown-function',
            t.pos,
            `unknown function "${t.text}"; use one of ${Object.keys(FUNCTIONS).join(', ')}`,
          );
        i++;
        const args: Node[] = [expr()];
        while (peek().kind === 'op' && peek().text === ',') {
          i++;
          args.push(expr());
        }
        expect(')');
        if (args.length < spec.arity[0] || args.length > spec.arity[1])
          fail(t, `wrong number of arguments for ${t.text}`);
        return { kind: 'call', fn: t.text, args };
      }
      if (known && !known.has(t.text))
        throw new FormulaError(
          'formula.unknown-variable',
          t.pos,
          `unknown variable "${t.text}"; declare it or fix the spelling`,
        );
      return { kind: 'var', name: t.text };
    }
    return fail(t, 'expected a number, a variable or "("');
  };
  const power = (): Node => {
    const base = primary();
    if (peek().kind === 'op' && peek().text === '^') {
      i++;
      return { kind: 'bin', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const unary = (): Node => {
    if (peek().kind === 'op' && (peek().text === '-' || peek().text === '+')) {
      const neg = tokens[i++].text === '-';
      const arg = unary();
      return neg ? { kind: 'neg', arg } : arg;
    }
    return power();
  };
  const binary = (ops: string, next: () => Node) => (): Node => {
    let left = next();
    while (peek().kind === 'op' && ops.includes(peek().text)) {
      const op = tokens[i++].text;
      left = { kind: 'bin', op, left, right: next() };
    }
    return left;
  };
  const term = binary('*/', unary);
  const expr: () => Node = binary('+-', term);
  const tree = expr();
  if (peek().kind !== 'end') fail(peek(), 'unexpected input');
  return tree;
}

function evaluateNode(node: Node, values: Readonly<Record<string, number>>): number {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'var': {
      // Own numeric properties only: names like __proto__ must not reach the object's prototype.
      const v = Object.hasOwn(values, node.name) ? values[node.name] : undefined;
      if (typeof v !== 'number')
        throw new FormulaError('formula.unknown-variable', 0, `no value for variable "${node.name}"`);
      return v;
    }
    case 'neg':
      return -evaluateNode(node.arg, values);
    case 'call':
      return FUNCTIONS[node.fn].fn(...node.args.map((a) => evaluateNode(a, values)));
    case 'bin': {
      const l = evaluateNode(node.left, values);
      const r = evaluateNode(node.right, values);
      if (node.op === '+') return l + r;
      if (node.op === '-') return l - r;
      if (node.op === '*') return l * r;
      if (node.op === '/') return l / r;
      return l ** r;
    }
  }
}

function collectVariables(node: Node, out: Set<string>): Set<string> {
  if (node.kind === 'var') out.add(node.name);
  else if (node.kind === 'neg') collectVariables(node.arg, out);
  else if (node.kind === 'bin') {
    collectVariables(node.left, out);
    collectVariables(node.right, out);
  } else if (node.kind === 'call') node.args.forEach((a) => collectVariables(a, out));
  return out;
}

/** A parsed arithmetic formula, safe to evaluate (no `eval`, no property access, only the listed functions). */
export interface Formula {
  readonly source: string;
  /** Variables the formula uses, in order of first use. */
  readonly variables: readonly string[];
  /** Evaluates with the given variable values; throws FormulaError when a variable has no value. */
  evaluate(values: Readonly<Record<string, number>>): number;
}

/**
 * Parses an arithmetic formula: numbers, variables, `+ - * / ^`, parentheses and the functions
 * abs, sqrt, exp, log, log10, floor, ceil, pow, min, max, round(x, digits).
 * @param source the formula, e.g. `100 * unemp / (emp + unemp)`
 * @param knownVariables when given, any other variable name is an error
 * @throws FormulaError with the 0-based position of the problem
 * @example parseFormula('100 * u / (e + u)').evaluate({ e: 900, u: 100 }) // → 10
 */
export function parseFormula(source: string, knownVariables?: Iterable<string>): Formula {
  const tree = parseTokens(tokenize(source), knownVariables ? new Set(knownVariables) : undefined);
  return {
    source,
    variables: [...collectVariables(tree, new Set())],
    evaluate: (values) => evaluateNode(tree, values),
  };
}
