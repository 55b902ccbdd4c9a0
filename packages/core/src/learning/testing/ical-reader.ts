/** A parsed iCalendar component. (Test helper: an independent, minimal RFC 5545 reader.) */
export interface IcalComponent {
  readonly name: string;
  readonly props: { name: string; params: Record<string, string>; value: string }[];
  readonly children: IcalComponent[];
}

/** Checks line ends and line lengths, unfolds, and parses components; throws on anything malformed. */
export function readIcal(text: string): IcalComponent {
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text)) throw new Error('line ends must be CRLF');
  const physical = text.split('\r\n');
  if (physical.pop() !== '') throw new Error('must end with CRLF');
  for (const line of physical)
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${line}`);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('continuation without a line');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: IcalComponent[] = [];
  let root: IcalComponent | undefined;
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`bad content line: ${line}`);
    const [, name, rawParams, value] = m;
    if (name === 'BEGIN') {
      const c: IcalComponent = { name: value!, props: [], children: [] };
      stack[stack.length - 1]?.children.push(c);
      stack.push(c);
      root ??= c;
    } else if (name === 'END') {
      if (stack.pop()?.name !== value) throw new Error(`END:${value} does not match`);
    } else {
      const params = Object.fromEntries(
        rawParams!
          .split(';')
          .filter(Boolean)
          .map((p) => p.split('=') as [string, string]),
      );
      const top = stack[stack.length - 1];
      if (!top) throw new Error('property outside a component');
      top.props.push({ name: name!, params, value: value! });
    }
  }
  if (!root || stack.length > 0) throw new Error('unbalanced components');
  return root;
}

/** The value of a property (first occurrence). */
export function prop(c: IcalComponent, name: string): string | undefined {
  return c.props.find((p) => p.name === name)?.value;
}

/** Unescapes a TEXT value. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

/** Parses a UTC DATE-TIME (`20260308T225900Z`) to an ISO string; throws for anything else. */
export function utcDateTime(value: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) throw new Error(`not a UTC DATE-TIME: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}
