import sanitizeHtml from 'sanitize-html';

/**
 * The HTML that authored text may keep, shared by lessons (content/markdown.render.ts) and question texts
 * (assessment/question-text.render.ts): sanitize-html's default tags without `iframe`, plus images, `dfn`, `abbr`,
 * `del`, `s`, `sup`, `sub`; no `style` but `text-align`; links over http(s) and `mailto:` only, no protocol-relative
 * addresses; images lazy and decoded off the main thread. Each caller adds the attributes its own markup needs.
 */
export function authoredHtmlOptions(
  attributes: Readonly<Record<string, readonly string[]>>,
  extra: Partial<sanitizeHtml.IOptions> = {},
): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'iframe'),
      'img',
      'dfn',
      'abbr',
      'del',
      's',
      'sup',
      'sub',
    ],
    allowedAttributes: Object.fromEntries(
      Object.entries(attributes).map(([tag, names]) => [tag, [...names]]),
    ),
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: {
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
    },
    ...extra,
  };
}
