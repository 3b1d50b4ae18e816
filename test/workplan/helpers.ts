import type { TestApp } from '../utils';
import { dataOf } from '../utils';

export const RECORD = `mutation($input: RecordAssignmentInput!) {
  recordAssignment(input: $input) { id title kind status requester { department contactName contactEmail language } frame { specific deadline } survey { satisfied } }
}`;

export const COMPLETE = `mutation($id: ID!, $at: DateTime) { completeAssignment(id: $id, completedAt: $at) { id status completedAt survey { satisfied comment answeredAt } } }`;

export const ANSWER = `mutation($token: String!, $input: RequesterSurveyInput!) {
  answerRequesterSurvey(token: $token, input: $input) { assignmentTitle satisfied answeredAt }
}`;

export function assignmentInput(n: number | string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Rådgivning om rekruttering ${n}`,
    kind: 'ADVICE',
    requester: {
      department: 'Beskæftigelses- og Integrationsforvaltningen',
      contactName: `Rekvirent ${n}`,
      contactEmail: `rekvirent-${n}@kk.example.org`,
      language: 'DA',
    },
    frame: {
      specific: 'Tre jobcentre får en metode til opsøgende arbejde',
      measurable: 'Metoden er afprøvet i tre jobcentre',
      attractive: 'Flere ledige med anden etnisk baggrund nås',
      realistic: 'TFI har metoden fra et tidligere projekt',
      timeBound: 'Inden sommerferien',
      deadline: '2026-06-30',
    },
    ...overrides,
  };
}

export async function recordAssignment(app: TestApp, token: string, n: number | string, overrides: Record<string, unknown> = {}) {
  return dataOf(await app.gql<{ recordAssignment: Record<string, any> }>(RECORD, { input: assignmentInput(n, overrides) }, token))
    .recordAssignment;
}

/** The survey link of a mail: the only http(s) URL to /assignments/survey in its text. */
export function surveyLinkOf(text: string): string {
  const match = /https?:\/\/\S+\/assignments\/survey\?\S+/.exec(text);
  if (!match) throw new Error(`no survey link in:\n${text}`);
  return match[0];
}
