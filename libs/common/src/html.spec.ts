import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in elements and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Ø & co</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Ø &amp; co&lt;/a&gt;');
  });
});
