import sanitizeHtml from 'sanitize-html';

const CELLS = ['th', 'td'];
const ALIGN_CLASSES = ['align-left', 'align-right', 'align-center'];

/** A table cell with its `text-align` style, if any, as an `align-*` class instead (and no other style). */
const alignedCell: sanitizeHtml.Transformer = (tagName, attribs) => {
  const { style, class: _class, ...rest } = attribs;
  const align = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i.exec(style ?? '')?.[1]?.toLowerCase();
  return { tagName, attribs: align ? { ...rest, class: `align-${align}` } : rest };
};

/**
 * The HTML that authored text may keep, shared by lessons (content/markdown.render.ts) and question texts
 * (assessment/question-text.render.ts): sanitize-html's default tags without `iframe`, plus images, `dfn`, `abbr`,
 * `del`, `s`, `sup`, `sub`; no `style`: a table cell's `text-align` (markdown-it's column alignment) becomes a class
 * `align-left|right|center`, since the site's Content-Security-Policy applies no style attribute; links over http(s)
 * and `mailto:` only, no protocol-relative addresses; images lazy and decoded off the main thread. Each caller adds
 * the attributes its own markup needs.
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
      Object.entries(attributes).map(([tag, names]) => [
        tag,
        CELLS.includes(tag) ? [...names.filter((n) => n !== 'style'), 'class'] : [...names],
      ]),
    ),
    allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    ...extra,
    allowedClasses: { th: ALIGN_CLASSES, td: ALIGN_CLASSES, ...extra.allowedClasses },
    transformTags: {
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
      th: alignedCell,
      td: alignedCell,
      ...extra.transformTags,
    },
  };
}
