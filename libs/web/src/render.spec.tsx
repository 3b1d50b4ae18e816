import { renderPage } from './render';

describe('renderPage', () => {
  it('escapes text and attributes by default', () => {
    const hostile = '<script>alert("x")</script>';
    const html = renderPage(
      <html lang="da">
        <body title={hostile}>{hostile}</body>
      </html>,
    );
    expect(html.startsWith('<!doctype html><html lang="da">')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
  });
});
