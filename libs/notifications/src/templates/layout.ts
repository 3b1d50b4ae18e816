import { escapeHtml } from '@mangfold/common';

/** A mail's content before it is laid out: the same blocks become the plain-text and the HTML part. */
export interface MailContent {
  subject: string;
  greeting: string;
  blocks: Block[];
  action?: { label: string; url: string };
  /** Shown in the footer when the mail is about a registration. */
  manageUrl?: string;
}

export type Block = { paragraph: string } | { details: [label: string, value: string][] };

export interface FooterTexts {
  city: string;
  product: string;
  privacyLabel: string;
  privacyUrl: string;
  manageLabel: string;
  automatic: string;
}

/** Only http(s) links go into an href; anything else (javascript:, data:) is dropped. */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
}

export function renderText(content: MailContent, footer: FooterTexts): string {
  const out: string[] = [content.greeting, ''];
  for (const block of content.blocks) {
    if ('paragraph' in block) out.push(block.paragraph, '');
    else {
      const width = Math.max(...block.details.map(([label]) => label.length));
      for (const [label, value] of block.details) out.push(`${`${label}:`.padEnd(width + 2)}${value}`);
      out.push('');
    }
  }
  if (content.action) out.push(`${content.action.label}: ${content.action.url}`, '');
  out.push('-- ', `${footer.product} · ${footer.city}`);
  if (content.manageUrl) out.push(`${footer.manageLabel}: ${content.manageUrl}`);
  out.push(`${footer.privacyLabel}: ${footer.privacyUrl}`, footer.automatic);
  return out.join('\n') + '\n';
}

export function renderHtml(content: MailContent, footer: FooterTexts, lang: string): string {
  const body: string[] = [`<p>${escapeHtml(content.greeting)}</p>`];
  for (const block of content.blocks) {
    if ('paragraph' in block) body.push(`<p>${escapeHtml(block.paragraph)}</p>`);
    else {
      const rows = block.details
        .map(
          ([label, value]) =>
            `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0;font-weight:600">${escapeHtml(label)}</th>` +
            `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('');
      body.push(`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 16px">${rows}</table>`);
    }
  }
  const actionHref = content.action && safeHref(content.action.url);
  if (content.action && actionHref) {
    body.push(
      `<p style="margin:24px 0"><a href="${actionHref}" style="background:#1f4e8c;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>`,
    );
  }
  const footerLinks: string[] = [];
  const manageHref = content.manageUrl && safeHref(content.manageUrl);
  if (manageHref) footerLinks.push(`<a href="${manageHref}" style="color:#555555">${escapeHtml(footer.manageLabel)}</a>`);
  const privacyHref = safeHref(footer.privacyUrl);
  if (privacyHref) footerLinks.push(`<a href="${privacyHref}" style="color:#555555">${escapeHtml(footer.privacyLabel)}</a>`);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f4f4">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222222">',
    ...body,
    '<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px">',
    `<p style="font-size:12px;color:#555555">${escapeHtml(footer.product)} · ${escapeHtml(footer.city)}<br>${footerLinks.join(' · ')}<br>${escapeHtml(footer.automatic)}</p>`,
    '</div></body></html>',
  ].join('\n');
}
