import type { Response } from 'express';
import type { VNode } from 'preact';
import { Language, parseLanguage } from '@mangfold/common';
import { sendPage } from '../respond';

/*
 * What the pages behind a mailed secret link (a registration's manage page, a requester's survey)
 * share: their address holds the token, so they are never indexed nor cached, and they speak the
 * language asked for, else the language of the person the link was mailed to.
 */

export function noindex(res: Response): Response {
  return res.setHeader('X-Robots-Tag', 'noindex');
}

export function sendTokenPage(res: Response, status: number, page: VNode): void {
  sendPage(noindex(res), page, { status, cache: 'no-store' });
}

export function tokenPageLanguage(asked: unknown, recipientLocale: string | null | undefined): Language {
  const fallback = parseLanguage(recipientLocale) ?? Language.DA;
  return parseLanguage(asked, fallback) ?? fallback;
}
